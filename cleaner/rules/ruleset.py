"""Rules prepared for scanning blocks: what each block matched, by kind.

Chrome rules stop at the first that matches (pack order is priority); every
boundary, phrase and metadata rule is tried. Results for short blocks are
cached: menus and footers repeat within a page and across a site's pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import Rule

_CACHE_MAX_LEN = 300
_CACHE_SIZE = 50_000


@dataclass(slots=True)
class Hits:
    chrome: Rule | None = None
    weight: float = 0.0
    boundary: Rule | None = None
    phrases: list[tuple[Rule, int, int]] = field(default_factory=list)
    metadata: list[tuple[Rule, dict]] = field(default_factory=list)


_NO_HITS = Hits()


class RuleSet:
    """The rules of a Cleaner, scanned per block. Shared read-only by threads."""

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        self.teasers = tuple(r for r in rules if r.kind == "teaser")
        self._chrome = _prepare(r for r in rules if r.kind == "chrome" and r.weight is None)
        self._weighted = _prepare(r for r in rules if r.kind == "chrome" and r.weight is not None)
        self._boundary = _prepare(r for r in rules if r.kind == "boundary")
        self._phrase = _prepare(r for r in rules if r.kind == "phrase")
        self._metadata = _prepare(r for r in rules if r.kind == "metadata")
        self._cache: dict[str, Hits] = {}

    def __reduce__(self):
        return (RuleSet, (self.rules,))

    def scan(self, text: str) -> Hits:
        """The rule hits of one block (the result is shared: do not modify it)."""
        cacheable = len(text) <= _CACHE_MAX_LEN
        if cacheable:
            hit = self._cache.get(text)
            if hit is not None:
                return hit
        hits = self._scan(text)
        if cacheable:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[text] = hits
        return hits

    def _scan(self, text: str) -> Hits:
        hits = None
        size = len(text)
        for rule, match, limit in self._chrome:
            if size <= limit and match(text) is not None:
                hits = Hits(chrome=rule)
                break
        for rule, match, limit in self._weighted:
            if size <= limit and match(text) is not None:
                hits = hits or Hits()
                hits.weight += rule.weight
        for rule, match, limit in self._boundary:
            if size <= limit and match(text) is not None:
                hits = hits or Hits()
                hits.boundary = rule
                break
        for rule, match, limit in self._phrase:
            if size > limit:
                continue
            found = rule.find_all(text) if rule.match == "anywhere" else [m] if (m := match(text)) else []
            if found:
                hits = hits or Hits()
                hits.phrases.extend((rule, m.start(), m.end()) for m in found)
        for rule, match, limit in self._metadata:
            m = match(text) if size <= limit else None
            if m is not None:
                hits = hits or Hits()
                hits.metadata.append((rule, rule.fields(m)))
                if rule.edge and hits.boundary is None:
                    hits.boundary = rule
        return hits or _NO_HITS


def _prepare(rules) -> tuple:
    """(rule, match function, length limit) for each rule. Built-in rules whose
    matches need no check afterwards call their compiled pattern directly, with
    no timer; the rest go through Rule.find (timer, phrase checks)."""
    out = []
    for r in rules:
        if r.compiled is None:
            continue
        if r.trusted and r.kind != "phrase":
            pat = r.compiled
            match = pat.fullmatch if r.match == "block" else pat.match if r.match == "start" else pat.search
        else:
            match = r.find
        out.append((r, match, r.max_length or 1 << 62))
    return tuple(out)
