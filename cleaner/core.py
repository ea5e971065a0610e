"""The Cleaner: rules and weights loaded once, then the stages run per page.

    read -> segment -> score -> select -> metadata -> write
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Collection, Iterable

from .article import Article, Removal
from .rules import Rule, load_rules
from .rules.ruleset import RuleSet
from .score import REVISE, Weights, load_weights, revise, score
from .segment import segment
from .select import Decision, Selection, select, story_runs
from . import metadata as M
from . import text as T

# What a choice between story and chrome leans to: a shift of every block's log-odds of
# being story. "recall" keeps blocks the evidence leaves in doubt, "precision" drops them
# (see the README for what each gives on the corpora).
FAVOR = {"balanced": 0.0, "precision": -1.0, "recall": 1.0}


class Cleaner:
    """Reusable cleaner. Build once, call ``clean`` many times.

    Holds only immutable state after construction, so one instance can serve
    many threads, and it pickles (patterns are recompiled on arrival) for
    worker processes.

    rules: extra rule packs (paths to TOML files), applied after the built-in ones;
        a rule with the id of a built-in rule replaces it.
    builtin_rules: False to use only the given packs.
    detect_language: False to skip the language model (``language`` is then the
        cheap stop-word guess); the command line's text output does so to start fast.
    favor: "balanced" (the default), "precision" (less chrome left in, some story
        lost with it) or "recall" (more of the story kept, more chrome with it).
    """

    def __init__(self, rules: Iterable[str | Path] = (), *, builtin_rules: bool = True,
                 detect_language: bool = True, favor: str = "balanced"):
        if favor not in FAVOR:
            raise ValueError(f"favor must be one of {', '.join(FAVOR)}, not {favor!r}")
        self.rule_paths = tuple(str(p) for p in rules)
        self.builtin_rules = builtin_rules
        self.detect_language = detect_language
        self.favor = favor
        self.rules: tuple[Rule, ...] = load_rules(self.rule_paths, builtin=builtin_rules)
        self.ruleset = RuleSet(self.rules)
        self.weights = _leaning(load_weights(), favor)

    def __repr__(self) -> str:
        favor = f", favor={self.favor!r}" if self.favor != "balanced" else ""
        return f"Cleaner(rules={list(self.rule_paths)!r}, builtin_rules={self.builtin_rules}{favor})"

    def clean(self, text: str, url: str | None = None, *, recurring: Collection[str] | None = None) -> Article:
        """The story of scraped ``text`` and its metadata.

        recurring: keys (``segment.block_key``) of blocks known to recur across
            many pages of the same site, such as a batch run learns; they count
            as evidence of chrome.
        """
        return self.clean_and_explain(text, url, recurring=recurring)[0]

    def clean_and_explain(self, text: str, url: str | None = None, *,
                          recurring: Collection[str] | None = None) -> tuple[Article, list[Decision]]:
        """Like ``clean``, plus the decision taken on every input block, in order."""
        if not isinstance(text, str):
            raise TypeError(f"clean() takes str, not {type(text).__name__}; decode bytes first or use clean_bytes()")
        from .read import normalize_newlines

        return self._run(segment(normalize_newlines(text)), url, recurring, self.weights, None)

    def clean_html(self, html: str | bytes, url: str | None = None, *, encoding: str | None = None,
                   recurring: Collection[str] | None = None) -> Article:
        """The story of an HTML page (``str``, or ``bytes`` decoded by its declared charset)."""
        return self.clean_html_and_explain(html, url, encoding=encoding, recurring=recurring)[0]

    def clean_html_and_explain(self, html: str | bytes, url: str | None = None, *, encoding: str | None = None,
                               recurring: Collection[str] | None = None) -> tuple[Article, list[Decision]]:
        """Like ``clean_html``, plus the decision taken on every block of the page."""
        from .html import read_page  # beautifulsoup4 and lxml load only here

        page = read_page(html, encoding)
        return self._run(page.blocks, url, recurring, self.html_weights, page.meta)

    @property
    def html_weights(self) -> Weights:
        return _leaning(load_weights("weights-html.toml"), self.favor)

    def clean_markdown(self, markdown: str, url: str | None = None, *,
                       recurring: Collection[str] | None = None) -> Article:
        """The story of a page scraped as markdown (Firecrawl, Jina Reader, html2text)."""
        return self.clean_markdown_and_explain(markdown, url, recurring=recurring)[0]

    def clean_markdown_and_explain(self, markdown: str, url: str | None = None, *,
                                   recurring: Collection[str] | None = None) -> tuple[Article, list[Decision]]:
        """Like ``clean_markdown``, plus the decision taken on every block."""
        from .markdown import markdown_to_text

        return self.clean_and_explain(markdown_to_text(markdown), url, recurring=recurring)

    def clean_bytes(self, data: bytes, url: str | None = None, input_format: str = "auto",
                    encoding: str | None = None, *, recurring: Collection[str] | None = None) -> Article:
        """Decode raw input (text, markdown or HTML, sniffed unless ``input_format``
        says) and clean it."""
        return self.explain_bytes(data, url, input_format, encoding, recurring=recurring)[0]

    def explain_bytes(self, data: bytes, url: str | None = None, input_format: str = "auto",
                      encoding: str | None = None, *,
                      recurring: Collection[str] | None = None) -> tuple[Article, list[Decision]]:
        """``clean_and_explain`` for raw input bytes, text, markdown or HTML
        (gzip-compressed or not)."""
        from .read import sniff

        html, text = sniff(data, input_format, encoding)
        if html is not None:
            return self.clean_html_and_explain(html, url, encoding=encoding, recurring=recurring)
        return self.clean_and_explain(text, url, recurring=recurring)

    def decode(self, data: bytes, input_format: str = "auto", encoding: str | None = None) -> str:
        """Raw input to the text the stages read: HTML and markdown are turned into text first."""
        from .read import sniff

        html, text = sniff(data, input_format, encoding)
        if html is not None:
            from .html import html_to_text

            return html_to_text(html, encoding)
        return text

    def _run(self, blocks, url: str | None, recurring, weights: Weights,
             page_meta: dict | None) -> tuple[Article, list[Decision]]:
        if not blocks:
            return Article(text=""), []
        language = T.guess_language(_prose_sample(blocks))
        evidence, headline = score(blocks, self.ruleset, language, weights, recurring)
        revise(evidence, story_runs(evidence, weights.gap_penalty), weights.revise)
        selection = select(evidence, headline, self.ruleset.teasers, bare_is_story=page_meta is None,
                           gap_penalty=weights.gap_penalty)
        story = render_story(evidence, selection)
        meta = M.extract(evidence, selection, story, language, self.detect_language)
        if page_meta:
            from .html.meta import merge

            meta = merge(meta, page_meta, evidence, selection)
        if meta.published is None and url:
            meta.published = M.url_date(url)  # /2023/05/24/ in the address, when the page gives none
        article = Article(
            text=story,
            title=meta.title,
            authors=meta.authors,
            published=meta.published,
            source=meta.source,
            language=meta.language,
            dateline=meta.dateline,
            removed=removals(selection),
        )
        return article, selection.decisions


def _leaning(weights: Weights, favor: str) -> Weights:
    """``weights`` with the final score's bias moved as ``favor`` asks."""
    shift = FAVOR[favor]
    if not shift:
        return weights
    final = list(weights.revise)
    final[REVISE.index("bias")] += shift
    return replace(weights, revise=tuple(final))


def _prose_sample(blocks, size: int = 3000) -> str:
    """The longest blocks, up to ``size`` characters: enough to tell the language."""
    longest = sorted(blocks, key=lambda b: -len(b.text))
    out, total = [], 0
    for b in longest:
        if total >= size:
            break
        out.append(b.text[:size])
        total += len(out[-1])
    return "\n".join(out)


def render_story(evidence, selection: Selection) -> str:
    """Kept blocks, one per line; a blank line where the input had one."""
    parts: list[str] = []
    last_group = None
    for d in selection.decisions:
        if not d.keep:
            continue
        group = evidence[d.index].block.group
        if last_group is not None:
            parts.append("\n\n" if group != last_group else "\n")
        parts.append(d.text)
        last_group = group
    return "".join(parts)


def removals(selection: Selection) -> list[Removal]:
    out = []
    for d in selection.decisions:
        if not d.keep:
            out.append(Removal(d.text, d.rule, d.reason))
            continue  # phrases cut from a dropped block are shown by explain only
        for rule_id, phrase, reason in d.cuts:
            out.append(Removal(phrase, rule_id, reason))
    return out
