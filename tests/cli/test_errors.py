"""Errors as the command shows them: Swedish where every part is known, never half."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledarskap.errors import ConflictError, FileAccessError, InvalidValueError, LedarskapError

from ._run import EXAMPLE, assert_clean_failure, run, run_script


@pytest.mark.parametrize(
    ("error", "swedish"),
    [
        (
            FileAccessError("a.json", "read", "No such file or directory"),
            "a.json: kan inte läsa: filen eller mappen finns inte",
        ),
        (
            FileAccessError("t", "write tables into it", "not a folder"),
            "t: kan inte skriva tabeller i den: det är ingen mapp",
        ),
        (
            FileAccessError("/x/19850312-2395.json", "write", "the file is read-only"),
            "/x/19XXXXXX-XX95.json: kan inte skriva: filen är skrivskyddad",
        ),
    ],
)
def test_a_file_error_in_swedish(error: FileAccessError, swedish: str) -> None:
    assert error.render("sv") == swedish
    assert error.render("en") == str(error)


def test_a_long_path_is_bounded_in_swedish_as_in_english() -> None:
    error = FileAccessError("/tmp/" + "a" * 3000 + "/19850312-2395.json", "read", "Is a directory")
    swedish = error.render("sv")
    assert swedish.endswith("/19XXXXXX-XX95.json: kan inte läsa: det är en mapp")
    assert swedish.partition(": kan inte")[0] == str(error).partition(": cannot")[0]
    assert len(swedish) < 1100


@pytest.mark.parametrize(
    "error",
    [
        FileAccessError("a.json", "read", "Stale file handle"),  # a reason not known here
        FileAccessError("a.json", "frobnicate", "Permission denied"),  # an action not known
        InvalidValueError(location="x", expected="a date", found="y"),  # English alone
    ],
)
def test_what_is_not_known_in_swedish_stays_whole_in_english(error: LedarskapError) -> None:
    assert error.render("sv") == str(error)


def test_a_conflict_in_swedish() -> None:
    error = ConflictError("a.json", "r1", "r2")
    assert error.render("sv") == (
        "a.json: kan inte skriva: filen har ändrats sedan den lästes (version r1 lästes, "
        "nu är den version r2): läs den igen, gör ändringen igen och spara, "
        "eller spara med overwrite=True"
    )
    assert "the file is gone" in ConflictError("a.json", "r1", None).render("en")


def test_a_missing_file_in_swedish_and_english_for_real(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.json")
    swedish = run_script("validate", missing, lang="sv_SE.UTF-8")
    assert_clean_failure(swedish)
    assert swedish.err == f"ledarskap: {missing}: kan inte läsa: filen eller mappen finns inte\n"
    english = run_script("validate", missing)
    assert english.err == f"ledarskap: {missing}: cannot read: No such file or directory\n"


def test_the_commands_own_messages_in_both_languages(tmp_path: Path) -> None:
    out = str(tmp_path / "t")
    swedish = run("export", EXAMPLE, "--format", "csv", "-o", out, "--k", "3", "--lang", "sv")
    assert swedish.err == "ledarskap: export: --key-file och --k hör till --pseudonymise\n"
    cohort = run("summary", EXAMPLE, "--cohort", "liko-2052", "--lang", "sv")
    assert cohort.err == (
        "ledarskap: --cohort: förväntade id:t för en av programmets omgångar (liko-2025), "
        "fick 'liko-2052' (menade du 'liko-2025'?)\n"
    )
