"""What the NLP pass makes of articles: per-article analyses and the corpus-level objects.

`ArticleAnalysis` (with its `Mention`, `RawClaim`, `RawEvent`) is what the cache stores per
article; `Entity`, `Event` and `ClaimGroup` are what `core.index` derives from them.

Kept apart from `core.model.articles` (articles and load problems) because reopening the explorer
shows articles before any of these exist: creating a dozen dataclasses costs ~10 ms at import,
paid once the index is loaded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from newsx.core.model.serial import from_dict

# --------------------------------------------------------------------------- per article (cached)


@dataclass(frozen=True)
class Mention:
    """A span the NER model found, with offsets into `Article.text`.

    `ref` is the fuller name this mention stands for inside its article ("Smith" -> "John
    Smith"), filled in by the in-article resolution step; None when it is its own full form.
    """

    start: int
    end: int
    text: str
    label: str
    sentence: int = 0
    ref: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Mention":
        return from_dict(cls, data)


@dataclass(frozen=True)
class RawClaim:
    """A quantity stated in one sentence, before grouping across articles."""

    value: float
    low: float | None
    high: float | None
    unit: str  # "troops", "minutes", "km", "USD", "%", ...
    dimension: str  # "count", "duration", "length", "money", "percent", ...
    qualifier: str | None  # "about", "more than", "up to", ...
    counted: str  # what is counted or measured: "French troops in Mali"
    counted_lemma: str  # head noun lemma of the counted thing: "troop"
    text: str  # the number as written: "up to 11,000"
    start: int  # offsets of `text` in the article
    end: int
    sentence: int  # index into ArticleAnalysis.sentences
    claimer: str | None  # who says so; None: the outlet itself
    verb: str | None = None  # the clause's verb lemma ("deploy", "fly")
    said_on: str | None = None  # YYYY-MM-DD
    refers_to: str | None = None  # YYYY-MM-DD or YYYY-MM or YYYY
    entities: tuple[str, ...] = ()  # surface forms of named entities in the clause
    # Features the grouping compares (filled by core.nlp.claim_extraction; defaults keep old cache rows readable).
    factor: float = 1.0  # value * factor = value in the dimension's base unit (km, minutes, km/h)
    event: str = ""  # event class of the clause: "kill", "injure", "deploy", "protest", ...
    anchor: str = ""  # what a measure belongs to: "chase", "altitude", "building"
    extra: bool = False  # "other", "another", "more": counted on top of something else
    subset: bool = False  # "3,000 of them": a part of a group named before
    places: tuple[str, ...] = ()  # places named in the clause
    context: tuple[str, ...] = ()  # content lemmas of the clause
    when: str = ""  # the date expression as written when it could not be resolved (no article date)
    # Scope (core.nlp.claim_scope): a modal on the governing verb, the dates governing the clause, an
    # event marked earlier, and every place named in the clause.
    hypothetical: bool = False
    scope_dates: tuple[str, ...] = ()
    earlier: bool = False
    clause_places: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RawClaim":
        data = dict(data)
        data["entities"] = tuple(data.get("entities") or ())
        data["places"] = tuple(data.get("places") or ())
        data["context"] = tuple(data.get("context") or ())
        data["scope_dates"] = tuple(data.get("scope_dates") or ())
        data["clause_places"] = tuple(data.get("clause_places") or ())
        return from_dict(cls, data)


# The sentence number of an event mention found in the article's headline: its offsets are in the title.
HEADLINE_SENTENCE = -1


@dataclass(frozen=True)
class RawEvent:
    """An event mention in one sentence: a trigger with who, where and when."""

    trigger: str  # lemma: "meet", "launch", "deploy"
    text: str  # trigger as written
    start: int
    end: int
    sentence: int  # HEADLINE_SENTENCE: in the headline
    label: str  # short description: "Angela Merkel meet Emmanuel Macron"
    date: str | None = None  # resolved YYYY-MM-DD (or YYYY-MM / YYYY)
    participants: tuple[str, ...] = ()  # entity surface forms (resolved refs where known)
    places: tuple[str, ...] = ()
    when: str | None = None  # the date as written ("Thursday"), kept when it cannot be resolved
    future: bool = False  # scheduled or expected, not yet happened when written
    passive: bool = False  # "was arrested": the participants underwent it
    roles: tuple[str, ...] = ()  # per participant: "agent" (does it) or "patient" (undergoes it)
    participant_starts: tuple[int, ...] = ()  # article offsets of each participant's mention (none in a headline)
    place_starts: tuple[int, ...] = ()
    verb: str = ""  # the verb's lemma when the trigger is the event noun it tells of ("an earthquake struck")
    lead_only: bool = False  # kept only as its article's opening act: an event when other sources report it too

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RawEvent":
        data = dict(data)
        for name in ("participants", "places", "participant_starts", "place_starts", "roles"):
            data[name] = tuple(data.get(name) or ())
        return from_dict(cls, data)


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the NLP pass learns about one article; what the cache stores."""

    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]
    claims: tuple[RawClaim, ...] = ()
    events: tuple[RawEvent, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        # The records hold only plain values and tuples of them: a copy of each one's fields is
        # what `asdict` gives, without its deep copy (the parent of the parsing workers stores
        # every analysis, and `asdict` took most of that time).
        return {
            "sentences": [list(s) for s in self.sentences],
            "mentions": [dict(m.__dict__) for m in self.mentions],
            "claims": [dict(c.__dict__) for c in self.claims],
            "events": [dict(e.__dict__) for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ArticleAnalysis":
        return cls(
            sentences=tuple((int(a), int(b)) for a, b in data.get("sentences", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
            claims=tuple(RawClaim.from_dict(c) for c in data.get("claims", ())),
            events=tuple(RawEvent.from_dict(e) for e in data.get("events", ())),
        )

    def sentence_text(self, text: str, index: int) -> str:
        if 0 <= index < len(self.sentences):
            start, end = self.sentences[index]
            return text[start:end]
        return ""


# --------------------------------------------------------------------------- corpus level


@dataclass(frozen=True)
class MentionSpan:
    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    mention_spans: tuple[MentionSpan, ...]

    @property
    def mentions(self) -> int:
        return len(self.mention_spans)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "aliases": list(self.aliases),
            "articles": list(self.articles),
            "mentions": self.mentions,
            "mention_spans": [asdict(s) for s in self.mention_spans],
        }


@dataclass(frozen=True)
class EventMention:
    article: str
    sentence: int
    text: str = ""  # the sentence, for display
    start: int = -1  # the trigger's offsets in the article text, or the title's in a headline (-1: unknown)
    end: int = -1


@dataclass(frozen=True)
class Event:
    id: str
    label: str
    trigger: str
    date: str | None
    articles: tuple[str, ...]
    entities: tuple[str, ...]  # entity ids
    mentions: tuple[EventMention, ...]  # one per (article, sentence)
    triggers: tuple[EventMention, ...] = ()  # every trigger, with its offsets

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "trigger": self.trigger,
            "date": self.date,
            "articles": list(self.articles),
            "entities": list(self.entities),
            "mentions": [
                # sentence HEADLINE_SENTENCE (-1): in the headline, offsets into the title
                {"article": m.article, "sentence": m.sentence, "start": m.start, "end": m.end} for m in self.mentions
            ],
        }


@dataclass(frozen=True)
class Claim:
    """A claim as shown in a comparison group."""

    article: str
    value: float
    low: float | None
    high: float | None
    text: str
    sentence: str
    sentence_index: int
    start: int
    end: int
    claimer: str
    said_on: str | None
    refers_to: str | None
    outlet: str | None = None
    # (earliest, latest), either None: when an undated article's text bounds the claim
    # (core.link.claims.dating); None when `said_on` is known or nothing bounds it.
    said_between: tuple[str | None, str | None] | None = None

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value

        def num(x):
            if x is None or x in (float("inf"), float("-inf")):
                return None
            return int(x) if float(x).is_integer() else x

        return {
            "article": self.article,
            "value": value,
            "low": num(self.low),
            "high": num(self.high),
            "text": self.text,
            "sentence": self.sentence,
            "claimer": self.claimer,
            "said_on": self.said_on,
            "refers_to": self.refers_to,
            "said_between": list(self.said_between) if self.said_between else None,
            "outlet": self.outlet,
            "start": self.start,
            "end": self.end,
        }


VERDICTS = ("conflict", "changed", "agree", "single")


@dataclass(frozen=True)
class ClaimGroup:
    id: str
    topic: str
    unit: str
    verdict: str  # one of VERDICTS
    reason: str
    claims: tuple[Claim, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "topic": self.topic,
            "unit": self.unit,
            "verdict": self.verdict,
            "reason": self.reason,
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(frozen=True)
class Story:
    """Articles about one event, from any source; every article is in exactly one story."""

    id: str
    title: str
    articles: tuple[str, ...]
    first: str | None  # earliest published date (YYYY-MM-DD) among its articles
    last: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "articles": list(self.articles), "first": self.first, "last": self.last}
