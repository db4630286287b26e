"""Columns into a ``pandas.DataFrame`` with the schema's dtypes; pandas is loaded here only.

Each kind is converted the fast way pandas offers for it, with no Python-level pass that
pandas would do again: category codes looked up in one dict and given to
``Categorical.from_codes``; dates as day numbers viewed as ``datetime64[D]`` and cast to
``datetime64[s]``; integers and flags through their nullable arrays.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ledarskap.errors import MissingDependencyError

from .schema import ColumnKind, TableSchema

if TYPE_CHECKING:
    from types import ModuleType

    import pandas as pd

__all__ = ["frame", "pandas"]

_EPOCH = dt.date(1970, 1, 1).toordinal()
_NAT = -(2**63)  # numpy's NaT as an int64


def pandas(feature: str = "Tables as DataFrames") -> ModuleType:
    """The pandas module, or the library's error naming the extra that installs it."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependencyError("pandas", "pandas", feature) from None
    return pd


def frame(columns: dict[str, list[Any]], schema: TableSchema) -> pd.DataFrame:
    """The *columns* of a table as a DataFrame with the dtypes *schema* gives them."""
    pd = pandas()
    import numpy as np

    data: dict[str, Any] = {}
    for column in schema:
        values = columns[column.name]
        kind = column.kind
        if kind is ColumnKind.CATEGORY:
            code = {c: i for i, c in enumerate(column.categories)}.get
            codes = np.fromiter((code(v, -1) for v in values), dtype=np.int32, count=len(values))  # type: ignore[arg-type]
            data[column.name] = pd.Categorical.from_codes(
                codes, dtype=pd.CategoricalDtype(list(column.categories))
            )
        elif kind is ColumnKind.DATE:
            days = np.fromiter(
                (_NAT if v is None else v.toordinal() - _EPOCH for v in values),
                dtype=np.int64,
                count=len(values),
            )
            stamps = np.where(days == _NAT, _NAT, days * 86_400).view("datetime64[s]")
            data[column.name] = pd.array(stamps, dtype="datetime64[s]")
        elif kind is ColumnKind.INTEGER:
            data[column.name] = pd.array(values, dtype="Int64")
        elif kind is ColumnKind.BOOLEAN:
            data[column.name] = pd.array(values, dtype="boolean")
        else:
            data[column.name] = pd.array(values, dtype="string")
    return pd.DataFrame(data, columns=list(schema.names))
