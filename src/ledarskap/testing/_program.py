"""Strategies for the program and its cohorts: themes, sessions, participants, mentoring."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ledarskap.model import (
    Activity,
    Aim,
    Cohort,
    Collaboration,
    Discipline,
    EndedBy,
    Grounding,
    Level,
    MeetingKind,
    MeetingStatus,
    Mentor,
    MentorMeeting,
    Mentorship,
    MentorshipStatus,
    Municipality,
    Organiser,
    Participant,
    ParticipantStatus,
    Perspective,
    Program,
    Purpose,
    PurposeKind,
    Session,
    SessionKind,
    Stakeholder,
    SupportGroup,
    Theme,
    Venue,
    county,
)

from . import _args
from ._draws import day, members, pick, subsets, upto
from ._people import fixed_or, identifiers

__all__ = [
    "cohorts",
    "collaborations",
    "mentor_meetings",
    "mentors",
    "mentorships",
    "organisers",
    "participants",
    "programs",
    "purposes",
    "sessions",
    "support_groups",
    "themes",
    "venues",
]

_TOPICS = (
    "feedback", "konflikter", "grupprocesser", "kontakt- och försvarsmekanismer",
    "organisationskultur", "värderingar", "genus", "politiskt styrda organisationer",
    "samhällsförändring", "omvärldsanalys",
)  # fmt: skip
_THEME_NAMES = (
    ("Personligt ledarskap i kommunal kontext", "Personal leadership in a municipal context"),
    ("Omvärlden, samhället och kommunen", "The surrounding world, society and the municipality"),
)
_PURPOSE_TEXTS = (
    (
        "Att stödja och utveckla ledarskapet i kommunerna",
        "To support and develop leadership in the municipalities",
    ),
    ("Att utveckla det personliga ledarskapet", "To develop personal leadership"),
)
_VENUE_NAMES = ("Kursgården", "Konferenshotellet", "Campus Norrköping", "Herrgården")
_SESSION_DAYS = {
    SessionKind.RESIDENTIAL: (2, 3),
    SessionKind.SESSION: (1, 1),
    SessionKind.FOLLOW_UP: (1, 1),
}
_SESSION_TITLES = {
    SessionKind.RESIDENTIAL: "Internat",
    SessionKind.SESSION: "Träff",
    SessionKind.FOLLOW_UP: "Återträff",
}
_NOTES = ("", "Om att leda chefer", "Budgetarbete och prioriteringar")


_ACTIVITIES = members(tuple(Activity))
_GROUNDING = members(tuple(Grounding))
_PERSPECTIVES = members(tuple(Perspective))
_LEVELS = members(tuple(Level))
# A theme's names, grounding, disciplines, perspectives, levels and topics.
_THEME_BODY = st.tuples(
    st.sampled_from(_THEME_NAMES),
    _GROUNDING,
    members(tuple(Discipline)),
    _PERSPECTIVES,
    _LEVELS,
    st.lists(st.sampled_from(_TOPICS), max_size=5, unique=True),
)


def make_theme(draw: st.DrawFn, theme_id: str) -> Theme:
    """A theme with *theme_id*."""
    (sv, en), grounding, disciplines, perspectives, levels, topics = draw(_THEME_BODY)
    return Theme(
        id=theme_id,
        sv=sv,
        en=en,
        grounding=grounding,
        disciplines=disciplines,
        perspectives=perspectives,
        levels=levels,
        topics=tuple(topics),
    )


@st.composite
def theme(draw: st.DrawFn, theme_id: str | None) -> Theme:
    """A theme with *theme_id* (or a drawn one)."""
    return make_theme(draw, draw(fixed_or(theme_id, "t-")))


def themes(*, theme_id: str | None = None) -> st.SearchStrategy[Theme]:
    """A theme (tema) with its grounding, disciplines, perspectives, levels and topics."""
    _args.check_id("theme_id", theme_id)
    return theme(theme_id)


# A purpose's texts, aims, levels and stakeholders.
_PURPOSE_BODY = st.tuples(
    st.sampled_from(_PURPOSE_TEXTS), members(tuple(Aim)), _LEVELS, members(tuple(Stakeholder))
)


@st.composite
def _purpose(draw: st.DrawFn, kinds: Sequence[PurposeKind]) -> Purpose:
    (sv, en), aims, levels, stakeholders = draw(_PURPOSE_BODY)
    return Purpose(
        kind=pick(draw, kinds),
        sv=sv,
        en=en,
        aims=aims,
        levels=levels,
        stakeholders=stakeholders,
    )


def purposes(*, kinds: Iterable[PurposeKind] | None = None) -> st.SearchStrategy[Purpose]:
    """A purpose (syfte) of the program, overall or specific, with its aims."""
    if kinds is None:
        return _ANY_PURPOSES
    return _purpose(_args.enum_pool("kinds", kinds, PurposeKind, PurposeKind))


_ANY_PURPOSES = _purpose(tuple(PurposeKind))


def organisers(
    *, municipalities: Iterable[str | Municipality] | None = None
) -> st.SearchStrategy[Organiser]:
    """An organiser (anordnare) with partner municipalities drawn from *municipalities*."""
    pool = _args.municipality_pool(municipalities)
    return st.builds(
        Organiser,
        name=st.just("CKS"),
        full_name=st.just("Centrum för kommunstrategiska studier"),
        university=st.just("Linköpings universitet"),
        site=st.none() | st.just("Campus Norrköping"),
        partner_municipalities=subsets(pool)
        if len(pool) <= 13
        else st.lists(st.sampled_from(pool), max_size=13, unique=True).map(tuple),
        partner_regions=st.lists(st.just("Region Östergötland"), max_size=1).map(tuple),
    )


@functools.cache
def _program_parts() -> st.SearchStrategy[tuple[Any, ...]]:
    """A program's short name, organiser, description, grounding, perspectives, purposes."""
    return st.tuples(
        st.none() | st.just("LiKO"),
        organisers(municipalities=county("05").municipalities),
        st.sampled_from(("", "En utbildning för högre kommunala chefer.")),
        _GROUNDING,
        _PERSPECTIVES,
        st.lists(_ANY_PURPOSES, max_size=3),
    )


@st.composite
def program(draw: st.DrawFn, program_id: str | None, min_themes: int, max_themes: int) -> Program:
    """A program with *program_id* (or a drawn one) and themes ``t-1``, ``t-2`` …."""
    count = min_themes + draw(upto(max_themes - min_themes))
    short_name, organiser, description, grounding, perspectives, aims = draw(_program_parts())
    return Program(
        id=draw(fixed_or(program_id, "prog-")),
        name="Ledarskap i kommuner",
        short_name=short_name,
        organiser=organiser,
        description_sv=description,
        grounding=grounding,
        perspectives=perspectives,
        purposes=tuple(aims),
        themes=tuple(make_theme(draw, f"t-{number}") for number in range(1, count + 1)),
    )


def programs(
    *, program_id: str | None = None, min_themes: int = 1, max_themes: int = 3
) -> st.SearchStrategy[Program]:
    """A program (utbildning) with purposes and between *min_themes* and *max_themes* themes.

    Theme ids (``t-1``, ``t-2`` …) are unique within the program, so sessions can refer
    to them.
    """
    _args.check_id("program_id", program_id)
    _args.check_range("min_themes", min_themes, "max_themes", max_themes)
    return program(program_id, min_themes, max_themes)


# A venue's name, address and whether it names its municipality.
_VENUE_PARTS = st.tuples(
    st.sampled_from(_VENUE_NAMES),
    st.none() | st.sampled_from(("Storgatan 1", "Kursgårdsvägen 12")),
    st.booleans(),
)


def make_venue(draw: st.DrawFn, pool: Sequence[Municipality]) -> Venue:
    """A venue, in one of *pool* or in no municipality named."""
    name, address, placed = draw(_VENUE_PARTS)
    return Venue(name=name, municipality=pick(draw, pool) if placed else None, address=address)


@st.composite
def _venue(draw: st.DrawFn, pool: Sequence[Municipality]) -> Venue:
    return make_venue(draw, pool)


@functools.cache
def _any_venue() -> st.SearchStrategy[Venue | None]:
    """No venue, or one in any of the 290 municipalities."""
    return st.none() | _venue(_args.municipality_pool(None))


def venues(
    *, municipalities: Iterable[str | Municipality] | None = None
) -> st.SearchStrategy[Venue]:
    """A course venue (kursgård) or meeting place, optionally in one of *municipalities*."""
    return _venue(_args.municipality_pool(municipalities))


_SESSION_KIND = st.sampled_from(SessionKind)


@functools.lru_cache(maxsize=64)
def _theme_choice(theme_ids: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(theme_ids), unique=True)


def make_session(
    draw: st.DrawFn, session_id: str, min_date: dt.date, max_date: dt.date, theme_ids: Sequence[str]
) -> Session:
    """A session *session_id* from *min_date* to *max_date*, taking up some of *theme_ids*."""
    kind = draw(_SESSION_KIND)
    low, high = _SESSION_DAYS[kind]
    span = (max_date - min_date).days + 1
    days = min(low, span) + draw(upto(min(high, span) - min(low, span)))
    start = day(draw, min_date, max_date - dt.timedelta(days=days - 1))
    online = kind is SessionKind.FOLLOW_UP and draw(st.booleans())
    chosen = draw(_theme_choice(tuple(theme_ids))) if theme_ids else []
    return Session(
        id=session_id,
        kind=kind,
        title=_SESSION_TITLES[kind],
        start=start,
        end=start + dt.timedelta(days=days - 1),
        venue=None if online else draw(_any_venue()),
        online=online,
        theme_ids=tuple(chosen),
        activities=draw(_ACTIVITIES),
    )


@st.composite
def session(
    draw: st.DrawFn,
    session_id: str | None,
    min_date: dt.date,
    max_date: dt.date,
    theme_ids: Sequence[str],
) -> Session:
    """A session from *min_date* to *max_date*, taking up some of *theme_ids*."""
    chosen = draw(fixed_or(session_id, "s-"))
    return make_session(draw, chosen, min_date, max_date, theme_ids)


def _ids(name: str, values: object) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise InvalidArgument(f"{name}={values!r} must be a sequence of ids")
    for value in values:
        _args.check_id(name, value)
    return list(dict.fromkeys(values))


def sessions(
    *,
    session_id: str | None = None,
    min_date: dt.date = _args.DEFAULT_MIN_DATE,
    max_date: dt.date = _args.DEFAULT_MAX_DATE,
    theme_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Session]:
    """A session (träff, internat or återträff) lying wholly between *min_date* and *max_date*.

    *theme_ids* are the theme ids the session may take up (by default, none).
    """
    _args.check_id("session_id", session_id)
    _args.check_dates(min_date, max_date)
    return session(session_id, min_date, max_date, _ids("theme_ids", theme_ids))


def support_groups(
    *, group_id: str | None = None, participant_ids: Sequence[str] | None = None
) -> st.SearchStrategy[SupportGroup]:
    """A support group (stödgrupp) of up to six participants, from *participant_ids* if given."""
    _args.check_id("group_id", group_id)
    pool = _ids("participant_ids", participant_ids)
    members = st.sampled_from(pool) if pool else identifiers(prefix="d-")
    return st.builds(
        SupportGroup,
        id=fixed_or(group_id, "g-"),
        name=st.sampled_from(("Stödgrupp 1", "Stödgrupp 2", "Stödgrupp 3", "Gruppen i öst")),
        participant_ids=st.lists(members, max_size=6, unique=True).map(tuple),
    )


def collaborations(
    *, municipalities: Iterable[str | Municipality] | None = None
) -> st.SearchStrategy[Collaboration]:
    """A collaborating municipality (samverkande kommun) of a cohort, with its kommunchef's id."""
    pool = _args.municipality_pool(municipalities)
    return st.builds(
        Collaboration,
        municipality=st.sampled_from(pool),
        chief_executive_id=st.none() | identifiers(prefix="p-"),
        mentor_capacity=st.integers(0, 3),
    )


@st.composite
def _cohort(
    draw: st.DrawFn,
    *,
    cohort_id: str | None,
    program_id: str | None,
    min_date: dt.date,
    max_date: dt.date,
    collaborating: st.SearchStrategy[list[Collaboration]],
    theme_ids: Sequence[str],
) -> Cohort:
    start = day(draw, min_date, max_date)
    end = day(draw, start, min(max_date, start + dt.timedelta(days=450)))
    count = draw(upto(4))
    earliest = max(_args.EARLIEST, start - dt.timedelta(days=180))
    return Cohort(
        id=draw(fixed_or(cohort_id, "c-")),
        program_id=draw(fixed_or(program_id, "prog-")),
        name=f"Omgång {start.year}",
        number=draw(_COHORT_NUMBER),
        start=start,
        end=end,
        application_deadline=day(draw, earliest, start) if draw(st.booleans()) else None,
        capacity=draw(_COHORT_CAPACITY),
        venue=draw(_any_venue()),
        collaborations=tuple(draw(collaborating)),
        sessions=tuple(
            make_session(draw, f"s-{number}", start, end, theme_ids)
            for number in range(1, count + 1)
        ),
    )


_COHORT_NUMBER = st.none() | st.integers(1, 20)
_COHORT_CAPACITY = st.none() | st.integers(1, 40)


def cohorts(
    *,
    cohort_id: str | None = None,
    program_id: str | None = None,
    min_date: dt.date = _args.DEFAULT_MIN_DATE,
    max_date: dt.date = _args.DEFAULT_MAX_DATE,
    municipalities: Iterable[str | Municipality] | None = None,
    theme_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Cohort]:
    """A cohort (omgång) lying between *min_date* and *max_date*, with sessions inside it.

    Collaborating municipalities are drawn from *municipalities*; sessions take up themes
    from *theme_ids*. Support groups are left empty: :func:`program_data` fills them with
    the cohort's participants.
    """
    _args.check_id("cohort_id", cohort_id)
    _args.check_id("program_id", program_id)
    _args.check_dates(min_date, max_date)
    return _cohort(
        cohort_id=cohort_id,
        program_id=program_id,
        min_date=min_date,
        max_date=max_date,
        collaborating=st.lists(
            collaborations(municipalities=municipalities),
            max_size=6,
            unique_by=lambda c: c.municipality,
        ),
        theme_ids=_ids("theme_ids", theme_ids),
    )


def participants(
    *,
    cohort: Cohort | str | None = None,
    person_id: str | None = None,
    appointment_id: str | None = None,
) -> st.SearchStrategy[Participant]:
    """A participant (deltagare), of *cohort* (a :class:`~ledarskap.model.Cohort` or its id)."""
    cohort_id = _args.id_of("cohort", cohort, Cohort)
    _args.check_id("person_id", person_id)
    _args.check_id("appointment_id", appointment_id)
    return st.builds(
        Participant,
        id=identifiers(prefix="d-"),
        person_id=fixed_or(person_id, "p-"),
        cohort_id=fixed_or(cohort_id, "c-"),
        appointment_id=fixed_or(appointment_id, "a-"),
        status=st.sampled_from(ParticipantStatus),
        application_id=st.none() | identifiers(prefix="ans-"),
    )


def mentors(
    *,
    cohort: Cohort | str | None = None,
    person_id: str | None = None,
    municipalities: Iterable[str | Municipality] | None = None,
) -> st.SearchStrategy[Mentor]:
    """A mentor (mentor), of *cohort* if given.

    With a :class:`~ledarskap.model.Cohort`, the mentor is the kommunchef of one of its
    collaborating municipalities that has one, with the collaboration's capacity.
    """
    _args.check_id("person_id", person_id)
    if not isinstance(cohort, Cohort):
        return st.builds(
            Mentor,
            id=identifiers(prefix="mentor-"),
            person_id=fixed_or(person_id, "p-"),
            cohort_id=fixed_or(_args.id_of("cohort", cohort, Cohort), "c-"),
            municipality=st.sampled_from(_args.municipality_pool(municipalities)),
            capacity=st.integers(1, 3),
        )
    pool = _args.municipality_pool(municipalities)
    mentors_ = [
        Mentor(
            id=f"mentor-{cohort.id}-{c.municipality.code}",
            person_id=person_id or c.chief_executive_id,
            cohort_id=cohort.id,
            municipality=c.municipality,
            capacity=c.mentor_capacity,
        )
        for c in cohort.collaborations
        if c.chief_executive_id and c.mentor_capacity > 0 and c.municipality in pool
    ]
    if not mentors_:
        raise InvalidArgument(
            f"cohort {cohort.id!r} has no collaborating municipality (of municipalities=) "
            "with a kommunchef and a mentor capacity"
        )
    return st.sampled_from(mentors_)


_REASONS = ("", "Adepten bytte tjänst.", "Mentorn fick förhinder.", "Ny mentor efter samtal.")
"""End reasons of generated mentorships that ended early: fictional, no personal data."""


def lifecycle(
    draw: st.DrawFn,
    start: dt.date,
    max_date: dt.date,
    status: MentorshipStatus,
    *,
    planned_end: dt.date | None = None,
) -> dict[str, Any]:
    """The fields of a mentorship's life in *status*, from *start* (to *max_date* at most).

    An end exactly when it is over, and who ended it and why only when it ended early. A
    completed mentorship ends on *planned_end* when one is given (the cohort's end).
    """
    fields: dict[str, Any] = {"status": status}
    if status is MentorshipStatus.COMPLETED:
        fields["end"] = planned_end or day(draw, start, max_date)
    elif status is MentorshipStatus.ENDED_EARLY:
        fields["end"] = day(draw, start, max_date)
        fields["ended_by"], fields["end_reason"] = draw(_ENDING)
    return fields


# Who ended a mentorship early (if known), and why.
_ENDING = st.tuples(st.none() | st.sampled_from(EndedBy), st.sampled_from(_REASONS))


@st.composite
def mentorship(
    draw: st.DrawFn,
    *,
    mentorship_id: str | None,
    mentor_id: str | None,
    participant_id: str | None,
    min_date: dt.date,
    max_date: dt.date,
    ongoing: bool | None,
    statuses: tuple[MentorshipStatus, ...],
) -> Mentorship:
    """A mentorship starting and (when over) ending between *min_date* and *max_date*."""
    start = day(draw, min_date, max_date)
    status = pick(draw, [s for s in statuses if ongoing is None or s.over is not ongoing])
    return Mentorship(
        id=draw(fixed_or(mentorship_id, "ms-")),
        mentor_id=draw(fixed_or(mentor_id, "mentor-")),
        participant_id=draw(fixed_or(participant_id, "d-")),
        start=start,
        **lifecycle(draw, start, max_date, status),
    )


def mentorships(
    *,
    mentor: Mentor | str | None = None,
    participant: Participant | str | None = None,
    min_date: dt.date = _args.DEFAULT_MIN_DATE,
    max_date: dt.date = _args.DEFAULT_MAX_DATE,
    ongoing: bool | None = None,
    statuses: Iterable[MentorshipStatus] | None = None,
) -> st.SearchStrategy[Mentorship]:
    """A mentorship (mentor and adept) lying between *min_date* and *max_date*.

    Pass a cohort's dates as the bounds to keep the mentorship inside the cohort.
    *ongoing* forces whether the mentorship lasts (proposed or active, no ``end``) or is
    over (completed or ended early, with an ``end``); *statuses* limits the states of its
    life drawn (all by default). Every mentorship drawn keeps the lifecycle's rules: an
    ``end`` exactly when it is over, who ended it and why only when it ended early.

    .. versionchanged:: 0.3
       Mentorships in every state of their life; *statuses*.
    """
    mentor_id = _args.id_of("mentor", mentor, Mentor)
    participant_id = _args.id_of("participant", participant, Participant)
    _args.check_dates(min_date, max_date)
    _args.check_flag("ongoing", ongoing)
    chosen = tuple(_args.enum_pool("statuses", statuses, MentorshipStatus, MentorshipStatus))
    if not any(ongoing is None or s.over is not ongoing for s in chosen):
        raise InvalidArgument(
            f"ongoing={ongoing!r} leaves none of statuses="
            f"{sorted(s.value for s in chosen)!r}: a mentorship that lasts is proposed or "
            "active, one that is over is completed or ended early"
        )
    return mentorship(
        mentorship_id=None,
        mentor_id=mentor_id,
        participant_id=participant_id,
        min_date=min_date,
        max_date=max_date,
        ongoing=ongoing,
        statuses=chosen,
    )


# A meeting's kind, status and notes (one choice), and its length; held or not (a
# proposed mentorship's are not).
_MEETING_PARTS = {
    held: st.tuples(
        st.sampled_from(
            list(
                itertools.product(
                    MeetingKind,
                    [s for s in MeetingStatus if held or s is not MeetingStatus.HELD],
                    _NOTES,
                )
            )
        ),
        st.none() | st.integers(15, 240),
    )
    for held in (True, False)
}


def make_meeting(
    draw: st.DrawFn,
    meeting_id: str,
    mentorship_id: str,
    min_date: dt.date,
    max_date: dt.date,
    *,
    held: bool = True,
) -> MentorMeeting:
    """A meeting *meeting_id* of *mentorship_id* on a day from *min_date* to *max_date*.

    Unless *held*, only a planned or cancelled one (a proposed mentorship has held none).
    """
    (kind, status, notes), minutes = draw(_MEETING_PARTS[held])
    return MentorMeeting(
        id=meeting_id,
        mentorship_id=mentorship_id,
        on=day(draw, min_date, max_date),
        kind=kind,
        status=status,
        duration_minutes=minutes,
        notes=notes,
    )


@st.composite
def _meeting(
    draw: st.DrawFn, mentorship_id: str | None, min_date: dt.date, max_date: dt.date, held: bool
) -> MentorMeeting:
    meeting_id = draw(identifiers(prefix="mm-"))
    of = draw(fixed_or(mentorship_id, "ms-"))
    return make_meeting(draw, meeting_id, of, min_date, max_date, held=held)


def mentor_meetings(
    *,
    mentorship: Mentorship | str | None = None,
    min_date: dt.date = _args.DEFAULT_MIN_DATE,
    max_date: dt.date = _args.DEFAULT_MAX_DATE,
) -> st.SearchStrategy[MentorMeeting]:
    """A mentor meeting (mentorsträff), inside *mentorship*'s dates when it is given.

    A meeting of a proposed mentorship is planned or cancelled, never held.
    """
    _args.check_dates(min_date, max_date)
    mentorship_id = _args.id_of("mentorship", mentorship, Mentorship)
    held = True
    if isinstance(mentorship, Mentorship):
        held = mentorship.status is not MentorshipStatus.PROPOSED
        min_date = max(min_date, mentorship.start)
        max_date = min(max_date, mentorship.end or max_date)
        if min_date > max_date:
            raise InvalidArgument(
                f"mentorship {mentorship.id!r} has no day between min_date and max_date"
            )
    return _meeting(mentorship_id, min_date, max_date, held)
