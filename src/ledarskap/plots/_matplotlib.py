"""matplotlib, imported only when a figure is drawn or saved (the ``plot`` extra).

Figures are made with :class:`matplotlib.figure.Figure` directly, on the Agg canvas:
pyplot is never imported, so no figure is kept in a global registry, no window opens,
and no backend is chosen for the caller. The only global state touched is matplotlib's
``rcParams``, for the moment a figure is rendered, through :func:`matplotlib.rc_context`
(which restores them).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Literal

from ledarskap.errors import MissingDependencyError, UsageError
from ledarskap.text import Text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["Format", "new_figure", "render"]

Format = Literal["png", "svg"]


def _missing(feature: Text) -> MissingDependencyError:
    return MissingDependencyError("matplotlib", "plot", feature)


def new_figure(feature: Text, width: float, height: float) -> Figure:
    """An empty figure of *width* × *height* inches on the Agg canvas, laid out constrained.

    *feature* names what needs matplotlib, for the message when it is missing.
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise _missing(feature) from None
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def render(figure: object, file_format: Format, dpi: float) -> bytes:
    """*figure* (a matplotlib ``Figure``) as the bytes of a PNG or SVG file."""
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise _missing(Text("Att spara en figur", "Saving a figure")) from None
    if not isinstance(figure, Figure):
        raise UsageError(
            Text(
                f"förväntade en matplotlib Figure att spara, fick {type(figure).__name__}",
                f"expected a matplotlib Figure to save, found {type(figure).__name__}",
            )
        )
    buffer = io.BytesIO()
    metadata = {"Date": None} if file_format == "svg" else {"Software": None}
    # SVG text stays text (searchable, and small); fixed ids and no date make the file the
    # same on every run, so a committed picture changes only when the figure does.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "ledarskap"}):
        figure.savefig(buffer, format=file_format, dpi=dpi, metadata=metadata)
    return buffer.getvalue()
