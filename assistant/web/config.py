"""What `haave serve` was asked to do, checked before anything listens.

The rules: loopback only, unless a facilitator's passcode protects the pages; beyond loopback
also TLS (`--cert/--key`), because on a plain-HTTP LAN anyone on the network reads the
passcode and the answers, unless the operator says `--insecure-lan`. The passcode comes from a
file or the environment, never from the command line (it would show in `ps`).
"""

from __future__ import annotations

import ipaddress
import os
import ssl
import stat
from dataclasses import dataclass, field
from pathlib import Path

from assistant.web import TOKEN_ENV

#: A passcode a facilitator can still type on a tablet, with sign-in attempts bounded.
MIN_TOKEN_LENGTH = 12

LOOPBACK_NAMES = frozenset({"localhost", "localhost.", "ip6-localhost"})
WILDCARDS = frozenset({"0.0.0.0", "::", ""})  # noqa: S104 - names to recognise, not to bind


class ConfigError(ValueError):
    """The server cannot start as asked; the message says what to do."""


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback IP addresses (127.0.0.0/8, ::1)."""
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class WebConfig:
    """The checked settings of one server."""

    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path | None = None
    dialogue: str | None = None
    """The dialogue a new session follows unless the page chooses another."""
    token: str | None = None
    cert: Path | None = None
    key: Path | None = None
    insecure_lan: bool = False
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)
    """Host names the pages answer to beyond the bound address (for a LAN name)."""
    speech_command: tuple[str, ...] = ("espeak-ng", "--stdout", "-v", "{voice}")
    """Makes a WAV from text on stdin, for devices without a voice of the language."""

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def tls(self) -> bool:
        return self.cert is not None

    def ssl_context(self) -> ssl.SSLContext | None:
        if self.cert is None or self.key is None:
            return None
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        try:
            context.load_cert_chain(self.cert, self.key)
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(f"cannot read the certificate or key: {exc}") from exc
        return context

    def host_allowed(self, hostname: str) -> bool:
        """Whether a request's Host names this server (a DNS-rebinding guard)."""
        hostname = hostname.strip().strip("[]").lower().rstrip(".")
        if self.loopback:
            return is_loopback(hostname)
        if hostname in self.allowed_hosts or is_loopback(hostname):
            return True
        if self.host in WILDCARDS:
            return True  # any name: the passcode protects every page
        return hostname == self.host.strip("[]").lower()


def read_token(token_file: Path | None, environ: dict[str, str] | None = None) -> str | None:
    """The passcode from `--token-file`, else from $HAAVE_SERVE_TOKEN; None when neither."""
    environ = dict(os.environ) if environ is None else environ
    if token_file is not None:
        try:
            mode = token_file.stat().st_mode
            text = token_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read --token-file {str(token_file)!r}: {exc}") from exc
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(
                f"--token-file {str(token_file)!r} can be read by others: chmod 600 it"
            )
        token = text.strip()
    else:
        token = environ.get(TOKEN_ENV, "").strip()
    if not token:
        return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise ConfigError(f"the passcode must be at least {MIN_TOKEN_LENGTH} characters long")
    return token


def check(config: WebConfig) -> WebConfig:
    """Raise `ConfigError` unless the server may start as configured."""
    if not 0 < config.port < 65536:
        raise ConfigError(f"port {config.port} is out of range (1-65535)")
    if (config.cert is None) != (config.key is None):
        raise ConfigError("give both --cert and --key, or neither")
    for path in (config.cert, config.key):
        if path is not None and not path.is_file():
            raise ConfigError(f"no such file: {path}")
    if config.data_dir is not None and config.data_dir.exists() and not config.data_dir.is_dir():
        raise ConfigError(f"--data-dir {str(config.data_dir)!r} is not a folder")
    if config.loopback:
        return config
    if not config.token:
        raise ConfigError(
            f"refusing to listen on {config.host!r} without a passcode: put one in a file "
            f"(--token-file) or in ${TOKEN_ENV}, or use --host 127.0.0.1"
        )
    if not config.tls and not config.insecure_lan:
        raise ConfigError(
            f"refusing to listen on {config.host!r} without TLS: on plain HTTP anyone on the "
            "network can read the passcode and the answers. Give --cert and --key, or "
            "--insecure-lan if you accept that"
        )
    return config
