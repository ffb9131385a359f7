"""Asking for the data folder's passphrase once, on a terminal, before the app starts.

`prepare(data_dir)` is called by `haave` before any command that reads sessions: for an
encrypted folder it asks the passphrase (three tries); for a new folder it explains, in
plain words, what the passphrase is for and that a forgotten one cannot be recovered, and
asks for a new one twice. The key then stays in this process's memory (`crypto.unlocked`),
so the app and the store open the folder without asking again. With
`HAAVE_PASSPHRASE_FILE` set, or without a terminal, it asks nothing (the store then reads
the file, or says what is missing).
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from assistant.store import crypto
from assistant.store.errors import PassphraseNeeded, StoreError, WrongPassphrase
from assistant.store.files import check_private_folder, ensure_dir, is_new_folder

Ask = Callable[[str], str]
Say = Callable[[str], None]

SETUP_TEXT = """\
Haave keeps the answers on this device locked with a passphrase.
Only someone who knows the passphrase can open them.

Choose a passphrase you will remember. A few words together are good.
Write it down and keep it in a safe place, not with this device.

Important: if the passphrase is forgotten, nobody can open the answers again.
Not you, not your organisation, not the makers of Haave.
"""

TRIES = 3


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def ask_new_passphrase(ask: Ask = getpass.getpass, say: Say = _say) -> str:
    """A new passphrase, typed twice. Raises StoreError after three failed tries."""
    for _ in range(TRIES):
        first = ask("New passphrase: ")
        try:
            crypto.check_new_passphrase(first)
        except StoreError as exc:
            say(f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
            continue
        if ask("The same passphrase again: ") == first:
            return first
        say("The two passphrases were not the same. Please try again.")
    raise StoreError("no new passphrase was set; nothing was changed")


def ask_passphrase(root: Path, ask: Ask = getpass.getpass, say: Say = _say) -> crypto.Vault:
    """Unlock the encrypted folder with a typed passphrase (three tries)."""
    for attempt in range(TRIES):
        try:
            return crypto.unlock(root, ask(f"Passphrase for {root}: "))
        except WrongPassphrase:
            if attempt + 1 < TRIES:
                say("That passphrase does not open the data folder. Please try again.")
    raise WrongPassphrase(root)


def prepare(
    root: Path,
    *,
    ask: Ask = getpass.getpass,
    say: Say = _say,
    interactive: bool | None = None,
) -> None:
    """Unlock (or set up) the data folder `root` before the store is opened."""
    if interactive is None:
        interactive = sys.stdin.isatty()
    if os.environ.get(crypto.ENV_PASSPHRASE_FILE) or not interactive:
        return
    if crypto.real(root) in crypto.unlocked:
        return
    if crypto.is_encrypted(root):
        ask_passphrase(root, ask, say)
    elif is_new_folder(root):
        say(SETUP_TEXT)
        passphrase = ask_new_passphrase(ask, say)
        crypto.create_key(ensure_dir(root), passphrase)
        say(f"The data folder {root} is now locked with your passphrase.")


def check_ready(root: Path) -> None:
    """Raise what opening the store would, without loading it: `UnsafeFolder`, or
    `PassphraseNeeded` when no passphrase is at hand (so the app never starts to fail)."""
    if root.exists():
        check_private_folder(root)
    if os.environ.get(crypto.ENV_PASSPHRASE_FILE) or crypto.real(root) in crypto.unlocked:
        return
    if crypto.is_encrypted(root):
        raise PassphraseNeeded(root)
    if is_new_folder(root):
        raise PassphraseNeeded(root, new=True)
