"""Rules compiled to closures: a fast test (no explanation) and an exhaustive explainer.

Each rule node is compiled once into two functions of ``(application, context)``:
``fast`` returns ``True``, ``False`` or ``None`` (unknown), short-circuiting; ``explain``
evaluates every condition (no short-circuit) and returns a :class:`DecisionNode` tree.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from ledarskap.errors import Problem, RuleError
from ledarskap.model import Application

from ._syntax import source_value, unparse
from .context import EvaluationContext
from .decisions import DecisionNode
from .predicates import FastTest, PredicateRegistry, registry_or_builtin
from .rules import AllOf, AnyOf, Comparison, Not, ParameterRef, Predicate, Rule
from .truth import Truth

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
_TRUTH = {True: Truth.TRUE, False: Truth.FALSE, None: Truth.UNKNOWN}
_NOT = {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE, Truth.UNKNOWN: Truth.UNKNOWN}
_new = tuple.__new__
_PLAIN = frozenset({str, int, bool, type(None)})


def node(  # noqa: PLR0917  # positional on purpose: the hot path of explanations
    path: str,
    code: str,
    result: Truth,
    rule: str,
    seen: Any = None,
    expected: Any = None,
    missing: tuple[str, ...] = (),
    children: tuple[DecisionNode, ...] = (),
) -> DecisionNode:
    """A :class:`DecisionNode`, made positionally (the hot path of explanations)."""
    return _new(DecisionNode, (path, code, result, rule, seen, expected, missing, children))


@attrs.frozen
class Plan:
    """A compiled rule: ``fast`` (truth only) and ``explain`` (the full tree)."""

    rule: Rule
    fast: FastTest
    explain: Explain


def plan_for(rule: Rule, registry: PredicateRegistry | None = None) -> Plan:
    """Compile *rule* against *registry* (the built-ins if ``None``)."""
    return _compile(rule, registry_or_builtin(registry))


def _fail(message: str) -> RuleError:
    return RuleError("rule cannot be evaluated", [Problem("rule", message, "unknown-name")])


def _compile(rule: Rule, registry: PredicateRegistry) -> Plan:
    if isinstance(rule, AllOf | AnyOf):
        return _compile_junction(rule, [_compile(r, registry) for r in rule.rules])
    if isinstance(rule, Not):
        return _compile_not(rule, _compile(rule.rule, registry))
    if isinstance(rule, Predicate):
        return _compile_predicate(rule, registry)
    if isinstance(rule, Comparison):
        return _compile_comparison(rule, registry)
    raise TypeError(f"not a rule: {rule!r}")


def cost(rule: Rule) -> int:
    """A rough cost of testing *rule*: how many leaves it has."""
    return sum(1 for node in rule.walk() if not node.children)


def _child_paths(count: int) -> Callable[[str], tuple[str, ...]]:
    cache: dict[str, tuple[str, ...]] = {}

    def paths(path: str) -> tuple[str, ...]:
        found = cache.get(path)
        if found is None:
            found = cache[path] = tuple(f"{path}[{i}]" for i in range(count))
        return found

    return paths


def junction(tests: Sequence[FastTest], *, is_all: bool) -> FastTest:
    """The Kleene AND (or OR) of *tests*, short-circuiting on the first decisive value."""
    decisive = not is_all
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:  # the common case, without a loop
        first, second = tests

        def fast2(app: Application, ctx: EvaluationContext) -> bool | None:
            x = first(app, ctx)
            if x is decisive:
                return decisive
            y = second(app, ctx)
            if y is decisive:
                return decisive
            return None if x is None or y is None else not decisive

        return fast2
    if len(tests) == 3:
        first, second, third = tests

        def fast3(app: Application, ctx: EvaluationContext) -> bool | None:
            x = first(app, ctx)
            if x is decisive:
                return decisive
            y = second(app, ctx)
            if y is decisive:
                return decisive
            z = third(app, ctx)
            if z is decisive:
                return decisive
            return None if x is None or y is None or z is None else not decisive

        return fast3

    def fast(app: Application, ctx: EvaluationContext) -> bool | None:
        unknown = False
        for test in tests:
            result = test(app, ctx)
            if result is None:
                unknown = True
            elif result is decisive:
                return decisive
        return None if unknown else not decisive

    return fast


def _compile_junction(rule: AllOf | AnyOf, plans: list[Plan]) -> Plan:
    is_all = isinstance(rule, AllOf)
    # Kleene AND and OR do not depend on order: the fast path tests cheap conditions first.
    by_cost = sorted(plans, key=lambda p: cost(p.rule))
    fast = junction([p.fast for p in by_cost], is_all=is_all)
    explainers = tuple(p.explain for p in plans)
    paths = _child_paths(len(plans))
    source = unparse(rule)
    decisive = _TRUTH[not is_all]
    other = _TRUTH[is_all]
    code = "all_of" if is_all else "any_of"
    unknown = Truth.UNKNOWN

    def explain(app: Application, ctx: EvaluationContext, path: str) -> DecisionNode:
        # One explainer and one path per child, by construction: zip needs no strict check.
        children = tuple([e(app, ctx, p) for e, p in zip(explainers, paths(path))])  # noqa: B905
        result = other
        for child in children:
            if child[2] is decisive:
                result = decisive
                break
            if child[2] is unknown:
                result = unknown
        return node(path, code, result, source, None, None, (), children)

    return Plan(rule, fast, explain)


def _compile_not(rule: Not, inner: Plan) -> Plan:
    test = inner.fast
    explain_inner = inner.explain
    source = unparse(rule)
    paths = _child_paths(1)

    def fast(app: Application, ctx: EvaluationContext) -> bool | None:
        result = test(app, ctx)
        return None if result is None else not result

    def explain(app: Application, ctx: EvaluationContext, path: str) -> DecisionNode:
        child = explain_inner(app, ctx, paths(path)[0])
        return node(path, "not", _NOT[child[2]], source, None, None, (), (child,))

    return Plan(rule, fast, explain)


def _resolve(args: dict[str, Any], ctx: EvaluationContext) -> dict[str, Any]:
    return {
        k: ctx.parameters.get(v.name) if isinstance(v, ParameterRef) else v for k, v in args.items()
    }


def _compile_predicate(rule: Predicate, registry: PredicateRegistry) -> Plan:
    spec = registry.get_predicate(rule.name)
    if spec is None:
        raise _fail(f"unknown predicate {rule.name!r}")
    args = {a.name: a.default for a in spec.arguments if not a.required}
    args.update(rule.args)
    dynamic = any(isinstance(v, ParameterRef) for v in args.values())
    function = spec.function
    source = unparse(rule)
    name = rule.name

    fast: FastTest
    if spec.fast is not None and not dynamic:
        fast = spec.fast(**args)
    elif dynamic:

        def fast(app: Application, ctx: EvaluationContext) -> bool | None:
            resolved = _resolve(args, ctx)
            if any(v is None for v in resolved.values()):
                return None
            return function(app, ctx, **resolved).value

    else:

        def fast(app: Application, ctx: EvaluationContext) -> bool | None:
            return function(app, ctx, **args).value

    def explain(app: Application, ctx: EvaluationContext, path: str) -> DecisionNode:
        resolved = args
        if dynamic:
            resolved = _resolve(args, ctx)
            absent = tuple(
                f"parameter:{v.name}"
                for k, v in args.items()
                if isinstance(v, ParameterRef) and resolved[k] is None
            )
            if absent:
                return DecisionNode(
                    path=path, code=name, result=Truth.UNKNOWN, rule=source, missing=absent
                )
        value, seen, expected, missing = (
            function(app, ctx, **resolved) if resolved else function(app, ctx)
        )
        if seen.__class__ not in _PLAIN:
            seen = source_value(seen)
        if expected.__class__ not in _PLAIN:
            expected = source_value(expected)
        return node(
            path, name, _TRUTH[value], source, seen, expected, missing if value is None else ()
        )

    return Plan(rule, fast, explain)


def _comparison_test(
    rule: Comparison,
    get: Callable[[Application, EvaluationContext], Any],
    expected_of: Callable[[EvaluationContext], Any],
) -> FastTest:
    value = rule.value
    compare = _OP_FUNCS[rule.op]
    membership = rule.op in ("in", "not in")
    fast: FastTest
    if isinstance(value, ParameterRef):

        def fast(app: Application, ctx: EvaluationContext) -> bool | None:
            seen = get(app, ctx)
            expected = expected_of(ctx)
            if seen is None or expected is None:
                return None
            return compare(seen, expected)

    else:
        static = frozenset(value) if membership else value
        negate = rule.op == "not in"
        if rule.op in ("in", "not in"):

            def fast(app: Application, ctx: EvaluationContext) -> bool | None:
                seen = get(app, ctx)
                if seen is None:
                    return None
                return (seen in static) is not negate

        elif rule.op == "==":

            def fast(app: Application, ctx: EvaluationContext) -> bool | None:
                seen = get(app, ctx)
                return None if seen is None else seen == static

        else:

            def fast(app: Application, ctx: EvaluationContext) -> bool | None:
                seen = get(app, ctx)
                return None if seen is None else compare(seen, static)

    return fast


def _compile_comparison(rule: Comparison, registry: PredicateRegistry) -> Plan:
    field = registry.get_field(rule.field)
    if field is None:
        raise _fail(f"unknown field {rule.field!r}")
    get = field.get
    compare = _OP_FUNCS[rule.op]
    code = f"{rule.field}.{_OP_CODES[rule.op]}"
    source = unparse(rule)
    missing_fact = field.missing_fact
    value = rule.value
    membership = rule.op in ("in", "not in")

    sets: dict[int, tuple[Any, frozenset[Any]]] = {}

    def expected_of(ctx: EvaluationContext) -> Any:
        if isinstance(value, ParameterRef):
            found = ctx.parameters.get(value.name)
            if not membership or found is None:
                return found
            # A list parameter becomes a set once per value, not once per application.
            cached = sets.get(id(found))
            if cached is None or cached[0] is not found:
                cached = sets[id(found)] = (found, frozenset(found))
            return cached[1]
        return value

    fast = _comparison_test(rule, get, expected_of)
    explain: Explain
    if isinstance(value, ParameterRef):
        name = value.name

        def explain(app: Application, ctx: EvaluationContext, path: str) -> DecisionNode:
            seen = get(app, ctx)
            expected = expected_of(ctx)
            missing: tuple[str, ...] = ()
            if seen is None:
                missing += (missing_fact,)
            if expected is None:
                missing += (f"parameter:{name}",)
            result = None if missing else compare(seen, expected)
            if membership and isinstance(expected, frozenset):
                expected = sorted(expected, key=lambda v: str(source_value(v)))
            return DecisionNode(
                path=path,
                code=code,
                result=_TRUTH[result],
                rule=source,
                seen=source_value(seen),
                expected=source_value(expected),
                missing=missing,
            )

    else:
        shown = source_value(value)
        unknown_missing = (missing_fact,)
        test = fast

        def explain(app: Application, ctx: EvaluationContext, path: str) -> DecisionNode:
            seen = get(app, ctx)
            if seen is None:
                return node(path, code, Truth.UNKNOWN, source, None, shown, unknown_missing)
            return node(path, code, _TRUTH[test(app, ctx)], source, source_value(seen), shown)

    return Plan(rule, fast, explain)
