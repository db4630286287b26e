"""Atomic file writes: a reader sees the old file whole or the new file whole, never a part."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
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
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    fd, temporary = _create_temporary(target, directory, 0o600 if mode is not None else 0o666)
    try:
        if mode is not None:
            os.chmod(temporary, mode)
        with os.fdopen(fd, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _create_temporary(target: Path, directory: Path, mode: int) -> tuple[int, Path]:
    """A new, exclusively created temporary file beside *target*, opened for writing.

    Created with *mode* through :func:`os.open`, so the kernel applies the umask (and any
    default ACL) as for a plain ``open()``; the umask is never read or changed, which
    would be a race with other threads creating files.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = directory / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temporary, flags, mode), temporary
        except FileExistsError:  # pragma: no cover - 32 random bits taken
            continue
    raise FileExistsError(f"no free temporary name beside {target}")  # pragma: no cover


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
