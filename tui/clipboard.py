"""Copy to the user's clipboard from anywhere, SSH included: OSC 52 through `App.copy_to_clipboard`.

API:
- `copy_text(app, text, what="sentence") -> bool`: copy `text` (whitespace tidied) and notify
  "Copied <what> (N characters)"; an empty text gives a warning notice and copies nothing.
- `sentence_at(text, sentences, offset) -> str`: the sentence of an article holding `offset`
  (`sentences` is `ArticleAnalysis.sentences`, (start, end) pairs), or the paragraph when the
  article has no analysis yet. The reader's `y` copies `sentence_at(article.text, ..., cursor)`;
  the Claims screen's `y` copies the claim's `sentence`.

- `copy_current(app) -> bool`: what `y` copies on any screen, first that applies:
  1. `screen.copy_text()` if the screen defines it, returning (text, what) or None;
  2. a reader pane (a widget with `article` and `marked` attributes): the sentence holding the
     marked span (a search hit, an entity mention, a claim opened in its article);
  3. the focused table's current row (a claim: value, claimer, outlet, date, quote), cells
     joined with " · ".

The terminal decides whether OSC 52 reaches the system clipboard (most do, including over SSH;
tmux needs `set -g set-clipboard on`); the text is also kept in `app.clipboard`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.app import App

_SPACES = re.compile(r"\s+")


def sentence_at(text: str, sentences: Sequence[tuple[int, int]], offset: int) -> str:
    for start, end in sentences:
        if start <= offset < end:
            return text[start:end].strip()
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    return text[line_start : len(text) if line_end < 0 else line_end].strip()


def copy_text(app: App, text: str, what: str = "sentence") -> bool:
    text = _SPACES.sub(" ", text or "").strip()
    if not text:
        app.notify(f"No {what} to copy here", severity="warning")
        return False
    app.copy_to_clipboard(text)
    app.notify(f"Copied {what} ({len(text)} characters)")
    return True


def _reader_sentence(app: App) -> tuple[str, str] | None:
    for widget in app.screen.query("*"):
        article = getattr(widget, "article", None)
        marked = getattr(widget, "marked", None)
        if article is None or not hasattr(article, "text") or not hasattr(widget, "marked"):
            continue
        if not marked:
            return None
        index = getattr(app, "index", None)
        analysis = index.analyses.get(article.id) if index is not None else None
        sentences = analysis.sentences if analysis is not None else ()
        return sentence_at(article.text, sentences, marked[0]), "sentence"
    return None


def _table_row(app: App) -> tuple[str, str] | None:
    from textual.widgets import DataTable

    table = app.screen.focused
    if not isinstance(table, DataTable) or not table.row_count:
        return None
    try:
        cells = table.get_row_at(table.cursor_row)
    except Exception:  # no row under the cursor
        return None
    parts = [getattr(c, "plain", str(c)).strip() for c in cells]
    return " · ".join(p for p in parts if p), "row"


def copy_current(app: App) -> bool:
    target = None
    own = getattr(app.screen, "copy_text", None)
    if callable(own):
        target = own()
    if target is None:
        target = _reader_sentence(app) or _table_row(app)
    if target is None:
        app.notify("Nothing to copy here: mark a sentence (search, n/N) or select a row", severity="warning")
        return False
    text, what = target
    return copy_text(app, text, what)
