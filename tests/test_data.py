from __future__ import annotations

from importlib import resources

import pytest

from ledarskap import data


@pytest.mark.parametrize("name", ["example-program.json", "kommuner.csv", "lan.csv"])
def test_read_bytes_gives_what_importlib_resources_gives(name: str) -> None:
    assert data.read_bytes(name) == resources.files("ledarskap.data").joinpath(name).read_bytes()


def test_read_bytes_of_a_missing_file_raises_file_not_found() -> None:
    with pytest.raises(FileNotFoundError):
        data.read_bytes("no-such-file.csv")
