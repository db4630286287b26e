from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings

import ledarskap
from ledarskap import ProgramData
from ledarskap.errors import InvalidValueError, MissingDependencyError
from ledarskap.tables import ColumnKind, Tables, program_tables
from ledarskap.testing import program_data

from ._programs import planted

pd = pytest.importorskip("pandas")

_DTYPES = {
    ColumnKind.STRING: "string",
    ColumnKind.DATE: "datetime64[s]",
    ColumnKind.INTEGER: "Int64",
    ColumnKind.BOOLEAN: "boolean",
}


def test_every_column_has_the_dtype_its_kind_says() -> None:
    tables = program_tables(planted())
    for name, frame in tables.frames().items():
        schema = tables.schema[name]
        assert tuple(frame.columns) == schema.names
        for column in schema:
            dtype = frame[column.name].dtype
            if column.kind is ColumnKind.CATEGORY:
                assert isinstance(dtype, pd.CategoricalDtype), (name, column.name)
                assert tuple(dtype.categories) == column.categories
            else:
                assert dtype == _DTYPES[column.kind], (name, column.name, dtype)


def test_an_empty_group_counts_zero() -> None:
    frame = program_tables(ledarskap.example_program()).frame("participants")
    kinds = frame["position_kind"].value_counts(sort=False)
    assert kinds["chief-executive"] == 0
    assert len(frame["municipality"].value_counts()) == 290
    assert frame.groupby("county", observed=False).size()["Skåne län"] == 0


@settings(max_examples=10)
@given(program_data(max_cohorts=2, max_participants=4))
def test_a_frame_holds_the_records_values(data: ProgramData) -> None:
    """Law: a DataFrame holds exactly the records' values: a missing value as NA, a date as
    its midnight, the rest as they are."""
    tables = program_tables(data)
    for name in tables:
        frame = tables.frame(name)
        rows = tables[name]
        assert len(frame) == len(rows)
        for i, row in enumerate(rows):
            for column, value in row.items():
                cell = frame[column].iloc[i]
                if value is None:
                    assert pd.isna(cell), (name, column)
                elif tables.schema[name].column(column).kind is ColumnKind.DATE:
                    assert cell.date() == value
                else:
                    assert cell == value


def test_a_frame_built_by_hand_from_the_records_is_the_same() -> None:
    tables = program_tables(planted())
    rows = tables["meetings"]
    schema = tables.schema["meetings"]
    by_hand = pd.DataFrame(rows).astype(
        {
            c.name: pd.CategoricalDtype(list(c.categories))
            if c.kind is ColumnKind.CATEGORY
            else _DTYPES[c.kind]
            for c in schema
        }
    )
    pd.testing.assert_frame_equal(tables.frame("meetings"), by_hand)


def test_a_value_outside_the_categories_is_refused_not_lost() -> None:
    """Refused when the tables are made, so no frame or file meets it (none blanks it)."""
    tables = program_tables(ledarskap.example_program())
    columns = {name: tables.columns(name) for name in tables}
    columns["sessions"]["kind"][0] = "picnic"
    with pytest.raises(
        InvalidValueError,
        match=r"the sessions table, row 1, column kind: expected one of the column's "
        r"categories \(str\), or None, found 'picnic'",
    ):
        Tables(columns, tables.schema)


def test_an_empty_table_s_frame_has_every_category() -> None:
    data = ledarskap.example_program()
    frame = program_tables(ProgramData(program=data.program)).frame("meetings")
    assert frame.empty
    assert frame["status"].value_counts(sort=False).to_dict() == {
        "planned": 0,
        "held": 0,
        "cancelled": 0,
    }


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    tables = program_tables(ledarskap.example_program())
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'ledarskap\[pandas\]'"):
        tables.frames()


def test_import_ledarskap_loads_neither_pandas_nor_pyarrow() -> None:
    code = (
        "import sys, ledarskap, ledarskap.tables; "
        "ledarskap.tables.program_tables(ledarskap.example_program()); "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy', 'openpyxl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
