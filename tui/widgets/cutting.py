"""Names cut to a column's width, kept apart: two different claimers never read the same.

A plain cut keeps the start ("the Ministry of Foreign…"); where two names would then look the
same, their ends are kept too ("a senior state…official" / "a senior state…minister").
"""

from __future__ import annotations

from collections.abc import Iterable

_ARTICLES = ("the ", "a ", "an ")


def cut(text: str, width: int) -> str:
    """`text` at most `width` characters, '…' marking a cut."""
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)].rstrip() + "…" if width > 0 else ""


def _short(name: str, width: int) -> str:
    # A leading article is the first thing to go when a name does not fit.
    if len(name) > width and name.lower().startswith(_ARTICLES):
        name = name.split(" ", 1)[1]
    return name


def _head_and_tail(name: str, width: int, tail: int) -> str:
    head = max(1, width - 1 - tail)
    return name[:head].rstrip() + "…" + name[len(name) - tail :].lstrip()


def distinct_labels(names: Iterable[str], width: int) -> dict[str, str]:
    """A label per distinct name, at most `width` characters; different names get different
    labels whenever the width allows it."""
    unique = list(dict.fromkeys(names))
    labels = {name: cut(_short(name, width), width) for name in unique}
    by_label: dict[str, list[str]] = {}
    for name, label in labels.items():
        by_label.setdefault(label, []).append(name)
    for group in by_label.values():
        if len(group) < 2 or width < 3:
            continue
        shorts = [_short(n, width) for n in group]
        # The shortest end that tells the names apart; the rest of the width from the start.
        others = set(labels.values()) - {labels[group[0]]}
        candidates = [[_head_and_tail(s, width, tail) if len(s) > width else s for s in shorts] for tail in range(1, width - 1)]
        # Too narrow for a start and an end: from the first word where the names differ.
        candidates.append([_from_difference(s, shorts, width) for s in shorts])
        for tried in candidates:
            if len(set(tried)) == len(tried) and not set(tried) & others:
                labels.update(zip(group, tried))
                break
    return labels


def _from_difference(name: str, names: list[str], width: int) -> str:
    """'…' and the name from the start of the first word where it differs from the others."""
    at = 0
    for other in names:
        if other != name:
            common = next((i for i, (a, b) in enumerate(zip(name, other)) if a != b), min(len(name), len(other)))
            at = max(at, common)
    at = name.rfind(" ", 0, at) + 1
    return name if at == 0 and len(name) <= width else "…" + name[at : at + width - 1]
