"""`newsx claims --markdown`: the comparison groups as a readable Markdown report.

Article text is data: every value, quote and name is escaped so nothing in an article can become
Markdown structure (a heading, a link, a table cell break).
"""

from __future__ import annotations

import re

from newsx.core.corpus.safety import inert_line
from newsx.core.index import Index
from newsx.core.link.claims.dating import ordered_claims, when_text
from newsx.core.model.analyses import Claim, ClaimGroup

_VERDICT_TITLES = {
    "conflict": "Conflicts: sources disagree about the same thing",
    "changed": "Changed over time: an estimate revised",
    "agree": "Agreement across sources",
    "single": "Stated once",
}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def md(text: str | None) -> str:
    """One line of article text, inert in Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", inert_line(text or ""))


def _group_block(group: ClaimGroup, index: Index) -> list[str]:
    lines = [f"### {md(group.topic)} ({md(group.unit)})", "", f"**{group.verdict}**: {md(group.reason)}", ""]
    lines.append("| value | claimer | outlet | said on | about | article | quote |")
    lines.append("|---|---|---|---|---|---|---|")
    # The Claims screen's order: by when each claim was said (a date, or the bounds of one).
    for c in ordered_claims(group.claims):
        outlet = c.outlet or (index.article_by_id[c.article].outlet if c.article in index.article_by_id else None)
        quote = c.sentence if len(c.sentence) <= 220 else c.sentence[:219] + "…"
        lines.append(
            f"| {md(c.text)} | {md(c.claimer)} | {md(outlet or '')} | {md(_when(c))} | {c.refers_to or ''} "
            f"| {md(c.article)} | {md(quote)} |"
        )
    lines.append("")
    return lines


def _when(claim: Claim) -> str:
    """The date, or the bounds of it in words ("between 2024-10-22 and 2024-10-28"), or nothing."""
    return claim.said_on or ("" if when_text(claim) == "no date" else when_text(claim))


def claims_markdown(index: Index) -> str:
    """Conflicts first, then revisions, agreements and single claims (those only counted)."""
    groups = list(index.claim_groups)
    lines = ["# Claims compared across sources", ""]
    counts = {v: sum(g.verdict == v for g in groups) for v in _VERDICT_TITLES}
    lines.append(
        f"{len(index.articles)} articles, {sum(len(g.claims) for g in groups)} claims in {len(groups)} groups: "
        + ", ".join(f"{n} {v}" for v, n in counts.items())
        + "."
    )
    lines.append("")
    for verdict in ("conflict", "changed", "agree"):
        chosen = [g for g in groups if g.verdict == verdict]
        if not chosen:
            continue
        lines += [f"## {_VERDICT_TITLES[verdict]}", ""]
        for group in chosen:
            lines += _group_block(group, index)
    singles = [g for g in groups if g.verdict == "single"]
    if singles:
        lines += [f"## {_VERDICT_TITLES['single']}", ""]
        for g in singles:
            c = g.claims[0]
            lines.append(f"- {md(c.text)}: {md(g.topic)} ({md(c.claimer)}, {md(c.article)})")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
