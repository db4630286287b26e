"""Many applications decided at once: the decisions, their outcomes and a summary.

:meth:`RuleSet.evaluate_many <ledarskap.eligibility.RuleSet.evaluate_many>` returns a
:class:`BulkResult`: the outcomes, decided at once on the short-circuiting path, and the
decisions, each explained when first read (the trees are built lazily); ``summary``
counts the outcomes and, when explanations were asked for, the most common reasons.

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
>>> result = default_ruleset().evaluate_many(apps, cohort=cohort)
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

.. versionadded:: 0.3
   Moved here from ``compiled``, which goes with ``CompiledRuleSet``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from ledarskap._gc import paused_gc
from ledarskap.errors import mask_personal_data, masked_repr
from ledarskap.model import Application
from ledarskap.text import Language, Text

from ._trees import DecisionNode
from .decisions import Decision
from .messages import fact_label, render_reason
from .predicates import PredicateRegistry
from .truth import Outcome

__all__ = ["SUMMARY_FORMAT", "BulkResult", "Summary"]

_HEADINGS = {
    "applications": Text("Ansökningar", "Applications"),
    "reasons": Text("Vanligaste skäl", "Most common reasons"),
    "warnings": Text("Vanligaste varningar", "Most common warnings"),
    "missing": Text("Saknade uppgifter", "Missing facts"),
}


SUMMARY_FORMAT = "ledarskap.summary/1"
"""The ``format`` tag of :meth:`Summary.to_data`."""


@masked_repr
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

        Counts are by key (``"<code>=<result>"``), as in ``reasons``: data to store or
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

        The counts, then the most common reasons, warnings and missing facts (five of each),
        personal data masked (a reason may name what an applicant wrote).
        """

        def say(key: str) -> str:
            nodes = self.examples.get(key)
            return render_reason(nodes, language, registry=self.registry) if nodes else key

        lines = [
            f"{_HEADINGS['applications'].render(language)}: {self.total}",
            *(f"  {o.label(language)}: {self.counts.get(o, 0)}" for o in Outcome),
        ]
        for heading, counted in (("reasons", self.reasons), ("warnings", self.warnings)):
            if counted:
                lines.append(_HEADINGS[heading].render(language) + ":")
                lines.extend(f"  {count} × {say(key)}" for key, count in counted[:5])
        if self.missing_facts:
            lines.append(_HEADINGS["missing"].render(language) + ":")
            lines.extend(
                f"  {count} × {fact_label(fact, language)}"
                for fact, count in self.missing_facts[:5]
            )
        return mask_personal_data("\n".join(lines))


class BulkResult(Sequence[Decision]):
    """The decisions of a bulk evaluation, in application order, with a :class:`Summary`.

    ``outcomes`` are decided at once; the decisions (``result[i]``, iteration,
    ``decisions``) are made when first read, and explained as far as they are read: with
    ``explain=True`` the reasons of all of them when they are all read, the rest of a
    decision (its warnings, the trees of its rules) when that is. With ``explain=True`` the
    :attr:`summary` counts the reasons, warnings and missing facts too; without, it counts
    the outcomes alone.

    It pickles (from a worker process, say) and copies. With ``explain=True`` every
    decision is made and explained first, as a :class:`Decision` pickles: what makes them
    is the compiled rules. Without, and decided without a *program*, only the decisions
    read so far go with it, and the rest are made when read where it is unpickled, from
    the rule set, the cohort and the date of the evaluation, which go with it instead (so
    a result made to be fast stays fast to send); decided with a program, every decision
    is made and explained first, as the program would be too large to send in their place. Its registry, for the texts of the summary, pickles by name (see
    :class:`~ledarskap.eligibility.PredicateRegistry`).

    .. versionchanged:: 0.3
       Pickles, and copies with :mod:`copy`.
    """

    def __init__(  # made by RuleSet.evaluate_many only
        self,
        applications: Sequence[Application],
        outcomes: Sequence[Outcome],
        decide: Callable[[Application, Outcome], Decision],
        *,
        explain: bool,
        registry: PredicateRegistry | None = None,
        remake: Callable[[], Callable[[Application, Outcome], Decision]] | None = None,
    ) -> None:
        self.applications = tuple(applications)
        self.outcomes = tuple(outcomes)
        self._decide = decide
        self._made: list[Decision | None] | None = None  # until a decision is read
        self._explain = explain
        self._registry = registry
        self._summary: Summary | None = None
        # What makes *decide* again, pickled in its place without explanations.
        self._remake = remake

    @property
    def _decisions(self) -> list[Decision | None]:
        if self._made is None:
            self._made = [None] * len(self.outcomes)
        return self._made

    def _decision(self, index: int) -> Decision:
        decision = self._decisions[index]
        if decision is None:
            made = self._decide(self.applications[index], self.outcomes[index])
            decision = self._decisions[index] = made
        return decision

    @property
    def decisions(self) -> tuple[Decision, ...]:
        """Every decision; with explanations, each one's reasons made.

        The rest of an explanation (the trees of the rules that hold) is made when read.
        """
        # Many small objects are made and kept: the cyclic collector would only rescan them.
        with paused_gc():
            if self._made is None or None in self._made:
                decide, known = self._decide, self._decisions
                made = [
                    decide(a, o) if d is None else d
                    for a, o, d in zip(self.applications, self.outcomes, known, strict=True)
                ]
                if self._explain:
                    for decision in made:
                        decision.reasons  # noqa: B018  # made now, with the collector paused
                self._made = list(made)
            return tuple(self._made)  # type: ignore[arg-type]  # every one made above

    @property
    def explained(self) -> bool:
        """Whether every decision is already made (read once, or summarised)."""
        return self._made is not None and None not in self._made

    @property
    def summary(self) -> Summary:
        """The counts of outcomes; reasons, warnings and missing facts with explanations."""
        if self._summary is None:
            counts = Counter(self.outcomes)
            reasons: Counter[str] = Counter()
            warnings: Counter[str] = Counter()
            missing: Counter[str] = Counter()
            examples: dict[str, list[DecisionNode]] = {}
            with paused_gc():
                for decision in self.decisions if self._explain else ():
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
                registry=self._registry,
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
        if isinstance(index, slice):
            return tuple(self._decision(i) for i in range(len(self.outcomes))[index])
        return self._decision(range(len(self.outcomes))[index])

    def __iter__(self) -> Iterator[Decision]:
        return iter(self.decisions)

    def __getstate__(self) -> dict[str, Any]:
        remake = None if self._explain else self._remake
        return {
            "applications": self.applications,
            "outcomes": self.outcomes,
            # Each made now, what makes them being closures; unless they can be made again.
            "decisions": self.decisions if remake is None else self._made,
            "explain": self._explain,
            "registry": self._registry,
            "summary": self._summary,
            "remake": remake,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.applications = state["applications"]
        self.outcomes = state["outcomes"]
        made, self._remake = state["decisions"], state["remake"]
        self._made = None if made is None else list(made)
        self._decide = _made_already if self._remake is None else _Remade(self._remake)
        self._explain = state["explain"]
        self._registry = state["registry"]
        self._summary = state["summary"]

    def __repr__(self) -> str:
        counts = Counter(self.outcomes)
        shown = ", ".join(f"{o.value}={counts.get(o, 0)}" for o in Outcome)
        return f"<BulkResult: {len(self)} applications, {shown}>"


class _Remade:
    """What decides in a bulk result unpickled with decisions to make: made on first use."""

    __slots__ = ("_decide", "_remake")

    def __init__(self, remake: Callable[[], Callable[[Application, Outcome], Decision]]) -> None:
        self._remake = remake
        self._decide: Callable[[Application, Outcome], Decision] | None = None

    def __call__(self, application: Application, outcome: Outcome) -> Decision:
        if self._decide is None:
            self._decide = self._remake()
        return self._decide(application, outcome)


def _made_already(application: Application, outcome: Outcome) -> Decision:  # pragma: no cover
    """What decides in a bulk result copied or unpickled: nothing, every decision is made."""
    raise AssertionError("every decision of a copied bulk result is made")
