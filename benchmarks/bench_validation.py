"""Cross-entity validation: ``ledarskap.validate`` on N and 10N participants, to show it is linear.

Both programs (``LEDARSKAP_BENCH_VALIDATION_N`` participants, 10,000 by default, and ten
times as many) are built with plain constructors (``benchmarks/_data.py``), then each is
validated ``LEDARSKAP_BENCH_REPEAT`` times (3 by default), the two sizes taking turns so
that a busy machine slows them alike; the best time of each is kept. The target is a ratio
of about 10 (linear): at most 12.

Memory sets a floor under that ratio: the large program (about 900,000 records) does not fit
in the processor's caches, the small one nearly does, so every pass over the records costs
more per record on the large one. The benchmark measures that floor on the same data (one
pass that indexes every record's id in a dict, the least any check of references must do)
and prints both ratios: validation is linear when its ratio is close to the floor's.

Run it with ``make bench`` or ``python -m benchmarks bench_validation``.
"""

from __future__ import annotations

import gc
import os
import time

import ledarskap
from ledarskap import ProgramData

from ._data import program_data

N = int(os.environ.get("LEDARSKAP_BENCH_VALIDATION_N", "10000"))
REPEAT = int(os.environ.get("LEDARSKAP_BENCH_REPEAT", "3"))

RATIO_TARGET = 12.0
"""Ten times the data in at most about ten times the time."""


_COLLECTIONS = (
    "people",
    "appointments",
    "cohorts",
    "participants",
    "mentors",
    "mentorships",
    "meetings",
    "applications",
)


def _records(data: ProgramData) -> int:
    return sum(len(getattr(data, name)) for name in _COLLECTIONS)


def _floor(data: ProgramData) -> object:
    """One pass over every record, indexing its id: the least a check of references does."""
    indexes = []
    for name in _COLLECTIONS:
        index: dict[str, int] = {}
        for i, record in enumerate(getattr(data, name)):
            index.setdefault(record.id, i)
        indexes.append(index)
    return indexes


def measure(n: int = N, repeat: int = REPEAT) -> dict[tuple[str, int], float]:
    """The best time of validation and of the floor on *n* and *10n* participants, in seconds."""
    sizes = (n, 10 * n)
    programs = {size: program_data(size) for size in sizes}
    # The programs stay alive for the whole run: let the collector's full passes skip them,
    # as they would skip a long-lived program in an application.
    gc.collect()
    gc.freeze()
    cases = {"validate": ledarskap.validate, "floor": _floor}
    best = {(case, size): float("inf") for case in cases for size in sizes}
    try:
        for _ in range(repeat):
            for size in sizes:
                for case, run in cases.items():
                    start = time.perf_counter()
                    result = run(programs[size])
                    best[case, size] = min(best[case, size], time.perf_counter() - start)
                    del result
    finally:
        gc.unfreeze()
    for size in sizes:
        records = _records(programs[size])
        took = best["validate", size]
        print(
            f"validate {size:>7,} participants ({records:>9,} records): "
            f"{took * 1000:8.1f} ms, {took / records * 1e6:5.2f} µs a record "
            f"(floor {best['floor', size] * 1000:6.1f} ms)"
        )
    return best


def main() -> None:
    best = measure()
    ratio = best["validate", 10 * N] / best["validate", N]
    floor = best["floor", 10 * N] / best["floor", N]
    linear = ratio <= max(RATIO_TARGET, 1.2 * floor)
    print(
        f"10x data takes {ratio:.1f}x the time; the floor (indexing every id) {floor:.1f}x "
        f"(target about 10x, at most {RATIO_TARGET:g}x or the floor's): "
        f"{'linear' if linear else 'NOT LINEAR'}"
    )


if __name__ == "__main__":
    main()
