"""benchmarks/metrics.py on hand-made pages, with figures worked out by hand."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


M = _load("metrics")

STORY = "The council approved the new budget on Monday.\n\nSpending on schools rises by four per cent."
LEAK = "Read more: ten things to do this weekend in the city"


def test_identical_texts_score_one():
    assert M.page_pr(STORY, STORY) == (1.0, 1.0)
    assert M.body_scores([(STORY, STORY)])["f1"] == 1.0


def test_whitespace_and_punctuation_do_not_matter_but_case_does():
    assert M.page_pr(STORY, STORY.replace("\n\n", " ").replace(".", " ")) == (1.0, 1.0)
    assert M.page_pr(STORY, STORY.upper())[0] == 0.0


def test_leaked_paragraph_lowers_precision_only():
    p, r = M.page_pr(STORY, STORY + "\n\n" + LEAK)
    assert r == 1.0
    assert p < 0.75


def test_lost_paragraph_lowers_recall_only():
    first = STORY.split("\n\n")[0]
    p, r = M.page_pr(STORY, first)
    assert p == 1.0
    assert 0.3 < r < 0.7


def test_shingle_counts_by_hand():
    # truth a b c d e: shingles abcd, bcde; output a b c d x: abcd, bcdx -> tp 1, fp 1, fn 1
    assert M.page_pr("a b c d e", "a b c d x") == (0.5, 0.5)
    # shingles are a multiset: a repeated sentence counts twice
    assert M.page_pr("a b c d", "a b c d. a b c d")[0] < 1.0


def test_short_and_empty_pages():
    assert M.page_pr("", "") == (1.0, 1.0)
    assert M.page_pr("one two", "one two") == (1.0, 1.0)
    assert M.page_pr(STORY, "") == (0.0, 0.0)


def test_body_scores_average_precision_and_recall_before_f1():
    # page 1 perfect; page 2: truth abcd, output abcd + bcde -> P 0.5, R 1
    scores = M.body_scores([(STORY, STORY), ("a b c d", "a b c d e")])
    assert scores["precision"] == pytest.approx(0.75)
    assert scores["recall"] == pytest.approx(1.0)
    assert scores["f1"] == pytest.approx(2 * 0.75 / 1.75)  # not the mean of page F1s (0.833)


def test_snippets_fold_whitespace():
    output = "Hello\n\n   world, said\tthe mayor.\nCookie settings"
    tp, fp, fn = M.snippet_counts(output, ["Hello world,", "said the mayor", "not there"], ["Cookie  settings", "Imprint"])
    assert (tp, fp, fn) == (2, 1, 1)


def test_snippet_scores_sum_over_pages():
    scores = M.snippet_scores([(1, 0, 0), (0, 1, 3)])
    assert scores["precision"] == pytest.approx(0.5)
    assert scores["recall"] == pytest.approx(0.25)
    assert scores["f1"] == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_author_sets():
    assert M.author_set("Ann Lee; Bo Chan, Cy Dor and Di Ek") == {"Ann Lee", "Bo Chan", "Cy Dor", "Di Ek"}
    assert M.author_set(["Ann Lee", "", "Bo Chan"]) == {"Ann Lee", "Bo Chan"}
    assert M.author_set(None) == set()
    assert M.meta_match("author", "Ann Lee and Bo Chan", ["Bo Chan", "Ann Lee"])
    assert not M.meta_match("author", "Ann Lee and Bo Chan", ["Ann Lee"])
    assert not M.meta_match("author", "Ann Lee", [])


def test_titles_fold_case_and_punctuation():
    assert M.meta_match("title", "Budget: Council says “yes”!", "budget council says yes")
    assert not M.meta_match("title", "Budget approved", "Budget rejected")
    assert not M.meta_match("title", "Budget approved", None)


def test_dates_compare_the_day():
    assert M.meta_match("date", "2021-11-01T10:52:50+0100", "2021-11-01")
    assert not M.meta_match("date", "2021-11-01", "2021-11-02T00:00:00")
    assert not M.meta_match("date", "2021-11-01", None)


def _corpus(tmp_path: Path, records: list[dict], texts: dict[str, str]) -> Path:
    folder = tmp_path / "tiny"
    (folder / "input").mkdir(parents=True)
    (folder / "html").mkdir()
    with open(folder / "truth.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")
    for page_id, text in texts.items():
        (folder / "input" / f"{page_id}.txt").write_text(text, encoding="utf-8")
        (folder / "html" / f"{page_id}.html").write_text(f"<html><body><p>{text}</p></body></html>", encoding="utf-8")
    return folder


def test_load_corpus_and_kind(tmp_path):
    folder = _corpus(tmp_path, [{"id": "a", "with": ["x"], "without": []}, {"id": "b", "body": "y"}], {})
    records = M.load_corpus(folder)
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["input"] == folder / "input" / "a.txt"
    assert M.corpus_kind(records) == "snippets"
    assert M.corpus_kind(records[1:]) == "body"


def test_accuracy_script_scores_the_input_with_these_metrics(tmp_path):
    accuracy = _load("accuracy")
    folder = _corpus(
        tmp_path,
        [{"id": "p1", "body": STORY, "title": "Budget"}, {"id": "p2", "body": "a b c d"}],
        {"p1": STORY + "\n\n" + LEAK, "p2": "a b c d e"},
    )
    out = tmp_path / "out.json"
    assert accuracy.main([str(folder), "--systems", "none", "--json", str(out)]) == 0
    row = json.loads(out.read_text(encoding="utf-8"))["corpora"]["tiny"]["systems"]["none"]
    expected = M.body_scores([(STORY, STORY + "\n\n" + LEAK), ("a b c d", "a b c d e")])
    assert row["f1"] == pytest.approx(expected["f1"])
    assert row["meta"]["title"] == {"accuracy": None, "n": 1}  # no cleaning gives no title
    assert row["pages_per_s"] is None
