"""When a claim was said (issue 17): dates, or the bounds an undated article's text supports."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from newsx.core.link.claims.dating import article_bounds, date_claims, ordered_claims, when_label
from newsx.core.model.analyses import ArticleAnalysis, Claim, ClaimGroup, Event, EventMention, RawEvent
from newsx.core.model.articles import Article

REPO = Path(__file__).resolve().parent.parent


def _event(article_ids, date, start=10, of="u"):
    mentions = tuple(EventMention(a, 0, "", start if a == of else 0, start + 4) for a in article_ids)
    return Event("e", "x", "meet", date, tuple(article_ids), (), mentions[:1], mentions)


def _raw(start=10, when=None, future=False, date=None):
    return RawEvent("meet", "meet", start, start + 4, 0, "x", date=date, when=when, future=future)


UNDATED = Article("u", "u.txt", "Undated", "text")


def bounds(raws, events, copies=(), dated=frozenset({"d"})):
    analysis = ArticleAnalysis(sentences=((0, 4),), mentions=(), events=tuple(raws))
    at = {(m.article, m.start): e for e in events for m in e.triggers}
    return article_bounds(UNDATED, analysis, at, copies, dated)


def test_a_past_event_dated_by_another_article_is_a_lower_bound_and_a_coming_one_an_upper_bound():
    assert bounds([_raw()], [_event(["u", "d"], "2024-10-08")]) == ("2024-10-08", None)
    assert bounds([_raw(future=True)], [_event(["u", "d"], "2024-10-28")]) == (None, "2024-10-28")


def test_a_weekday_bounds_the_week_either_way_and_last_week_two():
    assert bounds([_raw(when="Thursday")], [_event(["u", "d"], "2024-10-31")]) == ("2024-10-25", "2024-11-06")
    assert bounds([_raw(when="last Thursday")], [_event(["u", "d"], "2024-10-31")]) == ("2024-10-18", "2024-11-13")


def test_an_event_dated_only_from_the_undated_article_bounds_nothing_unless_its_day_is_written():
    assert bounds([_raw(when="Thursday")], [_event(["u"], "2024-10-31")]) == (None, None)
    assert bounds([_raw(when="28 October", future=True)], [_event(["u"], "2024-10-28")]) == (None, "2024-10-28")
    assert bounds([_raw(when="in December")], [_event(["u", "d"], "2024-12")]) == (None, None)  # not a day


def test_dated_copies_bound_it_within_a_few_days_and_contradictions_drop_the_fewest():
    assert bounds([], [], copies=["2024-10-30"]) == ("2024-10-27", "2024-11-02")
    raws = [_raw(10), _raw(20), _raw(25), _raw(30, future=True)]
    events = [_event(["u", "d"], "2024-10-08", 10), _event(["u", "d"], "2024-10-21", 20),
              _event(["u", "d"], "2024-10-21", 25), _event(["u", "d"], "2024-10-20", 30)]
    # One clause tensed against two others (coming on 10-20, yet 10-21 is past) loses.
    assert bounds(raws, events) == ("2024-10-21", None)


def _claim(value, said_on=None, article="a", between=None):
    return Claim(article, value, value, value, str(value), f"It was {value}.", 0, 6, 9, "someone", said_on, None,
                 said_between=between)


def test_claims_of_undated_articles_get_said_between_and_json_says_so():
    articles = [Article("d", "d.txt", "Dated", "x", published="2024-10-30"), UNDATED]
    group = ClaimGroup("g", "t", "troops", "changed", "", (_claim(1, "2024-10-30", "d"), _claim(2, None, "u")))
    (dated,) = date_claims([group], articles, {}, [], {"u": ("d",)})
    undated = [c for c in dated.claims if c.article == "u"][0]
    assert undated.said_between == ("2024-10-27", "2024-11-02")
    assert undated.to_dict()["said_between"] == ["2024-10-27", "2024-11-02"] and undated.to_dict()["said_on"] is None
    assert when_label(undated) == "10-27…11-02"
    assert when_label(_claim(1, between=("2024-10-24", None))) == "≥ 10-24"
    assert when_label(_claim(1, between=(None, "2024-10-30"))) == "≤ 10-30"


def test_claims_are_ordered_by_date_or_bounds_undated_last():
    claims = [_claim(1), _claim(2, "2024-10-30"), _claim(3, between=("2024-10-21", "2024-10-28")), _claim(4, between=("2024-10-31", None))]
    assert [c.value for c in ordered_claims(claims)] == [3, 2, 4, 1]


def test_at_least_nine_in_ten_seed_claims_say_when(seed_index):
    claims = [c for g in seed_index.claim_groups for c in g.claims]
    said = [c for c in claims if c.said_on or (c.said_between and any(c.said_between))]
    assert len(claims) >= 30 and len(said) >= 0.9 * len(claims)
    for c in claims:
        if c.said_between and all(c.said_between):
            assert c.said_between[0] <= c.said_between[1]


def test_the_markdown_report_orders_a_group_as_the_claims_screen(seed_index):
    from newsx.core.report import claims_markdown, md
    from newsx.tui.screens.claims import ordered_claims as screen_order

    report = claims_markdown(seed_index)
    for group in seed_index.claim_groups:
        if len(group.claims) < 3:
            continue
        block = report.split("### ")[1:]
        rows = next(b for b in block if b.startswith(f"{md(group.topic)} ({md(group.unit)})\n"))
        texts = [line.split(" | ")[0].lstrip("| ") for line in rows.splitlines() if line.startswith("| ") and "---" not in line][1:]
        assert texts == [md(c.text) for c in screen_order(group)]


def test_the_python_versions_pyproject_admits_have_what_the_code_uses():
    # tomllib and sqlite3.Connection.blobopen came with Python 3.11.
    requires = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    minimum = tuple(int(p) for p in re.match(r">=\s*(\d+)\.(\d+)", requires).groups())
    uses_311 = any(
        re.search(r"^\s*import tomllib|blobopen\(", path.read_text(encoding="utf-8"), re.M)
        for folder in ("core", "tui") for path in (REPO / folder).rglob("*.py")
    )
    assert not uses_311 or minimum >= (3, 11)
