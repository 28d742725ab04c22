"""Small string rules for names: titles, keys, tokens, acronyms.

Shared by the per-article step (`core.nlp.mentions`) and the corpus step (`core.link.entities.linking`). Only
general vocabulary lives here (honorifics, office titles, function words), never a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Words that stand before a surname ("Mr. Kim", "Defense Minister Kim", "Gen. Brown").
# Abbreviations map to their full word so "Adm. Kim" and "Admiral Kim" compare equal.
TITLE_ABBREVIATIONS = {
    "mr": "mr", "mrs": "mrs", "ms": "ms", "miss": "miss", "dr": "doctor", "prof": "professor",
    "gen": "general", "adm": "admiral", "lt": "lieutenant", "col": "colonel", "capt": "captain",
    "cpt": "captain", "maj": "major", "sgt": "sergeant", "cpl": "corporal", "pvt": "private",
    "gov": "governor", "sen": "senator", "rep": "representative", "det": "detective",
    "pres": "president", "supt": "superintendent", "insp": "inspector", "rev": "reverend",
    "cmdr": "commander", "cdr": "commander", "amb": "ambassador", "sec": "secretary",
}
TITLES = set(TITLE_ABBREVIATIONS.values()) | {
    "general", "admiral", "lieutenant", "colonel", "captain", "major", "sergeant", "corporal",
    "private", "president", "vice", "prime", "minister", "secretary", "chancellor", "senator",
    "representative", "congressman", "congresswoman", "governor", "mayor", "judge", "justice",
    "chief", "commander", "king", "queen", "prince", "princess", "pope", "sir", "dame", "lord",
    "lady", "leader", "ambassador", "spokesman", "spokeswoman", "spokesperson", "director",
    "chairman", "chairwoman", "chair", "premier", "sheriff", "officer", "detective", "deputy",
    "attorney", "prosecutor", "professor", "doctor", "inspector", "superintendent", "reverend",
    "father", "sister", "brother", "dictator", "envoy", "marshal", "trooper", "agent", "coach",
    "councilman", "councilwoman", "commissioner", "chairperson", "emperor", "sheikh", "rabbi",
    "cardinal", "bishop", "archbishop", "ayatollah", "crown", "first", "foreign", "defense",
    "defence", "interior", "finance", "state", "army", "navy", "police", "undersheriff",
    "receptionist", "ceo", "cfo", "coo", "founder", "president-elect", "undersecretary", "lawmaker", "legislator",
}
# Titles that say nothing about which person is meant ("Mr. Kim" could be anyone).
GENERIC_TITLES = {"mr", "mrs", "ms", "miss", "sir", "first", "foreign", "defense", "defence",
                  "interior", "finance", "state", "army", "navy", "police", "vice", "deputy", "chief"}

NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}

# Function words that an acronym skips ("Joint Chiefs of Staff" -> JCS).
ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "la", "le", "del", "&", "a", "an"}

_QUOTED = re.compile(r"[\"“”‘’']([^\"“”‘’']{1,20})[\"“”‘’']")  # nickname: Charles “CQ” Brown
_POSSESSIVE = re.compile(r"(?<=\w)(?:['’]s|s['’]|['’])$")
_SPACES = re.compile(r"\s+")


def normalise_title(word: str) -> str:
    word = word.strip(".,").casefold()
    return TITLE_ABBREVIATIONS.get(word, word)


def is_title(word: str) -> bool:
    return normalise_title(word) in TITLES


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text) if not text.endswith("s'") else text[:-1]


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """Display form: whitespace collapsed, no leading article, no possessive."""
    text = _SPACES.sub(" ", text).strip()
    if text[:4].casefold() == "the " and len(text) > 4:
        text = text[4:]
    text = re.sub(r"(?<=\w)['’]s$", "", text)
    return text.strip()


def person_words(text: str) -> list[str]:
    """A person's name as words, without titles, nicknames and trailing suffixes."""
    text = _QUOTED.sub(" ", clean_name(text))
    words = [w for w in _SPACES.split(text) if w]
    while len(words) > 1 and is_title(words[0]):
        words.pop(0)
    while len(words) > 1 and words[-1].strip(".,").casefold() in NAME_SUFFIXES:
        words.pop()
    return words


@lru_cache(maxsize=65536)
def person_display(text: str) -> str:
    """A person's name as shown: leading titles dropped, a nickname kept ("Charles “CQ” Brown")."""
    shown = clean_name(text).split()
    while len(shown) > 1 and is_title(shown[0]):
        shown.pop(0)
    return " ".join(shown)


_KEY_DROP = re.compile(r"['.’]")
_KEY_SPLIT = re.compile(r"[\s\-–]+")


def key_tokens(text: str) -> list[str]:
    """Comparable tokens: case-folded, dots and apostrophes gone, hyphens split."""
    return name_key(text).split()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Accents and other scripts' letters folded to ASCII first, so "Vendôme" and "Vendome" compare equal."""
    if not text.isascii():
        text = anyascii(text.replace("’", "'"))
    return " ".join(t for t in _KEY_SPLIT.split(_KEY_DROP.sub("", text.casefold())) if t)


def person_key(text: str) -> str:
    return " ".join(key_tokens(" ".join(person_words(text))))


def is_initial(token: str) -> bool:
    return len(token) == 1


@lru_cache(maxsize=65536)
def acronym_letters(text: str) -> str | None:
    """"U.S." -> "US", "KCNA" -> "KCNA"; None when the text is not an acronym."""
    letters = text.replace(".", "").replace("&", "")
    if 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper():
        return letters
    return None


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """First letters of the capitalised words: "Korean Central News Agency" -> "KCNA"."""
    out = []
    for word in re.split(r"[\s]+", clean_name(text)):
        if not word or word.casefold() in ACRONYM_SKIP:
            continue
        if word[0].isupper():
            out.append(word[0])
        else:
            return ""  # a lower-case content word: not a proper name
    return "".join(out)


def looks_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)
