"""Keep the developer's machine out of tests: a fixed locale, a temporary data folder,
no user configuration, and a passphrase file so encrypted data folders open without a prompt.

New data folders are encrypted in tests as in use. Keys made in this process use a cheap
Argon2id setting (kept in each key file, so subprocesses open them as quickly); a test in
`tests/store/test_crypto.py` checks the real setting for new folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.store import crypto

TEST_PASSPHRASE = "a test passphrase 4711"
FAST_KDF = crypto.KdfParams(memory_kib=1024, iterations=1, lanes=1)

ROOT = Path(__file__).resolve().parents[1]
DIALOGUES = ROOT / "dialogues"
EXAMPLE = DIALOGUES / "example"


@pytest.fixture(autouse=True)
def _isolated(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HAAVE_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("HAAVE_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.delenv("HAAVE_SERVE_TOKEN", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    secret = home / "passphrase"
    secret.write_text(TEST_PASSPHRASE + "\n")
    secret.chmod(0o600)
    monkeypatch.setenv("HAAVE_PASSPHRASE_FILE", str(secret))
    monkeypatch.setattr(crypto, "NEW_KEY_KDF", FAST_KDF)
    yield
    crypto.forget()
