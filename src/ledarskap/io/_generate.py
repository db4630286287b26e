"""The one code generator of :mod:`ledarskap.io`: per-class functions written as Python source.

Two hot paths move every field of every record of a large document: writing
(:mod:`ledarskap.io._convert`: a record to the plain dict msgspec encodes) and the fast
reader (:mod:`ledarskap.io._decode`: msgspec's structs to the model's records). Both are
functions generated here, once per class and per converter or decoder, from the classes'
attrs fields: each field's conversion written inline (``i.start`` as ``_iso[i.start]``,
``i.status._value_``, a tuple of records as one comprehension holding the record's dict
display) instead of called through a hook per value.

Why generated, measured (``benchmarks/bench_io.py``, collector paused, 10,000
participants, AMD EPYC, 2 cores shared): cattrs' own generated unstructure functions
(``make_dict_unstructure_fn``, a hook call per date, enum, code and record) take
1.15-1.35x the time of these to write a document, a tenth to a sixth of a whole
``dumps`` that is already at pydantic's speed; reading, building each record through
``__init__`` (cattrs' structure functions, or msgspec decoding into the attrs classes)
runs every validator again in Python, which is what made loading 2-2.7x pydantic before
this reader (now 0.75-0.9x).

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
