"""What the command tests share: a program document to write to, a key file, a sheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ._programs import example_copy


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A copy of the example program's document, to import into or export from."""
    return example_copy(tmp_path)


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    """A file holding a pseudonym key of 32 bytes, readable by its owner alone."""
    path = tmp_path / "export.key"
    path.write_bytes(bytes(range(32)))
    path.chmod(0o600)
    return path


@pytest.fixture
def sheet_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write a sheet's text to ``deltagare.csv``; its path."""

    def written(text: str) -> Path:
        path = tmp_path / "deltagare.csv"
        path.write_text(text, "utf-8")
        return path

    return written
