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
from dataclasses import dataclass, replace

from newsx.core.nlp import units

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "mn": 1_000_000,
    "m": 1_000_000, "k": 1_000, "dozen": 12, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
    "bln": 1_000_000_000, "mln": 1_000_000, "lakh": 100_000, "crore": 10_000_000,
}
# Vague plurals: (value, high) — "hundreds" is one to ten hundreds, "dozens" one to ten dozens.
_VAGUE = {
    "dozens": (12, 120), "scores": (40, 200), "hundreds": (100, 1_000), "thousands": (1_000, 10_000),
    "tens of thousands": (10_000, 100_000), "hundreds of thousands": (100_000, 1_000_000),
    "millions": (1_000_000, 10_000_000), "tens of millions": (10_000_000, 100_000_000),
    "hundreds of millions": (100_000_000, 1_000_000_000), "billions": (1_000_000_000, 10_000_000_000),
    "tens of billions": (10_000_000_000, 100_000_000_000), "hundreds of billions": (100_000_000_000, 1_000_000_000_000),
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
_PERCENT = {"percent": "%", "per cent": "%", "%": "%", "pc": "%", "pct": "%", "percentage points": "points"}

# Currencies written before the number ("$141", "euro110", "€22bn", "HK$3", "RM23.50", "AUD1.5m") or after
# it ("22 billion euros", "10.5 million Australian dollars"; core.nlp.units reads those). A$, HK$, S$ are not USD.
_CURRENCY_PREFIX = {
    "us$": "USD", "us $": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "s$": "SGD",
    "nz$": "NZD", "nt$": "TWD", "r$": "BRL", "mex$": "MXN", "$": "USD", "€": "EUR", "euro": "EUR", "£": "GBP",
    "¥": "JPY", "₩": "KRW", "₹": "INR", "₦": "NGN", "₱": "PHP", "₽": "RUB", "₺": "TRY", "₪": "ILS",
    "dh": "AED", "rm": "MYR", "rs": "INR", "rs.": "INR", "rp": "IDR", "rmb": "CNY",
    "hk $": "HKD", "c $": "CAD", "nz $": "NZD", "au $": "AUD", "ca $": "CAD", "nt $": "TWD",
    "$us": "USD", "$a": "AUD", "$c": "CAD", "$nz": "NZD", "$hk": "HKD", "$s": "SGD",
    "ps": "GBP",  # "PS2.7m": a pound sign transliterated to ASCII
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


_SMALL_RE = "|".join(sorted(_SMALL, key=len, reverse=True))
_UNITS_RE = "|".join(k for k in _SMALL if 0 < _SMALL[k] < 10)
_TENS_RE = rf"(?:{'|'.join(_TENS)})(?:[\s-](?:{_UNITS_RE})\b)?"
_BIG_RE = r"(?:hundred|thousand|million|billion|trillion)\b"
# Numbers in words in full: "twenty-five", "three hundred and forty", "a hundred", "two million three hundred".
# A word follows another only where English allows it (after "hundred", "thousand", ... or a tens word).
# "about a minute", "half an hour": "a" counts one of a unit (only after a qualifier or "half")
_A_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|mile|kilomet(?:er|re)|met(?:er|re)|foot|inch)\b"
_AFTER_BIG = "(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))"
_WORD_NUMBER = (
    rf"(?:(?:a|an)(?=[\s-]+(?:{_BIG_RE}|dozen\b|{_A_UNIT}))|{_TENS_RE}|(?:{_SMALL_RE})\b)"
    rf"(?:[\s-]+{_BIG_RE}|{_AFTER_BIG}(?:\s+and\s+|[\s-]+)(?:{_TENS_RE}|(?:{_SMALL_RE})\b))*"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w.])\.\d+)"
_SCALE_RE = r"(?:hundred|thousand|million|billion|trillion|dozen|bn|mn|bln|mln|tn|trn|lakh|crore|m|b|k)\b"
_VAGUE_RE = r"(?:(?:tens|hundreds) of (?:thousands|millions|billions)|dozens|scores|hundreds|thousands|millions|billions)"
_QUAL_RE = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_ISO_RE = "|".join(sorted(units.ISO_CURRENCIES, key=len, reverse=True))
_PREFIX_RE = (
    r"(?:(?-i:US|AU|CA|HK|NZ|NT|C) ?\$|(?-i:A|S|R|Mex)\$|\$(?-i:US|A|C|NZ|HK|S)?|€|£|¥|₩|₹|₦|₱|₽|₺|₪|"
    rf"(?<![A-Za-z])(?:euro|(?-i:{_ISO_RE}|Dh|RM|Rs\.?|Rp))(?=\s?\d)|(?<![A-Za-z])(?-i:PS)(?=\d)|¤+)"
)
# "+0.2%", "-3.1%", "minus 130 degrees": a sign (a hyphen counts only where it cannot be a dash)
_SIGN_RE = r"(?:(?<![\w.,)%+\-–])[+\u2212-](?=[$€£¥]?\d)|(?<![\w-])(?:minus|plus|negative)(?:\s+|-(?=\d)))"

_NUMBER = re.compile(
    rf"(?:(?<![\w.,+/:-])(?P<qual>{_QUAL_RE})\s+|(?P<tilde>[~≈])\s?)?"
    rf"(?P<sign>{_SIGN_RE})?"
    rf"(?P<prefix>{_PREFIX_RE})?\s?(?(prefix)(?P<sign2>[-\u2212](?=\d))?)"
    rf"(?(prefix)|(?(sign)|(?:(?<=\d-)|(?<=\d–)|(?<=\d-to-)|(?<=\bsub-)|(?<![\w.,+/:'’-]))))"
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
    if s.startswith("."):
        s = "0" + s  # ".500", ".001"
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
    written = units.unit_at(text, pos)
    if written is not None and any(ch in text[written[2]:written[3]] for ch in " -."):
        # "Australian dollars", "degrees Celsius", "pound-feet", "sq m": the longer reading wins
        return _unit_result(written, hyphen)
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
    if written is not None:
        return _unit_result(written, hyphen)
    return None, "count", 1.0, pos, (first if hyphen else None)


def _unit_result(written, hyphen):
    kind, canonical, _start, end = written
    if kind == "money":
        return canonical, "money", 1.0, end, hyphen
    return canonical, units.dimension_of(canonical), units.factor_of(canonical), end, hyphen


# A currency sign lost in transit: "lend? 22.4bn" (a "?" glued to a word), "\ufffd\ufffd110 billion".
_LOST_SIGN = re.compile(r"(?<=[A-Za-z])\?(?=\s?\d)|\ufffd")
# "magnitude-5.9": the hyphen joins a unit written before the number; read it as a space.
_UNIT_HYPHEN_BEFORE = re.compile(r"(?<=magnitude)-(?=\d)", re.IGNORECASE)
# "50m by 50m", "measuring 50m": metres, not millions
_METRE_AFTER = re.compile(
    r"(?:\s*(?:by|x|×|long|wide|high|deep|tall|away|apart|above|below|in (?:length|height|depth|diameter|width)|"
    r"sprint|race|hurdles|freestyle|butterfly|backstroke|breaststroke|relay)\b|-(?:long|wide|high|deep|tall)\b)",
    re.IGNORECASE,
)
_METRE_BEFORE = re.compile(
    r"(?:measuring|measured|measures|depth of|height of|length of|width of|distance of|altitude of|deep|high|tall|the|"
    r"\d\s?m\s+(?:by|x|×))\s*$",
    re.IGNORECASE,
)
_OF_MONEY = re.compile(r"\s+of\s+(?P<cur>dollars|euros|pounds|yen|yuan|rupees|pesos|francs)\b", re.IGNORECASE)
_SIGNED_DIMENSIONS = frozenset("percent temperature degrees money points basis points".split())


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, left to right (offsets into `text`). Never raises."""
    out: list[Quantity] = []
    original = text
    text = _LOST_SIGN.sub(UNKNOWN_CURRENCY, text)  # same length, so offsets still hold
    text = _UNIT_HYPHEN_BEFORE.sub(" ", text)
    try:
        for m in _NUMBER.finditer(text):
            q = _from_match(text, m, original)
            if q is not None:
                out.append(q)
        out = _with_extras(text, original, out)
        out = _unit_before(text, out)
        out = _merge_ranges(text, original, out)
    except (ValueError, OverflowError, KeyError, TypeError):  # pragma: no cover - defensive
        return out
    return out


def _from_match(text: str, m: re.Match, original: str) -> Quantity | None:
    qual_word = (m["qual"] or "").lower() or None
    qualifier = QUALIFIERS.get(qual_word) if qual_word else ("about" if m["tilde"] else None)
    if qualifier is None and text[max(0, m.start() - 4):m.start()].lower() == "sub-":
        qualifier = "up to"  # "sub-300 sq m"
    prefix = m["prefix"]
    metres = False
    value: float
    if m["vague"]:
        value, high = _VAGUE[" ".join(m["vague"].lower().split())]
        low: float | None = float(value)
        high_v: float | None = float(high)
        qualifier = qualifier or "vague"
        num_start, num_end = m.start("vague"), m.end("vague")
        number_text = m["vague"]
    else:
        raw = m["num"]
        if raw.lower() in ("a", "an") and not (m["scale"] or m["scale2"]):
            # "a" alone is an article, not a number; "about a minute", "half an hour" measure one
            if not (m["qual"] or m["tilde"] or re.search(r"\bhalf\s+$", text[max(0, m.start("num") - 6):m.start("num")], re.IGNORECASE)):
                return None
            if _unit_after(text, m.end(), False)[1] in ("count", "money", "percent"):
                return None
        scale = (m["scale"] or "").lower()
        # "m"/"b"/"k" count as scales only when glued to digits ("110bn", "5m"), never as words.
        if scale in ("m", "b", "k", "mn", "tn") and not re.fullmatch(r"[\d.,]+", raw):
            return None
        longer = units.unit_at(text, m.start("scale")) if scale == "m" else None
        if longer is not None and longer[1] not in ("m", "mm") and longer[3] > m.end("scale"):
            # "80 m.p.h.", "12 m/s": a unit that starts with "m"
            scale = ""
            number_text = raw
            value_p = parse_number(raw)
            if value_p is None:
                return None
            kind, canonical, _s, unit_end = longer
            low, high_v = bounds(value_p, qualifier)
            start = m.start("qual") if m["qual"] else (m.start("tilde") if m["tilde"] else m.start("num"))
            return Quantity(
                start=start, end=unit_end, text=original[start:unit_end], value=value_p, low=low, high=high_v,
                qualifier=qualifier, unit=canonical, dimension=units.dimension_of(canonical),
                factor=units.factor_of(canonical), number_start=m.start("num"), number_end=m.end("num"),
            )
        if scale == "m" and not prefix and (
            text[m.start("scale") - 1:m.start("scale")] in (" ", "-")
            or _METRE_AFTER.match(text, m.end("scale"))
            or _METRE_BEFORE.search(text, 0, m.start())
        ):
            metres = True  # "5 m", "measuring 50m by 50m": metres
            scale = ""
        number_text = raw + (" " + scale if scale else "") + (m["scale2"] or "" if not metres else "")
        value_p = parse_number(number_text)
        if value_p is None:
            return None
        value = value_p
        num_start = m.start("num")
        num_end = m.end("scale2") if m["scale2"] and not metres else (m.end("scale") if m["scale"] and not metres else m.end("num"))
        low, high_v = bounds(value, qualifier)
    end = num_end if metres else m.end()
    scaled = bool(m["vague"] or m["scale"] or m["scale2"]) and not metres
    if metres:
        unit, dimension, factor, unit_end, hyphen = "m", "length", 0.001, m.end("scale"), None
    else:
        unit, dimension, factor, unit_end, hyphen = _unit_after(text, end, scaled)
        money_of = _OF_MONEY.match(text, end) if dimension == "count" and (m["vague"] or scaled) else None
        if money_of:
            # "tens of millions of dollars", "hundreds of euros"
            unit, dimension, factor, unit_end = units.currency_word(money_of["cur"]) or "USD", "money", 1.0, money_of.end()
    if prefix:
        code = prefix.strip().upper() if prefix.strip().upper() in units.ISO_CURRENCIES else None
        code = code or (UNKNOWN_CURRENCY if prefix.startswith(UNKNOWN_CURRENCY) else _CURRENCY_PREFIX.get(prefix.lower(), "USD"))
        if prefix[0].isalpha() and " " in text[m.start("prefix"):num_start] and dimension == "count" and not scaled \
                and re.fullmatch(r"(?:1[89]|20)\d\d", text[num_start:num_end]):
            return None  # "Euro 2020", "USD 1999": a name with a year, not money
        if prefix == "PS" and not (scaled or re.search(r"[.,]\d", text[num_start:num_end])):
            return None  # "PS4" is a games console; "PS2.7m" a transliterated pound sign
        unit, dimension, factor = code, "money", 1.0
        if hyphen is None and unit_end == end:
            # "110bn-euro": the suffix names the currency too.
            after = _UNIT_AFTER.match(text, end)
            if after and after["unit"].lower() in _CURRENCY_SUFFIX:
                unit_end = after.end()
    if unit is None:
        unit_end = end
    start = m.start()
    if m["sign"] is None and prefix is None:
        start = m.start("qual") if m["qual"] else (m.start("tilde") if m["tilde"] else num_start)
    elif m["sign"] is not None and not m["qual"]:
        start = m.start("sign")
    sign = m["sign"] or m["sign2"]
    if sign is not None and ("-" not in sign or sign.lower().startswith("minus") or dimension != "count"):
        if sign.strip().lower().rstrip("-") in ("-", "\u2212", "minus", "negative", ""):
            value = -value
            low, high_v = (None if high_v is None else -high_v), (None if low is None else -low)
    elif sign is not None and not m["qual"] and m["sign"] is not None:
        start = num_start if prefix is None else m.start("prefix")  # a dash, not a minus
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


# ------------------------------------------------------------------ fractions, feet and inches

_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<count>a|an|one|two|three|four|five|seven|nine)[\s-]+(?P<part>halves|half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)"
    r"(?=\s+(?:of|the|an?|its|their|his|her|all|them|those|these|that|this)\b)"
    r"|(?P<half>half)(?=\s+(?:of|the|an?|its|their|his|her|all|them|those|these|that|this|[\d$€£])\b|\s+[\d$€£]))",
    re.IGNORECASE,
)
_NOT_A_FRACTION_BEFORE = re.compile(r"(?:\b(?:the|first|second|third|last|final|top|bottom|other|one|and a)\s*|-)$", re.IGNORECASE)
# 5'11", 6′2″: feet and inches (marks glued to the digits)
_FEET_INCHES = re.compile(r"(?<![\w.'’])(?P<ft>\d{1,2})\s?['′’](?:\s?(?P<inch>\d{1,2}(?:\.\d)?)\s?(?:\"|″|''|”))?(?![\w'])")


# 3.1″ display, a 3.1" touch screen: an inch mark glued to the number, a word after it
_INCH_MARK = re.compile(r"(?<![\w.'’′])(?P<n>\d{1,3}(?:\.\d{1,2})?)(?P<mark>″|\")(?=[\s-]*[A-Za-z])")


def _with_extras(text: str, original: str, found: list[Quantity]) -> list[Quantity]:
    """Add fractions ("a third of", "half the"), feet-and-inch and inch marks; drop numbers they cover."""
    extras: list[Quantity] = []
    for m in _FRACTION.finditer(text):
        if _NOT_A_FRACTION_BEFORE.search(text, 0, m.start()):
            continue
        if m["half"]:
            value = 0.5
        else:
            count = _SMALL.get(m["count"].lower(), 1)
            value = count / _FRACTIONS[m["part"].lower()]
        extras.append(_plain(original, m.start(), m.end(), value, "fraction", "fraction", 1.0))
    for m in _FEET_INCHES.finditer(text):
        if m["inch"] is None and not re.match(r"\s*(?:tall|high|long|wide|deep|\d)", text[m.end():]):
            continue  # a lone 5' is too often a quote mark
        value = int(m["ft"]) + (float(m["inch"]) / 12 if m["inch"] else 0.0)
        extras.append(_plain(original, m.start(), m.end(), round(value, 4), "feet", "length", units.factor_of("feet")))
    for m in _INCH_MARK.finditer(text):
        if m["mark"] == '"' and text.count('"', 0, m.start()) % 2:
            continue  # the mark closes a quotation ("... was 5")
        extras.append(_plain(original, m.start(), m.end(), float(m["n"]), "inches", "length", units.factor_of("inches")))
    if not extras:
        return found
    out = []
    for q in found:
        cover = next((e for e in extras if e.start <= q.number_start < e.end), None)
        if cover is None:
            out.append(q)
        elif cover.unit == "fraction" and q.number_start >= cover.end - 1:
            out.append(q)
    kept = []
    for e in extras:
        scaled = next((q for q in out if q.number_start == e.end + 1 and e.unit == "fraction" and e.value == 0.5
                       and re.match(r"an?\s", text[q.number_start:]) and q.value >= 100), None)
        if scaled is not None:
            # "half a million": one number
            out.remove(scaled)
            kept.append(_plain(original, e.start, scaled.end, scaled.value / 2, scaled.unit, scaled.dimension, scaled.factor))
            continue
        unit = next((q for q in out if q.number_start == e.end + 1 and e.unit == "fraction" and e.value == 0.5
                     and re.match(r"an?\s", text[q.number_start:]) and q.unit), None)
        if unit is not None:
            # "half an hour"
            out.remove(unit)
            kept.append(_plain(original, e.start, unit.end, 0.5, unit.unit, unit.dimension, unit.factor))
            continue
        if not any(q.number_start <= e.start < q.end for q in out):
            kept.append(e)
    return sorted(out + kept, key=lambda q: q.start)


def _plain(original: str, start: int, end: int, value: float, unit, dimension: str, factor: float) -> Quantity:
    return Quantity(
        start=start, end=end, text=original[start:end], value=float(value), low=float(value), high=float(value),
        qualifier=None, unit=unit, dimension=dimension, factor=factor, number_start=start, number_end=end,
    )


# "magnitude 5.9", "a magnitude of 6.4", "measuring 3.8 on the Richter scale": the unit before the number;
# "put the magnitude at 6.1", "a quake measuring 5.8" (a quake's size is its magnitude)
_MAGNITUDE_BEFORE = re.compile(
    r"(?:magnitude(?:\s+(?:of|at|was|is|as))?|(?:quake|earthquake|temblor|tremor|aftershock)s?\s+(?:measuring|registering))"
    r"(?:\s+(?:at least|about|around|nearly|almost|some))?\s*$",
    re.IGNORECASE,
)
_MAGNITUDE_AFTER = re.compile(r"\s*(?:on the (?:open-ended )?richter scale|magnitude\b)", re.IGNORECASE)


_AGE_BEFORE = re.compile(r"\b(?:aged|ages|age of|ages of)\s+(?:between\s+|from\s+)?(?:\d+\s*(?:,|and|to|-|–)\s*)?$", re.IGNORECASE)


def _unit_before(text: str, found: list[Quantity]) -> list[Quantity]:
    out = []
    for q in found:
        if q.dimension == "count" and q.unit is None and (
            _MAGNITUDE_BEFORE.search(text, max(0, q.start - 40), q.start) or _MAGNITUDE_AFTER.match(text, q.number_end)
        ):
            q = replace(q, unit="magnitude", dimension="magnitude", hyphenated=None)
        elif q.dimension == "count" and q.unit is None and _AGE_BEFORE.search(text, max(0, q.start - 30), q.start):
            q = replace(q, unit="years", dimension="age")  # "aged 63", "ages 47 and 48"
        out.append(q)
    return out


# ------------------------------------------------------------------ ranges

# "between 15 and 17 kHz", "from 240 to 273", "15-22 mph", "1 to 1.5 degrees", "40 percent to 70 percent"
_RANGE_OPEN = re.compile(r"(?:\b(?P<word>between|from|ranging from|range of|ranged from))\s+(?:the\s+)?$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^(?:\s*(?P<word>and|to|through)\s+|-(?P<glued>to)-|\s*(?P<dash>[-–—])\s*)$", re.IGNORECASE)
_YEARLIKE = re.compile(r"(?:1[5-9]|20)\d\d")
_GLUED_DASH = re.compile(r"(?<=\d)(?:-|–|-to-)$")
_CHANGE_BEFORE = re.compile(r"\b(?:by|up|down|rose|fell|climbed|dropped|gained|lost|jumped|slid|added|increased|decreased|grew|shrank)\s+$", re.IGNORECASE)


def _merge_ranges(text: str, original: str, found: list[Quantity]) -> list[Quantity]:
    """Two numbers written as one range become one quantity with `low` and `high`."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        merged = _range(text, original, a, b) if b is not None else None
        if merged is not None:
            out.append(merged)
            i += 2
        elif b is not None and _GLUED_DASH.search(text, 0, b.start) and b.start == a.end + 1:
            # "2-1", "3888-2", "2019-09-01": a score, a designation or a date, not numbers of their own
            if not (a.dimension == "count" and b.dimension == "count" and a.unit is None):
                out.append(a)
            i += 2
            while i < len(found) and found[i].start == found[i - 1].end + 1 and _GLUED_DASH.search(text, 0, found[i].start):
                i += 1
        else:
            out.append(a)
            i += 1
    return out


def _range(text: str, original: str, a: Quantity, b: Quantity) -> Quantity | None:
    join = _RANGE_JOIN.match(text[a.end:b.start])
    if not join:
        return None
    opener = _RANGE_OPEN.search(text, max(0, a.start - 20), a.start)
    if a.qualifier not in (None, "up to", "about") or b.qualifier is not None:
        return None
    if a.unit is not None and b.unit is not None and (a.unit != b.unit and a.dimension != b.dimension):
        return None
    if a.unit is not None and b.unit is None and not opener:
        return None  # "7% to 2.3 billion"
    if a.dimension not in (b.dimension, "count") and a.unit is not None:
        return None
    word = (join["word"] or join["glued"] or "").lower()
    years = [bool(_YEARLIKE.fullmatch(text[q.number_start:q.number_end])) for q in (a, b)]
    if years[0] != years[1] and a.unit is None:
        return None  # "in 2018 to 3.9 million": a year, then a number
    if opener:
        if opener["word"].lower() == "between" and word != "and":
            return None
        if opener["word"].lower() != "between" and word == "and":
            return None
    else:
        if word == "and":
            return None  # "1 and 2" is two numbers
        if a.unit is not None and _CHANGE_BEFORE.search(text, max(0, a.start - 12), a.start):
            return None  # "rose 60% to 70%", "by $43.6 billion to $419.2 billion": a change
        if not a.value < b.value:
            return None  # "2-1", "52 to 48": scores and votes
        if join["dash"] and a.unit is not None:
            return None
        if a.dimension == "count" and b.dimension == "count" and join["dash"] and b.unit is None and a.value == 0:
            return None  # "0-1": a score
    # the unit written once applies to both ("15-22 mph", "between 15 and 17 kHz")
    unit, dimension, factor = b.unit, b.dimension, b.factor
    if b.unit is None and a.unit is not None:
        unit, dimension, factor = a.unit, a.dimension, a.factor
    scale = 1.0
    b_digits = re.match(r"[\d.,]+", text[b.number_start:b.number_end])
    if a.value and b_digits and re.fullmatch(r"[\d.,]+", text[a.number_start:a.number_end]) \
            and re.search(r"(?:million|billion|trillion|thousand|bn|m|k)\b", text[b.number_start:b.end], re.IGNORECASE):
        b_raw = parse_number(b_digits.group(0)) or 0.0
        if b_raw and a.value <= b_raw:
            scale = b.value / b_raw  # "2 to 3 million", "$89 to $93 billion"; not "$200 to $4 million"
    low_v, high_v = sorted((a.value * scale, b.value))
    start = opener.start() if opener else a.start
    return Quantity(
        start=start, end=b.end, text=original[start:b.end], value=low_v, low=low_v, high=high_v,
        qualifier="between", unit=unit, dimension=dimension, factor=factor,
        number_start=a.number_start, number_end=b.number_end, hyphenated=a.hyphenated or b.hyphenated,
    )


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a short text ("more than 3,000 troops", "2 million euros"), or None."""
    found = find_quantities(text)
    return found[0] if found else None
