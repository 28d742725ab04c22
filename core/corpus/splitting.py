"""Find where one article ends and the next begins in a file that holds several.

A new article starts at a headline-like line (short, no final period) that comes after enough
running text and is followed, within a few lines, by what only a page header has: the same
headline again, a photo caption, a byline, a timestamp or a wire dateline. A subheading inside an article is
followed by ordinary paragraphs, so it never starts a new article.
"""

from __future__ import annotations

from collections import Counter

from newsx.core.corpus import cleaning as c
from newsx.core.corpus import metadata as m

MIN_BODY_WORDS = 60  # running text an article needs before another may start
LOOKAHEAD = 6  # non-empty lines after a candidate headline searched for header signals


def _header_signal(headline: str, following: list[str]) -> str | None:
    """"strong" (the headline again, a byline, a timestamp), "caption", or None."""
    caption = False
    for line in following:
        if len(line) > c.MAX_FURNITURE_CHARS:
            break
        if line == headline or m.byline_of(line) or m.is_date_line(line):
            return "strong"
        dateline = m.dateline_of(line)
        if dateline and (dateline.tag or dateline.month_day):
            return "strong"  # a new wire lede: "SEOUL, Oct. 31 (Reuters) - ..."
        if c.is_strong_caption(line):
            caption = True
            continue
        if m.is_body_line(line) and not m.is_headline(line):
            caption = caption or c.is_header_caption(line)
            break  # running text reached
    return "caption" if caption else None


def _gaps(lines: list[str]) -> dict[int, int]:
    """Blank lines before each non-empty line (by index)."""
    gaps: dict[int, int] = {}
    run = 0
    for i, line in enumerate(lines):
        if line:
            gaps[i] = run
            run = 0
        else:
            run += 1
    return gaps


def split_articles(lines: list[str]) -> list[list[str]]:
    """Split normalised lines ("" for blank) into one list of lines per article."""
    content = [i for i, line in enumerate(lines) if line]
    gaps = _gaps(lines)
    # A "big" gap is wider than the file's usual paragraph gap.
    usual = Counter(gaps[i] for i in content[1:]).most_common(1)[0][0] if len(content) > 1 else 0
    starts = [0]
    body_words = 0
    for pos, i in enumerate(content):
        line = lines[i]
        if body_words >= MIN_BODY_WORDS and gaps[i] >= 1 and m.is_headline(line):
            big_gap = gaps[i] >= 2 and gaps[i] > usual
            following = [lines[j] for j in content[pos + 1 : pos + 1 + LOOKAHEAD]]
            signal = _header_signal(line, following)
            next_is_body = bool(following) and m.is_body_line(following[0])
            if (
                signal == "strong"
                or (signal == "caption" and big_gap and m.is_title_case(line))
                or (big_gap and gaps[i] >= 3 and next_is_body and m.is_title_case(line))
            ):
                starts.append(i)
                body_words = 0
                continue
        if m.is_body_line(line) and not c.is_strong_caption(line):
            body_words += len(c.words(line))
    starts.append(len(lines))
    return [lines[a:b] for a, b in zip(starts, starts[1:]) if any(lines[a:b])]
