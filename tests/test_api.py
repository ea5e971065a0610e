"""The library contract: names, types, immutability, sharing across threads and processes."""

import dataclasses
import json
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import cleaner
from cleaner import Article, Cleaner, Removal, clean, clean_html


def test_public_names():
    for name in ("clean", "clean_html", "Article", "Removal", "Cleaner", "clean_and_explain", "__version__"):
        assert hasattr(cleaner, name)


def test_import_does_not_load_html_parsers():
    code = "import sys, cleaner; cleaner.clean('Hello world. ' * 20); print(sorted(m for m in sys.modules if m.split('.')[0] in ('bs4', 'lxml')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_article_is_immutable_and_serialisable(seed_text):
    article = clean(seed_text)
    assert isinstance(article, Article)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "x"
    data = article.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) >= {"text", "title", "authors", "published", "source", "language", "removed"}
    assert isinstance(article.authors, list)
    assert all(isinstance(r, Removal) and r.rule and r.reason for r in article.removed)


def test_clean_takes_str_only():
    with pytest.raises(TypeError, match="str"):
        clean(b"bytes")


def test_empty_and_blank_text():
    assert clean("").text == "" and clean("   \n\n ").text == ""
    assert clean("").removed == []


def test_cleaner_is_shared_across_threads(seed_text, seed_expected):
    c = Cleaner()
    with ThreadPoolExecutor(8) as pool:
        texts = list(pool.map(lambda _: c.clean(seed_text).text, range(32)))
    assert set(texts) == {seed_expected["text"]}


def test_cleaner_pickles_for_worker_processes(seed_text, seed_expected):
    c = pickle.loads(pickle.dumps(Cleaner()))
    assert c.clean(seed_text).text == seed_expected["text"]


def test_clean_html_returns_article():
    page = ("<html><head><title>Bridge approved | Town News</title></head><body><header><a href='/'>Home</a></header>"
            "<h1>Bridge approved</h1><p>The city council voted on Tuesday to approve a new bridge across the river, "
            "ending a debate that has lasted for almost ten years in the town.</p><footer>© 2024 Town News. All rights "
            "reserved.</footer></body></html>")
    article = clean_html(page)
    assert article.text.startswith("The city council voted") and "rights reserved" not in article.text
    assert article.title == "Bridge approved"
    assert clean_html(page.encode("utf-8")).text == article.text


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError, match="unknown option"):
        clean("text", colour="red")
