"""An error of the library as the command shows it: in Swedish where every part of it is known.

The library's errors are worded in English (:mod:`ledarskap.errors`); what a user meets
most from the command line, a file that cannot be read or written, is a
:class:`~ledarskap.errors.FileAccessError` whose parts are kept apart: the path, the
action (``read``, ``write`` …) and the reason (the operating system's, or the library's
own few). When the action and the reason are both known here, the message is shown in
Swedish (``program.json: kan inte läsa: filen eller mappen finns inte``); any other error,
or a part not known here, is shown as the library words it, so that a message is never
half translated.

>>> from ledarskap.errors import FileAccessError
>>> shown(FileAccessError("a.json", "read", "No such file or directory"), "sv")
'a.json: kan inte läsa: filen eller mappen finns inte'
>>> shown(FileAccessError("a.json", "read", "Stale file handle"), "sv")
'a.json: cannot read: Stale file handle'
"""

from __future__ import annotations

from ledarskap.errors import FileAccessError, mask_personal_data
from ledarskap.text import Language, Text

__all__ = ["shown"]

_ACTIONS = {
    "read": "läsa",
    "write": "skriva",
    "use": "använda",
    "write tables into it": "skriva tabeller i den",
}
"""The actions the library names in a FileAccessError, in Swedish."""

_REASONS = {
    # The operating system's (strerror, as Python gives it on every platform it runs on)
    "No such file or directory": "filen eller mappen finns inte",
    "Permission denied": "behörighet saknas",
    "Is a directory": "det är en mapp",
    "Not a directory": "en del av sökvägen är ingen mapp",
    "No space left on device": "disken är full",
    "Read-only file system": "filsystemet är skrivskyddat",
    "File name too long": "namnet är för långt",
    "Too many levels of symbolic links": "för många nivåer av symboliska länkar",
    "Disk quota exceeded": "diskkvoten är slut",
    # The library's own
    "the file is read-only": "filen är skrivskyddad",
    "it is a folder, not a file": "det är en mapp, inte en fil",
    "not a folder": "det är ingen mapp",
    "a loop of symbolic links": "en slinga av symboliska länkar",
    "not a usable path": "ingen användbar sökväg",
    "embedded null byte": "namnet har ett NUL-tecken",
    "not a regular file (a device, FIFO or socket is never replaced)": (
        "ingen vanlig fil (en enhet, FIFO eller socket ersätts aldrig)"
    ),
}
"""The reasons a FileAccessError may give, in Swedish."""


def shown(error: BaseException, language: Language) -> str:
    """*error*'s message in *language*, masked: Swedish where every part of it is known."""
    english = str(error)
    if not isinstance(error, FileAccessError):
        return english
    action = _ACTIONS.get(error.action)
    reason = _REASONS.get(error.reason)
    if action is None or reason is None or type(error) is not FileAccessError:
        return english  # a ConflictError's reason names revisions: left as the library says it
    # The path as the English message shows it (masked, its length bounded), then Swedish.
    shown_path = english.removesuffix(mask_personal_data(f"cannot {error.action}: {error.reason}"))
    if shown_path == english:  # pragma: no cover - every FileAccessError ends so
        return english
    return Text(f"{shown_path}kan inte {action}: {reason}", english).render(language)
