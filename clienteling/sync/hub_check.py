"""First run: does this address answer as a hub this app can talk to?

Checks the address's form, that `/healthz` answers, that the hub speaks this app's
protocol, and says why a secure connection failed (expired, self-signed, wrong name) so
the first-run wizard can put it as a sentence. Plain http:// to another machine is
allowed (a store's own network) but flagged, so the wizard can warn.
"""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from clienteling.domain.errors import (
    HubError,
    HubTlsError,
    HubUnreachableError,
    UpdateNeededError,
    ValidationError,
)
from clienteling.protocol.models import PROTOCOL_VERSION
from clienteling.sync.client import HubClient

CHECK_TIMEOUT = httpx.Timeout(10.0, connect=5.0)

# OpenSSL's X509 verify codes the wizard explains in words.
_VERIFY_REASONS = {
    10: "expired",
    9: "not_yet_valid",
    18: "self_signed",
    19: "self_signed",
    20: "untrusted",
    21: "untrusted",
    62: "hostname",
}


@dataclass(frozen=True, slots=True)
class HubCheck:
    url: str  # normalised: no trailing slash
    version: str  # the hub's app version
    protocol_min: int | None
    protocol_max: int | None
    insecure: bool  # plain http:// to a host that is not this machine


def normalize_hub_url(text: str) -> str:
    """The address without surrounding spaces or a trailing slash. ValidationError unless
    it is http(s)://host[:port][/path]."""
    url = text.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        _port = parts.port  # raises on a port that is not a number
    except ValueError as exc:
        raise ValidationError(f"not a web address: {exc}") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError("the hub address starts with https:// (or http://) and a host")
    if parts.query or parts.fragment:
        raise ValidationError("the hub address has no ?query or #fragment")
    return url


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_insecure(url: str) -> bool:
    """http:// to another machine: passwords and customer data would cross the network
    readable by anyone on it."""
    parts = urlsplit(url)
    return parts.scheme == "http" and not is_loopback(parts.hostname or "")


def _tls_reason(exc: BaseException) -> str | None:
    """Why TLS failed, from the chain of causes of a transport error (None: not TLS)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return _VERIFY_REASONS.get(seen.verify_code or 0, "untrusted")
        if isinstance(seen, ssl.SSLError):
            return "handshake"
        seen = seen.__cause__ or seen.__context__
    return None


def check_hub(url: str, *, transport: httpx.BaseTransport | None = None) -> HubCheck:
    """Ask the hub at `url` who it is. ValidationError (the address), HubTlsError,
    HubUnreachableError, UpdateNeededError (outside its protocol range)."""
    address = normalize_hub_url(url)
    client = HubClient(address, transport=transport, timeout=CHECK_TIMEOUT)
    try:
        info = client.hub_info()
    except HubUnreachableError as exc:
        reason = _tls_reason(exc)
        if reason is not None:
            raise HubTlsError(
                f"secure connection to the hub failed: {reason}", reason=reason
            ) from exc
        raise
    except HubError as exc:  # a web server, but not a hub (404, HTML, ...)
        raise HubError(
            "this address answers, but not as a Clienteling hub", hub_code="not_a_hub"
        ) from exc
    finally:
        client.close()
    low, high = info.protocol_min, info.protocol_max
    if low is not None and high is not None and not low <= PROTOCOL_VERSION <= high:
        raise UpdateNeededError(
            f"the hub speaks protocol {low}..{high}, this app {PROTOCOL_VERSION}"
        )
    return HubCheck(
        url=address,
        version=info.version,
        protocol_min=low,
        protocol_max=high,
        insecure=is_insecure(address),
    )
