"""The one exception tree of ledarskap.

Every error the library raises is a :class:`LedarskapError`. Errors about bad values are
also :class:`ValueError`, so callers that already catch ``ValueError`` keep working. Each
error keeps *where* (``location``: a field, a JSON path, a file and row), *what was
expected* and *what was found* as attributes, so tools can show them their own way, and
its message says all three in one line.

Personal data never appears in a message: values are passed through :func:`safe_repr`,
which masks anything that looks like a personnummer or an e-mail address.

>>> from ledarskap.errors import InvalidValueError
>>> err = InvalidValueError(location="Cohort.end", expected="a date on or after 2025-09-01",
...                         found="2025-08-01")
>>> print(err)
Cohort.end: expected a date on or after 2025-09-01, found '2025-08-01'
>>> isinstance(err, ValueError)
True

.. versionadded:: 0.1
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

__all__ = [
    "ConflictError",
    "DocumentError",
    "FileAccessError",
    "FormatVersionError",
    "InvalidPersonnummerError",
    "InvalidValueError",
    "LedarskapError",
    "MissingDependencyError",
    "Problem",
    "Problems",
    "ProblemsError",
    "RuleError",
    "UnknownMunicipalityError",
    "UnknownReferenceError",
    "UsageError",
    "mask_personal_data",
    "masked_repr",
    "safe_repr",
]

T = TypeVar("T")

# What python-stdnum reads between the digits of a personnummer: "-", "+", ":" and a space,
# and every character it takes for one of them (dashes, minus signs, colons and spaces of
# other scripts and widths: its `stdnum.util` character map). Tabs and line breaks it does
# not take.
_SEPARATORS = "".join(
    [
        "-+: ",
        "\u00a0\u1680\u202f\u205f\u3000",  # spaces
        *map(chr, range(0x2000, 0x200B)),
        "\u00ad\u00af\u02d7\u058a\u05be\u180a\u203e\u2043\u207b\u208b\u2212",  # dashes
        *map(chr, range(0x2010, 0x2016)),
        "\u23af\u23ba\u23bb\u23bc\u23bd\u23e4\ufe63\uff0d\uffe3",  # and minus signs
        "\u1361\u16ec\u1804\ufe13\ufe30\ufe55\uff1a",  # colons
    ]
)
_SEPARATOR = re.escape(_SEPARATORS)
_RUN = re.compile(f"\\d(?:[{_SEPARATOR}]*\\d)*")
_DATE = r"(?:19|20|21)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
# A lone surrogate: no encoding writes it (a file name that is not UTF-8 holds them).
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


@functools.cache
def _periods() -> re.Pattern[str]:
    """Two dates or more in a row ("2025-09-01–2026-06-30"): a period, never a personnummer.

    Compiled on first use, as only a run of more than 13 digits needs it: its class of
    separators takes about a millisecond to compile, a cost every process would pay.
    """
    return re.compile(f"{_DATE}(?:[{_SEPARATOR}]+{_DATE})+")


@functools.cache
def _not_address() -> re.Pattern[str]:
    """Where an e-mail address may end: white space, quotes, brackets and punctuation.

    Compiled on first use: only a text with an ``@`` needs it.
    """
    return re.compile(r"([\s'\"<>(),;:]+)")


def _mask_number(match: re.Match[str]) -> str:
    return _masked_run(match.group(0))


def _masked_run(run: str) -> str:
    """A run of digits: shown if it is too short to be a personnummer, masked if not.

    A run longer than any personnummer is hidden whole, but for the periods of dates in it
    (``2025-09-01–2026-06-30``), which are shown; what stands between them is masked as a
    run of its own, the separators around it kept.
    """
    if sum(c.isdigit() for c in run) <= 13:
        return _masked_number(run)
    pieces: list[str] = []
    start = 0
    for period in _periods().finditer(run):
        pieces += [_masked_between(run[start : period.start()]), period.group(0)]
        start = period.end()
    pieces.append(_masked_between(run[start:]))
    return "".join(pieces)


def _masked_between(text: str) -> str:
    """*text* between periods of dates: separators at its ends kept, the digits masked."""
    core = text.strip(_SEPARATORS)
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip(_SEPARATORS))]
    trail = text[len(text.rstrip(_SEPARATORS)) :]
    return lead + _masked_number(core) + trail


def _masked_number(run: str) -> str:
    digits = [c for c in run if c.isdigit()]
    if len(digits) < 10:
        return run
    if len(digits) > 13:  # longer than any spelling of a personnummer: hidden whole
        return "…"
    century = "".join(digits[:2]) if len(digits) >= 12 else ""
    return f"{century}XXXXXX-XX{digits[-2]}{digits[-1]}"


def _mask_address(token: str) -> str:
    """A token (no white space, quotes or brackets) with an ``@`` in it, masked."""
    if not token.strip("@"):  # a lone "@" is no address
        return token
    local, domain = token[: token.find("@")], token.rpartition("@")[2]
    if local.endswith("…") and len(local) <= 2:  # already masked
        return token
    return f"{local[:1]}…@{domain}"


def mask_personal_data(text: str) -> str:
    r"""Mask every personnummer-like number and e-mail address in *text*.

    Only the last two digits of a personnummer survive, as in ``19XXXXXX-XX12``; of an
    e-mail address, well-formed or not, the first letter and the domain. Every spelling of
    a personnummer the library accepts is recognised, and every near miss (a digit too
    many, separators anywhere): any run of ten or more digits, with any of the separators
    python-stdnum reads between them (dashes, colons, spaces of every kind), is masked; a
    run longer than any personnummer is hidden whole, unless it is a period of dates.

    >>> mask_personal_data("pnr 19850312-2395, mail anna.berg@linkoping.se")
    'pnr 19XXXXXX-XX95, mail a…@linkoping.se'
    >>> mask_personal_data("85 03 12 23 95, 1985-03-12-2395, 19850312-23951, 850312–2395")
    'XXXXXX-XX95, 19XXXXXX-XX95, 19XXXXXX-XX51, XXXXXX-XX95'

    A lone surrogate (in a file name that is not UTF-8, say) is written as its escape
    (``\udcff``), so that every text the library shows can be written out.

    Masking is idempotent (masked text is left as it is) and takes time linear in the
    length of the text.
    """
    if not text.isascii():
        text = _SURROGATE.sub(_escaped, text)
    text = _RUN.sub(_mask_number, text)
    if "@" not in text:
        return text
    parts = _not_address().split(text)
    # split() with a group alternates tokens and separators: tokens are the even items.
    return "".join(
        _mask_address(part) if i % 2 == 0 and "@" in part else part for i, part in enumerate(parts)
    )


_LONGEST_PATH = 1000


def _shown_path(path: str) -> str:
    """*path* as a message shows it: masked, and at most 1,000 characters long.

    A longer path keeps its start and its end (the file's name), with the middle left
    out, so that a message stays bounded whatever it is given. It is masked before it is
    cut: a cut through a personnummer would leave each half too short to be recognised.
    """
    path = mask_personal_data(path)
    if len(path) > _LONGEST_PATH:
        path = f"{path[:200]}…{path[-(_LONGEST_PATH - 201) :]}"
    return path


def masked_repr(cls: type[T]) -> type[T]:
    """*cls* with its ``repr`` masked: a record's text may hold a personnummer or an address.

    An id is text a file chose, and a file may choose a personnummer; every record the
    library shows masks it, as every message does. A class decorator, over attrs'.
    """
    plain = cls.__repr__

    def masked(self: object) -> str:
        return mask_personal_data(plain(self))

    masked.__name__, masked.__qualname__ = "__repr__", f"{cls.__qualname__}.__repr__"
    cls.__repr__ = masked  # type: ignore[method-assign]
    return cls


def safe_repr(value: object, limit: int = 80) -> str:
    r"""``repr(value)``, shortened to *limit* characters, with personal data masked.

    Text is masked before its repr is taken too: ``repr`` writes some separators as
    escapes (a no-break space as ``\xa0``), which would hide a personnummer from masking.
    A number too long to write out is named by its length.
    """
    if isinstance(value, str):
        value = mask_personal_data(value)
    if isinstance(value, int) and value.bit_length() > 64:
        return f"a number of about {int(value.bit_length() * 0.30103)} digits"
    text = mask_personal_data(repr(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


class LedarskapError(Exception):
    """The root of every error raised by ledarskap."""


class MissingDependencyError(LedarskapError, ImportError):
    """An optional dependency (an extra such as ``ledarskap[xlsx]``) is not installed."""

    def __init__(self, package: str, extra: str, feature: str) -> None:
        self.package = package
        self.extra = extra
        self.feature = feature
        super().__init__(
            f"{feature} needs the optional package {package!r}: pip install 'ledarskap[{extra}]'"
        )


class FileAccessError(LedarskapError, OSError):
    """A file that cannot be read or written: a missing folder, no permission, a full disk.

    ``path`` is the file meant (never a temporary one), as given, for the tool to act on;
    the message masks personal data in it, as everywhere. When a write fails, the file
    that was there before is unchanged.
    """

    def __init__(self, path: str, action: str, reason: str) -> None:
        self.path = path
        self.action = action
        self.reason = reason
        super().__init__(f"{_shown_path(path)}: {mask_personal_data(f'cannot {action}: {reason}')}")


class ConflictError(FileAccessError):
    """A save refused because the file changed since it was read: someone else saved it.

    ``expected`` is the revision that was read (a :class:`ledarskap.io.revisions.Revision`),
    ``found`` the file's revision now (``None``: the file is gone). Nothing was written.
    Read the file again, make the change again and save; or save with ``overwrite=True``.

    .. versionadded:: 0.3
    """

    def __init__(self, path: str, expected: object, found: object | None) -> None:
        self.expected = expected
        self.found = found
        now = "the file is gone" if found is None else f"it is now revision {found}"
        super().__init__(
            path,
            "write",
            f"the file changed since it was read (revision {expected} was read, {now}): "
            "read it again, make the change again and save, or save with overwrite=True",
        )


class UsageError(LedarskapError, TypeError):
    """A call that lacks what it needs, such as an evaluation with neither ``as_of`` nor a cohort."""


class InvalidValueError(LedarskapError, ValueError):
    """A value broke an invariant of the model.

    ``location`` names the field (``Cohort.end``) or path; ``expected`` says what would
    have been valid; ``found`` is a masked rendering of what was given; ``hint``, if any,
    what was perhaps meant, rendered at the end ("…, found 'x' (did you mean …?)").
    """

    def __init__(
        self, *, location: str, expected: str, found: object, hint: str | None = None
    ) -> None:
        self.location = location
        self.expected = expected
        self.hint = hint
        shown = safe_repr(found)  # text quoted, other values as their repr; masked
        self.found = mask_personal_data(found) if isinstance(found, str) else shown
        after = f" ({hint})" if hint else ""
        super().__init__(f"{location}: expected {expected}, found {shown}{after}")


class InvalidPersonnummerError(InvalidValueError):
    """A personnummer that does not validate (format, date or check digit).

    The message never contains the number itself, only its masked form.
    """


class UnknownMunicipalityError(InvalidValueError, LookupError):
    """A municipality code or name that is not one of Sweden's 290 municipalities."""

    def __init__(self, *, location: str, found: object, suggestion: str | None = None) -> None:
        self.suggestion = suggestion
        super().__init__(
            location=location,
            expected="one of Sweden's 290 municipality codes or names",
            found=found,
            hint=f"did you mean {suggestion}?" if suggestion else None,
        )


class UnknownReferenceError(InvalidValueError, LookupError):
    """An id that names no record of the expected kind."""


class Problem:
    """One problem found while reading or checking data: where, what, and a stable code.

    This is the library's one problem type, for every input: a program document, a rule
    or rule-set file, a sheet, a case file. *Where* is kept in parts, so that an editor or a
    tool can point at it, and rendered one way by ``str()``:

    - ``source``: the file (or another name for the input), when there is one;
    - ``line``: the 1-based line in the source's text, when the format gives it;
    - ``row``: the row of a sheet, counted as a spreadsheet does (the header is row 1);
    - ``path``: where inside the data: a JSON path (``$.participants[2].id``), a key path
      (``rules[0].when``) or a field (``Cohort.end``);
    - ``column``: a sheet's column header as written in the file, or the 1-based column
      within an expression.

    *What* is the ``message``, with an optional ``hint`` ("did you mean …?") and an
    ``excerpt`` (the source line with a caret under the bad part). ``code`` is stable, for
    tools and tests. Personal data is masked in every part that holds text.

    >>> print(Problem("rules[1].level", "expected 'required' or 'advisory', found 'mandatory'",
    ...               code="invalid-level", source="demo.toml", line=10))
    demo.toml:10: rules[1].level: expected 'required' or 'advisory', found 'mandatory'
    >>> print(Problem("", "expected a municipality, found 'Linkööping'", source="deltagare.csv",
    ...               row=5, column="Kommun", hint="did you mean 'Linköping'?"))
    deltagare.csv, row 5, column 'Kommun': expected a municipality, found 'Linkööping' (did you mean 'Linköping'?)
    """

    __slots__ = ("code", "column", "excerpt", "hint", "line", "message", "path", "row", "source")

    def __init__(
        self,
        path: str,
        message: str,
        code: str = "invalid",
        *,
        source: str | None = None,
        line: int | None = None,
        row: int | None = None,
        column: str | int | None = None,
        hint: str | None = None,
        excerpt: str | None = None,
    ) -> None:
        self.path = mask_personal_data(path)
        self.message = mask_personal_data(message)
        self.code = code
        self.source = None if source is None else _shown_path(source)
        self.line = line
        self.row = row
        self.column = mask_personal_data(column) if isinstance(column, str) else column
        self.hint = None if hint is None else mask_personal_data(hint)
        self.excerpt = None if excerpt is None else mask_personal_data(excerpt)

    @property
    def location(self) -> str:
        """Where, in one line: ``demo.toml:7: rules[0].when``, ``deltagare.csv, row 5, column 'Kommun'``."""
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        if self.row is not None:
            where = f"{where}, row {self.row}" if where else f"row {self.row}"
        if self.path:
            where = f"{where}: {self.path}" if where else self.path
        if isinstance(self.column, str):
            where += f", column {mask_personal_data(repr(self.column))}"
        elif self.column is not None:
            where += f", column {self.column}"
        return where.removeprefix(", ") or "(top level)"

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        if self.excerpt:
            text += "\n" + self.excerpt
        return text

    def __repr__(self) -> str:
        parts = [repr(self.path), repr(self.message), f"code={self.code!r}"]
        parts += [
            f"{name}={getattr(self, name)!r}"
            for name in ("source", "line", "row", "column", "hint")
            if getattr(self, name) is not None
        ]
        return f"Problem({', '.join(parts)})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


class Problems:
    """The one collector of problems: add them as they are found, raise them once.

    A loader or checker keeps one collector, adds every problem it finds (with the
    collector's ``source`` unless a problem names its own), and at the end raises them all
    at once as one :class:`ProblemsError` of the kind it chooses.

    >>> problems = Problems(source="demo.toml")
    >>> problems.add("rules[0].id", "expected a text, found 12", line=3)
    >>> problems.raise_if_any(RuleError, "invalid rule set")
    Traceback (most recent call last):
    ...
    ledarskap.errors.RuleError: demo.toml: invalid rule set (1 problem)
      - demo.toml:3: rules[0].id: expected a text, found 12
    """

    __slots__ = ("_items", "source")

    def __init__(self, *, source: str | None = None) -> None:
        self.source = source
        self._items: list[Problem] = []

    def add(
        self,
        path: str,
        message: str,
        code: str = "invalid",
        *,
        source: str | None = None,
        line: int | None = None,
        row: int | None = None,
        column: str | int | None = None,
        hint: str | None = None,
        excerpt: str | None = None,
    ) -> None:
        """Add a problem (in the collector's source unless *source* is given)."""
        self._items.append(
            Problem(
                path,
                message,
                code,
                source=self.source if source is None else source,
                line=line,
                row=row,
                column=column,
                hint=hint,
                excerpt=excerpt,
            )
        )

    def append(self, problem: Problem) -> None:
        """Add a problem already made."""
        self._items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        """Add problems already made."""
        self._items.extend(problems)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def as_tuple(self) -> tuple[Problem, ...]:
        """The problems so far, in the order found."""
        return tuple(self._items)

    def raise_if_any(self, error: type[ProblemsError], summary: str) -> None:
        """Raise *error* with every problem found, if there is any."""
        if self._items:
            raise error(summary, self._items, source=self.source)


class ProblemsError(LedarskapError, ValueError):
    """Several problems, reported at once.

    ``problems`` holds every :class:`Problem`; the message lists them, one a line, after a
    summary naming the source (a file) when there is one.
    """

    def __init__(self, summary: str, problems: Iterable[Problem], *, source: str | None = None):
        self.problems: Sequence[Problem] = tuple(problems)
        self.source = source
        self.summary = summary
        head = f"{_shown_path(source)}: {summary}" if source else summary
        head = mask_personal_data(head)
        count = len(self.problems)
        lines = [f"{head} ({count} problem{'s' if count != 1 else ''})"]
        lines += [f"  - {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))


class DocumentError(ProblemsError):
    """A data file (JSON, TOML, CSV, XLSX) that cannot be read into the model."""


class FormatVersionError(DocumentError):
    """A document written by a newer ledarskap, or with no recognisable format version."""


class RuleError(ProblemsError):
    """A rule set that cannot be loaded, or a rule that cannot be evaluated."""
