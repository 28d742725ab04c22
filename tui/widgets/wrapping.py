"""How many lines Textual wraps a plain text into, without building its Content."""

from __future__ import annotations

from rich._wrap import divide_line


def wrapped_height(plain: str, width: int, fold: bool = True) -> int:
    """Lines `plain` takes at `width` cells when wrapped as Textual wraps `Content`: each newline
    starts a line, and each line breaks where rich's `divide_line` breaks it (words longer than
    the width fold unless `fold` is False). No tab expansion: callers pass text without tabs."""
    return sum(len(divide_line(line, width, fold=fold)) + 1 for line in plain.split("\n"))
