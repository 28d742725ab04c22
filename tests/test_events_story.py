"""The story's main event: one event across the sources that report it, whatever words they use,
with its secondary events (aftershocks, arrests) and an earlier event of the same kind apart."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import ecbplus_cluster
from test_events_linking import Corpus

from newsx.core.link.events.labels import future_label, happening_label
from newsx.core.nlp.event_lexicon import FAMILIES

ISLAND = ("Qeshm", "GPE")
COUNTRY = ("Iran", "GPE")
GULF = ("Persian Gulf", "LOC")


def _story(published=("2005-11-27", "2005-11-28", "2005-11-28", "2005-11-29")):
    """Four reports of one earthquake: they name the same places, never the same party to it."""
    c = Corpus()
    ids = [c.article(f"a{n}", published=day) for n, day in enumerate(published)]
    return c, ids


def test_bare_reports_of_one_quake_in_several_articles_are_one_event():
    c, ids = _story()
    c.event(ids[0], "earthquake", places=[ISLAND], date="2005-11-27", sentence=0)
    c.event(ids[1], "quake", sentence=1)  # "the quake": nobody, nowhere, no date
    c.event(ids[2], "tremor", places=[COUNTRY], sentence=2)
    c.event(ids[3], "earthquake", places=[GULF], sentence=3)
    for a in ids:  # each report also names the island and the country elsewhere
        c.event(a, "visit", participants=[("Red Crescent", "ORG"), COUNTRY], places=[ISLAND], sentence=9)
    events, _ = c.link()
    quakes = [e for e in events if FAMILIES.get(e.trigger) == "quake"]
    assert len(quakes) == 1
    assert set(quakes[0].articles) == set(ids)
    assert quakes[0].date == "2005-11-27"


def test_aftershocks_and_an_earlier_quake_stay_their_own_events():
    c, ids = _story()
    for a in ids:
        c.event(a, "earthquake", places=[ISLAND], sentence=0)
        c.event(a, "aftershock", places=[ISLAND], sentence=1)
    c.event(ids[0], "earthquake", places=[COUNTRY], date="2003-12-26", sentence=2)  # the Bam quake
    events, _ = c.link()
    of = lambda article, sentence: next(e for e in events if any(m.article == article and m.sentence == sentence for m in e.mentions))  # noqa: E731
    main = of(ids[0], 0)
    assert set(main.articles) == set(ids)
    assert of(ids[1], 1) is not main and FAMILIES.get(of(ids[1], 1).trigger) == "aftershock"
    assert of(ids[0], 2) is not main and of(ids[0], 2).date == "2003-12-26"


def test_the_main_event_is_dated_by_the_reports_when_no_mention_says_when():
    c, ids = _story(("2005-11-28", "2005-11-27", "2005-11-28", "2005-11-28"))
    for a in ids:
        c.event(a, "earthquake", places=[ISLAND], sentence=0)
    events, _ = c.link()
    quake = next(e for e in events if e.trigger == "earthquake")
    assert len(quake.articles) == 4
    assert quake.date == "2005-11-27"  # the day the first reports came out


def test_reports_a_month_apart_of_an_undated_kind_are_not_merged_by_the_story():
    c, ids = _story(("2005-11-27", "2005-11-28", "2006-01-20", "2006-01-21"))
    for a in ids:
        c.event(a, "earthquake", sentence=0)
        c.event(a, "visit", participants=[("Red Crescent", "ORG"), COUNTRY], places=[ISLAND], sentence=9)
    events, _ = c.link()
    quakes = [set(e.articles) for e in events if e.trigger == "earthquake"]
    assert {"a0", "a1"} in quakes and {"a2", "a3"} in quakes


def test_verbs_of_one_kind_name_one_family():
    assert FAMILIES["buy"] == FAMILIES["acquire"] == FAMILIES["acquisition"] == FAMILIES["takeover"]
    assert FAMILIES["earthquake"] == FAMILIES["quake"] == FAMILIES["tremor"]
    assert FAMILIES["aftershock"] != FAMILIES["earthquake"]
    assert FAMILIES["explosion"] == FAMILIES["blast"]
    assert FAMILIES["arrest"] != FAMILIES["kill"]


def test_labels_say_what_happened_to_whom_and_where():
    assert happening_label("earthquake", Counter({"strike": 3, "jolt": 1}), "Aceh") == "Earthquake strikes Aceh"
    assert happening_label("blast", Counter(), "Athens") == "Blast in Athens"
    assert happening_label("quake", Counter({"measure": 2}), None) == "Quake"
    assert future_label(["HP"], "buy", ["EYP"], None) == "HP to buy EYP"


# ----------------------------------------------------------------------------- spaCy


@pytest.fixture(scope="module")
def nlp():
    from newsx.core.nlp.pipeline import load_pipeline
    from newsx.core.settings import Settings

    return load_pipeline(Settings().model)


def _raw_events(nlp, text, published="2005-11-28"):
    from newsx.core.model.articles import Article
    from newsx.core.nlp.analysis import analyse_doc

    article = Article(id="t", path="t.txt", title="t", text=text, published=published)
    return analyse_doc(nlp(text), article).events


def test_a_verb_that_tells_of_an_earthquake_is_the_earthquake(nlp):
    events = _raw_events(nlp, "A powerful earthquake struck the island of Qeshm on Sunday, killing ten people.")
    struck = next(e for e in events if e.text == "struck")
    assert struck.trigger == "earthquake" and struck.verb == "strike"
    assert struck.date == "2005-11-27"
    assert any(FAMILIES.get(e.trigger) == "kill" for e in events)


# ----------------------------------------------------------------------------- ECB+


@pytest.fixture(scope="module")
def quake_index(tmp_path_factory):
    """ECB+ cluster 20ecbplus: eleven reports of one earthquake on an Iranian island."""
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    folder = ecbplus_cluster("20ecbplus")
    return build_index(load_corpus([folder]), Settings(cache_dir=tmp_path_factory.mktemp("ecb20")))


def test_ecbplus_the_earthquake_is_one_event_across_most_reports(quake_index):
    quakes = sorted((e for e in quake_index.events if FAMILIES.get(e.trigger) == "quake"), key=lambda e: -len(e.articles))
    assert quakes, [e.label for e in quake_index.events]
    main = quakes[0]
    assert len(main.articles) >= 0.8 * len(quake_index.articles), main
    assert main.date in ("2005-11-27", "2005-11-28")
    assert main.label.split()[0] in ("Earthquake", "Quake") and ("Iran" in main.label or "Qeshm" in main.label)
    half = [e for e in quake_index.events if len(e.articles) * 2 >= len(quake_index.articles)]
    assert len(half) <= 3, [e.label for e in half]


# ----------------------------------------------------------------------------- Timeline


async def test_the_timeline_shows_what_happened_first(ui_index):
    from newsx.tui.app import NewsxApp

    app = NewsxApp(index=ui_index)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        table = app.screen.query_one("#events")
        assert [str(c.label) for c in table.ordered_columns] == ["Event", "Date", "Src"]
        event = next(e for e in ui_index.events if e.id == table.current_key)
        first = table.get_row_at(table.cursor_row)[0]
        assert str(first) in (event.label, event.label[:47].rstrip() + "…")


def test_reports_of_the_story_kind_that_share_no_name_are_still_one_event():
    # Weak names: each report calls the place and the people by other words, so no entity is shared;
    # the fire is what most of the corpus reports, in one week, so it is one fire.
    c, ids = _story()
    for n, a in enumerate(ids):
        c.event(a, "fire", places=[(f"Place{n}", "GPE")], sentence=0)
        c.event(a, "blaze", sentence=1)
    events, _ = c.link()
    fires = [e for e in events if FAMILIES.get(e.trigger) == "fire"]
    assert len(fires) == 1 and set(fires[0].articles) == set(ids)


def test_a_kind_few_articles_report_joins_only_on_shared_names():
    # Two fires in a story of a quake and its aftershocks: naming nothing in common, they stay two.
    c, ids = _story(("2005-11-27", "2005-11-27", "2005-11-28", "2005-11-28", "2005-11-28", "2005-11-29"))
    for a in ids:
        c.event(a, "earthquake", places=[ISLAND], sentence=0)
    for a in ids[2:]:
        c.event(a, "aftershock", places=[ISLAND], sentence=2)
    c.event(ids[0], "fire", places=[("Northgate", "GPE")], sentence=1)
    c.event(ids[1], "fire", places=[("Eastvale", "GPE")], sentence=1)
    events, _ = c.link()
    fires = [set(e.articles) for e in events if FAMILIES.get(e.trigger) == "fire"]
    assert {ids[0]} in fires and {ids[1]} in fires


def test_reports_split_between_two_days_date_the_event_by_the_earlier():
    c, ids = _story(("2009-07-13", "2009-07-13", "2009-07-20", "2009-07-20"))
    for a in ids:
        c.event(a, "earthquake", places=[ISLAND], sentence=0)
    events, _ = c.link()
    quake = next(e for e in events if e.trigger == "earthquake")
    assert len(quake.articles) == 4 and quake.date == "2009-07-13"


def test_an_old_date_half_the_reports_give_is_background_to_this_weeks_event():
    # "beat him in 2008" in half the reports of Saturday's rematch: the event is this week's.
    c, ids = _story(("2012-07-07", "2012-07-07", "2012-07-07", "2012-07-08"))
    champion, challenger = ("Wim Kolt", "PERSON"), ("Tod Tamm", "PERSON")
    for n, a in enumerate(ids):
        c.event(a, "win", participants=[champion, challenger], sentence=0)
        if n % 2:
            c.event(a, "win", participants=[champion, challenger], date="2008", sentence=1)
    events, _ = c.link()
    fight = next(e for e in events if any(m.article == ids[0] and m.sentence == 0 for m in e.mentions))
    assert set(fight.articles) == set(ids)
    assert fight.date == "2012-07-07"


def test_two_fresh_dates_as_often_given_date_the_event_by_the_earlier():
    # One report says "Friday" (the 24th), a later one "Saturday" (the 25th, the day it went on):
    # reports only follow an event, so the event is the earlier day.
    shooter, officer = ("Lou Oro", "PERSON"), ("Jon Ortz", "PERSON")
    c, ids = _story(("2005-06-25", "2005-06-26", "2005-06-26", "2005-06-26"))
    for n, a in enumerate(ids):
        c.event(a, "shoot", participants=[shooter, officer], date={0: "2005-06-24", 1: "2005-06-25"}.get(n), sentence=0)
    events, _ = c.link()
    shooting = next(e for e in events if e.trigger == "shoot")
    assert set(shooting.articles) == set(ids) and shooting.date == "2005-06-24"


def test_reports_of_an_ongoing_event_weeks_after_its_start_are_that_event():
    # The deployment began on the 8th (one report says so); the others, three weeks on, speak of
    # "the deployment" without a date: it is the one event, not a second one.
    c, ids = _story(("2024-10-30", "2024-10-30", "2024-10-31", "2024-10-31"))
    c.event(ids[0], "deployment", places=[("Place0", "GPE")], date="2024-10-08", sentence=0)
    for n, a in enumerate(ids[1:], 1):
        c.event(a, "deployment", places=[(f"Place{n}", "GPE")], sentence=1)
    events, _ = c.link()
    deployments = [set(e.articles) for e in events if FAMILIES.get(e.trigger) == "deploy"]
    assert deployments == [set(ids)]


def test_the_trials_reports_look_back_on_the_shooting_most_of_the_story_reports():
    # The shooting (2012) is what most articles report, with its date; the trial's reports a year
    # and a half on speak of "the shooting" without one: the same shooting.
    days = ("2013-09-26", "2013-09-26", "2013-09-27", "2013-09-27", "2013-09-28")
    c, ids = _story(days)
    for n, a in enumerate(ids[:4]):
        c.event(a, "shooting", places=[(f"Place{n}", "GPE")], date="2012-04-08", sentence=0)
    c.event(ids[4], "shooting", places=[("Place4", "GPE")], sentence=2)
    events, _ = c.link()
    shootings = [set(e.articles) for e in events if FAMILIES.get(e.trigger) == "attack"]
    assert shootings == [set(ids)]


def test_reports_naming_the_gunman_and_reports_naming_the_victim_tell_one_shooting():
    # Three reports say who fired and never name the victim; one says who was shot, and names
    # the gunman elsewhere.
    shooter, victim = ("Lou Oro", "PERSON"), ("Jon Ortz", "PERSON")
    c, ids = _story(("2005-06-25", "2005-06-25", "2005-06-26", "2005-06-26"))
    for n, a in enumerate(ids):
        c.event(a, "shoot", participants=[shooter if n < 3 else victim], places=[(f"Place{n}", "GPE")], sentence=0)
    c.event(ids[3], "visit", participants=[shooter], sentence=9)
    events, _ = c.link()
    shootings = [set(e.articles) for e in events if e.trigger == "shoot"]
    assert shootings == [set(ids)], [(e.label, e.articles) for e in events]
