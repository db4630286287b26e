"""The position catalog (befattningar) and free-text title matching."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from ledarskap import (
    InvalidValueError,
    Position,
    PositionKind,
    all_positions,
    match_title,
    position,
)
from ledarskap import testing as lt
from ledarskap.model.positions import as_position

LAWS = settings(max_examples=40, deadline=None)

SEED_POSITIONS = {
    "forvaltningschef",
    "kontorschef",
    "avdelningschef",
    "omradeschef",
    "ekonomidirektor",
    "personaldirektor",
    "strateg",
}


def test_the_catalog_holds_the_program_texts_positions() -> None:
    named = {p.slug for p in all_positions() if p.named_in_program_text}
    assert named == SEED_POSITIONS


def test_the_catalog_holds_kommunchef_and_other_common_titles() -> None:
    slugs = {p.slug for p in all_positions()}
    assert {
        "kommunchef",
        "enhetschef",
        "sektorchef",
        "bolags-vd",
        "kommunikationsdirektor",
    } <= slugs
    assert position("kommunchef").kind is PositionKind.CHIEF_EXECUTIVE
    assert position("enhetschef").kind is PositionKind.FIRST_LINE
    assert position("bolags-vd").kind is PositionKind.COMPANY_CEO
    assert position("förvaltningschef").kind is PositionKind.POLITICAL_LINE
    assert position("områdeschef").kind is PositionKind.LINE
    assert all_positions()[0].slug == "kommunchef"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Förvaltningschef, socialförvaltningen", "forvaltningschef"),
        ("Socialchef", "forvaltningschef"),
        ("Utbildningsdirektör", "forvaltningschef"),
        ("HR-direktör", "personaldirektor"),
        ("HR–direktör", "personaldirektor"),
        ("Ekonomichef", "ekonomidirektor"),
        ("IT-chef på kommunledningskontoret", "it-chef"),
        ("Strateg i kommunledningen", "strateg"),
        ("Utvecklingsstrateg i kommunledningen", "strateg"),
        ("Strategisk samordnare", "strateg"),
        ("Kommundirektör", "kommunchef"),
        ("Stadsdirektör", "kommunchef"),
        ("Vd, bostadsbolaget", "bolags-vd"),
        ("Avdelningschef (vård och omsorg)", "avdelningschef"),
        ("Områdeschef - äldreomsorgen", "omradeschef"),
        ("Kontorschef för miljökontoret", "kontorschef"),
        ("Enhetschef vid hemtjänsten", "enhetschef"),
        ("Sektorchef inom sektor utbildning", "sektorchef"),
    ],
)
def test_free_text_titles_map_to_the_catalog(title: str, slug: str) -> None:
    found = match_title(title)
    assert found is not None
    assert found.slug == slug


@pytest.mark.parametrize(
    "title", ["Kulturstrateg i kommunledningen", "biträdande rektor", "Chef", ""]
)
def test_titles_outside_the_catalog_stay_free_text(title: str) -> None:
    assert match_title(title) is None


def test_match_title_of_a_non_text_is_none() -> None:
    assert match_title(None) is None
    assert match_title(42) is None


def test_labels_in_swedish_and_english() -> None:
    chief = position("kommunchef")
    assert chief.label() == "kommunchef"
    assert chief.label("en") == "Municipal chief executive"
    assert str(chief) == "kommunchef"
    assert PositionKind.STAFF.label() == "ledare i stabsfunktion"
    assert PositionKind.STAFF.label("en") == "leader in a staff function"
    assert len({kind.label("sv") for kind in PositionKind}) == len(PositionKind)
    assert len({kind.label("en") for kind in PositionKind}) == len(PositionKind)


@pytest.mark.parametrize("name", ["ekonomidirektor", "ekonomidirektör", "Finance director", "CFO"])
def test_position_by_slug_title_or_alias(name: str) -> None:
    assert position(name).slug == "ekonomidirektor"


def test_an_unknown_position_names_a_close_slug() -> None:
    with pytest.raises(InvalidValueError, match="did you mean 'kontorschef'") as caught:
        position("kontorchef")
    assert caught.value.location == "position"
    with pytest.raises(InvalidValueError, match="a position of the catalog, found 7"):
        position(7)


def test_as_position_keeps_none_and_positions() -> None:
    chief = position("kommunchef")
    assert as_position(None) is None
    assert as_position(chief) is chief
    assert as_position("kommunchef") is chief


def test_a_position_with_an_empty_title_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Position\.sv: expected a non-empty text"):
        Position(slug="x", sv=" ", en="X", kind=PositionKind.STAFF)


@LAWS
@given(lt.positions())
def test_every_catalog_title_and_alias_matches_its_position(found: Position) -> None:
    """A catalog position's slug, titles and aliases all match back to that position."""
    assert position(found.slug) is found
    for name in (found.sv, found.en, *found.aliases):
        assert match_title(name) is found, name
    assert match_title(f"{found.sv.capitalize()}, kommunledningskontoret") is found


@LAWS
@given(lt.positions(kinds=[PositionKind.STAFF, PositionKind.LINE]))
def test_the_kinds_option_narrows_the_strategy(found: Position) -> None:
    """positions(kinds=…) only gives positions of those kinds."""
    assert found.kind in {PositionKind.STAFF, PositionKind.LINE}


@LAWS
@given(lt.positions(), lt.positions())
def test_equal_positions_hash_equal(first: Position, second: Position) -> None:
    """Catalog positions are equal exactly when their slugs are, and then hash equal."""
    assert (first == second) == (first.slug == second.slug)
    if first == second:
        assert hash(first) == hash(second)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("VD Linköpings stadshus AB", "bolags-vd"),
        ("Vd, energibolaget", "bolags-vd"),
        ("Enhetschef äldreomsorg", "enhetschef"),
        ("Förvaltningschef socialförvaltningen", "forvaltningschef"),
        ("Skolchef, barn- och utbildningsförvaltningen", "forvaltningschef"),
        ("Samhällsbyggnadschef", "forvaltningschef"),
        ("Kultur- och fritidschef", "forvaltningschef"),
        ("Socialchef (tf)", "forvaltningschef"),
        ("Avdelningschef IFO", "avdelningschef"),
        ("Avdelningschef – vård och omsorg", "avdelningschef"),
        ("Rektor Ekängsskolan", "rektor"),
        ("HR-chef/personalchef", "personaldirektor"),
        ("Kanslichef/kommunsekreterare", "kanslichef"),
        ("Ekonomichef i Motala kommun", "ekonomidirektor"),
        ("IT-chef på kommunledningskontoret", "it-chef"),
        ("Kommundirektör", "kommunchef"),
        ("Stadsdirektör", "kommunchef"),
        ("Utvecklingsstrateg i kommunledningen", "strateg"),
        ("Biträdande förvaltningschef", None),
        ("Tf förvaltningschef", None),
        ("Chef för ekonomiavdelningen", None),
        ("Controller", None),
    ],
)
def test_real_looking_titles(title: str, slug: str | None) -> None:
    """Titles as people write them map to the catalog; a deputy or an unknown title stays free text."""
    found = match_title(title)
    assert (found.slug if found else None) == slug


def test_a_position_not_in_the_catalog_is_said_in_swedish_with_a_hint() -> None:
    with pytest.raises(InvalidValueError) as caught:
        position("avdelningschefen")
    assert caught.value.render("sv") == (
        "position: förväntade en befattning ur katalogen, fick 'avdelningschefen' "
        "(menade du 'avdelningschef'?)"
    )
    assert str(caught.value) == (
        "position: expected a position of the catalog, found 'avdelningschefen' "
        "(did you mean 'avdelningschef'?)"
    )
