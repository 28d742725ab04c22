"""Format readers: raw file content to articles (first version: plain text only)."""

from __future__ import annotations

from pathlib import Path

from .models import Article


def read_articles(path: Path, raw: str) -> list[Article]:
    lines = [l.strip() for l in raw.splitlines() if l.strip()]
    if not lines:
        return []
    title = lines[0][:120]
    return [Article(id=path.stem, path=str(path), title=title, text="\n\n".join(lines))]
