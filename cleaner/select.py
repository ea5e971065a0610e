"""Stage 4, select: decide which blocks are the story, with a reason for each.

1. core: the contiguous run of blocks with the highest total score;
2. edges: the headline starts the story, an end boundary closes it unless the
   evidence after it says story;
3. revise with context: rule hits inside the story drop blocks or cut glued
   phrases, teasers for other stories are peeled off the story's tail.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import regex

from .rules import Rule
from .score import DEFAULT_GAP_PENALTY, Evidence
from .segment import block_key
from . import text as T

# Decisions the engine makes itself, with their stable ids.
ENGINE_RULES = {
    "story.before": "Block before the story's first paragraph: menus, headers, captions, teasers.",
    "story.after": "Block after the story's end: footers, teasers, comments, share bars.",
    "story.headline": "The story's headline: read as the title, left out of the story text.",
    "story.repeat": "Block whose text the story already holds: part of a second copy of the story.",
    "story.gap": "Block inside the story with strong evidence of chrome: an advertisement, a box of links.",
    "story.links": "Headlines linked to other stories, under the story's last paragraph or set between two of its paragraphs: teasers.",
    "story.credit": "A line the page marks as metadata (a byline, a credit) above the story's first paragraph.",
    "story.caption": "A line the page marks as a caption, right above the photo credit a rule takes out: the photo's caption.",
    "story.gallery": "A caption the page prints more than once: a gallery's slide and its enlarged copy, not the story.",
    "story.contents": "A table of contents: numbered section names that the story prints again as its headings.",
}

_HEADLINE_MAX_WORDS = 30
_QUESTION_MAX_WORDS = 20
# A score that reads as story beyond doubt.
STRONG = 2.0
# A score that reads as chrome beyond doubt.
CHROME = -5.0
# Cost of each run of story blocks, in units of block mass (see story_runs), when
# the weights file sets none.
GAP_PENALTY = DEFAULT_GAP_PENALTY
# Share of a block's word 4-grams already in the story that makes it a repeat.
REPEAT_SHARE = 0.7
# A block holding this many other kept blocks' text is a copy of the story.
BLOB_PARTS = 3
BLOB_DISTANCE = 2
# Repeats must add up to this share of the rest of the story to be a second copy.
COPY_SHARE = 0.5
# When nothing reads as story, scores are lifted until the best block scores this.
FALLBACK_LIFT = 1.0
# Added to every score before selection: trades recall (up) against precision.
SCORE_OFFSET = 0.0
# A sentence ending inside a line, another starting after it.
_INNER_SENTENCE = regex.compile(r"\w[.!?…]\s+\p{Lu}")
# A full stop or exclamation mark at the end, perhaps inside closing quotes.
_FULL_STOP = regex.compile(r"[.!…。！](?:[\"”’»]*)\s*$")
# An en or em dash opening a line: the credit under a quote.
_DASHES = "–—―"
# A full stop, comma or colon at the end, perhaps inside closing quotes.
_ENDS_SENTENCE = regex.compile(r"[.,;:。，；：！？](?:[\"”’»)\]」』]*)\s*$")


@dataclass(slots=True)
class Decision:
    index: int
    keep: bool
    rule: str
    reason: str
    text: str
    cuts: list[tuple[str, str, str]] = field(default_factory=list)  # (rule id, phrase, reason)


@dataclass(slots=True)
class Selection:
    decisions: list[Decision]
    headline: int | None
    start: int | None
    end: int | None

    def kept(self) -> list[Decision]:
        return [d for d in self.decisions if d.keep]


def select(evidence: list[Evidence], headline: int | None, teaser_rules: tuple[Rule, ...],
           bare_is_story: bool = True, gap_penalty: float = GAP_PENALTY) -> Selection:
    n = len(evidence)
    if n == 0:
        return Selection([], None, None, None)
    # A text none of whose blocks any rule takes out or reads as chrome beyond doubt
    # (a story cleaned already, a bare text) is all story: weak scores alone are too
    # little evidence to drop its lines. Not so a web page: its markup is evidence too.
    bare = bare_is_story and not any(_leaves(ev) or ev.score < CHROME for ev in evidence)
    if bare:
        runs = [(0, n - 1)]
    else:
        runs = _cut_at_final(evidence, _above_comments(evidence, story_runs(evidence, gap_penalty), headline,
                                                       gap_penalty), headline)
        runs = _close_group(evidence, _drop_title_line(evidence, runs))
        # Text closes runs on weak prose too; a page's markup has told where its story box ends.
        runs = _grow_runs(evidence, _fill_weak_gaps(evidence, runs), headline, close=bare_is_story)
        runs = _join_story_metadata(evidence, runs)
    start, end = runs[0][0], runs[-1][1]
    gaps = {i for (_, a), (b, _) in zip(runs, runs[1:]) for i in range(a + 1, b)}
    if bare:
        headline = None  # a repeated line in a bare text is the story's own
    elif headline is None or headline > end:
        headline = find_headline(evidence, start, end)
    if headline is not None and start <= headline <= end:
        # The story starts under its headline, unless strong prose stands above it
        # (a lead paragraph printed before a repeated title), but not a teaser for
        # the story itself: the headline glued to its first lines.
        title = block_key(evidence[headline].block.text)
        if not any(evidence[i].score > STRONG and not block_key(evidence[i].block.text).startswith(title)
                   for i in range(start, headline)):
            start = min(headline + 1, end)

    decisions: list[Decision] = []
    for i, ev in enumerate(evidence):
        text = ev.block.text
        if i == headline:
            decisions.append(Decision(i, False, "story.headline", ENGINE_RULES["story.headline"], text))
        elif i < start:
            decisions.append(_outside(ev, "story.before"))
        elif i > end:
            decisions.append(_outside(ev, "story.after"))
        elif i in gaps:
            decisions.append(_outside(ev, "story.gap"))
        else:
            decisions.append(_inside(ev))
    if teaser_rules and not bare:
        _peel_teasers(evidence, decisions, start, end, teaser_rules)
    _drop_repeats(evidence, decisions)
    _drop_gallery_captions(evidence, decisions)
    _drop_contents(evidence, decisions)
    _drop_link_tail(evidence, decisions)
    _drop_inserted_links(evidence, decisions)
    _drop_lead_credits(evidence, decisions)
    _drop_credited_captions(evidence, decisions)
    _trim_tail(evidence, decisions, teaser_rules)
    return Selection(decisions, headline, start, end)


# A line running on from the story's last paragraph stays down to this score; lower,
# a teaser list printed without a blank line under the story comes with it.
GROUP_TAIL_MIN = -1.5


# Lines a colon may bring into the story after it (a list, a short table).
LIST_MAX = 30


def _announced_list_end(evidence: list[Evidence], b: int, limit: int, lone: bool = False) -> int:
    """A line of prose closing with a colon at a story run's end ('The rankings
    were as follows:') announces what follows it: with the rest of its paragraph
    group (a list, a table) it belongs to the story, unless a rule marks one of
    them. With ``lone`` (text, where paragraph groups are the only structure), an
    announcement closing its paragraph brings the list of two lines or more in
    the paragraph under it. Returns the run's new last block (before
    ``limit``)."""
    # The run's own last line may be the announcement; else one opening the next group.
    i = b if _announces(evidence[b]) else b + 1
    if i > b and (i >= limit or evidence[i].block.group == evidence[b].block.group):
        return b
    # A paragraph group that itself ends with a colon hands on to the next.
    while i < limit and _announces(evidence[i]):
        start, j = i, _group_end(evidence, i, limit)
        if j - i > LIST_MAX or not all(_unmarked(evidence[m]) for m in range(i, j + 1)):
            break
        b, i = j, j + 1
        if not _ends_with_colon(evidence[j]):
            break
        if lone and j == start and i < limit and not _announces(evidence[i]):
            # An announcement closing its paragraph hands on to the list in the next one.
            k = _group_end(evidence, i, limit)
            if 0 < k - i <= LIST_MAX and all(_unmarked(evidence[m]) for m in range(i, k + 1)):
                b = k
            break
    return b


def _group_end(evidence: list[Evidence], i: int, limit: int) -> int:
    """The last block of the paragraph group opening at block i (before ``limit``),
    looked for no further than LIST_MAX + 1 blocks on."""
    group = evidence[i].block.group
    j = i
    while j + 1 < limit and evidence[j + 1].block.group == group and j - i <= LIST_MAX:
        j += 1
    return j


def _announces(ev: Evidence) -> bool:
    return ev.words >= 4 and _ends_with_colon(ev) and not _leaves(ev)


def _ends_with_colon(ev: Evidence) -> bool:
    return ev.block.text.rstrip().endswith((":", "："))


def _close_group(evidence: list[Evidence], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The story's last paragraph group ends where its blank line does: lines
    that follow its last story line without a break (the last rows of a table, a
    list's last items) stay with it unless a rule takes them out or they read
    as chrome."""
    if not runs:
        return runs
    a, end = runs[-1]
    group = evidence[end].block.group
    stop = end
    while (stop + 1 < len(evidence) and evidence[stop + 1].block.group == group
           and _unmarked(evidence[stop + 1]) and evidence[stop + 1].score > GROUP_TAIL_MIN):
        stop += 1
    if stop + 1 < len(evidence) and evidence[stop + 1].block.group == group:
        return runs  # the group goes on into chrome: its story part ended where it did
    return runs[:-1] + [(a, stop)]


def _trim_tail(evidence: list[Evidence], decisions: list[Decision], teaser_rules: tuple[Rule, ...]) -> None:
    """A heading that ends the story, its paragraph gone as a repeat or a teaser,
    goes with it: a second copy's or a teaser's headline, not the story's."""
    kept = [d.index for d in decisions if d.keep]
    if len(kept) < 2 or kept[-1] + 1 >= len(decisions):
        return
    last = kept[-1]
    gone = decisions[last + 1].rule
    if (gone == "story.repeat" or any(r.id == gone for r in teaser_rules)) and _headline_like(evidence[last]):
        decisions[last] = _outside(evidence[last], "story.after")


def _drop_repeats(evidence: list[Evidence], decisions: list[Decision]) -> None:
    """Drop a second copy of the story: pages often print the story twice (a
    summary field holding it all in one block, a print version after a break of
    chrome). A paragraph repeated in the flow of the story, as a pull quote,
    stays; so do repeats that add up to little of the story."""
    kept = [d.index for d in decisions if d.keep]
    grams = {i: _grams(evidence[i].tokens) for i in kept}
    # A blob: one block holding the text of several other kept blocks.
    owners = Counter(g for i in kept for g in grams[i])
    candidates = [i for i in kept if len(grams[i]) >= 40
                  and sum(1 for g in grams[i] if owners[g] > 1) >= REPEAT_SHARE * len(grams[i])]
    blobs = []
    if candidates:  # the blocks holding each gram, only for pages that may hold a blob
        holders: dict[int, list[int]] = {}
        for i in kept:
            for g in grams[i]:
                holders.setdefault(g, []).append(i)
        blobs = [i for i in candidates if _covered_by_several(i, grams, holders)]
    for i in blobs:
        _drop(decisions, i, "story.repeat")
    blob_set = set(blobs)
    seen: set[int] = set()
    repeats: list[int] = []
    total = 0
    begun = broken = False
    for d in decisions:
        if not d.keep:
            broken = begun and d.index not in blob_set
            continue
        begun = True
        g = grams[d.index]
        total += len(evidence[d.index].tokens)
        if broken and len(g) >= 8 and len(g & seen) >= REPEAT_SHARE * len(g):
            repeats.append(d.index)
        else:
            seen |= g
    repeated = sum(len(evidence[i].tokens) for i in repeats)
    if repeats and repeated >= COPY_SHARE * (total - repeated):
        for i in repeats:
            _drop(decisions, i, "story.repeat")


def _drop(decisions: list[Decision], i: int, rule_id: str) -> None:
    """Take block i out of the story, for the engine's own reason ``rule_id``."""
    decisions[i] = Decision(i, False, rule_id, ENGINE_RULES[rule_id], decisions[i].text)


def _drop_gallery_captions(evidence: list[Evidence], decisions: list[Decision]) -> None:
    """A block the page marks as a caption (or credit) and prints more than once is a
    gallery's: the slide strip, the enlarged view and its copy repeat each caption.
    A figure inside the story is printed once."""
    captions = [d.index for d in decisions if d.keep and _caption(evidence[d.index])]
    if not captions:
        return
    counts = Counter(ev.block.text.casefold() for ev in evidence)
    for i in captions:
        if counts[evidence[i].block.text.casefold()] > 1:
            _drop(decisions, i, "story.gallery")


# A table of contents: this many numbered lines, each this short, most of them heading the story later.
CONTENTS_LINES = 3
CONTENTS_WORDS = 12
CONTENTS_SHARE = 0.6
_NUMBERED = regex.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+(?P<name>\S[^\n]*)")
# A label over it ("Contents", "Inhaltsverzeichnis", "Sommaire"): short, one line.
CONTENTS_LABEL_WORDS = 3


def _drop_contents(evidence: list[Evidence], decisions: list[Decision]) -> None:
    """Numbered short lines, most of whose names the story prints again further down as
    the start of a line (its section headings), are its table of contents; so is a short
    label right above them."""
    kept = [d.index for d in decisions if d.keep]
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    for i in kept + [-1]:
        m = _NUMBERED.fullmatch(evidence[i].block.text.strip()) if i >= 0 and evidence[i].words <= CONTENTS_WORDS else None
        item = (i, " ".join(T.WORD.findall(m.group("name").casefold()))) if m else None
        if item and run and i == run[-1][0] + 1:
            run.append(item)
            continue
        if len(run) >= CONTENTS_LINES:
            runs.append(run)
        run = [item] if item else []
    if not runs:
        return
    # The last block opening with each run of its first words: one pass, however many lists.
    last: dict[str, int] = {}
    for k in kept:
        words = T.WORD.findall(evidence[k].block.text.casefold())[:2 * CONTENTS_WORDS]
        for n in range(1, len(words) + 1):
            last[" ".join(words[:n])] = k
    for run in runs:
        end = run[-1][0]
        if sum(last.get(name, -1) > end for _, name in run) < CONTENTS_SHARE * len(run):
            continue
        drop = [i for i, _ in run]
        above = drop[0] - 1
        if above >= 0 and decisions[above].keep and 1 <= evidence[above].words <= CONTENTS_LABEL_WORDS \
                and not evidence[above].punct_end:
            drop.insert(0, above)
        for k in drop:
            _drop(decisions, k, "story.contents")


# A block this much link text is a link (a label may precede it: 'Read: ...');
# this many words make it a headline.
LINK_SHARE = 0.8
LINK_SENTENCE_SHARE = 0.9
LINK_HEADLINE_WORDS = 5


def _drop_link_tail(evidence: list[Evidence], decisions: list[Decision]) -> None:
    """Links as long as headlines that close the kept story lead to other stories:
    a story's own text is not link text throughout, its last paragraph least of all."""
    kept = [d.index for d in decisions if d.keep]
    tail = []
    for i in reversed(kept):
        info = evidence[i].block.html
        # Words apart: an address listed as a source splits into many tokens, yet is no headline.
        # A sentence closed by a full stop, some of it no link ("Read more about it here."), is the story's own.
        text = evidence[i].block.text.rstrip()
        share = LINK_SENTENCE_SHARE if text.endswith((".", "。")) else LINK_SHARE
        if info is None or info.link_density < share or text.count(" ") < LINK_HEADLINE_WORDS - 1:
            break
        tail.append(i)
    if len(tail) < len(kept):
        for i in tail:
            _drop(decisions, i, "story.links")


# Link text throughout: a headline set between two paragraphs as one link.
INSERT_LINK_SHARE = 0.95
INSERT_PROSE_WORDS = 15


def _drop_inserted_links(evidence: list[Evidence], decisions: list[Decision]) -> None:
    """A headline that is one link from end to end, set between two paragraphs of
    the story, is a teaser the page inserts ("SENATOR SAYS ..." linked to another
    story): the story's own sentences are not links throughout. Headings (a linked
    section title) and list items (a list of links the story gives) stay."""
    kept = [d.index for d in decisions if d.keep]
    for before, i, after in zip(kept, kept[1:], kept[2:]):
        ev = evidence[i]
        info = ev.block.html
        text = ev.block.text.rstrip()
        if (info is None or info.link_density < INSERT_LINK_SHARE or info.heading or "list" in info.regions
                or text.endswith((".", "。")) or text.count(" ") < LINK_HEADLINE_WORDS - 1):
            continue
        if all(evidence[j].words >= INSERT_PROSE_WORDS and evidence[j].punct_end
               and evidence[j].block.html.link_density < 0.5 for j in (before, after)):
            _drop(decisions, i, "story.links")


# A paragraph this long opens the story; a credit or byline is at most this long.
LEAD_WORDS = 15
CREDIT_WORDS = 12


def _drop_lead_credits(evidence: list[Evidence], decisions: list[Decision]) -> None:
    """Lines the page marks as bylines or credits ("Jane Doe and John Roe The Daily
    Herald", "Associated Press") kept above the story's first paragraph: names
    without a keyword say nothing to the rules, yet the markup tells what they are.
    A sentence stays (a summary so marked)."""
    credits = []
    for d in decisions:
        if not d.keep:
            continue
        ev = evidence[d.index]
        text = ev.block.text.rstrip()
        if ev.words >= LEAD_WORDS and ev.punct_end:
            break
        if _caption(ev) and ev.words <= CREDIT_WORDS and not text.endswith((".", "!", "?")):
            credits.append(d.index)
    else:
        return  # no paragraph opens the story: nothing to tell a credit line from
    for i in credits:
        _drop(decisions, i, "story.credit")


# Rules that take out a photo's credit line (rules/packs/legal.toml).
CREDIT_RULES = frozenset({"caption.credit", "caption.photo-credit"})


def _drop_credited_captions(evidence: list[Evidence], decisions: list[Decision]) -> None:
    """A caption reads like prose; the credit line under it gives it away. On a
    page that marks the caption as such, it goes with its credit."""
    for d, below in zip(decisions, decisions[1:]):
        if d.keep and not below.keep and below.rule in CREDIT_RULES and _caption(evidence[d.index]):
            _drop(decisions, d.index, "story.caption")


def _caption(ev: Evidence) -> bool:
    info = ev.block.html
    return info is not None and info.meta_class


def _grams(tokens: list[str]) -> set[int]:
    """Hashes of the runs of four tokens."""
    return set(map(hash, zip(tokens, tokens[1:], tokens[2:], tokens[3:])))


def _covered_by_several(i: int, grams: dict[int, set[int]], holders: dict[int, list[int]]) -> bool:
    """True when several other kept blocks, none of them next to block i, each lie
    mostly inside it: a copy printed apart from the story, not a paragraph that
    the story repeats in its flow. Shared grams are counted through the blocks
    holding each of block i's grams, so a long page costs no more than its grams."""
    shared: dict[int, int] = {}
    for g in grams[i]:
        for j in holders[g]:
            shared[j] = shared.get(j, 0) + 1
    inside = [j for j, c in shared.items()
              if j != i and len(grams[j]) >= 4 and c >= REPEAT_SHARE * len(grams[j])]
    return len(inside) >= BLOB_PARTS and min(abs(j - i) for j in inside) > BLOB_DISTANCE


def _cut_at_final(evidence: list[Evidence], runs: list[tuple[int, int]],
                  headline: int | None = None) -> list[tuple[int, int]]:
    """End the story at a final boundary (comments, an author box, a credit line)
    once it has begun, unless more of the story lies after it than before: then
    the boundary was a link near the top, such as "12 comments" under a headline.
    A comment section's head naming the headline is never such a link."""
    total = sum(max(0.0, mass(evidence[i])) for a, b in runs for i in range(a, b + 1))
    before = 0.0
    for a, b in runs:
        for i in range(a, b + 1):
            rule = evidence[i].boundary
            if (rule is not None and rule.final and rule.edge == "end" and before > 0
                    and (before >= total - before or _names_headline(evidence, i, headline))):
                last = i if rule.keep else i - 1
                kept = [(x, min(y, last)) for x, y in runs if x <= min(y, last)]
                return kept or runs
            before += max(0.0, mass(evidence[i]))
    return runs


def _above_comments(evidence: list[Evidence], runs: list[tuple[int, int]], headline: int | None,
                    gap_penalty: float) -> list[tuple[int, int]]:
    """A comment section's head naming the story's headline ("One thought on
    “Headline”") stands under the story: when all the runs lie below it, they are
    its comments, and the story is the best region between the headline and it."""
    if headline is None or not runs:
        return runs
    for k in range(headline + 2, runs[0][0]):
        if _names_headline(evidence, k, headline):
            found = story_runs(evidence[headline + 1:k], gap_penalty)
            return [(a + headline + 1, b + headline + 1) for a, b in found]
    return runs


def _names_headline(evidence: list[Evidence], i: int, headline: int | None) -> bool:
    """Whether block i heads a comment section naming the story's headline."""
    ev = evidence[i]
    if headline is None or headline >= i or not _final(ev) or ev.boundary.id != "end.comments":
        return False
    title = block_key(evidence[headline].block.text)
    return bool(title) and title in block_key(ev.block.text)


def _drop_title_line(evidence: list[Evidence], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The page's title line (its first block) standing alone, chrome between it
    and the story, is the page's title, not its first paragraph."""
    first = _first_content(evidence)
    if len(runs) < 2 or runs[0][0] != first:
        return runs
    a, b = runs[0]
    # With a line under it ("CNET is also in Spanish."), it is still the page's top.
    if b - a < TOP_LINES and sum(evidence[i].words for i in range(a, b + 1)) <= _HEADLINE_MAX_WORDS + 10:
        return runs[1:]
    return runs


# Blocks of a run opening the page, under a chrome gap, read as its title and a notice.
TOP_LINES = 2


def _fill_weak_gaps(evidence: list[Evidence], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join runs whose gap no rule marks: lines inside a story that merely read a
    little less like prose stay in it. A gap is dropped on evidence: a rule that
    takes one of its blocks out (an advertisement, a "Related" label, share links)."""
    out = [runs[0]]

    def add(a: int, b: int) -> None:  # a run, joined to the last one when they touch
        if out[-1][1] == a - 1:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))

    for a, b in runs[1:]:
        gap = range(out[-1][1] + 1, a)
        if any(_leaves(evidence[i]) for i in gap):
            # Paragraphs between the marked blocks (prose between two advertisements)
            # that read as story stay: only the cost of a run of their own left them out.
            for i in gap:
                if _gap_prose(evidence[i]):
                    add(i, i)
            add(a, b)
        else:
            out[-1] = (out[-1][0], b)
    return out


def _gap_prose(ev: Evidence) -> bool:
    """Story-scored prose on a web page: its markup is evidence in the score too,
    which a text's lines lack (there such a gap is as often a teaser between ads)."""
    return ev.block.html is not None and ev.score > 0 and ev.punct_end and ev.words >= 8 and _unmarked(ev)


# Down to this score a paragraph of prose above a story run opens it; lower, teaser
# summaries above the story (about -1 to -2) would come in too.
OPEN_MIN = -0.5
# Down to this score a paragraph of prose right under the story closes it: a
# sign-off or a pointer to more says little of the subject, and under it the
# page's chrome pulls its score down.
CLOSE_MIN = -1.1


def _grow_runs(evidence: list[Evidence], runs: list[tuple[int, int]], headline: int | None,
               close: bool = False) -> list[tuple[int, int]]:
    """Grow each story run at its edges where the evidence is weak but no rule
    objects: a story's first and last paragraphs often say less of its subject
    than the body does.

    - Above a run: paragraphs of prose read as neither story nor chrome (a score
      near zero); in text, the first run reaches up to a byline or date line a
      few lines above it (_opened_by_metadata).
    - Under a run (_grow_down): in text (``close``), weak prose, a subheading with
      a paragraph leaning to story, and under the last run one sign-off
      paragraph; in any mode, a list its last line announces. In text, steps the
      story's own recurring furniture line still divides (_furnished_steps), and
      items still followed by "Label: Name" credit lines like the story's own
      (_credited_items).
    - In text, past one link line set into the story ("Related: ..."), prose
      leaning to story opens a run of its own.
    """
    out: list[tuple[int, int]] = []
    floor = -1
    runs = list(runs)
    k = 0
    while k < len(runs):
        a, b = runs[k]
        while a - 1 > floor and a - 1 != headline and _weak_prose(evidence[a - 1]):
            a -= 1
        if k == 0 and close:
            a = _opened_by_metadata(evidence, a, floor)
        ceiling = runs[k + 1][0] if k + 1 < len(runs) else len(evidence)
        b = _grow_down(evidence, b, ceiling, close, last=k + 1 == len(runs))
        if close and k + 1 == len(runs):
            b = _furnished_steps(evidence, out[0][0] if out else a, b, ceiling)
            b = _credited_items(evidence, out[0][0] if out else a, b, ceiling)
        out.append((a, b))
        floor = b
        if (close and b + 2 < ceiling and evidence[b + 1].chrome is not None
                and _weak_prose(evidence[b + 2]) and evidence[b + 2].score > 0):
            runs.insert(k + 1, (b + 2, b + 2))
        k += 1
    return out


def _grow_down(evidence: list[Evidence], b: int, ceiling: int, close: bool, last: bool) -> int:
    """The run's new last block (before ``ceiling``); see _grow_runs. Each step may
    bring the next in, so the end grows until none does, never past a final
    boundary."""
    if close and last and b + 1 < ceiling and _sign_off(evidence[b], evidence[b + 1]):
        b += 1
    while True:
        grown = b
        while close and grown + 1 < ceiling and not _final(evidence[grown]):
            if _weak_prose(evidence[grown + 1]):
                grown += 1
            elif (grown + 2 < ceiling and _subheading(evidence[grown + 1])
                  and _weak_prose(evidence[grown + 2]) and evidence[grown + 2].score > 0):
                grown += 2  # a subheading and its paragraph; teasers are peeled off later
            else:
                break
        grown = _announced_list_end(evidence, grown, ceiling, lone=close)
        if grown == b:
            return b
        b = grown


# Lines of a step after the furniture line that divides the story's steps.
STEP_LINES = 3
STEP_FURNITURE_WORDS = 8


def _furnished_steps(evidence: list[Evidence], a: int, b: int, ceiling: int) -> int:
    """A story divided by a furniture line printed again and again (a gallery's
    "Show picture" button between a recipe's steps) goes on under its last run
    while the same line still divides prose: the steps that scored weakly."""
    inside = {evidence[i].block.text.strip() for i in range(a, b + 1)
              if _leaves(evidence[i]) or evidence[i].words <= STEP_FURNITURE_WORDS}
    if b + 1 >= ceiling or evidence[b + 1].block.text.strip() not in inside:
        return b  # no furniture line under the run: the page need not be counted
    seen = Counter(ev.block.text.strip() for ev in evidence)
    furniture = {text for text in inside if seen[text] >= 2}
    j = b + 1
    while j < ceiling and evidence[j].block.text.strip() in furniture:
        step = None
        for i in range(j + 1, min(ceiling, j + 1 + STEP_LINES)):
            ev = evidence[i]
            if ev.block.text.strip() in furniture:
                break
            if _leaves(ev) or _final(ev):
                return b
            if ev.punct_end and ev.words >= 8 and ev.score > CLOSE_MIN:
                step = i
        if step is None:
            return b
        b, j = step, step + 1
    return b


# "Label: Value" lines crediting what a post shows ("Earcuff: Zoeca", "Kleid: Zara").
# A label of up to three words, a name of up to three; not a reply's subject ("Re: Rules").
_CREDIT_LINE = regex.compile(r"(?!(?i:re|aw|wg|fwd?|sv|vs):)\p{L}[\p{L}-]*(?: (?:\+ )?[\p{L}-]+){0,2}:\s+\p{Lu}[\p{L}\p{N}-]*(?: [\p{L}\p{N}-]+){0,2}")
ITEM_CREDIT_WORDS = 6
# Credit lines the story's own runs must hold.
CREDITS_INSIDE = 2


def _credit_line(ev: Evidence) -> bool:
    text = ev.block.text.strip()
    return (_unmarked(ev) and ev.words <= ITEM_CREDIT_WORDS and _CREDIT_LINE.fullmatch(text) is not None
            and not _ENDS_SENTENCE.search(text))


def _credited_items(evidence: list[Evidence], a: int, b: int, ceiling: int) -> int:
    """A story that credits what it shows in "Label: Value" lines under its items
    (a fashion post's "Earcuff: Zoeca") goes on under its last run while such lines
    still follow: the items' headings and captions between them read weakly."""
    if sum(_credit_line(evidence[i]) for i in range(a, b + 1)) < CREDITS_INSIDE:
        return b
    j = b + 1
    while j < ceiling:
        if _credit_line(evidence[j]):
            b = j
        elif not _unmarked(evidence[j]) or j > b + STEP_LINES:
            break
        j += 1
    return b


# Lines between a byline or date line and the story's first run that may join it.
META_REACH = 3


def _opened_by_metadata(evidence: list[Evidence], a: int, floor: int) -> int:
    """A byline or date line a few lines above the story opens it: the lines between,
    long and unmarked, are its first paragraphs even when they read weakly (a
    sentence cut off without its full stop)."""
    for k in range(a - 1, max(floor, a - 1 - META_REACH), -1):
        ev = evidence[k]
        if ev.metadata and not any(rule.keep for rule, _ in ev.metadata):
            return k + 1 if k + 1 < a else a
        if not _unmarked(ev) or ev.words < 8 or ev.soft < 0:
            break
    return a


def _final(ev: Evidence) -> bool:
    """Whether nothing after the block is story: a comment section's head, a credit line."""
    return ev.boundary is not None and ev.boundary.final and ev.boundary.edge == "end"


def _subheading(ev: Evidence) -> bool:
    """A short line without a full stop that no rule marks: a section's heading."""
    return _unmarked(ev) and 1 <= ev.words <= _HEADLINE_MAX_WORDS and not _ENDS_SENTENCE.search(ev.block.text)


def _sign_off(last: Evidence, ev: Evidence) -> bool:
    """A paragraph of weak prose right under the story's last paragraph closes it
    (a sign-off, a pointer to more) when it ends as a sentence does: not a question
    (a teaser's or a call for comments), not a name in brackets (a credit), nor
    one under a label (a "You may also like" heading)."""
    return _unmarked(last) and _weak_prose(ev, CLOSE_MIN) and _FULL_STOP.search(ev.block.text) is not None


def _weak_prose(ev: Evidence, floor: float = OPEN_MIN) -> bool:
    """Prose near zero that no rule takes out, cuts or weighs against."""
    return ev.score > floor and ev.punct_end and ev.words >= 8 and _unmarked(ev) and ev.soft >= 0


def _join_story_metadata(evidence: list[Evidence], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A paragraph opening with a dateline ("WINNIPEG —", "(Reuters) -") or a credit
    line closing the story ("This report by The Canadian Press was first published
    ...") is story however little it says: one next to the story joins it."""
    (a, b), last = runs[0], len(evidence) - 1
    runs = list(runs)
    if a > 0 and _story_metadata(evidence[a - 1]):
        runs[0] = (a - 1, b)
    a, b = runs[-1]
    # A closing credit a few lines under the story ("... contributed to this report")
    # brings the lines between, none of which a rule takes out: a last paragraph, a
    # correction note, a rule of underscores.
    for k in range(b + 1, min(last, b + CREDIT_REACH) + 1):
        if _story_metadata(evidence[k]) if k == b + 1 else _closing_credit(evidence[k]):
            runs[-1] = (a, k)
            break
        if _leaves(evidence[k]) or evidence[k].phrases or k > b + 1 and not _closing_line(evidence[k]):
            break
    return runs


# Lines between the story and its closing credit.
CREDIT_REACH = 5


def _story_metadata(ev: Evidence) -> bool:
    """A dateline or credit line, which belongs to the story."""
    return ev.chrome is None and (any(rule.keep for rule, _ in ev.metadata)
                                  or (ev.boundary is not None and ev.boundary.keep))


def _closing_credit(ev: Evidence) -> bool:
    return ev.chrome is None and any(rule.keep and rule.edge == "end"
                                     for rule in (ev.boundary, *(r for r, _ in ev.metadata)) if rule is not None)


def _closing_line(ev: Evidence) -> bool:
    """A sentence or a rule of dashes or underscores: what stands between a story's
    last paragraph and its credit, never a link or a label."""
    text = ev.block.text.strip()
    return ev.punct_end or (bool(text) and set(text) <= set("_-—–*=~ "))


def mass(ev: Evidence, offset: float = 0.0) -> float:
    """A block's weight in the story's total: its log-odds times a measure of its
    length, since a long paragraph says more than a one-word link."""
    return (ev.score + SCORE_OFFSET + offset) * math.log2(2.0 + ev.words)


def story_runs(evidence: list[Evidence], gap_penalty: float = GAP_PENALTY) -> list[tuple[int, int]]:
    """The runs of blocks that make up the story: the labelling in/out of story
    with the greatest total mass, where each run entered costs ``gap_penalty`` (the
    weights file's, fitted per input kind).

    Without the penalty every positive block would be taken on its own; with an
    infinite one this is the single best run (Kadane). In between, a story broken
    by an advertisement or a box of links is found whole, while a stray line far
    from it is not.
    """
    runs = _best_labelling(evidence, 0.0, gap_penalty)
    if runs:
        return runs
    # Nothing reads as story: lift every score until the best prose block reads
    # as story, and keep the run around it, the best long prose region there is.
    best = max(range(len(evidence)), key=lambda k: (evidence[k].words >= 10, evidence[k].score,
                                                   evidence[k].words, -k))
    lifted = _best_labelling(evidence, FALLBACK_LIFT - evidence[best].score, gap_penalty)
    return [r for r in lifted if r[0] <= best <= r[1]] or [(best, best)]


def _best_labelling(evidence: list[Evidence], offset: float, gap_penalty: float) -> list[tuple[int, int]]:
    n = len(evidence)
    out_total, in_total = 0.0, float("-inf")
    came_out: list[int] = []  # state before block i, for paths ending out at i
    came_in: list[int] = []
    for ev in evidence:
        m = mass(ev, offset)
        new_out, from_out = (out_total, 0) if out_total >= in_total else (in_total, 1)
        enter = out_total - gap_penalty
        new_in, from_in = (in_total + m, 1) if in_total >= enter else (enter + m, 0)
        came_out.append(from_out)
        came_in.append(from_in)
        out_total, in_total = new_out, new_in
    if in_total <= 0 and out_total <= 0:
        return []
    state = 1 if in_total > out_total else 0
    labels = [0] * n
    for i in range(n - 1, -1, -1):
        labels[i] = state
        state = came_in[i] if state else came_out[i]
    runs, i = [], 0
    while i < n:
        if labels[i]:
            j = i
            while j + 1 < n and labels[j + 1]:
                j += 1
            runs.append((i, j))
            i = j + 1
        else:
            i += 1
    return runs


def _outside(ev: Evidence, rule_id: str) -> Decision:
    text = ev.block.text
    for rule in (ev.chrome, ev.boundary):
        if rule is not None:
            return Decision(ev.block.index, False, rule.id, rule.description, text)
    for rule, _ in ev.metadata:
        return Decision(ev.block.index, False, rule.id, rule.description, text)
    cuts = []
    for rule, a, b in ev.phrases:
        if a == 0 and b >= len(text.rstrip()):
            return Decision(ev.block.index, False, rule.id, rule.description, text)
        cuts.append((rule.id, text[a:b].strip(), rule.description))
    return Decision(ev.block.index, False, rule_id, ENGINE_RULES[rule_id], text, cuts)


def _inside(ev: Evidence) -> Decision:
    text = ev.block.text
    i = ev.block.index
    if ev.chrome is not None:
        return Decision(i, False, ev.chrome.id, ev.chrome.description, text)
    if ev.boundary is not None and not ev.boundary.keep:
        return Decision(i, False, ev.boundary.id, ev.boundary.description, text)
    for rule, _ in ev.metadata:
        if not rule.keep:
            return Decision(i, False, rule.id, rule.description, text)
    if not ev.phrases:
        return Decision(i, True, "", "", text)
    cuts = []
    for rule, a, b in sorted(ev.phrases, key=lambda p: -p[1]):
        phrase = text[a:b].strip()
        rest = (text[:a] + text[b:]).strip()
        if not rest:
            return Decision(i, False, rule.id, rule.description, text)
        cuts.append((rule.id, phrase, rule.description))
        text = rest
    return Decision(i, True, "", "", text, cuts)


def _peel_teasers(evidence, decisions, start, end, teaser_rules) -> None:
    """Mark headline + summary pairs about other stories as teasers.

    Pairs after the story are relabelled (they were out already); pairs at the
    story's tail are peeled off one by one while they stay off-topic.
    """
    # Stem keys of the story, counted once per block: a pair is weighed against them
    # in time proportional to the pair, not to the story.
    counts: Counter[str] = Counter()
    for d in decisions:
        if d.keep:
            counts.update(_keys(evidence[d.index]))
    if not counts:
        return
    rule = teaser_rules[0]
    # Tail of the story: peel pairs off while they look like teasers; a lone
    # pair could be a subheading and its paragraph, so it takes two in a row.
    pairs = []
    i = end
    while i - 1 >= start:
        head, summary = evidence[i - 1], evidence[i]
        if not (decisions[i].keep and decisions[i - 1].keep):
            break
        if any(e.boundary is not None or e.metadata for e in (head, summary)):
            break
        # Weighed against the story outside this pair (a word the pair shares with it stays).
        pair = Counter(_keys(head)) + Counter(_keys(summary))
        if not (teaser_shape(head.block.text, summary.block.text, rule)
                and _off_topic(head, summary, counts, pair, rule)):
            break
        pairs.append(i - 1)
        i -= 2
    if len(pairs) >= 2 and i - start >= 2:
        for p in pairs:
            for k in (p, p + 1):
                decisions[k] = Decision(k, False, rule.id, rule.description, evidence[k].block.text)
    # After the story: name the teasers for what they are.
    k = end + 1
    while k + 1 < len(evidence):
        head, summary = evidence[k], evidence[k + 1]
        if (decisions[k].rule == "story.after" and decisions[k + 1].rule in ("story.after", "")
                and teaser_shape(head.block.text, summary.block.text, rule)
                and _off_topic(head, summary, counts, Counter(), rule)):
            for j in (k, k + 1):
                decisions[j] = Decision(j, False, rule.id, rule.description, evidence[j].block.text,
                                        decisions[j].cuts)
            k += 2
        else:
            k += 1


def teaser_shape(head: str, summary: str, rule: Rule) -> bool:
    """A short headline without a full stop, followed by a prose summary. A line
    opening with a dash ("– Jane Doe, Editor") credits a quote: no headline."""
    head_words = T.word_count(head)
    max_head = rule.param("max_headline_words", 20)
    min_summary = rule.param("min_summary_words", 12)
    if not (2 <= head_words <= max_head) or _ENDS_SENTENCE.search(head) or head.lstrip()[:1] in _DASHES:
        return False
    return T.word_count(summary) >= min_summary and bool(T.SENTENCE_END.search(summary))


def _off_topic(head: Evidence, summary: Evidence, story: Counter[str], pair: Counter[str], rule: Rule) -> bool:
    """Whether the pair shares little with the story: ``story`` counts stem keys per
    kept block, ``pair`` the pair's own share of those counts."""
    words = head.content | summary.content
    if not words:
        return True
    shared = sum(1 for w in words if any(story[k] > pair[k] for k in _stems(w)))
    return shared / len(words) <= rule.param("max_overlap", 0.3)


def _keys(ev: Evidence) -> set[str]:
    return {k for w in ev.content for k in _stems(w)}


def _stems(word: str) -> tuple[str, ...]:
    """A word's head and tail: compounds share them with their parts ("Obstbanane",
    "Bananensorte", "Banane")."""
    return (word[:6], word[-6:]) if len(word) > 6 and word.isalpha() else (word,)


def find_headline(evidence: list[Evidence], start: int, end: int) -> int | None:
    """The headline when no block repeats the page title: the story's first block
    when it reads as a headline over prose, else the nearest headline-like block
    above the story."""
    first = _first_content(evidence)
    opening = evidence[start]
    # A question or exclamation that opens the text with nothing above it is the
    # story's own first line as often as a headline: kept (a cleaned story, cleaned again).
    # So is a question or exclamation closing two sentences ("Forgot how it works? Here
    # is a refresher!") that the page does not mark as a heading: a headline is one.
    question = _asks(opening) and (start <= first or (
        not opening.heading and _INNER_SENTENCE.search(opening.block.text) is not None))
    if _headline_like(opening) and start < end and not question:
        if opening.heading == 1:
            return start  # the page marks it: an <h1> opening the story
        # Compared with the first paragraph, past a byline, date line or share bar under it.
        below = next((ev for ev in evidence[start + 1:end + 1]
                      if ev.chrome is None and not ev.metadata and ev.boundary is None), None)
        if below is not None and below.words > evidence[start].words:
            return start
    for i in range(start - 1, max(first - 1, start - 8), -1):
        ev = evidence[i]
        if ev.chrome is not None or ev.metadata or ev.boundary is not None:
            continue
        if _headline_like(ev):
            return i
        if ev.words > _HEADLINE_MAX_WORDS:
            break
    return None


def _first_content(evidence: list[Evidence]) -> int:
    """The first block no chrome rule takes: the page's title line in scraped text."""
    return next((i for i, ev in enumerate(evidence) if ev.chrome is None), 0)


def _asks(ev: Evidence) -> bool:
    """Whether the block ends with a question or exclamation mark."""
    return ev.block.text.rstrip()[-1:] in "?!？！"


def _leaves(ev: Evidence) -> bool:
    """Whether the block's rules would take it out of a story: chrome, a boundary or
    metadata line that does not stay (datelines and credit lines stay)."""
    return (ev.chrome is not None or (ev.boundary is not None and not ev.boundary.keep)
            or any(not rule.keep for rule, _ in ev.metadata))


def _unmarked(ev: Evidence) -> bool:
    """Whether no rule takes the block out of a story or cuts a label off it (a
    span cut from anywhere in it, such as a formula's source, says nothing of it)."""
    return not _leaves(ev) and all(rule.match == "anywhere" for rule, _, _ in ev.phrases)


def _headline_like(ev: Evidence) -> bool:
    if ev.chrome is not None or ev.metadata or ev.boundary is not None:
        return False
    # A question or exclamation as long as a sentence of prose opens a paragraph, not a page.
    most = _QUESTION_MAX_WORDS if _asks(ev) else _HEADLINE_MAX_WORDS
    return 3 <= ev.words <= most and not _ENDS_SENTENCE.search(ev.block.text)


