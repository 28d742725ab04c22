"""Copy to the user's clipboard from anywhere, SSH included: OSC 52 through `App.copy_to_clipboard`.

API:
- `copy_text(app, text, what="sentence") -> bool`: copy `text` (whitespace tidied) and notify
  "Copied <what> (N characters)"; an empty text gives a warning notice and copies nothing.
- `sentence_at(text, sentences, offset) -> str`: the sentence of an article holding `offset`
  (`sentences` is `ArticleAnalysis.sentences`, (start, end) pairs), or the paragraph when the
  article has no analysis yet. The reader's `y` copies `sentence_at(article.text, ..., cursor)`;
  the Claims screen's `y` copies the claim's `sentence`.

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
