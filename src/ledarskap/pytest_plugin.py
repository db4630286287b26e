"""The pytest plugin: rule test-case files run as tests, one pytest item per case.

Installing ``ledarskap`` registers this plugin (entry point ``pytest11``, name
``ledarskap``). It collects files named ``test_*.rules.toml`` and ``test_*.rules.json``
(see :mod:`ledarskap.io.rulecases` for their format): each case becomes an item whose node
id ends in the case's name (personal data masked, as in every report), and a failing case prints what
was expected, what was decided and the decision tree in Swedish and English. A case file that cannot be read is a
collection error that names the file, the case and the key.

Options:

``--rule-coverage``
    After the run, list per rule set the clauses that no case saw both true and false
    (decision coverage), and the rules no case evaluated.
``--rule-coverage-fail-under PERCENT``
    Fail the run when a rule set's decision coverage is below *PERCENT* (implies
    ``--rule-coverage``); a rule version no case evaluated counts as a clause not covered.
``--rule-language {sv,en,both}``
    The language(s) of the decision printed for a failing case (default ``both``).
``rule_case_files`` (ini)
    The file name patterns collected (default ``test_*.rules.toml test_*.rules.json``).
``rule_registry`` (ini)
    ``module:name`` of a :class:`~ledarskap.eligibility.PredicateRegistry` (or a function
    returning one) that rule sets with predicates of their own are checked against.

Disable the plugin with ``-p no:ledarskap``. Loading it costs nothing beyond
``import ledarskap``: the rules and file formats are imported when a case file is found.

.. versionadded:: 0.2
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from math import floor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from ledarskap.errors import LedarskapError, ProblemsError, mask_personal_data
from ledarskap.text import LANGUAGES, checked_language

if TYPE_CHECKING:
    from ledarskap.eligibility import PredicateRegistry
    from ledarskap.io.rulecases import CaseFile, CaseResult, RuleCase
    from ledarskap.io.rulecoverage import DecisionCoverage

__all__ = ["RuleCaseError", "RuleCaseFile", "RuleCaseItem"]

_PATTERNS = ("test_*.rules.toml", "test_*.rules.json")
_COVERAGE: pytest.StashKey[DecisionCoverage] = pytest.StashKey()
_RULESETS: pytest.StashKey[dict[Any, Any]] = pytest.StashKey()
_REGISTRY: pytest.StashKey[PredicateRegistry | None] = pytest.StashKey()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add the options and ini keys listed in the module's docstring."""
    group = parser.getgroup("ledarskap", "ledarskap rule test cases")
    group.addoption(
        "--rule-coverage",
        action="store_true",
        default=False,
        help="report rule clauses no case saw both true and false (decision coverage)",
    )
    group.addoption(
        "--rule-coverage-fail-under",
        type=float,
        default=None,
        metavar="PERCENT",
        help="fail if a rule set's decision coverage is below PERCENT (implies --rule-coverage)",
    )
    group.addoption(
        "--rule-language",
        choices=("sv", "en", "both"),
        default="both",
        help="language of the decision printed for a failing rule case (default: both)",
    )
    parser.addini(
        "rule_case_files",
        type="args",
        default=list(_PATTERNS),
        help="file name patterns of rule test-case files (default: test_*.rules.toml "
        "test_*.rules.json)",
    )
    parser.addini(
        "rule_registry",
        type="string",
        default="",
        help="module:name of the PredicateRegistry (or a function returning one) that rule "
        "sets are checked against (default: the built-in predicates)",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> RuleCaseFile | None:
    """Collect rule test-case files; leave every other file alone."""
    patterns = parent.config.getini("rule_case_files")
    if any(fnmatch.fnmatchcase(file_path.name, pattern) for pattern in patterns):
        return RuleCaseFile.from_parent(parent, path=file_path)
    return None


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    """Report the decision coverage of every rule set tested, and each one below the mark."""
    coverage = config.stash.get(_COVERAGE, None)
    if not _measures_coverage(config) or coverage is None:
        return
    terminalreporter.write_sep("=", "rule decision coverage")
    for line in coverage.report().splitlines():
        terminalreporter.write_line(line)
    for name, percent in _below(config, coverage).items():
        required = config.getoption("rule_coverage_fail_under")
        terminalreporter.write_line(
            f"FAIL: the decision coverage of rule set {name} is {floor(percent)}%, "
            f"below the required {required:g}%",
            red=True,
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With ``--rule-coverage-fail-under``, a coverage below the mark fails the run."""
    coverage = session.config.stash.get(_COVERAGE, None)
    if (
        coverage is not None
        and exitstatus == pytest.ExitCode.OK
        and _below(session.config, coverage)
    ):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _measures_coverage(config: pytest.Config) -> bool:
    return bool(config.getoption("rule_coverage")) or (
        config.getoption("rule_coverage_fail_under") is not None
    )


def _below(config: pytest.Config, coverage: DecisionCoverage) -> dict[str, float]:
    required = config.getoption("rule_coverage_fail_under")
    if required is None:
        return {}
    return {name: p for name, p in coverage.percentages().items() if p < required}


class RuleCaseError(AssertionError):
    """A rule case whose decision differs from what the case expects."""

    def __init__(self, result: CaseResult) -> None:
        self.result = result
        super().__init__(mask_personal_data("; ".join(result.failures)))

    def __reduce__(self) -> tuple[type[RuleCaseError], tuple[CaseResult], dict[str, object]]:
        # Python would rebuild it from its message alone, which is no CaseResult.
        return (type(self), (self.result,), dict(vars(self)))


class RuleCaseFile(pytest.File):
    """A rule test-case file: its cases, read and checked whole before any runs."""

    def collect(self) -> Iterator[RuleCaseItem]:
        """One item per case; a file that cannot be read is one clear collection error."""
        from ledarskap.io.rulecases import load_cases

        cache = self.config.stash.setdefault(_RULESETS, {})
        registry = self._registry()
        try:
            case_file = load_cases(self.path, registry=registry, ruleset_cache=cache)
        except ProblemsError as exc:
            raise self.CollectError(str(exc)) from None
        names: set[str] = set()
        for index, case in enumerate(case_file.cases):
            # The name is in the node id, the failure's header and the summary: masked, and
            # told apart by its place if masking makes two names one.
            name = mask_personal_data(case.name)
            name = f"{name} (case[{index}])" if name in names else name
            names.add(name)
            yield RuleCaseItem.from_parent(self, name=name, case_file=case_file, case=case)

    def _registry(self) -> PredicateRegistry | None:
        """The registry named by the ini setting ``rule_registry``, imported once."""
        if _REGISTRY in self.config.stash:
            return self.config.stash[_REGISTRY]
        spec = self.config.getini("rule_registry")
        registry = None
        if spec:
            from ledarskap.eligibility._vocabulary import registry_named

            try:
                registry = registry_named(spec)
            except LedarskapError as error:
                raise self.CollectError(f"rule_registry = {spec!r}: {error}") from None
        self.config.stash[_REGISTRY] = registry
        return registry


class RuleCaseItem(pytest.Item):
    """One rule case: evaluate the applicant, compare the decision with the expectation."""

    def __init__(self, *, case_file: CaseFile, case: RuleCase, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case_file = case_file
        self.case = case
        if case.skip is not None:
            self.add_marker(pytest.mark.skip(reason=case.skip))
        if case.xfail is not None:
            self.add_marker(pytest.mark.xfail(reason=case.xfail, raises=RuleCaseError, strict=True))

    def runtest(self) -> None:
        """Decide the case; record the decision for coverage; fail on any difference."""
        result = self.case_file.run(self.case)
        if _measures_coverage(self.config):
            from ledarskap.io.rulecoverage import DecisionCoverage

            coverage = self.config.stash.get(_COVERAGE, None)
            if coverage is None:
                coverage = self.config.stash[_COVERAGE] = DecisionCoverage()
            coverage.add(self.case_file, result.decision)
        if not result.passed:
            raise RuleCaseError(result)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | Any:
        """The case's differences and its decision tree, not a Python traceback."""
        if isinstance(excinfo.value, RuleCaseError):
            option = self.config.getoption("rule_language")
            languages = LANGUAGES if option == "both" else (checked_language(option),)
            return excinfo.value.result.explain(languages=languages)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the case is: the file, its line (0-based), and "rule case: <name>" (masked)."""
        line = None if self.case.line is None else self.case.line - 1
        return self.path, line, f"rule case: {self.name}"
