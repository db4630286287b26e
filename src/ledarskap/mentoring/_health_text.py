"""The health report's sentences, in Swedish and English: every one of them, in one place."""

from __future__ import annotations

from ledarskap.text import Text

__all__ = [
    "ENDED",
    "ENDED_BY",
    "ENDED_ON",
    "LAST_MET",
    "LOAD",
    "LOADS",
    "NEVER_MET",
    "NONE",
    "NOT_MET",
    "OVER",
    "PAIR",
    "PLAN",
    "SUMMARY",
    "TITLE",
    "UNKNOWN_CAPACITY",
    "WITH",
]

TITLE = Text(
    "Mentorskapens hälsa i {cohort} per {day}",
    "Health of the mentorships of {cohort} as of {day}",
)
SUMMARY = Text(
    "{pairs} par, varav {running} pågående. Träffar: {held} genomförda; "
    "{due} planerade hittills, varav {missed} uteblivna.",
    "{pairs} pairs, {running} of them running. Meetings: {held} held; "
    "{due} planned so far, {missed} of them missed.",
)
NOT_MET = Text(
    "Par som inte har träffats på {weeks} veckor ({count}):",
    "Pairs that have not met in {weeks} weeks ({count}):",
)
LAST_MET = Text("senast {day}, för {days} dagar sedan", "last {day}, {days} days ago")
NEVER_MET = Text(
    "ingen träff sedan starten {day}, för {days} dagar sedan",
    "no meeting since the start {day}, {days} days ago",
)
LOADS = Text("Mentorernas belastning:", "Mentors' loads:")
LOAD = Text("{adepts} av {capacity} adepter", "{adepts} of {capacity} adepts")
UNKNOWN_CAPACITY = Text("{adepts} adepter, kapacitet okänd", "{adepts} adepts, capacity unknown")
OVER = Text(" – över kapaciteten", " – over capacity")
PLAN = Text(
    "Träffar per par mot plan (var {weeks}:e vecka):",
    "Meetings per pair against plan (every {weeks} weeks):",
)
PAIR = Text(
    "{held} genomförda, {due} planerade hittills, {missed} uteblivna, {cancelled} inställda",
    "{held} held, {due} planned so far, {missed} missed, {cancelled} cancelled",
)
ENDED = Text("Avbrutna i förtid ({count}):", "Ended early ({count}):")
ENDED_ON = Text("slutade {day}", "ended {day}")
ENDED_BY = Text("av {who}", "by {who}")
NONE = Text("inga", "none")
WITH = Text("{adept} med {mentor}", "{adept} with {mentor}")
