"""cleaner: strip site chrome from scraped article text, keep the story and its metadata.

    >>> from cleaner import clean
    >>> article = clean(open("page.txt").read())
    >>> article.title, article.published
    >>> print(article.text)

``clean``, ``clean_html`` and ``clean_markdown`` use a shared default ``Cleaner``; build your own
``Cleaner(rules=[...])`` to add rule packs, and reuse it across calls.
"""

from __future__ import annotations

from functools import lru_cache

from .article import Article, Removal
from .core import Cleaner
from .errors import CleanerError, InputError, RuleError

__version__ = "0.1.0"
__all__ = [
    "Article", "Removal", "Cleaner", "CleanerError", "InputError", "RuleError",
    "clean", "clean_html", "clean_markdown", "clean_and_explain", "__version__",
]


@lru_cache(maxsize=16)
def _cleaner(rules: tuple[str, ...] = (), builtin_rules: bool = True, detect_language: bool = True,
             favor: str = "balanced") -> Cleaner:
    return Cleaner(rules, builtin_rules=builtin_rules, detect_language=detect_language, favor=favor)


def _shared(options: dict) -> Cleaner:
    rules = options.pop("rules", ())
    if isinstance(rules, str):
        rules = (rules,)
    unknown = set(options) - {"builtin_rules", "detect_language", "favor"}
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    return _cleaner(tuple(str(r) for r in rules), **options)


def clean(text: str, *, url: str | None = None, **options) -> Article:
    """The story of scraped ``text`` with its metadata.

    Options are those of ``Cleaner``: ``rules`` (extra rule pack paths),
    ``builtin_rules``, ``detect_language``, ``favor`` ("precision" or "recall").
    """
    return _shared(options).clean(text, url)


def clean_html(html: str | bytes, url: str | None = None, **options) -> Article:
    """The story of an HTML page (``str`` or raw ``bytes``) with its metadata."""
    return _shared(options).clean_html(html, url)


def clean_markdown(markdown: str, *, url: str | None = None, **options) -> Article:
    """The story of a page scraped as markdown (Firecrawl, Jina Reader, html2text)
    with its metadata; the story comes back as plain text."""
    return _shared(options).clean_markdown(markdown, url)


def clean_and_explain(text: str, *, url: str | None = None, **options):
    """``(article, decisions)``: the article and, for every input block, what was
    decided and by which rule (like ftfy's ``fix_and_explain``)."""
    return _shared(options).clean_and_explain(text, url)
