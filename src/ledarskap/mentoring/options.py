"""What a pairing takes besides the data: the weights of preferences and the hard rules.

A pairing (:func:`ledarskap.mentoring.matching.propose`) gives each adept of a cohort a
mentor. Hard rules (:class:`HardRule`) remove pairs; soft preferences (:class:`Preference`)
add to a pair's score, each with a weight (:class:`Weights`). Wishes, conflicts of interest,
availability, pins and bans are inputs of the pairing, not fields of the program document:
they belong to one pairing, and the document keeps what was decided (the mentorships).

>>> from ledarskap.mentoring import MatchingOptions, Weights
>>> options = MatchingOptions(
...     weights=Weights(distance=1.0),
...     wishes={"d-001": ["mentor-0581", "mentor-0583"]},
...     conflicts=[("d-002", "mentor-0586")],
...     pins=[("d-003", "mentor-0562")],
... )
>>> options.weights.distance, options.wishes["d-001"]
(1.0, ('mentor-0581', 'mentor-0583'))
>>> Weights(wish=-1)
Traceback (most recent call last):
...
ledarskap.errors.InvalidValueError: Weights.wish: expected a weight: a number from 0 to 1,000,000, found -1

.. versionadded:: 0.3
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

import attrs

from ledarskap.errors import InvalidValueError, masked_repr
from ledarskap.text import LabelledEnum, Text

__all__ = ["HardRule", "MatchingOptions", "Preference", "Weights"]


class HardRule(LabelledEnum):
    """A rule that removes a pair (adept, mentor) from the candidates."""

    OWN_MUNICIPALITY = (
        "own-municipality",
        "mentorn är kommunchef i adeptens egen kommun",
        "the mentor is the kommunchef of the adept's own municipality",
    )
    """Always on: a mentor never mentors an adept of their own municipality."""
    CONFLICT = "conflict", "jäv (intressekonflikt)", "a declared conflict of interest"
    """A conflict of interest the caller declared for the pair."""
    EARLIER_PAIR = "earlier-pair", "har varit ett par förut", "paired before"
    """The same two people were paired before (configurable)."""
    UNAVAILABLE = "unavailable", "mentorn är inte tillgänglig", "the mentor is not available"
    """The mentor is not available in the cohort."""
    BANNED = "banned", "uteslutet för hand", "ruled out by hand"
    """A ban the caller fixed by hand."""
    NO_PLACE = (
        "no-place",
        "mentorns platser är redan tagna av låsta eller pågående par",
        "the mentor's places are taken by pinned or current pairs",
    )
    """Every place of the mentor is taken before the pairing: by pins or current pairs."""


class Preference(LabelledEnum):
    """A soft preference: a part of a pair's score, weighted by the caller."""

    WISH = "wish", "adeptens önskemål", "the adept's wish"
    """The adept wished for the mentor: 1 for the first wish, less for later ones."""
    DISTANCE = "distance", "avstånd", "distance"
    """Distance between the municipality seats, in hundreds of kilometres (a cost)."""
    CONTINUITY = "continuity", "kontinuitet", "continuity"
    """The two municipalities were mentor and adept municipality in an earlier cohort."""
    MUNICIPALITY_SPREAD = (
        "municipality-spread",
        "spridning över kommuner",
        "spread over municipalities",
    )
    """Other adepts of the mentor from the adept's municipality (a cost)."""
    COUNTY_SPREAD = "county-spread", "spridning över län", "spread over counties"
    """Other adepts of the mentor from the adept's county (a cost)."""


MAX_WEIGHT = 1_000_000
"""The largest weight: the scores of a cohort stay exact in floating point up to it."""


def _weight(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # Compared, not converted: a huge int or NaN fails the comparison, never raises.
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if not (ok and 0 <= value <= MAX_WEIGHT):  # type: ignore[operator]
        raise InvalidValueError(
            location=f"{type(instance).__name__}.{attribute.name}",
            expected=Text(
                f"en vikt: ett tal från 0 till {MAX_WEIGHT:,}".replace(",", " "),
                f"a weight: a number from 0 to {MAX_WEIGHT:,}",
            ),
            found=value,
        )


@attrs.frozen(kw_only=True)
class Weights:
    """The weight of each soft preference; 0 turns one off.

    Each preference gives a pair points on its own scale (see :class:`Preference`); the
    weight multiplies them, and a pair's score is the sum. Costs (distance, spread) count
    against the score.
    """

    wish: float = attrs.field(default=1.0, validator=_weight)
    """Points for the first wish; later wishes get less."""
    distance: float = attrs.field(default=0.5, validator=_weight)
    """Points lost per 100 km between the municipality seats."""
    continuity: float = attrs.field(default=0.5, validator=_weight)
    """Points for a mentor municipality that mentored the adept's municipality before."""
    municipality_spread: float = attrs.field(default=1.0, validator=_weight)
    """Points lost per other adept of the mentor from the same municipality."""
    county_spread: float = attrs.field(default=0.25, validator=_weight)
    """Points lost per other adept of the mentor from the same county."""

    def of(self, preference: Preference) -> float:
        """The weight of *preference*."""
        return float(getattr(self, preference.name.lower()))


def _instance(kind: type, description: Text) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidValueError(
                location=f"{type(instance).__name__}.{attribute.name}",
                expected=description,
                found=value,
            )

    return check


def _pairs(value: Any) -> Any:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value  # refused by _check_pairs
    return tuple(
        tuple(pair) if isinstance(pair, Iterable) and not isinstance(pair, str) else pair
        for pair in value
    )


def _check_pairs(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    where = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple):
        raise InvalidValueError(
            location=where,
            expected=Text("par (adeptens id, mentorns id)", "pairs (adept id, mentor id)"),
            found=value,
        )
    for index, pair in enumerate(value):
        if not (
            isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            raise InvalidValueError(
                location=f"{where}[{index}]",
                expected=Text("ett par (adeptens id, mentorns id)", "a pair (adept id, mentor id)"),
                found=pair,
            )


def _ids(value: Any) -> Any:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, bytes) or not isinstance(value, Iterable):
        return value  # refused by _check_ids
    return tuple(value)


def _check_ids(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    where = f"{type(instance).__name__}.{attribute.name}"
    if value is None and attribute.name == "adepts":
        return
    if not isinstance(value, tuple):
        raise InvalidValueError(
            location=where, expected=Text("id (text)", "ids (text)"), found=value
        )
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise InvalidValueError(
                location=f"{where}[{index}]",
                expected=Text("ett id (text)", "an id (text)"),
                found=item,
            )


class _ReadOnly(dict[str, Any]):
    """A dict that refuses every change: the options' mappings, checked once when made.

    A dict still (it pickles and copies as one, compares as one), unlike a mapping proxy.
    """

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError(f"{type(self).__name__}: the options' mappings are read-only")

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[type[_ReadOnly], tuple[dict[str, Any]]]:
        return (type(self), (dict(self),))


def _wishes(value: Any) -> Any:
    if not isinstance(value, Mapping):
        return value
    return _ReadOnly({key: _ids(wished) for key, wished in value.items()})


def _check_wishes(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Mapping):
        raise InvalidValueError(
            location="MatchingOptions.wishes",
            expected=Text(
                "en mappning från adepters id till mentorers id, den mest önskade först",
                "a mapping of adept ids to mentor ids, most wanted first",
            ),
            found=value,
        )
    for key, wished in value.items():
        if not isinstance(key, str):
            raise InvalidValueError(
                location="MatchingOptions.wishes",
                expected=Text("adepters id (text)", "adept ids (text)"),
                found=key,
            )
        if not isinstance(wished, tuple) or not all(isinstance(m, str) for m in wished):
            raise InvalidValueError(
                location=f"MatchingOptions.wishes[{key!r}]",
                expected=Text(
                    "mentorers id (text), den mest önskade först",
                    "mentor ids (text), most wanted first",
                ),
                found=wished,
            )


def _capacities(value: Any) -> Any:
    return _ReadOnly(value) if isinstance(value, Mapping) else value


def _check_capacities(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Mapping) or not all(
        isinstance(key, str) and isinstance(places, int) and not isinstance(places, bool)
        for key, places in value.items()
    ):
        raise InvalidValueError(
            location="MatchingOptions.capacities",
            expected=Text(
                "en mappning från mentorers id till antal platser (heltal)",
                "a mapping of mentor ids to whole numbers of places",
            ),
            found=value,
        )


@masked_repr
@attrs.frozen(kw_only=True)
class MatchingOptions:
    """The inputs of one pairing besides the program data; every id is checked against it.

    - ``weights``: the soft preferences' weights.
    - ``wishes``: each adept's wished mentors (participant id to mentor ids), most wanted
      first.
    - ``conflicts``: declared conflicts of interest, as pairs (participant id, mentor id).
    - ``forbid_earlier_pairs``: whether two people paired before (in an earlier cohort, or
      ended early in this one) may not be paired again. On by default.
    - ``unavailable``: mentor ids not available in the cohort.
    - ``pins``: pairs (participant id, mentor id) fixed by hand: they are in the proposal.
    - ``bans``: pairs (participant id, mentor id) ruled out by hand.
    - ``capacities``: mentor ids to places, instead of the mentor records' ``capacity``
      for this pairing (at least 1: use ``unavailable`` to take a mentor out).
    - ``adepts``: the participants to pair; by default every participant of the cohort who
      has not withdrawn and is not paired yet. Naming adepts who are paired re-pairs them:
      their current mentorship does not take a place (ban the pair to rule out the
      current mentor).

    ``wishes`` and ``capacities`` are read-only mappings, as the options are immutable.
    """

    weights: Weights = attrs.field(
        factory=Weights, validator=_instance(Weights, Text("Weights", "Weights"))
    )
    wishes: Mapping[str, tuple[str, ...]] = attrs.field(
        factory=dict, converter=_wishes, validator=_check_wishes, hash=False
    )
    conflicts: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_pairs, validator=_check_pairs
    )
    forbid_earlier_pairs: bool = attrs.field(
        default=True, validator=_instance(bool, Text("True eller False", "True or False"))
    )
    unavailable: tuple[str, ...] = attrs.field(default=(), converter=_ids, validator=_check_ids)
    pins: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_pairs, validator=_check_pairs
    )
    bans: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_pairs, validator=_check_pairs
    )
    capacities: Mapping[str, int] = attrs.field(
        factory=dict, converter=_capacities, validator=_check_capacities, hash=False
    )
    adepts: tuple[str, ...] | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(_ids),
        validator=_check_ids,
    )
