"""Every error of the library pickles and copies whole, so that it crosses process pools.

Python rebuilds an exception as ``cls(*args)``; the library's errors are made with
keyword-only arguments and keep the message alone in ``args``, so they are rebuilt without
their constructor (:meth:`ledarskap.errors.LedarskapError.__reduce__`). The examples below
cover every subclass of :class:`~ledarskap.errors.LedarskapError` in the package, found by
walking the class tree: a new error fails here until it has an example.
"""

from __future__ import annotations

import concurrent.futures
import copy
import errno
import importlib
import multiprocessing
import pickle
import pkgutil
from collections.abc import Callable

import pytest

import ledarskap
import ledarskap.io.documents
import ledarskap.model
from ledarskap._found import FieldError
from ledarskap.errors import (
    ConflictError,
    DocumentError,
    FileAccessError,
    FormatVersionError,
    InvalidPersonnummerError,
    InvalidValueError,
    LedarskapError,
    MissingDependencyError,
    Problem,
    ProblemsError,
    RuleError,
    UnknownMunicipalityError,
    UnknownReferenceError,
    UsageError,
)
from ledarskap.io.rulecases import run_cases_text
from ledarskap.pytest_plugin import RuleCaseError
from ledarskap.text import Text
from ledarskap.validation import Finding, ValidationError, ValidationReport

_PNR = "19850312-2395"  # masked in every message: a masked message must come back masked


def _file_access_error() -> FileAccessError:
    try:
        open(f"nowhere-{_PNR}/program.json", "rb").close()  # it fails
    except OSError as exc:
        return FileAccessError(
            f"nowhere-{_PNR}/program.json", "read", exc.strerror or "", errno=exc.errno
        )
    raise AssertionError("the file is there")  # pragma: no cover


def _problems() -> list[Problem]:
    return [
        Problem(
            "rules[0].when",
            Text("okänt namn 'nope'", "unknown name 'nope'"),
            code="unknown-name",
            source="demo.toml",
            line=7,
            hint=Text("menade du 'now'?", "did you mean 'now'?"),
        ),
        Problem("", f"a personnummer {_PNR} in a cell", source="deltagare.csv", row=3, column=2),
    ]


EXAMPLES: dict[type[LedarskapError], Callable[[], LedarskapError]] = {
    LedarskapError: lambda: LedarskapError(Text(f"ett fel i {_PNR}", f"an error in {_PNR}")),
    MissingDependencyError: lambda: MissingDependencyError(
        "scipy", "matching", Text("Parning", "Pairing")
    ),
    FileAccessError: _file_access_error,
    ConflictError: lambda: ConflictError("program.json", "r-1", "r-2"),
    UsageError: lambda: UsageError(Text("ange ett datum", "give a date")),
    InvalidValueError: lambda: InvalidValueError(
        location="Cohort.end",
        expected=Text("ett datum", "a date"),
        found=_PNR,
        hint=Text("menade du 2026?", "did you mean 2026?"),
    ),
    InvalidPersonnummerError: lambda: InvalidPersonnummerError(
        location="Person.personnummer", expected="a valid personnummer", found=_PNR
    ),
    UnknownMunicipalityError: lambda: UnknownMunicipalityError(
        location="municipality", found="Norrkåping", suggestion="0581 Norrköping"
    ),
    UnknownReferenceError: lambda: UnknownReferenceError(
        location="Mentorship.cohort_id",
        expected=Text("en omgång", "a cohort"),
        found="c-9",
    ),
    ProblemsError: lambda: ProblemsError(
        Text("felaktiga data", "invalid data"), _problems(), source=f"{_PNR}.toml"
    ),
    DocumentError: lambda: DocumentError("the document does not match", _problems()),
    FormatVersionError: lambda: FormatVersionError("a newer format", _problems()[:1]),
    RuleError: lambda: RuleError(Text("ogiltig regeluppsättning", "invalid rule set"), _problems()),
    ValidationError: lambda: ValidationError(
        ValidationReport(
            [
                Finding.of(
                    "adept.no-mentor", "participants[3]", "d-4", participant="d-4", cohort="c-1"
                )
            ]
        ),
        language="sv",
    ),
    FieldError: lambda: FieldError(
        Text("ett heltal", "a whole number"), "3", code="type", hint=Text("3?", "3?")
    ),
}
"""An example of every error the library has (with Swedish, problems, masking where it can)."""


def _library_errors() -> list[type[LedarskapError]]:
    """Every subclass of LedarskapError defined in the package, every module of it imported."""
    for module in pkgutil.walk_packages(ledarskap.__path__, "ledarskap."):
        if module.name != "ledarskap.__main__":
            importlib.import_module(module.name)
    found: set[type[LedarskapError]] = set()
    todo: list[type[LedarskapError]] = [LedarskapError]
    while todo:
        cls = todo.pop()
        if cls.__module__.partition(".")[0] == "ledarskap":  # not a test's own subclass
            found.add(cls)
        todo += cls.__subclasses__()
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


ERRORS = _library_errors()


def _state(value: object) -> object:
    """*value* as comparable data: an object without an ``__eq__`` of its own, by its fields."""
    if isinstance(value, (tuple, list)):
        return [_state(item) for item in value]
    if isinstance(value, dict):
        return {key: _state(item) for key, item in value.items()}
    if type(value).__eq__ is object.__eq__:
        slots = [name for cls in type(value).__mro__ for name in getattr(cls, "__slots__", ())]
        fields = {name: getattr(value, name) for name in slots if hasattr(value, name)}
        return (type(value), _state({**fields, **getattr(value, "__dict__", {})}))
    return value


def _assert_same(again: BaseException, error: BaseException) -> None:
    assert type(again) is type(error)
    assert again is not error
    assert again.args == error.args
    assert str(again) == str(error)
    assert repr(again) == repr(error)
    assert _state(vars(again)) == _state(vars(error))  # attributes, notes, Swedish
    if isinstance(error, LedarskapError):
        assert isinstance(again, LedarskapError)
        assert again.render("sv") == error.render("sv")
        assert again.render("en") == error.render("en")
    if isinstance(error, OSError):
        assert isinstance(again, OSError)
        assert (again.errno, again.strerror, again.filename, again.filename2) == (
            error.errno,
            error.strerror,
            error.filename,
            error.filename2,
        )
    if isinstance(error, ImportError):
        assert isinstance(again, ImportError)
        assert (again.msg, again.name, again.path) == (error.msg, error.name, error.path)


def test_every_error_has_an_example() -> None:
    """The examples name every error of the package, and only those."""
    assert set(EXAMPLES) == set(ERRORS)


@pytest.mark.parametrize("cls", ERRORS, ids=lambda cls: cls.__qualname__)
def test_an_error_pickles_and_copies_whole(cls: type[LedarskapError]) -> None:
    """pickle, copy and deepcopy give an error of the same class, message, Swedish and attributes."""
    example = EXAMPLES.get(cls)
    assert example is not None, f"add an example of {cls.__qualname__} to EXAMPLES"
    error = example()
    assert type(error) is cls
    error.add_note("a note kept")
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):  # 0 and 1 pickle no slots
        _assert_same(pickle.loads(pickle.dumps(error, protocol)), error)
    _assert_same(copy.copy(error), error)
    _assert_same(copy.deepcopy(error), error)
    assert _PNR not in str(pickle.loads(pickle.dumps(error)))


def test_problems_come_back_equal() -> None:
    error = EXAMPLES[RuleError]()
    assert isinstance(error, RuleError)
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems
    assert (again.summary, again.summary_sv, again.source) == (
        error.summary,
        error.summary_sv,
        error.source,
    )


def test_a_file_error_keeps_its_errno_when_pickled() -> None:
    again = pickle.loads(pickle.dumps(_file_access_error()))
    assert again.errno == errno.ENOENT
    assert again.filename == f"nowhere-{_PNR}/program.json"
    assert (
        str(again) == "nowhere-19XXXXXX-XX95/program.json: cannot read: No such file or directory"
    )


def test_a_failed_rule_case_pickles_whole() -> None:
    """The pytest plugin's assertion error, made from a case result, comes back with it."""
    report = run_cases_text(
        'format = "ledarskap.rule-cases/1"\nruleset = "default"\n'
        f'[[case]]\nname = "{_PNR}"\nas_of = 2025-09-01\noutcome = "eligible"\n'
        '[case.applicant]\nmunicipality = "Linköping"\ntitle = "Kock"\n'
    )
    error = RuleCaseError(report.failed[0])
    error.add_note("a note kept")
    for again in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):
        _assert_same(again, error)
        assert again.result == error.result


def test_an_error_raised_in_a_worker_process_reaches_the_caller() -> None:
    """A ProcessPoolExecutor's caller catches the library's error, message and attributes intact.

    Before errors pickled, the pool broke (``BrokenProcessPool``) and the message was lost.
    A fresh interpreter (``spawn``) is the worker: what it sends back is all there is.
    """
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        unknown = pool.submit(ledarskap.model.municipality, "Norrkåping")
        missing = pool.submit(ledarskap.io.documents.load, "nowhere/program.json")
        with pytest.raises(UnknownMunicipalityError) as raised:
            unknown.result(timeout=60)
        with pytest.raises(FileAccessError) as failed:
            missing.result(timeout=60)
    assert str(raised.value) == (
        "municipality: expected one of Sweden's 290 municipality codes or names, "
        "found 'Norrkåping' (did you mean 0581 Norrköping?)"
    )
    assert raised.value.render("sv").startswith("municipality: förväntade en av Sveriges 290")
    assert raised.value.suggestion == "0581 Norrköping"
    assert str(failed.value) == "nowhere/program.json: cannot read: No such file or directory"
    assert (failed.value.errno, failed.value.path) == (errno.ENOENT, "nowhere/program.json")
