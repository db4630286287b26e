"""The one way the library reads a whole file it is given: never more than the file may hold.

A program document, a rule set, a case file, a sheet's mapping, a calendar and a key
file are read whole into memory. A name can lead anywhere: to a device that never ends
(``/dev/zero``, ``/dev/urandom``) or to a file of any size. So :func:`read_bounded`

- refuses a device node or a socket before reading a byte (a pipe, as a shell's
  ``<(…)`` gives, is read: it ends when its writer closes it);
- refuses a regular file larger than the limit before reading it, and stops reading a
  pipe one byte past the limit.

Both raise :class:`OSError`, as a file that cannot be opened does, so that each reader
reports them as it reports any file it cannot read (a
:class:`~ledarskap.errors.FileAccessError` naming the file, most of them). Their reason
is in Swedish too: :func:`reason_of`.
"""

from __future__ import annotations

import errno
import os
import stat

from ledarskap.errors import _REASONS  # the operating system's reasons in Swedish
from ledarskap.text import Text

__all__ = [
    "MAX_DOCUMENT",
    "MAX_SMALL_FILE",
    "RefusedFileError",
    "read_bounded",
    "reason_of",
    "refuse_devices",
]

MAX_DOCUMENT = 1024 * 1024 * 1024
"""The most bytes a program document may have (1 GiB: four times 100,000 participants)."""

MAX_SMALL_FILE = 64 * 1024 * 1024
"""The most bytes a rule set, case file, sheet mapping, calendar or key file may have."""


class RefusedFileError(OSError):
    """A file :func:`read_bounded` will not read; ``reason`` says why in both languages."""

    def __init__(self, code: int, reason: Text) -> None:
        super().__init__(code, reason.en)
        self.reason = reason


def reason_of(error: BaseException) -> Text | str:
    """Why a file could not be read, as :class:`~ledarskap.errors.FileAccessError` takes it.

    The library's own reasons (:class:`RefusedFileError`) in both languages; the operating
    system's as it words them (``strerror``), in Swedish too where the library knows it.

    >>> reason_of(FileNotFoundError(2, "No such file or directory")).sv
    'filen eller mappen finns inte'

    """
    if isinstance(error, RefusedFileError):
        return error.reason
    english = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    swedish = _REASONS.get(english)
    return english if swedish is None else Text(swedish, english)


def read_bounded(
    path: str | os.PathLike[str], limit: int, what: str, *, pipes: bool = True
) -> tuple[bytes, int]:
    """The bytes of the regular file or pipe at *path*, at most *limit*, and its ``st_mtime_ns``.

    *what* names the kind of file in the reason ("a program document"); ``pipes=False``
    reads a regular file only (a file about to be replaced). Raises :class:`OSError` for
    a file that cannot be read, a device or socket, and a file larger than *limit*
    (``errno.EFBIG``); :class:`ValueError` for a NUL in the path. The kind of file is
    checked before it is opened (opening a device may already do something) and again
    on the open file (it may have been replaced in between).
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISDIR(mode):  # a folder: opening it says so
        refuse_devices(mode, pipes=pipes)
    with open(path, "rb") as stream:
        info = os.fstat(stream.fileno())
        refuse_devices(info.st_mode, pipes=pipes)
        if info.st_size > limit:
            raise RefusedFileError(errno.EFBIG, _too_large(limit, what))
        content = stream.read(limit + 1)
    if len(content) > limit:  # a pipe, or a file that grew while it was read
        raise RefusedFileError(errno.EFBIG, _too_large(limit, what))
    return content, info.st_mtime_ns


def refuse_devices(mode: int, *, pipes: bool = True) -> None:
    """:class:`OSError` unless *mode* (a file's ``st_mode``) is a regular file's or a pipe's.

    ``pipes=False`` refuses a pipe too.
    """
    if stat.S_ISREG(mode) or (pipes and stat.S_ISFIFO(mode)):
        return
    raise RefusedFileError(
        errno.EINVAL,
        Text(
            "ingen vanlig fil (en enhet eller socket läses aldrig)",
            "not a regular file (a device or socket is never read)",
        ),
    )


_KINDS = {
    "a program document": "ett programdokument",
    "a rule set": "en regeluppsättning",
    "a case file": "en fil med regelfall",
    "a sheet mapping": "en kolumnmappning",
    "a calendar": "en kalender",
    "a key file": "en nyckelfil",
}
"""The kinds of file read whole, in Swedish (the English is what the caller names)."""


def undecodable(error: UnicodeDecodeError, content: bytes) -> Text:
    r"""What a file that is not UTF-8 holds, in the words every reader of the library uses.

    >>> try:
    ...     b"ok \xe0 no".decode("utf-8")
    ... except UnicodeDecodeError as error:
    ...     print(undecodable(error, b"ok \xe0 no").en)
    expected UTF-8 text, found byte 0xe0 (byte 3)
    """
    byte = f"{content[error.start]:#04x}"
    return Text(
        f"förväntade UTF-8-text, fick byten {byte} (byte {error.start})",
        f"expected UTF-8 text, found byte {byte} (byte {error.start})",
    )


def _too_large(limit: int, what: str) -> Text:
    size, unit = (limit // (1024 * 1024), "MiB") if limit >= 1024 * 1024 else (limit, "byte")
    kind = _KINDS.get(what, what)
    return Text(
        f"större än de {size:,} {unit} {kind} får ha".replace(",", " "),
        f"larger than the {size:,} {unit.replace('byte', 'bytes')} {what} may have",
    )
