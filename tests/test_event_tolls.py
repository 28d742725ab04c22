"""A harm's toll joins it (core/link/events/tolls.py), on plain values."""

from __future__ import annotations

from newsx.core.link.events.tolls import HarmCluster, toll_owners


def cluster(family, sentences, date=None, future=False):
    return HarmCluster(family=family, sentences=set(sentences), date=date, future=future)


def test_deaths_told_with_a_quake_in_its_sentences_or_the_next_join_it():
    quake = cluster("quake", [("a", 0), ("b", 0), ("c", 2)], "2013-07-02")
    deaths = cluster("kill", [("a", 0), ("b", 1), ("c", 2)], "2013-07-02")  # b: the sentence after
    assert toll_owners([quake, deaths]) == {1: 0}


def test_deaths_told_apart_another_day_or_with_a_harm_to_come_stay_their_own():
    quake = cluster("quake", [("a", 0), ("b", 0)], "2013-07-02")
    apart = cluster("kill", [("a", 5), ("b", 9)])  # never beside the quake
    weeks_on = cluster("kill", [("a", 0), ("b", 0)], "2013-07-20")
    assert toll_owners([quake, apart, weeks_on]) == {}
    threat = cluster("attack", [("a", 0), ("b", 0)], future=True)  # "will strike", feared
    assert toll_owners([threat, cluster("injure", [("a", 0), ("b", 0)])]) == {}


def test_a_toll_joins_the_harm_it_is_told_with_most_and_never_another_toll():
    shooting = cluster("attack", [("a", 0), ("b", 0), ("c", 0)])
    fire = cluster("fire", [("a", 4)])
    wounded = cluster("injure", [("a", 0), ("b", 0), ("c", 0), ("a", 4)])
    dead = cluster("kill", [("a", 0), ("b", 0), ("c", 0)])
    assert toll_owners([shooting, fire, wounded, dead]) == {2: 0, 3: 0}


def test_the_wounded_of_a_firefight_told_a_paragraph_on_join_it_but_not_further():
    firefight = cluster("attack", [("a", 4), ("b", 7), ("c", 2)], "2021-11-24")
    wounded = cluster("injure", [("a", 7), ("b", 10), ("c", 9)], "2021-11-24")  # three after, three after, seven
    assert toll_owners([firefight, wounded]) == {1: 0}
    too_far = cluster("injure", [("a", 8), ("b", 11)], "2021-11-24")  # four after
    assert toll_owners([firefight, too_far]) == {}


def test_a_roof_that_collapsed_in_a_fire_joins_it_and_a_bridge_collapse_keeps_its_toll():
    from newsx.core.link.events.tolls import secondary_harm_owners

    fire = cluster("fire", [("a", 0), ("b", 1)], "2013-07-21")
    roof = cluster("collapse", [("a", 2), ("b", 2)], "2013-07-21")  # "half the roof collapsed during the blaze"
    assert secondary_harm_owners([fire, roof]) == {1: 0}
    bridge = cluster("collapse", [("a", 0), ("b", 0)], "2018-08-14")
    deaths = cluster("kill", [("a", 0), ("b", 1)], "2018-08-14")
    assert secondary_harm_owners([bridge, deaths]) == {}  # nothing it is the toll of
    assert toll_owners([bridge, deaths]) == {1: 0}  # and the deaths are its own toll
