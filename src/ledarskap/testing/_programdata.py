"""The strategy for a whole, cross-record consistent :class:`~ledarskap.model.ProgramData`.

A program holds hundreds of records. To stay well within Hypothesis's time and entropy
budgets (its ``too_slow`` and ``data_too_large`` health checks, which users meet with the
default settings) the builder draws each value once, as one choice where it can (days as
an offset, records of a list by index, see :mod:`._draws`), from strategies built once:
per module, or per call of :func:`program_data`, never per record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs
from hypothesis import strategies as st

from ledarskap.model import (
    Application,
    ApplicationStatus,
    Appointment,
    Cohort,
    Collaboration,
    Mentor,
    MentorMeeting,
    Mentorship,
    MentorshipStatus,
    Municipality,
    Participant,
    ParticipantStatus,
    Person,
    Personnummer,
    Position,
    PositionKind,
    Program,
    ProgramData,
    Session,
    SupportGroup,
    all_positions,
    program_region_counties,
)

from . import _args
from ._draws import day, pick, upto
from ._people import (
    ADMINISTRATION_PICK,
    ADMINISTRATIONS,
    COMPANY_PICK,
    make_person,
    next_personnummer,
    personnummer,
    role,
    title_of,
)
from ._program import lifecycle, make_meeting, make_session, make_venue, program

__all__ = ["program_data"]

# The positions of the target group (the program text's, and bolags-vd from its pages).
_TARGET_KINDS = frozenset(
    {PositionKind.POLITICAL_LINE, PositionKind.LINE, PositionKind.STAFF, PositionKind.COMPANY_CEO}
)
# Positions held in the central administration or a company, not in a förvaltning.
_NOT_IN_ADMINISTRATION = frozenset(
    {PositionKind.CHIEF_EXECUTIVE, PositionKind.STAFF, PositionKind.COMPANY_CEO}
)
_CHIEF = st.sampled_from([p for p in all_positions() if p.kind is PositionKind.CHIEF_EXECUTIVE])
_TARGET = st.sampled_from([p for p in all_positions() if p.kind in _TARGET_KINDS])
_ANY_POSITION = st.sampled_from(all_positions())
_NOT_ADMITTED = st.sampled_from(
    [s for s in ApplicationStatus if s is not ApplicationStatus.ADMITTED]
)
_PARTICIPANT_STATUS = st.sampled_from(ParticipantStatus)
_ANY_STATUS = st.sampled_from(tuple(MentorshipStatus))
_OVER = st.sampled_from(tuple(s for s in MentorshipStatus if s.over))
_SUCCESSOR_STATUS = st.sampled_from((MentorshipStatus.ACTIVE, MentorshipStatus.COMPLETED))
_LIKO = program("liko", 1, 3)
_CAPACITY = st.integers(1, 3)
_CHIEF_SINCE = st.integers(365, 3650)  # days in office before min_date
_OTHER_APPLICANTS = st.integers(0, 2)
_GROUP_SIZE = st.integers(1, 6)
_SPARE_PLACES = st.none() | st.integers(0, 10)


def program_data(
    *,
    municipalities: Iterable[str | Municipality] | None = None,
    min_cohorts: int = 1,
    max_cohorts: int = 2,
    max_participants: int = 8,
    min_date: dt.date = _args.DEFAULT_MIN_DATE,
    max_date: dt.date = _args.DEFAULT_MAX_DATE,
    with_personnummer: bool | None = None,
) -> st.SearchStrategy[ProgramData]:
    """A whole program's data whose records agree with each other: valid data to build on.

    Between *min_cohorts* and *max_cohorts* cohorts lie between *min_date* and *max_date*,
    each with two to six collaborating municipalities drawn from *municipalities* (by
    default, Östergötland and its neighbouring counties). In every cohort:

    - each collaborating municipality has its kommunchef (a person whose kommunchef
      appointment began before *min_date* and still holds) as the cohort's mentor, with a
      capacity of 1–3, the same as the collaboration's ``mentor_capacity``;
    - one to *max_participants* participants come from collaborating municipalities, each
      taking part as an appointment in a position of the target group that began before
      the application deadline and still holds, and each with an admitted application
      submitted by the deadline and after the appointment began;
    - each participant has a mentorship with the kommunchef of a *different*
      collaborating municipality whose capacity is not used up, in any state of its life
      (proposed, active, completed on the cohort's last day, ended early, with or without
      who ended it; a withdrawn participant's is over); one that ended early may be
      followed from the next day by one with another such mentor (a replaced mentor),
      so a participant has one or two mentorships, never two at once; mentorships and
      their meetings lie inside the cohort, and a proposed one has held no meeting;
    - sessions lie inside the cohort, none overlapping another, and take up the program's
      themes; support groups of at most six divide the participants; up to two other
      applicants (people with an appointment, possibly in a municipality outside the
      cohort) were not admitted.

    No two people share a personnummer. Ids are unique, numbered by kind (``p-1``,
    ``a-1``, ``d-1``, ``c-1`` …), and every id a record holds names a record of the data.

    *with_personnummer* ``True`` gives everybody a personnummer, ``False`` nobody;
    ``None`` (the default) some people. A generated personnummer is valid and may be a
    real person's (see :func:`personnummer`): generate with ``with_personnummer=False``
    any data you write to files that are committed or shared.

    .. versionchanged:: 0.3
       Mentorships in every state of their life, and replaced mentors;
       *with_personnummer*.
    """
    default = [m for c in program_region_counties() for m in c.municipalities]
    pool = _args.municipality_pool(default if municipalities is None else municipalities, least=2)
    _args.check_range("min_cohorts", min_cohorts, "max_cohorts", max_cohorts)
    _args.check_count("max_cohorts", max_cohorts, least=1)
    _args.check_count("max_participants", max_participants, least=1)
    _args.check_dates(min_date, max_date)
    _args.check_flag("with_personnummer", with_personnummer)
    numbers: st.SearchStrategy[Personnummer | None] = (
        st.none() | personnummer()
        if with_personnummer is None
        else personnummer()
        if with_personnummer
        else st.none()
    )
    return _program_data(
        _Plan(
            pool=pool,
            min_date=min_date,
            max_date=max_date,
            cohorts=st.integers(min_cohorts, max_cohorts),
            adepts=st.integers(1, max_participants),
            collaborating=st.lists(
                st.sampled_from(pool), min_size=2, max_size=min(6, len(pool)), unique=True
            ),
            anywhere=st.sampled_from(pool),
            numbers=numbers,
        )
    )


@attrs.frozen
class _Plan:
    """What one call of :func:`program_data` asked for, with its strategies built once."""

    pool: tuple[Municipality, ...]
    min_date: dt.date
    max_date: dt.date
    cohorts: st.SearchStrategy[int]
    adepts: st.SearchStrategy[int]
    collaborating: st.SearchStrategy[list[Municipality]]
    anywhere: st.SearchStrategy[Municipality]
    numbers: st.SearchStrategy[Personnummer | None]

    def __repr__(self) -> str:
        # Hypothesis shows the arguments of a failing composite: keep them short.
        return f"<{len(self.pool)} municipalities, {self.min_date} to {self.max_date}>"


@st.composite
def _program_data(draw: st.DrawFn, plan: _Plan) -> ProgramData:
    builder = _Builder(draw, plan)
    liko = draw(_LIKO)
    count = draw(plan.cohorts)
    cohorts = tuple(builder.cohort(number, liko) for number in range(1, count + 1))
    return ProgramData(
        program=liko,
        people=tuple(builder.people),
        appointments=tuple(builder.appointments),
        cohorts=cohorts,
        participants=tuple(builder.participants),
        mentors=tuple(builder.mentors),
        mentorships=tuple(builder.mentorships),
        meetings=tuple(builder.meetings),
        applications=tuple(builder.applications),
    )


class _Builder:
    """Collects the records of one generated ProgramData, numbering ids as it goes."""

    def __init__(self, draw: st.DrawFn, plan: _Plan) -> None:
        self.draw = draw
        self.plan = plan
        self.people: list[Person] = []
        self.appointments: list[Appointment] = []
        self.participants: list[Participant] = []
        self.mentors: list[Mentor] = []
        self.mentorships: list[Mentorship] = []
        self.meetings: list[MentorMeeting] = []
        self.applications: list[Application] = []
        self.chiefs: dict[str, str] = {}  # municipality code -> person id of its kommunchef
        self.numbers_used: set[Personnummer] = set()

    def person(self) -> Person:
        """A new person, ``p-<n>``, whose personnummer (if any) nobody else has.

        A number drawn twice is moved on to the next free serial of the same birth date.
        """
        new = make_person(self.draw, f"p-{len(self.people) + 1}", self.plan.numbers)
        if new.personnummer is not None:
            number = new.personnummer
            while number in self.numbers_used:
                number = next_personnummer(number)
            if number != new.personnummer:
                new = attrs.evolve(new, personnummer=number)
            self.numbers_used.add(number)
        self.people.append(new)
        return new

    def sessions(
        self, number: int, start: dt.date, end: dt.date, theme_ids: Sequence[str]
    ) -> tuple[Session, ...]:
        """Up to four sessions ``s-<cohort>-<n>`` inside the cohort, one after another."""
        kept: list[Session] = []
        for index in range(1, self.draw(upto(4)) + 1):
            earliest = kept[-1].end + dt.timedelta(days=1) if kept else start
            if earliest > end:
                break
            kept.append(make_session(self.draw, f"s-{number}-{index}", earliest, end, theme_ids))
        return tuple(kept)

    def appointment(
        self,
        holder: Person,
        where: Municipality,
        catalog: st.SearchStrategy[Position],
        start: dt.date,
    ) -> Appointment:
        """An ongoing appointment ``a-<n>`` of *holder* in *where*, begun on *start*."""
        held = self.draw(catalog)
        administration = (
            ADMINISTRATIONS[0]
            if held.kind in _NOT_IN_ADMINISTRATION
            else self.draw(ADMINISTRATION_PICK)
        )
        company = self.draw(COMPANY_PICK) if held.kind is PositionKind.COMPANY_CEO else ""
        organisation, kind, reports_to, function = role(held, administration, company)
        job = Appointment(
            id=f"a-{len(self.appointments) + 1}",
            person_id=holder.id,
            municipality=where,
            organisation=organisation,
            title=title_of(held, organisation),
            start=start,
            position=held,
            organisation_kind=kind,
            reports_to=reports_to,
            staff_function=function,
        )
        self.appointments.append(job)
        return job

    def chief(self, where: Municipality) -> str:
        """The person id of *where*'s kommunchef, in office since before ``min_date``."""
        if where.code not in self.chiefs:
            holder = self.person()
            since = self.plan.min_date - dt.timedelta(days=self.draw(_CHIEF_SINCE))
            self.appointment(holder, where, _CHIEF, since)
            self.chiefs[where.code] = holder.id
        return self.chiefs[where.code]

    def application(
        self, job: Appointment, cohort_id: str, deadline: dt.date, status: ApplicationStatus
    ) -> Application:
        """An application ``ans-<n>`` stating *job*'s facts, submitted by *deadline*."""
        earliest = max(job.start, deadline - dt.timedelta(days=90))
        application = Application.from_appointment(
            job,
            application_id=f"ans-{len(self.applications) + 1}",
            cohort_id=cohort_id,
            submitted=day(self.draw, earliest, deadline),
            status=status,
        )
        self.applications.append(application)
        return application

    def cohort(self, number: int, liko: Program) -> Cohort:
        """Cohort ``c-<number>`` with its mentors, participants, pairs and applications."""
        draw = self.draw
        cohort_id = f"c-{number}"
        start = day(draw, self.plan.min_date, self.plan.max_date)
        end = day(draw, start, min(self.plan.max_date, start + dt.timedelta(days=450)))
        deadline = start - dt.timedelta(days=draw(upto(120)))
        hired = deadline - dt.timedelta(days=draw(upto(3650)))
        collaborating = draw(self.plan.collaborating)

        collaborations: list[Collaboration] = []
        mentors: list[Mentor] = []
        for where in collaborating:
            chief_id = self.chief(where)
            capacity = draw(_CAPACITY)
            collaborations.append(
                Collaboration(
                    municipality=where, chief_executive_id=chief_id, mentor_capacity=capacity
                )
            )
            mentors.append(
                Mentor(
                    id=f"mentor-{number}-{where.code}",
                    person_id=chief_id,
                    cohort_id=cohort_id,
                    municipality=where,
                    capacity=capacity,
                )
            )
        self.mentors += mentors

        left = {mentor.id: mentor.capacity for mentor in mentors}
        adepts: list[Participant] = []
        for _ in range(draw(self.plan.adepts)):
            home = pick(draw, collaborating)
            free = [m for m in mentors if m.municipality != home and left[m.id] > 0]
            if not free:
                break
            mentor = pick(draw, free)
            left[mentor.id] -= 1
            job = self.appointment(self.person(), home, _TARGET, hired)
            application = self.application(job, cohort_id, deadline, ApplicationStatus.ADMITTED)
            adept = Participant(
                id=f"d-{len(self.participants) + 1}",
                person_id=job.person_id,
                cohort_id=cohort_id,
                appointment_id=job.id,
                status=draw(_PARTICIPANT_STATUS),
                application_id=application.id,
            )
            self.participants.append(adept)
            adepts.append(adept)
            spare = [m for m in mentors if m.municipality != home and left[m.id] > 0]
            successor = self.mentorship(mentor, adept, start, end, spare)
            if successor is not None:
                left[successor.id] -= 1

        for _ in range(draw(_OTHER_APPLICANTS)):
            where = draw(self.plan.anywhere)
            job = self.appointment(self.person(), where, _ANY_POSITION, hired)
            self.application(job, cohort_id, deadline, draw(_NOT_ADMITTED))

        groups: list[SupportGroup] = []
        rest = [adept.id for adept in adepts]
        while rest:
            size = draw(_GROUP_SIZE)
            label = len(groups) + 1
            groups.append(
                SupportGroup(
                    id=f"g-{number}-{label}",
                    name=f"Stödgrupp {label}",
                    participant_ids=tuple(rest[:size]),
                )
            )
            rest = rest[size:]

        spare_places = draw(_SPARE_PLACES)
        theme_ids = [theme.id for theme in liko.themes]
        return Cohort(
            id=cohort_id,
            program_id=liko.id,
            name=f"Omgång {start.year}",
            number=number,
            start=start,
            end=end,
            application_deadline=deadline,
            capacity=None if spare_places is None else len(adepts) + spare_places,
            venue=make_venue(draw, collaborating) if draw(st.booleans()) else None,
            collaborations=tuple(collaborations),
            support_groups=tuple(groups),
            sessions=self.sessions(number, start, end, theme_ids),
        )

    def mentorship(
        self,
        mentor: Mentor,
        adept: Participant,
        start: dt.date,
        end: dt.date,
        spare: list[Mentor],
    ) -> Mentor | None:
        """The adept's mentorships inside the cohort, each with 0–3 meetings; the successor.

        Any state of the mentorship's life (a withdrawn adept's is over); one that ended
        early may be followed, from the next day, by one with a mentor of *spare* (a
        replaced mentor stays as the ended relationship): that mentor is returned.
        """
        draw = self.draw
        first = day(draw, start, end)
        withdrawn = adept.status is ParticipantStatus.WITHDRAWN
        status = draw(_OVER if withdrawn else _ANY_STATUS)
        successor = None
        if status is MentorshipStatus.ENDED_EARLY and not withdrawn and spare and first < end:
            successor = pick(draw, spare) if draw(st.booleans()) else None
        last = end - dt.timedelta(days=1) if successor is not None else end
        pair = Mentorship(
            id=f"ms-{len(self.mentorships) + 1}",
            mentor_id=mentor.id,
            participant_id=adept.id,
            start=first,
            **lifecycle(draw, first, last, status, planned_end=end),
        )
        self.pair(pair, end)
        if successor is not None and pair.end is not None:
            then = pair.end + dt.timedelta(days=1)
            later = draw(_SUCCESSOR_STATUS)
            self.pair(
                Mentorship(
                    id=f"ms-{len(self.mentorships) + 1}",
                    mentor_id=successor.id,
                    participant_id=adept.id,
                    start=then,
                    **lifecycle(draw, then, end, later, planned_end=end),
                ),
                end,
            )
        return successor

    def pair(self, pair: Mentorship, end: dt.date) -> None:
        """*pair* and 0–3 meetings inside it (none held if it is only proposed)."""
        self.mentorships.append(pair)
        held = pair.status is not MentorshipStatus.PROPOSED
        for _ in range(self.draw(upto(3))):
            meeting_id = f"mm-{len(self.meetings) + 1}"
            self.meetings.append(
                make_meeting(self.draw, meeting_id, pair.id, pair.start, pair.end or end, held=held)
            )
