"""Shortcuts taken for speed give the same answers as the long way round."""

import sys

import pytest
import regex

from cleaner import text as T
from cleaner.html import parse, read_page
from cleaner.html.meta import read_meta
from cleaner.segment import clean_line

_SPACE = regex.compile(r"[^\S\n]+")
_INVISIBLE = regex.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")


def _clean_line_long_way(raw: str) -> str:
    return _SPACE.sub(" ", _INVISIBLE.sub("", raw)).strip()


def test_every_character_clean_line_folds_is_unprintable():
    # clean_line skips its substitutions on printable lines: that needs every
    # whitespace and invisible character but the space to be unprintable.
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    folded = {*regex.findall(r"[^\S\n]", every), *_INVISIBLE.findall(every), *filter(str.isspace, every)} - {" "}
    assert folded and not any(ch.isprintable() for ch in folded)


@pytest.mark.parametrize("raw", [
    "Plain words.", " lead and trail ", "two  spaces", "tab\there", "nbsp\u00a0here", "soft\u00adhyphen",
    "zero\u200bwidth", "\ufeffbom", "sep\x1cchar", "ideographic\u3000space", "", "   ", "\u2028", "end\r",
])
def test_clean_line_matches_its_definition(raw):
    assert clean_line(raw) == _clean_line_long_way(raw)


@pytest.mark.parametrize("text", [
    "", "plain ascii words", "Größe und Maß", "東京で会議が開かれた", "会議 meeting 2023年", "ภาษาไทย ok",
    "๑", "〇〇", "mixed 中文 and English words", "x" * 3000 + "中",
])
def test_unspaced_measures_match_their_definitions(text):
    unspaced = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
    assert T.has_unspaced(text) == (unspaced.search(text) is not None)
    letters = sum(1 for ch in text[:2000] if ch.isalpha())
    assert T.is_unspaced(text) == (letters > 0 and len(unspaced.findall(text[:2000])) > letters / 2)
    n = 0.0
    for w in T.WORD.findall(text):
        cjk = sum(1 for ch in w if unspaced.match(ch))
        n += cjk / T.CHARS_PER_WORD + (1 if len(w) > cjk else 0) if cjk else 1
    assert T.word_count(text) == n


def test_class_attributes_with_odd_whitespace():
    # Attribute values stay strings (see html._parse_options): class words are
    # found across tabs, newlines and repeated spaces, as in bs4's lists.
    story = "<p>The city council voted on Tuesday to approve a new bridge across the river.</p>" * 4
    body = ("<div class='\tshare\n  tools '>Share this story</div>"
            "<span class='a  sr-only'>Screen reader words</span>" + story)
    blocks = read_page(f"<html><body>{body}</body></html>").blocks
    by_text = {b.text: b.html for b in blocks}
    assert by_text["Share this story"].chrome_class
    assert "Screen reader words" not in by_text


def test_rel_author_matches_as_bs4_lists_did():
    # rel is a list of words on <a> and <link> only; elsewhere the whole value must be "author".
    html = ("<html><body><a rel='nofollow  author' href='/a'>Jane Doe</a><span rel='author x'>Not Me</span>"
            "<span rel='author'>John Roe</span></body></html>")
    assert read_meta(parse(html))["authors"] == ["Jane Doe", "John Roe"]
