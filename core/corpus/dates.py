"""Dates in news text, resolved against the article's own date.

News writes relative dates: "Wednesday", "Oct. 8", "last year", "in December", "earlier this
month". Each resolves against the anchor (the publication date) to a value whose precision says
how much is known: "2024-10-30" (a day), "2024-12" (a month), "2023" (a year).

Weekdays follow newsroom convention: in past-tense text "Thursday" is the latest Thursday on or
before the anchor (the same day included); with `future=True` it is the next one on or after it.
Explicit dates go through dateparser.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
# Whole month names or their usual abbreviations only: "decade", "mayor", "marine" are not months.
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"

_DAY_MONTH = re.compile(rf"^{_ORDINAL}\s+({_MONTH_RE})(?:,?\s+(\d{{4}}))?$")
_MONTH_DAY = re.compile(rf"^({_MONTH_RE})\s+{_ORDINAL}(?:,?\s+(\d{{4}}))?$")
_MONTH_YEAR = re.compile(rf"^({_MONTH_RE})(?:\s+(?:of\s+)?(\d{{4}}))?$")
_YEAR = re.compile(r"^(?:in\s+)?((?:19|20)\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_LEADING = re.compile(r"^(?:on|in|since|by|until|from|at|during|early|late|mid|this past|the)\s+", re.I)


def to_date(value: str | date | None) -> date | None:
    """A `date` from YYYY-MM-DD (or a date), else None."""
    if value is None or isinstance(value, date):
        return value
    m = _ISO.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _month_number(token: str) -> int | None:
    return _MONTH_ABBR.get(token.lower().rstrip(".")[:4] if token.lower().startswith("sept") else token.lower()[:3])


def _nearest_year(month: int, day: int | None, anchor: date, future: bool) -> int:
    """The year that puts month (and day) nearest the anchor, on the side the tense asks for.

    Past text: a month after the anchor's month ("in December", written in October) is last
    year's; a day more than a month ahead is too. Future text mirrors that. A few days' slack
    covers articles that mention tomorrow's or yesterday's date.
    """
    if day is None:
        if not future and month > anchor.month:
            return anchor.year - 1
        if future and month < anchor.month:
            return anchor.year + 1
        return anchor.year
    candidate = date(anchor.year, month, min(day, 28))
    if not future and (candidate - anchor).days > 31:
        return anchor.year - 1
    if future and (anchor - candidate).days > 31:
        return anchor.year + 1
    return anchor.year


_TRAILING = re.compile(r"\s+(?:morning|afternoon|evening|night|local time|time)$")
_LEADING_WEEKDAY = re.compile(rf"^(?:{'|'.join(WEEKDAYS)}),?\s+(?=\d|{_MONTH_RE})")
_MONTH_WITH_YEAR_WORD = re.compile(rf"^({_MONTH_RE})(?:\s+of)?\s+(last|this|next) year$")
_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# Expressions measured from another event in the text ("the next day"), not from publication.
_CONTEXTUAL = re.compile(
    r"^(?:the )?(?:next|following|previous) day$|^(?:the )?day (?:before|after)$"
    r"|^(?:a|an|one|two|three|four|five|six|seven|\d+) (?:day|week)s? (?:earlier|later|after|before)$"
)


def _normalise(expression: str) -> str:
    text = " ".join(expression.strip().lower().replace("’", "'").replace("mid-", "mid ").split())
    text = text.strip(",;:.() ")
    while True:
        stripped = _TRAILING.sub("", _LEADING_WEEKDAY.sub("", _LEADING.sub("", text)))
        if stripped == text:
            return text
        text = stripped


def is_contextual(expression: str) -> bool:
    """True for dates counted from another event in the text: "the next day", "two days after"."""
    return bool(_CONTEXTUAL.match(_normalise(expression)))


# What spaCy tags DATE that is no point in time: an age ("a 35-year-old man", "aged 35", "Smith,
# 23,"), a length of time ("for several days", "weeks of speculation", "an eight-year career"),
# how often ("annual"), a score ("20-13"), a clock time, a number that is no year ("Curve 8900").
_AGE = re.compile(r"\b[\w-]+\s*-?\s*(?:year|month|week|day)s?\s*-?\s*old\b|^(?:aged?|ages)\s+(?:of\s+)?\d+", re.I)
_DURATION = re.compile(
    r"^(?:for |over |within |after )?(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|"
    r"few|many|some|\d+|\d+\s*-\s*\d+|the past|the last|past|the next|more than \w+|nearly \w+|about \w+|"
    r"almost \w+)\s+)?(?:hour|day|week|month|year|decade|century)s?(?:\s+long)?$"
    r"|^(?:an? )?[\w.]+-(?:hour|day|week|month|year|decade|century)s?$"  # "eight-year", "90-day", "zero-day"
)
_HOW_OFTEN = frozenset({"annual", "annually", "yearly", "monthly", "weekly", "daily", "nightly", "every year",
                        "each year", "every day", "all year", "entire year"})
_NOT_A_YEAR = re.compile(r"^\d{1,3}$|^\d{5,}$|^\d{1,3}\s*-\s*\d{1,3}$|^\d{1,2}:\d{2}\b")


def names_a_time(expression: str) -> bool:
    """False for what dates no event: an age, a length of time ("35-year-old", "several days"),
    how often, a score, a clock time, a number that is no year; "two days later", "last week",
    "Monday" and "1999" do."""
    text = _normalise(expression)
    if _AGE.search(text) or _DURATION.match(text) or text in _HOW_OFTEN or _NOT_A_YEAR.match(text):
        return False
    if text.isdigit() and len(text) == 4:
        return 1000 <= int(text) <= 2099
    return True


_WAR = re.compile(r"\bwars?\b", re.I)


def names_an_era(expression: str) -> bool:
    """A named time long past that no calendar date resolves: "World War II", "the Cold War"
    ("bombed in World War II" is no event of the day the report came out)."""
    return bool(_WAR.search(expression or ""))


def resolve_date(expression: str, anchor: str | date | None = None, future: bool = False) -> str | None:
    """Resolve a date expression to 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; None when it is not a date.

    Without an anchor only expressions that carry their own year resolve. Never raises.
    """
    if not isinstance(expression, str) or len(expression) > 200:
        return None
    if re.match(r"\s*(?:since|ago)\b", expression, re.I):
        future = False  # "since May" always looks back
    try:
        value = _resolve(_normalise(expression), to_date(anchor), future)
    except (ValueError, OverflowError, TypeError):
        return None
    return value if value and _valid(value) else None


def _valid(value: str) -> bool:
    if not _ISO_PREFIX.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return parts[0] >= 1


def _resolve(text: str, anchor_date: date | None, future: bool) -> str | None:
    if not text:
        return None

    if text in WEEKDAYS or text.rstrip("s") in WEEKDAYS:
        if anchor_date is None:
            return None
        target = WEEKDAYS.index(text.rstrip("s") if text not in WEEKDAYS else text)
        if future:
            day = anchor_date + timedelta(days=(target - anchor_date.weekday()) % 7)
        else:
            day = anchor_date - timedelta(days=(anchor_date.weekday() - target) % 7)
        return day.isoformat()

    relative = _relative(text, anchor_date)
    if relative is not _NOT_RELATIVE:
        return relative

    m = _MONTH_WITH_YEAR_WORD.match(text)
    if m:
        month = _month_number(m[1])
        if anchor_date is None or month is None:
            return None
        year = anchor_date.year + {"last": -1, "this": 0, "next": 1}[m[2]]
        return f"{year:04d}-{month:02d}"

    for pattern, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        m = pattern.match(text)
        if m:
            day_s, month_s = (m[1], m[2]) if order == "dm" else (m[2], m[1])
            month = _month_number(month_s)
            if month is None:
                return None
            day_n = int(day_s)
            if m[3]:
                year = int(m[3])
            elif anchor_date:
                year = _nearest_year(month, day_n, anchor_date, future)
            else:
                return None
            try:
                return date(year, month, day_n).isoformat()
            except ValueError:
                return None

    m = _MONTH_YEAR.match(text)
    if m and _month_number(m[1]):
        month = _month_number(m[1])
        assert month is not None  # checked just above
        if m[2]:
            return f"{int(m[2]):04d}-{month:02d}"
        if anchor_date:
            return f"{_nearest_year(month, None, anchor_date, future):04d}-{month:02d}"
        return None

    m = _YEAR.match(text)
    if m:
        return m[1]

    return _dateparser_fallback(text, anchor_date)


_NOT_RELATIVE = object()
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


def _relative(text: str, anchor: date | None):
    """Relative expressions; returns _NOT_RELATIVE when the text is not one of them."""
    simple = {
        "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
        "yesterday": -1, "last night": -1, "tomorrow": 1, "the next day": 1, "next day": 1,
        "the day before": -1, "the previous day": -1, "the following day": 1,
        "day before": -1, "previous day": -1, "following day": 1, "day after": 1,
    }
    if text in simple:
        return (anchor + timedelta(days=simple[text])).isoformat() if anchor else None
    if anchor is None and re.match(r"^(last|this|next|earlier this|later this|a \w+ ago)", text):
        return None
    periods = {
        "last year": lambda a: f"{a.year - 1:04d}",
        "this year": lambda a: f"{a.year:04d}",
        "next year": lambda a: f"{a.year + 1:04d}",
        "earlier this year": lambda a: f"{a.year:04d}",
        "later this year": lambda a: f"{a.year:04d}",
        "this month": lambda a: f"{a.year:04d}-{a.month:02d}",
        "earlier this month": lambda a: f"{a.year:04d}-{a.month:02d}",
        "later this month": lambda a: f"{a.year:04d}-{a.month:02d}",
        "last month": lambda a: _shift_month(a, -1),
        "next month": lambda a: _shift_month(a, 1),
        # A week has no ISO prefix of its own: the month its Monday falls in.
        "this week": lambda a: (a - timedelta(days=a.weekday())).isoformat()[:7],
        "earlier this week": lambda a: (a - timedelta(days=a.weekday())).isoformat()[:7],
        "later this week": lambda a: (a - timedelta(days=a.weekday())).isoformat()[:7],
        "last week": lambda a: (a - timedelta(days=a.weekday() + 7)).isoformat()[:7],
    }
    if text in periods:
        return periods[text](anchor)
    m = re.match(r"^(\w+) (day|week|month|year)s? (ago|earlier|before|later|after)$", text)
    if m and m[1] in _NUMBER_WORDS | {str(i): i for i in range(1, 100)}:
        n = _NUMBER_WORDS.get(m[1]) or int(m[1])
        sign = 1 if m[3] in ("later", "after") else -1
        if anchor is None:
            return None
        if m[2] == "day":
            return (anchor + timedelta(days=sign * n)).isoformat()
        if m[2] == "week":
            return (anchor + timedelta(weeks=sign * n)).isoformat()
        if m[2] == "month":
            return _shift_month(anchor, sign * n)
        return f"{anchor.year + sign * n:04d}"
    m = re.match(r"^(last|next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", text)
    if m:
        if anchor is None:
            return None
        target = WEEKDAYS.index(m[2])
        if m[1] == "last":
            delta = (anchor.weekday() - target) % 7 or 7
            return (anchor - timedelta(days=delta)).isoformat()
        delta = (target - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=delta)).isoformat()
    m = re.match(rf"^(last|next|this) ({'|'.join(MONTHS)})$", text)
    if m:
        if anchor is None:
            return None
        month = MONTHS.index(m[2]) + 1
        year = anchor.year
        if m[1] == "last" and month >= anchor.month:
            year -= 1
        elif m[1] == "next" and month <= anchor.month:
            year += 1
        return f"{year:04d}-{month:02d}"
    return _NOT_RELATIVE


def _shift_month(anchor: date, months: int) -> str:
    index = anchor.year * 12 + anchor.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@lru_cache(maxsize=4096)
def _parse_cached(text: str, anchor_iso: str | None) -> datetime | None:
    import dateparser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    if anchor_iso:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(anchor_iso)
    try:
        return dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError, RecursionError):
        return None


def warm_up() -> None:
    """Load dateparser and build what its first parse builds (English locale, time-zone patterns,
    about half a second), without filling the cache: done once before workers are forked."""
    _parse_cached.__wrapped__("October 31st, 2024, 17:14", None)


def _dateparser_fallback(text: str, anchor: date | None) -> str | None:
    """Full explicit dates in other shapes ("2024/10/31", "31.10.2024", "October 31st, 2024, 17:14")."""
    if len(text) > 60 or not re.search(r"\d{4}", text):
        return None
    parsed = _parse_cached(text, anchor.isoformat() if anchor else None)
    # The year must be written out: dateparser reads "the 1960s" as 1960 seconds before the anchor.
    if parsed is None or str(parsed.year) not in text:
        return None
    return parsed.date().isoformat()


def find_published_date(text: str) -> str | None:
    """The first explicit full date (with a year) in a header or byline line, as YYYY-MM-DD."""
    m = re.search(
        rf"\b(?:{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}|\d{{1,2}}\s+{_MONTH_RE}\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})",
        text,
        re.I,
    )
    if not m:
        return None
    return resolve_date(m.group(0))
