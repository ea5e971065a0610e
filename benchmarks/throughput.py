"""Pages and megabytes per second of `cleaner batch`, beside trafilatura's command line.

    python benchmarks/throughput.py [--corpora ../shared/corpora] [--pages 10000] [--jobs 1,2]

The scraped text of every corpus page (CORPORA/*/input/*.txt) is copied, again
and again, into a temporary folder outside the repository until there are
--pages pages; their raw HTML (CORPORA/*/html/*.html) likewise. Then, for each
number of processes, `cleaner batch TEXT OUT -j N` and
`trafilatura --input-dir HTML --output-dir OUT --parallel N` run over them,
timed from start to exit (start-up included), with the CPU time of the
command and its workers and the load average just before (other work on the
machine slows the runs down). The temporary folder is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def replicate(corpora: Path, pattern: str, pages: int, target: Path) -> int:
    """Copy the matching corpus files into target/copy-N/CORPUS/ until there are ``pages``; their bytes."""
    sources = sorted(corpora.glob(pattern))
    if not sources:
        raise SystemExit(f"no files match {corpora / pattern}")
    size = 0
    for i in range(pages):
        src = sources[i % len(sources)]
        folder = target / f"copy-{i // len(sources):03}" / src.parent.parent.name
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, folder / src.name)
        size += src.stat().st_size
    return size


def timed(cmd: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the command and its workers, and the files it wrote under cwd/out."""
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):  # 1: some pages failed, which the table still counts
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    written = sum(len(files) for _, _, files in os.walk(cwd / "out"))
    shutil.rmtree(cwd / "out", ignore_errors=True)
    return seconds, after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime, written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--jobs", default=f"1,{os.cpu_count()}", help="comma-separated process counts")
    ap.add_argument("--no-trafilatura", action="store_true", help="time the cleaner only")
    args = ap.parse_args()
    corpora = Path(args.corpora)
    jobs = sorted({int(j) for j in args.jobs.split(",")})
    trafilatura = None
    if not args.no_trafilatura:
        trafilatura = shutil.which("trafilatura", path=str(Path(sys.executable).parent)) or shutil.which("trafilatura")
        if not trafilatura:
            raise SystemExit("trafilatura is not installed (pip install '.[bench]'), or pass --no-trafilatura")

    with tempfile.TemporaryDirectory(prefix="cleaner-throughput.") as tmp:
        tmp = Path(tmp)
        text_bytes = replicate(corpora, "*/input/*.txt", args.pages, tmp / "text")
        html_bytes = replicate(corpora, "*/html/*.html", args.pages, tmp / "html") if trafilatura else 0
        rows = []
        for n in jobs:
            load = os.getloadavg()[0]
            rows.append(("cleaner batch", "text", n, text_bytes, load,
                         *timed([sys.executable, "-m", "cleaner", "batch", "text", "out", "-j", str(n)], tmp)))
            if trafilatura:
                # Not --keep-dirs, which writes nothing in trafilatura 2.3.1; it names outputs by a
                # hash of their text, so the copies of a page share one output file.
                load = os.getloadavg()[0]
                rows.append(("trafilatura", "HTML", n, html_bytes, load,
                             *timed([trafilatura, "--input-dir", "html", "--output-dir", "out",
                                     "--parallel", str(n)], tmp)))

    print(f"{args.pages:,} pages; {os.cpu_count()} cores on this machine\n")
    print("| command | input | processes | MB | seconds | CPU seconds | pages/s | MB/s | files written | load before |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    rate = {}
    for tool, kind, n, size, load, seconds, cpu, written in rows:
        rate[tool, n] = args.pages / seconds
        print(f"| {tool} | {kind} | {n} | {size / 1e6:,.0f} | {seconds:,.1f} | {cpu:,.1f} "
              f"| {args.pages / seconds:,.0f} | {size / 1e6 / seconds:,.2f} | {written:,} | {load:.2f} |")
    print()
    for n in jobs:
        if ("trafilatura", n) in rate:
            print(f"cleaner / trafilatura, pages per second with {n} process(es): "
                  f"{rate['cleaner batch', n] / rate['trafilatura', n]:.2f}x")
    if len(jobs) > 1:
        print(f"cleaner with {jobs[-1]} processes / with {jobs[0]}: "
              f"{rate['cleaner batch', jobs[-1]] / rate['cleaner batch', jobs[0]]:.2f}x")


if __name__ == "__main__":
    main()
