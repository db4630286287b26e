"""Evaluation: rules compiled once to closures, then applications decided with them.

This is the one place rules are evaluated. Each rule node becomes a :class:`Plan` of two
functions of ``(application, context)``: ``test`` gives ``True``, ``False`` or ``None``
(unknown), short-circuiting; ``explain`` evaluates every condition and builds the
:class:`~._trees.DecisionNode` tree. Both come from the same definitions: a predicate's
one function (``test`` keeps the truth of its :class:`~.predicates.Check`) and one Kleene
junction. An :class:`Evaluator` takes what a rule set is made of (its entries, parameters
and registry) and decides applications: explained, or outcomes alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ledarskap.errors import Problem, RuleError
from ledarskap.model import Application, Cohort, ProgramData
from ledarskap.text import Text

from ._entries import RuleEntry, RuleLevel
from ._meaning import said
from ._rules import (
    AllOf,
    AnyOf,
    Comparison,
    Not,
    ParameterRef,
    Predicate,
    Rule,
    source_value,
    unparse,
)
from ._trees import DecisionNode, RuleResult, leaves_explaining
from .context import EvaluationContext, check_applications, facts_of, resolve_as_of
from .decisions import Decision
from .parameters import Parameter
from .predicates import PredicateRegistry, registry_or_builtin
from .truth import Outcome, Truth
from .valuetypes import ValueType, list_of

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = ["Evaluator", "Plan", "plan"]

Verdict = tuple[Any, ...]
"""What a test returns: a tuple whose first item is the truth (``True``, ``False`` or
``None`` for unknown); a predicate's :class:`~.predicates.Check` is one as it is."""
Test = Callable[[Application, EvaluationContext], Verdict]
Explain = Callable[[Application, EvaluationContext, str], DecisionNode]

_OP_CODES = {
    "==": "eq",
    "!=": "ne",
    "in": "in",
    "not in": "not_in",
    "<": "lt",
    "<=": "le",
    ">": "gt",
    ">=": "ge",
}
_OP_FUNCS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "in": lambda seen, expected: seen in expected,
    "not in": lambda seen, expected: seen not in expected,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
TRUE, FALSE, UNKNOWN = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN
_TRUTH = {True: TRUE, False: FALSE, None: UNKNOWN}
_OUTCOME = {True: Outcome.ELIGIBLE, False: Outcome.NOT_ELIGIBLE, None: Outcome.UNDETERMINED}
_PLAIN = frozenset({str, int, bool, type(None)})
_new = tuple.__new__
_VERDICT: dict[bool | None, Verdict] = {True: (True,), False: (False,), None: (None,)}
_NOT_VERDICT: dict[bool | None, Verdict] = {True: (False,), False: (True,), None: (None,)}


def _node(  # noqa: PLR0917  # positional on purpose: the hot path of explanations
    path: str,
    code: str,
    result: Truth,
    rule: str,
    seen: Any = None,
    expected: Any = None,
    missing: tuple[str, ...] = (),
    children: tuple[DecisionNode, ...] = (),
) -> DecisionNode:
    return _new(DecisionNode, (path, code, result, rule, seen, expected, missing, children))


@attrs.frozen
class Plan:
    """A compiled rule: ``test`` (its truth) and ``explain`` (its whole tree).

    ``cost`` is how many leaves it has, so that the cheap conditions are tested first.
    """

    rule: Rule
    test: Test
    explain: Explain
    cost: int


def plan(rule: Rule, registry: PredicateRegistry | None = None) -> Plan:
    """*rule* compiled against *registry* (the built-ins if ``None``)."""
    return _plan(rule, registry_or_builtin(registry))


def _plan(rule: Rule, registry: PredicateRegistry) -> Plan:
    if isinstance(rule, AllOf | AnyOf):
        return _junction_plan(rule, [_plan(r, registry) for r in rule.rules])
    if isinstance(rule, Not):
        return _not_plan(rule, _plan(rule.rule, registry))
    if isinstance(rule, Predicate):
        return _predicate_plan(rule, registry)
    if isinstance(rule, Comparison):
        return _comparison_plan(rule, registry)
    raise TypeError(f"not a rule: {rule!r}")


def _cannot(message: Wording, code: str = "unknown-name") -> RuleError:
    return RuleError(
        Text("regeln kan inte utvärderas", "rule cannot be evaluated"),
        [Problem(Text("regel", "rule"), message, code)],
    )


def junction(tests: Sequence[Test], *, is_all: bool) -> Test:
    """Kleene AND (or OR) of *tests*, stopping at the first decisive one."""
    if len(tests) == 1:
        return tests[0]
    decisive = not is_all
    stop = _VERDICT[decisive]
    otherwise = _VERDICT[is_all]
    unknown = _VERDICT[None]

    def test(app: Application, ctx: EvaluationContext) -> Verdict:
        seen_unknown = False
        for each in tests:
            result = each(app, ctx)[0]
            if result is decisive:
                return stop
            if result is None:
                seen_unknown = True
        return unknown if seen_unknown else otherwise

    return test


def _child_paths(path: str, count: int) -> tuple[str, ...]:
    """The paths of a node's *count* children: ``role[0]``, ``role[1]`` and so on."""
    return tuple(f"{path}[{i}]" for i in range(count))


def _junction_plan(rule: AllOf | AnyOf, plans: list[Plan]) -> Plan:
    is_all = isinstance(rule, AllOf)
    # Kleene AND and OR do not depend on order: the test tries cheap conditions first.
    test = junction([p.test for p in sorted(plans, key=lambda p: p.cost)], is_all=is_all)
    explainers = tuple(p.explain for p in plans)
    count = len(plans)
    paths: dict[str, tuple[str, ...]] = {}  # the children's paths, by the node's own
    source = unparse(rule)
    decisive = _TRUTH[not is_all]
    otherwise = _TRUTH[is_all]
    code = "all_of" if is_all else "any_of"
    unknown = Truth.UNKNOWN

    def explain(app: Application, ctx: EvaluationContext, path: str) -> DecisionNode:
        child_paths = paths.get(path) or paths.setdefault(path, _child_paths(path, count))
        children = []
        result = otherwise
        # Every child is explained (no short-circuit): a tree shows every condition.
        # One explainer and one path per child, by construction: zip needs no strict check.
        for each, child_path in zip(explainers, child_paths):  # noqa: B905
            child = each(app, ctx, child_path)
            children.append(child)
            found = child[2]
            if found is decisive:
                result = decisive
            elif found is unknown and result is not decisive:
                result = unknown
        return _new(DecisionNode, (path, code, result, source, None, None, (), tuple(children)))

    return Plan(rule, test, explain, sum(p.cost for p in plans))


def _not_plan(rule: Not, inner: Plan) -> Plan:
    inner_test = inner.test
    inner_explain = inner.explain
    source = unparse(rule)
    paths: dict[str, str] = {}  # the child's path, by the node's own

    def test(app: Application, ctx: EvaluationContext) -> Verdict:
        return _NOT_VERDICT[inner_test(app, ctx)[0]]

    def explain(app: Application, ctx: EvaluationContext, path: str) -> DecisionNode:
        child_path = paths.get(path) or paths.setdefault(path, f"{path}[0]")
        child = inner_explain(app, ctx, child_path)
        inner = child[2]
        # Enum members hash in Python: the negation is found by identity, not looked up.
        result = FALSE if inner is TRUE else TRUE if inner is FALSE else UNKNOWN
        return _new(DecisionNode, (path, "not", result, source, None, None, (), (child,)))

    return Plan(rule, test, explain, inner.cost)


def _plain_cached() -> Callable[[Any], Any]:
    """:func:`~._rules.source_value`, remembered for values a predicate gives again and again.

    Its expected kinds, the cohort's municipalities: immutable, made plain once.
    """
    cache: dict[int, tuple[Any, Any]] = {}

    def plain(value: Any) -> Any:
        if value.__class__ in _PLAIN:
            return value
        if value.__class__ is not tuple and value.__class__ is not frozenset:
            return source_value(value)
        hit = cache.get(id(value))
        if hit is None or hit[0] is not value:
            if len(cache) > 64:
                cache.clear()
            hit = cache[id(value)] = (value, source_value(value))
        return hit[1]

    return plain


def _predicate_plan(rule: Predicate, registry: PredicateRegistry) -> Plan:
    spec = registry.get_predicate(rule.name)
    if spec is None:
        raise _cannot(Text(f"okänt predikat {rule.name!r}", f"unknown predicate {rule.name!r}"))
    # An optional argument the rule leaves out takes its default; when the function's own
    # default is that value, it is not passed (a call without keywords is the cheaper).
    own = _own_defaults(spec.function)
    args = {
        a.name: a.default
        for a in spec.arguments
        if not a.required and not (a.name in own and own[a.name] == a.default)
    }
    args.update(rule.args)
    refs = {k: v.name for k, v in args.items() if isinstance(v, ParameterRef)}
    function = spec.function
    source = unparse(rule)
    name = rule.name
    plain = _plain_cached()

    def resolved(ctx: EvaluationContext) -> dict[str, Any] | None:
        """The arguments with the parameters' values; ``None`` if one has none."""
        values = dict(args)
        for key, parameter in refs.items():
            values[key] = ctx.parameters.get(parameter)
            if values[key] is None:
                return None
        return values

    # The one definition, twice: its check is the verdict of the test, as it is; the
    # explanation below keeps all of it.
    test: Test
    if not args:
        test = function
    elif not refs:
        test = functools.partial(function, **args)
    else:
        unknown = _VERDICT[None]

        def test(app: Application, ctx: EvaluationContext) -> Verdict:
            values = resolved(ctx)
            return unknown if values is None else function(app, ctx, **values)

    def explain(app: Application, ctx: EvaluationContext, path: str) -> DecisionNode:
        values = resolved(ctx) if refs else args
        if values is None:
            absent = tuple(f"parameter:{p}" for p in refs.values() if ctx.parameters.get(p) is None)
            return _node(path, name, Truth.UNKNOWN, source, None, None, absent)
        value, seen, expected, missing = (
            function(app, ctx, **values) if values else function(app, ctx)
        )
        if seen.__class__ not in _PLAIN:
            seen = plain(seen)
        if expected.__class__ not in _PLAIN:
            expected = plain(expected)
        result = _TRUTH[value]
        if value is not None:
            missing = ()
        return _new(DecisionNode, (path, name, result, source, seen, expected, missing, ()))

    return Plan(rule, test, explain, 1)


def _own_defaults(function: Callable[..., Any]) -> dict[str, Any]:
    """The defaults of *function*'s keyword parameters, by name (none if it has no signature)."""
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return {}
    return {p.name: p.default for p in parameters if p.default is not inspect.Parameter.empty}


def _comparison_plan(rule: Comparison, registry: PredicateRegistry) -> Plan:
    field = registry.get_field(rule.field)
    if field is None:
        raise _cannot(Text(f"okänt fält {rule.field!r}", f"unknown field {rule.field!r}"))
    get = field.get
    compare = _OP_FUNCS[rule.op]
    code = f"{rule.field}.{_OP_CODES[rule.op]}"
    source = unparse(rule)
    missing_fact = (field.missing_fact,)
    membership = rule.op in ("in", "not in")
    value = _compared_value(rule, field.type, membership)
    sets: dict[int, tuple[Any, frozenset[Any]]] = {}

    def expected_of(ctx: EvaluationContext) -> Any:
        """The value of the parameter compared with, in force on the context's day."""
        found = ctx.parameters.get(value.name)
        if not membership or found is None:
            return found
        # A list parameter becomes a set once per value, not once per application.
        cached = sets.get(id(found))
        if cached is None or cached[0] is not found:
            cached = sets[id(found)] = (found, frozenset(found))
        return cached[1]

    test: Test
    unknown = _VERDICT[None]
    verdict = _VERDICT
    if isinstance(value, ParameterRef):

        def test(app: Application, ctx: EvaluationContext) -> Verdict:
            seen = get(app, ctx)
            expected = expected_of(ctx)
            if seen is None or expected is None:
                return unknown
            return verdict[compare(seen, expected)]

    else:
        static = frozenset(value) if membership else value

        def test(app: Application, ctx: EvaluationContext) -> Verdict:
            seen = get(app, ctx)
            return unknown if seen is None else verdict[compare(seen, static)]

    explain: Explain
    if isinstance(value, ParameterRef):
        absent = (f"parameter:{value.name}",)

        def explain(app: Application, ctx: EvaluationContext, path: str) -> DecisionNode:
            seen = get(app, ctx)
            expected = expected_of(ctx)
            missing = (missing_fact if seen is None else ()) + (
                () if expected is not None else absent
            )
            result = None if missing else compare(seen, expected)
            shown = source_value(expected)
            return _node(path, code, _TRUTH[result], source, source_value(seen), shown, missing)

    else:
        shown = source_value(value)

        def explain(app: Application, ctx: EvaluationContext, path: str) -> DecisionNode:
            seen = get(app, ctx)
            if seen is None:
                return _new(
                    DecisionNode,
                    (path, code, Truth.UNKNOWN, source, None, shown, missing_fact, ()),
                )
            seen_shown = seen if seen.__class__ in _PLAIN else source_value(seen)
            result = _TRUTH[compare(seen, static)]
            return _new(DecisionNode, (path, code, result, source, seen_shown, shown, (), ()))

    return Plan(rule, test, explain, 1)


def _compared_value(rule: Comparison, kind: ValueType, membership: bool) -> Any:
    """The value *rule* compares with, read as its field's type reads it (as parsing does).

    A rule read from text or a table holds it so already; one made in Python may hold
    ``"Linköping"`` where the field holds ``"0580"``, or a position misspelt: it is read
    here, and what does not read is a RuleError, not a comparison that never holds.
    """
    if rule.op in ("<", "<=", ">", ">=") and not kind.ordered:
        raise _cannot(
            Text(
                f"{rule.field} ({kind}) kan inte jämföras med {rule.op}",
                f"{rule.field} ({kind}) cannot be compared with {rule.op}",
            ),
            "operator",
        )
    if isinstance(rule.value, ParameterRef):
        return rule.value
    try:
        return (list_of(kind) if membership else kind).convert(rule.value)
    except (ValueError, TypeError) as error:
        text, _ = said(error)
        sv, en = (text.sv, text.en) if isinstance(text, Text) else (text, text)
        raise _cannot(
            Text(f"{rule.field} {rule.op}: {sv}", f"{rule.field} {rule.op}: {en}"), "value-type"
        ) from None


def _unknown(app: Application, ctx: EvaluationContext) -> Verdict:
    return _VERDICT[None]


@attrs.frozen
class _Frame:
    """What is fixed for one date and cohort.

    The context, the entries in force, and the required rules combined (cheapest first)
    into one test.
    """

    ctx: EvaluationContext
    required: tuple[tuple[RuleEntry, Plan], ...]
    advisory: tuple[tuple[RuleEntry, Plan], ...]
    decide: Test
    rules: tuple[tuple[Plan, tuple[Any, ...], tuple[Any, ...]], ...] = attrs.field(init=False)
    """Each rule in force, required first: its plan, and what its result repeats around the
    truth (id, version, level; valid from, valid to), made once."""

    def __attrs_post_init__(self) -> None:
        rules = tuple(
            (
                compiled,
                (entry.id, entry.version, entry.level.value),
                (entry.valid_from, entry.valid_to),
            )
            for entry, compiled in (*self.required, *self.advisory)
        )
        object.__setattr__(self, "rules", rules)


class _Explanation:
    """The explanation of one decision, made when it is first read.

    A rule's result comes from its test; its tree is built only where the reasons, the
    warnings or the reader need it, and once.
    """

    __slots__ = ("app", "frame", "outcome", "trees")

    def __init__(self, app: Application, frame: _Frame, outcome: Outcome) -> None:
        self.app = app
        self.frame = frame
        self.outcome = outcome
        self.trees: dict[int, DecisionNode] = {}

    def tree(self, index: int) -> DecisionNode:
        tree = self.trees.get(index)
        if tree is None:
            compiled = self.frame.rules[index][0]
            path = self.frame.rules[index][1][0]
            tree = self.trees[index] = compiled.explain(self.app, self.frame.ctx, path)
        return tree

    def result(self, index: int) -> Truth:
        tree = self.trees.get(index)
        if tree is not None:
            return tree[2]
        frame = self.frame
        compiled = frame.rules[index][0]
        if compiled.cost == 1:  # one condition: its tree costs no more than its test
            return self.tree(index)[2]
        return _TRUTH[compiled.test(self.app, frame.ctx)[0]]

    def rules(self) -> tuple[RuleResult, ...]:
        found = []
        for index, (_, head, tail) in enumerate(self.frame.rules):
            tree = self.tree(index)
            found.append(_new(RuleResult, (*head, tree[2], *tail, tree)))
        return tuple(found)

    def reasons(self) -> tuple[DecisionNode, ...]:
        frame = self.frame
        if not frame.required:
            seen = frame.ctx.as_of.isoformat()
            return (_node("as_of", "no_rule_in_force", Truth.UNKNOWN, "", seen),)
        outcome = self.outcome
        combined = (
            TRUE
            if outcome is Outcome.ELIGIBLE
            else FALSE
            if outcome is Outcome.NOT_ELIGIBLE
            else UNKNOWN
        )
        if combined is Truth.TRUE:
            return ()
        # result() and tree() by hand: the one place every decision of a bulk result passes.
        found: list[DecisionNode] = []
        app, ctx, trees = self.app, frame.ctx, self.trees
        for index in range(len(frame.required)):
            compiled, head, _ = frame.rules[index]
            tree = trees.get(index)
            if tree is None and compiled.cost == 1:
                tree = trees[index] = compiled.explain(app, ctx, head[0])
            result = tree[2] if tree is not None else _TRUTH[compiled.test(app, ctx)[0]]
            if result is combined:
                if tree is None:
                    tree = trees[index] = compiled.explain(app, ctx, head[0])
                leaves_explaining(tree, combined, found)
        return tuple(found)

    def warnings(self) -> tuple[DecisionNode, ...]:
        found: list[DecisionNode] = []
        for index in range(len(self.frame.required), len(self.frame.rules)):
            result = self.result(index)
            if result is not Truth.TRUE:
                leaves_explaining(self.tree(index), result, found)
        return tuple(found)

    def missing_facts(self) -> tuple[str, ...]:
        missing: dict[str, None] = {}
        for index in range(len(self.frame.rules)):
            if self.result(index) is Truth.UNKNOWN:
                for leaf in leaves_explaining(self.tree(index), Truth.UNKNOWN):
                    missing.update(dict.fromkeys(leaf[6]))
        return tuple(missing)

    def facts(self) -> dict[str, Any]:
        return _facts(self.app)


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


class Evaluator:
    """A rule set's parts compiled once: decides applications on any date.

    It takes what it needs, not a rule set: the *entries*, the *parameters* and the
    *registry*, and the names that go into decisions (*ruleset_id*, *version*, *source*).
    """

    def __init__(  # the parts of a rule set, by keyword
        self,
        entries: Iterable[RuleEntry],
        parameters: Mapping[str, Parameter],
        registry: PredicateRegistry | None,
        *,
        ruleset_id: str,
        version: str,
        source: str | None = None,
    ) -> None:
        self.entries = tuple(entries)
        self.parameters = dict(parameters)
        self.registry = registry_or_builtin(registry)
        self.ruleset_id = ruleset_id
        self.version = version
        self.source = source
        self._plans = {entry: plan(entry.rule, self.registry) for entry in self.entries}
        self._frames: dict[tuple[dt.date, int], _Frame] = {}

    # Frames --------------------------------------------------------------------------

    def frame(self, as_of: dt.date, cohort: Cohort | None, *, strict: bool) -> _Frame:
        """The frame of *as_of* and *cohort* (made once, then reused)."""
        key = (as_of, id(cohort))
        frame = self._frames.get(key)
        # The same object, not only the same id: ids of freed objects are reused.
        if frame is None or frame.ctx.cohort is not cohort:
            entries = [e for e in self.entries if e.in_force(as_of)]
            required = tuple((e, self._plans[e]) for e in entries if e.level is RuleLevel.REQUIRED)
            advisory = tuple((e, self._plans[e]) for e in entries if e.level is RuleLevel.ADVISORY)
            ctx = EvaluationContext.for_cohort(
                as_of=as_of,
                cohort=cohort,
                parameters={name: p.at(as_of) for name, p in self.parameters.items()},
            )
            cheap_first = sorted((p for _, p in required), key=lambda p: p.cost)
            decide = junction([p.test for p in cheap_first], is_all=True) if required else _unknown
            frame = _Frame(ctx, required, advisory, decide)
            if len(self._frames) > 256:
                self._frames.clear()
            self._frames[key] = frame
        if strict and not frame.required:
            day = as_of.isoformat()
            ruleset = f"{self.ruleset_id} {self.version}"
            message = Text(
                f"ingen obligatorisk regel i {ruleset} gäller den {day} "
                "(fönstren är [valid_from, valid_to))",
                f"no required rule of {ruleset} is in force on {day} "
                "(windows are [valid_from, valid_to))",
            )
            problem = Problem("as_of", message, "no-rule-in-force", source=self.source)
            summary = Text(f"ingen regel gäller den {day}", f"no rule in force on {day}")
            raise RuleError(summary, [problem], source=self.source)
        return frame

    def _day(
        self,
        application: Application,
        as_of: dt.date | None,
        cohort: Cohort | None,
        program: ProgramData | None,
    ) -> tuple[dt.date, Cohort | None]:
        if cohort is None and isinstance(program, ProgramData):
            try:
                cohort = program.cohort(application.cohort_id)
            except LookupError:
                cohort = None
        return resolve_as_of(as_of, cohort, program), cohort

    # Deciding ------------------------------------------------------------------------

    def decide(
        self,
        application: Application,
        *,
        as_of: dt.date | None,
        cohort: Cohort | None,
        program: ProgramData | None,
        strict: bool,
    ) -> Decision:
        """The explained decision on *application* (arguments as for RuleSet.evaluate)."""
        check_applications([application], "application")
        day, cohort = self._day(application, as_of, cohort, program)
        frame = self.frame(day, cohort, strict=strict)
        decision = self.explain(facts_of(application, program), frame, application.id)
        decision.explain()  # one decision is explained at once: a failure shows here
        return decision

    def decider(
        self,
        *,
        as_of: dt.date | None,
        cohort: Cohort | None,
        program: ProgramData | None,
        strict: bool,
    ) -> Callable[[Application, Outcome], Decision]:
        """What makes the decision on one application of a bulk evaluation.

        Its outcome is already decided, and the arguments are checked.
        """
        if program is None:
            frame = self.frame(resolve_as_of(as_of, cohort), cohort, strict=strict)
            later = Decision.explained_by
            day, ruleset, version = frame.ctx.as_of, self.ruleset_id, self.version

            def decide(application: Application, outcome: Outcome) -> Decision:
                return later(
                    _Explanation(application, frame, outcome),
                    outcome=outcome,
                    as_of=day,
                    ruleset=ruleset,
                    ruleset_version=version,
                    application_id=application.id,
                )

        else:

            def decide(application: Application, outcome: Outcome) -> Decision:
                day, found = self._day(application, as_of, cohort, program)
                frame = self.frame(day, found, strict=strict)
                facts = facts_of(application, program)
                return self.explain(facts, frame, application.id, outcome)

        return decide

    def results(
        self,
        application: Application,
        *,
        as_of: dt.date | None,
        cohort: Cohort | None,
        program: ProgramData | None,
        strict: bool,
    ) -> Decision:
        """The decision with each rule's result but no trees, reasons or missing facts."""
        check_applications([application], "application")
        day, cohort = self._day(application, as_of, cohort, program)
        frame = self.frame(day, cohort, strict=strict)
        app = facts_of(application, program)
        ctx = frame.ctx
        rules = tuple(
            RuleResult(
                id=e.id,
                version=e.version,
                level=e.level.value,
                result=_TRUTH[p.test(app, ctx)[0]],
                valid_from=e.valid_from,
                valid_to=e.valid_to,
            )
            for e, p in (*frame.required, *frame.advisory)
        )
        return Decision(
            outcome=_OUTCOME[frame.decide(app, ctx)[0]],
            as_of=ctx.as_of,
            ruleset=self.ruleset_id,
            ruleset_version=self.version,
            application_id=application.id,
            rules=rules,
        )

    def outcomes(
        self,
        applications: Sequence[Application],
        *,
        as_of: dt.date | None,
        cohort: Cohort | None,
        program: ProgramData | None,
        strict: bool,
    ) -> list[Outcome]:
        """Only the outcomes, as fast as the rules allow (short-circuit, no explanation)."""
        check_applications(applications)
        if program is None:
            frame = self.frame(resolve_as_of(as_of, cohort), cohort, strict=strict)
            decide, ctx, table = frame.decide, frame.ctx, _OUTCOME
            return [table[decide(app, ctx)[0]] for app in applications]
        outcomes = []
        for application in applications:
            day, found = self._day(application, as_of, cohort, program)
            frame = self.frame(day, found, strict=strict)
            outcomes.append(_OUTCOME[frame.decide(facts_of(application, program), frame.ctx)[0]])
        return outcomes

    def explain(
        self,
        app: Application,
        frame: _Frame,
        application_id: str,
        outcome: Outcome | None = None,
    ) -> Decision:
        """The decision on *app* (facts already completed) in *frame*, explained when read.

        *outcome* is given when it is already decided (in bulk); otherwise it is decided here.
        """
        if outcome is None:
            outcome = _OUTCOME[frame.decide(app, frame.ctx)[0]]
        return Decision.explained_by(
            _Explanation(app, frame, outcome),
            outcome=outcome,
            as_of=frame.ctx.as_of,
            ruleset=self.ruleset_id,
            ruleset_version=self.version,
            application_id=application_id,
        )
