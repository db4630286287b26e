"""``ledarskap export``: the tables in every format, safe ones without any identifier."""

from __future__ import annotations

import csv
import json
import sys
import warnings
from pathlib import Path

import pytest

import ledarskap
from ledarskap.tables import TABLE_NAMES, PseudonymKey, safe_tables

from ._programs import PLANTED
from ._run import EXAMPLE, assert_clean_failure, pseudonymised, run, run_script


def test_csv_is_a_folder_of_tables(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = run("export", EXAMPLE, "--format", "csv", "--output", str(out))
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith(f"Wrote 7 tables to {out}:\n  participants: 25 rows\n")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in TABLE_NAMES)
    with (out / "participants.csv").open(encoding="utf-8-sig") as stream:
        assert len(list(csv.DictReader(stream))) == 25


@pytest.mark.parametrize("file_format", ["json", "toml", "xlsx"])
def test_the_one_file_formats(tmp_path: Path, file_format: str) -> None:
    out = tmp_path / f"tables.{file_format}"
    result = run("export", EXAMPLE, "--format", file_format, "-o", str(out), "--lang", "sv")
    assert result.code == 0, result
    assert result.out.startswith(f"Skrev 7 tabeller till {out}:\n")
    assert out.stat().st_size > 0


def test_a_safe_export_holds_no_identifier(tmp_path: Path, key_file: Path) -> None:
    out = tmp_path / "safe.json"
    result = run("export", EXAMPLE, "--format", "json", "-o", str(out), *pseudonymised(key_file))
    assert result.code == 0, result
    text = out.read_text("utf-8")
    data = ledarskap.example_program()
    for person in data.people:
        assert person.family_name not in text
        assert person.email is None or str(person.email) not in text
        assert person.personnummer is None or person.personnummer.reveal()[-4:] not in text
    for participant in data.participants:
        assert f'"{participant.id}"' not in text
    assert "Pseudonymised export (not k-anonymous)" in result.out


def test_the_same_key_gives_the_same_export(tmp_path: Path, key_file: Path) -> None:
    outs = [tmp_path / "a.json", tmp_path / "b.json"]
    for out in outs:
        run(
            "export",
            EXAMPLE,
            "--format",
            "json",
            "-o",
            str(out),
            *pseudonymised(key_file, "--k", "5"),
        )
    assert outs[0].read_bytes() == outs[1].read_bytes()
    tables = json.loads(outs[0].read_text("utf-8"))["tables"]
    expected = safe_tables(ledarskap.example_program(), PseudonymKey.from_file(key_file), k=5)
    assert len(tables["participants"]) == expected.tables.size("participants")


def test_k_is_reported(tmp_path: Path, key_file: Path) -> None:
    out = str(tmp_path / "t")
    result = run(
        "export", EXAMPLE, "--format", "csv", "-o", out, *pseudonymised(key_file, "--k", "5")
    )
    assert "Safe export, k = 5" in result.out
    assert "rows suppressed" in result.out


def test_without_k_the_export_is_called_pseudonymised_and_k_is_recommended(
    tmp_path: Path, key_file: Path
) -> None:
    """One row is one person in a small cohort: such an export is not safe, and says so."""
    said = {
        language: run(
            "export",
            EXAMPLE,
            "--format",
            "csv",
            "-o",
            str(tmp_path / language),  # each its own: the second would replace the first
            *pseudonymised(key_file),
            "--lang",
            language,
        )
        for language in ("en", "sv")
    }
    for result in said.values():
        assert result.code == 0, result
        assert "Safe export" not in result.out
        assert "Säker export" not in result.out
    assert "\nPseudonymised export (not k-anonymous)\nparticipants: 25 rows" in said["en"].out
    assert "\nPseudonymiserad export (inte k-anonym)\nparticipants: 25 rader" in said["sv"].out
    assert said["en"].err == (
        "ledarskap: warning: export --pseudonymise without --k is not anonymous: municipality, "
        "position and birth year go out exactly, so in a small cohort one row can be one "
        "person; add --k 5 (or more) to make the tables k-anonymous before they leave the "
        "office\n"
    )
    assert said["sv"].err == (
        "ledarskap: varning: export --pseudonymise utan --k är inte anonym: kommun, befattning "
        "och födelseår följer med exakt, så i en liten omgång kan en rad vara en enda person; "
        "ange --k 5 (eller mer) för att göra tabellerna k-anonyma innan de lämnar kontoret\n"
    )


def test_with_k_there_is_no_warning(tmp_path: Path, key_file: Path) -> None:
    for k in ("1", "5"):  # --k 1 is asked for, and so is what it gives
        out = str(tmp_path / f"t{k}")
        result = run(
            "export", EXAMPLE, "--format", "csv", "-o", out, *pseudonymised(key_file, "--k", k)
        )
        assert result.code == 0, result
        assert result.err == ""
    assert "Safe export, k = 5\n" in result.out


def test_k_1_is_not_called_safe(tmp_path: Path, key_file: Path) -> None:
    """Every group has at least one person: --k 1 makes nothing k-anonymous, and says so."""
    for language, heading in (
        ("en", "Pseudonymised export (not k-anonymous)"),
        ("sv", "Pseudonymiserad export (inte k-anonym)"),
    ):
        out = str(tmp_path / f"t-{language}")
        result = run(
            "export",
            EXAMPLE,
            "--format",
            "csv",
            "-o",
            out,
            "--lang",
            language,
            *pseudonymised(key_file, "--k", "1"),
        )
        assert result.code == 0, result
        assert result.err == ""  # asked for on purpose: not warned of
        assert f"\n{heading}\n" in result.out
        assert "Safe export" not in result.out
        assert "Säker export" not in result.out
        assert "k = 1" not in result.out


class _Worded(UserWarning):
    """A warning worded in both languages, as the library's texts are."""

    def render(self, language: str) -> str:
        return {"sv": "nyckeln kan läsas av andra", "en": "others can read the key"}[language]


@pytest.mark.parametrize(
    ("warning", "language", "said"),
    [
        (UserWarning(f"k.key {PLANTED}: others can read it"), "en", "k.key 19XXXXXX-XX95: others"),
        (_Worded("others can read the key"), "sv", "nyckeln kan läsas av andra"),
        (_Worded("others can read the key"), "en", "others can read the key"),
    ],
)
def test_what_reading_the_key_warns_of_is_the_command_s_warning_not_python_s(
    tmp_path: Path,
    key_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    warning: UserWarning,
    language: str,
    said: str,
) -> None:
    """A key file others can read is warned of by the library; the command says it as its own."""
    read = PseudonymKey.from_file

    def warning_of(path: str) -> PseudonymKey:
        warnings.warn(warning, stacklevel=2)
        return read(path)

    monkeypatch.setattr(PseudonymKey, "from_file", staticmethod(warning_of))
    result = run(
        "export",
        EXAMPLE,
        "--format",
        "csv",
        "-o",
        str(tmp_path / "t"),
        *pseudonymised(key_file, "--k", "5"),
        "--lang",
        language,
    )
    assert result.code == 0, result
    word = {"sv": "varning", "en": "warning"}[language]
    assert result.err.startswith(f"ledarskap: {word}: {said}")
    assert PLANTED not in result.err


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--pseudonymise"], "export --pseudonymise needs --key-file F"),
        (["--k", "5"], "export: --key-file and --k go with --pseudonymise"),
        (["--key-file", "k.bin"], "export: --key-file and --k go with --pseudonymise"),
    ],
)
def test_options_that_only_go_together(tmp_path: Path, options: list[str], message: str) -> None:
    result = run("export", EXAMPLE, "--format", "csv", "-o", str(tmp_path / "t"), *options)
    assert_clean_failure(result)
    assert result.err.startswith(f"ledarskap: {message}")
    assert not (tmp_path / "t").exists()


def test_a_short_key_is_refused(tmp_path: Path) -> None:
    short = tmp_path / "short.key"
    short.write_bytes(b"secret")
    result = run(
        "export", EXAMPLE, "--format", "csv", "-o", str(tmp_path / "t"), *pseudonymised(short)
    )
    assert_clean_failure(result)
    assert str(short) in result.err


def test_parquet_without_its_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = run("export", EXAMPLE, "--format", "parquet", "-o", str(tmp_path / "t"))
    assert_clean_failure(result)
    assert "pip install 'ledarskap[parquet]'" in result.err


def test_export_for_real(tmp_path: Path, key_file: Path) -> None:
    out = tmp_path / "tables"
    good = run_script(
        "export", EXAMPLE, "--format", "csv", "-o", str(out), *pseudonymised(key_file, "--k", "3")
    )
    assert good.code == 0, good
    assert (out / "participants.csv").exists()
    bad = run_script(
        "export", EXAMPLE, "--format", "csv", "-o", str(out), *pseudonymised(tmp_path / "none.key")
    )
    assert_clean_failure(bad)
    assert "none.key: cannot read" in bad.err


def test_an_export_never_replaces_the_program_or_another_kind_of_file(tmp_path: Path) -> None:
    program = tmp_path / "program.json"
    program.write_bytes(Path(EXAMPLE).read_bytes())
    before = program.read_bytes()
    same = run("export", str(program), "--format", "json", "--output", str(program))
    assert same.code == 2
    assert "names the program file itself" in same.err
    other = tmp_path / "other.json"
    other.write_text("{}")
    wrong = run("export", str(program), "--format", "xlsx", "--output", str(other))
    assert wrong.code == 2
    assert "expected a file name ending .xlsx" in wrong.err
    assert program.read_bytes() == before
    assert other.read_text() == "{}"


def test_the_key_file_is_never_the_output_nor_the_program(tmp_path: Path, key_file: Path) -> None:
    """Writing the tables over the key would lose it; a program file is no key."""
    secret = key_file.read_bytes()
    over = run("export", EXAMPLE, "--format", "json", "-o", str(key_file), *pseudonymised(key_file))
    assert over.code == 2
    assert "--output names the key file" in over.err
    assert key_file.read_bytes() == secret
    program = tmp_path / "program.json"
    program.write_bytes(Path(EXAMPLE).read_bytes())
    out = str(tmp_path / "t.json")
    as_key = run("export", str(program), "--format", "json", "-o", out, *pseudonymised(program))
    assert as_key.code == 2
    assert "--key-file names the program file" in as_key.err
    swedish = run(
        "export",
        EXAMPLE,
        "--format",
        "json",
        "-o",
        str(key_file),
        *pseudonymised(key_file),
        "--lang",
        "sv",
    )
    assert "--output är nyckelfilen" in swedish.err


def test_the_output_is_named_as_its_format_writes_it(tmp_path: Path) -> None:
    """A file format's output ends with its suffix; a folder format's names no file."""
    as_folder = run("export", EXAMPLE, "--format", "csv", "-o", str(tmp_path / "out.json"))
    assert as_folder.code == 2
    assert "--format csv writes a folder" in as_folder.err
    assert not (tmp_path / "out.json").exists()
    as_file = run("export", EXAMPLE, "--format", "xlsx", "-o", str(tmp_path / "out.xls"))
    assert as_file.code == 2
    assert "--output: expected a file name ending .xlsx" in as_file.err
    swedish = run(
        "export", EXAMPLE, "--format", "toml", "-o", str(tmp_path / "out"), "--lang", "sv"
    )
    assert "förväntade ett filnamn som slutar på .toml" in swedish.err
    dataset = run("export", EXAMPLE, "--format", "csv", "-o", str(tmp_path / "tables.csv"))
    assert dataset.code == 0, dataset  # a folder named as a dataset is
    assert (tmp_path / "tables.csv" / "participants.csv").is_file()


def test_a_long_output_name_is_quoted_in_part(tmp_path: Path) -> None:
    long = str(tmp_path / ("x" * 3_000 + ".xls"))
    refused = run("export", EXAMPLE, "--format", "xlsx", "-o", long)
    assert refused.code == 2
    assert "expected a file name ending .xlsx" in refused.err
    assert len(refused.err) < 600


def test_an_earlier_export_replaced_is_said(tmp_path: Path, key_file: Path) -> None:
    """Reproduction (review): a k-anonymous export replaced by one with names and e-mail,
    exit 0, nothing said but "Wrote 7 tables"."""
    out = str(tmp_path / "safe.json")
    first = run(
        "export", EXAMPLE, "--format", "json", "-o", out, *pseudonymised(key_file, "--k", "5")
    )
    assert first.err == ""
    again = run("export", EXAMPLE, "--format", "json", "-o", out)
    assert again.code == 0
    assert f"ledarskap: warning: replaced the earlier export at {out}\n" in again.err
    folder = str(tmp_path / "tables")
    assert run("export", EXAMPLE, "--format", "csv", "-o", folder).err == ""
    assert (
        "replaced the earlier export" in run("export", EXAMPLE, "--format", "csv", "-o", folder).err
    )


def test_a_k_no_group_reaches_is_warned_of(tmp_path: Path, key_file: Path) -> None:
    out = str(tmp_path / "t.json")
    result = run(
        "export", EXAMPLE, "--format", "json", "-o", out, *pseudonymised(key_file, "--k", "100")
    )
    assert result.code == 0
    assert "  participants: 0 rows\n" in result.out
    assert (
        "ledarskap: warning: every row of participants, applications was suppressed: "
        "no group has k = 100 people; a smaller --k keeps some\n"
    ) in result.err
