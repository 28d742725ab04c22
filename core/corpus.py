"""Load what the user points at into cleaned `Article`s, never touching their files.

Walks files and folders, reads each supported file, cleans and splits it, and finds metadata.
One bad file becomes a `Problem` with a one-line message; the rest still loads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from .models import Article, LoadResult, Problem
from .safety import inert_line, inert_text
from .settings import DEFAULT_MAX_FILE_MB

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".rss", ".atom", ".xml"}


def seed_paths() -> list[Path]:
    """The bundled seed corpus."""
    folder = resources.files("newsx.seeds")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def iter_files(paths: Iterable[Path], problems: list[Problem]) -> list[Path]:
    """Files under `paths`, recursively, in a stable order; symlink loops and missing paths reported."""
    found: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()
    for path in paths:
        path = Path(path)
        if not path.exists():
            problems.append(Problem(str(path), "no such file or folder"))
            continue
        if path.is_file():
            found.append(path)
            continue
        for root, dirs, files in os.walk(path, followlinks=True, onerror=lambda e: problems.append(Problem(str(e.filename), f"cannot read folder ({e.strerror})"))):
            try:
                st = os.stat(root)
            except OSError:
                dirs[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                problems.append(Problem(root, "symlink loop, skipped"))
                dirs[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name.endswith(".meta.toml"):
                    continue
                if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                    found.append(Path(root) / name)
    return found


def load_corpus(paths: Iterable[Path] | None = None, max_file_mb: float = DEFAULT_MAX_FILE_MB) -> LoadResult:
    """Load every supported file; `paths` None or empty loads the bundled seeds."""
    paths = list(paths or []) or seed_paths()
    result = LoadResult()
    used_ids: set[str] = set()
    for file in iter_files(paths, result.problems):
        try:
            articles, notes = load_file(file, max_file_mb)
        except LoadError as exc:
            result.problems.append(Problem(str(file), str(exc)))
            continue
        result.problems.extend(Problem(str(file), n, fatal=False) for n in notes)
        for article in articles:
            unique = _unique_id(article.id, used_ids)
            if unique != article.id:
                article = Article(**{**article.to_dict(), "id": unique})
            result.articles.append(article)
    return result


def _unique_id(article_id: str, used: set[str]) -> str:
    candidate, n = article_id, 1
    while candidate in used:
        n += 1
        candidate = f"{article_id}~{n}"
    used.add(candidate)
    return candidate


class LoadError(Exception):
    """A file that yields no article; the message is the problem, without the file name."""


def read_text_file(path: Path, max_file_mb: float) -> tuple[str, list[str]]:
    """Decode a file as text: UTF-8, else a declared/likely legacy encoding, saying which."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(f"cannot read ({exc.strerror or exc})") from exc
    if size > max_file_mb * 1024 * 1024:
        raise LoadError(f"too large ({size / 1024 / 1024:.1f} MB > {max_file_mb:g} MB limit), skipped")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise LoadError(f"cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise LoadError("empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("binary file, not text")
    notes: list[str] = []
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), notes
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace") if _mostly_latin(data) else data.decode("utf-8", errors="replace")
    notes.append("not valid UTF-8; decoded as " + ("Windows-1252" if _mostly_latin(data) else "UTF-8 with invalid bytes replaced"))
    return text, notes


def _mostly_latin(data: bytes) -> bool:
    high = sum(1 for b in data if b >= 0x80)
    return high > 0 and high / len(data) < 0.3


def load_file(path: Path, max_file_mb: float = DEFAULT_MAX_FILE_MB) -> tuple[list[Article], list[str]]:
    """Articles in one file, and notes about how it was read. Raises LoadError when none."""
    from .readers import read_articles

    raw, notes = read_text_file(path, max_file_mb)
    articles = read_articles(path, raw)
    if not articles:
        raise LoadError("no article text found")
    return [_make_safe(a) for a in articles], notes


def _make_safe(article: Article) -> Article:
    return Article(
        id=article.id,
        path=article.path,
        title=inert_line(article.title),
        text=inert_text(article.text),
        outlet=inert_line(article.outlet) or None,
        published=article.published,
        byline=inert_line(article.byline) or None,
        dateline=inert_line(article.dateline) or None,
        url=inert_line(article.url) or None,
        title_guessed=article.title_guessed,
    )
