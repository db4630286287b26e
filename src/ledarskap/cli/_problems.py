"""Problems as JSON-ready data, for the commands' ``--format json`` output."""

from __future__ import annotations

from typing import Any

from ledarskap.errors import Problem

__all__ = ["problem_data"]


def problem_data(problem: Problem) -> dict[str, Any]:
    """*problem* as data: where (source, row, column, line, path), code, message, hint.

    ``message`` and ``hint`` are English (stable, for tools); ``message_sv`` and
    ``hint_sv`` their Swedish (``null`` where none is known).
    """
    return {
        "source": problem.source,
        "row": problem.row,
        "column": problem.column,
        "line": problem.line,
        "path": problem.path,
        "code": problem.code,
        "message": problem.message,
        "hint": problem.hint,
        "message_sv": problem.message_sv,
        "hint_sv": problem.hint_sv,
        "text": str(problem),
    }
