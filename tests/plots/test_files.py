from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest
from matplotlib.figure import Figure

from ledarskap import example_program
from ledarskap.errors import FileAccessError, InvalidValueError, MissingDependencyError, UsageError
from ledarskap.plots import FORMATS, meeting_timeline, save

DATA = example_program()


@pytest.fixture(scope="module")
def figure() -> Figure:
    return meeting_timeline(DATA)


@pytest.mark.parametrize(
    ("name", "magic"),
    [
        ("t.png", b"\x89PNG\r\n\x1a\n"),
        ("t.svg", b"<?xml"),
        ("T.PNG", b"\x89PNG"),
        ("t.Svg", b"<?xml"),
    ],
)
def test_the_suffix_chooses_the_format(
    tmp_path: Path, figure: Figure, name: str, magic: bytes
) -> None:
    save(figure, tmp_path / name)
    assert (tmp_path / name).read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


def test_an_svg_is_the_same_bytes_on_every_run_and_keeps_its_text(
    tmp_path: Path, figure: Figure
) -> None:
    save(figure, tmp_path / "a.svg")
    save(meeting_timeline(DATA), str(tmp_path / "b.svg"))
    first = (tmp_path / "a.svg").read_bytes()
    assert first == (tmp_path / "b.svg").read_bytes()
    assert "Mentorsträffar – Omgång 2025/26" in first.decode("utf-8")


def test_the_resolution_of_a_png_is_its_dpi(tmp_path: Path, figure: Figure) -> None:
    save(figure, tmp_path / "low.png", dpi=50)
    save(figure, tmp_path / "high.png", dpi=100)
    width = int.from_bytes((tmp_path / "low.png").read_bytes()[16:20], "big")
    assert int.from_bytes((tmp_path / "high.png").read_bytes()[16:20], "big") == 2 * width
    assert width == round(figure.get_figwidth() * 50)


@pytest.mark.parametrize("name", ["timeline.pdf", "timeline", "timeline.png.txt", ".svg"])
def test_other_suffixes_are_refused_and_nothing_is_written(
    tmp_path: Path, figure: Figure, name: str
) -> None:
    with pytest.raises(
        InvalidValueError, match=r"path: expected a file name ending in \.png or \.svg"
    ):
        save(figure, tmp_path / name)
    assert list(tmp_path.iterdir()) == []
    assert set(FORMATS) == {".png", ".svg"}


def test_wrong_arguments_are_refused(tmp_path: Path, figure: Figure) -> None:
    with pytest.raises(UsageError, match="expected a matplotlib Figure to save, found dict"):
        save({}, tmp_path / "x.png")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match=r"^save\(path\): expected a file path"):
        save(figure, 42)  # type: ignore[arg-type]
    for dpi in (0, 5000, True, "150"):
        with pytest.raises(InvalidValueError, match="dpi: expected a number from 10 to 1200"):
            save(figure, tmp_path / "x.png", dpi=dpi)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_the_library_s_write_policy_holds(tmp_path: Path, figure: Figure) -> None:
    (tmp_path / "folder.png").mkdir()
    with pytest.raises(FileAccessError, match="it is a folder"):
        save(figure, tmp_path / "folder.png")
    locked = tmp_path / "locked.svg"
    locked.write_text("old")
    locked.chmod(0o444)  # refused by its bits, even for root
    with pytest.raises(FileAccessError, match="read-only"):
        save(figure, locked)
    assert locked.read_text() == "old"
    link = tmp_path / "link.png"
    target = tmp_path / "target.png"
    target.write_bytes(b"old")
    link.symlink_to(target)
    save(figure, link)
    assert link.is_symlink()
    assert target.read_bytes().startswith(b"\x89PNG")


def test_saving_leaves_matplotlib_s_settings_as_they_were(tmp_path: Path, figure: Figure) -> None:
    before = dict(matplotlib.rcParams)
    save(figure, tmp_path / "x.svg")
    meeting_timeline(DATA, language="en")
    assert dict(matplotlib.rcParams) == before


def test_without_matplotlib_the_message_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, figure: Figure
) -> None:
    for name in ("matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(
        MissingDependencyError,
        match=r"Drawing the meeting timeline needs the optional package 'matplotlib': pip install 'ledarskap\[plot\]'",
    ):
        meeting_timeline(DATA)
    with pytest.raises(MissingDependencyError, match=r"Saving a figure needs .*ledarskap\[plot\]"):
        save(figure, tmp_path / "x.png")


def test_importing_the_plots_imports_no_matplotlib_and_drawing_no_pyplot_nor_pandas() -> None:
    code = (
        "import sys, ledarskap.plots\n"
        "print('matplotlib' in sys.modules)\n"
        "data = ledarskap.example_program()\n"
        "ledarskap.plots.meeting_timeline(data)\n"
        "ledarskap.plots.participants_by_county(data)\n"
        "print('matplotlib' in sys.modules, 'matplotlib.pyplot' in sys.modules)\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "False", "False"]


def test_a_bad_name_in_swedish(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError) as caught:
        save(Figure(), tmp_path / "bild.pdf")
    assert caught.value.render("sv") == (
        "path: förväntade ett filnamn som slutar på .png eller .svg, fick '.pdf'"
    )
    with pytest.raises(UsageError) as not_figure:
        save("bild", tmp_path / "bild.png")  # type: ignore[arg-type]
    assert not_figure.value.render("sv") == ("förväntade en matplotlib Figure att spara, fick str")
