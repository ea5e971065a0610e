"""The story's language, ISO 639-1: a stop-word count first, a model only when unsure.

Counting stop words is fast and right on ordinary prose in the languages the
stop-word lists cover; py3langid (a model that takes ~0.6 s to load) settles
the rest: short texts, close neighbours (Danish/Norwegian, Spanish/Catalan,
Malay/Indonesian) and scripts the lists do not cover.
"""

from __future__ import annotations

from itertools import islice

from .. import text as T

SAMPLE = 5000
# A stop-word verdict stands when it rests on this many hits and leads the
# runner-up by this factor; measured on the corpora (see the README).
MIN_HITS = 12
MIN_LEAD = 1.5
# Languages whose stop-word lists overlap with a neighbour's so much that the
# count does not tell them apart; the model decides between them.
_NEIGHBOURS = {"da", "nb", "no", "sv", "ca", "gl", "ms", "id", "sk", "cs", "hr", "sr", "bs", "sl"}


def stopword_guess(text: str) -> tuple[str | None, bool]:
    """The language with most stop-word hits, and whether the count is decisive."""
    sample = text[:SAMPLE]
    if T.is_unspaced(sample):
        return T.guess_language(sample), True
    counts = T.stop_hits(T.WORD.findall(sample.lower()))
    if not counts:
        return None, False
    # Long lists match more by chance: weigh hits down by list size, as guess_language does.
    scored = sorted(((c / (1 + len(T.stopwords(code)) ** 0.25), code) for code, c in counts.items()), reverse=True)
    best_score, best = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0.0
    decisive = counts[best] >= MIN_HITS and best_score >= MIN_LEAD * runner and best not in _NEIGHBOURS
    return best, decisive


def detect(story: str, hint: str | None, use_model: bool = True) -> str | None:
    """ISO 639-1 code of ``story``'s language; ``hint`` (the page's guess) when the story is too short."""
    if len(list(islice(T.WORD.finditer(story[:SAMPLE]), 3))) < 3:  # too short; stops at the third word
        return hint
    guess, decisive = stopword_guess(story)
    if decisive or not use_model:
        return guess or hint
    try:
        import py3langid  # loads its model on first use: only when the count is not decisive
    except ImportError:  # pragma: no cover - declared dependency
        return guess or hint
    lang, _ = py3langid.classify(story[:SAMPLE])
    return lang or guess or hint
