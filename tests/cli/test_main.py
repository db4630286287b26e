"""The entry point: exit statuses, messages instead of tracebacks, the real console script."""

from __future__ import annotations

import argparse
import errno
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import ledarskap
from ledarskap import __main__ as entry
from ledarskap.cli import BROKEN_PIPE, INTERRUPTED, OK, PROBLEMS, USAGE, _main, main
from ledarskap.cli._console import Console
from ledarskap.cli._parser import COMMANDS
from ledarskap.errors import FileAccessError

from ._run import EXAMPLE, SCRIPT, assert_clean_failure, run, run_script


def test_the_exit_statuses() -> None:
    assert (OK, PROBLEMS, USAGE, INTERRUPTED, BROKEN_PIPE) == (0, 1, 2, 130, 141)


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.code == 0
    for command in COMMANDS:
        assert f"    {command.name} " in result.out
    assert "Exit status: 0 done, 1 problems found (validate, import), 2 a usage error" in (
        " ".join(result.out.split())
    )


def test_the_version() -> None:
    assert run("--version").out == f"ledarskap {ledarskap.__version__}\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "the following arguments are required: COMMAND"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["validate"], "validate: the following arguments are required: FILE"),
        (["validate", "a.json", "--format", "xml"], "invalid choice: 'xml'"),
        (["import", "x.csv", "--kind", "people", "--into", "p.json"], "invalid choice: 'people'"),
        (["export", "p.json"], "the following arguments are required: --format"),
        (["eligibility", "p.json", "--as-of", "1 May"], "invalid date value: '1 May'"),
        (["export", "p.json", "--format", "csv", "--k", "0"], "invalid count value: '0'"),
        (["validate", "a.json", "--lang", "de"], "invalid choice: 'de'"),
    ],
)
def test_a_usage_error_is_the_usage_and_a_message(argv: list[str], message: str) -> None:
    result = run(*argv)
    assert_clean_failure(result)
    assert result.out == ""
    usage, error = result.err.split("\nledarskap: ")
    assert usage.startswith("usage: ledarskap")
    assert message in error


def _failing(error: BaseException) -> _main.Runner:
    def failing_run(args: argparse.Namespace, console: Console) -> int:
        raise error

    return failing_run


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (KeyboardInterrupt(), 130, "ledarskap: interrupted\n"),
        (FileAccessError("/x/19850312-2395.json", "read", "No such file"), 2, "ledarskap: /x/"),
        (PermissionError(13, "Permission denied"), 2, "ledarskap: Permission denied\n"),
        (
            OSError(28, "No space left on device", "out.json"),
            2,
            "ledarskap: out.json: cannot use: No",
        ),
        (BrokenPipeError(32, "Broken pipe"), 141, ""),
    ],
)
def test_errors_become_exit_statuses(
    monkeypatch: pytest.MonkeyPatch, error: BaseException, code: int, message: str
) -> None:
    monkeypatch.setattr(_main, "runner", lambda name: _failing(error))
    result = run("schema")
    assert result.code == code
    assert result.err.startswith(message)
    assert "8503122395" not in result.err.replace("-", "")


def test_the_interruption_is_said_in_swedish_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_main, "runner", lambda name: _failing(KeyboardInterrupt()))
    assert run("schema", "--lang", "sv").err == "ledarskap: avbrutet\n"


def test_a_bug_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only bad input becomes a message: an error of the library's own code still shows."""
    monkeypatch.setattr(_main, "runner", lambda name: _failing(ZeroDivisionError()))
    with pytest.raises(ZeroDivisionError):
        run("schema")


def test_main_reads_sys_argv(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["ledarskap", "--version"])
    assert main() == 0
    assert capsys.readouterr().out == f"ledarskap {ledarskap.__version__}\n"


# The real entry points ----------------------------------------------------------------


def test_the_console_script_lists_every_command() -> None:
    result = run_script("--help")
    assert result.code == 0, result
    assert all(f"    {c.name} " in result.out for c in COMMANDS)


def test_python_dash_m_runs_the_same_command() -> None:
    result = run_script("validate", "/nonexistent/program.json", module=True)
    assert_clean_failure(result)
    assert (
        result.err
        == "ledarskap: /nonexistent/program.json: cannot read: No such file or directory\n"
    )


def test_a_usage_error_for_real() -> None:
    result = run_script("validate", EXAMPLE, "--format", "yaml")
    assert_clean_failure(result)
    assert "invalid choice: 'yaml'" in result.err


def test_help_loads_no_file_format_rules_or_extras() -> None:
    """``ledarskap --help`` imports neither the readers nor the rules nor any extra."""
    code = (
        "import sys, io\n"
        "from ledarskap.cli import main\n"
        "main(['--help'], stdout=io.StringIO())\n"
        "heavy = ['cattrs', 'dateutil', 'msgspec', 'openpyxl', 'pandas', 'matplotlib', 'scipy',\n"
        "         'pyarrow', 'ledarskap.model', 'ledarskap.io', 'ledarskap.eligibility',\n"
        "         'ledarskap.validation',\n"
        "         'icalendar', 'ledarskap.tables', 'ledarskap.mentoring', 'ledarskap.calendar']\n"
        "print(' '.join(name for name in heavy if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_validate_loads_neither_the_rules_nor_the_sheets_nor_any_extra() -> None:
    """Nor, for a small document, cattrs, msgspec or hashlib: the command starts fast."""
    code = (
        "import sys, io\n"
        "from ledarskap.cli import main\n"
        f"assert main(['validate', {EXAMPLE!r}], stdout=io.StringIO()) == 0\n"
        "heavy = ['openpyxl', 'pandas', 'matplotlib', 'scipy', 'pyarrow', 'dateutil.parser',\n"
        "         'cattrs', 'msgspec', 'hashlib',\n"
        "         'ledarskap.eligibility', 'ledarskap.io.spreadsheets',\n"
        "         'icalendar', 'ledarskap.tables', 'ledarskap.mentoring', 'ledarskap.calendar']\n"
        "print(' '.join(name for name in heavy if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def _shell(command: str) -> subprocess.CompletedProcess[str]:
    """*command* run by the shell, with the console script as ``$L`` and the example as ``$EX``."""
    env = {**os.environ, "L": str(SCRIPT), "EX": EXAMPLE, "LANG": "en_GB.UTF-8", "LC_ALL": ""}
    return subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, check=False, env=env
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize(
    ("redirect", "status"),
    [
        ('$L validate "$EX" >&-', 0),  # standard output closed: the result goes nowhere
        ('$L validate "$EX" --format json >&-', 0),
        ("$L validate nothere.json --format json >&-", 2),
        ('$L validate "$EX" --format json >/dev/full', 2),  # a full disk
        ("$L validate nothere.json --format json >/dev/full", 2),
        ("$L validate nothere.json 2>/dev/full", 2),  # the message lost, not the status
        ("$L validate nothere.json 2>&-", 2),
        ("$L validate 2>&-", 2),  # a usage error
        ("$L --help >&-", 0),
        ("$L --help >/dev/full", 2),  # the help lost: said, not exit 0 (argparse hides it)
        ("$L --version >/dev/full", 2),
    ],
)
def test_a_closed_or_full_stream_is_no_traceback_and_no_other_status(
    redirect: str, status: int
) -> None:
    """Reproductions (review): a closed standard output was an AttributeError's traceback,
    a full one during an error's JSON an OSError's, and a lost message exit status 1."""
    done = _shell(redirect)
    assert done.returncode == status, done
    assert "Traceback" not in done.stderr


def test_a_warning_that_cannot_be_written_stops_nothing(tmp_path: Path) -> None:
    """An export whose key file others can read warns; with standard error on a full disk,
    the warning is lost and the export still made (it was abandoned, exit 1, no word)."""
    key = tmp_path / "key"
    key.write_bytes(b"9f3c51e07a2d84b6c1e95f0a7d3b2648e0c7f19a5b3d6e2f8a41c07b95d2e36f")
    key.chmod(0o644)
    out = tmp_path / "safe.json"
    argv = ["export", EXAMPLE, "--format", "json", "-o", str(out), "--pseudonymise"]
    with open(os.devnull, "w") as nowhere, _FullStream() as full:
        code = main([*argv, "--key-file", str(key), "--k", "5"], stdout=nowhere, stderr=full)
    assert code == 0
    assert out.exists()


class _FullStream(io.StringIO):
    """A stream on a full disk: every write fails as the system says."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_an_interruption_while_the_command_starts_is_130_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C in the first milliseconds (while attrs is imported, say) gave a traceback."""

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(entry, "_import_argparse_untranslated", interrupted)
    with pytest.raises(SystemExit) as caught:
        entry.run()
    assert caught.value.code == INTERRUPTED


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_each_commands_help_lists_the_exit_statuses_it_gives(command: Any) -> None:
    """Only validate and import end with 1 (problems found); every command may end 141."""
    said = run(command.name, "--help").out
    assert "141 the reader of the output went away" in said
    assert ("1 problems found" in said) is (command.name in ("validate", "import"))


class _GoneStream(io.StringIO):
    """A pipe whose reader went away: every write fails as the system says."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


@pytest.mark.parametrize(
    ("stream", "status"), [(_GoneStream, BROKEN_PIPE), (_FullStream, USAGE)], ids=["gone", "full"]
)
def test_help_that_cannot_be_written_says_so_in_its_status(stream: type, status: int) -> None:
    """argparse drops an OSError of its help: ``--help`` whose output was lost ended 0."""
    err = io.StringIO()
    with stream() as out:
        assert main(["--help"], stdout=out, stderr=err) == status
    if status == USAGE:
        assert err.getvalue() == "ledarskap: standard output: No space left on device\n"
