"""Run every benchmark module (``bench_*.py``), or those named on the command line."""

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    here = str(Path(__file__).parent)
    names = argv or sorted(
        m.name for m in pkgutil.iter_modules([here]) if m.name.startswith("bench_")
    )
    for name in names:
        print(f"== {name}", flush=True)
        importlib.import_module(f"benchmarks.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
