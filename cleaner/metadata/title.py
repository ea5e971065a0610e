"""The title: the headline printed above the story, or the page title line.

Scraped text usually opens with the page's <title> ("Headline | Site"), and the
headline itself stands a little above the story. The headline wins when the
page has one that the title line confirms; otherwise the title line, its site
name cut off.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import text as T

# Separators between headline and site name in a page title.
_SPLIT = regex.compile(r"\s+(?:[|·•»~]|::|[-–—]{1,2})\s+|\s*\|\s*")
MAX_TITLE_WORDS = 40
# A line of separators has no words but may be long; splitting it costs its length squared.
MAX_TITLE_CHARS = 1000
MAX_SITE_WORDS = 6
# Blocks above the story searched for the headline.
LOOK_BACK = 12


@dataclass(frozen=True, slots=True)
class PageTitle:
    text: str          # the whole line
    headline: str      # the line with the site name cut off
    site: str | None   # the site name, when the line has one
    index: int         # block index of the line


def page_title(evidence) -> PageTitle | None:
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
    headline, site = split_site(first, _elsewhere(evidence, index, first))
    return PageTitle(first, headline, site, index)


def _elsewhere(evidence, index: int, title: str) -> dict[str, int]:
    """Normalised blocks of the page that could repeat a part of the title line (a
    headline, a logo's site name), with where each first stands; a length test
    first keeps this cheap."""
    size = len(title)
    seen: dict[str, int] = {}
    for i, ev in enumerate(evidence):
        if i != index and 0 < len(ev.block.text) <= size:
            seen.setdefault(norm(ev.block.text), i)
    return seen


def split_site(title: str, elsewhere: dict[str, int] | None = None) -> tuple[str, str | None]:
    """'Headline | Site' gives ('Headline', 'Site').

    The page decides where it can: of the parts printed again as blocks of their
    own, the one printed lowest is the headline (a logo's site name stands at the
    top). Otherwise a short last part is the site name, as most pages put it.
    """
    elsewhere = elsewhere or {}
    parts = [p.strip() for p in _SPLIT.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip(), None
    first, last = parts[0], parts[-1]
    if norm(title) in elsewhere and not _site_like(last, elsewhere):
        return title.strip(), None  # printed whole as the headline: nothing to cut
    runs = [parts[:-1], parts[1:]] + [[p] for p in parts]
    found = [(elsewhere[norm(_rejoin(title, r))], -k, r) for k, r in enumerate(runs)
             if T.word_count(_rejoin(title, r)) >= 2 and norm(_rejoin(title, r)) in elsewhere]
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
    return title.strip(), None


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
    """Share of the words of ``a`` found in ``b``."""
    wa, wb = set(T.words(a.casefold())), set(T.words(b.casefold()))
    return len(wa & wb) / len(wa) if wa else 0.0


def choose(evidence, headline: int | None, start: int | None, page: PageTitle | None) -> tuple[str | None, int | None]:
    """The title and the index of its block in the text (None when only the title line gives it)."""
    n = len(evidence)
    if n == 0:
        return None, None
    start = start if start is not None else 0
    lo = max(1, min(start, headline if headline is not None else start) - LOOK_BACK)
    hi = min(n - 1, start + 1)
    if page is not None:
        wanted = {norm(page.text), norm(page.headline)}
        wanted.discard("")
        # A block that repeats the title line, or its headline part, nearest above the story.
        sizes = [len(w) for w in wanted]
        for i in range(hi, lo - 1, -1):
            text = evidence[i].block.text
            if not any(abs(len(text) - n) <= n // 3 + 5 for n in sizes):
                continue  # cheap length test before normalising
            if i != page.index and norm(text) in wanted and _plain(evidence[i]):
                if page.site and norm(text) == norm(page.text):
                    return page.headline, i  # the title line again, site name and all
                return text.strip(), i
    if page is not None and headline == page.index:
        return page.headline, headline  # the title line is all the headline there is
    if headline is not None and _headline_like(evidence[headline]):
        text = evidence[headline].block.text.strip()
        if page is None or similarity(text, page.text) >= 0.5 or similarity(page.headline, text) >= 0.5:
            return text, headline
    if page is not None:
        # The block most like the title line's headline part, close above the story.
        best, best_score = None, 0.0
        for i in range(hi, lo - 1, -1):
            ev = evidence[i]
            if i == page.index or not _headline_like(ev):
                continue
            score = min(similarity(ev.block.text, page.headline), similarity(page.headline, ev.block.text))
            if score > best_score + 1e-9:
                best, best_score = i, score
        if best is not None and best_score >= 0.6:
            return evidence[best].block.text.strip(), best
        return page.headline, None
    if headline is not None:
        return evidence[headline].block.text.strip(), headline
    return None, None


def repeats(evidence, title: str | None, page: PageTitle | None, start: int | None) -> list[int]:
    """Blocks above the story that repeat the title: a page may print its headline twice,
    the byline under the first."""
    if not title:
        return []
    wanted = norm(title)
    size = len(title)
    lo = page.index + 1 if page is not None else 0
    hi = min(len(evidence), (start if start is not None else 0) + 1)
    return [i for i in range(lo, hi)
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


def _plain(ev) -> bool:
    return ev.chrome is None


def _headline_like(ev) -> bool:
    if ev.chrome is not None or ev.metadata:
        return False
    return 1 <= ev.words <= 30 and not regex.search(r"[.,;:]\s*$", ev.block.text)
