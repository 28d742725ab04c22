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
    # A truecolor terminal whatever runs the tests: the default theme depends on the colours.
    monkeypatch.setenv("COLORTERM", "truecolor")
    return home


@pytest.fixture(scope="session")
def seed_loaded():
    """The bundled seeds, loaded and cleaned (no NLP)."""
    from newsx.core.corpus.loading import load_corpus

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


def index_of(articles: dict[str, tuple[str, str, str]], cache_dir):
    """The index of short articles written for a test: {id: (outlet, published, text)}."""
    from newsx.core.model.articles import Article

    return index_of_articles([
        Article(id=name, path=f"{name}.txt", title=name, text=text, outlet=outlet, published=published)
        for name, (outlet, published, text) in articles.items()
    ], cache_dir)


def index_of_articles(articles, cache_dir):
    """The index of these `Article`s, built as the program builds one."""
    from newsx.core.index import build_index
    from newsx.core.model.articles import LoadResult
    from newsx.core.settings import Settings

    return build_index(LoadResult(articles=list(articles)), Settings(cache_dir=cache_dir))


def find_claim(index, article, number):
    """(group, claim) of the claim whose number is written `number` in `article`."""
    import re

    for group in index.claim_groups:
        for c in group.claims:
            if c.article == article and re.search(rf"(?<![\w.,$]){re.escape(number.lower())}(?![\w.,])", c.text.lower()):
                return group, c
    raise AssertionError(f"{number!r} not in {article}: {[(c.article, c.text) for g in index.claim_groups for c in g.claims]}")


@pytest.fixture(scope="session")
def ui_index(seed_index):
    """The seed index for explorer tests, with at least one claim group and one event.

    While the claims/events layers produce nothing for the seeds, a conflict group is built from two
    real seed sentences that state numbers, so the Claims screen has something to show.
    """
    import re
    from dataclasses import replace

    from newsx.core.model.analyses import Claim, ClaimGroup

    if seed_index.claim_groups:
        return seed_index
    claims = []
    for article in seed_index.articles:
        analysis = seed_index.analyses.get(article.id)
        for n, (start, end) in enumerate(analysis.sentences if analysis else ()):
            match = re.search(r"\d[\d,]*", article.text[start:end])
            if match:
                value = float(match.group().replace(",", "") or 0)
                claims.append(
                    Claim(article.id, value, value, value, match.group(), article.text[start:end], n,
                          start + match.start(), start + match.end(), article.outlet or "the outlet",
                          article.published, None, article.outlet)
                )
                break
        if len(claims) == 3:
            break
    group = ClaimGroup("g1", "numbers in the seeds", "things", "conflict", "values differ", tuple(claims))
    return replace(seed_index, claim_groups=(group,))


# A second, unrelated story (a river flood, three articles) to mix with the seeds.
STORY_FLOOD = REPO / "tests" / "story_flood"


@pytest.fixture(scope="session")
def mixed_folder(tmp_path_factory):
    """The seeds and the flood story in one folder: a corpus of two stories."""
    import shutil

    folder = tmp_path_factory.mktemp("mixed")
    for source in (SEEDS, STORY_FLOOD):
        for path in source.glob("*.txt"):
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def mixed_index(mixed_folder, tmp_path_factory):
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    return build_index(load_corpus([mixed_folder]), Settings(cache_dir=tmp_path_factory.mktemp("mixed-cache")))
