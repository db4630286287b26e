"""The public API as another tool uses it: every name and subpackage has its own type.

mypy checks this file with the rest of the tests (``make test``) and on its own in
``tests/test_typing.py``: ``assert_type`` fails on ``Any``, so a name reached through
``ledarskap`` or a subpackage that lost its type (a module ``__getattr__`` seen by type
checkers) is an error. Nothing here runs: it is read, not called.
"""

from __future__ import annotations

import datetime as dt
from typing import assert_type

import ledarskap
import ledarskap.eligibility.problems
import ledarskap.io.spreadsheets
from ledarskap import Cohort, FileAccessError, ProgramData
from ledarskap.eligibility import Decision, PredicateRegistry, RuleSet
from ledarskap.errors import Problem
from ledarskap.io import SheetImport
from ledarskap.mentoring.proposals import Proposal
from ledarskap.tables import Tables
from ledarskap.validation import ValidationReport


def names_loaded_on_first_use() -> None:
    """The names of ``ledarskap`` itself, each loaded when first used."""
    data = ledarskap.example_program()
    assert_type(data, ProgramData)
    assert_type(ledarskap.load("program.json"), ProgramData)
    assert_type(ledarskap.validate(data), ValidationReport)
    assert_type(ledarskap.municipality("Linköping"), ledarskap.Municipality)
    assert_type(ledarskap.default_ruleset(), RuleSet)
    cohort = data.cohort("c-2025")
    assert_type(cohort, Cohort)
    assert_type(cohort.start, dt.date)
    assert_type(ledarskap.__version__, str)
    try:
        ledarskap.dump(data, "program.json")
    except ledarskap.FileAccessError as error:
        assert_type(error, FileAccessError)
        assert_type(error.errno, int | None)


def subpackages() -> None:
    """The subpackages reached from ``ledarskap``, as ``ledarskap.io`` is at run time."""
    data = ledarskap.example_program()
    assert_type(ledarskap.tables.program_tables(data), Tables)
    assert_type(ledarskap.mentoring.propose(data, "c-2025"), Proposal)
    assert_type(ledarskap.eligibility.default_registry(), PredicateRegistry)
    assert_type(ledarskap.io.read_sheet("deltagare.csv", "participants"), SheetImport)
    assert_type(ledarskap.validation.validate(data), ValidationReport)
    assert_type(ledarskap.model.whole_years(dt.date(2020, 1, 1), dt.date(2025, 1, 1)), int)
    assert_type(ledarskap.text.Text("ja", "yes").render("sv"), str)
    assert_type(ledarskap.errors.mask_personal_data("x"), str)
    assert_type(ledarskap.demo.program_lines(data), list[str])
    decision = ledarskap.default_ruleset().evaluate(data.applications[0], as_of=dt.date(2025, 9, 1))
    assert_type(decision, Decision)


def deprecated_names() -> None:
    """The deprecated names are still there for type checkers, as they are (warning) at run time."""
    assert_type(ledarskap.io.RowProblem, type[Problem])
    assert_type(ledarskap.io.spreadsheets.RowProblem, type[Problem])
    assert_type(ledarskap.eligibility.RuleProblem, type[Problem])
    assert_type(ledarskap.eligibility.problems.RuleProblem, type[Problem])
