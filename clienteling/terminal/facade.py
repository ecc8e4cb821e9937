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

import functools
import json
import logging
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import suppress
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from secrets import token_urlsafe
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar
from zoneinfo import ZoneInfo

from clienteling.domain.appointments import store_day
from clienteling.domain.cards import InvalidCardError, clean_card
from clienteling.domain.contacts import CHANNELS, region_for_timezone
from clienteling.domain.errors import (
    CacheCorruptError,
    ClientelingError,
    DeviceRevokedError,
    HubError,
    HubUnreachableError,
    NotSignedInError,
    SessionExpiredError,
    TerminalWipedError,
    UpdateNeededError,
    ValidationError,
)
from clienteling.domain.followup_templates import RenderedMessage, render_followup
from clienteling.domain.ids import uuid7
from clienteling.domain.phones import InvalidPhoneError, to_e164
from clienteling.domain.pins import (
    MAX_PIN_FAILURES,
    PinDisabledError,
    PinOtherStoreError,
    WeakPinError,
    WrongPinError,
    pin_problem,
)
from clienteling.protocol.entities import (
    CATALOG_SCOPE,
    AppointmentBookArgs,
    AppointmentCancelArgs,
    AppointmentRescheduleArgs,
    Channel,
    CustomerCreateArgs,
    FollowupQueueArgs,
    FollowupTemplate,
    Language,
    ReservationReleaseArgs,
    ReservationRequestArgs,
)
from clienteling.protocol.models import RefreshRequest, SignInRequest
from clienteling.store import appointments as appointment_store
from clienteling.store import (
    customer_drafts,
    form_drafts,
    learned,
    note_drafts,
    outbox,
    pins,
    profile,
    queries,
    scope_check,
)
from clienteling.store import followups as followup_store
from clienteling.store import holds as store_holds
from clienteling.store import lookups as store_lookups
from clienteling.store import offers as store_offers
from clienteling.store import products as store_products
from clienteling.store import recent_views as store_recent_views
from clienteling.store import tasks as task_store
from clienteling.store import timeline as store_timeline
from clienteling.store import visits as store_visits
from clienteling.store.cache import open_cache
from clienteling.store.meta import get_meta, set_meta
from clienteling.store.schema import SCHEMA_VERSION
from clienteling.store.search import search_customers
from clienteling.store.state import all_ready, scope_state
from clienteling.store.transactions import write_transaction
from clienteling.store.write_gate import GateState, WriteGate
from clienteling.sync import offers as sync_offers
from clienteling.sync.abortable import AbortableTransport
from clienteling.sync.client import HubClient
from clienteling.sync.engine import SyncEngine
from clienteling.sync.hub_check import HubCheck, check_hub
from clienteling.sync.pull_process import PullProcess, PullSetup
from clienteling.sync.watch import HubWatcher
from clienteling.terminal import update_gate
from clienteling.terminal.autosync import AutoSync
from clienteling.terminal.cache_check import DeferredCheck
from clienteling.terminal.cache_key import cache_key, forget_cache_key
from clienteling.terminal.connections import ThreadConnections
from clienteling.terminal.customer_export import write_export
from clienteling.terminal.dashboard import DashboardResult, fetch_dashboard
from clienteling.terminal.enrollment import (
    Enrollment,
    enroll_terminal,
    forget_stored_enrollment,
    stored_enrollment,
)
from clienteling.terminal.followup_checks import FollowupCheck, Settled, check_views
from clienteling.terminal.lookups import HubHit, hub_hits, may_reach_other_stores
from clienteling.terminal.wipe import wipe_files

if TYPE_CHECKING:
    import httpx

    from clienteling.protocol.dashboard import DrillDown, StoreDashboard
    from clienteling.protocol.followup_checks import SettleOutcome
    from clienteling.store.appointments import AppointmentView, AssociateChoice
    from clienteling.store.customer_drafts import NewCustomerDraft
    from clienteling.store.followups import ComposerContext, FollowupView, ProductChoice
    from clienteling.store.holds import HoldView
    from clienteling.store.offers import OfferView
    from clienteling.store.pins import PinHolder
    from clienteling.store.products import ProductHit, ProductStock
    from clienteling.store.profile import ProfileSyncState
    from clienteling.store.tasks import TaskView
    from clienteling.store.views import (
        CustomerHit,
        CustomerProfile,
        NoteView,
        TimelineEntry,
        TogetherView,
        VisitView,
    )
    from clienteling.store.visits import VisitDraft
    from clienteling.sync.engine import SyncProgress, SyncReport
    from clienteling.sync.offers import Redemption
    from clienteling.terminal.secrets import SecretStore

log = logging.getLogger(__name__)
_T = TypeVar("_T")

CACHE_FILE = "cache.sqlite3"
_DEVICE_KEY = "device_id"
_SESSION_KEY = "session"
_LAST_SYNC_KEY = "last_sync_at"
_OPEN_CUSTOMER_KEY = "open_customer"
_STAFF_KEY = "store_staff"  # the store's associates as the hub last listed them (JSON)
DRILLDOWN_ROWS = 500
"""Rows a dashboard drill-down shows; the total says when there are more."""


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
    update_needed: bool = False  # the hub refused this app's protocol: nothing is pushed


class Terminal:
    def __init__(
        self,
        *,
        data_dir: Path,
        hub_url: str,
        secrets: SecretStore,
        transport: httpx.BaseTransport | None = None,
        encrypt_cache: bool = False,
        defer_integrity_check: bool = False,
        sync_process: bool = False,
        hold_integrity_check: threading.Event | None = None,
    ) -> None:
        """Open (and migrate) the cache in `data_dir`.

        `sync_process`: pulls run in a child process (`sync.pull_process`), so the GUI
        thread never waits for this process's interpreter lock while a sync decodes and
        writes pages. The desktop app does; not with a custom `transport` (it cannot
        cross to the child), and `clienteling sync` has no GUI to keep responsive.

        `defer_integrity_check`: skip the full page check at open (it decrypts every
        page: about a second and a half at 50k customers); the caller then runs
        `check_cache_integrity()` on a worker thread. The desktop app does. Until it
        passes, writes wait (`terminal.cache_check`); `hold_integrity_check` delays its
        start until set (tests).

        `encrypt_cache`: the cache is encrypted at rest with a key kept in `secrets`
        (`terminal.cache_key`); a plaintext cache found there is converted. The desktop
        app, `clienteling sync` and the demo pass True; a plaintext cache is for tests
        that read the file with `sqlite3`.

        Raises CacheNewerError / CacheCorruptError / CacheKeyError / CacheInUseError and
        leaves the file untouched.
        """
        data_dir.mkdir(parents=True, exist_ok=True)
        self.cache_path = data_dir / CACHE_FILE
        self._cache_key = cache_key(secrets, self.cache_path) if encrypt_cache else None
        # Every write waits for the deferred check (`terminal.cache_check`).
        gate = WriteGate(state=GateState.HELD if defer_integrity_check else GateState.OPEN)
        first = open_cache(
            self.cache_path,
            key=self._cache_key,
            integrity_check=not defer_integrity_check,
            gate=gate,
        )
        self._cache_damaged = False
        self._db = ThreadConnections(self.cache_path, key=self._cache_key, first=first, gate=gate)
        device_id = get_meta(first, _DEVICE_KEY)
        if device_id is None:
            device_id = uuid7()
            set_meta(first, _DEVICE_KEY, device_id)
            log.info("new terminal device %s", device_id)
        self.device_id = device_id
        self.hub_url = hub_url.rstrip("/")
        self._secrets = secrets
        self._transport = transport
        self._client = HubClient(self.hub_url, transport=transport)
        self._lock = threading.Lock()
        self._sync_lock = threading.Lock()
        # Held while the keyring's tokens change hands (refresh, sign-in, quick switch):
        # a refresh token is single use, so no two threads may hold the same one.
        self._tokens_lock = threading.RLock()
        self._session: Session | None = None
        self._token: str | None = None
        self._scopes: list[str] = []
        self._online: bool | None = None
        self._error_code: str | None = None
        self._unreported: set[str] = set()
        self._auto: AutoSync | None = None
        self._on_pending: Callable[[int, int], None] | None = None
        self._watchers: list[HubWatcher] = []
        self._pin_offer_for: str | None = None  # signed in with a password in this run
        self._use_sync_process = sync_process and transport is None
        self._pull_process: PullProcess | None = None
        self._check = DeferredCheck(
            self.cache_path,
            key=self._cache_key,
            gate=gate,
            on_damaged=self._cache_failed_check,
            starts_after=hold_integrity_check,
        )

    device_id: str
    hub_url: str

    @property
    def integrity_checked(self) -> bool:
        """False until the deferred check has passed (writes wait for it meanwhile)."""
        return self._check.gate.state is GateState.OPEN

    def check_cache_integrity(self) -> None:
        """Wait (on a worker) for the integrity check deferred at open, which runs on a
        thread of its own from the start. On failure (CacheCorruptError) the terminal has
        done what a failed check at open does, as far as it still can: every write is
        refused, auto sync stops and no sync pass runs again; the caller tells the
        associate and closes the app, leaving the file for support."""
        self._check.wait_for_verdict()

    def _cache_failed_check(self) -> None:
        with self._lock:
            self._cache_damaged = True
        self.stop_auto_sync()

    # -- session ---------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        with self._lock:
            return self._session

    def _token_key(self) -> str:
        return f"token:{self.hub_url}:{self.device_id}"

    def sign_in(self, username: str, password: str) -> Session:
        """Sign in on the hub; the token goes to `secrets`. SignInError, HubUnreachableError."""
        request = SignInRequest(
            username=username,
            password=password,
            device_id=self.device_id,
            device_secret=self._device_secret(),
        )
        answer = self._talk(lambda: self._client.sign_in(request))
        session = Session(
            associate_id=answer.associate.id,
            username=answer.associate.username,
            display_name=answer.associate.display_name,
            role=answer.associate.role,
            store_id=answer.associate.store_id,
            store_name=answer.store.name if answer.store else None,
        )
        with self._tokens_lock:
            self._park_active_tokens(unless=session.associate_id)  # quick switch back later
            self._secrets.set(self._token_key(), answer.token)
            self._keep_refresh_token(answer.refresh_token)
            stored = {
                "session": asdict(session),
                "scopes": answer.scopes,
                "expires_at": answer.expires_at,
            }
            set_meta(self._db.get(), _SESSION_KEY, json.dumps(stored, ensure_ascii=False))
            self._now_authoring(session.associate_id, password=True)
            with self._lock:
                self._session, self._token = session, answer.token
                self._scopes = list(answer.scopes)
                self._pin_offer_for = session.associate_id
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
        if pins.current_author(self._db.get()) is None:  # a cache from before quick switch
            # Often on the GUI thread, which never waits for the cache check.
            self._check.when_writable(lambda: self._now_authoring(session.associate_id))
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
        db = self._db.get()
        customer_id = profile.resolve_local(db, customer_id)  # a merged id: the survivor
        found = queries.customer_profile(db, customer_id, store_id=store_id)
        if found is not None and store_lookups.lookup_of(db, customer_id) is not None:
            found = replace(found, looked_up=True, other_store=True)
        return found

    # -- customers found on the hub (terminal.lookups, hub.lookups) ----------------------

    def _with_token(self, call: Callable[[str], _T]) -> _T:
        """A hub call with the session's token, refreshed once when it has expired."""
        _session, token, _scopes = self._credentials()
        try:
            return self._talk(lambda: call(token))
        except SessionExpiredError:
            fresh = self._refresh_access_token()
            return self._talk(lambda: call(fresh))

    def search_hub(self, query: str, *, limit: int = 20) -> list[HubHit]:
        """Customers the hub finds and this terminal does not hold: this store's by
        anything, other stores' only by their exact phone, email or card (the hub's
        rule). HubUnreachableError offline: searching every store needs the network."""
        text = query.strip()
        if not text:
            return []
        items = self._with_token(
            lambda token: self._client.search_customers(token, text, all_stores=True, limit=limit)
        )
        db = self._db.get()
        ids = [str(i.get("id", "")) for i in items]
        return hub_hits(
            items,
            query=text,
            store_names=dict(queries.store_names(db)),
            own_store_id=self._store_id(),
            cached=store_lookups.cached_ids(db, ids),
        )

    def pull_in(self, hit: HubHit) -> str:
        """Fetch the customer's profile (everything the 360 shows) from the hub and keep it
        here in one transaction; returns the id to open. Another store's customer stays
        current by `refresh_customer` (not by the pull) and may be changed from here while
        the hub's lookup lasts. HubUnreachableError offline; HubError when the hub refuses."""
        bundle = self._with_token(
            lambda token: self._client.look_up_customer(token, hit.id, hit.identifier)
        )
        with self._lock:
            scopes = list(self._scopes)
        store_lookups.save_bundle(self._db.get(), bundle, lookup=bundle.scope not in scopes)
        log.info("customer %s pulled in from the hub", bundle.customer_id)
        return bundle.customer_id

    def refresh_customer(self, customer_id: str) -> bool:
        """A pulled-in customer of another store, fetched again from the hub (the profile
        calls this when it opens); True when the cache changed. Offline, or for this
        store's own customers (the pull keeps those current): False, nothing happens. When
        the hub no longer lets this store see them, they are forgotten here."""
        db = self._db.get()
        customer_id = profile.resolve_local(db, customer_id)
        if store_lookups.lookup_of(db, customer_id) is None:
            return False
        try:
            bundle = self._with_token(
                lambda token: self._client.customer_bundle(token, customer_id)
            )
        except HubUnreachableError:
            return False
        except HubError as exc:
            if exc.status != 404:
                raise
            store_lookups.forget(db, [customer_id])
            log.info("looked-up customer %s no longer reachable: forgotten here", customer_id)
            return True
        store_lookups.save_bundle(db, bundle, lookup=True)
        return True

    def hub_duplicates(
        self, *, phone: str = "", region: str | None = None, email: str = ""
    ) -> list[HubHit]:
        """Customers of any store with this phone or email that this terminal does not
        hold (the new-customer form offers them instead of a duplicate: the hub merges
        twins only within one store). HubUnreachableError offline."""
        queries_: list[str] = []
        if phone.strip():
            with suppress(InvalidPhoneError):  # an incomplete phone matches nobody
                queries_.append(to_e164(phone, region=region or self.default_region()))
        if "@" in email and email.strip():
            queries_.append(email.strip())
        found: dict[str, HubHit] = {}
        for text in queries_:
            if not may_reach_other_stores(text):
                continue
            for hit in self.search_hub(text, limit=5):
                found.setdefault(hit.id, hit)
        return list(found.values())

    def add_note(self, customer_id: str, text: str) -> NoteView:
        """Write the note and its `note.add` mutation in one transaction (works offline)."""
        session, _token, _scopes = self._credentials()
        db = self._db.get()
        with write_transaction(db):  # the note, its mutation, and its draft gone: together
            note = queries.add_note(
                db,
                note_id=uuid7(),
                customer_id=customer_id,
                text=text,
                author_id=session.associate_id,
                author_name=session.display_name,
                store_id=session.store_id,
            )
            note_drafts.save_note_draft(db, customer_id, "")
        self._local_change("note")
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
        loyalty_card: str = "",
    ) -> str:
        """Create a customer of this store, searchable at once, with its `customer.create`
        mutation in the same transaction (works offline); returns the new id.

        `phone` may be typed in any format; it is stored in E.164 for `region` (default:
        the store's country). `loyalty_card`, typed or scanned, is stored in one form
        (`domain.cards`). ValidationError when a field is not valid.
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
        if loyalty_card.strip():
            args["loyalty_card"] = loyalty_card
        queries.create_customer(db, args, store_id=session.store_id, currency=currency or "EUR")
        self._local_change("customer")
        return customer_id

    def possible_duplicates(
        self, *, phone: str = "", region: str | None = None, email: str = "", card: str = ""
    ) -> list[CustomerHit]:
        """Known customers with the same phone (typed in any format, read for `region`),
        email or loyalty card. An incomplete phone, email or card matches nobody."""
        e164: str | None = None
        if phone.strip():
            try:
                e164 = to_e164(phone, region=region or self.default_region())
            except InvalidPhoneError:
                e164 = None
        mail = email.strip() if "@" in email else None
        try:
            cleaned = clean_card(card)
        except InvalidCardError:
            cleaned = None
        if e164 is None and mail is None and cleaned is None:
            return []
        return queries.possible_duplicates(self._db.get(), phone=e164, email=mail, card=cleaned)

    def sample_customer_with_cart(self, *, language: str | None = None) -> str | None:
        """A customer with a live online cart, optionally of one language (screenshots)."""
        return queries.sample_customer_with_cart(self._db.get(), language=language)

    def sample_customer_with_recent_views(self) -> str | None:
        """A customer who viewed products online that this store has in stock (demos)."""
        session = self.session
        return store_recent_views.sample_customer_with_recent_views(
            self._db.get(), store_id=session.store_id if session else None
        )

    # -- sync ------------------------------------------------------------------------------

    def sync_once(
        self,
        *,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """Push the outbox, then pull every scope until caught up. CacheCorruptError once
        the deferred integrity check has failed; waits for that check first (the pull
        process writes on a connection of its own, beyond the write gate)."""
        with self._lock:
            if self._cache_damaged:
                raise CacheCorruptError(f"the cache {self.cache_path.name} is damaged")
        self._check.wait_writable()
        _session, token, scopes = self._credentials()
        engine = SyncEngine(
            db_path=self.cache_path,
            client=self._client,
            device_id=self.device_id,
            token=token,
            scopes=scopes,
            schema_version=SCHEMA_VERSION,
            cache_key=self._cache_key,
            author_token=self._author_token,
        )
        with self._sync_lock:  # one pass at a time (auto sync and "sync now")
            pull_process = self._sync_pull_process()
            if pull_process is not None:
                engine.pull_runner = pull_process.run
            try:
                try:
                    report = self._talk(lambda: self._gated_pass(engine, progress, cancel))
                except DeviceRevokedError:
                    raise
                except SessionExpiredError:
                    # Access tokens are short-lived: trade the refresh token, then go again.
                    engine.token = self._refresh_access_token()
                    report = self._talk(lambda: self._gated_pass(engine, progress, cancel))
            except DeviceRevokedError as exc:
                self._after_revocation(engine.token, discard_unsent=exc.discard_unsent)
            if report.revoked:
                self._after_revocation(engine.token, discard_unsent=False)
        if not report.cancelled:
            set_meta(self._db.get(), _LAST_SYNC_KEY, datetime.now(UTC).isoformat())
            store_lookups.forget_unused(self._db.get())  # other stores' customers, unused
        if not self._use_sync_process:  # else the sync process recounted, when due
            self._refresh_learned(report.kinds)
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

    def _sync_pull_process(self) -> PullProcess | None:
        """The child process for this pass's pulls (holding the sync lock), started
        anew when the cache file or its key changed (a wipe)."""
        if not self._use_sync_process:
            return None
        setup = PullSetup(db_path=self.cache_path, cache_key=self._cache_key, hub_url=self.hub_url)
        current = self._pull_process
        if current is not None and current.setup != setup:
            current.close()
            current = None
        if current is None:
            current = self._pull_process = PullProcess(setup)
        return current

    def _close_pull_process(self) -> None:
        process, self._pull_process = self._pull_process, None
        if process is not None:
            process.close()

    def _refresh_learned(self, kinds: Collection[str]) -> None:
        """Recount "bought together" (store.learned) on this (sync) thread when due: the
        pass pulled orders (at most hourly), or it was never counted; profiles only read
        the result."""
        db = self._db.get()
        try:
            if learned.refresh_due(db, pulled_orders="order" in kinds):
                learned.refresh_bought_together(db)
        except Exception:  # a suggestion is an extra: never fail the sync pass for it
            log.warning("bought-together recount failed; kept the last one", exc_info=True)

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
            update_needed=update_gate.blocked(db),
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
        on_pending: Callable[[int, int], None] | None = None,
    ) -> None:
        """Sync every `interval_s` seconds and when `request_sync()` is called.

        `on_status` hears after every pass; `on_pending` (pending, rejected), when given,
        as soon as the outbox changes: a local write, or a push batch the hub answered
        (a pass can then pull for minutes)."""
        self.stop_auto_sync()

        def pushed(progress: SyncProgress) -> None:
            if progress.phase == "push":
                self._report_pending(on_pending)

        def sync_pass() -> set[str]:
            self.sync_once(progress=pushed)
            return set()

        def after_pass(_kinds: set[str]) -> None:
            with self._lock:
                changed, self._unreported = self._unreported, set()
                reached_hub = self._online is True and self._error_code is None
            if changed:
                on_changes(changed)
            on_status(self.status())
            if reached_hub:
                for watcher in watchers:
                    watcher.arm()  # caught up: listen for the hub's next change

        auto = AutoSync(
            interval_s=interval_s,
            sync_pass=sync_pass,
            after_pass=after_pass,
            probe=self.hub_answers,
        )
        # One long-poll per scope: the store's (customers, notes, ...) and the
        # catalogue's (products, prices, inventory), so a change to either starts a pass.
        watchers = [self._watcher(catalogue, on_change=auto.request) for catalogue in (False, True)]
        with self._lock:
            self._auto, self._watchers, self._on_pending = auto, watchers, on_pending
        for watcher in watchers:
            watcher.start()
        auto.start()

    def _watcher(self, catalogue: bool, *, on_change: Callable[[], None]) -> HubWatcher:
        """A watcher on its own client, whose long-poll its stop ends at once (the hub
        then lets the request go: stopping never waits for the hub's answer)."""
        transport = AbortableTransport(self._transport)
        return HubWatcher(
            client=HubClient(self.hub_url, transport=transport),
            device_id=self.device_id,
            schema_version=SCHEMA_VERSION,
            position=functools.partial(self._watch_position, catalogue=catalogue),
            on_change=on_change,
            abort=transport.abort,
        )

    def _watch_position(self, *, catalogue: bool) -> tuple[str, str, str] | None:
        """(token, scope, its cursor) for a watcher, once that scope's snapshot is done:
        the catalogue scope, or the store's."""
        with self._lock:
            token, scopes = self._token, list(self._scopes)
        scope = next((s for s in scopes if (s == CATALOG_SCOPE) == catalogue), None)
        if not token or scope is None:
            return None
        state = scope_state(self._db.get(), scope)
        if state.cursor is None or not state.snapshot_done:
            return None
        return token, scope, state.cursor

    def hub_answers(self) -> bool:
        """Whether the hub's health check answers now (never raises; a short request)."""
        try:
            return self._client.healthz()
        except ClientelingError:
            return False

    def request_sync(self) -> None:
        with self._lock:
            auto = self._auto
        if auto is not None:
            auto.request()

    def stop_auto_sync(self) -> None:
        with self._lock:
            auto, self._auto = self._auto, None
            watchers, self._watchers = self._watchers, []
            self._on_pending = None
        for watcher in watchers:
            watcher.stop()
        if auto is not None:
            auto.stop()

    # -- manager dashboard ----------------------------------------------------------------

    def stores(self) -> list[tuple[str, str]]:
        """(id, name) of the chain's stores as cached here (the admin's store picker)."""
        return queries.store_names(self._db.get())

    def store_today(self, store_id: str | None = None) -> date:
        """Today's date in the store's time zone (the dashboard's default period)."""
        session = self.session
        timezone, _currency = queries.store_location(
            self._db.get(), store_id or (session.store_id if session else None)
        )
        return datetime.now(ZoneInfo(timezone or "UTC")).date()

    def store_dashboard(
        self, *, start: date, end: date, store_id: str | None = None
    ) -> DashboardResult:
        """The dashboard of `store_id` (default: this terminal's store) for local days
        start..end, both included. Offline: the copy kept from the last time it was
        fetched (`from_cache`); HubUnreachableError when there is none. Managers and admins
        only (the hub refuses others: HubError)."""
        session, token, _scopes = self._credentials()
        store = store_id or session.store_id
        if store is None:
            raise ValidationError("choose a store")

        def fetch() -> StoreDashboard:
            try:
                return self._talk(
                    lambda: self._client.store_dashboard(
                        token, store_id=store, start=start, end=end
                    )
                )
            except SessionExpiredError:
                fresh = self._refresh_access_token()
                return self._talk(
                    lambda: self._client.store_dashboard(
                        fresh, store_id=store, start=start, end=end
                    )
                )

        return fetch_dashboard(
            self._db.get(),
            fetch=fetch,
            store_id=store,
            start=start,
            end=end,
        )

    def dashboard_drilldown(
        self,
        *,
        figure: str,
        key: str | None,
        start: date,
        end: date,
        store_id: str | None = None,
        limit: int = DRILLDOWN_ROWS,
    ) -> DrillDown:
        """The visits, follow-ups, orders or customers behind one dashboard number, from the
        hub (lists are not kept offline: HubUnreachableError then)."""
        session, token, _scopes = self._credentials()
        store = store_id or session.store_id
        if store is None:
            raise ValidationError("choose a store")

        def ask(access: str) -> DrillDown:
            return self._talk(
                lambda: self._client.store_drilldown(
                    access,
                    store_id=store,
                    start=start,
                    end=end,
                    figure=figure,
                    key=key,
                    limit=limit,
                )
            )

        try:
            return ask(token)
        except SessionExpiredError:
            return ask(self._refresh_access_token())

    def close(self) -> None:
        self._check.close()
        self.stop_auto_sync()
        with self._sync_lock:
            self._close_pull_process()
            self._client.close()
            self._db.close_all()

    # -- profile changes, consent and merges -------------------------------------------

    def patch_customer(
        self,
        customer_id: str,
        *,
        given_name: str | None = None,
        family_name: str | None = None,
        phones: Sequence[str] | None = None,
        region: str | None = None,
        emails: Sequence[str] | None = None,
        preferred_channel: Channel | None = None,
        language: Language | None = None,
        preferences: Mapping[str, Any] | None = None,
    ) -> list[str]:
        """Change the given fields here and queue `customer.patch` with only those that
        changed, in one transaction (works offline); returns the changed fields.

        Phones may be typed in any format (read for `region`, default the store's
        country); `preferences` changes only the keys given (None removes a key).
        ValidationError when a value is not valid."""
        self._credentials()
        fields: dict[str, Any] = {
            name: value
            for name, value in (
                ("given_name", given_name),
                ("family_name", family_name),
                ("preferred_channel", preferred_channel),
                ("language", language),
            )
            if value is not None
        }
        if phones is not None:
            try:
                fields["phones"] = [
                    to_e164(p, region=region or self.default_region()) for p in phones if p.strip()
                ]
            except InvalidPhoneError as exc:
                raise ValidationError(f"invalid phone number: {exc}") from exc
        if emails is not None:
            fields["emails"] = [e for e in emails if e.strip()]
        if preferences is not None:
            fields["preferences"] = dict(preferences)
        changed = profile.patch_customer(self._db.get(), customer_id, fields)
        if changed:
            self._local_change("customer")
        return changed

    def set_consent(self, customer_id: str, channel: Channel, granted: bool) -> bool:
        """Record an opt-in or opt-out here and queue `consent.set` (works offline); False
        when nothing changed. An opt-out always stands on the hub; an opt-in that crossed
        a newer opt-out made elsewhere is refused (see `profile_sync_state`)."""
        self._credentials()
        if channel not in CHANNELS:
            raise ValidationError(f"unknown channel {channel!r}")
        changed = profile.set_consent(
            self._db.get(),
            customer_id=customer_id,
            channel=channel,
            granted=granted,
            consent_id=uuid7(),
        )
        if changed:
            self._local_change("consent")
        return changed

    def profile_sync_state(self, customer_id: str) -> ProfileSyncState:
        """Which profile fields and consent channels still wait for the hub, and the
        hub's reasons for the changes it refused."""
        db = self._db.get()
        return profile.sync_state(db, profile.resolve_local(db, customer_id))

    def _local_change(self, kind: str) -> None:
        """A local write went to the outbox: report the new pending count at once (not
        when the next pass ends) and wake the sync."""
        with self._lock:
            self._unreported.add(kind)
            auto, on_pending = self._auto, self._on_pending
        self._report_pending(on_pending)
        if auto is not None:
            auto.request()

    def _report_pending(self, on_pending: Callable[[int, int], None] | None) -> None:
        """Tell `on_pending` (pending, rejected) from the outbox; never fails the caller."""
        if on_pending is None:
            return
        try:
            counts = outbox.counts(self._db.get())
            on_pending(counts.pending, counts.rejected)
        except Exception:  # a count for the status bar must not undo a saved change
            log.warning("could not count the outbox for the status bar", exc_info=True)

    # -- visits, products and inventory -------------------------------------------------

    def log_visit(
        self,
        *,
        customer_id: str | None,
        outcome: str,
        reason: str | None = None,
        reason_text: str = "",
        product_ids: Sequence[str] = (),
    ) -> VisitView:
        """Write the visit and its `visit.log` mutation in one transaction (works offline);
        `customer_id` None is an anonymous visitor. The survey token is made here, so the
        survey link (`survey_url`) can be handed over before the hub has the visit."""
        session, _token, _scopes = self._credentials()
        if session.store_id is None:
            raise ValidationError("visits are logged on a store's terminal")
        visit = store_visits.log_visit(
            self._db.get(),
            visit_id=uuid7(),
            customer_id=customer_id,
            outcome=outcome,
            reason=reason,
            reason_text=reason_text,
            product_ids=list(product_ids),
            survey_token=token_urlsafe(16),
            associate_id=session.associate_id,
            associate_name=session.display_name,
            store_id=session.store_id,
        )
        self._local_change("visit")
        return visit

    def customer_timeline(
        self, customer_id: str, *, kinds: Collection[str] | None = None
    ) -> list[TimelineEntry]:
        """The customer's journey across channels, newest first (`kinds` filters)."""
        return store_timeline.customer_timeline(self._db.get(), customer_id, kinds=kinds)

    def note_draft(self, customer_id: str) -> str:
        """The note being typed for this customer when the app last stopped ("" if none)."""
        return note_drafts.note_draft(self._db.get(), customer_id)

    def save_note_draft(self, customer_id: str, text: str) -> None:
        note_drafts.save_note_draft(self._db.get(), customer_id, text)

    def visit_draft(self, customer_id: str | None) -> VisitDraft | None:
        """The unsaved visit form of this customer (None: the anonymous visitor's)."""
        return store_visits.load_draft(self._db.get(), customer_id)

    def save_visit_draft(self, customer_id: str | None, draft: VisitDraft) -> None:
        store_visits.save_draft(self._db.get(), customer_id, draft)

    def discard_visit_draft(self, customer_id: str | None) -> None:
        store_visits.discard_draft(self._db.get(), customer_id)

    def remember_open_customer(self, customer_id: str) -> None:
        """The profile on screen, so a restart opens it again (in the cache's `meta`, not
        in the plain layout file)."""
        set_meta(self._db.get(), _OPEN_CUSTOMER_KEY, customer_id)

    def last_open_customer(self) -> str | None:
        """The profile on screen when the app last ran, if this cache still has it."""
        db = self._db.get()
        customer_id = get_meta(db, _OPEN_CUSTOMER_KEY)
        if customer_id is None:
            return None
        resolved = profile.resolve_local(db, customer_id)  # merged meanwhile: the survivor
        known = queries.customer_profile(db, resolved, store_id=None) is not None
        return resolved if known else None

    def profile_edit_draft(self, customer_id: str) -> dict[str, str] | None:
        """The profile editor's fields as typed and not saved (field name -> text)."""
        return form_drafts.form_draft(self._db.get(), "profile_edit", customer_id)

    def save_profile_edit_draft(self, customer_id: str, fields: Mapping[str, str]) -> None:
        form_drafts.save_form_draft(self._db.get(), "profile_edit", customer_id, fields)

    def discard_profile_edit_draft(self, customer_id: str) -> None:
        form_drafts.discard_form_draft(self._db.get(), "profile_edit", customer_id)

    def new_customer_draft(self) -> NewCustomerDraft | None:
        """The new-customer form as typed when the app last stopped (None: none kept)."""
        return customer_drafts.new_customer_draft(self._db.get())

    def save_new_customer_draft(self, draft: NewCustomerDraft) -> None:
        customer_drafts.save_new_customer_draft(self._db.get(), draft)

    def discard_new_customer_draft(self) -> None:
        customer_drafts.discard_new_customer_draft(self._db.get())

    def survey_url(self, survey_token: str) -> str:
        """The hub's survey page for a visit (what the QR code on screen carries)."""
        return f"{self.hub_url}/s/{survey_token}"

    def _store_id(self) -> str | None:
        session = self.session
        return session.store_id if session else None

    def find_products(self, query: str, *, limit: int = 50) -> list[ProductHit]:
        """Cached products by barcode, SKU or words of the name, with stock here."""
        return store_products.find_products(
            self._db.get(), query, store_id=self._store_id(), limit=limit
        )

    def product_by_code(self, code: str) -> ProductHit | None:
        """The product a scanned barcode (or a typed SKU) names exactly."""
        return store_products.product_by_code(self._db.get(), code, store_id=self._store_id())

    def bought_together(self, product_ids: Sequence[str]) -> list[TogetherView]:
        """Products the store's customers often bought in one order with these (a visit's
        products), best first, with price and stock here (store.learned)."""
        return learned.bought_together(self._db.get(), product_ids, store_id=self._store_id())

    def products_by_id(self, product_ids: Sequence[str]) -> list[ProductHit]:
        return store_products.products_by_id(self._db.get(), product_ids, store_id=self._store_id())

    def product_stock(self, product_id: str) -> ProductStock | None:
        """Price and available stock here, in the other stores and in the web warehouse."""
        return store_products.product_stock(self._db.get(), product_id, store_id=self._store_id())

    # -- follow-ups ----------------------------------------------------------------------

    def followup_composer(self, customer_id: str) -> ComposerContext | None:
        """What the composer offers for this customer: channels (closed ones with the
        reason), the online cart's and past purchases' products, the language."""
        session = self.session
        return followup_store.composer_context(
            self._db.get(), customer_id, store_id=session.store_id if session else None
        )

    def search_products(self, query: str, *, limit: int = 20) -> list[ProductChoice]:
        session = self.session
        return followup_store.search_products(
            self._db.get(), query, store_id=session.store_id if session else None, limit=limit
        )

    def preview_followup(
        self,
        *,
        customer_id: str,
        template: str,
        language: str,
        product_ids: list[str],
        personal_line: str,
        offer: str | None = None,
        reserve: bool = False,
    ) -> RenderedMessage:
        """The message exactly as the hub will render it (same renderer, same templates)."""
        session, _token, _scopes = self._credentials()
        context = followup_store.preview_context(
            self._db.get(),
            customer_id=customer_id,
            product_ids=product_ids,
            personal_line=personal_line,
            associate_name=session.display_name,
            store_id=session.store_id,
            base_url=self.hub_url,
            offer=offer,
            reserve=reserve,
        )
        return render_followup(template, language, context)

    def queue_followup(
        self,
        *,
        customer_id: str,
        channel: Channel,
        template: FollowupTemplate,
        language: Language,
        product_ids: list[str],
        personal_line: str,
        offer: str | None = None,
        reserve: bool = False,
        visit_id: str | None = None,
    ) -> str:
        """Queue a follow-up with its `followup.queue` mutation (works offline); the hub
        sends it once, after checking consent again. Returns its id. `offer` (a kind of
        `domain.offers.OFFER_KINDS`) has the hub make a single-use code for the message;
        `reserve` adds a reserve-for-pickup link; `visit_id` makes its survey link that
        visit's (the `visit_survey` template)."""
        session, _token, _scopes = self._credentials()
        followup_id = uuid7()
        args = FollowupQueueArgs(
            id=followup_id,
            customer_id=customer_id,
            channel=channel,
            template=template,
            language=language,
            product_ids=list(dict.fromkeys(product_ids)),
            personal_line=personal_line.strip(),
            created_at=datetime.now(UTC).isoformat(),
        )
        if offer is not None:
            args["offer"] = offer
        if reserve:
            args["reserve"] = True
        if visit_id is not None:
            args["visit_id"] = visit_id
        followup_store.queue_followup(
            self._db.get(),
            args,
            associate_id=session.associate_id,
            associate_name=session.display_name,
            store_id=session.store_id,
        )
        self._local_change("followup")
        return followup_id

    def followups(self, customer_id: str) -> list[FollowupView]:
        """The customer's follow-ups and their delivery status, newest first."""
        return followup_store.followup_views(self._db.get(), customer_id)

    # -- hub API: refresh tokens ------------------------------------------------------

    def _refresh_key(self) -> str:
        return f"refresh:{self.hub_url}:{self.device_id}"

    def _keep_refresh_token(self, refresh_token: str | None) -> None:
        if refresh_token is not None:
            self._secrets.set(self._refresh_key(), refresh_token)

    def _refresh_access_token(self) -> str:
        """A new access token from the stored refresh token (both kept in `secrets`).
        SessionExpiredError when there is none or the hub refuses it: sign in again."""
        with self._tokens_lock:
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

    # -- privacy: revoked terminal -> final push -> wipe --------------------------------

    def _device_secret_keys(self) -> list[str]:
        """Every keyring entry of this device (the wipe deletes them all; the enrollment's
        device secret too: a wiped terminal enrolls anew)."""
        keys = [self._token_key(), self._refresh_key(), self._device_secret_key()]
        for associate_id in pins.local_associates(self._db.get()):
            keys.extend(self._parked_keys(associate_id))  # quick-switch tokens
        return keys

    def _after_revocation(self, token: str, *, discard_unsent: bool) -> NoReturn:
        """The hub revoked this terminal (inside `sync_once`, holding the sync lock).

        With changes still unsent (the hub refused the final push) nothing is wiped:
        DeviceRevokedError with `pending`; the next pass tries again. Otherwise, or when
        an admin chose to discard them, the hub is told and the data goes:
        TerminalWipedError, and the terminal is signed out with a new empty cache."""
        pending = outbox.counts(self._db.get()).pending
        if pending and not discard_unsent:
            log.warning(
                "device %s revoked; %d changes unsent: nothing wiped", self.device_id, pending
            )
            error = DeviceRevokedError(
                "this terminal was revoked; its unsent changes keep its data here",
                final_push=False,
                pending=pending,
            )
            self._note_outcome(online=True, error_code=error.code)
            raise error
        try:
            self._client.device_wiped(token)
        except ClientelingError as exc:  # the hub expires the tokens anyway
            log.info("the hub was not told of the wipe: %s", exc.code)
        self.wipe_local_data()
        error = TerminalWipedError(
            "this terminal was revoked: its data was wiped", discard_unsent=discard_unsent
        )
        self._note_outcome(online=True, error_code=error.code)
        raise error

    def wipe_local_data(self) -> None:
        """Sign out and delete everything this terminal kept: the cache files (customers,
        drafts, dashboard cache, outbox), the window layout and this device's keyring
        entries; then start over with a new empty cache and a new device id (an
        enrollment is needed again). Other threads' cache connections are closed; a running
        auto sync keeps going and finds nobody signed in (its status says `device_wiped`)."""
        for key in self._device_secret_keys():
            self._secrets.delete(key)
        with self._lock:
            self._session, self._token, self._scopes = None, None, []
            self._unreported = set()
        self._close_pull_process()  # its connection goes with the file
        self._db.close_all()
        wipe_files(self.cache_path)
        if self._cache_key is not None:
            # The old key goes with the old file; the new empty cache gets a key of its own.
            forget_cache_key(self._secrets, self.cache_path)
            self._cache_key = cache_key(self._secrets, self.cache_path)
        first = open_cache(self.cache_path, key=self._cache_key)
        self._check.close()
        self._check = DeferredCheck(  # a new, empty file: nothing to check
            self.cache_path,
            key=self._cache_key,
            gate=WriteGate(state=GateState.OPEN),
            on_damaged=self._cache_failed_check,
        )
        with self._lock:
            self._cache_damaged = False
        device_id = uuid7()
        set_meta(first, _DEVICE_KEY, device_id)
        self._db = ThreadConnections(self.cache_path, key=self._cache_key, first=first)
        self.device_id = device_id
        log.warning("terminal wiped; new device %s", device_id)

    def save_customer_export(self, customer_id: str, path: Path) -> int:
        """Fetch the hub's privacy export of the customer and write it to `path` as
        JSON (managers of the home store and admins; the hub audits it). Returns the
        bytes written. HubUnreachableError offline (the export is the hub's, whole)."""
        _session, token, _scopes = self._credentials()
        try:
            data = self._talk(lambda: self._client.customer_export(token, customer_id))
        except DeviceRevokedError:
            raise
        except SessionExpiredError:
            fresh = self._refresh_access_token()
            data = self._talk(lambda: self._client.customer_export(fresh, customer_id))
        return write_export(path, data)

    # -- enrollment --------------------------------------------------------------------

    @staticmethod
    def check_hub(url: str, *, transport: httpx.BaseTransport | None = None) -> HubCheck:
        """First run, before a terminal exists: does `url` answer as a hub this app can
        talk to? ValidationError, HubTlsError, HubUnreachableError, UpdateNeededError."""
        return check_hub(url, transport=transport)

    def _device_secret_key(self) -> str:
        return f"device_secret:{self.hub_url}:{self.device_id}"

    def _device_secret(self) -> str | None:
        """The enrolled terminal's secret (keyring only). SecretStoreUnavailableError."""
        return self._secrets.get(self._device_secret_key())

    def is_enrolled(self) -> bool:
        """Whether this terminal holds a device secret for its hub (keyring only; raises
        SecretStoreUnavailableError when there is no keyring, never reads a file)."""
        return self._device_secret() is not None

    def enroll(self, code: str, *, store_id: str | None = None) -> Enrollment:
        """Trade a one-time code for a device secret, kept in the keyring. The keyring is
        checked first, so a code is never spent on a terminal that could not keep the
        secret. EnrollmentRefusedError (with the hub's reason), StoreChoiceNeededError
        (the code lets the terminal choose: call again with `store_id`),
        SecretStoreUnavailableError, HubUnreachableError."""
        self._device_secret()  # no keyring: fail before the code is used up
        return enroll_terminal(
            self._client,
            self._secrets,
            self._db.get(),
            code=code,
            device_id=self.device_id,
            store_id=store_id,
            secret_key=self._device_secret_key(),
        )

    def enrollment(self) -> Enrollment | None:
        """The store this terminal was enrolled for, as remembered in the cache."""
        return stored_enrollment(self._db.get())

    def forget_enrollment(self) -> None:
        """Drop the device secret (a revoked or reset terminal goes back to enrollment)."""
        self._secrets.delete(self._device_secret_key())
        forget_stored_enrollment(self._db.get())

    # -- holds and offers --------------------------------------------------------------

    def hold_for_customer(self, customer_id: str, product_id: str, *, quantity: int = 1) -> str:
        """Ask the hub to hold stock of this store for the customer (works offline: the
        `reservation.request` waits in the outbox). The hold shows as pending until the
        hub holds it or refuses with its reason (`customer_holds`). Returns its id."""
        session, _token, _scopes = self._credentials()
        if session.store_id is None:
            raise ValidationError("holds are placed from a store's terminal")
        hold_id = uuid7()
        store_holds.request_hold(
            self._db.get(),
            ReservationRequestArgs(
                id=hold_id,
                customer_id=customer_id,
                product_id=product_id,
                quantity=quantity,
                created_at=datetime.now(UTC).isoformat(),
            ),
            store_id=session.store_id,
        )
        self._local_change("reservation")
        return hold_id

    def release_hold(self, hold_id: str, *, collected: bool = False) -> None:
        """End a confirmed hold: released, or collected when the customer took the items."""
        self._credentials()
        store_holds.release_hold(
            self._db.get(),
            ReservationReleaseArgs(id=hold_id, status="collected" if collected else "released"),
        )
        self._local_change("reservation")

    def customer_holds(self, customer_id: str) -> list[HoldView]:
        """The customer's holds, newest first: pending, held until …, refused (why), ended."""
        return store_holds.customer_holds(self._db.get(), customer_id)

    def customer_offers(self, customer_id: str) -> list[OfferView]:
        """The customer's offer codes (from follow-ups), newest first."""
        return store_offers.customer_offers(self._db.get(), customer_id)

    def redeem_offer(self, code: str) -> Redemption:
        """Redeem an offer code at this store's till. Needs the hub (HubUnreachableError
        offline: a redemption is never queued); a refusal comes back with its reason."""
        _session, token, _scopes = self._credentials()
        try:
            result = self._talk(lambda: sync_offers.redeem(self._client, token, code))
        except SessionExpiredError:
            fresh = self._refresh_access_token()
            result = self._talk(lambda: sync_offers.redeem(self._client, fresh, code))
        if result.redeemed:
            self._local_change("offer")  # pull the redeemed offer soon
        return result

    # -- follow-ups whose sending was interrupted (terminal.followup_checks) -------------

    def followups_to_check(self) -> list[FollowupCheck]:
        """This store's follow-ups whose outcome is unknown after an interrupted send,
        oldest first, from the hub (managers and admins: HubError 403 for others).
        HubUnreachableError offline: the list is the hub's, never a stale copy."""
        items = self._with_token(lambda token: self._client.followups_to_check(token))
        return check_views(self._db.get(), items)

    def settle_followup(self, followup_id: str, *, went_out: bool) -> Settled:
        """A manager's verdict after asking the provider: it went out (-> sent) or not
        (-> failed; the associate may queue a new one). Never a resend. The new status
        reaches this cache at the next pull, which is started now. HubError
        `not_needs_check` when it was settled meanwhile; HubUnreachableError offline."""
        outcome: SettleOutcome = "sent" if went_out else "not_sent"
        answer = self._with_token(
            lambda token: self._client.settle_followup(token, followup_id, outcome)
        )
        log.info("follow-up %s settled by a manager: %s", followup_id, answer.status)
        self.request_sync()
        return Settled(id=answer.id, status=answer.status)

    def count_followups_to_check(self) -> int:
        """How many of this store's follow-ups need a check, as of the last sync (from
        the cache: cheap, and works offline)."""
        return followup_store.count_needing_check(self._db.get(), self._store_id())

    # -- tasks ---------------------------------------------------------------------------

    def store_tasks(self) -> list[TaskView]:
        """This store's open tasks, by due day then priority (tasks marked done here stay,
        marked `done_pending`, until the hub has them)."""
        store_id = self._store_id()
        if store_id is None:
            return []
        return task_store.store_tasks(self._db.get(), store_id=store_id, now=datetime.now(UTC))

    def customer_tasks(self, customer_id: str) -> list[TaskView]:
        """The customer's open tasks (the profile shows them)."""
        db = self._db.get()
        return task_store.customer_tasks(
            db, profile.resolve_local(db, customer_id), now=datetime.now(UTC)
        )

    def mark_task_done(self, task_id: str, *, outcome_note: str = "") -> None:
        """Done, with an optional outcome note; queued as `task.done` (works offline)."""
        self._credentials()
        task_store.mark_done(self._db.get(), task_id, outcome_note=outcome_note)
        self._local_change("task")

    def snooze_task(self, task_id: str, *, until: datetime) -> None:
        """Hide the task until `until`; queued as `task.snooze` (works offline)."""
        self._credentials()
        task_store.snooze(self._db.get(), task_id, until=until)
        self._local_change("task")

    def dismiss_task(self, task_id: str, *, reason: str, text: str = "") -> None:
        """Set the task aside for a reason (`domain.tasks.DismissReason`; "other" with a
        text); queued as `task.dismiss` (works offline)."""
        self._credentials()
        task_store.dismiss(self._db.get(), task_id, reason=reason, text=text)
        self._local_change("task")

    # -- appointments ------------------------------------------------------------------

    def store_timezone(self) -> str:
        """The IANA time zone of this terminal's store (appointments are chosen in it)."""
        timezone, _currency = queries.store_location(self._db.get(), self._store_id())
        return timezone or "UTC"

    def book_appointment(
        self,
        *,
        customer_id: str,
        associate: AssociateChoice,
        starts_at: datetime,
        duration_minutes: int,
        purpose: str = "",
        note: str = "",
    ) -> str:
        """Book the customer with `associate` (works offline: `appointment.book` waits in
        the outbox; the appointment shows as pending until the hub books it or refuses,
        e.g. a double booking). AppointmentClashError when a clash is known here."""
        session, _token, _scopes = self._credentials()
        if session.store_id is None:
            raise ValidationError("appointments are booked on a store's terminal")
        db = self._db.get()
        appointment_id = uuid7()
        appointment_store.book(
            db,
            AppointmentBookArgs(
                id=appointment_id,
                customer_id=profile.resolve_local(db, customer_id),
                associate_id=associate.id,
                starts_at=starts_at.astimezone(UTC).isoformat(),
                duration_minutes=duration_minutes,
                purpose=purpose,
                note=note,
                created_at=datetime.now(UTC).isoformat(),
            ),
            store_id=session.store_id,
            associate_name=associate.name,
            booked_by=session.associate_id,
            booked_by_name=session.display_name,
        )
        self._local_change("appointment")
        return appointment_id

    def reschedule_appointment(
        self,
        appointment_id: str,
        *,
        associate: AssociateChoice,
        starts_at: datetime,
        duration_minutes: int,
    ) -> None:
        """Another time (or associate) for a booked appointment; queued."""
        self._credentials()
        appointment_store.reschedule(
            self._db.get(),
            AppointmentRescheduleArgs(
                id=appointment_id,
                associate_id=associate.id,
                starts_at=starts_at.astimezone(UTC).isoformat(),
                duration_minutes=duration_minutes,
            ),
            associate_name=associate.name,
        )
        self._local_change("appointment")

    def cancel_appointment(self, appointment_id: str) -> None:
        self._credentials()
        appointment_store.cancel(self._db.get(), AppointmentCancelArgs(id=appointment_id))
        self._local_change("appointment")

    def today_appointments(self) -> list[AppointmentView]:
        """The store's appointments of today (store time), by start time."""
        store_id = self._store_id()
        if store_id is None:
            return []
        timezone = self.store_timezone()
        start, end = store_day(datetime.now(ZoneInfo(timezone)).date(), timezone)
        return appointment_store.store_appointments(
            self._db.get(), store_id=store_id, start=start, end=end
        )

    def customer_appointments(self, customer_id: str) -> list[AppointmentView]:
        """The customer's coming appointments (and the one going on now), soonest first."""
        db = self._db.get()
        return appointment_store.customer_appointments(
            db, profile.resolve_local(db, customer_id), since=datetime.now(UTC)
        )

    def store_associates(self) -> list[AssociateChoice]:
        """Whom an appointment can be with: the store's associates as known here (the
        hub's last list, and whoever worked here), the signed-in associate always."""
        session, _token, _scopes = self._credentials()
        me = appointment_store.AssociateChoice(id=session.associate_id, name=session.display_name)
        if session.store_id is None:
            return [me]
        db = self._db.get()
        known = appointment_store.known_associates(
            db, session.store_id, fetched=get_meta(db, _STAFF_KEY)
        )
        return [me, *(a for a in known if a.id != me.id)]

    def refresh_store_associates(self) -> list[AssociateChoice]:
        """`store_associates` after asking the hub for the store's staff (kept for
        offline use); offline it is the list known here."""
        session, token, _scopes = self._credentials()
        store = session.store_id
        if store is not None:
            try:
                try:
                    staff = self._talk(lambda: self._client.store_staff(token, store))
                except SessionExpiredError:
                    fresh = self._refresh_access_token()
                    staff = self._talk(lambda: self._client.store_staff(fresh, store))
            except (HubUnreachableError, HubError) as exc:
                log.info("store staff not refreshed: %s", type(exc).__name__)
            else:
                people = [{"id": i, "name": n} for i, n in staff]
                set_meta(self._db.get(), _STAFF_KEY, json.dumps(people, ensure_ascii=False))
        return self.store_associates()

    # -- lock and quick switch ---------------------------------------------------------
    # A PIN resumes a session that its associate opened here with their password. Only
    # the active session's tokens sit under the usual keyring keys; the others' are
    # parked under keys of their own (one copy each: a refresh token is single use), so
    # mutations an associate queued are still pushed with their token after a switch.

    def _parked_keys(self, associate_id: str) -> tuple[str, str]:
        return f"{self._token_key()}:{associate_id}", f"{self._refresh_key()}:{associate_id}"

    def _park_active_tokens(self, *, unless: str) -> None:
        """Move the active session's tokens aside, unless `unless` is its associate."""
        with self._lock:
            current = self._session
        if current is None or current.associate_id == unless:
            return
        token_key, refresh_key = self._parked_keys(current.associate_id)
        for active, parked in ((self._token_key(), token_key), (self._refresh_key(), refresh_key)):
            value = self._secrets.get(active)
            if value is None:
                self._secrets.delete(parked)
            else:
                self._secrets.set(parked, value)
                self._secrets.delete(active)

    def _now_authoring(self, associate_id: str, *, password: bool = False) -> None:
        db = self._db.get()
        pins.set_author(db, associate_id)
        if password:
            pins.enable_after_password(db, associate_id)

    def _author_token(self, associate_id: str, renew: bool) -> str | None:
        """A token that pushes `associate_id`'s mutations (the sync engine asks); None
        when that associate has none left (their refresh token expired or was dropped)."""
        with self._tokens_lock:
            with self._lock:
                active = self._session.associate_id if self._session else None
                token = self._token
            if associate_id == active:
                return self._refresh_access_token() if renew else token
            token_key, refresh_key = self._parked_keys(associate_id)
            parked = None if renew else self._secrets.get(token_key)
            if parked is not None:
                return parked
            refresh_token = self._secrets.get(refresh_key)
            if refresh_token is None:
                return None
            request = RefreshRequest(refresh_token=refresh_token, device_id=self.device_id)
            try:
                answer = self._talk(lambda: self._client.refresh(request))
            except SessionExpiredError:
                self._secrets.delete(refresh_key)
                self._secrets.delete(token_key)
                return None
            self._secrets.set(token_key, answer.token)
            if answer.refresh_token is not None:
                self._secrets.set(refresh_key, answer.refresh_token)
            return answer.token

    def set_pin(self, pin: str) -> None:
        """Give the signed-in associate a PIN for the quick switch on this terminal (4 to
        8 digits; WeakPinError for trivial ones). Only an argon2 hash is kept, in the
        cache; the PIN never leaves the terminal."""
        session, _token, scopes = self._credentials()
        problem = pin_problem(pin)
        if problem is not None:
            raise WeakPinError(problem)
        pin_hash = pins.hash_pin(pin)
        pins.save_pin(
            self._db.get(),
            associate_id=session.associate_id,
            display_name=session.display_name,
            store_id=session.store_id,
            session={"session": asdict(session), "scopes": scopes},
            pin_hash=pin_hash,
        )
        log.info("associate %s set a PIN on this terminal", session.associate_id)

    def has_pin(self) -> bool:
        """Whether the signed-in associate has a working PIN here."""
        session = self.session
        if session is None:
            return False
        record = pins.pin_record(self._db.get(), session.associate_id)
        return record is not None and not record.disabled

    def take_pin_offer(self) -> bool:
        """Whether to offer the signed-in associate a PIN now: right after they signed in
        with their password (at most once per sign-in), on a store terminal (one the
        store's associates share; an admin's chain-wide session has no quick switch),
        while they have no working PIN here and have not said "not now" on this
        terminal before."""
        session = self.session
        with self._lock:
            fresh, self._pin_offer_for = self._pin_offer_for, None
        if session is None or session.store_id is None or fresh != session.associate_id:
            return False
        if self.has_pin():
            return False
        return not pins.pin_offer_declined(self._db.get(), session.associate_id)

    def decline_pin_offer(self) -> None:
        """ "Not now": this associate is not offered a PIN on this terminal again (the
        "My PIN…" button still sets one)."""
        session, _token, _scopes = self._credentials()
        pins.decline_pin_offer(self._db.get(), session.associate_id)

    def remove_pin(self) -> None:
        session, _token, _scopes = self._credentials()
        pins.remove_pin(self._db.get(), session.associate_id)

    def pin_holders(self) -> list[PinHolder]:
        """Who may unlock this terminal with a PIN: associates of its store (names only)."""
        return pins.pin_holders(self._db.get(), store_id=self._store_id())

    def unlock_with_pin(self, associate_id: str, pin: str) -> Session:
        """Make `associate_id`'s session the active one with their PIN; what they write
        from now on is theirs. Works offline (the cached session; its token is refreshed
        at the next sync). WrongPinError (attempts left), PinDisabledError after
        `MAX_PIN_FAILURES` wrong PINs in a row: the password is required then."""
        db = self._db.get()
        record = pins.pin_record(db, associate_id)
        if record is None or record.disabled:
            raise PinDisabledError("no working PIN: sign in with the password")
        self._pin_fits_this_store(record.session["session"])
        if not pins.pin_matches(record.pin_hash, pin):
            failures = pins.record_failure(db, associate_id)
            log.info("wrong PIN for associate %s (%d in a row)", associate_id, failures)
            if failures >= MAX_PIN_FAILURES:
                raise PinDisabledError("too many wrong PINs: sign in with the password")
            raise WrongPinError(MAX_PIN_FAILURES - failures)
        pins.record_success(db, associate_id)
        session = Session(**record.session["session"])
        scopes = list(record.session["scopes"])
        with self._tokens_lock:
            with self._lock:
                current = self._session
            if current is None or current.associate_id != associate_id:
                token_key, refresh_key = self._parked_keys(associate_id)
                token, refresh_token = self._secrets.get(token_key), self._secrets.get(refresh_key)
                if token is None and refresh_token is None:
                    raise PinDisabledError("no session kept for this associate: sign in")
                self._park_active_tokens(unless=associate_id)
                for active, parked, value in (
                    (self._token_key(), token_key, token),
                    (self._refresh_key(), refresh_key, refresh_token),
                ):
                    if value is not None:
                        self._secrets.set(active, value)
                    self._secrets.delete(parked)
                stored = {"session": asdict(session), "scopes": scopes, "expires_at": None}
                set_meta(db, _SESSION_KEY, json.dumps(stored, ensure_ascii=False))
                self._now_authoring(associate_id)
                with self._lock:
                    self._session, self._token, self._scopes = session, token or "", scopes
        log.info("associate %s unlocked the terminal with a PIN", associate_id)
        self.request_sync()
        return session

    # -- diagnostics and updates ---------------------------------------------------------

    def _pin_fits_this_store(self, stored: Mapping[str, Any]) -> None:
        """A travelling associate: on a terminal enrolled for a store, only that store's
        associates (and admins) switch in by PIN, as the hub allows only them to sign in
        there. Unenrolled terminals (allowed by the hub's settings) keep no such rule."""
        enrollment = stored_enrollment(self._db.get())
        if enrollment is None or stored.get("role") == "admin":
            return
        if stored.get("store_id") != enrollment.store_id:
            raise PinOtherStoreError("this PIN's associate belongs to another store")

    def _gated_pass(
        self,
        engine: SyncEngine,
        progress: Callable[[SyncProgress], None] | None,
        cancel: threading.Event | None,
    ) -> SyncReport:
        """A sync pass that never pushes with a protocol the hub refused (update_gate)."""
        db = self._db.get()
        try:
            update_gate.check_hub_accepts(
                db,
                self._client,
                token=engine.token,
                device_id=self.device_id,
                scopes=engine.scopes,
                schema_version=engine.schema_version,
            )
            return engine.run_once(progress=progress, cancel=cancel)
        except UpdateNeededError:
            update_gate.record_refusal(db)
            raise

    def update_needed(self) -> bool:
        """Whether the hub asked for a newer app: work goes on, nothing is pushed."""
        return update_gate.blocked(self._db.get())

    def scope_checks(self) -> list[tuple[str, datetime | None, datetime | None]]:
        """(scope, last scope check that matched or could not resync, last resync a
        difference caused) of each scope of the session (diagnostics)."""
        db = self._db.get()
        with self._lock:
            scopes = list(self._scopes)
        return [
            (scope, scope_check.last_checked(db, scope), scope_check.last_resync(db, scope))
            for scope in scopes
        ]

    def sync_positions(self) -> list[tuple[str, str | None, bool]]:
        """(scope, the hub's cursor, snapshot done) of each scope of the session
        (diagnostics: the cursor's epoch tells support which hub copy it follows)."""
        db = self._db.get()
        with self._lock:
            scopes = list(self._scopes)
        return [
            (scope, state.cursor, state.snapshot_done)
            for scope, state in ((s, scope_state(db, s)) for s in scopes)
        ]
