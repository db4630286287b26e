"""File format: load and dump one program document, ledarskap side by side with its peers.

On the same bytes (a document of ``LEDARSKAP_BENCH_N`` participants, 100,000 by default)
and in one run, each case is timed ``LEDARSKAP_BENCH_REPEAT`` times (3 by default), the
cases taking turns so that a busy machine slows them alike, and the best time is kept:

- reading: ``ledarskap.loads`` (parse, build and validate every record) against pydantic
  v2's ``TypeAdapter(Document).validate_json`` on an equivalent model with the same
  constraints (``benchmarks/_pydantic_model.py``), and against plain ``json.loads`` and
  ``msgspec.json.decode`` of the same bytes, which build dicts and check nothing: the floor;
- writing: ``ledarskap.dumps`` against pydantic's ``dump_json``, both indented as
  ledarskap writes its files, and against ``msgspec.json.encode`` of the plain data.

The cyclic garbage collector: ledarskap pauses it while it reads or writes a document;
pydantic does not, and is also shown with the caller pausing it.

Run it with ``make bench`` or ``python -m benchmarks bench_io``.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from importlib import metadata
from typing import Any

import ledarskap
from ledarskap import ProgramData

from ._data import program_data

N = int(os.environ.get("LEDARSKAP_BENCH_N", "100000"))
REPEAT = int(os.environ.get("LEDARSKAP_BENCH_REPEAT", "3"))

LOAD_TARGET = 1.0
"""ledarskap's load and validate at most as slow as pydantic's."""
DUMP_TARGET = 1.5
"""ledarskap's dump at most 1.5 times as slow as pydantic's."""


def _converter(detailed: bool) -> Any:
    try:
        from ledarskap.io import make_converter  # type: ignore[attr-defined]
    except ImportError:
        from ledarskap.io._convert import make_converter
    return make_converter(detailed_validation=detailed)


def _reader() -> Any:
    """The converter ``ledarskap.loads`` reads a valid document with."""
    try:
        from ledarskap.io._convert import make_fast_reader
    except ImportError:
        return _converter(detailed=False)
    return make_fast_reader()


def _time_cases(cases: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The best of *repeat* runs of each case, the cases taking turns."""
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(repeat):
        for name, case in cases.items():
            gc.collect()
            start = time.perf_counter()
            result = case()
            elapsed = time.perf_counter() - start
            del result
            best[name] = min(best[name], elapsed)
    return best


def _gc_paused(case: Callable[[], object]) -> Callable[[], object]:
    """*case*, run with the cyclic garbage collector off, as ledarskap's loads and dumps do."""

    def run() -> object:
        gc.disable()
        try:
            return case()
        finally:
            gc.enable()

    return run


def _versions() -> str:
    names = ("ledarskap", "attrs", "cattrs", "pydantic", "pydantic-core", "msgspec")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def _table(title: str, times: dict[str, float], columns: dict[str, float]) -> None:
    print(f"\n{title}")
    heads = "".join(f"  {'÷ ' + name:>16}" for name in columns)
    print(f"  {'case':<50} {'best (s)':>9}{heads}")
    for name, seconds in times.items():
        ratios = "".join(f"  {seconds / base:>15.2f}x" for base in columns.values())
        print(f"  {name:<50} {seconds:>9.3f}{ratios}")


def _verdict(label: str, ratio: float, target: float) -> str:
    met = "met" if ratio <= target else "NOT met"
    return f"  {label}: {ratio:.2f}x (target at most {target:.1f}x): {met}"


def _by_size(adapter: Any, sizes: tuple[int, ...]) -> None:
    """Load ÷ pydantic for smaller documents: the garbage collector weighs less there."""
    print("\nLoad and validate by size (best of 5)")
    print(
        f"  {'participants':>12} {'ledarskap':>10} {'pydantic':>10} {'ratio':>7} {'pydantic, GC paused':>20} {'ratio':>7}"
    )
    for size in sizes:
        raw = ledarskap.dumps(program_data(size)).encode("utf-8")
        times = _time_cases(
            {
                "ledarskap": lambda raw=raw: ledarskap.loads(raw),
                "pydantic": lambda raw=raw: adapter.validate_json(raw),
                "paused": _gc_paused(lambda raw=raw: adapter.validate_json(raw)),
            },
            5,
        )
        ours, peer, paused = times["ledarskap"], times["pydantic"], times["paused"]
        print(
            f"  {size:>12,} {ours:>9.3f}s {peer:>9.3f}s {ours / peer:>6.2f}x"
            f" {paused:>19.3f}s {ours / paused:>6.2f}x"
        )


def main() -> None:
    import msgspec
    from pydantic import TypeAdapter

    from ._pydantic_model import Document

    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores")
    print(_versions())

    # First, while the process holds little else: how much the collector costs depends on
    # how many objects are alive besides the document being read.
    _by_size(TypeAdapter(Document), tuple(size for size in (1_000, 10_000) if size < N))

    start = time.perf_counter()
    data = program_data(N)
    text = ledarskap.dumps(data)
    raw = text.encode("utf-8")
    print(
        f"document: {N:,} participants, {len(data.people):,} people, "
        f"{len(data.appointments):,} appointments, {len(data.cohorts):,} cohorts, "
        f"{len(data.mentors):,} mentors, {len(data.meetings):,} meetings, "
        f"{len(data.applications):,} applications; {len(raw) / 1e6:.0f} MB of JSON "
        f"(made in {time.perf_counter() - start:.0f} s)"
    )

    # Both libraries accept the same bytes and ledarskap reads back what it wrote.
    adapter = TypeAdapter(Document)
    document = adapter.validate_json(raw)
    if ledarskap.loads(raw) != data:
        raise SystemExit("ledarskap.loads does not give back the data it was dumped from")
    try:
        msgspec.json.decode(raw, type=ProgramData)
        native = "works"
    except Exception as exc:  # reported as the reason it does not apply
        native = f"not applicable: {type(exc).__name__}: {exc}"

    fast = _converter(detailed=False)
    reader = _reader()
    body = {k: v for k, v in json.loads(raw).items() if k not in ("format", "format_version")}
    gc.collect()
    gc.freeze()
    load = _time_cases(
        {
            "ledarskap.loads(bytes)  [msgspec parse]": lambda: ledarskap.loads(raw),
            "ledarskap.loads(str)  [json parse]": lambda: ledarskap.loads(text),
            "  of which: records from the parsed dicts": _gc_paused(
                lambda: reader.structure(body, ProgramData)
            ),
            "pydantic TypeAdapter.validate_json": lambda: adapter.validate_json(raw),
            "  the same, the caller pausing the GC": _gc_paused(lambda: adapter.validate_json(raw)),
            "json.loads (no validation: the floor)": lambda: json.loads(raw),
            "msgspec.json.decode (no validation)": lambda: msgspec.json.decode(raw),
        },
        REPEAT,
    )
    ours = load["ledarskap.loads(bytes)  [msgspec parse]"]
    peer = load["pydantic TypeAdapter.validate_json"]
    floor = load["json.loads (no validation: the floor)"]
    _table(
        f"Load and validate (best of {REPEAT})",
        load,
        {"pydantic": peer, "json.loads": floor},
    )
    print(f"  msgspec.json.decode(type=ProgramData) on the attrs classes: {native}")

    plain = fast.unstructure(data)
    # What is alive now (the documents, the data) is moved out of the collector's sight,
    # as if it were not there: gc.collect() between cases stays cheap, and the cases see a
    # heap like that of a process that has only just read its file.
    gc.collect()
    gc.freeze()
    dump = _time_cases(
        {
            "ledarskap.dumps (indented)": lambda: ledarskap.dumps(data),
            "  of which: records to plain data": _gc_paused(lambda: fast.unstructure(data)),
            "pydantic dump_json(indent=2)": lambda: adapter.dump_json(document, indent=2),
            "pydantic model_dump_json(indent=2), as str": lambda: document.model_dump_json(
                indent=2
            ),
            "pydantic dump_json (compact)": lambda: adapter.dump_json(document),
            "msgspec.json.encode of plain data (compact)": lambda: msgspec.json.encode(plain),
        },
        REPEAT,
    )
    ours_dump = dump["ledarskap.dumps (indented)"]
    peer_dump = dump["pydantic dump_json(indent=2)"]
    _table(
        f"Dump (best of {REPEAT})",
        dump,
        {"pydantic": peer_dump, "msgspec": dump["msgspec.json.encode of plain data (compact)"]},
    )

    gc.unfreeze()

    print("\nTargets")
    print(_verdict("load and validate ÷ pydantic validate_json", ours / peer, LOAD_TARGET))
    print(f"  load and validate ÷ json.loads (the floor): {ours / floor:.2f}x")
    print(_verdict("dump ÷ pydantic dump_json(indent=2)", ours_dump / peer_dump, DUMP_TARGET))
    sys.stdout.flush()
