"""Mentoring: pairing adepts with mentors, and following the pairs.

- :mod:`~ledarskap.mentoring.matching`: :func:`propose`, the optimal pairing of a
  cohort's adepts with its mentors, as a proposal for review;
- :mod:`~ledarskap.mentoring.options`: what a pairing takes besides the data (weights,
  wishes, conflicts, availability, pins and bans);
- :mod:`~ledarskap.mentoring.proposals`: the proposal, its pairs and their explanations.

Pairing needs the ``matching`` extra (scipy); importing this package does not load it.

.. versionadded:: 0.4
"""

from .matching import propose
from .options import HardRule, MatchingOptions, Preference, Weights
from .proposals import (
    PROPOSAL_FORMAT,
    Alternative,
    Pair,
    Proposal,
    Removal,
    ScorePart,
    Shortage,
    Unmatched,
)

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
