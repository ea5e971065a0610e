"""The seed article is the golden test: it defines the job."""

import json
import subprocess
import sys

from cleaner import clean, clean_and_explain


def test_story_text_is_exactly_expected(seed_text, seed_expected):
    assert clean(seed_text).text == seed_expected["text"]


def test_metadata_title_source_date(seed_text, seed_expected):
    article = clean(seed_text)
    assert article.title == seed_expected["title"]
    assert article.source == "The Canadian Press"
    assert article.published.startswith("2023-05-24")
    assert article.language == "en"


def test_no_removed_example_survives(seed_text, seed_expected):
    text = clean(seed_text).text
    for chrome in seed_expected["removed_examples"]:
        assert chrome not in text


def test_explain_names_a_rule_for_each_removed_example(seed_text, seed_expected):
    _, decisions = clean_and_explain(seed_text)
    for chrome in seed_expected["removed_examples"]:
        named = [d.rule for d in decisions if not d.keep and chrome in d.text]
        named += [rule for d in decisions for rule, phrase, _ in d.cuts if chrome in phrase]
        assert named and all(named), f"no rule named for {chrome!r}"


def test_credit_line_stays_and_removals_are_recorded(seed_text):
    article = clean(seed_text)
    assert article.text.endswith("This report by The Canadian Press was first published May 24, 2023.")
    rules = {r.rule for r in article.removed}
    assert "nav.skip-link" in rules and "story.headline" in rules
    assert any(r.text == "Stay Connected" for r in article.removed)


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True)


def test_cli_prints_the_story(seed_expected):
    from conftest import DATA

    out = run_cli(str(DATA / "seed-article.txt"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode("utf-8") in (seed_expected["text"], seed_expected["text"] + "\n")


def test_cli_reads_stdin_and_gives_json(seed_text, seed_expected):
    out = run_cli("--format", "json", "-", stdin=seed_text.encode("utf-8"))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["title"] == seed_expected["title"]
    assert data["source"] == "The Canadian Press"
    assert data["published"].startswith("2023-05-24")
    assert data["text"] == seed_expected["text"]


def test_cli_explain_lists_every_block(seed_text, seed_expected):
    out = run_cli("--explain", stdin=seed_text.encode("utf-8"))
    assert out.returncode == 0
    lines = out.stdout.decode("utf-8").splitlines()
    blocks = [line for line in seed_text.splitlines() if line.strip()]
    marked = [line for line in lines if line[:2] in ("+ ", "- ")]
    assert len(marked) == len(blocks)
    assert any(line.startswith("- nav.skip-link") for line in marked)
    assert "\x1b[" not in out.stdout.decode("utf-8")  # no colour when not on a terminal
