"""On a real local Dask cluster (worker processes), results equal the single-process path."""

import json
import subprocess
import sys

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.dask import clean_bag, clean_column  # noqa: E402
from pages import STORIES, html_page, page  # noqa: E402

TEXTS = [page(n, site) for n in range(6) for site in ("gazette", "herald")]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def test_bag_of_texts_equals_one_process(client):
    got = clean_bag(db.from_sequence(TEXTS, npartitions=4)).compute()
    c = Cleaner()
    assert got == [c.clean(t).to_dict(removed=False) for t in TEXTS]
    assert got[2]["text"] == "\n\n".join(STORIES[1][1])


def test_bag_of_html_pages_with_a_cleaner_of_ones_own(client, tmp_path):
    pack = tmp_path / "house.toml"
    pack.write_text('[[rules]]\nid = "house.bank"\nkind = "chrome"\ndescription = "East bank sentences."\n'
                    'pattern = \'\'\'Residents on the east bank.*\'\'\'\n'
                    'examples.match = ["Residents on the east bank agree."]\n'
                    'examples.no_match = ["The bridge will open."]\n')
    mine = Cleaner([pack])
    pages = [html_page(n) for n in range(4)]
    got = clean_bag(db.from_sequence(pages, npartitions=2), mine, html=True, removed=True).compute()
    assert got == [mine.clean_html(p).to_dict() for p in pages]
    assert "east bank" not in got[0]["text"] and any(r["rule"] == "house.bank" for r in got[0]["removed"])


def test_dataframe_column_equals_one_process(client):
    frame = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS,
                          "url": [f"https://{n}.example/a" for n in range(len(TEXTS))]})
    frame.loc[3, "text"] = None
    out = clean_column(dd.from_pandas(frame, npartitions=3), "text", url_column="url").compute()
    c = Cleaner()
    want = [c.clean(t if isinstance(t, str) else "", u) for t, u in zip(frame["text"], frame["url"])]
    assert list(out["id"]) == list(range(len(TEXTS)))
    assert list(out["story"]) == [a.text for a in want]
    for name in ("title", "published", "source", "language", "dateline"):
        assert [None if pd.isna(v) else v for v in out[name]] == [getattr(a, name) for a in want]  # None is NaN there
    assert [list(a) for a in out["authors"]] == [a.authors for a in want]
    assert out.loc[3, "story"] == ""


def test_jsonl_stream_on_the_cluster_equals_local(client, tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps({"n": i, "url": f"https://gazette.example/{i}", "text": t}) + "\n"
                            for i, t in enumerate(TEXTS)) + "not json\n")
    address = client.scheduler.address
    remote = subprocess.run([sys.executable, "-m", "cleaner", "jsonl", str(path), "--scheduler", address],
                            capture_output=True)
    local = subprocess.run([sys.executable, "-m", "cleaner", "jsonl", str(path), "-j", "1"], capture_output=True)
    assert remote.returncode == local.returncode == 1  # the last line is reported and passed through
    assert remote.stdout == local.stdout
    assert remote.stdout.count(b"\n") == len(TEXTS) + 1
    assert "line 13: not valid JSON" in remote.stderr.decode()


def test_unreachable_scheduler_is_a_one_line_usage_error(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"text": TEXTS[0]}) + "\n")
    proc = subprocess.run([sys.executable, "-m", "cleaner", "jsonl", str(path), "--scheduler", "tcp://127.0.0.1:9"],
                          capture_output=True, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.startswith("cleaner: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9") and err.count("\n") == 1
