"""Compiled rule sets: compile once, evaluate many applications fast.

:meth:`RuleSet.compile <ledarskap.eligibility.RuleSet.compile>` turns every rule into
closures once (CEL-style). A :class:`CompiledRuleSet` then decides one application
(:meth:`~CompiledRuleSet.evaluate`) or a whole applicant list
(:meth:`~CompiledRuleSet.evaluate_many`), which returns a :class:`BulkResult`: the
decisions and a :class:`Summary` (how many eligible, the most common reasons).
With ``explain=False`` only outcomes are computed, short-circuiting, which is the fast
path; decisions are then explained on first access.

>>> import datetime as dt
>>> from ledarskap import Application, Cohort, Collaboration
>>> from ledarskap.eligibility import default_ruleset
>>> cohort = Cohort(id="c-2025", program_id="liko", name="Omgång 2025/26",
...                 start=dt.date(2025, 9, 1), end=dt.date(2026, 6, 30),
...                 collaborations=[Collaboration(municipality="Linköping"),
...                                 Collaboration(municipality="Motala")])
>>> apps = [
...     Application(id=f"a{i}", person_id=f"p{i}", cohort_id="c-2025",
...                 submitted=dt.date(2025, 4, 1), municipality=town, title=title,
...                 reports_to=[], leads_staff_function=staff)
...     for i, (town, title, staff) in enumerate([
...         ("Linköping", "IT-chef", True), ("Motala", "Avdelningschef", False),
...         ("Kinda", "Ekonomidirektör", True)])]
>>> result = default_ruleset().compile().evaluate_many(apps, cohort=cohort)
>>> [o.value for o in result.outcomes]
['eligible', 'not-eligible', 'not-eligible']
>>> print(result.summary.render("en"))
Applications: 3
  Eligible: 1
  Not eligible: 2
  Undetermined: 0
Most common reasons:
  1 × does not report to any committee or board
  1 × the position is not a staff function
  1 × the position is not strategist in the central administration
  1 × the municipality does not collaborate in the cohort
Most common warnings:
  1 × the position is not head of division, finance director, head of administration, head of office, area manager, HR director or strategist in the central administration
>>> result.summary.reasons[0]
('reports_to_political_body=false', 1)
>>> result.summary.to_data()["counts"]
{'eligible': 1, 'not-eligible': 2, 'undetermined': 0}

.. versionadded:: 0.2
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ledarskap.errors import RuleError
from ledarskap.model import Application, Cohort, Language, ProgramData
from ledarskap.model.positions import checked_language

from ._plan import Explain, Plan, cost, junction, plan_for
from .context import EvaluationContext, check_applications, facts_of, resolve_as_of
from .decisions import Decision, DecisionNode, RuleResult
from .decisions import leaves_explaining as _why
from .problems import RuleProblem
from .rulesets import RuleEntry, RuleLevel, RuleSet
from .truth import Outcome, Truth

if TYPE_CHECKING:
    from .predicates import PredicateRegistry

__all__ = ["SUMMARY_FORMAT", "BulkResult", "CompiledRuleSet", "Summary", "compile_ruleset"]

_TRUTH = {True: Truth.TRUE, False: Truth.FALSE, None: Truth.UNKNOWN}
_T, _F, _U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN
_OUTCOME_OF = {_T: Outcome.ELIGIBLE, _F: Outcome.NOT_ELIGIBLE, _U: Outcome.UNDETERMINED}
_OUTCOME = {True: Outcome.ELIGIBLE, False: Outcome.NOT_ELIGIBLE, None: Outcome.UNDETERMINED}


@attrs.frozen
class _Frame:
    """What is fixed for one date and cohort: the context and the entries in force."""

    ctx: EvaluationContext
    required: tuple[tuple[RuleEntry, Plan], ...]
    advisory: tuple[tuple[RuleEntry, Plan], ...]
    decide: Callable[[Application, EvaluationContext], bool | None]
    explain_required: tuple[tuple[Explain, str, tuple[Any, ...]], ...] = attrs.field(init=False)
    explain_advisory: tuple[tuple[Explain, str, tuple[Any, ...]], ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        for name, pairs in (
            ("explain_required", self.required),
            ("explain_advisory", self.advisory),
        ):
            prepared = tuple(
                (
                    plan.explain,
                    entry.id,
                    (entry.id, entry.version, entry.level.value, entry.valid_from, entry.valid_to),
                )
                for entry, plan in pairs
            )
            object.__setattr__(self, name, prepared)


def _unknown(app: Application, ctx: EvaluationContext) -> bool | None:
    return None


def _facts(app: Application) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if app.position is not None:
        facts["position"] = app.position.slug
    if app.title is not None:
        facts["title"] = app.title
    if app.municipality is not None:
        facts["municipality"] = app.municipality.code
    if app.organisation is not None:
        facts["organisation"] = app.organisation
    if app.organisation_kind is not None:
        facts["organisation_kind"] = app.organisation_kind.value
    return facts


class CompiledRuleSet:
    """A :class:`~ledarskap.eligibility.RuleSet` compiled to closures, ready to evaluate."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        self._plans = {entry: plan_for(entry.rule, ruleset.registry) for entry in ruleset.entries}
        self._frames: dict[tuple[dt.date, str | None, int], _Frame] = {}

    def _frame(self, as_of: dt.date, cohort: Cohort | None, strict: bool) -> _Frame:
        key = (as_of, None if cohort is None else cohort.id, id(cohort))
        frame = self._frames.get(key)
        # The same object, not only the same id: ids of freed objects are reused.
        if frame is None or frame.ctx.cohort is not cohort:
            entries = self.ruleset.in_force(as_of)
            required = tuple((e, self._plans[e]) for e in entries if e.level is RuleLevel.REQUIRED)
            advisory = tuple((e, self._plans[e]) for e in entries if e.level is RuleLevel.ADVISORY)
            ctx = EvaluationContext.for_cohort(
                as_of=as_of, cohort=cohort, parameters=self.ruleset.parameters_at(as_of)
            )
            by_cost = sorted((p for _, p in required), key=lambda p: cost(p.rule))
            decide = junction([p.fast for p in by_cost], is_all=True) if required else _unknown
            frame = _Frame(ctx, required, advisory, decide)
            if len(self._frames) > 256:
                self._frames.clear()
            self._frames[key] = frame
        if strict and not frame.required:
            raise RuleError(
                f"no rule in force on {as_of.isoformat()}",
                [
                    RuleProblem(
                        f"no required rule of {self.ruleset.id} {self.ruleset.version} is in force "
                        f"on {as_of.isoformat()} (windows are [valid_from, valid_to))",
                        code="no-rule-in-force",
                        source=self.ruleset.source,
                        path="as_of",
                    )
                ],
                source=self.ruleset.source,
            )
        return frame

    @staticmethod
    def _as_of(
        application: Application,
        as_of: dt.date | None,
        cohort: Cohort | None,
        program: ProgramData | None,
    ) -> tuple[dt.date, Cohort | None]:
        check_applications([application], "application")
        if cohort is None and isinstance(program, ProgramData):
            try:
                cohort = program.cohort(application.cohort_id)
            except LookupError:
                cohort = None
        return resolve_as_of(as_of, cohort, program), cohort

    def evaluate(
        self,
        application: Application,
        *,
        as_of: dt.date | None = None,
        cohort: Cohort | None = None,
        program: ProgramData | None = None,
        strict: bool = False,
        explain: bool = True,
    ) -> Decision:
        """Decide whether *application* is in the target group, on *as_of*.

        *as_of* defaults to the *cohort*'s start (or the start of the application's cohort
        in *program*); one of them is required, the clock is never read. The cohort gives
        the collaborating municipalities; *program* fills facts the application leaves
        open from its appointment on record. On a date when no required rule is in force
        the outcome is undetermined ("no rule in force"), or a RuleError if *strict*.
        With ``explain=False`` the decision has each rule's result but no trees, reasons
        or missing facts (faster).
        """
        day, cohort = self._as_of(application, as_of, cohort, program)
        frame = self._frame(day, cohort, strict)
        app = facts_of(application, program)
        if explain:
            return self._explain(app, frame, application.id)
        results = [
            RuleResult(
                id=e.id,
                version=e.version,
                level=e.level.value,
                result=_TRUTH[p.fast(app, frame.ctx)],
                valid_from=e.valid_from,
                valid_to=e.valid_to,
            )
            for e, p in (*frame.required, *frame.advisory)
        ]
        outcome = _OUTCOME[frame.decide(app, frame.ctx)]
        return self._decision(frame, application.id, outcome, results, (), (), (), {})

    def _decision(  # noqa: PLR0917  # private
        self,
        frame: _Frame,
        application_id: str,
        outcome: Outcome,
        results: Sequence[RuleResult],
        reasons: Sequence[DecisionNode],
        warnings: Sequence[DecisionNode],
        missing: Sequence[str],
        facts: Mapping[str, Any],
    ) -> Decision:
        return Decision(
            outcome=outcome,
            as_of=frame.ctx.as_of,
            ruleset=self.ruleset.id,
            ruleset_version=self.ruleset.version,
            application_id=application_id,
            rules=results,
            reasons=reasons,
            warnings=warnings,
            missing_facts=missing,
            facts=facts,
        )

    def _explain(self, app: Application, frame: _Frame, application_id: str) -> Decision:
        ctx = frame.ctx
        new = tuple.__new__
        results: list[RuleResult] = []
        combined = _T
        required_trees: list[DecisionNode] = []
        for explain, path, head in frame.explain_required:
            tree = explain(app, ctx, path)
            result = tree[2]
            if result is not _T and combined is not _F:
                combined = result
            required_trees.append(tree)
            results.append(new(RuleResult, (*head[:3], result, *head[3:], tree)))
        warnings: list[DecisionNode] = []
        for explain, path, head in frame.explain_advisory:
            tree = explain(app, ctx, path)
            result = tree[2]
            results.append(new(RuleResult, (*head[:3], result, *head[3:], tree)))
            if result is not _T:
                warnings.extend(_why(tree, result))
        reasons: list[DecisionNode] = []
        if not required_trees:
            outcome = Outcome.UNDETERMINED
            reasons.append(
                DecisionNode(
                    path="as_of",
                    code="no_rule_in_force",
                    result=_U,
                    seen=ctx.as_of.isoformat(),
                )
            )
        else:
            outcome = _OUTCOME_OF[combined]
            if combined is not _T:
                for tree in required_trees:
                    if tree[2] is combined:
                        reasons.extend(_why(tree, combined))
        missing: dict[str, None] = {}
        for rule_result in results:
            if rule_result.result is _U and rule_result.tree is not None:
                for leaf in _why(rule_result.tree, _U):
                    missing.update(dict.fromkeys(leaf.missing))
        return Decision(
            outcome=outcome,
            as_of=ctx.as_of,
            ruleset=self.ruleset.id,
            ruleset_version=self.ruleset.version,
            application_id=application_id,
            rules=tuple(results),
            reasons=tuple(reasons),
            warnings=tuple(warnings),
            missing_facts=tuple(missing),
            facts=_facts(app),
        )

    def outcomes(
        self,
        applications: Iterable[Application],
        *,
        as_of: dt.date | None = None,
        cohort: Cohort | None = None,
        program: ProgramData | None = None,
        strict: bool = False,
    ) -> list[Outcome]:
        """Only the outcomes, as fast as the rules allow (short-circuit, no explanation)."""
        applications = list(applications)
        check_applications(applications)
        outcomes: list[Outcome] = []
        append = outcomes.append
        fixed = None
        if program is None:
            fixed = self._frame(resolve_as_of(as_of, cohort), cohort, strict)
        if fixed is not None:
            decide, ctx, table = fixed.decide, fixed.ctx, _OUTCOME
            return [table[decide(app, ctx)] for app in applications]
        for application in applications:
            day, found = self._as_of(application, as_of, cohort, program)
            frame = self._frame(day, found, strict)
            append(_OUTCOME[frame.decide(facts_of(application, program), frame.ctx)])
        return outcomes

    def evaluate_many(
        self,
        applications: Iterable[Application],
        *,
        as_of: dt.date | None = None,
        cohort: Cohort | None = None,
        program: ProgramData | None = None,
        strict: bool = False,
        explain: bool = True,
    ) -> BulkResult:
        """Decide every application; return the decisions and a summary.

        Arguments as for :meth:`evaluate`; with a *program* and no *cohort*, each
        application is decided for its own cohort. With ``explain=False`` the outcomes
        are computed on the fast path and each decision is explained when first read.
        """
        apps = list(applications)
        check_applications(apps)
        day = resolve_as_of(as_of, cohort, program) if program is None else None
        options: dict[str, Any] = {
            "as_of": as_of,
            "cohort": cohort,
            "program": program,
            "strict": strict,
        }
        if not explain:
            return BulkResult(self, apps, self.outcomes(apps, **options), None, options)
        # Many small objects are made and kept: the cyclic collector would only rescan them.
        paused = gc.isenabled()
        gc.disable()
        try:
            if day is not None:
                frame = self._frame(day, cohort, strict)
                decisions = [self._explain(a, frame, a.id) for a in apps]
            else:
                decisions = [self.evaluate(a, **options) for a in apps]
        finally:
            if paused:
                gc.enable()
        return BulkResult(self, apps, [d.outcome for d in decisions], decisions, options)


def compile_ruleset(ruleset: RuleSet) -> CompiledRuleSet:
    """The rule set compiled (the same as ``ruleset.compile()``)."""
    return ruleset.compile()


SUMMARY_FORMAT = "ledarskap.summary/1"
"""The ``format`` tag of :meth:`Summary.to_data`."""


@attrs.frozen
class Summary:
    """Counts over a bulk evaluation: outcomes, and the most common reasons and warnings.

    ``reasons``, ``warnings`` and ``missing_facts`` are ``(key, count)`` pairs, most
    common first; a reason's key is ``"<code>=<result>"`` (see
    :attr:`DecisionNode.key <ledarskap.eligibility.DecisionNode.key>`).
    """

    total: int
    counts: Mapping[Outcome, int]
    reasons: tuple[tuple[str, int], ...] = ()
    warnings: tuple[tuple[str, int], ...] = ()
    missing_facts: tuple[tuple[str, int], ...] = ()
    examples: Mapping[str, tuple[DecisionNode, ...]] = attrs.field(
        factory=dict, eq=False, repr=False
    )
    """Nodes counted under each key (a few, with different ``seen``), to word them."""
    registry: PredicateRegistry | None = attrs.field(default=None, eq=False, repr=False)
    """The vocabulary of the rule set, for the texts of its predicates."""

    def to_data(self) -> dict[str, Any]:
        """The summary as plain data (JSON-ready), tagged ``format: "ledarskap.summary/1"``.

        Counts are by key (``"<code>=<result>"``), as in :attr:`reasons`: data to store or
        compare, in no language; :meth:`render` words them.
        """

        def pairs(items: tuple[tuple[str, int], ...]) -> list[dict[str, Any]]:
            return [{"key": key, "count": count} for key, count in items]

        return {
            "format": SUMMARY_FORMAT,
            "total": self.total,
            "counts": {o.value: self.counts.get(o, 0) for o in Outcome},
            "reasons": pairs(self.reasons),
            "warnings": pairs(self.warnings),
            "missing_facts": pairs(self.missing_facts),
        }

    def render(self, language: Language = "sv") -> str:
        """The summary in a few lines, worded from the message catalogue.

        The counts, then the most common reasons, warnings and missing facts (five of each).
        """
        from .messages import FACT_LABELS, render_reason

        i = 0 if checked_language(language) == "sv" else 1

        def say(key: str) -> str:
            nodes = self.examples.get(key)
            return render_reason(nodes, language, registry=self.registry) if nodes else key

        lines = [
            ("Ansökningar", "Applications")[i] + f": {self.total}",
            *(f"  {o.label(language)}: {self.counts.get(o, 0)}" for o in Outcome),
        ]
        for heading, counted in (
            (("Vanligaste skäl", "Most common reasons"), self.reasons),
            (("Vanligaste varningar", "Most common warnings"), self.warnings),
        ):
            if counted:
                lines.append(heading[i] + ":")
                lines.extend(f"  {count} × {say(key)}" for key, count in counted[:5])
        if self.missing_facts:
            lines.append(("Saknade uppgifter", "Missing facts")[i] + ":")
            lines.extend(
                f"  {count} × {FACT_LABELS.get(fact, (fact, fact))[i]}"
                for fact, count in self.missing_facts[:5]
            )
        return "\n".join(lines)


class BulkResult(Sequence[Decision]):
    """The decisions of a bulk evaluation, in application order, with a :class:`Summary`.

    ``outcomes`` is always computed; the decisions (a sequence: ``result[i]``, iteration)
    are computed up front with ``explain=True`` and on first access otherwise.
    """

    def __init__(
        self,
        compiled: CompiledRuleSet,
        applications: list[Application],
        outcomes: list[Outcome],
        decisions: list[Decision] | None,
        options: dict[str, Any],
    ) -> None:
        self.applications = tuple(applications)
        self.outcomes = tuple(outcomes)
        self._compiled = compiled
        self._decisions = decisions
        self._options = options
        self._summary: Summary | None = None

    @property
    def decisions(self) -> tuple[Decision, ...]:
        """Every decision, explained."""
        if self._decisions is None:
            self._decisions = [
                self._compiled.evaluate(a, **self._options) for a in self.applications
            ]
        return tuple(self._decisions)

    @property
    def explained(self) -> bool:
        """Whether the decisions are already computed (explain=True, or read once)."""
        return self._decisions is not None

    @property
    def summary(self) -> Summary:
        """The counts of outcomes; reasons, warnings and missing facts when explained."""
        if self._summary is None:
            counts = Counter(self.outcomes)
            reasons: Counter[str] = Counter()
            warnings: Counter[str] = Counter()
            missing: Counter[str] = Counter()
            examples: dict[str, list[DecisionNode]] = {}
            for decision in self._decisions or ():
                reasons.update(list(dict.fromkeys(n.key for n in decision.reasons)))
                warnings.update(list(dict.fromkeys(n.key for n in decision.warnings)))
                missing.update(decision.missing_facts)
                for node in (*decision.reasons, *decision.warnings):
                    kept = examples.setdefault(node.key, [])
                    if len(kept) < 3 and all(k.seen != node.seen for k in kept):
                        kept.append(node)
            self._summary = Summary(
                total=len(self.outcomes),
                counts={o: counts.get(o, 0) for o in Outcome},
                reasons=tuple(reasons.most_common()),
                warnings=tuple(warnings.most_common()),
                missing_facts=tuple(missing.most_common()),
                examples={key: tuple(nodes) for key, nodes in examples.items()},
                registry=self._compiled.ruleset.registry,
            )
        return self._summary

    def eligible(self) -> tuple[Application, ...]:
        """The applications decided eligible."""
        return tuple(
            a
            for a, o in zip(self.applications, self.outcomes, strict=True)
            if o is Outcome.ELIGIBLE
        )

    def __len__(self) -> int:
        return len(self.outcomes)

    def __getitem__(self, index: Any) -> Any:
        return self.decisions[index]

    def __iter__(self) -> Iterator[Decision]:
        return iter(self.decisions)

    def __repr__(self) -> str:
        counts = ", ".join(f"{o.value}={n}" for o, n in self.summary.counts.items())
        return f"<BulkResult: {len(self)} applications, {counts}>"
