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

import copy
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal, TypeAlias

import attrs

from ledarskap._deprecation import warn_deprecated
from ledarskap.errors import InvalidValueError, Problem, RuleError, masked_repr, safe_repr
from ledarskap.model import Application, Cohort, ProgramData
from ledarskap.text import Text

from ._entries import RuleEntry, RuleLevel
from ._evaluation import Evaluator
from ._meaning import said
from ._rules import source_value
from ._ruleset_file import RULESET_FORMAT, load, parameter_uses
from ._vocabulary import registry_named, registry_reference, unknown_type, value_type
from .bulk import BulkResult
from .compiled import CompiledRuleSet
from .decisions import Decision
from .parameters import Parameter
from .predicates import PredicateRegistry, registry_or_builtin
from .truth import Outcome
from .valuetypes import ValueType

__all__ = [
    "RULESET_FORMAT",
    "RuleEntry",
    "RuleLevel",
    "RuleSet",
    "default_ruleset",
    "parse_ruleset",
]


_Parts: TypeAlias = tuple[str, str, tuple[RuleEntry, ...], dict[str, Parameter], str, str | None]
"""What a rule set is made of, but its registry: id, version, entries, parameters, title, source."""


def _entries(value: Iterable[RuleEntry]) -> tuple[RuleEntry, ...]:
    given: object = value  # what a caller gave, whatever the annotation says
    if isinstance(given, (str, bytes, Mapping)) or not isinstance(given, Iterable):
        raise _wrong("entries", Text("en lista med RuleEntry", "a list of RuleEntry"), given)
    entries = tuple(given)
    for index, entry in enumerate(entries):
        if not isinstance(entry, RuleEntry):
            raise _wrong(f"entries[{index}]", Text("en RuleEntry", "a RuleEntry"), entry)
    return entries


def _parameters(value: Mapping[str, Parameter] | Iterable[Parameter]) -> Mapping[str, Parameter]:
    """A read-only copy: the rule set is compiled with it, so it cannot change afterwards."""
    given: object = value  # what a caller gave, whatever the annotation says
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise _wrong("parameters", _PARAMETERS, given)
    named = dict(given) if isinstance(given, Mapping) else {p.name: p for p in _each(given)}
    for name, parameter in named.items():
        if not isinstance(parameter, Parameter) or parameter.name != name:
            raise _wrong(f"parameters[{safe_repr(name, 60)}]", _PARAMETERS, parameter)
    return MappingProxyType(named)


_PARAMETERS = Text(
    "parametrar (Parameter), var och en under sitt namn",
    "parameters (Parameter), each under its own name",
)


def _each(parameters: Iterable[Any]) -> Iterable[Parameter]:
    for parameter in parameters:
        if not isinstance(parameter, Parameter):
            raise _wrong("parameters", _PARAMETERS, parameter)
        yield parameter


def _wrong(where: str, expected: Text, found: object) -> InvalidValueError:
    return InvalidValueError(location=f"RuleSet.{where}", expected=expected, found=found)


def _checked_parts(
    entries: tuple[RuleEntry, ...],
    parameters: Mapping[str, Parameter],
    registry: PredicateRegistry,
) -> dict[str, Parameter]:
    """The parameters, their values read as their type reads them; or every problem at once.

    Refused as a rule-set file's would be: two versions of a rule in force on one day, or
    with one label; a rule naming a parameter the rule set does not have; a parameter of no
    type (one no rule uses, without ``type_name``) and a value its type does not read. A
    parameter's type is the one its rules and the registry's predicates use it as, or its
    ``type_name``; its values come back as that type reads them (``"Linköping"`` in a list
    of municipalities is ``"0580"``), and it records the type.
    """
    problems = _version_problems(entries)
    for index, entry in enumerate(entries):
        for name in sorted(entry.rule.parameters() - parameters.keys()):
            problems.append(
                Problem(
                    f"entries[{index}].rule",
                    Text(
                        f"okänd parameter {safe_repr(name, 60)}",
                        f"unknown parameter {safe_repr(name, 60)}",
                    ),
                    "unknown-parameter",
                )
            )
    uses: dict[str, list[ValueType]] = {}
    for entry in entries:
        for node in entry.rule.walk():
            for name, kind in parameter_uses(node, registry):
                uses.setdefault(name, []).append(kind)
    implicit = registry.parameter_types()
    typed: dict[str, Parameter] = {}
    for name, parameter in parameters.items():
        where = f"parameters[{safe_repr(name, 60)}]"
        try:
            declared = None if parameter.type_name is None else value_type(parameter.type_name)
        except ValueError:
            problems.append(Problem(where, unknown_type(str(parameter.type_name)), "type"))
            continue
        kinds = [*implicit.get(name, ()), *uses.get(name, [])]
        chosen = declared if declared is not None else kinds[0] if kinds else None
        if chosen is None:
            problems.append(Problem(where, _NO_TYPE, "unused-parameter"))
            continue
        values: dict[dt.date | None, Any] = {}
        before = len(problems)
        for day, value in parameter.values:
            try:
                values[day] = chosen.convert(value)
            except (ValueError, TypeError) as error:
                text, _ = said(error)
                sv, en = (text.sv, text.en) if isinstance(text, Text) else (text, text)
                shown = "None" if day is None else day.isoformat()
                problems.append(
                    Problem(
                        f"{where}.values[{shown}]",
                        Text(f"{chosen}: {sv}", f"{chosen}: {en}"),
                        "type",
                    )
                )
        if len(problems) == before:
            typed[name] = attrs.evolve(parameter, values=values, type_name=chosen.name)
    if problems:
        raise RuleError(Text("ogiltig regeluppsättning", "invalid rule set"), problems)
    return typed


_NO_TYPE = Text(
    "ingen regel eller inget predikat använder parametern, och den har ingen typ (type_name)",
    "no rule or predicate uses the parameter, and it has no type (type_name)",
)


def _version_problems(entries: tuple[RuleEntry, ...]) -> list[Problem]:
    """Versions of one rule in force on one day, or with one label: sorted, one pass a rule."""
    problems: list[Problem] = []
    by_rule: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        by_rule.setdefault(entry.id, []).append(index)
    for rule_id, indexes in by_rule.items():
        shown = safe_repr(rule_id, 60)
        labels: dict[str, int] = {}
        reach: RuleEntry | None = None  # the version reaching furthest so far
        ordered = sorted(indexes, key=lambda i: entries[i].valid_from or dt.date.min)
        for index in ordered:
            entry = entries[index]
            if reach is not None and entry.overlaps(reach):
                problems.append(
                    Problem(f"entries[{index}]", _OVERLAP.format(rule=shown), "duplicate-id")
                )
            if entry.version in labels:
                problems.append(
                    Problem(
                        f"entries[{index}].version",
                        _LABEL.format(rule=shown, label=safe_repr(entry.version, 60)),
                        "duplicate-version",
                    )
                )
            labels.setdefault(entry.version, index)
            if reach is None or (
                reach.valid_to is not None
                and (entry.valid_to is None or entry.valid_to > reach.valid_to)
            ):
                reach = entry
    return problems


_OVERLAP = Text(
    "regeln {rule} har en version till i kraft samma dag; ge versionerna av en regel fönster "
    "som inte överlappar",
    "rule {rule} has another version in force on a day it is; give the versions of a rule "
    "windows that do not overlap",
)
_LABEL = Text(
    "regeln {rule} har redan en version som heter {label}: ett beslut måste kunna säga vilken "
    "det följde",
    "rule {rule} already has a version called {label}: a decision must say which it followed",
)


@masked_repr
@attrs.frozen(kw_only=True)
class RuleSet:
    """A versioned set of rules with parameters, as loaded from a rule-set file.

    Evaluate one application with :meth:`evaluate`; many with :meth:`evaluate_many`.
    ``registry`` is the vocabulary the rules were checked against, and evaluated with. A
    rule set compiles its rules once, when it is made; ``parameters`` is a read-only
    mapping, so what is evaluated is always what the rule set shows.

    A rule set pickles (to decide applications in a process pool) and copies
    (:func:`copy.deepcopy`) as what it is made of, and is compiled again on the other side;
    a copy shares its registry, a pickle names it (see
    :class:`~ledarskap.eligibility.PredicateRegistry`: the built-in one always can be, one
    of another tool's when a module holds it).

    >>> import copy, pickle
    >>> rules = default_ruleset()
    >>> again = pickle.loads(pickle.dumps(rules))
    >>> again == rules, again.source, copy.deepcopy(rules) == rules
    (True, 'default-rules.toml', True)

    A rule set made in Python is checked as its file would be (two versions of a rule in
    force on one day or with one label, a parameter unknown, untyped or of values its type
    does not read: a :class:`~ledarskap.errors.RuleError` listing them all), and its
    parameters' values are read as the rules using them read them.

    .. versionchanged:: 0.3
       Pickles, and copies with :mod:`copy`. Checked when made in Python too.
    """

    id: str
    version: str
    entries: tuple[RuleEntry, ...] = attrs.field(converter=_entries)
    parameters: Mapping[str, Parameter] = attrs.field(factory=dict, converter=_parameters)
    title: str = attrs.field(default="", eq=False)
    source: str | None = attrs.field(default=None, eq=False)
    registry: PredicateRegistry | None = attrs.field(default=None, eq=False, repr=False)
    _evaluator: Evaluator = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        for where, value in (("id", self.id), ("version", self.version), ("title", self.title)):
            if not isinstance(value, str):
                raise _wrong(where, Text("en text", "a text"), value)
        typed = _checked_parts(self.entries, self.parameters, registry_or_builtin(self.registry))
        object.__setattr__(self, "parameters", MappingProxyType(typed))
        # Compiled once, when the rule set is made: it is immutable.
        evaluator = Evaluator(
            self.entries,
            self.parameters,
            self.registry,
            ruleset_id=self.id,
            version=self.version,
            source=self.source,
        )
        object.__setattr__(self, "_evaluator", evaluator)

    def __hash__(self) -> int:
        return hash((self.id, self.version, self.entries))

    def _parts(self) -> _Parts:
        parameters = dict(self.parameters)
        return (self.id, self.version, self.entries, parameters, self.title, self.source)

    def __reduce__(self) -> tuple[Any, ...]:
        # Made again from its parts and compiled there: the compiled rules are closures.
        registry = None if self.registry is None else registry_reference(self.registry)
        return (_made_again, (*self._parts(), registry))

    def __copy__(self) -> RuleSet:
        return _made_again(*self._parts(), self.registry)

    def __deepcopy__(self, memo: dict[int, Any]) -> RuleSet:
        parts = copy.deepcopy(self._parts(), memo)
        return _made_again(*parts, self.registry)  # the vocabulary is shared, not copied

    def in_force(self, day: dt.date) -> tuple[RuleEntry, ...]:
        """The entries in force on *day*, in file order."""
        return tuple(e for e in self.entries if e.in_force(day))

    def parameters_at(self, day: dt.date) -> dict[str, Any]:
        """Every parameter's value in force on *day* (``None`` where none is)."""
        return {name: p.at(day) for name, p in self.parameters.items()}

    def evaluate(
        self,
        application: Application,
        *,
        as_of: dt.date | None = None,
        cohort: Cohort | None = None,
        program: ProgramData | None = None,
        strict: bool = False,
        explain: bool | None = None,
    ) -> Decision:
        """Decide whether *application* is in the target group, on *as_of*, and explain why.

        *as_of* defaults to the *cohort*'s start (or the start of the application's cohort
        in *program*); one of them is required, the clock is never read. The cohort gives
        the collaborating municipalities; *program* fills facts the application leaves
        open from its appointment on record. On a date when no required rule is in force
        the outcome is undetermined ("no rule in force"), or a RuleError if *strict*.

        .. deprecated:: 0.3
           *explain*: a single decision is always explained; for outcomes alone, use
           ``evaluate_many(..., explain=False)``.
        """
        evaluate = self._evaluator.decide
        if explain is not None:
            warn_deprecated(
                "RuleSet.evaluate(explain=...)", "evaluate_many(..., explain=False) for outcomes"
            )
            if not explain:
                evaluate = self._evaluator.results
        return evaluate(application, as_of=as_of, cohort=cohort, program=program, strict=strict)

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
        """Decide many applications: their outcomes at once, each decision when read.

        Arguments as for :meth:`evaluate`; with a *program* and no *cohort*, each
        application is decided for its own cohort. The outcomes are decided on the
        short-circuiting path; a decision is explained when first read. With
        ``explain=True`` the summary counts reasons, warnings and missing facts too.
        """
        apps = tuple(applications)
        evaluator = self._evaluator
        outcomes = evaluator.outcomes(
            apps, as_of=as_of, cohort=cohort, program=program, strict=strict
        )
        decide = evaluator.decider(as_of=as_of, cohort=cohort, program=program, strict=strict)
        # Without a program, what decides again is small enough to pickle in the decisions'
        # place; with one, it would carry the whole program (and every person in it).
        remake = (
            None
            if program is not None
            else functools.partial(_decider, self, as_of, cohort, strict)
        )
        return BulkResult(
            apps, outcomes, decide, explain=explain, registry=self.registry, remake=remake
        )

    def compile(self) -> CompiledRuleSet:
        """Deprecated: the rule set is compiled when it is made; evaluate with it directly.

        .. deprecated:: 0.3
           Use :meth:`evaluate` and :meth:`evaluate_many`.
        """
        warn_deprecated("RuleSet.compile()", "RuleSet.evaluate and RuleSet.evaluate_many")
        return CompiledRuleSet(self, _warn=False)

    def to_data(self) -> dict[str, Any]:
        """The rule set as plain data in the file layout (``format``, ``rules``, ``parameters``)."""
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


def _decider(
    ruleset: RuleSet,
    as_of: dt.date | None,
    cohort: Cohort | None,
    strict: bool,  # by position, as a partial pickles it
) -> Callable[[Application, Outcome], Decision]:
    """What decides the applications of a bulk result again, where it was unpickled."""
    return ruleset._evaluator.decider(as_of=as_of, cohort=cohort, program=None, strict=strict)


def _made_again(  # noqa: PLR0917  # what RuleSet.__reduce__ gives, by position
    ruleset_id: str,
    version: str,
    entries: tuple[RuleEntry, ...],
    parameters: dict[str, Parameter],
    title: str,
    source: str | None,
    registry: PredicateRegistry | str | None,
) -> RuleSet:
    """A rule set from its parts; a *registry* given as its ``module:name`` is imported."""
    return RuleSet(
        id=ruleset_id,
        version=version,
        entries=entries,
        parameters=parameters,
        title=title,
        source=source,
        registry=registry_named(registry) if isinstance(registry, str) else registry,
    )


def parse_ruleset(
    text: str,
    *,
    syntax: Literal["toml", "json"] = "toml",
    source: str | None = None,
    registry: PredicateRegistry | None = None,
) -> RuleSet:
    """The rule set written in *text* (TOML or JSON), checked whole before anything runs.

    Every problem is collected and raised at once as one
    :class:`~ledarskap.errors.RuleError`, each a :class:`~ledarskap.errors.Problem` with
    the *source* (a file name, for
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
      - demo.toml:7: rules[0].when, column 1: unknown predicate or field 'reports_to_politcal_body' (did you mean 'reports_to_political_body'?)
        reports_to_politcal_body or any_of
        ^^^^^^^^^^^^^^^^^^^^^^^^
      - demo.toml:7: rules[0].when, column 29: unknown predicate or field 'any_of'
        reports_to_politcal_body or any_of
                                    ^^^^^^
      - demo.toml:8: rules[1].id: duplicate rule id 'role' with the same validity window (give each rule its own id, or give versions of one rule disjoint windows)
      - demo.toml:10: rules[1].level: expected 'required' or 'advisory', found text 'mandatory'
      - demo.toml:11: rules[1].when, column 1: position ==: expected a position of the catalog, found text 'avdelningschefen' (did you mean 'avdelningschef'?)
        position == 'avdelningschefen'
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    """
    document = load(text, syntax=syntax, source=source, registry=registry)
    return RuleSet(
        id=document.id,
        version=document.version,
        entries=document.entries,
        parameters=document.parameters,
        title=document.title,
        source=source,
        registry=registry_or_builtin(registry),
    )


@functools.cache
def _default_text() -> str:
    return resources.files("ledarskap.data").joinpath("default-rules.toml").read_text("utf-8")


@functools.cache
def default_ruleset() -> RuleSet:
    """The target group of *Ledarskap i kommuner*, from ``ledarskap/data/default-rules.toml``.

    The file quotes the program text it was written from, clause by clause. Loaded once.
    """
    return parse_ruleset(_default_text(), source="default-rules.toml")
