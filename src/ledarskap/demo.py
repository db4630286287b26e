"""The demo behind ``make demo``: a readable summary of a program's data.

``ledarskap demo [PATH]`` (what ``make demo`` runs) reads a program document (by default,
the example program that ships with the library) and prints the program and its
organiser, then for each cohort (omgång) its dates, sessions (träffar) and support groups
(stödgrupper), its participants (deltagare) by municipality and by position, its mentor
pairs, the pairing the matching would propose (one pair explained), and how the default
target-group rules decide its applications (ansökningar), each decision that is not
"eligible" with its reasons; last, what cross-record validation finds. Each part is a
small function returning lines.

>>> from ledarskap import example_program
>>> from ledarskap.demo import program_lines
>>> for line in program_lines(example_program()):
...     print(line)
Ledarskap i kommuner (LiKO)
  Organiser (anordnare): CKS (Centrum för kommunstrategiska studier, Linköpings universitet), Campus Norrköping
  Partners: 13 municipalities, Region Östergötland
  Themes (teman): Personligt ledarskap i kommunal kontext; Omvärlden, samhället och kommunen

.. versionadded:: 0.1
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from typing import TextIO, TypeVar

import attrs

from ledarskap._deprecation import warn_deprecated
from ledarskap.eligibility import Outcome, default_ruleset
from ledarskap.errors import LedarskapError, MissingDependencyError, UsageError, safe_repr
from ledarskap.io.documents import example_program, load
from ledarskap.mentoring import propose
from ledarskap.model import Cohort, MeetingStatus, ProgramData
from ledarskap.model.programdata import checked_program_data
from ledarskap.text import Text
from ledarskap.validation import validate

__all__ = [
    "cohort_lines",
    "eligibility_lines",
    "main",
    "mentor_pair_lines",
    "participant_lines",
    "program_lines",
    "proposal_lines",
    "summary",
    "validation_lines",
]

K = TypeVar("K")


def _of(function: str, data: object, cohort: object) -> tuple[ProgramData, Cohort]:
    """*data* and *cohort*, if *cohort* is one of *data*'s cohorts; else the library's error."""
    data = checked_program_data(data, f"{function}(data)")
    if not isinstance(cohort, Cohort):
        raise UsageError(
            Text(
                f"{function}(cohort): förväntade en Cohort, fick {type(cohort).__name__}",
                f"{function}(cohort): expected a Cohort, found {type(cohort).__name__}",
            )
        )
    if data.cohort(cohort.id) != cohort:  # an unknown id: UnknownReferenceError
        raise UsageError(
            Text(
                f"{function}(cohort): omgången {safe_repr(cohort.id, 60)} är en annan än "
                "programmets",
                f"{function}(cohort): cohort {safe_repr(cohort.id, 60)} is not the program's",
            )
        )
    return data, cohort


def program_lines(data: ProgramData) -> list[str]:
    """The program, its organiser, partners and themes."""
    program = checked_program_data(data, "program_lines(data)").program
    organiser = program.organiser
    name = f"{program.name} ({program.short_name})" if program.short_name else program.name
    where = f", {organiser.site}" if organiser.site else ""
    partners = [f"{len(organiser.partner_municipalities)} municipalities"]
    partners += organiser.partner_regions
    return [
        name,
        f"  Organiser (anordnare): {organiser}{where}",
        f"  Partners: {', '.join(partners)}",
        f"  Themes (teman): {'; '.join(t.sv for t in program.themes) or '-'}",
    ]


def cohort_lines(data: ProgramData, cohort: Cohort) -> list[str]:
    """A cohort's dates, collaborating municipalities, sessions and support groups."""
    data, cohort = _of("cohort_lines", data, cohort)
    lines = [f"{cohort.name} ({cohort.id}): {cohort.start} – {cohort.end}"]
    if cohort.application_deadline:
        lines.append(f"  Application deadline: {cohort.application_deadline}")
    names = ", ".join(m.display_name for m in cohort.municipalities) or "-"
    lines.append(f"  Collaborating municipalities ({len(cohort.collaborations)}): {names}")
    lines.append(f"  Sessions (träffar, {len(cohort.sessions)}):")
    for session in sorted(cohort.sessions, key=lambda s: s.start):
        dates = str(session.start) if session.days == 1 else f"{session.start} – {session.end}"
        place = "online" if session.online else str(session.venue or "-")
        lines.append(f"    {dates:<25} {session.kind.label():<10} {session.title} ({place})")
    lines.append(f"  Support groups (stödgrupper, {len(cohort.support_groups)}):")
    lines += [f"    {g.name}: {len(g.participant_ids)} participants" for g in cohort.support_groups]
    return lines


def participant_lines(data: ProgramData, cohort: Cohort) -> list[str]:
    """A cohort's participants counted by municipality and by position."""
    data, cohort = _of("participant_lines", data, cohort)
    adepts = data.participants_of(cohort.id)
    appointments = [data.appointment(p.appointment_id) for p in adepts]
    by_municipality = Counter(a.municipality.display_name for a in appointments)
    by_position = Counter(
        (a.position.sv, a.position.kind.label()) if a.position else (a.title, "unknown kind")
        for a in appointments
    )
    lines = [f"  Participants (deltagare, {len(adepts)}) by municipality:"]
    lines += [f"    {name:<28} {count:>3}" for name, count in _ordered(by_municipality)]
    lines.append("  by position (befattning):")
    lines += [
        f"    {f'{title} ({kind})':<58} {count:>3}"
        for (title, kind), count in _ordered(by_position)
    ]
    return lines


def mentor_pair_lines(data: ProgramData, cohort: Cohort) -> list[str]:
    """A cohort's mentor pairs: mentor's municipality → adept's, and meetings held."""
    data, cohort = _of("mentor_pair_lines", data, cohort)
    lines = ["  Mentor pairs (mentor → adept, meetings held):"]
    adepts = {p.id: p for p in data.participants_of(cohort.id)}
    for pair in data.mentorships:
        if pair.participant_id not in adepts:
            continue
        mentor = data.mentor(pair.mentor_id).municipality.display_name
        adept = data.municipality_of(adepts[pair.participant_id]).display_name
        held = sum(m.status is MeetingStatus.HELD for m in data.meetings_of(pair.id))
        lines.append(f"    {mentor:<16} → {adept:<16} {held:>2}")
    return lines


def proposal_lines(data: ProgramData, cohort: Cohort) -> list[str]:
    """The pairing the matching proposes for the cohort, and why, for its first pair.

    The cohort is paired as it was before its pairs were made (its mentorships and
    meetings aside), so that the proposal is whole; the first pair is explained part by
    part, with the next best mentor. Pairing needs the ``matching`` extra (scipy):
    without it, one line says how to install it.
    """
    data, cohort = _of("proposal_lines", data, cohort)
    unpaired = attrs.evolve(data, mentorships=(), meetings=())
    try:
        proposal = propose(unpaired, cohort.id)
    except MissingDependencyError as error:
        return [f"  Pairing proposal (förslag till mentorspar): {error}"]
    lines = ["  Pairing proposal (förslag till mentorspar), from scratch:"]
    lines.append(f"    {proposal.render('en').splitlines()[0]}")
    if proposal.pairs:
        lines.append("  Why the first pair (varför):")
        explained = proposal.explain(proposal.pairs[0].adept_id, "en")
        lines += [f"    {line}" for line in explained.splitlines()]
    return lines


def eligibility_lines(data: ProgramData, cohort: Cohort) -> list[str]:
    """How the default target-group rules decide the cohort's applications, and why not.

    Every decision other than "eligible" is listed with its first line, in Swedish and
    English: the reasons, or the facts missing.
    """
    data, cohort = _of("eligibility_lines", data, cohort)
    applications = data.applications_to(cohort.id)
    lines = [f"  Applications (ansökningar, {len(applications)}), default target-group rules:"]
    if not applications:
        return lines
    result = default_ruleset().evaluate_many(applications, cohort=cohort, program=data)
    counts = result.summary.counts
    lines.append("    " + ", ".join(f"{o.label('en')} {counts.get(o, 0)}" for o in Outcome))
    for application, decision in zip(result.applications, result.decisions, strict=True):
        if decision.outcome is not Outcome.ELIGIBLE:
            lines.append(f"    {application.id} ({application.status.label('en')}):")
            lines += [
                f"      {decision.render(language).splitlines()[0]}" for language in ("sv", "en")
            ]
    return lines


def validation_lines(data: ProgramData) -> list[str]:
    """What cross-record validation finds: the counts, then each finding (in Swedish)."""
    report = validate(checked_program_data(data, "validation_lines(data)"))
    lines = [
        f"Validation (validering): {len(report.errors)} errors, {len(report.warnings)} warnings"
    ]
    if not report.ok or report.warnings:
        lines += [f"  {line}" for line in report.render("sv").splitlines()[1:]]
    return lines


def summary(data: ProgramData) -> str:
    """The whole summary: the program, its cohorts, and what validation finds.

    For each cohort: dates, sessions, support groups, participants, mentor pairs, the
    pairing the matching proposes (one pair explained) and how the target-group rules
    decide its applications.
    """
    lines = program_lines(checked_program_data(data, "summary(data)"))
    for cohort in data.cohorts:
        lines.append("")
        lines += cohort_lines(data, cohort)
        lines += participant_lines(data, cohort)
        lines += mentor_pair_lines(data, cohort)
        lines += proposal_lines(data, cohort)
        lines += eligibility_lines(data, cohort)
    lines.append("")
    lines += validation_lines(data)
    return "\n".join(lines)


def _ordered(counts: Counter[K]) -> list[tuple[K, int]]:
    """Most common first, ties by name."""
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Print the summary of the program document at ``argv[0]`` (or the example program).

    Returns the exit status: 0, or 1 when the file cannot be read, with the reason on
    standard error instead of a traceback.

    .. deprecated:: 0.3
       Use the command ``ledarskap demo [PATH]`` (:func:`ledarskap.cli.main`), which
       ``python -m ledarskap`` now runs; this function goes in 0.4.
    """
    warn_deprecated("ledarskap.demo.main", "ledarskap.cli.main(['demo', ...])")
    args = list(sys.argv[1:] if argv is None else argv)
    out = sys.stdout if out is None else out
    if len(args) > 1 or (args and args[0] in ("-h", "--help")):
        print("usage: python -m ledarskap [PATH]", file=sys.stderr)
        return 0 if args and args[0] in ("-h", "--help") else 2
    try:
        data = load(args[0]) if args else example_program()
    except LedarskapError as error:  # FileAccessError too: a file that cannot be read
        print(f"ledarskap: {error}", file=sys.stderr)
        return 1
    print(summary(data), file=out)
    return 0
