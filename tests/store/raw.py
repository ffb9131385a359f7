"""Reading and writing a store file's plain bytes in tests, whether the folder is encrypted
or not (tests that damage or inspect files work on both)."""

from __future__ import annotations

from pathlib import Path

from assistant.store import crypto


def plain(path: Path) -> bytes:
    """The file's bytes, opened if sealed."""
    return crypto.read_plain(path)


def write(path: Path, data: bytes) -> None:
    """Write `data` as Haave would there: sealed inside an encrypted data folder."""
    path.write_bytes(crypto.seal_for(path, data))
