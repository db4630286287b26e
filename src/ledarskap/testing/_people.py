"""Strategies for places, positions and people: municipalities, appointments, applications."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import string
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum import luhn

from ledarskap.errors import LedarskapError
from ledarskap.model import (
    Application,
    ApplicationStatus,
    Appointment,
    Cohort,
    County,
    Municipality,
    OrganisationKind,
    Person,
    Personnummer,
    PoliticalBody,
    PoliticalBodyKind,
    Position,
    PositionKind,
    StaffFunction,
    all_counties,
    all_positions,
    position,
)

from . import _args
from ._draws import day, pick

__all__ = [
    "applications",
    "appointments",
    "counties",
    "identifiers",
    "municipalities",
    "people",
    "personnummer",
    "political_bodies",
    "positions",
]

_GIVEN_NAMES = (
    "Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara", "Per",
    "Lena", "Mikael", "Emma", "Fredrik", "Helena", "Jonas", "Cecilia", "Magnus", "Linnea",
    "Oskar", "Ingrid", "Tobias", "Malin", "Henrik", "Åsa", "Björn", "Sofia", "Göran",
)  # fmt: skip
_FAMILY_NAMES = (
    "Andersson", "Berg", "Lindqvist", "Holm", "Sjöberg", "Ekström", "Nyberg", "Lund",
    "Åkesson", "Wallin", "Forsberg", "Hedlund", "Sandberg", "Engström", "Blom", "Strand",
    "Falk", "Ström", "Dahl", "Lindgren", "Söderberg", "Hermansson", "Nordin", "Öberg",
)  # fmt: skip

# Administrations and the nämnd each reports to.
ADMINISTRATIONS = (
    ("Socialförvaltningen", "Socialnämnden"),
    ("Utbildningsförvaltningen", "Utbildningsnämnden"),
    ("Samhällsbyggnadsförvaltningen", "Samhällsbyggnadsnämnden"),
    ("Kultur- och fritidsförvaltningen", "Kultur- och fritidsnämnden"),
    ("Vård- och omsorgsförvaltningen", "Vård- och omsorgsnämnden"),
    ("Miljö- och byggförvaltningen", "Miljö- och byggnämnden"),
)
_COMPANIES = ("Bostadsbolaget AB", "Energibolaget AB", "Vatten och avfall AB", "Stadshus AB")
_CENTRAL = "Kommunledningskontoret"
_STAFF_FUNCTIONS = {
    "ekonomidirektor": StaffFunction.FINANCE,
    "personaldirektor": StaffFunction.HR,
    "kommunikationsdirektor": StaffFunction.COMMUNICATIONS,
    "it-chef": StaffFunction.IT,
    "kanslichef": StaffFunction.LEGAL,
    "sakerhetschef": StaffFunction.SECURITY,
    "utvecklingschef": StaffFunction.BUSINESS,
    "strateg": StaffFunction.STRATEGY,
}
# The facts an application may leave out (unknown).
_FACTS = (
    "municipality",
    "organisation",
    "organisation_kind",
    "title",
    "in_position_since",
    "reports_to",
    "leads_staff_function",
)

ADMINISTRATION_PICK = st.sampled_from(ADMINISTRATIONS)
COMPANY_PICK = st.sampled_from(_COMPANIES)

_ID_HEAD = string.ascii_letters + string.digits
_ID_TAIL = _ID_HEAD + "._:-"


def dates(min_date: dt.date, max_date: dt.date) -> st.SearchStrategy[dt.date]:
    """Dates from *min_date* to *max_date*, both included."""
    return st.dates(min_value=min_date, max_value=max_date)


def fixed_or(value: str | None, prefix: str) -> st.SearchStrategy[str]:
    """*value* when given, otherwise ids starting with *prefix*."""
    return st.just(value) if value is not None else identifiers(prefix=prefix)


def identifiers(*, prefix: str = "") -> st.SearchStrategy[str]:
    """Record ids: letters, digits and ``._:-``, starting with a letter or digit, at most 64.

    With *prefix*, ids start with it (``prefix="p-"`` gives ``p-…``), which keeps generated
    data readable.
    """
    if prefix:
        _args.check_id("prefix", prefix)
        if len(prefix) > 32:
            raise InvalidArgument(f"prefix={prefix!r} must be at most 32 characters long")
        return st.text(alphabet=_ID_TAIL, min_size=1, max_size=8).map(prefix.__add__)
    return st.builds(
        str.__add__, st.sampled_from(_ID_HEAD), st.text(alphabet=_ID_TAIL, max_size=12)
    )


def counties() -> st.SearchStrategy[County]:
    """Any of Sweden's 21 counties (län)."""
    return st.sampled_from(all_counties())


def municipalities(
    *,
    municipalities: Iterable[str | Municipality] | None = None,
    counties: Iterable[str | County] | None = None,
) -> st.SearchStrategy[Municipality]:
    """Any of Sweden's 290 municipalities (kommuner), or one of *municipalities*.

    *counties* (codes, names or :class:`~ledarskap.model.County`) keeps only municipalities
    of those counties: ``municipalities(counties=["05"])`` gives one of Östergötland's 13.
    """
    pool = _args.municipality_pool(municipalities)
    if counties is not None:
        wanted = _args.county_pool(counties)
        pool = tuple(m for m in pool if m.county in wanted)
        if not pool:
            raise InvalidArgument("no municipality of municipalities= lies in counties=")
    return st.sampled_from(pool)


def positions(*, kinds: Iterable[PositionKind] | None = None) -> st.SearchStrategy[Position]:
    """A position (befattning) of the catalog, optionally only of some *kinds*."""
    wanted = _args.enum_pool("kinds", kinds, PositionKind, PositionKind)
    return st.sampled_from([p for p in all_positions() if p.kind in wanted])


def _personnummer(earliest: dt.date, days: int, serial: int) -> Personnummer:
    birth = earliest + dt.timedelta(days=days)
    short = f"{birth:%y%m%d}{serial:03d}"
    return Personnummer(f"{birth:%Y%m%d}{serial:03d}{luhn.calc_check_digit(short)}")


def next_personnummer(number: Personnummer) -> Personnummer:
    """The personnummer of the same birth date with the next serial (after 999, 000)."""
    serial = int(number.reveal()[-4:-1])
    return _personnummer(number.birth_date, 0, (serial + 1) % 1000)


@functools.lru_cache(maxsize=64)
def _personnummer_strategy(
    min_birth: dt.date, max_birth: dt.date
) -> st.SearchStrategy[Personnummer]:
    return st.builds(
        functools.partial(_personnummer, min_birth),
        st.integers(0, (max_birth - min_birth).days),
        st.integers(0, 999),
    )


def personnummer(
    *, min_birth: dt.date = dt.date(1950, 1, 1), max_birth: dt.date = dt.date(2000, 12, 31)
) -> st.SearchStrategy[Personnummer]:
    """A valid personnummer of someone born between *min_birth* and *max_birth*.

    The serial is drawn from 000–999 and the check digit computed with python-stdnum's
    Luhn algorithm, so the number passes every validator. It is not a reserved test
    number: a number drawn this way may well be a real person's, and is personal data.
    Do not write data holding generated personnummer to fixtures, snapshots or sheets
    that you commit or share; generate such data with ``with_personnummer=False``
    (:func:`people`, :func:`program_data`).
    """
    _args.check_dates(min_birth, max_birth, names=("min_birth", "max_birth"))
    return _personnummer_strategy(min_birth, max_birth)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch in string.ascii_lowercase)


def _phone(number: int) -> str:
    """A mobile number ``07X-XXX XX XX`` (070, 072, 073 or 076) from a whole number."""
    prefix, rest = divmod(number, 10**7)
    digits = f"{rest:07d}"
    return f"07{(0, 2, 3, 6)[prefix]}-{digits[:3]} {digits[3:5]} {digits[5:]}"


_PHONES = st.builds(_phone, st.integers(0, 4 * 10**7 - 1))
_DOMAINS = ("kommun", "stad", "region")
# Name, address and phone of a person, built once: a program draws many people. The
# name and mail domain are one choice (of 2016), which keeps a whole program's draws few.
_PERSON_PARTS = st.tuples(
    st.sampled_from(list(itertools.product(_GIVEN_NAMES, _FAMILY_NAMES, _DOMAINS))),
    st.booleans(),
    st.none() | _PHONES,
)


def make_person(
    draw: st.DrawFn, person_id: str, numbers: st.SearchStrategy[Personnummer | None]
) -> Person:
    """A made-up person with *person_id* and a personnummer from *numbers*."""
    (given, family, domain), has_email, phone = draw(_PERSON_PARTS)
    return Person(
        id=person_id,
        given_name=given,
        family_name=family,
        email=f"{_ascii(given)}.{_ascii(family)}@{domain}.example" if has_email else None,
        phone=phone,
        personnummer=draw(numbers),
    )


@st.composite
def person(
    draw: st.DrawFn, person_id: str | None, numbers: st.SearchStrategy[Personnummer | None]
) -> Person:
    """A made-up person with *person_id* (or a drawn one) and a personnummer from *numbers*."""
    chosen = person_id if person_id is not None else draw(identifiers(prefix="p-"))
    return make_person(draw, chosen, numbers)


def people(
    *, person_id: str | None = None, with_personnummer: bool | None = None
) -> st.SearchStrategy[Person]:
    """A made-up person (person): a common Swedish name, an ``.example`` e-mail address.

    *person_id* fixes the id; *with_personnummer* ``True`` or ``False`` forces whether a
    personnummer is given (``None``: either). A generated personnummer may be a real
    person's (see :func:`personnummer`): use ``with_personnummer=False`` for people you
    write to files.
    """
    _args.check_id("person_id", person_id)
    _args.check_flag("with_personnummer", with_personnummer)
    if with_personnummer is None:
        return person(person_id, st.none() | personnummer())
    return person(person_id, personnummer() if with_personnummer else st.none())


def political_bodies(
    *, kinds: Iterable[PoliticalBodyKind] | None = None
) -> st.SearchStrategy[PoliticalBody]:
    """A nämnd or styrelse a manager can report to, optionally only of some *kinds*."""
    wanted = _args.enum_pool("kinds", kinds, PoliticalBodyKind, PoliticalBodyKind)
    names = {
        PoliticalBodyKind.NAMND: [body for _, body in ADMINISTRATIONS],
        PoliticalBodyKind.KOMMUNSTYRELSE: ["Kommunstyrelsen"],
        PoliticalBodyKind.STYRELSE: [f"Styrelsen för {company}" for company in _COMPANIES],
        PoliticalBodyKind.FULLMAKTIGE: ["Kommunfullmäktige"],
    }
    return st.one_of(
        [
            st.builds(PoliticalBody, name=st.sampled_from(names[kind]), kind=st.just(kind))
            for kind in wanted
        ]
    )


Role = tuple[str, OrganisationKind, tuple[PoliticalBody, ...], StaffFunction | None]


def role(held: Position, organisation: tuple[str, str], company: str) -> Role:
    """Organisation, its kind, the bodies reported to and the staff function fitting *held*."""
    kind = held.kind
    if kind is PositionKind.CHIEF_EXECUTIVE:
        board = PoliticalBody(name="Kommunstyrelsen", kind=PoliticalBodyKind.KOMMUNSTYRELSE)
        return (_CENTRAL, OrganisationKind.CENTRAL_ADMINISTRATION, (board,), None)
    if kind is PositionKind.STAFF:
        function = _STAFF_FUNCTIONS.get(held.slug, StaffFunction.OTHER)
        return (_CENTRAL, OrganisationKind.CENTRAL_ADMINISTRATION, (), function)
    if kind is PositionKind.COMPANY_CEO:
        board = PoliticalBody(name=f"Styrelsen för {company}", kind=PoliticalBodyKind.STYRELSE)
        return (company, OrganisationKind.MUNICIPAL_COMPANY, (board,), None)
    administration, namnd = organisation
    if kind is PositionKind.POLITICAL_LINE:
        body = PoliticalBody(name=namnd, kind=PoliticalBodyKind.NAMND)
        return (administration, OrganisationKind.ADMINISTRATION, (body,), None)
    return (administration, OrganisationKind.ADMINISTRATION, (), None)


def title_of(held: Position, organisation: str) -> str:
    """The title of *held* at *organisation* (``Förvaltningschef, socialförvaltningen``)."""
    head = held.sv[0].upper() + held.sv[1:]
    return head if held.kind is PositionKind.STAFF else f"{head}, {organisation.lower()}"


@st.composite
def appointment(
    draw: st.DrawFn,
    *,
    person_id: str | None,
    pool: Sequence[Municipality],
    catalog: Sequence[Position],
    min_date: dt.date,
    max_date: dt.date,
    ongoing: bool | None,
) -> Appointment:
    """An appointment in a position of *catalog*, in a municipality of *pool*."""
    held = pick(draw, catalog)
    organisation, kind, reports_to, function = role(
        held, draw(ADMINISTRATION_PICK), draw(COMPANY_PICK)
    )
    start = day(draw, min_date, max_date)
    ends = ongoing is False or (not ongoing and draw(st.booleans()))
    end = day(draw, start, max_date) if ends else None
    return Appointment(
        id=draw(identifiers(prefix="a-")),
        person_id=draw(fixed_or(person_id, "p-")),
        municipality=pick(draw, pool),
        organisation=organisation,
        title=title_of(held, organisation),
        start=start,
        end=end,
        position=held,
        organisation_kind=kind,
        reports_to=reports_to,
        staff_function=function,
    )


def appointments(
    *,
    person_id: str | None = None,
    municipalities: Iterable[str | Municipality] | None = None,
    positions: Iterable[str | Position] | None = None,
    min_date: dt.date = _args.DEFAULT_MIN_DATE,
    max_date: dt.date = _args.DEFAULT_MAX_DATE,
    ongoing: bool | None = None,
) -> st.SearchStrategy[Appointment]:
    """An appointment (anställning): a position at an organisation of a municipality, for a time.

    The organisation, its kind, the political bodies reported to and the staff function
    fit the position (a förvaltningschef heads a förvaltning and reports to its nämnd; an
    ekonomidirektör leads the finance function in kommunledningen). ``start`` and ``end``
    lie between *min_date* and *max_date*; *ongoing* forces whether ``end`` is ``None``.
    *positions* takes catalog slugs, titles or :class:`~ledarskap.model.Position` values.
    """
    _args.check_id("person_id", person_id)
    _args.check_dates(min_date, max_date)
    _args.check_flag("ongoing", ongoing)
    pool = _args.municipality_pool(municipalities)
    return appointment(
        person_id=person_id,
        pool=pool,
        catalog=_catalog(positions),
        min_date=min_date,
        max_date=max_date,
        ongoing=ongoing,
    )


def _catalog(positions: object) -> list[Position]:
    if positions is None:
        return list(all_positions())
    if isinstance(positions, str | Position) or not isinstance(positions, Iterable):
        raise InvalidArgument(f"positions={positions!r} must be a collection of positions")
    try:
        catalog = list(dict.fromkeys(position(value) for value in positions))
    except LedarskapError as err:
        raise InvalidArgument(str(err)) from None
    if not catalog:
        raise InvalidArgument("positions= must name at least one position")
    return catalog


@st.composite
def _application(
    draw: st.DrawFn,
    *,
    submitted: st.SearchStrategy[dt.date],
    person_id: str | None,
    cohort_id: str | None,
    pool: Sequence[Municipality],
    complete: bool | None,
) -> Application:
    on = draw(submitted)
    job = draw(
        appointment(
            person_id=person_id,
            pool=pool,
            catalog=all_positions(),
            min_date=max(_args.EARLIEST, on - dt.timedelta(days=3650)),
            max_date=on,
            ongoing=True,
        )
    )
    stated = attrs.evolve(
        Application.from_appointment(
            job,
            application_id=draw(identifiers(prefix="ans-")),
            cohort_id=draw(fixed_or(cohort_id, "c-")),
            submitted=on,
            status=draw(st.sampled_from(ApplicationStatus)),
        ),
        appointment_id=None,  # the appointment is not on record anywhere
    )
    if complete:
        return stated
    least = 1 if complete is False else 0
    missing = draw(st.lists(st.sampled_from(_FACTS), min_size=least, unique=True))
    if "title" in missing:
        missing.append("position")
    unknown: dict[str, Any] = dict.fromkeys(missing)
    return attrs.evolve(stated, **unknown)


def applications(
    *,
    cohort: Cohort | str | None = None,
    person_id: str | None = None,
    municipalities: Iterable[str | Municipality] | None = None,
    complete: bool | None = None,
) -> st.SearchStrategy[Application]:
    """An application (ansökan), to *cohort* if given (then submitted by its deadline).

    The stated facts fit a catalog position, as :func:`appointments` makes them.
    *complete* ``True`` states every fact; ``False`` leaves at least one out (``None``:
    not known), as real forms sometimes do; ``None`` either.
    """
    _args.check_id("person_id", person_id)
    _args.check_flag("complete", complete)
    pool = _args.municipality_pool(municipalities)
    cohort_id = _args.id_of("cohort", cohort, Cohort)
    if isinstance(cohort, Cohort):
        deadline = cohort.application_deadline or cohort.start
        submitted = dates(max(_args.EARLIEST, deadline - dt.timedelta(days=120)), deadline)
    else:
        submitted = dates(_args.DEFAULT_MIN_DATE, _args.DEFAULT_MAX_DATE)
    return _application(
        submitted=submitted,
        person_id=person_id,
        cohort_id=cohort_id,
        pool=pool,
        complete=complete,
    )
