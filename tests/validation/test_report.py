"""The report of a validation: a sequence of findings that filters, renders and raises."""

from __future__ import annotations

import json

import pytest

import ledarskap
from ledarskap.errors import InvalidValueError, LedarskapError, ProblemsError
from ledarskap.validation import (
    Finding,
    Severity,
    ValidationError,
    ValidationReport,
    validate,
)


def _broken() -> ValidationReport:
    """Two errors and two warnings, as validate finds them in a program with four faults."""
    return ValidationReport(
        [
            Finding.of(
                "session.overlap",
                "cohorts[0].sessions[1]",
                "s2",
                session="s2",
                start="2025-09-11",
                end="2025-09-11",
                cohort="c-1",
                other="s1",
            ),
            Finding.of(
                "id.dangling",
                "participants[0].appointment_id",
                "d-1",
                field="appointment_id",
                id="a-missing",
                target="appointments",
            ),
            Finding.of(
                "cohort.over-capacity",
                "cohorts[0].capacity",
                "c-1",
                cohort="c-1",
                count=3,
                capacity=2,
            ),
            Finding.of(
                "mentor.over-capacity",
                "mentors[0].capacity",
                "mentor-lkp",
                mentor="mentor-lkp",
                count=2,
                capacity=1,
                on="2025-09-12",
            ),
        ]
    )


def test_report_filters() -> None:
    report = _broken()
    assert not report.ok
    assert {f.code for f in report.errors} == {"id.dangling", "mentor.over-capacity"}
    assert {f.code for f in report.warnings} == {"session.overlap", "cohort.over-capacity"}
    assert len(report.filter(code="mentor.")) == 1
    assert len(report.filter(code=["id.dangling", "session.overlap"])) == 2
    assert len(report.filter(severity="warning")) == 2
    assert report.filter(record_id="mentor-lkp")[0].code == "mentor.over-capacity"
    assert {f.code for f in report.filter(location="cohorts[0]")} == {
        "session.overlap",
        "cohort.over-capacity",
    }
    assert len(report.filter(location="cohorts[0].sessions")) == 1
    assert report.filter(code="nothing.like-this") == ValidationReport()
    assert report.warnings.ok


def test_report_renders_grouped_in_both_languages() -> None:
    report = _broken()
    sv, en = report.render("sv"), report.render("en")
    assert sv.splitlines()[0] == "Validering: 2 fel, 2 varningar"
    assert en.splitlines()[0] == "Validation: 2 errors, 2 warnings"
    assert str(report) == sv
    # errors come before warnings, each group headed by its code
    heads = [line for line in en.splitlines() if line and not line.startswith(" ")][1:]
    assert [h.split()[0] for h in heads] == ["error", "error", "warning", "warning"]
    assert "Mentor mentor-lkp has 2 adepts at once (on 2025-09-12) but takes at most 1." in en
    assert "Mentorn mentor-lkp har 2 adepter samtidigt" in sv
    assert ValidationReport().render("sv") == "Validering: 0 fel, 0 varningar: inga problem."
    assert ValidationReport().render("en") == "Validation: 0 errors, 0 warnings: no problems."


def test_report_converts_to_json_compatible_data() -> None:
    data = _broken().to_data()
    assert json.loads(json.dumps(data)) == data
    first = data[0]
    assert set(first) == {"code", "severity", "location", "record_id", "message", "params"}
    assert set(first["message"]) == {"sv", "en"}


def test_raise_for_errors() -> None:
    assert ValidationReport().raise_for_errors().ok
    with pytest.raises(ValidationError) as info:
        _broken().raise_for_errors()
    error = info.value
    assert isinstance(error, ProblemsError)
    assert isinstance(error, LedarskapError)
    assert isinstance(error, ValueError)
    assert len(error.problems) == 2
    assert {p.code for p in error.problems} == {"id.dangling", "mentor.over-capacity"}
    assert "participants[0].appointment_id (d-1)" in str(error)
    assert len(error.report) == 4
    # warnings alone do not raise
    assert _broken().warnings.raise_for_errors()


def test_report_is_a_sequence() -> None:
    report = _broken()
    assert len(report[1:]) == len(report) - 1
    assert report[0] in report
    assert report == _broken()
    assert hash(report) == hash(_broken())
    assert repr(report) == "<ValidationReport: 2 errors, 2 warnings>"
    assert str(report.filter(code="id.dangling")[0]).startswith(
        "participants[0].appointment_id (d-1): "
    )
    assert report.findings == tuple(report)


def test_top_level_names() -> None:
    assert ledarskap.validate is validate
    assert ledarskap.ValidationReport is ValidationReport
    assert ledarskap.Finding is Finding
    assert ledarskap.Severity is Severity
    assert ledarskap.ValidationError is ValidationError


def test_an_unknown_language_or_severity_is_refused() -> None:
    report = _broken()
    with pytest.raises(InvalidValueError, match="language: expected 'sv' or 'en', found 'de'"):
        report.render("de")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="severity: expected 'error' or 'warning'"):
        report.filter(severity="fel")


def test_a_finding_renders_as_a_problem() -> None:
    """A finding's one rendering is the Problem's: location with the record's id, then the message."""
    finding = _broken()[1]
    problem = finding.to_problem("en")
    assert str(problem) == (
        "participants[0].appointment_id (d-1): appointment_id refers to a-missing, which is not "
        "in appointments."
    )
    assert problem.code == "id.dangling"
    assert (
        str(finding)
        == str(finding.to_problem("sv"))
        == (
            "participants[0].appointment_id (d-1): appointment_id hänvisar till "
            "a-missing, som inte finns i appointments."
        )
    )
    assert f"  {problem}" in _broken().render("en").splitlines()


def test_the_error_speaks_the_language_asked_for() -> None:
    with pytest.raises(ValidationError, match="programmets data bryter mot regler"):
        _broken().raise_for_errors(language="sv")
    with pytest.raises(InvalidValueError, match="language"):
        _broken().raise_for_errors(language="de")  # type: ignore[arg-type]


def test_a_finding_needs_a_known_code() -> None:
    with pytest.raises(InvalidValueError, match=r"Finding\.code: expected a code of MESSAGES"):
        Finding.of("nothing.like-this", "people[0]")


def test_a_report_equals_only_a_report() -> None:
    assert _broken() != list(_broken())
    assert _broken() != ValidationReport()


_ERRORS_SV = (
    "programmets data bryter mot regler mellan poster (2 problem)\n"
    "  - participants[0].appointment_id (d-1): appointment_id hänvisar till a-missing, "
    "som inte finns i appointments.\n"
    "  - mentors[0].capacity (mentor-lkp): Mentorn mentor-lkp har 2 adepter samtidigt "
    "(2025-09-12) men tar emot högst 1."
)
_ERRORS_EN = (
    "the program data breaks cross-record rules (2 problems)\n"
    "  - participants[0].appointment_id (d-1): appointment_id refers to a-missing, which is "
    "not in appointments.\n"
    "  - mentors[0].capacity (mentor-lkp): Mentor mentor-lkp has 2 adepts at once "
    "(on 2025-09-12) but takes at most 1."
)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_error_renders_in_either_language_whichever_it_was_raised_in(language: str) -> None:
    """``str(error)`` is the language raised in; ``render`` gives both, whole, either way."""
    with pytest.raises(ValidationError) as caught:
        _broken().raise_for_errors(language=language)  # type: ignore[arg-type]
    error = caught.value
    assert error.render("sv") == _ERRORS_SV
    assert error.render("en") == _ERRORS_EN
    assert str(error) == (_ERRORS_SV if language == "sv" else _ERRORS_EN)
    assert [p.render("sv") for p in error.problems] == _ERRORS_SV.replace("  - ", "").splitlines()[
        1:
    ]


def test_bad_arguments_to_a_report_are_said_in_swedish() -> None:
    with pytest.raises(InvalidValueError) as severity:
        _broken().filter(severity="fel")
    assert severity.value.render("sv") == "severity: förväntade 'error' eller 'warning', fick 'fel'"
    with pytest.raises(InvalidValueError) as code:
        Finding.of("nothing.like-this", "people[0]")
    assert code.value.render("sv") == (
        "Finding.code: förväntade en kod ur MESSAGES, fick 'nothing.like-this'"
    )
    with pytest.raises(InvalidValueError) as language:
        _broken().render("de")  # type: ignore[arg-type]
    assert language.value.render("sv") == "language: förväntade 'sv' eller 'en', fick 'de'"


def test_a_finding_without_a_record_is_raised_at_its_location_alone() -> None:
    report = ValidationReport(
        [Finding.of("id.dangling", "program.id", field="id", id="x", target="program")]
    )
    with pytest.raises(ValidationError) as caught:
        report.raise_for_errors()
    (problem,) = caught.value.problems
    assert problem.path == "program.id"
    assert problem.render("sv") == "program.id: id hänvisar till x, som inte finns i program."
