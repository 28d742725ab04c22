"""Per-article results in SQLite, keyed by content hash + model + pipeline version.

A reopen of an unchanged corpus reads every analysis from here and never loads spaCy. Writes are
transactions (a kill at any moment leaves a cache that opens, and the next run parses only what
is missing); WAL and a busy timeout let one process index while another reads. A corrupt or
foreign file is set aside and a new cache started, with a notice. A cache that cannot be opened
or written is reported and newsx goes on without it: the cache only ever saves time.

Besides per-article analyses, the cache keeps the latest corpus-level results (entities, events,
claim groups, near-duplicates) keyed by every analysis key, so a warm reopen skips linking too.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import sqlite3
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsx.core.model.articles import Article

# What the caller runs around building objects that live as long as the corpus (the program
# pauses the garbage collector there: see newsx.tui.gc_control); the engine itself never does.
LongLived = Callable[[], AbstractContextManager[object]]

if TYPE_CHECKING:  # imported where used: reopening reads articles before any analysis (~20 ms of imports)
    from newsx.core.model.analyses import ArticleAnalysis

# Bump when analysis output changes shape or meaning, so old rows are not reused.
PIPELINE_VERSION = "158"
SCHEMA_VERSION = 2
CACHE_FILE = "newsx-cache.sqlite3"
_APPLICATION_ID = 0x6E777378  # "nwsx": marks the file as ours
_BUSY_TIMEOUT_S = 30.0
_CORPUS_RESULTS_KEPT = 4  # a few corpora (or versions of one) stay warm at once
_LOADED_FILES_TABLE = "CREATE TABLE loaded_files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, data TEXT NOT NULL)"

# SQLite primary result codes that mean "this file is damaged or is not a database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class CacheUnavailable(RuntimeError):
    pass


class _NotOurs(sqlite3.DatabaseError):
    """A valid SQLite file that some other program made."""


def analysis_key(article: Article, model_fingerprint: str) -> str:
    """What an analysis depends on: the text and headline, the date relative dates resolve against,
    the model."""
    digest = hashlib.sha256()
    headline = "" if article.title_guessed else article.title
    for part in (PIPELINE_VERSION, model_fingerprint, article.published or "", article.text, headline):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _is_damage(exc: BaseException) -> bool:
    if isinstance(exc, _NotOurs):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def decode_analysis(data: str) -> ArticleAnalysis | None:
    from newsx.core.model.analyses import ArticleAnalysis

    try:
        return ArticleAnalysis.from_dict(json.loads(data))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


class _ModelsOnlyUnpickler(pickle.Unpickler):
    """Unpickles only newsx's own data classes, so a planted cache file cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        if module in ("newsx.core.model.articles", "newsx.core.model.analyses") or (module == "builtins" and name in {"tuple", "frozenset", "set"}):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in cache")


class _BlobReader(io.RawIOBase):
    """An SQLite blob as a readable file, for a buffered reader to stream from."""

    def __init__(self, blob: "sqlite3.Blob") -> None:
        super().__init__()
        self._blob = blob

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._blob.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class Cache:
    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.path = self.directory / CACHE_FILE
        self.notices: list[str] = []
        self.writable = True
        self._conn: sqlite3.Connection | None = self._open()

    # ----------------------------------------------------------------- opening

    def _open(self) -> sqlite3.Connection:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheUnavailable(f"{self.directory}: cannot create cache folder ({exc.strerror or exc})") from exc
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise CacheUnavailable(f"{self.path}: cannot open cache ({exc})") from exc
            return self._start_over(exc)

    def _start_over(self, reason: BaseException) -> sqlite3.Connection:
        """Move a damaged or foreign file aside (never delete it) and start an empty cache."""
        try:
            aside = self._set_aside()
        except OSError as exc:
            raise CacheUnavailable(f"{self.path}: cache is unusable ({reason}) and cannot be moved aside ({exc.strerror or exc})") from exc
        what = "not a newsx cache" if isinstance(reason, _NotOurs) else f"damaged: {reason}"
        self.notices.append(f"{self.path}: cache was {what}; moved to {aside.name}, starting a new cache")
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            raise CacheUnavailable(f"{self.path}: cannot open cache ({exc})") from exc

    def _set_aside(self) -> Path:
        aside = self.path.with_name(f"{self.path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
        # The journal files go first: a WAL left beside a new database would be replayed into it.
        for suffix in ("-wal", "-shm", ""):
            src = Path(str(self.path) + suffix)
            if src.exists():
                os.replace(src, Path(str(aside) + suffix))
        return aside

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if app_id != _APPLICATION_ID and tables:
                raise _NotOurs("not a newsx cache")
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            if app_id != _APPLICATION_ID or conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                self._create_schema(conn)
            elif "loaded_files" not in tables:  # added to schema 2 later; nothing else changes
                conn.execute(_LOADED_FILES_TABLE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"))
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    @staticmethod
    def _create_schema(conn: sqlite3.Connection) -> None:
        # One transaction: a kill half-way leaves either no schema (an empty file, reused) or all of it.
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have made the schema while this one waited for the lock.
            current = (conn.execute("PRAGMA application_id").fetchone()[0], conn.execute("PRAGMA user_version").fetchone()[0])
            if current == (_APPLICATION_ID, SCHEMA_VERSION):
                conn.execute("COMMIT")
                return
            conn.execute("DROP TABLE IF EXISTS analyses")
            conn.execute("DROP TABLE IF EXISTS corpus_results")
            conn.execute("DROP TABLE IF EXISTS loaded_files")
            conn.execute("CREATE TABLE analyses (key TEXT PRIMARY KEY, data TEXT NOT NULL, created REAL)")
            conn.execute("CREATE TABLE corpus_results (key TEXT PRIMARY KEY, data BLOB NOT NULL, created REAL)")
            conn.execute(_LOADED_FILES_TABLE)
            conn.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _recover(self, exc: sqlite3.DatabaseError) -> bool:
        """After damage found while reading or writing: set the file aside and go on with a new one."""
        if not _is_damage(exc):
            return False
        self.close()
        try:
            self._conn = self._start_over(exc)
        except CacheUnavailable as gone:
            self.notices.append(f"{gone}; working without a cache")
            self._conn = None
            self.writable = False
        return True

    def _note(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)

    # ----------------------------------------------------------------- analyses

    def get_many(self, keys: Iterable[str]) -> dict[str, ArticleAnalysis]:
        """Decoded analyses for the keys found; a damaged row is left out (parsed again, overwritten)."""
        found: dict[str, ArticleAnalysis] = {}
        for key, data in self.get_raw_many(keys).items():
            analysis = decode_analysis(data)
            if analysis is not None:
                found[key] = analysis
        return found

    def get_raw_many(self, keys: Iterable[str]) -> dict[str, str]:
        """Stored analyses as their JSON text, decoded later by whoever needs one (a warm reopen
        of a large corpus needs only the few the reader opens)."""
        keys = list(dict.fromkeys(keys))
        if self._conn is None:
            return {}
        rows: list[tuple[str, str]] = []
        try:
            for i in range(0, len(keys), 900):  # stay under SQLite's bound-parameter limit
                chunk = keys[i : i + 900]
                marks = ",".join("?" * len(chunk))
                rows += self._conn.execute(f"SELECT key, data FROM analyses WHERE key IN ({marks})", chunk).fetchall()
        except sqlite3.DatabaseError as exc:
            if not self._recover(exc):
                self._note(f"{self.path}: cache read failed ({exc}); parsing again")
            return {}
        return {key: data for key, data in rows if isinstance(data, str) and data.startswith("{")}

    def put_many(self, items: Iterable[tuple[str, ArticleAnalysis]]) -> None:
        rows = [(key, json.dumps(a.to_dict(), ensure_ascii=False), time.time()) for key, a in items]
        if rows:
            self._write("INSERT OR REPLACE INTO analyses (key, data, created) VALUES (?, ?, ?)", rows)

    def _write(self, sql: str, rows: list[tuple], after: str | None = None) -> bool:
        for attempt in range(2):
            if not self.writable or self._conn is None:
                return False
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.executemany(sql, rows)
                if after:
                    self._conn.execute(after)
                self._conn.execute("COMMIT")
                return True
            except sqlite3.DatabaseError as exc:
                try:
                    self._conn.execute("ROLLBACK")
                except sqlite3.DatabaseError:
                    pass
                if attempt == 0 and self._recover(exc):
                    continue
                # Full disk, read-only file, lock held too long: keep working from memory.
                self.writable = False
                self._note(f"{self.path}: cache write failed ({exc}); results kept in memory only")
                return False
        return False

    # ----------------------------------------------------------------- corpus-level results

    def get_corpus(self, key: str, long_lived: LongLived = nullcontext) -> dict[str, Any] | None:
        if self._conn is None:
            return None
        try:
            row = self._conn.execute("SELECT rowid FROM corpus_results WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            if not self._recover(exc):
                self._note(f"{self.path}: cache read failed ({exc}); linking again")
            return None
        if row is None:
            return None
        try:
            # Streamed from the database rather than read whole: at 10,000 articles the stored
            # results are 50 MB, which would otherwise sit in memory while they are unpickled.
            with self._conn.blobopen("corpus_results", "data", row[0], readonly=True) as blob, long_lived():
                data = _ModelsOnlyUnpickler(io.BufferedReader(_BlobReader(blob), 1 << 20)).load()
        except Exception:  # any damage or foreign content: recompute (and overwrite) instead
            return None
        return data if isinstance(data, dict) else None

    def put_corpus(self, key: str, data: dict[str, Any]) -> None:
        blob = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        self._write(
            "INSERT OR REPLACE INTO corpus_results (key, data, created) VALUES (?, ?, ?)",
            [(key, blob, time.time())],
            after=(
                "DELETE FROM corpus_results WHERE key NOT IN "
                f"(SELECT key FROM corpus_results ORDER BY created DESC LIMIT {_CORPUS_RESULTS_KEPT})"
            ),
        )

    # ----------------------------------------------------------------- loaded files

    def get_files(self, stamps: dict[str, str]) -> dict[str, str]:
        """Stored load results (JSON) of the files whose stamp still matches."""
        if self._conn is None or not stamps:
            return {}
        paths = list(stamps)
        found: dict[str, str] = {}
        try:
            for i in range(0, len(paths), 900):
                chunk = paths[i : i + 900]
                marks = ",".join("?" * len(chunk))
                for path, stamp, data in self._conn.execute(
                    f"SELECT path, stamp, data FROM loaded_files WHERE path IN ({marks})", chunk
                ):
                    if stamps.get(path) == stamp:
                        found[path] = data
        except sqlite3.DatabaseError as exc:
            if not self._recover(exc):
                self._note(f"{self.path}: cache read failed ({exc}); reading files again")
            return {}
        return found

    def put_files(self, rows: list[tuple[str, str, str]]) -> None:
        if rows:
            self._write("INSERT OR REPLACE INTO loaded_files (path, stamp, data) VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        if self._conn is None:
            return
        try:
            self._conn.close()
        except sqlite3.DatabaseError:
            pass
        self._conn = None


def code_fingerprint() -> str:
    """A hash of the core sources, in every subpackage: results derived by other code are never reused."""
    global _CODE_FINGERPRINT
    if _CODE_FINGERPRINT is None:
        digest = hashlib.sha256(PIPELINE_VERSION.encode())
        core = Path(__file__).parent.parent  # core/, this module being core/store/cache.py
        for source in sorted(core.rglob("*.py")):
            digest.update(source.relative_to(core).as_posix().encode())
            try:
                digest.update(source.read_bytes())
            except OSError:
                digest.update(b"?")
        _CODE_FINGERPRINT = digest.hexdigest()
    return _CODE_FINGERPRINT


_CODE_FINGERPRINT: str | None = None


class LoadedFiles:
    """Articles already read from unchanged files, so a reopen does not clean 10,000 files again.

    A file counts as unchanged while its size, modification and change times, inode and the size
    limit are the same, and the loading code is the same. Only the cache is written, never the file.
    """

    def __init__(self, directory: Path | None, max_file_mb: float):
        self.cache: Cache | None = None
        self.notices: list[str] = []
        self._max_file_mb = max_file_mb
        self._stamps: dict[str, str] = {}
        self._fresh: list[tuple[str, str, str]] = []
        if directory is not None:
            try:
                self.cache = Cache(directory)
                self.notices = list(self.cache.notices)
            except CacheUnavailable:
                self.cache = None  # reported by the indexing step, which tries again

    def _stamp(self, path: Path) -> str | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{self._max_file_mb!r}:{code_fingerprint()}"

    def recall(self, files: list[Path], long_lived: LongLived = nullcontext) -> dict[Path, tuple[list[Article], list[str]]]:
        if self.cache is None:
            return {}
        by_key: dict[str, Path] = {}
        for f in files:
            stamp = self._stamp(f)
            if stamp is not None:
                key = str(f)
                self._stamps[key] = stamp
                by_key[key] = f
        found: dict[Path, tuple[list[Article], list[str]]] = {}
        names = {f.name for f in fields(Article)}
        with long_lived():  # articles that live as long as the corpus
            for key, data in self.cache.get_files(self._stamps).items():
                try:
                    stored = json.loads(data)
                    articles = [Article(**{k: v for k, v in a.items() if k in names}) for a in stored["articles"]]
                    notes = [str(n) for n in stored["notes"]]
                except (ValueError, TypeError, KeyError, AttributeError):
                    continue
                found[by_key[key]] = (articles, notes)
        return found

    def remember(self, path: Path, articles: list[Article], notes: list[str]) -> None:
        stamp = self._stamps.get(str(path))
        if self.cache is not None and stamp is not None:
            data = json.dumps({"articles": [a.to_dict() for a in articles], "notes": notes}, ensure_ascii=False)
            self._fresh.append((str(path), stamp, data))

    def close(self) -> None:
        if self.cache is not None:
            self.cache.put_files(self._fresh)
            self.notices += [n for n in self.cache.notices if n not in self.notices]
            self.cache.close()
            self.cache = None


def open_cache(directory: Path | None) -> tuple[Cache | None, list[str]]:
    """The cache in `directory`, or None with a notice when there is none to be had."""
    if directory is None:
        return None, []
    try:
        cache = Cache(directory)
    except CacheUnavailable as exc:
        return None, [f"{exc}; working without a cache"]
    return cache, list(cache.notices)
