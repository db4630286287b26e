"""Benchmarks of ledarskap, run by `make bench` (``python -m benchmarks``).

Each ``bench_*.py`` module has a ``main()`` that measures the library against a
reference measured in the same run and prints the ratio. Figures go to
``docs/performance.md``.
"""
