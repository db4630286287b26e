"""Cohort summaries: who takes part, how the mentors are loaded, how the meetings go, who is eligible.

:func:`cohort_summaries` counts, for each cohort (omgång) of a program:

- its composition by position kind, municipality and county, with the groups that are
  empty counted 0 (every position kind; the collaborating municipalities and the
  counties of the program's region, beside any other that has a participant), and the
  participants whose group is not known counted apart (``unknown_…``): every participant
  is counted once in each breakdown, so the counts add up to the participants. When no
  participant of the cohort has a known group (a column a safe export coarsened away),
  the breakdown lists no group at all, only the unknown;
- each mentor's load: adepts against capacity, and their meetings;
- mentor meetings held against planned: the meetings with status ``held``, ``planned``
  and ``cancelled`` in the data, in all and month by month, every month of the cohort
  listed, an empty one with 0, and the meetings on a day outside those months (a year
  mistyped, say) counted apart (what is *planned* is what the data say; a richer
  comparison against a meeting plan is the mentoring package's);
- the eligibility outcomes of its applications and the most frequent reasons.

It reads a :class:`~ledarskap.model.ProgramData` or a program's
:class:`~ledarskap.tables.Tables`, safe ones included: a summary of a safe export counts
only what the export holds (a participant whose municipality was coarsened away is
counted under ``unknown_municipality``, never as 0 in a municipality that looks real).

>>> import ledarskap
>>> from ledarskap.tables import cohort_summaries
>>> summary = cohort_summaries(ledarskap.example_program())[0]
>>> summary.participants, [(c.key, c.count) for c in summary.by_position_kind][:2]
(25, [('chief-executive', 0), ('political-line', 10)])
>>> summary.meetings
MeetingTally(held=148, planned=0, cancelled=1)
>>> summary.unknown_county, summary.meetings_by_month[0]
(0, MeetingMonth(month='2025-09', tally=MeetingTally(held=0, planned=0, cancelled=0)))

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ledarskap.eligibility import Outcome, RuleSet
from ledarskap.errors import InvalidValueError, masked_repr
from ledarskap.model import (
    MeetingStatus,
    MentorshipStatus,
    PositionKind,
    ProgramData,
    municipality,
    program_region_counties,
)
from ledarskap.text import Language, Text

from .records import Tables, _checked_ruleset, _tables_of

__all__ = [
    "CohortSummary",
    "Count",
    "MeetingMonth",
    "MeetingTally",
    "MentorLoad",
    "cohort_summaries",
    "cohort_summary",
]


_MOST_MONTHS = 60
"""The most months a summary's ``meetings_by_month`` lists: five years, well beyond any
cohort's (a cohort runs about a year). A longer span is a mistyped date."""


@masked_repr
@attrs.frozen
class Count:
    """One group and how many are in it: ``key`` stable (a code, slug or name), ``label`` worded."""

    key: str
    label: Text
    count: int


@attrs.frozen
class MeetingTally:
    """Mentor meetings by status: held, planned (still to come) and cancelled."""

    held: int = 0
    planned: int = 0
    cancelled: int = 0

    @property
    def total(self) -> int:
        """Every meeting, whatever its status."""
        return self.held + self.planned + self.cancelled


@masked_repr
@attrs.frozen
class MeetingMonth:
    """The meetings of one month (``"2025-10"``), by status."""

    month: str
    tally: MeetingTally


@masked_repr
@attrs.frozen
class MentorLoad:
    """A mentor's load in a cohort: adepts against capacity, and the meetings of their pairs.

    ``adepts`` counts the mentor's mentorships that were not ended early (proposed, active
    or completed); ``ended_early`` those that were.
    """

    mentor_id: str
    municipality: str | None
    capacity: int | None
    adepts: int
    meetings: MeetingTally
    ended_early: int = 0

    @property
    def over_capacity(self) -> bool:
        """Whether the mentor has more adepts than they take on."""
        return self.capacity is not None and self.adepts > self.capacity


@masked_repr
@attrs.frozen
class CohortSummary:
    """What a cohort looks like: composition, mentor loads, meetings and eligibility.

    Each breakdown of the participants (``by_position_kind``, ``by_municipality``,
    ``by_county``) lists its groups, the empty ones at 0; the participants whose group is
    not known (no appointment, a position outside the catalog's kinds, a column a safe
    export coarsened away) are counted in ``unknown_position_kind``,
    ``unknown_municipality`` and ``unknown_county``. A breakdown's counts and its unknown
    add up to ``participants``. When no participant of the cohort has a known group (the
    column was coarsened away, or nobody's is known), the breakdown is empty and every
    participant is in its unknown: no group that looks real is shown at 0.

    .. versionchanged:: 0.3
       ``unknown_position_kind``, ``unknown_municipality`` and ``unknown_county``; every
       month of the cohort in ``meetings_by_month``, and ``meetings_outside_months``.
    """

    cohort_id: str
    participants: int
    by_position_kind: tuple[Count, ...]
    by_municipality: tuple[Count, ...]
    by_county: tuple[Count, ...]
    mentor_loads: tuple[MentorLoad, ...]
    meetings: MeetingTally
    meetings_by_month: tuple[MeetingMonth, ...]
    """Every month of the cohort in order, a month without meetings at 0: from the month of
    its first day to that of its last. From tables, which do not hold a cohort's days,
    from the first day of its sessions and mentorships to the last (of its meetings, if it
    has neither). Never more than 60 months (five years): a longer span (a year
    mistyped) is cut to the run of that many months that holds the most of the cohort's
    dated records. A meeting on a day outside these months is in
    ``meetings_outside_months``, never widens them; a meeting without a day is in none."""
    outcomes: tuple[Count, ...]
    """Applications by eligibility outcome, every outcome listed."""
    reasons: tuple[Count, ...]
    """Every reason given, the most frequent first (equal counts by key, whatever the
    language), each counted once per decision."""
    unknown_position_kind: int = 0
    """The participants whose position kind is not known."""
    unknown_municipality: int = 0
    """The participants whose municipality is not known."""
    unknown_county: int = 0
    """The participants whose county is not known."""
    meetings_outside_months: MeetingTally = MeetingTally()
    """The meetings on a day outside ``meetings_by_month``'s months (before the cohort's
    first day or after its last, a year mistyped): counted here, not in a month. With
    those of ``meetings_by_month`` and the meetings without a day, they make ``meetings``.

    .. versionadded:: 0.3
    """

    def to_data(self) -> dict[str, Any]:
        """The summary as plain data (JSON-ready); labels in both languages.

        Each breakdown of the participants ends with its unknown group,
        ``{"key": None, "sv": "uppgift saknas", "en": "not known", "count": n}``, there
        even when *n* is 0: its counts add up to ``participants``, as a DataFrame made of
        it shows.
        """

        def counts(items: tuple[Count, ...]) -> list[dict[str, Any]]:
            return [
                {"key": c.key, "sv": c.label.sv, "en": c.label.en, "count": c.count} for c in items
            ]

        def breakdown(items: tuple[Count, ...], unknown: int) -> list[dict[str, Any]]:
            words = _HEADINGS["unknown"]
            return [*counts(items), {"key": None, "sv": words.sv, "en": words.en, "count": unknown}]

        def tally(t: MeetingTally) -> dict[str, int]:
            return {"held": t.held, "planned": t.planned, "cancelled": t.cancelled}

        return {
            "cohort_id": self.cohort_id,
            "participants": self.participants,
            "by_position_kind": breakdown(self.by_position_kind, self.unknown_position_kind),
            "by_municipality": breakdown(self.by_municipality, self.unknown_municipality),
            "by_county": breakdown(self.by_county, self.unknown_county),
            "mentor_loads": [
                {
                    "mentor_id": m.mentor_id,
                    "municipality": m.municipality,
                    "capacity": m.capacity,
                    "adepts": m.adepts,
                    "ended_early": m.ended_early,
                    "meetings": tally(m.meetings),
                }
                for m in self.mentor_loads
            ],
            "meetings": tally(self.meetings),
            "meetings_by_month": [
                {"month": m.month, **tally(m.tally)} for m in self.meetings_by_month
            ],
            "meetings_outside_months": tally(self.meetings_outside_months),
            "outcomes": counts(self.outcomes),
            "reasons": counts(self.reasons),
        }

    def render(self, language: Language = "sv") -> str:
        """The summary in a few lines of Swedish or English."""
        t = {k: v.render(language) for k, v in _HEADINGS.items()}

        def listed(items: tuple[Count, ...], unknown: int = 0) -> str:
            said = [f"{c.label.render(language)} {c.count}" for c in items if c.count]
            if unknown:
                said.append(f"{t['unknown']} {unknown}")
            return ", ".join(said)

        lines = [
            f"{t['cohort']} {self.cohort_id}: {self.participants} {t['participants']}",
            f"  {t['kinds']}: {listed(self.by_position_kind, self.unknown_position_kind) or '–'}",
            f"  {t['counties']}: {listed(self.by_county, self.unknown_county) or '–'}",
            f"  {t['municipalities']}: "
            f"{listed(self.by_municipality, self.unknown_municipality) or '–'}",
            f"  {t['meetings']}: {self.meetings.held} {t['held']}, "
            f"{self.meetings.planned} {t['planned']}, {self.meetings.cancelled} {t['cancelled']}"
            + (
                f" ({self.meetings_outside_months.total} {t['outside']})"
                if self.meetings_outside_months.total
                else ""
            ),
        ]
        full = [m for m in self.mentor_loads if m.over_capacity]
        lines.append(f"  {t['mentors']}: {len(self.mentor_loads)}, {t['over']}: {len(full)}")
        lines.append(f"  {t['outcomes']}: {listed(self.outcomes) or '–'}")
        lines.extend(f"    {c.count} × {c.label.render(language)}" for c in self.reasons[:5])
        return "\n".join(lines)


_HEADINGS = {
    "cohort": Text("Omgång", "Cohort"),
    "participants": Text("deltagare", "participants"),
    "kinds": Text("Befattningstyper", "Position kinds"),
    "counties": Text("Län", "Counties"),
    "municipalities": Text("Kommuner", "Municipalities"),
    "meetings": Text("Mentorsträffar", "Mentor meetings"),
    "held": Text("genomförda", "held"),
    "planned": Text("planerade", "planned"),
    "cancelled": Text("inställda", "cancelled"),
    "outside": Text("utanför omgångens månader", "outside the cohort's months"),
    "mentors": Text("Mentorer", "Mentors"),
    "over": Text("över kapacitet", "over capacity"),
    "outcomes": Text("Behörighet", "Eligibility"),
    "unknown": Text("uppgift saknas", "not known"),
}


def cohort_summaries(
    source: ProgramData | Tables,
    *,
    ruleset: RuleSet | None = None,
    as_of: dt.date | None = None,
) -> tuple[CohortSummary, ...]:
    """A summary of every cohort of *source* (a program's data or its tables), in cohort order.

    From a :class:`~ledarskap.model.ProgramData` the applications are decided by
    *ruleset* on *as_of* (as :func:`~ledarskap.tables.program_tables` does) and the
    reasons worded in both languages; from :class:`~ledarskap.tables.Tables` the
    decisions in the tables are counted (*ruleset* and *as_of* are not used), a reason is
    worded in both languages by the tables' :attr:`~ledarskap.tables.Tables.reason_words`
    (those :func:`~ledarskap.tables.program_tables` gives) or else by its key (a safe
    export's), and the collaborating municipalities are those of the cohort's mentors
    (each one's kommunchef mentors).
    """
    ruleset = _checked_ruleset(ruleset, "cohort_summaries(ruleset)")
    if isinstance(source, ProgramData):
        decided = ruleset.evaluate_many(source.applications, as_of=as_of, program=source)
        tables = _tables_of(source, decided, ruleset, "sv")
        collaborating = {c.id: tuple(m.name for m in c.municipalities) for c in source.cohorts}
        periods = {c.id: (c.start, c.end) for c in source.cohorts}
    elif isinstance(source, Tables):
        tables = source
        collaborating = _mentors_municipalities(tables)
        periods = {}
    else:
        raise InvalidValueError(
            location="cohort_summaries",
            expected=Text("en ProgramData eller Tables", "a ProgramData or Tables"),
            found=type(source).__name__,
        )
    cohorts = tables.schema["participants"].column("cohort_id").categories
    grouped = _Grouped(tables)
    words = tables.reason_words
    return tuple(
        _summary(grouped, cohort, collaborating.get(cohort, ()), words, periods.get(cohort, ()))
        for cohort in cohorts
    )


def cohort_summary(
    source: ProgramData | Tables,
    cohort_id: str,
    *,
    ruleset: RuleSet | None = None,
    as_of: dt.date | None = None,
) -> CohortSummary:
    """The summary of one cohort of *source* (see :func:`cohort_summaries`)."""
    for summary in cohort_summaries(source, ruleset=ruleset, as_of=as_of):
        if summary.cohort_id == cohort_id:
            return summary
    raise InvalidValueError(
        location="cohort_summary",
        expected=Text("id:t för en omgång", "the id of a cohort"),
        found=cohort_id,
    )


def _mentors_municipalities(tables: Tables) -> dict[str, tuple[str, ...]]:
    """Each cohort's collaborating municipalities, as the tables hold them: its mentors'.

    Each collaborating municipality's kommunchef mentors in the cohort, so the mentors
    table names them (a safe export keeps it as it is: a mentor's municipality is no
    participant's data).
    """
    named: dict[str, dict[str, None]] = {}
    for row in tables["mentors"]:
        if row["municipality"] is not None:
            named.setdefault(row["cohort_id"], {})[row["municipality"]] = None
    return {cohort: tuple(names) for cohort, names in named.items()}


class _Grouped:
    """The tables' rows grouped once by cohort, and the reasons by application.

    Summarising every cohort then takes time linear in the tables, not cohorts × rows.
    """

    def __init__(self, tables: Tables) -> None:
        self._by_cohort: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for name in (
            "participants",
            "meetings",
            "mentorships",
            "mentors",
            "applications",
            "sessions",
        ):
            groups: dict[str, list[dict[str, Any]]] = {}
            for row in tables[name]:
                groups.setdefault(row["cohort_id"], []).append(row)
            self._by_cohort[name] = groups
        self.reasons: dict[str, list[dict[str, Any]]] = {}
        for row in tables["reasons"]:
            self.reasons.setdefault(row["application_id"], []).append(row)

    def of(self, name: str, cohort_id: str) -> list[dict[str, Any]]:
        """The rows of the table *name* in the cohort *cohort_id*."""
        return self._by_cohort[name].get(cohort_id, [])


def _counts(
    values: Sequence[str | None], listed: Iterable[str], label: Any
) -> tuple[tuple[Count, ...], int]:
    """Each group's count, the *listed* ones first (0 if empty), and how many are not known.

    When no value is known (a column coarsened away), no group: only the unknown.
    """
    counted = Counter(v for v in values if v is not None)
    if values and not counted:
        return (), len(values)
    keys = list(dict.fromkeys([*listed, *sorted(counted)]))
    groups = tuple(Count(key, label(key), counted.get(key, 0)) for key in keys)
    return groups, len(values) - counted.total()


def _months(bounds: Sequence[dt.date], dates: Iterable[dt.date]) -> list[str]:
    """Every month (``"2025-09"``) from the first of *bounds* to the last, at most 60.

    Of a longer span (:data:`_MOST_MONTHS`), the run of 60 months that holds the most of
    *dates* (the cohort's dated records), the earliest such run.
    """
    if not bounds:
        return []
    first, last = _index(min(bounds)), _index(max(bounds))
    if last - first >= _MOST_MONTHS:
        votes = sorted(i for i in map(_index, dates) if first <= i <= last) or [first]
        start, most, end = first, 0, 0
        for at, month in enumerate(votes):
            while end < len(votes) and votes[end] < month + _MOST_MONTHS:
                end += 1
            if end - at > most:
                start, most = month, end - at
        first = min(start, last - _MOST_MONTHS + 1)
        last = first + _MOST_MONTHS - 1
    return [_month(month // 12, month % 12 + 1) for month in range(first, last + 1)]


def _index(day: dt.date) -> int:
    """The month of *day* as a number: months since the year 0."""
    return day.year * 12 + day.month - 1


def _month(year: int, month: int) -> str:
    """``"2025-09"``, for any year (``strftime`` writes the year 999 as ``999``)."""
    return f"{year:04d}-{month:02d}"


def _tally(statuses: Iterable[str]) -> MeetingTally:
    counted = Counter(statuses)
    return MeetingTally(
        held=counted[MeetingStatus.HELD.value],
        planned=counted[MeetingStatus.PLANNED.value],
        cancelled=counted[MeetingStatus.CANCELLED.value],
    )


def _name(name: str) -> Text:
    return Text(name, name)


def _kind(key: str) -> Text:
    return PositionKind(key).text


def _summary(
    tables: _Grouped,
    cohort_id: str,
    collaborating: tuple[str, ...],
    words: Mapping[str, Text],
    period: tuple[dt.date, dt.date] | tuple[()],
) -> CohortSummary:
    people = tables.of("participants", cohort_id)
    municipalities = [r["municipality"] for r in people]
    region = [c.name for c in sorted(program_region_counties(), key=lambda c: c.code)]
    listed_municipalities = sorted(collaborating, key=lambda name: municipality(name).code)
    meetings = tables.of("meetings", cohort_id)
    pairs = tables.of("mentorships", cohort_id)
    early = MentorshipStatus.ENDED_EARLY.value
    adepts = Counter(r["mentor_id"] for r in pairs if r["status"] != early)
    ended_early = Counter(r["mentor_id"] for r in pairs if r["status"] == early)
    statuses: dict[str, list[str]] = {}
    for r in meetings:
        statuses.setdefault(r["mentor_id"], []).append(r["status"])
    loads = tuple(
        MentorLoad(
            mentor_id=m["mentor_id"],
            municipality=m["municipality"],
            capacity=m["capacity"],
            adepts=adepts.get(m["mentor_id"], 0),
            meetings=_tally(statuses.get(m["mentor_id"], ())),
            ended_early=ended_early.get(m["mentor_id"], 0),
        )
        for m in tables.of("mentors", cohort_id)
    )
    held_on = [r["on"] for r in meetings if r["on"] is not None]
    framing = [
        d
        for d in (
            *(r[side] for r in pairs for side in ("start", "end")),
            *(r[side] for r in tables.of("sessions", cohort_id) for side in ("start", "end")),
        )
        if d is not None
    ]
    # The cohort's own days; from tables, its sessions and mentorships (else its meetings).
    bounds = list(period) or framing or held_on
    months: dict[str, list[str]] = {
        month: [] for month in _months(bounds, [*period, *framing, *held_on])
    }
    outside: list[str] = []
    for r in meetings:
        if r["on"] is not None:
            months.get(_month(r["on"].year, r["on"].month), outside).append(r["status"])
    apps = tables.of("applications", cohort_id)
    outcomes = Counter(r["outcome"] for r in apps)
    # A reason is counted once per decision (a decision may give one key at two nodes).
    given: set[tuple[str, str]] = set()
    for r in (r for app in apps for r in tables.reasons.get(app["application_id"], ())):
        if r["key"] is not None:
            given.add((r["application_id"], r["key"]))
    reasons = Counter(key for _, key in given)
    frequent = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
    by_kind, unknown_kind = _counts(
        [r["position_kind"] for r in people], [k.value for k in PositionKind], _kind
    )
    by_municipality, unknown_municipality = _counts(municipalities, listed_municipalities, _name)
    by_county, unknown_county = _counts([r["county"] for r in people], region, _name)
    return CohortSummary(
        cohort_id=cohort_id,
        participants=len(people),
        by_position_kind=by_kind,
        by_municipality=by_municipality,
        by_county=by_county,
        mentor_loads=loads,
        meetings=_tally(r["status"] for r in meetings),
        meetings_by_month=tuple(MeetingMonth(m, _tally(s)) for m, s in months.items()),
        outcomes=tuple(Count(o.value, o.text, outcomes.get(o.value, 0)) for o in Outcome),
        reasons=tuple(Count(key, words.get(key) or Text(key, key), n) for key, n in frequent),
        unknown_position_kind=unknown_kind,
        unknown_municipality=unknown_municipality,
        unknown_county=unknown_county,
        meetings_outside_months=_tally(outside),
    )
