"""`cleaner jsonl`: record order, pass-through fields, gzip, malformed lines, bounded memory."""

import gzip
import json
import subprocess
import sys

import pytest

from cleaner import Cleaner, parallel
from pages import STORIES, html_page, page

TAGLINE = ("The Valley Gazette has reported on the towns of the valley since 1921, and its reporters "
           "cover the council, the courts and the schools every day of the year.")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "cleaner", "jsonl", *map(str, args)], input=stdin,
                          capture_output=True)


def records(n=24):
    """Records as a crawler dumps them: the page and fields of every kind around it."""
    out = []
    for i in range(n):
        site = ("gazette", "herald")[i % 2]
        out.append({"id": i, "url": f"https://www.{site}.example/news/{i}", "text": page(i, site),
                    "fetched": {"status": 200, "headers": {"content-type": "text/plain"}},
                    "tags": ["local", "ü-ñ-中"], "score": i / 7, "flag": i % 3 == 0, "none": None})
    return out


def lines(recs) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")


def parse(out: bytes) -> list:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_bytes(lines(records()))
    return path


def test_order_and_every_other_field_are_kept(dump):
    proc = run(dump, "-j", 2)
    assert proc.returncode == 0, proc.stderr
    out = parse(proc.stdout)
    originals = records()
    assert [r["id"] for r in out] == list(range(24))
    c = Cleaner()
    for got, original in zip(out, originals):
        assert {k: v for k, v in got.items() if k not in ("story", "meta")} == original
        article = c.clean(original["text"], original["url"])
        assert got["story"] == article.text == "\n\n".join(STORIES[got["id"] % len(STORIES)][1])
        assert got["meta"]["title"] == STORIES[got["id"] % len(STORIES)][0]
        assert set(got["meta"]) == {"title", "authors", "published", "source", "language", "dateline"}
    assert proc.stderr.decode().startswith("cleaner: 24 records cleaned in ")


def test_one_process_and_two_write_the_same_stream(dump):
    one, two = run(dump, "-j", 1), run(dump, "-j", 2)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == 24


def test_stdin_to_stdout_with_other_keys(dump):
    proc = run("-", "-o", "-", "--story-field", "text", "--no-meta", stdin=dump.read_bytes())
    assert proc.returncode == 0
    out = parse(proc.stdout)
    assert out[3]["text"] == "\n\n".join(STORIES[3][1]) and "meta" not in out[3] and "story" not in out[3]
    proc = run(dump, "--field", "text", "--meta-field", "about", "--story-field", "clean")
    assert parse(proc.stdout)[0]["about"]["title"] == STORIES[0][0]


def test_html_field(tmp_path):
    path = tmp_path / "html.jsonl"
    path.write_bytes(lines([{"html": html_page(i), "n": i} for i in range(3)]))
    proc = run(path, "--html-field", "html", "-j", 1)
    assert proc.returncode == 0
    out = parse(proc.stdout)
    assert [r["story"] for r in out] == ["\n\n".join(STORIES[i][1]) for i in range(3)]
    assert out[1]["html"] == html_page(1)


def test_gzip_in_and_out(dump, tmp_path):
    packed = tmp_path / "pages.jsonl.gz"
    packed.write_bytes(gzip.compress(dump.read_bytes()))
    target = tmp_path / "clean.jsonl.gz"
    proc = run(packed, "-o", target, "-j", 2)
    assert proc.returncode == 0 and proc.stdout == b""
    assert gzip.decompress(target.read_bytes()) == run(dump, "-j", 1).stdout
    # Compressed input on standard input is recognised by its content, too.
    assert run("-", stdin=packed.read_bytes()).stdout == run(dump).stdout


def test_malformed_lines_are_reported_and_passed_through(tmp_path):
    good = records(4)
    raw = (lines(good[:2]) + b'{"id": 2, "text": "unterminated\n' + b"[1, 2, 3]\n\n"
           + b'{"id": 4, "body": "no text field"}\n' + b'{"id": 5, "text": 42}\n' + lines(good[2:]))
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(raw)
    proc = run(path, "-j", 2)
    assert proc.returncode == 1
    err = proc.stderr.decode().splitlines()
    assert err[:4] == [
        "cleaner: line 3: not valid JSON (unterminated string at column 19); passed through",
        "cleaner: line 4: not a JSON object but an array; passed through",
        "cleaner: line 6: no 'text' field; passed through",
        "cleaner: line 7: field 'text' is a number, not a string; passed through",
    ]
    assert err[4].startswith("cleaner: 4 records cleaned, 4 failed (passed through) in ")
    out = proc.stdout.splitlines()
    assert len(out) == 8  # the blank line 5 is not a record
    assert out[2:6] == raw.splitlines()[2:4] + raw.splitlines()[5:7]
    assert [json.loads(line)["id"] for line in out[:2] + out[6:]] == [0, 1, 2, 3]
    assert all("story" in json.loads(line) for line in out[:2] + out[6:])


def test_malformed_lines_skipped_or_fatal(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(lines(records(2)) + b"not json\n" + lines(records(3)[2:]))
    proc = run(path, "--on-error", "skip")
    assert proc.returncode == 1
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == [0, 1, 2]
    assert "cleaner: line 3: not valid JSON (expecting value at column 1); skipped" in proc.stderr.decode()
    target = tmp_path / "out.jsonl"
    proc = run(path, "--on-error", "fail", "-o", target)
    assert proc.returncode == 1
    assert proc.stderr.decode() == ("cleaner: error: line 3: not valid JSON (expecting value at column 1); "
                                    "stopped (--on-error fail)\n")
    assert not target.exists() and list(tmp_path.iterdir()) == [path]  # no partial output either


def test_usage_errors_are_one_line(dump, tmp_path):
    for args, message in [
        ((tmp_path / "none.jsonl",), "no such file"),
        ((dump, "--field", "a", "--html-field", "b"), "not both"),
        ((dump, "-o", dump), "refusing to overwrite the input file"),
        ((dump, "-o", tmp_path / "missing" / "out.jsonl"), "no such folder"),
    ]:
        proc = run(*args)
        err = proc.stderr.decode()
        assert proc.returncode == 2 and err.count("\n") == 1 and err.startswith("cleaner: error: ")
        assert message in err


def test_templates_learned_per_host(tmp_path):
    recs = [{"url": f"https://www.gazette.example/{i}", "text": page(i, extra=[TAGLINE, ""])} for i in range(6)]
    recs.append({"url": "https://lone.example/a", "text": page(0, extra=[TAGLINE, ""])})
    path = tmp_path / "site.jsonl"
    path.write_bytes(lines(recs))
    plain = parse(run(path).stdout)
    learned = run("-", "--templates", "-j", 2, stdin=path.read_bytes())  # standard input is read twice
    assert learned.returncode == 0
    assert "templates of 1 host" in learned.stderr.decode()
    out = parse(learned.stdout)
    for i in range(6):
        assert TAGLINE in plain[i]["story"]
        assert out[i]["story"] == "\n\n".join(STORIES[i][1])
    assert TAGLINE in out[6]["story"]  # one page of its host: nothing to learn


def test_in_flight_window_bounds_what_is_read_ahead():
    pulled = []

    def tasks():
        for i in range(100):
            pulled.append(i)
            yield (i,)

    with parallel.running(None, 2) as run_:
        for taken, result in enumerate(parallel.ordered(run_, _square, tasks(), window=5)):
            assert result == taken * taken
            assert len(pulled) - taken <= 5


def _square(state, i):
    return i * i
