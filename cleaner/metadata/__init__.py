"""Stage 5, extract metadata: title, authors, date, source, dateline, language.

Read from the text around the story: the title line and headline (title.py),
the byline and date lines under the headline or closing the story (zones.py,
authors.py, dates.py), agency credits (source.py), and the story's words
(language.py). Captures of ``metadata`` rules count too, so a rule pack can
teach a site's own shapes. Nothing here depends on scores, only on the
selection's headline, start and end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from ..score import Evidence
from ..select import Selection
from . import language as L
from . import title as TT
from . import zones as Z
from .authors import (
    COUNTS, ORGANISATION, _TIME, at_time_names, bare_names, byline_names, common_word, copyright_holder, placeholder,
    read_names,
)
from .dates import RELATIVE, DateHit, date_kind, find_dates, parse_date, swap_day_month
from .source import credited_agency
from .words import BYLINE_PREFIXES, NAME_JOINERS, NOT_NAMES

# A byline line is short; longer blocks are read only for a byline word up front.
MAX_BYLINE_WORDS = 30
# Lines of bare names must be shorter still, and stand close under the headline.
MAX_BARE_WORDS = 12
MAX_BARE_POSITION = 6
# Blocks under a headline whose dates rank before those over it; an embedded post's signature.
MAX_CLOSE_BELOW = 4
_EMBED = regex.compile(r"\(@\w+\)|pic\.twitter\.com|t\.co/")
# Blocks after the story searched for a date line that says what it dates, and their size.
DATE_TAIL, MAX_SAYS_DATE_WORDS = 12, 80
_SAYS_POSTED = regex.compile(r"\b(?:veröffentlicht|posted|publié|publicado|pubblicato|opublikowano|gepubliceerd)\b", regex.IGNORECASE)
# A date opening a paragraph counts ("27.1.2022 - Bei der ..."); one inside prose does not.
DATE_OPENS_WITHIN = 3
# Short blocks inside the story that may be a date line of their own.
MAX_DATE_LINE_WORDS = 15
# Blocks after a lone byline word ("By" / "Jane Doe" / "and" / "John Roe") joined to it.
MAX_JOINED = 4
_LONE_PREFIX = regex.compile(
    r"(?:" + "|".join(regex.escape(p) for p in sorted(BYLINE_PREFIXES, key=len, reverse=True)) + r")\s*:?",
    regex.IGNORECASE,
)


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    source: str | None = None
    dateline: str | None = None
    language: str | None = None
    # The date was read by the headline or byline, not guessed from the story or its end.
    printed_date: bool = False


def extract(evidence: list[Evidence], selection: Selection, story: str, language_hint: str | None,
            detect_language: bool = True) -> Metadata:
    meta = Metadata()
    lang = language_hint
    page, meta.title, zones = locate(evidence, selection)

    authors, agency, byline_at = find_authors(evidence, zones, lang, meta.title, page)
    meta.authors = authors
    meta.published = find_published(evidence, zones, lang, byline_at)
    meta.printed_date = meta.published is not None
    ruled = _rule_captures(evidence, zones, lang)
    meta.dateline = ruled.dateline
    meta.source = ruled.source or agency or _credited(evidence, zones) or (page.site if page else None)
    if not meta.authors and ruled.authors:
        meta.authors = ruled.authors
    if not meta.authors and page is not None and page.site:
        meta.authors = _titled_owner(page.site, lang)
    if meta.published is None:
        meta.published = ruled.published or _published_fallback(evidence, zones, lang, page)
    if meta.title is None and ruled.title:
        meta.title = ruled.title
    meta.title = TT.without_kicker(TT.without_id(meta.title), lang)
    meta.language = L.detect(story, language_hint, detect_language)
    return meta


# A site named after a person with an academic title: a scholar's own homepage.
_TITLED = regex.compile(r"(?:(?:Prof|Dr|PD|Priv\.-Doz)\.(?:\s*(?:Dr|med|phil|rer\.\s*nat|jur|habil|h\.\s*c)\.)*\s+)+(?P<name>.+)")


def _titled_owner(site: str, lang) -> list[str]:
    """The person a personal site is named after ("Dr. Jane Doe"), without the title."""
    m = _TITLED.fullmatch(site.strip())
    if m is None:
        return []
    names, agency = read_names(m.group("name"), lang, after_prefix=False)
    if len(names) != 1 or agency or names[0] != m.group("name").strip() or not 2 <= len(names[0].split()) <= 3 \
            or any(w.lower() in ORGANISATION for w in names[0].split()):
        return []  # a practice or a firm named after its founder
    return names


def locate(evidence, selection: Selection) -> tuple[TT.PageTitle | None, str | None, Z.Zones]:
    """The page title line, the title, and the zones where metadata is looked for."""
    page = TT.page_title(evidence, selection.start, selection.headline)
    title, anchor = TT.choose(evidence, selection.headline, selection.start, page)
    title = TT.extended(evidence, title, anchor)
    if anchor is None:
        anchor = selection.headline
        if anchor is not None and (evidence[anchor].words <= MAX_BARE_WORDS and find_dates(evidence[anchor].block.text, None, loose=True)):
            anchor = TT.nearest_headline(evidence, anchor)  # the engine took a byline or date line for the headline
        if anchor is None:
            anchor = TT.nearest_headline(evidence, selection.start)
    start = selection.start if selection.start is not None else 0
    again = TT.repeats(evidence, title, page, selection.start)
    anchors = [i for i in again if i <= start + 1] + ([anchor] if anchor is not None else [])
    # The headline printed again below the story, as some pages do with the byline under it.
    far = [i for i in again if i > start + 1 and i not in anchors]
    return page, title, Z.find(evidence, anchors, selection.start, selection.end, far)


def find_authors(evidence, zones: Z.Zones, lang, title: str | None, page) -> tuple[list[str], str | None, int | None]:
    """Authors from the byline, wherever it stands; an agency named beside them; the byline's block."""
    agency = None
    user_names: list[str] = []
    user_at = None
    exclude = {TT.norm(t) for t in (title, page.site if page else None, page.headline if page else None) if t}
    for groups in ((zones.below, zones.lead, zones.above, zones.before), (zones.tail, zones.far)):
        if groups[0] is zones.tail and not user_names:
            # A line of names right under the headline beside a date line outranks a
            # byline word after the story, where comments and teasers sign too.
            close = _close_names(evidence, zones, lang, exclude)
            if close is not None:
                return close[0], agency or close[1], close[2]
        for names, found_agency, i in _prefixed(evidence, groups, lang, _close_below(zones)):
            agency = agency or found_agency
            if names and all(n[:1].islower() for n in names):
                # A content system's user name ("Posted by admin2"); a printed name may follow.
                if not user_names:
                    user_names, user_at = names, i
            elif names and not (user_names and groups[0] is zones.tail and find_dates(evidence[i].block.text, lang)):
                # A dated byline after the story, once the headline's byline named a user, is
                # the next post's or a comment's: a blog's front page lists several posts.
                return names, agency, i
    if user_names:
        return user_names, agency, user_at
    found = _bare_authors(evidence, zones, lang, exclude, agency)
    if found[0]:
        return found
    # A post's footer line a little further after the story: "May 3, 2020 by Jane in News".
    _, end = zones.story
    for i in range(end + Z.TAIL_AFTER + 1, min(len(evidence), end + 1 + MAX_FOOTER_LINE)):
        ev = evidence[i]
        if ev.words <= MAX_COMMENTS_HEAD_WORDS and _COMMENTS_HEAD.search(ev.block.text):
            break  # the comments start: their lines are signed and dated too
        if (ev.chrome is None or ev.chrome.id.startswith("meta.")) and ev.words <= MAX_BARE_WORDS \
                and not _COMMENT.match(ev.block.text) \
                and (find_dates(ev.block.text, lang) or _near_date(evidence, i, lang, reach=1)):
            got = byline_names(ev.block.text, lang)
            if got and got[0] and not all(n[:1].islower() for n in got[0]):
                return got[0], agency or got[1], i
    return found


def _close_names(evidence, zones: Z.Zones, lang, exclude) -> tuple[list[str], str | None, int] | None:
    """A line of names among the first blocks under a headline, with a date on it or beside it."""
    for head in zones.heads:
        for i in head[:MAX_CLOSE_NAMES]:
            ev = evidence[i]
            # An HTML heading of capitalised words is a section's or a teaser's title, not a byline.
            if ev.chrome is not None or ev.words > MAX_BARE_WORDS or ev.heading:
                continue
            names, agency, had_date = bare_names(ev.block.text, lang, lenient=True)
            if names and not any(TT.norm(n) in exclude for n in names) and (had_date or _near_date(evidence, i, lang, reach=1)):
                return names, agency, i
    return None


# Blocks under a headline where a line of names beside a date outranks a byline after the story.
MAX_CLOSE_NAMES = 2
# Blocks after the story searched for a dated footer line with a byline word.
MAX_FOOTER_LINE = 12
# A short heading over comments or a reply form ("Kommentar", "Aktuelle Kommentare", "Leave a Reply").
MAX_COMMENTS_HEAD_WORDS = 3
_COMMENTS_HEAD = regex.compile(
    r"(?<!\w)(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarz[ey]?|reacties|"
    r"leave a (?:reply|comment)|antworten|répondre|responder|rispondi)(?!\w)",
    regex.IGNORECASE,
)
_COMMENT = regex.compile(r"\s*(?:comments?|kommentar(?:e)?|commentaires?|comentarios?|commenti|komentarz[ey]?|reacties?|reply|antwort)\b",
                         regex.IGNORECASE)


def _close_below(zones: Z.Zones) -> frozenset[int]:
    return frozenset(i for head in zones.heads for i in head[:MAX_CLOSE_BELOW])


def _prefixed(evidence, groups, lang, close: frozenset[int] = frozenset()):
    """Bylines with a byline word in ``groups``, in order: names, agency, block. A credit
    line right under the headline (``close``) counts when dated: "06.11.2023 13:30 von Olga
    Symbolbild imago" is the byline and the photo's credit in one line."""
    for group in groups:
        for k, i in enumerate(group):
            ev = evidence[i]
            if ev.chrome is not None and not (i in close and ev.chrome.id.startswith("caption.")
                                              and find_dates(ev.block.text, lang)):
                continue
            text = _joined(evidence, group, k)
            if ev.words > MAX_BYLINE_WORDS and not _starts_with_prefix(text):
                continue
            found = byline_names(text, lang)
            if found is None and "@" in text:
                found = at_time_names(text, lang)
            if found is None or not (found[0] or found[1]):
                value = _labelled_value(evidence, i)
                if value:
                    names, agency = read_names(value, lang, after_prefix=True)
                    rest = value[len(names[0]):].lstrip() if len(names) == 1 and value.startswith(names[0]) else ""
                    if rest and rest[0] not in ",;(|–—-":
                        names = []  # a word of a longer title ("Pressestelle der Stadt"): the whole value
                    found = (names, agency) if names else ([value], None)  # a name and a role: the name
            if found is not None:
                yield found[0], found[1], i


# A form's author label alone on its line, the value on the next: "Auteur(s) :" over
# "Les Membres du Chœur", "Autor*in:" over "Pressestelle der Stadt Köln".
_AUTHOR_LABEL = regex.compile(
    r"(?:authors?|autor(?:in|en|innen)?|auteurs?|autore|autori|autora|autores|autorzy|auteur)"
    r"(?:\((?:s|in|en|innen|es|i)\)|\*innen|\*in|:innen|_innen)?\s*:",
    regex.IGNORECASE,
)
MAX_LABELLED_WORDS = 10


def _labelled_value(evidence, i: int) -> str | None:
    """The value under an author label standing alone, taken whole: a form names a group or
    an office there as readily as a person, which a byline's reading of names would refuse."""
    if not _AUTHOR_LABEL.fullmatch(evidence[i].block.text.strip()) or i + 1 >= len(evidence):
        return None
    nxt = evidence[i + 1]
    value = nxt.block.text.strip()
    if nxt.chrome is not None or not 1 <= nxt.words <= MAX_LABELLED_WORDS or "\n" in value \
            or not value[:1].isupper() or value[-1:] in ":.!?" or regex.search(r"\d", value) \
            or all(w.lower() in NOT_NAMES for w in value.split()) or placeholder(value):
        return None
    return value


def _bare_authors(evidence, zones: Z.Zones, lang, exclude, agency):
    """Lines of names alone, close under the headline and beside a date or a byline word;
    ``exclude``: the normalised title, site and headline, which are never names."""
    dated = any(_date_line(evidence[i], lang) for i in (*zones.above, *(i for h in zones.heads for i in h[:MAX_BARE_POSITION])))
    # Close under a headline: among its first three blocks, with no paragraph of prose before it.
    candidates = [(i, k <= 2 and not any(_prose(evidence[j]) for j in head[:k]))
                  for head in zones.heads for k, i in enumerate(head[:MAX_BARE_POSITION])]
    candidates += [(i, False) for i in zones.lead]
    candidates += [(i, k <= 1) for k, i in enumerate(zones.far)]
    # Further into the story and after it, a line of names must stand right beside a date line.
    start, end = zones.story
    into = MAX_PAIRED_INTO if start > 1 else TT.NO_START_LOOK  # no story start found: the top of the page
    paired = [i for i in (*range(start, min(end, start + into) + 1), *zones.tail) if i not in zones.lead]
    for i, close in candidates:
        ev = evidence[i]
        if ev.chrome is not None or ev.words > MAX_BARE_WORDS or ev.heading:
            continue
        names, found_agency, had_date = bare_names(ev.block.text, lang, lenient=True)
        agency = agency or found_agency
        if not names or any(TT.norm(n) in exclude for n in names):
            continue
        # A line of names is a byline beside a date, or close under the headline of a dated page.
        if had_date or _near_date(evidence, i, lang) or (close and dated):
            return names, agency, i
    for i in paired:
        ev = evidence[i]
        if ev.chrome is not None or ev.words > MAX_BARE_WORDS or not _NAME_START.match(ev.block.text) \
                or not _near_date(evidence, i, lang, reach=1) or ev.heading:
            continue
        names, found_agency, had_date = bare_names(ev.block.text, lang)
        if names and not had_date and not any(TT.norm(n) in exclude for n in names):
            return names, agency or found_agency, i
    boxed = _author_box(evidence, zones, lang, exclude)
    if boxed is not None:
        return boxed, agency, None
    signed = _signature(evidence, zones, lang, exclude)
    if signed is not None:
        return [evidence[signed].block.text.strip()], agency, signed
    dated = _dated_signature(evidence, zones, lang)
    if dated is not None and TT.norm(dated[0]) not in exclude:
        return [dated[0]], agency, dated[1]
    holder = _copyright(evidence, zones, lang)
    if holder is not None:
        return [holder], agency, None
    return [], agency, None


def _prose(ev) -> bool:
    return ev.words >= Z.PROSE_WORDS and ev.punct_end


# A line of names starts with a capitalised word (a cheap test before reading it).
_NAME_START = regex.compile(r"\s*\p{Lu}[\p{L}\p{M}'’.-]*\s+\S")
# A name alone closing the story, as a signature: two or three capitalised words.
MAX_SIGNATURE_WORDS = 4
# How far into the story a line of names beside a date line is still a byline (comments come later).
MAX_PAIRED_INTO = 25
SIGNATURE_AFTER_WORDS, SIGNATURE_BEFORE_WORDS = 20, 10
# Blocks at the page's end searched for a copyright line.
MAX_FOOTER = 60
_PHOTO = regex.compile(r"\b(?:foto|photo|bild|image|credit|fotos|photos|illustration|grafik)", regex.IGNORECASE)


# A footnote's mark opening its line: "(1) ", "[2] ", "1) ", "¹ ", "*Name geändert" (not a
# list's "* " bullet).
_FOOTNOTE = regex.compile(r"\s*(?:(?:\(\d{1,2}\)|\[\d{1,2}\]|\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹])\s*|\*{1,3})\S")


def _signature(evidence, zones: Z.Zones, lang, exclude) -> int | None:
    """A line that is only a person's name, right after the story's last paragraph, or
    after a paragraph and over the story's footnotes (a box may follow them)."""
    start, end = zones.story
    for i in range(start + 1, min(len(evidence), end + 3)):
        ev = evidence[i]
        if ev.chrome is not None or ev.words > MAX_SIGNATURE_WORDS:
            continue
        if i < end - 2 and not (i + 1 < len(evidence) and _FOOTNOTE.match(evidence[i + 1].block.text)):
            continue
        text = ev.block.text.strip()
        names, agency, had_date = bare_names(text, lang)
        if len(names) != 1 or agency or had_date or names[0] != text.rstrip(".") \
                or not 2 <= len(names[0].split()) <= 3 or TT.norm(names[0]) in exclude:
            continue
        # Under the story's last paragraph, over a note, a bio or nothing: not a heading over a list.
        prev = evidence[i - 1]
        nxt = evidence[i + 1] if i + 1 < len(evidence) else None
        if prev.words >= SIGNATURE_AFTER_WORDS and (
                nxt is None or nxt.words >= SIGNATURE_BEFORE_WORDS or names[0].split()[-1] in nxt.block.text):
            return i
        if end <= i <= end + 1 and not ev.heading and _closes_root(ev, evidence[end], nxt):
            return i
    return None


def _closes_root(ev, last, nxt) -> bool:
    """HTML input: the block is the last one of the element holding the page's prose, as the
    story's last block is, under notes or a book's details that are not long prose."""
    h, story = ev.block.html, last.block.html
    if h is None or story is None or not (h.in_root and story.in_root):
        return False
    return nxt is None or nxt.block.html is None or not nxt.block.html.in_root


def _dated_signature(evidence, zones: Z.Zones, lang) -> tuple[str, int] | None:
    """A sign-off closing the story: a name, the date alone under it ("Benni" / "10. September
    2017"), as two lines of a block or two blocks. The date makes a lone first name believable."""
    start, end = zones.story
    for i in range(max(start + 1, end - 1), min(len(evidence) - 1, end + 3)):
        ev = evidence[i]
        lines = [line.strip() for line in ev.block.text.splitlines() if line.strip()]
        if len(lines) == 1 and evidence[i + 1].chrome is None:
            lines.append(evidence[i + 1].block.text.strip())
        if ev.chrome is not None or len(lines) != 2 or ev.words > MAX_SIGNATURE_WORDS + 4:
            continue
        name, when = lines
        hits = find_dates(when, lang)
        if not hits or hits[0].start > 1 or hits[-1].end < len(when) - 1 or find_dates(name, lang, loose=True):
            continue
        names, agency = read_names(name, lang, after_prefix=True)
        if len(names) != 1 or agency or names[0] != name.rstrip(".") or len(name.split()) > 3 or not name[:1].isupper() \
                or ev.heading or any(common_word(w, lang) for w in name.split()):
            continue  # a heading over a teaser's date ("Related articles" / "3 May 2020")
        prev = evidence[i - 1]
        if prev.words >= SIGNATURE_AFTER_WORDS or prev.punct_end:
            return name, i
    return None


# An author box after the story: the name, then a link to the author's other pieces.
MAX_BOX_AFTER = 15
_MORE_PIECES = regex.compile(
    r"\s*(?:more|all|view all|see all|other|weitere|alle|tous(?: les| ses)?|voir tous les|autres|plus d['’]|más|"
    r"ver todos los|todos los|otros|altri|tutti gli|mais|ver todos os|todos os|outros|wszystkie|więcej|meer|"
    r"все|другие)\s*(?:\w+\s+)?(?:posts|articles|artikel|beiträge|stories|artículos|articoli|artigos|artykuły|"
    r"artykułów|artikelen|berichten|статьи|публикации|материалы)\s*$"
    r"|\s*(?:alles von|mehr von|more from|more by|all posts by|(?:more |all )?(?:articles|posts|stories) by|"
    r"alle (?:artikel|beiträge) von|tous les articles de|plus de|más de|altri articoli di|mais de|artykuły)\s+(?P<who>.+)",
    regex.IGNORECASE,
)


# An author box's head with the count of the author's pieces: "Über Steffi 1009 Artikel",
# "About Jane Doe 212 posts". The count makes a lone first name believable.
_ABOUT_COUNT = regex.compile(
    r"(?i:about|über|à propos de|sobre|su|o|over)\s+(?P<who>\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,2})"
    r"\s*[|·•,(-]?\s*\d+\s+(?i:artikel|beiträge|articles|posts|stories|artículos|articoli|artigos|artykuł(?:y|ów)?|"
    r"berichten|entradas|publications)\)?"
)


def _author_box(evidence, zones: Z.Zones, lang, exclude) -> list[str] | None:
    """A line of a name after the story with a link to that author's other pieces under it."""
    _, end = zones.story
    for i in range(max(0, end - 2), min(len(evidence) - 1, end + MAX_BOX_AFTER)):
        ev = evidence[i]
        about = _ABOUT_COUNT.fullmatch(ev.block.text.strip()) if ev.words <= MAX_SIGNATURE_WORDS + 3 else None
        if about is not None:
            names, agency = read_names(about.group("who"), lang, after_prefix=True)
            if len(names) == 1 and not agency and names[0] == about.group("who") and TT.norm(names[0]) not in exclude:
                return names
        if ev.chrome is not None or ev.words > MAX_SIGNATURE_WORDS or not _NAME_START.match(ev.block.text):
            continue
        m = _MORE_PIECES.match(evidence[i + 1].block.text)
        if m is None:
            continue
        names, agency, had_date = bare_names(ev.block.text, lang)
        if len(names) != 1 or agency or had_date or TT.norm(names[0]) in exclude:
            continue
        if m.group("who") is None or names[0].split()[-1] in m.group("who"):
            return names
    return None


def _copyright(evidence, zones: Z.Zones, lang) -> str | None:
    """The person a copyright line at the page's end names: on a personal site, the author."""
    _, end = zones.story
    for i in range(len(evidence) - 1, max(end, len(evidence) - 1 - MAX_FOOTER), -1):
        text = evidence[i].block.text
        if len(text) <= 200 and not _PHOTO.search(text):
            holder = copyright_holder(text, lang)
            if holder:
                return holder
    return None


# A short line ending in a byline word, the name on the next line: "Written on Feb 24 by".
_ENDS_PREFIX = regex.compile(r"(?<!\w)(?:by|von|par|por|di|door)\s*:?$", regex.IGNORECASE)


def _starts_with_prefix(text: str) -> bool:
    m = _LONE_PREFIX.match(text.lstrip("/ "))
    return m is not None and m.end() < len(text) and text[m.end():m.end() + 1].isspace()


def _joined(evidence, group, k: int) -> str:
    """Block ``group[k]``, with the short blocks after it when it is a lone byline word."""
    text = evidence[group[k]].block.text.strip()
    if not _LONE_PREFIX.fullmatch(text):
        m = _ENDS_PREFIX.search(text) if evidence[group[k]].words <= MAX_BARE_WORDS else None
        if m is None:
            return text
        text = m.group(0)  # "Written on Feb 24 by" / "Jane Doe": the byline word and the names
    pieces = [text]
    at = group[k]
    for i in range(at + 1, min(len(evidence), at + 1 + MAX_JOINED)):
        nxt = evidence[i].block.text.strip()
        if evidence[i].words > 6:
            break
        pieces.append(nxt)
        # Names and joiners alternate ("Jane Doe" / "and" / "John Roe"): stop after a name
        # that no joiner follows.
        after = evidence[i + 1].block.text.strip().lower() if i + 1 < len(evidence) else ""
        if nxt.lower() not in NAME_JOINERS and after not in NAME_JOINERS:
            break
    return " ".join(pieces)


def _near_date(evidence, i: int, lang, reach: int = 2) -> bool:
    """True when a block beside block ``i`` (``reach`` either side, not past a paragraph of
    prose) is a short date or byline-word line."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(evidence) and abs(j - i) <= reach:
            if _date_line(evidence[j], lang):
                return True
            if _prose(evidence[j]):
                break
            j += step
    return False


def _date_line(ev, lang) -> bool:
    text = ev.block.text
    if ev.words > MAX_BARE_WORDS:
        return False
    return bool(find_dates(text, lang, loose=True) or RELATIVE.search(text) or _TIME.search(text)
                or COUNTS.search(text) or _LONE_PREFIX.fullmatch(text.strip()))


def find_published(evidence, zones: Z.Zones, lang, byline_at: int | None = None) -> str | None:
    """The publication date from the date lines by the byline and around the headline.

    Ranked: a date on or beside the byline line, then one under the headline, by the
    story's first paragraph, over the headline, further above the story; in each, a date
    labelled as the first publication before a bare one; an update only when nothing
    else is dated.
    """
    near = ()
    if byline_at is not None:
        near = tuple(i for i in (byline_at, byline_at + 1, byline_at - 1, byline_at + 2) if 0 <= i < len(evidence))
    best: tuple[int, str] | None = None
    below_close = tuple(i for head in zones.heads for i in head[:MAX_CLOSE_BELOW])
    below_far = tuple(i for i in zones.below if i not in below_close)
    # Between the headline's blocks and the story's, only a date labelled as the publication
    # counts ("Veröffentlicht am ..."): the page's player, sidebar or teasers stand there too.
    listed = {*near, *zones.below, *zones.lead, *zones.above, *zones.far}
    between = tuple(i for i in range(max(zones.below) + 1 if zones.below else zones.story[0], zones.story[0])
                    if i not in listed)
    zone_order = ((0, near), (1, below_close), (2, zones.lead), (2, between), (3, zones.above), (4, below_far),
                  (5, zones.far), (6, zones.before))
    if byline_at is not None and (byline_at in zones.tail or byline_at > zones.story[1]) and below_close:
        # A byline after the story dates a broadcast, a print edition or a note; the date
        # line under the headline dates the page.
        zone_order = ((1, below_close), (1, near)) + zone_order[2:]
    for rank_zone, group in zone_order:
        labelled_only = group is between
        for i in group:
            ev = evidence[i]
            if ev.chrome is not None and not (rank_zone == 1 and ev.chrome.id.startswith("caption.")):
                continue  # a credit line right under the headline may carry the date: "Foto: X | 06.11.2023"
            text = ev.block.text
            if _EMBED.search(text):
                continue  # an embedded post's date: "— Jane Doe (@jane) May 2, 2020"
            short = ev.words <= MAX_BYLINE_WORDS
            if group is near and not short:
                continue
            floor = 0
            for hit in find_dates(text, lang, loose=short):
                if not short and hit.start > DATE_OPENS_WITHIN:
                    break
                kind = date_kind(text, hit, floor)
                floor = hit.end
                if kind == "event" or (labelled_only and kind != "published"):
                    continue  # an event's date, as on a page announcing it
                rank = (10 if kind == "updated" else 0) + 2 * rank_zone + (kind is None)
                if best is None or rank < best[0]:
                    best = (rank, hit.iso, text[hit.start:hit.end])
    if best is None:
        return None
    return page_order(evidence, best[1], best[2], lang)


# Numeric dates: which of the first two numbers is the day, the page's other dates tell.
_NUMERIC = regex.compile(r"(?<![\d.:/])([0-3]?\d)([./-])([0-3]?\d)\2((?:19|20)?\d\d)(?![\d.:/])")


def page_order(evidence, iso: str, raw: str, lang) -> str:
    """``iso`` read from ``raw`` with day and month swapped, when ``raw`` is a numeric date
    both ways round and the page's unambiguous numeric dates write the other order."""
    m = _NUMERIC.match(raw.strip())
    if not m or int(m.group(1)) > 12 or int(m.group(3)) > 12 or m.group(1) == m.group(3) or len(iso) < 10:
        return iso
    day_first = month_first = 0
    for ev in evidence:
        text = ev.block.text
        if "/" not in text and "." not in text and "-" not in text:
            continue
        for d in _NUMERIC.finditer(text):
            if d.group(2) != m.group(2):
                continue
            a, b = int(d.group(1)), int(d.group(3))
            day_first += a > 12 >= b
            month_first += b > 12 >= a
    read_day_first = int(iso[8:10]) == int(m.group(1))
    swapped = swap_day_month(iso)
    if (read_day_first and month_first > day_first) or (not read_day_first and day_first > month_first):
        return swapped
    if day_first == month_first == 0 and _nearer_other_dates(evidence, swapped[:10], iso[:10], lang):
        return swapped
    return iso


# How much nearer the page's other dates must be to the other reading of a numeric date, in days.
MIN_NEARER_DAYS = 30


def _nearer_other_dates(evidence, other: str, read: str, lang) -> bool:
    """True when the page's dates written with month names (a caption's, a comment's) all stand
    nearer ``other`` than ``read``: with no numeric date telling the order, they tell the month."""
    try:
        a, b = date.fromisoformat(other), date.fromisoformat(read)
    except ValueError:
        return False
    seen = []
    for ev in evidence:
        for hit in find_dates(ev.block.text, lang):
            text = ev.block.text[hit.start:hit.end]
            if _NUMERIC.match(text) or text[:4].isdigit():
                continue  # numeric: read the same ambiguous way
            try:
                seen.append(date.fromisoformat(hit.iso[:10]))
            except ValueError:
                continue
    if not seen:
        return False
    return all(abs((d - a).days) + MIN_NEARER_DAYS < abs((d - b).days) for d in seen)


def _published_fallback(evidence, zones: Z.Zones, lang, page) -> str | None:
    """A date line inside the story, one after it that says what it dates, a date line
    around the story, or the page title line's date."""
    start, end = zones.story
    found = _date_line_in(evidence, range(start, end + 1), lang)
    if found:
        return found
    # A little further after the story: a date line that says what it dates ("Stand 27.01.2022",
    # "Der Beitrag wurde am ... veröffentlicht"), before a teaser's bare date there.
    for i in range(max(start + 1, end - 1), min(len(evidence), end + 1 + DATE_TAIL)):
        ev = evidence[i]
        if ev.chrome is not None or ev.words > MAX_SAYS_DATE_WORDS:
            continue
        text = ev.block.text
        for hit in find_dates(text, lang):
            kind = date_kind(text, hit)
            if kind == "event":
                continue
            if kind or _SAYS_POSTED.search(text) or _LONE_PREFIX.search(text[hit.end:hit.end + 8]):
                return hit.iso
    found = _date_line_in(evidence, (*zones.tail, *zones.before), lang)
    if found:
        return found
    if page is not None:
        return parse_date(page.text, lang)
    return None


def _date_line_in(evidence, indices, lang) -> str | None:
    """The first date on a short line among ``indices`` that is not an event's."""
    for i in indices:
        ev = evidence[i]
        if ev.chrome is None and ev.words <= MAX_DATE_LINE_WORDS and not _EMBED.search(ev.block.text):
            text = ev.block.text
            for hit in find_dates(text, lang):
                if date_kind(text, hit) != "event":
                    return hit.iso
    return None


def _credited(evidence, zones: Z.Zones) -> str | None:
    for i in (*zones.below, *zones.lead, *zones.tail):
        agency = credited_agency(evidence[i].block.text)
        if agency:
            return agency
    return None


@dataclass(slots=True)
class _Ruled:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    source: str | None = None
    dateline: str | None = None


def _rule_captures(evidence, zones: Z.Zones, lang) -> _Ruled:
    """What ``metadata`` rules captured, nearest the story's top first."""
    out = _Ruled()
    start, end = zones.story
    order = [*zones.below, *zones.lead, *range(start, end + 1), *zones.tail, *zones.above]
    seen = set()
    for i in order:
        if i in seen or not 0 <= i < len(evidence):
            continue
        seen.add(i)
        for rule, found in evidence[i].metadata:
            if "source" in found and out.source is None:
                out.source = found["source"]
            if "dateline" in found and out.dateline is None:
                out.dateline = found["dateline"].strip(" -—–:")
            if "date" in found and out.published is None:
                out.published = parse_date(found["date"], lang)
            if "author" in found and not out.authors:
                out.authors = read_names(found["author"], lang, after_prefix=True)[0]
            if "title" in found and out.title is None:
                out.title = found["title"]
    return out


def split_names(raw: str, language: str | None = None) -> list[str]:
    """Names in a byline's name part: "Jane Doe and John Roe" gives both."""
    return read_names(raw, language, after_prefix=True)[0]


def detect(story: str, hint: str | None) -> str | None:
    """ISO 639-1 code of the story's language."""
    return L.detect(story, hint)


_URL_DATE = regex.compile(r"(?<!\d)((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")


def url_date(url: str) -> str | None:
    """The date in a page's address (/2023/05/24/, -20230524-), as ISO 8601."""
    m = _URL_DATE.search(url.split("?", 1)[0])
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
