"""Equality laws for every model class: equal values compare and hash equal.

Two objects drawn independently are almost never equal, so these laws build the equal
twin on purpose: a fresh object of the same value, read back from its plain-data form
(new tuples, sets, personnummer and nested records, no object shared with the original).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap import testing as lt
from ledarskap.io import make_converter

CONVERTER = make_converter()

STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "appointment": lt.appointments(),
    "application": lt.applications(),
    "cohort": lt.cohorts(),
    "collaboration": lt.collaborations(),
    "mentor": lt.mentors(),
    "mentor meeting": lt.mentor_meetings(),
    "mentorship": lt.mentorships(),
    "organiser": lt.organisers(),
    "participant": lt.participants(),
    "person": lt.people(),
    "political body": lt.political_bodies(),
    "program": lt.programs(),
    "purpose": lt.purposes(),
    "session": lt.sessions(),
    "support group": lt.support_groups(),
    "theme": lt.themes(),
    "venue": lt.venues(),
}


def _twin(value: Any) -> Any:
    return CONVERTER.structure(CONVERTER.unstructure(value), type(value))


@pytest.mark.parametrize("kind", sorted(STRATEGIES))
@settings(max_examples=15)
@given(data=st.data())
def test_equal_values_compare_and_hash_equal(kind: str, data: st.DataObject) -> None:
    """Law: an object and its twin rebuilt from plain data are equal and hash equal."""
    value = data.draw(STRATEGIES[kind])
    twin = _twin(value)
    assert twin is not value
    assert twin == value
    assert hash(twin) == hash(value)


@settings(max_examples=10)
@given(data=lt.program_data(max_cohorts=1, max_participants=4))
def test_equal_programs_compare_and_hash_equal(data: Any) -> None:
    """Law: the same holds for a whole program's data."""
    twin = _twin(data)
    assert twin == data
    assert hash(twin) == hash(data)


@settings(max_examples=15)
@given(value=lt.cohorts())
def test_a_field_that_differs_makes_values_differ(value: Any) -> None:
    """Law: equality looks at the fields: changing one makes the values unequal."""
    assert attrs.evolve(value, name=value.name + " (ny)") != value
