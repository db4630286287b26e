"""Mentoring: pairing adepts with mentors, and following the pairs.

- :mod:`~ledarskap.mentoring.matching`: :func:`propose`, the optimal pairing of a
  cohort's adepts with its mentors, as a proposal for review;
- :mod:`~ledarskap.mentoring.options`: what a pairing takes besides the data (weights,
  wishes, conflicts, availability, pins and bans);
- :mod:`~ledarskap.mentoring.proposals`: the proposal, its texts, its data and applying it;
- :mod:`~ledarskap.mentoring.pairs`: its pieces, the pairs with their explanations, the
  adepts left without a mentor and the shortages that left them so.

Pairing needs the ``matching`` extra (scipy); importing this package does not load it.

.. versionadded:: 0.4
"""

from .matching import propose
from .options import HardRule, MatchingOptions, Preference, Weights
from .pairs import Alternative, Pair, Removal, ScorePart, Shortage, Unmatched
from .proposals import PROPOSAL_FORMAT, Proposal

__all__ = [
    "PROPOSAL_FORMAT",
    "Alternative",
    "HardRule",
    "MatchingOptions",
    "Pair",
    "Preference",
    "Proposal",
    "Removal",
    "ScorePart",
    "Shortage",
    "Unmatched",
    "Weights",
    "propose",
]
