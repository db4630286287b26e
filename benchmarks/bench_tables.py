"""Tables as DataFrames: ``program_tables(data).frames()`` against building them by hand.

On generated programs of 1,000, 10,000 and 100,000 participants (``benchmarks/_data.py``),
the subject is what an analyst calls: :func:`ledarskap.tables.program_tables` and
:meth:`~ledarskap.tables.Tables.frames`, every table as a ``pandas.DataFrame`` with its
dtypes. The floor builds the same DataFrames by hand from the records, as a careful
analyst would without the library: the same walk over ``ProgramData`` (the same
look-ups), the same one eligibility evaluation of the applications (``evaluate_many``,
its reasons read), each table as a list of dicts handed to ``pandas.DataFrame`` and cast
with ``astype`` to the same dtypes (categories with every category). Both give equal
frames (checked before timing). Measured the one way every benchmark measures
(``benchmarks/_harness.py``). The aim is at most 1.5x the floor.

Both sides of that comparison spend most of their time deciding the applications (the
same call on both sides), so a second one isolates the conversion: ``Tables.frames()`` on
tables made before, against ``pandas.DataFrame(records).astype(dtypes)`` from the same
records, the one line an analyst would write.

A third measures what a progress bar costs a write: ``write_tables`` (CSV folder, JSON
file) with ``progress=`` the command line's own bar drawing on a (pretended) terminal,
against the same write without it, at 10,000 participants (aim: a few per cent at most).

Run it with ``make bench`` or ``python -m benchmarks bench_tables``.
"""

from __future__ import annotations

import atexit
import io
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ledarskap import ProgramData, default_ruleset
from ledarskap.cli._progress import Progress
from ledarskap.tables import SCHEMA, ColumnKind, program_tables, write_tables

from ._data import program_data
from ._harness import Comparison, machine, run, sizes

_DTYPES = {
    ColumnKind.STRING: "string",
    ColumnKind.DATE: "datetime64[s]",
    ColumnKind.INTEGER: "Int64",
    ColumnKind.BOOLEAN: "boolean",
}


def _astype(rows: list[dict[str, Any]], name: str, cohorts: list[str]) -> pd.DataFrame:
    dtypes: dict[str, Any] = {}
    for c in SCHEMA[name]:
        if c.kind is ColumnKind.CATEGORY:
            categories = cohorts if c.name == "cohort_id" else list(c.categories)
            dtypes[c.name] = pd.CategoricalDtype(categories)
        else:
            dtypes[c.name] = _DTYPES[c.kind]
    frame = pd.DataFrame(rows, columns=list(SCHEMA[name].names))
    for c in SCHEMA[name]:  # dates: pandas reads date objects as objects, then casts
        if c.kind is ColumnKind.DATE:
            frame[c.name] = pd.to_datetime(frame[c.name])
    return frame.astype(dtypes)


def by_hand(data: ProgramData) -> dict[str, pd.DataFrame]:
    """The floor: the tables as lists of dicts, by hand, then ``DataFrame`` and ``astype``."""
    people = {p.id: p for p in data.people}
    jobs = {a.id: a for a in data.appointments}
    adepts = {p.id: p for p in data.participants}
    pairs = {m.id: m for m in data.mentorships}
    cohorts = [c.id for c in data.cohorts]
    participants = []
    for p in data.participants:
        person, job = people[p.person_id], jobs[p.appointment_id]
        born = person.personnummer.birth_date if person.personnummer else None
        participants.append(
            {
                "participant_id": p.id,
                "person_id": p.person_id,
                "name": person.name,
                "email": person.email,
                "birth_date": born,
                "birth_year": born.year if born else None,
                "birth_decade": born.year - born.year % 10 if born else None,
                "cohort_id": p.cohort_id,
                "status": p.status.value,
                "municipality": job.municipality.name,
                "county": job.municipality.county.name,
                "position": job.position.slug if job.position else None,
                "position_kind": job.position.kind.value if job.position else None,
                "title": job.title,
                "organisation": job.organisation,
                "application_id": p.application_id,
            }
        )
    mentors = [
        {
            "mentor_id": m.id,
            "person_id": m.person_id,
            "name": people[m.person_id].name,
            "cohort_id": m.cohort_id,
            "municipality": m.municipality.name,
            "county": m.municipality.county.name,
            "capacity": m.capacity,
        }
        for m in data.mentors
    ]
    mentorships = [
        {
            "mentorship_id": m.id,
            "mentor_id": m.mentor_id,
            "participant_id": m.participant_id,
            "cohort_id": adepts[m.participant_id].cohort_id,
            "start": m.start,
            "end": m.end,
            "status": m.status.value,
            "ended_by": m.ended_by.value if m.ended_by else None,
            "end_reason": m.end_reason or None,
        }
        for m in data.mentorships
    ]
    meetings = []
    for m in data.meetings:
        pair = pairs[m.mentorship_id]
        meetings.append(
            {
                "meeting_id": m.id,
                "mentorship_id": m.mentorship_id,
                "mentor_id": pair.mentor_id,
                "participant_id": pair.participant_id,
                "cohort_id": adepts[pair.participant_id].cohort_id,
                "on": m.on,
                "kind": m.kind.value,
                "status": m.status.value,
                "duration_minutes": m.duration_minutes,
            }
        )
    sessions = [
        {
            "session_id": s.id,
            "cohort_id": c.id,
            "kind": s.kind.value,
            "title": s.title,
            "start": s.start,
            "end": s.end,
            "days": s.days,
            "online": s.online,
            "venue": s.venue.name if s.venue else None,
            "venue_municipality": s.venue.municipality.name
            if s.venue and s.venue.municipality
            else None,
            "venue_county": s.venue.municipality.county.name
            if s.venue and s.venue.municipality
            else None,
        }
        for c in data.cohorts
        for s in c.sessions
    ]
    ruleset = default_ruleset()
    result = ruleset.evaluate_many(data.applications, program=data)
    applications, reasons = [], []
    from ledarskap.eligibility.messages import render_reason

    words: dict[tuple[str, str], str] = {}
    for a, decision in zip(data.applications, result.decisions, strict=True):
        keys = []
        for rank, node in enumerate(decision.reasons, start=1):
            keys.append(node.key)
            said = (node.key, repr(node.seen))
            if said not in words:
                words[said] = render_reason([node], "sv", registry=ruleset.registry)
            reasons.append(
                {"application_id": a.id, "rank": rank, "key": node.key, "text": words[said]}
            )
        place = a.municipality
        applications.append(
            {
                "application_id": a.id,
                "person_id": a.person_id,
                "name": people[a.person_id].name,
                "cohort_id": a.cohort_id,
                "submitted": a.submitted,
                "municipality": place.name if place else None,
                "county": place.county.name if place else None,
                "position": a.position.slug if a.position else None,
                "position_kind": a.position.kind.value if a.position else None,
                "title": a.title,
                "organisation": a.organisation,
                "organisation_kind": a.organisation_kind.value if a.organisation_kind else None,
                "status": a.status.value,
                "outcome": decision.outcome.value,
                "reasons": "; ".join(keys) or None,  # as the tables: no empty text
            }
        )
    tables = {
        "participants": participants,
        "mentors": mentors,
        "mentorships": mentorships,
        "meetings": meetings,
        "sessions": sessions,
        "applications": applications,
        "reasons": reasons,
    }
    return {name: _astype(rows, name, cohorts) for name, rows in tables.items()}


def subject(data: ProgramData) -> dict[str, pd.DataFrame]:
    return program_tables(data).frames()


def _prepare(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
    data = program_data(size)
    mine, floor = subject(data), by_hand(data)
    for name, frame in mine.items():  # the same frames, or the comparison means nothing
        pd.testing.assert_frame_equal(frame, floor[name], check_index_type=False)
    return (lambda: subject(data)), (lambda: by_hand(data))


TABLES = Comparison(
    name="tables as DataFrames",
    subject="program_tables(data).frames()",
    reference="the same DataFrames built by hand from the records (the floor)",
    prepare=_prepare,
    target=1.5,
)


def _prepare_frames(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
    tables = program_tables(program_data(size))
    rows = {name: tables[name] for name in tables}
    cohorts = list(tables.schema["participants"].column("cohort_id").categories)

    def floor() -> object:
        return {name: _astype(rows[name], name, cohorts) for name in rows}

    return tables.frames, floor


FRAMES = Comparison(
    name="frames from the tables",
    subject="Tables.frames() (the tables made before)",
    reference="pandas.DataFrame(records).astype(dtypes) from the same records",
    prepare=_prepare_frames,
    target=1.5,
)


class _Terminal(io.StringIO):
    """Where the bar is drawn in the benchmark: a stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _prepare_write(fmt: str) -> Callable[[int], tuple[Callable[[], object], Callable[[], object]]]:
    def prepare(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
        tables = program_tables(program_data(size))
        folder = Path(tempfile.mkdtemp(prefix="bench-tables-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        target = folder / ("csv" if fmt == "csv" else f"tables.{fmt}")

        def with_bar() -> object:
            with Progress(_Terminal(), "Writing") as bar:
                return write_tables(tables, target, format=fmt, progress=bar)  # type: ignore[arg-type]

        def without() -> object:
            return write_tables(tables, target, format=fmt)  # type: ignore[arg-type]

        return with_bar, without

    return prepare


WRITES = [
    Comparison(
        name=f"write_tables {fmt}, progress bar ÷ none",
        subject=f"write_tables(format={fmt!r}, progress=the command line's bar on a terminal)",
        reference=f"write_tables(format={fmt!r}) without progress",
        prepare=_prepare_write(fmt),
        target=1.03,
    )
    for fmt in ("csv", "json")
]


def main() -> None:
    print(machine(), flush=True)
    run([TABLES, FRAMES])
    run(WRITES, at=sizes((10_000,)))


if __name__ == "__main__":
    main()
