"""Sweden's 290 municipalities (kommuner) and 21 counties (län), with their SCB codes.

The table ships with the library (``ledarskap/data/kommuner.csv``, cross-checked against
Statistics Sweden) and is read the first time it is needed. Look-ups accept a code or a
name, tolerant of case, accents and a trailing "kommun" (a municipality's) or "län" (a
county's); a county's or region's name is no municipality's ("Region Kalmar" is not
Kalmar):

>>> from ledarskap import municipality, county
>>> municipality("linkoping")
Municipality(code='0580', name='Linköping', county='05')
>>> municipality("0980").display_name
'Region Gotland'
>>> municipality("0580").county.name
'Östergötlands län'
>>> len(county("Östergötland").municipalities)
13
>>> municipality("Linkopping")
Traceback (most recent call last):
...
ledarskap.errors.UnknownMunicipalityError: municipality: expected one of Sweden's 290 municipality codes or names, found 'Linkopping' (did you mean 0580 Linköping?)

The program's region, "Östergötland med omnejd", is Östergötland (05) and its
neighbouring counties Södermanland (04), Jönköping (06), Kalmar (08) and Örebro (18):

>>> sorted(c.code for c in program_region_counties())
['04', '05', '06', '08', '18']

.. versionadded:: 0.1
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

import attrs

from ledarskap import data
from ledarskap._found import closest
from ledarskap.errors import InvalidValueError, UnknownMunicipalityError
from ledarskap.text import Text

from ._methods import lazy_methods

__all__ = [
    "NEIGHBOURING_COUNTY_CODES",
    "OSTERGOTLAND",
    "County",
    "Municipality",
    "all_counties",
    "all_municipalities",
    "as_municipalities",
    "as_municipality",
    "as_optional_municipality",
    "county",
    "municipality",
    "program_region_counties",
]

OSTERGOTLAND = "05"
"""The county code of Östergötlands län."""

NEIGHBOURING_COUNTY_CODES = ("04", "06", "08", "18")
"""Counties bordering Östergötland: Södermanland, Jönköping, Kalmar, Örebro ("med omnejd")."""

# Names the municipalities use of themselves where they differ from SCB's short name.
_DISPLAY_NAMES = {"0980": "Region Gotland", "2583": "Haparanda stad"}


@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class County:
    """A county (län) by its two-digit SCB code (länskod)."""

    code: str
    """Two digits, e.g. ``"05"`` for Östergötland."""
    name: str
    """The full name, e.g. ``"Östergötlands län"``."""

    @property
    def municipalities(self) -> tuple[Municipality, ...]:
        """The county's municipalities, by code."""
        return _table().by_county[self.code]

    # Compared and hashed as lazy_methods would, written here: every read of a document
    # compares and hashes them, and compiling these methods on first use costs more.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.code == other.code and self.name == other.name

    def __hash__(self) -> int:
        return hash((County, self.code, self.name))

    def __repr__(self) -> str:
        return f"County(code={self.code!r}, name={self.name!r})"

    def __str__(self) -> str:
        return self.name


@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Municipality:
    """A municipality (kommun) by its four-digit SCB code (kommunkod).

    Get one with :func:`municipality`; the class checks that code, name and county agree
    with the reference table, so an instance is always one of the 290.
    """

    code: str
    """Four digits; the first two are the county code, e.g. ``"0580"`` for Linköping."""
    name: str
    """The short name as SCB writes it, e.g. ``"Linköping"``, ``"Gotland"``."""
    county: County
    """The county the municipality lies in."""
    seat: tuple[float, float] | None = attrs.field(default=None, eq=False)
    """Latitude and longitude of the seat (centralort), to about 1 km; for travel distances."""

    def __attrs_post_init__(self) -> None:
        known = _table().by_code.get(self.code)
        if known is None or known.name != self.name or known.county != self.county:
            raise UnknownMunicipalityError(
                location="Municipality.code", found=self.code, suggestion=_suggest(self.code)
            )

    @property
    def display_name(self) -> str:
        """The name the municipality uses of itself ("Region Gotland" for 0980)."""
        return _DISPLAY_NAMES.get(self.code, self.name)

    def __eq__(self, other: object) -> bool:  # the seat is not compared (eq=False)
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.code == other.code and self.name == other.name and self.county == other.county

    def __hash__(self) -> int:
        return hash((Municipality, self.code, self.name, self.county))

    def __repr__(self) -> str:
        return f"Municipality(code={self.code!r}, name={self.name!r}, county={self.county.code!r})"

    def __str__(self) -> str:
        return self.display_name


class _Table:
    """The reference table, read once by :func:`_table`.

    A plain class, not an attrs one: it is made once and never compared, and attrs would
    compile an ``__init__`` for it in every process that imports the model.
    """

    __slots__ = ("by_code", "by_county", "counties")

    def __init__(
        self,
        by_code: dict[str, Municipality],
        counties: dict[str, County],
        by_county: dict[str, tuple[Municipality, ...]],
    ) -> None:
        self.by_code = by_code
        self.counties = counties
        self.by_county = by_county


class _Names:
    """The look-ups by name: folding 600 names costs more than reading a file by codes.

    A plain class, as :class:`_Table` is.
    """

    __slots__ = ("by_exact_name", "by_name", "county_names")

    def __init__(
        self,
        by_exact_name: dict[str, Municipality],
        by_name: dict[str, Municipality],
        county_names: dict[str, County],
    ) -> None:
        self.by_exact_name = by_exact_name
        self.by_name = by_name
        self.county_names = county_names


def _fold(name: str, *, accents: bool = False) -> str:
    """Case- and spacing-free form used for look-ups by name; accent-free unless *accents*."""
    text = unicodedata.normalize("NFC", name.casefold())
    if not accents:
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = re.sub(r"\b(kommun|stad|region|lan|län|s lan|s län)\b", " ", text)
    return re.sub(r"[\W_]", "", text)


def _names_a_region(name: str) -> bool:
    """Whether *name* is a county's or a region's ("Kalmar län", "Region Kalmar").

    Kalmar municipality is not Region Kalmar; Region Gotland is the one region that is a
    municipality.
    """
    words = set(re.findall(r"\w+", name.casefold()))
    return bool(words & {"län", "lan", "lans", "läns"}) or (
        "region" in words and "gotland" not in words
    )


def _lookup(index: dict[str, Municipality], key: str) -> Municipality | None:
    # "Linköpings kommun": the genitive s of the full name is not part of the name.
    return index.get(key) or (index.get(key[:-1]) if key.endswith("s") else None)


def _read(name: str) -> list[list[str]]:
    text = data.read_bytes(name).decode("utf-8")
    return [line.split(",") for line in text.splitlines()[1:] if line]


@functools.cache
def _table() -> _Table:
    counties = {code: County(code=code, name=name) for code, name in _read("lan.csv")}
    seats = {row[0]: (float(row[1]), float(row[2])) for row in _read("kommuner_coords.csv")}
    by_code: dict[str, Municipality] = {}
    in_county: dict[str, list[Municipality]] = {code: [] for code in counties}
    for code, name, county_code, _ in _read("kommuner.csv"):
        # Built without __init__: the table is what __init__ checks against.
        item = object.__new__(Municipality)
        object.__setattr__(item, "code", code)
        object.__setattr__(item, "name", name)
        object.__setattr__(item, "county", counties[county_code])
        object.__setattr__(item, "seat", seats.get(code))
        by_code[code] = item
        in_county[county_code].append(item)
    by_county = {code: tuple(items) for code, items in in_county.items()}
    return _Table(by_code, counties, by_county)


@functools.cache
def _names() -> _Names:
    table = _table()
    by_code, counties = table.by_code, table.counties
    # Accents tell Håbo (0305) from Habo (0643): the exact name wins over the folded one.
    by_exact_name = {
        _fold(n, accents=True): m for m in by_code.values() for n in (m.name, m.display_name)
    }
    by_name = {_fold(m.name): m for m in by_code.values()}
    by_name.update({_fold(m.display_name): m for m in by_code.values()})
    county_names = {_fold(c.name): c for c in counties.values()}
    county_names.update(
        {_fold(c.name.removesuffix(" län").removesuffix("s")): c for c in counties.values()}
    )
    return _Names(by_exact_name, by_name, county_names)


def _suggest(text: str) -> str | None:
    table = _table()
    folded = _fold(text)
    if folded.isdigit():
        # A code is a number, not a word: suggest the zero-padded code ("580" -> 0580), or
        # a code of the same county one digit off ("0851" -> 0581); nothing else is "near".
        padded = folded.zfill(4)
        if padded in table.by_code and padded != folded:
            return f"{padded} {table.by_code[padded].display_name}"
        off_by_one = sorted(
            (abs(int(code) - int(folded)), code)
            for code in table.by_code
            if len(folded) == 4
            and code[:2] == folded[:2]
            and sum(x != y for x, y in zip(code, folded, strict=True)) == 1
        )
        if not off_by_one:
            return None
        code = off_by_one[0][1]
        return f"{code} {table.by_code[code].display_name}"
    by_name = _names().by_name
    near = closest(folded, by_name)
    if near is None:
        return None
    found = by_name[near]
    return f"{found.code} {found.display_name}"


def municipality(
    code_or_name: str | Municipality, *, location: str = "municipality"
) -> Municipality:
    """The municipality with this SCB code or name.

    Names are matched ignoring case, accents, spacing and a trailing "kommun" or "stad"
    (with or without the genitive: "Linköpings kommun").
    An unknown one raises :class:`~ledarskap.errors.UnknownMunicipalityError`, naming the
    closest match; *location* says where the value came from in that message.
    """
    if isinstance(code_or_name, Municipality):
        return code_or_name
    if not isinstance(code_or_name, str):
        raise UnknownMunicipalityError(location=location, found=code_or_name)
    key = code_or_name.strip()
    found = _table().by_code.get(key)
    if found is None and not _names_a_region(key):
        names = _names()
        found = _lookup(names.by_exact_name, _fold(key, accents=True)) or _lookup(
            names.by_name, _fold(key)
        )
    if found is None:
        raise UnknownMunicipalityError(
            location=location, found=code_or_name, suggestion=_suggest(key)
        )
    return found


def as_municipality(value: str | Municipality) -> Municipality:
    """Converter for model fields: a code or name becomes its :class:`Municipality`."""
    return municipality(value)


def as_optional_municipality(value: str | Municipality | None) -> Municipality | None:
    """Converter for optional model fields: like :func:`as_municipality`, keeping ``None``."""
    return None if value is None else municipality(value)


def as_municipalities(values: Iterable[str | Municipality]) -> tuple[Municipality, ...]:
    """Converter for model fields holding several municipalities."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        return values  # type: ignore[return-value]  # rejected by the field's validator
    return tuple(municipality(value) for value in values)


def county(code_or_name: str | County) -> County:
    """The county with this two-digit code or name ("05", "Östergötland", "Östergötlands län")."""
    if isinstance(code_or_name, County):
        return code_or_name
    if isinstance(code_or_name, str):
        key = code_or_name.strip()
        found = _table().counties.get(key) or _names().county_names.get(_fold(key))
        if found is not None:
            return found
    county_names = _names().county_names
    near = closest(_fold(str(code_or_name)), county_names)
    named = None if near is None else county_names[near].name
    raise InvalidValueError(
        location="county",
        expected=Text(
            "en av Sveriges 21 länskoder eller länsnamn", "one of Sweden's 21 county codes or names"
        ),
        found=code_or_name,
        hint=None if named is None else Text(f"menade du {named}?", f"did you mean {named}?"),
    )


def all_municipalities() -> tuple[Municipality, ...]:
    """All 290 municipalities, by code."""
    return tuple(_table().by_code.values())


def all_counties() -> tuple[County, ...]:
    """All 21 counties, by code."""
    return tuple(_table().counties.values())


def program_region_counties() -> tuple[County, ...]:
    """Östergötland and its neighbouring counties: the program's region ("med omnejd")."""
    return tuple(county(code) for code in (OSTERGOTLAND, *NEIGHBOURING_COUNTY_CODES))
