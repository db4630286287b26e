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
from ledarskap.model import Municipality
from ledarskap.text import Text

from ._instance import Adept, Instance
from .options import HardRule, Weights
from .pairs import Alternative, Pair, Removal, Shortage, Unmatched
from .proposals import Proposal

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["Tables", "libraries", "solve", "solver_input", "tables"]

EARTH_RADIUS_KM = 6371.0


def libraries() -> tuple[Any, Any]:
    """numpy, and scipy's ``linear_sum_assignment``; the extra's name if they are missing."""
    try:
        import numpy
        from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]
    except ImportError:
        raise MissingDependencyError(
            "scipy", "matching", Text("Att para mentorer och adepter", "Pairing mentors and adepts")
        ) from None
    return numpy, linear_sum_assignment


@attrs.frozen
class Tables:
    """An instance's score tables.

    One row an adept (the free ones, then the pinned ones); one column a mentor.
    """

    distance: NDArray[np.float64]
    """Adept's municipality × mentor: the distance between the seats, in 100 km."""
    municipality: NDArray[np.intp]
    """Per adept: its municipality's row in ``distance``."""
    base: NDArray[np.float64]
    """Adept × mentor: the weighted sum of the pair's parts, the place's spread not counted
    (wish, distance, continuity, and the mentor's given adepts from the adept's
    municipality and county)."""
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


def tables(instance: Instance, weights: Weights) -> Tables:
    """The score tables of *instance* with *weights*.

    The distance is a dense table; the other parts are sparse (a few wishes an adept, a
    few links between municipalities, a few given adepts a mentor) and are added to the
    base where they apply.
    """
    np, _ = libraries()
    adepts = [*instance.adepts, *(adept for adept, _ in instance.pinned)]
    mentors = instance.mentors
    n_free, n_mentors = len(instance.adepts), len(mentors)
    mentor_index = {m.id: i for i, m in enumerate(mentors)}
    adept_index = {a.id: i for i, a in enumerate(adepts)}

    # The adepts' municipalities, each once; the distance from each to each mentor.
    codes: dict[str, int] = {}
    seats = []
    adept_code = np.empty(len(adepts), dtype=np.intp)
    for i, adept in enumerate(adepts):
        place = adept.municipality
        if place.code not in codes:
            codes[place.code] = len(codes)
            seats.append(_seat(place.seat))
        adept_code[i] = codes[place.code]
    mentor_seats = np.array([_seat(m.municipality.seat) for m in mentors]).reshape(-1, 2)
    distance = _distances(np, np.array(seats).reshape(-1, 2), mentor_seats) / 100
    base = (distance * -weights.distance)[adept_code]

    if instance.wishes and weights.wish:
        keys = list(instance.wishes)
        rows = [adept_index[a] for a, _ in keys]
        cols = [mentor_index[m] for _, m in keys]
        base[rows, cols] += weights.wish * np.array(list(instance.wishes.values()))
    mentor_codes = np.array([codes.get(m.municipality.code, -1) for m in mentors], dtype=np.intp)
    if weights.continuity and instance.links:
        mentor_places: dict[str, int] = {}
        mentor_place = np.array(
            [mentor_places.setdefault(m.municipality.code, len(mentor_places)) for m in mentors],
            dtype=np.intp,
        )
        linked = np.zeros((len(codes), len(mentor_places)))
        for mentor_code, adept_place in instance.links:
            if adept_place in codes and mentor_code in mentor_places:
                linked[codes[adept_place], mentor_places[mentor_code]] = weights.continuity
        base += linked[np.ix_(adept_code, mentor_place)]
    county_of = np.array([code[:2] for code in codes])[adept_code]
    for m, mentor in enumerate(mentors):
        for place in mentor.fixed:  # the mentor's given adepts: counted exactly
            same_county = county_of == place.code[:2]
            base[:, m] -= weights.county_spread * same_county
            if place.code in codes:
                base[:, m] -= weights.municipality_spread * (adept_code == codes[place.code])

    # The expected share of the other free adepts from the same municipality, county.
    crowd = np.zeros((len(adepts), 2))
    if n_free > 1:
        _, adept_county = np.unique(county_of[:n_free], return_inverse=True)
        for column, key in ((0, adept_code[:n_free]), (1, adept_county)):
            sizes = np.bincount(key)
            crowd[:n_free, column] = (sizes[key] - 1) / (n_free - 1)
    slope = crowd @ np.array([weights.municipality_spread, weights.county_spread])

    free = np.array([m.places for m in mentors], dtype=np.intp)
    allowed = (adept_code[:, None] != mentor_codes[None, :]) & (free[None, :] > 0)
    removed = [(adept_index[a], mentor_index[m]) for a, m in instance.removed if a in adept_index]
    if removed:
        allowed[tuple(zip(*removed, strict=True))] = False
    columns = np.repeat(np.arange(n_mentors, dtype=np.intp), free)
    starts = np.repeat(np.cumsum(free) - free, free)
    places = np.arange(len(columns), dtype=np.intp) - starts
    return Tables(distance, adept_code, base, slope, crowd, allowed, columns, places)


def _seat(seat: tuple[float, float] | None) -> tuple[float, float]:
    # Every municipality has a seat in the package data; a missing one would be no distance.
    return (math.nan, math.nan) if seat is None else seat


def _distances(np: Any, here: Any, there: Any) -> Any:
    """Great-circle distances in km between every seat of *here* and of *there*.

    From the chord between the two points on the unit sphere (one matrix product for all
    of them), to within a metre of the haversine formula's.
    """

    def unit(seats: Any) -> Any:
        lat, lon = np.radians(seats[:, 0]), np.radians(seats[:, 1])
        return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], 1)

    a, b = unit(here), unit(there)
    squared = (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2 * (a @ b.T)
    chord = np.sqrt(np.clip(squared, 0.0, 4.0))
    return np.nan_to_num(2 * EARTH_RADIUS_KM * np.arcsin(chord / 2))


def solve(instance: Instance, weights: Weights) -> Proposal:
    """The proposal for *instance*: the optimal pairs, explained; the gaps, diagnosed."""
    np, linear_sum_assignment = libraries()
    table = tables(instance, weights)
    n_free = len(instance.adepts)
    chosen = np.full(n_free, -1, dtype=np.intp)  # per free adept: its place, or -1
    problem = solver_input(table, n_free)
    if problem is not None:
        matrix, allowed, rows, cols = problem
        r, c = linear_sum_assignment(matrix)
        ok = allowed[r, table.columns[cols[c]]]
        chosen[rows[r[ok]]] = cols[c[ok]]

    mentor_of = np.full(n_free, -1, dtype=np.intp)
    mentor_of[chosen >= 0] = table.columns[chosen[chosen >= 0]]
    index = {m.id: i for i, m in enumerate(instance.mentors)}
    pinned_to = np.array([index[m] for _, m in instance.pinned], dtype=np.intp)
    explainer = _Explainer(np, instance, table, weights, np.concatenate([mentor_of, pinned_to]))
    solved = np.flatnonzero(chosen >= 0)
    pairs = [
        explainer.pair(a, j)
        for a, j in zip(solved.tolist(), table.places[chosen[solved]].tolist(), strict=True)
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


def solver_input(table: Tables, n_free: int) -> tuple[Any, Any, Any, Any] | None:
    """What the solver is given, or ``None`` if no pair is allowed.

    That is the cost matrix, which pairs of its adepts and the mentors are allowed, and
    the free adepts (rows) and places (columns) it keeps. The cost of a place is minus
    the score, shifted to be 0 or more. Adepts with no allowed place and places no adept
    may have are left out; the pairs a hard rule removes cost more than any difference of
    totals, so that pairing fewer adepts never pays.
    """
    np, _ = libraries()
    allowed = table.allowed[:n_free]
    rows = np.flatnonzero(allowed.any(axis=1))
    cols = np.flatnonzero(np.any(allowed, axis=0)[table.columns])
    if not (len(rows) and len(cols)):
        return None
    if len(rows) < len(table.base):
        allowed = allowed[rows]
    base = table.base if len(rows) == len(table.base) else table.base[rows]
    slope, places, columns = table.slope[rows], table.places[cols], table.columns[cols]
    # Bounds of the allowed costs: the spread adds 0 to max(slope) × max(place).
    top = base.max()
    spread = slope.max() * places.max()
    big = (spread + top - base.min() + 1) * (min(len(rows), len(cols)) + 1)
    cost = np.outer(slope, places)
    cost -= np.where(allowed, base - top, -big).take(columns, axis=1)
    # A removed pair costs big in every place alike: what is left unpaired weighs nothing.
    np.minimum(cost, big, out=cost)
    return cost, allowed, rows, cols


class _Explainer:
    """Makes the pairs of a solved instance, each with its parts and next-best mentor.

    ``mentor_of`` gives each row of the tables (free adepts, then pinned ones) its mentor,
    or -1. The values of the pairs and every row's next-best mentor are taken from the
    tables at once.
    """

    def __init__(
        self, np: Any, instance: Instance, table: Tables, weights: Weights, mentor_of: Any
    ) -> None:
        self.instance = instance
        self.weights = weights
        self.adepts = [*instance.adepts, *(adept for adept, _ in instance.pinned)]
        self.mentor_of = mentor_of.tolist()
        rows = np.arange(len(mentor_of))
        matched = mentor_of >= 0
        distance = np.zeros(len(mentor_of))
        distance[matched] = table.distance[table.municipality[matched], mentor_of[matched]]
        self.distance = distance.tolist()
        self.crowd = table.crowd.tolist()
        # An alternative mentor is scored with its next place (its last, when it is full).
        mentors = instance.mentors
        free = np.array([m.places for m in mentors], dtype=np.intp)
        n_free = len(instance.adepts)
        solved = mentor_of[:n_free]
        load = np.bincount(solved[solved >= 0], minlength=len(mentors))
        self.full = (load >= free).tolist()
        next_place = np.minimum(load, np.maximum(free - 1, 0))
        scores = np.where(table.allowed, table.base - np.outer(table.slope, next_place), -np.inf)
        scores[rows[matched], mentor_of[matched]] = -np.inf
        best = scores.argmax(axis=1) if len(mentors) else np.zeros(len(rows), dtype=np.intp)
        self.best = best.tolist()
        self.best_score = (
            scores[rows, best] if len(mentors) else np.full(len(rows), -np.inf)
        ).tolist()

    def pair(self, a: int, j: int) -> Pair:
        """The pair of free adept *a* in its mentor's free place *j*."""
        mentor = self.instance.mentors[self.mentor_of[a]]
        given = self.given(a, mentor.fixed)
        expected = (j * self.crowd[a][0], j * self.crowd[a][1])
        return self.make(
            a,
            (given[0] + expected[0], given[1] + expected[1]),
            expected,
            pinned=False,
            place=len(mentor.fixed) + j + 1,
        )

    def pinned(self, k: int) -> Pair:
        """The pair of the *k*-th pin: its spread counts the adepts the mentor has before it."""
        _, mentor_id = self.instance.pinned[k]
        a = len(self.instance.adepts) + k
        mentor = self.instance.mentors[self.mentor_of[a]]
        earlier = sum(1 for _, other in self.instance.pinned[:k] if other == mentor_id)
        given = mentor.fixed[: mentor.held + earlier]
        return self.make(a, self.given(a, given), (0.0, 0.0), pinned=True, place=len(given) + 1)

    def given(self, a: int, given: tuple[Municipality, ...]) -> tuple[int, int]:
        """How many of the *given* adepts' municipalities are row *a*'s, and in its county."""
        if not given:
            return (0, 0)
        place = self.adepts[a].municipality
        return (
            sum(1 for p in given if p == place),
            sum(1 for p in given if p.county == place.county),
        )

    def make(
        self,
        a: int,
        spread: tuple[float, float],
        expected: tuple[float, float],
        *,
        pinned: bool,
        place: int,
    ) -> Pair:
        """The pair of row *a* and its mentor, with these spreads (given and expected)."""
        adept = self.adepts[a]
        mentor = self.instance.mentors[self.mentor_of[a]]
        values = (
            self.instance.wishes.get((adept.id, mentor.id), 0.0),
            self.distance[a],
            float((mentor.municipality.code, adept.municipality.code) in self.instance.links),
            *spread,
        )
        weights = self.weights
        score = (
            weights.wish * values[0]
            - weights.distance * values[1]
            + weights.continuity * values[2]
            - weights.municipality_spread * values[3]
            - weights.county_spread * values[4]
        )
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
            alternative=self.alternative(a),
        )

    def alternative(self, a: int) -> Alternative | None:
        """The best mentor for row *a* other than its own, or ``None``."""
        score = self.best_score[a]
        if score == -math.inf:
            return None
        mentor = self.instance.mentors[self.best[a]]
        return Alternative(
            mentor_id=mentor.id,
            mentor_municipality=mentor.municipality,
            score=score,
            full=self.full[self.best[a]],
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
    # One search over all the unmatched: each mentor is entered once, by the first group
    # to reach it; a later group reaching it joins that group (what lies beyond the mentor
    # is in it already). So the whole search follows each allowed pair once.
    owner: dict[int, int] = {}  # mentor -> the group that entered it
    parent: dict[int, int] = {}  # group -> the group it joined (itself while it is a root)
    found: dict[int, tuple[set[int], set[int]]] = {}  # root -> its adepts and mentors

    def root(group: int) -> int:
        while parent[group] != group:
            parent[group] = parent[parent[group]]
            group = parent[group]
        return group

    for start in (a for a in range(len(adepts)) if chosen[a] < 0):
        parent[start] = start
        reached, reached_mentors, queue, joined = {start}, set(), [start], set()
        while queue:
            for m in candidates[queue.pop()]:
                if m in owner:
                    joined.add(owner[m])
                elif m not in reached_mentors:
                    reached_mentors.add(m)
                    reached.update(holders[m])
                    queue += holders[m]
        for m in reached_mentors:
            owner[m] = start
        for other in {root(g) for g in joined} - {start}:
            parent[other] = start
            reached |= found[other][0]
            reached_mentors |= found.pop(other)[1]
        found[start] = (reached, reached_mentors)
    groups = list(found.values())
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
