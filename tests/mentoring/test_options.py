from __future__ import annotations

import contextlib
import math
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarskap import InvalidValueError, LedarskapError, UsageError, example_program
from ledarskap.mentoring import HardRule, MatchingOptions, Preference, Weights, propose


def test_weights_default_and_by_preference() -> None:
    weights = Weights()
    assert [weights.of(p) for p in Preference] == [1.0, 0.5, 0.5, 1.0, 0.25]
    assert Weights(distance=0).of(Preference.DISTANCE) == 0.0


@pytest.mark.parametrize("bad", [-0.5, math.inf, math.nan, "1", True, None])
def test_a_weight_is_a_finite_number_not_below_zero(bad: object) -> None:
    with pytest.raises(InvalidValueError, match=r"^Weights\.county_spread: expected a weight"):
        Weights(county_spread=bad)  # type: ignore[arg-type]


def test_options_take_any_iterables_and_keep_them_as_tuples() -> None:
    options = MatchingOptions(
        wishes={"d-1": iter(["m-1", "m-2"]), "d-2": "m-3"},
        conflicts=[["d-1", "m-2"]],
        unavailable="m-4",
        pins={("d-2", "m-1")},
        capacities={"m-1": 3},
        adepts=iter(["d-1", "d-2"]),
    )
    assert options.wishes == {"d-1": ("m-1", "m-2"), "d-2": ("m-3",)}
    assert options.conflicts == (("d-1", "m-2"),)
    assert options.unavailable == ("m-4",)
    assert options.pins == (("d-2", "m-1"),)
    assert options.adepts == ("d-1", "d-2")
    assert MatchingOptions().adepts is None
    # Hashable: the mappings are left out of the hash (they still count for equality).
    assert hash(options) == hash(attrs.evolve(options, wishes={}, capacities={}))
    assert options != attrs.evolve(options, wishes={})


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("weights", {"wish": 1}, r"MatchingOptions\.weights: expected Weights"),
        ("forbid_earlier_pairs", "yes", r"MatchingOptions\.forbid_earlier_pairs: expected True"),
        ("conflicts", [("d-1",)], r"MatchingOptions\.conflicts\[0\]: expected a pair"),
        ("bans", [("d-1", 2)], r"MatchingOptions\.bans\[0\]: expected a pair"),
        ("unavailable", ["m-1", 7], r"MatchingOptions\.unavailable\[1\]: expected an id"),
        ("adepts", [None], r"MatchingOptions\.adepts\[0\]: expected an id"),
        ("wishes", ["d-1"], r"MatchingOptions\.wishes: expected a mapping"),
        ("wishes", {1: ["m-1"]}, r"MatchingOptions\.wishes: expected adept ids"),
        ("wishes", {"d-1": [1]}, r"MatchingOptions\.wishes\[.d-1.\]: expected mentor ids"),
        ("capacities", {"m-1": "2"}, r"MatchingOptions\.capacities: expected a mapping"),
        ("capacities", {"m-1": True}, r"MatchingOptions\.capacities: expected a mapping"),
        ("capacities", ["m-1"], r"MatchingOptions\.capacities: expected a mapping"),
    ],
)
def test_options_of_the_wrong_shape_are_refused(field: str, value: object, message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        MatchingOptions(**{field: value})  # type: ignore[arg-type]


@given(
    st.dictionaries(
        st.sampled_from(
            ["wishes", "conflicts", "unavailable", "pins", "bans", "capacities", "adepts"]
        ),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=5),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=3), inner, max_size=2)
            ),
            max_leaves=6,
        ),
    )
)
def test_junk_options_are_the_librarys_error(fields: dict[str, Any]) -> None:
    """Options of any shape are made, or refused with a LedarskapError; nothing else."""
    with contextlib.suppress(LedarskapError):
        MatchingOptions(**fields)


def test_hard_rules_and_preferences_have_labels_in_both_languages() -> None:
    for member in (*HardRule, *Preference):
        assert member.label("sv")
        assert member.label("en")


def test_propose_takes_program_data_and_matching_options() -> None:
    with pytest.raises(UsageError, match="options must be a MatchingOptions, found dict"):
        propose(example_program(), "liko-2025", {})  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="expected a ProgramData, found NoneType"):
        propose(None, "liko-2025")  # type: ignore[arg-type]


def test_a_bad_option_in_swedish() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Weights(wish=-1)
    assert caught.value.render("sv") == (
        "Weights.wish: förväntade en vikt: ett tal från 0 till 1 000 000, fick -1"
    )
    assert str(caught.value) == (
        "Weights.wish: expected a weight: a number from 0 to 1,000,000, found -1"
    )
    with pytest.raises(InvalidValueError) as pairs:
        MatchingOptions(pins=[("a",)])
    assert pairs.value.render("sv") == (
        "MatchingOptions.pins[0]: förväntade ett par (adeptens id, mentorns id), fick ('a',)"
    )


@pytest.mark.parametrize("weight", [math.nan, math.inf, 1e308, 10**400, 1_000_000.5, True, "1"])
def test_a_weight_is_bounded_and_never_overflows(weight: object) -> None:
    with pytest.raises(InvalidValueError, match=r"Weights\.distance: expected a weight"):
        Weights(distance=weight)  # type: ignore[arg-type]


def test_the_largest_weight_pairs_as_the_solver_can() -> None:
    data = attrs.evolve(example_program(), mentorships=(), meetings=())
    extreme = Weights(distance=1_000_000, wish=0, continuity=1_000_000)
    proposal = propose(data, "liko-2025", MatchingOptions(weights=extreme))
    assert proposal.complete
    assert all(math.isfinite(pair.score) for pair in proposal.pairs)
