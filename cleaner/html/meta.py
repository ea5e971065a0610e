"""Metadata an HTML page declares: JSON-LD, OpenGraph and other meta tags,
<time>, rel=author links, <html lang>. Checked against the text before use."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime
from html import unescape
from urllib.parse import unquote

import regex

from .. import text as T
from ..metadata.authors import placeholder
from ..metadata.dates import parse_date, swap_day_month

_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
                  "scholarlyarticle", "socialmediaposting", "liveblogposting", "report", "webpage",
                  "medicalwebpage", "posting", "discussionforumposting", "videoobject", "howto", "recipe"}
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dc:title", "dcterms.title", "dcterms:title", "citation_title",
               "sailthru.title", "parsely-title")
_DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
              "publishdate", "publish-date", "published_time", "dc.date", "dc.date.issued", "dcterms.date",
              "dcterms.created", "citation_publication_date", "citation_date", "parsely-pub-date",
              "sailthru.date", "article.published", "og:published_time", "cxenseparse:recs:publishtime")
# Dublin Core's creator first: a plain "author" tag is often the site's or the webmaster's.
_AUTHOR_KEYS = ("dc:creator", "dc.creator", "dcterms:creator", "dcterms.creator", "author", "article:author",
                "citation_author", "sailthru.author", "parsely-author", "byl", "twitter:creator")
_URLISH = regex.compile(r"^(?:https?:|www\.|/)|\.(?:com|org|net|de|fr)\b|@")
_SPACE = regex.compile(r"\s+")


def read_meta(soup) -> dict:
    """What the page says of itself: title, authors, published, source, language."""
    out: dict = {}
    tags = _tags(soup)
    _json_ld(tags["script"], out)
    metas: dict[str, str] = {}
    for tag in tags["meta"]:
        value = tag.get("content")
        if not isinstance(value, str) or not value.strip():
            continue
        # RDFa lets one tag carry several properties: property="dc:title og:title"
        for key in (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower().split():
            metas.setdefault(key, _fold(value))
    for key in _TITLE_KEYS:
        if key in metas:
            out.setdefault("titles", []).append(metas[key])
    for key in _DATE_KEYS:
        if key in metas and ("published" not in out or _in_utc(out["published"])):
            iso = _iso(metas[key])
            if iso and ("published" not in out or _same_instant(iso, out["published"])):
                out["published"] = iso
                swapped = _swapped(metas[key], iso)
                if swapped:
                    out["published_swapped"] = swapped
    for key in _AUTHOR_KEYS:
        if key in metas and "authors" not in out:
            names = [n for n in _split_names(metas[key]) if not _URLISH.search(n)]
            if names:
                out["authors"] = names
    if "og:site_name" in metas:
        out.setdefault("site", metas["og:site_name"])
    for t in tags["time"]:
        if _in_comment(t):
            continue  # a reader's comment's time, not the article's
        value = t.get("datetime") or t.get("content")
        iso = _iso(value) if isinstance(value, str) else None
        if iso:
            out["first_time"] = iso
            out.setdefault("published", iso)
            break
    if "authors" not in out:
        names = []
        for a in tags["rel=author"]:
            name = _fold(a.get_text(" ", strip=True))
            if name and not _URLISH.search(name) and len(name.split()) <= 5 and name not in names \
                    and not placeholder(name):
                names.append(name)
        if names:
            out["authors"] = names
    if "authors" not in out:
        names = _linked_authors(tags["author link"])
        if names:
            out["authors"] = names
    headlines = {_fold(h.get_text(" ", strip=True)) for h in tags["itemprop=headline"]} - {""}
    if len(headlines) == 1:
        out["headline"] = headlines.pop()  # several: teasers marked up as headlines too
    for h1 in tags["h1"]:
        parts = _kicker_and_headline(h1)
        if parts:
            kicker, headline, whole = parts
            out.setdefault("kickers", {}).update({_key(kicker): headline, _key(whole): headline})
    html = tags["html"][0] if tags["html"] else None
    lang = (html.get("lang") or html.get("xml:lang")) if html is not None else None
    if isinstance(lang, str) and regex.match(r"[a-zA-Z]{2}\b", lang):
        out["language"] = lang[:2].lower()
    locale = lang if isinstance(lang, str) and "-" in lang else metas.get("og:locale", "")
    if _DAY_FIRST_ENGLISH.fullmatch(locale.strip()):
        out["day_first"] = True
    return out


def _tags(soup) -> dict[str, list]:
    """The elements read here, in document order, found in one pass over the tree:
    <meta>, <time>, <html>, <h1>, JSON-LD <script>, rel=author elements, links to an
    author's page and elements marked up as the headline (itemprop)."""
    found: dict[str, list] = {"meta": [], "time": [], "html": [], "script": [], "rel=author": [], "author link": [],
                              "h1": [], "itemprop=headline": []}
    for node in soup.descendants:
        name = node.name  # None for text
        if name is None:
            continue
        attrs = node.attrs
        if name in _READ and (name != "script" or _JSON_LD.search(attrs.get("type") or "")):
            found[name].append(node)
        rel = attrs.get("rel")
        # rel stays one string (see html._parse_options): a list of words on <a> and <link>
        if isinstance(rel, str) and ("author" in rel.split() if name in ("a", "link") else rel == "author"):
            found["rel=author"].append(node)
        elif name == "a" and _AUTHOR_PAGE.search(attrs.get("href") or ""):
            found["author link"].append(node)
        if name != "meta" and attrs.get("itemprop") == "headline":
            found["itemprop=headline"].append(node)
    return found


_READ = frozenset({"meta", "time", "html", "script", "h1"})
# A link to an author's page, its last path part the author's name: ".../author/jane-doe/".
_AUTHOR_PAGE = regex.compile(r"/(?:authors?|autor(?:en|in)?|auteurs?|autore|autores|autorzy|profile?s?|redakteur)/"
                             r"(?P<slug>[\w%.-]+)/?(?:[?#].*)?$", regex.IGNORECASE)
_COMMENT_BOX = regex.compile(r"comment|kommentar|respond|reply|reacties|komentarz", regex.IGNORECASE)
_MENU_TAGS = frozenset({"nav", "footer", "aside"})
# Links to more authors' pages than this are a list of the site's writers, not a byline.
MAX_LINKED_AUTHORS = 3


# Classes of the kicker a headline element prints over or beside the headline proper
# ("Dachzeile", "surtitre", "occhiello"), and of the separators kept for screen readers.
_KICKER = regex.compile(r"kicker|top-?line|over-?line|roof-?line|dachzeile|spitzmarke|eyebrow|h1-?small|super-?title|"
                        r"pre-?title|over-?title|surtitre|antetitulo|occhiello|fake-h[1-6]", regex.IGNORECASE)
_READER_ONLY = regex.compile(r"aural|invisible|sr-only|screen-reader|visually-?hidden|offscreen|a11y", regex.IGNORECASE)


def _kicker_and_headline(h1) -> tuple[str, str, str] | None:
    """An <h1> of a kicker and a headline, told apart by the kicker's class: the kicker,
    the headline, and the whole heading's text."""
    node = h1
    while True:  # down through a single wrapper (a link around the heading's parts)
        inner = [c for c in node.children if c.name is not None or str(c).strip()]
        if len(inner) != 1 or inner[0].name is None:
            break
        node = inner[0]
    kicker, rest = [], []
    for child in inner:
        if child.name is None:
            rest.append(str(child))
            continue
        classes = child.attrs.get("class") or ""
        if _KICKER.search(classes):
            kicker.append(child.get_text(" ", strip=True))
        elif not _READER_ONLY.search(classes):
            rest.append(child.get_text(" ", strip=True))
    headline = _fold(" ".join(rest)).strip(" :|-–—·")
    if not kicker or len(headline.split()) < 2:
        return None
    return _fold(" ".join(kicker)), headline, _fold(h1.get_text(" ", strip=True))


def _in_comment(node) -> bool:
    """Inside a reader's comment, by the class or id of an element around it."""
    return _has_ancestor(node, lambda parent: _COMMENT_BOX.search(
        (parent.attrs.get("class") or "") + " " + (parent.attrs.get("id") or "")) is not None)


def _in_menu(node) -> bool:
    return _has_ancestor(node, lambda parent: parent.name in _MENU_TAGS)


def _has_ancestor(node, test, depth: int = 25) -> bool:
    """Whether an element around ``node``, up to ``depth`` levels and below <body>, passes ``test``."""
    for parent in node.parents:
        depth -= 1
        if depth < 0 or parent.name in (None, "body", "[document]"):
            return False
        if test(parent):
            return True
    return False


def _linked_authors(links) -> list[str]:
    """Names of links to an author's page whose address spells the name: "Jane Doe"
    linking to .../author/jane-doe/. A comment's or a menu's links do not count."""
    names: list[str] = []
    for a in links:
        name = _fold(a.get_text(" ", strip=True))
        slug = _AUTHOR_PAGE.search(a.get("href") or "").group("slug")
        if not name or len(name.split()) > 4 or _URLISH.search(name) or _letters(unquote(slug)) not in _spellings(name):
            continue
        if name in names or _in_comment(a) or _in_menu(a):
            continue
        names.append(name)
    return names if len(names) <= MAX_LINKED_AUTHORS else []


def _letters(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if ch.isalnum())


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _spellings(name: str) -> set[str]:
    """The name's letters, accents dropped or umlauts written out as an address spells them."""
    name = name.casefold()
    return {_letters(name), _letters(name.translate(_UMLAUTS))}


_JSON_LD = regex.compile(r"ld\+json", regex.I)


def _json_ld(scripts, out: dict) -> None:
    blocks = []
    for script in scripts:
        raw = script.string or script.get_text()
        if not raw or not raw.strip():
            continue
        try:
            blocks.append(json.loads(raw.strip().removeprefix("<![CDATA[").removesuffix("]]>")))
        except (ValueError, RecursionError):
            continue
    # Nodes named by "@id": an article's author is often only a reference to one (Yoast's @graph).
    nodes = {item["@id"]: item for data in blocks for item in _items(data)
             if isinstance(item.get("@id"), str) and len(item) > 1}
    for data in blocks:
        for item in _items(data):
            kind = item.get("@type")
            kinds = {k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}
            if not kinds & _ARTICLE_TYPES:
                continue
            rank = 0 if kinds & (_ARTICLE_TYPES - {"webpage", "medicalwebpage", "videoobject"}) else 1
            if out.get("_rank", 9) <= rank:
                continue
            found = {}
            headline = item.get("headline") or item.get("name")
            if isinstance(headline, str) and headline.strip():
                found["titles"] = [_fold(unescape(headline))]
            names = _person_names(item.get("author") or item.get("creator"), nodes)
            if names:
                found["authors"] = names
            for key in ("datePublished", "dateCreated", "uploadDate"):
                iso = _iso(item.get(key)) if isinstance(item.get(key), str) else None
                if iso:
                    found["published"] = iso
                    break
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found["site"] = _fold(publisher["name"])
            if found:
                for key in ("titles", "authors", "published", "site"):
                    out.pop(key, None)
                out.update(found)
                out["_rank"] = rank


def _items(data, depth: int = 0):
    if depth > 6:
        return
    if isinstance(data, list):
        for x in data:
            yield from _items(x, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _items(graph, depth + 1)
        main = data.get("mainEntity") or data.get("mainEntityOfPage")
        if isinstance(main, (dict, list)):
            yield from _items(main, depth + 1)


def _person_names(value, nodes: dict | None = None) -> list[str]:
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = (nodes or {}).get(item["@id"], item)
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(item, dict) and str(item.get("@type", "")).lower() == "organization":
            continue
        if isinstance(name, str):
            for n in _split_names(name):
                if n and not _URLISH.search(n) and n not in names:
                    names.append(n)
    return names


def _split_names(raw: str) -> list[str]:
    parts = regex.split(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b)\s*", _fold(raw))
    return [p.strip(" .") for p in parts if p.strip(" .") and not placeholder(p)]


def _iso(value) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return parse_date(value)
    if not 1990 <= stamp.year <= 2100:
        return None
    if len(value) <= 10:
        return stamp.date().isoformat()
    return stamp.isoformat()


_DAY_OR_MONTH = regex.compile(r"\s*([01]?\d)([./-])([01]?\d)\2(\d{4})(?!\d)")


def _swapped(raw: str, iso: str) -> str | None:
    """``iso`` with day and month exchanged, when ``raw`` writes a date either way round
    ("11/01/2023"): the page's printed date tells which it is."""
    m = _DAY_OR_MONTH.match(raw)
    if not m or m.group(1) == m.group(3) or len(iso) < 10:
        return None
    return swap_day_month(iso)


# English as written where numeric dates put the day first ("02/10/2020" is 2 October).
_DAY_FIRST_ENGLISH = regex.compile(r"en[-_](?:gb|uk|ie|au|nz|in|za|sg|my|pk|ng|ke|gh|hk)", regex.IGNORECASE)


def _day_first(iso: str | None, evidence) -> str | None:
    """``iso`` read month first from a numeric date the page prints ("02/10/2020"), read day
    first instead; None when the page prints no such date."""
    if not iso or len(iso) < 10:
        return None
    year, month, day = iso[:4], int(iso[5:7]), int(iso[8:10])
    if month == day or day > 12:
        return None
    printed = regex.compile(rf"(?<![\d/.])0?{month}(?P<sep>[/.-])0?{day}(?P=sep){year}(?!\d)")
    if not any(printed.search(ev.block.text) for ev in evidence[:600]):
        return None
    return swap_day_month(iso)


def _in_utc(iso: str) -> bool:
    return iso.endswith("+00:00")


def _same_instant(a: str, b: str) -> bool:
    """The same moment written with another offset: the local one tells the reader's day."""
    try:
        x, y = datetime.fromisoformat(a), datetime.fromisoformat(b)
    except ValueError:
        return False
    return x.tzinfo is not None and y.tzinfo is not None and x == y and x.utcoffset() != y.utcoffset()


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _key(text: str | None) -> str:
    return " ".join(T.WORD.findall((text or "").casefold()))


def merge(meta, page: dict, evidence, selection):
    """The text's metadata completed and checked with what the page declares.

    Title: see _choose_title; site names are cut from declared titles.
    A declared date wins over dates in the text (it comes from the publisher's
    own system), unless a date printed by the headline is a few days off; declared
    authors fill in when no byline names one, or read the byline's names right (see
    _fuller; otherwise declared author fields often hold an editor or the site). The text's language wins
    over <html lang>.
    """
    site = page.get("site")
    # The headline the page marks up as one (itemprop) last: printed, so no site name to cut.
    marked = [page["headline"]] if page.get("headline") else []
    declared = [_strip_site(t, site) for t in page.get("titles", [])] + marked
    headlines = [ev.block.text for ev in evidence[:600]
                 if ev.block.html is not None and ev.block.html.heading == 1 and 1 <= ev.words <= 40
                 and _headline_region(ev.block.html.regions) and _key(ev.block.text) != _key(site)]
    whole = [_fold(unescape(t)) for t in page.get("titles", [])] + marked
    start = selection.start if selection.start is not None else -1
    opening = [ev.block.text for ev in evidence[max(0, start - OPENS_WITHIN):start + 1]]
    title = _choose_title(meta.title, declared, whole, headlines, opening, evidence)
    if title:
        meta.title = title
    if meta.title and _key(meta.title) in page.get("kickers", {}):
        meta.title = page["kickers"][_key(meta.title)]  # the headline without the kicker printed with it
    if page.get("day_first") and not page.get("published"):
        meta.published = _day_first(meta.published, evidence) or meta.published
    if page.get("published") and not _printed_wins(meta, page["published"], page.get("first_time")) \
            and not (meta.published and meta.published[:10] == page.get("published_swapped", "")[:10]):
        meta.published = page["published"]
    if page.get("authors") and (not meta.authors or _fuller(page["authors"], meta.authors)
                                or _printed_by_story(page["authors"], meta.authors, evidence, start)):
        meta.authors = list(page["authors"])
    if not meta.source and site:
        meta.source = site
    if not meta.language and page.get("language"):
        meta.language = page["language"]
    return meta


def _fuller(declared: list[str], printed: list[str]) -> bool:
    """The declared names are the printed ones read right: a byline that signs with a first
    name ("Nadja") where the page declares "Nadja Demel", or whose reading took in words
    beside the name ("Februar Alexander Roll") where the page declares "Alexander Roll"."""
    return len(declared) == len(printed) and all(_same_name(d, p) for d, p in zip(declared, printed))


# Blocks above the story's first one, and into it, where a byline stands.
BYLINE_ABOVE, BYLINE_INTO = 8, 2
_PERSON = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3}")


def _printed_by_story(declared: list[str], found: list[str], evidence, start: int) -> bool:
    """The declared names, each a person's (capitalised words), printed as a short line right
    above the story where the text's names are not: the text read its byline elsewhere, as
    from a teaser at the top of the page or a credit after the story."""
    if start < 0 or set(declared) == set(found) or not all(_PERSON.fullmatch(n) for n in declared):
        return False
    lines = [ev.block.text for ev in evidence[max(0, start - BYLINE_ABOVE):start + BYLINE_INTO + 1] if ev.words <= 12]
    return all(any(n in line for line in lines) for n in declared) \
        and not any(n in line for n in found for line in lines)


def _same_name(declared: str, printed: str) -> bool:
    d, p = declared.casefold().split(), printed.casefold().split()
    if len(d) > len(p):
        return d[:len(p)] == p
    return 2 <= len(d) < len(p) and (p[-len(d):] == d or p[:len(d)] == d)


# Blocks above the story's first one where its headline stands.
OPENS_WITHIN = 2


def _choose_title(text_title: str | None, declared: list[str], whole: list[str], headlines: list[str],
                  opening: list[str], evidence) -> str | None:
    """The page's visible headline (an <h1> outside menus) when a declared title agrees
    with it (unless the main declared one, JSON-LD's or og:title, differs and the text's
    title is that one), or with its part beside a kicker or site name ('Kicker : Headline',
    'Headline | Site'), or else when the text's title does; else a declared title the
    page prints, else the first such headline, but over a title the text found only
    one right above the story ('opening'): an <h1> far above it is mostly the site's name."""
    agree = {_key(t) for t in declared + whole}  # whole: a short last part cut as a site name may not be one
    title = next((h for h in headlines if _key(h) in agree), None)
    main = {_key(declared[0]), _key(whole[0])} if declared else set()
    if title and text_title and _key(text_title) in main and _key(title) not in main:
        return text_title  # the main declared title and the text's reading outvote the <h1>
    title = title or next((p for h in headlines for p in _parts(h) if _key(p) in agree), None)
    if title is None and text_title:
        title = next((h for h in headlines if _key(h) == _key(text_title)), None)
    if title is None and declared:
        # not the first block: the document title itself, printed there for text input
        printed = {_key(ev.block.text) for ev in evidence[1:600] if ev.words <= 40}
        title = next((t for t in declared if _key(t) in printed), None)
    if title is None and headlines:
        title = headlines[0] if not text_title else next((h for h in opening if h in headlines), None)
    if title is None and not text_title and declared:
        title = declared[0]
    if title and text_title and text_title.startswith(title) and _EXTENSION.match(text_title, len(title)):
        return text_title  # the headline printed again below with its subtitle (see metadata.title.extended)
    return title


def _parts(headline: str):
    """What stands before and after each spaced separator of a headline."""
    for m in _SITE_SEPARATORS.finditer(headline):
        yield headline[m.end():].strip()
        yield headline[:m.start()].strip()


# Days a printed date may stand from the declared one and still name the same publication.
SAME_EVENT_DAYS = 7


def _printed_wins(meta, declared: str, first_time: str | None = None) -> bool:
    """The date printed by the headline, when the declared one is a few days off: both
    stamp the same publication, but the declared field is often the time in UTC, a later
    edit or the day the article was drafted, while readers are shown the printed one.
    Far apart, the printed date is more likely a teaser's or an update's."""
    if not (meta.printed_date and meta.published):
        return False
    try:
        days = (date.fromisoformat(declared[:10]) - date.fromisoformat(meta.published[:10])).days
    except ValueError:
        return False
    if days > SAME_EVENT_DAYS and first_time and first_time[:10] == meta.published[:10]:
        # Printed earlier and marked up as the page's first <time>: the declared date is a
        # later re-stamp (a relaunch, a move to a new system), not the publication.
        return True
    return 0 < abs(days) <= SAME_EVENT_DAYS


def _headline_region(regions: frozenset[str]) -> bool:
    """An <h1> in a menu, footer or sidebar is a logo or a label; one in a page
    header is too, unless the header belongs to the article."""
    if regions & {"nav", "footer", "aside"}:
        return False
    return "header" not in regions or bool(regions & {"article", "main"})


_SITE_SEPARATORS = regex.compile(r"\s+(?:[|·•»:–—-]|::)\s+")
_EXTENSION = regex.compile(r"\s+[-–—:|]\s+\S")


def _strip_site(title: str, site: str | None) -> str:
    """'Headline - Site' gives 'Headline': the part naming the declared site, or
    else a short last part, as most pages put their name there."""
    title = _fold(unescape(title))
    parts = _SITE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        kept = [p for p in parts if _key(p) != _key(site)]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    last, rest = parts[-1], title[: title.rfind(parts[-1])]
    rest = _SITE_SEPARATORS.sub(" - ", rest).rstrip(" -|·•»:–—").strip()
    if len(last.split()) <= 4 and len(last) < len(rest):
        return rest
    return title
