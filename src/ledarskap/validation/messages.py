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

from collections.abc import Mapping

import attrs

from ledarskap._deprecation import warn_deprecated
from ledarskap.model._methods import lazy_methods
from ledarskap.text import LANGUAGES, LabelledEnum, Language, Text, checked_language

__all__ = ["MESSAGES", "Message", "Severity", "catalogue_markdown"]


class Severity(LabelledEnum):
    """How serious a finding is: an error (fel) must be put right; a warning (varning) may be right."""

    ERROR = "error", "fel", "error"
    WARNING = "warning", "varning", "warning"


@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Message:
    """One entry of the catalogue: a code, its severity, a heading and a message template.

    ``text`` holds :meth:`str.format` templates, in Swedish and English, whose fields name
    the parameters a finding of this code carries.
    """

    code: str
    severity: Severity
    heading: Text
    text: Text

    def render(self, language: Language = "sv", /, **params: object) -> str:
        """The message in *language* (``"sv"`` or ``"en"``; any other is refused), filled with *params*."""
        return self.text.render(language).format_map(params)

    def title(self, language: Language = "sv") -> str:
        """The short title of the code in *language*."""
        return self.heading.render(language)

    @property
    def title_sv(self) -> str:
        """Deprecated: ``title("sv")``."""
        warn_deprecated("Message.title_sv", 'Message.title("sv")')
        return self.heading.sv

    @property
    def title_en(self) -> str:
        """Deprecated: ``title("en")``."""
        warn_deprecated("Message.title_en", 'Message.title("en")')
        return self.heading.en

    @property
    def sv(self) -> str:
        """Deprecated: ``text.sv``."""
        warn_deprecated("Message.sv", "Message.text.sv")
        return self.text.sv

    @property
    def en(self) -> str:
        """Deprecated: ``text.en``."""
        warn_deprecated("Message.en", "Message.text.en")
        return self.text.en


_E = Severity.ERROR
_W = Severity.WARNING

_ENTRIES = (
    # Ids ---------------------------------------------------------------------------------
    Message(
        code="id.repeated",
        severity=_E,
        heading=Text("Id används två gånger", "Repeated id"),
        text=Text(
            "Id {id} används redan av {first}.",
            "The id {id} is already used by {first}.",
        ),
    ),
    Message(
        code="id.dangling",
        severity=_E,
        heading=Text("Hänvisning till en post som saknas", "Dangling reference"),
        text=Text(
            "{field} hänvisar till {id}, som inte finns i {target}.",
            "{field} refers to {id}, which is not in {target}.",
        ),
    ),
    # Mentors -----------------------------------------------------------------------------
    Message(
        code="mentor.not-collaborating",
        severity=_E,
        heading=Text(
            "Mentorns kommun samverkar inte i omgången",
            "Mentor's municipality does not collaborate",
        ),
        text=Text(
            "Mentorn {mentor} är kommunchef i {municipality}, som inte samverkar i omgången {cohort}.",
            "Mentor {mentor} is the kommunchef of {municipality}, which does not collaborate in cohort {cohort}.",
        ),
    ),
    Message(
        code="mentor.not-chief-executive",
        severity=_E,
        heading=Text(
            "Mentorn är inte kommunens kommunchef", "Mentor is not the municipality's kommunchef"
        ),
        text=Text(
            "Mentorn {mentor} (person {person}) är inte kommunchef i {municipality}: omgången {cohort} anger person {chief}.",
            "Mentor {mentor} (person {person}) is not the kommunchef of {municipality}: cohort {cohort} names person {chief}.",
        ),
    ),
    Message(
        code="mentor.own-municipality",
        severity=_E,
        heading=Text(
            "Mentor från adeptens egen kommun", "Mentor from the adept's own municipality"
        ),
        text=Text(
            "Adepten {participant} har {mentor}, kommunchef i sin egen kommun {municipality}, som mentor: mentorn ska komma från en annan kommun.",
            "Adept {participant} is mentored by {mentor}, the kommunchef of their own municipality {municipality}: a mentor must come from another municipality.",
        ),
    ),
    Message(
        code="mentor.over-capacity",
        severity=_E,
        heading=Text("Mentorn har för många adepter", "Mentor over capacity"),
        text=Text(
            "Mentorn {mentor} har {count} adepter samtidigt ({on}) men tar emot högst {capacity}.",
            "Mentor {mentor} has {count} adepts at once (on {on}) but takes at most {capacity}.",
        ),
    ),
    Message(
        code="collaboration.over-capacity",
        severity=_E,
        heading=Text(
            "Fler adepter än den samverkande kommunen tar emot", "Collaboration over capacity"
        ),
        text=Text(
            "Kommunchefen i {municipality} har {count} adepter samtidigt i omgången {cohort} ({on}), fler än de {capacity} som samverkan anger.",
            "The kommunchef of {municipality} has {count} adepts at once in cohort {cohort} (on {on}), more than the collaboration's {capacity}.",
        ),
    ),
    Message(
        code="mentor.chief-executive-unknown",
        severity=_W,
        heading=Text(
            "Samverkande kommun utan angiven kommunchef", "Collaboration without a named kommunchef"
        ),
        text=Text(
            "Mentorn {mentor} kommer från {municipality}, men omgången {cohort} anger inte kommunens kommunchef: att mentorn är kommunchef kan inte kontrolleras.",
            "Mentor {mentor} comes from {municipality}, but cohort {cohort} names no kommunchef for it: that the mentor is the kommunchef cannot be checked.",
        ),
    ),
    Message(
        code="mentor.no-chief-appointment",
        severity=_W,
        heading=Text(
            "Mentorn saknar anställning som kommunchef", "Mentor without a kommunchef appointment"
        ),
        text=Text(
            "Mentorn {mentor} (person {person}) har ingen anställning som kommunchef i {municipality} under omgången {cohort}.",
            "Mentor {mentor} (person {person}) holds no kommunchef appointment in {municipality} during cohort {cohort}.",
        ),
    ),
    # Mentorships and meetings ------------------------------------------------------------
    Message(
        code="adept.no-mentor",
        severity=_E,
        heading=Text("Adept utan mentor", "Adept without a mentor"),
        text=Text(
            "Deltagaren {participant} i omgången {cohort} har ingen mentor.",
            "Participant {participant} of cohort {cohort} has no mentor.",
        ),
    ),
    Message(
        code="adept.two-mentors",
        severity=_E,
        heading=Text("Adept med två mentorer samtidigt", "Adept with two mentors at once"),
        text=Text(
            "Adepten {participant} har två mentorer samtidigt ({on}): mentorskapen {mentorship} och {other} överlappar.",
            "Adept {participant} has two mentors at once (on {on}): mentorships {mentorship} and {other} overlap.",
        ),
    ),
    Message(
        code="adept.proposed-overlap",
        severity=_W,
        heading=Text(
            "Föreslaget mentorskap överlappar ett annat", "Proposed mentorship overlaps another"
        ),
        text=Text(
            "Mentorskapet {mentorship} föreslås för adepten {participant}, som från {on} också har mentorskapet {other}: avsluta det ena innan det föreslagna blir pågående, så att adepten har en mentor i taget.",
            "Mentorship {mentorship} is proposed for adept {participant}, who from {on} also has mentorship {other}: end one before the proposal becomes active, so that the adept has one mentor at a time.",
        ),
    ),
    Message(
        code="adept.withdrawn-mentorship",
        severity=_W,
        heading=Text(
            "Avbruten deltagare med pågående mentorskap",
            "Withdrawn participant with a mentorship that lasts",
        ),
        text=Text(
            "Deltagaren {participant} har avbrutit programmet, men mentorskapet {mentorship} är inte avslutat: avsluta det som avbrutet i förtid (det sparas i historiken).",
            "Participant {participant} has withdrawn from the program, but mentorship {mentorship} is not over: end it as ended early (it stays in the history).",
        ),
    ),
    Message(
        code="mentorship.other-cohort",
        severity=_E,
        heading=Text("Mentor och adept i olika omgångar", "Mentor and adept in different cohorts"),
        text=Text(
            "Mentorskapet {mentorship} parar mentorn {mentor} i omgången {mentor_cohort} med adepten {participant} i omgången {cohort}.",
            "Mentorship {mentorship} pairs mentor {mentor} of cohort {mentor_cohort} with adept {participant} of cohort {cohort}.",
        ),
    ),
    Message(
        code="mentorship.outside-cohort",
        severity=_E,
        heading=Text("Mentorskap utanför omgångens datum", "Mentorship outside the cohort's dates"),
        text=Text(
            "Mentorskapet {mentorship} ({start}–{end}) ligger utanför omgången {cohort} ({cohort_start}–{cohort_end}).",
            "Mentorship {mentorship} ({start}–{end}) lies outside cohort {cohort} ({cohort_start}–{cohort_end}).",
        ),
    ),
    Message(
        code="meeting.outside-mentorship",
        severity=_E,
        heading=Text("Mentorsträff utanför mentorskapet", "Meeting outside its mentorship"),
        text=Text(
            "Mentorsträffen {meeting} den {on} ligger utanför mentorskapet {mentorship} ({start}–{end}).",
            "Mentor meeting {meeting} on {on} lies outside mentorship {mentorship} ({start}–{end}).",
        ),
    ),
    Message(
        code="meeting.of-proposed",
        severity=_E,
        heading=Text(
            "Genomförd träff i ett föreslaget mentorskap", "Held meeting of a proposed mentorship"
        ),
        text=Text(
            "Mentorsträffen {meeting} den {on} är genomförd, men mentorskapet {mentorship} är bara föreslaget: gör det pågående när paret har börjat träffas.",
            "Mentor meeting {meeting} on {on} was held, but mentorship {mentorship} is only proposed: make it active once the pair has started meeting.",
        ),
    ),
    # Cohorts and sessions ----------------------------------------------------------------
    Message(
        code="session.outside-cohort",
        severity=_E,
        heading=Text("Träff utanför omgångens datum", "Session outside the cohort's dates"),
        text=Text(
            "Träffen {session} ({start}–{end}) ligger utanför omgången {cohort} ({cohort_start}–{cohort_end}).",
            "Session {session} ({start}–{end}) lies outside cohort {cohort} ({cohort_start}–{cohort_end}).",
        ),
    ),
    Message(
        code="session.overlap",
        severity=_W,
        heading=Text("Träffar som överlappar", "Overlapping sessions"),
        text=Text(
            "Träffen {session} ({start}–{end}) i omgången {cohort} överlappar träffen {other}.",
            "Session {session} ({start}–{end}) of cohort {cohort} overlaps session {other}.",
        ),
    ),
    Message(
        code="cohort.over-capacity",
        severity=_W,
        heading=Text("Fler deltagare än platser", "More participants than places"),
        text=Text(
            "Omgången {cohort} har {count} deltagare men {capacity} platser.",
            "Cohort {cohort} has {count} participants but {capacity} places.",
        ),
    ),
    Message(
        code="support-group.not-in-cohort",
        severity=_E,
        heading=Text(
            "Stödgruppsmedlem från en annan omgång", "Support-group member from another cohort"
        ),
        text=Text(
            "Stödgruppen {group} i omgången {cohort} har med {participant}, som är deltagare i omgången {other_cohort}.",
            "Support group {group} of cohort {cohort} includes {participant}, a participant of cohort {other_cohort}.",
        ),
    ),
    Message(
        code="support-group.member-twice",
        severity=_W,
        heading=Text("Deltagare i två stödgrupper", "Participant in two support groups"),
        text=Text(
            "Deltagaren {participant} är med i både stödgruppen {other} och {group} i omgången {cohort}.",
            "Participant {participant} is in both support group {other} and {group} of cohort {cohort}.",
        ),
    ),
    # Participants ------------------------------------------------------------------------
    Message(
        code="participant.twice-in-cohort",
        severity=_E,
        heading=Text("Samma person två gånger i en omgång", "The same person twice in a cohort"),
        text=Text(
            "Person {person} är deltagare i omgången {cohort} två gånger: {participant} och {other}.",
            "Person {person} takes part in cohort {cohort} twice: {participant} and {other}.",
        ),
    ),
    Message(
        code="participant.overlapping-cohorts",
        severity=_E,
        heading=Text("Deltagare i två omgångar samtidigt", "Participant in two cohorts at once"),
        text=Text(
            "Person {person} är deltagare i omgångarna {other_cohort} ({other}) och {cohort} ({participant}), som pågår samtidigt.",
            "Person {person} takes part in cohorts {other_cohort} ({other}) and {cohort} ({participant}), which run at the same time.",
        ),
    ),
    Message(
        code="participant.appointment-other-person",
        severity=_E,
        heading=Text(
            "Deltagarens anställning tillhör en annan person",
            "Participant's appointment belongs to another person",
        ),
        text=Text(
            "Deltagaren {participant} (person {person}) deltar som anställningen {appointment}, som tillhör person {holder}.",
            "Participant {participant} (person {person}) takes part as appointment {appointment}, which belongs to person {holder}.",
        ),
    ),
    Message(
        code="participant.appointment-not-during-cohort",
        severity=_W,
        heading=Text(
            "Deltagarens anställning gäller inte under omgången",
            "Participant's appointment does not hold during the cohort",
        ),
        text=Text(
            "Deltagaren {participant} deltar som anställningen {appointment} ({start}–{end}), som inte gäller under omgången {cohort} ({cohort_start}–{cohort_end}).",
            "Participant {participant} takes part as appointment {appointment} ({start}–{end}), which does not hold during cohort {cohort} ({cohort_start}–{cohort_end}).",
        ),
    ),
    Message(
        code="participant.not-collaborating",
        severity=_W,
        heading=Text(
            "Deltagare från en kommun som inte samverkar",
            "Participant from a municipality that does not collaborate",
        ),
        text=Text(
            "Deltagaren {participant} kommer från {municipality}, som inte samverkar i omgången {cohort}.",
            "Participant {participant} comes from {municipality}, which does not collaborate in cohort {cohort}.",
        ),
    ),
    Message(
        code="participant.application-mismatch",
        severity=_E,
        heading=Text(
            "Deltagarens ansökan gäller en annan person eller omgång",
            "Participant's application is for another person or cohort",
        ),
        text=Text(
            "Deltagaren {participant} (person {person}, omgången {cohort}) hänvisar till ansökan {application}, från person {applicant} till omgången {applied_to}.",
            "Participant {participant} (person {person}, cohort {cohort}) refers to application {application}, by person {applicant} to cohort {applied_to}.",
        ),
    ),
    Message(
        code="participant.application-not-admitted",
        severity=_W,
        heading=Text(
            "Deltagare vars ansökan inte är antagen",
            "Participant whose application is not admitted",
        ),
        text=Text(
            "Deltagaren {participant} hänvisar till ansökan {application}, som har status {status}.",
            "Participant {participant} refers to application {application}, whose status is {status}.",
        ),
    ),
    Message(
        code="person.same-personnummer",
        severity=_W,
        heading=Text(
            "Två personer med samma personnummer", "Two people with the same personnummer"
        ),
        text=Text(
            "Personerna {other} och {person} har samma personnummer: troligen samma person två gånger.",
            "People {other} and {person} have the same personnummer: probably one person recorded twice.",
        ),
    ),
    # Applications ------------------------------------------------------------------------
    Message(
        code="application.after-deadline",
        severity=_E,
        heading=Text("Ansökan efter sista ansökningsdag", "Application after the deadline"),
        text=Text(
            "Ansökan {application} kom in {submitted}, efter sista ansökningsdag {deadline} för omgången {cohort}.",
            "Application {application} was submitted on {submitted}, after the deadline {deadline} of cohort {cohort}.",
        ),
    ),
    Message(
        code="application.appointment-other-person",
        severity=_E,
        heading=Text(
            "Ansökans anställning tillhör en annan person",
            "Application's appointment belongs to another person",
        ),
        text=Text(
            "Ansökan {application} från person {person} hänvisar till anställningen {appointment}, som tillhör person {holder}.",
            "Application {application} by person {person} refers to appointment {appointment}, which belongs to person {holder}.",
        ),
    ),
)

MESSAGES: Mapping[str, Message] = {entry.code: entry for entry in _ENTRIES}
"""Every validation code, with its :class:`Message`, in the order the checks run."""


def catalogue_markdown(language: Language | None = None) -> str:
    """The catalogue as a Markdown table (both languages unless *language* is given).

    ``docs/validation.md`` holds this table; a test checks that it is up to date.
    """
    languages = LANGUAGES if language is None else (checked_language(language),)
    head = ["Code", "Severity", *(f"Message ({lang})" for lang in languages)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for entry in _ENTRIES:
        cells = [f"`{entry.code}`", entry.severity.value]
        cells += [f"**{entry.title(lang)}**. {entry.text.render(lang)}" for lang in languages]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
