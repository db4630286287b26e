"""The program (utbildning), its organiser, purposes and themes.

*Ledarskap i kommuner* is built on science and proven experience (vetenskap och beprövad
erfarenhet); its themes start mainly from social- and behavioural-science research, work
from perspectives that connect feeling, intellect and the surrounding world (känsla,
intellekt och omvärld), and raise awareness of the interplay between individual, group,
organisation and society (individ, grupp, organisation och samhälle). Each of those words
is a value here, so themes and purposes can be described, filtered and reported on.

>>> from ledarskap import Theme, Grounding, Perspective, Level
>>> theme = Theme(id="t-personal", sv="Personligt ledarskap i kommunal kontext",
...               en="Personal leadership in a municipal context",
...               grounding={Grounding.SCIENCE, Grounding.PROVEN_EXPERIENCE},
...               perspectives={Perspective.FEELING}, levels={Level.INDIVIDUAL, Level.GROUP})
>>> sorted(level.label("sv") for level in theme.levels)
['grupp', 'individ']

.. versionadded:: 0.1
"""

from __future__ import annotations

import attrs

from ledarskap.errors import UnknownReferenceError, mask_personal_data, masked_repr
from ledarskap.text import LabelledEnum, Text

from . import _checks
from ._methods import lazy_methods
from .municipalities import Municipality, as_municipalities
from .positions import Language

__all__ = [
    "Aim",
    "Discipline",
    "Grounding",
    "Level",
    "Organiser",
    "Perspective",
    "Program",
    "Purpose",
    "PurposeKind",
    "Stakeholder",
    "Theme",
]


class Grounding(LabelledEnum):
    """What the program's content rests on (grund)."""

    SCIENCE = "science", "vetenskap", "science"
    PROVEN_EXPERIENCE = "proven-experience", "beprövad erfarenhet", "proven experience"


class Discipline(LabelledEnum):
    """The research a theme mainly starts from."""

    SOCIAL_SCIENCE = "social-science", "samhällsvetenskap", "social science"
    BEHAVIOURAL_SCIENCE = "behavioural-science", "beteendevetenskap", "behavioural science"


class Perspective(LabelledEnum):
    """The perspectives the program's work connects: känsla, intellekt och omvärld."""

    FEELING = "feeling", "känsla", "feeling"
    INTELLECT = "intellect", "intellekt", "intellect"
    SURROUNDING_WORLD = "surrounding-world", "omvärld", "surrounding world"


class Level(LabelledEnum):
    """The levels whose interplay the program makes participants aware of."""

    INDIVIDUAL = "individual", "individ", "individual"
    GROUP = "group", "grupp", "group"
    ORGANISATION = "organisation", "organisation", "organisation"
    SOCIETY = "society", "samhälle", "society"


class PurposeKind(LabelledEnum):
    """Övergripande (overall) or specifikt (specific) syfte."""

    OVERALL = "overall", "övergripande syfte", "overall purpose"
    SPECIFIC = "specific", "specifikt syfte", "specific purpose"


class Aim(LabelledEnum):
    """What participants develop, by the program's specific purpose."""

    PERSONAL_LEADERSHIP = "personal-leadership", "personligt ledarskap", "personal leadership"
    ENVIRONMENTAL_SCANNING = "environmental-scanning", "omvärldsanalys", "environmental scanning"
    SOCIETY_SCOUT = "society-scout", "samhällsspanare", "society scout"
    COMMUNITY_DEVELOPER = "community-developer", "samhällsutvecklare", "community developer"
    SELF_KNOWLEDGE = "self-knowledge", "självkännedom", "self-knowledge"
    SUSTAINABLE_DEVELOPMENT = (
        "sustainable-development",
        "långsiktigt hållbar utveckling",
        "long-term sustainable development",
    )


class Stakeholder(LabelledEnum):
    """Those a leader interacts with: the municipality's surrounding world."""

    CITIZENS = "citizens", "medborgare", "citizens"
    OFFICIALS = "officials", "tjänstemän", "officials"
    POLITICIANS = "politicians", "politiker", "politicians"
    SOCIETY = "society", "det omgivande samhället", "the surrounding society"


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Purpose:
    """A purpose (syfte) of the program, in Swedish and English, with what it aims at."""

    kind: PurposeKind = attrs.field(validator=_checks.instance_of(PurposeKind))
    sv: str = attrs.field(validator=_checks.text)
    en: str = attrs.field(validator=_checks.text)
    aims: frozenset[Aim] = attrs.field(
        factory=frozenset,
        converter=_checks.to_frozenset,
        validator=_checks.set_of(Aim, "Aim"),
    )
    levels: frozenset[Level] = attrs.field(
        factory=frozenset,
        converter=_checks.to_frozenset,
        validator=_checks.set_of(Level, "Level"),
    )
    stakeholders: frozenset[Stakeholder] = attrs.field(
        factory=frozenset,
        converter=_checks.to_frozenset,
        validator=_checks.set_of(Stakeholder, "Stakeholder"),
    )


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Theme:
    """A theme (tema) of the program, with its grounding, perspectives and levels.

    ``topics`` are the subjects the theme takes up (feedback, conflicts, group processes …).
    The number of themes is data of the program, never fixed in code.
    """

    id: str = attrs.field(validator=_checks.identifier)
    sv: str = attrs.field(validator=_checks.text)
    en: str = attrs.field(validator=_checks.text)
    grounding: frozenset[Grounding] = attrs.field(
        factory=frozenset,
        converter=_checks.to_frozenset,
        validator=_checks.set_of(Grounding, "Grounding"),
    )
    disciplines: frozenset[Discipline] = attrs.field(
        factory=frozenset,
        converter=_checks.to_frozenset,
        validator=_checks.set_of(Discipline, "Discipline"),
    )
    perspectives: frozenset[Perspective] = attrs.field(
        factory=frozenset,
        converter=_checks.to_frozenset,
        validator=_checks.set_of(Perspective, "Perspective"),
    )
    levels: frozenset[Level] = attrs.field(
        factory=frozenset,
        converter=_checks.to_frozenset,
        validator=_checks.set_of(Level, "Level"),
    )
    topics: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.items(_checks.text), repr=False
    )

    def label(self, language: Language = "sv") -> str:
        """The theme's name in Swedish or English."""
        return self.text.render(language)

    @property
    def text(self) -> Text:
        """The Swedish and English texts together."""
        return Text(self.sv, self.en)


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Organiser:
    """The organiser (anordnare) of the program: CKS at Linköping University.

    ``partner_municipalities`` are CKS's member municipalities; ``partner_regions`` names
    regions that are partners too (Region Östergötland since 2017).
    """

    name: str = attrs.field(validator=_checks.text)
    full_name: str = attrs.field(validator=_checks.text)
    university: str = attrs.field(validator=_checks.text)
    site: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))
    partner_municipalities: tuple[Municipality, ...] = attrs.field(
        default=(),
        converter=as_municipalities,
        validator=_checks.items(_checks.instance_of(Municipality), unique=True),
        repr=False,
    )
    partner_regions: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.items(_checks.text), repr=False
    )

    def __str__(self) -> str:
        return mask_personal_data(f"{self.name} ({self.full_name}, {self.university})")


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Program:
    """The program (utbildning): *Ledarskap i kommuner* (LiKO), with purposes and themes.

    Cohorts (omgångar) are kept apart, in :class:`~ledarskap.model.programdata.ProgramData`,
    and refer to the program by ``id``.
    """

    id: str = attrs.field(validator=_checks.identifier)
    name: str = attrs.field(validator=_checks.text)
    short_name: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))
    organiser: Organiser = attrs.field(validator=_checks.instance_of(Organiser))
    description_sv: str = attrs.field(default="", validator=_checks.any_text, repr=False)
    description_en: str = attrs.field(default="", validator=_checks.any_text, repr=False)
    grounding: frozenset[Grounding] = attrs.field(
        factory=frozenset,
        converter=_checks.to_frozenset,
        validator=_checks.set_of(Grounding, "Grounding"),
    )
    perspectives: frozenset[Perspective] = attrs.field(
        factory=frozenset,
        converter=_checks.to_frozenset,
        validator=_checks.set_of(Perspective, "Perspective"),
    )
    purposes: tuple[Purpose, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Purpose)),
        repr=False,
    )
    themes: tuple[Theme, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Theme)),
        repr=False,
    )

    def theme(self, theme_id: str) -> Theme:
        """The theme with this id."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        ids = [t.id for t in self.themes]
        raise UnknownReferenceError(
            location="Program.themes",
            expected=Text(f"ett av temanas id {ids}", f"one of the theme ids {ids}"),
            found=theme_id,
        )
