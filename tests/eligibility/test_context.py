"""The arguments of an evaluation: checked in one place, the library's error naming each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ledarskap import example_program
from ledarskap.eligibility import EvaluationContext, default_ruleset
from ledarskap.errors import UsageError
from ledarskap.model import Application, Cohort


def test_as_of_is_required() -> None:
    with pytest.raises(UsageError, match="as_of"):
        default_ruleset().evaluate(
            Application(id="a-1", person_id="p-1", cohort_id="c-1", submitted=dt.date(2025, 4, 1))
        )


def _usage_error(call: Any) -> UsageError:
    """The error *call* raises, given a rule set, an application and a cohort."""
    app = Application(id="a-1", person_id="p-1", cohort_id="c-1", submitted=dt.date(2025, 4, 1))
    cohort = Cohort(
        id="c-1",
        program_id="liko",
        name="Omgång",
        start=dt.date(2025, 9, 1),
        end=dt.date(2026, 6, 30),
    )
    with pytest.raises(UsageError) as caught:
        call(default_ruleset(), app, cohort)
    return caught.value


@pytest.mark.parametrize(
    ("call", "where"),
    [
        (
            lambda r, a, c: r.evaluate(a, as_of="2025-09-01"),
            "as_of: expected a date (datetime.date) or None, found text '2025-09-01'",
        ),
        (
            lambda r, a, c: r.evaluate(a, as_of=dt.datetime(2025, 9, 1)),
            "as_of: expected a date (datetime.date) or None, found the date-time '2025-09-01T00:00:00'",
        ),
        (
            lambda r, a, c: r.evaluate(a, cohort="liko-2025"),
            "cohort: expected a Cohort or None, found text 'liko-2025'",
        ),
        (
            lambda r, a, c: r.evaluate(a, cohort=c, program="x"),
            "program: expected a ProgramData or None, found text 'x'",
        ),
        (
            lambda r, a, c: r.evaluate_many([a], program="x"),
            "program: expected a ProgramData or None, found text 'x'",
        ),
        (lambda r, a, c: r.evaluate(a), "as_of: expected a date, or a cohort"),
        (
            lambda r, a, c: r.evaluate(None, cohort=c),
            "application: expected an Application, found null",
        ),
        (
            lambda r, a, c: r.evaluate_many([a, None], as_of=c.start),
            "applications[1]: expected an Application, found null",
        ),
        (
            lambda r, a, c: r.evaluate_many([a, 7], cohort=c, explain=False),
            "applications[1]: expected an Application, found the number 7",
        ),
        (
            lambda r, a, c: EvaluationContext.for_cohort(as_of="2025-09-01"),  # type: ignore[arg-type]
            "as_of: expected a date (datetime.date) or None, found text '2025-09-01'",
        ),
    ],
)
def test_arguments_of_the_wrong_kind_are_usage_errors(call: Any, where: str) -> None:
    """Bad arguments give the library's error naming the argument, never an AttributeError."""
    error = _usage_error(call)
    assert str(error).startswith(where)
    assert isinstance(error, TypeError)


def test_the_program_keyword_of_for_cohort_is_deprecated_and_ignored() -> None:
    """``for_cohort(program=)`` still works for 0.3, with a warning; it never changed the context."""
    program = example_program()
    cohort = program.cohorts[0]
    with pytest.warns(DeprecationWarning, match=r"for_cohort\(program=...\) is deprecated"):
        old = EvaluationContext.for_cohort(cohort=cohort, program=program)
    assert old == EvaluationContext.for_cohort(cohort=cohort)


@pytest.mark.parametrize(
    ("call", "swedish"),
    [
        (
            lambda r, a, c: r.evaluate(a, as_of="2025-09-01"),
            "as_of: förväntade ett datum (datetime.date) eller None, fick texten '2025-09-01'",
        ),
        (
            lambda r, a, c: r.evaluate(a, cohort="liko-2025"),
            "cohort: förväntade en Cohort eller None, fick texten 'liko-2025'",
        ),
        (
            lambda r, a, c: r.evaluate(a),
            "as_of: förväntade ett datum, eller en omgång vars start är datumet, fick inget av "
            "dem (klockan läses aldrig)",
        ),
        (
            lambda r, a, c: r.evaluate_many([a, 7], cohort=c),
            "applications[1]: förväntade en Application, fick talet 7",
        ),
    ],
)
def test_a_bad_call_is_said_in_swedish(call: Any, swedish: str) -> None:
    """The same usage errors, whole in Swedish; their English unchanged (above)."""
    error = _usage_error(call)
    assert error.render("sv") == swedish
    assert error.render("en") == str(error)
