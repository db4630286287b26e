"""Revisions of a program file: saving never silently overwrites an edit made since reading.

Two tools (or two staff members) that load the same program file, each change something
and save, would lose the first save: the last writer wins. So the library keeps
*optimistic concurrency* on each file: no lock is held while someone works, but a save
checks that the file is still the one that was read, and refuses otherwise.

- :func:`ledarskap.load` records the file's :class:`Revision`: the SHA-256 of its bytes,
  its size and its modification time. :func:`revision_of` gives it back, for the data
  loaded (``revision_of(data)``) or for a file as it is now (``revision_of(path)``).
- :func:`ledarskap.dump` over a file this process has read or written checks that the
  file still has the revision last read or written; if another process saved it since, it
  raises :class:`~ledarskap.errors.ConflictError` naming the file and both revisions, and
  writes nothing. ``overwrite=True`` saves anyway; ``expected_revision=`` states the
  revision to expect (a tool that keeps several documents of one file apart passes it).
- Saving to a new file, or to a file this process never read, works as before.

The answer to a conflict is to read the file again, make the change again on what it
holds now, and save (``docs/sharing.md`` shows the pattern).

Two revisions are equal when the bytes are: a file saved again unchanged has not changed.
The check is made under a lock on the file's folder that every saving ledarskap process
takes (``flock``; not on Windows, nor on file systems without locks), and made again just
before the new file is renamed over the old one: two ledarskap processes never both
succeed in saving over the same revision. A program that does not take the lock (an
editor, a sync client) may still replace the file in the instant between that last check
and the rename; this is optimistic concurrency on one file, not a database.

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import weakref

import attrs

from ledarskap.errors import ConflictError, FileAccessError, UsageError
from ledarskap.model import ProgramData
from ledarskap.model._methods import lazy_methods
from ledarskap.text import Text

from ._reading import MAX_DOCUMENT, read_bounded, reason_of

__all__ = ["Revision", "revision_of"]


@lazy_methods
@attrs.frozen(eq=False, repr=False)
class Revision:
    """The revision of a file: the SHA-256 of its bytes, its size and when it was changed.

    Revisions compare by content (``sha256`` and ``size``); ``mtime_ns`` says when, for
    people, and is not compared. ``str()`` shows the first 12 hex digits of the digest.

    >>> import hashlib
    >>> revision = Revision(hashlib.sha256(b"{}").hexdigest(), 2, 0)
    >>> str(revision)
    '44136fa355b3 (2 bytes, 1970-01-01T00:00:00Z)'
    >>> revision == Revision(revision.sha256, 2, 10**18)
    True

    .. versionadded:: 0.3
    """

    sha256: str
    """The SHA-256 of the file's bytes, in hex."""
    size: int
    """The file's size in bytes."""
    mtime_ns: int = attrs.field(eq=False)
    """When the file was last changed (nanoseconds since the epoch), as the file system says."""

    @classmethod
    def of(cls, *chunks: bytes, mtime_ns: int) -> Revision:
        """The revision of a file holding *chunks*, one after the other, changed at *mtime_ns*."""
        import hashlib  # OpenSSL, some 3 ms: not for the commands that only read

        digest = hashlib.sha256()
        for chunk in chunks:
            digest.update(chunk)
        return cls(digest.hexdigest(), sum(map(len, chunks)), mtime_ns)

    @property
    def short(self) -> str:
        """The first 12 hex digits of the digest: enough to tell revisions apart."""
        return self.sha256[:12]

    def __str__(self) -> str:
        # ISO 8601's T between date and time: date and time as one run of 14 digits would
        # look like a number to mask (a message masks every such run).
        when = dt.datetime.fromtimestamp(self.mtime_ns / 1e9, dt.UTC)
        return f"{self.short} ({self.size} bytes, {when:%Y-%m-%dT%H:%M:%SZ})"


def revision_of(source: ProgramData | str | os.PathLike[str]) -> Revision | None:
    """The revision *source* came from, or a file's revision now.

    For a :class:`~ledarskap.model.ProgramData`: the revision of the file it was loaded
    from or last saved to by this process, or ``None`` (it was made, or derived from
    loaded data: a changed copy is a new object). For a path: the file's revision as it is
    now, read from disk, or ``None`` when there is no file.

    .. versionadded:: 0.3
    """
    if isinstance(source, ProgramData):
        return _KNOWN.of_data(source)
    if not isinstance(source, str | os.PathLike):
        raise UsageError(
            Text(
                f"revision_of: förväntade en ProgramData eller en sökväg, fick {type(source).__name__}",
                f"revision_of: expected a ProgramData or a path, found {type(source).__name__}",
            )
        )
    return current(_target(source), os.fspath(source))


def current(target: str, shown: str) -> Revision | None:
    """The revision of the file *target* now, or ``None`` when there is none.

    Raises :class:`~ledarskap.errors.FileAccessError` (naming *shown*) when it cannot be read.
    """
    try:
        content, mtime_ns = read_bounded(target, MAX_DOCUMENT, "a program document")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise FileAccessError(shown, "read", reason_of(exc), errno=exc.errno) from None
    return Revision.of(content, mtime_ns=mtime_ns)


def _target(path: str | os.PathLike[str]) -> str:
    """The file *path* names, through its symbolic links: the key a file is known by."""
    try:
        return os.path.realpath(os.fspath(path))
    except ValueError:  # a NUL character: no file has that name
        raise FileAccessError(
            os.fspath(path), "use", Text("ingen användbar sökväg", "not a usable path")
        ) from None


class _Known:
    """What this process last read from or wrote to each file, and where data came from.

    Data objects are known by identity, held weakly: the data is never hashed (that would
    walk it) nor kept alive.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._files: dict[str, Revision] = {}
        self._data: dict[int, tuple[weakref.ref[ProgramData], str, Revision]] = {}
        # Ids of data gone, appended by the weak references' callbacks, which may run at
        # any moment (even while the lock is held): they only append, the lock holder purges.
        self._gone: list[int] = []

    def remember(self, data: ProgramData, target: str, revision: Revision) -> None:
        """*data* is what *target* held at *revision* (read or just written)."""
        key, gone = id(data), self._gone

        def forget(_: object) -> None:
            gone.append(key)

        reference = weakref.ref(data, forget)
        with self._lock:
            self._purge()
            self._files[target] = revision
            self._data[key] = (reference, target, revision)

    def of_data(self, data: ProgramData) -> Revision | None:
        with self._lock:
            self._purge()
            entry = self._data.get(id(data))
        return entry[2] if entry is not None and entry[0]() is data else None

    def expected(self, data: ProgramData, target: str) -> Revision | None:
        """The revision a save of *data* to *target* expects to replace, if one is known."""
        with self._lock:
            self._purge()
            entry = self._data.get(id(data))
            if entry is not None and entry[0]() is data and entry[1] == target:
                return entry[2]
            return self._files.get(target)

    def _purge(self) -> None:
        """Forget the data that is gone (its id may name new data already: checked)."""
        while self._gone:
            key = self._gone.pop()
            entry = self._data.get(key)
            if entry is not None and entry[0]() is None:
                del self._data[key]


_KNOWN = _Known()
"""The process's memory of files and data (the one piece of process-wide state of the
library: optimistic concurrency is about what this process has seen)."""


def remember(data: ProgramData, path: str | os.PathLike[str], revision: Revision) -> None:
    """Record that *data* is what the file *path* held at *revision*."""
    _KNOWN.remember(data, _target(path), revision)


def expected_for(data: ProgramData, path: str | os.PathLike[str]) -> Revision | None:
    """The revision a save of *data* to *path* must find, or ``None`` (nothing known)."""
    return _KNOWN.expected(data, _target(path))


def check(expected: Revision, path: str | os.PathLike[str]) -> None:
    """Raise :class:`~ledarskap.errors.ConflictError` unless the file *path* has *expected*."""
    found = current(_target(path), os.fspath(path))
    if found != expected:
        raise ConflictError(os.fspath(path), expected, found)
