"""Find where one article ends and the next begins in a file that holds several.

A new article starts at a headline-like line (short, no final period) that comes after enough
running text and is followed, within a few lines, by what only a page header has: the same
headline again, a photo caption, a byline or a timestamp. A subheading inside an article is
followed by ordinary paragraphs, so it never starts a new article.
"""

from __future__ import annotations

from . import cleaning as c
from . import metadata as m

MIN_BODY_WORDS = 60  # running text an article needs before another may start
LOOKAHEAD = 6  # non-empty lines after a candidate headline searched for header signals


def _header_signal(headline: str, following: list[str]) -> bool:
    for line in following:
        if len(line) > c.MAX_FURNITURE_CHARS:
            return False
        if line == headline or c.is_strong_caption(line) or m.byline_of(line) or m.is_date_line(line):
            return True
        if m.is_body_line(line) and not m.is_headline(line):
            # running text reached before any header signal
            return bool(c.is_header_caption(line))
    return False


def split_articles(lines: list[str]) -> list[list[str]]:
    """Split normalised lines ("" for blank) into one list of lines per article."""
    content = [i for i, line in enumerate(lines) if line]
    starts = [0]
    body_words = 0
    for pos, i in enumerate(content):
        line = lines[i]
        if (
            body_words >= MIN_BODY_WORDS
            and m.is_headline(line)
            and i > 0
            and not lines[i - 1]  # a headline stands apart from what precedes it
        ):
            following = [lines[j] for j in content[pos + 1 : pos + 1 + LOOKAHEAD]]
            gap = 0
            k = i - 1
            while k >= 0 and not lines[k]:
                gap += 1
                k -= 1
            if _header_signal(line, following) and (gap >= 2 or m.is_title_case(line)):
                starts.append(i)
                body_words = 0
                continue
        if m.is_body_line(line) and not c.is_strong_caption(line):
            body_words += len(c.words(line))
    starts.append(len(lines))
    return [lines[a:b] for a, b in zip(starts, starts[1:]) if any(lines[a:b])]
