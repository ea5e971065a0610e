"""HTML input: the page's blocks, as scrapers print them, with the structure around each.

beautifulsoup4 over lxml parses the page (only this package imports them). What
is never text (scripts, styles, hidden nodes, form controls) is dropped; the rest
becomes one block per line, exactly like scraped text, and each block keeps the
structure it sat in (nav, header, footer, aside, article; class and id words;
how much of it is link text; headings, lists, tables, captions) as evidence for
the same engine that cleans text. The page's own metadata (JSON-LD, OpenGraph,
meta tags, <time>, <html lang>) is read in ``meta.py``.
"""

from __future__ import annotations

import gc
import threading
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..errors import InputError
from ..segment import Block, clean_line

# Below this many characters, <noscript> content is a notice, not the page.
_NOSCRIPT_TEXT = 500
_HOVER = "hover"  # see _hidden
# Hidden, or placed far off the screen (link spam, text for search engines only).
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top|margin-left|text-indent)\s*:\s*-\d{4,}",
                              regex.IGNORECASE)
_ROLES = {
    "navigation": "nav", "menubar": "nav", "menu": "nav", "search": "nav", "banner": "header",
    "contentinfo": "footer", "complementary": "aside", "main": "main", "article": "article",
    "dialog": "dialog", "alertdialog": "dialog",
}
_REGION_TAGS = {"nav": "nav", "menu": "nav", "header": "header", "footer": "footer", "aside": "aside",
                "article": "article", "main": "main", "form": "form", "figure": "figure",
                "figcaption": "figure", "li": "list", "dd": "list", "dt": "list", "td": "table",
                "th": "table", "blockquote": "blockquote", "pre": "pre"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
REGIONS = ("nav", "header", "footer", "aside", "article", "main", "form", "figure", "list", "table",
           "blockquote", "pre", "dialog")
_REGION_SET = frozenset(REGIONS)
# Structure flags of an element holding more than this share of the page's text
# are void: broken markup can nest a whole page inside a menu or a hidden box.
VOID_SHARE = 0.5
# Flags that say chrome are void on an element holding this share of the prose.
PROSE_VOID_SHARE = 0.3
_MIN_PROSE = 400
# A block of this many words speaks for its container however it ends (a
# paragraph may end in a link or an address; see _mark_root).
_LONG_PROSE = 25
# Furniture (a share bar, a menu, a widget) holds no paragraphs: an element so
# named around this many paragraphs of prose is a wrapper, and its name says nothing.
FURNITURE_PARAGRAPHS = 2
_STORY_FLAGS = frozenset({"article", "main", "story"})  # never void: harmless when they hold everything
_CHROME_FLAGS = frozenset({"chrome", "furniture", "nav", "header", "footer", "aside", "hidden", "dialog", "form"})
_PROSE_END = frozenset(".!?\"”’)»:。！？")
# Class and id words speak for text at most this many block levels down.
CLASS_REACH = 3
# Block elements each block remembers around it (its own, parent, grandparent: see _mark_root).
NEAR = 3
# Characters a str cannot encode to UTF-8 (lone surrogates), which lxml refuses.
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_CLASS_FLAGS = frozenset({"chrome", "furniture", "meta", "story"})
# A list item is a teaser or a menu entry as often as prose: its prose counts
# this much toward the story's box (a ticker of excerpts outweighed the story).
_LIST_WEIGHT = 0.5
# Regions whose prose is never the story's container (see _mark_root).
_NOT_ROOT = frozenset({"nav", "footer", "aside", "form", "dialog"})
# Inline elements that style parts of words ("<b>W</b>ord", "21<sup>st</sup>"):
# no space is ever put at their edges (see _Walker.space).
_WORD_LEVEL = frozenset({"b", "strong", "i", "em", "u", "s", "strike", "sup", "sub", "small", "big", "font",
                         "tt", "code", "kbd", "var", "samp", "wbr", "ruby", "rt", "rp", "mark", "abbr", "del"})
# Scripts written without spaces between words.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_SPACE_AFTER = frozenset(".,;:!?)]}”’»%")
_CAMEL = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")


@dataclass(slots=True)
class HtmlInfo:
    """The structure a block sat in."""

    regions: frozenset[str]
    heading: int  # 1 to 6, or 0
    paragraph: bool  # inside a <p>
    chrome_class: bool  # an ancestor's class or id says chrome (share, related, nav...)
    meta_class: bool  # ... says metadata (byline, caption, date)
    story_class: bool  # ... says story (article-body, content)
    link_density: float  # share of the block's characters inside links
    ancestors: tuple[int, ...]  # ids of the (up to 3) nearest block elements around it, outermost first
    in_root: bool = False  # inside the element holding most of the page's prose
    box_links: float = 0.0  # share of link text in the box around the block (its parent element)
    box_prose: float = 0.0  # share of prose in that box
    box_share: float = 0.0  # share of the page's text in that box


@dataclass(slots=True)
class Page:
    """An HTML page turned into blocks."""

    blocks: list[Block]
    title: str
    meta: dict


@lru_cache(maxsize=1)
def _tables() -> dict:
    raw = (resources.files("cleaner") / "data" / "html.toml").read_text(encoding="utf-8")
    t = tomllib.loads(raw)

    def words(key: str) -> str:
        return "|".join(regex.escape(w) for w in sorted(t[key], key=len, reverse=True))

    return {
        "drop": frozenset(t["drop"]),
        "block": frozenset(t["block"]),
        "paragraph": frozenset(t["paragraph"]),
        # One search per class attribute, not a set of its lower-cased words.
        # ... and the card a link opens on hover ("rollover-block", "tooltiptext"),
        # not the element around the link and its card ("rollover-people", "tooltip-wrapper").
        "hidden": regex.compile(rf"(?<!\S)(?:{words('hidden_words')})(?!\S)"
                                rf"|(?P<hover>(?:{words('hover_words')})[\w-]*?(?:{words('hover_parts')})(?![a-z]))",
                                regex.IGNORECASE),
        "chrome": regex.compile(rf"(?<![a-z])(?:{words('chrome_words')})|(?<![a-z])(?:{words('chrome_exact')})(?![a-z])"),
        "meta": regex.compile(rf"(?<![a-z])(?:{words('meta_words')})"),
        "story": regex.compile(rf"(?<![a-z])(?:{words('story_words')})"),
        "furniture": frozenset(t["furniture_words"]),
        # "tag-bridges": a tag the content carries (WordPress prints them on the post), not a tag box.
        "taxonomy": regex.compile(rf"(?<![\w-])tag-(?!(?:{words('tag_roles')})(?![a-z]))[\w-]+"),
    }


def parse(html: str | bytes, encoding: str | None = None):
    try:
        from bs4 import BeautifulSoup
        import warnings
        from bs4 import MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
    except ImportError:  # pragma: no cover - declared dependencies
        raise InputError("HTML input needs beautifulsoup4 and lxml (pip install beautifulsoup4 lxml)") from None
    if isinstance(html, str) and _SURROGATE.search(html):
        html = _SURROGATE.sub("\ufffd", html)  # as an HTML parser reading bytes would
    if isinstance(html, bytes) and encoding is None:
        # Valid UTF-8 is taken as UTF-8 even when the page declares another
        # charset: saved pages are often re-encoded and keep their old <meta>.
        try:
            html = html.decode("utf-8-sig" if html.startswith(b"\xef\xbb\xbf") else "utf-8")
        except UnicodeDecodeError:
            pass  # the declared charset decides, then detection (bs4's UnicodeDammit)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            # A page that is only an address or a file name is still a page to clean.
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            return BeautifulSoup(html, "lxml", from_encoding=encoding if isinstance(html, bytes) else None,
                                 **_parse_options())
    except Exception as exc:  # lxml raises a variety of errors on broken bytes
        raise InputError(f"cannot parse the HTML ({exc.__class__.__name__})") from None


@lru_cache(maxsize=1)
def _parse_options() -> dict:
    """Cheaper trees for the same text. Attribute values stay strings: bs4 would
    split class and rel into lists on every tag, and the walker reads few."""
    from bs4 import element

    options = {"multi_valued_attributes": None}
    if hasattr(element, "XMLAttributeDict"):
        # bs4 4.13+ checks each attribute value it stores; lxml gives only strings.
        options["attribute_dict_class"] = element.AttributeDict
    return options


def read_page(html: str | bytes, encoding: str | None = None) -> Page:
    """The page's blocks, title and metadata."""
    with _gc_paused():
        return _read_page(html, encoding)  # the tree is garbage once this returns


def _read_page(html: str | bytes, encoding: str | None) -> Page:
    from .meta import read_meta

    soup = parse(html, encoding)
    meta = read_meta(soup)  # before scripts go: JSON-LD lives in <script>
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    walker = _Walker(_tables())
    if title:
        walker.emit_title(title)
    body = soup.body or soup
    walker.walk(body)
    walker.flush()
    blocks = _settle(walker.blocks)
    _mark_root(blocks, walker.spans)
    _measure_boxes(blocks)
    return Page(blocks, title, meta)


_gc_lock = threading.Lock()
_gc_users = 0
_gc_was_on = False


@contextmanager
def _gc_paused():
    """No cyclic garbage collection while a page's tree is built and walked.

    Every node made then lives until the page is read, so each collection finds
    nothing yet traverses the whole tree so far: that was a quarter of the time
    of clean_html. Resumed once the tree is garbage, the next collection frees
    it. Counted, so that threads reading pages at once resume it once.
    """
    global _gc_users, _gc_was_on
    with _gc_lock:
        if _gc_users == 0:
            _gc_was_on = gc.isenabled()
            gc.disable()
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0 and _gc_was_on:
                gc.enable()


def html_to_text(html: str | bytes, encoding: str | None = None) -> str:
    """The page as scraped text: one block per line, blank lines between paragraphs."""
    page = read_page(html, encoding)
    out: list[str] = []
    last = None
    for b in page.blocks:
        if last is not None:
            out.append("\n\n" if b.group != last else "\n")
        out.append(b.text)
        last = b.group
    return "".join(out) + ("\n" if out else "")


class _Frame:
    """The context a node inherits. Flags carry the id of the element that set
    them, so that a flag set by an element holding most of the page (broken
    markup nests whole pages in a menu) can be voided afterwards."""

    __slots__ = ("flags", "names", "heading", "paragraph", "links", "near", "depth")

    def __init__(self, flags, names, heading, paragraph, links, near, depth):
        self.flags = flags  # (name, setter id, block depth): regions, "chrome", "meta", "story", "hidden"
        self.names = names  # the flags' names, a frozenset
        self.heading = heading
        self.paragraph = paragraph
        self.links = links
        # Only the nearest block elements and the depth: a tuple of all of them
        # would cost memory and time quadratic in the nesting (100,000 <div>s).
        self.near = near
        self.depth = depth


class _Walker:
    """Depth-first walk that prints blocks the way scrapers do."""

    def __init__(self, tables: dict):
        self.t = tables
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.group = 0
        self.gap = False
        self.frame = _Frame((), frozenset(), 0, False, 0, (), 0)
        # Inline edges met since the last text: any, an element closed, then
        # another opened; a word-level element at either (see space()).
        self.edge = self.closed = self.opened = self.glued = False
        # Block element id -> (first, end) walk positions of the blocks inside it.
        self.spans: dict[int, tuple[int, int]] = {}
        self._text_lengths: dict[int, int] = {}

    def emit_title(self, title: str) -> None:
        self.parts.append(title)
        self.flush()
        self.gap = True

    def walk(self, root) -> None:
        from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

        not_text = (Comment, Declaration, Doctype, ProcessingInstruction)
        tables = self.t
        drop, block, paragraph = tables["drop"], tables["block"], tables["paragraph"]
        parts = self.parts
        # Each level: the children still to visit, the context they inherit, and
        # the block element they belong to (None for an inline one), closed when done.
        stack: list = [(iter((root,)), self.frame, None)]
        while stack:
            children, frame, _ = stack[-1]
            for node in children:
                if isinstance(node, NavigableString):
                    if node and not isinstance(node, not_text):
                        if (self.opened or self.edge) and not self.glued and parts:
                            self.space(node, frame)
                        self.closed = self.opened = self.glued = self.edge = False
                        parts.append(node)
                        if frame.links:
                            self.link_chars += len(node.strip())
                    continue
                if not isinstance(node, Tag):
                    continue
                name = node.name
                if name in drop:
                    continue
                if name == "noscript" and self.text_length(node) < _NOSCRIPT_TEXT:
                    continue  # a "please enable JavaScript" note; some sites put the whole page here
                attrs = node.attrs
                hidden = bool(attrs) and _hidden(attrs)
                if hidden and name not in block and (hidden is _HOVER or self.text_length(node) < _NOSCRIPT_TEXT):
                    continue  # hidden inline text; hidden blocks are dropped after the walk (see _settle)
                if name == "br":
                    self.flush()
                    continue
                child = self._enter(node, name, attrs, hidden, frame)
                if _styles_letters(node):
                    self.glued = True
                else:
                    self.edge = True
                    if self.closed:
                        self.opened = True
                if name in block:
                    self.flush()
                    if name in paragraph:
                        self.gap = True
                    self.frame = child
                    self.spans[id(node)] = (len(self.blocks), len(self.blocks))
                stack.append((iter(node.contents), child, node))
                break
            else:
                _, _, element = stack.pop()
                if element is None or element.name not in block:
                    if element is not None:
                        if _styles_letters(element):
                            self.glued = True
                        else:
                            self.closed = self.edge = True
                else:
                    # Leaving a block element: its text ends here; the parent's context resumes.
                    self.flush()
                    ident = id(element)
                    self.spans[ident] = (self.spans[ident][0], len(self.blocks))
                    if element.name in paragraph:
                        self.gap = True
                    self.frame = stack[-1][1]

    def space(self, node: str, frame: _Frame) -> None:
        """A space between two inline elements side by side (``<span>By</span><a>Jo
        Doe</a>``, a row of links), which pages lay out apart. Not after a lone
        letter (a drop cap), before a small letter that may go on a word (editors
        split words into runs of spans), or in preformatted text. In scripts
        without spaces the edge of a link or span is the one word boundary the
        page marks, so it gets a space too ("アプリ<a>Kindle</a>に")."""
        last = self.parts[-1]
        left, right = last[-1], node[0]
        if not right.isalnum() or "pre" in frame.names:
            return
        if _UNSPACED.match(left) or _UNSPACED.match(right):
            if left.isalnum():
                self.parts.append(" ")
            return
        if not self.opened or not (left.isalnum() or left in _SPACE_AFTER):
            return
        if len(last.strip()) < 2 or (right.islower() and left.isalnum()):
            return  # "<span>U</span><span>n terrain", "<span>Ch</span><span>âteau</span>", "31<span>g</span>"
        self.parts.append(" ")

    def text_length(self, node) -> int:
        """``len(node.get_text())``, each element counted once: nested hidden or
        noscript boxes would otherwise each count the text below them again."""
        memo = self._text_lengths
        if id(node) in memo:
            return memo[id(node)]
        from bs4 import CData, NavigableString, Tag

        if node.interesting_string_types != Tag.MAIN_CONTENT_STRING_TYPES:
            return len(node.get_text())
        counted = (NavigableString, CData)  # get_text's types, matched exactly as it does
        stack = [(node, False)]
        while stack:
            tag, done = stack.pop()
            if done:
                memo[id(tag)] = sum(memo[id(c)] if isinstance(c, Tag) else len(c) if type(c) in counted else 0
                                    for c in tag.contents)
            elif id(tag) not in memo:
                stack.append((tag, True))
                stack.extend((c, False) for c in tag.contents if isinstance(c, Tag))
        return memo[id(node)]

    def _enter(self, node, name: str, attrs: dict, hidden: bool, frame: _Frame) -> _Frame:
        """The context of the node's content: ``frame`` itself when the node changes nothing."""
        flags, names = frame.flags, frame.names
        region = _REGION_TAGS.get(name)
        if region or attrs:
            new = _new_flags(region, attrs, hidden, names)
            if new:
                ident, depth = id(node), frame.depth
                flags = tuple(x for x in flags if x[0] not in new) + tuple((f, ident, depth) for f in new)
                names = names.union(new)
        heading = _HEADINGS.get(name, frame.heading)
        if name in self.t["block"]:
            near, depth = (frame.near + (id(node),))[-NEAR:], frame.depth + 1
        elif flags is frame.flags and heading == frame.heading and name != "a" and (name != "p" or frame.paragraph):
            return frame
        else:
            near, depth = frame.near, frame.depth
        return _Frame(flags, names, heading, frame.paragraph or name == "p", frame.links + (name == "a"), near, depth)

    def flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        self.parts.clear()
        links, self.link_chars = self.link_chars, 0
        f = self.frame
        # Source line breaks are spaces, except in preformatted text.
        pieces = raw.split("\n") if "pre" in f.names else [raw.replace("\n", " ")]
        flags = None
        for piece in pieces:
            line = clean_line(piece)
            if not line:
                continue
            if self.gap and self.blocks:
                self.group += 1
            self.gap = False
            if flags is None:
                depth = f.depth
                flags = tuple((flag, sid) for flag, sid, at in f.flags
                              if flag not in _CLASS_FLAGS or depth - at <= CLASS_REACH)
            info = (flags, f.heading, f.paragraph, min(1.0, links / max(1, len(line))), f.near)
            self.blocks.append(Block(len(self.blocks), line, self.group, len(self.blocks) + 1, info))


def _settle(blocks: list[Block]) -> list[Block]:
    """Turn raw flags into HtmlInfo and drop hidden blocks.

    A flag is void when the element that set it holds more than half the page's
    text (a layout table, a menu that broken markup wraps around everything),
    or, for flags that say chrome, a good share of its prose: a "share"
    word on the box around the story's paragraphs says nothing about them.
    Words naming furniture (share, menu, widget) are void on an element that
    holds paragraphs of prose at all: furniture holds none.
    """
    mass: dict[int, int] = {}
    prose_mass: dict[int, int] = {}
    paragraphs: dict[int, int] = {}
    total = prose_total = 0
    for b in blocks:
        n = len(b.text)
        prose = n if _is_prose(b.text) else 0
        total += n
        prose_total += prose
        for setter in {sid for _, sid in b.html[0]}:
            mass[setter] = mass.get(setter, 0) + n
            if prose:
                prose_mass[setter] = prose_mass.get(setter, 0) + prose
                paragraphs[setter] = paragraphs.get(setter, 0) + 1
    limit = VOID_SHARE * total
    prose_limit = PROSE_VOID_SHARE * prose_total if prose_total >= _MIN_PROSE else float("inf")
    kept: list[Block] = []
    for b in blocks:
        flags, heading, paragraph, links, ancestors = b.html
        live = {flag for flag, sid in flags
                if flag in _STORY_FLAGS
                or (mass[sid] <= limit and (flag not in _CHROME_FLAGS or prose_mass.get(sid, 0) <= prose_limit)
                    and (flag != "furniture" or paragraphs.get(sid, 0) < FURNITURE_PARAGRAPHS))}
        if "hidden" in live:
            continue
        chrome = "chrome" in live or "furniture" in live
        b.html = HtmlInfo(frozenset(live & _REGION_SET), heading, paragraph, chrome, "meta" in live,
                          "story" in live, links, ancestors)
        b.index = len(kept)
        kept.append(b)
    return kept


def _is_prose(text: str) -> bool:
    return text.count(" ") >= 9 and text[-1] in _PROSE_END


def _new_flags(region: str | None, attrs: dict, hidden: bool, have: frozenset[str]) -> list[str]:
    """Flags an element sets that its context lacks: its region, role, itemprop and
    hidden state; then its class and id words, which renew the context's (a nearer
    setter replaces a farther one)."""
    new = []
    found = [region] if region else []
    if attrs:
        role = attrs.get("role")
        if isinstance(role, str) and role.lower() in _ROLES:
            found.append(_ROLES[role.lower()])
        if attrs.get("itemprop") == "articleBody":
            found.append("article")
        if hidden:
            found.append("hidden")
    for flag in found:
        if flag not in have and flag not in new:
            new.append(flag)
    if attrs:
        words = " ".join(filter(None, (attrs.get("class"), attrs.get("id"))))
        if words:
            new.extend(_class_flags(words))
    return new


@lru_cache(maxsize=4096)
def _class_flags(words: str) -> tuple[str, ...]:
    """The flags that class and id words say: pages repeat the same few classes.
    Chrome and metadata words are sought in camelCase words too ("mainNav",
    "imageEmbedCaption"); story words not, being the generic tails of such
    names ("teaserContentWrap", "cardBody"). The words are read one by one (no
    word of the tables holds a space), so that an id no other element bears
    costs one new word, not a new reading of the classes beside it."""
    camel = words.lower() != words  # the whole attribute's case decides, as it did read whole
    chrome = meta = story = False
    furniture = True  # every chrome word found names furniture
    for word in words.split():
        c, m, s, f = _word_flags(word, camel)
        chrome, meta, story, furniture = chrome or c, meta or m, story or s, furniture and f
    flags = ("furniture" if furniture else "chrome",) if chrome else ()
    return flags + ("meta",) * meta + ("story",) * story


@lru_cache(maxsize=16384)
def _word_flags(word: str, camel: bool) -> tuple[bool, bool, bool, bool]:
    """Whether one class or id word says chrome, metadata, story, and whether
    all the chrome words in it name furniture."""
    tables = _tables()
    lower = word.lower()
    split = _CAMEL.sub(" ", word).lower() if camel else lower
    if "tag-" in lower:
        lower = tables["taxonomy"].sub(" ", lower)
        split = tables["taxonomy"].sub(" ", split)
    chrome = tables["chrome"].search(split) is not None
    furniture = not chrome or all(m in tables["furniture"] for m in tables["chrome"].findall(split))
    return chrome, tables["meta"].search(split) is not None, tables["story"].search(lower) is not None, furniture


def _styles_letters(node) -> bool:
    """A word-level element around text ("<b>W</b>ord"); an empty <i> is an icon, not a letter's style."""
    return node.name in _WORD_LEVEL and (bool(node.contents) or node.name == "wbr")


def _hidden(attrs: dict) -> bool | str:
    """Whether the element is hidden; _HOVER for a hover card, hidden however much
    it holds (a long hidden box may be the page, shown by a script; a card never)."""
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = attrs.get("class")  # a string: see _parse_options
    return _hidden_class(classes) if classes else False


@lru_cache(maxsize=4096)
def _hidden_class(classes: str) -> bool | str:
    """_hidden for a class attribute: pages repeat the same few classes."""
    found = _tables()["hidden"].search(classes)
    if found is None:
        return False
    return _HOVER if found.group("hover") else True



def _measure_boxes(blocks: list[Block]) -> None:
    """For each block, what the box around it holds: a teaser box is mostly
    links, a story's body mostly prose."""
    chars: dict[int, int] = {}
    links: dict[int, float] = {}
    prose: dict[int, int] = {}
    total = 0
    for b in blocks:
        info = b.html
        if info is None or not info.ancestors:
            continue
        box = info.ancestors[-2] if len(info.ancestors) > 1 else info.ancestors[-1]
        n = len(b.text)
        total += n
        chars[box] = chars.get(box, 0) + n
        links[box] = links.get(box, 0.0) + n * info.link_density
        if _is_prose(b.text):
            prose[box] = prose.get(box, 0) + n
    for b in blocks:
        info = b.html
        if info is None or not info.ancestors:
            continue
        box = info.ancestors[-2] if len(info.ancestors) > 1 else info.ancestors[-1]
        size = chars[box] or 1
        info.box_links = links[box] / size
        info.box_prose = prose.get(box, 0) / size
        info.box_share = size / (total or 1)


def _mark_root(blocks: list[Block], spans: dict[int, tuple[int, int]]) -> None:
    """Mark the blocks inside the element that holds most of the page's prose.

    Each prose-like block outside chrome (a comment, a sidebar) gives its length
    to the element around it and half of it to the next one out (as readability
    does); the best-scored element is the root.
    """
    score: dict[int, float] = {}
    for b in blocks:
        info = b.html
        if info is None or len(info.ancestors) < 2:
            continue
        words = b.text.count(" ") + 1
        if words < 8 or info.link_density > 0.5 or (b.text[-1] not in _PROSE_END and words < _LONG_PROSE):
            continue
        if info.chrome_class or not info.regions.isdisjoint(_NOT_ROOT):
            continue  # a long comment or a sidebar's prose is not the story's container
        weight = words * (1.0 - info.link_density)
        if "list" in info.regions:
            weight *= _LIST_WEIGHT
        parent, grand = info.ancestors[-2], info.ancestors[-3] if len(info.ancestors) > 2 else None
        score[parent] = score.get(parent, 0.0) + weight
        if grand is not None:
            score[grand] = score.get(grand, 0.0) + weight / 2
    if not score:
        return
    root = max(score, key=score.__getitem__)
    # The blocks inside the root are those the walk made while in it (Block.line
    # is the walk position, kept when _settle drops hidden blocks).
    first, end = spans[root]
    for b in blocks:
        if b.html is not None and first < b.line <= end:
            b.html.in_root = True
