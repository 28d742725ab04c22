"""The scope of a claim beyond its words: is it a report at all, and is it about this story's event?

Read from one claim's parse (core.nlp.claim_extraction) and decided across a corpus (core.link.claims.grouping):
- `hypothetical`: the verb governing the number carries a modal ("a magnitude 6 quake can cause
  severe damage", "the toll could rise to 50"): a threshold or a forecast, not a report. A perfect
  modal ("might have been destroyed") still reports what happened.
- `scope_dates`: the dates that govern the claim's clause (its own date, or a date on a verb above
  it: "In February, a quake measuring 6.4 hit ..."), so that grouping can tell an earlier event
  from the story's own by comparing them with the story's date.
- `earlier`: the clause is about an event marked earlier ("the last major quake ... was").
- `foreign_places`: places of the clause, named anywhere in it ("killed by a quake in eastern
  China"), for grouping to compare with the countries the story is about (core.nlp.gazetteer).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from newsx.core.corpus.dates import to_date
from newsx.core.model.analyses import RawClaim
from newsx.core.nlp.gazetteer import place

MODALS = frozenset("can could may might would".split())
EARLIER_WORDS = frozenset("last previous earlier prior".split())
# A date this many days before the story's date is another event's ("in February" in November).
EARLIER_DAYS = 45
_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|northeast|northwest|southeast|southwest|mainland)\s+)+",
    re.I,
)


def governing_verb(token):
    """The nearest verb at or above `token`."""
    node = token
    for _ in range(15):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def is_hypothetical(verb) -> bool:
    """A modal on the verb, and not a perfect one ("might have been": a report of the past)."""
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lemma_.lower() == "have" for c in auxes):
        return False
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("so", "that") for c in verb.children):
        return False  # "so that Greece can get a $144 billion bailout": a purpose, the figure is real
    return any(c.lower_ in MODALS or c.lemma_.lower() in MODALS for c in auxes)


def tells_past(ent, verb) -> bool:
    """A date expression that places the event in the past for sure: one with its year ("in
    December 2003"), or a month or day on a verb in the past tense ("hit ... in February"); "is
    expected in June" may be next June."""
    if re.search(r"\b(?:1[5-9]|20)\d\d\b", ent.text):
        return True
    if verb is None or verb.tag_ not in ("VBD", "VBN"):
        return False
    return not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children)


def ancestors_or_self(token) -> list:
    out = [token]
    node = token
    for _ in range(40):
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node)
    return out


def marked_earlier(clause, number_tokens) -> bool:
    """ "The last major quake to hit southern Iran was in February, when a magnitude-6.4 temblor
    rocked ...": a subject marked last/previous/earlier above the claim's clause. A mark inside
    the number's own phrase ("a previous toll of 3") is a revision, not another event."""
    inside = {t.i for t in number_tokens}
    for verb in ancestors_or_self(clause):
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass") or child.pos_ != "NOUN" or child.ent_type_ in ("DATE", "TIME"):
                continue
            if any(t.i in inside for t in child.subtree):
                continue
            if any(m.dep_ == "amod" and m.lower_ in EARLIER_WORDS for m in child.children):
                return True
    return False


def end_of(value: str) -> date | None:
    """The last day of a resolved date ("2005-02" -> 2005-02-28, "2003" -> 2003-12-31)."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


def is_earlier(dates: tuple[str, ...], reference: str | None) -> bool:
    """Every date governing the claim ends well before the story's date."""
    ref = to_date(reference)
    if ref is None or not dates:
        return False
    ends = [end_of(d) for d in dates]
    return all(e is not None and (ref - e).days > EARLIER_DAYS for e in ends)


_KIND_WORD = re.compile(r"\s+(?:island|islands|province|city|county|state|region|district|prefecture)$", re.I)


def place_name(name: str) -> str:
    """ "eastern China" -> "China", "Qeshm Island" -> "Qeshm": the gazetteer knows the place, not
    its part or the word for its kind."""
    return _KIND_WORD.sub("", _DIRECTION.sub("", name).strip()).strip() or name


def _country_of(name: str) -> str:
    """The country of a place the gazetteer knows well enough (a country, a state or province, a
    large city), "" otherwise: a small town's name is too often another word."""
    found = place(place_name(name))
    if found is None or (found.kind == "city" and found.population < 50000):
        return ""
    return found.country


class StoryScope:
    """What the corpus is about, to tell another event from the story's own: its date (the
    median date its claims were said on) and its countries (those named in the claims' sentences
    of more than half as many articles as the most named one)."""

    def __init__(self, claims: list[tuple[str, RawClaim]]) -> None:
        """`claims`: (article id, RawClaim) pairs."""
        self._countries: dict[str, str] = {}
        days = sorted(r.said_on for _, r in claims if r.said_on)
        self.date = days[len(days) // 2] if days else None
        per_article: dict[str, set[str]] = {}
        for article, r in claims:
            found = per_article.setdefault(article, set())
            found.update(c for c in (self.country(p) for p in r.clause_places + r.entities) if c)
        counts: dict[str, int] = {}
        for found in per_article.values():
            for c in found:
                counts[c] = counts.get(c, 0) + 1
        top = max(counts.values(), default=0)
        self.countries = frozenset(c for c, n in counts.items() if n * 2 > top)

    def country(self, name: str) -> str:
        found = self._countries.get(name)
        if found is None:
            found = self._countries[name] = _country_of(name)
        return found

    def key(self, r) -> tuple:
        """Claims of different keys are about different things: (hypothetical, earlier event, other
        country). The earlier event is keyed by its year; the other country by its code."""
        earlier = ""
        if is_earlier(r.scope_dates, r.said_on or self.date):
            earlier = r.scope_dates[0][:4]  # the date nearest the number
        elif r.earlier:
            earlier = "earlier"
        foreign: tuple[str, ...] = ()
        if self.countries and r.clause_places and r.dimension == "count":
            # people killed in another country are another toll; a sum paid by another country
            # may well be its share of the story's own (so only counts)
            found = {c for c in (self.country(p) for p in r.clause_places) if c}
            if found and not found & self.countries:
                foreign = tuple(sorted(found))
        return (r.hypothetical, earlier, foreign)
