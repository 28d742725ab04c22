"""Grouping and verdicts on plain data (no spaCy): the rules a reader relies on."""

from __future__ import annotations

from newsx.core.link.claims.grouping import build_groups
from newsx.core.model.analyses import ArticleAnalysis, RawClaim
from newsx.core.model.articles import Article
from newsx.core.nlp.quantities import UNKNOWN_CURRENCY, bounds


def raw(value, *, qualifier=None, unit="people", dimension="count", lemma="person", event="kill", said_on=None,
        refers_to=None, start=0, sentence=0, factor=1.0, anchor="", places=(), extra=False, subset=False, verb=None,
        claimer=None, context=()):
    low, high = bounds(value, qualifier)
    return RawClaim(
        value=value, low=low, high=high, unit=unit, dimension=dimension, qualifier=qualifier, counted=lemma,
        counted_lemma=lemma, text=str(value), start=start, end=start + len(str(value)), sentence=sentence,
        claimer=claimer, verb=verb, said_on=said_on, refers_to=refers_to, factor=factor, event=event,
        anchor=anchor, places=tuple(places), extra=extra, subset=subset, context=tuple(context),
    )


def groups_for(*per_article):
    articles, analyses = [], {}
    for n, claims in enumerate(per_article):
        text = "x " * 400
        article = Article(id=f"a{n}", path=f"a{n}.txt", title="t", text=text, outlet=f"Outlet {n}")
        articles.append(article)
        analyses[article.id] = ArticleAnalysis(sentences=((0, len(text)),), mentions=(), claims=tuple(claims))
    return build_groups(articles, analyses, [])


def test_same_day_different_values_conflict():
    (group,) = groups_for([raw(12, said_on="2010-05-05")], [raw(18, said_on="2010-05-05")])
    assert group.verdict == "conflict"


def test_values_rising_with_the_date_said_changed():
    (group,) = groups_for([raw(120, said_on="2024-10-25")], [raw(150, said_on="2024-11-02")])
    assert group.verdict == "changed"
    assert "2024-10-25" in group.reason and "2024-11-02" in group.reason


def test_equal_values_agree_and_one_claim_is_single():
    (group,) = groups_for([raw(3)], [raw(3, qualifier="more than")])
    assert group.verdict == "agree"
    (alone,) = groups_for([raw(3)])
    assert alone.verdict == "single"


def test_killed_and_injured_never_share_a_group():
    groups = groups_for([raw(3, event="kill")], [raw(3, event="injure")])
    assert len(groups) == 2


def test_different_places_or_times_stay_apart():
    assert len(groups_for([raw(20000, places=["Athens"])], [raw(20000, places=["Thessaloniki"])])) == 2
    assert len(groups_for([raw(3, refers_to="2007-03")], [raw(3, refers_to="2007-04-09")])) == 2


def test_other_and_of_them_mark_a_different_quantity():
    assert len(groups_for([raw(2, extra=True)], [raw(2)])) == 2
    assert len(groups_for([raw(3000, subset=True)], [raw(3000)])) == 2


def test_units_of_one_dimension_convert():
    km = raw(50, unit="km", dimension="length", lemma="station", anchor="station", event="deploy")
    miles = raw(31, unit="miles", dimension="length", lemma="station", anchor="station", event="deploy", factor=1.609344)
    (group,) = groups_for([km], [miles])
    assert group.verdict == "agree"


def test_money_is_compared_per_currency_and_a_lost_sign_joins_the_nearest():
    eur = dict(dimension="money", lemma="bailout", anchor="lend", event="lend")
    (group,) = groups_for(
        [raw(22e9, unit="EUR", **eur)],
        [raw(22.4e9, unit=UNKNOWN_CURRENCY, **eur)],
        [raw(28e9, unit="USD", **eur)],
    )
    assert group.verdict == "conflict"  # 22 vs 22.4 billion euros
    assert set(group.unit.split("/")) == {"EUR", "USD"}
    share, total = groups_for([raw(22e9, unit="EUR", **eur)], [raw(110e9, unit="EUR", **eur)])
    assert share.id != total.id


def test_a_source_saying_the_figure_rose_marks_a_change():
    (group,) = groups_for([raw(3000, event="deploy", lemma="troop")],
                          [raw(11000, event="deploy", lemma="troop", verb="increase", claimer="Seoul")])
    assert group.verdict == "changed"
    assert "Seoul" in group.reason and "increased" in group.reason


def test_bounds_that_overlap_still_show_as_a_soft_conflict():
    speed = dict(unit="mph", dimension="speed", lemma="speed", anchor="speed", event="chase")
    (group,) = groups_for([raw(100, qualifier="more than", **speed)], [raw(120, qualifier="up to", **speed)])
    assert group.verdict == "conflict" and "overlap" in group.reason


def test_copies_of_one_figure_and_a_rival_figure_conflict_named_by_the_first_pair():
    # A wire figure run by many outlets, one outlet with another figure the same day.
    per_article = [[raw(12, said_on="2010-05-05")] for _ in range(30)]
    per_article[7] = [raw(18, said_on="2010-05-05")]
    (group,) = groups_for(*per_article)
    assert group.verdict == "conflict"
    assert len(group.claims) == 30
    assert "(Outlet 0) vs 18 (Outlet 7)" in group.reason


def test_copies_keep_killed_and_injured_apart_and_rising_figures_changed():
    killed = [[raw(3, event="kill", said_on="2024-10-25"), raw(5, event="injure", said_on="2024-10-25", start=20)] for _ in range(20)]
    later = [[raw(4, event="kill", said_on="2024-10-27"), raw(5, event="injure", said_on="2024-10-27", start=20)] for _ in range(20)]
    groups = groups_for(*killed, *later)
    assert len(groups) == 2
    by_event = {g.claims[0].value: g for g in groups}
    assert by_event[3].verdict == "changed" and len(by_event[3].claims) == 40
    assert by_event[5].verdict == "agree" and len(by_event[5].claims) == 40
