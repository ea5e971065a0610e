"""What learning site templates does, on a corpus where several pages share a site.

    python benchmarks/templates.py [--corpora ../shared/corpora] [--pages-per-site 8]

The development corpora hold at most two pages per site, so sites are made from
them: the chrome of one real page (what its scraped text has before the first
and after the last paragraph of its true body) is wrapped around the stories of
other pages, a site of --pages-per-site pages per donor page. Every page of a
site then shares its donor's menus and footers exactly, as pages of one
template do (real sites also vary their teaser lists, so this is the effect at
its clearest). `cleaner batch` cleans the sites, one folder each, without and
with --templates, and the body scores of metrics.py compare the outputs with
the true bodies.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from metrics import body_scores, fold, load_corpus

ROOT = Path(__file__).resolve().parent.parent


def split_page(text: str, body: str) -> tuple[list[str], list[str], list[str]] | None:
    """(chrome before, story lines, chrome after) of a scraped page, by where its
    true body's first and last paragraphs are; None when they cannot be found."""
    lines = text.split("\n")
    folded = [fold(line) for line in lines]
    paragraphs = [fold(p) for p in body.split("\n") if p.strip()]
    if len(paragraphs) < 2:
        return None
    head, tail = paragraphs[0][:60], paragraphs[-1][-60:]
    start = next((i for i, line in enumerate(folded) if line and head.startswith(line[:60])), None)
    end = next((i for i in range(len(folded) - 1, -1, -1) if folded[i] and folded[i].endswith(tail)), None)
    if start is None or end is None or end <= start:
        return None
    return lines[:start], lines[start:end + 1], lines[end + 1:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--pages-per-site", type=int, default=8)
    ap.add_argument("--jobs", default=None)
    args = ap.parse_args()

    pages = []
    for name in ("scrapinghub", "readability"):
        for rec in load_corpus(Path(args.corpora) / name):
            parts = split_page(rec["input"].read_text(encoding="utf-8"), rec.get("body") or "")
            if parts:
                pages.append((rec["body"], *parts))
    donors = [p for p in pages if len([x for x in p[1] + p[3] if x.strip()]) >= 5]
    k = args.pages_per_site

    with tempfile.TemporaryDirectory(prefix="cleaner-templates.") as tmp:
        tmp = Path(tmp)
        truths = {}
        for s, (_, before, _, after) in enumerate(donors):
            site = tmp / "sites" / f"site-{s:03}"
            site.mkdir(parents=True)
            for j in range(k):
                body, _, story, _ = pages[(s + 1 + j) % len(pages)]
                rel = f"site-{s:03}/page-{j}.txt"
                (tmp / "sites" / rel).write_text("\n".join(before + story + after), encoding="utf-8")
                truths[rel] = body
        jobs = ["-j", args.jobs] if args.jobs else []
        rows = []
        for label, extra in (("without templates", []), ("with --templates", ["--templates"])):
            out = tmp / label.replace(" ", "-")
            subprocess.run([sys.executable, "-m", "cleaner", "batch", str(tmp / "sites"), str(out), *jobs, *extra],
                           check=True, capture_output=True)
            pairs = [(truth, (out / rel).read_text(encoding="utf-8")) for rel, truth in sorted(truths.items())]
            rows.append((label, body_scores(pairs)))

    print(f"{len(donors)} sites of {k} pages ({len(truths)} pages), chrome from scrapinghub and readability pages\n")
    print("| cleaner batch | body precision | body recall | body F1 |")
    print("|---|---|---|---|")
    for label, s in rows:
        print(f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")


if __name__ == "__main__":
    main()
