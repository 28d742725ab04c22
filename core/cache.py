"""Per-article results in SQLite, keyed by content hash + model + pipeline version.

A reopen of an unchanged corpus reads every analysis from here and never loads spaCy. Writes are
transactions (a kill at any moment leaves a cache that opens); WAL and a busy timeout let one
process index while another reads. A cache that cannot be opened or written is reported and newsx
goes on without it: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from .models import Article, ArticleAnalysis

# Bump when analysis output changes shape or meaning, so old rows are not reused.
PIPELINE_VERSION = "1"
SCHEMA_VERSION = 1
CACHE_FILE = "newsx-cache.sqlite3"
_APPLICATION_ID = 0x6E777378  # "nwsx": marks the file as ours


class CacheUnavailable(RuntimeError):
    pass


def analysis_key(article: Article, model_fingerprint: str) -> str:
    """What an analysis depends on: the text, the date relative dates resolve against, the model."""
    digest = hashlib.sha256()
    for part in (PIPELINE_VERSION, model_fingerprint, article.published or "", article.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class Cache:
    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.path = self.directory / CACHE_FILE
        self.notices: list[str] = []
        self._conn = self._open()

    # ----------------------------------------------------------------- opening

    def _open(self) -> sqlite3.Connection:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheUnavailable(f"{self.directory}: cannot create cache folder ({exc.strerror or exc})") from exc
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and not self._looks_foreign():
                raise CacheUnavailable(f"{self.path}: cannot open cache ({exc})") from exc
            aside = self._set_aside()
            self.notices.append(f"{self.path}: cache was corrupt or not newsx's; moved to {aside.name} and rebuilt")
            try:
                return self._connect()
            except sqlite3.DatabaseError as exc2:
                raise CacheUnavailable(f"{self.path}: cannot open cache ({exc2})") from exc2

    def _looks_foreign(self) -> bool:
        try:
            with open(self.path, "rb") as fh:
                head = fh.read(16)
        except OSError:
            return False
        return bool(head) and head != b"SQLite format 3\x00"

    def _set_aside(self) -> Path:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(self.path) + suffix)
            if src.exists():
                os.replace(src, Path(str(aside) + suffix))
        return aside

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 30000")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if app_id not in (0, _APPLICATION_ID) or (app_id == 0 and tables and "analyses" not in tables):
                raise sqlite3.DatabaseError("not a newsx cache")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, data TEXT NOT NULL, created REAL)"
            )
            conn.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    # ----------------------------------------------------------------- analyses

    def get_many(self, keys: Iterable[str]) -> dict[str, ArticleAnalysis]:
        keys = list(dict.fromkeys(keys))
        found: dict[str, ArticleAnalysis] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._conn.execute(f"SELECT key, data FROM analyses WHERE key IN ({marks})", chunk).fetchall()
            except sqlite3.DatabaseError as exc:
                self.notices.append(f"{self.path}: cache read failed ({exc}); parsing again")
                return found
            for key, data in rows:
                try:
                    found[key] = ArticleAnalysis.from_dict(json.loads(data))
                except (ValueError, TypeError, KeyError):
                    continue  # a damaged row is parsed again and overwritten
        return found

    def put_many(self, items: Iterable[tuple[str, ArticleAnalysis]]) -> None:
        rows = [(key, json.dumps(a.to_dict(), ensure_ascii=False), time.time()) for key, a in items]
        if not rows:
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.executemany("INSERT OR REPLACE INTO analyses (key, data, created) VALUES (?, ?, ?)", rows)
            self._conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass
            self.notices.append(f"{self.path}: cache write failed ({exc}); results kept in memory only")

    def close(self) -> None:
        try:
            self._conn.close()
        except sqlite3.DatabaseError:
            pass


def open_cache(directory: Path | None) -> tuple[Cache | None, list[str]]:
    """The cache in `directory`, or None with a notice when there is none to be had."""
    if directory is None:
        return None, []
    try:
        cache = Cache(directory)
    except CacheUnavailable as exc:
        return None, [f"{exc}; working without a cache"]
    return cache, list(cache.notices)
