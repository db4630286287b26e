"""``python -m ledarskap [PATH]``: summarise a program document (by default, the example)."""

import sys

from ledarskap.demo import main

sys.exit(main())
