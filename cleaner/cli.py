"""Command line: ``cleaner [FILE|-]`` and its subcommands."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .clihelp import Sections
from .errors import CleanerError, InputError, RuleError

EXIT_OK = 0
EXIT_INPUT = 1  # the input is empty or could not be read as text
EXIT_USAGE = 2  # bad options, missing or unreadable file, a directory, an output that cannot be written
EXIT_RULES = 3  # a rule pack is invalid or a rule ran past its time limit

EXIT_CODES_HELP = """\b
Exit codes:
  0  cleaned
  1  the input is empty or not text: binary data, undecodable, corrupt gzip
  2  usage: bad option, missing or unreadable file, a directory, a broken
     link; or the output cannot be written (disk full, read-only)
  3  a rule pack is invalid, or a rule's pattern ran past its time limit
"""


class _Fail(Exception):
    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


class _DefaultGroup(click.Group):
    """A group whose default command is ``clean``: ``cleaner page.txt`` cleans a page."""

    default = "clean"

    def parse_args(self, ctx, args):
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = [self.default, *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXIT_CODES_HELP)
@click.version_option(__version__, "--version", prog_name="cleaner")
def main():
    """Strip site chrome from scraped article text; keep the story and its metadata.

    \b
    Examples:
      cleaner page.txt                    the story of page.txt
      cat page.txt | cleaner > story.txt  from a pipe
      cleaner --format json page.txt      story with title, authors, date, source
      cleaner --explain page.txt          why each block was kept or removed
      cleaner page.html                   HTML is recognised by its content
      cleaner page.md                     so is markdown (Firecrawl, Jina Reader)
      cleaner rules                       every rule, with its id and kind
      cleaner batch pages/ clean/         a folder tree, on all cores
      cleaner jsonl dump.jsonl -o out.jsonl   a JSON Lines stream

    With no command, `clean` runs: `cleaner FILE` is `cleaner clean FILE`.
    """


FAVOR_OPTION = click.option(
    "--favor", type=click.Choice(["balanced", "precision", "recall"]), default="balanced", show_default=True,
    help="Where the evidence leaves a block in doubt: precision drops it (less chrome, a little "
         "story lost), recall keeps it (more of the story, more chrome).")

CLEAN_SECTIONS = (
    ("Input", ("input_format", "encoding", "url")),
    ("Output", ("fmt", "output", "explain")),
    ("Rules", ("favor", "rule_packs", "no_builtin_rules")),
)


@main.command("clean", cls=Sections, sections=CLEAN_SECTIONS, epilog=EXIT_CODES_HELP)
@click.argument("file", default="-", metavar="[FILE|-]")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="text: the story; json: story and metadata; "
              "markdown: YAML front matter with the metadata, then the story.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here (atomically) instead of standard output.")
@click.option("--explain", is_flag=True,
              help="Show every input block, kept (+) or removed (-), with the rule that decided.")
@click.option("--rules", "rule_packs", multiple=True, metavar="PACK.toml",
              help="Add a rule pack (repeatable); its rules override built-in ones with the same id.")
@click.option("--no-builtin-rules", is_flag=True, help="Use only the packs given with --rules.")
@FAVOR_OPTION
@click.option("--input-format", type=click.Choice(["auto", "text", "markdown", "html"]), default="auto", show_default=True,
              help="auto: HTML and markdown are recognised by their content.")
@click.option("--encoding", default=None, metavar="NAME",
              help="Decode the input with this encoding instead of detecting it.")
@click.option("--url", default=None, metavar="URL", help="The page's address: a date in it fills in a missing one.")
def clean_command(file, fmt, output, explain, rule_packs, no_builtin_rules, favor, input_format, encoding, url):
    """Clean one page: FILE, or standard input when FILE is - or absent.

    \b
    Examples:
      cleaner clean page.txt                  the story, one paragraph a line
      cleaner page.html -f json               story, title, authors, date, source
      cleaner page.txt --explain             every block and the rule that decided
      cleaner page.txt --rules my-site.toml   with your own rules as well
    """
    try:
        if output and file != "-" and _same_file(file, output):
            raise _Fail(f"refusing to overwrite the input file {file}; choose another --output", EXIT_USAGE)
        data = _read_input(file)
        from .read import gunzip, require_text

        require_text(gunzip(data))
        cleaner = _make_cleaner(rule_packs, no_builtin_rules, detect_language=fmt != "text" and not explain,
                                favor=favor)
        article, decisions = cleaner.explain_bytes(data, url=url, input_format=input_format, encoding=encoding)
        if explain:
            out = _render_explain(decisions, fmt)
        else:
            from .write import render

            out = render(article, fmt)
        _emit(out, output)
    except _Fail as exc:
        _die(str(exc), exc.code)
    except InputError as exc:
        _die(f"{_label(file)}: {exc}", EXIT_INPUT)
    except RuleError as exc:
        _die(str(exc), EXIT_RULES)
    except CleanerError as exc:
        _die(str(exc), EXIT_INPUT)


@main.command("rules")
@click.argument("rule_id", required=False)
@click.option("--rules", "rule_packs", multiple=True, metavar="PACK.toml", help="Include a rule pack (repeatable).")
@click.option("--no-builtin-rules", is_flag=True, help="List only the packs given with --rules.")
@click.option("--kind", type=click.Choice(["chrome", "phrase", "boundary", "teaser", "metadata", "engine"]),
              default=None, help="Only rules of this kind.")
@click.option("--json", "as_json", is_flag=True, help="Print the rules as JSON.")
def rules_command(rule_id, rule_packs, no_builtin_rules, kind, as_json):
    """List every rule: id, kind, description. With RULE_ID, show that rule in full."""
    from .select import ENGINE_RULES

    try:
        cleaner = _make_cleaner(rule_packs, no_builtin_rules, detect_language=False)
    except _Fail as exc:
        _die(str(exc), exc.code)
    except RuleError as exc:
        _die(str(exc), EXIT_RULES)
    rows = [_rule_row(r) for r in cleaner.rules]
    rows += [{"id": rid, "kind": "engine", "description": desc, "origin": "cleaner/select.py"}
             for rid, desc in ENGINE_RULES.items()]
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    if rule_id:
        rows = [r for r in rows if r["id"] == rule_id]
        if not rows:
            _die(f"no rule with id {rule_id!r}; `cleaner rules` lists them", EXIT_USAGE)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if rule_id:
        for key, value in rows[0].items():
            if isinstance(value, list):
                click.echo(f"{key}:")
                for item in value:
                    click.echo(f"  {item!r}")
            elif value not in (None, ""):
                click.echo(f"{key}: {value}")
        return
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        click.echo(f"{r['id']:<{width}}  {r['kind']:<8}  {r['description']}")


def _rule_row(rule) -> dict:
    row = {"id": rule.id, "kind": rule.kind, "description": rule.description, "origin": rule.origin}
    if rule.pattern:
        row["pattern"] = rule.pattern
        row["match"] = rule.match
    if rule.kind in ("boundary", "metadata"):
        row["keep"] = rule.keep
        row["edge"] = rule.edge
    if rule.weight is not None:
        row["weight"] = rule.weight
    row.update(dict(rule.params))
    row["examples_match"] = list(rule.examples_match)
    row["examples_no_match"] = list(rule.examples_no_match)
    return row


def _make_cleaner(rule_packs, no_builtin_rules, detect_language, favor="balanced"):
    from .core import Cleaner

    for pack in rule_packs:
        if not Path(pack).is_file():
            raise _Fail(f"{pack}: rule pack not found", EXIT_USAGE)
    return Cleaner(rule_packs, builtin_rules=not no_builtin_rules, detect_language=detect_language, favor=favor)


def _read_input(file: str) -> bytes:
    if file == "-":
        if sys.stdin is None:
            raise _Fail("no standard input to read; give a FILE", EXIT_USAGE)
        if sys.stdin.isatty():
            click.echo("cleaner: reading the page from the terminal; end with Ctrl-D (see cleaner --help)", err=True)
        return sys.stdin.buffer.read()
    from .read import os_reason, read_file

    path = Path(file)
    try:
        if path.is_dir():
            raise _Fail(f"{file}: is a directory (use `cleaner batch` for folders)", EXIT_USAGE)
        return read_file(path)  # a pipe too: cleaner <(zcat page.txt.gz)
    except FileNotFoundError as exc:
        reason = "no such file" if not path.is_symlink() else os_reason(exc, path)
        raise _Fail(f"{file}: {reason}", EXIT_USAGE) from None
    except PermissionError:
        raise _Fail(f"{file}: permission denied", EXIT_USAGE) from None
    except OSError as exc:
        raise _Fail(f"{file}: cannot read ({os_reason(exc, path)})", EXIT_USAGE) from None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def _emit(out: str, output: str | None) -> None:
    if output:
        from .write import write_atomic

        try:
            write_atomic(output, out)
        except OSError as exc:
            raise _Fail(f"{output}: cannot write ({exc.strerror or exc.__class__.__name__})", EXIT_USAGE) from None
        return
    try:
        sys.stdout.write(out)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`cleaner page.txt | head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)


def _render_explain(decisions, fmt: str) -> str:
    if fmt == "json":
        rows = [{"block": d.index + 1, "keep": d.keep, "rule": d.rule or None, "reason": d.reason or None,
                 "text": d.text, "cuts": [{"rule": r, "text": p, "reason": why} for r, p, why in d.cuts]}
                for d in decisions]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = max([len(d.rule) for d in decisions] + [5])
    lines = []
    reasons: dict[str, str] = {}
    for d in decisions:
        text = d.text if len(d.text) <= 100 else d.text[:99] + "…"
        if d.keep:
            line = f"+ {'story':<{width}}  {text}"
            lines.append(click.style(line, fg="green") if color else line)
        else:
            reasons[d.rule] = d.reason
            line = f"- {d.rule:<{width}}  {text}"
            lines.append(click.style(line, fg="red") if color else line)
        for rule_id, phrase, why in d.cuts:
            reasons[rule_id] = why
            line = f"  {'':<{width}}  cut by {rule_id}: {phrase!r}"
            lines.append(click.style(line, fg="yellow") if color else line)
    lines.append("")
    lines.append("Rules that removed text:")
    for rule_id, why in reasons.items():
        lines.append(f"  {rule_id}: {why}")
    return "\n".join(lines) + "\n"


def _label(file: str) -> str:
    return "standard input" if file == "-" else file


def _die(message: str, code: int):
    click.echo(f"cleaner: error: {message}", err=True)
    sys.exit(code)


from .cli_batch import batch_command, jsonl_command  # noqa: E402  (they use the helpers above)

main.add_command(batch_command)
main.add_command(jsonl_command)
