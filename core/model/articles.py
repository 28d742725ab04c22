"""The data model shared by every layer: plain, immutable dataclasses.

Here: articles and load problems. Per-article results (`ArticleAnalysis`), which the cache
stores, and the corpus-level objects (`Entity`, `Event`, `ClaimGroup`) that `core.index` derives
from them are in `core.model.analyses`. Everything is JSON-serialisable through
`to_dict`/`from_dict`, so no spaCy object ever leaves `core.nlp`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from newsx.core.model.serial import from_dict

# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class Problem:
    """A file (or part of one) that could not be loaded, or loaded with a caveat."""

    path: str
    message: str
    fatal: bool = True  # False: loaded anyway (e.g. "invalid UTF-8, replaced 3 bytes")

    def line(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Article:
    """One cleaned article, as the reader shows it."""

    id: str
    path: str
    title: str
    text: str
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    byline: str | None = None
    dateline: str | None = None
    url: str | None = None
    title_guessed: bool = False  # True when made from the lede, not found in the file

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        return from_dict(cls, data)


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

