"""The one deprecation path: a name that goes warns for one minor version first.

A public name another tool could already use is never removed at once: for one minor
version it keeps working and warns with a :class:`DeprecationWarning` that names what to
use instead, and the changelog records it under "Deprecated".
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["REMOVED_IN", "deprecated_names", "warn_deprecated"]

DEPRECATED_SINCE = "0.3"
REMOVED_IN = "0.4"


def warn_deprecated(old: str, new: str, *, stacklevel: int = 3) -> None:
    """Warn that *old* is deprecated in favour of *new* (the caller's caller is blamed)."""
    warnings.warn(
        f"{old} is deprecated since ledarskap {DEPRECATED_SINCE} and will be removed in "
        f"{REMOVED_IN}: use {new} instead",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


def deprecated_names(
    module: str, names: Mapping[str, tuple[str, object]], *, warned_as: str | None = None
) -> Callable[[str], Any]:
    """The ``__getattr__`` of *module*, giving each of *names* with a warning.

    *names* maps a deprecated name to what to use instead (said in the warning) and its
    value; the warning names it as of *warned_as* (*module* unless given: the module it
    was first public in). The function is the module's own ``__getattr__``, which Python
    calls where the name is used, so the warning points there; any other name is the usual
    :class:`AttributeError`.
    """
    shown = module if warned_as is None else warned_as

    def attribute(name: str) -> Any:
        found = names.get(name)
        if found is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        new, value = found
        warn_deprecated(f"{shown}.{name}", new)
        return value

    return attribute
