"""The model's validators (``ledarskap.model._checks``): they check, and say what they check."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import re
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarskap import Activity, Session, SessionKind, model
from ledarskap.errors import InvalidValueError
from ledarskap.io import schema
from ledarskap.model import _checks
from ledarskap.text import Text


@attrs.frozen
class _Record:
    """A stand-in record for the validators to name: ``_Record.field``."""

    start: Any = None


FIELD = attrs.Attribute(  # type: ignore[call-arg,var-annotated]
    name="field",
    default=attrs.NOTHING,
    validator=None,
    repr=True,
    cmp=None,
    hash=None,
    init=True,
    inherited=False,
)
RECORD = _Record(start=dt.date(2025, 9, 1))


def _accepts(check: _checks.Check, value: object) -> bool:
    try:
        check(RECORD, FIELD, value)
    except InvalidValueError:
        return False
    return True


@pytest.mark.parametrize(
    ("check", "text"),
    [
        (_checks.identifier, "identifier"),
        (_checks.optional(_checks.email), "optional(email)"),
        (_checks.items(_checks.text, unique=True), "items(text, non_empty=False, unique=True)"),
        (_checks.set_of(Activity, "Activity"), "set_of(Activity, non_empty=False)"),
        (
            _checks.all_of(_checks.date, _checks.not_before("start")),
            "all_of(date, not_before('start'))",
        ),
        (_checks.positive_int, "positive_int"),
        (_checks.non_negative_int, "non_negative_int"),
        (_checks.any_text, "any_text"),
        (
            _checks.instance_of(int, "a whole number"),
            "instance_of(<class 'int'>, 'a whole number')",
        ),
    ],
)
def test_every_validator_shows_how_it_was_made(check: _checks.Check, text: str) -> None:
    """A validator's repr is the factory call that made it, as attrs' validators show theirs."""
    assert repr(check) == text


def test_the_description_is_what_the_message_says_was_expected() -> None:
    """The words a validator describes itself with are the "expected …" of its error."""
    for check, bad in [
        (_checks.identifier, "p 1"),
        (_checks.email, "anna@"),
        (_checks.text, " "),
        (_checks.any_text, 3),
        (_checks.date, dt.datetime(2025, 1, 1)),
        (_checks.positive_int, 0),
        (_checks.non_negative_int, True),
        (_checks.instance_of(int, "a whole number"), True),
        (_checks.set_of(Activity, "Activity"), frozenset({"lecture"})),
    ]:
        with pytest.raises(InvalidValueError) as exc:
            check(RECORD, FIELD, bad)
        assert exc.value.expected == check.description
        assert exc.value.location == "_Record.field"


@pytest.mark.parametrize(
    "check", [_checks.identifier, _checks.email, _checks.text, _checks.any_text]
)
@given(value=st.text(alphabet=st.sampled_from("aZ09._:-@ \t\né"), max_size=10))
def test_a_text_check_and_its_schema_agree(check: _checks.Check, value: str) -> None:
    """Law: a text passes the validator iff it is valid under the validator's JSON Schema
    (its pattern anchored with ECMA 262's end, as the document's schema writes it)."""
    schema = dict(check.schema)
    if schema.get("pattern", "").endswith("$"):
        schema["pattern"] = schema["pattern"][:-1] + r"(?![\s\S])"
    assert _accepts(check, value) == jsonschema.Draft202012Validator(schema).is_valid(value)


_ADDRESS_LIKE = st.text(
    alphabet=st.sampled_from("ab.@-\u00a0\u2007\u3000\x1c\x7f\x85\n é"), max_size=12
)


@given(value=_ADDRESS_LIKE | st.text(max_size=12))
def test_an_address_is_checked_as_its_pattern_says(value: str) -> None:
    """Law: the e-mail check, written without compiling :data:`EMAIL_PATTERN`, accepts
    exactly the texts the pattern matches whole."""
    assert _checks.email.accepts(value) == bool(re.fullmatch(_checks.EMAIL_PATTERN, value))


def test_an_address_leaves_out_the_characters_its_pattern_leaves_out() -> None:
    """Every code point: in an address (between letters) exactly when the pattern takes it."""
    pattern = re.compile(_checks.EMAIL_PATTERN).fullmatch
    differ = [
        hex(code)
        for code in range(0x110000)
        if _checks.email.accepts(f"a{chr(code)}b@c.d") != bool(pattern(f"a{chr(code)}b@c.d"))
    ]
    assert differ == []


@given(value=st.integers(-3, 3) | st.integers(2**63 - 3, 2**63 + 3) | st.integers())
def test_a_least_whole_number_and_its_schema_agree(value: int) -> None:
    """Law: a whole number passes ``positive_int`` iff its schema's bounds allow it (at
    most 2^63 - 1: what TOML, Parquet and most tools hold)."""
    valid = jsonschema.Draft202012Validator(_checks.positive_int.schema).is_valid(value)
    assert _accepts(_checks.positive_int, value) == valid


def test_schemas_of_the_combinators() -> None:
    """Optional says null apart (in the field's type); items and sets say their constraints."""
    assert _checks.optional(_checks.positive_int).schema == {
        "type": "integer",
        "minimum": 1,
        "maximum": 2**63 - 1,
    }
    assert _checks.items(_checks.identifier, non_empty=True, unique=True).schema == {
        "type": "array",
        "items": _checks.identifier.schema,
        "uniqueItems": True,
        "minItems": 1,
    }
    assert _checks.set_of(Activity, "Activity", non_empty=True).schema == {
        "type": "array",
        "uniqueItems": True,
        "minItems": 1,
    }
    assert _checks.all_of(_checks.date, _checks.not_before("start")).schema == {}
    assert _checks.date.schema == {}
    assert _checks.instance_of(int, "x").schema == {}


def test_what_a_schema_cannot_say_is_marked_incomplete() -> None:
    """``complete`` tells a reader that checks the schema whether it must run the validator."""
    assert _checks.optional(_checks.identifier).complete
    assert _checks.items(_checks.text).complete
    assert not _checks.items(_checks.text, unique=True).complete
    assert not _checks.items(_checks.text, non_empty=True).complete
    assert not _checks.set_of(Activity, "Activity", non_empty=True).complete
    assert not _checks.all_of(_checks.date, _checks.not_before("start")).complete
    assert _checks.optional(_checks.items(_checks.identifier)).item is _checks.identifier
    assert _checks.all_of(_checks.date).item is None


def test_the_combinators_check_what_they_say() -> None:
    """Items are named by index; repeats, empty tuples and sets of other things are refused."""
    with pytest.raises(InvalidValueError, match=r"_Record\.field\[1\]"):
        _checks.items(_checks.identifier)(RECORD, FIELD, ("a", "b c"))
    with pytest.raises(InvalidValueError, match="no item twice"):
        _checks.items(_checks.identifier, unique=True)(RECORD, FIELD, ("a", "a"))
    with pytest.raises(InvalidValueError, match="at least one item"):
        _checks.items(_checks.identifier, non_empty=True)(RECORD, FIELD, ())
    with pytest.raises(InvalidValueError, match="a tuple"):
        _checks.items(_checks.identifier)(RECORD, FIELD, ["a"])
    with pytest.raises(InvalidValueError, match="at least one Activity"):
        _checks.set_of(Activity, "Activity", non_empty=True)(RECORD, FIELD, frozenset())
    with pytest.raises(InvalidValueError, match=re.escape("a date on or after start (2025-09-01)")):
        _checks.not_before("start")(RECORD, FIELD, dt.date(2025, 8, 31))
    assert _checks.not_before("start").description == "a date on or after start"
    assert _checks.all_of(_checks.text, _checks.email).description == (
        "a non-empty text and " + _checks.email.description
    )
    assert _accepts(_checks.optional(_checks.identifier), None)


def test_a_derived_default_is_computed_only_when_not_given() -> None:
    """``DERIVED`` (a session's end: its start) is replaced; a value given is kept as it is."""
    day = dt.date(2025, 9, 1)
    assert repr(_checks.DERIVED) == "DERIVED"
    assert Session(id="s", kind=SessionKind.SESSION, title="t", start=day).end == day
    later = Session(id="s", kind=SessionKind.SESSION, title="t", start=day, end=dt.date(2025, 9, 2))
    assert later.end == dt.date(2025, 9, 2)


def test_a_non_empty_list_is_said_in_the_document_schema() -> None:
    """The document's schema reads ``non_empty`` as ``minItems``, whichever field uses it."""

    check = _checks.items(_checks.text, non_empty=True)
    assert check.description == "a tuple"
    assert schema._schema_of(tuple[str, ...], check) == {
        "type": "array",
        "items": _checks.text.schema,
        "minItems": 1,
    }


_MADE = {
    "identifier": lambda: _checks.identifier,
    "text": lambda: _checks._Text(False),
    "date": _checks._Date,
    "at_least": lambda: _checks._AtLeast(3),
    "instance_of": lambda: _checks.instance_of(int, "a whole number"),
    "optional": lambda: _checks.optional(_checks.email),
    "items": lambda: _checks.items(_checks.text, unique=True),
    "set_of": lambda: _checks.set_of(Activity, "Activity", non_empty=True),
    "not_before": lambda: _checks.not_before("start", description="after the start"),
    "all_of": lambda: _checks.all_of(_checks.date, _checks.not_before("start")),
}


@pytest.mark.parametrize("make", _MADE.values(), ids=list(_MADE))
def test_a_check_is_a_value(make: Any) -> None:
    """Law: a check made twice alike is equal and hashes alike, survives copying and
    pickling equal and working, and refuses to be changed (attrs' frozen classes' rules)."""
    check = make()
    assert check == make()
    assert hash(check) == hash(make())
    assert check != object()
    for twin in (copy.copy(check), copy.deepcopy(check), pickle.loads(pickle.dumps(check))):
        assert twin == check
        assert repr(twin) == repr(check)
        assert _accepts(twin, None) == _accepts(check, None)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        check.description = "changed"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del check.description


def test_checks_of_other_fields_or_kinds_differ() -> None:
    """Checks compare by their class and fields: another bound, kind or class is unequal."""
    assert _checks._AtLeast(1) != _checks._AtLeast(2)
    assert _checks.positive_int == _checks._AtLeast(1)
    assert _checks.identifier != _checks.email
    assert _checks.optional(_checks.text) != _checks.items(_checks.text)
    assert _checks.instance_of(int, "x") != _checks.instance_of(float, "x")
    assert hash(_checks.any_text) != hash(_checks.text)


def _checks_of(check: _checks.Check) -> list[_checks.Check]:
    """*check* and every check it is made of (its parts, its item's, an optional's)."""
    found = [check]
    inner = getattr(check, "validator", None)
    for part in [*check.parts[1:], *([inner] if isinstance(inner, _checks.Check) else [])]:
        found += _checks_of(part)
    return found


def _model_checks() -> list[tuple[str, _checks.Check]]:
    made = []
    for name in model.__all__:
        kind = getattr(model, name)
        if isinstance(kind, type) and attrs.has(kind):
            for field in attrs.fields(kind):
                if isinstance(field.validator, _checks.Check):
                    made += [(f"{name}.{field.name}", c) for c in _checks_of(field.validator)]
    return made


@pytest.mark.parametrize(("where", "check"), _model_checks(), ids=lambda v: str(v)[:40])
def test_every_field_of_the_model_says_what_it_expects_in_swedish(
    where: str, check: _checks.Check
) -> None:
    """Each validator of each record's field words what it expects in Swedish and English;
    its ``description`` (what a schema or an English message says) is the English."""
    assert isinstance(check.expected, Text), where
    assert check.description == check.expected.en


@pytest.mark.parametrize(
    ("check", "bad", "swedish"),
    [
        (
            _checks.identifier,
            "p 1",
            "_Record.field: förväntade ett id av bokstäver, siffror och ._:- (högst 64 tecken), "
            "fick 'p 1'",
        ),
        (
            _checks.email,
            "anna@",
            "_Record.field: förväntade en e-postadress (ett @, en punkt i domänen, inga "
            "mellanslag), fick 'a…@'",
        ),
        (_checks.text, " ", "_Record.field: förväntade en text som inte är tom, fick ' '"),
        (_checks.any_text, 3, "_Record.field: förväntade en text, fick 3"),
        (
            _checks.date,
            "2025-09-01",
            "_Record.field: förväntade ett datum (datetime.date), fick '2025-09-01'",
        ),
        (_checks.positive_int, 0, "_Record.field: förväntade ett heltal som är minst 1, fick 0"),
        (_checks.boolean, 1, "_Record.field: förväntade True eller False, fick 1"),
        (_checks.instance_of(Activity), "x", "_Record.field: förväntade en Activity, fick 'x'"),
        (
            _checks.optional(_checks.instance_of(dt.date, Text("ett datum", "a date"))),
            3,
            "_Record.field: förväntade ett datum, fick 3",
        ),
        (_checks.items(_checks.text), ["a"], "_Record.field: förväntade en tupel, fick ['a']"),
        (
            _checks.items(_checks.text),
            ("a", " "),
            "_Record.field[1]: förväntade en text som inte är tom, fick ' '",
        ),
        (
            _checks.items(_checks.text, non_empty=True),
            (),
            "_Record.field: förväntade minst ett element, fick ()",
        ),
        (
            _checks.items(_checks.text, unique=True),
            ("a", "a"),
            "_Record.field: förväntade inget element två gånger, fick 'a'",
        ),
        (
            _checks.set_of(Activity, "Activity"),
            frozenset({"lecture"}),
            "_Record.field: förväntade en frozenset med värden av typen Activity, "
            "fick frozenset({'lecture'})",
        ),
        (
            _checks.set_of(Activity, "Activity", non_empty=True),
            frozenset(),
            "_Record.field: förväntade minst ett värde av typen Activity, fick frozenset()",
        ),
        (
            _checks.not_before("start"),
            dt.date(2025, 8, 31),
            "_Record.field: förväntade ett datum som inte är före start (2025-09-01), "
            "fick '2025-08-31'",
        ),
    ],
)
def test_each_check_says_in_swedish_what_it_expected(
    check: _checks.Check, bad: object, swedish: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        check(RECORD, FIELD, bad)
    assert caught.value.render("sv") == swedish


def test_combined_checks_word_their_parts_in_both_languages_or_english_alone() -> None:
    both = _checks.all_of(_checks.optional(_checks.date), _checks.not_before("start"))
    assert both.expected == Text(
        "ett datum (datetime.date), eller None och ett datum som inte är före start",
        "a date (datetime.date), or None and a date on or after start",
    )
    english = _checks.optional(_checks.instance_of(int, "a whole number"))
    assert english.expected == "a whole number, or None"
    assert _checks.all_of(_checks.text, english).expected == (
        "a non-empty text and a whole number, or None"
    )
    assert _checks.not_before("start", description="after the start").expected == "after the start"
