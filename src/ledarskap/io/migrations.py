"""Versions of the program document, and the chain of migrations between them.

A document says which version of the format it is written in (``format_version``). The
library reads the current version, :data:`FORMAT_VERSION`, and every older version for
which :data:`MIGRATIONS` holds a path: each :class:`Migration` turns a document of one
version into the next, as plain data (a dict in, a dict out), and they are applied one
step at a time. A document of a newer version than the library knows is refused with a
:class:`~ledarskap.errors.FormatVersionError` naming both versions; it is never half-read.

Version 1 was the first release of the format; version 2 gives each mentorship its life
(``status``, ``ended_by``, ``end_reason``: see :mod:`ledarskap.model.mentoring`), and
:func:`mentorship_lifecycle` migrates version 1 to it. When the format changes again (a
field renamed, a record split):

1. raise :data:`FORMAT_VERSION` by one;
2. append a ``Migration(from_version=N, to_version=N + 1, function=…, description=…)``
   to :data:`MIGRATIONS`, whose function rewrites a version-N document as version N + 1;
3. store a document written by the last release in ``tests/data/program-vN.json``; the
   tests load every stored old document and check that it migrates and validates.

>>> migrate({"format_version": 2, "program": {}})["format_version"]
2

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from ledarskap._found import expected_found
from ledarskap.errors import FormatVersionError, InvalidValueError, Problem, safe_repr
from ledarskap.model._methods import lazy_methods
from ledarskap.text import Text

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "Migration",
    "mentorship_lifecycle",
    "migrate",
]

FORMAT = "ledarskap.program"
"""The value of the ``format`` key at the top of every program document."""

FORMAT_VERSION = 2
"""The version of the program document this library writes.

.. versionchanged:: 0.3
   Version 2: mentorships have a ``status``, ``ended_by`` and ``end_reason``.
"""

Document = dict[str, Any]


@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Migration:
    """One step of the chain: rewrites a document of ``from_version`` as ``to_version``.

    ``function`` gets the whole document (a dict, ``format_version`` included) and returns
    the rewritten one; it need not set ``format_version``, :func:`migrate` does.
    """

    from_version: int = attrs.field(
        validator=lambda _, attribute, value: _version(attribute, value)
    )
    to_version: int = attrs.field()
    function: Callable[[Document], Document] = attrs.field(repr=False)
    description: str = attrs.field()

    @to_version.validator
    def _one_step(self, attribute: attrs.Attribute[int], value: int) -> None:
        _version(attribute, value)
        if value != self.from_version + 1:
            raise InvalidValueError(
                location="Migration.to_version",
                expected=Text(
                    f"en version upp: {self.from_version + 1}",
                    f"one version up: {self.from_version + 1}",
                ),
                found=value,
            )

    @description.validator
    def _text(self, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise InvalidValueError(
                location="Migration.description", expected=Text("en text", "a text"), found=value
            )

    @function.validator
    def _callable(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not callable(value):
            raise InvalidValueError(
                location="Migration.function",
                expected=Text(
                    "en funktion från dokument till dokument",
                    "a function from document to document",
                ),
                found=value,
            )


def _version(attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidValueError(
            location=f"Migration.{attribute.name}",
            expected=Text("ett heltal, minst 0", "a whole number of at least 0"),
            found=value,
        )


def _date(value: object) -> dt.date | None:
    """A date as a document holds it: ISO text (JSON) or a date (TOML); else ``None``."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _text(value: object) -> str | None:
    """An id as a document holds it, or ``None`` for anything else (it does not validate)."""
    return value if isinstance(value, str) else None


def _records(document: Document, key: str) -> list[Any]:
    found = document.get(key)
    return found if isinstance(found, list) else []


def mentorship_lifecycle(document: Document) -> Document:
    """Version 1 → 2: each mentorship gets the ``status`` its dates say.

    Version 1 knew only a mentorship's dates, so its status is read from them:

    - no ``end``: ``"active"`` (it lasts);
    - an ``end`` on or after the last day of the adept's cohort: ``"completed"``;
    - an ``end`` before it: ``"ended-early"``, who ended it (``ended_by``) not recorded
      (``None``), and no reason;
    - an ``end`` whose cohort cannot be found (a document that does not validate):
      ``"completed"``, the reading that claims the least.

    Nothing else changes, so a version-1 document migrated, written and read again holds
    the same data. A mentorship that already has a ``status`` keeps it.

    >>> doc = {"format_version": 1,
    ...        "cohorts": [{"id": "c-1", "end": "2026-06-12"}],
    ...        "participants": [{"id": "d-1", "cohort_id": "c-1"}],
    ...        "mentorships": [{"id": "m-1", "participant_id": "d-1", "end": "2026-06-12"},
    ...                        {"id": "m-2", "participant_id": "d-1", "end": "2026-01-31"},
    ...                        {"id": "m-3", "participant_id": "d-1"}]}
    >>> [m["status"] for m in mentorship_lifecycle(doc)["mentorships"]]
    ['completed', 'ended-early', 'active']
    """
    cohort_end = {
        _text(c.get("id")): _date(c.get("end"))
        for c in _records(document, "cohorts")
        if isinstance(c, dict)
    }
    adept_end = {
        _text(p.get("id")): cohort_end.get(_text(p.get("cohort_id")))
        for p in _records(document, "participants")
        if isinstance(p, dict)
    }

    def with_status(pair: Any) -> Any:
        if not isinstance(pair, dict) or "status" in pair:
            return pair
        end = pair.get("end")
        if end is None:
            return {**pair, "status": "active"}
        last = _date(end)
        planned = adept_end.get(_text(pair.get("participant_id")))
        early = last is not None and planned is not None and last < planned
        return {**pair, "status": "ended-early" if early else "completed"}

    if isinstance(document.get("mentorships"), list):
        document = {**document, "mentorships": [with_status(p) for p in document["mentorships"]]}
    return document


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        from_version=1,
        to_version=2,
        function=mentorship_lifecycle,
        description="mentorships get a status (version 2)",
    ),
)
"""The migrations of the real format, oldest first."""


def _kind(value: object) -> Text:
    return Text(type(value).__name__, type(value).__name__)


def _checked_chain(document: object, migrations: object, current: object) -> tuple[Migration, ...]:
    """The migrations, taken once (any iterable of them), the arguments checked."""
    if not isinstance(document, dict):
        raise InvalidValueError(
            location="migrate(document)",
            expected=Text("ett dokument (en dict)", "a document (a dict)"),
            found=_kind(document),
            described=True,
        )
    if isinstance(migrations, (str, bytes, Mapping)) or not isinstance(migrations, Iterable):
        raise InvalidValueError(
            location="migrations",
            expected=Text("en lista med Migration", "a list of Migration"),
            found=_kind(migrations),
            described=True,
        )
    chain = tuple(migrations)
    for index, step in enumerate(chain):
        if not isinstance(step, Migration):
            raise InvalidValueError(
                location=f"migrations[{index}]",
                expected=Text("en Migration", "a Migration"),
                found=_kind(step),
                described=True,
            )
    if not isinstance(current, int) or isinstance(current, bool) or current < 1:
        raise InvalidValueError(
            location="migrate(current)",
            expected=Text("ett heltal, minst 1", "a whole number of at least 1"),
            found=current,
        )
    return chain


def migrate(
    document: Document,
    *,
    migrations: Iterable[Migration] = MIGRATIONS,
    current: int = FORMAT_VERSION,
) -> Document:
    """*document* rewritten in version *current*, one migration at a time.

    Raises :class:`~ledarskap.errors.FormatVersionError` when the document is newer than
    *current*, or older with no path of migrations up to it; an
    :class:`~ledarskap.errors.InvalidValueError` for arguments of the wrong kind (a
    document that is no dict, a migration that is no :class:`Migration`).
    """
    chain = _checked_chain(document, migrations, current)
    version = document.get("format_version")
    if isinstance(version, float) and version.is_integer():
        version = int(version)  # 1.0 is the whole number 1, as numbers read elsewhere
    if not isinstance(version, int) or isinstance(version, bool):
        raise FormatVersionError(
            Text("ingen formatversion", "no format version")
            if version is None
            else Text(
                "en formatversion som inte är ett tal", "a format version that is not a number"
            ),
            [
                Problem(
                    "$.format_version",
                    Text(
                        "förväntade ett heltal, fick inget", "expected a whole number, found none"
                    ),
                    "missing",
                )
                if "format_version" not in document
                else Problem(
                    "$.format_version",
                    expected_found(Text("ett heltal", "a whole number"), version),
                )
            ],
        )
    if version > current:
        raise FormatVersionError(
            Text(
                f"skrivet i formatversion {version}, nyare än det här biblioteket läser",
                f"written in format version {version}, newer than this library reads",
            ),
            [
                Problem(
                    "$.format_version",
                    Text(
                        f"förväntade version {current} eller äldre, fick version {version}: "
                        "uppgradera ledarskap för att läsa dokumentet",
                        f"expected version {current} or older, found version {version}: "
                        "upgrade ledarskap to read this document",
                    ),
                    code="format-version",
                )
            ],
        )
    steps = {m.from_version: m for m in chain}
    while version < current:
        step = steps.get(version)
        if step is None:
            oldest = min(steps, default=current)
            raise FormatVersionError(
                Text(
                    f"formatversion {version} kan inte läsas",
                    f"format version {version} cannot be read",
                ),
                [
                    Problem(
                        "$.format_version",
                        Text(
                            f"förväntade en version från {oldest} till {current}, "
                            f"fick version {version}, som ingen migrering läser",
                            f"expected a version from {oldest} to {current}, "
                            f"found version {version}, which no migration reads",
                        ),
                        code="format-version",
                    )
                ],
            )
        try:
            rewritten: object = step.function(dict(document))
            if not isinstance(rewritten, dict):
                found = type(rewritten).__name__
                raise TypeError(f"it returned {found}, not the document (a dict)")
            document = rewritten
        except Exception as exc:
            failure = f"{step.description}: {type(exc).__name__}: {safe_repr(str(exc))}"
            raise FormatVersionError(
                Text(
                    f"migreringen från formatversion {step.from_version} till "
                    f"{step.to_version} misslyckades",
                    f"migration from format version {step.from_version} to {step.to_version} failed",
                ),
                [Problem("$", Text(failure, failure))],
            ) from None
        version = step.to_version
        document["format_version"] = version
    return document
