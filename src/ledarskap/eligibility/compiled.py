"""Deprecated: compiled rule sets. A :class:`~ledarskap.eligibility.RuleSet` compiles itself.

``RuleSet.compile()``, :func:`compile_ruleset` and :class:`CompiledRuleSet` were a second
way to evaluate; use :meth:`RuleSet.evaluate <ledarskap.eligibility.RuleSet.evaluate>` for
one application and :meth:`RuleSet.evaluate_many
<ledarskap.eligibility.RuleSet.evaluate_many>` for many (``explain=False`` for outcomes
alone). :class:`BulkResult`, :class:`Summary` and ``SUMMARY_FORMAT`` are in
:mod:`.bulk`, and still importable from here.

.. deprecated:: 0.3
   Removed in 0.4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ledarskap._deprecation import warn_deprecated
from ledarskap.errors import UsageError
from ledarskap.model import Application, Cohort, ProgramData
from ledarskap.text import Text

from ._evaluation import Evaluator
from .bulk import SUMMARY_FORMAT, BulkResult, Summary
from .decisions import Decision
from .truth import Outcome

__all__ = ["SUMMARY_FORMAT", "BulkResult", "CompiledRuleSet", "Summary", "compile_ruleset"]


class CompiledRuleSet:
    """Deprecated: the rule set itself evaluates, compiled once when it is made.

    .. deprecated:: 0.3
       Use :meth:`RuleSet.evaluate` and :meth:`RuleSet.evaluate_many`.
    """

    def __init__(self, ruleset: Any, *, _warn: bool = True) -> None:
        if _warn:
            warn_deprecated("CompiledRuleSet", "RuleSet.evaluate and RuleSet.evaluate_many")
        parts = ("entries", "parameters", "registry", "id", "version", "source")
        if not all(hasattr(ruleset, part) for part in parts):
            found = type(ruleset).__name__
            raise UsageError(  # RuleSet is above, and compiles itself: a rule set's parts
                Text(
                    f"CompiledRuleSet: förväntade en RuleSet, fick {found}",
                    f"CompiledRuleSet: expected a RuleSet, found {found}",
                )
            )
        self.ruleset = ruleset
        self._evaluator = Evaluator(
            ruleset.entries,
            ruleset.parameters,
            ruleset.registry,
            ruleset_id=ruleset.id,
            version=ruleset.version,
            source=ruleset.source,
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Made again from its rule set, which pickles; the compiled rules are closures.
        return (_compiled, (self.ruleset,))

    def evaluate(
        self,
        application: Application,
        *,
        as_of: dt.date | None = None,
        cohort: Cohort | None = None,
        program: ProgramData | None = None,
        strict: bool = False,
        explain: bool = True,
    ) -> Decision:
        """Deprecated: :meth:`RuleSet.evaluate <ledarskap.eligibility.RuleSet.evaluate>`."""
        warn_deprecated("CompiledRuleSet.evaluate", "RuleSet.evaluate")
        evaluate = self._evaluator.decide if explain else self._evaluator.results
        return evaluate(application, as_of=as_of, cohort=cohort, program=program, strict=strict)

    def outcomes(
        self,
        applications: Iterable[Application],
        *,
        as_of: dt.date | None = None,
        cohort: Cohort | None = None,
        program: ProgramData | None = None,
        strict: bool = False,
    ) -> list[Outcome]:
        """Deprecated: ``RuleSet.evaluate_many(..., explain=False).outcomes``."""
        warn_deprecated(
            "CompiledRuleSet.outcomes", "RuleSet.evaluate_many(..., explain=False).outcomes"
        )
        result = self.ruleset.evaluate_many(
            applications, as_of=as_of, cohort=cohort, program=program, strict=strict, explain=False
        )
        return list(result.outcomes)

    def evaluate_many(
        self,
        applications: Iterable[Application],
        *,
        as_of: dt.date | None = None,
        cohort: Cohort | None = None,
        program: ProgramData | None = None,
        strict: bool = False,
        explain: bool = True,
    ) -> BulkResult:
        """Deprecated: :meth:`RuleSet.evaluate_many <ledarskap.eligibility.RuleSet.evaluate_many>`."""
        warn_deprecated("CompiledRuleSet.evaluate_many", "RuleSet.evaluate_many")
        return self.ruleset.evaluate_many(  # type: ignore[no-any-return]
            applications,
            as_of=as_of,
            cohort=cohort,
            program=program,
            strict=strict,
            explain=explain,
        )


def _compiled(ruleset: Any) -> CompiledRuleSet:
    """A compiled rule set unpickled or copied: its deprecation was said when it was made."""
    return CompiledRuleSet(ruleset, _warn=False)


def compile_ruleset(ruleset: Any) -> CompiledRuleSet:
    """Deprecated: a rule set compiles itself; evaluate with it directly.

    .. deprecated:: 0.3
       Use :meth:`RuleSet.evaluate` and :meth:`RuleSet.evaluate_many`.
    """
    warn_deprecated("compile_ruleset", "RuleSet.evaluate and RuleSet.evaluate_many")
    return CompiledRuleSet(ruleset, _warn=False)
