"""The one exception tree of ledarskap.

Every error the library raises is a :class:`LedarskapError`. Errors about bad values are
also :class:`ValueError`, so callers that already catch ``ValueError`` keep working. Each
error keeps *where* (``location``: a field, a JSON path, a file and row), *what was
expected* and *what was found* as attributes, so tools can show them their own way, and
its message says all three in one line.

Personal data never appears in a message: values are passed through :func:`safe_repr`,
which masks anything that looks like a personnummer or an e-mail address.

>>> from ledarskap.errors import InvalidValueError
>>> err = InvalidValueError(location="Cohort.end", expected="a date on or after 2025-09-01",
...                         found="2025-08-01")
>>> print(err)
Cohort.end: expected a date on or after 2025-09-01, found '2025-08-01'
>>> isinstance(err, ValueError)
True

.. versionadded:: 0.1
"""

from __future__ import annotations

import functools
import re
import types
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Literal, TypeVar, cast

if TYPE_CHECKING:
    from typing import Protocol, TypeAlias

    class Bilingual(Protocol):
        """A text in English and Swedish, as :class:`ledarskap.text.Text` holds one (``None``: none)."""

        @property
        def sv(self) -> str | None: ...
        @property
        def en(self) -> str: ...

    Wording: TypeAlias = str | Bilingual

__all__ = [
    "LANGUAGES",
    "ConflictError",
    "DocumentError",
    "FileAccessError",
    "FormatVersionError",
    "InvalidPersonnummerError",
    "InvalidValueError",
    "Language",
    "LedarskapError",
    "MissingDependencyError",
    "Problem",
    "Problems",
    "ProblemsError",
    "RuleError",
    "UnknownMunicipalityError",
    "UnknownReferenceError",
    "UsageError",
    "checked_language",
    "mask_field",
    "mask_personal_data",
    "masked_repr",
    "safe_repr",
]

T = TypeVar("T")

Language = Literal["sv", "en"]
"""The two languages every label and message of the library comes in."""

LANGUAGES: tuple[Language, ...] = ("sv", "en")
"""The languages, Swedish first."""

# What python-stdnum reads between the digits of a personnummer: "-", "+", ":" and a space,
# and every character it takes for one of them (dashes, minus signs, colons and spaces of
# other scripts and widths: its `stdnum.util` character map). Tabs and line breaks it does
# not take.
_SEPARATORS = "".join(
    [
        "-+: ",
        "\u00a0\u1680\u202f\u205f\u3000",  # spaces
        *map(chr, range(0x2000, 0x200B)),
        "\u00ad\u00af\u02d7\u058a\u05be\u180a\u203e\u2043\u207b\u208b\u2212",  # dashes
        *map(chr, range(0x2010, 0x2016)),
        "\u23af\u23ba\u23bb\u23bc\u23bd\u23e4\ufe63\uff0d\uffe3",  # and minus signs
        "\u1361\u16ec\u1804\ufe13\ufe30\ufe55\uff1a",  # colons
    ]
)
# And, for masking only: what else people write between the parts (a dot, a slash, an
# underscore, a tab), and what a separator may have become in text read in the wrong
# encoding (a byte kept as a lone surrogate by surrogateescape, or U+FFFD in its place).
_WEAK = "./_\t"
_SEPARATOR = re.escape(_SEPARATORS + _WEAK) + "\ufffd\udc80-\udcff"
_DATE = r"(?:19|20|21)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
# A lone surrogate: no encoding writes it (a file name that is not UTF-8 holds them).
_SURROGATE = "[\ud800-\udfff]"  # compiled (and kept by re) on the first text not ASCII
_DIGITS = "0123456789"


@functools.cache
def _runs() -> re.Pattern[str]:
    """A run of digits, with separators between them.

    Compiled on first use: a text in ASCII with fewer than ten digits has no personnummer,
    and most texts a command writes are such ("0 errors"); the class of separators takes
    a third of a millisecond to compile.
    """
    return re.compile(f"\\d(?:[{_SEPARATOR}]*\\d)*")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


@functools.cache
def _periods() -> re.Pattern[str]:
    """Two dates or more in a row ("2025-09-01–2026-06-30"): a period, never a personnummer.

    Compiled on first use, as only a run of more than 13 digits needs it: its class of
    separators takes about a millisecond to compile, a cost every process would pay.
    """
    return re.compile(f"{_DATE}(?:[{_SEPARATOR}]+{_DATE})+")


@functools.cache
def _not_address() -> re.Pattern[str]:
    """Where an e-mail address may end: white space, quotes, brackets and punctuation.

    Compiled on first use: only a text with an ``@`` needs it.
    """
    return re.compile(r"([\s'\"<>(),;:]+)")


def _mask_number(match: re.Match[str]) -> str:
    return _masked_run(match.group(0))


def _masked_run(run: str) -> str:
    """A run of digits: shown if it is too short to be a personnummer, masked if not.

    A run that ends in a whole personnummer after a dot, a slash, an underscore or a tab
    (what only masking takes for a separator), with fewer than ten digits before it, keeps
    what is before: ``/tmp/a0/19850312-2395`` is ``/tmp/a0/19XXXXXX-XX95``, a path's or an
    id's number left as it is. Any other run is masked whole, so that no digit of a
    personnummer written across these separators is shown (``19850312-23.95``).
    """
    cut = max(map(run.rfind, _WEAK))
    if cut > 0:
        lead, number = run[: cut + 1], run[cut + 1 :]
        if _whole_personnummer(number) and len(list(islice(filter(str.isdigit, lead), 10))) < 10:
            masked = lead + _masked_piece(number)
            # The digits kept before and the century after may make ten in a row
            # ("12345678/19XXXXXX-XX95"): then masked whole, so that masking masked text
            # changes nothing and no ten digits are left standing.
            if _runs().sub(lambda run: _masked_piece(run.group(0)), masked) == masked:
                return masked
    return _masked_piece(run)


_DOUBLED = str.maketrans("0123456789", "0246813579")
"""Each digit as the digit sum of its double: what the Luhn algorithm adds for it."""


def _whole_personnummer(text: str) -> bool:
    """Whether *text* is a personnummer or samordningsnummer, in ASCII digits, by itself.

    Ten digits or twelve (a century of 18, 19 or 20 first), separators between them, a
    month and a day (or a day plus 60) that can be, and the Luhn check digit last. Not
    python-stdnum, which costs tens of milliseconds to import: only where a run is cut.
    """
    if len(text) > 40 or not text[:1].isdigit() or not text.isascii():
        return False
    digits = "".join(filter(str.isdigit, text))
    if len(digits) == 12 and digits[:2] in ("18", "19", "20"):
        digits = digits[2:]
    if len(digits) != 10:
        return False
    month, day = int(digits[2:4]), int(digits[4:6]) % 60
    return (
        1 <= month <= 12
        and 1 <= day <= 31
        and sum((digits[0::2].translate(_DOUBLED) + digits[1::2]).encode()) % 10 == 0
    )


def _masked_piece(run: str) -> str:
    """A run (or a piece of one) masked whole.

    A run longer than any personnummer is hidden whole, but for the periods of dates in it
    (``2025-09-01–2026-06-30``), which are shown; what stands between them is masked as a
    run of its own, the separators around it kept.
    """
    if sum(c.isdigit() for c in run) <= 13:
        return _masked_number(run)
    pieces: list[str] = []
    start = 0
    for period in _periods().finditer(run):
        pieces += [_masked_between(run[start : period.start()]), period.group(0)]
        start = period.end()
    pieces.append(_masked_between(run[start:]))
    return "".join(pieces)


def _masked_between(text: str) -> str:
    """*text* between periods of dates: separators at its ends kept, the digits masked."""
    core = text.strip(_SEPARATORS)
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip(_SEPARATORS))]
    trail = text[len(text.rstrip(_SEPARATORS)) :]
    return lead + _masked_number(core) + trail


def _masked_number(run: str) -> str:
    digits = [c for c in run if c.isdigit()]
    if len(digits) < 10:
        return run
    if len(digits) > 13:  # longer than any spelling of a personnummer: hidden whole
        return "…"
    century = "".join(digits[:2]) if len(digits) >= 12 else ""
    return f"{century}XXXXXX-XX{digits[-2]}{digits[-1]}"


def _mask_address(token: str) -> str:
    """A token (no white space, quotes or brackets) with an ``@`` in it, masked."""
    if not token.strip("@"):  # a lone "@" is no address
        return token
    local, domain = token[: token.find("@")], token.rpartition("@")[2]
    if local.endswith("…") and len(local) <= 2:  # already masked
        return token
    return f"{local[:1]}…@{domain}"


def mask_personal_data(text: str) -> str:
    r"""Mask every personnummer-like number and e-mail address in *text*.

    Only the last two digits of a personnummer survive, as in ``19XXXXXX-XX12``; of an
    e-mail address, well-formed or not, the first letter and the domain. Every spelling of
    a personnummer the library accepts is recognised, and every near miss (a digit too
    many, separators anywhere): any run of ten or more digits, with any of the separators
    python-stdnum reads between them (dashes, colons, spaces of every kind), or a dot, a
    slash, an underscore, a tab or what a separator becomes read in the wrong encoding,
    is masked; a run longer than any personnummer is hidden whole, unless it is a period
    of dates. A whole personnummer that ends a run after a dot, a slash, an underscore or
    a tab is masked alone, what is before it kept if it has fewer than ten digits (a
    path's ``/tmp/a0/19XXXXXX-XX95``). Privacy first: a long decimal number or an address
    of four numbers with ten digits is masked too.

    >>> mask_personal_data("pnr 19850312-2395, mail anna.berg@linkoping.se")
    'pnr 19XXXXXX-XX95, mail a…@linkoping.se'
    >>> mask_personal_data("85 03 12 23 95, 1985-03-12-2395, 19850312-23951, 850312–2395")
    'XXXXXX-XX95, 19XXXXXX-XX95, 19XXXXXX-XX51, XXXXXX-XX95'

    A lone surrogate (in a file name that is not UTF-8, say) is written as its escape
    (``\udcff``), so that every text the library shows can be written out.

    Masking is idempotent (masked text is left as it is) and takes time linear in the
    length of the text.
    """
    if not text.isascii():  # a number around a lone surrogate first, then its escape's
        text = re.sub(_SURROGATE, _escaped, _runs().sub(_mask_number, text))
        text = text.replace("\uff20", "@").replace("\ufe6b", "@")  # full-width and small
    if not text.isascii() or sum(map(text.count, _DIGITS)) >= 10:  # ASCII's only digits
        text = _runs().sub(_mask_number, text)
    if "@" not in text:
        return text
    parts = _not_address().split(text)
    # split() with a group alternates tokens and separators: tokens are the even items.
    return "".join(
        _mask_address(part) if i % 2 == 0 and "@" in part else part for i, part in enumerate(parts)
    )


_PERSONAL_FIELDS = frozenset({"email", "phone", "personnummer"})
_SHOWN_OF_FIELD = 60
_DIGITS_SHOWN = 4  # a masked personnummer's: its century and its last two


def mask_field(field: str, text: str) -> str:
    """A value of *field* as a message quotes it: masked whole if the field is personal.

    A personnummer, an e-mail address or a phone number that does not read may be written
    any way (a digit short, a space before the ``@``, a full-width ``＠``), so it is not
    left to :func:`mask_personal_data`, which knows the spellings of text at large. An
    address keeps its first character and its domain (``a…@linkoping.se``); without an
    ``@``, no letter or digit but its last two. Any other personal value is masked as a
    personnummer is, then every digit left but the last two hidden: its shape shows, not
    its number. A value of another field is masked as any text is.

    >>> mask_field("personnummer", "850312-239"), mask_field("email", "anna.berg @x.se")
    ('XXXXXX-X39', 'a…@x.se')
    >>> mask_field("email", "anna.berg"), mask_field("title", "Socialchef")
    ('XXXX.XXrg', 'Socialchef')
    """
    if field not in _PERSONAL_FIELDS:
        return mask_personal_data(text)
    text = text[:_SHOWN_OF_FIELD]
    if field == "email":
        text = unicodedata.normalize("NFKC", text)  # a full-width ＠ is an @
        if "@" in text:
            local, _, domain = text.rpartition("@")
            return mask_personal_data(f"{local[:1]}…@{domain}")
        return _hidden(text, str.isalnum)
    masked = mask_personal_data(text)
    if sum(c.isdigit() for c in masked) <= _DIGITS_SHOWN:
        return masked
    return _hidden(masked, str.isdigit)


def _hidden(text: str, secret: Callable[[str], bool]) -> str:
    """*text* with every character *secret* says is one shown as ``X``, but the last two."""
    kept = [i for i, c in enumerate(text) if secret(c)][-2:]
    return "".join("X" if secret(c) and i not in kept else c for i, c in enumerate(text))


_LONGEST_PATH = 1000


def _shown_path(path: str) -> str:
    """*path* as a message shows it: masked, and at most 1,000 characters long.

    A longer path keeps its start and its end (the file's name), with the middle left
    out, so that a message stays bounded whatever it is given. It is masked before it is
    cut: a cut through a personnummer would leave each half too short to be recognised.
    """
    path = mask_personal_data(path)
    if len(path) > _LONGEST_PATH:
        path = f"{path[:200]}…{path[-(_LONGEST_PATH - 201) :]}"
    return path


def masked_repr(cls: type[T]) -> type[T]:
    """*cls* with its ``repr`` masked: a record's text may hold a personnummer or an address.

    An id is text a file chose, and a file may choose a personnummer; every record the
    library shows masks it, as every message does. A class decorator, over attrs'.
    """
    plain = cls.__repr__

    def masked(self: object) -> str:
        return mask_personal_data(plain(self))

    masked.__name__, masked.__qualname__ = "__repr__", f"{cls.__qualname__}.__repr__"
    cls.__repr__ = masked  # type: ignore[method-assign]
    return cls


def safe_repr(value: object, limit: int = 80) -> str:
    r"""``repr(value)``, shortened to *limit* characters, with personal data masked.

    Text is masked before its repr is taken too: ``repr`` writes some separators as
    escapes (a no-break space as ``\xa0``), which would hide a personnummer from masking.
    A number too long to write out is named by its length.
    """
    if isinstance(value, str):
        value = mask_personal_data(value)
    if isinstance(value, int) and value.bit_length() > 64:
        return f"a number of about {int(value.bit_length() * 0.30103)} digits"
    text = mask_personal_data(repr(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def checked_language(language: object) -> Language:
    """*language* if it is ``"sv"`` or ``"en"``; otherwise the library's error, never English by default.

    >>> checked_language("de")
    Traceback (most recent call last):
    ...
    ledarskap.errors.InvalidValueError: language: expected 'sv' or 'en', found 'de'
    """
    if language == "sv" or language == "en":  # noqa: PLR1714  # narrows the type for mypy
        return language
    raise InvalidValueError(
        location="language", expected=_Worded("'sv' or 'en'", "'sv' eller 'en'"), found=language
    )


def _worded(text: Wording) -> tuple[str, str | None]:
    """*text*'s English and Swedish wording; a plain text is English alone (``None``: no Swedish)."""
    if isinstance(text, str):
        return text, None
    return text.en, text.sv


class LedarskapError(Exception):
    """The root of every error raised by ledarskap.

    Its message is worded in English (``str(error)``, as Python shows it) and, for every
    error the library raises, in Swedish too: :meth:`render` gives either. An error is
    made with a text (English alone), or with a :class:`ledarskap.text.Text` holding both
    wordings, each then masked (:func:`~ledarskap.errors.mask_personal_data`).

    >>> from ledarskap.text import Text
    >>> error = UsageError(Text("ange ett datum", "give a date"))
    >>> str(error), error.render("sv")
    ('give a date', 'ange ett datum')

    An error pickles, and copies, whole (``str()``, :meth:`render`, its attributes and
    notes the same), so that an error raised in a worker process reaches the caller of a
    ``multiprocessing.Pool`` or a ``ProcessPoolExecutor`` as it was raised:

    >>> import pickle
    >>> error = pickle.loads(pickle.dumps(UsageError(Text("ange ett datum", "give a date"))))
    >>> str(error), error.render("sv")
    ('give a date', 'ange ett datum')

    .. versionchanged:: 0.3
       Messages in Swedish: :meth:`render`; a message may be a ``Text``. Every error
       pickles and copies.
    """

    _swedish: str | None = None

    def __init__(self, *args: object) -> None:
        if args and not isinstance(args[0], str) and hasattr(args[0], "sv"):
            english, swedish = _worded(args[0])  # type: ignore[arg-type]
            self._swedish = None if swedish is None else mask_personal_data(swedish)
            args = (mask_personal_data(english), *args[1:])
        super().__init__(*args)

    def render(self, language: Language) -> str:
        """The message in *language*: ``"sv"`` or ``"en"`` (``str(error)``); any other is refused.

        An error made with English words alone (by code outside the library) is shown in
        English in either language.
        """
        if checked_language(language) == "sv" and self._swedish is not None:
            return self._swedish
        return str(self)

    def __reduce__(self) -> tuple[Callable[..., LedarskapError], tuple[object, ...]]:
        # Python rebuilds an exception as cls(*args), which no error with a constructor of
        # its own takes (args is the message alone): rebuilt without calling __init__.
        return (_restored, (type(self), self.args, dict(vars(self)), _members(self)))


def _members(error: BaseException) -> dict[str, object]:
    """What *error* holds outside its ``__dict__``: ``errno``, ``filename`` … and any slots."""
    members: dict[str, object] = {}
    for cls in reversed(type(error).__mro__):
        for name, member in vars(cls).items():
            if isinstance(member, types.MemberDescriptorType) and not name.startswith("__"):
                try:
                    members[name] = getattr(error, name)
                except AttributeError:  # a slot never set
                    members.pop(name, None)
    return members


def _restored(
    cls: type[LedarskapError],
    args: tuple[object, ...],
    state: dict[str, object],
    members: dict[str, object],
) -> LedarskapError:
    """An error of *cls* as :meth:`LedarskapError.__reduce__` took it apart.

    Every pickled error names this function (``ledarskap.errors._restored``) and its four
    arguments: renamed or changed, the errors pickled before no longer load.
    """
    error = cls.__new__(cls)
    error.args = args
    for name, value in members.items():
        setattr(error, name, value)
    vars(error).update(state)
    return error


class _Worded:
    """A message in English and, when it is known, Swedish: what an error is made with."""

    __slots__ = ("en", "sv")

    def __init__(self, en: str, sv: str | None) -> None:
        self.en = en
        self.sv = sv


class MissingDependencyError(LedarskapError, ImportError):
    """An optional dependency (an extra such as ``ledarskap[xlsx]``) is not installed.

    ``feature`` says what needs it, in English or as a ``Text`` in both languages.
    """

    def __init__(self, package: str, extra: str, feature: Wording) -> None:
        english, swedish = _worded(feature)
        self.package = package
        self.extra = extra
        self.feature = english
        install = f"pip install 'ledarskap[{extra}]'"
        super().__init__(
            _Worded(
                f"{english} needs the optional package {package!r}: {install}",
                None
                if swedish is None
                else f"{swedish} behöver tilläggspaketet {package!r}: {install}",
            )
        )


_ACTIONS = {
    "read": "läsa",
    "write": "skriva",
    "use": "använda",
    "write tables into it": "skriva tabeller i den",
}
"""The actions a :class:`FileAccessError` names, in Swedish."""

_REASONS = {
    # The operating system's (strerror, as Python gives it on every platform it runs on)
    "No such file or directory": "filen eller mappen finns inte",
    "Permission denied": "behörighet saknas",
    "Is a directory": "det är en mapp",
    "Not a directory": "en del av sökvägen är ingen mapp",
    "No space left on device": "disken är full",
    "Read-only file system": "filsystemet är skrivskyddat",
    "File name too long": "namnet är för långt",
    "Too many levels of symbolic links": "för många nivåer av symboliska länkar",
    "Disk quota exceeded": "diskkvoten är slut",
    "Operation not permitted": "åtgärden är inte tillåten",
    "File exists": "filen finns redan",
    "File too large": "filen är för stor",
    "Directory not empty": "mappen är inte tom",
    "Device or resource busy": "enheten eller resursen är upptagen",
    "Text file busy": "filen används av ett program som körs",
    "Resource temporarily unavailable": "resursen är tillfälligt otillgänglig",
    "Input/output error": "in- eller utmatningsfel",
    "Too many open files": "för många öppna filer",
    "Too many open files in system": "för många öppna filer i systemet",
    "Cannot allocate memory": "minnet räcker inte",
    "Invalid argument": "ogiltigt argument",
    "Invalid cross-device link": "en länk mellan två filsystem går inte",
    "No such device or address": "ingen sådan enhet eller adress",
    "No such device": "ingen sådan enhet",
    "Operation not supported": "åtgärden stöds inte",
    "Stale file handle": "inaktuellt filhandtag (en nätverksdisk som ändrats)",
    "Interrupted system call": "systemanropet avbröts",
    "Broken pipe": "mottagaren stängde röret",
    "Connection timed out": "anslutningen svarade inte i tid",
    "Bad file descriptor": "ogiltig filbeskrivare",
    # The library's own
    "the file is read-only": "filen är skrivskyddad",
    "it is a folder, not a file": "det är en mapp, inte en fil",
    "not a folder": "det är ingen mapp",
    "a loop of symbolic links": "en slinga av symboliska länkar",
    "not a usable path": "ingen användbar sökväg",
    "embedded null byte": "namnet har ett NUL-tecken",
    "not a regular file (a device, FIFO or socket is never replaced)": (
        "ingen vanlig fil (en enhet, FIFO eller socket ersätts aldrig)"
    ),
}
"""The reasons a :class:`FileAccessError` may give, in Swedish: the operating system's
reason is its English text (``strerror``), so the Swedish is known for each one a file's
reading or writing may meet (``tests/test_errors.py`` checks them against the platform's)."""


class FileAccessError(LedarskapError, OSError):
    """A file that cannot be read or written: a missing folder, no permission, a full disk.

    ``path`` is the file meant (never a temporary one), as given, for the tool to act on;
    the message masks personal data in it, as everywhere. When a write fails, the file
    that was there before is unchanged. ``reason`` is English (the operating system's own
    words, or the library's); the Swedish message is known for every reason the library
    gives and the operating system's common ones, and is English otherwise.

    As an :class:`OSError` it has ``errno``, ``strerror`` and ``filename``, as an error of
    ``open()`` has: ``errno`` is the number of the operating system's error behind it
    (``errno.ENOENT`` for a file or folder that is not there, ``errno.EACCES`` for no
    permission), or ``None`` where no number says why (a file the library will not
    replace, a conflict); ``strerror`` is ``reason``; ``filename`` is ``path``, as given
    (unmasked, as ``path`` is). A missing file is told from the others by its number, not
    by the words of its reason:

    >>> import errno, ledarskap
    >>> try:
    ...     ledarskap.load("nowhere/program.json")
    ... except ledarskap.FileAccessError as error:
    ...     print(error.errno == errno.ENOENT, error.filename, error.strerror)
    True nowhere/program.json No such file or directory

    It is a :class:`FileAccessError` whatever the number, never a
    :class:`FileNotFoundError` or :class:`PermissionError`: one class for every file the
    library cannot use, the name tools see (``ledarskap --format json`` reports it as its
    ``type``). Catch it (or :class:`OSError`) and ask its ``errno``.

    The number is *errno*, given by whoever wraps the operating system's error
    (``errno=exc.errno``).

    >>> error = FileAccessError("a.json", "read", "No such file or directory")
    >>> str(error), error.render("sv")
    ('a.json: cannot read: No such file or directory', 'a.json: kan inte läsa: filen eller mappen finns inte')

    .. versionchanged:: 0.3
       ``errno``, ``strerror`` and ``filename``, as every :class:`OSError` has them.
    """

    def __init__(
        self, path: str, action: str, reason: Wording, *, errno: int | None = None
    ) -> None:
        english, swedish = _worded(reason)
        self.path = path
        self.action = action
        self.reason = english
        shown = _shown_path(path)
        action_sv = _ACTIONS.get(action)
        swedish = _REASONS.get(english) if swedish is None else swedish
        super().__init__(
            _Worded(
                f"{shown}: {mask_personal_data(f'cannot {action}: {english}')}",
                None
                if action_sv is None or swedish is None
                else f"{shown}: {mask_personal_data(f'kan inte {action_sv}: {swedish}')}",
            )
        )
        self.errno = errno
        self.strerror = english
        self.filename = path

    def __str__(self) -> str:
        # The message, as every error's: OSError's own "[Errno 2] …: 'path'" would show
        # the path unmasked and English alone.
        return BaseException.__str__(self)


class ConflictError(FileAccessError):
    """A save refused because the file changed since it was read: someone else saved it.

    ``expected`` is the revision that was read (a :class:`ledarskap.io.revisions.Revision`),
    ``found`` the file's revision now (``None``: the file is gone). Nothing was written.
    Read the file again, make the change again and save; or save with ``overwrite=True``.

    .. versionadded:: 0.3
    """

    def __init__(self, path: str, expected: object, found: object | None) -> None:
        self.expected = expected
        self.found = found
        now = "the file is gone" if found is None else f"it is now revision {found}"
        nu = "filen finns inte längre" if found is None else f"nu är den version {found}"
        super().__init__(
            path,
            "write",
            _Worded(
                f"the file changed since it was read (revision {expected} was read, {now}): "
                "read it again, make the change again and save, or save with overwrite=True",
                f"filen har ändrats sedan den lästes (version {expected} lästes, {nu}): "
                "läs den igen, gör ändringen igen och spara, eller spara med overwrite=True",
            ),
        )


class UsageError(LedarskapError, TypeError):
    """A call that lacks what it needs, such as an evaluation with neither ``as_of`` nor a cohort."""


class InvalidValueError(LedarskapError, ValueError):
    """A value broke an invariant of the model.

    ``location`` names the field (``Cohort.end``) or path; ``expected`` says what would
    have been valid; ``found`` is a masked rendering of what was given; ``hint``, if any,
    what was perhaps meant, rendered at the end ("…, found 'x' (did you mean …?)").
    ``expected`` and ``hint`` may be given as a ``Text`` in both languages; the attributes
    hold the English, ``expected_sv`` and ``hint_sv`` the Swedish (``None``: not given),
    ``expected_text`` and ``hint_text`` both as given (to pass on to another error). So may
    a ``location`` that holds words ("the deltagare sheet, row 3"): ``location`` holds the
    English, the Swedish message the Swedish. With ``described=True``, ``found`` is not the
    value but words that describe it (``Text("inget", "none")``), shown as they are in each
    language. ``found_sv`` is what was found as the Swedish message shows it;
    ``found_is_text`` says whether it was a text (``found`` then holds it masked, unquoted).

    >>> from ledarskap.text import Text
    >>> error = InvalidValueError(location="Cohort.end", expected=Text("ett datum", "a date"), found=3)
    >>> error.render("sv")
    'Cohort.end: förväntade ett datum, fick 3'
    >>> error = InvalidValueError(
    ...     location="x", expected=Text("ett datum", "a date"), found=Text("inget", "none"), described=True
    ... )
    >>> str(error), error.render("sv")
    ('x: expected a date, found none', 'x: förväntade ett datum, fick inget')

    .. versionchanged:: 0.3
       ``described``, ``found_sv`` and ``found_is_text``.
    """

    def __init__(
        self,
        *,
        location: Wording,
        expected: Wording,
        found: object,
        hint: Wording | None = None,
        described: bool = False,
    ) -> None:
        where, where_sv = _worded(location)
        expected_en, expected_sv = _worded(expected)
        hint_en, hint_sv = (None, None) if hint is None else _worded(hint)
        self.location = where
        self._location_sv = where_sv or where
        self.expected = expected_en
        self.hint = hint_en
        self.expected_sv = expected_sv
        self.hint_sv = hint_sv
        self.expected_text = expected
        self.hint_text = hint
        if described:
            shown, shown_sv = _worded(cast("Wording", found))
            self.found = shown
        else:
            shown = shown_sv = safe_repr(found)  # text quoted, other values as their repr; masked
            self.found = mask_personal_data(found) if isinstance(found, str) else shown
        self.found_sv = shown_sv or shown
        self.found_is_text = isinstance(found, str) and not described
        swedish = None
        if expected_sv is not None and (hint is None or hint_sv is not None):
            swedish = f"{where_sv or where}: förväntade {expected_sv}, fick {shown_sv or shown}" + (
                f" ({hint_sv})" if hint_sv else ""
            )
        after = f" ({hint_en})" if hint_en else ""
        super().__init__(_Worded(f"{where}: expected {expected_en}, found {shown}{after}", swedish))

    def as_problem(self) -> Problem:
        """This error as a :class:`Problem` at its location, worded as it is in both languages.

        For a :class:`ProblemsError` that reports several such errors at once.

        >>> from ledarskap.text import Text
        >>> error = InvalidValueError(location="Cohort.end", expected=Text("ett datum", "a date"), found=3)
        >>> problem = error.as_problem()
        >>> problem.path, problem.render("sv")
        ('Cohort.end', 'Cohort.end: förväntade ett datum, fick 3')
        >>> error = InvalidValueError(location=Text("tabellen x", "the x table"), expected="a date", found=3)
        >>> error.as_problem().render("sv")
        'tabellen x: expected a date, found 3'
        """
        english = str(self).removeprefix(f"{self.location}: ")
        swedish = self._swedish and self._swedish.removeprefix(f"{self._location_sv}: ")
        return Problem(_Worded(self.location, self._location_sv), _Worded(english, swedish))


class InvalidPersonnummerError(InvalidValueError):
    """A personnummer that does not validate (format, date or check digit).

    The message never contains the number itself, only its masked form.
    """


class UnknownMunicipalityError(InvalidValueError, LookupError):
    """A municipality code or name that is not one of Sweden's 290 municipalities."""

    def __init__(self, *, location: str, found: object, suggestion: str | None = None) -> None:
        self.suggestion = suggestion
        super().__init__(
            location=location,
            expected=_Worded(
                "one of Sweden's 290 municipality codes or names",
                "en av Sveriges 290 kommunkoder eller kommunnamn",
            ),
            found=found,
            hint=_Worded(f"did you mean {suggestion}?", f"menade du {suggestion}?")
            if suggestion
            else None,
        )


class UnknownReferenceError(InvalidValueError, LookupError):
    """An id that names no record of the expected kind."""


_PLACES: dict[Language, tuple[str, str, str, str]] = {
    "en": ("line", "row", "column", "(top level)"),
    "sv": ("rad", "rad", "kolumn", "(översta nivån)"),
}
"""How a problem's location is worded: a line of text, a sheet's row and column, the top."""


class Problem:
    """One problem found while reading or checking data: where, what, and a stable code.

    This is the library's one problem type, for every input: a program document, a rule
    or rule-set file, a sheet, a case file. *Where* is kept in parts, so that an editor or a
    tool can point at it, and rendered one way by ``str()``:

    - ``source``: the file (or another name for the input), when there is one;
    - ``line``: the 1-based line in the source's text, when the format gives it;
    - ``row``: the row of a sheet, counted as a spreadsheet does (the header is row 1);
    - ``path``: where inside the data: a JSON path (``$.participants[2].id``), a key path
      (``rules[0].when``) or a field (``Cohort.end``);
    - ``column``: a sheet's column header as written in the file, or the 1-based column
      within an expression.

    *What* is the ``message``, with an optional ``hint`` ("did you mean …?") and an
    ``excerpt`` (the source line with a caret under the bad part). ``code`` is stable, for
    tools and tests. Personal data is masked in every part that holds text. The message
    and the hint may be given as a :class:`ledarskap.text.Text`: ``message`` and ``hint``
    hold the English, :meth:`render` shows the problem in either language. So may a path
    that holds words (``(file name)``): ``path`` holds the English, ``path_sv`` the Swedish.

    >>> print(Problem("rules[1].level", "expected 'required' or 'advisory', found 'mandatory'",
    ...               code="invalid-level", source="demo.toml", line=10))
    demo.toml:10: rules[1].level: expected 'required' or 'advisory', found 'mandatory'
    >>> print(Problem("", "expected a municipality, found 'Linkööping'", source="deltagare.csv",
    ...               row=5, column="Kommun", hint="did you mean 'Linköping'?"))
    deltagare.csv, row 5, column 'Kommun': expected a municipality, found 'Linkööping' (did you mean 'Linköping'?)
    >>> from ledarskap.text import Text
    >>> Problem("", Text("förväntade en kommun", "expected a municipality"), row=5).render("sv")
    'rad 5: förväntade en kommun'
    """

    __slots__ = (
        "code",
        "column",
        "excerpt",
        "hint",
        "hint_sv",
        "line",
        "message",
        "message_sv",
        "path",
        "path_sv",
        "row",
        "source",
    )

    def __init__(
        self,
        path: Wording,
        message: Wording,
        code: str = "invalid",
        *,
        source: str | None = None,
        line: int | None = None,
        row: int | None = None,
        column: str | int | None = None,
        hint: Wording | None = None,
        excerpt: str | None = None,
    ) -> None:
        english, swedish = _worded(message)
        hint_en, hint_sv = (None, None) if hint is None else _worded(hint)
        path_en, path_sv = _worded(path)
        self.path = mask_personal_data(path_en)
        self.path_sv = None if path_sv is None else mask_personal_data(path_sv)
        self.message = mask_personal_data(english)
        self.code = code
        self.source = None if source is None else _shown_path(source)
        self.line = line
        self.row = row
        self.column = mask_personal_data(column) if isinstance(column, str) else column
        self.hint = None if hint_en is None else mask_personal_data(hint_en)
        self.excerpt = None if excerpt is None else mask_personal_data(excerpt)
        # The Swedish wording, masked; None when the message (or its hint) has none.
        if swedish is not None and (hint is None or hint_sv is not None):
            self.message_sv: str | None = mask_personal_data(swedish)
            self.hint_sv: str | None = None if hint_sv is None else mask_personal_data(hint_sv)
        else:
            self.message_sv = self.hint_sv = None

    @property
    def location(self) -> str:
        """Where, in one line: ``demo.toml:7: rules[0].when``, ``deltagare.csv, row 5, column 'Kommun'``."""
        return self.location_in("en")

    def location_in(self, language: Language) -> str:
        """Where, in one line, in *language*: ``deltagare.csv, rad 5, kolumn 'Kommun'``."""
        line, row, column, top = _PLACES[checked_language(language)]
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"{line} {self.line}"
        if self.row is not None:
            where = f"{where}, {row} {self.row}" if where else f"{row} {self.row}"
        path = self.path_sv if language == "sv" and self.path_sv is not None else self.path
        if path:
            where = f"{where}: {path}" if where else path
        if isinstance(self.column, str):
            where += f", {column} {mask_personal_data(repr(self.column))}"
        elif self.column is not None:
            where += f", {column} {self.column}"
        return where.removeprefix(", ") or top

    def message_in(self, language: Language) -> str:
        """What is wrong, in *language*, with the hint; English where no Swedish was given.

        .. versionadded:: 0.3
        """
        if checked_language(language) == "sv" and self.message_sv is not None:
            message, hint = self.message_sv, self.hint_sv
        else:
            message, hint = self.message, self.hint
        return f"{message} ({hint})" if hint else message

    def render(self, language: Language) -> str:
        """The problem in one line (and its excerpt below it) in *language*: ``"sv"`` or ``"en"``.

        ``str(problem)`` is ``problem.render("en")``.

        .. versionadded:: 0.3
        """
        text = f"{self.location_in(language)}: {self.message_in(language)}"
        if self.excerpt:
            text += "\n" + self.excerpt
        return text

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        parts = [repr(self.path), repr(self.message), f"code={self.code!r}"]
        parts += [
            f"{name}={getattr(self, name)!r}"
            for name in ("source", "line", "row", "column", "hint")
            if getattr(self, name) is not None
        ]
        return f"Problem({', '.join(parts)})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


class Problems:
    """The one collector of problems: add them as they are found, raise them once.

    A loader or checker keeps one collector, adds every problem it finds (with the
    collector's ``source`` unless a problem names its own), and at the end raises them all
    at once as one :class:`ProblemsError` of the kind it chooses.

    >>> problems = Problems(source="demo.toml")
    >>> problems.add("rules[0].id", "expected a text, found 12", line=3)
    >>> problems.raise_if_any(RuleError, "invalid rule set")
    Traceback (most recent call last):
    ...
    ledarskap.errors.RuleError: demo.toml: invalid rule set (1 problem)
      - demo.toml:3: rules[0].id: expected a text, found 12
    """

    __slots__ = ("_items", "source")

    def __init__(self, *, source: str | None = None) -> None:
        self.source = source
        self._items: list[Problem] = []

    def add(
        self,
        path: Wording,
        message: Wording,
        code: str = "invalid",
        *,
        source: str | None = None,
        line: int | None = None,
        row: int | None = None,
        column: str | int | None = None,
        hint: Wording | None = None,
        excerpt: str | None = None,
    ) -> None:
        """Add a problem (in the collector's source unless *source* is given)."""
        self._items.append(
            Problem(
                path,
                message,
                code,
                source=self.source if source is None else source,
                line=line,
                row=row,
                column=column,
                hint=hint,
                excerpt=excerpt,
            )
        )

    def append(self, problem: Problem) -> None:
        """Add a problem already made."""
        self._items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        """Add problems already made."""
        self._items.extend(problems)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def as_tuple(self) -> tuple[Problem, ...]:
        """The problems so far, in the order found."""
        return tuple(self._items)

    def raise_if_any(self, error: type[ProblemsError], summary: Wording) -> None:
        """Raise *error* with every problem found, if there is any."""
        if self._items:
            raise error(summary, self._items, source=self.source)


class ProblemsError(LedarskapError, ValueError):
    """Several problems, reported at once.

    ``problems`` holds every :class:`Problem`; the message lists them, one a line, after a
    summary naming the source (a file) when there is one. The summary may be given as a
    ``Text`` in both languages (``summary`` holds the English); :meth:`render` shows the
    whole in either.
    """

    def __init__(
        self, summary: Wording, problems: Iterable[Problem], *, source: str | None = None
    ) -> None:
        english, swedish = _worded(summary)
        self.problems: Sequence[Problem] = tuple(problems)
        self.source = source
        self.summary = english
        self.summary_sv = swedish
        super().__init__(self._listed("en", english))

    def _listed(self, language: Language, summary: str) -> str:
        head = f"{_shown_path(self.source)}: {summary}" if self.source else summary
        count = len(self.problems)
        plural = "" if language == "sv" or count == 1 else "s"
        lines = [f"{mask_personal_data(head)} ({count} problem{plural})"]
        lines += [f"  - {problem.render(language)}" for problem in self.problems]
        return "\n".join(lines)

    def render(self, language: Language) -> str:
        """The summary and every problem, one a line, in *language*: ``"sv"`` or ``"en"``.

        In Swedish the summary is English where no Swedish was given, and so is each
        problem's message that has none.
        """
        if checked_language(language) == "en":
            return str(self)
        return self._listed("sv", self.summary if self.summary_sv is None else self.summary_sv)


class DocumentError(ProblemsError):
    """A data file (JSON, TOML, CSV, XLSX) that cannot be read into the model."""


class FormatVersionError(DocumentError):
    """A document written by a newer ledarskap, or with no recognisable format version."""


class RuleError(ProblemsError):
    """A rule set that cannot be loaded, or a rule that cannot be evaluated."""
