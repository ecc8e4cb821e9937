"""`Terminal`: everything a store terminal does, behind one object.

Contract (the UI relies on it):
- Every method may be called from any thread; each thread gets its own SQLite
  connection (never shared across threads). Methods block: the UI calls them on a worker.
- Errors a user can act on are `clienteling.domain.errors.ClientelingError` subclasses.
- `start_auto_sync` runs sync passes on the terminal's own background thread and reports
  through the callbacks it is given (called on that thread; the UI re-emits them as Qt
  signals).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

    from clienteling.store.views import CustomerHit, CustomerProfile, NoteView
    from clienteling.sync.engine import SyncProgress, SyncReport
    from clienteling.terminal.secrets import SecretStore


@dataclass(frozen=True, slots=True)
class Session:
    associate_id: str
    username: str
    display_name: str
    role: str  # associate | manager | admin
    store_id: str | None
    store_name: str | None


@dataclass(frozen=True, slots=True)
class SyncStatus:
    online: bool | None  # None: not tried yet
    last_sync_at: datetime | None  # last successful pass (UTC)
    pending: int  # outbox mutations not yet acknowledged
    rejected: int  # mutations the hub refused (reason kept)
    ready: bool  # the first snapshot of every scope has completed
    error_code: str | None = None  # ClientelingError.code of the last failure, if any


class Terminal:
    def __init__(
        self,
        *,
        data_dir: Path,
        hub_url: str,
        secrets: SecretStore,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        """Open (and migrate) the cache in `data_dir`.

        Raises CacheNewerError / CacheCorruptError and leaves the file untouched.
        """
        raise NotImplementedError

    device_id: str
    hub_url: str

    @property
    def session(self) -> Session | None:
        raise NotImplementedError

    def sign_in(self, username: str, password: str) -> Session:
        """Sign in on the hub; the token goes to `secrets`. SignInError, HubUnreachableError."""
        raise NotImplementedError

    def restore_session(self) -> Session | None:
        """The last signed-in session (from the cache and the secret store), or None."""
        raise NotImplementedError

    def search(self, query: str, *, limit: int = 50) -> list[CustomerHit]:
        raise NotImplementedError

    def customer(self, customer_id: str) -> CustomerProfile | None:
        raise NotImplementedError

    def add_note(self, customer_id: str, text: str) -> NoteView:
        """Write the note and its `note.add` mutation in one transaction (works offline)."""
        raise NotImplementedError

    def sync_once(
        self,
        *,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """Push the outbox, then pull every scope until caught up."""
        raise NotImplementedError

    def status(self) -> SyncStatus:
        raise NotImplementedError

    def start_auto_sync(
        self,
        *,
        interval_s: float,
        on_status: Callable[[SyncStatus], None],
        on_changes: Callable[[set[str]], None],
    ) -> None:
        """Sync every `interval_s` seconds and when `request_sync()` is called."""
        raise NotImplementedError

    def request_sync(self) -> None:
        raise NotImplementedError

    def stop_auto_sync(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError
