"""Rules prepared for scanning blocks: what each block matched, by kind.

Chrome rules stop at the first that matches (pack order is priority); every
boundary, phrase and metadata rule is tried. Results for short blocks are
cached: menus and footers repeat within a page and across a site's pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import Rule, _phrase_fits

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
        # Trusted (built-in) chrome rules matching whole blocks take a fast path:
        # the compiled pattern's own method, called without a timer.
        self._fast_chrome = tuple(
            (r, r.compiled.fullmatch, r.max_length or 1 << 62) for r in rules
            if r.kind == "chrome" and r.weight is None and r.trusted and r.match == "block")
        self.teasers = tuple(r for r in rules if r.kind == "teaser")
        fast = {r for r, _, _ in self._fast_chrome}
        self._chrome = tuple(r for r in rules if r.kind == "chrome" and r.weight is None and r not in fast)
        self._weighted = tuple(r for r in rules if r.kind == "chrome" and r.weight is not None)
        self._boundary = tuple(r for r in rules if r.kind == "boundary")
        self._phrase = tuple(r for r in rules if r.kind == "phrase")
        self._metadata = tuple(r for r in rules if r.kind == "metadata")
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
        for rule, fullmatch, limit in self._fast_chrome:
            if size <= limit and fullmatch(text) is not None:
                hits = Hits(chrome=rule)
                break
        else:
            for rule in self._chrome:
                if rule.find(text) is not None:
                    hits = Hits(chrome=rule)
                    break
        for rule in self._weighted:
            if rule.find(text) is not None:
                hits = hits or Hits()
                hits.weight += rule.weight
        for rule in self._boundary:
            if rule.find(text) is not None:
                hits = hits or Hits()
                hits.boundary = rule
                break
        for rule in self._phrase:
            m = rule.find(text)  # find() checks that a phrase stands apart
            if m is not None:
                hits = hits or Hits()
                hits.phrases.append((rule, m.start(), m.end()))
        for rule in self._metadata:
            m = rule.find(text)
            if m is not None:
                hits = hits or Hits()
                hits.metadata.append((rule, rule.fields(m)))
                if rule.edge and hits.boundary is None:
                    hits.boundary = rule
        return hits or _NO_HITS
