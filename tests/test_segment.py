"""Segmenting text into blocks, including text wrapped at a fixed width."""

import textwrap

import pytest

from cleaner import clean
from cleaner.segment import segment, wrap_width


def wrap(text: str, width: int) -> str:
    """The text as html2text or a mail client leaves it: each line wrapped at ``width``."""
    return "\n".join("\n".join(textwrap.wrap(line, width)) if line.strip() else "" for line in text.split("\n"))


@pytest.mark.parametrize("width", [70, 78, 100])
def test_the_seed_wrapped_at_a_fixed_width_cleans_as_the_seed(seed_text, seed_expected, width):
    wrapped = wrap(seed_text, width)
    assert wrap_width(wrapped.split("\n")) is not None
    article = clean(wrapped)
    assert article.text == seed_expected["text"]
    assert article.title == seed_expected["title"]


def test_short_lines_in_wrapped_text_stay_lines():
    # A list item or a paragraph's last line is short: the wrapper did not break it.
    para = ("The council voted on Tuesday to build a new bridge over the river, ending a debate that had run in "
            "the town for nearly ten years and split the east bank from the west.")
    items = ["* a footpath on both sides", "* a lane for bicycles", "* lower tolls for residents"]
    text = "\n\n".join([para, "They asked for three things:", "\n".join(items), para, para, para]) + "\n"
    blocks = [b.text for b in segment(wrap(text, 72))]
    assert blocks[0] == para
    assert items == blocks[2:5]
    assert blocks[5:] == [para] * 3


def test_a_word_broken_at_its_hyphen_is_joined_whole():
    lines = ["x" * 60 + " a well-", "known bridge over the river", ""] + ["y" * 60 + " z" * 4] * 10
    blocks = segment("\n".join(lines))
    assert blocks[0].text == "x" * 60 + " a well-known bridge over the river"


def test_text_with_a_paragraph_per_line_is_not_wrapped(seed_text):
    lines = seed_text.split("\n")
    assert wrap_width(lines) is None
    assert [b.text for b in segment(seed_text)] == [line.strip() for line in lines if line.strip()]


def test_wrapped_text_among_many_menu_lines_is_still_seen(seed_text):
    # A browser dump: long menu lines make most lines of 30 characters or more
    # end far from the wrap width, yet the wrapped paragraphs run on line to line.
    menu = [f"Section {n}: news, sport, weather and more" for n in range(40)]
    text = "\n".join(menu) + "\n\n" + wrap(seed_text, 79)
    assert wrap_width(text.split("\n")) == 79


def test_a_list_of_headlines_each_on_its_line_is_not_wrapped():
    headlines = [f"Council approves {n} new bridges over the river after a long debate in the town hall"[:70 + n % 9]
                 for n in range(30)]
    assert wrap_width("\n\n".join(headlines).split("\n")) is None


def test_wrapped_chinese_joins_without_a_space_and_korean_with_one():
    filler = [""] + ["y" * 60 + " z" * 4] * 10  # wraps the text at 68 columns
    zh = ("市议会周二投票批准在河上修建一座新桥" * 4)[:68]
    blocks = segment("\n".join([zh, "河上修建一座新桥。", *filler]))
    assert blocks[0].text == zh + "河上修建一座新桥。"
    ko = ("시의회는 화요일 강 위에 새 다리를 건설하는 안을 승인했다 " * 3)[:66].rstrip()
    assert len(ko) + 1 + len("건설하는") > 68
    blocks = segment("\n".join([ko, "건설하는 안을 승인했다.", *filler]))
    assert blocks[0].text == ko + " 건설하는 안을 승인했다."
