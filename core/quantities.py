"""Numbers as news writes them: "about 10,000", "up to 120 mph", "two dozen", "euro110 billion".

`find_quantities(text)` scans plain text (no spaCy) and returns every quantity with its offsets,
its value written out in full, the bounds its qualifier implies, and a unit when one is written
next to it. The claims layer decides what the number counts; this module only reads numbers.

Bounds from qualifiers (documented choice, used by the verdicts):
- none: low = high = value (an exact figure);
- "about", "around", "roughly", "approximately", "an estimated", "some": value +/- 10%;
- "nearly", "almost", "close to", "just under": 90% of value .. value;
- "more than", "over", "at least", "upwards of", "just over": low = value, high open (None);
- "up to", "as many as", "at most", "fewer than", "less than", "under": low open (None), high = value;
- vague plurals ("hundreds", "thousands", "dozens"): value = the smallest, high below the next order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "mn": 1_000_000,
    "m": 1_000_000, "k": 1_000, "dozen": 12,
}
# Vague plurals: (value, high) — "hundreds" is at least 100 and fewer than 1,000.
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (100, 999), "thousands": (1_000, 9_999),
    "tens of thousands": (10_000, 99_999), "hundreds of thousands": (100_000, 999_999),
    "millions": (1_000_000, 999_999_999), "billions": (1_000_000_000, 999_999_999_999),
}

QUALIFIERS = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "an approximate": "about", "an estimated": "about", "estimated": "about", "some": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "more than": "more than", "over": "more than", "at least": "more than", "upwards of": "more than",
    "just over": "more than", "well over": "more than", "in excess of": "more than",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "at most": "up to",
    "no more than": "up to", "fewer than": "up to", "less than": "up to", "under": "up to",
}

# unit word -> (canonical unit, dimension, factor to the dimension's base unit)
_LENGTH = {
    "km": ("km", 1.0), "kms": ("km", 1.0), "kilometer": ("km", 1.0), "kilometers": ("km", 1.0),
    "kilometre": ("km", 1.0), "kilometres": ("km", 1.0), "mile": ("miles", 1.609344),
    "miles": ("miles", 1.609344), "meter": ("m", 0.001), "meters": ("m", 0.001), "metre": ("m", 0.001),
    "metres": ("m", 0.001), "feet": ("feet", 0.0003048), "foot": ("feet", 0.0003048), "ft": ("feet", 0.0003048),
}
_DURATION = {
    "second": ("seconds", 1 / 60), "seconds": ("seconds", 1 / 60), "minute": ("minutes", 1.0),
    "minutes": ("minutes", 1.0), "min": ("minutes", 1.0), "mins": ("minutes", 1.0), "hour": ("hours", 60.0),
    "hours": ("hours", 60.0), "day": ("days", 1440.0), "days": ("days", 1440.0), "week": ("weeks", 10080.0),
    "weeks": ("weeks", 10080.0), "month": ("months", 43_830.0), "months": ("months", 43_830.0),
    "year": ("years", 525_960.0), "years": ("years", 525_960.0),
}
_SPEED = {"mph": ("mph", 1.609344), "km/h": ("km/h", 1.0), "kph": ("km/h", 1.0), "kmh": ("km/h", 1.0)}
_WEIGHT = {"kg": ("kg", 1.0), "kilograms": ("kg", 1.0), "tons": ("tonnes", 1000.0), "tonnes": ("tonnes", 1000.0)}
_PERCENT = {"percent": "%", "per cent": "%", "%": "%", "percentage points": "points"}

# Currencies written before the number ("$141", "euro110", "€22bn") or after it ("22 billion euros").
_CURRENCY_PREFIX = {
    "us$": "USD", "a$": "AUD", "c$": "CAD", "$": "USD", "€": "EUR", "euro": "EUR", "eur": "EUR",
    "£": "GBP", "gbp": "GBP", "¥": "JPY", "dh": "AED", "usd": "USD", "₩": "KRW", "₹": "INR",
}
_CURRENCY_SUFFIX = {
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "dollars": "USD", "dollar": "USD", "usd": "USD",
    "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "won": "KRW", "yuan": "CNY",
    "rubles": "RUB", "roubles": "RUB", "rupees": "INR", "dirhams": "AED",
}
# A currency sign the text lost in transit ("lend? 22.4 billion", "����110 billion").
UNKNOWN_CURRENCY = "¤"


@dataclass(frozen=True)
class Quantity:
    start: int  # offsets of `text` in the scanned string
    end: int
    text: str  # as written, with qualifier and unit: "up to 11,000", "50 kilometers"
    value: float
    low: float | None
    high: float | None
    qualifier: str | None  # canonical: "about", "nearly", "more than", "up to", "vague"
    unit: str | None  # "km", "minutes", "EUR", "%", or None (a count: the noun decides)
    dimension: str  # "count", "length", "duration", "speed", "money", "percent", "weight", "age"
    factor: float = 1.0  # value * factor = value in the dimension's base unit
    number_start: int = 0  # offsets of the number itself (without qualifier and unit)
    number_end: int = 0
    hyphenated: str | None = None  # the word after "N-": "mile" in "30-mile", "gauge" in "12-gauge"


_NUM_WORD = "|".join(sorted(list(_SMALL) + list(_TENS), key=len, reverse=True))
_WORD_NUMBER = rf"(?:(?:{'|'.join(_TENS)})-(?:{'|'.join(k for k in _SMALL if _SMALL[k] < 10 and _SMALL[k] > 0)})|{_NUM_WORD}|a|an)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_RE = r"(?:hundred|thousand|million|billion|trillion|dozen|bn|mn|m|b|k)\b"
_VAGUE_RE = r"(?:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions|billions)"
_QUAL_RE = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_PREFIX_RE = r"(?:US\$|A\$|C\$|\$|€|£|¥|₩|₹|(?<![A-Za-z])(?:euro|EUR|USD|GBP|Dh)(?=\s?\d)|¤+)"

_NUMBER = re.compile(
    rf"(?:(?<![\w.,+/:-])(?P<qual>{_QUAL_RE})\s+)?"
    rf"(?P<prefix>{_PREFIX_RE})?\s?"
    rf"(?(prefix)|(?<![\w.,+/:'’-]))"
    rf"(?:(?P<vague>{_VAGUE_RE})\b"
    rf"|(?P<num>{_DIGITS}(?![\d+:]|[.,]\d|(?:st|nd|rd|th)\b)|(?:{_WORD_NUMBER})\b)(?:[\s-]?(?P<scale>{_SCALE_RE}))?(?P<scale2>\s+(?:million|billion|thousand)\b)?)"
    rf"(?![+])",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"(?P<sep>\s*-\s*|\s*)(?P<unit>miles per hour|miles an hour|kilometres per hour|kilometers per hour|km\s?/\s?h|"
    r"per cent|percentage points|square[ -](?:feet|foot|metres|meters|metre|meter)|[A-Za-z%]+(?:-[a-z]+)*|%)",
    re.IGNORECASE,
)


def parse_number(text: str) -> float | None:
    """A number written in digits or words ("1,500", "1.5 million", "two dozen", "22.4bn"); None if not one."""
    try:
        return _parse_number(text)
    except (ValueError, OverflowError):
        return None


def _parse_number(text: str) -> float | None:
    s = " ".join(text.lower().replace(",", "").split())
    if not s:
        return None
    if s in _VAGUE:
        return float(_VAGUE[s][0])
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s?-?\s?([a-z]+)?", s)
    if m:
        base = float(m[1])
        if m[2] is None:
            return base
        return base * _SCALES[m[2]] if m[2] in _SCALES else None
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", s):
        if word in ("and",):
            continue
        if word in ("a", "an"):
            current = max(current, 1.0)
            seen = True
        elif word in _SMALL:
            current += _SMALL[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
            seen = True
        elif word in _SCALES and word not in ("m", "b", "k"):
            current = (current or 1.0) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total += current
                current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def bounds(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    """(low, high) a qualifier implies for a value; None is an open end."""
    if qualifier == "about":
        return value * 0.9, value * 1.1
    if qualifier == "nearly":
        return value * 0.9, value
    if qualifier == "more than":
        return value, None
    if qualifier == "up to":
        return None, value
    return value, value


def _unit_after(text: str, pos: int, scaled: bool):
    """(unit, dimension, factor, end, hyphen word) for the unit written right after a number."""
    m = _UNIT_AFTER.match(text, pos)
    if not m:
        return None, "count", 1.0, pos, None
    word = m["unit"].lower()
    hyphen = word if "-" in m["sep"] else None
    word_norm = re.sub(r"\s+", " ", word).replace(" / ", "/").replace(" /", "/").replace("/ ", "/")
    first = word_norm.split("-")[0]
    if word_norm in ("miles per hour", "miles an hour"):
        return "mph", "speed", 1.609344, m.end(), hyphen
    if word_norm in ("kilometres per hour", "kilometers per hour") or word_norm.replace(" ", "") == "km/h":
        return "km/h", "speed", 1.0, m.end(), hyphen
    if word_norm in _PERCENT:
        return _PERCENT[word_norm], "percent", 1.0, m.end(), hyphen
    if word_norm.startswith("square"):
        factor = 0.09290304 if ("feet" in word_norm or "foot" in word_norm) else 1.0
        return word_norm, "area", factor, m.end(), hyphen
    if first in _SPEED:
        unit, factor = _SPEED[first]
        return unit, "speed", factor, pos + (m.end("sep") - pos) + len(first), hyphen
    if first in _LENGTH:
        unit, factor = _LENGTH[first]
        return unit, "length", factor, m.start("unit") + len(first), hyphen
    if first in _DURATION:
        if re.match(r"(?:year|years)(?:-|\s)old\b", word_norm):
            return "years", "age", 1.0, m.end(), hyphen
        if text[m.start("unit"):].lower().startswith(("years old", "year old")):
            return "years", "age", 1.0, m.start("unit") + len(first) + 4, hyphen
        unit, factor = _DURATION[first]
        return unit, "duration", factor, m.start("unit") + len(first), hyphen
    if first in _WEIGHT:
        unit, factor = _WEIGHT[first]
        return unit, "weight", factor, m.start("unit") + len(first), hyphen
    if first in ("pounds", "pound") and not scaled:
        return "lb", "weight", 0.4536, m.start("unit") + len(first), hyphen
    if first in _CURRENCY_SUFFIX:
        return _CURRENCY_SUFFIX[first], "money", 1.0, m.start("unit") + len(first), hyphen
    return None, "count", 1.0, pos, (first if hyphen else None)


# A currency sign lost in transit: "lend? 22.4bn" (a "?" glued to a word), "\ufffd\ufffd110 billion".
_LOST_SIGN = re.compile(r"(?<=[A-Za-z])\?(?=\s?\d)|\ufffd")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, left to right (offsets into `text`). Never raises."""
    out: list[Quantity] = []
    original = text
    text = _LOST_SIGN.sub(UNKNOWN_CURRENCY, text)  # same length, so offsets still hold
    try:
        for m in _NUMBER.finditer(text):
            q = _from_match(text, m, original)
            if q is not None:
                out.append(q)
    except (ValueError, OverflowError, KeyError, TypeError):  # pragma: no cover - defensive
        return out
    return out


def _from_match(text: str, m: re.Match, original: str) -> Quantity | None:
    qual_word = (m["qual"] or "").lower() or None
    qualifier = QUALIFIERS.get(qual_word) if qual_word else None
    prefix = m["prefix"]
    if m["vague"]:
        value, high = _VAGUE[m["vague"].lower()]
        low: float | None = float(value)
        high_v: float | None = float(high)
        qualifier = qualifier or "vague"
        num_start, num_end = m.start("vague"), m.end("vague")
        number_text = m["vague"]
    else:
        raw = m["num"]
        if raw.lower() in ("a", "an") and not (m["scale"] or m["scale2"]):
            return None  # "a" alone is an article, not a number
        scale = (m["scale"] or "").lower()
        # "m"/"b"/"k" count as scales only when glued to digits ("110bn", "5m"), never as words.
        if scale in ("m", "b", "k", "mn") and not re.fullmatch(r"[\d.,]+", raw):
            return None
        if scale == "m" and m["scale"] and text[m.start("scale") - 1:m.start("scale")] == " ":
            return None  # "5 m" is metres
        number_text = raw + (" " + scale if scale else "") + (m["scale2"] or "")
        value_p = parse_number(number_text)
        if value_p is None:
            return None
        value = value_p
        num_start, num_end = m.start("num"), m.end("scale2") if m["scale2"] else (m.end("scale") if m["scale"] else m.end("num"))
        low, high_v = bounds(value, qualifier)
    end = m.end()
    scaled = bool(m["vague"] or m["scale"] or m["scale2"])
    unit, dimension, factor, unit_end, hyphen = _unit_after(text, end, scaled)
    if prefix:
        code = UNKNOWN_CURRENCY if prefix.startswith(UNKNOWN_CURRENCY) else _CURRENCY_PREFIX.get(prefix.lower(), "USD")
        unit, dimension, factor = code, "money", 1.0
        if hyphen is None and unit_end == end:
            # "110bn-euro": the suffix names the currency too.
            after = _UNIT_AFTER.match(text, end)
            if after and after["unit"].lower() in _CURRENCY_SUFFIX:
                unit_end = after.end()
    if unit is None:
        unit_end = end
    start = m.start()
    if prefix is None and m["prefix"] is None:
        start = m.start("qual") if m["qual"] else num_start
    return Quantity(
        start=start,
        end=unit_end,
        text=original[start:unit_end],
        value=float(value),
        low=None if low is None else float(low),
        high=None if high_v is None else float(high_v),
        qualifier=qualifier,
        unit=unit,
        dimension=dimension,
        factor=factor,
        number_start=num_start,
        number_end=num_end,
        hyphenated=hyphen,
    )


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a short text ("more than 3,000 troops", "2 million euros"), or None."""
    found = find_quantities(text)
    return found[0] if found else None
