"""The pieces of a proposal: pairs with their scores, and the adepts left without a mentor.

A :class:`~ledarskap.mentoring.proposals.Proposal` is made of them:

- a :class:`Pair` for each adept with a proposed mentor, its score as weighted parts
  (:class:`ScorePart`) and the adept's next-best mentor (:class:`Alternative`);
- an :class:`Unmatched` for each adept left without one, with the hard rules that removed
  each candidate (:class:`Removal`);
- a :class:`Shortage` for each binding constraint: a group of adepts with fewer free
  places among the mentors they may have than there are adepts (a Hall violator).

.. versionadded:: 0.3
"""

from __future__ import annotations

import attrs

from ledarskap.errors import masked_repr
from ledarskap.model import Municipality

from .options import HardRule, Preference, Weights

__all__ = [
    "COSTS",
    "Alternative",
    "Pair",
    "Removal",
    "ScorePart",
    "Shortage",
    "Unmatched",
]

COSTS = frozenset({Preference.DISTANCE, Preference.MUNICIPALITY_SPREAD, Preference.COUNTY_SPREAD})
"""The preferences that count against a pair's score."""


@masked_repr
@attrs.frozen(kw_only=True)
class ScorePart:
    """One preference's part of a pair's score: ``points = ± weight × value``.

    ``value`` is on the preference's own scale (see :class:`Preference`): the wish's
    points, hundreds of kilometres, 1 for continuity, a number of other adepts for the
    spreads. For the spreads, ``expected`` is the part of ``value`` that is an expectation
    rather than a count (see :doc:`/pairing`).
    """

    preference: Preference
    weight: float
    value: float
    expected: float = 0.0

    @property
    def points(self) -> float:
        """The part's points: negative for a cost (distance, spread)."""
        points = self.weight * self.value
        return 0.0 - points if self.preference in COSTS else points


@masked_repr
@attrs.frozen(kw_only=True)
class Alternative:
    """An adept's next-best mentor: the best other one the rules allow.

    ``score`` is the pair's score with the mentor's next place (its last place, if the
    mentor is ``full`` in the proposal).
    """

    mentor_id: str
    mentor_municipality: Municipality
    score: float
    full: bool


@masked_repr
@attrs.frozen(kw_only=True)
class Pair:
    """An adept and the proposed mentor, with the score and how it is made up.

    ``values`` are the preferences' values in :class:`Preference` order, then the
    expected parts of the two spreads; :attr:`parts` gives them as :class:`ScorePart`.
    ``place`` is the adept's place among the mentor's adepts (1 is the first), counting
    the adepts the mentor has before the pairing.
    """

    adept_id: str
    mentor_id: str
    adept_municipality: Municipality
    mentor_municipality: Municipality
    place: int
    pinned: bool
    weights: Weights = attrs.field(repr=False)
    values: tuple[float, ...] = attrs.field(repr=False)
    score: float
    alternative: Alternative | None = attrs.field(repr=False)

    @property
    def parts(self) -> tuple[ScorePart, ...]:
        """The score's parts, one a preference; their points add up to ``score``."""
        values = self.values
        expected = {Preference.MUNICIPALITY_SPREAD: values[5], Preference.COUNTY_SPREAD: values[6]}
        return tuple(
            ScorePart(
                preference=preference,
                weight=self.weights.of(preference),
                value=values[i],
                expected=expected.get(preference, 0.0),
            )
            for i, preference in enumerate(Preference)
        )

    @property
    def gap(self) -> float | None:
        """How much more this pair scores than the next best (negative: less), or ``None``."""
        return None if self.alternative is None else self.score - self.alternative.score


@masked_repr
@attrs.frozen(kw_only=True)
class Removal:
    """A candidate mentor removed for an adept, and by which hard rules."""

    mentor_id: str
    rules: tuple[HardRule, ...]


@masked_repr
@attrs.frozen(kw_only=True)
class Unmatched:
    """An adept left without a mentor, and why, for every mentor of the cohort.

    ``removed``: the mentors a hard rule removed; ``full``: the mentors the adept may have
    whose places all went to other adepts.
    """

    adept_id: str
    municipality: Municipality
    removed: tuple[Removal, ...]
    full: tuple[str, ...]


@masked_repr
@attrs.frozen(kw_only=True)
class Shortage:
    """A binding constraint: more adepts than free places among the mentors they may have.

    Every mentor any of ``adept_ids`` may have is among ``mentor_ids``, and those mentors
    have ``places`` free places in all, fewer than the adepts: no pairing can give them all
    a mentor (Hall's condition fails for them). ``ruled_out`` says which hard rules
    removed the cohort's other mentors for these adepts.
    """

    adept_ids: tuple[str, ...]
    municipalities: tuple[Municipality, ...]
    mentor_ids: tuple[str, ...]
    places: int
    ruled_out: tuple[tuple[HardRule, tuple[str, ...]], ...]
