"""Every rule is checked against its own examples; packs are validated with clear errors."""

import pickle
import subprocess
import sys

import pytest

from cleaner import Cleaner, RuleError, clean
from cleaner.rules import builtin_pack_paths, load_pack, load_rules, parse_pack

BUILTIN = load_rules()


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.id)
def test_rule_examples(rule):
    assert rule.examples_match, "every rule shows what it matches"
    assert rule.check_examples() == []


def test_ids_are_unique_across_packs():
    ids = [r.id for path in builtin_pack_paths() for r in load_pack(path)]
    assert len(ids) == len(set(ids))


def test_every_kind_is_used():
    assert {r.kind for r in BUILTIN} == {"chrome", "phrase", "boundary", "teaser", "metadata"}


GOOD = '''
[[rules]]
id = "acme.promo"
kind = "chrome"
description = "Acme's house promo line."
pattern = "get acme premium today"
examples.match = ["Get Acme Premium today"]
examples.no_match = ["Acme said premium sales rose today."]
'''


def test_user_pack_adds_a_rule(tmp_path):
    pack = tmp_path / "acme.toml"
    pack.write_text(GOOD)
    page = ("Acme posts record profit\n\nAcme Corp said on Monday that its profit rose sharply in the third "
            "quarter as sales of its premium service grew faster than analysts had expected.\n\n"
            "Get Acme Premium today\n\nThe company also raised its forecast for the full year, "
            "citing strong demand in Europe and a recovery in its home market after a weak spring.\n")
    assert "Get Acme Premium today" in clean(page).text
    article = Cleaner([pack]).clean(page)
    assert "Get Acme Premium today" not in article.text
    assert any(r.rule == "acme.promo" for r in article.removed)


def test_user_phrase_rule_cuts_every_match_anywhere(tmp_path):
    pack = tmp_path / "acme.toml"
    pack.write_text(GOOD.replace('kind = "chrome"', 'kind = "phrase"\nmatch = "anywhere"')
                    .replace('"get acme premium today"', "' ?\\[ad\\]'")
                    .replace('["Get Acme Premium today"]', '["sales [ad] grew"]'))
    page = ("Acme posts record profit\n\nAcme Corp said on Monday [ad] that its profit rose sharply in the third "
            "quarter as sales [ad] of its premium service grew faster than analysts had expected.\n")
    article = Cleaner([pack]).clean(page)
    assert "[ad]" in clean(page).text
    assert article.text.endswith("Acme Corp said on Monday that its profit rose sharply in the third "
                            "quarter as sales of its premium service grew faster than analysts had expected.")


def test_user_rule_overrides_builtin_by_id(tmp_path):
    pack = tmp_path / "p.toml"
    pack.write_text(GOOD.replace("acme.promo", "nav.skip-link"))
    rules = {r.id: r for r in load_rules([pack])}
    assert rules["nav.skip-link"].pattern == "get acme premium today"


@pytest.mark.parametrize("text, message", [
    ("[[rules]\nid = 'x'", "invalid TOML"),
    (GOOD.replace('kind = "chrome"', 'kind = "banner"'), "unknown kind 'banner'"),
    (GOOD.replace('"get acme premium today"', '"get (acme"'), "bad pattern"),
    (GOOD.replace('description = "Acme\'s house promo line."\n', ""), "needs a description"),
    (GOOD.replace('examples.match = ["Get Acme Premium today"]\n', ""), "at least one example"),
    (GOOD.replace('id = "acme.promo"', 'id = "Bad Id"'), "needs an id"),
    (GOOD + 'colour = "red"\n', "unknown key(s)"),
    ("title = 'no rules'", "needs one or more [[rules]]"),
    (GOOD.replace('kind = "chrome"', 'kind = "phrase"\nmatch = "block"'), "or 'anywhere' in it"),
])
def test_invalid_packs_are_refused_with_file_line_and_id(tmp_path, text, message):
    pack = tmp_path / "bad.toml"
    pack.write_text(text)
    with pytest.raises(RuleError) as info:
        load_pack(pack)
    assert message in str(info.value)
    assert str(pack) in str(info.value)


def test_error_names_line_and_rule_id(tmp_path):
    pack = tmp_path / "bad.toml"
    pack.write_text(GOOD.replace('kind = "chrome"', 'kind = "banner"'))
    with pytest.raises(RuleError, match=r"bad\.toml:3: rule acme\.promo"):
        load_pack(pack)


def test_runaway_pattern_is_stopped_and_named():
    rules = parse_pack(GOOD.replace('"get acme premium today"', "'(a|aa)+$'")
                       .replace('["Get Acme Premium today"]', '["aa"]')
                       .replace('["Acme said premium sales rose today."]', '[]'), "slow.toml")
    from cleaner.rules.ruleset import RuleSet

    cleaner = Cleaner(builtin_rules=False)
    cleaner.rules, cleaner.ruleset = tuple(rules), RuleSet(tuple(rules))
    with pytest.raises(RuleError, match="acme.promo.*time limit"):
        cleaner.clean("a" * 40 + "!\n")


def test_rules_pickle_and_still_match():
    rule = next(r for r in BUILTIN if r.id == "nav.skip-link")
    again = pickle.loads(pickle.dumps(rule))
    assert again.matches("Skip to main content") and again == rule


def test_cli_lists_rules():
    out = subprocess.run([sys.executable, "-m", "cleaner", "rules"], capture_output=True, text=True)
    assert out.returncode == 0
    listed = {line.split()[0] for line in out.stdout.splitlines()}
    assert {r.id for r in BUILTIN} <= listed
    assert "story.after" in listed


def test_cli_shows_one_rule_with_examples():
    out = subprocess.run([sys.executable, "-m", "cleaner", "rules", "nav.skip-link"], capture_output=True, text=True)
    assert out.returncode == 0
    assert "Skip to main content" in out.stdout and "kind: chrome" in out.stdout


def test_example_user_pack_is_valid():
    from pathlib import Path

    pack = Path(__file__).resolve().parent.parent / "examples" / "house-rules.toml"
    rules = load_pack(pack)
    assert rules and all(r.check_examples() == [] for r in rules)


@pytest.mark.parametrize("label", ["Related:", "Das könnte dich auch interessieren:", "Ähnliche Artikel :",
                                   "Share on Facebook:", "Das könnte dich auch interessieren …",
                                   "Related Articles..."])
def test_a_block_rule_also_matches_its_label_with_a_colon_or_an_ellipsis(label):
    hits = Cleaner().ruleset.scan(label)
    assert hits.chrome is not None or hits.boundary is not None


def test_a_colon_does_not_stretch_a_rule_over_prose():
    # Only a colon closing the label is allowed, not a sentence after it.
    hits = Cleaner().ruleset.scan("Related: the council voted on Tuesday to approve the bridge.")
    assert hits.chrome is None and hits.boundary is None
