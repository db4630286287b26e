"""The cross-record checks behind :func:`ledarskap.validate`.

Each record of a :class:`~ledarskap.model.ProgramData` is valid on its own (its class checks
that when it is made); what no single record can see is checked here: references between
records, the mentor rules, capacities, dates of one record against another's, overlaps.

The work is linear in the size of the data: every collection is indexed once by id, and
overlaps are found by sorting each small group (a person's participations, an adept's
mentorships, a mentor's adepts, a cohort's sessions) and sweeping it once.

A record whose id repeats an earlier one of its kind is reported (``id.repeated``) and
otherwise skipped: references resolve to the first, so checking the copy would only report
the same thing twice under other codes.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol

from ledarskap.errors import UsageError
from ledarskap.model import (
    ApplicationStatus,
    Appointment,
    Cohort,
    Collaboration,
    MeetingStatus,
    Mentor,
    Mentorship,
    MentorshipStatus,
    ParticipantStatus,
    PositionKind,
    ProgramData,
    Session,
)
from ledarskap.text import Text

from .report import Finding, Param, ValidationReport

__all__ = ["validate"]

_OPEN = "…"  # the end of something that has not ended


def validate(data: ProgramData) -> ValidationReport:
    """Check every cross-record rule of *data*; report every problem found, at once.

    Never raises on a :class:`~ledarskap.model.ProgramData`: problems are findings. The
    codes, their severities and messages are listed in :data:`ledarskap.validation.MESSAGES`
    and on the *Validation codes* page of the documentation.

    >>> import ledarskap
    >>> report = ledarskap.validate(ledarskap.example_program())
    >>> report.ok
    True

    .. versionadded:: 0.1
    """
    if not isinstance(data, ProgramData):
        raise UsageError(
            Text(
                f"validate() tar en ProgramData, fick {type(data).__name__}",
                f"validate() takes a ProgramData, found {type(data).__name__}",
            )
        )
    return ValidationReport(_Checker(data).run())


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def _iso(day: dt.date | None) -> str:
    return _OPEN if day is None else day.isoformat()


def _overlaps(start: dt.date, end: dt.date | None, lo: dt.date, hi: dt.date | None) -> bool:
    """Whether ``[start, end]`` and ``[lo, hi]`` share a day (``None``: no end)."""
    return (hi is None or start <= hi) and (end is None or lo <= end)


class _Checker:
    """One run of the checks over one ProgramData, collecting findings in order."""

    def __init__(self, data: ProgramData) -> None:
        self.data = data
        self.found: list[Finding] = []

    def flag(self, code: str, location: str, record_id: str | None, **params: Param) -> None:
        """Note a finding of *code* at *location* (its message is the catalogue's)."""
        self.found.append(Finding.of(code, location, record_id, **params))

    def index(self, records: Sequence[_HasId], collection: str) -> dict[str, int]:
        """Id to position of the first record with it; repeats are reported."""
        positions: dict[str, int] = {}
        for i, record in enumerate(records):
            if positions.setdefault(record.id, i) != i:
                self.repeated(positions, collection, i, record.id)
        return positions

    def repeated(self, positions: dict[str, int], collection: str, i: int, record_id: str) -> None:
        first = positions[record_id]
        self.flag(
            "id.repeated",
            f"{collection}[{i}].id",
            record_id,
            id=record_id,
            first=f"{collection}[{first}]",
        )

    def ref(self, target: str, owner: str, record_id: str, field: str, ref: str) -> int | None:
        """The position of the record *ref* names in *target*, or ``None`` (reported)."""
        position = self.known[target].get(ref)
        if position is None:
            self.flag(
                "id.dangling", f"{owner}.{field}", record_id, field=field, id=ref, target=target
            )
        return position

    # The run ---------------------------------------------------------------------------

    def run(self) -> list[Finding]:
        # Collections nothing else refers back to into (people, appointments, applications,
        # meetings) are indexed and checked in one pass: on a large program every pass over
        # the records costs a trip through memory.
        data = self.data
        self.known: dict[str, dict[str, int]] = {"program": {data.program.id: 0}}
        known = self.known
        self.people = known["people"] = self.check_people()
        self.cohorts = known["cohorts"] = self.index(data.cohorts, "cohorts")
        self.themes = known["program.themes"] = self.index(data.program.themes, "program.themes")
        self.appointments = known["appointments"] = self.check_appointments()
        self.applications = known["applications"] = self.check_applications()
        self.participants = known["participants"] = self.index(data.participants, "participants")
        self.mentors = known["mentors"] = self.index(data.mentors, "mentors")
        self.mentorships = known["mentorships"] = self.index(data.mentorships, "mentorships")
        # cohort id -> municipality code -> (position in cohort.collaborations, collaboration)
        self.collaborations: dict[str, dict[str, tuple[int, Collaboration]]] = {}
        self.check_cohorts()
        self.check_participants()
        self.check_mentors()
        self.check_mentorships()
        self.check_meetings()
        return self.found

    # People and appointments -------------------------------------------------------------

    def check_people(self) -> dict[str, int]:
        positions: dict[str, int] = {}
        seen: dict[object, str] = {}
        for i, person in enumerate(self.data.people):
            if positions.setdefault(person.id, i) != i:
                self.repeated(positions, "people", i, person.id)
                continue
            if person.personnummer is None:
                continue
            other = seen.setdefault(person.personnummer, person.id)
            if other != person.id:
                self.flag(
                    "person.same-personnummer",
                    f"people[{i}].personnummer",
                    person.id,
                    person=person.id,
                    other=other,
                )
        return positions

    def check_appointments(self) -> dict[str, int]:
        people = self.people
        positions: dict[str, int] = {}
        # The mentors' appointments, to find their kommunchef appointments. Only theirs:
        # a container per record would make the garbage collector's full passes, which
        # scan the whole heap, come often enough to cost more than the checks.
        mentor_people = {mentor.person_id for mentor in self.data.mentors}
        self.appointments_of: defaultdict[str, list[Appointment]] = defaultdict(list)
        for i, job in enumerate(self.data.appointments):
            if positions.setdefault(job.id, i) != i:
                self.repeated(positions, "appointments", i, job.id)
                continue
            if job.person_id in mentor_people:
                self.appointments_of[job.person_id].append(job)
            if job.person_id not in people:
                self.ref("people", f"appointments[{i}]", job.id, "person_id", job.person_id)
        return positions

    # Cohorts, sessions, collaborations, support groups -----------------------------------

    def check_cohorts(self) -> None:
        data = self.data
        program_id = data.program.id
        for i, cohort in enumerate(data.cohorts):
            if self.cohorts[cohort.id] != i:
                continue
            where = f"cohorts[{i}]"
            if cohort.program_id != program_id:
                self.ref("program", where, cohort.id, "program_id", cohort.program_id)
            by_code: dict[str, tuple[int, Collaboration]] = {}
            for k, collaboration in enumerate(cohort.collaborations):
                by_code.setdefault(collaboration.municipality.code, (k, collaboration))
                chief = collaboration.chief_executive_id
                if chief is not None and chief not in self.people:
                    self.ref(
                        "people",
                        f"{where}.collaborations[{k}]",
                        cohort.id,
                        "chief_executive_id",
                        chief,
                    )
            self.collaborations[cohort.id] = by_code
            self.check_sessions(cohort, where)
            self.check_support_groups(cohort, where)

    def check_sessions(self, cohort: Cohort, where: str) -> None:
        themes = self.themes
        for k, session in enumerate(cohort.sessions):
            at = f"{where}.sessions[{k}]"
            # Defensive: Cohort refuses such sessions; data built past its checks may not.
            if session.start < cohort.start or session.end > cohort.end:
                self.outside_cohort("session", at, session, cohort)
            for t, theme_id in enumerate(session.theme_ids):
                if theme_id not in themes:
                    self.ref("program.themes", at, session.id, f"theme_ids[{t}]", theme_id)
        # Overlaps: sorted by start, each session against the latest-ending one before it.
        order = sorted(range(len(cohort.sessions)), key=lambda k: cohort.sessions[k].start)
        latest = None
        for k in order:
            session = cohort.sessions[k]
            if latest is not None and session.start <= latest.end:
                self.flag(
                    "session.overlap",
                    f"{where}.sessions[{k}]",
                    session.id,
                    session=session.id,
                    start=_iso(session.start),
                    end=_iso(session.end),
                    cohort=cohort.id,
                    other=latest.id,
                )
            if latest is None or session.end > latest.end:
                latest = session

    def check_support_groups(self, cohort: Cohort, where: str) -> None:
        participants = self.data.participants
        known = self.participants
        group_of: dict[str, str] = {}
        for g, group in enumerate(cohort.support_groups):
            for k, member in enumerate(group.participant_ids):
                at = f"{where}.support_groups[{g}]"
                position = known.get(member)
                if position is None:
                    self.ref("participants", at, group.id, f"participant_ids[{k}]", member)
                    continue
                other_cohort = participants[position].cohort_id
                if other_cohort != cohort.id:
                    self.flag(
                        "support-group.not-in-cohort",
                        f"{at}.participant_ids[{k}]",
                        group.id,
                        group=group.id,
                        cohort=cohort.id,
                        participant=member,
                        other_cohort=other_cohort,
                    )
                other = group_of.setdefault(member, group.id)
                if other != group.id:
                    self.flag(
                        "support-group.member-twice",
                        f"{at}.participant_ids[{k}]",
                        group.id,
                        participant=member,
                        group=group.id,
                        other=other,
                        cohort=cohort.id,
                    )

    # Participants ------------------------------------------------------------------------

    def check_participants(self) -> None:  # noqa: PLR0912 - one branch per rule
        data = self.data
        cohorts, appointments, applications = data.cohorts, data.appointments, data.applications
        taking_part: defaultdict[str, int] = defaultdict(int)  # cohort id -> participants
        first_of: dict[str, int] = {}  # person id -> their first participation
        more_of: defaultdict[str, list[int]] = defaultdict(list)  # only for those in several
        for i, participant in enumerate(data.participants):
            if self.participants[participant.id] != i:
                continue
            where = f"participants[{i}]"
            pid = participant.id
            if participant.person_id not in self.people:
                self.ref("people", where, pid, "person_id", participant.person_id)
            c = self.ref("cohorts", where, pid, "cohort_id", participant.cohort_id)
            a = self.appointments.get(participant.appointment_id)
            if a is None:
                self.ref(
                    "appointments",
                    where,
                    pid,
                    "appointment_id",
                    participant.appointment_id,
                )
            cohort = None if c is None else cohorts[c]
            job = None if a is None else appointments[a]
            if cohort is not None:
                first = first_of.setdefault(participant.person_id, i)
                if first != i:
                    more_of[participant.person_id].append(i)
                if participant.status is not ParticipantStatus.WITHDRAWN:
                    taking_part[cohort.id] += 1
            if job is not None:
                if job.person_id != participant.person_id:
                    self.flag(
                        "participant.appointment-other-person",
                        f"{where}.appointment_id",
                        pid,
                        participant=pid,
                        person=participant.person_id,
                        appointment=job.id,
                        holder=job.person_id,
                    )
                if cohort is not None:
                    self.check_participant_job(participant.id, where, job, cohort)
            if participant.application_id is not None:
                n = self.ref(
                    "applications",
                    where,
                    pid,
                    "application_id",
                    participant.application_id,
                )
                if n is not None:
                    application = applications[n]
                    if (
                        application.person_id != participant.person_id
                        or application.cohort_id != participant.cohort_id
                    ):
                        self.flag(
                            "participant.application-mismatch",
                            f"{where}.application_id",
                            pid,
                            participant=pid,
                            person=participant.person_id,
                            cohort=participant.cohort_id,
                            application=application.id,
                            applicant=application.person_id,
                            applied_to=application.cohort_id,
                        )
                    elif application.status is not ApplicationStatus.ADMITTED:
                        self.flag(
                            "participant.application-not-admitted",
                            f"{where}.application_id",
                            pid,
                            participant=pid,
                            application=application.id,
                            status=application.status.value,
                        )
        self.check_participations(
            {person: [first_of[person], *more] for person, more in more_of.items()}
        )
        for i, cohort in enumerate(cohorts):
            count = taking_part.get(cohort.id, 0)
            if (
                self.cohorts[cohort.id] == i
                and cohort.capacity is not None
                and count > cohort.capacity
            ):
                self.flag(
                    "cohort.over-capacity",
                    f"cohorts[{i}].capacity",
                    cohort.id,
                    cohort=cohort.id,
                    count=count,
                    capacity=cohort.capacity,
                )

    def check_participant_job(
        self, participant_id: str, where: str, job: Appointment, cohort: Cohort
    ) -> None:
        if not _overlaps(job.start, job.end, cohort.start, cohort.end):
            self.flag(
                "participant.appointment-not-during-cohort",
                f"{where}.appointment_id",
                participant_id,
                participant=participant_id,
                appointment=job.id,
                start=_iso(job.start),
                end=_iso(job.end),
                cohort=cohort.id,
                cohort_start=_iso(cohort.start),
                cohort_end=_iso(cohort.end),
            )
        if job.municipality.code not in self.collaborations[cohort.id]:
            self.flag(
                "participant.not-collaborating",
                where,
                participant_id,
                participant=participant_id,
                municipality=job.municipality.display_name,
                cohort=cohort.id,
            )

    def check_participations(self, of_person: dict[str, list[int]]) -> None:
        """A person in one cohort twice, or in two cohorts that run at the same time."""
        participants, cohorts = self.data.participants, self.data.cohorts
        for person_id, positions in of_person.items():
            cohort_of = {i: cohorts[self.cohorts[participants[i].cohort_id]] for i in positions}
            first_in: dict[str, int] = {}
            counted: list[int] = []
            for i in positions:
                participant = participants[i]
                first = first_in.setdefault(participant.cohort_id, i)
                if first != i:
                    self.flag(
                        "participant.twice-in-cohort",
                        f"participants[{i}].person_id",
                        participant.id,
                        person=person_id,
                        cohort=participant.cohort_id,
                        participant=participant.id,
                        other=participants[first].id,
                    )
                elif participant.status is not ParticipantStatus.WITHDRAWN:
                    counted.append(i)
            counted.sort(key=lambda i: cohort_of[i].start)
            latest: int | None = None
            for i in counted:
                cohort = cohort_of[i]
                if latest is not None and cohort.start <= cohort_of[latest].end:
                    self.flag(
                        "participant.overlapping-cohorts",
                        f"participants[{i}].cohort_id",
                        participants[i].id,
                        person=person_id,
                        participant=participants[i].id,
                        cohort=cohort.id,
                        other=participants[latest].id,
                        other_cohort=cohort_of[latest].id,
                    )
                if latest is None or cohort.end > cohort_of[latest].end:
                    latest = i

    # Mentors -----------------------------------------------------------------------------

    def check_mentors(self) -> None:
        cohorts = self.data.cohorts
        for i, mentor in enumerate(self.data.mentors):
            if self.mentors[mentor.id] != i:
                continue
            where = f"mentors[{i}]"
            if mentor.person_id not in self.people:
                self.ref("people", where, mentor.id, "person_id", mentor.person_id)
            c = self.ref("cohorts", where, mentor.id, "cohort_id", mentor.cohort_id)
            if c is None:
                continue
            cohort = cohorts[c]
            place = mentor.municipality
            found = self.collaborations[cohort.id].get(place.code)
            if found is None:
                self.flag(
                    "mentor.not-collaborating",
                    f"{where}.municipality",
                    mentor.id,
                    mentor=mentor.id,
                    municipality=place.display_name,
                    cohort=cohort.id,
                )
                continue
            chief = found[1].chief_executive_id
            if chief is None:
                self.flag(
                    "mentor.chief-executive-unknown",
                    f"{where}.person_id",
                    mentor.id,
                    mentor=mentor.id,
                    municipality=place.display_name,
                    cohort=cohort.id,
                )
            elif chief != mentor.person_id:
                self.flag(
                    "mentor.not-chief-executive",
                    f"{where}.person_id",
                    mentor.id,
                    mentor=mentor.id,
                    person=mentor.person_id,
                    municipality=place.display_name,
                    cohort=cohort.id,
                    chief=chief,
                )
                continue
            if not self.holds_chief_appointment(mentor, cohort):
                self.flag(
                    "mentor.no-chief-appointment",
                    f"{where}.person_id",
                    mentor.id,
                    mentor=mentor.id,
                    person=mentor.person_id,
                    municipality=place.display_name,
                    cohort=cohort.id,
                )

    def holds_chief_appointment(self, mentor: Mentor, cohort: Cohort) -> bool:
        return any(
            job.municipality == mentor.municipality
            and job.position is not None
            and job.position.kind is PositionKind.CHIEF_EXECUTIVE
            and _overlaps(job.start, job.end, cohort.start, cohort.end)
            for job in self.appointments_of.get(mentor.person_id, ())
        )

    # Mentorships -------------------------------------------------------------------------

    def check_mentorships(self) -> None:
        data = self.data
        participants, mentors, cohorts = data.participants, data.mentors, data.cohorts
        appointments = data.appointments
        first_of: dict[int, int] = {}  # participant -> their first mentorship
        more_of: defaultdict[int, list[int]] = defaultdict(list)  # only for those with several
        of_mentor: defaultdict[int, list[int]] = defaultdict(list)
        of_collaboration: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
        for i, pair in enumerate(data.mentorships):
            if self.mentorships[pair.id] != i:
                continue
            where = f"mentorships[{i}]"
            m = self.mentors.get(pair.mentor_id)
            if m is None:
                self.ref("mentors", where, pair.id, "mentor_id", pair.mentor_id)
            p = self.participants.get(pair.participant_id)
            if p is None:
                self.ref("participants", where, pair.id, "participant_id", pair.participant_id)
            mentor = None if m is None else mentors[m]
            adept = None if p is None else participants[p]
            if p is not None and adept is not None:
                first = first_of.setdefault(p, i)
                if first != i:
                    more_of[p].append(i)
                if adept.status is ParticipantStatus.WITHDRAWN and not pair.status.over:
                    self.flag(
                        "adept.withdrawn-mentorship",
                        f"{where}.status",
                        pair.id,
                        participant=adept.id,
                        mentorship=pair.id,
                    )
                c = self.cohorts.get(adept.cohort_id)
                if c is not None:
                    self.check_mentorship_dates(pair, where, cohorts[c])
            if m is None or mentor is None:
                continue
            of_mentor[m].append(i)
            of_collaboration[mentor.cohort_id, mentor.municipality.code].append(i)
            if adept is None:
                continue
            if mentor.cohort_id != adept.cohort_id:
                self.flag(
                    "mentorship.other-cohort",
                    f"{where}.mentor_id",
                    pair.id,
                    mentorship=pair.id,
                    mentor=mentor.id,
                    mentor_cohort=mentor.cohort_id,
                    participant=adept.id,
                    cohort=adept.cohort_id,
                )
            a = self.appointments.get(adept.appointment_id)
            if a is not None and appointments[a].municipality == mentor.municipality:
                self.flag(
                    "mentor.own-municipality",
                    f"{where}.mentor_id",
                    pair.id,
                    participant=adept.id,
                    mentor=mentor.id,
                    municipality=mentor.municipality.display_name,
                )
        self.check_adepts(first_of, more_of)
        self.check_mentor_load(of_mentor)
        self.check_collaboration_load(of_collaboration)

    def check_mentorship_dates(self, pair: Mentorship, where: str, cohort: Cohort) -> None:
        if (
            pair.start < cohort.start
            or pair.start > cohort.end
            or (pair.end is not None and pair.end > cohort.end)
        ):
            self.outside_cohort("mentorship", where, pair, cohort)

    def outside_cohort(
        self,
        kind: str,
        where: str,
        record: Session | Mentorship,
        cohort: Cohort,
    ) -> None:
        """Report a session or mentorship (*kind*) that lies outside its cohort's dates."""
        self.flag(
            f"{kind}.outside-cohort",
            where,
            record.id,
            **{kind: record.id},
            start=_iso(record.start),
            end=_iso(record.end),
            cohort=cohort.id,
            cohort_start=_iso(cohort.start),
            cohort_end=_iso(cohort.end),
        )

    def check_adepts(self, first_of: dict[int, int], more_of: dict[int, list[int]]) -> None:
        """Every adept has a mentor, and never two at once."""
        pairs = self.data.mentorships
        for i, participant in enumerate(self.data.participants):
            if i in first_of or self.participants[participant.id] != i:
                continue
            if participant.status is not ParticipantStatus.WITHDRAWN:
                self.flag(
                    "adept.no-mentor",
                    f"participants[{i}]",
                    participant.id,
                    participant=participant.id,
                    cohort=participant.cohort_id,
                )
        participants = self.data.participants
        for i, more in more_of.items():
            participant = participants[i]
            mine = sorted([first_of[i], *more], key=lambda k: pairs[k].start)
            holding = [k for k in mine if pairs[k].status is not MentorshipStatus.PROPOSED]
            self.check_two_mentors(participant.id, holding)
            if len(holding) < len(mine):
                self.check_proposals(participant.id, mine)

    def check_two_mentors(self, participant_id: str, mine: list[int]) -> None:
        """An adept never has two mentorships that hold on one day (*mine*: by start)."""
        pairs = self.data.mentorships
        latest: Mentorship | None = None
        for k in mine:
            pair = pairs[k]
            if latest is not None and (latest.end is None or pair.start <= latest.end):
                self.flag(
                    "adept.two-mentors",
                    f"mentorships[{k}]",
                    pair.id,
                    participant=participant_id,
                    mentorship=pair.id,
                    other=latest.id,
                    on=_iso(pair.start),
                )
            if latest is None or (
                latest.end is not None and (pair.end is None or pair.end > latest.end)
            ):
                latest = pair

    def check_proposals(self, participant_id: str, mine: list[int]) -> None:
        """A proposed mentorship overlapping another of its adept's is named, with the other.

        A proposal is not yet agreed, so it is a warning: made active as it stands, the adept
        would have two mentors. Each pair of overlapping records is reported once, at the
        proposal (the later of two proposals).
        """
        pairs = self.data.mentorships
        for n, k in enumerate(mine):
            pair = pairs[k]
            if pair.status is not MentorshipStatus.PROPOSED:
                continue
            for m, j in enumerate(mine):
                other = pairs[j]
                earlier = other.status is not MentorshipStatus.PROPOSED or m < n
                if j != k and earlier and _overlaps(pair.start, pair.end, other.start, other.end):
                    self.flag(
                        "adept.proposed-overlap",
                        f"mentorships[{k}]",
                        pair.id,
                        participant=participant_id,
                        mentorship=pair.id,
                        other=other.id,
                        on=_iso(max(pair.start, other.start)),
                    )
                    break

    def check_mentor_load(self, of_mentor: dict[int, list[int]]) -> None:
        mentors = self.data.mentors
        for m, mine in of_mentor.items():
            mentor = mentors[m]
            if len(mine) <= mentor.capacity:
                continue
            count, on = self.most_at_once(mine)
            if count > mentor.capacity:
                self.flag(
                    "mentor.over-capacity",
                    f"mentors[{m}].capacity",
                    mentor.id,
                    mentor=mentor.id,
                    count=count,
                    capacity=mentor.capacity,
                    on=_iso(on),
                )

    def check_collaboration_load(self, of_collaboration: dict[tuple[str, str], list[int]]) -> None:
        cohorts = self.data.cohorts
        for (cohort_id, code), mine in of_collaboration.items():
            found = self.collaborations.get(cohort_id, {}).get(code)
            if found is None:
                continue  # a mentor from outside the cohort: reported with the mentor
            k, collaboration = found
            if len(mine) <= collaboration.mentor_capacity:
                continue
            count, on = self.most_at_once(mine)
            if count > collaboration.mentor_capacity:
                c = self.cohorts[cohort_id]
                self.flag(
                    "collaboration.over-capacity",
                    f"cohorts[{c}].collaborations[{k}].mentor_capacity",
                    cohorts[c].id,
                    municipality=collaboration.municipality.display_name,
                    cohort=cohort_id,
                    count=count,
                    capacity=collaboration.mentor_capacity,
                    on=_iso(on),
                )

    def most_at_once(self, positions: Iterable[int]) -> tuple[int, dt.date]:
        """The most mentorships that run on one day, and the first such day."""
        pairs = self.data.mentorships
        ordered = sorted((pairs[k] for k in positions), key=lambda pair: pair.start)
        running: list[dt.date] = []  # the ends of the mentorships running, a min-heap
        best, best_on = 0, ordered[0].start
        for pair in ordered:
            while running and running[0] < pair.start:
                heapq.heappop(running)
            heapq.heappush(running, dt.date.max if pair.end is None else pair.end)
            if len(running) > best:
                best, best_on = len(running), pair.start
        return best, best_on

    # Meetings and applications -----------------------------------------------------------

    def check_meetings(self) -> None:
        pairs = self.data.mentorships
        meetings = self.data.meetings
        positions: dict[str, int] = {}
        known = self.mentorships
        for i, meeting in enumerate(meetings):
            if positions.setdefault(meeting.id, i) != i:
                self.repeated(positions, "meetings", i, meeting.id)
                continue
            where = f"meetings[{i}]"
            k = known.get(meeting.mentorship_id)
            if k is None:
                self.ref("mentorships", where, meeting.id, "mentorship_id", meeting.mentorship_id)
                continue
            pair = pairs[k]
            if meeting.status is MeetingStatus.HELD and pair.status is MentorshipStatus.PROPOSED:
                self.flag(
                    "meeting.of-proposed",
                    f"{where}.status",
                    meeting.id,
                    meeting=meeting.id,
                    on=_iso(meeting.on),
                    mentorship=pair.id,
                )
            if meeting.on < pair.start or (pair.end is not None and meeting.on > pair.end):
                self.flag(
                    "meeting.outside-mentorship",
                    f"{where}.on",
                    meeting.id,
                    meeting=meeting.id,
                    on=_iso(meeting.on),
                    mentorship=pair.id,
                    start=_iso(pair.start),
                    end=_iso(pair.end),
                )

    def check_applications(self) -> dict[str, int]:
        data = self.data
        cohorts, appointments = data.cohorts, data.appointments
        positions: dict[str, int] = {}
        for i, application in enumerate(data.applications):
            if positions.setdefault(application.id, i) != i:
                self.repeated(positions, "applications", i, application.id)
                continue
            where = f"applications[{i}]"
            aid = application.id
            if application.person_id not in self.people:
                self.ref("people", where, aid, "person_id", application.person_id)
            c = self.ref("cohorts", where, aid, "cohort_id", application.cohort_id)
            if c is not None:
                cohort = cohorts[c]
                if not cohort.is_open_for_applications(application.submitted):
                    deadline = cohort.application_deadline or cohort.start
                    self.flag(
                        "application.after-deadline",
                        f"{where}.submitted",
                        aid,
                        application=aid,
                        submitted=_iso(application.submitted),
                        deadline=_iso(deadline),
                        cohort=cohort.id,
                    )
            if application.appointment_id is not None:
                a = self.ref(
                    "appointments",
                    where,
                    aid,
                    "appointment_id",
                    application.appointment_id,
                )
                if a is not None and appointments[a].person_id != application.person_id:
                    self.flag(
                        "application.appointment-other-person",
                        f"{where}.appointment_id",
                        aid,
                        application=aid,
                        person=application.person_id,
                        appointment=application.appointment_id,
                        holder=appointments[a].person_id,
                    )
        return positions
