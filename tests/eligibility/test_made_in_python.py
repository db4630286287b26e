"""Rules and rule sets made in Python are checked as a rule-set file's are.

Reproductions of a review: a level given as text dropped the rule (every applicant
undetermined, no error), a misspelt position never held (not eligible, no error), a
municipality by name never matched its code, and other values failed later as bare
``TypeError``, ``AttributeError`` or ``KeyError``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ledarskap
from ledarskap.eligibility import (
    AllOf,
    AnyOf,
    Comparison,
    Not,
    Outcome,
    Parameter,
    Predicate,
    RuleEntry,
    RuleLevel,
    RuleSet,
    param,
    parse_rule,
    parse_ruleset,
)
from ledarskap.errors import InvalidValueError, LedarskapError, RuleError, UsageError

DATA = ledarskap.example_program()
APPLICATION = DATA.applications[0]  # Linköping, förvaltningschef since 2021-03-01
RULE = parse_rule("years_in_position >= 2")


def _decided(*entries: RuleEntry, **parameters: Parameter) -> Outcome:
    rules = RuleSet(id="made", version="1", entries=entries, parameters=parameters)
    return rules.evaluate(APPLICATION, program=DATA, as_of=dt.date(2025, 6, 1)).outcome


def test_a_level_given_by_its_value_is_the_level() -> None:
    entry = RuleEntry(id="a", rule=RULE, level="advisory")
    assert entry.level is RuleLevel.ADVISORY
    assert _decided(RuleEntry(id="a", rule=RULE, level="required")) is Outcome.ELIGIBLE


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"level": "mandatory"}, "RuleEntry.level: expected a RuleLevel, or 'required' or"),
        ({"valid_from": "2020-01-01"}, "RuleEntry.valid_from: expected a date"),
        ({"valid_to": dt.datetime(2020, 1, 1)}, "RuleEntry.valid_to: expected a date"),
        (
            {"valid_from": dt.date(2025, 1, 1), "valid_to": dt.date(2025, 1, 1)},
            "RuleEntry.valid_to: expected a date after valid_from (2025-01-01)",
        ),
        ({"id": ""}, "RuleEntry.id: expected a non-empty text"),
        ({"rule": 42}, "RuleEntry.rule: expected a rule (Rule), found 42"),
        ({"version": 3}, "RuleEntry.version: expected a non-empty text, found 3"),
        ({"title_en": 3}, "RuleEntry.title_en: expected a text or None"),
    ],
)
def test_an_entry_made_wrong_is_refused_naming_its_field(fields: dict[str, Any], said: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        RuleEntry(**({"id": "a", "rule": RULE} | fields))  # type: ignore[arg-type]
    assert str(caught.value).startswith(said), str(caught.value)


def test_a_rule_set_is_refused_as_its_file_would_be() -> None:
    with pytest.raises(RuleError, match=r"entries\[1\]: rule 'a' has another version in force"):
        RuleSet(id="x", version="1", entries=[RuleEntry(id="a", rule=RULE)] * 2)
    unknown = RuleEntry(id="a", rule=Comparison("years_in_position", ">=", param("min_years")))
    with pytest.raises(RuleError, match=r"entries\[0\]\.rule: unknown parameter 'min_years'"):
        RuleSet(id="x", version="1", entries=[unknown])
    with pytest.raises(InvalidValueError, match=r"RuleSet\.entries\[0\]: expected a RuleEntry"):
        RuleSet(id="x", version="1", entries=[RULE])  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match=r"RuleSet\.parameters\['m'\]: expected parameters"):
        RuleSet(id="x", version="1", entries=[], parameters={"m": Parameter("n", {None: 1})})
    with pytest.raises(InvalidValueError, match=r"RuleSet\.version: expected a text"):
        RuleSet(id="x", version=1, entries=[])  # type: ignore[arg-type]


def test_versions_of_a_rule_with_windows_apart_are_one_rule() -> None:
    split = dt.date(2025, 1, 1)
    rules = RuleSet(
        id="x",
        version="1",
        entries=[
            RuleEntry(id="a", rule=RULE, valid_to=split),
            RuleEntry(id="a", rule=parse_rule("years_in_position >= 9"), valid_from=split),
        ],
    )
    assert rules.evaluate(APPLICATION, program=DATA, as_of=dt.date(2025, 6, 1)).outcome is (
        Outcome.NOT_ELIGIBLE
    )


def test_a_value_compared_with_is_read_as_its_field_reads_it() -> None:
    """A municipality by name is its code, a position in any case its slug; what does not
    read is a RuleError when the rule set is made, not a comparison that never holds."""
    by_name = Comparison("municipality", "in", ["Linköping", "Motala"])
    assert _decided(RuleEntry(id="a", rule=by_name)) is Outcome.ELIGIBLE
    cased = Comparison("position", "==", "Förvaltningschef")
    assert _decided(RuleEntry(id="a", rule=cased)) is Outcome.ELIGIBLE
    misspelt = Comparison("position", "==", "forvaltningschefen")
    with pytest.raises(RuleError, match="position ==: expected a position of the catalog"):
        _decided(RuleEntry(id="a", rule=misspelt))
    with pytest.raises(RuleError, match=r"position \(position\) cannot be compared with <"):
        _decided(RuleEntry(id="a", rule=Comparison("position", "<", "forvaltningschef")))
    with pytest.raises(RuleError, match="unknown field 'postion'"):
        _decided(RuleEntry(id="a", rule=Comparison("postion", "==", "forvaltningschef")))


@pytest.mark.parametrize(
    ("make", "error", "said"),
    [
        (lambda: AllOf(()), RuleError, "all_of: needs at least one rule"),
        (lambda: AnyOf(()), RuleError, "any_of: needs at least one rule"),
        (lambda: AllOf((42,)), UsageError, "all_of: expected a Rule, found int"),
        (lambda: AnyOf(("x",)), UsageError, "any_of: expected a Rule, found str"),
        (lambda: Not(42), UsageError, "not: expected a Rule, found int"),  # type: ignore[arg-type]
        (lambda: AllOf(RULE), UsageError, "all_of: expected a tuple of rules"),
        (lambda: Comparison("position", "~~", "x"), UsageError, "Comparison.op: expected one of"),  # type: ignore[arg-type]
        (lambda: Comparison(3, "==", "x"), UsageError, "Comparison.field: expected a name"),  # type: ignore[arg-type]
        (lambda: Predicate(3), UsageError, "Predicate.name: expected a name (text), found int"),  # type: ignore[arg-type]
        (lambda: Predicate("p", [("a", 1)]), UsageError, "Predicate.args: expected a tuple"),  # type: ignore[arg-type]
    ],
)
def test_a_node_made_wrong_is_refused_when_it_is_made(
    make: Any, error: type[Exception], said: str
) -> None:
    with pytest.raises(error) as caught:
        make()
    assert said in str(caught.value)


def test_a_list_of_rules_or_values_is_held_as_a_tuple() -> None:
    made = AllOf([RULE, parse_rule("leads_staff_function")])
    assert made.rules == (RULE, parse_rule("leads_staff_function"))
    assert hash(Comparison("municipality", "in", ["0580"])) == hash(
        Comparison("municipality", "in", ("0580",))
    )


def test_a_rule_set_made_in_python_writes_a_file_that_reads_back() -> None:
    """Its table form is a file parse_ruleset reads, to the same rule set (a review found
    a RuleSet whose to_data() no parser read: two versions of one rule in one window)."""
    rules = RuleSet(
        id="made",
        version="1",
        entries=[
            RuleEntry(id="years", rule=Comparison("years_in_position", ">=", param("min_years"))),
            RuleEntry(id="staff", rule=parse_rule("leads_staff_function"), level="advisory"),
        ],
        parameters={"min_years": Parameter("min_years", {None: 2}, type_name="integer")},
    )
    again = parse_ruleset(json.dumps(rules.to_data(), default=str), syntax="json")
    assert again.entries == rules.entries
    assert _decided(*again.entries, **dict(again.parameters)) is Outcome.ELIGIBLE


JUNK = st.one_of(
    st.none(),
    st.integers(),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.just(RULE),
    st.just(RuleLevel.REQUIRED),
    st.dates(),
)


@given(JUNK, JUNK, JUNK, JUNK)
def test_an_entry_of_anything_is_one_or_the_librarys_error(
    rule: object, level: object, start: object, end: object
) -> None:
    """Law: RuleEntry of any values is an entry or a LedarskapError, never a bare error."""
    with contextlib.suppress(LedarskapError):
        RuleEntry(id="a", rule=rule, level=level, valid_from=start, valid_to=end)  # type: ignore[arg-type]


@given(JUNK, JUNK, JUNK)
def test_a_node_of_anything_is_one_or_the_librarys_error(
    field: object, op: object, value: object
) -> None:
    """Law: rule nodes of any values are nodes or a LedarskapError (their printing too)."""
    for make in (
        lambda: Comparison(field, op, value),  # type: ignore[arg-type]
        lambda: AllOf((field, op)),
        lambda: Not(field),  # type: ignore[arg-type]
        lambda: Predicate(field, value),  # type: ignore[arg-type]
    ):
        with contextlib.suppress(LedarskapError):
            str(make())


def test_parameter_values_are_read_as_their_rules_read_them() -> None:
    """Reproduction (review): municipalities by name in a parameter never matched their
    codes (not eligible, no error), and a value of the wrong type escaped as a TypeError."""
    towns = Comparison("municipality", "in", param("towns"))
    by_name = Parameter("towns", {None: ["Linköping", "Motala"]})
    assert _decided(RuleEntry(id="a", rule=towns), towns=by_name) is Outcome.ELIGIBLE
    rules = RuleSet(
        id="x", version="1", entries=[RuleEntry(id="a", rule=towns)], parameters={"towns": by_name}
    )
    assert rules.parameters["towns"].values == ((None, ("0580", "0583")),)
    assert rules.parameters["towns"].type_name == "list[municipality]"
    years = Comparison("years_in_position", ">=", param("min_years"))
    with pytest.raises(RuleError, match=r"parameters\['min_years'\]\.values\[None\]: integer"):
        _decided(RuleEntry(id="a", rule=years), min_years=Parameter("min_years", {None: "two"}))
    default = ledarskap.eligibility.default_ruleset()
    named = Parameter("collaborating_municipalities", {None: ["Linköping"]})
    again = RuleSet(
        id="d",
        version="1",
        entries=default.entries,
        parameters={"collaborating_municipalities": named},
    )
    assert again.parameters["collaborating_municipalities"].values == ((None, ("0580",)),)


def test_a_parameter_no_rule_uses_needs_its_type() -> None:
    unused = Parameter("spare", {None: 3})
    with pytest.raises(RuleError, match=r"parameters\['spare'\]: no rule or predicate uses"):
        RuleSet(
            id="x",
            version="1",
            entries=[RuleEntry(id="a", rule=RULE)],
            parameters={"spare": unused},
        )
    typed = Parameter("spare", {None: 3}, type_name="integer")
    RuleSet(
        id="x", version="1", entries=[RuleEntry(id="a", rule=RULE)], parameters={"spare": typed}
    )


def test_two_versions_of_a_rule_may_not_share_a_label() -> None:
    """Reproduction (review): accepted in Python, refused when its to_data() was read."""
    split = dt.date(2025, 1, 1)
    with pytest.raises(RuleError, match=r"entries\[1\]\.version: rule 'a' already has a version"):
        RuleSet(
            id="x",
            version="1",
            entries=[
                RuleEntry(id="a", rule=RULE, valid_to=split, version="v1"),
                RuleEntry(id="a", rule=RULE, valid_from=split, version="v1"),
            ],
        )


def test_a_set_compared_with_is_held_in_a_stable_order() -> None:
    made = Comparison("municipality", "in", {"0583", "0580"})
    assert made == Comparison("municipality", "in", ["0580", "0583"])
    assert _decided(RuleEntry(id="a", rule=made)) is Outcome.ELIGIBLE


def test_many_versions_are_checked_in_time_linear_enough() -> None:
    """4,000 versions of one rule in a row are one rule, and one more in force on every
    day of them is refused. (The check sorts each rule's versions once; it compared every
    pair, and grew with the square: its time is a benchmark's, not asserted here.)"""
    days = [dt.date(2000, 1, 1) + dt.timedelta(days=i) for i in range(4001)]
    entries = [
        RuleEntry(id="a", rule=RULE, valid_from=days[i], valid_to=days[i + 1]) for i in range(4000)
    ]
    RuleSet(id="x", version="1", entries=entries)
    with pytest.raises(RuleError, match=r"rule 'a' has another version in force"):
        RuleSet(id="x", version="1", entries=[*entries, RuleEntry(id="a", rule=RULE)])
