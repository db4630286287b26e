"""The one way the library writes a file: atomically, privately, and only over a regular file.

Every writer (documents as JSON or TOML, sheets as CSV or XLSX) goes through
:func:`write_atomic`, so they share one policy:

- A reader sees the old file whole or the new file whole, never a part: the bytes go to a
  temporary file in the target's folder, are flushed and fsynced, and the temporary file
  is renamed over the target (:func:`os.replace`, atomic on POSIX and Windows).
- A symlink is written *through*: its target is replaced (the temporary file is made in
  the target's folder, so that the rename stays within one file system) and the link stays
  a link.
- Only a regular file is replaced: a folder, a device node, a FIFO or a socket is refused,
  and so is a read-only file (no write permission bit set, or not writable by this
  process), with :class:`~ledarskap.errors.FileAccessError`.
- The temporary file is created readable by the owner only (``0600``): a process killed
  while writing leaves no copy that others can read. It gets its final permissions just
  before the rename: the old file's when one is replaced, otherwise those a plain
  ``open()`` gives a new file (``0666`` less the umask).
- Temporary names are short and fixed in length (``.ledarskap-<8 hex>-<8 hex>.tmp``, the
  first part from the target's name), so a target whose name is as long as the file
  system allows can still be written, and a temporary file left by a killed process is
  recognised: every write of a target first removes the stale temporary files of that
  target (see :func:`remove_stale_temporaries`, which a reader may call too).
- A folder of files (the CSV or Parquet tables of an export) is written all or nothing
  (:func:`atomic_folder`): into a fresh private (``0700``) folder beside it, named as the
  temporary files are, which is swapped in for the old folder when every file is
  written. On Linux the two are exchanged in one step (``renameat2`` with
  ``RENAME_EXCHANGE``), so a reader finds the old folder or the new one, never a mix and
  never none; elsewhere the old folder is first renamed aside, so for an instant there
  is none. The old folder is then removed. If anything fails before the swap, the old
  folder is untouched and the new one removed; one left by a killed writer is removed
  by the next write of that folder, as a stale temporary file is.
- A write may be *checked* (``check=``: a save that must find the file it read, see
  :mod:`ledarskap.io.revisions`): the check runs under an exclusive lock on the target's
  folder that every checked write takes (``flock``, where the platform and file system
  have it), before the temporary file is written and again just before the rename, so
  two checked writes of one file never both pass their checks against the same file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ledarskap.errors import FileAccessError, LedarskapError, UsageError
from ledarskap.text import Text

from ._reading import reason_of

if sys.platform != "win32":
    import fcntl

__all__ = [
    "TEMPORARY_PREFIX",
    "atomic_folder",
    "check_suffix",
    "check_writable",
    "remove_stale_temporaries",
    "write_atomic",
    "write_new_file",
]

TEMPORARY_PREFIX = ".ledarskap-"
"""How the name of every temporary file the library writes begins."""
_SUFFIX = ".tmp"
_PRIVATE = 0o600
_PRIVATE_FOLDER = 0o700
_NEW_FILE = 0o666
_NEW_FOLDER = 0o777
# Without fcntl (Windows) a temporary file cannot be told in use by its lock; one older than
# this is taken for stale.
_STALE_AFTER = 3600.0
# How long a writer's new, empty temporary file may stand before the writer locks it.
_UNLOCKED_AT_MOST = 60.0


def check_suffix(path: object, suffixes: tuple[str, ...], writer: str) -> None:
    """Refuse *path* unless its name ends in one of *suffixes* (compared case-blind).

    A writer writes only the syntax its file's name says, so that a slip of the hand
    (``-o program.json`` for an XLSX export) cannot replace a file of another kind.
    """
    if not isinstance(path, (str, os.PathLike)):
        found = type(path).__name__
        raise UsageError(
            Text(
                f"{writer}: förväntade en sökväg till en fil, fick {found}",
                f"{writer}: expected a file path, found {found}",
            )
        )
    suffix = Path(path).suffix
    if suffix.casefold() not in suffixes:
        found, fick = (
            (repr(suffix), repr(suffix))
            if suffix
            else ("a name without one", "ett namn utan ändelse")
        )
        raise UsageError(
            Text(
                f"{writer}: förväntade ett filnamn som slutar på {' eller '.join(suffixes)}, "
                f"fick {fick}",
                f"{writer}: expected a file name ending {' or '.join(suffixes)}, found {found}",
            )
        )


def check_writable(path: str | os.PathLike[str]) -> None:
    """Refuse *path* now if :func:`write_atomic` would refuse it: not a regular file, read-only.

    For a writer that reads the file it will replace first (a calendar keeps the events
    of the one it replaces): a device or a FIFO is then never read, and nothing is
    worked out for a file that cannot be written.
    """
    _check_path(path)
    try:
        _existing(path, _target(path))
    except OSError as exc:  # a name too long, a folder that cannot be searched
        raise FileAccessError(_shown(path), "write", reason_of(exc), errno=exc.errno) from None
    except ValueError as exc:  # a NUL character in the path
        raise FileAccessError(_shown(path), "write", reason_of(exc)) from None


def _check_path(path: object) -> None:
    """Refuse what is no file path, and a path ending in a slash (a folder's)."""
    if not isinstance(path, (str, os.PathLike)):
        found = type(path).__name__
        raise UsageError(
            Text(
                f"förväntade en sökväg till en fil (str eller os.PathLike), fick {found}",
                f"expected a file path (str or os.PathLike), found {found}",
            )
        )
    name = os.fsdecode(path)
    if name.endswith(("/", os.sep)):  # realpath would drop it, and replace the file before
        raise FileAccessError(
            name,
            "write",
            Text(
                "en sökväg som slutar med snedstreck är en mapps, inte en fils",
                "a path ending in a slash is a folder's, not a file's",
            ),
        )


def write_atomic(
    path: str | os.PathLike[str],
    *chunks: bytes,
    check: Callable[[], None] | None = None,
) -> None:
    """Write *chunks*, one after the other, to *path* by the policy of this module.

    If anything fails, the old file stays as it was and the temporary file is removed.
    Failures, and a target that is not a writable regular file, raise
    :class:`~ledarskap.errors.FileAccessError` naming *path* as given. *check*, if given,
    is called under the folder's lock before writing and again just before the rename;
    whatever it raises stops the write.
    """
    _check_path(path)
    try:
        target = _target(path)
        existing = _existing(path, target)
        _remove_stale(target)
        with _folder_locked(target.parent) if check else contextlib.nullcontext():
            if check:
                check()
            _write(target, existing, chunks, check)
    except FileAccessError:
        raise
    except OSError as exc:
        raise FileAccessError(_shown(path), "write", reason_of(exc), errno=exc.errno) from None
    except ValueError as exc:  # a NUL character in the path
        raise FileAccessError(_shown(path), "write", reason_of(exc)) from None
    _fsync_directory(target.parent)


def remove_stale_temporaries(path: str | os.PathLike[str]) -> None:
    """Remove the temporary files a killed writer of *path* left beside it.

    Only files of this module's naming for *path* are touched, and of those only regular
    files owned by this user that no live writer holds (a writer keeps a lock on its
    temporary file until it is renamed). Nothing is raised: a file that cannot be removed
    is left for the next time.
    """
    with contextlib.suppress(OSError, TypeError, ValueError):
        _remove_stale(_target(path))


def _shown(path: str | os.PathLike[str]) -> str:
    return os.fsdecode(path)


def _target(path: str | os.PathLike[str]) -> Path:
    """The file a write of *path* replaces: *path*, or the file its symlinks lead to."""
    return Path(os.path.realpath(os.fspath(path)))


def _existing(path: str | os.PathLike[str], target: Path) -> os.stat_result | None:
    """What is known of the file to be replaced (its mode, owner), or ``None`` for a new file.

    Raises :class:`~ledarskap.errors.FileAccessError` for what must not be replaced.
    """
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    shown = _shown(path)
    if stat.S_ISLNK(info.st_mode):  # realpath left a link: a loop of links
        raise FileAccessError(
            shown, "write", Text("en slinga av symboliska länkar", "a loop of symbolic links")
        )
    if stat.S_ISDIR(info.st_mode):
        raise FileAccessError(
            shown, "write", Text("det är en mapp, inte en fil", "it is a folder, not a file")
        )
    if not stat.S_ISREG(info.st_mode):
        raise FileAccessError(
            shown,
            "write",
            Text(
                "ingen vanlig fil (en enhet, FIFO eller socket ersätts aldrig)",
                "not a regular file (a device, FIFO or socket is never replaced)",
            ),
        )
    mode = stat.S_IMODE(info.st_mode) & 0o777
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise FileAccessError(
            shown, "write", Text("filen är skrivskyddad", "the file is read-only")
        )
    return info


def _write(
    target: Path,
    existing: os.stat_result | None,
    chunks: tuple[bytes, ...],
    check: Callable[[], None] | None,
) -> None:
    fd, temporary = _create_temporary(target)
    try:
        with os.fdopen(fd, "wb") as stream:
            _lock(stream.fileno())
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
            if existing is None:
                _chmod(stream.fileno(), temporary, _NEW_FILE & ~_umask())
            else:  # as the file it replaces: its owner and group, then its bits
                _keep_owner(stream.fileno(), existing)
                # never set-id or sticky bits on the new file
                _chmod(stream.fileno(), temporary, stat.S_IMODE(existing.st_mode) & 0o777)
            if check:  # again, as late as can be: only the rename itself is left unguarded
                check()
            os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _prefix(target: Path) -> str:
    """The start of the temporary names for *target*: fixed in length, whatever its name."""
    import hashlib  # OpenSSL, some 3 ms: only when writing or cleaning up

    digest = hashlib.blake2b(os.fsencode(target.name), digest_size=4).hexdigest()
    return f"{TEMPORARY_PREFIX}{digest}-"


def _create_temporary(target: Path) -> tuple[int, Path]:
    """A new, exclusively created temporary file beside *target*, private to its owner."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)
    prefix = _prefix(target)
    for _ in range(100):
        temporary = target.parent / f"{prefix}{os.urandom(4).hex()}{_SUFFIX}"
        try:
            return os.open(temporary, flags, _PRIVATE), temporary
        except FileExistsError:  # pragma: no cover - 32 random bits taken
            continue
    raise FileExistsError(f"no free temporary name beside {target}")  # pragma: no cover


@contextlib.contextmanager
def _folder_locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on *folder* (every checked write of a file in it takes it).

    Where there is no ``flock`` (Windows), or the file system refuses it (some network
    file systems), nothing is locked: the checks still run, the second just before the
    rename.
    """
    fd = -1
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        if fd >= 0:
            os.close(fd)  # releases the lock


def _lock(fd: int) -> None:
    """Mark the temporary file in use until it is closed (or its process dies)."""
    if sys.platform != "win32":  # waits if a cleaner is looking at it this instant
        fcntl.flock(fd, fcntl.LOCK_EX)


def _keep_owner(fd: int, existing: os.stat_result) -> None:
    """Give the new file the owner and group of the one it replaces, as far as allowed.

    A file shared by a group stays the group's when a member saves it: anyone may keep a
    group they are in, only an administrator may keep another's ownership. What is not
    allowed is left as the system makes it.
    """
    if not hasattr(os, "fchown"):  # pragma: no cover - Windows
        return
    try:
        os.fchown(fd, existing.st_uid, existing.st_gid)
    except OSError:
        with contextlib.suppress(OSError):
            os.fchown(fd, -1, existing.st_gid)


def _chmod(fd: int, temporary: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # pragma: no cover - Windows
        os.chmod(temporary, mode)


def _umask() -> int:
    """The process's umask, read without changing it where the platform allows.

    Setting and restoring it (the only portable way) would race with other threads
    creating files, so Linux's ``/proc/self/status`` is read first.
    """
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", "rb") as status:
        for line in status:
            if line.startswith(b"Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o077)  # pragma: no cover - no /proc
    os.umask(mask)  # pragma: no cover - no /proc
    return mask  # pragma: no cover - no /proc


def _stale(folder: Path, prefix: str) -> Iterator[Path]:
    for entry in os.scandir(folder):
        if (
            entry.name.startswith(prefix)
            and entry.name.endswith(_SUFFIX)
            and len(entry.name) == len(prefix) + 8 + len(_SUFFIX)
        ):
            yield Path(entry.path)


def _remove_stale(target: Path) -> None:
    """Remove the temporary files of *target* that no live writer holds."""
    try:
        candidates = list(_stale(target.parent, _prefix(target)))
    except OSError:
        return
    for candidate in candidates:
        with contextlib.suppress(OSError):
            _remove_if_abandoned(candidate)


def _remove_if_abandoned(candidate: Path) -> None:
    """Remove *candidate* if no writer holds it, or will: the lock is taken before a byte.

    A writer creates its temporary file and locks it a moment later; an empty file is
    only taken for abandoned once it is older than that moment could be.
    """
    fd = os.open(candidate, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        folder = stat.S_ISDIR(info.st_mode)
        if not (stat.S_ISREG(info.st_mode) or folder) or (
            hasattr(os, "geteuid") and info.st_uid != os.geteuid()
        ):
            return
        age = time.time() - info.st_mtime
        if sys.platform == "win32":  # pragma: no cover - no flock: old enough is stale
            if age < _STALE_AFTER:
                return
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # OSError: a live writer holds it
            empty = not os.listdir(candidate) if folder else os.fstat(fd).st_size == 0
            if empty and age < _UNLOCKED_AT_MOST:
                return
        now = os.lstat(candidate)  # still the same file under that name?
        if (now.st_dev, now.st_ino) == (info.st_dev, info.st_ino):
            if folder:
                shutil.rmtree(candidate)
            else:
                os.unlink(candidate)
    finally:
        os.close(fd)


def write_new_file(path: Path, content: bytes) -> None:
    """Write *content* to *path*, a new file in a folder of :func:`atomic_folder`, durably.

    The folder is private until it is swapped in, so the file is made with its final
    permissions (``0666`` less the umask) and written in place.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0), _NEW_FILE)
    with os.fdopen(fd, "wb") as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())


@contextlib.contextmanager
def atomic_folder(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A new private folder to fill, swapped in for the folder *path* if the block succeeds.

    The folder given is beside *path* (or the folder its symlink leads to), named as this
    module's temporary files are and held locked, so that no cleaner takes it. When the
    block ends without an error the folder gets *path*'s permissions (a new folder's, if
    there is none) and replaces it as the module describes; the old folder, if there was
    one, is removed. If the block fails, *path* is left as it was and the new folder
    removed. The caller checks that *path* may be replaced (a folder it wrote); whatever
    is in it goes. Failures raise :class:`~ledarskap.errors.FileAccessError`.
    """
    shown = _shown(path)
    try:
        target = _target(path)
        mode = _folder_mode(target)
        _remove_stale(target)
        folder, fd = _create_temporary_folder(target)
    except OSError as exc:
        raise FileAccessError(shown, "write", reason_of(exc), errno=exc.errno) from None
    except ValueError as exc:  # a NUL character in the path
        raise FileAccessError(shown, "write", reason_of(exc)) from None
    try:
        try:
            yield folder
            _fsync_directory(folder)  # the files' names, durable
            os.chmod(folder, mode)
            old = _swap(folder, target)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
    except LedarskapError:  # a file of the folder named itself (a FileAccessError is an OSError)
        raise
    except OSError as exc:
        raise FileAccessError(shown, "write", reason_of(exc), errno=exc.errno) from None
    finally:
        if fd >= 0:
            os.close(fd)
    _fsync_directory(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _folder_mode(target: Path) -> int:
    """The permissions the new folder gets: the old folder's, or a new folder's."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return _NEW_FOLDER & ~_umask()
    if not stat.S_ISDIR(info.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, "not a folder")
    return stat.S_IMODE(info.st_mode) & 0o777


def _create_temporary_folder(target: Path) -> tuple[Path, int]:
    """A new folder beside *target*, private to its owner, and a descriptor holding its lock."""
    prefix = _prefix(target)
    for _ in range(100):
        folder = target.parent / f"{prefix}{os.urandom(4).hex()}{_SUFFIX}"
        try:
            os.mkdir(folder, _PRIVATE_FOLDER)
        except FileExistsError:  # pragma: no cover - 32 random bits taken
            continue
        fd = -1
        if sys.platform != "win32":
            fd = os.open(folder, os.O_RDONLY)
            _lock(fd)
        return folder, fd
    raise FileExistsError(f"no free temporary name beside {target}")  # pragma: no cover


def _swap(folder: Path, target: Path) -> Path | None:
    """Put *folder* where *target* is; the old folder's new path (to remove), if there was one."""
    if not target.exists():
        os.rename(folder, target)  # an empty folder made there meanwhile is replaced
        return None
    if _exchange(folder, target):
        return folder  # the old folder, under the temporary name
    aside = target.parent / f"{_prefix(target)}{os.urandom(4).hex()}{_SUFFIX}"
    os.rename(target, aside)
    try:
        os.rename(folder, target)
    except BaseException:
        os.rename(aside, target)
        raise
    return aside


def _exchange(one: Path, other: Path) -> bool:
    """Exchange two paths in one step (Linux's ``renameat2``); ``False`` where it cannot."""
    if sys.platform != "linux":  # pragma: no cover - Linux only
        return False
    import ctypes  # only to swap a folder in: the rest of the library never needs it

    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # pragma: no cover - a C library older than glibc 2.28
        return False
    at_cwd, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE
    if renameat2(at_cwd, os.fsencode(one), at_cwd, os.fsencode(other), exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # pragma: no cover - not here
        return False
    raise OSError(error, os.strerror(error), os.fsdecode(other))


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
