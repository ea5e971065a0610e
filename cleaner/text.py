"""Text measures shared by the stages: words, stop words, language guess, overlap."""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources

import regex

WORD = regex.compile(r"\w+")
# Scripts written without spaces between words: count characters, not runs.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
# Characters per word in unspaced scripts, for comparable lengths.
CHARS_PER_WORD = 2.0
SENTENCE_END = regex.compile(r"[.!?…。！？:;»\"”’)\]]\s*$")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def word_count(text: str) -> float:
    """Words in ``text``; runs of Chinese, Japanese or Thai count one word per two characters."""
    if not has_unspaced(text):
        return float(len(WORD.findall(text)))
    n = 0.0
    for w in WORD.findall(text):
        cjk = len(_UNSPACED.findall(w))
        if cjk:
            n += cjk / CHARS_PER_WORD + (1 if len(w) > cjk else 0)
        else:
            n += 1
    return n


def has_unspaced(text: str) -> bool:
    # str.isascii() costs nothing, and most blocks are ASCII.
    return not text.isascii() and _UNSPACED.search(text) is not None


def is_unspaced(text: str) -> bool:
    """True when most letters belong to scripts without spaces between words."""
    head = text[:2000]
    if not has_unspaced(head):
        return False
    letters = sum(map(str.isalpha, head))
    return letters > 0 and len(_UNSPACED.findall(head)) > letters / 2


@lru_cache(maxsize=1)
def _stop_table() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """Stop words per ISO 639-1 code, and per word the languages that list it."""
    base = resources.files("stop_words") / "stop-words"
    names = json.loads((base / "languages.json").read_text(encoding="utf-8"))
    per_lang: dict[str, frozenset[str]] = {}
    for code, name in names.items():
        try:
            raw = (base / f"{name}.txt").read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        words = set(map(str.strip, raw.splitlines()))
        words.discard("")
        per_lang[code] = frozenset(map(str.lower, words))
    per_word: dict[str, tuple[str, ...]] = {}
    for code, ws in per_lang.items():
        for w in ws:
            per_word[w] = per_word.get(w, ()) + (code,)
    return per_lang, per_word


def stop_hits(tokens: list[str]) -> dict[str, int]:
    """Per language, how many of the lower-cased ``tokens`` its stop-word list holds."""
    per_word = _stop_table()[1]
    counts: dict[str, int] = {}
    for w, k in Counter(tokens).items():  # each distinct word looked up once
        for code in per_word.get(w, ()):
            counts[code] = counts.get(code, 0) + k
    return counts


_NO_STOPS: frozenset[str] = frozenset()


def stopwords(lang: str | None) -> frozenset[str]:
    if not lang:
        return _NO_STOPS
    return _stop_table()[0].get(lang, _NO_STOPS)


def guess_language(text: str, limit: int = 20000) -> str | None:
    """Cheap language guess from stop-word hits; good enough to pick a stop list."""
    sample = text[:limit]
    if is_unspaced(sample):
        han = len(regex.findall(r"\p{Han}", sample))
        kana = len(regex.findall(r"[\p{Hiragana}\p{Katakana}]", sample))
        if kana > han / 10:
            return "ja"
        if han:
            return "zh"
        return None
    tokens = WORD.findall(sample.lower())
    counts = stop_hits(tokens)
    if not counts or not tokens:
        return None
    best = max(counts, key=lambda c: (counts[c] / (1 + len(stopwords(c)) ** 0.25), c))
    return best if counts[best] >= 3 else None


@lru_cache(maxsize=64)
def stop_chars(stops: frozenset[str]) -> frozenset[str]:
    """The one-character stop words of a list: particles of Chinese and Japanese."""
    return frozenset(w for w in stops if len(w) == 1 and _UNSPACED.match(w))


def unspaced_stop_density(text: str, stops: frozenset[str]) -> float:
    """Stop-word density for text without spaces: the share of its Chinese or
    Japanese characters that are particles, scaled to read like the spaced
    languages' share of stop words (prose has about one particle in six)."""
    chars = _UNSPACED.findall(text)
    if not chars:
        return 0.0
    particles = stop_chars(stops) or _PARTICLES
    return min(1.0, 2.5 * sum(map(particles.__contains__, chars)) / len(chars))


# Particles of Chinese and Japanese prose, when the page's language is not known.
_PARTICLES = frozenset("的了是在和有我不这他也就都而及与着或被对为个们来到说要会のはがをにでとももたしてるなだ")


def stop_density(tokens: list[str], stops: frozenset[str]) -> float:
    if not tokens or not stops:
        return 0.0
    return sum(1 for t in tokens if t.lower() in stops) / len(tokens)


def content_words(tokens: list[str], stops: frozenset[str]) -> set[str]:
    """The words that carry meaning among lower-cased ``tokens`` (words of a text
    lower-cased whole, as the stages keep them): not stop words, not too short, not numbers."""
    return {t for t in set(tokens) - stops if len(t) > 2 and not t.isdigit()}
