"""Words news uses for one counted thing or one happening: a small general table, not a story's.

No WordNet package on PyPI ships its data (wn and nltk download it at run time, which newsx may
not do), so the grouping reads spaCy's lemma and folds it through these classes: "350 employees",
"a staff of 350" and "350 workers" count one thing; "killed", "dead" and "died" are one event.
"""

from __future__ import annotations

# Counted nouns -> the class compared. People of any role are people: the words around the number
# and its event keep "two guards" and "two victims" apart when they differ.
NOUN_CLASSES: dict[str, str] = {}
for _cls, _words in {
    "person": """person people man men woman women child children victim worker employee other one civilian
        resident student officer passenger member adult teenager boy girl baby customer staff staffer
        protester demonstrator activist journalist patient hostage migrant refugee individual colleague
        co-worker coworker manager partner receptionist bystander pedestrian guard villager inhabitant
        occupant survivor casualty shopper worshipper pilgrim tourist visitor spectator fan marcher
        participant attendee crowd population workforce""",
    "troop": "troop soldier force unit personnel serviceman fighter mercenary",
    "quake": "quake earthquake temblor tremor",
    "home": "home house dwelling residence household",
    "village": "village hamlet settlement",
    "vehicle": "vehicle car truck lorry",
    "fire engine": "engine appliance tender firetruck",
    "display": "display screen touchscreen",
    # what a sum is said of: "pricing begins at $99", "it costs $99", "you pay $99"
    "price": "price pricing cost pay payment fee charge fare",
    "memory": "memory ram storage",
}.items():
    for _w in _words.split():
        NOUN_CLASSES[_w] = _cls


def noun_class(lemma: str) -> str:
    """The class of a counted noun's lemma: "person" for any people, else the lemma itself."""
    lemma = lemma.lower()
    if lemma in NOUN_CLASSES:
        return NOUN_CLASSES[lemma]
    if lemma.endswith(("ist", "ian")) or lemma in ("they", "them", "others"):
        return "person"
    return lemma


# Verbs that say nothing of what a measure belongs to: "pricing begins at $119.99", "it is expected
# to cost", "you get it for $99", "a quake measuring 6.4", "registering 6.1". Their anchor is no evidence either way.
WEAK_ANCHORS = frozenset(
    """be have do get begin start continue need try plan expect make take put reach remain total stand
    become include leave cost come go see give keep set say tell report measure register locate situate""".split()
)


# Event classes that name what happened to the counted thing: two different ones are two
# quantities (killed vs injured), while a light verb ("were", "had") or an unknown verb is no evidence.
DECISIVE_EVENTS = frozenset("kill injure arrest shoot rescue protest burn evacuate".split())  # not "deploy": "be" and "have" fall there
