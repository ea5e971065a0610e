"""Markdown input (what Firecrawl, Jina Reader, html2text and markdownify give):
turned into scraped text, one paragraph, heading, list item or table row per
line, with the markup gone: link targets, image references, emphasis marks and
heading hashes are not words of the page and would make a story's paragraphs
look like link lists. markdown-it-py (CommonMark) parses it; it loads only here.
"""

from __future__ import annotations

import regex

# Sniffing: inline links or images "[text](target)", reference definitions
# "[1]: http://...", ATX headings "## Title".
# Each scan stops at the next bracket, so the sniff stays linear on a run of them.
_LINK = regex.compile(r"!?\[[^\[\]\n]{0,300}\]\([^()\s]{1,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")
_DEFINITION = regex.compile(r"(?m)^ {0,3}\[[^\]\n]{1,100}\]:\s*\S")
_HEADING = regex.compile(r"(?m)^ {0,3}#{1,6}[ \t]+\S")
# A text is markdown when it holds this many of the marks above.
MIN_MARKS = 3
SNIFF_CHARS = 200_000
_HTML_TAG = regex.compile(r"<[^<>\n]{1,500}>")


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` is markdown rather than plain scraped text: it links in
    markdown's own syntax (plain text never does), or heads its sections with hashes
    and links at least once."""
    head = text[:SNIFF_CHARS]
    if "](" not in head and "]:" not in head:
        return False
    links = len(_LINK.findall(head)) + len(_DEFINITION.findall(head))
    if links >= MIN_MARKS:
        return True
    return links >= 1 and len(_HEADING.findall(head)) >= MIN_MARKS - 1


def markdown_to_text(text: str) -> str:
    """The text a scraper would have printed from the same page."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(_widen_tables(text))
    out: list[str] = []  # lines; "" between blocks
    numbered: list[bool] = []  # open lists, innermost last
    prefix = ""  # a numbered item's number, for its first line
    row: list[str] | None = None  # the cells of an open table row
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            if not numbered:
                _blank(out)
            numbered.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            numbered.pop()
            if not numbered:
                _blank(out)  # a list's items are lines of one group, as scraped
        elif kind == "list_item_open":
            # "1. Finland" keeps its number: it is the story's text.
            prefix = f"{token.info}{token.markup} " if numbered and numbered[-1] and token.info else ""
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            cells = [cell for cell in row or () if cell and not _RULE_CELL.fullmatch(cell)]
            if any(cell.count(" ") >= LAYOUT_CELL_WORDS for cell in cells):
                # A layout table's row: each long cell a box of the page; the short
                # cells between them are lines of one group, as a list's items are.
                _blank(out)
                for cell in cells:
                    long = cell.count(" ") >= LAYOUT_CELL_WORDS
                    if long:
                        _blank(out)
                    out.append(cell)
                    if long:
                        _blank(out)
                _blank(out)
            else:
                out.append(" ".join(cells))  # a data table's row, as scrapers print it
            row = None
        elif kind == "inline":
            line = _inline(token.children or [])
            if row is not None:
                row.append(line)
                continue
            if line:  # an item holding only an image says nothing
                out.append(prefix + line)
            prefix = ""
            if not numbered:
                _blank(out)
        elif kind in ("fence", "code_block"):
            out.extend(token.content.rstrip("\n").split("\n"))
            if not numbered:
                _blank(out)
        elif kind == "html_block":
            stripped = _HTML_TAG.sub(" ", token.content).strip()
            if stripped:
                out.extend(stripped.split("\n"))
                if not numbered:
                    _blank(out)
        elif kind in ("table_close", "hr", "blockquote_close", "heading_close") and not numbered:
            _blank(out)
    return "\n".join(_squeeze(out)).rstrip("\n") + "\n"


# A table cell this many words long is a box of a page laid out in a table, not data.
LAYOUT_CELL_WORDS = 40
# A table's delimiter row ("| --- | :-: |"), and a cell holding only such a rule
# (a nested table flattened into its parent's row by the converter).
_DELIMITER_ROW = regex.compile(r" {0,3}[|: \t]*-[|:\- \t]*")
_RULE_CELL = regex.compile(r"[|: ]*-[|:\- ]*")
_PIPE = regex.compile(r"(?<!\\)\|")


def _widen_tables(text: str) -> str:
    """Tables whose rows hold more cells than their header row, widened to fit.

    CommonMark's tables drop the cells past the header's count; converters that
    flatten a layout table nested in another (markdownify, Firecrawl) print rows
    far wider than the header, and the page's text would be lost with them.
    """
    if "|" not in text or "-" not in text:
        return text
    lines = text.split("\n")
    i = 1
    while i < len(lines):
        if "|" in lines[i] and "|" in lines[i - 1] and _DELIMITER_ROW.fullmatch(lines[i]):
            end = i + 1
            while end < len(lines) and "|" in lines[end] and lines[end].strip():
                end += 1
            header = _split_row(lines[i - 1])
            width = max((len(_split_row(line)) for line in lines[i + 1:end]), default=len(header))
            if width > len(header):
                lines[i - 1] = "| " + " | ".join(header + [""] * (width - len(header))) + " |"
                lines[i] = "|" + " --- |" * width
            i = end
        i += 1
    return "\n".join(lines)


def _split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip() for cell in _PIPE.split(line)]


def _inline(children) -> str:
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")  # a paragraph's line wrapped in the source (CommonMark)
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "html_inline" and child.content.lower().startswith("<br"):
            parts.append("\n")
        # link_open/close, em/strong and images carry no words of the page
    return "".join(parts).strip()


def _blank(out: list[str]) -> None:
    if out and out[-1] != "":
        out.append("")


def _squeeze(lines: list[str]):
    previous_blank = True
    for line in lines:
        blank = not line.strip()
        if blank and previous_blank:
            continue
        previous_blank = blank
        yield line.rstrip()
