"""Claims of another scope stay out of the story's groups (issue 13): a threshold or a forecast is not
a report, an earlier event (a dated month or year well before the story, or "the last ... quake") is
not the story's event, and a toll in another country is not the story's toll. Also "a population of
N" counts people. Short articles written for the purpose; one index for the module."""

from __future__ import annotations

import pytest
from conftest import find_claim, index_of

ARTICLES = {
    "wire": (
        "Wire Daily",
        "2024-11-20",
        "A strong earthquake measuring 5.8 struck the coast of Peru on Sunday, killing 14 people. "
        "A magnitude 7 quake can cause severe damage. "
        "Officials said the death toll could rise to 50. "
        "In March, a quake measuring 7.1 hit the same region, killing 300 people. "
        "On Saturday, more than 40 people were killed by floods in northern India. "
        "The town of Arequipa has a population of 120,000.",
    ),
    "daily": (
        "Coast Journal",
        "2024-11-20",
        "The 6.2-magnitude quake hit Peru on Sunday and killed 14 people, officials said. "
        "A magnitude 7 earthquake can cause severe damage, experts say. "
        "The last major quake to hit the region was in March, when a magnitude-7.1 tremor killed 290 people. "
        "Rescuers in Peru said 40 people were still missing. "
        "Arequipa is home to 200,000 people.",
    ),
    "late": (
        "Evening Post",
        "2024-11-21",
        "The quake in Peru killed 14 people and the damage might have been worse, officials said. "
        "About 30 buildings might have been destroyed in the quake. "
        "Another 30 buildings were damaged in Peru.",
    ),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return index_of(ARTICLES, tmp_path_factory.mktemp("scope-cache"))


find = find_claim


def group_of(index, article, number):
    return find(index, article, number)[0]


def test_a_generic_threshold_is_not_the_quakes_magnitude(index):
    generic = group_of(index, "wire", "7")
    assert generic.id != group_of(index, "wire", "5.8").id
    assert generic.id != group_of(index, "daily", "6.2-magnitude").id
    assert generic.verdict != "conflict"
    # the same threshold in two articles is one group that agrees
    assert generic.id == group_of(index, "daily", "7").id


def test_a_forecast_is_not_the_reported_toll(index):
    toll = group_of(index, "wire", "14")
    assert group_of(index, "wire", "50").id != toll.id
    assert toll.id == group_of(index, "daily", "14").id
    assert toll.verdict == "agree"


def test_a_perfect_modal_still_reports(index):
    # "might have been destroyed": said of what happened, so it joins the report of the same figure
    from newsx.core.model.analyses import RawClaim  # noqa: F401  (the field exists)

    raw = [c for a in index.analyses.values() for c in a.claims if c.text == "About 30"]
    assert raw and not raw[0].hypothetical


def test_a_dated_earlier_event_is_another_group(index):
    toll = group_of(index, "wire", "14")
    earlier = group_of(index, "wire", "300")
    assert earlier.id != toll.id
    # the March quake, however each article words it, is one group of its own
    assert earlier.id == group_of(index, "daily", "290").id
    assert group_of(index, "daily", "290").id != toll.id


def test_an_earlier_magnitude_stays_out_of_the_quakes_magnitude(index):
    assert group_of(index, "wire", "7.1").id != group_of(index, "wire", "5.8").id
    assert group_of(index, "daily", "7.1").id != group_of(index, "daily", "6.2-magnitude").id


def test_a_toll_in_another_country_is_another_group(index):
    india = group_of(index, "wire", "more than 40")
    assert india.id != group_of(index, "wire", "14").id
    assert india.id != group_of(index, "daily", "14").id


def test_a_population_of_counts_people(index):
    raw = [c for a in index.analyses.values() for c in a.claims if c.text == "120,000"]
    assert raw and raw[0].counted_lemma == "person"


def test_scope_rules_on_their_own():
    from newsx.core.nlp.claim_scope import is_earlier, place_name

    assert is_earlier(("2024-03",), "2024-11-20")
    assert is_earlier(("2003",), "2024-11-20")
    assert not is_earlier(("2024-11-17",), "2024-11-20")  # "on Sunday": the story's own days
    assert not is_earlier(("2024-03", "2024-11-19"), "2024-11-20")  # one date is the story's
    assert not is_earlier(("2024-03",), None)
    assert place_name("eastern China") == "China"
    assert place_name("south-western Iran") == "Iran"


def test_a_quakes_size_is_a_magnitude_however_written():
    from newsx.core.nlp.quantities import find_quantities

    for text, value in (
        ("The survey puts the magnitude at 6.1.", 6.1),
        ("A strong earthquake measuring 5.8 struck the coast.", 5.8),
        ("A tremor registering 4.2 shook the town.", 4.2),
    ):
        found = [q for q in find_quantities(text) if q.value == value]
        assert found and found[0].dimension == "magnitude", text


def test_a_place_in_a_country_is_not_disjoint_from_it():
    from newsx.core.link.claims.similarity import places_relation
    from newsx.core.model.analyses import RawClaim

    def claim(*places):
        return RawClaim(value=1, low=1, high=1, unit="", dimension="count", qualifier=None, counted="",
                        counted_lemma="person", text="1", start=0, end=1, sentence=0, claimer=None, places=places)

    assert places_relation(claim("Tehran"), claim("Iran")) == "shared"
    assert places_relation(claim("Salonika"), claim("Thessaloniki")) == "shared"
    assert places_relation(claim("Athens"), claim("Thessaloniki")) == "disjoint"
    assert places_relation(claim("Tehran"), claim("eastern China")) == "disjoint"


def test_two_sources_set_side_by_side_in_one_sentence_are_one_conflict(tmp_path):
    """ "The centre put the magnitude at 5.9, but the survey said it was 6.1": the bare 6.1 is a
    magnitude too, and the two sources' figures are one group, a conflict (they were kept apart as
    two numbers of one sentence)."""
    text = ("The national seismological centre put the quake's magnitude at 5.9, but the US Geological "
            "Survey said it was 6.1. ")
    index = index_of(
        {
            "one": ("One", "2024-11-20", text),
            "two": ("Two", "2024-11-20", "The quake had a magnitude of 5.9, the national seismological centre said."),
        },
        tmp_path,
    )
    six, claim = find(index, "one", "6.1")
    assert six.unit == "magnitude"
    assert six.id == group_of(index, "one", "5.9").id == group_of(index, "two", "5.9").id
    assert six.verdict == "conflict"


def test_an_inch_mark_glued_to_a_number_is_inches_but_a_closing_quote_is_not():
    from newsx.core.nlp.quantities import find_quantities

    for text in ('a 3.1" touch screen', "a 3.1\u2033 SuperAMOLED display"):
        found = find_quantities(text)
        assert [(q.value, q.unit) for q in found] == [(3.1, "inches")], text
    found = find_quantities('He said "we saw 5" and left.')
    assert [q.unit for q in found] == [None]
