"""The one way every benchmark measures: interleaved runs, medians, collector on and paused.

A *comparison* times a subject (ledarskap doing something) against a reference (the tool
a user would otherwise pick, or a hand-written floor) on the same input, at several sizes,
in the same process and the same run:

- the two take turns, in ABBA order (subject, reference, reference, subject, …), so that
  a machine that gets busier or quieter during the run slows both alike;
- each is timed ``rounds`` times per size; the figure is the **median** of the per-round
  ratios (and the median times beside it), never a best-of-runs;
- the prepared input and everything alive before the first round are frozen out of the
  collector's reach (``gc.freeze()``), so that neither side pays for walking the other's
  input or the benchmark's own data;
- every comparison runs twice: with the garbage collector **on**, as a user's program
  runs, and **paused** for both sides alike (``gc.disable()`` around each timed call, with
  a full collection before it); a figure that only holds with the collector paused is
  reported as such.

``LEDARSKAP_BENCH_SIZES`` (comma-separated, default ``1000,10000,100000``) and
``LEDARSKAP_BENCH_ROUNDS`` (default 5) change what is measured, for a quick look.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata

__all__ = ["Comparison", "Result", "machine", "rounds", "run", "sizes"]

Runner = Callable[[], object]


def sizes(default: Sequence[int] = (1_000, 10_000, 100_000)) -> tuple[int, ...]:
    """The sizes to measure at: ``LEDARSKAP_BENCH_SIZES`` or *default*."""
    text = os.environ.get("LEDARSKAP_BENCH_SIZES")
    return tuple(int(s) for s in text.split(",")) if text else tuple(default)


def rounds(default: int = 5) -> int:
    """How many interleaved rounds per size and collector mode: ``LEDARSKAP_BENCH_ROUNDS``."""
    return int(os.environ.get("LEDARSKAP_BENCH_ROUNDS", default))


@dataclass(frozen=True)
class Comparison:
    """A subject timed against a reference.

    ``prepare(size)`` builds the input once per size and returns the two zero-argument
    callables to time: ``(subject, reference)``. ``target`` is the ratio aimed at.
    """

    name: str
    subject: str
    reference: str
    prepare: Callable[[int], tuple[Runner, Runner]]
    target: float | None = None


@dataclass(frozen=True)
class Result:
    """One comparison at one size and collector mode: median times and the median ratio."""

    comparison: Comparison
    size: int
    gc: str
    subject_s: float
    reference_s: float
    ratio: float

    def row(self) -> str:
        """The result as a Markdown table row."""
        target = self.comparison.target
        met = "" if target is None else (" ✓" if self.ratio <= target else " ✗")
        aim = "" if target is None else f"≤{target:g}x"
        return (
            f"| {self.comparison.name} | {self.size:,} | {self.gc} "
            f"| {self.subject_s * 1000:,.1f} | {self.reference_s * 1000:,.1f} "
            f"| **{self.ratio:.2f}x**{met} | {aim} |"
        )


HEADER = (
    "| comparison | size | collector | ledarskap ms | reference ms | ratio (median) | aim |\n"
    "|---|---:|---|---:|---:|---:|---|"
)


def _timed(run: Runner, paused: bool) -> float:
    if paused:
        gc.collect()
        gc.disable()
    try:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start
    finally:
        if paused:
            gc.enable()


def _measure(comparison: Comparison, size: int, paused: bool, count: int) -> Result:
    subject, reference = comparison.prepare(size)
    subject(), reference()  # warm caches and lazy imports for both alike
    gc.collect()
    gc.freeze()
    try:
        return _rounds(comparison, size, paused, count, subject, reference)
    finally:
        gc.unfreeze()


def _rounds(
    comparison: Comparison,
    size: int,
    paused: bool,
    count: int,
    subject: Runner,
    reference: Runner,
) -> Result:
    ratios: list[float] = []
    subject_times: list[float] = []
    reference_times: list[float] = []
    for i in range(count):
        if i % 2 == 0:
            s = _timed(subject, paused)
            r = _timed(reference, paused)
        else:
            r = _timed(reference, paused)
            s = _timed(subject, paused)
        subject_times.append(s)
        reference_times.append(r)
        ratios.append(s / r)
    return Result(
        comparison,
        size,
        "paused" if paused else "on",
        statistics.median(subject_times),
        statistics.median(reference_times),
        statistics.median(ratios),
    )


def run(comparisons: Iterable[Comparison], *, at: Sequence[int] | None = None) -> list[Result]:
    """Measure every comparison at every size, collector on then paused; print a table."""
    results: list[Result] = []
    count = rounds()
    print(HEADER, flush=True)
    for comparison in comparisons:
        for size in at or sizes():
            for paused in (False, True):
                result = _measure(comparison, size, paused, count)
                results.append(result)
                print(result.row(), flush=True)
    print(f"\n{comparison_notes(count)}", flush=True)
    return results


def comparison_notes(count: int) -> str:
    """How the figures above were made."""
    return (
        f"Median of {count} interleaved rounds (ABBA order) per row; "
        "'paused' pauses the collector for both sides alike."
    )


def machine() -> str:
    """The machine and the versions measured on, for the docs."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    versions = []
    for package in ("ledarskap", "attrs", "cattrs", "msgspec", "pydantic", "openpyxl"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            continue
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
        f"Python {sys.version.split()[0]} ({platform.python_implementation()}); "
        + ", ".join(versions)
    )
