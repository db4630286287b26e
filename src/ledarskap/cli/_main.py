"""The one entry point of the ``ledarskap`` command: parse, run, and turn errors into exit statuses."""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO, cast

from ledarskap.errors import FileAccessError, LedarskapError, Problem, ProblemsError
from ledarskap.text import Language, Text

from ._console import Console
from ._parser import (
    COMMANDS,
    CommandLineError,
    ParserExit,
    build_parser,
    command_named,
    default_language,
    leading_command,
    option_value,
    requested_language,
)

__all__ = ["BROKEN_PIPE", "ERROR_FORMAT", "INTERRUPTED", "OK", "PROBLEMS", "USAGE", "main"]

OK = 0
"""The command did what was asked and found no problem."""
PROBLEMS = 1
"""The command ran and found problems (validation errors, bad rows in a sheet)."""
USAGE = 2
"""A usage error, or input that cannot be read (a missing file, a broken document)."""
INTERRUPTED = 130
"""Interrupted (Ctrl-C), as a shell reports SIGINT."""
BROKEN_PIPE = 141
"""The reader of the output went away, as a shell reports SIGPIPE."""

ERROR_FORMAT = "ledarskap.cli.error/1"
"""The ``format`` of the JSON object an error writes to standard output with ``--format json``."""

Runner = Callable[[argparse.Namespace, Console], int]

_INTERRUPTED = Text("avbrutet", "interrupted")
_STANDARD_OUTPUT = Text("standard ut", "standard output")
_RUNNERS = {command.name: command.runner for command in COMMANDS}


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Run the ``ledarskap`` command line *argv* (``sys.argv[1:]`` by default); the exit status.

    0: done, no problem; 1: problems found; 2: a usage error or input that cannot be read;
    130: interrupted. Bad input never ends in a traceback: every
    :class:`~ledarskap.errors.LedarskapError` and :class:`OSError` is a message on
    standard error (masked, as all output is) and exit status 2. When the command line says
    ``--format json``, such an error is also one JSON object on standard output
    (:data:`ERROR_FORMAT`), so that a script reading it never reads nothing.

    >>> main(["validate", "src/ledarskap/data/example-program.json", "--lang", "en"])
    src/ledarskap/data/example-program.json: Validation: 0 errors, 0 warnings: no problems.
    0
    >>> main(["validate", "nowhere.json"], stderr=sys.stdout)
    ledarskap: nowhere.json: cannot read: No such file or directory
    2
    >>> main(["validate", "nowhere.json", "--format", "json"], stderr=io.StringIO())
    {
      "format": "ledarskap.cli.error/1",
      "ok": false,
      "exit": 2,
      "command": "validate",
      "error": {
        "type": "FileAccessError",
        "message": "nowhere.json: cannot read: No such file or directory",
        "message_sv": "nowhere.json: kan inte läsa: filen eller mappen finns inte",
        "problems": []
      }
    }
    2
    """
    args = list(sys.argv[1:] if argv is None else argv)
    # A stream the shell closed (>&-) is None in sys: what would go there goes nowhere.
    stdout = (sys.stdout if stdout is None else stdout) or _nowhere()
    stderr = (sys.stderr if stderr is None else stderr) or _nowhere()
    for stream in (stdout, stderr):  # a letter the terminal's encoding lacks: its escape
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError):  # closed
                stream.reconfigure(errors="backslashreplace")
    language = requested_language(args) or default_language(
        os.environ if environ is None else environ
    )
    console = Console(stdout=stdout, stderr=stderr, language=language)
    first = leading_command(args)
    # "": no command's options; alone: the command given first needs no other's parser.
    parser = build_parser(language, first or command_named(args) or "", alone=first is not None)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            parsed = parser.parse_args(args)
    except ParserExit as done:
        return done.status
    except BrokenPipeError:  # the reader of --help went away (ledarskap --help | head -1)
        _silence_stdout()
        return BROKEN_PIPE
    except OSError as error:  # --help or --version not written: a full disk, say
        _silence_stdout()
        console.error(f"{console.say(_STANDARD_OUTPUT)}: {error.strerror or error}")
        return USAGE
    except CommandLineError as problem:
        with contextlib.suppress(OSError, ValueError):  # lost with standard error, as below
            stderr.write(problem.parser.format_usage())
        command = problem.parser.prog.partition(" ")[2]
        from ._messages import translated  # only for a usage error: --help starts fast

        said = Text(translated(problem.message, "sv"), problem.message)
        if command:
            said = Text(f"{command}: {said.sv}", f"{command}: {said.en}")
        console.json_errors = _asks_for_json(args)
        named = command or command_named(args)  # "unrecognized arguments" is the top's
        return _failed(console, named if named in _RUNNERS else None, said, "UsageError")
    return _run(parsed, console)


def _asks_for_json(argv: Sequence[str]) -> bool:
    """Whether *argv* says ``--format json`` (``--format=json``, or an abbreviation argparse takes).

    Read from the words, for a command line argparse refused: it may not have come as far
    as ``--format``, or the command may take none (``ledarskap schema --format json``).
    The last ``--format`` counts, as argparse takes the last; nothing after ``--`` does.
    """
    return option_value(argv, "--format") == "json"


def runner(command: str) -> Runner:
    """The function that runs *command*, from its module (imported now, not before)."""
    return cast("Runner", importlib.import_module(_RUNNERS[command]).run)


def _run(args: argparse.Namespace, console: Console) -> int:
    console.language = cast("Language", getattr(args, "lang", console.language))
    console.json_output = getattr(args, "output_format", "text") == "json"
    # export's --format is the tables' file format: --format json there asks for JSON too.
    console.json_errors = console.json_output or getattr(args, "file_format", "") == "json"
    try:
        return runner(args.command)(args, console)
    except KeyboardInterrupt:
        console.error(console.say(_INTERRUPTED))
        return INTERRUPTED
    except BrokenPipeError:  # the reader went away (ledarskap schema | head): stop quietly
        _silence_stdout()
        return BROKEN_PIPE
    except LedarskapError as error:
        return _failed(console, args.command, error)
    except OSError as error:  # not the library's: the operating system's words, masked
        from ledarskap.io._reading import reason_of  # only now: a rare path

        reason = reason_of(error)
        if error.filename:  # said as the library's own: the path bounded and masked
            return _failed(
                console,
                args.command,
                FileAccessError(str(error.filename), "use", reason, errno=error.errno),
            )
        said = Text(reason, reason) if isinstance(reason, str) else reason
        return _failed(console, args.command, said, type(error).__name__)


def _failed(
    console: Console, command: str | None, error: LedarskapError | Text, kind: str = ""
) -> int:
    """Say *error* on standard error and, asked for JSON, on standard output too; :data:`USAGE`.

    *kind* names the error of a :class:`Text` (an exception's class, or ``UsageError``).
    """
    problems: Sequence[Problem] = ()
    if isinstance(error, Text):
        said = error
    else:
        said = Text(error.render("sv"), error.render("en"))
        if isinstance(error, ProblemsError):
            problems = error.problems
        kind = type(error).__name__
    console.error(said.render(console.language))
    if console.json_errors:
        from ._problems import problem_data  # only for an error: the start stays light

        document: dict[str, Any] = {
            "format": ERROR_FORMAT,
            "ok": False,
            "exit": USAGE,
            "command": command,
            "error": {
                "type": kind,
                "message": said.en,
                "message_sv": None if said.sv == said.en else said.sv,
                "problems": [problem_data(problem) for problem in problems],
            },
        }
        try:
            console.json(document)
            console.stdout.flush()
        except (OSError, ValueError):  # gone, full or closed: the exit status still says it
            _silence_stdout()
    return USAGE


@functools.cache
def _nowhere() -> TextIO:
    """The null device, to stand for a standard stream the shell closed (one per process)."""
    return open(os.devnull, "w", encoding="utf-8")  # open until the process ends


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit cannot fail."""
    with contextlib.suppress(OSError, ValueError):  # not a file (a test's StringIO)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
