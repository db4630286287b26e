"""``python -m ledarskap``: the ``ledarskap`` command (``python -m ledarskap --help``)."""

import sys

from ledarskap.cli import main

sys.exit(main())
