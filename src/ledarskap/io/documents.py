"""The program document: a whole :class:`~ledarskap.model.ProgramData` in one JSON or TOML file.

A document is an object with the key ``format`` (always ``"ledarskap.program"``), the key
``format_version`` (see :mod:`ledarskap.io.migrations`) and one key per field of
:class:`~ledarskap.model.ProgramData`. :func:`dump` and :func:`load` choose JSON or TOML
from the file's suffix (``.json``, ``.toml``); :func:`dumps` and :func:`loads` work on text.

>>> import datetime as dt
>>> import ledarskap
>>> from ledarskap import Organiser, Program, ProgramData, Person
>>> cks = Organiser(name="CKS", full_name="Centrum för kommunstrategiska studier",
...                 university="Linköpings universitet", partner_municipalities=["0580"])
>>> data = ProgramData(program=Program(id="liko", name="Ledarskap i kommuner", organiser=cks),
...                    people=[Person(id="p-1", given_name="Anna", family_name="Berg")])
>>> text = ledarskap.dumps(data)
>>> print(text[:60])
{
  "format": "ledarskap.program",
  "format_version": 2,
>>> ledarskap.loads(text) == data
True
>>> print(ledarskap.dumps(data, syntax="toml"))
format = "ledarskap.program"
format_version = 2
people = [
    { id = "p-1", given_name = "Anna", family_name = "Berg" },
]
...
>>> ledarskap.loads(ledarskap.dumps(data, syntax="toml"), syntax="toml") == data
True

Loading reports every problem at once, each at its JSON path (in TOML, its key path):

>>> ledarskap.loads('{"format": "ledarskap.program", "format_version": 2, "program": 3}')
Traceback (most recent call last):
...
ledarskap.errors.DocumentError: the document does not match the format (1 problem)
  - $.program: expected an object (Program), found the number 3

Writing is atomic: the file is written to a temporary file in the same directory, flushed
to disk and renamed over the old one, so a crash leaves the old file whole. Saving never
silently overwrites an edit made since the file was read (:mod:`ledarskap.io.revisions`):
a file another process saved since this one read it is refused with
:class:`~ledarskap.errors.ConflictError`.

.. versionadded:: 0.1
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from ledarskap import data as _data
from ledarskap._found import (
    JSON_CONSTANT,
    JSON_LONG_INTEGER,
    checked_syntax,
    expected_found,
    json_place,
    not_utf8,
    parse_text,
)
from ledarskap._gc import paused_gc
from ledarskap.errors import (
    DocumentError,
    FileAccessError,
    FormatVersionError,
    InvalidValueError,
    Problem,
    UsageError,
    safe_repr,
)
from ledarskap.model import ProgramData
from ledarskap.text import Text

from . import revisions  # a name of dump()'s signature, which typing.get_type_hints reads
from ._construct import SMALL, Constructor
from ._problems import FILE_NAME, key_path_of, message_of, moved, wording
from ._reading import MAX_DOCUMENT, read_bounded, reason_of
from ._values import Flavour
from .migrations import FORMAT, FORMAT_VERSION, MIGRATIONS, Migration, migrate

if TYPE_CHECKING:
    from ledarskap.errors import Wording

    from ._decode import Decoder
    from ._encode import Encoder

__all__ = ["Syntax", "dump", "dumps", "example_program", "load", "loads"]

Syntax = Literal["json", "toml"]
"""The two syntaxes a program document is written in."""

_SUFFIXES: dict[str, Syntax] = {".json": "json", ".toml": "toml"}


# Text ----------------------------------------------------------------------------------


def dumps(data: ProgramData, *, syntax: Syntax = "json") -> str:
    """The program document of *data*, as JSON (indented by two spaces) or TOML text.

    JSON text ends without a line feed, as :func:`json.dumps` does; files get one.

    .. versionadded:: 0.1
    """
    _check_data("dumps", data)
    with paused_gc():
        return _encode(data, syntax).decode("utf-8")


def loads(
    text: str | bytes,
    *,
    syntax: Syntax = "json",
    migrations: Sequence[Migration] = MIGRATIONS,
    source: str | None = None,
) -> ProgramData:
    """The :class:`~ledarskap.model.ProgramData` of a program document given as text.

    An older document is migrated along *migrations* first. Raises
    :class:`~ledarskap.errors.DocumentError` listing every problem (each with its path),
    :class:`~ledarskap.errors.FormatVersionError` for a document of another format or
    a newer version. *source* names the file in messages.

    .. versionadded:: 0.1
    """
    with paused_gc():
        small = _is_small(text)
        if syntax == "json" and not small and not _may_hold_surrogates(text):
            data = _decode_fast(text)
            if data is not None:
                return data
        document = _parse(text, syntax, source)
        return _read(document, syntax, migrations, source, small=small)


# Files ---------------------------------------------------------------------------------


def dump(
    data: ProgramData,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    expected_revision: revisions.Revision | None = None,
) -> None:
    """Write *data* to *path* as a program document, atomically; the suffix picks the syntax.

    A file this process has read (with :func:`load`) or written is replaced only if it is
    still the revision last read or written: if someone else saved it since, nothing is
    written and :class:`~ledarskap.errors.ConflictError` names the file and both
    revisions (read it again, make the change again, save). *overwrite* saves anyway;
    *expected_revision* states the revision the file must have (see
    :func:`~ledarskap.io.revisions.revision_of`). A new file, or one this process never
    read, is written as it is given.

    .. versionadded:: 0.1
    .. versionchanged:: 0.3
       A file changed since it was read is not overwritten; *overwrite*,
       *expected_revision*.
    """
    _check_data("dump", data, path)
    _check_path("dump", path)
    if overwrite and expected_revision is not None:
        raise UsageError(
            Text(
                "dump: ange overwrite=True eller expected_revision=…, inte båda",
                "dump: give overwrite=True or expected_revision=…, not both",
            )
        )
    if expected_revision is not None and not isinstance(expected_revision, revisions.Revision):
        raise UsageError(
            Text(
                f"dump: expected_revision ska vara en Revision (från revision_of), fick {type(expected_revision).__name__}",
                f"dump: expected_revision must be a Revision (from revision_of), found {type(expected_revision).__name__}",
            )
        )
    syntax = _syntax_of(path)
    with paused_gc():
        encoded = _encode(data, syntax)
    tail = b"\n" if syntax == "json" else b""
    expected = None if overwrite else expected_revision or revisions.expected_for(data, path)
    check = None if expected is None else functools.partial(revisions.check, expected, path)
    from ._atomic import write_atomic  # pathlib: not for the commands that only read

    write_atomic(path, encoded, tail, check=check)
    try:
        mtime_ns = os.stat(path).st_mtime_ns
    except OSError:  # pragma: no cover - removed the instant after it was written
        mtime_ns = 0
    revisions.remember(data, path, revisions.Revision.of(encoded, tail, mtime_ns=mtime_ns))


def load(
    path: str | os.PathLike[str], *, migrations: Sequence[Migration] = MIGRATIONS
) -> ProgramData:
    """Read the program document at *path*; the suffix (``.json``, ``.toml``) picks the syntax.

    Errors are those of :func:`loads`, naming the file; a file that cannot be read
    raises :class:`~ledarskap.errors.FileAccessError` (an :class:`OSError` too). The
    file's revision is recorded (:func:`~ledarskap.io.revisions.revision_of`), so that
    :func:`dump` does not overwrite what someone else saves meanwhile.

    .. versionadded:: 0.1
    """
    data, content, mtime_ns = _load(path, migrations, for_saving=True)
    revisions.remember(data, path, revisions.Revision.of(content, mtime_ns=mtime_ns))
    return data


def load_for_reading(
    path: str | os.PathLike[str], *, migrations: Sequence[Migration] = MIGRATIONS
) -> ProgramData:
    """The program document at *path*, read as :func:`load` reads it, for a tool that only reads.

    The same data and errors as :func:`load`, and nothing kept for a later save: no
    revision is recorded (so :func:`dump` treats the file as one this process never
    read), and what a killed writer left beside the file is left for the next
    :func:`load`. The ``ledarskap`` commands that read a document without saving it
    use it, and so start without the hashing machinery (OpenSSL: some 3–4 ms of a
    command's start). Not part of the public API.
    """
    return _load(path, migrations, for_saving=False)[0]


def _load(
    path: str | os.PathLike[str], migrations: Sequence[Migration], *, for_saving: bool
) -> tuple[ProgramData, bytes, int]:
    """The data of the document at *path*, its bytes and their modification time."""
    if isinstance(path, ProgramData):
        raise UsageError(
            Text(
                "load: förväntade en sökväg, fick en ProgramData (menade du dump?)",
                "load: expected a path, found a ProgramData (did you mean dump?)",
            )
        )
    _check_path("load", path)
    syntax = _syntax_of(path)
    if for_saving:  # what a killed writer of this file left beside it
        from ._atomic import remove_stale_temporaries

        remove_stale_temporaries(path)
    try:
        content, mtime_ns = read_bounded(path, MAX_DOCUMENT, "a program document")
    except OSError as exc:
        raise FileAccessError(os.fspath(path), "read", reason_of(exc), errno=exc.errno) from None
    except ValueError as exc:  # a NUL character in the path
        raise FileAccessError(os.fspath(path), "read", str(exc)) from None
    data = loads(content, syntax=syntax, migrations=migrations, source=os.fspath(path))
    return data, content, mtime_ns


@functools.cache
def example_program() -> ProgramData:
    """The example program that ships with the library: one cohort, mentors, applications.

    .. versionadded:: 0.1
    """
    content = _data.read_bytes("example-program.json")
    return loads(content, source="ledarskap/data/example-program.json")


def _check_data(function: str, data: object, path: object = None) -> None:
    """Refuse what is not a ProgramData, naming swapped arguments as such."""
    if isinstance(data, ProgramData):
        return
    if isinstance(path, ProgramData):
        raise UsageError(
            Text(
                f"{function}(data, path): argumenten står i omvänd ordning",
                f"{function}(data, path): the arguments are swapped",
            )
        )
    found = type(data).__name__
    raise UsageError(
        Text(
            f"{function}: förväntade en ProgramData, fick {found}",
            f"{function}: expected a ProgramData, found {found}",
        )
    )


def _check_path(function: str, path: object) -> None:
    """Refuse what is no file path (bytes too: a path is text here, as everywhere)."""
    if not isinstance(path, (str, os.PathLike)) or isinstance(os.fspath(path), bytes):
        found = type(path).__name__
        raise UsageError(
            Text(
                f"{function}: förväntade en sökväg till en fil, fick {found}",
                f"{function}: expected a file path, found {found}",
            )
        )


def _syntax_of(path: str | os.PathLike[str]) -> Syntax:
    syntax = _SUFFIXES.get(_plain_suffix(path))
    if syntax is not None:
        return syntax
    from pathlib import Path  # ~3 ms to import: only for the names read below

    suffix = Path(path).suffix.lower()
    syntax = _SUFFIXES.get(suffix)
    if syntax is None:
        raise DocumentError(
            Text("okänd sorts fil", "unknown kind of file"),
            [
                Problem(
                    FILE_NAME,
                    Text(
                        f"förväntade ett namn som slutar på .json eller .toml, "
                        f"fick {safe_repr(suffix)}",
                        f"expected a name ending .json or .toml, found {safe_repr(suffix)}",
                    ),
                )
            ],
            source=os.fspath(path),
        )
    return syntax


def _plain_suffix(path: object) -> str:
    """``.json`` or ``.toml`` (any case) where the path's last part plainly ends so, else ``""``.

    For such a name, :attr:`pathlib.PurePath.suffix` gives the same (the last part is
    neither empty, nor ``.`` nor ``..``, and its dot is neither first nor last); for any
    other, :func:`_syntax_of` asks :mod:`pathlib`.
    """
    text = os.fspath(path) if isinstance(path, str | os.PathLike) else None
    if not isinstance(text, str):
        return ""
    for separator in (os.sep, os.altsep):
        if separator:
            text = text.rpartition(separator)[2]
    suffix = text[-5:].lower()
    return suffix if len(text) > len(suffix) and suffix in _SUFFIXES else ""


# Writing -------------------------------------------------------------------------------


@functools.cache
def _converter(flavour: Flavour, detailed: bool) -> Any:
    """The cattrs converter: for TOML, and for documents the other readers do not read."""
    from ._convert import make_converter  # cattrs: a valid JSON document is read without it

    return make_converter(flavour=flavour, detailed_validation=detailed)


def _header() -> dict[str, Any]:
    return {"format": FORMAT, "format_version": FORMAT_VERSION}


def _encode(data: ProgramData, syntax: Syntax) -> bytes:
    if not isinstance(data, ProgramData):
        raise InvalidValueError(
            location="data", expected=Text("en ProgramData", "a ProgramData"), found=type(data)
        )
    try:
        return _encode_unchecked(data, syntax)
    except UnicodeEncodeError:
        raise not_utf8("data") from None


def _encode_unchecked(data: ProgramData, syntax: Syntax) -> bytes:
    if syntax == "toml":
        import tomli_w  # only for TOML: loading a JSON document starts faster

        body = _converter("toml", False).unstructure(data)
        return tomli_w.dumps(_without_none({**_header(), **body})).encode("utf-8")
    checked_syntax(syntax, "syntax")
    encoder = _encoder()
    if encoder is not None:
        return encoder.encode(data)
    document = {**_header(), **_converter("json", False).unstructure(data)}
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


@functools.cache
def _encoder() -> Encoder | None:
    """The fast encoder (:mod:`ledarskap.io._encode`), or ``None`` without msgspec."""
    from ._encode import Encoder  # imported with msgspec, for the documents that use it

    try:
        return Encoder()
    except ImportError:
        return None


def _without_none(value: Any) -> Any:
    """TOML has no null: keys whose value is ``None`` are left out (and read back as ``None``)."""
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


# Reading -------------------------------------------------------------------------------


def _is_small(text: object) -> bool:
    """Whether *text* is a small document, read by the :class:`Constructor` (see :data:`SMALL`)."""
    return isinstance(text, str | bytes | bytearray) and len(text) <= SMALL


@functools.cache
def _constructor(flavour: Flavour) -> Constructor:
    """The reader of small documents (:mod:`ledarskap.io._construct`): no set-up to speak of."""
    return Constructor(flavour)


@functools.cache
def _decoder(flavour: Flavour) -> Decoder | None:
    """The fast decoder (:mod:`ledarskap.io._decode`), or ``None`` without msgspec."""
    from ._decode import Decoder  # imported with msgspec, for the large documents

    try:
        return Decoder(flavour)
    except ImportError:
        return None


def _decode_fast(text: str | bytes) -> ProgramData | None:
    """*text* read by the fast decoder, or ``None`` if it cannot (the detailed path decides)."""
    decoder = _decoder("json")
    if decoder is None or not isinstance(text, str | bytes):
        return None
    try:
        return decoder.decode(text)
    except decoder.refusals:  # the detailed converter reads it again and says what is wrong
        return None


def _parse(text: str | bytes, syntax: Syntax, source: str | None) -> Any:
    if checked_syntax(syntax, "syntax") == "json":
        return _parse_json(text, source)
    return parse_text(_decode_text(text, source), "toml", error=DocumentError, source=source)


def _decode_text(text: str | bytes, source: str | None) -> str:
    if isinstance(text, str):
        return text
    if not isinstance(text, bytes | bytearray | memoryview):
        raise InvalidValueError(
            location="text", expected=Text("str eller bytes", "str or bytes"), found=type(text)
        )
    try:
        # A byte order mark dropped, as "utf-8-sig" would, but the bytes decoded whole:
        # a bad byte's offset is then the file's (and the codec's module is not imported).
        return bytes(text).decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        byte = f"{text[exc.start]:#04x}"
        raise DocumentError(
            Text("inte UTF-8-text", "not UTF-8 text"),
            [
                Problem(
                    f"byte {exc.start}",
                    Text(
                        f"förväntade UTF-8, fick byten {byte}", f"expected UTF-8, found byte {byte}"
                    ),
                    "syntax",
                )
            ],
            source=source,
        ) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _parse_json(text: str | bytes, source: str | None) -> Any:
    decoded = _decode_text(text, source).removeprefix("\ufeff")
    try:
        document = json.loads(decoded, parse_constant=_reject_constant)
    except json.JSONDecodeError:
        # Parsed again to say where, the way every reader of the library says it.
        try:
            parse_text(decoded, "json", error=DocumentError, source=source)
        except DocumentError as exc:
            if not re.match(_TOML_LIKE, decoded):
                raise
            hint = Text(
                "det ser ut som TOML: ange syntax='toml', eller ett filnamn som slutar på .toml",
                "it looks like TOML: give syntax='toml', or a file name ending .toml",
            )
            problems = [
                Problem(p.path, message_of(p), p.code, line=p.line, hint=hint) for p in exc.problems
            ]
            summary = wording(exc.summary, exc.summary_sv)
            raise DocumentError(summary, problems, source=source) from None
        raise  # pragma: no cover - parse_text raises on the same text
    except (ValueError, RecursionError) as exc:
        raise DocumentError(
            Text("inte giltig JSON", "not valid JSON"), [_unreadable(exc, decoded)], source=source
        ) from None
    # Text decoded from UTF-8 holds no surrogate as it is, only escaped ones: a fast look
    # for an escape first (the search below reads the whole text, about 1 ms in 100 kB).
    written = isinstance(text, str) or _may_hold_surrogates(decoded)
    if written and re.search(_SURROGATE, decoded):  # only then is the document walked for them
        problems = list(_lone_surrogates(document, "$"))
        if problems:
            raise DocumentError(
                Text("text som inte är Unicode", "text that is not Unicode"),
                problems,
                source=source,
            )
    return document


_TOML_LIKE = r"\s*(#.*\n\s*)*(\[|[A-Za-z0-9_.\"-]+\s*=)"
"""The start of a TOML document: a table header or a key and its value (compiled on the
first JSON syntax error, not when the module is imported)."""
_SURROGATE = r"[\ud800-\udfff]|\\u[dD][89a-fA-F]"
"""A lone surrogate, written as it is or escaped (a pair escaped is one character); compiled
(and kept by :mod:`re`) when a document first has an escape, not at import."""


def _unreadable(exc: BaseException, text: str) -> Problem:
    """What JSON the parser read but Python cannot hold was, in the library's words.

    And where in *text*, which the parser does not say.
    """
    place = None
    if isinstance(exc, RecursionError):
        message = Text(
            "förväntade ett dokument, fick listor eller objekt för djupt nästlade för att läsas",
            "expected a document, found arrays or objects nested too deeply to read",
        )
    elif "JSON number" in str(exc):  # NaN, Infinity: refused by _reject_constant
        constant = str(exc).split()[0]
        message = Text(
            f"förväntade ett tal, fick {constant}, som JSON inte har",
            f"expected a number, found {constant}, which JSON does not have",
        )
        place = json_place(text, JSON_CONSTANT)
    else:  # Python's limit on the digits of a whole number
        message = Text(
            "förväntade ett tal, fick ett med för många siffror för att läsas",
            "expected a number, found one with too many digits to read",
        )
        place = json_place(text, JSON_LONG_INTEGER)
    if place is None:
        return Problem("$", message, "syntax")
    line, column = place
    message = Text(f"{message.sv}, kolumn {column}", f"{message.en}, column {column}")
    return Problem("", message, "syntax", line=line)


def _may_hold_surrogates(text: object) -> bool:
    r"""Whether *text* may hold an escaped surrogate: then the detailed reader looks.

    Most documents hold no backslash at all, found in one fast pass (``memchr``); only a
    document that does is searched for ``\ud`` (a slower search, about 1 ms a megabyte).
    """
    if isinstance(text, str):
        return "\\" in text and ("\\ud" in text or "\\uD" in text)
    if isinstance(text, bytes | bytearray):
        return b"\\" in text and (b"\\ud" in text or b"\\uD" in text)
    return False


def _lone_surrogates(value: Any, path: str) -> Iterator[Problem]:
    """A problem for every text in *value* holding half of a surrogate pair."""
    if isinstance(value, str):
        if _has_lone_surrogate(value):
            yield Problem(path, _LONE_SURROGATE)
    elif isinstance(value, dict):
        for key, item in value.items():
            if _has_lone_surrogate(key):
                yield Problem(Text(f"{path} (en nyckel)", f"{path} (a key)"), _LONE_SURROGATE)
            yield from _lone_surrogates(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _lone_surrogates(item, f"{path}[{index}]")


def _has_lone_surrogate(text: object) -> bool:
    return isinstance(text, str) and any("\ud800" <= c <= "\udfff" for c in text)


_LONE_SURROGATE = Text(
    "förväntade Unicode-text, fick text med ett ensamt surrogattecken",
    "expected Unicode text, found text with a lone surrogate",
)


def _read(
    document: Any,
    syntax: Syntax,
    migrations: Sequence[Migration],
    source: str | None,
    *,
    small: bool = False,
) -> ProgramData:
    if not isinstance(document, dict):
        raise DocumentError(
            _NOT_A_DOCUMENT,
            [Problem("$", expected_found(Text("ett objekt", "an object"), document), code="type")],
            source=source,
        )
    tag = document.get("format")
    if tag != FORMAT:
        if "format" in document:
            message = expected_found(repr(FORMAT), tag)
        else:
            message = Text(f"förväntade {FORMAT!r}, fick inget", f"expected {FORMAT!r}, found none")
        raise FormatVersionError(
            _NOT_A_DOCUMENT,
            [Problem(_where("$.format", syntax), message, "format")],
            source=source,
        )
    try:
        document = migrate(document, migrations=migrations)
    except FormatVersionError as exc:
        raise FormatVersionError(
            wording(exc.summary, exc.summary_sv),
            [moved(p, path=_where(p.path, syntax)) for p in exc.problems],
            source=source,
        ) from None
    body = {k: v for k, v in document.items() if k not in ("format", "format_version")}
    flavour: Flavour = "toml" if syntax == "toml" else "json"
    # The detailed reader (below) reads what these refuse, and says why.
    if small:
        constructor = _constructor(flavour)
        with contextlib.suppress(*constructor.refusals):
            return constructor.read(body)
    else:
        decoder = _decoder(flavour)
        if decoder is not None:
            with contextlib.suppress(*decoder.refusals):
                return decoder.convert(document)
    try:
        return _converter(flavour, True).structure(body, ProgramData)  # type: ignore[no-any-return]
    except DocumentError as exc:
        problems = exc.problems
    if syntax == "toml":
        problems = tuple(Problem(key_path_of(p.path), message_of(p), p.code) for p in problems)
    raise DocumentError(
        Text("dokumentet följer inte formatet", "the document does not match the format"),
        problems,
        source=source,
    )


_NOT_A_DOCUMENT = Text("inget programdokument", "not a program document")


def _where(path: str, syntax: Syntax) -> Wording:
    return key_path_of(path) if syntax == "toml" else path
