"""The errors a user can act on. Each has a stable `code`; the UI turns the code into a
translated sentence (this layer has no Qt, so no `tr()`), logs keep `str(error)`.

Anything that is not a `ClientelingError` is a bug and is shown as one.
"""

from __future__ import annotations


class ClientelingError(Exception):
    code = "error"


class HubUnreachableError(ClientelingError):
    """No answer from the hub (network down, DNS, timeout, connection reset)."""

    code = "hub_unreachable"


class HubError(ClientelingError):
    """The hub answered with an error we do not handle more specifically."""

    code = "hub_error"

    def __init__(self, message: str, *, hub_code: str = "error", status: int = 0) -> None:
        super().__init__(message)
        self.hub_code = hub_code
        self.status = status


class SignInError(ClientelingError):
    """Wrong user name or password."""

    code = "sign_in_failed"


class SessionExpiredError(ClientelingError):
    """The token is no longer valid: sign in again."""

    code = "session_expired"


class DeviceRevokedError(SessionExpiredError):
    """An administrator revoked this terminal. It pushes what it still owes, then wipes
    its customer data; until everything is pushed the data stays (`pending` changes)."""

    code = "device_revoked"

    def __init__(
        self,
        message: str,
        *,
        final_push: bool = True,
        discard_unsent: bool = False,
        pending: int = 0,
    ) -> None:
        super().__init__(message)
        self.final_push = final_push
        self.discard_unsent = discard_unsent
        self.pending = pending


class TerminalWipedError(DeviceRevokedError):
    """The revoked terminal wiped its customer data and is signed out (sign in anew)."""

    code = "device_wiped"


class TerminalClosedError(ClientelingError):
    """Work that was still queued for a terminal that has closed meanwhile (the app
    quitting, a window going away): a cancellation, nothing to tell anyone."""

    code = "cancelled"


class NotSignedInError(ClientelingError):
    code = "not_signed_in"


class UpdateNeededError(ClientelingError):
    """The hub does not speak this app's protocol or schema version."""

    code = "update_needed"


class CacheNewerError(ClientelingError):
    """The local cache was written by a newer version of the app; it is left untouched."""

    code = "cache_newer"


class CacheCorruptError(ClientelingError):
    """The local cache file is not a readable database; it is left untouched."""

    code = "cache_corrupt"


class CacheCheckingError(ClientelingError):
    """A write to the cache was refused because its integrity check (deferred at open) has
    not finished: from the GUI thread, which never waits for it, or after waiting too long.
    Nothing was written; the change can be made again in a moment."""

    code = "cache_checking"


class ValidationError(ClientelingError):
    """Input the user can correct (empty note, bad phone number, ...)."""

    code = "invalid_input"


class SecretStoreUnavailableError(ClientelingError):
    """The OS keyring has no usable backend; tokens are never put in a plain file instead."""

    code = "keyring_unavailable"


class CacheKeyError(ClientelingError):
    """The encrypted cache cannot be opened: its key is missing from the OS keyring or does
    not match the file (or the file is damaged; encryption cannot tell the two apart). The
    file is left untouched: the unsent work in it is readable again once the key is back."""

    code = "cache_key"


class CacheInUseError(ClientelingError):
    """Another Clienteling process holds the cache open while this one needs it alone
    (turning a plaintext cache into an encrypted one); nothing was changed."""

    code = "cache_in_use"


# -- enrollment ------------------------------------------------------------------------


class HubTlsError(HubUnreachableError):
    """The hub's secure connection could not be trusted or set up. `reason`: expired,
    self_signed, untrusted, hostname, handshake or other."""

    code = "hub_tls"

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class EnrollmentRefusedError(ClientelingError):
    """The hub refused the enrollment code; `hub_code` says why (enrollment_code_invalid,
    _used, _expired, _revoked, wrong_store, device_revoked, too_many_attempts)."""

    code = "enrollment_refused"

    def __init__(self, message: str, *, hub_code: str) -> None:
        super().__init__(message)
        self.hub_code = hub_code


class StoreChoiceNeededError(ClientelingError):
    """The code lets the terminal choose its store: `stores` are (id, name) to pick from."""

    code = "store_required"

    def __init__(self, message: str, *, stores: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.stores = stores
