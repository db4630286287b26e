"""The code attrs compiles for the library's classes, kept between runs of the command.

attrs writes a class's ``__init__`` as Python source and compiles it when the class is
made. Python keeps the bytecode of the library's modules between processes, but not of
code compiled from a string: for the classes that ``ledarskap validate`` makes, compiling
takes some 6 ms of every run, a tenth of it (attrs' issue 575 asks for such a cache in
attrs itself).

The ``ledarskap`` command's process (:mod:`ledarskap.__main__`) keeps it. :func:`install`
has attrs compile through this module, which compiles only what it has not kept: the
code of the library's own classes (those of a ``ledarskap.`` module; every other class
is compiled as attrs does) is found by the name attrs gives it and the exact source, and
compiled as attrs compiles it (with the ``__future__`` features of attrs' module), so a
class whose source changed is compiled afresh. A class given attrs' own ``__hash__`` is
compiled as attrs does: attrs writes into it a number that differs from one process to
the next. The library's records have their ``__hash__`` from
:mod:`ledarskap.model._methods` or written by hand instead, so every class ``validate``
makes is kept (a test runs the command twice and sees nothing compiled the second time).

At the end of a process that compiled anything new, the code is written with
:mod:`marshal`, as Python writes bytecode, into ``ledarskap.attrs-code.<tag>.marshal`` in
the ``__pycache__`` folder beside the library's package (where Python writes the bytecode
of a module beside it), or under ``PYTHONPYCACHEPREFIX``: not in the package's own, so
that uninstalling the package leaves no folder named ``ledarskap`` behind. It is written
atomically, and not at all where Python writes no bytecode (``PYTHONDONTWRITEBYTECODE``)
or cannot (an installation owned by another user: then every run compiles, as before). A
file that does not read, or was written by another Python, is ignored and written anew;
it holds one entry per class, the last source compiled. A program that imports the
library is left as it is: only the command, whose process is its own, installs the cache.

It relies on one function of attrs' internals, ``attr._make._compile_and_eval``; an
attrs without it, or with another signature, is left alone and compiles as it always
does.
"""

from __future__ import annotations
import __future__

import atexit
import contextlib
import marshal
import os
import sys
import types
from collections.abc import Callable
from typing import Any

from attr import _make

__all__ = ["install"]

_OURS = " ledarskap."  # in attrs' name for a method of a class of a ledarskap module
_MAX_FILE = 16 * 1024 * 1024
_ATTRS_PARAMETERS = ("script", "globs", "locs", "filename")
# attrs writes into a class's __hash__ the hash of a name, which differs from one process
# to the next (PYTHONHASHSEED): its source is never the same twice, so it is not kept.
_HASHED = "def __hash__("

# What attrs' own compile() inherits: the __future__ features of its module.
_ATTRS_FLAGS = sum(
    getattr(__future__, name).compiler_flag
    for name in __future__.all_feature_names
    if vars(_make).get(name) is getattr(__future__, name)
)

_kept: _Kept | None = None


class _Kept:
    """The code of one file: read on creation, written at exit if anything was added."""

    def __init__(self, path: str, version: tuple[str | int | None, ...]) -> None:
        self.path = path
        self.version = version
        self.codes: dict[str, object] = self._read()  # as read: checked where used
        self.changed = False

    def _read(self) -> dict[str, object]:
        try:
            with open(self.path, "rb") as file:
                data = file.read(_MAX_FILE + 1)
            version, codes = marshal.loads(data) if len(data) <= _MAX_FILE else (None, None)
        except (OSError, ValueError, EOFError, TypeError):  # none yet, or unreadable
            return {}
        if version != self.version or not isinstance(codes, dict):
            return {}
        return codes

    def code(self, source: str, filename: str) -> types.CodeType:
        """The code of *source* compiled as *filename*: as kept, or compiled and kept."""
        found = self.codes.get(filename)
        if (
            found is not None
            and found.__class__ is tuple
            and len(found) == 2  # the source and its code
            and found[0] == source
            and isinstance(found[1], types.CodeType)
        ):
            return found[1]
        code: types.CodeType = compile(
            source, filename, "exec", flags=_ATTRS_FLAGS, dont_inherit=True
        )
        self.codes[filename] = (source, code)
        if not self.changed and not sys.dont_write_bytecode:
            atexit.register(self.write)
        self.changed = True
        return code

    def write(self) -> None:
        """Write the file atomically (a temporary file renamed over it); quietly, if at all."""
        # A name no other process uses, though it have the same number (containers).
        temporary = f"{self.path}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
        made = False
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            data = marshal.dumps((self.version, self.codes))
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            made = True
            with open(fd, "wb") as file:
                file.write(data)
            os.replace(temporary, self.path)
        except (OSError, ValueError):  # a folder not ours to write: as Python's bytecode
            if made:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


def install(path: str | None = None) -> bool:
    """Have attrs compile the library's classes' methods through the cache; whether it does.

    *path* is the cache's file, by default in the ``__pycache__`` beside the package (or
    under ``PYTHONPYCACHEPREFIX``). Nothing is installed (and ``False`` returned) where
    Python keeps no bytecode for the library or attrs compiles otherwise than this module
    knows.
    """
    global _kept  # noqa: PLW0603 - one cache per process, as the bytecode is
    if _kept is not None:
        return True
    original = getattr(_make, "_compile_and_eval", None)
    code = getattr(original, "__code__", None)
    if original is None or code is None or code.co_varnames[:4] != _ATTRS_PARAMETERS:
        return False
    if path is None:
        path = _default_path()
        if path is None:
            return False
    # The code is the source's compiled as attrs compiles it: Python's version and the
    # features attrs compiles with could change it, not attrs' version otherwise.
    kept = _Kept(path, (sys.implementation.cache_tag, sys.hexversion, _ATTRS_FLAGS))
    _kept = kept
    _make._compile_and_eval = _through(kept, original)
    return True


def _through(kept: _Kept, original: Callable[..., None]) -> Callable[..., None]:
    def compile_and_eval(
        script: str,
        globs: dict[str, Any] | None,
        locs: dict[str, Any] | None = None,
        filename: str = "",
    ) -> None:
        if _OURS not in filename or _HASHED in script:
            original(script, globs, locs, filename)
            return
        eval(kept.code(script, filename), globs, locs)  # as attrs does

    return compile_and_eval


def _default_path() -> str | None:
    """Where Python writes the bytecode of a module beside the package: its ``__pycache__``."""
    cached: str | None = __spec__.cached  # where this package's bytecode goes
    if cached is None:
        return None
    here = os.path.dirname(cached)
    if os.path.basename(here) == "__pycache__":  # beside the sources
        folder = os.path.join(os.path.dirname(os.path.dirname(here)), "__pycache__")
    else:  # under PYTHONPYCACHEPREFIX, the sources' folders mirrored
        folder = os.path.dirname(here)
    return os.path.join(folder, f"ledarskap.attrs-code.{sys.implementation.cache_tag}.marshal")
