"""Who says it: the source a sentence attributes its content to.

Shapes (after textacy's direct quotations and semistructured statements, on spaCy's tree):
"X said (that) ...", "..., X said", "X estimated/told/reported/assessed ...", "according to X",
"as per X", "citing X". A pronoun or a bare "the official" takes the source named in the previous
sentence when it fits. Works on spaCy tokens; never imports spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: spaCy itself is imported by core.nlp.pipeline
    from spacy.tokens import Token

REPORTING_VERBS = frozenset(
    """say tell report estimate assess claim state announce confirm add indicate note estimate
    believe testify describe identify put warn urge insist acknowledge admit explain write quote
    disclose reveal suggest quote""".split()
)
PRONOUNS = frozenset("he she they it we i".split())
_TRIM_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "prep"})
_KEEP_PREPS = frozenset({"of", "from", "for"})  # "head of research", "a report from ITV", "spokesman for the ministry"
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
    verb: Token | None  # the reporting verb token (None for "according to")
    head: Token  # the speaker's head token
    resolved: bool = True  # False: a pronoun or "the official" that no earlier source explained


def phrase(head) -> str:
    """The noun phrase headed by `head`, without clauses hanging off it ("who spoke on condition ...")."""
    keep = [head]

    def walk(tok):
        for child in tok.children:
            named_appos = child.dep_ == "appos" and child.pos_ == "PROPN" and tok.i == head.i and child.i > head.i
            if child.dep_ in _TRIM_DEPS and not (child.dep_ == "prep" and child.lower_ in _KEEP_PREPS) and not named_appos:
                continue  # "State news agency IRNA", "the head of the team, Alireza Safa" keep the name
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
    estimate data figure record document survey study poll count tally website site blog television
    radio tv agency medium crew brigade squad""".split()
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
    # A reporting verb in the sentence that is the root ("..., police said"), stands aside (", she
    # says, ...") or closes the sentence (" ..., state media said.") covers the whole sentence.
    for att in attributions:
        if att.verb is None or att.head.left_edge.i <= token.i <= att.head.right_edge.i:
            continue
        if att.verb.dep_ in ("ROOT", "parataxis") or _closes_sentence(att):
            return att
    return None


def _closes_sentence(att: Attribution) -> bool:
    """ "..., state media said." / "..., police said on Monday.": the speaker and the verb come
    after a comma or a quote and nothing but the verb's own phrase follows."""
    verb = att.verb
    if verb is None:  # "according to" has no verb to close anything
        return False
    sent = verb.sent
    start = min(att.head.left_edge.i, verb.i)
    if start <= sent.start or verb.doc[start - 1].text not in (",", '"', "”", "'", "’"):
        return False
    return all(t.is_punct or t.is_space or t.head.i == verb.i or t.head.i in range(start, verb.i + 1) or verb.left_edge.i <= t.i <= verb.right_edge.i and t.head.i != t.i
               for t in verb.doc[verb.i + 1 : sent.end]) and verb.right_edge.i >= sent.end - 3


def is_vague(att: Attribution) -> bool:
    """A pronoun or a bare definite description that stands for a source named before."""
    head = att.head
    if head.lower_ in PRONOUNS:
        return True
    words = att.speaker.lower().split()
    return len(words) <= 2 and words[0] in ("the", "this") and head.pos_ == "NOUN"


def resolve(att: Attribution, previous: list[Attribution]) -> str | None:
    """The speaker, with a pronoun or "the official" replaced by the previous sentence's named source;
    None for a pronoun nothing before names (a reader learns nothing from "they")."""
    if not is_vague(att):
        return att.speaker
    if att.head.lower_ in ("it", "they"):
        # "the White House released images it said were ...": the subject before it, same sentence
        # ("Lee was serving a life sentence, it said": the subject of what is said is not its source)
        above = {t.i for t in att.verb.ancestors} if att.verb is not None else set()
        for tok in reversed(list(att.head.sent[: att.head.i - att.head.sent.start])):
            if tok.dep_ != "nsubj" or tok.head.i not in above or tok.ent_type_ == "PERSON":
                continue
            if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP"):
                return phrase(tok)
    for prev in reversed(previous):
        if not is_vague(prev) and _stands_for(att, prev.head, prev.speaker):
            return prev.speaker
    found = named_before(att)
    if found:
        return found
    return None if att.head.lower_ in PRONOUNS else att.speaker


_PERSON_PRONOUNS = frozenset({"he", "she"})
_SENTS_KEY = "newsx.sentences"
_ATTS_KEY = "newsx.attributions"
LOOK_BACK_SENTENCES = 12  # how far back a pronoun or "the official" may reach for its source


def _stands_for(att: Attribution, head, speaker: str) -> bool:
    """Can the vague source `att` ("he", "they", "the governor") stand for `speaker` (headed by `head`)?"""
    word = att.head.lower_
    if word in _PERSON_PRONOUNS:
        # "he said" after "Pickell said": people only (an organisation is "it"/"they")
        return head.pos_ == "PROPN" and head.ent_type_ not in ("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT")
    if word in ("they", "it", "we"):
        plural = head.tag_ in ("NNS", "NNPS") or head.ent_type_ in ("ORG", "NORP", "GPE")
        return head.pos_ in ("NOUN", "PROPN") and (plural or word == "it") and head.lower_ not in PRONOUNS
    role = att.head.lemma_.lower()
    return role in speaker.lower() and speaker.lower() != att.speaker.lower()


def _sentences(doc) -> list:
    found = doc.user_data.get(_SENTS_KEY)
    if found is None:
        found = doc.user_data[_SENTS_KEY] = list(doc.sents)
    return found


_TEXT_KEY = "newsx.text"


def _doc_text(doc) -> str:
    """Doc.text joins every token's text again at each call; a claim per sentence asks for it."""
    found = doc.user_data.get(_TEXT_KEY)
    if found is None:
        found = doc.user_data[_TEXT_KEY] = doc.text
    return found


def attributions_of(sent) -> list[Attribution]:
    """`sentence_attributions`, worked out once per sentence of a Doc."""
    cache = sent.doc.user_data.setdefault(_ATTS_KEY, {})
    found = cache.get(sent.start)
    if found is None:
        found = cache[sent.start] = sentence_attributions(sent)
    return found


def _sentence_index(doc, sent) -> int:
    sents = _sentences(doc)
    lo, hi = 0, len(sents)
    while lo < hi:  # sentences are in order: a binary search on their start
        mid = (lo + hi) // 2
        if sents[mid].start < sent.start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def named_before(att: Attribution) -> str | None:
    """The source a pronoun or a role noun stands for: the nearest earlier source in the article
    that fits it ("he" a person, "they" a body or a plural, "the governor" a phrase with
    "governor" in it), else for "he"/"she" the person named last before it."""
    doc = att.head.doc
    sents = _sentences(doc)
    here = _sentence_index(doc, att.head.sent)
    for k in range(here - 1, max(-1, here - 1 - LOOK_BACK_SENTENCES), -1):
        sent = sents[k]
        for prev in reversed(attributions_of(sent)):
            if not is_vague(prev) and is_source(prev.head) and _stands_for(att, prev.head, prev.speaker):
                return prev.speaker
        people = [e for e in entities(doc) if e.label_ == "PERSON" and sent.start <= e.start < sent.end]
        for ent in reversed(people):
            if att.head.lower_ in _PERSON_PRONOUNS:
                return phrase(ent.root)
            if att.head.lower_ not in PRONOUNS:
                text = phrase(ent.root)
                if _stands_for(att, ent.root, text):
                    return text
    return None


_OPEN_QUOTES = ("“", '"')
_CLOSE_QUOTES = ("”", '"')


def quote_speaker(sent) -> str | None:
    """The speaker of a quotation that runs over several sentences, for a sentence inside it
    that names nobody: the source named where the quotation closes (“... . ... ,” he said) or
    where it opened (X said: “... ). None when the sentence is not inside a quotation."""
    doc = sent.doc
    sents = _sentences(doc)
    here = _sentence_index(doc, sent)
    text = _doc_text(doc)
    own = text[sent.start_char : sent.end_char]
    if not _inside_quote(text, sents, here, own):
        return None
    for k in range(here, min(len(sents), here + 4)):  # where the quotation closes
        body = text[sents[k].start_char : sents[k].end_char]
        opens_here = k == here and body.lstrip()[:1] in _OPEN_QUOTES and body.count('"') + body.count("”") <= 1
        if "”" in body or ('"' in body and not opens_here):
            found = attributions_of(sents[k])
            if found:
                return resolve(found[0], attributions_of(sents[k - 1]) if k else [])
            break
    for k in range(here - 1, max(-1, here - 4), -1):  # where it opened
        body = text[sents[k].start_char : sents[k].end_char]
        if "“" in body or '"' in body:
            found = attributions_of(sents[k])
            if found:
                return resolve(found[-1], attributions_of(sents[k - 1]) if k else [])
            break
    return None


def _inside_quote(text: str, sents: list, here: int, own: str) -> bool:
    """The sentence opens a quotation it does not close, or an earlier sentence left one open."""
    stripped = own.lstrip()
    if stripped[:1] in _OPEN_QUOTES and _balance(own) > 0:
        return True
    start = sents[max(0, here - 3)].start_char
    return _balance(text[start : sents[here].start_char]) > 0


def _balance(chunk: str) -> int:
    """Open quotations in `chunk`: curly quotes counted, straight ones by parity."""
    curly = chunk.count("“") - chunk.count("”")
    straight = chunk.count('"') % 2
    return curly + straight
