"""Pairing a cohort's adepts with mentors: an optimal assignment that explains itself.

:func:`propose` pairs the adepts of a cohort (its participants) with its mentors (the
kommunchefer of the collaborating municipalities), each mentor taking at most their
capacity. Hard rules remove pairs, soft preferences score them
(:class:`~ledarskap.mentoring.options.MatchingOptions`); the result is the pairing with
the most adepts paired and, among those, the highest total score, as a
:class:`~ledarskap.mentoring.proposals.Proposal` for review. Nothing changes in the data
until the proposal is applied.

It needs the ``matching`` extra (``pip install 'ledarskap[matching]'``: scipy).

>>> import attrs
>>> from ledarskap import example_program
>>> from ledarskap.mentoring import propose
>>> data = attrs.evolve(example_program(), mentorships=(), meetings=())
>>> proposal = propose(data, "liko-2025")
>>> proposal.complete, len(proposal.pairs)
(True, 24)
>>> all(p.adept_municipality != p.mentor_municipality for p in proposal.pairs)
True

.. versionadded:: 0.3
"""

from __future__ import annotations

from ledarskap.errors import UsageError
from ledarskap.model import ProgramData
from ledarskap.model.programdata import checked_program_data
from ledarskap.text import Text

from ._instance import instance
from ._solve import solve
from .options import MatchingOptions
from .proposals import Proposal

__all__ = ["propose"]


def propose(data: ProgramData, cohort_id: str, options: MatchingOptions | None = None) -> Proposal:
    """The optimal pairing of *cohort_id*'s adepts with its mentors, as a proposal for review.

    Every id in *options* is checked against *data*, and the pins against the rules and
    each other: all problems are reported at once as a
    :class:`~ledarskap.errors.ProblemsError`. Infeasible input is no error: the adepts who
    cannot be paired are in the proposal's ``unmatched``, and its ``shortages`` name the
    binding constraint. The same input, in any order, gives the same pairs.
    """
    checked_program_data(data, "propose")
    if options is not None and not isinstance(options, MatchingOptions):
        raise UsageError(
            Text(
                f"propose: options måste vara en MatchingOptions, fick {type(options).__name__}",
                f"propose: options must be a MatchingOptions, found {type(options).__name__}",
            )
        )
    options = MatchingOptions() if options is None else options
    return solve(instance(data, cohort_id, options), options.weights)
