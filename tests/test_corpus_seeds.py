"""What a careful reader finds in the five bundled seeds: six articles, their titles, outlets, dates,
and a text with no page furniture left."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def seeds(seed_loaded):
    return {a.id.split("_")[0] + ("#2" if a.id.endswith("#2") else ""): a for a in seed_loaded.articles}


def test_six_articles_from_five_files(seed_loaded):
    ids = [a.id for a in seed_loaded.articles]
    assert len(ids) == 6
    assert [i for i in ids if "#" in i] == ["004_bd4addd136b7a187#2"]
    assert all(a.path.endswith(a.id.split("#")[0] + ".txt") for a in seed_loaded.articles)
    assert not [p for p in seed_loaded.problems if p.fatal]


def test_000_dateline_and_title_from_lede(seeds):
    a = seeds["000"]
    assert a.dateline == "CAMP HUMPHREYS, South Korea"
    assert a.title_guessed
    assert a.title.startswith("The top U.S. and South Korean military leaders")
    assert "CAMP HUMPHREYS" not in a.title
    assert a.outlet is None  # nothing in the text names the outlet
    assert a.published is None  # "Friday", "Oct. 8": no year anywhere


def test_001_subheading_kept_and_appeals_removed(seeds):
    a = seeds["001"]
    assert "Seoul may also send intelligence officers and weapons" in a.text.split("\n\n")
    for furniture in ("Related:", "Become a Patron", "Comments are closed", "cup of coffee", "close this page", "readers like you"):
        assert furniture not in a.text
    assert a.text.rstrip().endswith("Yonhap says.")
    assert a.outlet is None  # Yonhap is a cited source, not this article's credit
    assert a.title_guessed and a.title.startswith("South Korean officials will brief NATO")


def test_002_byline_date_outlet_and_korean_ui_removed(seeds):
    a = seeds["002"]
    assert a.title == "South Korean, U.S. defense chiefs condemn North Korea's troop deployment to Russia"
    assert not a.title_guessed
    assert a.byline == "Park Sae-jin"
    assert a.published == "2024-10-31"
    assert a.outlet == "Aju Press"
    assert a.dateline == "SEOUL"
    assert a.text.startswith("SEOUL, October 31 (AJP) - South Korean and U.S. defense ministers")
    for furniture in ("Copyright", "All rights reserved", "닫기", "기사 이미지", "Posted :", "(left)"):
        assert furniture not in a.text
    assert "12-axle mobile missile launcher" in a.text


def test_003_wire_story_outlet_and_footer(seeds):
    a = seeds["003"]
    assert a.outlet == "Associated Press"
    assert a.dateline == "WASHINGTON"
    assert "___" not in a.text
    assert "contributed from Seoul" not in a.text
    assert a.text.rstrip().endswith("at the State Department on Thursday.")
    assert a.published is None  # only "Wednesday": no date the text supports


def test_004_two_articles_each_with_its_own_title(seeds):
    first, second = seeds["004"], seeds["004#2"]
    assert first.title == "North Korean Troops in Russian Uniforms Are Heading toward Ukraine, US Says"
    assert second.title == "NKorea Leader: Longest ICBM Test 'Appropriate Military Action' against Enemies"
    assert first.text.startswith("Defense Secretary Lloyd Austin said Wednesday")
    assert second.text.startswith("North Korea said it tested an intercontinental ballistic missile on Thursday")
    for a in (first, second):
        assert "TT" not in a.text.split()
        assert "FILE PHOTO" not in a.text
        assert "hold a joint press briefing" not in a.text
        assert a.title not in a.text
    assert "Hwasong-18" not in first.text  # the second story does not leak into the first


def test_004_outlets_and_dates(seeds):
    first, second = seeds["004"], seeds["004#2"]
    assert first.outlet == "Associated Press"  # "(AP)" photo credits
    assert second.outlet == "Reuters"  # "KCNA via REUTERS"
    # The caption dates the photo "Wednesday, Oct. 30, 2024" and the lede says "said Wednesday".
    assert first.published == "2024-10-30"
    # A FILE PHOTO date is not the article's date, and "Thursday" alone gives none.
    assert second.published is None


def test_paragraphs_separated_by_blank_lines_and_no_control_characters(seed_loaded):
    for a in seed_loaded.articles:
        assert "\n\n" in a.text
        assert "\n\n\n" not in a.text
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", a.text)
        assert a.text == a.text.strip()
        paragraphs = a.text.split("\n\n")
        assert len(paragraphs) == len(set(paragraphs))  # duplicate lines removed
