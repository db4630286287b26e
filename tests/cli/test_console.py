"""The console: every line and every JSON string masked, in the console's language."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from ledarskap.cli._console import Console, masked
from ledarskap.text import Text
from tests._hostile import PERSONNUMMER, assert_masked

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=20)
    | st.sampled_from(PERSONNUMMER),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=5) | st.sampled_from(PERSONNUMMER), inner, max_size=4)
    ),
    max_leaves=12,
)


def _console(language: str = "en") -> Console:
    return Console(
        stdout=io.StringIO(), stderr=io.StringIO(), language="sv" if language == "sv" else "en"
    )


@given(json_values)
def test_no_personnummer_reaches_the_json_output(data: object) -> None:
    """Law: whatever data a command gives, its JSON output shows no personnummer in full,
    and it is still JSON of the same shape."""
    console = _console()
    console.json(data)
    text = console.stdout.getvalue()  # type: ignore[attr-defined]
    assert_masked(text)
    assert json.loads(text) == masked(data)


@given(st.sampled_from(PERSONNUMMER), st.text(max_size=20))
def test_no_personnummer_reaches_a_line_or_a_message(number: str, around: str) -> None:
    console = _console()
    console.print(f"{around}{number}{around}")
    console.error(f"{number} {around}")
    assert_masked(console.stdout.getvalue())  # type: ignore[attr-defined]
    assert_masked(console.stderr.getvalue())  # type: ignore[attr-defined]


def test_the_console_speaks_its_language() -> None:
    text = Text("Hej {name}", "Hello {name}")
    assert _console("sv").say(text, name="Anna") == "Hej Anna"
    assert _console("en").say(Text("Hej", "Hello")) == "Hello"
