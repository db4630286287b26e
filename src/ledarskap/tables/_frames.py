"""A table's columns: each value checked against its column, and into a ``pandas.DataFrame``.

:func:`checked_column` is what :class:`~ledarskap.tables.Tables` holds of a caller's
column: a copy, every value of its column's kind (a category one of its categories), an
empty text missing (``None``). Every writer and the frames then meet only values they
hold. The check is a few passes in C over the column (the set of its values' types, a
set difference for categories, ``str.isascii`` over a text column and one encoding of
its texts that are not ASCII); a value is looked at one by one only when one of them is
wrong, to say which.

:func:`frame` makes the DataFrame, with the schema's dtypes; pandas is loaded here only.
Each kind is converted the fast way pandas offers for it, with no Python-level pass that
pandas would do again: category codes looked up in one dict and given to
``Categorical.from_codes``; dates as day numbers viewed as ``datetime64[D]`` and cast to
``datetime64[s]``; integers and flags through their nullable arrays.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import operator
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ledarskap._found import not_utf8
from ledarskap.errors import InvalidValueError, MissingDependencyError
from ledarskap.text import Text

from .schema import Column, ColumnKind, TableSchema

if TYPE_CHECKING:
    from types import ModuleType

    import pandas as pd

__all__ = ["FREE_TEXT", "cell_at", "checked_column", "frame", "pandas"]

_DATAFRAMES = Text("Tabeller som DataFrames", "Tables as DataFrames")
_EPOCH = dt.date(1970, 1, 1).toordinal()
_NAT = -(2**63)  # numpy's NaT as an int64
_LARGEST = 2**63 - 1  # what Parquet, pandas' Int64 and TOML hold: 64 bits
_NONE = type(None)
_KNOWN = functools.partial(operator.is_not, None)

FREE_TEXT = frozenset({"name", "email", "title", "organisation", "end_reason", "venue"})
"""The text columns a person writes into or that name one: a message never quotes their value.

Names and e-mail addresses, titles and organisations as written (a session's title too),
why a mentorship ended, a venue's name: a message says where the value is and what is
wrong with it (its kind, a control character's place), never the value itself.
"""


def pandas(feature: Text = _DATAFRAMES) -> ModuleType:
    """The pandas module, or the library's error naming the extra that installs it."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependencyError("pandas", "pandas", feature) from None
    return pd


def cell_at(table: str, row: int, column: str) -> Text:
    """Where a value is: the *table* table, its *row*, column *column*.

    *row* is the data row, counted from 1: the first row of values is row 1, whatever the
    file (an XLSX sheet's or a CSV file's header is not counted). Every message about a
    table's cell counts so, the checks of :class:`~ledarskap.tables.Tables` and the
    writers alike.
    """
    return Text(
        f"tabellen {table}, rad {row}, kolumn {column}",
        f"the {table} table, row {row}, column {column}",
    )


_HOLDS: dict[ColumnKind, type] = {
    ColumnKind.STRING: str,
    ColumnKind.CATEGORY: str,
    ColumnKind.DATE: dt.date,
    ColumnKind.INTEGER: int,
    ColumnKind.BOOLEAN: bool,
}
"""The Python type of each kind's values (a subclass too, but for :data:`_UNLIKE`)."""

_UNLIKE: dict[ColumnKind, type] = {ColumnKind.DATE: dt.datetime, ColumnKind.INTEGER: bool}
"""The subclasses that are values of another kind: a date-time is no date, a flag no number."""

_NAMED = {
    ColumnKind.STRING: Text("en text (str)", "a text (str)"),
    ColumnKind.CATEGORY: Text(
        "en av kolumnens kategorier (str), eller None",
        "one of the column's categories (str), or None",
    ),
    ColumnKind.DATE: Text("ett datum (datetime.date)", "a date (datetime.date)"),
    ColumnKind.INTEGER: Text("ett heltal (int)", "a whole number (int)"),
    ColumnKind.BOOLEAN: Text("sant eller falskt (bool)", "true or false (bool)"),
}
"""What a value of each kind is, as an error expects it."""


def checked_column(values: Iterable[Any], column: Column, table: str) -> list[Any]:
    """A copy of *values*, the column *column* of *table*, each value checked against it.

    Every value is ``None`` or of the column's kind (a category one of its categories, a
    whole number within 64 bits, text that UTF-8 can hold); an empty text is ``None``
    (text columns have no empty text apart from a missing one). The first value that is
    not raises :class:`~ledarskap.errors.InvalidValueError` naming its table, row and
    column, and what was expected, masked (a free-text column's value is described, never
    quoted: :data:`FREE_TEXT`).
    """
    copied = list(values)
    kind = column.kind
    if kind is ColumnKind.STRING:
        return _checked_text(copied, table, column.name)
    if kind is ColumnKind.CATEGORY:
        _check_categories(copied, column, table)
        return copied
    if not set(map(type, copied)) <= {_HOLDS[kind], _NONE}:  # a subclass, or another kind
        _check_kinds(copied, kind, table, column.name)
    if kind is ColumnKind.INTEGER:
        _check_bounds(copied, table, column.name)
    return copied


def _check_kinds(values: list[Any], kind: ColumnKind, table: str, column: str) -> None:
    """Raise the library's error for the first of *values* that is not of *kind*, if any."""
    unlike = _UNLIKE.get(kind, ())
    for row, value in enumerate(values, start=1):
        if value is not None and (not isinstance(value, _HOLDS[kind]) or isinstance(value, unlike)):
            raise _unfit(value, kind, table, row, column)


def _checked_text(texts: list[Any], table: str, column: str) -> list[Any]:
    """*texts* with ``""`` as ``None``, if each is a text UTF-8 holds (else the library's error).

    ``str.isascii`` takes nothing but text and reads a flag of the string, not its
    characters; only the texts that are not ASCII are encoded, in one go, to find a lone
    surrogate.
    """
    try:
        if not all(map(str.isascii, filter(_KNOWN, texts))):
            "".join(itertools.filterfalse(str.isascii, filter(_KNOWN, texts))).encode("utf-8")
    except TypeError:  # a value that is no text: which, and where
        _check_kinds(texts, ColumnKind.STRING, table, column)
        raise  # pragma: no cover - str.isascii takes every str
    except UnicodeEncodeError:
        for row, text in enumerate(texts, start=1):
            if text is not None and not _encodable(text):
                raise not_utf8(cell_at(table, row, column)) from None
    if "" in texts:
        return [None if text == "" else text for text in texts]
    return texts


def _check_categories(values: list[Any], column: Column, table: str) -> None:
    """Raise the library's error for the first of *values* that is no category of *column*."""
    try:
        strays = set(values) - {None, *column.categories}
    except TypeError:  # an unhashable value (a list): no category
        strays = {None}
    if strays:
        _check_kinds(values, ColumnKind.CATEGORY, table, column.name)
        known = frozenset(column.categories)
        for row, value in enumerate(values, start=1):
            if value is not None and value not in known:
                raise _unfit(value, column.kind, table, row, column.name)


def _check_bounds(numbers: list[int | None], table: str, column: str) -> None:
    some = list(filter(None, numbers))  # None and 0 left out: 0 is within bounds
    if some and (max(some) > _LARGEST or min(some) < -_LARGEST - 1):
        for row, value in enumerate(numbers, start=1):
            if value is not None and not -_LARGEST - 1 <= value <= _LARGEST:
                raise _too_large(value, table, row, column)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _unfit(value: object, kind: ColumnKind, table: str, row: int, column: str) -> InvalidValueError:
    """The error for *value*, at *row* of *column*, which is not of the column's *kind*."""
    where = cell_at(table, row, column)
    if column in FREE_TEXT:  # described by its type: what it holds may be a person's
        found = type(value).__name__
        return InvalidValueError(
            location=where,
            expected=_NAMED[kind],
            found=Text(f"ett värde av typen {found}", f"a value of type {found}"),
            described=True,
        )
    return InvalidValueError(location=where, expected=_NAMED[kind], found=value)


def _too_large(value: int, table: str, row: int, column: str) -> InvalidValueError:
    digits = len(str(abs(value)))
    return InvalidValueError(
        location=cell_at(table, row, column),
        expected=Text(
            "ett heltal som ryms i 64 bitar (som i Parquet, pandas och TOML)",
            "a whole number that fits in 64 bits (as in Parquet, pandas and TOML)",
        ),
        found=Text(f"ett tal med {digits} siffror", f"a number of {digits} digits"),
        described=True,
    )


def frame(columns: dict[str, list[Any]], schema: TableSchema) -> pd.DataFrame:
    """The *columns* of a table (checked: :func:`checked_column`) as a DataFrame with the dtypes *schema* gives them."""
    pdm = pandas()
    import numpy as np

    data: dict[str, Any] = {}
    for column in schema:
        values = columns[column.name]
        kind = column.kind
        if kind is ColumnKind.CATEGORY:
            code = {c: i for i, c in enumerate(column.categories)}.get  # None: -1, missing
            codes = np.fromiter((code(v, -1) for v in values), dtype=np.int32, count=len(values))
            data[column.name] = pdm.Categorical.from_codes(
                codes, dtype=pdm.CategoricalDtype(list(column.categories))
            )
        elif kind is ColumnKind.DATE:
            days = np.fromiter(
                (_NAT if v is None else v.toordinal() - _EPOCH for v in values),
                dtype=np.int64,
                count=len(values),
            )
            stamps = np.where(days == _NAT, _NAT, days * 86_400).view("datetime64[s]")
            data[column.name] = pdm.array(stamps, dtype="datetime64[s]")
        elif kind is ColumnKind.INTEGER:
            data[column.name] = pdm.array(values, dtype="Int64")
        elif kind is ColumnKind.BOOLEAN:
            data[column.name] = pdm.array(values, dtype="boolean")
        else:
            data[column.name] = pdm.array(values, dtype="string")
    result: pd.DataFrame = pdm.DataFrame(data, columns=list(schema.names))
    return result
