"""Bulk eligibility: the default rule set against hand-written Python deciding the same rules.

Two comparisons, each at 1k, 10k and 100k applications, collector on and paused, the
median of interleaved rounds (see ``benchmarks/_harness.py``):

- **outcomes**: ``RuleSet.evaluate_many(..., explain=False)`` against the honest floor, a
  plain Python function that decides the same required rules with the same three-valued
  logic and stops at the first rule that fails (:func:`decide_by_hand`). Aim: at most 3x.
- **explained**: ``RuleSet.evaluate_many(...)`` (explanations on; every decision's tree is
  built when the decision is read) against a hand-written function that also returns the
  reasons (:func:`reasons_by_hand`: the failed or unknown conditions, in the rule's order),
  with every decision's reasons read, so that both sides have made the same reasons. Aim:
  at most 10x.

Before timing, each subject is checked against its reference: the same outcomes for every
application, and the same reasons (code and result) for every decision.

Run it with ``make bench`` or ``python -m benchmarks bench_eligibility``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from ledarskap import (
    Application,
    Cohort,
    Collaboration,
    OrganisationKind,
    PoliticalBody,
    PoliticalBodyKind,
    PositionKind,
    StaffFunction,
    all_positions,
    county,
)
from ledarskap.eligibility import Outcome, default_ruleset

from ._harness import Comparison, machine, run

ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED = Outcome.ELIGIBLE, Outcome.NOT_ELIGIBLE, Outcome.UNDETERMINED
_OUTCOME = {True: ELIGIBLE, False: NOT_ELIGIBLE, None: UNDETERMINED}
_POLITICAL = frozenset(
    {PoliticalBodyKind.NAMND, PoliticalBodyKind.KOMMUNSTYRELSE, PoliticalBodyKind.STYRELSE}
)
_CHIEF = PositionKind.CHIEF_EXECUTIVE
_CENTRAL = OrganisationKind.CENTRAL_ADMINISTRATION


def decide_by_hand(app: Application, collaborating: frozenset[str]) -> Outcome:
    """The default rule set's required rules, by hand: the cheap rules first, stopping at
    the first that fails, and an unknown remembered (Kleene AND of the three rules)."""
    unknown = False
    home = app.municipality  # employed_by_collaborating_municipality
    if home is None:
        unknown = True
    elif home.code not in collaborating:
        return NOT_ELIGIBLE
    held = app.position  # not is_chief_executive
    if held is None:
        unknown = True
    elif held.kind is _CHIEF:
        return NOT_ELIGIBLE
    # reports_to_political_body or leads_staff_function
    # or (position == "strateg" and works_in_central_administration)
    bodies = app.reports_to
    if bodies is not None and any(b.kind in _POLITICAL for b in bodies):
        return UNDETERMINED if unknown else ELIGIBLE
    leads = app.leads_staff_function
    if leads:
        return UNDETERMINED if unknown else ELIGIBLE
    role_unknown = bodies is None or leads is None
    kind = app.organisation_kind
    strateg = None if held is None else held.slug == "strateg"
    central = None if kind is None else kind is _CENTRAL
    if strateg is not False and central is not False:
        if strateg and central:
            return UNDETERMINED if unknown else ELIGIBLE
        role_unknown = True
    return UNDETERMINED if role_unknown else NOT_ELIGIBLE


def _and(*values: bool | None) -> bool | None:
    if False in values:
        return False
    return None if None in values else True


def _or(*values: bool | None) -> bool | None:
    if True in values:
        return True
    return None if None in values else False


Reasons = list[tuple[str, bool | None]]


def reasons_by_hand(app: Application, collaborating: frozenset[str]) -> tuple[Outcome, Reasons]:
    """The outcome and its reasons, by hand: every required rule's conditions evaluated, and
    the ``(code, result)`` of each condition that explains a "no" or an open answer."""
    held, home, kind = app.position, app.municipality, app.organisation_kind
    bodies, leads = app.reports_to, app.leads_staff_function
    reports = None if bodies is None else any(b.kind in _POLITICAL for b in bodies)
    strateg = None if held is None else held.slug == "strateg"
    central = None if kind is None else kind is _CENTRAL
    strategist = _and(strateg, central)
    role = _or(reports, leads, strategist)
    collaborates = None if home is None else home.code in collaborating
    chief = None if held is None else held.kind is _CHIEF
    not_chief = None if chief is None else not chief
    combined = _and(role, collaborates, not_chief)
    reasons: Reasons = []
    if combined is True:
        return ELIGIBLE, reasons
    if role is combined:
        if reports is combined:
            reasons.append(("reports_to_political_body", reports))
        if leads is combined:
            reasons.append(("leads_staff_function", leads))
        if strategist is combined:
            if strateg is combined:
                reasons.append(("position.eq", strateg))
            if central is combined:
                reasons.append(("works_in_central_administration", central))
    if collaborates is combined:
        reasons.append(("employed_by_collaborating_municipality", collaborates))
    if not_chief is combined:
        reasons.append(("is_chief_executive", chief))
    return _OUTCOME[combined], reasons


def applications(n: int, pool: list[str], *, seed: int = 2025) -> list[Application]:
    """*n* applications with varied facts, about one in six facts unknown."""
    rng = random.Random(seed)
    positions = list(all_positions())
    bodies = [
        PoliticalBody(name="Socialnämnden", kind=PoliticalBodyKind.NAMND),
        PoliticalBody(name="Kommunstyrelsen", kind=PoliticalBodyKind.KOMMUNSTYRELSE),
        PoliticalBody(name="Kommunfullmäktige", kind=PoliticalBodyKind.FULLMAKTIGE),
    ]
    kinds = list(OrganisationKind)
    functions = list(StaffFunction)

    def maybe(value: object) -> object:
        return None if rng.random() < 0.15 else value

    made = []
    for i in range(n):
        held = rng.choice(positions)
        made.append(
            Application(
                id=f"ans-{i:06d}",
                person_id=f"p-{i:06d}",
                cohort_id="c-2025",
                submitted=dt.date(2025, 4, 1),
                municipality=maybe(rng.choice(pool)),  # type: ignore[arg-type]
                organisation_kind=maybe(rng.choice(kinds)),  # type: ignore[arg-type]
                title=held.sv,
                position=maybe(held),
                in_position_since=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3650)),
                reports_to=maybe(rng.sample(bodies, rng.randint(0, 2))),  # type: ignore[arg-type]
                leads_staff_function=maybe(rng.random() < 0.3),  # type: ignore[arg-type]
                staff_function=rng.choice(functions) if rng.random() < 0.3 else None,
            )
        )
    return made


_REGION = [m.code for c in ("05", "06", "08") for m in county(c).municipalities]
_TAKING_PART = _REGION[:20]
COHORT = Cohort(
    id="c-2025",
    program_id="liko",
    name="Omgång 2025/26",
    start=dt.date(2025, 9, 1),
    end=dt.date(2026, 6, 30),
    collaborations=[Collaboration(municipality=code) for code in _TAKING_PART],
)
COLLABORATING = frozenset(_TAKING_PART)

Runner = Callable[[], object]


def _outcomes(size: int) -> tuple[Runner, Runner]:
    apps = applications(size, _REGION)
    rules = default_ruleset()
    by_hand = [decide_by_hand(a, COLLABORATING) for a in apps]
    decided = list(rules.evaluate_many(apps, cohort=COHORT, explain=False).outcomes)
    if decided != by_hand:
        wrong = next(i for i, (a, b) in enumerate(zip(decided, by_hand, strict=True)) if a != b)
        raise SystemExit(f"the floor and the rule set disagree on {apps[wrong]!r}")

    def subject() -> object:
        return rules.evaluate_many(apps, cohort=COHORT, explain=False).outcomes

    def reference() -> object:
        return [decide_by_hand(a, COLLABORATING) for a in apps]

    return subject, reference


def _check_reasons(apps: list[Application]) -> None:
    result = default_ruleset().evaluate_many(apps, cohort=COHORT)
    for app, decision in zip(apps, result, strict=True):
        outcome, reasons = reasons_by_hand(app, COLLABORATING)
        mine = [(n.code, n.result.as_bool()) for n in decision.reasons]
        if decision.outcome is not outcome or mine != reasons:
            raise SystemExit(f"the reasons by hand and the rule set's disagree on {app!r}")


def _explained_and_read(size: int) -> tuple[Runner, Runner]:
    apps = applications(size, _REGION)
    rules = default_ruleset()
    _check_reasons(apps)

    def subject() -> object:
        return [d.reasons for d in rules.evaluate_many(apps, cohort=COHORT)]

    def reference() -> object:
        return [reasons_by_hand(a, COLLABORATING) for a in apps]

    return subject, reference


COMPARISONS = (
    Comparison(
        "eligibility: outcomes, evaluate_many(explain=False)",
        "evaluate_many(explain=False)",
        "decide_by_hand (short-circuiting)",
        _outcomes,
        target=3.0,
    ),
    Comparison(
        "eligibility: explained, every decision's reasons read",
        "evaluate_many() + .reasons of each",
        "reasons_by_hand",
        _explained_and_read,
        target=10.0,
    ),
)


def main() -> None:
    print(machine(), flush=True)
    run(COMPARISONS)


if __name__ == "__main__":
    main()
