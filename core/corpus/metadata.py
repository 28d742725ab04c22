"""Read an article's metadata from its own lines: title, byline, dateline, outlet, date.

Header lines (timestamps, bylines, captions) are read and then removed from the text; the
dateline stays in the lede and is also exposed on its own. All rules are general news-page
conventions: wire tags "(AP)", "X via REUTERS" credits, "Copyright ... All rights reserved",
"<Outlet> reporter ... contributed" footers, "By Name" bylines, "Posted : <date>" stamps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsx.core.corpus import cleaning as c
from newsx.core.corpus.dates import resolve_date, to_date

# Wire agencies written in their short form; only spelling is normalised, nothing is guessed.
WIRE_NAMES = {"AP": "Associated Press", "THE ASSOCIATED PRESS": "Associated Press", "ASSOCIATED PRESS": "Associated Press", "REUTERS": "Reuters"}

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)\b")
_NAMED_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+(?:19|20)\d{{2}})", re.I
)
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)")
_YMD_DATE = re.compile(r"\b((?:19|20)\d\d)[./](\d{1,2})[./](\d{1,2})\b")
_DMY_DOTS = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b|\b\d{3,4}\s*GMT\b", re.I)
_STAMP_WORDS = re.compile(
    r"\b(?:first|last|posted|published|updated|released|modified|created|date|on|at|by|uk|gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|"
    r"kst|jst|hkt|aest|aedt|ist|et|pt|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"am|pm|a\.m|p\.m|time|and|ago|just|now|hours?|minutes?|mins?|days?|hrs?)\b",
    re.I,
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def dates_in(line: str) -> list[str]:
    """Explicit full dates (with a year) in one line, in order, as YYYY-MM-DD.

    Only shapes the fast rules of `resolve_date` read, so no date library is imported here."""
    found: list[tuple[int, str]] = []
    if len(line) > c.MAX_FURNITURE_CHARS:
        return []
    for m in _NAMED_DATE.finditer(line):
        iso = resolve_date(m.group(0))
        if iso and len(iso) == 10:
            found.append((m.start(), iso))
    for m in _ISO_DATE.finditer(line):
        try:
            found.append((m.start(), date(int(m[1]), int(m[2]), int(m[3])).isoformat()))
        except ValueError:
            pass
    for m in _YMD_DATE.finditer(line):
        try:
            found.append((m.start(), date(int(m[1]), int(m[2]), int(m[3])).isoformat()))
        except ValueError:
            pass
    for m in _DMY_DOTS.finditer(line):
        try:
            found.append((m.start(), date(int(m[3]), int(m[2]), int(m[1])).isoformat()))
        except ValueError:
            pass
    for m in _NUMERIC_DATE.finditer(line):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        # 5/5/2010 is clear; 4/9/2007 is read month-first only when the other order is impossible.
        if a == b or b > 12:
            month, day = a, b
        elif a > 12:
            month, day = b, a
        else:
            month, day = a, b  # US order, the common one on English news pages
        try:
            found.append((m.start(), date(year, month, day).isoformat()))
        except ValueError:
            pass
    return [iso for _, iso in sorted(found)]


def stamp_outlet(line: str) -> str | None:
    """"Stars and Stripes • October 31, 2024" -> the name set apart from the date by a separator."""
    if len(line) > 160 or not dates_in(line):
        return None
    for part in re.split(r"\s+[•|·—–-]\s+", line):
        part = part.strip()
        if part and not dates_in(part) and not _TIME.search(part) and re.fullmatch(r"(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|and|of|the|&)){0,5}", part):
            if not _STAMP_WORDS.fullmatch(part.split()[0]):
                return part
    return None


def is_date_line(line: str) -> bool:
    """A timestamp line: "Posted September 26, 2013-3:47pm", "Updated 5 / 5 / 2010 1:41 PM"."""
    if len(line) > 160 or len(c.words(line)) > 20 or not dates_in(line):
        return False
    rest = _YMD_DATE.sub(" ", _DMY_DOTS.sub(" ", _NUMERIC_DATE.sub(" ", line)))
    rest = re.sub(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAMES}|{_MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?", " ", rest, flags=re.I)
    rest = re.sub(r"(?:19|20)\d\d-\d\d-\d\d", " ", rest)
    rest = _TIME.sub(" ", rest)
    rest = _STAMP_WORDS.sub(" ", rest)
    leftover = re.findall(r"[A-Za-z]{2,}", rest)
    return len(leftover) <= 1 or (stamp_outlet(line) is not None and len(leftover) <= 6)


_BYLINE = re.compile(r"^(?:By|BY|Written by|Words by)\s+(.+)$")
_BYLINE_STOP = {
    "posted", "published", "updated", "on", "at", "for", "in", "|", "-", "—", "–", "staff", "reporter", "reporters",
    "correspondent", "writer", "editor", "contributor", "senior", "chief", "special", "associate", "international",
}


def byline_of(line: str) -> str | None:
    """"By Park Sae-jin Posted : October 31, 2024" -> "Park Sae-jin"; None when not a byline."""
    if len(line) > 200:
        return None
    m = _BYLINE.match(line)
    if not m:
        return None
    names: list[str] = []
    current: list[str] = []
    for token in m.group(1).replace(",", " , ").split():
        low = token.lower().strip(":")
        if low in ("and", "&", ","):
            if current:
                names.append(" ".join(current))
                current = []
            if low == ",":
                break
            continue
        if low in _BYLINE_STOP or not token[:1].isupper() or any(ch.isdigit() for ch in token):
            break
        current.append(token)
        if len(current) > 4:
            return None
    if current:
        names.append(" ".join(current))
    names = [n for n in names if n]
    return " and ".join(names) if names else None


# "CAMP HUMPHREYS, South Korea —", "SEOUL, October 31 (AJP) -", "WASHINGTON (AP) –", "Seoul (Reuters) -"
_PLACE_CAPS = r"[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}"
_REGION = rf"(?:,\s*(?!{_MONTH_NAMES}\s)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})?"
_DL_DATE = rf"(?:,\s*(?P<date>{_MONTH_NAMES}\s+\d{{1,2}}(?:,\s*(?:19|20)\d\d)?))?"
_DL_TAG = r"(?:\s*\((?P<tag>[A-Za-z][\w .&'-]{0,30})\))?"
_DATELINE = re.compile(rf"^(?P<place>{_PLACE_CAPS}{_REGION}){_DL_DATE}{_DL_TAG}\s*[—–-]{{1,2}}\s+\S")
_DATELINE_TAGGED = re.compile(
    rf"^(?P<place>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,2}}{_REGION}){_DL_DATE}\s*\((?P<tag>[A-Za-z][\w .&'-]{{0,30}})\)\s*[—–-]{{1,2}}\s+\S"
)


# "Seoul, South Korea CNN —": the outlet written after the place without parentheses
_DATELINE_BARE_TAG = re.compile(
    rf"^(?P<place>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,2}}{_REGION})\s+(?P<tag>[A-Z]{{2,6}})\s*[—–]\s+\S"
)


@dataclass
class Dateline:
    place: str
    month_day: str | None
    tag: str | None


def byline_outlet(line: str) -> str | None:
    """"By Jane Roe, Associated Press" / "By Jane Roe | Reuters" -> the organisation after the name."""
    if len(line) > 200 or not _BYLINE.match(line):
        return None
    m = re.search(r"[,|]\s*((?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*$", line)
    if not m or dates_in(line):
        return None
    org = m.group(1)
    return None if set(org.lower().split()) & _BYLINE_STOP else org


def dateline_of(line: str) -> Dateline | None:
    head = line[:160]
    m = _DATELINE.match(head) or _DATELINE_TAGGED.match(head)
    if m:
        return Dateline(m.group("place").strip(), m.group("date"), m.group("tag"))
    m = _DATELINE_BARE_TAG.match(head)
    return Dateline(m.group("place").strip(), None, m.group("tag")) if m else None


def outlet_name(name: str | None) -> str | None:
    if not name:
        return None
    name = " ".join(name.split()).strip(" .,")
    return WIRE_NAMES.get(name.upper(), name) or None


def is_headline(line: str) -> bool:
    """Short, no final period, starts with a capital or digit: how headlines look."""
    n = len(c.words(line))
    if not 2 <= n <= 25 or len(line) > 200:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    if not (line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"'“‘"):
        return False
    return c.letters(line) >= 5


def is_title_case(line: str) -> bool:
    long_words = [w for w in c.words(line) if len(w.strip("\"'“”‘’,:;")) > 3]
    if not long_words:
        return False
    caps = sum(1 for w in long_words if w.strip("\"'“”‘’")[:1].isupper())
    return caps / len(long_words) >= 0.6


def is_body_line(line: str) -> bool:
    """A paragraph of running text: enough words, ends like a sentence."""
    return len(c.words(line)) >= 8 and bool(re.search(r"[.!?\"”’)]$", line))


def title_from_lede(lede: str, max_words: int = 12) -> str:
    """A short title made from the first sentence of the lede (dateline removed)."""
    text = lede
    dl = dateline_of(text)
    if dl:
        text = re.split(r"\s[—–-]{1,2}\s", text, maxsplit=1)[-1]
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text, maxsplit=1)[0]
    tokens = sentence.split()
    if len(tokens) <= max_words:
        title = sentence.rstrip(".")
    else:
        title = " ".join(tokens[:max_words]).rstrip(",;:") + "…"
    if not any(ch.isalnum() for ch in title):
        title = " ".join(lede.split()[:max_words])
    return title or "(untitled)"


def weekday_name(iso: str) -> str | None:
    d = to_date(iso)
    return _WEEKDAYS[d.weekday()] if d else None


def date_from_month_day(month_day: str, year_hint: str | None) -> str | None:
    if re.search(r"(?:19|20)\d\d", month_day):
        return resolve_date(month_day)
    if not year_hint:
        return None
    return resolve_date(f"{month_day}, {year_hint[:4]}")
