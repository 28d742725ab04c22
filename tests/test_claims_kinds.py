"""Claims of one kind must compare alike: the grouping works out each pair of kinds once, so a
field the comparisons read but the kind leaves out would silently merge or split groups."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.core.link.claims.grouping import _Item, _kind, hard_ok, soft_ok
from newsx.core.model.analyses import RawClaim
from newsx.core.model.articles import Article

_ARTICLES = [Article(id=f"a{n}", path=f"a{n}.txt", title="t", text="x " * 50) for n in range(3)]

_FIELDS = dict(
    value=st.sampled_from([0.0, 3.0, 5.0, 38.0, 39.0, 1500.0, 11000.0]),
    low=st.none(),
    high=st.none(),
    unit=st.sampled_from(["people", "USD", "EUR", "KRW", "km", "minutes"]),
    dimension=st.just("count"),  # set by the test
    qualifier=st.none(),
    counted=st.just("x"),
    counted_lemma=st.sampled_from(["", "troop", "man", "soldier"]),
    text=st.just("1"),
    start=st.integers(0, 3),
    end=st.just(5),
    sentence=st.integers(0, 2),
    claimer=st.sampled_from([None, "a minister"]),
    verb=st.sampled_from([None, "deploy"]),
    said_on=st.sampled_from([None, "2024-01-01", "2024-10-20", "2025-06-01"]),
    refers_to=st.sampled_from([None, "2024", "2024-10", "2024-10-20", "2023"]),
    factor=st.sampled_from([1.0, 1.609]),
    event=st.sampled_from(["", "deploy", "kill"]),
    anchor=st.sampled_from(["", "flight", "fir", "fire"]),
    extra=st.booleans(),
    subset=st.booleans(),
    places=st.sampled_from([(), ("Russia",), ("western Russia",), ("Kursk",)]),
    context=st.sampled_from([(), ("send", "troop"), ("send", "troop", "front"), ("fly", "missile")]),
    when=st.sampled_from(["", "last week", "on Monday"]),
)
_claims = st.builds(RawClaim, **_FIELDS)


def _variation(claim: RawClaim, data) -> RawClaim:
    """`claim` with a few fields drawn again (never its dimension: claims of two dimensions are
    never compared)."""
    names = data.draw(st.sets(st.sampled_from(sorted(set(_FIELDS) - {"dimension"})), min_size=1, max_size=2))
    return replace(claim, **{name: data.draw(_FIELDS[name]) for name in sorted(names)})


@pytest.mark.parametrize("dimension", ["count", "age", "money", "duration"])
@settings(max_examples=400, deadline=None)
@given(_claims, st.data())
def test_claims_of_one_kind_compare_alike_with_any_claim_elsewhere(dimension, a, data):
    # `b` and `c` are variations of `a`: `b` often of the same kind with other values, dates or
    # words; `c` close enough to `a` for the comparisons to get past their first checks.
    a = replace(a, dimension=dimension)
    b, c = _variation(a, data), _variation(a, data)
    # `c` is in another article than `a` and `b`, so no pair is within one sentence.
    x, y, other = (_Item(article, claim, "") for article, claim in zip(_ARTICLES, (a, b, c)))
    if _kind(a) == _kind(b):
        assert hard_ok(x, other) == hard_ok(y, other)
        assert hard_ok(other, x) == hard_ok(other, y)
        assert soft_ok(x, other) == soft_ok(y, other)
        assert soft_ok(other, x) == soft_ok(other, y)
