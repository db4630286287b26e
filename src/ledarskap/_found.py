"""What stays hand-written in every reader: describe a found value, suggest a name, find a line.

Each reader of the library (program documents, rule-set files, case files, decision data,
sheets) structures its data with cattrs; these few helpers are what cattrs does not do, in
one place so that every message reads the same way:

- :func:`describe`: a found value, short and masked, named by its JSON type
  ("text 'x'", "the number 3", "a list of 2 items");
- :func:`did_you_mean`: the hint for a mistyped name, or ``None`` (:func:`closest`: the name);
- :func:`read_iso_date`: a date as every file of the library writes it, ``YYYY-MM-DD``;
- :class:`FieldError`: a value of the wrong type or form, saying what was expected and
  what was found;
- :func:`parse_text`: JSON or TOML text parsed, a syntax error raised as the library's
  error with its line and column;
- :class:`Lines`: the lines of a text, to say on which line a key or a table is.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from typing import Any, Literal

from ledarskap.errors import LedarskapError, Problem, ProblemsError, safe_repr

__all__ = [
    "DATE_FORM",
    "FieldError",
    "Lines",
    "closest",
    "describe",
    "did_you_mean",
    "parse_text",
    "read_iso_date",
]

Syntax = Literal["json", "toml"]


def describe(value: object) -> str:  # noqa: PLR0911 - one return per JSON type
    """A short, masked description of a found value, naming its JSON type.

    >>> describe("Linkööping"), describe(3), describe([1, 2]), describe(None)
    ("text 'Linkööping'", 'the number 3', 'a list of 2 items', 'null')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return f"an object with keys {safe_repr(sorted(map(str, value))[:6])}"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} items"
    if isinstance(value, str):
        return f"text {safe_repr(value, limit=60)}"
    if isinstance(value, int) and value.bit_length() > 64:
        return safe_repr(value)  # too long to write out: named by its length
    if isinstance(value, int | float):
        return f"the number {safe_repr(value, limit=40)}"
    if isinstance(value, dt.datetime):
        return f"the date-time {safe_repr(value.isoformat())}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return f"a {type(value).__name__}"


class FieldError(LedarskapError, ValueError):
    """A value of the wrong type or form: what was expected, what was found (described).

    What every reader's structure hooks raise; ``code`` is the stable problem code:
    ``"type"`` (wrong JSON type), ``"invalid"`` (right type, wrong value) or the reader's
    own (``"date"``, ``"level"`` …). ``hint`` says what was perhaps meant.

    >>> str(FieldError("a whole number", "3", code="type"))
    "expected a whole number, found text '3'"
    """

    def __init__(
        self, expected: str, found: object, *, code: str = "invalid", hint: str | None = None
    ) -> None:
        self.expected = expected
        self.found = describe(found)
        self.code = code
        self.hint = hint
        super().__init__(f"expected {expected}, found {self.found}")


def closest(name: object, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The candidate closest to *name*, or ``None`` if none is close enough.

    >>> closest("Linkoping", ["Linköping", "Lund"]), closest("x", ["Linköping"])
    ('Linköping', None)
    """
    import difflib  # only when something is not found: a command starts faster

    near = difflib.get_close_matches(str(name), list(candidates), n=1, cutoff=cutoff)
    return near[0] if near else None


def did_you_mean(name: object, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """``"did you mean 'x'?"`` for the candidate closest to *name*, or ``None`` if none is close.

    >>> did_you_mean("leeds_staff_function", ["leads_staff_function", "position"])
    "did you mean 'leads_staff_function'?"
    """
    near = closest(name, candidates, cutoff=cutoff)
    return None if near is None else f"did you mean {near!r}?"


DATE_FORM = "a date YYYY-MM-DD"
"""What every file of the library holds as a date: ISO 8601's calendar date, and only it.

Four digits of year, two of month, two of day, with hyphens (``2025-09-01``): no spaces
around it, no ``20250901``, no week dates (``2025-W36-1``), no time of day. A TOML file
may also write the date bare (``as_of = 2025-09-01``), which TOML reads as a date.
"""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def read_iso_date(value: object, *, code: str = "invalid") -> dt.date:
    """*value* as a date, if it is one or is text ``YYYY-MM-DD``; else :class:`FieldError`.

    The one date reader of the library's files (see :data:`DATE_FORM`). A value that is
    not text is refused with the code ``"type"``, a text of another form with *code*.

    >>> read_iso_date("2025-09-01"), read_iso_date(dt.date(2025, 9, 1))
    (datetime.date(2025, 9, 1), datetime.date(2025, 9, 1))
    >>> read_iso_date("20250901")
    Traceback (most recent call last):
    ...
    ledarskap._found.FieldError: expected a date YYYY-MM-DD, found text '20250901'
    """
    if value.__class__ is dt.date:
        return value
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:  # 2025-02-30
                pass
        raise FieldError(DATE_FORM, value, code=code)
    raise FieldError(DATE_FORM, value, code="type")


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def parse_text(
    text: str,
    syntax: Syntax,
    *,
    error: type[ProblemsError],
    source: str | None = None,
) -> Any:
    r"""*text* parsed as JSON or TOML; a syntax error raised as *error* with its line and column.

    >>> parse_text('{"id": "x",\n "version": }', "json", error=ProblemsError, source="r.json")
    Traceback (most recent call last):
    ...
    ledarskap.errors.ProblemsError: r.json: not valid JSON (1 problem)
      - r.json:2: Expecting value, column 13
    """
    import tomllib  # only for TOML: reading a JSON document starts faster

    try:
        return tomllib.loads(text) if syntax == "toml" else json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_AT.search(str(exc))
        message = _TOML_AT.sub("", str(exc)).strip()
        line = int(at.group(1)) if at else None
        where = f", column {at.group(2)}" if at else ""
        problem = Problem("", f"{message}{where}", "syntax", source=source, line=line)
    except json.JSONDecodeError as exc:
        problem = Problem(
            "", f"{exc.msg}, column {exc.colno}", "syntax", source=source, line=exc.lineno
        )
    except RecursionError:
        problem = Problem("", "nested too deeply", "syntax", source=source)
    except ValueError:  # a whole number of more digits than int() takes (4,300)
        problem = Problem("", "a number too long to read", "syntax", source=source)
    raise error(f"not valid {syntax.upper()}", [problem], source=source) from None


class Lines:
    r"""The lines of a source text, to find which line a key or a table header is on.

    Lines are numbered from 1, as editors do; a search that finds nothing gives ``None``.

    >>> lines = Lines('id = "x"\n[[rules]]\nid = "role"\n[[rules]]\nid = "age"\n')
    >>> lines.headers("rules"), lines.key("id", lines.headers("rules")[1])
    ([2, 4], 5)
    """

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def find(self, pattern: str, start: int = 1, end: int | None = None) -> int | None:
        """The first line in ``[start, end)`` matching the regular expression *pattern*."""
        compiled = re.compile(pattern)
        stop = len(self.lines) + 1 if end is None else min(end, len(self.lines) + 1)
        for number in range(max(start, 1), stop):
            if compiled.match(self.lines[number - 1]):
                return number
        return None

    def headers(self, table: str) -> list[int]:
        """The lines of the TOML array-of-tables headers ``[[table]]``."""
        pattern = re.compile(rf"\s*\[\[\s*{re.escape(table)}\s*\]\]")
        return [n for n, line in enumerate(self.lines, start=1) if pattern.match(line)]

    def key(self, key: str, start: int = 1, end: int | None = None) -> int | None:
        """The line of ``key = …`` (TOML) or ``"key": …`` (JSON) in ``[start, end)``."""
        name = re.escape(key)
        return self.find(rf'\s*(?:{name}|"{name}")\s*[=:]', start, end)
