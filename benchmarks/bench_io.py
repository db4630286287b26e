"""File format: load and dump one program document, ledarskap against its peers.

Each comparison times ledarskap and a reference on the same bytes (a document of 1,000,
10,000 and 100,000 participants), interleaved, medians, with the collector on and paused
for both sides alike (see :mod:`benchmarks._harness`):

- **load ÷ pydantic**: ``ledarskap.loads`` (parse, build and validate every record)
  against pydantic v2's ``TypeAdapter(Document).validate_json`` on an equivalent model
  with the same constraints (``benchmarks/_pydantic_model.py``);
- **load ÷ msgspec**: the same against ``msgspec.json.decode`` into validated
  ``msgspec.Struct`` classes of the same document (``benchmarks/_msgspec_model.py``);
- **dump ÷ pydantic**: ``ledarskap.dumps`` against pydantic's ``dump_json(indent=2)``,
  both indented as ledarskap writes its files.

``ledarskap.loads`` and ``ledarskap.dumps`` pause the collector themselves while they run
(:mod:`ledarskap._gc`); the references do not. The rows "on" therefore compare a
caller who leaves the collector on; the rows "paused" compare both with it paused, the
speed of the code itself.

Run it with ``make bench`` or ``python -m benchmarks bench_io``.
"""

from __future__ import annotations

import functools
from typing import Any

import ledarskap

from . import _harness
from ._data import program_data

__all__ = ["main"]

LOAD_TARGET = 1.0
"""ledarskap's load and validate at most as slow as pydantic's."""
LOAD_MSGSPEC_TARGET = 2.0
"""ledarskap's load and validate at most twice a validated msgspec decode (0.5x pydantic)."""
DUMP_TARGET = 1.0
"""ledarskap's dump at most as slow as pydantic's."""


@functools.cache
def _document(size: int) -> tuple[Any, bytes]:
    data = program_data(size)
    return data, ledarskap.dumps(data).encode("utf-8")


def _load_pydantic(size: int) -> tuple[_harness.Runner, _harness.Runner]:
    from pydantic import TypeAdapter

    from ._pydantic_model import Document

    data, raw = _document(size)
    adapter = TypeAdapter(Document)
    if ledarskap.loads(raw) != data:  # pragma: no cover - a broken round trip
        raise SystemExit("ledarskap.loads does not give back the data it was dumped from")
    adapter.validate_json(raw)
    return (lambda: ledarskap.loads(raw)), (lambda: adapter.validate_json(raw))


def _load_msgspec(size: int) -> tuple[_harness.Runner, _harness.Runner]:
    import msgspec

    from ._msgspec_model import Document

    _, raw = _document(size)
    decoder = msgspec.json.Decoder(Document)
    decoder.decode(raw)
    return (lambda: ledarskap.loads(raw)), (lambda: decoder.decode(raw))


def _dump_pydantic(size: int) -> tuple[_harness.Runner, _harness.Runner]:
    from pydantic import TypeAdapter

    from ._pydantic_model import Document

    data, raw = _document(size)
    adapter = TypeAdapter(Document)
    document = adapter.validate_json(raw)
    return (lambda: ledarskap.dumps(data)), (lambda: adapter.dump_json(document, indent=2))


COMPARISONS = (
    _harness.Comparison(
        "load ÷ pydantic validate_json",
        "ledarskap.loads",
        "pydantic TypeAdapter.validate_json",
        _load_pydantic,
        LOAD_TARGET,
    ),
    _harness.Comparison(
        "load ÷ msgspec Struct decode",
        "ledarskap.loads",
        "msgspec.json.decode into validated Structs",
        _load_msgspec,
        LOAD_MSGSPEC_TARGET,
    ),
    _harness.Comparison(
        "dump ÷ pydantic dump_json",
        "ledarskap.dumps",
        "pydantic TypeAdapter.dump_json(indent=2)",
        _dump_pydantic,
        DUMP_TARGET,
    ),
)


def main() -> None:
    """Print the table of every comparison at every size, collector on and paused."""
    print(_harness.machine())
    _harness.run(COMPARISONS)
