"""What a Swedish message must not hold: the English words of the library's messages."""

from __future__ import annotations

import re

ENGLISH = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "be",
        "but",
        "by",
        "cannot",
        "column",
        "did",
        "does",
        "either",
        "empty",
        "ending",
        "expected",
        "file",
        "for",
        "found",
        "from",
        "give",
        "has",
        "have",
        "is",
        "it",
        "its",
        "key",
        "list",
        "map",
        "match",
        "mean",
        "missing",
        "must",
        "name",
        "newer",
        "no",
        "none",
        "not",
        "number",
        "object",
        "of",
        "one",
        "or",
        "read",
        "row",
        "sheet",
        "should",
        "than",
        "that",
        "the",
        "this",
        "to",
        "too",
        "unknown",
        "upgrade",
        "value",
        "whole",
        "with",
        "without",
        "would",
        "you",
    ]
)
"""Words of the library's English messages that Swedish never uses as they are."""

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\$\S*")


def english_words(text: str) -> list[str]:
    """The English words in *text*, outside what it quotes (values, keys) and its JSON paths.

    >>> english_words("$.a: förväntade en lista, fick 'the list'")
    []
    >>> english_words("people[0].given_name: förväntade text, fick talet 3")
    []
    >>> english_words("$.a: expected a list, found none")
    ['expected', 'a', 'list', 'found', 'none']
    """
    tokens = re.findall(r"[\w.\[\]=/-]+", _QUOTED.sub(" ", text))
    # A key path (people[0].given_name), a name (cohort_id=) or the values a cell may hold
    # (yes/no) are data, not words.
    words = [t.strip(".") for t in tokens if not re.search(r"[\w.][._\[=/]|\d", t.strip("."))]
    return [word for word in words if word.casefold() in ENGLISH]
