"""What a saved web page's extraction needs beyond trafilatura: tables as readable rows, the
site name cut from the title, and bylines that are not a person (a site theme, a posts link).

General page conventions only: "<headline> | <site>" titles, Markdown-like table rows as
trafilatura writes them, WordPress-style author boxes and footers.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# --------------------------------------------------------------------------- tables

_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE_ROW = re.compile(r"^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")


def _cells(line: str) -> list[str]:
    m = _TABLE_ROW.match(line)
    return [" ".join(cell.split()) for cell in m.group(1).split("|")] if m else []


def tables_as_text(text: str) -> str:
    """Each table row as one readable line, "Bireuen: 3 deaths, 12 injured.", so its figures can
    be found and compared like a sentence's; the header row names the columns and is not kept."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _TABLE_ROW.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        block = []
        while i < len(lines) and _TABLE_ROW.match(lines[i]):
            block.append(lines[i])
            i += 1
        out.extend(_table_lines(block))
    return "\n".join(out)


# A cell this long is a paragraph (a page laid out with a table), not a figure's label.
LONG_CELL_WORDS = 20


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _table_lines(block: list[str]) -> list[str]:
    header: list[str] = []
    rows = [_cells(line) for line in block if not _RULE_ROW.match(line)]
    if len(block) >= 2 and _RULE_ROW.match(block[1]):
        header, rows = rows[0], rows[1:]
    elif len(rows) >= 2 and not any(map(_has_digit, rows[0])) and any(_has_digit(c) for row in rows[1:] for c in row[1:]):
        header, rows = rows[0], rows[1:]  # a header written in plain cells: words over columns of figures
    result: list[str] = []
    for cells in rows:
        if not any(cells):
            continue
        if any(len(cell.split()) > LONG_CELL_WORDS for cell in cells):
            result.extend(cell for cell in cells if cell)
            continue
        result.append(_row_sentence(cells, header))
    return result


def _row_sentence(cells: list[str], header: list[str]) -> str:
    label, rest = cells[0], cells[1:]
    names = header[1:] if len(header) == len(cells) else []
    parts = []
    for n, value in enumerate(rest):
        if not value:
            continue
        name = names[n] if n < len(names) else ""
        if not name:
            parts.append(value)
        elif any(ch.isdigit() for ch in value):
            # "3 deaths": a figure reads with its column's name as its unit
            parts.append(f"{value} {name.lower() if name == name.capitalize() else name}")
        else:
            parts.append(f"{name}: {value}")
    if not label:
        return ", ".join(parts).rstrip(".") + "."
    if not parts:
        return label.rstrip(".") + "."
    return f"{label}: {', '.join(parts)}".rstrip(".") + "."


# --------------------------------------------------------------------------- titles

_TITLE_SEPARATOR = re.compile(r"\s+(?:[|·•»:]{1,2}|[-–—]{1,2})\s+")


def _key(name: str) -> str:
    words = re.findall(r"[^\W_]+", name.casefold())
    if words and words[0] == "the":
        words = words[1:]
    return "".join(words)


_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "ne", "or", "go", "edu"}  # bbc.co.uk, abc.net.au


def _domain_key(url: str | None) -> str:
    """"https://www.thejakartapost.com/x" -> "thejakartapost"; "" without a host."""
    host = urlsplit(url).hostname if url and "//" in url else None
    labels = (host or "").casefold().split(".")[:-1]  # the top-level domain names no site
    if labels and labels[-1] in _SECOND_LEVEL and len(labels) > 1:
        labels = labels[:-1]
    return _key(labels[-1]) if labels else ""


def _names_site(part: str, outlet: str | None, url: str | None) -> bool:
    key = _key(part)
    if not key:
        return False
    if outlet and key == _key(outlet):
        return True
    domain = _domain_key(url)
    # "BBC News" on bbc.co.uk, "Jakarta Post" on thejakartapost.com
    return bool(domain) and (key == domain or (len(domain) >= 3 and key.startswith(domain)) or (len(key) >= 5 and key in domain))


def strip_site_name(title: str | None, outlet: str | None, url: str | None) -> tuple[str | None, str | None]:
    """"Quake hits Aceh | The Jakarta Post" -> ("Quake hits Aceh", "The Jakarta Post") when the
    part after (or before) the last separator names the outlet or the page's domain; the title
    unchanged, and no name, otherwise."""
    if not title:
        return title, None
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title, None
    seps = list(_TITLE_SEPARATOR.finditer(title))
    last, first = seps[-1], seps[0]
    for site, rest in ((title[last.end() :], title[: last.start()]), (title[: first.start()], title[first.end() :])):
        if rest.strip() and _names_site(site, outlet, url):
            return rest.strip(), site.strip()
    return title, None


# --------------------------------------------------------------------------- bylines

_NOT_A_PERSON = re.compile(
    r"(?i)\b(?:view|see|more|read) (?:all |more )?(?:posts|articles|stories|entries) (?:by|from)\b|\bposts? by\b"
    r"|\bthemes?\b|\bwordpress\b|\bpowered by\b|\bdesigned by\b|\btemplates?\b|^(?:admin|administrator|webmaster|editor|staff)$"
)


def is_person_byline(author: str | None) -> bool:
    """False for an author field that is page furniture: "View all posts by ...", "Theme by ..."."""
    return bool(author and author.strip() and not _NOT_A_PERSON.search(author))
