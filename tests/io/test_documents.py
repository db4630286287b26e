"""The program document: JSON and TOML, files, atomic writes and errors with locations."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import tomllib
from pathlib import Path, PurePath
from typing import Any, Literal

import attrs
import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

import ledarskap
from ledarskap import (
    Activity,
    Application,
    Appointment,
    Cohort,
    Collaboration,
    DocumentError,
    FileAccessError,
    FormatVersionError,
    Grounding,
    LedarskapError,
    MeetingKind,
    Mentor,
    MentorMeeting,
    Mentorship,
    Organiser,
    Participant,
    Person,
    PoliticalBody,
    PoliticalBodyKind,
    Program,
    ProgramData,
    Purpose,
    PurposeKind,
    Session,
    SessionKind,
    SupportGroup,
    Theme,
    Venue,
)
from ledarskap.io import _atomic, documents
from ledarskap.io._construct import SMALL
from tests.io._swedish import english_words

PNR = "19850312-2395"
D = dt.date


def sample() -> ProgramData:
    """A small program touching every class, with optional fields both set and not set."""
    cks = Organiser(
        name="CKS",
        full_name="Centrum för kommunstrategiska studier",
        university="Linköpings universitet",
        site="https://liu.se/cks",
        partner_municipalities=["0580", "0581"],
        partner_regions=["Region Östergötland"],
    )
    program = Program(
        id="liko",
        name="Ledarskap i kommuner",
        short_name="LiKO",
        organiser=cks,
        grounding=frozenset({Grounding.SCIENCE, Grounding.PROVEN_EXPERIENCE}),
        purposes=[Purpose(kind=PurposeKind.OVERALL, sv="Syfte", en="Purpose")],
        themes=[Theme(id="t-1", sv="Tema", en="Theme", topics=["feedback"])],
    )
    cohort = Cohort(
        id="c-2025",
        program_id="liko",
        name="Omgång 2025/26",
        number=9,
        start=D(2025, 9, 1),
        end=D(2026, 6, 30),
        application_deadline=D(2025, 5, 1),
        capacity=24,
        venue=Venue(name="Vadstena Klosterhotell", municipality="0584"),
        collaborations=[Collaboration(municipality="0581", chief_executive_id="p-kc")],
        support_groups=[SupportGroup(id="g-1", name="Grupp 1", participant_ids=["d-1"])],
        sessions=[
            Session(
                id="s-1",
                kind=SessionKind.RESIDENTIAL,
                title="Uppstart",
                start=D(2025, 9, 10),
                end=D(2025, 9, 12),
                theme_ids=["t-1"],
                activities={Activity.LECTURE, Activity.REFLECTION},
            ),
            Session(id="s-2", kind=SessionKind.SESSION, title="Träff", start=D(2025, 11, 5)),
        ],
    )
    records: dict[str, Any] = {
        "program": program,
        "people": [
            Person(
                id="p-anna",
                given_name="Anna",
                family_name="Berg",
                email="anna.berg@linkoping.se",
                phone="013-20 00 00",
                personnummer=PNR,
            ),
            Person(id="p-kc", given_name="Karl", family_name="Chef"),
        ],
        "appointments": [
            Appointment(
                id="a-1",
                person_id="p-anna",
                municipality="Linköping",
                organisation="Socialförvaltningen",
                title="Förvaltningschef, socialförvaltningen",
                start=D(2021, 3, 1),
                reports_to=[PoliticalBody(name="Socialnämnden", kind=PoliticalBodyKind.NAMND)],
            ),
            # A title the catalog knows, but no position on record: must stay None.
            Appointment(
                id="a-2",
                person_id="p-kc",
                municipality="0581",
                organisation="Kommunledningskontoret",
                title="Kommunchef",
                start=D(2019, 1, 1),
                end=D(2030, 12, 31),
                position=None,
            ),
        ],
        "cohorts": [cohort],
        "participants": [
            Participant(id="d-1", person_id="p-anna", cohort_id="c-2025", appointment_id="a-1")
        ],
        "mentors": [Mentor(id="k-1", person_id="p-kc", cohort_id="c-2025", municipality="0581")],
        "mentorships": [
            Mentorship(id="m-1", mentor_id="k-1", participant_id="d-1", start=D(2025, 9, 12))
        ],
        "meetings": [
            MentorMeeting(
                id="mm-1", mentorship_id="m-1", on=D(2025, 10, 3), kind=MeetingKind.ONLINE
            )
        ],
        "applications": [
            Application(
                id="ans-1",
                person_id="p-anna",
                cohort_id="c-2025",
                submitted=D(2025, 4, 2),
                title="Förvaltningschef",
                reports_to=[],
            ),
            Application(id="ans-2", person_id="p-kc", cohort_id="c-2025", submitted=D(2025, 4, 3)),
        ],
    }
    return ProgramData(**records)


def document() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(ledarskap.dumps(sample()))
    return result


def problems(exc: pytest.ExceptionInfo[DocumentError]) -> dict[str, str]:
    return {p.location: p.message for p in exc.value.problems}


# Round trips -------------------------------------------------------------------------


@pytest.mark.parametrize("syntax", ["json", "toml"])
def test_text_round_trip_is_lossless(syntax: documents.Syntax) -> None:
    data = sample()
    assert ledarskap.loads(ledarskap.dumps(data, syntax=syntax), syntax=syntax) == data


@pytest.mark.parametrize("suffix", [".json", ".toml", ".JSON"])
def test_file_round_trip_chooses_the_syntax_from_the_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"program{suffix}"
    ledarskap.dump(sample(), path)
    content = path.read_bytes()
    assert content.endswith(b"\n")
    if suffix.lower() == ".toml":
        assert tomllib.loads(content.decode())["format"] == "ledarskap.program"
    else:
        assert json.loads(content)["format"] == "ledarskap.program"
    assert ledarskap.load(path) == sample()
    assert ledarskap.load(str(path)) == sample()


def test_json_document_is_readable_plain_data() -> None:
    doc = document()
    assert list(doc)[:3] == ["format", "format_version", "program"]
    anna = doc["people"][0]
    assert anna["personnummer"] == PNR
    assert doc["appointments"][0]["municipality"] == "0580"
    assert doc["appointments"][0]["position"] == "forvaltningschef"
    assert doc["appointments"][1]["position"] is None
    assert doc["cohorts"][0]["sessions"][0]["activities"] == ["lecture", "reflection"]
    assert doc["program"]["grounding"] == ["proven-experience", "science"]
    assert doc["cohorts"][0]["start"] == "2025-09-01"


def test_toml_leaves_out_none_and_reads_it_back() -> None:
    text = ledarskap.dumps(sample(), syntax="toml")
    doc = tomllib.loads(text)
    kc = doc["appointments"][1]
    assert "position" not in kc
    assert "end" not in doc["appointments"][0]
    assert doc["cohorts"][0]["start"] == D(2025, 9, 1)  # a TOML date, not text
    back = ledarskap.loads(text, syntax="toml")
    assert back.appointments[1].position is None


def test_toml_accepts_dates_written_as_text() -> None:
    text = ledarskap.dumps(sample(), syntax="toml").replace(
        "start = 2025-09-01", 'start = "2025-09-01"'
    )
    assert ledarskap.loads(text, syntax="toml") == sample()


def test_json_reads_bytes_with_a_byte_order_mark() -> None:
    raw = "\ufeff".encode() + ledarskap.dumps(sample()).encode()
    assert ledarskap.loads(raw) == sample()


@pytest.mark.parametrize("mark", [b"", "\ufeff".encode()], ids=["plain", "after a byte order mark"])
def test_a_byte_that_is_not_utf8_is_named_at_its_offset_in_the_file(mark: bytes) -> None:
    with pytest.raises(DocumentError) as caught:
        ledarskap.loads(mark + b'{"a": \xff}')
    [problem] = caught.value.problems
    assert (problem.location, problem.message) == (
        f"byte {len(mark) + 6}",
        "expected UTF-8, found byte 0xff",
    )


def test_municipality_is_read_by_code_or_exact_name() -> None:
    doc = document()
    doc["appointments"][0]["municipality"] = "Linköping"
    doc["mentors"][0]["municipality"] = "Region Gotland"
    data = ledarskap.loads(json.dumps(doc))
    assert data.appointments[0].municipality.code == "0580"
    assert data.mentors[0].municipality.code == "0980"


# Files and atomic writes ----------------------------------------------------------------


def test_unknown_suffix_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"\.json or \.toml"):
        ledarskap.dump(sample(), tmp_path / "program.yaml")
    with pytest.raises(DocumentError):
        ledarskap.load(tmp_path / "program.txt")


def test_load_names_the_file_in_errors(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"broken\.json: not valid JSON"):
        ledarskap.load(path)


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "program.json"
    ledarskap.dump(sample(), path)
    before = path.read_bytes()

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    smaller = ProgramData(program=sample().program)
    with pytest.raises(OSError, match="disk full"):
        ledarskap.dump(smaller, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["program.json"]


def test_a_crash_while_writing_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "program.toml"
    ledarskap.dump(sample(), path)
    before = path.read_bytes()

    def crash(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        ledarskap.dump(sample(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["program.toml"]


def test_writing_keeps_the_permissions_of_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "program.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o600)
    ledarskap.dump(sample(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_dump_refuses_what_is_not_program_data(tmp_path: Path) -> None:
    with pytest.raises(LedarskapError, match="a ProgramData"):
        ledarskap.dump({"program": None}, tmp_path / "x.json")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_example_program_reads_the_packaged_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "example-program.json").write_text(ledarskap.dumps(sample()), encoding="utf-8")
    monkeypatch.setattr("ledarskap.data.read_bytes", lambda name: (tmp_path / name).read_bytes())
    assert documents.example_program.__wrapped__() == sample()


# Errors with locations ----------------------------------------------------------------


def test_every_problem_is_reported_at_once_with_its_json_path() -> None:
    doc = document()
    doc["participants"][0]["municipality"] = "0580"  # unknown field
    doc["appointments"][0]["municipality"] = "Linkopping"
    doc["appointments"][1]["start"] = "2019-02-30"
    del doc["mentors"][0]["person_id"]
    doc["meetings"][0]["kind"] = "video"
    doc["cohorts"][0]["capacity"] = "24"
    doc["people"][1]["id"] = "p kc"
    with pytest.raises(DocumentError) as exc:
        ledarskap.loads(json.dumps(doc))
    found = problems(exc)
    assert set(found) == {
        "$.participants[0].municipality",
        "$.appointments[0].municipality",
        "$.appointments[1].start",
        "$.mentors[0].person_id",
        "$.meetings[0].kind",
        "$.cohorts[0].capacity",
        "$.people[1].id",
    }
    assert "unknown key 'municipality'" in found["$.participants[0].municipality"]
    hints = {p.location: p.hint for p in exc.value.problems}
    assert hints["$.appointments[0].municipality"] == "did you mean 0580 Linköping?"
    assert found["$.cohorts[0].capacity"] == "expected a whole number, found text '24'"
    assert "'in-person'" in found["$.meetings[0].kind"]
    assert found["$.mentors[0].person_id"] == "expected a value, found none"
    codes = {p.location: p.code for p in exc.value.problems}
    assert codes["$.participants[0].municipality"] == "unknown-field"
    assert codes["$.mentors[0].person_id"] == "missing"
    assert codes["$.cohorts[0].capacity"] == "type"
    assert "7 problems" in str(exc.value)


def test_model_invariants_become_problems_at_their_path() -> None:
    doc = document()
    doc["cohorts"][0]["sessions"][1]["start"] = "2027-01-01"
    doc["cohorts"][0]["sessions"][1]["end"] = "2027-01-02"
    doc["mentorships"][0]["end"] = "2020-01-01"
    doc["people"][0]["email"] = "anna.berg@"
    doc["people"][0]["given_name"] = "  "
    with pytest.raises(DocumentError) as exc:
        ledarskap.loads(json.dumps(doc))
    found = problems(exc)
    assert set(found) == {
        "$.cohorts[0].sessions[1]",
        "$.mentorships[0].end",
        "$.people[0].email",
        "$.people[0].given_name",
    }
    assert "within the cohort's dates" in found["$.cohorts[0].sessions[1]"]
    assert "on or after start (2025-09-12)" in found["$.mentorships[0].end"]


def _read_by_every_reader(document: dict[str, Any]) -> list[list[str]]:
    """The problems (each rendered) *document* gives read small, large and as TOML, the
    small-document reader and the fast decoder having refused it."""
    body = {k: v for k, v in document.items() if k not in ("format", "format_version")}
    constructor = documents._constructor("json")
    with pytest.raises(constructor.refusals):
        constructor.read(body)
    text = json.dumps(document)
    readings: list[tuple[str, documents.Syntax]] = [
        (text, "json"),  # small: the constructor, then the converter
        (text + " " * SMALL, "json"),  # large: msgspec, then the converter
        (tomli_w.dumps(documents._without_none(document)), "toml"),
    ]
    found = []
    for written, syntax in readings:
        with pytest.raises(DocumentError) as raised:
            ledarskap.loads(written, syntax=syntax)
        found.append([str(problem) for problem in raised.value.problems])
    return found


def test_each_session_outside_its_cohort_is_a_problem_at_its_path() -> None:
    """Three sessions outside the cohort's dates are three problems, each at its session,
    whichever reader reads the document."""
    doc = _broken(lambda d: None)
    for k in (0, 2, 4):
        doc["cohorts"][0]["sessions"][k].update(start=f"2027-01-0{k + 1}", end=f"2027-01-0{k + 1}")
    within = "expected a session within the cohort's dates 2025-09-15–2026-09-30, found text"
    expected = [
        f"cohorts[0].sessions[{k}]: {within} 's{k + 1}: 2027-01-0{k + 1}–2027-01-0{k + 1}'"
        for k in (0, 2, 4)
    ]
    small, large, toml = _read_by_every_reader(doc)
    assert small == large == [f"$.{problem}" for problem in expected]
    assert toml == expected


def test_each_repeated_id_or_municipality_is_a_problem_at_its_item() -> None:
    """An id or a municipality said before in its cohort is a problem at the item that
    repeats it (a municipality named once by code, once by name, is repeated)."""

    def repeat(d: dict[str, Any]) -> None:
        cohort = d["cohorts"][0]
        cohort["sessions"][3]["id"] = cohort["sessions"][1]["id"] = "s1"
        cohort["support_groups"][4]["id"] = "g-2"
        cohort["collaborations"][2]["municipality"] = "Linköping"

    small, large, toml = _read_by_every_reader(_broken(repeat))
    new_id = "expected an id not used before, found text"
    assert small == [
        f"$.cohorts[0].sessions[1].id: {new_id} 's1'",
        f"$.cohorts[0].sessions[3].id: {new_id} 's1'",
        f"$.cohorts[0].support_groups[4].id: {new_id} 'g-2'",
        "$.cohorts[0].collaborations[2].municipality: expected a municipality not already"
        " collaborating in the cohort, found text 'Linköping'",
    ]
    assert large == small
    assert toml == [problem.removeprefix("$.") for problem in small]


def test_field_problems_and_problems_across_fields_are_reported_together() -> None:
    """A cohort with a field that cannot be read still has its sessions and ids checked,
    and every other record's problems are reported beside them."""

    def change(d: dict[str, Any]) -> None:
        cohort = d["cohorts"][0]
        cohort["capacity"] = "26"
        cohort["sessions"][6]["start"] = cohort["sessions"][6]["end"] = "2027-01-01"
        cohort["support_groups"][1]["id"] = "g-1"
        d["people"][0]["given_name"] = " "
        d["participants"][1]["cohort_id"] = 3

    small, large, toml = _read_by_every_reader(_broken(change))
    assert [problem.partition(":")[0] for problem in small] == [
        "$.people[0].given_name",
        "$.cohorts[0].capacity",
        "$.cohorts[0].sessions[6]",
        "$.cohorts[0].support_groups[1].id",
        "$.participants[1].cohort_id",
    ]
    assert small == large
    assert toml == [problem.removeprefix("$.") for problem in small]


def test_a_check_across_fields_needing_a_field_in_error_is_left_out() -> None:
    """An end before the start is one problem: the sessions, none of which can lie within
    such dates, are not each reported; the ids, which need no dates, are."""

    def change(d: dict[str, Any]) -> None:
        d["cohorts"][0]["end"] = "2025-01-01"
        d["cohorts"][0]["support_groups"][1]["id"] = "g-1"

    small, _, _ = _read_by_every_reader(_broken(change))
    assert [problem.partition(":")[0] for problem in small] == [
        "$.cohorts[0].end",
        "$.cohorts[0].support_groups[1].id",
    ]


def test_a_repeated_id_like_a_personnummer_is_masked_in_every_problem() -> None:
    """An id may be any text of its form, a personnummer too: every reader masks it."""

    def repeat(d: dict[str, Any]) -> None:
        sessions = d["cohorts"][0]["sessions"]
        sessions[0]["id"] = sessions[1]["id"] = PNR
        sessions[1]["start"] = sessions[1]["end"] = "2027-01-01"

    for problems in _read_by_every_reader(_broken(repeat)):
        assert len(problems) == 2
        assert all("XXXXXX-XX95" in problem and PNR not in problem for problem in problems)


def test_toml_problems_carry_the_key_path() -> None:
    text = ledarskap.dumps(sample(), syntax="toml").replace('\nid = "d-1"', '\nid = "d 1"')
    with pytest.raises(DocumentError) as exc:
        ledarskap.loads(text, syntax="toml")
    assert list(problems(exc)) == ["participants[0].id"]


def test_invalid_json_says_where() -> None:
    with pytest.raises(DocumentError) as exc:
        ledarskap.loads('{\n  "format": "ledarskap.program",\n  "format_version": 1,\n}')
    (problem,) = exc.value.problems
    assert (problem.line, problem.message) == (
        4,
        "Expecting property name enclosed in double quotes, column 1",
    )
    assert problem.code == "syntax"


def test_invalid_toml_says_where() -> None:
    with pytest.raises(DocumentError) as exc:
        ledarskap.loads('format = "ledarskap.program"\nformat_version = \nx = 1', syntax="toml")
    (problem,) = exc.value.problems
    assert (problem.line, problem.message) == (2, "Invalid value, column 18")


@pytest.mark.parametrize(
    "text",
    [b"\xff\xfe{}", "NaN", '{"format": "ledarskap.program", "format_version": 1, "x": NaN}'],
)
def test_what_is_not_json_is_a_document_error(text: str | bytes) -> None:
    with pytest.raises(DocumentError):
        ledarskap.loads(text)


@pytest.mark.parametrize(
    ("doc", "where"),
    [
        ([], "$"),
        ({}, "$.format"),
        ({"format": "other", "format_version": 1}, "$.format"),
        ({"format": "ledarskap.program"}, "$.format_version"),
        ({"format": "ledarskap.program", "format_version": "1"}, "$.format_version"),
        ({"format": "ledarskap.program", "format_version": True}, "$.format_version"),
    ],
)
def test_a_missing_or_malformed_header_is_a_clear_error(doc: object, where: str) -> None:
    with pytest.raises(DocumentError) as exc:
        ledarskap.loads(json.dumps(doc))
    assert [p.location for p in exc.value.problems] == [where]


def test_a_newer_document_is_refused_naming_both_versions() -> None:
    doc = document()
    doc["format_version"] = 7
    doc["participants"] = "not even read"
    with pytest.raises(FormatVersionError) as exc:
        ledarskap.loads(json.dumps(doc))
    message = str(exc.value)
    assert "version 7" in message
    assert "version 2 or older" in message


def test_the_program_is_required() -> None:
    with pytest.raises(DocumentError) as exc:
        ledarskap.loads('{"format": "ledarskap.program", "format_version": 1}')
    assert list(problems(exc)) == ["$.program"]


def test_personal_data_never_appears_in_messages() -> None:
    doc = document()
    doc["people"][0]["personnummer"] = "19850312-2396"  # wrong check digit
    doc["people"][1]["email"] = "karl chef@norrkoping.se"
    doc["people"][1]["phone"] = 198503122395
    with pytest.raises(DocumentError) as exc:
        ledarskap.loads(json.dumps(doc))
    message = str(exc.value)
    assert "19850312-2396" not in message
    assert "198503122395" not in message
    assert "karl chef@" not in message
    assert "19XXXXXX-XX96" in message


def test_json_text_with_a_byte_order_mark_is_read() -> None:
    assert ledarskap.loads("\ufeff" + ledarskap.dumps(sample())) == sample()


def test_json_in_a_bytearray_is_read() -> None:
    assert ledarskap.loads(bytearray(ledarskap.dumps(sample()).encode())) == sample()  # type: ignore[arg-type]


def test_an_unknown_key_is_located_at_itself_and_masked() -> None:
    doc = document()
    doc["people"][0]["telefon"] = "013-20 00 00"
    doc["people"][0]["pnr 19850312-2395"] = True
    with pytest.raises(DocumentError) as exc:
        ledarskap.loads(json.dumps(doc))
    assert list(problems(exc)) == ['$.people[0]["pnr 19XXXXXX-XX95"]', "$.people[0].telefon"]
    assert "19850312-2395" not in str(exc.value)


def test_a_file_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    """A missing folder is the library's error naming the file meant, not the temporary one."""
    target = tmp_path / "no-such-folder" / "program.json"
    with pytest.raises(FileAccessError) as caught:
        ledarskap.dump(sample(), target)
    assert caught.value.path == str(target)
    assert ".tmp" not in str(caught.value)
    assert isinstance(caught.value, OSError)


@pytest.mark.parametrize("name", ["missing.json", "nul\x00.json"])
def test_a_file_that_cannot_be_read_is_named(tmp_path: Path, name: str) -> None:
    with pytest.raises(FileAccessError, match="cannot read"):
        ledarskap.load(tmp_path / name)


def test_a_new_file_gets_the_permissions_open_would_give(tmp_path: Path) -> None:
    path = tmp_path / "program.json"
    old = os.umask(0o027)
    try:
        ledarskap.dump(sample(), path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_writing_never_touches_the_process_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Setting the umask to read it would race with other threads creating files."""

    def refuse(mask: int) -> int:
        raise AssertionError("os.umask called")

    monkeypatch.setattr(os, "umask", refuse)
    ledarskap.dump(sample(), tmp_path / "new.json")
    ledarskap.dump(sample(), tmp_path / "new.json")
    assert [p.name for p in tmp_path.iterdir()] == ["new.json"]


@pytest.mark.parametrize("syntax", ["json", "toml"])
def test_a_lone_surrogate_cannot_be_written(syntax: ledarskap.io.Syntax) -> None:
    """Text that is not Unicode is refused as the library's error, in both syntaxes."""
    data = sample()
    person = attrs.evolve(data.people[0], given_name="A\ud800")
    broken = attrs.evolve(data, people=(person, *data.people[1:]))
    with pytest.raises(LedarskapError, match="lone surrogate") as caught:
        ledarskap.dumps(broken, syntax=syntax)
    assert caught.value.render("sv") == (
        "data: förväntade text som kan skrivas som UTF-8, fick text med en ensam surrogatkodpunkt"
    )


def test_swapped_or_wrong_arguments_are_usage_errors(tmp_path: Path) -> None:
    """dump(path, data), dumps(a dict) and load(data) say what is wrong, as UsageError."""
    data = ledarskap.example_program()
    with pytest.raises(ledarskap.UsageError, match="swapped"):
        ledarskap.dump(tmp_path / "x.json", data)  # type: ignore[arg-type]
    with pytest.raises(ledarskap.UsageError, match="expected a ProgramData, found dict"):
        ledarskap.dumps({})  # type: ignore[arg-type]
    with pytest.raises(ledarskap.UsageError, match="did you mean dump"):
        ledarskap.load(data)  # type: ignore[arg-type]
    for path in (42, None, b"x.json", data):
        with pytest.raises(ledarskap.UsageError, match="expected a file path"):
            ledarskap.dump(data, path)  # type: ignore[arg-type]
        if path is not data:
            with pytest.raises(ledarskap.UsageError, match="expected a file path"):
                ledarskap.load(path)  # type: ignore[arg-type]
    assert not list(tmp_path.iterdir())


def test_toml_given_as_json_says_so() -> None:
    """TOML text read as JSON (the default) gets a hint to give the syntax."""
    with pytest.raises(ledarskap.DocumentError) as caught:
        ledarskap.loads('format = "ledarskap.program"\nformat_version = 1\n')
    assert caught.value.problems[0].hint is not None
    assert "syntax='toml'" in caught.value.problems[0].hint


@pytest.mark.parametrize("as_bytes", [False, True])
def test_an_escaped_lone_surrogate_is_refused_when_read(as_bytes: bool) -> None:
    """A document whose text escapes half a surrogate pair is refused on reading, at its path,
    so that nothing is loaded that could not be saved again; a whole pair escaped is text."""
    document = json.loads(ledarskap.dumps(ledarskap.example_program()))
    document["people"][0]["given_name"] = "A\ud800"
    text = json.dumps(document)
    with pytest.raises(ledarskap.DocumentError) as caught:
        ledarskap.loads(text.encode() if as_bytes else text)
    assert [p.path for p in caught.value.problems] == ["$.people[0].given_name"]
    document["people"][0]["given_name"] = "A\U0001f600"
    assert ledarskap.loads(json.dumps(document)).people[0].given_name == "A\U0001f600"


def test_loading_removes_what_a_killed_writer_left(tmp_path: Path) -> None:
    """Reading a file removes the stale temporary copy of it a killed writer left beside it."""
    path = tmp_path / "program.json"
    ledarskap.dump(ledarskap.example_program(), path)
    stale = tmp_path / f"{_atomic._prefix(path.resolve())}abcd1234.tmp"
    stale.write_text("a complete copy, personnummer and all", encoding="utf-8")
    other = tmp_path / "notes.tmp"
    other.write_text("not the library's", encoding="utf-8")
    ledarskap.load(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.tmp", "program.json"]


def test_loading_for_reading_gives_the_same_data_and_keeps_nothing_for_a_save(
    tmp_path: Path,
) -> None:
    """``load_for_reading`` (the read-only commands'): ``load``'s data and errors, no revision,
    and the leftovers of a killed writer left for the next ``load``."""
    path = tmp_path / "program.json"
    ledarskap.dump(ledarskap.example_program(), path)
    leftover = tmp_path / f"{_atomic._prefix(path)}0badc0de.tmp"
    leftover.write_bytes(b"{")  # a killed writer's temporary file, no longer locked
    data = documents.load_for_reading(path)
    assert ledarskap.revision_of(data) is None
    assert leftover.exists()
    loaded = ledarskap.load(path)
    assert loaded == data
    assert ledarskap.revision_of(loaded) is not None
    assert not leftover.exists()
    with pytest.raises(ledarskap.FileAccessError):
        documents.load_for_reading(tmp_path / "nowhere.json")


@given(
    path=st.text(alphabet=st.sampled_from("/.xjsonJSONtmlTML \\:"), max_size=14)
    | st.sampled_from(["a.json", ".json", "a.json/", "a.json/.", "a/..json", "a.TOML", "x.json/.."])
)
def test_the_syntax_is_read_from_the_name_as_pathlib_reads_it(path: str) -> None:
    """Law: a name's syntax is the one its :attr:`pathlib.PurePath.suffix` says (or none);
    the usual names are read without importing pathlib, with the same answer."""
    assert documents._plain_suffix(path.encode()) == ""  # a bytes path: pathlib decides
    plain = documents._plain_suffix(path)
    assert plain in ("", PurePath(path).suffix.lower())
    expected = {".json": "json", ".toml": "toml"}.get(PurePath(path).suffix.lower())
    try:
        found: str | None = documents._syntax_of(path)
    except DocumentError:
        found = None
    assert found == expected


# Messages in Swedish ---------------------------------------------------------------------


def _broken(change: Any) -> dict[str, Any]:
    """The example program's document with *change* made to it."""
    document: dict[str, Any] = json.loads(ledarskap.dumps(ledarskap.example_program()))
    change(document)
    return document


BROKEN = {
    "unknown key": (
        lambda d: d["participants"][0].update(cohrt_id="c"),
        "$.participants[0].cohrt_id: okänd nyckel 'cohrt_id': förväntade en av id, person_id, "
        "cohort_id, appointment_id, status, application_id (menade du 'cohort_id'?)",
    ),
    "wrong type": (
        lambda d: d["people"][0].update(given_name=3),
        "$.people[0].given_name: förväntade text, fick talet 3",
    ),
    "unknown municipality": (
        lambda d: d["appointments"][0].update(municipality="linkoping"),
        "$.appointments[0].municipality: förväntade en kommunkod eller ett kommunnamn som SCB "
        "skriver det, fick texten 'linkoping' (menade du 0580 Linköping?)",
    ),
    "missing field": (
        lambda d: d["participants"][0].pop("cohort_id"),
        "$.participants[0].cohort_id: förväntade ett värde, fick inget",
    ),
    "not a list": (lambda d: d.update(cohorts=3), "$.cohorts: förväntade en lista, fick talet 3"),
    "bad date": (
        lambda d: d["cohorts"][0].update(start="2025-13-01"),
        "$.cohorts[0].start: förväntade ett datum ÅÅÅÅ-MM-DD, fick texten '2025-13-01'",
    ),
    "whole number as text": (
        lambda d: d["cohorts"][0].update(capacity="26"),
        "$.cohorts[0].capacity: förväntade ett heltal, fick texten '26'",
    ),
    "not an object": (
        lambda d: d["cohorts"].__setitem__(0, 3),
        "$.cohorts[0]: förväntade ett objekt (Cohort), fick talet 3",
    ),
    "a session outside its cohort": (
        lambda d: d["cohorts"][0]["sessions"][1].update(start="2027-01-01", end="2027-01-01"),
        "$.cohorts[0].sessions[1]: förväntade en träff inom omgångens datum "
        "2025-09-15–2026-09-30, fick texten 's2: 2027-01-01–2027-01-01'",
    ),
    "a repeated id": (
        lambda d: d["cohorts"][0]["support_groups"][2].update(id="g-1"),
        "$.cohorts[0].support_groups[2].id: förväntade ett id som inte använts förut, "
        "fick texten 'g-1'",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=str)
def test_a_broken_document_is_whole_swedish_in_every_reader(case: str) -> None:
    """The small-document reader and the fast one refuse it, and every reader then says
    the same, in whole Swedish: the detailed converter words every problem."""
    change, expected = BROKEN[case]
    document = _broken(change)
    body = {k: v for k, v in document.items() if k not in ("format", "format_version")}
    constructor = documents._constructor("json")
    with pytest.raises(constructor.refusals):
        constructor.read(body)
    decoder = documents._decoder("json")
    assert decoder is not None
    with pytest.raises(decoder.refusals):
        decoder.convert(document)
    text = json.dumps(document)
    found = []
    for read in (
        lambda: ledarskap.loads(text),  # small: the constructor, then the converter
        lambda: ledarskap.loads(text + " " * SMALL),  # large: msgspec, then the converter
        lambda: documents._converter("json", True).structure(body, ProgramData),
    ):
        with pytest.raises(DocumentError) as raised:
            read()
        found.append([problem.render("sv") for problem in raised.value.problems])
        assert english_words(raised.value.render("sv")) == []
    assert found == [[expected]] * 3
    toml = tomli_w.dumps(documents._without_none(document))
    with pytest.raises(DocumentError) as raised:
        ledarskap.loads(toml, syntax="toml")
    # A key path, not a JSON path; and TOML's problems are given without their hints.
    unhinted = expected.removeprefix("$.").partition(" (menade du")[0]
    assert [p.render("sv") for p in raised.value.problems] == [unhinted]
    assert english_words(raised.value.render("sv")) == []


def test_a_broken_document_in_swedish_and_in_english() -> None:
    text = json.dumps(_broken(lambda d: d.update(cohorts=3)))
    with pytest.raises(DocumentError) as raised:
        ledarskap.loads(text, source="program.json")
    assert raised.value.render("sv") == (
        "program.json: dokumentet följer inte formatet (1 problem)\n"
        "  - $.cohorts: förväntade en lista, fick talet 3"
    )
    assert str(raised.value) == (
        "program.json: the document does not match the format (1 problem)\n"
        "  - $.cohorts: expected a list, found the number 3"
    )


def test_a_bad_personnummer_in_a_document_is_whole_swedish() -> None:
    text = json.dumps(_broken(lambda d: d["people"][0].update(personnummer="19850312-2396")))
    with pytest.raises(DocumentError) as raised:
        ledarskap.loads(text)
    swedish = raised.value.render("sv")
    assert "19XXXXXX-XX96" in swedish
    assert english_words(swedish) == []


@pytest.mark.parametrize("syntax", ["json", "toml"])
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("personnummer", "19850312.2395"),
        ("personnummer", "19850312/2395"),
        ("personnummer", "19850312_2395"),
        ("personnummer", "850312-239"),
        ("email", "anna.berg @ linkoping.se"),
        ("email", "anna.berg\uff20linkoping.se"),
    ],
)
def test_a_personal_value_that_does_not_read_is_never_shown(
    syntax: Literal["json", "toml"], field: str, value: str
) -> None:
    """However it is written, a personnummer or address in a problem is masked whole."""
    data = ledarskap.dumps(sample(), syntax="json")
    document = json.loads(data)
    document["people"][0][field] = value
    text = json.dumps(document)
    if syntax == "toml":  # the first person's line of the field, rewritten
        toml = ledarskap.dumps(ledarskap.loads(data), syntax="toml")
        start = toml.index("[[people]]")
        line = re.compile(rf"^{field} = .*$", re.MULTILINE).search(toml, start)
        assert line is not None
        text = f"{toml[: line.start()]}{field} = {json.dumps(value)}{toml[line.end() :]}"
    with pytest.raises(DocumentError) as raised:
        ledarskap.loads(text, syntax=syntax)
    for shown in (str(raised.value), raised.value.render("sv"), repr(raised.value)):
        assert "0312" not in shown
        assert "anna.berg" not in shown


def test_a_newer_format_version_in_swedish_names_both_versions() -> None:
    text = json.dumps(_broken(lambda d: d.update(format_version=9)))
    with pytest.raises(FormatVersionError) as raised:
        ledarskap.loads(text)
    assert raised.value.render("sv") == (
        "skrivet i formatversion 9, nyare än det här biblioteket läser (1 problem)\n"
        "  - $.format_version: förväntade version 2 eller äldre, fick version 9: "
        "uppgradera ledarskap för att läsa dokumentet"
    )
    with pytest.raises(FormatVersionError) as raised:
        ledarskap.loads(
            ledarskap.dumps(sample(), syntax="toml").replace("= 2", "= 9", 1), syntax="toml"
        )
    assert raised.value.problems[0].render("sv").startswith("format_version: förväntade version 2")


def test_a_long_fraction_is_no_long_whole_number() -> None:
    """The digits of a fraction or an exponent are not a whole number's: the one that is
    too long is named, at its place, and found in one pass."""
    text = '{"a": 0.' + "1" * 5000 + ',\n "b": 1e+' + "1" * 5 + ',\n "c": ' + "2" * 5000 + "}"
    with pytest.raises(DocumentError) as raised:
        ledarskap.loads(text)
    (problem,) = raised.value.problems
    assert (problem.line, str(problem).endswith("column 7")) == (3, True)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("NaN", "found NaN, which JSON does not have"),
        ("-Infinity", "found -Infinity, which JSON does not have"),
        ("1" * 5000, "found one with too many digits to read"),
    ],
)
def test_what_json_has_not_is_placed_at_its_line_and_column(written: str, said: str) -> None:
    """The parser reads NaN and long numbers, and says nothing of where: the library does.
    The same word in a string before it is no match."""
    text = '{"format": "NaN 1",\n "people": [],\n  "capacity": ' + written + "}"
    with pytest.raises(DocumentError) as raised:
        ledarskap.loads(text)
    (problem,) = raised.value.problems
    assert (problem.line, str(problem)) == (3, f"line 3: expected a number, {said}, column 15")


@pytest.mark.parametrize(
    ("text", "syntax", "swedish"),
    [
        ("[1, 2]", "json", "$: förväntade ett objekt, fick en lista med 2 element"),
        ('{"format": "x"}', "json", "$.format: förväntade 'ledarskap.program', fick texten 'x'"),
        ("{}", "json", "$.format: förväntade 'ledarskap.program', fick inget"),
        ('{"a": NaN}', "json", "rad 1: förväntade ett tal, fick NaN, som JSON inte har, kolumn 7"),
        (
            "x = 1",
            "json",
            "rad 1: här ska ett värde stå, kolumn 1 (det ser ut som TOML: ange syntax='toml', eller ett filnamn som slutar på .toml)",
        ),
        (
            'format = "ledarskap.program"\nformat_version = 2\nprogram = 3\n',
            "toml",
            "program: förväntade ett objekt (Program), fick talet 3",
        ),
        (
            'format = "ledarskap.program"\nformat_version = 2\n',
            "toml",
            "program: förväntade ett värde, fick inget",
        ),
    ],
)
def test_what_is_no_program_document_is_said_in_swedish(
    text: str, syntax: Any, swedish: str
) -> None:
    with pytest.raises(DocumentError) as raised:
        ledarskap.loads(text, syntax=syntax)
    assert raised.value.problems[0].render("sv") == swedish
    assert english_words(raised.value.render("sv")) == []


def test_bytes_that_are_no_utf8_and_a_lone_surrogate_in_swedish() -> None:
    with pytest.raises(DocumentError) as raised:
        ledarskap.loads(b'{"a": "\xff"}')
    assert raised.value.render("sv") == (
        "inte UTF-8-text (1 problem)\n  - byte 7: förväntade UTF-8, fick byten 0xff"
    )
    with pytest.raises(DocumentError) as raised:
        ledarskap.loads('{"\\ud800": 1}')
    assert raised.value.render("sv") == (
        "text som inte är Unicode (1 problem)\n"
        "  - $ (en nyckel): förväntade Unicode-text, fick text med ett ensamt surrogattecken"
    )


def test_a_bad_call_and_a_bad_file_name_in_swedish(tmp_path: Path) -> None:
    with pytest.raises(ledarskap.UsageError) as raised:
        ledarskap.dump(tmp_path / "a.json", sample())  # type: ignore[arg-type]
    assert raised.value.render("sv") == "dump(data, path): argumenten står i omvänd ordning"
    assert str(raised.value) == "dump(data, path): the arguments are swapped"
    with pytest.raises(ledarskap.UsageError) as raised:
        ledarskap.load(sample())  # type: ignore[arg-type]
    assert raised.value.render("sv") == (
        "load: förväntade en sökväg, fick en ProgramData (menade du dump?)"
    )
    with pytest.raises(DocumentError) as wrong_name:
        ledarskap.dump(sample(), tmp_path / "a.txt")
    assert wrong_name.value.render("sv").endswith(
        "a.txt: okänd sorts fil (1 problem)\n"
        "  - (filnamn): förväntade ett namn som slutar på .json eller .toml, fick '.txt'"
    )
    assert str(wrong_name.value).endswith(
        "  - (file name): expected a name ending .json or .toml, found '.txt'"
    )


def test_a_file_that_cannot_be_read_or_written_in_swedish(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError) as raised:
        ledarskap.load(tmp_path / "nowhere.json")
    assert raised.value.render("sv").endswith(
        "nowhere.json: kan inte läsa: filen eller mappen finns inte"
    )
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(FileAccessError) as raised:
        ledarskap.dump(sample(), folder)
    assert raised.value.render("sv").endswith(
        "folder.json: kan inte skriva: det är en mapp, inte en fil"
    )
    assert str(raised.value).endswith("folder.json: cannot write: it is a folder, not a file")


def test_what_cannot_be_read_as_a_document_at_all_in_swedish() -> None:
    with pytest.raises(DocumentError) as raised:
        ledarskap.loads('{"a": 1' + "0" * 5000 + "}")
    assert raised.value.render("sv") == (
        "inte giltig JSON (1 problem)\n"
        "  - rad 1: förväntade ett tal, fick ett med för många siffror för att läsas, kolumn 7"
    )
    with pytest.raises(LedarskapError) as wrong:
        ledarskap.loads(3)  # type: ignore[arg-type]
    assert wrong.value.render("sv") == "text: förväntade str eller bytes, fick <class 'int'>"
    with pytest.raises(LedarskapError) as wrong:
        ledarskap.loads("x", syntax="yaml")  # type: ignore[arg-type]
    assert wrong.value.render("sv") == "syntax: förväntade 'json' eller 'toml', fick 'yaml'"
