"""The notebook examples/analysis.py runs top to bottom, as a script, and shares no one.

It is a jupytext "percent" script: the test runs it as a plain program in a folder of its
own, as an analyst would, and checks what it leaves there.
"""

from __future__ import annotations

import re
import stat
import subprocess
import sys
from pathlib import Path

from ledarskap import example_program

NOTEBOOK = Path(__file__).parent.parent / "examples" / "analysis.py"


def test_the_notebook_is_a_jupytext_percent_script() -> None:
    text = NOTEBOOK.read_text(encoding="utf-8")
    assert "format_name: percent" in text
    cells = text.count("\n# %%")
    assert cells >= 10
    assert text.count("# %% [markdown]") >= 5


def test_the_notebook_runs_from_the_example_program_to_an_export_and_two_figures(
    tmp_path: Path,
) -> None:
    run = subprocess.run(
        [sys.executable, str(NOTEBOOK)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    out = tmp_path / "analysis-output"
    assert sorted(p.name for p in out.iterdir()) == [
        "meeting-timeline.svg",
        "participants-by-county.png",
        "pseudonym.key",
    ]
    assert (out / "participants-by-county.png").read_bytes().startswith(b"\x89PNG")
    assert "Mentor meetings" in (out / "meeting-timeline.svg").read_text(encoding="utf-8")
    assert stat.S_IMODE((out / "pseudonym.key").stat().st_mode) == 0o600
    assert "Safe export, k = 5" in run.stdout
    for person in example_program().people:  # what it prints names no one
        assert not re.search(rf"\b{re.escape(person.family_name)}\b", run.stdout)
        assert person.email is None or person.email not in run.stdout
