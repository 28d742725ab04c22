"""Event mentions in one parsed article: a trigger with who, where and when.

Walks spaCy's dependency tree, textacy-style: a trigger (a verb, or an event noun such as "meeting"
or "launch") with who (named subjects and objects, as doers or undergoers), where (places in its
prepositional phrases) and when (the DATE attached to it, resolved against the article's date).
Reporting and light verbs are not events, and a trigger with neither a participant nor a date is
dropped, so the timeline is not flooded with "do" and "have". Receives Docs, never imports spaCy.
spaCy makes a new Token object on every access (`t.head is t` is never true): compare tokens by `.i`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsx.core.corpus.dates import is_contextual, names_a_time, names_an_era, resolve_date, to_date
from newsx.core.model.analyses import Mention, RawEvent
from newsx.core.model.articles import Article
from newsx.core.nlp.event_classes import IMPACT_VERBS
from newsx.core.nlp.event_lexicon import (
    ARG_DEPS,
    BEFALLING_FAMILIES,
    CLAUSE_DEPS,
    EVENT_NOUNS,
    FAMILIES,
    FUTURE_HEADS,
    LEAD_SENTENCES,
    LIGHT_VERBS,
    OCCASION,
    PARTICIPANT_LABELS,
    PARTY_PREPS,
    PLACE_LABELS,
    PLACE_PREPS,
    PRONOUNS,
    PROSPECTIVE_HEADS,
    RELEASE_VERBS,
    REPORTING_VERBS,
    STATEMENT_NOUNS,
    SUPPORT_VERBS,
    TELLING_VERBS,
    TOLL_FAMILIES,
    make_label,
    month_hint,
    weekday_hint,
)
from newsx.core.nlp.event_senses import (
    DRUNK_DRIVING_ACRONYMS,
    NAMING_VERBS,
    armed_strike,
    bodily_episode,
    captured_a_quality,
    cyber_intrusion,
    done_to,
    drunk_driving,
    fell_as_a_structure_gave_way,
    fire_opened,
    foiled_noun,
    found_guilty,
    gathering_party,
    launch_sense,
    police_raid,
    robbery_raid,
    sense,
    sexual_assault,
    structure_collapse,
    tells_of_an_intrusion,
    toll_changed,
    under_fire,
    unrealised,
    work_stoppage,
)


def extract_events(doc, article: Article, mentions: tuple[Mention, ...]) -> list[RawEvent]:
    """Event mentions of one parsed article, in text order."""
    by_start = {t.idx: t.i for t in doc}
    token_mention: dict[int, Mention] = {}
    for m in mentions:
        first = by_start.get(m.start)
        if first is None:
            continue
        i = first
        while i < len(doc) and doc[i].idx < m.end:
            token_mention[i] = m
            i += 1
    sentence_of = {}
    dates_in: list[list[tuple[int, Mention]]] = []  # per sentence: (first token, mention) of its dates
    for n, sent in enumerate(doc.sents):
        for t in sent:
            sentence_of[t.i] = n
        # A dateline ("SEOUL, October 31 (AJP) -") and asides in brackets are not the clause's words.
        aside = {token_mention.pop(i, None) for i in _dateline_tokens(sent) | _bracketed_tokens(sent)}
        # a name run on past the dateline's dash ("NEW YORK - Dozens") goes with it
        for i in range(sent.start, sent.end):
            if i in token_mention and token_mention[i] in aside:
                del token_mention[i]
        dates: dict[int, tuple[int, Mention]] = {}
        for i in range(sent.start, sent.end):
            at = token_mention.get(i)
            if at is None:
                continue
            # A time of a named day ("Monday night", "early Saturday morning") dates like the day.
            dated = at.label == "DATE" or (at.label == "TIME" and _names_a_day(at.text))
            era = at.label == "EVENT" and names_an_era(at.text)  # "in World War II": when, though no date
            if (dated and names_a_time(at.text) or era) and at.start not in dates:
                dates[at.start] = (i, at)
        dates_in.append(list(dates.values()))

    anchor = article.published
    last_date: str | None = None  # the latest resolved date, for "the next day"
    # One sense per article: where one strike is a stoppage of work ("the general strike"), so is
    # "the strike" further on, unless it is said to be armed ("an air strike").
    strikes_are_walkouts = any(t.pos_ == "NOUN" and work_stoppage(t) for t in doc)
    # So with raids: in an article that tells of a robbery ("the raid on the vault", "the heist",
    # "stole"), "the raid" is that robbery, unless the police made it. Read at the first raid only:
    # most articles have none, and this scans every token.
    raids_are_robberies: bool | None = None
    # And "the breach" is an intrusion into computers only in an article that tells of hackers.
    breaches_are_intrusions: bool | None = None
    events: list[RawEvent] = []
    for token in doc:
        occasion = _hosted_occasion(token, token_mention)
        if occasion is not None:
            events.append(_occasion_event(token, occasion, sentence_of.get(token.i, 0), dates_in[sentence_of[token.i]], doc,
                                          anchor, last_date))
            continue
        trigger = _trigger(token)
        if trigger is None:
            continue
        lemma, first, last, verb = trigger
        if lemma == "strike" and strikes_are_walkouts and token.pos_ == "NOUN" and not armed_strike(token):
            lemma = "walkout"
        if lemma == "raid" and police_raid(token):
            lemma = "police raid"  # a search of a suspect's home, not an attack nor a robbery
        elif lemma == "raid":
            if raids_are_robberies is None:
                raids_are_robberies = _tells_of_a_robbery(doc)
            if raids_are_robberies:
                lemma = "robbery"
        if lemma == "breach":
            if breaches_are_intrusions is None:
                breaches_are_intrusions = tells_of_an_intrusion(doc)
            if not breaches_are_intrusions:
                if token.pos_ != "VERB":
                    continue  # "a breach of contract": no event noun
                lemma = "violate"  # "breached the ceasefire"
        clause = _clause_verb(token)
        participants, roles, places = _arguments(token, clause, token_mention)
        if last.i != token.i and last.i in token_mention:
            # the state the trigger ends on ("placed on Injured Reserve") is not a party or place
            inside = token_mention[last.i]
            kept = [(m, r) for m, r in zip(participants, roles) if m != inside]
            participants, roles = [m for m, _ in kept], [r for _, r in kept]
            places = [m for m in places if m != inside]
        if not places and _toll_of(token, lemma):
            places = _places_struck(token.head, token_mention)
        future = _is_future(token, clause)
        when, date = _date_of(token, clause, dates_in[sentence_of[token.i]], doc, anchor, last_date, future)
        if date and len(date) == 10:
            last_date = date
        # Who or when; a known kind of event is kept bare ("the earthquake"): linking keeps it only
        # when it joins an event that other mentions say more about.
        if not participants and not date and not _names_a_day(when) and not places:
            # A bare general verb says too little ("meets the purpose"); an event noun, a verb of
            # one kind of news event ("was killed") or telling of one ("the quake struck") does.
            if lemma not in FAMILIES or (token.pos_ == "VERB" and not verb and lemma not in TELLING_VERBS):
                continue
        lead_only = False
        if not _worth_keeping(token, lemma, participants, places, date):
            # The lede's main verb with a named doer is the story's event in other words ("Holt
            # reversed the ban"), however little it says: linking keeps it when other sources report it.
            lead_only = _opening_act(token, sentence_of[token.i], participants, roles, future)
            if not lead_only:
                continue
        text = doc[first.i : last.i + 1].text
        passive = token.pos_ == "VERB" and (
            any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or (token.tag_ == "VBN" and token.dep_ in ("acl", "relcl"))
        )
        owners = _owners_who_did_it(token, lemma, token_mention) if passive else set()
        passive = passive and not owners
        role_of: dict[str, str] = {}
        for m, role in zip(participants, roles):
            role_of.setdefault(_name(m), "agent" if m.start in owners else role)
        names = tuple(role_of)
        agents = tuple(n for n in names if role_of[n] == "agent")
        patients = tuple(n for n in names if role_of[n] != "agent")
        starts = tuple(dict.fromkeys((_name(m), m.start) for m in participants))
        place_names = tuple(dict.fromkeys(_name(m) for m in places))
        place_starts = tuple(dict.fromkeys((_name(m), m.start) for m in places))
        events.append(
            RawEvent(
                trigger=lemma,
                text=text,
                start=first.idx,
                end=last.idx + len(last.text),
                sentence=sentence_of.get(token.i, 0),
                label=make_label(agents, lemma, place_names[:1], token.pos_ != "VERB" and not verb,
                                 _participle(token, lemma, text) if passive else None, patients),
                date=date,
                participants=names,
                roles=tuple(role_of[n] for n in names),
                places=place_names,
                when=when,
                future=future,
                passive=passive,
                participant_starts=tuple(s for _, s in starts),
                place_starts=tuple(s for _, s in place_starts),
                verb=verb or "",
                lead_only=lead_only,
            )
        )
    return events


_DASHES = {"—", "–", "-", "--"}


def _dateline_tokens(sent) -> set[int]:
    """Tokens of a dateline opening the sentence: capitalised words, a date, a wire tag, then a dash."""
    tokens = list(sent[:14])  # the slice: a Token object for 14 tokens, not for the whole sentence
    for n, t in enumerate(tokens):
        if t.text in _DASHES and n > 0 and (t.whitespace_ or t.text != "-"):
            before = tokens[:n]
            words = [b for b in before if b.is_alpha]
            if words and all(b.is_upper or b.is_title or not b.is_alpha for b in before) and any(b.is_upper and len(b) > 1 for b in words):
                return {b.i for b in before}
            return set()
    return set()


def _bracketed_tokens(sent) -> set[int]:
    inside: set[int] = set()
    depth = 0
    for t in sent:
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth = max(0, depth - 1)
        elif depth:
            inside.add(t.i)
    return inside


# Names whose words can be event words: "the Committee to Re-elect the President", "Palmer Fire &
# Rescue", "the Central Election Commission".
_NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "PERSON", "GPE", "LOC", "NORP"})


def _named_aim(token) -> bool:
    """The capitalised aim in a body's name, tagged or not: "the Committee to Re-elect the
    President", "the Campaign to Protect Rural England"."""
    doc, first = token.doc, token.i
    if first >= 2 and doc[first - 1].text == "-":
        first -= 2  # "Re-elect": the capital is on the prefix
    word = doc[first]
    return (first >= 2 and word.text[:1].isupper() and not word.is_sent_start and doc[first - 1].lower_ == "to"
            and doc[first - 2].text[:1].isupper() and not doc[first - 2].is_sent_start)


def _inside_a_name(token) -> bool:
    """A word of a name, not the event the name may end on ("the Somerset Fire", "the Conference
    Tournament" are events, mis-tagged or not): any word of a work's title, a verb in an
    organisation's or a law's name, any other word before a name's last."""
    if token.ent_type_ not in _NAME_LABELS:
        return False
    if token.ent_type_ == "WORK_OF_ART":
        return True  # any word of a title
    if any(c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "PRODUCT", "NORP", "PERSON") for c in token.conjuncts):
        return True  # one of a list of names: "Rothmans, Lucky Strike and Dunhill"
    if token.pos_ == "VERB":
        return token.ent_type_ in ("ORG", "LAW")
    doc = token.doc
    nxt = token.i + 1
    if nxt < len(doc) and doc[nxt].ent_iob_ == "I":
        return True
    # A name that ends on the word but holds a verb is a title ("Catching Fire"), not an event.
    first = token.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    return any(t.pos_ == "VERB" for t in doc[first : token.i])


_OPENING_QUOTES = frozenset({"\u2018", "\u201c", '"', "'", "``", "`"})
_CLOSING_QUOTES = frozenset({"\u2019", "\u201d", '"', "'", "''"})
_TITLE_WORDS = 6  # a title in quotes is at most this many words


def _in_quoted_title(token) -> bool:
    """A capitalised word of a short title in quotes ("the sequel 'Catching Fire'"), not an event."""
    if not token.text[:1].isupper() or token.is_sent_start:
        return False
    doc, sent = token.doc, token.sent
    left = next((t for t in reversed(doc[max(sent.start, token.i - _TITLE_WORDS) : token.i]) if t.text in _OPENING_QUOTES), None)
    right = next((t for t in doc[token.i + 1 : min(sent.end, token.i + _TITLE_WORDS + 1)] if t.text in _CLOSING_QUOTES), None)
    if left is None or right is None:
        return False
    words = [t for t in doc[left.i + 1 : right.i] if not t.is_punct]
    return bool(words) and all(t.text[:1].isupper() or t.is_stop for t in words)


def _trigger(token):
    """(lemma, first token, last token, verb) when `token` names an event, else None; `verb` is set
    when a verb tells of the event noun that is its subject ("an earthquake struck"): the event is
    the noun's. A word of a name or a title is none (looked at only for event words: this runs on
    every token)."""
    found = _event_word(token)
    if found is not None and (_inside_a_name(token) or _in_quoted_title(token) or _named_aim(token)) and not drunk_driving(token):
        return None
    if found is not None and unrealised(token):
        return None  # "thwarted the pirates' designs to hijack ships": no hijacking
    if found is not None and _the_record_beaten(token):
        return None  # "the worst attack since the London bombings": the yardstick, not this story's
    return found


def _event_word(token):
    """`_trigger`, names and titles aside."""
    lemma = token.lemma_.lower()
    if lemma == "collapse" and not structure_collapse(token):
        return None  # "he collapsed on stage": what befell him is told by what follows
    if token.pos_ == "VERB":
        if token.dep_ in ("aux", "auxpass", "amod", "compound"):
            return None
        if fell_as_a_structure_gave_way(token):
            return None  # "cars fell as the bridge gave way": the collapse, told in the same sentence
        if lemma in RELEASE_VERBS and _puts_out_a_thing(token):
            return "release", token, token, None
        negated = any(c.dep_ == "neg" for c in token.children)
        sensed = None if negated else sense(token)
        if sensed is not None:
            return sensed[0], sensed[1], sensed[2], None  # "was found dead", "fired the coach"
        if lemma in REPORTING_VERBS or captured_a_quality(token) or toll_changed(token):
            return None
        if negated:
            return None  # "did not elaborate": nothing happened
        doc = token.doc
        if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "test":
            return "test-" + lemma, doc[token.i - 2], token, None  # "test-fired", "test-launch"
        if found_guilty(token):
            return "find guilty", token, token, None
        if lemma == "check" and any(c.lower_ in ("in", "into") and c.dep_ in ("prep", "prt") for c in token.children):
            return "check in", token, token, None  # into a clinic, a hotel
        if lemma in IMPACT_VERBS:
            noun = _event_subject(token)
            if noun:
                return noun, token, token, lemma
        if lemma in LIGHT_VERBS or not lemma.isalpha():
            return None
        return lemma, token, token, None
    if token.pos_ in ("NOUN", "PROPN") or _noun_tagged_otherwise(token, lemma):
        if drunk_driving(token) and token.dep_ != "compound":
            return "drive drunk", token, token, None  # "arrested on suspicion of DUI"
        if gathering_party(token):
            return "party", token, token, None  # a gathering, not a political party
        if lemma == "fire" and under_fire(token):
            return "open fire", token, token, None  # "came under fire": gunfire, not a blaze
        if lemma == "fire" and fire_opened(token):
            return None  # "opened fire": the verb's
        noun = token.lower_ if token.lower_ == "talks" else lemma
        if token.i >= 2 and token.doc[token.i - 1].text == "-" and token.doc[token.i - 2].lower_ == "test":
            return "test-fire", token.doc[token.i - 2], token, None
        if noun == "raid" and robbery_raid(token):
            return "robbery", token, token, None  # "the raid on the jeweller's"
        if noun in ("explosion", "detonation", "blast") and any(c.lower_ == "controlled" for c in token.children):
            return None  # bomb disposal: "a controlled explosion was carried out", no attack
        if noun == "bomb" and token.dep_ not in ("nsubj", "nsubjpass"):
            return None  # "a bomb went off" is an event; "threw petrol bombs", "defused a bomb" a thing
        if (first := cyber_intrusion(token)) is not None and not _modifies_a_noun(token):
            return "cyberattack", first, token, None  # "a cybersecurity incident", not an armed attack
        if noun in EVENT_NOUNS and foiled_noun(token):
            return None  # "thwarted a pirate attack": the verb's ("foil attack")
        if noun in EVENT_NOUNS and not _modifies_a_noun(token) and token.ent_type_ != "DATE":
            if (illness := bodily_episode(token)) is not None:
                # "a heart attack", "cardiac arrest": what the body suffered, from its first word
                first = min((c for c in token.children if c.dep_ in ("compound", "amod", "nmod")), key=lambda c: c.i)
                return illness, first, token, None
            if sexual_assault(token):
                return "sexual assault", token, token, None  # a crime, not an armed attack
            if work_stoppage(token):
                return "walkout", token, token, None  # "the general strike": workers, not arms
            if noun == "launch" and (kind := launch_sense(token)) is not None:
                # of a product (an unveiling), or of balloons: not a missile launch
                return ("unveiling" if kind == "unveil" else kind), token, token, None
            return noun, token, token, None
    return None


def _noun_tagged_otherwise(token, lemma: str) -> bool:
    """An event noun in a noun's place the tagger took for an adjective: "made landfall"."""
    return token.pos_ == "ADJ" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and lemma in EVENT_NOUNS


def _tells_of_a_robbery(doc) -> bool:
    return any(FAMILIES.get(t.lemma_.lower()) == "rob" or (t.lemma_.lower() == "raid" and robbery_raid(t)) for t in doc)


def _modifies_a_noun(token) -> bool:
    """An event word that only qualifies a thing: "a rescue helicopter", "search and rescue
    co-ordination" (the whole coordination modifies the noun), "the fire truck"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    # The parser marks a coordination before a noun as its nmod ("search and rescue co-ordination").
    return token.dep_ == "compound" or (token.dep_ == "nmod" and token.pos_ == "NOUN" and token.head.pos_ == "NOUN"
                                       and any(c.dep_ == "conj" for c in token.children))


def _participle(token, lemma: str, text: str) -> str:
    """The passive label's verb: the source's own ("fired", "found dead"), except a reporting verb
    that names someone to a role ("was announced as the new host": named)."""
    if lemma == "appoint" and token.lemma_.lower() in NAMING_VERBS:
        return "named"
    return text.lower()


def _puts_out_a_thing(verb) -> bool:
    """ "released an update", "was released on Tuesday" (a product), not "released a statement"."""
    things = done_to(verb)
    return bool(things) and all(t.pos_ == "NOUN" and t.lemma_.lower() not in STATEMENT_NOUNS for t in things)


def _event_subject(verb) -> str | None:
    """The event noun (of a known family) a verb tells of: its subject, or for "by an earthquake",
    its passive agent, or the noun a relative clause hangs on ("a quake that struck ...")."""
    candidates = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    candidates += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if verb.dep_ in ("relcl", "acl"):
        candidates.append(verb.head)
    for noun in candidates:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = noun.lemma_.lower()
        if lemma in EVENT_NOUNS and lemma in FAMILIES:
            return lemma
        if noun.pos_ == "PROPN" and (kind := _storm_named(noun)) is not None:
            return kind  # "Maria slammed into Puerto Rico", after "Hurricane Maria"
    return None


# Words a storm's name follows: "Hurricane Maria", "Typhoon Haiyan", "Cyclone Idai".
_STORM_TITLES = frozenset({"hurricane", "typhoon", "cyclone", "storm"})
_STORM_NAMES_KEY = "newsx.storm_names"  # in doc.user_data


def _storm_named(name) -> str | None:
    """The storm word ("hurricane") when the article names a storm so ("Hurricane Maria"): then
    "Maria" alone is that storm."""
    return _storm_names(name.doc).get(name.text)


def _storm_names(doc) -> dict[str, str]:
    """The names the article gives storms, each with its storm word: read once per article (a
    sports report asks for every "Smith hit ...")."""
    found = doc.user_data.get(_STORM_NAMES_KEY)
    if found is None:
        found = {}
        for t in doc[:-1]:
            if t.lower_ in _STORM_TITLES:
                found.setdefault(doc[t.i + 1].text, t.lower_)
        doc.user_data[_STORM_NAMES_KEY] = found
    return found


def _names_a_day(when: str | None) -> bool:
    """An unresolved date still worth a timeline row: a weekday or a month ("Thursday" with no anchor)."""
    return weekday_hint(when.lower() if when else None) is not None or month_hint(when.lower() if when else None) is not None


def _worth_keeping(token, lemma, participants, places, date) -> bool:
    """Known event words need a participant or a date; any other verb must say more."""
    if lemma in FAMILIES or token.pos_ != "VERB":
        return True
    nonfinite = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or (
        token.tag_ == "VBG" and token.dep_ in ("advcl", "acl", "pcomp", "xcomp", "csubj")
    )
    if nonfinite:
        return False  # "to support Russia", "carrying equipment": a purpose or a manner
    # Someone does it, and we know when or where: "Putin visited Pyongyang in June".
    return bool(participants) and (bool(date) or len(participants) + len(places) >= 2)


def _opening_act(token, sentence: int, participants, roles, future: bool) -> bool:
    """The main verb of an opening sentence whose doer is a named person or organisation: done
    ("Holt reversed the ban"), or to come ("Ellen DeGeneres will host the Oscars", "Weitz is
    expected to direct New Moon"), which is the news of a story that announces something."""
    if token.pos_ != "VERB" or sentence >= LEAD_SENTENCES:
        return False
    if future:
        if not (_main_clause(token) or (token.dep_ == "xcomp" and _main_clause(token.head))) or token.tag_ != "VB":
            return False
    elif not _main_clause(token) or token.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return False
    return any(r == "agent" and m.label in ("PERSON", "ORG") for m, r in zip(participants, roles))


def _main_clause(verb) -> bool:
    """The sentence's main verb, or what its reporting verb reports: "Weitz is negotiating to
    direct ..., sources said", "Summit announced that Weitz has been hired"."""
    if verb.dep_ == "ROOT":
        return True
    head = verb.head
    return verb.dep_ == "ccomp" and head.dep_ == "ROOT" and head.lemma_.lower() in REPORTING_VERBS


# Verbs that say when or whether an event noun happened: "the meeting took place Monday".
HAPPEN_VERBS = {"take", "be", "happen", "occur", "come", "begin", "start", "end", "go", "last"}


def _clause_verb(token):
    """The verb a noun trigger's clause hangs on: "hold a meeting", "at a press conference".

    Only verbs that carry the event out or place it in time count: in "condemned the deployment
    on Thursday" Thursday is when it was condemned, not when the troops were deployed.
    """
    if token.pos_ == "VERB":
        return token
    head = token.head
    if token.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        return head if head.lemma_.lower() in SUPPORT_VERBS | HAPPEN_VERBS else None
    # "at a press conference", "during their meeting", "for a meeting": the verb's doers attend it.
    if token.dep_ == "pobj" and head.lower_ in ("at", "during", "in", "for") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


# Who holds an occasion: "will host the Oscars", "the host of the Academy Awards".
_HOSTING_VERBS = frozenset({"host", "emcee", "cohost", "co-host"})
_HOST_NOUNS = frozenset({"host", "emcee", "hosting", "cohost", "co-host"})


def _hosted_occasion(token, token_mention) -> Mention | None:
    """The name of an occasion someone hosts ("will host the Oscars", "returns as host of the
    Academy Awards"): a name the model tags as a body or an event, or leaves untagged, is the
    ceremony itself there. Only hosting tells it: "Vanity Fair", "the Eastern Conference" end in an
    occasion's word, and a broadcaster has hosts too ("CNN host Anderson Cooper")."""
    head = token.head
    hosted = (token.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in _HOSTING_VERBS) or (
        token.dep_ == "pobj" and head.lower_ in ("of", "for") and head.head.lemma_.lower() in _HOST_NOUNS)
    if not hosted or token.pos_ != "PROPN":
        return None
    m = token_mention.get(token.i)
    if m is None:
        return _untagged_name(token)
    return m if m.label in ("ORG", "EVENT", "WORK_OF_ART") else None


def _untagged_name(token) -> Mention:
    """A capitalised name the model did not tag, from its first proper noun to its last ("Oscars",
    "Academy Awards" in "to host the Academy Awards")."""
    first = token
    while first.i > 0 and first.doc[first.i - 1].pos_ == "PROPN" and first.doc[first.i - 1].head.i == token.i:
        first = first.doc[first.i - 1]
    start, end = first.idx, token.idx + len(token.text)
    return Mention(start, end, token.doc.text[start:end], "EVENT", 0)


def _occasion_event(token, occasion: Mention, sentence: int, dates, doc, anchor, last_date) -> RawEvent:
    """The occasion a name tells of, with the name its party: it links the reports that name it."""
    clause = _clause_verb(token)
    future = _is_future(token, clause)
    when, date = _date_of(token, clause, dates, doc, anchor, last_date, future)
    if date and len(date) == 4:
        # "this year's Oscars", "the Oscars in 2014": the season a source counts from, which
        # parts one ceremony ("this year" and "next year" of one season) more than it tells
        date = None
    name = _name(occasion)
    return RawEvent(trigger=OCCASION, text=occasion.text, start=occasion.start, end=occasion.end, sentence=sentence,
                    label=make_label([name], OCCASION, (), noun=True), date=date, participants=(name,), roles=("agent",),
                    when=when, future=future, participant_starts=(occasion.start,))


def _names_an_occasion(word, trigger) -> bool:
    """A name on another event than the trigger's ("the Ariana Grande concert", "Grande's concert",
    "on the anniversary of Elvis' death")."""
    if word.dep_ not in ("compound", "poss", "nmod"):
        return False
    occasion = word.head
    while occasion.pos_ == "PROPN" and occasion.dep_ in ("compound", "poss", "nmod") and occasion.head.i != occasion.i:
        occasion = occasion.head  # "Ariana" -> "Grande" -> "concert"
    return occasion.i != trigger.i and occasion.pos_ == "NOUN" and occasion.lemma_.lower() in EVENT_NOUNS


def _in_a_persons_title(token, token_mention) -> bool:
    """A body named in the title before a person's name ("Apple CEO Tim Cook", "UN envoy Jane Doe")."""
    title = token.head
    if token.dep_ != "compound" or title.i in token_mention or title.pos_ not in ("NOUN", "PROPN"):
        return False
    person = token_mention.get(title.head.i)
    return title.dep_ == "compound" and person is not None and person.label == "PERSON"


def _core_tokens(arg) -> list:
    """The tokens of an argument phrase, without the clauses nested in it."""
    tokens = []
    stack = [arg]
    while stack:
        t = stack.pop()
        tokens.append(t)
        # Nested clauses and prepositional phrases are other arguments; "of" stays ("Secretary of State").
        stack.extend(c for c in t.children if (c.dep_ not in CLAUSE_DEPS and c.dep_ != "prep") or c.lower_ == "of")
    return tokens


AGENT_DEPS = {"nsubj", "poss", "compound", "amod", "nmod", "appos"}
AGENT_PREPS = {"with", "between", "among", "by"}


def _argument_heads(token):
    """(phrase head, role) pairs: role 'agent' (does it), 'patient' (undergoes it) or 'place'."""
    # "the Hatton Garden heist", "the Marfin Bank fire": the name on a robbery, a blaze or a crash
    # is what it befell, not who did it ("the AMD acquisition" is AMD's).
    befell = token.pos_ == "NOUN" and FAMILIES.get(token.lemma_.lower()) in BEFALLING_FAMILIES
    for child in token.children:
        dep = child.dep_
        if dep == "poss" and child.ent_type_ in ("GPE", "LOC") and _superlative(token):
            yield child, "place"  # "the UK's worst attack": where it ranks, not who attacked
            continue
        if dep in ARG_DEPS:
            yield child, "patient" if befell and dep in ("compound", "nmod") else "agent" if dep in AGENT_DEPS else "patient"
        elif dep == "agent":
            for pobj in child.children:
                yield pobj, "agent"
        elif dep == "prep":
            word = child.lower_
            if word in AGENT_PREPS:
                role = "agent"
            elif word in PARTY_PREPS:
                role = "patient"
            else:
                role = "place" if word in PLACE_PREPS else None
            if role:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not (role == "place" and pobj.lemma_.lower() in _RANKING_FRAMES):
                        yield pobj, role
                        if role == "place":
                            yield from _where_the_site_was(pobj)


# What a superlative ranks in, not where it happened: "the deadliest shooting in modern U.S. history".
_RANKING_FRAMES = frozenset({"history", "memory", "record", "records"})


# Kinds of occasion an event can happen at: where the occasion was is where the event was.
_OCCASION_FAMILIES = frozenset({"ceremony", "gathering", "contest"})
# Sites an event happens at, told without their name: where the site is is where it happened.
_SITES = frozenset({
    "mine", "factory", "plant", "refinery", "warehouse", "school", "university", "college", "hotel", "mall",
    "market", "mosque", "church", "temple", "synagogue", "restaurant", "nightclub", "club", "bar", "station",
    "airport", "hospital", "prison", "jail", "stadium", "arena", "port", "building", "home", "house", "camp",
    "base", "office", "shop", "store", "supermarket", "bank",
})


def _where_the_site_was(noun):
    """ "an explosion at an Ariana Grande concert at Manchester Arena", "a blast at a coal mine in
    Soma": where the concert or the unnamed site was is where."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return
    if noun.lemma_.lower() not in _SITES and FAMILIES.get(noun.lemma_.lower()) not in _OCCASION_FAMILIES:
        return
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    yield pobj, "place"


def _subject_role(subject) -> str:
    return "patient" if subject.dep_ == "nsubjpass" else "agent"


def _subject_of(verb):
    """Subjects of a verb, borrowed from the verb it is conjoined or complementary to."""
    seen = 0
    while verb is not None and seen < 4:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
        # "Having landed, the troops ...", but not who told it: "As BFMTV reported, there were clashes"
        subjects = [
            s for c in verb.children if c.dep_ == "advcl" and c.i < verb.i and c.lemma_.lower() not in REPORTING_VERBS
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
        ]
        if subjects:
            return subjects
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
        else:
            return []
    return []


def _participle_on_a_verb(token) -> bool:
    """ "struck Aceh, killing 10": a participle that hangs on the verb before it."""
    return token.tag_ == "VBG" and token.dep_ in ("advcl", "conj", "xcomp") and token.head.pos_ == "VERB"


def _toll_of(token, lemma: str) -> bool:
    """A participle that tells the toll of the verb it hangs on ("killing 10")."""
    return _participle_on_a_verb(token) and FAMILIES.get(lemma) in TOLL_FAMILIES


def _places_struck(verb, token_mention) -> list:
    """The places the verb names (where its toll was taken): "struck Indonesia's Aceh province";
    through a toll before it ("killing 10 and injuring dozens")."""
    for _ in range(3):
        if not _participle_on_a_verb(verb):
            break
        verb = verb.head
    participants, _roles, places = _arguments(verb, _clause_verb(verb), token_mention)
    return list(dict.fromkeys([*places, *(m for m in participants if m.label in ("GPE", "LOC", "FAC"))]))


# Prepositions that say where, hung on a party: "police in Brooklyn" (not "a man from Texas", his home).
_WHERE_ON_A_PARTY = frozenset({"in", "at", "near", "outside"})
# Kinds of event a crowd does where it is: protests, clashes, strikes, vigils.
_CROWD_FAMILIES = frozenset({"protest", "walkout", "gathering"})


def _arguments(token, clause, token_mention):
    heads = list(_argument_heads(token))
    if token.pos_ == "VERB":
        if not any(d in ("nsubj", "nsubjpass") for d in (c.dep_ for c in token.children)):
            # Borrowed from "are scheduled to meet": they meet; from "was arrested and charged": charged.
            heads.extend(
                (s, "patient" if s.dep_ == "nsubjpass" and token.tag_ == "VBN" else "agent") for s in _subject_of(token)
            )
        # "It tested a missile", reported: "X said it tested" -> X did.
        subj = [h for h, r in heads if h.dep_ in ("nsubj", "nsubjpass") and h.lower_ in PRONOUNS]
        if subj and token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING_VERBS:
            heads.extend((s, _subject_role(subj[0])) for s in _subject_of(token.head))
    elif clause is not None:
        # An event noun takes its clause's doers: "A and B held a meeting", "A spoke ... at a conference".
        # Not who acted during a crowd's: police "fired tear gas during the protests", sensors "were
        # activated 30 times during the protests" protested nothing.
        during = token.dep_ == "pobj" and token.head.lower_ == "during"
        if token.dep_ not in ("nsubj", "nsubjpass") and not (during and FAMILIES.get(token.lemma_.lower()) in _CROWD_FAMILIES):
            heads.extend((s, "agent") for s in _subject_of(clause))
            heads.extend(
                (pobj, "agent")
                for prep in clause.children
                if prep.dep_ == "prep" and prep.lower_ in ("with", "between")
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            )
        # "took place in Washington", "spoke ... at a conference in Washington"
        heads.extend(
            (pobj, "place")
            for prep in clause.children
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at") and prep.i != token.head.i
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj.i != token.i
        )
    # "clashed with police in Brooklyn": where a crowd gathered, the parse may hang on a party (one
    # named is where it is: "the creamery in Palmer" tells the creamery); read when nothing else says where
    crowd = FAMILIES.get(token.lemma_.lower()) in _CROWD_FAMILIES
    hung = [
        (pobj, "place")
        for head, role in (heads if crowd else ())
        if role != "place" and head.i not in token_mention
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in _WHERE_ON_A_PARTY
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    participants: dict[int, Mention] = {}
    roles: dict[int, str] = {}
    places: dict[int, Mention] = {}
    trigger_start = token.idx
    for n, (head, role) in enumerate(heads + hung):
        if n >= len(heads) and any(m.label in PLACE_LABELS for m in places.values()):
            break  # the clause said where: what hangs on a party is not read
        for part in (head, *head.conjuncts):
            found = {}
            hometowns = set()  # "a New Bedford man": where the doer is from, not a doer
            for t in _core_tokens(part):
                m = token_mention.get(t.i)
                if _names_an_occasion(t, token):
                    continue  # "an attack at an Ariana Grande concert": which concert, no party
                if m is not None and m.label == "ORG" and _in_a_persons_title(t, token_mention):
                    continue  # "France's UN Ambassador Jane Doe questioned": the ambassador did
                # A name that holds the trigger ("... Consultative Meeting") is the event, not a party.
                # Nor is an offence the model took for an organisation ("DUI").
                if m is not None and not (m.start <= trigger_start < m.end) and m.text.upper() not in DRUNK_DRIVING_ACRONYMS:
                    found[m.start] = m
                    if m.label in ("GPE", "LOC") and t.dep_ == "compound" and t.head.pos_ == "NOUN" and not t.head.ent_type_:
                        hometowns.add(m.start)
            named = any(m.label in ("PERSON", "ORG") for m in found.values())
            for m in found.values():
                if m.start in hometowns:
                    places[m.start] = m
                elif role == "place" and m.label in PLACE_LABELS | {"ORG"}:
                    places[m.start] = m
                elif m.label == "FAC":
                    places[m.start] = m
                elif m.label in PARTICIPANT_LABELS | {"LOC"}:
                    # "his South Korean counterpart Kim": the person is the party, not the nationality.
                    if named and m.label in ("NORP", "GPE", "LOC"):
                        continue
                    participants[m.start] = m
                    roles.setdefault(m.start, role)
    for start in list(places):
        participants.pop(start, None)
    order = sorted(participants.values(), key=lambda m: m.start)
    return order, [roles[m.start] for m in order], sorted(places.values(), key=lambda m: m.start)


def _is_future(token, clause) -> bool:
    verbs = [token, clause]
    # "may test-launch an ICBM or conduct a test": conjoined verbs share the modal.
    verbs += [v.head for v in (token, clause) if v is not None and v.dep_ == "conj"]
    for verb in verbs:
        if verb is None:
            continue
        if any(c.dep_ == "aux" and c.lemma_.lower() in ("will", "shall", "'ll", "may", "might", "could", "would") for c in verb.children):
            return True
        # "scheduled to meet", "plans to deploy 10,000 by December", "hired to direct"
        if verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in FUTURE_HEADS | PROSPECTIVE_HEADS:
            return True
        if any(c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in FUTURE_HEADS for c in verb.children):
            return True  # "a meeting scheduled for 28 October", "elections which are planned for December"
    return False


def _date_of(token, clause, dates, doc, anchor, last_date, future):
    """(date as written, resolved date) of the DATE attached to this trigger or its clause.

    `dates`: the sentence's DATE mentions with their first token, worked out once per sentence
    rather than by walking the sentence again for each trigger."""
    owners = {token.i} | ({clause.i} if clause is not None else set())
    # "shot one person and injured two others Monday": conjoined verbs share the date, but not
    # the day it was told ("shot and killed ... was revealed Thursday").
    if token.pos_ == "VERB":
        owners |= {c.i for c in token.conjuncts if c.pos_ == "VERB" and c.lemma_.lower() not in REPORTING_VERBS}
    # "a meeting scheduled for 28 October": the date hangs on the noun's participle.
    owners |= {c.i for c in token.children if c.dep_ == "acl" and c.pos_ == "VERB"}
    for first, m in dates:
        root = _span_root(doc, first, m.end)
        if _since_a_record(token, root):
            continue  # "the deadliest fire since 1933": the record it beats, not when it burned
        if _attached_to(root, owners) and not _when_told(clause if clause is not None else token, first):
            ref = last_date if is_contextual(m.text) and last_date else anchor
            value = resolve_date(m.text, ref, future=future)
            if value and not future and _after_writing(value, anchor):
                continue  # "arrested at 2088 Philip Street": a number read as a year, not yet come
            if not value and not future and _AHEAD.search(m.text.lower()):
                continue  # "lost on Sunday and could tie the mark next week": the date of what is to come
            return m.text, value
    return None, None


# A time still to come as the article is written (when no date of the article resolves it).
_AHEAD = re.compile(r"\b(?:tomorrow|upcoming|coming|next (?:week|weekend|month|year|season|"
                    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b")


def _after_writing(value: str, anchor: str | None) -> bool:
    """A date after the article was written (today, when it has no date): no done event's."""
    written = anchor or date.today().isoformat()
    n = min(len(value), len(written))  # compared as precisely as both are given: year, month or day
    if n < 10:
        return value[:n] > written[:n]
    day = to_date(written[:10])
    return day is not None and value[:10] > (day + timedelta(days=1)).isoformat()


def _span_root(doc, first: int, end_char: int):
    i = first
    tokens = []
    while i < len(doc) and doc[i].idx < end_char:
        tokens.append(doc[i])
        i += 1
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]


# A noun in one of these places describes another: a date inside it is not the event's ("Thomas,
# the Saints' leading rusher in 2009,"; "a star of last season's run"). (Not a subject or an
# object: spaCy often hangs the verb's date on them, "ministers on Thursday condemned".)
_DESCRIBING_DEPS = frozenset({"appos", "poss"})


def _set_off(noun) -> bool:
    """A possessive, or an apposition closed by a comma, a dash or a bracket ("Thomas, the rusher
    in 2009, was"), not a dateline's words parsed as one ("SEOUL, October 31 - ministers on
    Thursday condemned")."""
    if noun.dep_ != "appos":
        return True
    after = noun.right_edge.i + 1
    return after < len(noun.doc) and noun.doc[after].text in (",", "-", "\u2013", "\u2014", ")")


# Kinds of event one does with one's own things: the owner of what was tested did the test ("a
# release" is left out: "Matt Smith's successor was unveiled" was not unveiled by Smith).
_OWNERS_ACTS = frozenset({"launch", "deploy"})


def _owners_who_did_it(verb, lemma: str, token_mention) -> set[int]:
    """The starts of the owners named in the passive of their own thing ("Iran's newest rocket
    was tested", "the country's troops were deployed"): they did it, it was not done to them."""
    if FAMILIES.get(lemma) not in _OWNERS_ACTS:
        return set()
    things = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i not in token_mention]
    return {token_mention[p.i].start for thing in things for p in thing.children if p.dep_ == "poss" and p.i in token_mention}


def _since_a_record(token, root) -> bool:
    """A date after "since" on a superlative ("the deadliest fire since 1933", "the worst quake
    since 2004") names the last one as bad, not this one's time."""
    if "since" not in (root.lower_, root.head.lower_):  # the model may take "since 1932" for the date
        return False
    return _ranked_the_most(token)


def _ranked_the_most(word) -> bool:
    """ "the worst attack", "the most powerful storm"; through a relative clause, "the strongest
    storm to hit the island": the superlative is on the noun the verb describes."""
    nouns = (word, word.head) if word.dep_ in ("acl", "relcl") else (word,)
    return any(_superlative(noun) for noun in nouns)


def _superlative(noun) -> bool:
    """ "the worst attack", "the most powerful storm"."""
    return any(c.tag_ == "JJS" or (c.dep_ == "amod" and any(a.lower_ == "most" for a in c.children)) for c in noun.children)


def _the_record_beaten(token) -> bool:
    """The event after "since" on a superlative: "the UK's worst attack since the London bombings",
    "the deadliest shooting since Sandy Hook" name an earlier one as the yardstick."""
    if token.dep_ != "pobj" or token.head.lower_ != "since":
        return False
    return _ranked_the_most(token.head.head)


def _when_told(verb, date_start: int) -> bool:
    """The date sits between a reporting verb and the subject of what it reports ("Amazon said on
    Friday it would buy Whole Foods"): the day it was said, though the parse hangs it on "buy"."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING_VERBS:
        return False
    said = verb.head
    subjects = [c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return said.i < date_start < min(subjects + [verb.i])


def _attached_to(root, owners) -> bool:
    """True when the first verb or event word above the date is one of `owners`, and the date does
    not describe one of the event's parties on the way ("Thomas, the Saints' leading rusher in 2009,
    was put on injured reserve": 2009 is not when)."""
    node = root
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return False
        if head.i in owners:
            return True
        if head.pos_ in ("VERB", "AUX") or head.lower_ in EVENT_NOUNS:
            return False
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in _DESCRIBING_DEPS and _set_off(head):
            return False
        node = head
    return False


def _name(m: Mention) -> str:
    return m.ref or m.text
