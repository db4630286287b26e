"""The model classes' ``__eq__``, ``__hash__`` and ``__repr__``, made on first use (``model._methods``)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarskap import model, testing
from ledarskap.errors import mask_personal_data
from ledarskap.model._methods import lazy_methods

SOME = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    model.Application: testing.applications(),
    model.Appointment: testing.appointments(),
    model.Cohort: testing.cohorts(),
    model.Collaboration: testing.collaborations(),
    model.Mentor: testing.mentors(),
    model.MentorMeeting: testing.mentor_meetings(),
    model.Mentorship: testing.mentorships(),
    model.Organiser: testing.organisers(),
    model.Participant: testing.participants(),
    model.Person: testing.people(),
    model.PoliticalBody: testing.political_bodies(),
    model.Program: testing.programs(),
    model.ProgramData: testing.program_data(max_cohorts=1, max_participants=2),
    model.Purpose: testing.purposes(),
    model.Session: testing.sessions(),
    model.SupportGroup: testing.support_groups(),
    model.Theme: testing.themes(),
    model.Venue: testing.venues(),
    model.Municipality: testing.municipalities(),
    model.County: testing.counties(),
    model.Position: testing.positions(),
}


OWN_REPR = (model.Municipality, model.County, model.Position)
"""The classes that write their own repr (a code and a name)."""


def _twin_class(cls: type) -> Any:
    """A class attrs makes with *cls*'s fields and attrs' own ``__eq__``, ``__hash__``, ``__repr__``."""
    fields = {a.name: attrs.field(eq=a.eq, hash=a.hash, repr=a.repr) for a in attrs.fields(cls)}
    if cls not in _TWINS:  # one twin class per class: twins of two classes are never equal
        _TWINS[cls] = attrs.make_class(cls.__name__, fields, frozen=True, kw_only=True)
    return _TWINS[cls]


_TWINS: dict[type, Any] = {}


def _twin(value: Any) -> Any:
    cls = type(value)
    return _twin_class(cls)(**{a.name: getattr(value, a.name) for a in attrs.fields(cls)})


def test_every_record_class_of_the_model_has_its_methods_made_here() -> None:
    """Each attrs class of the model is declared without attrs' methods and given them here."""
    classes = [c for c in vars(model).values() if isinstance(c, type) and attrs.has(c)]
    assert set(classes) == set(STRATEGIES)
    for cls in classes:
        for method in (cls.__eq__, cls.__hash__, cls.__repr__):
            assert "attrs generated" not in method.__code__.co_filename


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda cls: cls.__name__)
@SOME
@given(data=st.data())
def test_the_methods_are_those_attrs_writes(cls: type, data: st.DataObject) -> None:
    """Law: equality and repr agree with attrs' own methods; equal records hash equal.

    The reference is a twin class attrs makes from the same fields; a record's repr is
    masked (:func:`~ledarskap.errors.masked_repr`) where the class shows personal data.
    """
    one, other = data.draw(STRATEGIES[cls]), data.draw(STRATEGIES[cls])
    assert (one == other) == (_twin(one) == _twin(other))
    assert (one != other) == (_twin(one) != _twin(other))
    copy = attrs.evolve(one)
    assert copy == one
    assert hash(copy) == hash(one)
    if cls not in OWN_REPR:
        assert repr(one) == mask_personal_data(repr(_twin(one)))


def test_the_methods_are_compiled_once_on_first_use_and_then_replace_their_stand_in() -> None:
    """Before its first use a method is a stand-in; after it, the compiled method itself."""

    @lazy_methods
    @attrs.frozen(eq=False, repr=False)
    class Pair:
        left: int
        right: int

    stand_in = Pair.__dict__["__eq__"]
    assert Pair(1, 2) == Pair(1, 2)
    compiled = Pair.__dict__["__eq__"]
    assert compiled is not stand_in
    assert compiled.__qualname__.endswith("Pair.__eq__")
    assert Pair(1, 2) != Pair(2, 1)
    assert Pair.__dict__["__eq__"] is compiled
    assert hash(Pair(1, 2)) == hash(Pair(1, 2))
    assert Pair.__dict__["__hash__"].__qualname__.endswith("Pair.__hash__")
    assert repr(Pair(1, 2)) == "Pair(left=1, right=2)"


def test_another_class_is_never_equal_even_with_equal_fields() -> None:
    """``__eq__`` answers ``NotImplemented`` for another class, as attrs' does."""

    @lazy_methods
    @attrs.frozen(eq=False, repr=False)
    class One:
        x: int

    @lazy_methods
    @attrs.frozen(eq=False, repr=False)
    class Other:
        x: int

    one: Any = One(1)
    assert one != Other(1)
    assert One.__eq__(one, Other(1)) is NotImplemented
    assert one != "One(x=1)"


def test_field_options_are_honoured_as_attrs_honours_them() -> None:
    """``eq=False`` leaves a field out of equality and hash, an ``eq`` key compares through
    it, ``repr=False`` hides a field and a callable ``repr`` shows it its way; a class
    without compared fields has all its records equal."""

    @lazy_methods
    @attrs.frozen(eq=False, repr=False)
    class Keyed:
        name: str = attrs.field(eq=str.casefold)
        note: str = attrs.field(eq=False, repr=False)
        secret: str = attrs.field(repr=lambda value: "***")

    one, other = Keyed("Anna", "a", "x"), Keyed("ANNA", "b", "x")
    assert one == other
    assert hash(one) == hash(other)
    assert one != Keyed("Anna", "a", "y")
    assert repr(one) == "Keyed(name='Anna', secret=***)"

    @lazy_methods
    @attrs.frozen(eq=False, repr=False)
    class Empty:
        pass

    assert Empty() == Empty()
    assert hash(Empty()) == hash(Empty())
    assert repr(Empty()) == "Empty()"


def test_a_class_with_its_own_repr_keeps_it() -> None:
    """:func:`lazy_methods` gives ``__repr__`` only to a class that has none of its own."""

    @lazy_methods
    @attrs.frozen(eq=False, repr=False)
    class Shown:
        x: int

        def __repr__(self) -> str:
            return "shown"

    assert repr(Shown(1)) == "shown"
    assert repr(model.municipality("0580")) == repr(model.municipality("Linköping"))
