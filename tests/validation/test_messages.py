"""The catalogue of validation codes: complete, bilingual, and listed on the documentation page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ledarskap.errors import InvalidValueError
from ledarskap.validation import MESSAGES, Severity, catalogue_markdown


def test_catalogue_entries_are_complete() -> None:
    """Every code is slug-like, and its Swedish and English templates take the same fields."""
    for code, entry in MESSAGES.items():
        assert re.fullmatch(r"[a-z-]+\.[a-z-]+", code)
        assert entry.code == code
        fields_sv = set(re.findall(r"\{(\w+)\}", entry.text.sv))
        fields_en = set(re.findall(r"\{(\w+)\}", entry.text.en))
        assert fields_sv == fields_en, code
        assert entry.title("sv")
        assert entry.title("en")


def test_the_validation_page_lists_the_catalogue() -> None:
    """docs/validation.md holds the table generated from the catalogue, up to date."""
    page = (Path(__file__).parents[2] / "docs" / "validation.md").read_text(encoding="utf-8")
    assert catalogue_markdown() in page


def test_a_message_renders_in_either_language() -> None:
    entry = MESSAGES["cohort.over-capacity"]
    params = {"cohort": "c-1", "count": 3, "capacity": 2}
    assert entry.render("sv", **params) == "Omgången c-1 har 3 deltagare men 2 platser."
    assert entry.render("en", **params) == "Cohort c-1 has 3 participants but 2 places."
    assert entry.title("en") == "More participants than places"


def test_severities_are_labelled_in_both_languages() -> None:
    assert [(s.value, s.label("sv"), s.label("en")) for s in Severity] == [
        ("error", "fel", "error"),
        ("warning", "varning", "warning"),
    ]
    assert Severity("warning") is Severity.WARNING


@pytest.mark.parametrize(
    "call",
    [
        lambda: Severity.ERROR.label("de"),  # type: ignore[arg-type]
        lambda: MESSAGES["id.repeated"].render("de", id="x", first="y"),  # type: ignore[arg-type]
        lambda: MESSAGES["id.repeated"].title("de"),  # type: ignore[arg-type]
        lambda: catalogue_markdown("de"),  # type: ignore[arg-type]
    ],
)
def test_an_unknown_language_is_refused(call: object) -> None:
    """No text of the catalogue falls back to English for a language it does not have."""
    with pytest.raises(InvalidValueError, match="language: expected 'sv' or 'en', found 'de'"):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("old", "value"),
    [
        ("title_sv", "Id används två gånger"),
        ("title_en", "Repeated id"),
        ("sv", "Id {id} används redan av {first}."),
        ("en", "The id {id} is already used by {first}."),
    ],
)
def test_the_old_per_language_fields_are_deprecated(old: str, value: str) -> None:
    """``Message.sv`` and its kin keep working for one minor version, with a warning."""
    with pytest.warns(DeprecationWarning, match=rf"Message.{old} is deprecated"):
        assert getattr(MESSAGES["id.repeated"], old) == value


def test_one_language_of_the_catalogue() -> None:
    table = catalogue_markdown("en")
    assert table.splitlines()[0] == "| Code | Severity | Message (en) |"
    assert "**Repeated id**. The id {id} is already used by {first}." in table
