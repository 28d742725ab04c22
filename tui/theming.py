"""Themes: the bundled TOML themes plus the user's own, as `textual.theme.Theme` objects.

API (used by the app at start-up and by the views that colour entities):

- `register_themes(app, user_dir=None) -> list[str]`: register every bundled theme
  (`newsx.themes/*.toml`) and every user theme (`<config dir>/themes/*.toml`; a user theme with a
  bundled name replaces it) on `app`. Returns notices, one line each, for files that were skipped.
- `setup_themes(app, name, before_start=False) -> list[str]`: both of the above. The app calls it
  from `__init__` with `before_start=True`: the theme is then in place before any CSS is parsed,
  which saves a full re-parse and restyle after mount (a quarter of the first paint).
- `select_theme(app, name, before_start=False) -> list[str]`: set `app.theme` to `name`, or to the
  default (`newsx-dark`) with a notice when no theme of that name is registered.
- `load_themes(user_dir=None) -> (dict[name, Theme], notices)`: the same without an app.
- `theme_from_toml(text, source) -> Theme`: parse one file; raises `ThemeError` with one line.
- `THEME_VARIABLE_DEFAULTS`: values for the newsx variables (`entity-*`, `claim-*`, `search-hit`),
  for the App's `get_theme_variable_defaults()` so CSS and styles work under any theme.
- `entity_variable(label) -> str`: spaCy label -> theme variable ("GPE" -> "entity-place").
- `entity_style(app, label) -> rich.style.Style`: colour from the active theme plus a text
  attribute per type (bold, underline, italic), so highlights stay apart with `NO_COLOR` and in
  16 colours. `claim_style(app, verdict)` and `search_hit_style(app)` do the same for verdicts
  and search hits.

The screens' CSS also uses `entity-group` (NORP) and `verdict-*`; a theme that sets
`entity-norp` / `claim-*` gets those too (`VARIABLE_ALIASES`), so one name per colour is enough.

A theme file is flat TOML: `name`, the colour fields of `textual.theme.Theme` (primary, secondary,
accent, foreground, background, surface, panel, boost, warning, error, success), `dark`, `ansi`,
`luminosity_spread`, `text_alpha`, and a `[variables]` table.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from rich.style import Style
from textual.app import App
from textual.color import Color, ColorParseError
from textual.theme import Theme

from newsx.core.corpus.package_data import package_folder
from newsx.core.settings import DEFAULT_16_COLOUR_THEME, DEFAULT_THEME, config_dir

from .textual_private import refresh_native_colours

BUNDLED_PACKAGE = "newsx.themes"

COLOR_FIELDS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel", "boost", "warning", "error", "success")
_OTHER_FIELDS = {"name": str, "dark": bool, "ansi": bool, "luminosity_spread": (int, float), "text_alpha": (int, float), "variables": dict}

ENTITY_VARIABLES = (
    "entity-person",
    "entity-org",
    "entity-place",
    "entity-norp",
    "entity-date",
    "entity-number",
    "entity-other",
)
CLAIM_VARIABLES = ("claim-conflict", "claim-changed", "claim-agree")

# Fallbacks for themes that are not ours (Textual's built-ins stay selectable from the palette).
THEME_VARIABLE_DEFAULTS: dict[str, str] = {
    "entity-person": "ansi_yellow",
    "entity-org": "ansi_cyan",
    "entity-place": "ansi_green",
    "entity-norp": "ansi_magenta",
    "entity-date": "ansi_bright_blue",
    "entity-number": "ansi_bright_red",
    "entity-other": "ansi_white",
    "claim-conflict": "ansi_red",
    "claim-changed": "ansi_yellow",
    "claim-agree": "ansi_green",
    "search-hit": "ansi_bright_yellow",
}

# variable the screens use -> the theme variable it follows when the theme does not set it.
VARIABLE_ALIASES: dict[str, str] = {
    "entity-group": "entity-norp",
    "verdict-conflict": "claim-conflict",
    "verdict-changed": "claim-changed",
    "verdict-agree": "claim-agree",
}

_LABEL_VARIABLE = {
    "PERSON": "entity-person",
    "ORG": "entity-org",
    "GPE": "entity-place",
    "LOC": "entity-place",
    "FAC": "entity-place",
    "NORP": "entity-norp",
    "DATE": "entity-date",
    "TIME": "entity-date",
    "CARDINAL": "entity-number",
    "QUANTITY": "entity-number",
    "MONEY": "entity-number",
    "PERCENT": "entity-number",
    "ORDINAL": "entity-number",
}

# Text attributes per type: what keeps highlights apart when there is no colour at all.
_VARIABLE_ATTRIBUTES: dict[str, dict[str, bool]] = {
    "entity-person": {"bold": True},
    "entity-org": {"underline": True},
    "entity-place": {"bold": True, "underline": True},
    "entity-norp": {"italic": True},
    "entity-date": {"italic": True, "underline": True},
    "entity-number": {"bold": True, "italic": True},
    "entity-other": {"underline": True, "dim": True},
    "claim-conflict": {"bold": True, "reverse": True},
    "claim-changed": {"bold": True, "underline": True},
    "claim-agree": {"bold": False},
}


class ThemeError(ValueError):
    """A theme file that cannot be used; the message is one readable line naming the file."""


# ----------------------------------------------------------------------------- loading


def _check_color(source: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ThemeError(f"{source}: {key} must be a colour string, not {type(value).__name__}")
    try:
        Color.parse(value)
    except ColorParseError:
        raise ThemeError(f"{source}: {key} = {value!r} is not a colour (use '#rrggbb', a colour name or 'ansi_red')") from None
    return value


def theme_from_toml(text: str, source: str, default_name: str | None = None, *, check: bool = True) -> Theme:
    """One theme from TOML text. `source` names the file in messages; `default_name` is used when
    the file has no `name` (user files: their stem). `check=False` skips building the colour
    system to find values Textual cannot use (bundled themes: the tests build each of them)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"{source}: invalid TOML ({exc})") from None
    fields: dict[str, Any] = {}
    for key, value in data.items():
        if key in COLOR_FIELDS:
            fields[key] = _check_color(source, key, value)
        elif key in _OTHER_FIELDS:
            expected = _OTHER_FIELDS[key]
            if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
                raise ThemeError(f"{source}: {key} has the wrong type ({type(value).__name__})")
            fields[key] = value
        else:
            known = ", ".join(("name",) + COLOR_FIELDS + tuple(k for k in _OTHER_FIELDS if k != "name"))
            raise ThemeError(f"{source}: unknown key {key!r} (known: {known})")
    name = fields.get("name") or default_name
    if not name or not str(name).strip():
        raise ThemeError(f"{source}: the theme has no name")
    fields["name"] = str(name).strip()
    if "primary" not in fields:
        raise ThemeError(f"{source}: 'primary' colour is required")
    variables = fields.get("variables", {})
    for key, value in variables.items():
        if not isinstance(value, str):
            raise ThemeError(f"{source}: variable {key!r} must be a string, not {type(value).__name__}")
        if key in THEME_VARIABLE_DEFAULTS:
            _check_color(source, f"variable {key!r}", value)
    variables = {str(k): v for k, v in variables.items()}
    for alias, source_name in VARIABLE_ALIASES.items():
        if alias not in variables and source_name in variables:
            variables[alias] = variables[source_name]
    fields["variables"] = variables
    theme = Theme(**fields)
    if not check:
        return theme
    try:
        theme.to_color_system().generate()
    except Exception as exc:  # Textual's colour maths on odd values: report, don't crash
        raise ThemeError(f"{source}: cannot build the theme ({exc})") from None
    return theme


def _load_file(path: Path | Any, source: str, default_name: str | None, *, check: bool = True) -> Theme:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ThemeError(f"{source}: not UTF-8 text") from None
    except OSError as exc:
        raise ThemeError(f"{source}: cannot read ({exc.strerror or exc})") from None
    return theme_from_toml(text, source, default_name, check=check)


def load_bundled_themes() -> tuple[list[Theme], list[str]]:
    themes: list[Theme] = []
    notices: list[str] = []
    folder = package_folder(BUNDLED_PACKAGE)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        try:
            # Checked by the tests, not at each start (building a colour system takes a millisecond).
            themes.append(_load_file(entry, f"bundled theme {entry.name}", entry.name[: -len(".toml")], check=False))
        except ThemeError as exc:
            notices.append(str(exc))
    return themes, notices


def user_theme_dir() -> Path:
    return config_dir() / "themes"


def load_user_themes(directory: Path | None = None) -> tuple[list[Theme], list[str]]:
    directory = user_theme_dir() if directory is None else Path(directory)
    themes: list[Theme] = []
    notices: list[str] = []
    try:
        paths = sorted(directory.glob("*.toml")) if directory.is_dir() else []
    except OSError as exc:
        return [], [f"{directory}: cannot list themes ({exc.strerror or exc})"]
    for path in paths:
        try:
            themes.append(_load_file(path, str(path), path.stem))
        except ThemeError as exc:
            notices.append(f"{exc}; theme skipped")
    return themes, notices


def load_themes(user_dir: Path | None = None) -> tuple[dict[str, Theme], list[str]]:
    bundled, notices = load_bundled_themes()
    user, user_notices = load_user_themes(user_dir)
    themes = {t.name: t for t in bundled}
    themes.update({t.name: t for t in user})
    return themes, notices + user_notices


def register_themes(app: App, user_dir: Path | None = None) -> list[str]:
    themes, notices = load_themes(user_dir)
    for theme in themes.values():
        app.register_theme(theme)
    return notices


def setup_themes(app: App, name: str | None, user_dir: Path | None = None, *, before_start: bool = False) -> list[str]:
    notices = register_themes(app, user_dir)
    return notices + select_theme(app, name, before_start=before_start)


def select_theme(app: App, name: str | None, *, before_start: bool = False) -> list[str]:
    """Activate `name`; an unknown name falls back to the default theme with a notice.

    `before_start`: called from the App's `__init__`, before anything is styled.
    """
    themes = app.available_themes
    default = default_theme_name(app)
    name = (name or "").strip() or default
    if name in themes:
        _activate(app, name, before_start)
        return []
    fallback = default if default in themes else "textual-dark"
    _activate(app, fallback, before_start)
    ours = sorted(n for n in themes if n not in _builtin_names())
    return [f"unknown theme {name!r}; using {fallback} (available: {', '.join(ours)})"]


def default_theme_name(app: App) -> str:
    """The theme when the user names none: the ANSI one where the terminal has only 16 colours."""
    if app.console.color_system in ("standard", "windows"):
        return DEFAULT_16_COLOUR_THEME
    return DEFAULT_THEME


def _activate(app: App, name: str, before_start: bool) -> None:
    if not before_start:
        app.theme = name  # Textual's watcher re-parses the CSS and restyles every widget
        return
    # What App._watch_theme does, minus the CSS refresh: no stylesheet has been parsed yet.
    app.set_reactive(App.theme, name)
    dark = app.current_theme.dark
    classes = {c: False for c in app.classes if c.startswith("-theme-")}
    app.update_classes({**classes, f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}, update=False)
    refresh_native_colours(app)  # ANSI themes draw native colours
    app.stylesheet.set_variables(app.get_css_variables())


def _builtin_names() -> set[str]:
    from textual.theme import BUILTIN_THEMES

    return set(BUILTIN_THEMES)


# ----------------------------------------------------------------------------- styles


def entity_variable(label: str) -> str:
    return _LABEL_VARIABLE.get((label or "").upper(), "entity-other")


def _variable_color(app: App, variable: str) -> Color | None:
    try:
        value = app.current_theme.variables.get(variable) or THEME_VARIABLE_DEFAULTS.get(variable)
    except Exception:  # no active app or theme yet
        value = THEME_VARIABLE_DEFAULTS.get(variable)
    if not value:
        return None
    try:
        return Color.parse(value)
    except ColorParseError:
        return None


def _style(app: App, variable: str) -> Style:
    color = _variable_color(app, variable)
    attributes = _VARIABLE_ATTRIBUTES.get(variable, {})
    return Style(color=color.rich_color if color is not None else None, **attributes)


def entity_style(app: App, label: str) -> Style:
    """The highlight style of an entity of spaCy type `label` under the active theme."""
    return _style(app, entity_variable(label))


def claim_style(app: App, verdict: str) -> Style:
    """Style for a claim verdict ('conflict', 'changed', 'agree'; others: plain)."""
    variable = f"claim-{verdict}"
    if variable not in CLAIM_VARIABLES:
        return Style()
    return _style(app, variable)


def search_hit_style(app: App) -> Style:
    """Search hits: reversed, so they show with no colour at all."""
    color = _variable_color(app, "search-hit")
    return Style(color=color.rich_color if color is not None else None, reverse=True, bold=True)
