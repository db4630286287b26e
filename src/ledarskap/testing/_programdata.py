"""The strategy for a whole, cross-record consistent :class:`~ledarskap.model.ProgramData`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

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
from ._people import appointment, dates, person, personnummer
from ._program import lifecycle, meeting, program, session, venues

__all__ = ["program_data"]

# The positions of the target group (the program text's, and bolags-vd from its pages).
_TARGET_KINDS = frozenset(
    {PositionKind.POLITICAL_LINE, PositionKind.LINE, PositionKind.STAFF, PositionKind.COMPANY_CEO}
)
_CHIEF = [p for p in all_positions() if p.kind is PositionKind.CHIEF_EXECUTIVE]
_TARGET = [p for p in all_positions() if p.kind in _TARGET_KINDS]
_NOT_ADMITTED = [s for s in ApplicationStatus if s is not ApplicationStatus.ADMITTED]
_OVER = tuple(s for s in MentorshipStatus if s.over)


def program_data(
    *,
    municipalities: Iterable[str | Municipality] | None = None,
    min_cohorts: int = 1,
    max_cohorts: int = 2,
    max_participants: int = 8,
    min_date: dt.date = _args.DEFAULT_MIN_DATE,
    max_date: dt.date = _args.DEFAULT_MAX_DATE,
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
      themes; support groups of at most six divide the participants; up to two other applicants (people with an
      appointment, possibly in a municipality outside the cohort) were not admitted.

    .. versionchanged:: 0.3
       Mentorships in every state of their life, and replaced mentors.

    No two people share a personnummer. Ids are unique, numbered by kind (``p-1``, ``a-1``, ``d-1``, ``c-1`` …), and every id
    a record holds names a record of the data.
    """
    default = [m for c in program_region_counties() for m in c.municipalities]
    pool = _args.municipality_pool(default if municipalities is None else municipalities, least=2)
    _args.check_range("min_cohorts", min_cohorts, "max_cohorts", max_cohorts)
    _args.check_count("max_cohorts", max_cohorts, least=1)
    _args.check_count("max_participants", max_participants, least=1)
    _args.check_dates(min_date, max_date)
    return _program_data(
        pool=pool,
        min_cohorts=min_cohorts,
        max_cohorts=max_cohorts,
        max_participants=max_participants,
        min_date=min_date,
        max_date=max_date,
    )


@st.composite
def _program_data(
    draw: st.DrawFn,
    *,
    pool: Sequence[Municipality],
    min_cohorts: int,
    max_cohorts: int,
    max_participants: int,
    min_date: dt.date,
    max_date: dt.date,
) -> ProgramData:
    builder = _Builder(draw, pool, min_date, max_date)
    liko = draw(program("liko", 1, 3))
    count = draw(st.integers(min_cohorts, max_cohorts))
    cohorts = tuple(
        builder.cohort(number, liko, max_participants) for number in range(1, count + 1)
    )
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

    def __init__(
        self, draw: st.DrawFn, pool: Sequence[Municipality], min_date: dt.date, max_date: dt.date
    ) -> None:
        self.draw = draw
        self.pool = pool
        self.min_date = min_date
        self.max_date = max_date
        self.numbers = st.none() | personnummer()
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
        """A new person, ``p-<n>``, whose personnummer (if any) nobody else has."""
        new = self.draw(person(f"p-{len(self.people) + 1}", self.numbers))
        if new.personnummer is not None and new.personnummer in self.numbers_used:
            new = Person(
                id=new.id,
                given_name=new.given_name,
                family_name=new.family_name,
                email=new.email,
                phone=new.phone,
            )
        if new.personnummer is not None:
            self.numbers_used.add(new.personnummer)
        self.people.append(new)
        return new

    def sessions(
        self, number: int, start: dt.date, end: dt.date, theme_ids: Sequence[str]
    ) -> tuple[Session, ...]:
        """Up to four sessions ``s-<cohort>-<n>`` inside the cohort, none overlapping another."""
        drawn = [
            self.draw(session(None, start, end, theme_ids))
            for _ in range(self.draw(st.integers(0, 4)))
        ]
        kept: list[Session] = []
        for candidate in sorted(drawn, key=lambda s: s.start):
            if not kept or candidate.start > kept[-1].end:
                kept.append(candidate)
        return tuple(
            Session(
                id=f"s-{number}-{index}",
                kind=kept_session.kind,
                title=kept_session.title,
                start=kept_session.start,
                end=kept_session.end,
                venue=kept_session.venue,
                online=kept_session.online,
                theme_ids=kept_session.theme_ids,
                activities=kept_session.activities,
            )
            for index, kept_session in enumerate(kept, start=1)
        )

    def appointment(
        self, holder: Person, where: Municipality, catalog: Sequence[Position], start: dt.date
    ) -> Appointment:
        """An ongoing appointment ``a-<n>`` of *holder* in *where*, begun on *start*."""
        drawn = self.draw(
            appointment(
                person_id=holder.id,
                pool=[where],
                catalog=catalog,
                min_date=start,
                max_date=start,
                ongoing=True,
            )
        )
        job = Appointment(
            id=f"a-{len(self.appointments) + 1}",
            person_id=holder.id,
            municipality=where,
            organisation=drawn.organisation,
            title=drawn.title,
            start=start,
            position=drawn.position,
            organisation_kind=drawn.organisation_kind,
            reports_to=drawn.reports_to,
            staff_function=drawn.staff_function,
        )
        self.appointments.append(job)
        return job

    def chief(self, where: Municipality) -> str:
        """The person id of *where*'s kommunchef, in office since before ``min_date``."""
        if where.code not in self.chiefs:
            holder = self.person()
            days = self.draw(st.integers(365, 3650))
            self.appointment(holder, where, _CHIEF, self.min_date - dt.timedelta(days=days))
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
            submitted=self.draw(dates(earliest, deadline)),
            status=status,
        )
        self.applications.append(application)
        return application

    def cohort(self, number: int, liko: Program, max_participants: int) -> Cohort:
        """Cohort ``c-<number>`` with its mentors, participants, pairs and applications."""
        draw = self.draw
        cohort_id = f"c-{number}"
        start = draw(dates(self.min_date, self.max_date))
        end = start + dt.timedelta(
            days=draw(st.integers(0, min(450, (self.max_date - start).days)))
        )
        deadline = start - dt.timedelta(days=draw(st.integers(0, 120)))
        hired = deadline - dt.timedelta(days=draw(st.integers(0, 3650)))
        size = min(6, len(self.pool))
        collaborating = draw(
            st.lists(st.sampled_from(self.pool), min_size=2, max_size=size, unique=True)
        )

        collaborations: list[Collaboration] = []
        mentors: list[Mentor] = []
        for where in collaborating:
            chief_id = self.chief(where)
            capacity = draw(st.integers(1, 3))
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
        for _ in range(draw(st.integers(1, max_participants))):
            home = draw(st.sampled_from(collaborating))
            free = [m for m in mentors if m.municipality != home and left[m.id] > 0]
            if not free:
                break
            mentor = draw(st.sampled_from(free))
            left[mentor.id] -= 1
            job = self.appointment(self.person(), home, _TARGET, hired)
            application = self.application(job, cohort_id, deadline, ApplicationStatus.ADMITTED)
            adept = Participant(
                id=f"d-{len(self.participants) + 1}",
                person_id=job.person_id,
                cohort_id=cohort_id,
                appointment_id=job.id,
                status=draw(st.sampled_from(ParticipantStatus)),
                application_id=application.id,
            )
            self.participants.append(adept)
            adepts.append(adept)
            spare = [m for m in mentors if m.municipality != home and left[m.id] > 0]
            successor = self.mentorship(mentor, adept, start, end, spare)
            if successor is not None:
                left[successor.id] -= 1

        for _ in range(draw(st.integers(0, 2))):
            where = draw(st.sampled_from(self.pool))
            job = self.appointment(self.person(), where, all_positions(), hired)
            self.application(job, cohort_id, deadline, draw(st.sampled_from(_NOT_ADMITTED)))

        groups: list[SupportGroup] = []
        rest = [adept.id for adept in adepts]
        while rest:
            size = draw(st.integers(1, 6))
            label = len(groups) + 1
            groups.append(
                SupportGroup(
                    id=f"g-{number}-{label}",
                    name=f"Stödgrupp {label}",
                    participant_ids=tuple(rest[:size]),
                )
            )
            rest = rest[size:]

        theme_ids = [theme.id for theme in liko.themes]
        return Cohort(
            id=cohort_id,
            program_id=liko.id,
            name=f"Omgång {start.year}",
            number=number,
            start=start,
            end=end,
            application_deadline=deadline,
            capacity=draw(st.none() | st.integers(len(adepts), len(adepts) + 10)),
            venue=draw(st.none() | venues(municipalities=collaborating)),
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
        first = draw(dates(start, end))
        withdrawn = adept.status is ParticipantStatus.WITHDRAWN
        status = draw(st.sampled_from(_OVER if withdrawn else tuple(MentorshipStatus)))
        successor = None
        if status is MentorshipStatus.ENDED_EARLY and not withdrawn and spare and first < end:
            successor = draw(st.none() | st.sampled_from(spare))
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
            later = draw(st.sampled_from((MentorshipStatus.ACTIVE, MentorshipStatus.COMPLETED)))
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
        for _ in range(self.draw(st.integers(0, 3))):
            meeting_id = f"mm-{len(self.meetings) + 1}"
            self.meetings.append(
                self.draw(meeting(meeting_id, pair.id, pair.start, pair.end or end, held=held))
            )
