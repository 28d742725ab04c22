"""Entity kinds: the spaCy labels grouped into the few kinds the explorer colours.

Each kind has a theme variable (`$entity-person`, `$entity-org`, `$entity-place`, `$entity-group`,
`$entity-other`) that themes may set; `NewsxApp.get_theme_variable_defaults` gives defaults.
"""

from __future__ import annotations

KINDS: tuple[str, ...] = ("person", "org", "place", "group", "other")

KIND_NAMES = {
    "person": "people",
    "org": "organisations",
    "place": "places",
    "group": "groups",
    "other": "other",
}

_LABEL_KIND = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}

# Defaults for themes that do not set them (readable on dark and light backgrounds).
THEME_VARIABLE_DEFAULTS = {
    "entity-person": "#e5a50a",
    "entity-org": "#3daee9",
    "entity-place": "#2ec27e",
    "entity-group": "#c061cb",
    "entity-other": "#f66151",
}


def kind_of(label: str) -> str:
    """The kind of a spaCy entity label ("PERSON" -> "person"; unknown labels -> "other")."""
    return _LABEL_KIND.get(label.upper(), "other")


def next_kind_filter(current: str | None) -> str | None:
    """Cycle None (all kinds) -> each kind in turn -> None."""
    if current is None:
        return KINDS[0]
    position = KINDS.index(current) + 1
    return KINDS[position] if position < len(KINDS) else None
