"""A pairing's instance: the adepts and mentors of a cohort, the rules and wishes, all checked.

:func:`instance` reads a cohort out of the program data and the options, checks every id
and every pin against the data, and reports every problem at once
(:class:`~ledarskap.errors.ProblemsError`). What it gives the solver is plain: adepts and
mentors sorted by id (the same input in another order gives the same instance), the places
each mentor has left, and the pairs each sparse rule removes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

import attrs

from ledarskap._found import did_you_mean
from ledarskap.errors import LedarskapError, Problems, ProblemsError, safe_repr
from ledarskap.model import (
    Cohort,
    Mentor,
    Mentorship,
    MentorshipStatus,
    Municipality,
    Participant,
    ProgramData,
)
from ledarskap.model.participants import ParticipantStatus
from ledarskap.text import Text

from .options import HardRule, MatchingOptions

__all__ = ["Adept", "Instance", "MentorPlaces", "instance"]


@attrs.frozen
class Adept:
    """An adept to pair: the participant's id, person and municipality."""

    id: str
    person_id: str
    municipality: Municipality


@attrs.frozen
class MentorPlaces:
    """A mentor of the cohort with the places left for this pairing.

    ``fixed`` are the municipalities of the adepts the mentor has before the solver runs
    (current pairs, then pins), in that order; ``places`` the places left after them.
    """

    id: str
    person_id: str
    municipality: Municipality
    capacity: int
    available: bool
    fixed: tuple[Municipality, ...]
    held: int
    """How many of ``fixed`` are current pairs (the rest are pins)."""
    places: int


@attrs.frozen
class Instance:
    """What the solver pairs, every id checked."""

    cohort: Cohort
    adepts: tuple[Adept, ...]
    """The adepts the solver pairs, by id (pinned adepts are not among them)."""
    pinned: tuple[tuple[Adept, str], ...]
    """Pinned adepts with their mentor's id, in the order the pins were given."""
    mentors: tuple[MentorPlaces, ...]
    """Every mentor of the cohort, by id."""
    removed: Mapping[tuple[str, str], frozenset[HardRule]]
    """(adept id, mentor id) to the sparse rules removing the pair (conflicts, earlier
    pairs, bans); the own municipality, availability and places are per mentor."""
    wishes: Mapping[tuple[str, str], float]
    """(adept id, mentor id) to the wish's points: 1 for the first of n wishes, then
    1 - rank/n."""
    links: frozenset[tuple[str, str]]
    """(mentor municipality code, adept municipality code) paired in earlier cohorts."""
    repaired: frozenset[str]
    """Participants re-paired: named in ``adepts`` while paired already."""


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


Record = TypeVar("Record", bound=_Identified)

_PAIRED = frozenset(
    {MentorshipStatus.PROPOSED, MentorshipStatus.ACTIVE, MentorshipStatus.COMPLETED}
)
"""A participant with a mentorship of one of these in the cohort is paired."""


def _first_of(records: Iterable[Record]) -> dict[str, Record]:
    """*records* by id; of records with the same id, the first."""
    index: dict[str, Record] = {}
    for record in records:
        index.setdefault(record.id, record)
    return index


def _path(field: str, *keys: str | int) -> str:
    """Where in the options: ``MatchingOptions.wishes['d-001'][0]``."""
    return f"MatchingOptions.{field}" + "".join(f"[{key!r}]" for key in keys)


def instance(data: ProgramData, cohort_id: str, options: MatchingOptions) -> Instance:
    """The instance of pairing *cohort_id* of *data* with *options*, every id checked.

    Every problem found is reported at once, as one :class:`ProblemsError`.
    """
    return _Reader(data, cohort_id, options).read()


_CANNOT_PAIR = Text("kan inte para mentorer och adepter", "cannot pair mentors and adepts")


class _Reader:
    """Reads one instance, collecting the problems of the input."""

    def __init__(self, data: ProgramData, cohort_id: str, options: MatchingOptions) -> None:
        self.data = data
        self.options = options
        self.problems = Problems()
        cohorts = _first_of(data.cohorts)
        given: object = cohort_id
        if not isinstance(given, str) or given not in cohorts:
            self.problems.add(
                "cohort_id",
                Text(
                    f"förväntade id:t för en av de {len(cohorts)} omgångarna, "
                    f"fick {safe_repr(cohort_id)}",
                    f"expected the id of one of the {len(cohorts)} cohorts, found {safe_repr(cohort_id)}",
                ),
                "unknown-cohort",
                hint=did_you_mean(cohort_id, cohorts),
            )
            self.problems.raise_if_any(ProblemsError, _CANNOT_PAIR)
        self.cohort = cohorts[cohort_id]
        # A repeated id means its first record, as ProgramData's look-ups (validate() says so).
        self.participants = _first_of(data.participants_of(cohort_id))
        self.mentor_records = _first_of(data.mentors_of(cohort_id))

    # Checks of ids --------------------------------------------------------------------

    def adept_known(self, adept_id: str, field: str, *keys: str | int) -> bool:
        """Whether *adept_id* is a participant of the cohort; if not, a problem at the field."""
        if adept_id in self.participants:
            return True
        self.problems.add(
            _path(field, *keys),
            Text(
                f"förväntade en deltagare i omgången {self.cohort.id!r}, fick {safe_repr(adept_id)}",
                f"expected a participant of cohort {self.cohort.id!r}, found {safe_repr(adept_id)}",
            ),
            "unknown-adept",
            hint=did_you_mean(adept_id, self.participants),
        )
        return False

    def mentor_known(self, mentor_id: str, field: str, *keys: str | int) -> bool:
        """Whether *mentor_id* is a mentor of the cohort; if not, a problem at the field."""
        if mentor_id in self.mentor_records:
            return True
        self.problems.add(
            _path(field, *keys),
            Text(
                f"förväntade en mentor i omgången {self.cohort.id!r}, fick {safe_repr(mentor_id)}",
                f"expected a mentor of cohort {self.cohort.id!r}, found {safe_repr(mentor_id)}",
            ),
            "unknown-mentor",
            hint=did_you_mean(mentor_id, self.mentor_records),
        )
        return False

    def pairs_known(self, field: str, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        known = []
        for index, (adept_id, mentor_id) in enumerate(pairs):
            adept_ok = self.adept_known(adept_id, field, index)
            if self.mentor_known(mentor_id, field, index) and adept_ok:
                known.append((adept_id, mentor_id))
        return known

    def municipality_of(self, participant: Participant) -> Municipality | None:
        try:
            return self.data.municipality_of(participant)
        except LedarskapError:
            self.problems.add(
                f"participants[{participant.id!r}].appointment_id",
                Text(
                    f"förväntade en känd anställning, fick {safe_repr(participant.appointment_id)}",
                    f"expected a known appointment, found {safe_repr(participant.appointment_id)}",
                ),
                "unknown-appointment",
                hint=Text(
                    "validera programmets data först (ledarskap.validate)",
                    "validate the program data first (ledarskap.validate)",
                ),
            )
            return None

    # The instance ---------------------------------------------------------------------

    def read(self) -> Instance:  # noqa: PLR0912, PLR0915 - one pass over every input, in order
        options, data, cohort = self.options, self.data, self.cohort
        mentor_ids = sorted(self.mentor_records)
        mentor_of = _first_of(data.mentors)
        cohort_of = _first_of(data.cohorts)
        everyone = _first_of(data.participants)

        current: dict[str, Mentorship] = {}  # participant -> their pairing in this cohort
        earlier: set[tuple[str, str]] = set()  # (adept person, mentor person)
        links: set[tuple[str, str]] = set()
        for mentorship in data.mentorships:
            mentor = mentor_of.get(mentorship.mentor_id)
            participant = everyone.get(mentorship.participant_id)
            if mentor is None or participant is None:
                continue  # a dangling reference: validate() reports it
            status = mentorship.status
            pair = (participant.person_id, mentor.person_id)
            if mentor.cohort_id == cohort.id:
                if participant.id not in self.participants:
                    continue  # a participant of another cohort: validate() reports it
                if status in _PAIRED:
                    current[participant.id] = mentorship
                elif status is MentorshipStatus.ENDED_EARLY:
                    earlier.add(pair)
                continue
            other = cohort_of.get(mentor.cohort_id)
            if other is None or other.start >= cohort.start or status is MentorshipStatus.PROPOSED:
                continue
            earlier.add(pair)
            try:
                adept_place = data.municipality_of(participant)
            except LedarskapError:
                continue
            links.add((mentor.municipality.code, adept_place.code))

        # The adepts to pair.
        if options.adepts is None:
            chosen = [
                p.id
                for p in self.participants.values()
                if p.status is not ParticipantStatus.WITHDRAWN and p.id not in current
            ]
        else:
            chosen = []
            for index, adept_id in enumerate(options.adepts):
                path = _path("adepts", index)
                if not self.adept_known(adept_id, "adepts", index):
                    continue
                if self.participants[adept_id].status is ParticipantStatus.WITHDRAWN:
                    self.problems.add(
                        path,
                        Text(
                            f"förväntade en deltagare som deltar, fick {safe_repr(adept_id)}, "
                            "avbruten",
                            f"expected a participant taking part, found {safe_repr(adept_id)}, withdrawn",
                        ),
                    )
                elif adept_id in chosen:
                    self.problems.add(
                        path,
                        Text(
                            f"{safe_repr(adept_id)} är angiven två gånger",
                            f"{safe_repr(adept_id)} is named twice",
                        ),
                        "repeated",
                    )
                else:
                    chosen.append(adept_id)
        to_pair = set(chosen)
        repaired = frozenset(to_pair & current.keys())

        # Capacities and availability.
        capacities = {m.id: m.capacity for m in self.mentor_records.values()}
        for mentor_id, places in sorted(options.capacities.items()):
            path = _path("capacities", mentor_id)
            if self.mentor_known(mentor_id, "capacities", mentor_id):
                if places < 1:
                    self.problems.add(
                        path,
                        Text(
                            f"förväntade minst 1 plats för {safe_repr(mentor_id)}, "
                            f"fick {safe_repr(places)} "
                            "(ange mentorn i `unavailable` för att ta den ur parningen)",
                            f"expected at least 1 place for {safe_repr(mentor_id)}, found {safe_repr(places)} "
                            "(to take a mentor out of the pairing, name it in `unavailable`)",
                        ),
                        "capacity",
                    )
                else:
                    capacities[mentor_id] = places
        unavailable = set()
        for index, mentor_id in enumerate(options.unavailable):
            if self.mentor_known(mentor_id, "unavailable", index):
                unavailable.add(mentor_id)

        fixed: defaultdict[str, list[Municipality]] = defaultdict(list)
        for participant_id, mentorship in sorted(current.items()):
            if participant_id not in to_pair:
                place = self.municipality_of(self.participants[participant_id])
                if place is not None:
                    fixed[mentorship.mentor_id].append(place)

        adepts: dict[str, Adept] = {}
        for adept_id in sorted(to_pair):
            participant = self.participants[adept_id]
            place = self.municipality_of(participant)
            if place is not None:
                adepts[adept_id] = Adept(adept_id, participant.person_id, place)

        # Sparse rules.
        removed: defaultdict[tuple[str, str], set[HardRule]] = defaultdict(set)
        for adept_id, mentor_id in self.pairs_known("conflicts", options.conflicts):
            removed[adept_id, mentor_id].add(HardRule.CONFLICT)
        for adept_id, mentor_id in self.pairs_known("bans", options.bans):
            removed[adept_id, mentor_id].add(HardRule.BANNED)
        if options.forbid_earlier_pairs:
            by_person: defaultdict[str, list[str]] = defaultdict(list)
            for mentor in self.mentor_records.values():
                by_person[mentor.person_id].append(mentor.id)
            paired_with: defaultdict[str, list[str]] = defaultdict(list)
            for adept_person, mentor_person in sorted(earlier):
                paired_with[adept_person].append(mentor_person)
            for adept in adepts.values():
                for mentor_person in paired_with.get(adept.person_id, ()):
                    for mentor_id in by_person.get(mentor_person, ()):
                        removed[adept.id, mentor_id].add(HardRule.EARLIER_PAIR)

        wishes: dict[tuple[str, str], float] = {}
        for adept_id, wished in sorted(options.wishes.items()):
            if not self.adept_known(adept_id, "wishes", adept_id):
                continue
            for rank, mentor_id in enumerate(wished):
                if not self.mentor_known(mentor_id, "wishes", adept_id, rank):
                    continue
                if (adept_id, mentor_id) in wishes:
                    self.problems.add(
                        _path("wishes", adept_id, rank),
                        Text(f"{mentor_id!r} önskas två gånger", f"{mentor_id!r} is wished twice"),
                        "repeated",
                    )
                    continue
                wishes[adept_id, mentor_id] = 1 - rank / len(wished)

        pins = self.pins(to_pair, adepts, removed, unavailable)
        mentors = []
        for mentor_id in mentor_ids:
            mentor = self.mentor_records[mentor_id]
            free_places = capacities[mentor_id] - len(fixed[mentor_id])
            pinned_here = [a for a, m in pins if m == mentor_id]
            if len(pinned_here) > free_places:
                self.problems.add(
                    "MatchingOptions.pins",
                    Text(
                        f"{len(pinned_here)} adepter låsta till {mentor_id!r} "
                        f"({', '.join(pinned_here)}), men den har {max(free_places, 0)} "
                        f"{'ledig plats' if free_places == 1 else 'lediga platser'}",
                        f"{len(pinned_here)} adepts pinned to {mentor_id!r} "
                        f"({', '.join(pinned_here)}), but it has {max(free_places, 0)} free "
                        f"place{'' if free_places == 1 else 's'}",
                    ),
                    "pins-over-capacity",
                )
            available = mentor_id not in unavailable
            mentors.append(
                MentorPlaces(
                    id=mentor_id,
                    person_id=mentor.person_id,
                    municipality=mentor.municipality,
                    capacity=capacities[mentor_id],
                    available=available,
                    fixed=(*fixed[mentor_id], *(adepts[a].municipality for a in pinned_here)),
                    held=len(fixed[mentor_id]),
                    places=max(free_places - len(pinned_here), 0) if available else 0,
                )
            )
        self.problems.raise_if_any(ProblemsError, _CANNOT_PAIR)

        pinned_ids = {a for a, _ in pins}
        free = [adepts[a] for a in sorted(adepts) if a not in pinned_ids]
        # More places than adepts to pair change nothing: one more than them is as good,
        # and a capacity of millions would otherwise be as many columns of the solver.
        most = len(free) + 1
        mentors = [attrs.evolve(m, places=min(m.places, most)) for m in mentors]
        return Instance(
            cohort=cohort,
            adepts=tuple(free),
            pinned=tuple((adepts[a], m) for a, m in pins),
            mentors=tuple(mentors),
            removed={pair: frozenset(rules) for pair, rules in removed.items()},
            wishes=wishes,
            links=frozenset(links),
            repaired=repaired,
        )

    def pins(
        self,
        to_pair: set[str],
        adepts: Mapping[str, Adept],
        removed: Mapping[tuple[str, str], set[HardRule]],
        unavailable: set[str],
    ) -> list[tuple[str, str]]:
        """The pins, each checked against the rules and the other pins."""
        pins: list[tuple[str, str]] = []
        pinned: dict[str, int] = {}
        for index, (adept_id, mentor_id) in enumerate(self.options.pins):
            path = _path("pins", index)
            adept_ok = self.adept_known(adept_id, "pins", index)
            if not (self.mentor_known(mentor_id, "pins", index) and adept_ok):
                continue
            if adept_id not in to_pair:
                self.problems.add(
                    path,
                    Text(
                        f"{adept_id!r} är inte bland adepterna att para "
                        "(redan parad eller avbruten: ange den i `adepts` för att para om den)",
                        f"{adept_id!r} is not among the adepts to pair "
                        "(paired already or withdrawn: name it in `adepts` to re-pair it)",
                    ),
                    "pin-not-pairing",
                )
                continue
            if adept_id in pinned:
                self.problems.add(
                    path,
                    Text(
                        f"{adept_id!r} är låst två gånger: till "
                        f"{self.options.pins[pinned[adept_id]][1]!r} "
                        f"(pins[{pinned[adept_id]}]) och till {mentor_id!r}",
                        f"{adept_id!r} is pinned twice: to "
                        f"{self.options.pins[pinned[adept_id]][1]!r} "
                        f"(pins[{pinned[adept_id]}]) and to {mentor_id!r}",
                    ),
                    "pin-twice",
                )
                continue
            mentor: Mentor = self.mentor_records[mentor_id]
            against = sorted(removed.get((adept_id, mentor_id), ()), key=lambda r: r.value)
            if adept_id in adepts and adepts[adept_id].municipality == mentor.municipality:
                against.insert(0, HardRule.OWN_MUNICIPALITY)
            if mentor_id in unavailable:
                against.append(HardRule.UNAVAILABLE)
            if against:
                rules = {
                    language: ", ".join(rule.label(language) for rule in against)
                    for language in ("sv", "en")
                }
                self.problems.add(
                    path,
                    Text(
                        f"låsningen ({adept_id!r}, {mentor_id!r}) strider mot en fast regel: "
                        f"{rules['sv']}",
                        f"the pin ({adept_id!r}, {mentor_id!r}) contradicts a hard rule: "
                        f"{rules['en']}",
                    ),
                    "pin-contradicts-rule",
                )
                continue
            pinned[adept_id] = index
            if adept_id in adepts:
                pins.append((adept_id, mentor_id))
        return pins
