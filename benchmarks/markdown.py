"""Markdown input: the story from pages scraped as markdown, as Firecrawl, Jina Reader
or markdownify give them, beside the same markdown read as plain text.

    python benchmarks/markdown.py ../shared/corpora/*

For each corpus page the raw HTML (scripts and styles dropped) is turned into
markdown by markdownify (the `bench` extra), then cleaned twice: read as markdown
(``Cleaner.clean_markdown``, what ``cleaner`` does with such a file) and read as
plain text (``Cleaner.clean``, the markup left in). Figures use the metrics of
../shared/corpora/README.md: body F1 where the truth has a body, snippet F1 where
it has with/without snippets.
"""

from __future__ import annotations

import argparse
import sys
import warnings
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


def score(kind: str, pages: list[tuple[dict, str]]) -> dict:
    if kind == "body":
        return M.body_scores([(r["body"], text) for r, text in pages])
    return M.snippet_scores([M.snippet_counts(text, r["with"], r["without"]) for r, text in pages])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+", help="corpus folders (html/, truth.jsonl)")
    ap.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    args = ap.parse_args(argv)
    try:
        import markdownify  # noqa: F401
    except ImportError:
        print("markdownify is not installed (pip install '.[bench]')", file=sys.stderr)
        return 2
    import cleaner

    engine = cleaner.Cleaner()
    print("| corpus | pages | figure | read as markdown | read as plain text |")
    print("|---|---|---|---|---|")
    for folder in args.corpora:
        if not (Path(folder) / "truth.jsonl").is_file():
            continue
        records = M.load_corpus(folder)[:args.limit]
        kind = M.corpus_kind(records)
        as_md, as_text = [], []
        for r in records:
            md = page_markdown(r["html"].read_bytes())
            as_md.append((r, engine.clean_markdown(md).text))
            as_text.append((r, engine.clean(md).text))
        a, b = score(kind, as_md), score(kind, as_text)
        figure = "body F1" if kind == "body" else "snippet F1"
        print(f"| {Path(folder).name} | {len(records)} | {figure} | {a['f1']:.3f} "
              f"(P {a['precision']:.3f} R {a['recall']:.3f}) | {b['f1']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
