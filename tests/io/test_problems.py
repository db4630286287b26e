"""Problems moved and worded: a problem keeps its Swedish wherever it is moved to."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ledarskap.errors import Problem, mask_personal_data
from ledarskap.io._problems import (
    FILE_NAME,
    TOP,
    hint_of,
    key_path_of,
    message_of,
    moved,
    number_sv,
    prefixed,
    wording,
)
from ledarskap.text import Text

words = st.text(alphabet=st.characters(categories=["L", "Zs"]), min_size=1, max_size=12)


@given(
    path=words,
    sv=words,
    en=words,
    hint=st.none() | st.tuples(words, words),
    line=st.none() | st.integers(1, 99),
    to=words,
)
def test_a_moved_problem_keeps_both_wordings(
    path: str, sv: str, en: str, hint: tuple[str, str] | None, line: int | None, to: str
) -> None:
    """Law: moving a problem (a new path) changes its path alone; in either language the
    rest renders as before."""
    problem = Problem(
        path, Text(sv, en), "invalid", line=line, hint=None if hint is None else Text(*hint)
    )
    there = moved(problem, path=to)
    assert there.path == to
    assert (there.message, there.message_sv, there.hint, there.hint_sv, there.line) == (
        problem.message,
        problem.message_sv,
        problem.hint,
        problem.hint_sv,
        problem.line,
    )
    for language in ("sv", "en"):
        assert there.message_in(language) == problem.message_in(language)
    assert moved(problem) == problem


def test_a_path_in_words_is_worded_in_both_languages() -> None:
    problem = Problem(FILE_NAME, Text("förväntade ett namn", "expected a name"), source="a.txt")
    assert problem.render("sv") == "a.txt: (filnamn): förväntade ett namn"
    assert str(problem) == "a.txt: (file name): expected a name"
    assert moved(problem, source="b.txt").render("sv") == "b.txt: (filnamn): förväntade ett namn"
    assert key_path_of("$") is TOP
    assert Problem(key_path_of("$"), "x", source="a.toml").location_in("sv") == (
        "a.toml: (översta nivån)"
    )


def test_english_alone_stays_english_alone() -> None:
    problem = Problem("$.a", "expected text", hint="did you mean 'b'?")
    assert message_of(problem) == "expected text"
    assert hint_of(problem) == "did you mean 'b'?"
    assert hint_of(Problem("$", "x")) is None
    assert wording("a", None) == "a"
    assert prefixed("ignore", Text("förväntade", "expected")) == Text(
        "ignore: förväntade", "ignore: expected"
    )


@given(st.integers(0, 10**15))
def test_a_swedish_number_reads_back_and_is_never_masked(number: int) -> None:
    """Law: a number written the Swedish way reads back as itself, and no masking of
    personal data ever hides it (ten digits or more keep their commas)."""
    written = number_sv(number)
    assert int(written.replace("\xa0", "").replace(",", "")) == number
    assert mask_personal_data(written) == written
