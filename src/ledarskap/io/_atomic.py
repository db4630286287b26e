"""Atomic file writes: a reader sees the old file whole or the new file whole, never a part."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from ledarskap.errors import FileAccessError

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], *chunks: bytes) -> None:
    """Write *chunks*, one after the other, to *path* through a temporary file in its directory.

    The temporary file is flushed and fsynced, then renamed over *path* with
    :func:`os.replace` (atomic on POSIX and Windows), and the directory is fsynced where
    the platform allows. If anything fails, the old file stays as it was and the
    temporary file is removed. An existing file's permission bits are kept; a new file gets
    those a plain ``open()`` would give it (0666 less the umask). Failures raise
    :class:`~ledarskap.errors.FileAccessError` naming *path*.
    """
    target = Path(path)
    directory = target.parent
    try:
        _write(target, directory, chunks)
    except OSError as exc:
        raise FileAccessError(os.fspath(path), "write", exc.strerror or str(exc)) from None
    except ValueError as exc:  # a NUL character in the path
        raise FileAccessError(os.fspath(path), "write", str(exc)) from None
    _fsync_directory(directory)


def _write(target: Path, directory: Path, chunks: tuple[bytes, ...]) -> None:
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    # The only portable way to read the umask is to set it and set it back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows).
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platform dependent
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - platform dependent
        pass
    finally:
        os.close(fd)
