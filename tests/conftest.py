"""Shared test configuration: the hypothesis profiles.

Locally hypothesis explores new examples each run; under CI (``CI`` set) it is
derandomized, so a run is reproducible and a failure can be replayed. Neither profile
has a deadline: timing belongs to the benchmarks, not the tests. Without a deadline,
Hypothesis's ``too_slow`` health check allows 30 seconds (not 1) for the first ten
examples, so it stays on: it only fails a test whose data is pathologically slow to
generate, which a loaded CI machine does not cause.
"""

import os

from hypothesis import settings

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
