"""Other shapes of scraped text: markdown and browser dumps wrapped at 80 columns.

    python benchmarks/formats.py ../shared/corpora/*

The corpora's input is the text html-text prints. Users also hold pages as
markdown (Firecrawl, Jina Reader, markdownify) and as text dumps of a browser
(w3m, lynx), wrapped at a fixed width. For each corpus page this makes both from
the raw HTML and cleans them:

    markdown        markdownify (the `bench` extra), scripts and styles dropped;
                    cleaned as markdown (what `cleaner page.md` does), and, to
                    compare, as plain text with its markup left in
    w3m -dump       `w3m -dump -cols 80` (a system package; skipped when missing);
                    cleaned as the command line cleans it

Figures use the metrics of ../shared/corpora/README.md: body F1 where the truth has
a body, snippet F1 where it has with/without snippets.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import warnings
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import metrics as M  # noqa: E402


def page_markdown(html: bytes) -> str:
    from bs4 import BeautifulSoup
    from markdownify import markdownify

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "lxml")
    for node in soup(["script", "style", "noscript", "template"]):
        node.decompose()
    return markdownify(str(soup), heading_style="ATX")


def page_dump(path: Path) -> str:
    args = ["w3m", "-dump", "-T", "text/html", "-cols", "80", "-I", "UTF-8", "-O", "UTF-8", str(path)]
    return subprocess.run(args, capture_output=True, timeout=60).stdout.decode("utf-8", "replace")


def score(kind: str, pages: list[tuple[dict, str]]) -> str:
    if kind == "body":
        s = M.body_scores([(r["body"], text) for r, text in pages])
    else:
        s = M.snippet_scores([M.snippet_counts(text, r["with"], r["without"]) for r, text in pages])
    return f"{s['f1']:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+", help="corpus folders (html/, truth.jsonl)")
    ap.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    args = ap.parse_args(argv)
    import cleaner

    engine = cleaner.Cleaner()
    columns = {}
    try:
        import markdownify  # noqa: F401

        markdown = lru_cache(maxsize=1)(lambda path: page_markdown(path.read_bytes()))  # made once, read twice
        columns["markdown"] = lambda r: engine.clean_markdown(markdown(r["html"])).text
        columns["markdown read as plain text"] = lambda r: engine.clean(markdown(r["html"])).text
    except ImportError:
        print("markdown skipped: markdownify is not installed (pip install '.[bench]')", file=sys.stderr)
    if shutil.which("w3m"):
        columns["w3m -dump"] = lambda r: engine.clean_bytes(page_dump(r["html"]).encode("utf-8")).text
    else:
        print("w3m -dump skipped: w3m is not installed", file=sys.stderr)
    if not columns:
        return 2
    print("| corpus | figure | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for folder in args.corpora:
        if not (Path(folder) / "truth.jsonl").is_file():
            continue
        records = M.load_corpus(folder)[:args.limit]
        kind = M.corpus_kind(records)
        outputs = {name: [] for name in columns}
        for r in records:  # page by page, so that each page's markdown is made once
            for name, clean in columns.items():
                outputs[name].append((r, clean(r)))
        figures = [score(kind, pages) for pages in outputs.values()]
        figure = "body F1" if kind == "body" else "snippet F1"
        print(f"| {Path(folder).name} | {figure} | " + " | ".join(figures) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
