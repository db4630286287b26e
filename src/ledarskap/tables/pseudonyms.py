"""Keyed pseudonyms: a stable stand-in for each person and record, which only the key holder can link.

A pseudonym is HMAC-SHA256 of what it stands for, under a secret key the user holds: the
same key gives the same pseudonym in every export (so exports made months apart join on
it), another key gives unrelated ones, and without the key nobody can tell whose a
pseudonym is. A *plain* hash would not do: a personnummer has about 36,500 birth dates a
century times 1,000 serial numbers (the check digit follows), so anyone can hash every
one of them in seconds and read the hashes back. The key is what makes that search
useless — guard it like the data itself, and never export it with the data. A key
someone can guess (32 zero bytes, a word typed into a file) is no better than a plain
hash, so :class:`PseudonymKey` refuses keys that are plainly not random. A key written as
hex digits is the bytes they stand for, however it is written (upper or lower case, a
line break after it), so the same key gives the same pseudonyms whichever tool wrote it.

A person's pseudonym is made from their personnummer when it is known (the same person
has the same pseudonym in two program documents, whatever their ids there), otherwise
from their person id; a record's (participant, mentorship, …) from its kind and id.

>>> from ledarskap.tables import PseudonymKey
>>> key = PseudonymKey(bytes.fromhex(
...     "9f3c51e07a2d84b6c1e95f0a7d3b2648e0c7f19a5b3d6e2f8a41c07b95d2e36f"))
>>> key.pseudonym("participant", "d-1")
'xnim272g7rg5oq6vr'
>>> key.pseudonym("participant", "d-1") == PseudonymKey(bytes(key)).pseudonym("participant", "d-1")
True
>>> PseudonymKey(b"too short")
Traceback (most recent call last):
...
ledarskap.errors.UsageError: a pseudonym key must be at least 32 bytes long (256 bits), found 9 bytes: make one with PseudonymKey.generate(), head -c 32 /dev/urandom or openssl rand -hex 32
>>> PseudonymKey(b"my secret passphrase for exports")
Traceback (most recent call last):
...
ledarskap.errors.UsageError: a pseudonym key must be random bytes, not typed text: this one is text (a passphrase, a word; base64 counts as text) and not hex digits, and text can be guessed: make one with PseudonymKey.generate(), head -c 32 /dev/urandom or openssl rand -hex 32

.. versionadded:: 0.3
"""

from __future__ import annotations

import base64
import codecs
import hashlib
import hmac
import os
import re
import secrets
import stat
import unicodedata
import warnings

from ledarskap.errors import FileAccessError, UsageError, mask_personal_data
from ledarskap.io._reading import read_bounded, reason_of
from ledarskap.model import Person
from ledarskap.text import Language, Text

__all__ = ["MAX_KEY_BYTES", "MIN_KEY_BYTES", "PseudonymKey"]

MIN_KEY_BYTES = 32
"""The shortest key accepted: 256 bits, as long as the HMAC-SHA256 output."""
MAX_KEY_BYTES = 1024
"""The longest key accepted, and the largest key file read: a key is 32 to 64 bytes (or
twice that in hex digits); a larger file is something else (an export, say), not a key."""

_LENGTH = 16  # base32 characters of a pseudonym: 80 bits, no collision in any real program

_VARIETY = 16  # different byte values a key must hold; 32 random bytes hold about 30
# Hex digits, with white space anywhere (xxd -p breaks its lines), and at least one digit.
_HEX = re.compile(rb"\s*[0-9a-fA-F][0-9a-fA-F\s]*")
_TYPED_ASCII = frozenset(b"\t\n\r" + bytes(range(0x20, 0x7F)))  # 98 byte values
# The letters of Latin-1 and Windows-1252 (À to ÿ but × and ÷): å, ä, ö written one byte each.
_LATIN_LETTERS = frozenset(range(0xC0, 0x100)) - {0xD7, 0xF7}  # 62 byte values
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_MAKE_ONE = Text(
    "PseudonymKey.generate(), head -c 32 /dev/urandom eller openssl rand -hex 32",
    "PseudonymKey.generate(), head -c 32 /dev/urandom or openssl rand -hex 32",
)


class PseudonymKey:
    """A secret key for pseudonyms: at least :data:`MIN_KEY_BYTES` bytes, and random.

    Make one with :meth:`generate`, keep it in a file only you can read, and read it back
    with :meth:`from_file`. ``repr`` and ``str`` never show it, nor does any error.

    A key someone could guess would let them search every personnummer again, so a key
    that is plainly not random is refused, with a :class:`~ledarskap.errors.UsageError`
    that says how to make one. The rules, in the order they are checked:

    1. **Long enough:** at least :data:`MIN_KEY_BYTES` bytes.
       Nor longer than :data:`MAX_KEY_BYTES`: a larger file is not a key.
    2. **Text only as hex:** a key that is text — a passphrase, a word, a sentence typed
       into a file, as editors and shells save it — is refused unless it is hex
       digits (white space between them allowed, as ``xxd -p`` breaks lines), the form
       :meth:`generate`, ``openssl rand -hex 32`` and ``secrets.token_hex(32)`` write;
       hex must have at least 64 digits (32 bytes). Text is, after any NUL bytes at its
       end: UTF-8 (with or without a byte order mark) of characters that are typed
       (letters, marks, digits, punctuation, symbols, spaces, tabs and line breaks, in any
       script); UTF-16 with a byte order mark (as PowerShell and Notepad write it) of typed
       characters below U+0800 (the alphabets of Europe and the Middle East); or bytes of
       printable ASCII of which at most one in eight is a Latin letter written in one
       byte (å, ä, ö as Windows-1252 and Latin-1 write them).
    3. **Enough different bytes:** the key's bytes (a hex key's: the bytes its digits
       stand for) must take at least 16 different values. 32 zero bytes (``truncate -s
       32``) take one; 32 random bytes about 30.

    A random key is refused only by a chance too small to meet. 32 random bytes
    (``secrets.token_bytes(32)``, ``head -c 32 /dev/urandom``) are text by chance with a
    probability below 3.5·10⁻¹⁰ (making a key every second, once in 90 years), and take
    fewer than 16 values with 3·10⁻¹⁷; 48 random bytes are text with less than 10⁻¹⁴.
    :meth:`generate` always passes: its 32 random bytes fail rule 3 with 3·10⁻¹⁷, and
    then it draws again. (``tests/tables/test_pseudonyms.py`` computes these numbers
    exactly.) The rules cannot prove a key random — a key made up to pass them would
    pass — but they catch the keys people make by hand.

    A key is its bytes, or, written as hex digits, the bytes the digits stand for: the
    key ``generate()`` writes is the same key with a line break after it, in upper case
    or as the 32 bytes themselves, and gives the same pseudonyms; it is equal to them.
    """

    __slots__ = ("_key", "_mac")

    def __init__(self, key: bytes) -> None:
        if not isinstance(key, bytes):
            raise UsageError(
                Text(
                    f"en pseudonymnyckel är bytes, fick {type(key).__name__}",
                    f"a pseudonym key is bytes, found {type(key).__name__}",
                )
            )
        if len(key) < MIN_KEY_BYTES:
            raise UsageError(
                Text(
                    f"en pseudonymnyckel måste vara minst {MIN_KEY_BYTES} byte lång "
                    f"({MIN_KEY_BYTES * 8} bitar), fick {len(key)} byte: gör en med "
                    f"{_MAKE_ONE.sv}",
                    f"a pseudonym key must be at least {MIN_KEY_BYTES} bytes long "
                    f"({MIN_KEY_BYTES * 8} bits), found {len(key)} bytes: make one with "
                    f"{_MAKE_ONE.en}",
                )
            )
        if len(key) > MAX_KEY_BYTES:
            raise UsageError(
                Text(
                    f"en pseudonymnyckel är högst {MAX_KEY_BYTES} byte lång, fick {len(key)} "
                    f"byte: det här är ingen nyckel (en export?); gör en med {_MAKE_ONE.sv}",
                    f"a pseudonym key is at most {MAX_KEY_BYTES} bytes long, found {len(key)} "
                    f"bytes: this is not a key (an export?); make one with {_MAKE_ONE.en}",
                )
            )
        material = _material(key)
        weakness = _weakness(key, material)
        if weakness is not None:
            raise UsageError(weakness)
        self._key = key
        # HMAC's keyed start, made once: each pseudonym copies it (the same digest as
        # hmac.new(material, ...) each time, which hashes a long key again every time).
        self._mac = hmac.new(material, digestmod=hashlib.sha256)

    @classmethod
    def generate(cls) -> PseudonymKey:
        """A new random key: 32 random bytes from :mod:`secrets`, as 64 hex digits (ASCII).

        Keep it in a file only you can read (``bytes(key)`` is what :meth:`from_file`
        reads back), apart from the data and the exports.
        """
        while True:
            key = secrets.token_hex(MIN_KEY_BYTES).encode("ascii")
            # Refused by a chance of 3·10⁻¹⁷ (see the class): then drawn again.
            if _weakness(key, _material(key)) is None:
                return cls(key)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> PseudonymKey:
        """The key held in the file *path*: all of its bytes (at most :data:`MAX_KEY_BYTES`).

        Nothing is stripped from raw bytes, which may begin or end with a byte that looks
        like white space; a key of hex digits is the bytes they stand for, with or without
        a line break after them.

        A missing or unreadable file is a :class:`~ledarskap.errors.FileAccessError`; a
        key too short or not random a :class:`~ledarskap.errors.UsageError` that names
        the file. A key file that other users of the machine can read (its mode lets its
        group or everyone read it, and every folder above it lets them in) gives a
        :class:`UserWarning` (its ``render(language)`` words it in Swedish too): whoever
        reads the key and an export can tie each pseudonym to its person. It is a warning, not a refusal: a key shared on purpose by a
        group's members, or on a disk that keeps no modes (Windows), is not wrong, and
        the key is read all the same. ``chmod 600`` the file, or make it private before
        the key is written (``umask 077``), and it is gone.
        """
        if not isinstance(path, (str, os.PathLike)):
            raise UsageError(
                Text(
                    f"PseudonymKey.from_file: förväntade en sökväg, fick {type(path).__name__}",
                    f"PseudonymKey.from_file: expected a file path, found {type(path).__name__}",
                )
            )
        try:
            content, _ = read_bounded(path, MAX_KEY_BYTES, "a key file")
        except OSError as exc:
            raise FileAccessError(
                os.fspath(path), "read", reason_of(exc), errno=exc.errno
            ) from None
        except ValueError:  # a NUL character: no file has that name
            raise FileAccessError(
                os.fspath(path), "read", Text("ingen användbar sökväg", "not a usable path")
            ) from None
        try:
            key = cls(content)
        except UsageError as exc:
            where = os.fspath(path)
            raise UsageError(Text(f"{where}: {exc.render('sv')}", f"{where}: {exc}")) from None
        mode = _readable_by_others(os.fspath(path))
        if mode is not None:
            warnings.warn(_ReadableKey(os.fspath(path), mode), stacklevel=2)
        return key

    def __bytes__(self) -> bytes:
        return self._key

    def pseudonym(self, kind: str, value: str) -> str:
        """The pseudonym of *value* (an id, or a personnummer's digits) of a *kind*.

        ``"x"`` and 16 lower-case base32 characters (80 bits of HMAC-SHA256 over
        ``kind``, a NUL and ``value``): the kind keeps a participant's and a mentor's
        pseudonyms apart even where their ids are the same.
        """
        mac = self._mac.copy()
        mac.update(f"{kind}\0{value}".encode())
        digest = mac.digest()
        return "x" + base64.b32encode(digest[:10]).decode("ascii").lower()[:_LENGTH]

    def person(self, person: Person) -> str:
        """A person's pseudonym: from the personnummer's twelve digits if known, else the id."""
        number = person.personnummer
        if number is None:
            return self.pseudonym("person-id", person.id)
        return self.pseudonym("personnummer", "".join(ch for ch in number.reveal() if ch.isdigit()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PseudonymKey):
            return NotImplemented
        return hmac.compare_digest(_material(self._key), _material(other._key))

    def __hash__(self) -> int:
        return hash(hashlib.sha256(_material(self._key)).digest())

    def __reduce__(self) -> tuple[type[PseudonymKey], tuple[bytes]]:
        return PseudonymKey, (self._key,)  # checked again where it is unpickled

    def __repr__(self) -> str:
        return "PseudonymKey(<hidden>)"

    __str__ = __repr__


class _ReadableKey(UserWarning):
    """A key file other users can read: a :class:`UserWarning`, worded in both languages."""

    def __init__(self, path: str, mode: int) -> None:
        shown = mask_personal_data(path)
        self.text = Text(
            f"{shown}: andra användare av datorn kan läsa pseudonymnyckeln (läge {mode:04o}), "
            "och den som har nyckeln och en export kan knyta varje pseudonym till sin person: "
            "gör filen till bara din (chmod 600)",
            f"{shown}: other users of this machine can read the pseudonym key (mode {mode:04o}), "
            "and whoever has the key and an export can tie every pseudonym to its person: "
            "make the file yours alone (chmod 600)",
        )
        super().__init__(self.text.en)

    def render(self, language: Language) -> str:
        """The warning in Swedish or English."""
        return self.text.render(language)


def _material(key: bytes) -> bytes:
    """The bytes *key* stands for: those its hex digits write (white space left out), or itself.

    An odd number of digits is left as it is, for :func:`_weakness` to refuse.
    """
    digits = _hex_digits(key)
    if digits is not None and len(digits) % 2 == 0:
        return bytes.fromhex(digits.decode("ascii"))
    return key


def _hex_digits(key: bytes) -> bytes | None:
    """The hex digits *key* is written in, however it was saved; ``None`` if it is not hex.

    As :func:`_is_text` reads text: with a byte order mark (UTF-8, or UTF-16 as PowerShell
    writes ``openssl rand -hex 32 > key``), or NUL bytes after it, it is the same key.
    """
    written = key
    if key.startswith(_UTF16_BOMS):
        try:
            written = key.decode("utf-16").encode("ascii")
        except UnicodeError:
            return None
    written = written.removeprefix(codecs.BOM_UTF8).rstrip(b"\0")
    if not _HEX.fullmatch(written):
        return None
    return re.sub(rb"\s", b"", written)


def _is_text(key: bytes) -> bool:
    """Whether *key* is text someone typed (rule 2 of :class:`PseudonymKey`), in any form."""
    if key.startswith(_UTF16_BOMS):
        try:
            written = key.decode("utf-16")
        except UnicodeDecodeError:
            return False
        return all(ord(c) < 0x800 for c in written) and _typed(written)
    body = key.rstrip(b"\0")
    if not body:  # NUL bytes only: no text, and few values (rule 3)
        return False
    try:
        written = body.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _typed(written):
            return True
    latin = sum(byte in _LATIN_LETTERS for byte in body)
    return 8 * latin <= len(body) and all(
        byte in _TYPED_ASCII or byte in _LATIN_LETTERS for byte in body
    )


def _typed(text: str) -> bool:
    """Whether every character of *text* is one a keyboard writes: no control or format one."""
    return all(c in "\t\n\r" or unicodedata.category(c)[0] != "C" for c in text)


def _weakness(key: bytes, material: bytes) -> Text | None:
    """Why *key* (standing for *material*) is plainly not random (see :class:`PseudonymKey`)."""
    digits = _hex_digits(key)
    if digits is not None:
        if len(digits) % 2:
            return Text(
                f"en pseudonymnyckel i hexadecimala siffror har ett jämnt antal, två per byte, "
                f"men den här har {len(digits)}: en siffra saknas eller är för mycket; gör en "
                f"med {_MAKE_ONE.sv}",
                f"a pseudonym key in hex digits has an even number of them, two a byte, but "
                f"this one has {len(digits)}: a digit is missing or one too many; make one "
                f"with {_MAKE_ONE.en}",
            )
        if len(material) < MIN_KEY_BYTES:
            return Text(
                f"en pseudonymnyckel i hexadecimala siffror måste ha minst "
                f"{2 * MIN_KEY_BYTES} ({MIN_KEY_BYTES} byte), fick {len(digits)}: gör en "
                f"med {_MAKE_ONE.sv}",
                f"a pseudonym key in hex digits must have at least {2 * MIN_KEY_BYTES} "
                f"of them ({MIN_KEY_BYTES} bytes), found {len(digits)}: make one with "
                f"{_MAKE_ONE.en}",
            )
    elif _is_text(key):
        return Text(
            "en pseudonymnyckel måste vara slumpade byte, inte skriven text: den här är "
            "text (en lösenfras, ett ord; base64 räknas som text) och inte hexadecimala "
            f"siffror, och text kan gissas: gör en med {_MAKE_ONE.sv}",
            "a pseudonym key must be random bytes, not typed text: this one is text (a "
            "passphrase, a word; base64 counts as text) and not hex digits, and text can be "
            f"guessed: make one with {_MAKE_ONE.en}",
        )
    variety = len(set(material))
    if variety < _VARIETY:
        return Text(
            "en pseudonymnyckel måste vara slumpade byte: antalet olika bytevärden i dess "
            f"{len(material)} byte är {variety}; slumpade byte har minst {_VARIETY}: gör en med "
            f"{_MAKE_ONE.sv}",
            "a pseudonym key must be random bytes: the number of different byte values in its "
            f"{len(material)} bytes is {variety}; random bytes have at least {_VARIETY}: make one "
            f"with {_MAKE_ONE.en}",
        )
    return None


def _readable_by_others(path: str) -> int | None:
    """The mode of the file at *path* if users other than its owner can read it, else ``None``.

    They can when the mode lets its group or everyone read it and every folder above it
    lets its group or everyone in; access lists are not looked at. Always ``None`` where
    files have no POSIX modes.
    """
    if os.name != "posix":  # pragma: no cover - Windows keeps no modes to look at
        return None
    try:
        real = os.path.realpath(path)
        mode = stat.S_IMODE(os.stat(real).st_mode)
        if not mode & (stat.S_IRGRP | stat.S_IROTH):
            return None
        folder = os.path.dirname(real)
        while True:
            if not os.stat(folder).st_mode & (stat.S_IXGRP | stat.S_IXOTH):
                return None
            parent = os.path.dirname(folder)
            if parent == folder:
                return mode
            folder = parent
    except OSError:  # pragma: no cover - a folder above it gone since it was read
        return None
