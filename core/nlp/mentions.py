"""Per-article mentions: spaCy's entity spans, tidied, with short name forms resolved.

Receives a spaCy Doc but never imports spaCy (`core.nlp` owns the model). Every span keeps exact
offsets into the article text; tidying only moves its edges (a leading "the", a possessive "'s").
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import replace

from newsx.core.model.analyses import Mention
from newsx.core.nlp import gazetteer
from newsx.core.nlp.names import (
    GENERIC_TITLES,
    acronym_letters,
    is_title,
    key_tokens,
    normalise_title,
    person_display,
    person_words,
)

# Nouns that make the name before them a place ("the Tigray region", "Kherson oblast").
PLACE_NOUNS = {"region", "province", "oblast", "border", "city", "town", "village", "county",
               "district", "prefecture", "governorate", "municipality"}
NATURAL_PLACE_NOUNS = {"island", "islands", "peninsula", "valley", "river", "strait", "mountain",
                       "mountains", "lake", "bay", "gulf", "sea", "coast"}
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
NOT_PLACE_LABELS = {"PRODUCT", "WORK_OF_ART", "PERSON", "ORG", "EVENT", "LAW"}
# Labels a fragment of a person's name may carry when the model got it wrong.
FRAGMENT_LABELS = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Names a person's span may have swallowed a word of ("Ford Fusion LaCalamita"); not dates.
GLUE_LABELS = {"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "GPE", "NORP", "LOC", "EVENT", "LAW"}
# Government portfolios, as in "Defense Secretary" or "Minister of Finance".
PORTFOLIO_WORDS = {"defense", "defence", "state", "treasury", "interior", "justice", "foreign",
                   "finance", "commerce", "energy", "education", "health", "labor", "labour",
                   "agriculture", "transportation", "transport", "unification", "homeland",
                   "security", "trade", "culture", "environment", "veterans", "war", "navy", "army"}

NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin",
                  "ibn", "al", "el", "ben", "dos", "das", "ter", "y"}
_NAME_WORD = re.compile(r"[A-Z][A-Za-z]*(?:['’-][A-Za-z]+)*")
# Time-zone codes the model takes for organisations ("0722 GMT"): part of a time, not a name.
TIME_ZONE_CODES = {"GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "HST",
                   "BST", "CET", "CEST", "EET", "EEST", "WET", "MSK", "IST", "KST", "JST", "HKT", "SGT",
                   "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT"}
PLACE_LABELS = {"GPE", "LOC"}
# An abbreviated state or district after a city: the "D.C." of "Washington, D.C.", "Calif.", "N.Y.".
_ABBREVIATED_QUALIFIER = re.compile(r"(?:[A-Z][a-z]?\.){1,3}|[A-Z][a-z]{1,4}\.")
_TRAILING_JUNK = {"'s", "’s", "'", "’", ",", ";", ":", "-", "—", "–", '"', "“", "”", "(", ")"}
_EDGE_PUNCT = set("-–—,;:'\"“”‘’()[]")
_LEADING_JUNK = {"the", '"', "“", "”", "'", "‘", "(", ")", ",", "-", "—", "–"}


def extract_mentions(doc, text: str | None = None) -> list[Mention]:
    """Every entity span of the Doc (dates and numbers too, for the claims layer); `text` is the
    Doc's text when the caller has it (Doc.text builds a Token for every token to join it)."""
    sentence_of: dict[int, int] = {}
    for i, sent in enumerate(doc.sents):
        sentence_of[sent.start] = i
    doc_text = doc.text if text is None else text
    found: list[tuple[Mention, set[str]]] = []
    before = None  # the entity span before this one
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON"}
    for ent in doc.ents:
        ent_before, before = before, ent
        ent = _after_an_owner(ent, surnames)
        if _is_office_word(doc, ent) or _PLURAL_ACRONYM.fullmatch(ent.text):
            continue  # a job title's part, or a plural like "ICBMs": not a name
        if ent.text in TIME_ZONE_CODES or _is_place_qualifier(ent, ent_before, doc_text):
            continue
        span = _trimmed_span(ent, doc_text)
        if span is None:
            continue
        span = _extended_name(doc, ent, span, doc_text)
        start, end = span
        text = doc_text[start:end]
        label = _corrected_label(doc, ent)
        sentence = sentence_of.get(ent.sent.start, 0)
        mention = Mention(start, end, text, label, sentence)
        found.append((mention, _titles_around(doc, ent)))
    return resolve_in_article(found, _subject_fragments(doc))


def _after_an_owner(ent, surnames: set[str]):
    """The name after a person's possessive the model ran into it: "New York" of "Weinstein's New
    York sentencing", where the article names a Weinstein (a company's "McDonald's" stays whole)."""
    if ent.label_ == "PERSON":
        return ent
    for k in range(1, len(ent) - 1):
        if ent[k].text in ("'s", "’s") and ent[k - 1].text in surnames:
            rest = ent.doc[ent.start + k + 1 : ent.end]
            label = "GPE" if gazetteer.place(rest.text) is not None else ent.label_
            return type(ent)(ent.doc, rest.start, rest.end, label=label)
    return ent


def _is_place_qualifier(ent, ent_before, doc_text: str) -> bool:
    """The abbreviation that says which state a city is in ("Washington, D.C."): not a place of
    its own in the index."""
    return (
        ent.label_ in PLACE_LABELS
        and ent_before is not None
        and ent_before.label_ in PLACE_LABELS
        and doc_text[ent_before.end_char:ent.start_char] == ", "
        and _ABBREVIATED_QUALIFIER.fullmatch(ent.text) is not None
    )


def _trimmed_span(ent, doc_text: str) -> tuple[int, int] | None:
    tokens = list(ent)
    while tokens and tokens[0].lower_ in _LEADING_JUNK:
        tokens.pop(0)
    # "An Indian Navy ship": the article the model took in (a determiner, so "A" of a name stays)
    while len(tokens) > 1 and tokens[0].lower_ in ("a", "an") and tokens[0].pos_ == "DET":
        tokens.pop(0)
    while tokens and (tokens[-1].text in _TRAILING_JUNK or tokens[-1].is_space):
        tokens.pop()
    if ent.label_ == "PERSON":
        # "Purportedly Simpson", "Herbert Flynn Jr told": words that are not part of a name.
        while len(tokens) > 1 and (tokens[0].is_lower or (tokens[0].pos_ == "ADV" and tokens[0].lower_.endswith("ly"))):
            tokens.pop(0)
        while len(tokens) > 1 and not _glued(tokens[-2], tokens[-1]) and (
                tokens[-1].is_lower and tokens[-1].text not in NAME_PARTICLES or tokens[-1].is_punct):
            tokens.pop()
        words = [t for t in tokens if t.is_alpha]
        if not any(t.text[:1].isupper() for t in words) or all(is_title(t.text) for t in words):
            return None  # "van", "Sheriff", "Sgt": no name in it
    if not tokens:
        return None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    text = doc_text[start:end]
    # A span across a line break is two things glued by the model (a caption and a name).
    if "\n" in text:
        parts, offset = [], 0
        for part in text.split("\n"):
            parts.append((len(part.strip()), offset, part))
            offset += len(part) + 1
        _, offset, part = max(parts)
        lead = len(part) - len(part.lstrip())
        start, end = start + offset + lead, start + offset + len(part.rstrip())
        text = doc_text[start:end]
    # A possessive the tokenizer left attached ("France’s").
    for suffix in ("'s", "’s"):
        if text.endswith(suffix) and len(text) > 2 and text[-3].isalpha():
            end -= 2
            text = text[:-2]
    # Punctuation glued to a token ("Merkel-", "“Smith").
    while text and text[-1] in _EDGE_PUNCT:
        text, end = text[:-1], end - 1
    while text and text[0] in _EDGE_PUNCT:
        text, start = text[1:], start + 1
    if not text.strip() or not any(c.isalnum() for c in text):
        return None
    return start, end


def _glued(a, b) -> bool:
    """Whether two tokens touch ("Yong" "-" "hyun"): one word the tokenizer split."""
    return a.idx + len(a.text) == b.idx


def _is_office_word(doc, ent) -> bool:
    """"Defense" in "Defense Secretary X", "State" in "Secretary of State": a portfolio word
    that is part of a job title, not an organisation mentioned."""
    if ent.label_ != "ORG" or len(ent) != 1 or ent.root.lower_ not in PORTFOLIO_WORDS:
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and is_title(after.text) and normalise_title(after.text) not in GENERIC_TITLES:
        return True
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and is_title(doc[ent.start - 2].text)


def _extended_name(doc, ent, span: tuple[int, int], text: str) -> tuple[int, int]:
    """A person's name the model cut short: "Park Geun" + "-hye", "Lee Jae" + " Myung",
    "Ka'Loni" + " Marie Flynn"."""
    start, end = span
    if ent.label_ != "PERSON":
        return span
    i = ent.start - 1
    while start == doc[i + 1].idx and i >= 0 and _loose_name_word(doc[i]) and text[doc[i].idx + len(doc[i].text):start] == " ":
        start = doc[i].idx
        i -= 1
    if end != ent.end_char:
        return start, end
    i = ent.end
    while i < len(doc):
        token = doc[i]
        if token.text == "-" and token.idx == end and i + 1 < len(doc) and doc[i + 1].idx == end + 1 and doc[i + 1].is_alpha:
            end = doc[i + 1].idx + len(doc[i + 1].text)
            i += 2
        elif _loose_name_word(token) and text[end:token.idx] == " ":
            end = token.idx + len(token.text)
            i += 1
        else:
            break
    return start, end


def _loose_name_word(token) -> bool:
    """A capitalised proper noun outside any entity: likely the rest of a name."""
    return (token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper()
            and _NAME_WORD.fullmatch(token.text) is not None and not is_title(token.text))


def _corrected_label(doc, ent) -> str:
    label = ent.label_
    if label in NOT_PLACE_LABELS:
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and not ent.text.isupper():
            if after.lower_ in PLACE_NOUNS:
                return "GPE"
            if after.lower_ in NATURAL_PLACE_NOUNS:
                return "LOC"
    return label


def _titles_around(doc, ent) -> set[str]:
    """Specific titles in or just before a span: "Defense Minister Lee" -> {"minister"}."""
    titles = {normalise_title(t.text) for t in ent if is_title(t.text)}
    i = ent.start - 1
    while i >= 0 and i >= ent.start - 4:
        token = doc[i]
        if is_title(token.text):
            titles.add(normalise_title(token.text))
        elif not (token.text[:1].isupper() or token.text in {".", "-"}):
            break
        i -= 1
    return {t for t in titles if t not in GENERIC_TITLES}


def _subject_fragments(doc) -> set[int]:
    """Starts of single-word place spans used as a clause subject ("Jordan said")."""
    starts = set()
    for ent in doc.ents:
        if ent.label_ in {"GPE", "LOC", "NORP"} and len(ent) == 1 and ent.root.dep_ in SUBJECT_DEPS:
            before = doc[ent.start - 1] if ent.start > 0 else None
            if before is None or before.pos_ != "ADP":
                starts.add(ent.start_char)
    return starts


def _name_tokens(text: str) -> frozenset[str]:
    return frozenset(t for t in key_tokens(" ".join(person_words(text))) if len(t) > 1)


def _split_glued_names(found: list[tuple[Mention, set[str]]]) -> list[tuple[Mention, set[str]]]:
    """"Ford Fusion LaCalamita was driving": the model read "Fusion LaCalamita" as a name. When a
    person span directly follows another entity and, without its first word, is part of a
    full name in the article that lacks that word, the first word belonged to the entity before."""
    people = [_name_tokens(m.text) for m, _ in found if m.label == "PERSON" and len(m.text.split()) >= 2]
    out = list(found)
    for i in range(1, len(found)):
        mention, titles = found[i]
        before = found[i - 1][0]
        words = mention.text.split(" ")
        if (mention.label != "PERSON" or len(words) < 2 or mention.start - before.end != 1
                or before.label not in GLUE_LABELS):
            continue
        first, rest = _name_tokens(words[0]), _name_tokens(" ".join(words[1:]))
        mine = _name_tokens(mention.text)
        if rest and any(rest <= p and not first & p and p != mine for p in people):
            cut = len(words[0]) + 1
            out[i] = (replace(mention, start=mention.start + cut, text=mention.text[cut:]), titles)
    return out


def resolve_in_article(found: list[tuple[Mention, set[str]]], subject_fragments: AbstractSet[int] = frozenset()) -> list[Mention]:
    """Point short name forms at the full name they stand for in this article.

    A surname, first name or title form ("Jordan", "Angela", "Admiral Lee") takes the nearest
    earlier full name that contains it, or the next one when none came before. When the short
    form carries a specific title that one of the full names also carried, those come first, so
    "Minister Lee" and "Senator Lee" find different people.
    """
    found = _split_glued_names(found)
    full: list[tuple[Mention, set[str], frozenset[str], str]] = []
    for mention, titles in found:
        if mention.label == "PERSON":
            words = person_words(mention.text)
            tokens = frozenset(t for t in key_tokens(" ".join(words)) if len(t) > 1)
            if len(words) >= 2 and len(tokens) >= 2:
                full.append((mention, titles, tokens, person_display(mention.text)))
    if not full:
        return [m for m, _ in found]

    out = []
    for mention, titles in found:
        if mention.label not in FRAGMENT_LABELS and mention.start not in subject_fragments:
            out.append(mention)
            continue
        if acronym_letters(mention.text):
            out.append(mention)  # "UN" is not a piece of "Kang Chol Un"
            continue
        tokens = frozenset(t for t in key_tokens(" ".join(person_words(mention.text))) if len(t) > 1)
        candidates = [f for f in full if tokens and tokens < f[2] and f[0] is not mention]
        if mention.label != "PERSON":
            # Only a bare word can be a mis-tagged piece of a name ("Jordan" as GPE).
            candidates = [f for f in candidates if len(tokens) == 1 and mention.text[:1].isupper()]
        if not candidates:
            out.append(mention)
            continue
        if titles:
            same_title = [f for f in candidates if f[1] & titles]
            candidates = same_title or candidates
        before = [f for f in candidates if f[0].start < mention.start]
        chosen = max(before, key=lambda f: f[0].start) if before else min(candidates, key=lambda f: f[0].start)
        target = chosen[3]
        # The chosen name may itself be a shorter form of a fuller one ("John Smith" < "John Q. Smith").
        longer = [f for f in full if chosen[2] < f[2]]
        if longer:
            near = [f for f in longer if f[0].start < chosen[0].start]
            target = (max(near, key=lambda f: f[0].start) if near else min(longer, key=lambda f: f[0].start))[3]
        out.append(replace(mention, ref=target))
    return out
