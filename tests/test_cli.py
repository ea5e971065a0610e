"""The command line: formats, files, and a clear one-line error for each bad input."""

import gzip
import json
import os
import subprocess
import sys

import pytest

PAGE = ("Skip to main content\n\nCouncil approves new bridge over the river\n\n"
        "The city council voted on Tuesday to approve a new bridge across the river, ending a debate "
        "that has lasted for almost ten years in the town.\n\n"
        "The bridge will cost about 40 million dollars and should open in 2027, the mayor said after the vote.\n\n"
        "Follow us on Twitter\n")


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True, cwd=cwd)


def one_line_error(proc):
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("cleaner: error: "), err
    return err


def test_missing_file_is_a_usage_error(tmp_path):
    proc = run(str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    assert "no such file" in one_line_error(proc)


def test_directory_is_a_usage_error(tmp_path):
    proc = run(str(tmp_path))
    assert proc.returncode == 2
    assert "is a directory" in one_line_error(proc)


def test_binary_input_is_refused(tmp_path):
    f = tmp_path / "image.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    proc = run(str(f))
    assert proc.returncode == 1
    assert "binary" in one_line_error(proc)


def test_nul_bytes_are_refused():
    proc = run(stdin=b"some text\x00\x01\x02 with nul bytes \x00\x00\x00" * 10)
    assert proc.returncode == 1
    assert "binary" in one_line_error(proc)


def test_undecodable_input_is_refused():
    # Bytes no encoding explains: every other byte a C1 control in invalid UTF-8 runs.
    proc = run("--encoding", "utf-8", stdin=b"caf\xe9 \xff\xfe\xfd")
    assert proc.returncode == 1
    assert "not valid utf-8" in one_line_error(proc)


def test_unknown_encoding_name():
    proc = run("--encoding", "klingon", stdin=b"text")
    assert proc.returncode == 1
    assert "unknown encoding" in one_line_error(proc)


def test_corrupt_gzip_is_refused(tmp_path):
    f = tmp_path / "page.txt.gz"
    f.write_bytes(gzip.compress(PAGE.encode())[:30])
    proc = run(str(f))
    assert proc.returncode == 1
    assert "gzip" in one_line_error(proc)


def test_gzip_input_is_cleaned(tmp_path):
    f = tmp_path / "page.txt.gz"
    f.write_bytes(gzip.compress(PAGE.encode()))
    proc = run(str(f))
    assert proc.returncode == 0
    assert b"The bridge will cost" in proc.stdout


@pytest.mark.parametrize("data", [b"", b"\n\n   \r\n\t\n", b"\xef\xbb\xbf\n", gzip.compress(b"  \n")])
def test_empty_input_is_refused_in_one_line(data):
    proc = run(stdin=data)
    assert proc.returncode == 1 and proc.stdout == b""
    assert proc.stderr == b"cleaner: error: standard input: input is empty (nothing to clean)\n"


def test_a_page_of_chrome_only_gives_empty_output_and_success():
    proc = run(stdin=b"Home\nNews\nSport\n\nShare on Facebook\n")
    assert proc.returncode == 0 and proc.stderr == b""


@pytest.mark.parametrize("encoded", [
    PAGE.encode("utf-8"),
    b"\xef\xbb\xbf" + PAGE.encode("utf-8"),
    PAGE.replace("\n", "\r\n").encode("utf-8"),
    PAGE.replace("\n", "\r").encode("utf-8"),
    PAGE.encode("utf-16"),
])
def test_encodings_and_line_ends(encoded):
    proc = run(stdin=encoded)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert out.startswith("The city council voted on Tuesday")
    assert "Skip to main content" not in out and "\r" not in out


def test_latin1_is_detected():
    text = ("Le conseil municipal a approuvé mardi la construction d'un nouveau pont sur la rivière, "
            "mettant fin à un débat qui durait depuis près de dix ans dans la ville. ") * 3
    proc = run(stdin=("Nouveau pont\n\n" + text + "\n").encode("latin-1"))
    assert proc.returncode == 0, proc.stderr
    assert "approuvé" in proc.stdout.decode("utf-8")


def test_huge_line_is_cleaned():
    line = ("word " * 400_000).strip() + "."
    proc = run(stdin=("Title\n\n" + line + "\n").encode())
    assert proc.returncode == 0
    assert len(proc.stdout) > 1_000_000


def test_markdown_has_front_matter(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(PAGE)
    proc = run("--format", "markdown", str(f))
    assert proc.returncode == 0
    out = proc.stdout.decode()
    head, _, body = out.partition("\n---\n")
    assert head.startswith("---\ntitle: \"Council approves new bridge over the river\"")
    assert body.lstrip().startswith("The city council voted")


def test_output_file_is_written_and_input_never_overwritten(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(PAGE)
    out = tmp_path / "story.txt"
    assert run(str(f), "-o", str(out)).returncode == 0
    assert out.read_text().startswith("The city council")
    proc = run(str(f), "-o", str(f))
    assert proc.returncode == 2 and "refusing to overwrite" in one_line_error(proc)
    assert f.read_text() == PAGE
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_missing_rule_pack(tmp_path):
    proc = run("--rules", str(tmp_path / "none.toml"), stdin=PAGE.encode())
    assert proc.returncode == 2 and "rule pack not found" in one_line_error(proc)


def test_invalid_rule_pack_exit_code(tmp_path):
    pack = tmp_path / "bad.toml"
    pack.write_text("[[rules]]\nid = 'x'\nkind = 'banner'\n")
    proc = run("--rules", str(pack), stdin=PAGE.encode())
    assert proc.returncode == 3
    assert "unknown kind" in one_line_error(proc)


def test_bad_option_is_usage_error():
    proc = run("--format", "pdf", stdin=PAGE.encode())
    assert proc.returncode == 2


def test_version_and_help():
    assert run("--version").stdout.decode().startswith("cleaner, version ")
    help_text = run("--help").stdout.decode()
    assert "Examples:" in help_text and "Exit codes:" in help_text


def test_explain_json():
    proc = run("--explain", "--format", "json", stdin=PAGE.encode())
    rows = json.loads(proc.stdout)
    assert [r["keep"] for r in rows] == [False, False, True, True, False]
    assert rows[0]["rule"] == "nav.skip-link" and rows[0]["reason"]


def test_html_input_is_sniffed(tmp_path):
    html = ("<!DOCTYPE html><html><head><title>Council approves bridge | Town News</title></head><body>"
            "<nav><a href='/'>Home</a><a href='/news'>News</a></nav><article><h1>Council approves bridge</h1>"
            + "".join(f"<p>{p}</p>" for p in PAGE.split("\n\n")[2:4]) + "</article></body></html>")
    f = tmp_path / "page.dat"
    f.write_text(html)
    proc = run(str(f))
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("The city council voted")


def test_gzip_html_is_sniffed_as_html(tmp_path):
    html = ("<html><head><title>Bridge approved</title></head><body><nav><a href='/'>Home</a></nav><article>"
            "<h1>Bridge approved</h1><p>" + PAGE.split("\n\n")[2] + "</p><p>" + PAGE.split("\n\n")[3] + "</p>"
            "</article></body></html>")
    f = tmp_path / "page.html.gz"
    f.write_bytes(gzip.compress(html.encode()))
    proc = run(str(f))
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("The city council voted") and b"<p>" not in proc.stdout


def test_library_takes_any_line_ends():
    from cleaner import clean

    assert clean(PAGE.replace("\n", "\r")).text == clean(PAGE).text == clean(PAGE.replace("\n", "\r\n")).text


def test_favor_option_reaches_the_cleaner(tmp_path):
    from test_evidence import long_page

    last = "Contributing: Jane Doe, John Roe and Mary Major of the Daily Courier staff."
    page = tmp_path / "page.txt"
    page.write_text(long_page(bottom=[last, "", "Share on Facebook", "", "Ferry fares to rise in summer",
                                      "Town budget passes after long night", ""]),
                    encoding="utf-8")
    kept = {favor: last in run("--favor", favor, page).stdout.decode() for favor in ("balanced", "precision")}
    assert kept == {"balanced": True, "precision": False}
    assert run("--favor", "more", page).returncode == 2
