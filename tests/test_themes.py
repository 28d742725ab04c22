"""Themes: the bundled four load and apply, user themes add or fail readably, entity styles."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Static

from newsx.tui import theming
from newsx.tui.theming import (
    CLAIM_VARIABLES,
    COLOR_FIELDS,
    ENTITY_VARIABLES,
    ThemeError,
    entity_style,
    load_themes,
    setup_themes,
    theme_from_toml,
)

BUNDLED = ("newsx-dark", "newsx-light", "newsx-high-contrast", "newsx-ansi")
REQUIRED = ("primary", "secondary", "accent", "background", "surface", "panel", "foreground", "warning", "error", "success")


class ThemedApp(App):
    CSS = "#probe { color: $entity-person; background: $entity-place; }"

    def __init__(self, theme_name: str | None = None):
        super().__init__()
        self.wanted = theme_name
        self.notices: list[str] = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **theming.THEME_VARIABLE_DEFAULTS}

    def compose(self) -> ComposeResult:
        yield Static("probe", id="probe")

    def on_mount(self) -> None:
        self.notices = setup_themes(self, self.wanted)


def test_bundled_themes_load_with_every_field_and_variable():
    themes, notices = load_themes()
    assert notices == []
    for name in BUNDLED:
        theme = themes[name]
        for field in REQUIRED:
            assert getattr(theme, field), f"{name} lacks {field}"
        for variable in ENTITY_VARIABLES + CLAIM_VARIABLES:
            Color.parse(theme.variables[variable])  # parses, or the test fails
    assert themes["newsx-dark"].dark and not themes["newsx-light"].dark


def test_ansi_theme_uses_only_terminal_palette_colours():
    theme = load_themes()[0]["newsx-ansi"]
    assert theme.ansi
    for field in COLOR_FIELDS:
        value = getattr(theme, field)
        if value is not None:
            assert value.startswith("ansi_"), (field, value)
    for variable in ENTITY_VARIABLES + CLAIM_VARIABLES:
        assert Color.parse(theme.variables[variable]).ansi is not None


def test_ansi_theme_pane_borders_show_on_a_black_terminal():
    # unfocused panes carry their titles ("Articles", "Reader") in the border colour
    theme = load_themes()[0]["newsx-ansi"]
    for variable in ("border-blurred", "border"):
        if variable in theme.variables:
            assert Color.parse(theme.variables[variable]).ansi not in (0, None), variable


@pytest.mark.parametrize("name", BUNDLED)
async def test_each_theme_applies_and_colours_entities(name):
    app = ThemedApp(name)
    async with app.run_test(size=(40, 5)):
        assert app.theme == name
        assert app.notices == []
        probe = app.query_one("#probe")
        expected = Color.parse(app.current_theme.variables["entity-person"])
        assert probe.styles.color.rgb == expected.rgb
        style = entity_style(app, "PERSON")
        assert style.color is not None and style.bold


@pytest.mark.parametrize(
    "term, colorterm, expected",
    [("xterm-256color", "truecolor", "newsx-dark"), ("xterm-256color", None, "newsx-dark"),
     ("xterm", None, "newsx-ansi"), ("linux", None, "newsx-ansi")],
)
async def test_no_theme_named_means_the_ansi_one_in_a_16_colour_terminal(monkeypatch, term, colorterm, expected):
    monkeypatch.setenv("TERM", term)
    if colorterm:
        monkeypatch.setenv("COLORTERM", colorterm)
    else:
        monkeypatch.delenv("COLORTERM", raising=False)
    app = ThemedApp(None)
    async with app.run_test(size=(40, 5)):
        assert app.theme == expected and app.notices == []


async def test_unknown_theme_falls_back_to_default_with_notice():
    app = ThemedApp("no-such-theme")
    async with app.run_test(size=(40, 5)):
        assert app.theme == "newsx-dark"
        assert len(app.notices) == 1
        assert "no-such-theme" in app.notices[0] and "newsx-dark" in app.notices[0]


async def test_bad_user_theme_gives_notice_and_default(isolated_dirs):
    from newsx.core.settings import config_dir

    folder = config_dir() / "themes"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('name = "broken"\nprimary = "not-a-colour"\n')
    (folder / "mine.toml").write_text('primary = "#ff0000"\nbackground = "#000000"\n[variables]\nentity-person = "#00ff00"\n')
    app = ThemedApp("broken")
    async with app.run_test(size=(40, 5)):
        assert app.theme == "newsx-dark"
        assert any("broken.toml" in n and "not-a-colour" in n for n in app.notices)
        assert any("unknown theme 'broken'" in n for n in app.notices)
        # The good user theme (named after its file) is registered beside the bundled ones.
        assert "mine" in app.available_themes
        app.theme = "mine"
        await app.workers.wait_for_complete()
        assert entity_style(app, "PERSON").color.triplet.hex == "#00ff00"


@pytest.mark.parametrize(
    "text,needle",
    [
        ("primary = ", "invalid TOML"),
        ('primary = "#fff"\nsparkle = 1\n', "unknown key 'sparkle'"),
        ('primary = 12\n', "primary must be a colour string"),
        ('secondary = "#fff"\n', "'primary' colour is required"),
        ('primary = "#fff"\n[variables]\nentity-org = "bluish"\n', "entity-org"),
        ('primary = "#fff"\ndark = "yes"\n', "dark has the wrong type"),
    ],
)
def test_theme_errors_are_one_line_and_name_the_file(text, needle):
    with pytest.raises(ThemeError) as info:
        theme_from_toml(text, "/home/u/.config/newsx/themes/x.toml", "x")
    message = str(info.value)
    assert needle in message and message.startswith("/home/u/.config/newsx/themes/x.toml")
    assert "\n" not in message


def test_entity_styles_stay_distinct_without_colour():
    themes, _ = load_themes()

    class Probe:  # entity_style only reads the active theme
        current_theme = themes["newsx-dark"]

    labels = ("PERSON", "ORG", "GPE", "NORP", "DATE", "CARDINAL", "PRODUCT")
    attributes = {
        label: (s.bold, s.underline, s.italic, s.dim)
        for label in labels
        for s in [entity_style(Probe(), label)]
    }
    assert len(set(attributes.values())) == len(labels)
    # Places of every spaCy kind share one look.
    assert entity_style(Probe(), "LOC") == entity_style(Probe(), "GPE") == entity_style(Probe(), "FAC")


def test_norp_and_claim_colours_reach_the_screens_variable_names():
    theme = load_themes()[0]["newsx-dark"]
    assert theme.variables["entity-group"] == theme.variables["entity-norp"]
    assert theme.variables["verdict-conflict"] == theme.variables["claim-conflict"]
