"""Calendars: a cohort's sessions and mentor meetings as iCalendar (RFC 5545) files.

:func:`cohort_calendar` makes the calendar of a cohort: its sessions (träffar, internat,
återträffar) and its mentor meetings, the recorded ones and those of meeting plans
(:mod:`ledarskap.mentoring.plans`); :func:`write_cohort_calendar` writes it to a file,
atomically. Both need the ``calendar`` extra (``pip install 'ledarskap[calendar]'``: the
``icalendar`` package).

What the events hold:

- **UIDs** are stable and opaque: ``session-<hash>@ledarskap.cks.liu.se`` from the
  cohort's and the session's ids, ``meeting-<hash>@ledarskap.cks.liu.se`` from the
  meeting's id (a planned meeting's id is stable: see
  :meth:`~ledarskap.mentoring.MeetingPlan.meeting_id`). A hash, so that no id, and
  nothing a file chose as one, shows in a calendar.
- A **session** is an all-day event from its first to its last day, with its title, its
  venue (or "online") and its kind; it has no attendees (the cohort's calendar is for
  everyone in it).
- A **mentor meeting** is an all-day event on its day; given a time of day (``at=``), a
  timed event in the time zone given (Europe/Stockholm by default) lasting the meeting's
  ``duration_minutes`` (90 if none is recorded). Its attendees are the mentor
  (``ROLE=CHAIR``: the mentor leads the meeting) and the adept (``ROLE=REQ-PARTICIPANT``),
  each with their name as ``CN`` and their e-mail address as a ``mailto:`` address; a
  person without an address is no attendee (their name is in the summary): an address
  made of their id could be undone by trying ids, and an id may be a personnummer.
  A held meeting is ``STATUS:CONFIRMED``, a planned one ``TENTATIVE``, a cancelled one
  ``CANCELLED``.
- **Personal data**: a calendar file is for the people in it. It holds the names and
  e-mail addresses of each meeting's mentor and adept, and nothing else about anyone:
  no personnummer, phone number, municipality or meeting notes.

Exporting again over an existing file **updates** it: an event keeps its UID; an event
whose content changed gets a ``SEQUENCE`` one higher and a new ``DTSTAMP``; an unchanged
event keeps both, byte for byte; an event of this library no longer exported (a meeting
dropped from a plan) stays, marked ``STATUS:CANCELLED`` with a higher ``SEQUENCE``, so
that calendars which imported it remove it; events that other tools put in the file stay
as they are. Nothing is duplicated. A previous calendar that is not one, or an event of
this library in it that the update cannot read (no single start, stamp or sequence, a UID
twice), is refused with :class:`~ledarskap.errors.DocumentError` naming every problem, and
a file is then left as it was.

``DTSTAMP`` is the moment of the export, *stamp*, which the caller gives (a
timezone-aware :class:`~datetime.datetime`): the library never reads the clock, so the same
data, options and stamp give the same bytes. A tool that exports "now" passes
``stamp=datetime.datetime.now(datetime.UTC)``.

>>> import datetime as dt
>>> from ledarskap import example_program
>>> from ledarskap.calendar import cohort_calendar
>>> data = example_program()
>>> stamp = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
>>> update = cohort_calendar(data, "liko-2025", stamp=stamp)
>>> len(update.added), update.content.splitlines()[0]
(156, b'BEGIN:VCALENDAR')

.. versionadded:: 0.3
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import zoneinfo
from collections.abc import Iterable
from types import ModuleType
from typing import TYPE_CHECKING, cast

import attrs

from ledarskap.errors import (
    DocumentError,
    FileAccessError,
    InvalidValueError,
    MissingDependencyError,
    Problem,
    Problems,
    masked_repr,
    safe_repr,
)
from ledarskap.io._atomic import check_suffix, check_writable, write_atomic
from ledarskap.io._reading import MAX_SMALL_FILE, read_bounded, reason_of
from ledarskap.mentoring import MeetingPlan, cohort_mentorships
from ledarskap.model import Cohort, MeetingStatus, MentorMeeting, ProgramData, Session
from ledarskap.model.programdata import checked_program_data
from ledarskap.text import Language, Text, checked_language

if TYPE_CHECKING:
    from icalendar import Calendar, Component, Event

__all__ = [
    "UID_DOMAIN",
    "CalendarUpdate",
    "cohort_calendar",
    "meeting_uid",
    "session_uid",
    "write_cohort_calendar",
]

UID_DOMAIN = "ledarskap.cks.liu.se"
"""The domain every UID the library makes ends in (after ``@``)."""

_PRODID = "-//CKS Linköpings universitet//ledarskap//SV"
_DEFAULT_MINUTES = 90
# Properties that say when and how often an event was written, not what it is.
_VOLATILE = frozenset({"DTSTAMP", "SEQUENCE"})
_CONFIRMED, _OPAQUE, _GREGORIAN, _PUBLISH = "CONFIRMED", "OPAQUE", "GREGORIAN", "PUBLISH"
_STATUS = {
    MeetingStatus.HELD: _CONFIRMED,
    MeetingStatus.PLANNED: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
}
_MEETING = Text("Mentorsträff: {adept} och {mentor}", "Mentor meeting: {adept} and {mentor}")
_ONLINE = Text("Digitalt", "Online")
_CALENDAR_NAME = Text("{cohort}: träffar och mentorsträffar", "{cohort}: sessions and mentoring")
_LENGTH = Text("{kind}, {minutes} min", "{kind}, {minutes} min")
_UNREADABLE = Text(
    "förväntade en iCalendar-fil (RFC 5545), fick text som inte går att läsa: {reason}",
    "expected an iCalendar file (RFC 5545), found text it cannot read: {reason}",
)
_NOT_ONE = Text(
    "förväntade en enda kalender (VCALENDAR) som hela texten",
    "expected one calendar (VCALENDAR) as the whole text",
)
# What the update needs of an event of its own in the previous calendar.
_NO_START = Text(
    "förväntade en DTSTART, ett datum eller en tidpunkt",
    "expected one DTSTART, a date or a date-time",
)
_NO_STAMP = Text("förväntade en DTSTAMP, en tidpunkt", "expected one DTSTAMP, a date-time")
_NO_SEQUENCE = Text(
    "förväntade en SEQUENCE, ett heltal 0 eller större",
    "expected one SEQUENCE, a whole number 0 or more",
)
_STATUSES = Text("förväntade högst en STATUS", "expected at most one STATUS")


# RFC 5545 leaves control characters out of text (but tab and the escaped line feed);
# bidirectional overrides and isolates would make a summary show other than it says.
_UNSAFE = dict.fromkeys(
    [
        *range(0x09),
        *range(0x0B, 0x20),
        *range(0x7F, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ],
    "\N{REPLACEMENT CHARACTER}",
)
_LAST_DAY = dt.date.max
_END = dt.date(_LAST_DAY.year, 1, 1)  # icalendar's rules reach past the last day given


def _text(value: str) -> str:
    """*value* as a calendar's text may hold it: each control character a U+FFFD."""
    return value.translate(_UNSAFE)


def _icalendar() -> ModuleType:
    """The icalendar package, or the library's error naming the extra that brings it."""
    try:
        import icalendar
    except ImportError:
        raise MissingDependencyError(
            "icalendar", "calendar", Text("Kalendrar", "Calendars")
        ) from None
    return icalendar


@masked_repr
@attrs.frozen(kw_only=True)
class CalendarUpdate:
    """A calendar as made, and what changed against the one it replaces.

    ``content`` is the iCalendar text (bytes, UTF-8, CRLF line ends). The rest are UIDs:
    ``added`` (new events), ``changed`` (content changed: ``SEQUENCE`` raised),
    ``unchanged`` (kept as they were), ``cancelled`` (events of this library no longer
    exported, now cancelled) and ``kept`` (other tools' events, to-dos and notes, left
    alone).
    """

    content: bytes = attrs.field(repr=False)
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    cancelled: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()


_UID_ARGUMENTS = {"meeting": ("meeting_id",), "session": ("cohort_id", "session_id")}


def meeting_uid(meeting_id: str) -> str:
    """The UID of the event of the mentor meeting with this id (a hash of it).

    >>> meeting_uid("mm-001-1")
    'meeting-...@ledarskap.cks.liu.se'
    """
    return _uid("meeting", meeting_id)


def session_uid(cohort_id: str, session_id: str) -> str:
    """The UID of the event of a cohort's session (a hash of the two ids)."""
    return _uid("session", cohort_id, session_id)


def _uid(kind: str, *ids: str) -> str:
    for name, value in zip(_UID_ARGUMENTS[kind], ids, strict=True):
        if not isinstance(value, str):
            raise InvalidValueError(
                location=f"{kind}_uid({name})",
                expected=Text("ett id (text)", "an id (text)"),
                found=value,
            )
    digest = hashlib.blake2b("\0".join((kind, *ids)).encode(), digest_size=16).hexdigest()
    return f"{kind}-{digest}@{UID_DOMAIN}"


def cohort_calendar(
    data: ProgramData,
    cohort_id: str,
    *,
    plans: Iterable[MeetingPlan] = (),
    meetings: Iterable[MentorMeeting] | None = None,
    sessions: bool = True,
    at: dt.time | None = None,
    timezone: str = "Europe/Stockholm",
    language: Language = "sv",
    stamp: dt.datetime,
    previous: bytes | None = None,
) -> CalendarUpdate:
    """The calendar of a cohort: its sessions and mentor meetings, as iCalendar text.

    *meetings* are the mentor meetings to put in (by default every meeting recorded for
    the cohort's mentorships); each of *plans* adds its planned meetings
    (:meth:`~ledarskap.mentoring.MeetingPlan.as_meetings`), unless a meeting of the same
    id is already there (a stored plan, perhaps marked held since). *sessions* puts in
    the cohort's sessions. *at* (a time without a zone) makes meetings timed events
    starting at that time in *timezone*, an IANA name; a calendar with no event holds
    that zone's definition, as RFC 5545 wants a component. Summaries are in *language*. *previous* is the text of the calendar this
    one replaces, whose events are updated as the module describes; text that is not a
    calendar raises :class:`~ledarskap.errors.DocumentError`. *stamp* (required) is the
    ``DTSTAMP`` of every new or changed event: a datetime with a time zone.
    """
    return _make(
        data,
        cohort_id,
        _Options(plans, meetings, sessions, at, timezone, language, stamp),
        previous,
        None,
    )


def write_cohort_calendar(
    path: str | os.PathLike[str],
    data: ProgramData,
    cohort_id: str,
    *,
    plans: Iterable[MeetingPlan] = (),
    meetings: Iterable[MentorMeeting] | None = None,
    sessions: bool = True,
    at: dt.time | None = None,
    timezone: str = "Europe/Stockholm",
    language: Language = "sv",
    stamp: dt.datetime,
) -> CalendarUpdate:
    """Write the calendar of a cohort to *path*, updating the calendar already there.

    The options are :func:`cohort_calendar`'s; the file at *path*, if there is one, is
    the previous calendar. A file there that is not an iCalendar file is refused with
    :class:`~ledarskap.errors.DocumentError` and left as it is. The file is written
    atomically; what changed is returned. *stamp* is required, as in
    :func:`cohort_calendar`.

    *path* must end in ``.ics`` (any case), and be a writable regular file or a new name
    (:class:`~ledarskap.errors.UsageError`, :class:`~ledarskap.errors.FileAccessError`
    otherwise), as every file the library writes; it is checked before it is read.
    """
    check_suffix(path, (".ics",), "write_cohort_calendar")
    check_writable(path)  # before it is read: a device or FIFO is never read
    previous: bytes | None
    try:
        previous, _ = read_bounded(path, MAX_SMALL_FILE, "a calendar", pipes=False)
    except FileNotFoundError:
        previous = None
    except OSError as exc:
        raise FileAccessError(os.fsdecode(path), "read", reason_of(exc), errno=exc.errno) from None
    options = _Options(plans, meetings, sessions, at, timezone, language, stamp)
    update = _make(data, cohort_id, options, previous, os.fspath(path))
    write_atomic(path, update.content)
    return update


@attrs.frozen
class _Options:
    """The options of a calendar, as :func:`cohort_calendar` takes them."""

    plans: Iterable[MeetingPlan]
    meetings: Iterable[MentorMeeting] | None
    sessions: bool
    at: dt.time | None
    timezone: str
    language: Language
    stamp: dt.datetime


def _make(
    data: ProgramData,
    cohort_id: str,
    options: _Options,
    previous: bytes | None,
    source: str | None,
) -> CalendarUpdate:
    ical = _icalendar()
    language = checked_language(options.language)
    _check_arguments(data, options, previous)
    cohort = data.cohort(cohort_id)
    stamp = _checked_stamp(options.stamp)
    at: object = options.at
    if not (at is None or (isinstance(at, dt.time) and at.tzinfo is None)):
        raise InvalidValueError(
            location="cohort_calendar(at)",
            expected=Text(
                "ett klockslag utan tidszon (den ges av timezone=)",
                "a time without a time zone (timezone= gives it)",
            ),
            found=at,
        )
    zone = _checked_zone(options.timezone)
    old = _parse_previous(ical, previous, source)
    events: dict[str, Event] = {}
    if options.sessions:
        for session in cohort.sessions:
            events[session_uid(cohort.id, session.id)] = _session_event(
                ical, cohort, session, language
            )
    for meeting in _meetings(data, cohort_id, options.plans, options.meetings):
        events[meeting_uid(meeting.id)] = _meeting_event(
            ical, data=data, meeting=meeting, language=language, at=options.at, zone=zone
        )
    return _merge(
        ical,
        zone=options.timezone,
        cohort=cohort,
        language=language,
        events=events,
        old=old,
        stamp=stamp,
        source=source,
    )


def _check_arguments(data: object, options: _Options, previous: object) -> None:
    """Refuse an argument of the wrong kind, naming it, before anything is made of it."""
    checked_program_data(data, "cohort_calendar(data)")
    wanted: list[tuple[str, object, type | tuple[type, ...], Text]] = [
        ("sessions", options.sessions, bool, Text("True eller False", "True or False")),
        ("previous", previous, (bytes, type(None)), Text("bytes eller None", "bytes or None")),
    ]
    for name, value, kind, expected in wanted:
        if not isinstance(value, kind):
            raise InvalidValueError(
                location=f"cohort_calendar({name})", expected=expected, found=value
            )
    for name, values, kind in (
        ("plans", options.plans, MeetingPlan),
        ("meetings", options.meetings, MentorMeeting),
    ):
        if values is None and name == "meetings":
            continue
        given: object = values
        if isinstance(given, str | bytes) or not isinstance(given, Iterable):
            raise InvalidValueError(
                location=f"cohort_calendar({name})",
                expected=Text(f"en samling {kind.__name__}", f"a collection of {kind.__name__}"),
                found=values,
            )


def _checked_stamp(stamp: dt.datetime) -> dt.datetime:
    given: object = stamp
    if isinstance(given, dt.datetime) and given.utcoffset() is not None:
        with contextlib.suppress(OverflowError):  # the first hours of year 1, east of UTC
            return given.astimezone(dt.UTC)
    raise InvalidValueError(
        location="cohort_calendar(stamp)",
        expected=Text(
            "en tidpunkt med tidszon (DTSTAMP är i UTC)",
            "a datetime with a time zone (DTSTAMP is in UTC)",
        ),
        found=stamp,
    )


def _checked_zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        raise InvalidValueError(
            location="cohort_calendar(timezone)",
            expected=Text(
                "namnet på en IANA-tidszon, till exempel 'Europe/Stockholm'",
                "an IANA time zone name such as 'Europe/Stockholm'",
            ),
            found=name,
        ) from None


def _meetings(
    data: ProgramData,
    cohort_id: str,
    plans: Iterable[MeetingPlan],
    meetings: Iterable[MentorMeeting] | None,
) -> list[MentorMeeting]:
    """The meetings to export: those given (or recorded), then the plans' not recorded."""
    if meetings is None:
        own = {m.id for m in cohort_mentorships(data, cohort_id)}
        meetings = [m for m in data.meetings if m.mentorship_id in own]
    chosen: dict[str, MentorMeeting] = {}
    for index, meeting in enumerate(meetings):
        _check_item("meetings", index, meeting, MentorMeeting)
        chosen[meeting.id] = meeting
    for index, plan in enumerate(plans):
        _check_item("plans", index, plan, MeetingPlan)
        for planned in plan.as_meetings():
            chosen.setdefault(planned.id, planned)
    return sorted(chosen.values(), key=lambda m: (m.on, m.id))


def _check_item(name: str, index: int, item: object, kind: type) -> None:
    if not isinstance(item, kind):
        raise InvalidValueError(
            location=f"cohort_calendar({name})[{index}]",
            expected=Text(f"en {kind.__name__}", f"a {kind.__name__}"),
            found=item,
        )


def _session_event(ical: ModuleType, cohort: Cohort, session: Session, language: Language) -> Event:
    event: Event = ical.Event()
    event.add("summary", _text(session.title))
    _add_days(event, session.start, session.days)
    if session.online:
        event.add("location", _ONLINE.render(language))
    elif session.venue is not None:
        where = str(session.venue)
        event.add(
            "location",
            _text(f"{where}, {session.venue.address}" if session.venue.address else where),
        )
    event.add("description", _text(f"{cohort.name}: {session.kind.label(language)}"))
    event.add("categories", [session.kind.label(language)])
    event.add("status", _CONFIRMED)
    event.add("transp", _OPAQUE)
    return event


def _meeting_event(
    ical: ModuleType,
    *,
    data: ProgramData,
    meeting: MentorMeeting,
    language: Language,
    at: dt.time | None,
    zone: zoneinfo.ZoneInfo,
) -> Event:
    pair = data.mentorship(meeting.mentorship_id)
    mentor = data.person(data.mentor(pair.mentor_id).person_id)
    adept = data.person(data.participant(pair.participant_id).person_id)
    event: Event = ical.Event()
    summary = _MEETING.format(adept=adept.name, mentor=mentor.name).render(language)
    event.add("summary", _text(summary))
    minutes = meeting.duration_minutes or _DEFAULT_MINUTES
    if at is None:
        _add_days(event, meeting.on, 1)
    else:
        start = dt.datetime.combine(meeting.on, at.replace(tzinfo=None), tzinfo=zone)
        event.add("dtstart", start)
        end = _end(meeting, start, minutes)
        if _as_read(end) == end.astimezone(dt.UTC):
            event.add("dtend", end)
        else:  # an end in the hour summer time repeats: its clock time would say the first
            event.add("duration", dt.timedelta(minutes=minutes))
    event.add(
        "description",
        _LENGTH.format(kind=meeting.kind.label(language), minutes=minutes).render(language),
    )
    event.add("status", _STATUS[meeting.status])
    for person, role in ((mentor, "CHAIR"), (adept, "REQ-PARTICIPANT")):
        # Without an address, no attendee: any fixed name made of the person's id could
        # be undone by trying every id, and an id may be a personnummer.
        if person.email:
            event.add(
                "attendee",
                ical.vCalAddress(f"mailto:{person.email}"),
                parameters={"CN": _text(person.name), "ROLE": role, "CUTYPE": "INDIVIDUAL"},
            )
    return event


def _add_days(event: Event, first: dt.date, days: int) -> None:
    """All day from *first*, for *days* days.

    An end the day after the last, or, when the last is the last day a date can be, a
    duration: the two say the same.
    """
    event.add("dtstart", first)
    if (_LAST_DAY - first).days >= days:
        event.add("dtend", first + dt.timedelta(days=days))
    else:
        event.add("duration", dt.timedelta(days=days))


def _as_read(moment: dt.datetime) -> dt.datetime | None:
    """The UTC moment a calendar reads *moment*'s clock time as (the first, if it repeats)."""
    try:
        return moment.replace(fold=0).astimezone(dt.UTC)
    except OverflowError:
        return None


def _end(meeting: MentorMeeting, start: dt.datetime, minutes: int) -> dt.datetime:
    """When a meeting from *start* lasting *minutes* ends, on the clock of *start*'s zone.

    Counted in UTC: across a change to or from summer time, 90 minutes stay 90 minutes.
    """
    try:
        return (start.astimezone(dt.UTC) + dt.timedelta(minutes=minutes)).astimezone(start.tzinfo)
    except OverflowError:
        raise InvalidValueError(
            location=f"MentorMeeting {safe_repr(meeting.id)}",
            expected=Text(
                "ett möte som börjar och slutar mellan år 1 och 9999 (i UTC)",
                "a meeting that starts and ends between the years 1 and 9999 (in UTC)",
            ),
            found=meeting.on,
        ) from None


def _parse_previous(
    ical: ModuleType, previous: bytes | None, source: str | None
) -> Calendar | None:
    """The previous calendar, or ``None``; text that is not one raises DocumentError."""
    if previous is None:
        return None
    try:
        parsed: object = ical.Calendar.from_ical(previous)
    except ValueError as exc:
        # icalendar's reason quotes the line it could not read: a bounded part of it.
        reason = safe_repr(str(exc), 200)
        message = _UNREADABLE.format(reason=reason)
    else:
        if isinstance(parsed, ical.Calendar):
            return cast("Calendar", parsed)
        message = _NOT_ONE
    problem = Problem("", message, "not-icalendar", source=source)
    raise DocumentError(
        Text("ingen kalender: den lämnas som den är", "not a calendar: it is left as it is"),
        [problem],
        source=source,
    )


def _fingerprint(event: Event) -> tuple[bytes, ...]:
    """What an event says, its stamp and sequence left out: equal for an unchanged event."""
    return tuple(
        sorted(
            line.encode()
            for line in event.content_lines()
            if line
            and line.split(":", 1)[0].split(";", 1)[0].upper() not in _VOLATILE
            and line not in ("BEGIN:VEVENT", "END:VEVENT")
        )
    )


def _merge(
    ical: ModuleType,
    *,
    zone: str,
    cohort: Cohort,
    language: Language,
    events: dict[str, Event],
    old: Calendar | None,
    stamp: dt.datetime,
    source: str | None,
) -> CalendarUpdate:
    """The new calendar, its events' sequences and stamps carried over from *old*."""
    previous, foreign = _previous_events(old, source)
    added, changed, unchanged, cancelled = [], [], [], []
    for key, event in events.items():
        event.add("uid", key)
        before = previous.pop(key, None)
        if before is None:
            event.add("dtstamp", stamp)
            event.add("sequence", 0)
            added.append(key)
        elif _fingerprint(before.event) == _fingerprint(event):
            event.add("dtstamp", before.stamp)
            event.add("sequence", before.sequence)
            unchanged.append(key)
        else:
            event.add("dtstamp", stamp)
            event.add("sequence", before.sequence + 1)
            changed.append(key)
    starts = {key: _start_day(event.decoded("DTSTART")) for key, event in events.items()}
    for key, before in previous.items():
        if before.cancelled:
            unchanged.append(key)
        else:
            for name in ("STATUS", "SEQUENCE", "DTSTAMP"):
                before.event.pop(name, None)
            before.event.add("status", _STATUS[MeetingStatus.CANCELLED])
            before.event.add("sequence", before.sequence + 1)
            before.event.add("dtstamp", stamp)
            cancelled.append(key)
        events[key] = before.event
        starts[key] = before.start
    calendar = ical.Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", _GREGORIAN)
    calendar.add("method", _PUBLISH)
    name = _text(_CALENDAR_NAME.format(cohort=cohort.name).render(language))
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for key in sorted(events, key=lambda k: (starts[k], k)):
        calendar.add_component(events[key])
    for component in foreign:
        calendar.add_component(component)
    calendar.add_missing_timezones(*_span(starts.values()))
    if not calendar.subcomponents:  # RFC 5545 wants one: the zone the calendar is kept in
        calendar.add_component(ical.Timezone.from_tzid(zone))
    return CalendarUpdate(
        content=calendar.to_ical(),
        added=tuple(added),
        changed=tuple(changed),
        unchanged=tuple(unchanged),
        cancelled=tuple(cancelled),
        kept=tuple(str(event.get("UID", "")) for event in foreign),
    )


def _span(days: Iterable[dt.date]) -> tuple[dt.date, dt.date]:
    """The years a time zone's VTIMEZONE covers: 1970 to 2037, or wider to hold *days*.

    Every time is on a day of *days*; a time zone's rules are written from the first
    year to the year after the last, so that a client that reads only the file places
    each one as the zone's clock did or will.
    """
    first, last = dt.date(1970, 1, 1), dt.date(2038, 1, 1)
    for day in days:
        first = min(first, dt.date(day.year, 1, 1))
        last = max(last, dt.date(day.year + 1, 1, 1) if day.year < _LAST_DAY.year else _END)
    return first, last


@attrs.frozen
class _Previous:
    """An event of this library in the previous calendar, and what the update reads of it."""

    event: Event
    sequence: int
    stamp: dt.datetime
    start: dt.date
    cancelled: bool


def _previous_events(
    old: Calendar | None, source: str | None
) -> tuple[dict[str, _Previous], list[Component]]:
    """The previous calendar's events of this library by UID, checked, and the rest.

    The rest is other tools' events, to-dos and notes; not the time zones: they are
    remade for the new calendar.

    An event of this library that the update cannot read (no single start, stamp or
    sequence; a UID twice) raises :class:`~ledarskap.errors.DocumentError` naming every
    one, and the file is left as it is.
    """
    ours: dict[str, _Previous] = {}
    foreign: list[Component] = [
        component
        for component in ([] if old is None else old.subcomponents)
        if component.name not in ("VEVENT", "VTIMEZONE")
    ]
    problems = Problems(source=source)
    for index, event in enumerate([] if old is None else old.events):
        key = str(event.get("UID", ""))
        if not key.endswith(f"@{UID_DOMAIN}"):
            foreign.append(event)
            continue
        where = f"VEVENT[{index}]"  # the UID would be masked: it looks like an address
        found = _readable(event, where, problems)
        if key in ours:
            problems.add(
                where,
                Text(
                    "förväntade varje UID en gång, fick det igen",
                    "expected each UID once, found it again",
                ),
                "repeated-uid",
            )
        elif found is not None:
            ours[key] = found
    problems.raise_if_any(
        DocumentError,
        Text(
            "en kalenderhändelse som uppdateringen inte kan läsa",
            "a calendar event the update cannot read",
        ),
    )
    return ours, foreign


def _readable(event: Event, where: str, problems: Problems) -> _Previous | None:
    """What the update reads of *event*, or ``None`` with its problems added."""
    wrong: list[Text] = []
    try:
        start = _start_day(event.decoded("DTSTART"))
    except (KeyError, TypeError, ValueError):
        wrong.append(_NO_START)
    stamp: object = None
    with contextlib.suppress(KeyError, TypeError, ValueError):  # icalendar's errors are ValueErrors
        stamp = event.decoded("DTSTAMP")
    if not isinstance(stamp, dt.datetime):
        wrong.append(_NO_STAMP)
    sequence: object = event.get("SEQUENCE", 0)
    if not isinstance(sequence, int) or sequence < 0:
        wrong.append(_NO_SEQUENCE)
    status: object = event.get("STATUS", "")
    if not isinstance(status, str):
        wrong.append(_STATUSES)
    for message in wrong:
        problems.add(where, message, "invalid-event")
    if wrong:
        return None
    return _Previous(
        event=event,
        sequence=int(cast("int", sequence)),
        stamp=cast("dt.datetime", stamp),
        start=start,
        cancelled=str(status).upper() == "CANCELLED",
    )


def _start_day(start: object) -> dt.date:
    """The day an event starts on, from its decoded DTSTART."""
    if isinstance(start, dt.datetime):
        return start.date()
    if isinstance(start, dt.date):
        return start
    raise TypeError(f"not a start: {type(start).__name__}")
