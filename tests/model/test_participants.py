"""Participants (deltagare) of a cohort."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap import InvalidValueError, Participant, ParticipantStatus
from ledarskap import testing as lt

LAWS = settings(max_examples=40, deadline=None)


def test_a_participant_is_admitted_until_told_otherwise() -> None:
    adept = Participant(
        id="d-001", person_id="p-001", cohort_id="liko-2025", appointment_id="a-001"
    )
    assert adept.status is ParticipantStatus.ADMITTED
    assert adept.application_id is None
    assert "application_id" not in repr(adept)


def test_status_labels() -> None:
    assert ParticipantStatus.COMPLETED.label() == "fullföljd"
    assert ParticipantStatus.WITHDRAWN.label("en") == "withdrawn"
    assert [s.label() for s in ParticipantStatus] == [
        "antagen",
        "pågående",
        "fullföljd",
        "avbruten",
    ]


@pytest.mark.parametrize(
    "field", ["id", "person_id", "cohort_id", "appointment_id", "application_id"]
)
def test_bad_ids_are_named(field: str) -> None:
    fields: dict[str, object] = {
        "id": "d-1",
        "person_id": "p-1",
        "cohort_id": "c-1",
        "appointment_id": "a-1",
    }
    fields[field] = "d 1"
    with pytest.raises(InvalidValueError, match=rf"Participant\.{field}: expected an id"):
        Participant(**fields)  # type: ignore[arg-type]


@LAWS
@given(lt.participants(cohort="liko-2025", person_id="p-1", appointment_id="a-1"))
def test_the_strategy_options_are_kept(adept: Participant) -> None:
    """participants(cohort=…, person_id=…, appointment_id=…) fixes those ids."""
    assert (adept.cohort_id, adept.person_id, adept.appointment_id) == ("liko-2025", "p-1", "a-1")


@LAWS
@given(lt.participants(), st.sampled_from(["id", "person_id", "cohort_id", "status"]))
def test_evolving_with_a_bad_value_names_the_field(adept: Participant, field: str) -> None:
    """Changing a field of a valid participant to an invalid value raises an error naming it."""
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(adept, **dict[str, Any]({field: ""}))
    assert caught.value.location == f"Participant.{field}"
