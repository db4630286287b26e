from __future__ import annotations

import pytest

import ledarskap
from ledarskap.errors import InvalidValueError
from ledarskap.tables import SAFE_SCHEMA, SCHEMA, TABLE_NAMES, ColumnKind


def test_every_table_has_a_schema_in_both_forms() -> None:
    assert tuple(SCHEMA) == TABLE_NAMES == tuple(SAFE_SCHEMA)


def test_category_columns_list_every_category_and_only_they() -> None:
    for schema in (*SCHEMA.values(), *SAFE_SCHEMA.values()):
        for column in schema:
            if column.kind is ColumnKind.CATEGORY and column.name != "cohort_id":
                assert column.categories, (schema.name, column.name)
                assert len(set(column.categories)) == len(column.categories)
            elif column.kind is not ColumnKind.CATEGORY:
                assert column.categories == ()
    assert len(SCHEMA["participants"].column("municipality").categories) == 290
    assert len(SCHEMA["participants"].column("county").categories) == 21
    assert SCHEMA["participants"].column("position").categories == tuple(
        p.slug for p in ledarskap.all_positions()
    )


def test_the_safe_schema_holds_no_personal_column() -> None:
    personal = {
        "name",
        "email",
        "birth_date",
        "title",
        "organisation",
        "text",
        "submitted",
        "end_reason",
    }
    for schema in SAFE_SCHEMA.values():
        allowed = {"title"} if schema.name == "sessions" else set()  # a session's title
        assert not (personal - allowed) & set(schema.names), schema.name


def test_a_column_not_in_the_table_is_named_in_the_error() -> None:
    with pytest.raises(InvalidValueError, match=r"the sessions table.*'nope'"):
        SCHEMA["sessions"].column("nope")


def test_with_categories_sets_one_column_only() -> None:
    schema = SCHEMA["meetings"].with_categories("cohort_id", ("c-1", "c-2"))
    assert schema.column("cohort_id").categories == ("c-1", "c-2")
    assert schema.column("kind") == SCHEMA["meetings"].column("kind")
    assert len(schema) == len(SCHEMA["meetings"])
