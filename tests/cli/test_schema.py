"""``ledarskap schema``: the document's JSON Schema, to standard output or a file."""

from __future__ import annotations

import json
from pathlib import Path

import ledarskap

from ._run import assert_clean_failure, run, run_script


def test_the_schema_on_standard_output() -> None:
    result = run("schema")
    assert result.code == 0
    assert json.loads(result.out) == ledarskap.document_schema()


def test_the_schema_to_a_file(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    assert run("schema", "--output", str(path)) == run("schema", "-o", str(path))
    assert json.loads(path.read_text("utf-8")) == ledarskap.document_schema()


def test_a_folder_that_is_not_there_for_real(tmp_path: Path) -> None:
    result = run_script("schema", "-o", str(tmp_path / "no" / "schema.json"))
    assert_clean_failure(result)
    assert "cannot" in result.err


def test_the_schema_is_written_only_to_a_json_name(tmp_path: Path) -> None:
    program = tmp_path / "program.toml"
    program.write_text("kept")
    result = run("schema", "--output", str(program))
    assert result.code == 2
    assert "expected a file name ending .json" in result.err
    assert program.read_text() == "kept"
