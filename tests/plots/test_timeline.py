from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.collections import PathCollection
from matplotlib.patches import Rectangle

from ledarskap import example_program
from ledarskap.errors import InvalidValueError, UnknownReferenceError, UsageError
from ledarskap.model import MeetingStatus, MentorshipStatus, ProgramData
from ledarskap.plots import meeting_timeline
from ledarskap.plots._matplotlib import new_figure
from ledarskap.plots.timeline import _month_ticks, _rows
from ledarskap.tables import program_tables
from ledarskap.testing import program_data
from ledarskap.text import Text

from ._checks import FIGURE_LAWS, assert_no_personal_data, shown_text

DATA = example_program()
COHORT = DATA.cohorts[0]


def _markers(figure_axes: object) -> dict[str, int]:
    """How many meetings each status's markers show, by the legend label's status word."""
    return {
        str(c.get_label()).split(" (")[0]: np.asarray(c.get_offsets()).shape[0]
        for c in figure_axes.collections  # type: ignore[attr-defined]
        if isinstance(c, PathCollection)
    }


def test_one_row_per_mentorship_of_the_cohort_numbered_in_order_of_start() -> None:
    axes = meeting_timeline(DATA).axes[0]
    labels = [label.get_text() for label in axes.get_yticklabels()]
    pairs = [
        m for m in DATA.mentorships if DATA.participant(m.participant_id).cohort_id == COHORT.id
    ]
    assert labels == [f"Par {n}" for n in range(1, len(pairs) + 1)]


def test_every_meeting_is_drawn_once_by_its_status() -> None:
    axes = meeting_timeline(DATA, language="en").axes[0]
    expected = {
        status.label("en"): sum(m.status is status for m in DATA.meetings)
        for status in MeetingStatus
    }
    ended = sum(m.status is MentorshipStatus.ENDED_EARLY for m in DATA.mentorships)
    assert _markers(axes) == {**expected, "ended early": ended}
    assert expected["cancelled"] == 1  # the example has one, so the cross is drawn


def test_the_legend_names_every_status_with_its_count_zero_included() -> None:
    figure = meeting_timeline(DATA, language="en")
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    held = sum(m.status is MeetingStatus.HELD for m in DATA.meetings)
    assert f"held ({held})" in legend
    assert "planned (0)" in legend
    assert "cancelled (1)" in legend
    assert "residential session (3)" in legend
    assert "follow-up meeting (1)" in legend


def test_a_pair_ended_early_ends_in_a_bar_and_its_reason_is_never_drawn() -> None:
    ended = [m for m in DATA.mentorships if m.status is MentorshipStatus.ENDED_EARLY]
    assert ended
    assert all(m.end_reason for m in ended)
    figure = meeting_timeline(DATA, language="en")
    assert _markers(figure.axes[0])["ended early"] == len(ended)
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert f"ended early ({len(ended)})" in legend
    assert not any(text.startswith("proposed mentorship") for text in legend)
    for m in ended:
        assert m.end_reason not in " ".join(shown_text(figure))


def test_proposed_pairs_are_dashed_and_counted_in_the_legend() -> None:
    proposed = tuple(
        attrs.evolve(m, status=MentorshipStatus.PROPOSED, end=None, ended_by=None, end_reason="")
        if index >= 22
        else m
        for index, m in enumerate(DATA.mentorships)
    )
    gone = {m.id for m in proposed if m.status is MentorshipStatus.PROPOSED}
    data = attrs.evolve(
        DATA,
        mentorships=proposed,
        meetings=tuple(m for m in DATA.meetings if m.mentorship_id not in gone),
    )
    figure = meeting_timeline(data, language="en")
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert "proposed mentorship (3)" in legend
    dashed = [c for c in figure.axes[0].collections if c.get_label() == "proposed mentorship (3)"]
    assert len(dashed) == 1
    assert np.asarray(dashed[0].get_segments()).shape[0] == 3  # type: ignore[attr-defined]
    assert "ended early (1)" in legend  # ms-013, the 13th pair, as before


def test_each_session_is_shaded_over_its_days() -> None:
    axes = meeting_timeline(DATA).axes[0]
    spans = sorted(
        (round(p.get_x()), round(p.get_x() + p.get_width()))
        for p in axes.patches
        if isinstance(p, Rectangle)
    )
    expected = sorted((s.start.toordinal(), s.end.toordinal() + 1) for s in COHORT.sessions)
    assert spans == expected


def test_planned_meetings_are_rings_and_the_dates_span_the_cohort() -> None:
    planned = [
        attrs.evolve(m, status=MeetingStatus.PLANNED) if m.on > dt.date(2026, 3, 1) else m
        for m in DATA.meetings
    ]
    data = attrs.evolve(DATA, meetings=tuple(planned))
    axes = meeting_timeline(data, language="en").axes[0]
    counts = _markers(axes)
    assert counts["planned"] == sum(m.status is MeetingStatus.PLANNED for m in planned) > 0
    left, right = axes.get_xlim()
    assert (left, right) == (COHORT.start.toordinal(), COHORT.end.toordinal() + 1)


def _labels(data: ProgramData, **options: Any) -> list[str]:
    figure = meeting_timeline(data, language="en", **options)
    return [label.get_text() for label in figure.axes[0].get_yticklabels()]


def _adept_groups(data: ProgramData) -> dict[str, tuple[str, str, str | None]]:
    """Each adept of the example's pairs (by participant id): municipality, county, kind."""
    groups = {}
    for pair in data.mentorships:
        job = data.appointment(data.participant(pair.participant_id).appointment_id)
        kind = None if job.position is None else job.position.kind.label("en")
        groups[pair.participant_id] = (
            job.municipality.display_name,
            job.municipality.county.name,
            kind,
        )
    return groups


def test_by_default_a_group_labels_pairs_only_when_five_adepts_share_it() -> None:
    labels = _labels(DATA, pair_labels="municipality")
    # No municipality of the example sends five adepts; Östergötland sends 18; the other
    # seven (three counties, four position kinds) are fewer than five by any group.
    assert labels == [f"Östergötlands län ({n})" for n in range(1, 19)] + [
        f"Pair {n}" for n in range(1, 8)
    ]


def test_the_pair_that_ended_early_is_one_of_many_by_its_label() -> None:
    """The review's case: "Ödeshög → Vadstena" named the one adept from Vadstena."""
    figure = meeting_timeline(DATA, language="en", pair_labels="municipality")
    text = " ".join(shown_text(figure))
    for place in ("Vadstena", "Ödeshög", "Boxholm", "Linköping", "→"):
        assert place not in text
    axes = figure.axes[0]
    bar = next(c for c in axes.collections if str(c.get_label()).startswith("ended early"))
    (row,) = np.asarray(bar.get_offsets())[:, 1]
    assert axes.get_yticklabels()[int(row)].get_text().startswith("Östergötlands län (")


@pytest.mark.parametrize("k", [1, 2, 3, 5, 10, 30])
@pytest.mark.parametrize("start", ["municipality", "county", "position-kind"])
def test_every_label_is_shared_by_at_least_k_adepts(start: str, k: int) -> None:
    """Law: with k > 1, the pairs under one label (a group's, or "Pair n" all together)
    are at least k people, or all the pairs of the cohort; a group's pairs are its adepts'."""
    labels = _labels(DATA, pair_labels=start, k=k)
    pairs = sorted(DATA.mentorships, key=lambda pair: (pair.start, pair.id))
    assert len(labels) == len(pairs)
    names = Counter(re.sub(r" \(\d+\)$", "", label) for label in labels)
    numbered = sum(label.startswith("Pair ") for label in labels)
    groups = _adept_groups(DATA)
    known = {value[:1].upper() + value[1:] for group in groups.values() for value in group if value}
    for name, count in names.items():
        if name.startswith("Pair "):
            continue
        assert name in known
        if k > 1:
            assert count >= k, (name, count)
    if k > 1:
        assert numbered == 0 or numbered >= k or numbered == len(pairs)
    if start != "municipality":  # no municipality unless asked for
        municipalities = {m for m, _, _ in groups.values()}
        assert not municipalities & set(names)


@settings(max_examples=25, deadline=None)
@given(
    data=program_data(max_cohorts=1, max_participants=12),
    start=st.sampled_from(["municipality", "county", "position-kind"]),
    k=st.integers(1, 6),
)
def test_no_label_singles_out_fewer_than_k_people(data: ProgramData, start: str, k: int) -> None:
    """Law: the pairs under one label (a group's name, or "Par n" all together) belong to at
    least k people, or are every pair of the cohort; each pair is drawn once."""
    cohort = data.cohorts[0]
    rows = _rows(data, cohort, start, k, "sv")  # type: ignore[arg-type]
    pairs = [
        m for m in data.mentorships if data.participant(m.participant_id).cohort_id == cohort.id
    ]
    assert sorted(pair.id for _, pair in rows) == sorted(pair.id for pair in pairs)
    people: dict[str, set[str]] = {}
    for label, pair in rows:
        name = "Par" if label.startswith("Par ") else re.sub(r" \(\d+\)$", "", label)
        people.setdefault(name, set()).add(data.participant(pair.participant_id).person_id)
    for name, who in people.items():
        assert len(who) >= k or (name == "Par" and len(people) == 1), (name, who)


def test_k_1_labels_every_pair_by_its_adept_s_municipality_in_swedish_order() -> None:
    labels = _labels(DATA, pair_labels="municipality", k=1)
    assert len(labels) == len(set(labels)) == 25
    assert labels[:2] == ["Boxholm", "Finspång"]
    assert labels[-2:] == ["Åtvidaberg", "Ödeshög"]
    assert [label for label in labels if label.startswith("Linköping")] == [
        "Linköping (1)",
        "Linköping (2)",
        "Linköping (3)",
    ]


def test_finer_groups_come_first_and_a_county_holds_only_its_other_adepts() -> None:
    labels = _labels(DATA, pair_labels="municipality", k=3)
    names = list(dict.fromkeys(re.sub(r" \(\d+\)$", "", label) for label in labels))
    # Linköping and Norrköping send three each; Kalmar and Södermanland three each, and the
    # one adept from Jönköping would be numbered alone: Kalmar (the first of the two
    # smallest groups) is numbered too.
    assert names == ["Linköping", "Norrköping", "Södermanlands län", "Östergötlands län"] + [
        f"Pair {n}" for n in range(1, 5)
    ]
    assert labels.count("Östergötlands län (12)") == 1  # 18, less Linköping's and Norrköping's
    assert "Östergötlands län (13)" not in labels


def test_position_kinds_are_named_in_the_language_asked_for() -> None:
    en = _labels(DATA, pair_labels="position-kind")
    assert en[0] == "Leader in a staff function (1)"
    assert en.count("Pair 1") == 1
    sv = [
        t.get_text()
        for t in meeting_timeline(DATA, pair_labels="position-kind").axes[0].get_yticklabels()
    ]
    assert sv[0] == "Ledare i stabsfunktion (1)"
    assert sv[-1].startswith("Par ")


def test_a_person_entered_twice_is_one_adept_of_a_group() -> None:
    """Law: k counts people; four more participants (and pairs) of one person are still one."""
    (ended,) = [m for m in DATA.mentorships if m.status is MentorshipStatus.ENDED_EARLY]
    adept = DATA.participant(ended.participant_id)  # the only adept from Vadstena
    twice = [attrs.evolve(adept, id=f"{adept.id}-again-{n}") for n in range(4)]
    again = [
        attrs.evolve(ended, id=f"ms-again-{n}", participant_id=p.id) for n, p in enumerate(twice)
    ]
    data = attrs.evolve(
        DATA,
        participants=(*DATA.participants, *twice),
        mentorships=(*DATA.mentorships, *again),
    )
    assert not any(
        label.startswith("Vadstena") for label in _labels(data, pair_labels="municipality", k=2)
    )
    assert [
        label
        for label in _labels(data, pair_labels="municipality", k=1)
        if label.startswith("Vadstena")
    ] == [f"Vadstena ({n})" for n in range(1, 6)]


def test_an_adept_whose_appointment_is_not_known_is_numbered() -> None:
    first = DATA.mentorships[0]
    data = attrs.evolve(
        DATA,
        participants=tuple(
            attrs.evolve(p, appointment_id="nowhere") if p.id == first.participant_id else p
            for p in DATA.participants
        ),
    )
    labels = _labels(data, pair_labels="municipality", k=1)
    assert labels[-1] == "Pair 1"
    assert len(labels) == 25


def test_labels_are_in_the_language_asked_for() -> None:
    sv = shown_text(meeting_timeline(DATA))
    en = shown_text(meeting_timeline(DATA, language="en"))
    assert "Mentorsträffar – Omgång 2025/26" in sv
    assert "Mentor meetings – Omgång 2025/26" in en
    assert any(text.startswith("maj") for text in sv)
    assert any(text.startswith("May") for text in en)


def test_no_personal_data_in_the_timeline_of_the_example() -> None:
    secret = "Hemlig anteckning om Anna"
    data = attrs.evolve(DATA, meetings=tuple(attrs.evolve(m, notes=secret) for m in DATA.meetings))
    for labels in ("number", "municipality", "county", "position-kind"):
        figure = meeting_timeline(data, pair_labels=labels)
        assert_no_personal_data(figure, data)
        assert not any("Hemlig" in text for text in shown_text(figure))


@FIGURE_LAWS
@given(program_data(max_cohorts=2, max_participants=4))
def test_no_personal_data_in_any_timeline(data: ProgramData) -> None:
    """Law: the timeline of any cohort shows no name, e-mail or personnummer of anyone."""
    for cohort in data.cohorts:
        assert_no_personal_data(meeting_timeline(data, cohort.id), data)


def test_a_cohort_without_mentorships_says_so() -> None:
    data = attrs.evolve(DATA, mentorships=(), meetings=())
    figure = meeting_timeline(data, language="en")
    assert "No mentorships in the cohort" in shown_text(figure)
    assert figure.axes[0].get_yticks().size == 0
    bare = attrs.evolve(data, cohorts=(attrs.evolve(COHORT, sessions=()),))
    assert meeting_timeline(bare).legends == []  # nothing to explain, and no warning


def test_the_cohort_is_chosen_by_id_or_by_itself_and_must_be_named_among_several() -> None:
    assert meeting_timeline(DATA, COHORT.id).axes[0].get_title(loc="left").endswith(COHORT.name)
    assert meeting_timeline(DATA, COHORT).axes[0].get_title(loc="left").endswith(COHORT.name)
    with pytest.raises(UnknownReferenceError, match="liko-1999"):
        meeting_timeline(DATA, "liko-1999")
    other = attrs.evolve(COHORT, id="liko-2027", name="Omgång 2027/28")
    several = attrs.evolve(DATA, cohorts=(COHORT, other))
    with pytest.raises(UsageError, match=r"'liko-2025', 'liko-2027'"):
        meeting_timeline(several)
    with pytest.raises(UsageError, match=r"\(none\)"):
        meeting_timeline(
            attrs.evolve(
                DATA,
                cohorts=(),
                participants=(),
                mentors=(),
                mentorships=(),
                meetings=(),
                applications=(),
            )
        )


def test_wrong_arguments_are_refused_with_the_library_s_error() -> None:
    with pytest.raises(InvalidValueError, match="language: expected 'sv' or 'en', found 'de'"):
        meeting_timeline(DATA, language="de")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidValueError,
        match="pair_labels: expected 'number', 'municipality', 'county' or 'position-kind'",
    ):
        meeting_timeline(DATA, pair_labels="name")  # type: ignore[arg-type]
    for k in (0, -1, True, 2.0, "5", None):
        with pytest.raises(InvalidValueError, match="k: expected a whole number of at least 1"):
            meeting_timeline(DATA, pair_labels="county", k=k)  # type: ignore[arg-type]
    tables = program_tables(DATA)
    with pytest.raises(UsageError, match=r"expected the program's data \(ProgramData\)") as caught:
        meeting_timeline(tables)  # type: ignore[arg-type]
    assert caught.value.render("sv").startswith(
        "meeting_timeline(data): förväntade programmets data (ProgramData)"
    )


@settings(max_examples=30)
@given(
    first=st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)),
    days=st.integers(0, 6 * 365),
)
def test_month_ticks_are_firsts_of_months_inside_the_span_and_few(
    first: dt.date, days: int
) -> None:
    """Law: every tick is the first of a month inside the span drawn, at most 16 of them,
    and the first tick and each January carry the year."""
    last = first + dt.timedelta(days=days)
    axes = new_figure(Text("prov", "test"), 8, 2).add_subplot()
    _month_ticks(axes, first, last, "en")
    ticks = [dt.date.fromordinal(int(t)) for t in axes.get_xticks()]
    labels = [t.get_text() for t in axes.get_xticklabels()]
    assert all(t.day == 1 and first <= t <= last for t in ticks)
    assert ticks == sorted(ticks)
    assert len(ticks) <= 16
    for index, (tick, label) in enumerate(zip(ticks, labels, strict=True)):
        assert label.endswith(str(tick.year)) == (index == 0 or tick.month == 1)
