"""Fit the score stage's weights (cleaner/data/weights.toml) on labelled corpora.

    python tools/fit_weights.py ../shared/corpora/* [--folds 5] [--write]

Each block of each page is labelled story or not from the corpus truth (its
word 3-grams found in the truth body, or a `with` / `without` snippet inside
it); blocks the truth does not settle are left out. Logistic regression fits
the local weights, then the context weights on top of the local scores. With
--folds, pages are split by site into folds and the whole cleaner is measured
on held-out folds, which estimates what the weights do on unseen sites.
Needs numpy and scikit-learn (not dependencies of the cleaner itself).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

import metrics  # noqa: E402
from cleaner import Cleaner  # noqa: E402
from cleaner import score as S  # noqa: E402
from cleaner import text as T  # noqa: E402
from cleaner.core import _prose_sample  # noqa: E402
from cleaner.segment import segment  # noqa: E402
from cleaner.select import story_runs  # noqa: E402


WEIGHT_POWER = 0.5
GAP_PENALTY = S.DEFAULT_GAP_PENALTY  # cost of each story run; --gap-penalty, else the weights file's


def trigrams(tokens):
    return {tuple(tokens[i:i + 3]) for i in range(len(tokens) - 2)}


def label_blocks(blocks, record) -> list[float | None]:
    """1 story, 0 chrome, None unknown, for each block."""
    if "body" in record:
        body = record["body"]
        truth3 = trigrams(metrics._TOKEN.findall(body))
        lines: dict[str, int] = {}
        for line in body.split("\n"):
            key = " ".join(line.split())
            if key:
                lines[key] = lines.get(key, 0) + 1
        out = []
        for b in blocks:
            toks = metrics._TOKEN.findall(b.text)
            if lines.get(b.text, 0) > 0:
                lines[b.text] -= 1
                out.append(1.0)
            elif len(toks) < 3:
                out.append(0.0)
            else:
                grams = trigrams(toks)
                frac = len(grams & truth3) / len(grams)
                out.append(1.0 if frac >= 0.6 else 0.0 if frac <= 0.15 else None)
        return out
    with_ = [metrics.fold(s) for s in record.get("with", [])]
    without = [metrics.fold(s) for s in record.get("without", [])]
    out = []
    for b in blocks:
        text = metrics.fold(b.text)
        if any(s and s in text for s in with_):
            out.append(1.0)
        elif any(s and s in text for s in without):
            out.append(0.0)
        else:
            out.append(None)
    return out


INPUT = "text"


class Page:
    def __init__(self, record, cleaner: Cleaner):
        self.record = record
        if INPUT == "html":
            from cleaner.html import read_page

            self.html = record["html"].read_bytes()
            self.blocks = read_page(self.html).blocks
        else:
            self.text = record["input"].read_text(encoding="utf-8")
            self.blocks = segment(self.text)
        self.language = T.guess_language(_prose_sample(self.blocks))
        self.evidence = [S._local(b, cleaner.ruleset, T.stopwords(self.language)) for b in self.blocks]
        S._local_features(self.evidence, None, (0.0,) * len(S.LOCAL + S.HTML), keep=True)
        self.headline = S.find_title_repeat(self.evidence)
        self.labels = label_blocks(self.blocks, record)
        host = urlparse(record.get("url") or "").netloc.removeprefix("www.")
        self.site = host or record["id"]

    def clean(self, cleaner: Cleaner) -> str:
        if INPUT == "html":
            return cleaner.clean_html_and_explain(self.html)[0].text
        return cleaner.clean(self.text).text

    def local_matrix(self):
        return np.array([ev.local_features for ev in self.evidence])

    def context_matrix(self, weights: S.Weights):
        w = np.array(weights.local)
        for ev in self.evidence:
            ev.local = float(np.dot(w, ev.local_features))
            ev.score = ev.soft  # the soft rule weights the local score adds to
        S._context(self.evidence, self.headline, S._title_words(self.evidence, self.headline), weights.context,
                   keep=True)
        return np.array([ev.context_features for ev in self.evidence])

    def revise_matrix(self, weights: S.Weights):
        self.context_matrix(weights)
        S.revise(self.evidence, story_runs(self.evidence, weights.gap_penalty), weights.revise, keep=True)
        return np.array([ev.revise_features for ev in self.evidence])


def fit(pages: list[Page], c: float) -> S.Weights:
    X = np.vstack([p.local_matrix() for p in pages])
    y = np.array([lab for p in pages for lab in p.labels], dtype=object)
    # Long blocks weigh more: the metrics count words, not blocks.
    sw = np.array([(len(ev.tokens) + 1) ** WEIGHT_POWER for p in pages for ev in p.evidence])
    known = np.array([lab is not None for lab in y])
    local = _logistic(X[known], y[known].astype(float), c, sw[known])
    weights = S.Weights(tuple(local), tuple(1.0 if k == "local" else 0.0 for k in S.CONTEXT), (), GAP_PENALTY)
    Xc = np.vstack([p.context_matrix(weights) for p in pages])
    context = _logistic(Xc[known], y[known].astype(float), c, sw[known])
    weights = S.Weights(tuple(local), tuple(context), tuple(1.0 if k == "context" else 0.0 for k in S.REVISE),
                        GAP_PENALTY)
    Xr = np.vstack([p.revise_matrix(weights) for p in pages])
    revise = _logistic(Xr[known], y[known].astype(float), c, sw[known])
    return S.Weights(tuple(local), tuple(context), tuple(revise), GAP_PENALTY)


def _logistic(X, y, c: float, sample_weight) -> list[float]:
    # Column 0 is the bias feature: it carries the intercept.
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    model.fit(X, y, sample_weight=sample_weight / sample_weight.mean())
    return [round(float(v), 4) for v in model.coef_[0]]


def _with_weights(weights: S.Weights) -> Cleaner:
    cleaner = Cleaner(detect_language=False)
    cleaner.weights = weights
    if INPUT == "html":
        type(cleaner).html_weights = property(lambda self: self.weights)
    return cleaner


def evaluate(pages: list[Page], weights: S.Weights) -> dict[str, float]:
    cleaner = _with_weights(weights)
    pairs, counts = [], []
    for p in pages:
        out = p.clean(cleaner)
        if "body" in p.record:
            pairs.append((p.record["body"], out))
        else:
            counts.append(metrics.snippet_counts(out, p.record["with"], p.record["without"]))
    result = {}
    if pairs:
        result["body"] = metrics.body_scores(pairs)
    if counts:
        result["snippets"] = metrics.snippet_scores(counts)
    return result


def write(weights: S.Weights, path: Path, note: str) -> None:
    lines = ["# Weights of the score stage (cleaner/score.py): log-odds that a block is story.",
             "# Fitted by tools/fit_weights.py; " + note, "", "[local]"]
    lines += [f"{k} = {v}" for k, v in zip(S.LOCAL + S.HTML, weights.local) if v or k in S.LOCAL]
    lines += ["", "[context]"]
    lines += [f"{k} = {v}" for k, v in zip(S.CONTEXT, weights.context)]
    lines += ["", "[revise]"]
    lines += [f"{k} = {v}" for k, v in zip(S.REVISE, weights.revise)]
    lines += ["", "# Not fitted: chosen per input kind (--gap-penalty) by held-out figures.", "[select]",
              f"gap_penalty = {weights.gap_penalty}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    global WEIGHT_POWER, INPUT, GAP_PENALTY
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--folds", type=int, default=0, help="cross-validate by site over this many folds")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--write", action="store_true", help="write the weights file of the chosen input")
    ap.add_argument("--input", choices=["text", "html"], default="text",
                    help="fit on the scraped text (weights.toml) or the raw HTML (weights-html.toml)")
    ap.add_argument("--gap-penalty", type=float, default=None,
                    help="cost of each story run in the select stage (default: the weights file's)")
    ap.add_argument("--weight-power", type=float, default=WEIGHT_POWER,
                    help="blocks weigh (words + 1) ** this in the fit")
    args = ap.parse_args()
    INPUT = args.input
    WEIGHT_POWER = args.weight_power
    current = S.load_weights("weights-html.toml" if INPUT == "html" else "weights.toml")
    GAP_PENALTY = current.gap_penalty if args.gap_penalty is None else args.gap_penalty

    cleaner = Cleaner(detect_language=False)
    by_corpus = {}
    for folder in [f for f in args.corpora if Path(f).is_dir()]:
        records = metrics.load_corpus(folder)
        pages = [Page(r, cleaner) for r in records]
        by_corpus[Path(folder).name] = [p for p in pages if p.blocks]
    pages = [p for ps in by_corpus.values() for p in ps]

    if args.folds:
        sites = sorted({p.site for p in pages})
        random.Random(7).shuffle(sites)
        fold_of = {s: i % args.folds for i, s in enumerate(sites)}
        held: dict[str, list] = {name: [] for name in by_corpus}
        for k in range(args.folds):
            train = [p for p in pages if fold_of[p.site] != k]
            weights = fit(train, args.c)
            for name, ps in by_corpus.items():
                test = [p for p in ps if fold_of[p.site] == k]
                held[name].extend(test)
                for p in test:
                    p.fold_weights = weights
        for name, ps in by_corpus.items():
            _report(f"held-out {name}", _evaluate_each(ps))

    weights = fit(pages, args.c)
    for name, ps in by_corpus.items():
        _report(f"in-sample {name}", evaluate(ps, weights))
    print("local:", dict(zip(S.LOCAL + S.HTML, weights.local)))
    print("context:", dict(zip(S.CONTEXT, weights.context)))
    print("revise:", dict(zip(S.REVISE, weights.revise)))
    if args.write:
        name = "weights-html.toml" if INPUT == "html" else "weights.toml"
        write(weights, ROOT / "cleaner" / "data" / name,
              f"{len(pages)} pages of {', '.join(by_corpus)}; C={args.c}.")


def _evaluate_each(pages: list[Page]) -> dict:
    # Each page is cleaned with the weights fitted without its site.
    groups: dict[int, list[Page]] = {}
    for p in pages:
        groups.setdefault(id(p.fold_weights), []).append(p)
    pairs, counts = [], []
    for ps in groups.values():
        cleaner = _with_weights(ps[0].fold_weights)
        for p in ps:
            out = p.clean(cleaner)
            if "body" in p.record:
                pairs.append((p.record["body"], out))
            else:
                counts.append(metrics.snippet_counts(out, p.record["with"], p.record["without"]))
    result = {}
    if pairs:
        result["body"] = metrics.body_scores(pairs)
    if counts:
        result["snippets"] = metrics.snippet_scores(counts)
    return result


def _report(label: str, result: dict) -> None:
    for kind, s in result.items():
        print(f"{label:<28} {kind:<8} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}")


if __name__ == "__main__":
    main()
