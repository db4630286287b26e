"""Junk on the command line: never a traceback, always an exit status and a masked message."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ledarskap.cli._parser import COMMANDS
from tests._hostile import SWEEP, assert_masked

from ._run import EXAMPLE, run

OPTIONS = [
    "--format", "--lang", "--cohort", "--rules", "--as-of", "--kind", "--into", "--mapping",
    "--dry-run", "--strict", "--output", "-o", "--pseudonymise", "--key-file", "--k", "--help",
]  # fmt: skip
VALUES = [
    "json", "text", "csv", "xlsx", "toml", "parquet", "sv", "en", "de", "participants",
    "mentors", "liko-2025", "2025-13-01", "2026-01-01", "0", "5", "", "19850312-2395",
    "anna.berg@example.se", "\x00", "💥",
]  # fmt: skip


def _junk_files(folder: Path) -> list[str]:
    """Files of every kind a command may be given: good, broken, empty, a folder, none."""
    files = {
        "broken.json": '{"format": "ledarskap.program", "format_version": 1, "people": [{"id": 19850312}]}',
        "notjson.json": "{",
        "empty.toml": "",
        "sheet.csv": "Förnamn;Efternamn\n19850312-2395;x@y.se\n",
        "rules.toml": "id = 3\n",
        "key.bin": "k" * 40,
    }
    for name, text in files.items():
        (folder / name).write_text(text, "utf-8")
    (folder / "folder").mkdir(exist_ok=True)
    return [
        *(str(folder / name) for name in files),
        str(folder / "folder"),
        str(folder / "nowhere.json"),
        EXAMPLE,
    ]


@SWEEP
@given(st.data())
def test_junk_command_lines_end_in_an_exit_status(tmp_path: Path, data: st.DataObject) -> None:
    """Law: whatever the arguments, the command returns 0, 1 or 2 (never raises), and
    shows no personnummer in full on either stream."""
    pieces = (
        st.sampled_from(OPTIONS) | st.sampled_from(VALUES) | st.sampled_from(_junk_files(tmp_path))
    )
    command = data.draw(st.sampled_from([c.name for c in COMMANDS]))
    argv = [command, *data.draw(st.lists(pieces, max_size=7))]
    if command in ("export", "schema"):
        argv += ["--output", str(tmp_path / "out" / "x")]  # what is written stays here
    result = run(*argv)
    assert result.code in (0, 1, 2), (argv, result)
    assert "Traceback" not in result.err
    assert_masked(result.out)
    assert_masked(result.err)
