"""One label per entity from the evidence of all its mentions, not the model's majority alone.

The model often calls a place a person or an organisation ("Khartoum said", "a Huntsville prison")
and disagrees with itself across articles. Each mention votes with the model's label; the words
around it vote too ("in X", "the village of X", "X, Texas", a list of places it stands in), and a
gazetteer hit (`core.nlp.gazetteer`) says whether the name can be a place at all. A name that is also a
common word of the corpus ("Mobile", "Police" written in lower case elsewhere), or that the corpus
resolves to a person's full name, keeps the model's label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsx.core.nlp import gazetteer
from newsx.core.nlp.names import acronym_letters, is_title, name_key

PLACE_LABELS = {"GPE", "LOC"}
# Labels a place may wrongly carry.
RELABELLED = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
# A city this large (or a country, or a state) is a place even with little said around it.
LARGE_CITY = 100_000

_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|into|across|throughout|towards?)\s+$", re.I)
_WEAK_PREPOSITION = re.compile(r"\b(?:at|from|to)\s+$", re.I)
_PLACE_OF = re.compile(
    r"\b(?:city|cities|town|towns|village|villages|province|region|district|county|capital|port|island|"
    r"area|suburb|outskirts|north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"northern|southern|eastern|western|central)\s+of\s+$", re.I)
_PLACE_AFTER = re.compile(r"^\s+(?:city|town|village|province|region|district|county|municipality|"
                          r"villages|towns|area)\b", re.I)
_LIST_BEFORE = re.compile(r"\b(?:villages|towns|cities|places|areas|provinces|regions|districts)\s+"
                          r"(?:were|was|are|is|of|include|including|such as|like)\s+$", re.I)
_PERSON_AFTER = re.compile(r"^\s*(?:said|says|told|added|explained|stated|wrote|,\s*\d{1,3}\s*,|\(\d{1,3}\))")
_POSSESSIVE_KIN = re.compile(r"^['’]s\s+(?:wife|husband|son|daughter|mother|father|brother|sister|family|lawyer)\b")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\s+$")


@dataclass
class Evidence:
    spans: int = 0
    model_place: int = 0  # mentions the model itself tagged GPE or LOC
    place: int = 0  # mentions whose context says place
    strong_place: int = 0  # "the village of X", "X province", "X, Texas"
    person: int = 0  # "X said", "Mr. X", "X, 45,"


def evidence(spans, texts: dict[str, str], place_keys: set[str]) -> Evidence:
    """`spans` have article, start, end, label; `place_keys` are the names the corpus calls places."""
    ev = Evidence()
    for s in spans:
        ev.spans += 1
        if s.label in PLACE_LABELS and not getattr(s, "found_again", False):
            ev.model_place += 1
        text = texts.get(s.article, "")
        before, after = text[max(0, s.start - 40):s.start], text[s.end:s.end + 40]
        strong = bool(_PLACE_OF.search(before) or _PLACE_AFTER.match(after) or _LIST_BEFORE.search(before)
                      or _PLURAL_PLACE_BEFORE.search(before[-40:]) and before.rstrip().endswith(("as", "were", "are", "include", "including")))
        qualifier = re.match(r"^,\s+((?:[A-Z][\w.'’-]*\s?){1,3})", after)
        if qualifier and _is_place(qualifier.group(1).strip(), place_keys):
            strong = True  # "Huntsville, Texas"
        if _in_place_list(text, s.start, s.end, place_keys):
            strong = True  # "the villages of Tonban, Gavarzin and ...": a list of places
        if strong:
            ev.strong_place += 1
            ev.place += 1
        elif _PLACE_PREPOSITION.search(before) or _WEAK_PREPOSITION.search(before):
            ev.place += 1
        word = _WORD_BEFORE.search(before)
        if _PERSON_AFTER.match(after) or _POSSESSIVE_KIN.match(after) or (word and is_title(word.group(1))):
            ev.person += 1
    return ev


_LIST_ITEM = r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}"
_ITEMS_BEFORE = re.compile(rf"(?:(?:{_LIST_ITEM})(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+))+$")
_ITEMS_AFTER = re.compile(rf"^(?:(?:,\s+(?:and\s+)?|\s+and\s+|,?\s+or\s+)(?:{_LIST_ITEM}))+")
_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_PLURAL_PLACE_BEFORE = re.compile(
    r"\b(?:villages|towns|cities|provinces|regions|districts|areas|places|islands|countries|states|"
    r"municipalities|counties|suburbs)\b[^.;:!?]{0,40}$", re.I)


def _in_place_list(text: str, start: int, end: int, place_keys: set[str]) -> bool:
    """Whether the name stands in a list ("A, B and C") that a plural place noun introduces
    ("the villages were ...") or that holds a known place."""
    before = _ITEMS_BEFORE.search(text[max(0, start - 120):start])
    after = _ITEMS_AFTER.match(text[end:end + 120])
    if not before and not after:
        return False
    list_start = start - (len(before.group()) if before else 0)
    if _PLURAL_PLACE_BEFORE.search(text[max(0, list_start - 60):list_start]):
        return True
    items = (before.group() if before else "") + " , " + (after.group() if after else "")
    return any(_is_place(item.strip(), place_keys) for item in _SEPARATOR.split(items) if item.strip()[:1].isupper())


def _is_place(name: str, place_keys: set[str]) -> bool:
    if name_key(name) in place_keys:
        return True
    known = gazetteer.place(name)
    return known is not None and known.kind != "city"


def gazetteer_place(names: list[str], common_words: set[str]) -> gazetteer.Place | None:
    """A known place any of the names is, unless the name is an acronym or a common word."""
    best = None
    for name in names:
        if acronym_letters(name) or not name[:1].isupper():
            continue
        key = name_key(name)
        if " " not in key and key in common_words:
            continue  # "Mobile", "Police": written in lower case elsewhere in the corpus
        found = gazetteer.place(name)
        if found and (best is None or _prominence(found) > _prominence(best)):
            best = found
    return best


def _prominence(p: gazetteer.Place) -> int:
    return 10**12 if p.kind != "city" else p.population


def voted_label(label: str, ev: Evidence, known: gazetteer.Place | None, person_names: bool) -> str:
    """The entity's label once the evidence is counted. `person_names`: the corpus resolves one of
    its mentions to a person's full name, or one of its forms is a person's multi-word name that no
    gazetteer knows: then the model's PERSON stands."""
    if label not in RELABELLED or (label == "PERSON" and person_names):
        return label
    if known is not None:
        prominent = known.kind != "city" or known.population >= LARGE_CITY
        if label == "NORP" and (ev.place + ev.model_place >= 1 or known.kind == "country"):
            return "GPE"  # not "Somali pirates", though a region is called Somali
        if label == "PERSON" and ev.place + ev.model_place + prominent > ev.person:
            return "GPE"
        if label == "ORG" and ev.place + ev.model_place >= 1 and ev.place + ev.model_place >= ev.person \
                and 2 * (ev.place + ev.model_place) >= ev.spans:
            return "GPE"
        if label in ("PRODUCT", "WORK_OF_ART", "EVENT") and ev.place + ev.model_place >= 1:
            return "GPE"
        return label
    # No gazetteer entry (a village): only the words around it, and the model's own place tags.
    if label in ("PERSON", "ORG", "NORP") and ev.strong_place >= 1 and ev.strong_place + ev.model_place > ev.person \
            and 2 * (ev.place + ev.model_place) >= ev.spans:
        return "GPE"
    if ev.model_place * 2 > ev.spans and ev.person == 0:
        return "GPE"  # the model itself mostly says place
    return label
