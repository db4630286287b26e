"""The tokens of the rule expression syntax, and the text of a quoted string.

The bottom of the text reader: :func:`tokenize` cuts a rule's text into :class:`Token`
spans; a character no token starts with is a :class:`ReadError` at that span.
"""

from __future__ import annotations

import re

import attrs

from ledarskap.errors import safe_repr
from ledarskap.text import Text

from ._vocabulary import KEYWORDS
from .valuetypes import MAX_DIGITS

__all__ = ["ReadError", "Token", "tokenize", "unquote"]

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
   |(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
   |(?P<number>-?\d+(?![\w.-]))
   |(?P<op>==|!=|<=|>=|<|>)
   |(?P<punct>[()\[\],=])
   |(?P<name>[A-Za-z_][A-Za-z0-9_]*)
    """,
    re.VERBOSE,
)
# What starts like a number and is not a whole one: 2.5, 2e3, 1_000, 5abc, 2025-01-01, 3-5.
_NOT_WHOLE = re.compile(r"-?\d[\w.-]*")


class ReadError(Exception):
    """A rule's text cannot be read: *message* (in both languages) about characters ``start:end``.

    *hint* says what was perhaps meant.
    """

    def __init__(self, message: Text, start: int, end: int, hint: Text | None = None) -> None:
        super().__init__(message.en)
        self.message = message
        self.start = start
        self.end = end
        self.hint = hint


@attrs.frozen
class Token:
    """One token: its kind, its text and where it is.

    The kinds: ``name``, ``keyword``, ``string``, ``number``, ``op``, ``punct``, ``end``.
    """

    kind: str
    text: str
    start: int
    end: int


_DIGITS_ALONE = Text(
    "skriv talet med siffror enbart: 1000", "write the number in digits alone: 1000"
)


def tokenize(text: str) -> list[Token]:
    """The tokens of *text*, ending with an ``end`` token."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            number = _NOT_WHOLE.match(text, pos)
            if number is not None:  # numbers in rules are whole, written with digits alone
                found = safe_repr(number.group(), 40)
                message = Text(
                    f"förväntade ett heltal, fick {found}",
                    f"expected a whole number, found {found}",
                )
                hint = _DIGITS_ALONE if "_" in number.group() else None
                raise ReadError(message, pos, number.end(), hint)
            character = repr(text[pos])
            message = Text(f"oväntat tecken {character}", f"unexpected character {character}")
            raise ReadError(message, pos, pos + 1)
        kind = match.lastgroup or "ws"
        if kind == "number" and len(match.group().lstrip("-")) > MAX_DIGITS:
            found = safe_repr(match.group(), 40)
            message = Text(
                f"förväntade ett heltal med högst {MAX_DIGITS} siffror, fick {found}",
                f"expected a whole number of at most {MAX_DIGITS} digits, found {found}",
            )
            raise ReadError(message, pos, match.end())
        if kind != "ws":
            if kind == "name" and match.group() in KEYWORDS:
                kind = "keyword"
            tokens.append(Token(kind, match.group(), match.start(), match.end()))
        pos = match.end()
    tokens.append(Token("end", "", len(text), len(text)))
    return tokens


_ESCAPES = {
    '"': '"',
    "'": "'",
    "\\": "\\",
    "/": "/",
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "b": "\b",
    "f": "\f",
}
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")


def unquote(token: Token) -> str:
    """The text of a string token, with JSON's escapes (what the printer writes)."""
    body = token.text[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        char = body[i]
        if char != "\\":
            out.append(char)
            i += 1
            continue
        escape = body[i + 1]
        if escape in _ESCAPES:
            out.append(_ESCAPES[escape])
            i += 2
        elif escape == "u" and _HEX4.fullmatch(body, i + 2, i + 6):
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 6
        else:
            at = token.start + 1 + i
            message = Text(
                f"okänd escape-sekvens \\{escape} i texten", f"unknown escape \\{escape} in text"
            )
            raise ReadError(message, at, at + 2)
    return "".join(out)
