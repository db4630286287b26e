"""Program documents whose cohorts break their invariants across fields, and where each break is.

A cohort's sessions must lie within its dates, and no session id, support-group id or
collaborating municipality may come twice in it: checks across a record's fields, which
every reader must report one problem per offending item, at that item's path.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from hypothesis import strategies as st

import ledarskap


@st.composite
def broken_cohorts(draw: st.DrawFn, document: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A copy of *document* (JSON, as ``dumps`` writes it) with some of its cohorts' sessions
    moved past the cohort's end, and some ids and municipalities of their items repeated
    (a municipality by name, its first by code); and the JSON path of each offending item."""
    document = copy.deepcopy(document)
    paths: list[str] = []
    for c, cohort in enumerate(document.get("cohorts", [])):
        at = f"$.cohorts[{c}]"
        end = dt.date.fromisoformat(cohort["end"])
        sessions = cohort["sessions"]
        for k, session in enumerate(sessions):
            if draw(st.booleans()):
                after = (end + dt.timedelta(days=draw(st.integers(1, 30)))).isoformat()
                session.update(start=after, end=after)
                paths.append(f"{at}.sessions[{k}]")
        for field, key in (("sessions", "id"), ("support_groups", "id")):
            items = cohort[field]
            for k in range(1, len(items)):
                if draw(st.booleans()):
                    items[k][key] = items[draw(st.integers(0, k - 1))][key]
                    paths.append(f"{at}.{field}[{k}].{key}")
        places = cohort["collaborations"]
        for k in range(1, len(places)):
            if draw(st.booleans()):
                code = places[draw(st.integers(0, k - 1))]["municipality"]
                places[k]["municipality"] = ledarskap.municipality(code).name
                paths.append(f"{at}.collaborations[{k}].municipality")
    return document, paths
