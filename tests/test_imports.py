"""The modules of ledarskap import one another one way: no loop, not even a lazy one.

The import-linter contracts (``make test`` runs ``lint-imports``) keep the layers in order
between and inside the packages; a loop between two modules of one layer, or through an
import inside a function, they do not see. This test reads every module's imports as text,
top-level and inside functions alike (``if TYPE_CHECKING:`` blocks left out: they never
run), and finds the loops in the module graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

import ledarskap

PACKAGE = Path(ledarskap.__file__).parent


def _modules(package: Path) -> dict[str, tuple[Path, bool]]:
    found: dict[str, tuple[Path, bool]] = {}
    for path in package.rglob("*.py"):
        parts = (package.name, *path.relative_to(package).with_suffix("").parts)
        is_init = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_init else parts)] = (path, is_init)
    return found


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                skipped.update(id(child) for child in ast.walk(inner))
    return skipped


def _targets(node: ast.AST, base: list[str]) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            root = base[: len(base) - (node.level - 1)]
            module = ".".join(root + ([node.module] if node.module else []))
        else:
            module = node.module or ""
        return [module, *(f"{module}.{alias.name}" for alias in node.names)]
    return []


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of *package* and the modules of it that it imports (lazily too)."""
    modules = _modules(package)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, (path, is_init) in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_nodes(tree)
        base = name.split(".") if is_init else name.split(".")[:-1]
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            for named in _targets(node, base):
                target = named
                while target and target not in modules:  # the deepest module of ours it names
                    target = target.rpartition(".")[0]
                # A module importing its own package (``from . import _checks``) is no loop.
                if target and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
    return graph


def loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_loops_finds_a_loop_and_only_a_loop() -> None:
    """The loop finder itself: a cycle of three is one loop; a chain beside it is none."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert loops(graph) == [["a", "b", "c"]]


def test_no_module_imports_another_in_a_loop() -> None:
    """No two modules of ledarskap reach each other through imports, lazy ones included."""
    assert loops(import_graph()) == []


def test_the_graph_sees_lazy_imports_and_not_type_checking_ones(tmp_path: Path) -> None:
    """An import inside a function counts; one under ``if TYPE_CHECKING:`` never runs."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text("def f():\n    from . import b\n", encoding="utf-8")
    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import c\n",
        encoding="utf-8",
    )
    (package / "c.py").write_text("import pkg.a\n", encoding="utf-8")
    graph = import_graph(package)
    assert graph["pkg.a"] == {"pkg.b"}
    assert graph["pkg.b"] == set()
    assert graph["pkg.c"] == {"pkg.a"}
    assert loops(graph) == []


def test_the_eligibility_package_imports_its_own_modules_at_the_top() -> None:
    """Every import between modules of ``ledarskap.eligibility`` is at the top, where it shows.

    The package reads downward (rule nodes, readers, evaluation, public modules); an import
    inside a function would hide a dependency the layers contract is there to order.
    """
    for path in (PACKAGE / "eligibility").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
                assert not inner, f"{path.name}: {node.name} imports inside a function"
