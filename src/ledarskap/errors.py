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

import re
from collections.abc import Iterable, Sequence

__all__ = [
    "DocumentError",
    "FileAccessError",
    "FormatVersionError",
    "InvalidPersonnummerError",
    "InvalidValueError",
    "LedarskapError",
    "MissingDependencyError",
    "Problem",
    "ProblemsError",
    "RuleError",
    "UnknownMunicipalityError",
    "UnknownReferenceError",
    "UsageError",
    "mask_personal_data",
    "safe_repr",
]

# A personnummer or samordningsnummer in any of its common spellings.
_PNR = re.compile(r"(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})([-+ ]?)(\d{2})(\d)(\d)(?!\d)")
# Anything with an @ in it, well-formed or not ("anna.berg@", "lars@example"): an address
# mistyped in a file is as personal as a correct one.
_EMAIL = re.compile(r"[^\s'\"<>(),;:@]+@[^\s'\"<>(),;:]*|@[^\s'\"<>(),;:@]+")


def mask_personal_data(text: str) -> str:
    """Mask every personnummer-like number and e-mail address in *text*.

    Only the last two digits of a personnummer survive, as in ``19XXXXXX-XX12``; of an
    e-mail address, well-formed or not, the first letter and the domain.

    >>> mask_personal_data("pnr 19850312-2395, mail anna.berg@linkoping.se")
    'pnr 19XXXXXX-XX95, mail a…@linkoping.se'

    Masking is idempotent: masked text is left as it is.
    """

    def pnr(match: re.Match[str]) -> str:
        return f"{match.group(1) or ''}XXXXXX-XX{match.group(7)}{match.group(8)}"

    def email(match: re.Match[str]) -> str:
        local, _, domain = match.group(0).partition("@")
        if local.endswith("…") and len(local) <= 2:  # already masked
            return match.group(0)
        return f"{local[:1]}…@{domain.rpartition('@')[2]}"

    return _EMAIL.sub(email, _PNR.sub(pnr, text))


def safe_repr(value: object, limit: int = 80) -> str:
    """``repr(value)``, shortened to *limit* characters, with personal data masked."""
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

    ``path`` is the file meant (never a temporary one); when a write fails, the file that
    was there before is unchanged.
    """

    def __init__(self, path: str, action: str, reason: str) -> None:
        self.path = path
        self.action = action
        self.reason = reason
        super().__init__(f"{path}: cannot {action}: {reason}")


class UsageError(LedarskapError, TypeError):
    """A call that lacks what it needs, such as an evaluation with neither ``as_of`` nor a cohort."""


class InvalidValueError(LedarskapError, ValueError):
    """A value broke an invariant of the model.

    ``location`` names the field (``Cohort.end``) or path; ``expected`` says what would
    have been valid; ``found`` is a masked rendering of what was given.
    """

    def __init__(self, *, location: str, expected: str, found: object) -> None:
        self.location = location
        self.expected = expected
        shown = safe_repr(found)  # text quoted, other values as their repr; masked
        self.found = mask_personal_data(found) if isinstance(found, str) else shown
        super().__init__(f"{location}: expected {expected}, found {shown}")


class InvalidPersonnummerError(InvalidValueError):
    """A personnummer that does not validate (format, date or check digit).

    The message never contains the number itself, only its masked form.
    """


class UnknownMunicipalityError(InvalidValueError, LookupError):
    """A municipality code or name that is not one of Sweden's 290 municipalities."""

    def __init__(self, *, location: str, found: object, suggestion: str | None = None) -> None:
        expected = "one of Sweden's 290 municipality codes or names"
        if suggestion:
            expected += f" (did you mean {suggestion}?)"
        self.suggestion = suggestion
        super().__init__(location=location, expected=expected, found=found)


class UnknownReferenceError(InvalidValueError, LookupError):
    """An id that names no record of the expected kind."""


class Problem:
    """One problem found while reading or checking data: where, what, and a stable code.

    Problems are collected so that a loader can report all of them at once.
    """

    __slots__ = ("code", "location", "message")

    def __init__(self, location: str, message: str, code: str = "invalid") -> None:
        self.location = location
        self.message = mask_personal_data(message)
        self.code = code

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({self.location!r}, {self.message!r}, code={self.code!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.location, self.message, self.code) == (
            other.location,
            other.message,
            other.code,
        )

    def __hash__(self) -> int:
        return hash((self.location, self.message, self.code))


class ProblemsError(LedarskapError, ValueError):
    """Several problems, reported at once.

    ``problems`` holds every :class:`Problem`; the message lists them, one a line, after a
    summary naming the source (a file) when there is one.
    """

    def __init__(self, summary: str, problems: Iterable[Problem], *, source: str | None = None):
        self.problems: Sequence[Problem] = tuple(problems)
        self.source = source
        self.summary = summary
        head = f"{source}: {summary}" if source else summary
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
