"""Format readers: decoded file content to drafts (raw article text plus the metadata it states).

Plain text and Markdown may hold several articles (split later); HTML, JSON and feeds say where
each article is. XML and HTML with entity declarations are refused before any parser sees them,
so no entity expansion (billion laughs, external entities) can happen.
"""

from __future__ import annotations

import html
import io
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsx.core.corpus.building import Given
from newsx.core.corpus.dates import find_published_date, resolve_date
from newsx.core.corpus.pages import is_person_byline, strip_site_name, tables_as_text
from newsx.core.corpus.safety import inert_line

_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")  # .rdf: RSS 1.0
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)


class ReadError(Exception):
    """The file's content cannot be read as its format; the message says why."""


@dataclass
class Draft:
    text: str
    given: Given = field(default_factory=Given)
    splittable: bool = False  # plain text may hold several articles one after another
    # "entry 3" when the file says this is one article (a feed entry, a JSON item): it is kept even
    # when short or untitled, and named in a note when nothing of it can be kept.
    label: str | None = None


def read_drafts(path: Path, raw: str) -> tuple[list[Draft], list[str]]:
    """Drafts in one decoded file, and notes (non-fatal) about parts that were skipped."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return [read_html(raw)], []
    if suffix in (".json", ".jsonl"):
        return read_json(raw, lines=suffix == ".jsonl")
    if suffix in FEED_SUFFIXES:
        if not _FEED_ROOT.search(raw[:4096]):
            raise ReadError("XML file is not an RSS or Atom feed")
        return read_feed(raw)
    if suffix in (".md", ".markdown"):
        return [read_markdown(raw)], []
    return [Draft(raw, splittable=True)], []


def refuse_entities(raw: str) -> None:
    if _ENTITY_DECL.search(raw):
        raise ReadError("declares XML entities (possible entity-expansion attack), refused")


# --------------------------------------------------------------------------- HTML


# The precise extraction keeps only what it is sure of; below this many words it may have missed
# the article (a page laid out oddly, a short story in a list), so trafilatura's default is asked too.
TOO_FEW_WORDS = 150


def read_html(raw: str) -> Draft:
    refuse_entities(raw)
    doc = _extract(raw, favor_precision=True)
    # then trafilatura's default balance, then its recall (which keeps lists); newsx's own
    # furniture cleaning still follows whichever is taken
    for fallback in ({}, {"favor_recall": True}):
        if _words(doc) >= TOO_FEW_WORDS:
            break
        fuller = _extract(raw, **fallback)
        if _words(fuller) > _words(doc):
            doc = fuller
    if doc is None or not (doc.text or "").strip():
        raise ReadError("no article text found in HTML")
    title, suffix_site = _page_title(raw, doc)
    author = doc.author if is_person_byline(doc.author) else None
    outlet = doc.sitename or None
    if suffix_site and (not outlet or re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", outlet)):
        outlet = suffix_site  # the title's "The Jakarta Post" over a bare "thejakartapost.com"
    given = Given(title=title, outlet=outlet, published=_iso_day(doc.date), author=author, url=doc.url or None)
    return Draft(tables_as_text(doc.text), given)


_TITLE_TAG = re.compile(r"(?is)<title\b[^>]{0,200}>(.{1,600}?)</title>")


def _page_title(raw: str, doc) -> tuple[str | None, str | None]:
    """The headline without the site's name, and that name when the title gave it.

    trafilatura cuts "<headline> | <site>" itself but may keep the wrong half ("The Jakarta Post |
    Quake hits Aceh" gives "The Jakarta Post"), so the page's own <title> is cut again here."""
    sitename, url = doc.sitename or None, doc.url or None
    title, site = strip_site_name(doc.title or None, sitename, url)
    m = _TITLE_TAG.search(raw[:200_000])
    if site is None and m:
        whole = " ".join(html.unescape(m.group(1)).split())
        if title and title != whole and title in whole:
            cut, named = strip_site_name(whole, sitename, url)
            if named is not None:
                return cut, named
            if len(whole.split()) - 1 - len(title.split()) > len(title.split()):
                return whole, None  # the part dropped was longer than the kept: no site name, one headline
    return title, site


# The page's date from its markup (meta tags, <time>, a date element, the URL), the publication
# date before a later edit. Not htmldate's search of the free text, which takes any year it finds
# ("2024" heading a table of figures becomes 2024-01-01); an undated page's own header lines are
# read by `building` as they are for text files.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def _extract(raw: str, **precision: Any):
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            raw, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=_DATE_SEARCH, **precision,
        )
    except (RecursionError, ValueError, TypeError, AttributeError, LookupError) as exc:
        raise ReadError(f"cannot parse HTML ({type(exc).__name__})") from exc


def _words(doc) -> int:
    return len((doc.text or "").split()) if doc is not None else 0


def _iso_day(value: object) -> str | None:
    if not value:
        return None
    m = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", str(value))
    return m.group(0) if m else _parse_date(str(value))


def _parse_date(value: str) -> str | None:
    return find_published_date(value) or (resolve_date(value) if len(value) < 60 else None)


# --------------------------------------------------------------------------- JSON


_LIST_KEYS = {"articles", "items", "entries", "data", "results", "stories", "documents"}
_LOOKS_HTML = re.compile(r"(?i)</?(?:p|div|br|span|a)\b[^>]*>")


def _load_json(text: str) -> object:
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ReadError("JSON nested too deeply") from exc
    except ValueError as exc:
        raise ReadError(f"invalid JSON ({exc})") from exc


def read_json(raw: str, lines: bool) -> tuple[list[Draft], list[str]]:
    notes: list[str] = []
    if lines:
        items: list[object] = []
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append(_load_json(line))
            except ReadError as exc:
                notes.append(f"line {n}: {exc}, skipped")
    else:
        data = _load_json(raw)
        if isinstance(data, dict) and "text" not in data:
            # common export shapes: {"articles": [...]}, {"items": [...]}
            data = next((v for k, v in data.items() if k.lower() in _LIST_KEYS and isinstance(v, list)), data)
        items = data if isinstance(data, list) else [data]
    drafts: list[Draft] = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            notes.append(f"item {n}: no \"text\" string, skipped")
            continue
        given = Given(
            title=_str(item, "title", "headline"),
            outlet=_str(item, "outlet", "source", "site", "publisher"),
            published=_parse_date(_str(item, "published", "date") or "") if _str(item, "published", "date") else None,
            author=_str(item, "author", "byline"),
            url=_str(item, "url", "link"),
        )
        text = item["text"]
        if _LOOKS_HTML.search(text[:5000]):
            text = html_fragment_text(text)
        drafts.append(Draft(text, given, label=f"item {n}"))
    if not drafts and not notes:
        raise ReadError("no article objects found in JSON")
    return drafts, notes


def _str(item: dict, *keys: str) -> str | None:
    for key in keys:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            return value["name"].strip() or None
    return None


# --------------------------------------------------------------------------- feeds

_BLOCK_TAGS = re.compile(r"(?i)</?(?:p|div|br|li|h[1-6]|blockquote|section|article|tr)\b[^>]*>")
_TAGS = re.compile(r"<[^>]{0,2000}>")
_SCRIPTS = re.compile(r"(?is)<(script|style)\b.*?</\1\s*>")


def html_fragment_text(fragment: str) -> str:
    """Text of a small HTML fragment (a feed entry), paragraphs on their own lines."""
    text = _SCRIPTS.sub(" ", fragment)
    text = _BLOCK_TAGS.sub("\n", text)
    text = _TAGS.sub("", text)
    return html.unescape(text)


def read_feed(raw: str) -> tuple[list[Draft], list[str]]:
    refuse_entities(raw)
    import feedparser

    try:
        # A stream, never a string: feedparser would fetch a string that looks like a URL or path.
        parsed = feedparser.parse(
            io.BytesIO(raw.encode("utf-8", errors="replace")),
            response_headers={"content-type": "application/xml; charset=utf-8"},
            sanitize_html=True,
            resolve_relative_uris=False,
        )
    except (RecursionError, ValueError, TypeError) as exc:
        raise ReadError(f"cannot parse feed ({type(exc).__name__})") from exc
    outlet = (parsed.feed.get("title") or "").strip() or None
    drafts: list[Draft] = []
    notes: list[str] = []
    for n, entry in enumerate(parsed.entries, 1):
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = body or entry.get("summary", "") or ""
        text = html_fragment_text(body)
        title = " ".join(html_fragment_text(entry.get("title", "")).split()) or None
        if not text.strip():
            notes.append(f"entry {n}{_quoted(title)}: no text, only a title, skipped" if title else f"entry {n}: no title and no text, skipped")
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        given = Given(
            title=title,
            outlet=outlet,
            published=published,
            author=(entry.get("author") or "").strip() or None,
            url=(entry.get("link") or "").strip() or None,
        )
        drafts.append(Draft(text, given, label=f"entry {n}"))
    if not drafts:
        if parsed.get("bozo"):
            raise ReadError(f"malformed feed ({type(parsed.get('bozo_exception')).__name__})")
        if notes:
            raise ReadError(f"none of its {len(notes)} entries has any text")
        raise ReadError("feed has no entries")
    return drafts, notes


def _quoted(title: str | None, limit: int = 60) -> str:
    if not title:
        return ""
    title = inert_line(title)  # a feed's text, printed on the user's terminal
    short = title if len(title) <= limit else title[: limit - 1] + "…"
    return f" (“{short}”)"


# --------------------------------------------------------------------------- Markdown

_FRONT = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", re.S)
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")


def read_markdown(raw: str) -> Draft:
    given = Given()
    m = _FRONT.match(raw)
    if m:
        meta = _front_matter(m.group(2), toml=m.group(1) == "+++")
        given = Given(
            title=meta.get("title"),
            outlet=meta.get("outlet") or meta.get("source") or meta.get("site"),
            published=_parse_date(meta["published"]) if meta.get("published") else (_parse_date(meta["date"]) if meta.get("date") else None),
            author=meta.get("author"),
            url=meta.get("url"),
        )
        raw = raw[m.end():]
    lines = []
    for line in raw.splitlines():
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"^\s{0,3}>\s?", "", line)
        line = re.sub(r"\*\*|__", "", line)
        if re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line):
            line = ""
        lines.append(line)
    return Draft("\n".join(lines), given, splittable=m is None)


def _front_matter(block: str, toml: bool) -> dict[str, str]:
    if toml:
        try:
            data = tomllib.loads(block)
        except (tomllib.TOMLDecodeError, RecursionError):
            data = {}
        return {k.lower(): str(v) for k, v in data.items() if isinstance(v, (str, int, float)) or hasattr(v, "isoformat")}
    meta: dict[str, str] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta
