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
from typing import TYPE_CHECKING, Literal

from ledarskap.errors import Problem, RuleError

if TYPE_CHECKING:
    from ledarskap.eligibility import PredicateRegistry, RuleSet

__all__ = ["load_ruleset"]


def load_ruleset(
    path: str | os.PathLike[str],
    *,
    syntax: Literal["toml", "json"] | None = None,
    registry: PredicateRegistry | None = None,
) -> RuleSet:
    """The rule set in the file at *path* (``.toml`` or ``.json``; or say which by *syntax*).

    Every problem of the file is reported at once as a :class:`~ledarskap.errors.RuleError`
    naming the file (and the line, for TOML). A file that cannot be read is a RuleError too.
    """
    from ledarskap.eligibility import parse_ruleset

    file = Path(path)
    chosen = syntax or ("json" if file.suffix.lower() == ".json" else "toml")
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problem = Problem(
            "",
            f"cannot read the file: {error.__class__.__name__}: {error}",
            "unreadable",
            source=str(file),
        )
        raise RuleError("cannot read rule set", [problem], source=str(file)) from None
    return parse_ruleset(text, syntax=chosen, source=str(file), registry=registry)
