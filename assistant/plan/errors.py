"""The plan room's error: an export that cannot be done, with a message a user can act on."""

from __future__ import annotations


class ExportError(Exception):
    """An export that cannot be done (unknown format, a file that cannot be written)."""
