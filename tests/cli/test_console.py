"""The console: every line and every JSON string masked, in the console's language."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ledarskap.cli._console import Console, masked
from ledarskap.text import Text
from tests._hostile import PERSONNUMMER, assert_masked

from ._run import EXAMPLE, run

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


_CONTROL = st.characters(
    codec="utf-8",
    categories=("Cc", "Cf"),
    exclude_characters="\n\t",
)


@given(st.text(max_size=10), _CONTROL, st.text(max_size=10))
def test_no_control_character_reaches_the_terminal(before: str, control: str, after: str) -> None:
    """Law: a control character (an escape sequence's start, a bell, a bidirectional
    override) from a file or an argument is shown as its escape, in lines, messages and
    JSON (which reads back as it was given, masked)."""
    text = f"{before}{control}{after}"
    console, as_json = _console(), _console()
    console.print(text)
    console.error(text)
    as_json.json({"name": text})
    out, err = console.stdout.getvalue(), console.stderr.getvalue()  # type: ignore[attr-defined]
    data = as_json.stdout.getvalue()  # type: ignore[attr-defined]
    assert json.loads(data) == masked({"name": text})
    for written in (out, err, data):
        assert [c for c in written if _drives_a_terminal(c)] == []


def _drives_a_terminal(c: str) -> bool:
    bidirectional = 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069
    return bidirectional or (unicodedata.category(c) == "Cc" and c not in "\n\t")


def test_a_document_cannot_drive_the_terminal(tmp_path: Path) -> None:
    """A program named with an escape sequence is summarised with the sequence escaped."""
    document = json.loads(Path(EXAMPLE).read_text(encoding="utf-8"))
    document["program"]["name"] = "Prog \x1b[2J\x1b]0;pwned\x07"
    path = tmp_path / "esc\x1b[31m.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = run("summary", str(path))
    assert result.code == 0, result
    assert "\x1b" not in result.out
    assert "\x07" not in result.out
    assert "Prog \\x1b[2J\\x1b]0;pwned\\x07" in result.out
    missing = run("validate", str(tmp_path / "gone\x1b]0;x\x07.json"))
    assert missing.code == 2
    assert "\x1b" not in missing.err
