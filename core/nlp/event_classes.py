"""Classes of news events: the verbs and nouns that name one kind of happening, whichever word a
source uses ("struck", "hit", "jolted" an island; "bought", "acquired", "the acquisition of").

A general lexicon of the kinds of event news reports (disasters, violence, crime and justice, deals,
politics, sport, business), in the spirit of VerbNet/FrameNet classes, kept small and explicit:
no lexical database ships its data on PyPI for offline use. Each class maps lemmas to one family
name; `core.nlp.event_lexicon.FAMILIES` merges these with its own.
"""

from __future__ import annotations

# An attack beaten off, told by its beating off ("the navy thwarted a pirate attack").
FOILED_ATTACK = "foil attack"

# family -> (verbs, nouns): lemmas as spaCy gives them.
CLASSES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "quake": ((), ("earthquake", "quake", "tremor", "temblor", "seism")),
    "aftershock": ((), ("aftershock",)),
    "storm": ((), ("hurricane", "storm", "cyclone", "typhoon", "tornado", "flood", "flooding", "landslide",
                   "mudslide", "tsunami", "avalanche", "blizzard", "landfall")),
    "erupt": (("erupt",), ("eruption",)),
    # a structure giving way: "the bridge collapsed", "the collapse" (a person's collapse is none,
    # `event_senses.structure_collapse`)
    "collapse": (("collapse",), ("collapse", "cave-in")),
    "kill": (("kill", "murder", "slay", "die", "assassinate", "massacre", "execute", "stab", "strangle"),
             ("killing", "murder", "death", "homicide", "assassination", "massacre", "slaying", "stabbing",
              "suicide")),
    "fire": (("burn", "torch", "gut"), ("fire", "blaze", "inferno", "arson", "wildfire", "bushfire")),
    # shootings and bombings too: sources say "the shooting", "the attack" and "opened fire" of
    # one, and "the blast", "the bombing" and "the attack" of another
    "attack": (("attack", "raid", "assault", "ambush", "invade", "shell", "bombard", "strafe", "shoot", "gun",
                "explode", "bomb", "detonate", "firebomb", FOILED_ATTACK),
               ("attack", "raid", "assault", "airstrike", "ambush", "offensive", "invasion", "incursion",
                "bombardment", "shelling", "strafing", "shooting", "gunfire", "shootout", "gunshot",
                "explosion", "blast", "bomb", "bombing", "detonation", "firebomb", "firebombing")),
    "injure": (("injure", "wound", "hurt"), ("injury",)),
    # what a body suffers (`event_senses.bodily_episode`): not an attack, not an arrest
    "illness": ((), ("heart attack", "cardiac arrest", "respiratory arrest", "panic attack", "anxiety attack",
                     "asthma attack")),
    "abuse": (("rape", "molest", "abuse", "sexually assault"), ("rape", "molestation", "abuse", "sexual assault")),
    "arrest": (("arrest", "detain", "apprehend", "capture", "nab"),
               ("arrest", "detention", "capture", "custody")),
    "charge": (("charge", "indict", "accuse"), ("indictment", "charge")),
    "convict": (("convict",), ("conviction", "verdict")),
    "sentence": (("sentence", "jail", "imprison"), ("sentencing",)),
    "trial": (("try",), ("trial", "hearing", "arraignment")),
    "plead": (("plead",), ("plea",)),
    "escape": (("escape", "flee"), ("escape", "breakout", "jailbreak", "manhunt")),
    # the law's raid on a suspect's home or a store (`event_senses.police_raid`): no attack, no robbery
    "police_raid": (("police raid",), ("police raid",)),
    # Taken by force or not, as sources tell one heist: "robbed a jeweller", "stole $100m of gems".
    "rob": (("rob", "burgle", "burglarize", "loot", "steal", "snatch", "pilfer"),
            ("robbery", "burglary", "heist", "holdup", "looting", "theft")),
    "fraud": (("defraud", "embezzle"), ("fraud", "embezzlement")),
    # an intrusion into computers: "hackers breached", "the data breach", "a cybersecurity incident"
    # ("breach" only where the article tells of one, `event_senses.tells_of_an_intrusion`)
    "hack": (("hack", "breach"), ("hack", "hacking", "cyberattack", "breach")),
    "bribe": (("bribe",), ("bribery",)),
    "smuggle": (("smuggle",), ("smuggling", "trafficking")),
    "drive drunk": (("drive drunk",), ("drive drunk",)),
    "kidnap": (("kidnap", "abduct", "hijack"), ("kidnapping", "abduction", "hijacking")),
    "rescue": (("rescue", "evacuate"), ("rescue", "evacuation")),
    "crash": (("crash", "collide", "derail", "sink", "capsize"),
              ("crash", "collision", "derailment", "wreck", "sinking")),
    "acquire": (("buy", "acquire", "purchase", "sell", "merge", "takeover"),
                ("acquisition", "purchase", "takeover", "buyout", "merger", "deal")),
    "release": (("unveil", "introduce", "debut", "launch", "issue", "patch", "ship"),
                ("unveiling", "introduction", "debut", "launch", "release", "patch", "update", "upgrade", "fix")),
    "appoint": (("appoint", "nominate", "hire", "elect", "cast", "take the role"),
                ("appointment", "nomination", "election", "casting")),
    "resign": (("resign", "quit", "retire"), ("resignation", "retirement")),
    # a rule, a law or a ruling undone: "overturned the rule", "reversed Bush", "the repeal of"
    "overturn": (("overturn", "reverse", "repeal", "rescind", "revoke", "undo", "abolish", "annul", "quash"),
                 ("reversal", "repeal", "revocation", "rescission", "annulment")),
    "fire_staff": (("sack", "dismiss", "oust"), ("dismissal", "layoff", "ouster")),
    "win": (("win", "beat", "defeat", "clinch", "rout", "edge", "lose to"), ("win", "victory", "defeat", "triumph")),
    "sign": (("sign",), ("signing",)),
    "admit": (("check in", "hospitalize"), ("rehab", "rehabilitation", "hospitalization")),
    "meet": (("negotiate", "bargain"), ("negotiation", "bargaining")),
    "offer": (("bid",), ("offer", "bid", "proposal")),
    "ceremony": ((), ("ceremony", "gala", "festival", "concert", "premiere", "telecast", "broadcast")),
    # "party" too, when it is one (`event_senses.gathering_party`): mostly it is a political party
    "gathering": ((), ("reception", "banquet", "luncheon", "wedding", "funeral", "vigil", "parade", "celebration")),
    "contest": ((), ("tournament", "championship", "playoff", "match", "game", "race", "bout", "final")),
    # a stoppage of work: "the general strike" (`event_senses.work_stoppage`), not an armed strike
    "walkout": ((), ("walkout", "stoppage")),
    "outage": ((), ("outage", "downtime", "blackout", "disruption", "glitch")),
    "fall": (("fall", "drop", "plunge", "tumble", "slump", "decline"), ("fall", "drop", "decline", "plunge", "slump")),
    "rise": (("rise", "climb", "jump", "surge", "soar"), ("rise", "increase", "jump", "surge")),
    "damage": (("sever", "damage"), ("damage",)),
    "protest": (("protest", "riot", "rally", "demonstrate", "disperse", "clash"),
                ("protest", "demonstration", "riot", "rally", "rioting", "unrest", "uprising", "clash")),
}

# Verbs that say what an event did to a place or people ("an earthquake struck Aceh", "a blast rocked
# the city"): with an event noun as subject they are that noun's event, not an event of their own.
IMPACT_VERBS = frozenset({
    "strike", "hit", "jolt", "rock", "shake", "rattle", "jar", "hammer", "slam", "devastate", "level",
    "flatten", "ravage", "batter", "pound", "sweep", "engulf", "destroy", "damage", "tear", "rip",
    "gut", "raze", "occur", "happen", "erupt", "break", "roll", "leave", "cause", "measure", "rumble",
})


def class_families() -> dict[str, str]:
    """Lemma -> family, over every class."""
    found: dict[str, str] = {}
    for family, (verbs, nouns) in CLASSES.items():
        for lemma in (*verbs, *nouns):
            found.setdefault(lemma, family)
    return found


def class_verbs() -> set[str]:
    return {verb for verbs, _ in CLASSES.values() for verb in verbs}


def class_nouns() -> set[str]:
    return {noun for _, nouns in CLASSES.values() for noun in nouns}
