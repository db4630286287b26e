"""The catalogue of validation codes: each code's severity and its message in Swedish and English.

A code is a stable, slug-like name, ``subject.what-is-wrong`` (``mentor.own-municipality``):
tools may match on it, and it never changes meaning. New checks add new codes; a code that
is retired is never reused. Messages are templates filled with the finding's parameters,
which are record ids, dates, counts and municipality names, never personal data.

>>> from ledarskap.validation import MESSAGES
>>> rule = MESSAGES["mentor.own-municipality"]
>>> rule.severity.value
'error'
>>> print(rule.render("en", participant="d-1", mentor="mentor-1", municipality="Motala"))
Adept d-1 is mentored by mentor-1, the kommunchef of their own municipality Motala: a mentor must come from another municipality.

.. versionadded:: 0.1
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from ledarskap.model import Language

__all__ = ["MESSAGES", "Message", "Severity", "catalogue_markdown"]


class Severity(enum.Enum):
    """How serious a finding is."""

    ERROR = "error"
    """Fel: the data breaks a rule of the program and must be put right."""
    WARNING = "warning"
    """Varning: the data is unusual and worth a look, but may be right."""

    def label(self, language: Language = "sv") -> str:
        """The severity's name in Swedish or English."""
        if self is Severity.ERROR:
            return "fel" if language == "sv" else "error"
        return "varning" if language == "sv" else "warning"


@attrs.frozen(kw_only=True)
class Message:
    """One entry of the catalogue: a code, its severity, a title and message templates.

    ``sv`` and ``en`` are :meth:`str.format` templates whose fields name the parameters a
    finding of this code carries.
    """

    code: str
    severity: Severity
    title_sv: str
    title_en: str
    sv: str
    en: str

    def render(self, language: Language = "sv", /, **params: object) -> str:
        """The message in *language*, filled with *params*."""
        return (self.sv if language == "sv" else self.en).format_map(params)

    def title(self, language: Language = "sv") -> str:
        """The short title of the code in *language*."""
        return self.title_sv if language == "sv" else self.title_en


_E = Severity.ERROR
_W = Severity.WARNING

_ENTRIES = (
    # Ids ---------------------------------------------------------------------------------
    Message(
        code="id.repeated",
        severity=_E,
        title_sv="Id används två gånger",
        title_en="Repeated id",
        sv="Id {id} används redan av {first}.",
        en="The id {id} is already used by {first}.",
    ),
    Message(
        code="id.dangling",
        severity=_E,
        title_sv="Hänvisning till en post som saknas",
        title_en="Dangling reference",
        sv="{field} hänvisar till {id}, som inte finns i {target}.",
        en="{field} refers to {id}, which is not in {target}.",
    ),
    # Mentors -----------------------------------------------------------------------------
    Message(
        code="mentor.not-collaborating",
        severity=_E,
        title_sv="Mentorns kommun samverkar inte i omgången",
        title_en="Mentor's municipality does not collaborate",
        sv="Mentorn {mentor} är kommunchef i {municipality}, som inte samverkar i omgången {cohort}.",
        en="Mentor {mentor} is the kommunchef of {municipality}, which does not collaborate in cohort {cohort}.",
    ),
    Message(
        code="mentor.not-chief-executive",
        severity=_E,
        title_sv="Mentorn är inte kommunens kommunchef",
        title_en="Mentor is not the municipality's kommunchef",
        sv="Mentorn {mentor} (person {person}) är inte kommunchef i {municipality}: omgången {cohort} anger person {chief}.",
        en="Mentor {mentor} (person {person}) is not the kommunchef of {municipality}: cohort {cohort} names person {chief}.",
    ),
    Message(
        code="mentor.own-municipality",
        severity=_E,
        title_sv="Mentor från adeptens egen kommun",
        title_en="Mentor from the adept's own municipality",
        sv="Adepten {participant} har {mentor}, kommunchef i sin egen kommun {municipality}, som mentor: mentorn ska komma från en annan kommun.",
        en="Adept {participant} is mentored by {mentor}, the kommunchef of their own municipality {municipality}: a mentor must come from another municipality.",
    ),
    Message(
        code="mentor.over-capacity",
        severity=_E,
        title_sv="Mentorn har för många adepter",
        title_en="Mentor over capacity",
        sv="Mentorn {mentor} har {count} adepter samtidigt ({on}) men tar emot högst {capacity}.",
        en="Mentor {mentor} has {count} adepts at once (on {on}) but takes at most {capacity}.",
    ),
    Message(
        code="collaboration.over-capacity",
        severity=_E,
        title_sv="Fler adepter än den samverkande kommunen tar emot",
        title_en="Collaboration over capacity",
        sv="Kommunchefen i {municipality} har {count} adepter samtidigt i omgången {cohort} ({on}), fler än de {capacity} som samverkan anger.",
        en="The kommunchef of {municipality} has {count} adepts at once in cohort {cohort} (on {on}), more than the collaboration's {capacity}.",
    ),
    Message(
        code="mentor.chief-executive-unknown",
        severity=_W,
        title_sv="Samverkande kommun utan angiven kommunchef",
        title_en="Collaboration without a named kommunchef",
        sv="Mentorn {mentor} kommer från {municipality}, men omgången {cohort} anger inte kommunens kommunchef: att mentorn är kommunchef kan inte kontrolleras.",
        en="Mentor {mentor} comes from {municipality}, but cohort {cohort} names no kommunchef for it: that the mentor is the kommunchef cannot be checked.",
    ),
    Message(
        code="mentor.no-chief-appointment",
        severity=_W,
        title_sv="Mentorn saknar anställning som kommunchef",
        title_en="Mentor without a kommunchef appointment",
        sv="Mentorn {mentor} (person {person}) har ingen anställning som kommunchef i {municipality} under omgången {cohort}.",
        en="Mentor {mentor} (person {person}) holds no kommunchef appointment in {municipality} during cohort {cohort}.",
    ),
    # Mentorships and meetings ------------------------------------------------------------
    Message(
        code="adept.no-mentor",
        severity=_E,
        title_sv="Adept utan mentor",
        title_en="Adept without a mentor",
        sv="Deltagaren {participant} i omgången {cohort} har ingen mentor.",
        en="Participant {participant} of cohort {cohort} has no mentor.",
    ),
    Message(
        code="adept.two-mentors",
        severity=_E,
        title_sv="Adept med två mentorer samtidigt",
        title_en="Adept with two mentors at once",
        sv="Adepten {participant} har två mentorer samtidigt ({on}): mentorskapen {mentorship} och {other} överlappar.",
        en="Adept {participant} has two mentors at once (on {on}): mentorships {mentorship} and {other} overlap.",
    ),
    Message(
        code="mentorship.other-cohort",
        severity=_E,
        title_sv="Mentor och adept i olika omgångar",
        title_en="Mentor and adept in different cohorts",
        sv="Mentorskapet {mentorship} parar mentorn {mentor} i omgången {mentor_cohort} med adepten {participant} i omgången {cohort}.",
        en="Mentorship {mentorship} pairs mentor {mentor} of cohort {mentor_cohort} with adept {participant} of cohort {cohort}.",
    ),
    Message(
        code="mentorship.outside-cohort",
        severity=_E,
        title_sv="Mentorskap utanför omgångens datum",
        title_en="Mentorship outside the cohort's dates",
        sv="Mentorskapet {mentorship} ({start}–{end}) ligger utanför omgången {cohort} ({cohort_start}–{cohort_end}).",
        en="Mentorship {mentorship} ({start}–{end}) lies outside cohort {cohort} ({cohort_start}–{cohort_end}).",
    ),
    Message(
        code="meeting.outside-mentorship",
        severity=_E,
        title_sv="Mentorsträff utanför mentorskapet",
        title_en="Meeting outside its mentorship",
        sv="Mentorsträffen {meeting} den {on} ligger utanför mentorskapet {mentorship} ({start}–{end}).",
        en="Mentor meeting {meeting} on {on} lies outside mentorship {mentorship} ({start}–{end}).",
    ),
    # Cohorts and sessions ----------------------------------------------------------------
    Message(
        code="session.outside-cohort",
        severity=_E,
        title_sv="Träff utanför omgångens datum",
        title_en="Session outside the cohort's dates",
        sv="Träffen {session} ({start}–{end}) ligger utanför omgången {cohort} ({cohort_start}–{cohort_end}).",
        en="Session {session} ({start}–{end}) lies outside cohort {cohort} ({cohort_start}–{cohort_end}).",
    ),
    Message(
        code="session.overlap",
        severity=_W,
        title_sv="Träffar som överlappar",
        title_en="Overlapping sessions",
        sv="Träffen {session} ({start}–{end}) i omgången {cohort} överlappar träffen {other}.",
        en="Session {session} ({start}–{end}) of cohort {cohort} overlaps session {other}.",
    ),
    Message(
        code="cohort.over-capacity",
        severity=_W,
        title_sv="Fler deltagare än platser",
        title_en="More participants than places",
        sv="Omgången {cohort} har {count} deltagare men {capacity} platser.",
        en="Cohort {cohort} has {count} participants but {capacity} places.",
    ),
    Message(
        code="support-group.not-in-cohort",
        severity=_E,
        title_sv="Stödgruppsmedlem från en annan omgång",
        title_en="Support-group member from another cohort",
        sv="Stödgruppen {group} i omgången {cohort} har med {participant}, som är deltagare i omgången {other_cohort}.",
        en="Support group {group} of cohort {cohort} includes {participant}, a participant of cohort {other_cohort}.",
    ),
    Message(
        code="support-group.member-twice",
        severity=_W,
        title_sv="Deltagare i två stödgrupper",
        title_en="Participant in two support groups",
        sv="Deltagaren {participant} är med i både stödgruppen {other} och {group} i omgången {cohort}.",
        en="Participant {participant} is in both support group {other} and {group} of cohort {cohort}.",
    ),
    # Participants ------------------------------------------------------------------------
    Message(
        code="participant.twice-in-cohort",
        severity=_E,
        title_sv="Samma person två gånger i en omgång",
        title_en="The same person twice in a cohort",
        sv="Person {person} är deltagare i omgången {cohort} två gånger: {participant} och {other}.",
        en="Person {person} takes part in cohort {cohort} twice: {participant} and {other}.",
    ),
    Message(
        code="participant.overlapping-cohorts",
        severity=_E,
        title_sv="Deltagare i två omgångar samtidigt",
        title_en="Participant in two cohorts at once",
        sv="Person {person} är deltagare i omgångarna {other_cohort} ({other}) och {cohort} ({participant}), som pågår samtidigt.",
        en="Person {person} takes part in cohorts {other_cohort} ({other}) and {cohort} ({participant}), which run at the same time.",
    ),
    Message(
        code="participant.appointment-other-person",
        severity=_E,
        title_sv="Deltagarens anställning tillhör en annan person",
        title_en="Participant's appointment belongs to another person",
        sv="Deltagaren {participant} (person {person}) deltar som anställningen {appointment}, som tillhör person {holder}.",
        en="Participant {participant} (person {person}) takes part as appointment {appointment}, which belongs to person {holder}.",
    ),
    Message(
        code="participant.appointment-not-during-cohort",
        severity=_W,
        title_sv="Deltagarens anställning gäller inte under omgången",
        title_en="Participant's appointment does not hold during the cohort",
        sv="Deltagaren {participant} deltar som anställningen {appointment} ({start}–{end}), som inte gäller under omgången {cohort} ({cohort_start}–{cohort_end}).",
        en="Participant {participant} takes part as appointment {appointment} ({start}–{end}), which does not hold during cohort {cohort} ({cohort_start}–{cohort_end}).",
    ),
    Message(
        code="participant.not-collaborating",
        severity=_W,
        title_sv="Deltagare från en kommun som inte samverkar",
        title_en="Participant from a municipality that does not collaborate",
        sv="Deltagaren {participant} kommer från {municipality}, som inte samverkar i omgången {cohort}.",
        en="Participant {participant} comes from {municipality}, which does not collaborate in cohort {cohort}.",
    ),
    Message(
        code="participant.application-mismatch",
        severity=_E,
        title_sv="Deltagarens ansökan gäller en annan person eller omgång",
        title_en="Participant's application is for another person or cohort",
        sv="Deltagaren {participant} (person {person}, omgången {cohort}) hänvisar till ansökan {application}, från person {applicant} till omgången {applied_to}.",
        en="Participant {participant} (person {person}, cohort {cohort}) refers to application {application}, by person {applicant} to cohort {applied_to}.",
    ),
    Message(
        code="participant.application-not-admitted",
        severity=_W,
        title_sv="Deltagare vars ansökan inte är antagen",
        title_en="Participant whose application is not admitted",
        sv="Deltagaren {participant} hänvisar till ansökan {application}, som har status {status}.",
        en="Participant {participant} refers to application {application}, whose status is {status}.",
    ),
    Message(
        code="person.same-personnummer",
        severity=_W,
        title_sv="Två personer med samma personnummer",
        title_en="Two people with the same personnummer",
        sv="Personerna {other} och {person} har samma personnummer: troligen samma person två gånger.",
        en="People {other} and {person} have the same personnummer: probably one person recorded twice.",
    ),
    # Applications ------------------------------------------------------------------------
    Message(
        code="application.after-deadline",
        severity=_E,
        title_sv="Ansökan efter sista ansökningsdag",
        title_en="Application after the deadline",
        sv="Ansökan {application} kom in {submitted}, efter sista ansökningsdag {deadline} för omgången {cohort}.",
        en="Application {application} was submitted on {submitted}, after the deadline {deadline} of cohort {cohort}.",
    ),
    Message(
        code="application.appointment-other-person",
        severity=_E,
        title_sv="Ansökans anställning tillhör en annan person",
        title_en="Application's appointment belongs to another person",
        sv="Ansökan {application} från person {person} hänvisar till anställningen {appointment}, som tillhör person {holder}.",
        en="Application {application} by person {person} refers to appointment {appointment}, which belongs to person {holder}.",
    ),
)

MESSAGES: Mapping[str, Message] = {entry.code: entry for entry in _ENTRIES}
"""Every validation code, with its :class:`Message`, in the order the checks run."""


def catalogue_markdown(language: Language | None = None) -> str:
    """The catalogue as a Markdown table (both languages unless *language* is given).

    ``docs/validation.md`` holds this table; a test checks that it is up to date.
    """
    languages: tuple[Language, ...] = ("sv", "en") if language is None else (language,)
    head = ["Code", "Severity", *(f"Message ({lang})" for lang in languages)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for entry in _ENTRIES:
        cells = [f"`{entry.code}`", entry.severity.value]
        cells += [
            f"**{entry.title(lang)}**. {entry.sv if lang == 'sv' else entry.en}"
            for lang in languages
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
