"""The demo: ``ledarskap demo [PATH]`` summarises a program document (``make demo``).

``demo.main``, what ``python -m ledarskap`` ran before the command, is deprecated: its
tests check that it still works, and warns.
"""

from __future__ import annotations

import io
import runpy
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import ledarskap
from ledarskap import ProgramData, demo, testing
from ledarskap.errors import UsageError


def test_the_summary_of_the_example_program(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.warns(DeprecationWarning, match=r"ledarskap\.demo\.main is deprecated"):
        assert demo.main([]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("Ledarskap i kommuner (LiKO)\n")
    assert "Organiser (anordnare): CKS (Centrum för kommunstrategiska studier" in out
    assert "Omgång 2025/26 (liko-2025): 2025-09-15 – 2026-09-30" in out
    assert "Collaborating municipalities (19):" in out
    assert "2025-09-17 – 2025-09-19   internat   Uppstartsinternat" in out
    assert "återträff  Digital återträff (online)" in out
    assert "Stödgrupp Roxen: 5 participants" in out
    assert "Participants (deltagare, 25) by municipality:" in out
    assert "förvaltningschef (chef direkt mot politisk ledning)" in out
    assert "Norrköping       → Linköping" in out
    assert "@" not in out


def test_participants_are_counted_by_municipality() -> None:
    data = ledarskap.example_program()
    lines = demo.participant_lines(data, data.cohorts[0])
    assert lines[1].split() == ["Linköping", "3"]
    assert sum(int(line.split()[-1]) for line in lines[1:18]) == 25


def test_mentor_pairs_count_meetings_held() -> None:
    data = ledarskap.example_program()
    lines = demo.mentor_pair_lines(data, data.cohorts[0])
    assert len(lines) == 1 + 25
    assert lines[1].split() == ["Norrköping", "→", "Linköping", "6"]


def test_a_given_file_is_summarised(tmp_path: Path) -> None:
    path = tmp_path / "program.json"
    ledarskap.dump(ledarskap.example_program(), path)
    out = io.StringIO()
    with pytest.warns(DeprecationWarning, match="demo.main"):
        assert demo.main([str(path)], out=out) == 0
    assert out.getvalue() == demo.summary(ledarskap.example_program()) + "\n"


def test_a_missing_file_is_an_error_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.warns(DeprecationWarning, match="demo.main"):
        assert demo.main([str(tmp_path / "nowhere.json")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert (
        err == f"ledarskap: {tmp_path / 'nowhere.json'}: cannot read: No such file or directory\n"
    )


def test_a_bad_file_shows_the_librarys_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "program.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.warns(DeprecationWarning, match="demo.main"):
        assert demo.main([str(path)]) == 1
    _, err = capsys.readouterr()
    assert err.startswith(f"ledarskap: {path}: not a program document")
    assert "Traceback" not in err


def test_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.warns(DeprecationWarning, match="demo.main"):
        assert demo.main(["--help"]) == 0
    with pytest.warns(DeprecationWarning, match="demo.main"):
        assert demo.main(["a.json", "b.json"]) == 2
    _, err = capsys.readouterr()
    assert err.count("usage: python -m ledarskap [PATH]") == 2


def test_a_program_without_short_name_or_site() -> None:

    data = ledarskap.example_program()
    organiser = attrs.evolve(data.program.organiser, site=None)
    program = attrs.evolve(data.program, short_name=None, organiser=organiser, themes=())
    lines = demo.program_lines(attrs.evolve(data, program=program))
    assert lines[0] == "Ledarskap i kommuner"
    assert lines[1].endswith("Linköpings universitet)")
    assert lines[3].endswith(": -")


def test_python_dash_m_ledarskap_runs_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ledarskap", "demo", "/nonexistent/program.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("ledarskap: /nonexistent/program.json: cannot read")
    assert "Traceback" not in result.stderr


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(testing.program_data(max_cohorts=2, max_participants=4))
def test_every_cohort_and_pair_is_summarised(data: ProgramData) -> None:
    """The summary of any valid program names every cohort and lists one line per pair."""
    text = demo.summary(data)
    for cohort in data.cohorts:
        assert f"{cohort.name} ({cohort.id})" in text
        pairs = demo.mentor_pair_lines(data, cohort)
        adepts = {p.id for p in data.participants_of(cohort.id)}
        assert len(pairs) == 1 + sum(m.participant_id in adepts for m in data.mentorships)


def test_a_title_outside_the_catalog_is_shown_as_written() -> None:

    data = ledarskap.example_program()
    job = attrs.evolve(data.appointments[19], title="Kulturstrateg", position=None)
    changed = attrs.evolve(
        data, appointments=(*data.appointments[:19], job, *data.appointments[20:])
    )
    lines = demo.participant_lines(changed, changed.cohorts[0])
    assert any(line.split("(")[0].strip() == "Kulturstrateg" for line in lines)


def test_a_cohort_without_a_deadline_shows_none() -> None:

    example = ledarskap.example_program()
    cohort = attrs.evolve(example.cohorts[0], application_deadline=None)
    data = attrs.evolve(example, cohorts=(cohort, *example.cohorts[1:]))
    lines = demo.cohort_lines(data, cohort)
    assert not any("deadline" in line for line in lines)
    assert lines[1].startswith("  Collaborating municipalities (19)")


def test_the_module_entry_point(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:

    monkeypatch.setattr(sys, "argv", ["ledarskap", "demo", str(tmp_path / "nowhere.json")])
    with pytest.raises(SystemExit) as caught:
        runpy.run_path(str(Path(ledarskap.__file__).parent / "__main__.py"), run_name="__main__")
    assert caught.value.code == 2
    assert capsys.readouterr().err.startswith(
        f"ledarskap: {tmp_path / 'nowhere.json'}: cannot read"
    )


def test_the_eligibility_section_explains_every_decision_that_is_not_eligible() -> None:
    data = ledarskap.example_program()
    lines = demo.eligibility_lines(data, data.cohorts[0])
    assert lines[1] == "    Eligible 27, Not eligible 3, Undetermined 1"
    assert "    ans-102 (rejected):" in lines
    assert "      Inte behörig: Jönköping samverkar inte i omgången" in lines
    assert "      Not eligible: Jönköping does not collaborate in the cohort" in lines
    assert not any("ans-001" in line for line in lines)  # eligible: not listed


def test_every_admitted_example_applicant_is_in_the_target_group() -> None:
    """The example program admits only applicants the default rules decide eligible."""
    data = ledarskap.example_program()
    rules = ledarskap.default_ruleset()
    admitted = [a for a in data.applications if a.status is ledarskap.ApplicationStatus.ADMITTED]
    assert admitted
    for application in admitted:
        decision = rules.evaluate(application, program=data)
        assert decision.outcome is ledarskap.Outcome.ELIGIBLE, decision.render("en")


def test_the_validation_section_lists_findings() -> None:
    data = ledarskap.example_program()
    assert demo.validation_lines(data) == ["Validation (validering): 0 errors, 0 warnings"]
    first = data.participants[0]
    broken = attrs.evolve(data, participants=(*data.participants, first))
    lines = demo.validation_lines(broken)
    assert lines[0].startswith("Validation (validering): ")
    assert lines[0] != "Validation (validering): 0 errors, 0 warnings"
    assert any(first.id in line for line in lines[1:])


def test_a_cohort_without_applications() -> None:
    data = ledarskap.example_program()
    lines = demo.eligibility_lines(attrs.evolve(data, applications=()), data.cohorts[0])
    assert lines == ["  Applications (ansökningar, 0), default target-group rules:"]


def test_the_proposal_pairs_the_example_cohort_and_explains_one_pair() -> None:
    data = ledarskap.example_program()
    lines = demo.proposal_lines(data, data.cohorts[0])
    assert lines[0] == "  Pairing proposal (förslag till mentorspar), from scratch:"
    assert lines[1].startswith(
        "    Proposed mentor pairs for Omgång 2025/26: 24 of 24 adepts paired"
    )
    assert lines[2] == "  Why the first pair (varför):"
    assert lines[3].startswith("    d-001 (Linköping) – mentor-")
    assert any("Next best:" in line for line in lines[4:])


def test_without_the_matching_extra_the_demo_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "scipy", None)
    monkeypatch.setitem(sys.modules, "scipy.optimize", None)
    data = ledarskap.example_program()
    assert demo.proposal_lines(data, data.cohorts[0]) == [
        "  Pairing proposal (förslag till mentorspar): Pairing mentors and adepts needs the "
        "optional package 'scipy': pip install 'ledarskap[matching]'"
    ]


def test_a_section_of_a_cohort_not_the_programs_is_refused() -> None:
    """Each section names the cohort of the program it is given: another is an error
    (cohort_lines took the program and never looked at it)."""
    data = ledarskap.example_program()
    other = attrs.evolve(data.cohorts[0], application_deadline=None)
    for section in (demo.cohort_lines, demo.participant_lines, demo.eligibility_lines):
        with pytest.raises(
            UsageError, match=r"\(cohort\): cohort 'liko-2025' is not the program's"
        ):
            section(data, other)
        with pytest.raises(UsageError, match=r"\(data\): expected a ProgramData, found int"):
            section(42, data.cohorts[0])  # type: ignore[arg-type]
    with pytest.raises(UsageError, match=r"^summary\(data\): expected a ProgramData"):
        demo.summary(42)  # type: ignore[arg-type]
