"""What the eligibility tests share: a cohort of four collaborating municipalities and an
application with only the facts a test gives."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ledarskap.model import Application, Cohort, Collaboration, PoliticalBody, PoliticalBodyKind

AS_OF = dt.date(2025, 9, 1)

COHORT = Cohort(
    id="c-2025",
    program_id="liko",
    name="Omgång 2025/26",
    start=AS_OF,
    end=dt.date(2026, 6, 30),
    collaborations=[
        Collaboration(municipality=m) for m in ("Linköping", "Norrköping", "Motala", "Mjölby")
    ],
)

NAMND = PoliticalBody(name="Socialnämnden", kind=PoliticalBodyKind.NAMND)

KS = PoliticalBody(name="Kommunstyrelsen", kind=PoliticalBodyKind.KOMMUNSTYRELSE)


def application(**facts: Any) -> Application:
    """An application with the ids and date every application needs, and *facts*."""
    base: dict[str, Any] = {
        "id": "ans-1",
        "person_id": "p-1",
        "cohort_id": "c-2025",
        "submitted": dt.date(2025, 4, 1),
    }
    return Application(**(base | facts))
