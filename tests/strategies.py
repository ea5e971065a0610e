"""Hypothesis strategies: any Unicode, token soups that reach the engine's corners,
and realistic pages (a story of prose paragraphs inside a site's chrome)."""

from __future__ import annotations

from hypothesis import strategies as st

from cleaner.rules import load_rules
from pages import SITES

# Every code point, surrogates (lone, as JSON escapes and Python str allow) included.
any_char = st.characters(codec=None, categories=None)
any_text = st.text(any_char, max_size=400)

# Pieces that pages and their corners are made of: separators, bylines, dates,
# right-to-left and unspaced scripts, emoji, controls, NUL, invisible characters.
TOKENS = [
    "a", "The council voted on Tuesday. ", "\n", "\n\n", " ", "\t", "\r", "|", " | ", "—", " - ", "@", ".", ":",
    "By ", "Von ", "Jane Doe", "Published May 24, 2023", "12:50 Uhr", "2 hours ago", "WINNIPEG — ",
    "(Reuters) - ", "Top Stories", "Share on Facebook", "Skip to main content", "Related Articles",
    "© 2024 The Gazette. All rights reserved.", "Photo: AP", "http://example.com/x", "www.", "x@y.z",
    "日本語の文章です。", "中文没有空格的句子", "שלום עולם, זה טקסט.", "مرحبا بالعالم.", "😀", "👩‍👩‍👧",
    "\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\u200b", "\u00ad", "\ufeff", "\ufffd", "\ud800",
    "\udfff", "\U0010ffff", "e\u0301", "İ", "ß", "ﬁ", "<p>", "</p>", "<div>", "<br>", "&amp;", "&#0;",
]
token_soup = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)

# Realistic pages: the chrome is what the built-in rules' examples show.
_RULES = load_rules()


def _examples(*ids: str) -> list[str]:
    return sorted({e for r in _RULES if r.id in ids for e in r.examples_match if "\n" not in e})


HEADER = _examples("nav.skip-link", "nav.menu-control", "nav.breadcrumb", "nav.language-picker",
                   "nav.site-sections", "social.follow", "social.newsletter", "legal.cookies") + \
    sorted({x for s in SITES.values() for x in s["header"] if x})
BYLINE = _examples("meta.byline", "meta.date-line", "meta.name-date-line", "meta.time-line", "nav.reading-time",
                   "social.share")
INLINE = _examples("legal.advertisement", "social.share", "social.newsletter")
END = _examples("end.comments", "end.related", "end.tags", "end.about-author", "label.section")
FOOTER = _examples("legal.copyright", "legal.site-links", "social.follow", "social.share", "nav.pagination") + \
    sorted({x for s in SITES.values() for x in s["footer"] if x})
CREDIT = _examples("meta.credit-line")
DATELINES = ["WINNIPEG — ", "OTTAWA (Reuters) - ", "BERLIN - ", "(AP) — ", ""]
STOP = "the a of to and in that is was for on with as by at from it his her their said would has".split()
TOPICS = [
    "council city mayor river bridge vote residents ferry crossing bank debate plan cost dollars".split(),
    "library students exam hours reading rooms staff university petition librarian evening".split(),
    "orchard apple harvest growers frost spring prices cider juice market valley crop".split(),
    "hospital ward children beds doctors parents operations winter shortage nurses patients".split(),
    "runner marathon race teacher training distance record friends mornings finish".split(),
]


@st.composite
def sentence(draw, topic: list[str]) -> str:
    n = draw(st.integers(8, 28))
    words = [draw(st.sampled_from(STOP if draw(st.integers(0, 2)) else topic)) for _ in range(n)]
    text = " ".join(words)
    return text[0].upper() + text[1:] + draw(st.sampled_from(".....!?"))


@st.composite
def paragraph(draw, topic: list[str]) -> str:
    return " ".join(draw(st.lists(sentence(topic), min_size=1, max_size=4)))


@st.composite
def headline(draw, topic: list[str]) -> str:
    text = " ".join(draw(st.lists(st.sampled_from(topic + STOP[:6]), min_size=4, max_size=12)))
    return text[0].upper() + text[1:]


@st.composite
def page(draw) -> str:
    """Title line, menus, headline, byline, distinct prose paragraphs (an ad or a
    share bar between some), a credit line, "Related" and teasers, footer."""
    k = draw(st.integers(0, len(TOPICS) - 1))
    topic, other = TOPICS[k], TOPICS[(k + 1) % len(TOPICS)]
    head = draw(headline(topic))
    lines: list[str] = []
    if draw(st.booleans()):
        lines += [head + draw(st.sampled_from([" | The Gazette", " - Valley Herald", ""])), ""]
    lines += draw(st.lists(st.sampled_from(HEADER), max_size=8, unique=True)) + [""]
    if draw(st.booleans()):
        lines += [head, ""]
    lines += draw(st.lists(st.sampled_from(BYLINE), max_size=3, unique=True)) + [""]
    paragraphs = draw(st.lists(paragraph(topic), min_size=1, max_size=8, unique=True))
    paragraphs[0] = draw(st.sampled_from(DATELINES)) + paragraphs[0]
    for p in paragraphs:
        lines += [p, ""]
        if draw(st.integers(0, 7)) == 0:
            lines += [draw(st.sampled_from(INLINE)), ""]
    if draw(st.integers(0, 3)) == 0:
        lines += [draw(st.sampled_from(CREDIT)), ""]
    if draw(st.booleans()):
        lines += [draw(st.sampled_from(END)), ""]
        for _ in range(draw(st.integers(0, 3))):
            lines += [draw(headline(other)), draw(paragraph(other)), ""]
    lines += draw(st.lists(st.sampled_from(FOOTER), max_size=8, unique=True))
    return "\n".join(lines) + "\n"


@st.composite
def html_page(draw) -> str:
    """A realistic page as HTML, sometimes with broken or deep markup around it."""
    text = draw(page())
    blocks = [b for b in text.split("\n\n") if b.strip()]
    wrap = draw(st.sampled_from(["p", "div", "li", "span", "td"]))
    body = "".join(f"<{wrap}>{b.replace(chr(10), '<br>')}</{wrap}>" for b in blocks)
    depth = draw(st.integers(0, 30))
    opener = draw(st.sampled_from(["<div>", "<section class='share'>", "<span hidden>", "<noscript>", "<nav>"]))
    return f"<!doctype html><html><body>{opener * depth}{body}</body></html>"
