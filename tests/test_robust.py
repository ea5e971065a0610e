"""Robust under any input: properties over generated pages and strings, bad
files, a destination that fills up or is read-only, invalid rule packs."""

from __future__ import annotations

import ctypes
import errno
import gzip
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings, strategies as st

import strategies as S
from cleaner import Cleaner, RuleError
from cleaner.rules import load_pack
from fuzz_target import story_is_from
from pages import STORIES, page

CLEANER = Cleaner(detect_language=False)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(*args, stdin=None, timeout=120, **kwargs):
    return subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], input=stdin, capture_output=True,
                          timeout=timeout, **kwargs)


def one_line_error(proc) -> str:
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("cleaner: error: "), err
    return err


# -- properties ----------------------------------------------------------------

@PROPERTY
@given(st.one_of(S.any_text, S.token_soup))
@example("\ud800\udfff\x00\u202e\u05e9\u05dc\u05d5\u05dd 😀 日本語の文章です。中文没有空格")
@example("a" * 5000 + "\n" + "@" * 3000 + "\n" + "— " * 2000)
def test_any_unicode_cleans_without_error_and_deterministically(text):
    article, decisions = CLEANER.clean_and_explain(text)
    assert CLEANER.clean(text) == article
    assert all(d.text for d in decisions)


@PROPERTY
@given(st.one_of(S.any_text, S.token_soup, S.html_page()))
def test_any_unicode_as_html_cleans_without_error_and_deterministically(text):
    assert CLEANER.clean_html(text) == CLEANER.clean_html(text)


@PROPERTY
@given(st.one_of(S.page(), S.token_soup, S.any_text))
def test_story_is_text_of_the_input_in_order(text):
    # Each story line, whitespace folded, is a piece of the input (a whole line,
    # or a line with a glued label cut off), and the lines keep their order.
    assert story_is_from(CLEANER.clean(text).text, text) is None


@settings(PROPERTY, max_examples=80)
@given(S.page())
def test_cleaning_again_and_again_settles(text):
    # Cleaning the story again may still change it (see the known failures
    # below): each such pass drops a short "?" or "!" paragraph read as the
    # headline, so repeated cleaning only ever shrinks the story and settles
    # within as many passes as it has paragraphs. It never oscillates.
    story = CLEANER.clean(text).text
    for _ in range(story.count("\n\n") + 2):
        again = CLEANER.clean(story).text
        if again == story:
            return
        assert len(again) < len(story), "a second cleaning grew the story"
        assert story_is_from(again, story) is None
        story = again
    raise AssertionError("repeated cleaning did not settle")


def test_cleaning_the_seed_story_again_returns_it(seed_text):
    story = CLEANER.clean(seed_text).text
    assert CLEANER.clean(story).text == story


@pytest.mark.parametrize("n", range(len(STORIES)))
def test_cleaning_test_pages_again_returns_the_story(n):
    story = CLEANER.clean(page(n, extra=["Related stories", STORIES[(n + 1) % 6][0], STORIES[(n + 1) % 6][1][0]])).text
    assert CLEANER.clean(story).text == story


# Idempotence (cleaning the story again returns it): the pages below pin the
# causes fixed.
HOSPITAL = STORIES[3][1]


@pytest.mark.parametrize("under", ["By Jane Doe", "Published Nov 8, 2023", "Share on Facebook"])
def test_headline_over_a_byline_is_not_story(under):
    text = f"Menu\n\nHospital opens a new children's ward\n\n{under}\n\n" + "\n\n".join(HOSPITAL) + "\n"
    story = CLEANER.clean(text).text
    assert not story.startswith("Hospital opens")
    assert CLEANER.clean(story).text == story


@pytest.mark.parametrize("first", ["What will the new ward change for families?", "Forty beds, at last!"])
def test_story_opening_like_a_headline_survives_a_second_cleaning(first):
    text = ("Hospital opens a new children's ward | The Gazette\n\nMenu\n\nHospital opens a new children's ward\n\n"
            f"{first}\n\n" + "\n\n".join(HOSPITAL) + "\n")
    story = CLEANER.clean(text).text
    assert story.startswith(first)
    assert CLEANER.clean(story).text == story


def test_story_opening_without_a_full_stop_survives_a_second_cleaning():
    first = "Forty new beds for the children of the valley"
    text = ("Hospital opens a new children's ward | The Gazette\n\nMenu\n\nHospital opens a new children's ward\n\n"
            f"{first}\n\n" + "\n\n".join(HOSPITAL) + "\n")
    story = CLEANER.clean(text).text
    assert story.startswith(first)
    assert CLEANER.clean(story).text == story


@settings(max_examples=200, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow])  # no shrinking: the pages above are the small cases
@given(S.page())
def test_cleaning_the_story_again_returns_it(text):
    story = CLEANER.clean(text).text
    assert CLEANER.clean(story).text == story


# -- bad files -----------------------------------------------------------------

PROSE = page(0)


def _drop_file_capabilities():
    # Root reads any file: without these two capabilities, permissions apply to it too.
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_unprivileged() -> dict:
    """subprocess options under which a mode-000 file is unreadable, as root too."""
    if os.geteuid() != 0:
        return {}
    if not sys.platform.startswith("linux"):
        pytest.skip("dropping root's file capabilities needs Linux")
    try:
        subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_file_capabilities, check=True)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot drop root's file capabilities here")
    return {"preexec_fn": _drop_file_capabilities}


def state(folder: Path) -> dict:
    """What a run must leave as it was: each entry's kind, size, times of change
    and bytes (reading a file changes its access time, nothing else)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        try:
            data = p.read_bytes() if p.is_file() and not p.is_symlink() else None
        except PermissionError:  # the unreadable one, when not root
            data = None
        out[p.relative_to(folder).as_posix()] = (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, data)
    return out


def bad_files(folder: Path) -> dict[str, str]:
    """Every kind of bad input, by name; the value is what the error says (or '' when it is cleaned)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(PROSE, encoding="utf-8")
    (folder / "unreadable.txt").write_text(PROSE, encoding="utf-8")
    (folder / "unreadable.txt").chmod(0)
    (folder / "folder.txt").mkdir()
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    (folder / "dangling.txt").symlink_to("missing.txt")
    os.mkfifo(folder / "fifo.txt")
    (folder / "truncated.txt.gz").write_bytes(gzip.compress(PROSE.encode())[:60])
    (folder / "utf16.txt").write_bytes(PROSE.encode("utf-16"))
    (folder / "mixed.txt").write_bytes(PROSE.encode("utf-8") + "Zoë’s café — crème brûlée.\n".encode("utf-8")
                                       + "Zoë's café, crème brûlée à la carte.\n".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    return {
        "unreadable.txt": "Permission denied", "loop-a.txt": "symbolic link loop",
        "dangling.txt": "broken symbolic link to missing.txt", "fifo.txt": "not a regular file (a FIFO)",
        "truncated.txt.gz": "gzip data is truncated or corrupt", "empty.txt": "input is empty",
    }


@pytest.mark.parametrize("name, code, message", [
    ("unreadable.txt", 2, "unreadable.txt: permission denied"),
    ("folder.txt", 2, "folder.txt: is a directory"),
    ("loop-a.txt", 2, "loop-a.txt: cannot read (symbolic link loop)"),
    ("dangling.txt", 2, "dangling.txt: broken symbolic link to missing.txt"),
    ("truncated.txt.gz", 1, "truncated.txt.gz: gzip data is truncated or corrupt"),
])
def test_a_bad_file_gives_its_reason_in_one_line(tmp_path, name, code, message):
    bad_files(tmp_path)
    proc = run(tmp_path / name, **(as_unprivileged() if name == "unreadable.txt" else {}))
    assert proc.returncode == code
    assert message in one_line_error(proc)
    assert proc.stdout == b""


@pytest.mark.parametrize("name", ["utf16.txt", "mixed.txt"])
def test_utf16_and_mixed_encodings_are_cleaned(tmp_path, name):
    bad_files(tmp_path)
    proc = run("--format", "json", tmp_path / name)
    assert proc.returncode == 0, proc.stderr
    story = json.loads(proc.stdout)["text"]
    assert story.startswith("The city council voted on Tuesday")


def test_mixed_encodings_keep_every_line_readable():
    from cleaner.read import decode

    data = ("Ligne en UTF-8 : café crème, déjà vu.\n".encode("utf-8")
            + "Ligne en Latin-1 : café crème, déjà vu.\n".encode("latin-1"))
    assert decode(data) == "Ligne en UTF-8 : café crème, déjà vu.\nLigne en Latin-1 : café crème, déjà vu.\n"


def test_an_empty_file_is_refused(tmp_path):
    bad_files(tmp_path)
    proc = run(tmp_path / "empty.txt")
    assert proc.returncode == 1 and proc.stdout == b""
    assert one_line_error(proc) == f"cleaner: error: {tmp_path / 'empty.txt'}: input is empty (nothing to clean)\n"


def test_a_fifo_is_read_to_its_end(tmp_path):
    bad_files(tmp_path)
    fifo = tmp_path / "fifo.txt"

    def feed():
        with open(fifo, "wb") as fh:
            fh.write(PROSE.encode())

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    proc = run(fifo, timeout=60)
    writer.join(5)
    assert proc.returncode == 0
    assert proc.stdout.startswith(b"The city council voted on Tuesday")


def test_batch_reports_each_bad_file_and_goes_on(tmp_path):
    src, dest = tmp_path / "src", tmp_path / "dest"
    expected = bad_files(src)
    before = state(src)
    proc = run("batch", src, dest, "-j", "2", timeout=120, **as_unprivileged())  # a FIFO must not stall it
    assert proc.returncode == 1, proc.stderr
    errors = {r["path"]: r["error"] for r in map(json.loads, (dest / "errors.jsonl").read_text().splitlines())}
    assert set(errors) == set(expected) | {"loop-b.txt"}
    for name, reason in expected.items():
        assert reason in errors[name]
        assert f"failed: {name}: " in proc.stderr.decode()
    for name in ("good.txt", "utf16.txt", "mixed.txt"):
        assert (dest / name).read_text(encoding="utf-8").startswith("The city council voted on Tuesday")
    assert not (dest / "empty.txt").exists()
    assert state(src) == before


# -- a destination that fills up or is read-only --------------------------------

def tree_of_pages(src: Path, n: int) -> dict[str, bytes]:
    src.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (src / f"page-{i:03}.txt").write_text(page(i), encoding="utf-8")
    return {p.name: p.read_bytes() for p in src.iterdir()}


def assert_no_partial_outputs(dest: Path, src: Path) -> None:
    """Every output there is whole (the story of its page); no temporary file is left."""
    leftovers = [p.name for p in dest.rglob("*") if p.name.endswith(".part") or p.name.startswith(".cleaner-")]
    assert leftovers == []
    for out in dest.glob("page-*.txt"):
        assert out.read_text(encoding="utf-8") == CLEANER.clean((src / out.name).read_text(encoding="utf-8")).text + "\n"


def _tmpfs(folder: Path, options: str):
    """A 64 KiB tmpfs mounted at ``folder`` for the test, or a skip where mounting is not allowed."""
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root); the simulated tests below cover the same")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.fixture
def small_disk(tmp_path):
    """A 64 KiB tmpfs: about a dozen outputs."""
    yield from _tmpfs(tmp_path / "disk", "size=64k")


@pytest.fixture
def read_only_disk(tmp_path):
    yield from _tmpfs(tmp_path / "ro", "ro,size=64k")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_stops_on_a_full_disk_without_partial_outputs(tmp_path, small_disk, jobs):
    src = tmp_path / "src"
    before = tree_of_pages(src, 40)
    dest = small_disk / "out"
    proc = run("batch", src, dest, "-j", jobs)
    assert proc.returncode == 2
    message = one_line_error(proc)
    assert "No space left on device" in message and "stopped after" in message
    assert_no_partial_outputs(dest, src)
    assert 0 < len(list(dest.glob("page-*.txt"))) < 40
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before


def test_batch_refuses_a_read_only_destination_before_any_work(tmp_path, read_only_disk):
    src = tmp_path / "src"
    before = tree_of_pages(src, 3)
    proc = run("batch", src, read_only_disk)
    assert proc.returncode == 2
    assert "cannot write there (Read-only file system)" in one_line_error(proc)
    assert list(read_only_disk.iterdir()) == []
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before


def test_single_page_and_jsonl_outputs_on_a_full_disk(tmp_path, small_disk):
    big = tmp_path / "big.txt"
    big.write_text(page(0) + ("The council met again on Friday to discuss the plan in detail. " * 2000) + "\n")
    proc = run(big, "-o", small_disk / "story.txt")
    assert proc.returncode == 2
    assert "No space left on device" in one_line_error(proc)
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": i, "text": big.read_text()}) + "\n" for i in range(3)))
    proc = run("jsonl", dump, "-o", small_disk / "clean.jsonl")
    assert proc.returncode == 2
    assert "cannot write" in one_line_error(proc) and "it was not written" in proc.stderr.decode()
    assert list(small_disk.iterdir()) == []


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_batch_stops_when_writes_start_failing(tmp_path, monkeypatch, code):
    # Simulated where no tmpfs can be mounted: from the fourth output on, the
    # file system takes half of what is written and then fails.
    from cleaner import batch, write

    src, dest = tmp_path / "src", tmp_path / "dest"
    before = tree_of_pages(src, 10)
    real_fdopen, opened = os.fdopen, []

    class Failing:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            raise OSError(code, os.strerror(code))

    def fdopen(fd, *args, **kwargs):
        opened.append(fd)
        fh = real_fdopen(fd, *args, **kwargs)
        return Failing(fh) if len(opened) > 3 else fh

    monkeypatch.setattr(write.os, "fdopen", fdopen)
    with pytest.raises(batch.DestinationError, match=os.strerror(code)) as info:
        batch.run(src, dest, batch.Settings(CLEANER), jobs=1)
    assert info.value.report.cleaned == 3
    assert_no_partial_outputs(dest, src)
    assert len(list(dest.glob("page-*.txt"))) == 3
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before


# -- rule packs -----------------------------------------------------------------

PACK = '''# House rules
[[rules]]
id = "house.first"
kind = "chrome"
description = "A first rule that is fine."
pattern = "get acme premium today"
examples.match = ["Get Acme Premium today"]

[[rules]]
id = "house.second"
kind = "chrome"
description = "The rule under test."
pattern = "subscribe to acme"
examples.match = ["Subscribe to Acme"]
'''


@pytest.mark.parametrize("broken, line, message", [
    (PACK.replace('pattern = "subscribe to acme"', 'pattern = "subscribe to acme'), 13, "invalid TOML"),
    (PACK.replace('kind = "chrome"\ndescription = "The rule', 'kind = "banner"\ndescription = "The rule'), 10,
     "unknown kind 'banner'"),
    (PACK.replace('"subscribe to acme"', '"subscribe (to acme"'), 10, "bad pattern"),
], ids=["invalid-toml", "unknown-kind", "bad-pattern"])
def test_a_bad_pack_is_refused_with_file_line_and_rule_id(tmp_path, broken, line, message):
    pack = tmp_path / "house.toml"
    pack.write_text(broken, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_pack(pack)
    text = str(info.value)
    assert text.startswith(f"{pack}:{line}: ") and "house.second" in text and message in text, text
    proc = run("--rules", pack, stdin=b"text")
    assert proc.returncode == 3
    assert f"{pack}:{line}: " in one_line_error(proc)


def test_a_runaway_user_pattern_is_stopped_naming_the_rule(tmp_path):
    pack = tmp_path / "slow.toml"
    pack.write_text(PACK.replace('"subscribe to acme"', "'(a|aa)+$'").replace('["Subscribe to Acme"]', '["aa"]'))
    proc = run("--rules", pack, stdin=("Title\n\n" + "a" * 60 + "!\n").encode())
    assert proc.returncode == 3
    message = one_line_error(proc)
    assert f"rule house.second ({pack}:10): pattern ran past its time limit" in message
