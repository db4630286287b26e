"""Type checkers see the public API as it runs: each name with its type, a misspelt one an error.

``ledarskap`` and ``ledarskap.io`` load their names on first use through a module
``__getattr__``; type checkers see none (it would make every name, misspelt or not, ``Any``)
but an import of each name and subpackage under ``if TYPE_CHECKING:``. mypy checks
``tests/typing/api_usage.py`` (the API used rightly: no error, no ``Any``) and
``tests/typing/typos.py`` (misspelt: an error on each line that says so).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import ledarskap
import ledarskap.io

HERE = Path(__file__).parent / "typing"
ROOT = Path(__file__).parent.parent
IGNORE = re.compile(r"  # type: ignore\[([a-z-]+)\]")
ERROR = re.compile(r"^(?P<file>.+?):(?P<line>\d+): error: .*\[(?P<code>[a-z-]+)\]$", re.M)


def _declared_for_type_checkers(module: ModuleType) -> set[str]:
    """The names *module* binds under ``if TYPE_CHECKING:``."""
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, (ast.Import, ast.ImportFrom)):
                    names |= {alias.asname or alias.name for alias in statement.names}
                elif isinstance(statement, ast.Assign):
                    names |= {t.id for t in statement.targets if isinstance(t, ast.Name)}
    return names


def _public_modules(package: ModuleType) -> set[str]:
    return {m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")}


@pytest.mark.parametrize(
    ("package", "deprecated"), [(ledarskap, set()), (ledarskap.io, {"RowProblem"})]
)
def test_every_name_loaded_on_first_use_is_declared_for_type_checkers(
    package: ModuleType, deprecated: set[str]
) -> None:
    """What ``__getattr__`` gives at run time, type checkers see imported: no more, no less."""
    lazy = set(vars(package)["_LAZY"])
    assert _declared_for_type_checkers(package) == lazy | _public_modules(package) | deprecated


@pytest.mark.parametrize(
    "name",
    ["ledarskap.io.spreadsheets", "ledarskap.eligibility", "ledarskap.eligibility.problems"],
)
def test_a_deprecated_name_alone_is_declared_for_type_checkers(name: str) -> None:
    module = importlib.import_module(name)
    assert _declared_for_type_checkers(module) in ({"RowProblem"}, {"RuleProblem"})
    assert "__getattr__" in vars(module)  # when it runs: the deprecated name, with a warning


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[int, str]]]:
    """mypy's errors, by file, in the two files of ``tests/typing`` and in the typos unignored.

    The cache is a fresh folder: the run reads the library (and its stubs) once, about
    ten seconds.
    """
    pytest.importorskip("mypy", reason="mypy (the lint group) checks the types")
    folder = tmp_path_factory.mktemp("typing")
    bare = folder / "typos_unignored.py"
    bare.write_text(IGNORE.sub("", (HERE / "typos.py").read_text(encoding="utf-8")), "utf-8")
    done = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--config-file", ROOT / "pyproject.toml"),
            *("--cache-dir", folder / "cache", "--no-error-summary"),
            *(HERE / "api_usage.py", HERE / "typos.py", bare),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    errors: dict[str, set[tuple[int, str]]] = {}
    for error in ERROR.finditer(done.stdout):
        errors.setdefault(Path(error["file"]).name, set()).add((int(error["line"]), error["code"]))
    return errors


def test_the_public_api_used_rightly_has_no_error_and_no_any(
    mypy_errors: dict[str, set[tuple[int, str]]],
) -> None:
    assert mypy_errors.get("api_usage.py", set()) == set()
    assert mypy_errors.get("typos.py", set()) == set()  # each ignore is needed: each typo found


def test_every_typo_is_an_error(mypy_errors: dict[str, set[tuple[int, str]]]) -> None:
    """``ledarskap.Cohrot``, ``ledarskap.io.read_shet`` …: each line an error of its code."""
    expected = {
        (number, match[1])
        for number, line in enumerate((HERE / "typos.py").read_text("utf-8").splitlines(), 1)
        if (match := IGNORE.search(line))
    }
    assert len(expected) >= 10
    assert mypy_errors.get("typos_unignored.py", set()) == expected
