"""The result of cleaning: the story, its metadata, and what was removed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Removal:
    """One dropped block or phrase, with the id of the rule that dropped it."""

    text: str
    rule: str
    reason: str

    def to_dict(self) -> dict:
        return {"text": self.text, "rule": self.rule, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. Fields are set once; treat the lists as read-only."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    source: str | None = None
    language: str | None = None
    dateline: str | None = None
    removed: list[Removal] = field(default_factory=list)

    def to_dict(self, removed: bool = True) -> dict:
        """Plain JSON-ready data; ``removed=False`` leaves the removals out."""
        data = {
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "source": self.source,
            "language": self.language,
            "dateline": self.dateline,
            "text": self.text,
        }
        if removed:
            data["removed"] = [r.to_dict() for r in self.removed]
        return data
