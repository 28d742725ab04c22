"""The words of events: which triggers name the same kind of event, which verbs never do, and how
an event reads as a headline ("Angela Merkel and Emmanuel Macron meet in Paris")."""

from __future__ import annotations

import re

from newsx.core.corpus.dates import MONTHS, WEEKDAYS
from newsx.core.nlp.event_classes import FOILED_ATTACK, class_families, class_nouns, class_verbs
from newsx.core.nlp.verb_forms import past_participle

# Trigger lemmas that name the same kind of event, so "met", "meeting" and "talks" compare.
FAMILIES: dict[str, str] = {
    **dict.fromkeys(("meet", "meeting", "talk", "talks", "summit", "conference", "briefing"), "meet"),
    **dict.fromkeys(("launch", "test", "test-fire", "test-launch", "test-fired", "flight"), "launch"),
    **dict.fromkeys(("deploy", "deployment", "dispatch", "send", "redeploy"), "deploy"),
    **dict.fromkeys(("condemn", "condemnation", "denounce", "criticize", "criticise", "decry"), "condemn"),
    **dict.fromkeys(("kill", "killing", "murder", "die", "death", "slay"), "kill"),
    # A shooting is an armed attack: sources say "the shooting", "the attack", "opened fire" of one.
    **dict.fromkeys(("shoot", "shooting", "gunfire", "open fire"), "attack"),
    **dict.fromkeys(("injure", "wound", "hurt", "injury"), "injure"),
    **dict.fromkeys(("arrest", "detain", "apprehend", "capture", "detention"), "arrest"),
    **dict.fromkeys(("charge", "indict", "indictment", "accuse"), "charge"),
    **dict.fromkeys(("convict", "conviction", "verdict", "find guilty"), "convict"),
    **dict.fromkeys(("sentence", "sentencing"), "sentence"),
    # and so is a bombing: "the blast", "the bombing", "the attack", "warplanes bombed the camp"
    **dict.fromkeys(("explode", "explosion", "blast", "bomb", "bombing", "detonate"), "attack"),
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
# The general classes of news events, under the families above where a word is in both.
FAMILIES = {**class_families(), **FAMILIES, "party": "gathering",
            **dict.fromkeys(("place on injured reserve", "place on leave", "place on probation"), "sideline")}

# Verbs that name one kind of news event even with nobody named ("was killed", "exploded").
TELLING_VERBS = frozenset(class_verbs())

# Nouns that name an event; any other noun is a thing, not an event.
EVENT_NOUNS = {
    "meeting", "talk", "talks", "summit", "conference", "briefing", "launch", "test", "test-fire",
    "flight", "deployment", "dispatch", "condemnation", "killing", "murder", "death", "shooting",
    "gunfire", "injury", "arrest", "detention", "indictment", "conviction", "verdict", "sentencing",
    "explosion", "blast", "bombing", "attack", "strike", "raid", "assault", "airstrike", "protest",
    "demonstration", "riot", "rally", "invasion", "signing", "visit", "election", "vote", "resignation",
    "trial", "plea", "crash", "collision", "blaze", "inferno", "ceasefire", "exercise", "drill",
    "evacuation", "earthquake", "hurricane", "flood", "fire",
} | class_nouns()

# The kind of event a named occasion is ("will host the Oscars"): a ceremony, named by its name.
OCCASION = "ceremony"

# The verb a label uses for an event noun ("meeting" -> "meet").
NOUN_VERBS = {
    "meeting": "meet", "talk": "hold talks", "talks": "hold talks", "summit": "meet", "conference": "meet",
    "briefing": "meet", "launch": "launch", "test": "test", "test-fire": "test-fire", "flight": "launch",
    "deployment": "deploy", "dispatch": "dispatch", "condemnation": "condemn", "killing": "kill",
    "murder": "murder", "death": "die", "suicide": "die", "shooting": "shoot", "injury": "injure", "arrest": "arrest",
    "sexual assault": "assault", "molestation": "molest", "drive drunk": "drive drunk", "robbery": "rob",
    "burglary": "burgle", "heist": "rob", "theft": "steal", "fraud": "commit fraud", "bribery": "bribe",
    "smuggling": "smuggle", "trafficking": "traffic",
    "detention": "detain", "capture": "capture", "indictment": "indict", "conviction": "convict", "verdict": "convict",
    "sentencing": "sentence", "explosion": "explode", "blast": "explode", "bombing": "bomb",
    "attack": "attack", "strike": "strike", "raid": "raid", "assault": "assault", "airstrike": "strike",
    "protest": "protest", "demonstration": "demonstrate", "riot": "riot", "rally": "rally",
    "invasion": "invade", "signing": "sign", "visit": "visit", "election": "elect", "vote": "vote",
    "resignation": "resign", "trial": "go on trial", "plea": "plead", "crash": "crash",
    "collision": "collide", "exercise": "hold exercises", "drill": "hold drills",
    "acquisition": "acquire", "purchase": "buy", "takeover": "take over", "buyout": "buy", "merger": "merge",
    "appointment": "appoint", "nomination": "nominate", "kidnapping": "kidnap", "abduction": "abduct",
    "hijacking": "hijack", "escape": "escape", "jailbreak": "escape", "rescue": "rescue", "stabbing": "stab",
    "assassination": "assassinate", "massacre": "massacre", "slaying": "slay", "homicide": "kill",
    "retirement": "retire", "dismissal": "dismiss", "ouster": "oust", "victory": "win", "win": "win", "defeat": "defeat",
    "eruption": "erupt", "arson": "burn", "firebombing": "firebomb", "derailment": "derail",
    "negotiation": "negotiate", "bargaining": "bargain", "offer": "offer", "bid": "bid", "proposal": "propose",
    "release": "release", "patch": "patch", "update": "update", "upgrade": "upgrade", "fix": "fix",
    "fall": "fall", "drop": "drop", "decline": "decline", "rise": "rise", "increase": "increase",
    "casting": "cast", "damage": "damage", "outage": "go down", "open fire": "open fire",
    "heart attack": "suffer a heart attack", "cardiac arrest": "suffer cardiac arrest",
    "respiratory arrest": "suffer respiratory arrest", "panic attack": "suffer a panic attack",
    "anxiety attack": "suffer an anxiety attack", "asthma attack": "suffer an asthma attack",
    "reversal": "reverse", "repeal": "repeal", "revocation": "revoke", "rescission": "rescind",
    "annulment": "annul", "walkout": "strike", "stoppage": "stop work",
    "unveiling": "unveil", "debut": "debut", "introduction": "introduce", "hearing": "hold a hearing",
    "collapse": "collapse", "cave-in": "cave in", "hack": "hack", "hacking": "hack", "cyberattack": "hack",
    "breach": "breach",
}

# What "released" or "published" is when it only reports: "police released a statement".
STATEMENT_NOUNS = {
    "statement", "report", "detail", "name", "information", "figure", "data", "video", "photo", "image",
    "footage", "picture", "document", "letter", "transcript", "list", "result", "finding", "record", "note",
}
# Reporting verbs that name an event when what they put out is a thing: "Microsoft released a patch".
RELEASE_VERBS = {"release", "publish"}

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
SUPPORT_VERBS = {"hold", "conduct", "carry", "stage", "attend", "have", "make", "host", "join", "commit"}
# Verbs whose open complement is not yet done ("scheduled to meet", "set to join").
FUTURE_HEADS = {"schedule", "set", "plan", "expect", "due", "prepare", "intend", "aim", "go", "hope", "want"}
# Words whose "to" clause is what someone is taken on, agrees or is about to do: "hired to direct",
# "negotiating to direct", "in negotiations to helm", "close to signing", "agreed to buy".
PROSPECTIVE_HEADS = {"negotiate", "negotiation", "talks", "hire", "tap", "choose", "pick", "select", "agree",
                     "close", "poised", "likely", "ready", "bid", "intention"}

# An article's lead event is in its first sentences (the first may be a dateline or a teaser).
LEAD_SENTENCES = 3

PARTICIPANT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "at", "near", "from", "to", "into", "toward", "towards", "outside", "inside", "across", "off", "over", "on"}
PARTY_PREPS = {"with", "against", "between", "among", "by", "of", "for"}
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "dative", "attr", "oprd", "poss", "compound", "amod", "nmod", "appos"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"}
PRONOUNS = {"it", "they", "he", "she", "we", "them", "him", "her", "their", "its", "his"}



# What an event nobody is named in is called, by the verb of its kind: the casualties of a quake or
# a blast, and other acts whose doers go unnamed ("Arrests in Athens").
_TOLD_AS_NOUN = {
    "kill": "deaths", "die": "deaths", "murder": "killing", "injure": "injuries", "wound": "injuries",
    "hurt": "injuries", "damage": "damage", "evacuate": "evacuation", "rescue": "rescue", "arrest": "arrests",
    "charge": "charges", "detain": "detentions", "shoot": "shooting", "attack": "attack", "rob": "robbery",
    "steal": "theft", "protest": "protest", "riot": "riots", "clash": "clashes", "disperse": "dispersal",
    "flee": "flight", "escape": "escape", "crash": "crash", "burn": "fire", "explode": "explosion",
    FOILED_ATTACK: "foiled attack",
}


def told_as_noun(verb: str) -> str:
    """What a verb's event is called when nobody is named doing it: "theft" for "steal"."""
    return _TOLD_AS_NOUN.get(verb, verb)


# What an act with a weapon's name is called when nobody is named doing it: "Bombing in Yida", not
# "Bomb in Yida" (the weapon).
ACT_NOUNS = {"bomb": "bombing", "firebomb": "firebombing", "shell": "shelling", "shoot": "shooting"}


def make_label(participants, lemma: str, places, noun: bool = False, participle: str | None = None, objects=(),
               symmetric: bool = False, toward: bool = False, plural: bool = False) -> str:
    """A headline: "Angela Merkel and Emmanuel Macron meet in Paris", "Paris condemns Moscow",
    passive "Anthony Smith arrested"; `participants` are the doers, `objects` who undergo it.
    `symmetric`: a meeting, which one party alone does not do ("NATO meeting", not "NATO meets");
    `toward`: the place is where it goes ("deploy to Russia"); `plural`: the one doer is many
    ("Colts beat Chiefs", "Houses collapse")."""
    verb = NOUN_VERBS.get(lemma, lemma) if noun else lemma
    acts = not noun or lemma in NOUN_VERBS  # a verb, or a noun with a verb of its own ("arrest")
    if participle and " " in verb:
        participle = past_participle(verb)  # the whole phrase: "found guilty", not "found"
    where = f" {'to' if toward else 'in'} {places[0]}" if places else ""
    objects = [o for o in objects if o not in participants][:2]
    if participle and objects:
        by = f" by {join_names(list(participants)[:2])}" if participants else ""
        return f"{join_names(objects)} {participle}{by}{where}"
    if objects and not participants and acts and verb not in UNDERGONE:
        # "the arrest of X" by nobody named: X arrested
        return f"{join_names(objects)} {past_participle(verb)}{where}"
    verb = {"find guilty": "found guilty"}.get(verb, verb)
    if objects and (not participants or verb in UNDERGONE):
        participants, objects = objects, []  # "the death of X": X dies
    who = join_names(list(participants)[:3])
    if participle and who:
        return f"{who} {participle}{where}"
    if objects and who and " " not in verb:
        where = f" {join_names(objects)}{where}"
    if not who:
        # Nobody named: what happened, told by its noun ("Deaths in Aceh", not "Kill in Aceh").
        return f"{lemma.capitalize()}{where}" if noun else f"{told_as_noun(verb).capitalize()}{where}"
    if not acts:
        return f"{who} {lemma}{where}"  # a noun with no verb of its own: "ABC ceremony", not "ABC ceremonies"
    if symmetric and len(participants) == 1 and not objects:
        return f"{who} {lemma if noun else 'meeting'}{where}"
    if len(participants) == 1 and verb != "found guilty" and not plural:
        # A phrase conjugates its first word: "checks in", "holds talks", "loses to".
        first, _, rest = verb.partition(" ")
        verb = f"{third_person(first)} {rest}".strip()
    if objects and verb.endswith(" to"):
        where = f" {join_names(objects)}{where}"  # "Chiefs lose to Colts"
    elif objects and verb.split(" ")[1:2] in (["on"], ["under"]):
        first, _, rest = verb.partition(" ")  # "Saints place Pierre Thomas on injured reserve"
        verb = f"{first} {join_names(objects)} {rest}"
    return f"{who} {verb}{where}"


# Kinds of event that are news when agreed or announced: "agreed to buy", "will acquire" and
# "bought" report one deal, "will nominate" and "nominated" one pick, "will launch the phone in
# February" and "released the phone" one product's release, where "will meet" is another meeting
# than the one just held.
# A resignation is news when announced: "will step down on 7 June" and "resigned" are one.
TENSE_BLIND_FAMILIES = frozenset({"acquire", "appoint", "release", "resign"})


def parted_by_tense(family: str, future: bool, other_future: bool) -> bool:
    """One told as to come and the other as done are two events of this kind ("will meet" and
    "met"), unless it is a kind that is news when agreed (`TENSE_BLIND_FAMILIES`)."""
    return future != other_future and family not in TENSE_BLIND_FAMILIES


def dated_when_it_takes_effect(family: str, future: bool, other_future: bool) -> bool:
    """A kind that is news when announced, told as to come beside a report of it done: the date
    the first gives is when it takes effect ("will resign on 7 June"), not the news's day, so the
    two dates need not agree."""
    return future != other_future and family in TENSE_BLIND_FAMILIES


# Triggers whose doer undergoes the rest of their family's event: who "lost to" is who was beaten.
CONVERSE_TRIGGERS = frozenset({"lose to"})


# Kinds of event that are the toll of another ("struck Aceh, killing 10 and injuring dozens"): they
# befall people and buildings, and a town named beside them is where, not whom.
TOLL_FAMILIES = frozenset({"kill", "injure", "damage"})
# Kinds of event that harm people and buildings and leave a toll (`link.events.tolls`).
HARM_FAMILIES = frozenset({"quake", "aftershock", "storm", "erupt", "attack", "fire", "crash", "collapse"})
# Harms that are often the toll of another: buildings collapse in a quake, a roof in a fire.
SECONDARY_HARMS = frozenset({"collapse"})


# Kinds of event whose noun is named for what it befell ("the Harry Winston robbery", "the Equifax
# breach", "the Morandi bridge collapse"), not for who did it ("the AMD acquisition" is AMD's).
BEFALLING_FAMILIES = frozenset({"rob", "fire", "crash", "collapse", "hack"})
# Kinds whose place is where, never who: a town is not killed, injured or collapsed.
PLACE_STRUCK_FAMILIES = TOLL_FAMILIES | {"collapse"}


# Verbs whose grammatical object is who it happens to ("the death of X" -> "X dies").
UNDERGONE = {"die", "arrive", "resign", "crash", "explode", "collide", "go on trial", "collapse"}
# Of those, what only a person does.
PERSONAL_ACTS = {"die", "resign"}


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"

# Periods under way as the article is written: "fired this season" can be Saturday's firing.
_ONGOING = re.compile(r"^(?:this|so far this|earlier this) (?:season|year|week|month|weekend)$")
_ELSEWHEN = re.compile(r"\b(?:last|next|ago|previous|former|coming)\b")


def whens_agree(a: str, b: str, tolerance: int = 1) -> bool:
    """Two unresolved dates as written that can be one day: the same words, weekdays at most
    `tolerance` days apart ("Friday night" and "early Saturday" tell of one fire), or a period
    under way and a time not said to be another ("this season" and "Saturday")."""
    if a == b:
        return True
    for one, other in ((a, b), (b, a)):
        if (_ONGOING.match(one) or _vague(one)) and not _ELSEWHEN.search(other):
            return True
    x, y = weekday_hint(a), weekday_hint(b)
    if x is None or y is None:
        return False
    apart = abs(x - y) % 7
    return min(apart, 7 - apart) <= tolerance and month_hint(a) == month_hint(b)


# Words that place a time on the calendar, short of a weekday, a month or a number.
_CALENDAR_WORDS = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|weekend|christmas|easter|"
    r"thanksgiving|new year|eve|ramadan|eid|hanukkah|diwali|holiday|spring|summer|autumn|fall|winter|"
    r"decade|century|\d+(?:st|nd|rd|th|s)?)\b"
)


def _vague(text: str) -> bool:
    """A time as written that no calendar can place ("the post-season", "the second half", "the
    fourth quarter"): it can be any day, so it parts no two reports."""
    return (weekday_hint(text) is None and month_hint(text) is None and not _ELSEWHEN.search(text)
            and not _CALENDAR_WORDS.search(text))


def month_hint(text: str | None) -> int | None:
    if not text:
        return None
    for n, month in enumerate(MONTHS):
        if re.search(rf"\b{month[:3]}", text):
            return n + 1
    return None

def weekday_hint(text: str | None) -> int | None:
    if not text:
        return None
    for n, day in enumerate(WEEKDAYS):
        if day in text:
            return n
    return None
