"""HTML input: the page's visible text, one block per line, as scrapers produce it.

beautifulsoup4 over lxml parses the page; only this module imports them.
"""

from __future__ import annotations

from .errors import InputError

_NEVER_TEXT = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas")
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul", "title",
    "caption", "menu", "option",
}
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "title", "table", "ul", "ol",
              "dl", "figure", "header", "footer", "section", "article", "aside", "nav", "main", "form"}


def parse(html: str | bytes, encoding: str | None = None):
    try:
        from bs4 import BeautifulSoup
    except ImportError:  # pragma: no cover - declared dependency
        raise InputError("HTML input needs beautifulsoup4 and lxml (pip install beautifulsoup4 lxml)") from None
    try:
        return BeautifulSoup(html, "lxml", from_encoding=encoding if isinstance(html, bytes) else None)
    except Exception as exc:  # lxml raises a variety of parser errors on broken bytes
        raise InputError(f"cannot parse the HTML ({exc.__class__.__name__})") from None


def html_to_text(html: str | bytes, encoding: str | None = None) -> str:
    """Visible text of the page: the title first, a line per block, blank lines between paragraphs."""
    soup = parse(html, encoding)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(_NEVER_TEXT):
        tag.decompose()
    out: list[str] = [title, "\n\n"] if title else []
    _walk(soup, out)
    text = "".join(out)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    # Fold runs of blank lines to one, as scraped text has them.
    folded: list[str] = []
    for line in lines:
        if line or (folded and folded[-1]):
            folded.append(line)
    return "\n".join(folded).strip() + "\n"


def _walk(node, out: list[str]) -> None:
    from bs4 import Comment, NavigableString, Tag

    stack = [(node, False)]
    while stack:
        current, closing = stack.pop()
        if closing:
            out.append("\n\n" if current.name in _PARAGRAPH else "\n")
            continue
        if isinstance(current, Comment):
            continue
        if isinstance(current, NavigableString):
            out.append(str(current))
            continue
        if not isinstance(current, Tag):
            continue
        if current.name == "br":
            out.append("\n")
            continue
        if current.name in _BLOCK:
            out.append("\n\n" if current.name in _PARAGRAPH else "\n")
            stack.append((current, True))
        stack.extend((child, False) for child in reversed(current.contents))
