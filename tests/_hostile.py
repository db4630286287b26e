"""What the robustness sweeps share: the hostile pieces inputs are made of, and the check
that no personnummer is shown in full.

Every personnummer planted in the inputs is 19850312-2395, in every spelling python-stdnum
accepts and in near misses. :func:`assert_masked` looks for its digits with every
character that is not a letter or a digit taken out and digits of every script read as
digits: a check that does not use the masking's own pattern, so it can catch what that
pattern misses.
"""

from __future__ import annotations

import os
import re
import unicodedata

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("LEDARSKAP_SWEEP_EXAMPLES", "60"))
"""Examples a sweep test runs: a fast subset in ``make test``; set it to run many more."""

SWEEP = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

PERSONNUMMER = [
    "19850312-2395",
    "850312-2395",
    "850312+2395",
    "198503122395",
    "8503122395",
    "19850312:2395",
    "1985-03-12-2395",
    "85 03 12 23 95",
    "19850312 - 2395",
    "850312  -  2395",
    "850312–2395",
    "19850312—2395",
    "850312\u2212 2395",
    "850312\xa02395",
    "850312\u30002395",
    "１９８５０３１２-２３９５",
    "19850312-23951",
    "1985031223951",
]
"""The planted number in every spelling the library accepts, and near misses."""


class _Long(str):
    """A long piece, shown short: a strategy's repr lists every piece it samples from, and
    hypothesis warns (an error here) when a repr grows past some 30 kB."""

    piece: str
    times: int

    def __repr__(self) -> str:
        return f"{self.piece!r} * {self.times}"


def long(piece: str, times: int) -> str:
    """*piece* written *times* times over, shown short (:class:`_Long`)."""
    made = _Long(piece * times)
    made.piece, made.times = piece, times
    return made


COMMON_PIECES = [
    *PERSONNUMMER,
    "",
    " ",
    "\x00",
    "\ud800",
    "\udcff",
    "\x01\x1f\x7f",
    "'",
    '"',
    "\n",
    "\ufeff",
    long("9", 5000),
    long("1 ", 3000),
    "anna.berg@linkoping.se",
    "Linköping",
    "2025-09-01",
    "Förvaltningschef",
]
"""Pieces hostile to any reader; each sweep adds those of its own syntax."""

_NOT_ALPHANUMERIC = re.compile(r"[\W_]")


def assert_masked(text: str) -> None:
    """No personnummer in *text* in full (see the module's docstring for how it looks), and
    *text* can be written out: no lone surrogate (a file name that is not UTF-8 holds them)."""
    text.encode("utf-8")
    plain = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)
    assert "8503122395" not in _NOT_ALPHANUMERIC.sub("", plain), text[:300]
