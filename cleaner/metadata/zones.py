"""Where metadata sits: the lines around the headline, and the story's last lines.

Bylines and dates stand between the headline and the first paragraphs, now and
then just above the headline or just above the story's first paragraph; credit
lines ("Text: ...", "Autor: ...") close the story. Teasers and comments further
after the story are not looked at.
"""

from __future__ import annotations

from dataclasses import dataclass

# Blocks looked at below each headline, and above the headline.
MAX_BELOW = 12
MAX_ABOVE = 4
# Prose paragraphs below the headline after which bylines are not looked for.
MAX_PROSE = 2
PROSE_WORDS = 25
# Blocks around the story's first paragraph: some pages put a sidebar between
# headline and story, and the byline next to the story.
LEAD_BEFORE, LEAD_AFTER = 4, 3
# Further up, for bylines with a byline word only.
BEFORE = 15
# Blocks around the story's end that may carry a credit line.
TAIL_BEFORE, TAIL_AFTER = 3, 6
# Headlines printed again below the story, and the blocks looked at under each: an image's
# zoom label, caption and credit may stand between such a headline and its date line.
MAX_FAR, FAR_BELOW = 2, 6


@dataclass(frozen=True, slots=True)
class Zones:
    below: tuple[int, ...]   # under the headline(s), in reading order
    heads: tuple[tuple[int, ...], ...]  # the same, one tuple per headline
    lead: tuple[int, ...]    # around the story's first paragraph
    above: tuple[int, ...]   # over the headline, nearest first
    before: tuple[int, ...]  # further above the story, nearest first
    tail: tuple[int, ...]    # the story's last blocks and the ones after it
    story: tuple[int, int]   # first and last block of the story
    far: tuple[int, ...] = ()  # under the headline printed again below the story


def find(evidence, anchors: list[int], start: int | None, end: int | None, far: list[int] = ()) -> Zones:
    """The zones of a page whose headline is at the blocks ``anchors`` (empty: none found)."""
    n = len(evidence)
    start = 0 if start is None else start
    end = n - 1 if end is None else end
    tops = sorted(set(anchors)) or [start - 1]
    seen: set[int] = set(tops)

    def fresh(indices) -> tuple[int, ...]:
        out = [i for i in indices if 0 <= i < n and i not in seen]
        seen.update(out)
        return tuple(out)

    # Each headline's blocks end where the next printing of the headline starts.
    stops = tops[1:] + [n]
    heads = tuple(fresh(i for i in _under(evidence, top) if i < stop) for top, stop in zip(tops, stops))
    below = [i for head in heads for i in head]
    main = tops[-1]
    # Over the main headline first, then over its other printings.
    above = fresh(i for top in (main, *reversed(tops[:-1])) for i in range(top - 1, top - 1 - MAX_ABOVE, -1))
    lead = fresh(range(start - LEAD_BEFORE, start + LEAD_AFTER + 1))
    before = fresh(range(start - LEAD_BEFORE - 1, start - BEFORE - 1, -1))
    tail = fresh(range(end - TAIL_BEFORE + 1, end + TAIL_AFTER + 1))
    under_far = fresh(i for top in far[:MAX_FAR] for i in range(top + 1, top + 1 + FAR_BELOW))
    return Zones(tuple(below), heads, lead, above, before, tail, (start, end), under_far)


def _under(evidence, top: int) -> list[int]:
    """Blocks under a headline, until two paragraphs of prose have passed."""
    out = []
    prose = 0
    i = top + 1
    while i < len(evidence) and len(out) < MAX_BELOW and prose < MAX_PROSE:
        out.append(i)
        ev = evidence[i]
        if ev.words >= PROSE_WORDS and ev.punct_end:
            prose += 1
        i += 1
    return out
