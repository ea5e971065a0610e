"""The source: the agency that signs the story, else the site named in the title line."""

from __future__ import annotations

import regex

from .authors import agency_in

# "Quelle: dpa", "Source : AFP", "(dpa)", "mit Material von dpa", "with AP": an agency credited.
_CREDIT = regex.compile(
    r"(?:^|\(|\b(?:quelle|source|fuente|fonte|źródło|bron|mit|with|avec|con|z|met)\b\s*:?\s*(?:material\s+(?:von|der)\s+)?)"
    r"(?P<agency>[^()\n]{2,40}?)(?:\)|$|[,;/])",
    regex.IGNORECASE,
)
MAX_CREDIT_WORDS = 12


def credited_agency(text: str) -> str | None:
    """An agency credited in a short line ("Quelle: dpa", "(AFP)", "FR mit dpa"), or None."""
    if len(text.split()) > MAX_CREDIT_WORDS:
        return None
    for m in _CREDIT.finditer(text):
        agency = agency_in(m.group("agency"))
        if agency:
            return agency
    return None
