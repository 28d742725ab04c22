"""Corpus entities from per-article mentions: one entity per person, organisation or place.

Works on plain data (no spaCy). First the corpus decides which names are people (a name the
model tags PERSON often enough, or whose surname stands alone as a person beside it), and the
in-article rule runs again with that knowledge ("Riva" tagged ORG -> "Paul Riva"). Mentions then
become *forms* (one per normalised name), joined by a few rules that each compare only
candidates sharing a block (a word, an acronym's letters, a first word), never all pairs:
  - a person's shorter name inside exactly one longer one ("John Smith" / "John Q. Smith"),
    so people whose full names differ never merge;
  - spelling variants ("Lee Jae-myung" / "Lee Jae-myeong") by rapidfuzz when the label agrees and
    the two never stand side by side in one article but share company elsewhere;
  - acronyms and their expansions (from "Full Name (ACR)" in the text, or the initials of a
    name seen in the same articles);
  - "Security Council" / "UN Security Council", "Xinhua" / "Xinhua News", plural peoples, and
    "U.S. Trade Council" / "Trade Council" when only one country qualifies it;
  - a bare surname left unresolved in its article, when the corpus has one person it fits;
    and inside one article, the one person named there with that surname (`core.link.entities.article_surnames`);
  - one name written with and without a space ("SeaMicro" / "Sea Micro").
The entity takes its fullest form as name and the label its fullest forms carry.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from newsx.core.link.entities import acronyms, article_surnames, label_vote, missed_names, short_forms, untagged_names
from newsx.core.model.analyses import ArticleAnalysis, Entity, MentionSpan
from newsx.core.model.articles import Article
from newsx.core.nlp import gazetteer
from newsx.core.nlp.names import (
    NAME_SUFFIXES,
    acronym_letters,
    clean_name,
    initials,
    looks_all_caps,
    name_key,
    person_display,
    person_words,
)

# Labels that name things; dates and numbers stay mentions for the claims layer.
INDEX_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
# Labels that may be the same kind of thing under the model's confusion.
LABEL_CLASS = {"GPE": "place", "LOC": "place", "FAC": "place"}
# Words that only say what kind of organisation a name is ("Xinhua News Agency").
# ("Post", "Times" are left out: "Kyiv" is not the "Kyiv Post".)
ORG_TAIL_WORDS = {"news", "agency", "corp", "corporation", "inc", "co", "company", "group", "party",
                  "ltd", "llc", "plc", "press", "media", "network", "holdings"}
TAIL_PREPOSITIONS = {"of", "for", "on"}
MAX_BLOCK = 300  # a word shared by more forms than this says nothing about identity
FUZZY_WORD = 80  # rapidfuzz ratio for one differing word of a name
FUZZY_SINGLE = 86  # for a one-word name

_EXPANSION = re.compile(
    r"((?:[A-Z][\w’'.-]*|of|and|for|on|the|&)(?:[ \t]+(?:[A-Z][\w’'.-]*|of|and|for|on|the|&)){1,9})"
    r"[ \t]*\(([A-Z][A-Za-z.&]{1,9})\)"
)


@dataclass
class _Span:
    article: str
    start: int
    end: int
    text: str
    label: str
    name: str  # the name this span stands for (its in-article ref, or itself, tidied)
    resolved: bool = False  # True when a shorter form was resolved to `name` in its article
    found_again: bool = False  # not tagged by the model: the name looked up where it missed it


@dataclass
class _Form:
    key: str
    spans: list[_Span] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return self.labels.most_common(1)[0][0]

    @property
    def name(self) -> str:
        return self.names.most_common(1)[0][0]

    @property
    def words(self) -> list[str]:
        return self.key.split(" ")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


@lru_cache(maxsize=65536)
def display_name(text: str, label: str) -> str:
    return person_display(text) if label == "PERSON" else clean_name(text)


def link_entities(articles: list[Article], analyses: Mapping[str, ArticleAnalysis]) -> list[Entity]:
    spans = _collect_spans(articles, analyses)
    spans = _split_titled_people(spans)
    spans = _split_coordinated(spans)
    spans = _resolve_with_corpus_labels(spans)
    forms: dict[str, _Form] = {}
    for span in spans:
        key = name_key(span.name)
        if not key:
            continue
        form = forms.setdefault(key, _Form(key))
        form.spans.append(span)
        form.labels[span.label] += 1
        form.names[span.name] += 1
        form.articles.add(span.article)
    # Expansions first, so that a name only ever stated as "Full Name (ACR)" is found again too.
    stated = _stated_acronyms(articles)
    _add_expansion_forms(stated, forms)
    voter = _LabelVoter(articles, forms)
    _add_untagged_names(articles, analyses, forms, voter)
    _add_missed_mentions(articles, forms, voter)
    _add_bare_surnames(articles, forms, voter)
    voter.relabel_forms(forms)
    uf = _UnionFind()
    for key in forms:
        uf.find(key)
    _join_plurals(forms, uf)
    _join_person_subsets(forms, uf)
    _join_spelling_variants(forms, uf)
    _join_spacing_variants(forms, uf)
    _join_acronyms(stated, forms, uf)
    _join_country_qualified(forms, uf)
    _join_org_prefixes(forms, uf)
    short_forms.join_short_forms(forms, uf, _label_class)
    _join_bare_people(forms, uf)
    _join_surname_tagged_otherwise(forms, uf)
    qualified = _join_place_qualified(forms, uf)
    return _build_entities(articles, forms, uf, voter, qualified)


# --------------------------------------------------------------------------- spans and forms


def _collect_spans(articles, analyses) -> list[_Span]:
    spans = []
    for article in articles:
        analysis = analyses.get(article.id)
        if not analysis:
            continue
        for m in analysis.mentions:
            if m.label not in INDEX_LABELS and not m.ref:
                continue
            label = "PERSON" if m.ref else m.label
            name = m.ref or display_name(m.text, m.label)
            if name:
                spans.append(_Span(article.id, m.start, m.end, m.text, label, name, bool(m.ref)))
    return spans


def _split_titled_people(spans: list[_Span]) -> list[_Span]:
    """"Defense John Smith" tagged ORG: when it ends with a person's full name, it is that person."""
    people = {name_key(s.name) for s in spans if s.label == "PERSON" and len(s.name.split()) >= 2}
    out = []
    for s in spans:
        if s.label != "PERSON" and len(s.text.split()) >= 3:
            words = list(re.finditer(r"\S+", s.text))
            for i in range(1, len(words) - 1):
                tail = s.text[words[i].start():]
                if name_key(tail) in people:
                    s = _Span(s.article, s.start + words[i].start(), s.end, tail, "PERSON", display_name(tail, "PERSON"))
                    break
        out.append(s)
    return out


_AND = re.compile(r"\s+and\s+")
_LIST = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _parts(text: str, separator: re.Pattern) -> list[tuple[int, int, str]] | None:
    """The capitalised parts of the text between separators; None when none cuts it or a part
    is not a name."""
    bounds, begin = [], 0
    for m in separator.finditer(text):
        bounds.append((begin, m.start()))
        begin = m.end()
    if not bounds:
        return None
    bounds.append((begin, len(text)))
    parts = [(a, b, text[a:b]) for a, b in bounds]
    return parts if all(t[:1].isupper() for _, _, t in parts) else None


def _split_coordinated(spans: list[_Span]) -> list[_Span]:
    """"Lopez and Carrasquillo" tagged as one person, "People and Us Weekly" as one magazine: two
    names joined by "and" are two mentions. A person's span is always cut there; another kind's only
    when every part is a name the corpus tags on its own ("Bosnia and Herzegovina" stays whole
    unless both halves stand alone). A comma cuts any span only so ("at Macworld, Apple Inc. showed":
    one span, two names; "John Smith, Jr." stays whole)."""
    alone: dict[str, Counter] = defaultdict(Counter)
    for s in spans:
        if not _AND.search(s.text) and not _LIST.search(s.text):
            alone[name_key(s.name)][s.label] += 1
            if s.resolved:  # "Lopez", resolved to "Andrew Lopez", stands alone too
                alone[name_key(s.text)][s.label] += 1
    out = []
    for s in spans:
        parts = None if s.resolved else _parts(s.text, _LIST)
        if parts is None or not all(name_key(t) in alone for _, _, t in parts):
            parts = None if s.resolved else _parts(s.text, _AND)
        if parts is None:
            out.append(s)
            continue
        keys = [name_key(t) for _, _, t in parts]
        if s.label != "PERSON" and not all(k in alone for k in keys):
            out.append(s)
            continue
        for (a, b, t), k in zip(parts, keys):
            label = alone[k].most_common(1)[0][0] if k in alone else s.label
            name = display_name(t, label)
            if name:
                out.append(_Span(s.article, s.start + a, s.start + b, t, label, name))
    return out


# Words that make a multi-word name an organisation or a place, not a person.
NOT_PERSON_WORDS = ORG_TAIL_WORDS | {
    "police", "department", "university", "college", "school", "hospital", "county", "city",
    "bank", "ministry", "office", "court", "council", "committee", "club", "street", "road",
    "avenue", "lane", "township", "church", "airport", "station", "center", "centre", "museum",
    "union", "association", "institute", "foundation", "army", "navy", "force", "forces",
}


def _key_labels(spans: list[_Span]) -> dict[str, str]:
    """One label per name over the corpus. A multi-word name the model calls a person in a
    third of its mentions or more is a person ("Paul Riva" tagged ORG in some articles)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    person_words_seen: set[str] = set()  # words some short form used for a person
    bare_person_in: set[tuple[str, str]] = {
        (s.article, name_key(s.text)) for s in spans if s.label == "PERSON" and " " not in name_key(s.text)
    }
    # "Mackenzi Clayton" tagged ORG, and "Clayton" tagged PERSON in the same article.
    surname_here: set[str] = set()
    for s in spans:
        key = name_key(s.name)
        votes[key][s.label] += 1
        surface = name_key(display_name(s.text, s.label))
        if surface != key:
            votes[surface][s.label] += 1
        if s.label == "PERSON" and " " not in surface:
            person_words_seen.add(surface)
        if s.resolved:
            person_words_seen.add(key)
        if s.label != "PERSON" and " " in key and (s.article, key.split()[-1]) in bare_person_in:
            surname_here.add(key)
    labels = {}
    for key, counter in votes.items():
        label = counter.most_common(1)[0][0]
        words = key.split()
        tagged_person = counter["PERSON"] * 3 >= sum(counter.values()) and (
            key in person_words_seen or words[-1] in person_words_seen)
        if (label != "PERSON" and len(words) >= 2 and not NOT_PERSON_WORDS & set(words)
                and (tagged_person or key in surname_here)):
            label = "PERSON"
        labels[key] = label
    return labels


def _resolve_with_corpus_labels(spans: list[_Span]) -> list[_Span]:
    """The in-article rule again, now that the corpus says which names are people: a bare
    "Riva" (tagged ORG) takes the nearest "Paul Riva" of its article, even where the model
    tagged that full name ORG too."""
    labels = _key_labels(spans)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(spans):
        by_article[s.article].append(i)
    out = list(spans)
    for indices in by_article.values():
        full = []
        for i in indices:
            key = name_key(spans[i].name)
            words = {w for w in key.split() if len(w) > 1}
            if labels.get(key) == "PERSON" and len(words) >= 2:
                full.append((spans[i], words))
        if not full:
            continue
        for i in indices:
            s = spans[i]
            key = name_key(s.name)
            if " " in key or acronym_letters(s.text) or not s.text[:1].isupper():
                continue
            if labels.get(name_key(s.text), labels.get(key)) in ("GPE", "LOC", "NORP", "FAC") and s.label != "PERSON":
                continue  # "Washington" the city stays a city
            candidates = [f for f, words in full if key in words]
            if not candidates:
                continue
            before = [f for f in candidates if f.start < s.start]
            chosen = max(before, key=lambda f: f.start) if before else min(candidates, key=lambda f: f.start)
            out[i] = _Span(s.article, s.start, s.end, s.text, "PERSON", chosen.name, True)
    # Full names the corpus calls people vote as people from here on.
    return [
        _Span(s.article, s.start, s.end, s.text, "PERSON", s.name, s.resolved)
        if labels.get(name_key(s.name)) == "PERSON" and len(name_key(s.name).split()) >= 2 else s
        for s in out
    ]


def _add_untagged_names(articles, analyses, forms: dict[str, _Form], voter: "_LabelVoter") -> None:
    """Names the model tagged nowhere, which the words around them say are names (`core.link.entities.untagged_names`)."""
    covered: dict[str, list[tuple[int, int]]] = {}
    for article in articles:
        analysis = analyses.get(article.id)
        covered[article.id] = [(m.start, m.end) for m in analysis.mentions] if analysis else []
    texts = {a.id: a.text for a in articles}
    coded = any(any(untagged_names.is_model_code(w) for w in f.name.split())
                and _product_label(f.label, f.name, forms) == "PRODUCT" for f in forms.values())
    for article, start, end, surface, label in untagged_names.find_untagged(texts, covered, voter.common_words(), coded):
        key = name_key(surface)
        form = forms.setdefault(key, _Form(key))
        form.spans.append(_Span(article, start, end, surface, label, clean_name(surface)))
        form.labels[label] += 1
        form.names[clean_name(surface)] += 1
        form.articles.add(article)


def _add_missed_mentions(articles, forms: dict[str, _Form], voter: "_LabelVoter") -> None:
    """A name tagged in some articles, found in the others where the model missed it."""
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    for key, form in forms.items():
        if form.label not in INDEX_LABELS:
            continue
        for s in form.spans:
            surface = s.text
            if not surface[:1].isupper() or len(surface) < 2 or "\n" in surface:
                continue
            if " " not in surface.strip():
                if form.label == "PERSON" or s.resolved:
                    continue  # a bare surname may be anyone's
                if not acronym_letters(surface) and name_key(surface) in voter.common_words():
                    continue  # "Mobile", "Police": a common word written at a sentence's start
            if names.get(surface, key) != key:
                ambiguous.add(surface)
            names[surface] = key
    # A well-known acronym of a name in the corpus ("UAE" for "United Arab Emirates").
    for letters, keys in acronyms.KNOWN_KEYS.items():
        present_keys = [k for k in keys if k in forms and forms[k].label in INDEX_LABELS and forms[k].label != "PERSON"]
        if len(present_keys) == 1 and letters not in names:
            names[letters] = present_keys[0]
    for surface, key in _camel_initial_forms(forms).items():
        if surface not in names:
            names[surface] = key
    for surface, key in _surnames_of_one_person(forms, voter).items():
        if names.get(surface, key) != key:
            ambiguous.add(surface)
        names[surface] = key
    for surface in ambiguous:
        del names[surface]
    covered = _covered_spans(forms)
    texts = {a.id: a.text for a in articles}
    countries = frozenset(_country_words(forms))
    org_keys = frozenset(k for k, f in forms.items() if f.label == "ORG" and k in names.values())
    for article, start, end, surface, key in missed_names.find_missed(texts, names, covered, countries, org_keys):
        form = forms[key]
        form.spans.append(_Span(article, start, end, surface, form.label, form.name, found_again=True))
        form.articles.add(article)


def _add_bare_surnames(articles, forms: dict[str, _Form], voter: "_LabelVoter") -> None:
    """A bare surname of the one person its article names with it (`core.link.entities.article_surnames`):
    untagged mentions are added to that person, and a lone word the model tagged otherwise
    ("Smith" as a work of art) moves to them."""
    people_in: dict[str, dict[str, tuple[list[str], frozenset[str]]]] = defaultdict(dict)
    for key, form in forms.items():
        if _is_person(form) and len(_content_words(form)) >= 2:
            for article in form.articles:
                people_in[article][key] = (person_words(form.name), _name_words(form))
    covered = _covered_spans(forms)
    texts = {a.id: a.text for a in articles}
    emptied: set[str] = set()
    for article in sorted(people_in):
        surnames = article_surnames.surnames_here(people_in[article])
        if not surnames:
            continue
        by_key = {name_key(surname): key for surname, key in surnames.items()}
        for word, person in by_key.items():
            if _move_lone_word_spans(forms, word, person, article):
                emptied.add(word)
        for start, end, surface, key in article_surnames.find_bare_surnames(
                texts.get(article, ""), surnames, covered[article], voter.common_words()):
            form = forms[key]
            form.spans.append(_Span(article, start, end, surface, "PERSON", form.name, found_again=True))
    for word in emptied:
        if not forms[word].labels:
            del forms[word]  # what is left was only found again from the mentions that moved


def _move_lone_word_spans(forms: dict[str, _Form], word: str, person: str, article: str) -> bool:
    """The spans of one article whose lone word is `person`'s surname, tagged as anything but a
    known place, become that person's. True when some moved."""
    form = forms.get(word)
    if form is None or word == person:
        return False
    moving = [s for s in form.spans if s.article == article and not s.resolved
              and not (s.label in label_vote.PLACE_LABELS and gazetteer.place(s.text) is not None)]
    if not moving:
        return False
    target = forms[person]
    for s in moving:
        form.spans.remove(s)
        if not s.found_again:  # found-again spans never voted
            form.labels[s.label] -= 1
            form.names[s.name] -= 1
        target.spans.append(_Span(s.article, s.start, s.end, s.text, "PERSON", target.name, True))
    form.labels, form.names = +form.labels, +form.names
    form.articles = {s.article for s in form.spans}
    return True


_CAMEL = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+")


def _camel_initial_forms(forms: dict[str, _Form]) -> dict[str, str]:
    """A product or body named by a CamelCase word and more, written with that word's capitals:
    "PlayStation 4" -> "PS 4", "PS4"; "BlackBerry Q10" -> "BB Q10". Never the bare capitals."""
    out: dict[str, str] = {}
    for key, form in forms.items():
        if _is_person(form) or form.label not in INDEX_LABELS or len(form.words) < 2:
            continue
        first, _, rest = form.name.partition(" ")
        if not _CAMEL.fullmatch(first) or not rest:
            continue
        capitals = "".join(c for c in first if c.isupper())
        out.setdefault(f"{capitals} {rest}", key)
        if rest[:1].isdigit() and " " not in rest:
            out.setdefault(f"{capitals}{rest}", key)
    return out


def _country_words(forms: dict[str, _Form]) -> set[str]:
    """One-word names of countries as written: the corpus's own and the well-known acronyms ("USA")."""
    words = {letters for letters, names in acronyms.KNOWN.items() if gazetteer.is_country(names[0])}
    for form in forms.values():
        if len(form.words) == 1 and form.label == "GPE" and gazetteer.is_country(form.name):
            words.update(s.text for s in form.spans if " " not in s.text)
    return words


def _surnames_of_one_person(forms: dict[str, _Form], voter: "_LabelVoter") -> dict[str, str]:
    """A surname ("Lyons") that only one person of the corpus has, and that names nothing else:
    its bare mentions are that person's ("Lyons said" in an article that never gave the full name)."""
    people: dict[str, list[str]] = defaultdict(list)
    other_words: set[str] = set()
    for key, form in forms.items():
        words = person_words(form.name)
        if form.label == "PERSON" and len(words) >= 2 and len(_content_words(form)) >= 2:
            people[name_key(words[-1])].append(key)
            other_words.update(name_key(w) for w in words[:-1])
        elif form.label != "PERSON":
            other_words.add(key)
    out = {}
    for word, keys in people.items():
        if word in other_words or word in voter.common_words() or len(word) < 3:
            continue
        words_of = {k: set(forms[k].words) for k in keys}
        maximal = [k for k in keys if not any(words_of[k] < words_of[o] for o in keys)]
        if len(maximal) == 1:
            surname = person_words(forms[maximal[0]].name)[-1]
            if surname[:1].isupper() and name_key(surname) == word:
                out[surname] = maximal[0]
    return out


def _stated_acronyms(articles) -> list[tuple[str, str, int, str]]:
    """Every "Full Name (ACR)" in the texts: (article id, letters, start of the name, name)."""
    found: list[tuple[str, str, int, str]] = []
    for article in articles:
        if "(" not in article.text:
            continue
        for match in _EXPANSION.finditer(article.text):
            letters = acronym_letters(match.group(2))
            expansion = letters and _expansion_for(match.group(1), letters)
            if expansion and letters:
                start = match.start(1) + match.group(1).rindex(expansion)
                found.append((article.id, letters, start, expansion))
    return found


def _add_expansion_forms(stated, forms: dict[str, _Form]) -> None:
    """"Federal Bureau of Investigation (FBI)": the expansion becomes a form even if the model missed it."""
    acronyms = {acronym_letters(f.name): f for f in forms.values() if acronym_letters(f.name)}
    for article_id, letters, start, expansion in stated:
        if letters not in acronyms:
            continue
        key = name_key(expansion)
        acronym_form = acronyms[letters]
        label = acronym_form.label if acronym_form.label != "PERSON" else "ORG"
        form = forms.setdefault(key, _Form(key))
        if any(s.article == article_id and s.start < start + len(expansion) and start < s.end for s in form.spans):
            continue
        form.spans.append(_Span(article_id, start, start + len(expansion), expansion, label, expansion))
        form.labels[label] += 1
        form.names[expansion] += 1
        form.articles.add(article_id)


def _expansion_for(words_text: str, letters: str) -> str | None:
    """The shortest run of trailing words whose initials spell the acronym."""
    words = words_text.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].casefold() in {"the", "and", "of", "for", "on", "&"}:
            continue
        candidate = " ".join(words[i:])
        got = initials(candidate)
        if got == letters:
            return clean_name(candidate)
        if len(got) > len(letters):
            return None
    return None


# --------------------------------------------------------------------------- joining rules


def _label_class(label: str) -> str:
    return LABEL_CLASS.get(label, label)


def _is_person(form: _Form) -> bool:
    return form.label == "PERSON"


def _content_words(form: _Form) -> frozenset[str]:
    return frozenset(w for w in form.words if len(w) > 1)


def _name_words(form: _Form) -> frozenset[str]:
    """A person's name words as compared: a nickname in quotes and a "Sr." are not among them
    ("Vincent 'The Chin' Gigante" is "Vincent Gigante")."""
    return frozenset(w for w in name_key(" ".join(person_words(form.name))).split() if len(w) > 1)


def _covered_spans(forms: dict[str, _Form]) -> dict[str, list[tuple[int, int]]]:
    """Per article, the spans some form already holds."""
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for form in forms.values():
        for s in form.spans:
            covered[s.article].append((s.start, s.end))
    return covered


def _join_plurals(forms, uf) -> None:
    for key in forms:
        # "Greeks" (even when tagged PERSON) with "Greek"
        if key.endswith("s") and key[:-1] in forms and forms[key[:-1]].label == "NORP":
            uf.union(key[:-1], key)


def _blocks(keys, words_of) -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        for word in words_of(key):
            blocks[word].append(key)
    return {w: ks for w, ks in blocks.items() if len(ks) <= MAX_BLOCK}


def _join_person_subsets(forms, uf) -> None:
    """A person's shorter full name inside exactly one longer one: "John Smith" < "John Q. Smith"."""
    # Names compared without a nickname or a "Sr." (`_name_words`); but a "Sr." and a "Jr." are two people.
    words = {k: _name_words(f) for k, f in forms.items() if _is_person(f)}
    people = [k for k, w in words.items() if len(w) >= 2 and len(_content_words(forms[k])) >= 2]
    suffix = {k: _name_suffix(forms[k].name) for k in people}
    blocks = _blocks(people, lambda k: words[k])
    for key in people:
        mine = words[key]
        rarest = min((blocks.get(w, []) for w in mine), key=len)
        # "Robert Pickell" <= "Robert J. Pickell": initials do not count.
        longer = [o for o in rarest if o != key and mine <= words[o]
                  and not (suffix[key] and suffix[o] and suffix[key] != suffix[o])]
        # Keep only the maximal ones; several different maximal names mean we cannot tell.
        maximal = [o for o in longer if not any(words[o] < words[p] for p in longer)]
        if maximal and len({words[o] for o in maximal}) == 1:
            for o in longer:
                uf.union(maximal[0], o)
            uf.union(maximal[0], key)


def _name_suffix(name: str) -> str:
    """"sr", "jr", "ii" ... when the name ends with one, else ""."""
    last = name.split()[-1].strip(".,").casefold() if name.split() else ""
    return last if last in NAME_SUFFIXES else ""


def _context(forms) -> dict[str, set[str]]:
    by_article: dict[str, set[str]] = defaultdict(set)
    for key, form in forms.items():
        for article in form.articles:
            by_article[article].add(key)
    return by_article


def _join_spelling_variants(forms, uf) -> None:
    """Transliteration and spelling variants of one name, when label and context agree."""
    keys = [k for k, f in forms.items() if not acronym_letters(f.name)]
    words = {k: re.sub(r"['.’]", "", forms[k].name.casefold()).split() for k in keys}

    def block_words(k):
        ws = words[k]
        return ws if len(ws) > 1 else [ws[0][:3]] if ws else []

    blocks = _blocks(keys, block_words)
    by_article = _context(forms)
    seen: set[tuple[str, str]] = set()
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                pair = (a, b) if a < b else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                fa, fb = forms[a], forms[b]
                if _label_class(fa.label) != _label_class(fb.label) or uf.find(a) == uf.find(b):
                    continue
                if not _spelling_variants(words[a], words[b], person=fa.label == "PERSON"):
                    continue
                if fa.articles & fb.articles:
                    continue  # both spellings in one article: the writer means two things
                company_a = set().union(*(by_article[x] for x in fa.articles)) - {a, b}
                company_b = set().union(*(by_article[x] for x in fb.articles)) - {a, b}
                if company_a & company_b:
                    uf.union(a, b)


def _join_spacing_variants(forms, uf) -> None:
    """"SeaMicro Inc." and "Sea Micro", "Jet Blue" and "JetBlue": one name written with and
    without a space, when the labels agree (an organisation's "Inc." aside)."""
    by_letters: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key, form in forms.items():
        if _is_person(form) or form.label not in INDEX_LABELS or acronym_letters(form.name):
            continue
        words = form.words
        while form.label == "ORG" and len(words) > 1 and words[-1] in ORG_TAIL_WORDS:
            words = words[:-1]
        letters = "".join(words)
        if len(letters) >= 5 and letters.isalnum():
            by_letters[letters].append((key, len(words)))
    for found in by_letters.values():
        if len({n for _, n in found}) < 2:
            continue  # no space differs
        first = found[0][0]
        for other, _ in found[1:]:
            if _label_class(forms[other].label) == _label_class(forms[first].label):
                uf.union(first, other)


def _spelling_variants(a: list[str], b: list[str], person: bool = False) -> bool:
    """Same name spelt two ways: "Lee Jae-myung"/"Lee Jae-myeong", "Giannis"/"Yiannis" + one surname."""
    if len(a) != len(b) or a == b:
        return False
    if len(a) == 1:
        x, y = a[0], b[0]
        # A lone surname is too little to call two spellings one person ("Johnson"/"Johnston").
        if person or x[0] != y[0] or _digits_differ(x, y):
            return False
        if min(len(x), len(y)) >= 6 and fuzz.ratio(x, y) >= FUZZY_SINGLE:
            return True
        # Transliterations differ in their vowels ("Talodi"/"Taludi", "Karavan"/"Karvan").
        return min(len(x), len(y)) >= 5 and len(_consonants(x)) >= 3 and _consonants(x) == _consonants(y)
    same = 0
    for x, y in zip(a, b):
        if x == y:
            same += 1
        elif not _word_variants(x, y):
            return False
    return same >= 1


def _consonants(word: str) -> str:
    """The word without its vowels after the first letter, doubled letters once: "khaledin" -> "khldn"."""
    out = word[0] + re.sub(r"[aeiouy]", "", word[1:])
    return re.sub(r"(.)\1+", r"\1", out)


def _word_variants(x: str, y: str) -> bool:
    if min(len(x), len(y)) < 5 or _digits_differ(x, y) or Levenshtein.distance(x, y) > 2:
        return False
    ratio = fuzz.ratio(x, y)
    # Transliterations may differ in the first letter ("Giannis"/"Yiannis"); then more must agree.
    if ratio < FUZZY_WORD or (x[0] != y[0] and ratio < 85):
        return False
    # "Mario"/"Maria", "Daniel"/"Daniela": a different final vowel makes a different name.
    stem = 0
    while stem < min(len(x), len(y)) and x[stem] == y[stem]:
        stem += 1
    return not (stem >= len(x) - 1 and stem >= len(y) - 1 and set(x[stem:] + y[stem:]) <= set("aeiouy"))


def _digits_differ(x: str, y: str) -> bool:
    return re.sub(r"\D", "", x) != re.sub(r"\D", "", y)


def _join_acronyms(stated_list, forms, uf) -> None:
    """"FBI" with "Federal Bureau of Investigation": stated in the text ("Full Name (FBI)"), one of
    the names a well-known acronym stands for ("UN", "UAE"), or the initials of a name of the same
    kind seen in the same articles, or the only such name in the corpus."""
    stated: dict[str, Counter] = defaultdict(Counter)
    for _, letters, _, expansion in stated_list:
        if name_key(expansion) in forms:
            stated[letters][name_key(expansion)] += 1
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, form in forms.items():
        if len(form.words) >= 2 and not _is_person(form) and not acronym_letters(form.name):
            for got in acronyms.initial_sets(form.name):
                by_initials[got].append(key)
    for key, form in forms.items():
        letters = acronym_letters(form.name)
        if not letters:
            continue
        if stated.get(letters):
            uf.union(stated[letters].most_common(1)[0][0], key)
            continue
        known = acronyms.known_expansions(letters)
        if known:
            # A well-known acronym joins its own names only, never a name with its initials.
            present = [k for k in known if k in forms and not _is_person(forms[k])]
            if present and len({uf.find(k) for k in present}) == 1:
                uf.union(present[0], key)
            continue
        candidates = [c for c in by_initials.get(letters, []) if _acronym_kind_fits(form, forms[c])]
        if "&" in form.name:
            candidates = [c for c in candidates if "&" in forms[c].name or " and " in forms[c].name.casefold()]
        together = Counter({c: len(forms[c].articles & form.articles) for c in candidates})
        together = Counter({c: n for c, n in together.items() if n})
        if together:
            best = together.most_common(2)
            if len(best) == 1 or best[0][1] > best[1][1]:
                uf.union(best[0][0], key)
        elif candidates and len({uf.find(c) for c in candidates}) == 1:
            uf.union(candidates[0], key)


def _acronym_kind_fits(acronym: _Form, name: _Form) -> bool:
    """An acronym names a thing of the same kind: an organisation's, a place's. The model's
    PERSON on an acronym says nothing (an all-capitals word is no one's name)."""
    if acronym.label == "PERSON":
        return True
    a, b = _label_class(acronym.label), _label_class(name.label)
    return a == b or {a, b} <= {"ORG", "NORP", "place"} and "place" not in {a, b} or {acronym.label, name.label} <= {"ORG", "FAC"}


def _join_country_qualified(forms, uf) -> None:
    """"U.S. Geological Survey" and "United States Geological Survey": one name, the country spelt out."""
    for key, form in forms.items():
        if _is_person(form) or " " not in key:
            continue
        spelt = acronyms.canonical_key(key)
        if spelt != key and spelt in forms and not _is_person(forms[spelt]):
            uf.union(spelt, key)


def _join_org_prefixes(forms, uf) -> None:
    """"Security Council" with "UN Security Council"; "Xinhua" with "Xinhua News Agency"."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for key, form in forms.items():
        if form.label != "NORP":
            by_first[form.words[0]].append(key)
    for keys in by_first.values():
        if len(keys) > MAX_BLOCK:
            continue
        for key in keys:
            words = forms[key].words
            longer = []
            for other in keys:
                ow = forms[other].words
                if len(ow) <= len(words) or ow[: len(words)] != words:
                    continue
                tail = ow[len(words):]
                if len(words) >= 2 and not _is_person(forms[key]) and tail[0] in TAIL_PREPOSITIONS and _label_class(forms[other].label) == _label_class(forms[key].label):
                    longer.append(other)
                elif len(words) == 1 and forms[other].label == "ORG" and all(w in ORG_TAIL_WORDS for w in tail):
                    longer.append(other)
            if len({uf.find(o) for o in longer}) == 1:
                uf.union(longer[0], key)


def _join_bare_people(forms, uf) -> None:
    """A surname or first name no full name explained in its article: join when one person fits."""
    groups_with_word: dict[str, set[str]] = defaultdict(set)
    for key, form in forms.items():
        if _is_person(form) and len(_content_words(form)) >= 2:
            for word in _content_words(form):
                groups_with_word[word].add(uf.find(key))
    for key, form in forms.items():
        if len(form.words) != 1 or form.label not in ("PERSON",) or acronym_letters(form.name):
            continue
        groups = groups_with_word.get(form.words[0], set())
        if len({uf.find(g) for g in groups}) == 1:
            uf.union(next(iter(groups)), key)


def _join_surname_tagged_otherwise(forms, uf) -> None:
    """"Comeaux" tagged as a place in an article that never gives his full name: a single word that
    is the surname of exactly one person of the corpus, names no known place and is no one's first
    name, is that person."""
    last_of: dict[str, set[str]] = defaultdict(set)
    first_words: set[str] = set()
    for key, form in forms.items():
        words = [name_key(w) for w in person_words(form.name)]
        if _is_person(form) and len(words) >= 2 and len(_content_words(form)) >= 2:
            last_of[words[-1]].add(uf.find(key))
            first_words.update(words[:-1])
    for key, form in forms.items():
        if (len(form.words) != 1 or _is_person(form) or key in first_words or acronym_letters(form.name)
                or form.label not in ("GPE", "LOC", "ORG", "NORP", "FAC") or not form.name[:1].isupper()):
            continue
        groups = {uf.find(g) for g in last_of.get(key, ())}
        if len(groups) == 1 and gazetteer.place(form.name) is None:
            uf.union(next(iter(groups)), key)


def _join_place_qualified(forms, uf) -> set[str]:
    """"U.S. Trade Council" is "Trade Council", "Greek Parliament" is "Parliament",
    "U.S.-Japan Trade Council" is "Trade Council" -- when
    the corpus qualifies that name one way only (two ministries of defence stay apart)."""
    places = {k for k, f in forms.items() if f.label in ("GPE", "LOC", "NORP")}
    # "Wellington High Street" is "High Street", "Pacific Ring of Fire" the "Ring of Fire"; a
    # place's own name is not cut ("New Jersey", "West Virginia": GPE is not among the kinds).
    kinds = {"ORG", "EVENT", "FAC", "LOC"}

    def kind(f: _Form) -> str:
        return _label_from_last_word(f.label, f.name)

    qualified: dict[str, set[str]] = defaultdict(set)
    for key, form in forms.items():
        if kind(form) not in kinds or len(form.words) < 2:
            continue
        for cut in range(1, len(form.words)):
            rest = " ".join(form.words[cut:])
            if rest in forms and kind(forms[rest]) in kinds and _all_places(form.words[:cut], places) \
                    and (kind(forms[rest]) != "LOC" or len(forms[rest].words) >= 2):
                qualified[rest].add(key)
                break
    joined: set[str] = set()
    for rest, keys in qualified.items():
        if len({uf.find(k) for k in keys}) == 1:
            for key in keys:
                uf.union(rest, key)
                joined.add(key)
    return joined  # the qualified forms: "U.S." says where, it is not part of the name


def _all_places(words: list[str], places: set[str]) -> bool:
    """Whether the words are a run of place names ("us south africa" = "us" + "south africa")."""
    if not words:
        return True
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]) in places and _all_places(words[n:], places):
            return True
    return False


# --------------------------------------------------------------------------- entities


def _entity_label(members: list[_Form]) -> str:
    """The label most mentions carry; full names outvote fragments, acronyms vote last."""
    votes: Counter = Counter()
    voters = [f for f in members if not acronym_letters(f.name)] or members
    # The model tags a full name more reliably than a fragment ("Xinhua" as a person,
    # "Xinhua News Agency" as an organisation), so the longest forms vote.
    longest = max(len(f.words) for f in voters)
    if longest >= 2:
        voters = [f for f in voters if len(f.words) == longest]
    for form in voters:
        votes.update(form.labels)
    label = votes.most_common(1)[0][0]
    if label == "PERSON" and all(acronym_letters(f.name) for f in members):
        label = "ORG"  # an all-capitals acronym is not a person's name
    return label


# The last word of a name says what it is, whatever the model thought ("McGinnis Lane" is no one).
KIND_BY_LAST_WORD = {
    **dict.fromkeys(("street", "road", "avenue", "lane", "boulevard", "highway", "bridge", "square",
                     "airport", "station", "stadium", "plaza", "mall", "park"), "FAC"),
    **dict.fromkeys(("county", "township", "province", "oblast", "prefecture", "district"), "GPE"),
    **dict.fromkeys(("university", "college", "hospital", "police", "department", "ministry", "agency",
                     "company", "corporation", "inc", "bank", "council", "committee", "party", "army",
                     "wireless", "news"), "ORG"),
}


STREET_WORDS = {"street", "road", "avenue", "lane", "boulevard", "highway", "bridge", "square"}


def _label_from_last_word(label: str, name: str) -> str:
    words = name_key(name).split()
    if len(words) < 2 or not name[:1].isupper():
        return label
    if label in ("PERSON", "NORP", "PRODUCT", "WORK_OF_ART"):
        return KIND_BY_LAST_WORD.get(words[-1], label)
    if label in ("GPE", "LOC", "ORG") and words[-1] in STREET_WORDS:
        return "FAC"  # "High Street" is no town
    return label


_REGION_TAILS = {"province", "region", "state", "oblast", "prefecture", "governorate"}


def _bare_region_names(surfaces: list[str], forms, uf, root: str) -> list[str]:
    """"Kerman" for "Kerman province": a reader names the region without its kind word, unless
    that bare name is another entity of the corpus."""
    out = []
    for text in surfaces:
        head, _, tail = text.rpartition(" ")
        if not head or tail.casefold() not in _REGION_TAILS or not head[:1].isupper():
            continue
        key = name_key(head)
        if key in forms and uf.find(key) != root:
            continue
        out.append(head)
    return out


_MODEL_CODE = re.compile(r"[a-z]{0,3}\d+[a-z0-9]{0,3}")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _product_label(label: str, name: str, forms: dict[str, _Form]) -> str:
    """A company's name and a model code is a product ("Acme X20", "Acme 7"), whatever the model
    thought: the words before the code must name an organisation of the corpus."""
    if label not in ("ORG", "LAW", "WORK_OF_ART"):
        return label
    words = name_key(name).split()
    if len(words) < 2 or not _MODEL_CODE.fullmatch(words[-1]) or _YEAR.fullmatch(words[-1]):
        return label
    maker = forms.get(" ".join(words[:-1]))
    return "PRODUCT" if maker is not None and maker.label == "ORG" else label


def _canonical(members: list[_Form], label: str, qualified: AbstractSet[str] = frozenset(),
               common_words: AbstractSet[str] = frozenset()) -> str:
    # "the navy" said again in lower case is the Indian Navy, never its name
    members = [f for f in members if f.name[:1].isupper() or f.name[:1].isdigit()] or members
    plain = [f for f in members if f.key not in qualified]
    members = plain or members
    if label == "PERSON":
        # "Unemployed John Jenkin", "Actress Jane Doe": a word the corpus writes in lower case,
        # capitalised at a sentence's start before a name it also gives alone, is not the name.
        keys = {f.key for f in members}
        # A headline's title case runs on too: "Peter Capaldi Cast as the 12th Time Lord".
        named = [f for f in members if not (len(f.words) >= 3 and f.words[0] in common_words
                                            and " ".join(f.words[1:]) in keys)
                 and not (len(f.words) >= 3 and f.words[-1] in common_words and " ".join(f.words[:-1]) in keys)]
        members = named or members

    def rank(form: _Form):
        size = len(person_words(form.name)) if label == "PERSON" else len(form.words)
        return (not _shouted(form.name), size, not looks_all_caps(form.name), sum(form.labels.values()), len(form.name))

    return max(members, key=rank).name


def _shouted(name: str) -> bool:
    """ "BRITISH AMERICAN Tobacco Plc": a lead-in set in capitals, two or more long words of it
    (not an acronym within a name: "NASA Ames Research Center")."""
    return sum(len(w) >= 4 and w.isalpha() and w.isupper() for w in name.split()) >= 2


class _LabelVoter:
    """`core.link.entities.label_vote` over one group of forms: the model's labels, the words around each
    mention and the gazetteer. The corpus's lower-case words are read only when a name needs them."""

    def __init__(self, articles, forms) -> None:
        self.texts = {a.id: a.text for a in articles}
        self.place_keys = {k for k, f in forms.items() if f.label in label_vote.PLACE_LABELS}
        self._common: set[str] | None = None

    def common_words(self) -> set[str]:
        if self._common is None:
            words: set[str] = set()
            for text in self.texts.values():
                words.update(_LOWER_WORD.findall(text))
            self._common = words
        return self._common

    def relabel_forms(self, forms: dict[str, _Form]) -> None:
        """Each form's label from the evidence, before the joining rules compare labels. A word
        of a person's full name ("Smith" of "Jane Smith") keeps the model's label here: which
        of the two it is, the in-article rules and the entity's vote decide."""
        person_words_seen = {w for f in forms.values() if f.label == "PERSON" and len(f.words) >= 2 for w in f.words}
        for _ in range(2):  # a second pass: places found in the first make lists of places
            changed = False
            for key, form in forms.items():
                if form.label not in label_vote.RELABELLED or key in person_words_seen:
                    continue
                label = self.label([form], form.label)
                if label != form.label:
                    form.labels = Counter({label: sum(form.labels.values())})
                    self.place_keys.add(key)
                    changed = True
            if not changed:
                break

    def label(self, members: list[_Form], label: str) -> str:
        if label == "LOC" and any(f.label == "GPE" and gazetteer.is_country(f.name) for f in members):
            return "GPE"  # "southern Iran" (LOC) joined to Iran: the entity is the country
        if label not in label_vote.RELABELLED:
            return label
        names = [f.name for f in members]
        if not any(gazetteer.place(n) for n in names):
            known = None
        else:
            known = label_vote.gazetteer_place(names, self.common_words())
        spans = [s for f in members for s in f.spans]
        person_names = any(s.resolved for s in spans) or any(
            f.label == "PERSON" and len(_content_words(f)) >= 2 and gazetteer.place(f.name) is None for f in members)
        ev = label_vote.evidence(spans, self.texts, self.place_keys)
        return label_vote.voted_label(label, ev, known, person_names)


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")


def _build_entities(articles, forms, uf, voter: "_LabelVoter", qualified: AbstractSet[str] = frozenset()) -> list[Entity]:
    order = {a.id: i for i, a in enumerate(articles)}
    groups: dict[str, list[_Form]] = defaultdict(list)
    for key, form in forms.items():
        groups[uf.find(key)].append(form)
    drafts = []
    for members in groups.values():
        label = _entity_label(members)
        if label not in INDEX_LABELS:
            continue
        label = voter.label(members, label)
        name = _canonical(members, label, qualified, voter.common_words())
        label = _label_from_last_word(label, name)
        label = _product_label(label, name, forms)
        seen: set[tuple[str, int, int]] = set()
        spans = []
        for form in members:
            for s in form.spans:
                if (s.article, s.start, s.end) not in seen:
                    seen.add((s.article, s.start, s.end))
                    spans.append(s)
        spans.sort(key=lambda s: (order.get(s.article, 0), s.start))
        surface = Counter(s.text for s in spans) + Counter(f.name for f in members)
        if label in ("GPE", "LOC"):
            for bare in _bare_region_names(list(surface), forms, uf, uf.find(members[0].key)):
                surface[bare] += 0
        aliases = tuple(sorted((t for t in surface if t != name), key=lambda t: (-surface[t], t)))
        in_articles = tuple(dict.fromkeys(s.article for s in spans))
        drafts.append((name, label, aliases, spans, in_articles))
    drafts.sort(key=lambda d: (-len(d[4]), -len(d[3]), d[0]))
    entities = []
    for n, (name, label, aliases, spans, in_articles) in enumerate(drafts, 1):
        entities.append(
            Entity(
                id=f"e{n}",
                name=name,
                label=label,
                aliases=aliases,
                articles=in_articles,
                mention_spans=tuple(MentionSpan(s.article, s.start, s.end, s.text) for s in spans),
            )
        )
    return entities
