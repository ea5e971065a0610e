"""Cleaning a JSON Lines stream: one record per line, in order, memory bounded.

Each record's page field is cleaned; the story and its metadata are added under
their own keys, every other field is kept. Lines travel to workers in chunks,
and at most a fixed window of chunks is in flight, however long the stream.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from . import parallel
from .errors import CleanerError
from .progress import Progress
from .read import as_text, normalize_newlines
from .templates import EMPTY, KeySet, TemplateLearner, document_keys, site_of_url
from .write import open_atomic

CHUNK_LINES = 64
CHUNK_BYTES = 4 << 20
ON_ERROR = ("pass", "skip", "fail")
_GZIP_MAGIC = b"\x1f\x8b"


class RecordError(ValueError):
    """A line that is not a record the cleaner can read."""


class Stop(Exception):
    """``on_error="fail"`` met a bad line: ``line`` and ``reason`` say which and why."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(slots=True)
class Settings:
    """What each worker holds: the cleaner, the field names, the learned templates."""

    cleaner: object
    text_field: str = "text"
    html: bool = False  # the field holds HTML
    url_field: str = "url"
    story_field: str = "story"
    meta_field: str | None = "meta"
    templates: dict[str, KeySet] = field(default_factory=dict)


@dataclass
class Report:
    records: int = 0  # lines read that were not blank
    cleaned: int = 0
    failed: int = 0
    bytes: int = 0
    seconds: float = 0.0
    sites: int = 0


# -- one record (runs in a worker) ------------------------------------------

def parse(line: bytes) -> dict:
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        raise RecordError("not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" starting at")  # "Unterminated string starting at"
        raise RecordError(f"not valid JSON ({what[:1].lower()}{what[1:]} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise RecordError(f"not a JSON object but {_kind(record)}")
    return record


def page_of(settings: Settings, record: dict) -> tuple[str, str | None]:
    """The page text (HTML turned into text) and the address of a record."""
    name = settings.text_field
    if name not in record:
        raise RecordError(f"no {name!r} field")
    value = record[name]
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RecordError(f"field {name!r} is {_kind(value)}, not a string")
    url = record.get(settings.url_field)
    url = url if isinstance(url, str) else None
    if settings.html:
        from .html import html_to_text

        return (html_to_text(value) if value else ""), url
    return as_text(normalize_newlines(value)), url


def clean_record(settings: Settings, line: bytes) -> bytes:
    """The line with the story and metadata added; raises RecordError or CleanerError."""
    record = parse(line)
    text, url = page_of(settings, record)
    article = settings.cleaner.clean(text, url, recurring=settings.templates.get(site_of_url(url), EMPTY))
    record[settings.story_field] = article.text
    if settings.meta_field:
        meta = article.to_dict(removed=False)
        del meta["text"]
        record[settings.meta_field] = meta
    try:
        return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate: valid in JSON as a \uXXXX escape, not in UTF-8. Escaped
        # again as the input had it, the record goes through whole.
        return json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def clean_chunk(settings: Settings, first: int, lines: list[bytes]) -> list[tuple[int, bytes, str | None]]:
    """``(line number, output line, failure reason)`` per non-blank line; a failed
    line comes back as it was."""
    out = []
    for number, line in enumerate(lines, first):
        if not line.strip():
            continue
        try:
            out.append((number, clean_record(settings, line), None))
        except RecordError as exc:
            out.append((number, line, str(exc)))
        except CleanerError as exc:
            out.append((number, line, f"cannot clean the page: {exc}"))
        except Exception as exc:  # one record must not stop the stream; it is reported instead
            out.append((number, line, f"internal error: {exc.__class__.__name__}: {exc}"))
    return out


def learn_chunk(settings: Settings, first: int, lines: list[bytes]) -> list[tuple[str, frozenset[int]]]:
    """``(site, hashed block keys)`` of each record that has a site."""
    out = []
    for line in lines:
        try:
            record = parse(line)
            text, url = page_of(settings, record)
        except (RecordError, CleanerError):
            continue  # the cleaning pass reports it
        site = site_of_url(url)
        if site is not None:
            out.append((site, document_keys(text)))
    return out


def _kind(value) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), "a number")


# -- streams -----------------------------------------------------------------

@contextmanager
def open_input(path: str):
    """Binary lines of a file or standard input (``-``), gzip recognised by content."""
    if path == "-":
        raw = sys.stdin.buffer
        close = False
    else:
        raw = open(path, "rb")
        close = True
    try:
        stream = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
        if stream.peek(2)[:2] == _GZIP_MAGIC:
            stream = io.BufferedReader(gzip.GzipFile(fileobj=stream, mode="rb"), 1 << 20)
        yield stream, raw
    finally:
        if close:
            raw.close()


@contextmanager
def open_output(path: str):
    """A binary stream to standard output (``-``) or to a file, written atomically
    (complete at the end or not at all), gzip-compressed for a name ending .gz."""
    if path == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    name = Path(path).name
    with open_atomic(path) as fh:
        if name.endswith(".gz"):
            with gzip.GzipFile(filename=name[:-3], mode="wb", fileobj=fh, compresslevel=6) as gz:
                yield gz
        else:
            yield fh


def chunks(stream, report: Report) -> Iterator[tuple[int, list[bytes]]]:
    """``(first line number, lines)`` of at most CHUNK_LINES lines or about CHUNK_BYTES."""
    first, lines, size = 1, [], 0
    for number, line in enumerate(stream, 1):
        if not lines:
            first = number
        line = line.rstrip(b"\r\n")
        lines.append(line)
        size += len(line)
        report.bytes += len(line) + 1
        if len(lines) >= CHUNK_LINES or size >= CHUNK_BYTES:
            yield first, lines
            lines, size = [], 0
    if lines:
        yield first, lines


# -- the run -----------------------------------------------------------------

def run(source: str, dest: str, settings: Settings, *, runner: Callable, window: int,
        on_error: str = "pass", templates: bool = False, sample: int = 100,
        report_error: Callable[[int, str], None] | None = None, progress: bool | None = None) -> Report:
    """Clean the stream ``source`` into ``dest`` (paths, or ``-``).

    runner: ``runner(settings)`` gives a context manager of a runner (see
        ``parallel.running``; ``cleaner.dask.running`` for a cluster).
    window: chunks in flight at most.
    on_error: what becomes of a bad line, always reported through ``report_error``:
        ``pass`` writes it unchanged, ``skip`` leaves it out, ``fail`` raises Stop.
    templates: first learn the blocks that recur across the records of each
        host (of the ``url`` field); standard input is then spooled to a
        temporary file, as the stream is read twice.
    """
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}")
    started = time.perf_counter()
    report = Report()
    with _replayable(source, templates) as source:
        if templates:
            settings.templates = learn(source, settings, runner, window, sample, progress)
            report.sites = len(settings.templates)
        with open_input(source) as (stream, raw), open_output(dest) as out:
            bar = _bar(source, raw, progress, "cleaning")
            try:
                with runner(settings) as run_:
                    for results in parallel.ordered(run_, clean_chunk, chunks(stream, report), window):
                        for number, line, reason in results:
                            report.records += 1
                            if reason is not None:
                                report.failed += 1
                                if report_error:
                                    report_error(number, reason)
                                if on_error == "fail":
                                    raise Stop(number, reason)
                                if on_error == "skip":
                                    continue
                            else:
                                report.cleaned += 1
                            out.write(line + b"\n")
                        _advance(bar, raw, results, report.failed)
            finally:
                bar.close()
    report.seconds = time.perf_counter() - started
    return report


def learn(source: str, settings: Settings, runner: Callable, window: int, sample: int,
          progress: bool | None = None) -> dict[str, KeySet]:
    """Templates of each host, from its first ``sample`` records in stream order."""
    learner = TemplateLearner(sample=sample)
    with open_input(source) as (stream, raw):
        bar = _bar(source, raw, progress, "templates")
        try:
            with runner(settings) as run_:
                for results in parallel.ordered(run_, learn_chunk, chunks(stream, Report()), window):
                    for site, keys in results:
                        learner.add_keys(site, keys)
                    _advance(bar, raw, results, 0)
        finally:
            bar.close()
    return learner.table()


@contextmanager
def _replayable(source: str, needed: bool):
    """``source`` itself, or standard input copied to a temporary file when it must be read twice."""
    if not needed or source != "-":
        yield source
        return
    with tempfile.NamedTemporaryFile(prefix="cleaner-stdin.", suffix=".jsonl") as tmp:
        import shutil

        shutil.copyfileobj(sys.stdin.buffer, tmp, 1 << 20)
        tmp.flush()
        yield tmp.name


def _bar(source: str, raw, progress: bool | None, desc: str) -> Progress:
    # Progress in bytes of the file (compressed or not) when its size is known, else in records.
    if source != "-" and os.path.isfile(source):
        return Progress(os.path.getsize(source), "B", progress, desc, scale=True)
    return Progress(None, "record", progress, desc)


def _advance(bar: Progress, raw, results: list, failed: int) -> None:
    if bar.bar is None:
        return
    if bar.bar.total is not None:
        bar.update(raw.tell() - bar.bar.n, failed)
    else:
        bar.update(len(results), failed)
