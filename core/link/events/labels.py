"""Headline labels for linked events: what happened, to or by whom, where.

"Earthquake strikes Aceh" (an event noun and the verb sources tell it with), "HP to buy EYP" (an
event most sources report as coming), otherwise `event_lexicon.make_label` ("Police arrest Smith in
Leeds"). Names are few (two doers, one object, one place): a headline, not a list of everyone named.
"""

from __future__ import annotations

from collections import Counter

from newsx.core.nlp.event_lexicon import join_names, third_person

# Verbs that read well in a headline after an event noun ("Earthquake strikes Aceh").
HEADLINE_VERBS = {
    "strike", "hit", "jolt", "rock", "shake", "rattle", "jar", "hammer", "slam", "devastate", "level",
    "flatten", "ravage", "batter", "pound", "sweep", "engulf", "destroy", "damage", "raze", "gut", "rip",
    "tear", "rumble",
}
# Of those, the ones done to a building: "Fire destroys Bible Church", but a fire in Somerset.
BUILDING_VERBS = {"level", "flatten", "engulf", "destroy", "damage", "raze", "gut", "rip", "tear"}


def happening_label(noun: str, verbs: Counter, place: str | None, site: bool = False) -> str:
    """An event nobody does, told by its noun: "Earthquake strikes Aceh", "Blast in Athens";
    `site`: the place is a building or a site, not a town or a region."""
    telling = [(n, v) for v, n in verbs.items() if v in HEADLINE_VERBS]
    head = noun.capitalize()
    if telling:
        verb = max(telling)[1]
        if place and verb in BUILDING_VERBS and not site:
            return f"{head} in {place}"
        return f"{head} {third_person(verb)} {place}" if place else f"{head} {third_person(verb)}"
    return f"{head} in {place}" if place else head


def future_label(doers: list[str], lemma: str, objects: list[str], place: str | None) -> str:
    """An event its sources report as coming: "HP to buy EYP", "Apple to unveil iPhone in Cupertino"."""
    where = f" in {place}" if place else ""
    what = f" {join_names(objects[:1])}" if objects else ""
    return f"{join_names(doers[:2])} to {lemma}{what}{where}"
