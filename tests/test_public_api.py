"""The public API: ``ledarskap.__all__`` is sorted, importable and documented.

Every name in the ``__all__`` of every public module has its entry in the reference.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
import types
import warnings
from pathlib import Path

import pytest

import ledarskap

DOCS = Path(__file__).parent.parent / "docs"
API_PAGE = DOCS / "api.md"
API_TEXT = API_PAGE.read_text(encoding="utf-8")
ENTRY = re.compile(r"^\.\. (?:currentmodule|auto(?:class|function|data))::\s*(\S+)$", re.M)


def _entries_by_module() -> dict[str, set[str]]:
    """The page's autoclass/autofunction/autodata entries, by the current module they are under."""
    found: dict[str, set[str]] = {}
    module = "ledarskap"
    for match in ENTRY.finditer(API_TEXT):
        if match.group(0).startswith(".. currentmodule::"):
            module = match.group(1)
        else:
            found.setdefault(module, set()).add(match.group(1))
    return found


BY_MODULE = _entries_by_module()
ENTRIES = BY_MODULE.get("ledarskap", set())
MODULES = re.findall(r"^\.\. automodule:: (\S+)$", API_TEXT, re.M)


def _isort_style(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps: CONSTANTS, then Classes, then the rest."""
    group = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return (group, name)


def test_all_is_sorted_and_has_no_repeats() -> None:
    assert ledarskap.__all__ == sorted(ledarskap.__all__, key=_isort_style)
    assert len(set(ledarskap.__all__)) == len(ledarskap.__all__)


@pytest.mark.parametrize("name", ledarskap.__all__)
def test_every_public_name_is_importable(name: str) -> None:
    assert getattr(ledarskap, name) is not None
    namespace: dict[str, object] = {}
    exec(f"from ledarskap import {name}", namespace)
    assert namespace[name] is getattr(ledarskap, name)


def test_dir_lists_the_public_names() -> None:
    assert set(dir(ledarskap)) == set(ledarskap.__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Kommun'"):
        _ = ledarskap.Kommun  # type: ignore[attr-defined]  # and an error to type checkers


def test_every_public_module_has_a_sorted_all() -> None:
    values = [getattr(ledarskap, name) for name in ledarskap.__all__]
    origins = {value.__module__ for value in values if hasattr(value, "__qualname__")}
    deprecated = {"RuleProblem", "RowProblem"}  # there, with a warning, when asked for
    for module_name in sorted({*MODULES, *origins} - {"ledarskap", "typing", "builtins"}):
        module = importlib.import_module(module_name)
        names = module.__all__
        assert names == sorted(names, key=_isort_style), module_name
        for name in names:
            assert name in deprecated or hasattr(module, name), f"{module_name}.{name}"


@pytest.mark.parametrize("name", [n for n in ledarskap.__all__ if n != "__version__"])
def test_every_public_name_is_documented_on_the_api_page(name: str) -> None:
    assert name in ENTRIES, (
        f"ledarskap.{name} has no autoclass/autofunction/autodata on docs/api.md"
    )


def _public_modules() -> list[str]:
    """Every module of ledarskap but the private ones (a part of the name starts with _)."""
    found = pkgutil.walk_packages(ledarskap.__path__, "ledarskap.")
    names = ["ledarskap", *(module.name for module in found)]
    return [name for name in names if not any(p.startswith("_") for p in name.split("."))]


def _value(path: str) -> object:
    """The object at a module's name, a deprecated name's without its warning."""
    module_name, _, name = path.rpartition(".")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return getattr(importlib.import_module(module_name), name)


REFERENCE_PAGES = (API_PAGE, DOCS / "plots.md")  # plots.md ends with the figures' reference
DIRECTIVE = re.compile(
    r"^\.\. (currentmodule|automodule|auto(?:class|function|data|exception|attribute))::"
    r"\s*(\S+)$",
    re.M,
)


def _documented() -> set[str]:
    """The full name of each autoclass, autofunction or autodata entry of the reference."""
    found = set()
    for page in REFERENCE_PAGES:
        module = "ledarskap"
        for directive, name in DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            if directive in {"currentmodule", "automodule"}:
                module = name
            else:
                found.add(name if name.startswith("ledarskap.") else f"{module}.{name}")
    return found


DOCUMENTED = _documented()
PUBLIC_NAMES = [
    f"{module_name}.{name}"
    for module_name in _public_modules()
    for name in importlib.import_module(module_name).__all__
    if name != "__version__"  # said in the page's introduction
]


def _same(path: str, entry: str) -> bool:
    """Whether *entry* documents the object at *path*: a class or function by identity.

    A constant also by its name, as equal numbers and strings may be one object.
    """
    value = _value(path)
    if isinstance(value, type | types.FunctionType):
        return _value(entry) is value
    return entry.rpartition(".")[2] == path.rpartition(".")[2] and _value(entry) is value


@pytest.mark.parametrize("path", PUBLIC_NAMES)
def test_every_public_name_of_every_public_module_has_an_entry(path: str) -> None:
    """Each object has one entry, under one of the names modules export it by.

    ``ledarskap.model.Cohort`` is documented as ``ledarskap.Cohort`` (and docs/conf.py makes
    a link to either name lead there); the deprecated ``RuleProblem`` as ``ledarskap.Problem``.
    """
    if path not in DOCUMENTED:
        entries = [entry for entry in DOCUMENTED if _same(path, entry)]
        assert entries, f"{path} has no autoclass/autofunction/autodata entry in docs/api.md"


def test_the_reference_lists_its_entries() -> None:
    """No automodule documents members of its own: the test above sees every entry."""
    for page in REFERENCE_PAGES:
        text = page.read_text(encoding="utf-8")
        automodules = re.findall(r"^\.\. automodule:: \S+\n(?:   :[^\n]*\n)*", text, re.M)
        assert automodules
        for directive in automodules:
            assert "   :no-members:\n" in directive, (page.name, directive)


def test_every_entry_names_something_there() -> None:
    for path in DOCUMENTED:
        _value(path)  # an AttributeError if the module has no such name


def test_the_api_page_documents_only_public_names() -> None:
    extras = {"mask_personal_data", "safe_repr"}  # of ledarskap.errors
    extras |= {"LabelledEnum", "checked_language", "Language", "LANGUAGES"}  # of ledarskap.text
    assert ENTRIES - extras <= set(ledarskap.__all__)
    for module_name, names in BY_MODULE.items():
        if module_name != "ledarskap":
            assert names <= set(importlib.import_module(module_name).__all__), module_name


def test_the_version_is_mentioned() -> None:
    assert "__version__" in API_TEXT
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?.*", ledarskap.__version__)


def test_import_ledarskap_stays_light() -> None:
    code = (
        "import sys, ledarskap\n"
        "heavy = ['hypothesis', 'cattrs', 'stdnum', 'openpyxl', 'pandas', 'jsonschema', 'ledarskap.io']\n"
        "print(' '.join(name for name in heavy if name in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


@pytest.mark.parametrize(
    "name",
    sorted(
        f"{package}.{path.stem}"
        for package in ("eligibility", "io", "model", "validation")
        for path in (Path(ledarskap.__file__).parent / package).glob("*.py")
        if not path.stem.startswith("_")
    ),
)
def test_every_public_module_of_a_package_has_a_sorted_all(name: str) -> None:
    """Each public module says what it exports, sorted, and exports only what it has.

    The names a module gives with a deprecation warning (module ``__getattr__``) are the
    exception: they are there, but only on request.
    """
    module = importlib.import_module(f"ledarskap.{name}")
    exported = list(module.__all__)
    assert exported == sorted(exported, key=_isort_style)
    deprecated = {"RuleProblem", "RowProblem"}
    assert all(hasattr(module, n) for n in exported if n not in deprecated)
