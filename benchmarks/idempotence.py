"""Does cleaning a page's story again return it? Counted on the corpus pages.

    python benchmarks/idempotence.py [--input text|html|both] [--show N] CORPUS [CORPUS ...]

Each page is cleaned (its scraped text, or its HTML with --input html), then
the story is cleaned again as text; the page counts as settled when the second
story equals the first. --show N prints the first N pages that did not settle,
with the paragraphs the second cleaning dropped or changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from metrics import load_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--input", choices=("text", "html", "both"), default="both")
    ap.add_argument("--show", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)

    from cleaner import Cleaner

    cleaner = Cleaner()
    modes = ("text", "html") if args.input == "both" else (args.input,)
    shown = 0
    print(f"{'corpus':14s} {'input':5s} {'pages':>6s} {'settled':>8s} {'share':>7s}")
    for folder in args.corpora:
        if not (folder / "truth.jsonl").is_file():
            continue  # README.md and the like, from ../shared/corpora/*
        records = load_corpus(folder)
        for mode in modes:
            settled = total = 0
            for r in records:
                if mode == "html":
                    if not r["html"].exists():
                        continue
                    story = cleaner.clean_html(r["html"].read_bytes()).text
                else:
                    story = cleaner.clean(r["input"].read_text(encoding="utf-8")).text
                again = cleaner.clean(story).text
                total += 1
                settled += again == story
                if again != story and shown < args.show:
                    shown += 1
                    first, second = story.split("\n\n"), again.split("\n\n")
                    print(f"  {folder.name}/{r['id']} ({mode}): dropped or changed "
                          f"{[p[:70] for p in first if p not in second][:3]}")
            if total:
                print(f"{folder.name:14s} {mode:5s} {total:6d} {settled:8d} {settled / total:7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
