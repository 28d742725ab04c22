"""Make text from articles inert: it is data, never markup or terminal control.

Every string that comes from a file passes through `inert_text` when it is loaded, so the reader,
the lists, the CLI tables and the exports all get the same safe text and the same offsets.
Rich markup needs no escaping here because the UI builds `rich.text.Text` objects from plain
strings, never markup strings.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except tab and newline, DEL, and the invisible format characters that can
# reorder or hide text (bidi overrides and isolates, zero-width characters, BOM).
_BIDI_AND_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI_AND_ZERO_WIDTH + "]"
)


def _visible(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode control pictures: ESC -> ␛, BEL -> ␇
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def inert_text(text: str) -> str:
    """Normalise line ends and replace control and invisible format characters by visible marks.

    Lone carriage returns become newlines (old Mac files) rather than a way to overwrite a line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return _UNSAFE.sub(lambda m: _visible(m.group()), text)


def inert_line(text: str | None) -> str:
    """Like inert_text for one-line fields (titles, outlets): newlines and tabs become spaces."""
    if not text:
        return ""
    return " ".join(inert_text(text).split())


def has_unsafe(text: str) -> bool:
    return bool(_UNSAFE.search(text)) or "\r" in text

