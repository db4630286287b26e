"""Build the example program: one realistic, fictional cohort of *Ledarskap i kommuner*.

The municipalities, positions, nämnder and the organiser are real; every person is
fictional (names made up, e-mail addresses under the reserved ``.example`` domain, no
personnummer). The cohort, 2025/26, has 19 collaborating municipalities of Östergötland and
neighbouring counties, each with its kommunchef as mentor; 25 participants in the target
group's positions, each mentored by the kommunchef of another municipality; five support
groups; seven sessions over about a year (three internat at a kursgård, three träffar at
Campus Norrköping and an online återträff); 5–7 mentor meetings per pair; and 31
applications, of which some should not be eligible (a kommunchef, an enhetschef, a manager
from a municipality outside the cohort, one with facts missing).

``build()`` is deterministic. Run the file to write ``src/ledarskap/data/example-program.json``
(what :func:`ledarskap.example_program` loads) with the library's own :func:`ledarskap.dump`::

    python examples/build_example_program.py [PATH]
"""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path

import ledarskap
from ledarskap import (
    Activity,
    Aim,
    Application,
    ApplicationStatus,
    Appointment,
    Cohort,
    Collaboration,
    Discipline,
    EndedBy,
    Grounding,
    Level,
    MeetingKind,
    MeetingStatus,
    Mentor,
    MentorMeeting,
    Mentorship,
    MentorshipStatus,
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
    county,
    municipality,
)

D = dt.date
NAMND, KS, STYRELSE = (
    PoliticalBodyKind.NAMND,
    PoliticalBodyKind.KOMMUNSTYRELSE,
    PoliticalBodyKind.STYRELSE,
)
ADMIN, CENTRAL, COMPANY = (
    OrganisationKind.ADMINISTRATION,
    OrganisationKind.CENTRAL_ADMINISTRATION,
    OrganisationKind.MUNICIPAL_COMPANY,
)

COHORT_ID = "liko-2025"
START, END = D(2025, 9, 15), D(2026, 9, 30)
DEADLINE = D(2025, 5, 31)

KURSGARD = Venue(name="Kursgården vid Roxen", municipality="Linköping", address="Roxenvägen 40")
CAMPUS = Venue(
    name="Campus Norrköping, Linköpings universitet",
    municipality="Norrköping",
    address="Bredgatan 33",
)


def program() -> Program:
    """The program with its organiser, purposes and the two themes of its public pages."""
    cks = Organiser(
        name="CKS",
        full_name="Centrum för kommunstrategiska studier",
        university="Linköpings universitet",
        site="Campus Norrköping",
        partner_municipalities=county("05").municipalities,
        partner_regions=["Region Östergötland"],
    )
    overall = Purpose(
        kind=PurposeKind.OVERALL,
        sv=(
            "Att stödja och utveckla ledarskapet i kommunerna och östgötaregionen med omnejd, "
            "genom en ökad medvetenhet om samspelet mellan individ, grupp, organisation och "
            "samhälle; ett verktyg för kommunernas förmåga att skapa en långsiktigt hållbar "
            "utveckling."
        ),
        en=(
            "To support and develop leadership in the municipalities and the Östergötland "
            "region and surroundings, by raising awareness of the interplay between "
            "individual, group, organisation and society; a tool for the municipalities' "
            "ability to create long-term sustainable development."
        ),
        aims=frozenset({Aim.SUSTAINABLE_DEVELOPMENT}),
        levels=frozenset(Level),
    )
    specific = Purpose(
        kind=PurposeKind.SPECIFIC,
        sv=(
            "Att kommunala chefer utvecklar det personliga ledarskapet, den egna förmågan till "
            "omvärldsanalys och rollen som samhällsspanare och samhällsutvecklare, med ökad "
            "självkännedom för att bättre samspela med medborgare, tjänstemän, politiker och "
            "det omgivande samhället."
        ),
        en=(
            "That municipal managers develop their personal leadership, their capacity for "
            "environmental scanning and their role as society scout and community developer, "
            "with greater self-knowledge to interact better with citizens, officials, "
            "politicians and the surrounding society."
        ),
        aims=frozenset(
            {
                Aim.PERSONAL_LEADERSHIP,
                Aim.ENVIRONMENTAL_SCANNING,
                Aim.SOCIETY_SCOUT,
                Aim.COMMUNITY_DEVELOPER,
                Aim.SELF_KNOWLEDGE,
            }
        ),
        levels=frozenset({Level.INDIVIDUAL}),
        stakeholders=frozenset(Stakeholder),
    )
    personal = Theme(
        id="personligt-ledarskap",
        sv="Personligt ledarskap i kommunal kontext",
        en="Personal leadership in a municipal context",
        grounding=frozenset({Grounding.SCIENCE, Grounding.PROVEN_EXPERIENCE}),
        disciplines=frozenset({Discipline.BEHAVIOURAL_SCIENCE}),
        perspectives=frozenset({Perspective.FEELING, Perspective.INTELLECT}),
        levels=frozenset({Level.INDIVIDUAL, Level.GROUP, Level.ORGANISATION}),
        topics=[
            "feedback",
            "konflikter",
            "grupprocesser",
            "kontakt- och försvarsmekanismer",
            "organisationskultur",
        ],
    )
    society = Theme(
        id="omvarld-samhalle-kommun",
        sv="Omvärlden, samhället och kommunen",
        en="The surrounding world, society and the municipality",
        grounding=frozenset({Grounding.SCIENCE, Grounding.PROVEN_EXPERIENCE}),
        disciplines=frozenset({Discipline.SOCIAL_SCIENCE}),
        perspectives=frozenset({Perspective.INTELLECT, Perspective.SURROUNDING_WORLD}),
        levels=frozenset({Level.ORGANISATION, Level.SOCIETY}),
        topics=[
            "värderingar",
            "genus",
            "politiskt styrda organisationer",
            "samhällsförändring",
            "omvärldsanalys",
        ],
    )
    return Program(
        id="liko",
        name="Ledarskap i kommuner",
        short_name="LiKO",
        organiser=cks,
        description_sv=(
            "En utbildning för högre kommunala chefer som söker kunskapsutveckling och "
            "erfarenhetsutbyte, byggd på vetenskap och beprövad erfarenhet."
        ),
        description_en=(
            "An education program for senior municipal managers who seek knowledge "
            "development and exchange of experience, built on science and proven experience."
        ),
        grounding=frozenset({Grounding.SCIENCE, Grounding.PROVEN_EXPERIENCE}),
        perspectives=frozenset(Perspective),
        purposes=[overall, specific],
        themes=[personal, society],
    )


# The collaborating municipalities: code, the kommunchef's (fictional) name, the title the
# municipality uses, the year they took office, and how many adepts they mentor.
CHIEFS = [
    ("0580", "Gunilla", "Ahlström", "Kommundirektör", 2019, 2),
    ("0581", "Thomas", "Lindell", "Kommundirektör", 2021, 2),
    ("0583", "Katarina", "Wiklund", "Kommundirektör", 2018, 2),
    ("0586", "Stefan", "Boman", "Kommunchef", 2020, 2),
    ("0562", "Annika", "Rehn", "Kommunchef", 2022, 2),
    ("0582", "Mats", "Eriksson", "Kommunchef", 2017, 1),
    ("0584", "Ulrika", "Hammar", "Kommunchef", 2023, 1),
    ("0563", "Peter", "Sund", "Kommunchef", 2019, 1),
    ("0561", "Jenny", "Karlberg", "Kommunchef", 2021, 1),
    ("0513", "Hans", "Lövgren", "Kommunchef", 2016, 1),
    ("0512", "Marie", "Fagerlund", "Kommunchef", 2020, 1),
    ("0560", "Ola", "Bergendahl", "Kommunchef", 2022, 1),
    ("0509", "Camilla", "Ståhl", "Kommunchef", 2018, 1),
    ("0480", "Jan", "Östlund", "Kommundirektör", 2019, 2),
    ("0483", "Birgitta", "Moberg", "Kommundirektör", 2021, 1),
    ("0687", "Patrik", "Hallin", "Kommunchef", 2020, 1),
    ("0883", "Susanne", "Granath", "Kommundirektör", 2017, 2),
    ("0884", "Claes", "Wester", "Kommunchef", 2023, 1),
    ("1882", "Elin", "Thorén", "Kommunchef", 2022, 1),
]

# Participants: name, municipality, title, organisation, organisation kind, the political
# bodies they report to, staff function, start in the position, and the municipality whose
# kommunchef mentors them (never their own).
PARTICIPANTS: list[
    tuple[
        str,
        str,
        str,
        str,
        str,
        OrganisationKind,
        list[tuple[str, PoliticalBodyKind]],
        StaffFunction | None,
        dt.date,
        str,
    ]
] = [
    ("Anna", "Berglund", "0580", "Förvaltningschef, socialförvaltningen", "Socialförvaltningen", ADMIN, [("Socialnämnden", NAMND)], None, D(2021, 3, 1), "0581"),
    ("Erik", "Sandell", "0580", "Ekonomidirektör", "Kommunledningskontoret", CENTRAL, [], StaffFunction.FINANCE, D(2019, 8, 15), "0583"),
    ("Maria", "Lindahl", "0580", "Vd, bostadsbolaget", "Kommunala Bostadsbolaget AB", COMPANY, [("Styrelsen för Kommunala Bostadsbolaget AB", STYRELSE)], None, D(2020, 1, 1), "0480"),
    ("Johan", "Falkner", "0581", "Utbildningsdirektör", "Utbildningsförvaltningen", ADMIN, [("Barn- och ungdomsnämnden", NAMND), ("Gymnasienämnden", NAMND)], None, D(2022, 6, 1), "0580"),
    ("Karin", "Nordell", "0581", "HR-direktör", "Kommunledningskontoret", CENTRAL, [], StaffFunction.HR, D(2018, 4, 1), "0562"),
    ("Lars", "Öhman", "0581", "Strateg i kommunledningen", "Kommunledningskontoret", CENTRAL, [("Kommunstyrelsen", KS)], StaffFunction.STRATEGY, D(2020, 9, 1), "0582"),
    ("Sara", "Grönvall", "0583", "Samhällsbyggnadschef", "Samhällsbyggnadsförvaltningen", ADMIN, [("Samhällsbyggnadsnämnden", NAMND)], None, D(2021, 2, 1), "0586"),
    ("Per", "Hedberg", "0583", "IT-chef", "Kommunledningsförvaltningen", CENTRAL, [], StaffFunction.IT, D(2017, 10, 1), "0580"),
    ("Helena", "Ekdahl", "0586", "Socialchef", "Socialförvaltningen", ADMIN, [("Socialnämnden", NAMND)], None, D(2019, 1, 7), "0583"),
    ("Mikael", "Strömberg", "0586", "Kontorschef, miljö- och byggkontoret", "Miljö- och byggkontoret", ADMIN, [("Miljö- och byggnämnden", NAMND)], None, D(2022, 3, 1), "0584"),
    ("Cecilia", "Wahlgren", "0562", "Sektorchef, sektor vård och omsorg", "Sektor vård och omsorg", ADMIN, [("Vård- och omsorgsnämnden", NAMND)], None, D(2020, 5, 1), "0581"),
    ("Fredrik", "Almqvist", "0582", "Kultur- och fritidschef", "Kultur- och fritidsförvaltningen", ADMIN, [("Kultur- och fritidsnämnden", NAMND)], None, D(2023, 1, 9), "0563"),
    ("Linnea", "Sjödin", "0584", "Ekonomichef", "Kommunledningskontoret", CENTRAL, [], StaffFunction.FINANCE, D(2021, 8, 16), "0509"),
    ("Magnus", "Borg", "0563", "Avdelningschef, individ- och familjeomsorg", "Socialförvaltningen", ADMIN, [("Socialnämnden", NAMND)], None, D(2018, 9, 1), "0561"),
    ("Ingrid", "Tengvall", "0561", "Personalchef", "Kommunledningskontoret", CENTRAL, [], StaffFunction.HR, D(2016, 2, 1), "0513"),
    ("Oskar", "Lindblad", "0513", "Skolchef", "Barn- och utbildningsförvaltningen", ADMIN, [("Barn- och utbildningsnämnden", NAMND)], None, D(2022, 8, 1), "0512"),
    ("Malin", "Eklöf", "0560", "Kanslichef", "Kommunledningskontoret", CENTRAL, [("Kommunstyrelsen", KS)], StaffFunction.LEGAL, D(2019, 3, 1), "0586"),
    ("Henrik", "Ryd", "0509", "Områdeschef, äldreomsorgen", "Vård- och omsorgsförvaltningen", ADMIN, [("Socialnämnden", NAMND)], None, D(2020, 11, 1), "0560"),
    ("Åsa", "Lundmark", "0480", "Förvaltningschef, vård- och omsorgsförvaltningen", "Vård- och omsorgsförvaltningen", ADMIN, [("Vård- och omsorgsnämnden", NAMND)], None, D(2021, 4, 1), "0483"),
    ("Björn", "Kjellberg", "0480", "Kommunikationsdirektör", "Kommunledningskontoret", CENTRAL, [], StaffFunction.COMMUNICATIONS, D(2018, 1, 15), "0883"),
    ("Sofia", "Rosén", "0483", "Näringslivschef", "Kommunledningsförvaltningen", CENTRAL, [], StaffFunction.BUSINESS, D(2023, 2, 1), "0562"),
    ("Göran", "Hägg", "0687", "Teknisk chef", "Tekniska förvaltningen", ADMIN, [("Tekniska nämnden", NAMND)], None, D(2017, 6, 1), "0884"),
    ("Emma", "Wennberg", "0883", "Vd, energibolaget", "Kommunala Energibolaget AB", COMPANY, [("Styrelsen för Kommunala Energibolaget AB", STYRELSE)], None, D(2022, 1, 1), "0687"),
    ("Tobias", "Nyqvist", "0883", "Digitaliseringschef", "Kommunledningsförvaltningen", CENTRAL, [], StaffFunction.IT, D(2024, 1, 1), "0480"),
    ("Lena", "Håkansson", "0884", "Utvecklingsstrateg i kommunledningen", "Kommunledningskontoret", CENTRAL, [("Kommunstyrelsen", KS)], StaffFunction.STRATEGY, D(2019, 10, 1), "0883"),
]  # fmt: skip

# The 13th participant (by list order) left the program in April 2026.
WITHDRAWN = {13: D(2026, 4, 30)}

GROUPS = ["Roxen", "Glan", "Boren", "Sommen", "Vättern"]

# The dates mentor pairs meet around; each pair uses 5–7 of them, a few days apart.
MEETING_DATES = [
    (D(2025, 10, 8), MeetingKind.IN_PERSON),
    (D(2025, 11, 19), MeetingKind.WORKPLACE_VISIT),
    (D(2026, 1, 14), MeetingKind.ONLINE),
    (D(2026, 2, 5), MeetingKind.AT_SESSION),
    (D(2026, 3, 11), MeetingKind.IN_PERSON),
    (D(2026, 4, 22), MeetingKind.PHONE),
    (D(2026, 6, 10), MeetingKind.IN_PERSON),
]
MEETING_NOTES = [
    "Förväntningar och upplägg för mentorskapet",
    "Besök på mentorns kommunledningskontor",
    "Att leda genom andra chefer",
    "Reflektion efter internatet",
    "Samspelet med den politiska ledningen",
    "Budgetprocessen och prioriteringar",
    "Vad tar jag med mig? Avslutande samtal",
]


def _email(given: str, family: str, code: str) -> str:
    def ascii_(text: str) -> str:
        folded = unicodedata.normalize("NFKD", text.casefold())
        return "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch == "-"))

    return f"{ascii_(given)}.{ascii_(family)}@{ascii_(municipality(code).name)}.example"


def sessions() -> list[Session]:
    """Seven sessions over the year: internat, träffar and an online återträff."""
    lectures = {Activity.LECTURE, Activity.SUPPORT_GROUP, Activity.REFLECTION}
    personal, society = "personligt-ledarskap", "omvarld-samhalle-kommun"
    return [
        Session(id="s1", kind=SessionKind.RESIDENTIAL, title="Uppstartsinternat: Att leda i en politiskt styrd organisation", start=D(2025, 9, 17), end=D(2025, 9, 19), venue=KURSGARD, theme_ids=[personal, society], activities=lectures | {Activity.MENTOR_MEETING}),
        Session(id="s2", kind=SessionKind.SESSION, title="Feedback, konflikter och grupprocesser", start=D(2025, 10, 23), venue=CAMPUS, theme_ids=[personal], activities=lectures),
        Session(id="s3", kind=SessionKind.SESSION, title="Värderingar och genus i kommunal verksamhet", start=D(2025, 12, 4), venue=CAMPUS, theme_ids=[society], activities=lectures),
        Session(id="s4", kind=SessionKind.RESIDENTIAL, title="Vinterinternat: Kontakt- och försvarsmekanismer, organisationskultur", start=D(2026, 2, 4), end=D(2026, 2, 6), venue=KURSGARD, theme_ids=[personal], activities=lectures | {Activity.MENTOR_MEETING}),
        Session(id="s5", kind=SessionKind.SESSION, title="Omvärldsanalys och samhällsförändring", start=D(2026, 3, 26), venue=CAMPUS, theme_ids=[society], activities=lectures),
        Session(id="s6", kind=SessionKind.RESIDENTIAL, title="Avslutningsinternat: Samhällsspanare och samhällsutvecklare", start=D(2026, 5, 20), end=D(2026, 5, 22), venue=KURSGARD, theme_ids=[personal, society], activities=lectures),
        Session(id="s7", kind=SessionKind.FOLLOW_UP, title="Digital återträff", start=D(2026, 9, 24), online=True, theme_ids=[society], activities={Activity.SUPPORT_GROUP, Activity.REFLECTION}),
    ]  # fmt: skip


def build() -> ProgramData:
    """The example program, the same on every call."""
    people: list[Person] = []
    appointments: list[Appointment] = []
    mentors: list[Mentor] = []
    collaborations: list[Collaboration] = []

    for code, given, family, title, year, capacity in CHIEFS:
        person_id = f"p-kc-{code}"
        people.append(
            Person(
                id=person_id,
                given_name=given,
                family_name=family,
                email=_email(given, family, code),
            )
        )
        appointments.append(
            Appointment(
                id=f"a-kc-{code}",
                person_id=person_id,
                municipality=code,
                organisation="Kommunledningskontoret",
                title=title,
                start=D(year, 3, 1),
                organisation_kind=CENTRAL,
                reports_to=[PoliticalBody(name="Kommunstyrelsen", kind=KS)],
            )
        )
        collaborations.append(
            Collaboration(municipality=code, chief_executive_id=person_id, mentor_capacity=capacity)
        )
        mentors.append(
            Mentor(
                id=f"mentor-{code}",
                person_id=person_id,
                cohort_id=COHORT_ID,
                municipality=code,
                capacity=capacity,
            )
        )

    participants: list[Participant] = []
    applications: list[Application] = []
    mentorships: list[Mentorship] = []
    meetings: list[MentorMeeting] = []
    for number, row in enumerate(PARTICIPANTS, start=1):
        given, family, code, title, organisation, kind, bodies, function, since, mentor_code = row
        ref = f"{number:03d}"
        person = Person(
            id=f"p-{ref}", given_name=given, family_name=family, email=_email(given, family, code)
        )
        job = Appointment(
            id=f"a-{ref}",
            person_id=person.id,
            municipality=code,
            organisation=organisation,
            title=title,
            start=since,
            organisation_kind=kind,
            reports_to=[PoliticalBody(name=name, kind=body) for name, body in bodies],
            staff_function=function,
        )
        application = _application(f"ans-{ref}", job, D(2025, 3, 3 + number))
        left = WITHDRAWN.get(number)
        participants.append(
            Participant(
                id=f"d-{ref}",
                person_id=person.id,
                cohort_id=COHORT_ID,
                appointment_id=job.id,
                status=ParticipantStatus.WITHDRAWN if left else ParticipantStatus.COMPLETED,
                application_id=application.id,
            )
        )
        people.append(person)
        appointments.append(job)
        applications.append(application)
        pair = Mentorship(
            id=f"ms-{ref}",
            mentor_id=f"mentor-{mentor_code}",
            participant_id=f"d-{ref}",
            start=D(2025, 9, 17),
        ).ended(END)
        if left:  # the adept left the program, which ended the mentorship early
            pair = pair.ended(
                left,
                MentorshipStatus.ENDED_EARLY,
                ended_by=EndedBy.ADEPT,
                reason="Adepten lämnade programmet.",
            )
        mentorships.append(pair)
        meetings.extend(_meetings(pair, number))

    # One participant changed jobs before the cohort: the earlier appointment has ended.
    appointments.append(
        Appointment(
            id="a-024-earlier",
            person_id="p-024",
            municipality="0884",
            organisation="Kommunledningskontoret",
            title="IT-chef",
            start=D(2018, 5, 1),
            end=D(2023, 12, 31),
            organisation_kind=CENTRAL,
            staff_function=StaffFunction.IT,
        )
    )
    askersund = next(job for job in appointments if job.id == "a-kc-1882")
    others = _other_applicants(askersund)
    people += others[0]
    appointments += others[1]
    applications += others[2]

    groups = [
        SupportGroup(
            id=f"g-{index + 1}",
            name=f"Stödgrupp {name}",
            participant_ids=[p.id for p in participants[index :: len(GROUPS)]],
        )
        for index, name in enumerate(GROUPS)
    ]
    cohort = Cohort(
        id=COHORT_ID,
        program_id="liko",
        name="Omgång 2025/26",
        start=START,
        end=END,
        application_deadline=DEADLINE,
        capacity=26,
        venue=KURSGARD,
        collaborations=collaborations,
        support_groups=groups,
        sessions=sessions(),
    )
    return ProgramData(
        program=program(),
        people=tuple(people),
        appointments=tuple(appointments),
        cohorts=(cohort,),
        participants=tuple(participants),
        mentors=tuple(mentors),
        mentorships=tuple(mentorships),
        meetings=tuple(meetings),
        applications=tuple(applications),
    )


def _application(
    application_id: str,
    job: Appointment,
    submitted: dt.date,
    status: ApplicationStatus = ApplicationStatus.ADMITTED,
) -> Application:
    return Application.from_appointment(
        job, application_id=application_id, cohort_id=COHORT_ID, submitted=submitted, status=status
    )


def _meetings(pair: Mentorship, number: int) -> list[MentorMeeting]:
    """5–7 meetings a few days around the common dates, inside the mentorship."""
    count = 5 + number % 3
    # Always the first and the last; of the five between, leave out 7 - count.
    dropped = {1 + (number + step) % 5 for step in (0, 2)[: 7 - count]}
    chosen = [meeting for i, meeting in enumerate(MEETING_DATES) if i not in dropped]
    result = []
    for index, (day, kind) in enumerate(chosen, start=1):
        on = day if kind is MeetingKind.AT_SESSION else day + dt.timedelta(days=number % 4)
        if not pair.active_on(on):
            continue
        result.append(
            MentorMeeting(
                id=f"mm-{number:03d}-{index}",
                mentorship_id=pair.id,
                on=on,
                kind=kind,
                status=MeetingStatus.CANCELLED if (number, index) == (7, 3) else MeetingStatus.HELD,
                duration_minutes=60 if kind is MeetingKind.PHONE else 90,
                notes=MEETING_NOTES[MEETING_DATES.index((day, kind))],
            )
        )
    return result


def _other_applicants(
    chief: Appointment,
) -> tuple[list[Person], list[Appointment], list[Application]]:
    """Applicants who were not admitted, most of them not eligible."""
    people: list[Person] = []
    jobs: list[Appointment] = []
    applications: list[Application] = []

    def applicant(ref: str, given: str, family: str, code: str, **job: object) -> Appointment:
        person = Person(
            id=f"p-{ref}", given_name=given, family_name=family, email=_email(given, family, code)
        )
        people.append(person)
        appointment = Appointment(id=f"a-{ref}", person_id=person.id, municipality=code, **job)  # type: ignore[arg-type]
        jobs.append(appointment)
        return appointment

    # An enhetschef: first-line management, outside the target group.
    job = applicant(
        "101",
        "Jonas",
        "Ekholm",
        "0580",
        organisation="Vård- och omsorgsförvaltningen",
        title="Enhetschef, hemtjänsten",
        start=D(2020, 2, 1),
    )
    applications.append(_application("ans-101", job, D(2025, 4, 2), ApplicationStatus.REJECTED))
    # A förvaltningschef from Jönköping, which does not collaborate in the cohort.
    job = applicant(
        "102",
        "Eva",
        "Lindgren",
        "0680",
        organisation="Socialförvaltningen",
        title="Förvaltningschef, socialförvaltningen",
        start=D(2019, 9, 1),
        reports_to=[PoliticalBody(name="Socialnämnden", kind=NAMND)],
    )
    applications.append(_application("ans-102", job, D(2025, 4, 14), ApplicationStatus.REJECTED))
    # An avdelningschef in Norrköping: eligible, on the waiting list.
    job = applicant(
        "103",
        "Anders",
        "Nyman",
        "0581",
        organisation="Kultur- och fritidskontoret",
        title="Avdelningschef, bibliotek och kulturarv",
        start=D(2021, 1, 1),
        reports_to=[PoliticalBody(name="Kultur- och fritidsnämnden", kind=NAMND)],
    )
    applications.append(_application("ans-103", job, D(2025, 5, 20), ApplicationStatus.WAITLISTED))
    # A kontorschef in Mjölby who withdrew the application.
    job = applicant(
        "104",
        "Ida",
        "Carlsson",
        "0586",
        organisation="Kommunledningskontoret",
        title="Kanslichef",
        start=D(2023, 4, 1),
        organisation_kind=CENTRAL,
        staff_function=StaffFunction.LEGAL,
    )
    applications.append(_application("ans-104", job, D(2025, 5, 5), ApplicationStatus.WITHDRAWN))
    # Askersund's kommunchef: a mentor of the program, not a participant.
    applications.append(_application("ans-105", chief, D(2025, 3, 28), ApplicationStatus.REJECTED))
    # An application from Motala with the position and political bodies left out.
    people.append(
        Person(
            id="p-106",
            given_name="Rebecka",
            family_name="Holmström",
            email=_email("Rebecka", "Holmström", "0583"),
        )
    )
    applications.append(
        Application(
            id="ans-106",
            person_id="p-106",
            cohort_id=COHORT_ID,
            submitted=D(2025, 5, 30),
            municipality="0583",
            organisation="Vård- och omsorgsförvaltningen",
        )
    )
    return people, jobs, applications  # fmt: skip


def main(argv: list[str]) -> int:
    """Write the example program as JSON (to *argv[0]*, or the package's data file)."""
    default = Path(__file__).parent.parent / "src" / "ledarskap" / "data" / "example-program.json"
    path = Path(argv[0]) if argv else default
    ledarskap.dump(build(), path)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
