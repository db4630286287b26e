"""People (personer) and personnummer: validated, and never shown in full."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.se import personnummer as stdnum_personnummer

from ledarskap import InvalidPersonnummerError, InvalidValueError, Person, Personnummer
from ledarskap import testing as lt
from ledarskap.model.people import _luhn_valid, as_personnummer, read_personnummer

LAWS = settings(max_examples=60, deadline=None)

# Fictional: a valid check digit, a date and serial nobody was given on purpose.
NUMBER = "198503122395"


def test_every_spelling_gives_the_same_number() -> None:
    spellings = ["198503122395", "19850312-2395", "850312-2395", "8503122395", " 19850312-2395 "]
    numbers = {Personnummer(text) for text in spellings}
    assert len(numbers) == 1
    assert Personnummer("850312-2395").reveal() == "19850312-2395"


def test_a_person_over_100_is_written_with_a_plus() -> None:
    centenarian = Personnummer("191212121212")
    assert centenarian == Personnummer("121212+1212")
    assert centenarian.birth_date == dt.date(1912, 12, 12)


def test_the_number_is_masked_everywhere() -> None:
    number = Personnummer(NUMBER)
    assert repr(number) == "Personnummer('19XXXXXX-XX95')"
    assert str(number) == "19XXXXXX-XX95"
    assert f"{number}" == "19XXXXXX-XX95"
    assert f"{number:>15}" == "  19XXXXXX-XX95"
    assert number.masked == "19XXXXXX-XX95"
    assert number.reveal() == "19850312-2395"


def test_birth_date_and_kind() -> None:
    number = Personnummer(NUMBER)
    assert number.birth_date == dt.date(1985, 3, 12)
    assert not number.is_coordination_number


def test_a_samordningsnummer_in_the_12_digit_form() -> None:
    number = Personnummer("19850372-2392")  # day 72: born on the 12th
    assert number.is_coordination_number
    assert number.birth_date == dt.date(1985, 3, 12)
    assert number.masked == "19XXXXXX-XX92"
    with pytest.raises(InvalidPersonnummerError):
        Personnummer("19850392-2398")  # day 32 after taking 60 off: no such date


@pytest.mark.parametrize(
    "text", ["198503122396", "19850332-2395", "1985031", "abc", "19850312-239X", ""]
)
def test_an_invalid_number_is_refused_without_showing_it(text: str) -> None:
    with pytest.raises(InvalidPersonnummerError) as caught:
        Personnummer(text)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.location == "personnummer"
    if len(text) >= 10:
        assert text not in str(error)
        assert text[2:8] not in str(error)


def test_a_long_junk_number_is_not_echoed() -> None:
    with pytest.raises(InvalidPersonnummerError, match="found '…'"):
        Personnummer("1" * 40)


def test_a_number_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidPersonnummerError, match="found 'int'"):
        Personnummer(198503122395)  # type: ignore[arg-type]


def test_a_personnummer_is_immutable_and_pickles() -> None:
    number = Personnummer(NUMBER)
    with pytest.raises(AttributeError):
        number._digits = "000000000000"
    assert pickle.loads(pickle.dumps(number)) == number
    assert copy.deepcopy(number) == number


def test_a_personnummer_is_not_equal_to_its_text() -> None:
    assert Personnummer(NUMBER) != NUMBER
    assert as_personnummer(None) is None
    number = Personnummer(NUMBER)
    assert as_personnummer(number) is number
    assert as_personnummer(NUMBER) == number


def test_a_person() -> None:
    anna = Person(
        id="p-anna",
        given_name="Anna",
        family_name="Berg",
        email="anna.berg@linkoping.example",
        phone="013-20 60 00",
        personnummer=NUMBER,
    )
    assert anna.name == "Anna Berg"
    assert str(anna) == "Anna Berg"
    text = repr(anna)
    assert "anna.berg@" not in text
    assert "a…@linkoping.example" in text
    assert "'…00'" in text
    assert NUMBER not in text
    assert "19850312" not in text


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("id", "", "an id of letters"),
        ("id", "p anna", "an id of letters"),
        ("id", "p-anna\n", "an id of letters"),
        ("given_name", "  ", "a non-empty text"),
        ("family_name", None, "a non-empty text"),
        ("email", "anna.berg", "an e-mail address"),
        ("email", "anna@berg.example\n", "an e-mail address"),
        ("phone", "", "a non-empty text"),
    ],
)
def test_bad_fields_are_named(field: str, value: object, expected: str) -> None:
    fields: dict[str, object] = {"id": "p-1", "given_name": "Anna", "family_name": "Berg"}
    fields[field] = value
    with pytest.raises(InvalidValueError, match=rf"Person\.{field}: expected {expected}"):
        Person(**fields)  # type: ignore[arg-type]


def test_an_invalid_personnummer_on_a_person_is_masked() -> None:
    with pytest.raises(InvalidPersonnummerError) as caught:
        Person(id="p-1", given_name="Anna", family_name="Berg", personnummer="198503122396")
    assert "198503122396" not in str(caught.value)
    assert "19850312" not in str(caught.value)


@LAWS
@given(lt.personnummer())
def test_generated_numbers_are_valid_for_stdnum(number: Personnummer) -> None:
    """Every generated personnummer is one python-stdnum accepts, and reads back equal."""
    assert stdnum_personnummer.is_valid(number.reveal())
    assert Personnummer(number.reveal()) == number
    assert Personnummer(number.reveal().replace("-", "")[2:]) == number


@st.composite
def _near_personnummer(draw: st.DrawFn) -> str:
    """A valid personnummer written one of the ways people write it, perhaps one digit off.

    Without these, random digits are almost never a personnummer (a review drew 0 of
    100), and the law's "accepts" half was never tested.
    """
    digits = draw(lt.personnummer()).reveal().replace("-", "")
    short = draw(st.booleans())
    head, tail = (digits[2:8], digits[8:]) if short else (digits[:8], digits[8:])
    text = head + draw(st.sampled_from(["", "-", "+"] if short else ["", "-"])) + tail
    if draw(st.booleans()):  # one digit changed: the check digit no longer fits, mostly
        places = [i for i, c in enumerate(text) if c.isdigit()]
        at = draw(st.sampled_from(places))
        text = text[:at] + str(draw(st.integers(0, 9))) + text[at + 1 :]
    return text


@LAWS
@given(st.one_of(_near_personnummer(), st.text(alphabet="0123456789-+ ", min_size=10, max_size=13)))
def test_the_model_accepts_what_stdnum_accepts(text: str) -> None:
    """Personnummer accepts what python-stdnum accepts, and beyond it only samordningsnummer."""
    try:
        number = Personnummer(text)
    except InvalidPersonnummerError:
        assert not stdnum_personnummer.is_valid(text)
    else:
        assert stdnum_personnummer.is_valid(text) or number.is_coordination_number


@LAWS
@given(lt.people(with_personnummer=True))
def test_no_personal_number_or_email_shows_in_repr_or_str(person: Person) -> None:
    """Neither a person's personnummer nor e-mail address appears unmasked in repr or str."""
    assert person.personnummer is not None
    shown = repr(person) + str(person) + repr(person.personnummer) + str(person.personnummer)
    digits = person.personnummer.reveal()
    assert digits not in shown
    assert digits.replace("-", "") not in shown
    assert digits[2:8] not in shown
    if person.email:
        assert person.email not in shown


@LAWS
@given(lt.people(), st.sampled_from(["id", "given_name", "family_name", "email"]))
def test_evolving_a_person_with_a_bad_value_names_the_field(person: Person, field: str) -> None:
    """Changing a field of a valid person to an invalid value raises an error naming it."""
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(person, **dict[str, Any]({field: " "}))
    assert caught.value.location == f"Person.{field}"
    assert isinstance(caught.value, ValueError)


@LAWS
@given(lt.people(person_id="p-fixed", with_personnummer=False))
def test_the_strategy_options_are_kept(person: Person) -> None:
    """people(person_id=…, with_personnummer=False) fixes the id and leaves the number out."""
    assert person.id == "p-fixed"
    assert person.personnummer is None


@LAWS
@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_the_luhn_check_is_stdnums(digits: str) -> None:
    """The fast path's Luhn check accepts ten digits exactly when python-stdnum's does."""
    assert _luhn_valid(digits) == (luhn.checksum(digits) == 0)


@LAWS
@given(
    lt.personnummer().map(Personnummer.reveal)
    | st.text(alphabet="0123456789-+ ", min_size=10, max_size=13)
)
def test_reading_many_numbers_is_the_constructor(text: str) -> None:
    """read_personnummer gives what Personnummer(text) gives, or raises what it raises."""
    try:
        expected: object = Personnummer(text)
    except InvalidPersonnummerError as exc:
        expected = str(exc)
    try:
        found: object = read_personnummer(text)
    except InvalidPersonnummerError as exc:
        found = str(exc)
    assert found == expected
    assert type(found) is type(expected)


def test_a_bad_personnummer_is_said_in_swedish_and_masked() -> None:
    with pytest.raises(InvalidPersonnummerError) as caught:
        Personnummer("19850312-2396")
    assert caught.value.render("sv") == (
        "personnummer: förväntade ett giltigt personnummer (ÅÅÅÅMMDD-NNNN med rätt "
        "kontrollsiffra), fick '19XXXXXX-XX96'"
    )
    assert str(caught.value) == (
        "personnummer: expected a valid personnummer (YYYYMMDD-NNNN with a correct check "
        "digit), found '19XXXXXX-XX96'"
    )
    with pytest.raises(InvalidPersonnummerError) as number:
        Personnummer(198503122395)  # type: ignore[arg-type]
    assert number.value.render("sv") == (
        "personnummer: förväntade ett personnummer som text, fick 'int'"
    )


@pytest.mark.parametrize("email", ["anna.berg @ linkoping.se", "anna.berg＠linkoping.se", "anna"])
def test_an_address_that_is_refused_is_quoted_masked(email: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        Person(id="p-1", given_name="Anna", family_name="Berg", email=email)
    for shown in (str(raised.value), raised.value.render("sv")):
        assert "anna" not in shown.replace("Anna", "")
