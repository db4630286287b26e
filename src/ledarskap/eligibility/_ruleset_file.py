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
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from ledarskap._found import Lines, did_you_mean, parse_text
from ledarskap.errors import Problem, Problems, RuleError

from ._entries import RuleEntry, RuleLevel, overlap
from ._meaning import Where, build, problem_at
from ._rules import Comparison, ParameterRef, Predicate, Rule
from ._tables import read_table
from .parameters import Parameter
from .predicates import PredicateRegistry, registry_or_builtin, value_type
from .valuetypes import ValueType, list_of

__all__ = ["RULESET_FORMAT", "Document", "load"]

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


_TOP_KEYS = ("format", "id", "version", "title", "description", "parameters", "rules")
_RULE_KEYS = (
    "id",
    "level",
    "when",
    "valid_from",
    "valid_to",
    "version",
    "title_sv",
    "title_en",
    "description",
)
_PARAM_KEYS = ("values", "type", "description")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")


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

    def unknown_keys(
        self, data: Mapping[str, Any], known: tuple[str, ...], path: str, line: Any
    ) -> None:
        for key in data:
            if key not in known:
                self.add(
                    f"{path}{key}" if path else str(key),
                    f"unknown key {key!r}; expected one of {', '.join(known)}",
                    "unknown-key",
                    line(key),
                    hint=did_you_mean(key, known),
                )

    def text(self, data: Mapping[str, Any], key: str, path: str, line: int | None) -> str | None:
        value = data.get(key)
        if value is None:
            self.add(path, f"{key} is required", "missing", line)
            return None
        if not isinstance(value, str) or not value.strip():
            self.add(path, f"expected text, found {value!r}", "type", line)
            return None
        return value

    def date(self, value: Any, path: str, line: int | None) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.add(path, f"expected a date (YYYY-MM-DD), found {value!r}", "date", line)
        return None

    # The document ----------------------------------------------------------------------

    def document(self, data: Any) -> Document | None:
        if not isinstance(data, Mapping):
            self.add("", f"expected a table of rules, found {type(data).__name__}", "type")
            return None
        tag = data.get("format")
        if tag != RULESET_FORMAT:
            self.add(
                "format",
                f"expected format = {RULESET_FORMAT!r}, found {tag!r}",
                "format",
                self.lines.top("format"),
            )
        self.unknown_keys(data, _TOP_KEYS, "", self.lines.top)
        ruleset_id = self.text(data, "id", "id", self.lines.top("id"))
        version = data.get("version")
        if isinstance(version, int | float) and not isinstance(version, bool):
            version = str(version)
        if not isinstance(version, str) or not version.strip():
            self.add(
                "version",
                f"expected a version as text, found {version!r}",
                "missing",
                self.lines.top("version"),
            )
        title = data.get("title", "")
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
        assert ruleset_id is not None
        assert isinstance(version, str)
        return Document(
            id=ruleset_id,
            version=version,
            title=title if isinstance(title, str) else "",
            entries=tuple(entries),
            parameters=parameters,
        )

    def rule(self, index: int, item: Any) -> RuleEntry | None:
        path = f"rules[{index}]"
        where = self.lines.rule(index)
        if not isinstance(item, Mapping):
            self.add(path, f"expected a table, found {item!r}", "type", where)
            return None
        before = len(self.problems)
        self.unknown_keys(item, _RULE_KEYS, f"{path}.", lambda k: self.lines.rule(index, k))
        rule_id = self.text(item, "id", f"{path}.id", self.lines.rule(index, "id") or where)
        if rule_id is not None and not _ID.match(rule_id):
            self.add(
                f"{path}.id",
                f"expected an id (letters, digits, - _ . :), found {rule_id!r}",
                "id",
                self.lines.rule(index, "id"),
            )
        level_text = item.get("level", "required")
        level = None
        try:
            level = RuleLevel(level_text)
        except ValueError:
            self.add(
                f"{path}.level",
                f"expected 'required' or 'advisory', found {level_text!r}",
                "level",
                self.lines.rule(index, "level"),
            )
        valid_from = self.date(
            item.get("valid_from"), f"{path}.valid_from", self.lines.rule(index, "valid_from")
        )
        valid_to = self.date(
            item.get("valid_to"), f"{path}.valid_to", self.lines.rule(index, "valid_to")
        )
        if valid_from and valid_to and valid_to <= valid_from:
            self.add(
                f"{path}.valid_to",
                f"the window [valid_from, valid_to) is empty: {valid_to} is not after {valid_from}",
                "window",
                self.lines.rule(index, "valid_to"),
            )
        elif (
            rule_id is not None
            and _ID.match(rule_id)
            and (valid_from is not None or item.get("valid_from") is None)
            and (valid_to is not None or item.get("valid_to") is None)
        ):
            self.heads.append((index, rule_id, valid_from, valid_to))
        misspelt = any(did_you_mean(k, ["when"]) is not None for k in item if k != "when")
        rule = None if misspelt and "when" not in item else self.expression(index, item.get("when"))
        version = item.get("version")
        if version is not None and not isinstance(version, str):
            version = str(version)
        for key in ("title_sv", "title_en"):
            if key in item and not isinstance(item[key], str):
                self.add(
                    f"{path}.{key}",
                    f"expected text, found {item[key]!r}",
                    "type",
                    self.lines.rule(index, key),
                )
        if len(self.problems) > before or rule is None or level is None or rule_id is None:
            return None
        extra: dict[str, Any] = {} if version is None else {"version": version}
        return RuleEntry(
            id=rule_id,
            rule=rule,
            level=level,
            valid_from=valid_from,
            valid_to=valid_to,
            title_sv=item.get("title_sv"),
            title_en=item.get("title_en"),
            **extra,
        )

    def expression(self, index: int, when: Any) -> Rule | None:
        path = f"rules[{index}].when"
        line = self.lines.rule(index, "when")
        if when is None:
            self.add(
                path, "when is required: the rule's condition", "missing", self.lines.rule(index)
            )
            return None
        if not isinstance(when, str | Mapping):
            self.add(
                path, f"expected the condition as text or a table, found {when!r}", "type", line
            )
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
                f"expected a table of parameters, found {raw!r}",
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
                self.unknown_keys(spec, _PARAM_KEYS, f"{path}.", lambda _k, line=line: line)
                values = spec["values"]
                description = spec.get("description", "")
                if "type" in spec:
                    try:
                        declared = value_type(spec["type"])
                    except (ValueError, TypeError, AttributeError) as error:
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
                day = self.date(
                    key if not isinstance(key, str) else key.strip(), f"{path}.values", line
                )
                if day is None:
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
