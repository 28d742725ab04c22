"""English verb forms for headlines: the past participle of a lemma ("Smith sentenced", "Jones cast").

spaCy lemmatises but does not inflect, and the inflection libraries on PyPI load large tables
(about a second) for what a headline needs: regular spelling rules and the closed list of
irregular verbs.
"""

from __future__ import annotations

# The irregular verbs of English, lemma -> past participle (the standard list, American forms;
# "born" for "bear": in news it is nearly always a birth).
IRREGULAR_PARTICIPLES: dict[str, str] = {
    "arise": "arisen", "awake": "awoken", "be": "been", "bear": "born", "beat": "beaten", "become": "become",
    "begin": "begun", "bend": "bent", "bet": "bet", "bid": "bid", "bind": "bound", "bite": "bitten",
    "bleed": "bled", "blow": "blown", "break": "broken", "breed": "bred", "bring": "brought",
    "broadcast": "broadcast", "build": "built", "burn": "burned", "burst": "burst", "buy": "bought",
    "cast": "cast", "catch": "caught", "choose": "chosen", "cling": "clung", "come": "come", "cost": "cost",
    "creep": "crept", "cut": "cut", "deal": "dealt", "dig": "dug", "do": "done", "draw": "drawn",
    "drink": "drunk", "drive": "driven", "eat": "eaten", "fall": "fallen", "feed": "fed", "feel": "felt",
    "fight": "fought", "find": "found", "flee": "fled", "fling": "flung", "fly": "flown", "forbid": "forbidden",
    "forecast": "forecast", "foresee": "foreseen", "forget": "forgotten", "forgive": "forgiven",
    "freeze": "frozen", "get": "gotten", "give": "given", "go": "gone", "grind": "ground", "grow": "grown",
    "hang": "hung", "have": "had", "hear": "heard", "hide": "hidden", "hit": "hit", "hold": "held",
    "hurt": "hurt", "keep": "kept", "kneel": "knelt", "know": "known", "lay": "laid", "lead": "led",
    "leave": "left", "lend": "lent", "let": "let", "lie": "lain", "light": "lit", "lose": "lost",
    "make": "made", "mean": "meant", "meet": "met", "mislead": "misled", "overcome": "overcome",
    "overtake": "overtaken", "overthrow": "overthrown", "pay": "paid", "put": "put", "quit": "quit",
    "read": "read", "rebuild": "rebuilt", "rid": "rid", "ride": "ridden", "ring": "rung", "rise": "risen",
    "run": "run", "say": "said", "see": "seen", "seek": "sought", "sell": "sold", "send": "sent",
    "set": "set", "shake": "shaken", "shed": "shed", "shine": "shone", "shoot": "shot", "show": "shown",
    "shrink": "shrunk", "shut": "shut", "sing": "sung", "sink": "sunk", "sit": "sat", "slay": "slain",
    "sleep": "slept", "slide": "slid", "speak": "spoken", "spend": "spent", "spin": "spun", "split": "split",
    "spread": "spread", "spring": "sprung", "stand": "stood", "steal": "stolen", "stick": "stuck",
    "sting": "stung", "stride": "stridden", "strike": "struck", "string": "strung", "strive": "striven",
    "swear": "sworn", "sweep": "swept", "swim": "swum", "swing": "swung", "take": "taken", "teach": "taught",
    "tear": "torn", "tell": "told", "think": "thought", "throw": "thrown", "thrust": "thrust",
    "undergo": "undergone", "understand": "understood", "undertake": "undertaken", "upset": "upset",
    "wake": "woken", "wear": "worn", "weep": "wept", "win": "won", "wind": "wound", "withdraw": "withdrawn",
    "withhold": "withheld", "write": "written",
}

_VOWELS = set("aeiou")


def past_participle(verb: str) -> str:
    """The past participle of a verb lemma; of a phrasal verb, its first word's ("check in" ->
    "checked in")."""
    first, _, rest = verb.partition(" ")
    word = first.lower()
    if word in IRREGULAR_PARTICIPLES:
        done = IRREGULAR_PARTICIPLES[word]
    elif word.endswith("e"):
        done = word + "d"
    elif len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        done = word[:-1] + "ied"
    elif _doubles_last(word):
        done = word + word[-1] + "ed"
    else:
        done = word + "ed"
    return f"{done} {rest}" if rest else done


def _doubles_last(word: str) -> bool:
    """A one-syllable word ending consonant-vowel-consonant doubles its last letter ("stop" ->
    "stopped", "ban" -> "banned"); longer words mostly do not ("visit", "offer")."""
    if len(word) < 3 or word[-1] in _VOWELS or word[-1] in "wxy":
        return False
    if word[-2] not in _VOWELS or word[-3] in _VOWELS:
        return False
    return sum(1 for c in word if c in _VOWELS) == 1
