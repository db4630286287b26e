"""A writer killed mid-write: the target is the old file or the new one, never a part.

Every writer of the library goes through :mod:`ledarskap.io._atomic`: a program document
(JSON, TOML), a sheet (CSV, XLSX), tables in one file (XLSX, JSON, TOML), a sheet
mapping, a calendar and a figure. Each runs in a subprocess that stops at a chosen point
of the write and is killed there with SIGKILL, the one signal no ``finally`` sees:

- after the temporary copy is complete and fsynced (``fsync``) or just before the rename
  (``replace``): the target holds the old bytes, the temporary copy left behind is
  readable by its owner only (until the instant before the rename, when it gets the
  target's permissions), and the next write removes it;
- just after the rename, while the folder is fsynced (``renamed``): the target is the new
  file, complete (its reader reads it), and no temporary copy is left.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import pytest

import ledarskap
from ledarskap.io import load_sheet_mapping, read_sheet
from ledarskap.io._atomic import TEMPORARY_PREFIX
from ledarskap.tables import program_tables, write_tables

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or not hasattr(os, "fchmod"), reason="POSIX only"
)

# What every writer is given: the example program, or (new) one with a renamed cohort and
# adept, so that the new file differs from the old in every format.
PRELUDE = """
import attrs
import ledarskap
from ledarskap.calendar import write_cohort_calendar
from ledarskap.io import SheetMapping, save_sheet_mapping, write_sheet
from ledarskap.tables import program_tables, write_tables

data = ledarskap.example_program()
if new:
    person = data.participants[0].person_id
    data = attrs.evolve(
        data,
        cohorts=[attrs.evolve(c, name=c.name + " (ny)") for c in data.cohorts],
        people=[attrs.evolve(p, given_name="Ny") if p.id == person else p for p in data.people],
    )
"""

SHEET = "write_sheet(data, target, kind='participants', include_personnummer=True)"

WRITERS: dict[str, str] = {
    "program.json": "ledarskap.dump(data, target)",
    "program.toml": "ledarskap.dump(data, target)",
    "sheet.csv": SHEET,
    "sheet.xlsx": SHEET,
    "tables.xlsx": "write_tables(program_tables(data), target, format='xlsx')",
    "tables.json": "write_tables(program_tables(data), target, format='json')",
    "tables.toml": "write_tables(program_tables(data), target, format='toml')",
    "mapping.toml": (
        "save_sheet_mapping(SheetMapping(kind='participants', cohort='liko-2025' if new "
        "else None), target)"
    ),
    "calendar.ics": (
        "import datetime as dt\n"
        "write_cohort_calendar(target, data, 'liko-2025', stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))"
    ),
    "figure.svg": (
        "from ledarskap import plots\n"
        "figure = (plots.participants_by_municipality if new else plots.participants_by_county)"
        "(data)\n"
        "plots.save(figure, target)"
    ),
}


def _icalendar(target: Path) -> object:
    return icalendar.Calendar.from_ical(target.read_bytes())


def _sheet(target: Path) -> None:
    assert read_sheet(target, "participants").ok


def _zip(target: Path) -> None:
    with zipfile.ZipFile(target) as book:
        assert book.testzip() is None


READERS: dict[str, Callable[[Path], object]] = {
    "program.json": ledarskap.load,
    "program.toml": ledarskap.load,
    "sheet.csv": _sheet,
    "sheet.xlsx": _sheet,
    "tables.xlsx": _zip,
    "tables.json": lambda target: json.loads(target.read_bytes()),
    "tables.toml": lambda target: tomllib.loads(target.read_text("utf-8")),
    "mapping.toml": load_sheet_mapping,
    "calendar.ics": _icalendar,
    "figure.svg": ElementTree.parse,
}
"""Each file's reader: it raises unless the file is complete."""

CHILD = """
import os, stat, sys, time

target, point = sys.argv[1], sys.argv[2]
new = True
{prelude}

def stop_here(original):
    def stopped(*args):
        kind = stat.S_IFMT(os.fstat(args[0]).st_mode) if point != "replace" else None
        if point == "replace" or (point == "fsync") == (kind == stat.S_IFREG):
            print("stopped", flush=True)
            time.sleep(120)
        return original(*args)
    return stopped


if point == "replace":
    os.replace = stop_here(os.replace)
else:  # "fsync": of the temporary file; "renamed": of the folder, after the rename
    os.fsync = stop_here(os.fsync)
{write}
print("done", flush=True)
"""


def write(name: str, target: Path, *, new: bool = False) -> None:
    """Write *name*'s file to *target* in this process: the old content unless *new*."""
    namespace: dict[str, object] = {"new": new, "target": target}
    exec(textwrap.dedent(PRELUDE), namespace)
    exec(WRITERS[name], namespace)


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(TEMPORARY_PREFIX)]


def kill_while_writing(name: str, target: Path, point: str) -> None:
    script = CHILD.replace("{prelude}", PRELUDE).replace("{write}", WRITERS[name])
    kill_when_stopped(script, target, point)


def kill_when_stopped(script: str, target: Path, point: str) -> None:
    """Run *script* on *target*, stopping at *point*; kill it (SIGKILL) once it says so."""
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


def _needs(name: str) -> None:
    if name.endswith(".xlsx"):
        pytest.importorskip("openpyxl")
    if name.startswith("figure"):
        pytest.importorskip("matplotlib")


# "replace" differs from "fsync" only in the temporary copy's permissions: the four kinds of
# file are enough for it.
BEFORE_THE_RENAME = [
    *((name, "fsync") for name in sorted(WRITERS)),
    *((name, "replace") for name in ("program.json", "program.toml", "sheet.csv", "sheet.xlsx")),
]


@pytest.mark.parametrize(("name", "point"), BEFORE_THE_RENAME)
def test_a_writer_killed_before_the_rename_leaves_the_old_file_and_no_readable_copy(
    tmp_path: Path, name: str, point: str
) -> None:
    _needs(name)
    target = tmp_path / name
    write(name, target)
    target.chmod(0o644)
    old = target.read_bytes()

    kill_while_writing(name, target, point)

    assert target.read_bytes() == old
    left = temporaries(tmp_path)
    assert len(left) == 1  # the complete copy the killed process was about to rename
    if point == "fsync":  # until its final permissions, just before the rename
        assert stat.S_IMODE(left[0].stat().st_mode) == 0o600  # for its owner's eyes only

    write(name, target)  # the next write removes it
    assert temporaries(tmp_path) == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    READERS[name](target)


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_writer_killed_after_the_rename_leaves_the_new_file_whole(
    tmp_path: Path, name: str
) -> None:
    _needs(name)
    target = tmp_path / name
    write(name, target)
    old = target.read_bytes()

    kill_while_writing(name, target, "renamed")

    assert target.read_bytes() != old
    READERS[name](target)  # complete: its reader reads it
    assert temporaries(tmp_path) == []
    if name.startswith("program"):
        assert ledarskap.load(target).cohorts[0].name.endswith(" (ny)")


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
    kill_when_stopped(FOLDER_CHILD, target, point)
    assert _contents(target) == (new if point == "removal" else old)
    left = temporaries(tmp_path)
    assert len(left) == 1  # the new folder (or, swapped, the old one) the killed export left
    assert stat.S_IMODE(left[0].stat().st_mode) in (0o700, stat.S_IMODE(target.stat().st_mode))

    assert _tables_folder(target, "en") == new  # the next export removes it
    assert temporaries(tmp_path) == []
