"""The encodings Excel writes, told apart (:mod:`ledarskap.io._encodings`), and named by a read."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap.errors import DocumentError
from ledarskap.io import inspect_sheet, read_sheet
from ledarskap.io._encodings import ENCODINGS, detect_and_decode
from tests.io._swedish import english_words

SHEET = "Förnamn\tEfternamn\tKommun\tFörvaltning\tBefattning\tStartdatum\r\n" + (
    "Åsa\tÖberg\tLinköping\tSocialförvaltningen\tSocialchef\t2021-03-01\r\n"
)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (codecs.BOM_UTF8 + SHEET.encode("utf-8"), "UTF-8 with BOM"),
        (SHEET.encode("utf-8"), "UTF-8"),
        (SHEET.encode("cp1252"), "Windows-1252"),
        (SHEET.encode("utf-16"), "UTF-16 (Unicode text)"),  # with its BOM, as Excel writes
        (codecs.BOM_UTF16_BE + SHEET.encode("utf-16-be"), "UTF-16 (Unicode text)"),
        (SHEET.encode("utf-16-le"), "UTF-16 LE without BOM"),
        (SHEET.encode("utf-16-be"), "UTF-16 BE without BOM"),
    ],
)
def test_each_encoding_excel_writes_reads_and_is_named(content: bytes, name: str) -> None:
    sheet = read_sheet(content, "participants", cohort_id="c")
    assert sheet.ok, sheet.problems
    assert (sheet.people[0].given_name, sheet.people[0].family_name) == ("Åsa", "Öberg")
    assert sheet.inspection is not None
    assert (sheet.inspection.encoding, sheet.inspection.delimiter) == (name, "\t")
    assert "delimiter tab" in inspect_sheet(content, "participants").render("en")


def test_bytes_no_encoding_reads_are_refused() -> None:
    with pytest.raises(DocumentError, match="UTF-8, UTF-16 or Windows-1252"):
        read_sheet(b"Kommun;\x81\x8d\n", "participants")
    assert detect_and_decode(b"\x81\x8d") is None


def test_a_bom_before_bytes_that_are_not_its_encoding_falls_back() -> None:
    assert detect_and_decode(codecs.BOM_UTF8 + "Förnamn".encode("cp1252")) == (
        "ï»¿Förnamn",
        "cp1252",
        False,
    )


@pytest.mark.parametrize("text", ["Förnamn;Efternamn\nEva;SJÖ\xa0\n", "Färg\nBLÅ–GUL\n"])
def test_windows_1252_that_happens_to_hold_a_utf_8_pair_is_windows_1252(text: str) -> None:
    """A capital Å, Ä or Ö before a dash or a no-break space is a UTF-8 character too: one
    such line among others in Windows-1252 is no UTF-8 file."""
    assert detect_and_decode(text.encode("cp1252")) == (text, "cp1252", False)


_MIXED = (
    SHEET.encode("utf-8")
    + "Per\tEkström\tLinköping\tKultur\tKulturchef\t2021-03-01\r\n".encode("cp1252")
    + b"Eva\tLund\tMotala\tKultur\tKulturchef\t2021-03-01\r\n"
)


def test_a_utf8_file_with_a_windows_1252_line_reports_that_line_not_mojibake() -> None:
    """Read whole as Windows-1252, 'Åsa' would be 'Ã\x85sa' without a word."""
    sheet = read_sheet(_MIXED, "participants", cohort_id="c", name="d.csv")
    assert [p.given_name for p in sheet.people] == ["Åsa", "Eva"]
    assert sheet.inspection is not None
    assert sheet.inspection.encoding == "UTF-8"
    [problem] = sheet.problems
    assert (problem.row, problem.line, problem.code) == (3, 3, "encoding")
    assert problem.render("en").startswith("d.csv:3, row 3: line 3 of the file is not UTF-8")
    assert english_words(problem.render("sv")) == []
    with_bom = read_sheet(codecs.BOM_UTF8 + _MIXED, "participants", cohort_id="c")
    assert [(p.row, p.code) for p in with_bom.problems] == [(3, "encoding")]


def test_an_undecodable_line_in_a_quoted_cell_breaks_its_row() -> None:
    content = (
        "Förnamn;Efternamn;Kommun;Förvaltning;Befattning;Startdatum\r\n"
        'Åsa;Öberg;Linköping;"Social-\r\n'.encode()
        + 'förvaltningen, Ström";Socialchef;2021-03-01\r\n'.encode("cp1252")
    )
    sheet = read_sheet(content, "participants", cohort_id="c")
    assert [(p.row, p.line, p.code) for p in sheet.problems] == [(2, 3, "encoding")]


def test_binary_with_nul_bytes_is_not_taken_for_utf16() -> None:
    with pytest.raises(DocumentError, match="NUL characters"):
        read_sheet(b"Kommun;\x00\x01\x02\x03\x00\xff;x\n", "participants")


_LATIN = st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f")


@settings(max_examples=60, deadline=None)
@given(st.text(_LATIN, min_size=2, max_size=40), st.sampled_from(sorted(ENCODINGS)))
def test_text_reads_back_from_every_encoding(text: str, codec: str) -> None:
    """Law: a sheet's text written in any encoding Excel uses reads back as written.

    Text of the characters a Swedish sheet holds (Latin-1, which Windows-1252 and UTF-16
    without a BOM are told by). Windows-1252 bytes that are valid UTF-8 too (ASCII, or
    "Ã¥") are read as UTF-8, and named so.
    """
    if codec == "cp1252" and any(0x80 <= ord(c) <= 0x9F for c in text):
        return  # no Windows-1252 character (those bytes are other letters there)
    content = text.encode(codec)
    found = detect_and_decode(content)
    assert found is not None
    decoded, used, mixed = found
    if mixed:  # Windows-1252 bytes that are partly UTF-8 (a letter and a symbol): reported
        assert codec == "cp1252"
        assert decoded.encode("utf-8", "surrogateescape") == content
        return
    if codec == "cp1252" and used == "utf-8":
        assert decoded == content.decode("utf-8")
        return
    assert (decoded, used) == (text, codec)
