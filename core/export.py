"""CLI output: JSON per the contract in DESIGN.md, and readable tables."""

from __future__ import annotations

import json
from typing import Any

from newsx.core.corpus.safety import inert_line
from newsx.core.index import Index
from newsx.core.link.claims.dating import is_dated, ordered_claims, when_label


def articles_json(index: Index) -> list[dict[str, Any]]:
    out = []
    for a in index.articles:
        out.append(
            {
                "id": a.id,
                "path": a.path,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published,
                "byline": a.byline,
                "dateline": a.dateline,
                "url": a.url,
                "words": a.words,
                "text": a.text,
                "near_duplicates": list(index.near_duplicates.get(a.id, ())),
            }
        )
    return out


def entities_json(index: Index) -> list[dict[str, Any]]:
    return [e.to_dict() for e in index.entities]


def events_json(index: Index) -> list[dict[str, Any]]:
    return [e.to_dict() for e in index.events]


def claims_json(index: Index) -> dict[str, Any]:
    return {"groups": [g.to_dict() for g in index.claim_groups]}


def stories_json(index: Index) -> list[dict[str, Any]]:
    return [s.to_dict() for s in index.stories]


def dumps(data: Any) -> str:
    # ensure_ascii=False keeps names readable; json escapes control characters anyway.
    return json.dumps(data, ensure_ascii=False, indent=2)


def table(rows: list[list[str]], headers: list[str], max_widths: list[int] | None = None) -> str:
    """A plain-text table; every cell is made one safe line and clipped to its column width."""
    max_widths = max_widths or [60] * len(headers)
    cells = [[_clip(inert_line(str(c)), w) for c, w in zip(row, max_widths)] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def articles_table(index: Index) -> str:
    rows = [[a.id, a.outlet or "", a.published or "", str(a.words), a.title] for a in index.articles]
    return table(rows, ["id", "outlet", "published", "words", "title"], [28, 20, 10, 6, 70])


def entities_table(index: Index) -> str:
    rows = [[e.id, e.label, e.name, str(len(e.articles)), str(e.mentions), ", ".join(e.aliases)] for e in index.entities]
    return table(rows, ["id", "type", "name", "articles", "mentions", "aliases"], [6, 8, 32, 8, 8, 50])


def events_table(index: Index) -> str:
    rows = [[e.id, e.date or "", e.label, ", ".join(e.articles)] for e in index.events]
    return table(rows, ["id", "date", "event", "articles"], [6, 10, 60, 50])


def claims_table(index: Index) -> str:
    blocks = []
    for g in index.claim_groups:
        rows = [[c.text, c.claimer, when_label(c) if is_dated(c) else "", c.article] for c in ordered_claims(g.claims)]
        head = f"{g.id}  {inert_line(g.topic)} [{g.unit}]  {g.verdict.upper()}: {inert_line(g.reason)}"
        blocks.append(head + "\n" + table(rows, ["value", "claimer", "said on", "article"], [24, 32, 11, 30]))
    return "\n\n".join(blocks)


def stories_table(index: Index) -> str:
    rows = [
        [s.id, str(len(s.articles)), s.first or "", s.last or "", s.title] for s in index.stories
    ]
    return table(rows, ["id", "articles", "first", "last", "title"], [6, 8, 10, 10, 70])
