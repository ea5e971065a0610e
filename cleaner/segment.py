"""Stage 2, segment: split text into blocks, one per non-empty line.

Scraped text holds one block per line; a blank line separates groups of blocks
(paragraphs, menus). Each block remembers its group, so that lists stay lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

_SPACE = regex.compile(r"[^\S\n]+")
# Zero-width and soft-hyphen characters that scrapers leave in text.
_INVISIBLE = regex.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_DIGITS = regex.compile(r"\d+")


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
    blocks: list[Block] = []
    group = 0
    gap = False
    for number, raw in enumerate(text.split("\n"), 1):
        line = clean_line(raw)
        if not line:
            gap = True
            continue
        if gap and blocks:
            group += 1
        gap = False
        blocks.append(Block(len(blocks), line, group, number))
    return blocks


def block_key(text: str) -> str:
    """A block's identity for counting repeats within and across pages:
    case-folded, whitespace-folded, digits folded (dates and counts vary)."""
    return _DIGITS.sub("0", _SPACE.sub(" ", text).strip().casefold())
