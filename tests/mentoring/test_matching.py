from __future__ import annotations

import copy
import datetime as dt
import itertools
import math
import pickle
import random
import subprocess
import sys

import attrs
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from ledarskap import (
    EndedBy,
    Mentorship,
    MentorshipStatus,
    MissingDependencyError,
    ParticipantStatus,
    ProblemsError,
    example_program,
    municipality,
)
from ledarskap.mentoring import HardRule, MatchingOptions, Proposal, Weights, propose

from ._programs import COHORT, START, instances, program, unpaired_example

EXAMPLE = "liko-2025"


def test_the_example_cohort_is_paired_completely_and_never_with_its_own_kommunchef() -> None:
    data = unpaired_example()
    proposal = propose(data, EXAMPLE)
    adepts = [
        p for p in data.participants_of(EXAMPLE) if p.status is not ParticipantStatus.WITHDRAWN
    ]
    assert proposal.complete
    assert sorted(p.adept_id for p in proposal.pairs) == sorted(p.id for p in adepts)
    for pair in proposal.pairs:
        adept = data.participant(pair.adept_id)
        assert data.municipality_of(adept) != data.mentor(pair.mentor_id).municipality
    loads = {m.id: 0 for m in data.mentors_of(EXAMPLE)}
    for pair in proposal.pairs:
        loads[pair.mentor_id] += 1
    assert all(loads[m.id] <= m.capacity for m in data.mentors_of(EXAMPLE))


def test_the_same_input_in_any_order_gives_the_same_pairs() -> None:
    data = unpaired_example()
    options = MatchingOptions(
        wishes={"d-001": ["mentor-0581", "mentor-0583"], "d-002": ["mentor-0581"]},
        conflicts=[("d-003", "mentor-0586"), ("d-004", "mentor-0562")],
        bans=[("d-005", "mentor-0582")],
    )
    expected = propose(data, EXAMPLE, options)
    rng = random.Random(7)
    for _ in range(3):
        shuffled = attrs.evolve(
            data,
            participants=rng.sample(data.participants, len(data.participants)),
            mentors=rng.sample(data.mentors, len(data.mentors)),
            appointments=rng.sample(data.appointments, len(data.appointments)),
        )
        reordered = attrs.evolve(
            options,
            conflicts=rng.sample(options.conflicts, len(options.conflicts)),
            wishes=dict(rng.sample(list(options.wishes.items()), len(options.wishes))),
        )
        assert propose(shuffled, EXAMPLE, reordered) == expected


def test_paired_adepts_are_left_alone_unless_named() -> None:
    data = unpaired_example()
    first = propose(data, EXAMPLE)
    assert propose(first.apply(data), EXAMPLE).pairs == ()
    again = propose(first.apply(data), EXAMPLE, MatchingOptions(adepts=["d-001"]))
    assert [p.adept_id for p in again.pairs] == ["d-001"]
    assert again.repaired == frozenset({"d-001"})


def test_a_wish_is_granted_when_nothing_stands_against_it() -> None:
    data = unpaired_example()
    proposal = propose(data, EXAMPLE, MatchingOptions(wishes={"d-001": ["mentor-0884"]}))
    pair = proposal.pair_of("d-001")
    assert pair is not None
    assert pair.mentor_id == "mentor-0884"
    assert pair.parts[0].points == 1.0


def test_current_pairs_take_places_and_count_exactly_in_the_spread() -> None:
    data = program(["0580", "0580", "0581"], [("0583", 2), ("0586", 2)])
    held = Mentorship(
        id="ms-0",
        mentor_id="m-0",
        participant_id="d-0",
        start=START,
        status=MentorshipStatus.ACTIVE,
    )
    data = attrs.evolve(data, mentorships=[held])
    weights = Weights(distance=0, county_spread=0)
    proposal = propose(data, COHORT, MatchingOptions(weights=weights))
    assert sorted(p.adept_id for p in proposal.pairs) == ["d-1", "d-2"]
    # d-1 shares Linköping with d-0, who holds a place of m-0: it goes to m-1 instead.
    assert proposal.pair_of("d-1").mentor_id == "m-1"  # type: ignore[union-attr]
    forced = propose(data, COHORT, MatchingOptions(weights=weights, bans=[("d-1", "m-1")]))
    pair = forced.pair_of("d-1")
    assert pair is not None
    assert (pair.mentor_id, pair.place, pair.score) == ("m-0", 2, -1.0)
    assert "1 given + 0.00 expected in place 2" in forced.explain("d-1", "en")
    full = propose(data, COHORT, MatchingOptions(capacities={"m-0": 1}, bans=[("d-1", "m-1")]))
    (unmatched,) = full.unmatched
    assert [(r.mentor_id, r.rules) for r in unmatched.removed] == [
        ("m-0", (HardRule.NO_PLACE,)),
        ("m-1", (HardRule.BANNED,)),
    ]


def test_a_pair_ended_early_is_not_made_again() -> None:
    data = program(["0580"], [("0583", 1), ("0586", 1)])
    ended = Mentorship(id="ms-0", mentor_id="m-0", participant_id="d-0", start=START)
    ended = ended.ended(
        START + dt.timedelta(days=30),
        status=MentorshipStatus.ENDED_EARLY,
        ended_by=EndedBy.ADEPT,
        reason="",
    )
    data = attrs.evolve(data, mentorships=[ended])
    proposal = propose(data, COHORT, MatchingOptions(wishes={"d-0": ["m-0"]}))
    assert proposal.pair_of("d-0").mentor_id == "m-1"  # type: ignore[union-attr]
    again = propose(
        data, COHORT, MatchingOptions(wishes={"d-0": ["m-0"]}, forbid_earlier_pairs=False)
    )
    assert again.pair_of("d-0").mentor_id == "m-0"  # type: ignore[union-attr]


def test_only_earlier_cohorts_count_as_history() -> None:
    data = program(["0580"], [("0583", 1), ("0586", 1)], earlier=[(0, 0)])
    wish = MatchingOptions(wishes={"d-0": ["m-0"]})
    assert _mentor(propose(data, COHORT, wish), "d-0") == "m-1"  # paired before: not again
    later = attrs.evolve(data.cohorts[1], start=dt.date(2027, 9, 1), end=dt.date(2028, 6, 30))
    moved = attrs.evolve(data, cohorts=[data.cohorts[0], later])
    assert _mentor(propose(moved, COHORT, wish), "d-0") == "m-0"
    proposed = [
        attrs.evolve(m, status=MentorshipStatus.PROPOSED, end=None) for m in data.mentorships
    ]
    assert _mentor(propose(attrs.evolve(data, mentorships=proposed), COHORT, wish), "d-0") == "m-0"


def _mentor(proposal: Proposal, adept_id: str) -> str | None:
    pair = proposal.pair_of(adept_id)
    return None if pair is None else pair.mentor_id


def test_broken_references_are_named_or_left_to_validate() -> None:
    data = program(["0580", "0581"], [("0583", 2)])
    lost = attrs.evolve(data.participants[0], appointment_id="a-gone")
    dangling = Mentorship(id="ms-x", mentor_id="m-gone", participant_id="d-1", start=START)
    broken = attrs.evolve(data, participants=[lost, *data.participants[1:]], mentorships=[dangling])
    with pytest.raises(ProblemsError) as caught:
        propose(broken, COHORT)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("participants['d-0'].appointment_id", "unknown-appointment")
    ]
    fine = attrs.evolve(data, mentorships=[dangling])
    assert len(propose(fine, COHORT).pairs) == 2


# Bad input ------------------------------------------------------------------------------


def _problems(options: MatchingOptions, cohort: str = EXAMPLE) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        propose(unpaired_example(), cohort, options)
    assert caught.value.summary == "cannot pair mentors and adepts"
    return [str(p) for p in caught.value.problems]


def test_an_unknown_cohort_is_named_with_the_closest_id() -> None:
    assert _problems(MatchingOptions(), "liko-2052") == [
        "cohort_id: expected the id of one of the 1 cohorts, found 'liko-2052' "
        "(did you mean 'liko-2025'?)"
    ]


def test_every_unknown_id_is_named_at_once() -> None:
    problems = _problems(
        MatchingOptions(
            wishes={"d-0001": ["mentor-0580"], "d-001": ["mentr-0580"]},
            conflicts=[("d-002", "kommunchef")],
            bans=[("x", "mentor-0580")],
            unavailable=["mentor-O581"],
            adepts=["d-001", "D-002"],
        )
    )
    assert problems == [
        "MatchingOptions.adepts[1]: expected a participant of cohort 'liko-2025', found 'D-002' "
        "(did you mean 'd-002'?)",
        "MatchingOptions.unavailable[0]: expected a mentor of cohort 'liko-2025', found "
        "'mentor-O581' (did you mean 'mentor-0581'?)",
        "MatchingOptions.conflicts[0]: expected a mentor of cohort 'liko-2025', found 'kommunchef'",
        "MatchingOptions.bans[0]: expected a participant of cohort 'liko-2025', found 'x'",
        "MatchingOptions.wishes['d-0001']: expected a participant of cohort 'liko-2025', "
        "found 'd-0001' (did you mean 'd-001'?)",
        "MatchingOptions.wishes['d-001'][0]: expected a mentor of cohort 'liko-2025', found "
        "'mentr-0580' (did you mean 'mentor-0580'?)",
    ]


def test_a_capacity_of_zero_is_refused_naming_the_mentor() -> None:
    assert _problems(MatchingOptions(capacities={"mentor-0580": 0})) == [
        "MatchingOptions.capacities['mentor-0580']: expected at least 1 place for "
        "'mentor-0580', found 0 (to take a mentor out of the pairing, name it in `unavailable`)"
    ]


def test_contradictory_pins_are_named() -> None:
    # d-001 and d-003 are from Linköping, d-004 from Norrköping; mentor-0582 takes one adept.
    problems = _problems(
        MatchingOptions(
            pins=[
                ("d-001", "mentor-0581"),
                ("d-001", "mentor-0583"),
                ("d-002", "mentor-0580"),
                ("d-004", "mentor-0583"),
                ("d-005", "mentor-0582"),
                ("d-006", "mentor-0582"),
                ("d-007", "mentor-0562"),
                ("d-013", "mentor-0562"),
            ],
            bans=[("d-004", "mentor-0583")],
            unavailable=["mentor-0562"],
        )
    )
    assert problems == [
        "MatchingOptions.pins[1]: 'd-001' is pinned twice: to 'mentor-0581' (pins[0]) and to "
        "'mentor-0583'",
        "MatchingOptions.pins[2]: the pin ('d-002', 'mentor-0580') contradicts a hard rule: "
        "the mentor is the kommunchef of the adept's own municipality",
        "MatchingOptions.pins[3]: the pin ('d-004', 'mentor-0583') contradicts a hard rule: "
        "ruled out by hand",
        "MatchingOptions.pins[6]: the pin ('d-007', 'mentor-0562') contradicts a hard rule: "
        "the mentor is not available",
        "MatchingOptions.pins[7]: 'd-013' is not among the adepts to pair (paired already or "
        "withdrawn: name it in `adepts` to re-pair it)",
        "MatchingOptions.pins: 2 adepts pinned to 'mentor-0582' (d-005, d-006), but it has 1 "
        "free place",
    ]


def test_a_pin_against_a_conflict_or_an_earlier_pair_is_refused() -> None:
    data = program(["0580", "0581"], [("0583", 1), ("0586", 1)], earlier=[(0, 0)])
    with pytest.raises(ProblemsError, match="conflict of interest, paired before"):
        propose(data, COHORT, MatchingOptions(pins=[("d-0", "m-0")], conflicts=[("d-0", "m-0")]))
    allowed = propose(
        data, COHORT, MatchingOptions(pins=[("d-0", "m-0")], forbid_earlier_pairs=False)
    )
    assert allowed.pair_of("d-0").mentor_id == "m-0"  # type: ignore[union-attr]


def test_a_withdrawn_or_repeated_adept_is_refused() -> None:
    assert _problems(MatchingOptions(adepts=["d-013", "d-001", "d-001"])) == [
        "MatchingOptions.adepts[0]: expected a participant taking part, found 'd-013', withdrawn",
        "MatchingOptions.adepts[2]: 'd-001' is named twice",
    ]


def test_a_mentor_wished_twice_is_refused() -> None:
    assert _problems(MatchingOptions(wishes={"d-001": ["mentor-0581", "mentor-0581"]})) == [
        "MatchingOptions.wishes['d-001'][1]: 'mentor-0581' is wished twice"
    ]


def test_without_scipy_the_message_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "scipy", None)
    monkeypatch.setitem(sys.modules, "scipy.optimize", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'ledarskap\[matching\]'"):
        propose(unpaired_example(), EXAMPLE)


def test_importing_the_package_loads_neither_scipy_nor_numpy() -> None:
    code = "import sys, ledarskap.mentoring; print('scipy' in sys.modules, 'numpy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


# Infeasible input -------------------------------------------------------------------------


def test_a_shortage_names_the_adepts_the_places_and_the_rules() -> None:
    data = program(["0580", "0580", "0581"], [("0580", 2), ("0581", 2), ("0583", 2)])
    options = MatchingOptions(conflicts=[("d-0", "m-1"), ("d-1", "m-1"), ("d-2", "m-0")])
    proposal = propose(data, COHORT, options)
    assert len(proposal.pairs) == 2
    (shortage,) = proposal.shortages
    assert shortage.adept_ids == ("d-0", "d-1", "d-2")
    assert shortage.mentor_ids == ("m-2",)
    assert shortage.places == 2
    assert shortage.ruled_out == (
        (HardRule.OWN_MUNICIPALITY, ("m-0", "m-1")),
        (HardRule.CONFLICT, ("m-0", "m-1")),
    )
    text = proposal.render("en")
    assert (
        "3 adepts from Linköping and Norrköping (d-0, d-1, d-2), but only 2 free places with "
        "mentors they may have (m-2); the other mentors are ruled out: the mentor is the "
        "kommunchef of the adept's own municipality (m-0, m-1); a declared conflict of "
        "interest (m-0, m-1)"
    ) in text
    assert "3 adepter från Linköping och Norrköping (d-0, d-1, d-2), men bara 2 lediga platser" in (
        proposal.render("sv")
    )


def test_separate_shortages_are_named_separately() -> None:
    data = program(["0580", "0580", "0586", "0586"], [("0583", 1), ("0584", 1)])
    options = MatchingOptions(bans=[("d-0", "m-1"), ("d-1", "m-1"), ("d-2", "m-0"), ("d-3", "m-0")])
    proposal = propose(data, COHORT, options)
    assert [(s.adept_ids, s.mentor_ids, s.places) for s in proposal.shortages] == [
        (("d-0", "d-1"), ("m-0",), 1),
        (("d-2", "d-3"), ("m-1",), 1),
    ]
    for unmatched in proposal.unmatched:
        assert len(unmatched.full) == 1
        assert [r.rules for r in unmatched.removed] == [(HardRule.BANNED,)]


def test_an_adept_with_no_candidate_is_a_shortage_of_its_own() -> None:
    data = program(["0580", "0581"], [("0580", 1), ("0583", 1)])
    proposal = propose(data, COHORT, MatchingOptions(unavailable=["m-1"]))
    (unmatched,) = proposal.unmatched
    assert unmatched.adept_id == "d-0"
    assert [(r.mentor_id, r.rules) for r in unmatched.removed] == [
        ("m-0", (HardRule.OWN_MUNICIPALITY,)),
        ("m-1", (HardRule.UNAVAILABLE,)),
    ]
    (shortage,) = proposal.shortages
    assert (shortage.adept_ids, shortage.mentor_ids, shortage.places) == (("d-0",), (), 0)


def test_a_capacity_of_millions_is_as_many_places_as_there_are_adepts() -> None:
    """Places beyond the adepts change nothing and cost nothing (no column each)."""
    adepts = ["0580", "0581", "0583", "0980"]
    enough = propose(program(adepts, [("0580", 4), ("0581", 1)]), COHORT)
    huge = program(adepts, [("0580", 10**9), ("0581", 1)])
    options = MatchingOptions(capacities={"m-0": 10**12})
    for proposal in (propose(huge, COHORT), propose(huge, COHORT, options)):
        assert [(p.adept_id, p.mentor_id) for p in proposal.pairs] == [
            (p.adept_id, p.mentor_id) for p in enough.pairs
        ]
        alternatives = [p.alternative for p in proposal.pairs if p.alternative is not None]
        assert not any(a.full for a in alternatives if a.mentor_id == "m-0")


def test_a_mentorship_with_a_participant_of_another_cohort_is_left_to_validate() -> None:
    data = program(["0580", "0581"], [("0583", 2)], earlier=[(0, 0)])
    data = attrs.evolve(data, mentorships=())  # old-d0 is in the earlier cohort only
    # old-d0 is a participant of the earlier cohort, m-0 a mentor of this one.
    stray = Mentorship(id="ms-stray", mentor_id="m-0", participant_id="old-d0", start=START)
    proposal = propose(attrs.evolve(data, mentorships=(*data.mentorships, stray)), COHORT)
    assert sorted(p.adept_id for p in proposal.pairs) == ["d-0", "d-1"]


def test_a_repeated_mentor_id_means_its_first_record_as_everywhere() -> None:
    data = program(["0581"], [("0580", 1)])
    twin = attrs.evolve(data.mentors[0], municipality=municipality("0581"))
    data = attrs.evolve(data, mentors=(*data.mentors, twin))
    assert data.mentor("m-0").municipality.code == "0580"
    assert propose(data, COHORT, MatchingOptions(pins=[("d-0", "m-0")])).pairs[0].pinned
    data = attrs.evolve(data, mentors=(twin, data.mentors[0]))  # now Norrköping's comes first
    with pytest.raises(ProblemsError, match="own municipality"):
        propose(data, COHORT, MatchingOptions(pins=[("d-0", "m-0")]))


@pytest.mark.parametrize("cohort_id", [["liko-2025"], None, 2025])
def test_a_cohort_id_that_is_no_text_is_named(cohort_id: object) -> None:
    with pytest.raises(ProblemsError, match="cohort_id: expected the id of one of the 1 cohorts"):
        propose(unpaired_example(), cohort_id)  # type: ignore[arg-type]


def test_options_pickle_and_copy_as_they_are() -> None:
    options = MatchingOptions(wishes={"d-001": ["mentor-0581"]}, capacities={"mentor-0581": 2})
    for copied in (pickle.loads(pickle.dumps(options)), copy.deepcopy(options)):
        assert copied == options
        with pytest.raises(TypeError):
            copied.capacities["mentor-0581"] = 3  # type: ignore[index]


def test_the_options_mappings_are_read_only() -> None:
    options = MatchingOptions(wishes={"d-001": ["mentor-0581"]}, capacities={"mentor-0581": 2})
    with pytest.raises(TypeError):
        options.capacities["mentor-0581"] = "many"  # type: ignore[index]
    with pytest.raises(TypeError):
        options.wishes["d-002"] = ("mentor-0581",)  # type: ignore[index]
    assert options == MatchingOptions(
        wishes={"d-001": ("mentor-0581",)}, capacities={"mentor-0581": 2}
    )


def test_a_cohort_without_mentors_leaves_everyone_unmatched() -> None:
    data = program(["0580", "0581"], [])
    proposal = propose(data, COHORT)
    assert [u.adept_id for u in proposal.unmatched] == ["d-0", "d-1"]
    assert [s.places for s in proposal.shortages] == [0, 0]


# Laws ------------------------------------------------------------------------------------


def _km(a: str, b: str) -> float:
    (lat1, lon1), (lat2, lon2) = (
        map(math.radians, municipality(a).seat or (0, 0)),
        map(math.radians, municipality(b).seat or (0, 0)),
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _brute_force(
    adepts: list[str], mentors: list[tuple[str, int]], options: MatchingOptions
) -> tuple[int, float]:
    """The best (adepts paired, total score) over every assignment, scored from the docs."""
    w = options.weights
    removed = set(options.conflicts) | set(options.bans)
    n = len(adepts)

    def slope(i: int) -> float:
        if n < 2:
            return 0.0
        same = sum(1 for code in adepts if code == adepts[i]) - 1
        county = sum(1 for code in adepts if code[:2] == adepts[i][:2]) - 1
        return (w.municipality_spread * same + w.county_spread * county) / (n - 1)

    def pair_score(i: int, j: int) -> float:
        wished = options.wishes.get(f"d-{i}", ())
        wish = 1 - wished.index(f"m-{j}") / len(wished) if f"m-{j}" in wished else 0.0
        return w.wish * wish - w.distance * _km(adepts[i], mentors[j][0]) / 100

    best = (0, 0.0)
    for choice in itertools.product([None, *range(len(mentors))], repeat=n):
        if any(
            j is not None and (adepts[i] == mentors[j][0] or (f"d-{i}", f"m-{j}") in removed)
            for i, j in enumerate(choice)
        ):
            continue
        if any(choice.count(j) > cap for j, (_, cap) in enumerate(mentors)):
            continue
        score = sum(pair_score(i, j) for i, j in enumerate(choice) if j is not None)
        for j in range(len(mentors)):
            slopes = sorted((slope(i) for i, k in enumerate(choice) if k == j), reverse=True)
            score -= sum(place * s for place, s in enumerate(slopes))
        paired = sum(j is not None for j in choice)
        if (paired, score) > (best[0], best[1] + 1e-9):
            best = (paired, score)
    return best


def _respects_the_rules(
    proposal: Proposal, adepts: list[str], mentors: list[tuple[str, int]], options: MatchingOptions
) -> None:
    removed = set(options.conflicts) | set(options.bans)
    loads = [0] * len(mentors)
    for pair in proposal.pairs:
        i, j = int(pair.adept_id[2:]), int(pair.mentor_id[2:])
        assert adepts[i] != mentors[j][0]
        assert (pair.adept_id, pair.mentor_id) not in removed
        loads[j] += 1
        assert math.isclose(pair.score, sum(p.points for p in pair.parts), abs_tol=1e-9)
    assert all(load <= cap for load, (_, cap) in zip(loads, mentors, strict=True))
    for pin in options.pins:
        assert proposal.pair_of(pin[0]).mentor_id == pin[1]  # type: ignore[union-attr]


@settings(max_examples=40)
@given(instances())
# An adept left unpaired must not weigh on which place another adept gets.
@example((["0580", "0580", "0580", "0581"], [("0580", 2), ("0583", 2)], MatchingOptions()))
def test_the_proposal_is_as_good_as_the_best_of_every_assignment(
    instance: tuple[list[str], list[tuple[str, int]], MatchingOptions],
) -> None:
    """No proposal pairs an adept with their own kommunchef, exceeds a capacity or breaks a
    ban or a conflict; and it pairs as many adepts, with as high a total score, as the best of
    every possible assignment (scored as the docs define it)."""
    adepts, mentors, options = instance
    proposal = propose(program(adepts, mentors), COHORT, options)
    _respects_the_rules(proposal, adepts, mentors, options)
    paired, score = _brute_force(adepts, mentors, options)
    assert len(proposal.pairs) == paired
    assert math.isclose(proposal.score, score, abs_tol=1e-6)


@settings(max_examples=40)
@given(instances(), st.data())
def test_adding_a_hard_rule_never_raises_the_total(
    instance: tuple[list[str], list[tuple[str, int]], MatchingOptions], data: st.DataObject
) -> None:
    """Adding a ban, a conflict or an unavailable mentor never pairs more adepts, and never
    raises the total score of as many adepts paired."""
    adepts, mentors, options = instance
    source = program(adepts, mentors)
    before = propose(source, COHORT, options)
    assume(mentors)  # a cohort without mentors has nothing to pin or forbid
    pair = (
        f"d-{data.draw(st.integers(0, len(adepts) - 1))}",
        f"m-{data.draw(st.integers(0, len(mentors) - 1))}",
    )
    stricter = data.draw(
        st.sampled_from(
            [
                attrs.evolve(options, bans=[*options.bans, pair]),
                attrs.evolve(options, conflicts=[*options.conflicts, pair]),
                attrs.evolve(options, unavailable=[pair[1]]),
            ]
        )
    )
    after = propose(source, COHORT, stricter)
    assert (len(after.pairs), after.score) <= (len(before.pairs), before.score + 1e-9)


@settings(max_examples=30)
@given(instances(), st.data())
def test_pins_are_kept_or_refused(
    instance: tuple[list[str], list[tuple[str, int]], MatchingOptions], data: st.DataObject
) -> None:
    """A pin is in the proposal, or the input is refused: a pin is never quietly dropped."""
    adepts, mentors, options = instance
    assume(mentors)  # a cohort without mentors has nothing to pin or forbid
    pins = data.draw(
        st.lists(
            st.tuples(
                st.integers(0, len(adepts) - 1).map(lambda i: f"d-{i}"),
                st.integers(0, len(mentors) - 1).map(lambda j: f"m-{j}"),
            ),
            max_size=2,
        )
    )
    options = attrs.evolve(options, pins=pins)
    try:
        proposal = propose(program(adepts, mentors), COHORT, options)
    except ProblemsError as error:
        refused = error.problems
    else:
        _respects_the_rules(proposal, adepts, mentors, options)
        return
    assert refused
    assert all(p.path.startswith("MatchingOptions.pins") for p in refused)


@settings(max_examples=30)
@given(instances())
def test_every_shortage_is_a_hall_violator(
    instance: tuple[list[str], list[tuple[str, int]], MatchingOptions],
) -> None:
    """Each shortage's adepts may have only the shortage's mentors, whose free places are
    fewer than the adepts; and there is a shortage exactly when an adept is unmatched."""
    adepts, mentors, options = instance
    proposal = propose(program(adepts, mentors), COHORT, options)
    removed = set(options.conflicts) | set(options.bans)
    assert bool(proposal.shortages) == bool(proposal.unmatched)
    groups = [set(shortage.adept_ids) for shortage in proposal.shortages]
    assert sum(map(len, groups)) == len(set().union(*groups)), "shortages share an adept"
    assert {u.adept_id for u in proposal.unmatched} <= set().union(*groups)
    for shortage in proposal.shortages:
        assert len(shortage.adept_ids) > shortage.places
        assert shortage.places == sum(mentors[int(m[2:])][1] for m in shortage.mentor_ids)
        for adept_id in shortage.adept_ids:
            i = int(adept_id[2:])
            allowed = {
                f"m-{j}"
                for j, (code, _) in enumerate(mentors)
                if code != adepts[i] and (adept_id, f"m-{j}") not in removed
            }
            assert allowed <= set(shortage.mentor_ids)


@settings(max_examples=25)
@given(instances(), st.randoms(use_true_random=False))
def test_the_order_of_the_input_never_changes_the_pairs(
    instance: tuple[list[str], list[tuple[str, int]], MatchingOptions], rng: random.Random
) -> None:
    """The same records and options in another order give the same proposal."""
    adepts, mentors, options = instance
    data = program(adepts, mentors)
    shuffled = attrs.evolve(
        data,
        participants=rng.sample(data.participants, len(data.participants)),
        mentors=rng.sample(data.mentors, len(data.mentors)),
    )
    reordered = attrs.evolve(
        options,
        conflicts=rng.sample(options.conflicts, len(options.conflicts)),
        bans=rng.sample(options.bans, len(options.bans)),
        wishes=dict(rng.sample(list(options.wishes.items()), len(options.wishes))),
    )
    assert propose(shuffled, COHORT, reordered) == propose(data, COHORT, options)


def test_the_problems_of_a_pairing_in_swedish() -> None:
    data = example_program()
    cohort = data.cohorts[0].id
    mentor = data.mentors[0].id
    options = MatchingOptions(pins=[("nobody", "m-x")], capacities={mentor: 0})
    with pytest.raises(ProblemsError) as caught:
        propose(data, cohort, options)
    assert caught.value.render("sv") == (
        "kan inte para mentorer och adepter (3 problem)\n"
        f"  - MatchingOptions.capacities[{mentor!r}]: förväntade minst 1 plats för {mentor!r}, "
        "fick 0 (ange mentorn i `unavailable` för att ta den ur parningen)\n"
        f"  - MatchingOptions.pins[0]: förväntade en deltagare i omgången {cohort!r}, fick 'nobody'\n"
        f"  - MatchingOptions.pins[0]: förväntade en mentor i omgången {cohort!r}, fick 'm-x'"
    )
    assert str(caught.value).startswith(
        "cannot pair mentors and adepts (3 problems)\n"
        f"  - MatchingOptions.capacities[{mentor!r}]: expected at least 1 place for {mentor!r}, "
        "found 0 (to take a mentor out of the pairing, name it in `unavailable`)\n"
    )


def test_an_unknown_cohort_in_swedish() -> None:
    with pytest.raises(ProblemsError) as caught:
        propose(example_program(), "liko-2052")
    assert caught.value.render("sv") == (
        "kan inte para mentorer och adepter (1 problem)\n"
        "  - cohort_id: förväntade id:t för en av de 1 omgångarna, fick 'liko-2052' "
        "(menade du 'liko-2025'?)"
    )
