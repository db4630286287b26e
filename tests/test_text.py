"""Bilingual texts: :class:`~ledarskap.text.Text`, :class:`~ledarskap.text.LabelledEnum`, the languages."""

from __future__ import annotations

import importlib
import pkgutil

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ledarskap
from ledarskap.errors import InvalidValueError
from ledarskap.text import LANGUAGES, LabelledEnum, Text, checked_language


def _labelled_enums() -> list[type[LabelledEnum]]:
    """Every LabelledEnum of the library, after importing every module but ``__main__``."""
    for module in pkgutil.walk_packages(ledarskap.__path__, "ledarskap."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: list[type[LabelledEnum]] = []
    todo = list(LabelledEnum.__subclasses__())
    while todo:
        kind = todo.pop()
        found.append(kind)
        todo += kind.__subclasses__()
    return sorted(
        (k for k in found if k.__module__.startswith("ledarskap.")),
        key=lambda k: (k.__module__, k.__qualname__),
    )


ENUMS = _labelled_enums()
MEMBERS = [member for kind in ENUMS for member in kind]
NOT_A_LANGUAGE = st.one_of(
    st.text(max_size=4).filter(lambda t: t not in LANGUAGES), st.none(), st.integers()
)


def test_the_library_has_labelled_enums_in_every_layer() -> None:
    """The sweep below sees the enums of the model, eligibility, validation and io."""
    modules = {kind.__module__.split(".")[1] for kind in ENUMS}
    assert {"model", "eligibility", "validation", "io"} <= modules


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_label_is_there_in_both_languages_and_the_value_finds_the_member(
    member: LabelledEnum,
) -> None:
    """Law: every member's label is non-empty in Swedish and English; its value looks it up."""
    for language in LANGUAGES:
        assert member.label(language).strip()
        assert member.label(language) == member.text.render(language)
    assert type(member)(member.value) is member
    assert isinstance(member.value, str)


@pytest.mark.parametrize("kind", ENUMS, ids=lambda k: k.__name__)
@given(language=NOT_A_LANGUAGE)
def test_every_label_refuses_an_unknown_language(
    kind: type[LabelledEnum], language: object
) -> None:
    """Law: ``label()`` of any member refuses anything but "sv" and "en", never falls back to English."""
    member = next(iter(kind))
    with pytest.raises(InvalidValueError, match="language: expected 'sv' or 'en'"):
        member.label(language)  # type: ignore[arg-type]


@given(language=NOT_A_LANGUAGE)
def test_checked_language_takes_only_the_two_languages(language: object) -> None:
    """Law: ``checked_language`` returns "sv" and "en" as they are and refuses anything else."""
    assert [checked_language(name) for name in LANGUAGES] == list(LANGUAGES)
    with pytest.raises(InvalidValueError):
        checked_language(language)


@given(sv=st.text(), en=st.text())
def test_a_text_renders_the_language_asked_for(sv: str, en: str) -> None:
    """Law: ``Text(sv, en).render(l)`` is the text in *l*; ``str()`` is the Swedish one."""
    text = Text(sv, en)
    assert (text.render("sv"), text.render("en"), str(text)) == (sv, en, sv)
    assert text.render() == sv


def test_a_text_is_formatted_in_both_languages() -> None:
    """``format`` fills the same fields in both texts, and a text is a frozen value."""
    text = Text("{n} deltagare", "{n} participants").format(n=3)
    assert text == Text("3 deltagare", "3 participants")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        text.sv = "x"  # type: ignore[misc]


def test_a_labelled_enum_is_written_value_then_labels() -> None:
    """A member written ``NAME = value, sv, en`` has the value alone and both labels."""

    class Colour(LabelledEnum):
        RED = "red", "röd", "red"

    assert Colour("red") is Colour.RED
    assert (Colour.RED.value, Colour.RED.label("sv"), Colour.RED.label("en")) == (
        "red",
        "röd",
        "red",
    )
    assert Colour.RED.label() == "röd"
