"""Participants (deltagare): a person, in an appointment, taking part in a cohort.

The participant record says *who* (``person_id``), *in which cohort* and *as what*
(``appointment_id``: the position and municipality they held when admitted, which says
how they work towards the political leadership or which staff function they lead).

>>> from ledarskap import Participant, ParticipantStatus
>>> Participant(id="d-1", person_id="p-anna", cohort_id="c-2025", appointment_id="a-1")
Participant(id='d-1', person_id='p-anna', cohort_id='c-2025', appointment_id='a-1', status=<ParticipantStatus.ADMITTED: 'admitted'>)

.. versionadded:: 0.1
"""

from __future__ import annotations

import attrs

from ledarskap.errors import masked_repr
from ledarskap.text import LabelledEnum

from . import _checks
from ._methods import lazy_methods

__all__ = ["Participant", "ParticipantStatus"]


class ParticipantStatus(LabelledEnum):
    """Where a participant is in the program."""

    ADMITTED = "admitted", "antagen", "admitted"
    """Antagen: admitted, the cohort has not started for them yet."""
    ACTIVE = "active", "pågående", "active"
    """Pågående: taking part."""
    COMPLETED = "completed", "fullföljd", "completed"
    """Fullföljd: completed the program."""
    WITHDRAWN = "withdrawn", "avbruten", "withdrawn"
    """Avbruten: left before the end."""


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Participant:
    """A participant (deltagare) of a cohort.

    ``appointment_id`` names the :class:`~ledarskap.model.appointments.Appointment` the
    participant takes part as. ``application_id`` links back to the application that
    admitted them, where there was one.
    """

    id: str = attrs.field(validator=_checks.identifier)
    person_id: str = attrs.field(validator=_checks.identifier)
    cohort_id: str = attrs.field(validator=_checks.identifier)
    appointment_id: str = attrs.field(validator=_checks.identifier)
    status: ParticipantStatus = attrs.field(
        default=ParticipantStatus.ADMITTED,
        validator=_checks.instance_of(ParticipantStatus),
    )
    application_id: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.identifier), repr=False
    )
