"""Page furniture from many kinds of news pages goes; real sentences stay."""

from __future__ import annotations

import pytest

from newsx.core.corpus.building import build_article
from newsx.core.corpus.cleaning import copyright_holder, is_appeal, is_furniture, is_stray, is_strong_caption, normalize_line

BODY = [
    "The city council voted on Tuesday to close the old harbour bridge for six months of repairs, the mayor said.",
    "Engineers found cracks in two of the bridge's supports during an inspection in May, according to a report.",
    "Traffic will be diverted through the eastern ring road, which officials expect to add about 15 minutes to commutes.",
]


def clean(*extra_before, after=()):
    lines = [normalize_line(x) for x in [*extra_before, *BODY, *after]]
    built = build_article(lines)
    assert built is not None
    return built


@pytest.mark.parametrize(
    "line",
    [
        "Related:",
        "Related Articles",
        "Read more: Bridge closures across the region",
        "READ MORE",
        "Also read: Floods across the region",
        "More from Valley Herald",
        "Most Popular",
        "The post Bridge closes for repairs appeared first on Valley Herald.",
        "Comments are closed.",
        "Leave a comment",
        "12 Comments",
        "Share this article",
        "Share on Facebook Share on Twitter Email",
        "Facebook Twitter WhatsApp Email Print",
        "Advertisement",
        "Become a Patron!",
        "Subscribe now",
        "Sign up for our daily newsletter",
        "Follow us on Twitter",
        "Reporting by Jane Roe; Editing by Sam Poe",
    ],
)
def test_furniture_lines_are_removed(line):
    assert is_furniture(line) or is_appeal(line)
    assert line not in clean(after=[line]).text


@pytest.mark.parametrize(
    "line",
    [
        "Support our journalism. Donate today and help us keep our reporting free for readers like you.",
        "We rely on readers like you. Become a member for as little as the cost of a cup of coffee a month.",
        "Enjoying this story? Subscribe to our newsletter to get more like it in your inbox.",
    ],
)
def test_appeals_are_removed(line):
    assert line not in clean(after=[line]).text


@pytest.mark.parametrize(
    "line",
    [
        "The company said subscriptions rose 12% in the quarter as it raised prices for new customers.",
        "Donations to the relief fund reached $2 million by Friday, organisers said.",
        "\"We will support our allies,\" the minister told reporters after the meeting.",
        "Share prices fell 3% after the announcement, while the broader market was flat.",
        "Related talks are expected to resume in Geneva next week, diplomats said.",
        "Comments made by the general on Monday drew criticism from opposition lawmakers.",
        "Read the full statement, he urged reporters, before drawing conclusions.",
        "Popular support for the measure fell sharply after the vote, a poll showed.",
        "\"Our allies must support us and help us now,\" the president said in his nightly address.",
        "We will support our troops for a month longer, the minister told parliament on Monday.",
        "See more than 300 photos of the flood in the gallery the city published on Monday.",
        "More from the city's budget will go to repairs next year, the mayor said.",
        "Why?\"",
        "No.",
    ],
)
def test_real_sentences_survive(line):
    assert line in clean(after=[line]).text.split("\n\n")


@pytest.mark.parametrize(
    "line",
    [
        "FILE PHOTO: A rocket is launched at an unknown location in this picture released March 3, 2023. KCNA via REUTERS",
        "Firefighters work at the scene in Athens, Greece, May 5, 2010. (AP Photo/Thanassis Stavrakis)",
        "Protesters march past parliament on Wednesday. Photo by Jane Roe/Getty Images",
        "Mayor Ann Lee, left, and engineer Bo Park, right, inspect the bridge on Monday, May 6, 2024. (AP)",
        "Image: The damaged bridge support.",
    ],
)
def test_captions_are_removed(line):
    assert is_strong_caption(line)
    text = clean(after=[BODY[0], line]).text
    assert line not in text


def test_caption_with_bare_credit_in_header_is_removed_but_not_in_body():
    caption = "Mayor Ann Lee (left) speaks to reporters in Harbour City on May 6, 2024. Yonhap"
    built = clean("Harbour Bridge To Close For Repairs", caption)
    assert caption not in built.text
    body_sentence = "The bridge will close on May 6, 2024, said Mr. Kim"
    assert body_sentence in clean(after=[body_sentence]).text


@pytest.mark.parametrize("line", ["TT", "___", "* * *", "|", "—", "•••"])
def test_stray_tokens(line):
    assert is_stray(line)
    assert line not in clean(after=[line]).text.split("\n\n")


def test_short_lines_in_another_script_go_in_an_english_article():
    built = clean(after=["닫기", "기사 이미지 확대 보기", "关闭"])
    assert "닫기" not in built.text and "기사" not in built.text and "关闭" not in built.text


def test_non_latin_article_keeps_its_own_script():
    lines = ["서울시는 화요일 낡은 항구 다리를 6개월 동안 폐쇄하기로 결정했다고 시장이 말했다.", "닫기 버튼", "엔지니어들은 5월 점검에서 균열을 발견했다."]
    built = build_article(lines)
    assert "닫기 버튼" in built.text


def test_copyright_lines_go_and_name_the_outlet():
    for line, holder in [
        ("Copyright ⓒ Harbour Times All rights reserved.", "Harbour Times"),
        ("© 2024 Harbour Times", "Harbour Times"),
        ("Copyright 2024 The Associated Press. All rights reserved. This material may not be published.", "The Associated Press"),
        ("(c) 2019-2024 Valley Herald, Inc. All rights reserved.", "Valley Herald Inc"),
    ]:
        assert copyright_holder(line) == holder
        built = clean(after=[line])
        assert "rights reserved" not in built.text.lower() and "©" not in built.text


def test_contributor_footer_gives_outlet_and_leaves_text():
    built = clean(after=["___", "Associated Press writer Jane Roe in Harbour City contributed to this report."])
    assert built.outlet == "Associated Press"
    assert "contributed" not in built.text
    built = clean(after=["Reuters reporters Jane Roe and Sam Poe contributed from Geneva."])
    assert built.outlet == "Reuters"


def test_duplicate_lines_and_whitespace():
    built = build_article([normalize_line(x) for x in ["  " + BODY[0] + "\u00a0 ", "", BODY[0], BODY[1], "", "", BODY[1], BODY[2]]])
    assert built.text.split("\n\n") == BODY


def test_tail_after_related_drops_link_titles_but_not_earlier_text():
    built = clean(after=["Related:", "Bridge repairs delayed again in Dunmore", "Council approves new ferry line", "Comments are closed."])
    assert built.text.split("\n\n") == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Kim Jong Un, seen in this photo released by state media, said the test was a warning to enemies.",
        "The footage, distributed via Reuters, showed the launch from a mobile platform near the capital.",
        "Free meals, courtesy of the city, were handed out to residents who lost their homes.",
    ],
)
def test_sentences_that_mention_photos_survive(line):
    assert not is_strong_caption(line)
    assert line in clean(after=[line]).text.split("\n\n")


@pytest.mark.parametrize(
    "line, footer",
    [
        ("Donors contributed to the campaign, records show.", False),
        ("Rising costs contributed to the decision, the mayor said.", False),
        ("Jane Roe in Geneva contributed to this report.", True),
        ("Associated Press writers Jane Roe and Sam Poe contributed.", True),
        ("Jane Roe contributed from Seoul, South Korea.", True),
        ("Sam Poe contributed reporting.", True),
    ],
)
def test_contributor_footers_only(line, footer):
    from newsx.core.corpus.cleaning import is_contributor_footer

    assert is_contributor_footer(line) is footer
    assert (line in clean(after=[line]).text) is not footer
