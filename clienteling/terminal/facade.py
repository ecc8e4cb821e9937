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

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from clienteling.domain.contacts import region_for_timezone
from clienteling.domain.errors import (
    ClientelingError,
    HubUnreachableError,
    NotSignedInError,
    SessionExpiredError,
    ValidationError,
)
from clienteling.domain.ids import uuid7
from clienteling.domain.phones import InvalidPhoneError, to_e164
from clienteling.protocol.entities import Channel, CustomerCreateArgs, Language
from clienteling.protocol.models import RefreshRequest, SignInRequest
from clienteling.store import outbox, queries
from clienteling.store.cache import open_cache
from clienteling.store.meta import get_meta, set_meta
from clienteling.store.schema import SCHEMA_VERSION
from clienteling.store.search import search_customers
from clienteling.store.state import all_ready
from clienteling.sync.client import HubClient
from clienteling.sync.engine import SyncEngine
from clienteling.terminal.autosync import AutoSync
from clienteling.terminal.connections import ThreadConnections

if TYPE_CHECKING:
    import httpx

    from clienteling.store.views import CustomerHit, CustomerProfile, NoteView
    from clienteling.sync.engine import SyncProgress, SyncReport
    from clienteling.terminal.secrets import SecretStore

log = logging.getLogger(__name__)
_T = TypeVar("_T")

CACHE_FILE = "cache.sqlite3"
_DEVICE_KEY = "device_id"
_SESSION_KEY = "session"
_LAST_SYNC_KEY = "last_sync_at"


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
        data_dir.mkdir(parents=True, exist_ok=True)
        self.cache_path = data_dir / CACHE_FILE
        first = open_cache(self.cache_path)
        self._db = ThreadConnections(self.cache_path, first=first)
        device_id = get_meta(first, _DEVICE_KEY)
        if device_id is None:
            device_id = uuid7()
            set_meta(first, _DEVICE_KEY, device_id)
            log.info("new terminal device %s", device_id)
        self.device_id = device_id
        self.hub_url = hub_url.rstrip("/")
        self._secrets = secrets
        self._client = HubClient(self.hub_url, transport=transport)
        self._lock = threading.Lock()
        self._sync_lock = threading.Lock()
        self._session: Session | None = None
        self._token: str | None = None
        self._scopes: list[str] = []
        self._online: bool | None = None
        self._error_code: str | None = None
        self._unreported: set[str] = set()
        self._auto: AutoSync | None = None

    device_id: str
    hub_url: str

    # -- session ---------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        with self._lock:
            return self._session

    def _token_key(self) -> str:
        return f"token:{self.hub_url}:{self.device_id}"

    def sign_in(self, username: str, password: str) -> Session:
        """Sign in on the hub; the token goes to `secrets`. SignInError, HubUnreachableError."""
        request = SignInRequest(username=username, password=password, device_id=self.device_id)
        answer = self._talk(lambda: self._client.sign_in(request))
        session = Session(
            associate_id=answer.associate.id,
            username=answer.associate.username,
            display_name=answer.associate.display_name,
            role=answer.associate.role,
            store_id=answer.associate.store_id,
            store_name=answer.store.name if answer.store else None,
        )
        self._secrets.set(self._token_key(), answer.token)
        self._keep_refresh_token(answer.refresh_token)
        stored = {
            "session": asdict(session),
            "scopes": answer.scopes,
            "expires_at": answer.expires_at,
        }
        set_meta(self._db.get(), _SESSION_KEY, json.dumps(stored, ensure_ascii=False))
        with self._lock:
            self._session, self._token, self._scopes = session, answer.token, list(answer.scopes)
        log.info("associate %s signed in", session.associate_id)
        return session

    def restore_session(self) -> Session | None:
        """The last signed-in session (from the cache and the secret store), or None."""
        raw = get_meta(self._db.get(), _SESSION_KEY)
        token = self._secrets.get(self._token_key())
        if raw is None or token is None:
            return None
        stored = json.loads(raw)
        session = Session(**stored["session"])
        with self._lock:
            self._session, self._token, self._scopes = session, token, list(stored["scopes"])
        return session

    def _credentials(self) -> tuple[Session, str, list[str]]:
        with self._lock:
            if self._session is None or self._token is None:
                raise NotSignedInError("nobody is signed in on this terminal")
            return self._session, self._token, list(self._scopes)

    # -- reading and writing the cache ----------------------------------------------------

    def search(self, query: str, *, limit: int = 50) -> list[CustomerHit]:
        return search_customers(self._db.get(), query, limit=limit)

    def customer(self, customer_id: str) -> CustomerProfile | None:
        session = self.session
        store_id = session.store_id if session else None
        return queries.customer_profile(self._db.get(), customer_id, store_id=store_id)

    def add_note(self, customer_id: str, text: str) -> NoteView:
        """Write the note and its `note.add` mutation in one transaction (works offline)."""
        session, _token, _scopes = self._credentials()
        note = queries.add_note(
            self._db.get(),
            note_id=uuid7(),
            customer_id=customer_id,
            text=text,
            author_id=session.associate_id,
            author_name=session.display_name,
            store_id=session.store_id,
        )
        with self._lock:
            self._unreported.add("note")
            auto = self._auto
        if auto is not None:
            auto.request()
        return note

    def default_region(self) -> str:
        """The phone country new numbers default to: the signed-in store's country."""
        session = self.session
        timezone, _currency = queries.store_location(
            self._db.get(), session.store_id if session else None
        )
        return region_for_timezone(timezone)

    def create_customer(
        self,
        *,
        given_name: str,
        family_name: str,
        phone: str = "",
        region: str | None = None,
        email: str = "",
        language: Language = "fr",
        preferred_channel: Channel = "sms",
        consents: dict[Channel, bool] | None = None,
    ) -> str:
        """Create a customer of this store, searchable at once, with its `customer.create`
        mutation in the same transaction (works offline); returns the new id.

        `phone` may be typed in any format; it is stored in E.164 for `region` (default:
        the store's country). ValidationError when a field is not valid.
        """
        session, _token, _scopes = self._credentials()
        if session.store_id is None:
            raise ValidationError("customers are created on a store's terminal")
        db = self._db.get()
        phones: list[str] = []
        if phone.strip():
            try:
                phones.append(to_e164(phone, region=region or self.default_region()))
            except InvalidPhoneError as exc:
                raise ValidationError(f"invalid phone number: {exc}") from exc
        _timezone, currency = queries.store_location(db, session.store_id)
        created_at = datetime.now(UTC).isoformat()
        customer_id = uuid7()
        args = CustomerCreateArgs(
            id=customer_id,
            given_name=given_name,
            family_name=family_name,
            phones=phones,
            emails=[email.strip()] if email.strip() else [],
            preferred_channel=preferred_channel,
            language=language,
            consents=[
                {"id": uuid7(), "channel": channel, "granted": granted}
                for channel, granted in (consents or {}).items()
            ],
            created_at=created_at,
        )
        queries.create_customer(db, args, store_id=session.store_id, currency=currency or "EUR")
        with self._lock:
            self._unreported.add("customer")
            auto = self._auto
        if auto is not None:
            auto.request()
        return customer_id

    def possible_duplicates(
        self, *, phone: str = "", region: str | None = None, email: str = ""
    ) -> list[CustomerHit]:
        """Known customers with the same phone (typed in any format, read for `region`)
        or the same email. An incomplete phone or email matches nobody."""
        e164: str | None = None
        if phone.strip():
            try:
                e164 = to_e164(phone, region=region or self.default_region())
            except InvalidPhoneError:
                e164 = None
        mail = email.strip() if "@" in email else None
        if e164 is None and mail is None:
            return []
        return queries.possible_duplicates(self._db.get(), phone=e164, email=mail)

    def sample_customer_with_cart(self, *, language: str | None = None) -> str | None:
        """A customer with a live online cart, optionally of one language (screenshots)."""
        return queries.sample_customer_with_cart(self._db.get(), language=language)

    # -- sync ------------------------------------------------------------------------------

    def sync_once(
        self,
        *,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """Push the outbox, then pull every scope until caught up."""
        _session, token, scopes = self._credentials()
        engine = SyncEngine(
            db_path=self.cache_path,
            client=self._client,
            device_id=self.device_id,
            token=token,
            scopes=scopes,
            schema_version=SCHEMA_VERSION,
        )
        with self._sync_lock:  # one pass at a time (auto sync and "sync now")
            try:
                report = self._talk(lambda: engine.run_once(progress=progress, cancel=cancel))
            except SessionExpiredError:
                # Access tokens are short-lived: trade the refresh token, then go again.
                engine.token = self._refresh_access_token()
                report = self._talk(lambda: engine.run_once(progress=progress, cancel=cancel))
        if not report.cancelled:
            set_meta(self._db.get(), _LAST_SYNC_KEY, datetime.now(UTC).isoformat())
        with self._lock:
            self._unreported |= report.kinds
        log.info(
            "sync pass: pushed %d, rejected %d, pulled %d, pending %d",
            report.pushed,
            len(report.rejected),
            report.pulled,
            report.pending,
        )
        return report

    def _talk(self, call: Callable[[], _T]) -> _T:
        """Run a hub call, remembering whether the hub answered (for `status()`)."""
        try:
            result = call()
        except HubUnreachableError as exc:
            self._note_outcome(online=False, error_code=exc.code)
            raise
        except ClientelingError as exc:
            self._note_outcome(online=True, error_code=exc.code)
            raise
        self._note_outcome(online=True, error_code=None)
        return result

    def _note_outcome(self, *, online: bool, error_code: str | None) -> None:
        with self._lock:
            self._online, self._error_code = online, error_code

    def status(self) -> SyncStatus:
        db = self._db.get()
        counts = outbox.counts(db)
        last = get_meta(db, _LAST_SYNC_KEY)
        with self._lock:
            online, error_code, scopes = self._online, self._error_code, list(self._scopes)
        return SyncStatus(
            online=online,
            last_sync_at=queries.parse_time(last) if last else None,
            pending=counts.pending,
            rejected=counts.rejected,
            ready=all_ready(db, scopes),
            error_code=error_code,
        )

    def rejected_changes(self) -> list[tuple[int, str]]:
        """Mutations the hub refused, with its reasons (to show the associate)."""
        return outbox.rejected(self._db.get())

    def start_auto_sync(
        self,
        *,
        interval_s: float,
        on_status: Callable[[SyncStatus], None],
        on_changes: Callable[[set[str]], None],
    ) -> None:
        """Sync every `interval_s` seconds and when `request_sync()` is called."""
        self.stop_auto_sync()

        def sync_pass() -> set[str]:
            self.sync_once()
            return set()

        def after_pass(_kinds: set[str]) -> None:
            with self._lock:
                changed, self._unreported = self._unreported, set()
            if changed:
                on_changes(changed)
            on_status(self.status())

        auto = AutoSync(interval_s=interval_s, sync_pass=sync_pass, after_pass=after_pass)
        with self._lock:
            self._auto = auto
        auto.start()

    def request_sync(self) -> None:
        with self._lock:
            auto = self._auto
        if auto is not None:
            auto.request()

    def stop_auto_sync(self) -> None:
        with self._lock:
            auto, self._auto = self._auto, None
        if auto is not None:
            auto.stop()

    def close(self) -> None:
        self.stop_auto_sync()
        with self._sync_lock:
            self._client.close()
            self._db.close_all()

    # -- hub API: refresh tokens ------------------------------------------------------

    def _refresh_key(self) -> str:
        return f"refresh:{self.hub_url}:{self.device_id}"

    def _keep_refresh_token(self, refresh_token: str | None) -> None:
        if refresh_token is not None:
            self._secrets.set(self._refresh_key(), refresh_token)

    def _refresh_access_token(self) -> str:
        """A new access token from the stored refresh token (both kept in `secrets`).
        SessionExpiredError when there is none or the hub refuses it: sign in again."""
        refresh_token = self._secrets.get(self._refresh_key())
        if refresh_token is None:
            raise SessionExpiredError("the session has expired: sign in again")
        request = RefreshRequest(refresh_token=refresh_token, device_id=self.device_id)
        answer = self._talk(lambda: self._client.refresh(request))
        self._secrets.set(self._token_key(), answer.token)
        self._keep_refresh_token(answer.refresh_token)
        with self._lock:
            self._token = answer.token
        log.info("access token refreshed for device %s", self.device_id)
        return answer.token
