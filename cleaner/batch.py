"""Cleaning a folder tree: every matching file of SRC to the same relative path under DEST.

Outputs are written through a temporary file and a rename, so an output that
exists is complete; that is what ``resume`` relies on. SRC is never written.
"""

from __future__ import annotations

import fnmatch
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import parallel
from .errors import CleanerError
from .progress import Progress
from .read import gunzip, os_reason, read_file, require_text
from .templates import EMPTY, KeySet, TemplateLearner, document_keys, site_of_path
from .write import EXTENSIONS, NO_ROOM, render, write_atomic

DEFAULT_INCLUDE = ("*.txt", "*.html", "*.htm")
ERRORS_FILE = "errors.jsonl"


class TreeError(ValueError):
    """SRC or DEST cannot be used as given (a usage error)."""


class DestinationError(Exception):
    """DEST cannot take more output (disk full, read-only): the batch stops.
    ``report`` holds what was done until then."""

    def __init__(self, message: str):
        super().__init__(message)
        self.report: Report | None = None


@dataclass(frozen=True, slots=True)
class Task:
    rel: str  # path under SRC, with / separators
    source: str
    output: str
    site: str


@dataclass(slots=True)
class Settings:
    """What each worker holds: the cleaner and how to read and write."""

    cleaner: object
    fmt: str = "text"
    input_format: str = "auto"
    encoding: str | None = None
    templates: dict[str, KeySet] = field(default_factory=dict)


@dataclass
class Report:
    cleaned: int = 0
    skipped: int = 0  # complete outputs kept by resume
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path under SRC, reason)
    bytes: int = 0
    seconds: float = 0.0
    sites: int = 0  # sites with a learned template


# -- choosing the files ------------------------------------------------------

def matches(rel: str, patterns) -> bool:
    """Whether a path under SRC matches a glob: patterns with a / match the whole
    path, others the name; a gzip-compressed file matches as its name without .gz."""
    names = [rel]
    if rel.endswith(".gz"):
        names.append(rel[:-3])
    for pattern in patterns:
        for name in names:
            if fnmatch.fnmatch(name if "/" in pattern else name.rsplit("/", 1)[-1], pattern):
                return True
    return False


def walk(src: Path, include=DEFAULT_INCLUDE, exclude=(), skip_dir: Path | None = None) -> list[str]:
    """Paths under ``src`` (``/``-separated, sorted) of the files to clean.

    Folders matching ``exclude`` are not entered, nor is ``skip_dir`` (a DEST inside SRC).
    """
    skip = _identity(skip_dir) if skip_dir is not None else None
    found = []
    for root, dirs, files in os.walk(src):
        base = Path(root).relative_to(src).as_posix()
        prefix = "" if base == "." else base + "/"
        dirs[:] = sorted(d for d in dirs
                         if not matches(prefix + d, exclude) and _identity(Path(root, d)) != skip)
        for name in files:
            rel = prefix + name
            if matches(rel, include) and not matches(rel, exclude):
                found.append(rel)
    return sorted(found)


def output_name(rel: str, fmt: str) -> str:
    """``a/page.html.gz`` -> ``a/page.txt`` (for text output)."""
    path = PurePosixPath(rel[:-3] if rel.endswith(".gz") else rel)
    return str(path.with_suffix(EXTENSIONS[fmt]))


def plan(src: Path, dest: Path, fmt: str, include=DEFAULT_INCLUDE, exclude=()) -> tuple[list[Task], list[tuple[str, str]]]:
    """The tasks, and the files refused before cleaning (with the reason).

    Raises TreeError when SRC or DEST cannot be used.
    """
    src, dest = _check_tree(src, dest)
    dest.mkdir(parents=True, exist_ok=True)
    _check_writable(dest)
    inside = dest.is_relative_to(src)
    # With SRC inside DEST, an output could land in SRC: those files are refused.
    src_under_dest = src.relative_to(dest).as_posix() + "/" if src.is_relative_to(dest) else None
    tasks, refused, owner = [], [], {}
    for rel in walk(src, include, exclude, skip_dir=dest if inside else None):
        out = output_name(rel, fmt)
        if out in owner:
            refused.append((rel, f"its output {out} is also the output of {owner[out]}"))
            continue
        if src_under_dest and out.startswith(src_under_dest):
            refused.append((rel, f"its output {out} would be written inside SRC"))
            continue
        owner[out] = rel
        tasks.append(Task(rel, str(src / rel), str(dest / out), site_of_path(rel)))
    return tasks, refused


def _check_tree(src: Path, dest: Path) -> tuple[Path, Path]:
    if not src.exists():
        raise TreeError(f"{src}: no such folder")
    if not src.is_dir():
        raise TreeError(f"{src}: not a folder (clean one file with `cleaner FILE -o OUT`)")
    if dest.exists() and not dest.is_dir():
        raise TreeError(f"{dest}: exists and is not a folder")
    src, dest = src.resolve(), dest.resolve()
    if src == dest:
        raise TreeError("DEST is SRC: outputs would overwrite the inputs; choose another DEST")
    return src, dest


def _check_writable(dest: Path) -> None:
    """Refuse a DEST that takes no file (read-only, not ours) before any work is done."""
    try:
        with tempfile.TemporaryFile(dir=dest, prefix=".cleaner-probe."):
            pass
    except OSError as exc:
        raise TreeError(f"{dest}: cannot write there ({os_reason(exc)})") from None


def _identity(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


# -- the work of one file (runs in a worker) --------------------------------

def read_page(path: str) -> tuple[bytes, int]:
    """A regular file's bytes, gzip unpacked first (so that HTML is still
    recognised), and its size on disk. A FIFO or device, and a page with nothing
    to clean, are refused (InputError)."""
    data = read_file(path, regular_only=True)
    page = gunzip(data)
    require_text(page)
    return page, len(data)


def clean_file(settings: Settings, task: Task) -> tuple[str, int, str | None]:
    """Clean one file and write its output: ``(rel, bytes read, failure reason or None)``."""
    size = 0
    try:
        data, size = read_page(task.source)
    except OSError as exc:
        return task.rel, size, f"cannot read ({os_reason(exc, task.source)})"
    except CleanerError as exc:
        return task.rel, size, str(exc)
    try:
        article = settings.cleaner.clean_bytes(data, None, settings.input_format, settings.encoding,
                                               recurring=settings.templates.get(task.site, EMPTY))
        out = render(article, settings.fmt)
    except CleanerError as exc:
        return task.rel, size, str(exc)
    except Exception as exc:  # one page must not stop the batch; it is reported instead
        return task.rel, size, f"internal error: {exc.__class__.__name__}: {exc}"
    try:
        os.makedirs(os.path.dirname(task.output), exist_ok=True)
        write_atomic(task.output, out)
    except OSError as exc:
        if exc.errno in NO_ROOM:  # no later file would escape it: the batch stops at the first
            raise DestinationError(f"cannot write {task.output} ({os_reason(exc)})") from None
        return task.rel, size, f"cannot write {task.output} ({os_reason(exc)})"
    return task.rel, size, None


def learn_file(settings: Settings, task: Task) -> tuple[str, frozenset[int]]:
    """A file's site and the hashed keys of its blocks (none if it cannot be read)."""
    try:
        data, _ = read_page(task.source)
        return task.site, document_keys(settings.cleaner.decode(data, settings.input_format, settings.encoding))
    except (OSError, CleanerError):
        return task.site, frozenset()  # the cleaning pass reports it


# -- the run -----------------------------------------------------------------

def run(src, dest, settings: Settings, *, include=DEFAULT_INCLUDE, exclude=(), jobs: int = 1,
        resume: bool = False, templates: bool = False, sample: int = 100,
        progress: bool | None = None) -> Report:
    """Clean every matching file of ``src`` into ``dest``.

    Ctrl-C (KeyboardInterrupt) stops the workers, removes their unfinished
    temporary files and propagates; every output already written is complete.
    So does a DEST that fills up or turns read-only (DestinationError).
    """
    started = time.perf_counter()
    src, dest = Path(src), Path(dest)
    tasks, refused = plan(src, dest, settings.fmt, include, exclude)
    report = Report(failed=list(refused))
    try:
        if templates:
            settings.templates = learn(tasks, settings, jobs, sample, progress)
            report.sites = len(settings.templates)
        todo = [t for t in tasks if not (resume and os.path.exists(t.output))]
        report.skipped = len(tasks) - len(todo)
        _clean_all(todo, settings, jobs, report, progress)
    except BaseException as exc:
        remove_partials(tasks)
        _finish(report, dest, started, quiet=True)
        if isinstance(exc, DestinationError):
            exc.report = report
        raise
    _finish(report, dest, started, quiet=False)
    return report


def _finish(report: Report, dest: Path, started: float, quiet: bool) -> None:
    """Record the time and write errors.jsonl; when the run already failed
    (``quiet``), a DEST that takes no more does not hide why."""
    report.seconds = time.perf_counter() - started
    try:
        write_errors(dest, report.failed)
    except OSError as exc:
        if not quiet:
            raise DestinationError(f"cannot write {dest / ERRORS_FILE} ({os_reason(exc)})") from None


def learn(tasks: list[Task], settings: Settings, jobs: int, sample: int,
          progress: bool | None = None) -> dict[str, KeySet]:
    """Templates of each folder, from its first ``sample`` files."""
    learner = TemplateLearner(sample=sample)
    per_site: dict[str, int] = {}
    chosen = []
    for t in tasks:
        if per_site.get(t.site, 0) < sample:
            per_site[t.site] = per_site.get(t.site, 0) + 1
            chosen.append(t)
    chosen = [t for t in chosen if per_site[t.site] >= learner.min_docs]
    bar = Progress(len(chosen), "page", progress, "templates")
    with parallel.running(settings, jobs) as run:
        for site, keys in run.imap_unordered(learn_file, chosen, _chunksize(len(chosen), jobs)):
            learner.add_keys(site, keys)
            bar.update()
    bar.close()
    return learner.table()


def _clean_all(todo: list[Task], settings: Settings, jobs: int, report: Report, progress: bool | None) -> None:
    bar = Progress(len(todo), "page", progress, "cleaning")
    try:
        with parallel.running(settings, jobs) as run:
            for rel, size, reason in run.imap_unordered(clean_file, todo, _chunksize(len(todo), jobs)):
                report.bytes += size
                if reason is None:
                    report.cleaned += 1
                else:
                    report.failed.append((rel, reason))
                bar.update(failed=len(report.failed))
    finally:
        bar.close()


def _chunksize(n: int, jobs: int) -> int:
    # Big enough to amortise the hand-over, small enough to keep every worker busy to the end.
    return max(1, min(32, n // (max(jobs, 1) * 16)))


def remove_partials(tasks: list[Task]) -> None:
    """Remove the temporary files that stopped workers left beside their outputs."""
    names_by_dir: dict[str, set[str]] = {}
    for t in tasks:
        folder, name = os.path.split(t.output)
        names_by_dir.setdefault(folder, set()).add(name)
    for folder, names in names_by_dir.items():
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for entry in entries:
            # write_atomic's temporary files: .{name}.{random}.part
            if entry.startswith(".") and entry.endswith(".part") and entry[1:].rsplit(".", 2)[0] in names:
                try:
                    os.unlink(os.path.join(folder, entry))
                except OSError:
                    pass


def write_errors(dest: Path, failed: list[tuple[str, str]]) -> None:
    """``DEST/errors.jsonl``: one record per failed file; removed when none failed,
    so that it always describes the last run."""
    path = dest / ERRORS_FILE
    if not failed:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        return
    lines = "".join(json.dumps({"path": rel, "error": reason}, ensure_ascii=False) + "\n"
                    for rel, reason in sorted(failed))
    write_atomic(path, lines)
