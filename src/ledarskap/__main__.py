"""The ``ledarskap`` command's process: ``python -m ledarskap`` and the console script.

:func:`run` is what the installed ``ledarskap`` command calls; ``python -m ledarskap``
runs it too. A program that runs the command line in a process of its own calls
:func:`ledarskap.cli.main` instead, which returns the exit status and leaves the process
as it found it.
"""

import sys
import types
from typing import NoReturn


def run() -> NoReturn:
    """Run the command line of this process (``sys.argv``) and exit with its status.

    First what only a process that is the command's own may do, to start faster: argparse
    imported without gettext, and the code attrs compiles for the library's classes kept
    between runs (:mod:`ledarskap._code_cache`). An interruption (Ctrl-C) while the
    command starts or ends is exit status 130, as one while it runs, not a traceback.
    """
    try:
        _import_argparse_untranslated()
        from ledarskap import _code_cache  # here, not above: the script's import stays light

        _code_cache.install()
        from ledarskap.cli import main  # after argparse, which it imports

        status = main()
    except KeyboardInterrupt:
        status = 130  # the cli's INTERRUPTED, which may not be imported yet
    sys.exit(status)


def _same(message: str) -> str:
    return message


def _singular_or_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def _import_argparse_untranslated() -> None:
    """Import argparse with a stand-in for :mod:`gettext`, in English as the command needs it.

    argparse translates its messages with gettext, and importing gettext (and
    :mod:`locale`, which it imports) compiles patterns: about a millisecond of every start.
    The command does not need them: it words argparse's messages in Swedish or English
    itself, from their English (:mod:`ledarskap.cli._messages`), so argparse's own
    translation, were a catalogue for it installed, would only get in the way. The
    stand-in is taken away once argparse has its two functions, so that a later
    ``import gettext`` gets the real module. Done only here, in a process that is the
    command's own: a program that has imported argparse already keeps its own.
    """
    if "argparse" in sys.modules or "gettext" in sys.modules:
        return
    stand_in = types.ModuleType("gettext", "A stand-in while argparse is imported.")
    vars(stand_in).update(gettext=_same, ngettext=_singular_or_plural)
    sys.modules["gettext"] = stand_in
    try:
        import argparse  # noqa: F401  # kept in sys.modules, with the stand-in's functions
    except ImportError:  # an argparse that wants more of gettext: the real one, then
        sys.modules.pop("argparse", None)
    finally:
        del sys.modules["gettext"]


if __name__ == "__main__":
    run()
