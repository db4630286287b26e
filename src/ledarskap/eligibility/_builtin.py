"""The built-in fields and predicates of the default registry, each defined once."""

from __future__ import annotations

import functools
from typing import Any

from ledarskap.model import Application, OrganisationKind, PoliticalBodyKind, PositionKind

from . import valuetypes as vt
from ._vocabulary import Argument, Checked, FieldSpec, PredicateRegistry, Texts
from .context import EvaluationContext


def _position(app: Application, ctx: EvaluationContext) -> str | None:
    p = app.position
    return None if p is None else p.slug


def _position_kind(app: Application, ctx: EvaluationContext) -> PositionKind | None:
    p = app.position
    return None if p is None else p.kind


def _organisation_kind(app: Application, ctx: EvaluationContext) -> OrganisationKind | None:
    return app.organisation_kind


def _staff_function(app: Application, ctx: EvaluationContext) -> Any:
    return app.staff_function


def _municipality(app: Application, ctx: EvaluationContext) -> str | None:
    m = app.municipality
    return None if m is None else m.code


def _county(app: Application, ctx: EvaluationContext) -> str | None:
    m = app.municipality
    return None if m is None else m.county.code


def _years_in_position(app: Application, ctx: EvaluationContext) -> int | None:
    return app.years_in_position(ctx.as_of)


_FIELDS = (
    FieldSpec(
        name="position",
        type=vt.POSITION,
        description="The applicant's position in the catalog (by slug), matched from the title.",
        label_sv="befattningen",
        label_en="the position",
        get=_position,
    ),
    FieldSpec(
        name="position_kind",
        type=vt.POSITION_KIND,
        description="What kind of role the position is (political-line, line, staff …).",
        label_sv="befattningen",
        label_en="the position",
        get=_position_kind,
        fact="position",
    ),
    FieldSpec(
        name="organisation_kind",
        type=vt.ORGANISATION_KIND,
        description="What kind of organisation employs the applicant (central-administration …).",
        label_sv="organisationen",
        label_en="the organisation",
        get=_organisation_kind,
    ),
    FieldSpec(
        name="staff_function",
        type=vt.STAFF_FUNCTION,
        description="The staff function the applicant leads, if any (finance, hr, it …).",
        label_sv="stabsfunktionen",
        label_en="the staff function",
        get=_staff_function,
    ),
    FieldSpec(
        name="municipality",
        type=vt.MUNICIPALITY,
        description="The employing municipality (by SCB code).",
        label_sv="kommunen",
        label_en="the municipality",
        get=_municipality,
    ),
    FieldSpec(
        name="county",
        type=vt.COUNTY,
        description="The county of the employing municipality (by SCB code).",
        label_sv="länet",
        label_en="the county",
        get=_county,
        fact="municipality",
    ),
    FieldSpec(
        name="years_in_position",
        type=vt.INTEGER,
        description="Whole years in the position on the evaluation date (as_of).",
        label_sv="antal år i befattningen",
        label_en="the years in the position",
        get=_years_in_position,
        fact="in_position_since",
    ),
)

_KINDS = vt.list_of(vt.POLITICAL_BODY_KIND).convert(
    [PoliticalBodyKind.NAMND, PoliticalBodyKind.KOMMUNSTYRELSE, PoliticalBodyKind.STYRELSE]
)
"""The kinds of political body that count by default, normalised as a rule's argument."""

# Each predicate below is its one definition: the explanation keeps the whole Check, the
# evaluation without explanations only its truth. So a check is made positionally (the
# hot path), and what it saw and expected is given as found (enums, sets, tuples): the
# explanation turns it into plain data, the evaluation without explanations never does.
_CENTRAL = OrganisationKind.CENTRAL_ADMINISTRATION
_CHIEF = PositionKind.CHIEF_EXECUTIVE
_MISSING_BODIES = ("reports_to",)
_MISSING_LEADS = ("leads_staff_function",)
_MISSING_HOME = ("municipality",)
_MISSING_KIND = ("organisation_kind",)
_MISSING_POSITION = ("position",)


def _reports_to(
    app: Application, ctx: EvaluationContext, *, kinds: tuple[PoliticalBodyKind, ...] = _KINDS
) -> Checked:
    bodies = app.reports_to
    if bodies is None:
        return (None, None, kinds, _MISSING_BODIES)
    for body in bodies:
        if body.kind in kinds:
            return (True, [b.name for b in bodies if b.kind in kinds], kinds, ())
    return (False, [b.name for b in bodies] if bodies else [], kinds, ())


def _leads_staff(app: Application, ctx: EvaluationContext) -> Checked:
    leads = app.leads_staff_function
    function = app.staff_function
    seen = None if function is None else function.value
    if leads is None:
        return (None, seen, True, _MISSING_LEADS)
    return (leads, seen if leads else False, True, ())


def _collaborating(app: Application, ctx: EvaluationContext) -> Checked:
    home = app.municipality
    known = ctx.collaborating
    if home is None or known is None:
        missing = (_MISSING_HOME if home is None else ()) + (
            ("collaborating_municipalities",) if known is None else ()
        )
        return (None, None if home is None else home.code, known, missing)
    return (home.code in known, home.code, known, ())


def _in_county(app: Application, ctx: EvaluationContext, *, county: str) -> Checked:
    home = app.municipality
    if home is None:
        return (None, None, county, _MISSING_HOME)
    code = home.county.code
    return (code == county, code, county, ())


def _central(app: Application, ctx: EvaluationContext) -> Checked:
    kind = app.organisation_kind
    if kind is None:
        return (None, None, "central-administration", _MISSING_KIND)
    return (kind is _CENTRAL, kind.value, "central-administration", ())


def _chief(app: Application, ctx: EvaluationContext) -> Checked:
    held = app.position
    if held is None:
        return (None, None, "chief-executive", _MISSING_POSITION)
    return (held.kind is _CHIEF, held.slug, "chief-executive", ())


@functools.cache
def builtin_registry() -> PredicateRegistry:
    """The built-ins, built once; :func:`default_registry` hands out copies."""
    registry = PredicateRegistry(fields=_FIELDS)
    registry.predicate(
        "reports_to_political_body",
        description=(
            "Works directly towards the political leadership: reports to a nämnd or "
            "styrelse (by default a nämnd, the kommunstyrelse or a company's styrelse)."
        ),
        sv=Texts(
            true="rapporterar till {seen}",
            false="rapporterar inte till någon nämnd eller styrelse",
            unknown="det är okänt om {position} rapporterar till en nämnd eller styrelse",
        ),
        en=Texts(
            true="reports to {seen}",
            false="does not report to any committee or board",
            unknown="it is not known whether {position} reports to a committee or board",
        ),
        arguments={
            "kinds": Argument(
                name="kinds",
                type=vt.list_of(vt.POLITICAL_BODY_KIND),
                default=_KINDS,
                required=False,
                description="The kinds of political body that count.",
            )
        },
        facts=("reports_to",),
        shows="text",
    )(_reports_to)
    registry.predicate(
        "leads_staff_function",
        description="Leads a staff function (stabsfunktion): finance, HR, IT, strategy …",
        sv=Texts(
            true="leder en stabsfunktion",
            false="{position} är ingen stabsfunktion",
            unknown="det är okänt om {position} leder en stabsfunktion",
        ),
        en=Texts(
            true="leads a staff function",
            false="{position} is not a staff function",
            unknown="it is not known whether {position} leads a staff function",
        ),
        facts=("leads_staff_function",),
    )(_leads_staff)
    registry.predicate(
        "employed_by_collaborating_municipality",
        description=(
            "Employed by a municipality collaborating in the cohort (the cohort's "
            "collaborations, else the parameter collaborating_municipalities)."
        ),
        sv=Texts(
            true="{municipality} samverkar i omgången",
            false="{municipality} samverkar inte i omgången",
            unknown="det är okänt om arbetsgivaren samverkar i omgången",
        ),
        en=Texts(
            true="{municipality} collaborates in the cohort",
            false="{municipality} does not collaborate in the cohort",
            unknown="it is not known whether the employer collaborates in the cohort",
        ),
        facts=("municipality", "collaborating_municipalities"),
        shows="municipality",
        parameters={"collaborating_municipalities": "list[municipality]"},
    )(_collaborating)
    registry.predicate(
        "municipality_in_county",
        description="The employing municipality lies in the given county.",
        sv=Texts(
            true="{municipality} ligger i {expected}",
            false="{municipality} ligger inte i {expected}",
            unknown="det är okänt om arbetsgivaren ligger i {expected}",
        ),
        en=Texts(
            true="{municipality} lies in {expected}",
            false="{municipality} does not lie in {expected}",
            unknown="it is not known whether the employer lies in {expected}",
        ),
        arguments={"county": "county"},
        facts=("municipality",),
        shows="county",
    )(_in_county)
    registry.predicate(
        "works_in_central_administration",
        description="Works in the municipality's central administration (kommunledningen).",
        sv=Texts(
            true="arbetar i kommunledningen",
            false="arbetar inte i kommunledningen",
            unknown="det är okänt om {position} arbetar i kommunledningen",
        ),
        en=Texts(
            true="works in the central administration",
            false="does not work in the central administration",
            unknown="it is not known whether {position} works in the central administration",
        ),
        facts=("organisation_kind",),
        shows="organisation-kind",
    )(_central)
    registry.predicate(
        "is_chief_executive",
        description=(
            "Is the municipality's chief executive (kommunchef, kommundirektör): "
            "a mentor in the program, not a participant."
        ),
        sv=Texts(
            true="{position} är kommunens högsta tjänsteman och mentor, inte deltagare",
            false="{position} är inte kommunens högsta tjänsteman",
            unknown="det är okänt om den sökande är kommunens högsta tjänsteman",
        ),
        en=Texts(
            true="{position} is the municipality's chief executive, a mentor and not a participant",
            false="{position} is not the municipality's chief executive",
            unknown="it is not known whether the applicant is the chief executive",
        ),
        facts=("position",),
        shows="position",
    )(_chief)
    return registry.freeze()._known_as(f"{__name__}:builtin_registry")


def registry_or_builtin(registry: PredicateRegistry | None) -> PredicateRegistry:
    """*registry*, or the built-in one (shared, frozen) when ``None``."""
    return builtin_registry() if registry is None else registry
