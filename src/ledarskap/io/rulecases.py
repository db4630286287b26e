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

import codecs
import datetime as dt
import functools
import json
import os
import re
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import tomli_w
from cattrs import BaseConverter, Converter

from ledarskap._found import Lines, checked_syntax, describe, did_you_mean, expected_found
from ledarskap.eligibility import (
    Decision,
    Outcome,
    PredicateRegistry,
    RuleSet,
    default_ruleset,
    facts_of,
)
from ledarskap.errors import (
    DocumentError,
    FileAccessError,
    InvalidValueError,
    Problems,
    ProblemsError,
    UnknownReferenceError,
    UsageError,
    mask_personal_data,
    masked_repr,
    safe_repr,
)
from ledarskap.model import (
    Application,
    Cohort,
    Collaboration,
    PoliticalBodyKind,
    ProgramData,
    position,
)
from ledarskap.text import Language, Text, checked_language

from ._casefiles import (
    CASES_FORMAT,
    CaseShape,
    CohortShape,
    DefaultsShape,
    Where,
    applicant_data,
    case_lines,
    key_line,
    key_path,
    parse,
    structure_case,
    structure_file,
    syntax_of,
)
from ._casefiles import make_converter as case_converter
from ._convert import make_converter
from ._problems import hint_of, message_of
from ._reading import MAX_SMALL_FILE, read_bounded, reason_of
from .documents import example_program, load
from .rulecoverage import ClauseCoverage, DecisionCoverage
from .rulesets import load_ruleset

if TYPE_CHECKING:
    from ledarskap.errors import Wording

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

Syntax = Literal["json", "toml"]

# The values -----------------------------------------------------------------------------


@masked_repr
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


@masked_repr
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
        """The case called *name*.

        A name no case has is an :class:`~ledarskap.errors.UnknownReferenceError` (a
        :class:`LookupError`), naming the file and the closest name, as every look-up
        of the library by id is.

        .. versionchanged:: 0.3
           :class:`~ledarskap.errors.UnknownReferenceError`, not a bare :class:`KeyError`.
        """
        for case in self.cases:
            if case.name == name:
                return case
        names = [case.name for case in self.cases]
        raise UnknownReferenceError(
            location=f"{self.source}: case",
            expected=Text(
                f"namnet på ett av filens {len(names)} fall",
                f"the name of one of the file's {len(names)} cases",
            ),
            found=name,
            hint=did_you_mean(str(name), names),
        )

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


@masked_repr
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
        """The differences (one a line), the case, and the decision tree in each language.

        Personal data in the case's name or description is masked, as in every report.
        """
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
        for language in map(checked_language, languages):
            lines += ["", f"{_THE_DECISION.render(language)} ({language}):"]
            lines += [f"  {line}" for line in decision.render(language, tree=True).splitlines()]
        return mask_personal_data("\n".join(lines))


_THE_DECISION = Text("Beslutet", "The decision")


@masked_repr
@attrs.frozen(kw_only=True)
class CaseReport:
    """The results of every case of a file, and the decision coverage they reached.

    ``bool(report)`` is true when every case passed. ``str(report)`` is a summary, one
    line a case, with the decision in Swedish (personal data masked).
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
        return mask_personal_data("\n".join(lines))


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

    A *path* that is no path, or a *registry* that is none, raises
    :class:`~ledarskap.errors.UsageError`.

    .. versionadded:: 0.2
    """
    if not isinstance(path, (str, os.PathLike)):
        raise UsageError(
            Text(
                f"load_cases(path): förväntade en sökväg till en fil, fick {type(path).__name__}",
                f"load_cases(path): expected a file path, found {type(path).__name__}",
            )
        )
    _check_registry(registry, "load_cases")
    file = Path(path)
    source = os.fspath(path)
    syntax = syntax_of(file.suffix, source)
    try:
        content, _ = read_bounded(file, MAX_SMALL_FILE, "a case file")
    except (OSError, ValueError) as error:  # ValueError: a NUL or a lone surrogate in the path
        reason: Text | str = (
            (reason_of(error) if error.strerror else _UNKNOWN_REASON)
            if isinstance(error, OSError)
            else Text("ett namn som inte kan kodas", "a name that cannot be encoded")
        )
        number = error.errno if isinstance(error, OSError) else None
        raise FileAccessError(source, "read", reason, errno=number) from None
    return _load(content, syntax, source, base=file.parent, registry=registry, cache=ruleset_cache)


_UNKNOWN_REASON = Text("okänd orsak", "unknown reason")


def _check_registry(registry: object, function: str) -> None:
    if registry is not None and not isinstance(registry, PredicateRegistry):
        raise UsageError(
            Text(
                f"{function}(registry=): förväntade ett PredicateRegistry, "
                f"fick {type(registry).__name__}",
                f"{function}(registry=): expected a PredicateRegistry, found {type(registry).__name__}",
            )
        )


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
    if not isinstance(text, (str, bytes)):
        raise UsageError(
            Text(
                f"load_cases_text(text): förväntade text, fick {type(text).__name__}",
                f"load_cases_text(text): expected text, found {type(text).__name__}",
            )
        )
    _check_registry(registry, "load_cases_text")
    syntax = checked_syntax(syntax, "load_cases_text(syntax)")
    # A lone surrogate is kept as bytes that are no UTF-8, for the reader to report.
    content = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    folder = Path(base) if base is not None else Path.cwd()
    return _load(content, syntax, source, base=folder, registry=registry, cache=None)


def run_cases(
    path: str | os.PathLike[str] | CaseFile,
    *,
    registry: PredicateRegistry | None = None,
    ruleset_cache: MutableMapping[Any, Any] | None = None,
) -> CaseReport:
    """Decide every case of the file at *path* (or a :class:`~ledarskap.io.rulecases.CaseFile`).

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
    # A byte order mark, as some editors write, is no part of the text.
    data, text = parse(content.removeprefix(codecs.BOM_UTF8), syntax, source)
    lines = Lines(text)
    problems = Problems(source=source)

    first_case = next(iter(lines.headers("case")), None)

    def at_top(keys: tuple[str | int, ...]) -> tuple[str, int | None]:
        named = [key for key in keys if isinstance(key, str)]
        return key_path(keys), lines.key(named[-1], 1, first_case) if named else None

    shape, failed = structure_file(data, problems, at_top)
    if shape.format not in (None, CASES_FORMAT):
        problems.add(
            "format",
            expected_found(repr(CASES_FORMAT), shape.format),
            "format",
            line=lines.key("format"),
        )
    ruleset = None
    if shape.ruleset is not None and shape.ruleset.strip():
        ruleset = _Rulesets(base, registry, cache).read(shape.ruleset, problems)
    elif "ruleset" not in failed:
        given = "ruleset" in data
        problems.add(
            "ruleset",
            Text(
                'förväntade regeluppsättningen som prövas: "default" eller en fil med en '
                "regeluppsättning i förhållande till filen med fallen, "
                f"fick {describe(shape.ruleset, 'sv') if given else 'inget'}",
                'expected the rule set under test: "default" or a rule-set file relative to the '
                f"case file, found {describe(shape.ruleset) if given else 'none'}",
            ),
            "missing" if shape.ruleset is None else "invalid",
            line=lines.key("ruleset"),
        )
    if shape.case is None and "case" not in failed:
        problems.add(
            "case",
            Text(
                "förväntade en lista med fall ([[case]]-tabeller), fick inget",
                "expected a list of cases ([[case]] tables), found none",
            ),
            "missing",
        )
    checks = _Checks(base, shape.defaults, problems)
    cases = checks.cases(shape.case or (), lines, case_lines(text, syntax, shape.case or (), lines))
    problems.raise_if_any(
        DocumentError, Text("regelfallen kan inte läsas", "the rule cases cannot be read")
    )
    assert ruleset is not None  # no problem, so the rule set was read
    return CaseFile(
        source=source,
        ruleset_name=ruleset[0],
        ruleset_path=ruleset[1],
        ruleset=ruleset[2],
        cases=tuple(cases),
        description=shape.description,
    )


class _Rulesets:
    """The rule set a case file names, read once per file and modification time."""

    def __init__(
        self, base: Path, registry: PredicateRegistry | None, cache: MutableMapping[Any, Any] | None
    ) -> None:
        self.base = base
        self.registry = registry
        self.cache = cache if cache is not None else {}

    def read(self, name: str, problems: Problems) -> tuple[str, Path | None, RuleSet] | None:
        """``"default"`` or a file relative to the case file; ``None`` after noting why not."""
        if name == "default":
            return name, None, default_ruleset()
        try:
            path = (self.base / name).resolve()
            key = (path, path.stat().st_mtime_ns)
        except (OSError, ValueError):  # ValueError: a NUL or a lone surrogate in the name
            problems.add(
                "ruleset",
                Text(
                    'förväntade "default" eller en befintlig fil med en regeluppsättning, '
                    f"fick {safe_repr(name)} (letade i {self.base})",
                    f'expected "default" or an existing rule-set file, found {safe_repr(name)} '
                    f"(looked in {self.base})",
                ),
                "missing-file",
            )
            return None
        if key not in self.cache:
            try:
                self.cache[key] = load_ruleset(path, registry=self.registry)
            except FileAccessError as error:
                # The error's Swedish ends with its reason ("…: kan inte läsa: <reason>").
                reason = error.render("sv").rpartition(": ")[2]
                problems.add(
                    "ruleset",
                    Text(
                        f"regeluppsättningen {safe_repr(name)} kan inte läsas: {reason}",
                        f"the rule set {safe_repr(name)} cannot be read: {error.reason}",
                    ),
                    "unreadable",
                )
                return None
            except ProblemsError as error:
                problems.add(
                    "ruleset",
                    Text(
                        f"regeluppsättningen {safe_repr(name)} kan inte läsas in",
                        f"the rule set {safe_repr(name)} cannot be loaded",
                    ),
                    "ruleset",
                )
                problems.extend(error.problems)
                return None
        return name, path, self.cache[key]


class _Checks:
    """What the keys of each case mean: its cohort, its applicant, a unique name.

    The types were checked by structuring (:mod:`ledarskap.io._casefiles`); these are
    the checks no type can say, each problem added to the file's one collector.
    """

    def __init__(self, base: Path, defaults: DefaultsShape, problems: Problems) -> None:
        self.base = base
        self.defaults = defaults
        self.problems = problems

    @functools.cached_property
    def shapes(self) -> BaseConverter:
        """The converter of this file's cases (:mod:`ledarskap.io._casefiles`)."""
        return case_converter()

    @functools.cached_property
    def applications(self) -> Converter:
        """The documents' converter, made for this file's applicants when first needed."""
        return make_converter(flavour="json")

    def cases(
        self, raw_cases: Sequence[object], lines: Lines, starts: Sequence[int | None]
    ) -> list[RuleCase]:
        """Every case without a problem; names checked unique.

        *starts* are the lines the cases start on (``None`` where not found); a case ends
        where the next one found starts.
        """
        ends: list[int | None] = []
        following: int | None = None
        for start in reversed(starts):
            ends.append(following)
            following = following if start is None else start
        ends.reverse()
        cases: list[RuleCase] = []
        names: dict[str, int] = {}
        for index, raw in enumerate(raw_cases):
            start, end = starts[index], ends[index]
            name = raw.get("name") if isinstance(raw, dict) else None
            label = (
                Text(f"fall {name!r}", f"case {name!r}")
                if isinstance(name, str)
                else Text(f"case[{index}]", f"case[{index}]")
            )

            def where(
                keys: tuple[str | int, ...],
                label: Text = label,
                start: int | None = start,
                end: int | None = end,
            ) -> tuple[Wording, int | None]:
                if not keys:
                    return label, start
                keyed = key_path(keys)
                return (
                    Text(f"{label.sv}, nyckel {keyed}", f"{label.en}, key {keyed}"),
                    key_line(lines, keys, start, end),
                )

            case = self.case(index, raw, where, start)
            if case is None:
                continue
            if case.name in names:
                path, line = where(("name",))
                taken = names[case.name]
                self.problems.add(
                    path,
                    Text(
                        f"namnet används redan av case[{taken}]: namnen måste vara unika",
                        f"the name is taken by case[{taken}]: names must be unique",
                    ),
                    "duplicate",
                    line=line,
                )
            names.setdefault(case.name, index)
            cases.append(case)
        return cases

    def note(self, where: Where, keys: tuple[str | int, ...], message: Wording, code: str) -> None:
        path, line = where(keys)
        self.problems.add(path, message, code, line=line)

    def case(self, index: int, raw: object, where: Where, line: int | None) -> RuleCase | None:
        """The *index*-th case, or ``None`` if it has a problem (each one added)."""
        before = len(self.problems)
        shape, failed = structure_case(raw, self.problems, where, self.shapes)
        if shape is None:
            return None
        name = shape.name
        if name is None and "name" not in failed:
            self.note(
                where,
                ("name",),
                Text(
                    "förväntade fallets namn som text, fick inget",
                    "expected the case's name as text, found none",
                ),
                "missing",
            )
        elif name is not None and (not name.strip() or "::" in name or "\n" in name):
            self.note(
                where,
                ("name",),
                Text(
                    "förväntade ett namn, utan '::' eller radbrytning",
                    "expected a name, without '::' or a line break",
                ),
                "invalid",
            )
        as_of = shape.as_of or self.defaults.as_of
        if as_of is None and "as_of" not in failed:
            self.note(
                where,
                ("as_of",),
                Text(
                    "förväntade datumet fallet avgörs på (as_of = 2025-09-01), fick inget: "
                    "varje fall behöver ett, inget avgörs efter dagens datum",
                    "expected the date the case is decided on (as_of = 2025-09-01), found none: "
                    "every case needs one, nothing is decided for today's date",
                ),
                "missing",
            )
        if shape.outcome is None and "outcome" not in failed:
            outcomes = ", ".join(o.value for o in Outcome)
            self.note(
                where,
                ("outcome",),
                Text(
                    f"förväntade utfallet, ett av {outcomes}, fick inget",
                    f"expected the outcome, one of {outcomes}, found none",
                ),
                "missing",
            )
        assert isinstance(raw, dict)  # a case that is a table has a shape
        cohort, program = self.cohort(raw, shape, as_of, where)
        application = self.applicant(
            shape, failed, index=index, as_of=as_of, cohort=cohort, where=where
        )
        if len(self.problems) > before:
            return None
        assert name is not None
        assert as_of is not None
        assert shape.outcome is not None
        assert application is not None
        return RuleCase(
            name=name,
            as_of=as_of,
            application=application,
            outcome=shape.outcome,
            description=shape.description,
            cohort=cohort,
            program=program,
            reasons=shape.reasons,
            warnings=shape.warnings,
            missing=shape.missing,
            skip=shape.skip,
            xfail=shape.xfail,
            line=line,
        )

    # The cohort ------------------------------------------------------------------------

    def cohort(
        self, raw: Mapping[str, Any], shape: CaseShape, as_of: dt.date | None, where: Where
    ) -> tuple[Cohort | None, ProgramData | None]:
        """The case's cohort (a program's, or a stand-in), or ``None`` if it names neither."""
        if "collaborating" in raw and "cohort" in raw:
            self.note(
                where,
                ("cohort",),
                Text(
                    "förväntade antingen collaborating eller cohort, fick båda",
                    "expected either collaborating or cohort, found both",
                ),
                "conflict",
            )
            return None, None
        own = "collaborating" in raw or "cohort" in raw
        reference = shape.cohort if own else self.defaults.cohort
        collaborating = shape.collaborating if own else self.defaults.collaborating
        if reference is not None:
            return self.program_cohort(reference, where)
        if collaborating is not None and as_of is not None:
            cohort = Cohort(
                id="rule-case",
                program_id="rule-case",
                name="rule case",
                start=as_of,
                end=as_of,
                collaborations=[Collaboration(municipality=m) for m in collaborating],
            )
            return cohort, None
        return None, None

    def program_cohort(
        self, reference: CohortShape, where: Where
    ) -> tuple[Cohort | None, ProgramData | None]:
        """``{program = "program.toml", id = "c-2025"}``: a cohort of a program document."""
        try:
            program = _program(reference.program, self.base)
        except ProblemsError as error:
            self.note(
                where,
                ("cohort", "program"),
                Text(
                    f"programdokumentet {safe_repr(reference.program, 60)} kan inte läsas",
                    f"the program document {safe_repr(reference.program, 60)} cannot be read",
                ),
                "program",
            )
            self.problems.extend(error.problems)
            return None, None
        except (OSError, ValueError, RuntimeError) as error:
            # ValueError: a NUL or a lone surrogate in the name; RuntimeError: a loop of links.
            named = isinstance(error, OSError) and error.strerror
            reason = (
                reason_of(error)
                if named or isinstance(error, OSError)
                else Text("ett namn som inte kan vara en fil", "a name that cannot be a file")
            )
            english, swedish = (
                (reason, reason) if isinstance(reason, str) else (reason.en, reason.sv)
            )
            shown = safe_repr(reference.program, 60)
            message = Text(
                f"kan inte läsa programdokumentet {shown}: {swedish}",
                f"cannot read the program document {shown}: {english}",
            )
            self.note(where, ("cohort", "program"), message, "io")
            return None, None
        known = [c.id for c in program.cohorts]
        if reference.id not in known:
            path, line = where(("cohort", "id"))
            self.problems.add(
                path,
                Text(
                    f"förväntade id:t för en omgång i {reference.program!r}: ett av "
                    f"{', '.join(known) or '(inga)'}, fick {safe_repr(reference.id)}",
                    f"expected the id of a cohort in {reference.program!r}: one of "
                    f"{', '.join(known) or '(none)'}, found {safe_repr(reference.id)}",
                ),
                "unknown-reference",
                line=line,
                hint=did_you_mean(reference.id, known),
            )
            return None, None
        return program.cohort(reference.id), program

    # The applicant ---------------------------------------------------------------------

    def applicant(
        self,
        shape: CaseShape,
        failed: set[str | int],
        *,
        index: int,
        as_of: dt.date | None,
        cohort: Cohort | None,
        where: Where,
    ) -> Application | None:
        """The applicant's facts (the defaults, then the case's own) as an :class:`Application`."""
        if "applicant" in failed:
            return None
        facts: dict[str, Any] = {**(self.defaults.applicant or {}), **(shape.applicant or {})}
        before = len(self.problems)
        if isinstance(facts.get("position"), str):
            try:
                facts["position"] = position(facts["position"]).slug
            except InvalidValueError as error:
                message = expected_found(error.expected_text, facts.pop("position"))
                path, line = where(("applicant", "position"))
                self.problems.add(path, message, "invalid", line=line, hint=error.hint_text)
        written: list[int] = []  # the index each body kept is written at
        if isinstance(facts.get("reports_to"), list):
            bodies = [
                self.political_body(body, ("applicant", "reports_to", n), where)
                for n, body in enumerate(facts["reports_to"])
            ]
            written = [n for n, body in enumerate(bodies) if body is not None]
            facts["reports_to"] = [bodies[n] for n in written]
        facts.setdefault("id", f"case-{index + 1}")
        facts.setdefault("person_id", f"p-case-{index + 1}")
        facts.setdefault("cohort_id", cohort.id if cohort is not None else "rule-case")
        facts.setdefault("submitted", as_of or dt.date(2000, 1, 1))  # a missing as_of is noted
        try:
            application: Application = self.applications.structure(facts, Application)
        except DocumentError as error:  # the converter's one error, every problem in it
            for problem in error.problems:
                keys = _keys_of(problem.path)
                if keys[:1] == ("reports_to",) and len(keys) > 1 and isinstance(keys[1], int):
                    keys = ("reports_to", written[keys[1]], *keys[2:])
                path, line = where(("applicant", *keys))
                self.problems.add(
                    path, message_of(problem), problem.code, line=line, hint=hint_of(problem)
                )
            return None
        return None if len(self.problems) > before else application

    def political_body(self, value: object, keys: tuple[str | int, ...], where: Where) -> object:
        """A body written as its name alone becomes ``{name, kind}``, the kind from the name."""
        if not isinstance(value, str):
            return value
        kind = PoliticalBodyKind.from_name(value)
        if kind is not None:
            return {"name": value, "kind": kind.value}
        kinds = ", ".join(k.value for k in PoliticalBodyKind)
        name = json.dumps(value, ensure_ascii=False)
        shown = safe_repr(value, 60)
        self.note(
            where,
            keys,
            Text(
                f"kan inte avgöra vilken sorts politiskt organ det är av namnet {shown}: "
                f'skriv {{name = {name}, kind = "namnd"}} (sorter: {kinds})',
                f"cannot tell the kind of political body from the name {shown}: write "
                f'{{name = {name}, kind = "namnd"}} (kinds: {kinds})',
            ),
            "invalid",
        )
        return None


def _keys_of(json_path: str) -> tuple[str | int, ...]:
    """``("reports_to", 0, "kind")`` from ``$.reports_to[0].kind``."""
    keys: list[str | int] = []
    for name, number in re.findall(r"\.([^.\[]+)|\[(\d+)\]", json_path.removeprefix("$")):
        keys.append(int(number) if number else name)
    return tuple(keys)


def _program(reference: str, base: Path) -> ProgramData:
    if reference == "example":
        return example_program()
    target = (base / reference).resolve()
    return _load_program(target, target.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load_program(target: Path, mtime: int) -> ProgramData:
    """The program document at *target*, read once per modification time (*mtime*: the key)."""
    return load(target)


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
    the file stands on its own. Each case is named by its application's id and title,
    personal data masked (an id may be a personnummer); a name already taken is numbered
    (``"ans-1: Strateg (2)"``).

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
    .. versionchanged:: 0.3
       A rule-set file without *rules* raises :class:`~ledarskap.errors.UsageError` (a
       :class:`TypeError` still), with its message in Swedish too.
    """
    if rules is None:
        if ruleset != "default":
            raise UsageError(
                Text(
                    "record_cases behöver själva regeluppsättningen (rules=) för en fil med "
                    "en regeluppsättning",
                    "record_cases needs the rule set itself (rules=) for a rule-set file",
                )
            )
        rules = default_ruleset()
    defaults: dict[str, Any] = {"as_of": as_of}
    if cohort is not None and cohort.collaborations:
        defaults["collaborating"] = [m.name for m in cohort.municipalities]
    cases: list[dict[str, Any]] = []
    names: set[str] = set()
    repeats: dict[str, int] = {}  # per name, the number its last repeat took
    writer = make_converter(flavour="toml")
    for application in applications:
        facts = facts_of(application, program)
        decision = rules.evaluate(facts, as_of=as_of, cohort=cohort)
        written = application.id + (f": {facts.title}" if facts.title else "")
        written = mask_personal_data(written.replace("::", ":").replace("\n", " "))
        name = written
        while name in names:  # a repeat is numbered: "ans-1: Strateg (2)"
            repeats[written] = repeats.get(written, 1) + 1
            name = f"{written} ({repeats[written]})"
        names.add(name)
        cases.append(
            {
                "name": name,
                "outcome": decision.outcome.value,
                "reasons": sorted({n.code for n in decision.reasons}),
                "warnings": sorted({n.code for n in decision.warnings}),
                "missing": sorted(decision.missing_facts),
                "applicant": applicant_data(facts, writer),
            }
        )
    document: dict[str, Any] = {"format": CASES_FORMAT, "ruleset": ruleset}
    if description:
        document["description"] = description
    document["defaults"] = defaults
    document["case"] = cases
    return tomli_w.dumps(document)
