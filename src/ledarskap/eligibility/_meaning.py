"""The one neutral tree both readers of rules produce, and its one check against a registry.

The text reader (:mod:`._parser`) and the table reader (:mod:`._tables`) write what they
read as a *draft*: :class:`Junction`, :class:`Negation`, :class:`Call`, :class:`Compare`,
or :class:`Broken` for what could not be read, each with :class:`Where` it was found.
:func:`build` checks a draft against the registry (names, arguments, value types,
operators) and gives the :class:`~._rules.Rule`, or adds a
:class:`~ledarskap.errors.Problem` for each thing wrong, at its place: the path, and in an
expression the column with the text and a caret under the bad part.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from ledarskap._found import FieldError, did_you_mean, expected_found
from ledarskap.errors import LedarskapError, Problem, RuleError, safe_repr
from ledarskap.text import Text

from ._rules import (
    OPERATORS,
    TOO_DEEP,
    Comparison,
    ParameterRef,
    Predicate,
    Rule,
    all_of,
    any_of,
    not_,
)
from ._vocabulary import A_RULE_NAME, PredicateRegistry, is_rule_name
from .valuetypes import ValueType, list_of

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = [
    "Broken",
    "Call",
    "Compare",
    "Draft",
    "Junction",
    "Listed",
    "Negation",
    "Where",
    "arguments",
    "build",
    "check_comparison",
    "check_predicate",
    "problem_at",
    "said",
]


@attrs.frozen
class Where:
    """Where a draft was read.

    A *path* (``rule``, ``rules[0].when.any_of[1]``) and, in an expression, its *text*
    and the span ``start:end`` within it. A path in words (``rule``, not a key path) has
    its Swedish in *path_sv* (``regel``).
    """

    path: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    path_sv: str | None = None

    def span(self, start: int, end: int) -> Where:
        """The same place, narrowed to characters ``start:end`` of the text."""
        return Where(self.path, self.text, start, end, self.path_sv)

    @property
    def worded(self) -> Wording:
        """The path as a problem takes it: in both languages if it is in words."""
        return self.path if self.path_sv is None else Text(self.path_sv, self.path)

    def at(self, path: str) -> Where:
        """Another path, in no expression."""
        return Where(path)


@attrs.frozen
class Junction:
    """``all_of`` or ``any_of`` of the parts (as written: flattening happens in building)."""

    kind: Literal["all_of", "any_of"]
    parts: tuple[Draft, ...]
    where: Where


@attrs.frozen
class Negation:
    """``not`` of the part."""

    part: Draft
    where: Where


@attrs.frozen
class Call:
    """A predicate by name with its arguments as written.

    *where* spans the whole call, *name_where* the name alone.
    """

    name: str
    args: tuple[tuple[str, Any, Where], ...]
    where: Where
    name_where: Where


@attrs.frozen
class Compare:
    """A field compared with a value; *field_where* spans the field's name."""

    field: str
    op: str
    value: Any
    where: Where
    field_where: Where


@attrs.frozen
class Broken:
    """What could not be read (a syntax error, a malformed table): the problem itself."""

    message: Wording
    code: str
    where: Where
    hint: Wording | None = None


@attrs.frozen
class Listed:
    """A list as written in an expression: its items, each with where it is.

    A bad item is reported at its own place (one problem, one caret, per item).
    """

    items: tuple[Any, ...]
    wheres: tuple[Where, ...]


Draft: TypeAlias = Junction | Negation | Call | Compare | Broken
"""The neutral tree of a rule, as read and not yet checked."""

Report: TypeAlias = Callable[[Where, "Wording", str, "Wording | None"], None]
"""How :func:`build` reports: ``report(where, message, code, hint)``."""


_BEFORE, _AFTER = 60, 100
"""How much of an expression's line an excerpt shows before and from the bad part."""


def _excerpt(text: str, line_start: int, line_end: int, start: int, end: int) -> str:
    """The line of *text* around ``[start, end)``, cut to a bounded window, with carets."""
    low, high = max(line_start, start - _BEFORE), min(line_end, start + _AFTER)
    lead = "…" if low > line_start else ""
    shown = lead + text[low:high] + ("…" if high < line_end else "")
    width = max(1, min(end, high) - start)
    return f"    {shown}\n    {' ' * (len(lead) + start - low)}{'^' * width}"


def problem_at(  # the parts of a Problem, by keyword
    where: Where,
    message: Wording,
    code: str,
    hint: Wording | None = None,
    *,
    source: str | None = None,
    first_line: int | None = None,
) -> Problem:
    """The problem at *where*: in an expression, its column and the line with a caret.

    *first_line* is the line of the file the expression starts on (its line is then the
    file's); without it, an expression of several lines gives its own line number.
    """
    text = where.text
    if where.start is None or text is None:
        return Problem(where.worded, message, code, source=source, line=first_line, hint=hint)
    start = min(where.start, len(text))
    line_index = text.count("\n", 0, start)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    column = start - line_start + 1
    excerpt = _excerpt(text, line_start, line_end, start, where.end or start + 1)
    if first_line is not None:
        line: int | None = first_line + line_index
    else:
        line = line_index + 1 if "\n" in text.strip() else None
    return Problem(
        where.worded,
        message,
        code,
        source=source,
        line=line,
        column=column,
        hint=hint,
        excerpt=excerpt,
    )


def build(draft: Draft, registry: PredicateRegistry, report: Report) -> Rule | None:
    """The rule *draft* describes, checked against *registry*.

    ``None`` if anything was reported (every problem of the draft is, not only the first).
    """
    if isinstance(draft, Broken):
        report(draft.where, draft.message, draft.code, draft.hint)
        return None
    if isinstance(draft, Junction | Negation):
        return _combined(draft, registry, report)
    if isinstance(draft, Call):
        return check_predicate(draft, registry, report)
    return check_comparison(draft, registry, report)


def _combined(
    draft: Junction | Negation, registry: PredicateRegistry, report: Report
) -> Rule | None:
    """``all_of``, ``any_of`` or ``not`` of the parts *draft* holds, each built."""
    drafts = draft.parts if isinstance(draft, Junction) else (draft.part,)
    parts = [build(part, registry, report) for part in drafts]
    if any(part is None for part in parts):
        return None
    made = [part for part in parts if part is not None]
    try:
        if isinstance(draft, Negation):
            return not_(made[0])
        return all_of(*made) if draft.kind == "all_of" else any_of(*made)
    except RuleError:  # text within tables, each within its bound, nested too deep together
        report(draft.where, TOO_DEEP, "syntax", None)
        return None


def said(error: BaseException) -> tuple[Wording, Wording | None]:
    """What *error* (raised by a value type's ``convert``) says, and its hint, as worded.

    The library's errors give both languages; another error (a value type of the
    caller's own) gives its English, and a message made with it is English alone.
    """
    if isinstance(error, FieldError):
        return error.text, error.hint_text
    if isinstance(error, LedarskapError):  # its message says its hint already
        return Text(error.render("sv"), str(error)), None
    return str(error), getattr(error, "hint", None)


def _after(sv: str, en: str, text: Wording) -> Wording:
    """*text* after the words *sv* (Swedish) and *en*: English alone if *text* is."""
    return en + text if isinstance(text, str) else Text(sv + (text.sv or text.en), en + text.en)


_PREDICATE_OR_FIELD = Text("okänt predikat eller fält", "unknown predicate or field")
_FIELD = Text("okänt fält", "unknown field")


def _unknown_name(
    name: str, registry: PredicateRegistry, what: Text
) -> tuple[Wording, Wording | None]:
    shown = safe_repr(name, 60)
    return Text(f"{what.sv} {shown}", f"{what.en} {shown}"), did_you_mean(
        name, [*registry.fields, *registry.predicates]
    )


def check_predicate(call: Call, registry: PredicateRegistry, report: Report) -> Rule | None:
    """The :class:`Predicate` *call* names, its arguments checked and normalised."""
    name = call.name
    spec = registry.get_predicate(name)
    if spec is None:
        if registry.get_field(name) is not None:
            shown = safe_repr(name, 60)
            message = Text(
                f"{shown} är ett fält: jämför det med ett värde (t.ex. {name} == …)",
                f"{shown} is a field: compare it with a value (e.g. {name} == …)",
            )
            report(call.where, message, "field-as-predicate", None)
        else:
            unknown, hint = _unknown_name(name, registry, _PREDICATE_OR_FIELD)
            report(call.name_where, unknown, "unknown-name", hint)
        return None
    ok = True
    normal: dict[str, Any] = {}
    given: set[str] = set()
    for arg_name, value, where in call.args:
        shown = safe_repr(arg_name, 60)
        if arg_name in given:
            twice = Text(f"argumentet {shown} anges två gånger", f"argument {shown} given twice")
            report(where, twice, "argument", None)
            ok = False
            continue
        given.add(arg_name)
        argument = spec.argument(arg_name)
        if argument is None:
            names = [a.name for a in spec.arguments]
            listed = ", ".join(names)
            takes_sv = f"; dess argument är {listed}" if names else "; det har inga argument"
            takes_en = f"; it takes {listed}" if names else "; it takes none"
            hint = did_you_mean(arg_name, names, cutoff=0.5)
            report(
                call.where,
                Text(
                    f"{name} har inget argument {shown}{takes_sv}",
                    f"{name} takes no argument {shown}{takes_en}",
                ),
                "unknown-argument",
                hint,
            )
            ok = False
            continue
        if isinstance(value, ParameterRef):
            ok = _writable(value, call.where, report) and ok
            normal[arg_name] = value
            continue
        lead = (f"argumentet {shown} till {name}: ", f"argument {shown} of {name}: ")
        fits, converted = _converted(argument.type, value, call.where, lead, report)
        if not fits:
            ok = False
            continue
        if argument.required or converted != argument.default:
            normal[arg_name] = converted
    for argument in spec.arguments:
        if argument.required and argument.name not in given:
            needs = f"{argument.name!r} ({argument.type})"
            message = Text(
                f"{name} behöver argumentet {needs}", f"{name} needs the argument {needs}"
            )
            report(call.where, message, "missing-argument", None)
            ok = False
    return Predicate(name, tuple(sorted(normal.items()))) if ok else None


def check_comparison(draft: Compare, registry: PredicateRegistry, report: Report) -> Rule | None:
    """The :class:`Comparison` *draft* writes, its field, operator and value checked."""
    field, op = draft.field, draft.op
    spec = registry.get_field(field)
    if spec is None:
        if registry.get_predicate(field) is not None:
            shown = safe_repr(field, 60)
            message = Text(
                f"{shown} är ett predikat, inte ett fält: det kan inte jämföras",
                f"{shown} is a predicate, not a field: it cannot be compared",
            )
            report(draft.where, message, "predicate-as-field", None)
        else:
            unknown, hint = _unknown_name(field, registry, _FIELD)
            report(draft.field_where, unknown, "unknown-name", hint)
        return None
    if op not in OPERATORS:
        shown = safe_repr(op, 60)
        message = Text(f"okänd operator {shown}", f"unknown operator {shown}")
        report(draft.where, message, "operator", None)
        return None
    if op in ("<", "<=", ">", ">=") and not spec.type.ordered:
        message = Text(
            f"{field} ({spec.type}) kan inte jämföras med {op}; använd == , != , in eller not in",
            f"{field} ({spec.type}) cannot be compared with {op}; use == , != , in or not in",
        )
        report(draft.where, message, "operator", None)
        return None
    if isinstance(draft.value, ParameterRef):
        ok = _writable(draft.value, draft.where, report)
        return Comparison(field, op, draft.value) if ok else None
    wanted = list_of(spec.type) if op in ("in", "not in") else spec.type
    lead = (f"{field} {op}: ", f"{field} {op}: ")
    fits, converted = _converted(wanted, draft.value, draft.where, lead, report, "value-type")
    return Comparison(field, op, converted) if fits else None


def _writable(reference: ParameterRef, where: Where, report: Report) -> bool:
    """Whether the parameter's name can be written in a rule; if not, it is reported.

    A table or Python may name any parameter, but the rule must print to text that reads
    back: ``{param = "min years"}`` would print as ``min years``.
    """
    if is_rule_name(reference.name):
        return True
    message = _after(
        "parameterns namn: ", "the parameter's name: ", expected_found(A_RULE_NAME, reference.name)
    )
    report(where, message, "parameter-name", None)
    return False


def _converted(  # noqa: PLR0917  # the value, its type and where, and how to say it
    kind: ValueType,
    value: Any,
    where: Where,
    lead: tuple[str, str],
    report: Report,
    code: str = "argument-type",
) -> tuple[bool, Any]:
    """Whether *value* fits *kind*, and its normalised form; each problem reported.

    Of a list, every bad item is reported, each at its place (*lead* goes before the
    message: what the value is compared with or given to).
    """
    items = value.items if isinstance(value, Listed) else value
    if kind.item is not None and isinstance(items, list | tuple) and items:
        places = value.wheres if isinstance(value, Listed) else (where,) * len(items)
        fits = True
        for item, place in zip(items, places, strict=True):
            try:
                kind.item.convert(item)
            except (ValueError, TypeError) as error:
                text, hint = said(error)
                report(place, _after(*lead, text), code, hint)
                fits = False
        if not fits:
            return False, None
    try:
        return True, kind.convert(list(items) if isinstance(value, Listed) else value)
    except (ValueError, TypeError) as error:
        text, hint = said(error)
        report(where, _after(*lead, text), code, hint)
        return False, None


def arguments(values: Mapping[str, Any], where: Where) -> tuple[tuple[str, Any, Where], ...]:
    """Keyword arguments given in Python (or a table), as a call's arguments at *where*."""
    return tuple((str(name), value, where) for name, value in values.items())
