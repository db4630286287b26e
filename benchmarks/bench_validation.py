"""Cross-record validation: ``ledarskap.validate`` against the least a check of references does.

On generated programs of 1,000, 10,000 and 100,000 participants (``benchmarks/_data.py``,
about nine records a participant), ``ledarskap.validate`` is timed against a floor on the
same data: one pass over every record indexing its id in a dict, the least any check of
references between records must do. Both are measured the one way every benchmark
measures (``benchmarks/_harness.py``): interleaved rounds, medians, the collector on and
paused for both sides alike.

The ratio says what validation costs on top of that floor; read down the sizes, it says
whether validation is linear: a ratio that stays flat as the data grows tenfold grows as
the floor grows. The floor itself costs more per record on a large program than on a small
one (the large one does not fit in the processor's caches), so the time per record is
printed for both.

Run it with ``make bench`` or ``python -m benchmarks bench_validation``.
"""

from __future__ import annotations

from collections.abc import Callable

import ledarskap
from ledarskap import ProgramData

from ._data import program_data
from ._harness import Comparison, Result, machine, run

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


def records(data: ProgramData) -> int:
    """How many records *data* holds, in the collections the floor indexes."""
    return sum(len(getattr(data, name)) for name in _COLLECTIONS)


def floor(data: ProgramData) -> object:
    """One pass over every record, indexing its id: the least a check of references does."""
    indexes = []
    for name in _COLLECTIONS:
        index: dict[str, int] = {}
        for i, record in enumerate(getattr(data, name)):
            index.setdefault(record.id, i)
        indexes.append(index)
    return indexes


_RECORDS: dict[int, int] = {}


def _prepare(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
    data = program_data(size)
    _RECORDS[size] = records(data)
    return (lambda: ledarskap.validate(data)), (lambda: floor(data))


VALIDATE = Comparison(
    name="validate",
    subject="ledarskap.validate",
    reference="one pass indexing every record's id (the floor)",
    prepare=_prepare,
)


def per_record(results: list[Result]) -> list[str]:
    """Each size's time per record, validation and floor, to read linearity from."""
    return [
        f"{r.size:>7,} participants ({_RECORDS[r.size]:>9,} records), collector {r.gc:6}: "
        f"validate {r.subject_s / _RECORDS[r.size] * 1e6:5.2f} µs a record, "
        f"floor {r.reference_s / _RECORDS[r.size] * 1e6:5.2f} µs a record"
        for r in results
    ]


def main() -> None:
    print(machine(), flush=True)
    results = run([VALIDATE])
    print()
    for line in per_record(results):
        print(line)


if __name__ == "__main__":
    main()
