"""Rule test cases: applicants with the decision each must get, in a TOML or JSON file.

A rule author checks a rule set the way OpenFisca's authors check a formula: with cases.
A case file names the rule set under test and lists cases, each an applicant's facts on a
date and the decision expected. :func:`load_cases` reads and checks a whole file (every
problem at once, each naming the case and the key); :func:`run_cases` decides every case
and returns a :class:`CaseReport`. The pytest plugin (:mod:`ledarskap.pytest_plugin`) runs
files named ``test_*.rules.toml`` the same way, one test per case.

The format (TOML shown; JSON has the same keys, dates as ``"YYYY-MM-DD"`` text)::

    format = "ledarskap.rule-cases/1"  # optional; checked when present
    ruleset = "default"                # or a rule-set file, relative to this file

    [defaults]                         # optional: what every case starts from
    as_of = 2025-09-01
    collaborating = ["Linköping", "Norrköping", "Motala"]

    [[case]]
    name = "IT-chef leading a staff function at the kommunledningskontor"
    as_of = 2025-09-01                 # required, here or in [defaults]
    outcome = "eligible"               # eligible | not-eligible | undetermined
    [case.applicant]                   # the fields of Application, as in a program document
    municipality = "Linköping"         # a name or an SCB code
    title = "IT-chef"                  # position: a slug or a title ("HR-direktör")
    organisation_kind = "central-administration"
    reports_to = []                    # [] is "reports to no political body"
    leads_staff_function = true
    staff_function = "it"

A case's keys: ``name`` (unique in the file), ``as_of``, ``outcome``, ``applicant``, and
optionally ``description``; ``collaborating`` (the cohort's collaborating municipalities)
or ``cohort = {program = "program.toml", id = "c-2025"}`` (a cohort of a program document,
``program = "example"`` for :func:`ledarskap.example_program`); ``reasons``, ``warnings``
(the codes of the decision's reasons and warnings: the exact set, in any order) and
``missing`` (the facts reported missing); ``skip`` or ``xfail`` with a reason. A fact left
out of ``applicant`` is unknown, never "no". ``reports_to`` takes bodies as tables
(``{name = "Socialnämnden", kind = "namnd"}``) or as names whose kind the name tells
("Socialnämnden", "Kommunstyrelsen", "Styrelsen för Tekniska verken AB"). The ids and the
date an application needs are filled in (``submitted`` is ``as_of``).

>>> from ledarskap.io.rulecases import run_cases_text
>>> report = run_cases_text('''
... ruleset = "default"
... [[case]]
... name = "kommunchef"
... as_of = 2025-09-01
... collaborating = ["Linköping"]
... outcome = "not-eligible"
... applicant = {municipality = "Linköping", title = "Kommunchef", reports_to = ["Kommunstyrelsen"]}
... ''')
>>> print(report)
1 case, 1 passed, 0 failed
  passed  kommunchef: Inte behörig: ...

.. versionadded:: 0.2
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ledarskap.errors import (
    DocumentError,
    Problem,
)
from ledarskap.model import (
    Application,
    Cohort,
    Language,
    ProgramData,
)

if TYPE_CHECKING:
    from ledarskap.eligibility import Decision, Outcome, PredicateRegistry, RuleSet

__all__ = [
    "CASES_FORMAT",
    "CaseFile",
    "CaseReport",
    "CaseResult",
    "ClauseCoverage",
    "DecisionCoverage",
    "RuleCase",
    "load_cases",
    "load_cases_text",
    "record_cases",
    "run_cases",
    "run_cases_text",
]

CASES_FORMAT = "ledarskap.rule-cases/1"
"""The ``format`` tag of a case file (optional in the file; checked when present)."""

Syntax = Literal["json", "toml"]

# The values -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RuleCase:
    """One case: an applicant's facts on a date, and the decision the rule set must make.

    ``reasons``, ``warnings`` and ``missing`` are ``None`` when the case does not check
    them. ``line`` is where the case starts in its file (1-based), when it can be found.
    """

    name: str
    as_of: dt.date
    application: Application
    outcome: Outcome
    description: str | None = None
    cohort: Cohort | None = None
    program: ProgramData | None = attrs.field(default=None, repr=False, eq=False)
    reasons: frozenset[str] | None = None
    warnings: frozenset[str] | None = None
    missing: frozenset[str] | None = None
    skip: str | None = None
    xfail: str | None = None
    line: int | None = attrs.field(default=None, eq=False)


@attrs.frozen(kw_only=True)
class CaseFile:
    """A case file, read and checked: the rule set under test and its cases.

    ``ruleset_name`` is how the file names the rule set (``"default"`` or the path as
    written); ``source`` is the file's path (or ``"<text>"``).
    """

    source: str
    ruleset_name: str
    ruleset_path: Path | None = attrs.field(default=None, eq=False)
    """The rule-set file, resolved (``None`` for the default rule set)."""
    ruleset: RuleSet = attrs.field(repr=False)
    cases: tuple[RuleCase, ...]
    description: str | None = None

    def case(self, name: str) -> RuleCase:
        """The case called *name*; :class:`KeyError` if there is none."""
        for case in self.cases:
            if case.name == name:
                return case
        raise KeyError(name)

    def run(self, case: RuleCase) -> CaseResult:
        """Decide *case* with the file's rule set and compare with what it expects."""
        decision = self.ruleset.evaluate(
            case.application, as_of=case.as_of, cohort=case.cohort, program=case.program
        )
        return CaseResult(
            case=case, decision=decision, source=self.source, failures=_differences(case, decision)
        )

    def run_all(self) -> CaseReport:
        """Decide every case that is not skipped; the report has their results and coverage."""
        results = tuple(self.run(case) for case in self.cases if case.skip is None)
        coverage = DecisionCoverage()
        coverage.add_ruleset(self)
        for result in results:
            coverage.add(self, result.decision)
        return CaseReport(source=self.source, results=results, coverage=coverage)


@attrs.frozen(kw_only=True)
class CaseResult:
    """The decision made for a case, and how it differs from what the case expects.

    ``failures`` has one line per difference ("outcome: expected eligible, decided
    not-eligible"); an ``xfail`` case *passes* when it fails as expected.
    """

    case: RuleCase
    decision: Decision
    failures: tuple[str, ...]
    source: str = ""

    @property
    def passed(self) -> bool:
        """Whether the decision is what the case expects (ignoring ``xfail``)."""
        return not self.failures

    def explain(self, languages: Sequence[Language] = ("sv", "en")) -> str:
        """The differences (one a line), the case, and the decision tree in each language."""
        case, decision = self.case, self.decision
        where = self.source + (f":{case.line}" if case.line is not None else "")
        lines = list(self.failures) or ["as expected"]
        lines += ["", f"rule case {case.name!r} ({where})"]
        if case.description:
            lines.append(f"  {case.description}")
        lines.append(
            f"rule set {decision.ruleset} version {decision.ruleset_version}, "
            f"as of {decision.as_of.isoformat()}"
        )
        for language in languages:
            heading = "Beslutet (sv)" if language == "sv" else "The decision (en)"
            lines += ["", f"{heading}:"]
            lines += [f"  {line}" for line in decision.render(language, tree=True).splitlines()]
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class CaseReport:
    """The results of every case of a file, and the decision coverage they reached.

    ``bool(report)`` is true when every case passed. ``str(report)`` is a summary, one
    line a case, with the decision in Swedish.
    """

    source: str
    results: tuple[CaseResult, ...]
    coverage: DecisionCoverage = attrs.field(eq=False, repr=False)

    @property
    def passed(self) -> tuple[CaseResult, ...]:
        """The cases that got the decision they expect (an ``xfail`` case that did not)."""
        return tuple(r for r in self.results if r.passed == (r.case.xfail is None))

    @property
    def failed(self) -> tuple[CaseResult, ...]:
        """The other cases."""
        return tuple(r for r in self.results if r.passed != (r.case.xfail is None))

    def __bool__(self) -> bool:
        return not self.failed

    def __str__(self) -> str:
        count = len(self.results)
        lines = [
            f"{count} case{'' if count == 1 else 's'}, {len(self.passed)} passed, "
            f"{len(self.failed)} failed"
        ]
        failed = {id(r) for r in self.failed}
        for result in self.results:
            status = "FAILED" if id(result) in failed else "passed"
            summary = result.decision.render("sv").splitlines()[0]
            lines.append(f"  {status:6}  {result.case.name}: {summary}")
            lines += [f"            {failure}" for failure in result.failures]
        return "\n".join(lines)


def _differences(case: RuleCase, decision: Decision) -> tuple[str, ...]:
    found: list[str] = []
    if decision.outcome is not case.outcome:
        found.append(f"outcome: expected {case.outcome.value}, decided {decision.outcome.value}")
    checks: tuple[tuple[str, frozenset[str] | None, Iterable[str]], ...] = (
        ("reasons", case.reasons, (node.code for node in decision.reasons)),
        ("warnings", case.warnings, (node.code for node in decision.warnings)),
        ("missing", case.missing, decision.missing_facts),
    )
    for key, expected, actual in checks:
        if expected is None:
            continue
        got = frozenset(actual)
        if got != expected:
            extra, lacking = sorted(got - expected), sorted(expected - got)
            detail = "; ".join(
                part
                for part in (
                    f"not expected: {', '.join(extra)}" if extra else "",
                    f"expected but absent: {', '.join(lacking)}" if lacking else "",
                )
                if part
            )
            found.append(f"{key}: expected {sorted(expected)}, decided {sorted(got)} ({detail})")
    return tuple(found)


# Decision coverage ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ClauseCoverage:
    """One clause of a rule and the results the cases gave it.

    ``rule`` is the rule's id and version (``"role@2025"``), ``path`` the clause's path in
    the decision tree, ``text`` its source. A clause is *covered* when some case saw it
    true and some case saw it false.
    """

    ruleset: str
    rule: str
    path: str
    text: str
    seen: frozenset[str]

    @property
    def covered(self) -> bool:
        """Whether some case saw the clause true and some case saw it false."""
        return {"true", "false"} <= self.seen


class DecisionCoverage:
    """Which results each clause of each rule set got, over a run of cases.

    Add decisions with :meth:`add`; :meth:`clauses` lists every clause seen with its
    results, :meth:`uncovered` those not seen both true and false, and :meth:`report`
    writes the summary the pytest plugin prints for ``--rule-coverage``. The rules of a
    rule set that no case evaluated (not in force on any case's date) are listed as such.
    """

    def __init__(self) -> None:
        # ruleset name -> rule "id@version" -> path -> (text, results seen)
        self._seen: dict[str, dict[str, dict[str, tuple[str, set[str]]]]] = {}
        self._rules: dict[str, dict[str, None]] = {}
        self._labels: dict[str, str] = {}
        self._names: dict[str, str] = {}

    def add_ruleset(self, case_file: CaseFile) -> str:
        """Know every rule of *case_file*'s rule set, to report those no case reaches.

        Returns the rule set's key: its file, resolved, or ``"default"``.
        """
        key = case_file.ruleset_name
        if case_file.ruleset_path is not None:
            key = os.fspath(case_file.ruleset_path)
        if key not in self._rules:
            name = _display_name(case_file)
            ruleset = case_file.ruleset
            self._names[key] = name
            self._labels[key] = f"{name} ({ruleset.id} {ruleset.version})"
            self._rules[key] = dict.fromkeys(_rule_keys(ruleset))
        return key

    def add(self, case_file: CaseFile, decision: Decision) -> None:
        """Count the results of every clause in *decision* (made with *case_file*'s rule set)."""
        by_rule = self._seen.setdefault(self.add_ruleset(case_file), {})
        for result in decision.rules:
            if result.tree is None:
                continue
            clauses = by_rule.setdefault(f"{result.id}@{result.version}", {})
            for node in result.tree.walk():
                _, seen = clauses.setdefault(node.path, (node.rule or node.code, set()))
                seen.add(node.result.value)

    def clauses(self) -> tuple[ClauseCoverage, ...]:
        """Every clause evaluated at least once, with the results seen."""
        return tuple(clause for key in self._seen for clause in self._clauses_of(key))

    def _clauses_of(self, key: str) -> Iterator[ClauseCoverage]:
        for rule, clauses in self._seen.get(key, {}).items():
            for path, (text, seen) in clauses.items():
                yield ClauseCoverage(
                    ruleset=self._names[key], rule=rule, path=path, text=text, seen=frozenset(seen)
                )

    def uncovered(self) -> tuple[ClauseCoverage, ...]:
        """The clauses no case saw both true and false."""
        return tuple(c for c in self.clauses() if not c.covered)

    def unevaluated(self) -> dict[str, tuple[str, ...]]:
        """Per rule set (by name), the rules (``"id@version"``) that no case evaluated."""
        found: dict[str, tuple[str, ...]] = {}
        for key, rules in self._rules.items():
            missed = tuple(rule for rule in rules if rule not in self._seen.get(key, {}))
            if missed:
                found[self._names[key]] = missed
        return found

    def percentages(self) -> dict[str, float]:
        """Per rule set (by name), the percentage of its clauses covered.

        A rule version no case evaluated counts as one clause not covered.
        """
        found: dict[str, float] = {}
        for key, rules in self._rules.items():
            clauses = list(self._clauses_of(key))
            unevaluated = sum(rule not in self._seen.get(key, {}) for rule in rules)
            total = len(clauses) + unevaluated
            covered = sum(c.covered for c in clauses)
            found[self._names[key]] = 100.0 * covered / total if total else 100.0
        return found

    def report(self) -> str:
        """Per rule set: clauses covered of all, then each clause not covered and why."""
        lines: list[str] = []
        for key, rules in self._rules.items():
            clauses = list(self._clauses_of(key))
            covered = sum(c.covered for c in clauses)
            percent = f" ({100 * covered / len(clauses):.0f}%)" if clauses else ""
            lines.append(
                f"rule set {self._labels[key]}: {covered} of {len(clauses)} clauses seen both "
                f"true and false{percent}"
            )
            for clause in clauses:
                if not clause.covered:
                    never = " nor ".join(v for v in ("true", "false") if v not in clause.seen)
                    never += " (only unknown)" if " nor " in never else ""
                    lines.append(f"  {clause.rule} {clause.path}: never {never}  ({clause.text})")
            lines += [
                f"  {rule}: not evaluated by any case (not in force on any case's date)"
                for rule in rules
                if rule not in self._seen.get(key, {})
            ]
        return "\n".join(lines) if lines else "no rule cases ran"

    def __repr__(self) -> str:
        clauses = self.clauses()
        covered = sum(c.covered for c in clauses)
        return f"<DecisionCoverage: {covered} of {len(clauses)} clauses covered>"


def _rule_keys(ruleset: RuleSet) -> Iterator[str]:
    for entry in ruleset.entries:
        yield f"{entry.id}@{entry.version}"


def _display_name(case_file: CaseFile) -> str:
    """The rule set's file relative to the working directory, or as the case file names it."""
    if case_file.ruleset_path is None:
        return case_file.ruleset_name
    try:
        relative = os.path.relpath(case_file.ruleset_path)
    except ValueError:  # pragma: no cover - another drive, on Windows
        return case_file.ruleset_name
    return case_file.ruleset_name if relative.startswith("..") else relative


# Loading ------------------------------------------------------------------------------


def load_cases(
    path: str | os.PathLike[str],
    *,
    registry: PredicateRegistry | None = None,
    ruleset_cache: MutableMapping[Any, Any] | None = None,
) -> CaseFile:
    """Read and check the case file at *path* (``.toml`` or ``.json``).

    Every problem is reported at once in one :class:`~ledarskap.errors.DocumentError`,
    each naming the case (by its line and name) and the key. A rule set named by path is
    read relative to the case file and checked against *registry* (for rule sets that use
    predicates of their own; the built-ins by default). *ruleset_cache* (a dict) keeps rule
    sets read once for the next file (the pytest plugin passes one per session).

    .. versionadded:: 0.2
    """
    from ._casefiles import syntax_of

    file = Path(path)
    source = os.fspath(path)
    syntax = syntax_of(file, source)
    try:
        content = file.read_bytes()
    except OSError as error:
        raise DocumentError(
            "cannot read the rule cases", [Problem("(file)", str(error), "io")], source=source
        ) from None
    return _load(content, syntax, source, base=file.parent, registry=registry, cache=ruleset_cache)


def load_cases_text(
    text: str | bytes,
    *,
    syntax: Syntax = "toml",
    base: str | os.PathLike[str] | None = None,
    source: str = "<text>",
    registry: PredicateRegistry | None = None,
) -> CaseFile:
    """Read and check case-file text; a rule set named by path is relative to *base*.

    .. versionadded:: 0.2
    """
    content = text.encode("utf-8") if isinstance(text, str) else text
    folder = Path(base) if base is not None else Path.cwd()
    return _load(content, syntax, source, base=folder, registry=registry, cache=None)


def run_cases(
    path: str | os.PathLike[str] | CaseFile,
    *,
    registry: PredicateRegistry | None = None,
    ruleset_cache: MutableMapping[Any, Any] | None = None,
) -> CaseReport:
    """Read the case file at *path* (or take a :class:`CaseFile`) and decide every case.

    >>> import ledarskap
    >>> report = ledarskap.run_cases("tests/rules/test_default.rules.toml")  # doctest: +SKIP
    >>> report.failed  # doctest: +SKIP
    ()

    .. versionadded:: 0.2
    """
    if isinstance(path, CaseFile):
        return path.run_all()
    case_file = load_cases(path, registry=registry, ruleset_cache=ruleset_cache)
    return case_file.run_all()


def run_cases_text(
    text: str | bytes,
    *,
    syntax: Syntax = "toml",
    base: str | os.PathLike[str] | None = None,
    registry: PredicateRegistry | None = None,
) -> CaseReport:
    """Read case-file text (see :func:`load_cases_text`) and decide every case.

    .. versionadded:: 0.2
    """
    return load_cases_text(text, syntax=syntax, base=base, registry=registry).run_all()


def _load(
    content: bytes,
    syntax: Syntax,
    source: str,
    *,
    base: Path,
    registry: PredicateRegistry | None,
    cache: MutableMapping[Any, Any] | None,
) -> CaseFile:
    from ._casefiles import Reader, parse

    data, text = parse(content, syntax, source)
    reader = Reader(base=base, source=source, registry=registry, ruleset_cache=cache)
    reader.header(data)
    ruleset_name, ruleset = reader.ruleset(data.get("ruleset"))
    cases = reader.cases(data, text, syntax)
    reader.fail_if_problems()
    assert ruleset is not None
    description = data.get("description")
    return CaseFile(
        source=source,
        ruleset_name=ruleset_name,
        ruleset_path=reader.ruleset_path,
        ruleset=ruleset,
        cases=tuple(cases),
        description=description if isinstance(description, str) else None,
    )


# Recording --------------------------------------------------------------------------------


def record_cases(
    applications: Iterable[Application],
    *,
    as_of: dt.date,
    ruleset: str = "default",
    rules: RuleSet | None = None,
    cohort: Cohort | None = None,
    program: ProgramData | None = None,
    description: str | None = None,
) -> str:
    """A case file (TOML text) recording the decision each application gets today.

    Record a cohort's applicants before changing a rule set, then run the file after the
    change: the cases that fail are the applicants whose decision the change moves, each
    with its decision tree. *ruleset* is written into the file as the rule set under test
    (``"default"`` or a path relative to where the file will be saved); the decisions are
    made with *rules* (by default the default rule set, when *ruleset* is ``"default"``).
    The cohort's collaborating municipalities are written as ``collaborating``, and the
    facts of each applicant are completed from *program* (its appointment on record), so
    the file stands on its own.

    >>> import ledarskap
    >>> from ledarskap.io.rulecases import record_cases, run_cases_text
    >>> program = ledarskap.example_program()
    >>> cohort = program.cohorts[0]
    >>> text = record_cases(program.applications_to(cohort.id)[:2], as_of=cohort.start,
    ...                     cohort=cohort, program=program)
    >>> print(text)  # doctest: +ELLIPSIS
    format = "ledarskap.rule-cases/1"
    ruleset = "default"
    ...
    [[case]]
    name = "ans-001: Förvaltningschef, socialförvaltningen"
    outcome = "eligible"
    reasons = []
    warnings = []
    missing = []
    <BLANKLINE>
    [case.applicant]
    ...
    >>> bool(run_cases_text(text))
    True

    .. versionadded:: 0.2
    """
    import tomli_w

    from ledarskap.eligibility import default_ruleset, facts_of

    from ._casefiles import applicant_data

    if rules is None:
        if ruleset != "default":
            raise TypeError("record_cases needs the rule set itself (rules=) for a rule-set file")
        rules = default_ruleset()
    defaults: dict[str, Any] = {"as_of": as_of}
    if cohort is not None and cohort.collaborations:
        defaults["collaborating"] = [m.name for m in cohort.municipalities]
    cases: list[dict[str, Any]] = []
    names: set[str] = set()
    for application in applications:
        facts = facts_of(application, program)
        decision = rules.evaluate(facts, as_of=as_of, cohort=cohort)
        name = application.id + (f": {facts.title}" if facts.title else "")
        name = name.replace("::", ":").replace("\n", " ")
        while name in names:
            name += " (again)"
        names.add(name)
        cases.append(
            {
                "name": name,
                "outcome": decision.outcome.value,
                "reasons": sorted({n.code for n in decision.reasons}),
                "warnings": sorted({n.code for n in decision.warnings}),
                "missing": sorted(decision.missing_facts),
                "applicant": applicant_data(facts),
            }
        )
    document: dict[str, Any] = {"format": CASES_FORMAT, "ruleset": ruleset}
    if description:
        document["description"] = description
    document["defaults"] = defaults
    document["case"] = cases
    return tomli_w.dumps(document)
