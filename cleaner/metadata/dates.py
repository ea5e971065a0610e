"""Dates as pages print them, to ISO 8601.

Month names come from CLDR (``data/months.toml``); numeric forms are read with
the page language deciding day/month order where it is ambiguous.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources

import regex

# Offsets of time-zone abbreviations that news pages print.
_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "CET": 60, "MEZ": 60, "CEST": 120, "MESZ": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "IST": 330, "CST": -360, "CDT": -300, "EST": -300,
    "EDT": -240, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480,
    "HST": -600, "AST": -240, "ADT": -180, "NST": -210, "NDT": -150, "JST": 540, "KST": 540,
    "AEST": 600, "AEDT": 660, "ACST": 570, "AWST": 480, "NZST": 720, "NZDT": 780, "SGT": 480, "HKT": 480,
}
# US zones printed without standard or daylight ("4:57 p.m. ET"): their offset depends on the date.
_SEASONAL_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
                   "PT": "America/Los_Angeles"}
# Languages that write numeric dates month first.
_MONTH_FIRST = {"en"}
MIN_YEAR, MAX_YEAR = 1990, 2100
# The abbreviations above, in capitals or ending the line ("10:18am ist"): any other short word
# after a time ("um 13:30 von Olga") is a byline word, not a zone.
# The seasonal ones in capitals only: "ct" or "et" ending a line is a word.
_ZONE_ALT = "|".join(sorted(_ZONES, key=len, reverse=True))
_ZONE_ALL = "|".join(sorted([*_ZONES, *_SEASONAL_ZONES], key=len, reverse=True))
ZONE_NAMES = rf"(?:(?-i:{_ZONE_ALL})|(?:{_ZONE_ALT})(?=[ \t]*(?:\n|$)))"


@dataclass(frozen=True, slots=True)
class DateHit:
    iso: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    raw = (resources.files("cleaner") / "data" / "months.toml").read_text(encoding="utf-8")
    table: dict[str, int] = {}
    for names in tomllib.loads(raw).values():
        for word, number in names.items():
            table.setdefault(word, number)
    return table


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    # Any word may be a month name; _iso looks it up, which keeps the pattern small.
    month = r"(?P<month>\p{L}[\p{L}\p{M}]{1,11})\.?"
    day = r"(?P<day>[0-3]?\d)"
    year = r"(?P<year>(?:19|20)\d\d)"
    time = (
        r"(?:(?:,|\s+at|\s+um|\s+à|\s+a\s+las|\s+às|\s+o|\s*[-–|])?\s+(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)"
        r"(?::(?P<second>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?:Uhr|h))?"
        rf"(?:\s*\(?(?P<zone>(?:GMT|UTC)\s?[+-]\d\d?(?::?\d\d)?|{ZONE_NAMES}\b|[+-]\d\d:?\d\d))?\)?)?"
    )
    flags = regex.IGNORECASE
    return (
        # 2023-05-24, 2023-05-24T16:57:00-04:00, 2023/05/24
        regex.compile(
            rf"\b{year}(?P<sep>[-/.])(?P<nmonth>[01]?\d)(?P=sep){day}"
            r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?:\.\d+)?"
            r"(?P<zone>Z|[+-]\d\d:?\d\d)?)?(?!\d)",
            flags,
        ),
        # May 24, 2023 / May 24th 2023 / Mai 2023 is left out: no day
        regex.compile(rf"(?<!\w){month}\s+{day}(?:st|nd|rd|th)?\b,?\s*{year}\b{time}", flags),
        # 24 May 2023 / 24. Mai 2023 / 24 de mayo de 2023
        regex.compile(rf"(?<!\w){day}(?:\.|st|nd|rd|th|er)?\s*(?:de\s+)?{month}\s*,?\s*(?:de\s+)?{year}\b{time}", flags),
        # 24.05.2023 / 24/05/2023 / 05/24/2023
        regex.compile(rf"(?<![\w.]){day}(?P<sep>[./])\s?(?P<nmonth>[0-3]?\d)(?P=sep)\s?{year}\b{time}", flags),
        # Jan 04 09:34 2021: the time between the day and the year, as some headers print them
        regex.compile(rf"(?<!\w){month}\s+{day}\s+(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)\s+{year}\b", flags),
        # 2023年5月24日 / 2023년 5월 24일
        regex.compile(r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<nmonth>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]?", flags),
        # Two-digit years, as bylines abbreviate: 24.05.23, 05/24/23, 03.Mär.19 (loose mode only)
        regex.compile(rf"(?<![\w.:/]){day}(?P<sep>[./])(?P<nmonth>[0-3]?\d)(?P=sep)(?P<year>\d\d)(?![\w.:/]){time}", flags),
        regex.compile(rf"(?<![\w.:/]){day}\.\s?{month}\s?(?P<year>\d\d)(?![\w.:/]){time}", flags),
    )


_STRICT = 6  # patterns after these take two-digit years: only for lines known to be metadata


def find_dates(text: str, language: str | None = None, loose: bool = False) -> list[DateHit]:
    """Every date in ``text``, in order of position.

    loose: also read two-digit years ("24.05.23"), which in running text are as
    often version numbers or scores; for byline and date lines.
    """
    if not _DIGIT.search(text):
        return []  # every date form has digits: most lines end here
    return list(_find_dates(text, language, loose))


_DIGIT = regex.compile(r"\d")


@lru_cache(maxsize=4096)
def _find_dates(text: str, language: str | None, loose: bool) -> tuple[DateHit, ...]:
    # Cached: the metadata stage asks about the same few lines more than once.
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    patterns = _patterns()
    for pattern in patterns if loose else patterns[:_STRICT]:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            iso = _iso(m, language)
            if iso:
                hits.append(DateHit(iso, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    hits.sort(key=lambda h: h.start)
    return tuple(hits)


def swap_day_month(iso: str) -> str:
    """An ISO date ("2023-01-11...") with day and month exchanged ("2023-11-01..."): a
    numeric date printed either way round, read the other way."""
    return iso[:5] + iso[8:10] + "-" + iso[5:7] + iso[10:]


def parse_date(text: str, language: str | None = None) -> str | None:
    """The first date in ``text`` as ISO 8601, or None."""
    hits = find_dates(text, language)
    return hits[0].iso if hits else None


def _iso(m, language: str | None) -> str | None:
    g = m.groupdict()
    try:
        year, day = int(g["year"]), int(g["day"])
        if year < 100:  # two digits, as pages of the web era mean them
            year += 2000 if year < 70 else 1900
        if g.get("month"):
            month = _months()[g["month"].lower()]
        else:
            month = int(g["nmonth"])
            day_first = not m.group(0)[:4].isdigit()
            # English pages write 05/24/2023; with two-digit years also 05.24.23.
            month_first = language in _MONTH_FIRST and (g.get("sep") == "/" or len(g["year"]) == 2)
            if day_first and day <= 12 and (month > 12 or month_first):
                month, day = day, month
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        d = date(year, month, day)
    except (KeyError, ValueError, TypeError):
        return None
    if g.get("hour") is None:
        return d.isoformat()
    hour, minute, second = int(g["hour"]), int(g["minute"]), int(g.get("second") or 0)
    ampm = (g.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        stamp = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return d.isoformat()
    zone = g.get("zone")
    if zone in _SEASONAL_ZONES:
        return stamp.replace(tzinfo=_seasonal(zone)).isoformat()
    offset = _offset(zone) if zone else None
    if offset is not None:
        stamp = stamp.replace(tzinfo=timezone(timedelta(minutes=offset)))
    return stamp.isoformat()


@lru_cache(maxsize=8)
def _seasonal(zone: str):
    """The zone's rules from the system's time-zone database (or the tzdata package);
    None, and so no offset, where neither is installed."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(_SEASONAL_ZONES[zone])
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _offset(zone: str) -> int | None:
    if zone.upper() in _ZONES:
        return _ZONES[zone.upper()]
    m = regex.fullmatch(r"(?:GMT|UTC)?\s?([+-])(\d\d?):?(\d\d)?", zone, regex.IGNORECASE)
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return minutes if m.group(1) == "+" else -minutes
    return None


@lru_cache(maxsize=1)
def _labels():
    from .words import EVENT_LABELS, PUBLISHED_LABELS, UPDATED_LABELS

    def alt(words):
        return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))

    # The last label before a date, with only short filler between ("Updated on", "Stand:").
    return regex.compile(
        rf"(?<!\w)(?:(?P<updated>{alt(UPDATED_LABELS)})|(?P<published>{alt(PUBLISHED_LABELS)})"
        rf"|(?P<event>{alt(EVENT_LABELS)}))(?!\w)",
        regex.IGNORECASE,
    )


def date_kind(text: str, hit: DateHit, floor: int = 0) -> str | None:
    """'published', 'updated' or 'event' when a label in the 40 characters before ``hit`` says so."""
    window = text[max(floor, hit.start - 40):hit.start]
    kind = None
    for m in _labels().finditer(window):
        kind = "updated" if m.group("updated") else "event" if m.group("event") else "published"
    return kind


# Times relative to an unknown crawl date: recognised so that they are not read as names.
_UNITS = (r"seconds?|minutes?|minuten?|minutos?|minutes|hours?|stunden?|horas?|heures?|days?|tagen?|días?|"
          r"jours?|weeks?|wochen?|months?|monaten?|years?|jahren?|hodin(?:ami|y|u)?|minut(?:ami|y|ou)?|"
          r"godzin[ay]?|dni|dzień|semanas?|mesi|giorni|ore")
RELATIVE = regex.compile(
    r"(?:\b(?:vor|hace|il y a|před|temu|för|siden|fa)\s+)?"
    rf"(?:\b\d+\s*(?:{_UNITS}|s|sec|m|mins?|h|hrs?|std\.?|d)\b\.?|\b(?:an?|one|einer?|una?|un|une)\s+(?:{_UNITS})\b)"
    r"(?:\s+(?:ago|temu|fa))?|\b(?:yesterday|gestern|heute|today|hier|ayer|wczoraj|just now)\b",
    regex.IGNORECASE,
)
