"""Where the terminal keeps its session token: the OS keyring, never a plain file."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any, Protocol, TypeVar

from clienteling.domain.errors import SecretStoreUnavailableError

SERVICE = "clienteling"
_T = TypeVar("_T")


class SecretStore(Protocol):
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...
    def delete(self, key: str) -> None: ...


@contextlib.contextmanager
def _keyring_errors() -> Iterator[None]:
    """A keyring without a usable backend becomes an error the user can act on."""
    import keyring.errors

    try:
        yield
    except keyring.errors.PasswordDeleteError:
        raise
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailableError(f"keyring unavailable: {exc}") from exc


class KeyringSecretStore:
    """Secrets in the OS keyring (Secret Service, Keychain, Windows Credential Locker).

    With no usable backend this raises SecretStoreUnavailableError; it never falls back to
    a plaintext file.
    """

    def get(self, key: str) -> str | None:
        return self._call(lambda keyring: keyring.get_password(SERVICE, key))

    def set(self, key: str, value: str) -> None:
        self._call(lambda keyring: keyring.set_password(SERVICE, key, value))

    def delete(self, key: str) -> None:
        import keyring.errors

        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._call(lambda keyring: keyring.delete_password(SERVICE, key))

    @staticmethod
    def _call(action: Callable[[Any], _T]) -> _T:
        import keyring

        with _keyring_errors():
            return action(keyring)


class MemorySecretStore:
    """Secrets that live only as long as the process (the demo, which signs in each run)."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._values.get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock:
            self._values[key] = value

    def delete(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)
