"""The result of :func:`ledarskap.validate`: findings, each with a code, severity and location.

A :class:`ValidationReport` is an immutable sequence of :class:`Finding` values. It prints
grouped by code in Swedish or English, converts to JSON-compatible data, and filters:

>>> from ledarskap.validation import Finding, ValidationReport
>>> report = ValidationReport([
...     Finding.of("adept.no-mentor", "participants[3]", "d-4", participant="d-4", cohort="c-1"),
...     Finding.of("session.overlap", "cohorts[0].sessions[2]", "s-3", session="s-3",
...                start="2025-10-01", end="2025-10-02", cohort="c-1", other="s-2"),
... ])
>>> report.ok, len(report.errors), len(report.warnings)
(False, 1, 1)
>>> print(report.render("en"))
Validation: 1 error, 1 warning
<BLANKLINE>
error adept.no-mentor: Adept without a mentor (1)
  participants[3] (d-4): Participant d-4 of cohort c-1 has no mentor.
<BLANKLINE>
warning session.overlap: Overlapping sessions (1)
  cohorts[0].sessions[2] (s-3): Session s-3 (2025-10-01–2025-10-02) of cohort c-1 overlaps session s-2.
>>> report.filter(record_id="d-4")[0].code
'adept.no-mentor'
>>> report.to_data()[0]["message"]["sv"]
'Deltagaren d-4 i omgången c-1 har ingen mentor.'

Every text a finding holds has personal data masked (a personnummer-like id becomes
``19XXXXXX-XX95``), so a report can be printed, logged and shared.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from ledarskap.errors import (
    InvalidValueError,
    Problem,
    ProblemsError,
    mask_personal_data,
    masked_repr,
)
from ledarskap.model._methods import lazy_methods
from ledarskap.text import LANGUAGES, Language, Text, checked_language

from .messages import MESSAGES, Message, Severity

__all__ = ["Finding", "ValidationError", "ValidationReport"]

Param = str | int


def _masked_params(params: Iterable[tuple[str, Param]]) -> tuple[tuple[str, Param], ...]:
    return tuple(
        (name, mask_personal_data(value) if isinstance(value, str) else value)
        for name, value in params
    )


def _masked_id(value: str | None) -> str | None:
    return None if value is None else mask_personal_data(value)


def _entry(code: str) -> Message:
    """The catalogue entry of *code*; the library's error if it has none."""
    entry = MESSAGES.get(code)
    if entry is None:
        raise InvalidValueError(
            location="Finding.code",
            expected=Text("en kod ur MESSAGES", "a code of MESSAGES"),
            found=code,
        )
    return entry


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Finding:
    """One problem found by :func:`ledarskap.validate`.

    ``code`` names the rule (see :data:`~ledarskap.validation.MESSAGES`); ``location`` is
    the path to the record in the data (``participants[12].appointment_id``) and
    ``record_id`` that record's id; ``params`` fill the message templates. Every text is
    masked for personal data when the finding is made.
    """

    code: str = attrs.field()
    severity: Severity
    location: str = attrs.field(converter=mask_personal_data)
    record_id: str | None = attrs.field(default=None, converter=_masked_id)
    params: tuple[tuple[str, Param], ...] = attrs.field(default=(), converter=_masked_params)

    @code.validator
    def _known(self, _: attrs.Attribute[str], value: str) -> None:
        _entry(value)

    @classmethod
    def of(
        cls, code: str, location: str, record_id: str | None = None, /, **params: Param
    ) -> Finding:
        """A finding of *code*, with the severity the catalogue gives it."""
        return cls(
            code=code,
            severity=_entry(code).severity,
            location=location,
            record_id=record_id,
            params=tuple(params.items()),
        )

    @property
    def entry(self) -> Message:
        """The catalogue entry of this finding's code."""
        return MESSAGES[self.code]

    @property
    def is_error(self) -> bool:
        """Whether the finding is an error (not a warning)."""
        return self.severity is Severity.ERROR

    def message(self, language: Language = "sv") -> str:
        """The message in Swedish (``"sv"``) or English (``"en"``)."""
        return self.entry.render(checked_language(language), **dict(self.params))

    def to_data(self) -> dict[str, Any]:
        """The finding as JSON-compatible data, with the message in both languages."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "location": self.location,
            "record_id": self.record_id,
            "message": {language: self.message(language) for language in LANGUAGES},
            "params": dict(self.params),
        }

    def to_problem(self, language: Language = "en") -> Problem:
        """The finding as a :class:`~ledarskap.errors.Problem`, in *language*.

        This is how a finding is rendered everywhere (``str()``, a report, an exception):
        the location is the path to the record with the record's id,
        ``participants[3] (d-4)``; the finding's code is the problem's ``code``.
        """
        return Problem(_where(self), self.message(language), code=self.code)

    def __str__(self) -> str:
        return str(self.to_problem("sv"))


def _where(finding: Finding) -> str:
    """Where a finding is: the path to the record, with the record's id."""
    if finding.record_id is None:
        return finding.location
    return f"{finding.location} ({finding.record_id})"


def _in_both(finding: Finding) -> Problem:
    """*finding* as a :class:`~ledarskap.errors.Problem` worded in Swedish and English."""
    message = Text(finding.message("sv"), finding.message("en"))
    return Problem(_where(finding), message, code=finding.code)


class ValidationError(ProblemsError):
    """Raised by :meth:`ValidationReport.raise_for_errors` when the data has errors.

    ``report`` is the whole report (warnings included); ``problems`` are its errors.
    ``str(error)`` is in the *language* the error was raised in; :meth:`render` gives
    either (``summary`` and each problem's ``message`` hold the English).

    >>> report = ValidationReport([Finding.of("adept.no-mentor", "participants[3]", "d-4",
    ...                                       participant="d-4", cohort="c-1")])
    >>> print(ValidationError(report).render("sv"))
    programmets data bryter mot regler mellan poster (1 problem)
      - participants[3] (d-4): Deltagaren d-4 i omgången c-1 har ingen mentor.

    .. versionadded:: 0.1
    .. versionchanged:: 0.3
       :meth:`render` in either language, whichever the error was raised in.
    """

    def __init__(self, report: ValidationReport, *, language: Language = "en") -> None:
        self.report = report
        self.language = checked_language(language)
        super().__init__(_BREAKS_RULES, (_in_both(f) for f in report.errors))
        if self.language == "sv":
            self.args = (self.render("sv"),)

    def render(self, language: Language) -> str:
        """The summary and every error, one a line, in *language*: ``"sv"`` or ``"en"``."""
        if checked_language(language) == "en":
            return self._listed("en", self.summary)
        return super().render("sv")


_BREAKS_RULES = Text(
    "programmets data bryter mot regler mellan poster",
    "the program data breaks cross-record rules",
)
_HEAD = Text("Validering", "Validation")
_ERRORS = {False: Text("fel", "error"), True: Text("fel", "errors")}
_WARNINGS = {False: Text("varning", "warning"), True: Text("varningar", "warnings")}
_NO_PROBLEMS = Text("inga problem", "no problems")


class ValidationReport(Sequence[Finding]):
    """Every finding of a validation, in the order the checks ran.

    A read-only sequence of :class:`Finding`: ``len()``, iteration, indexing. ``ok`` is
    true when there is no error (warnings allowed).
    """

    __slots__ = ("_findings",)

    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        self._findings: tuple[Finding, ...] = tuple(findings)

    # The sequence ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._findings)

    def __contains__(self, item: object) -> bool:
        return item in self._findings

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> ValidationReport: ...
    def __getitem__(self, index: int | slice) -> Finding | ValidationReport:
        if isinstance(index, slice):
            return ValidationReport(self._findings[index])
        return self._findings[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ValidationReport):
            return NotImplemented
        return self._findings == other._findings

    def __hash__(self) -> int:
        return hash(self._findings)

    def __repr__(self) -> str:
        return f"<ValidationReport: {len(self.errors)} errors, {len(self.warnings)} warnings>"

    def __str__(self) -> str:
        return self.render()

    # Queries ---------------------------------------------------------------------------

    @property
    def findings(self) -> tuple[Finding, ...]:
        """All findings, as a tuple."""
        return self._findings

    @property
    def ok(self) -> bool:
        """Whether there is no error (warnings may remain)."""
        return not any(f.is_error for f in self._findings)

    @property
    def errors(self) -> ValidationReport:
        """The errors only."""
        return self.filter(severity=Severity.ERROR)

    @property
    def warnings(self) -> ValidationReport:
        """The warnings only."""
        return self.filter(severity=Severity.WARNING)

    @property
    def codes(self) -> dict[str, int]:
        """How many findings of each code, in the catalogue's order."""
        counts = dict.fromkeys(MESSAGES, 0)
        for finding in self._findings:
            counts[finding.code] += 1
        return {code: n for code, n in counts.items() if n}

    def filter(
        self,
        *,
        code: str | Iterable[str] | None = None,
        severity: Severity | str | None = None,
        record_id: str | None = None,
        location: str | None = None,
    ) -> ValidationReport:
        """The findings that match every criterion given.

        *code* is one code or several; a code ending in ``.`` matches a whole family
        (``"mentor."``). *severity* is a :class:`Severity` or its value (``"error"``).
        *location* matches a location and everything below it (``"cohorts[0]"``).
        """
        tests: list[Callable[[Finding], bool]] = []
        if code is not None:
            codes = (code,) if isinstance(code, str) else tuple(code)
            tests.append(lambda f: any(_code_matches(f.code, c) for c in codes))
        if severity is not None:
            try:
                wanted = Severity(severity)
            except ValueError:
                values = [repr(s.value) for s in Severity]
                raise InvalidValueError(
                    location="severity",
                    expected=Text(" eller ".join(values), " or ".join(values)),
                    found=severity,
                ) from None
            tests.append(lambda f: f.severity is wanted)
        if record_id is not None:
            masked = mask_personal_data(record_id)
            tests.append(lambda f: f.record_id == masked)
        if location is not None:
            tests.append(lambda f: _below(f.location, location))
        return ValidationReport(f for f in self._findings if all(t(f) for t in tests))

    # Output ----------------------------------------------------------------------------

    def render(self, language: Language = "sv") -> str:
        """The report as text, grouped by code, in Swedish or English.

        Errors come first, then warnings, each in the catalogue's order; within a group,
        findings keep the order the checks found them in.
        """
        language = checked_language(language)
        errors, warnings = len(self.errors), len(self.warnings)
        head = (
            f"{_HEAD.render(language)}: {errors} {_ERRORS[errors != 1].render(language)}, "
            f"{warnings} {_WARNINGS[warnings != 1].render(language)}"
        )
        if not self._findings:
            return f"{head}: {_NO_PROBLEMS.render(language)}."
        lines = [head]
        groups: dict[str, list[Finding]] = {}
        for finding in self._findings:
            groups.setdefault(finding.code, []).append(finding)
        order = sorted(groups, key=lambda c: (MESSAGES[c].severity is not Severity.ERROR, _RANK[c]))
        for code in order:
            entry = MESSAGES[code]
            members = groups[code]
            lines.append("")
            lines.append(
                f"{entry.severity.label(language)} {code}: {entry.title(language)} ({len(members)})"
            )
            lines.extend(f"  {f.to_problem(language)}" for f in members)
        return "\n".join(lines)

    def to_data(self) -> list[dict[str, Any]]:
        """Every finding as JSON-compatible data (see :meth:`Finding.to_data`)."""
        return [finding.to_data() for finding in self._findings]

    def raise_for_errors(self, *, language: Language = "en") -> ValidationReport:
        """Raise :class:`ValidationError` if there is an error; otherwise return the report."""
        if not self.ok:
            raise ValidationError(self, language=checked_language(language))
        return self


_RANK = {code: rank for rank, code in enumerate(MESSAGES)}


def _code_matches(code: str, wanted: str) -> bool:
    return code.startswith(wanted) if wanted.endswith(".") else code == wanted


def _below(location: str, prefix: str) -> bool:
    return location == prefix or (location.startswith(prefix) and location[len(prefix)] in ".[")
