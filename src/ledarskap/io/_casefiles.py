"""The shape of a rule case file, structured by cattrs: what each key must hold, and where it is.

The machinery under :mod:`ledarskap.io.rulecases`. A case file's tables are described as
attrs classes (:class:`FileShape`, :class:`DefaultsShape`, :class:`CaseShape`,
:class:`CohortShape`) and structured by one cattrs converter with detailed validation:
unknown keys, values of the wrong type, dates, outcomes and municipalities are checked
there, and every failure becomes a :class:`~ledarskap.errors.Problem` located by its key
path, the case it is in and its line. What a key *means* (a rule set that loads, a cohort
of a program, an applicant's facts) is checked above, in :mod:`ledarskap.io.rulecases`.

Every key of a case and of the defaults is optional in its shape (what is required, such as
a case's name, is said by the checks above, with a message of its own), so that one bad key
never hides the others: a case with a problem is structured again without the keys that
failed, and the meaning checks still run on the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs
from cattrs import BaseConverter, Converter
from cattrs.errors import ClassValidationError

from ledarskap._found import FieldError, Lines, did_you_mean, parse_text, read_iso_date
from ledarskap._shapes import failures, key_path
from ledarskap._shapes import make_converter as base_converter
from ledarskap.eligibility import Outcome
from ledarskap.errors import DocumentError, InvalidValueError, Problem, Problems, safe_repr
from ledarskap.model import Application, Municipality, match_title, municipality
from ledarskap.text import Text

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = [
    "CASES_FORMAT",
    "CaseShape",
    "CohortShape",
    "DefaultsShape",
    "FileShape",
    "Where",
    "applicant_data",
    "case_lines",
    "key_line",
    "key_path",
    "make_converter",
    "parse",
    "structure_case",
    "structure_file",
    "syntax_of",
]

Syntax = Literal["json", "toml"]

CASES_FORMAT = "ledarskap.rule-cases/1"
OUTCOMES = tuple(outcome.value for outcome in Outcome)


# The shapes ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CohortShape:
    """``cohort = {program = "program.toml", id = "c-2025"}``: a cohort of a program document."""

    program: str
    id: str


@attrs.frozen(kw_only=True)
class DefaultsShape:
    """``[defaults]``: what every case starts from."""

    as_of: dt.date | None = None
    collaborating: tuple[Municipality, ...] | None = None
    cohort: CohortShape | None = None
    applicant: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class CaseShape:
    """One ``[[case]]`` table, its values of the right types (meaning not yet checked)."""

    name: str | None = None
    description: str | None = None
    as_of: dt.date | None = None
    applicant: dict[str, Any] | None = None
    collaborating: tuple[Municipality, ...] | None = None
    cohort: CohortShape | None = None
    outcome: Outcome | None = None
    reasons: frozenset[str] | None = None
    warnings: frozenset[str] | None = None
    missing: frozenset[str] | None = None
    skip: str | None = None
    xfail: str | None = None


@attrs.frozen(kw_only=True)
class FileShape:
    """The file's top level; its cases are kept as found and structured one by one."""

    format: str | None = None
    ruleset: str | None = None
    description: str | None = None
    defaults: DefaultsShape = DefaultsShape()
    case: tuple[object, ...] | None = None


# The converter ---------------------------------------------------------------------------


_REQUIRED = {
    "program": Text(
        'programdokumentet (en fil i förhållande till den här, eller "example")',
        'the program document (a file relative to this one, or "example")',
    ),
    "id": Text("id:t för en omgång i det programmet", "the id of a cohort of that program"),
}
"""What a required key holds, for the message when it is left out."""


def _text(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    raise FieldError(Text("text", "text"), value, code="type")


def _date(value: object, _: object) -> dt.date:
    return read_iso_date(value, code="type")


def _outcome(value: object, _: object) -> Outcome:
    if isinstance(value, str) and value in OUTCOMES:
        return Outcome(value)
    listed = ", ".join(OUTCOMES)
    raise FieldError(
        Text(f"en av {listed}", f"one of {listed}"), value, hint=did_you_mean(value, OUTCOMES)
    )


def _codes(value: object, _: object) -> frozenset[str]:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return frozenset(value)
    raise FieldError(
        Text("en lista med koder (text)", "a list of codes (text)"), value, code="type"
    )


def _municipality(value: object, _: object) -> Municipality:
    try:
        return municipality(value)  # type: ignore[arg-type]  # any other is refused
    except InvalidValueError as error:
        raise FieldError(error.expected_text, value, hint=error.hint_text) from None


def _table(value: object, _: object) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raise FieldError(Text("en tabell", "a table"), value, code="type")


def _cases(value: object, _: object) -> tuple[object, ...]:
    if isinstance(value, list):
        return tuple(value)
    raise FieldError(
        Text("en lista med fall ([[case]]-tabeller)", "a list of cases ([[case]] tables)"),
        value,
        code="type",
    )


def make_converter() -> BaseConverter:
    """A converter of case files, made for each file read: unknown keys refused."""

    def municipalities(value: object, _: object) -> tuple[Municipality, ...]:
        if not isinstance(value, list):
            raise FieldError(
                Text(
                    "en lista med kommunnamn eller kommunkoder",
                    "a list of municipality names or codes",
                ),
                value,
                code="type",
            )
        found = converter.structure(value, list[Municipality])
        return tuple(dict.fromkeys(found))  # each once, in the order written

    converter = base_converter(
        hooks={
            str: _text,
            dt.date: _date,
            Outcome: _outcome,
            Municipality: _municipality,
            tuple[Municipality, ...]: municipalities,
            frozenset[str]: _codes,
            dict[str, Any]: _table,
            tuple[object, ...]: _cases,
        }
    )
    return converter


Where = Callable[[tuple[str | int, ...]], "tuple[Wording, int | None]"]
"""Where a failure at a key path is: the path to show and the line, for a problem."""


def structure_file(
    data: Mapping[str, Any], problems: Problems, where: Where
) -> tuple[FileShape, set[str | int]]:
    """The file's top level and the keys that failed (each problem added where *where* says).

    The cases are kept as found, to be structured one by one with :func:`structure_case`.
    """
    converter = make_converter()
    try:
        return converter.structure(data, FileShape), set()
    except ClassValidationError as error:
        failed = _add(problems, error, where)
    kept = _without(data, failed)
    if isinstance(data.get("defaults"), dict):
        # The defaults that are right are kept, so that the cases are not all reported again.
        kept["defaults"] = _without(data["defaults"], {k[1:] for k in failed if k[0] == "defaults"})
    return converter.structure(kept, FileShape), {k[0] for k in failed}


def structure_case(
    raw: object, problems: Problems, where: Where, converter: BaseConverter
) -> tuple[CaseShape | None, set[str | int]]:
    """A case structured, and the keys that failed (each problem added where *where* says).

    *converter* is the file's (:func:`make_converter`, one for all its cases). A case with
    problems is structured again from the keys that did not fail, so that what they mean
    can still be checked; one that is not a table gives ``None``.
    """
    try:
        return converter.structure(raw, CaseShape), set()
    except (ClassValidationError, FieldError) as error:
        failed = _add(problems, error, where)
    if not isinstance(raw, dict):
        return None, set()
    return converter.structure(_without(raw, failed), CaseShape), {k[0] for k in failed}


def _without(raw: Mapping[str, Any], failed: set[tuple[str | int, ...]]) -> dict[str, Any]:
    """*raw* without the keys the key paths *failed* start with."""
    first = {keys[0] for keys in failed if keys}
    return {key: value for key, value in raw.items() if key not in first}


def _add(problems: Problems, error: BaseException, where: Where) -> set[tuple[str | int, ...]]:
    """Add a problem for each failure in *error*; the key paths of those that failed."""
    failed: set[tuple[str | int, ...]] = set()
    for failure in failures(error, required=_REQUIRED):
        path, line = where(failure.keys)
        problems.add(path, failure.text, failure.code, line=line, hint=failure.hint_text)
        if failure.keys:
            failed.add(failure.keys)
    return failed


# The file's text -------------------------------------------------------------------------


def syntax_of(suffix: str, source: str) -> Syntax:
    """``"toml"`` or ``"json"`` from a file's suffix; any other is a DocumentError."""
    if suffix.lower() in (".toml", ".json"):
        return "toml" if suffix.lower() == ".toml" else "json"
    raise DocumentError(
        Text("okänd sorts fil", "unknown kind of file"),
        [
            Problem(
                "",
                Text(
                    "förväntade ett namn som slutar på .toml eller .json, "
                    f"fick {safe_repr(suffix)}",
                    f"expected a name ending .toml or .json, found {safe_repr(suffix)}",
                ),
                source=source,
            )
        ],
        source=source,
    )


def parse(content: bytes, syntax: Syntax, source: str) -> tuple[dict[str, Any], str]:
    """The file's data and its text; a syntax error is a DocumentError naming the line."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(
            Text("regelfallen är inte UTF-8-text", "the rule cases are not UTF-8 text"),
            [
                Problem(
                    f"byte {error.start}",
                    Text("förväntade UTF-8-text", "expected UTF-8 text"),
                    "syntax",
                    source=source,
                )
            ],
            source=source,
        ) from None
    try:
        data = parse_text(text, syntax, error=DocumentError, source=source)
    except DocumentError as error:
        raise DocumentError(
            Text(
                f"regelfallen är inte giltig {syntax.upper()}",
                f"the rule cases are not valid {syntax.upper()}",
            ),
            error.problems,
            source=source,
        ) from None
    if not isinstance(data, dict):
        raise DocumentError(
            Text("regelfallen är inget objekt", "the rule cases are not an object"),
            [
                Problem(
                    "",
                    Text(
                        "förväntade ett objekt med nyckeln 'case'",
                        "expected an object with the key 'case'",
                    ),
                    "type",
                    source=source,
                )
            ],
            source=source,
        )
    return data, text


_NAMES = {
    "json": re.compile(r'"name"\s*:\s*("(?:[^"\\\n]|\\.)*")'),
    "toml": re.compile(
        r"""(?:^|(?<=[\s{,]))(?:name|"name"|'name')[ \t]*=[ \t]*("(?:[^"\\\n]|\\.)*"|'[^'\n]*')""",
        re.MULTILINE,
    ),
}
"""``"name": "…"`` (JSON) and ``name = "…"`` (TOML), the string literal as group 1."""


def _string(literal: str, syntax: Syntax) -> str | None:
    """The text a string *literal* of *syntax* holds, escapes read; ``None`` if it is none."""
    try:
        read = json.loads(literal) if syntax == "json" else tomllib.loads(f"v = {literal}")["v"]
    except ValueError:  # json's and tomllib's errors both are
        return None
    return read if isinstance(read, str) else None


def case_lines(
    text: str, syntax: Syntax, raw_cases: Sequence[object], lines: Lines
) -> list[int | None]:
    r"""The line each case starts on: its ``[[case]]`` header in TOML, else its name's line.

    Every name written in the file is read once, its escapes decoded (``"fall \u00e5"``
    is ``fall å``), and the cases take them in order: one pass over the text, whatever
    the names and however they are written.
    """
    if syntax == "toml":
        headers = lines.headers("case")
        if len(headers) == len(raw_cases):
            return list(headers)
    places: dict[str, list[tuple[int, int]]] = {}  # name -> (offset, line) of each
    line, last = 1, 0
    for match in _NAMES[syntax].finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        name = _string(match.group(1), syntax)
        if name is not None:
            places.setdefault(name, []).append((match.start(), line))
    found: list[int | None] = []
    after = 0  # where the case before was found: the next one is further on
    taken: dict[str, int] = {}  # per name, how many of its places are behind
    for raw in raw_cases:
        name = raw.get("name") if isinstance(raw, dict) else None
        spots = places.get(name, []) if isinstance(name, str) else []
        index = taken.get(name, 0) if isinstance(name, str) else 0
        while index < len(spots) and spots[index][0] < after:
            index += 1
        if isinstance(name, str) and index < len(spots):
            after = spots[index][0] + 1
            taken[name] = index + 1
            found.append(spots[index][1])
        else:
            found.append(None)
    return found


def key_line(
    lines: Lines, keys: Sequence[str | int], start: int | None, end: int | None
) -> int | None:
    """The line of the key *keys* names in the case on lines ``[start, end)``; else ``start``."""
    if start is None:
        return None
    for key in reversed([k for k in keys if isinstance(k, str)]):
        leaf = re.escape(key)
        line = lines.find(rf'(?:.*[\s{{,])?"?{leaf}"?\s*[=:]', start, end)
        if line is not None:
            return line
    return start


# Writing an applicant --------------------------------------------------------------------


def applicant_data(application: Application, converter: Converter) -> dict[str, Any]:
    """An application's facts as a case file writes them: known facts only, no ids.

    *converter* is the documents' converter of TOML (one made for the whole file written,
    by :func:`ledarskap.io._convert.make_converter`). The municipality is written by
    name, and the position only when the title does not name it.
    """
    data: dict[str, Any] = converter.unstructure(application)
    written = {
        key: value
        for key, value in data.items()
        if value is not None
        and key not in ("id", "person_id", "cohort_id", "status", "appointment_id")
    }
    if application.municipality is not None:
        written["municipality"] = application.municipality.name
    if (
        application.title is not None
        and application.position is not None
        and match_title(application.title) == application.position
    ):
        written.pop("position", None)  # the title says it
    return written
