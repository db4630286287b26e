"""Columns into a ``pandas.DataFrame`` with the schema's dtypes; pandas is loaded here only.

Each kind is converted the fast way pandas offers for it, with no Python-level pass that
pandas would do again: category codes looked up in one dict and given to
``Categorical.from_codes``; dates as day numbers viewed as ``datetime64[D]`` and cast to
``datetime64[s]``; integers and flags through their nullable arrays.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ledarskap.errors import InvalidValueError, MissingDependencyError
from ledarskap.text import Text

from .schema import ColumnKind, TableSchema

if TYPE_CHECKING:
    from types import ModuleType

    import pandas as pd

__all__ = ["check_categories", "frame", "pandas"]

_DATAFRAMES = Text("Tabeller som DataFrames", "Tables as DataFrames")
_EPOCH = dt.date(1970, 1, 1).toordinal()
_NAT = -(2**63)  # numpy's NaT as an int64


def pandas(feature: Text = _DATAFRAMES) -> ModuleType:
    """The pandas module, or the library's error naming the extra that installs it."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependencyError("pandas", "pandas", feature) from None
    return pd


def check_categories(values: list[Any], categories: tuple[str, ...], where: str) -> None:
    """Raise the library's error for the first of *values* no category holds (at *where*)."""
    known = set(categories)
    for value in values:
        if value is not None and value not in known:
            raise InvalidValueError(
                location=where,
                expected=Text(
                    "en av kolumnens kategorier, eller None",
                    "one of the column's categories, or None",
                ),
                found=value,
            )


def frame(columns: dict[str, list[Any]], schema: TableSchema) -> pd.DataFrame:
    """The *columns* of a table as a DataFrame with the dtypes *schema* gives them."""
    pdm = pandas()
    import numpy as np

    data: dict[str, Any] = {}
    for column in schema:
        values = columns[column.name]
        kind = column.kind
        if kind is ColumnKind.CATEGORY:
            code = {c: i for i, c in enumerate(column.categories)}.get
            codes = np.fromiter((code(v, -1) for v in values), dtype=np.int32, count=len(values))
            if (codes < 0).any():
                check_categories(values, column.categories, f"{schema.name}.{column.name}")
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
