"""Event labels read as headlines: who it happened to when nobody named did it, in the passive."""

from __future__ import annotations

from test_events_linking import Corpus

from newsx.core.nlp.event_lexicon import make_label
from newsx.core.nlp.verb_forms import past_participle


def test_the_participle_of_regular_irregular_and_phrasal_verbs():
    assert [past_participle(v) for v in ("arrest", "sentence", "bury", "stop", "visit", "offer")] == [
        "arrested", "sentenced", "buried", "stopped", "visited", "offered"]
    assert [past_participle(v) for v in ("cast", "shoot", "strike", "buy", "hang")] == ["cast", "shot", "struck", "bought", "hung"]
    assert past_participle("check in") == "checked in"


def test_an_act_nobody_named_did_reads_as_done_to_its_object():
    # "the sentencing of Ana Reyes", "Tom Vik was cast": not "Ana Reyes sentences"
    assert make_label((), "sentence", (), objects=["Ana Reyes"]) == "Ana Reyes sentenced"
    assert make_label((), "casting", ("Portville",), noun=True, objects=["Tom Vik"]) == "Tom Vik cast in Portville"
    # what happens to its subject still reads actively ("the death of X": X dies)
    assert make_label((), "die", (), objects=["Ana Reyes"]) == "Ana Reyes dies"
    # and a doer who is named still does it
    assert make_label(("Ana Reyes",), "sentence", ("Leeds",), objects=["Tom Vik"]) == "Ana Reyes sentences Tom Vik in Leeds"


def test_a_noun_with_no_verb_of_its_own_is_not_conjugated():
    assert make_label(("Portville Council",), "ceremony", (), noun=True) == "Portville Council ceremony"


def test_a_passive_phrase_keeps_all_its_words():
    assert make_label((), "find guilty", (), participle="found", objects=["Tom Vik"]) == "Tom Vik found guilty"


def test_one_party_alone_does_not_meet_and_troops_are_sent_to_a_place():
    assert make_label(("NATO",), "meeting", (), noun=True, symmetric=True) == "NATO meeting"
    assert make_label(("NATO", "Ana Reyes"), "meeting", (), noun=True, symmetric=True) == "NATO and Ana Reyes meet"
    assert make_label(("Portland",), "deployment", ("Corvale",), noun=True, toward=True) == "Portland deploys to Corvale"


def test_a_capital_beside_its_own_country_is_not_named_twice_in_a_label():
    c = Corpus()
    for n in range(2):
        a = c.article(f"a{n}", published="2024-10-30")
        c.event(a, "deploy", participants=[("North Korea", "GPE"), ("Pyongyang", "GPE")], places=[("Russia", "GPE")],
                date="2024-10-30", sentence=0)
    events, _ = c.link()
    (deployment,) = [e for e in events if e.trigger == "deploy"]
    assert "Pyongyang" not in deployment.label and "North Korea" in deployment.label
