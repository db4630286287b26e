"""The open registry of what rules can say: fields (facts) and predicates over them.

A *field* is one fact of an applicant, compared in a rule with ``==``, ``!=``, ``in``,
``not in`` (and ``<``, ``<=``, ``>``, ``>=`` for numbers): ``position_kind in ["staff"]``.
A *predicate* is a named test with typed arguments: ``reports_to_political_body`` or
``municipality_in_county(county="05")``. Each has a description and texts in Swedish and
English for when it holds, fails or cannot be decided; decisions are rendered from them.
A predicate is one function returning a :class:`Check`: explanations keep the whole check,
evaluation without explanations keeps its truth.

:func:`default_registry` gives a fresh registry with the built-in fields and predicates;
another tool adds its own with :meth:`PredicateRegistry.predicate` (a decorator) or
:meth:`PredicateRegistry.register`, and passes the registry to
:func:`~ledarskap.eligibility.parse_ruleset`. There is no global registry to mutate.

>>> from ledarskap.eligibility import Check, Texts, default_registry, parse_rule
>>> registry = default_registry()
>>> @registry.predicate(
...     "applied_early",
...     description="The application came in before the given date.",
...     sv=Texts(true="sökte i god tid", false="sökte sent", unknown="okänt när ansökan kom in"),
...     en=Texts(true="applied early", false="applied late", unknown="unknown when applied"),
...     arguments={"before": "date"},
... )
... def applied_early(application, context, *, before):
...     return Check(application.submitted < before, seen=application.submitted.isoformat(),
...                  expected=before.isoformat())
>>> rule = parse_rule('applied_early(before="2025-05-01")', registry=registry)
>>> str(rule)
'applied_early(before="2025-05-01")'

.. versionadded:: 0.2
"""

from __future__ import annotations

from ._builtin import builtin_registry, registry_or_builtin
from ._vocabulary import (
    Argument,
    Check,
    FieldSpec,
    PredicateRegistry,
    PredicateSpec,
    Texts,
    value_type,
)

__all__ = [
    "Argument",
    "Check",
    "FieldSpec",
    "PredicateRegistry",
    "PredicateSpec",
    "Texts",
    "default_registry",
    "registry_or_builtin",
    "value_type",
]


def default_registry() -> PredicateRegistry:
    """A new registry holding the built-in fields and predicates, to extend."""
    return builtin_registry().copy()
