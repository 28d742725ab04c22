"""A bare surname in an article that names one person with it: that person, even where the model
missed it.

The model often tags "Jane Smith" and then leaves a later "Smith said" untagged, or tags it as
something else; and when the full name itself was only found again (`core.link.entities.missed_names`) nothing
resolved the bare surname in that article. Inside one article a surname that exactly one person
named there carries, and no other person named there uses as any part of a name, is that person.
Only a whole run of capitalised words counts ("Smith Barney" is not Smith); a surname that is also
a lower-case word of the corpus counts only in mid-sentence ("Young players" is no one), and never
after "in", "near" or "at", where it is more likely a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsx.core.link.entities.missed_names import overlaps, runs
from newsx.core.nlp.names import name_key

_PLACE_BEFORE = re.compile(r"\b(?:in|near|at|outside)\s+$", re.I)


def surnames_here(people: dict[str, tuple[list[str], frozenset[str]]]) -> dict[str, str]:
    """{surname as written: person key} for one article. `people` maps each person's key to the
    words of their name as written (titles and suffixes gone) and its comparable words. A person
    whose words are all inside another's ("Peyton Manning" in "Peyton W. Manning") is that one."""
    maximal = {k: v for k, v in people.items()
               if not any(v[1] < o[1] for other, o in people.items() if other != k)}
    holders: dict[str, set[str]] = {}
    for key, (_, words) in maximal.items():
        for word in words:
            holders.setdefault(word, set()).add(key)
    out = {}
    for key, (written, words) in maximal.items():
        if len(written) < 2 or len(words) < 2:
            continue
        surname = written[-1]
        comparable = name_key(surname)
        if len(comparable) >= 3 and " " not in comparable and holders.get(comparable) == {key}:
            out[surname] = key
    return out


def find_bare_surnames(
    text: str, surnames: dict[str, str], covered: list[tuple[int, int]], common_words: set[str]
) -> Iterable[tuple[int, int, str, str]]:
    """(start, end, surface, person key) for each untagged bare surname of the article."""
    if not surnames:
        return
    spans = sorted(covered)
    for run in runs(text):
        if len(run) != 1:
            continue
        start, end = run[0]
        surface = text[start:end]
        key = surnames.get(surface)
        if key is None or overlaps(spans, start, end):
            continue
        before = text[max(0, start - 12):start]
        if _PLACE_BEFORE.search(before):
            continue
        if surface.casefold() in common_words and not _mid_sentence(text, start):
            continue
        yield start, end, surface, key


def _mid_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    return i >= 0 and text[i] not in ".!?:\n"
