"""Revisions of a program file: a save never silently overwrites an edit made since reading."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap
import weakref
from pathlib import Path

import attrs
import pytest

import ledarskap
from ledarskap import ConflictError, FileAccessError, Person, ProgramData, Revision, UsageError
from ledarskap.io import revisions
from ledarskap.io._atomic import write_atomic

SMALL = ProgramData(
    program=ledarskap.example_program().program,
    people=[Person(id="p-1", given_name="Anna", family_name="Berg")],
)


def _with_person(data: ProgramData, person_id: str) -> ProgramData:
    person = Person(id=person_id, given_name="Karl", family_name="Lind")
    return attrs.evolve(data, people=[*data.people, person])


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "program.json"
    ledarskap.dump(SMALL, target)
    return target


def _edit_elsewhere(path: Path, person_id: str) -> None:
    """Change the file as another program would: not through this process's ledarskap."""
    document = json.loads(path.read_text(encoding="utf-8"))
    document["people"].append({"id": person_id, "given_name": "Eva", "family_name": "Ek"})
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")


def test_loading_records_the_revision_read(path: Path) -> None:
    data = ledarskap.load(path)
    revision = ledarskap.revision_of(data)
    assert revision is not None
    assert revision == ledarskap.revision_of(path)
    assert revision.size == path.stat().st_size
    assert revision.mtime_ns == path.stat().st_mtime_ns
    assert str(revision).startswith(f"{revision.short} ({revision.size} bytes, ")
    assert ledarskap.revision_of(_with_person(data, "p-2")) is None  # a changed copy: new data
    assert ledarskap.revision_of(path.with_name("none.json")) is None  # no file
    assert ledarskap.revision_of(SMALL) is None or SMALL is not data


def test_saving_over_a_file_changed_since_it_was_read_is_refused(path: Path) -> None:
    data = ledarskap.load(path)
    read = ledarskap.revision_of(data)
    _edit_elsewhere(path, "p-other")
    before = path.read_bytes()
    with pytest.raises(ConflictError) as caught:
        ledarskap.dump(_with_person(data, "p-mine"), path)
    error = caught.value
    assert isinstance(error, FileAccessError)
    assert isinstance(error, OSError)
    assert error.path == os.fspath(path)
    assert error.expected == read
    assert error.found == ledarskap.revision_of(path)
    message = str(error)
    assert message.startswith(f"{path}: cannot write: the file changed since it was read")
    assert isinstance(error.found, Revision)
    assert read is not None
    assert read.short in message
    assert error.found.short in message
    assert "overwrite=True" in message
    assert path.read_bytes() == before  # nothing written
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".ledarskap-")]


def test_reload_reapply_save_keeps_both_edits(path: Path) -> None:
    data = ledarskap.load(path)
    _edit_elsewhere(path, "p-other")
    with pytest.raises(ConflictError):
        ledarskap.dump(_with_person(data, "p-mine"), path)
    ledarskap.dump(_with_person(ledarskap.load(path), "p-mine"), path)
    assert [p.id for p in ledarskap.load(path).people] == ["p-1", "p-other", "p-mine"]


def test_a_file_removed_since_it_was_read_is_a_conflict(path: Path) -> None:
    data = ledarskap.load(path)
    path.unlink()
    with pytest.raises(ConflictError, match="the file is gone") as caught:
        ledarskap.dump(data, path)
    assert caught.value.found is None
    assert not path.exists()


def test_overwrite_saves_anyway(path: Path) -> None:
    data = ledarskap.load(path)
    _edit_elsewhere(path, "p-other")
    ledarskap.dump(data, path, overwrite=True)
    assert ledarskap.load(path) == SMALL
    assert ledarskap.revision_of(data) == ledarskap.revision_of(path)


def test_an_expected_revision_is_checked_as_given(path: Path) -> None:
    """Two editors of one file in one process keep their revisions apart explicitly."""
    first, second = ledarskap.load(path), ledarskap.load(path)
    read = ledarskap.revision_of(second)
    assert read is not None
    ledarskap.dump(_with_person(first, "p-2"), path)
    with pytest.raises(ConflictError):
        ledarskap.dump(_with_person(second, "p-3"), path, expected_revision=read)
    now = ledarskap.revision_of(path)
    assert now is not None
    ledarskap.dump(_with_person(ledarskap.load(path), "p-3"), path, expected_revision=now)
    assert [p.id for p in ledarskap.load(path).people] == ["p-1", "p-2", "p-3"]


def test_saving_again_after_saving_needs_no_reload(path: Path) -> None:
    data = _with_person(ledarskap.load(path), "p-2")
    ledarskap.dump(data, path)
    ledarskap.dump(_with_person(data, "p-3"), path)  # the revision this process wrote
    assert len(ledarskap.load(path).people) == 3


def test_new_files_and_files_never_read_are_written_as_before(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    ledarskap.dump(SMALL, target)
    assert ledarskap.load(target) == SMALL
    other = tmp_path / "other.json"
    other.write_text("not a program document", encoding="utf-8")
    ledarskap.dump(SMALL, other)  # never read by this process: replaced as before
    assert ledarskap.load(other) == SMALL


def test_the_file_is_known_by_its_real_path(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read through a symlink or a relative path, saved through another: the same file."""
    link = path.with_name("link.json")
    link.symlink_to(path)
    data = ledarskap.load(link)
    _edit_elsewhere(path, "p-other")
    monkeypatch.chdir(path.parent)
    with pytest.raises(ConflictError):
        ledarskap.dump(data, path.name)


def test_arguments_are_checked(path: Path) -> None:
    data = ledarskap.load(path)
    read = ledarskap.revision_of(data)
    with pytest.raises(UsageError, match="not both"):
        ledarskap.dump(data, path, overwrite=True, expected_revision=read)
    with pytest.raises(UsageError, match="must be a Revision"):
        ledarskap.dump(data, path, expected_revision="44136fa355b3")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="a ProgramData or a path"):
        ledarskap.revision_of(3)  # type: ignore[arg-type]


def test_an_unreadable_file_has_no_revision_to_give(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="cannot read"):
        ledarskap.revision_of(tmp_path)  # a folder


def test_the_memory_of_loaded_data_does_not_keep_it_alive(path: Path) -> None:
    data = ledarskap.load(path)
    key = id(data)
    alive = weakref.ref(data)
    del data
    gc.collect()
    assert alive() is None
    ledarskap.revision_of(SMALL)  # the memory is tidied on its next use
    entry = revisions._KNOWN._data.get(key)
    assert entry is None or entry[0]() is not None  # forgotten, or the id reused since


def test_the_check_runs_again_just_before_the_rename(path: Path) -> None:
    """A file changed while the new one is written is still not overwritten."""
    data = ledarskap.load(path)
    calls: list[int] = []

    def check() -> None:
        calls.append(len(calls))
        if len(calls) == 2:
            _edit_elsewhere(path, "p-during")
            revisions.check(revisions.expected_for(data, path), path)  # type: ignore[arg-type]

    with pytest.raises(ConflictError):
        write_atomic(path, b"{}", check=check)
    assert calls == [0, 1]
    assert [p.id for p in ledarskap.load(path).people] == ["p-1", "p-during"]
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".ledarskap-")]


# Two processes -------------------------------------------------------------------------

WORKER = textwrap.dedent(
    """
    import sys

    import attrs

    import ledarskap
    from ledarskap import ConflictError, Person

    path, data = sys.argv[1], None
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "load":
            data = ledarskap.load(path)
            print("loaded", ledarskap.revision_of(data).short, flush=True)
        elif command == "add":
            person = Person(id=argument, given_name="Test", family_name="Testsson")
            data = attrs.evolve(data, people=[*data.people, person])
            print("added", flush=True)
        elif command == "save":
            try:
                ledarskap.dump(data, path)
            except ConflictError as error:
                print("conflict", error.expected.short, error.found.short, flush=True)
            else:
                print("saved", ledarskap.revision_of(data).short, flush=True)
    """
)


class _Tool:
    """Another process working on the file, one command at a time."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER, os.fspath(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def __call__(self, command: str) -> list[str]:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().split()

    def close(self) -> None:
        self.process.communicate(timeout=60)
        assert self.process.returncode == 0


def test_two_processes_the_second_save_is_refused_and_reloading_keeps_both(path: Path) -> None:
    first, second = _Tool(path), _Tool(path)
    try:
        read = first("load")[1]
        assert second("load") == ["loaded", read]
        first("add p-first")
        second("add p-second")
        saved = first("save")
        assert saved[0] == "saved"
        assert second("save") == ["conflict", read, saved[1]]  # both revisions named
        second("load")
        second("add p-second")
        assert second("save")[0] == "saved"
    finally:
        first.close()
        second.close()
    assert [p.id for p in ledarskap.load(path).people] == ["p-1", "p-first", "p-second"]


HAMMER = textwrap.dedent(
    """
    import sys

    import attrs

    import ledarskap
    from ledarskap import ConflictError, Person

    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    conflicts = 0
    for n in range(count):
        while True:  # read, change, save; on a conflict, again from the read
            data = ledarskap.load(path)
            person = Person(id=f"p-{name}-{n}", given_name="Test", family_name="Testsson")
            try:
                ledarskap.dump(attrs.evolve(data, people=[*data.people, person]), path)
            except ConflictError:
                conflicts += 1
            else:
                break
    print(conflicts)
    """
)


def test_two_processes_saving_at_once_lose_no_edit(path: Path) -> None:
    """Law: processes that each read, change and save (again on a conflict) lose no edit,
    however their saves interleave."""
    count = 6
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", HAMMER, os.fspath(path), name, str(count)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    for process in processes:
        process.communicate(timeout=120)
        assert process.returncode == 0
    ids = {p.id for p in ledarskap.load(path).people}
    assert ids == {"p-1"} | {f"p-{name}-{n}" for name in ("a", "b") for n in range(count)}


def test_a_path_with_a_nul_is_the_librarys_error(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="not a usable path"):
        ledarskap.dump(ledarskap.example_program(), tmp_path / "nul\0.json")
