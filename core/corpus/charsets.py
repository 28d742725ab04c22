"""Guess the encoding of bytes that are not UTF-8 and declare none (charset-normalizer).

A legacy file without a declaration (a KOI8-R or Windows-1251 text, a Shift_JIS page) is
detected from its byte patterns and language, instead of being read as Windows-1252 mojibake.
Detection is limited to encodings news text is actually written in, so a rare DOS code page
never wins on a short sample.
"""

from __future__ import annotations

import codecs

# Encodings news files are written in, beyond UTF-8 (which is tried first).
WEB_ENCODINGS = [
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "koi8_r", "koi8_u", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15",
    "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr", "cp874",
]
# Latin-script single-byte encodings: between these, Windows-1252 (the web's default) wins a tie.
_LATIN = {"cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "iso8859_2", "iso8859_9", "iso8859_15"}

_NAMES = {"shift_jis": "Shift_JIS", "euc_jp": "EUC-JP", "euc_kr": "EUC-KR", "gb18030": "GB18030", "big5": "Big5"}


def detect(data: bytes) -> str | None:
    """The codec name the bytes most likely use, or None when nothing fits cleanly."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=WEB_ENCODINGS))
    if not matches:
        return None
    best = matches[0]
    if best.encoding in _LATIN and best.encoding != "cp1252":
        # Windows-1252 when it reads the bytes the same way, or as cleanly and as coherently
        if _same_decoding(data, best.encoding, "cp1252"):
            return "cp1252"
        western = next((x for x in matches if x.encoding == "cp1252"), None)
        if western is not None and western.chaos <= best.chaos and western.coherence >= best.coherence:
            return "cp1252"
    return codecs.lookup(best.encoding).name


def display_name(codec: str) -> str:
    """"cp1251" -> "Windows-1251", "koi8-r" -> "KOI8-R": the names users know."""
    name = codecs.lookup(codec).name
    if name.startswith("cp125"):
        return "Windows-" + name[2:]
    if name.startswith("iso8859"):
        return "ISO-8859-" + name.split("-")[-1].split("_")[-1]
    return _NAMES.get(name.replace("-", "_"), name.upper())


def _same_decoding(data: bytes, a: str, b: str) -> bool:
    try:
        return data.decode(a) == data.decode(b)
    except UnicodeDecodeError:
        return False
