"""Full-text search over article titles and texts: SQLite FTS5, hits with offsets into the text.

API:
- `SearchIndex.for_articles(articles, cache_dir=None) -> SearchIndex`: an FTS5 index of the
  articles. With a cache folder it lives in `<cache_dir>/newsx-search.sqlite3` (rows keyed by a
  hash of title and text, so a reopen indexes only new or changed articles); without one, or when
  that file cannot be used, in memory (with a notice in `.notices`). When SQLite lacks FTS5 the
  same queries run as a plain scan.
- `.search(query, limit=1000) -> list[Hit]`: one hit per sentence that holds every term of the
  query (of one of its OR alternatives), best articles first (bm25), in text order within an
  article. `87 minutes` finds the sentence with both words, not a "73 minutes" two lines on.
- `.hits_in(article_id, query) -> list[Hit]`: the hits in one article (for n/N in the reader).
- `find_spans(text, query) -> list[(start, end)]`: the same matching on any string.
- `articles_mentioning(index, entity_id) -> list[str]`: ids of the articles that mention an
  entity (the entity filter); `entity_hits(index, entity_id)`: its mentions as Hits.

Query language (never a syntax error): words match whole words, case- and accent-insensitive;
`"two words"` (or “two words”) matches a phrase; `word*` a prefix; `OR` between terms means either; all other
terms must all be present. Everything else the user types is quoted before it reaches FTS5.

`Hit(article_id, start, end, line, line_start, field, spans)`: `start`/`end` index `article.text`
(or `article.title` when `field == "title"`) and mark the first term found; `spans` every term
found in the sentence; `line` is the sentence, which starts at `line_start`; `hit.excerpt(width)`
gives a window of it with the first term's offsets inside, `hit.excerpt_marks(width)` with all.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import time
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsx.core.model.articles import Article

if TYPE_CHECKING:
    from newsx.core.index import Index

SEARCH_FILE = "newsx-search.sqlite3"
_SCHEMA = 1
_STALE_SECONDS = 60 * 24 * 3600
BUSY_TIMEOUT = 30.0  # seconds to wait for another newsx process that is writing the index  # rows of corpora not opened for two months are dropped


@dataclass(frozen=True)
class Hit:
    article_id: str
    start: int
    end: int
    line: str
    line_start: int
    field: str = "text"  # "text" or "title"
    spans: tuple[tuple[int, int], ...] = ()  # every term found in the sentence (start/end: the first)

    def excerpt(self, width: int = 80) -> tuple[str, int, int]:
        """A window of `line` at most `width` characters wide around the hit, and the hit's
        offsets in it ('…' marks cut ends)."""
        text, marks = self.excerpt_marks(width)
        return (text, *marks[0]) if marks else (text, 0, 0)

    def excerpt_marks(self, width: int = 80) -> tuple[str, list[tuple[int, int]]]:
        """As `excerpt`, with the offsets of every term of the sentence that shows in the window."""
        spans = self.spans or ((self.start, self.end),)
        text, shift = self._window(width)
        marks = []
        for s, e in spans:
            s, e = s - self.line_start + shift, e - self.line_start + shift
            if e > 0 and s < len(text):
                marks.append((max(0, s), min(len(text), e)))
        return text, marks

    def _window(self, width: int) -> tuple[str, int]:
        """A window of `line` around the first term, and how far offsets in `line` move in it."""
        start, end = self.start - self.line_start, self.end - self.line_start
        line = self.line
        if len(line) <= width:
            return line, 0
        room = max(width - (end - start), 10)
        left = max(0, min(start - room // 3, len(line) - width))
        right = min(len(line), left + width)
        piece = line[left:right]
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(line) else ""
        if prefix:
            piece = piece[1:]
            left += 1
        if suffix:
            piece = piece[:-1]
        text = prefix + piece + suffix
        return text, len(prefix) - left


# ----------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]  # folded tokens; several for a phrase
    prefix: bool = False


_TOKEN = re.compile(r'["“”]([^"“”]*)["“”]?|([^\s"“”]+)')
_WORD = re.compile(r"\w+")


def _fold_char(ch: str) -> str:
    # One character in, one out: offsets in the folded text are offsets in the original.
    if ch.isascii():
        return ch
    base = unicodedata.normalize("NFD", ch)[0]
    return base if len(base) == 1 else ch


_FOLDS: dict[int, str] = {}


def _fold(text: str) -> str:
    if text.isascii():
        return text
    for ch in set(text):
        if ord(ch) not in _FOLDS and not ch.isascii():
            _FOLDS[ord(ch)] = _fold_char(ch)
    return text.translate(_FOLDS)


def parse_query(query: str) -> list[list[_Term]]:
    """Query -> alternatives (OR) of conjunctions (AND) of terms."""
    alternatives: list[list[_Term]] = [[]]
    for match in _TOKEN.finditer(query or ""):
        phrase, bare = match.group(1), match.group(2)
        if bare == "OR":
            if alternatives[-1]:
                alternatives.append([])
            continue
        raw = phrase if phrase is not None else bare
        prefix = phrase is None and raw.endswith("*")
        words = tuple(w.lower() for w in _WORD.findall(_fold(raw)) if w.strip("_"))
        if words:
            alternatives[-1].append(_Term(words, prefix))
    return [conj for conj in alternatives if conj]


def _fts_expression(alternatives: list[list[_Term]]) -> str:
    def term(t: _Term) -> str:
        quoted = '"' + " ".join(t.words) + '"'
        return quoted + "*" if t.prefix else quoted

    return " OR ".join("(" + " AND ".join(term(t) for t in conj) + ")" for conj in alternatives)


def _term_pattern(term: _Term) -> re.Pattern[str]:
    body = r"[\W_]+".join(re.escape(w) for w in term.words)
    tail = r"\w*" if term.prefix else r"(?!\w)"
    return re.compile(r"(?<!\w)" + body + tail, re.IGNORECASE)


def _spans(folded: str, alternatives: list[list[_Term]]) -> list[tuple[int, int]]:
    """Occurrences of the terms of every alternative that fully matches `folded`."""
    spans: set[tuple[int, int]] = set()
    for conj in alternatives:
        found = [[m.span() for m in _term_pattern(t).finditer(folded)] for t in conj]
        if all(found):
            for term_spans in found:
                spans.update(term_spans)
    # Overlaps (a prefix and a word at one place) collapse into the longest.
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if result and start < result[-1][1]:
            continue
        result.append((start, end))
    return result


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) of every match of `query` in `text`, or [] when the text does not match."""
    alternatives = parse_query(query)
    return _spans(_fold(text), alternatives) if alternatives else []


# Sentence ends: a full stop (or ! ?), closing quotes, then a space and a capital or a digit.
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:^|\W)(?:[A-Z]\.)+$")
# Common English abbreviations a full stop follows inside a sentence ("Gen. Brown", "Oct. 8").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen adm sen rep gov lt col sgt capt maj cmdr st rev jr sr vs no inc corp co ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: lines split at sentence ends, abbreviations kept whole."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        start = line_start
        for m in _SENTENCE_END.finditer(line):
            before = line[max(0, m.start() - 12) : m.start() + 1]
            word = re.split(r"[\s(\"“]", before)[-1]
            if _INITIALS.search(before) or word.rstrip(".").lower() in _ABBREVIATIONS:
                continue
            end = line_start + m.end()
            spans.append((start, end))
            start = end
        end = line_start + len(line)
        if end > start:
            spans.append((start, end))
        line_start = end + 1
    return spans


def _line_of(text: str, start: int, end: int) -> tuple[str, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    return text[line_start:line_end], line_start


def _sentence_hits(article_id: str, value: str, field: str, alternatives: list[list[_Term]]) -> list[Hit]:
    """A hit per sentence of `value` that holds every term of one alternative (the query's AND
    applies within a sentence, so each sentence is listed once)."""
    folded = _fold(value)
    # Each term is found once over the whole text; its matches are then sorted into sentences.
    found = [[[m.span() for m in _term_pattern(t).finditer(folded)] for t in conj] for conj in alternatives]
    if not any(all(per_term) for per_term in found):
        return []
    sentences = sentence_spans(value)
    starts = [start for start, _end in sentences]
    in_sentence: dict[int, set[tuple[int, int]]] = {}
    for per_term in found:
        if not all(per_term):
            continue
        by_sentence: list[dict[int, list[tuple[int, int]]]] = [{} for _ in per_term]
        for n, term_spans in enumerate(per_term):
            for span in term_spans:
                by_sentence[n].setdefault(bisect_right(starts, span[0]) - 1, []).append(span)
        for sentence in set(by_sentence[0]).intersection(*by_sentence[1:]):
            in_sentence.setdefault(sentence, set()).update(span for term in by_sentence for span in term[sentence])
    hits: list[Hit] = []
    for sentence in sorted(in_sentence):
        spans: list[tuple[int, int]] = []
        for start, end in sorted(in_sentence[sentence], key=lambda x: (x[0], -x[1])):
            if not spans or start >= spans[-1][1]:  # overlaps collapse into the longest
                spans.append((start, end))
        s_start, s_end = sentences[sentence]
        line = value[s_start:s_end].rstrip()
        hits.append(Hit(article_id, spans[0][0], spans[0][1], line, s_start, field, tuple(spans)))
    return hits


def _hits(article: Article, alternatives: list[list[_Term]]) -> list[Hit]:
    hits: list[Hit] = []
    for field, value in (("title", article.title or ""), ("text", article.text)):
        if field == "title" and article.text.startswith(value) and value:
            continue  # a title that opens the text would only repeat the first hit
        hits.extend(_sentence_hits(article.id, value, field, alternatives))
    return hits


# ----------------------------------------------------------------------------- the index


def _digest(article: Article) -> str:
    h = hashlib.sha256()
    h.update((article.title or "").encode("utf-8", "surrogatepass"))
    h.update(b"\x00")
    h.update(article.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


class SearchIndex:
    def __init__(self, articles: Sequence[Article], conn: sqlite3.Connection | None, notices: list[str], in_memory: bool):
        self.articles = list(articles)
        self.article_by_id = {a.id: a for a in self.articles}
        self.notices = notices
        self.in_memory = in_memory
        self._conn = conn
        self._lock = threading.Lock()  # built in a worker, searched from the UI thread
        self._digest_articles: dict[str, list[str]] = {}
        self._digests = [_digest(a) for a in self.articles]
        for article, digest in zip(self.articles, self._digests):
            self._digest_articles.setdefault(digest, []).append(article.id)
        self._order = {a.id: i for i, a in enumerate(self.articles)}

    # ----------------------------------------------------------------- building

    @classmethod
    def for_articles(cls, articles: Iterable[Article], cache_dir: Path | None = None) -> "SearchIndex":
        articles = list(articles)
        notices: list[str] = []
        conn, in_memory = None, True
        if cache_dir is not None:
            path = Path(cache_dir) / SEARCH_FILE
            try:
                Path(cache_dir).mkdir(parents=True, exist_ok=True)
                conn = cls._open(path)
                in_memory = False
            except sqlite3.OperationalError as exc:
                # Locked by another process for too long, read-only, ...: leave the file alone.
                notices.append(f"{path}: cannot use search index ({exc}); searching in memory")
            except sqlite3.DatabaseError as exc:
                # A damaged search file is only a cache of the articles: start a new one.
                conn = cls._replace_damaged(path, exc, notices)
                in_memory = conn is None
            except OSError as exc:
                notices.append(f"{path}: cannot use search index ({exc.strerror or exc}); searching in memory")
        if conn is None:
            try:
                conn = cls._open(":memory:")
            except sqlite3.OperationalError as exc:  # no FTS5 in this SQLite build
                notices.append(f"SQLite without FTS5 ({exc}); searching by scanning the articles")
                conn = None
        index = cls(articles, conn, notices, in_memory)
        index._fill()
        return index

    @staticmethod
    def _open(path: Path | str) -> sqlite3.Connection:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            if path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, _SCHEMA):
                raise sqlite3.DatabaseError(f"unknown search schema {version}")
            conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5("
                "digest UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
            )
            conn.execute("CREATE TABLE IF NOT EXISTS docs (digest TEXT PRIMARY KEY, fts_rowid INTEGER, used REAL)")
            conn.execute(f"PRAGMA user_version = {_SCHEMA}")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    @classmethod
    def _replace_damaged(cls, path: Path, exc: Exception, notices: list[str]) -> sqlite3.Connection | None:
        try:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            conn = cls._open(path)
            notices.append(f"{path}: search index was unreadable ({exc}); rebuilt")
            return conn
        except (OSError, sqlite3.DatabaseError) as exc2:
            notices.append(f"{path}: cannot use search index ({exc2}); searching in memory")
            return None

    def _fill(self) -> None:
        if self._conn is None:
            return
        conn = self._conn
        wanted: dict[str, Article] = {}
        for article, digest in zip(self.articles, self._digests):
            wanted.setdefault(digest, article)
        try:
            have: set[str] = set()
            digests = list(wanted)
            for i in range(0, len(digests), 500):
                chunk = digests[i : i + 500]
                marks = ",".join("?" * len(chunk))
                have.update(r[0] for r in conn.execute(f"SELECT digest FROM docs WHERE digest IN ({marks})", chunk))
            now = time.time()
            conn.execute("BEGIN IMMEDIATE")
            for digest, article in wanted.items():
                if digest in have:
                    continue
                cur = conn.execute("INSERT INTO fts (digest, title, body) VALUES (?, ?, ?)", (digest, article.title or "", article.text))
                conn.execute("INSERT OR REPLACE INTO docs (digest, fts_rowid, used) VALUES (?, ?, ?)", (digest, cur.lastrowid, now))
            conn.executemany("UPDATE docs SET used = ? WHERE digest = ?", [(now, d) for d in have])
            stale = conn.execute("SELECT digest, fts_rowid FROM docs WHERE used < ?", (now - _STALE_SECONDS,)).fetchall()
            for digest, rowid in stale:
                conn.execute("DELETE FROM fts WHERE rowid = ?", (rowid,))
                conn.execute("DELETE FROM docs WHERE digest = ?", (digest,))
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass
            self.notices.append(f"search index write failed ({exc}); searching by scanning the articles")
            self._conn = None

    # ----------------------------------------------------------------- searching

    def _candidates(self, alternatives: list[list[_Term]], limit: int | None = None) -> list[str]:
        """Article ids that match, best first (all articles when there is no FTS)."""
        if self._conn is None:
            return [a.id for a in self.articles]
        ranked: list[str] = []
        try:
            with self._lock:
                # Every matching article gives at least one hit, so `limit` articles are enough.
                rows = self._conn.execute(
                    "SELECT digest FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 0.0, 5.0, 1.0) LIMIT ?",
                    (_fts_expression(alternatives), -1 if limit is None else limit),
                ).fetchall()
        except sqlite3.DatabaseError as exc:
            self.notices.append(f"search failed in SQLite ({exc}); scanning the articles")
            return [a.id for a in self.articles]
        for (digest,) in rows:
            ranked.extend(self._digest_articles.get(digest, ()))
        return ranked

    def search(self, query: str, limit: int = 1000) -> list[Hit]:
        alternatives = parse_query(query)
        if not alternatives:
            return []
        hits: list[Hit] = []
        for article_id in self._candidates(alternatives, limit):
            hits.extend(_hits(self.article_by_id[article_id], alternatives))
            if len(hits) >= limit:
                return hits[:limit]
        return hits

    def hits_in(self, article_id: str, query: str) -> list[Hit]:
        article = self.article_by_id.get(article_id)
        alternatives = parse_query(query)
        if article is None or not alternatives:
            return []
        return [h for h in _hits(article, alternatives) if h.field == "text"]

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.DatabaseError:
                pass
            self._conn = None


# ----------------------------------------------------------------------------- entity filter


def articles_mentioning(index: "Index", entity_id: str) -> list[str]:
    """Ids of the articles that mention the entity, in corpus order ([] for an unknown id)."""
    entity = index.entity_by_id.get(entity_id)
    if entity is None:
        return []
    mentioned = set(entity.articles) | {s.article for s in entity.mention_spans}
    return [a.id for a in index.articles if a.id in mentioned]


def entity_hits(index: "Index", entity_id: str) -> list[Hit]:
    """The entity's mentions as Hits (article order, then text order), for n/N and lists."""
    entity = index.entity_by_id.get(entity_id)
    if entity is None:
        return []
    order = {a.id: i for i, a in enumerate(index.articles)}
    hits = []
    for span in sorted(entity.mention_spans, key=lambda s: (order.get(s.article, len(order)), s.start)):
        article = index.article_by_id.get(span.article)
        if article is None:
            continue
        line, line_start = _line_of(article.text, span.start, span.end)
        hits.append(Hit(span.article, span.start, span.end, line, line_start))
    return hits
