"""The lines of a proposal's text: a pair, a part of its score, an unmatched adept, a shortage."""

from __future__ import annotations

from collections import defaultdict

from ledarskap.text import Language

from ._texts import T, count, listed, number
from .options import HardRule, Preference
from .pairs import Pair, ScorePart, Shortage, Unmatched

__all__ = ["next_best", "pair_line", "part_line", "shortage_line", "unmatched_line"]


def pair_line(pair: Pair, language: Language) -> str:
    line = T.PAIR.format(
        adept=pair.adept_id,
        adept_place=pair.adept_municipality,
        mentor=pair.mentor_id,
        mentor_place=pair.mentor_municipality,
        score=number(pair.score, language, signed=True),
    ).render(language)
    parts = [
        f"{part.preference.label(language)} {number(part.points, language, signed=True)}"
        for part in pair.parts
        if round(part.points, 2)
    ]
    if pair.pinned:
        parts.insert(0, T.PINNED.render(language))
    if parts:
        line += f" ({', '.join(parts)})"
    alternative = pair.alternative
    if alternative is None:
        return f"{line}; {T.NO_ALTERNATIVE.render(language)}"
    return f"{line}; " + T.NEXT_BEST.format(
        mentor=alternative.mentor_id,
        mentor_place=alternative.mentor_municipality,
        score=number(alternative.score, language, signed=True),
    ).render(language)


def part_line(part: ScorePart, place: int, language: Language) -> str:
    preference = part.preference
    if preference is Preference.WISH:
        note = (T.WISHED if part.value else T.NOT_WISHED).render(language)
    elif preference is Preference.DISTANCE:
        note = T.KM.format(km=round(part.value * 100)).render(language)
    elif preference is Preference.CONTINUITY:
        note = (T.LINKED if part.value else T.NOT_LINKED).render(language)
    else:
        note = T.SPREAD.format(
            fixed=round(part.value - part.expected),
            expected=number(part.expected, language),
            slot=place,
        ).render(language)
    return T.PART.format(
        name=preference.label(language),
        weight=number(part.weight, language),
        value=number(part.value, language),
        note=f" ({note})",
        points=number(part.points, language, signed=True),
    ).render(language)


def next_best(pair: Pair, language: Language) -> str:
    alternative = pair.alternative
    gap = pair.gap
    if alternative is None or gap is None:
        return T.NO_ALTERNATIVE.render(language).capitalize()
    if gap >= 0:
        said = T.GAP_LOWER.format(gap=number(gap, language)).render(language)
    else:
        said = T.GAP_HIGHER.format(gap=number(-gap, language)).render(language)
    if alternative.full:
        said += "; " + T.GAP_FULL.render(language)
    return T.NEXT_BEST_LINE.format(
        mentor=alternative.mentor_id,
        mentor_place=alternative.mentor_municipality,
        score=number(alternative.score, language, signed=True),
        gap=said,
    ).render(language)


def unmatched_line(unmatched: Unmatched, language: Language) -> str:
    by_rule: defaultdict[HardRule, list[str]] = defaultdict(list)
    for removal in unmatched.removed:
        for rule in removal.rules:
            by_rule[rule].append(removal.mentor_id)
    reasons = [
        f"{rule.label(language)}: {', '.join(by_rule[rule])}"
        for rule in HardRule
        if rule in by_rule
    ]
    if unmatched.full:
        reasons.append(T.FULL.format(mentors=", ".join(unmatched.full)).render(language))
    if not reasons:
        reasons.append(T.NO_MENTORS.render(language))
    return T.UNMATCHED.format(
        adept=unmatched.adept_id, place=unmatched.municipality, reasons="; ".join(reasons)
    ).render(language)


def shortage_line(shortage: Shortage, language: Language) -> str:
    mentors = f" ({', '.join(shortage.mentor_ids)})" if shortage.mentor_ids else ""
    line = T.SHORTAGE.format(
        adepts=count(len(shortage.adept_ids), T.ADEPT, T.ADEPTS, language),
        places=listed([str(m) for m in shortage.municipalities], language),
        ids=", ".join(shortage.adept_ids),
        free=count(shortage.places, T.PLACE, T.PLACES, language),
        mentors=mentors,
    ).render(language)
    if shortage.ruled_out:
        rules = "; ".join(
            f"{rule.label(language)} ({', '.join(mentors)})" for rule, mentors in shortage.ruled_out
        )
        line += "; " + T.RULED_OUT.format(rules=rules).render(language)
    return line
