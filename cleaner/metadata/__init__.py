"""Stage 5, extract metadata: title, authors, date, source, dateline, language."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..score import Evidence
from ..score import split_title
from ..select import Selection
from .. import text as T
from .dates import parse_date

_NAME_SPLIT = regex.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|&)\s*", regex.IGNORECASE)


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    source: str | None = None
    dateline: str | None = None
    language: str | None = None


def extract(evidence: list[Evidence], selection: Selection, story: str, language_hint: str | None,
            detect_language: bool = True) -> Metadata:
    meta = Metadata()
    if selection.headline is not None:
        meta.title = evidence[selection.headline].block.text
    elif evidence:
        first = evidence[0].block.text
        if T.word_count(first) <= 40:
            meta.title = split_title(first)
    meta.language = detect(story, language_hint) if detect_language else language_hint

    for ev in _near_story_first(evidence, selection):
        for rule, found in ev.metadata:
            if "source" in found and meta.source is None:
                meta.source = found["source"]
            if "date" in found and meta.published is None:
                meta.published = parse_date(found["date"], meta.language)
            if "author" in found and not meta.authors:
                meta.authors = split_names(found["author"])
            if "dateline" in found and meta.dateline is None:
                meta.dateline = found["dateline"]
            if "title" in found and meta.title is None:
                meta.title = found["title"]
    return meta


def _near_story_first(evidence: list[Evidence], selection: Selection) -> list[Evidence]:
    """Blocks in the order metadata should be trusted: story first, then its surroundings."""
    start = selection.start or 0
    end = selection.end if selection.end is not None else len(evidence) - 1
    head = selection.headline if selection.headline is not None else start
    inside = evidence[min(head, start):end + 1]
    around = evidence[end + 1:end + 4] + evidence[max(0, min(head, start) - 6):min(head, start)][::-1]
    return inside + around


def split_names(raw: str) -> list[str]:
    names = []
    for part in _NAME_SPLIT.split(raw):
        name = part.strip(" .,:;-–—")
        if name and name not in names:
            names.append(name)
    return names


def detect(story: str, hint: str | None) -> str | None:
    """ISO 639-1 code of the story's language (py3langid), or the stop-word guess."""
    sample = story[:5000]
    if len(T.words(sample)) < 3:
        return hint
    try:
        import py3langid  # loads a model: only when a language is asked for
    except ImportError:  # pragma: no cover - declared dependency
        return hint
    lang, _ = py3langid.classify(sample)
    return lang or hint
