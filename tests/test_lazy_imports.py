"""``ledarskap`` and ``ledarskap.io`` load their names on first use (PEP 562)."""

from __future__ import annotations

import importlib
import subprocess
import sys
from types import ModuleType

import pytest

import ledarskap
import ledarskap.io


def _loaded_by(code: str) -> set[str]:
    """The modules of ledarskap and of its dependencies that *code* leaves loaded."""
    probe = (
        f"{code}\nimport sys\n"
        "print(' '.join(m for m in sys.modules if m.split('.')[0] in "
        "{'ledarskap', 'attr', 'attrs', 'cattrs', 'dateutil', 'msgspec'}))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_import_ledarskap_loads_nothing_but_its_version() -> None:
    assert _loaded_by("import ledarskap") == {"ledarskap", "ledarskap._version"}


def test_a_name_loads_its_module_only() -> None:
    loaded = _loaded_by("import ledarskap; ledarskap.Text")
    assert "ledarskap.text" in loaded
    assert "ledarskap.model" not in loaded


def test_reading_a_document_loads_neither_the_rules_nor_the_sheets() -> None:
    loaded = _loaded_by("import ledarskap.io; ledarskap.io.load")
    assert "ledarskap.io.documents" in loaded
    assert (
        not {"ledarskap.eligibility", "ledarskap.io.spreadsheets", "ledarskap.io.rulecases"}
        & loaded
    )


def test_a_name_is_the_same_object_every_time() -> None:
    assert ledarskap.ProgramData is importlib.import_module("ledarskap.model").ProgramData
    assert ledarskap.io.read_sheet is ledarskap.io.spreadsheets.read_sheet
    assert "read_sheet" in vars(ledarskap.io)  # kept once loaded


def test_subpackages_are_there_as_before() -> None:
    assert ledarskap.io is sys.modules["ledarskap.io"]
    assert ledarskap.validation.validate is ledarskap.validate
    assert ledarskap.io.schema.document_schema is ledarskap.document_schema


@pytest.mark.parametrize("module", [ledarskap, ledarskap.io])
@pytest.mark.parametrize("name", ["Kommun", "_private", "__wrapped__"])
def test_an_unknown_name_is_an_attribute_error(module: ModuleType, name: str) -> None:
    with pytest.raises(AttributeError, match=f"has no attribute {name!r}"):
        getattr(module, name)


def test_dir_lists_the_public_names_of_io() -> None:
    assert dir(ledarskap.io) == sorted(ledarskap.io.__all__)
    for name in ledarskap.io.__all__:
        assert getattr(ledarskap.io, name) is not None


@pytest.mark.parametrize("module", [ledarskap, ledarskap.io])
def test_a_subpackage_missing_a_dependency_says_so(
    module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A subpackage that needs what is not installed fails with that, not 'no attribute'."""

    def import_module(name: str, package: str | None = None) -> ModuleType:
        raise ModuleNotFoundError("No module named 'scipy'", name="scipy")

    monkeypatch.setattr("importlib.import_module", import_module)
    with pytest.raises(ModuleNotFoundError, match="scipy"):
        getattr(module, "fancy")  # noqa: B009  # the name is what is tested
