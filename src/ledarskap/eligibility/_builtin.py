"""The built-in fields and predicates of the default registry."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from ledarskap.model import Application, OrganisationKind, PoliticalBodyKind, PositionKind

from . import valuetypes as vt
from .context import EvaluationContext
from .predicates import Argument, Check, FastTest, FieldSpec, PredicateRegistry, Texts


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


def whole_years(since: dt.date, as_of: dt.date) -> int:
    """Whole years from *since* to *as_of*; 0 if *as_of* is not after *since*."""
    years = as_of.year - since.year - ((as_of.month, as_of.day) < (since.month, since.day))
    return max(years, 0)


def _years_in_position(app: Application, ctx: EvaluationContext) -> int | None:
    since = app.in_position_since
    return None if since is None else whole_years(since, ctx.as_of)


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

_POLITICAL = (PoliticalBodyKind.NAMND, PoliticalBodyKind.KOMMUNSTYRELSE, PoliticalBodyKind.STYRELSE)


@functools.lru_cache(maxsize=64)
def _values(kinds: tuple[PoliticalBodyKind, ...]) -> list[str]:
    return [k.value for k in kinds]


@functools.lru_cache(maxsize=64)
def _sorted(codes: frozenset[str]) -> list[str]:
    return sorted(codes)


def _reports_to(
    app: Application, ctx: EvaluationContext, *, kinds: tuple[PoliticalBodyKind, ...] = _POLITICAL
) -> Check:
    bodies = app.reports_to
    expected = _values(kinds)
    if bodies is None:
        return Check(None, expected=expected, missing=("reports_to",))
    hits = [b.name for b in bodies if b.kind in kinds]
    return Check(bool(hits), seen=hits or [b.name for b in bodies], expected=expected)


def _reports_to_fast(*, kinds: tuple[PoliticalBodyKind, ...] = _POLITICAL) -> FastTest:
    wanted = frozenset(kinds)

    def test(app: Application, ctx: EvaluationContext) -> bool | None:
        bodies = app.reports_to
        if bodies is None:
            return None
        return any(b.kind in wanted for b in bodies)

    return test


def _leads_staff(app: Application, ctx: EvaluationContext) -> Check:
    leads = app.leads_staff_function
    seen = None if app.staff_function is None else app.staff_function.value
    if leads is None:
        return Check(None, seen=seen, expected=True, missing=("leads_staff_function",))
    return Check(leads, seen=seen if leads else False, expected=True)


def _leads_staff_fast() -> FastTest:
    def test(app: Application, ctx: EvaluationContext) -> bool | None:
        return app.leads_staff_function

    return test


def _collaborating(app: Application, ctx: EvaluationContext) -> Check:
    home = app.municipality
    known = ctx.collaborating
    missing: tuple[str, ...] = ("municipality",) if home is None else ()
    if known is None:
        missing += ("collaborating_municipalities",)
    seen = None if home is None else home.code
    expected = None if known is None else _sorted(known)
    if home is None or known is None:
        return Check(None, seen=seen, expected=expected, missing=missing)
    return Check(home.code in known, seen=seen, expected=expected)


def _collaborating_fast() -> FastTest:
    def test(app: Application, ctx: EvaluationContext) -> bool | None:
        home = app.municipality
        known = ctx.collaborating
        if home is None or known is None:
            return None
        return home.code in known

    return test


def _in_county(app: Application, ctx: EvaluationContext, *, county: str) -> Check:
    home = app.municipality
    if home is None:
        return Check(None, expected=county, missing=("municipality",))
    return Check(home.county.code == county, seen=home.county.code, expected=county)


def _in_county_fast(*, county: str) -> FastTest:
    def test(app: Application, ctx: EvaluationContext) -> bool | None:
        home = app.municipality
        return None if home is None else home.county.code == county

    return test


def _central(app: Application, ctx: EvaluationContext) -> Check:
    kind = app.organisation_kind
    expected = OrganisationKind.CENTRAL_ADMINISTRATION.value
    if kind is None:
        return Check(None, expected=expected, missing=("organisation_kind",))
    return Check(
        kind is OrganisationKind.CENTRAL_ADMINISTRATION, seen=kind.value, expected=expected
    )


def _central_fast() -> FastTest:
    def test(app: Application, ctx: EvaluationContext) -> bool | None:
        kind = app.organisation_kind
        return None if kind is None else kind is OrganisationKind.CENTRAL_ADMINISTRATION

    return test


def _chief(app: Application, ctx: EvaluationContext) -> Check:
    p = app.position
    expected = PositionKind.CHIEF_EXECUTIVE.value
    if p is None:
        return Check(None, expected=expected, missing=("position",))
    return Check(p.kind is PositionKind.CHIEF_EXECUTIVE, seen=p.slug, expected=expected)


def _chief_fast() -> FastTest:
    def test(app: Application, ctx: EvaluationContext) -> bool | None:
        p = app.position
        return None if p is None else p.kind is PositionKind.CHIEF_EXECUTIVE

    return test


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
                default=vt.list_of(vt.POLITICAL_BODY_KIND).convert(list(_POLITICAL)),
                required=False,
                description="The kinds of political body that count.",
            )
        },
        facts=("reports_to",),
        shows="text",
        fast=_reports_to_fast,
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
        fast=_leads_staff_fast,
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
        fast=_collaborating_fast,
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
        fast=_in_county_fast,
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
        fast=_central_fast,
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
        fast=_chief_fast,
    )(_chief)
    return registry.freeze()
