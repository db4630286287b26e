"""A realistic, deterministic ProgramData of any size, built fast with plain constructors.

Shared by the benchmarks. ``program_data(n)`` gives *n* participants in cohorts of about
25, each participant with a person (valid personnummer), one or two appointments, an
application, a mentorship with a kommunchef of another collaborating municipality, and a
few mentor meetings. The same *n* and *seed* always give the same data.
"""

from __future__ import annotations

import datetime as dt
import functools
import random

from ledarskap import (
    Activity,
    Aim,
    Application,
    ApplicationStatus,
    Appointment,
    Cohort,
    Collaboration,
    Discipline,
    Grounding,
    Level,
    MeetingKind,
    MeetingStatus,
    Mentor,
    MentorMeeting,
    Mentorship,
    Municipality,
    OrganisationKind,
    Organiser,
    Participant,
    ParticipantStatus,
    Person,
    Perspective,
    PoliticalBody,
    PoliticalBodyKind,
    Program,
    ProgramData,
    Purpose,
    PurposeKind,
    Session,
    SessionKind,
    StaffFunction,
    Stakeholder,
    SupportGroup,
    Theme,
    Venue,
    all_municipalities,
    match_title,
    program_region_counties,
)

__all__ = ["COHORT_SIZE", "personnummer", "program", "program_data"]

COHORT_SIZE = 25
"""Participants per cohort, as in the real program."""

MEETINGS_PER_MENTORSHIP = 3

_GIVEN = (  # noqa: SIM905
    "Anna Eva Maria Karin Sara Lena Kerstin Emma Ingrid Malin Johanna Linnea Sofia Helena "
    "Erik Lars Karl Anders Johan Per Nils Mikael Jan Hans Peter Olof Gustav Fredrik Magnus"
).split()
_FAMILY = (  # noqa: SIM905
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
    "Pettersson Jonsson Jansson Hansson Bengtsson Lindberg Lindström Lindqvist Berg Åberg "
    "Axelsson Sandberg Holm Forsberg Sjöberg Wallin Engström Danielsson Lundgren Nyström"
).split()
_ASCII = str.maketrans("åäöÅÄÖé", "aaoAAOe")

# Titles as people write them, each matching a catalog position (or none, for the last).
_TITLES = (
    ("Förvaltningschef, socialförvaltningen", "Socialförvaltningen", "namnd"),
    ("Skolchef", "Utbildningsförvaltningen", "namnd"),
    ("Samhällsbyggnadschef", "Samhällsbyggnadsförvaltningen", "namnd"),
    ("Kontorschef, kultur- och fritidskontoret", "Kultur- och fritidskontoret", "namnd"),
    ("Avdelningschef, vård och omsorg", "Vård- och omsorgsförvaltningen", None),
    ("Områdeschef hemtjänst", "Vård- och omsorgsförvaltningen", None),
    ("Verksamhetschef", "Socialförvaltningen", None),
    ("Ekonomidirektör", "Kommunledningskontoret", "staff"),
    ("HR-direktör", "Kommunledningskontoret", "staff"),
    ("Kommunikationschef", "Kommunledningskontoret", "staff"),
    ("IT-chef", "Kommunledningskontoret", "staff"),
    ("Strateg i kommunledningen", "Kommunledningskontoret", "staff"),
    ("VD", "Kommunens fastighetsbolag AB", "styrelse"),
    ("Enhetschef", "Socialförvaltningen", None),
)
_STAFF = {
    "Ekonomidirektör": StaffFunction.FINANCE,
    "HR-direktör": StaffFunction.HR,
    "Kommunikationschef": StaffFunction.COMMUNICATIONS,
    "IT-chef": StaffFunction.IT,
    "Strateg i kommunledningen": StaffFunction.STRATEGY,
}
_MEETING_KINDS = tuple(MeetingKind)
_PARTICIPANT_STATUSES = tuple(ParticipantStatus)
_VENUES = (("Vadstena Klosterhotell", "0584"), ("Säröhus", None), ("Mauritzberg", "0581"))


def personnummer(rng: random.Random) -> str:
    """A valid personnummer ``YYYYMMDD-NNNN`` of someone born 1955-1990 (Luhn check digit)."""
    year = rng.randint(1955, 1990)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    serial = rng.randint(0, 999)
    nine = f"{year % 100:02d}{month:02d}{day:02d}{serial:03d}"
    total = 0
    for index, char in enumerate(nine):
        digit = int(char) * (2 if index % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    check = (10 - total % 10) % 10
    return f"{year}{month:02d}{day:02d}-{serial:03d}{check}"


def program() -> Program:
    """The program, with its organiser, purposes and themes."""
    region = [m.code for c in program_region_counties() for m in c.municipalities]
    return Program(
        id="liko",
        name="Ledarskap i kommuner",
        short_name="LiKO",
        organiser=Organiser(
            name="CKS",
            full_name="Centrum för kommunstrategiska studier",
            university="Linköpings universitet",
            site="https://liu.se/cks",
            partner_municipalities=region[:20],
            partner_regions=("Region Östergötland",),
        ),
        description_sv="Ett ledarutvecklingsprogram för kommunala chefer.",
        description_en="A leadership development program for municipal managers.",
        grounding={Grounding.SCIENCE, Grounding.PROVEN_EXPERIENCE},
        perspectives=set(Perspective),
        purposes=[
            Purpose(
                kind=PurposeKind.OVERALL,
                sv="Att utveckla det personliga ledarskapet",
                en="To develop personal leadership",
                aims={Aim.PERSONAL_LEADERSHIP, Aim.SELF_KNOWLEDGE},
                levels={Level.INDIVIDUAL},
                stakeholders={Stakeholder.OFFICIALS},
            ),
            Purpose(
                kind=PurposeKind.SPECIFIC,
                sv="Att bli en samhällsbyggare",
                en="To become a community developer",
                aims={Aim.COMMUNITY_DEVELOPER, Aim.SUSTAINABLE_DEVELOPMENT},
                levels={Level.ORGANISATION, Level.SOCIETY},
                stakeholders={Stakeholder.CITIZENS, Stakeholder.POLITICIANS},
            ),
        ],
        themes=[
            Theme(
                id=f"t-{n}",
                sv=f"Tema {n}",
                en=f"Theme {n}",
                grounding={Grounding.SCIENCE},
                disciplines={Discipline.SOCIAL_SCIENCE, Discipline.BEHAVIOURAL_SCIENCE},
                perspectives={Perspective.FEELING, Perspective.INTELLECT},
                levels={Level.INDIVIDUAL, Level.GROUP},
                topics=("feedback", "konflikter", "grupprocesser"),
            )
            for n in range(1, 7)
        ],
    )


@functools.cache
def _region() -> tuple[Municipality, ...]:
    return tuple(m for c in program_region_counties() for m in c.municipalities)


def _email(given: str, family: str, number: int, place: Municipality) -> str:
    domain = place.name.lower().translate(_ASCII).replace(" ", "")
    return f"{given.lower()}.{family.lower()}{number}@{domain}.se".translate(_ASCII)


def program_data(n: int, *, seed: int = 2025) -> ProgramData:
    """A ProgramData with *n* participants, in cohorts of about :data:`COHORT_SIZE`."""
    rng = random.Random(seed)
    region = _region()
    everywhere = all_municipalities()
    positions = {title: match_title(title) for title, _, _ in _TITLES}
    venues = [Venue(name=name, municipality=code) for name, code in _VENUES]
    people: list[Person] = []
    appointments: list[Appointment] = []
    cohorts: list[Cohort] = []
    participants: list[Participant] = []
    mentors: list[Mentor] = []
    mentorships: list[Mentorship] = []
    meetings: list[MentorMeeting] = []
    applications: list[Application] = []

    # The kommunchefer of the region: the mentors, the same people in every cohort.
    for place in region:
        given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
        person_id = f"p-kc-{place.code}"
        people.append(
            Person(
                id=person_id,
                given_name=given,
                family_name=family,
                email=_email(given, family, 0, place),
                personnummer=personnummer(rng),
            )
        )
        appointments.append(
            Appointment(
                id=f"a-kc-{place.code}",
                person_id=person_id,
                municipality=place,
                organisation="Kommunledningskontoret",
                title="Kommunchef",
                start=dt.date(1998, 1, 1),
                organisation_kind=OrganisationKind.CENTRAL_ADMINISTRATION,
                reports_to=(
                    PoliticalBody(name="Kommunstyrelsen", kind=PoliticalBodyKind.KOMMUNSTYRELSE),
                ),
            )
        )

    number_of_cohorts = max(1, -(-n // COHORT_SIZE))
    first = dt.date(2000, 9, 1).toordinal()
    spread = dt.date(2030, 9, 1).toordinal() - first
    person_number = 0
    for c in range(number_of_cohorts):
        cohort_id = f"c-{c + 1:05d}"
        start = dt.date.fromordinal(first + spread * c // number_of_cohorts)
        end = start + dt.timedelta(days=300)
        deadline = start - dt.timedelta(days=60)
        size = min(COHORT_SIZE, n - c * COHORT_SIZE)
        collaborating = rng.sample(region, 13)
        cohort_mentors = []
        for place in collaborating:
            mentor = Mentor(
                id=f"mentor-{c + 1:05d}-{place.code}",
                person_id=f"p-kc-{place.code}",
                cohort_id=cohort_id,
                municipality=place,
                capacity=3,
            )
            mentors.append(mentor)
            cohort_mentors.append(mentor)
        sessions = [
            Session(
                id=f"s{k + 1}",
                kind=kind,
                title=title,
                start=start + dt.timedelta(days=offset),
                end=start + dt.timedelta(days=offset + days - 1),
                venue=None if kind is SessionKind.SESSION else rng.choice(venues),
                online=kind is SessionKind.SESSION and k % 2 == 1,
                theme_ids=(f"t-{k + 1}",),
                activities={Activity.LECTURE, Activity.SUPPORT_GROUP},
            )
            for k, (kind, title, offset, days) in enumerate(
                (
                    (SessionKind.RESIDENTIAL, "Uppstartsinternat", 9, 3),
                    (SessionKind.SESSION, "Träff 2", 60, 1),
                    (SessionKind.SESSION, "Träff 3", 120, 1),
                    (SessionKind.RESIDENTIAL, "Internat 2", 180, 2),
                    (SessionKind.FOLLOW_UP, "Återträff", 290, 1),
                )
            )
        ]
        ids = [f"d-{person_number + k + 1:06d}" for k in range(size)]
        cohorts.append(
            Cohort(
                id=cohort_id,
                program_id="liko",
                name=f"Omgång {c + 1}",
                number=c + 1,
                start=start,
                end=end,
                application_deadline=deadline,
                capacity=COHORT_SIZE,
                venue=rng.choice(venues),
                collaborations=[
                    Collaboration(
                        municipality=place,
                        chief_executive_id=f"p-kc-{place.code}",
                        mentor_capacity=3,
                    )
                    for place in collaborating
                ],
                support_groups=[
                    SupportGroup(
                        id=f"g{g + 1}", name=f"Stödgrupp {g + 1}", participant_ids=ids[g::5]
                    )
                    for g in range(min(5, size))
                ],
                sessions=sessions,
            )
        )
        load = dict.fromkeys((m.id for m in cohort_mentors), 0)
        for _ in range(size):
            person_number += 1
            i = person_number
            # Most participants come from collaborating municipalities, some from elsewhere.
            place = rng.choice(collaborating) if rng.random() < 0.9 else rng.choice(everywhere)
            given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
            person_id = f"p-{i:06d}"
            people.append(
                Person(
                    id=person_id,
                    given_name=given,
                    family_name=family,
                    email=_email(given, family, i, place),
                    phone=f"070-{rng.randint(1000000, 9999999)}" if rng.random() < 0.5 else None,
                    personnummer=personnummer(rng),
                )
            )
            title, organisation, reports = rng.choice(_TITLES)
            since = start - dt.timedelta(days=rng.randint(400, 4000))
            if rng.random() < 0.3:  # an earlier appointment, ended
                appointments.append(
                    Appointment(
                        id=f"a-{i:06d}-0",
                        person_id=person_id,
                        municipality=rng.choice(everywhere),
                        organisation="Socialförvaltningen",
                        title="Enhetschef",
                        start=since - dt.timedelta(days=1500),
                        end=since - dt.timedelta(days=1),
                        position=positions["Enhetschef"],
                    )
                )
            bodies: tuple[PoliticalBody, ...] = ()
            if reports == "namnd":
                bodies = (PoliticalBody(name="Socialnämnden", kind=PoliticalBodyKind.NAMND),)
            elif reports == "styrelse":
                bodies = (PoliticalBody(name="Bolagsstyrelsen", kind=PoliticalBodyKind.STYRELSE),)
            kind = (
                OrganisationKind.MUNICIPAL_COMPANY
                if reports == "styrelse"
                else OrganisationKind.CENTRAL_ADMINISTRATION
                if reports == "staff"
                else OrganisationKind.ADMINISTRATION
            )
            appointment_id = f"a-{i:06d}"
            appointments.append(
                Appointment(
                    id=appointment_id,
                    person_id=person_id,
                    municipality=place,
                    organisation=organisation,
                    title=title,
                    start=since,
                    position=positions[title],
                    organisation_kind=kind,
                    reports_to=bodies,
                    staff_function=_STAFF.get(title),
                )
            )
            application_id = f"ans-{i:06d}"
            applications.append(
                Application(
                    id=application_id,
                    person_id=person_id,
                    cohort_id=cohort_id,
                    submitted=deadline - dt.timedelta(days=rng.randint(0, 40)),
                    municipality=place,
                    organisation=organisation,
                    organisation_kind=kind,
                    title=title,
                    position=positions[title],
                    in_position_since=since,
                    reports_to=bodies,
                    leads_staff_function=title in _STAFF,
                    staff_function=_STAFF.get(title),
                    status=ApplicationStatus.ADMITTED,
                    appointment_id=appointment_id,
                )
            )
            participant_id = f"d-{i:06d}"
            participants.append(
                Participant(
                    id=participant_id,
                    person_id=person_id,
                    cohort_id=cohort_id,
                    appointment_id=appointment_id,
                    status=rng.choice(_PARTICIPANT_STATUSES),
                    application_id=application_id,
                )
            )
            # A mentor from another municipality, with room left.
            mentor = min(
                (m for m in cohort_mentors if m.municipality != place),
                key=lambda m: load[m.id],
            )
            load[mentor.id] += 1
            mentorship_id = f"ms-{i:06d}"
            mentorships.append(
                Mentorship(
                    id=mentorship_id,
                    mentor_id=mentor.id,
                    participant_id=participant_id,
                    start=start + dt.timedelta(days=11),
                    end=end,
                )
            )
            meetings.extend(
                MentorMeeting(
                    id=f"mm-{i:06d}-{j + 1}",
                    mentorship_id=mentorship_id,
                    on=start + dt.timedelta(days=30 + 80 * j + rng.randint(0, 20)),
                    kind=rng.choice(_MEETING_KINDS),
                    status=MeetingStatus.HELD if j < 2 else MeetingStatus.PLANNED,
                    duration_minutes=rng.choice((60, 90, 120)),
                    notes="Om att leda chefer" if j == 0 else "",
                )
                for j in range(MEETINGS_PER_MENTORSHIP)
            )
    return ProgramData(
        program=program(),
        people=people,
        appointments=appointments,
        cohorts=cohorts,
        participants=participants,
        mentors=mentors,
        mentorships=mentorships,
        meetings=meetings,
        applications=applications,
    )
