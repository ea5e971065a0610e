"""Markdown input (Firecrawl, Jina Reader, html2text, markdownify): read without its markup."""

import json
import subprocess
import sys

from cleaner import Cleaner, clean, clean_markdown
from cleaner.markdown import looks_like_markdown, markdown_to_text


def as_markdown(text: str) -> str:
    """A scraped page as a markdown scraper gives it: short lines (menus, labels)
    are links, and the story's paragraphs link a name or two."""
    out = []
    for n, line in enumerate(text.split("\n")):
        words = line.split()
        if 0 < len(words) <= 4:
            out.append(f"[{line.strip()}](https://www.example.com/section/{n})")
        elif len(words) > 12:
            out.append(line.replace("Trudeau", "[Trudeau](https://www.example.com/tag/trudeau)", 1))
        else:
            out.append(line)
    return "\n".join(out)


def test_the_seed_as_markdown_cleans_as_the_seed(seed_text, seed_expected):
    md = as_markdown(seed_text)
    assert "](https://www.example.com/tag/trudeau)" in md and looks_like_markdown(md)
    article = clean_markdown(md)
    assert article.text == seed_expected["text"]
    assert article.title == seed_expected["title"]
    # Read as plain text, the link targets stay in the story.
    assert "example.com" in clean(md).text


def test_markup_goes_and_words_stay():
    md = "\n".join([
        "# Council approves the bridge",
        "",
        "The council **approved** the [bridge](https://example.com/b \"Bridge\") on _Tuesday_, "
        "see ![a photo](https://example.com/p.jpg) and `the plan`.",
        "wrapped in the source.",
        "",
        "A line broken on purpose  ",
        "and its second line.",
        "",
        "* [Home](/)",
        "* [News](/news)",
        "    * [World](/news/world)",
        "",
        "1. Finland",
        "2. Norway",
        "",
        "| Town | Bridges |",
        "|---|---|",
        "| Ashford | 3 |",
        "",
        "```",
        "toll = 2.50",
        "```",
        "",
        "[1]: https://example.com/ref",
    ])
    assert markdown_to_text(md) == "\n".join([
        "Council approves the bridge",
        "",
        "The council approved the bridge on Tuesday, see  and the plan. wrapped in the source.",
        "",
        "A line broken on purpose",
        "and its second line.",
        "",
        "Home",
        "News",
        "World",
        "",
        "1. Finland",
        "2. Norway",
        "",
        "Town Bridges",
        "Ashford 3",
        "",
        "toll = 2.50",
        "",
    ])


def test_a_row_wider_than_its_header_loses_no_text():
    # A layout table flattened by the converter: the header row has two cells,
    # the row under it many (CommonMark would drop all past the second).
    story = ("The council approved the new bridge on Tuesday after a debate that had run for almost ten "
             "years in the town, and the mayor said the old ferry would keep running until it opens, "
             "probably in the spring of 2027. Residents on the east bank had long complained that the "
             "nearest crossing was forty minutes away.")
    md = "\n".join([
        "|  |  |",
        "| --- | --- |",
        f"| [Home](/) | [News](/news) | | --- | --- | | {story} | [Weather](/weather) | Sunny, 21 °C |",
        "",
    ])
    text = markdown_to_text(md)
    assert story in text.split("\n")  # a long cell is a box of its own, apart from the short ones
    assert "Sunny, 21 °C" in text and "---" not in text
    assert clean_markdown(md).text == story


def test_plain_text_is_not_taken_for_markdown(seed_text):
    assert not looks_like_markdown(seed_text)
    # A citation in brackets or a lone link is not enough.
    assert not looks_like_markdown("As reported [1], the bridge opens in 2027 (see [the plan](plan.pdf)).\n")
    assert looks_like_markdown("## Bridge\n\n## Plan\n\nSee [the plan](https://example.com/plan.pdf).\n")


def test_command_line_sniffs_markdown_and_takes_it_when_told(seed_text, seed_expected, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(as_markdown(seed_text), encoding="utf-8")
    for args in ([str(page)], ["--input-format", "markdown", str(page)]):
        proc = subprocess.run([sys.executable, "-m", "cleaner", *args], capture_output=True)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.decode("utf-8") == seed_expected["text"] + "\n"
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--input-format", "text", str(page)], capture_output=True)
    assert b"example.com" in proc.stdout


def test_jsonl_records_holding_markdown(seed_text, seed_expected, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 1, "text": as_markdown(seed_text)}) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "cleaner", "jsonl", str(source)], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["id"] == 1 and record["story"] == seed_expected["text"]


def test_a_cleaner_takes_bytes_of_markdown(seed_text, seed_expected):
    article = Cleaner().clean_bytes(as_markdown(seed_text).encode("utf-8"))
    assert article.text == seed_expected["text"]


def test_the_library_example_runs_and_markdown_gives_the_same_story():
    from pathlib import Path

    example = Path(__file__).parent.parent / "examples" / "library.py"
    proc = subprocess.run([sys.executable, str(example)], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert "\nTrue\n" in proc.stdout.decode("utf-8")
