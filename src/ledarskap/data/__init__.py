"""Data files shipped with ledarskap, read on first use."""

from __future__ import annotations

import errno

from ledarskap.errors import FileAccessError
from ledarskap.text import Text

__all__ = ["read_bytes"]

_NONE = Text("ingen datafil i ledarskap", "no data file of ledarskap")


def read_bytes(name: str) -> bytes:
    """The content of the data file *name* (a name, no folder), read through the package's loader.

    What :func:`pkgutil.get_data` does (so a zipped install works too), without importing
    :mod:`importlib.resources` (~10 ms, more than the files it reads on a command's start).
    The loaders take ``/`` as a separator on every system. A name that is no file of this
    folder (one with a folder in it, ``..``) is a
    :class:`~ledarskap.errors.FileAccessError`, as is one not there: only the library's
    own files are read.
    """
    loader = __spec__.loader
    given: object = name  # what a caller gave, whatever the annotation says
    plain = isinstance(given, str) and given.strip(".") and not any(c in given for c in "/\\\0")
    if not plain or loader is None or not hasattr(loader, "get_data"):
        raise FileAccessError(str(name), "read", _NONE, errno=errno.ENOENT)
    try:
        data: bytes = loader.get_data(f"{__path__[0]}/{name}")
    except OSError as error:
        raise FileAccessError(name, "read", _NONE, errno=error.errno) from None
    return data
