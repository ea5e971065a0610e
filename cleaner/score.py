"""Stage 3, score: gather evidence for each block and weigh it into one number.

The score of a block is the log-odds that it belongs to the story, a weighted sum
of generic measures (length, stop-word density, punctuation, position,
repetition, link-likeness) whose weights live in ``data/weights.toml``. Rule hits
are recorded beside the score; the select stage decides with both.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Collection
from importlib import resources

import regex

from .rules import Rule
from .segment import Block, block_key
from . import text as T

_SENTENCE = regex.compile(r"[.!?…。！？](?:\s|$)|[。！？]")
_LINK_LIKE = regex.compile(r"https?://|www\.|\S+@\S+\.\w+|[»›|•·]|^\W|→|\s/\s")
_CAPITAL = regex.compile(r"\p{Lu}")
_DIGIT = regex.compile(r"\d")
_LETTER = regex.compile(r"\p{L}")

FEATURES = (
    "bias",
    "log_words",
    "stop",
    "punct_end",
    "sentences",
    "title_case",
    "digits",
    "link_like",
    "repeated",
    "short",
    "menu_group",
    "recurring",
)


@dataclass(slots=True)
class Evidence:
    """What the score stage learned about one block."""

    block: Block
    words: float
    tokens: list[str]
    stop: float
    punct_end: bool
    sentences: int
    title_case: float
    digits: float
    link_like: bool
    repeats: int
    recurring: bool
    group_size: int
    group_short: float
    content: set[str]
    score: float = 0.0
    chrome: Rule | None = None
    boundary: Rule | None = None
    phrases: list[tuple[Rule, int, int]] = field(default_factory=list)
    metadata: list[tuple[Rule, dict]] = field(default_factory=list)

    def features(self) -> dict[str, float]:
        return {
            "bias": 1.0,
            "log_words": math.log1p(self.words),
            "stop": self.stop,
            "punct_end": float(self.punct_end),
            "sentences": min(self.sentences, 5) / 5,
            "title_case": self.title_case,
            "digits": self.digits,
            "link_like": float(self.link_like),
            "repeated": float(self.repeats > 1),
            "short": float(self.words < 5),
            "menu_group": float(self.group_size >= 3 and self.group_short > 0.7),
            "recurring": float(self.recurring),
        }


@lru_cache(maxsize=4)
def load_weights(name: str = "weights.toml") -> dict[str, float]:
    raw = (resources.files("cleaner") / "data" / name).read_text(encoding="utf-8")
    table = tomllib.loads(raw)["weights"]
    return {k: float(table.get(k, 0.0)) for k in FEATURES}


def score(blocks: list[Block], rules: tuple[Rule, ...], language: str | None, weights: dict[str, float],
          recurring: Collection[str] | None = None) -> list[Evidence]:
    """Evidence for every block, with its score and rule hits.

    recurring: keys of blocks that recur across pages of the same site.
    """
    stops = T.stopwords(language)
    counts: dict[str, int] = {}
    for b in blocks:
        key = b.text.casefold()
        counts[key] = counts.get(key, 0) + 1
    groups: dict[int, list[Block]] = {}
    for b in blocks:
        groups.setdefault(b.group, []).append(b)

    out = []
    for b in blocks:
        tokens = T.words(b.text)
        n = T.word_count(b.text)
        members = groups[b.group]
        short = sum(1 for m in members if len(m.text) < 40)
        ev = Evidence(
            block=b,
            words=n,
            tokens=tokens,
            stop=T.stop_density(tokens, stops),
            punct_end=bool(T.SENTENCE_END.search(b.text)),
            sentences=len(_SENTENCE.findall(b.text)),
            title_case=_title_case(tokens),
            digits=len(_DIGIT.findall(b.text)) / max(1, len(b.text)),
            link_like=bool(_LINK_LIKE.search(b.text)),
            repeats=counts[b.text.casefold()],
            recurring=bool(recurring) and block_key(b.text) in recurring,
            group_size=len(members),
            group_short=short / len(members),
            content=T.content_words(tokens, stops),
        )
        ev.score = sum(weights[k] * v for k, v in ev.features().items())
        _apply_rules(ev, rules)
        out.append(ev)
    return out


def _title_case(tokens: list[str]) -> float:
    cased = [t for t in tokens if _LETTER.match(t)]
    if not cased:
        return 0.0
    return sum(1 for t in cased if _CAPITAL.match(t)) / len(cased)


def _apply_rules(ev: Evidence, rules: tuple[Rule, ...]) -> None:
    text = ev.block.text
    for rule in rules:
        if rule.kind == "teaser":
            continue
        m = rule.find(text)
        if m is None:
            continue
        if rule.kind == "chrome":
            if rule.weight is not None:
                ev.score += rule.weight
            elif ev.chrome is None:
                ev.chrome = rule
        elif rule.kind == "phrase":
            ev.phrases.append((rule, m.start(), m.end()))
        elif rule.kind == "boundary":
            if ev.boundary is None:
                ev.boundary = rule
        elif rule.kind == "metadata":
            ev.metadata.append((rule, rule.fields(m)))
            if rule.edge and ev.boundary is None:
                ev.boundary = rule
