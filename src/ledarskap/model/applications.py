"""Applications (ansökningar) to a cohort: the facts an eligibility rule decides on.

An application records what the applicant said about their position when they applied.
Facts may be missing: ``None`` means *not known*, which the eligibility rules treat as
unknown rather than as "no" (``reports_to=None`` is "not stated"; ``reports_to=()`` is
"reports to no political body").

>>> import datetime as dt
>>> from ledarskap import Application
>>> app = Application(id="ans-1", person_id="p-anna", cohort_id="c-2025",
...                   submitted=dt.date(2025, 4, 2), municipality="Motala",
...                   title="Avdelningschef, vård och omsorg")
>>> app.position.slug, app.reports_to is None
('avdelningschef', True)

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt

import attrs

from ledarskap.errors import masked_repr
from ledarskap.text import LabelledEnum, Text

from . import _checks
from ._methods import lazy_methods
from .appointments import (
    Appointment,
    OrganisationKind,
    PoliticalBody,
    StaffFunction,
    whole_years,
)
from .municipalities import Municipality, as_optional_municipality
from .positions import Position, as_position, match_title

__all__ = ["Application", "ApplicationStatus"]


class ApplicationStatus(LabelledEnum):
    """Where an application is in admission."""

    SUBMITTED = "submitted", "inkommen", "submitted"
    ADMITTED = "admitted", "antagen", "admitted"
    WAITLISTED = "waitlisted", "reserv", "waitlisted"
    REJECTED = "rejected", "ej antagen", "rejected"
    WITHDRAWN = "withdrawn", "återtagen", "withdrawn"


def _matched_position(application: Application) -> Position | None:
    title = application.title
    return None if title is None else match_title(title)


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Application:
    """An application (ansökan) to a cohort, with the applicant's facts as stated.

    Every fact but the ids and the date may be ``None``: not known.
    """

    id: str = attrs.field(validator=_checks.identifier)
    person_id: str = attrs.field(validator=_checks.identifier)
    cohort_id: str = attrs.field(validator=_checks.identifier)
    submitted: dt.date = attrs.field(validator=_checks.date)
    municipality: Municipality | None = attrs.field(
        default=None,
        converter=as_optional_municipality,
        validator=_checks.optional(_checks.instance_of(Municipality)),
    )
    """The employing municipality."""
    organisation: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))
    organisation_kind: OrganisationKind | None = attrs.field(
        default=None,
        validator=_checks.optional(_checks.instance_of(OrganisationKind)),
    )
    title: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))
    position: Position | None = attrs.field(
        default=_checks.DERIVED,
        converter=_checks.derived(_matched_position, as_position),  # type: ignore[misc]  # attrs' mypy plugin knows no Converter objects
        validator=_checks.optional(
            _checks.instance_of(Position, Text("en Position ur katalogen", "a catalog Position"))
        ),
    )
    in_position_since: dt.date | None = attrs.field(
        default=None, validator=_checks.optional(_checks.date)
    )
    reports_to: tuple[PoliticalBody, ...] | None = attrs.field(
        default=None,
        converter=_checks.optional_tuple,
        validator=_checks.optional(_checks.items(_checks.instance_of(PoliticalBody))),
    )
    """The political bodies the applicant works directly towards; ``()`` for none."""
    leads_staff_function: bool | None = attrs.field(
        default=None, validator=_checks.optional(_checks.boolean)
    )
    staff_function: StaffFunction | None = attrs.field(
        default=None,
        validator=_checks.optional(_checks.instance_of(StaffFunction)),
    )
    status: ApplicationStatus = attrs.field(
        default=ApplicationStatus.SUBMITTED,
        validator=_checks.instance_of(ApplicationStatus),
    )
    appointment_id: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.identifier), repr=False
    )
    """The appointment the application is made from, where it is on record."""

    def years_in_position(self, as_of: dt.date) -> int | None:
        """Whole years in the position as of *as_of*; ``None`` if ``in_position_since`` is not known.

        >>> import datetime as dt
        >>> from ledarskap import Application
        >>> app = Application(id="ans-1", person_id="p-1", cohort_id="c-1",
        ...                   submitted=dt.date(2025, 4, 2), in_position_since=dt.date(2021, 8, 16))
        >>> app.years_in_position(dt.date(2025, 8, 15)), app.years_in_position(dt.date(2025, 8, 16))
        (3, 4)

        .. versionadded:: 0.2
        """
        since = self.in_position_since
        return None if since is None else whole_years(since, as_of)

    @classmethod
    def from_appointment(
        cls,
        appointment: Appointment,
        *,
        application_id: str,
        cohort_id: str,
        submitted: dt.date,
        status: ApplicationStatus = ApplicationStatus.SUBMITTED,
    ) -> Application:
        """An application that states the facts of an appointment on record, and links to it.

        Every fact is known: municipality, organisation and its kind, title and position,
        the start as ``in_position_since``, the political bodies reported to, and whether
        (and which) staff function the holder leads.

        >>> import datetime as dt
        >>> from ledarskap import Appointment, Application, StaffFunction
        >>> job = Appointment(id="a-1", person_id="p-1", municipality="Motala",
        ...                   organisation="Kommunledningskontoret", title="Ekonomichef",
        ...                   start=dt.date(2021, 8, 16), staff_function=StaffFunction.FINANCE)
        >>> app = Application.from_appointment(job, application_id="ans-1", cohort_id="c-1",
        ...                                    submitted=dt.date(2025, 4, 2))
        >>> app.position.slug, app.leads_staff_function, app.appointment_id
        ('ekonomidirektor', True, 'a-1')
        """
        return cls(
            id=application_id,
            person_id=appointment.person_id,
            cohort_id=cohort_id,
            submitted=submitted,
            municipality=appointment.municipality,
            organisation=appointment.organisation,
            organisation_kind=appointment.organisation_kind,
            title=appointment.title,
            position=appointment.position,
            in_position_since=appointment.start,
            reports_to=appointment.reports_to,
            leads_staff_function=appointment.staff_function is not None,
            staff_function=appointment.staff_function,
            status=status,
            appointment_id=appointment.id,
        )
