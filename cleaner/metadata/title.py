"""The title: the headline printed above the story, or the page title line.

Scraped text usually opens with the page's <title> ("Headline | Site"), and the
headline itself stands a little above the story. Which part of the title line
is the headline the page tells:

- a part (or run of parts) printed again as a block just above the story is the
  headline, as printed there; the parts left over are the site name;
- otherwise a part that names a domain, or that the page prints elsewhere as a
  logo, is the site name, and else a short last part.

The headline wins when the title line confirms it (the same words, or most of
them); a title line that is only the site name confirms nothing, and the
headline above the byline is taken as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .. import text as T
from .authors import bare_names

# Separators between headline and site name in a page title.
_SPLIT = regex.compile(r"\s+(?:[|·•»~/\\>]|::|>>|[-–—]{1,2})\s+|\s*\|\s*")
# A site name in brackets closing the title line: "Headline [LWN.net]", "Headline (example.de)".
_BRACKETED = regex.compile(r"\s*[\[(]([^\[\]()]{2,40})[\])]\s*$")
MAX_TITLE_WORDS = 40
# A line of separators has no words but may be long; splitting it costs its length squared.
MAX_TITLE_CHARS = 1000
MAX_SITE_WORDS = 6
MAX_PARTS = 8
# Blocks under the title line where a site's logo stands.
LOGO_ZONE = 3
# A part of the title line this short may be a section label ("Sport") rather than the
# headline, when another part is a headline's length.
MAX_LABEL_WORDS, MIN_HEADLINE_WORDS, MIN_REST_WORDS = 3, 6, 4
# Parts of a title line that name a kind of page, not a headline.
_LABELS = frozenset({
    "blog", "news", "home", "start", "startseite", "detail", "details", "artikel", "article", "beitrag",
    "post", "page", "seite", "aktuelles", "aktuell", "meldung", "meldungen", "presse", "archiv", "archive",
    "actualités", "noticias", "notizie", "nieuws", "aktualności", "blogg", "index",
})
# Blocks above the story searched for the headline.
LOOK_BACK = 12
# Blocks searched from the top when the story seems to start at the title line.
NO_START_LOOK = 120
# Where a block repeating part of the title line is remembered (a logo, a headline, a footer).
MAX_PLACES = 6


@dataclass(frozen=True, slots=True)
class PageTitle:
    text: str          # the whole line
    headline: str      # the line with the site name cut off
    site: str | None   # the site name, when the line has one
    index: int         # block index of the line
    printed: int | None = None  # block just above the story that prints the headline part
    site_only: bool = False     # the line is the site's name, not a headline
    rest: str = ""              # the parts of the line the printed block leaves over
    places: dict = field(default_factory=dict, compare=False, repr=False)  # blocks repeating parts of the line


def page_title(evidence, start: int | None = None, headline: int | None = None) -> PageTitle | None:
    """The page title line: the first block that no rule calls chrome, when short enough."""
    index = next((i for i, ev in enumerate(evidence) if ev.chrome is None), None)
    if index is None:
        return None
    first = evidence[index].block.text.strip()
    if not first or len(first) > MAX_TITLE_CHARS or T.word_count(first) > MAX_TITLE_WORDS:
        return None
    group = evidence[index].block.group
    if sum(1 for ev in evidence[max(0, index - 3):index + 4] if ev.block.group == group) >= 3:
        return None  # a line of a menu, not a title line
    elsewhere = _elsewhere(evidence, index, first)
    near = window(len(evidence), start, headline) if start is not None else None
    head, site, printed = _split(first, elsewhere, near, index)
    rest = _leftover(first, head) if printed is not None else ""
    site_only = printed is None and norm(head) in _LABELS  # "Blog | Site": no headline in the line
    if site is None and printed is None and T.word_count(first) <= MAX_SITE_WORDS:
        # A short line printed again far from the story (a logo, a footer), or a domain: a site name.
        places = elsewhere.get(norm(first), ())
        site_only = _domain(first) or bool(near and places and any(p < near[0] or p > near[1] for p in places))
    return PageTitle(first, head, site, index, printed, site_only, rest, elsewhere)


def _leftover(line: str, head: str) -> str:
    """The longest part of ``line`` outside ``head``."""
    at = line.find(head)
    rest = [line[:at], line[at + len(head):]] if at >= 0 else []
    pieces = [p.strip() for r in rest for p in _SPLIT.split(r) if p.strip()]
    return max(pieces, key=len, default="")


def window(n: int, start: int | None, headline: int | None) -> tuple[int, int]:
    """Block indices where the headline may stand: some way above the story's start, and its first block."""
    start = start if start is not None else 0
    if start <= 1 and (headline is None or headline <= 1):
        # The story starts at the title line: the engine found no headline; look further down.
        return 1, min(n - 1, NO_START_LOOK)
    lo = max(1, min(start, headline if headline is not None else start) - LOOK_BACK)
    return lo, min(n - 1, start + 1)


def _elsewhere(evidence, index: int, title: str) -> dict[str, list[int]]:
    """Normalised blocks of the page that could repeat a part of the title line (a
    headline, a logo's site name), with where they stand. Only blocks about as long
    as some run of the line's parts are normalised, which keeps this cheap."""
    size = len(title)
    fits = bytearray(size + 3)
    pieces = [p for p in _SPLIT.split(title) if p.strip()] or [title]
    lead, colon, tail = title.partition(": ")
    spans = [len(title), len(lead), len(tail)] if colon else [len(title)]
    for a in range(min(len(pieces), MAX_PARTS)):
        for b in range(a + 1, min(len(pieces), MAX_PARTS) + 1):
            spans.append(len(_rejoin(title, [p.strip() for p in pieces[a:b]])))
    m = _BRACKETED.search(title)
    if m:
        spans.append(len(m.group(1)))
    for n in spans:
        for k in range(max(1, n - n // 5 - 3), min(size + 2, n + n // 5 + 3) + 1):
            fits[k] = 1
    seen: dict[str, list[int]] = {}
    for i, ev in enumerate(evidence):
        k = len(ev.block.text)
        if k <= size + 2 and fits[k] and i != index:
            places = seen.setdefault(norm(ev.block.text), [])
            if len(places) < MAX_PLACES:
                places.append(i)
            elif i > places[-1]:
                places[-1] = i  # keep the last place too: a footer
    return seen


def split_site(title: str, elsewhere: dict | None = None, near: tuple[int, int] | None = None) -> tuple[str, str | None]:
    """'Headline | Site' gives ('Headline', 'Site')."""
    head, site, _ = _split(title, _places(elsewhere), near)
    return head, site


def _places(elsewhere) -> dict[str, list[int]]:
    if not elsewhere:
        return {}
    return {k: (v if isinstance(v, list) else [v]) for k, v in elsewhere.items()}


def _split(title: str, elsewhere: dict[str, list[int]], near: tuple[int, int] | None,
           top: int = 0) -> tuple[str, str | None, int | None]:
    """Headline part, site part, and the block just above the story printing the headline part."""
    title = title.strip()
    m = _BRACKETED.search(title)
    if m and (_domain(m.group(1)) or norm(m.group(1)) in elsewhere):
        return title[:m.start()].strip(), m.group(1).strip(), None
    parts = [p.strip() for p in _SPLIT.split(title) if p.strip()]
    if len(parts) < 2:
        # "Site: Headline", when the page prints the part before the colon as a block (a logo).
        return _split_colon(title, elsewhere, near)
    parts = parts[:MAX_PARTS]
    first, last = parts[0], parts[-1]
    if near is not None:
        # A run of parts printed as a block just above the story: the headline, as printed.
        best = None
        for a in range(len(parts)):
            for b in range(a + 1, len(parts) + 1):
                run = parts[a:b]
                if any(_domain(p) for p in run) or (b - a == 1 and norm(run[0]) in _LABELS):
                    continue
                text = _rejoin(title, run)
                # An end part right under the title line, the story further down, and the other
                # side of the line printed nowhere near: the logo.
                other = (last if a == 0 else first) if b - a == 1 and (a == 0 or b == len(parts)) else None
                logo = other is not None and (norm(other) in _LABELS or not _printed_near(other, elsewhere, near))
                for pos in elsewhere.get(norm(text), ()):
                    if logo and pos <= top + LOGO_ZONE < near[1] - 2:
                        continue
                    if near[0] <= pos <= near[1]:
                        key = (near[1] - pos, -(b - a))
                        if best is None or key < best[0]:
                            best = (key, a, b, text, pos)
        if best is not None:
            _, a, b, text, pos = best
            if a == 0 and b == len(parts):
                return (*_cut_site(title, parts, elsewhere, top), pos)
            site = last if a == 0 else first if b == len(parts) else (first if _site_like(first, elsewhere) or not _site_like(last, elsewhere) else last)
            return text, site, pos
    head, site = _cut_site(title, parts, elsewhere, top)
    return head, site, None


def _split_colon(title: str, elsewhere: dict[str, list[int]], near) -> tuple[str, str | None, int | None]:
    """A title line without separators may still be "Site: Headline" or "Headline: Site",
    when the page never prints it whole but prints one side as a block of its own."""
    whole = _printed_near(title, elsewhere, near)
    lead, colon, tail = (p.strip() for p in title.partition(": "))
    if not colon or not tail or norm(title) in elsewhere:
        return title, None, whole
    for head, site in ((lead, tail), (tail, lead)):
        at = _printed_near(head, elsewhere, near)
        if at is not None and T.word_count(head) >= 2 and T.word_count(site) <= MAX_SITE_WORDS \
                and (_domain(site) or norm(site) in elsewhere):
            return head, site, at
    if T.word_count(lead) <= MAX_SITE_WORDS and T.word_count(tail) >= 2 \
            and (_domain(lead) or norm(lead) in elsewhere or _legal_form(lead)):
        return tail, lead, None
    return title, None, whole


# Legal forms closing an organisation's name: "Verband e.V.: Headline" is the publisher's name first.
# Not those that are words too ("EV", "Spa", "kg", "AB").
_LEGAL_FORMS = frozenset("""
gmbh ag ug mbh gbr e.v e.g inc llc ltd plc corp s.a sarl srl s.r.l s.p.a bv b.v nv n.v oy
""".split())


def _legal_form(part: str) -> bool:
    words = part.split()
    return len(words) >= 2 and words[-1].lower().rstrip(".") in _LEGAL_FORMS


def _cut_site(title: str, parts: list[str], elsewhere, top: int = 0) -> tuple[str, str | None]:
    """The site name at one end of the title line, when no part is printed above the story.

    Of the parts printed again as blocks of their own, the one printed lowest is the
    headline (a logo's site name stands at the top). Otherwise a part naming a domain,
    or a short last part, is the site name, as most pages put it.
    """
    first, last = parts[0], parts[-1]
    if norm(title) in elsewhere and not _site_like(last, elsewhere):
        return title, None  # printed whole as the headline: nothing to cut
    runs = [parts[:-1], parts[1:]] + [[p] for p in parts]
    found = []
    for k, run in enumerate(runs):
        text = _rejoin(title, run)
        places = elsewhere.get(norm(text))
        if places and T.word_count(text) >= 2 and not any(_domain(p) for p in run):
            found.append((min(places), -k, run))
    for place, _, run in found:
        if place <= top + LOGO_ZONE and (run[0] is last or run[-1] is first):
            # An end part printed right under the title line: the logo, so the site name.
            return (_rejoin(title, parts[:-1]), last) if run[0] is last else (_rejoin(title, parts[1:]), first)
    if found:
        _, _, run = max(found)
        # The headline printed again; the site name is the part at the far end.
        return _rejoin(title, run), (last if run[-1] is not last else first)
    if _site_like(last, elsewhere) and T.word_count(last) <= T.word_count(first) + MAX_SITE_WORDS:
        return _rejoin(title, parts[:-1]), last
    if _site_like(first, elsewhere):
        return _rejoin(title, parts[1:]), first
    if T.word_count(last) <= MAX_SITE_WORDS and T.word_count(last) <= T.word_count(_rejoin(title, parts[:-1])):
        return _rejoin(title, parts[:-1]), last
    return title, None


def _printed_near(text: str, elsewhere, near) -> int | None:
    if near is None:
        return None
    places = [p for p in elsewhere.get(norm(text), ()) if near[0] <= p <= near[1]]
    return max(places) if places else None


def _site_like(part: str, elsewhere) -> bool:
    """A short part that names a domain or stands elsewhere on the page, as a logo does."""
    return T.word_count(part) <= MAX_SITE_WORDS and (_domain(part) or norm(part) in elsewhere)


_DOMAIN = regex.compile(r"\w\.(?:[a-z]{2,3}|info|online)\b", regex.IGNORECASE)


def _domain(part: str) -> bool:
    return bool(_DOMAIN.search(part))


def _rejoin(title: str, kept: list[str]) -> str:
    """The span of ``title`` from the first to the last kept part, separators and all."""
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(kept)


def norm(text: str) -> str:
    return " ".join(T.words(text.casefold()))


def similarity(a: str, b: str) -> float:
    """Share of the words of ``a`` found in ``b``, by their first letters, so that
    inflected forms count ("größte" and "größtes")."""
    wa, wb = _stems(a), _stems(b)
    return len(wa & wb) / len(wa) if wa else 0.0


STEM = 5


def _stems(text: str) -> set[str]:
    return {w if T.has_unspaced(w) else w[:STEM] for w in T.words(text.casefold())}


def related(a: str, b: str) -> bool:
    """Two headlines of one story: most words shared one way or the other, or two long words."""
    if similarity(a, b) >= 0.5 or similarity(b, a) >= 0.5:
        return True
    wa = {w for w in T.words(a.casefold()) if len(w) >= 5}
    wb = {w for w in T.words(b.casefold()) if len(w) >= 5}
    return len(wa & wb) >= 2


def choose(evidence, headline: int | None, start: int | None, page: PageTitle | None) -> tuple[str | None, int | None]:
    """The title and the index of its block in the text (None when only the title line gives it)."""
    n = len(evidence)
    if n == 0:
        return None, None
    start = start if start is not None else 0
    lo, hi = window(n, start, headline)
    engine = headline if headline is not None and _headline_like(evidence[headline]) else None
    crumbed = _after_breadcrumb(evidence, lo, hi)
    if crumbed is not None:
        return evidence[crumbed].block.text.strip(), crumbed
    if page is not None and page.printed is not None and page.printed != page.index:
        printed = evidence[page.printed].block.text.strip()
        if engine is not None and engine != page.printed and engine != page.index:
            text = evidence[engine].block.text.strip()
            # The engine's headline is a longer part of the title line than the one printed
            # near the story (a section name such as "Sport").
            if T.word_count(printed) <= MAX_LABEL_WORDS and T.word_count(page.rest) >= MIN_HEADLINE_WORDS \
                    and not _domain(page.rest) \
                    and min(similarity(text, page.rest), similarity(page.rest, text)) >= 0.75:
                return text, engine
            # The engine's headline, closer to the story and telling the same story in other
            # words, is the printed headline; the repeat further above a breadcrumb or a teaser.
            if page.printed + 2 <= engine <= start and norm(printed) not in norm(text) \
                    and min(similarity(text, printed), similarity(printed, text)) >= 0.75:
                return text, engine
        glued = _kicker_glued(evidence, printed, page.rest, page.printed + 1, min(hi, start + 1))
        if glued is not None:
            return glued
        if T.word_count(printed) <= MAX_LABEL_WORDS and T.word_count(page.rest) >= MIN_REST_WORDS and not _domain(page.rest):
            # A short part printed near the story (a site or section name); the long part of the
            # title line printed in other words closer to the story is the headline.
            best = _most_like(evidence, page.rest, max(lo, page.index + LOGO_ZONE + 1), hi, page.index)
            if best is not None and best != page.printed:
                return evidence[best].block.text.strip(), best
        return printed, page.printed
    if page is not None:
        # The whole title line printed again near the story, site name and all.
        wanted = norm(page.text)
        size = len(page.text)
        for i in range(hi, lo - 1, -1):
            text = evidence[i].block.text
            if i != page.index and abs(len(text) - size) <= size // 3 + 5 and norm(text) == wanted:
                return page.headline, i
    # A headline directly over a byline or date line, which the title line confirms.
    over = _over_byline(evidence, lo, hi)
    if over is not None and (page is None or page.site_only or related(evidence[over].block.text, page.headline)) \
            and not (page is not None and norm(page.text).startswith(norm(evidence[over].block.text) + " ")):
        return evidence[over].block.text.strip(), over
    if over is not None and page is not None and _named_under(evidence, over) \
            and not any(_printed_near(p, page.places, (lo, hi)) is not None for p in (page.headline, page.text)) \
            and _most_like(evidence, page.headline, lo, hi, page.index) is None:
        # A title line the page never prints near the story (a site's name and motto), and
        # a headline over a byline with a name: the headline.
        return evidence[over].block.text.strip(), over
    if page is not None and page.site is None:
        branded = _brand_prefixed(evidence, page, lo, hi)
        if branded is not None:
            return evidence[branded].block.text.strip(), branded
    if page is not None and headline == page.index:
        return page.headline, headline  # the title line is all the headline there is
    if engine is not None:
        text = evidence[engine].block.text.strip()
        if page is None or page.site_only or related(text, page.headline):
            return text, engine
    if page is not None:
        # The block most like the title line's headline part, close above the story.
        best = _most_like(evidence, page.headline, lo, hi, page.index)
        if best is not None:
            text = evidence[best].block.text.strip()
            # "Headline | Other site": the block is the headline with something glued on.
            if norm(text).startswith(norm(page.headline) + " ") and _SPLIT.search(text[len(page.headline) - 2:]):
                return page.headline, best
            return text, best
        return page.headline, None
    if headline is not None:
        return evidence[headline].block.text.strip(), headline
    return None, None


# A bracketed number closing a title: an object's or a listing's number, not part of its name
# ("Ferienhaus Seeblick (40222)"); five digits or more, so that years stay.
_TRAILING_ID = regex.compile(r"\s*[(\[](?:nr\.?\s*|no\.?\s*|#)?\d{5,}[)\]]\s*$", regex.IGNORECASE)


def without_id(title: str | None) -> str | None:
    if not title:
        return title
    cut = _TRAILING_ID.sub("", title)
    return cut if T.word_count(cut) >= 1 else title


# "Kicker : Headline": a space before the colon is no spelling outside French; it is where a
# kicker printed apart was joined to the headline.
_SPACED_KICKER = regex.compile(r"^(?P<kicker>[^:]{2,80}?)\s+:\s+(?P<head>\p{Lu}[^:]*)$")
MAX_KICKER_WORDS = 6
_SPACED_COLON_LANGUAGES = frozenset({"fr"})


def without_kicker(title: str | None, language: str | None) -> str | None:
    if not title or language in _SPACED_COLON_LANGUAGES:
        return title
    m = _SPACED_KICKER.match(title.strip())
    if m and T.word_count(m.group("kicker")) <= MAX_KICKER_WORDS and T.word_count(m.group("head")) >= 3:
        return m.group("head").strip()
    return title


# Other blocks that must open with the same words for them to be the site's brand.
MIN_BRANDED = 2


def _brand_prefixed(evidence, page: PageTitle, lo: int, hi: int) -> int | None:
    """"Brand Headline" on a title line with no separator, the headline printed alone near the
    story and the brand opening other lines of the page ("Brand Shop", "Brand Newsletter")."""
    full = norm(page.text)
    for i in range(hi, lo - 1, -1):
        ev = evidence[i]
        head = norm(ev.block.text)
        if i == page.index or not head or not _headline_like(ev) or not full.endswith(" " + head):
            continue
        lead = full[:-len(head) - 1]
        if T.word_count(lead) > MAX_SITE_WORDS:
            return None
        opened = sum(1 for j, other in enumerate(evidence) if j != page.index
                     and len(other.block.text) < 200 and norm(other.block.text).startswith(lead + " "))
        return i if opened >= MIN_BRANDED else None
    return None


def _kicker_glued(evidence, kicker: str, rest: str, lo: int, hi: int) -> tuple[str, int] | None:
    """"Kicker - Headline | Site" on the title line, the kicker printed on its own (a menu,
    a section), and closer to the story the two run together in one block ("Kicker Headline
    goes on"): the headline is that block after the kicker."""
    if not rest or T.word_count(rest) < 2:
        return None
    head = norm(kicker) + " "
    for i in range(hi, lo - 1, -1):
        ev = evidence[i]
        if not _headline_like(ev) or not norm(ev.block.text).startswith(head):
            continue
        text = ev.block.text.strip()
        tail = text[len(kicker):].lstrip(" :-–—|") if text.casefold().startswith(kicker.casefold()) else ""
        if T.word_count(tail) >= 2 and tail[:1].isupper() and similarity(rest, tail) >= 0.75:
            return tail, i
    return None


def extended(evidence, title: str | None, anchor: int | None) -> str | None:
    """The title as printed again just below its block with more after a separator, as a
    headline and its subtitle in one block ("Series - Part 49 – The Subject")."""
    if not title or anchor is None:
        return title
    for j in range(anchor + 1, min(len(evidence), anchor + 1 + MAX_EXTEND_BELOW)):
        text = evidence[j].block.text.strip()
        if text.startswith(title) and _EXTENSION.match(text, len(title)) and _headline_like(evidence[j]):
            return text
    return title


# Blocks under the title's block looked at for the title printed with more after it.
MAX_EXTEND_BELOW = 2
_EXTENSION = regex.compile(r"\s+[-–—:|]\s+\S")


# A breadcrumb's first crumb: the home page, in the languages pages are written in.
_HOME = regex.compile(
    r"\s*(?:home|startseite|start|accueil|inicio|início|home page|strona główna|главная|pagina iniziale|hoofdpagina)\b",
    regex.IGNORECASE,
)
MIN_CRUMB_WORDS = 3


def _after_breadcrumb(evidence, lo: int, hi: int) -> int | None:
    """A headline printed right under a breadcrumb that ends with it: the page's own title."""
    for i in range(hi, max(lo, 1) - 1, -1):
        ev = evidence[i]
        if ev.words < MIN_CRUMB_WORDS or not _headline_like(ev):
            continue
        crumbs = evidence[i - 1].block.text
        head = norm(ev.block.text)
        if _HOME.match(crumbs) and norm(crumbs).endswith(" " + head):
            return i
    return None


def _most_like(evidence, wanted: str, lo: int, hi: int, skip: int, floor: float = 0.6) -> int | None:
    """The headline-like block between ``lo`` and ``hi`` sharing most words with ``wanted`` both
    ways (at least ``floor``), nearest the story first on ties."""
    best, best_score = None, floor - 1e-9
    want = _stems(wanted)
    size = len(wanted)
    for i in range(hi, lo - 1, -1):
        ev = evidence[i]
        if i == skip or not size * floor / 2 <= len(ev.block.text) <= size * 2 / floor or not _headline_like(ev):
            continue  # far shorter or longer: it cannot share enough words both ways
        have = _stems(ev.block.text)
        if not have or not want:
            continue
        shared = len(have & want)
        score = min(shared / len(have), shared / len(want))
        if score > best_score + 1e-9:
            best, best_score = i, score
    return best


def repeats(evidence, title: str | None, page: PageTitle | None, start: int | None) -> list[int]:
    """Blocks that repeat the title: a page may print its headline twice, the byline under
    the first, or again further down with the byline under it."""
    if not title:
        return []
    wanted = norm(title)
    size = len(title)
    lo = page.index + 1 if page is not None else 0
    if page is not None and wanted in page.places and len(page.places[wanted]) < MAX_PLACES:
        return [i for i in page.places[wanted] if i >= lo]  # already found, every place
    return [i for i in range(lo, len(evidence))
            if abs(len(evidence[i].block.text) - size) <= size // 3 + 5 and norm(evidence[i].block.text) == wanted]


def nearest_headline(evidence, start: int | None) -> int | None:
    """The nearest block above the story that reads like a headline, chrome and bylines
    skipped: where the engine saw no headline, bylines are still looked for under it."""
    if start is None:
        return None
    for i in range(start - 1, max(-1, start - 1 - LOOK_BACK), -1):
        ev = evidence[i]
        if ev.chrome is not None or ev.metadata or ev.words < 3:
            continue
        if _headline_like(ev):
            return i
        if ev.words > 30:
            break
    return None


def _headline_like(ev) -> bool:
    if ev.chrome is not None or ev.metadata:
        return False
    text = ev.block.text
    return 1 <= ev.words <= 30 and not _CLAUSE_END.search(text) and not _BYLINE_START.match(text)


_CLAUSE_END = regex.compile(r"[.,;:]\s*$")
# A block opening with a byline word and a colon or a capitalised name is a byline, not a headline.
_BYLINE_START = regex.compile(
    r"(?:by|von|par|por|di|door|av|af|od|autor(?:in)?|author|auteur|autore|text|texto|texte|written by|posted by)"
    r"(?:\s*:\s*|\s+(?-i:\p{Lu}))",
    regex.IGNORECASE,
)
# Rules whose lines are bylines or date lines (not credit lines or datelines, which stay in the story).
_META_LINES = frozenset({"meta.byline", "meta.byline-user", "meta.byline-word", "meta.name-date-line",
                         "meta.date-line", "meta.time-line"})
_BYLINE_LINES = frozenset({"meta.byline", "meta.byline-user", "meta.byline-word"})
MAX_OVER_BYLINE_WORDS = 25


_NAMED_LINES = frozenset({"meta.byline", "meta.name-date-line"})


def _named_under(evidence, i: int) -> bool:
    """The block under ``i`` is a byline that names someone, and ``i`` is not itself a name."""
    text = evidence[i].block.text
    return any(rule.id in _NAMED_LINES for rule, _ in evidence[i + 1].metadata) \
        and not _SENTENCES.search(text) and not bare_names(text, None)[0]


# Two sentences in one block: a standfirst, not a headline.
_SENTENCES = regex.compile(r"\w[.?!]\s+\p{Lu}")


def _over_byline(evidence, lo: int, hi: int) -> int | None:
    """The block nearest above the story that reads like a headline and has a byline under it,
    or else a date line: a role or a caption over a date line stands closer to the story."""
    for lines in (_BYLINE_LINES, _META_LINES):
        for i in range(min(hi, len(evidence) - 2), lo - 1, -1):
            ev = evidence[i]
            if ev.words > MAX_OVER_BYLINE_WORDS or not _headline_like(ev) or ev.words < 2:
                continue
            if any(rule.id in lines for rule, _ in evidence[i + 1].metadata):
                return i
    return None
