"""The mentoring meeting timeline of a cohort: each mentor pair's meetings over the year.

One row per mentorship (mentor and adept) of the cohort: a thin line for the time the
mentorship lasts (dashed while it is proposed, ending in a bar if it ended early), a dot for
each meeting held, a ring for each one planned and a cross for each one cancelled; the cohort's sessions (internat, träffar, återträffar) are shaded
behind all rows, so a reader sees at a glance which pairs meet at the sessions, which
meet between them, and which have gone quiet.

Pairs are labelled without personal data: numbered (``"Par 1"``, in the order the
mentorships start) or by a group of at least *k* adepts (``"Östergötlands län (3)"``): the
adept's municipality, county or position kind, only where at least *k* adepts of the
cohort share it, so that no row can be told from *k* − 1 others by its label. The
mentor's municipality is never a label: a mentor (a kommunchef) has one or two adepts, and
everyone in the cohort knows the pairs. Names, personnummer, e-mail addresses, the notes
of a meeting and the reason a mentorship ended never reach a figure.

>>> from ledarskap import example_program
>>> from ledarskap.plots import meeting_timeline
>>> figure = meeting_timeline(example_program(), language="en")
>>> figure.axes[0].get_title(loc="left")
'Mentor meetings – Omgång 2025/26'
>>> [label.get_text() for label in figure.axes[0].get_yticklabels()][:3]
['Pair 1', 'Pair 2', 'Pair 3']

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from ledarskap.errors import InvalidValueError, UnknownReferenceError
from ledarskap.model import (
    Cohort,
    MeetingStatus,
    MentorMeeting,
    Mentorship,
    MentorshipStatus,
    Participant,
    PositionKind,
    ProgramData,
    SessionKind,
)
from ledarskap.tables.anonymity import check_k
from ledarskap.text import Language, Text, checked_language

from . import _style
from ._cohorts import chosen_cohort
from ._matplotlib import new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["PairLabels", "meeting_timeline"]

PairLabels = Literal["number", "municipality", "county", "position-kind"]
"""How the rows of the timeline are labelled: numbered, or by a group of at least *k* adepts.

``"municipality"`` tries the adept's municipality, then county, then position kind;
``"county"`` starts at the county, ``"position-kind"`` at the position kind. A pair whose
adept is in no group of *k* is numbered.
"""

# The groups a pair may be labelled by, finest first.
_LEVELS: tuple[PairLabels, ...] = ("municipality", "county", "position-kind")
_KINDS = {kind: index for index, kind in enumerate(PositionKind)}

_DRAWING = Text("Att rita mentorsträffarnas tidslinje", "Drawing the meeting timeline")
_TITLE = Text("Mentorsträffar", "Mentor meetings")
_PAIR = Text("Par {number}", "Pair {number}")
_MENTORSHIP = Text("mentorskapets löptid", "mentorship's duration")
_PROPOSED = Text("föreslaget mentorskap ({count})", "proposed mentorship ({count})")
_NONE = Text("Inga mentorskap i omgången", "No mentorships in the cohort")
_MONTHS = (
    Text("jan", "Jan"),
    Text("feb", "Feb"),
    Text("mar", "Mar"),
    Text("apr", "Apr"),
    Text("maj", "May"),
    Text("jun", "Jun"),
    Text("jul", "Jul"),
    Text("aug", "Aug"),
    Text("sep", "Sep"),
    Text("okt", "Oct"),
    Text("nov", "Nov"),
    Text("dec", "Dec"),
)
# How each status is drawn: marker, face colour, edge colour.
_MARKERS = {
    MeetingStatus.HELD: ("o", _style.BLUE, _style.BLUE),
    MeetingStatus.PLANNED: ("o", "white", _style.BLUE),
    MeetingStatus.CANCELLED: ("X", _style.VERMILION, _style.VERMILION),
}
_SESSION_COLOURS = {
    SessionKind.RESIDENTIAL: _style.ORANGE,
    SessionKind.SESSION: _style.SKY,
    SessionKind.FOLLOW_UP: _style.PINK,
}
_ROW = 0.27  # inches per pair
_FRAME = 1.9  # inches for the title, the date axis and the legend


def meeting_timeline(
    data: ProgramData,
    cohort: str | Cohort | None = None,
    *,
    language: Language = "sv",
    pair_labels: PairLabels = "number",
    k: int = 5,
) -> Figure:
    """The meetings of every mentor pair of *cohort* over its dates, with its sessions marked.

    *cohort* is a cohort's id (or the cohort); without it, the program's only cohort.
    *pair_labels* is ``"number"`` (``"Par 1"``…, by the mentorships' start) or the finest
    group to label a pair by: ``"municipality"`` (the adept's municipality, else county,
    else position kind), ``"county"`` (county, else position kind) or ``"position-kind"``.
    A group labels its pairs (``"Östergötlands län (1)"``…) only when at least *k* adepts
    (people, not pairs) of the cohort are in it; a county's group holds its adepts not
    already shown under their municipality. The pairs left over are numbered, and when
    fewer than *k* adepts would be left over, the smallest group is numbered too, so that
    every label, ``"Par n"`` included, is shared by at least *k* adepts (in a cohort of
    fewer, every pair is numbered). *k* is a whole number, at least 1, 5 by default (what
    *k* means for a safe export); ``k=1`` labels every pair by its adept's municipality,
    which singles people out: keep such a figure with the program's staff. The mentor's
    municipality is never shown: a mentor has one or two adepts, and the cohort knows the
    pairs. Returns a :class:`matplotlib.figure.Figure`; save it with
    :func:`ledarskap.plots.save`.

    >>> from ledarskap import example_program
    >>> figure = meeting_timeline(example_program(), pair_labels="municipality", language="en")
    >>> labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    >>> labels[0], labels[17], labels[18], labels[-1]
    ('Östergötlands län (1)', 'Östergötlands län (18)', 'Pair 1', 'Pair 7')

    .. versionchanged:: 0.3
       *k*, ``"county"`` and ``"position-kind"``; the mentor's municipality is no longer shown.
    """
    language = checked_language(language)
    if pair_labels not in ("number", *_LEVELS):
        raise InvalidValueError(
            location="pair_labels",
            expected=Text(
                "'number', 'municipality', 'county' eller 'position-kind'",
                "'number', 'municipality', 'county' or 'position-kind'",
            ),
            found=pair_labels,
        )
    check_k(k, "k")  # as safe_tables checks its k
    chosen = chosen_cohort(data, cohort, function="meeting_timeline")
    rows = _rows(data, chosen, pair_labels, k, language)
    meetings = [meeting for _, pair in rows for meeting in data.meetings_of(pair.id)]
    first, last = _span(chosen, [pair for _, pair in rows], meetings)

    figure = new_figure(_DRAWING, 10, _FRAME + _ROW * max(len(rows), 3))
    axes = figure.add_subplot()
    _style.title(axes, _TITLE.render(language), chosen.name, pad=14)
    _sessions(axes, chosen, language)
    if rows:
        _pairs(axes, data, rows, last, language)
    else:
        axes.text(0.5, 0.5, _NONE.render(language), transform=axes.transAxes, ha="center")
        axes.set_yticks([])
    axes.set_xlim(first.toordinal(), last.toordinal() + 1)
    _month_ticks(axes, first, last, language)
    _style.tidy(axes, grid="x")
    axes.tick_params(axis="y", length=0)
    handles, labels = axes.get_legend_handles_labels()
    if handles:  # nothing to explain in a cohort without sessions and pairs
        figure.legend(
            handles,
            labels,
            loc="outside lower center",
            ncols=4,
            fontsize=_style.TICK_SIZE,
            frameon=False,
            handletextpad=0.4,
            columnspacing=1.6,
        )
    return figure


def _rows(
    data: ProgramData, cohort: Cohort, labels: PairLabels, k: int, language: Language
) -> list[tuple[str, Mentorship]]:
    """The cohort's mentorships, each with its label, in the order they are drawn.

    By group: the groups in the order of :data:`_LEVELS`, each level's in Swedish order (the
    position kinds in the catalogue's), a group's pairs by their start; the numbered pairs last.
    """
    adepts = {participant.id: participant for participant in data.participants_of(cohort.id)}
    pairs = sorted(
        (pair for pair in data.mentorships if pair.participant_id in adepts),
        key=lambda pair: (pair.start, pair.id),
    )
    if labels == "number":
        return _numbered(pairs, language)
    in_pairs = {pair.participant_id: adepts[pair.participant_id] for pair in pairs}
    groups = _groups(data, in_pairs, _LEVELS[_LEVELS.index(labels) :], k, language)
    result: list[tuple[str, Mentorship]] = []
    grouped: set[str] = set()
    for (_, name), members in sorted(groups.items(), key=lambda group: group[0][0]):
        own = [pair for pair in pairs if pair.participant_id in members]
        grouped.update(members)
        result += [
            (f"{name} ({n})" if len(own) > 1 else name, pair) for n, pair in enumerate(own, 1)
        ]
    return result + _numbered([p for p in pairs if p.participant_id not in grouped], language)


def _numbered(pairs: Sequence[Mentorship], language: Language) -> list[tuple[str, Mentorship]]:
    return [(_PAIR.format(number=n).render(language), p) for n, p in enumerate(pairs, 1)]


_Group = tuple[tuple[int, int, str], str]  # (level, place in its level's order), the name


def _groups(
    data: ProgramData,
    adepts: Mapping[str, Participant],
    levels: Sequence[PairLabels],
    k: int,
    language: Language,
) -> dict[_Group, set[str]]:
    """The groups of at least *k* people among *adepts* (by participant id), each with its members.

    Level by level, every adept not yet in a group joins the group of their municipality
    (county, position kind) when at least *k* people share it; an adept whose appointment
    is not known joins none. When 1 to *k* − 1 people are left in no group, the smallest
    group (among equals the coarsest, then the first drawn) is given up, so that the
    numbered pairs are at least *k* people too.
    """
    left = dict(adepts)
    groups: dict[_Group, set[str]] = {}
    for level in levels:
        candidates: defaultdict[_Group, set[str]] = defaultdict(set)
        for participant_id, participant in left.items():
            group = _group_of(data, participant, level, language)
            if group is not None:
                candidates[group].add(participant_id)
        for group, members in candidates.items():
            if _people(adepts, members) >= k:
                groups[group] = members
                for member in members:
                    del left[member]
    if 0 < _people(adepts, left) < k and groups:
        smallest = min(
            groups, key=lambda group: (_people(adepts, groups[group]), -group[0][0], group[0])
        )
        del groups[smallest]
    return groups


def _people(adepts: Mapping[str, Participant], members: Iterable[str]) -> int:
    """How many people the participants *members* are (a person entered twice counts once)."""
    return len({adepts[member].person_id for member in members})


def _group_of(
    data: ProgramData, participant: Participant, level: PairLabels, language: Language
) -> _Group | None:
    """The group of *participant* at *level*: where it is drawn, and its name; None if not known."""
    try:
        job = data.appointment(participant.appointment_id)
    except UnknownReferenceError:
        return None
    index = _LEVELS.index(level)
    if level == "municipality":
        name = job.municipality.display_name
    elif level == "county":
        name = job.municipality.county.name
    else:
        if job.position is None:
            return None
        kind = job.position.kind
        label = kind.label(language)
        return (index, _KINDS[kind], ""), label[:1].upper() + label[1:]
    return (index, 0, _style.swedish_order(name)), name


def _span(
    cohort: Cohort, pairs: Sequence[Mentorship], meetings: Sequence[MentorMeeting]
) -> tuple[dt.date, dt.date]:
    """The first and last day drawn: the cohort's, widened to every pair and meeting."""
    days = [cohort.start, cohort.end]
    days += [pair.start for pair in pairs] + [pair.end for pair in pairs if pair.end]
    days += [meeting.on for meeting in meetings]
    return min(days), max(days)


def _sessions(axes: Axes, cohort: Cohort, language: Language) -> None:
    """Shade each session's days and mark it above the rows, one colour per kind.

    The legend has an entry for each kind the cohort holds, with how many.
    """
    counts = Counter(session.kind for session in cohort.sessions)
    labelled: set[SessionKind] = set()
    for session in sorted(cohort.sessions, key=lambda s: s.start):
        kind = session.kind
        label = f"{kind.label(language)} ({counts[kind]})" if kind not in labelled else None
        labelled.add(kind)
        first, last = session.start.toordinal(), session.end.toordinal() + 1
        colour = _SESSION_COLOURS[kind]
        axes.axvspan(first, last, color=colour, alpha=0.3, linewidth=0, label=label)
        # A one-day session is a hair's width over a year: a mark above the rows shows it.
        axes.plot(
            (first + last) / 2,
            1.0,
            marker="v",
            markersize=7,
            color=colour,
            transform=axes.get_xaxis_transform(),
            clip_on=False,
        )


def _pairs(
    axes: Axes,
    data: ProgramData,
    rows: Sequence[tuple[str, Mentorship]],
    last: dt.date,
    language: Language,
) -> None:
    """Each pair's line and meetings; every meeting status in the legend with its count, 0 too.

    The line of a mentorship without an end runs to *last*, the last day drawn; a proposed
    mentorship's line is dashed (and in the legend only when there is one); a mentorship
    ended early ends in a bar (in the legend always, with its count). Who ended it and why
    are the pair's own and never drawn.
    """
    lines: dict[bool, tuple[list[int], list[int], list[int]]] = {
        False: ([], [], []),
        True: ([], [], []),
    }
    early: tuple[list[int], list[int]] = ([], [])
    for row, (_, pair) in enumerate(rows):
        ys, starts, ends = lines[pair.status is MentorshipStatus.PROPOSED]
        end = (pair.end or last).toordinal() + 1
        ys.append(row)
        starts.append(pair.start.toordinal())
        ends.append(end)
        if pair.status is MentorshipStatus.ENDED_EARLY:
            early[0].append(end)
            early[1].append(row)
    for proposed, (ys, starts, ends) in lines.items():
        if ys or not proposed:
            label = _PROPOSED if proposed else _MENTORSHIP
            axes.hlines(
                ys,
                starts,
                ends,
                color=_style.GREY,
                linewidth=1.2,
                linestyles="--" if proposed else "-",
                label=label.format(count=len(ys)).render(language),
            )
    ended = MentorshipStatus.ENDED_EARLY.label(language)
    axes.scatter(
        *early,
        s=90,
        marker="|",
        c=_style.VERMILION,
        linewidths=2,
        zorder=3,
        label=f"{ended} ({len(early[0])})",
    )
    by_status: dict[MeetingStatus, tuple[list[float], list[int]]] = {
        status: ([], []) for status in MeetingStatus
    }
    for row, (_, pair) in enumerate(rows):
        for meeting in data.meetings_of(pair.id):
            days, ys = by_status[meeting.status]
            days.append(meeting.on.toordinal() + 0.5)
            ys.append(row)
    for status in (MeetingStatus.HELD, MeetingStatus.PLANNED, MeetingStatus.CANCELLED):
        days, ys = by_status[status]
        marker, face, edge = _MARKERS[status]
        axes.scatter(
            days,
            ys,
            s=30,
            marker=marker,
            c=face,
            edgecolors=edge,
            linewidths=1.1,
            zorder=3,
            label=f"{status.label(language)} ({len(days)})",
        )
    axes.set_yticks(range(len(rows)), [label for label, _ in rows])
    axes.set_ylim(len(rows) - 0.5, -0.5)


def _month_ticks(axes: Axes, first: dt.date, last: dt.date, language: Language) -> None:
    """A tick on the first of each month (every second or third on a long span), named in *language*."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = 1 if months <= 15 else 2 if months <= 30 else 3 if months <= 45 else 12
    ticks: list[dt.date] = []
    year, month = first.year, first.month
    while dt.date(year, month, 1) <= last:
        day = dt.date(year, month, 1)
        if day >= first and (month - 1) % step == 0:
            ticks.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    labels = [
        f"{_MONTHS[day.month - 1].render(language)}\n{day.year}"
        if index == 0 or day.month <= step
        else _MONTHS[day.month - 1].render(language)
        for index, day in enumerate(ticks)
    ]
    axes.set_xticks([day.toordinal() for day in ticks], labels)
