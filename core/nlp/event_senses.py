"""Words whose kind of event depends on what surrounds them.

"fired" is a dismissal when a person is fired ("the Blazers fired their coach"), a shooting when
shots are and a launch when a missile is; "found" is a death in "was found dead"; "hanged himself" is
a death; "announced" only reports, except in "was announced as the new host", which is an
appointment; "asked Gupta to be surgeon general" offers a post. Nouns too: a "party" is a gathering
at an office but not in government, a "raid" on a jeweller's a robbery. Each function reads one spaCy
token and its children (never imports spaCy) and gives the lemma that names the event's kind, with
the tokens its text spans, or None when the word means something else.
"""

from __future__ import annotations

from newsx.core.nlp.event_classes import FOILED_ATTACK, class_families

# Nouns for people in a post, who can be fired or appointed ("the coach was fired").
ROLE_NOUNS = frozenset({
    "coach", "manager", "employee", "worker", "staff", "staffer", "director", "chief", "executive", "ceo",
    "official", "aide", "head", "minister", "secretary", "president", "editor", "player", "officer",
    "chairman", "chairwoman", "adviser", "advisor", "commissioner", "superintendent", "principal",
    "teacher", "host", "anchor", "star", "actor", "actress", "captain", "general", "commander",
})
# Verbs that, with "dead", report a death: "was found dead", "is presumed dead".
DEATH_REPORT_VERBS = frozenset({"find", "presume", "fear", "pronounce", "declare", "confirm", "report", "leave"})
# Verbs that put a person out of a post when a person is their object.
DISMISS_VERBS = frozenset({"fire", "terminate", "axe", "ax", "can"})
# Verbs that put a person out of a post in some phrasing: "relieved of his duties", "pushed out".
_PUT_OUT_VERBS = DISMISS_VERBS | {"relieve", "push", "force"}
# Reporting verbs that, passive with "as", name someone to a role: "was announced as the new host".
NAMING_VERBS = frozenset({"announce", "unveil", "reveal", "confirm", "name", "introduce"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "myself", "yourself"})
# Things a company launches or introduces, as opposed to a missile or a rocket.
PRODUCT_NOUNS = frozenset({
    "phone", "smartphone", "handset", "device", "laptop", "notebook", "computer", "tablet", "product", "model",
    "service", "app", "application", "software", "version", "line", "lineup", "console", "car", "vehicle",
    "camera", "watch", "browser", "edition", "brand", "platform", "processor", "chip", "drug", "store",
})


def _objects_of(token, preposition: str) -> list:
    """The objects of the token's prepositional phrases with this preposition ("of the phone"); a
    preposition parsed as a particle counts too ("was put on injured reserve")."""
    return [p for c in token.children if c.dep_ in ("prep", "prt") and c.lower_ == preposition
            for p in c.children if p.dep_ == "pobj"]


def _by_company(verb) -> bool:
    """The verb's subject is an organisation: "T-Mobile will launch ...", "Apple launched ..."."""
    return any(c.dep_ == "nsubj" and c.ent_type_ == "ORG" for c in verb.children)


def _subjects(verb, deps: tuple[str, ...]) -> list:
    """The verb's subjects, or those of the verb it is conjoined to ("fired on and sank a ship")."""
    found = [c for c in verb.children if c.dep_ in deps]
    if not found and verb.dep_ == "conj":
        found = [c for c in verb.head.children if c.dep_ in deps]
    return found


def _is_person(token) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in ROLE_NOUNS


def _names_a_person(token) -> bool:
    """A person, or a phrase that names one: "the CNN medical correspondent Dr Sanjay Gupta"."""
    near = [token]
    for _ in range(2):
        near += [c for t in near for c in t.children if c.dep_ in ("compound", "appos", "conj", "flat")]
    return any(_is_person(t) for t in near)


def done_to(verb) -> list:
    """What the verb is done to: its objects and passive subjects ("fired shots", "bombs were dropped")."""
    return [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]


def _undergoer(verb):
    """Who the verb is done to: its object, passive subject, or the noun a participle describes."""
    for child in done_to(verb):
        return child
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        return verb.head  # "O'Brien, fired on June 8", "the fifth coach to be fired"
    return None


def _is_product(token) -> bool:
    """A thing made and sold: a PRODUCT name ("MacBook Pro"), or a product noun ("its new phone")."""
    words = [token, *(c for c in token.children if c.dep_ == "compound")]
    return any(w.ent_type_ == "PRODUCT" for w in words) or token.lemma_.lower() in PRODUCT_NOUNS


# What is launched as a missile launch is: rockets and what they carry.
LAUNCHED_CRAFT = frozenset({
    "missile", "rocket", "icbm", "satellite", "projectile", "spacecraft", "shuttle", "probe", "warhead",
    "drone", "torpedo", "capsule", "vehicle", "launcher", "slbm", "irbm", "mrbm",
})
# Counts before what is launched: "hundreds of balloons", "a barrage of rockets".
_COUNT_NOUNS = frozenset({"hundred", "thousand", "dozen", "number", "series", "barrage", "salvo", "volley", "pair", "couple"})


def _launched_things(token) -> list:
    if token.pos_ == "VERB":
        things = done_to(token)
    else:
        things = _objects_of(token, "of")
    found = []
    for thing in things:
        if thing.lemma_.lower() in _COUNT_NOUNS or thing.pos_ == "NUM":
            # "hundreds of balloons": the balloons
            found.extend(_objects_of(thing, "of") or [thing])
        else:
            found.append(thing)
    return found


# Where a product goes when it is released: "added to its line-up", "coming to the network".
PRODUCT_HOMES = frozenset({"lineup", "line-up", "portfolio", "range", "catalog", "catalogue", "network",
                           "store", "shelf", "market", "stores", "shelves"})
# Verbs that release a product when a company does them to one: "T-Mobile will offer the BlackBerry".
MARKETING_VERBS = frozenset({"offer", "carry", "sell", "stock", "add"})


def released_product(token) -> bool:
    """A company making a product available: "T-Mobile will carry the BlackBerry Curve", "the Q10
    will be added to its line-up", "the phone is coming to the network". Not "sold its stake"."""
    lemma = token.lemma_.lower()
    if lemma in ("add", "come") and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.lemma_.lower() in PRODUCT_HOMES for p in c.children)
        for c in token.children
    ):
        return True
    if lemma not in MARKETING_VERBS:
        return False
    by_company = _by_company(token) or (token.dep_ == "xcomp" and _by_company(token.head))
    things = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if any(_is_product(t) for t in things):
        # a company's or its ("it will be carrying the smartphone")
        return by_company or any(c.dep_ == "nsubj" and c.lower_ == "it" for c in token.children)
    named = lemma != "sell"  # a company sold by name is a deal, not a product on sale
    return by_company and named and any(t.ent_type_ in ("ORG", "PRODUCT") for t in things)


def launch_sense(token) -> str | None:
    """What a launch launches: None for a rocket or a missile (or when unsaid: "the launch drew
    condemnation"), "unveil" for a product ("Apple launched its new MacBook Pro"), else "launch X"
    for anything else ("launched hundreds of balloons", "launched a campaign"): not a missile launch."""
    things = _launched_things(token)
    if not things or any(t.lemma_.lower() in LAUNCHED_CRAFT or t.ent_type_ == "CARDINAL" for t in things):
        return None
    by_company = _by_company(token)
    if any(_is_product(t) or (by_company and t.ent_type_ in ("ORG", "WORK_OF_ART")) for t in things):
        return "unveil"  # "T-Mobile will launch the BlackBerry Curve": a company's named thing
    return "launch " + things[0].lemma_.lower()


def found_guilty(token) -> bool:
    """ "found him guilty", "found Scott Peterson guilty Friday": "guilty" shortly after "find",
    before any other verb (the parser hangs it in different places)."""
    if token.lemma_.lower() != "find":
        return False
    sentence_end = token.sent.end
    for t in token.doc[token.i + 1 : min(token.i + 8, sentence_end)]:
        if t.lower_ == "guilty":
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


# What is won or lost in a contest.
CONTEST_NOUNS = frozenset({"game", "match", "race", "election", "bout", "fight", "final", "series", "title",
                           "championship", "tournament", "playoff", "vote", "contest", "battle", "seat"})


def _lost_to_someone(verb) -> bool:
    """ "lost to the Colts" (a named side), "lost the game": not "lost his job", "lost to cancer"."""
    if any(p.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") for p in _objects_of(verb, "to")):
        return True
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in CONTEST_NOUNS for c in verb.children)


_SEXUAL = frozenset({"sexual", "sexually", "indecent", "indecently"})
# Drunk driving as news abbreviates it; the model often takes these for organisations.
DRUNK_DRIVING_ACRONYMS = frozenset({"DUI", "DWI", "OWI", "OUI"})


def drunk_driving(token) -> bool:
    """ "drunken driving", "driving under the influence", "a DUI": an offence, the event of an arrest."""
    if token.text.upper() in DRUNK_DRIVING_ACRONYMS and token.pos_ in ("PROPN", "NOUN"):
        return True
    if token.lemma_.lower() not in ("drive", "driving"):
        return False
    if any(c.dep_ in ("amod", "advmod", "acomp") and c.lower_ in ("drunk", "drunken", "impaired", "intoxicated") for c in token.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(p.lower_ == "influence" for p in c.children) for c in token.children)


def sexual_assault(token) -> bool:
    """ "sexual assault", "sexually assaulting": a crime against a person, not an armed attack."""
    return token.lemma_.lower() == "assault" and any(c.dep_ in ("amod", "advmod") and c.lower_ in _SEXUAL for c in token.children)


# Words that make "party" a political one or a side in a matter: "the ruling party", "a third party".
_PARTY_SIDES = frozenset({
    "political", "ruling", "opposition", "third", "communist", "democratic", "republican", "conservative",
    "liberal", "socialist", "nationalist", "green", "labour", "labor", "coalition", "governing", "guilty",
    "injured", "interested", "warring", "responsible", "other", "both", "either", "each", "all", "main",
    "major", "minor", "far-right", "far-left", "centrist", "populist", "national", "parliamentary",
})
# What a gathering is held for or where: "a Christmas party", "an office party", "a birthday party".
_PARTY_OCCASIONS = frozenset({
    "christmas", "holiday", "birthday", "office", "house", "dinner", "cocktail", "garden", "farewell",
    "retirement", "engagement", "halloween", "pool", "block", "frat", "fraternity", "street", "dance",
    "costume", "bachelor", "bachelorette", "surprise", "graduation", "staff", "company", "launch",
    "victory", "wedding", "year", "eve", "beach", "yacht", "tea", "slumber", "release", "work",
})
# Verbs done to a gathering: "threw a party", "crashed the party".
_PARTY_VERBS = frozenset({"throw", "host", "attend", "crash", "hold", "organize", "organise", "plan", "storm",
                          "enter", "leave", "raid", "invite", "gatecrash"})
_PARTY_PLACES = frozenset({"at", "during", "after", "outside", "inside"})


def gathering_party(token) -> bool:
    """ "at an office Christmas party", "threw a party": a gathering, the scene of an event, not a
    political party ("the ruling party", "the Labour Party") or a side ("a third party")."""
    if token.lemma_.lower() != "party" or token.ent_type_ in ("ORG", "NORP") or token.dep_ in ("compound", "poss"):
        return False
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss", "det")]
    if any(m.lower_ in _PARTY_SIDES or m.ent_type_ in ("ORG", "NORP") for m in modifiers):
        return False
    if any(m.lower_ in _PARTY_OCCASIONS for m in modifiers):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in _PARTY_PLACES:
        return True
    return token.dep_ in ("dobj", "obj", "nsubjpass") and head.lemma_.lower() in _PARTY_VERBS


# Verbs that put someone in a state that is itself the news: "placed under arrest", "put on trial",
# "placed on injured reserve". The kind of event is the state's (an arrest, a trial).
_STATUS_VERBS = frozenset({"place", "put", "send", "move", "land"})
_ON_THE_SIDELINES = "place on injured reserve"
_STATUS_SENSES = {"arrest": "arrest", "trial": "trial", "leave": "place on leave", "probation": "place on probation"}


def status_sense(verb) -> tuple[str, object] | None:
    """(the event's kind, the state's token) when the verb puts someone in a state that is news."""
    for state in (*_objects_of(verb, "on"), *_objects_of(verb, "under")):
        word = state.lemma_.lower()
        if word in _STATUS_SENSES:
            return _STATUS_SENSES[word], state
        marks = {c.lower_ for c in state.children if c.dep_ in ("amod", "compound")}
        if state.text == "IR" or (word in ("reserve", "list") and marks & {"injured", "disabled", "season-ending"}):
            return _ON_THE_SIDELINES, state  # a player out injured: "placed on IR", "on the disabled list"
    return None


# Verbs that, asking a person to take a post, offer it: "asked Gupta to be surgeon general",
# "was approached about the job". Without a post in sight they are no news event.
_SOUNDING_VERBS = frozenset({"ask", "approach", "tap", "recruit", "court", "invite", "offer"})
POST_NOUNS = frozenset({"job", "post", "position", "role", "seat", "office", "portfolio", "spot", "slot"}) | ROLE_NOUNS
_TAKE_UP_VERBS = frozenset({"be", "become", "serve", "fill", "take", "head", "lead", "run", "join", "replace", "succeed"})


def offers_a_post(verb) -> bool:
    """ "asked Dr Gupta to be surgeon general", "approached by the team to fill the post", "tapped
    for the job": a post offered to a person, the news of a story about who will fill it."""
    if verb.lemma_.lower() == "offer":  # "offered the job", "was offered the post of surgeon general"
        return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in POST_NOUNS for c in verb.children)
    person = _undergoer(verb)
    if person is None or not _names_a_person(person):
        return False
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp", "advcl") and child.lemma_.lower() in _TAKE_UP_VERBS:
            return True
    return any(p.lemma_.lower() in POST_NOUNS for prep in ("about", "for") for p in _objects_of(verb, prep))


# Taking up a role, as news says it of an actor, a coach or a chief: "stepped into the title role",
# "won the part", "landed the job", "takes the helm", "took over as manager". One with an appointment.
_ROLES_TAKEN = frozenset({"role", "part", "job", "post", "position", "mantle", "reins", "helm", "captaincy"})
_TAKING_VERBS = frozenset({"step", "win", "land", "take", "get", "earn", "secure", "snag", "bag", "accept", "assume"})
TAKE_ROLE = "take the role"


def takes_a_role(verb) -> bool:
    """A person taking a role: "Matt Smith stepped into the role", "won the part of the Doctor"."""
    if not any(c.dep_ == "nsubj" and _names_a_person(c) for c in verb.children):
        return False
    if verb.lemma_.lower() == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        return any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)  # "took over as manager"
    roles = [c for c in verb.children if c.dep_ in ("dobj", "obj")] + _objects_of(verb, "into")
    return any(r.lemma_.lower() in _ROLES_TAKEN for r in roles)


# What guns and launchers fire besides bullets: "fired a missile" is a launch, not a shooting.
# ("a salvo of rockets" is read through its count word: `_COUNT_NOUNS`.)
_FIRED_CRAFT = LAUNCHED_CRAFT | {"shell", "mortar"}
# What police fire to break up a crowd: part of the protest they break up, not a shooting.
_CROWD_CONTROL = frozenset({"gas", "teargas", "tear-gas", "canister", "cannon", "spray", "grenade", "flare"})


def fire_sense(verb) -> str:
    """ "fired on the crowd", "fired shots" are a shooting ("open fire"); "fired a missile" a launch;
    "fired tear gas at protesters" the police's part in a protest ("disperse")."""
    things = [o for t in done_to(verb) for o in (_objects_of(t, "of") if t.lemma_.lower() in _COUNT_NOUNS else [t])]
    if things and all(t.lemma_.lower() in _FIRED_CRAFT for t in things):
        return "launch"
    if things and all(t.lemma_.lower() in _CROWD_CONTROL for t in things):
        return "disperse"
    return "open fire"


_FIRE_OPENING_VERBS = frozenset({"open", "return", "exchange"})


def under_fire(noun) -> bool:
    """ "came under fire": gunfire, not a blaze."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under"


def fire_opened(noun) -> bool:
    """The "fire" of "opened fire": the verb's trigger (`sense`), not an event of its own."""
    return noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in _FIRE_OPENING_VERBS


def _fire_of(verb):
    """The "fire" of "opened fire", "returned fire", "exchanged fire", else None."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lower_ == "fire"), None)


# Who sinks or destroys something in an attack (not "the storm destroyed ...", an event's impact).
_ARMED_NOUNS = frozenset({
    "navy", "army", "military", "troops", "forces", "force", "warship", "frigate", "destroyer", "ship",
    "vessel", "jet", "warplane", "plane", "aircraft", "helicopter", "drone", "submarine", "police",
    "soldier", "militant", "rebel", "insurgent", "gunman", "commando", "marine", "artillery", "tank",
})


_DROPPED_ARMS = frozenset({"bomb", "bombs", "munition", "explosive", "shell", "missile", "rocket", "grenade",
                           "napalm", "incendiary"})


def _drops_bombs(verb) -> bool:
    """ "dropped bombs on the camp", "bombs were dropped": what is dropped is arms."""
    dropped = done_to(verb)
    return bool(dropped) and all(c.lemma_.lower() in _DROPPED_ARMS for c in dropped)


def armed_attack(verb) -> bool:
    """ "an Indian warship sank a pirate vessel", "the navy destroyed the ship": an attack, when an
    armed force or a country does it to something (not "the storm destroyed homes")."""
    if not any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return False
    doers = _subjects(verb, ("nsubj",))  # "fired on and sank a pirate ship": the navy's
    return any(d.ent_type_ in ("ORG", "NORP", "GPE") or d.lemma_.lower() in _ARMED_NOUNS for d in doers)


# Where robbers strike, and who they are: a raid on a jeweller's is a robbery, not an assault.
_ROBBED_PLACES = frozenset({
    "store", "shop", "jeweller", "jeweler", "jewellers", "jewelers", "jewelry", "jewellery", "bank", "boutique",
    "museum", "gallery", "branch", "depot", "warehouse", "vault", "showroom", "pharmacy", "casino", "safe",
})
_ROBBERS = frozenset({"robber", "thief", "burglar", "raider", "gang", "gunman", "bandit", "crook", "looter"})
_LOOT = frozenset({"gem", "jewel", "jewelry", "jewellery", "diamond", "cash", "art", "bullion", "gold", "watch"})


def _raiders(token) -> list:
    """Who made the raid: "police raided", "a raid by officers"."""
    return [c for c in token.children if c.dep_ in ("nsubj", "agent")] + _objects_of(token, "by")


def _by_force(doers) -> bool:
    return any(d.lemma_.lower() in ("police", "officer", "agent", "troops", "soldier", "army") for d in doers)


def police_raid(token) -> bool:
    """ "police raided the flat", "a raid by officers": the law's raid, not a robbery."""
    return _by_force(_raiders(token))


def robbery_raid(token) -> bool:
    """ "armed robbers raided the jewellery store", "the raid on the Harry Winston boutique", "held up
    a bank": a robbery. A police raid is not one."""
    lemma = token.lemma_.lower()
    if lemma == "hold" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return False
    if lemma not in ("raid", "hold"):
        return False
    doers = _raiders(token)
    if _by_force(doers):
        return False
    targets = done_to(token) + _objects_of(token, "on") + _objects_of(token, "at")
    # the target and the words naming its kind: "the store", "the Harry Winston jewellery store"
    words = {t.lemma_.lower() for t in targets}
    words |= {c.lemma_.lower() for t in targets for c in t.children if c.dep_ in ("compound", "amod", "poss")}
    # what was taken, named on the raid itself: "the gem raid", "a $100m jewel raid"
    loot = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")} & _LOOT
    return bool(words & _ROBBED_PLACES) or bool(loot) or any(d.lemma_.lower() in _ROBBERS for d in doers)


def sense(token) -> tuple[str, object, object] | None:
    """(lemma of the event's kind, first token, last token) for a verb whose kind its context
    decides, else None. The source's own words stay the event's text ("fired", "found dead")."""
    lemma = token.lemma_.lower()
    if lemma in DEATH_REPORT_VERBS:
        dead = next((c for c in token.children if c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")), None)
        if dead is not None:
            return "die", token, dead  # "found dead", "presumed dead"
    if lemma == "hang" and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in token.children):
        return "die", token, token  # "hanged himself"
    if sexual_assault(token):
        return "sexually assault", token, token
    if drunk_driving(token):
        return "drive drunk", token, token
    if lemma == "lose" and _lost_to_someone(token):
        return "lose to", token, token  # the other side's win: "the Chiefs lost to the Colts"
    if released_product(token):
        return "release", token, token  # "will start selling the new phone"
    if lemma == "launch" and (kind := launch_sense(token)) is not None:
        return kind, token, token  # a product unveiled, or balloons launched: not a missile launch
    if lemma in _STATUS_VERBS and (status := status_sense(token)) is not None:
        return status[0], token, status[1]  # "placed under arrest": an arrest
    # Who undergoes it is looked up only for these verbs: this runs on every verb of every article.
    if lemma in _PUT_OUT_VERBS and (undergoer := _undergoer(token)) is not None and _is_person(undergoer):
        if lemma in DISMISS_VERBS:
            return "dismiss", token, token
        if lemma == "relieve" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return "dismiss", token, token  # "relieved of his duties"
        if lemma in ("push", "force") and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
            return "oust", token, token  # "pushed out", "forced out"
    if lemma in ("raid", "hold") and robbery_raid(token):
        return "rob", token, token  # "robbers raided the jeweller's", "held up a bank"
    if lemma == "fire":
        return fire_sense(token), token, token  # a weapon fired; a person fired is dismissed (above)
    if lemma in _FIRE_OPENING_VERBS and (fire := _fire_of(token)) is not None:
        return "open fire", token, fire  # "opened fire on the crowd": a shooting
    if lemma == "drop" and _drops_bombs(token):
        return "bomb", token, token  # "warplanes dropped bombs on the camp": a bombing
    if lemma in ("step", "stand") and steps_down(token):
        return "resign", token, token  # "she will step down as leader"
    if lemma in _GIVING_WAY and structure_gave_way(token):
        return "collapse", token, token  # "the bridge fell", "the roof gave way"
    if lemma in _REPELLING_VERBS and foils_an_attack(token):
        return FOILED_ATTACK, token, token  # "the navy thwarted a pirate attack": the attack, beaten off
    if lemma in ("sink", "destroy", "torpedo") and armed_attack(token):
        return "attack", token, token  # "the navy sank a pirate ship"
    if lemma in _TAKING_VERBS and takes_a_role(token):
        return TAKE_ROLE, token, token  # "stepped into the title role", "landed the job"
    if lemma in _SOUNDING_VERBS and offers_a_post(token):
        return "offer", token, token  # "asked Gupta to be surgeon general": offered the post
    if lemma in NAMING_VERBS and any(c.dep_ == "nsubjpass" and _is_person(c) for c in token.children) and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in token.children
    ):
        return "appoint", token, token  # "has been announced as the new Doctor Who"
    return None


# What a body suffers, not what is done to it: "a heart attack", "cardiac arrest", "a panic attack".
# (their phrases are the "illness" class of `event_classes`)
_BODILY_MODIFIERS = frozenset({"heart", "cardiac", "respiratory", "panic", "anxiety", "asthma"})


def bodily_episode(noun) -> str | None:
    """ "suffered a heart attack", "died of cardiac arrest": the illness ("heart attack"), not an
    attack or an arrest; else None."""
    if noun.lemma_.lower() not in ("attack", "arrest"):
        return None  # "a cardiac death" is still a death
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _BODILY_MODIFIERS:
            return f"{c.lemma_.lower()} {noun.lemma_.lower()}"
    return None


# An intrusion into computers: "a cyber attack", "the cybersecurity incident", "a data breach".
_CYBER_MODIFIERS = frozenset({
    "cyber", "cybersecurity", "cyber-security", "data", "ransomware", "malware", "hacking", "phishing", "ddos",
    "computer", "network",
})
_INTRUSION_NOUNS = frozenset({"attack", "incident", "breach", "intrusion"})
# Words an article about an intrusion uses: there "the breach" and "breached" are the intrusion.
_INTRUSION_WORDS = frozenset({"hacker", "hack", "hacking", "cyberattack", "ransomware", "malware", "phishing"})


def cyber_intrusion(noun):
    """ "a cyber attack", "the cybersecurity incident", "a data breach": the first word of the
    intrusion's phrase, or None (an armed attack, a breach of contract)."""
    if noun.lemma_.lower() not in _INTRUSION_NOUNS:
        return None
    found = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _CYBER_MODIFIERS]
    return min(found, key=lambda c: c.i) if found else None


def tells_of_an_intrusion(doc) -> bool:
    """An article about hackers: "hackers", "a cyberattack", "a data breach" somewhere in it."""
    return any(t.lemma_.lower() in _INTRUSION_WORDS or t.lower_.startswith("cyber")
               or (t.pos_ == "NOUN" and cyber_intrusion(t) is not None) for t in doc)


# Who collapses is a person, not a structure: "he collapsed on stage", "a worker collapsed".
_PEOPLE_WORDS = frozenset({"he", "she", "i", "we", "you", "him", "her", "his", "man", "woman", "boy", "girl",
                           "person", "child", "worker", "patient"})


def structure_collapse(token) -> bool:
    """ "the bridge collapsed", "the collapse of the mine": a structure gave way. Not a person's
    collapse ("he collapsed on stage and died": the death is the event)."""
    if token.pos_ == "VERB":
        sides = _subjects(token, ("nsubj", "nsubjpass"))  # "He fell and collapsed"
    else:
        sides = [c for c in token.children if c.dep_ == "poss"] + _objects_of(token, "of")
    return not any(_is_person(s) or s.lemma_.lower() in _PEOPLE_WORDS for s in sides)


def steps_down(verb) -> bool:
    """ "will step down as Tory leader", "stood down", "stepped aside": one leaves a post. Not
    troops or a crowd that stand down (a plural subject)."""
    if not any(c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "aside") for c in verb.children):
        return False
    sides = _subjects(verb, ("nsubj",))
    if verb.dep_ == "xcomp":  # "troops were told to stand down"
        sides += [c for c in verb.head.children if c.dep_ in ("nsubjpass", "dobj")]
    return not any(s.tag_ in ("NNS", "NNPS") for s in sides)


# What stands and can give way: when one falls, plunges or crashes down, it collapsed.
_STRUCTURES = frozenset({
    "bridge", "viaduct", "overpass", "flyover", "footbridge", "span", "building", "roof", "ceiling", "wall",
    "tower", "dam", "levee", "embankment", "stand", "grandstand", "balcony", "stage", "scaffolding", "crane",
    "house", "home", "block", "hotel", "school", "factory", "mall", "stadium", "church", "mosque", "temple",
    "mine", "tunnel", "structure", "skyscraper", "apartment", "warehouse", "facade", "floor", "storey", "story",
    "highway", "motorway", "road",
})
# A part of one: "a section of the bridge fell", "200 metres of the viaduct fell away".
_STRUCTURE_PARTS = frozenset({"section", "part", "portion", "stretch", "chunk", "length", "segment", "piece"})
_GIVING_WAY = frozenset({"fall", "plunge", "tumble", "crumble", "crash", "topple", "cave", "give", "come"})
_GIVING_WAY_PARTICLES = {"crash": ("down",), "give": ("way",), "come": ("down",), "cave": ("in",)}


def structure_gave_way(verb) -> bool:
    """ "the bridge fell", "a section of the viaduct plunged", "the roof gave way", "the tower came
    down": a structure's collapse, not a market's fall ("shares fell 5%") nor a person's."""
    lemma = verb.lemma_.lower()
    if lemma not in _GIVING_WAY:
        return False
    if (particles := _GIVING_WAY_PARTICLES.get(lemma)) is not None and not any(
        c.dep_ in ("prt", "advmod", "dobj", "prep") and c.lower_ in particles for c in verb.children
    ):
        return False  # "gave a speech", "came home", "crashed": not a structure giving way
    if any(c.dep_ in ("acomp", "oprd", "attr") for c in verb.children):
        return False  # "the stadium fell silent": a state it fell into
    return any(_a_structure(s) for s in _subjects(verb, ("nsubj",)))


_FALLING = frozenset({"fall", "plunge", "tumble", "plummet", "drop"})  # not "crash": a plane can crash into it


def fell_as_a_structure_gave_way(verb) -> bool:
    """ "their car fell 150ft as the bridge gave way", "plunging 30 vehicles to the ground",
    "vehicles fell in Tuesday's collapse": what fell with a structure is its collapse, told once.
    Not a price that fell the same day ("shares fell 5% after the collapse")."""
    if verb.lemma_.lower() not in _FALLING or _a_market_move(verb):
        return False
    return any(t.i != verb.i and (structure_gave_way(t) or (t.lemma_.lower() == "collapse" and structure_collapse(t)))
               for t in verb.sent)


def _a_market_move(verb) -> bool:
    """ "fell 5%", "dropped to $3", "plunged 200 points": a number's move."""
    return any(t.ent_type_ in ("PERCENT", "MONEY") or t.lower_ in ("%", "percent", "points", "point")
               for t in verb.subtree)


def _a_structure(noun) -> bool:
    """ "the bridge", "the Morandi bridge", "a section of the bridge", "200 metres of the viaduct"."""
    if noun.lemma_.lower() in _STRUCTURES:
        return True
    if noun.lemma_.lower() in _STRUCTURE_PARTS or noun.like_num or noun.ent_type_ == "QUANTITY":
        return any(o.lemma_.lower() in _STRUCTURES for o in _objects_of(noun, "of"))
    return False


# What is captured or seized when nobody is: "captured the imagination of a generation".
_CAPTURED_QUALITIES = frozenset({
    "imagination", "attention", "heart", "mood", "spirit", "essence", "feeling", "feel", "look", "interest",
    "moment", "image", "likeness", "character", "sense", "magic", "beauty", "fancy", "zeitgeist", "nuance",
})


def captured_a_quality(verb) -> bool:
    """ "she captured the imagination", "the photo captures the mood": no one was taken."""
    if verb.lemma_.lower() not in ("capture", "seize"):
        return False
    taken = done_to(verb)
    return bool(taken) and all(t.lemma_.lower() in _CAPTURED_QUALITIES for t in taken)


# What tells a strike is a stoppage of work, not an armed strike: "the general strike", "a 24-hour
# strike", "a hunger strike", "a rail strike", "went on strike".
_STOPPAGE_WORDS = frozenset({
    "general", "nationwide", "national", "hunger", "labor", "labour", "rail", "railway", "transport", "union",
    "teacher", "worker", "doctor", "nurse", "pilot", "staff", "employee", "indefinite", "wildcat", "sympathy",
    "warning", "one-day", "two-day", "public", "sector", "postal", "dock", "port", "miner", "taxi", "airline",
})
_STOPPAGE_VERBS = frozenset({"go", "be", "remain", "stay", "walk", "come"})  # "went on strike", "are on strike"


def work_stoppage(noun) -> bool:
    """ "the general strike", "a 24-hour strike", "workers went on strike": a walkout, not an attack."""
    if noun.lemma_.lower() != "strike":
        return False
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and (c.lemma_.lower() in _STOPPAGE_WORDS or _a_span_of_time(c)):
            return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_.lower() in _STOPPAGE_VERBS:
        return True
    strikers = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    return any(p.lemma_.lower() in _STOPPAGE_WORDS for p in strikers)


def _a_span_of_time(token) -> bool:
    """ "24-hour", "48-hour", "three-day": how long a stoppage lasts (one token or "24 - hour")."""
    first, _, unit = token.lower_.partition("-")
    if first and unit in _SPANS:
        return True
    return token.lemma_.lower() in _SPANS and any(c.like_num for c in token.children)


_SPANS = frozenset({"hour", "day", "week", "month"})


_ARMED_STRIKE_WORDS = frozenset({"air", "missile", "drone", "rocket", "military", "artillery", "nuclear", "airstrike",
                                 "precision", "retaliatory", "preemptive", "pre-emptive", "surgical", "naval"})


def armed_strike(noun) -> bool:
    """ "an air strike", "a missile strike": arms, whatever else the article's strikes are."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _ARMED_STRIKE_WORDS for c in noun.children)


# What a toll is counted in: when it rises, the count changes, nothing new happens.
_TOLL_COUNTS = frozenset({"toll", "tally", "count"})
_COUNTED_HARM = frozenset({"dead", "death", "victim", "casualty", "injured", "injury", "fatality"})
_COUNT_CHANGES = frozenset({"rise", "climb", "jump", "surge", "soar", "increase", "reach", "fall", "drop"})


def toll_changed(verb) -> bool:
    """ "the death toll rose to 24", "the number of dead climbed": a count revised (a claim that
    changes), not an event of its own."""
    if verb.lemma_.lower() not in _COUNT_CHANGES:
        return False
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        noun = subject.lemma_.lower()
        if noun in _TOLL_COUNTS:
            return True
        if noun == "number" and any(o.lemma_.lower() in _COUNTED_HARM for o in _objects_of(subject, "of")):
            return True
    return False


# Beating off an attack as it comes: "thwarted a pirate attack", "repulsed the raid", "warded off a
# piracy bid". The attack was made (sources tell its time and place) and the beating off is the
# news: one event, not an attack that did not happen. Phrasal ones need their particle.
# "prevent" and "avert" only of one attack told as done ("prevented a possible pirate attack"): mostly
# they tell what a measure does to attacks in general ("helps prevent attacks", "prevents attacks").
_REPELLING_VERBS = frozenset({"thwart", "foil", "repel", "repulse", "frustrate", "ward", "fend", "beat", "fight",
                              "prevent", "avert"})
_PREVENTING_ONE = frozenset({"prevent", "avert"})
_REPELLING_PARTICLES = {"ward": "off", "fend": "off", "beat": ("back", "off"), "fight": "off"}
# What is beaten off: an armed attack, a hijacking, a robbery, or the bid at one ("a piracy attempt").
_ATTACK_KINDS = frozenset({"attack", "kidnap", "rob"})
_ATTACK_WORDS = frozenset({"piracy", "terror", "terrorist", "pirate", "hijack"})
_KIND_OF = class_families()


def foils_an_attack(verb) -> bool:
    """ "the navy thwarted a pirate attack on a merchant vessel", "the pirate attack was foiled",
    "warded off a piracy bid"; not "to thwart attacks" (none made yet) nor "foiled a strike"."""
    if not _repels(verb) or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False  # a purpose ("to thwart attacks"), not a deed
    beaten_off = _what_is_beaten_off(verb)
    if verb.lemma_.lower() in _PREVENTING_ONE:
        if verb.tag_ not in ("VBD", "VBN", "VBZ"):
            return False
        beaten_off = [c for c in beaten_off if c.tag_ == "NN" and any(d.dep_ == "det" for d in c.children)]
    if any(an_attack_made(c) for c in beaten_off):
        return True
    # "thwarted the designs of the pirates to hijack ships": the aim hangs on the verb
    return any(c.lemma_.lower() in _INTENTIONS for c in beaten_off) and any(
        c.dep_ in ("advcl", "xcomp") and _KIND_OF.get(c.lemma_.lower()) in _ATTACK_KINDS for c in verb.children)


def _repels(verb) -> bool:
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _REPELLING_VERBS:
        return False
    particle = _REPELLING_PARTICLES.get(lemma)
    return not particle or any(c.dep_ == "prt" and c.lower_ in particle for c in verb.children)


def _what_is_beaten_off(verb) -> list:
    """The verb's object; in a headline's shorthand also "Pirate attack foiled" (a participle with
    no auxiliary: its subject) and "Navy foils piracy bid" (the parser's clause "piracy bid")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        found += [c for c in verb.children if c.dep_ == "nsubj"]
    found += [c for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() in _INTENTIONS]
    return found


def an_attack_made(noun) -> bool:
    """ "a pirate attack", "the raid", "a piracy attempt", "a bid to hijack the ship"."""
    if _KIND_OF.get(noun.lemma_.lower()) in _ATTACK_KINDS or noun.lemma_.lower() == "piracy":
        return True
    if noun.lemma_.lower() not in _INTENTIONS:
        return False
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod", "nsubj") and (c.lemma_.lower() in _ATTACK_WORDS
                                                        or _KIND_OF.get(c.lemma_.lower()) in _ATTACK_KINDS):
            return True  # "a piracy attempt", "a hijacking bid"
        if c.dep_ in ("acl", "relcl") and _KIND_OF.get(c.lemma_.lower()) in _ATTACK_KINDS:
            return True  # "an attempt to hijack the ship"
    return False


def foiled_noun(noun) -> bool:
    """An attack noun a verb beats off: the verb's event tells it ("thwarted a pirate attack"), or
    none happened ("patrols to thwart attacks")."""
    head = noun.head
    if noun.dep_ == "compound" and head.lemma_.lower() in _INTENTIONS:
        noun, head = head, head.head  # "a hijacking attempt", foiled
    if head.lemma_.lower() in _PREVENTING_ONE and not foils_an_attack(head):
        return False  # "helps prevent attacks": attacks in general, told as they are
    return _repels(head) and noun in _what_is_beaten_off(head) and an_attack_made(noun)


# Verbs that keep an event from happening, and what is meant to happen before it does.
_PREVENTING = frozenset({"thwart", "foil", "prevent", "avert", "frustrate", "block", "scupper", "deter", "stave", "fail"})
_PREVENTING_FROM = _PREVENTING | {"stop", "halt", "bar", "keep"}  # "stopped the pirates from boarding"
_INTENTIONS = frozenset({"attempt", "bid", "plan", "plot", "design", "effort", "try", "scheme", "conspiracy"})
_CANNOT = frozenset({"impossible", "unable", "hard", "difficult"})  # "would be impossible to sell"
_MODALS = frozenset({"can", "could", "would", "might", "may", "should"})


def unrealised(token) -> bool:
    """An event that did not happen: kept from happening ("thwarted the designs of the pirates to
    hijack ships", "foiled a hijacking attempt", "prevented them from boarding", "failed to kill"),
    done otherwise ("instead of arresting them"), out of reach ("would be impossible to sell"), or
    only asked about ("Can such treasures be sold?").
    What was only tried is still told ("tried to storm parliament"): sources report the attempt."""
    head = token.head
    if token.pos_ == "NOUN" and token.dep_ == "compound":
        # "a hijacking attempt", foiled
        return head.lemma_.lower() in _INTENTIONS and head.head.lemma_.lower() in _PREVENTING
    if token.pos_ != "VERB":
        return False
    if token.dep_ == "pcomp" and head.lower_ == "from" and head.head.lemma_.lower() in _PREVENTING_FROM:
        return True
    if token.dep_ == "pcomp" and head.lower_ == "of" and "instead" in (head.head.lower_, *(c.lower_ for c in head.children)):
        return True  # "instead of arresting the pirates, the commandos set them adrift"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if infinitive and token.dep_ in ("advcl", "xcomp", "acl"):
        governor = head.lemma_.lower()
        if governor in _PREVENTING or governor in _CANNOT:
            return True
        if governor == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in _CANNOT for c in head.children):
            return True  # "would be impossible to sell"
        if governor in _INTENTIONS and head.pos_ == "NOUN":
            return head.head.lemma_.lower() in _PREVENTING  # "foiled an attempt to hijack"
    # A question told with a modal: what may happen, not what did (its "?" hangs on the verb).
    asked = any(c.text == "?" for c in token.children)
    return asked and any(c.dep_ == "aux" and c.lemma_.lower() in _MODALS for c in token.children)
