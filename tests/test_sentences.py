"""Sentences as newsx cuts them: a line break ends one; inside a line, one ends only at punctuation.

The parser alone cuts some lines at a name or a clause ("the Doctor | Who forum"), and a claim's
sentence (what the Claims and Timeline panes show, and where its claimer is looked for) would lose
its half."""

from __future__ import annotations

import pytest

from newsx.core.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm")


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_name_inside_a_line_is_not_cut_into_two_sentences(nlp):
    text = "Fans on the Doctor Who forum said the new Doctor Who star was a surprise."
    assert sentences(nlp, text) == [text]


def test_a_quote_is_not_cut_before_its_conjunction(nlp):
    text = "“We're having an office party anyway so we're just staying out of the way,” the manager said."
    assert sentences(nlp, text) == [text]


def test_punctuation_and_line_breaks_still_end_sentences(nlp):
    text = "Flood waters rose overnight. Residents left at dawn.\nRoads closed\nSchools open"
    assert sentences(nlp, text) == ["Flood waters rose overnight.", "Residents left at dawn.", "Roads closed", "Schools open"]
