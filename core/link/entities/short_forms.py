"""A shorter name of a place, organisation or building joined to the one longer name it stands for.

Each rule looks a shorter form up by a block (its words, its first and last word), never by all
pairs, and joins only when exactly one longer name fits (two "X Hotel"s leave "Hotel" alone):
  - a kind word after it: "Qeshm" / "Qeshm Island", "U.S. Marshals" / "U.S. Marshals Service",
    "Hormozgan" / "Hormozgan province" ("X City" is another place: Kuwait, Kuwait City);
  - the same first and last words with more between: "Carlton Hotel" / "Carlton Intercontinental Hotel";
  - a model number: "Q10" / "BlackBerry Q10";
  - a compass word standing for the one place named with it: "the South" / "South Sudan";
  - a part of a country named by a compass adjective: "southern Iran" is Iran, unless the gazetteer
    knows the longer name as a place of its own ("Northern Ireland", "Western Australia").
Forms are `linking._Form`s; `uf` is its union-find; `label_class` maps labels that the model
confuses for one another (GPE, LOC, FAC) to one class.
"""

from __future__ import annotations

import re
from collections import defaultdict

from newsx.core.nlp import gazetteer

# Words after a name of two or more words that say what kind of thing it is.
KIND_TAIL = {
    "service", "services", "court", "office", "department", "ministry", "agency", "unit", "hotel", "airport",
    "station", "hospital", "force", "authority", "commission", "council", "committee", "corporation",
    "company", "group", "inc", "ltd", "plc", "llc", "co", "corp", "building", "tower", "towers", "centre",
    "center", "prison", "jail", "bank", "church", "mosque", "temple", "school", "university", "college",
    "island", "islands", "peninsula", "river", "lake", "mountain", "mountains", "province", "region",
    "county", "district", "state", "oblast", "prefecture", "governorate",
}
# After a one-word place name: the same place, named with what it is.
PLACE_TAIL = {"island", "islands", "peninsula", "river", "lake", "mountain", "mountains", "province", "region",
              "county", "district", "oblast", "prefecture", "governorate", "state"}
COMPASS = {"north", "south", "east", "west"}
_MODEL_NUMBER = re.compile(r"(?=.*\d)(?=.*[a-z])[a-z0-9-]{2,}")


COMPASS_ADJECTIVES = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                      "southeastern", "southwestern"}


def join_short_forms(forms, uf, label_class) -> None:
    _join_compass_adjectives(forms, uf)
    _join_kind_tails(forms, uf, label_class)
    _join_inner_words(forms, uf, label_class)
    _join_model_numbers(forms, uf)
    _join_compass(forms, uf)


def _not_person(form) -> bool:
    return form.label not in ("PERSON", "NORP")


def _join_unique(uf, shorter: str, longer: list[str]) -> None:
    if longer and len({uf.find(k) for k in longer}) == 1:
        uf.union(longer[0], shorter)


def _join_kind_tails(forms, uf, label_class) -> None:
    longer_of: dict[str, list[str]] = defaultdict(list)
    for key, form in forms.items():
        words = form.words
        if len(words) >= 2 and words[-1] in KIND_TAIL and _not_person(form):
            longer_of[" ".join(words[:-1])].append(key)
    for short, keys in longer_of.items():
        form = forms.get(short)
        if form is None or not _not_person(form):
            continue
        if len(form.words) == 1:
            # A bare word is the place only with a place word after it ("Qeshm Island"), never
            # "Texas" for "Texas Department".
            keys = [k for k in keys if forms[k].words[-1] in PLACE_TAIL
                    and label_class(forms[k].label) == "place" and label_class(form.label) == "place"]
        _join_unique(uf, short, keys)


def _join_inner_words(forms, uf, label_class) -> None:
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, form in forms.items():
        if len(form.words) >= 2 and _not_person(form):
            by_ends[form.words[0], form.words[-1]].append(key)
    for keys in by_ends.values():
        if len(keys) < 2:
            continue
        for key in keys:
            words = forms[key].words
            longer = [o for o in keys if len(forms[o].words) > len(words) and _subsequence(words, forms[o].words)
                      and _compatible(forms[key].label, forms[o].label, label_class)]
            _join_unique(uf, key, longer)


def _compatible(a: str, b: str, label_class) -> bool:
    return label_class(a) == label_class(b) or {a, b} <= {"ORG", "FAC"}


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _join_model_numbers(forms, uf) -> None:
    by_last: dict[str, list[str]] = defaultdict(list)
    for key, form in forms.items():
        if len(form.words) >= 2 and _not_person(form):
            by_last[form.words[-1]].append(key)
    for key, form in forms.items():
        if len(form.words) == 1 and _MODEL_NUMBER.fullmatch(key) and _not_person(form):
            _join_unique(uf, key, by_last.get(key, []))


def _join_compass(forms, uf) -> None:
    for word in COMPASS:
        form = forms.get(word)
        if form is None or form.label not in ("GPE", "LOC", "NORP"):
            continue
        named = [k for k, f in forms.items() if len(f.words) == 2 and f.words[0] == word and f.label in ("GPE", "LOC")]
        _join_unique(uf, word, named)


def _join_compass_adjectives(forms, uf) -> None:
    for key, form in forms.items():
        words = form.words
        if len(words) < 2 or words[0] not in COMPASS_ADJECTIVES or form.label not in ("GPE", "LOC"):
            continue
        rest = " ".join(words[1:])
        region = forms.get(rest)
        if region is None or region.label != "GPE" or gazetteer.place(form.name) is not None:
            continue
        known = gazetteer.place(region.name)
        if known is not None and known.kind in ("country", "subdivision"):
            uf.union(rest, key)
