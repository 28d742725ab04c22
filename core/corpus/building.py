"""Turn the lines of one article into its cleaned text and metadata.

The header (lines before the first paragraph of running text) gives the title, byline,
timestamps and captions, which are read and then dropped. The body is cleaned of furniture
(`core.corpus.cleaning`); copyright lines and contributor footers are read for the outlet first.
Metadata given by the file (front matter, JSON fields, HTML meta, a sidecar) always wins.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsx.core.corpus import cleaning as c
from newsx.core.corpus import metadata as m

HEADER_LINES = 12  # a page header is never longer than this


@dataclass
class Given:
    """Metadata the file states explicitly."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass
class Built:
    title: str
    text: str
    outlet: str | None = None
    published: str | None = None
    byline: str | None = None
    dateline: str | None = None
    url: str | None = None
    title_guessed: bool = False
    notes: list[str] = field(default_factory=list)


# Furniture after which an article's own text is over (link lists and footers follow).
_END_MARKER = re.compile(
    r"(?i)^(?:related|comments?|more from|recommended|most read|tags?|topics?|suggested|our standards|"
    r"(?:additional )?reporting by|editing by|writing by|trending|popular)\b"
)


def _same(a: str, b: str | None) -> bool:
    return b is not None and " ".join(a.lower().split()) == " ".join(b.lower().split())


def _sentence_title(lines: list[str]) -> bool:
    """The first line ends like a sentence but stands alone: the only blank line of the file follows it."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None or first + 2 >= len(lines) or lines[first + 1] or not lines[first].endswith("."):
        return False
    rest = lines[first + 2 :]
    return len(c.words(lines[first])) <= 30 and sum(1 for line in rest if not line) <= 1 and len([x for x in rest if x]) >= 2


def _longer_headline_follows(label: str, header: list[str]) -> bool:
    later = header[header.index(label) + 1 :]
    return any(m.is_headline(x) and len(c.words(x)) >= 4 for x in later)


def _header_end(lines: list[str]) -> int:
    for i, line in enumerate(lines[:HEADER_LINES]):
        if len(line) > c.MAX_FURNITURE_CHARS:
            return i
        if m.dateline_of(line) or (m.is_body_line(line) and not c.is_header_caption(line) and not m.byline_of(line) and not m.is_date_line(line)):
            return i
    return 1 if lines and m.is_headline(lines[0]) else 0


def build_article(lines: list[str], given: Given | None = None) -> Built | None:
    """The article in `lines` (normalised, "" for blank lines), or None when no text is left."""
    given = given or Given()
    content = [line for line in lines if line]
    if not content:
        return None
    latin = c.latin_share(" ".join(content)[:20000])

    title, byline = given.title, given.author
    if title is None and _sentence_title(lines):
        # A sentence set apart as the file's first line is its title; a long one is also the lede.
        title = content[0].rstrip(".")
        if len(c.words(content[0])) < 20:
            content = content[1:]
    stamp_dates: list[str] = []
    captions: list[str] = []
    kept: list[str] = []
    end = _header_end(content)
    header_counts = Counter(content[:end])
    byline_org = None
    for line in content[:end]:
        if c.is_stray(line) or c.is_foreign_ui_line(line, latin) or c.is_furniture(line):
            continue
        if (name := m.byline_of(line)) is not None:
            byline = byline or name
            byline_org = byline_org or m.byline_outlet(line)
            stamp_dates += m.dates_in(line)
        elif m.is_date_line(line):
            stamp_dates += m.dates_in(line)
            byline_org = byline_org or m.stamp_outlet(line)
        elif c.is_header_caption(line):
            captions.append(line)
        elif _same(line, title):
            continue
        elif header_counts[line] > 1 and len(c.words(line)) > 6 and not (title is None and m.is_headline(line)):
            captions.append(line)  # a block repeated in the header is a caption, however it is credited
        elif title is None and len(c.words(line)) <= 2 and not line.endswith(".") and _longer_headline_follows(line, content[:end]):
            continue  # a section label ("World", "North Korea") above the real headline
        elif title is None and m.is_headline(line):
            title = line
        else:
            kept.append(line)

    body: list[str] = []
    seen: set[str] = set()
    in_tail = False
    copyright_outlet = contributor = None
    for line in kept + content[end:]:
        key = " ".join(line.lower().split())
        if c.is_stray(line) or c.is_foreign_ui_line(line, latin):
            continue
        if c.is_copyright(line):
            copyright_outlet = copyright_outlet or c.copyright_holder(line)
            in_tail = True
            continue
        if (org := c.contributor_outlet(line)) is not None:
            contributor = contributor or org
            continue
        if c.is_contributor_footer(line):
            continue
        if c.is_strong_caption(line):
            captions.append(line)
            continue
        if c.is_furniture(line):
            in_tail = in_tail or bool(_END_MARKER.match(line))
            continue
        if c.is_appeal(line, in_tail):
            in_tail = True
            continue
        if in_tail and m.is_headline(line) and not m.is_body_line(line):
            continue  # link titles under "Related:"
        if key in seen or _same(line, title):
            continue
        seen.add(key)
        body.append(line)
    one_line = not body and len(content) == 1 and bool(title) and _same(content[0], title) and not c.is_stray(content[0])
    if one_line:
        # a one-line text ("Shares rose 6.5% to 164p") is its own title and its only paragraph
        body = [content[0]]
    if not body:
        return None

    # The dateline opens the first paragraph; a later one counts only with a wire tag or a date,
    # since "NATO - the alliance ..." also starts with capitals and a dash.
    dateline = m.dateline_of(body[0]) or next(
        (d for d in map(m.dateline_of, body[1:3]) if d and (d.tag or d.month_day)), None
    )
    built = Built(title="", text="\n\n".join(body), byline=byline, url=given.url)
    built.dateline = dateline.place if dateline else None

    wire_credit = next((cr for cr in map(c.caption_wire_credit, captions) if cr), None)
    built.outlet = m.outlet_name(
        given.outlet or copyright_outlet or byline_org or contributor or (dateline.tag if dateline else None) or wire_credit
    )
    built.published = given.published or _published(stamp_dates, dateline, captions, body)
    if title:
        built.title = title
        built.title_guessed = one_line  # its own words, not a headline it was given
    else:
        built.title = m.title_from_lede(body[0])
        built.title_guessed = True
    return built


def build_short(lines: list[str], given: Given) -> Built | None:
    """A short entry (a headline, one sentence) as it stands, when `build_article` kept no body
    (its only line was read as the title); None when it is only furniture."""
    body = [line for line in lines if line and not c.is_stray(line) and not c.is_furniture(line)]
    if not body:
        return None
    built = Built(title="", text="\n\n".join(body), byline=given.author, url=given.url)
    built.outlet = m.outlet_name(given.outlet)
    built.published = given.published
    if given.title:
        built.title = given.title
    else:
        built.title = m.title_from_lede(body[0])
        built.title_guessed = True
    return built


def _is_file_photo(caption: str) -> bool:
    return bool(re.match(r"(?i)^file\b", caption)) or "file photo" in caption.lower()


def _published(stamp_dates: list[str], dateline: m.Dateline | None, captions: list[str], body: list[str]) -> str | None:
    """The publication date: a header timestamp; else the dateline's day with a year from the
    header; else the date of a current (not file) photo whose weekday the lede names."""
    if stamp_dates:
        return stamp_dates[0]
    current_captions = [x for x in captions if not _is_file_photo(x)]
    caption_dates = [d for x in current_captions for d in m.dates_in(x)]
    if dateline and dateline.month_day:
        resolved = m.date_from_month_day(dateline.month_day, caption_dates[0] if caption_dates else None)
        if resolved and len(resolved) == 10:
            return resolved
    lede = " ".join(body[:2])
    for iso in caption_dates:
        weekday = m.weekday_name(iso)
        if weekday and re.search(rf"\b{weekday}\b", lede):
            return iso
    return None
