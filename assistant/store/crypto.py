"""Encryption at rest: one key per data folder, wrapped by a passphrase.

The data folder's key (256 random bits) never touches the disk in the clear. It is kept in
`haave-key.json` (and the same in `haave-key.json.copy`), wrapped with AES-256-GCM under a
key derived from the passphrase with Argon2id (parameters and salt in the file). Changing
the passphrase re-wraps this key only; the data is not touched.

Every file Haave writes inside an encrypted data folder (sessions, their backups, damaged
copies set aside, the index, exports kept there) is sealed with AES-256-GCM under the folder
key: ``MAGIC | version | key id (8) | nonce (12) | ciphertext + tag``, the first 30 bytes
being the associated data. `files.atomic_write` seals and `storage.decode` opens, by the
file's place: a file inside an unlocked data folder is sealed; anywhere else (an export the
user chose to put elsewhere) it is written as it is. Callers do not change.

No home-made crypto: the `cryptography` package's Argon2id and AESGCM do the work.
The unlocked keys live only in this process's memory (`unlocked`), one per data folder.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.store.errors import (
    KeyDamaged,
    NewerVersionError,
    PassphraseNeeded,
    StoreError,
    WrongPassphrase,
)

ENV_PASSPHRASE_FILE = "HAAVE_PASSPHRASE_FILE"  # noqa: S105 - a variable name, not a secret
KEY_FILE = "haave-key.json"
KEY_COPY = "haave-key.json.copy"
KEY_FORMAT = "haave-key"
KEY_SCHEMA = 1

MAGIC = b"HAAVE-ENC"
VERSION = 1
KEY_ID_BYTES = 8
NONCE_BYTES = 12
HEADER_BYTES = len(MAGIC) + 1 + KEY_ID_BYTES + NONCE_BYTES
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes, lanes."""

    memory_kib: int
    iterations: int
    lanes: int


#: RFC 9106's second recommended Argon2id setting (64 MiB, 3 passes, 4 lanes): about 0.2 s
#: on a laptop. Kept in each key file, so it can be raised for new folders later.
RECOMMENDED_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
#: The setting new keys get (tests make it cheaper for speed; see tests/conftest.py).
NEW_KEY_KDF = RECOMMENDED_KDF
#: A key file asking for more than this is refused (a crafted file must not eat the memory).
MAX_KDF = KdfParams(memory_kib=4 * 1024 * 1024, iterations=64, lanes=64)


class SealBroken(Exception):
    """A sealed file that does not open with the folder's key (damaged or foreign)."""


class Vault:
    """The unlocked key of one data folder: seals and opens files."""

    def __init__(self, root: Path, key: bytes, key_id: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # deferred: start-up

        self.root = root
        self.key_id = key_id
        self._aead = AESGCM(key)

    def seal(self, data: bytes) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        header = MAGIC + bytes([VERSION]) + self.key_id + nonce
        return header + self._aead.encrypt(nonce, data, header)

    def open(self, path: Path, data: bytes) -> bytes:
        """The plain bytes of a sealed file. Raises `SealBroken`, or NewerVersionError."""
        if len(data) < HEADER_BYTES + 16:
            raise SealBroken("the encrypted file is cut short")
        version = data[len(MAGIC)]
        if version > VERSION:
            raise NewerVersionError(path, version, VERSION)
        header = data[:HEADER_BYTES]
        if header[len(MAGIC) + 1 : len(MAGIC) + 1 + KEY_ID_BYTES] != self.key_id:
            raise SealBroken("the file was encrypted with another data folder's key")
        from cryptography.exceptions import InvalidTag

        try:
            return self._aead.decrypt(header[-NONCE_BYTES:], data[HEADER_BYTES:], header)
        except InvalidTag:
            raise SealBroken("the encrypted file is damaged") from None


#: Unlocked data folders of this process: real path of the folder -> its vault.
unlocked: dict[str, Vault] = {}


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def real(path: Path) -> str:
    return os.path.realpath(path)


def is_encrypted(root: Path) -> bool:
    """True when the data folder has a key (it is encrypted, or being encrypted)."""
    return (root / KEY_FILE).exists() or (root / KEY_COPY).exists()


def vault_of(path: Path) -> Vault | None:
    """The unlocked vault of the data folder holding `path`, if any."""
    if not unlocked:
        return None
    where = real(path.parent) + os.sep
    for root, vault in unlocked.items():
        if where.startswith(root + os.sep):
            return vault
    return None


def encrypted_root_of(path: Path) -> Path | None:
    """The encrypted data folder holding `path` (found by its key file), if any."""
    # Plain strings, not pathlib: this runs on every save (a third of a plain save's cost).
    here = real(path.parent)
    while True:
        if os.path.exists(os.path.join(here, KEY_FILE)) or os.path.exists(
            os.path.join(here, KEY_COPY)
        ):
            return Path(here)
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def seal_for(path: Path, data: bytes) -> bytes:
    """The bytes to write at `path`: sealed inside an encrypted data folder, else as they are.

    Raises `PassphraseNeeded` for a path inside an encrypted folder that is not unlocked, so
    nothing is ever written there in the clear."""
    vault = vault_of(path)
    if vault is not None:
        return vault.seal(data)
    root = encrypted_root_of(path)
    if root is not None:
        raise PassphraseNeeded(root)
    return data


def open_for(path: Path, data: bytes) -> bytes:
    """The plain bytes of a file read from `path` (sealed or not). Raises `SealBroken`."""
    if not is_sealed(data):
        return data
    vault = vault_of(path)
    if vault is None:
        root = encrypted_root_of(path)
        raise PassphraseNeeded(root or path.parent)
    return vault.open(path, data)


def read_plain(path: Path) -> bytes:
    """A file's bytes, opened if sealed (for showing an export kept in the data folder)."""
    return open_for(path, path.read_bytes())


# -- the key file ------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any) -> bytes:
    if not isinstance(value, str):
        raise ValueError("not text")
    return base64.b64decode(value.encode("ascii"), validate=True)


def _kek(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    return Argon2id(
        salt=salt,
        length=32,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(passphrase.encode("utf-8"))


def _wrap(key: bytes, key_id: bytes, passphrase: str, kdf: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(NONCE_BYTES)
    aad = f"{KEY_FORMAT}:{KEY_SCHEMA}:".encode() + key_id
    wrapped = AESGCM(_kek(passphrase, salt, kdf)).encrypt(nonce, key, aad)
    doc = {
        "format": KEY_FORMAT,
        "schema": KEY_SCHEMA,
        "note": (
            "The key of this Haave data folder, locked with its passphrase. Without the "
            "passphrase the sessions cannot be read. Do not delete or edit this file."
        ),
        "kdf": {
            "name": "argon2id",
            "memory_kib": kdf.memory_kib,
            "iterations": kdf.iterations,
            "lanes": kdf.lanes,
            "salt": _b64(salt),
        },
        "cipher": "aes-256-gcm",
        "key_id": _b64(key_id),
        "nonce": _b64(nonce),
        "wrapped_key": _b64(wrapped),
    }
    return json.dumps(doc, indent=2).encode() + b"\n"


@dataclass(frozen=True)
class _KeyDoc:
    raw: bytes
    key_id: bytes
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams


def _parse(raw: bytes, path: Path) -> _KeyDoc:
    """A key file's fields. Raises ValueError (damaged) or NewerVersionError."""
    doc = json.loads(raw)
    if not isinstance(doc, dict) or doc.get("format") != KEY_FORMAT:
        raise ValueError("not a Haave key file")
    schema = doc.get("schema")
    if not isinstance(schema, int):
        raise ValueError("no schema version")
    if schema > KEY_SCHEMA:
        raise NewerVersionError(path, schema, KEY_SCHEMA)
    kdf = doc.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise ValueError("unknown key derivation")
    params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
    if not (
        8 * params.lanes <= params.memory_kib <= MAX_KDF.memory_kib
        and 1 <= params.iterations <= MAX_KDF.iterations
        and 1 <= params.lanes <= MAX_KDF.lanes
    ):
        raise ValueError("key derivation settings out of range")
    if doc.get("cipher") != "aes-256-gcm":
        raise ValueError("unknown cipher")
    return _KeyDoc(
        raw=raw,
        key_id=_unb64(doc["key_id"]),
        salt=_unb64(kdf["salt"]),
        nonce=_unb64(doc["nonce"]),
        wrapped=_unb64(doc["wrapped_key"]),
        kdf=params,
    )


def _unwrap(doc: _KeyDoc, passphrase: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aad = f"{KEY_FORMAT}:{KEY_SCHEMA}:".encode() + doc.key_id
    try:
        key = AESGCM(_kek(passphrase, doc.salt, doc.kdf)).decrypt(doc.nonce, doc.wrapped, aad)
    except InvalidTag:
        return None
    return key if len(key) == 32 else None


def _write_key_files(root: Path, data: bytes) -> None:
    """The copy first, then the key: a crash between leaves two files that both open."""
    from assistant.store.durable import atomic_write_plain

    atomic_write_plain(root / KEY_COPY, data)
    atomic_write_plain(root / KEY_FILE, data)


def create_key(root: Path, passphrase: str, kdf: KdfParams | None = None) -> Vault:
    """Give a data folder a new key locked with `passphrase`; returns it unlocked."""
    check_new_passphrase(passphrase)
    if is_encrypted(root):
        raise StoreError(f"the data folder {root} has a key already")
    key = secrets.token_bytes(32)
    key_id = secrets.token_bytes(KEY_ID_BYTES)
    _write_key_files(root, _wrap(key, key_id, passphrase, kdf or NEW_KEY_KDF))
    vault = Vault(root, key, key_id)
    unlocked[real(root)] = vault
    return vault


def unlock(root: Path, passphrase: str) -> Vault:
    """Open the data folder's key with the passphrase and keep it in this process's memory.

    Raises `WrongPassphrase`, `KeyDamaged`, or NewerVersionError. A key file and copy that
    differ (a crash while the passphrase was changed) are made the same again: the one the
    passphrase opens wins."""
    docs: list[tuple[Path, _KeyDoc]] = []
    reasons: list[str] = []
    for name in (KEY_FILE, KEY_COPY):
        path = root / name
        try:
            docs.append((path, _parse(path.read_bytes(), path)))
        except FileNotFoundError:
            reasons.append(f"{name} is missing")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            reasons.append(f"{name}: {exc}")
    if not docs:
        raise KeyDamaged(root, "; ".join(reasons))
    for path, doc in docs:
        key = _unwrap(doc, passphrase)
        if key is None:
            continue
        others = [d for p, d in docs if p != path]
        if len(docs) < 2 or any(d.raw != doc.raw for d in others):
            with contextlib.suppress(OSError):
                _write_key_files(root, doc.raw)
        vault = Vault(root, key, doc.key_id)
        unlocked[real(root)] = vault
        return vault
    raise WrongPassphrase(root)


def change_passphrase(root: Path, old: str, new: str) -> None:
    """Re-wrap the folder's key under a new passphrase. The data is not touched."""
    check_new_passphrase(new)
    vault = unlock(root, old)
    doc = _parse((root / KEY_FILE).read_bytes(), root / KEY_FILE)
    key = _unwrap(doc, old)
    if key is None:  # pragma: no cover - unlock() has just opened it
        raise WrongPassphrase(root)
    _write_key_files(root, _wrap(key, vault.key_id, new, NEW_KEY_KDF))


def forget(root: Path | None = None) -> None:
    """Drop the unlocked key of one data folder (or all) from this process's memory."""
    if root is None:
        unlocked.clear()
    else:
        unlocked.pop(real(root), None)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError(
            f"the passphrase is too short: use at least {MIN_PASSPHRASE} characters, for "
            "example a few words you will remember"
        )


def passphrase_from_env() -> str | None:
    """The passphrase in the file `HAAVE_PASSPHRASE_FILE` names (for tests and servers)."""
    name = os.environ.get(ENV_PASSPHRASE_FILE)
    if not name:
        return None
    path = Path(name).expanduser()
    try:
        st = path.stat()
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError(
            f"cannot read the passphrase file {path} ({exc.strerror or exc}); "
            f"check {ENV_PASSPHRASE_FILE}"
        ) from None
    if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise StoreError(
            f"the passphrase file {path} can be read by other users; make it private with: "
            f"chmod 600 '{path}'"
        )
    text = raw.decode("utf-8", errors="strict").rstrip("\r\n")
    if not text:
        raise StoreError(f"the passphrase file {path} is empty")
    return text


def vault_for_root(root: Path, *, new: bool, encrypt_new: bool = True) -> Vault | None:
    """The vault a store opened on `root` uses: None for a plain folder.

    An encrypted folder is unlocked from memory or `HAAVE_PASSPHRASE_FILE`; a `new` folder
    gets a key when `encrypt_new` (the default). Raises `PassphraseNeeded` when no passphrase
    is at hand."""
    vault = unlocked.get(real(root))
    if vault is not None:
        if is_encrypted(root):
            return vault
        forget(root)  # the folder was replaced meanwhile: that key is not its key
    if is_encrypted(root):
        passphrase = passphrase_from_env()
        if passphrase is None:
            raise PassphraseNeeded(root)
        return unlock(root, passphrase)
    if new and encrypt_new:
        passphrase = passphrase_from_env()
        if passphrase is None:
            raise PassphraseNeeded(root, new=True)
        return create_key(root, passphrase)
    return None
