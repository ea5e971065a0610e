"""Fuzz ``clean`` and ``clean_html`` for a while; save what breaks them.

    python benchmarks/fuzz.py [--seconds 600] [--engine atheris|hypothesis]

The target is tests/fuzz_target.py (what must hold for every input). With
atheris installed (``pip install 'cleaner[fuzz]'``, Linux x86-64) the run is
coverage guided by libFuzzer over the instrumented package, starting from
tests/fuzz_corpus/ and the test data; without it, Hypothesis generates inputs
(any Unicode, token soups, realistic pages, HTML) for the same time.

An input that breaks an invariant is written to tests/fuzz_corpus/ (named by
its hash), where tests/test_fuzz.py replays it from then on: fix the bug, keep
the file. CI runs the Hypothesis engine for a few seconds (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
CORPUS = TESTS / "fuzz_corpus"
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(TESTS))


def save(data: bytes) -> Path:
    CORPUS.mkdir(exist_ok=True)
    path = CORPUS / f"crash-{hashlib.sha1(data).hexdigest()[:16]}"
    path.write_bytes(data)
    return path


def seeds() -> list[bytes]:
    import fuzz_target as F

    out = [p.read_bytes() for p in sorted(CORPUS.glob("*")) if p.is_file()]
    for page in sorted((TESTS / "data").glob("*.txt")):
        body = page.read_bytes()
        out += [F.as_input("text", body), F.as_input("bytes", body)]
    return out


def run_atheris(seconds: int) -> int:
    import atheris

    with atheris.instrument_imports(include=["cleaner"]):
        import importlib
        import pkgutil

        import cleaner
        import fuzz_target as F

        # Every module now, so that the ones imported lazily (html, jsonl) are instrumented too.
        for module in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
            if module.name not in ("cleaner.dask", "cleaner.__main__"):
                importlib.import_module(module.name)

    seen: set[tuple] = set()

    def one(data: bytes) -> None:
        try:
            F.check(data)
        except Exception as exc:  # saved once per place it breaks, and the run goes on
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = (type(exc).__name__, where.filename, where.lineno)
            if key not in seen:
                seen.add(key)
                print(f"saved {save(data)}: {type(exc).__name__}: {str(exc)[:200]}", file=sys.stderr)

    work = Path(__import__("tempfile").mkdtemp(prefix="cleaner-fuzz-"))
    for i, seed in enumerate(seeds()):
        (work / f"seed-{i}").write_bytes(seed)
    atheris.Setup([sys.argv[0], str(work), f"-max_total_time={seconds}", "-max_len=20000",
                   "-timeout=60", "-rss_limit_mb=4096"], one)
    atheris.Fuzz()
    return 0


def run_hypothesis(seconds: int) -> int:
    from hypothesis import HealthCheck, given, settings, strategies as st

    import fuzz_target as F
    import strategies as S

    deadline = time.monotonic() + seconds
    found: list[Path] = []
    inputs = st.one_of(
        st.binary(max_size=2000),
        st.tuples(st.sampled_from(F.ENTRIES), st.one_of(S.any_text, S.token_soup, S.page(), S.html_page()))
        .map(lambda t: F.as_input(t[0], F.bytes_of(t[1]))),
    )

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(data):
        if time.monotonic() > deadline:
            raise _Done
        try:
            F.check(data)
        except Exception:
            found.append(save(data))
            traceback.print_exc()

    try:
        fuzz()
    except _Done:
        pass
    for path in found:
        print(f"saved {path}")
    print(f"{len(found)} failing input(s) in {seconds} s")
    return 1 if found else 0


class _Done(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--engine", choices=["atheris", "hypothesis"], default=None,
                        help="default: atheris when installed, else hypothesis")
    args = parser.parse_args()
    engine = args.engine
    if engine is None:
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    print(f"fuzzing for {args.seconds} s with {engine}", file=sys.stderr)
    return run_atheris(args.seconds) if engine == "atheris" else run_hypothesis(args.seconds)


if __name__ == "__main__":
    sys.exit(main())
