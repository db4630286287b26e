"""The progress bar: rows counted in place on a terminal, cleared at the end, silent elsewhere."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ledarskap.cli import main
from ledarskap.cli._progress import Progress

from ._run import EXAMPLE, SCRIPT, run


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_counts_rows_in_place_and_is_cleared() -> None:
    stream = FakeTerminal()
    clock = Clock()
    with Progress(stream, "Writing", width=8, clock=clock) as bar:
        assert stream.getvalue() == "\rWriting …"
        bar(0, 400)
        clock.now = 1.0
        bar(100, 400)
        assert stream.getvalue().endswith("\rWriting [##......]  25% 100/400 rows, 100 rows/s")
        bar(200, 400)  # too soon after the last: not drawn
        assert "50%" not in stream.getvalue()
        clock.now = 2.0
        bar(400, 400)  # the end is always drawn
        assert stream.getvalue().endswith("\rWriting [########] 100% 400/400 rows, 200 rows/s")
    width = len("Writing [########] 100% 400/400 rows, 200 rows/s")
    assert stream.getvalue().endswith("\r" + " " * width + "\r")


def test_without_a_total_the_count_and_the_rate() -> None:
    stream = FakeTerminal()
    clock = Clock()
    with Progress(stream, "Läser", unit="rader", clock=clock, interval=0) as bar:
        bar(0, None)
        clock.now = 0.5
        bar(256, None)
        assert stream.getvalue().endswith("\rLäser 256 rader, 512 rader/s")
        bar.stage("Kontrollerar")
        padding = len("Läser 256 rader, 512 rader/s") - len("Kontrollerar …")
        assert stream.getvalue().endswith("\rKontrollerar …" + " " * padding)


def test_a_label_is_masked_as_every_text_the_command_shows() -> None:
    """A sheet's name is the user's to choose, and may hold a personnummer or an address."""
    stream = FakeTerminal()
    with Progress(stream, "Läser 19850312-2395 anna.berg@example.se.csv") as bar:
        bar.stage("Kontrollerar 19850312-2395.csv")
    shown = stream.getvalue()
    assert "19XXXXXX-XX95" in shown
    assert "0312" not in shown
    assert "anna.berg" not in shown


def test_nothing_is_written_where_no_one_watches() -> None:
    stream = io.StringIO()
    with Progress(stream, "Writing") as bar:
        bar(3, 3)
    assert stream.getvalue() == ""
    assert not Progress(FakeTerminal(), "x", shown=False).shown  # asked not to (JSON output)
    assert not Progress(object(), "x").shown  # type: ignore[arg-type]  # no isatty at all


def test_a_closed_stream_is_no_terminal() -> None:
    stream = io.StringIO()
    stream.close()  # isatty() raises ValueError now
    assert not Progress(stream, "x").shown


@given(st.integers(0, 50), st.lists(st.integers(-5, 60), max_size=20))
def test_the_bar_never_goes_past_its_ends(total: int, updates: list[int]) -> None:
    """Law: whatever is counted, the bar shows between 0 and total rows, and as many
    # marks as the share done of its width."""
    bar = Progress(FakeTerminal(), "x", width=10, interval=0)
    for done in updates:
        bar(done, total)
        assert bar.done is not None
        assert 0 <= bar.done <= total
        assert bar.line().count("#") == round((bar.done / total if total else 1) * 10)


def _sheet(folder: Path, rows: int) -> Path:
    """A mentors sheet of *rows* rows."""
    csv = folder / "mentorer.csv"
    body = "".join(f"M{n};Berg;Motala\n" for n in range(rows))
    csv.write_text("Förnamn;Efternamn;Kommun\n" + body, "utf-8")
    return csv


def test_an_import_counts_its_rows_on_a_terminal(tmp_path: Path, program: Path) -> None:
    csv = _sheet(tmp_path, 600)
    err = FakeTerminal()
    argv = ["import", str(csv), "--kind", "mentors", "--into", str(program), "--dry-run"]
    code = main(
        [*argv, "--cohort", "liko-2025"],
        stdout=io.StringIO(),
        stderr=err,
        environ={"LANG": "sv_SE.UTF-8"},
    )
    assert code == 0
    assert "\rLäser mentorer.csv [" in err.getvalue()
    assert " 600/600 rader" in err.getvalue()
    assert "\rKontrollerar …" in err.getvalue()
    assert err.getvalue().endswith("\r")
    json_err = FakeTerminal()  # --format json: no bar, even on a terminal
    main([*argv, "--format", "json"], stdout=io.StringIO(), stderr=json_err, environ={})
    assert json_err.getvalue() == ""
    assert run(*argv).err == ""  # not a terminal: nothing


def test_an_export_counts_its_rows_on_a_terminal(tmp_path: Path) -> None:
    err = FakeTerminal()
    argv = ["export", EXAMPLE, "--format", "csv", "-o", str(tmp_path / "t")]
    assert main(argv, stdout=io.StringIO(), stderr=err, environ={"LANG": "en_GB"}) == 0
    assert "\rBuilding the tables …" in err.getvalue()
    assert "\rWriting the tables [" in err.getvalue()
    assert "100% " in err.getvalue()


def _under_a_terminal(*argv: str) -> tuple[int, str, str]:
    """``ledarskap *argv`` for real, its standard error a pseudo-terminal."""
    reader, terminal = pty.openpty()
    env = {**os.environ, "LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    seen = b""
    with subprocess.Popen(
        [str(SCRIPT), *argv], stdout=subprocess.PIPE, stderr=terminal, env=env, text=True
    ) as process:
        os.close(terminal)
        while select.select([reader], [], [], 30)[0]:
            try:
                chunk = os.read(reader, 4096)
            except OSError:  # the terminal's other end closed: the process is done
                break
            if not chunk:
                break
            seen += chunk
        out, _ = process.communicate(timeout=30)
    os.close(reader)
    return process.returncode, out, seen.decode("utf-8", "replace")


def test_the_real_command_draws_a_bar_on_a_terminal_only(tmp_path: Path) -> None:
    code, out, err = _under_a_terminal(
        "export", EXAMPLE, "--format", "json", "-o", str(tmp_path / "t.json")
    )
    assert code == 0, err
    assert out.startswith("Wrote 7 tables")
    assert "Writing the tables [" in err
    assert err.endswith("\r")  # cleared
    piped = subprocess.run(
        [str(SCRIPT), "export", EXAMPLE, "--format", "json", "-o", str(tmp_path / "u.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (piped.returncode, piped.stderr) == (0, "")


def test_a_narrow_terminal_gets_a_narrower_bar_and_never_a_wrapped_line() -> None:
    stream = FakeTerminal()
    bar = Progress(stream, "Skriver tabellerna", unit="rader", width=30, interval=0)
    bar.columns = 60
    bar(5000, 10000)
    line = stream.getvalue().rpartition("\r")[2]
    assert len(line) < 60
    assert "[#####.....]  50% 5000/10000 rader" in line  # the bar at its narrowest, 10
    bar.columns = 30
    bar(6000, 10000)
    assert len(stream.getvalue().rpartition("\r")[2]) == 29  # cut: it would wrap
