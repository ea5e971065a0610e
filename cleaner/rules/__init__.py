"""The rule engine: rule packs are TOML data, compiled once into Rule objects.

A rule has a stable id, one of a few kinds, a plain description and examples that
the test suite checks. The kinds:

  chrome    a block that is never story (skip links, share bars, cookie notices)
  phrase    a label glued to the start or end of a block ("... in the offing. Top Stories"),
            or with match = "anywhere" a span that is never text wherever it stands (a
            formula's TeX source); the phrase is cut out, and a block that is only
            phrases is dropped
  boundary  a block that marks the story's edge: after an ``end`` boundary blocks
            are chrome unless evidence says story; ``keep`` says whether the
            boundary block itself stays (a credit line does, "Related articles" does not);
            ``final`` says nothing after it is ever story (comments, author boxes),
            where a label like "Related" may also head a box inside the story
  teaser    the shape of a teaser for another story: a short headline and a summary;
            parameters, not a pattern, since cohesion with the story decides
  metadata  named groups capture title, author, date, source or dateline; ``keep``
            says whether the block stays in the story

Rules are evidence for the select stage, which makes the final decision.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import regex

from ..errors import RuleError

KINDS = ("chrome", "phrase", "boundary", "teaser", "metadata")
MATCH_MODES = ("block", "start", "end", "anywhere")
METADATA_FIELDS = ("title", "author", "date", "source", "dateline")
# Sentence-ending characters: a glued phrase must follow one of them.
_SENTENCE_END = set(".!?…。！？\"”’»)]")
# Base time limit per pattern call, plus this much per million characters.
TIMEOUT = 0.5
TIMEOUT_PER_MB = 2.0

_COMMON_KEYS = {"id", "kind", "description", "examples"}
_KIND_KEYS = {
    "chrome": {"pattern", "match", "weight", "max_length"},
    "phrase": {"pattern", "match", "max_length"},
    "boundary": {"pattern", "match", "edge", "keep", "final", "max_length"},
    "teaser": {"max_headline_words", "min_summary_words", "max_overlap"},
    "metadata": {"pattern", "match", "keep", "edge", "final", "max_length"},
}
_ID = regex.compile(r"[a-z0-9][a-z0-9_.-]*")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    description: str
    pattern: str | None = None
    match: str = "block"
    keep: bool = False
    edge: str | None = None
    final: bool = False
    weight: float | None = None
    max_length: int | None = None
    params: tuple[tuple[str, Any], ...] = ()
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()
    origin: str = ""
    trusted: bool = False  # shipped with the package: checked for linear time, runs without a timer
    compiled: Any = field(default=None, compare=False, repr=False)

    def param(self, name: str, default: Any = None) -> Any:
        return dict(self.params).get(name, default)

    def find(self, text: str):
        """The match of this rule in ``text`` under its match mode, or None."""
        pat = self.compiled
        if pat is None or (self.max_length is not None and len(text) > self.max_length):
            return None
        # "end" patterns are compiled reversed and anchored, so they search too.
        method = pat.fullmatch if self.match == "block" else pat.match if self.match == "start" else pat.search
        m = self._timed(method, text)
        if m is None or self.kind != "phrase" or self.match == "anywhere":
            return m
        return m if _phrase_fits(text, m, self.match) else None

    def find_all(self, text: str) -> list:
        """Every match in ``text``, for phrases cut wherever they stand."""
        pat = self.compiled
        if pat is None or (self.max_length is not None and len(text) > self.max_length):
            return []
        return self._timed(lambda t, **kw: list(pat.finditer(t, **kw)), text)

    def _timed(self, method, text: str):
        """``method(text)``; under a time limit unless the rule is built in."""
        try:
            if self.trusted:
                return method(text)
            return method(text, timeout=TIMEOUT + TIMEOUT_PER_MB * len(text) / 1e6)
        except TimeoutError:
            raise RuleError(
                f"rule {self.id} ({self.origin}): pattern ran past its time limit "
                f"on a block of {len(text)} characters; simplify the pattern"
            ) from None

    def matches(self, text: str) -> bool:
        return self.find(text) is not None

    def fields(self, m) -> dict[str, str]:
        """Metadata captured by named groups of a match, stripped."""
        out = {}
        for name, value in m.groupdict().items():
            if value and value.strip():
                out[name] = value.strip()
        return out

    def check_examples(self) -> list[str]:
        """Examples that do not behave as the rule says: empty when all is well."""
        if self.kind == "teaser":
            from ..select import teaser_shape

            bad = []
            for ex in self.examples_match:
                head, _, summary = ex.partition("\n")
                if not teaser_shape(head, summary, self):
                    bad.append(f"should match: {ex!r}")
            for ex in self.examples_no_match:
                head, _, summary = ex.partition("\n")
                if teaser_shape(head, summary, self):
                    bad.append(f"should not match: {ex!r}")
            return bad
        bad = [f"should match: {ex!r}" for ex in self.examples_match if not self.matches(ex)]
        bad += [f"should not match: {ex!r}" for ex in self.examples_no_match if self.matches(ex)]
        return bad

    def __reduce__(self):
        # Compiled patterns are rebuilt on unpickling, so workers get working rules.
        state = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "compiled"}
        return (_rebuild, (state,))


def _rebuild(state: dict) -> Rule:
    return _compiled(Rule(**state))


def _phrase_fits(text: str, m, mode: str) -> bool:
    """A glued phrase must stand apart from the story text it is glued to."""
    if mode == "end":
        before = text[: m.start()]
        if not before.strip():
            return True
        return before != before.rstrip() and before.rstrip()[-1] in _SENTENCE_END
    after = text[m.end():]
    if not after.strip():
        return True
    rest = after.lstrip()
    return after != rest or m.group(0).rstrip()[-1:] in ":|—–-»›"


def _compiled(rule: Rule) -> Rule:
    if rule.pattern is None:
        return rule
    source = rule.pattern
    flags = regex.IGNORECASE if _wants_ignorecase(source) else 0
    if rule.match == "end":
        source = f"(?r)(?:{source})\\s*\\Z"
    elif rule.match == "start":
        source = f"\\s*(?:{source})"
    elif rule.match == "block" and rule.kind in ("chrome", "boundary"):
        # A label announces what follows it, often with a colon ("Related:") or an ellipsis.
        source = f"(?:{source})\\s*(?:[:：]|\\.\\.\\.|…)?"
    try:
        compiled = regex.compile(source, flags)
    except regex.error as exc:
        raise RuleError(f"{rule.origin}: rule {rule.id}: bad pattern: {exc}") from None
    object.__setattr__(rule, "compiled", compiled)
    return rule


def _wants_ignorecase(pattern: str) -> bool:
    # Patterns match case-insensitively unless they opt out with a leading (?-i).
    return not pattern.startswith("(?-i)")


def _line_of(text: str, rule_id: str) -> int:
    m = regex.search(r"(?m)^\s*id\s*=\s*[\"']" + regex.escape(rule_id) + r"[\"']", text)
    return text.count("\n", 0, m.start()) + 1 if m else 0


_ID_LINE = regex.compile(r"(?m)^\s*id\s*=\s*[\"']([a-z0-9][a-z0-9_.-]*)[\"']")


def _id_lines(text: str) -> dict[str, int]:
    """The line of each well-formed rule id, as _line_of finds it, in one pass:
    compiling a pattern per rule took an eighth of loading the packs."""
    lines: dict[str, int] = {}
    for m in _ID_LINE.finditer(text):
        lines.setdefault(m.group(1), text.count("\n", 0, m.start()) + 1)
    return lines


def _toml_error_line(exc: Exception, text: str) -> int:
    """The line a TOML error is on (tomllib says it in the message before Python 3.14)."""
    line = getattr(exc, "lineno", None)
    if line:
        return line
    m = regex.search(r"\(at line (\d+), column \d+\)", str(exc))
    if m:
        return int(m.group(1))
    return text.count("\n") + 1 if "end of document" in str(exc) else 0


def _rule_at(text: str, line: int) -> str | None:
    """The id of the [[rules]] table that holds ``line``, if it has one."""
    if not line:
        return None
    lines = text.split("\n")
    start = next((i for i in range(min(line, len(lines)) - 1, -1, -1)
                  if lines[i].strip().startswith("[[rules]]")), None)
    if start is None:
        return None
    for raw in lines[start + 1:]:
        if raw.strip().startswith("["):
            break
        m = regex.match(r"\s*id\s*=\s*[\"']([^\"']+)[\"']", raw)
        if m:
            return m.group(1)
    return None


def parse_pack(text: str, origin: str) -> list[Rule]:
    """Rules of one pack given as TOML text; ``origin`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(exc, text)
        rid = _rule_at(text, line)
        where = f"{origin}:{line}" if line else origin
        raise RuleError(f"{where}: invalid TOML{f' in rule {rid}' if rid else ''}: {exc}") from None
    entries = data.get("rules")
    if not isinstance(entries, list) or not entries:
        raise RuleError(f"{origin}: a rule pack needs one or more [[rules]] tables")
    rules = []
    seen = set()
    lines = _id_lines(text)
    for n, entry in enumerate(entries, 1):
        rid = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(rid, str):
            where = f"{origin}:{lines[rid] if rid in lines else _line_of(text, rid)}"
        else:
            where = f"{origin}: rule #{n}"
        rule = _rule_from(entry, rid, where)
        if rule.id in seen:
            raise RuleError(f"{where}: rule {rule.id}: id used twice in this pack")
        seen.add(rule.id)
        rules.append(rule)
    return rules


def _rule_from(entry: Any, rid: Any, where: str) -> Rule:
    def fail(msg: str) -> RuleError:
        return RuleError(f"{where}: rule {rid or '?'}: {msg}")

    if not isinstance(entry, dict):
        raise fail("each [[rules]] entry must be a table")
    if not isinstance(rid, str) or not _ID.fullmatch(rid):
        raise fail("needs an id of lower-case letters, digits, '.', '-' or '_'")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise fail(f"unknown kind {kind!r}; kinds are {', '.join(KINDS)}")
    unknown = set(entry) - _COMMON_KEYS - _KIND_KEYS[kind]
    if unknown:
        raise fail(f"unknown key(s) for kind {kind}: {', '.join(sorted(unknown))}")
    description = entry.get("description")
    if not isinstance(description, str) or not description.strip():
        raise fail("needs a description")
    examples = entry.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"match", "no_match"}:
        raise fail("examples must be a table with 'match' and 'no_match' lists")
    ex_match, ex_no = examples.get("match", []), examples.get("no_match", [])
    if not all(isinstance(x, str) for x in [*ex_match, *ex_no]):
        raise fail("examples must be strings")
    if not ex_match:
        raise fail("needs at least one example under examples.match")

    pattern = entry.get("pattern")
    params: dict[str, Any] = {}
    if kind == "teaser":
        for key in _KIND_KEYS["teaser"]:
            if key in entry:
                if not isinstance(entry[key], (int, float)) or isinstance(entry[key], bool):
                    raise fail(f"{key} must be a number")
                params[key] = entry[key]
    elif not isinstance(pattern, str) or not pattern:
        raise fail("needs a pattern")

    match = entry.get("match", "end" if kind == "phrase" else "block")
    if match not in MATCH_MODES:
        raise fail(f"match must be one of {', '.join(MATCH_MODES)}")
    if kind == "phrase" and match == "block":
        raise fail("a phrase rule matches at the 'start' or 'end' of a block, or 'anywhere' in it")
    edge = entry.get("edge", "end" if kind == "boundary" else None)
    if edge not in (None, "start", "end"):
        raise fail("edge must be 'start' or 'end'")
    final = entry.get("final", False)
    if not isinstance(final, bool):
        raise fail("final must be true or false")
    keep = entry.get("keep", False)
    if not isinstance(keep, bool):
        raise fail("keep must be true or false")
    weight = entry.get("weight")
    if weight is not None and (not isinstance(weight, (int, float)) or isinstance(weight, bool)):
        raise fail("weight must be a number")
    max_length = entry.get("max_length")
    if max_length is not None and (not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1):
        raise fail("max_length must be a whole number of characters")

    rule = Rule(
        id=rid,
        kind=kind,
        description=" ".join(description.split()),
        pattern=pattern,
        match=match,
        keep=keep,
        edge=edge,
        final=final,
        weight=float(weight) if weight is not None else None,
        max_length=max_length,
        params=tuple(sorted(params.items())),
        examples_match=tuple(ex_match),
        examples_no_match=tuple(ex_no),
        origin=where,
    )
    rule = _compiled(rule)
    if kind == "metadata":
        names = set(rule.compiled.groupindex)
        if not names or names - set(METADATA_FIELDS):
            raise fail(f"a metadata pattern captures named groups among {', '.join(METADATA_FIELDS)}")
    return rule


def builtin_pack_paths() -> list[Path]:
    folder = resources.files(__name__) / "packs"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".toml"))


def load_pack(path: str | Path, trusted: bool = False) -> list[Rule]:
    """Rules of the pack at ``path``. ``trusted`` packs (the built-in ones, whose
    patterns the test suite checks for linear time) run without a timer."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(f"{path}: rule pack not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule pack ({exc.__class__.__name__})") from None
    rules = parse_pack(text, str(path))
    if trusted:
        rules = [_compiled(replace(r, trusted=True, compiled=None)) for r in rules]
    return rules


def load_rules(extra: Iterable[str | Path] = (), builtin: bool = True) -> tuple[Rule, ...]:
    """The built-in packs (unless ``builtin`` is false) and then each extra pack.

    A user rule with the id of an earlier rule replaces it, so packs can refine
    the defaults.
    """
    by_id: dict[str, Rule] = {}
    for path in builtin_pack_paths() if builtin else []:
        for rule in load_pack(path, trusted=True):
            by_id[rule.id] = rule
    for path in extra:
        for rule in load_pack(path):
            by_id[rule.id] = rule
    return tuple(by_id.values())
