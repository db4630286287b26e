"""What the tables tests share: a program with a planted personnummer and hostile text, and its people's identifiers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

import attrs
from stdnum import luhn

import ledarskap
from ledarskap import Person, ProgramData

# Two keys as PseudonymKey.generate() writes them (64 hex digits of random bytes).
KEY = b"ebb4763692fbb0b7bc9fe1d1102208423f99e801c98c7263172a5169d18404ab"
OTHER_KEY = b"e0e1c7267654032cbeb21d9c76362a2a76c83bfdfdebc38584a15ef7ac91fe36"

_NOT_ALPHANUMERIC = re.compile(r"[\W_]")


def planted() -> ProgramData:
    """The example program with a personnummer for each participant (19850312-2395 for the first)
    and a formula in the first participant's title."""
    data = ledarskap.example_program()
    participants = {p.person_id for p in data.participants}
    numbers = iter(_personnummer())
    people = [
        attrs.evolve(p, personnummer=next(numbers)) if p.id in participants else p
        for p in data.people
    ]
    first = data.participants[0].appointment_id
    appointments = [
        attrs.evolve(a, title='=HYPERLINK("http://x")') if a.id == first else a
        for a in data.appointments
    ]
    return attrs.evolve(data, people=people, appointments=appointments)


def _personnummer() -> Iterator[str]:
    yield "19850312-2395"
    day = dt.date(1961, 1, 7)
    for serial in range(100, 1000):
        digits = f"{day:%y%m%d}{serial:03d}"
        yield f"{day:%Y%m%d}-{serial:03d}{luhn.calc_check_digit(digits)}"
        day += dt.timedelta(days=367)
        if day.year > 1995:
            day = dt.date(1961, 2, serial % 27 + 1)


def plain(text: str) -> str:
    """*text* with digits of every script as ASCII digits and everything not a letter or digit left out."""
    digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)
    return _NOT_ALPHANUMERIC.sub("", digits)


def identifiers(person: Person) -> tuple[str, ...]:
    """What must not be seen of *person* in a safe export: the personnummer's ten digits (plain), name, e-mail."""
    found = [person.name.casefold()]
    if person.email:
        found.append(person.email.casefold())
    if person.personnummer is not None:
        found.append(plain(person.personnummer.reveal())[-10:])
    return tuple(found)


def assert_no_identifier(text: str, data: ProgramData) -> None:
    """No person's personnummer (in any spelling), name or e-mail in *text*; no record id of a person."""
    folded, digits = text.casefold(), plain(text)
    for person in data.people:
        for shown in identifiers(person):
            assert shown not in (digits if shown.isdigit() else folded), shown[:3]
