"""Command line for many pages: ``cleaner batch SRC DEST`` and ``cleaner jsonl [IN|-]``."""

from __future__ import annotations

import sys

import click

from .cli import EXIT_INPUT, EXIT_OK, EXIT_RULES, EXIT_USAGE, FAVOR_OPTION, _Fail, _die, _make_cleaner, _same_file
from .clihelp import Sections
from .errors import RuleError
from .progress import rate, say

EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it
SHOWN_FAILURES = 20  # failures listed on standard error; errors.jsonl has them all

BATCH_EXIT_CODES = """\b
Exit codes:
  0    every file cleaned
  1    some files failed (listed on standard error and in DEST/errors.jsonl)
  2    usage: bad option, SRC missing, DEST is SRC; or DEST cannot be
       written (read-only, disk full): the run stops, outputs written are complete
  3    a rule pack is invalid
  130  interrupted (Ctrl-C): outputs already written are complete
"""

JSONL_EXIT_CODES = """\b
Exit codes:
  0    every record cleaned
  1    some lines could not be cleaned (reported with their line numbers)
  2    usage: bad option, missing input, unreachable scheduler; or OUT cannot
       be written (read-only, disk full): it is then not written at all
  3    a rule pack is invalid
  130  interrupted (Ctrl-C): an output file is not written
"""


def _cleaning_options(fn):
    """The options that make the Cleaner, shared by both commands."""
    fn = FAVOR_OPTION(fn)
    fn = click.option("--no-builtin-rules", is_flag=True, help="Use only the packs given with --rules.")(fn)
    fn = click.option("--rules", "rule_packs", multiple=True, metavar="PACK.toml",
                      help="Add a rule pack (repeatable); its rules override built-in ones with the same id.")(fn)
    return fn


def _running_options(unit: str):
    def decorate(fn):
        fn = click.option("--template-sample", type=click.IntRange(3), default=100, show_default=True, metavar="N",
                          help=f"{unit.capitalize()} per site to learn templates from.")(fn)
        fn = click.option("--templates", is_flag=True,
                          help=f"First learn the blocks that recur across many {unit} of one site, "
                          "and count recurrence as evidence of chrome.")(fn)
        fn = click.option("-j", "--jobs", type=click.IntRange(1), default=None, metavar="N",
                          help="Worker processes  [default: all cores]")(fn)
        return fn
    return decorate


BATCH_SECTIONS = (
    ("What to clean", ("include", "exclude", "input_format", "encoding")),
    ("Output", ("fmt", "resume")),
    ("Running", ("jobs", "templates", "template_sample")),
    ("Rules", ("favor", "rule_packs", "no_builtin_rules")),
)


@click.command("batch", cls=Sections, sections=BATCH_SECTIONS, epilog=BATCH_EXIT_CODES)
@click.argument("src", metavar="SRC")
@click.argument("dest", metavar="DEST")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Clean files matching GLOB (repeatable; a GLOB with / matches the path under SRC, "
              "else the name)  [default: *.txt *.html *.htm, gzip-compressed too]")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip files and folders matching GLOB (repeatable).")
@click.option("--input-format", type=click.Choice(["auto", "text", "markdown", "html"]), default="auto", show_default=True,
              help="auto: HTML and markdown are recognised by their content.")
@click.option("--encoding", default=None, metavar="NAME", help="Decode every file with this encoding.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Output files as .txt (the story), .json (story and metadata) "
              "or .md (front matter and story).")
@click.option("--resume", is_flag=True, help="Keep outputs that already exist (they are always complete) "
              "and clean only the rest.")
@_running_options("files")
@_cleaning_options
def batch_command(src, dest, include, exclude, input_format, encoding, fmt, resume, jobs, templates,
                  template_sample, rule_packs, no_builtin_rules, favor):
    """Clean every page under SRC into the same relative path under DEST.

    SRC is walked recursively; each output is written to a temporary file and
    renamed, so outputs that exist are complete, and SRC is never written (a
    DEST inside SRC is left out of the walk). A file that fails is reported and
    the batch goes on.

    \b
    Examples:
      cleaner batch pages/ clean/                  pages/a/1.html -> clean/a/1.txt
      cleaner batch pages/ clean/ -f json -j 4     story and metadata, 4 processes
      cleaner batch pages/ clean/ --resume         finish an interrupted run
      cleaner batch pages/ clean/ --include '*.txt.gz' --exclude 'drafts'
      cleaner batch pages/ clean/ --templates      learn each folder's repeated chrome
    """
    from pathlib import Path

    from . import batch
    from .parallel import cores

    include = include or batch.DEFAULT_INCLUDE
    try:
        cleaner = _make_cleaner(rule_packs, no_builtin_rules, detect_language=fmt != "text", favor=favor)
        settings = batch.Settings(cleaner, fmt, input_format, encoding)
        report = batch.run(src, dest, settings, include=include, exclude=exclude, jobs=jobs or cores(),
                           resume=resume, templates=templates, sample=template_sample)
    except _Fail as exc:
        _die(str(exc), exc.code)
    except batch.TreeError as exc:
        _die(str(exc), EXIT_USAGE)
    except batch.DestinationError as exc:
        done = exc.report.cleaned if exc.report else 0
        _die(f"{exc}; stopped after {_count(done, 'file')} cleaned (outputs written are complete, "
             "no partial ones left; --resume finishes the run)", EXIT_USAGE)
    except RuleError as exc:
        _die(str(exc), EXIT_RULES)
    except OSError as exc:
        _die(f"{exc.filename or dest}: {exc.strerror or exc.__class__.__name__}", EXIT_USAGE)
    except KeyboardInterrupt:
        say("interrupted; outputs written so far are complete (--resume finishes the run)")
        sys.exit(EXIT_INTERRUPTED)
    errors = Path(dest) / batch.ERRORS_FILE
    for rel, reason in sorted(report.failed)[:SHOWN_FAILURES]:
        say(f"failed: {rel}: {reason}")
    if len(report.failed) > SHOWN_FAILURES:
        say(f"... and {len(report.failed) - SHOWN_FAILURES} more failures in {errors}")
    parts = [f"{_count(report.cleaned, 'file')} cleaned"]
    if report.skipped:
        parts.append(f"{report.skipped:,} already done")
    if report.failed:
        parts.append(f"{len(report.failed):,} failed (see {errors})")
    if templates:
        parts.append(f"templates of {_count(report.sites, 'folder')}")
    say(", ".join(parts) + " " + rate(report.cleaned + len(report.failed), report.bytes, report.seconds, "files"))
    sys.exit(EXIT_INPUT if report.failed else EXIT_OK)


JSONL_SECTIONS = (
    ("Records", ("field", "html_field", "url_field")),
    ("Output", ("output", "story_field", "meta_field", "no_meta", "on_error")),
    ("Running", ("jobs", "scheduler", "templates", "template_sample")),
    ("Rules", ("favor", "rule_packs", "no_builtin_rules")),
)


@click.command("jsonl", cls=Sections, sections=JSONL_SECTIONS, epilog=JSONL_EXIT_CODES)
@click.argument("source", default="-", metavar="[IN|-]")
@click.option("--field", default=None, metavar="NAME", help="The field holding the page text  [default: text]")
@click.option("--html-field", default=None, metavar="NAME",
              help="Clean this field instead, as an HTML page.")
@click.option("--url-field", default="url", show_default=True, metavar="NAME",
              help="The field holding the page's address (metadata evidence; the site for --templates).")
@click.option("-o", "--output", default="-", metavar="OUT|-",
              help="Write here (atomically; gzip-compressed when OUT ends .gz)  [default: standard output]")
@click.option("--story-field", default="story", show_default=True, metavar="NAME",
              help="Key the story is added under (the page field itself, to replace it).")
@click.option("--meta-field", default="meta", show_default=True, metavar="NAME",
              help="Key of the metadata object: title, authors, published, source, language, dateline.")
@click.option("--no-meta", is_flag=True, help="Add the story only.")
@click.option("--on-error", type=click.Choice(["pass", "skip", "fail"]), default="pass", show_default=True,
              help="A line that is not a record with a page (always reported with its number): "
              "pass it through unchanged, skip it, or stop.")
@_running_options("records")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on the Dask cluster with this scheduler (tcp://host:8786) instead of local processes.")
@_cleaning_options
def jsonl_command(source, field, html_field, url_field, output, story_field, meta_field, no_meta, on_error,
                  jobs, templates, template_sample, scheduler, rule_packs, no_builtin_rules, favor):
    """Clean the page in every record of a JSON Lines stream: IN, or standard
    input when IN is - or absent; .gz input is recognised by its content.

    Each record gets the story and its metadata under their own keys; every
    other field and the order of the records are kept. Memory stays bounded
    however long the stream.

    \b
    Examples:
      cleaner jsonl pages.jsonl -o clean.jsonl            records with a "text" field
      zcat crawl.jsonl.gz | cleaner jsonl --html-field html -o clean.jsonl.gz
      cleaner jsonl pages.jsonl --field body --story-field body --no-meta
      cleaner jsonl pages.jsonl --templates -o clean.jsonl   learn each host's chrome
      cleaner jsonl pages.jsonl --scheduler tcp://10.0.0.5:8786 -o clean.jsonl
    """
    from . import jsonl, parallel

    try:
        if field and html_field:
            raise _Fail("give --field or --html-field, not both", EXIT_USAGE)
        if scheduler and jobs:
            raise _Fail("give --jobs or --scheduler, not both", EXIT_USAGE)
        _check_stream_paths(source, output)
        cleaner = _make_cleaner(rule_packs, no_builtin_rules, detect_language=not no_meta, favor=favor)
        settings = jsonl.Settings(cleaner, html_field or field or "text", bool(html_field), url_field,
                                  story_field, None if no_meta else meta_field)
        if scheduler:
            runner, window = _cluster(scheduler)
        else:
            jobs = jobs or parallel.cores()
            runner, window = (lambda state: parallel.running(state, jobs)), 4 * jobs
        outcome = "passed through" if on_error == "pass" else "skipped"

        def report_error(line, reason):
            if on_error != "fail":
                say(f"line {line}: {reason}; {outcome}")

        report = jsonl.run(source, output, settings, runner=runner, window=window, on_error=on_error,
                           templates=templates, sample=template_sample, report_error=report_error)
    except _Fail as exc:
        _die(str(exc), exc.code)
    except jsonl.Stop as exc:
        _die(f"{exc}; stopped (--on-error fail)", EXIT_INPUT)
    except RuleError as exc:
        _die(str(exc), EXIT_RULES)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(EXIT_OK)
    except OSError as exc:
        _die(_os_message(exc, scheduler, output), EXIT_USAGE)
    except KeyboardInterrupt:
        say("interrupted" + ("" if output == "-" else f"; {output} was not written"))
        sys.exit(EXIT_INTERRUPTED)
    parts = [f"{_count(report.cleaned, 'record')} cleaned"]
    if report.failed:
        parts.append(f"{report.failed:,} failed ({outcome})")
    if templates:
        parts.append(f"templates of {_count(report.sites, 'host')}")
    say(", ".join(parts) + " " + rate(report.records, report.bytes, report.seconds, "records"))
    sys.exit(EXIT_INPUT if report.failed else EXIT_OK)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _check_stream_paths(source: str, output: str) -> None:
    from pathlib import Path

    if source != "-":
        path = Path(source)
        if not path.exists():
            raise _Fail(f"{source}: no such file", EXIT_USAGE)
        if path.is_dir():
            raise _Fail(f"{source}: is a directory (use `cleaner batch` for folders)", EXIT_USAGE)
    elif sys.stdin is None or sys.stdin.isatty():
        raise _Fail("no input: give IN, or pipe records to standard input (see cleaner jsonl --help)", EXIT_USAGE)
    if output != "-":
        if source != "-" and Path(output).exists() and _same_file(source, output):
            raise _Fail(f"refusing to overwrite the input file {source}; choose another --output", EXIT_USAGE)
        if not Path(output).parent.is_dir():
            raise _Fail(f"{output}: no such folder to write into", EXIT_USAGE)


def _cluster(address: str):
    try:
        from . import dask as cluster
    except ImportError as exc:
        raise _Fail(f"{exc}", EXIT_USAGE) from None
    # Enough chunks in flight to keep a cluster of a few dozen cores busy.
    return (lambda state: cluster.running(state, address)), 64


def _os_message(exc: OSError, scheduler: str | None, output: str) -> str:
    from .write import NO_ROOM

    if exc.errno in NO_ROOM:
        where = "standard output" if output == "-" else output
        return f"cannot write {where} ({exc.strerror}); " + ("stopped" if output == "-" else "it was not written")
    if scheduler and exc.filename is None:
        return f"cannot reach the Dask scheduler at {scheduler} ({exc})"
    return f"{exc.filename or 'output'}: {exc.strerror or exc.__class__.__name__}"


def _quiet_stdout() -> None:
    # The reader went away (`cleaner jsonl ... | head`): not an error.
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
