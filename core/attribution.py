"""Who says it: the source a sentence attributes its content to.

Shapes (after textacy's direct quotations and semistructured statements, on spaCy's tree):
"X said (that) ...", "..., X said", "X estimated/told/reported/assessed ...", "according to X",
"as per X", "citing X". A pronoun or a bare "the official" takes the source named in the previous
sentence when it fits. Works on spaCy tokens; never imports spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass

REPORTING_VERBS = frozenset(
    """say tell report estimate assess claim state announce confirm add indicate note estimate
    believe testify describe identify put warn urge insist acknowledge admit explain write quote
    disclose reveal suggest""".split()
)
PRONOUNS = frozenset("he she they it we i".split())
_TRIM_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "prep"})
_KEEP_PREPS = frozenset({"of"})  # "head of research", "spokesman of the ministry"
_ENTITIES_KEY = "newsx.entities"


def entities(doc) -> tuple:
    """`doc.ents`, built once per Doc: spaCy builds the whole tuple again on every access, and
    claims ask for it once per sentence and per figure (a fifth of the analysis time)."""
    found = doc.user_data.get(_ENTITIES_KEY)
    if found is None:
        found = doc.user_data[_ENTITIES_KEY] = doc.ents
    return found


@dataclass(frozen=True)
class Attribution:
    speaker: str  # as written, trimmed to the noun phrase: "Genesee County Sheriff Robert J. Pickell"
    verb: object | None  # the reporting verb token (None for "according to")
    head: object  # the speaker's head token
    resolved: bool = True  # False: a pronoun or "the official" that no earlier source explained


def phrase(head) -> str:
    """The noun phrase headed by `head`, without clauses hanging off it ("who spoke on condition ...")."""
    keep = [head]

    def walk(tok):
        for child in tok.children:
            if child.dep_ in _TRIM_DEPS and not (child.dep_ == "prep" and child.lower_ in _KEEP_PREPS):
                continue
            keep.append(child)
            walk(child)

    walk(head)
    # a name the model found is kept whole: "the U.S. Joint Chiefs of Staff"
    doc = head.doc
    ent = next((e for e in entities(doc) if e.start <= head.i < e.end), None)
    if ent is not None:
        keep.extend(t for t in ent if t not in keep)
    tokens = sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)
    # Only the contiguous run around the head: a parse can attach far-away words.
    run = [t for t in tokens if abs(t.i - head.i) <= 12]
    text = " ".join(t.text for t in run)
    text = text.replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")
    words = text.split()
    if words and words[0].lower() in ("a", "an", "the") and len(words) > 1 and head.lower_ not in PRONOUNS:
        pass
    return text.strip(" ,\"'“”")


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("there", "that", "which", "who"):
            if child.dep_ == "nsubjpass":
                # "was quoted as saying by KCNA": the agent is the source
                for c in verb.children:
                    if c.dep_ == "agent":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                return p
                continue
            return child
    return None


def _speaker_before(verb) -> Attribution | None:
    """ "..., South Korea's National Intelligence Service said": the parse lost the subject, but the
    words between the last comma and the verb name the speaker."""
    sent = verb.sent
    i = verb.i - 1
    if i < sent.start or verb.doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    start = i
    while start - 1 >= sent.start and verb.doc[start - 1].text not in (",", "—", "-", '"', "“", "”") and i - start < 8:
        start -= 1
    if start == sent.start or verb.doc[start - 1].text not in (",", '"', "”", "“"):
        return None
    span = verb.doc[start:i + 1]
    text = span.text.strip(" ,\"'“”")
    return Attribution(text, verb, verb.doc[i]) if text else None


def sentence_attributions(sent) -> list[Attribution]:
    """Every source the sentence names, in order of appearance."""
    found: list[Attribution] = []
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORTING_VERBS:
            subj = _subject(tok)
            if subj is not None:
                found.append(Attribution(phrase(subj), tok, subj))
            else:
                tail = _speaker_before(tok)
                if tail is not None:
                    found.append(tail)
        elif tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is None:
                obj = next((c for c in tok.children if c.dep_ == "pobj"), None) or next(
                    (c for c in tok.subtree if c.dep_ == "pobj"), None
                )
            if obj is not None:
                found.append(Attribution(phrase(obj), None, obj))
        elif tok.lower_ == "per" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "as":
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is not None:
                found.append(Attribution(phrase(obj), None, obj))
        elif tok.lower_ == "citing":
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                found.append(Attribution(phrase(obj), None, obj))
    return found


# Common nouns that name a source ("officials said", "police said", "the release states").
SOURCE_NOUNS = frozenset(
    """official police authority witness intelligence agency ministry government military army
    spokesman spokeswoman spokesperson source report news statement release leader officer
    firefighter sheriff prosecutor investigator analyst expert observer resident survivor doctor
    hospital media newspaper paper station broadcaster network outlet channel service department
    office committee council commission group organization organisation union chief minister
    president diplomat lawmaker senator governor mayor sergeant lieutenant captain commander
    general admiral delegation team staff employee worker student aide adviser advisor assessment
    estimate data figure record document survey study poll count tally""".split()
)


def is_source(head) -> bool:
    """Can this phrase say something? People, organisations, outlets; not "the use of forces"."""
    if head.lower_ in PRONOUNS or head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    lemma = head.lemma_.lower()
    if lemma in SOURCE_NOUNS or lemma.endswith(("er", "or", "ist", "ian", "ant", "ent")):
        return True
    return any(c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for c in head.children if c.dep_ in ("poss", "compound", "amod"))


def governing(token, attributions: list[Attribution]) -> Attribution | None:
    """The attribution whose reporting verb governs `token`; else an "according to" in the sentence."""
    attributions = [a for a in attributions if is_source(a.head)]
    by_verb = {a.verb.i: a for a in attributions if a.verb is not None}
    node = token
    seen = 0
    while seen < 40:
        if node.i in by_verb:
            att = by_verb[node.i]
            # the number inside the speaker phrase itself ("a 38-year-old official said") is not his claim
            if not (att.head.left_edge.i <= token.i <= att.head.right_edge.i):
                return att
        if node.head.i == node.i:
            break
        node = node.head
        seen += 1
    explicit = [a for a in attributions if a.verb is None]
    if explicit:
        return explicit[0]
    # A reporting verb in the sentence that is the root ("..., police said") covers the whole sentence.
    for att in attributions:
        if att.verb is not None and att.verb.dep_ == "ROOT" and not (att.head.left_edge.i <= token.i <= att.head.right_edge.i):
            return att
    return None


def is_vague(att: Attribution) -> bool:
    """A pronoun or a bare definite description that stands for a source named before."""
    head = att.head
    if head.lower_ in PRONOUNS:
        return True
    words = att.speaker.lower().split()
    return len(words) <= 2 and words[0] in ("the", "this") and head.pos_ == "NOUN"


def resolve(att: Attribution, previous: list[Attribution]) -> str:
    """The speaker, with a pronoun or "the official" replaced by the previous sentence's named source."""
    if not is_vague(att):
        return att.speaker
    if att.head.lower_ in ("it", "they"):
        # "the White House released images it said were ...": the subject before it, same sentence
        for tok in reversed(list(att.head.sent[: att.head.i - att.head.sent.start])):
            if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" or tok.dep_ == "nsubj" and tok.ent_type_ in ("ORG", "GPE", "NORP"):
                return phrase(tok)
    head = att.head.lemma_.lower()
    for prev in reversed(previous):
        if is_vague(prev):
            continue
        if att.head.lower_ in PRONOUNS:
            # "he said" after "Pickell said": people only (an organisation is "it"/"they")
            if att.head.lower_ in ("he", "she") and prev.head.ent_type_ in ("PERSON", "") and prev.head.pos_ == "PROPN":
                return prev.speaker
            if att.head.lower_ in ("they", "it") and prev.head.pos_ in ("NOUN", "PROPN"):
                return prev.speaker
        elif head in prev.speaker.lower():
            return prev.speaker
    return att.speaker
