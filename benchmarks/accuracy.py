"""Accuracy and speed of the cleaner beside other extractors, on the evaluation corpora.

    python benchmarks/accuracy.py ../shared/corpora/*
    python benchmarks/accuracy.py --systems cleaner,none --limit 20 ../shared/corpora/scrapinghub
    python benchmarks/accuracy.py --input both --show-worst 5 --json out.json ../shared/corpora/*

Corpus folders are laid out as ../shared/corpora/README.md describes, and scored with its
metrics (benchmarks/metrics.py): body F1 with precision and recall where the truth has a
`body`, snippet F1 where it has `with`/`without`, and title / author / date accuracy where
the truth has those fields ("n/a": the system gives no such field).

Systems (--systems takes ids or their first part: `trafilatura` picks both inputs):

    cleaner            the cleaner on input/<id>.txt   (--input text, the default, or both)
    cleaner-html       the cleaner on html/<id>.html   (--input html or both)
    none               no cleaning: the input text itself
    trafilatura-html   trafilatura.extract on the raw HTML, with its metadata
    trafilatura-text   trafilatura on the input text, one <p> per line
    justext-html       jusText on the raw HTML
    justext-text       jusText on the input text, one <p> per line
    readability-html   readability-lxml on the raw HTML: summary() as text, short_title()

Peers come from the `bench` extra (pip install '.[bench]'); one that is not installed is
skipped with a note. A page on which a system raises counts as an error and as empty output.

Speed is pages per second of the time spent inside each system's extract call only
(reading files, building the input and converting the output are not timed), after one
untimed warm-up call, since some systems load models on first use.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
# The checkout this file lives in, ahead of any installed cleaner.
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "benchmarks"))

import metrics as M  # noqa: E402

FIELDS = ("title", "author", "date")
WORST_LINES = 4      # lines of LOST / LEAKED shown per page
LINE_CHARS = 110     # each truncated to this


# --- pages and outputs -------------------------------------------------------------

@dataclass
class Page:
    id: str
    url: str | None
    truth: dict
    text: str
    html: bytes

    @property
    def html_text(self) -> str:
        return self.html.decode("utf-8", errors="replace")


@dataclass
class Output:
    """What a system gave for one page; metadata stays None when it gives none."""

    text: str = ""
    title: str | None = None
    author: str | list[str] | None = None
    date: str | None = None


@dataclass
class Corpus:
    name: str
    kind: str  # 'body' or 'snippets', as metrics.corpus_kind says
    pages: list[Page]


def load(folder: str, limit: int | None) -> Corpus:
    records = M.load_corpus(folder)[:limit]
    pages = [
        Page(
            id=r["id"],
            url=r.get("url"),
            truth={k: v for k, v in r.items() if k not in ("input", "html")},
            text=r["input"].read_text(encoding="utf-8"),
            html=r["html"].read_bytes(),
        )
        for r in records
    ]
    return Corpus(Path(folder).name, M.corpus_kind(records), pages)


def lines_as_html(text: str) -> str:
    """The input text as HTML, one <p> per non-empty line, for tools that read only HTML."""
    paras = (f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    return "<html><body>" + "\n".join(paras) + "</body></html>"


# --- systems -------------------------------------------------------------------------

@dataclass
class System:
    """call(page) builds, untimed, the thunk whose run is timed; finish turns its result into Output.

    fields: the metadata it gives; timed: False for a system that does no work.
    """

    id: str
    label: str
    fields: tuple[str, ...]
    call: Callable[[Page], Callable[[], object]]
    finish: Callable[[object], Output] = lambda raw: Output(text=raw or "")
    timed: bool = True


def cleaner_systems(modes: list[str], favor: str = "balanced") -> list[System]:
    import cleaner

    engine = cleaner.Cleaner(favor=favor)  # built once, outside timing

    def finish(article) -> Output:
        return Output(article.text, article.title, list(article.authors), article.published)

    systems = []
    if "text" in modes:
        systems.append(System("cleaner", "cleaner", FIELDS, lambda p: partial(engine.clean, p.text, p.url), finish))
    if "html" in modes:
        systems.append(System("cleaner-html", "cleaner (html)", FIELDS,
                              lambda p: partial(engine.clean_html, p.html, p.url), finish))
    return systems


def none_systems() -> list[System]:
    return [System("none", "no cleaning", (), lambda p: lambda: p.text, timed=False)]


def trafilatura_systems() -> list[System]:
    import trafilatura

    def call(source: Callable[[Page], str]):
        return lambda p: partial(trafilatura.extract, source(p), output_format="json", with_metadata=True, url=p.url)

    def finish(raw) -> Output:
        data = json.loads(raw) if raw else {}
        return Output(data.get("text") or "", data.get("title"), data.get("author"), data.get("date"))

    return [
        System("trafilatura-html", "trafilatura (html)", FIELDS, call(lambda p: p.html_text), finish),
        System("trafilatura-text", "trafilatura (text)", FIELDS, call(lambda p: lines_as_html(p.text)), finish),
    ]


def justext_systems() -> list[System]:
    import justext

    # jusText needs the page's language; the corpora mix many, so each page gets the
    # stoplist that covers most of its words (inside the timed call: it is jusText's cost).
    stoplists = {lang: frozenset(justext.get_stoplist(lang)) for lang in justext.get_stoplists()}
    markup = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
    word = re.compile(r"\w+")

    def run(page_html: str) -> str:
        words = Counter(w.lower() for w in word.findall(markup.sub(" ", page_html)))
        lang = max(stoplists, key=lambda name: sum(n for w, n in words.items() if w in stoplists[name]))
        paragraphs = justext.justext(page_html, stoplists[lang])
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return [
        System("justext-html", "jusText (html)", (), lambda p: partial(run, p.html_text)),
        System("justext-text", "jusText (text)", (), lambda p: partial(run, lines_as_html(p.text))),
    ]


def readability_systems() -> list[System]:
    import lxml.html
    from readability import Document

    def run(page_html: str, url: str | None):
        doc = Document(page_html, url=url)
        return doc.summary(html_partial=True), doc.short_title()

    def finish(raw) -> Output:
        summary, title = raw
        return Output(html_to_text(lxml.html, summary), title)

    return [System("readability-html", "readability (html)", ("title",), lambda p: partial(run, p.html_text, p.url), finish)]


_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
               "td", "th", "dt", "dd", "figcaption", "section", "article", "table", "ul", "ol"}


def html_to_text(lxml_html, fragment: str) -> str:
    """Text of an HTML fragment with a line break after each block, so words never fuse."""
    if not fragment.strip():
        return ""
    tree = lxml_html.fromstring(fragment)
    for el in tree.iter():
        if el.tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    return tree.text_content().strip()


PEERS: dict[str, Callable[[], list[System]]] = {
    "none": none_systems,
    "trafilatura": trafilatura_systems,
    "justext": justext_systems,
    "readability": readability_systems,
}
ALL_IDS = ("cleaner", "cleaner-html", "none", "trafilatura-html", "trafilatura-text", "justext-html",
           "justext-text", "readability-html")


def wanted(system_id: str, names: list[str] | None) -> bool:
    return names is None or any(system_id == n or system_id.startswith(n + "-") for n in names)


def build_systems(names: list[str] | None, modes: list[str], notes: list[str],
                  favor: str = "balanced") -> list[System]:
    """The chosen systems, cleaner first; a family whose package is missing is noted and skipped."""
    systems: list[System] = []
    for family, make in {"cleaner": partial(cleaner_systems, modes, favor), **PEERS}.items():
        if not any(wanted(i, names) for i in ALL_IDS if i.split("-")[0] == family):
            continue  # not asked for: do not even import it
        try:
            systems += make()
        except ImportError as exc:
            notes.append(f"{family} skipped: cannot import {exc.name or exc} (pip install '.[bench]')")
    return [s for s in systems if wanted(s.id, names)]


# --- running -------------------------------------------------------------------------

@dataclass
class Run:
    outputs: list[Output] = field(default_factory=list)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # "id: ExcName: message"


def run_system(system: System, pages: list[Page], warm: set[str]) -> Run:
    if system.id not in warm and pages:
        try:  # untimed: first calls load models and caches
            system.call(pages[0])()
        except Exception:
            pass
        warm.add(system.id)
    run = Run()
    for page in pages:
        thunk = system.call(page)
        start = time.perf_counter()
        try:
            raw = thunk()
        except Exception as exc:  # a peer failing on one page must not end the run
            run.seconds += time.perf_counter() - start
            run.errors.append(f"{page.id}: {type(exc).__name__}: {str(exc)[:100]}")
            run.outputs.append(Output())
            continue
        run.seconds += time.perf_counter() - start
        try:
            run.outputs.append(system.finish(raw))
        except Exception as exc:
            run.errors.append(f"{page.id}: {type(exc).__name__} reading the output: {str(exc)[:100]}")
            run.outputs.append(Output())
    return run


# --- scoring -------------------------------------------------------------------------

def has_field(truth: dict, name: str) -> bool:
    return truth.get(name) not in (None, "", [])


def pr_f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def page_figures(corpus: Corpus, outputs: list[Output]) -> list[dict]:
    """Per-page precision / recall / F1 (and snippet counts) plus metadata matches."""
    rows = []
    for page, out in zip(corpus.pages, outputs):
        if corpus.kind == "body":
            p, r = M.page_pr(page.truth["body"], out.text)
            row = {"id": page.id}
        else:
            tp, fp, fn = M.snippet_counts(out.text, page.truth["with"], page.truth["without"])
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            row = {"id": page.id, "tp": tp, "fp": fp, "fn": fn}
        row.update(precision=p, recall=r, f1=pr_f1(p, r))
        for name in FIELDS:
            if has_field(page.truth, name):
                row[name] = M.meta_match(name, page.truth[name], getattr(out, name))
        rows.append(row)
    return rows


def score(corpus: Corpus, system: System, run: Run) -> dict:
    truths = [p.truth for p in corpus.pages]
    if corpus.kind == "body":
        figures = M.body_scores([(t["body"], o.text) for t, o in zip(truths, run.outputs)])
    else:
        figures = M.snippet_scores([M.snippet_counts(o.text, t["with"], t["without"])
                                    for t, o in zip(truths, run.outputs)])
    meta = {}
    for name in FIELDS:
        pairs = [(t[name], getattr(o, name)) for t, o in zip(truths, run.outputs) if has_field(t, name)]
        if not pairs:
            continue  # the corpus has no truth for it: no column
        hits = sum(M.meta_match(name, t, o) for t, o in pairs) if name in system.fields else None
        meta[name] = {"accuracy": None if hits is None else hits / len(pairs), "n": len(pairs)}
    n = len(corpus.pages)
    return {
        "label": system.label,
        **figures,
        "meta": meta,
        "pages": n,
        "seconds": run.seconds,
        "pages_per_s": n / run.seconds if system.timed and run.seconds else None,
        "errors": len(run.errors),
        "error_examples": run.errors[:5],
    }


# --- showing the worst pages ---------------------------------------------------------

def covered(line: str, other: str, cache: dict) -> bool:
    """Whether most of a line's shingles occur in the other text (short lines: all their words, in order)."""
    n = min(4, len(M.shingles(line, 1)))
    if n == 0:
        return True
    mine = M.shingles(line, n)
    if n not in cache:
        cache[n] = M.shingles(other, n)
    found = sum(c for s, c in mine.items() if s in cache[n])
    return found >= 0.5 * sum(mine.values())


def missing_lines(text: str, other: str) -> list[str]:
    cache: dict = {}
    return [line.strip() for line in text.splitlines() if line.strip() and not covered(line, other, cache)]


def clip(items: list[str]) -> list[str]:
    shown = [s if len(s) <= LINE_CHARS else s[:LINE_CHARS - 1] + "…" for s in items[:WORST_LINES]]
    if len(items) > WORST_LINES:
        shown.append(f"… {len(items) - WORST_LINES} more")
    return shown


def page_diff(kind: str, page: Page, out: Output) -> tuple[list[str], list[str]]:
    """(lost, leaked): truth the output misses, and output the truth does not have."""
    if kind == "snippets":
        text = M.fold(out.text)
        lost = [s for s in page.truth["with"] if M.fold(s) not in text]
        leaked = [s for s in page.truth["without"] if M.fold(s) in text]
        return lost, leaked
    return missing_lines(page.truth["body"], out.text), missing_lines(out.text, page.truth["body"])


def print_worst(corpus: Corpus, label: str, run: Run, rows: list[dict], n: int) -> None:
    print(f"\n  {label}: the {n} pages with the lowest F1")
    by_id = {p.id: (p, o) for p, o in zip(corpus.pages, run.outputs)}
    for row in sorted(rows, key=lambda r: r["f1"])[:n]:
        page, out = by_id[row["id"]]
        counts = f"  (tp {row['tp']}, fp {row['fp']}, fn {row['fn']})" if "tp" in row else ""
        print(f"  {row['id']}  F1 {row['f1']:.3f}  P {row['precision']:.3f}  R {row['recall']:.3f}{counts}")
        lost, leaked = page_diff(corpus.kind, page, out)
        for tag, items in (("LOST  ", lost), ("LEAKED", leaked)):
            for line in clip(items):
                print(f"      {tag} {line}")


# --- tables --------------------------------------------------------------------------

def fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def print_table(corpus: Corpus, results: dict[str, dict]) -> None:
    metric = "body" if corpus.kind == "body" else "snippet"
    meta_names = [n for n in FIELDS if any(n in r["meta"] for r in results.values())]
    base = next((r["pages_per_s"] for sid, r in results.items() if sid.startswith("cleaner")), None)
    header = ["system", f"{metric} F1", "P", "R", *meta_names, "pages/s", "secs", "×cleaner", "errors"]
    rows = []
    for r in results.values():
        speed = r["pages_per_s"]
        ratio = f"{speed / base:.2f}" if speed and base else "n/a"
        rows.append([r["label"], fmt(r["f1"]), fmt(r["precision"]), fmt(r["recall"]),
                     *(fmt(r["meta"][n]["accuracy"]) for n in meta_names),
                     fmt(speed, 1), f"{r['seconds']:.1f}" if speed else "n/a", ratio, str(r["errors"] or "")])
    counts = ", ".join(f"{n} n={next(iter(results.values()))['meta'][n]['n']}" for n in meta_names)
    print(f"\n{corpus.name}: {len(corpus.pages)} pages, {metric} F1" + (f"; {counts}" if counts else ""))
    print_aligned(header, rows)


def print_aligned(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def print_summary(report: dict) -> None:
    corpora = report["corpora"]
    labels: dict[str, str] = {}
    for c in corpora.values():
        labels.update({sid: r["label"] for sid, r in c["systems"].items()})
    header = ["system", *(f"{name} F1" for name in corpora), "pages/s (all)"]
    rows = []
    for sid, label in labels.items():
        ran = [c["systems"][sid] for c in corpora.values() if sid in c["systems"]]
        seconds = sum(r["seconds"] for r in ran)
        pages = sum(r["pages"] for r in ran)
        rows.append([label, *(fmt(c["systems"][sid]["f1"]) if sid in c["systems"] else "-" for c in corpora.values()),
                     fmt(pages / seconds if seconds and all(r["pages_per_s"] for r in ran) else None, 1)])
    print("\nSummary (body F1 for body corpora, snippet F1 for snippet corpora)")
    print_aligned(header, rows)
    print(f"\nwall time {report['wall_seconds']:.0f} s")


# --- main ----------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+", help="corpus folders (input/, html/, truth.jsonl)")
    ap.add_argument("--input", choices=("text", "html", "both"), default="text",
                    help="what the cleaner reads (peers always read what their row says)")
    ap.add_argument("--systems", help=f"comma-separated ids or families, default all: {','.join(ALL_IDS)}")
    ap.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    ap.add_argument("--show-worst", type=int, default=0, metavar="N", help="the cleaner's N worst pages, with a diff")
    ap.add_argument("--json", metavar="OUT", help="write all figures (and the cleaner's per-page ones) as JSON")
    ap.add_argument("--favor", choices=("balanced", "precision", "recall"), default="balanced",
                    help="the cleaner's leaning where the evidence is in doubt (as `cleaner --favor`)")
    args = ap.parse_args(argv)
    if args.systems:
        args.systems = [s.strip() for s in args.systems.split(",") if s.strip()]
        unknown = [s for s in args.systems if not any(wanted(i, [s]) for i in ALL_IDS)]
        if unknown:
            ap.error(f"unknown system(s) {', '.join(unknown)}; known: {', '.join(ALL_IDS)}")
    # A shell glob such as corpora/* also brings the README: skip what is not a corpus.
    args.skipped = [f for f in args.corpora if not (Path(f) / "truth.jsonl").is_file()]
    args.corpora = [f for f in args.corpora if f not in args.skipped]
    if not args.corpora:
        ap.error("no corpus folder (a folder with truth.jsonl) given")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # tables and stderr progress interleave in order
    logging.disable(logging.CRITICAL)  # peers log a warning per odd page; errors are counted instead
    started = time.perf_counter()
    modes = ["text", "html"] if args.input == "both" else [args.input]
    notes = [f"{f} skipped: not a corpus folder" for f in args.skipped if Path(f).is_dir()]
    systems = build_systems(args.systems, modes, notes, args.favor)
    for note in notes:
        print(f"note: {note}")
    report = {"argv": sys.argv[1:], "input": args.input, "favor": args.favor, "notes": notes, "corpora": {}}
    warm: set[str] = set()
    for folder in args.corpora:
        corpus = load(folder, args.limit)
        results, worst = {}, []
        for system in systems:
            print(f"  {corpus.name}: {system.label} …", end="", file=sys.stderr, flush=True)
            run = run_system(system, corpus.pages, warm)
            print(f" {run.seconds:.1f} s", file=sys.stderr)
            results[system.id] = score(corpus, system, run)
            if system.id.startswith("cleaner"):
                rows = page_figures(corpus, run.outputs)
                results[system.id]["per_page"] = rows
                worst.append((system.label, run, rows))
        print_table(corpus, results)
        for sid, r in results.items():
            for example in r["error_examples"]:
                print(f"  error in {r['label']}: {example}")
        for label, run, rows in worst if args.show_worst else ():
            print_worst(corpus, label, run, rows, args.show_worst)
        report["corpora"][corpus.name] = {"kind": corpus.kind, "pages": len(corpus.pages), "systems": results}
    report["wall_seconds"] = time.perf_counter() - started
    print_summary(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
