"""A proposal of mentor pairs for review: every pair explains itself, every gap is diagnosed.

:func:`~ledarskap.mentoring.matching.propose` gives a :class:`Proposal`. It changes no
data: :meth:`Proposal.apply` does, on request, giving new program data with the pairs as
proposed mentorships. Until then it can be read, rendered in Swedish or English
(:meth:`Proposal.render`, :meth:`Proposal.explain`) and written as data
(:meth:`Proposal.to_data`).

- Each :class:`Pair` has its score as weighted parts (:class:`ScorePart`) and the adept's
  next-best mentor with the gap (:class:`Alternative`).
- Each adept left without a mentor is an :class:`Unmatched`, with the hard rules that
  removed each candidate (:class:`Removal`) and the mentors whose places went to others.
- When not every adept can be paired, a :class:`Shortage` names the binding constraint: a
  group of adepts with fewer free places among the mentors they may have than there are
  adepts (a Hall violator, found from the pairing itself).

.. versionadded:: 0.4
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import attrs

from ledarskap.errors import InvalidValueError, mask_personal_data
from ledarskap.model import Mentorship, MentorshipStatus, Municipality, ProgramData
from ledarskap.text import Language, checked_language

from ._texts import T, count, listed, number
from .options import HardRule, Preference, Weights

__all__ = [
    "PROPOSAL_FORMAT",
    "Alternative",
    "Pair",
    "Proposal",
    "Removal",
    "ScorePart",
    "Shortage",
    "Unmatched",
]

PROPOSAL_FORMAT = "ledarskap.proposal/1"
"""The ``format`` tag of proposal data."""

COSTS = frozenset({Preference.DISTANCE, Preference.MUNICIPALITY_SPREAD, Preference.COUNTY_SPREAD})
"""The preferences that count against a pair's score."""


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
        """The score's parts, one a preference; their points add up to :attr:`score`."""
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


@attrs.frozen(kw_only=True)
class Removal:
    """A candidate mentor removed for an adept, and by which hard rules."""

    mentor_id: str
    rules: tuple[HardRule, ...]


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


@attrs.frozen(kw_only=True)
class Proposal:
    """Proposed mentor pairs for a cohort, for review before :meth:`apply`.

    ``pairs`` are by adept id; ``unmatched`` the adepts left without a mentor;
    ``shortages`` the binding constraints that left them so (empty when every adept who
    could be paired is). ``repaired`` names adepts who had a mentor in the cohort and are
    paired anew.
    """

    cohort_id: str
    cohort_name: str
    weights: Weights
    pairs: tuple[Pair, ...]
    unmatched: tuple[Unmatched, ...] = ()
    shortages: tuple[Shortage, ...] = ()
    repaired: frozenset[str] = frozenset()

    @property
    def score(self) -> float:
        """The total score: the sum of the pairs' scores."""
        return sum(pair.score for pair in self.pairs)

    @property
    def complete(self) -> bool:
        """Whether every adept has a mentor."""
        return not self.unmatched

    def pair_of(self, adept_id: str) -> Pair | None:
        """The pair of this adept, or ``None`` if the adept is unmatched."""
        return next((pair for pair in self.pairs if pair.adept_id == adept_id), None)

    def co_adepts(self, pair: Pair) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The mentor's other adepts in the proposal from the pair's municipality, and county."""
        others = [p for p in self.pairs if p.mentor_id == pair.mentor_id and p is not pair]
        place = pair.adept_municipality
        return (
            tuple(p.adept_id for p in others if p.adept_municipality == place),
            tuple(p.adept_id for p in others if p.adept_municipality.county == place.county),
        )

    # Texts ----------------------------------------------------------------------------

    def render(self, language: Language = "sv") -> str:
        """The proposal in Swedish (``"sv"``) or English: one line a pair, then the gaps."""
        language = checked_language(language)
        adepts = len(self.pairs) + len(self.unmatched)
        lines = [
            T.HEAD.format(
                cohort=self.cohort_name,
                matched=len(self.pairs),
                adepts=adepts,
                score=number(self.score, language),
            ).render(language)
        ]
        if not adepts:
            lines.append("  " + T.NOBODY.render(language))
        lines += ["  " + _pair_line(pair, language) for pair in self.pairs]
        if self.unmatched:
            lines.append(T.UNMATCHED_HEAD.render(language))
            lines += ["  " + _unmatched_line(u, language) for u in self.unmatched]
        if self.shortages:
            lines.append(T.SHORTAGE_HEAD.render(language))
            lines += ["  " + _shortage_line(s, language) for s in self.shortages]
        return mask_personal_data("\n".join(lines))

    def explain(self, adept_id: str, language: Language = "sv") -> str:
        """One adept's pair part by part, with the next best mentor; or why there is none."""
        language = checked_language(language)
        pair = self.pair_of(adept_id)
        if pair is None:
            unmatched = next((u for u in self.unmatched if u.adept_id == adept_id), None)
            if unmatched is None:
                raise InvalidValueError(
                    location="Proposal.explain",
                    expected="the id of an adept of the proposal",
                    found=adept_id,
                )
            lines = [
                T.NOT_PAIRED.format(adept=adept_id).render(language),
                "  " + _unmatched_line(unmatched, language),
            ]
            return mask_personal_data("\n".join(lines))
        lines = [
            T.EXPLAIN_HEAD.format(
                adept=pair.adept_id,
                adept_place=pair.adept_municipality,
                mentor=pair.mentor_id,
                mentor_place=pair.mentor_municipality,
                score=number(pair.score, language, signed=True),
            ).render(language)
        ]
        if pair.pinned:
            lines.append("  " + T.PINNED.render(language))
        lines += ["  " + _part_line(part, pair.place, language) for part in pair.parts]
        same_place, same_county = self.co_adepts(pair)
        none = T.NONE.render(language)
        lines.append(
            "  "
            + T.SHARES.format(
                municipality=listed(same_place, language) or none,
                county=listed(same_county, language) or none,
            ).render(language)
        )
        lines.append("  " + _next_best(pair, language))
        return mask_personal_data("\n".join(lines))

    # Data -----------------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        """The proposal as plain data (JSON-ready), tagged ``format: "ledarskap.proposal/1"``.

        Ids are masked as in every text of the library; municipalities are SCB codes.
        """
        return {
            "format": PROPOSAL_FORMAT,
            "cohort_id": _masked(self.cohort_id),
            "weights": {p.value: self.weights.of(p) for p in Preference},
            "score": self.score,
            "complete": self.complete,
            "pairs": [_pair_data(pair, self) for pair in self.pairs],
            "unmatched": [
                {
                    "adept_id": _masked(u.adept_id),
                    "municipality": u.municipality.code,
                    "removed": [
                        {"mentor_id": _masked(r.mentor_id), "rules": [x.value for x in r.rules]}
                        for r in u.removed
                    ],
                    "full": [_masked(m) for m in u.full],
                }
                for u in self.unmatched
            ],
            "shortages": [
                {
                    "adept_ids": [_masked(a) for a in s.adept_ids],
                    "municipalities": [m.code for m in s.municipalities],
                    "mentor_ids": [_masked(m) for m in s.mentor_ids],
                    "places": s.places,
                    "ruled_out": [
                        {"rule": rule.value, "mentor_ids": [_masked(m) for m in mentors]}
                        for rule, mentors in s.ruled_out
                    ],
                }
                for s in self.shortages
            ],
            "repaired": sorted(_masked(a) for a in self.repaired),
        }

    # Applying -------------------------------------------------------------------------

    def apply(self, data: ProgramData, *, start: dt.date | None = None) -> ProgramData:
        """New program data with the pairs as proposed mentorships, starting on *start*.

        *start* is the cohort's start unless given. Mentorship ids are
        ``ms-<adept id>``, with ``-2``, ``-3`` … if taken. A proposed mentorship the
        cohort held for a re-paired adept is replaced (it was never more than a
        proposal); every other mentorship is kept, as history is. The adepts and
        mentors must be in *data* (the data the proposal was made from).
        """
        cohort = data.cohort(self.cohort_id)
        for pair in self.pairs:
            data.participant(pair.adept_id)
            data.mentor(pair.mentor_id)
        start = cohort.start if start is None else start
        mentor_ids = {m.id for m in data.mentors_of(cohort.id)}
        adepts = {pair.adept_id for pair in self.pairs}
        kept = [
            m
            for m in data.mentorships
            if not (
                m.participant_id in adepts
                and m.mentor_id in mentor_ids
                and m.status is MentorshipStatus.PROPOSED
            )
        ]
        taken = {m.id for m in kept}
        for pair in self.pairs:
            mentorship_id = f"ms-{pair.adept_id}"
            number_ = 1
            while mentorship_id in taken:
                number_ += 1
                mentorship_id = f"ms-{pair.adept_id}-{number_}"
            taken.add(mentorship_id)
            kept.append(_mentorship(pair, mentorship_id, start))
        return attrs.evolve(data, mentorships=kept)


def _masked(text: str) -> str:
    return mask_personal_data(text)


def _pair_data(pair: Pair, proposal: Proposal) -> dict[str, Any]:
    same_place, same_county = proposal.co_adepts(pair)
    alternative = pair.alternative
    return {
        "adept_id": _masked(pair.adept_id),
        "mentor_id": _masked(pair.mentor_id),
        "adept_municipality": pair.adept_municipality.code,
        "mentor_municipality": pair.mentor_municipality.code,
        "place": pair.place,
        "pinned": pair.pinned,
        "score": pair.score,
        "parts": [
            {
                "preference": part.preference.value,
                "weight": part.weight,
                "value": part.value,
                "expected": part.expected,
                "points": part.points,
            }
            for part in pair.parts
        ],
        "same_municipality": [_masked(a) for a in same_place],
        "same_county": [_masked(a) for a in same_county],
        "alternative": None
        if alternative is None
        else {
            "mentor_id": _masked(alternative.mentor_id),
            "mentor_municipality": alternative.mentor_municipality.code,
            "score": alternative.score,
            "full": alternative.full,
            "gap": pair.gap,
        },
    }


def _pair_line(pair: Pair, language: Language) -> str:
    line = T.PAIR.format(
        adept=pair.adept_id,
        adept_place=pair.adept_municipality,
        mentor=pair.mentor_id,
        mentor_place=pair.mentor_municipality,
        score=number(pair.score, language, signed=True),
    ).render(language)
    parts = [
        f"{part.preference.label(language)} {number(part.points, language, signed=True)}"
        for part in pair.parts
        if round(part.points, 2)
    ]
    if pair.pinned:
        parts.insert(0, T.PINNED.render(language))
    if parts:
        line += f" ({', '.join(parts)})"
    alternative = pair.alternative
    if alternative is None:
        return f"{line}; {T.NO_ALTERNATIVE.render(language)}"
    return f"{line}; " + T.NEXT_BEST.format(
        mentor=alternative.mentor_id,
        mentor_place=alternative.mentor_municipality,
        score=number(alternative.score, language, signed=True),
    ).render(language)


def _part_line(part: ScorePart, place: int, language: Language) -> str:
    preference = part.preference
    if preference is Preference.WISH:
        note = (T.WISHED if part.value else T.NOT_WISHED).render(language)
    elif preference is Preference.DISTANCE:
        note = T.KM.format(km=round(part.value * 100)).render(language)
    elif preference is Preference.CONTINUITY:
        note = (T.LINKED if part.value else T.NOT_LINKED).render(language)
    else:
        note = T.SPREAD.format(
            fixed=round(part.value - part.expected),
            expected=number(part.expected, language),
            slot=place,
        ).render(language)
    return T.PART.format(
        name=preference.label(language),
        weight=number(part.weight, language),
        value=number(part.value, language),
        note=f" ({note})",
        points=number(part.points, language, signed=True),
    ).render(language)


def _next_best(pair: Pair, language: Language) -> str:
    alternative = pair.alternative
    gap = pair.gap
    if alternative is None or gap is None:
        return T.NO_ALTERNATIVE.render(language).capitalize()
    if gap >= 0:
        said = T.GAP_LOWER.format(gap=number(gap, language)).render(language)
    else:
        said = T.GAP_HIGHER.format(gap=number(-gap, language)).render(language)
    if alternative.full:
        said += "; " + T.GAP_FULL.render(language)
    return T.NEXT_BEST_LINE.format(
        mentor=alternative.mentor_id,
        mentor_place=alternative.mentor_municipality,
        score=number(alternative.score, language, signed=True),
        gap=said,
    ).render(language)


def _unmatched_line(unmatched: Unmatched, language: Language) -> str:
    by_rule: defaultdict[HardRule, list[str]] = defaultdict(list)
    for removal in unmatched.removed:
        for rule in removal.rules:
            by_rule[rule].append(removal.mentor_id)
    reasons = [
        f"{rule.label(language)}: {', '.join(by_rule[rule])}"
        for rule in HardRule
        if rule in by_rule
    ]
    if unmatched.full:
        reasons.append(T.FULL.format(mentors=", ".join(unmatched.full)).render(language))
    if not reasons:
        reasons.append(T.NO_MENTORS.render(language))
    return T.UNMATCHED.format(
        adept=unmatched.adept_id, place=unmatched.municipality, reasons="; ".join(reasons)
    ).render(language)


def _shortage_line(shortage: Shortage, language: Language) -> str:
    mentors = f" ({', '.join(shortage.mentor_ids)})" if shortage.mentor_ids else ""
    line = T.SHORTAGE.format(
        adepts=count(len(shortage.adept_ids), T.ADEPT, T.ADEPTS, language),
        places=listed([str(m) for m in shortage.municipalities], language),
        ids=", ".join(shortage.adept_ids),
        free=count(shortage.places, T.PLACE, T.PLACES, language),
        mentors=mentors,
    ).render(language)
    if shortage.ruled_out:
        rules = "; ".join(
            f"{rule.label(language)} ({', '.join(mentors)})" for rule, mentors in shortage.ruled_out
        )
        line += "; " + T.RULED_OUT.format(rules=rules).render(language)
    return line


def _mentorship(pair: Pair, mentorship_id: str, start: dt.date) -> Mentorship:
    return Mentorship(
        id=mentorship_id,
        mentor_id=pair.mentor_id,
        participant_id=pair.adept_id,
        start=start,
        status=MentorshipStatus.PROPOSED,
    )
