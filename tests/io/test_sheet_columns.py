"""The vocabulary of sheets: kinds by their names in both languages, column headers, cell words."""

from __future__ import annotations

import pytest

from ledarskap import MeetingStatus, PoliticalBody, PoliticalBodyKind
from ledarskap.errors import InvalidValueError, UsageError
from ledarskap.io._sheet_columns import (
    BOOLEANS,
    COLUMNS,
    YES_NO,
    Column,
    Sheet,
    checked_kind,
    header_of,
    political_body,
)
from ledarskap.io._sheets import fold
from ledarskap.text import LANGUAGES


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("participants", "participants"),
        ("Deltagare", "participants"),
        ("ansokningar", "applications"),
        ("Ansökningar", "applications"),
        ("mentorsträffar", "meetings"),
        ("möten", "meetings"),
        ("MENTORER", "mentors"),
    ],
)
def test_a_kind_is_named_in_english_or_swedish(name: str, kind: str) -> None:
    assert checked_kind(name, "read_sheet") == kind


@pytest.mark.parametrize("name", ["people", ""])
def test_any_other_kind_is_refused(name: object) -> None:
    with pytest.raises(InvalidValueError, match=r"read_sheet\(kind\): expected one of"):
        checked_kind(name, "read_sheet")


@pytest.mark.parametrize("name", [3, None, b"participants"])
def test_a_kind_that_is_not_text_is_a_usage_error(name: object) -> None:
    with pytest.raises(UsageError, match=r"read_sheet\(kind\): expected the name of a sheet kind"):
        checked_kind(name, "read_sheet")


def test_every_kind_has_its_columns_and_both_names() -> None:
    assert {sheet.value for sheet in Sheet} == set(COLUMNS)
    assert [sheet.label("sv") for sheet in Sheet] == [
        "deltagare",
        "mentorer",
        "ansökningar",
        "mentorsträffar",
    ]


def test_a_column_has_a_header_in_each_language_and_no_other() -> None:
    column = Column("municipality", "Kommun", "Municipality", ("kommunkod",))
    assert (column.header("sv"), column.header("en")) == ("Kommun", "Municipality")
    assert set(column.names()) == {"municipality", "kommun", "kommunkod"}
    with pytest.raises(InvalidValueError, match="language: expected 'sv' or 'en', found 'de'"):
        column.header("de")  # type: ignore[arg-type]
    assert header_of("participants", "municipality") == "Kommun"
    assert header_of("meetings", "nothing") == "nothing"


def test_no_two_columns_of_a_kind_share_a_name() -> None:
    """Law: a header names at most one column of a kind, so reading a header is unambiguous."""
    for kind, columns in COLUMNS.items():
        names = [name for column in columns for name in set(column.names())]
        assert len(names) == len(set(names)), kind


def test_the_words_written_are_the_words_read() -> None:
    """Law: whatever a sheet writes for yes, no or a meeting's status reads back the same."""
    for value, text in YES_NO.items():
        assert BOOLEANS[fold(text.sv)] is value
        assert BOOLEANS[fold(text.en)] is value
    for language in LANGUAGES:
        words = {fold(status.label(language)) for status in MeetingStatus}
        assert len(words) == len(MeetingStatus), language


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Socialnämnden", PoliticalBody(name="Socialnämnden", kind=PoliticalBodyKind.NAMND)),
        (
            "Regionstyrelsen",
            PoliticalBody(name="Regionstyrelsen", kind=PoliticalBodyKind.KOMMUNSTYRELSE),
        ),
        (
            "Tekniska verken (styrelse)",
            PoliticalBody(name="Tekniska verken", kind=PoliticalBodyKind.STYRELSE),
        ),
        (
            "Kommunfullmäktige",
            PoliticalBody(name="Kommunfullmäktige", kind=PoliticalBodyKind.FULLMAKTIGE),
        ),
        ("Tekniska verken", None),
        ("Tekniska verken (bolag)", None),
    ],
)
def test_a_political_body_is_read_from_its_name(text: str, body: PoliticalBody | None) -> None:
    assert political_body(text) == body


def test_a_name_without_a_kind_says_none() -> None:
    assert PoliticalBodyKind.from_name("Lars") is None
