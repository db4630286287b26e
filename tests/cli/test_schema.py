"""``ledarskap schema``: the document's JSON Schema, to standard output or a file."""

from __future__ import annotations

import json
import os
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


def test_an_earlier_schema_or_an_empty_file_is_replaced(tmp_path: Path) -> None:
    older = tmp_path / "schema.json"
    text = json.dumps(ledarskap.document_schema(), indent=2).replace(
        "ledarskap.program:2", "ledarskap.program:1"
    )
    older.write_text(text)
    assert run("schema", "-o", str(older)).code == 0
    assert json.loads(older.read_text("utf-8")) == ledarskap.document_schema()
    empty = tmp_path / "empty.json"
    empty.touch()
    assert run("schema", "-o", str(empty)).code == 0
    assert json.loads(empty.read_text("utf-8")) == ledarskap.document_schema()


def test_no_other_json_file_is_written_over(tmp_path: Path) -> None:
    """A program document, a key file named .json, or either through a link: each kept whole,
    exit 2, the file named (a review found them replaced, exit 0, without a word)."""
    program = tmp_path / "program.json"
    ledarskap.dump(ledarskap.example_program(), program)
    key = tmp_path / "key.json"
    key.write_bytes(
        bytes.fromhex("9f3c51e07a2d84b6c1e95f0a7d3b2648e0c7f19a5b3d6e2f8a41c07b95d2e36f")
    )
    link = tmp_path / "link.json"
    link.symlink_to(program)
    for path in (program, key, link):
        before = path.read_bytes()
        result = run("schema", "-o", str(path))
        assert result.code == 2
        assert f"{path.name}: cannot write" in result.err
        assert "is no schema ledarskap schema wrote; it is not replaced" in result.err
        assert path.read_bytes() == before
    for lang, said in (("sv", "den ersätts inte"), ("en", "it is not replaced")):
        assert said in run("schema", "-o", str(program), "--lang", lang).err


def test_a_fifo_or_a_folder_is_not_written_to(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    for path in (fifo, folder):  # the folder was named by its descriptor ("3: cannot use")
        result = run("schema", "-o", str(path))
        assert result.code == 2
        assert result.err.startswith(f"ledarskap: {path}: cannot write: the file exists"), (
            result.err
        )
