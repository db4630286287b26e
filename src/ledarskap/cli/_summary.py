"""``ledarskap summary FILE``: each cohort in numbers, then what validation finds.

The numbers are :func:`ledarskap.tables.cohort_summaries`: composition by kind of
position, county and municipality (empty groups counted 0), mentors' loads, meetings
held against planned (in all and month by month), eligibility outcomes and the most
frequent reasons. JSON output (``--format json``)::

    {"format": "ledarskap.cli.summary/1", "file": "program.json",
     "program": {"id": "liko", "name": "Ledarskap i kommuner"},
     "cohorts": [{"cohort_id": "liko-2025", "participants": 25, "by_position_kind": [...],
                  "by_municipality": [...], "by_county": [...], "mentor_loads": [...],
                  "meetings": {...}, "meetings_by_month": [...],
                  "meetings_outside_months": 0, "outcomes": [...], "reasons": [...]}],
     "validation": {"errors": 0, "warnings": 0}}

each cohort as :meth:`CohortSummary.to_data <ledarskap.tables.CohortSummary.to_data>`
gives it (every count as ``{"key", "sv", "en", "count"}``).
"""

from __future__ import annotations

import argparse

from ledarskap.io.documents import load_for_reading
from ledarskap.tables import cohort_summaries
from ledarskap.validation import validate

from ._console import Console
from ._program import cohorts

__all__ = ["FORMAT", "run"]

FORMAT = "ledarskap.cli.summary/1"


def run(args: argparse.Namespace, console: Console) -> int:
    """Summarise the document at ``args.file`` (or one cohort of it); 0 once it is read."""
    data = load_for_reading(args.file)
    wanted = {cohort.id for cohort in cohorts(data, args.cohort)}
    summaries = [s for s in cohort_summaries(data) if s.cohort_id in wanted]
    report = validate(data)
    if console.json_output:
        console.json(
            {
                "format": FORMAT,
                "file": args.file,
                "program": {"id": data.program.id, "name": data.program.name},
                "cohorts": [summary.to_data() for summary in summaries],
                "validation": {"errors": len(report.errors), "warnings": len(report.warnings)},
            }
        )
        return 0
    console.print(data.program.name)
    for summary in summaries:
        console.print()
        console.print(summary.render(console.language))
    console.print()
    console.print(report.render(console.language).splitlines()[0])
    return 0
