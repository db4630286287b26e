"""Rule case files as the rule author meets them: reports that mask personal data, lines
found for every case however its name is written, and coverage said one way."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap._found import Lines
from ledarskap.errors import DocumentError
from ledarskap.io._casefiles import case_lines
from ledarskap.io.rulecases import load_cases_text, record_cases, run_cases, run_cases_text
from ledarskap.model import Application

pytest_plugins = ["pytester"]

PNR, MAIL = "19850312-2395", "anna.berg@linkoping.se"

PERSONAL = f"""
ruleset = "default"
[defaults]
as_of = 2025-09-01
collaborating = ["Linköping"]

[[case]]
name = "Anna {PNR}"
description = "ring {PNR} eller {MAIL}"
outcome = "eligible"
applicant = {{ municipality = "Linköping", title = "Kommunchef", reports_to = ["Kommunstyrelsen"] }}
"""


def _unmasked(text: str) -> bool:
    return PNR in text or "anna.berg" in text


def test_reports_mask_a_cases_name_and_description() -> None:
    report = run_cases_text(PERSONAL)
    (failed,) = report.failed
    assert "19XXXXXX-XX95" in str(report)
    assert not _unmasked(str(report))
    explained = failed.explain()
    assert "a…@linkoping.se" in explained
    assert not _unmasked(explained)


def test_pytest_shows_a_cases_name_masked(pytester: pytest.Pytester) -> None:
    pytester.makefile(".rules.toml", test_personal=PERSONAL)
    result = pytester.runpytest("-v", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    shown = result.stdout.str()
    assert "test_personal.rules.toml::Anna 19XXXXXX-XX95 FAILED" in shown
    assert "rule case: Anna 19XXXXXX-XX95" in shown
    assert not _unmasked(shown)


def test_two_names_masked_alike_stay_two_items(pytester: pytest.Pytester) -> None:
    two = PERSONAL + PERSONAL[PERSONAL.index("[[case]]") :].replace(PNR, "19900101-1195")
    two = two.replace('outcome = "eligible"', 'outcome = "not-eligible"')
    pytester.makefile(".rules.toml", test_two=two)
    result = pytester.runpytest("--collect-only", "-q", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(
        [
            "test_two.rules.toml::Anna 19XXXXXX-XX95",
            "test_two.rules.toml::Anna 19XXXXXX-XX95 (case[1])",
        ]
    )


def _app(number: str = "ans-1") -> Application:
    return Application(
        id=number, person_id="p", cohort_id="c", submitted=dt.date(2025, 1, 1), title="Strateg"
    )


def test_recorded_repeats_are_numbered() -> None:
    """2,000 applications of one id: names "ans-1: Strateg (2)" …, not " (again)" 1,999 times."""
    text = record_cases([_app()] * 2000, as_of=dt.date(2025, 9, 1))
    names = [case.name for case in load_cases_text(text).cases]
    assert names[:3] == ["ans-1: Strateg", "ans-1: Strateg (2)", "ans-1: Strateg (3)"]
    assert names[-1] == "ans-1: Strateg (2000)"
    assert len(set(names)) == 2000
    assert max(map(len, names)) < 30


def test_a_recorded_number_skips_a_name_taken() -> None:
    taken = Application(
        id="ans-1", person_id="p", cohort_id="c", submitted=dt.date(2025, 1, 1), title="Strateg (2)"
    )
    apps = [_app(), taken, _app()]
    names = [c.name for c in load_cases_text(record_cases(apps, as_of=dt.date(2025, 9, 1))).cases]
    assert names == ["ans-1: Strateg", "ans-1: Strateg (2)", "ans-1: Strateg (3)"]


def test_a_recorded_name_masks_an_id_that_is_a_personnummer() -> None:
    text = record_cases([_app(PNR)], as_of=dt.date(2025, 9, 1))
    assert 'name = "19XXXXXX-XX95: Strateg"' in text
    assert PNR not in text


def _json_cases(names: list[str], *, escaped: bool, indent: int | None = 1) -> str:
    document = {
        "ruleset": "default",
        "defaults": {"as_of": "2025-09-01"},
        "case": [
            {"name": n, "outcome": "eligible", "applicant": {"title": "Strateg"}} for n in names
        ],
    }
    return json.dumps(document, indent=indent, ensure_ascii=escaped)


def _name_line(text: str, name: str) -> int:
    at = text.index('"name": ' + json.dumps(name, ensure_ascii=False))
    return text.count("\n", 0, at) + 1


@pytest.mark.parametrize("escaped", [True, False])
def test_a_json_case_is_found_however_its_name_is_escaped(escaped: bool) -> None:
    names = [f"fall å {i}" for i in range(5)] + ['citat "så" \\ här']
    text = _json_cases(names, escaped=escaped)
    lines = [case.line for case in load_cases_text(text, syntax="json").cases]
    decoded = json.dumps(json.loads(text), indent=1, ensure_ascii=False)
    assert lines == [_name_line(decoded, name) for name in names]


def test_json_cases_are_found_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """4,000 cases: their names are read once, none searched for line by line."""
    searches = 0
    search = Lines.find

    def counted(self: Lines, *args: Any) -> int | None:
        nonlocal searches
        searches += 1
        return search(self, *args)

    monkeypatch.setattr(Lines, "find", counted)
    text = _json_cases([f"fall å {i}" for i in range(4000)], escaped=True)
    cases = load_cases_text(text, syntax="json").cases
    assert cases[-1].line == text.count("\n", 0, text.index('"fall \\u00e5 3999"')) + 1
    assert searches == 0


@settings(max_examples=40)
@given(
    st.lists(
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8).filter(
            lambda name: "::" not in name and name.strip()
        ),
        min_size=1,
        max_size=6,
        unique=True,
    ),
    st.booleans(),
)
def test_each_case_is_placed_on_its_names_line(names: list[str], escaped: bool) -> None:
    """The law: a case's line is the line its name is written on, in JSON as in TOML."""
    text = _json_cases(names, escaped=escaped)
    decoded = json.dumps(json.loads(text), indent=1, ensure_ascii=False)
    expected = [_name_line(decoded, name) for name in names]
    assert [c.line for c in load_cases_text(text, syntax="json").cases] == expected
    one_line = _json_cases(names, escaped=escaped, indent=None)
    assert [c.line for c in load_cases_text(one_line, syntax="json").cases] == [1] * len(names)
    inline = (
        'ruleset = "default"\ncase = [\n'
        + "".join(
            f'  {{ name = {json.dumps(n, ensure_ascii=False)}, as_of = 2025-09-01, outcome = "eligible" }},\n'
            for n in names
        )
        + "]\n"
    )
    assert [c.line for c in load_cases_text(inline).cases] == list(range(3, 3 + len(names)))


def test_a_dropped_body_does_not_shift_the_place_of_the_next() -> None:
    with pytest.raises(DocumentError) as info:
        load_cases_text(
            'ruleset = "default"\n[[case]]\nname = "a"\nas_of = 2025-09-01\n'
            'outcome = "eligible"\n'
            'applicant = { reports_to = ["Bob", { name = "Socialnämnden", kind = "nmnd" }] }\n'
        )
    paths = [p.path for p in info.value.problems]
    assert paths == [
        "case 'a', key applicant.reports_to[0]",
        "case 'a', key applicant.reports_to[1].kind",
    ]


@pytest.mark.parametrize("syntax", ["toml", "json"])
def test_a_case_file_may_start_with_a_byte_order_mark(syntax: str) -> None:
    text = PERSONAL if syntax == "toml" else _json_cases(["a"], escaped=False)
    data = b"\xef\xbb\xbf" + text.encode()
    assert load_cases_text(data, syntax=syntax).cases  # type: ignore[arg-type]


def test_case_lines_are_counted_at_line_feeds_alone() -> None:
    text = PERSONAL.replace("[defaults]", "# Fall\u2028för 2025\n[defaults]")
    text = text.replace('outcome = "eligible"', 'outcome = "eligble"')
    with pytest.raises(DocumentError) as info:
        load_cases_text(text)
    (problem,) = info.value.problems
    assert problem.line == text.split("\n").index('outcome = "eligble"') + 1


def test_a_case_is_on_its_names_line_when_its_header_cannot_be_counted() -> None:
    """``[["case"]]`` is the same table as ``[[case]]``, not found as its header: each
    case is then placed on its name's line, not the line before it."""
    text = 'ruleset = "default"\n[["case"]]\nname = "a"\n[["case"]]\n  name = "b"\n'
    raw = [{"name": "a"}, {"name": "b"}]
    assert case_lines(text, "toml", raw, Lines(text)) == [3, 5]


def test_the_coverage_headline_counts_what_the_percentage_does(tmp_path: Path) -> None:
    """A rule no case reached is a clause not covered, in the headline as in percentages()."""
    (tmp_path / "later.rules.toml").write_text(
        'format = "ledarskap.rules/1"\nid = "later"\nversion = "1"\n'
        '[[rules]]\nid = "a"\nwhen = "leads_staff_function"\n'
        '[[rules]]\nid = "b"\nvalid_from = 2030-01-01\nwhen = "is_chief_executive"\n',
        encoding="utf-8",
    )
    (tmp_path / "test_later.rules.toml").write_text(
        'ruleset = "later.rules.toml"\n[defaults]\nas_of = 2025-01-01\n'
        '[[case]]\nname = "yes"\noutcome = "eligible"\napplicant = { leads_staff_function = true }\n'
        '[[case]]\nname = "no"\noutcome = "not-eligible"\n'
        "applicant = { leads_staff_function = false }\n",
        encoding="utf-8",
    )
    coverage = run_cases(tmp_path / "test_later.rules.toml").coverage
    assert list(coverage.percentages().values()) == [50.0]
    assert (
        coverage.report().splitlines()[0].endswith("1 of 2 clauses seen both true and false (50%)")
    )
