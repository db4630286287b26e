"""docs/make_figures.py draws the pictures docs/plots.md shows, and only those."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

DOCS = Path(__file__).parent.parent.parent / "docs"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_figures", DOCS / "make_figures.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_page_shows_every_picture_the_script_draws_and_each_is_committed() -> None:
    script = _script()
    drawn = {f"{name}-{lang}.png" for name, (_, langs) in script.FIGURES.items() for lang in langs}
    shown = set(re.findall(r"\]\(images/([\w-]+\.png)\)", (DOCS / "plots.md").read_text()))
    committed = {path.name for path in (DOCS / "images").iterdir()}
    assert drawn == shown == committed


def test_the_script_writes_each_figure_in_its_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _script()
    monkeypatch.setattr(script, "FIGURES", {"counties": script.FIGURES["counties"]})
    assert script.main([str(tmp_path / "images")]) == 0
    assert [p.name for p in (tmp_path / "images").iterdir()] == ["counties-en.png"]
    assert (tmp_path / "images" / "counties-en.png").read_bytes().startswith(b"\x89PNG")
