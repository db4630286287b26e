"""``ledarskap summary FILE``: each cohort in numbers, then what validation finds.

JSON output (``--format json``)::

    {"format": "ledarskap.cli.summary/1", "file": "program.json",
     "program": {"id": "liko", "name": "Ledarskap i kommuner"},
     "cohorts": [{"id": "liko-2025", "name": "Omgång 2025/26",
                  "start": "2025-09-15", "end": "2026-09-30",
                  "participants": 25,
                  "by_municipality": {"Linköping": 3, …}, "by_county": {"Östergötlands län": 20, …},
                  "by_position_kind": {"political-line": 12, …, "unknown": 0},
                  "mentors": 13, "mentorships": 25,
                  "meetings": {"planned": 40, "held": 100, "cancelled": 2},
                  "applications": {"total": 31, "eligible": 27, "not-eligible": 3,
                                   "undetermined": 1}}],
     "validation": {"errors": 0, "warnings": 0}}

Counts are most common first, ties by name; every meeting status, position kind and
outcome is there, 0 when none (``unknown``: a title outside the catalogue of positions).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ledarskap.eligibility import Outcome, default_ruleset
from ledarskap.io.documents import load
from ledarskap.model import Cohort, MeetingStatus, PositionKind, ProgramData
from ledarskap.text import Language, Text
from ledarskap.validation import validate

from ._console import Console
from ._program import cohorts

__all__ = ["FORMAT", "cohort_summary", "run"]

FORMAT = "ledarskap.cli.summary/1"
UNKNOWN = "unknown"
"""The position kind of a title outside the catalogue of positions."""

_PARTICIPANTS = Text("Deltagare", "Participants")
_BY_MUNICIPALITY = Text("per kommun", "by municipality")
_BY_COUNTY = Text("per län", "by county")
_BY_KIND = Text("per typ av befattning", "by kind of position")
_UNKNOWN_KIND = Text("okänd", "unknown")
_MENTORS = Text("Mentorer: {mentors}, mentorspar: {pairs}", "Mentors: {mentors}, pairs: {pairs}")
_MEETINGS = Text("Mentorsmöten", "Mentor meetings")
_APPLICATIONS = Text("Ansökningar", "Applications")


def _counted(values: Iterable[str]) -> dict[str, int]:
    """Counts, most common first, ties by name."""
    return dict(sorted(Counter(values).items(), key=lambda item: (-item[1], item[0])))


def cohort_summary(data: ProgramData, cohort: Cohort) -> dict[str, Any]:
    """The numbers of one cohort, as JSON-ready data (the shape above)."""
    adepts = data.participants_of(cohort.id)
    jobs = [data.appointment(p.appointment_id) for p in adepts]
    kinds = Counter(j.position.kind.value if j.position else UNKNOWN for j in jobs)
    pairs = [m for p in adepts for m in data.mentorships_of(p.id)]
    meetings = Counter(meeting.status for pair in pairs for meeting in data.meetings_of(pair.id))
    applications = data.applications_to(cohort.id)
    outcomes = (
        default_ruleset()
        .evaluate_many(applications, cohort=cohort, program=data, explain=False)
        .summary.counts
    )
    return {
        "id": cohort.id,
        "name": cohort.name,
        "start": cohort.start.isoformat(),
        "end": cohort.end.isoformat(),
        "participants": len(adepts),
        "by_municipality": _counted(j.municipality.display_name for j in jobs),
        "by_county": _counted(j.municipality.county.name for j in jobs),
        "by_position_kind": {
            **{kind.value: kinds[kind.value] for kind in PositionKind},
            UNKNOWN: kinds[UNKNOWN],
        },
        "mentors": len(data.mentors_of(cohort.id)),
        "mentorships": len(pairs),
        "meetings": {status.value: meetings[status] for status in MeetingStatus},
        "applications": {
            "total": len(applications),
            **{outcome.value: outcomes.get(outcome, 0) for outcome in Outcome},
        },
    }


def _listed(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.items()) or "-"


def _cohort_lines(summary: dict[str, Any], language: Language) -> list[str]:
    kinds = {
        (
            _UNKNOWN_KIND.render(language)
            if value == UNKNOWN
            else PositionKind(value).label(language)
        ): n
        for value, n in summary["by_position_kind"].items()
        if n
    }
    meetings = ", ".join(
        f"{MeetingStatus(value).label(language)} {n}" for value, n in summary["meetings"].items()
    )
    outcomes = ", ".join(
        f"{outcome.label(language)} {summary['applications'][outcome.value]}" for outcome in Outcome
    )
    return [
        f"{summary['name']} ({summary['id']}): {summary['start']} – {summary['end']}",
        f"  {_PARTICIPANTS.render(language)}: {summary['participants']}",
        f"    {_BY_MUNICIPALITY.render(language)}: {_listed(summary['by_municipality'])}",
        f"    {_BY_COUNTY.render(language)}: {_listed(summary['by_county'])}",
        f"    {_BY_KIND.render(language)}: {_listed(kinds)}",
        "  "
        + _MENTORS.format(mentors=summary["mentors"], pairs=summary["mentorships"]).render(
            language
        ),
        f"  {_MEETINGS.render(language)}: {meetings}",
        f"  {_APPLICATIONS.render(language)} ({summary['applications']['total']}): {outcomes}",
    ]


def run(args: argparse.Namespace, console: Console) -> int:
    """Summarise the document at ``args.file`` (or one cohort of it); always 0 once read."""
    data = load(args.file)
    summaries = [cohort_summary(data, cohort) for cohort in cohorts(data, args.cohort)]
    report = validate(data)
    if console.json_output:
        console.json(
            {
                "format": FORMAT,
                "file": args.file,
                "program": {"id": data.program.id, "name": data.program.name},
                "cohorts": summaries,
                "validation": {"errors": len(report.errors), "warnings": len(report.warnings)},
            }
        )
        return 0
    console.print(data.program.name)
    for summary in summaries:
        console.print()
        console.print("\n".join(_cohort_lines(summary, console.language)))
    console.print()
    console.print(report.render(console.language).splitlines()[0])
    return 0
