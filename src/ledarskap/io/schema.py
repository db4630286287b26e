"""The JSON Schema (2020-12) of the program document."""

from __future__ import annotations

from typing import Any

__all__ = ["document_schema"]


def document_schema() -> dict[str, Any]:
    """The JSON Schema of the program document (placeholder until generated)."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}
