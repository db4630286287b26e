"""The one entry point of the ``ledarskap`` command: parse, run, and turn errors into exit statuses."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TextIO, cast

from ledarskap.errors import FileAccessError, LedarskapError
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
    requested_language,
)

__all__ = ["BROKEN_PIPE", "INTERRUPTED", "OK", "PROBLEMS", "USAGE", "main"]

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

Runner = Callable[[argparse.Namespace, Console], int]

_INTERRUPTED = Text("avbrutet", "interrupted")
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
    standard error (masked, as all output is) and exit status 2.

    >>> main(["validate", "src/ledarskap/data/example-program.json", "--lang", "en"])
    src/ledarskap/data/example-program.json: Validation: 0 errors, 0 warnings: no problems.
    0
    >>> main(["validate", "nowhere.json"], stderr=sys.stdout)
    ledarskap: nowhere.json: cannot read: No such file or directory
    2
    """
    args = list(sys.argv[1:] if argv is None else argv)
    stdout = sys.stdout if stdout is None else stdout
    stderr = sys.stderr if stderr is None else stderr
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
    except CommandLineError as problem:
        stderr.write(problem.parser.format_usage())
        command = problem.parser.prog.partition(" ")[2]
        from ._messages import translated  # only for a usage error: --help starts fast

        message = translated(problem.message, language)
        console.error(f"{command}: {message}" if command else message)
        return USAGE
    return _run(parsed, console)


def runner(command: str) -> Runner:
    """The function that runs *command*, from its module (imported now, not before)."""
    return cast("Runner", importlib.import_module(_RUNNERS[command]).run)


def _run(args: argparse.Namespace, console: Console) -> int:
    console.language = cast("Language", getattr(args, "lang", console.language))
    console.json_output = getattr(args, "output_format", "text") == "json"
    try:
        return runner(args.command)(args, console)
    except KeyboardInterrupt:
        console.error(console.say(_INTERRUPTED))
        return INTERRUPTED
    except BrokenPipeError:  # the reader went away (ledarskap schema | head): stop quietly
        _silence_stdout()
        return BROKEN_PIPE
    except LedarskapError as error:
        console.error(error.render(console.language))
        return USAGE
    except OSError as error:  # not the library's: the operating system's words, masked
        from ledarskap.io._reading import reason_of  # only now: a rare path

        reason = reason_of(error)
        if error.filename:  # said as the library's own: the path bounded and masked
            console.error(
                FileAccessError(str(error.filename), "use", reason).render(console.language)
            )
        else:
            console.error(reason if isinstance(reason, str) else reason.render(console.language))
        return USAGE


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit cannot fail."""
    with contextlib.suppress(OSError, ValueError):  # not a file (a test's StringIO)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
