"""A sheet's mapping kept as TOML beside it: read, written atomically, every problem with its line."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap.errors import DocumentError, FileAccessError, UsageError
from ledarskap.io import SheetMapping, load_sheet_mapping, read_sheet, save_sheet_mapping
from ledarskap.io._sheet_columns import COLUMNS
from ledarskap.io._sheet_mapping import cell_text, mapping_from_text, mapping_text
from tests.io._swedish import english_words


def _problems(text: str) -> list[tuple[int | None, str, str]]:
    with pytest.raises(DocumentError) as caught:
        mapping_from_text(text, source="lista.toml")
    return [(p.line, p.path, p.code) for p in caught.value.problems]


def test_a_mapping_file_reads_into_a_mapping() -> None:
    mapping = mapping_from_text(
        'kind = "deltagare"\ncohort = "liko-2026"\nignore = ["Anmäld av"]\n\n'
        '[columns]\nUppdrag = "Befattning"\n"Förvaltning/enhet" = "organisation"\n\n'
        '[defaults]\nstart = 2026-09-01\nstatus = "antagen"\nleads_staff_function = false\n'
    )
    assert mapping == SheetMapping(
        kind="participants",
        cohort="liko-2026",
        ignore=("Anmäld av",),
        columns={"Uppdrag": "Befattning", "Förvaltning/enhet": "organisation"},
        defaults={"start": dt.date(2026, 9, 1), "status": "antagen", "leads_staff_function": False},
    )


def test_every_problem_of_a_mapping_file_with_its_line() -> None:
    text = (
        'kind = "participants"\n'  # 1
        "cohort = 7\n"  # 2
        'ignored = ["x"]\n'  # 3
        "\n"  # 4
        "[columns]\n"  # 5
        'Titel = "titel"\n'  # 6
        "Roll = 3\n"  # 7
        "\n"  # 8
        "[defaults]\n"  # 9
        'startdag = "2026-09-01"\n'  # 10
    )
    assert _problems(text) == [
        (3, "ignored", "unknown-key"),
        (2, "cohort", "type"),
        (7, "columns.Roll", "type"),
        (6, "columns.Titel", "unknown-field"),
        (10, "defaults.startdag", "unknown-field"),
    ]


def test_wrong_shapes_are_each_named() -> None:
    assert _problems('kind = "bananer"\nignore = "Anmäld av"\ncolumns = 1\ndefaults = []\n') == [
        (1, "kind", "type"),
        (2, "ignore", "type"),
        (3, "columns", "type"),
        (4, "defaults", "type"),
    ]
    assert _problems('kind = "participants"\n[defaults]\nstart = [1]\n') == [
        (3, "defaults.start", "unknown-field")
    ]


def test_a_syntax_error_names_its_line() -> None:
    with pytest.raises(DocumentError, match=r"lista\.toml:2:") as caught:
        mapping_from_text('kind = "participants"\n[columns\n', source="lista.toml")
    assert caught.value.problems[0].code == "syntax"


def test_a_quoted_header_is_found_on_its_line() -> None:
    text = 'kind = "participants"\n[columns]\n"Anmäld av" = "anmald"\n'
    assert _problems(text) == [(3, "columns.Anmäld av", "unknown-field")]


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "lista.toml"
    mapping = SheetMapping(
        kind="participants",
        cohort="liko-2026",
        columns={"Uppdrag": "title", 'Citat "x"': "organisation"},
        ignore=("Anmäld av",),
        defaults={"start": dt.date(2026, 9, 1), "organisation": "Soc"},
    )
    save_sheet_mapping(mapping, path)
    assert load_sheet_mapping(path) == mapping
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 in (0, 0o044, 0o004, 0o040)


def test_saving_refuses_what_write_atomic_refuses(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.toml"
    folder.mkdir()
    with pytest.raises(FileAccessError):
        save_sheet_mapping(SheetMapping(), folder)
    program = tmp_path / "program.json"
    program.write_text("{}")
    with pytest.raises(UsageError, match=r"ending \.toml"):
        save_sheet_mapping(SheetMapping(), program)
    assert program.read_text() == "{}"
    with pytest.raises(FileAccessError, match="not a usable path"):
        load_sheet_mapping(tmp_path / "nul\0.toml")
    with pytest.raises(UsageError):
        save_sheet_mapping({"columns": {}}, tmp_path / "x.toml")  # type: ignore[arg-type]


def test_loading_a_missing_or_binary_file(tmp_path: Path) -> None:
    """As every file of the library: a FileAccessError naming the file by its path (the
    review found "saknas.toml: FileNotFoundError: …", and /dev/zero named "zero")."""
    missing = tmp_path / "saknas.toml"
    with pytest.raises(FileAccessError) as caught:
        load_sheet_mapping(missing)
    assert str(caught.value) == f"{missing}: cannot read: No such file or directory"
    assert "Error" not in caught.value.render("sv")
    if os.path.exists("/dev/zero"):
        with pytest.raises(FileAccessError, match=r"^/dev/zero: cannot read: not a regular"):
            load_sheet_mapping("/dev/zero")
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(DocumentError, match="expected UTF-8 text, found byte 0xff") as caught_doc:
        load_sheet_mapping(binary)
    assert caught_doc.value.problems[0].code == "io"
    with pytest.raises(UsageError):
        load_sheet_mapping(3)  # type: ignore[arg-type]


def test_a_mapping_file_given_to_read_sheet_by_path(tmp_path: Path) -> None:
    path = tmp_path / "lista.toml"
    path.write_text('[columns]\nUppdrag = "title"\n[defaults]\nstart = 2026-09-01\n', "utf-8")
    sheet = read_sheet(
        "Förnamn;Efternamn;Kommun;Förvaltning;Uppdrag\nAnna;Berg;Linköping;Soc;VD\n",
        "participants",
        mapping=os.fspath(path),
        cohort_id="c",
    )
    assert sheet.ok, sheet.problems
    assert sheet.appointments[0].start == dt.date(2026, 9, 1)


def test_merged_adds_and_overrides() -> None:
    mapping = SheetMapping(columns={"A": "title"}, ignore=("X",), defaults={"start": "2020-01-01"})
    merged = mapping.merged(
        columns={"B": "email"}, ignore=["X", "Y"], defaults={"start": "2021-01-01"}
    )
    assert merged.columns == {"A": "title", "B": "email"}
    assert merged.ignore == ("X", "Y")
    assert merged.defaults == {"start": "2021-01-01"}
    with pytest.raises(UsageError):
        SheetMapping(ignore="X")


def test_cell_text_of_each_kind_of_default() -> None:
    assert [
        cell_text(v)
        for v in (
            "Soc",
            dt.date(2026, 9, 1),
            dt.datetime(2026, 9, 1),
            dt.datetime(2026, 9, 1, 8),
            3,
            True,
            False,
        )
    ] == ["Soc", "2026-09-01", "2026-09-01", "2026-09-01T08:00:00", "3", "ja", "nej"]
    with pytest.raises(UsageError, match="found list"):
        cell_text([1])


_HEADERS = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12)
_DEFAULTS = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    st.dates(),
    st.integers(0, 10**6),
    st.booleans(),
)
_FIELDS = sorted({c.field for c in COLUMNS["participants"]})


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(_HEADERS, st.sampled_from(_FIELDS), max_size=4),
    st.lists(_HEADERS, max_size=3, unique=True),
    st.dictionaries(st.sampled_from(_FIELDS), _DEFAULTS, max_size=3),
    st.one_of(st.none(), st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,7}", fullmatch=True)),
)
def test_mapping_text_round_trips(
    columns: dict[str, str], ignore: list[str], defaults: dict[str, object], cohort: str | None
) -> None:
    """Law: ``mapping_from_text(mapping_text(m)) == m`` for every mapping of a kind's fields."""
    mapping = SheetMapping(
        kind="participants",
        cohort=cohort,
        columns=columns,
        ignore=ignore,
        defaults=defaults,
    )
    assert mapping_from_text(mapping_text(mapping)) == mapping


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"columns": ["Titel"]}, "columns: expected a mapping"),
        ({"columns": {1: "title"}}, "columns: expected a mapping"),
        ({"defaults": [1]}, "defaults: expected a mapping"),
        ({"ignore_columns": [1]}, "ignore: expected a list of headers"),
        ({"ignore_columns": 3}, "ignore: expected a list of headers"),
    ],
)
def test_wrongly_typed_options_are_a_usage_error(options: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        read_sheet("Titel;Kommun\nChef;Linköping\n".encode(), "participants", **options)  # type: ignore[arg-type]


def test_a_mapping_files_problems_in_swedish() -> None:
    text = 'kind = "participants"\ncohort = 7\nignored = ["x"]\n[columns]\nTitel = "titel"\n'
    with pytest.raises(DocumentError) as raised:
        mapping_from_text(text, source="m.toml")
    assert raised.value.render("sv") == (
        "m.toml: ingen kolumnmappning (3 problem)\n"
        "  - m.toml:3: ignored: okänd nyckel (förväntade en av kind, cohort, ignore, columns, "
        "defaults) (menade du 'ignore'?)\n"
        "  - m.toml:2: cohort: förväntade id:t för en omgång (text), fick talet 7\n"
        "  - m.toml:5: columns.Titel: förväntade ett fält i ett blad med deltagare, "
        "fick texten 'titel' (menade du 'title'?)"
    )
    assert str(raised.value).startswith("m.toml: not a sheet mapping (3 problems)\n")
    with pytest.raises(DocumentError) as raised:
        mapping_from_text('kind = "bananer"\ndefaults = []\n', source="m.toml")
    assert english_words(raised.value.render("sv")) == []


def test_a_bad_mapping_given_in_code_in_swedish(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        SheetMapping(ignore="Anmäld av")
    assert raised.value.render("sv") == (
        "ignore: förväntade en lista med rubriker, fick en enda text ('Anmäld av')"
    )
    with pytest.raises(UsageError) as raised:
        SheetMapping(columns=3)
    assert raised.value.render("sv") == (
        "columns: förväntade en mappning från rubriktext till fälttext, fick talet 3"
    )
    (tmp_path / "m.toml").write_bytes(b"\xff")
    with pytest.raises(DocumentError) as caught:
        load_sheet_mapping(tmp_path / "m.toml")
    where = tmp_path / "m.toml"
    assert caught.value.render("sv") == (
        f"{where}: kan inte läsa kolumnmappningen (1 problem)\n"
        f"  - {where}: förväntade UTF-8-text, fick byten 0xff (byte 0)"
    )
