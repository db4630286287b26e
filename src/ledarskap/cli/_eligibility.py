"""``ledarskap eligibility FILE``: decide every application by the target-group rules.

Text output: for each cohort, the counts of each outcome, then every decision that is not
"eligible" with its reasons (or the facts missing). JSON output (``--format json``)::

    {"format": "ledarskap.cli.eligibility/1", "file": "program.json",
     "ruleset": "…", "ruleset_version": "…",
     "cohorts": [{"id": "liko-2025", "name": "…", "summary": {…}, "decisions": [{…}]}]}

``summary`` is :meth:`~ledarskap.eligibility.Summary.to_data`, each decision
:meth:`~ledarskap.eligibility.Decision.to_data` (masked), in the order of the applications.
The exit status is 0 whatever the outcomes: a decision is a result, not a problem.
"""

from __future__ import annotations

import argparse

from ledarskap.eligibility import Outcome, RuleSet, default_ruleset
from ledarskap.io.documents import load_for_reading
from ledarskap.io.rulesets import load_ruleset
from ledarskap.text import Text

from ._console import Console
from ._program import cohorts

__all__ = ["FORMAT", "run"]

FORMAT = "ledarskap.cli.eligibility/1"

_RULES = Text("Regler", "Rules")
_APPLICATIONS = Text("ansökningar", "applications")


def run(args: argparse.Namespace, console: Console) -> int:
    """Decide the applications of each cohort (or of ``--cohort``); print the decisions."""
    data = load_for_reading(args.file)
    rules: RuleSet = load_ruleset(args.rules) if args.rules else default_ruleset()
    results = [
        (
            cohort,
            rules.evaluate_many(
                data.applications_to(cohort.id), as_of=args.as_of, cohort=cohort, program=data
            ),
        )
        for cohort in cohorts(data, args.cohort)
    ]
    if console.json_output:
        console.json(
            {
                "format": FORMAT,
                "file": args.file,
                "ruleset": rules.id,
                "ruleset_version": rules.version,
                "cohorts": [
                    {
                        "id": cohort.id,
                        "name": cohort.name,
                        "summary": result.summary.to_data(),
                        "decisions": [decision.to_data() for decision in result.decisions],
                    }
                    for cohort, result in results
                ],
            }
        )
        return 0
    language = console.language
    console.print(f"{console.say(_RULES)}: {rules.id} {rules.version}")
    for cohort, result in results:
        counts = result.summary.counts
        outcomes = ", ".join(f"{o.label(language)} {counts.get(o, 0)}" for o in Outcome)
        console.print(f"\n{cohort.name} ({cohort.id}), {console.say(_APPLICATIONS)} {len(result)}")
        console.print(f"  {outcomes}")
        for application, decision in zip(result.applications, result.decisions, strict=True):
            if decision.outcome is not Outcome.ELIGIBLE:
                lines = decision.render(language).splitlines()
                console.print(f"  {application.id}: {lines[0]}")
                for line in lines[1:]:
                    console.print(f"    {line}")
    return 0
