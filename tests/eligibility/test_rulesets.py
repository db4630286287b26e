"""Rule sets: their files checked whole (every problem with file, line, path and hint),
their evaluation, and the default rule set deciding the target group as the program text says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarskap._found import Lines
from ledarskap.eligibility import (
    Check,
    Decision,
    Outcome,
    RuleEntry,
    RuleLevel,
    Texts,
    Truth,
    _ruleset_file,
    default_registry,
    default_ruleset,
    parse_ruleset,
)
from ledarskap.eligibility._entries import overlap
from ledarskap.eligibility.rules import parse_rule
from ledarskap.errors import FileAccessError, InvalidValueError, Problem, RuleError
from ledarskap.io import load_ruleset
from ledarskap.model import (
    Application,
    Cohort,
    Collaboration,
    OrganisationKind,
    PoliticalBody,
    PoliticalBodyKind,
    StaffFunction,
    county,
    municipality,
)
from ledarskap.testing import forgetting, rule_applications

from ._cases import AS_OF, COHORT, KS, NAMND, application

HEAD = 'format = "ledarskap.rules/1"\nid = "demo"\nversion = "1"\n'

VERSIONED = (
    HEAD
    + """
[parameters.min_years]
values = { 2010-01-01 = 0, 2026-01-01 = 2 }

[parameters.towns]
values = { 2010-01-01 = ["Linköping", "Motala"], 2026-01-01 = ["Linköping"] }

[[rules]]
id = "role"
valid_to = 2026-01-01
when = "reports_to_political_body"

[[rules]]
id = "role"
valid_from = 2026-01-01
when = "reports_to_political_body and years_in_position >= min_years"

[[rules]]
id = "town"
when = "municipality in towns"
"""
)


def app(**facts: object) -> Application:
    return Application(
        id="a",
        person_id="p",
        cohort_id="c",
        submitted=dt.date(2025, 1, 1),
        municipality="Motala",
        title="Socialchef",
        reports_to=[PoliticalBody(name="Socialnämnden", kind=PoliticalBodyKind.NAMND)],
        in_position_since=dt.date(2025, 1, 1),
        **facts,  # type: ignore[arg-type]
    )


def problems(text: str, **options: object) -> list[Problem]:
    with pytest.raises(RuleError) as info:
        parse_ruleset(text, source="demo.toml", **options)  # type: ignore[arg-type]
    found = list(info.value.problems)
    assert all(type(p) is Problem for p in found)
    return found


def test_versions_and_parameters_by_date_half_open() -> None:
    rules = parse_ruleset(VERSIONED)
    assert [e.version for e in rules.in_force(dt.date(2025, 12, 31))] == ["initial", "initial"]
    last_day = rules.evaluate(app(), as_of=dt.date(2025, 12, 31))
    first_day = rules.evaluate(app(), as_of=dt.date(2026, 1, 1))
    assert last_day.outcome is Outcome.ELIGIBLE
    # From 2026 the rule asks for two years, and Motala is no longer a parameter value.
    assert first_day.outcome is Outcome.NOT_ELIGIBLE
    assert first_day.rule_versions == {"role": "2026-01-01", "town": "initial"}
    assert {r.code for r in first_day.reasons} == {"years_in_position.ge", "municipality.in"}


def test_json_is_the_same_document() -> None:
    rules = parse_ruleset(VERSIONED)
    again = parse_ruleset(json.dumps(rules.to_data()), syntax="json")
    assert again == rules
    assert again.parameters == rules.parameters


def test_the_default_rule_set_round_trips_through_its_data_form() -> None:
    rules = default_ruleset()
    assert parse_ruleset(json.dumps(rules.to_data()), syntax="json") == rules
    assert [e.level for e in rules.entries] == [RuleLevel.REQUIRED] * 3 + [RuleLevel.ADVISORY]


@pytest.mark.parametrize(
    ("body", "code", "line", "fragment"),
    [
        (
            '[[rules]]\nid = "r"\nwhen = "leads_staff_functio"',
            "unknown-name",
            6,
            "did you mean 'leads_staff_function'?",
        ),
        (
            '[[rules]]\nid = "r"\nwhen = "municipality_in_county(county=5)"',
            "argument-type",
            6,
            "county",
        ),
        (
            '[[rules]]\nid = "r"\nwhen = "position == \'ekonomidirektören\'"',
            "value-type",
            6,
            "did you mean 'ekonomidirektor'?",
        ),
        (
            '[[rules]]\nid = "r"\nwhen = "municipality == \'Lidköpping\'"',
            "value-type",
            6,
            "did you mean",
        ),
        (
            '[[rules]]\nid = "r"\nlevel = "mandatory"\nwhen = "leads_staff_function"',
            "level",
            6,
            "'required' or 'advisory'",
        ),
        (
            '[[rules]]\nid = "r"\nwhenn = "leads_staff_function"',
            "unknown-key",
            6,
            "did you mean 'when'?",
        ),
        (
            '[[rules]]\nid = "r"\nwhen = "leads_staff_function"\nvalid_from = 2026-01-01\nvalid_to = 2025-01-01',
            "window",
            8,
            "is empty",
        ),
        (
            '[[rules]]\nid = "r"\nwhen = "municipality in towns"',
            "unknown-parameter",
            6,
            "unknown parameter 'towns'",
        ),
        (
            '[[rules]]\nid = "r"\nwhen = """\nleads_staff_function\nor reports_to_politcal_body\n"""',
            "unknown-name",
            8,
            "reports_to_political_body",
        ),
        (
            '[parameters.towns]\nvalues = { 2025-01-01 = ["Nowhere"] }\n[[rules]]\nid = "r"\nwhen = "municipality in towns"',
            "parameter-type",
            4,
            "Nowhere",
        ),
    ],
)
def test_each_problem_has_its_line_path_and_hint(
    body: str, code: str, line: int, fragment: str
) -> None:
    problem = problems(HEAD + body)[0]
    assert problem.code == code
    assert problem.line == line
    assert problem.source == "demo.toml"
    assert fragment in str(problem)
    assert str(problem).startswith(f"demo.toml:{line}: ")


def test_every_problem_at_once() -> None:
    found = problems(
        'format = "ledarskap.rule/1"\nid = "demo"\n'
        '[[rules]]\nid = "r"\nwhen = "any_of"\n'
        '[[rules]]\nid = "r"\nwhen = "leads_staff_function"\n'
        '[[rules]]\nid = "r"\nwhen = "leads_staff_function"\nvalid_from = 2025-01-01\n'
        '[[rules]]\nid = "s"\nwhen = "leads_staff_function or"\n'
    )
    assert [(p.code, p.line) for p in found] == [
        ("format", 1),
        ("unknown-name", 5),
        ("duplicate-id", 6),  # rules[0] counts though its condition does not parse
        ("overlapping-windows", 9),
        ("syntax", 15),
        ("missing", None),  # no version
    ]
    assert "half-open" in str(found[3])


def test_duplicate_ids() -> None:
    (problem,) = problems(
        HEAD + '[[rules]]\nid = "r"\nwhen = "leads_staff_function"\n'
        '[[rules]]\nid = "r"\nwhen = "reports_to_political_body"\n'
    )
    assert problem.code == "duplicate-id"
    assert problem.line == 7


def test_adjacent_windows_do_not_overlap() -> None:
    rules = parse_ruleset(
        HEAD + '[[rules]]\nid = "r"\nvalid_to = 2025-01-01\nwhen = "leads_staff_function"\n'
        '[[rules]]\nid = "r"\nvalid_from = 2025-01-01\nwhen = "reports_to_political_body"\n'
    )
    assert len(rules.entries) == 2


def test_syntax_errors_of_the_file_itself() -> None:
    (problem,) = problems(HEAD + "[[rules]\n")
    assert problem.code == "syntax"
    assert problem.line == 4
    (problem,) = problems('{"format": ', syntax="json")
    assert problem.code == "syntax"
    assert problem.line == 1


def test_no_rules_and_no_format() -> None:
    found = problems("")
    assert {p.code for p in found} == {"missing"}  # the format tag too: a key left out


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(max_size=200),
        st.lists(
            st.sampled_from(
                [
                    HEAD,
                    "[[rules]]\n",
                    'id = "r"\n',
                    'when = "',
                    "leads_staff_function",
                    '"\n',
                    "valid_from = 2025-01-01\n",
                    "valid_to = 2024-01-01\n",
                    "level = 3\n",
                    'level = "must"\n',
                    "[parameters.x]\n",
                    "values = 1\n",
                    'type = "colour"\n',
                    "when = 1\n",
                    "whn = 1\n",
                    "(",
                    ")",
                    " or ",
                    " and not ",
                    "position in [",
                    "]",
                    "'strateg'",
                    "years_in_position >= x",
                    "\n",
                ]
            ),
            max_size=25,
        ).map("".join),
    ),
    st.sampled_from(["toml", "json"]),
)
def test_junk_rule_files_raise_only_rule_errors(text: str, syntax: str) -> None:
    """Law: whatever the text, loading either gives a rule set or raises RuleError, whose
    summary and every problem's message and hint are worded in Swedish too."""
    try:
        parse_ruleset(text, syntax=syntax, source="r.toml")  # type: ignore[arg-type]
    except RuleError as error:  # the law is about what any junk raises
        assert error.problems  # noqa: PT017
        assert error.summary_sv is not None  # noqa: PT017
        assert all(p.message_sv is not None for p in error.problems)  # noqa: PT017
        assert all(p.hint is None or p.hint_sv is not None for p in error.problems)  # noqa: PT017


def test_a_rule_may_be_written_as_a_table() -> None:
    rules = parse_ruleset(
        HEAD
        + """
[[rules]]
id = "role"
when = { any_of = ["reports_to_political_body", { predicate = "leads_staff_function" }] }
"""
    )
    assert str(rules.entries[0].rule) == "reports_to_political_body or leads_staff_function"


def test_an_empty_any_of_is_a_problem() -> None:
    found = problems(
        HEAD
        + """
[[rules]]
id = "role"
when = { any_of = [] }

[[rules]]
id = "other"
when = { all_of = ["leads_staff_functio", { field = "position", op = "==", value = "x" }] }
"""
    )
    assert [(p.code, p.line, p.path) for p in found] == [
        ("empty", 7, "rules[0].when.any_of"),
        ("unknown-name", 11, "rules[1].when.all_of[0]"),
        ("value-type", 11, "rules[1].when.all_of[1]"),
    ]


def test_a_parameter_as_a_predicate_argument() -> None:
    rules = parse_ruleset(
        HEAD
        + """
[parameters.home]
values = { 2010-01-01 = "Östergötland", 2026-01-01 = "06" }

[[rules]]
id = "region"
when = "municipality_in_county(county=home)"
"""
    )
    assert rules.parameters["home"].type_name == "county"
    assert rules.evaluate(app(), as_of=dt.date(2025, 6, 1)).outcome is Outcome.ELIGIBLE
    decision = rules.evaluate(app(), as_of=dt.date(2026, 6, 1))
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    assert decision.render("sv") == "Inte behörig: Motala ligger inte i Jönköpings län"
    before = rules.evaluate(app(), as_of=dt.date(2009, 6, 1))
    assert before.outcome is Outcome.UNDETERMINED
    assert before.missing_facts == ("parameter:home",)


def test_load_ruleset_reads_files(tmp_path: object) -> None:

    folder = Path(str(tmp_path))
    (folder / "rules.json").write_text(json.dumps(default_ruleset().to_data()), "utf-8")
    assert load_ruleset(folder / "rules.json") == default_ruleset()
    (folder / "bad.toml").write_text(HEAD + '[[rules]]\nid = "r"\nwhen = "x"\n', "utf-8")
    with pytest.raises(RuleError) as info:
        load_ruleset(folder / "bad.toml")
    assert str(info.value.problems[0]).startswith(f"{folder / 'bad.toml'}:6: rules[0].when")
    with pytest.raises(FileAccessError, match="cannot read"):
        load_ruleset(folder / "missing.toml")


_BY_NAMES = """
format = "ledarskap.rules/1"
id = "by-names"
version = "1"
[parameters.collaborating_municipalities]
values = { 2025-01-01 = ["Linköping", "Norrköping", "Motala"] }
[[rules]]
id = "municipality"
valid_from = 2020-01-01
when = "employed_by_collaborating_municipality"
"""


def test_collaborating_municipalities_may_be_named() -> None:
    """The parameter the built-in predicate reads takes names as well as codes."""
    rules = parse_ruleset(_BY_NAMES)
    motala = Application(
        id="a-1",
        person_id="p-1",
        cohort_id="c-1",
        submitted=dt.date(2025, 4, 1),
        municipality="Motala",
    )
    kinda = attrs.evolve(motala, municipality=municipality("Kinda"))
    assert rules.evaluate(motala, as_of=dt.date(2025, 6, 1)).outcome is Outcome.ELIGIBLE
    assert rules.evaluate(kinda, as_of=dt.date(2025, 6, 1)).outcome is Outcome.NOT_ELIGIBLE


def test_a_misspelt_collaborating_municipality_is_a_problem_with_a_hint() -> None:
    with pytest.raises(RuleError) as caught:
        parse_ruleset(_BY_NAMES.replace("Motala", "Linkopng"))
    (problem,) = caught.value.problems
    assert "parameters.collaborating_municipalities" in str(problem)
    assert "did you mean 0580 Linköping?" in str(problem)


def test_windows_and_ids_are_checked_when_a_condition_does_not_parse() -> None:
    """A rule whose ``when`` fails still takes part in the id and window checks."""
    found = problems(
        HEAD + '[[rules]]\nid = "r"\nwhen = "leads_staff_function"\n'
        '[[rules]]\nid = "r"\nwhen = "leads_staff_function or"\n'
        '[[rules]]\nid = "s"\nvalid_from = 2025-01-01\nwhen = "nope"\n'
        '[[rules]]\nid = "s"\nvalid_from = 2024-01-01\nvalid_to = 2026-01-01\n'
        'when = "reports_to_political_body and"\n'
    )
    assert [(p.code, p.line) for p in found] == [
        ("duplicate-id", 7),
        ("syntax", 9),
        ("overlapping-windows", 10),  # the version that starts later is the one reported
        ("unknown-name", 13),
        ("syntax", 18),
    ]


def test_the_builtin_predicate_declares_the_parameter_it_reads() -> None:

    spec = default_registry().get_predicate("employed_by_collaborating_municipality")
    assert spec is not None
    assert [(name, kind.name) for name, kind in spec.parameters] == [
        ("collaborating_municipalities", "list[municipality]")
    ]
    parameter = parse_ruleset(_BY_NAMES).parameters["collaborating_municipalities"]
    assert parameter.type_name == "list[municipality]"
    assert parameter.at(dt.date(2025, 6, 1)) == ("0580", "0581", "0583")


def test_a_parameter_nothing_uses_and_without_a_type_is_a_problem() -> None:
    with pytest.raises(RuleError) as caught:
        parse_ruleset(_BY_NAMES.replace("collaborating_municipalities", "collaborating_towns"))
    (problem,) = caught.value.problems
    assert problem.code == "unused-parameter"
    assert "parameters.collaborating_towns" in str(problem)
    assert "did you mean 'collaborating_municipalities'?" in str(problem)
    with pytest.raises(RuleError) as caught:
        parse_ruleset(
            HEAD
            + 'parameters = { limit = 3 }\n[[rules]]\nid = "r"\nwhen = "leads_staff_function"\n'
        )
    (problem,) = caught.value.problems
    assert problem.code == "unused-parameter"
    assert 'type = "…"' in str(problem)
    typed = parse_ruleset(
        HEAD + '[parameters.limit]\nvalues = 3\ntype = "integer"\n'
        '[[rules]]\nid = "r"\nwhen = "leads_staff_function"\n'
    )
    assert typed.parameters["limit"].at(dt.date(2025, 1, 1)) == 3


def test_a_registered_predicate_may_declare_a_parameter() -> None:

    registry = default_registry()
    texts = Texts(true="ja", false="nej", unknown="okänt")

    @registry.predicate(
        "in_pilot_county",
        description="Employed in a county of the pilot.",
        sv=texts,
        en=texts,
        parameters={"pilot_counties": "list[county]"},
    )
    def in_pilot(app: Application, ctx: object) -> Check:
        return Check(None)

    rules = parse_ruleset(
        HEAD + '[parameters.pilot_counties]\nvalues = ["Östergötlands län"]\n'
        '[[rules]]\nid = "r"\nwhen = "in_pilot_county"\n',
        registry=registry,
    )
    assert rules.parameters["pilot_counties"].type_name == "list[county]"


@pytest.mark.parametrize(
    ("body", "path", "code", "fragment"),
    [
        (
            'title = 3\n[[rules]]\nid = "r"\nwhen = "leads_staff_function"',
            "title",
            "type",
            "found the number 3",
        ),
        (
            'colour = "blue"\n[[rules]]\nid = "r"\nwhen = "leads_staff_function"',
            "colour",
            "unknown-key",
            "unknown key 'colour'",
        ),
        (
            '[[rules]]\nid = "a b"\nwhen = "leads_staff_function"',
            "rules[0].id",
            "id",
            "expected an id",
        ),
        (
            '[[rules]]\nwhen = "leads_staff_function"',
            "rules[0].id",
            "missing",
            "expected an id, found none",
        ),
        ('[[rules]]\nid = "r"\nwhen = 3', "rules[0].when", "type", "text or a table"),
        (
            '[[rules]]\nid = "r"\ntitle_sv = 3\nwhen = "leads_staff_function"',
            "rules[0].title_sv",
            "type",
            "expected text",
        ),
        (
            '[[rules]]\nid = "r"\nvalid_from = "2025-13-01"\nwhen = "leads_staff_function"',
            "rules[0].valid_from",
            "date",
            "YYYY-MM-DD",
        ),
        (
            'parameters = 3\n[[rules]]\nid = "r"\nwhen = "leads_staff_function"',
            "parameters",
            "type",
            "table of parameters",
        ),
        (
            '[parameters.towns]\nvalues = { 2025-13-01 = ["Motala"] }\n[[rules]]\nid = "r"\nwhen = "municipality in towns"',
            "parameters.towns.values",
            "date",
            "YYYY-MM-DD",
        ),
        (
            '[parameters.towns]\nvalues = ["Motala"]\ntype = "list[town]"\nunit = "x"\n[[rules]]\nid = "r"\nwhen = "leads_staff_function"',
            "parameters.towns.type",
            "type",
            "unknown value type",
        ),
        (
            '[parameters.towns]\nvalues = ["Motala"]\nunit = "x"\n[[rules]]\nid = "r"\nwhen = "municipality in towns"',
            "parameters.towns.unit",
            "unknown-key",
            "unknown key 'unit'",
        ),
        (
            '[parameters.towns]\nvalues = ["Motala"]\n[[rules]]\nid = "r"\nwhen = "municipality in towns and county in towns"',
            "parameters.towns",
            "parameter-type",
            "used as",
        ),
    ],
)
def test_the_shape_of_the_file_is_checked_key_by_key(
    body: str, path: str, code: str, fragment: str
) -> None:
    """Each key that does not fit is one problem, at its path, with its code."""
    found = problems(HEAD + body)
    assert any(p.path == path and p.code == code and fragment in str(p) for p in found), found


def test_a_json_document_is_checked_alike() -> None:
    """The same checks, without lines; a version may be a number; anything else is refused."""
    document = {
        "format": "ledarskap.rules/1",
        "id": "demo",
        "version": 2,
        "rules": [{"id": "r", "when": "leads_staff_function"}, "not a table"],
    }
    (problem,) = problems(json.dumps(document), syntax="json")
    assert (problem.path, problem.line) == ("rules[1]", None)
    del document["rules"][1]  # type: ignore[attr-defined]
    assert parse_ruleset(json.dumps(document), syntax="json").version == "2"
    (problem,) = problems("[1, 2]", syntax="json")
    assert "expected a table, found a list of 2 items" in str(problem)
    with pytest.raises(InvalidValueError, match=r"parse_ruleset\(syntax\): expected 'json' or"):
        parse_ruleset("", syntax="yaml")  # type: ignore[arg-type]
    (problem,) = problems(b"format = 1")  # type: ignore[arg-type]
    assert problem.message == "expected text, found bytes"


def test_the_parameters_in_force_on_a_day_are_those_the_rules_are_evaluated_with() -> None:
    """``parameters_at`` gives each parameter's value on the day, ``None`` before any."""
    rules = parse_ruleset(VERSIONED)
    assert rules.parameters_at(dt.date(2025, 12, 31))["min_years"] == 0
    assert rules.parameters_at(dt.date(2026, 1, 1))["min_years"] == 2
    assert rules.parameters_at(dt.date(2009, 1, 1)) == {"min_years": None, "towns": None}
    assert set(rules.parameters_at(dt.date(2026, 1, 1))) == set(rules.parameters)


def test_the_parameters_of_a_rule_set_cannot_change_under_its_evaluation() -> None:
    """The parameters are read-only: what is evaluated is what the rule set shows."""
    rules = parse_ruleset(VERSIONED)
    with pytest.raises(TypeError):
        rules.parameters["min_years"] = rules.parameters["towns"]  # type: ignore[index]
    assert attrs.evolve(rules, title="again") == rules
    assert attrs.evolve(rules, parameters=list(rules.parameters.values())) == rules


COLLABORATING = frozenset(m.code for m in county("05").municipalities[:6])


LAWS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@LAWS
@given(rule_applications(), st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)))
def test_evaluation_never_raises_on_a_valid_application(app: Application, day: dt.date) -> None:
    """The default rule set decides every valid application on every date, and explains it."""
    decision = default_ruleset().evaluate(app, as_of=day)
    assert decision.outcome in Outcome
    assert decision.render("sv")
    assert decision.render("en", tree=True)
    assert type(decision).from_data(decision.to_data()) == decision


_DEFAULT = default_ruleset()


_COHORT = Cohort(
    id="c-1",
    program_id="liko",
    name="Omgång",
    start=AS_OF,
    end=AS_OF + dt.timedelta(days=300),
    collaborations=[Collaboration(municipality=code) for code in sorted(COLLABORATING)],
)


@LAWS
@given(rule_applications(complete=True), st.data(), st.booleans())
def test_learning_a_missing_fact_never_flips_a_whole_decision(
    whole: Application, data: st.DataObject, with_cohort: bool
) -> None:
    """The law above for the default rule set, required and advisory rules together, with
    and without the cohort (the collaborating municipalities unknown without it)."""
    partial = data.draw(forgetting(whole))
    options: dict[str, Any] = {"cohort": _COHORT} if with_cohort else {"as_of": AS_OF}
    before = _DEFAULT.evaluate(partial, **options).outcome
    if before is not Outcome.UNDETERMINED:
        assert _DEFAULT.evaluate(whole, **options).outcome is before


def decide(app: Application) -> Decision:
    return default_ruleset().evaluate(app, cohort=COHORT)


def test_an_it_chef_leading_a_staff_function_at_the_kommunledningskontor_is_eligible() -> None:
    decision = decide(
        application(
            municipality="Linköping",
            organisation="Kommunledningskontoret",
            organisation_kind=OrganisationKind.CENTRAL_ADMINISTRATION,
            title="IT-chef",
            leads_staff_function=True,
            staff_function=StaffFunction.IT,
        )
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert not decision.reasons
    # Not among the seed's examples ("till exempel"): a warning, never a rejection.
    assert [w.code for w in decision.warnings] == ["position.in"]


def test_an_avdelningschef_with_no_committee_and_no_staff_function_is_not_eligible() -> None:
    decision = decide(
        application(
            municipality="Motala", title="Avdelningschef", reports_to=[], leads_staff_function=False
        )
    )
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    text = decision.render("sv")
    assert text.startswith(
        "Inte behörig: rapporterar inte till någon nämnd eller styrelse, "
        "avdelningschef är ingen stabsfunktion"
    )
    assert "reports_to_political_body" in [r.code for r in decision.reasons]
    assert decision.render("en").startswith("Not eligible: does not report to any committee")
    assert not decision.warnings  # avdelningschef is one of the seed's examples


def test_a_kommunchef_is_a_mentor_not_a_participant() -> None:
    decision = decide(
        application(
            municipality="Motala", title="Kommunchef", reports_to=[KS], leads_staff_function=False
        )
    )
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    assert [r.code for r in decision.reasons] == ["is_chief_executive"]
    assert "mentor" in decision.render("sv")


def test_a_manager_in_a_municipality_not_collaborating_in_the_cohort_is_not_eligible() -> None:
    decision = decide(
        application(municipality="Kinda", title="Förvaltningschef", reports_to=[NAMND])
    )
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    assert [r.code for r in decision.reasons] == ["employed_by_collaborating_municipality"]
    assert decision.render("sv") == "Inte behörig: Kinda samverkar inte i omgången"


def test_a_strateg_in_kommunledningen_is_eligible() -> None:
    decision = decide(
        application(
            municipality="Norrköping",
            title="Strateg",
            organisation_kind=OrganisationKind.CENTRAL_ADMINISTRATION,
        )
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert not decision.warnings


def test_a_forvaltningschef_reporting_to_a_namnd_is_eligible() -> None:
    decision = decide(application(municipality="Mjölby", title="Socialchef", reports_to=[NAMND]))
    assert decision.outcome is Outcome.ELIGIBLE
    assert [(g.code, g.result) for g in decision.grounds] == [
        ("reports_to_political_body", Truth.TRUE),
        ("employed_by_collaborating_municipality", Truth.TRUE),
        ("is_chief_executive", Truth.FALSE),
    ]


def test_missing_facts_leave_the_decision_undetermined() -> None:
    decision = decide(application(municipality="Norrköping", title="Förvaltningschef"))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing_facts == ("reports_to", "leads_staff_function")
    assert all(r.result is Truth.UNKNOWN for r in decision.reasons)
    assert decision.render("en").startswith("Undetermined: it is not known whether")


def test_a_failed_required_rule_decides_no_even_with_missing_facts() -> None:
    decision = decide(application(title="Kommunchef"))
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    assert "municipality" in decision.missing_facts


def test_without_a_cohort_the_collaborating_municipalities_are_unknown() -> None:
    app = application(municipality="Linköping", title="Förvaltningschef", reports_to=[NAMND])
    decision = default_ruleset().evaluate(app, as_of=dt.date(2025, 9, 1))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing_facts == ("collaborating_municipalities",)


def test_no_rule_in_force_is_undetermined_or_an_error_in_strict_mode() -> None:

    app = application(municipality="Linköping", title="IT-chef", leads_staff_function=True)
    decision = default_ruleset().evaluate(app, as_of=dt.date(2009, 12, 31))
    assert decision.outcome is Outcome.UNDETERMINED
    assert [r.code for r in decision.reasons] == ["no_rule_in_force"]
    assert "no required rule of the rule set is in force on 2009-12-31" in decision.render("en")
    with pytest.raises(RuleError, match="no rule in force on 2009-12-31"):
        default_ruleset().evaluate(app, as_of=dt.date(2009, 12, 31), strict=True)


def test_advisory_rules_alone_decide_nothing_and_say_no_required_rule() -> None:
    """An advisory rule in force is a rule in force: the reason says no *required* one is."""
    advice = parse_ruleset(
        HEAD + '[[rules]]\nid = "hint"\nlevel = "advisory"\nwhen = "leads_staff_function"\n'
    )
    decision = advice.evaluate(application(leads_staff_function=False), as_of=AS_OF)
    assert decision.outcome is Outcome.UNDETERMINED
    assert [w.code for w in decision.warnings] == ["leads_staff_function"]
    first = decision.render("en").splitlines()[0]
    assert first == "Undetermined: no required rule of the rule set is in force on 2025-09-01"
    assert decision.render("sv").splitlines()[0] == (
        "Obestämd: ingen obligatorisk regel i regeluppsättningen gäller 2025-09-01"
    )


def test_explain_false_is_deprecated_and_gives_the_same_outcome_without_trees() -> None:
    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    with pytest.warns(DeprecationWarning, match=r"RuleSet.evaluate\(explain=...\)"):
        quick = default_ruleset().evaluate(app, cohort=COHORT, explain=False)
    assert quick.outcome is decide(app).outcome
    assert all(r.tree is None for r in quick.rules)
    with pytest.warns(DeprecationWarning, match="explain"):
        explained = default_ruleset().evaluate(app, cohort=COHORT, explain=True)
    assert explained == decide(app)


@pytest.mark.parametrize("written", ['"20250901"', '" 2025-09-01"', '"2025-W36-1"', '"2025-9-1"'])
def test_a_rule_set_reads_dates_as_documents_do(written: str) -> None:
    """One date form for every file: YYYY-MM-DD (or a bare TOML date), nothing else."""
    text = HEAD + f'[[rules]]\nid = "r"\nwhen = "leads_staff_function"\nvalid_from = {written}\n'
    (problem,) = problems(text)
    assert (problem.path, problem.code) == ("rules[0].valid_from", "date")
    assert problem.message.startswith("expected a date YYYY-MM-DD, found text ")
    parameter = HEAD + '[parameters.min_years]\nvalues = { "20250901" = 2 }\n[[rules]]\nid = "r"\n'
    parameter += 'when = "years_in_position >= min_years"\n'
    (problem,) = problems(parameter)
    assert (problem.path, problem.code) == ("parameters.min_years.values", "date")


def test_a_rule_set_file_that_is_no_table_or_has_no_rules_says_so() -> None:
    (problem,) = problems(HEAD + "rules = []\n")
    assert (problem.path, problem.code) == ("rules", "missing")
    assert problem.message == "expected at least one [[rules]] table, found a list of 0 items"
    found = problems(HEAD + 'parameters = 3\n[[rules]]\nid = "r"\nwhen = 3\n')
    assert {(p.path, p.code) for p in found} == {("parameters", "type"), ("rules[0].when", "type")}


def test_a_rule_set_file_with_a_wrong_key_and_level_is_said_whole_in_swedish() -> None:
    """The commonest mistakes in a rule-set file, as a Swedish reader sees the error."""
    text = (
        HEAD
        + '[[rules]]\nid = "roll"\nlevel = "mandatory"\nwhenn = "leads_staff_function"\n'
        + '[[rules]]\nid = "plats"\nwhen = "position == \'avdelningschefen\'"\n'
    )
    with pytest.raises(RuleError) as caught:
        parse_ruleset(text, source="demo.toml")
    assert caught.value.render("sv") == (
        "demo.toml: ogiltig regeluppsättning (3 problem)\n"
        "  - demo.toml:6: rules[0].level: förväntade 'required' eller 'advisory', "
        "fick texten 'mandatory'\n"
        "  - demo.toml:7: rules[0].whenn: okänd nyckel 'whenn': förväntade en av id, when, "
        "level, valid_from, valid_to, version, title_sv, title_en, description "
        "(menade du 'when'?)\n"
        "  - demo.toml:10: rules[1].when, kolumn 1: position ==: förväntade en befattning ur "
        "katalogen, fick texten 'avdelningschefen' (menade du 'avdelningschef'?)\n"
        "    position == 'avdelningschefen'\n"
        "    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    )
    assert str(caught.value).splitlines()[0] == "demo.toml: invalid rule set (3 problems)"


def test_windows_ids_and_parameters_are_said_in_swedish() -> None:
    found = problems(
        HEAD
        + "[parameters]\nspare = 3\n"
        + '[parameters.limit]\nvalues = 3\ntype = "colour"\n'
        + '[parameters.towns]\nvalues = { "20250901" = ["Linköping"] }\n'
        + '[[rules]]\nid = "r"\nwhen = "municipality in towns and years_in_position >= years"\n'
        + '[[rules]]\nid = "w"\nwhen = "leads_staff_function"\n'
        + "valid_from = 2026-01-01\nvalid_to = 2025-01-01\n"
        + '[[rules]]\nid = "s"\nwhen = "leads_staff_function"\n'
        + '[[rules]]\nid = "s"\nwhen = "leads_staff_function"\n'
        + '[[rules]]\nid = "t"\nwhen = "leads_staff_function"\nvalid_to = 2026-01-01\n'
        + '[[rules]]\nid = "t"\nwhen = "leads_staff_function"\nvalid_from = 2025-01-01\n'
    )
    said = {p.code: p.message_in("sv") for p in found}
    assert said == {
        "type": "okänd värdetyp 'colour'; kända: text, integer, boolean, date, position, "
        "position-kind, organisation-kind, political-body-kind, staff-function, municipality, "
        "county",
        "date": "förväntade ett datum ÅÅÅÅ-MM-DD, fick texten '20250901'",
        "unused-parameter": "parametern 'spare' används inte av någon regel eller något "
        "predikat och har ingen typ (nämn den i en regels villkor, eller ge den en typ: "
        '[parameters.spare] med values = … och type = "…")',
        "window": "fönstret [valid_from, valid_to) är tomt: 2025-01-01 är inte efter 2026-01-01",
        "unknown-parameter": "okänd parameter 'years' (ett namn utan citattecken som värde är "
        'en parameter) (skriv textvärden inom citattecken: "…")',
        "duplicate-id": "regel-id:t 's' finns två gånger med samma giltighetsfönster (ge "
        "varje regel ett eget id, eller ge versionerna av en regel fönster som inte överlappar)",
        "overlapping-windows": "versionerna av regeln 't' överlappar: [2025-01-01, …) och "
        "[…, 2026-01-01) (fönstren är halvöppna [valid_from, valid_to): låt ett sluta där "
        "nästa börjar)",
    }


def test_a_file_that_is_no_text_or_lacks_its_keys_is_said_in_swedish() -> None:
    with pytest.raises(RuleError) as caught:
        parse_ruleset(3)  # type: ignore[arg-type]
    assert caught.value.render("sv") == (
        "ogiltig regeluppsättning (1 problem)\n  - (översta nivån): förväntade text, fick int"
    )
    assert [p.message_in("sv") for p in problems(HEAD + "rules = []\n")] == [
        "förväntade minst en [[rules]]-tabell, fick en lista med 0 element"
    ]
    assert sorted(p.message_in("sv") for p in problems("")) == [
        "förväntade en version som text, fick inget",
        "förväntade ett id, fick inget",
        "förväntade format = 'ledarskap.rules/1', fick inget",
        "förväntade minst en [[rules]]-tabell, fick inget",
    ]


def test_no_rule_in_force_is_said_in_swedish() -> None:
    app = application(municipality="Linköping", title="IT-chef", leads_staff_function=True)
    with pytest.raises(RuleError) as caught:
        default_ruleset().evaluate(app, as_of=dt.date(2009, 12, 31), strict=True)
    assert caught.value.render("sv") == (
        "default-rules.toml: ingen regel gäller den 2009-12-31 (1 problem)\n"
        "  - default-rules.toml: as_of: ingen obligatorisk regel i "
        f"{default_ruleset().id} {default_ruleset().version} gäller den 2009-12-31 "
        "(fönstren är [valid_from, valid_to))"
    )


# Versions, windows and the file's text ------------------------------------------------------


def _versions(starts: list[int], ends: list[int | None]) -> str:
    """A rule set with one rule ``r`` in a version for each window, days after 2000-01-01."""
    day = dt.date(2000, 1, 1)
    text = HEAD
    for start, end in zip(starts, ends, strict=True):
        text += f'[[rules]]\nid = "r"\nvalid_from = {day + dt.timedelta(start)}\n'
        if end is not None:
            text += f"valid_to = {day + dt.timedelta(start + end)}\n"
        text += 'when = "leads_staff_function"\n'
    return text


def test_windows_are_compared_with_one_other_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 versions that all overlap: one problem each, found in one pass (no pair by pair)."""
    calls = 0
    compare = overlap

    def counted(*windows: tuple[dt.date | None, dt.date | None]) -> bool:
        nonlocal calls
        calls += 1
        return compare(*windows)

    monkeypatch.setattr(_ruleset_file, "overlap", counted)
    found = problems(_versions(list(range(1000)), [None] * 1000))
    assert len(found) == 999  # every version but the first, once
    assert calls == 999
    assert {p.code for p in found} == {"overlapping-windows"}


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, 20), st.one_of(st.none(), st.integers(1, 10))),
        min_size=1,
        max_size=8,
    )
)
def test_a_clash_is_reported_exactly_when_two_versions_share_a_day(
    windows: list[tuple[int, int | None]],
) -> None:
    """The law: some version is refused iff two share a day; never twice the same version."""
    day = dt.date(2000, 1, 1)
    spans = [
        (day + dt.timedelta(s), None if e is None else day + dt.timedelta(s + e))
        for s, e in windows
    ]
    shared = any(
        max(a[0], b[0]) < min(a[1] or dt.date.max, b[1] or dt.date.max)
        for i, a in enumerate(spans)
        for b in spans[i + 1 :]
    )
    text = _versions([s for s, _ in windows], [e for _, e in windows])
    if not shared:
        parse_ruleset(text)
        return
    found = problems(text)
    assert found
    assert len({p.line for p in found}) == len(found) <= len(windows) - 1


def test_windows_that_meet_at_the_last_day_do_not_overlap() -> None:
    rules = parse_ruleset(
        HEAD + '[[rules]]\nid = "r"\nvalid_to = 9999-12-31\nwhen = "leads_staff_function"\n'
        '[[rules]]\nid = "r"\nvalid_from = 9999-12-31\nwhen = "is_chief_executive"\n'
    )
    assert [e.version for e in rules.in_force(dt.date.max)] == ["9999-12-31"]
    assert [p.code for p in problems(_versions([0, 0], [None, None]))] == ["duplicate-id"]


@given(
    st.lists(
        st.one_of(st.none(), st.dates(min_value=dt.date(9999, 12, 20))), min_size=4, max_size=4
    )
)
def test_overlap_is_sharing_a_day(days: list[dt.date | None]) -> None:
    """Two windows overlap iff the later start is a day both are in force on."""
    one, other = (days[0], days[1]), (days[2], days[3])
    rule = parse_rule("leads_staff_function")
    empty = [(a, b) for a, b in (one, other) if a is not None and b is not None and b <= a]
    if empty:  # an empty window is refused when the entry is made
        with pytest.raises(InvalidValueError, match=r"^RuleEntry\.valid_to: expected a date after"):
            RuleEntry(id="r", rule=rule, valid_from=empty[0][0], valid_to=empty[0][1])
        return
    entries = [RuleEntry(id="r", rule=rule, valid_from=a, valid_to=b) for a, b in (one, other)]
    if any(e.valid_to is not None and e.valid_to <= (e.valid_from or dt.date.min) for e in entries):
        return  # [min, min): empty, and no day to compare
    start = max(one[0] or dt.date.min, other[0] or dt.date.min)
    assert overlap(one, other) is all(e.in_force(start) for e in entries)


def test_two_versions_may_not_share_a_label() -> None:
    """A decision names the version it followed: two versions called "1" could be either."""
    text = (
        HEAD + '[[rules]]\nid = "r"\nversion = "1"\nvalid_to = 2025-01-01\n'
        'when = "leads_staff_function"\n'
        '[[rules]]\nid = "r"\nversion = "1"\nvalid_from = 2025-01-01\n'
        'when = "is_chief_executive"\n'
    )
    (problem,) = problems(text)
    assert (problem.code, problem.line, problem.path) == (
        "duplicate-version",
        11,
        "rules[1].version",
    )
    assert "already has a version '1' (rules[0])" in problem.message
    assert problem.message_sv is not None


def test_two_versions_that_could_not_be_read_are_no_repeat_of_each_other() -> None:
    """Each unreadable version is its own problem, never "already has a version None"."""
    text = (
        HEAD + '[[rules]]\nid = "r"\nversion = 2025.1\nvalid_to = 2025-01-01\n'
        'when = "leads_staff_function"\n'
        '[[rules]]\nid = "r"\nversion = 2025.2\nvalid_from = 2025-01-01\n'
        'when = "is_chief_executive"\n'
    )
    found = problems(text)
    assert len(found) == 2
    assert not any("None" in p.message for p in found)


@pytest.mark.parametrize("written", ["2025.10", "nan", "-inf", "1.0"])
def test_a_version_written_as_a_number_with_a_point_is_refused(written: str) -> None:
    """``version = 2025.10`` would be read as "2025.1": the version must be written as text."""
    rule = _ONE_RULE.replace(">= min", ">= 1")
    for text in (
        HEAD.replace('version = "1"', f"version = {written}") + rule,
        HEAD + rule.replace('id = "r"', f'id = "r"\nversion = {written}'),
    ):
        (problem,) = problems(text)
        assert problem.code == "version"
        assert problem.hint == (
            'write the version as text, in quotes: version = "2025.10" (a decimal number loses '
            "its zeros: 2025.10 reads as 2025.1)"
        )
        assert problem.hint_sv is not None
    assert parse_ruleset(HEAD.replace('version = "1"', "version = 3") + rule).version == "3"


_ONE_RULE = '[[rules]]\nid = "r"\nwhen = "years_in_position >= min"\n'


def test_a_misspelt_values_key_is_named_as_such() -> None:
    text = HEAD + _ONE_RULE + '[parameters.min]\ntype = "integer"\nvalue = 2\n'
    (problem,) = problems(text)
    assert problem.path == "parameters.min.value"
    assert problem.message.startswith("unknown key 'value'")
    assert problem.hint == "did you mean 'values'?"
    dated = HEAD + _ONE_RULE + "[parameters.min]\nalways = 1\n2026-01-01 = 2\n"
    assert parse_ruleset(dated).parameters["min"].at(dt.date(2026, 1, 1)) == 2


@pytest.mark.parametrize("name", ['"min years"', "or", '"är"'])
def test_a_parameter_name_no_rule_can_write_is_refused_in_the_file(name: str) -> None:
    text = HEAD + _ONE_RULE + f"[parameters]\nmin = 1\n{name} = 2\n"
    (problem,) = problems(text)
    assert (problem.code, problem.line) == ("parameter-name", 9)
    assert "expected a name a rule can write" in problem.message


def test_every_bad_item_of_a_list_parameter_is_reported() -> None:
    text = (
        HEAD + '[[rules]]\nid = "r"\nwhen = "position in ok"\n'
        '[parameters]\nok = ["strategen", "strateg", "kontorschefen"]\n'
    )
    assert [p.hint for p in problems(text)] == [
        "did you mean 'strateg'?",
        "did you mean 'kontorschef'?",
    ]


def test_a_parameter_is_found_on_its_own_line() -> None:
    """``id = …`` at the top is not the parameter ``id``: each is found under its table."""
    text = (
        HEAD + '[[rules]]\nid = "r"\nwhen = "leads_staff_function"\n'
        "[parameters]\nid = 1\n"
        '[parameters."other"]\nvalues = 2\n'
    )
    assert [(p.path, p.line) for p in problems(text)] == [
        ("parameters.id", 8),
        ("parameters.other", 9),
    ]


def test_a_value_over_several_lines_holds_no_key_nor_header() -> None:
    """A line of a multi-line array that starts with ``[`` is no table's header: the
    parameter after the array is found on its own line (a ``]`` in a string is text)."""
    text = (
        HEAD + '[[rules]]\nid = "r"\nwhen = "leads_staff_function"\n'
        '[parameters]\nfirst = [\n  ["a"],\n  "]", # ]\n]\nsecond = 1\n'
    )
    assert [(p.path, p.line) for p in problems(text)] == [
        ("parameters.first", 8),
        ("parameters.second", 12),
    ]


def test_parameters_are_found_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """2,000 parameters: their lines are indexed once, not searched for one by one."""
    searches = 0
    search = Lines.find

    def counted(self: Lines, *args: Any) -> int | None:
        nonlocal searches
        searches += 1
        return search(self, *args)

    monkeypatch.setattr(Lines, "find", counted)
    text = HEAD + _ONE_RULE.replace(">= min", ">= 1") + "[parameters]\n"
    text += "".join(f"p{i} = {i}\n" for i in range(2000))
    found = problems(text)
    assert len(found) == 2000
    assert found[-1].line == 2007
    assert searches < 10


@pytest.mark.parametrize("syntax", ["toml", "json"])
def test_a_byte_order_mark_is_no_part_of_the_text(syntax: Literal["toml", "json"]) -> None:
    text = HEAD + _ONE_RULE.replace(">= min", ">= 1")
    if syntax == "json":
        text = json.dumps(parse_ruleset(text).to_data())
    assert parse_ruleset("\ufeff" + text, syntax=syntax) == parse_ruleset(text, syntax=syntax)


def test_a_file_starting_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.rules.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (HEAD + _ONE_RULE.replace(">= min", ">= 1")).encode())
    assert load_ruleset(path).id == "demo"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_lines_are_counted_at_line_feeds_alone(separator: str) -> None:
    """A comment or a string may hold what str.splitlines breaks at; TOML's lines do not."""
    for written in (f"# Regler{separator}för 2025\n", f'title = "Regler{separator}2025"\n'):
        text = HEAD + written + '[[rules]]\nid = "r"\nwhen = "leads_staf"\n'
        (problem,) = problems(text)
        assert problem.line == 7
