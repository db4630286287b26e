"""A proposal of mentor pairs for review: every pair explains itself, every gap is diagnosed.

:func:`~ledarskap.mentoring.matching.propose` gives a :class:`Proposal`. It changes no
data: :meth:`Proposal.apply` does, on request, giving new program data with the pairs as
proposed mentorships. Until then it can be read, rendered in Swedish or English
(:meth:`Proposal.render`, :meth:`Proposal.explain`) and written as data
(:meth:`Proposal.to_data`).

Its pieces (pairs, unmatched adepts, shortages) are in :mod:`ledarskap.mentoring.pairs`.

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import attrs

from ledarskap._found import expected_found
from ledarskap.errors import (
    InvalidValueError,
    Problem,
    ProblemsError,
    mask_personal_data,
    masked_repr,
)
from ledarskap.model import Mentorship, MentorshipStatus, ProgramData
from ledarskap.model.programdata import checked_program_data
from ledarskap.text import Language, Text, checked_language

from ._proposal_data import NOT_A_PROPOSAL, pair_data, read
from ._render import next_best, pair_line, part_line, shortage_line, unmatched_line
from ._texts import T, listed, number
from .options import Preference, Weights
from .pairs import Pair, Shortage, Unmatched

__all__ = ["PROPOSAL_FORMAT", "Proposal"]

PROPOSAL_FORMAT = "ledarskap.proposal/1"
"""The ``format`` tag of proposal data."""
_ID_LENGTH = 64


@masked_repr
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
        return _co_adepts(pair, [p for p in self.pairs if p.mentor_id == pair.mentor_id])

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
        lines += ["  " + pair_line(pair, language) for pair in self.pairs]
        if self.unmatched:
            lines.append(T.UNMATCHED_HEAD.render(language))
            lines += ["  " + unmatched_line(u, language) for u in self.unmatched]
        if self.shortages:
            lines.append(T.SHORTAGE_HEAD.render(language))
            lines += ["  " + shortage_line(s, language) for s in self.shortages]
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
                    expected=Text(
                        "id:t för en adept i förslaget", "the id of an adept of the proposal"
                    ),
                    found=adept_id,
                )
            lines = [
                T.NOT_PAIRED.format(adept=adept_id).render(language),
                "  " + unmatched_line(unmatched, language),
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
        lines += ["  " + part_line(part, pair.place, language) for part in pair.parts]
        same_place, same_county = self.co_adepts(pair)
        none = T.NONE.render(language)
        lines.append(
            "  "
            + T.SHARES.format(
                municipality=listed(same_place, language) or none,
                county=listed(same_county, language) or none,
            ).render(language)
        )
        lines.append("  " + next_best(pair, language))
        return mask_personal_data("\n".join(lines))

    # Data -----------------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        """The proposal as plain data (JSON-ready), tagged ``format: "ledarskap.proposal/1"``.

        Ids are masked as in every text of the library; municipalities are SCB codes.
        """
        by_mentor: defaultdict[str, list[Pair]] = defaultdict(list)
        for pair in self.pairs:
            by_mentor[pair.mentor_id].append(pair)
        return {
            "format": PROPOSAL_FORMAT,
            "cohort_id": _masked(self.cohort_id),
            "cohort_name": _masked(self.cohort_name),
            "weights": {p.value: self.weights.of(p) for p in Preference},
            "score": self.score,
            "complete": self.complete,
            "pairs": [
                pair_data(pair, _co_adepts(pair, by_mentor[pair.mentor_id])) for pair in self.pairs
            ],
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

    @classmethod
    def from_data(cls, data: object) -> Proposal:
        """The proposal :meth:`to_data` wrote (equal to it, when no id held personal data).

        Data that cannot be read is a :class:`~ledarskap.errors.ProblemsError` with every
        problem at once, each with its path (``$.pairs[0].place``); a wrong ``format``
        tag is the only problem reported. What :meth:`to_data` derives (the total, the
        points, the gaps, the mentor's other adepts) is not read back.
        """
        tag = data.get("format") if isinstance(data, Mapping) else data
        if not isinstance(data, Mapping) or tag != PROPOSAL_FORMAT:
            message = expected_found(repr(PROPOSAL_FORMAT), tag)
            raise ProblemsError(NOT_A_PROPOSAL, [Problem("$.format", message, "format")])
        return cls(**read(data))

    # Applying -------------------------------------------------------------------------

    def apply(self, data: ProgramData, *, start: dt.date | None = None) -> ProgramData:
        """New program data with the pairs as proposed mentorships, starting on *start*.

        *start* is the cohort's start unless given. Mentorship ids are
        ``ms-<adept id>``, with ``-2``, ``-3`` … if taken (for an adept id too long to
        leave room, ``ms-<hash of the adept id>``). A proposed mentorship the
        cohort held for a re-paired adept is replaced (it was never more than a
        proposal); every other mentorship is kept, as history is. The adepts and
        mentors must be in *data* (the data the proposal was made from).
        """
        checked_program_data(data, "Proposal.apply")
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
            number_ = 1
            mentorship_id = _mentorship_id(pair.adept_id, number_)
            while mentorship_id in taken:
                number_ += 1
                mentorship_id = _mentorship_id(pair.adept_id, number_)
            taken.add(mentorship_id)
            kept.append(_mentorship(pair, mentorship_id, start))
        return attrs.evolve(data, mentorships=kept)


def _co_adepts(pair: Pair, mentors_pairs: list[Pair]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    place = pair.adept_municipality
    others = [p for p in mentors_pairs if p is not pair]
    return (
        tuple(p.adept_id for p in others if p.adept_municipality == place),
        tuple(p.adept_id for p in others if p.adept_municipality.county == place.county),
    )


def _mentorship_id(adept_id: str, number: int) -> str:
    """``ms-<adept id>`` (the *number*-th: ``-2``, ``-3`` …), within the 64 of an id."""
    suffix = "" if number == 1 else f"-{number}"
    plain = f"ms-{adept_id}{suffix}"
    if len(plain) <= _ID_LENGTH:
        return plain
    return f"ms-{hashlib.blake2b(adept_id.encode(), digest_size=8).hexdigest()}{suffix}"


def _masked(text: str) -> str:
    return mask_personal_data(text)


def _mentorship(pair: Pair, mentorship_id: str, start: dt.date) -> Mentorship:
    return Mentorship(
        id=mentorship_id,
        mentor_id=pair.mentor_id,
        participant_id=pair.adept_id,
        start=start,
        status=MentorshipStatus.PROPOSED,
    )
