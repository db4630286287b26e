"""The health report as text, in Swedish and English: every sentence of it, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledarskap.errors import mask_personal_data
from ledarskap.text import Language, Text

if TYPE_CHECKING:
    from .health import HealthReport, PairHealth

__all__ = ["render"]

_TITLE = Text(
    "Mentorskapens hälsa i {cohort} per {day}",
    "Health of the mentorships of {cohort} as of {day}",
)
_SUMMARY = Text(
    "{pairs} par, varav {running} pågående. Träffar: {held} genomförda; "
    "{due} planerade hittills, varav {missed} uteblivna.",
    "{pairs} pairs, {running} of them running. Meetings: {held} held; "
    "{due} planned so far, {missed} of them missed.",
)
_NOT_MET = Text(
    "Par som inte har träffats på {weeks} veckor ({count}):",
    "Pairs that have not met in {weeks} weeks ({count}):",
)
_LAST_MET = Text("senast {day}, för {days} dagar sedan", "last {day}, {days} days ago")
_NEVER_MET = Text(
    "ingen träff sedan starten {day}, för {days} dagar sedan",
    "no meeting since the start {day}, {days} days ago",
)
_LOADS = Text("Mentorernas belastning:", "Mentors' loads:")
_LOAD = Text("{adepts} av {capacity} adepter", "{adepts} of {capacity} adepts")
_UNKNOWN_CAPACITY = Text("{adepts} adepter, kapacitet okänd", "{adepts} adepts, capacity unknown")
_OVER = Text(" – över kapaciteten", " – over capacity")
_PLAN = Text(
    "Träffar per par mot plan (var {weeks}:e vecka):",
    "Meetings per pair against plan (every {weeks} weeks):",
)
_PAIR = Text(
    "{held} genomförda, {due} planerade hittills, {missed} uteblivna, {cancelled} inställda",
    "{held} held, {due} planned so far, {missed} missed, {cancelled} cancelled",
)
_ENDED = Text("Avbrutna i förtid ({count}):", "Ended early ({count}):")
_ENDED_ON = Text("slutade {day}", "ended {day}")
_ENDED_BY = {
    "adept": Text("av adepten", "by the adept"),
    "mentor": Text("av mentorn", "by the mentor"),
    "program": Text("av programmet", "by the program"),
}
_NONE = Text("inga", "none")
_WITH = Text("{adept} med {mentor}", "{adept} with {mentor}")


def render(report: HealthReport, language: Language) -> str:
    """*report* as text in *language*; personal data (personnummer, e-mail) masked."""
    lines = [
        _TITLE.format(cohort=report.cohort_name, day=report.as_of.isoformat()).render(language),
        _SUMMARY.format(
            pairs=len(report.pairs),
            running=sum(pair.running for pair in report.pairs),
            held=report.held,
            due=report.due,
            missed=report.missed,
        ).render(language),
        "",
        _NOT_MET.format(weeks=report.not_met_weeks, count=len(report.not_met)).render(language),
    ]
    lines += [
        f"  - {_pair_name(report, pair, language)}: {_quiet(pair, language)}"
        for pair in report.not_met
    ]
    if not report.not_met:
        lines.append(f"  {_NONE.render(language)}")
    lines += ["", _LOADS.render(language)]
    for load in report.loads:
        if load.capacity is None:
            text = _UNKNOWN_CAPACITY.format(adepts=load.adepts).render(language)
        else:
            text = _LOAD.format(adepts=load.adepts, capacity=load.capacity).render(language)
            text += _OVER.render(language) if load.over else ""
        lines.append(f"  - {_name(report, load.mentor_id)}: {text}")
    lines += ["", _PLAN.format(weeks=report.cadence.every_weeks).render(language)]
    lines += [
        f"  - {_pair_name(report, pair, language)}: "
        + _PAIR.format(
            held=pair.held, due=pair.due, missed=pair.missed, cancelled=pair.cancelled
        ).render(language)
        for pair in report.pairs
    ]
    lines += ["", _ENDED.format(count=len(report.ended_early)).render(language)]
    for ended in report.ended_early:
        parts = [
            _WITH.format(
                adept=_name(report, ended.participant_id), mentor=_name(report, ended.mentor_id)
            ).render(language)
        ]
        if ended.end is not None:
            parts.append(_ENDED_ON.format(day=ended.end.isoformat()).render(language))
        if ended.ended_by in _ENDED_BY:
            parts.append(_ENDED_BY[ended.ended_by].render(language))
        text = ", ".join(parts)
        lines.append(f"  - {text}: {ended.reason}" if ended.reason else f"  - {text}")
    if not report.ended_early:
        lines.append(f"  {_NONE.render(language)}")
    return mask_personal_data("\n".join(lines))


def _name(report: HealthReport, record_id: str) -> str:
    name = report.names.get(record_id)
    return record_id if name is None else f"{name} ({record_id})"


def _pair_name(report: HealthReport, pair: PairHealth, language: Language) -> str:
    return _WITH.format(
        adept=_name(report, pair.participant_id), mentor=_name(report, pair.mentor_id)
    ).render(language)


def _quiet(pair: PairHealth, language: Language) -> str:
    days = pair.quiet_days or 0
    if pair.last_met is None:
        return _NEVER_MET.format(day=pair.start.isoformat(), days=days).render(language)
    return _LAST_MET.format(day=pair.last_met.isoformat(), days=days).render(language)
