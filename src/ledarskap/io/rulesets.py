"""Reading rule-set files: :func:`load_ruleset` reads a TOML or JSON file and checks it whole.

The eligibility layer parses text (:func:`ledarskap.eligibility.parse_ruleset`); this
module is the file side: it reads the file, picks the syntax from the suffix, and names
the file in every problem reported.

>>> from importlib import resources
>>> from ledarskap.io.rulesets import load_ruleset
>>> with resources.as_file(resources.files("ledarskap.data") / "default-rules.toml") as path:
...     rules = load_ruleset(path)
>>> rules.id
'ledarskap-i-kommuner'

.. versionadded:: 0.2
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ledarskap._found import checked_syntax
from ledarskap.eligibility import PredicateRegistry, RuleSet, parse_ruleset
from ledarskap.errors import FileAccessError, Problem, RuleError, UsageError
from ledarskap.text import Text

from ._reading import MAX_SMALL_FILE, read_bounded, reason_of, undecodable

__all__ = ["load_ruleset"]


def load_ruleset(
    path: str | os.PathLike[str],
    *,
    syntax: Literal["toml", "json"] | None = None,
    registry: PredicateRegistry | None = None,
) -> RuleSet:
    """The rule set in the file at *path* (``.toml`` or ``.json``; or say which by *syntax*).

    Every problem of the file is reported at once as a :class:`~ledarskap.errors.RuleError`
    naming the file (and the line, for TOML); so is a file that is not UTF-8 text. A file
    that cannot be read at all (missing, a folder, no permission) raises
    :class:`~ledarskap.errors.FileAccessError`, as :func:`ledarskap.load` does; a *path*
    that is no path, :class:`~ledarskap.errors.UsageError`.

    .. versionchanged:: 0.3
       A file that cannot be read raises FileAccessError, no longer RuleError.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise UsageError(
            Text(
                f"load_ruleset(path): förväntade en sökväg till en fil, fick {type(path).__name__}",
                f"load_ruleset(path): expected a file path, found {type(path).__name__}",
            )
        )
    if not os.fspath(path):  # "" would be the working folder
        raise UsageError(
            Text(
                "load_ruleset(path): förväntade en sökväg till en fil, fick en tom",
                "load_ruleset(path): expected a file path, found an empty one",
            )
        )
    if registry is not None and not isinstance(registry, PredicateRegistry):
        raise UsageError(
            Text(
                f"load_ruleset(registry=): förväntade ett PredicateRegistry, fick {type(registry).__name__}",
                f"load_ruleset(registry=): expected a PredicateRegistry, found {type(registry).__name__}",
            )
        )
    file = Path(path)
    source = os.fspath(path)
    chosen = (
        checked_syntax(syntax, "load_ruleset(syntax)")
        if syntax is not None
        else "json"
        if file.suffix.lower() == ".json"
        else "toml"
    )
    try:
        content, _ = read_bounded(file, MAX_SMALL_FILE, "a rule set")
    except OSError as error:
        raise FileAccessError(source, "read", reason_of(error), errno=error.errno) from None
    except ValueError as error:  # a NUL character, or a lone surrogate, in the path
        raise FileAccessError(source, "read", reason_of(error)) from None
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        problem = Problem("", undecodable(error, content), "unreadable", source=source)
        raise RuleError(
            Text("kan inte läsa regeluppsättningen", "cannot read rule set"),
            [problem],
            source=source,
        ) from None
    return parse_ruleset(text, syntax=chosen, source=source, registry=registry)
