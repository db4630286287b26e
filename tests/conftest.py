"""Shared test configuration: the hypothesis profiles.

Locally hypothesis explores new examples each run; under CI (``CI`` set) it is
derandomized, so a run is reproducible and a failure can be replayed. Neither profile
has a deadline: timing belongs to the benchmarks, not the tests.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
