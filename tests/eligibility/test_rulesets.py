"""Rule-set files: checked whole, every problem reported with file, line, path and hint."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap.eligibility import (
    Outcome,
    RuleLevel,
    default_ruleset,
    parse_ruleset,
)
from ledarskap.errors import FileAccessError, Problem, RuleError
from ledarskap.model import Application, PoliticalBody, PoliticalBodyKind, municipality

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
                    "level = 3\n",
                    "[parameters.x]\n",
                    "values = 1\n",
                    "when = 1\n",
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
    """Whatever the text, loading either gives a rule set or raises RuleError."""
    try:
        parse_ruleset(text, syntax=syntax)  # type: ignore[arg-type]
    except RuleError as error:
        assert error.problems  # noqa: PT017  # the law is about what any junk raises  # the law is about what any junk raises


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
    from pathlib import Path

    from ledarskap.io import load_ruleset

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
        ("unknown-name", 13),
        ("overlapping-windows", 14),
        ("syntax", 18),
    ]


def test_the_builtin_predicate_declares_the_parameter_it_reads() -> None:
    from ledarskap.eligibility import default_registry

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
    from ledarskap.eligibility import Check, Texts, default_registry

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
    with pytest.raises(ValueError, match="syntax must be 'toml' or 'json'"):
        parse_ruleset("", syntax="yaml")  # type: ignore[arg-type]
    (problem,) = problems(b"format = 1")  # type: ignore[arg-type]
    assert problem.message == "expected text, found bytes"


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
