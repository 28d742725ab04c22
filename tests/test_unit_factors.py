"""The conversion table newsx ships (`core.nlp.unit_factors`) says what pint says, for every unit."""

from newsx.core.nlp import units
from newsx.core.nlp.unit_factors import FACTORS


def test_table_matches_pint_for_every_canonical_unit():
    from_pint = {name: units.pint_factor(name) for name in units._CANONICAL}
    assert FACTORS == from_pint, "regenerate it: python -m newsx.core.nlp.units > core/nlp/unit_factors.py"


def test_miles_and_kilometres_compare_without_building_pint(monkeypatch):
    # 30 miles is about 48 km: a length said both ways compares, from the table alone
    monkeypatch.setattr(units, "pint_factor", lambda name: (_ for _ in ()).throw(AssertionError(name)))
    assert abs(30 * units.factor_of("miles") - 48.28) < 0.01
    assert units.factor_of("km") == 1.0


def test_three_decades_are_thirty_years():
    # pint's own "decade" is a ratio; a span of decades must compare with the same span in years
    assert units.factor_of("decades") == 10 * units.factor_of("years")
