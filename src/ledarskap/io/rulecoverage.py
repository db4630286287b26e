"""Decision coverage: which clauses of a rule set the rule cases saw true and false.

A rule set is tested by its cases (:mod:`ledarskap.io.rulecases`); coverage says what the
cases left untested: a clause never seen both true and false, a rule version in force on
no case's date. :class:`DecisionCoverage` counts the clauses of the decisions it is
given; the pytest plugin prints its :meth:`~DecisionCoverage.report` for
``--rule-coverage``.

>>> from ledarskap.io.rulecases import load_cases_text
>>> from ledarskap.io.rulecoverage import DecisionCoverage
>>> cases = load_cases_text('''
... ruleset = "default"
... [[case]]
... name = "kommunchef"
... as_of = 2025-09-01
... collaborating = ["Linköping"]
... outcome = "not-eligible"
... applicant = {municipality = "Linköping", title = "Kommunchef", reports_to = ["Kommunstyrelsen"]}
... ''')
>>> coverage = DecisionCoverage()
>>> coverage.add(cases, cases.run(cases.cases[0]).decision)
>>> coverage.percentages()["default"] < 100
True

.. versionadded:: 0.2
   In :mod:`ledarskap.io.rulecases`, which still exports these names; a module of its
   own since 0.3.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from math import floor
from pathlib import Path
from typing import Protocol

import attrs

from ledarskap.eligibility import Decision, RuleSet

__all__ = ["ClauseCoverage", "DecisionCoverage"]


class _CaseFile(Protocol):
    """What coverage reads of a :class:`~ledarskap.io.rulecases.CaseFile`: its rule set."""

    @property
    def ruleset_name(self) -> str: ...
    @property
    def ruleset_path(self) -> Path | None: ...
    @property
    def ruleset(self) -> RuleSet: ...


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

    def add_ruleset(self, case_file: _CaseFile) -> str:
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

    def add(self, case_file: _CaseFile, decision: Decision) -> None:
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

    def _tally(self, key: str) -> tuple[list[ClauseCoverage], list[str], int, float]:
        """A rule set's clauses, versions not evaluated, clauses covered, and percentage.

        A rule version no case evaluated counts as a clause not covered.
        """
        clauses = list(self._clauses_of(key))
        missed = [rule for rule in self._rules[key] if rule not in self._seen.get(key, {})]
        covered = sum(c.covered for c in clauses)
        total = len(clauses) + len(missed)
        return clauses, missed, covered, 100.0 * covered / total if total else 100.0

    def percentages(self) -> dict[str, float]:
        """Per rule set (by name), the percentage of its clauses covered.

        A rule version no case evaluated counts as one clause not covered.
        """
        return {self._names[key]: self._tally(key)[3] for key in self._rules}

    def report(self) -> str:
        """Per rule set: clauses covered of all, then each clause not covered and why.

        The count and the percentage are :meth:`percentages`' (a rule version no case
        evaluated is a clause not covered), shown rounded down: never more than reached.
        """
        lines: list[str] = []
        for key in self._rules:
            clauses, missed, covered, percent = self._tally(key)
            total = len(clauses) + len(missed)
            shown = f" ({floor(percent)}%)" if total else ""
            lines.append(
                f"rule set {self._labels[key]}: {covered} of {total} clauses seen both "
                f"true and false{shown}"
            )
            for clause in clauses:
                if not clause.covered:
                    never = " nor ".join(v for v in ("true", "false") if v not in clause.seen)
                    never += " (only unknown)" if " nor " in never else ""
                    lines.append(f"  {clause.rule} {clause.path}: never {never}  ({clause.text})")
            lines += [
                f"  {rule}: not evaluated by any case (not in force on any case's date)"
                for rule in missed
            ]
        return "\n".join(lines) if lines else "no rule cases ran"

    def __repr__(self) -> str:
        tallies = [self._tally(key) for key in self._rules]
        covered = sum(t[2] for t in tallies)
        total = sum(len(t[0]) + len(t[1]) for t in tallies)
        return f"<DecisionCoverage: {covered} of {total} clauses covered>"


def _rule_keys(ruleset: RuleSet) -> Iterator[str]:
    for entry in ruleset.entries:
        yield f"{entry.id}@{entry.version}"


def _display_name(case_file: _CaseFile) -> str:
    """The rule set's file relative to the working directory, or as the case file names it."""
    if case_file.ruleset_path is None:
        return case_file.ruleset_name
    try:
        relative = os.path.relpath(case_file.ruleset_path)
    except ValueError:  # pragma: no cover - another drive, on Windows
        return case_file.ruleset_name
    return case_file.ruleset_name if relative.startswith("..") else relative
