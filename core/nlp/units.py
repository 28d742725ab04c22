"""Units as news writes them after a number: "kW", "sq m", "GWh", "decibels", "Australian dollars".

`unit_at(text, pos)` reads the unit written at `pos` (right after a number) and returns
`Unit(canonical, dimension, factor, end)`, where value * factor is the value in the dimension's base
unit, so that "50 kilometers" and "30 miles", or "300 kW" and "402 hp", compare. Conversion factors
come from pint (a well-kept units library), written once to `core.nlp.unit_factors` so that no process
has to build pint's registry (`python -m newsx.core.nlp.units` writes it again; a test compares it
with pint). Bases: km, minutes, km/h, kg, m², kW, kWh, litres, Hz, bytes; dimensions without a conversion (decibels, temperature, magnitude) keep factor 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsx.core.nlp.unit_factors import FACTORS


@dataclass(frozen=True)
class Unit:
    name: str  # canonical: "km", "kW", "sq m", "AUD"
    dimension: str  # "length", "power", "money", ...
    factor: float
    end: int  # where the unit's text ends


# dimension -> pint expression of its base unit (None: no conversion)
_BASES = {
    "length": "km", "duration": "minute", "speed": "km/h", "weight": "kg", "area": "m**2", "power": "kW",
    "energy": "kWh", "volume": "liter", "frequency": "Hz", "data": "byte", "data rate": "bit/s",
    "torque": "N*m", "rotation": "rpm",
}

# canonical unit -> (dimension, pint expression or None)
_CANONICAL = {
    "km": ("length", "km"), "m": ("length", "m"), "nm": ("length", "nm"), "µm": ("length", "µm"), "cm": ("length", "cm"), "mm": ("length", "mm"),
    "miles": ("length", "mile"), "feet": ("length", "foot"), "inches": ("length", "inch"), "yards": ("length", "yard"),
    "nautical miles": ("length", "nautical_mile"), "light years": ("length", "light_year"),
    "seconds": ("duration", "second"), "minutes": ("duration", "minute"), "hours": ("duration", "hour"),
    "days": ("duration", "day"), "weeks": ("duration", "week"), "months": ("duration", "month"), "years": ("duration", "year"),
    # pint's "decade" is a logarithmic ratio (dimensionless), not ten years
    "decades": ("duration", "10 * year"), "milliseconds": ("duration", "millisecond"),
    "mph": ("speed", "mile/hour"), "km/h": ("speed", "km/hour"), "knots": ("speed", "knot"), "m/s": ("speed", "m/s"),
    "kg": ("weight", "kg"), "g": ("weight", "g"), "mg": ("weight", "mg"), "tonnes": ("weight", "tonne"),
    "lb": ("weight", "lb"), "oz": ("weight", "oz"), "tons": ("weight", "tonne"), "Gt": ("weight", "gigatonne"),
    "Mt": ("weight", "megatonne"),
    "sq m": ("area", "m**2"), "sq km": ("area", "km**2"), "sq ft": ("area", "ft**2"), "sq miles": ("area", "mile**2"),
    "acres": ("area", "acre"), "hectares": ("area", "hectare"),
    "W": ("power", "W"), "kW": ("power", "kW"), "MW": ("power", "MW"), "GW": ("power", "GW"), "hp": ("power", "hp"),
    "Wh": ("energy", "Wh"), "kWh": ("energy", "kWh"), "MWh": ("energy", "MWh"), "GWh": ("energy", "GWh"),
    "TWh": ("energy", "TWh"), "mAh": ("charge", None),
    "ml": ("volume", "ml"), "l": ("volume", "liter"), "gallons": ("volume", "gallon"), "barrels": ("volume", "oil_barrel"),
    "cc": ("volume", "cc"), "cubic m": ("volume", "m**3"),
    "Hz": ("frequency", "Hz"), "kHz": ("frequency", "kHz"), "MHz": ("frequency", "MHz"), "GHz": ("frequency", "GHz"),
    "KB": ("data", "kB"), "MB": ("data", "MB"), "GB": ("data", "GB"), "TB": ("data", "TB"), "PB": ("data", "PB"),
    "Mbps": ("data rate", "Mbit/s"), "Gbps": ("data rate", "Gbit/s"), "kbps": ("data rate", "kbit/s"),
    "dB": ("sound", None), "°C": ("temperature", None), "°F": ("temperature", None), "degrees": ("angle", None),
    "Nm": ("torque", "N*m"), "lb-ft": ("torque", "lbf*ft"), "rpm": ("rotation", "rpm"),
    "megapixels": ("resolution", None), "p": ("resolution", None), "magnitude": ("magnitude", None),
    "bps": ("basis points", None),
}

# Written forms. Words match whatever their case; symbols (up to 3 letters, or with capitals inside)
# only as written, so "MW" is megawatts and "mw" nothing, "5G" no gram.
_FORMS = {
    "km": "km", "kms": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
    "m": "m", "meter": "m", "meters": "m", "metre": "m", "metres": "m", "cm": "cm", "centimetres": "cm",
    "centimeters": "cm", "centimetre": "cm", "centimeter": "cm", "mm": "mm", "millimetres": "mm", "millimeters": "mm",
    "millimetre": "mm", "millimeter": "mm", "nm": "nm", "nanometres": "nm", "nanometers": "nm",
    "nanometre": "nm", "nanometer": "nm", "microns": "µm", "micron": "µm", "micrometres": "µm", "mile": "miles", "miles": "miles", "feet": "feet", "foot": "feet",
    "ft": "feet", "inch": "inches", "inches": "inches", "yard": "yards", "yards": "yards", "yd": "yards",
    "nautical miles": "nautical miles", "nautical mile": "nautical miles", "light years": "light years",
    "light-years": "light years",
    "second": "seconds", "seconds": "seconds", "sec": "seconds", "secs": "seconds", "minute": "minutes",
    "minutes": "minutes", "min": "minutes", "mins": "minutes", "hour": "hours", "hours": "hours", "hrs": "hours",
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months",
    "year": "years", "years": "years", "decade": "decades", "decades": "decades", "milliseconds": "milliseconds",
    "ms": "milliseconds",
    "mph": "mph", "m.p.h.": "mph", "m.p.h": "mph", "miles per hour": "mph", "miles an hour": "mph", "km/h": "km/h", "kph": "km/h", "kmh": "km/h",
    "kilometres per hour": "km/h", "kilometers per hour": "km/h", "kilometres an hour": "km/h",
    "kilometers an hour": "km/h", "knots": "knots", "knot": "knots", "m/s": "m/s", "metres per second": "m/s",
    "kg": "kg", "kgs": "kg", "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "kilo": "kg", "g": "g", "grams": "g",
    "gram": "g", "mg": "mg", "milligrams": "mg", "tonnes": "tonnes", "tonne": "tonnes", "tons": "tons", "ton": "tons",
    "metric tons": "tonnes", "gigatonnes": "Gt", "gigatons": "Gt", "megatonnes": "Mt", "megatons": "Mt",
    "lb": "lb", "lbs": "lb", "ounces": "oz", "ounce": "oz", "oz": "oz",
    "sq m": "sq m", "sq metres": "sq m", "sq meters": "sq m", "square metres": "sq m", "square meters": "sq m",
    "square metre": "sq m", "square meter": "sq m", "m2": "sq m", "m²": "sq m", "sqm": "sq m",
    "sq km": "sq km", "square kilometres": "sq km", "square kilometers": "sq km", "square kilometre": "sq km",
    "square kilometer": "sq km", "km2": "sq km", "km²": "sq km",
    "sq ft": "sq ft", "square feet": "sq ft", "square foot": "sq ft", "sq feet": "sq ft", "sqft": "sq ft",
    "square miles": "sq miles", "square mile": "sq miles", "sq miles": "sq miles", "acres": "acres", "acre": "acres",
    "hectares": "hectares", "hectare": "hectares", "ha": "hectares",
    "W": "W", "watts": "W", "watt": "W", "kW": "kW", "kilowatts": "kW", "kilowatt": "kW", "MW": "MW",
    "megawatts": "MW", "megawatt": "MW", "GW": "GW", "gigawatts": "GW", "gigawatt": "GW", "hp": "hp", "HP": "hp",
    "bhp": "hp", "horsepower": "hp", "PS": "hp",
    "Wh": "Wh", "kWh": "kWh", "kilowatt-hours": "kWh", "kilowatt hours": "kWh", "MWh": "MWh",
    "megawatt-hours": "MWh", "megawatt hours": "MWh", "GWh": "GWh", "gigawatt-hours": "GWh", "gigawatt hours": "GWh",
    "TWh": "TWh", "terawatt-hours": "TWh", "terawatt hours": "TWh", "mAh": "mAh",
    "ml": "ml", "mL": "ml", "millilitres": "ml", "milliliters": "ml", "l": "l", "L": "l", "litre": "l", "litres": "l",
    "liter": "l", "liters": "l", "gallons": "gallons", "gallon": "gallons", "barrels": "barrels", "barrel": "barrels",
    "cc": "cc", "cubic metres": "cubic m", "cubic meters": "cubic m",
    "Hz": "Hz", "hertz": "Hz", "kHz": "kHz", "kilohertz": "kHz", "MHz": "MHz", "megahertz": "MHz", "GHz": "GHz",
    "gigahertz": "GHz", "Ghz": "GHz", "ghz": "GHz", "GHZ": "GHz", "Mhz": "MHz", "mhz": "MHz", "Khz": "kHz",
    "khz": "kHz", "KHz": "kHz", "KB": "KB", "kB": "KB", "MB": "MB", "megabytes": "MB", "GB": "GB", "gigabytes": "GB",
    "TB": "TB", "terabytes": "TB", "PB": "PB", "petabytes": "PB", "Mbps": "Mbps", "Gbps": "Gbps", "kbps": "kbps",
    "dB": "dB", "decibels": "dB", "decibel": "dB", "dBA": "dB",
    "°C": "°C", "ºC": "°C", "degrees Celsius": "°C", "degrees celsius": "°C", "degrees C": "°C", "Celsius": "°C",
    "°F": "°F", "ºF": "°F", "degrees Fahrenheit": "°F", "degrees fahrenheit": "°F", "degrees F": "°F",
    "Fahrenheit": "°F", "degrees": "degrees", "degree": "degrees", "°": "degrees",
    "Nm": "Nm", "newton-metres": "Nm", "pound-feet": "lb-ft", "lb-ft": "lb-ft", "rpm": "rpm",
    "megapixels": "megapixels", "megapixel": "megapixels", "MP": "megapixels", "magnitude": "magnitude",
    "basis points": "bps", "basis point": "bps", "bps": "bps",
}

# Money written after the number: "22 billion euros", "10.5 million Australian dollars", "300 AUD".
_CURRENCY_WORDS = {
    "euros": "EUR", "euro": "EUR", "dollars": "USD", "dollar": "USD", "pounds sterling": "GBP", "sterling": "GBP",
    "yen": "JPY", "won": "KRW", "yuan": "CNY", "renminbi": "CNY", "rubles": "RUB", "roubles": "RUB",
    "rupees": "INR", "dirhams": "AED", "riyals": "SAR", "ringgit": "MYR", "rand": "ZAR", "pesos": "MXN",
    "francs": "CHF", "swiss francs": "CHF", "reais": "BRL", "lira": "TRY", "shekels": "ILS", "naira": "NGN",
    "baht": "THB", "rupiah": "IDR", "pence": "GBX", "cents": "¢", "cent": "¢",
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "australian dollars": "AUD",
    "canadian dollars": "CAD", "hong kong dollars": "HKD", "singapore dollars": "SGD", "new zealand dollars": "NZD",
    "taiwan dollars": "TWD", "danish crowns": "DKK", "danish kroner": "DKK", "swedish crowns": "SEK",
    "swedish kronor": "SEK", "norwegian crowns": "NOK", "norwegian kroner": "NOK", "czech crowns": "CZK",
    "indian rupees": "INR", "pakistani rupees": "PKR", "mexican pesos": "MXN", "south african rand": "ZAR",
    "brazilian reais": "BRL", "turkish lira": "TRY", "chinese yuan": "CNY", "japanese yen": "JPY",
}
ISO_CURRENCIES = frozenset(
    """USD EUR GBP AUD CAD NZD HKD SGD JPY CNY RMB INR MYR CHF ZAR KRW BRL MXN SEK NOK DKK RUB AED SAR IDR THB
    PKR NGN KES EGP ILS TWD CZK PLN HUF""".split()
)

_WORDY = sorted(
    [f for f in list(_FORMS) + list(_CURRENCY_WORDS) if " " in f or "-" in f or "/" in f or "." in f], key=len, reverse=True
)
_MULTI = re.compile(
    # words of a unit apart by spaces, or by hyphens inside a compound ("a 1,500-square-kilometer island")
    r"(?:" + "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in _WORDY) + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z°º²%]+[0-9²]?(?:/[a-z])?")
_RESOLUTIONS = frozenset("144 240 360 480 540 576 720 1080 1440 2160 4320".split())
_SEP = re.compile(r"\s*-\s*|\s?")


def _symbol(form: str) -> bool:
    """Written as a symbol, matched only in its own case: "MW", "kW", "ml", "m", "GB"."""
    return len(form) <= 3 or any(ch.isupper() for ch in form[1:])


_BY_LOWER = {f.lower(): c for f, c in _FORMS.items() if not _symbol(f)}


@lru_cache(maxsize=None)
def _registry():
    import pint  # a units library; imported on first use (it takes ~0.5 s to build its registry)

    return pint.UnitRegistry(cache_folder=None)


def factor_of(canonical: str) -> float:
    """value * factor = the value in its dimension's base unit (1.0 when there is no conversion).

    From the table pint's answers were written to (building pint's registry takes 1-2 s, in every
    worker process that meets a unit); pint itself only for a unit the table lacks."""
    known = FACTORS.get(canonical)
    return known if known is not None else pint_factor(canonical)


@lru_cache(maxsize=None)
def pint_factor(canonical: str) -> float:
    """`factor_of` as pint computes it (what `core.nlp.unit_factors` holds; a test compares them)."""
    dimension, expr = _CANONICAL.get(canonical, ("", None))
    base = _BASES.get(dimension)
    if expr is None or base is None:
        return 1.0
    try:
        ureg = _registry()
        return float(ureg.parse_expression(expr).to(base).magnitude)  # an expression: "10 * year" is allowed
    except Exception:  # a unit pint cannot convert is compared only with itself
        return 1.0


def dimension_of(canonical: str) -> str:
    return _CANONICAL.get(canonical, ("", None))[0]


def lookup(word: str) -> str | None:
    """The canonical unit of a written form, or None."""
    if word in _FORMS:
        return _FORMS[word]
    return _BY_LOWER.get(word.lower())


def currency_word(word: str) -> str | None:
    return _CURRENCY_WORDS.get(" ".join(word.lower().split()))


def unit_at(text: str, pos: int) -> tuple[str, str, int, int] | None:
    """(kind, canonical, start, end) of the unit written at `pos`: kind "unit" or "money"; None if none.

    The unit may follow a space or a hyphen ("6.1-inch", "185-hp"), or be glued to the number ("256GB").
    """
    sep = _SEP.match(text, pos)
    at = sep.end() if sep else pos
    m = _MULTI.match(text, at)
    if m:
        written = " ".join(m.group(0).split())
        money = currency_word(written)
        if money:
            return "money", money, at, m.end()
        canonical = lookup(written) or lookup(written.replace("-", " "))
        if canonical:
            return "unit", canonical, at, m.end()
    m = _TOKEN.match(text, at)
    if not m:
        if text.startswith(("%",), at):
            return "unit", "%", at, at + 1
        return None
    word = m.group(0)
    if word == "p" and at == pos:
        # "1080p" is a video resolution, "164p" pence
        digits = re.search(r"[\d.]+$", text[:pos])
        if digits and digits.group(0) in _RESOLUTIONS:
            return "unit", "p", at, at + 1
        return "money", "GBX", at, at + 1
    for cut in (len(word), len(word.rstrip("0123456789²"))):
        w = word[:cut]
        if w in ISO_CURRENCIES and at > pos:
            return "money", w, at, at + cut
        canonical = lookup(w)
        if canonical:
            return "unit", canonical, at, at + cut
        money = currency_word(w)
        if money:
            return "money", money, at, at + cut
    return None


def factor_table_source() -> str:
    """The text of `core.nlp.unit_factors`, from pint."""
    rows = "".join(f"    {name!r}: {pint_factor(name)!r},\n" for name in _CANONICAL)
    return (
        '"""value * factor = the value in its dimension\'s base unit, as pint computes it (see `core.nlp.units`).\n\n'
        'Written by `python -m newsx.core.nlp.units > core/nlp/unit_factors.py`; do not edit by hand."""\n\n'
        f"FACTORS = {{\n{rows}}}\n"
    )


if __name__ == "__main__":
    print(factor_table_source(), end="")
