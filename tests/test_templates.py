"""Learning a site's template: which blocks recur across its documents."""

from cleaner import Cleaner
from cleaner.segment import block_key
from cleaner.templates import KeySet, TemplateLearner, document_keys, key_hash, site_of_path, site_of_url, threshold
from pages import STORIES, page

TAGLINE = ("The Valley Gazette has reported on the towns of the valley since 1921, and its reporters "
           "cover the council, the courts and the schools every day of the year.")


def test_blocks_on_most_pages_of_a_site_recur_and_the_stories_do_not():
    learner = TemplateLearner()
    for n in range(6):
        learner.add("gazette", page(n))
    keys = learner.recurring("gazette")
    for chrome in ("Skip to main content", "Privacy policy", "© 2024 The Riverside Gazette. All rights reserved."):
        assert block_key(chrome) in keys
    for title, paragraphs in STORIES:
        assert block_key(title) not in keys
        assert not any(block_key(p) in keys for p in paragraphs)
    # Keys fold case, spaces and digits, as block_key does.
    assert block_key("© 2025 THE RIVERSIDE GAZETTE.  All rights reserved.") in keys


def test_too_few_documents_teach_nothing():
    learner = TemplateLearner(min_docs=3)
    learner.add("gazette", page(0))
    learner.add("gazette", page(1))
    assert len(learner.recurring("gazette")) == 0
    learner.add("gazette", page(2))
    assert block_key("Privacy policy") in learner.recurring("gazette")
    assert len(learner.recurring("herald")) == 0 and len(learner.recurring(None)) == 0


def test_a_block_counts_once_per_document_and_copies_count_once():
    learner = TemplateLearner(min_docs=3)
    learner.add("s", page(0, extra=["Share", "Share", "Share", ""]))
    learner.add("s", page(0, extra=["Share", "Share", "Share", ""]))  # an exact copy of the first
    learner.add("s", page(1))
    assert learner.documents("s") == 2
    assert block_key("Share") not in learner.recurring("s")


def test_share_of_documents_sets_the_bar():
    assert threshold(3) == 3 and threshold(100) == 20
    learner = TemplateLearner(share=0.5)
    for n in range(10):
        learner.add("s", page(n, extra=[TAGLINE, ""] if n < 4 else None))
    assert block_key(TAGLINE) not in learner.recurring("s")  # 4 of 10 < half
    assert block_key("Privacy policy") in learner.recurring("s")


def test_only_the_first_sample_documents_count():
    learner = TemplateLearner(sample=4)
    for n in range(4):
        learner.add("s", page(n))
    assert not learner.wants("s")
    for n in range(4, 12):
        learner.add("s", page(n, extra=[TAGLINE, ""]))
    assert learner.documents("s") == 4
    assert block_key(TAGLINE) not in learner.recurring("s")


def test_memory_bound_forgets_keys_seen_once_but_keeps_the_template():
    learner = TemplateLearner(max_entries=40)
    for n in range(12):
        learner.add("s", page(n))
    assert learner._entries < 60  # stories were forgotten: 12 pages hold far more distinct blocks
    assert block_key("Privacy policy") in learner.recurring("s")


def test_keyset_answers_for_block_keys():
    keys = KeySet([key_hash(block_key("Home")), key_hash(block_key("Contact us"))])
    assert block_key("home") in keys and "contact us" in keys and "news" not in keys
    assert len(keys) == 2 and bool(KeySet()) is False
    assert document_keys("Home\n\nHome\nContact us\n") == keys.hashes


def test_sites():
    assert site_of_url("https://www.example.com/news/1") == "example.com"
    assert site_of_url("http://blog.example.org:8080/x") == "blog.example.org"
    assert site_of_url("not a url") is None and site_of_url(None) is None and site_of_url("http://[bad") is None
    assert site_of_path("gazette/2024/a.txt") == "gazette/2024" and site_of_path("a.txt") == "."


def test_recurring_keys_change_what_the_cleaner_keeps():
    learner = TemplateLearner()
    for n in range(6):
        learner.add("gazette", page(n, extra=[TAGLINE, ""]))
    c = Cleaner(detect_language=False)
    text = page(0, extra=[TAGLINE, ""])
    assert TAGLINE in c.clean(text).text
    assert c.clean(text, recurring=learner.recurring("gazette")).text == "\n\n".join(STORIES[0][1])
