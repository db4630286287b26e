"""Every message the library words has its Swedish: no English alone where an error is made.

The library's errors and problems carry their message in English and Swedish
(:meth:`ledarskap.errors.LedarskapError.render`, :meth:`ledarskap.errors.Problem.render`);
one worded in English alone is shown in English under ``--lang sv``. This test reads the
source and finds every place a message is given as an English text literal (a string, an
f-string, a sum of them) to a call that makes an error or a problem, rather than a
:class:`~ledarskap.text.Text` with both wordings.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ledarskap

SOURCE = Path(ledarskap.__file__).parent

# The calls that take a message, and which of their arguments are worded: a position, or a
# keyword. Each is the library's error or problem, or a function that passes its message on
# to one.
WORDED: dict[str, tuple[int | str, ...]] = {
    "Problem": (1, "message", "hint"),
    "add": (1, "message", "hint"),  # Problems.add; a set's add takes one argument
    "raise_if_any": (1, "summary"),
    "LedarskapError": (0,),
    "UsageError": (0,),
    "InvalidValueError": ("expected", "hint"),
    "InvalidPersonnummerError": ("expected", "hint"),
    "UnknownReferenceError": ("expected", "hint"),
    "FieldError": (0, "expected", "hint"),
    "ProblemsError": (0, "summary"),
    "DocumentError": (0, "summary"),
    "FormatVersionError": (0, "summary"),
    "RuleError": (0, "summary"),
    "ValidationError": (0, "summary"),
    "FileAccessError": (2, "reason"),
    "MissingDependencyError": (2, "feature"),
    "problem_at": (1, "message", "hint"),
    "report": (1, 3, "message", "hint"),
    "problem": (2, 4, "message", "hint"),
    "Broken": (0,),  # eligibility._meaning: a rule that could not be read
    "ReadError": (0,),  # eligibility._tokenizer: a rule's text that cannot be read
    "expect": (1,),  # eligibility._parser: what the rule's text should have next
    "_cannot": (0,),  # eligibility._evaluation: a rule that cannot be evaluated
    "_enum_type": (2,),  # eligibility.valuetypes: what a value of the type is called
    "_catalog": (1,),  # eligibility.valuetypes: likewise
    "instance_of": (1, "description"),  # model._checks: what a field expects
    "not_before": ("description",),  # model._checks: likewise
    "instance": (3,),  # mentoring's Checked.instance(location, value, kind, expected)
    "refuse": (1, 3, "message", "hint"),  # io._sheet_cells.Cells.refuse(field, message, code, hint)
    "parsed": (2, "expected"),  # io._sheet_cells.Cells.parsed(field, parse, expected)
    "note": (2, "message"),  # io.rulecases._Checks.note(where, keys, message, code)
    "misfit": (2, 3, "message", "hint"),  # io._sheet_mapping: misfit(path, key, message, hint)
    "wrong": (1, "expected"),  # io._sheet_mapping: wrong(path, expected, value)
    "_too_large": (1, "message"),  # io._sheets._too_large(source, message)
    "_unreadable": (1, "reason"),  # io.spreadsheets._unreadable(label, reason)
    "_openpyxl": (0, "feature"),  # io._sheets._openpyxl(feature)
}


def _is_english(node: ast.expr) -> bool:
    """Whether *node* is text written out in one language: a literal, an f-string, a sum."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and any(c.isalpha() for c in str(part.value))
            for part in node.values
        )
    if isinstance(node, ast.BinOp):
        return _is_english(node.left) or _is_english(node.right)
    if isinstance(node, ast.IfExp):
        return _is_english(node.body) or _is_english(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_is_english(value) for value in node.values)
    return False


def _name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def english_alone(path: Path) -> list[str]:
    """Where in *path* a message is worded in English alone: ``line: call(argument)``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        if name not in WORDED:
            continue
        for which in WORDED[name]:
            if isinstance(which, int):
                arguments = node.args[which : which + 1]
            else:
                arguments = [k.value for k in node.keywords if k.arg == which]
            found += [
                f"{node.lineno}: {name}({ast.unparse(a)[:60]})" for a in arguments if _is_english(a)
            ]
    return found


MODULES = sorted(
    path for path in SOURCE.rglob("*.py") if "cli" not in path.relative_to(SOURCE).parts
)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_every_message_has_its_swedish(path: Path) -> None:
    assert english_alone(path) == []


def test_the_finder_finds_english_alone(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        'raise UsageError(f"give {x}")\n'
        'problems.add("$", "expected a text", hint=Text("a", "b"))\n'
        'raise InvalidValueError(location="x", expected=Text("a", "b"), found=1, hint="h")\n'
        "seen.add(name)\n"
        'raise UsageError(Text("ge", "give"))\n',
        encoding="utf-8",
    )
    assert english_alone(source) == [
        "1: UsageError(f'give {x}')",
        "2: add('expected a text')",
        "3: InvalidValueError('h')",
    ]
