"""Shared fixtures: every test gets its own cache and config folder, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
ECBPLUS = SHARED / "eval" / "ecbplus"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NEWSX_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("NEWSX_CONFIG", str(home / "config" / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    return home


@pytest.fixture(scope="session")
def seed_loaded():
    """The bundled seeds, loaded and cleaned (no NLP)."""
    from newsx.core.corpus import load_corpus

    return load_corpus([SEEDS])


@pytest.fixture(scope="session")
def seed_index(seed_loaded, tmp_path_factory):
    """The full index of the seeds, parsed once per test session (spaCy loads once)."""
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    settings = Settings(cache_dir=tmp_path_factory.mktemp("seed-cache"))
    return build_index(seed_loaded, settings)


def ecbplus_cluster(name: str):
    """Articles of one ECB+ cluster (e.g. '18ecbplus'), or skip when shared/ is not beside the repo."""
    folder = ECBPLUS / "articles" / name
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    return folder
