"""Code that type checkers read: the public API used rightly, and misspelt (tests/test_typing.py)."""
