"""Cross-record validation: every rule no single record can check, reported all at once.

:func:`validate` checks a whole :class:`~ledarskap.model.ProgramData` (dangling and
repeated ids, the mentor rules, capacities, dates and overlaps) and returns a
:class:`ValidationReport` of :class:`Finding` values, each with a stable code from
:data:`MESSAGES`, a :class:`Severity`, a location and a message in Swedish and English.
This layer is pure: it reads no files and keeps no state.

>>> import ledarskap
>>> report = ledarskap.validate(ledarskap.example_program())
>>> print(report.render("en"))
Validation: 0 errors, 0 warnings: no problems.

.. versionadded:: 0.1
"""

from .checks import validate
from .messages import MESSAGES, Message, Severity, catalogue_markdown
from .report import Finding, ValidationError, ValidationReport

__all__ = [
    "MESSAGES",
    "Finding",
    "Message",
    "Severity",
    "ValidationError",
    "ValidationReport",
    "catalogue_markdown",
    "validate",
]
