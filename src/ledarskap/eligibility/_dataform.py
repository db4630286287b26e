"""Rules as plain data (the table form), for JSON tools and for TOML tables.

Forms, nestable; a text anywhere is an expression in the rule syntax::

    {"all_of": [rule, ...]}     {"any_of": [rule, ...]}     {"not": rule}
    {"predicate": "name", "args": {"arg": value, ...}}
    {"field": "name", "op": "in", "value": value}           value {"param": "name"}
    "reports_to_political_body or leads_staff_function"
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._syntax import MAX_DEPTH, SpanProblem, check_comparison, check_predicate, parse, source_value
from .predicates import PredicateRegistry
from .rules import (
    OPERATORS,
    AllOf,
    AnyOf,
    Comparison,
    Not,
    ParameterRef,
    Predicate,
    Rule,
    all_of,
    any_of,
    not_,
)

_FORMS = ("all_of", "any_of", "not", "predicate", "field")


def _value_data(value: Any) -> Any:
    if isinstance(value, ParameterRef):
        return {"param": value.name}
    return source_value(value)


def to_data(rule: Rule) -> Any:
    """The rule in the table form."""
    if isinstance(rule, AllOf):
        return {"all_of": [to_data(r) for r in rule.rules]}
    if isinstance(rule, AnyOf):
        return {"any_of": [to_data(r) for r in rule.rules]}
    if isinstance(rule, Not):
        return {"not": to_data(rule.rule)}
    if isinstance(rule, Predicate):
        data: dict[str, Any] = {"predicate": rule.name}
        if rule.args:
            data["args"] = {k: _value_data(v) for k, v in rule.args}
        return data
    if isinstance(rule, Comparison):
        return {"field": rule.field, "op": rule.op, "value": _value_data(rule.value)}
    raise TypeError(f"not a rule: {rule!r}")


class Located:
    """A problem of the table form: a :class:`SpanProblem` (for expressions in it) at a path."""

    def __init__(self, path: str, problem: SpanProblem, text: str | None = None) -> None:
        self.path = path
        self.problem = problem
        self.text = text


def _value(value: Any) -> Any:
    if isinstance(value, Mapping) and set(value) == {"param"} and isinstance(value["param"], str):
        return ParameterRef(value["param"])
    return value


def _form(data: Mapping[str, Any], path: str, problems: list[Located], depth: int) -> str | None:
    if depth > MAX_DEPTH:
        message = f"a rule nested more than {MAX_DEPTH} deep"
        problems.append(Located(path, SpanProblem(message, "syntax")))
        return None
    forms = [k for k in _FORMS if k in data]
    if len(forms) != 1:
        what = "none" if not forms else " and ".join(forms)
        message = f"a rule table has exactly one of {', '.join(_FORMS)}; found {what}"
        problems.append(Located(path, SpanProblem(message, "rule-form")))
        return None
    form = forms[0]
    allowed = {"all_of": {"all_of"}, "any_of": {"any_of"}, "not": {"not"}}.get(
        form, {"predicate", "args"} if form == "predicate" else {"field", "op", "value"}
    )
    extra = sorted(set(map(str, data)) - allowed)
    if extra:
        message = f"unknown keys {extra} in a {form} table"
        problems.append(Located(path, SpanProblem(message, "unknown-key")))
        return None
    return form


def from_data(
    data: Any, registry: PredicateRegistry, path: str, problems: list[Located], depth: int = 0
) -> Rule | None:
    """The rule the table form *data* describes, or ``None`` with *problems* appended."""
    if isinstance(data, str):
        rule, errors = parse(data, registry)
        problems.extend(Located(path, p, data) for p in errors)
        return rule if not errors else None
    if not isinstance(data, Mapping):
        problems.append(
            Located(path, SpanProblem(f"expected a rule (text or table), found {data!r}", "type"))
        )
        return None
    form = _form(data, path, problems, depth)
    if form is None:
        return None
    if form in ("all_of", "any_of"):
        return _junction(form, data[form], registry, path, problems, depth)
    if form == "not":
        inner = from_data(data["not"], registry, f"{path}.not", problems, depth + 1)
        return None if inner is None else not_(inner)
    return _leaf(form, data, registry, path, problems)


def _junction(  # noqa: PLR0917  # private, one caller
    form: str,
    items: Any,
    registry: PredicateRegistry,
    path: str,
    problems: list[Located],
    depth: int,
) -> Rule | None:
    if not isinstance(items, list):
        problems.append(Located(path, SpanProblem(f"{form} takes a list of rules", "type")))
        return None
    if not items:
        emptiness = "it never holds" if form == "any_of" else "it is no condition"
        problems.append(
            Located(f"{path}.{form}", SpanProblem(f"empty {form}: {emptiness}", "empty"))
        )
        return None
    parts = [
        from_data(r, registry, f"{path}.{form}[{i}]", problems, depth + 1)
        for i, r in enumerate(items)
    ]
    rules = [p for p in parts if p is not None]
    if len(rules) < len(parts):
        return None
    return all_of(*rules) if form == "all_of" else any_of(*rules)


def _leaf(
    form: str,
    data: Mapping[str, Any],
    registry: PredicateRegistry,
    path: str,
    problems: list[Located],
) -> Rule | None:
    found: list[SpanProblem] = []
    if form == "predicate":
        name = data["predicate"]
        args = data.get("args", {})
        if not isinstance(name, str) or not isinstance(args, Mapping):
            problems.append(
                Located(path, SpanProblem("predicate takes a name and a table of args", "type"))
            )
            return None
        rule = check_predicate(name, {str(k): _value(v) for k, v in args.items()}, registry, found)
    else:
        field, op = data["field"], data.get("op")
        if not isinstance(field, str) or op not in OPERATORS or "value" not in data:
            message = f"a comparison needs field, op (one of {', '.join(OPERATORS)}) and value"
            problems.append(Located(path, SpanProblem(message, "operator")))
            return None
        rule = check_comparison(field, op, _value(data["value"]), registry, found)
    problems.extend(Located(path, p) for p in found)
    return rule


def as_rule_problem(located: Located, source: str | None, line: int | None) -> Any:
    """The problem as a :class:`~ledarskap.eligibility.RuleProblem` at *line* of *source*."""
    return located.problem.as_problem(
        located.path,
        located.text or "",
        source=source,
        first_line=line,
        path=located.path,
    )
