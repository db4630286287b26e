"""Reading a rule-set document (TOML or JSON text): check everything, report all at once.

The document's shape (keys, types, dates, levels) and its meaning (each rule's condition,
read into the neutral tree and built against the registry; duplicate ids and overlapping
windows; parameters and the types their uses give them) are checked in one pass, and every
problem is one :class:`~ledarskap.errors.Problem` with the file, the line, the path and a
hint, raised together as one :class:`~ledarskap.errors.RuleError`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, NewType

import attrs
import cattrs

from ledarskap._found import (
    FieldError,
    Lines,
    checked_syntax,
    did_you_mean,
    expected_found,
    parse_text,
    read_iso_date,
)
from ledarskap._shapes import Keys, failures, key_path
from ledarskap._shapes import make_converter as base_converter
from ledarskap.errors import Problem, Problems, RuleError, safe_repr
from ledarskap.text import Text

from ._entries import RuleEntry, RuleLevel, overlap
from ._meaning import Where, build, problem_at, said
from ._rules import Comparison, ParameterRef, Predicate, Rule
from ._tables import read_table
from ._vocabulary import A_RULE_NAME, is_rule_name, unknown_type
from .parameters import Parameter
from .predicates import PredicateRegistry, registry_or_builtin, value_type
from .valuetypes import ValueType, list_of

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = [
    "RULESET_FORMAT",
    "Document",
    "FileData",
    "ParameterData",
    "RuleData",
    "load",
    "make_converter",
    "parameter_uses",
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
class RuleData:
    """One ``[[rules]]`` table: its condition (``when``) is read into a rule after."""

    id: RuleId
    when: Condition
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


@attrs.frozen
class FileData:
    """A whole rule-set file: its own keys, its rules and its parameters.

    A parameter is a :class:`ParameterData` when written as a table with ``values``,
    else its value (or values by date) as written.
    """

    format: FormatTag
    id: str
    version: Version
    rules: Rules
    title: str = ""
    description: Any = None
    parameters: Parameters = attrs.field(factory=lambda: Parameters({}))


Rules = NewType("Rules", tuple[RuleData, ...])
"""The ``[[rules]]`` tables: at least one."""
Condition = NewType("Condition", object)
"""A rule's condition: its text, or a table."""
ParameterSpec = NewType("ParameterSpec", object)
"""A parameter: a :class:`ParameterData` table, or its value (or values by date)."""
Parameters = NewType("Parameters", dict[str, ParameterSpec])
"""The ``[parameters]`` table, by name."""


_TEXT = Text("text", "text")
_AN_ID = Text("ett id (bokstäver, siffror, - _ . :)", "an id (letters, digits, - _ . :)")
_A_VERSION = Text("en version som text", "a version as text")
_VERSION_AS_TEXT = Text(
    'skriv versionen som text, inom citattecken: version = "2025.10" (ett decimaltal '
    "förlorar sina nollor: 2025.10 läses 2025.1)",
    'write the version as text, in quotes: version = "2025.10" (a decimal number loses '
    "its zeros: 2025.10 reads as 2025.1)",
)
_THE_FORMAT = Text(f"format = {RULESET_FORMAT!r}", f"format = {RULESET_FORMAT!r}")
_THE_RULES = Text("minst en [[rules]]-tabell", "at least one [[rules]] table")
_INVALID = Text("ogiltig regeluppsättning", "invalid rule set")


def _text(value: object, _: type) -> str:
    if isinstance(value, str) and value.strip():
        return value
    raise FieldError(_TEXT, value, code="type")


def _rule_id(value: object, _: type) -> str:
    text = _text(value, str)
    if _ID.match(text):
        return text
    raise FieldError(_AN_ID, value, code="id")


def _version(value: object, _: type) -> str:
    if isinstance(value, float):
        raise FieldError(_A_VERSION, value, code="version", hint=_VERSION_AS_TEXT)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    raise FieldError(_A_VERSION, value, code="missing")


def _format(value: object, _: type) -> str:
    if value == RULESET_FORMAT:
        return RULESET_FORMAT
    raise FieldError(_THE_FORMAT, value, code="format")


def _date(value: object, _: type) -> dt.date:
    return read_iso_date(value, code="date")


def _level(value: object, _: type) -> RuleLevel:
    if isinstance(value, str) and value in ("required", "advisory"):
        return RuleLevel(value)
    raise FieldError(
        Text("'required' eller 'advisory'", "'required' or 'advisory'"), value, code="level"
    )


def _condition(value: object, _: type) -> object:
    if isinstance(value, str | Mapping):
        return value
    raise FieldError(
        Text("villkoret som text eller tabell", "the condition as text or a table"),
        value,
        code="type",
    )


def make_converter() -> cattrs.BaseConverter:
    """A converter of rule-set files: its own hooks, unknown keys refused, every problem.

    Made for each file read (no converter is shared): making it costs tens of microseconds
    (:func:`ledarskap._shapes.make_converter`), its hooks made when a file first needs them.
    """

    def rules(value: object, _: type) -> tuple[RuleData, ...]:
        if not isinstance(value, list) or not value:
            raise FieldError(_THE_RULES, value, code="missing")
        return converter.structure(value, tuple[RuleData, ...])

    def parameter(value: object, _: type) -> object:
        if _is_table(value):
            return converter.structure(value, ParameterData)
        return value

    def parameters(value: object, _: type) -> dict[str, object]:
        if not isinstance(value, Mapping):
            raise FieldError(
                Text("en tabell med parametrar", "a table of parameters"), value, code="type"
            )
        return converter.structure(value, dict[str, ParameterSpec])  # type: ignore[arg-type]

    converter = base_converter(
        hooks={
            str: _text,
            RuleId: _rule_id,
            Version: _version,
            FormatTag: _format,
            dt.date: _date,
            RuleLevel: _level,
            Condition: _condition,
            Rules: rules,
            ParameterSpec: parameter,
            Parameters: parameters,
        }
    )
    return converter


_TABLE_KEYS = ("values", "type", "description")


def _is_table(spec: object) -> bool:
    """Whether a parameter is written as a table (``values``, ``type``, ``description``).

    Else it is its value, or its values by date (``{always = 1, 2026-01-01 = 2}``). A
    table with ``values`` misspelt is a table still, so that the misspelling is what is
    reported, not each of its keys as a date.
    """
    return isinstance(spec, Mapping) and any(
        key in _TABLE_KEYS or _misspelt_values(key) for key in spec
    )


def _misspelt_values(key: object) -> bool:
    return key != "values" and did_you_mean(key, ["values"], cutoff=0.75) is not None


# What a missing key is said to hold, where "a value" would say less.
_REQUIRED = {
    "id": Text("ett id", "an id"),
    "when": Text("regelns villkor (when)", "the rule's condition (when)"),
    "version": _A_VERSION,
    "format": _THE_FORMAT,
    "rules": _THE_RULES,
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
        """The line of the parameter *name*, else of the ``[parameters]`` table."""
        lines, table = self.parameter_lines
        return lines.get(name, table)

    @functools.cached_property
    def parameter_lines(self) -> tuple[dict[str, int], int | None]:
        """The line of each parameter, and of the parameters table, found in one pass.

        A parameter is on its header ``[parameters.name]``, or on its key: ``name = …``
        under ``[parameters]``, ``parameters.name = …`` at the top.
        """
        found: dict[str, int] = {}
        table: int | None = None
        section: tuple[str, ...] = ()
        open_brackets = 0  # of a value written over several lines: its lines are no keys
        for number, line in enumerate(self.lines.lines, start=1):
            if open_brackets > 0:
                open_brackets = max(open_brackets + _brackets(line), 0)
                continue
            header = _HEADER.match(line)
            if header is not None or line.lstrip().startswith("["):
                section = _key_parts(header.group(1)) if header is not None else ("[[",)
                if section[:1] == ("parameters",):
                    table = table or number
                    if len(section) > 1:
                        found.setdefault(section[1], number)
                continue
            key = _KEY.match(line)
            if key is None:
                continue
            open_brackets = max(_brackets(line[key.end() :]), 0)
            parts = section + _key_parts(key.group(1))
            if parts[:1] == ("parameters",):
                table = table or number
                if len(parts) > 1:
                    found.setdefault(parts[1], number)
        return found, table

    def at(self, keys: Keys) -> int | None:
        """The line of the key at *keys* (``("rules", 2, "when")``)."""
        match keys:
            case ("rules", int(index), str(key), *_):
                return self.rule(index, key)
            case ("rules", int(index), *_):
                return self.rule(index)
            case ("parameters", str(name), *_):
                return self.parameter(name)
            case (str(key), *_):
                return self.top(key)
        return None


_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DOTTED = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_HEADER = re.compile(rf"[ \t]*\[[ \t]*({_DOTTED})[ \t]*\]")
_KEY = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")


_QUOTED_OR_COMMENT = r"\"(?:[^\"\\]|\\.)*\"|'[^']*'|#.*"


def _brackets(text: str) -> int:
    """The ``[`` of *text* not closed in it (fewer if it closes more).

    Strings and comments are left out: how far a value written over lines is still open.
    """
    bare = re.sub(_QUOTED_OR_COMMENT, "", text)
    return bare.count("[") - bare.count("]")


def _key_parts(dotted: str) -> tuple[str, ...]:
    """The parts of a dotted TOML key, unquoted: ``parameters."min years"`` is two."""
    return tuple(part[1:-1] if part[:1] in "\"'" else part for part in re.findall(_PART, dotted))


class _Head(NamedTuple):
    """A rule's id, window and version label, read whether or not its condition parses."""

    rule: int  # its index among the rules
    id: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    version: str | None


class _Checker:
    """Reads a document: its shape with the converter, then what its rules mean."""

    def __init__(self, text: str, syntax: str, source: str | None, registry: PredicateRegistry):
        self.source = source
        self.lines = _Places(text, syntax)
        self.registry = registry
        self.problems = Problems(source=source)
        self.converter = make_converter()
        self.broken: set[int] = set()  # the rules with a failure of their shape
        # Every rule whose id and window could be read: windows and ids are checked on these.
        self.heads: list[_Head] = []

    def add(
        self,
        path: str,
        message: Wording,
        code: str,
        line: int | None = None,
        hint: Wording | None = None,
    ) -> None:
        self.problems.add(path, message, code, line=line, hint=hint)

    def read(self, data: object) -> dict[str, Any]:
        """The file structured as :class:`FileData`, as a dict; what fails is left out.

        The file is structured once; if it does not fit, a problem is added for each
        failure (cattrs' detailed validation finds them all), and what fits is structured
        again key by key, so that what the rules mean is checked too. The rules are read
        as dicts (a rule with a failure may lack its id or condition), or ``None`` for an
        item that is not a table.
        """
        try:
            made = self.converter.structure(data, FileData)
        except (cattrs.ClassValidationError, FieldError) as error:
            failed = self.failed(error, data)
        else:
            read = attrs.asdict(made, recurse=False)
            read["rules"] = [attrs.asdict(rule, recurse=False) for rule in made.rules]
            return read
        return self.kept(data, FileData, failed) if isinstance(data, Mapping) else {}

    def failed(self, error: BaseException, data: object) -> set[Keys]:
        """Add the problems of *error*; the key paths that failed."""
        rules = data.get("rules") if isinstance(data, Mapping) else None
        misspelt_when = {
            index
            for index, item in enumerate(rules if isinstance(rules, list) else ())
            if isinstance(item, Mapping) and any(did_you_mean(k, ["when"]) for k in item)
        }
        specs = data.get("parameters") if isinstance(data, Mapping) else None
        misspelt_values = {
            name
            for name, spec in (specs.items() if isinstance(specs, Mapping) else ())
            if isinstance(spec, Mapping) and any(_misspelt_values(k) for k in spec)
        }
        failed: set[Keys] = set()
        for failure in failures(error, required=_REQUIRED, unknown="unknown-key"):
            keys = failure.keys
            failed.add(keys)
            if keys[:1] == ("rules",) and len(keys) > 1:
                self.broken.add(int(keys[1]))
            if failure.code == "missing" and (
                (keys[-1:] == ("when",) and keys[1] in misspelt_when)
                or (keys[-1:] == ("values",) and keys[1] in misspelt_values)
            ):
                continue  # a misspelt key says it already: "did you mean 'when'?"
            top_missing = len(keys) == 1 and isinstance(data, Mapping) and keys[0] not in data
            line = None if top_missing else self.lines.at(keys)
            self.add(key_path(keys), failure.text, failure.code, line, failure.hint_text)
        return failed

    def kept(self, raw: Mapping[str, Any], shape: type[Any], failed: set[Keys]) -> dict[str, Any]:
        """The keys of *raw* that fit *shape* and have no failure in *failed*, structured."""
        kept: dict[str, Any] = {}
        for field in attrs.fields(shape):
            under = {keys[1:] for keys in failed if keys[:1] == (field.name,)}
            value = raw.get(field.name, attrs.NOTHING)
            if () in under:
                continue
            if field.name == "rules" and value is not attrs.NOTHING:
                kept["rules"] = [
                    None
                    if (index,) in under
                    else self.kept(item, RuleData, {k[1:] for k in under if k[:1] == (index,)})
                    for index, item in enumerate(value)
                ]
            elif field.name == "parameters" and under:
                kept["parameters"] = {
                    name: self.kept_parameter(spec, {k[1:] for k in under if k[:1] == (name,)})
                    if any(k[:1] == (name,) for k in under)
                    else self.converter.structure(spec, ParameterSpec)
                    for name, spec in value.items()
                }
            elif value is not attrs.NOTHING:
                kept[field.name] = self.converter.structure(value, field.type)
            elif field.default is not attrs.NOTHING:
                default = field.default
                kept[field.name] = default.factory() if hasattr(default, "factory") else default
        return kept

    def kept_parameter(self, spec: Mapping[str, Any], failed: set[Keys]) -> ParameterData | None:
        """A parameter table with a failure: what fits, or ``None`` without its values.

        ``None`` keeps the name known (a rule naming it is not told it is unknown).
        """
        kept = self.kept(spec, ParameterData, failed)
        return ParameterData(**kept) if "values" in kept else None

    # The document ----------------------------------------------------------------------

    def document(self, data: Any) -> Document | None:
        read = self.read(data)
        entries: list[RuleEntry] = []
        for index, rule in enumerate(read.get("rules") or ()):
            entry = None if rule is None else self.rule(index, rule)
            if entry is not None:
                entries.append(entry)
        self.windows()
        parameters = self.parameters(read.get("parameters", {}), entries)
        if self.problems:
            return None
        return Document(
            id=read["id"],
            version=read["version"],
            title=read["title"],
            entries=tuple(entries),
            parameters=parameters,
        )

    def rule(self, index: int, read: Mapping[str, Any]) -> RuleEntry | None:
        path = f"rules[{index}]"
        before = len(self.problems)
        rule_id, valid_from, valid_to = read.get("id"), read.get("valid_from"), read.get("valid_to")
        if valid_from and valid_to and valid_to <= valid_from:
            self.add(
                f"{path}.valid_to",
                Text(
                    f"fönstret [valid_from, valid_to) är tomt: {valid_to} är inte efter {valid_from}",
                    f"the window [valid_from, valid_to) is empty: {valid_to} is not after {valid_from}",
                ),
                "window",
                self.lines.rule(index, "valid_to"),
            )
        elif rule_id is not None and {"valid_from", "valid_to"} <= read.keys():
            label = read.get("version") if "version" in read else None
            if "version" in read and label is None:  # as RuleEntry names it by default
                label = "initial" if valid_from is None else valid_from.isoformat()
            self.heads.append(_Head(index, rule_id, valid_from, valid_to, label))
        rule = self.expression(index, read["when"]) if "when" in read else None
        if len(self.problems) > before or rule is None or index in self.broken:
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
        # A table's expressions are placed on the line of its key; a text from where it starts.
        first = line if isinstance(when, Mapping) else self.lines.expression_start(line)
        before = len(self.problems)

        def report(where: Where, message: Wording, code: str, hint: Wording | None) -> None:
            self.problems.append(
                problem_at(where, message, code, hint, source=self.source, first_line=first)
            )

        rule = build(read_table(when, Where(path)), self.registry, report)
        return rule if len(self.problems) == before else None

    def windows(self) -> None:
        """Duplicate ids, overlapping windows and repeated version labels.

        Whether or not the conditions parse. Each rule's versions are sorted by start,
        and each is compared with the one before it that reaches furthest: one pass (and
        a sort), at most one problem per version.
        """
        versions: dict[str, list[_Head]] = {}
        for head in self.heads:
            versions.setdefault(head.id, []).append(head)
        for heads in versions.values():
            ordered = sorted(heads, key=lambda h: (h.valid_from or dt.date.min, h.rule))
            reach = ordered[0]  # of the versions so far, the one that ends last
            labels = {} if reach.version is None else {reach.version: reach.rule}
            for head in ordered[1:]:
                if overlap((head.valid_from, head.valid_to), (reach.valid_from, reach.valid_to)):
                    self.clash(head, reach)
                elif head.version is not None and head.version in labels:
                    self.repeated(head, labels[head.version])
                if head.version is not None:  # a version not read is no label to repeat
                    labels.setdefault(head.version, head.rule)
                if _end(head) > _end(reach):
                    reach = head

    def clash(self, head: _Head, other: _Head) -> None:
        """The version *head* overlaps *other*, or has its very window."""
        shown = safe_repr(head.id, 60)
        line = self.lines.rule(head.rule)
        if (other.valid_from, other.valid_to) == (head.valid_from, head.valid_to):
            self.add(
                f"rules[{head.rule}].id",
                Text(
                    f"regel-id:t {shown} finns två gånger med samma giltighetsfönster",
                    f"duplicate rule id {shown} with the same validity window",
                ),
                "duplicate-id",
                line,
                hint=_OWN_ID,
            )
            return
        this = f"[{_day(head.valid_from)}, {_day(head.valid_to)})"
        that = f"[{_day(other.valid_from)}, {_day(other.valid_to)})"
        self.add(
            f"rules[{head.rule}].valid_from",
            Text(
                f"versionerna av regeln {shown} överlappar: {this} och {that}",
                f"the versions of rule {shown} overlap: {this} and {that}",
            ),
            "overlapping-windows",
            line,
            hint=_HALF_OPEN,
        )

    def repeated(self, head: _Head, first: int) -> None:
        """The version *head* has the label of the version at ``rules[first]``."""
        shown, label = safe_repr(head.id, 60), safe_repr(head.version, 60)
        self.add(
            f"rules[{head.rule}].version",
            Text(
                f"regeln {shown} har redan versionen {label} (rules[{first}]): "
                "ett beslut säger vilken version det följde",
                f"rule {shown} already has a version {label} (rules[{first}]): "
                "a decision says which version it followed",
            ),
            "duplicate-version",
            self.lines.rule(head.rule, "version"),
            hint=Text("ge varje version en egen etikett", "give each version a label of its own"),
        )

    def parameters(  # noqa: PLR0912  # one pass over every parameter, each check a branch
        self, raw: Any, entries: list[RuleEntry]
    ) -> dict[str, Parameter]:
        uses: dict[str, list[ValueType]] = {}
        for entry in entries:
            for node in entry.rule.walk():
                for ref, use in parameter_uses(node, self.registry):
                    uses.setdefault(ref, []).append(use)
        result: dict[str, Parameter] = {}
        # Parameters that predicates read without a rule naming them, with their types
        # (employed_by_collaborating_municipality reads collaborating_municipalities).
        implicit = self.registry.parameter_types()
        for name, spec in raw.items():
            if spec is None:  # a table without its values: reported already
                continue
            path = f"parameters.{name}"
            line = self.lines.parameter(name)
            if not is_rule_name(name):  # a rule could not name it
                self.add(path, expected_found(A_RULE_NAME, name), "parameter-name", line)
                continue
            declared: ValueType | None = None
            values: Any = spec
            description = ""
            if isinstance(spec, ParameterData):
                values, description = spec.values, spec.description
                if spec.type is not None:
                    try:
                        declared = value_type(spec.type)
                    except ValueError:
                        self.add(f"{path}.type", unknown_type(spec.type), "type", line)
            kinds = [*implicit.get(name, ()), *uses.get(name, [])]
            kind = declared or (kinds[0] if kinds else None)
            if kind is None and not (isinstance(spec, ParameterData) and spec.type is not None):
                shown = safe_repr(name, 60)
                self.add(
                    path,
                    Text(
                        f"parametern {shown} används inte av någon regel eller något predikat "
                        "och har ingen typ",
                        f"parameter {shown} is used by no rule or predicate and has no type",
                    ),
                    "unused-parameter",
                    line,
                    hint=did_you_mean(name, [*implicit, *uses])
                    or Text(
                        f"nämn den i en regels villkor, eller ge den en typ: [parameters.{name}] "
                        'med values = … och type = "…"',
                        f"name it in a rule's condition, or give it a type: [parameters.{name}] "
                        'with values = … and type = "…"',
                    ),
                )
                continue
            for other in kinds:
                if kind is not None and other.name != kind.name:
                    self.add(
                        path,
                        Text(
                            f"används som {kind} och som {other}", f"used as {kind} and as {other}"
                        ),
                        "parameter-type",
                        line,
                    )
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
                shown = safe_repr(name, 60)
                self.add(
                    f"rules[{where}].when",
                    Text(
                        f"okänd parameter {shown} (ett namn utan citattecken som värde är en parameter)",
                        f"unknown parameter {shown} (a bare name as a value is a parameter)",
                    ),
                    "unknown-parameter",
                    self.lines.rule(where, "when"),
                    hint=did_you_mean(name, list(raw))
                    or Text('skriv textvärden inom citattecken: "…"', 'quote text values: "…"'),
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
                    day = read_iso_date(key, code="date")
                except FieldError as error:
                    self.add(f"{path}.values", error.text, error.code, line)
                    ok = False
                    continue
            if kind is not None:
                fits, value = self.converted(kind, value, path, line)
                if not fits:
                    ok = False
                    continue
            dated[day] = value
        return dated if ok else None

    def converted(
        self, kind: ValueType, value: Any, path: str, line: int | None
    ) -> tuple[bool, Any]:
        """Whether *value* fits *kind*, and its normalised form; each problem added.

        Of a list, one problem for each bad item, not the first alone.
        """
        item_kind = kind.item
        items = value if item_kind is not None and isinstance(value, list) else []
        errors: list[BaseException] = []
        for item in items:
            try:
                item_kind.convert(item)  # type: ignore[union-attr]  # a list type's items
            except (ValueError, TypeError) as error:
                errors.append(error)
        if not errors:
            try:
                return True, kind.convert(value)
            except (ValueError, TypeError) as error:
                errors.append(error)
        for failure in errors:
            message, hint = said(failure)
            self.add(f"{path}.values", message, "parameter-type", line, hint)
        return False, None


_OWN_ID = Text(
    "ge varje regel ett eget id, eller ge versionerna av en regel fönster som inte överlappar",
    "give each rule its own id, or give versions of one rule disjoint windows",
)
_HALF_OPEN = Text(
    "fönstren är halvöppna [valid_from, valid_to): låt ett sluta där nästa börjar",
    "windows are half-open [valid_from, valid_to): end one where the next begins",
)


def _end(head: _Head) -> tuple[bool, dt.date]:
    """When a version ends, to compare: no end is later than any day."""
    return (head.valid_to is None, head.valid_to or dt.date.max)


def _day(day: dt.date | None) -> str:
    return "…" if day is None else day.isoformat()


def parameter_uses(node: Rule, registry: PredicateRegistry) -> list[tuple[str, ValueType]]:
    """Each parameter *node* itself (not its children) names, with the type it uses it as."""
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
    syntax = checked_syntax(syntax, "parse_ruleset(syntax)")
    if not isinstance(text, str):
        kind = type(text).__name__
        message = Text(f"förväntade text, fick {kind}", f"expected text, found {kind}")
        problem = Problem("", message, "type", source=source)
        raise RuleError(_INVALID, [problem], source=source)
    text = text.removeprefix("\ufeff")  # a byte order mark, as some editors write, is no text
    data = parse_text(text, syntax, error=RuleError, source=source)
    checker = _Checker(text, syntax, source, registry)
    document = checker.document(data)
    if checker.problems or document is None:
        # In file order; problems without a line (a missing key) come last.
        ordered = sorted(checker.problems, key=lambda p: (p.line is None, p.line or 0))
        raise RuleError(_INVALID, ordered, source=source)
    return document
