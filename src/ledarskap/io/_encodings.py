"""The text encodings Excel saves sheets in, told apart by their bytes.

Excel's "CSV UTF-8" writes UTF-8 with a byte-order mark; its plain "CSV" writes the
Windows code page (Windows-1252 in a Swedish locale); its "Unicode text" writes UTF-16
little-endian with a BOM, tab-separated; other tools write UTF-8 without a BOM. The BOM
decides where there is one; UTF-16 without one is told by its zero bytes; otherwise UTF-8
is tried before Windows-1252 (a Windows-1252 text with å, ä or ö is almost never valid
UTF-8, and ASCII is both).

A text of both is neither: a UTF-8 file with a line pasted from an older Windows-1252 one
(``Åsa`` in UTF-8 above, ``Ekström`` in Windows-1252 below). Read whole as Windows-1252,
its UTF-8 letters would turn into others (``Ã…sa``) without a word; so such a text is
read as UTF-8, and the bytes that are not UTF-8 are kept as lone surrogates
(``surrogateescape``), for the reader to report their lines.
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


def _mostly_utf8(content: bytes) -> bool:
    """Whether more of *content*'s lines beyond ASCII are UTF-8 than are not.

    A Windows-1252 line may happen to be UTF-8 (``SJÖ`` and a no-break space make one
    character of it), but seldom most of them; a UTF-8 file with a line pasted from an
    older one has most of its accented lines in UTF-8.
    """
    utf8 = other = 0
    for line in content.split(b"\n"):
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                other += 1
            else:
                utf8 += 1
    return utf8 > other


def detect_and_decode(content: bytes) -> tuple[str, str, bool] | None:
    r"""*content* as text, the codec it was read with, and whether some bytes are not in it.

    ``None`` if no codec reads it. With ``True``, the text is UTF-8 with bytes of another
    encoding: each such byte is in the text as a lone surrogate (U+DC80 to U+DCFF). That
    is a text most of whose lines beyond ASCII are UTF-8; any other text that is not
    UTF-8 is Windows-1252.

    >>> detect_and_decode("Kommun;Förnamn".encode("cp1252"))
    ('Kommun;Förnamn', 'cp1252', False)
    >>> detect_and_decode(codecs.BOM_UTF16_LE + "Kommun\tNamn".encode("utf-16-le"))
    ('Kommun\tNamn', 'utf-16', False)
    >>> detect_and_decode("Åsa\nÖrjan\n".encode() + "Ekström\n".encode("cp1252"))
    ('Åsa\nÖrjan\nEkstr\udcf6m\n', 'utf-8', True)
    >>> detect_and_decode("Förnamn\nSJÖ\xa0\n".encode("cp1252"))
    ('Förnamn\nSJÖ\xa0\n', 'cp1252', False)
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
            return content.decode(codec), codec, False
        except UnicodeDecodeError:
            after_bom = len(codecs.BOM_UTF8) if codec == "utf-8-sig" else 0
            if codec.startswith("utf-8") and _mostly_utf8(content[after_bom:]):
                return content.decode(codec, "surrogateescape"), codec, True
    return None
