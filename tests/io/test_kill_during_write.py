"""A writer killed mid-write: the target is the old file or the new one, never a part.

Each writer (a document as JSON or TOML, a sheet as CSV or XLSX) runs in a subprocess
that stops at a chosen point of the write (after the temporary copy is complete and
fsynced, or just before the rename) and is killed there with SIGKILL, the one signal no
``finally`` sees. Afterwards the target holds the old bytes, the temporary copy left
behind is readable by its owner only (until the instant before the rename, when it gets
the target's permissions), and the next write removes it.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import ledarskap
from ledarskap.io import read_sheet, write_sheet
from ledarskap.io._atomic import TEMPORARY_PREFIX
from ledarskap.tables import program_tables, write_tables

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or not hasattr(os, "fchmod"), reason="POSIX only"
)

WRITERS = {
    "json": "ledarskap.dump(data, target)",
    "toml": "ledarskap.dump(data, target)",
    "csv": "write_sheet(data, target, kind='participants', include_personnummer=True)",
    "xlsx": "write_sheet(data, target, kind='participants', include_personnummer=True)",
}

CHILD = """
import os, stat, sys, time
import attrs
import ledarskap
from ledarskap.io import write_sheet

target, point = sys.argv[1], sys.argv[2]
data = ledarskap.example_program()
data = attrs.evolve(data, cohorts=data.cohorts[:1])  # new content, not the old file's


def stop_here(original):
    def stopped(*args):
        if point == "replace" or stat.S_ISREG(os.fstat(args[0]).st_mode):
            print("stopped", flush=True)
            time.sleep(120)
        return original(*args)
    return stopped


if point == "fsync":
    os.fsync = stop_here(os.fsync)
elif point == "replace":
    os.replace = stop_here(os.replace)
{write}
print("done", flush=True)
"""


def write(syntax: str, target: Path) -> None:
    data = ledarskap.example_program()
    if syntax in ("json", "toml"):
        ledarskap.dump(data, target)
    else:
        write_sheet(data, target, kind="participants", include_personnummer=True)


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(TEMPORARY_PREFIX)]


def kill_while_writing(syntax: str, target: Path, point: str) -> None:
    script = textwrap.dedent(CHILD).replace("{write}", WRITERS[syntax])
    with subprocess.Popen(
        [sys.executable, "-c", script, str(target), point], stdout=subprocess.PIPE, text=True
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "stopped"
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL


@pytest.mark.parametrize("point", ["fsync", "replace"])
@pytest.mark.parametrize("syntax", sorted(WRITERS))
def test_a_killed_writer_leaves_the_old_file_and_no_readable_copy(
    tmp_path: Path, syntax: str, point: str
) -> None:
    if syntax == "xlsx":
        pytest.importorskip("openpyxl")
    target = tmp_path / f"program.{syntax}"
    write(syntax, target)
    target.chmod(0o644)
    old = target.read_bytes()

    kill_while_writing(syntax, target, point)

    assert target.read_bytes() == old
    left = temporaries(tmp_path)
    assert len(left) == 1  # the complete copy the killed process was about to rename
    if point == "fsync":  # until its final permissions, just before the rename
        assert stat.S_IMODE(left[0].stat().st_mode) == 0o600  # for its owner's eyes only

    write(syntax, target)  # the next write removes it
    assert temporaries(tmp_path) == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    if syntax in ("json", "toml"):
        assert ledarskap.load(target) == ledarskap.example_program()
    else:
        assert read_sheet(target, "participants").ok


# A folder of tables (write_tables to a folder) ---------------------------------------------

FOLDER_CHILD = """
import os, sys, time
import ledarskap
from ledarskap.io import _atomic
from ledarskap.tables import files, program_tables, write_tables

target, point = sys.argv[1], sys.argv[2]


def stop(original, after=0):
    calls = []
    def stopped(*args, **kwargs):
        calls.append(args)
        if len(calls) > after:
            print("stopped", flush=True)
            time.sleep(120)
        return original(*args, **kwargs)
    return stopped


if point == "files":  # three tables written of seven
    files.write_new_file = stop(files.write_new_file, after=3)
elif point == "swap":  # every table written, not yet swapped in
    _atomic._swap = stop(_atomic._swap)
elif point == "removal":  # swapped in, the old folder not yet removed
    _atomic.shutil.rmtree = stop(_atomic.shutil.rmtree)
write_tables(program_tables(ledarskap.example_program(), language="en"), target, format="csv")
print("done", flush=True)
"""


def _tables_folder(target: Path, language: str) -> dict[str, bytes]:
    """The tables of the example in *language*, written to *target*: each file's bytes."""
    tables = program_tables(ledarskap.example_program(), language=language)  # type: ignore[arg-type]
    write_tables(tables, target, format="csv")
    return _contents(target)


def _contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.mark.parametrize("point", ["files", "swap", "removal"])
def test_a_killed_folder_export_leaves_the_old_tables_or_the_new_never_a_mix(
    tmp_path: Path, point: str
) -> None:
    target = tmp_path / "tables"
    new = _tables_folder(tmp_path / "expected", "en")
    old = _tables_folder(target, "sv")
    assert old != new
    assert old.keys() == new.keys()
    with subprocess.Popen(
        [sys.executable, "-c", FOLDER_CHILD, str(target), point], stdout=subprocess.PIPE, text=True
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "stopped"
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)
    assert _contents(target) == (new if point == "removal" else old)
    left = temporaries(tmp_path)
    assert len(left) == 1  # the new folder (or, swapped, the old one) the killed export left
    assert stat.S_IMODE(left[0].stat().st_mode) in (0o700, stat.S_IMODE(target.stat().st_mode))

    assert _tables_folder(target, "en") == new  # the next export removes it
    assert temporaries(tmp_path) == []
