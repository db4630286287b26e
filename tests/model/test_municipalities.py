"""Municipalities (kommuner) and counties (län): the table, look-ups and their errors."""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap import (
    NEIGHBOURING_COUNTY_CODES,
    OSTERGOTLAND,
    County,
    LedarskapError,
    Municipality,
    Theme,
    UnknownMunicipalityError,
    all_counties,
    all_municipalities,
    county,
    municipality,
    program_region_counties,
)
from ledarskap import testing as lt
from ledarskap.errors import InvalidValueError
from ledarskap.model.municipalities import as_municipalities, as_optional_municipality

LAWS = settings(max_examples=60, deadline=None)


def test_all_290_municipalities_and_21_counties() -> None:
    municipalities = all_municipalities()
    assert len(municipalities) == 290
    assert len({m.code for m in municipalities}) == 290
    assert len(all_counties()) == 21
    assert sum(len(c.municipalities) for c in all_counties()) == 290


def test_every_code_starts_with_its_county_code() -> None:
    for item in all_municipalities():
        assert item.code[:2] == item.county.code
        assert len(item.code) == 4
        assert item.code.isdigit()


def test_ostergotland_has_13_municipalities() -> None:
    ostergotland = county(OSTERGOTLAND)
    assert ostergotland.name == "Östergötlands län"
    names = {m.name for m in ostergotland.municipalities}
    assert len(names) == 13
    assert {"Linköping", "Norrköping", "Motala", "Ydre", "Ödeshög"} <= names


def test_the_program_region_is_ostergotland_and_its_neighbours() -> None:
    region = program_region_counties()
    assert [c.code for c in region] == [OSTERGOTLAND, *NEIGHBOURING_COUNTY_CODES]
    assert [c.name for c in region[1:]] == [
        "Södermanlands län",
        "Jönköpings län",
        "Kalmar län",
        "Örebro län",
    ]


@pytest.mark.parametrize(
    "text",
    ["0580", "Linköping", "linkoping", "LINKÖPING", " Linköping ", "Linköpings kommun"],
)
def test_lookup_by_code_or_name(text: str) -> None:
    assert municipality(text).code == "0580"


def test_accents_tell_habo_from_habo() -> None:
    assert municipality("Håbo").code == "0305"
    assert municipality("HÅBO").code == "0305"
    assert municipality("Habo").code == "0643"
    assert municipality("Håbo kommun").code == "0305"


def test_gotland_calls_itself_region_gotland() -> None:
    gotland = municipality("0980")
    assert gotland.name == "Gotland"
    assert gotland.display_name == "Region Gotland"
    assert str(gotland) == "Region Gotland"
    assert municipality("Region Gotland") is gotland
    assert municipality("Gotland") is gotland


def test_an_unknown_name_names_the_closest_match() -> None:
    with pytest.raises(UnknownMunicipalityError) as caught:
        municipality("Linkopping")
    error = caught.value
    assert error.suggestion == "0580 Linköping"
    assert "did you mean 0580 Linköping?" in str(error)
    assert isinstance(error, ValueError)
    assert isinstance(error, LookupError)
    assert isinstance(error, LedarskapError)
    assert error.location == "municipality"


def test_an_unknown_code_names_a_close_code() -> None:
    with pytest.raises(UnknownMunicipalityError) as caught:
        municipality("0589", location="cohort.collaborations[0]")
    assert caught.value.suggestion is not None
    assert str(caught.value).startswith("cohort.collaborations[0]: ")


def test_nothing_close_gives_no_suggestion() -> None:
    with pytest.raises(UnknownMunicipalityError) as caught:
        municipality("Xyzzyqwerty")
    assert caught.value.suggestion is None
    assert "did you mean" not in str(caught.value)


def test_a_value_that_is_not_text_is_refused() -> None:
    with pytest.raises(UnknownMunicipalityError, match=r"found 580$"):
        municipality(580)  # type: ignore[arg-type]


def test_constructing_a_municipality_checks_the_table() -> None:
    linkoping = municipality("0580")
    assert Municipality(code="0580", name="Linköping", county=county("05")) == linkoping
    with pytest.raises(UnknownMunicipalityError, match=r"Municipality\.code"):
        Municipality(code="0580", name="Linkoping", county=county("05"))
    with pytest.raises(UnknownMunicipalityError):
        Municipality(code="0599", name="Linköping", county=county("05"))


def test_repr_and_str() -> None:
    linkoping = municipality("Linköping")
    assert repr(linkoping) == "Municipality(code='0580', name='Linköping', county='05')"
    assert str(linkoping) == "Linköping"
    assert repr(linkoping.county) == "County(code='05', name='Östergötlands län')"
    assert str(linkoping.county) == "Östergötlands län"


@pytest.mark.parametrize("text", ["05", "Östergötland", "östergötlands län", "ostergotland"])
def test_county_lookup(text: str) -> None:
    assert county(text).code == "05"


def test_county_lookup_errors_name_a_close_county() -> None:
    with pytest.raises(InvalidValueError, match="did you mean Östergötlands län"):
        county("Östergötlan")
    with pytest.raises(InvalidValueError, match="21 county codes"):
        county(5)  # type: ignore[arg-type]
    ostergotland = county("05")
    assert county(ostergotland) is ostergotland


def test_converters_accept_codes_names_and_values() -> None:
    linkoping = municipality("0580")
    assert as_optional_municipality(None) is None
    assert as_optional_municipality("Linköping") is linkoping
    assert as_municipalities(["0580", linkoping]) == (linkoping, linkoping)
    assert as_municipalities("0580") == "0580"  # type: ignore[comparison-overlap]


def test_seats_lie_in_sweden() -> None:
    for item in all_municipalities():
        assert item.seat is not None
        latitude, longitude = item.seat
        assert 55 <= latitude <= 69.1
        assert 10.9 <= longitude <= 24.2


@LAWS
@given(lt.municipalities())
def test_every_municipality_is_found_by_its_code_and_names(item: Municipality) -> None:
    """Looking a municipality up by its code, name, display name or a folded name finds it."""
    assert municipality(item.code) is item
    assert municipality(item.name) is item
    assert municipality(item.display_name) is item
    assert municipality(item.name.upper()) is item
    assert municipality(item) is item
    assert item in item.county.municipalities


@LAWS
@given(lt.municipalities(), lt.municipalities())
def test_equal_municipalities_hash_equal(first: Municipality, second: Municipality) -> None:
    """Municipalities are equal exactly when their codes are, and equal ones hash equal."""
    assert (first == second) == (first.code == second.code)
    if first == second:
        assert hash(first) == hash(second)


@LAWS
@given(lt.municipalities(counties=["05", "Kalmar län"]))
def test_the_counties_option_narrows_the_strategy(item: Municipality) -> None:
    """municipalities(counties=…) only gives municipalities of those counties."""
    assert item.county.code in {"05", "08"}


@LAWS
@given(lt.counties())
def test_every_county_is_found_by_its_code_and_name(found: County) -> None:
    """A county is found by its code and its name, and holds its own municipalities."""
    assert county(found.code) is found
    assert county(found.name) is found
    assert all(m.county is found for m in found.municipalities)


@LAWS
@given(lt.municipalities(), st.text(min_size=1, max_size=3))
def test_evolving_a_municipality_to_a_bad_code_raises(item: Municipality, junk: str) -> None:
    """A municipality changed to a code that is not its own is refused by the table check."""
    if junk != item.code:
        with pytest.raises(UnknownMunicipalityError, match=r"Municipality\.code"):
            attrs.evolve(item, code=junk)


def test_municipalities_pickle() -> None:
    linkoping = municipality("0580")
    assert pickle.loads(pickle.dumps(linkoping)) == linkoping


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        ("580", "did you mean 0580 Linköping?"),
        ("0589", "did you mean 0586 Mjölby?"),
        ("0999", None),
        ("9999", None),
    ],
)
def test_codes_are_suggested_as_numbers(code: str, hint: str | None) -> None:
    """A mistyped code is suggested its zero-padded form or a code of its county one digit off; nothing far."""
    with pytest.raises(UnknownMunicipalityError) as caught:
        municipality(code)
    assert caught.value.suggestion == (
        hint and hint.removeprefix("did you mean ").removesuffix("?")
    )
    if hint is None:
        assert "did you mean" not in str(caught.value)
    else:
        assert hint in str(caught.value)


def test_an_item_error_is_not_chained_to_its_twin() -> None:
    """The second pass that names the item is not raised during the first one's handling."""
    with pytest.raises(InvalidValueError, match=r"Theme\.topics\[1\]") as caught:
        Theme(id="t", sv="Tema", en="Theme", topics=["ok", ""])
    assert caught.value.__context__ is None


def test_an_unknown_municipality_or_county_is_said_in_swedish_with_a_hint() -> None:
    with pytest.raises(InvalidValueError) as town:
        municipality("Linkopping")
    assert town.value.render("sv") == (
        "municipality: förväntade en av Sveriges 290 kommunkoder eller kommunnamn, "
        "fick 'Linkopping' (menade du 0580 Linköping?)"
    )
    with pytest.raises(InvalidValueError) as region:
        county("Östergötlandd")
    assert region.value.render("sv") == (
        "county: förväntade en av Sveriges 21 länskoder eller länsnamn, fick 'Östergötlandd' "
        "(menade du Östergötlands län?)"
    )
    assert str(region.value) == (
        "county: expected one of Sweden's 21 county codes or names, found 'Östergötlandd' "
        "(did you mean Östergötlands län?)"
    )


@pytest.mark.parametrize(
    "name",
    ["Region Kalmar", "Kalmar län", "Stockholms län", "Region Jönköpings län", "Kalmar lans"],
)
def test_a_county_or_region_is_no_municipality(name: str) -> None:
    """Region Kalmar is not Kalmar municipality: a regional director is no kommunchef."""
    with pytest.raises(UnknownMunicipalityError):
        municipality(name)


def test_region_gotland_is_the_one_region_that_is_a_municipality() -> None:
    assert municipality("Region Gotland").code == municipality("Gotland").code == "0980"
