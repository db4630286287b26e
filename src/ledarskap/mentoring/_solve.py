"""The arithmetic of a pairing: score tables, the assignment, alternatives and shortages.

numpy and scipy are the ``matching`` extra, imported when a pairing is first made.

The pairing is a linear assignment (:func:`scipy.optimize.linear_sum_assignment`) with one
row an adept and one column a free place of a mentor: a mentor with three free places is
three columns, its first, second and third place. A pair's score is the sum of weighted
parts that depend on the adept and the mentor alone, less a spread cost that depends on
the place (see :doc:`/pairing`): the cost of a column is minus the score. Pairs a hard rule
removes get a cost larger than any gain, so that the solver first pairs as many adepts as
any pairing can, then maximises the total score; such pairs are never proposed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import attrs

from ledarskap.errors import MissingDependencyError

from ._instance import Adept, Instance
from .options import HardRule, Weights
from .proposals import Alternative, Pair, Proposal, Removal, Shortage, Unmatched

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["Tables", "costs", "libraries", "solve", "tables"]

EARTH_RADIUS_KM = 6371.0


def libraries() -> tuple[Any, Any]:
    """numpy, and scipy's ``linear_sum_assignment``; the extra's name if they are missing."""
    try:
        import numpy
        from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]
    except ImportError:
        raise MissingDependencyError("scipy", "matching", "Pairing mentors and adepts") from None
    return numpy, linear_sum_assignment


@attrs.frozen
class Tables:
    """An instance's score tables.

    One row an adept (the free ones, then the pinned ones); one column a mentor.
    """

    values: NDArray[np.float64]
    """Adept × mentor × part: wish, distance (100 km), continuity, mentor's given adepts
    from the same municipality, from the same county."""
    base: NDArray[np.float64]
    """Adept × mentor: the weighted sum of ``values``, the place's spread not counted."""
    slope: NDArray[np.float64]
    """Per adept: the spread cost of each place further down a mentor's list."""
    crowd: NDArray[np.float64]
    """Per adept: the expected share of other adepts from its municipality, its county."""
    allowed: NDArray[np.bool_]
    """Adept × mentor: no hard rule removes the pair, and the mentor has a free place."""
    columns: NDArray[np.intp]
    """Per place: its mentor."""
    places: NDArray[np.intp]
    """Per place: its index among the mentor's free places (0 is the first)."""


def tables(instance: Instance, weights: Weights) -> Tables:  # noqa: PLR0912 - one loop a part
    """The score tables of *instance* with *weights*."""
    np, _ = libraries()
    adepts = [*instance.adepts, *(adept for adept, _ in instance.pinned)]
    mentors = instance.mentors
    n_free, n_mentors = len(instance.adepts), len(mentors)
    mentor_index = {m.id: i for i, m in enumerate(mentors)}
    adept_index = {a.id: i for i, a in enumerate(adepts)}

    # Municipalities and counties, each once.
    codes: dict[str, int] = {}
    for place in (*(a.municipality for a in adepts), *(m.municipality for m in mentors)):
        codes.setdefault(place.code, len(codes))
    counties: dict[str, int] = {}
    for code in codes:
        counties.setdefault(code[:2], len(counties))
    seat = np.array(
        [_seat(a.municipality.seat) for a in adepts] + [_seat(m.municipality.seat) for m in mentors]
    ).reshape(-1, 2)
    adept_code = np.array([codes[a.municipality.code] for a in adepts], dtype=np.intp)
    mentor_code = np.array([codes[m.municipality.code] for m in mentors], dtype=np.intp)
    adept_county = np.array([counties[a.municipality.code[:2]] for a in adepts], dtype=np.intp)

    values = np.zeros((len(adepts), n_mentors, 5))
    for (adept_id, mentor_id), points in instance.wishes.items():
        values[adept_index[adept_id], mentor_index[mentor_id], 0] = points
    values[:, :, 1] = _distances(np, seat[: len(adepts)], seat[len(adepts) :]) / 100
    if instance.links:
        linked = np.zeros((len(codes), len(codes)))
        for mentor_code_, adept_code_ in instance.links:
            if mentor_code_ in codes and adept_code_ in codes:
                linked[codes[mentor_code_], codes[adept_code_]] = 1
        values[:, :, 2] = linked[mentor_code][:, adept_code].T
    same_place = np.zeros((n_mentors, len(codes)))
    same_county = np.zeros((n_mentors, len(counties)))
    for m, mentor in enumerate(mentors):
        for place in mentor.fixed:
            if place.code in codes:
                same_place[m, codes[place.code]] += 1
            if place.code[:2] in counties:
                same_county[m, counties[place.code[:2]]] += 1
    values[:, :, 3] = same_place[:, adept_code].T
    values[:, :, 4] = same_county[:, adept_county].T

    part_weights = np.array(
        [
            weights.wish,
            -weights.distance,
            weights.continuity,
            -weights.municipality_spread,
            -weights.county_spread,
        ]
    )
    base = values @ part_weights

    # The expected share of the other free adepts from the same municipality, county.
    crowd = np.zeros((len(adepts), 2))
    if n_free > 1:
        for column, key in ((0, adept_code[:n_free]), (1, adept_county[:n_free])):
            sizes = np.bincount(key)
            crowd[:n_free, column] = (sizes[key] - 1) / (n_free - 1)
    slope = crowd @ np.array([weights.municipality_spread, weights.county_spread])

    free = np.array([m.places for m in mentors], dtype=np.intp)
    allowed = (adept_code[:, None] != mentor_code[None, :]) & (free[None, :] > 0)
    for adept_id, mentor_id in instance.removed:
        if adept_id in adept_index:
            allowed[adept_index[adept_id], mentor_index[mentor_id]] = False
    columns = np.repeat(np.arange(n_mentors, dtype=np.intp), free)
    starts = np.repeat(np.cumsum(free) - free, free)
    places = np.arange(len(columns), dtype=np.intp) - starts
    return Tables(values, base, slope, crowd, allowed, columns, places)


def _seat(seat: tuple[float, float] | None) -> tuple[float, float]:
    # Every municipality has a seat in the package data; a missing one would be no distance.
    return (math.nan, math.nan) if seat is None else seat


def _distances(np: Any, here: Any, there: Any) -> Any:
    """Great-circle distances in km between every seat of *here* and of *there* (haversine)."""
    lat1, lon1 = np.radians(here[:, :1]), np.radians(here[:, 1:])
    lat2, lon2 = np.radians(there[:, 0])[None, :], np.radians(there[:, 1])[None, :]
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return np.nan_to_num(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0))))


def solve(instance: Instance, weights: Weights) -> Proposal:
    """The proposal for *instance*: the optimal pairs, explained; the gaps, diagnosed."""
    np, linear_sum_assignment = libraries()
    table = tables(instance, weights)
    n_free = len(instance.adepts)
    cost, allowed = costs(table, n_free)

    chosen = np.full(n_free, -1, dtype=np.intp)  # per free adept: its place, or -1
    rows = np.flatnonzero(allowed.any(axis=1))
    cols = np.flatnonzero(allowed.any(axis=0))
    if len(rows) and len(cols):
        sub_allowed = allowed[np.ix_(rows, cols)]
        sub = cost[np.ix_(rows, cols)]
        low, high = sub[sub_allowed].min(), sub[sub_allowed].max()
        # Larger than any difference of totals: fewer adepts paired never pays.
        big = (high - low + 1) * (min(len(rows), len(cols)) + 1)
        r, c = linear_sum_assignment(np.where(sub_allowed, sub - low, big))
        ok = sub_allowed[r, c]
        chosen[rows[r[ok]]] = cols[c[ok]]

    mentor_of = np.full(n_free, -1, dtype=np.intp)
    mentor_of[chosen >= 0] = table.columns[chosen[chosen >= 0]]
    explainer = _Explainer(np, instance, table, weights, mentor_of)
    pairs = [
        explainer.pair(a, int(mentor_of[a]), int(table.places[chosen[a]]))
        for a in range(n_free)
        if chosen[a] >= 0
    ]
    pairs += [explainer.pinned(k) for k in range(len(instance.pinned))]
    pairs.sort(key=lambda pair: pair.adept_id)
    unmatched = [_unmatched(instance, a) for a in range(n_free) if chosen[a] < 0]
    shortages = _shortages(instance, table, chosen, mentor_of) if unmatched else []
    return Proposal(
        cohort_id=instance.cohort.id,
        cohort_name=instance.cohort.name,
        weights=weights,
        pairs=tuple(pairs),
        unmatched=tuple(unmatched),
        shortages=tuple(shortages),
        repaired=instance.repaired,
    )


def costs(table: Tables, n_free: int) -> tuple[Any, Any]:
    """The free adepts × places cost matrix (minus the score) and which entries are allowed."""
    np, _ = libraries()
    score = table.base[:n_free, table.columns] - np.outer(table.slope[:n_free], table.places)
    return -score, table.allowed[:n_free, table.columns]


class _Explainer:
    """Makes the pairs of a solved instance, each with its parts and next-best mentor."""

    def __init__(
        self, np: Any, instance: Instance, table: Tables, weights: Weights, mentor_of: Any
    ) -> None:
        self.np = np
        self.instance = instance
        self.table = table
        self.weights = weights
        self.values = table.values.tolist()
        self.crowd = table.crowd.tolist()
        mentors = instance.mentors
        self.index = {m.id: i for i, m in enumerate(mentors)}
        # An alternative mentor is scored with its next place (its last, when it is full).
        free = np.array([m.places for m in mentors], dtype=np.intp)
        load = np.bincount(mentor_of[mentor_of >= 0], minlength=len(mentors))
        self.full = (load >= free).tolist()
        next_place = np.minimum(load, np.maximum(free - 1, 0))
        alternatives = table.base - np.outer(table.slope, next_place)
        self.alternatives = np.where(table.allowed, alternatives, -np.inf)

    def pair(self, a: int, m: int, j: int) -> Pair:
        """The pair of free adept *a* with mentor *m* in its free place *j*."""
        row = self.values[a][m]
        mentor = self.instance.mentors[m]
        expected = (j * self.crowd[a][0], j * self.crowd[a][1])
        return self.make(
            a,
            m,
            (*row[:3], row[3] + expected[0], row[4] + expected[1]),
            expected,
            pinned=False,
            place=len(mentor.fixed) + j + 1,
        )

    def pinned(self, k: int) -> Pair:
        """The pair of the *k*-th pin: its spread counts the adepts the mentor has before it."""
        adept, mentor_id = self.instance.pinned[k]
        m = self.index[mentor_id]
        mentor = self.instance.mentors[m]
        earlier = sum(1 for _, other in self.instance.pinned[:k] if other == mentor_id)
        given = mentor.fixed[: mentor.held + earlier]
        place = adept.municipality
        row = self.values[len(self.instance.adepts) + k][m]
        same_place = sum(1 for p in given if p == place)
        same_county = sum(1 for p in given if p.county == place.county)
        return self.make(
            len(self.instance.adepts) + k,
            m,
            (*row[:3], same_place, same_county),
            (0.0, 0.0),
            pinned=True,
            place=len(given) + 1,
        )

    def make(
        self,
        a: int,
        m: int,
        values: tuple[float, ...],
        expected: tuple[float, float],
        *,
        pinned: bool,
        place: int,
    ) -> Pair:
        """The pair of row *a* and mentor *m*, with these part values."""
        weights = self.weights
        score = (
            weights.wish * values[0]
            - weights.distance * values[1]
            + weights.continuity * values[2]
            - weights.municipality_spread * values[3]
            - weights.county_spread * values[4]
        )
        adepts = self.instance.adepts
        adept = adepts[a] if a < len(adepts) else self.instance.pinned[a - len(adepts)][0]
        mentor = self.instance.mentors[m]
        return Pair(
            adept_id=adept.id,
            mentor_id=mentor.id,
            adept_municipality=adept.municipality,
            mentor_municipality=mentor.municipality,
            place=place,
            pinned=pinned,
            weights=weights,
            values=(*values, *expected),
            score=score,
            alternative=self.alternative(a, m),
        )

    def alternative(self, a: int, m: int) -> Alternative | None:
        """The best mentor for row *a* other than *m*, or ``None``."""
        row = self.alternatives[a].copy()
        row[m] = -self.np.inf
        best = int(row.argmax())
        if not self.np.isfinite(row[best]):
            return None
        mentor = self.instance.mentors[best]
        return Alternative(
            mentor_id=mentor.id,
            mentor_municipality=mentor.municipality,
            score=float(row[best]),
            full=self.full[best],
        )


def _rules(instance: Instance, adept: Adept, m: int) -> list[HardRule]:
    mentor = instance.mentors[m]
    rules = sorted(instance.removed.get((adept.id, mentor.id), ()), key=list(HardRule).index)
    if adept.municipality == mentor.municipality:
        rules.insert(0, HardRule.OWN_MUNICIPALITY)
    if not mentor.available:
        rules.append(HardRule.UNAVAILABLE)
    elif mentor.places == 0:
        rules.append(HardRule.NO_PLACE)
    return rules


def _unmatched(instance: Instance, a: int) -> Unmatched:
    adept = instance.adepts[a]
    removed, full = [], []
    for m, mentor in enumerate(instance.mentors):
        rules = _rules(instance, adept, m)
        if rules:
            removed.append(Removal(mentor_id=mentor.id, rules=tuple(rules)))
        else:
            full.append(mentor.id)
    return Unmatched(
        adept_id=adept.id, municipality=adept.municipality, removed=tuple(removed), full=tuple(full)
    )


def _shortages(  # noqa: PLR0912 - a search, then a summary
    instance: Instance, table: Tables, chosen: Any, mentor_of: Any
) -> list[Shortage]:
    """The Hall violators behind the unmatched adepts, found by alternating paths.

    From an unmatched adept, follow every mentor it may have, then the adepts the solver
    gave that mentor, and so on. Had a mentor reached this way a free place left, the path
    to it would pair one more adept, which the solver's pairing rules out (it pairs as many
    as can be): so every mentor reached is full, with adepts reached. The adepts reached
    outnumber the places of the mentors reached by the unmatched among them, and those
    mentors are all the adepts may have. Groups that share an adept are merged.
    """
    adepts, mentors = instance.adepts, instance.mentors
    holders: defaultdict[int, list[int]] = defaultdict(list)
    for a, m in enumerate(mentor_of.tolist()):
        if m >= 0:
            holders[m].append(a)
    candidates = [row.nonzero()[0].tolist() for row in table.allowed[: len(adepts)]]
    groups: list[tuple[set[int], set[int]]] = []
    for start in (a for a in range(len(adepts)) if chosen[a] < 0):
        if any(start in group for group, _ in groups):
            continue
        reached, reached_mentors, queue = {start}, set(), [start]
        while queue:
            for m in candidates[queue.pop()]:
                if m not in reached_mentors:
                    reached_mentors.add(m)
                    fresh = [b for b in holders[m] if b not in reached]
                    reached.update(fresh)
                    queue += fresh
        merged = [g for g in groups if g[0] & reached]
        for g in merged:
            groups.remove(g)
            reached |= g[0]
            reached_mentors |= g[1]
        groups.append((reached, reached_mentors))
    shortages = []
    for reached, reached_mentors in sorted(groups, key=lambda g: min(g[0])):
        members = sorted(reached)
        ruled_out: defaultdict[HardRule, set[str]] = defaultdict(set)
        for m in range(len(mentors)):
            if m in reached_mentors:
                continue
            for a in members:
                for rule in _rules(instance, adepts[a], m):
                    ruled_out[rule].add(mentors[m].id)
        places = sorted({adepts[a].municipality for a in members}, key=lambda p: p.name)
        shortages.append(
            Shortage(
                adept_ids=tuple(adepts[a].id for a in members),
                municipalities=tuple(places),
                mentor_ids=tuple(mentors[m].id for m in sorted(reached_mentors)),
                places=sum(mentors[m].places for m in reached_mentors),
                ruled_out=tuple(
                    (rule, tuple(sorted(ruled_out[rule]))) for rule in HardRule if rule in ruled_out
                ),
            )
        )
    return shortages
