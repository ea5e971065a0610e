"""Authors from byline lines, in their many shapes.

Two readings of a line:

- ``byline_names``: a line with a byline word ("By", "Von", "Par", "Autor:",
  "Written by", ...) at the start of one of its parts; the names follow it.
- ``bare_names``: a line that is only names once dates, times and separators
  are taken out ("Jane Doe | May 24, 2023", "Tanja Karrasch 3.11.2023"); the
  caller decides where such a line is believable (just under the headline).

Names keep the case the page prints them in; roles, handles, dates and
agencies are left out.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .. import text as T
from .dates import RELATIVE, ZONE_NAMES, find_dates
from .words import (
    AGENCIES, BYLINE_PREFIXES, BYLINE_STOPPERS, NAME_JOINERS, NAME_PARTICLES, NOT_NAMES,
    PREFIX_NEEDS_COLON, PUBLISHED_LABELS, UPDATED_LABELS, WEEKDAYS,
)

# Parts of a byline line: "Jane Doe | May 24 | Share" and the like.
_SEPARATORS = regex.compile(r"\s*(?:[|•·/]+|//|\s[-–—]{1,2}\s|\s:\s|[-–—]\s*$|^\s*[-–—])\s*")
_TOKEN = regex.compile(r"@\w+|[\p{L}\p{M}][\p{L}\p{M}\d'’._-]*|\d[\d.:/]*|[,;&()]")
# Capitalised word, initial ("J.", "J.R.", "C"), or all-caps name.
_CAPITALISED = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|\p{Lu}\.(?:-?\p{Lu}\.)*|(?:O|D|L)['’]\p{Lu}[\p{L}\p{M}'’-]*)")
_USERNAME = regex.compile(r"[\p{Ll}\d][\p{L}\d._-]{1,30}|[\p{L}\d]+_[\p{L}\d_]+")
_TIME = regex.compile(rf"\b[0-2]?\d[:h.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?|uhr|h)?(?:\s*(?:{ZONE_NAMES}|GMT[+-]\d+))?\b", regex.IGNORECASE)
_HANDLE = regex.compile(r"(?<!\w)@\w+")
_COUNT_WORDS = regex.compile(r"(?<!\w)(?:comments?|kommentare?|commentaires?|comentarios?|commenti)(?!\w)", regex.IGNORECASE)
# Comment counts and reading times printed on byline lines: "4 Kommentare", "24 Comments", "3 min read".
COUNTS = regex.compile(
    r"(?<!\w)(?:\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarz[ey]?|reacties)|"
    r"leave a (?:comment|reply)|hinterlasse einen kommentar|keine kommentare|no comments)(?!\w)"
    r"|(?<!\w)\d+\s*(?:min(?:ute)?s?|minuten)\.?(?:\s+(?:read|lesezeit|lesen|de lecture|de lectura|di lettura))?(?!\w)",
    regex.IGNORECASE,
)
_AGENCY = regex.compile(
    r"(?<![\w-])(?:" + "|".join(regex.escape(a) for a in sorted(AGENCIES, key=len, reverse=True)) + r")(?![\w-])"
)
MAX_NAME_TOKENS = 4
_INITIAL_END = regex.compile(r"(?<!\w)\p{Lu}\.$")
_NUMBER = regex.compile(r"(?<!\w)\d+(?!\w)")
_UPPER = regex.compile(r"\p{Lu}")
_HOLDER_END = regex.compile(r"\s*(?:[|•·,;/]|\s[-–—]\s|\.(?:\s|$)|\ball rights\b|\balle rechte\b|\btous droits\b)", regex.IGNORECASE)
MAX_NAMES = 6
# What content systems print or declare where no person is named: "No Author", the label
# itself ("Auteur"), a default account ("wordpressadmin", "admin2").
_PLACEHOLDER = regex.compile(
    r"(?:(?:no|unknown|kein|keine|inconnu|sans|sin|senza|brak)\s+)?(?:authors?|autor(?:in|en|es|a|e|i|zy)?|auteurs?)(?:\(s\))?"
    r"|(?:wp|wordpress|site|web|blog)?[-_ ]?admin(?:istrator)?\d*|webmaster|unknown|n/a",
    regex.IGNORECASE,
)


def placeholder(name: str) -> bool:
    """A stand-in where a content system names no one, not a person's name."""
    return _PLACEHOLDER.fullmatch(name.strip(" .:")) is not None


@lru_cache(maxsize=1)
def _prefix_pattern():
    alts = "|".join(regex.escape(p) for p in sorted(BYLINE_PREFIXES, key=len, reverse=True))
    return regex.compile(rf"(?P<prefix>{alts})(?P<colon>\s*:)?(?=\s|$)", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _label_pattern():
    words = sorted(PUBLISHED_LABELS + UPDATED_LABELS + ("on", "am", "le", "el", "il", "den", "der"), key=len, reverse=True)
    alts = "|".join(regex.escape(w) for w in words)
    # a label may stand alone on its line ("Letzte Aktualisierung" over the date): no name
    return regex.compile(rf"^(?:(?:{alts})(?:\s*:?\s+|\s*:?$))+", regex.IGNORECASE)


def blank_dates(text: str, language: str | None) -> tuple[str, bool]:
    """``text`` with dates, times and relative times replaced by separators; and whether any was."""
    spans = [(h.start, h.end) for h in find_dates(text, language, loose=True)]
    spans += [m.span() for m in RELATIVE.finditer(text)]
    spans += [m.span() for m in _TIME.finditer(text)]
    spans += [m.span() for m in _HANDLE.finditer(text)]
    spans += [m.span() for m in COUNTS.finditer(text)]
    spans += [m.span() for m in _COUNT_WORDS.finditer(text)]
    if not spans:
        return text, False
    out, last = [], 0
    for a, b in sorted(spans):
        if a < last:
            a = last
        if a >= b:
            continue
        out.append(text[last:a])
        out.append(" | ")
        last = b
    out.append(text[last:])
    return "".join(out), True


_LEAD_DASH = regex.compile(r"^[-–—]{1,2}\s+")


def parts(text: str) -> list[str]:
    out = []
    for p in _SEPARATORS.split(text):
        # A dash left leading a part once the date before it is blanked: "05.02.2020 - Von Jane Doe".
        p = _LEAD_DASH.sub("", p.strip(" ,;"))
        if p.endswith(".") and not _INITIAL_END.search(p):
            p = p.rstrip(".")  # a full stop, not an initial's
        if p:
            out.append(p)
    return out


# "— jane @ 10:15 pm" closing a post's meta line (a blog theme's "Filed under: News — jane @ 10:15"):
# the "@" reads "at", the name before it is the poster's.
_AT_TIME = regex.compile(
    r"\s[-–—]{1,2}\s+(?P<who>[\p{L}][\p{L}\p{M}\d._'’ -]{0,40}?)\s+@\s*[0-2]?\d[:.][0-5]\d"
    r"(?:\s*[ap]\.?m\.?)?\s*(?:$|[|•·])",
    regex.IGNORECASE,
)


def at_time_names(text: str, language: str | None) -> tuple[list[str], str | None] | None:
    """Names before "@ <time>" at the end of a line or of its first part, or None."""
    m = _AT_TIME.search(text)
    if m is None:
        return None
    names, agency = read_names(m.group("who").strip(), language, after_prefix=True)
    return (names, agency) if names else None


def byline_names(text: str, language: str | None) -> tuple[list[str], str | None] | None:
    """Names after a byline word in one of the line's parts, and an agency named there.

    None when no part of the line is a byline.
    """
    if not _prefix_pattern().search(text):
        return None
    blanked, _ = blank_dates(text, language)
    for part in parts(blanked):
        part = _label_pattern().sub("", part)
        m = _prefix_pattern().match(part)
        if not m:
            continue
        prefix = m.group("prefix").lower()
        if prefix in PREFIX_NEEDS_COLON and not m.group("colon"):
            continue
        rest = part[m.end():].strip()
        if not rest:
            continue
        names, agency = read_names(rest, language, after_prefix=True)
        if len(names) == 1 and not agency and " " not in names[0] \
                and T.word_count(rest) - 1 >= MAX_AFTER_LONE_NAME:
            continue  # a sentence opening with the word: "Von Preisbremsen im Energiemarkt über ..."
        if names or agency:
            return names, agency
    return None


# Words after a lone one-word name in a byline's part past which the part is a sentence.
MAX_AFTER_LONE_NAME = 8


def bare_names(text: str, language: str | None, lenient: bool = False) -> tuple[list[str], str | None, bool]:
    """Names when the line is only names (dates and separators aside), an agency named
    there, and whether the line had a date.

    Stricter than after a byline word: names of two to four capitalised words.
    lenient: on a line with a date, a short part that is not a name (a site's name,
    a category: "The Guardian 02/10/2020 Anna Fazackerley") is passed over.
    """
    if _NOT_BARE.search(text):
        return [], None, False  # a label ("Remaining characters:"), or words joined by symbols
    blanked, had_date = blank_dates(text, language)
    found: list[str] = []
    agency = None
    skipped = 0
    for part in parts(blanked):
        part = _label_pattern().sub("", part)
        part = _NUMBER.sub(" ", part).strip(" ,;")
        if not part or not _UPPER.search(part) or part.lower() in WEEKDAYS:
            continue  # filler between dates: "lundi", "à", "um"
        names, found_agency = read_names(part, language, after_prefix=False)
        if _leftover(part, names, found_agency):
            if lenient and had_date and T.word_count(part) <= MAX_SKIPPED_WORDS and skipped < 2:
                skipped += 1
                continue
            return [], None, had_date
        agency = agency or found_agency
        found.extend(n for n in names if n not in found)
    return found[:MAX_NAMES], agency, had_date


MAX_SKIPPED_WORDS = 4
_NOT_BARE = regex.compile(r"[:,]\s*$|[+=#*<>{}\[\]]")


def _leftover(part: str, names: list[str], agency: str | None) -> bool:
    """True when ``part`` holds more words than the names (and agency) read from it."""
    want = sum(len(T.words(n)) for n in names) + (len(T.words(agency)) if agency else 0)
    words = [w for w in T.words(part) if w.lower() not in NAME_JOINERS and w.lower() not in WEEKDAYS]
    return len(words) > want


def read_names(text: str, language: str | None, after_prefix: bool) -> tuple[list[str], str | None]:
    """Names at the start of ``text``, joined by commas or "and" words; and a trailing agency.

    after_prefix: the text followed a byline word, so a lone user name ("von gizzmo")
    or a single capitalised word ("By Ela") counts as a name.
    """
    stops = _stops(language)
    tokens = _TOKEN.findall(text)
    names: list[str] = []
    agency = None
    i = 0
    while i < len(tokens) and len(names) < MAX_NAMES:
        am = _AGENCY.match(text_from(tokens, i))
        if am:
            consumed = len(_TOKEN.findall(am.group(0)))
            after = tokens[i + consumed:i + consumed + 1]
            if not after or after[0] in (",", ";", "(", ")") or after[0].lower() in NAME_JOINERS:
                agency = am.group(0)
                i += consumed
                if i < len(tokens) and tokens[i] in (",", ";"):
                    i += 1
                continue
        name, j = _one_name(tokens, i, stops, after_prefix and not names)
        if not name:
            break
        names.append(name)
        i = j
        if i < len(tokens) and (tokens[i] in (",", ";") or tokens[i].lower() in NAME_JOINERS):
            joiner = tokens[i]
            i += 1
            if joiner in (",", ";"):
                # After a comma comes another name, or a role ("Jane Doe, PhD"): a lone
                # capitalised word is taken for a role, and ends the names.
                nxt, k = _one_name(tokens, i, stops, False)
                am = _AGENCY.match(text_from(tokens, i)) if i < len(tokens) else None
                if not am and (not nxt or len(nxt.split()) < 2):
                    break
            continue
        break
    return [n for n in names if not placeholder(n)], agency


@lru_cache(maxsize=64)
def _stops(language: str | None) -> frozenset[str]:
    # English words are everywhere on the web, whatever the page's language.
    return T.stopwords(language) | T.stopwords("en")


def text_from(tokens: list[str], i: int) -> str:
    return " ".join(tokens[i:])


def _one_name(tokens: list[str], i: int, stops: frozenset[str], lone_ok: bool) -> tuple[str | None, int]:
    """One name starting at token ``i``: capitalised words, particles and initials."""
    words: list[str] = []
    j = i
    capitalised = 0
    while j < len(tokens) and capitalised < MAX_NAME_TOKENS + 1:
        tok = tokens[j]
        low = tok.lower()
        if low in BYLINE_STOPPERS or low in NAME_JOINERS or tok in (",", ";", "(", ")"):
            break
        if low in NAME_PARTICLES and words and low not in _ARTICLE_PARTICLES:
            # "de la Vega", "van der Berg": particles, then a capitalised word.
            k = j
            while k < len(tokens) and tokens[k].lower() in NAME_PARTICLES and k - j < 3:
                k += 1
            if k < len(tokens) and _CAPITALISED.fullmatch(tokens[k]):
                words.extend(tokens[j:k])
                j = k
                continue
        if _CAPITALISED.fullmatch(tok) and not (not words and low.strip(".") in stops) and low.strip(".") not in NOT_NAMES_ALWAYS:
            words.append(tok)
            capitalised += 1
            j += 1
            continue
        break
    if capitalised > MAX_NAME_TOKENS:
        return None, i
    if capitalised >= 2 or (capitalised == 1 and lone_ok):
        name = " ".join(words)
        # A capitalised function word opens headings ("Die Welt", "Alle Artikel"), not names.
        if not lone_ok and (_common_word(words[0], stops) or any(_common_word(w, frozenset()) for w in words)):
            return None, i
        return name, j
    if lone_ok and not words and j < len(tokens) and _USERNAME.fullmatch(tokens[j]) \
            and tokens[j].lower() not in stops and tokens[j].lower() not in NOT_NAMES \
            and (j + 1 == len(tokens) or tokens[j + 1].lower() in BYLINE_STOPPERS):
        return tokens[j], j + 1
    return None, i


# Particles only after another ("von der Leyen", "van den Berg"): alone after a word they are
# German articles, and a role follows ("Leiter der Abteilung Verkehr").
_ARTICLE_PARTICLES = frozenset({"der", "den"})


def common_word(word: str, language: str | None) -> bool:
    """A word of the language or of page furniture, not part of a name."""
    return _common_word(word, _stops(language))


def _common_word(word: str, stops: frozenset[str]) -> bool:
    """A word of the language or of page furniture, not a name; initials and particles pass."""
    low = word.lower().strip(".")
    if len(low) <= 1 or low in NAME_PARTICLES:
        return False
    return low in NOT_NAMES or low in stops


# Words never part of a name, whatever the line: page furniture.
NOT_NAMES_ALWAYS = frozenset({
    "share", "shares", "follow", "comments", "comment", "reply", "print", "email", "e-mail", "facebook",
    "twitter", "whatsapp", "linkedin", "instagram", "pinterest", "telegram", "xing", "kommentare",
    "teilen", "drucken", "anzeige", "werbung", "advertisement", "newsletter", "subscribe", "updated",
    "published", "posted", "veröffentlicht", "aktualisiert", "date", "datum", "fecha", "data",
    "kategorien", "kategorie", "category", "tags", "photo", "photos", "foto", "fotos", "bild",
    "taboola", "outbrain", "plista", "revcontent", "google", "wordpress", "blogger", "admin",
    "bildquelle", "quelle", "source", "fuente", "fonte", "credits",
    # field labels of an archive's banner: "Collected by / Organization: Alexa Crawls"
    "organization", "organisation", "collection",
    # a caption's credit run into the byline: "von Olga Symbolbild imago"
    "symbolbild", "symbolfoto", "archivbild", "archivfoto", "titelbild", "beitragsbild", "vorschaubild",
    "illustration", "image", "images", "imago", "getty", "dpa-bildfunk", "shutterstock", "istock",
    # labels of paid content, which ad widgets print like a byline: "von Gesponserte Inhalte"
    "sponsored", "gesponsert", "gesponserte", "gesponserter", "sponsorisé", "sponsorisés", "sponsorisée",
    "patrocinado", "patrocinados", "patrocinada", "sponsorizzato", "sponsorizzati", "sponsorowane",
    "gesponsord", "gesponsorde", "спонсорский", "promoted", "paid", "inhalte", "contenu", "contenido",
    "contenuto", "conteúdo",
})


def agency_in(text: str) -> str | None:
    """A news agency named as a whole word in ``text``, or None."""
    m = _AGENCY.search(text)
    return m.group(0) if m else None


# A copyright line naming its holder: "© 2009-2012 Jane Doe", "Copyright (c) 2012- Jane Doe.
# All rights reserved.", "(c) Jane Doe • ...", "2006-2008 by Jane Doe".
_COPYRIGHT = regex.compile(
    r"(?:(?:©|\(c\)|copyright|&copy;)+\s*(?:(?:©|\(c\))\s*)?(?:\d{4}\s*(?:[-–]\s*(?:\d{4})?)?\s*,?\s*)?(?:by\s+)?"
    r"|(?<!\w)\d{4}\s*[-–]\s*\d{4}\s+by\s+)(?P<rest>[^\n]{2,80})",
    regex.IGNORECASE,
)
# Words of a company's or an institution's name: not a person holding the copyright.
ORGANISATION = frozenset("""
gmbh ag kg ug se sa s.a. sl s.l. srl spa s.p.a. bv nv ab as oy inc inc. llc ltd ltd. limited corp corporation co
company group gruppe holding holdings media medien verlag verlags publishing publications press presse news
magazin magazine zeitung journal e.v. ev verein verband stiftung foundation institut institute university
universität universidad università school schule akademie academy network netzwerk studio studios agentur agency
services solutions systems software online digital web blog team redaktion radio tv television fernsehen
partei party club klub forum forums verbände praxis kanzlei klinik clinic consulting beratung partner rechtsanwälte ev. deutschland österreich schweiz germany austria switzerland france españa italia
""".split())
# A capital inside a word ("ChemLin", "WordPress"): a brand, not a name ("McDonald" and "O'Neil" aside).
_CAMEL = regex.compile(r"(?<!^(?:Mc|Mac|O'|D'|De|Di|La|Le))(?<=\p{Ll})\p{Lu}")


def copyright_holder(text: str, language: str | None) -> str | None:
    """The person a copyright line names, when it names one (not a company), else None."""
    if len(text) > 200:
        return None
    m = _COPYRIGHT.search(text)
    if not m:
        return None
    rest = _HOLDER_END.split(m.group("rest"))[0]
    rest = rest.strip(" .")
    if not rest or any(w.lower().strip(".") in ORGANISATION or _CAMEL.search(w) for w in rest.split()):
        return None
    names, agency, _ = bare_names(rest, language)
    if len(names) == 1 and not agency and 2 <= len(names[0].split()) <= 3:
        return names[0]
    return None
