"""Stories: articles about one event are one story; two similar events years apart are two."""

from __future__ import annotations

from newsx.core.link.stories.clustering import find_stories, story_of
from newsx.core.model.articles import Article

QUAKE = (
    "A magnitude {mag} earthquake struck the Zagros mountains near the town of {town} on {day}, "
    "collapsing {homes} mud-brick homes. Rescuers from the provincial Red Crescent searched the rubble "
    "overnight and {dead} people were confirmed dead, the governor of {province} province said. "
    "Aftershocks rattled {town} and villages along the valley road."
)


def quake(n: int, published: str, town: str, province: str, **kw) -> Article:
    text = QUAKE.format(town=town, province=province, **kw)
    return Article(id=f"{town}-{n}", path=f"/x/{town}-{n}.txt", title=f"Earthquake hits {town}", text=text, published=published)


def test_two_similar_events_years_apart_are_two_stories_and_each_stays_whole():
    first = [
        quake(n, f"2005-02-{22 + n}", "Zarand", "Kerman", mag=6.4, day="Tuesday", homes=400 + n, dead=500 + n) for n in range(3)
    ]
    second = [
        quake(n, f"2017-11-{12 + n}", "Sarpol", "Kermanshah", mag=7.3, day="Sunday", homes=900 + n, dead=430 + n) for n in range(3)
    ]
    articles = first + second
    stories = find_stories(articles, {})
    assert len(stories) == 2
    found = story_of(stories)
    assert len({found[a.id] for a in first}) == 1 and len({found[a.id] for a in second}) == 1
    assert found[first[0].id] != found[second[0].id]
    story = next(s for s in stories if first[0].id in s.articles)
    assert (story.first, story.last) == ("2005-02-22", "2005-02-24")


def test_every_article_is_in_exactly_one_story(mixed_index):
    listed = [a for s in mixed_index.stories for a in s.articles]
    assert sorted(listed) == sorted(a.id for a in mixed_index.articles)
    # Claims, events and entities are linked within a story: none mixes the two.
    story_of_article = mixed_index.story_of_article
    for group in mixed_index.claim_groups:
        assert len({story_of_article[c.article] for c in group.claims}) == 1
    for event in mixed_index.events:
        assert len({story_of_article[a] for a in event.articles}) == 1
    for entity in mixed_index.entities:
        assert len({story_of_article[a] for a in entity.articles}) == 1


def test_one_story_alone_is_one_story(seed_index):
    assert len(seed_index.stories) == 1
    assert set(seed_index.stories[0].articles) == {a.id for a in seed_index.articles}


def test_fast_average_link_gives_the_clusters_of_the_reference_heap():
    # The compiled path (connected groups, scipy's average linkage) must find exactly the clusters
    # the plain heap does, including chains that average link refuses to merge.
    import random

    import numpy as np

    from newsx.core.link.stories.clustering import attach_small, attach_small_pairs, average_link, average_link_pairs

    rng = random.Random(7)
    for _ in range(20):
        n = 60
        sims = {}
        for _pair in range(150):
            i, j = sorted(rng.sample(range(n), 2))
            sims[(i, j)] = round(rng.random() ** 2, 3)
        pi = np.array([i for i, _ in sims])
        pj = np.array([j for _, j in sims])
        v = np.array(list(sims.values()))
        expected = average_link(n, sims, 0.3)
        found = average_link_pairs(n, pi, pj, v, 0.3)
        assert sorted(sorted(c) for c in found) == sorted(sorted(c) for c in expected)
        assert sorted(sorted(c) for c in attach_small_pairs(found, pi, pj, v, 0.05, 2)) == sorted(
            sorted(c) for c in attach_small(expected, sims, 0.05, 2)
        )


def test_two_similar_events_stay_apart_even_when_one_article_bridges_them():
    # A chain a-b-c where only a-b and b-c are alike: average link keeps the weak end out.
    import numpy as np

    from newsx.core.link.stories.clustering import average_link_pairs

    clusters = average_link_pairs(3, np.array([0, 1]), np.array([1, 2]), np.array([0.9, 0.5]), 0.3)
    assert sorted(sorted(c) for c in clusters) == [[0, 1], [2]]


def _story_of_two_quakes(second_year: str) -> tuple[list[Article], list[Article]]:
    first = [
        quake(n, f"2009-03-{10 + n}", "Zarand", "Kerman", mag=6.4, day="Tuesday", homes=400 + n, dead=50 + n) for n in range(4)
    ]
    second = [
        quake(n, f"{second_year}-03-{10 + n}", "Sarpol", "Kermanshah", mag=7.3, day="Sunday", homes=900 + n, dead=43 + n)
        for n in range(4)
    ]
    return first, second


def test_a_story_holding_two_quakes_years_apart_is_cut_in_two():
    from newsx.core.link.stories.features import article_features
    from newsx.core.link.stories.split import split_apart_in_time

    first, second = _story_of_two_quakes("2013")
    articles = first + second
    # One cluster as word overlap alone would leave it: both quakes together.
    parts = split_apart_in_time([list(range(len(articles)))], article_features(articles, {}))
    assert sorted(sorted(p) for p in parts) == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_two_sides_of_one_time_are_not_cut():
    # The same two groups of articles, written in the same days: one story told from two places.
    from newsx.core.link.stories.features import article_features
    from newsx.core.link.stories.split import split_apart_in_time

    first, second = _story_of_two_quakes("2009")
    articles = first + second
    parts = split_apart_in_time([list(range(len(articles)))], article_features(articles, {}))
    assert parts == [list(range(len(articles)))]
