"""Rules compiled together for speed: one regex call per block and rule shape.

Rules of the same kind and match mode are joined into one alternation with a
named group per rule, so a block costs one call per shape instead of one per
rule. The first rule (in pack order) that matches wins, as it would one by one.
A pattern that runs past its time limit is found by retrying the rules one by
one, so the error still names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..errors import RuleError
from . import TIMEOUT, TIMEOUT_PER_MB, Rule, _phrase_fits

# Results for short blocks are cached: menus and footers repeat within a page
# and across the pages of a site.
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


class _Group:
    """Rules of one kind and match mode, joined into one pattern."""

    def __init__(self, rules: list[Rule], mode: str):
        self.rules = rules
        self.mode = mode
        parts = []
        for n, rule in enumerate(rules):
            body = rule.pattern
            if body.startswith("(?-i)"):
                body = f"(?-i:{body[5:]})"
            else:
                body = f"(?i:{body})"
            parts.append(f"(?P<_r{n}>{body})")
        source = "|".join(parts)
        if mode == "end":
            source = f"(?r)(?:{source})\\s*\\Z"
        elif mode == "start":
            source = f"\\s*(?:{source})"
        try:
            self.pattern = regex.compile(source)
        except regex.error:
            self.pattern = None  # a user pattern that cannot be joined is run on its own

    def run(self, text: str):
        """(rule, match) pairs for this text: the first matching rule, or each in turn."""
        if self.pattern is None:
            return [(r, m) for r in self.rules if (m := r.find(text)) is not None]
        timeout = TIMEOUT + TIMEOUT_PER_MB * len(text) / 1e6
        try:
            if self.mode == "block":
                m = self.pattern.fullmatch(text, timeout=timeout)
            elif self.mode == "start":
                m = self.pattern.match(text, timeout=timeout)
            else:
                m = self.pattern.search(text, timeout=timeout)
        except TimeoutError:
            for rule in self.rules:
                rule.find(text)  # raises RuleError naming the slow rule
            raise RuleError(f"rules ({self.mode} match) ran past their time limit on a block "
                            f"of {len(text)} characters") from None
        if m is None:
            return []
        for n, rule in enumerate(self.rules):
            if m.group(f"_r{n}") is not None:
                return [(rule, m)]
        return []  # pragma: no cover - one group always matched


class RuleSet:
    """The rules of a Cleaner, compiled once, scanned per block."""

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        self.teasers = tuple(r for r in rules if r.kind == "teaser")
        weighted = [r for r in rules if r.kind == "chrome" and r.weight is not None]
        self._weighted = tuple(weighted)
        self._groups: list[tuple[str, _Group]] = []
        for kind in ("chrome", "boundary", "phrase"):
            for mode in ("block", "start", "end", "anywhere"):
                members = [r for r in rules if r.kind == kind and r.match == mode and r not in weighted]
                if members:
                    self._groups.append((kind, _Group(members, mode)))
        # Metadata rules keep their own named groups, so they run one by one.
        self._metadata = tuple(r for r in rules if r.kind == "metadata")
        self._cache: dict[str, Hits] = {}

    def __reduce__(self):
        return (RuleSet, (self.rules,))

    def scan(self, text: str) -> Hits:
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
        for kind, group in self._groups:
            if kind == "chrome" and hits is not None and hits.chrome is not None:
                continue
            for rule, m in group.run(text):
                if kind == "phrase" and not _phrase_fits(text, m, rule.match):
                    continue
                hits = hits or Hits()
                if kind == "chrome":
                    hits.chrome = hits.chrome or rule
                elif kind == "boundary":
                    hits.boundary = hits.boundary or rule
                else:
                    span = m.span(f"_r{group.rules.index(rule)}") if group.pattern is not None else m.span()
                    hits.phrases.append((rule, *span))
        for rule in self._weighted:
            if rule.find(text) is not None:
                hits = hits or Hits()
                hits.weight += rule.weight
        for rule in self._metadata:
            m = rule.find(text)
            if m is not None:
                hits = hits or Hits()
                hits.metadata.append((rule, rule.fields(m)))
                if rule.edge and hits.boundary is None:
                    hits.boundary = rule
        return hits or _NO_HITS
