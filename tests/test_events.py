"""Events on real articles: the seeds (through the session index) and an ECB+ cluster."""

from __future__ import annotations

import dataclasses
import json

import pytest
from conftest import ecbplus_cluster

from newsx.core.model.articles import LoadResult

REPORTING = {"say", "tell", "report", "add", "note", "state"}


def _sentence(index, article_id, n):
    return index.analyses[article_id].sentence_text(index.article_by_id[article_id].text, n)


def _events_with(index, words: str, article_prefix: str | None = None, family: str | None = None):
    """Events (of one trigger family) with a mention whose sentence contains `words`."""
    from newsx.core.nlp.event_lexicon import FAMILIES

    found = []
    for event in index.events:
        if family and FAMILIES.get(event.trigger, event.trigger) != family:
            continue
        for m in event.mentions:
            if article_prefix and not m.article.startswith(article_prefix):
                continue
            if words in _sentence(index, m.article, m.sentence):
                found.append(event)
                break
    return found


def _article(index, prefix: str, second: bool = False) -> str:
    ids = [a.id for a in index.articles if a.id.startswith(prefix) and ("#" in a.id) == second]
    assert ids, f"no article {prefix}{'#2' if second else ''}"
    return ids[0]


# ----------------------------------------------------------------------------- seeds


def test_the_austin_kim_meeting_is_one_event_across_the_articles(seed_index):
    at_conference = _events_with(seed_index, "press conference in Washington", family="meet")
    assert at_conference, "the press conference is an event mention"
    meeting = at_conference[0]
    # Every article that mentions the press conference in Washington sees the same event.
    assert all(e is meeting for e in at_conference)
    ap, ajp = _article(seed_index, "003_"), _article(seed_index, "002_")
    assert {ap, ajp, _article(seed_index, "004_")} <= set(meeting.articles)
    # "met in Washington" in the Reuters story and "During their meeting at the Pentagon" join it too.
    assert _events_with(seed_index, "met in Washington", family="meet")[0] is meeting
    assert _events_with(seed_index, "During their meeting at the Pentagon", family="meet")[0] is meeting
    names = {seed_index.entity_by_id[e].name for e in meeting.entities}
    assert any("Austin" in n for n in names) and any("Kim Yong-hyun" in n for n in names)
    assert "Austin" in meeting.label and "Kim" in meeting.label


def test_the_next_days_meeting_with_blinken_is_another_event(seed_index):
    scm = _events_with(seed_index, "press conference in Washington", family="meet")[0]
    two_plus_two = _events_with(seed_index, "scheduled to meet with Secretary of State Antony Blinken", family="meet")
    assert two_plus_two and two_plus_two[0] is not scm


def test_the_october_launch_and_the_december_2023_test_stay_apart(seed_index):
    reuters = _article(seed_index, "004_", second=True)
    october = _events_with(seed_index, "tested an intercontinental ballistic missile on Thursday", reuters, family="launch")
    december = _events_with(seed_index, "tested in December last year", reuters, family="launch")
    assert october and december
    assert october[0] is not december[0]
    # Dated when the loader or another article reporting the launch gives a date to read them by.
    assert december[0].date in (None, "2023-12")
    assert october[0].date in (None, "2024-10-31")
    # "The launch early on Thursday was the longest ballistic missile test": Thursday's, not December's.
    assert not [m for m in december[0].mentions if "longest" in _sentence(seed_index, m.article, m.sentence)]


def test_events_are_real_happenings_not_reporting_or_light_verbs(seed_index):
    assert seed_index.events
    for event in seed_index.events:
        assert event.trigger not in REPORTING | {"be", "have", "do"}
    # A bare mention ("the attacks") is kept per article only to join an event others say more about:
    # on the timeline every event names someone or somewhere, has a date, or several sources report it.
    for event in seed_index.events:
        assert event.entities or event.date or len(event.articles) >= 2, event
        assert event.label
    for analysis in seed_index.analyses.values():
        for raw in analysis.events:
            assert raw.label


def test_dates_resolve_against_the_articles_date(seed_index):
    ajp = _article(seed_index, "002_")
    if seed_index.article_by_id[ajp].published != "2024-10-31":
        pytest.skip("the loader did not find the AJP article's date")
    condemned = _events_with(seed_index, "on Thursday condemned", ajp, family="condemn")
    assert condemned and condemned[0].date == "2024-10-31"


def test_the_listing_opens_on_the_most_reported_event(seed_index):
    widest = max(len(e.articles) for e in seed_index.events)
    assert len(seed_index.events[0].articles) == widest
    assert seed_index.events[0].id == "ev1"


def test_timeline_is_sorted_with_undated_events_last(seed_index):
    from newsx.tui.screens.timeline import ordered_events

    dates = [e.date for e in ordered_events(seed_index.events)]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates == dated + [None] * (len(dates) - len(dated))


def test_events_json_follows_the_contract(seed_index):
    from newsx.core.export import events_json

    data = json.loads(json.dumps(events_json(seed_index)))
    ids = {a.id for a in seed_index.articles}
    for row in data:
        assert {"id", "label", "trigger", "date", "articles", "entities", "mentions"} <= set(row)
        assert set(row["articles"]) <= ids
        assert all(e in seed_index.entity_by_id for e in row["entities"])
        for m in row["mentions"]:
            assert m["article"] in row["articles"] and isinstance(m["sentence"], int)
        assert row["date"] is None or len(row["date"]) in (4, 7, 10)
    assert len({row["id"] for row in data}) == len(data)


@pytest.fixture(scope="module")
def dated_seed_index(seed_loaded, tmp_path_factory):
    """The seeds with every article dated 31 October 2024 (as a sidecar would give)."""
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    articles = [dataclasses.replace(a, published=a.published or "2024-10-31") for a in seed_loaded.articles]
    loaded = LoadResult(articles=articles, problems=list(seed_loaded.problems))
    return build_index(loaded, Settings(cache_dir=tmp_path_factory.mktemp("dated-seeds")))


def test_with_dates_the_launch_and_the_old_test_get_their_own_dates(dated_seed_index):
    reuters = _article(dated_seed_index, "004_", second=True)
    october = _events_with(dated_seed_index, "tested an intercontinental ballistic missile on Thursday", reuters, family="launch")[0]
    december = _events_with(dated_seed_index, "tested in December last year", reuters, family="launch")[0]
    assert october.date == "2024-10-31"
    assert december.date == "2023-12"
    meeting = _events_with(dated_seed_index, "press conference in Washington", family="meet")[0]
    assert meeting.date == "2024-10-30"
    assert meeting is not october
    # The AJP story's "North Korea launched a suspected long-range missile" is the same launch.
    ajp = _article(dated_seed_index, "002_")
    assert _events_with(dated_seed_index, "North Korea launched a suspected long-range missile", ajp, family="launch")[0] is october
    # "may test-launch an ICBM ... around the US presidential election on Tuesday" is a future one.
    possible = _events_with(dated_seed_index, "may test-launch", reuters, family="launch")
    assert all(e is not october and e.date in (None, "2024-11-05") for e in possible)


# ----------------------------------------------------------------------------- ECB+


@pytest.fixture(scope="module")
def shooting_index(tmp_path_factory):
    """ECB+ cluster 18: eleven reports of one office shooting near Detroit."""
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    folder = ecbplus_cluster("18ecbplus")
    return build_index(load_corpus([folder]), Settings(cache_dir=tmp_path_factory.mktemp("ecb18")))


def test_ecbplus_the_suspects_arrest_is_one_event_across_reports(shooting_index):
    arrests = [e for e in shooting_index.events if e.trigger in ("arrest", "detain", "capture") and len(e.articles) >= 2]
    assert arrests, [e.label for e in shooting_index.events]
    arrest = arrests[0]
    assert any("LaCalamita" in shooting_index.entity_by_id[e].name for e in arrest.entities)
    assert arrest.date is None or arrest.date.startswith("2007-04")


def test_ecbplus_dates_fall_in_the_story_weeks(shooting_index):
    # The shooting was on 9 April 2007 and the trial a year later: every resolved date is near.
    dated = [e.date for e in shooting_index.events if e.date]
    assert dated
    assert all("2006" <= d[:4] <= "2008" for d in dated), dated


def test_a_house_number_is_not_the_year_of_an_arrest(tmp_path):
    from conftest import index_of

    story = {"a1": ("Wire A", "2005-03-09", "Gary Vik was arrested late Tuesday night at 2088 Philip Street in Leeds."),
             "a2": ("Wire B", None, "Gary Vik was arrested late Tuesday night at 2088 Philip Street in Leeds.")}
    index = index_of(story, tmp_path)
    arrests = [e for e in index.events if e.trigger == "arrest"]
    assert arrests and all(e.date is None or e.date < "2006" for e in arrests), [(e.label, e.date) for e in arrests]


def test_undated_reports_of_one_killing_in_one_town_are_one_event(tmp_path):
    # nobody named, no dates: the town says where, and "a Fairhaven man" is from there, not a doer
    from conftest import index_of

    background = " Fairhaven police chief Ann Lowe said the Fairhaven Street home had been visited before."
    story = {
        "k1": ("Wire A", None, "A 35-year-old Fairhaven man stabbed two women to death in Fairhaven." + background),
        "k2": ("Wire B", None, "Two women were found stabbed to death in a home in Fairhaven." + background),
        "k3": ("Wire C", None, "The killings in Fairhaven shocked neighbours." + background),
    }
    index = index_of(story, tmp_path)
    killings = [e for e in index.events if e.trigger in ("stab", "kill", "killing", "death")]
    assert len(killings) == 1 and set(killings[0].articles) == set(story), [(e.label, e.articles) for e in index.events]
    assert not killings[0].label.startswith("Fairhaven"), killings[0].label  # the town did not do it
