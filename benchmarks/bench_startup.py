"""How fast the ``ledarskap`` command starts, against a process that only imports its base.

The reference is the least any tool built on the same libraries pays: a Python process
that imports attrs, cattrs and dateutil and does nothing else. Against it are timed, as
separate processes:

- ``ledarskap --help``: the command's parser and help, nothing of the file formats or
  the rules (aim ≤1.2x);
- ``ledarskap validate`` on the example program: read the document, validate it, print
  the report (aim ≤1.2x);
- ``python -c "import ledarskap"``: the package alone, for comparison;
- the design's floor for ``validate`` (``benchmarks/_floor.py``): a module that makes the
  command's attrs classes and enums bare, imports argparse and reads the example with
  :mod:`json`, for comparison: what of the 1.2x the design leaves to the library's work.

Each timed call starts the process :data:`PROCESSES` times one after the other (the
"size" in the table), so that one call is long enough to time; the harness interleaves
the two sides in ABBA order and reports medians (``benchmarks/_harness.py``). Both sides
run with the same environment: bytecode cached in a fresh folder of their own
(``PYTHONPYCACHEPREFIX``, written by the harness's warm-up call), as an installed
package has its bytecode compiled, whatever ``PYTHONDONTWRITEBYTECODE`` says in the
shell; the code attrs compiles for the library's classes, which the command keeps beside
its bytecode (``ledarskap._code_cache``), is written there by the same call. The collector modes of the harness pause this process's collector only; the
children run as they would.

Run it with ``make bench`` or ``python -m benchmarks bench_startup``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from ._harness import Comparison, Result, machine, run

PROCESSES = 5
"""Processes started one after the other in one timed call."""

REFERENCE = (sys.executable, "-c", "import attrs, cattrs, dateutil")
EXAMPLE = str(resources.files("ledarskap.data").joinpath("example-program.json"))
SCRIPT = Path(sys.executable).parent / "ledarskap"


def _environment(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def _starts(command: Sequence[str], env: dict[str, str]) -> Callable[[], object]:
    def start() -> None:
        for _ in range(PROCESSES):
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)

    return start


def _comparison(
    name: str, command: Sequence[str], cache: str, target: float | None = None
) -> Comparison:
    env = _environment(cache)

    def prepare(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
        return _starts(command, env), _starts(REFERENCE, env)

    return Comparison(name, "ledarskap", "import attrs, cattrs, dateutil", prepare, target)


def _floor(folder: str) -> tuple[str, ...]:
    """Write the design's floor into *folder*; the command that imports it."""
    module = Path(folder, "floor", "ledarskap_floor.py")
    module.parent.mkdir()
    made = subprocess.run(
        (sys.executable, "-m", "benchmarks._floor", str(module)),
        capture_output=True,
        text=True,
        check=True,
    )
    enums, records = made.stdout.split()
    print(f"Design floor: {enums} enums and {records} attrs classes made bare, argparse, json\n")
    code = f"import sys; sys.path.insert(0, {str(module.parent)!r}); import ledarskap_floor"
    return (sys.executable, "-c", code)


def main() -> list[Result]:
    if not SCRIPT.exists():
        raise SystemExit(f"bench_startup: no console script at {SCRIPT}: pip install -e .")
    print(f"Machine: {machine()}\n")
    with tempfile.TemporaryDirectory(prefix="ledarskap-pycache-") as cache:
        floor = _floor(cache)
        comparisons = [
            _comparison("ledarskap --help", (str(SCRIPT), "--help"), cache, 1.2),
            _comparison(
                "ledarskap validate (example)", (str(SCRIPT), "validate", EXAMPLE), cache, 1.2
            ),
            _comparison("import ledarskap", (sys.executable, "-c", "import ledarskap"), cache),
            _comparison("design floor of validate", floor, cache),
        ]
        return run(comparisons, at=(PROCESSES,))


if __name__ == "__main__":
    main()
