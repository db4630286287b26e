"""The program (utbildning): organiser, purposes and themes."""

from __future__ import annotations

import enum
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap import (
    Aim,
    Discipline,
    Grounding,
    InvalidValueError,
    Level,
    Organiser,
    Perspective,
    Program,
    Purpose,
    PurposeKind,
    Stakeholder,
    Theme,
    UnknownReferenceError,
    county,
)
from ledarskap import testing as lt

LAWS = settings(max_examples=40, deadline=None)

CKS = Organiser(
    name="CKS",
    full_name="Centrum för kommunstrategiska studier",
    university="Linköpings universitet",
    site="Campus Norrköping",
    partner_municipalities=[m.code for m in county("05").municipalities],
    partner_regions=["Region Östergötland"],
)
PERSONAL = Theme(
    id="personligt-ledarskap",
    sv="Personligt ledarskap i kommunal kontext",
    en="Personal leadership in a municipal context",
    grounding=frozenset({Grounding.SCIENCE, Grounding.PROVEN_EXPERIENCE}),
    disciplines=frozenset({Discipline.BEHAVIOURAL_SCIENCE}),
    perspectives=frozenset({Perspective.FEELING}),
    levels=frozenset({Level.INDIVIDUAL, Level.GROUP}),
    topics=["feedback", "konflikter", "grupprocesser"],
)


def test_the_organiser_is_cks_with_13_partner_municipalities() -> None:
    assert len(CKS.partner_municipalities) == 13
    assert CKS.partner_regions == ("Region Östergötland",)
    assert str(CKS) == "CKS (Centrum för kommunstrategiska studier, Linköpings universitet)"


def test_an_organiser_refuses_a_partner_twice() -> None:
    with pytest.raises(
        InvalidValueError, match=r"Organiser\.partner_municipalities: expected no item twice"
    ):
        attrs.evolve(CKS, partner_municipalities=["0580", "Linköping"])


def test_a_program_with_themes_and_purposes() -> None:
    specific = Purpose(
        kind=PurposeKind.SPECIFIC,
        sv="Att utveckla det personliga ledarskapet",
        en="To develop personal leadership",
        aims=frozenset({Aim.PERSONAL_LEADERSHIP, Aim.SELF_KNOWLEDGE}),
        stakeholders=frozenset(Stakeholder),
    )
    program = Program(
        id="liko",
        name="Ledarskap i kommuner",
        short_name="LiKO",
        organiser=CKS,
        purposes=[specific],
        themes=[PERSONAL],
    )
    assert program.theme("personligt-ledarskap") is PERSONAL
    assert PERSONAL.label() == "Personligt ledarskap i kommunal kontext"
    assert PERSONAL.label("en") == "Personal leadership in a municipal context"
    assert program.purposes[0].aims == {Aim.PERSONAL_LEADERSHIP, Aim.SELF_KNOWLEDGE}
    with pytest.raises(UnknownReferenceError, match="one of the theme ids"):
        program.theme("tema-3")


def test_sets_are_accepted_from_any_iterable() -> None:
    theme = attrs.evolve(PERSONAL, levels=[Level.SOCIETY, Level.SOCIETY])
    assert theme.levels == frozenset({Level.SOCIETY})


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("levels", "individ", "a frozenset of Level"),
        ("levels", [Perspective.FEELING], "a frozenset of Level"),
        ("grounding", 3, "a frozenset of Grounding"),
        ("topics", ["feedback", ""], "a non-empty text"),
        ("id", "tema 1", "an id of letters"),
    ],
)
def test_bad_theme_fields_are_named(field: str, value: object, expected: str) -> None:
    with pytest.raises(InvalidValueError, match=rf"Theme\.{field}(\[1\])?: expected {expected}"):
        attrs.evolve(PERSONAL, **dict[str, Any]({field: value}))


@pytest.mark.parametrize(
    ("kind", "sv", "en"),
    [
        (Grounding.PROVEN_EXPERIENCE, "beprövad erfarenhet", "proven experience"),
        (Discipline.SOCIAL_SCIENCE, "samhällsvetenskap", "social science"),
        (Perspective.SURROUNDING_WORLD, "omvärld", "surrounding world"),
        (Level.SOCIETY, "samhälle", "society"),
        (PurposeKind.OVERALL, "övergripande syfte", "overall purpose"),
        (Aim.SOCIETY_SCOUT, "samhällsspanare", "society scout"),
        (Stakeholder.CITIZENS, "medborgare", "citizens"),
    ],
)
def test_labels_in_swedish_and_english(kind: enum.Enum, sv: str, en: str) -> None:
    assert kind.label() == sv  # type: ignore[attr-defined]
    assert kind.label("en") == en  # type: ignore[attr-defined]


def test_every_member_has_both_labels() -> None:
    for kinds in (Grounding, Discipline, Perspective, Level, PurposeKind, Aim, Stakeholder):
        for member in kinds:
            assert member.label("sv")
            assert member.label("en")


@LAWS
@given(lt.programs(min_themes=2, max_themes=4))
def test_every_generated_program_satisfies_its_invariants(program: Program) -> None:
    """A program's theme ids are unique and each is found by Program.theme."""
    ids = [theme.id for theme in program.themes]
    assert 2 <= len(ids) <= 4
    assert len(set(ids)) == len(ids)
    for theme in program.themes:
        assert program.theme(theme.id) is theme


@LAWS
@given(lt.themes(), st.sampled_from(["id", "sv", "en", "grounding", "levels", "topics"]))
def test_evolving_a_theme_with_a_bad_value_names_the_field(theme: Theme, field: str) -> None:
    """Changing a field of a valid theme to an invalid value raises an error naming it."""
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(theme, **dict[str, Any]({field: 7}))
    assert caught.value.location == f"Theme.{field}"


@LAWS
@given(lt.purposes(kinds=[PurposeKind.OVERALL]))
def test_purposes_keep_the_kinds_option(purpose: Purpose) -> None:
    """purposes(kinds=…) only gives purposes of those kinds, and they hash like their copies."""
    assert purpose.kind is PurposeKind.OVERALL
    assert hash(attrs.evolve(purpose)) == hash(purpose)


@LAWS
@given(lt.organisers(municipalities=["0580", "0581"]), st.sampled_from(["name", "full_name"]))
def test_evolving_an_organiser_with_a_bad_value_names_the_field(
    organiser: Organiser, field: str
) -> None:
    """An organiser's partners come from the given municipalities; bad names are refused."""
    assert {m.code for m in organiser.partner_municipalities} <= {"0580", "0581"}
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(organiser, **dict[str, Any]({field: ""}))
    assert caught.value.location == f"Organiser.{field}"


@LAWS
@given(
    st.one_of(
        st.tuples(lt.purposes(), st.sampled_from(["kind", "sv", "en", "aims", "stakeholders"])),
        st.tuples(
            lt.programs(), st.sampled_from(["id", "name", "organiser", "purposes", "themes"])
        ),
    )
)
def test_evolving_a_purpose_or_program_with_a_bad_value_names_the_field(
    record_and_field: tuple[Any, str],
) -> None:
    """Changing a field of a purpose or program to an invalid value raises the library's
    error, naming ``Class.field``."""
    record, field = record_and_field
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(record, **dict[str, Any]({field: 1.5}))
    assert caught.value.location == f"{type(record).__name__}.{field}"


def test_a_program_that_breaks_its_invariants_is_said_in_swedish() -> None:
    with pytest.raises(InvalidValueError) as twice:
        attrs.evolve(CKS, partner_municipalities=["0580", "Linköping"])
    assert twice.value.render("sv").startswith(
        "Organiser.partner_municipalities: förväntade inget element två gånger, fick "
    )
    program = Program(id="liko", name="Ledarskap i kommuner", organiser=CKS, themes=[PERSONAL])
    with pytest.raises(UnknownReferenceError) as unknown:
        program.theme("tema-3")
    assert unknown.value.render("sv") == (
        "Program.themes: förväntade ett av temanas id ['personligt-ledarskap'], fick 'tema-3'"
    )
    with pytest.raises(InvalidValueError) as kind:
        Purpose(kind="specific", sv="Att", en="To")  # type: ignore[arg-type]
    assert kind.value.render("sv") == "Purpose.kind: förväntade en PurposeKind, fick 'specific'"
