"""`cleaner batch SRC DEST`: tree mirroring, globs, resume, failures, interruption, templates."""

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import Cleaner
from pages import SITES, STORIES, html_page, page

# Prose-like, so that on one page it reads as story; it recurs on every page of the site.
TAGLINE = ("The Valley Gazette has reported on the towns of the valley since 1921, and its reporters "
           "cover the council, the courts and the schools every day of the year.")


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], capture_output=True, cwd=cwd)


def snapshot(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def outputs(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture
def tree(tmp_path):
    """SRC with text, HTML and gzip pages in nested folders, and files that are not pages."""
    src = tmp_path / "src"
    (src / "gazette" / "2024").mkdir(parents=True)
    (src / "herald").mkdir()
    (src / "gazette" / "bridge.txt").write_text(page(0), encoding="utf-8")
    (src / "gazette" / "2024" / "library.txt").write_text(page(1), encoding="utf-8")
    (src / "herald" / "apples.html").write_text(html_page(2, "herald"), encoding="utf-8")
    (src / "herald" / "ward.htm").write_text(html_page(3, "herald"), encoding="utf-8")
    (src / "herald" / "marathon.html.gz").write_bytes(gzip.compress(html_page(4, "herald").encode()))
    (src / "herald" / "notes.md").write_text("# my notes\n")
    (src / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return src


def test_tree_is_mirrored_and_src_untouched(tree, tmp_path):
    before = snapshot(tree)
    dest = tmp_path / "dest"
    proc = run("batch", tree, dest, "-j", 2)
    assert proc.returncode == 0, proc.stderr
    assert outputs(dest) == ["gazette/2024/library.txt", "gazette/bridge.txt", "herald/apples.txt",
                             "herald/marathon.txt", "herald/ward.txt"]
    bridge = (dest / "gazette" / "bridge.txt").read_text(encoding="utf-8")
    for paragraph in STORIES[0][1]:
        assert paragraph in bridge
    assert "Privacy policy" not in bridge and "Skip to main content" not in bridge
    marathon = (dest / "herald" / "marathon.txt").read_text(encoding="utf-8")
    assert STORIES[4][1][0] in marathon and "<p>" not in marathon
    assert "Follow us on Instagram" not in marathon
    assert snapshot(tree) == before
    summary = proc.stderr.decode().strip().splitlines()
    assert len(summary) == 1 and summary[0].startswith("cleaner: 5 files cleaned in ")


def test_outputs_equal_the_single_page_command(tree, tmp_path):
    dest = tmp_path / "dest"
    assert run("batch", tree, dest, "-f", "json", "-j", 2).returncode == 0
    for name in ("apples.html", "ward.htm"):
        single = run("clean", "-f", "json", tree / "herald" / name)
        assert json.loads((dest / "herald" / name).with_suffix(".json").read_text()) == json.loads(single.stdout)
    # A compressed page gives what the page itself gives.
    plain = tmp_path / "marathon.html"
    plain.write_bytes(gzip.decompress((tree / "herald" / "marathon.html.gz").read_bytes()))
    single = json.loads(run("clean", "-f", "json", plain).stdout)
    assert json.loads((dest / "herald" / "marathon.json").read_text()) == single
    assert single["title"] == STORIES[4][0]


def test_one_process_and_two_give_the_same_files(tree, tmp_path):
    assert run("batch", tree, tmp_path / "one", "-j", 1, "-f", "markdown").returncode == 0
    assert run("batch", tree, tmp_path / "two", "-j", 2, "-f", "markdown").returncode == 0
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert one == two and len(one) == 5 and all(name.endswith(".md") for name in one)


def test_include_and_exclude(tree, tmp_path):
    proc = run("batch", tree, tmp_path / "a", "--include", "*.txt")
    assert proc.returncode == 0
    assert outputs(tmp_path / "a") == ["gazette/2024/library.txt", "gazette/bridge.txt"]
    # A folder that matches --exclude is not entered; a glob with / matches the path under SRC.
    proc = run("batch", tree, tmp_path / "b", "--exclude", "2024", "--exclude", "herald/*.htm")
    assert proc.returncode == 0
    assert outputs(tmp_path / "b") == ["gazette/bridge.txt", "herald/apples.txt", "herald/marathon.txt"]
    # Compressed files match as their name without .gz.
    proc = run("batch", tree, tmp_path / "c", "--include", "*.html")
    assert outputs(tmp_path / "c") == ["herald/apples.txt", "herald/marathon.txt"]


def test_resume_keeps_complete_outputs_and_does_the_rest(tree, tmp_path):
    dest = tmp_path / "dest"
    assert run("batch", tree, dest).returncode == 0
    kept = dest / "gazette" / "bridge.txt"
    kept.write_text("marker: not cleaned again\n")
    (dest / "herald" / "ward.txt").unlink()
    proc = run("batch", tree, dest, "--resume")
    assert proc.returncode == 0
    assert kept.read_text() == "marker: not cleaned again\n"
    assert STORIES[3][1][0] in (dest / "herald" / "ward.txt").read_text()
    assert "1 file cleaned, 4 already done" in proc.stderr.decode()
    # Without --resume every output is written again.
    assert run("batch", tree, dest).returncode == 0
    assert STORIES[0][1][0] in kept.read_text()


def test_bad_files_are_reported_and_the_batch_goes_on(tree, tmp_path):
    (tree / "gazette" / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (tree / "herald" / "cut.html.gz").write_bytes(gzip.compress(html_page(5).encode())[:40])
    dest = tmp_path / "dest"
    proc = run("batch", tree, dest, "-j", 2)
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert "cleaner: failed: gazette/scan.txt: input is binary data (a PDF document), not text" in err
    assert "cleaner: failed: herald/cut.html.gz: gzip data is truncated or corrupt" in err
    assert "5 files cleaned, 2 failed" in err.splitlines()[-1]
    records = [json.loads(line) for line in (dest / "errors.jsonl").read_text().splitlines()]
    assert [r["path"] for r in records] == ["gazette/scan.txt", "herald/cut.html.gz"]
    assert "PDF" in records[0]["error"] and "gzip" in records[1]["error"]
    assert "gazette/scan.txt" not in outputs(dest) and "herald/cut.txt" not in outputs(dest)
    assert len([o for o in outputs(dest) if o.endswith(".txt")]) == 5
    # Once fixed, a resumed run succeeds and errors.jsonl no longer describes old failures.
    (tree / "gazette" / "scan.txt").unlink()
    (tree / "herald" / "cut.html.gz").unlink()
    assert run("batch", tree, dest, "--resume").returncode == 0
    assert not (dest / "errors.jsonl").exists()


def test_two_inputs_with_one_output_name_are_not_both_written(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "story.txt").write_text(page(0))
    (src / "story.html").write_text(html_page(1))
    proc = run("batch", src, tmp_path / "dest")
    assert proc.returncode == 1
    assert "story.txt: its output story.txt is also the output of story.html" in proc.stderr.decode()
    assert STORIES[1][1][0] in (tmp_path / "dest" / "story.txt").read_text()


def test_dest_is_src_is_refused(tree):
    before = snapshot(tree)
    proc = run("batch", tree, tree)
    assert proc.returncode == 2
    assert proc.stderr.decode() == "cleaner: error: DEST is SRC: outputs would overwrite the inputs; choose another DEST\n"
    assert snapshot(tree) == before


def test_dest_inside_src_is_left_out_of_the_walk(tree):
    dest = tree / "clean"
    assert run("batch", tree, dest).returncode == 0
    proc = run("batch", tree, dest)  # its outputs (.txt) would match the default globs
    assert proc.returncode == 0
    assert "5 files cleaned" in proc.stderr.decode()
    assert not (dest / "clean").exists()


def test_usage_errors_are_one_line(tmp_path):
    proc = run("batch", tmp_path / "missing", tmp_path / "dest")
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"cleaner: error: {tmp_path / 'missing'}: no such folder\n"
    (tmp_path / "file.txt").write_text(page(0))
    proc = run("batch", tmp_path / "file.txt", tmp_path / "dest")
    assert proc.returncode == 2 and "not a folder" in proc.stderr.decode()
    proc = run("batch", tmp_path, tmp_path / "dest", "--rules", tmp_path / "nope.toml")
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1


def test_interrupted_run_leaves_no_partial_file(tmp_path):
    src = tmp_path / "src"
    for site in ("gazette", "herald"):
        (src / site).mkdir(parents=True)
        for n in range(150):
            # Long pages, so that the run is still going when it is interrupted.
            (src / site / f"{n:03}.txt").write_text(page(n, site) * 20)
    dest = tmp_path / "dest"
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "batch", str(src), str(dest), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(dest.rglob("*.txt"))) < 3:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.decode() == "cleaner: interrupted; outputs written so far are complete (--resume finishes the run)\n"
    leftovers = [p.name for p in dest.rglob("*") if p.is_file() and not p.name.endswith(".txt")]
    assert leftovers == []
    written = outputs(dest)
    assert 3 <= len(written) < 120
    # Every output there is complete: --resume finishes the run, and the result is
    # what an uninterrupted run gives.
    assert run("batch", src, dest, "--resume").returncode == 0
    assert run("batch", src, tmp_path / "full").returncode == 0
    assert snapshot(dest) == snapshot(tmp_path / "full")


def test_templates_learn_each_folders_chrome(tmp_path):
    src = tmp_path / "src"
    (src / "gazette").mkdir(parents=True)
    for n in range(6):
        (src / "gazette" / f"{n}.txt").write_text(page(n, extra=[TAGLINE, ""]))
    (src / "other").mkdir()
    (src / "other" / "0.txt").write_text(page(0, extra=[TAGLINE, ""]))
    plain = run("batch", src, tmp_path / "plain")
    learned = run("batch", src, tmp_path / "learned", "--templates", "-j", 2)
    assert plain.returncode == learned.returncode == 0
    assert "templates of 1 folder" in learned.stderr.decode()
    for n in range(6):
        without = (tmp_path / "plain" / "gazette" / f"{n}.txt").read_text()
        with_templates = (tmp_path / "learned" / "gazette" / f"{n}.txt").read_text()
        assert TAGLINE in without
        assert TAGLINE not in with_templates
        assert all(p in with_templates for p in STORIES[n][1])
    # A folder of one page has no template to learn from.
    assert TAGLINE in (tmp_path / "learned" / "other" / "0.txt").read_text()


def test_library_run_reports_counts(tree, tmp_path):
    from cleaner import batch

    report = batch.run(tree, tmp_path / "dest", batch.Settings(Cleaner(detect_language=False)), progress=False)
    assert (report.cleaned, report.skipped, report.failed) == (5, 0, [])
    assert report.bytes == sum(p.stat().st_size for p in tree.rglob("*") if p.suffix in (".txt", ".html", ".htm", ".gz"))


def test_import_and_help_load_no_heavy_modules():
    code = ("import sys, cleaner, cleaner.cli\n"
            "from click.testing import CliRunner\n"
            "for args in (['--help'], ['batch', '--help'], ['jsonl', '--help']):\n"
            "    assert CliRunner().invoke(cleaner.cli.main, args).exit_code == 0\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'tqdm', 'bs4', 'lxml'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_site_chrome_in_pages_is_what_the_cleaner_removes():
    # The fixture pages are only useful if the cleaner separates their story from their chrome.
    c = Cleaner(detect_language=False)
    for site in SITES:
        text = c.clean(page(2, site)).text
        assert text.split("\n\n") == STORIES[2][1]
