"""The one deprecation path: a name that goes warns for one minor version first.

A public name another tool could already use is never removed at once: for one minor
version it keeps working and warns with a :class:`DeprecationWarning` that names what to
use instead, and the changelog records it under "Deprecated".
"""

from __future__ import annotations

import warnings

__all__ = ["REMOVED_IN", "warn_deprecated"]

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
