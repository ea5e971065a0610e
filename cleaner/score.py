"""Stage 3, score: gather evidence for each block and weigh it into one number.

Two passes, each a weighted sum whose weights live in ``data/weights.toml``:

1. local: what a block says about itself: length, stop-word density, sentence
   punctuation, capitalisation, digits, link-likeness, repetition in the page
   and across the site, membership of a run of short lines;
2. context: the local scores around it, and where it stands: before or after
   the headline (the block repeating the page's title line), after an end
   boundary such as "Comments", how far down the page.

The result is the log-odds that the block belongs to the story. Rule hits are
recorded beside it; the select stage decides with both.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import mul
from typing import Collection

import regex

from .rules import Rule
from .rules.ruleset import RuleSet
from .segment import Block, block_key
from . import text as T

_SENTENCE = regex.compile(r"[.!?…。！？](?:\s|$)|[。！？]")
_LINK_LIKE = regex.compile(r"https?://|www\.|\S+@\S+\.\w+|[»›|•·]|^\W|→|\s/\s")
_CAPITALISED = regex.compile(r"(?<!\w)\p{Lu}")
_DIGIT_DELETE = str.maketrans("", "", "0123456789")
_COMMA_DELETE = str.maketrans("", "", ",;，、")
_TITLE_SPLIT = regex.compile(r"\s+(?:[|·•»:–—-]|::)\s+")
_OPENERS = set("\"“„«‘'—–-(")

LOCAL = (
    "bias", "log_words", "stop", "punct_end", "sentences", "title_case", "digits", "link_like",
    "repeated", "short", "menu_group", "recurring", "commas", "long_word", "quote_start",
    "lower_start", "group_size",
)
CONTEXT = (
    "bias", "local", "prev", "next", "prev2", "next2", "window", "before_headline", "after_headline",
    "headline_near", "no_headline", "after_end", "position", "chrome_hit",
)
_CLIP = 6.0


@dataclass(slots=True)
class Evidence:
    """What the score stage learned about one block."""

    block: Block
    words: float
    tokens: list[str]
    stop: float
    punct_end: bool
    stops: frozenset[str]
    local_features: tuple[float, ...] = ()
    local: float = 0.0
    score: float = 0.0
    chrome: Rule | None = None
    boundary: Rule | None = None
    phrases: list[tuple[Rule, int, int]] = field(default_factory=list)
    metadata: list[tuple[Rule, dict]] = field(default_factory=list)
    context_features: tuple[float, ...] = ()

    @property
    def content(self) -> set[str]:
        """Words that carry meaning, for cohesion with the story (computed on demand)."""
        return T.content_words(self.tokens, self.stops)


@dataclass(frozen=True, slots=True)
class Weights:
    local: tuple[float, ...]
    context: tuple[float, ...]

    @classmethod
    def from_tables(cls, local: dict, context: dict) -> "Weights":
        return cls(tuple(float(local.get(k, 0.0)) for k in LOCAL),
                   tuple(float(context.get(k, 0.0)) for k in CONTEXT))


@lru_cache(maxsize=4)
def load_weights(name: str = "weights.toml") -> Weights:
    raw = (resources.files("cleaner") / "data" / name).read_text(encoding="utf-8")
    table = tomllib.loads(raw)
    return Weights.from_tables(table["local"], table["context"])


def score(blocks: list[Block], rules: RuleSet, language: str | None, weights: Weights,
          recurring: Collection[str] | None = None) -> tuple[list[Evidence], int | None]:
    """Evidence for every block with its score, and the index of the headline block.

    recurring: keys of blocks that recur across pages of the same site.
    """
    evidence = [_local(b, rules, T.stopwords(language)) for b in blocks]
    _local_features(evidence, recurring)
    w = weights.local
    for ev in evidence:
        ev.local = sum(map(mul, w, ev.local_features))
    headline = find_title_repeat(evidence)
    _context(evidence, headline, weights.context)
    return evidence, headline


def _local(b: Block, rules: RuleSet, stops: frozenset[str]) -> Evidence:
    text = b.text
    tokens = T.WORD.findall(text.lower())
    n = T.word_count(text) if T.has_unspaced(text) else float(len(tokens))
    hits = rules.scan(text)
    ev = Evidence(
        block=b, words=n, tokens=tokens,
        stop=sum(map(stops.__contains__, tokens)) / len(tokens) if tokens and stops else 0.0,
        punct_end=T.SENTENCE_END.search(text) is not None,
        stops=stops, chrome=hits.chrome, boundary=hits.boundary, phrases=hits.phrases, metadata=hits.metadata,
    )
    ev.score = hits.weight  # soft rule weights, added to the local score below
    return ev


def _local_features(evidence: list[Evidence], recurring: Collection[str] | None) -> None:
    counts: dict[str, int] = {}
    group_size: dict[int, int] = {}
    group_short: dict[int, int] = {}
    for ev in evidence:
        b = ev.block
        key = b.text.casefold()
        counts[key] = counts.get(key, 0) + 1
        group_size[b.group] = group_size.get(b.group, 0) + 1
        if len(b.text) < 40:
            group_short[b.group] = group_short.get(b.group, 0) + 1
    for ev in evidence:
        b, text, tokens = ev.block, ev.block.text, ev.tokens
        n_tok = len(tokens) or 1
        size = group_size[b.group]
        first = text[0]
        ev.local_features = (
            1.0,
            math.log1p(ev.words),
            ev.stop,
            float(ev.punct_end),
            min(len(_SENTENCE.findall(text)), 5) / 5,
            len(_CAPITALISED.findall(text)) / n_tok,
            (len(text) - len(text.translate(_DIGIT_DELETE))) / len(text),
            float(_LINK_LIKE.search(text) is not None),
            float(counts[text.casefold()] > 1),
            float(ev.words < 5),
            float(size >= 3 and group_short.get(b.group, 0) / size > 0.7),
            float(bool(recurring) and block_key(text) in recurring),
            min((len(text) - len(text.translate(_COMMA_DELETE))) / n_tok, 1.0),
            sum(1 for t in tokens if len(t) > 12) / n_tok,
            float(first in _OPENERS),
            float(first.islower()),
            math.log1p(size) / 3,
        )


def _context(evidence: list[Evidence], headline: int | None, w: tuple[float, ...]) -> None:
    n = len(evidence)
    local = [max(-_CLIP, min(_CLIP, ev.local + ev.score)) for ev in evidence]
    # An end boundary counts once the story has begun: at the first block after
    # the headline (or anywhere, without one) that reads as strong prose.
    after = headline + 1 if headline is not None else 0
    begun = next((i for i in range(after, n) if local[i] > 2.0), n)
    ended = False
    prefix = [0.0]
    for s in local:
        prefix.append(prefix[-1] + s)
    for i, ev in enumerate(evidence):
        lo, hi = max(0, i - 3), min(n, i + 4)
        feats = (
            1.0,
            local[i],
            local[i - 1] if i > 0 else -_CLIP,
            local[i + 1] if i + 1 < n else -_CLIP,
            local[i - 2] if i > 1 else -_CLIP,
            local[i + 2] if i + 2 < n else -_CLIP,
            (prefix[hi] - prefix[lo]) / (hi - lo),
            float(headline is not None and i < headline),
            float(headline is not None and i > headline),
            float(headline is not None and 0 < i - headline <= 6),
            float(headline is None),
            float(ended),
            i / n,
            float(ev.chrome is not None),
        )
        ev.context_features = feats
        ev.score = sum(map(mul, w, feats))
        if i > begun and ev.boundary is not None and ev.boundary.edge == "end" and not ev.boundary.keep:
            ended = True


def split_title(title: str) -> str:
    """The headline part of a page title: 'Headline | Site' gives 'Headline'."""
    parts = _TITLE_SPLIT.split(title)
    if len(parts) == 1:
        return title.strip()
    return max(parts, key=lambda p: T.word_count(p)).strip()


def title_key(text: str) -> str:
    return " ".join(T.WORD.findall(text.casefold()))


def find_title_repeat(evidence: list[Evidence]) -> int | None:
    """The block that repeats the page's title line (its site suffix removed).

    Scraped pages start with the page title; the same words printed again
    further down are the headline, right above the story.
    """
    first = next((i for i, ev in enumerate(evidence) if ev.chrome is None), None)
    if first is None:
        return None
    title = evidence[first].block.text
    if T.word_count(title) > 40:
        return None
    wanted = title_key(split_title(title))
    whole = title_key(title)
    if T.word_count(wanted) < 2:
        return None
    for i in range(first + 1, min(len(evidence), first + 400)):
        key = title_key(evidence[i].block.text)
        if key and (key == wanted or key == whole):
            return i
    return None
