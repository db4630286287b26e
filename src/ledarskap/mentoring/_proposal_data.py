"""A proposal as plain data, and read back: every problem with its path, all at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ledarskap.errors import InvalidValueError, ProblemsError, mask_personal_data
from ledarskap.text import Text

from ._data import Reader
from .options import HardRule, Preference, Weights
from .pairs import Alternative, Pair, Removal, Shortage, Unmatched

__all__ = ["NOT_A_PROPOSAL", "pair_data", "read"]

NOT_A_PROPOSAL = Text("inte ett förslag", "not a proposal")
"""The summary of the problems of data that cannot be read as a proposal."""


def pair_data(pair: Pair, co_adepts: tuple[tuple[str, ...], tuple[str, ...]]) -> dict[str, Any]:
    """A pair as plain data, with the mentor's other adepts from its municipality, county."""
    same_place, same_county = co_adepts
    alternative = pair.alternative
    return {
        "adept_id": mask_personal_data(pair.adept_id),
        "mentor_id": mask_personal_data(pair.mentor_id),
        "adept_municipality": pair.adept_municipality.code,
        "mentor_municipality": pair.mentor_municipality.code,
        "place": pair.place,
        "pinned": pair.pinned,
        "score": pair.score,
        "parts": [
            {
                "preference": part.preference.value,
                "weight": part.weight,
                "value": part.value,
                "expected": part.expected,
                "points": part.points,
            }
            for part in pair.parts
        ],
        "same_municipality": [mask_personal_data(a) for a in same_place],
        "same_county": [mask_personal_data(a) for a in same_county],
        "alternative": None
        if alternative is None
        else {
            "mentor_id": mask_personal_data(alternative.mentor_id),
            "mentor_municipality": alternative.mentor_municipality.code,
            "score": alternative.score,
            "full": alternative.full,
            "gap": pair.gap,
        },
    }


def read(data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of the proposal *data* holds; every problem at once as a ProblemsError."""
    r = Reader()
    weights = _read_weights(r, data)
    cohort_id = r.field(data, "cohort_id", str, "$")
    cohort_name = r.field(data, "cohort_name", str, "$")
    pairs = [_read_pair(r, item, path, weights) for path, item in r.items(data, "pairs", "$")]
    unmatched = [_read_unmatched(r, item, path) for path, item in r.items(data, "unmatched", "$")]
    shortages = [_read_shortage(r, item, path) for path, item in r.items(data, "shortages", "$")]
    repaired = r.texts(data, "repaired", "$")
    r.problems.raise_if_any(ProblemsError, NOT_A_PROPOSAL)
    return {
        "cohort_id": cohort_id,
        "cohort_name": cohort_name,
        "weights": weights,
        "pairs": tuple(pairs),
        "unmatched": tuple(unmatched),
        "shortages": tuple(shortages),
        "repaired": frozenset(repaired or ()),
    }


def _read_weights(r: Reader, data: Mapping[str, Any]) -> Weights | None:
    given = r.mapping(data.get("weights"), "$.weights")
    if given is None:
        return None
    values = {
        p.name.lower(): r.field(given, p.value, (int, float), "$.weights") for p in Preference
    }
    if None in values.values():
        return None
    try:
        return Weights(**values)
    except InvalidValueError as error:
        r.problems.add("$.weights", Text(error.render("sv"), str(error)), "value")
        return None


def _read_pair(r: Reader, item: Any, path: str, weights: Weights | None) -> Pair | None:
    pair = r.mapping(item, path)
    if pair is None:
        return None
    values = [0.0] * 7
    for part_path, part in r.objects(pair, "parts", path):
        preference = r.member(Preference, part.get("preference"), f"{part_path}.preference")
        value = r.field(part, "value", (int, float), part_path)
        expected = r.field(part, "expected", (int, float), part_path)
        if preference is not None and value is not None and expected is not None:
            values[list(Preference).index(preference)] = value
            if preference is Preference.MUNICIPALITY_SPREAD:
                values[5] = expected
            elif preference is Preference.COUNTY_SPREAD:
                values[6] = expected
    fields = {
        "adept_id": r.field(pair, "adept_id", str, path),
        "mentor_id": r.field(pair, "mentor_id", str, path),
        "adept_municipality": r.municipality(
            pair.get("adept_municipality"), f"{path}.adept_municipality"
        ),
        "mentor_municipality": r.municipality(
            pair.get("mentor_municipality"), f"{path}.mentor_municipality"
        ),
        "place": r.field(pair, "place", int, path),
        "pinned": r.field(pair, "pinned", bool, path),
        "score": r.field(pair, "score", (int, float), path),
    }
    alternative = _read_alternative(r, pair, f"{path}.alternative")
    if None in fields.values() or weights is None or alternative is False:
        return None
    return Pair(
        weights=weights,
        values=tuple(values),
        alternative=None if alternative is True else alternative,
        **fields,
    )


def _read_alternative(r: Reader, pair: Mapping[str, Any], path: str) -> Alternative | bool:
    """The alternative, or ``True`` for none, or ``False`` for one that could not be read."""
    if pair.get("alternative") is None:
        return True
    given = r.mapping(pair["alternative"], path)
    if given is None:
        return False
    fields = {
        "mentor_id": r.field(given, "mentor_id", str, path),
        "mentor_municipality": r.municipality(
            given.get("mentor_municipality"), f"{path}.mentor_municipality"
        ),
        "score": r.field(given, "score", (int, float), path),
        "full": r.field(given, "full", bool, path),
    }
    return False if None in fields.values() else Alternative(**fields)


def _read_unmatched(r: Reader, item: Any, path: str) -> Unmatched | None:
    given = r.mapping(item, path)
    if given is None:
        return None
    removed = []
    for removal_path, removal in r.objects(given, "removed", path):
        mentor_id = r.field(removal, "mentor_id", str, removal_path)
        rules = [
            r.member(HardRule, rule, rule_path)
            for rule_path, rule in r.items(removal, "rules", removal_path)
        ]
        if mentor_id is not None and None not in rules:
            removed.append(Removal(mentor_id=mentor_id, rules=tuple(rules)))  # type: ignore[arg-type]
    adept_id = r.field(given, "adept_id", str, path)
    place = r.municipality(given.get("municipality"), f"{path}.municipality")
    full = r.texts(given, "full", path)
    if adept_id is None or place is None or full is None:
        return None
    return Unmatched(adept_id=adept_id, municipality=place, removed=tuple(removed), full=full)


def _read_shortage(r: Reader, item: Any, path: str) -> Shortage | None:
    given = r.mapping(item, path)
    if given is None:
        return None
    places = [r.municipality(code, where) for where, code in r.items(given, "municipalities", path)]
    ruled_out = []
    for rule_path, entry in r.objects(given, "ruled_out", path):
        rule = r.member(HardRule, entry.get("rule"), f"{rule_path}.rule")
        mentors = r.texts(entry, "mentor_ids", rule_path)
        if rule is not None and mentors is not None:
            ruled_out.append((rule, mentors))
    adept_ids = r.texts(given, "adept_ids", path)
    mentor_ids = r.texts(given, "mentor_ids", path)
    count_ = r.field(given, "places", int, path)
    if adept_ids is None or mentor_ids is None or count_ is None or None in places:
        return None
    return Shortage(
        adept_ids=adept_ids,
        municipalities=tuple(places),  # type: ignore[arg-type]
        mentor_ids=mentor_ids,
        places=count_,
        ruled_out=tuple(ruled_out),
    )
