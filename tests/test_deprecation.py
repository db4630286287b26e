"""The one deprecation path: a name that goes warns for one minor version, naming what replaces it."""

from __future__ import annotations

import warnings

import pytest

from ledarskap import _deprecation, _version
from ledarskap._deprecation import REMOVED_IN, warn_deprecated


def _old_api() -> None:
    warn_deprecated("old_api()", "new_api()")


def test_the_warning_names_the_old_the_new_and_the_versions() -> None:
    """The message says what goes, since when, until when, and what to use instead."""
    with pytest.warns(DeprecationWarning, match="old_api") as caught:
        _old_api()
    assert str(caught[0].message) == (
        f"old_api() is deprecated since ledarskap {_deprecation.DEPRECATED_SINCE} and will be "
        f"removed in {REMOVED_IN}: use new_api() instead"
    )


def test_the_caller_of_the_deprecated_api_is_blamed() -> None:
    """The warning points at the code that calls the deprecated name, not at the library."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _old_api()
    assert caught[0].filename == __file__


def test_a_name_goes_the_minor_version_after_its_deprecation() -> None:
    """Deprecated in this minor version, removed in the next: one minor version of warning."""
    since = tuple(int(part) for part in _deprecation.DEPRECATED_SINCE.split("."))
    removed = tuple(int(part) for part in REMOVED_IN.split("."))
    assert removed == (since[0], since[1] + 1)
    assert _version.__version__.startswith(_deprecation.DEPRECATED_SINCE)
