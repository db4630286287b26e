"""Figures of a cohort: composition, the meeting timeline and eligibility outcomes.

Each function takes the program's data (and a cohort, when it has several), draws one
:class:`matplotlib.figure.Figure` and returns it, with its labels in Swedish (``"sv"``,
the default) or English (``language="en"``); :func:`save` writes it as PNG or SVG. No
figure holds personal data: people are counted, or shown as numbered pairs or by a group
(municipality, county, position kind) of at least *k* of them, never by name. matplotlib is the optional extra ``plot``
(``pip install 'ledarskap[plot]'``), imported when the first figure is drawn; the figures
are made without pyplot, so nothing is kept or shown behind the caller's back.

>>> from ledarskap import example_program
>>> from ledarskap import plots
>>> figure = plots.meeting_timeline(example_program())
>>> type(figure).__name__
'Figure'

.. versionadded:: 0.3
"""

from __future__ import annotations

from .composition import (
    composition_by_position_kind,
    participants_by_county,
    participants_by_municipality,
)
from .files import FORMATS, save
from .outcomes import eligibility_outcomes
from .timeline import PairLabels, meeting_timeline

__all__ = [
    "FORMATS",
    "PairLabels",
    "composition_by_position_kind",
    "eligibility_outcomes",
    "meeting_timeline",
    "participants_by_county",
    "participants_by_municipality",
    "save",
]
