"""Names the model never tagged anywhere in the story, found from how the articles write them.

A run of capitalised words in mid-sentence, outside every span the model found, never written in
lower case in the corpus, becomes a name when the words around it say what it is: "the Waitrose
supermarket", "a spokesman for Waitrose" (an organisation), "Kerman province" or a gazetteer place
after "in" (a place), "the Z10 smartphone" (a product). Without such words nothing is added: a
capitalised word alone ("QWERTY keyboard", a headline's words) says nothing about what it names,
save a model code after "the" ("the Z10") in a story whose tagged products are named by code.
Page furniture ("Posted", "Last Updated") starts its line, so it is never in mid-sentence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsx.core.link.entities.missed_names import overlaps, runs
from newsx.core.nlp import gazetteer
from newsx.core.nlp.names import is_title, name_key

ORG_AFTER = {"supermarket", "supermarkets", "store", "stores", "shop", "shops", "chain", "company", "firm",
             "bank", "airline", "brand", "spokesman", "spokeswoman", "spokesperson", "employees", "staff",
             "executive", "executives", "shareholders", "shares", "branch", "outlet", "factory", "plant"}
PLACE_AFTER = {"province", "city", "town", "village", "county", "region", "district", "municipality",
               "prefecture", "governorate", "oblast"}
PRODUCT_AFTER = {"smartphone", "smartphones", "phone", "phones", "handset", "device", "tablet", "laptop",
                 "console", "software", "app", "operating"}
_ORG_BEFORE = re.compile(r"\b(?:spokes(?:man|woman|person)|statement|employees?|staff|workers?|manager|"
                         r"owner|chief executive)\s+(?:for|from|of|at)\s+(?:the\s+)?$", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside)\s+$", re.I)
_NEXT_WORD = re.compile(r"^['’]?s?\s+([a-z]+)")
# Words capitalised mid-sentence that name no thing.
_NOT_NAMES = {"i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "mr", "mrs", "ms", "dr"}


# A model code ("Z10", "S4", "X200t"): a product's name when the story's products are named so.
_MODEL_CODE = re.compile(r"[A-Z]{1,3}\d{1,4}[a-z]?")
_THE_BEFORE = re.compile(r"(?<![\w'’-])the\s$", re.I)


def find_untagged(texts: dict[str, str], covered: dict[str, list[tuple[int, int]]], common_words: set[str],
                  coded_products: bool = False):
    """(article, start, end, text, label) for mentions of names the model never tagged.
    `coded_products`: the model tagged a product named with a code ("BlackBerry Q10") in the
    story, so "the Z10" is another product, though nothing around it says so."""
    votes: dict[str, Counter] = defaultdict(Counter)
    seen: dict[str, list[tuple[str, int, int, str]]] = defaultdict(list)
    for article, text in texts.items():
        spans = sorted(covered.get(article, ()))
        for run in runs(text):
            start, end = run[0][0], run[-1][1]
            surface = text[start:end]
            key = name_key(surface)
            if not key or overlaps(spans, start, end) or not _mid_sentence(text, start):
                continue
            words = key.split()
            if any(w in _NOT_NAMES for w in words) or is_title(words[0]) or (len(words) == 1 and key in common_words):
                continue
            if not any(c.isalpha() for c in surface) or surface.isupper() and len(surface) > 5:
                continue
            seen[key].append((article, start, end, surface))
            label = _context_label(text, start, end, surface)
            if label is None and coded_products and _MODEL_CODE.fullmatch(surface) \
                    and _THE_BEFORE.search(text[max(0, start - 5):start]):
                label = "PRODUCT"
            if label:
                votes[key][label] += 1
    for key, counter in votes.items():
        label, n = counter.most_common(1)[0]
        if n * 2 <= sum(counter.values()):
            continue  # the contexts disagree
        for article, start, end, surface in seen[key]:
            yield article, start, end, surface, label


def is_model_code(word: str) -> bool:
    return _MODEL_CODE.fullmatch(word) is not None


def _context_label(text: str, start: int, end: int, surface: str) -> str | None:
    before = text[max(0, start - 40):start]
    nxt = _NEXT_WORD.match(text[end:end + 30])
    word = nxt.group(1) if nxt else ""
    if word in ORG_AFTER or _ORG_BEFORE.search(before):
        return "ORG"
    if word in PLACE_AFTER:
        return "GPE"
    if word in PRODUCT_AFTER and any(c.isdigit() for c in surface):
        return "PRODUCT"
    if _PLACE_BEFORE.search(before):
        known = gazetteer.place(surface)
        if known is not None and (known.kind != "city" or known.population >= gazetteer.MIN_ALTERNATE_POPULATION):
            return "GPE"
    return None


def _mid_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    return i >= 0 and text[i] not in ".!?:\n"
