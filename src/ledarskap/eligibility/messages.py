"""The message catalogue: decisions rendered in Swedish and English from codes and context.

A decision stores codes and plain values, never sentences, so it can be rendered in
either language later (or by another tool). Predicates bring their own texts (see
:class:`~ledarskap.eligibility.Texts`); comparisons of fields use the templates here.

.. versionadded:: 0.2
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from ledarskap.text import Language, Text, checked_language

from ._entries import RuleLevel
from ._trees import DecisionNode, RuleResult
from .predicates import PredicateRegistry, registry_or_builtin
from .truth import Outcome, Truth
from .valuetypes import MUNICIPALITY, POSITION, ValueType, either, list_of

__all__ = [
    "FACT_LABELS",
    "FACT_TEXTS",
    "Decided",
    "fact_label",
    "join",
    "render_decision",
    "render_node",
    "render_reason",
]

# (op, result) -> the sentence
_COMPARISONS: dict[tuple[str, str], Text] = {
    ("eq", "true"): Text("{field} är {seen}", "{field} is {seen}"),
    ("eq", "false"): Text(
        "{field} är {seen}, inte {expected}", "{field} is {seen}, not {expected}"
    ),
    ("ne", "true"): Text("{field} är inte {expected}", "{field} is not {expected}"),
    ("ne", "false"): Text("{field} är {seen}", "{field} is {seen}"),
    ("in", "true"): Text("{field} är {seen}", "{field} is {seen}"),
    ("in", "false"): Text(
        "{field} är {seen}, inte {expected}", "{field} is {seen}, not {expected}"
    ),
    ("not_in", "true"): Text("{field} är inte {expected}", "{field} is not {expected}"),
    ("not_in", "false"): Text("{field} är {seen}", "{field} is {seen}"),
    ("lt", "true"): Text(
        "{field} är {seen}, mindre än {expected}",
        "{field} is {seen}, less than {expected}",
    ),
    ("lt", "false"): Text(
        "{field} är {seen}, inte mindre än {expected}",
        "{field} is {seen}, not less than {expected}",
    ),
    ("le", "true"): Text(
        "{field} är {seen}, högst {expected}",
        "{field} is {seen}, at most {expected}",
    ),
    ("le", "false"): Text(
        "{field} är {seen}, mer än {expected}",
        "{field} is {seen}, more than {expected}",
    ),
    ("gt", "true"): Text(
        "{field} är {seen}, mer än {expected}",
        "{field} is {seen}, more than {expected}",
    ),
    ("gt", "false"): Text(
        "{field} är {seen}, inte mer än {expected}",
        "{field} is {seen}, not more than {expected}",
    ),
    ("ge", "true"): Text(
        "{field} är {seen}, minst {expected}",
        "{field} is {seen}, at least {expected}",
    ),
    ("ge", "false"): Text(
        "{field} är {seen}, färre än {expected}",
        "{field} is {seen}, less than {expected}",
    ),
}
# Where the value itself reads as the subject: "avdelningschef är inte strateg i kommunledningen".
_SUBJECT_FIELDS = frozenset({"position"})
_SUBJECT: dict[tuple[str, str], Text] = {
    ("eq", "false"): Text("{seen} är inte {expected}", "{seen} is not {expected}"),
    ("in", "false"): Text("{seen} är inte {expected}", "{seen} is not {expected}"),
    ("ne", "false"): Text("{seen} är {expected}", "{seen} is {expected}"),
    ("not_in", "false"): Text("{seen} är {expected}", "{seen} is {expected}"),
}
_UNKNOWN_FIELD = Text("{field}: uppgift saknas", "{field}: not known")
_PARAMETER = "parameter:"
"""How a parameter with no value on the date decided for is named among the missing facts."""
_NO_VALUE = Text(
    "parametern {name} har inget värde {day}", "the parameter {name} has no value {day}"
)
_ON = Text("den {day}", "on {day}")
_ON_THE_DAY = Text("den dag som avgörs", "on the date decided for")
# A comparison counted over many applicants: what each one saw is left out.
_IN_GENERAL: dict[tuple[str, str], Text] = {
    ("eq", "true"): Text("{field} är {expected}", "{field} is {expected}"),
    ("eq", "false"): Text("{field} är inte {expected}", "{field} is not {expected}"),
    ("ne", "true"): Text("{field} är inte {expected}", "{field} is not {expected}"),
    ("ne", "false"): Text("{field} är {expected}", "{field} is {expected}"),
    ("lt", "true"): Text("{field} är mindre än {expected}", "{field} is less than {expected}"),
    ("lt", "false"): Text("{field} är minst {expected}", "{field} is at least {expected}"),
    ("le", "true"): Text("{field} är högst {expected}", "{field} is at most {expected}"),
    ("le", "false"): Text("{field} är mer än {expected}", "{field} is more than {expected}"),
    ("gt", "true"): Text("{field} är mer än {expected}", "{field} is more than {expected}"),
    ("gt", "false"): Text("{field} är högst {expected}", "{field} is at most {expected}"),
    ("ge", "true"): Text("{field} är minst {expected}", "{field} is at least {expected}"),
    ("ge", "false"): Text("{field} är mindre än {expected}", "{field} is less than {expected}"),
}
_IN_GENERAL[("in", "true")] = _IN_GENERAL[("eq", "true")]
_IN_GENERAL[("in", "false")] = _IN_GENERAL[("eq", "false")]
_IN_GENERAL[("not_in", "true")] = _IN_GENERAL[("ne", "true")]
_IN_GENERAL[("not_in", "false")] = _IN_GENERAL[("ne", "false")]

_DECISION_CODES: dict[str, Text] = {
    "no_rule_in_force": Text(
        "ingen obligatorisk regel i regeluppsättningen gäller {seen}",
        "no required rule of the rule set is in force on {seen}",
    ),
}

FACT_TEXTS: Mapping[str, Text] = {
    "position": Text("befattning", "position"),
    "reports_to": Text(
        "nämnder och styrelser som den sökande rapporterar till",
        "political bodies reported to",
    ),
    "leads_staff_function": Text(
        "om den sökande leder en stabsfunktion",
        "whether the applicant leads a staff function",
    ),
    "staff_function": Text("stabsfunktion", "staff function"),
    "municipality": Text("arbetsgivande kommun", "employing municipality"),
    "organisation_kind": Text("typ av organisation", "kind of organisation"),
    "in_position_since": Text("tillträdesdatum", "date of taking up the position"),
    "collaborating_municipalities": Text(
        "omgångens samverkande kommuner",
        "the cohort's collaborating municipalities",
    ),
}
"""The names of facts in missing-fact lists, in Swedish and English."""

FACT_LABELS: Mapping[str, tuple[str, str]] = {k: (t.sv, t.en) for k, t in FACT_TEXTS.items()}
""":data:`FACT_TEXTS` as ``(sv, en)`` pairs, as earlier versions gave them."""

_SYMBOL = {Truth.TRUE: "✓", Truth.FALSE: "✗", Truth.UNKNOWN: "?"}
_LEVELS = {level.value: level for level in RuleLevel}
_WARNING = Text("Varning", "Warning")
_MISSING = Text("Uppgifter som saknas", "Missing facts")
_AND = Text("och", "and")
_YES_NO = {True: Text("ja", "yes"), False: Text("nej", "no")}
# The applicant's own facts, when a text names them and they are not known (or counted
# over many applicants).
_GENERIC = {
    "position": Text("befattningen", "the position"),
    "municipality": Text("kommunen", "the municipality"),
    "organisation": Text("organisationen", "the organisation"),
}


class Decided(Protocol):
    """What rendering reads of a decision (see :class:`~ledarskap.eligibility.Decision`)."""

    @property
    def outcome(self) -> Outcome:
        """Eligible, not eligible or undetermined."""

    @property
    def as_of(self) -> dt.date:
        """The date decided for."""

    @property
    def rules(self) -> tuple[RuleResult, ...]:
        """Each rule applied, with its tree."""

    @property
    def reasons(self) -> tuple[DecisionNode, ...]:
        """The reasons of a "no" or an open answer."""

    @property
    def warnings(self) -> tuple[DecisionNode, ...]:
        """The conditions of advisory rules that did not hold."""

    @property
    def missing_facts(self) -> tuple[str, ...]:
        """The unknown facts."""

    @property
    def facts(self) -> Mapping[str, Any]:
        """The applicant's facts the texts refer to."""


def join(texts: Iterable[str], language: Language = "sv") -> str:
    """Texts joined as a sentence: ``"a, och b"``, ``"a, b, and c"``."""
    word = _AND.render(language)
    items = list(dict.fromkeys(texts))
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f", {word} " + items[-1]


def _show(value: Any, kind: ValueType | None, language: Language) -> str:
    if kind is None:
        if isinstance(value, list):
            return join((str(v) for v in value), language)
        if isinstance(value, bool):
            return _YES_NO[value].render(language)
        return str(value)
    if isinstance(value, list) and kind.item is None:
        return list_of(kind).show(value, language)
    return kind.show(value, language)


def _context(language: Language, facts: Mapping[str, Any]) -> dict[str, Any]:
    position = facts.get("position")
    home = facts.get("municipality")
    return {
        "position": POSITION.show(position, language)
        if position
        else _GENERIC["position"].render(language),
        "municipality": MUNICIPALITY.show(home, language)
        if home
        else _GENERIC["municipality"].render(language),
        "organisation": facts.get("organisation") or _GENERIC["organisation"].render(language),
    }


def _no_value(
    node: DecisionNode,
    language: Language,
    as_of: dt.date | None,
    field: Text | None = None,
) -> str | None:
    """What an unknown *node* says when a parameter it reads has no value on *as_of*.

    Each parameter is named; so is the *field* compared, when it is not known either.
    ``None`` when every parameter had its value.
    """
    names = [f[len(_PARAMETER) :] for f in node.missing if f.startswith(_PARAMETER)]
    if not names or node.result is not Truth.UNKNOWN:
        return None
    day = _ON_THE_DAY if as_of is None else _ON
    when = _format(day.render(language), {"day": "" if as_of is None else as_of.isoformat()})
    said = [
        _format(_NO_VALUE.render(language), {"name": repr(name), "day": when}) for name in names
    ]
    if field is not None and len(names) < len(node.missing):
        said.insert(0, _format(_UNKNOWN_FIELD.render(language), {"field": field.render(language)}))
    return join(said, language)


def render_node(
    node: DecisionNode,
    language: Language = "sv",
    *,
    facts: Mapping[str, Any] | None = None,
    registry: PredicateRegistry | None = None,
    as_of: dt.date | None = None,
) -> str:
    """One node in words, from its code, its result and the applicant's *facts*.

    *as_of* is the date decided for, named when a parameter had no value on it.
    """
    registry = registry_or_builtin(registry)
    context = _context(checked_language(language), facts or {})
    result = node.result.value
    spec = registry.get_predicate(node.code)
    if spec is not None:
        context["seen"] = _show(node.seen, spec.shows, language)
        context["expected"] = _show(node.expected, spec.shows, language)
        said = _no_value(node, language, as_of)
        return said or _format(spec.text(result).render(language), context)
    field_name, _, op = node.code.partition(".")
    field = registry.get_field(field_name)
    if field is not None and op:
        said = _no_value(node, language, as_of, field.label_text)
        if said is not None:
            return said
        context["field"] = field.label(language)
        context["seen"] = _show(node.seen, field.type, language)
        context["expected"] = _show(node.expected, field.type, language)
        text = _COMPARISONS.get((op, result), _UNKNOWN_FIELD)
        if field_name in _SUBJECT_FIELDS:
            text = _SUBJECT.get((op, result), text)
        return _format(text.render(language), context)
    if node.code in _DECISION_CODES:
        context["seen"] = node.seen
        return _format(_DECISION_CODES[node.code].render(language), context)
    return f"{node.rule or node.code}: {node.result.label(language)}"


def render_reason(
    nodes: Sequence[DecisionNode],
    language: Language = "sv",
    *,
    registry: PredicateRegistry | None = None,
) -> str:
    """A reason counted over many decisions, in words, without any one applicant's facts.

    *nodes* are nodes of one key (``"<code>=<result>"``) from different decisions: the
    sentence is the catalogue's, with "the position" and "the municipality" for the
    applicant's own, and the values the applicants were seen with listed when a
    predicate's text names them ("reports to kommunstyrelsen or socialnämnden").
    """
    registry = registry_or_builtin(registry)
    node = nodes[0]
    context: dict[str, Any] = {k: t.render(language) for k, t in _GENERIC.items()}
    result = node.result.value
    spec = registry.get_predicate(node.code)
    field_name, _, op = node.code.partition(".")
    field = registry.get_field(field_name)
    said = _no_value(node, language, None, field.label_text if field is not None else None)
    if said is not None:
        return said
    if spec is not None:
        seen = dict.fromkeys(
            _show(n.seen, spec.shows, language) for n in nodes if n.seen is not None
        )
        context["seen"] = either(list(seen), language)
        context["expected"] = _show(node.expected, spec.shows, language)
        return _format(spec.text(result).render(language), context)
    if field is not None and op:
        context["field"] = field.label(language)
        context["expected"] = _show(node.expected, field.type, language)
        return _format(_IN_GENERAL.get((op, result), _UNKNOWN_FIELD).render(language), context)
    return render_node(node, language, registry=registry)


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(template: str, context: dict[str, Any]) -> str:
    return template.format_map(_Lenient(context))


def fact_label(fact: str, language: Language) -> str:
    """The name of a fact in *language* (the fact's own name when it has none).

    A parameter with no value on the date decided for (``parameter:min``) is named as one.
    """
    if fact.startswith(_PARAMETER):
        name = repr(fact[len(_PARAMETER) :])
        return Text(f"parametern {name}", f"the parameter {name}").render(language)
    text = FACT_TEXTS.get(fact)
    return fact if text is None else text.render(language)


def render_decision(
    decision: Decided,
    language: Language = "sv",
    *,
    tree: bool = False,
    registry: PredicateRegistry | None = None,
) -> str:
    """The decision in words; see :meth:`Decision.render <ledarskap.eligibility.Decision.render>`."""
    language = checked_language(language)
    day = decision.as_of

    def say(nodes: Iterable[DecisionNode]) -> str:
        return join(
            (
                render_node(n, language, facts=decision.facts, registry=registry, as_of=day)
                for n in nodes
            ),
            language,
        )

    head = decision.outcome.label(language)
    if decision.reasons:
        head += ": " + say(decision.reasons)
    lines = [head]
    if decision.warnings:
        lines.append(f"{_WARNING.render(language)}: {say(decision.warnings)}")
    if tree:
        if decision.missing_facts:
            missing = ", ".join(fact_label(f, language) for f in decision.missing_facts)
            lines.append(f"{_MISSING.render(language)}: {missing}")
        for result in decision.rules:
            level = _LEVELS.get(result.level)
            shown = result.level if level is None else level.label(language)
            lines.append(
                f"{_SYMBOL[result.result]} [{shown}] {result.id} ({result.version}): "
                f"{result.result.label(language)}"
            )
            if result.tree is not None:
                lines.extend(_tree_lines(result.tree, language, decision, registry, 1))
    return "\n".join(lines)


def _tree_lines(
    node: DecisionNode,
    language: Language,
    decision: Decided,
    registry: PredicateRegistry | None,
    depth: int,
) -> list[str]:
    indent = "  " * depth
    if node.children:
        text = node.rule
    else:
        said = render_node(
            node, language, facts=decision.facts, registry=registry, as_of=decision.as_of
        )
        text = f"{node.rule} — {said}"
    lines = [f"{indent}{_SYMBOL[node.result]} {node.path}: {text}"]
    for child in node.children:
        lines.extend(_tree_lines(child, language, decision, registry, depth + 1))
    return lines
