"""Calendars (ledarskap.calendar): iCalendar files parsed back with icalendar."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path

import attrs
import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarskap import calendar as calendar_module
from ledarskap import example_program
from ledarskap.calendar import UID_DOMAIN, cohort_calendar, session_uid, write_cohort_calendar
from ledarskap.errors import (
    DocumentError,
    FileAccessError,
    InvalidValueError,
    MissingDependencyError,
    UnknownReferenceError,
    UsageError,
)
from ledarskap.mentoring import Cadence, cohort_plans
from ledarskap.model import MeetingStatus, MentorMeeting, Person, ProgramData
from ledarskap.testing import program_data

DATA = example_program()
COHORT = "liko-2025"
STAMP = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 6, 2, 8, 30, tzinfo=dt.UTC)


def parse(content: bytes) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(content)
    assert isinstance(calendar, icalendar.Calendar)
    return calendar


def events_by_uid(content: bytes) -> dict[str, icalendar.Event]:
    events = parse(content).events
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids)), "a UID repeats"
    return {str(event["UID"]): event for event in events}


def summary_of(event: icalendar.Event) -> str:
    return str(event["SUMMARY"])


def meeting_uid(content: bytes, meeting_id: str) -> str:
    key = calendar_module.meeting_uid(meeting_id)
    assert key in events_by_uid(content)
    return key


# What the file holds ---------------------------------------------------------------------


def test_the_cohort_calendar_holds_its_sessions_and_recorded_meetings() -> None:
    update = cohort_calendar(DATA, COHORT, stamp=STAMP)
    events = events_by_uid(update.content)
    cohort = DATA.cohort(COHORT)
    recorded = DATA.meetings  # all of the example program's are this cohort's
    assert len(events) == len(cohort.sessions) + len(recorded) == len(update.added)
    assert all(key.endswith(f"@{UID_DOMAIN}") for key in events)
    calendar = parse(update.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "Omgång 2025/26: träffar och mentorsträffar"
    for event in events.values():
        assert event.decoded("DTSTAMP") == STAMP
        assert event.sequence == 0


def test_a_session_is_an_all_day_event_without_attendees() -> None:
    events = events_by_uid(cohort_calendar(DATA, COHORT, stamp=STAMP, language="en").content)
    internat = events[session_uid(COHORT, "s1")]
    assert summary_of(internat).startswith("Uppstartsinternat")
    assert internat.decoded("DTSTART") == dt.date(2025, 9, 17)
    assert internat.decoded("DTEND") == dt.date(2025, 9, 20)  # exclusive: the 19th is the last day
    assert str(internat["LOCATION"]) == "Kursgården vid Roxen, Linköping, Roxenvägen 40"
    assert str(internat["DESCRIPTION"]) == "Omgång 2025/26: residential session"
    assert "ATTENDEE" not in internat
    online = next(e for e in events.values() if summary_of(e) == "Digital återträff")
    assert str(online["LOCATION"]) == "Online"


def test_a_meeting_has_its_mentor_as_chair_and_its_adept_as_participant() -> None:
    update = cohort_calendar(DATA, COHORT, stamp=STAMP)
    event = events_by_uid(update.content)[meeting_uid(update.content, "mm-001-1")]
    pair = DATA.mentorship("ms-001")
    mentor = DATA.person(DATA.mentor(pair.mentor_id).person_id)
    adept = DATA.person(DATA.participant(pair.participant_id).person_id)
    attendees = {str(a.params["ROLE"]): a for a in event.attendees}
    assert set(attendees) == {"CHAIR", "REQ-PARTICIPANT"}
    assert str(attendees["CHAIR"]) == f"mailto:{mentor.email}"
    assert attendees["CHAIR"].params["CN"] == mentor.name
    assert attendees["REQ-PARTICIPANT"].params["CN"] == adept.name
    assert summary_of(event) == f"Mentorsträff: {adept.name} och {mentor.name}"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("DTSTART") == dt.date(2025, 10, 9)


def test_a_cancelled_meeting_is_cancelled_and_a_planned_one_tentative() -> None:
    cancelled = next(m for m in DATA.meetings if m.status is MeetingStatus.CANCELLED)
    plans = [p for p in cohort_plans(DATA, COHORT) if p.mentorship_id == "ms-001"]
    update = cohort_calendar(DATA, COHORT, stamp=STAMP, plans=plans, sessions=False)
    events = events_by_uid(update.content)
    assert str(events[meeting_uid(update.content, cancelled.id)]["STATUS"]) == "CANCELLED"
    planned = events[meeting_uid(update.content, "ms-001.plan-2")]
    assert str(planned["STATUS"]) == "TENTATIVE"
    assert planned.decoded("DTSTART") == dt.date(2025, 10, 29)
    recorded = sum(1 for m in DATA.meetings if m.mentorship_id.startswith("ms-"))
    assert len(events) == recorded + len(plans[0].meetings)


def test_a_recorded_meeting_wins_over_the_plan_meeting_of_the_same_id() -> None:
    plan = next(p for p in cohort_plans(DATA, COHORT) if p.mentorship_id == "ms-001")
    first = attrs.evolve(plan.as_meetings()[0], status=MeetingStatus.HELD)
    data = attrs.evolve(DATA, meetings=(*DATA.meetings, first))
    update = cohort_calendar(data, COHORT, stamp=STAMP, plans=[plan], sessions=False)
    event = events_by_uid(update.content)[meeting_uid(update.content, first.id)]
    assert str(event["STATUS"]) == "CONFIRMED"


def test_meetings_at_a_time_of_day_are_timed_events_in_stockholm_time() -> None:
    update = cohort_calendar(DATA, COHORT, stamp=STAMP, at=dt.time(9, 30), sessions=False)
    calendar = parse(update.content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    event = events_by_uid(update.content)[meeting_uid(update.content, "mm-001-5")]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.replace(tzinfo=None) == dt.datetime(2026, 4, 23, 9, 30)
    assert start.utcoffset() == dt.timedelta(hours=2)  # summer time
    assert end - start == dt.timedelta(minutes=60)  # the meeting's recorded duration
    helsinki = cohort_calendar(DATA, COHORT, stamp=STAMP, at=dt.time(9), timezone="Europe/Helsinki")
    assert b"TZID=Europe/Helsinki" in helsinki.content


def test_only_the_given_meetings_when_meetings_are_given() -> None:
    chosen = [m for m in DATA.meetings if m.mentorship_id == "ms-002"]
    update = cohort_calendar(DATA, COHORT, stamp=STAMP, meetings=chosen, sessions=False)
    assert len(update.added) == len(chosen)


def test_a_calendar_holds_names_and_addresses_but_no_other_personal_data() -> None:
    """Personal data: no personnummer, phone, notes or ids; a person without an address
    is no attendee (an address made of the id could be undone by trying ids)."""
    pair = DATA.mentorship("ms-001")
    adept_id = DATA.participant(pair.participant_id).person_id
    people = tuple(
        attrs.evolve(p, email=None, phone="070-123 45 67", personnummer="198503122395")
        if p.id == adept_id
        else p
        for p in DATA.people
    )
    meetings = tuple(
        attrs.evolve(m, notes="Hemligt: 19850312-2395") if m.mentorship_id == "ms-001" else m
        for m in DATA.meetings
    )
    data = attrs.evolve(DATA, people=people, meetings=meetings)
    content = cohort_calendar(data, COHORT, stamp=STAMP).content
    text = content.decode()
    for secret in ("19850312", "8503122395", "070-123", "Hemligt", "ms-001", "mm-001", adept_id):
        assert secret not in text
    event = events_by_uid(content)[meeting_uid(content, "mm-001-1")]
    assert [a.params["ROLE"] for a in event.attendees] == ["CHAIR"]
    assert DATA.person(adept_id).name in str(event["SUMMARY"])


# Updating a calendar ---------------------------------------------------------------------


def test_exporting_an_updated_plan_updates_the_same_events(tmp_path: Path) -> None:
    target = tmp_path / "omgang.ics"
    three = ("ms-001", "ms-002", "ms-003")  # three pairs keep the test quick
    plans = cohort_plans(DATA, COHORT, Cadence(every_weeks=6))[:3]
    recorded = [m for m in DATA.meetings if m.mentorship_id in three]
    first = write_cohort_calendar(target, DATA, COHORT, plans=plans, meetings=recorded, stamp=STAMP)
    before = events_by_uid(target.read_bytes())
    moved = plans[0].meetings[2].on  # exclude the third meeting of ms-001
    excluded = Cadence(every_weeks=6, excluded={moved})
    changed_plans = (cohort_plans(DATA, COHORT, excluded)[0], *plans[1:])
    # and a meeting that changes: recorded as cancelled since
    changed_records = [
        attrs.evolve(m, status=MeetingStatus.CANCELLED) if m.id == "mm-002-1" else m
        for m in recorded
    ]
    second = write_cohort_calendar(
        target, DATA, COHORT, plans=changed_plans, meetings=changed_records, stamp=LATER
    )
    after = events_by_uid(target.read_bytes())
    dropped = meeting_uid(first.content, plans[0].meeting_id(3))
    changed = meeting_uid(first.content, "mm-002-1")
    assert set(after) == set(before)  # same UIDs, none duplicated, none lost
    assert second.cancelled == (dropped,)
    assert second.changed == (changed,)
    assert second.added == ()
    assert len(second.unchanged) == len(before) - 2
    assert str(after[dropped]["STATUS"]) == "CANCELLED"
    assert after[dropped].sequence == 1
    assert after[dropped].decoded("DTSTAMP") == LATER
    assert str(after[changed]["STATUS"]) == "CANCELLED"
    assert after[changed].sequence == 1
    for key in second.unchanged:
        assert after[key].sequence == 0
        assert after[key].decoded("DTSTAMP") == STAMP
    third = write_cohort_calendar(
        target, DATA, COHORT, plans=changed_plans, meetings=changed_records, stamp=LATER
    )
    assert third.cancelled == third.changed == third.added == ()
    restored = write_cohort_calendar(
        target, DATA, COHORT, plans=plans, meetings=recorded, stamp=LATER
    )
    assert set(restored.changed) == {dropped, changed}
    final = events_by_uid(target.read_bytes())
    assert final[dropped].sequence == 2
    assert str(final[dropped]["STATUS"]) == "TENTATIVE"


def test_exporting_the_same_calendar_again_changes_not_a_byte(tmp_path: Path) -> None:
    target = tmp_path / "omgang.ics"
    plans = cohort_plans(DATA, COHORT)
    write_cohort_calendar(target, DATA, COHORT, plans=plans, at=dt.time(14), stamp=STAMP)
    first = target.read_bytes()
    update = write_cohort_calendar(target, DATA, COHORT, plans=plans, at=dt.time(14), stamp=LATER)
    assert target.read_bytes() == first
    assert update.changed == update.added == update.cancelled == ()


def test_a_new_time_of_day_changes_every_meeting_but_no_session() -> None:
    first = cohort_calendar(DATA, COHORT, stamp=STAMP)
    second = cohort_calendar(DATA, COHORT, stamp=LATER, at=dt.time(10), previous=first.content)
    assert len(second.changed) == len(DATA.meetings)
    assert len(second.unchanged) == len(DATA.cohort(COHORT).sessions)


def test_other_tools_events_are_kept_as_they_are() -> None:
    first = cohort_calendar(DATA, COHORT, stamp=STAMP, sessions=False)
    calendar = parse(first.content)
    foreign = icalendar.Event()
    foreign.add("uid", "lunch-1@example.org")
    foreign.add("summary", "Lunch")
    foreign.add("dtstart", dt.date(2026, 1, 1))
    foreign.add("dtstamp", STAMP)
    calendar.add_component(foreign)
    second = cohort_calendar(DATA, COHORT, stamp=LATER, sessions=False, previous=calendar.to_ical())
    assert second.kept == ("lunch-1@example.org",)
    assert summary_of(events_by_uid(second.content)["lunch-1@example.org"]) == "Lunch"


def test_other_tools_to_dos_and_notes_are_kept_too() -> None:
    calendar = parse(cohort_calendar(DATA, COHORT, stamp=STAMP, sessions=False).content)
    todo = icalendar.Todo()
    todo.add("uid", "todo-1@example.org")
    todo.add("summary", "Boka lokal")
    todo.add("dtstamp", STAMP)
    calendar.add_component(todo)
    second = cohort_calendar(DATA, COHORT, stamp=LATER, sessions=False, previous=calendar.to_ical())
    assert second.kept == ("todo-1@example.org",)
    (kept,) = parse(second.content).todos
    assert (str(kept["UID"]), str(kept["SUMMARY"])) == ("todo-1@example.org", "Boka lokal")


def test_a_calendar_with_no_event_holds_its_time_zone() -> None:
    """RFC 5545: a calendar holds at least one component."""
    update = cohort_calendar(DATA, COHORT, stamp=STAMP, sessions=False, meetings=[])
    (component,) = parse(update.content).subcomponents
    assert (component.name, str(component["TZID"])) == ("VTIMEZONE", "Europe/Stockholm")


def test_data_wrongly_given_is_named() -> None:
    with pytest.raises(UsageError, match=r"cohort_calendar\(data\): expected a ProgramData"):
        cohort_calendar(None, COHORT, stamp=STAMP)  # type: ignore[arg-type]
    with pytest.raises(UnknownReferenceError, match="cohorts"):
        cohort_calendar(DATA, [COHORT], stamp=STAMP)  # type: ignore[arg-type]


def _one_meeting(data: ProgramData, **changes: object) -> MentorMeeting:
    first = next(m for m in data.meetings if m.id == "mm-001-1")
    return attrs.evolve(first, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["A\x00B\x1b[31mC\x07\x7f", "Sal \u202eA1\u202c", "Rad\x0bett\x85två"]
)
def test_control_characters_never_reach_the_file(text: str) -> None:
    """RFC 5545 text holds no control character; a bidirectional override would make a
    summary show other than it says. Each becomes U+FFFD."""
    cohort = DATA.cohort(COHORT)
    session = attrs.evolve(cohort.sessions[0], title=text)
    person = attrs.evolve(DATA.people[0], given_name=text)
    data = attrs.evolve(
        DATA,
        cohorts=(attrs.evolve(cohort, sessions=(session, *cohort.sessions[1:])),),
        people=(person, *DATA.people[1:]),
    )
    content = cohort_calendar(data, COHORT, stamp=STAMP).content
    unsafe = [*range(0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), *range(0x7F, 0xA0)]
    decoded = content.decode()
    assert not [c for c in decoded if ord(c) in unsafe or 0x202A <= ord(c) <= 0x202E]
    assert "\ufffd" in decoded
    parse(content)


def test_a_cohorts_name_with_control_characters_names_the_calendar_safely() -> None:
    cohort = attrs.evolve(DATA.cohort(COHORT), name="Omgång\x1b[31m \u202eevil")
    content = cohort_calendar(
        attrs.evolve(DATA, cohorts=(cohort,)), COHORT, stamp=STAMP, sessions=False, meetings=[]
    ).content.decode()
    assert "\x1b" not in content
    assert "\u202e" not in content
    assert "X-WR-CALNAME:Omgång\ufffd[31m \ufffdevil" in content


def test_an_e_mail_address_with_a_control_character_is_no_address() -> None:
    with pytest.raises(InvalidValueError, match="e-mail"):
        attrs.evolve(DATA.people[0], email="anna\x1b@example.se")


@pytest.mark.parametrize(
    ("day", "at", "start", "end"),
    [
        # 90 minutes from 01:30 on the night summer time ends: 02:00 the second time.
        (dt.date(2025, 10, 26), dt.time(1, 30), "20251026T013000", "DURATION:PT1H30M"),
        (dt.date(2025, 10, 26), dt.time(2), "20251026T020000", "DURATION:PT1H30M"),
        # 90 minutes from 01:30 the night it begins: 04:00, the hour from 02:00 skipped.
        (dt.date(2026, 3, 29), dt.time(1, 30), "20260329T013000", "20260329T040000"),
        (dt.date(2026, 3, 30), dt.time(9), "20260330T090000", "20260330T103000"),
    ],
)
def test_a_meeting_lasts_its_minutes_across_a_change_of_summer_time(
    day: dt.date, at: dt.time, start: str, end: str
) -> None:
    meeting = _one_meeting(DATA, on=day)
    content = cohort_calendar(
        DATA, COHORT, stamp=STAMP, sessions=False, meetings=[meeting], at=at
    ).content.decode()
    assert f"DTSTART;TZID=Europe/Stockholm:{start}" in content
    assert (end if end.startswith("DURATION") else f"DTEND;TZID=Europe/Stockholm:{end}") in content
    (event,) = parse(content.encode()).events
    start = event.decoded("DTSTART").astimezone(dt.UTC)
    if "DTEND" in event:  # its clock time read as a calendar reads it: 90 real minutes on
        assert event.decoded("DTEND").astimezone(dt.UTC) - start == dt.timedelta(minutes=90)
    else:  # RFC 5545: a duration in hours and minutes is exact
        assert event.decoded("DURATION") == dt.timedelta(minutes=90)


def test_the_time_zone_covers_every_meeting_of_the_calendar() -> None:
    meeting = _one_meeting(DATA, on=dt.date(2040, 6, 14))
    content = cohort_calendar(
        DATA, COHORT, stamp=STAMP, sessions=False, meetings=[meeting], at=dt.time(9)
    ).content.decode()
    unfolded = content.replace("\r\n ", "")
    assert "2038-01-01" not in unfolded
    assert "20401028T030000" in unfolded  # the zone's change back in October 2040


def test_the_last_day_there_is() -> None:
    meeting = _one_meeting(DATA, on=dt.date.max)
    content = cohort_calendar(DATA, COHORT, stamp=STAMP, sessions=False, meetings=[meeting])
    assert b"DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D" in content.content
    late = _one_meeting(DATA, on=dt.date.max)
    with pytest.raises(InvalidValueError, match="between the years 1 and 9999"):
        cohort_calendar(
            DATA, COHORT, stamp=STAMP, sessions=False, meetings=[late], at=dt.time(23, 30)
        )
    long = _one_meeting(DATA, duration_minutes=10**12)
    with pytest.raises(InvalidValueError, match="between the years 1 and 9999"):
        cohort_calendar(DATA, COHORT, stamp=STAMP, sessions=False, meetings=[long], at=dt.time(9))


def test_an_event_already_cancelled_stays_as_it_is() -> None:
    chosen = [m for m in DATA.meetings if m.mentorship_id == "ms-003"]
    first = cohort_calendar(DATA, COHORT, stamp=STAMP, meetings=chosen, sessions=False)
    second = cohort_calendar(
        DATA, COHORT, stamp=LATER, meetings=chosen[1:], sessions=False, previous=first.content
    )
    third = cohort_calendar(
        DATA, COHORT, stamp=LATER, meetings=chosen[1:], sessions=False, previous=second.content
    )
    assert len(second.cancelled) == 1
    assert third.cancelled == ()
    assert third.content == second.content


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(program_data(max_cohorts=1, max_participants=4))
def test_a_calendar_is_a_fixed_point_of_its_own_update(data: ProgramData) -> None:
    """Law: a cohort's calendar has one event per session and per meeting, each UID once,
    and exporting it again over itself changes nothing."""
    cohort = data.cohorts[0]
    plans = cohort_plans(data, cohort.id, Cadence(every_weeks=4))
    first = cohort_calendar(data, cohort.id, plans=plans, stamp=STAMP)
    events = events_by_uid(first.content)
    planned = {m.id for p in plans for m in p.as_meetings()} - {m.id for m in data.meetings}
    assert len(events) == len(cohort.sessions) + len(data.meetings) + len(planned)
    again = cohort_calendar(data, cohort.id, plans=plans, stamp=LATER, previous=first.content)
    assert again.content == first.content
    assert Counter(map(str, parse(again.content).events)) == Counter(
        map(str, parse(first.content).events)
    )


# Bad input and the extra -----------------------------------------------------------------


def test_a_file_that_is_not_a_calendar_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "anteckningar.ics"
    target.write_text("Mina anteckningar\n")
    with pytest.raises(DocumentError, match="iCalendar") as caught:
        write_cohort_calendar(target, DATA, COHORT, stamp=STAMP)
    assert caught.value.problems[0].source == str(target)
    assert target.read_text() == "Mina anteckningar\n"
    event_only = icalendar.Event()
    event_only.add("uid", "x@example.org")
    with pytest.raises(DocumentError, match="one calendar"):
        cohort_calendar(DATA, COHORT, stamp=STAMP, previous=event_only.to_ical())


def damaged(*lines: str, uid: str = "meeting-0@" + UID_DOMAIN, events: int = 1) -> bytes:
    event = ["BEGIN:VEVENT", f"UID:{uid}", *lines, "END:VEVENT"]
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//y//", *event * events, "END:VCALENDAR"]
    return ("\r\n".join(body) + "\r\n").encode()


GOOD = ("DTSTART;VALUE=DATE:20251009", "DTSTAMP:20250101T000000Z")


@pytest.mark.parametrize(
    ("previous", "problem"),
    [
        (damaged("SEQUENCE:x", *GOOD), "expected one SEQUENCE"),
        (damaged("SEQUENCE:-3", *GOOD), "expected one SEQUENCE"),
        (damaged("SEQUENCE:1", "SEQUENCE:2", *GOOD), "expected one SEQUENCE"),
        (damaged("DTSTART;VALUE=DATE:20251009"), "expected one DTSTAMP"),
        (damaged("DTSTAMP:garbage", "DTSTART;VALUE=DATE:20251009"), "expected one DTSTAMP"),
        (damaged("DTSTAMP:20250101T000000Z"), "expected one DTSTART"),
        (damaged("DTSTART:garbage", "DTSTAMP:20250101T000000Z"), "expected one DTSTART"),
        (damaged("STATUS:CANCELLED", "STATUS:CONFIRMED", *GOOD), "expected at most one STATUS"),
        (damaged(*GOOD, events=2), "expected each UID once"),
    ],
)
def test_an_event_of_the_library_it_cannot_read_is_named_and_the_file_left(
    tmp_path: Path, previous: bytes, problem: str
) -> None:
    target = tmp_path / "omgang.ics"
    target.write_bytes(previous)
    with pytest.raises(DocumentError, match="a calendar event the update cannot read") as caught:
        write_cohort_calendar(target, DATA, COHORT, stamp=STAMP)
    assert any(problem in p.message for p in caught.value.problems)
    assert caught.value.problems[0].path.startswith("VEVENT[")
    assert caught.value.problems[0].source == str(target)
    assert target.read_bytes() == previous


SMALL = attrs.evolve(
    DATA,
    meetings=DATA.meetings[:2],
    cohorts=(attrs.evolve(DATA.cohorts[0], sessions=DATA.cohorts[0].sessions[:1]),),
)
_LINES = [
    line
    for line in cohort_calendar(SMALL, COHORT, stamp=STAMP).content.split(b"\r\n")
    if line and not line.startswith((b"BEGIN", b"END"))
] + [
    b"SEQUENCE:x",
    b"SEQUENCE:-5",
    b"DTSTAMP:garbage",
    b"DTSTART;VALUE=DATE:20251301",
    b"DTSTART;TZID=Nowhere/X:20250101T100000",
    b"STATUS:cancelled",
    b"SUMMARY:\\",
]
_UIDS = [
    b"UID:" + calendar_module.meeting_uid(SMALL.meetings[0].id).encode(),
    b"UID:" + calendar_module.meeting_uid("gone").encode(),
    b"UID:lunch@example.org",
]
_EVENTS = st.tuples(st.sampled_from(_UIDS), st.lists(st.sampled_from(_LINES), max_size=12)).map(
    lambda parts: b"\r\n".join([b"BEGIN:VEVENT", parts[0], *parts[1], b"END:VEVENT"])
)
_CALENDARS = st.lists(_EVENTS, max_size=4).map(
    lambda events: b"\r\n".join(
        [b"BEGIN:VCALENDAR", b"VERSION:2.0", *events, b"END:VCALENDAR", b""]
    )
)


@settings(max_examples=60)
@given(previous=_CALENDARS | st.binary(max_size=100))
def test_any_previous_text_updates_or_is_refused_by_name(previous: bytes) -> None:
    """Law: over any previous text the update gives a calendar, or a DocumentError naming the
    problems (never another exception), and what it gives the next update reads."""
    refused: DocumentError | None = None
    try:
        update = cohort_calendar(SMALL, COHORT, stamp=STAMP, previous=previous)
    except DocumentError as caught:
        refused = caught
    if refused is not None:
        assert refused.problems, "a refusal names its problems"
        return
    again = cohort_calendar(SMALL, COHORT, stamp=LATER, previous=update.content)
    assert again.content == update.content


def test_other_tools_events_are_not_read_at_all() -> None:
    previous = damaged("SEQUENCE:x", uid="lunch@example.org")
    update = cohort_calendar(DATA, COHORT, stamp=STAMP, sessions=False, previous=previous)
    assert update.kept == ("lunch@example.org",)


def test_a_path_that_is_no_path_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="expected a file path"):
        write_cohort_calendar(42, DATA, COHORT, stamp=STAMP)  # type: ignore[arg-type]


def test_a_calendar_file_is_checked_before_it_is_read(tmp_path: Path) -> None:
    """A name that is not .ics, a device (which never ends) and a FIFO (which would wait for
    a writer) are refused before a byte is read, as every writer refuses them."""
    with pytest.raises(UsageError, match=r"ending \.ics, found '\.json'"):
        write_cohort_calendar(tmp_path / "omgang.json", DATA, COHORT, stamp=STAMP)
    device = tmp_path / "device.ics"
    device.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.ics"
    os.mkfifo(fifo)
    for path in (device, fifo):
        with pytest.raises(FileAccessError, match="not a regular file"):
            write_cohort_calendar(path, DATA, COHORT, stamp=STAMP)
    with pytest.raises(FileAccessError, match="File name too long"):  # found by the sweep
        write_cohort_calendar(tmp_path / ("x" * 300 + ".ics"), DATA, COHORT, stamp=STAMP)
    assert device.is_symlink()
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["device.ics", "fifo.ics"]


def test_a_calendar_is_written_atomically_through_the_write_policy(tmp_path: Path) -> None:
    folder = tmp_path / "folder.ics"
    folder.mkdir()
    with pytest.raises(FileAccessError, match="it is a folder"):
        write_cohort_calendar(folder, DATA, COHORT, stamp=STAMP)
    read_only = tmp_path / "read-only.ics"
    write_cohort_calendar(read_only, DATA, COHORT, stamp=STAMP)
    read_only.chmod(0o444)
    with pytest.raises(FileAccessError, match="read-only"):
        write_cohort_calendar(read_only, DATA, COHORT, stamp=LATER, at=dt.time(9))
    link = tmp_path / "link.ics"
    link.symlink_to(read_only.name)
    read_only.chmod(0o644)
    write_cohort_calendar(link, DATA, COHORT, stamp=LATER, at=dt.time(9))
    assert link.is_symlink()
    assert b"T090000" in read_only.read_bytes()


@pytest.mark.parametrize(
    ("options", "where"),
    [
        ({"stamp": dt.datetime(2026, 1, 1)}, r"cohort_calendar\(stamp\)"),
        ({"stamp": "2026-01-01"}, r"cohort_calendar\(stamp\)"),
        ({"stamp": None}, r"cohort_calendar\(stamp\)"),
        ({"at": "09:00"}, r"cohort_calendar\(at\)"),
        ({"at": dt.time(9), "timezone": "Europe/Linköping"}, r"cohort_calendar\(timezone\)"),
        ({"language": "de"}, "language"),
        ({"stamp": dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))}, "stamp"),
        ({"plans": None}, r"cohort_calendar\(plans\)"),
        ({"plans": [1]}, r"cohort_calendar\(plans\)\[0\]"),
        ({"meetings": [1]}, r"cohort_calendar\(meetings\)\[0\]"),
        ({"meetings": "mm-001"}, r"cohort_calendar\(meetings\)"),
        ({"previous": [b"BEGIN:VCALENDAR"]}, r"cohort_calendar\(previous\)"),
        ({"sessions": "yes"}, r"cohort_calendar\(sessions\)"),
        ({"at": dt.time(9, tzinfo=dt.UTC)}, r"cohort_calendar\(at\): expected a time without"),
        ({"timezone": "Mars/Olympus"}, r"cohort_calendar\(timezone\)"),
    ],
)
def test_wrong_options_are_named(options: dict[str, object], where: str) -> None:
    with pytest.raises(InvalidValueError, match=where):
        cohort_calendar(DATA, COHORT, **{"stamp": STAMP, **options})  # type: ignore[arg-type]


def test_the_stamp_is_required() -> None:
    """The library never reads the clock: a calendar without its DTSTAMP is refused."""
    with pytest.raises(TypeError, match="stamp"):
        cohort_calendar(DATA, COHORT)  # type: ignore[call-arg]


def test_an_unknown_cohort_is_named() -> None:
    with pytest.raises(UnknownReferenceError, match="c-none"):
        cohort_calendar(DATA, "c-none", stamp=STAMP)


def test_the_calendar_does_not_depend_on_the_clock() -> None:
    """The same data and stamp give the same bytes, whenever the calendar is made."""
    first = cohort_calendar(DATA, COHORT, stamp=STAMP).content
    assert cohort_calendar(DATA, COHORT, stamp=STAMP).content == first
    event = parse(first).events[0]
    assert event.decoded("DTSTAMP") == STAMP


def test_without_the_extra_the_message_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'ledarskap\[calendar\]'"):
        cohort_calendar(DATA, COHORT, stamp=STAMP)


def test_importing_the_calendar_module_does_not_import_icalendar() -> None:
    code = "import sys, ledarskap.calendar; sys.exit('icalendar' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_meetings_of_people_without_records_are_named() -> None:
    orphan = MentorMeeting(
        id="mm-x",
        mentorship_id="ms-none",
        on=dt.date(2025, 10, 1),
        kind=DATA.meetings[0].kind,
    )
    with pytest.raises(UnknownReferenceError, match="ms-none"):
        cohort_calendar(DATA, COHORT, stamp=STAMP, meetings=[orphan])
    assert isinstance(DATA.people[0], Person)


def test_a_previous_file_that_is_no_calendar_in_swedish() -> None:
    with pytest.raises(DocumentError) as caught:
        cohort_calendar(DATA, COHORT, stamp=STAMP, previous=b"BEGIN:VEVENT\r\nEND:VEVENT\r\n")
    assert caught.value.render("sv") == (
        "ingen kalender: den lämnas som den är (1 problem)\n"
        "  - (översta nivån): förväntade en enda kalender (VCALENDAR) som hela texten"
    )
    assert str(caught.value).startswith("not a calendar: it is left as it is (1 problem)\n")
    with pytest.raises(InvalidValueError) as zone:
        cohort_calendar(DATA, COHORT, stamp=STAMP, at=dt.time(9), timezone="Europe/Linköping")
    assert zone.value.render("sv") == (
        "cohort_calendar(timezone): förväntade namnet på en IANA-tidszon, till exempel "
        "'Europe/Stockholm', fick 'Europe/Linköping'"
    )
