"""The message catalogue: decisions rendered in Swedish and English from codes and context.

A decision stores codes and plain values, never sentences, so it can be rendered in
either language later (or by another tool). Predicates bring their own texts (see
:class:`~ledarskap.eligibility.Texts`); comparisons of fields use the templates here.

.. versionadded:: 0.2
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ledarskap.model import Language
from ledarskap.model.positions import checked_language

from .truth import Truth
from .valuetypes import MUNICIPALITY, POSITION, ValueType, list_of

if TYPE_CHECKING:
    from .decisions import Decision, DecisionNode
    from .predicates import PredicateRegistry

__all__ = ["FACT_LABELS", "join", "render_decision", "render_node", "render_reason"]

# (op, result) -> (sv, en)
_COMPARISONS: dict[tuple[str, str], tuple[str, str]] = {
    ("eq", "true"): ("{field} är {seen}", "{field} is {seen}"),
    ("eq", "false"): ("{field} är {seen}, inte {expected}", "{field} is {seen}, not {expected}"),
    ("ne", "true"): ("{field} är inte {expected}", "{field} is not {expected}"),
    ("ne", "false"): ("{field} är {seen}", "{field} is {seen}"),
    ("in", "true"): ("{field} är {seen}", "{field} is {seen}"),
    ("in", "false"): ("{field} är {seen}, inte {expected}", "{field} is {seen}, not {expected}"),
    ("not_in", "true"): ("{field} är inte {expected}", "{field} is not {expected}"),
    ("not_in", "false"): ("{field} är {seen}", "{field} is {seen}"),
    ("lt", "true"): (
        "{field} är {seen}, mindre än {expected}",
        "{field} is {seen}, less than {expected}",
    ),
    ("lt", "false"): (
        "{field} är {seen}, inte mindre än {expected}",
        "{field} is {seen}, not less than {expected}",
    ),
    ("le", "true"): (
        "{field} är {seen}, högst {expected}",
        "{field} is {seen}, at most {expected}",
    ),
    ("le", "false"): (
        "{field} är {seen}, mer än {expected}",
        "{field} is {seen}, more than {expected}",
    ),
    ("gt", "true"): (
        "{field} är {seen}, mer än {expected}",
        "{field} is {seen}, more than {expected}",
    ),
    ("gt", "false"): (
        "{field} är {seen}, inte mer än {expected}",
        "{field} is {seen}, not more than {expected}",
    ),
    ("ge", "true"): (
        "{field} är {seen}, minst {expected}",
        "{field} is {seen}, at least {expected}",
    ),
    ("ge", "false"): (
        "{field} är {seen}, färre än {expected}",
        "{field} is {seen}, less than {expected}",
    ),
}
# Where the value itself reads as the subject: "avdelningschef är inte strateg i kommunledningen".
_SUBJECT_FIELDS = frozenset({"position"})
_SUBJECT: dict[tuple[str, str], tuple[str, str]] = {
    ("eq", "false"): ("{seen} är inte {expected}", "{seen} is not {expected}"),
    ("in", "false"): ("{seen} är inte {expected}", "{seen} is not {expected}"),
    ("ne", "false"): ("{seen} är {expected}", "{seen} is {expected}"),
    ("not_in", "false"): ("{seen} är {expected}", "{seen} is {expected}"),
}
_UNKNOWN_FIELD = ("{field}: uppgift saknas", "{field}: not known")
# A comparison counted over many applicants: what each one saw is left out.
_IN_GENERAL: dict[tuple[str, str], tuple[str, str]] = {
    ("eq", "true"): ("{field} är {expected}", "{field} is {expected}"),
    ("eq", "false"): ("{field} är inte {expected}", "{field} is not {expected}"),
    ("ne", "true"): ("{field} är inte {expected}", "{field} is not {expected}"),
    ("ne", "false"): ("{field} är {expected}", "{field} is {expected}"),
    ("lt", "true"): ("{field} är mindre än {expected}", "{field} is less than {expected}"),
    ("lt", "false"): ("{field} är minst {expected}", "{field} is at least {expected}"),
    ("le", "true"): ("{field} är högst {expected}", "{field} is at most {expected}"),
    ("le", "false"): ("{field} är mer än {expected}", "{field} is more than {expected}"),
    ("gt", "true"): ("{field} är mer än {expected}", "{field} is more than {expected}"),
    ("gt", "false"): ("{field} är högst {expected}", "{field} is at most {expected}"),
    ("ge", "true"): ("{field} är minst {expected}", "{field} is at least {expected}"),
    ("ge", "false"): ("{field} är mindre än {expected}", "{field} is less than {expected}"),
}
_IN_GENERAL[("in", "true")] = _IN_GENERAL[("eq", "true")]
_IN_GENERAL[("in", "false")] = _IN_GENERAL[("eq", "false")]
_IN_GENERAL[("not_in", "true")] = _IN_GENERAL[("ne", "true")]
_IN_GENERAL[("not_in", "false")] = _IN_GENERAL[("ne", "false")]

_DECISION_CODES: dict[str, tuple[str, str]] = {
    "no_rule_in_force": (
        "ingen regel i regeluppsättningen gäller {seen}",
        "no rule of the rule set is in force on {seen}",
    ),
}

FACT_LABELS: Mapping[str, tuple[str, str]] = {
    "position": ("befattning", "position"),
    "reports_to": (
        "nämnder och styrelser som den sökande rapporterar till",
        "political bodies reported to",
    ),
    "leads_staff_function": (
        "om den sökande leder en stabsfunktion",
        "whether the applicant leads a staff function",
    ),
    "staff_function": ("stabsfunktion", "staff function"),
    "municipality": ("arbetsgivande kommun", "employing municipality"),
    "organisation_kind": ("typ av organisation", "kind of organisation"),
    "in_position_since": ("tillträdesdatum", "date of taking up the position"),
    "collaborating_municipalities": (
        "omgångens samverkande kommuner",
        "the cohort's collaborating municipalities",
    ),
}
"""The names of facts in missing-fact lists, in Swedish and English."""

_SYMBOL = {Truth.TRUE: "✓", Truth.FALSE: "✗", Truth.UNKNOWN: "?"}
_LEVEL = {"required": ("krav", "required"), "advisory": ("råd", "advisory")}
_HEADINGS = {
    "warning": ("Varning", "Warning"),
    "missing": ("Uppgifter som saknas", "Missing facts"),
}


def _index(language: Language) -> int:
    """0 for Swedish, 1 for English; any other language is an InvalidValueError."""
    return 0 if checked_language(language) == "sv" else 1


def join(texts: Iterable[str], language: Language = "sv") -> str:
    """Texts joined as a sentence: ``"a, och b"``, ``"a, b, and c"``."""
    word = ("och", "and")[_index(language)]
    items = list(dict.fromkeys(texts))
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f", {word} " + items[-1]


def _show(value: Any, kind: ValueType | None, language: Language) -> str:
    if kind is None:
        if isinstance(value, list):
            return join((str(v) for v in value), language)
        if isinstance(value, bool):
            return ("ja" if value else "nej") if language == "sv" else ("yes" if value else "no")
        return str(value)
    if isinstance(value, list) and kind.item is None:
        return list_of(kind).show(value, language)
    return kind.show(value, language)


def render_node(
    node: DecisionNode,
    language: Language = "sv",
    *,
    facts: Mapping[str, Any] | None = None,
    registry: PredicateRegistry | None = None,
) -> str:
    """One node in words, from its code, its result and the applicant's *facts*."""
    from .predicates import registry_or_builtin

    registry = registry_or_builtin(registry)
    facts = facts or {}
    i = _index(language)
    position = facts.get("position")
    home = facts.get("municipality")
    context: dict[str, Any] = {
        "position": POSITION.show(position, language)
        if position
        else ("befattningen", "the position")[i],
        "municipality": MUNICIPALITY.show(home, language)
        if home
        else ("kommunen", "the municipality")[i],
        "organisation": facts.get("organisation") or ("organisationen", "the organisation")[i],
    }
    result = node.result.value
    spec = registry.get_predicate(node.code)
    if spec is not None:
        context["seen"] = _show(node.seen, spec.shows, language)
        context["expected"] = _show(node.expected, spec.shows, language)
        template = spec.texts(language).for_result(result)
        return _format(template, context)
    field_name, _, op = node.code.partition(".")
    field = registry.get_field(field_name)
    if field is not None and op:
        context["field"] = field.label(language)
        context["seen"] = _show(node.seen, field.type, language)
        context["expected"] = _show(node.expected, field.type, language)
        pair = _COMPARISONS.get((op, result), _UNKNOWN_FIELD)
        if field_name in _SUBJECT_FIELDS:
            pair = _SUBJECT.get((op, result), pair)
        return _format(pair[i], context)
    if node.code in _DECISION_CODES:
        context["seen"] = node.seen
        return _format(_DECISION_CODES[node.code][i], context)
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
    from .predicates import registry_or_builtin

    registry = registry_or_builtin(registry)
    node = nodes[0]
    i = _index(language)
    context: dict[str, Any] = {
        "position": ("befattningen", "the position")[i],
        "municipality": ("kommunen", "the municipality")[i],
        "organisation": ("organisationen", "the organisation")[i],
    }
    result = node.result.value
    spec = registry.get_predicate(node.code)
    if spec is not None:
        seen = dict.fromkeys(
            _show(n.seen, spec.shows, language) for n in nodes if n.seen is not None
        )
        context["seen"] = _either(list(seen), language)
        context["expected"] = _show(node.expected, spec.shows, language)
        return _format(spec.texts(language).for_result(result), context)
    field_name, _, op = node.code.partition(".")
    field = registry.get_field(field_name)
    if field is not None and op:
        context["field"] = field.label(language)
        context["expected"] = _show(node.expected, field.type, language)
        return _format(_IN_GENERAL.get((op, result), _UNKNOWN_FIELD)[i], context)
    return render_node(node, language, registry=registry)


def _either(texts: list[str], language: Language) -> str:
    """``"a, b eller c"``: the values many applicants were seen with."""
    if len(texts) < 2:
        return "".join(texts)
    word = "eller" if language == "sv" else "or"
    return ", ".join(texts[:-1]) + f" {word} " + texts[-1]


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(template: str, context: dict[str, Any]) -> str:
    return template.format_map(_Lenient(context))


def _fact_label(fact: str, language: Language) -> str:
    return FACT_LABELS.get(fact, (fact, fact))[_index(language)]


def render_decision(
    decision: Decision,
    language: Language = "sv",
    *,
    tree: bool = False,
    registry: PredicateRegistry | None = None,
) -> str:
    """The decision in words; see :meth:`Decision.render`."""
    i = _index(language)

    def say(nodes: Iterable[DecisionNode]) -> str:
        return join(
            (render_node(n, language, facts=decision.facts, registry=registry) for n in nodes),
            language,
        )

    head = decision.outcome.label(language)
    if decision.reasons:
        head += ": " + say(decision.reasons)
    lines = [head]
    if decision.warnings:
        lines.append(f"{_HEADINGS['warning'][i]}: {say(decision.warnings)}")
    if tree:
        if decision.missing_facts:
            missing = ", ".join(_fact_label(f, language) for f in decision.missing_facts)
            lines.append(f"{_HEADINGS['missing'][i]}: {missing}")
        for result in decision.rules:
            level = _LEVEL.get(result.level, (result.level, result.level))[i]
            lines.append(
                f"{_SYMBOL[result.result]} [{level}] {result.id} ({result.version}): "
                f"{result.result.label(language)}"
            )
            if result.tree is not None:
                lines.extend(_tree_lines(result.tree, language, decision, registry, depth=1))
    return "\n".join(lines)


def _tree_lines(
    node: DecisionNode,
    language: Language,
    decision: Decision,
    registry: PredicateRegistry | None,
    depth: int,
) -> list[str]:
    indent = "  " * depth
    if node.children:
        text = node.rule
    else:
        text = (
            f"{node.rule} — {render_node(node, language, facts=decision.facts, registry=registry)}"
        )
    lines = [f"{indent}{_SYMBOL[node.result]} {node.path}: {text}"]
    for child in node.children:
        lines.extend(_tree_lines(child, language, decision, registry, depth + 1))
    return lines
