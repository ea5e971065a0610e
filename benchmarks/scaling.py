"""Time to clean inputs of 1, 4 and 16 units of size: does it grow linearly?

    python benchmarks/scaling.py [--shapes text,line,word,lines,nested] [--scale 1.0]

Shapes, each at 1/16, 1/4 and 1 of its full size (--scale multiplies them all):

  text    a text file of scraped pages, one after another: 50 MB
  line    a single line of prose: 20 MB
  word    a single line without a space (one 20 MB word)
  lines   a million one-word lines
  nested  100,000 nested HTML elements around a paragraph

The inputs are written to a temporary folder (removed at the end), never to
the repository. The text file is made of the corpus pages (--corpora, the
scraped text in CORPORA/*/input/), or of tests/pages.py's pages without them.
Each input is cleaned in a fresh process, from its bytes as the command line
reads them (``Cleaner.clean_bytes``: decoding, HTML sniffing, every stage);
the time excludes start-up (a first call on the input's first 2,000 bytes
loads what is loaded lazily), and the peak memory is that process's. The last
column is the CPU time over the CPU time for the size before it: 4 for linear
growth. CPU time, because wall time also counts whatever else the machine runs
meanwhile; both are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
PROSE = ("The city council voted on Tuesday to approve a new bridge across the river, ending a debate that has "
         "lasted for almost ten years, and the mayor said the old ferry would keep running until it opens. ")
SHAPES = {
    "text": ("a text file of pages", 50 * MB),
    "line": ("a single line of prose", 20 * MB),
    "word": ("a single word", 20 * MB),
    "lines": ("one-word lines", 1_000_000),
    "nested": ("nested HTML elements", 100_000),
}
CHILD = """
import json, resource, sys, time
from cleaner import Cleaner
cleaner = Cleaner(detect_language=False)
data = open(sys.argv[1], "rb").read()
cleaner.clean_bytes(data[:2000])  # imports and tables loaded before the clock starts
started, cpu = time.perf_counter(), time.process_time()
article = cleaner.clean_bytes(data)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
try:  # this process's own peak: ru_maxrss keeps the parent's across fork and exec
    peak = next(int(l.split()[1]) * 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak": peak, "story": len(article.text)}))
"""


def pages(corpora: Path) -> list[bytes]:
    found = sorted(corpora.glob("*/input/*.txt")) if corpora.is_dir() else []
    if found:
        return [p.read_bytes() for p in found]
    sys.path.insert(0, str(ROOT / "tests"))
    from pages import STORIES, page  # noqa: E402

    return [page(i, site).encode() for i in range(len(STORIES)) for site in ("gazette", "herald")]


def write(shape: str, size: int, path: Path, corpus: list[bytes]) -> None:
    """The input of ``shape`` at ``size`` (bytes, lines or elements) into ``path``."""
    with open(path, "wb") as out:
        if shape == "text":
            written, i = 0, 0
            while written < size:
                chunk = corpus[i % len(corpus)] + b"\n\n"
                out.write(chunk)
                written += len(chunk)
                i += 1
        elif shape == "line":
            unit = PROSE.encode()
            out.write(unit * (size // len(unit)) + b"\n")
        elif shape == "word":
            out.write(b"a" * size + b"\n")
        elif shape == "lines":
            out.write(b"".join(b"word%d\n" % (i % 1000) for i in range(size)))
        elif shape == "nested":
            out.write(b"<!doctype html><html><body>" + b"<div>" * size + b"<p>" + PROSE.encode() * 5 + b"</p>"
                      + b"</div>" * size + b"</body></html>\n")


def measure(path: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, cwd=ROOT, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"cleaning {path} failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated, of: " + ", ".join(SHAPES))
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.25: a quick run)")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = set(shapes) - set(SHAPES)
    if unknown:
        parser.error(f"unknown shape(s): {', '.join(sorted(unknown))}")
    corpus = pages(args.corpora)
    work = Path(tempfile.mkdtemp(prefix="cleaner-scaling-"))
    print(f"python benchmarks/scaling.py --shapes {','.join(shapes)} --scale {args.scale:g}")
    print(f"load average before: {os.getloadavg()[0]:.2f}\n")
    print("| input | size | MB | seconds | CPU seconds | MB per CPU second | peak memory "
          "| CPU time / CPU time of the size before |")
    print("|---|---|---|---|---|---|---|---|")
    try:
        for shape in shapes:
            name, full = SHAPES[shape]
            before = None
            for part in (16, 4, 1):
                size = max(1, int(full * args.scale / part))
                path = work / f"{shape}-{size}"
                write(shape, size, path, corpus)
                mb = path.stat().st_size / MB
                result = measure(path)
                path.unlink()
                cpu = result["cpu"]
                ratio = f"{cpu / before:.1f}" if before else ""
                label = f"{mb:,.1f} MB" if shape in ("text", "line", "word") else f"{size:,}"
                print(f"| {name} | {label} | {mb:,.1f} | {result['seconds']:.2f} | {cpu:.2f} | {mb / cpu:.2f} | "
                      f"{result['peak'] / 2**20:,.0f} MiB | {ratio} |", flush=True)
                before = cpu
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
