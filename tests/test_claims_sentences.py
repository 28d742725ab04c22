"""Every quantity a one-sentence article states comes out of `newsx claims --json`, ranges with both
bounds; dates, years, ordinals and model names do not; advertising copy is no claim (issue 13)."""

from __future__ import annotations

import json

import pytest

from newsx.cli import main

SENTENCES = {
    "ranges": "The new chip runs between 15 and 17 kHz, and prices rose from 240 to 273 with winds of 15-22 mph.",
    "bare": "There is also a maximum investment per person which is 50000.",
    "nostop": "However the figure drops to just 87 mph (140 km/h) if you opt for bulletproofing",
    "names": "Apple sold the iPhone 11 in 2019 while the S&P 500 and the DAX rose on March 3.",
    "money": "Vectura shares rose 6.5% to 164p while the fund raised HK$3.5 billion and RM23.50 a share.",
    "advert": "Get 20% off everything with code SPRING20 at checkout.",
    "news_price": "The set will cost $200 and will be available on October 1.",
    "ordinals": "It was the 3rd time in the 21st century that the 22nd amendment came up.",
    "fraction": "A third of those screened were obese, and half the roof collapsed.",
}


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sentences")
    for name, text in SENTENCES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["claims", str(folder), "--json", "--no-cache"])
    assert code == 0
    by_article: dict[str, list[dict]] = {}
    for group in json.loads(out.getvalue())["groups"]:
        for c in group["claims"]:
            by_article.setdefault(c["article"], []).append({**c, "unit": group["unit"]})
    return by_article


def values(claims, article):
    return sorted((c["low"], c["high"]) if c["low"] != c["high"] else c["value"] for c in claims.get(article, []))


def test_a_range_is_one_claim_with_low_and_high(claims):
    got = [(c["low"], c["high"]) for c in claims["ranges"]]
    assert (15, 17) in got and (240, 273) in got and (15, 22) in got
    assert len(claims["ranges"]) == 3


def test_a_number_nothing_is_counted_by_still_comes_out(claims):
    assert [c["value"] for c in claims["bare"]] == [50000]


def test_a_one_sentence_text_without_a_full_stop(claims):
    assert sorted(c["value"] for c in claims["nostop"]) == [87, 140]


def test_model_index_names_years_and_dates_are_not_quantities(claims):
    assert claims.get("names", []) == []
    assert claims.get("ordinals", []) == []


def test_currencies_that_are_not_dollars(claims):
    units = {c["value"]: c["unit"] for c in claims["money"]}
    assert units[164] == "GBX" and units[3_500_000_000] == "HKD" and units[23.5] == "MYR"
    assert units[6.5] == "%"


def test_advertising_copy_is_not_a_claim_but_a_price_in_the_news_is(claims):
    assert claims.get("advert", []) == []
    assert [c["value"] for c in claims["news_price"]] == [200]


def test_fractions_are_claims(claims):
    assert sorted(c["value"] for c in claims["fraction"]) == [pytest.approx(1 / 3), 0.5]


@pytest.mark.parametrize(
    "text, advert",
    [
        ("Get 20% off with code SAVE20.", True),
        ("Use promo code NEWS10 for $10 off your first order.", True),
        ("Save 30% sitewide, limited time only.", True),
        ("Shares fell 20% off their peak on Monday.", False),
        ("The government will cut the fuel tax by 20%, the minister said.", False),
        ("Get the mirror starting at $448.", False),
    ],
)
def test_advertising_detector(text, advert):
    from newsx.core.nlp.promo import is_advertising

    assert is_advertising(text) is advert
