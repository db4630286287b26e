"""The text encodings Excel saves sheets in, told apart by their bytes.

Excel's "CSV UTF-8" writes UTF-8 with a byte-order mark; its plain "CSV" writes the
Windows code page (Windows-1252 in a Swedish locale); its "Unicode text" writes UTF-16
little-endian with a BOM, tab-separated; other tools write UTF-8 without a BOM. The BOM
decides where there is one; UTF-16 without one is told by its zero bytes; otherwise UTF-8
is tried before Windows-1252 (a Windows-1252 text with å, ä or ö is almost never valid
UTF-8, and ASCII is both).
"""

from __future__ import annotations

import codecs

__all__ = ["ENCODINGS", "detect_and_decode"]

ENCODINGS = {
    "utf-8-sig": "UTF-8 with BOM",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16 (Unicode text)",
    "utf-16-le": "UTF-16 LE without BOM",
    "utf-16-be": "UTF-16 BE without BOM",
    "cp1252": "Windows-1252",
}
"""Each encoding read, by codec, and the name the inspection gives it."""

_SAMPLE = 256  # bytes looked at to tell UTF-16 without a BOM


def _utf16_without_bom(content: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` if every other byte of the start is zero, as in ASCII text."""
    sample = content[:_SAMPLE]
    if len(sample) < 4 or len(content) % 2:
        return None
    if not any(sample[1::2]) and all(sample[0::2]):
        return "utf-16-le"
    if not any(sample[0::2]) and all(sample[1::2]):
        return "utf-16-be"
    return None


def detect_and_decode(content: bytes) -> tuple[str, str] | None:
    r"""*content* as text and the codec it was read with; ``None`` if no codec reads it.

    >>> detect_and_decode("Kommun;Förnamn".encode("cp1252"))
    ('Kommun;Förnamn', 'cp1252')
    >>> detect_and_decode(codecs.BOM_UTF16_LE + "Kommun\tNamn".encode("utf-16-le"))
    ('Kommun\tNamn', 'utf-16')
    """
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        order = ["utf-16", "cp1252"]
    elif content.startswith(codecs.BOM_UTF8):
        order = ["utf-8-sig", "cp1252"]
    else:
        wide = _utf16_without_bom(content)
        order = [wide] if wide else ["utf-8", "cp1252"]
    for codec in order:
        try:
            return content.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return None
