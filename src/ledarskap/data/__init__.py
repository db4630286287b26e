"""Data files shipped with ledarskap, read on first use."""

from __future__ import annotations

__all__ = ["read_bytes"]


def read_bytes(name: str) -> bytes:
    """The content of the data file *name*, read through this package's loader.

    What :func:`pkgutil.get_data` does (so a zipped install works too), without importing
    :mod:`importlib.resources` (~10 ms, more than the files it reads on a command's start).
    The loaders take ``/`` as a separator on every system.
    """
    loader = __spec__.loader
    if loader is None or not hasattr(loader, "get_data"):  # pragma: no cover - no such loader here
        raise FileNotFoundError(name)
    data: bytes = loader.get_data(f"{__path__[0]}/{name}")
    return data
