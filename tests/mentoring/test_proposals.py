from __future__ import annotations

import datetime as dt
import json
import math

import attrs
import pytest
from hypothesis import given, settings

from ledarskap import (
    InvalidValueError,
    MentorshipStatus,
    ProblemsError,
    UnknownReferenceError,
    UsageError,
    validate,
)
from ledarskap.mentoring import (
    PROPOSAL_FORMAT,
    MatchingOptions,
    Preference,
    Proposal,
    Weights,
    propose,
)

from ._programs import COHORT, instances, program, unpaired_example

PNR = "198503122395"


def _small() -> Proposal:
    # Two adepts from Linköping, one from Norrköping; Motala's mentor takes two.
    data = program(["0580", "0580", "0581"], [("0581", 1), ("0583", 2)], earlier=[(2, 1)])
    options = MatchingOptions(wishes={"d-0": ["m-1", "m-0"]}, forbid_earlier_pairs=False)
    return propose(data, COHORT, options)


def test_each_pair_is_scored_part_by_part() -> None:
    proposal = _small()
    assert [(p.adept_id, p.mentor_id, p.place) for p in proposal.pairs] == [
        ("d-0", "m-1", 1),
        ("d-1", "m-0", 1),
        ("d-2", "m-1", 2),
    ]
    first, _, third = proposal.pairs
    parts = {part.preference: part for part in first.parts}
    assert parts[Preference.WISH].points == 1.0
    assert parts[Preference.DISTANCE].points == pytest.approx(-0.5 * 0.4, abs=0.05)
    # The third adept, from Norrköping, takes Motala's second place: the first is Linköping's.
    # Expected: none of the two other adepts is from Norrköping; both are from Östergötland.
    spread = {part.preference: part for part in third.parts}
    assert spread[Preference.MUNICIPALITY_SPREAD].value == 0.0
    assert spread[Preference.COUNTY_SPREAD].value == 1.0
    assert spread[Preference.COUNTY_SPREAD].expected == 1.0
    assert spread[Preference.CONTINUITY].points == 0.5  # Motala mentored Norrköping before
    assert math.isclose(proposal.score, sum(p.score for p in proposal.pairs))
    assert proposal.co_adepts(third) == ((), ("d-0",))


def test_the_next_best_mentor_and_the_gap() -> None:
    proposal = _small()
    first = proposal.pairs[0]
    assert first.alternative is not None
    assert first.alternative.mentor_id == "m-0"
    assert first.alternative.full
    assert "the mentor is full in the proposal" in proposal.explain("d-0", "en")
    assert first.gap == pytest.approx(first.score - first.alternative.score)
    # Nobody else may have the Linköping adept d-1 but the two mentors: its only other is m-1.
    lone = propose(program(["0580"], [("0581", 1)]), COHORT)
    assert lone.pairs[0].alternative is None
    assert lone.pairs[0].gap is None


def test_render_in_swedish_and_english() -> None:
    proposal = _small()
    swedish = proposal.render("sv").splitlines()
    english = proposal.render().splitlines()
    assert swedish == english
    assert swedish[0] == (
        f"Förslag till mentorspar för Omgång 2026/27: 3 av 3 adepter parade, total poäng "
        f"{f'{proposal.score:.2f}'.replace('.', ',').replace('-', '−')}"
    )
    assert swedish[1].startswith("  d-0 (Linköping) – m-1 (Motala): +0,")
    assert "adeptens önskemål +1,00" in swedish[1]
    assert "näst bäst m-0 (Norrköping)" in swedish[1]
    english = proposal.render("en").splitlines()
    assert english[0].startswith("Proposed mentor pairs for Omgång 2026/27: 3 of 3 adepts paired")
    assert "the adept's wish +1.00" in english[1]
    with pytest.raises(InvalidValueError, match="language"):
        proposal.render("de")  # type: ignore[arg-type]


def test_explain_one_pair() -> None:
    text = _small().explain("d-2", "en").splitlines()
    assert text[0].startswith("d-2 (Norrköping) – m-1 (Motala), score ")
    assert text[1] == "  the adept's wish: weight 1.00 × 0.00 (not wished) = 0.00"
    assert text[3] == (
        "  continuity: weight 0.50 × 1.00 (the municipalities were paired before) = +0.50"
    )
    assert text[5] == (
        "  spread over counties: weight 0.25 × 1.00 (0 given + 1.00 expected in place 2) = -0.25"
    )
    assert text[6] == (
        "  In the proposal the mentor also has none from the same municipality and d-0 from "
        "the same county."
    )
    assert text[7] == "  No other possible pair"  # Norrköping's mentor is the adept's own
    swedish = _small().explain("d-2")
    assert "kontinuitet: vikt 0,50 × 1,00" in swedish


def test_explain_an_unmatched_adept_and_an_unknown_one() -> None:
    proposal = propose(program(["0580", "0580"], [("0583", 1)]), COHORT)
    (unmatched,) = proposal.unmatched
    assert proposal.explain(unmatched.adept_id, "en").splitlines() == [
        f"{unmatched.adept_id} has no mentor in the proposal.",
        f"  {unmatched.adept_id} (Linköping): the places went to other adepts: m-0",
    ]
    with pytest.raises(InvalidValueError, match=r"Proposal\.explain"):
        proposal.explain("d-9")
    assert proposal.render("en").splitlines()[2:] == [
        "Without a mentor:",
        "  d-1 (Linköping): the places went to other adepts: m-0",
        "Binding shortage:",
        "  2 adepts from Linköping (d-0, d-1), but only 1 free place with mentors they may "
        "have (m-0)",
    ]


def test_a_pinned_pair_says_so() -> None:
    data = program(["0580", "0580"], [("0583", 2), ("0581", 1)])
    proposal = propose(data, COHORT, MatchingOptions(pins=[("d-1", "m-0")]))
    pair = proposal.pair_of("d-1")
    assert pair is not None
    assert pair.pinned
    assert "pinned by hand" in proposal.render("en")
    assert "låst för hand" in proposal.explain("d-1")


def test_pins_and_current_pairs_count_exactly_in_the_spread() -> None:
    data = program(["0580", "0580", "0580"], [("0583", 3)])
    weights = Weights(distance=0, county_spread=0)
    proposal = propose(data, COHORT, MatchingOptions(weights=weights, pins=[("d-0", "m-0")]))
    scores = {p.adept_id: p for p in proposal.pairs}
    assert scores["d-0"].score == 0  # the first of the mentor's adepts
    # The free adepts each have the pinned one before them (1), and the first free place
    # none expected, the second one of the one other free adept: from the same municipality.
    assert sorted(p.score for p in proposal.pairs) == [-2.0, -1.0, 0.0]


def test_proposal_data_is_plain_and_masked() -> None:
    data = program(["0580", "0581"], [("0583", 1), ("0586", 1)])
    renamed = attrs.evolve(data.participants[0], id=PNR)
    data = attrs.evolve(data, participants=[renamed, *data.participants[1:]])
    proposal = propose(data, COHORT, MatchingOptions(wishes={PNR: ["m-0"]}))
    as_data = proposal.to_data()
    text = json.dumps(as_data)
    assert PNR not in text
    assert PNR not in proposal.render("en")
    assert PNR not in proposal.explain(PNR, "en")
    assert as_data["format"] == PROPOSAL_FORMAT
    assert as_data["complete"] is True
    assert as_data["pairs"][0]["adept_id"] == "19XXXXXX-XX95"
    assert as_data["pairs"][0]["parts"][0] == {
        "preference": "wish",
        "weight": 1.0,
        "value": 1.0,
        "expected": 0.0,
        "points": 1.0,
    }
    assert as_data["weights"]["distance"] == 0.5


def test_unmatched_and_shortages_as_data() -> None:
    data = program(["0580", "0580"], [("0583", 1), ("0580", 1)])
    as_data = propose(data, COHORT).to_data()
    assert as_data["complete"] is False
    assert as_data["unmatched"] == [
        {
            "adept_id": "d-1",
            "municipality": "0580",
            "removed": [{"mentor_id": "m-1", "rules": ["own-municipality"]}],
            "full": ["m-0"],
        }
    ]
    assert as_data["shortages"] == [
        {
            "adept_ids": ["d-0", "d-1"],
            "municipalities": ["0580"],
            "mentor_ids": ["m-0"],
            "places": 1,
            "ruled_out": [{"rule": "own-municipality", "mentor_ids": ["m-1"]}],
        }
    ]


def test_an_empty_proposal_says_there_is_nobody_to_pair() -> None:
    data = unpaired_example()
    proposal = propose(data, "liko-2025", MatchingOptions(adepts=[]))
    assert proposal.pairs == ()
    assert proposal.render("en").splitlines()[1] == "  No adept to pair."


def test_apply_gives_proposed_mentorships_that_validate() -> None:
    data = unpaired_example()
    proposal = propose(data, "liko-2025")
    applied = proposal.apply(data)
    assert data.mentorships == ()  # the data itself is unchanged
    assert len(applied.mentorships) == len(proposal.pairs)
    for pair in proposal.pairs:
        mentor = applied.mentor_of(pair.adept_id)
        assert mentor is not None
        assert mentor.id == pair.mentor_id
    assert validate(applied).ok
    assert {m.status for m in applied.mentorships} == {MentorshipStatus.PROPOSED}
    assert {m.start for m in applied.mentorships} == {data.cohort("liko-2025").start}


def test_apply_replaces_a_proposal_and_keeps_history() -> None:
    data = unpaired_example()
    applied = propose(data, "liko-2025").apply(data, start=dt.date(2025, 10, 1))
    assert {m.start for m in applied.mentorships} == {dt.date(2025, 10, 1)}
    repair = MatchingOptions(adepts=["d-001"], bans=[("d-001", applied.mentor_of("d-001").id)])  # type: ignore[union-attr]
    # A proposed mentorship was never more than a proposal: a new one replaces it.
    again = propose(applied, "liko-2025", repair).apply(applied)
    assert len(again.mentorships) == len(applied.mentorships)
    assert [m.id for m in again.mentorships_of("d-001")] == ["ms-d-001"]
    # An active one is history: it stays, beside the new proposal.
    active = [
        attrs.evolve(m, status=MentorshipStatus.ACTIVE) if m.participant_id == "d-001" else m
        for m in applied.mentorships
    ]
    applied = attrs.evolve(applied, mentorships=active)
    again = propose(applied, "liko-2025", repair).apply(applied)
    assert len(again.mentorships) == len(applied.mentorships) + 1
    assert sorted(m.status.value for m in again.mentorships_of("d-001")) == ["active", "proposed"]
    assert "ms-d-001-2" in {m.id for m in again.mentorships}


def test_apply_checks_the_data_is_the_proposals() -> None:
    proposal = propose(unpaired_example(), "liko-2025")
    other = program(["0580"], [("0581", 1)])
    with pytest.raises(UnknownReferenceError, match="liko-2025"):
        proposal.apply(other)


def test_apply_takes_program_data() -> None:
    proposal = propose(unpaired_example(), "liko-2025")
    with pytest.raises(
        UsageError, match=r"Proposal\.apply: expected a ProgramData, found NoneType"
    ):
        proposal.apply(None)  # type: ignore[arg-type]


def test_apply_gives_an_adept_with_the_longest_id_a_mentorship_id() -> None:
    """An id has at most 64 characters: ``ms-`` and a long adept id would not fit."""
    data = program(["0580"], [("0581", 1)])
    long_id = "d-" + "x" * 62
    renamed = attrs.evolve(data.participants[0], id=long_id)
    data = attrs.evolve(data, participants=(renamed,))
    applied = propose(data, COHORT).apply(data)
    (mentorship,) = applied.mentorships
    assert mentorship.participant_id == long_id
    assert mentorship.id.startswith("ms-")
    assert len(mentorship.id) <= 64
    assert validate(applied).ok
    again = attrs.evolve(
        applied, mentorships=(attrs.evolve(mentorship, status=MentorshipStatus.ACTIVE),)
    )
    repaired = propose(again, COHORT, MatchingOptions(adepts=[long_id])).apply(again)
    assert sorted(m.id for m in repaired.mentorships) == [mentorship.id, mentorship.id + "-2"]


# Proposal data read back ------------------------------------------------------------------


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf, 10**400, 1e16])
def test_a_number_no_proposal_holds_is_named_at_its_path(number: float) -> None:
    data = propose(unpaired_example(), "liko-2025").to_data()
    data["pairs"][0]["parts"][1]["value"] = number
    data["pairs"][0]["score"] = number
    with pytest.raises(ProblemsError) as caught:
        Proposal.from_data(data)
    assert [p.path for p in caught.value.problems] == [
        "$.pairs[0].parts[1].value",
        "$.pairs[0].score",
    ]


@settings(max_examples=25)
@given(instances())
def test_proposal_data_reads_back_as_the_proposal(
    instance: tuple[list[str], list[tuple[str, int]], MatchingOptions],
) -> None:
    """Proposal.from_data(p.to_data()) == p, through JSON, for every proposal whose ids hold
    no personal data: pairs, unmatched adepts and shortages alike."""
    adepts, mentors, options = instance
    proposal = propose(program(adepts, mentors), COHORT, options)
    assert Proposal.from_data(json.loads(json.dumps(proposal.to_data()))) == proposal


def test_the_example_proposal_reads_back() -> None:
    options = MatchingOptions(pins=[("d-025", "mentor-0883")], wishes={"d-001": ["mentor-0581"]})
    proposal = propose(unpaired_example(), "liko-2025", options)
    assert Proposal.from_data(proposal.to_data()) == proposal


def test_data_of_another_format_is_refused_by_its_tag() -> None:
    for data in ({"format": "ledarskap.decision/1"}, [1, 2], None):
        with pytest.raises(ProblemsError, match=r"\$\.format: expected 'ledarskap\.proposal/1'"):
            Proposal.from_data(data)


def test_every_problem_of_proposal_data_is_named_with_its_path() -> None:
    data = _small().to_data()
    data["weights"]["wish"] = -1
    data["cohort_name"] = 7
    data["pairs"][0]["place"] = "1"
    data["pairs"][0]["adept_municipality"] = "0000"
    data["pairs"][0]["parts"][0]["preference"] = "wishes"
    data["pairs"][1]["alternative"] = {"mentor_id": "m-1"}
    data["pairs"][2] = "d-2"
    data["repaired"] = ["d-1", 2]
    with pytest.raises(ProblemsError) as caught:
        Proposal.from_data(data)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.weights", "value"),
        ("$.cohort_name", "type"),
        ("$.pairs[0].parts[0].preference", "value"),
        ("$.pairs[0].adept_municipality", "municipality"),
        ("$.pairs[0].place", "type"),
        ("$.pairs[1].alternative.mentor_municipality", "type"),
        ("$.pairs[1].alternative.score", "type"),
        ("$.pairs[1].alternative.full", "type"),
        ("$.pairs[2]", "type"),
        ("$.repaired[1]", "type"),
    ]
    assert str(caught.value.problems[4]) == (
        "$.pairs[0].place: expected a whole number of at most 10^15 in size, found text '1'"
    )


def test_unmatched_and_shortage_data_problems_are_named() -> None:
    data = propose(program(["0580", "0580"], [("0583", 1), ("0580", 1)]), COHORT).to_data()
    data["unmatched"][0]["removed"][0]["rules"] = ["own"]
    data["unmatched"][0]["full"] = "m-0"
    data["shortages"][0]["municipalities"] = ["0580", 580]
    data["shortages"][0]["ruled_out"][0]["rule"] = None
    data["shortages"][0]["places"] = 1.5
    with pytest.raises(ProblemsError) as caught:
        Proposal.from_data(data)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.unmatched[0].removed[0].rules[0]", "value"),
        ("$.unmatched[0].full", "type"),
        ("$.shortages[0].municipalities[1]", "type"),
        ("$.shortages[0].ruled_out[0].rule", "value"),
        ("$.shortages[0].places", "type"),
    ]


def test_pieces_of_the_wrong_type_are_named() -> None:
    data = propose(program(["0580", "0580"], [("0583", 1)]), COHORT).to_data()
    data["weights"] = [1, 2]
    data["pairs"][0]["alternative"] = "m-1"
    data["unmatched"][0] = None
    data["shortages"][0] = "short"
    with pytest.raises(ProblemsError) as caught:
        Proposal.from_data(data)
    assert [p.path for p in caught.value.problems] == [
        "$.weights",
        "$.pairs[0].alternative",
        "$.unmatched[0]",
        "$.shortages[0]",
    ]
    del data["weights"]
    data["weights"] = {"wish": 1.0}
    with pytest.raises(
        ProblemsError,
        match=r"\$\.weights\.distance: expected a number of at most 10\^15 in size, found null",
    ):
        Proposal.from_data(data)


def test_an_adept_with_no_mentor_in_the_cohort_says_so() -> None:
    proposal = propose(program(["0580"], []), COHORT)
    assert proposal.render("en").splitlines()[1:3] == [
        "Without a mentor:",
        "  d-0 (Linköping): the cohort has no mentors",
    ]
