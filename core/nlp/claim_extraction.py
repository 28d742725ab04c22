"""Attributed numeric claims: every quantity a sentence states, what it counts, who says so, when.

`extract_claims` reads one parsed article (spaCy Doc; never imports spaCy) and returns plain
`RawClaim`s; `core.link.claims.grouping` lines them up across articles.

For each quantity `core.nlp.quantities` finds in a sentence:
- what it counts: the noun the number modifies (or, for "3,000 of them" / "killing one", the noun
  of the quantity named just before), with its modifiers and the prepositional phrases that narrow it;
- the event: the clause's verb as a class ("killed"/"died" -> kill), or an event noun for light verbs;
- the claimer (core.nlp.attribution) and the dates: `said_on` (the reporting verb's date, else the
  article's) and `refers_to` (the date the clause is about), resolved with core.corpus.dates.
Things that are numbers but not claims are skipped: years, days of the month, clock times, ordinals,
designations ("12-gauge", "Falcon-9"), "2+2", phone numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsx.core.corpus.dates import resolve_date
from newsx.core.model.analyses import Mention, RawClaim
from newsx.core.model.articles import Article
from newsx.core.nlp import attribution, claim_scope
from newsx.core.nlp.claim_lexicon import DECISIVE_EVENTS, noun_class
from newsx.core.nlp.promo import is_advertising
from newsx.core.nlp.quantities import Quantity, find_quantities

if TYPE_CHECKING:  # types only: spaCy itself is imported by core.nlp.pipeline
    from spacy.tokens import Doc, Span, Token

# Verb or noun lemma -> event class: claims about one event class can be compared.
EVENT_CLASSES = {
    "kill": "kill", "die": "kill", "dead": "kill", "death": "kill", "slay": "kill", "perish": "kill",
    "suffocate": "kill", "fatality": "kill", "toll": "kill", "murder": "kill",
    "injure": "injure", "wound": "injure", "hurt": "injure", "injury": "injure", "injured": "injure",
    "wounded": "injure", "hospitalize": "injure",
    "shoot": "shoot", "arrest": "arrest", "detain": "arrest", "detention": "arrest",
    "deploy": "deploy", "deployment": "deploy", "send": "deploy", "dispatch": "deploy",
    "station": "deploy", "transfer": "deploy", "base": "deploy", "be": "deploy", "have": "deploy",
    "number": "deploy", "increase": "deploy", "rise": "deploy", "grow": "deploy",
    "march": "protest", "protest": "protest", "rally": "protest", "demonstrate": "protest",
    "demonstration": "protest", "join": "protest", "attend": "protest", "gather": "protest",
    "protester": "protest", "demonstrator": "protest", "strike": "protest", "walkout": "protest",
    "fire": "burn", "blaze": "burn", "burn": "burn", "torch": "burn", "firebomb": "burn",
    "chase": "chase", "pursuit": "chase", "pursue": "chase", "fly": "fly", "flight": "fly",
    "rescue": "rescue", "save": "rescue", "evacuate": "evacuate", "evacuation": "evacuate", "usher": "usher",
    "transport": "transport", "ship": "transport", "shipment": "transport", "deliver": "transport",
    "delivery": "transport", "supply": "transport", "provide": "transport", "carry": "transport",
    "lend": "lend", "loan": "lend", "bailout": "lend", "package": "lend",
}
# Event nouns whose verb means something else: "a general strike" is a protest, "the quake struck" is not.
NOUN_ONLY_EVENTS = frozenset("strike".split())
# Verbs that say little about the event; an event noun nearby tells more.
ASPECT_VERBS = frozenset("begin start continue need try plan expect".split())
LIGHT_VERBS = frozenset("be have put reach remain total stand become make take get include leave".split())
EXTRA_WORDS = frozenset("other another more further additional extra".split())
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_NARROWING_PREPS = frozenset("in to toward towards near from at into on inside outside across along".split())
_STOP = frozenset(
    """be have do say tell report said the a an of to in on at for and or but that this these those it its
    they them he she his her their there which who whom what when where how than then also more other
    number people one year day week""".split()
)
_MONTHS = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.I)
_CLOCK_AFTER = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|hrs|o'clock|[ap]\.m)\b", re.I)
_PHONE = re.compile(r"\d{3}[-.\s]\d{3,4}(?:[-.\s]\d{4})?")
# Designations written "N-word" that are not amounts ("12-gauge", "12-axle"); other "N-word"s count
# something ("35-key keyboard", "6.7-strength quake", "three-point range").
_HYPHEN_DESIGNATIONS = frozenset("gauge caliber calibre bore axle".split())
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
# Nouns whose "of" phrase gives their size: "a population of 120,000", "a crowd of 5,000".
_SIZE_NOUNS = frozenset("population staff workforce crew crowd team force garrison contingent".split())


def _event_class(lemma: str) -> str:
    lemma = lemma.lower()
    if lemma in EVENT_CLASSES:
        return EVENT_CLASSES[lemma]
    for suffix in ("ment", "ing", "ion", "al"):
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            stem = lemma[: -len(suffix)]
            for key, cls in EVENT_CLASSES.items():
                if key.startswith(stem) or stem.startswith(key):
                    return cls
            return stem
    return lemma


def concept_of(lemma: str) -> str:
    """The kind of thing counted: people, troops, or the noun itself (core.nlp.claim_lexicon)."""
    return noun_class(lemma)


def _token_at(doc, char: int):
    for tok in doc:
        if tok.idx <= char < tok.idx + len(tok.text):
            return tok
    return None


def _span_tokens(tokens, start: int, end: int):
    """Tokens of `tokens` (a Doc or a sentence) that overlap the characters start..end."""
    return [t for t in tokens if t.idx < end and t.idx + len(t.text) > start]


def _top(tokens):
    """The token of a span whose head lies outside the span."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1]


def _is_not_a_claim(q: Quantity, sent_text: str, rel_start: int, rel_end: int, tokens) -> bool:
    raw = sent_text[q.number_start:q.number_end]
    before = sent_text[:q.number_start].rstrip()
    after = sent_text[q.number_end:]
    if q.hyphenated and q.dimension == "count" and q.hyphenated.split("-")[0] in _HYPHEN_DESIGNATIONS:
        return True  # "12-gauge", "12-axle"
    if q.dimension == "count" and q.qualifier == "between" and all(
        _YEAR.fullmatch(n) for n in re.findall(r"[\d.,]+", raw)
    ):
        return True  # "between 1600 and 1900": years
    if _CLOCK_AFTER.match(after) or re.match(r"^\s*:\d", after):
        return True
    if _PHONE.match(sent_text[q.number_start:]) and q.dimension == "count":
        return True
    if q.dimension == "count" and re.fullmatch(r"(?:1[5-9]|20)\d\d", raw):
        return True  # a year
    prev_word = before.split()[-1] if before.split() else ""
    next_word = after.split()[0] if after.split() else ""
    if q.dimension == "count" and (_MONTHS.match(prev_word) or _MONTHS.match(next_word.strip(",."))):
        return True  # "Oct. 8", "8 October"
    if q.dimension == "count" and re.match(r"^(?:st|nd|rd|th)\b", after):
        return True
    if any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") and _datelike(t) for t in tokens) and q.dimension == "count":
        # "two days after", "Monday at 10", "the 3rd": dates are their own thing, unless a noun is
        # counted or the number is an age in apposition ("LaCalamita, 38,")
        counts_noun = any(t.head.pos_ == "NOUN" and t.dep_ == "nummod" and t.head.ent_type_ not in ("DATE", "TIME") for t in tokens)
        age = any(t.dep_ in ("appos", "npadvmod", "amod", "nummod") and t.head.pos_ == "PROPN" and t.head.ent_type_ == "PERSON" for t in tokens)
        ages = any(t.head.lower_ in ("ages", "aged", "age") for t in tokens)
        if not (counts_noun or age or ages):
            return True
    if q.dimension == "count" and any(
        t.head.pos_ == "PROPN" and t.head.i == t.i - 1 and t.dep_ in ("nummod", "compound", "appos") for t in tokens
    ):
        return True  # "Interstate 75", "Route 66"
    if any(t.ent_type_ in ("PERSON", "ORG", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "FAC") and _named_with_words(t)
           for t in tokens) and q.dimension == "count":
        return True  # "Interstate 75", "Falcon 9" (not a lone number the tagger called a product)
    if q.dimension == "count" and raw.lower() == "one" and not q.qualifier and not q.hyphenated and re.search(
        r"\b(?:each|the|this|that|any|every|which|same|no|another|the other|on|no)\s+$", before + " ", re.IGNORECASE
    ) and not re.match(r"\s+of\b", after):
        return True  # "each one", "the same one": a pronoun, not a count
    if q.dimension == "count" and _is_a_name(q, raw, tokens):
        return True  # "iPhone 11", "S&P 500", "Boeing 787 Dreamliner", "Planet 9"
    return False


_CAMEL = re.compile(r"^(?:[a-z]+[A-Z]\w*|[A-Z]{2,}[\w&]*|[A-Z][a-z]+[A-Z]\w*)$")


def _is_a_name(q: Quantity, raw: str, tokens) -> bool:
    """A bare whole number written into a name: a model, an index, a route or a team ("Galaxy S23" never
    reaches here: the digits are glued to letters). An age after a person's name ("Nick Hague 44") is kept."""
    if q.qualifier or q.unit or not re.fullmatch(r"\d+|[A-Za-z]+", raw) or not tokens:
        return False
    first, last = tokens[0], tokens[-1]
    doc = first.doc
    if first.i > 0 and doc[first.i - 1].idx + len(doc[first.i - 1].text) < first.idx:  # a space between, no punctuation
        prev = doc[first.i - 1]
        named = prev.pos_ == "PROPN" or _CAMEL.match(prev.text) or (prev.is_title and not prev.is_sent_start)
        if named and prev.ent_type_ not in ("PERSON", "DATE", "TIME", "GPE", "NORP") and not _MONTHS.match(prev.text) \
                and prev.is_alpha and prev.lower_ not in _STOP:
            return True
    j = last.i + 1
    if j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in ("NORP", "GPE", "PERSON") and doc[j].text[:1].isupper():
        while j < len(doc) and doc[j].pos_ == "PROPN":
            j += 1
        if j >= len(doc) or (doc[j].pos_ != "NOUN" and doc[j].lower_ not in ("and", "or", "&")):
            return True  # "787 Dreamliner", "iPhone 11 Pro Max:", "10 Downing Street"; not "30 Apple employees"
    return False


# A DATE or TIME entity that names no calendar or clock word is the tagger guessing ("which is 50000",
# "Nick Hague 44"): the number stays a number.
_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"\b(?:day|week|month|year|decade|centur|hour|minute|second|night|morning|evening|afternoon|noon|midnight|"
    r"today|yesterday|tomorrow|tonight|ago|season|quarter|term|weekend|spring|summer|autumn|fall|winter|a\.?m|p\.?m|"
    r"gmt|utc|o'clock)[a-z]*\b|\b(?:1[5-9]|20)\d\d\b|\d0s\b|\d:\d|\b(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)


def _named_with_words(token) -> bool:
    ent = next((e for e in attribution.entities(token.doc) if e.start <= token.i < e.end), None)
    return ent is None or any(t.is_alpha for t in ent)


def _datelike(token) -> bool:
    doc = token.doc
    ent = next((e for e in attribution.entities(doc) if e.start <= token.i < e.end), None)
    text = ent.text if ent is not None else token.text
    return bool(_DATE_WORDS.search(text)) or token.ent_type_ == "ORDINAL"


def _climb_to_event(token):
    """(event class, event token, clause verb) from a counted noun up to its clause's verb."""
    node = token
    noun_event = None
    for _ in range(30):
        lemma = node.lemma_.lower()
        if node.pos_ == "NOUN" and node.i != token.i and lemma in EVENT_CLASSES and noun_event is None:
            noun_event = node
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            if node.pos_ in ("VERB", "AUX") and lemma in attribution.REPORTING_VERBS and lemma != "put" and node.i != token.i:
                # the number sits in the reporting clause itself ("X told The AP that 3 ...") is rare;
                # the event is what is reported, not the saying
                pass
            if noun_event is not None:
                return EVENT_CLASSES[noun_event.lemma_.lower()], noun_event, node
            # "had to be ushered", "began deploying": the complement carries the event
            xcomp = next((c for c in node.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if xcomp is not None and (lemma in LIGHT_VERBS or lemma in ASPECT_VERBS or lemma in attribution.REPORTING_VERBS):
                node, lemma = xcomp, xcomp.lemma_.lower()
            # "shot to death", "burnt to death": a killing
            if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in node.children):
                return "kill", node, node
            if lemma in LIGHT_VERBS or node.pos_ == "AUX":
                found = _event_noun_near(node)
                if found is not None:
                    return _event_class(found.lemma_), found, node
                return _event_class(lemma), node, node
            if lemma not in EVENT_CLASSES or (node.pos_ == "VERB" and lemma in NOUN_ONLY_EVENTS):
                found = _event_noun_near(node)
                if found is not None:
                    return _event_class(found.lemma_), found, node
            if node.pos_ == "VERB" and lemma in NOUN_ONLY_EVENTS:
                return lemma, node, node  # "the quake struck": not a walkout
            return _event_class(lemma), node, node
        if node.head.i == node.i:
            break
        node = node.head
    return (EVENT_CLASSES[noun_event.lemma_.lower()] if noun_event is not None else ""), noun_event, node


def _event_noun_near(verb):
    for child in verb.children:
        for cand in [child] + [g for g in child.children if g.dep_ == "pobj"]:
            if cand.pos_ in ("NOUN", "ADJ") and cand.lemma_.lower() in EVENT_CLASSES and EVENT_CLASSES[cand.lemma_.lower()] != "deploy":
                return cand
    if verb.lemma_.lower() == "take" and any(t.lemma_.lower() == "street" for t in verb.subtree):
        return _FakeToken("protest")  # "took to the streets"
    return None


class _FakeToken:
    """A stand-in event token carrying only a lemma ("took to the streets" -> protest)."""

    def __init__(self, lemma: str):
        self.lemma_ = lemma


def _places(root, doc, exclude) -> tuple[str, ...]:
    lo, hi = root.left_edge.i, root.right_edge.i
    out = []
    for ent in attribution.entities(doc):
        if ent.label_ in _PLACE_LABELS and lo <= ent.start <= hi and not any(e[0] <= ent.start <= e[1] for e in exclude):
            out.append(_place_name(ent))
    return tuple(dict.fromkeys(out))


def _place_name(ent) -> str:
    """A place entity's name as claims compare it: no possessive, no leading "the"."""
    name = re.sub(r"(?:'s|’s)$", "", ent.text).strip()
    return re.sub(r"^the\s+", "", name, flags=re.I)


def _narrow_places(noun, clause, doc, exclude) -> tuple[str, ...]:
    """Places in the phrases that narrow the claim: "in Thessaloniki, where 20,000 marched",
    "took to the streets of Athens", "troops ... to Russia"; not places elsewhere in the sentence."""
    ids: set[int] = set()
    for holder in (noun, clause):
        if holder is None or not hasattr(holder, "children"):
            continue
        for child in holder.children:
            if child.dep_ in ("prep", "npadvmod", "advmod", "dobj", "attr", "nsubjpass") or (child.dep_ == "xcomp" and holder is clause):
                ids.update(t.i for t in child.subtree if not any(e[0] <= t.i <= e[1] for e in exclude))
    if clause is not None and hasattr(clause, "dep_") and clause.dep_ == "relcl":
        ids.update(t.i for t in clause.head.subtree if t.i < clause.i and t.i >= clause.head.left_edge.i)
        ids.add(clause.head.i)
    described = _described_by_apposition(noun)
    if described is not None:  # "Marren Island, home to 120,000 people": the island's people
        ids.update(t.i for t in described.subtree if t.i < described.i or t.dep_ == "compound")
        ids.add(described.i)
    out = []
    for ent in attribution.entities(doc):
        if ent.label_ in _PLACE_LABELS and any(i in ids for i in range(ent.start, ent.end)):
            out.append(_place_name(ent))
    if not out:
        for i in sorted(ids):
            named = _place_named_before(doc[i], doc)
            if named:
                out.append(named)
                break
    return tuple(dict.fromkeys(out))


# Common nouns that stand for a place the article named before ("the island, which has 200,000
# residents" after "Marren Island").
_PLACE_NOUNS = frozenset("island city town village province state region county district valley peninsula".split())


def _place_named_before(token, doc) -> str | None:
    """The place "the island" stands for: the last place named before it whose name ends in that
    noun ("Marren Island"). None when nothing named before fits. (The gazetteer could name a city
    for "the city", but building it in every worker costs more than the parse of many articles.)"""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in _PLACE_NOUNS or token.tag_ != "NN":
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(c.dep_ in ("compound", "amod", "poss") for c in token.children):
        return None  # "a city of 400,000", "the nearby town": not a place named before
    for ent in reversed([e for e in attribution.entities(doc) if e.label_ in _PLACE_LABELS and e.end <= token.i]):
        named_as = ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lemma_.lower() == lemma
        if named_as or ent.text.lower().rsplit(" ", 1)[-1] == lemma:  # "the town of Halberg", "Marren Island"
            return _place_name(ent)
    return None


def _described_by_apposition(noun):
    """The noun an apposition holding the counted noun describes: "Island" in "Marren Island, home
    to 120,000 people" and in "Bandar Abbas, a city of 400,000"; None when there is none."""
    node = noun
    for _ in range(4):
        if node is None or node.head.i == node.i:
            return None
        if node.dep_ == "appos":
            return node.head
        if node.dep_ not in ("pobj", "prep", "nummod", "compound"):
            return None
        node = node.head
    return None


def _context(root, exclude) -> tuple[str, ...]:
    out = []
    for tok in root.subtree:
        if any(e[0] <= tok.i <= e[1] for e in exclude):
            continue
        if tok.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not tok.is_stop and tok.lemma_.lower() not in _STOP:
            if tok.lemma_.lower() in attribution.REPORTING_VERBS:
                continue
            out.append(tok.lemma_.lower())
    return tuple(dict.fromkeys(out))


def _counted_phrase(noun, verb) -> str:
    """ "French troops to Mali": the noun with its modifiers and narrowing phrases."""
    words: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss") and child.i < noun.i:
            words.extend(t for t in child.subtree)
    words.append(noun)
    tail = []
    for holder in (noun, verb):
        if holder is None or not hasattr(holder, "children"):
            continue
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in _NARROWING_PREPS | {"of"} and child.i > noun.i:
                span = list(child.subtree)
                if len(span) <= 7:
                    tail.extend(span)
        if tail:
            break
    tokens = sorted({t.i: t for t in words + tail}.values(), key=lambda t: t.i)
    text = " ".join(t.text for t in tokens)
    return text.replace(" 's", "'s").replace(" ’s", "’s")


def _dates_in(root, doc, exclude):
    """DATE entities inside a clause, outside the reporting part; "since October" is a start, not the time."""
    lo, hi = root.left_edge.i, root.right_edge.i
    return [
        ent for ent in attribution.entities(doc)
        if ent.label_ == "DATE" and lo <= ent.start <= hi and not any(e[0] <= ent.start <= e[1] for e in exclude)
        and not re.search(r"year-old|years old", ent.text)
        and not _DURATION_ONLY.match(ent.text)
        and not re.search(r"\bage[sd]?\b|-old\b|^\d{1,3}$", ent.text.strip(), re.I)
        and not _in_since_clause(doc, ent)
        and not _FREQUENCY.search(ent.text)
    ]


# "24 equal monthly payments", "twice a year": how often, not when
_FREQUENCY = re.compile(r"\b(?:hourly|daily|weekly|monthly|quarterly|yearly|annual(?:ly)?|per (?:day|week|month|year)|a (?:day|week|month|year))\b", re.I)
# "over three years", "24 hours": how long, not when
_DURATION_ONLY = re.compile(
    r"^(?:over|for|about|around|nearly|almost|more than|the past|the next|the last|the)?\s*(?:\w+[\s-])?(?:years?|months?|weeks?|days?|hours?|decades?)$",
    re.I,
)


def _nearest_verb(token):
    node = token
    for _ in range(12):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _in_since_clause(doc, ent) -> bool:
    node = doc[ent.start]
    for _ in range(6):
        if node.lower_ in ("since", "after", "before") and node.dep_ in ("mark", "prep"):
            return True
        if any(c.lower_ in ("since",) and c.dep_ == "mark" for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _resolve(expr: str, anchor: str | None, future: bool = False) -> str | None:
    try:
        return resolve_date(expr, anchor, future=future)
    except Exception:  # a date we cannot read is simply unknown
        return None


def extract_claims(doc, article: Article, mentions: tuple[Mention, ...]) -> list[RawClaim]:
    claims: list[RawClaim] = []
    anchor = article.published
    previous_atts: list = []
    last_count: LastCount | None = None  # the latest counted noun, for ellipsis
    prev_refers: str | None = None
    # The Doc's text is the article's (spaCy keeps it verbatim); Doc.text and Span.text would
    # build a Token object for every token to join their texts again.
    text = article.text
    all_quantities = find_quantities(text)
    last_count_sentence = -10
    for si, sent in enumerate(doc.sents):
        atts = attribution.sentence_attributions(sent)
        sent_text = text[sent.start_char : sent.end_char]
        sent_refers: str | None = None
        if si - last_count_sentence > 1:
            last_count = None  # ellipsis reaches back one sentence at most
        quantities = _in_sentence(all_quantities, sent)
        if quantities and is_advertising(sent_text):
            quantities = []  # shopping copy ("20% off with code X") states no fact
        quantities = _carry_units(quantities, sent_text)
        for q in quantities:
            num_tokens = _span_tokens(sent, sent.start_char + q.number_start, sent.start_char + q.number_end)
            all_tokens = _span_tokens(sent, sent.start_char + q.start, sent.start_char + q.end)
            if not num_tokens or not all_tokens:
                continue
            if _is_not_a_claim(q, sent_text, q.start, q.end, num_tokens):
                continue
            top = _top(all_tokens)
            try:
                found = QuantityInSentence(q, sent, si, top, num_tokens, all_tokens, article)
                claim = _build(found, atts, previous_atts, anchor, last_count, prev_refers)
            except (ValueError, IndexError, KeyError, AttributeError, TypeError):
                # an odd parse loses this one number, never the article's other claims
                claim = None
            if claim is None:
                # nothing counted that grouping can use: the quantity is still stated, as a claim of its own
                claim = _bare_claim(q, sent, si, top, atts, previous_atts, anchor)
            if claim is None:
                continue
            if claim.dimension == "count" and not claim.subset:
                last_count = (claim.counted_lemma, claim.counted, claim.event, claim.unit, si)
                last_count_sentence = si
            if claim.refers_to:
                sent_refers = claim.refers_to
            elif claim.when:
                sent_refers = "~" + claim.when
            claims.append(claim)
        if atts:
            previous_atts = atts
        # "it was also launched ... and flew for 73 minutes": a pronoun subject carries the date on
        prev_refers = sent_refers or _sentence_date(sent, doc, anchor) or (prev_refers if _pronoun_subject(sent) else None)
    return claims


def _claimer_of(top, sent, atts, previous_atts):
    """(the attribution governing the number, the claimer shown): a pronoun resolved to the source
    named before, a sentence inside a multi-sentence quotation its speaker's; None when nobody is named."""
    doc = sent.doc
    att = attribution.governing(top, atts)
    claimer = attribution.resolve(att, previous_atts) if att is not None else None
    if att is None:
        # a sentence inside a quotation that runs over several sentences: its speaker's
        claimer = attribution.quote_speaker(sent)
    pronoun = att is not None and att.head.lower_ in ("he", "she")
    if pronoun and (claimer is None or claimer.lower() in ("he", "she")) and sent.start > 0:
        # "Governor Maria Lopez visited ... 300 patients were treated, she said": the person just named
        previous_sentence = doc[sent.start - 1].sent
        people = [e for e in attribution.entities(doc) if e.label_ == "PERSON" and previous_sentence.start <= e.start < previous_sentence.end]
        if people:
            claimer = attribution.phrase(people[-1].root)
    return att, claimer


def _bare_claim(q, sent, si, top, atts, previous_atts, anchor) -> RawClaim | None:
    """A quantity no thing counted was found for ("around 73", "who was 10", "which is 50000"): kept with
    its value, unit and claimer, and nothing for grouping to compare it by (an empty counted noun)."""
    try:
        _, claimer = _claimer_of(top, sent, atts, previous_atts)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        claimer = None
    doc = sent.doc
    entities = tuple(dict.fromkeys(
        e.text for e in attribution.entities(doc)
        if sent.start <= e.start < sent.end and e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
    ))
    return RawClaim(
        value=q.value, low=q.low, high=q.high, unit=q.unit or "", dimension=q.dimension, qualifier=q.qualifier,
        counted=_bare_label(top), counted_lemma="", text=q.text, start=sent.start_char + q.start, end=sent.start_char + q.end,
        sentence=si, claimer=claimer, verb=None, said_on=anchor, refers_to=None, entities=entities,
        factor=q.factor, event="",
    )


def _bare_label(top) -> str:
    """A word to show for a bare claim ("comprised", "investment"): the first content word above the
    number; "figure" when the tree says nothing."""
    node = top
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        if node.is_alpha and node.pos_ in ("NOUN", "PROPN", "VERB") and node.lemma_.lower() not in LIGHT_VERBS \
                and node.lemma_.lower() not in attribution.REPORTING_VERBS:
            return node.text
    return "figure"


# "..., but the survey said it was 6.1": a bare number said of "it" after a measure of the sentence
_SAID_OF_IT = re.compile(r"\b(?:it|that)\s+(?:was|is|had been|has been|measured|stood at)\s*$", re.I)


def _carry_units(quantities, sent_text: str):
    """A bare number that restates a measure given earlier in its sentence ("put the magnitude at
    5.9, but the survey said it was 6.1") takes that measure's unit."""
    out: list[Quantity] = []
    for q in quantities:
        before = next((p for p in reversed(out) if p.number_end <= q.number_start and p.unit and p.dimension != "count"), None)
        if (q.dimension == "count" and not q.unit and before is not None and not q.hyphenated
                and _SAID_OF_IT.search(sent_text[: q.start])):
            q = replace(q, unit=before.unit, dimension=before.dimension, factor=before.factor)
        out.append(q)
    return out


def _in_sentence(quantities, sent):
    """The quantities whose number lies in this sentence, with offsets made relative to it."""
    base = sent.start_char
    out = []
    for q in quantities:
        if base <= q.number_start < sent.end_char:
            start = max(q.start, base)
            out.append(replace(
                q, start=start - base, end=min(q.end, sent.end_char) - base,
                number_start=q.number_start - base, number_end=q.number_end - base,
            ))
    return out


def _sentence_date(sent, doc, anchor):
    """The sentence's first date, resolved; "~expression" when it cannot be resolved (no anchor)."""
    for ent in attribution.entities(doc):
        if ent.label_ == "DATE" and sent.start <= ent.start < sent.end and not re.search(r"year-old|years old", ent.text):
            r = _resolve(ent.text, anchor)
            return r or "~" + ent.text.lower()
    return None


def _pronoun_subject(sent) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("it", "they", "he", "she") and t.head.dep_ == "ROOT" for t in sent)


# --------------------------------------------------------------------------- one claim, step by step
# `_build` reads one quantity of one sentence in four steps, each returning a small record: what
# the number counts (`_counted_thing`), the event around it (`_claim_event`), what it is said of
# (`_said_of`), who says so and when (`_claimer_and_said_on`, `_refers_to`).

# The latest counted noun (concept, phrase, event, unit, sentence), for "killing one", "of them".
LastCount = tuple[str, str, str, str, int]


@dataclass(frozen=True)
class QuantityInSentence:
    """One quantity where the sentence's parse has it."""

    q: Quantity
    sent: Span
    index: int  # the sentence's number in the article
    top: Token  # the quantity's syntactic head
    num_tokens: list[Token]  # the number's tokens
    all_tokens: list[Token]  # the quantity's (number, unit, qualifier)
    article: Article

    @property
    def doc(self) -> Doc:
        return self.sent.doc


@dataclass(frozen=True)
class CountedThing:
    """What the number counts, as far as the noun it modifies says."""

    dimension: str  # the quantity's, or "age" when it is someone's age
    unit: str
    token: Token | None  # the counted noun (or whose age)
    subset: bool  # "two of them": a part of something counted before
    extra: bool  # "two other people": on top of those counted before
    inherited: LastCount | None  # nothing counted here: the noun counted just before


@dataclass(frozen=True)
class SaidOf:
    """What the claim is about, as grouping compares it."""

    token: Token | None
    lemma: str
    counted: str
    unit: str
    event: str


@dataclass(frozen=True)
class Attribution:
    claimer: str | None
    said_on: str | None
    exclude: list[tuple[int, int]]  # token ranges of the attribution, not part of the claim


def _build(
    found: QuantityInSentence,
    atts: list,
    previous_atts: list,
    anchor: str | None,
    last_count: LastCount | None,
    prev_refers: str | None,
) -> RawClaim | None:
    """The claim of one quantity, or None when it counts nothing grouping can use."""
    q, sent, top, doc = found.q, found.sent, found.top, found.doc
    thing = _counted_thing(found, last_count)
    if thing is None:
        return None
    event, clause = _claim_event(found, thing)
    said_of = _said_of(found, thing, event, clause)
    attribution_ = _claimer_and_said_on(found, atts, previous_atts, anchor)
    clause_root = clause if clause is not None and hasattr(clause, "subtree") else sent.root
    refers, when = _refers_to(found, clause, clause_root, attribution_.exclude, anchor, prev_refers)
    dimension, exclude = thing.dimension, attribution_.exclude
    extra = thing.extra
    if extra and dimension == "count" and _other_than_another_event(last_count, found.index, said_of.lemma, said_of.event):
        extra = False  # "killing 10 and wounding 70 others": others than the dead, not 70 more wounded
    places = _narrow_places(said_of.token if dimension == "count" else None, clause_root, doc, exclude)
    # money figures travel with their whole sentence ("share of the bailout"), counts with their clause
    context = _context(sent.root if dimension == "money" else clause_root, exclude)
    entities = tuple(dict.fromkeys(e.text for e in attribution.entities(doc) if sent.start <= e.start < sent.end and e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")))
    hypothetical, scope_dates, earlier = _scope(top, found.num_tokens, clause_root, sent, doc, exclude, anchor)
    lemma = said_of.lemma
    return RawClaim(
        value=q.value,
        low=q.low,
        high=q.high,
        unit=said_of.unit or "",
        dimension=dimension,
        qualifier=q.qualifier,
        counted=said_of.counted,
        counted_lemma=lemma,
        text=q.text,
        start=sent.start_char + q.start,
        end=sent.start_char + q.end,
        sentence=found.index,
        claimer=attribution_.claimer,
        verb=(clause.lemma_.lower() if clause is not None and hasattr(clause, "lemma_") else None),
        said_on=attribution_.said_on,
        refers_to=refers,
        entities=entities,
        factor=q.factor,
        event=said_of.event or "",
        anchor=_event_class(lemma) if dimension not in ("count", "age") and lemma else "",
        extra=extra,
        subset=thing.subset,
        places=places,
        context=context,
        when=when,
        hypothetical=hypothetical,
        scope_dates=scope_dates,
        earlier=earlier,
        clause_places=_places(clause_root, doc, exclude),
    )


def _counted_thing(found: QuantityInSentence, last_count: LastCount | None) -> CountedThing | None:
    """The noun the number counts (its head, the noun of "two of the three victims", the size of
    "a population of 120,000"), or someone's age; None when the number counts no thing."""
    q, top, article, sent = found.q, found.top, found.article, found.sent
    head = top.head
    dimension, unit = q.dimension, q.unit
    counted_tok = None
    subset = False
    extra = False
    inherited = None
    inside = {t.i for t in found.all_tokens}
    for t in list(top.children) + [c for n in found.num_tokens for c in n.children] + list(head.children if head.i != top.i else []):
        if t.i in inside or t.i + 1 in inside and t.lower_ == "more":
            continue  # "more than" is the qualifier, not "more people"
        if t.lower_ in EXTRA_WORDS and t.dep_ in ("amod", "advmod", "det", "quantmod", "nmod", "npadvmod"):
            extra = True
    if q.text.lower().split()[0] in ("another",):
        extra = True
    if dimension == "count":
        # the noun the number modifies
        if top.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod") and head.pos_ in ("NOUN", "PROPN", "ADJ") and head.i != top.i and not head.like_num:
            counted_tok = head
            # "3 bank employees": the number sits on the compound, the head noun is counted
            while counted_tok.dep_ == "compound" and counted_tok.head.pos_ == "NOUN" and counted_tok.head.i > counted_tok.i:
                counted_tok = counted_tok.head
            if head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG", "GPE"):
                return None
        # "two of the three victims": the part counts the noun of its "of" phrase
        partitive = next((c for c in top.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if counted_tok is None and partitive is not None:
            pobj = next((c for c in partitive.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                if pobj.pos_ == "PRON":
                    subset = True
                else:
                    counted_tok = pobj
        if re.match(r"\s+of (?:them|these|those|whom|which|us)\b", article.text[sent.start_char + q.number_end : sent.end_char]):
            subset = True
        # "a population of 120,000", "a staff of more than 350": the number is the size of the noun
        # its "of" phrase hangs on
        if counted_tok is None and top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN" \
                and top.head.head.lemma_.lower() in _SIZE_NOUNS:
            counted_tok = top.head.head
        # the total in "two of the three victims" is not a claim of its own
        if top.dep_ == "nummod" and head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NUM":
            return None
        # ages: "LaCalamita, 38," "ages 47 and 48"
        if counted_tok is None and top.dep_ in ("appos", "npadvmod", "amod", "nummod") and head.pos_ == "PROPN" and (
            head.ent_type_ == "PERSON" or _age_apposition(top, head, q)
        ):
            dimension, unit = "age", "years"
            counted_tok = head
        elif counted_tok is not None and counted_tok.lemma_.lower() in ("age", "aged"):
            dimension, unit = "age", "years"
        elif counted_tok is None and top.head.lower_ in ("aged", "ages", "age"):
            dimension, unit = "age", "years"
            counted_tok = top.head
        if counted_tok is not None and (counted_tok.ent_type_ in ("DATE", "TIME") or counted_tok.lemma_.lower() in ("time", "percent")):
            return None
        if counted_tok is None and dimension == "count":
            if last_count is None:
                return None
            if q.value == 1 and last_count[4] != found.index:
                return None  # a bare "one" ("another one") leans on its own sentence only
            inherited = last_count
    if dimension == "count" and counted_tok is not None and counted_tok.pos_ == "ADJ" and counted_tok.lemma_.lower() not in EVENT_CLASSES:
        return None
    # "a woman and two men were shot": counted beside someone else, like "two other people"
    # (only beside the same kind of thing: "a shotgun and three shells" are not shells on top of shells)
    if dimension == "count" and counted_tok is not None:
        kind = concept_of(counted_tok.lemma_)
        partners = [c for c in counted_tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
        if counted_tok.dep_ == "conj" and counted_tok.head.pos_ == "NOUN":
            partners.append(counted_tok.head)
        if any(concept_of(p.lemma_) == kind for p in partners):
            extra = True
    return CountedThing(dimension, unit or "", counted_tok, subset, extra, inherited)


def _claim_event(found: QuantityInSentence, thing: CountedThing) -> tuple[str, Token | None]:
    """The event class of the clause the claim lives in, and that clause's head."""
    top = found.top
    # Where the claim lives in the tree: the counted noun or, for measures, the word it attaches to.
    if thing.dimension in ("count", "age") and thing.token is not None:
        base = thing.token
    else:
        base = top
    event, _event_token, clause = _climb_to_event(base if base.i != top.i or thing.dimension != "count" else top)
    # "12 arrested", "the person killed": a participle on the number or noun names the event
    for holder in (top, thing.token):
        if holder is None:
            continue
        acl = next((c for c in holder.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i == holder.i + 1), None)
        if acl is not None and _event_class(acl.lemma_) in EVENT_CLASSES.values():
            event, clause = _event_class(acl.lemma_), acl
            break
    return event, clause


def _measure_anchor(found: QuantityInSentence) -> Token | None:
    """What a measure (not a count) is of: the first content word above it ("a 3.1 inch display")."""
    node = found.top
    own = {t.i for t in found.all_tokens}
    for _ in range(10):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("NOUN", "VERB", "PROPN") and node.i not in own and node.text.isalpha():
            if node.lemma_.lower() in attribution.REPORTING_VERBS:
                break  # climbed out of the claim into its attribution
            if node.lower_ in _UNIT_WORDS:
                continue  # "50 kilometers (30 miles)": the conversion hangs on the first unit
            if node.dep_ in ("amod", "compound") and node.head.pos_ == "NOUN" and node.head.i > node.i:
                continue  # "a 3.1 inch OLED display": a modifier of the noun the measure is about
            return _specific_anchor(node)
    return None


def _said_of(found: QuantityInSentence, thing: CountedThing, event: str, clause: Token | None) -> SaidOf:
    """What the claim is about: whose age, which counted thing (as a concept and as written), or
    what a measure is of; the event too, where the counted word itself names one ("20 dead")."""
    q, top, doc = found.q, found.top, found.doc
    counted_tok = thing.token
    unit = thing.unit
    anchor_tok = _measure_anchor(found) if thing.dimension != "count" else None
    if thing.dimension == "age":
        if counted_tok is None and top.head.lower_ in ("aged", "ages", "age") and top.head.head.pos_ in ("NOUN", "PROPN"):
            counted_tok = top.head.head  # "Robert Pitman, aged 24,": whose age, however the number was read
        if counted_tok is None and anchor_tok is not None and anchor_tok.pos_ in ("NOUN", "PROPN"):
            counted_tok = anchor_tok
        if counted_tok is not None and counted_tok.lower_ in ("aged", "ages", "age") and counted_tok.head.pos_ in ("NOUN", "PROPN"):
            counted_tok = counted_tok.head  # "Robert Pitman, aged 24,": whose age
        counted = counted_tok.text if counted_tok is not None else ""
        lemma = _person_key(counted_tok, doc) if counted_tok is not None else ""
    elif thing.dimension == "count":
        if thing.inherited is not None:
            lemma, counted, inherited_event, unit, _ = thing.inherited
            # "killing one" keeps its own verb; a bare "there were 50,000" keeps the previous event
            if not event or event in ("deploy",) and clause is not None and clause.lemma_.lower() in LIGHT_VERBS:
                event = inherited_event
        else:
            if counted_tok is None:  # never: a count without a counted noun inherits one (_counted_thing)
                raise ValueError("a count with nothing counted")
            lemma = concept_of(counted_tok.lemma_)
            if EVENT_CLASSES.get(counted_tok.lemma_.lower()) == "protest" or counted_tok.lemma_.lower() == "crowd":
                lemma = "person"  # "more than 50,000 - the biggest protest": people at it
            counted = _counted_phrase(counted_tok, clause if clause is not None and clause.pos_ in ("VERB", "AUX") else None)
            # the noun as written ("troops", "containers", "jury"); people of any kind are "people"
            unit = "people" if lemma == "person" else counted_tok.lower_
            if counted_tok.lemma_.lower() in EVENT_CLASSES and EVENT_CLASSES[counted_tok.lemma_.lower()] in ("kill", "injure"):
                # "20 dead", "12 injured": the adjective is the event
                event = EVENT_CLASSES[counted_tok.lemma_.lower()]
                lemma = "person"
                unit = "people"
            marked = _marked_event(counted_tok)
            if marked:
                event = marked  # "the two wounded men requested privacy": they are the wounded
    else:
        lemma = (anchor_tok.lemma_.lower() if anchor_tok is not None else "")
        counted = anchor_tok.text if anchor_tok is not None else q.text
        if anchor_tok is not None:
            counted = _counted_phrase(anchor_tok, None) if anchor_tok.pos_ != "VERB" else anchor_tok.text
    return SaidOf(counted_tok, lemma, counted, unit, event)


def _claimer_and_said_on(found: QuantityInSentence, atts: list, previous_atts: list, anchor: str | None) -> Attribution:
    """Who says it, and the day it was said: the reporting verb's own date ("said on Friday"),
    else the article's."""
    doc = found.doc
    att, claimer = _claimer_of(found.top, found.sent, atts, previous_atts)
    exclude: list[tuple[int, int]] = []
    if att is not None:
        exclude.append((att.head.left_edge.i, att.head.right_edge.i))
    said_on = anchor
    if att is not None and att.verb is not None:
        candidates: list[Token] = []
        for child in att.verb.children:
            if child.dep_ == "prep":  # "said on Friday"
                candidates.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ in ("npadvmod", "advmod", "pobj"):
                candidates.append(child)
        for child in candidates:
            if child.ent_type_ == "DATE":
                span = next((e for e in attribution.entities(doc) if e.start <= child.i < e.end), None)
                r = _resolve(span.text if span is not None else child.text, anchor)
                if r and len(r) == 10:
                    said_on = r
                    exclude.append((child.left_edge.i, child.right_edge.i))
    return Attribution(claimer, said_on, exclude)


def _refers_to(
    found: QuantityInSentence,
    clause: Token | None,
    clause_root: Token,
    exclude: list[tuple[int, int]],
    anchor: str | None,
    prev_refers: str | None,
) -> tuple[str | None, str]:
    """The date the claim is about (resolved), or failing that the words that say when ("last
    spring"); a sentence going on with "it" keeps the previous sentence's date."""
    doc, top, sent = found.doc, found.top, found.sent
    refers = None
    best = None
    own = {t.i for t in found.all_tokens}
    for ent in _dates_in(clause_root, doc, exclude):
        if any(i in own for i in range(ent.start, ent.end)):
            continue
        verb = _nearest_verb(doc[ent.start])
        if clause is not None and getattr(clause, "pos_", "") in ("VERB", "AUX") and verb is not None and verb.i != clause.i:
            continue  # "sent 3,000 ... with plans to deploy 10,000 by December": December is the plan's
        distance = abs(ent.start - top.i)
        if best is None or distance < best[0]:
            best = (distance, ent)
    when = ""
    if best is not None:
        future = any(t.lower_ in ("by", "until", "next") for t in doc[max(best[1].start - 1, 0):best[1].end])
        refers = _resolve(best[1].text, anchor, future=future)
        if refers is None:
            when = best[1].text.lower()
    if refers is None and not when and prev_refers and _pronoun_subject(sent):
        if prev_refers.startswith("~"):
            when = prev_refers[1:]
        else:
            refers = prev_refers
    return refers, when


def _scope(top, num_tokens, clause_root, sent, doc, exclude, anchor) -> tuple[bool, tuple[str, ...], bool]:
    """(hypothetical, scope dates, marked earlier): see core.nlp.claim_scope."""
    hypothetical = claim_scope.is_hypothetical(claim_scope.governing_verb(top))
    # a date on the claim's verb or a verb above it governs it ("In February, a quake measuring 6.4
    # hit ..."); one in a clause beside it ("the war, which began in 2011, has killed") does not
    above = {t.i for t in claim_scope.ancestors_or_self(clause_root)}
    found: list[tuple[int, str]] = []
    for ent in _dates_in(sent.root, doc, exclude):
        verb = _nearest_verb(doc[ent.start])
        if verb is not None and verb.i in above and claim_scope.tells_past(ent, verb):
            r = _resolve(ent.text, anchor)
            if r:
                found.append((abs(ent.start - top.i), r))
    nearest_first = [r for _, r in sorted(found)]
    return hypothetical, tuple(dict.fromkeys(nearest_first)), claim_scope.marked_earlier(clause_root, num_tokens)


def _marked_event(noun) -> str:
    """A killed or injured class written on the counted noun itself ("two wounded men", "three
    dead children"), which says more than the clause's verb."""
    for child in noun.children:
        if child.dep_ == "amod" and child.i < noun.i:
            found = EVENT_CLASSES.get(child.lemma_.lower()) or EVENT_CLASSES.get(child.lower_)
            if found in ("kill", "injure"):
                return found
    return ""


def _other_than_another_event(last_count, si: int, lemma: str, event: str) -> bool:
    """The count just before, in this sentence, is of the same things but another decisive event."""
    if last_count is None or last_count[4] != si or last_count[0] != lemma:
        return False
    before = last_count[2]
    return bool(before and event and before != event and before in DECISIVE_EVENTS and event in DECISIVE_EVENTS)


_UNIT_WORDS = frozenset(
    """km kilometers kilometres kilometer kilometre miles mile meters metres feet minutes hours days weeks
    months years mph percent euros dollars pounds billion million""".split()
)
GENERIC_MEASURE_NOUNS = frozenset("time duration period length distance total amount sum figure speed".split())


def _specific_anchor(node):
    """The word a measure is about: "remained in flight" -> flight, "flight-time" -> flight."""
    lemma = node.lemma_.lower()
    if node.pos_ in ("VERB", "AUX") and lemma in LIGHT_VERBS | {"last", "stay", "reach"}:
        for child in node.children:
            for cand in [child] + [g for g in child.children if g.dep_ == "pobj"]:
                if cand.pos_ == "NOUN" and cand.lemma_.lower() in EVENT_CLASSES:
                    return cand
    if node.pos_ == "NOUN" and lemma in GENERIC_MEASURE_NOUNS and lemma != "speed":
        for child in node.children:
            if child.dep_ in ("compound", "amod") and child.pos_ == "NOUN":
                return child
    return node


def _age_apposition(top, head, q) -> bool:
    """ "Comeaux, 49, took...": a whole number between commas right after a name is the person's age,
    even when the tagger took the surname for an organisation."""
    doc = top.doc
    if head.ent_type_ not in ("", "ORG") or q.unit or q.qualifier or q.value is None or not (1 <= q.value < 120):
        return False
    if q.value != int(q.value) or top.dep_ != "appos" or top.i != head.i + 2 or doc[head.i + 1].text != ",":
        return False
    return top.i + 1 >= len(doc) or doc[top.i + 1].text in (",", ".", ";")


def _person_key(tok, doc) -> str:
    """Whom an age belongs to: the surname of a named person, else the noun ("woman")."""
    if tok.pos_ == "PROPN":
        ent = next((e for e in attribution.entities(doc) if e.start <= tok.i < e.end), None)
        words = (ent.text if ent is not None else tok.text).split()
        words = [w for w in words if w not in ("III", "II", "Jr.", "Sr.", "Jr")]
        return (words[-1] if words else tok.text).lower()
    if tok.pos_ == "NOUN":
        return tok.lemma_.lower()
    return ""

