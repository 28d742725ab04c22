"""The story's main event: the sources' opening acts, whatever verb each uses, as one event; other
events (an arrest, an act of other people, another week's) stay their own."""

from __future__ import annotations

from collections import Counter

from conftest import index_of

from newsx.core.link.events.main import LeadCluster, in_headline, main_event_joins

BAN_STORY = {
    "a1": ("Daily Post", "2021-03-04", "Governor Maria Holt overturned the state's ban on night fishing. The ban had "
           "been in place since 2015. Anglers welcomed the decision.\n\nLater, police arrested Dan Cole, a protester, "
           "outside the Capitol."),
    "a2": ("Harbor News", "2021-03-04", "Governor Maria Holt reversed a ban on night fishing. Fishing groups had "
           "campaigned against the rule for years."),
    "a3": ("River Times", "2021-03-05", "Governor Maria Holt on Wednesday revoked the ban on night fishing. The "
           "decision takes effect next month."),
    "a4": ("Coast Wire", "2021-03-05", "Governor Maria Holt lifted the night fishing ban that critics called unfair."),
}


def test_sources_that_open_on_one_act_with_different_verbs_report_one_event(tmp_path):
    index = index_of(BAN_STORY, tmp_path)
    main = max(index.events, key=lambda e: len(e.articles))
    assert set(main.articles) == set(BAN_STORY)
    assert main.date == "2021-03-03"  # "on Wednesday", read against the articles' dates
    assert "Maria Holt" in main.label
    arrest = [e for e in index.events if e.trigger == "arrest"]
    assert len(arrest) == 1 and arrest[0] is not main and arrest[0].articles == ("a1",)


def test_an_opening_act_no_other_source_reports_is_not_an_event(tmp_path):
    # "lifted" is of no kind of event the lexicon knows: kept only if another source reports it
    index = index_of({"a1": BAN_STORY["a4"]}, tmp_path)
    assert not [e for e in index.events if e.trigger == "lift"]


def _lead(family, people, leads=1, articles=("x",), date=None, known=False, core=None):
    return LeadCluster(family=family, known=known, articles=set(articles), lead_people=set(people), leads=leads,
                       people=Counter({p: len(articles) for p in (core if core is not None else people)}), date=date)


def test_a_lead_joins_the_main_event_only_when_it_names_its_people_on_a_fitting_date():
    clusters = [
        _lead("overturn", {"holt"}, leads=3, articles=("a", "b", "c"), date="2021-03-03"),
        _lead("reverse", {"holt"}, articles=("d",), date="2021-03-04"),  # a day apart: still the act
        _lead("lift", {"cole"}, articles=("e",)),  # other people
        _lead("revoke", {"holt"}, articles=("f",), date="2021-04-20"),  # another month
    ]
    main, joins = main_event_joins(clusters)
    assert main == 0
    assert joins == [1]


def test_known_different_kinds_of_event_stay_apart_even_with_the_same_people():
    clusters = [
        _lead("shoot", {"moss"}, leads=3, articles=("a", "b", "c"), known=True),
        _lead("arrest", {"moss"}, articles=("d",), known=True),
        _lead("open", {"moss"}, articles=("e",)),  # "opened fire": a verb of no known kind
    ]
    assert main_event_joins(clusters) == (0, [2])


def test_the_headline_names_the_event_in_any_form_of_its_word():
    assert in_headline("scrap", "scrapped", "Mayor scraps curfew")
    assert in_headline("die", "died", "Jazz singer dies at 85")
    assert not in_headline("visit", "visited", "Mayor scraps curfew")


def test_a_deal_agreed_and_a_deal_done_are_one_acquisition():
    # "HP agreed to buy EYP" (to come) and "HP acquired EYP", "the acquisition": one deal, where
    # "will meet" and "met" would be two meetings.
    from test_events_linking import Corpus

    buyer, bought = ("Hewlett-Packard", "ORG"), ("EYP Mission Critical Facilities", "ORG")
    c = Corpus()
    ids = [c.article(f"a{n}", published=day) for n, day in enumerate(("2007-11-12", "2007-11-12", "2007-11-13", "2007-11-13"))]
    c.event(ids[0], "buy", participants=[buyer, bought], future=True)
    c.event(ids[1], "buy", participants=[buyer, bought], future=True)
    c.event(ids[2], "acquire", participants=[buyer, bought])
    c.event(ids[3], "acquisition", participants=[buyer, bought])
    events, _ = c.link()
    assert [set(e.articles) for e in events] == [set(ids)]
