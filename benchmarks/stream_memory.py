"""Peak memory of `cleaner jsonl` on long streams: does it stay flat as the stream grows?

    python benchmarks/stream_memory.py [--corpora ../shared/corpora] [--sizes 0.25,1] [--jobs 2]

For each size (in GB), a JSON Lines stream is written to a temporary folder
outside the repository: one record per corpus page, round and round, each with
an id, a url, the scraped text ("text", which is cleaned) and the raw HTML
("html", passed through), as crawl dumps keep both. `cleaner jsonl IN -o OUT`
then runs while the resident memory of it and its workers is sampled every
50 ms (needs psutil).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from metrics import load_corpus

ROOT = Path(__file__).resolve().parent.parent


def write_stream(corpora: Path, path: Path, size: int) -> int:
    pages = []
    for folder in sorted(p for p in corpora.iterdir() if (p / "truth.jsonl").exists()):
        for rec in load_corpus(folder):
            pages.append((rec.get("url"), rec["input"].read_text(encoding="utf-8"),
                          rec["html"].read_text(encoding="utf-8", errors="replace")))
    written = n = 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < size:
            url, text, html = pages[n % len(pages)]
            line = json.dumps({"id": n, "url": url, "text": text, "html": html}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def peak_rss(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak resident bytes of the whole process tree, and of the parent alone."""
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = peak_main = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            sizes = []
            for p in tree:
                try:
                    sizes.append(p.memory_info().rss)
                except psutil.NoSuchProcess:
                    pass
            peak_tree = max(peak_tree, sum(sizes))
            peak_main = max(peak_main, sizes[0] if sizes else 0)
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-500:]}")
    return seconds, peak_tree, peak_main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--sizes", default="0.25,1", help="stream sizes in GB, comma-separated")
    ap.add_argument("--jobs", default=str(os.cpu_count()))
    args = ap.parse_args()
    rows = []
    for gb in (float(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="cleaner-stream.") as tmp:
            stream = Path(tmp) / "stream.jsonl"
            records = write_stream(Path(args.corpora), stream, int(gb * 1e9))
            size = stream.stat().st_size
            seconds, tree, main_ = peak_rss([sys.executable, "-m", "cleaner", "jsonl", str(stream),
                                             "-o", str(Path(tmp) / "out.jsonl"), "-j", args.jobs])
            rows.append((size, records, seconds, tree, main_))
    print(f"cleaner jsonl IN -o OUT -j {args.jobs}\n")
    print("| stream | records | seconds | records/s | MB/s | peak memory, all processes | peak memory, parent |")
    print("|---|---|---|---|---|---|---|")
    for size, records, seconds, tree, main_ in rows:
        print(f"| {size / 1e9:.2f} GB | {records:,} | {seconds:,.0f} | {records / seconds:,.0f} "
              f"| {size / 1e6 / seconds:,.1f} | {tree / 2**20:,.0f} MiB | {main_ / 2**20:,.0f} MiB |")


if __name__ == "__main__":
    main()
