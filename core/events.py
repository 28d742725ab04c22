"""Event mentions in one article, and the same event linked across articles.

Extraction (`extract_events`) walks spaCy's dependency tree, textacy-style: a trigger (a verb, or an
event noun such as "meeting" or "launch") with who (named subjects and objects), where (places in
its prepositional phrases) and when (the DATE attached to it, resolved against the article's date).
Reporting and light verbs are not events, and a trigger with neither a participant nor a date is
dropped, so the timeline is not flooded with "do" and "have".

Linking (`link_events`) works on plain data: mentions are blocked by trigger family and shared
participant (an inverted index, so the cost follows the overlaps, not every pair), scored by
participant overlap, place and date, then merged best-first while the dates of a cluster stay
compatible: a December test is never the October launch.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .dates import MONTHS, WEEKDAYS, is_contextual, resolve_date, to_date
from .models import Article, ArticleAnalysis, Entity, Event, EventMention, Mention, RawEvent

# --------------------------------------------------------------------------- lexicon

# Trigger lemmas that name the same kind of event, so "met", "meeting" and "talks" compare.
FAMILIES: dict[str, str] = {
    **dict.fromkeys(("meet", "meeting", "talk", "talks", "summit", "conference", "briefing"), "meet"),
    **dict.fromkeys(("launch", "test", "test-fire", "test-launch", "test-fired", "flight"), "launch"),
    **dict.fromkeys(("deploy", "deployment", "dispatch", "send", "redeploy"), "deploy"),
    **dict.fromkeys(("condemn", "condemnation", "denounce", "criticize", "criticise", "decry"), "condemn"),
    **dict.fromkeys(("kill", "killing", "murder", "die", "death", "slay"), "kill"),
    **dict.fromkeys(("shoot", "shooting", "gunfire"), "shoot"),
    **dict.fromkeys(("injure", "wound", "hurt", "injury"), "injure"),
    **dict.fromkeys(("arrest", "detain", "apprehend", "capture", "detention"), "arrest"),
    **dict.fromkeys(("charge", "indict", "indictment", "accuse"), "charge"),
    **dict.fromkeys(("convict", "conviction", "verdict", "find guilty"), "convict"),
    **dict.fromkeys(("sentence", "sentencing"), "sentence"),
    **dict.fromkeys(("explode", "explosion", "blast", "bomb", "bombing", "detonate"), "explode"),
    **dict.fromkeys(("attack", "strike", "raid", "assault", "airstrike"), "attack"),
    **dict.fromkeys(("protest", "demonstration", "riot", "rally", "march"), "protest"),
    **dict.fromkeys(("invade", "invasion"), "invade"),
    **dict.fromkeys(("sign", "signing"), "sign"),
    **dict.fromkeys(("visit",), "visit"),
    **dict.fromkeys(("elect", "election", "vote"), "elect"),
    **dict.fromkeys(("resign", "resignation"), "resign"),
    **dict.fromkeys(("trial", "try"), "trial"),
    **dict.fromkeys(("plead", "plea"), "plead"),
    **dict.fromkeys(("crash", "collision"), "crash"),
    **dict.fromkeys(("fire", "blaze", "inferno"), "fire"),
}

# Nouns that name an event; any other noun is a thing, not an event.
EVENT_NOUNS = {
    "meeting", "talk", "talks", "summit", "conference", "briefing", "launch", "test", "test-fire",
    "flight", "deployment", "dispatch", "condemnation", "killing", "murder", "death", "shooting",
    "gunfire", "injury", "arrest", "detention", "indictment", "conviction", "verdict", "sentencing",
    "explosion", "blast", "bombing", "attack", "strike", "raid", "assault", "airstrike", "protest",
    "demonstration", "riot", "rally", "invasion", "signing", "visit", "election", "vote", "resignation",
    "trial", "plea", "crash", "collision", "blaze", "inferno", "ceasefire", "exercise", "drill",
    "evacuation", "earthquake", "hurricane", "flood", "fire",
}

# The verb a label uses for an event noun ("meeting" -> "meet").
NOUN_VERBS = {
    "meeting": "meet", "talk": "hold talks", "talks": "hold talks", "summit": "meet", "conference": "meet",
    "briefing": "meet", "launch": "launch", "test": "test", "test-fire": "test-fire", "flight": "launch",
    "deployment": "deploy", "dispatch": "dispatch", "condemnation": "condemn", "killing": "kill",
    "murder": "murder", "death": "die", "shooting": "shoot", "injury": "injure", "arrest": "arrest",
    "detention": "detain", "indictment": "indict", "conviction": "convict", "verdict": "convict",
    "sentencing": "sentence", "explosion": "explode", "blast": "explode", "bombing": "bomb",
    "attack": "attack", "strike": "strike", "raid": "raid", "assault": "assault", "airstrike": "strike",
    "protest": "protest", "demonstration": "demonstrate", "riot": "riot", "rally": "rally",
    "invasion": "invade", "signing": "sign", "visit": "visit", "election": "elect", "vote": "vote",
    "resignation": "resign", "trial": "go on trial", "plea": "plead", "crash": "crash",
    "collision": "collide", "exercise": "hold exercises", "drill": "hold drills",
}

# Verbs that report, think or merely support another word: never an event on their own.
REPORTING_VERBS = {
    "say", "tell", "report", "add", "note", "state", "claim", "quote", "cite", "write", "ask", "reply",
    "respond", "comment", "explain", "confirm", "indicate", "suggest", "estimate", "assess", "announce",
    "warn", "insist", "acknowledge", "admit", "deny", "argue", "describe", "call", "speak", "mention",
    "elaborate", "specify", "reveal", "disclose", "publish", "release", "accord", "post", "update",
}
LIGHT_VERBS = {
    "be", "have", "do", "get", "make", "take", "give", "go", "come", "become", "seem", "appear",
    "remain", "stay", "keep", "let", "begin", "start", "continue", "include", "use", "try", "want",
    "need", "help", "show", "mean", "look", "put", "set", "see", "hold", "conduct", "carry", "stage",
    "believe", "think", "know", "wonder", "worry", "hope", "consider", "expect", "plan", "intend",
    "wear", "face", "lack", "own", "contain", "like", "seek", "allow", "enable", "require", "involve",
    "concern", "exist", "live", "struggle", "refer", "define", "provide", "bring", "leave", "find",
    "comprise", "alternate", "schedule", "attend", "join", "work", "happen", "occur", "follow",
    "lead", "cause", "result", "tend", "fail", "manage", "decide", "agree", "pledge", "vow", "aim",
    "ensure", "offer", "feel", "read", "receive", "ride", "sit", "stand", "turn", "move", "head",
}
# Verbs whose object noun names the event they carry out ("hold a meeting", "conduct a test").
SUPPORT_VERBS = {"hold", "conduct", "carry", "stage", "attend", "have", "make", "host", "join"}
# Verbs whose open complement is not yet done ("scheduled to meet", "set to join").
FUTURE_HEADS = {"schedule", "set", "plan", "expect", "due", "prepare", "intend", "aim", "go", "hope", "want"}

PARTICIPANT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "at", "near", "from", "to", "into", "toward", "towards", "outside", "inside", "across", "off", "over", "on"}
PARTY_PREPS = {"with", "against", "between", "among", "by", "of", "for"}
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "dative", "attr", "oprd", "poss", "compound", "amod", "nmod", "appos"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"}
PRONOUNS = {"it", "they", "he", "she", "we", "them", "him", "her", "their", "its", "his"}


# --------------------------------------------------------------------------- extraction


def extract_events(doc, article: Article, mentions: tuple[Mention, ...]) -> list[RawEvent]:
    """Event mentions of one parsed article, in text order."""
    by_start = {t.idx: t.i for t in doc}
    mention_at: dict[int, Mention] = {}  # token index of a mention's first token -> mention
    for m in mentions:
        if m.start in by_start:
            mention_at[by_start[m.start]] = m
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
    for n, sent in enumerate(doc.sents):
        for t in sent:
            sentence_of[t.i] = n
        # A dateline ("SEOUL, October 31 (AJP) -") and asides in brackets are not the clause's words.
        for i in _dateline_tokens(sent) | _bracketed_tokens(sent):
            token_mention.pop(i, None)

    anchor = article.published
    last_date: str | None = None  # the latest resolved date, for "the next day"
    events: list[RawEvent] = []
    for token in doc:
        trigger = _trigger(token)
        if trigger is None:
            continue
        lemma, first, last = trigger
        clause = _clause_verb(token)
        participants, roles, places = _arguments(token, clause, token_mention)
        future = _is_future(token, clause)
        when, date = _date_of(token, clause, token_mention, doc, anchor, last_date, future)
        if date and len(date) == 10:
            last_date = date
        # Who or when, or for a known kind of event, where ("a shooting at a Detroit firm").
        if not participants and not date and not _names_a_day(when) and not (places and lemma in FAMILIES):
            continue
        if not _worth_keeping(token, lemma, participants, places, date):
            continue
        text = doc[first.i : last.i + 1].text
        passive = token.pos_ == "VERB" and (
            any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or (token.tag_ == "VBN" and token.dep_ in ("acl", "relcl"))
        )
        role_of: dict[str, str] = {}
        for m, role in zip(participants, roles):
            role_of.setdefault(_name(m), role)
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
                label=make_label(agents, lemma, place_names[:1], token.pos_ != "VERB", text.lower() if passive else None, patients),
                date=date,
                participants=names,
                roles=tuple(role_of[n] for n in names),
                places=place_names,
                when=when,
                future=future,
                passive=passive,
                participant_starts=tuple(s for _, s in starts),
                place_starts=tuple(s for _, s in place_starts),
            )
        )
    return events


_DASHES = {"—", "–", "-", "--"}


def _dateline_tokens(sent) -> set[int]:
    """Tokens of a dateline opening the sentence: capitalised words, a date, a wire tag, then a dash."""
    tokens = list(sent)[:14]
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


def _trigger(token):
    """(lemma, first token, last token) when `token` names an event, else None."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        if token.dep_ in ("aux", "auxpass", "amod", "compound") or lemma in REPORTING_VERBS:
            return None
        if any(c.dep_ == "neg" for c in token.children):
            return None  # "did not elaborate": nothing happened
        doc = token.doc
        if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "test":
            return "test-" + lemma, doc[token.i - 2], token  # "test-fired", "test-launch"
        if lemma == "find" and any(c.lower_ == "guilty" for c in token.children):
            return "find guilty", token, token
        if lemma in LIGHT_VERBS or not lemma.isalpha():
            return None
        return lemma, token, token
    if token.pos_ in ("NOUN", "PROPN"):
        noun = token.lower_ if token.lower_ == "talks" else lemma
        if token.i >= 2 and token.doc[token.i - 1].text == "-" and token.doc[token.i - 2].lower_ == "test":
            return "test-fire", token.doc[token.i - 2], token
        if noun in EVENT_NOUNS and token.dep_ != "compound":
            return noun, token, token
    return None


def _names_a_day(when: str | None) -> bool:
    """An unresolved date still worth a timeline row: a weekday or a month ("Thursday" with no anchor)."""
    return _weekday_hint(when.lower() if when else None) is not None or _month_hint(when.lower() if when else None) is not None


def _worth_keeping(token, lemma, participants, places, date) -> bool:
    """Known event words need a participant or a date; any other verb must say more."""
    if lemma in FAMILIES or token.pos_ != "VERB":
        return True
    nonfinite = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or (
        token.tag_ == "VBG" and token.dep_ in ("advcl", "acl", "pcomp", "xcomp", "csubj")
    )
    if nonfinite:
        return False  # "to support Russia", "carrying equipment": a purpose or a manner
    return bool(date) or len(participants) + len(places) >= 2


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


def _core_tokens(arg) -> list:
    """The tokens of an argument phrase, without the clauses nested in it."""
    tokens = []
    stack = [arg]
    while stack:
        t = stack.pop()
        tokens.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS and c.dep_ != "prep" or c.lower_ in ("of",))
    return tokens


AGENT_DEPS = {"nsubj", "poss", "compound", "amod", "nmod", "appos"}
AGENT_PREPS = {"with", "between", "among", "by"}


def _argument_heads(token):
    """(phrase head, role) pairs: role 'agent' (does it), 'patient' (undergoes it) or 'place'."""
    for child in token.children:
        dep = child.dep_
        if dep in ARG_DEPS:
            yield child, "agent" if dep in AGENT_DEPS else "patient"
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
                    if pobj.dep_ == "pobj":
                        yield pobj, role


def _subject_role(subject) -> str:
    return "patient" if subject.dep_ == "nsubjpass" else "agent"


def _subject_of(verb):
    """Subjects of a verb, borrowed from the verb it is conjoined or complementary to."""
    seen = 0
    while verb is not None and seen < 4:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
        subjects = [
            s for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
        ]
        if subjects:
            return subjects
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
            seen += 1
        else:
            return []
    return []


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
        if token.dep_ not in ("nsubj", "nsubjpass"):
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
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at") and prep is not token.head
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj is not token
        )
    participants: dict[int, Mention] = {}
    roles: dict[int, str] = {}
    places: dict[int, Mention] = {}
    trigger_start = token.idx
    for head, role in heads:
        for part in (head, *head.conjuncts):
            found = {}
            for t in _core_tokens(part):
                m = token_mention.get(t.i)
                # A name that holds the trigger ("... Consultative Meeting") is the event, not a party.
                if m is not None and not (m.start <= trigger_start < m.end):
                    found[m.start] = m
            named = any(m.label in ("PERSON", "ORG") for m in found.values())
            for m in found.values():
                if role == "place" and m.label in PLACE_LABELS | {"ORG"}:
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
        # "scheduled to meet", "plans to deploy 10,000 by December"
        if verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in FUTURE_HEADS | {"plan", "intention", "bid"}:
            return True
        if any(c.dep_ in ("acl", "amod") and c.lemma_.lower() in FUTURE_HEADS for c in verb.children):
            return True  # "a meeting scheduled for 28 October"
    return False


def _date_of(token, clause, token_mention, doc, anchor, last_date, future):
    """(date as written, resolved date) of the DATE attached to this trigger or its clause."""
    owners = {token.i} | ({clause.i} if clause is not None else set())
    # "shot one person and injured two others Monday": conjoined verbs share the date.
    if token.pos_ == "VERB":
        owners |= {c.i for c in token.conjuncts if c.pos_ == "VERB"}
    # "a meeting scheduled for 28 October": the date hangs on the noun's participle.
    owners |= {c.i for c in token.children if c.dep_ == "acl" and c.pos_ == "VERB"}
    seen: set[int] = set()
    sent = token.sent
    for t in sent:
        m = token_mention.get(t.i)
        if m is None or m.label != "DATE" or m.start in seen:
            continue
        seen.add(m.start)
        root = _span_root(doc, t.i, m.end)
        if _attached_to(root, owners):
            ref = last_date if is_contextual(m.text) and last_date else anchor
            return m.text, resolve_date(m.text, ref, future=future)
    return None, None


def _span_root(doc, first: int, end_char: int):
    i = first
    tokens = []
    while i < len(doc) and doc[i].idx < end_char:
        tokens.append(doc[i])
        i += 1
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head is t:
            return t
    return tokens[0]


def _attached_to(root, owners) -> bool:
    """True when the first verb or event word above the date is one of `owners`."""
    node = root
    for _ in range(8):
        head = node.head
        if head is node:
            return False
        if head.i in owners:
            return True
        if head.pos_ in ("VERB", "AUX") or head.lower_ in EVENT_NOUNS:
            return False
        node = head
    return False


def _name(m: Mention) -> str:
    return m.ref or m.text


def make_label(participants, lemma: str, places, noun: bool = False, participle: str | None = None, objects=()) -> str:
    """A headline: "Lloyd Austin and Kim Yong-hyun meet in Washington", "Seoul condemns Pyongyang",
    passive "Anthony Smith arrested"; `participants` are the doers, `objects` who undergo it."""
    verb = NOUN_VERBS.get(lemma, lemma) if noun else lemma
    verb = {"find guilty": "found guilty"}.get(verb, verb)
    where = f" in {places[0]}" if places else ""
    objects = [o for o in objects if o not in participants][:2]
    if participle and objects:
        by = f" by {_join(list(participants)[:2])}" if participants else ""
        return f"{_join(objects)} {participle}{by}{where}"
    if objects and (not participants or verb in UNDERGONE):
        participants, objects = objects, []  # "the death of X": X dies
    who = _join(list(participants)[:3])
    if participle and who:
        return f"{who} {participle}{where}"
    if objects and who and " " not in verb:
        where = f" {_join(objects)}{where}"
    if not who:
        return f"{lemma.capitalize()}{where}" if noun else f"{verb.capitalize()}{where}"
    if len(participants) == 1 and " " not in verb and verb != "found guilty":
        verb = _third_person(verb)
    elif len(participants) == 1 and verb.startswith("hold "):
        verb = "holds " + verb[5:]
    elif len(participants) == 1 and verb.startswith("go "):
        verb = "goes " + verb[3:]
    return f"{who} {verb}{where}"


# Verbs whose grammatical object is who it happens to ("the death of X" -> "X dies").
UNDERGONE = {"die", "arrive", "resign", "crash", "explode", "collide", "go on trial"}


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


# --------------------------------------------------------------------------- linking


@dataclass
class _Node:
    article: str
    raw: RawEvent
    family: str
    parties: frozenset[str]
    strong: frozenset[str]  # the people and organisations among the parties
    agents: frozenset[str]  # the parties that do it (the rest undergo it)
    places: frozenset[str]
    anchor: str | None
    date: str | None
    when_key: str | None  # the date as written, when it did not resolve


@dataclass
class _Cluster:
    nodes: list[int]
    dates: set[str] = field(default_factory=set)
    whens: set[str] = field(default_factory=set)


# A participant found in more mentions of one family than this is compared only within periods.
_BIG_POSTING = 200


def link_events(articles: list[Article], analyses: dict[str, ArticleAnalysis], entities: list[Entity]) -> list[Event]:
    """The corpus's events: the same event in several articles becomes one `Event`, sorted by date."""
    resolve = _entity_resolver(entities)
    labels = {e.id: e.label for e in entities}
    nodes: list[_Node] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if not analysis:
            continue
        for raw in analysis.events:
            parties = _ids(article.id, raw.participants, raw.participant_starts, resolve)
            places = _ids(article.id, raw.places, raw.place_starts, resolve)
            when_key = None if raw.date else _when_key(raw.when)
            strong = frozenset(p for p in parties if labels.get(p) in ("PERSON", "ORG"))
            roles = dict(zip(raw.participants, raw.roles))
            agent_names = [n for n in raw.participants if roles.get(n, "agent") == "agent"]
            agent_starts = [s for n, s in zip(raw.participants, raw.participant_starts) if roles.get(n, "agent") == "agent"]
            agents = frozenset(_ids(article.id, agent_names, agent_starts, resolve))
            nodes.append(
                _Node(article.id, raw, FAMILIES.get(raw.trigger, raw.trigger), frozenset(parties), strong, agents,
                      frozenset(places), article.published, raw.date, when_key)
            )
    clusters = _cluster(nodes)
    # An undated article that reports the same event as dated ones was written about when they
    # were: read its year-less dates ("Oct. 3", "Wednesday") against theirs, then link again.
    if _date_undated_articles(nodes, clusters):
        clusters = _cluster(nodes)
    names = {e.id: e.name for e in entities}
    order = {a.id: n for n, a in enumerate(articles)}
    events = [_make_event(nodes, c, names, order, labels) for c in clusters]
    events.sort(key=lambda e: (e.date is None, e.date or "", -len(e.articles), e.label))
    return [_renumber(e, n + 1) for n, e in enumerate(events)]


def _cluster(nodes: list[_Node]) -> list[_Cluster]:
    pairs = _candidate_pairs(nodes)
    scored = sorted(((s, a, b) for a, b in pairs if (s := _score(nodes[a], nodes[b])) > 0), reverse=True)
    return _merge(nodes, scored)


def _date_undated_articles(nodes: list[_Node], clusters: list[_Cluster]) -> bool:
    """Give articles without a date the median date of the dated articles they share events with,
    and resolve their written dates against it. True when any node changed."""
    shared: dict[str, list[str]] = defaultdict(list)
    for cluster in clusters:
        members = [nodes[i] for i in cluster.nodes]
        anchors = [n.anchor for n in members if n.anchor]
        if not anchors:
            continue
        for node in members:
            if not node.anchor:
                shared[node.article].extend(anchors)
    changed = False
    for node in nodes:
        found = shared.get(node.article)
        if node.anchor or not found:
            continue
        anchor = sorted(found)[len(found) // 2]
        node.anchor = anchor
        if node.when_key and not node.date:
            value = _resolve_loosely(node.raw.when or "", anchor, node.raw.future)
            if value:
                node.date, node.when_key = value, None
                changed = True
    return changed


def _resolve_loosely(when: str, anchor: str, future: bool) -> str | None:
    """Resolve against another article's date, which is only near this one's: "Thursday" is the
    Thursday nearest that date, before or after, not strictly the last one."""
    value = resolve_date(when, anchor, future=future)
    if future:
        return value  # "may test-launch ... on Tuesday": still the next Tuesday
    other = resolve_date(when, anchor, future=True)
    if value and other and value != other and len(value) == len(other) == 10:
        day = to_date(anchor)
        if day and abs((to_date(other) - day).days) < abs((to_date(value) - day).days):
            return other
    return value


def _entity_resolver(entities: list[Entity]):
    by_span: dict[tuple[str, int], str] = {}
    by_name: dict[str, str | None] = {}
    for entity in entities:
        for span in entity.mention_spans:
            by_span[(span.article, span.start)] = entity.id
        for name in (entity.name, *entity.aliases):
            key = name.lower()
            # A name two entities share ("Kim") says nothing: keep only unambiguous names.
            by_name[key] = entity.id if by_name.get(key, entity.id) == entity.id else None

    # "Defense Lloyd Austin" (a title the model took into the name) is "Lloyd Austin" when that exists.
    people = {e.name.lower(): e.id for e in entities if e.label == "PERSON" and " " in e.name}

    def person_within(name: str) -> str | None:
        words = name.lower().split()
        for k in range(1, len(words) - 1):
            target = people.get(" ".join(words[k:]))
            if target:
                return target
        return None

    canonical: dict[str, str] = {}
    for entity in entities:
        target = person_within(entity.name)
        if target and target != entity.id:
            canonical[entity.id] = target

    def resolve(article: str, name: str, start: int | None) -> str:
        if start is not None and (article, start) in by_span:
            found = by_span[(article, start)]
        else:
            found = by_name.get(name.lower()) or person_within(name) or f"name:{name.lower()}"
        return canonical.get(found, found)

    return resolve


def _ids(article, names, starts, resolve) -> list[str]:
    starts = list(starts) + [None] * (len(names) - len(starts))
    return list(dict.fromkeys(resolve(article, n, s) for n, s in zip(names, starts)))


def _when_key(when: str | None) -> str | None:
    return " ".join(when.lower().split()) if when else None


def _candidate_pairs(nodes: list[_Node]) -> set[tuple[int, int]]:
    """Pairs sharing a family and a participant (or an article and a place): the only ones compared."""
    postings: dict[tuple, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        for party in node.parties:
            postings[(node.family, "p", party)].append(i)
        for place in node.places:
            postings[(node.family, "a", node.article, place)].append(i)
        if node.date or node.when_key:
            postings[(node.family, "d", node.article, node.date or node.when_key)].append(i)
        postings[(node.family, "s", node.article, node.raw.sentence)].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in postings.items():
        groups = [members]
        if len(members) > _BIG_POSTING:
            # A participant in every story ("the United States"): compare within a month only.
            by_period: dict[str | None, list[int]] = defaultdict(list)
            for i in members:
                for period in {(nodes[i].date or "")[:7] or None, (nodes[i].anchor or "")[:7] or None}:
                    by_period[period].append(i)
            groups = [g[: _BIG_POSTING * 5] for g in by_period.values()]
        for group in groups:
            for x, a in enumerate(group):
                for b in group[x + 1 :]:
                    if a != b:
                        pairs.add((a, b) if a < b else (b, a))
    return pairs


def _month_hint(text: str | None) -> int | None:
    if not text:
        return None
    for n, month in enumerate(MONTHS):
        if re.search(rf"\b{month[:3]}", text):
            return n + 1
    return None


def _weekday_hint(text: str | None) -> int | None:
    if not text:
        return None
    for n, day in enumerate(WEEKDAYS):
        if day in text:
            return n
    return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Two resolved dates can name the same event when one contains the other."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _when_compatible(date: str | None, when: str | None, other_date: str | None, other_when: str | None) -> bool:
    if date and other_date:
        return dates_compatible(date, other_date)
    if when and other_when:
        return when == other_when
    # One resolved, one only written: compare what the words do say (month, weekday).
    resolved, written = (date, other_when) if date else (other_date, when)
    if not resolved or not written:
        return True
    month = _month_hint(written)
    if month is not None and len(resolved) >= 7 and int(resolved[5:7]) != month:
        return False
    weekday = _weekday_hint(written)
    day = to_date(resolved)
    if weekday is not None and day is not None and day.weekday() != weekday:
        return False
    return True


def _score(a: _Node, b: _Node) -> float:
    if a.family != b.family:
        return 0.0
    if not _when_compatible(a.date, a.when_key, b.date, b.when_key):
        return 0.0
    if a.raw.future != b.raw.future and not (a.date and b.date):
        return 0.0  # "will meet" is another meeting than the one just reported, unless the dates agree
    shared = a.parties & b.parties
    union = a.parties | b.parties
    jaccard = len(shared) / len(union) if union else 0.0
    same_place = bool(a.places & b.places)
    same_day = bool(a.date and a.date == b.date and len(a.date) == 10) or bool(a.when_key and a.when_key == b.when_key)
    if a.article == b.article:
        # Inside one article, the same kind of event on the same day or at the same place is one,
        # and so is one named twice in a sentence ("The launch ... was the longest test").
        if not (shared or same_place or same_day or a.raw.sentence == b.raw.sentence):
            return 0.0
        return 0.6 + 0.4 * jaccard + 0.2 * same_day
    if not shared:
        # Nobody named on either side: the same kind of event, on the same day, at the same place.
        if same_place and (same_day or _recency(a, b) + _recency(b, a) > 0):
            return 0.4 + 0.2 * same_day
        return 0.0
    if jaccard < 0.5:
        return 0.0
    if not (shared & a.strong) and not (same_place or same_day):
        # Sharing only a country ("North Korea launched") needs the same parties and a close date.
        if _recency(a, b) + _recency(b, a) <= 0:
            return 0.0
    score = jaccard + 0.2 * same_place + 0.3 * same_day
    score += _recency(a, b) + _recency(b, a)
    return score


def _recency(undated: _Node, dated: _Node) -> float:
    """An undated mention is most likely about a recent event: prefer a date near its article's."""
    if undated.date:
        return 0.0
    value = dated.date
    if not value and dated.when_key and not dated.anchor and undated.anchor:
        # "Thursday" in an undated article, read as if written when this one was.
        value = resolve_date(dated.raw.when or "", undated.anchor, future=dated.raw.future)
    if not value:
        return 0.0
    anchor, when = to_date(undated.anchor), to_date((value + "-15")[:10] if len(value) == 7 else value)
    if anchor is None or when is None:
        return 0.0
    return 0.1 if abs((anchor - when).days) <= 31 else -0.2


def _merge(nodes: list[_Node], scored) -> list[_Cluster]:
    cluster_of = list(range(len(nodes)))
    clusters: dict[int, _Cluster] = {}
    for i, node in enumerate(nodes):
        c = _Cluster([i])
        if node.date:
            c.dates.add(node.date)
        if node.when_key:
            c.whens.add(node.when_key)
        clusters[i] = c
    for _score_value, a, b in scored:
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        first, second = clusters[ca], clusters[cb]
        if not _clusters_compatible(first, second):
            continue
        if len(first.nodes) < len(second.nodes):
            ca, cb, first, second = cb, ca, second, first
        first.nodes.extend(second.nodes)
        first.dates |= second.dates
        first.whens |= second.whens
        for n in second.nodes:
            cluster_of[n] = ca
        del clusters[cb]
    return list(clusters.values())


def _clusters_compatible(a: _Cluster, b: _Cluster) -> bool:
    for x in a.dates:
        for y in b.dates:
            if not dates_compatible(x, y):
                return False
        for w in b.whens:
            if not _when_compatible(x, None, None, w):
                return False
    for y in b.dates:
        for w in a.whens:
            if not _when_compatible(y, None, None, w):
                return False
    return True


def _best_date(dates: list[str]) -> str | None:
    """The most supported date, as precise as the mentions allow: days also count for their month."""
    if not dates:
        return None
    support: Counter[str] = Counter()
    for d in dates:
        for prefix in {d, d[:7], d[:4]}:
            support[prefix] += 1
    best_year = max((p for p in support if len(p) == 4), key=lambda p: (support[p], p))
    months = [p for p in support if len(p) == 7 and p.startswith(best_year)]
    if not months:
        return best_year
    best_month = max(months, key=lambda p: (support[p], p))
    days = [p for p in support if len(p) == 10 and p.startswith(best_month)]
    if not days:
        return best_month
    return max(days, key=lambda p: (support[p], p))


def _make_event(nodes: list[_Node], cluster: _Cluster, names: dict[str, str], order: dict[str, int], labels: dict[str, str]) -> Event:
    members = sorted((nodes[i] for i in cluster.nodes), key=lambda n: (order.get(n.article, 0), n.raw.start))
    parties: Counter[str] = Counter()
    agent_votes: Counter[str] = Counter()
    places: Counter[str] = Counter()
    triggers: Counter[str] = Counter()
    for node in members:
        parties.update(node.parties)
        agent_votes.update(node.agents)
        places.update(node.places)
        triggers[node.raw.trigger] += 2 if node.raw.trigger in FAMILIES or node.raw.trigger not in EVENT_NOUNS else 1
    trigger = triggers.most_common(1)[0][0]
    verbs = [n.raw for n in members if n.raw.trigger == trigger]
    passive = [r.text.lower() for r in verbs if r.passive]
    participle = Counter(passive).most_common(1)[0][0] if len(passive) * 2 > len(verbs) else None
    display = lambda key: names.get(key) or key.removeprefix("name:").title()  # noqa: E731
    # Nationalities ("North Korean") name a party only when nothing more precise does.
    ranked = sorted(parties.items(), key=lambda kv: (labels.get(kv[0]) == "NORP", -kv[1], kv[0]))
    if any(labels.get(p) != "NORP" for p, _ in ranked):
        ranked = [(p, n) for p, n in ranked if labels.get(p) != "NORP"]
    # Meetings and talks are symmetric: everyone present is a doer.
    symmetric = FAMILIES.get(trigger) == "meet"
    doers = [(p, n) for p, n in ranked if symmetric or agent_votes[p] * 2 >= n]
    undergoers = [(p, n) for p, n in ranked if not symmetric and agent_votes[p] * 2 < n]
    top_parties = _distinct_names([display(p) for p, _ in doers])[:3]
    top_objects = [n for n in _distinct_names([display(p) for p, _ in undergoers]) if n not in top_parties][:2]
    top_place = [display(p) for p, _ in sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))[:1]]
    is_noun = trigger in EVENT_NOUNS and trigger not in ("test", "launch")
    label = make_label(top_parties, trigger, top_place, noun=is_noun, participle=participle, objects=top_objects)
    triggers = tuple(EventMention(n.article, n.raw.sentence, start=n.raw.start, end=n.raw.end) for n in members)
    first_in_sentence: dict[tuple[str, int], EventMention] = {}
    for t in triggers:
        first_in_sentence.setdefault((t.article, t.sentence), t)
    mentions = tuple(first_in_sentence.values())
    entity_ids = [p for p, _ in parties.most_common() if not p.startswith("name:")]
    entity_ids += [p for p, _ in places.most_common() if not p.startswith("name:") and p not in entity_ids]
    return Event(
        id="",
        label=label,
        trigger=trigger,
        date=_best_date([n.date for n in members if n.date] or _borrowed_dates(members)),
        articles=tuple(dict.fromkeys(n.article for n in members)),
        entities=tuple(entity_ids),
        mentions=mentions,
        triggers=triggers,
    )


def _distinct_names(names: list[str]) -> list[str]:
    """Names in order, without one that is part of a name already kept ("North" after "North Korea")."""
    kept: list[str] = []
    for name in names:
        words = name.lower().split()
        if any(_contains_words(k.lower().split(), words) or _contains_words(words, k.lower().split()) for k in kept):
            continue
        kept.append(name)
    return kept


def _contains_words(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _borrowed_dates(members: list[_Node]) -> list[str]:
    """Dates written without a year ("30 October") in undated articles, resolved against the date of
    another article reporting the same event: they were written about the same time."""
    anchors = sorted({n.anchor for n in members if n.anchor})
    found = []
    for node in members:
        if node.when_key and not node.anchor:
            for anchor in anchors:
                value = _resolve_loosely(node.raw.when or "", anchor, node.raw.future)
                if value:
                    found.append(value)
                    break
    return found


def _renumber(event: Event, n: int) -> Event:
    from dataclasses import replace

    return replace(event, id=f"ev{n}")
