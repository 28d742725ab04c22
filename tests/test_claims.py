"""Claims on real articles: what is counted, who says it, and which numbers may be compared.

The seeds (session fixture) and two ECB+ clusters (built once per module) are parsed for real.
"""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import ECBPLUS, SHARED, ecbplus_cluster

# ---------------------------------------------------------------------------- helpers


def claims_of(index):
    return [(g, c) for g in index.claim_groups for c in g.claims]


def find(index, article_prefix, text=None, value=None):
    """The (group, claim) pairs of an article whose written text or value matches."""
    return [
        (g, c)
        for g, c in claims_of(index)
        if c.article.startswith(article_prefix)
        and (text is None or c.text.lower() == text.lower())
        and (value is None or c.value == value)
    ]


def the(index, article_prefix, text=None, value=None):
    hits = find(index, article_prefix, text, value)
    assert hits, f"no claim {text or value!r} in {article_prefix}: {[c.text for _, c in claims_of(index) if c.article.startswith(article_prefix)]}"
    return hits[0]


def group_of(index, article_prefix, text=None, value=None):
    return the(index, article_prefix, text, value)[0]


# ---------------------------------------------------------------------------- the seeds


def test_troops_in_russia_estimates_form_one_group_that_changed(seed_index):
    group = group_of(seed_index, "000", "Around 1,500")
    values = {c.value for c in group.claims}
    assert {1500, 10000, 11000} <= values
    assert group.verdict == "changed"
    assert group.reason
    articles = {c.article[:3] for c in group.claims}
    assert {"000", "003", "004"} <= articles


def test_qualified_estimates_keep_their_bounds(seed_index):
    _, up_to = the(seed_index, "003", "up to 11,000")
    assert (up_to.value, up_to.low, up_to.high) == (11000, None, 11000)
    _, about = the(seed_index, "003", "about 10,000")
    assert about.low == pytest.approx(9000) and about.high == pytest.approx(11000)
    _, more = the(seed_index, "004", "More than 3,000")
    assert (more.low, more.high) == (3000, None)
    assert more.to_dict()["high"] is None


def test_troops_moving_toward_the_front_are_another_quantity(seed_index):
    in_russia = group_of(seed_index, "000", "Around 1,500")
    moved = group_of(seed_index, "004", "More than 3,000")
    assert moved.id != in_russia.id
    assert group_of(seed_index, "003", "more than 3,000").id == moved.id
    # six troops killed near Donetsk are not an estimate of the deployment either
    assert group_of(seed_index, "000", "Six").id != in_russia.id


def test_flight_times_of_one_launch_conflict_and_the_december_test_stays_apart(seed_index):
    group = group_of(seed_index, "002", "86 minutes")
    assert group_of(seed_index, "004", "87 minutes").id == group.id
    assert group.verdict == "conflict"
    assert group_of(seed_index, "004", "73 minutes").id != group.id


def test_distance_from_the_border_agrees_across_units(seed_index):
    group = group_of(seed_index, "003", "50 kilometers")
    assert group_of(seed_index, "004", "50 kilometers").id == group.id
    assert group.verdict == "agree"
    miles = find(seed_index, "004", "30 miles")
    assert not miles or miles[0][0].id == group.id  # the conversion in brackets is the same claim


def test_containers_agree(seed_index):
    groups = {g.id for g, c in claims_of(seed_index) if c.value == 1000 and "container" in c.sentence}
    assert len(groups) == 1
    group = next(g for g in seed_index.claim_groups if g.id in groups)
    assert group.verdict == "agree" and len(group.claims) >= 2


def test_designations_ordinals_and_times_are_not_claims(seed_index):
    texts = {c.text for _, c in claims_of(seed_index)}
    for not_a_claim in ("56th", "56", "12", "2+2", "2", "18", "7", "2210", "2021", "2024", "2023"):
        assert not_a_claim not in texts, not_a_claim


def test_claimers_are_the_sources_the_sentences_name(seed_index):
    assert "National Intelligence Service" in the(seed_index, "000", "Around 1,500")[1].claimer
    assert "United States" in the(seed_index, "003", "about 10,000")[1].claimer
    assert "Ukrainian official" in the(seed_index, "003", "50 kilometers")[1].claimer
    assert "South Korea" in the(seed_index, "004", "87 minutes")[1].claimer
    assert "Kyiv Post" in the(seed_index, "000", "Six")[1].claimer


def test_unattributed_claims_fall_back_to_the_outlet(seed_index):
    outlets = {a.id: a.outlet for a in seed_index.articles}
    for _, claim in claims_of(seed_index):
        assert claim.claimer, claim
    _, claim = the(seed_index, "002", "86 minutes")  # "the missile reportedly ...": nobody named
    assert claim.claimer == (outlets[claim.article] or "unattributed")


def test_said_on_is_a_date_or_none_and_defaults_to_publication(seed_index):
    published = {a.id: a.published for a in seed_index.articles}
    for _, claim in claims_of(seed_index):
        assert claim.said_on is None or len(claim.said_on) == 10
    _, claim = the(seed_index, "002", "86 minutes")
    assert claim.said_on == published[claim.article]


def test_claims_json_follows_the_contract(seed_index):
    from newsx.core.export import claims_json

    data = json.loads(json.dumps(claims_json(seed_index)))
    assert data["groups"]
    for group in data["groups"]:
        assert {"id", "topic", "unit", "verdict", "reason", "claims"} <= set(group)
        assert group["verdict"] in ("agree", "conflict", "changed", "single")
        for claim in group["claims"]:
            assert {"article", "value", "low", "high", "text", "sentence", "claimer", "said_on", "refers_to"} <= set(claim)
            assert claim["text"] in claim["sentence"] or claim["text"].replace("?", "") in claim["sentence"]
            if claim["low"] is not None and claim["high"] is not None:
                assert claim["low"] <= claim["value"] <= claim["high"]


def test_markdown_report_puts_conflicts_first_and_escapes_article_text(seed_index):
    from newsx.core.report import claims_markdown, md

    report = claims_markdown(seed_index)
    assert report.startswith("# Claims compared across sources")
    assert report.index("## Conflicts") < report.index("## Changed over time") < report.index("## Agreement")
    assert "86 minutes" in report and "87 minutes" in report
    assert md("| # [x](y) *z*") == "\\| \\# \\[x\\]\\(y\\) \\*z\\*"
    assert "\x1b" not in md("\x1b[31mred")


# ---------------------------------------------------------------------------- ECB+ clusters


def _build(name):
    import tempfile

    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    folder = ecbplus_cluster(name)
    return build_index(load_corpus([folder]), Settings(cache_dir=tempfile.mkdtemp(prefix="claims-")))


@pytest.fixture(scope="module")
def shooting():
    return _build("18ecbplus")


@pytest.fixture(scope="module")
def athens():
    return _build("8ecbplus")


def test_death_toll_conflict_names_the_early_report(shooting):
    group, early = the(shooting, "18_3", value=2)
    assert "news" in early.claimer.lower()
    assert group_of(shooting, "18_1", value=1).id == group.id
    assert group.verdict == "conflict"


def test_same_number_different_things_stay_apart(shooting):
    # 15 miles north of Detroit vs a 15-minute chase; three shells vs three people shot
    assert group_of(shooting, "18_4", value=15).id != group_of(shooting, "18_11", value=15).id
    shells = group_of(shooting, "18_10", "three")
    shot = [g for g, c in find(shooting, "18_9", value=3) if "shot three people" in c.sentence][0]
    assert shells.id != shot.id
    # the tipster's age is not how far north he was
    assert group_of(shooting, "18_1", "50-year-old").id != group_of(shooting, "18_5", value=50).id


def test_an_age_a_year_later_is_not_compared(shooting):
    at_shooting = [g for g, c in find(shooting, "18_9", value=38)][0]
    at_trial = group_of(shooting, "18_6", value=39)
    assert at_shooting.id != at_trial.id
    assert at_shooting.verdict == "agree"


def test_speed_bounds_and_the_soft_conflict(shooting):
    group, gage = the(shooting, "18_2", "more than 100 mph")
    assert (gage.low, gage.high) == (100, None)
    assert "Gage" in gage.claimer
    assert group_of(shooting, "18_3", "up to 120 mph").id == group.id
    assert group.verdict == "conflict"


def test_weapon_designations_are_not_counted(shooting):
    assert not [c for _, c in claims_of(shooting) if c.text.startswith("12") and "gauge" in c.sentence[:200] and c.value == 12]


def test_injured_and_arrested_are_different_counts(athens):
    injured = group_of(athens, "8_3", value=12)
    assert group_of(athens, "8_8", value=18).id == injured.id
    assert injured.verdict == "conflict"
    arrested = [g for g, c in find(athens, "8_8", value=12)][0]
    assert arrested.id != injured.id


def test_athens_and_thessaloniki_crowds_stay_apart(athens):
    crowds = [g.id for g, c in find(athens, "8_5", value=20000)]
    assert len(crowds) == 2 and crowds[0] != crowds[1]


def test_money_conversions_group_and_a_share_is_not_the_total(athens):
    total = group_of(athens, "8_3", "euro110 billion")
    assert group_of(athens, "8_3", "$141 billion").id == total.id
    assert group_of(athens, "8_3", "euro22 billion").id != total.id
    assert "EUR" in total.unit.split("/") and "USD" in total.unit.split("/")


_SCORER = SHARED / "eval" / "score_claims.py"


@pytest.mark.parametrize("cluster", ["18ecbplus", "8ecbplus"])
def test_quality_bar_against_the_careful_reader(cluster, shooting, athens):
    """The figures the README reports: recall, grouping F1 and claimer accuracy on the gold tables."""
    if not _SCORER.is_file():
        pytest.skip("score_claims.py not found")
    spec = importlib.util.spec_from_file_location("score_claims", _SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    from newsx.core.export import claims_json

    index = shooting if cluster == "18ecbplus" else athens
    gold = json.loads((ECBPLUS / "claims" / f"{cluster}_claims.json").read_text())
    report = scorer.score(gold, json.loads(json.dumps(claims_json(index))))
    assert report["recall"] >= 0.95, report
    assert report["grouping_f1"] >= 0.85, report
    assert report["claimer"] >= 0.85, report
    assert report["false_conflicts"].startswith("0/"), report
