"""Versions and migrations of the program document.

The real chain migrates version 1 (``tests/data/program-v1.json``: the example program as
version 0.2 shipped it) to version 2 (mentorships with a status); its tests are in
``test_lifecycle_migration.py``. The machinery is also tested with a chain of its own: an
invented pre-release version 0, stored in ``tests/data/program-v0.json``, where people
were ``persons`` with one ``name``, then the real chain.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import ledarskap
from ledarskap import FormatVersionError, Person
from ledarskap.io import FORMAT, FORMAT_VERSION, MIGRATIONS, Migration, migrate

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


def test_a_migration_goes_one_version_up() -> None:
    with pytest.raises(ValueError, match="one version up"):
        Migration(from_version=1, to_version=3, function=dict, description="skip")


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
    if value is not None:
        assert exc.value.problems[0].message == "expected a whole number, found text '1'"


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
