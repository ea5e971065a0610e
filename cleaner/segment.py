"""Stage 2, segment: split text into blocks, one per non-empty line.

Scraped text holds one block per line; a blank line separates groups of blocks
(paragraphs, menus). Each block remembers its group, so that lists stay lists.
Text wrapped at a fixed width (html2text, lynx or w3m dumps, mail) has its
paragraphs joined back first: a line the wrapper broke is one block with the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from .text import has_unspaced

_SPACE = regex.compile(r"[^\S\n]+")
# Zero-width and soft-hyphen characters that scrapers leave in text.
_INVISIBLE = regex.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_DIGITS = regex.compile(r"\d+")

# A text is taken as wrapped at width W when, of its lines of WRAP_MIN_LINE
# characters or more, at least WRAP_SHARE end within WRAP_SLACK of W, hardly any
# (an unbreakable address) run past it, and most of those near W run on in a
# next line (WRAP_RUN_ON).
WRAP_MIN_LINE = 30
WRAP_MIN_LINES = 8
WRAP_SHARE = 0.3
WRAP_RUN_ON = 0.7
WRAP_SLACK = 15
WRAP_MAX_WIDTH = 160
WRAP_OVER_SHARE = 0.05


@dataclass(slots=True)
class Block:
    index: int
    text: str
    group: int
    line: int
    html: Any = None  # html.HtmlInfo for blocks of an HTML page


def clean_line(raw: str) -> str:
    """A line with invisible characters dropped and whitespace folded."""
    if raw.isprintable() and "  " not in raw:
        # Every whitespace character but " " and every invisible one is
        # unprintable, so most lines have nothing to fold: only ends to strip.
        return raw.strip()
    return _SPACE.sub(" ", _INVISIBLE.sub("", raw)).strip()


def segment(text: str) -> list[Block]:
    """Blocks of ``text`` in order, whitespace folded, empty lines dropped."""
    raws = text.split("\n")
    width = wrap_width(raws)
    blocks: list[Block] = []
    group = 0
    gap = False
    previous = ""
    for number, raw in enumerate(raws, 1):
        line = clean_line(raw)
        if not line:
            gap = True
            continue
        if width and blocks and not gap and _wrapped(previous, line, width):
            blocks[-1].text = _join(blocks[-1].text, line)
        else:
            if gap and blocks:
                group += 1
            gap = False
            blocks.append(Block(len(blocks), line, group, number))
        previous = raw.rstrip()
    return blocks


def wrap_width(raws: list[str]) -> int | None:
    """The width the text was wrapped at, or None for text with a paragraph per line."""
    lengths = [len(raw.rstrip()) for raw in raws]
    long = sorted(n for n in lengths if n >= WRAP_MIN_LINE)
    if len(long) < WRAP_MIN_LINES:
        return None
    # The wrap width is where long lines pile up: the longest line but for a few.
    width = long[min(len(long) - 1, int(len(long) * (1 - WRAP_OVER_SHARE)))]
    if width > WRAP_MAX_WIDTH:
        return None
    near = [i for i, n in enumerate(lengths) if width - WRAP_SLACK <= n <= width]
    over = sum(1 for n in long if n > width)
    if len(near) < WRAP_SHARE * len(long) or over > WRAP_OVER_SHARE * len(long):
        return None
    # A wrapped line runs on in the next; a paragraph on one line is followed by a blank.
    runs_on = sum(1 for i in near if i + 1 < len(lengths) and lengths[i + 1])
    return width if runs_on >= WRAP_RUN_ON * len(near) else None


def _wrapped(previous: str, line: str, width: int) -> bool:
    """Whether the wrapper broke ``previous`` before ``line``: its first word
    would not have fitted on the line above (a short line ends a paragraph or a
    list item)."""
    first = line.split(" ", 1)[0]
    if has_unspaced(first[:1]):
        first = first[:1]
    return len(previous) + 1 + len(first) > width


def _join(text: str, line: str) -> str:
    # A word broken after its hyphen ("well-" / "known") is joined back whole, and
    # scripts written without spaces (Chinese, Japanese, Thai) without one.
    if (text.endswith("-") and text[-2:-1].isalpha() and line[:1].islower()) or (
            has_unspaced(text[-1]) and has_unspaced(line[:1])):
        return text + line
    return text + " " + line


def block_key(text: str) -> str:
    """A block's identity for counting repeats within and across pages:
    case-folded, whitespace-folded, digits folded (dates and counts vary)."""
    return _DIGITS.sub("0", _SPACE.sub(" ", text).strip().casefold())
