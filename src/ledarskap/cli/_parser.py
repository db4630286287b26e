"""The commands and their options: what ``ledarskap --help`` shows, in Swedish or English.

Each command is a :class:`Command`: its name, its texts and its options here, and the
module that runs it (``ledarskap.cli._validate`` …), imported only when the command runs,
so that ``ledarskap --help`` loads neither the file formats nor the rules (nor pandas,
openpyxl or matplotlib, which only some commands need).

The language of the help is that of ``--lang`` if it is on the command line, otherwise
the locale's (:func:`default_language`): it is read from the command line before the
parser is built, since ``--lang`` is one of the parser's own options. The help's headings
and the usage line are the command's own texts; argparse's error messages are translated
as they come (:mod:`ledarskap.cli._messages`).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from ledarskap._version import __version__

if TYPE_CHECKING:
    import datetime as dt

    from _typeshed import SupportsWrite
from ledarskap.text import LANGUAGES, Language, Text

__all__ = [
    "COMMANDS",
    "EXPORT_FORMATS",
    "SHEET_KINDS",
    "Command",
    "CommandLineError",
    "build_parser",
    "command_named",
    "count",
    "date",
    "default_language",
    "leading_command",
    "option_value",
    "requested_language",
]

SHEET_KINDS = ("participants", "mentors", "applications", "meetings")
"""The kinds of sheet ``ledarskap import`` reads."""

EXPORT_FORMATS = ("csv", "xlsx", "json", "toml", "parquet")
"""The formats ``ledarskap export`` writes."""


_LANGUAGES: dict[str, Language] = {language: language for language in LANGUAGES}


def date(text: str) -> dt.date:
    """A date written ``YYYY-MM-DD`` (argparse names this function in its message)."""
    import datetime  # only when a date is given: ledarskap --help stays light

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(text)
    return datetime.date.fromisoformat(text)


def count(text: str) -> int:
    """A whole number of at least 1."""
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


class CommandLineError(Exception):
    """A command line argparse cannot read: shown with the usage, exit status 2."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message


class ParserExit(Exception):  # noqa: N818  # not an error: argparse is done
    """argparse is done (``--help``, ``--version``): exit with *status*."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """A parser that raises instead of exiting, so that :func:`~ledarskap.cli.main` returns."""

    def error(self, message: str) -> NoReturn:
        raise CommandLineError(self, message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._print_message(message)
        raise ParserExit(status)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """Write *message* (to standard error unless *file*), a write that fails not hidden.

        argparse's own drops an :class:`OSError`, so that ``ledarskap --help`` whose
        output was lost (a full disk, a reader gone) ended with status 0: the command's
        entry point says it instead (141, or 2).
        """
        if message:
            stream = sys.stderr if file is None else file
            stream.write(message)
            flush = getattr(stream, "flush", None)
            if callable(flush):
                flush()


class Command(NamedTuple):
    """One command: its name, its one-line summary and description, its options, its runner."""

    name: str
    summary: Text
    description: Text
    arguments: Callable[[argparse._ArgumentGroup, Language], None]
    runner: str
    """The module holding ``run(args, console) -> int``, imported when the command runs."""
    output_format: bool = True
    """Whether the command takes ``--format text|json`` for its report."""
    finds_problems: bool = False
    """Whether the command ends with exit status 1 when it finds problems (its help says so)."""


_USAGE = Text("användning: ", "usage: ")
_ARGUMENTS = Text("argument och flaggor", "arguments and options")
_HELP = Text("visa den här hjälpen och avsluta", "show this help and exit")
_LANG = Text(
    "språk: sv (svenska) eller en (engelska); annars efter miljön (LC_ALL, LC_MESSAGES, LANG)",
    "language: sv (Swedish) or en (English); otherwise from the locale (LC_ALL, LC_MESSAGES, LANG)",
)
_FORMAT = Text(
    "text (att läsa, standard) eller json (för program; se docs/cli.md)",
    "text (to read, the default) or json (for programs; see docs/cli.md)",
)
_FILE = Text("programdokumentet (.json eller .toml)", "the program document (.json or .toml)")
_COHORT = Text("bara omgången med detta id", "only the cohort with this id")
_EXIT_CODES = Text(
    "Slutstatus: 0 klart, 1 problem hittades (validate, import), 2 felaktigt kommando "
    "eller oläsbar fil, 130 avbrutet, 141 läsaren av utdata försvann.",
    "Exit status: 0 done, 1 problems found (validate, import), 2 a usage error or an "
    "unreadable file, 130 interrupted, 141 the reader of the output went away.",
)
_EXIT_CODES_WITH_PROBLEMS = Text(
    "Slutstatus: 0 klart, 1 problem hittades, 2 felaktigt kommando eller oläsbar fil, "
    "130 avbrutet, 141 läsaren av utdata försvann.",
    "Exit status: 0 done, 1 problems found, 2 a usage error or an unreadable file, "
    "130 interrupted, 141 the reader of the output went away.",
)
_EXIT_CODES_WITHOUT = Text(
    "Slutstatus: 0 klart, 2 felaktigt kommando eller oläsbar fil, 130 avbrutet, "
    "141 läsaren av utdata försvann.",
    "Exit status: 0 done, 2 a usage error or an unreadable file, 130 interrupted, "
    "141 the reader of the output went away.",
)


def _validate(group: argparse._ArgumentGroup, language: Language) -> None:
    group.add_argument("file", metavar="FILE", help=_FILE.render(language))
    group.add_argument(
        "--strict",
        action="store_true",
        help=Text("även varningar ger slutstatus 1", "warnings give exit status 1 too").render(
            language
        ),
    )


def _eligibility(group: argparse._ArgumentGroup, language: Language) -> None:
    group.add_argument("file", metavar="FILE", help=_FILE.render(language))
    group.add_argument("--cohort", metavar="ID", help=_COHORT.render(language))
    group.add_argument(
        "--rules",
        metavar="FILE",
        help=Text(
            "en regeluppsättning (.toml eller .json) i stället för standardreglerna",
            "a rule set (.toml or .json) instead of the default rules",
        ).render(language),
    )
    group.add_argument(
        "--as-of",
        type=date,
        metavar="DATE",
        help=Text(
            "pröva per detta datum (ÅÅÅÅ-MM-DD); annars per omgångens start",
            "decide as of this date (YYYY-MM-DD); otherwise as of the cohort's start",
        ).render(language),
    )


def _import(group: argparse._ArgumentGroup, language: Language) -> None:
    group.add_argument(
        "sheet",
        metavar="SHEET",
        help=Text("kalkylbladet (.csv eller .xlsx)", "the sheet (.csv or .xlsx)").render(language),
    )
    group.add_argument(
        "--kind",
        required=True,
        choices=SHEET_KINDS,
        help=Text("vad bladet håller", "what the sheet holds").render(language),
    )
    group.add_argument(
        "--into",
        required=True,
        metavar="FILE",
        help=Text(
            "programdokumentet som raderna läggs till i (skrivs om atomiskt)",
            "the program document the rows are added to (rewritten atomically)",
        ).render(language),
    )
    group.add_argument(
        "--cohort",
        metavar="ID",
        help=Text(
            "omgången (id i FILE) för rader utan kolumnen Omgång",
            "the cohort (an id in FILE) of rows without a Cohort column",
        ).render(language),
    )
    group.add_argument(
        "--mapping",
        metavar="FILE",
        help=Text(
            "en sparad kolumnmappning (TOML): rubriker, standardvärden, kolumner att hoppa över",
            "a saved sheet mapping (TOML): headers, defaults, columns to skip",
        ).render(language),
    )
    group.add_argument(
        "--dry-run",
        action="store_true",
        help=Text(
            "läs och kontrollera, men skriv inget", "read and check, but write nothing"
        ).render(language),
    )


def _export(group: argparse._ArgumentGroup, language: Language) -> None:
    group.add_argument("file", metavar="FILE", help=_FILE.render(language))
    group.add_argument(
        "--format",
        required=True,
        choices=EXPORT_FORMATS,
        dest="file_format",
        help=Text("filformatet", "the file format").render(language),
    )
    group.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PATH",
        help=Text(
            "vart: en mapp för csv och parquet (en fil per tabell), annars en fil",
            "where to: a folder for csv and parquet (a file a table), otherwise a file",
        ).render(language),
    )
    group.add_argument(
        "--pseudonymise",
        action="store_true",
        help=Text(
            "ersätt personer med nyckelade pseudonymer; namn, e-post och personnummer tas bort",
            "replace people by keyed pseudonyms; names, e-mail and personnummer dropped",
        ).render(language),
    )
    group.add_argument(
        "--key-file",
        metavar="F",
        help=Text(
            "filen med den hemliga nyckeln för pseudonymerna (krävs med --pseudonymise)",
            "the file holding the secret key of the pseudonyms (needed with --pseudonymise)",
        ).render(language),
    )
    group.add_argument(
        "--k",
        type=count,
        metavar="K",
        help=Text(
            "grovare kvasi-identifierare tills varje grupp har minst K personer",
            "coarsen the quasi-identifiers until every group has at least K people",
        ).render(language),
    )


def _schema(group: argparse._ArgumentGroup, language: Language) -> None:
    group.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=Text(
            "skriv schemat till FILE (atomiskt) i stället för till standard ut",
            "write the schema to FILE (atomically) instead of standard output",
        ).render(language),
    )


def _summary(group: argparse._ArgumentGroup, language: Language) -> None:
    group.add_argument("file", metavar="FILE", help=_FILE.render(language))
    group.add_argument("--cohort", metavar="ID", help=_COHORT.render(language))


def _demo(group: argparse._ArgumentGroup, language: Language) -> None:
    group.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help=Text(
            "ett programdokument (annars exempelprogrammet)",
            "a program document (otherwise the example program)",
        ).render(language),
    )


COMMANDS: tuple[Command, ...] = (
    Command(
        "validate",
        Text("kontrollera ett programdokument", "check a program document"),
        Text(
            "Läser programdokumentet och visar vad valideringen hittar: varje fel och varning "
            "på en gång. Slutstatus 1 om något fel hittas.",
            "Reads the program document and shows what validation finds: every error and "
            "warning at once. Exit status 1 when an error is found.",
        ),
        _validate,
        "ledarskap.cli._validate",
        finds_problems=True,
    ),
    Command(
        "eligibility",
        Text("pröva ansökningarna mot målgruppsreglerna", "decide the applications by the rules"),
        Text(
            "Prövar varje ansökan mot målgruppsreglerna (standardreglerna eller --rules) och "
            "förklarar varje beslut som inte är 'behörig'.",
            "Decides every application by the target-group rules (the default rules or "
            "--rules) and explains every decision that is not 'eligible'.",
        ),
        _eligibility,
        "ledarskap.cli._eligibility",
    ),
    Command(
        "import",
        Text("läs ett kalkylblad in i ett programdokument", "read a sheet into a program document"),
        Text(
            "Läser ett kalkylblad (deltagare, mentorer, ansökningar eller möten) och lägger "
            "raderna till programdokumentet. Har bladet eller resultatet problem skrivs "
            "ingenting och alla problem visas (slutstatus 1).",
            "Reads a sheet (participants, mentors, applications or meetings) and adds its rows "
            "to the program document. If the sheet or the result has problems, nothing is "
            "written and every problem is shown (exit status 1).",
        ),
        _import,
        "ledarskap.cli._import",
        finds_problems=True,
    ),
    Command(
        "export",
        Text("exportera data som tabeller, även pseudonymiserat", "export data as tables"),
        Text(
            "Skriver programmets data som tabeller (deltagare, mentorer, mentorskap, möten, "
            "träffar, ansökningar med beslut och skäl) i formatet --format. Med "
            "--pseudonymise ersätts personerna med nyckelade pseudonymer, och med --k görs "
            "tabellerna k-anonyma.",
            "Writes the program's data as tables (participants, mentors, mentorships, "
            "meetings, sessions, applications with their decisions and reasons) in the "
            "format --format. With --pseudonymise, people are replaced by keyed pseudonyms, "
            "and with --k the tables are made k-anonymous.",
        ),
        _export,
        "ledarskap.cli._export",
        output_format=False,
    ),
    Command(
        "schema",
        Text("skriv programdokumentets JSON Schema", "print the program document's JSON Schema"),
        Text(
            "Skriver JSON Schema för programdokumentets aktuella version.",
            "Prints the JSON Schema of the current version of the program document.",
        ),
        _schema,
        "ledarskap.cli._schema",
        output_format=False,
    ),
    Command(
        "summary",
        Text("sammanfatta ett program", "summarise a program"),
        Text(
            "Sammanfattar varje omgång: deltagare per kommun och befattningstyp, mentorer, "
            "möten hållna mot planerade, ansökningarnas utfall; sist valideringen.",
            "Summarises every cohort: participants by municipality and kind of position, "
            "mentors, meetings held against planned, the applications' outcomes; last, "
            "validation.",
        ),
        _summary,
        "ledarskap.cli._summary",
    ),
    Command(
        "demo",
        Text("visa exempelprogrammet (make demo)", "show the example program (make demo)"),
        Text(
            "Visar ett program (exempelprogrammet om ingen fil ges): omgångar, träffar, "
            "deltagare, mentorspar, ansökningar och validering.",
            "Shows a program (the example program unless a file is given): cohorts, sessions, "
            "participants, mentor pairs, applications and validation.",
        ),
        _demo,
        "ledarskap.cli._demo",
        output_format=False,
    ),
)
_COMMAND_NAMES = frozenset(command.name for command in COMMANDS)


def _width() -> int:
    """The terminal's width, as argparse reads it, without importing shutil to read it."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        stdout = sys.__stdout__
        try:
            columns = os.get_terminal_size(stdout.fileno()).columns if stdout else 80
        except (ValueError, OSError):  # not a terminal, or closed
            columns = 80
    return columns - 2


def _formatter(language: Language) -> type[argparse.HelpFormatter]:
    class Formatter(argparse.HelpFormatter):
        def __init__(
            self,
            prog: str,
            indent_increment: int = 2,
            max_help_position: int = 24,
            width: int | None = None,
        ) -> None:
            width = _width() if width is None else width
            super().__init__(prog, indent_increment, max_help_position, width)

        def add_usage(
            self,
            usage: str | None,
            actions: Any,
            groups: Any,
            prefix: str | None = None,
        ) -> None:
            super().add_usage(
                usage, actions, groups, _USAGE.render(language) if prefix is None else prefix
            )

    return Formatter


def _common(group: argparse._ArgumentGroup, language: Language, *, output_format: bool) -> None:
    group.add_argument("-h", "--help", action="help", help=_HELP.render(language))
    group.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_LANG.render(language)
    )
    if output_format:
        group.add_argument(
            "--format",
            choices=("text", "json"),
            default="text",
            dest="output_format",
            help=_FORMAT.render(language),
        )


def build_parser(
    language: Language, command_name: str | None = None, *, alone: bool = False
) -> argparse.ArgumentParser:
    """The parser of the ``ledarskap`` command line, its help in *language*.

    Every command is listed, but only *command_name*'s options are made (all of them if
    ``None``): a run needs the options of its own command only, and making them all
    would cost a start of the command a few milliseconds more. *alone*: not even the other
    commands are made, for a command line that cannot ask for their list
    (:func:`leading_command`); each costs half a millisecond.
    """
    formatter = _formatter(language)
    parser = _Parser(
        prog="ledarskap",
        description=Text(
            "Programmets data från terminalen: kontrollera, pröva, importera, exportera, "
            "sammanfatta. Varje kommando har --help.",
            "The program's data from a terminal: check, decide, import, export, summarise. "
            "Every command has --help.",
        ).render(language),
        epilog=_EXIT_CODES.render(language),
        formatter_class=formatter,
        add_help=False,
    )
    group = parser.add_argument_group(_ARGUMENTS.render(language))
    _common(group, language, output_format=False)
    group.add_argument(
        "--version",
        action="version",
        version=f"ledarskap {__version__}",
        help=Text("visa versionen och avsluta", "show the version and exit").render(language),
    )
    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        required=True,
        title=Text("kommandon", "commands").render(language),
        parser_class=_Parser,
    )
    for command in COMMANDS:
        if alone and command.name != command_name:
            continue
        sub = commands.add_parser(
            command.name,
            help=command.summary.render(language),
            description=command.description.render(language),
            epilog=(
                _EXIT_CODES_WITH_PROBLEMS if command.finds_problems else _EXIT_CODES_WITHOUT
            ).render(language),
            formatter_class=formatter,
            add_help=False,
        )
        if command_name in (None, command.name):
            group = sub.add_argument_group(_ARGUMENTS.render(language))
            command.arguments(group, language)
            _common(group, language, output_format=command.output_format)
    return parser


def command_named(argv: Sequence[str]) -> str | None:
    """The command *argv* runs: its first argument that is not an option (nor ``--lang``'s value)."""
    args = iter(argv)
    for arg in args:
        if arg == "--lang":
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def leading_command(argv: Sequence[str]) -> str | None:
    """*argv*'s command if it is one of :data:`COMMANDS` and comes first (but for ``--lang``).

    Nothing else on such a line can show the list of commands: only an option before the
    command (the top level's ``--help``) or an unknown command does. So the command's own
    parser is all :func:`build_parser` need make (``alone``).
    """
    args = list(argv)
    if args[:1] == ["--lang"]:
        args = args[2:]
    elif args and args[0].startswith("--lang="):
        args = args[1:]
    return args[0] if args and args[0] in _COMMAND_NAMES else None


def requested_language(argv: Sequence[str]) -> Language | None:
    """The language ``--lang`` asks for on *argv*, if it asks for one of the two.

    Read as argparse reads it, so that every message of a run is in one language: the
    last ``--lang`` counts, an abbreviation (``--la sv``) too, nothing after ``--``.

    >>> requested_language(["validate", "--lang", "sv", "--la=en"])
    'en'
    """
    said = option_value(argv, "--lang")
    return _LANGUAGES.get(said) if said is not None else None


def option_value(argv: Sequence[str], option: str) -> str | None:
    """The value *argv* gives *option*, read from the words as argparse reads them.

    For a command line argparse has not read, or refused: the last time the option is
    given counts, as ``--option value``, ``--option=value`` or an abbreviation
    (``--form json``); nothing after ``--`` does.

    >>> option_value(["schema", "--form", "text", "--format=json"], "--format")
    'json'
    """
    said = None
    words = iter(argv)
    for word in words:
        if word == "--":
            break
        name, equals, value = word.partition("=")
        if len(name) >= 3 and option.startswith(name):
            said = value if equals else next(words, None)
    return said


def default_language(environ: Mapping[str, str] = os.environ) -> Language:
    """Swedish if the locale is Swedish, otherwise English.

    The locale is the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set and
    not empty, as POSIX reads them; a value starting with ``sv`` (``sv_SE.UTF-8``,
    ``sv_FI``) is Swedish.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "sv" if value.startswith("sv") else "en"
    return "en"
