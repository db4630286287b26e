"""The exception tree, its messages, and the masking of personal data in them."""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import (
    ConflictError,
    DocumentError,
    FileAccessError,
    FormatVersionError,
    InvalidPersonnummerError,
    InvalidValueError,
    LedarskapError,
    MissingDependencyError,
    Person,
    Personnummer,
    ProblemsError,
    RuleError,
    UnknownMunicipalityError,
    UnknownReferenceError,
)
from ledarskap import testing as lt
from ledarskap.errors import (
    Problem,
    Problems,
    UsageError,
    checked_language,
    mask_field,
    mask_personal_data,
    safe_repr,
)
from ledarskap.model import _checks
from ledarskap.tables import PseudonymKey
from ledarskap.text import Text

LAWS = settings(max_examples=60, deadline=None)


def test_the_tree() -> None:
    for error in (
        InvalidValueError,
        InvalidPersonnummerError,
        UnknownMunicipalityError,
        UnknownReferenceError,
    ):
        assert issubclass(error, LedarskapError)
        assert issubclass(error, ValueError)
    assert issubclass(UnknownMunicipalityError, LookupError)
    assert issubclass(UnknownReferenceError, LookupError)
    for problems in (ProblemsError, DocumentError, FormatVersionError, RuleError):
        assert issubclass(problems, LedarskapError)
        assert issubclass(problems, ValueError)
    assert issubclass(FormatVersionError, DocumentError)
    assert issubclass(MissingDependencyError, ImportError)


def test_an_invalid_value_says_where_what_and_what_was_found() -> None:
    error = InvalidValueError(
        location="Cohort.capacity", expected="a whole number of at least 1", found=0
    )
    assert str(error) == "Cohort.capacity: expected a whole number of at least 1, found 0"
    assert (error.location, error.expected, error.found) == (
        "Cohort.capacity",
        "a whole number of at least 1",
        "0",
    )


def test_personal_data_is_masked_in_messages_and_attributes() -> None:
    error = InvalidValueError(
        location="Person.email",
        expected="an e-mail address",
        found="anna.berg@linkoping.example 19850312-2395",
    )
    assert "anna.berg@" not in str(error)
    assert "19850312" not in str(error)
    assert "19850312" not in error.found
    assert "anna.berg@" not in error.found


def test_mask_personal_data() -> None:
    assert mask_personal_data("850312-2395") == "XXXXXX-XX95"
    assert mask_personal_data("198503122395 och 19850312+2395") == "19XXXXXX-XX95 och 19XXXXXX-XX95"
    assert mask_personal_data("kontakt: a.b@kommun.example") == "kontakt: a…@kommun.example"
    assert mask_personal_data("diarienummer 2025-123") == "diarienummer 2025-123"


def test_safe_repr_shortens() -> None:
    assert safe_repr("x" * 200, limit=10) == "'xxxxxxxx…"
    assert safe_repr(3) == "3"


def test_missing_dependency() -> None:
    error = MissingDependencyError("openpyxl", "xlsx", "Reading spreadsheets")
    assert (
        str(error)
        == "Reading spreadsheets needs the optional package 'openpyxl': pip install 'ledarskap[xlsx]'"
    )
    assert (error.package, error.extra, error.feature) == (
        "openpyxl",
        "xlsx",
        "Reading spreadsheets",
    )


def test_unknown_municipality_with_and_without_a_suggestion() -> None:
    with_hint = UnknownMunicipalityError(
        location="kommun", found="Linkopping", suggestion="0580 Linköping"
    )
    assert "(did you mean 0580 Linköping?)" in str(with_hint)
    without = UnknownMunicipalityError(location="kommun", found="X")
    assert without.suggestion is None
    assert "did you mean" not in str(without)


def test_problems() -> None:
    message = "expected a text, found 'anna@berg.example'"
    problem = Problem("$.people[0].email", message, code="type")
    assert str(problem) == "$.people[0].email: expected a text, found 'a…@berg.example'"
    assert repr(problem) == (
        "Problem('$.people[0].email', \"expected a text, found 'a…@berg.example'\", code='type')"
    )
    same = Problem("$.people[0].email", message, code="type")
    assert problem == same
    assert hash(problem) == hash(same)
    assert problem != Problem("$.people[0].email", "other")
    assert problem != "a problem"
    assert Problem("$", "x").code == "invalid"


def test_problems_are_reported_at_once() -> None:
    problems = [
        Problem("$.cohorts[0].end", "expected a date"),
        Problem("$.people[2].id", "expected an id"),
    ]
    error = DocumentError("the document does not match the format", problems, source="program.json")
    assert str(error) == (
        "program.json: the document does not match the format (2 problems)\n"
        "  - $.cohorts[0].end: expected a date\n"
        "  - $.people[2].id: expected an id"
    )
    assert error.problems == tuple(problems)
    assert (error.summary, error.source) == (
        "the document does not match the format",
        "program.json",
    )
    single = RuleError("a rule cannot be loaded", problems[:1])
    assert str(single).startswith("a rule cannot be loaded (1 problem)\n")


class _Record:
    """Stands in for a model instance in the validator tests."""


def _attribute(name: str) -> attrs.Attribute[object]:
    return attrs.Attribute(name, attrs.NOTHING, None, None, True, True, False, False, alias=name)  # type: ignore[call-arg]


def test_validators_that_require_items() -> None:
    with pytest.raises(InvalidValueError, match=r"_Record\.themes: expected at least one item"):
        _checks.items(_checks.text, non_empty=True)(_Record(), _attribute("themes"), ())
    with pytest.raises(InvalidValueError, match=r"_Record\.levels: expected at least one Level"):
        _checks.set_of(str, "Level", non_empty=True)(_Record(), _attribute("levels"), frozenset())
    _checks.items(_checks.text, non_empty=True)(_Record(), _attribute("themes"), ("a",))


@LAWS
@given(lt.personnummer(), st.sampled_from(["{}", "pnr {}!", "{} ", "x{}x"]), st.booleans())
def test_no_personnummer_survives_in_an_error(
    number: Personnummer, frame: str, short: bool
) -> None:
    """An error about a value holding a personnummer never shows the number, in any spelling."""
    digits = number.reveal()
    spelled = digits[2:] if short else digits
    text = frame.format(spelled)
    error = InvalidValueError(location="Person.phone", expected="a phone number", found=text)
    for shown in (str(error), repr(error), error.found):
        assert digits[2:8] not in shown
        assert digits.replace("-", "")[2:] not in shown


@LAWS
@given(st.text(alphabet="0123456789-+X ", min_size=8, max_size=16))
def test_an_invalid_personnummer_is_never_echoed(text: str) -> None:
    """A number that fails to validate shows no five digits of it in a row in its error."""
    try:
        Personnummer(text)
    except InvalidPersonnummerError as error:
        found = str(error).partition("found ")[2]
        runs = {text[i : i + 5] for i in range(len(text) - 4) if text[i : i + 5].isdigit()}
        assert not any(run in found for run in runs)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("anna.berg@linkoping.se", "a…@linkoping.se"),
        ("found 'anna.berg@'", "found 'a…@'"),
        ("found 'lars.nilsson@example'", "found 'l…@example'"),
        ("<@kommun.se>", "<…@kommun.se>"),
        ("expected one @, a dot in the domain", "expected one @, a dot in the domain"),
    ],
)
def test_malformed_addresses_are_masked_too(text: str, masked: str) -> None:
    """An address mistyped in a file is as personal as a correct one; a lone @ is not one."""
    assert mask_personal_data(text) == masked


@given(
    local=st.from_regex(r"[a-z][a-z.]{2,12}", fullmatch=True),
    domain=st.sampled_from(["", "x", "kommun.se"]),
)
def test_no_address_survives_in_an_email_error(local: str, domain: str) -> None:
    """Law: whatever was typed as an e-mail address, the error shows at most its first letter."""
    address = f"{local}@{domain}"
    with pytest.raises(InvalidValueError) as caught:
        Person(id="p-1", given_name="Anna", family_name="Berg", email=f"{address} x")
    assert address not in str(caught.value)
    assert f"{local[:1]}…@{domain}" in str(caught.value)


@pytest.mark.parametrize(
    "text", ["anna.berg@", "@kommun.se", "<@kommun.se>", "x@y@z", "a.b@c.se 19850312-2395"]
)
def test_masking_is_idempotent(text: str) -> None:
    """Masked text masked again is unchanged (the sweeps rely on it)."""
    once = mask_personal_data(text)
    assert mask_personal_data(once) == once


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("1985-03-12-2395", "19XXXXXX-XX95"),
        ("19850312:2395", "19XXXXXX-XX95"),
        ("85 03 12 23 95", "XXXXXX-XX95"),
        ("19850312-23951", "19XXXXXX-XX51"),
        ("1985031223951", "19XXXXXX-XX51"),
        ("id 19850312 2395 x", "id 19XXXXXX-XX95 x"),
        ("1" * 40, "…"),
        ("2025-09-01 och 850312", "2025-09-01 och 850312"),
        ("19850312 - 2395", "19XXXXXX-XX95"),
        ("2025-09-01 - 2026-06-30", "2025-09-01 - 2026-06-30"),
    ],
)
def test_every_spelling_and_near_miss_of_a_personnummer_is_masked(text: str, masked: str) -> None:
    """Every spelling the library accepts, and near misses with a digit too many, are masked."""
    assert mask_personal_data(text) == masked


@given(
    digits=st.from_regex(r"[0-9]{10,13}", fullmatch=True),
    separators=st.lists(st.sampled_from(["", "-", "+", ":", " "]), min_size=13, max_size=13),
)
def test_no_run_of_ten_digits_survives_masking(digits: str, separators: list[str]) -> None:
    """Law: ten digits or more, with any one separator between any two, never survive masking."""
    text = "".join(d + s for d, s in zip(digits, separators, strict=False)).strip("-+: ")
    masked = mask_personal_data(f"found '{text}'")
    assert not re.search(r"\d(?:[-+: ]?\d){4}", masked)


def test_a_lone_surrogate_is_shown_as_its_escape() -> None:
    """A file name that is not UTF-8 holds lone surrogates (os.fsdecode): every message that
    shows one can still be written out, as UTF-8 or to a terminal."""
    assert mask_personal_data("/tmp/\udcff.json") == "/tmp/\\udcff.json"
    error = FileAccessError("/tmp/\udcff-19850312-2395.json", "read", "No such file")
    assert str(error) == "/tmp/\\udcff-19XXXXXX-XX95.json: cannot read: No such file"
    assert error.path == "/tmp/\udcff-19850312-2395.json"  # as given, for the tool
    problem = Problem("", "m", source="\ud800.csv")
    str(problem).encode("utf-8")
    assert problem.source == "\\ud800.csv"


@pytest.mark.parametrize(
    "text",
    ["19850312.2395", "19850312/2395", "19850312_2395", "19850312\t2395", "850312 / 2395"],
)
def test_what_people_write_between_the_parts_still_separates(text: str) -> None:
    """A dot, a slash, an underscore or a tab between the parts: an id or a cell may be
    written so, and python-stdnum reads none of them; the number is masked all the same."""
    shown = mask_personal_data(f"id {text}.")
    assert shown.endswith("XX95.")
    assert "0312" not in shown


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("/tmp/a0/19850312-2395", "/tmp/a0/19XXXXXX-XX95"),
        ("/a/1/850312-2395.json", "/a/1/XXXXXX-XX95.json"),
        ("/tmp/x1/2025-09-01–2026-06-30", "/tmp/x1/2025-09-01–2026-06-30"),
        ("x_198503122395_7", "x_19XXXXXX-XX57"),  # not a whole number last: masked whole
        ("12345678/19850312-2395", "…"),  # 12345678/19 would be ten digits in a row
        ("19850312-23.95", "19XXXXXX-XX95"),  # cut inside: no more than its last two shown
        ("1985031223/95", "19XXXXXX-XX95"),
        ("/home/u/19850312-23.95.pdf", "/home/u/19XXXXXX-XX95.pdf"),
    ],
)
def test_a_number_before_a_personnummer_in_a_path_is_kept_apart(text: str, masked: str) -> None:
    """A number before a slash is not made part of the personnummer after it (a path, an
    id); a personnummer cut by such a separator is masked whole, its last two digits alone
    shown."""
    assert mask_personal_data(text) == masked


_DATE_TEXTS = st.dates().map(str)


@given(
    pieces=st.lists(
        st.from_regex(r"[0-9]{1,13}", fullmatch=True) | _DATE_TEXTS, min_size=1, max_size=6
    ),
    separators=st.lists(
        st.sampled_from([".", "/", "_", "\t", "-", " ", "//", "–", "\u3000", "a"]), min_size=6
    ),
)
def test_digits_joined_any_way_never_leave_ten_in_a_row(
    pieces: list[str], separators: list[str]
) -> None:
    """Law: masking is idempotent, and no ten digits stand in a row (whatever joins them)
    but periods of dates, which are shown."""
    text = "".join(p + s for p, s in zip(pieces, separators, strict=False)) + "."
    masked = mask_personal_data(text)
    assert mask_personal_data(masked) == masked
    between = r"[-+: ./_\t–\u3000]"
    date = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    without_periods = re.sub(f"{date}(?:{between}+{date})+", "#", masked)
    assert not re.search(rf"\d(?:{between}*\d){{9}}", without_periods)


@pytest.mark.parametrize("at", ["\uff20", "\ufe6b"])
def test_a_full_width_at_sign_is_an_at_sign(at: str) -> None:
    assert mask_personal_data(f"mail anna.berg{at}linkoping.se") == "mail a…@linkoping.se"


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("email", "anna.berg @ linkoping.se", "a…@ linkoping.se"),
        ("email", "anna.berg\uff20linkoping.se", "a…@linkoping.se"),
        ("email", "anna.berg", "XXXX.XXrg"),
        ("personnummer", "850312-239", "XXXXXX-X39"),
        ("personnummer", "19850312.2395", "19XXXXXX-XX95"),
        ("phone", "070-123 45 67", "XXXXXX-XX67"),
        ("title", "Socialchef 19850312-2395", "Socialchef 19XXXXXX-XX95"),
    ],
)
def test_a_personal_field_is_masked_whole(field: str, value: str, shown: str) -> None:
    assert mask_field(field, value) == shown


@pytest.mark.parametrize("between", [chr(0xDC96), "\ufffd", chr(0xDC96) + chr(0xDC97)])
def test_a_separator_read_in_the_wrong_encoding_still_separates(between: str) -> None:
    """A Windows-1252 dash read as UTF-8 is a lone surrogate (surrogateescape) or U+FFFD:
    the number around it is masked all the same, before the surrogate is escaped."""
    shown = mask_personal_data(f"kolumn 850312{between}2395")
    assert shown.startswith("kolumn XXXXXX")
    assert shown.endswith("XX95")
    assert "850312" not in shown


def test_a_path_is_shown_in_at_most_1000_characters() -> None:
    """A message stays bounded whatever path it is given: the middle of a long one is cut,
    its start and its file's name are kept."""
    path = "/tmp/" + "x" * 5000 + "/19850312-2395.json"
    error = FileAccessError(path, "read", "File name too long")
    shown = str(error).partition(": cannot read")[0]
    assert len(shown) == 1000
    assert shown.startswith("/tmp/xxx")
    assert shown.endswith("/19XXXXXX-XX95.json")
    failed = DocumentError("bad", [Problem("", "m", source=path)], source=path)
    assert len(str(failed)) < 2100


@pytest.mark.parametrize("at", range(190, 206))
def test_a_cut_through_a_personnummer_never_shows_it(at: int) -> None:
    """A long path is masked before it is cut: a cut through a personnummer would leave
    each half too short to be known for one."""
    path = "a" * (at - 5) + "19850312-2395" + "b" * 1200
    shown = str(FileAccessError(path, "read", "File name too long"))
    assert "0312" not in shown
    assert "-2395" not in shown


def test_a_problem_in_swedish_and_english() -> None:
    problem = Problem(
        "$.x",
        Text(
            "förväntade en kommun, fick 19850312-2395",
            "expected a municipality, found 19850312-2395",
        ),
        source="deltagare.csv",
        row=5,
        column="Kommun",
        hint=Text("menade du 'Linköping'?", "did you mean 'Linköping'?"),
    )
    assert problem.render("sv") == (
        "deltagare.csv, rad 5: $.x, kolumn 'Kommun': förväntade en kommun, fick 19XXXXXX-XX95 "
        "(menade du 'Linköping'?)"
    )
    assert str(problem) == problem.render("en")
    assert problem.message == "expected a municipality, found 19XXXXXX-XX95"
    assert Problem("", "x", line=3).location_in("sv") == "rad 3"
    assert Problem("", "x").location_in("sv") == "(översta nivån)"


def test_a_problem_without_swedish_is_english_whole() -> None:
    """A message given in English alone, or with a hint in English alone, is never half Swedish."""
    assert Problem("p", "expected x").message_in("sv") == "expected x"
    half = Problem("p", Text("förväntade x", "expected x"), hint="did you mean y?")
    assert half.message_in("sv") == "expected x (did you mean y?)"


def test_problems_in_swedish() -> None:
    problems = Problems(source="r.toml")
    problems.add("rules[0]", Text("förväntade en text", "expected a text"), line=2)
    problems.add("rules[1]", Text("förväntade en text", "expected a text"), line=4)
    with pytest.raises(RuleError) as caught:
        problems.raise_if_any(RuleError, Text("ogiltig regeluppsättning", "invalid rule set"))
    assert caught.value.render("sv") == (
        "r.toml: ogiltig regeluppsättning (2 problem)\n"
        "  - r.toml:2: rules[0]: förväntade en text\n"
        "  - r.toml:4: rules[1]: förväntade en text"
    )
    assert caught.value.render("en") == str(caught.value)
    assert str(caught.value).startswith("r.toml: invalid rule set (2 problems)")
    assert caught.value.summary == "invalid rule set"


def test_errors_in_swedish_are_masked_and_the_language_checked() -> None:
    error = UsageError(Text("ingen 19850312-2395 här", "no 19850312-2395 here"))
    assert error.render("sv") == "ingen 19XXXXXX-XX95 här"
    assert str(error) == "no 19XXXXXX-XX95 here"
    assert UsageError("English alone").render("sv") == "English alone"
    with pytest.raises(InvalidValueError):
        error.render("de")  # type: ignore[arg-type]


def test_a_value_error_in_swedish() -> None:
    error = InvalidValueError(
        location="Cohort.end",
        expected=Text("ett datum", "a date"),
        found="x",
        hint=Text("menade du y?", "did you mean y?"),
    )
    assert error.render("sv") == "Cohort.end: förväntade ett datum, fick 'x' (menade du y?)"
    assert (error.expected, error.hint) == ("a date", "did you mean y?")
    unknown = UnknownMunicipalityError(
        location="m", found="Linkopping", suggestion="0580 Linköping"
    )
    assert unknown.render("sv") == (
        "m: förväntade en av Sveriges 290 kommunkoder eller kommunnamn, fick 'Linkopping' "
        "(menade du 0580 Linköping?)"
    )
    missing = MissingDependencyError("scipy", "matching", Text("Parning", "Pairing"))
    assert missing.render("sv") == (
        "Parning behöver tilläggspaketet 'scipy': pip install 'ledarskap[matching]'"
    )


def test_a_language_neither_swedish_nor_english_is_refused_in_either() -> None:
    with pytest.raises(InvalidValueError) as caught:
        checked_language("de")
    assert caught.value.render("sv") == "language: förväntade 'sv' eller 'en', fick 'de'"
    assert str(caught.value) == "language: expected 'sv' or 'en', found 'de'"


def test_a_location_in_words_is_worded_in_both_languages() -> None:
    error = InvalidValueError(
        location=Text("tabellen participants", "the participants table"),
        expected=Text("en av kolumnerna", "one of the columns"),
        found="kommun",
    )
    assert str(error) == "the participants table: expected one of the columns, found 'kommun'"
    assert error.render("sv") == "tabellen participants: förväntade en av kolumnerna, fick 'kommun'"
    assert error.location == "the participants table"


_FILE_ERRNOS = [
    "ENOENT",
    "EACCES",
    "EPERM",
    "EISDIR",
    "ENOTDIR",
    "EEXIST",
    "ENOTEMPTY",
    "ENOSPC",
    "EDQUOT",
    "EROFS",
    "EFBIG",
    "ENAMETOOLONG",
    "ELOOP",
    "EBUSY",
    "ETXTBSY",
    "EAGAIN",
    "EIO",
    "EMFILE",
    "ENFILE",
    "ENOMEM",
    "EINVAL",
    "EXDEV",
    "ENXIO",
    "ENODEV",
    "EOPNOTSUPP",
    "ESTALE",
    "EINTR",
    "EPIPE",
    "ETIMEDOUT",
    "EBADF",
]


@pytest.mark.skipif(sys.platform != "linux", reason="the reasons as Linux words them")
@pytest.mark.parametrize("name", _FILE_ERRNOS)
def test_every_reason_a_file_may_meet_is_said_in_swedish(name: str) -> None:
    """What the operating system says of a file read or written, in Swedish too."""
    reason = os.strerror(getattr(errno, name))
    error = FileAccessError("a.json", "write", reason)
    assert str(error) == f"a.json: cannot write: {reason}"
    swedish = error.render("sv")
    assert swedish.startswith("a.json: kan inte skriva: ")
    assert reason not in swedish


_READERS: dict[str, Callable[[str], object]] = {
    "load": ledarskap.load,
    "load_ruleset": ledarskap.load_ruleset,
    "load_cases": ledarskap.load_cases,
    "PseudonymKey.from_file": PseudonymKey.from_file,
    "dump": lambda path: ledarskap.dump(ledarskap.example_program(), path),
}


@pytest.mark.parametrize("use", _READERS.values(), ids=_READERS.keys())
def test_a_missing_file_keeps_the_operating_systems_errno(
    use: Callable[[str], object], tmp_path: Path
) -> None:
    """As around ``open()``: ``errno``, ``strerror`` and the path as given, whatever reads it."""
    path = os.path.join(tmp_path, "no folder 19850312-2395", "program.json")
    with pytest.raises(FileAccessError) as caught:
        use(path)
    error = caught.value
    assert (error.errno, error.strerror) == (errno.ENOENT, os.strerror(errno.ENOENT))
    assert error.filename == error.path == path
    assert "19850312-2395" not in str(error)  # the message masked as before
    assert str(error).endswith(
        f"no folder 19XXXXXX-XX95{os.sep}program.json: cannot {error.action}: {error.strerror}"
    )
    assert not isinstance(error, FileNotFoundError)  # one class, told apart by errno


def test_a_folder_is_eisdir_and_a_refusal_of_the_librarys_has_no_number(tmp_path: Path) -> None:
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(FileAccessError) as read:
        ledarskap.load(tmp_path / "folder.json")
    assert read.value.errno == errno.EISDIR
    (tmp_path / "program.json").mkdir()
    with pytest.raises(FileAccessError, match="it is a folder, not a file") as written:
        ledarskap.dump(ledarskap.example_program(), tmp_path / "program.json")
    assert (written.value.errno, written.value.strerror) == (None, "it is a folder, not a file")
    assert written.value.filename == str(tmp_path / "program.json")


def test_errno_is_the_one_given() -> None:
    assert FileAccessError("a.json", "read", "No such file or directory").errno is None
    given = FileAccessError("a.json", "read", "No such file or directory", errno=errno.ENOENT)
    assert (given.errno, given.strerror, given.filename) == (
        errno.ENOENT,
        "No such file or directory",
        "a.json",
    )
    assert str(given) == "a.json: cannot read: No such file or directory"  # not "[Errno 2] …"
    try:
        raise PermissionError(errno.EACCES, "Permission denied", "a.json")
    except OSError as exc:
        unsaid = FileAccessError("a.json", "write", exc.strerror or "")
    assert unsaid.errno is None  # never guessed from the error being handled
    conflict = ConflictError("a.json", "r-1", None)
    assert (conflict.errno, conflict.filename) == (None, "a.json")
