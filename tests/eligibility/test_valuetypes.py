"""Value types: conversion with hints, normal forms, and display in Swedish and English."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ledarskap._found import FieldError
from ledarskap.eligibility._vocabulary import unknown_type
from ledarskap.eligibility.predicates import value_type
from ledarskap.eligibility.valuetypes import (
    BOOLEAN,
    COUNTY,
    DATE,
    INTEGER,
    MUNICIPALITY,
    POSITION,
    POSITION_KIND,
    TEXT,
    list_of,
)
from ledarskap.model import PositionKind
from ledarskap.text import Text


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (TEXT, " ", "expected text"),
        (INTEGER, True, "whole number"),
        (INTEGER, "3", "whole number"),
        (BOOLEAN, 1, "true or false"),
        (DATE, "2025-13-01", "a date"),
        (DATE, dt.datetime(2025, 1, 1), "a date"),
        (POSITION, "avdelningschefen", "did you mean 'avdelningschef'?"),
        (POSITION_KIND, "staf", "did you mean 'staff'?"),
        (MUNICIPALITY, 580, "municipality code or name"),
        (MUNICIPALITY, "Linkopping", "did you mean 0580 Linköping?"),
        (COUNTY, 5, "county code or name"),
        (COUNTY, "Östergötlandd", "did you mean Östergötlands län?"),
        (list_of(POSITION), "strateg", "a list of position values"),
        (list_of(POSITION), [], "non-empty list"),
    ],
)
def test_conversion_errors_say_what_was_expected(kind: object, value: object, message: str) -> None:
    with pytest.raises(ValueError, match="expected") as info:
        kind.convert(value)  # type: ignore[attr-defined]
    assert message in f"{info.value} ({info.value.hint})"  # type: ignore[attr-defined]


def test_normal_forms() -> None:
    assert DATE.convert("2025-09-01") == dt.date(2025, 9, 1)
    assert POSITION_KIND.convert(PositionKind.STAFF) is PositionKind.STAFF
    assert COUNTY.convert("Östergötland") == "05"
    assert list_of(MUNICIPALITY).convert(["Motala", "0580", "Linköping"]) == ("0580", "0583")
    assert value_type("list[county]").name == "list[county]"
    with pytest.raises(ValueError, match="unknown value type"):
        value_type("colour")


def test_display() -> None:
    assert BOOLEAN.show(True, "sv") == "ja"
    assert BOOLEAN.show(False, "en") == "no"
    assert POSITION_KIND.show("staff", "sv") == "ledare i stabsfunktion"
    assert POSITION.show("nobody", "en") == "nobody"
    assert MUNICIPALITY.show("0980", "sv") == "Region Gotland"
    assert MUNICIPALITY.show("9999", "sv") == "9999"
    assert COUNTY.show("05", "en") == "Östergötlands län"
    assert list_of(POSITION).show(["strateg"], "en") == "strategist in the central administration"
    assert POSITION.show("personaldirektor", "en") == "HR director"
    assert list_of(COUNTY).show(["05", "06"], "sv") == "Östergötlands län eller Jönköpings län"
    assert str(list_of(COUNTY)) == "list[county]"


@pytest.mark.parametrize(
    ("kind", "value", "swedish"),
    [
        (TEXT, " ", "förväntade text, fick texten ' '"),
        (INTEGER, "3", "förväntade ett heltal, fick texten '3'"),
        (INTEGER, 10**9, "förväntade ett heltal med högst 9 siffror, fick talet XXXXXX-XX00"),
        (BOOLEAN, 1, "förväntade sant eller falskt, fick talet 1"),
        (DATE, "2025-13-01", "förväntade ett datum ÅÅÅÅ-MM-DD, fick texten '2025-13-01'"),
        (
            POSITION_KIND,
            "staf",
            "förväntade ett slags befattning, en av 'chief-executive', 'political-line', 'line', "
            "'staff', 'company-ceo', 'first-line', fick texten 'staf' (menade du 'staff'?)",
        ),
        (
            POSITION,
            "avdelningschefen",
            "förväntade en befattning ur katalogen, fick texten 'avdelningschefen' "
            "(menade du 'avdelningschef'?)",
        ),
        (MUNICIPALITY, 580, "förväntade en kommunkod eller ett kommunnamn, fick talet 580"),
        (COUNTY, 5, "förväntade en länskod eller ett länsnamn, fick talet 5"),
        (
            list_of(POSITION),
            "strateg",
            "förväntade en lista med värden av typen position, fick texten 'strateg'",
        ),
    ],
)
def test_conversion_errors_are_said_in_swedish(kind: Any, value: object, swedish: str) -> None:
    """What was expected and found, and the hint (said after it, as a problem says it)."""
    with pytest.raises(FieldError) as caught:
        kind.convert(value)
    hint = caught.value.hint_text
    said = caught.value.render("sv") + ("" if hint is None else f" ({hint.sv})")  # type: ignore[union-attr]
    assert said == swedish


def test_an_unknown_value_type_is_said_in_swedish() -> None:
    known = (
        "text, integer, boolean, date, position, position-kind, organisation-kind, "
        "political-body-kind, staff-function, municipality, county"
    )
    assert unknown_type("list[colour]") == Text(
        f"okänd värdetyp 'colour'; kända: {known}", f"unknown value type 'colour'; known: {known}"
    )
    with pytest.raises(ValueError, match="unknown value type 'colour'") as caught:
        value_type("list[colour]")
    assert str(caught.value) == unknown_type("colour").en
