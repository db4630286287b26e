"""What a rule is evaluated against: an application's facts, the date, the cohort, parameters.

The facts are the :class:`~ledarskap.model.Application` itself (``None`` fields are
unknown facts). :func:`facts_of` fills facts the application leaves open from the
appointment it was made from, when the program's data is at hand. The
:class:`EvaluationContext` holds everything else a rule may read: the reference date
``as_of`` (always explicit: nothing here reads the clock), the cohort (its collaborating
municipalities), and the parameters in force on ``as_of``. :func:`resolve_as_of` and
:func:`check_applications` are the one check of an evaluation's arguments.

>>> import datetime as dt
>>> from ledarskap.eligibility import EvaluationContext
>>> ctx = EvaluationContext(as_of=dt.date(2025, 9, 1), collaborating=frozenset({"0580"}))
>>> ctx.collaborating
frozenset({'0580'})

.. versionadded:: 0.2
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ledarskap._deprecation import warn_deprecated
from ledarskap._found import describe
from ledarskap.errors import UsageError, masked_repr
from ledarskap.model import Application, Cohort, ProgramData
from ledarskap.text import Text

__all__ = ["EvaluationContext", "check_applications", "facts_of", "resolve_as_of"]


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return dict(value)


@masked_repr
@attrs.frozen(kw_only=True)
class EvaluationContext:
    """Everything but the applicant's own facts that a rule can read.

    ``collaborating`` is the set of municipality codes collaborating in the cohort, or
    ``None`` if not known (then "employed by a collaborating municipality" is unknown).
    ``parameters`` are the rule set's parameters as in force on ``as_of``.
    """

    as_of: dt.date
    cohort: Cohort | None = None
    collaborating: frozenset[str] | None = None
    parameters: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)

    @classmethod
    def for_cohort(
        cls,
        *,
        as_of: dt.date | None = None,
        cohort: Cohort | None = None,
        parameters: Mapping[str, Any] | None = None,
        program: ProgramData | None = None,
    ) -> EvaluationContext:
        """The context of an evaluation: ``as_of`` defaults to the cohort's start.

        The collaborating municipalities are the cohort's collaborations when it has any,
        otherwise the parameter ``collaborating_municipalities`` when the rule set has one.

        .. deprecated:: 0.3
           *program* was never read; it is ignored, and goes in 0.4. Pass the program to
           :meth:`~ledarskap.eligibility.RuleSet.evaluate`, which fills the facts from it.
        """
        if program is not None:
            warn_deprecated(
                "EvaluationContext.for_cohort(program=...)", "RuleSet.evaluate(program=...)"
            )
        as_of = resolve_as_of(as_of, cohort)
        parameters = dict(parameters or {})
        collaborating: frozenset[str] | None = None
        if cohort is not None and cohort.collaborations:
            collaborating = frozenset(m.code for m in cohort.municipalities)
        elif parameters.get("collaborating_municipalities") is not None:
            collaborating = frozenset(parameters["collaborating_municipalities"])
        return cls(
            as_of=as_of,
            cohort=cohort,
            collaborating=collaborating,
            parameters=parameters,
        )


_NO_DAY = Text(
    "as_of: förväntade ett datum, eller en omgång vars start är datumet, fick inget av dem "
    "(klockan läses aldrig)",
    "as_of: expected a date, or a cohort whose start is the date, found neither "
    "(the clock is never read)",
)


def resolve_as_of(as_of: object, cohort: object, program: object = None) -> dt.date:
    """The date of an evaluation: *as_of*, else the cohort's start; never today's date.

    The one place the arguments of an evaluation are checked: an *as_of* that is not a
    ``datetime.date`` (text, a ``datetime``), a *cohort* that is not a
    :class:`~ledarskap.model.Cohort` or a *program* that is not a
    :class:`~ledarskap.model.ProgramData` is a :class:`~ledarskap.errors.UsageError`
    naming the argument, what was expected and what was found; so is neither a date nor
    a cohort.
    """
    for name, value, kind, expected in (
        ("as_of", as_of, dt.date, Text("ett datum (datetime.date)", "a date (datetime.date)")),
        ("cohort", cohort, Cohort, Text("en Cohort", "a Cohort")),
        ("program", program, ProgramData, Text("en ProgramData", "a ProgramData")),
    ):
        if value is not None and (not isinstance(value, kind) or isinstance(value, dt.datetime)):
            raise UsageError(
                Text(
                    f"{name}: förväntade {expected.sv} eller None, fick {describe(value, 'sv')}",
                    f"{name}: expected {expected.en} or None, found {describe(value)}",
                )
            )
    if isinstance(as_of, dt.date):
        return as_of
    if not isinstance(cohort, Cohort):
        raise UsageError(_NO_DAY)
    return cohort.start


def check_applications(applications: Sequence[object], name: str = "applications") -> None:
    """Raise :class:`~ledarskap.errors.UsageError` for anything but an Application."""
    if set(map(type, applications)) <= {Application}:  # the common case, checked in C
        return
    for index, application in enumerate(applications):
        if not isinstance(application, Application):
            where = name if name == "application" else f"{name}[{index}]"
            raise UsageError(
                Text(
                    f"{where}: förväntade en Application, fick {describe(application, 'sv')}",
                    f"{where}: expected an Application, found {describe(application)}",
                )
            )


def _expected(where: str, sv: str, en: str, found: object) -> UsageError:
    kind = type(found).__name__
    return UsageError(
        Text(f"{where}: förväntade {sv}, fick {kind}", f"{where}: expected {en}, found {kind}")
    )


def facts_of(application: Application, program: ProgramData | None) -> Application:
    """The application, with facts it leaves unknown filled from its appointment on record.

    Only ``None`` facts are filled, and only when *program* holds the appointment named by
    ``application.appointment_id``: what the applicant stated always wins.
    """
    if not isinstance(application, Application):
        raise _expected("facts_of(application)", "en Application", "an Application", application)
    if program is not None and not isinstance(program, ProgramData):
        raise _expected("facts_of(program)", "en ProgramData", "a ProgramData", program)
    if program is None or application.appointment_id is None:
        return application
    try:
        job = program.appointment(application.appointment_id)
    except LookupError:
        return application
    changes: dict[str, Any] = {}
    if application.municipality is None:
        changes["municipality"] = job.municipality
    if application.organisation is None:
        changes["organisation"] = job.organisation
    if application.organisation_kind is None:
        changes["organisation_kind"] = job.organisation_kind
    if application.position is None and job.position is not None:
        changes["position"] = job.position
    if application.in_position_since is None:
        changes["in_position_since"] = job.start
    if application.reports_to is None:
        changes["reports_to"] = job.reports_to
    if application.staff_function is None and job.staff_function is not None:
        changes["staff_function"] = job.staff_function
    if application.leads_staff_function is None:
        changes["leads_staff_function"] = job.staff_function is not None
    return attrs.evolve(application, **changes) if changes else application
