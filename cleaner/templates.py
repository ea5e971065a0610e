"""Site templates: blocks that recur across many documents of one site.

Pages of one site repeat the same chrome (menus, footers, share bars). Counted
over a sample of a site's documents, a block seen in many of them is evidence
of chrome, which ``Cleaner.clean(..., recurring=...)`` weighs in.

    learner = TemplateLearner()
    for site, text in sample:
        learner.add(site, text)
    cleaner.clean(text, recurring=learner.recurring(site))

Block keys (``segment.block_key``) are kept as 64-bit hashes, each counted once
per document, and only for the first ``sample`` documents of a site, so memory
stays bounded by the sample, not by the corpus.
"""

from __future__ import annotations

import math
from hashlib import blake2b
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .segment import block_key, segment

SAMPLE = 100  # documents per site that are counted
MIN_DOCS = 3  # a key must be seen in at least this many documents...
SHARE = 0.2  # ...and in at least this share of the site's counted documents
MAX_ENTRIES = 4_000_000  # counted (site, key) pairs before rare keys are forgotten


def key_hash(key: str) -> int:
    """A stable 64-bit hash of a block key (Python's ``hash`` differs per process)."""
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def document_keys(text: str) -> frozenset[int]:
    """The hashed keys of a document's blocks, each once."""
    return frozenset(key_hash(block_key(b.text)) for b in segment(text))


def site_of_url(url: str | None) -> str | None:
    """The site of a page address: its host, without a leading ``www.``."""
    if not url or not isinstance(url, str):
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def site_of_path(relative: str) -> str:
    """The site of a file in a batch: its folder."""
    return str(PurePosixPath(relative).parent)


class KeySet:
    """The recurring keys of one site, as the engine's ``recurring`` argument:
    answers ``block_key(text) in keys`` from the hashes."""

    __slots__ = ("hashes",)

    def __init__(self, hashes=()):
        self.hashes = frozenset(hashes)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key_hash(key) in self.hashes

    def __len__(self) -> int:
        return len(self.hashes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KeySet) and other.hashes == self.hashes

    def __hash__(self) -> int:
        return hash(self.hashes)

    def __repr__(self) -> str:
        return f"KeySet({len(self.hashes)} keys)"


EMPTY = KeySet()


def threshold(documents: int, min_docs: int = MIN_DOCS, share: float = SHARE) -> int:
    """In how many of a site's ``documents`` a key must be seen to count as recurring."""
    return max(min_docs, math.ceil(share * documents))


class TemplateLearner:
    """Counts, per site, in how many documents each block key occurs.

    Only the first ``sample`` distinct documents of a site count (an exact
    duplicate of a counted document is skipped, so that copies of one story do
    not make the story look like a template). Past ``max_entries`` counted
    pairs, keys seen only once are forgotten: a template block, which recurs
    in nearly every page, survives that.
    """

    def __init__(self, sample: int = SAMPLE, min_docs: int = MIN_DOCS, share: float = SHARE,
                 max_entries: int = MAX_ENTRIES):
        if sample < 1 or min_docs < 1 or not 0 <= share <= 1:
            raise ValueError("sample and min_docs must be positive, share within 0..1")
        self.sample = sample
        self.min_docs = min_docs
        self.share = share
        self.max_entries = max_entries
        self._counts: dict[str, dict[int, int]] = {}
        self._docs: dict[str, int] = {}
        self._seen: dict[str, set[int]] = {}
        self._entries = 0
        self._limit = max_entries

    def wants(self, site: str | None) -> bool:
        """Whether a document of ``site`` would still be counted."""
        return site is not None and self._docs.get(site, 0) < self.sample

    def add(self, site: str | None, text: str) -> None:
        """Count a document's blocks for its site."""
        if self.wants(site):
            self.add_keys(site, document_keys(text))

    def add_keys(self, site: str | None, keys: frozenset[int]) -> None:
        """Count a document already reduced to ``document_keys``."""
        if not keys or not self.wants(site):
            return
        fingerprint = hash(keys)
        seen = self._seen.setdefault(site, set())
        if fingerprint in seen:
            return
        seen.add(fingerprint)
        self._docs[site] = self._docs.get(site, 0) + 1
        counts = self._counts.setdefault(site, {})
        before = len(counts)
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        self._entries += len(counts) - before
        if self._entries > self._limit:
            self._forget_rare()

    def _forget_rare(self) -> None:
        entries = 0
        for site, counts in self._counts.items():
            self._counts[site] = counts = {k: n for k, n in counts.items() if n > 1}
            entries += len(counts)
        self._entries = entries
        # If keys seen twice alone fill the budget, let it grow rather than prune on every add.
        self._limit = max(self.max_entries, 2 * entries)

    def documents(self, site: str | None) -> int:
        """How many documents of ``site`` were counted."""
        return self._docs.get(site, 0) if site is not None else 0

    def recurring(self, site: str | None) -> KeySet:
        """The keys seen in enough of ``site``'s documents; empty for a site with
        fewer than ``min_docs`` documents."""
        docs = self.documents(site)
        if docs < self.min_docs:
            return EMPTY
        need = threshold(docs, self.min_docs, self.share)
        return KeySet(k for k, n in self._counts[site].items() if n >= need)

    def table(self) -> dict[str, KeySet]:
        """Every site that has recurring keys, with them: small enough to ship to workers."""
        table = {}
        for site in self._counts:
            keys = self.recurring(site)
            if keys:
                table[site] = keys
        return table
