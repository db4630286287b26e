"""The texts of a proposal in Swedish and English, and numbers written as each language does."""

from __future__ import annotations

from collections.abc import Sequence

from ledarskap.text import Language, Text

__all__ = ["T", "count", "listed", "number"]


def number(value: float, language: Language, *, signed: bool = False, digits: int = 2) -> str:
    """*value* with *digits* decimals: a decimal comma and a real minus sign in Swedish.

    >>> number(-0.125, "sv", signed=True), number(1.5, "en", signed=True), number(-0.0, "sv")
    ('−0,12', '+1.50', '0,00')
    """
    value = round(value, digits) + 0.0  # no "-0.00"
    text = f"{value:+.{digits}f}" if signed and value else f"{value:.{digits}f}"
    if language == "sv":
        text = text.replace(".", ",").replace("-", "−")
    return text


def listed(items: Sequence[str], language: Language) -> str:
    """*items* joined as a list in prose: "a, b och c" / "a, b and c".

    >>> listed(["Linköping", "Norrköping"], "sv"), listed(["a", "b", "c"], "en")
    ('Linköping och Norrköping', 'a, b and c')
    """
    if len(items) <= 1:
        return "".join(items)
    word = T.AND.render(language)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def count(n: int, one: Text, many: Text, language: Language) -> str:
    """*n* and the noun, singular or plural."""
    return f"{n} {(one if n == 1 else many).render(language)}"


class T:
    """The proposal's texts."""

    AND = Text("och", "and")
    ADEPT = Text("adept", "adept")
    ADEPTS = Text("adepter", "adepts")
    PLACE = Text("ledig plats", "free place")
    PLACES = Text("lediga platser", "free places")
    HEAD = Text(
        "Förslag till mentorspar för {cohort}: {matched} av {adepts} adepter parade, "
        "total poäng {score}",
        "Proposed mentor pairs for {cohort}: {matched} of {adepts} adepts paired, "
        "total score {score}",
    )
    NOBODY = Text("Ingen adept att para.", "No adept to pair.")
    PAIR = Text(*["{adept} ({adept_place}) – {mentor} ({mentor_place}): {score}"] * 2)
    PINNED = Text("låst för hand", "pinned by hand")
    NEXT_BEST = Text(
        "näst bäst {mentor} ({mentor_place}), {score}",
        "next best {mentor} ({mentor_place}), {score}",
    )
    NO_ALTERNATIVE = Text("inget annat möjligt par", "no other possible pair")
    UNMATCHED_HEAD = Text("Utan mentor:", "Without a mentor:")
    UNMATCHED = Text(*["{adept} ({place}): {reasons}"] * 2)
    FULL = Text(
        "platserna gick till andra adepter: {mentors}",
        "the places went to other adepts: {mentors}",
    )
    NO_MENTORS = Text("kohorten har inga mentorer", "the cohort has no mentors")
    SHORTAGE_HEAD = Text("Bindande brist:", "Binding shortage:")
    SHORTAGE = Text(
        "{adepts} från {places} ({ids}), men bara {free} hos mentorer de kan få{mentors}",
        "{adepts} from {places} ({ids}), but only {free} with mentors they may have{mentors}",
    )
    RULED_OUT = Text(
        "övriga mentorer är uteslutna: {rules}", "the other mentors are ruled out: {rules}"
    )
    EXPLAIN_HEAD = Text(
        "{adept} ({adept_place}) – {mentor} ({mentor_place}), poäng {score}:",
        "{adept} ({adept_place}) – {mentor} ({mentor_place}), score {score}:",
    )
    PART = Text(
        "{name}: vikt {weight} × {value}{note} = {points}",
        "{name}: weight {weight} × {value}{note} = {points}",
    )
    WISHED = Text("önskad", "wished")
    NOT_WISHED = Text("inte önskad", "not wished")
    KM = Text("{km} km", "{km} km")
    LINKED = Text(
        "kommunerna har varit mentor- och adeptkommun förut",
        "the municipalities were paired before",
    )
    NOT_LINKED = Text(
        "inget tidigare par mellan kommunerna", "no earlier pair of the municipalities"
    )
    SPREAD = Text(
        "{fixed} givna + {expected} förväntade på plats {slot}",
        "{fixed} given + {expected} expected in place {slot}",
    )
    SHARES = Text(
        "I förslaget har mentorn också {municipality} från samma kommun och {county} från samma län.",
        "In the proposal the mentor also has {municipality} from the same municipality and {county} from the same county.",
    )
    NONE = Text("ingen", "none")
    GAP_LOWER = Text("{gap} lägre", "{gap} lower")
    GAP_HIGHER = Text(
        "{gap} högre: platsen gjorde mer nytta för en annan adept",
        "{gap} higher: the place did more good for another adept",
    )
    GAP_FULL = Text("mentorn är fullbokad i förslaget", "the mentor is full in the proposal")
    NEXT_BEST_LINE = Text(
        "Näst bäst: {mentor} ({mentor_place}), poäng {score} ({gap})",
        "Next best: {mentor} ({mentor_place}), score {score} ({gap})",
    )
    NOT_PAIRED = Text(
        "{adept} har ingen mentor i förslaget.", "{adept} has no mentor in the proposal."
    )
