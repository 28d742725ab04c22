"""Load what the user points at into cleaned `Article`s, never touching their files.

Walks files and folders, reads each supported file, cleans and splits it, and finds metadata.
One bad file becomes a `Problem` with a one-line message; the rest still loads.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from newsx.core.corpus.charsets import detect, display_name
from newsx.core.corpus.package_data import package_folder
from newsx.core.corpus.safety import inert_line, inert_text
from newsx.core.model.articles import Article, LoadResult, Problem
from newsx.core.processes import can_fork, worker_context, worker_count
from newsx.core.settings import DEFAULT_MAX_FILE_MB
from newsx.core.store.cache import LoadedFiles, LongLived

if TYPE_CHECKING:  # pragma: no cover
    from newsx.core.corpus.building import Built, Given

# Reading, cleaning and splitting (building, readers, splitting, cleaning, dates) are imported where
# a file is actually read: a warm reopen takes every file from the cache and should not pay for
# importing them (about 50 ms each for building, readers and splitting, measured with -X importtime).

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".rss", ".atom", ".xml", ".rdf"}


def seed_paths() -> list[Path]:
    """The bundled seed corpus."""
    return sorted(package_folder("newsx.seeds").glob("*.txt"))


def iter_files(paths: Iterable[Path], problems: list[Problem]) -> list[Path]:
    """Files under `paths`, recursively, in a stable order, each once; loops and missing paths reported."""
    found: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()

    def add(file: Path) -> None:
        try:
            st = file.stat()
            key = (st.st_dev, st.st_ino)
        except OSError:
            found.append(file)  # reported when read
            return
        if key not in seen_files:
            seen_files.add(key)
            found.append(file)

    def walk_error(exc: OSError) -> None:
        problems.append(Problem(str(exc.filename), f"cannot read folder ({exc.strerror})"))

    for path in paths:
        path = Path(path)
        if not path.exists():
            reason = "broken symbolic link" if path.is_symlink() else "no such file or folder"
            problems.append(Problem(str(path), reason))
            continue
        if path.is_file():
            add(path)
            continue
        if not path.is_dir():
            problems.append(Problem(str(path), "not a regular file or folder, skipped"))
            continue
        for root, dirs, files in os.walk(path, followlinks=True, onerror=walk_error):
            try:
                st = os.stat(root)
            except OSError:
                dirs[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                real, parent = os.path.realpath(root), os.path.realpath(os.path.dirname(root))
                if parent == real or parent.startswith(real + os.sep):
                    problems.append(Problem(root, "symlink loop, skipped"))
                dirs[:] = []  # a folder reached twice is read once
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            # os.path rather than Path per name: at 10,000 files the Path objects cost a tenth of a reopen.
            for name in sorted(files):
                if name.startswith(".") or name.endswith(".meta.toml"):
                    continue
                if os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                    add(Path(os.path.join(root, name)))
    return found


def load_corpus(
    paths: Iterable[Path] | None = None,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    cache_dir: Path | None = None,
    long_lived: LongLived = nullcontext,
) -> LoadResult:
    """Load every supported file; `paths` None or empty loads the bundled seeds.

    With `cache_dir`, files unchanged since they were last read come from the cache (core.store.cache),
    built inside `long_lived()` (they live as long as the corpus).
    """
    paths = list(paths or []) or seed_paths()
    result = LoadResult()
    used_ids: set[str] = set()
    files = iter_files(paths, result.problems)
    memory = LoadedFiles(cache_dir, max_file_mb)
    recalled = memory.recall(files, long_lived)
    fresh = read_files([f for f in files if f not in recalled], max_file_mb)
    for file in files:
        if file in recalled:
            articles, notes = recalled[file]
        else:
            read = fresh[file]
            if isinstance(read, str):
                result.problems.append(Problem(str(file), read))
                continue
            articles, notes = read
            memory.remember(file, articles, notes)
        result.problems.extend(Problem(str(file), n, fatal=False) for n in notes)
        for article in articles:
            unique = _unique_id(article.id, used_ids)
            if unique != article.id:
                article = Article(**{**article.to_dict(), "id": unique})
            result.articles.append(article)
    memory.close()
    for notice in memory.notices:
        path, sep, message = notice.partition(": ")
        if sep:
            result.problems.append(Problem(path, message, fatal=False))
    return result


# Below this many files to read, starting worker processes costs more than it saves (a file takes
# about 1.5 ms to read and clean).
PARALLEL_MIN_FILES = 200

# What reading one file gave: its articles and notes, or the problem (the message, without the file).
FileRead = tuple[list[Article], list[str]] | str


def read_files(files: list[Path], max_file_mb: float = DEFAULT_MAX_FILE_MB) -> dict[Path, FileRead]:
    """Read every file (`load_file`), in two processes or more when there are many files and
    workers can be forked (see `core.processes`); one bad file never stops the others."""
    processes = worker_count()
    if len(files) >= PARALLEL_MIN_FILES and processes > 1 and can_fork():
        chunk = max(1, min(64, len(files) // (4 * processes)))
        try:
            with ProcessPoolExecutor(max_workers=processes, mp_context=worker_context()) as pool:
                return dict(zip(files, pool.map(_read_one, files, [max_file_mb] * len(files), chunksize=chunk)))
        except (BrokenProcessPool, OSError):
            pass  # a worker died (out of memory, killed): read them all here instead
    return {file: _read_one(file, max_file_mb) for file in files}


def _read_one(file: Path, max_file_mb: float) -> FileRead:
    try:
        return load_file(file, max_file_mb)
    except LoadError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - a reader's own bug or missing part must not stop the rest
        reason = " ".join(str(exc).split()) or "no details"
        return f"could not be read ({type(exc).__name__}: {reason})"


def _unique_id(article_id: str, used: set[str]) -> str:
    candidate, n = article_id, 1
    while candidate in used:
        n += 1
        candidate = f"{article_id}~{n}"
    used.add(candidate)
    return candidate


class LoadError(Exception):
    """A file that yields no article; the message is the problem, without the file name."""


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "vanished while loading"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    return f"cannot read ({exc.strerror or exc})"


def read_bytes(path: Path, max_file_mb: float) -> bytes:
    """The file's bytes, read-only, refusing special files and files over the size limit."""
    try:
        st = path.stat()
    except OSError as exc:
        if path.is_symlink():
            raise LoadError("broken symbolic link" if isinstance(exc, FileNotFoundError) else "symlink loop") from exc
        raise LoadError(_os_reason(exc)) from exc
    if not stat.S_ISREG(st.st_mode):
        raise LoadError("not a regular file, skipped")
    limit = max_file_mb * 1024 * 1024
    if st.st_size > limit:
        raise LoadError(f"too large ({st.st_size / 1024 / 1024:.1f} MB > {max_file_mb:g} MB limit), skipped")
    try:
        with open(path, "rb") as fh:
            data = fh.read(int(limit) + 1)  # the file may have grown since stat
    except OSError as exc:
        raise LoadError(_os_reason(exc)) from exc
    if len(data) > limit:
        raise LoadError(f"too large (over the {max_file_mb:g} MB limit), skipped")
    return data


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes as text: BOM, else UTF-8, else the declared charset, else the detected one
    (`core.corpus.charsets`), else Windows-1252, saying which when not UTF-8."""
    if not data.strip():
        raise LoadError("empty file")
    for bom, encoding, name in ((b"\xef\xbb\xbf", "utf-8-sig", None), (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16")):
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding.replace("-sig", ""), errors="replace")
            if not text.strip():
                raise LoadError("empty file")
            return text, ([f"decoded as {name} (byte-order mark)"] if name else [])
    if _looks_binary(data):
        raise LoadError("binary file, not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        return data.decode(declared, errors="replace"), [f"not valid UTF-8; decoded as {declared} (declared in the file)"]
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    good_multibyte = sum(1 for ch in replaced if ord(ch) > 0x7F and ch != "\ufffd")
    if good_multibyte > bad:
        return replaced, [f"invalid UTF-8: {bad} undecodable byte(s) replaced by \ufffd"]
    detected = detect(data)
    if detected:
        return data.decode(detected, errors="replace"), [f"not valid UTF-8 and no encoding declared; decoded as {display_name(detected)} (detected)"]
    return data.decode("cp1252", errors="replace"), ["not valid UTF-8; decoded as Windows-1252"]


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML head declares (`<meta charset=...>`, `encoding="..."`), if Python knows it."""
    m = re.search(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9._:-]{2,40})""", data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name in ("utf-8", "utf-16", "utf-32") else name


# Control bytes that text does not contain (tab, newlines, form feed and escape it may).
_BINARY_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return controls > len(sample) * 0.05


def read_text_file(path: Path, max_file_mb: float) -> tuple[str, list[str]]:
    """Read and decode one file; notes say how it was decoded when not plain UTF-8."""
    return decode(read_bytes(path, max_file_mb))


def sidecar_for(path: Path) -> Path | None:
    for candidate in (path.with_name(path.name + ".meta.toml"), path.with_name(path.stem + ".meta.toml")):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[Given | None, list[str]]:
    """Metadata from `<file>.meta.toml`, which wins over anything guessed."""
    from newsx.core.corpus.building import Given

    side = sidecar_for(path)
    if side is None:
        return None, []
    try:
        data = tomllib.loads(decode(read_bytes(side, 1.0))[0])
    except (LoadError, tomllib.TOMLDecodeError, RecursionError) as exc:
        return None, [f"sidecar {side.name} ignored ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})"]

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        return str(value).strip() or None

    published = text("published")
    if published:
        from newsx.core.corpus.dates import find_published_date, resolve_date

        published = find_published_date(published) or resolve_date(published)
    return Given(title=text("title"), outlet=text("outlet"), published=published, author=text("author"), url=text("url")), []


def _merge(given: Given, override: Given | None) -> Given:
    from newsx.core.corpus.building import Given

    if override is None:
        return given
    return Given(**{k: getattr(override, k) or getattr(given, k) for k in ("title", "outlet", "published", "author", "url")})


def load_file(path: Path, max_file_mb: float = DEFAULT_MAX_FILE_MB) -> tuple[list[Article], list[str]]:
    """Articles in one file, and notes about how it was read. Raises LoadError when none."""
    from newsx.core.corpus.building import Given, build_article, build_short
    from newsx.core.corpus.cleaning import normalize_line
    from newsx.core.corpus.readers import ReadError, read_drafts
    from newsx.core.corpus.splitting import split_articles

    raw, notes = read_text_file(path, max_file_mb)
    try:
        drafts, draft_notes = read_drafts(path, raw)
    except ReadError as exc:
        raise LoadError(str(exc)) from exc
    except RecursionError as exc:
        raise LoadError("structure nested too deeply") from exc
    notes += draft_notes
    sidecar, side_notes = read_sidecar(path)
    notes += side_notes

    built: list[Built] = []
    for draft in drafts:
        lines = [normalize_line(line) for line in inert_text(draft.text).split("\n")]
        parts = split_articles(lines) if draft.splittable else [lines]
        for part in parts:
            override = sidecar
            if sidecar and sidecar.title and built:
                # the sidecar's title names the file's first article, not the ones split from it
                override = Given(**{**sidecar.__dict__, "title": None})
            given = _merge(draft.given, override)
            article = build_article(part, given)
            if article is None and draft.label:
                # the file says this is an article: a short or untitled one is kept as it stands
                article = build_short(part, given)
                if article is None:
                    notes.append(f"{draft.label}: nothing but page furniture, skipped")
            if article is not None:
                built.append(article)
    if not built:
        raise LoadError("no article text found")
    articles = []
    for n, b in enumerate(built, 1):
        article_id = path.stem if n == 1 else f"{path.stem}#{n}"
        articles.append(
            Article(
                id=article_id,
                path=str(path),
                title=inert_line(b.title),
                text=b.text,
                outlet=inert_line(b.outlet) or None,
                published=b.published,
                byline=inert_line(b.byline) or None,
                dateline=inert_line(b.dateline) or None,
                url=inert_line(b.url) or None,
                title_guessed=b.title_guessed,
            )
        )
    return articles, notes
