"""Reading a whole file, bounded (ledarskap.io._reading): regular files and pipes only."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from pathlib import Path

import pytest

from ledarskap.io import _reading
from ledarskap.io._reading import read_bounded

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")


def test_a_regular_file_is_read_whole_with_its_time(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(b"a = 1\n")
    content, mtime_ns = read_bounded(path, 6, "a rule set")
    assert content == b"a = 1\n"
    assert mtime_ns == path.stat().st_mtime_ns


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(b"a = 1\n")
    with pytest.raises(OSError, match="larger than the 5 bytes a rule set may have") as caught:
        read_bounded(path, 5, "a rule set")
    assert caught.value.errno == errno.EFBIG


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_never_read(tmp_path: Path, device: str) -> None:
    """/dev/zero never ends: a name that leads to a device is refused before a byte is read."""
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    link = tmp_path / "x.json"
    link.symlink_to(device)
    with pytest.raises(OSError, match="not a regular file") as caught:
        read_bounded(link, 1024, "a program document")
    assert caught.value.errno == errno.EINVAL


def test_a_pipe_is_read_up_to_the_limit(tmp_path: Path) -> None:
    """A pipe (as a shell's <(…) gives) is read until its writer closes it, but never past
    the limit: an endless writer is refused one byte after it."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)

    def writer(chunks: int) -> None:
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as stream:
            for _ in range(chunks):
                stream.write(b"x" * 1000)

    short = threading.Thread(target=writer, args=(2,))
    short.start()
    assert read_bounded(fifo, 5000, "a program document")[0] == b"x" * 2000
    short.join()

    endless = threading.Thread(target=writer, args=(100,))
    endless.start()
    with pytest.raises(OSError, match="larger than") as caught:
        read_bounded(fifo, 5000, "a program document")
    assert caught.value.errno == errno.EFBIG
    endless.join()


def test_a_device_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a device may already do something (a tape rewinds, a modem dials)."""
    link = tmp_path / "x.json"
    link.symlink_to("/dev/null")
    opened: list[object] = []
    monkeypatch.setattr(_reading, "open", lambda *args: opened.append(args), raising=False)
    with pytest.raises(OSError, match="not a regular file"):
        read_bounded(link, 1024, "a program document")
    assert opened == []


def test_without_pipes_a_fifo_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    """A file about to be replaced is read only if it is a regular file: a FIFO with no
    writer is refused at once instead of waiting for one."""
    fifo = tmp_path / "calendar.ics"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        read_bounded(fifo, 1024, "a calendar", pipes=False)


def test_a_folder_is_said_to_be_one(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        read_bounded(tmp_path, 1024, "a rule set")


def test_a_refused_file_says_why_in_swedish(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 3 * 1024 * 1024)
    with pytest.raises(_reading.RefusedFileError) as raised:
        read_bounded(path, 2 * 1024 * 1024, "a program document")
    assert raised.value.strerror == "larger than the 2 MiB a program document may have"
    reason = _reading.reason_of(raised.value)
    assert not isinstance(reason, str)
    assert reason.sv == "större än de 2 MiB ett programdokument får ha"
    with pytest.raises(_reading.RefusedFileError) as raised:
        read_bounded("/dev/null", 10, "a rule set")
    reason = _reading.reason_of(raised.value)
    assert not isinstance(reason, str)
    assert reason.sv == "ingen vanlig fil (en enhet eller socket läses aldrig)"
    assert _reading.reason_of(OSError(5, "Something odd")) == "Something odd"
