"""Names the model tagged in some articles of the story, found again where it missed them.

A name known from one article (a form of an entity) is looked up, exactly as written, in every
article's capitalised word runs, also in the articles where the model tagged it elsewhere (it
often tags a name once and misses its repeats): one pass over each text and a dictionary look-up
per run and length, so the cost grows with the text, not with names x articles. A match counts only where it is
a whole run of capitalised words (or the run's rest is a title: "Spokeswoman Michelle Lyons"), so
"Lyons" is not taken out of "Michelle Lyons", nor "Iran" out of "Iran Air". Single words must be
names in this corpus: never written in lower case in it, and not a person's bare surname (two
people may share it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from newsx.core.nlp.names import is_title

MAX_WORDS = 6
# A capitalised word, a dotted acronym ("U.S."), or a joining word inside a name.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9][\w&’'-]*")
# Capitalised at a sentence's start, but not part of the name after them.
_LEADING = {"the", "a", "an", "in", "on", "at", "and", "but", "by", "for", "from", "to", "as", "after",
            "before", "when", "while", "with", "near", "if", "then", "this", "that", "these", "those", "he",
            "she", "it", "they", "we", "i", "his", "her", "their", "its", "our", "meanwhile", "also", "so",
            "there", "here", "since", "until", "during", "despite", "although", "though", "because"}
_SPLITTERS = {"and", "the", "&"}
_COMPASS_ADJECTIVES = {"northern", "southern", "eastern", "western", "central", "north-western", "north-eastern",
                       "south-western", "south-eastern", "northwestern", "northeastern", "southwestern",
                       "southeastern"}
_JOINERS = {"of", "the", "and", "de", "du", "del", "la", "le", "van", "von", "al", "bin", "for", "on", "&"}


def find_missed(
    texts: dict[str, str],
    names: dict[str, str],
    covered: dict[str, list[tuple[int, int]]],
    countries: frozenset[str] = frozenset(),
    org_keys: frozenset[str] = frozenset(),
) -> Iterable[tuple[str, int, int, str, str]]:
    """(article, start, end, text, key) for each missed mention.

    `names` maps a surface form exactly as written to its form key; `covered` gives each article's
    spans already found. An organisation's name with a country after it ("Acme USA continues") is
    the organisation: `countries` are the one-word country names, `org_keys` the organisations'
    keys; only at a sentence's start or before punctuation, so "told Acme Iran would" keeps Iran."""
    if not names:
        return
    longest = max(len(n.split()) for n in names)
    longest = min(longest, MAX_WORDS)
    for article, text in texts.items():
        spans = sorted(covered.get(article, ()))
        for run in runs(text):
            suffixed = _country_suffixed(run, text, names, longest, countries, org_keys)
            if suffixed is not None:
                start, end, surface, key = suffixed
                if not overlaps(spans, start, end):
                    yield article, start, end, surface, key
                continue
            for piece in _pieces(run, text, names, longest):
                hit = _match(piece, text, names, longest)
                if hit is None:
                    continue
                start, end, surface, key = hit
                if not overlaps(spans, start, end):
                    yield article, start, end, surface, key


def _country_suffixed(run, text: str, names, longest: int, countries, org_keys):
    if len(run) < 2 or text[run[-1][0]:run[-1][1]] not in countries:
        return None
    hit = _match(run[:-1], text, names, longest)
    if hit is None or hit[3] not in org_keys:
        return None
    start, end = hit[0], run[-1][1]
    before = text[:start].rstrip(" ")
    after = text[end:end + 1]
    if not (before == "" or before[-1] in ".!?:\n\"”" or after in ("", ".", ",", ";", ":", "!", "?", "\n")):
        return None
    return start, end, text[start:end], hit[3]


def _pieces(run, text: str, names: dict[str, str], longest: int):
    """The run itself when it is a known name or a title and one; else its parts between "and"
    and "the" ("Oman and the UAE"), each without a leading compass word ("Southern Iran")."""
    if _match(run, text, names, longest) is not None:
        return [run]
    pieces: list[list] = []
    current: list = []
    for token in run:
        if text[token[0]:token[1]] in _SPLITTERS:
            if current:
                pieces.append(current)
            current = []
        else:
            current.append(token)
    if current:
        pieces.append(current)
    out = []
    for piece in pieces:
        if len(piece) > 1 and text[piece[0][0]:piece[0][1]].casefold() in _COMPASS_ADJECTIVES:
            piece = piece[1:]
        out.append(piece)
    return out


def _match(run, text: str, names: dict[str, str], longest: int):
    """The known name that ends the run, with only titles before it."""
    for i in range(len(run)):
        n = len(run) - i
        if n > longest:
            continue
        if not all(is_title(text[a:b]) for a, b in run[:i]):
            return None
        start, end = run[i][0], run[-1][1]
        surface = text[start:end]
        key = names.get(surface)
        if key is not None:
            return start, end, surface, key
    return None


def runs(text: str) -> Iterable[list[tuple[int, int]]]:
    """Runs of capitalised words (with joining words inside), as token offsets."""
    return (run for run in _raw_runs(text) if run)


def _raw_runs(text: str) -> Iterable[list[tuple[int, int]]]:
    run: list[tuple[int, int]] = []
    last_end = -1
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.start(), m.end()
        # A possessive ("Iran's") ends the name before it.
        possessive = False
        for suffix in ("'s", "’s"):
            if word.endswith(suffix):
                end -= 2
                word = word[:-2]
                possessive = True
        gap = text[last_end:start] if last_end >= 0 else ""
        joined = run and (gap == " " or (gap == "" and word.startswith("-")))
        if word[:1].isupper() or (word[:1].isdigit() and run and joined):
            if not joined and run:
                yield _trim(run, text)
                run = []
            run.append((start, end))
        elif joined and word in _JOINERS:
            run.append((start, end))
        else:
            if run:
                yield _trim(run, text)
            run = []
        last_end = m.end()
        if possessive and run:
            # "Wellington's High Street": the owner is a name, and what it owns another.
            yield _trim(run, text)
            run = []
            last_end = -1
            continue
        if text[last_end:last_end + 1] in (".", ",", ";", ":", "!", "?", ")", '"', "”"):
            if run:
                yield _trim(run, text)
            run = []
            last_end = -1
    if run:
        yield _trim(run, text)


def _trim(run: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    while run and text[run[0][0]:run[0][1]].casefold() in _LEADING:
        run = run[1:]
    while run and text[run[-1][0]:run[-1][1]] in _JOINERS:
        run = run[:-1]
    return run


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, mostly disjoint spans."""
    i = bisect.bisect_left(spans, (start, -1))
    for a, b in spans[max(0, i - 3):i + 2]:
        if a < end and start < b:
            return True
    return False
