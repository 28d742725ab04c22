"""Claim grouping, verdicts and claimers end to end (issue 13), on short articles written for the
purpose: the same figure worded differently is one group, other scopes stay apart, verdicts follow
qualifiers, roundings and time, and the claimer shown is a name. One index for the module."""

from __future__ import annotations

import pytest
from conftest import find_claim, index_of

ARTICLES = {
    "north": (
        "North Times",
        "2024-03-04",
        "A fire at the Halvers chemical plant killed 12 people on Monday. "
        "The company has 350 employees at the plant. "
        "Thieves also stole jewels worth $2.6 million from the plant's safe during the fire. "
        "At least 5 people were injured in the blaze at the plant. "
        "Tickets for the memorial concert cost $99.99.\n"
        "Police Chief Daniel Brooks arrived at the plant on Monday night. "
        "He said 3 firefighters were treated for smoke.\n"
        "A fire at the same plant in 1998 killed 30 people.\n"
        "Eight trucks arrived at the plant with water.",
    ),
    "south": (
        "South Herald",
        "2024-03-05",
        "Twelve people died in the fire at the Halvers chemical plant. "
        "A staff of 350 workers ran the plant. "
        "The stolen jewels were worth two million euros, the insurer said. "
        "Seven people were hurt in the blaze at the plant. "
        "Tickets for the memorial concert cost $99.\n"
        "\"The fire spread very fast. We evacuated 200 residents from the streets nearby. "
        "Nobody was left behind,\" said Mayor Ellen Park.\n"
        "In the nearby town of Corvale, 40 people were injured by the smoke.\n"
        "Three trucks left the depot at dawn, they said.",
    ),
    "later": (
        "Evening Post",
        "2024-03-12",
        "Twenty people have now died after the fire at the Halvers chemical plant, hospital officials said.",
    ),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return index_of(ARTICLES, tmp_path_factory.mktemp("pipeline-cache"))


find = find_claim


def same_group(index, *claims):
    ids = {find(index, article, number)[0].id for article, number in claims}
    return len(ids) == 1


def test_killed_died_and_a_later_toll_are_one_group_that_changed(index):
    assert same_group(index, ("north", "12"), ("south", "Twelve"), ("later", "Twenty"))
    group, _ = find(index, "north", "12")
    assert group.verdict == "changed"  # 12 on 4-5 March, 20 a week later: the toll rose


def test_employees_staff_and_workers_are_one_group_that_agrees(index):
    assert same_group(index, ("north", "350"), ("south", "350"))
    assert find(index, "north", "350")[0].verdict == "agree"


def test_one_loot_in_two_currencies_is_one_group(index):
    assert same_group(index, ("north", "$2.6 million"), ("south", "two million euros"))
    assert find(index, "north", "$2.6 million")[0].verdict != "conflict"


def test_at_least_five_and_seven_injured_agree(index):
    assert same_group(index, ("north", "At least 5"), ("south", "Seven"))
    assert find(index, "north", "At least 5")[0].verdict == "agree"


def test_a_price_and_its_rounding_agree(index):
    assert same_group(index, ("north", "$99.99"), ("south", "$99"))
    assert find(index, "north", "$99.99")[0].verdict == "agree"


def test_injured_in_another_town_is_another_group(index):
    assert not same_group(index, ("north", "At least 5"), ("south", "40"))


def test_an_earlier_event_is_another_group(index):
    assert not same_group(index, ("north", "12"), ("north", "30"))
    assert find(index, "north", "30")[0].verdict != "conflict"


def test_uncertain_sameness_is_kept_apart_not_a_conflict(index):
    # trucks arriving at the plant and trucks leaving a depot: nothing says they are one figure
    eight, _ = find(index, "north", "Eight")
    three, _ = find(index, "south", "Three")
    assert eight.id != three.id or eight.verdict != "conflict"
    assert eight.verdict != "conflict" and three.verdict != "conflict"


def test_he_said_after_a_named_official_names_him(index):
    _, c = find(index, "north", "3")
    assert "Brooks" in c.claimer


def test_a_sentence_inside_a_long_quote_takes_its_speaker(index):
    _, c = find(index, "south", "200")
    assert "Park" in c.claimer


def test_the_claimer_shown_is_never_a_pronoun(index):
    for group in index.claim_groups:
        for c in group.claims:
            assert c.claimer.lower() not in ("he", "she", "they", "it", "we", "i"), (c.article, c.text, c.claimer)


# ------------------------------------------------------------- a place named before ("the island")

ISLAND = {
    "wire": ("Wire", "2024-05-02", "A strong quake struck Marren Island on Sunday. "
             "Marren Island, home to 120,000 people, lies off the coast."),
    "agency": ("Agency", "2024-05-02", "A strong quake struck Marren Island on Sunday. "
               "The quake was centred near Marren Island, home to 200,000 people, the survey said."),
    "daily": ("Daily", "2024-05-02", "A strong quake struck Marren Island on Sunday, killing three. "
              "The island, which has about 200,000 residents, is 900 miles south of the capital."),
    "other": ("Other", "2024-05-02", "A strong quake struck Marren Island on Sunday. "
              "Relief reached the town of Halberg. The town, which has about 200,000 residents, was spared."),
}


@pytest.fixture(scope="module")
def island_index(tmp_path_factory):
    return index_of(ISLAND, tmp_path_factory.mktemp("island-cache"))


def test_a_figure_given_of_the_island_meets_the_one_given_of_the_named_island(island_index):
    group, _ = find(island_index, "daily", "about 200,000")
    assert {c.article for c in group.claims} >= {"wire", "agency", "daily"}
    assert group.verdict == "conflict"  # 120,000 and about 200,000 people cannot both hold


def test_the_town_is_the_town_named_before_it_not_the_island(island_index):
    island_group, _ = find(island_index, "daily", "about 200,000")
    town_group, _ = find(island_index, "other", "about 200,000")
    assert island_group.id != town_group.id


# ------------------------------------------------------------- "it said" is never the person talked about

PRISON = {
    "prison": ("Wire", "2024-05-02",
               "An inmate escaped from a prison van after pulling a gun on two guards, according to a prison statement Monday. "
               "Comeaux was serving a life sentence for two counts of aggravated assault, it said."),
}


def test_it_said_takes_the_body_named_before_not_the_sentences_subject(tmp_path):
    index = index_of(PRISON, tmp_path / "cache")
    claimers = {c.sentence.startswith("Comeaux"): c.claimer for g in index.claim_groups for c in g.claims}
    assert "statement" in claimers[True] and "Comeaux" not in claimers[True]


def test_a_measure_is_about_the_noun_its_phrase_names_not_a_modifier(tmp_path):
    index = index_of({"phone": ("Wire", "2024-05-02", "The phone also features a 3.1 inch OLED display and a keyboard.")},
                     tmp_path / "cache")
    (raw,) = [c for c in index.analyses["phone"].claims if c.value == 3.1]
    assert raw.anchor == "display"


def test_people_evacuated_and_people_rescued_are_two_figures(tmp_path):
    flood = {
        "east": ("East Wire", "2024-05-02", "Floods hit the Marren valley on Tuesday. Officials said 1,200 people were evacuated from the valley."),
        "west": ("West Daily", "2024-05-02", "Floods hit the Marren valley on Tuesday. Rescuers said 30 people were rescued from rooftops in the valley."),
    }
    index = index_of(flood, tmp_path)
    evacuated, _ = find(index, "east", "1,200")
    rescued, _ = find(index, "west", "30")
    assert evacuated.id != rescued.id  # not a conflict between 1,200 and 30
    assert "evacuated" in evacuated.topic and "rescued" in rescued.topic
