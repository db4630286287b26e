"""Rules as plain data (the table form), read into the neutral tree of :mod:`._meaning`.

Forms, nestable; a text anywhere is an expression in the rule syntax::

    {"all_of": [rule, ...]}     {"any_of": [rule, ...]}     {"not": rule}
    {"predicate": "name", "args": {"arg": value, ...}}
    {"field": "name", "op": "in", "value": value}           value {"param": "name"}
    "reports_to_political_body or leads_staff_function"

:func:`~._rules.to_data` writes this form; :func:`read_table` reads it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ledarskap._found import describe
from ledarskap.errors import safe_repr

from ._meaning import Broken, Call, Compare, Draft, Junction, Negation, Where, arguments
from ._parser import parse
from ._rules import MAX_DEPTH, OPERATORS, ParameterRef

__all__ = ["read_table"]

_FORMS = ("all_of", "any_of", "not", "predicate", "field")
_KEYS = {
    "all_of": {"all_of"},
    "any_of": {"any_of"},
    "not": {"not"},
    "predicate": {"predicate", "args"},
    "field": {"field", "op", "value"},
}


def _value(value: Any) -> Any:
    if isinstance(value, Mapping) and set(value) == {"param"} and isinstance(value["param"], str):
        return ParameterRef(value["param"])
    return value


def read_table(data: object, where: Where, depth: int = 0) -> Draft:  # noqa: PLR0911  # one return per form
    """The draft of the rule the table form *data* describes, found at *where*."""
    if isinstance(data, str):
        return parse(data, where)
    if not isinstance(data, Mapping):
        return Broken(f"expected a rule (text or table), found {describe(data)}", "type", where)
    if depth > MAX_DEPTH:
        return Broken(f"a rule nested more than {MAX_DEPTH} deep", "syntax", where)
    forms = [k for k in _FORMS if k in data]
    if len(forms) != 1:
        found = "none" if not forms else " and ".join(forms)
        message = f"a rule table has exactly one of {', '.join(_FORMS)}; found {found}"
        return Broken(message, "rule-form", where)
    form = forms[0]
    extra = sorted(set(map(str, data)) - _KEYS[form])
    if extra:
        shown = ", ".join(safe_repr(key, 40) for key in extra[:5]) + (", …" if extra[5:] else "")
        return Broken(f"unknown keys {shown} in a {form} table", "unknown-key", where)
    if form == "not":
        return Negation(read_table(data["not"], where.at(f"{where.path}.not"), depth + 1), where)
    if form == "predicate":
        name, args = data["predicate"], data.get("args", {})
        if not isinstance(name, str) or not isinstance(args, Mapping):
            return Broken("predicate takes a name and a table of args", "type", where)
        values = {str(k): _value(v) for k, v in args.items()}
        return Call(name, arguments(values, where), where, where)
    if form == "field":
        field, op = data["field"], data.get("op")
        if not isinstance(field, str) or op not in OPERATORS or "value" not in data:
            message = f"a comparison needs field, op (one of {', '.join(OPERATORS)}) and value"
            return Broken(message, "operator", where)
        return Compare(field, op, _value(data["value"]), where, where)
    items = data[form]
    if not isinstance(items, list):
        return Broken(f"{form} takes a list of rules", "type", where)
    if not items:
        emptiness = "it never holds" if form == "any_of" else "it is no condition"
        return Broken(f"empty {form}: {emptiness}", "empty", where.at(f"{where.path}.{form}"))
    parts = tuple(
        read_table(item, where.at(f"{where.path}.{form}[{i}]"), depth + 1)
        for i, item in enumerate(items)
    )
    return Junction("all_of" if form == "all_of" else "any_of", parts, where)
