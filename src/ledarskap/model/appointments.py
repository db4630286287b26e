"""Appointments (anställningar): who holds which position, where, and from when to when.

As in SS 12000's *Duty* and OneRoster's roles, a position is not an attribute of a person
but a time-bounded link between a person and an organisation. A person can change
position or municipality between cohorts, and :meth:`Appointment.holds_on` says what held
on a given date. The end date is inclusive: the last day in the position.

>>> import datetime as dt
>>> from ledarskap import Appointment, PoliticalBody, PoliticalBodyKind
>>> job = Appointment(
...     id="a-1", person_id="p-anna", municipality="Linköping",
...     organisation="Socialförvaltningen", title="Förvaltningschef, socialförvaltningen",
...     start=dt.date(2021, 3, 1),
...     reports_to=[PoliticalBody(name="Socialnämnden", kind=PoliticalBodyKind.NAMND)])
>>> job.position.slug, job.municipality.code
('forvaltningschef', '0580')
>>> job.holds_on(dt.date(2025, 1, 1)), job.holds_on(dt.date(2020, 1, 1))
(True, False)
>>> job.years_in_position(dt.date(2025, 2, 28))
3

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs

from ledarskap.errors import InvalidValueError, mask_personal_data, masked_repr
from ledarskap.text import LabelledEnum, Text

from . import _checks
from ._methods import lazy_methods
from .municipalities import Municipality, as_municipality
from .positions import Position, as_position, match_title

__all__ = [
    "Appointment",
    "OrganisationKind",
    "PoliticalBody",
    "PoliticalBodyKind",
    "StaffFunction",
    "whole_years",
]


class OrganisationKind(LabelledEnum):
    """What kind of municipal organisation employs someone."""

    CENTRAL_ADMINISTRATION = "central-administration", "kommunledningen", "central administration"
    """Kommunledningen / kommunledningskontoret / stadsledningskontoret."""
    ADMINISTRATION = "administration", "förvaltning", "administration"
    """En förvaltning (socialförvaltningen, utbildningsförvaltningen …) under a nämnd."""
    MUNICIPAL_COMPANY = "municipal-company", "kommunalt bolag", "municipal company"
    """Ett kommunalt bolag, governed by its styrelse."""
    FEDERATION = "federation", "kommunalförbund", "municipal federation"
    """Ett kommunalförbund or another joint municipal body."""
    REGION = "region", "region", "region"
    """En region (Region Östergötland)."""


class PoliticalBodyKind(LabelledEnum):
    """The kinds of political body (politisk ledning) a manager can report to."""

    NAMND = "namnd", "nämnd", "committee"
    """En nämnd: a committee of the council (socialnämnden, barn- och ungdomsnämnden …)."""
    KOMMUNSTYRELSE = "kommunstyrelse", "kommunstyrelse", "municipal executive board"
    """Kommunstyrelsen: the municipal executive board."""
    STYRELSE = "styrelse", "styrelse", "board"
    """En styrelse: the board of a municipal company or federation."""
    FULLMAKTIGE = "fullmaktige", "fullmäktige", "council"
    """Kommunfullmäktige or regionfullmäktige: the council."""

    @classmethod
    def from_name(cls, name: str) -> PoliticalBodyKind | None:
        """The kind a body's name tells ("Socialnämnden": a nämnd), or ``None`` if it tells none.

        The one reading of a kind from a name, in any case and with or without accents:
        a kommunstyrelse or regionstyrelse, a fullmäktige, a nämnd, then any other
        styrelse (a company's board).

        >>> PoliticalBodyKind.from_name("Barn- och ungdomsnamnden")
        <PoliticalBodyKind.NAMND: 'namnd'>
        >>> PoliticalBodyKind.from_name("KOMMUNFULLMÄKTIGE"), PoliticalBodyKind.from_name("Lars")
        (<PoliticalBodyKind.FULLMAKTIGE: 'fullmaktige'>, None)

        .. versionadded:: 0.3
        """
        decomposed = unicodedata.normalize("NFKD", name.casefold())
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return next((kind for word, kind in _KIND_WORDS if word in plain), None)


_KIND_WORDS = (
    ("kommunstyrelse", PoliticalBodyKind.KOMMUNSTYRELSE),
    ("regionstyrelse", PoliticalBodyKind.KOMMUNSTYRELSE),
    ("fullmaktige", PoliticalBodyKind.FULLMAKTIGE),
    ("namnd", PoliticalBodyKind.NAMND),
    ("styrelse", PoliticalBodyKind.STYRELSE),
)
"""The words of a body's name that tell its kind (folded), the first found winning."""


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PoliticalBody:
    """A nämnd or styrelse that a manager works directly towards."""

    name: str = attrs.field(validator=_checks.text)
    kind: PoliticalBodyKind = attrs.field(validator=_checks.instance_of(PoliticalBodyKind))

    def __str__(self) -> str:
        return mask_personal_data(self.name)  # shown: a name a file gave may be a number


class StaffFunction(LabelledEnum):
    """A staff function (stabsfunktion) a leader can lead."""

    FINANCE = "finance", "ekonomi", "finance"
    HR = "hr", "personal/HR", "human resources"
    COMMUNICATIONS = "communications", "kommunikation", "communications"
    IT = "it", "IT och digitalisering", "IT and digitalisation"
    STRATEGY = "strategy", "strategi och utveckling", "strategy and development"
    LEGAL = "legal", "kansli och juridik", "secretariat and legal"
    SECURITY = "security", "säkerhet och beredskap", "security and preparedness"
    BUSINESS = "business", "näringsliv", "business development"
    OTHER = "other", "annan stabsfunktion", "other staff function"


def whole_years(since: dt.date, as_of: dt.date) -> int:
    """Whole years in a position held *since* a date, as of a date; 0 if not after it.

    The one count of tenure: :meth:`Appointment.years_in_position`,
    :meth:`~ledarskap.model.Application.years_in_position` and the eligibility rules use it.
    A year is whole on its anniversary (a start on 29 February on 28 February).

    >>> import datetime as dt
    >>> whole_years(dt.date(2021, 3, 1), dt.date(2025, 2, 28)), whole_years(dt.date(2021, 3, 1), dt.date(2025, 3, 1))
    (3, 4)

    .. versionadded:: 0.3
    """
    given: tuple[tuple[str, object], ...] = (("since", since), ("as_of", as_of))
    for name, day in given:
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise InvalidValueError(
                location=f"whole_years({name})",
                expected=Text("ett datum (datetime.date)", "a date (datetime.date)"),
                found=day,
            )
    from dateutil.relativedelta import relativedelta  # imports calendar and locale: ~3 ms

    return relativedelta(as_of, since).years if as_of > since else 0


def _matched_position(appointment: Appointment) -> Position | None:
    return match_title(appointment.title)


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Appointment:
    """An appointment (anställning; SS 12000 *Duty*): a person in a position, for a time.

    ``title`` is the title as written; ``position`` is its catalog entry, matched from the
    title when not given (``None`` when the title fits no entry). ``reports_to`` lists the
    political bodies the holder works directly towards; ``staff_function`` is set when the
    holder leads a staff function. ``end`` is the last day, inclusive; ``None`` if ongoing.
    """

    id: str = attrs.field(validator=_checks.identifier)
    person_id: str = attrs.field(validator=_checks.identifier)
    municipality: Municipality = attrs.field(
        converter=as_municipality,
        validator=_checks.instance_of(Municipality),
    )
    """The municipality the organisation belongs to (the employer)."""
    organisation: str = attrs.field(validator=_checks.text)
    """The employing unit, e.g. "Socialförvaltningen", "Kommunledningskontoret"."""
    title: str = attrs.field(validator=_checks.text)
    start: dt.date = attrs.field(validator=_checks.date)
    end: dt.date | None = attrs.field(
        default=None,
        validator=_checks.all_of(_checks.optional(_checks.date), _checks.not_before("start")),
    )
    position: Position | None = attrs.field(
        default=_checks.DERIVED,
        converter=_checks.derived(_matched_position, as_position),  # type: ignore[misc]  # attrs' mypy plugin knows no Converter objects
        validator=_checks.optional(
            _checks.instance_of(Position, Text("en Position ur katalogen", "a catalog Position"))
        ),
    )
    organisation_kind: OrganisationKind = attrs.field(
        default=OrganisationKind.ADMINISTRATION,
        validator=_checks.instance_of(OrganisationKind),
    )
    reports_to: tuple[PoliticalBody, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(PoliticalBody)),
    )
    staff_function: StaffFunction | None = attrs.field(
        default=None,
        validator=_checks.optional(_checks.instance_of(StaffFunction)),
    )

    def holds_on(self, day: dt.date) -> bool:
        """Whether the appointment held on *day* (start and end inclusive)."""
        return self.start <= day and (self.end is None or day <= self.end)

    def years_in_position(self, as_of: dt.date) -> int:
        """Whole years from ``start`` to *as_of* (or to ``end``, if earlier); 0 before start."""
        return whole_years(self.start, as_of if self.end is None else min(as_of, self.end))

    @property
    def works_towards_political_leadership(self) -> bool:
        """Whether the holder reports directly to a nämnd or styrelse."""
        return bool(self.reports_to)
