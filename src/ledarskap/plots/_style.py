"""The look every figure shares: colours, type sizes, tidy axes and labelled bars.

Colours are from the Okabe–Ito palette, which readers with the common colour-vision
deficiencies tell apart; the bar of each category carries its count as text, so no
reading depends on colour alone. Styles are passed to each artist, not set in matplotlib's
global ``rcParams``: drawing a figure changes nothing for the caller's own figures.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "BLUE",
    "GREEN",
    "GREY",
    "ORANGE",
    "PINK",
    "SKY",
    "TEXT",
    "VERMILION",
    "bar_height",
    "horizontal_bars",
    "swedish_order",
    "tidy",
    "title",
    "wrapped",
]

BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
PINK = "#CC79A7"
GREY = "#8C8C8C"
TEXT = "#222222"

TITLE_SIZE = 12
LABEL_SIZE = 10
TICK_SIZE = 9
_BAR_ROW = 0.32  # inches per bar of a horizontal bar chart
_FRAME = 1.3  # inches above and below the bars: title, axis label, margins


# Swedish alphabetical order puts å, ä and ö after z, in that order; é sorts as e, ü as y.
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "é": "e", "ü": "y"})


def swedish_order(text: str) -> str:
    """A sort key for *text* in Swedish alphabetical order (Ödeshög after Åtvidaberg).

    >>> sorted(["Ödeshög", "Älmhult", "Åtvidaberg", "Boxholm"], key=swedish_order)
    ['Boxholm', 'Åtvidaberg', 'Älmhult', 'Ödeshög']
    """
    return text.casefold().translate(_SWEDISH)


def bar_height(rows: int) -> float:
    """The height in inches of a figure of *rows* horizontal bars."""
    return _FRAME + _BAR_ROW * max(rows, 1)


def wrapped(label: str, width: int = 38) -> str:
    """*label* broken into lines of at most *width* characters (a long one kept whole)."""
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def title(axes: Axes, text: str, subtitle: str = "", *, pad: float = 6) -> None:
    """Set the title of *axes*: *text* in bold, *subtitle* (the cohort) beside it.

    *pad* is the space in points between the title and the top of the axes.
    """
    full = f"{text} – {subtitle}" if subtitle else text
    axes.set_title(full, loc="left", fontsize=TITLE_SIZE, fontweight="bold", color=TEXT, pad=pad)


def tidy(axes: Axes, *, grid: str = "x") -> None:
    """Plain axes: no top or right frame, light grid lines on *grid*, readable ticks."""
    axes.spines[["top", "right"]].set_visible(False)
    axes.spines[["left", "bottom"]].set_color(GREY)
    axes.tick_params(labelsize=TICK_SIZE, colors=TEXT)
    axes.tick_params(color=GREY)
    axes.set_axisbelow(True)
    axes.grid(axis=grid, color="#DDDDDD", linewidth=0.8)  # type: ignore[arg-type]


def horizontal_bars(
    axes: Axes,
    labels: Sequence[str],
    counts: Sequence[int],
    *,
    colours: str | Sequence[str] = BLUE,
    axis_label: str,
) -> None:
    """One bar per label, top to bottom in the order given, each with its count beside it.

    A category with the count 0 keeps its row (a label and "0"), so an empty group shows.
    """
    rows = list(range(len(labels)))
    axes.barh(rows, counts, color=colours, height=0.65)
    axes.set_yticks(rows, labels)
    axes.invert_yaxis()
    top = max(counts, default=0)
    axes.set_xlim(0, max(top * 1.12, 1))
    for row, count in zip(rows, counts, strict=True):
        axes.annotate(
            str(count),
            (count, row),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=TICK_SIZE,
            color=TEXT,
        )
    axes.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    axes.set_xlabel(axis_label, fontsize=LABEL_SIZE, color=TEXT)
    tidy(axes, grid="x")
    axes.tick_params(axis="y", length=0)
