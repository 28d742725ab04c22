"""Claim rules on short articles written for the purpose: attribution shapes, dates, what is skipped,
what must never be compared. One index for the module (spaCy loads once per session)."""

from __future__ import annotations

import pytest
from conftest import index_of

ARTICLES = {
    "wire": (
        "Wire Service",
        "2024-10-31",
        "The ministry said on Friday that 120 soldiers were killed in the fighting. "
        "Officials told reporters that 45 soldiers were wounded.\n"
        "Governor Maria Lopez visited the hospital. About 300 patients were treated there, she said.\n"
        "According to the Red Cross, more than 2,000 families fled the region.\n"
        "The army plans to send 5,000 troops to the border by December.\n"
        "The 12-gauge shotgun, the 3rd battalion and the 2+2 talks at 7:30 a.m. in 2023 were discussed.\n"
        "The bridge is 40 kilometres from the city.",
    ),
    "daily": (
        "Daily Paper",
        "2024-11-02",
        "As per the health ministry, 150 soldiers were killed in the fighting. "
        "At least 60 soldiers were wounded, citing hospital staff, the paper reported.\n"
        "Up to 2,500 families fled the region, aid groups estimated.\n"
        "The bridge lies about 25 miles from the city.\n"
        "Sales rose 5 percent in March.",
    ),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return index_of(ARTICLES, tmp_path_factory.mktemp("rules-cache"))


def claim(index, article, text):
    for group in index.claim_groups:
        for c in group.claims:
            if c.article == article and c.text.lower() == text.lower():
                return group, c
    raise AssertionError(f"{text!r} not found in {article}: {[c.text for g in index.claim_groups for c in g.claims]}")


def test_reporting_verbs_name_the_claimer_and_date_the_claim(index):
    _, c = claim(index, "wire", "120")
    assert c.claimer == "The ministry"
    assert c.said_on == "2024-10-25"  # "said on Friday", before a Thursday publication
    _, c = claim(index, "wire", "45")
    assert c.claimer == "Officials"
    assert c.said_on == "2024-10-31"  # no date of its own: the article's


def test_he_or_she_said_takes_the_source_named_before(index):
    _, c = claim(index, "wire", "About 300")
    assert c.claimer == "Governor Maria Lopez"


def test_according_to_as_per_and_unattributed(index):
    assert claim(index, "wire", "more than 2,000")[1].claimer == "the Red Cross"
    assert "health ministry" in claim(index, "daily", "150")[1].claimer
    assert claim(index, "daily", "Up to 2,500")[1].claimer == "aid groups"
    assert claim(index, "daily", "about 25 miles")[1].claimer == "Daily Paper"  # nobody named: the outlet


def test_refers_to_resolves_the_time_the_number_is_about(index):
    _, c = claim(index, "wire", "5,000")
    assert c.refers_to == "2024-12"
    _, c = claim(index, "daily", "5 percent")
    assert c.refers_to == "2024-03"


def test_numbers_that_are_not_claims_are_skipped(index):
    texts = {c.text for g in index.claim_groups for c in g.claims if c.article == "wire"}
    for skipped in ("12", "3", "2", "7", "30", "2023", "3rd", "2+2"):
        assert skipped not in texts


def test_killed_and_wounded_soldiers_are_compared_separately(index):
    killed, a = claim(index, "wire", "120")
    assert claim(index, "daily", "150")[0].id == killed.id
    # 120 said on Oct 25, 150 on Nov 2: a toll that rose, not two sources at odds
    assert killed.verdict == "changed"
    assert "120" in killed.reason and "150" in killed.reason
    wounded, _ = claim(index, "wire", "45")
    assert claim(index, "daily", "At least 60")[0].id == wounded.id
    assert wounded.id != killed.id


def test_families_fled_with_bounds_that_cannot_both_hold(index):
    group, more = claim(index, "wire", "more than 2,000")
    _, up_to = claim(index, "daily", "Up to 2,500")
    assert up_to in group.claims
    assert (more.low, more.high, up_to.low, up_to.high) == (2000, None, None, 2500)
    assert group.verdict == "conflict"  # 2,000+ vs at most 2,500 overlap: a soft conflict, said so
    assert "overlap" in group.reason


def test_kilometres_and_miles_convert(index):
    group, km = claim(index, "wire", "40 kilometres")
    _, miles = claim(index, "daily", "about 25 miles")
    assert miles in group.claims
    assert group.verdict == "agree"  # 40 km is 24.9 miles: about 25 holds
    assert group.unit in ("km", "miles")


def test_unrelated_numbers_are_never_compared(index):
    for group in index.claim_groups:
        units = {c.text.split()[-1] for c in group.claims}
        assert not ({"percent"} & units and len(group.claims) > 1)
    percent_group, _ = claim(index, "daily", "5 percent")
    assert percent_group.verdict == "single"
