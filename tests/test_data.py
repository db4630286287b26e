from __future__ import annotations

import errno
from importlib import resources

import pytest

from ledarskap import data
from ledarskap.errors import FileAccessError


@pytest.mark.parametrize("name", ["example-program.json", "kommuner.csv", "lan.csv"])
def test_read_bytes_gives_what_importlib_resources_gives(name: str) -> None:
    assert data.read_bytes(name) == resources.files("ledarskap.data").joinpath(name).read_bytes()


def test_read_bytes_of_a_missing_file_is_the_librarys_error_saying_enoent() -> None:
    with pytest.raises(FileAccessError) as caught:
        data.read_bytes("no-such-file.csv")
    assert isinstance(caught.value, OSError)
    assert caught.value.errno == errno.ENOENT
