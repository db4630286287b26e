"""The eligibility package reads one way, downward: no module imports another in a loop."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import ledarskap.eligibility

PACKAGE = Path(ledarskap.eligibility.__file__).parent
NAME = "ledarskap.eligibility"


def _imports(path: Path) -> set[str]:
    """Every module of the package that *path* imports, at the top or inside a function."""
    module = path.stem
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:
                found.update(alias.name for alias in node.names)
            elif node.module and node.module.startswith(f"{NAME}."):
                found.add(node.module.removeprefix(f"{NAME}.").split(".")[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(f"{NAME}."):
                    found.add(alias.name.removeprefix(f"{NAME}.").split(".")[0])
    found.discard(module)
    return found


def _graph() -> dict[str, set[str]]:
    return {path.stem: _imports(path) for path in PACKAGE.glob("*.py") if path.stem != "__init__"}


def _loops(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    loops: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                loops.append(component)

    for node in graph:
        if node not in index:
            visit(node)
    return loops


def test_no_module_imports_another_in_a_loop() -> None:
    """Following imports (lazy ones too) from any module never comes back to it."""
    assert _loops(_graph()) == []


def test_the_loop_finder_finds_a_loop() -> None:
    """The check above would see a loop, however long."""
    assert _loops({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]


def test_no_import_inside_a_function() -> None:
    """Every import of the package's own modules is at the top of a module, where it shows."""
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
                assert not inner, f"{path.name}: {node.name} imports inside a function"


@pytest.mark.parametrize(
    "name", sorted(p.stem for p in PACKAGE.glob("*.py") if not p.stem.startswith("_"))
)
def test_public_modules_have_a_sorted_all(name: str) -> None:
    """Each public module says what it exports, sorted, and exports only what it has."""
    module = importlib.import_module(f"{NAME}.{name}")
    exported = list(module.__all__)
    assert exported == sorted(exported, key=lambda n: (not n.isupper(), n))
    if name != "problems":  # its one name, RuleProblem, is given with a warning
        assert all(hasattr(module, n) for n in exported)
