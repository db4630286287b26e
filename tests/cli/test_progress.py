"""The progress bar: drawn in place on a terminal, cleared at the end, silent elsewhere."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ledarskap.cli import main
from ledarskap.cli._progress import Progress

from ._programs import example_copy
from ._run import EXAMPLE, run


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


def test_the_bar_is_drawn_in_place_and_cleared() -> None:
    stream = FakeTerminal()
    clock = Clock()
    with Progress(stream, 4, "Writing", width=8, clock=clock) as bar:
        assert stream.getvalue() == "\rWriting [........]   0% (0/4)"
        clock.now = 1.0
        bar.advance()
        assert stream.getvalue().endswith("\rWriting [##......]  25% (1/4)")
        bar.advance()  # too soon after the last: not drawn
        assert "50%" not in stream.getvalue()
        bar.advance(2)  # the end is always drawn
        assert stream.getvalue().endswith("\rWriting [########] 100% (4/4)")
    width = len("Writing [########] 100% (4/4)")
    assert stream.getvalue().endswith("\r" + " " * width + "\r")


def test_nothing_is_written_where_no_one_watches() -> None:
    stream = io.StringIO()
    with Progress(stream, 3, "Writing") as bar:
        bar.advance(3)
    assert stream.getvalue() == ""
    assert not Progress(object(), 1, "x").shown  # type: ignore[arg-type]  # no isatty at all


def test_a_closed_stream_is_no_terminal() -> None:
    stream = io.StringIO()
    stream.close()  # isatty() raises ValueError now
    assert not Progress(stream, 1, "x").shown


@given(st.integers(0, 50), st.lists(st.integers(-5, 60), max_size=20))
def test_the_bar_never_goes_past_its_ends(total: int, updates: list[int]) -> None:
    """Law: whatever is counted, the bar shows between 0 and total steps, and as many
    # marks as the share done of its width."""
    bar = Progress(FakeTerminal(), total, "x", width=10, interval=0)
    for done in updates:
        bar.update(done)
        assert 0 <= bar.done <= total
        line = bar.line()
        assert line.count("#") == round((bar.done / total if total else 1) * 10)


def test_an_import_shows_its_progress_on_a_terminal(tmp_path: Path) -> None:
    csv = tmp_path / "mentorer.csv"
    csv.write_text("Förnamn;Efternamn;Kommun\n", "utf-8")
    program = example_copy(tmp_path)
    err = FakeTerminal()
    code = main(
        ["import", str(csv), "--kind", "mentors", "--into", str(program), "--cohort", "liko-2025"],
        stdout=io.StringIO(),
        stderr=err,
        environ={"LANG": "sv_SE.UTF-8"},
    )
    assert code == 0
    assert "\rImporterar [" in err.getvalue()
    assert "100% (3/3)" in err.getvalue()
    assert err.getvalue().endswith("\r")
    assert run("import", str(csv), "--kind", "mentors", "--into", str(program)).err == ""


def test_an_export_shows_its_progress_on_a_terminal(tmp_path: Path) -> None:
    err = FakeTerminal()
    argv = ["export", EXAMPLE, "--format", "json", "-o", str(tmp_path / "t.json")]
    assert main(argv, stdout=io.StringIO(), stderr=err, environ={"LANG": "en_GB"}) == 0
    assert "\rExporting [" in err.getvalue()
    assert "100% (2/2)" in err.getvalue()
