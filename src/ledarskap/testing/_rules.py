"""Strategies for eligibility rules, and for applications whose facts rules decide on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ledarskap.eligibility import (
    PredicateRegistry,
    Rule,
    all_of,
    any_of,
    compare,
    default_registry,
    not_,
    predicate,
)
from ledarskap.eligibility.valuetypes import ValueType
from ledarskap.model import (
    Application,
    Municipality,
    OrganisationKind,
    PoliticalBodyKind,
    PositionKind,
    StaffFunction,
    all_positions,
    county,
)

from . import _args
from ._people import political_bodies

# The facts an application states, each of which may be unknown (None).
RULE_FACTS = (
    "municipality",
    "position",
    "organisation_kind",
    "reports_to",
    "leads_staff_function",
    "staff_function",
    "in_position_since",
)

_ORDERED_OPS = ("==", "!=", "<", "<=", ">", ">=")


def _values(kind: ValueType, pool: tuple[Municipality, ...]) -> st.SearchStrategy[Any] | None:
    by_name: dict[str, st.SearchStrategy[Any]] = {
        "position": st.sampled_from([p.slug for p in all_positions()]),
        "position-kind": st.sampled_from([k.value for k in PositionKind]),
        "organisation-kind": st.sampled_from([k.value for k in OrganisationKind]),
        "political-body-kind": st.sampled_from([k.value for k in PoliticalBodyKind]),
        "staff-function": st.sampled_from([k.value for k in StaffFunction]),
        "municipality": st.sampled_from([m.code for m in pool]),
        "county": st.sampled_from(sorted({m.county.code for m in pool})),
        "integer": st.integers(0, 15),
        "boolean": st.booleans(),
    }
    if kind.item is not None:
        inner = _values(kind.item, pool)
        return None if inner is None else st.lists(inner, min_size=1, max_size=4)
    return by_name.get(kind.name)


def _make_predicate(name: str, registry: PredicateRegistry) -> Callable[[dict[str, Any]], Rule]:
    def make(args: dict[str, Any]) -> Rule:
        given = {k: v for k, v in args.items() if v is not None}
        return predicate(name, registry=registry, **given)

    return make


def _make_comparison(name: str, registry: PredicateRegistry) -> Callable[[tuple[Any, Any]], Rule]:
    def make(pair: tuple[Any, Any]) -> Rule:
        return compare(name, pair[0], pair[1], registry=registry)

    return make


def _leaves(registry: PredicateRegistry, pool: tuple[Municipality, ...]) -> st.SearchStrategy[Rule]:
    options: list[st.SearchStrategy[Rule]] = []
    for name, spec in sorted(registry.predicates.items()):
        arguments: dict[str, st.SearchStrategy[Any]] = {}
        usable = True
        for argument in spec.arguments:
            values = _values(argument.type, pool)
            if values is None:
                usable = usable and not argument.required
                continue
            arguments[argument.name] = values if argument.required else st.none() | values
        if not usable:
            continue
        options.append(st.fixed_dictionaries(arguments).map(_make_predicate(name, registry)))
    for name, field in sorted(registry.fields.items()):
        single = _values(field.type, pool)
        if single is None:
            continue
        ops = _ORDERED_OPS if field.type.ordered else ("==", "!=")
        make = _make_comparison(name, registry)
        options.append(st.tuples(st.sampled_from(ops), single).map(make))
        options.append(
            st.tuples(
                st.sampled_from(("in", "not in")), st.lists(single, min_size=1, max_size=4)
            ).map(make)
        )
    if not options:
        raise InvalidArgument("the registry has no field or predicate a strategy can generate")
    return st.one_of(options)


def eligibility_rules(
    *,
    registry: PredicateRegistry | None = None,
    municipalities: Iterable[str | Municipality] | None = None,
    max_leaves: int = 8,
) -> st.SearchStrategy[Rule]:
    """Valid eligibility rules over *registry*'s fields and predicates (the built-ins by default).

    Leaves are every predicate and field comparison the strategy can give values for;
    values naming municipalities come from *municipalities* (Östergötland by default).
    Rules nest ``all_of``, ``any_of`` and ``not_`` up to *max_leaves* leaves.
    """
    if registry is not None and not isinstance(registry, PredicateRegistry):
        raise InvalidArgument(f"registry={registry!r} must be a PredicateRegistry")
    least = _args.check_count("max_leaves", max_leaves, least=1)
    pool = _args.municipality_pool(
        municipalities if municipalities is not None else county("05").municipalities
    )
    leaves = _leaves(registry or default_registry(), pool)
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, min_size=1, max_size=4).map(lambda rs: all_of(*rs)),
            st.lists(children, min_size=1, max_size=4).map(lambda rs: any_of(*rs)),
            children.map(not_),
        ),
        max_leaves=least,
    )


@st.composite
def _rule_application(
    draw: st.DrawFn,
    *,
    pool: tuple[Municipality, ...],
    cohort_id: str,
    complete: bool | None,
) -> Application:
    def maybe(strategy: st.SearchStrategy[Any]) -> Any:
        return draw(strategy if complete else st.none() | strategy)

    held = maybe(st.sampled_from(all_positions()))
    since = maybe(st.dates(dt.date(1995, 1, 1), dt.date(2030, 12, 31)))
    return Application(
        id=draw(st.from_regex(r"ans-[a-z0-9]{1,8}", fullmatch=True)),
        person_id="p-1",
        cohort_id=cohort_id,
        submitted=dt.date(2025, 4, 1),
        municipality=maybe(st.sampled_from(pool)),
        organisation_kind=maybe(st.sampled_from(OrganisationKind)),
        title=None if held is None else held.sv,
        position=held,
        in_position_since=since,
        reports_to=maybe(st.lists(political_bodies(), max_size=2)),
        leads_staff_function=maybe(st.booleans()),
        staff_function=maybe(st.sampled_from(StaffFunction)),
    )


def rule_applications(
    *,
    municipalities: Iterable[str | Municipality] | None = None,
    cohort_id: str = "c-1",
    complete: bool | None = None,
) -> st.SearchStrategy[Application]:
    """Applications whose every eligibility fact varies independently, each maybe unknown.

    Unlike :func:`applications`, the facts need not agree with each other (an IT-chef who
    reports to a nämnd, say), which is what rule tests want: every branch of a rule.
    *complete* ``True`` states every fact; otherwise any of them may be unknown.
    """
    _args.check_id("cohort_id", cohort_id)
    _args.check_flag("complete", complete)
    pool = _args.municipality_pool(
        municipalities
        if municipalities is not None
        else (*county("05").municipalities, *county("06").municipalities[:3])
    )
    return _rule_application(pool=pool, cohort_id=cohort_id, complete=bool(complete))


def forgetting(application: Application) -> st.SearchStrategy[Application]:
    """The *application* with some of its eligibility facts made unknown (``None``): one at least.

    For laws about missing facts: whatever the strategy forgets, a definite outcome of the
    smaller application must be the outcome of the whole one.

    .. versionchanged:: 0.3
       Forgets one fact at least (forgetting none tested nothing).
    """
    if not isinstance(application, Application):
        raise InvalidArgument(f"application={application!r} must be an Application")

    def forget(names: list[str]) -> Application:
        changes: dict[str, Any] = dict.fromkeys(names)
        if "position" in changes:
            changes["title"] = None
        return attrs.evolve(application, **changes)

    return st.lists(st.sampled_from(RULE_FACTS), min_size=1, unique=True).map(forget)
