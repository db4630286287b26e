"""Versions and migrations of the program document.

The real chain migrates version 1 (``tests/data/program-v1.json``: the example program
as the library shipped it in version 1 of the format) to version 2 (mentorships with a
status): the last part of this file. The machinery is also tested with a chain of its
own: an invented pre-release version 0, stored in ``tests/data/program-v0.json``, where
people were ``persons`` with one ``name``, followed by the real chain.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings

import ledarskap
from ledarskap import FormatVersionError, MentorshipStatus, Person, ProgramData
from ledarskap.errors import InvalidValueError
from ledarskap.io import FORMAT, FORMAT_VERSION, MIGRATIONS, Migration, migrate
from ledarskap.testing import program_data

DATA = Path(__file__).parent.parent / "data"


def _v0_to_v1(doc: dict[str, Any]) -> dict[str, Any]:
    people = []
    for person in doc.pop("persons"):
        given, _, family = person.pop("name").partition(" ")
        people.append({**person, "given_name": given, "family_name": family})
    return {**doc, "people": people}


TEST_CHAIN = (
    Migration(from_version=0, to_version=1, function=_v0_to_v1, description="split names"),
    *MIGRATIONS,
)


def test_the_real_chain_goes_from_version_1_to_the_current_version() -> None:
    assert FORMAT_VERSION == 2
    assert [(m.from_version, m.to_version) for m in MIGRATIONS] == [(1, 2)]


def test_a_stored_old_document_is_migrated_and_read() -> None:
    data = ledarskap.load(DATA / "program-v0.json", migrations=TEST_CHAIN)
    assert data.people[0] == Person(
        id="p-anna", given_name="Anna", family_name="Berg", personnummer="19850312-2395"
    )
    assert data.participants[0].id == "d-1"


def test_a_migrated_document_is_written_in_the_current_version(tmp_path: Path) -> None:
    data = ledarskap.load(DATA / "program-v0.json", migrations=TEST_CHAIN)
    ledarskap.dump(data, tmp_path / "now.json")
    assert json.loads((tmp_path / "now.json").read_text())["format_version"] == FORMAT_VERSION
    assert ledarskap.load(tmp_path / "now.json") == data


def test_an_old_document_without_a_migration_is_refused() -> None:
    with pytest.raises(FormatVersionError, match="version 0") as exc:
        ledarskap.load(DATA / "program-v0.json")
    assert [p.location for p in exc.value.problems] == ["$.format_version"]


def test_migrations_apply_one_step_at_a_time() -> None:
    """Law: each step sees the document exactly as the step before left it."""
    seen: list[tuple[int, int]] = []

    def step(n: int) -> Migration:
        def function(doc: dict[str, Any]) -> dict[str, Any]:
            seen.append((n, doc["format_version"]))
            return {**doc, "trail": [*doc.get("trail", []), n]}

        return Migration(from_version=n, to_version=n + 1, function=function, description=f"{n}")

    chain = (step(3), step(1), step(2))  # order in the chain does not matter
    out = migrate({"format_version": 1}, migrations=chain, current=4)
    assert out == {"format_version": 4, "trail": [1, 2, 3]}
    assert seen == [(1, 1), (2, 2), (3, 3)]
    assert migrate({"format_version": 3}, migrations=chain, current=4)["trail"] == [3]


def test_a_failing_migration_is_a_format_version_error() -> None:
    def broken(doc: dict[str, Any]) -> dict[str, Any]:
        return {**doc, "x": doc["missing"]}

    chain = (Migration(from_version=0, to_version=1, function=broken, description="rename x"),)
    with pytest.raises(FormatVersionError, match="rename x: KeyError") as exc:
        ledarskap.loads(
            json.dumps({"format": "ledarskap.program", "format_version": 0}), migrations=chain
        )
    assert "from format version 0 to 1 failed" in str(exc.value)


@pytest.mark.parametrize("returned", [None, [], "x"])
def test_a_migration_that_returns_no_document_is_a_format_version_error(returned: Any) -> None:
    chain = (Migration(from_version=0, to_version=1, function=lambda _: returned, description="t"),)
    with pytest.raises(FormatVersionError, match="t: TypeError: 'it returned"):
        ledarskap.loads(
            json.dumps({"format": "ledarskap.program", "format_version": 0}), migrations=chain
        )


def test_a_migration_goes_one_version_up() -> None:
    with pytest.raises(InvalidValueError, match=r"^Migration\.to_version: expected one version"):
        Migration(from_version=1, to_version=3, function=dict, description="skip")


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"from_version": "1"}, "Migration.from_version: expected a whole number of at least 0"),
        ({"from_version": True}, "Migration.from_version: expected a whole number"),
        ({"function": "dict"}, "Migration.function: expected a function from document"),
        ({"description": None}, "Migration.description: expected a text"),
    ],
)
def test_a_migration_of_the_wrong_kind_is_the_librarys_error(
    fields: dict[str, object], said: str
) -> None:
    made = {"from_version": 1, "to_version": 2, "function": dict, "description": "x"} | fields
    with pytest.raises(InvalidValueError, match=re.escape(said)):
        Migration(**made)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (lambda: migrate([]), "migrate(document): expected a document (a dict), found list"),  # type: ignore[arg-type]
        (
            lambda: migrate({"format_version": 1}, migrations=[1]),  # type: ignore[list-item]
            "migrations[0]: expected a Migration, found int",
        ),
        (lambda: migrate({"format_version": 1}, migrations="x"), "migrations: expected a list"),  # type: ignore[arg-type]
        (lambda: migrate({"format_version": 1}, migrations=3), "migrations: expected a list"),  # type: ignore[arg-type]
        (lambda: migrate({"format_version": 1}, current="2"), "migrate(current): expected"),  # type: ignore[arg-type]
    ],
)
def test_migrate_given_the_wrong_kind_says_which_argument(call: Any, said: str) -> None:
    """Reproductions (review): each was a bare AttributeError or TypeError."""
    with pytest.raises(InvalidValueError, match=re.escape(said)):
        call()


@pytest.mark.parametrize(("value", "summary"), [(None, "no format version"), ("1", "not a number")])
def test_a_format_version_that_is_missing_or_text(value: object, summary: str) -> None:
    """A version given as text is named as such, not as missing."""
    document = json.loads(ledarskap.dumps(ledarskap.example_program()))
    if value is None:
        del document["format_version"]
    else:
        document["format_version"] = value
    with pytest.raises(FormatVersionError, match=summary) as exc:
        ledarskap.loads(json.dumps(document))
    problem = exc.value.problems[0]
    if value is not None:
        assert problem.message == "expected a whole number, found text '1'"
    else:  # absent, as every key a document lacks
        assert (problem.code, problem.message) == ("missing", "expected a whole number, found none")


@pytest.mark.parametrize(("written", "read"), [(1.0, True), (1.5, False), (True, False)])
def test_a_whole_valued_version_reads_as_the_whole_number(written: object, read: bool) -> None:
    """``format_version = 1.0`` is version 1, as whole-valued numbers read elsewhere; 1.5 and
    true are not versions."""
    document = {"format": FORMAT, "format_version": written}
    if read:
        assert migrate(document)["format_version"] == FORMAT_VERSION
    else:
        with pytest.raises(FormatVersionError, match="whole number"):
            migrate(document)


# The real migration: version 1 → 2, mentorships get a status --------------------------

LIFECYCLE_KEYS = ("status", "ended_by", "end_reason")
V1 = DATA / "program-v1.json"


def _as_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """*document* (version 2) as version 1 wrote it: mentorships without their life."""
    pairs = [
        {k: v for k, v in m.items() if k not in LIFECYCLE_KEYS} for m in document["mentorships"]
    ]
    return {**document, "format_version": 1, "mentorships": pairs}


def test_the_stored_version_1_document_migrates_to_the_example_program() -> None:
    """The example program as version 1 shipped it reads as today's example program, but
    for who ended the withdrawn adept's mentorship and why, which version 1 did not record."""
    old = ledarskap.load(V1)
    now = ledarskap.example_program()
    assert [m.status for m in old.mentorships] == [m.status for m in now.mentorships]
    assert old.mentorship("ms-013").status is MentorshipStatus.ENDED_EARLY
    assert (old.mentorship("ms-013").ended_by, old.mentorship("ms-013").end_reason) == (None, "")
    unrecorded = [attrs.evolve(m, ended_by=None, end_reason="") for m in now.mentorships]
    assert attrs.evolve(now, mentorships=unrecorded) == old
    assert ledarskap.validate(old).ok


@pytest.mark.parametrize("syntax", ["json", "toml"])
def test_the_stored_version_1_document_saved_again_loses_nothing(
    tmp_path: Path, syntax: str
) -> None:
    """Law: a version-1 document migrated and saved holds every value it held, and the status
    it gained; read again, it is the same data."""
    old = ledarskap.load(V1)
    path = tmp_path / f"program.{syntax}"
    ledarskap.dump(old, path)
    assert ledarskap.load(path) == old
    if syntax == "json":
        saved = json.loads(path.read_text(encoding="utf-8"))
        assert saved["format_version"] == FORMAT_VERSION
        assert _as_version_1(saved) == json.loads(V1.read_text(encoding="utf-8"))


def test_a_version_1_toml_document_migrates_too(tmp_path: Path) -> None:
    """TOML holds dates as dates, not text: the migration reads both."""
    now = ledarskap.example_program()
    document = _as_version_1(tomllib.loads(ledarskap.dumps(now, syntax="toml")))
    path = tmp_path / "program.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    assert ledarskap.load(path) == ledarskap.load(V1)


def _v1(mentorship: dict[str, Any]) -> dict[str, Any]:
    return {
        "format_version": 1,
        "cohorts": [{"id": "c-1", "end": "2026-06-12"}],
        "participants": [{"id": "d-1", "cohort_id": "c-1"}, {"id": "d-2", "cohort_id": "c-9"}],
        "mentorships": [mentorship],
    }


@pytest.mark.parametrize(
    ("mentorship", "status"),
    [
        ({"participant_id": "d-1"}, "active"),
        ({"participant_id": "d-1", "end": None}, "active"),
        ({"participant_id": "d-1", "end": "2026-06-12"}, "completed"),
        ({"participant_id": "d-1", "end": "2026-08-01"}, "completed"),  # after: validate() says so
        ({"participant_id": "d-1", "end": dt.date(2026, 6, 11)}, "ended-early"),
        ({"participant_id": "d-1", "end": "2026-01-31"}, "ended-early"),
        ({"participant_id": "d-2", "end": "2026-01-31"}, "completed"),  # cohort unknown
        ({"participant_id": "d-9", "end": "2026-01-31"}, "completed"),  # adept unknown
        ({"participant_id": ["d-1"], "end": "2026-01-31"}, "completed"),  # not an id
        ({"participant_id": "d-1", "end": "31/1 2026"}, "completed"),  # not a date
        ({"participant_id": "d-1", "end": 20260131}, "completed"),  # not a date either
        ({"participant_id": "d-1", "status": "proposed"}, "proposed"),  # kept
    ],
)
def test_version_1_mentorships_get_the_status_their_dates_say(
    mentorship: dict[str, Any], status: str
) -> None:
    """No end: active; an end on or after the adept's cohort's end: completed; before it:
    ended early (who ended it not recorded); a cohort that cannot be found: completed."""
    (migrated,) = migrate(_v1(mentorship))["mentorships"]
    assert migrated == {**mentorship, "status": status}
    assert "ended_by" not in migrated


@pytest.mark.parametrize(
    "document",
    [
        {"format_version": 1},
        {"format_version": 1, "mentorships": "none", "cohorts": 3},
        {"format_version": 1, "mentorships": [3, None], "participants": [1], "cohorts": [[]]},
    ],
)
def test_the_migration_leaves_what_it_cannot_read_to_the_reader(document: dict[str, Any]) -> None:
    """A document that is not a valid version 1 is migrated without an error of the
    migration's own: the reader then names what is wrong, where."""
    assert migrate(document) == {**document, "format_version": FORMAT_VERSION}


def test_a_document_newer_than_the_library_is_refused() -> None:
    document = json.loads(ledarskap.dumps(ledarskap.example_program()))
    document["format_version"] = FORMAT_VERSION + 1
    with pytest.raises(FormatVersionError, match=f"version {FORMAT_VERSION} or older"):
        ledarskap.loads(json.dumps(document))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program_data(max_cohorts=2, max_participants=5))
def test_migrating_a_version_1_document_and_saving_it_again_loses_nothing(
    data: ProgramData,
) -> None:
    """Law: for any version-1 document, migrate it, save it and read it again: the same data,
    and the saved document is the version-1 one plus each mentorship's status."""
    document = json.loads(ledarskap.dumps(data))
    document["mentorships"] = [
        m for m in document["mentorships"] if m["status"] != "proposed"
    ]  # version 1 had no proposals
    v1 = _as_version_1(document)
    migrated = ledarskap.loads(json.dumps(v1))
    saved = ledarskap.dumps(migrated)
    assert ledarskap.loads(saved) == migrated
    assert _as_version_1(json.loads(saved)) == v1
    for pair in migrated.mentorships:
        assert pair.status.over is (pair.end is not None)
        assert pair.ended_by is None


@pytest.mark.parametrize(
    ("version", "swedish"),
    [
        (
            None,
            "ingen formatversion (1 problem)\n"
            "  - $.format_version: förväntade ett heltal, fick null",
        ),
        (
            "2",
            "en formatversion som inte är ett tal (1 problem)\n"
            "  - $.format_version: förväntade ett heltal, fick texten '2'",
        ),
        (
            0,
            "formatversion 0 kan inte läsas (1 problem)\n"
            "  - $.format_version: förväntade en version från 1 till 2, fick version 0, "
            "som ingen migrering läser",
        ),
    ],
)
def test_a_format_version_that_cannot_be_read_in_swedish(version: Any, swedish: str) -> None:
    with pytest.raises(FormatVersionError) as raised:
        migrate({"format_version": version})
    assert raised.value.render("sv") == swedish


def test_a_failing_migration_in_swedish() -> None:
    def broken(document: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("x")

    step = Migration(from_version=1, to_version=2, function=broken, description="a step")
    with pytest.raises(FormatVersionError) as raised:
        migrate({"format_version": 1}, migrations=[step])
    assert raised.value.render("sv") == (
        "migreringen från formatversion 1 till 2 misslyckades (1 problem)\n"
        "  - $: a step: KeyError: \"'x'\""
    )


def test_the_migrations_may_be_any_iterable_of_them() -> None:
    """As before the arguments were checked: a chain, a generator (taken once)."""
    document = json.loads(ledarskap.dumps(ledarskap.example_program()))
    document["format_version"] = 1
    for mentorship in document["mentorships"]:
        mentorship.pop("status", None)
    chained = migrate(dict(document), migrations=itertools.chain(MIGRATIONS))
    generated = migrate(dict(document), migrations=(m for m in MIGRATIONS))
    assert chained == generated == migrate(dict(document))
