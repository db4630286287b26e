"""Running the command: in-process through ``main(argv)``, or for real in a subprocess.

A subprocess costs about 0.3 s, so each command is run for real once or twice (its good
and its bad input); everything else goes through :func:`run`, which is what the console
script calls, with the streams captured.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ledarskap.cli import main

EXAMPLE = str(resources.files("ledarskap.data").joinpath("example-program.json"))
"""The example program's document (a real file of the installed package)."""

SCRIPT = Path(sys.executable).parent / "ledarskap"
"""The console script pip installed beside the interpreter running the tests."""

ENGLISH = {"LANG": "en_GB.UTF-8"}


@dataclass(frozen=True)
class Result:
    """What a run of the command gave: its exit status and its two streams."""

    code: int
    out: str
    err: str


def run(*argv: str, environ: dict[str, str] | None = None) -> Result:
    """``ledarskap *argv`` in this process (English unless *environ* or ``--lang`` says)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, environ=ENGLISH if environ is None else environ)
    return Result(code, out.getvalue(), err.getvalue())


def run_script(
    *argv: str,
    module: bool = False,
    cwd: Path | None = None,
    lang: str = "en_GB.UTF-8",
    environ: dict[str, str] | None = None,
) -> Result:
    """``ledarskap *argv`` for real: the console script, or ``python -m ledarskap``.

    The locale is *lang* (``LANG``; ``LC_ALL`` and ``LC_MESSAGES`` unset); *environ* adds
    to the environment (``PYTHONPATH``, say).
    """
    command = [sys.executable, "-m", "ledarskap"] if module else [str(SCRIPT)]
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", **(environ or {})}
    done = subprocess.run(
        [*command, *argv], capture_output=True, text=True, check=False, env=env, cwd=cwd
    )
    return Result(done.returncode, done.stdout, done.stderr)


def assert_clean_failure(result: Result, *, code: int = 2) -> None:
    """A failure as the command shows one: its exit status, a message, no traceback."""
    assert result.code == code, result
    assert "Traceback" not in result.err
    assert result.err.startswith(("ledarskap: ", "usage: ", "användning: ")), result.err


def importing(sheet: Path, program: Path, *more: str, kind: str = "participants") -> list[str]:
    """The command line that imports *sheet* into *program* (cohort liko-2025), then *more*."""
    return [
        "import",
        str(sheet),
        "--kind",
        kind,
        "--into",
        str(program),
        "--cohort",
        "liko-2025",
        *more,
    ]


def pseudonymised(key_file: Path, *more: str) -> list[str]:
    """The options of a safe export keyed by *key_file*, then *more*."""
    return ["--pseudonymise", "--key-file", str(key_file), *more]
