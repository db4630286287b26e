"""Public functions given an argument of the wrong kind: the library's error, naming it.

Reproductions of a review: each of these raised a bare ``AttributeError`` or
``TypeError`` (or read outside the data folder), where its sibling functions said
"expected a ProgramData, found int".
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from typing import Any

import pytest

import ledarskap
from ledarskap import calendar, data, eligibility, mentoring
from ledarskap.errors import FileAccessError, LedarskapError
from ledarskap.model import whole_years

APPLICATION = ledarskap.example_program().applications[0]


def _compiled(value: object) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return eligibility.compile_ruleset(value)


CALLS: list[tuple[str, Callable[[], object], str]] = [
    ("compile_ruleset", lambda: _compiled(42), "CompiledRuleSet: expected a RuleSet, found int"),
    ("facts_of", lambda: eligibility.facts_of(42, None), "facts_of(application): expected an"),  # type: ignore[arg-type]
    ("facts_of", lambda: eligibility.facts_of(APPLICATION, 42), "facts_of(program): expected a"),  # type: ignore[arg-type]
    ("predicate", lambda: eligibility.predicate([]), "predicate: expected a name (text)"),  # type: ignore[arg-type]
    ("compare", lambda: eligibility.compare([], "==", "x"), "compare: expected a name (text)"),  # type: ignore[arg-type]
    ("cohort_plans", lambda: mentoring.cohort_plans(42, "c"), "cohort_plans(data): expected a"),  # type: ignore[arg-type]
    (
        "cohort_mentorships",
        lambda: mentoring.cohort_mentorships(42, "c"),  # type: ignore[arg-type]
        "cohort_mentorships(data): expected a ProgramData, found int",
    ),
    (
        "end_mentorship",
        lambda: ledarskap.end_mentorship(42, "ms-001", dt.date(2026, 1, 1)),  # type: ignore[arg-type]
        "end_mentorship(data): expected a ProgramData, found int",
    ),
    ("session_uid", lambda: calendar.session_uid("c", 42), "session_uid(session_id): expected"),  # type: ignore[arg-type]
    ("meeting_uid", lambda: calendar.meeting_uid(None), "meeting_uid(meeting_id): expected"),  # type: ignore[arg-type]
    (
        "whole_years",
        lambda: whole_years("2020-01-01", dt.date(2025, 1, 1)),  # type: ignore[arg-type]
        "whole_years(since): expected a date (datetime.date), found '2020-01-01'",
    ),
    ("read_bytes", lambda: data.read_bytes("nope.json"), "nope.json: cannot read: no data file"),
    ("read_bytes", lambda: data.read_bytes("../errors.py"), "cannot read: no data file"),
]


@pytest.mark.parametrize(("function", "call", "said"), CALLS, ids=[c[0] for c in CALLS])
def test_an_argument_of_the_wrong_kind_is_named(
    function: str, call: Callable[[], Any], said: str
) -> None:
    with pytest.raises(LedarskapError) as caught:
        call()
    assert said in str(caught.value), str(caught.value)


def test_a_data_file_is_read_by_its_name_only() -> None:
    """Only the package's own files: a name with a folder in it is none of them."""
    assert data.read_bytes("example-program.json").startswith(b"{")
    for name in ("../__init__.py", "sub/x.json", "", "/etc/passwd", "..", "\\\\x"):
        with pytest.raises(FileAccessError):
            data.read_bytes(name)
