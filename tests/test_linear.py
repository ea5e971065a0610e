"""Time linear in the input: no pattern backtracks catastrophically, and inputs
shaped to hit the quadratic corners of the engine finish.

No speed is asserted: each check is a generous "does not hang" bound, many
times what linear work takes, and far below what the shapes took when they
were quadratic or exponential (see each test). benchmarks/scaling.py measures.
"""

from __future__ import annotations

import time

import pytest
import regex
import regex._regex_core as core

import cleaner
from cleaner import Cleaner
from cleaner.rules import load_rules
from cleaner.segment import clean_line
from fuzz_target import finishes_within

BUILTIN = [r for r in load_rules() if r.compiled is not None]
CLEANER = Cleaner(detect_language=False)
# Blocks without a length limit are tried this long; longer blocks cost proportionally.
LONG_BLOCK = 20_000


def budget(chars: int) -> float:
    """Seconds one pattern call may take: 0.1 s plus 20 µs a character, ten times
    and more what the slowest linear pattern needs (about 1 µs a character)."""
    return 0.1 + 20e-6 * chars


# -- static: no nested unbounded repeats ------------------------------------------

def parse(pattern: str):
    """The regex module's own parse tree of ``pattern`` (flags set inside it are honoured)."""
    flags = regex.IGNORECASE
    for _ in range(3):
        source = core.Source(pattern)
        info = core.Info(flags, source.char_type, {})
        try:
            return core._parse_pattern(source, info)
        except core._UnscopedFlagSet:
            flags = info.global_flags
    raise AssertionError(f"cannot parse {pattern!r}")


def _children(node):
    for name in ("subpattern", "items", "branches", "yes_item", "no_item"):
        value = getattr(node, name, None)
        if isinstance(value, (list, tuple)):
            yield from value
        elif value is not None:
            yield value


def _unbounded(node) -> bool:
    return type(node).__name__ in ("GreedyRepeat", "LazyRepeat") and node.max_count is None


def nested_repeats(node, outer=None) -> list[str]:
    """Unbounded repeats inside another unbounded repeat: the shape that backtracks
    exponentially. An atomic group (?>...) or a possessive repeat cannot be
    backtracked into, so what it holds does not count."""
    name = type(node).__name__
    if name in ("Atomic", "PossessiveRepeat"):
        outer = None
    found = []
    if _unbounded(node):
        if outer is not None:
            found.append(f"{outer} holds {name}")
        outer = name
    for child in _children(node):
        found += nested_repeats(child, outer)
    return found


def test_the_static_check_finds_nested_repeats():
    assert nested_repeats(parse(r"(?:\s*,?\s*\w+)*$"))
    assert nested_repeats(parse(r"(a|aa)+b+")) == []
    assert nested_repeats(parse(r"(?:(?>\s*,?\s*)\w)*")) == []


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.id)
def test_shipped_pattern_has_no_nested_unbounded_repeats(rule):
    assert nested_repeats(parse(rule.pattern)) == [], "make the inner part atomic: (?>...)"


# -- dynamic: adversarial inputs of the largest size each pattern meets --------------

def _pieces(rule) -> list[str]:
    """Repeated pieces of the rule's own examples, and plain runs."""
    out = ["a", "a ", "1 ", ". ", "- ", "é"]
    for example in (*rule.examples_match, *rule.examples_no_match):
        example = example.replace("\n", " ")
        words = example.split(" ")
        out += [example + " ", words[0] + " ", " ".join(words[:2]) + " ", example[: len(example) // 2]]
    return list(dict.fromkeys(out))


def _grow(piece: str, chars: int) -> str:
    # Folded as a block is: a pattern never sees a run of spaces or a line break.
    return clean_line((piece * (chars // len(piece) + 1))[:chars])


def _seconds(fn, text) -> float | None:
    """The shorter of two timings of ``fn(text)`` (a busy machine may stall one), or
    None when both ran past ``budget``: the pattern's own timeout stops them."""
    best = None
    for _ in range(2):
        started = time.perf_counter()
        try:
            fn(text, timeout=budget(len(text)))
        except TimeoutError:
            continue
        took = time.perf_counter() - started
        best = took if best is None else min(best, took)
    return best


def slowness(fn, make, sizes) -> str | None:
    """Why ``fn`` is not linear on ``make(n)`` for the growing ``sizes``, or None.
    Past the budget at any size, or more than 10 times slower (plus 50 ms of
    noise) for 4 times the input: linear work takes 4 times, quadratic 16."""
    times = []
    for n in sizes:
        took = _seconds(fn, make(n))
        if took is None:
            return f"over {budget(n):.2f} s at {n} characters"
        times.append((n, took))
    for (n, a), (m, b) in zip(times, times[1:]):
        if m >= 4 * n and b > 10 * a * (m / n) / 4 + 0.05:
            return f"{a:.3f} s at {n} characters, {b:.3f} s at {m}"
    return None


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.id)
def test_shipped_pattern_is_linear_on_adversarial_input(rule):
    # The language picker's separators once took 0.4 s on a line of 20 language
    # codes and another word (2^20 ways to split the spaces), whatever the length.
    pat = rule.compiled
    fn = pat.fullmatch if rule.match == "block" else pat.match if rule.match == "start" else pat.search
    chars = rule.max_length or LONG_BLOCK
    sizes = (80, chars // 4, chars) if chars >= 4000 else (min(80, chars), chars)
    slow = []
    for piece in _pieces(rule):
        for tail in ("", " zq", " \x00"):  # a tail nothing matches makes the engine try every way back
            why = slowness(fn, lambda n: _grow(piece, n - len(tail)) + tail, sizes)
            if why:
                slow.append(f"{piece!r}{tail!r}: {why}")
    assert slow == [], f"{rule.id}: {slow[:3]}"


def _module_patterns() -> list[tuple[str, object]]:
    import importlib
    import pkgutil

    found = {}
    for info in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        if info.name in ("cleaner.dask", "cleaner.__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, regex.Pattern) and id(value) not in found:
                found[id(value)] = (f"{info.name}.{name}", value)
    return sorted(found.values(), key=lambda p: p[0])


PLAIN_PIECES = ["a", "a ", "@", "a@", "a@b.", ". ", "— ", " - ", "|", " | ", "1", "1.", "12:", ", ", "A. ",
                "By ", "Von ", "<a ", "&#", "Jane Doe ", "2023-05-", "\t", "«", "日本", "[", "[a](", "](a"]
# Patterns that see the input as it is; the rest see blocks or titles, folded
# (no run of spaces, no line break), so that is what they are given here.
RAW = ("cleaner.read.", "cleaner.segment.", "cleaner.markdown.")
# Patterns only ever matched whole against one word (authors.py: _USERNAME.fullmatch(token)).
WHOLE = {"cleaner.metadata.authors._USERNAME"}
# Patterns that only see the first 4 KB of the input (read.looks_like_html).
HEAD = {"cleaner.read._HTML_START", "cleaner.read._HTML_TAGS"}


@pytest.mark.parametrize("name, pattern", _module_patterns(), ids=lambda x: x if isinstance(x, str) else "")
def test_engine_pattern_is_linear_on_long_blocks(name, pattern):
    # score._LINK_LIKE once took quadratic time on a long word ("\S+@" from every
    # position): 1.2 s for 16,000 characters, hours for a 20 MB line.
    methods = (pattern.fullmatch,) if name in WHOLE else (pattern.search, pattern.findall)
    sizes = (4096,) if name in HEAD else (LONG_BLOCK // 4, LONG_BLOCK)
    folds = (False, True) if name.startswith(RAW) else (True,)
    as_bytes = isinstance(pattern.pattern, bytes)

    def make(piece, fold):
        def text(n):
            t = (piece * (n // len(piece) + 1))[:n] + " \x00"
            t = clean_line(t) if fold else t
            return t.encode("utf-8") if as_bytes else t
        return text

    slow = [f"{method.__name__} on {piece!r}: {why}" for piece in PLAIN_PIECES for fold in folds for method in methods
            if (why := slowness(method, make(piece, fold), sizes))]
    assert slow == [], f"{name}: {slow[:3]}"


# -- end to end: shapes that were quadratic -------------------------------------------

SENTENCE = "The council voted on Tuesday to approve a new bridge across the river, ending a long debate. "


@pytest.mark.parametrize("shape, text", [
    # score._LINK_LIKE: hours (quadratic in the line).
    ("one 300,000-character word", "a" * 300_000),
    ("an address-like run", "a@" * 150_000),
    # metadata.title.split_site joined every part again: 16 s for 50,000, 7 minutes for these.
    ("a title line of 250,000 separators", "— " * 250_000 + "\n\n" + SENTENCE * 3),
    # nav.language-picker: 0.4 s a line, 13 minutes for these.
    # Each numbered list is checked against the lines after it: one pass for all of them.
    ("10,000 numbered lists under a story", SENTENCE * 3 + "\n\n" + "\n\n".join(
        f"1 Part {i}\n2 Part {i + 1}\n3 Part {i + 2}\n\nPart {i} {SENTENCE}" for i in range(10_000))),
    ("2,000 lines of language codes", "\n".join("EN FR DE ES IT PT NL PL RU UK JA ZH KO TR CS SV EN FR DE ES "
                                                 f"x{i}" for i in range(2000))),
])
def test_text_shapes_that_were_quadratic_finish(shape, text):
    with finishes_within(120):
        article = CLEANER.clean(text)
    assert isinstance(article.text, str)


@pytest.mark.parametrize("shape, markdown", [
    # markdown-it-py is linear but not fast on these: about 3 s for the brackets.
    ("100,000 opening brackets", "[" * 100_000 + "](x)"),
    ("20,000 links in a row", "[a](b)" * 20_000),
    ("1,000 nested list levels", "".join("  " * i + "* x\n" for i in range(1_000))),
    # Tables are widened to their widest row: each row is split once.
    ("a row of 50,000 cells under a header of two", "| a | b |\n| --- | --- |\n" + "| x " * 50_000 + "|\n"),
    ("a 200,000-character delimiter-like line", "| a |\n" + "|" + "-" * 200_000 + "x\n"),
])
def test_markdown_shapes_finish(shape, markdown):
    with finishes_within(120):
        article = CLEANER.clean_markdown(markdown)
    assert isinstance(article.text, str)


@pytest.mark.parametrize("shape, html", [
    # Each element held the tuple of all its ancestors: 40 GB for 100,000 levels.
    ("100,000 nested <div>s", "<html><body>" + "<div>" * 100_000 + "<p>" + SENTENCE * 5 + "</p>" + "</div>" * 100_000),
    ("30,000 unclosed <div>s with text", "<html><body>" + ("<div>" + SENTENCE) * 30_000),
    # The text under each hidden or noscript box was counted again for every
    # box: 22 s for 16,000 levels, minutes for these.
    ("50,000 nested hidden <span>s", "<p>" + "<span hidden>" * 50_000 + SENTENCE * 8 + "</span>" * 50_000),
    ("50,000 nested <noscript>s", "<body>" + "<noscript>" * 50_000 + SENTENCE * 8 + "</noscript>" * 50_000),
])
def test_html_shapes_that_were_quadratic_finish(shape, html):
    with finishes_within(120):
        article = CLEANER.clean_html(html)
    assert article.text.startswith("The council voted on Tuesday")


def test_nesting_is_not_cut_short():
    # The walk follows the whole depth: the text at the bottom is the story.
    html = "<body>" + "<div>" * 20_000 + "<p>" + SENTENCE * 5 + "</p>" + "</div>" * 20_000
    from cleaner.html import read_page

    blocks = read_page(html).blocks
    assert [b.text for b in blocks] == [(SENTENCE * 5).strip()]
    assert len(blocks[0].html.ancestors) == 3


def test_a_user_pattern_that_runs_away_is_stopped_by_its_time_limit(tmp_path):
    # User packs run under a per-call timer (built-in ones are checked above instead).
    pack = tmp_path / "slow.toml"
    pack.write_text('[[rules]]\nid = "house.slow"\nkind = "chrome"\ndescription = "Backtracks."\n'
                    "pattern = '(a|aa)+$'\nexamples.match = [\"aa\"]\n")
    started = time.monotonic()
    with pytest.raises(cleaner.RuleError, match=rf"rule house.slow \({regex.escape(str(pack))}:2\): pattern ran "
                       "past its time limit on a block of 61 characters"):
        Cleaner([pack]).clean("Title\n\n" + "a" * 60 + "!\n")
    assert time.monotonic() - started < 60  # stopped, not finished: the pattern alone would run for ages

