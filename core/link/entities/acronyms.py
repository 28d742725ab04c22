"""Acronyms: what letters a name can be shortened to, and the few everyone knows.

`initial_sets(name)`: the acronyms a name's words give, with and without the small words
("Devon and Somerset Fire and Rescue" -> DSFR, DASFAR), a dotted acronym giving all its letters
("U.S. Geological Survey" -> USGS) and a hyphenated word one letter a part ("Agence France-Presse" ->
AFP). `KNOWN`: acronyms of countries and international bodies that stories use without spelling
them out ("the UN", "the UAE"); an acronym listed here joins only one of its listed names, never a
name that merely has the same initials ("UN" is not "Upper Nile"). `canonical_key`: a name key with
a leading country acronym spelt out ("us geological survey" -> "united states geological survey").
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsx.core.nlp.names import ACRONYM_SKIP, acronym_letters, clean_name, name_key

# General vocabulary, like the titles in `core.nlp.names`: acronym -> the names it stands for.
KNOWN: dict[str, tuple[str, ...]] = {
    "UN": ("United Nations",),
    "EU": ("European Union",),
    "NATO": ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    "WHO": ("World Health Organization", "World Health Organisation"),
    "IMF": ("International Monetary Fund",),
    "UNICEF": ("United Nations Children's Fund",),
    "UNHCR": ("United Nations High Commissioner for Refugees", "UN Refugee Agency"),
    "UNESCO": ("United Nations Educational, Scientific and Cultural Organization",),
    "IAEA": ("International Atomic Energy Agency",),
    "OPEC": ("Organization of the Petroleum Exporting Countries",),
    "ASEAN": ("Association of Southeast Asian Nations",),
    "AU": ("African Union",),
    "WTO": ("World Trade Organization", "World Trade Organisation"),
    "ICC": ("International Criminal Court",),
    "ICJ": ("International Court of Justice",),
    "ICRC": ("International Committee of the Red Cross",),
    "OSCE": ("Organization for Security and Co-operation in Europe",),
    "OECD": ("Organisation for Economic Co-operation and Development",),
    "WFP": ("World Food Programme", "World Food Program"),
    "FAO": ("Food and Agriculture Organization",),
    "IOC": ("International Olympic Committee",),
    "FIFA": ("International Federation of Association Football",),
    "US": ("United States", "United States of America", "America"),
    "USA": ("United States", "United States of America", "America"),
    "UK": ("United Kingdom", "Britain", "Great Britain"),
    "UAE": ("United Arab Emirates",),
    "DPRK": ("North Korea", "Democratic People's Republic of Korea"),
    "ROK": ("South Korea", "Republic of Korea"),
    "PRC": ("China", "People's Republic of China"),
    "DRC": ("Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo"),
    "USSR": ("Soviet Union", "Union of Soviet Socialist Republics"),
    "KSA": ("Saudi Arabia", "Kingdom of Saudi Arabia"),
}
KNOWN_KEYS: dict[str, frozenset[str]] = {a: frozenset(name_key(n) for n in names) for a, names in KNOWN.items()}
# Country acronyms that stand before an organisation's name ("U.S. Marshals Service").
_COUNTRY_PREFIX = {"us": "united states", "usa": "united states", "uk": "united kingdom"}


def known_expansions(letters: str) -> frozenset[str]:
    return KNOWN_KEYS.get(letters, frozenset())


@lru_cache(maxsize=65536)
def canonical_key(key: str) -> str:
    first, _, rest = key.partition(" ")
    if rest and first in _COUNTRY_PREFIX:
        return f"{_COUNTRY_PREFIX[first]} {rest}"
    return key


@lru_cache(maxsize=65536)
def initial_sets(text: str) -> frozenset[str]:
    """Every acronym the name's words may give; empty when a content word is in lower case."""
    content: list[str] = []
    everything: list[str] = []
    for word in re.split(r"\s+", clean_name(text)):
        if not word:
            continue
        small = word.casefold() in ACRONYM_SKIP
        letters = acronym_letters(word)
        if letters and "." in word:
            part = letters  # "U.S." -> "US"
        elif small:
            part = word[0].upper() if word[0].isalpha() else ""
        elif word[0].isupper() or word[0].isdigit():
            pieces = [p for p in re.split(r"[-–]", word) if p]
            part = "".join(p[0].upper() for p in pieces if p[0].isalnum())
        else:
            return frozenset()  # a lower-case content word: not a proper name
        everything.append(part)
        if not small:
            content.append(part)
    found = {"".join(content), "".join(everything)}
    return frozenset(f for f in found if len(f) >= 2)
