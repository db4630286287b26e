"""Versions of the program document, and the chain of migrations between them.

A document says which version of the format it is written in (``format_version``). The
library reads the current version, :data:`FORMAT_VERSION`, and every older version for
which :data:`MIGRATIONS` holds a path: each :class:`Migration` turns a document of one
version into the next, as plain data (a dict in, a dict out), and they are applied one
step at a time. A document of a newer version than the library knows is refused with a
:class:`~ledarskap.errors.FormatVersionError` naming both versions; it is never half-read.

Version 1 is the first release of the format, so the chain is empty today. When the
format changes (a field renamed, a record split):

1. raise :data:`FORMAT_VERSION` by one;
2. append a ``Migration(from_version=N, to_version=N + 1, function=…, description=…)``
   to :data:`MIGRATIONS`, whose function rewrites a version-N document as version N + 1;
3. store a document written by the last release in ``tests/data/program-vN.json``; the
   tests load every stored old document and check that it migrates and validates.

>>> migrate({"format_version": 1, "program": {}}, migrations=())["format_version"]
1

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from ledarskap._found import describe
from ledarskap.errors import FormatVersionError, Problem, safe_repr

__all__ = ["FORMAT", "FORMAT_VERSION", "MIGRATIONS", "Migration", "migrate"]

FORMAT = "ledarskap.program"
"""The value of the ``format`` key at the top of every program document."""

FORMAT_VERSION = 1
"""The version of the program document this library writes."""

Document = dict[str, Any]


@attrs.frozen(kw_only=True)
class Migration:
    """One step of the chain: rewrites a document of ``from_version`` as ``to_version``.

    ``function`` gets the whole document (a dict, ``format_version`` included) and returns
    the rewritten one; it need not set ``format_version``, :func:`migrate` does.
    """

    from_version: int
    to_version: int = attrs.field()
    function: Callable[[Document], Document] = attrs.field(repr=False)
    description: str

    @to_version.validator
    def _one_step(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value != self.from_version + 1:
            raise ValueError(f"a migration goes one version up, not {self.from_version}→{value}")


MIGRATIONS: tuple[Migration, ...] = ()
"""The migrations of the real format, oldest first (none yet: version 1 is the first)."""


def migrate(
    document: Document,
    *,
    migrations: Sequence[Migration] = MIGRATIONS,
    current: int = FORMAT_VERSION,
) -> Document:
    """*document* rewritten in version *current*, one migration at a time.

    Raises :class:`~ledarskap.errors.FormatVersionError` when the document is newer than
    *current*, or older with no path of migrations up to it.
    """
    version = document.get("format_version")
    if isinstance(version, float) and version.is_integer():
        version = int(version)  # 1.0 is the whole number 1, as numbers read elsewhere
    if not isinstance(version, int) or isinstance(version, bool):
        raise FormatVersionError(
            "no format version" if version is None else "a format version that is not a number",
            [Problem("$.format_version", f"expected a whole number, found {describe(version)}")],
        )
    if version > current:
        raise FormatVersionError(
            f"written in format version {version}, newer than this library reads",
            [
                Problem(
                    "$.format_version",
                    f"expected version {current} or older, found version {version}: "
                    "upgrade ledarskap to read this document",
                    code="format-version",
                )
            ],
        )
    steps = {m.from_version: m for m in migrations}
    while version < current:
        step = steps.get(version)
        if step is None:
            raise FormatVersionError(
                f"format version {version} cannot be read",
                [
                    Problem(
                        "$.format_version",
                        f"expected a version from {min(steps, default=current)} to {current}, "
                        f"found version {version}, which no migration reads",
                        code="format-version",
                    )
                ],
            )
        try:
            document = step.function(dict(document))
        except Exception as exc:
            raise FormatVersionError(
                f"migration from format version {step.from_version} to {step.to_version} failed",
                [Problem("$", f"{step.description}: {type(exc).__name__}: {safe_repr(str(exc))}")],
            ) from None
        version = step.to_version
        document["format_version"] = version
    return document
