"""What the figure tests read: the bars drawn, the figure as SVG text, no personal data in it."""

from __future__ import annotations

import re

from hypothesis import settings
from matplotlib.figure import Figure

from ledarskap.model import ProgramData
from ledarskap.plots._matplotlib import render
from tests._hostile import EXAMPLES

FIGURE_LAWS = settings(max_examples=max(5, EXAMPLES // 12), deadline=None)
"""Laws that draw figures (slow: a figure is rendered): 5 examples in ``make test``, 50 in
a full sweep (``LEDARSKAP_SWEEP_EXAMPLES=600``)."""


def bars(figure: Figure, index: int = 0) -> dict[str, int]:
    """Each bar of the figure's *index*-th axes: its label (lines joined) and its length."""
    axes = figure.axes[index]
    labels = [t.get_text().replace("\n", " ") for t in axes.get_yticklabels()]
    widths = [round(p.get_width()) for p in axes.patches]  # type: ignore[attr-defined]
    return dict(zip(labels, widths, strict=True))


def svg_text(figure: Figure) -> str:
    """The SVG of *figure*: its labels stay text there (``svg.fonttype = "none"``)."""
    return render(figure, "svg", 72).decode("utf-8")


def shown_text(figure: Figure) -> list[str]:
    """Every text the SVG shows, as the text elements hold it."""
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match)).strip()
        for match in re.findall(r"<text\b[^>]*>(.*?)</text>", svg_text(figure), re.DOTALL)
    ]


def assert_no_personal_data(figure: Figure, data: ProgramData) -> None:
    """No name, e-mail address or personnummer of anyone in *data* is in *figure*'s SVG."""
    svg = svg_text(figure)
    for person in data.people:
        for name in (f"{person.given_name} {person.family_name}", person.family_name):
            assert not re.search(rf"\b{re.escape(name)}\b", svg), name
        if person.email:
            assert person.email not in svg
        if person.personnummer is not None:
            whole = person.personnummer.reveal()  # YYYYMMDD-NNNN
            for form in (whole, whole.replace("-", ""), whole[2:], whole[2:].replace("-", "")):
                assert form not in svg
