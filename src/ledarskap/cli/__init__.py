"""The ``ledarskap`` command: the program's data from a terminal.

``ledarskap validate FILE``, ``eligibility FILE``, ``import SHEET --kind … --into FILE``,
``export FILE --format …``, ``schema``, ``summary FILE`` and ``demo``; ``ledarskap
--help`` lists them and every command has ``--help``. ``python -m ledarskap`` runs the
same. See :doc:`/cli` for every command, its options, its JSON output and its exit
statuses.

Each command's machinery is imported when it runs, so ``ledarskap --help`` starts about
as fast as Python itself with attrs.

.. versionadded:: 0.3
"""

from ._main import BROKEN_PIPE, ERROR_FORMAT, INTERRUPTED, OK, PROBLEMS, USAGE, main

__all__ = ["BROKEN_PIPE", "ERROR_FORMAT", "INTERRUPTED", "OK", "PROBLEMS", "USAGE", "main"]
