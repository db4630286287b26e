"""The one code generator of :mod:`ledarskap.io`: per-class functions written as Python source.

Two hot paths visit every field of every record of a large document, both only with
msgspec installed: writing JSON (:mod:`ledarskap.io._encode`: a record to the
:class:`msgspec.Struct` msgspec encodes) and the fast reader (:mod:`ledarskap.io._decode`:
msgspec's structs to the model's records). Both are functions generated here, once per
class and per encoder or decoder, from the classes' attrs fields, each field's
conversion written inline (``i.municipality.code``, a tuple of records as one
comprehension building each record's struct) instead of called through a hook per
value. Everything else (TOML, :meth:`~cattrs.Converter.unstructure`, the detailed
reader) is cattrs' own generated functions, in :mod:`ledarskap.io._convert`.

Why a generator of our own for these two, measured on one machine (AMD EPYC, 2 cores
shared; collector paused; interleaved runs, medians, as :mod:`benchmarks._harness`
measures): writing a document of 1,000 / 10,000 participants as cattrs' generated
dicts encoded by msgspec takes 1.8x / 1.7x the time of the generated structs; reading
one with msgspec into dicts and cattrs' structure functions (every record through its
``__init__``, every validator in Python) takes 2.5x / 2.1x the time of the generated
builders. ``benchmarks/bench_io.py`` compares the result with pydantic and msgspec.

A :class:`Generator` holds the names a generated module sees; :func:`converted` walks a
field's type (optional, tuple, frozenset) and asks the :class:`Rules` of its user for
the rest.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, Protocol

__all__ = ["Generator", "Rules", "converted"]


class Generator:
    """The scope of generated functions: the objects they call, by name, and fresh variables."""

    def __init__(self) -> None:
        self.scope: dict[str, Any] = {}

    def bind(self, value: Any, prefix: str = "_g") -> str:
        """A new name for *value* in the generated functions' scope."""
        name = f"{prefix}{len(self.scope)}"
        self.scope[name] = value
        return name

    def variable(self) -> str:
        """A new local variable name (for a comprehension)."""
        name = f"x{len(self.scope)}"
        self.scope[name] = None  # reserves the name
        return name

    def compile(self, name: str, lines: list[str], what: str) -> Callable[..., Any]:
        """The function *name* defined by the source *lines*, seeing this scope."""
        source = "\n".join(lines) + "\n"
        scope = dict(self.scope)
        exec(compile(source, f"<ledarskap {what}>", "exec"), scope)
        function: Callable[..., Any] = scope[name]
        return function


class Rules(Protocol):
    """What one user of the generator writes for the kinds :func:`converted` leaves to it."""

    def leaf(self, expr: str, kind: Any, generator: Generator) -> str:
        """Source converting *expr*, of a type that is neither optional nor a collection."""

    def collection(self, origin: Any, expr: str, items: str | None) -> str:
        """Source for the tuple or frozenset (*origin*) *expr*, given its converted *items*.

        *items* is a list comprehension converting each item, ``None`` when the items
        are kept as they are.
        """


def converted(expr: str, kind: Any, rules: Rules, generator: Generator) -> str:
    """Python source converting the value of *expr*, of type *kind*, by *rules*.

    ``None`` passes through an optional type; the items of a tuple or frozenset are
    converted one by one in a comprehension; an expression left as it is comes back
    unchanged, so that nothing is wrapped for nothing.
    """
    if isinstance(kind, types.UnionType):
        inner = next(k for k in typing.get_args(kind) if k is not type(None))
        written = converted(expr, inner, rules, generator)
        return expr if written == expr else f"(None if {expr} is None else {written})"
    origin = typing.get_origin(kind)
    if origin is tuple or origin is frozenset:
        var = generator.variable()
        item = converted(var, typing.get_args(kind)[0], rules, generator)
        return rules.collection(
            origin, expr, None if item == var else f"[{item} for {var} in {expr}]"
        )
    return rules.leaf(expr, kind, generator)
