"""People (personer) and their personnummer, which is never shown in full.

A :class:`Person` is who someone is: name and contact. What they do, and where, is an
:class:`~ledarskap.model.appointments.Appointment`: a time-bounded link to an organisation.

A :class:`Personnummer` is validated with python-stdnum (format, date, check digit) and
shows itself only masked, in ``repr``, ``str``, f-strings and error messages alike:

>>> from ledarskap import Personnummer, Person
>>> pnr = Personnummer("198503122395")
>>> pnr
Personnummer('19XXXXXX-XX95')
>>> f"{pnr}"
'19XXXXXX-XX95'
>>> Personnummer("198503122396")
Traceback (most recent call last):
...
ledarskap.errors.InvalidPersonnummerError: personnummer: expected a valid personnummer (YYYYMMDD-NNNN with a correct check digit), found '19XXXXXX-XX96'
>>> anna = Person(id="p-anna", given_name="Anna", family_name="Berg",
...               email="anna.berg@example.se", personnummer=pnr)
>>> anna
Person(id='p-anna', given_name='Anna', family_name='Berg', email='a…@example.se', phone=None, personnummer=Personnummer('19XXXXXX-XX95'))

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from types import ModuleType

import attrs

from ledarskap.errors import InvalidPersonnummerError, mask_personal_data, masked_repr
from ledarskap.text import Text

from . import _checks
from ._methods import lazy_methods

__all__ = ["Person", "Personnummer", "as_personnummer", "read_personnummer"]


@functools.cache
def _stdnum() -> ModuleType:
    # python-stdnum's utilities import ssl and pydoc (about 30 ms): load on first use.
    from stdnum.se import personnummer

    return personnummer


_DOUBLED = str.maketrans("0123456789", "0246813579")
"""Each digit as the digit sum of its double: what the Luhn algorithm adds for it."""


def _luhn_valid(digits: str) -> bool:
    """Whether ten ASCII digits end in their Luhn check digit (:mod:`stdnum.luhn`'s rule).

    The first, third … digits count doubled (as the sum of the double's digits, through
    :data:`_DOUBLED`), the others as they are; the code of every digit is 48 plus the
    digit, and ten of them add 480, so the digits' sum is that of their codes, modulo 10.
    One :meth:`str.translate` and a sum over bytes: 0.3 µs, against 2 µs through
    :func:`stdnum.luhn.checksum`.
    """
    return sum((digits[0::2].translate(_DOUBLED) + digits[1::2]).encode()) % 10 == 0


def _fast_digits(number: str) -> str | None:
    """The 12 digits of a valid number written ``YYYYMMDD-NNNN`` or ``YYYYMMDDNNNN``.

    ``None`` for anything else, valid or not: :func:`stdnum.se.personnummer.validate`
    then decides. This is its check, made of its pieces (the date of birth by
    :func:`_birth_date`, the Luhn checksum over the last ten digits by
    :func:`_luhn_valid`), without its cleaning of other spellings, which costs the most:
    files hold numbers in this form, and a number is read in under 1 µs so against 23 µs
    through ``validate``.
    """
    if len(number) == 13 and number[8] == "-":
        digits = number[:8] + number[9:]
    elif len(number) == 12:
        digits = number
    else:
        return None
    if not (digits.isascii() and digits.isdigit()) or _birth_date(digits[:8]) is None:
        return None
    return digits if _luhn_valid(digits[2:]) else None


@functools.lru_cache(maxsize=40_000)
def _birth_date(day: str) -> dt.date | None:
    """The date of birth of ``YYYYMMDD`` (a samordningsnummer's day less 60), or ``None``.

    python-stdnum's :func:`~stdnum.se.personnummer.get_birth_date` decides; it does not
    know the samordningsnummer, whose day is the day of birth plus 60. Remembered (people
    share birthdays: a century has 36,525 of them), as stdnum's cleaning of the number
    costs 4 µs, almost as much as the rest of reading it.
    """
    from stdnum.exceptions import ValidationError

    number = int(day[6:8])
    try:
        birth: dt.date = _stdnum().get_birth_date(
            f"{day[:6]}{number - 60 if number > 60 else number:02d}-0000"
        )
    except ValidationError:
        return None
    return birth


class Personnummer:
    """A Swedish personal identity number (or samordningsnummer), kept out of sight.

    A samordningsnummer (day of birth plus 60) is accepted in the 12-digit form, the form
    python-stdnum does not check. Stored in the 12-digit form ``YYYYMMDDNNNN``; only
    :meth:`reveal` gives it back whole,
    for the file formats that must keep it. Equal numbers compare and hash equal, whichever
    way they were written (``850312-2395``, ``19850312-2395``, ``198503122395``).
    """

    __slots__ = ("_digits",)
    _digits: str

    def __init__(self, number: str) -> None:
        if not isinstance(number, str):
            raise InvalidPersonnummerError(
                location="personnummer",
                expected=Text("ett personnummer som text", "a personnummer as text"),
                found=type(number).__name__,
            )
        digits = _fast_digits(number)
        if digits is not None:
            _set_digits(self, digits)
            return
        from stdnum.exceptions import ValidationError

        try:
            compact = _stdnum().validate(number)
        except ValidationError:
            raise InvalidPersonnummerError(
                location="personnummer",
                expected=Text(
                    "ett giltigt personnummer (ÅÅÅÅMMDD-NNNN med rätt kontrollsiffra)",
                    "a valid personnummer (YYYYMMDD-NNNN with a correct check digit)",
                ),
                found=_mask_invalid(number),
            ) from None
        digits = compact.replace("-", "").replace("+", "")
        if len(digits) == 10:
            birth = _stdnum().get_birth_date(compact)
            digits = f"{birth.year // 100:02d}{digits}"
        _set_digits(self, digits)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Personnummer is immutable")

    def reveal(self) -> str:
        """The whole number, ``YYYYMMDD-NNNN``: for storage only, never for display or logs."""
        return f"{self._digits[:8]}-{self._digits[8:]}"

    @property
    def masked(self) -> str:
        """The masked form, ``19XXXXXX-XX95``: century and the last two digits."""
        return f"{self._digits[:2]}XXXXXX-XX{self._digits[-2:]}"

    @property
    def birth_date(self) -> dt.date:
        """The date of birth (for a samordningsnummer, the day less 60)."""
        birth = _birth_date(self._digits[:8])
        assert birth is not None  # checked when made
        return birth

    @property
    def is_coordination_number(self) -> bool:
        """Whether this is a samordningsnummer (day of birth plus 60)."""
        return int(self._digits[6:8]) > 60

    def __repr__(self) -> str:
        return f"Personnummer({self.masked!r})"

    def __str__(self) -> str:
        return self.masked

    def __format__(self, spec: str) -> str:
        return format(self.masked, spec)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Personnummer):
            return NotImplemented
        return self._digits == other._digits

    def __hash__(self) -> int:
        return hash(("Personnummer", self._digits))

    def __reduce__(self) -> tuple[type[Personnummer], tuple[str]]:
        return (Personnummer, (self._digits,))


_set_digits = vars(Personnummer)["_digits"].__set__  # the slot's setter: __setattr__ refuses


def read_personnummer(number: str) -> Personnummer:
    """``Personnummer(number)``, for a reader of many: the usual form without the call.

    A number written ``YYYYMMDD-NNNN`` or ``YYYYMMDDNNNN`` is checked (``_fast_digits``)
    and made without going through ``__init__``; anything else is ``Personnummer(number)``,
    which decides and raises as it does.
    """
    digits = _fast_digits(number) if number.__class__ is str else None
    if digits is None:
        return Personnummer(number)
    read: Personnummer = object.__new__(Personnummer)
    _set_digits(read, digits)
    return read


def _mask_invalid(number: str) -> str:
    """An invalid number as shown in errors: masked, and digits left over hidden but two."""
    text = mask_personal_data(number.strip())
    if len(text) >= 20:
        return "…"
    # A near-miss ("19850312-239X") escapes the pattern above: keep only its last two digits.
    return re.sub(_DIGIT_BUT_LAST_TWO, "X", text) if re.search(_DIGIT_RUN, text) else text


# Patterns compiled (and kept by re) when an invalid number is first shown, not at import.
_DIGIT_RUN = r"\d{4}"
_DIGIT_BUT_LAST_TWO = r"\d(?=(?:\D*\d){2})"


def as_personnummer(value: str | Personnummer | None) -> Personnummer | None:
    """Converter for model fields: text becomes a validated :class:`Personnummer`."""
    if value is None or isinstance(value, Personnummer):
        return value
    return Personnummer(value)


def _mask_contact(value: str | None) -> str:
    return repr(None if value is None else mask_personal_data(value))


def _mask_phone(value: str | None) -> str:
    return repr(None if value is None else f"…{value[-2:]}")


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Person:
    """A person (person): name and contact, with a stable id.

    Positions are not attributes of a person: see
    :class:`~ledarskap.model.appointments.Appointment`. E-mail and phone are masked in
    ``repr``; the personnummer is optional and always masked.
    """

    id: str = attrs.field(validator=_checks.identifier)
    given_name: str = attrs.field(validator=_checks.text)
    """Förnamn."""
    family_name: str = attrs.field(validator=_checks.text)
    """Efternamn."""
    email: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.email), repr=_mask_contact
    )
    """E-post."""
    phone: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.text), repr=_mask_phone
    )
    """Telefon."""
    personnummer: Personnummer | None = attrs.field(
        default=None,
        converter=as_personnummer,
        validator=_checks.optional(_checks.instance_of(Personnummer)),
    )

    @property
    def name(self) -> str:
        """Given and family name, as a person would be addressed."""
        return f"{self.given_name} {self.family_name}"

    def __str__(self) -> str:
        return mask_personal_data(self.name)  # shown: a name a file gave may be a number
