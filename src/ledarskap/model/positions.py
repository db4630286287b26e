"""Positions (befattningar): a catalog of municipal managerial titles and what kind of role each is.

The catalog holds the positions the program text names as suitable (förvaltningschef,
kontorschef, avdelningschef, områdeschef, ekonomidirektör, personaldirektör, strateg i
kommunledningen), the kommunchef, and other common municipal titles. Each has Swedish and
English labels and a :class:`PositionKind`, which the eligibility rules reason about.

Free-text titles, as people write them in applications, map to the catalog where they can:

>>> from ledarskap import match_title, position
>>> match_title("Förvaltningschef, socialförvaltningen").slug
'forvaltningschef'
>>> match_title("HR-direktör").slug
'personaldirektor'
>>> match_title("Kulturstrateg i kommunledningen") is None
True
>>> position("ekonomidirektor").kind
<PositionKind.STAFF: 'staff'>
>>> position("kommunchef").label("en")
'Municipal chief executive'

.. versionadded:: 0.1
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

from ledarskap._found import did_you_mean
from ledarskap.errors import InvalidValueError, masked_repr
from ledarskap.text import LANGUAGES, LabelledEnum, Language, Text, checked_language

from . import _checks
from ._methods import lazy_methods

__all__ = [
    "LANGUAGES",
    "Language",
    "Position",
    "PositionKind",
    "all_positions",
    "as_position",
    "checked_language",
    "match_title",
    "position",
]


class PositionKind(LabelledEnum):
    """What kind of role a position is: the distinction the target group draws."""

    CHIEF_EXECUTIVE = "chief-executive", "högsta tjänsteman", "chief executive"
    """Högsta tjänsteman (kommunchef, kommundirektör, stadsdirektör): the program's mentors."""
    POLITICAL_LINE = (
        "political-line",
        "chef direkt mot politisk ledning",
        "manager reporting to the political leadership",
    )
    """Linjechef direkt mot politisk ledning: heads an administration that reports to a nämnd."""
    LINE = "line", "linjechef", "line manager"
    """Linjechef under förvaltningsledningen (avdelningschef, områdeschef, verksamhetschef)."""
    STAFF = "staff", "ledare i stabsfunktion", "leader in a staff function"
    """Ledare i stabsfunktion (ekonomi, HR, kommunikation, IT, strategi, kansli)."""
    COMPANY_CEO = "company-ceo", "vd för kommunalt bolag", "CEO of a municipal company"
    """Bolags-vd: verkställande direktör för ett kommunalt bolag, reports to its styrelse."""
    FIRST_LINE = "first-line", "första linjens chef", "first-line manager"
    """Första linjens chef (enhetschef, rektor)."""


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Position:
    """A position (befattning) in the catalog.

    ``slug`` is the stable id used in files and rules (ASCII, e.g. ``"forvaltningschef"``);
    ``aliases`` are the other ways the title is written, matched by :func:`match_title`.
    ``named_in_program_text`` marks the positions the program text lists as suitable
    ("Lämpliga deltagare är till exempel …").
    """

    slug: str = attrs.field(validator=_checks.identifier)
    sv: str = attrs.field(validator=_checks.text)
    en: str = attrs.field(validator=_checks.text)
    kind: PositionKind = attrs.field(validator=_checks.instance_of(PositionKind))
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.text),
        repr=False,
    )
    named_in_program_text: bool = attrs.field(default=False, repr=False)

    def label(self, language: Language = "sv") -> str:
        """The title in Swedish (``"sv"``) or English (``"en"``)."""
        return self.text.render(language)

    @property
    def text(self) -> Text:
        """The Swedish and English texts together."""
        return Text(self.sv, self.en)

    def __str__(self) -> str:
        return self.sv


def _p(
    slug: str, sv: str, en: str, kind: PositionKind, *aliases: str, seed: bool = False
) -> Position:
    return Position(slug=slug, sv=sv, en=en, kind=kind, aliases=aliases, named_in_program_text=seed)


_K = PositionKind
_CATALOG = (
    _p(
        "kommunchef",
        "kommunchef",
        "Municipal chief executive",
        _K.CHIEF_EXECUTIVE,
        "kommundirektör",
        "stadsdirektör",
        "regiondirektör",
        "kommunchef/kommundirektör",
    ),
    _p(
        "bitradande-kommunchef",
        "biträdande kommunchef",
        "Deputy municipal chief executive",
        _K.STAFF,
        "biträdande kommundirektör",
        "biträdande stadsdirektör",
        "bitr. kommunchef",
    ),
    _p(
        "forvaltningschef",
        "förvaltningschef",
        "Head of administration",
        _K.POLITICAL_LINE,
        "förvaltningsdirektör",
        "socialchef",
        "socialdirektör",
        "skolchef",
        "skoldirektör",
        "utbildningschef",
        "utbildningsdirektör",
        "samhällsbyggnadschef",
        "samhällsbyggnadsdirektör",
        "miljöchef",
        "kultur- och fritidschef",
        "kulturchef",
        "fritidschef",
        "teknisk chef",
        "omsorgschef",
        "äldreomsorgschef",
        "stadsbyggnadsdirektör",
        seed=True,
    ),
    _p(
        "kontorschef",
        "kontorschef",
        "Head of office",
        _K.POLITICAL_LINE,
        "kontorsdirektör",
        seed=True,
    ),
    _p(
        "sektorchef",
        "sektorchef",
        "Head of sector",
        _K.POLITICAL_LINE,
        "sektorsdirektör",
        "sektorschef",
    ),
    _p(
        "avdelningschef",
        "avdelningschef",
        "Head of division",
        _K.LINE,
        "avdelningsdirektör",
        seed=True,
    ),
    _p("omradeschef", "områdeschef", "Area manager", _K.LINE, "områdesdirektör", seed=True),
    _p("verksamhetschef", "verksamhetschef", "Head of operations", _K.LINE),
    _p("enhetschef", "enhetschef", "Unit manager", _K.FIRST_LINE),
    _p("rektor", "rektor", "Head teacher", _K.FIRST_LINE, "förskolechef"),
    _p(
        "ekonomidirektor",
        "ekonomidirektör",
        "Finance director",
        _K.STAFF,
        "ekonomichef",
        "finansdirektör",
        "cfo",
        seed=True,
    ),
    _p(
        "personaldirektor",
        "personaldirektör",
        "HR director",
        _K.STAFF,
        "hr-direktör",
        "hr-chef",
        "personalchef",
        "hr direktör",
        seed=True,
    ),
    _p(
        "kommunikationsdirektor",
        "kommunikationsdirektör",
        "Communications director",
        _K.STAFF,
        "kommunikationschef",
        "informationschef",
    ),
    _p(
        "it-chef",
        "IT-chef",
        "Head of IT",
        _K.STAFF,
        "it-direktör",
        "digitaliseringschef",
        "digitaliseringsdirektör",
        "cio",
    ),
    _p(
        "kanslichef",
        "kanslichef",
        "Head of the secretariat",
        _K.STAFF,
        "kommunsekreterare",
        "chefsjurist",
    ),
    _p(
        "sakerhetschef",
        "säkerhetschef",
        "Head of security",
        _K.STAFF,
        "säkerhets- och beredskapschef",
    ),
    _p(
        "utvecklingschef",
        "utvecklingschef",
        "Head of development",
        _K.STAFF,
        "utvecklingsdirektör",
        "planeringschef",
        "näringslivschef",
    ),
    _p(
        "strateg",
        "strateg i kommunledningen",
        "Strategist in the central administration",
        _K.STAFF,
        "strateg",
        "kommunstrateg",
        "utvecklingsstrateg",
        "samhällsstrateg",
        "verksamhetsstrateg",
        "planeringsstrateg",
        seed=True,
    ),
    _p(
        "bolags-vd",
        "bolags-vd",
        "CEO of a municipal company",
        _K.COMPANY_CEO,
        "vd",
        "verkställande direktör",
        "bolagsdirektör",
    ),
)


def _fold(title: str) -> str:
    decomposed = unicodedata.normalize("NFKD", title.casefold().replace("–", "-"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9/.,;()\- ]", " ", plain)).strip()


@functools.cache
def _index() -> tuple[dict[str, Position], dict[str, Position]]:
    by_slug = {p.slug: p for p in _CATALOG}
    by_alias: dict[str, Position] = {}
    for p in _CATALOG:
        for name in (p.slug, p.sv, p.en, *p.aliases):
            by_alias.setdefault(_fold(name), p)
    return by_slug, by_alias


# Where a title's first part (the position) ends and its qualifier ("socialförvaltningen") begins.
# (Compiled and kept by re when a title is first matched, not at import.)
_QUALIFIER = r"\s*(?:,|;|/|\(|\s-\s|\bi\b|\bpa\b|\bfor\b|\bvid\b|\binom\b)\s*"


def match_title(title: object) -> Position | None:
    """The catalog position a free-text title names, or ``None`` if none fits.

    The whole title is tried first, then the part before a qualifier (a comma, "i", "på",
    "för", "vid", "inom", a dash), then the first word ("Enhetschef äldreomsorg", "VD
    Linköpings stadshus AB"), so "Förvaltningschef, socialförvaltningen" and "IT-chef på
    kommunledningskontoret" match while "biträdande rektor" does not become rektor: a
    deputy is not the position. Unmatched titles stay free text (the caller keeps the title).
    """
    if not isinstance(title, str):
        return None
    _, by_alias = _index()
    folded = _fold(title)
    found = by_alias.get(folded)
    if found is None:
        head = re.split(_QUALIFIER, folded, maxsplit=1)[0].strip()
        found = by_alias.get(head) or by_alias.get(head.split(" ", 1)[0])
    if found is None and folded.startswith("strateg"):
        found = by_alias["strateg"]
    return found


def position(slug: object) -> Position:
    """The catalog position with this slug (or Swedish or English title, or alias)."""
    if isinstance(slug, Position):
        return slug
    by_slug, by_alias = _index()
    found = None
    if isinstance(slug, str):
        found = by_slug.get(slug) or by_alias.get(_fold(slug))
    if found is None:
        raise InvalidValueError(
            location="position",
            expected=Text("en befattning ur katalogen", "a position of the catalog"),
            found=slug,
            hint=did_you_mean(slug, by_slug),
        )
    return found


def as_position(value: object) -> Position | None:
    """Converter for model fields: a slug or title becomes its :class:`Position`."""
    return None if value is None else position(value)


def all_positions() -> tuple[Position, ...]:
    """The whole catalog, in a stable order (chief executive first, first-line last)."""
    return _CATALOG
