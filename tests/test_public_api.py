"""The public API: ``ledarskap.__all__`` is sorted, importable and documented."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ledarskap

API_PAGE = Path(__file__).parent.parent / "docs" / "api.md"
DOCUMENTED_MODULES = re.findall(
    r"^\.\. automodule:: (\S+)\n   :members:", API_PAGE.read_text(encoding="utf-8"), re.M
)


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
        _ = ledarskap.Kommun


def test_every_public_module_has_a_sorted_all() -> None:
    for module_name in DOCUMENTED_MODULES:
        module = importlib.import_module(module_name)
        names = module.__all__
        assert names == sorted(names, key=_isort_style), module_name
        for name in names:
            assert hasattr(module, name), f"{module_name}.{name}"


def _documented() -> dict[str, list[object]]:
    documented: dict[str, list[object]] = {}
    for module_name in DOCUMENTED_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            documented.setdefault(name, []).append(getattr(module, name))
    return documented


@pytest.mark.parametrize("name", [n for n in ledarskap.__all__ if n != "__version__"])
def test_every_public_name_is_documented_on_the_api_page(name: str) -> None:
    documented = _documented()
    assert name in documented, (
        f"{name} is in ledarskap.__all__ but no module on docs/api.md documents it"
    )
    assert any(value is getattr(ledarskap, name) for value in documented[name])


def test_the_version_is_mentioned() -> None:
    assert "__version__" in API_PAGE.read_text(encoding="utf-8")
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
