"""Problems found in a rule or a rule-set file: where (file, line, path), what, and a hint.

A :class:`RuleProblem` is a :class:`~ledarskap.errors.Problem` with the parts of its
location kept apart, so that an editor or a test can point at the line. Loading collects
every problem of a file and raises one :class:`~ledarskap.errors.RuleError` with all of them.

.. versionadded:: 0.2
"""

from __future__ import annotations

from ledarskap.errors import Problem, mask_personal_data

__all__ = ["RuleProblem"]


class RuleProblem(Problem):
    """A problem in a rule set, with the parts of its location apart.

    ``source`` (file), ``line`` (1-based, when the format gives it), ``path``
    (``rules[2].when``), ``column`` within an expression, and ``hint`` ("did you mean …?").
    """

    __slots__ = ("_where",)

    def __init__(
        self,
        message: str,
        *,
        code: str,
        source: str | None = None,
        line: int | None = None,
        path: str = "",
        column: int | None = None,
        hint: str | None = None,
        excerpt: str | None = None,
    ) -> None:
        where = source or ("<rules>" if line is not None else "")
        if line is not None:
            where += f":{line}"
        if path:
            where = f"{where}: {path}" if where else path
        where = where or "<rules>"
        super().__init__(path, message, code, hint=hint, excerpt=excerpt)
        self.source = source
        self.line = line
        self.column = column
        self._where = mask_personal_data(where)

    @property
    def location(self) -> str:
        """Where, as a rule set's problems have always written it."""
        return self._where
