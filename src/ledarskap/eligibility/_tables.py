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

from ledarskap._found import expected_found
from ledarskap.errors import safe_repr
from ledarskap.text import Text

from ._meaning import Broken, Call, Compare, Draft, Junction, Negation, Where, arguments
from ._parser import parse
from ._rules import MAX_DEPTH, OPERATORS, TOO_DEEP, ParameterRef

__all__ = ["read_table"]

_FORMS = ("all_of", "any_of", "not", "predicate", "field")
_KEYS = {
    "all_of": {"all_of"},
    "any_of": {"any_of"},
    "not": {"not"},
    "predicate": {"predicate", "args"},
    "field": {"field", "op", "value"},
}


_A_RULE = Text("en regel (text eller tabell)", "a rule (text or table)")
_EMPTY = {
    "all_of": Text("tom all_of: det är inget villkor", "empty all_of: it is no condition"),
    "any_of": Text("tom any_of: den är aldrig uppfylld", "empty any_of: it never holds"),
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
        return Broken(expected_found(_A_RULE, data), "type", where)
    if depth > MAX_DEPTH:
        return Broken(TOO_DEEP, "syntax", where)
    forms = [k for k in _FORMS if k in data]
    if len(forms) != 1:
        named = ", ".join(_FORMS)
        found_sv = "ingen" if not forms else " och ".join(forms)
        found_en = "none" if not forms else " and ".join(forms)
        message = Text(
            f"en regeltabell har exakt en av {named}; fick {found_sv}",
            f"a rule table has exactly one of {named}; found {found_en}",
        )
        return Broken(message, "rule-form", where)
    form = forms[0]
    extra = sorted(set(map(str, data)) - _KEYS[form])
    if extra:
        shown = ", ".join(safe_repr(key, 40) for key in extra[:5]) + (", …" if extra[5:] else "")
        unknown = "okänd nyckel" if len(extra) == 1 else "okända nycklar"
        message = Text(
            f"{unknown} {shown} i en {form}-tabell", f"unknown keys {shown} in a {form} table"
        )
        return Broken(message, "unknown-key", where)
    if form == "not":
        return Negation(read_table(data["not"], where.at(f"{where.path}.not"), depth + 1), where)
    if form == "predicate":
        name, args = data["predicate"], data.get("args", {})
        if not isinstance(name, str) or not isinstance(args, Mapping):
            message = Text(
                "predicate tar ett namn och en args-tabell",
                "predicate takes a name and a table of args",
            )
            return Broken(message, "type", where)
        values = {str(k): _value(v) for k, v in args.items()}
        return Call(name, arguments(values, where), where, where)
    if form == "field":
        field, op = data["field"], data.get("op")
        if not isinstance(field, str) or op not in OPERATORS or "value" not in data:
            operators = ", ".join(OPERATORS)
            message = Text(
                f"en jämförelse behöver field, op (en av {operators}) och value",
                f"a comparison needs field, op (one of {operators}) and value",
            )
            return Broken(message, "operator", where)
        return Compare(field, op, _value(data["value"]), where, where)
    items = data[form]
    if not isinstance(items, list):
        message = Text(f"{form} tar en lista med regler", f"{form} takes a list of rules")
        return Broken(message, "type", where)
    if not items:
        return Broken(_EMPTY[form], "empty", where.at(f"{where.path}.{form}"))
    parts = tuple(
        read_table(item, where.at(f"{where.path}.{form}[{i}]"), depth + 1)
        for i, item in enumerate(items)
    )
    return Junction("all_of" if form == "all_of" else "any_of", parts, where)
