"""The one write policy of :mod:`ledarskap.io._atomic`, which every writer goes through."""

from __future__ import annotations

import os
import socket
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ledarskap.errors import FileAccessError, UsageError
from ledarskap.io import _atomic
from ledarskap.io._atomic import TEMPORARY_PREFIX, remove_stale_temporaries, write_atomic

fcntl = pytest.importorskip("fcntl")


def temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(TEMPORARY_PREFIX))


@pytest.fixture
def umask() -> Iterator[int]:
    old = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(old)


def test_a_new_file_gets_what_open_would_give_it(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "new.json"
    write_atomic(target, b"{", b"}")
    assert target.read_bytes() == b"{}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert temporaries(tmp_path) == []


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "old.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away takes root"
)
def test_a_replaced_file_keeps_its_owner_and_group(tmp_path: Path) -> None:
    """A file several people share stays theirs when one of them saves it."""
    target = tmp_path / "shared.json"
    target.write_bytes(b"old")
    os.chown(target, 65534, 5000)
    target.chmod(0o660)
    write_atomic(target, b"new")
    info = target.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 5000, 0o660)


def test_when_the_owner_cannot_be_kept_the_group_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only an administrator may give a file away; anyone may keep a group they are in."""
    target = tmp_path / "shared.json"
    target.write_bytes(b"old")
    calls: list[tuple[int, int]] = []

    def fchown(fd: int, uid: int, gid: int) -> None:
        calls.append((uid, gid))
        if uid != -1:
            raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", fchown)
    write_atomic(target, b"new")
    info = target.stat()
    assert calls == [(info.st_uid, info.st_gid), (-1, info.st_gid)]
    assert target.read_bytes() == b"new"


@pytest.mark.parametrize("suffix", ["/", "//"])
def test_a_path_ending_in_a_slash_is_a_folders_and_refused(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / "notes.json"
    target.write_bytes(b"my notes")
    with pytest.raises(FileAccessError, match="ending in a slash"):
        write_atomic(f"{target}{suffix}", b"{}")
    assert target.read_bytes() == b"my notes"


def test_the_temporary_file_is_private_until_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the bytes are written, the temporary copy is readable by its owner only."""
    seen: list[int] = []
    fsync = os.fsync

    def spy(fd: int) -> None:
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode):
            seen.append(stat.S_IMODE(info.st_mode))
        fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    target = tmp_path / "old.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomic(target, b"new")
    assert seen == [0o600]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "program.json"
    real.write_bytes(b"old")
    link = tmp_path / "program.json"
    link.symlink_to(Path("data") / "program.json")
    chain = tmp_path / "chain.json"
    chain.symlink_to(link)
    write_atomic(chain, b"new")
    assert link.is_symlink()
    assert chain.is_symlink()
    assert real.read_bytes() == b"new"
    assert temporaries(tmp_path) == temporaries(tmp_path / "data") == []


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "made.csv")
    write_atomic(link, b"x")
    assert link.is_symlink()
    assert (tmp_path / "made.csv").read_bytes() == b"x"


def test_a_loop_of_symlinks_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    with pytest.raises(FileAccessError, match=r"a\.json: cannot write"):
        write_atomic(tmp_path / "a.json", b"x")
    assert (tmp_path / "a.json").is_symlink()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").mkdir()
    with pytest.raises(FileAccessError, match="it is a folder, not a file"):
        write_atomic(tmp_path / "sheet.csv", b"x")
    assert (tmp_path / "sheet.csv").is_dir()
    assert temporaries(tmp_path) == []


def test_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(FileAccessError, match="not a regular file"):
        write_atomic(fifo, b"x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlink_to_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link.csv").symlink_to(tmp_path / "pipe")
    with pytest.raises(FileAccessError, match="not a regular file"):
        write_atomic(tmp_path / "link.csv", b"x")
    assert stat.S_ISFIFO((tmp_path / "pipe").lstat().st_mode)


def test_a_socket_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a socket's path is short
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("s.csv")
        with pytest.raises(FileAccessError, match="not a regular file"):
            write_atomic("s.csv", b"x")
    assert stat.S_ISSOCK((tmp_path / "s.csv").lstat().st_mode)


def test_a_device_node_is_refused(tmp_path: Path) -> None:
    device = tmp_path / "null.csv"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError:
        pytest.skip("no permission to make a device node here")
    with pytest.raises(FileAccessError, match="not a regular file"):
        write_atomic(device, b"x")
    assert stat.S_ISCHR(device.lstat().st_mode)


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o000])
def test_a_read_only_file_is_refused(tmp_path: Path, mode: int) -> None:
    """Even for a user (root) who could write it: no write bit means do not replace it."""
    target = tmp_path / "frozen.json"
    target.write_bytes(b"old")
    target.chmod(mode)
    with pytest.raises(FileAccessError, match=r"frozen\.json: cannot write: the file is read-only"):
        write_atomic(target, b"new")
    target.chmod(0o600)
    assert target.read_bytes() == b"old"
    assert temporaries(tmp_path) == []


def test_a_name_as_long_as_the_file_system_allows_can_be_written(tmp_path: Path) -> None:
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    target = tmp_path / ("p" * (limit - 5) + ".json")
    write_atomic(target, b"{}")
    write_atomic(target, b"[]")
    assert target.read_bytes() == b"[]"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "program.json"
    target.write_bytes(b"old")

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(FileAccessError, match=r"program\.json: cannot write: No space left"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert temporaries(tmp_path) == []


def test_a_missing_folder_or_a_nul_is_a_file_access_error(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="cannot write"):
        write_atomic(tmp_path / "no" / "such.json", b"x")
    with pytest.raises(FileAccessError, match="cannot write"):
        write_atomic(str(tmp_path / "a\0b.json"), b"x")


@pytest.mark.parametrize("path", [None, 3, b"bytes.json"])
def test_a_path_that_is_no_path_is_a_usage_error(path: object) -> None:
    with pytest.raises(UsageError, match="expected a file path"):
        write_atomic(path, b"x")  # type: ignore[arg-type]


def stale_of(target: Path, tail: str = "0badc0de") -> Path:
    stale = target.parent / f"{_atomic._prefix(target)}{tail}.tmp"
    stale.write_bytes(b"a copy with every personnummer")
    return stale


def test_the_next_write_removes_stale_temporaries_of_its_target(tmp_path: Path) -> None:
    target = tmp_path / "program.json"
    stale = stale_of(target)
    other = stale_of(tmp_path / "other.json")
    lookalike = tmp_path / f"{TEMPORARY_PREFIX}notours.tmp"
    lookalike.write_bytes(b"")
    write_atomic(target, b"{}")
    assert not stale.exists()
    assert other.exists()  # another target's
    assert lookalike.exists()  # not of our naming


def test_a_temporary_that_a_live_writer_holds_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "program.json"
    held = stale_of(target)
    with held.open("rb") as stream:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
        remove_stale_temporaries(target)
        write_atomic(target, b"{}")
        assert held.exists()
    remove_stale_temporaries(target)
    assert not held.exists()


def test_stale_temporaries_are_found_beside_a_symlinks_target(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "program.json"
    stale = stale_of(real)
    (tmp_path / "link.json").symlink_to(real)
    remove_stale_temporaries(tmp_path / "link.json")
    assert not stale.exists()


def test_a_symlink_of_temporary_naming_is_never_removed(tmp_path: Path) -> None:
    target = tmp_path / "program.json"
    elsewhere = tmp_path / "precious"
    elsewhere.write_bytes(b"keep")
    link = target.parent / f"{_atomic._prefix(target)}11111111.tmp"
    link.symlink_to(elsewhere)
    folder = target.parent / f"{_atomic._prefix(target)}22222222.tmp"
    folder.mkdir()  # empty and new: a folder writer may not have locked it yet
    remove_stale_temporaries(target)
    assert link.is_symlink()
    assert folder.is_dir()
    assert elsewhere.read_bytes() == b"keep"


@pytest.mark.parametrize("path", [None, "", "a\0b", "/no/such/folder/x.json"])
def test_removing_stale_temporaries_never_raises(path: object) -> None:
    remove_stale_temporaries(path)  # type: ignore[arg-type]


def test_an_empty_temporary_is_kept_for_a_moment_as_its_writer_may_not_have_locked_it(
    tmp_path: Path,
) -> None:
    """A writer creates its temporary file, then locks it: a fresh empty one may be in use."""
    target = tmp_path / "program.json"
    fresh = target.parent / f"{_atomic._prefix(target)}33333333.tmp"
    fresh.write_bytes(b"")
    remove_stale_temporaries(target)
    assert fresh.exists()
    an_hour_ago = time.time() - 3600
    os.utime(fresh, (an_hour_ago, an_hour_ago))
    remove_stale_temporaries(target)
    assert not fresh.exists()


def test_writers_of_one_target_at_once_never_remove_each_others_temporary(
    tmp_path: Path,
) -> None:
    """Each write removes stale temporaries first; a live writer's is never one of them."""
    target = tmp_path / "program.json"
    contents = [bytes([65 + n]) * 20_000 for n in range(12)]
    errors: list[BaseException] = []

    def write(content: bytes) -> None:
        try:
            for _ in range(60):
                write_atomic(target, content)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(content,)) for content in contents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert target.read_bytes() in contents
    assert temporaries(tmp_path) == []


# Folders written whole ------------------------------------------------------------------


def _fill(folder: Path, **files: bytes) -> None:
    for name, content in files.items():
        _atomic.write_new_file(folder / name, content)


def test_a_new_folder_appears_whole_with_what_mkdir_would_give_it(
    tmp_path: Path, umask: int
) -> None:
    target = tmp_path / "tables"
    with _atomic.atomic_folder(target) as folder:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700  # private while it is filled
        assert not target.exists()
        _fill(folder, a=b"1", b=b"2")
    assert sorted(p.name for p in target.iterdir()) == ["a", "b"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o777 & ~umask
    assert stat.S_IMODE((target / "a").stat().st_mode) == 0o666 & ~umask
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize("exchange", [True, False], ids=["exchanged", "moved-aside"])
def test_an_old_folder_is_replaced_whole_and_keeps_its_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:  # as where renameat2 is missing (not Linux, an old C library)
        monkeypatch.setattr(_atomic, "_exchange", lambda one, other: False)
    target = tmp_path / "tables"
    target.mkdir(mode=0o750)
    target.chmod(0o750)
    (target / "old").write_bytes(b"old")
    with _atomic.atomic_folder(target) as folder:
        _fill(folder, new=b"new")
        assert (target / "old").exists()  # untouched until the block is done
    assert [p.name for p in target.iterdir()] == ["new"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o750
    assert temporaries(tmp_path) == []


def test_a_failure_leaves_the_old_folder_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "tables"
    target.mkdir()
    (target / "old").write_bytes(b"old")

    def fill_and_fail(folder: Path) -> None:
        _fill(folder, new=b"new")
        raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError), _atomic.atomic_folder(target) as folder:
        fill_and_fail(folder)
    assert [p.name for p in target.iterdir()] == ["old"]
    assert temporaries(tmp_path) == []


def test_a_library_error_inside_the_block_is_raised_as_it_is(tmp_path: Path) -> None:
    """A file of the folder that cannot be written names itself; the folder does not wrap
    its message in another."""
    target = tmp_path / "tables"
    inner = FileAccessError(str(target / "a.csv"), "write", "No space left on device")
    with pytest.raises(FileAccessError) as caught, _atomic.atomic_folder(target):
        raise inner
    assert caught.value is inner
    assert not target.exists()
    assert temporaries(tmp_path) == []


def test_a_failed_move_puts_the_old_folder_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_atomic, "_exchange", lambda one, other: False)
    renames: list[object] = []
    original = os.rename

    def failing_second(source: object, destination: object) -> None:
        renames.append(source)
        if len(renames) == 2:  # the new folder into place
            raise OSError(28, "No space left on device")
        original(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", failing_second)
    target = tmp_path / "tables"
    target.mkdir()
    (target / "old").write_bytes(b"old")
    with pytest.raises(FileAccessError, match="No space left"), _atomic.atomic_folder(target) as f:
        _fill(f, new=b"new")
    assert [p.name for p in target.iterdir()] == ["old"]
    assert temporaries(tmp_path) == []


def test_a_symlinked_folder_is_replaced_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "old").write_bytes(b"old")
    link = tmp_path / "link"
    link.symlink_to(real)
    with _atomic.atomic_folder(link) as folder:
        _fill(folder, new=b"new")
    assert link.is_symlink()
    assert [p.name for p in real.iterdir()] == ["new"]


def test_a_stale_folder_is_removed_and_a_held_one_kept(tmp_path: Path) -> None:
    target = tmp_path / "tables"
    stale = tmp_path / f"{_atomic._prefix(target)}44444444.tmp"
    stale.mkdir()
    (stale / "participants.csv").write_bytes(b"a copy with names")
    held = tmp_path / f"{_atomic._prefix(target)}55555555.tmp"
    held.mkdir()
    (held / "participants.csv").write_bytes(b"a live writer's")
    fd = os.open(held, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with _atomic.atomic_folder(target) as folder:
            _fill(folder, new=b"new")
        assert not stale.exists()
        assert held.is_dir()
    finally:
        os.close(fd)
    remove_stale_temporaries(target)
    assert not held.exists()


@pytest.mark.parametrize("path", ["a\0b", "/no/such/folder/x"])
def test_a_folder_that_cannot_be_made_is_a_file_access_error(path: str) -> None:
    with pytest.raises(FileAccessError), _atomic.atomic_folder(path):
        pass  # pragma: no cover - never entered


def test_a_file_is_not_replaced_by_a_folder(tmp_path: Path) -> None:
    file = tmp_path / "tables"
    file.write_bytes(b"keep")
    with pytest.raises(FileAccessError, match="not a folder"), _atomic.atomic_folder(file):
        pass  # pragma: no cover - never entered
    assert file.read_bytes() == b"keep"


def test_an_exchange_that_fails_says_why(tmp_path: Path) -> None:
    """Where the system can exchange two paths at all, a failure is the system's error."""
    (tmp_path / "here").mkdir()
    if not _atomic._exchange(tmp_path / "here", tmp_path / "here"):
        pytest.skip("no renameat2 here")
    with pytest.raises(FileNotFoundError):
        _atomic._exchange(tmp_path / "here", tmp_path / "nowhere")


def test_a_file_that_cannot_be_written_is_said_in_swedish(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_text("{}")
    target.chmod(0o444)
    with pytest.raises(FileAccessError) as raised:
        write_atomic(target, b"x")
    assert raised.value.render("sv") == f"{target}: kan inte skriva: filen är skrivskyddad"
    assert str(raised.value) == f"{target}: cannot write: the file is read-only"
    with pytest.raises(FileAccessError) as raised:
        write_atomic(tmp_path / "nowhere" / "a.json", b"x")
    assert raised.value.render("sv").endswith("kan inte skriva: filen eller mappen finns inte")
    with pytest.raises(UsageError) as usage:
        write_atomic(3, b"x")  # type: ignore[arg-type]
    assert usage.value.render("sv") == (
        "förväntade en sökväg till en fil (str eller os.PathLike), fick int"
    )
    with pytest.raises(UsageError) as usage:
        _atomic.check_suffix(tmp_path / "a", (".csv", ".xlsx"), "write_sheet")
    assert usage.value.render("sv") == (
        "write_sheet: förväntade ett filnamn som slutar på .csv eller .xlsx, "
        "fick ett namn utan ändelse"
    )
    assert str(usage.value) == (
        "write_sheet: expected a file name ending .csv or .xlsx, found a name without one"
    )
