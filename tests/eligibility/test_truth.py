"""Three-valued truth: Kleene's strong logic, and the outcome it gives a decision."""

from __future__ import annotations

import itertools

import pytest

from ledarskap.eligibility import Outcome, Truth

ALL = tuple(Truth)
PAIRS = list(itertools.product(ALL, repeat=2))


@pytest.mark.parametrize("value", [True, False, None])
def test_of_and_as_bool_are_inverse(value: bool | None) -> None:
    """Law: ``Truth.of(b).as_bool() == b`` for True, False and None (unknown)."""
    assert Truth.of(value).as_bool() is value


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_on_known_values_and_and_or_are_pythons(a: Truth, b: Truth) -> None:
    """Law: where both are known, ``&`` and ``|`` agree with Python's ``and`` and ``or``."""
    x, y = a.as_bool(), b.as_bool()
    if x is not None and y is not None:
        assert (a & b) is Truth.of(x and y)
        assert (a | b) is Truth.of(x or y)


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_and_and_or_commute_and_obey_de_morgan(a: Truth, b: Truth) -> None:
    """Laws: ``a & b == b & a``, ``a | b == b | a``, and ``~(a & b) == ~a | ~b``."""
    assert (a & b) is (b & a)
    assert (a | b) is (b | a)
    assert ~(a & b) is (~a | ~b)
    assert ~(a | b) is (~a & ~b)


@pytest.mark.parametrize(("a", "b", "c"), list(itertools.product(ALL, repeat=3)))
def test_and_and_or_associate(a: Truth, b: Truth, c: Truth) -> None:
    """Law: grouping does not matter, ``(a & b) & c == a & (b & c)``, and likewise for ``|``."""
    assert ((a & b) & c) is (a & (b & c))
    assert ((a | b) | c) is (a | (b | c))


@pytest.mark.parametrize("a", ALL)
def test_an_unknown_never_hides_a_definite_answer(a: Truth) -> None:
    """Law: false decides an ``&`` and true an ``|``, whatever the other side; ``~~a == a``."""
    assert (a & Truth.FALSE) is Truth.FALSE
    assert (a | Truth.TRUE) is Truth.TRUE
    assert (a & Truth.TRUE) is a
    assert (a | Truth.FALSE) is a
    assert ~~a is a


@pytest.mark.parametrize("a", ALL)
def test_the_outcome_of_a_truth_is_the_outcome_of_its_bool(a: Truth) -> None:
    """Law: ``Outcome.of(t) == Outcome.of(t.as_bool())``; unknown is undetermined."""
    assert Outcome.of(a) is Outcome.of(a.as_bool())
    assert (Outcome.of(a) is Outcome.UNDETERMINED) == (a is Truth.UNKNOWN)
    assert (Outcome.of(a) is Outcome.ELIGIBLE) == (a is Truth.TRUE)
