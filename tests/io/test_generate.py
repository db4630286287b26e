"""The one code generator of ledarskap.io: a type walked into source, compiled in its scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ledarskap.io._generate import Generator, converted


class _Dates:
    """Rules writing dates as ISO text, keeping everything else; sets sorted."""

    def leaf(self, expr: str, kind: Any, generator: Generator) -> str:
        return f"{expr}.isoformat()" if kind is dt.date else expr

    def collection(self, origin: Any, expr: str, items: str | None) -> str:
        listed = f"list({expr})" if items is None else items
        return f"sorted({listed})" if origin is frozenset else listed


def test_a_value_kept_as_it_is_is_not_wrapped() -> None:
    generator = Generator()
    assert converted("v", str | None, _Dates(), generator) == "v"
    assert converted("v", tuple[str, ...], _Dates(), generator) == "list(v)"


def test_optional_and_collections_are_walked_to_the_rules() -> None:
    generator = Generator()
    source = converted("v", frozenset[dt.date] | None, _Dates(), generator)
    function = generator.compile("f", ["def f(v):", f"    return {source}"], "test")
    days = frozenset({dt.date(2025, 2, 1), dt.date(2025, 1, 1)})
    assert function(days) == ["2025-01-01", "2025-02-01"]
    assert function(None) is None


def test_bound_names_are_seen_by_the_compiled_function() -> None:
    generator = Generator()
    name = generator.bind(str.upper, "_up")
    function = generator.compile("f", ["def f(v):", f"    return {name}(v)"], "test")
    assert function("a") == "A"
