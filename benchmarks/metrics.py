"""The metrics of ../shared/corpora/README.md, exactly as defined there.

Tokens are \\w+ matches (Unicode), case kept.
- body F1: 4-gram shingle multisets per page; tp/fp/fn normalised per page;
  P and R are means over pages; F1 = 2PR/(P+R) of the means.
- snippet F1: whitespace folded; `with` found = tp, missing = fn; `without` found = fp;
  summed over pages.
- metadata accuracy: title equal after lower-casing and folding non-word runs;
  author the same set of names (split on ; , and ' and '); date the same day.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_NONWORD = re.compile(r"\W+")
_AUTHOR_SPLIT = re.compile(r";|,| and ")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def page_pr(truth: str, output: str) -> tuple[float, float]:
    """Precision and recall of one page, by 4-gram shingle multisets."""
    t, o = shingles(truth), shingles(output)
    tp = sum((t & o).values())
    fp = sum(o.values()) - tp
    fn = sum(t.values()) - tp
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    total = tp + fp + fn
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def body_scores(pairs: list[tuple[str, str]]) -> dict:
    """{'precision', 'recall', 'f1'} over (truth, output) pairs."""
    if not pairs:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    prs = [page_pr(t, o) for t, o in pairs]
    p = sum(x for x, _ in prs) / len(prs)
    r = sum(y for _, y in prs) / len(prs)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def fold(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


def snippet_counts(output: str, with_: list[str], without: list[str]) -> tuple[int, int, int]:
    out = fold(output)
    tp = sum(1 for s in with_ if fold(s) in out)
    fn = len(with_) - tp
    fp = sum(1 for s in without if fold(s) in out)
    return tp, fp, fn


def snippet_scores(counts: list[tuple[int, int, int]]) -> dict:
    tp = sum(c[0] for c in counts)
    fp = sum(c[1] for c in counts)
    fn = sum(c[2] for c in counts)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def norm_title(title: str | None) -> str:
    return _NONWORD.sub(" ", (title or "").lower()).strip()


def author_set(authors) -> set[str]:
    if authors is None:
        return set()
    if isinstance(authors, (list, tuple)):
        authors = ";".join(a for a in authors if a)
    return {a.strip() for a in _AUTHOR_SPLIT.split(authors) if a.strip()}


def meta_match(field: str, truth, output) -> bool:
    if field == "title":
        return norm_title(truth) == norm_title(output)
    if field == "author":
        return author_set(truth) == author_set(output)
    if field == "date":
        return bool(output) and str(truth)[:10] == str(output)[:10]
    raise ValueError(field)


def load_corpus(folder: str | Path) -> list[dict]:
    """Records of truth.jsonl, each with 'input' and 'html' paths added."""
    folder = Path(folder)
    records = []
    with open(folder / "truth.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            rec["input"] = folder / "input" / f"{rec['id']}.txt"
            rec["html"] = folder / "html" / f"{rec['id']}.html"
            records.append(rec)
    return records


def corpus_kind(records: list[dict]) -> str:
    """'body' when the truth has article bodies, 'snippets' when it has with/without lists."""
    return "snippets" if any("with" in r for r in records) else "body"
