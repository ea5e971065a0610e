"""Wall time of `cleaner < seed` beside `python -c pass`: does the CLI feel instant in a pipe?

    python benchmarks/startup.py [--runs 20] [--page examples/seed-article.txt]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(cmd: list[str], stdin: bytes, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--page", default=str(ROOT / "examples" / "seed-article.txt"))
    args = ap.parse_args()
    page = Path(args.page).read_bytes()
    exe = shutil.which("cleaner", path=str(Path(sys.executable).parent)) or shutil.which("cleaner")
    cleaner_cmd = [exe] if exe else [sys.executable, "-m", "cleaner"]
    rows = [
        ("python -c pass", [sys.executable, "-c", "pass"], b""),
        ("python -c 'import cleaner'", [sys.executable, "-c", "import cleaner"], b""),
        ("cleaner < page", cleaner_cmd, page),
        ("cleaner --format json < page", cleaner_cmd + ["--format", "json"], page),
    ]
    print(f"{'command':<32} {'median ms':>10} {'min ms':>8}   ({args.runs} runs)")
    for label, cmd, stdin in rows:
        times = wall(cmd, stdin, args.runs)
        print(f"{label:<32} {statistics.median(times) * 1000:>10.0f} {min(times) * 1000:>8.0f}")


if __name__ == "__main__":
    main()
