"""The fuzz target: one input of bytes, and what must hold for every input.

The first byte picks the entry point, the rest is the page:

  text        ``clean`` on any Unicode: no exception, the same article twice,
              and a story made of the input's own text, in order
  html        ``clean_html`` on any Unicode: no exception, deterministic
  bytes       ``clean_bytes`` on raw bytes: an article or a CleanerError
  html-bytes  ``clean_html`` on raw bytes: an article or a CleanerError
  jsonl       a JSON Lines record: cleaned or refused with a reason, never an
              internal error, and the output line is valid UTF-8 JSON

tests/test_fuzz.py drives it with Hypothesis for a bounded time in CI and
replays tests/fuzz_corpus/; benchmarks/fuzz.py runs it for longer, coverage
guided with atheris when that is installed.
"""

from __future__ import annotations

import json
import signal
from contextlib import contextmanager

import regex

from cleaner import CleanerError, Cleaner
from cleaner.read import normalize_newlines
from cleaner.write import render

ENTRIES = ("text", "html", "bytes", "html-bytes", "jsonl")
_CLEANER = Cleaner(detect_language=False)
# What the segment stage drops, and what it folds into one space.
_INVISIBLE = regex.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACE = regex.compile(r"\s+")


def as_input(entry: str, body: bytes) -> bytes:
    return bytes([ENTRIES.index(entry)]) + body


def text_of(body: bytes) -> str:
    """Any str from bytes: UTF-8 with encoded surrogates allowed, other bytes as lone surrogates."""
    try:
        return body.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return body.decode("utf-8", "surrogateescape")


def bytes_of(text: str) -> bytes:
    """The inverse of ``text_of`` for any str (surrogates included)."""
    return text.encode("utf-8", "surrogatepass")


def normalize(text: str) -> str:
    """Whitespace folded (by Python's and regex's idea of it), invisible characters dropped."""
    text = _INVISIBLE.sub("", text)
    return " ".join(_SPACE.sub(" ", text).split())


def story_is_from(story: str, source: str) -> str | None:
    """None when every story line is text of ``source``, in order; else the first line that is not."""
    haystack = normalize(source)
    pos = 0
    for line in story.split("\n"):
        needle = normalize(line)
        if not needle:
            continue
        found = haystack.find(needle, pos)
        if found < 0:
            return line
        pos = found + len(needle)
    return None


def check(data: bytes) -> None:
    """Raise AssertionError (or the unexpected exception) when an invariant breaks."""
    if not data:
        return
    entry, body = ENTRIES[data[0] % len(ENTRIES)], data[1:]
    if entry == "text":
        text = text_of(body)
        article, decisions = _CLEANER.clean_and_explain(text)
        assert _CLEANER.clean(text) == article, "not deterministic"
        stray = story_is_from(article.text, text)
        assert stray is None, f"story line not in the input: {stray!r}"
        # One decision per non-empty line, lines ended as the library ends them (CR, U+2028...).
        assert len(decisions) == sum(1 for line in normalize_newlines(text).split("\n") if normalize(line))
        for fmt in ("text", "json", "markdown"):
            render(article, fmt)
    elif entry == "html":
        text = text_of(body)
        article = _CLEANER.clean_html(text)
        assert _CLEANER.clean_html(text) == article, "not deterministic"
        render(article, "json")
    elif entry in ("bytes", "html-bytes"):
        try:
            if entry == "bytes":
                article = _CLEANER.clean_bytes(body)
            else:
                article = _CLEANER.clean_html(body)
        except CleanerError as exc:
            message = str(exc)
            assert message and "\n" not in message, f"error is not one line: {message!r}"
            return
        render(article, "markdown")
    else:
        from cleaner.jsonl import Settings, clean_chunk

        lines = [line.rstrip(b"\r") for line in body.split(b"\n")]  # as jsonl.chunks gives them
        for _, line, reason in clean_chunk(Settings(_CLEANER), 1, lines):
            assert reason is None or not reason.startswith("internal error"), reason
            if reason is None:
                assert isinstance(json.loads(line.decode("utf-8")), dict)


class Hang(AssertionError):
    pass


@contextmanager
def finishes_within(seconds: int):
    """Fail, rather than hang the test run, when the body runs past ``seconds``
    (a generous bound: a check that nothing hangs, not a speed test)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def stop(signum, frame):
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
