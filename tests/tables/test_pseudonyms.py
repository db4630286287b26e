from __future__ import annotations

import hashlib
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn

from ledarskap import Person
from ledarskap.errors import FileAccessError, UsageError
from ledarskap.tables import MIN_KEY_BYTES, PseudonymKey

from ._programs import KEY, OTHER_KEY

KEYS = st.binary(min_size=MIN_KEY_BYTES, max_size=64)


@given(KEYS, st.text(min_size=1))
def test_the_same_key_gives_the_same_pseudonym(key: bytes, value: str) -> None:
    """Law: a pseudonym depends on the key and the value only (stable across exports)."""
    assert PseudonymKey(key).pseudonym("participant", value) == PseudonymKey(bytes(key)).pseudonym(
        "participant", value
    )


@given(KEYS, KEYS, st.text(min_size=1))
def test_another_key_gives_another_pseudonym(one: bytes, other: bytes, value: str) -> None:
    """Law: two different keys give two different pseudonyms of one value (80 bits apart)."""
    if one != other:
        assert PseudonymKey(one).pseudonym("p", value) != PseudonymKey(other).pseudonym("p", value)


def test_a_pseudonym_is_short_plain_and_kept_apart_by_kind() -> None:
    key = PseudonymKey(KEY)
    made = key.pseudonym("participant", "d-1")
    assert len(made) == 17
    assert made.startswith("x")
    assert made.isalnum()
    assert made.islower()
    assert key.pseudonym("mentor", "d-1") != made
    assert key.pseudonym("participant", "d-2") != made


def test_a_short_key_is_refused_without_showing_it() -> None:
    with pytest.raises(UsageError, match=r"at least 32 bytes.*found 31 bytes") as caught:
        PseudonymKey(b"s" * 31)
    assert "sss" not in str(caught.value)
    with pytest.raises(UsageError, match="bytes, found str"):
        PseudonymKey("a" * 40)  # type: ignore[arg-type]


def test_a_key_file_is_read_as_it_is(tmp_path: Path) -> None:
    made = PseudonymKey.generate()
    assert len(bytes(made)) == 2 * MIN_KEY_BYTES  # 64 hex digits
    path = tmp_path / "key"
    path.write_bytes(bytes(made))
    assert PseudonymKey.from_file(path) == made
    # Random bytes that begin and end with whitespace are a key of their own, not shortened.
    raw = b" " + bytes(range(1, MIN_KEY_BYTES - 1)) + b"\n"
    (tmp_path / "raw").write_bytes(raw)
    assert bytes(PseudonymKey.from_file(tmp_path / "raw")) == raw
    assert PseudonymKey.from_file(path) != PseudonymKey(KEY)
    assert hash(PseudonymKey.from_file(path)) == hash(made)
    assert made.__eq__("key") is NotImplemented


def test_a_bad_key_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="missing: cannot read"):
        PseudonymKey.from_file(tmp_path / "missing")
    short = tmp_path / "short"
    short.write_text("hunter2\n")
    with pytest.raises(UsageError, match="short: a pseudonym key must be at least 32 bytes"):
        PseudonymKey.from_file(short)


def test_the_key_is_never_shown() -> None:
    key = PseudonymKey(KEY)
    assert repr(key) == str(key) == "PseudonymKey(<hidden>)"


def test_a_person_is_known_by_the_personnummer_across_documents() -> None:
    key = PseudonymKey(KEY)
    anna = Person(id="p-1", given_name="Anna", family_name="Berg", personnummer="19850312-2395")
    same = attrs.evolve(anna, id="p-other", personnummer="850312-2395")
    assert key.person(anna) == key.person(same)
    assert key.person(anna) != PseudonymKey(OTHER_KEY).person(anna)
    unnumbered = attrs.evolve(anna, personnummer=None)
    assert key.person(unnumbered) == key.pseudonym("person-id", "p-1") != key.person(anna)


def test_a_plain_hash_is_found_by_brute_force_and_a_keyed_one_is_not() -> None:
    """Why the key matters, shown: a plain SHA-256 of a personnummer is found by trying the
    1,000 serials of a known birth date; the same search without the key finds nothing."""
    number = "198503122395"
    candidates = [
        f"19850312{serial:03d}{luhn.calc_check_digit(f'850312{serial:03d}')}"
        for serial in range(1000)
    ]
    leaked = hashlib.sha256(number.encode()).hexdigest()
    assert [c for c in candidates if hashlib.sha256(c.encode()).hexdigest() == leaked] == [number]
    keyed = PseudonymKey(KEY).pseudonym("personnummer", number)
    guess = PseudonymKey(OTHER_KEY)
    assert [c for c in candidates if guess.pseudonym("personnummer", c) == keyed] == []


def test_a_key_path_that_is_no_path_is_the_librarys_error(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="not a usable path"):
        PseudonymKey.from_file(tmp_path / "nul\0")
    with pytest.raises(UsageError, match="expected a file path"):
        PseudonymKey.from_file(3)  # type: ignore[arg-type]


def test_a_bad_key_in_swedish(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as short:
        PseudonymKey(b"x")
    assert short.value.render("sv") == (
        "en pseudonymnyckel måste vara minst 32 byte lång (256 bitar), fick 1 byte: "
        "gör en med PseudonymKey.generate()"
    )
    path = tmp_path / "kort.key"
    path.write_bytes(b"x")
    with pytest.raises(UsageError) as in_file:
        PseudonymKey.from_file(path)
    assert in_file.value.render("sv") == f"{path}: {short.value.render('sv')}"
    assert str(in_file.value) == f"{path}: {short.value}"
    with pytest.raises(FileAccessError) as null:
        PseudonymKey.from_file(f"{path}\0")
    assert null.value.render("sv").endswith(": kan inte läsa: ingen användbar sökväg")


def test_a_key_file_that_is_a_device_is_refused_in_both_languages() -> None:
    with pytest.raises(FileAccessError) as refused:
        PseudonymKey.from_file("/dev/null")
    assert (
        str(refused.value)
        == "/dev/null: cannot read: not a regular file (a device or socket is never read)"
    )
    assert refused.value.render("sv") == (
        "/dev/null: kan inte läsa: ingen vanlig fil (en enhet eller socket läses aldrig)"
    )
