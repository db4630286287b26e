"""Keyed pseudonyms: a stable stand-in for each person and record, which only the key holder can link.

A pseudonym is HMAC-SHA256 of what it stands for, under a secret key the user holds: the
same key gives the same pseudonym in every export (so exports made months apart join on
it), another key gives unrelated ones, and without the key nobody can tell whose a
pseudonym is. A *plain* hash would not do: a personnummer has about 36,500 birth dates a
century times 1,000 serial numbers (the check digit follows), so anyone can hash every
one of them in seconds and read the hashes back. The key is what makes that search
useless — guard it like the data itself, and never export it with the data.

A person's pseudonym is made from their personnummer when it is known (the same person
has the same pseudonym in two program documents, whatever their ids there), otherwise
from their person id; a record's (participant, mentorship, …) from its kind and id.

>>> from ledarskap.tables import PseudonymKey
>>> key = PseudonymKey(b"a key of at least thirty-two bytes!!")
>>> key.pseudonym("participant", "d-1")
'xoayz2htynlaguhpg'
>>> key.pseudonym("participant", "d-1") == PseudonymKey(bytes(key)).pseudonym("participant", "d-1")
True
>>> PseudonymKey(b"too short")
Traceback (most recent call last):
...
ledarskap.errors.UsageError: a pseudonym key must be at least 32 bytes long (256 bits), found 9 bytes: make one with PseudonymKey.generate()

.. versionadded:: 0.3
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from ledarskap.errors import FileAccessError, UsageError
from ledarskap.io._reading import MAX_SMALL_FILE, read_bounded, reason_of
from ledarskap.model import Person
from ledarskap.text import Text

__all__ = ["MIN_KEY_BYTES", "PseudonymKey"]

MIN_KEY_BYTES = 32
"""The shortest key accepted: 256 bits, as long as the HMAC-SHA256 output."""

_LENGTH = 16  # base32 characters of a pseudonym: 80 bits, no collision in any real program


class PseudonymKey:
    """A secret key for pseudonyms: at least :data:`MIN_KEY_BYTES` bytes.

    Make one with :meth:`generate`, keep it in a file only you can read, and read it back
    with :meth:`from_file`. ``repr`` and ``str`` never show it.
    """

    __slots__ = ("_key",)

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
                    "PseudonymKey.generate()",
                    f"a pseudonym key must be at least {MIN_KEY_BYTES} bytes long "
                    f"({MIN_KEY_BYTES * 8} bits), found {len(key)} bytes: make one with "
                    "PseudonymKey.generate()",
                )
            )
        self._key = key

    @classmethod
    def generate(cls) -> PseudonymKey:
        """A new random key: 32 random bytes from :mod:`secrets`, as 64 hex digits (ASCII).

        Keep it in a file only you can read (``bytes(key)`` is what :meth:`from_file`
        reads back), apart from the data and the exports.
        """
        return cls(secrets.token_hex(MIN_KEY_BYTES).encode("ascii"))

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> PseudonymKey:
        """The key held in the file *path*: all of its bytes, as they are.

        Nothing is stripped: random bytes may begin or end with a byte that looks like
        whitespace, and the key must be the same however the file was made.

        A missing or unreadable file is a :class:`~ledarskap.errors.FileAccessError`; a
        key too short a :class:`~ledarskap.errors.UsageError` that names the file.
        """
        if not isinstance(path, (str, os.PathLike)):
            raise UsageError(
                Text(
                    f"PseudonymKey.from_file: förväntade en sökväg, fick {type(path).__name__}",
                    f"PseudonymKey.from_file: expected a file path, found {type(path).__name__}",
                )
            )
        try:
            content, _ = read_bounded(path, MAX_SMALL_FILE, "a key file")
        except OSError as exc:
            raise FileAccessError(os.fspath(path), "read", reason_of(exc)) from None
        except ValueError:  # a NUL character: no file has that name
            raise FileAccessError(
                os.fspath(path), "read", Text("ingen användbar sökväg", "not a usable path")
            ) from None
        try:
            return cls(content)
        except UsageError as exc:
            where = os.fspath(path)
            raise UsageError(Text(f"{where}: {exc.render('sv')}", f"{where}: {exc}")) from None

    def __bytes__(self) -> bytes:
        return self._key

    def pseudonym(self, kind: str, value: str) -> str:
        """The pseudonym of *value* (an id, or a personnummer's digits) of a *kind*.

        ``"x"`` and 16 lower-case base32 characters (80 bits of HMAC-SHA256 over
        ``kind``, a NUL and ``value``): the kind keeps a participant's and a mentor's
        pseudonyms apart even where their ids are the same.
        """
        digest = hmac.new(self._key, f"{kind}\0{value}".encode(), hashlib.sha256).digest()
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
        return hmac.compare_digest(self._key, other._key)

    def __hash__(self) -> int:
        return hash(hashlib.sha256(self._key).digest())

    def __repr__(self) -> str:
        return "PseudonymKey(<hidden>)"

    __str__ = __repr__
