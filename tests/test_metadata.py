"""Title, outlet, dateline, byline and date found by general news-page rules."""

from __future__ import annotations

import pytest

from newsx.core.corpus.building import build_article
from newsx.core.corpus.cleaning import normalize_line
from newsx.core.corpus.loading import load_corpus
from newsx.core.corpus.metadata import byline_of, dateline_of, dates_in, is_date_line

LEDE = "The city council voted on Tuesday to close the old harbour bridge for six months of repairs, the mayor said."
MORE = "Engineers found cracks in two of the bridge's supports during an inspection in May, according to a report."


def build(*lines):
    return build_article([normalize_line(x) for x in lines])


@pytest.mark.parametrize(
    "line, place, tag",
    [
        ("CAMP HUMPHREYS, South Korea — The top officials met.", "CAMP HUMPHREYS, South Korea", None),
        ("SEOUL, October 31 (AJP) - South Korean ministers met.", "SEOUL", "AJP"),
        ("WASHINGTON (AP) – Defense officials said.", "WASHINGTON", "AP"),
        ("NEW YORK, May 3 (Reuters) - Stocks fell on Monday.", "NEW YORK", "Reuters"),
        ("ATHENS, Greece (AP) — Riots broke out.", "ATHENS, Greece", "AP"),
        ("Geneva (Reuters) - Talks resumed on Friday.", "Geneva", "Reuters"),
    ],
)
def test_datelines(line, place, tag):
    dl = dateline_of(line)
    assert dl is not None and (dl.place, dl.tag) == (place, tag)


@pytest.mark.parametrize("line", ["The US and NATO - the alliance - met.", "A - B testing began.", "Officials said — again — that talks failed."])
def test_not_datelines(line):
    assert dateline_of(line) is None


@pytest.mark.parametrize(
    "line, name",
    [
        ("By Park Sae-jin Posted : October 31, 2024, 17:14 Updated : October 31, 2024, 18:13", "Park Sae-jin"),
        ("By Jane Roe and Sam Poe", "Jane Roe and Sam Poe"),
        ("By JANE ROE, Associated Press", "JANE ROE"),
        ("BY Jane Roe | Published March 5, 2024", "Jane Roe"),
        ("By the end of the day, the bridge was closed.", None),
    ],
)
def test_bylines(line, name):
    assert byline_of(line) == name


@pytest.mark.parametrize(
    "line, first",
    [
        ("Posted September 26, 2013-3:47pm Updated September 27, 2013-6:56am", "2013-09-26"),
        ("First Posted 23:37:00 05 / 05 / 2010", "2010-05-05"),
        ("Updated 4 / 11 / 2007 1:26 PM", "2007-04-11"),
        ("7:00pm UK, Wednesday 05 May 2010", "2010-05-05"),
        ("Updated Thu 6 May 2010, 9:03am AEST", "2010-05-06"),
        ("POSTED: 1052 GMT (1852 HKT), April 10, 2007", "2007-04-10"),
        ("Released 2013-09-28 05:08:35 GMT", "2013-09-28"),
        ("Published 9:46 PM CDT Sep 26, 2013", "2013-09-26"),
    ],
)
def test_timestamp_lines(line, first):
    assert is_date_line(line)
    assert dates_in(line)[0] == first


def test_sentences_with_dates_are_not_timestamps():
    assert not is_date_line("The bridge opened on May 5, 2010, after years of delays.")


def test_timestamp_title_line_gives_date_and_next_line_is_title():
    b = build("Posted September 26, 2013-3:47pm Updated September 27, 2013-6:56am", "", "Jury Finds Harbour Man Guilty", LEDE, MORE)
    assert b.title == "Jury Finds Harbour Man Guilty"
    assert b.published == "2013-09-26"
    assert "Posted" not in b.text and b.text.startswith(LEDE)


def test_dateline_day_takes_the_year_from_the_header():
    b = build(
        "Bridge Closes",
        "Mayor Ann Lee (left) talks to engineers in Harbour City on Oct. 30, 2024. Yonhap",
        "HARBOUR CITY, October 31 (HCN) - " + LEDE,
        MORE,
    )
    assert (b.published, b.dateline, b.outlet) == ("2024-10-31", "HARBOUR CITY", "HCN")
    assert "Yonhap" not in b.text


def test_caption_date_used_only_when_the_lede_names_its_weekday():
    caption = "Mayor Ann Lee, left, and engineer Bo Park, right, inspect the bridge on Wednesday, Oct. 30, 2024. (AP)"
    said = build("Bridge To Close", caption, "Mayor Ann Lee said Wednesday that the bridge would close for repairs next month.", MORE)
    assert said.published == "2024-10-30"
    assert said.outlet == "Associated Press"
    other_day = build("Bridge To Close", caption, "Mayor Ann Lee said Friday that the bridge would close for repairs next month.", MORE)
    assert other_day.published is None
    file_photo = build("Bridge To Close", "FILE PHOTO: The bridge on Wednesday, Oct. 30, 2024. REUTERS/Jane Roe", "Officials said Wednesday the bridge would close for repairs next month.", MORE)
    assert file_photo.published is None
    assert file_photo.outlet == "Reuters"


def test_news_agency_cited_in_text_is_not_the_outlet():
    b = build(LEDE, "The decision was first reported by Reuters, citing two officials.", "According to the Associated Press, repairs will cost $2 million.")
    assert b.outlet is None


def test_title_from_lede_is_short_and_marked_guessed():
    b = build("WASHINGTON (AP) — " + LEDE, MORE)
    assert b.title_guessed
    assert b.title.startswith("The city council voted") and "WASHINGTON" not in b.title
    assert len(b.title.split()) <= 13


def test_sentence_title_line_set_apart(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("Harbour man shoots rival because he did not want to pay the debt.\n\n" + LEDE + "\n" + MORE + "\n", encoding="utf-8")
    a = load_corpus([f]).articles[0]
    assert a.title == "Harbour man shoots rival because he did not want to pay the debt" and not a.title_guessed
    assert a.text.startswith(LEDE)


def test_ecbplus_titles_and_dates_from_real_pages(tmp_path):
    from conftest import ecbplus_cluster

    result = load_corpus([ecbplus_cluster("45ecbplus"), ecbplus_cluster("8ecbplus")])
    by_id = {a.id: a for a in result.articles}
    assert by_id["45_1ecbplus"].title == "LeFlore Jury: Simpson Guilty Of Killing Pregnant Girlfriend"
    assert by_id["45_1ecbplus"].published == "2013-09-26"
    assert by_id["8_1ecbplus"].published == "2010-05-05"
    assert by_id["8_7ecbplus"].published == "2010-05-06"
    assert by_id["45_4ecbplus"].published is None
    for a in result.articles:
        assert not a.text.startswith(("Posted", "Published", "Updated", "First Posted"))
        assert a.title and not a.title.startswith("Posted")
    assert len(result.articles) == 23  # one article per file: nothing split


@pytest.mark.parametrize(
    "line, first",
    [("Published : 2024.10.31 17:14", "2024-10-31"), ("Updated 31.10.2024, 09:00", "2024-10-31"), ("2024/10/31", "2024-10-31")],
)
def test_more_timestamp_shapes(line, first):
    assert is_date_line(line) and dates_in(line)[0] == first


def test_byline_names_the_outlet_after_the_name():
    b = build("Harbour Bridge Closes", "By JANE ROE, Associated Press", LEDE, MORE)
    assert (b.byline, b.outlet) == ("JANE ROE", "Associated Press")
    b = build("Harbour Bridge Closes", "By Jane Roe Staff Reporter", LEDE, MORE)
    assert (b.byline, b.outlet) == ("Jane Roe", None)


def test_caption_repeated_in_header_is_removed_whatever_its_credit():
    caption = "Rescue workers search the rubble of a collapsed house in the harbour district"
    b = build("Harbour Bridge Closes", caption, caption, LEDE, MORE)
    assert caption not in b.text and b.title == "Harbour Bridge Closes"


def test_outlet_written_after_the_place():
    dl = dateline_of("Seoul, South Korea CNN — North Korea fired a missile on Thursday.")
    assert dl is not None and (dl.place, dl.tag) == ("Seoul, South Korea", "CNN")
    assert dateline_of("WASHINGTON — Officials said.").place == "WASHINGTON"


def test_page_shapes_of_other_sites():
    b = build(
        "Harbour Bridge Closes",
        "Published On 31 Oct 2024",
        "Image source, Getty Images",
        "Image caption, The bridge in 2019",
        "Credit...Jane Roe for The Harbour Times",
        LEDE,
        "(Yonhap)",
        MORE,
        "Share full article",
        "ⓒ 2024 Harbour News Agency",
    )
    assert b.published == "2024-10-31"
    assert b.outlet == "Harbour News Agency"
    assert b.text.split("\n\n") == [LEDE, MORE]


def test_section_label_and_breadcrumbs_above_the_headline():
    b = build("Home > World > Asia", "World", "Harbour Bridge Closes For Six Months", "By Jane Roe", LEDE, MORE)
    assert b.title == "Harbour Bridge Closes For Six Months"
    assert b.text.split("\n\n") == [LEDE, MORE]
    short = build("Bridge Closes", LEDE, MORE)
    assert short.title == "Bridge Closes"
