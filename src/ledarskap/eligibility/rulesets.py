"""Rule sets: versioned, dated rules (required or advisory) and their parameters.

A :class:`RuleSet` is what a rule author writes in a rule-set file (TOML or JSON, see
:func:`parse_ruleset`): an id and version, parameters, and entries, each a rule with an
id, a level and a validity window. The window is **half-open**: an entry with
``valid_from = 2025-01-01`` and ``valid_to = 2026-01-01`` is in force on 2025-01-01 and on
2025-12-31, and not on 2026-01-01, so the next version can start on the day this one ends.
One rule id may have several entries (its versions) as long as their windows do not overlap.

A **required** rule decides: the outcome is all required rules in force combined with
(three-valued) AND. An **advisory** rule never rejects: when it does not hold, the
decision carries a warning.

>>> import datetime as dt
>>> from ledarskap.eligibility import default_ruleset
>>> rules = default_ruleset()
>>> rules.id, [e.id for e in rules.in_force(dt.date(2025, 9, 1))]
('ledarskap-i-kommuner', ['role', 'collaborating-municipality', 'not-chief-executive', 'suggested-positions'])

.. versionadded:: 0.2
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ledarskap.model import Application, Cohort, Language, ProgramData
from ledarskap.model.positions import checked_language

from .parameters import Parameter
from .predicates import PredicateRegistry
from .rules import Rule

if TYPE_CHECKING:
    from .compiled import BulkResult, CompiledRuleSet
    from .decisions import Decision

__all__ = [
    "RULESET_FORMAT",
    "RuleEntry",
    "RuleLevel",
    "RuleSet",
    "default_ruleset",
    "parse_ruleset",
]

RULESET_FORMAT = "ledarskap.rules/1"
"""The ``format`` tag a rule-set file must carry."""


class RuleLevel(enum.Enum):
    """How binding a rule is."""

    REQUIRED = "required"
    """Part of the decision: failing it makes the applicant not eligible."""
    ADVISORY = "advisory"
    """A recommendation: failing it is a warning on the decision, never a rejection."""


@attrs.frozen(kw_only=True)
class RuleEntry:
    """One version of one rule of a rule set, in force on ``[valid_from, valid_to)``.

    ``None`` for ``valid_from`` means from the beginning, for ``valid_to`` until further
    notice. ``version`` names this version in decisions (by default its start date).
    """

    id: str
    rule: Rule
    level: RuleLevel = RuleLevel.REQUIRED
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    version: str = attrs.field()
    title_sv: str | None = attrs.field(default=None, eq=False)
    title_en: str | None = attrs.field(default=None, eq=False)

    @version.default
    def _version(self) -> str:
        return "initial" if self.valid_from is None else self.valid_from.isoformat()

    def in_force(self, day: dt.date) -> bool:
        """Whether the entry is in force on *day*: ``valid_from <= day < valid_to``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )

    def overlaps(self, other: RuleEntry) -> bool:
        """Whether the two windows share a day."""
        start = max(self.valid_from or dt.date.min, other.valid_from or dt.date.min)
        end = min(self.valid_to or dt.date.max, other.valid_to or dt.date.max)
        return start < end or (start == end == dt.date.max)

    def title(self, language: Language = "sv") -> str:
        """The entry's title in *language*, or its id."""
        sv = checked_language(language) == "sv"
        return (self.title_sv if sv else self.title_en) or self.id


def _entries(value: Iterable[RuleEntry]) -> tuple[RuleEntry, ...]:
    return tuple(value)


def _parameters(value: Mapping[str, Parameter] | Iterable[Parameter]) -> Mapping[str, Parameter]:
    if isinstance(value, Mapping):
        return dict(value)
    return {p.name: p for p in value}


@attrs.frozen(kw_only=True)
class RuleSet:
    """A versioned set of rules with parameters, as loaded from a rule-set file.

    Evaluate one application with :meth:`evaluate`; many with :meth:`compile` and
    :meth:`~ledarskap.eligibility.CompiledRuleSet.evaluate_many`. ``registry`` is the
    vocabulary the rules were checked against, and evaluated with.
    """

    id: str
    version: str
    entries: tuple[RuleEntry, ...] = attrs.field(converter=_entries)
    parameters: Mapping[str, Parameter] = attrs.field(factory=dict, converter=_parameters)
    title: str = attrs.field(default="", eq=False)
    source: str | None = attrs.field(default=None, eq=False)
    registry: PredicateRegistry | None = attrs.field(default=None, eq=False, repr=False)
    _compiled: list[CompiledRuleSet] = attrs.field(
        factory=list, init=False, eq=False, repr=False, hash=False
    )

    def __hash__(self) -> int:
        return hash((self.id, self.version, self.entries))

    def in_force(self, day: dt.date) -> tuple[RuleEntry, ...]:
        """The entries in force on *day*, in file order."""
        return tuple(e for e in self.entries if e.in_force(day))

    def parameters_at(self, day: dt.date) -> dict[str, Any]:
        """Every parameter's value in force on *day* (``None`` where none is)."""
        return {name: p.at(day) for name, p in self.parameters.items()}

    def compile(self) -> CompiledRuleSet:
        """The rule set compiled for fast evaluation (compiled once, then reused)."""
        if not self._compiled:
            from .compiled import CompiledRuleSet

            self._compiled.append(CompiledRuleSet(self))
        return self._compiled[0]

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
        """Decide whether *application* is in the target group.

        See :meth:`CompiledRuleSet.evaluate <ledarskap.eligibility.CompiledRuleSet.evaluate>`.
        """
        return self.compile().evaluate(
            application, as_of=as_of, cohort=cohort, program=program, strict=strict, explain=explain
        )

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
        """Decide many applications.

        See :meth:`CompiledRuleSet.evaluate_many
        <ledarskap.eligibility.CompiledRuleSet.evaluate_many>`.
        """
        return self.compile().evaluate_many(
            applications,
            as_of=as_of,
            cohort=cohort,
            program=program,
            strict=strict,
            explain=explain,
        )

    def to_data(self) -> dict[str, Any]:
        """The rule set as plain data in the file layout (``format``, ``rules``, ``parameters``)."""
        from ._syntax import source_value

        rules = []
        for e in self.entries:
            item: dict[str, Any] = {"id": e.id, "level": e.level.value, "when": str(e.rule)}
            if e.valid_from is not None:
                item["valid_from"] = e.valid_from.isoformat()
            if e.valid_to is not None:
                item["valid_to"] = e.valid_to.isoformat()
            item["version"] = e.version
            if e.title_sv:
                item["title_sv"] = e.title_sv
            if e.title_en:
                item["title_en"] = e.title_en
            rules.append(item)
        parameters: dict[str, Any] = {}
        for name, p in self.parameters.items():
            values = {
                ("always" if d is None else d.isoformat()): source_value(v) for d, v in p.values
            }
            entry: dict[str, Any] = {"values": values}
            if p.type_name:
                entry["type"] = p.type_name
            if p.description:
                entry["description"] = p.description
            parameters[name] = entry
        data: dict[str, Any] = {"format": RULESET_FORMAT, "id": self.id, "version": self.version}
        if self.title:
            data["title"] = self.title
        data["parameters"] = parameters
        data["rules"] = rules
        return data


def parse_ruleset(
    text: str,
    *,
    syntax: Literal["toml", "json"] = "toml",
    source: str | None = None,
    registry: PredicateRegistry | None = None,
) -> RuleSet:
    """The rule set written in *text* (TOML or JSON), checked whole before anything runs.

    Every problem is collected and raised at once as one
    :class:`~ledarskap.errors.RuleError`, each problem a
    :class:`~ledarskap.eligibility.RuleProblem` with the *source* (a file name, for
    messages only: nothing is read), the line (TOML), the path and a hint.

    >>> parse_ruleset('''
    ... format = "ledarskap.rules/1"
    ... id = "demo"
    ... version = "1"
    ... [[rules]]
    ... id = "role"
    ... when = "reports_to_politcal_body or any_of"
    ... [[rules]]
    ... id = "role"
    ... level = "mandatory"
    ... when = "position == 'avdelningschefen'"
    ... ''', source="demo.toml")
    Traceback (most recent call last):
    ...
    ledarskap.errors.RuleError: demo.toml: invalid rule set (5 problems)
      - demo.toml:7: rules[0].when: unknown predicate or field 'reports_to_politcal_body' (did you mean 'reports_to_political_body'?)
        reports_to_politcal_body or any_of
        ^^^^^^^^^^^^^^^^^^^^^^^^
      - demo.toml:7: rules[0].when: unknown predicate or field 'any_of'
        reports_to_politcal_body or any_of
                                    ^^^^^^
      - demo.toml:8: rules[1].id: duplicate rule id 'role' with the same validity window (give each rule its own id, or give versions of one rule disjoint windows)
      - demo.toml:10: rules[1].level: expected 'required' or 'advisory', found 'mandatory'
      - demo.toml:11: rules[1].when: position ==: expected a position of the catalog, found 'avdelningschefen' (did you mean 'avdelningschef'?)
        position == 'avdelningschefen'
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    """
    from ._loader import load

    return load(text, syntax=syntax, source=source, registry=registry)


@functools.cache
def _default_text() -> str:
    return resources.files("ledarskap.data").joinpath("default-rules.toml").read_text("utf-8")


@functools.cache
def default_ruleset() -> RuleSet:
    """The target group of *Ledarskap i kommuner*, from ``ledarskap/data/default-rules.toml``.

    The file quotes the program text it was written from, clause by clause. Loaded once.
    """
    return parse_ruleset(_default_text(), source="default-rules.toml")
