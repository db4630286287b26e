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
from typing import TYPE_CHECKING, Any, Literal

from ledarskap.errors import (
    InvalidValueError,
    Language,
    LedarskapError,
    Problem,
    ProblemsError,
    checked_language,
    safe_repr,
)
from ledarskap.text import Text

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = [
    "DATE_FORM",
    "FieldError",
    "Lines",
    "checked_syntax",
    "closest",
    "describe",
    "did_you_mean",
    "expected_found",
    "not_utf8",
    "parse_text",
    "read_iso_date",
]

Syntax = Literal["json", "toml"]


_WORDS: dict[Language, dict[str, str]] = {
    "en": {
        "object": "an object with keys {}",
        "list": "a list of {} items",
        "text": "text {}",
        "number": "the number {}",
        "date-time": "the date-time {}",
        "date": "the date {}",
        "other": "a {}",
        "found": "expected {}, found {}",
    },
    "sv": {
        "object": "ett objekt med nycklarna {}",
        "list": "en lista med {} element",
        "text": "texten {}",
        "number": "talet {}",
        "date-time": "tidpunkten {}",
        "date": "datumet {}",
        "other": "en {}",
        "found": "förväntade {}, fick {}",
    },
}
"""How a found value is described, in English and Swedish."""


def describe(value: object, language: Language = "en") -> str:  # noqa: PLR0911 - one return per JSON type
    """A short, masked description of a found value, naming its JSON type, in *language*.

    >>> describe("Linkööping"), describe(3), describe([1, 2]), describe(None)
    ("text 'Linkööping'", 'the number 3', 'a list of 2 items', 'null')
    >>> describe("Linkööping", "sv"), describe([1, 2], "sv")
    ("texten 'Linkööping'", 'en lista med 2 element')
    """
    words = _WORDS[checked_language(language)]
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return words["object"].format(safe_repr(sorted(map(str, value))[:6]))
    if isinstance(value, list | tuple):
        return words["list"].format(len(value))
    if isinstance(value, str):
        return words["text"].format(safe_repr(value, limit=60))
    if isinstance(value, int) and value.bit_length() > 64:
        return safe_repr(value)  # too long to write out: named by its length
    if isinstance(value, int | float):
        return words["number"].format(safe_repr(value, limit=40))
    if isinstance(value, dt.datetime):
        return words["date-time"].format(safe_repr(value.isoformat()))
    if isinstance(value, dt.date):
        return words["date"].format(value.isoformat())
    return words["other"].format(type(value).__name__)


def expected_found(expected: Wording, found: object) -> Text:
    """``"expected …, found …"`` in both languages, *found* described (:func:`describe`).

    *expected* given in English alone is used in the Swedish text too (so a caller outside
    the library still gets a whole message).

    >>> expected_found(Text("ett heltal", "a whole number"), "3").render("sv")
    "förväntade ett heltal, fick texten '3'"
    """
    english, swedish = (
        (expected, expected) if isinstance(expected, str) else (expected.en, expected.sv)
    )
    return Text(
        _WORDS["sv"]["found"].format(
            english if swedish is None else swedish, describe(found, "sv")
        ),
        _WORDS["en"]["found"].format(english, describe(found)),
    )


def not_utf8(location: Wording) -> InvalidValueError:
    """The error for text holding a lone surrogate, which no file can hold, at *location*."""
    return InvalidValueError(
        location=location,
        expected=Text("text som kan skrivas som UTF-8", "text that can be written as UTF-8"),
        found=Text("text med en ensam surrogatkodpunkt", "text with a lone surrogate code point"),
        described=True,
    )


class FieldError(LedarskapError, ValueError):
    """A value of the wrong type or form: what was expected, what was found (described).

    What every reader's structure hooks raise; ``code`` is the stable problem code:
    ``"type"`` (wrong JSON type), ``"invalid"`` (right type, wrong value) or the reader's
    own (``"date"``, ``"level"`` …). ``hint`` says what was perhaps meant. *expected* and
    *hint* may be a :class:`~ledarskap.text.Text` in both languages; ``expected``,
    ``found`` and ``hint`` hold the English, ``text`` the whole message in both and
    ``hint_text`` the hint as given.

    >>> str(FieldError("a whole number", "3", code="type"))
    "expected a whole number, found text '3'"
    >>> FieldError(Text("ett heltal", "a whole number"), "3").render("sv")
    "förväntade ett heltal, fick texten '3'"
    """

    def __init__(
        self,
        expected: Wording,
        found: object,
        *,
        code: str = "invalid",
        hint: Wording | None = None,
    ) -> None:
        self.text = expected_found(expected, found)
        self.expected = expected if isinstance(expected, str) else expected.en
        self.found = describe(found)
        self.code = code
        self.hint = hint if hint is None or isinstance(hint, str) else hint.en
        self.hint_text = hint
        super().__init__(self.text)


def closest(name: object, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The candidate closest to *name*, or ``None`` if none is close enough.

    >>> closest("Linkoping", ["Linköping", "Lund"]), closest("x", ["Linköping"])
    ('Linköping', None)
    """
    import difflib  # only when something is not found: a command starts faster

    near = difflib.get_close_matches(str(name), list(candidates), n=1, cutoff=cutoff)
    return near[0] if near else None


def did_you_mean(name: object, candidates: Iterable[str], *, cutoff: float = 0.6) -> Text | None:
    """``"did you mean 'x'?"`` for the candidate closest to *name*, or ``None`` if none is close.

    >>> hint = did_you_mean("leeds_staff_function", ["leads_staff_function", "position"])
    >>> hint.en, hint.sv
    ("did you mean 'leads_staff_function'?", "menade du 'leads_staff_function'?")
    """
    near = closest(name, candidates, cutoff=cutoff)
    return None if near is None else Text(f"menade du {near!r}?", f"did you mean {near!r}?")


DATE_FORM = Text("ett datum ÅÅÅÅ-MM-DD", "a date YYYY-MM-DD")
"""What every file of the library holds as a date: ISO 8601's calendar date, and only it.

Four digits of year, two of month, two of day, with hyphens (``2025-09-01``): no spaces
around it, no ``20250901``, no week dates (``2025-W36-1``), no time of day. A TOML file
may also write the date bare (``as_of = 2025-09-01``), which TOML reads as a date.
"""


def _iso_form(text: str) -> bool:
    """Whether *text* is ``DDDD-DD-DD`` in ASCII digits (a pattern, read without compiling one)."""
    return (
        len(text) == 10
        and text.isascii()
        and text[4] == text[7] == "-"
        and (text[:4] + text[5:7] + text[8:]).isdigit()
    )


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
        if _iso_form(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:  # 2025-02-30
                pass
        raise FieldError(DATE_FORM, value, code=code)
    raise FieldError(DATE_FORM, value, code="type")


_TOML_AT = r"\s*\(at line (\d+), column (\d+)\)"  # compiled (and kept by re) on a TOML error
_SYNTAXES = ("json", "toml")


def checked_syntax(value: object, where: str) -> Syntax:
    """*value* if it names a syntax the library reads (``"json"``, ``"toml"``).

    Anything else is an :class:`~ledarskap.errors.InvalidValueError` at *where* (the
    argument, ``parse_ruleset(syntax)``), never a file read in another syntax.

    >>> checked_syntax("yaml", "load_cases_text(syntax)")
    Traceback (most recent call last):
    ...
    ledarskap.errors.InvalidValueError: load_cases_text(syntax): expected 'json' or 'toml', found 'yaml'
    """
    if isinstance(value, str) and value in _SYNTAXES:
        return "json" if value == "json" else "toml"
    raise InvalidValueError(
        location=where, expected=Text("'json' eller 'toml'", "'json' or 'toml'"), found=value
    )


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

    if syntax == "toml":
        _refuse_long_keys(text, error, source)
    try:
        return tomllib.loads(text) if syntax == "toml" else json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(_TOML_AT, str(exc))
        message = re.sub(_TOML_AT, "", str(exc)).strip()
        line = int(at.group(1)) if at else None
        problem = Problem(
            "", _parser_says(message, at and at.group(2)), "syntax", source=source, line=line
        )
    except json.JSONDecodeError as exc:
        problem = Problem(
            "", _parser_says(exc.msg, str(exc.colno)), "syntax", source=source, line=exc.lineno
        )
    except RecursionError:
        problem = Problem(
            "", Text("för djupt nästlad", "nested too deeply"), "syntax", source=source
        )
    except ValueError:  # a whole number of more digits than int() takes (4,300)
        place = json_place(text, JSON_LONG_INTEGER) if syntax == "json" else None
        said = Text("ett tal för långt att läsa", "a number too long to read")
        if place is not None:
            said = Text(f"{said.sv}, kolumn {place[1]}", f"{said.en}, column {place[1]}")
        problem = Problem(
            "", said, "syntax", source=source, line=None if place is None else place[0]
        )
    summary = Text(f"inte giltig {syntax.upper()}", f"not valid {syntax.upper()}")
    raise error(summary, [problem], source=source) from None


_MOST_KEY_PARTS = 256
"""The most parts a dotted TOML key may have (``a.b.c`` has 3): far more than any file of
the library's needs, and few enough that tomllib, whose time grows with the square of a
key's parts, reads any key in well under a millisecond."""

_KEY_RUN = r"(?:(?:(?<![\w\"'-])[A-Za-z0-9_-]++|\"[^\"\n]*+\"|'[^'\n]*+')[ \t]*+\.[ \t]*+)++"
"""A run of dotted key parts (``a.b.``, ``"x".y.``), found in linear time: no part begins
inside a word, and no quantifier gives back what it took (compiled, and kept by :mod:`re`,
when a TOML text is first read)."""

_QUOTED = r"\"[^\"\n]*\"|'[^'\n]*'"


def _refuse_long_keys(text: str, error: type[ProblemsError], source: str | None) -> None:
    """Raise *error* for a key of more parts than a TOML file may have, naming its line.

    Text that only looks like a key (``"a. b. c."`` in a string) counts too: a string of
    hundreds of one-word sentences in a row is no program's.
    """
    for run in re.finditer(_KEY_RUN, text):
        found = run.group()
        if found.count(".") - sum(q.count(".") for q in re.findall(_QUOTED, found)) < (
            _MOST_KEY_PARTS
        ):
            continue
        most = _MOST_KEY_PARTS
        problem = Problem(
            "",
            Text(f"en nyckel med fler än {most} delar", f"a key of more than {most} parts"),
            "syntax",
            source=source,
            line=text.count("\n", 0, run.start()) + 1,
        )
        raise error(Text("inte giltig TOML", "not valid TOML"), [problem], source=source)


_PARSERS_SAY = {
    # json's messages (the decoder's every one)
    "Expecting value": "här ska ett värde stå",
    "Expecting property name enclosed in double quotes": "här ska ett nyckelnamn inom dubbla citattecken stå",
    "Expecting ':' delimiter": "här ska ':' stå",
    "Expecting ',' delimiter": "här ska ',' stå",
    "Unterminated string starting at": "en text som aldrig avslutas börjar här",
    "Invalid control character at": "ett otillåtet styrtecken",
    "Invalid \\escape": "en ogiltig \\-sekvens",
    "Invalid \\uXXXX escape": "en ogiltig \\uXXXX-sekvens",
    "Extra data": "mer data efter dokumentets slut",
    "Illegal trailing comma before end of object": "ett kommatecken för mycket före objektets slut",
    "Illegal trailing comma before end of array": "ett kommatecken för mycket före listans slut",
    # tomllib's fixed messages (every one)
    "Invalid value": "ogiltigt värde",
    "Invalid statement": "ogiltig rad",
    "Invalid hex value": "ogiltigt hexadecimalt värde",
    "Invalid date or datetime": "ogiltigt datum eller ogiltig tidpunkt",
    "Invalid initial character for a key part": "ogiltigt första tecken i en nyckel",
    "Expected '=' after a key in a key/value pair": "'=' ska stå efter en nyckel",
    "Expected ']' at the end of a table declaration": "']' ska stå i slutet av en tabells rubrik",
    "Expected ']]' at the end of an array declaration": "']]' ska stå i slutet av en tabellistas rubrik",
    "Expected newline or end of document after a statement": "radbrytning eller dokumentets slut ska stå efter en sats",
    "Cannot overwrite a value": "ett värde kan inte skrivas över",
    "Unclosed array": "en lista som aldrig stängs",
    "Unclosed inline table": "en tabell på en rad som aldrig stängs",
    "Unterminated string": "en text som aldrig avslutas",
    "Unescaped '\\' in a string": "ett ensamt '\\' i en text",
    "Escaped character is not a Unicode scalar value": "det kodade tecknet är inget Unicode-skalärvärde",
}
"""What the JSON and TOML parsers say (in English), in Swedish: each message that is fixed."""

_PARSERS_SAY_ABOUT = (
    # tomllib's messages that name a key or a character: (before it, after it, Swedish)
    ("Cannot declare ", " twice", "tabellen {} deklareras två gånger"),
    ("Cannot redefine namespace ", "", "namnrymden {} kan inte definieras om"),
    ("Cannot mutate immutable namespace ", "", "namnrymden {} kan inte ändras"),
    ("Duplicate inline table key ", "", "nyckeln {} står två gånger i en tabell på en rad"),
    ("Illegal character ", "", "otillåtet tecken {}"),
    ("Found invalid character ", "", "ogiltigt tecken {}"),
    ("Expected ", "", "här ska {} stå"),
)
"""What the TOML parser says about a key or a character, in Swedish, the key or character kept."""


_LONGEST_SAID = 300
"""The most characters of a parser's message a problem quotes."""


_JSON_STRING = r'"(?:[^"\\\n]|\\.)*+"'
JSON_CONSTANT = r"(?<![\w\"])(?:NaN|-?Infinity)(?![\w\"])"
"""``NaN``, ``Infinity`` and ``-Infinity``: what Python's json reads and JSON has not."""
JSON_LONG_INTEGER = r"(?<![0-9.eE+-])-?[0-9]{4301,}+(?![.eE0-9])"
"""A whole number of more digits than Python's ``int()`` reads (4,300): from the start of a
number only (not a fraction's or an exponent's digits, and tried once a run of digits)."""


def json_place(text: str, token: str) -> tuple[int, int] | None:
    r"""The line and column (from 1) of the first *token* (a pattern) outside JSON's strings.

    For what the JSON parser reads and says nothing of where: a constant JSON has not,
    a number too long for Python. One pass over the text (only when there is a problem).

    >>> json_place('{"NaN": 1,\n "x": NaN}', JSON_CONSTANT)
    (2, 7)
    """
    for match in re.finditer(f"{_JSON_STRING}|(?P<token>{token})", text):
        if match.group("token") is not None:
            start = match.start("token")
            return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
    return None


def _parser_says(message: str, column: str | None) -> Text:
    """A parser's *message* (English) at *column*, in Swedish too where it is known.

    A message not known here (a parser of another Python version may word one otherwise)
    keeps the parser's English words in the Swedish text, after the Swedish for a syntax
    error, so that nothing of what it says is lost.

    >>> _parser_says("Cannot declare ('rules',) twice", "1").render("sv")
    "tabellen ('rules',) deklareras två gånger, kolumn 1"
    """
    if len(message) > _LONGEST_SAID:  # a key of any length may be named in it
        message = message[: _LONGEST_SAID - 1] + "…"
    at_en = f", column {column}" if column else ""
    at_sv = f", kolumn {column}" if column else ""
    core = message.removesuffix(" (at end of document)")
    at_sv += " (vid dokumentets slut)" if core != message else ""
    known = next((sv for en, sv in _PARSERS_SAY.items() if core.startswith(en)), None)
    for before, after, swedish in () if known is not None else _PARSERS_SAY_ABOUT:
        if core.startswith(before) and core.endswith(after) and len(core) > len(before + after):
            known = swedish.format(core[len(before) : len(core) - len(after)])
            break
    swedish = known if known is not None else f"syntaxfel: {core}"
    return Text(f"{swedish}{at_sv}", f"{message}{at_en}")


class Lines:
    r"""The lines of a source text, to find which line a key or a table header is on.

    Lines are numbered from 1, as editors do, and as TOML and JSON count them: one at
    each ``\n`` (:meth:`str.splitlines` breaks at ``\f``, U+0085, U+2028 and others too,
    which a string or a comment may hold). A search that finds nothing gives ``None``.

    >>> lines = Lines('id = "x"\n[[rules]]\nid = "role"\n[[rules]]\nid = "age"\n')
    >>> lines.headers("rules"), lines.key("id", lines.headers("rules")[1])
    ([2, 4], 5)
    """

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")

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
