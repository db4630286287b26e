"""``ledarskap schema``: the JSON Schema of the program document, to standard output or a file.

``--output FILE`` writes the file atomically, and replaces only a file that is empty or a
schema this command wrote before (of any format version): a program document is a
``.json`` file too, and a key file may be one, and neither is ever written over.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import stat

from ledarskap.errors import FileAccessError
from ledarskap.io._atomic import check_suffix, write_atomic
from ledarskap.io._reading import reason_of
from ledarskap.io.schema import document_schema
from ledarskap.text import Text

from ._console import Console

__all__ = ["run"]

_OURS = re.compile(
    rb'(?:\xef\xbb\xbf)?\s*\{\s*"\$schema"\s*:\s*"[^"]*"\s*,\s*"\$id"\s*:\s*"urn:ledarskap:'
)
"""How a schema this command wrote begins: its ``$schema``, then an ``$id`` of the library's."""
_HEAD = 256
_NOT_OURS = Text(
    "filen finns och är inget schema som ledarskap schema har skrivit; den ersätts inte: "
    "ta bort den eller välj ett annat namn",
    "the file exists and is no schema ledarskap schema wrote; it is not replaced: "
    "remove it or choose another name",
)


def run(args: argparse.Namespace, console: Console) -> int:
    """Print the schema, or write it to ``--output`` atomically; 0."""
    text = json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        check_suffix(args.output, (".json",), "schema --output")
        _check_replaceable(args.output)
        write_atomic(args.output, text.encode("utf-8"))
    else:
        console.stdout.write(text)
    return 0


def _check_replaceable(path: str) -> None:
    """Refuse the file at *path* unless it is no file yet, an empty one, or a schema of ours."""
    try:  # not blocking on a FIFO: refused below, as anything not a regular file
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return
    except OSError as exc:  # one that cannot be read cannot be told a schema: not replaced
        raise FileAccessError(path, "write", reason_of(exc), errno=exc.errno) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # a folder, a pipe: never written over
        os.close(fd)
        raise FileAccessError(path, "write", _NOT_OURS)
    with open(fd, "rb") as file:
        head = file.read(_HEAD)
    if head and not _OURS.match(head):
        raise FileAccessError(path, "write", _NOT_OURS)
