"""Reading a rule-set document (TOML or JSON text): check everything, report all at once.

The document's shape (keys, types, dates, levels) and its meaning (each rule's condition,
read into the neutral tree and built against the registry; duplicate ids and overlapping
windows; parameters and the types their uses give them) are checked in one pass, and every
problem is one :class:`~ledarskap.errors.Problem` with the file, the line, the path and a
hint, raised together as one :class:`~ledarskap.errors.RuleError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal, NewType

import attrs
import cattrs

from ledarskap._found import Lines, describe, did_you_mean, parse_text
from ledarskap.errors import Problem, Problems, RuleError

from ._entries import RuleEntry, RuleLevel, overlap
from ._meaning import Where, build, problem_at
from ._rules import Comparison, ParameterRef, Predicate, Rule
from ._tables import read_table
from .parameters import Parameter
from .predicates import PredicateRegistry, registry_or_builtin, value_type
from .valuetypes import ValueType, list_of

__all__ = [
    "RULESET_FORMAT",
    "Document",
    "Head",
    "ParameterData",
    "RuleData",
    "load",
    "make_converter",
]

RULESET_FORMAT = "ledarskap.rules/1"
"""The ``format`` tag a rule-set file must carry."""


@attrs.frozen
class Document:
    """A rule-set document, checked: what a :class:`~ledarskap.eligibility.RuleSet` is made of."""

    id: str
    version: str
    title: str
    entries: tuple[RuleEntry, ...]
    parameters: dict[str, Parameter]


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")

RuleId = NewType("RuleId", str)
"""A rule's id: letters, digits, ``- _ . :``, at most 64."""
Version = NewType("Version", str)
"""A version, as text (a number is taken as its text)."""
FormatTag = NewType("FormatTag", str)
"""The format tag, which must be :data:`RULESET_FORMAT`."""


@attrs.frozen
class Head:
    """The document's own keys; its rules and parameters are read one by one."""

    format: FormatTag
    id: str
    version: Version
    title: str = ""
    description: Any = None
    parameters: Any = None
    rules: Any = None


@attrs.frozen
class RuleData:
    """One ``[[rules]]`` table: its condition (``when``) is read into a rule after."""

    id: RuleId
    when: Any
    level: RuleLevel = RuleLevel.REQUIRED
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    version: Version | None = None
    title_sv: str | None = None
    title_en: str | None = None
    description: Any = None


@attrs.frozen
class ParameterData:
    """A parameter written as a table: its values by date, a type, a description."""

    values: Any
    type: str | None = None
    description: Any = ""


class ShapeError(ValueError):
    """A value that does not fit the shape: the message, and the problem's code."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def _text(value: object, _: type) -> str:
    if isinstance(value, str) and value.strip():
        return value
    raise ShapeError(f"expected text, found {describe(value)}", "type")


def _rule_id(value: object, _: type) -> str:
    text = _text(value, str)
    if _ID.match(text):
        return text
    raise ShapeError(f"expected an id (letters, digits, - _ . :), found {describe(value)}", "id")


def _version(value: object, _: type) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    raise ShapeError(f"expected a version as text, found {describe(value)}", "missing")


def _format(value: object, _: type) -> str:
    if value == RULESET_FORMAT:
        return RULESET_FORMAT
    raise ShapeError(f"expected format = {RULESET_FORMAT!r}, found {describe(value)}", "format")


def _date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ShapeError(f"expected a date (YYYY-MM-DD), found {describe(value)}", "date")


def _level(value: object, _: type) -> RuleLevel:
    if isinstance(value, str) and value in ("required", "advisory"):
        return RuleLevel(value)
    raise ShapeError(f"expected 'required' or 'advisory', found {describe(value)}", "level")


def make_converter() -> cattrs.Converter:
    """The converter of rule-set files: its own hooks, unknown keys refused, every problem."""
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_structure_hook(str, _text)
    converter.register_structure_hook(RuleId, _rule_id)
    converter.register_structure_hook(Version, _version)
    converter.register_structure_hook(FormatTag, _format)
    converter.register_structure_hook(dt.date, _date)
    converter.register_structure_hook(RuleLevel, _level)
    return converter


_CONVERTER = make_converter()
# What a missing key is said to be, where "<key> is required" would say less.
_REQUIRED = {
    "when": ("when is required: the rule's condition", "missing"),
    "version": (f"expected a version as text, found {describe(None)}", "missing"),
    "format": (f"expected format = {RULESET_FORMAT!r}, found {describe(None)}", "format"),
}


class _Places:
    """The lines of the document's keys and tables (TOML only: JSON gives none)."""

    def __init__(self, text: str, syntax: str) -> None:
        self.lines = Lines(text if syntax == "toml" else "")
        self.rule_headers = self.lines.headers("rules")

    def top(self, key: str) -> int | None:
        return self.lines.key(key, 1, self.lines.find(r"\s*\["))

    def rule(self, index: int, key: str | None = None) -> int | None:
        if index >= len(self.rule_headers):
            return None
        start = self.rule_headers[index]
        if key is None:
            return start
        end = self.rule_headers[index + 1] if index + 1 < len(self.rule_headers) else None
        end = self.lines.find(r"\s*\[", start + 1, end) or end
        return self.lines.key(key, start + 1, end) or start

    def expression_start(self, line: int | None) -> int | None:
        """The line an expression value starts on, given the line of its key."""
        if line is None:
            return None
        text = self.lines.lines[line - 1].rstrip()
        return line + 1 if text.endswith(('"""', "'''")) else line

    def parameter(self, name: str) -> int | None:
        escaped = re.escape(name)
        return self.lines.find(rf"\s*\[\s*parameters\.{escaped}\s*\]") or self.lines.find(
            rf"\s*\"?{escaped}\"?\s*="
        )


class _Checker:
    """Reads a document: its shape with the converter, then what its rules mean."""

    def __init__(self, text: str, syntax: str, source: str | None, registry: PredicateRegistry):
        self.source = source
        self.lines = _Places(text, syntax)
        self.registry = registry
        self.problems = Problems(source=source)
        # (index, id, valid_from, valid_to) of every rule whose id and window could be
        # read, whether or not its condition parses: windows and ids are checked on these.
        self.heads: list[tuple[int, str, dt.date | None, dt.date | None]] = []

    def add(
        self, path: str, message: str, code: str, line: int | None = None, hint: str | None = None
    ) -> None:
        self.problems.add(path, message, code, line=line, hint=hint)

    def shape(
        self, raw: Mapping[str, Any], shape: type[Any], path: str, line: Callable[[str], int | None]
    ) -> dict[str, Any]:
        """The keys of *raw* that fit *shape*, structured; a problem for each that does not.

        Every problem of the table is found at once (cattrs' detailed validation); the keys
        that fit are kept, so that what they mean is checked too.
        """
        fields = attrs.fields(shape)
        try:
            made = _CONVERTER.structure(raw, shape)
        except cattrs.ClassValidationError as error:
            failed = self.shape_problems(error, raw, shape, path, line)
        else:
            return {field.name: getattr(made, field.name) for field in fields}
        kept: dict[str, Any] = {}
        for field in fields:
            if field.name in failed:
                continue
            if field.name in raw:
                kept[field.name] = _CONVERTER.structure(raw[field.name], field.type)
            elif field.default is not attrs.NOTHING:  # no shape has a factory default
                kept[field.name] = field.default
        return kept

    def shape_problems(
        self,
        error: cattrs.ClassValidationError,
        raw: Mapping[str, Any],
        shape: type[Any],
        path: str,
        line: Callable[[str], int | None],
    ) -> set[str]:
        """Add the problems of a table that does not fit; the names of the keys that fail."""
        known = [field.name for field in attrs.fields(shape)]
        failed: set[str] = set()
        for inner in error.exceptions:
            if isinstance(inner, cattrs.ForbiddenExtraKeysError):
                for key in sorted(inner.extra_fields, key=list(raw).index):
                    self.add(
                        f"{path}{key}",
                        f"unknown key {key!r}; expected one of {', '.join(known)}",
                        "unknown-key",
                        line(key),
                        hint=did_you_mean(key, known),
                    )
                continue
            name = next((n.name for n in getattr(inner, "__notes__", ()) if hasattr(n, "name")), "")
            failed.add(name)
            if isinstance(inner, KeyError):
                if name == "when" and any(did_you_mean(k, ["when"]) for k in raw):
                    continue  # a misspelt key says it already: "did you mean 'when'?"
                message, code = _REQUIRED.get(name, (f"{name} is required", "missing"))
                self.add(f"{path}{name}", message, code, line(name) if path else None)
            else:
                code = inner.code if isinstance(inner, ShapeError) else "type"
                self.add(f"{path}{name}", str(inner), code, line(name))
        return failed

    # The document ----------------------------------------------------------------------

    def document(self, data: Any) -> Document | None:
        if not isinstance(data, Mapping):
            self.add("", f"expected a table of rules, found {describe(data)}", "type")
            return None
        head = self.shape(data, Head, "", self.lines.top)
        raw_rules = data.get("rules")
        entries: list[RuleEntry] = []
        if not isinstance(raw_rules, list) or not raw_rules:
            self.add("rules", "expected at least one [[rules]] table", "missing")
        else:
            for index, item in enumerate(raw_rules):
                entry = self.rule(index, item)
                if entry is not None:
                    entries.append(entry)
        self.windows()
        parameters = self.parameters(data.get("parameters", {}), entries)
        if self.problems:
            return None
        return Document(
            id=head["id"],
            version=head["version"],
            title=head["title"],
            entries=tuple(entries),
            parameters=parameters,
        )

    def rule(self, index: int, item: Any) -> RuleEntry | None:
        path = f"rules[{index}]"
        if not isinstance(item, Mapping):
            self.add(
                path, f"expected a table, found {describe(item)}", "type", self.lines.rule(index)
            )
            return None
        before = len(self.problems)
        read = self.shape(item, RuleData, f"{path}.", lambda key: self.lines.rule(index, key))
        rule_id, valid_from, valid_to = read.get("id"), read.get("valid_from"), read.get("valid_to")
        if valid_from and valid_to and valid_to <= valid_from:
            self.add(
                f"{path}.valid_to",
                f"the window [valid_from, valid_to) is empty: {valid_to} is not after {valid_from}",
                "window",
                self.lines.rule(index, "valid_to"),
            )
        elif rule_id is not None and {"valid_from", "valid_to"} <= read.keys():
            self.heads.append((index, rule_id, valid_from, valid_to))
        rule = self.expression(index, read["when"]) if "when" in read else None
        if len(self.problems) > before or rule is None:
            return None
        version = {} if read["version"] is None else {"version": read["version"]}
        return RuleEntry(
            id=read["id"],
            rule=rule,
            level=read["level"],
            valid_from=valid_from,
            valid_to=valid_to,
            title_sv=read["title_sv"],
            title_en=read["title_en"],
            **version,
        )

    def expression(self, index: int, when: Any) -> Rule | None:
        path = f"rules[{index}].when"
        line = self.lines.rule(index, "when")
        if not isinstance(when, str | Mapping):
            message = f"expected the condition as text or a table, found {describe(when)}"
            self.add(path, message, "type", line)
            return None
        # A table's expressions are placed on the line of its key; a text from where it starts.
        first = line if isinstance(when, Mapping) else self.lines.expression_start(line)
        before = len(self.problems)

        def report(where: Where, message: str, code: str, hint: str | None) -> None:
            self.problems.append(
                problem_at(where, message, code, hint, source=self.source, first_line=first)
            )

        rule = build(read_table(when, Where(path)), self.registry, report)
        return rule if len(self.problems) == before else None

    def windows(self) -> None:
        """Duplicate ids and overlapping windows, whether or not the conditions parse."""
        seen: list[tuple[int, str, dt.date | None, dt.date | None]] = []
        for index, rule_id, valid_from, valid_to in self.heads:
            line = self.lines.rule(index)
            clashes = dict.fromkeys(  # each other window once, even if it is duplicated
                (other_from, other_to)
                for _, other_id, other_from, other_to in seen
                if other_id == rule_id
            )
            for other_from, other_to in clashes:
                if (other_from, other_to) == (valid_from, valid_to):
                    self.add(
                        f"rules[{index}].id",
                        f"duplicate rule id {rule_id!r} with the same validity window",
                        "duplicate-id",
                        line,
                        hint="give each rule its own id, or give versions of one rule disjoint windows",
                    )
                elif overlap((valid_from, valid_to), (other_from, other_to)):
                    self.add(
                        f"rules[{index}].valid_from",
                        f"the versions of rule {rule_id!r} overlap: "
                        f"[{_day(valid_from)}, {_day(valid_to)}) and "
                        f"[{_day(other_from)}, {_day(other_to)})",
                        "overlapping-windows",
                        line,
                        hint="windows are half-open [valid_from, valid_to): end one where the next begins",
                    )
            seen.append((index, rule_id, valid_from, valid_to))

    def parameters(  # noqa: PLR0912  # one pass over every parameter, each check a branch
        self, raw: Any, entries: list[RuleEntry]
    ) -> dict[str, Parameter]:
        uses: dict[str, list[ValueType]] = {}
        for entry in entries:
            for node in entry.rule.walk():
                for ref, use in _parameter_uses(node, self.registry):
                    uses.setdefault(ref, []).append(use)
        if not isinstance(raw, Mapping):
            self.add(
                "parameters",
                f"expected a table of parameters, found {describe(raw)}",
                "type",
                self.lines.top("parameters"),
            )
            return {}
        result: dict[str, Parameter] = {}
        # Parameters that predicates read without a rule naming them, with their types
        # (employed_by_collaborating_municipality reads collaborating_municipalities).
        implicit = self.registry.parameter_types()
        for name, spec in raw.items():
            path = f"parameters.{name}"
            line = self.lines.parameter(name)
            declared: ValueType | None = None
            values: Any = spec
            description = ""
            if isinstance(spec, Mapping) and "values" in spec:
                read = self.shape(spec, ParameterData, f"{path}.", _at(line))
                values = spec["values"]
                description = read.get("description", "")
                if read.get("type") is not None:
                    try:
                        declared = value_type(read["type"])
                    except ValueError as error:
                        self.add(f"{path}.type", str(error), "type", line)
            kinds = [*implicit.get(name, ()), *uses.get(name, [])]
            kind = declared or (kinds[0] if kinds else None)
            if kind is None and "type" not in (spec if isinstance(spec, Mapping) else {}):
                self.add(
                    path,
                    f"parameter {name!r} is used by no rule or predicate and has no type",
                    "unused-parameter",
                    line,
                    hint=did_you_mean(name, [*implicit, *uses])
                    or f"name it in a rule's condition, or give it a type: [parameters.{name}] "
                    'with values = … and type = "…"',
                )
                continue
            for other in kinds:
                if kind is not None and other.name != kind.name:
                    self.add(path, f"used as {kind} and as {other}", "parameter-type", line)
            dated = self.parameter_values(values, path, line, kind)
            if dated is not None:
                result[name] = Parameter(
                    name,
                    dated,
                    description=str(description),
                    type_name=None if kind is None else kind.name,
                )
        for name in uses:
            if name not in result and name not in raw:
                where = next((i for i, e in enumerate(entries) if name in e.rule.parameters()), 0)
                self.add(
                    f"rules[{where}].when",
                    f"unknown parameter {name!r} (a bare name as a value is a parameter)",
                    "unknown-parameter",
                    self.lines.rule(where, "when"),
                    hint=did_you_mean(name, list(raw)) or 'quote text values: "…"',
                )
        return result

    def parameter_values(
        self, values: Any, path: str, line: int | None, kind: ValueType | None
    ) -> dict[dt.date | None, Any] | None:
        dated: dict[dt.date | None, Any] = {}
        items = list(values.items()) if isinstance(values, Mapping) else [(None, values)]
        ok = True
        for key, raw in items:
            value = raw
            day: dt.date | None = None
            if key is not None and key != "always":
                try:
                    day = _date(key, dt.date)
                except ShapeError as error:
                    self.add(f"{path}.values", str(error), error.code, line)
                    ok = False
                    continue
            if kind is not None:
                try:
                    value = kind.convert(value)
                except (ValueError, TypeError) as error:
                    self.add(f"{path}.values", str(error), "parameter-type", line)
                    ok = False
                    continue
            dated[day] = value
        return dated if ok else None


def _at(line: int | None) -> Callable[[str], int | None]:
    """Every key on *line* (a parameter's table is found, not its keys)."""
    return lambda _key: line


def _day(day: dt.date | None) -> str:
    return "…" if day is None else day.isoformat()


def _parameter_uses(node: Rule, registry: PredicateRegistry) -> list[tuple[str, ValueType]]:
    found: list[tuple[str, ValueType]] = []
    if isinstance(node, Comparison) and isinstance(node.value, ParameterRef):
        field = registry.get_field(node.field)
        if field is not None:
            kind = list_of(field.type) if node.op in ("in", "not in") else field.type
            found.append((node.value.name, kind))
    elif isinstance(node, Predicate):
        spec = registry.get_predicate(node.name)
        for name, value in node.args:
            argument = None if spec is None else spec.argument(name)
            if isinstance(value, ParameterRef) and argument is not None:
                found.append((value.name, argument.type))
    return found


def load(
    text: object,
    *,
    syntax: Literal["toml", "json"],
    source: str | None,
    registry: PredicateRegistry | None,
) -> Document:
    """Parse and check a whole rule-set document; raise one RuleError with every problem."""
    registry = registry_or_builtin(registry)
    if syntax not in ("toml", "json"):
        raise ValueError(f"syntax must be 'toml' or 'json', not {syntax!r}")
    if not isinstance(text, str):
        problem = Problem("", f"expected text, found {type(text).__name__}", "type", source=source)
        raise RuleError("invalid rule set", [problem], source=source)
    data = parse_text(text, syntax, error=RuleError, source=source)
    checker = _Checker(text, syntax, source, registry)
    document = checker.document(data)
    if checker.problems or document is None:
        # In file order; problems without a line (a missing key) come last.
        ordered = sorted(checker.problems, key=lambda p: (p.line is None, p.line or 0))
        raise RuleError("invalid rule set", ordered, source=source)
    return document
