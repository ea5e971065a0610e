"""The fuzz target (tests/fuzz_target.py) in CI: every input that once broke it,
replayed, and a short Hypothesis run over new ones. benchmarks/fuzz.py runs
the same target for longer, coverage guided with atheris when installed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import fuzz_target as F
import strategies as S

CORPUS = Path(__file__).parent / "fuzz_corpus"
SAVED = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".md")

INPUTS = st.one_of(
    st.binary(max_size=600),
    st.tuples(st.sampled_from(F.ENTRIES), st.one_of(S.any_text, S.token_soup, S.page(), S.html_page()))
    .map(lambda t: F.as_input(t[0], F.bytes_of(t[1]))),
)


def test_corpus_is_not_empty():
    assert SAVED


@pytest.mark.parametrize("path", SAVED, ids=lambda p: p.name)
def test_saved_input_holds(path):
    with F.finishes_within(120):
        F.check(path.read_bytes())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(INPUTS)
def test_fuzz_target_holds(data):
    # Bounded for CI (a few seconds); a failure here is a new crasher: save it
    # into tests/fuzz_corpus/ (benchmarks/fuzz.py does) and fix it.
    F.check(data)


def test_the_target_catches_a_story_that_is_not_from_the_input():
    assert F.story_is_from("The council voted.\nOn Tuesday.", "x The council  voted. y\nOn\tTuesday.") is None
    assert F.story_is_from("On Tuesday.\nThe council voted.", "The council voted.\nOn Tuesday.") == "The council voted."
    assert F.story_is_from("The council voted!", "The council voted.") == "The council voted!"
