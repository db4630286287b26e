from __future__ import annotations

import base64
import codecs
import hashlib
import os
import pickle
import secrets
import shutil
import tempfile
import unicodedata
import warnings
from collections.abc import Iterator
from fractions import Fraction
from math import comb, factorial
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn

from ledarskap import Person
from ledarskap.errors import FileAccessError, UsageError
from ledarskap.tables import MAX_KEY_BYTES, MIN_KEY_BYTES, PseudonymKey
from ledarskap.tables import pseudonyms as pseudonyms_module

from ._programs import KEY, OTHER_KEY

# Random-looking keys of 32 to 64 bytes (SHA-512 of a seed: Hypothesis's own bytes are
# anything but random, runs of zeros first), as bytes or as hex.
KEYS = st.tuples(st.binary(), st.integers(MIN_KEY_BYTES, 64)).map(
    lambda seed: hashlib.sha512(seed[0]).digest()[: seed[1]]
)


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


# What people make by hand, and how (each refused, and said why).
HANDMADE = {
    "32 zero bytes (truncate -s 32, fallocate)": b"\0" * 32,
    "32 spaces": b" " * 32,
    "a letter 32 times": b"a" * 32,
    "a passphrase and a line break": b"password password password pass\n",
    "a sentence": b"a key of at least thirty-two bytes!!",
    "a Swedish sentence, UTF-8": "hemlig nyckel för LIKO-exporterna, år 2025".encode(),
    "hex digits, 16 bytes' worth": b"0123456789abcdef0123456789abcdef",
    "hex digits counting up, four times": b"0123456789abcdef" * 4,
    "64 zeros as hex": b"0" * 64 + b"\n",
    "two bytes over and over": b"\x00\xff" * 16,
    "a byte counter, 15 values": bytes(range(15)) * 3,
    "hex, an odd number of digits": b"f" + bytes(secrets.token_hex(32), "ascii"),
    # Text in any script, and as editors and shells save it
    "a Russian sentence": "мой секретный ключ для экспорта".encode(),
    "a sentence with an em dash": "our secret key for the 2025 export — LiKO".encode(),
    "a sentence with curly quotes": "the \u201cLiKO\u201d export key for 2025".encode(),
    "å written decomposed (NFD)": "nyckeln till a\u030arets export, LiKO".encode(),
    "UTF-8 with a byte order mark": codecs.BOM_UTF8 + b"our secret key for the 2025 export",
    "Windows-1252 (Notepad's ANSI)": "hemlig nyckel för LIKO-exporterna, år 2025\r\n".encode(
        "cp1252"
    ),
    "UTF-16 (PowerShell 5's >)": "our secret key for the 2025 export\r\n".encode("utf-16"),
    "UTF-16 big-endian": codecs.BOM_UTF16_BE + "hemlig nyckel för LIKO".encode("utf-16-be"),
    "text ended by a NUL": b"our secret key for the 2025 export\0",
}


@pytest.mark.parametrize("key", HANDMADE.values(), ids=HANDMADE.keys())
def test_a_key_made_by_hand_is_refused_without_showing_it(key: bytes) -> None:
    with pytest.raises(UsageError, match=r"make one with PseudonymKey\.generate\(\)") as caught:
        PseudonymKey(key)
    shown = str(caught.value) + caught.value.render("sv")
    assert "gör en med PseudonymKey.generate()" in caught.value.render("sv")
    text = key.decode("latin-1")
    assert not any(text[i : i + 8] in shown for i in range(len(text) - 7))


@given(KEYS)
def test_a_random_key_is_accepted_as_bytes_or_as_hex(key: bytes) -> None:
    """Law: random bytes are a key, and so is their hex as the tools write it: lower or upper
    case, with a line break after it, or broken into lines (xxd -p) — one key, equal
    however it is written, giving the same pseudonyms."""
    raw = PseudonymKey(key)
    made = raw.pseudonym("participant", "d-1")
    digits = key.hex()
    for written in (
        digits,
        digits.upper(),
        digits + "\n",
        digits + "\r\n",
        digits[:60] + "\n" + digits[60:],
    ):
        spelled = PseudonymKey(written.encode("ascii"))
        assert spelled == raw
        assert hash(spelled) == hash(raw)
        assert spelled.pseudonym("participant", "d-1") == made
        assert bytes(spelled) == written.encode("ascii")  # kept as it was given


def test_a_key_pickles_and_is_checked_where_it_is_unpickled() -> None:
    key = PseudonymKey(KEY)
    again = pickle.loads(pickle.dumps(key))
    assert again == key
    assert again.pseudonym("p", "1") == key.pseudonym("p", "1")
    weak = pickle.dumps(key).replace(KEY, b"0" * len(KEY))
    with pytest.raises(UsageError, match="random bytes"):
        pickle.loads(weak)


def test_a_long_key_is_refused_and_a_large_key_file_not_read(tmp_path: Path) -> None:
    """A key is 32 to 64 bytes (twice that in hex): a kilobyte or more is not one (an export
    given as --key-file, say), and each pseudonym's time does not grow with it."""
    PseudonymKey(hashlib.sha512(b"seed").digest() * (MAX_KEY_BYTES // 64))  # the longest
    with pytest.raises(UsageError, match=r"at most 1024 bytes long, found 1025 bytes"):
        PseudonymKey(secrets.token_bytes(MAX_KEY_BYTES + 1))
    path = tmp_path / "export.parquet"
    path.write_bytes(b"PAR1" + secrets.token_bytes(4096))
    with pytest.raises(FileAccessError, match="larger than the 1,024 bytes a key file may have"):
        PseudonymKey.from_file(path)


def test_keys_from_the_system_s_random_source_are_accepted() -> None:
    for _ in range(2000):  # each refused with a chance below 3.5e-10 (see the next test)
        PseudonymKey(secrets.token_bytes(MIN_KEY_BYTES))
        PseudonymKey(os.urandom(48))
        PseudonymKey(secrets.token_hex(MIN_KEY_BYTES).encode("ascii"))
        PseudonymKey.generate()


def _typed_code_points(first: int, last: int) -> int:
    return sum(
        unicodedata.category(chr(c))[0] != "C" or chr(c) in "\t\n\r" for c in range(first, last)
    )


def test_the_chance_of_refusing_a_random_key_is_what_the_docstring_says() -> None:
    """The numbers PseudonymKey's docstring gives, computed exactly: 32 random bytes are text
    (any of the rule's three forms) with less than 3.5e-10, 48 with less than 1e-14, and 32
    hold fewer than 16 values with 3e-17."""
    # Typed code points by the length of their UTF-8 (no surrogates: UTF-8 has none).
    by_length = {
        1: _typed_code_points(0, 0x80),
        2: _typed_code_points(0x80, 0x800),
        3: _typed_code_points(0x800, 0xD800) + _typed_code_points(0xE000, 0x10000),
        4: _typed_code_points(0x10000, 0x110000),
    }
    assert by_length[1] == 98
    utf8 = [1]  # strings of n bytes that are UTF-8 of typed characters
    for n in range(1, 49):
        utf8.append(sum(count * utf8[n - k] for k, count in by_length.items() if k <= n))
    below_0800 = by_length[1] + by_length[2]

    def latin(n: int) -> int:  # printable ASCII, at most one byte in eight a Latin letter
        return sum(comb(n, j) * 98 ** (n - j) * 62**j for j in range(n // 8 + 1))

    def text(n: int) -> int:  # at most: each form, after any NULs at the end
        counted = 2 * below_0800 ** ((n - 2) // 2) if n % 2 == 0 else 0  # UTF-16, a BOM
        for body in range(n + 1):
            counted += utf8[body] + (utf8[body - 3] if body >= 3 else 0) + latin(body)
        return counted

    assert Fraction(text(32), 256**32) < 3.5e-10
    assert Fraction(text(48), 256**48) < 1e-14
    # Stirling numbers of the second kind: ways to split 32 draws into d non-empty values
    stirling = [[1] + [0] * 32]
    for n in range(1, 33):
        row = [0] * 33
        for d in range(1, n + 1):
            row[d] = d * stirling[n - 1][d] + stirling[n - 1][d - 1]
        stirling.append(row)
    few = sum(comb(256, d) * stirling[32][d] * factorial(d) for d in range(1, 16))
    assert 3.2e-17 < Fraction(few, 256**32) < 3.3e-17
    # ... and those are the characters and bytes the rule takes for text
    assert all(pseudonyms_module._typed(chr(c)) for c in (9, 10, 13, *range(0x20, 0x7F)))
    assert not any(pseudonyms_module._typed(chr(c)) for c in (0, 0x7F, 0xAD, 0x200B, 0xE000))
    assert {9, 10, 13, *range(0x20, 0x7F)} == pseudonyms_module._TYPED_ASCII
    assert len(pseudonyms_module._LATIN_LETTERS) == 62


def test_generate_draws_again_in_the_rare_case_its_bytes_hold_few_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    draws = iter(["00" * MIN_KEY_BYTES, "ab" * MIN_KEY_BYTES, secrets.token_hex(MIN_KEY_BYTES)])
    monkeypatch.setattr(secrets, "token_hex", lambda _: next(draws))
    made = PseudonymKey.generate()
    assert bytes(made) not in (b"00" * MIN_KEY_BYTES, b"ab" * MIN_KEY_BYTES)


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
    zeros = tmp_path / "zeros.key"
    zeros.write_bytes(bytes(MIN_KEY_BYTES))  # truncate -s 32
    with pytest.raises(UsageError, match=r"zeros\.key: a pseudonym key must be random bytes"):
        PseudonymKey.from_file(zeros)
    typed = tmp_path / "typed.key"
    typed.write_text("password password password pass\n")
    with pytest.raises(UsageError) as caught:
        PseudonymKey.from_file(typed)
    assert caught.value.render("sv") == (
        f"{typed}: en pseudonymnyckel måste vara slumpade byte, inte skriven text: den här är "
        "text (en lösenfras, ett ord; base64 räknas som text) och inte hexadecimala siffror, "
        "och text kan gissas: "
        "gör en med PseudonymKey.generate(), head -c 32 /dev/urandom eller openssl rand -hex 32"
    )
    assert "password" not in str(caught.value)


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
        "gör en med PseudonymKey.generate(), head -c 32 /dev/urandom eller openssl rand -hex 32"
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


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder that every user of the machine may enter (0755), in the system's temporary
    folder: pytest's own are private (0700), and a key file in them is no one else's to read."""
    if os.name != "posix":
        pytest.skip("file modes are POSIX's")
    place = Path(tempfile.gettempdir()).resolve()
    if not all(p.stat().st_mode & 0o011 for p in (place, *place.parents)):
        pytest.skip(f"{place} is not open to other users")
    folder = Path(tempfile.mkdtemp(prefix="ledarskap-key-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_a_key_file_others_can_read_is_read_with_a_warning(open_folder: Path, mode: int) -> None:
    path = open_folder / "export.key"
    key = PseudonymKey.generate()
    path.write_bytes(bytes(key))
    path.chmod(mode)
    with pytest.warns(UserWarning, match=r"other users of this machine can read") as caught:
        assert PseudonymKey.from_file(path) == key
    (warning,) = caught
    message = str(warning.message)
    assert message.startswith(f"{path}: ")
    assert f"(mode {mode:04o})" in message
    assert "chmod 600" in message
    assert bytes(key).decode() not in message
    assert warning.message.render("sv") == (  # type: ignore[union-attr]
        f"{path}: andra användare av datorn kan läsa pseudonymnyckeln (läge {mode:04o}), och "
        "den som har nyckeln och en export kan knyta varje pseudonym till sin person: gör "
        "filen till bara din (chmod 600)"
    )
    assert warning.message.render("en") == message  # type: ignore[union-attr]
    assert warning.filename == __file__  # said where from_file was called


def test_a_key_file_only_its_owner_can_read_or_reach_gives_no_warning(
    open_folder: Path, tmp_path: Path
) -> None:
    key = bytes(PseudonymKey.generate())
    private = open_folder / "private.key"
    private.write_bytes(key)
    private.chmod(0o600)
    closed = open_folder / "closed"
    closed.mkdir(mode=0o700)
    behind = closed / "export.key"
    behind.write_bytes(key)
    behind.chmod(0o644)  # readable, but nobody else can enter the folder it is in
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for path in (private, behind):
            assert bytes(PseudonymKey.from_file(path)) == key


def test_a_hex_key_with_an_odd_number_of_digits_is_told_so() -> None:
    """65 hex digits is a key cut or lengthened by one, not a passphrase."""
    digits = bytes(range(7, 39)).hex() + "a"
    with pytest.raises(UsageError, match="has 65: a digit is missing or one too many"):
        PseudonymKey(digits.encode("ascii"))


def test_a_base64_key_is_refused_with_a_word_for_base64() -> None:
    """``openssl rand -base64 32`` writes text: the message says base64 counts as text."""
    with pytest.raises(UsageError, match="base64 counts as text"):
        PseudonymKey(base64.b64encode(bytes(range(7, 39))))


@given(KEYS)
def test_a_hex_key_is_the_same_key_however_the_file_was_saved(key: bytes) -> None:
    """Law: hex digits saved with a byte order mark, as UTF-16 (PowerShell 5's
    ``openssl rand -hex 32 > key``) or with NUL bytes after them are the same key (they
    were refused as "typed text")."""
    digits = key.hex() + "\r\n"
    raw = PseudonymKey(key)
    for saved in (
        codecs.BOM_UTF8 + digits.encode("ascii"),
        digits.encode("utf-16"),
        digits.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
        digits.encode("ascii") + b"\0\0",
    ):
        assert PseudonymKey(saved) == raw
        assert PseudonymKey(saved).pseudonym("p", "1") == raw.pseudonym("p", "1")


def test_zero_bytes_are_refused_for_their_few_values_not_as_text() -> None:
    with pytest.raises(
        UsageError, match="the number of different byte values in its 32 bytes is 1"
    ):
        PseudonymKey(b"\0" * 32)
