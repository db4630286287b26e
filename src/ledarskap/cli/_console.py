r"""Where a command writes: results on standard output, messages on standard error.

Every line a command writes goes through :func:`~ledarskap.errors.mask_personal_data`,
and so does every string in its JSON output: a personnummer or an e-mail address in a
file never reaches the terminal, a log or a pipe. A text line shows any control character
a file or an argument holds as its escape (``\x1b``), so that no file can move the cursor,
clear the screen, retitle the terminal or reorder what is shown (the bidirectional
overrides). JSON is written with the keys in the order the command gives them (the
documented shapes) and non-ASCII letters as they are, the controls as JSON's escapes.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any, TextIO

from ledarskap.errors import mask_personal_data
from ledarskap.text import Language, Text

if TYPE_CHECKING:
    from ._progress import Progress

__all__ = ["Console", "masked", "shown"]

_ROWS = Text("rader", "rows")
_WARNING = Text("varning", "warning")


class Console:
    """A command's two streams, its language and its output format (text or JSON).

    *json_errors*: an error that stops the command is also written to standard output as
    JSON (the command line says ``--format json``), besides its message on standard error.
    """

    def __init__(
        self,
        *,
        stdout: TextIO,
        stderr: TextIO,
        language: Language,
        json_output: bool = False,
        json_errors: bool = False,
    ) -> None:
        self.stdout = stdout
        self.stderr = stderr
        self.language = language
        self.json_output = json_output
        self.json_errors = json_errors

    def say(self, text: Text, **values: Any) -> str:
        """*text* in the console's language, with *values* filled in."""
        return text.format(**values).render(self.language) if values else text.render(self.language)

    def print(self, text: str = "") -> None:
        """Write *text* (one line or several) to standard output, masked."""
        self.stdout.write(shown(text) + "\n")

    def json(self, data: Any) -> None:
        """Write *data* as indented JSON to standard output, every string in it masked."""
        import json  # only for --format json: ledarskap --help stays light

        text = json.dumps(masked(data), ensure_ascii=False, indent=2)
        self.stdout.write(text.translate(_JSON_CONTROLS) + "\n")

    def error(self, text: str) -> None:
        """Write a message to standard error, after ``ledarskap:``, masked.

        A message that cannot be written (standard error closed, or on a full disk) is
        lost, and changes nothing else: the command goes on, and its exit status says
        what happened.
        """
        with contextlib.suppress(OSError, ValueError):
            self.stderr.write(shown(f"ledarskap: {text}") + "\n")
            self.stderr.flush()

    def warn(self, text: Text) -> None:
        """Write a warning to standard error, after ``ledarskap: warning:``, masked."""
        self.error(f"{self.say(_WARNING)}: {self.say(text)}")

    def progress(self, label: Text) -> Progress:
        """A progress bar counting rows on standard error, drawn on a terminal only.

        Not drawn when the command writes JSON either: its output is for a program.
        """
        from ._progress import Progress  # only for the commands that draw one

        return Progress(
            self.stderr, self.say(label), unit=self.say(_ROWS), shown=not self.json_output
        )


_CONTROLS = {
    code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\n\t"
} | {code: f"\\u{code:04x}" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
"""Each control character but a line feed and a tab, and each bidirectional override, to
its escape."""

_JSON_CONTROLS = {code: f"\\u{code:04x}" for code in _CONTROLS if code >= 0x7F}
"""What JSON leaves as it is of those (it escapes the rest): to JSON's own escape."""


def shown(text: str) -> str:
    r"""*text* as a terminal may show it: masked, its control characters escaped.

    >>> print(shown("Prog \x1b[2J: 19850312-2395"))
    Prog \x1b[2J: 19XXXXXX-XX95
    """
    return mask_personal_data(text).translate(_CONTROLS)


def masked(data: Any) -> Any:
    """*data* (JSON-ready) with every string in it, keys too, masked."""
    if isinstance(data, str):
        return mask_personal_data(data)
    if isinstance(data, dict):
        return {masked(key): masked(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [masked(value) for value in data]
    return data
