"""argparse's own messages in Swedish: "the following arguments are required" and the rest.

argparse words its errors in English through :func:`gettext.gettext`, under gettext's
one process-wide text domain. Installing a catalogue there would change the messages of
every parser in the process (a program that calls :func:`ledarskap.cli.main` has its own),
and switching it for one call would race with other threads. So the command translates
the message argparse hands it instead: each of argparse's message templates (its
``msgid``, as in Python 3.11 to 3.13) is matched against the message, and the values it
holds (an option, a choice) are put into the Swedish template. A message no template
matches (one a later Python adds) is shown as argparse wrote it.

>>> translated("argument --format: invalid choice: 'xml' (choose from 'text', 'json')", "sv")
"argumentet --format: ogiltigt val: 'xml' (välj bland 'text', 'json')"
>>> translated("the following arguments are required: FILE", "en")
'the following arguments are required: FILE'
"""

from __future__ import annotations

import functools
import re

from ledarskap.text import Language, Text

__all__ = ["TEMPLATES", "translated"]

TEMPLATES: dict[str, str] = {
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "ogiltigt val: %(value)r, menade du %(closest)r? (välj bland %(choices)s)"
    ),
    "the following arguments are required: %s": "följande argument krävs: %s",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ogiltigt värde (%(type)s): %(value)r",
    "unrecognized arguments: %s": "okända argument: %s",
    "expected one argument": "ett värde behövs",
    "expected at most one argument": "högst ett värde",
    "expected at least one argument": "minst ett värde behövs",
    "expected %s argument": "%s värde behövs",
    "expected %s arguments": "%s värden behövs",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig flagga: %(option)s kan vara %(matches)s"
    ),
    "not allowed with argument %s": "går inte ihop med argumentet %s",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "ignored explicit argument %r": "värdet %r ignorerades",
    "unexpected option string: %s": "oväntad flagga: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "okänt kommando %(parser_name)r (välj bland %(choices)s)"
    ),
}
"""argparse's message templates that reach a user of the command, and their Swedish.

The first is Python 3.14's, with a suggestion; it is tried before the one it extends.
"""

_TYPES = {
    "date": Text("datum, ÅÅÅÅ-MM-DD", "date"),
    "count": Text("heltal, minst 1", "count"),
    "int": Text("heltal", "int"),
    "float": Text("tal", "float"),
}
"""The names argparse gives the value types of the command's options, in Swedish."""

_NESTED = frozenset({"message"})
"""The values that are themselves a message of argparse's, translated in turn."""

_FIELD = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def _pattern(template: str) -> re.Pattern[str]:
    """The regular expression that matches what *template* gives, its values as groups."""
    parts: list[str] = []
    position = 0
    unnamed = 0
    for match in _FIELD.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        name = match.group(1)
        if name is None:
            name, unnamed = f"_{unnamed}", unnamed + 1
        parts.append(f"(?P<{name}>.+?)")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts), re.DOTALL)


def _swedish(template: str) -> str:
    """*template*'s Swedish as a ``str.format`` template (values inserted as matched)."""
    unnamed = iter(range(len(template)))

    def field(match: re.Match[str]) -> str:
        return "{" + (match.group(1) or f"_{next(unnamed)}") + "}"

    return _FIELD.sub(field, template.replace("{", "{{").replace("}", "}}"))


@functools.cache
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    """The templates as patterns, made on the first message (``ledarskap --help`` needs none)."""
    return [(_pattern(english), _swedish(swedish)) for english, swedish in TEMPLATES.items()]


_LONGEST = 2048
"""The longest message of argparse's matched against the templates: matching takes time
growing with the square of a message's length (an argument of thousands of characters
that repeats a template's words), so a longer one is shown as argparse words it."""


def translated(message: str, language: Language) -> str:
    """The message argparse gave, in *language*: in Swedish where a template matches it."""
    if language == "en" or len(message) > _LONGEST:
        return message
    return _in_swedish(message)


def _in_swedish(message: str) -> str:
    for pattern, swedish in _compiled():
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = found.groupdict()
        for name in _NESTED & values.keys():
            values[name] = _in_swedish(values[name])
        if "type" in values and values["type"] in _TYPES:
            values["type"] = _TYPES[values["type"]].sv
        return swedish.format(**values)
    return message
