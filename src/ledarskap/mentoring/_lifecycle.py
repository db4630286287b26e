"""Where a mentorship is in its life, as the health report reads it.

The lifecycle (proposed → active → completed or ended early) is the mentorship's
``status``, with ``ended_by`` and ``end_reason`` for one ended early. A mentorship of a
document from before the lifecycle has none of them and is active.
"""

from __future__ import annotations

import datetime as dt

from ledarskap.model import Mentorship

__all__ = ["end_reason", "ended_by", "is_ended_early", "is_proposed", "runs_on", "status"]

_ACTIVE = "active"


def status(mentorship: Mentorship) -> str:
    """The mentorship's lifecycle status, as its value (``"active"``, ``"ended-early"`` …)."""
    value: object = getattr(getattr(mentorship, "status", None), "value", _ACTIVE)
    return str(value)


def is_proposed(mentorship: Mentorship) -> bool:
    """Whether the mentorship is only proposed (not begun)."""
    return status(mentorship) == "proposed"


def is_ended_early(mentorship: Mentorship) -> bool:
    """Whether the mentorship ended before its time."""
    return status(mentorship) == "ended-early"


def runs_on(mentorship: Mentorship, day: dt.date) -> bool:
    """Whether the mentorship is active and holds on *day*."""
    return status(mentorship) == _ACTIVE and mentorship.active_on(day)


def ended_by(mentorship: Mentorship) -> str | None:
    """Who ended the mentorship early (``"adept"``, ``"mentor"``, ``"program"``), if told."""
    who: object = getattr(getattr(mentorship, "ended_by", None), "value", None)
    return None if who is None else str(who)


def end_reason(mentorship: Mentorship) -> str:
    """Why the mentorship ended early, as recorded (may be empty)."""
    return str(getattr(mentorship, "end_reason", ""))
