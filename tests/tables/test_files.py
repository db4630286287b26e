from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import sys
import tomllib
import zipfile
from pathlib import Path

import attrs
import pytest
import tomli_w

import ledarskap
from ledarskap.errors import FileAccessError, InvalidValueError, MissingDependencyError, UsageError
from ledarskap.io._sheets import unescape_cell
from ledarskap.model import PositionKind
from ledarskap.tables import (
    TABLE_FORMATS,
    TABLE_NAMES,
    ColumnKind,
    Tables,
    program_tables,
    tables_bytes,
    write_tables,
)
from ledarskap.tables.files import _head

from ._programs import planted


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def test_csv_is_a_folder_of_escaped_sheets_that_read_back(tmp_path: Path) -> None:
    tables = program_tables(planted())
    written = write_tables(tables, tmp_path / "out", format="csv")
    assert [p.name for p in written] == [f"{name}.csv" for name in tables]
    text = (tmp_path / "out" / "participants.csv").read_text("utf-8-sig")
    assert "'=HYPERLINK" in text  # escaped: no spreadsheet runs it
    for name, path in zip(tables, written, strict=True):
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))
        assert rows[0] == list(tables.schema[name].names)
        expected = [[_cell(v) for v in row.values()] for row in tables[name]]
        assert [[unescape_cell(c) for c in row] for row in rows[1:]] == expected


def test_json_and_toml_hold_the_rows_and_schema() -> None:
    tables = program_tables(planted())
    document = json.loads(tables_bytes(tables, "json"))
    assert document["format"] == "ledarskap.tables/1"
    for name in tables:
        assert [c["name"] for c in document["schema"][name]] == list(tables.schema[name].names)
        expected = [
            {c: v.isoformat() if hasattr(v, "isoformat") else v for c, v in row.items()}
            for row in tables[name]
        ]
        assert document["tables"][name] == expected
    toml = tomllib.loads(tables_bytes(tables, "toml").decode())
    for name in tables:
        expected_toml = [{c: v for c, v in row.items() if v is not None} for row in tables[name]]
        assert toml["tables"].get(name, []) == expected_toml


def test_xlsx_has_a_sheet_per_table_with_typed_cells(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    tables = program_tables(planted())
    (path,) = write_tables(tables, tmp_path / "t.xlsx", format="xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(tables)
    sheet = book["participants"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tables.schema["participants"].names
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["title"].startswith("'=")  # text, escaped
    assert sheet.cell(2, rows[0].index("birth_year") + 1).data_type == "n"
    meetings = book["meetings"]
    assert meetings.cell(2, tables.schema["meetings"].names.index("on") + 1).is_date
    assert len(rows) == tables.size("participants") + 1


def test_the_xlsx_writer_and_the_tables_count_a_row_alike() -> None:
    """Reproduction (final read, 10): the first participant was "row 2" (the sheet's) in the
    XLSX writer's error and "row 1" in the check of Tables; both are the data row, from 1."""
    pytest.importorskip("openpyxl")
    tables = program_tables(ledarskap.example_program())
    for row in (0, 6):
        columns = {name: tables.columns(name) for name in tables}
        columns["participants"]["name"][row] = "Anna\x0bSvensson"
        with pytest.raises(InvalidValueError) as written:
            tables_bytes(Tables(columns, tables.schema), "xlsx")
        columns["participants"]["name"][row] = 42
        with pytest.raises(InvalidValueError) as checked:
            Tables(columns, tables.schema)
        where = f"the participants table, row {row + 1}, column name: "
        assert str(written.value).startswith(where)
        assert str(checked.value).startswith(where)
        sv = f"tabellen participants, rad {row + 1}, kolumn name: "
        assert written.value.render("sv").startswith(sv)
        assert checked.value.render("sv").startswith(sv)


@pytest.mark.parametrize("name", ["An\x01na", "An\r\nna"])
def test_xlsx_refuses_a_control_character_naming_the_cell(name: str) -> None:
    """A control character, or a carriage return (which XLSX reads back as a line feed),
    is refused: the file would not hold the text as it is."""
    pytest.importorskip("openpyxl")
    data = planted()
    person = attrs.evolve(data.people[0], given_name=name)
    data = attrs.evolve(data, people=[person, *data.people[1:]])
    with pytest.raises(InvalidValueError, match="the mentors table, row 1, column name"):
        tables_bytes(program_tables(data), "xlsx")


def test_xlsx_says_where_a_control_character_is_never_what_the_name_is() -> None:
    """A name (an e-mail, a title: any free text) is personal: the message says which
    character is where, and quotes nothing of the text (it goes to stderr and to logs)."""
    pytest.importorskip("openpyxl")
    data = ledarskap.example_program()
    first = data.participants[0].person_id
    people = [
        attrs.evolve(p, given_name="Anna\x0bMaria") if p.id == first else p for p in data.people
    ]
    data = attrs.evolve(data, people=people)
    with pytest.raises(InvalidValueError) as caught:
        tables_bytes(program_tables(data), "xlsx")
    said = str(caught.value)
    assert said.startswith("the participants table, row 1, column name: expected text without")
    assert said.endswith("found text with the character U+000B at position 5 of 19")
    assert "Anna" not in said
    assert "Maria" not in caught.value.render("sv")
    assert caught.value.render("sv").endswith("fick en text med tecknet U+000B på plats 5 av 19")
    # An id is no one's name: quoted (masked) as any value is
    tables = program_tables(ledarskap.example_program())
    columns = {name: tables.columns(name) for name in tables}
    columns["sessions"]["session_id"][0] = "s\x01"
    with pytest.raises(InvalidValueError, match=r"column session_id: .* found 's\\x01'"):
        tables_bytes(Tables(columns, tables.schema), "xlsx")


def test_parquet_is_a_folder_of_typed_files(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    tables = program_tables(planted())
    written = write_tables(tables, tmp_path / "pq", format="parquet")
    for name, path in zip(tables, written, strict=True):
        table = pq.read_table(path)
        assert table.column_names == list(tables.schema[name].names)
        assert table.to_pylist() == tables[name]
    schema = pq.read_schema(tmp_path / "pq" / "participants.parquet")
    assert str(schema.field("birth_date").type) == "date32[day]"
    assert str(schema.field("county").type) == "dictionary<values=string, indices=int32, ordered=0>"


def test_pandas_reads_parquet_back_with_the_frames_dtypes(tmp_path: Path) -> None:
    """Nullable integers stay integers, categories keep every category; dates are dates."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    tables = program_tables(planted())
    write_tables(tables, tmp_path / "pq", format="parquet")
    for name in tables:
        back = pd.read_parquet(tmp_path / "pq" / f"{name}.parquet")
        made = tables.frame(name)
        for column in tables.schema[name]:
            if column.kind is ColumnKind.DATE:  # Parquet's date type: datetime.date values
                dates = made[column.name].dt.date.astype(object).where(made[column.name].notna())
                assert list(back[column.name].where(back[column.name].notna())) == list(dates)
            else:
                pd.testing.assert_series_equal(back[column.name], made[column.name])


def test_an_empty_table_keeps_its_categories_in_the_field_metadata(tmp_path: Path) -> None:
    """With no row, Parquet has no dictionary page: pandas and pyarrow read no category
    back. The field metadata holds them, and the recipe of docs/analysis.md puts them
    back (every category counted 0, as in the frame)."""
    pd = pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    data = attrs.evolve(ledarskap.example_program(), meetings=[])
    tables = program_tables(data)
    write_tables(tables, tmp_path / "pq", format="parquet")
    path = tmp_path / "pq" / "meetings.parquet"
    schema = pq.read_schema(path)
    for column in tables.schema["meetings"]:
        metadata = schema.field(column.name).metadata
        assert metadata[b"description"].decode() == column.description
        if column.kind is ColumnKind.CATEGORY:
            assert tuple(json.loads(metadata[b"categories"])) == column.categories
        else:
            assert b"categories" not in metadata
    frame = pd.read_parquet(path)
    assert list(frame["status"].cat.categories) == []  # what pandas alone gives
    for field in schema:  # the recipe of docs/analysis.md
        if field.metadata and b"categories" in field.metadata:
            categories = json.loads(field.metadata[b"categories"])
            frame[field.name] = frame[field.name].cat.set_categories(categories)
    pd.testing.assert_frame_equal(
        frame.drop(columns="on"), tables.frame("meetings").drop(columns="on")
    )
    assert frame["status"].value_counts(sort=False).to_dict() == {
        "planned": 0,
        "held": 0,
        "cancelled": 0,
    }


def test_without_the_extras_the_error_names_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = program_tables(ledarskap.example_program())
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingDependencyError, match=r"ledarskap\[parquet\]"):
        write_tables(tables, tmp_path / "pq", format="parquet")
    with pytest.raises(MissingDependencyError, match=r"ledarskap\[xlsx\]"):
        tables_bytes(tables, "xlsx")


def test_only_tables_are_written(tmp_path: Path) -> None:
    for where, call in (
        ("write_tables", lambda t: write_tables(t, tmp_path / "x.json", format="json")),
        ("tables_bytes", lambda t: tables_bytes(t, "json")),
    ):
        wrong: object
        for wrong in ({}, {"participants": []}, None, "tables"):
            with pytest.raises(UsageError, match=rf"{where}: expected tables \(Tables\), found "):
                call(wrong)
    assert not (tmp_path / "x.json").exists()


def test_csv_writes_a_missing_text_as_an_empty_cell_and_no_empty_text_is_lost(
    tmp_path: Path,
) -> None:
    """Text columns have no empty text apart from a missing one: Tables take ``""`` for
    ``None``, so what an empty CSV cell reads back as (missing) is what the tables held.
    A decision without reasons has ``reasons`` missing, in every format."""
    tables = program_tables(ledarskap.example_program())
    eligible = [r for r in tables["applications"] if r["outcome"] == "eligible"]
    assert eligible
    assert all(r["reasons"] is None for r in eligible)
    columns = {name: tables.columns(name) for name in tables}
    columns["sessions"]["venue"][0] = ""
    odd = Tables(columns, tables.schema)
    assert odd["sessions"][0]["venue"] is None
    write_tables(odd, tmp_path / "csv", format="csv")
    for name in odd:
        text = (tmp_path / "csv" / f"{name}.csv").read_text("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))[1:]
        back = [[None if c == "" else unescape_cell(c) for c in row] for row in rows]
        assert back == [
            [None if v is None else _cell(v) for v in row.values()] for row in odd[name]
        ]
    document = json.loads(tables_bytes(odd, "json"))
    assert document["tables"]["sessions"][0]["venue"] is None
    assert all(
        r["reasons"] is None
        for r in document["tables"]["applications"]
        if r["outcome"] == "eligible"
    )


def test_bad_formats_and_targets_are_refused(tmp_path: Path) -> None:
    tables = program_tables(ledarskap.example_program())
    with pytest.raises(InvalidValueError, match="format"):
        write_tables(tables, tmp_path / "x", format="ods")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="one file"):
        tables_bytes(tables, "csv")
    file = tmp_path / "file"
    file.write_text("")
    with pytest.raises(FileAccessError, match="not a folder") as not_folder:
        write_tables(tables, file, format="csv")
    assert str(not_folder.value) == f"{file}: cannot write tables into it: not a folder"
    assert (
        not_folder.value.render("sv")
        == f"{file}: kan inte skriva tabeller i den: det är ingen mapp"
    )
    with pytest.raises(FileAccessError, match="write tables into it"):
        write_tables(tables, tmp_path / "missing" / "deeper", format="csv")
    with pytest.raises(FileAccessError, match="write tables into it"):
        write_tables(tables, tmp_path / "nul\0", format="csv")
    with pytest.raises(UsageError, match="expected a folder path"):
        write_tables(tables, 3, format="csv")  # type: ignore[arg-type]
    assert set(TABLE_FORMATS) == {"csv", "xlsx", "json", "toml", "parquet"}


def test_a_file_is_written_only_under_its_formats_suffix(tmp_path: Path) -> None:
    """A slip of the hand (``-o program.json`` for XLSX) cannot replace another kind of file."""
    tables = program_tables(ledarskap.example_program())
    program = tmp_path / "program.json"
    program.write_text("{}")
    for fmt, name in [("xlsx", "program.json"), ("toml", "program.json"), ("json", "tables")]:
        with pytest.raises(UsageError, match="expected a file name ending"):
            write_tables(tables, tmp_path / name, format=fmt)  # type: ignore[arg-type]
    assert program.read_text() == "{}"
    assert write_tables(tables, tmp_path / "T.XLSX", format="xlsx") == (tmp_path / "T.XLSX",)


def test_a_folder_holds_only_this_exports_tables(tmp_path: Path) -> None:
    """A folder with other files is refused; an earlier export's files of the other format
    are removed, so no earlier (say, unpseudonymised) table stays beside the new ones."""
    tables = program_tables(ledarskap.example_program())
    crowded = tmp_path / "crowded"
    crowded.mkdir()
    (crowded / "notes.txt").write_text("mine")
    with pytest.raises(FileAccessError, match="holds other files"):
        write_tables(tables, crowded, format="csv")
    assert [p.name for p in crowded.iterdir()] == ["notes.txt"]
    folder = tmp_path / "export"
    if importlib.util.find_spec("pyarrow") is not None:
        write_tables(tables, folder, format="parquet")
    else:
        folder.mkdir()
        (folder / "participants.parquet").write_bytes(b"PAR1 an earlier export PAR1")
    written = write_tables(tables, folder, format="csv")
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    assert write_tables(tables, folder, format="csv") == written  # again: its own files


def test_a_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    target.write_text("")
    tables = program_tables(ledarskap.example_program())
    write_tables(tables, target, format="json")
    assert json.loads(target.read_text())["format"] == "ledarskap.tables/1"
    english = program_tables(ledarskap.example_program(), language="en")
    write_tables(english, target, format="json")  # an earlier export: replaced
    assert (
        json.loads(target.read_text())["tables"]
        == json.loads(tables_bytes(english, "json"))["tables"]
    )
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]


@pytest.mark.parametrize("file_format", ["json", "toml", "xlsx"])
def test_a_file_that_is_no_earlier_export_is_never_replaced(
    tmp_path: Path, file_format: str
) -> None:
    """A typo (``-o program-2024.json``) or a workbook of one's own: refused, untouched."""
    if file_format == "xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        book.active.title = "deltagare"
        book.save(tmp_path / "own.xlsx")
    else:
        program = ledarskap.example_program()
        ledarskap.dump(program, tmp_path / f"own.{file_format}")
    target = tmp_path / f"own.{file_format}"
    before = target.read_bytes()
    tables = program_tables(ledarskap.example_program())
    with pytest.raises(FileAccessError) as caught:
        write_tables(tables, target, format=file_format)  # type: ignore[arg-type]
    assert target.read_bytes() == before
    said = str(caught.value)
    assert said.startswith(f"{target}: cannot write: the file exists and is no earlier export")
    assert said.endswith("remove it or choose another name")
    assert caught.value.render("sv").endswith("ta bort den eller välj ett annat namn")
    assert caught.value.path == str(target)
    why = "its sheets are not the tables'" if file_format == "xlsx" else "ledarskap.tables/1"
    assert why in said


@pytest.mark.parametrize("file_format", ["json", "toml", "xlsx"])
def test_an_earlier_export_or_an_empty_file_is_replaced(tmp_path: Path, file_format: str) -> None:
    """The rule of folders, for one file: new, empty, or tables written before (of either
    kind: a program's tables replaced by a safe export's, or the other way)."""
    if file_format == "xlsx":
        pytest.importorskip("openpyxl")
    target = tmp_path / f"t.{file_format}"
    target.touch()
    tables = program_tables(ledarskap.example_program())
    english = program_tables(ledarskap.example_program(), language="en")
    for made in (tables, english, tables):
        write_tables(made, target, format=file_format)  # type: ignore[arg-type]
        if file_format == "xlsx":  # a workbook holds the time it was made: its words, then
            openpyxl = pytest.importorskip("openpyxl")
            book = openpyxl.load_workbook(target, read_only=True)
            rows = book["reasons"].iter_rows(min_row=2, values_only=True)
            texts = [row[-1] for row in rows]
            book.close()
            assert texts == [r["text"] for r in made["reasons"]]
        else:
            assert target.read_bytes() == tables_bytes(made, file_format)  # type: ignore[arg-type]


def test_a_json_file_of_another_format_or_a_broken_workbook_is_refused(tmp_path: Path) -> None:
    tables = program_tables(ledarskap.example_program())
    cases = {
        "other.json": b'{"format": "ledarskap.program", "tables": {}}',
        "later.json": b'{"schema": {}, "format": "ledarskap.tables/1"}',  # not as written here
        "text.toml": b'title = "ledarskap.tables/1"\n',
        "broken.xlsx": b"PK\x03\x04 not a zip at all",
        "no-book.xlsx": _zipped({"word/document.xml": b"<w/>"}),
        "bad-xml.xlsx": _zipped({"xl/workbook.xml": b"<workbook"}),
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(FileAccessError, match="no earlier export of tables"):
            write_tables(tables, tmp_path / name, format=name.rpartition(".")[2])  # type: ignore[arg-type]
        assert (tmp_path / name).read_bytes() == content
    (tmp_path / "spaced.json").write_bytes(b'\xef\xbb\xbf {\n\t"format" :"ledarskap.tables/1"}')
    write_tables(tables, tmp_path / "spaced.json", format="json")  # written by hand, still ours


def test_a_file_that_cannot_be_read_is_not_replaced(tmp_path: Path) -> None:
    if sys.platform == "win32" or os.geteuid() == 0:
        pytest.skip("root reads any file; Windows has no such mode")
    target = tmp_path / "t.json"
    target.write_bytes(b"{}")
    target.chmod(0o200)
    with pytest.raises(FileAccessError, match="Permission denied"):
        write_tables(program_tables(ledarskap.example_program()), target, format="json")


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for name, content in parts.items():
            book.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize("file_format", TABLE_FORMATS)
def test_writing_tells_its_progress_in_rows(tmp_path: Path, file_format: str) -> None:
    """The callback sees 0 of every row, counts that never decrease (at most one call a
    256 rows, or a table), and last every row written of every row."""
    if file_format == "parquet":
        pytest.importorskip("pyarrow")
    data = ledarskap.example_program()
    tables = program_tables(data)
    total = sum(tables.size(name) for name in tables)
    calls: list[tuple[int, int | None]] = []
    target = tmp_path / ("t" if file_format in ("csv", "parquet") else f"t.{file_format}")
    write_tables(tables, target, format=file_format, progress=lambda *a: calls.append(a))  # type: ignore[arg-type]
    assert calls[0] == (0, total)
    assert calls[-1] == (total, total)
    dones = [done for done, _ in calls]
    assert dones == sorted(dones)
    assert all(t == total for _, t in calls)
    assert len(calls) <= 2 + len(TABLE_NAMES) + total // 256


def test_tables_bytes_tells_its_progress_too() -> None:
    tables = program_tables(ledarskap.example_program())
    calls: list[tuple[int, int | None]] = []
    content = tables_bytes(tables, "json", progress=lambda *a: calls.append(a))
    assert content == tables_bytes(tables, "json")
    assert calls[-1][0] == sum(tables.size(name) for name in tables)
    with pytest.raises(UsageError, match=r"write_tables\(progress\)"):
        write_tables(tables, "t.json", format="json", progress="bar")  # type: ignore[arg-type]


def test_toml_is_dumped_a_table_at_a_time_as_the_whole_would_be() -> None:
    """The TOML written a table at a time reads as the whole document dumped at once."""
    tables = program_tables(planted())
    whole = {
        **_head(tables),
        "tables": {
            name: [{c: v for c, v in row.items() if v is not None} for row in tables[name]]
            for name in tables
        },
    }
    assert tomllib.loads(tables_bytes(tables, "toml").decode()) == tomllib.loads(
        tomli_w.dumps(whole)
    )


def test_a_folder_export_replaces_the_old_one_whole(tmp_path: Path) -> None:
    """An earlier export's tables are replaced together; a failure leaves them all."""
    target = tmp_path / "out"
    tables = program_tables(ledarskap.example_program())
    write_tables(tables, target, format="csv")
    before = {p.name: p.read_bytes() for p in target.iterdir()}

    def failing(done: int, total: int | None) -> None:
        if done > 100:
            raise OSError(28, "No space left on device")

    english = program_tables(ledarskap.example_program(), language="en")
    with pytest.raises(OSError, match="No space left"):
        write_tables(english, target, format="csv", progress=failing)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no new folder left beside it
    write_tables(english, target, format="csv")
    assert {p.name: p.read_bytes() for p in target.iterdir()} != before


def test_bad_writes_in_swedish(tmp_path: Path) -> None:
    tables = program_tables(ledarskap.example_program())
    with pytest.raises(InvalidValueError) as one_file:
        tables_bytes(tables, "csv")
    assert one_file.value.render("sv") == (
        "format: förväntade 'xlsx', 'json' eller 'toml' (en fil), fick 'csv'"
    )
    (tmp_path / "annat.txt").write_text("x", encoding="utf-8")
    with pytest.raises(FileAccessError) as busy:
        write_tables(tables, tmp_path, format="csv")
    assert busy.value.render("sv") == (
        f"{tmp_path}: kan inte skriva tabeller i den: mappen har andra filer (1); "
        "välj en ny eller tom mapp"
    )
    assert str(busy.value) == (
        f"{tmp_path}: cannot write tables into it: the folder holds other files (1); "
        "choose a new or empty folder"
    )


def _with_own_position() -> ledarskap.ProgramData:
    """The example, its first participant in a position the program made for itself."""
    data = ledarskap.example_program()
    own = ledarskap.model.Position(
        slug="kulturstrateg", sv="kulturstrateg", en="culture strategist", kind=PositionKind.STAFF
    )
    first = data.participants[0].appointment_id
    appointments = tuple(
        attrs.evolve(a, position=own) if a.id == first else a for a in data.appointments
    )
    return attrs.evolve(data, appointments=appointments)


def test_a_position_of_the_program_s_own_is_a_category_of_every_output(tmp_path: Path) -> None:
    """A position outside the catalog is valid: the tables add it after the catalog's."""
    data = _with_own_position()
    assert ledarskap.validate(data).ok
    tables = program_tables(data)
    categories = tables.schema["participants"].column("position").categories
    assert categories[-1] == "kulturstrateg"
    pytest.importorskip("pandas")
    assert tables.frame("participants")["position"].iloc[0] == "kulturstrateg"
    pq = pytest.importorskip("pyarrow.parquet")
    write_tables(tables, tmp_path / "pq", format="parquet")
    read = pq.read_table(tmp_path / "pq" / "participants.parquet")
    assert read.column("position")[0].as_py() == "kulturstrateg"
    key = ledarskap.tables.PseudonymKey.generate()
    safe = ledarskap.tables.safe_tables(data, key)
    assert "kulturstrateg" in safe.tables.schema["participants"].column("position").categories
    # Coarsened away, it is no category either: its name alone would tell someone held it
    coarse = ledarskap.tables.safe_tables(data, key, k=5)
    assert "kulturstrateg" not in [r["position"] for r in coarse.tables["participants"]]
    assert "kulturstrateg" not in coarse.tables.schema["participants"].column("position").categories


def test_only_an_earlier_export_s_own_files_are_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder named as a table, or one's own sheet named so, is no table of an export."""
    tables = program_tables(ledarskap.example_program())
    nested = tmp_path / "nested"
    (nested / "participants.csv").mkdir(parents=True)
    (nested / "participants.csv" / "important.txt").write_text("precious")
    sheet = tmp_path / "sheet"
    sheet.mkdir()
    (sheet / "participants.csv").write_text("Förnamn;Efternamn\nAnna;Berg\n", encoding="utf-8")
    for folder in (nested, sheet):
        with pytest.raises(FileAccessError, match="holds other files"):
            write_tables(tables, folder, format="csv")
    assert (nested / "participants.csv" / "important.txt").read_text() == "precious"
    assert (sheet / "participants.csv").read_text(encoding="utf-8").startswith("Förnamn")
    # Without pyarrow a Parquet file is told by its marks at both ends
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    marked = tmp_path / "marked"
    marked.mkdir()
    (marked / "mentors.parquet").write_bytes(b"PAR1 an earlier export PAR1")
    (marked / "sessions.parquet").write_bytes(b"PAR1 not closed")
    with pytest.raises(FileAccessError, match=r"holds other files \(1\)"):
        write_tables(tables, marked, format="csv")
    (marked / "sessions.parquet").unlink()
    write_tables(tables, marked, format="csv")
    assert not (marked / "mentors.parquet").exists()


def test_the_current_folder_and_no_path_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replacing the folder one stands in would leave the shell in a removed folder."""
    tables = program_tables(ledarskap.example_program())
    here = tmp_path / "here"
    write_tables(tables, here, format="csv")
    monkeypatch.chdir(here)
    for target in (".", str(here), str(tmp_path)):
        with pytest.raises(FileAccessError, match="it is the current folder") as caught:
            write_tables(tables, target, format="csv")
        assert "det är mappen du står i" in caught.value.render("sv")
    with pytest.raises(InvalidValueError, match="expected a folder path, found ''"):
        write_tables(tables, "", format="csv")
    write_tables(tables, "inside", format="csv")  # a folder inside it is fine
    assert (here / "inside" / "participants.csv").is_file()
