"""Stage 3, score: gather evidence for each block and weigh it into one number.

Two passes, each a weighted sum whose weights live in ``data/weights.toml``:

1. local: what a block says about itself: length, stop-word density, sentence
   punctuation, capitalisation, digits, link-likeness, repetition in the page
   and across the site, membership of a run of short lines;
2. context: the local scores around it, and where it stands: before or after
   the headline (the block repeating the page's title line), after an end
   boundary such as "Comments", how far down the page.

The result is the log-odds that the block belongs to the story. Rule hits are
recorded beside it; the select stage decides with both.
"""

from __future__ import annotations

import math
from collections import Counter
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import mul
from typing import Collection

import regex

from .rules import Rule
from .rules.ruleset import RuleSet
from .segment import Block, block_key
from . import text as T

_SENTENCE = regex.compile(r"[.!?…。！？](?:\s|$)|[。！？]")
# An address is found as "x@...y.z" from its '@'s, each scanned up to the next one:
# "\S+@\S+\.\w+" matches the same lines but takes quadratic time on a long run without spaces.
_LINK_LIKE = regex.compile(r"https?://|www\.|\S@[^\s@]*\S\.\w|[»›|•·]|^\W|→|\s/\s")
_CAPITALISED = regex.compile(r"(?<!\w)\p{Lu}")
_DIGITS = "0123456789"  # counted one by one: str.count beats deleting them with str.translate
_LONG_WORD = regex.compile(r"\w{13,}")
_COMMAS = ",;，、"
_DOMAIN = regex.compile(r"\w\.(?:[a-z]{2,3}|info|online)\b", regex.IGNORECASE)
_TAG = regex.compile(r"\[[^\[\]\n]{1,30}\]")
_TITLE_SPLIT = regex.compile(r"\s+(?:[|·•»:–—-]|::)\s+")
_BRACKETED = regex.compile(r"\((\w{2,8})\)")
_OPENERS = set("\"“„«‘'—–-(")

LOCAL = (
    "bias", "log_words", "stop", "punct_end", "sentences", "title_case", "digits", "link_like",
    "repeated", "short", "menu_group", "recurring", "commas", "long_word", "quote_start",
    "lower_start", "group_size", "stop_rel", "title_case_rel", "isolated", "words_bin_1", "words_bin_2",
    "words_bin_3", "words_bin_4",
)
# Structure around a block of an HTML page (cleaner/html); all zero for text input.
HTML = (
    "h_nav", "h_header", "h_footer", "h_aside", "h_article", "h_main", "h_form", "h_figure", "h_list",
    "h_table", "h_blockquote", "h_pre", "h_dialog", "h_heading", "h_h1", "h_paragraph", "h_chrome_class",
    "h_meta_class", "h_story_class", "h_link_density", "h_in_root", "h_no_structure",
    "h_box_links", "h_box_prose", "h_box_share",
)
_NO_HTML = (0.0,) * len(HTML)
CONTEXT = (
    "bias", "local", "prev", "next", "prev2", "next2", "window", "before_headline", "after_headline",
    "headline_near", "no_headline", "after_end", "after_final", "position", "chrome_hit", "title_words",
    "mass_before", "mass_after", "chrome_since", "lead",
)
REVISE = ("bias", "context", "cohesion", "cohesion_long", "cohesion_prev", "cohesion_next", "outside")
_CLIP = 6.0
LEAD_REACH = 15
# Blocks under a label ('Related') within which the story may go on.
RESUME_REACH = 10
RESUME_MIN = 0.5
RECURRING_PENALTY = 8.0
# On a page, groups longer than this read alike: a long menu, or a story whose paragraphs are no <p>.
GROUP_CAP = 20


@dataclass(slots=True)
class Evidence:
    """What the score stage learned about one block."""

    block: Block
    words: float
    tokens: list[str]
    text: str  # the block's text as measured: glued labels left out
    stop: float
    punct_end: bool
    stops: frozenset[str]
    local_features: tuple[float, ...] = ()
    local: float = 0.0
    score: float = 0.0
    chrome: Rule | None = None
    boundary: Rule | None = None
    phrases: list[tuple[Rule, int, int]] = field(default_factory=list)
    metadata: list[tuple[Rule, dict]] = field(default_factory=list)
    context_features: tuple[float, ...] = ()
    revise_features: tuple[float, ...] = ()
    recurring: bool = False  # recurs across the site's pages (batch templates)
    soft: float = 0.0  # weights of the rules that weigh rather than decide
    _content: frozenset[str] | None = None

    @property
    def content(self) -> frozenset[str]:
        """Words that carry meaning, for cohesion with the story (computed once, on demand)."""
        if self._content is None:
            self._content = frozenset(T.content_words(self.tokens, self.stops))
        return self._content

    @property
    def heading(self) -> int:
        """The block's heading level on an HTML page (1 to 6), else 0."""
        info = self.block.html
        return info.heading if info is not None else 0


# Cost of each run of story blocks (select.story_runs) when a weights file sets none.
DEFAULT_GAP_PENALTY = 3.0


@dataclass(frozen=True, slots=True)
class Weights:
    local: tuple[float, ...]
    context: tuple[float, ...]
    revise: tuple[float, ...]
    gap_penalty: float = DEFAULT_GAP_PENALTY

    @classmethod
    def from_tables(cls, local: dict, context: dict, revise: dict, select: dict | None = None) -> "Weights":
        return cls(tuple(float(local.get(k, 0.0)) for k in LOCAL + HTML),
                   tuple(float(context.get(k, 0.0)) for k in CONTEXT),
                   tuple(float(revise.get(k, 0.0)) for k in REVISE),
                   float((select or {}).get("gap_penalty", DEFAULT_GAP_PENALTY)))


@lru_cache(maxsize=4)
def load_weights(name: str = "weights.toml") -> Weights:
    """Weights of the score stage: ``weights.toml`` for text, ``weights-html.toml``
    for HTML pages (falling back to the text weights when it is missing)."""
    path = resources.files("cleaner") / "data" / name
    if not path.is_file():
        path = resources.files("cleaner") / "data" / "weights.toml"
    raw = path.read_text(encoding="utf-8")
    table = tomllib.loads(raw)
    return Weights.from_tables(table["local"], table["context"], table.get("revise", {"context": 1.0}),
                               table.get("select"))


def score(blocks: list[Block], rules: RuleSet, language: str | None, weights: Weights,
          recurring: Collection[str] | None = None) -> tuple[list[Evidence], int | None]:
    """Evidence for every block with its score, and the index of the headline block.

    recurring: keys of blocks that recur across pages of the same site.
    """
    stops = T.stopwords(language)
    evidence = [_local(b, rules, stops) for b in blocks]
    _local_features(evidence, recurring, weights.local)
    headline = find_title_repeat(evidence)
    _context(evidence, headline, _title_words(evidence, headline), weights.context)
    return evidence, headline


def _local(b: Block, rules: RuleSet, stops: frozenset[str]) -> Evidence:
    hits = rules.scan(b.text)
    # A label glued to a paragraph is measured apart from it ("... in the offing. Top Stories").
    text = _without_phrases(b.text, hits.phrases) if hits.phrases else b.text
    tokens = T.WORD.findall(text.lower())
    unspaced = T.has_unspaced(text)
    n = T.word_count(text) if unspaced else float(len(tokens))
    if unspaced:
        stop = T.unspaced_stop_density(text, stops)
    else:
        stop = sum(map(stops.__contains__, tokens)) / len(tokens) if tokens and stops else 0.0
    ev = Evidence(
        block=b, words=n, tokens=tokens, text=text,
        stop=stop,
        punct_end=T.SENTENCE_END.search(text) is not None,
        stops=stops, chrome=hits.chrome, boundary=hits.boundary, phrases=hits.phrases, metadata=hits.metadata,
    )
    ev.score = ev.soft = hits.weight  # soft rule weights, added to the local score below
    return ev


def _without_phrases(text: str, phrases) -> str:
    for _, a, b in sorted(phrases, key=lambda p: -p[1]):
        rest = (text[:a] + text[b:]).strip()
        if rest:
            text = rest
    return text


def _local_features(evidence: list[Evidence], recurring: Collection[str] | None, w: tuple[float, ...],
                    keep: bool = False) -> None:
    """Each block's local features weighed by ``w`` into ``ev.local``; the features
    themselves are kept only when asked (fitting weights): a page of a million
    lines would hold a thousand megabytes of them."""
    counts: dict[str, int] = {}
    group_size: dict[int, int] = {}
    group_short: dict[int, int] = {}
    keys = [ev.block.text.casefold() for ev in evidence]
    for ev, key in zip(evidence, keys):
        b = ev.block
        counts[key] = counts.get(key, 0) + 1
        group_size[b.group] = group_size.get(b.group, 0) + 1
        if len(b.text) < 40:
            group_short[b.group] = group_short.get(b.group, 0) + 1
    if not evidence:
        return
    capitals = [len(_CAPITALISED.findall(ev.text)) / (len(ev.tokens) or 1) for ev in evidence]
    # The page's own prose sets the scale: stop-word lists and capitalisation
    # differ by language, so each block is also measured against the longest blocks.
    longest = sorted(range(len(evidence)), key=lambda i: -evidence[i].words)[:8]
    longest = [i for i in longest if evidence[i].words >= 15] or longest[:1]
    ref_stop = sum(evidence[i].stop for i in longest) / len(longest)
    ref_caps = sum(capitals[i] for i in longest) / len(longest)
    units = _sentence_units(evidence)
    w_text, w_html = w[:len(LOCAL)], w[len(LOCAL):]
    for ev, key, caps, (words, stop, punct_end) in zip(evidence, keys, capitals, units):
        b, text, tokens = ev.block, ev.text, ev.tokens
        ev.recurring = bool(recurring) and block_key(b.text) in recurring
        n_tok = len(tokens) or 1
        size = group_size[b.group]
        first = text[0]
        feats = (
            1.0,
            math.log1p(words),
            stop,
            float(punct_end),
            min(len(_SENTENCE.findall(text)), 5) / 5,
            caps,
            sum(map(text.count, _DIGITS)) / len(text),
            float(_LINK_LIKE.search(text) is not None),
            float(counts[key] > 1),
            float(words < 5),
            float(size >= 3 and group_short.get(b.group, 0) / size > 0.7),
            float(ev.recurring),
            min(sum(map(text.count, _COMMAS)) / n_tok, 1.0),
            len(_LONG_WORD.findall(text)) / n_tok,
            float(first in _OPENERS),
            float(first.islower()),
            math.log1p(min(size, GROUP_CAP) if b.html is not None else size) / 3,
            stop - ref_stop,
            caps - ref_caps,
            float(size == 1),
            float(3 <= words < 8),
            float(8 <= words < 16),
            float(16 <= words < 40),
            float(words >= 40),
        )
        ev.local = sum(map(mul, w_text, feats))
        if b.html is not None:
            structure = _html_features(b.html)
            ev.local += sum(map(mul, w_html, structure))
        else:
            structure = _NO_HTML
        if keep:
            ev.local_features = feats + structure


def _sentence_units(evidence: list[Evidence]) -> list[tuple[float, float, bool]]:
    """(words, stop density, ends a sentence) of the sentence run each block is part of.

    Hard-wrapped text breaks a paragraph into lines ("... sed do eiusmod" /
    "tempor incididunt ..."); each line alone looks like a fragment. A line that
    ends mid-sentence and a next line that goes on in lower case belong together,
    and are measured together. Anything else is its own unit.
    """
    n = len(evidence)
    units: list[tuple[float, float, bool]] = []
    i = 0
    while i < n:
        j = i
        while (j + 1 < n and evidence[j].block.group == evidence[j + 1].block.group
               and _continues(evidence[j], evidence[j + 1])):
            j += 1
        if j == i:
            ev = evidence[i]
            units.append((ev.words, ev.stop, ev.punct_end))
        else:
            chain = evidence[i:j + 1]
            words = sum(ev.words for ev in chain)
            stop = sum(ev.stop * ev.words for ev in chain) / (words or 1)
            units.extend([(words, stop, chain[-1].punct_end)] * len(chain))
        i = j + 1
    return units


def _continues(ev: Evidence, nxt: Evidence) -> bool:
    return (ev.words >= 3 and nxt.words >= 3 and not ev.punct_end and nxt.block.text[0].islower()
            and ev.chrome is None and nxt.chrome is None)


def _html_features(info) -> tuple[float, ...]:
    return _region_features(info.regions) + (
        float(info.heading > 0),
        float(info.heading == 1),
        float(info.paragraph),
        float(info.chrome_class),
        float(info.meta_class),
        float(info.story_class),
        info.link_density,
        float(info.in_root),
        float(not info.ancestors),
        info.box_links,
        info.box_prose,
        min(1.0, 4 * info.box_share),
    )


@lru_cache(maxsize=1024)
def _region_features(regions: frozenset[str]) -> tuple[float, ...]:
    """The h_nav ... h_dialog features: pages hold few distinct sets of regions."""
    return tuple(float(r in regions) for r in ("nav", "header", "footer", "aside", "article", "main", "form",
                                                "figure", "list", "table", "blockquote", "pre", "dialog"))


def _title_words(evidence: list[Evidence], headline: int | None) -> frozenset[str]:
    """Content words of the headline and of the page title line."""
    words: set[str] = set()
    if headline is not None:
        words |= evidence[headline].content
    first = next((ev for ev in evidence if ev.chrome is None), None)
    if first is not None and first.words <= 40:
        words |= T.content_words(T.WORD.findall(split_title(first.block.text).lower()), first.stops)
    return frozenset(words)


def _context(evidence: list[Evidence], headline: int | None, title: frozenset[str],
             w: tuple[float, ...], keep: bool = False) -> None:
    n = len(evidence)
    local = [max(-_CLIP, min(_CLIP, ev.local + ev.score)) for ev in evidence]
    # An end boundary counts once the story has begun: at the first block after
    # the headline (or anywhere, without one) that reads as strong prose.
    after = headline + 1 if headline is not None else 0
    begun = next((i for i in range(after, n) if local[i] > 2.0), n)
    ended = final = False
    prefix = [0.0]
    for s in local:
        prefix.append(prefix[-1] + s)
    # Where the prose is: share of the page's positive mass before and after each block.
    positive = [0.0]
    for ev, s in zip(evidence, local):
        positive.append(positive[-1] + (s * math.log2(2.0 + ev.words) if s > 0 else 0.0))
    total = positive[-1] or 1.0
    chrome_since = 0
    lead = _lead(evidence, headline)
    # The headline, and its copies well under it (a share box, a teaser for the story
    # itself), are the title, not words on the story's topic.
    key = title_key(evidence[headline].block.text) if headline is not None else None

    def title_words(i: int, ev: Evidence) -> float:
        if i == headline:
            return 0.0
        shared = min(len(title.intersection(ev.tokens)), 4) / 4
        if shared and key and i > headline + HEADING_REACH and title_key(ev.block.text) == key:
            return 0.0  # only blocks sharing title words are keyed: the rest score 0 anyway
        return shared

    for i, ev in enumerate(evidence):
        lo, hi = max(0, i - 3), min(n, i + 4)
        feats = (
            1.0,
            local[i],
            local[i - 1] if i > 0 else 0.0,
            local[i + 1] if i + 1 < n else 0.0,
            local[i - 2] if i > 1 else 0.0,
            local[i + 2] if i + 2 < n else 0.0,
            (prefix[hi] - prefix[lo]) / (hi - lo),
            float(headline is not None and i < headline),
            float(headline is not None and i > headline),
            float(headline is not None and 0 < i - headline <= 6),
            float(headline is None),
            float(ended),
            float(final),
            i / n,
            float(ev.chrome is not None),
            title_words(i, ev),
            positive[i] / total,
            (total - positive[i + 1]) / total,
            math.log1p(chrome_since) / 3,
            float(i == lead),
        )
        if keep:
            ev.context_features = feats
        ev.score = sum(map(mul, w, feats))
        if i >= begun:
            if ev.boundary is not None and ev.boundary.edge == "end" and (
                    ev.boundary.final or not _resumes(evidence, local, i)):
                ended = True
                final = final or ev.boundary.final
            if ev.chrome is not None or ev.boundary is not None:
                chrome_since += 1


def _resumes(evidence: list[Evidence], local: list[float], i: int) -> bool:
    """Whether two paragraphs of prose in a row follow soon under block i: a box
    of related links set into the story, which goes on under it; a list of
    teasers under the story's end alternates headlines and summaries."""
    for j in range(i + 1, min(len(local) - 1, i + 1 + RESUME_REACH)):
        if all(local[k] > RESUME_MIN and evidence[k].punct_end for k in (j, j + 1)):
            return True
    return False


def _lead(evidence: list[Evidence], headline: int | None) -> int | None:
    """The first paragraph under the headline: the lead, often set apart from the
    body (another box, an image between) yet part of the story."""
    if headline is None:
        return None
    for i in range(headline + 1, min(len(evidence), headline + LEAD_REACH)):
        ev = evidence[i]
        if ev.chrome is None and not ev.metadata and ev.words >= 12 and ev.punct_end:
            return i
    return None


def revise(evidence: list[Evidence], runs: list[tuple[int, int]], w: tuple[float, ...],
           keep: bool = False) -> None:
    """Third pass: weigh each block's cohesion with a provisional story.

    The story's vocabulary is the words found in at least two of its blocks; a
    block sharing much of it is likely story, a long block about something else
    (a teaser, a comment) likely not.
    """
    inside = [False] * len(evidence)
    df: dict[str, int] = {}
    for a, b in runs:
        for i in range(a, b + 1):
            inside[i] = True
            for word in evidence[i].content:
                df[word] = df.get(word, 0) + 1
    vocab = frozenset(word for word, k in df.items() if k >= 2)
    cohesion = []
    for ev in evidence:
        own = ev.content
        cohesion.append(len(vocab.intersection(own)) / len(own) if own else 0.0)
    n = len(evidence)
    for i, ev in enumerate(evidence):
        long = min(ev.words, 40) / 40
        feats = (
            1.0,
            ev.score,
            cohesion[i],
            cohesion[i] * long,
            cohesion[i - 1] if i > 0 else 0.0,
            cohesion[i + 1] if i + 1 < n else 0.0,
            float(not inside[i]),
        )
        if keep:
            ev.revise_features = feats
        ev.score = sum(map(mul, w, feats))
        if ev.recurring:
            # Text printed on many pages of the site is its template, however
            # much it reads like prose (batch runs learn it; see templates.py).
            ev.score -= RECURRING_PENALTY


def split_title(title: str) -> str:
    """The headline part of a page title: 'Headline | Site' gives 'Headline'."""
    parts, glued = _title_parts(title)
    if len(parts) == 1:
        return title.strip()
    # The site is the part that names a domain, else the shorter one; ties go
    # to the first part, where most pages put the headline. A site printed with
    # its short form as well ("Jugendwerk Nord (JWN) - JWN") is no headline either.
    short = _abbreviated(parts)
    named = [p for k, p in enumerate(parts) if not _DOMAIN.search(p) and k not in short | glued] or parts
    return max(named, key=lambda p: (T.word_count(p), -parts.index(p))).strip()


# A page title has a few parts; a line of many is no title template (and pairing them is quadratic).
GLUE_PARTS = 8


def _title_parts(title: str) -> tuple[list[str], set[int]]:
    """The title's parts, and which of them is a site name printed twice, once
    glued to the headline ("HeadlineSite | Site"): that copy is cut off the headline."""
    parts = _TITLE_SPLIT.split(title)
    if len(parts) > GLUE_PARTS:
        return parts, set()
    pairs = [(i, k) for i, q in enumerate(parts) for k, p in enumerate(parts) if _glued(q, p)]
    first: dict[int, int] = {}  # each part's first site glued to it, to cut off
    for i, k in pairs:
        first.setdefault(i, k)
    cut = [q[:-len(parts[first[i]])] if i in first else q for i, q in enumerate(parts)]
    return cut, {k for _, k in pairs}


def _glued(part: str, site: str) -> bool:
    """Whether ``part`` ends with ``site`` glued to a word before it."""
    if len(site) >= len(part) or not part.endswith(site) or T.word_count(site) < 2:
        return False
    return part[-len(site) - 1].isalnum() and site[0].isupper()


def _abbreviated(parts: list[str]) -> set[int]:
    """Indexes of the title parts that another part gives in short (its initials
    or the abbreviation it puts in brackets), and of the parts giving them."""
    keys = [p.strip().casefold() for p in parts]
    forms = []
    for p in parts:
        words = T.WORD.findall(p)
        initials = "".join(w[0] for w in words if w[0].isupper())
        forms.append({f.casefold() for f in (initials, *_BRACKETED.findall(p)) if len(f) >= 2})
    key_count = Counter(keys)
    form_count = Counter(f for own in forms for f in own)
    out = set()
    for k, (key, own) in enumerate(zip(keys, forms)):
        if any(key_count[f] - (f == key) > 0 for f in own) or form_count[key] - (key in own) > 0:
            out.add(k)
    return out


def title_key(text: str) -> str:
    return " ".join(T.WORD.findall(text.casefold()))


# Blocks below a title repeat that is no heading (a breadcrumb, a link) where a heading copy is sought.
HEADING_REACH = 8


def find_title_repeat(evidence: list[Evidence]) -> int | None:
    """The block that repeats the page's title line (its site suffix removed).

    Scraped pages start with the page title; the same words printed again
    further down are the headline, right above the story. Small differences
    ("The ..." added, punctuation) are allowed.
    """
    first = next((i for i, ev in enumerate(evidence) if ev.chrome is None), None)
    if first is None:
        return None
    title = evidence[first].block.text
    if T.word_count(title) > 40:
        return None
    headline = split_title(title)
    wanted = title_key(headline)
    if T.word_count(wanted) < 2:
        return None
    # A headline holding a dash of its own ("Test – Newcomer | Site") is printed
    # whole: any unbroken run of the title's parts at least as long as the chosen one.
    parts, glued = _title_parts(title)
    spans = {title_key(" ".join(parts[a:b])) for a in range(len(parts)) for b in range(a + 1, len(parts) + 1)
             if not glued.issuperset(range(a, b))}
    spans = {k for k in spans if len(k) >= len(wanted)}
    want_set = set(wanted.split())
    # A label in square brackets ("[Werbung]", "[Video]") tags the title line, seldom the headline.
    untagged = set(title_key(_TAG.sub(" ", headline)).split())
    if len(untagged) >= 2:
        want_set = untagged
    # Two sentences closed by full stops are a summary and the lead that repeats
    # it (a story opening with its standfirst), not a page title and a headline.
    sentence = title.rstrip().endswith(".")
    found = None
    for i in range(first + 1, min(len(evidence), first + 400)):
        if found is not None and i > found + HEADING_REACH:
            break
        ev = evidence[i]
        if not 0.5 * len(want_set) <= len(ev.tokens) <= 2 * len(want_set) + 3:
            continue
        if sentence and ev.block.text.rstrip().endswith("."):
            continue
        key = title_key(ev.block.text)
        got = set(key.split())
        common = len(got & want_set)
        # Over a byline or date line the headline may say more than the title line does.
        share = 0.5 if _over_metadata(evidence, i) else 0.8
        if key in spans or (common >= 0.8 * len(want_set) and common >= share * len(got)):
            if ev.block.html is None or ev.block.html.heading:
                return i
            if found is None:
                found = i  # on a page, a heading a little further down is the better copy
    return found


def _over_metadata(evidence: list[Evidence], i: int) -> bool:
    """Whether a byline or date line, which leaves the story, follows block i."""
    return i + 1 < len(evidence) and any(not rule.keep for rule, _ in evidence[i + 1].metadata)
