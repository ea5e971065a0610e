"""Where metadata sits: the lines around the headline, and the story's last lines.

Bylines and dates stand between the headline and the first paragraphs, now and
then just above the headline; credit lines ("Text: ...", "Autor: ...") close
the story. Teasers and comments after the story are not looked at.
"""

from __future__ import annotations

from dataclasses import dataclass

# Blocks looked at below the headline, and above it.
MAX_BELOW = 12
MAX_ABOVE = 4
# Prose paragraphs below the headline after which bylines are not looked for.
MAX_PROSE = 2
PROSE_WORDS = 25
# Blocks around the story's end that may carry a credit line.
TAIL_BEFORE, TAIL_AFTER = 3, 3


@dataclass(frozen=True, slots=True)
class Zones:
    below: tuple[int, ...]   # under the headline, in reading order
    above: tuple[int, ...]   # over the headline, nearest first
    tail: tuple[int, ...]    # the story's last blocks and the ones after it
    story: tuple[int, int]   # first and last block of the story


def find(evidence, anchor: int | None, start: int | None, end: int | None) -> Zones:
    """The zones of a page whose headline is block ``anchor`` (None: the story starts cold)."""
    n = len(evidence)
    start = 0 if start is None else start
    end = n - 1 if end is None else end
    top = anchor if anchor is not None else start - 1
    below = []
    prose = 0
    i = top + 1
    while i < n and len(below) < MAX_BELOW and prose < MAX_PROSE:
        below.append(i)
        ev = evidence[i]
        if ev.words >= PROSE_WORDS and ev.punct_end:
            prose += 1
        i += 1
    above = tuple(range(top - 1, max(-1, top - 1 - MAX_ABOVE), -1)) if top > 0 else ()
    seen = set(below) | set(above)
    tail = tuple(i for i in range(max(start, end - TAIL_BEFORE + 1), min(n, end + 1 + TAIL_AFTER)) if i not in seen)
    return Zones(tuple(below), above, tail, (start, end))
