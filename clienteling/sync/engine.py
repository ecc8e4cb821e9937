"""One sync pass: push the outbox, then pull every scope page by page.

The engine opens its own cache connection (one per thread, never shared) and applies
each page in one transaction with its cursor, so a pass can stop anywhere (cancel,
network, crash) and the next one resumes from the stored cursor, snapshots included.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import takewhile
from pathlib import Path
from typing import Literal

from sqlite_utils import Database

from clienteling.domain.errors import (
    DeviceRevokedError,
    HubError,
    HubUnreachableError,
    SessionExpiredError,
)
from clienteling.protocol.models import (
    Mutation,
    PullRequest,
    PushRequest,
    PushResponse,
    ScopeCheckRequest,
)
from clienteling.protocol.pull_page import PulledPage
from clienteling.store import outbox, scope_check
from clienteling.store.apply import apply_page
from clienteling.store.cache import connect_cache
from clienteling.store.profile import undo_rejected
from clienteling.store.state import scope_state
from clienteling.store.transactions import write_transaction
from clienteling.sync.client import HubClient, MutationGapError

log = logging.getLogger(__name__)

PUSH_BATCH = 100

AuthorToken = Callable[[str, bool], str | None]
"""(associate id, renew) -> a token of that associate, or None when there is none left
(the mutation then goes with the pass's token). Quick switch: see `SyncEngine._push`."""
PULL_PAGE = 2000
"""Rows asked for per pull. A first sync is hundreds of pages: fewer, larger ones cost the
hub and the cache fewer round trips and commits; two pages are in memory at most (one
applied, one on its way), and decoding one holds the GIL for a few milliseconds only."""
_GAP_RETRIES = 3


@dataclass(frozen=True, slots=True)
class SyncProgress:
    phase: Literal["push", "pull"]
    scope: str | None
    done: int
    total: int | None


@dataclass(frozen=True, slots=True)
class PullJob:
    """What a pass's pulls need, sent to a `PullRunner` (plain values: it may cross a
    process boundary)."""

    device_id: str
    token: str
    scopes: tuple[str, ...]
    schema_version: int
    page_size: int


@dataclass(frozen=True, slots=True)
class PullResult:
    pulled: int
    kinds: frozenset[str]


PullRunner = Callable[
    [PullJob, Callable[[SyncProgress], None] | None, threading.Event | None],
    PullResult,
]
"""Runs a pass's pulls somewhere else (`sync.pull_process`: another process, so the
GUI process's interpreter never holds its lock for the decoding and row building)."""


@dataclass(frozen=True, slots=True)
class SyncReport:
    pushed: int  # mutations the hub applied (or already had) in this pass
    rejected: list[tuple[int, str]]  # (mutation id, reason) refused in this pass
    pulled: int  # changes applied
    pending: int  # mutations still waiting after the pass
    kinds: frozenset[str] = field(default_factory=frozenset)  # entity kinds pulled
    cancelled: bool = False
    revoked: bool = False  # the hub took the push but revoked this device: wipe next


class SyncEngine:
    def __init__(
        self,
        *,
        db_path: Path,
        client: HubClient,
        device_id: str,
        token: str,
        scopes: Sequence[str],
        schema_version: int,
        push_batch: int = PUSH_BATCH,
        page_size: int = PULL_PAGE,
        cache_key: bytes | None = None,
        author_token: AuthorToken | None = None,
        pull_runner: PullRunner | None = None,
    ) -> None:
        """`pull_runner`: pull there instead of on this thread (the push stays here: it
        is small, and quick switch needs this process's tokens)."""
        self.db_path = db_path
        self.cache_key = cache_key  # None: a plaintext cache
        self.client = client
        self.device_id = device_id
        self.token = token
        self.scopes = list(scopes)
        self.schema_version = schema_version
        self.push_batch = push_batch
        self.page_size = page_size
        self.author_token = author_token
        self.pull_runner = pull_runner

    def run_once(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """Push, then pull until caught up (or until `cancel` is set between pages)."""
        report = _Tally()
        db = connect_cache(self.db_path, key=self.cache_key)
        try:
            self._push(db, report, progress, cancel)
            # A revoked device only pushes what it owes: its pull would be refused.
            if report.revoked or _cancelled(cancel):
                pass
            elif self.pull_runner is not None:
                result = self.pull_runner(self.pull_job(), progress, cancel)
                report.pulled += result.pulled
                report.kinds |= result.kinds
            else:
                self._pull_scopes(db, report, progress, cancel)
            report.cancelled = _cancelled(cancel)
            return report.finish(outbox.counts(db).pending)
        finally:
            db.close()

    def pull_job(self) -> PullJob:
        return PullJob(
            device_id=self.device_id,
            token=self.token,
            scopes=tuple(self.scopes),
            schema_version=self.schema_version,
            page_size=self.page_size,
        )

    def pull_only(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> PullResult:
        """Pull every scope until caught up, pushing nothing (a `PullRunner`'s side)."""
        report = _Tally()
        db = connect_cache(self.db_path, key=self.cache_key)
        try:
            self._pull_scopes(db, report, progress, cancel)
        finally:
            db.close()
        return PullResult(pulled=report.pulled, kinds=frozenset(report.kinds))

    def _pull_scopes(
        self,
        db: Database,
        report: _Tally,
        progress: Callable[[SyncProgress], None] | None,
        cancel: threading.Event | None,
    ) -> None:
        for scope in self.scopes:
            if _cancelled(cancel):
                return
            self._pull(db, scope, report, progress, cancel)
            if not _cancelled(cancel):
                self._check(db, scope, report, progress, cancel)

    def _check(
        self,
        db: Database,
        scope: str,
        report: _Tally,
        progress: Callable[[SyncProgress], None] | None,
        cancel: threading.Event | None,
    ) -> None:
        """DESIGN.md Sync 9: when due, compare this cache's rows of the caught-up scope
        with the hub's (`store.scope_check`) and resync the scope when they differ. A
        check that cannot be made (the hub moved on, an older hub, the network) waits
        for a later pass; it never fails this one."""
        cursor = scope_state(db, scope).cursor
        if cursor is None or outbox.counts(db).pending or not scope_check.check_due(db, scope):
            return
        request = ScopeCheckRequest(
            device_id=self.device_id,
            schema_version=self.schema_version,
            scope=scope,
            cursor=cursor,
        )
        try:
            answer = self.client.check(self.token, request)
        except SessionExpiredError:
            raise
        except (HubError, HubUnreachableError) as exc:
            if isinstance(exc, HubError) and exc.status == 404:  # a hub from before checks
                scope_check.mark_checked(db, scope)
            log.info("scope check of %s not made: %s", scope, type(exc).__name__)
            return
        if not answer.caught_up:
            return  # the scope changed since this pass pulled: check next time
        hub = {kind: (f.count, f.version_sum) for kind, f in answer.kinds.items()}
        differs = scope_check.differences(scope_check.local_figures(db, scope), hub)
        if not differs:
            scope_check.mark_checked(db, scope)
            return
        summary = "; ".join(
            f"{kind}: {ours[0]} rows here, {theirs[0]} on the hub"
            + ("" if ours[0] != theirs[0] else " (versions differ)")
            for kind, (ours, theirs) in sorted(differs.items())
        )
        if not scope_check.may_resync(db, scope):
            log.error("scope %s still differs from the hub after a resync: %s", scope, summary)
            scope_check.mark_checked(db, scope)
            return
        log.warning("scope %s differs from the hub (%s): resyncing it", scope, summary)
        with write_transaction(db):
            scope_check.mark_resync(db, scope)
        self._pull(db, scope, report, progress, cancel, start_over=True)

    def _push(
        self,
        db: Database,
        report: _Tally,
        progress: Callable[[SyncProgress], None] | None,
        cancel: threading.Event | None,
    ) -> None:
        total = outbox.counts(db).pending
        gaps = 0
        while not _cancelled(cancel):
            batch = outbox.pending(db, self.push_batch)
            if not batch:
                return
            # The hub credits a mutation to the associate of the token that pushes it:
            # on a shared terminal each run of one author's mutations goes with that
            # author's token, in id order (the ids stay gapless across authors).
            author = batch[0].author_id
            batch = _leading_run(batch)
            request = PushRequest(
                device_id=self.device_id,
                schema_version=self.schema_version,
                mutations=[
                    Mutation(id=m.mutation_id, name=m.name, args=m.args, created_at=m.created_at)
                    for m in batch
                ],
            )
            try:
                response = self._push_as(author, request)
            except MutationGapError as gap:
                gaps += 1
                if gaps > _GAP_RETRIES:
                    raise
                log.warning(
                    "hub has mutations only up to %d; resending from there", gap.last_mutation_id
                )
                outbox.realign(db, gap.last_mutation_id)
                continue
            report.revoked = report.revoked or response.device_revoked
            with write_transaction(db):
                for result in response.results:
                    if result.status == "rejected":
                        reason = result.reason or "refused by the hub"
                        outbox.mark_rejected(db, result.id, reason)
                        undo_rejected(db, result.id)
                        report.rejected.append((result.id, reason))
                    else:
                        report.pushed += 1
                outbox.acknowledge(db, response.last_mutation_id)
            if progress is not None:
                progress(SyncProgress("push", None, report.pushed + len(report.rejected), total))
            if response.last_mutation_id < batch[0].mutation_id:
                log.warning("the hub did not advance past mutation %d", response.last_mutation_id)
                return

    def _push_as(self, author: str | None, request: PushRequest) -> PushResponse:
        if author is None or self.author_token is None:
            return self.client.push(self.token, request)
        token = self.author_token(author, False)
        if token is None:
            log.warning("no token left for associate %s: pushing with this pass's", author)
            return self.client.push(self.token, request)
        try:
            return self.client.push(token, request)
        except DeviceRevokedError:
            raise  # nothing to renew: the terminal's revocation is handled by the caller
        except SessionExpiredError:
            renewed = self.author_token(author, True)
            if renewed is None:
                log.warning("associate %s must sign in again: pushing with this pass's", author)
                renewed = self.token
            elif token == self.token:  # the pass's own associate: pull with the new one too
                self.token = renewed
            return self.client.push(renewed, request)

    def _pull(
        self,
        db: Database,
        scope: str,
        report: _Tally,
        progress: Callable[[SyncProgress], None] | None,
        cancel: threading.Event | None,
        *,
        start_over: bool = False,
    ) -> None:
        """Pull `scope` until caught up (`start_over`: from a new snapshot whose first page
        drops the scope's rows, as a reset from the hub does). While a page is applied the
        next one is already on its way (`_Prefetch`): the hub reads and encodes it on its
        own core meanwhile. Only the applied page's cursor is ever stored, so a page
        fetched ahead and never applied (cancel, crash, error) is asked for again."""
        state = scope_state(db, scope)
        cursor, done = state.cursor, state.snapshot_done
        pulled_here = 0
        resync = start_over
        if start_over:
            cursor, done = None, False
        with _Prefetch(self._fetch) as ahead:
            ahead.ask(scope, cursor)
            while not _cancelled(cancel):
                try:
                    page = ahead.take()
                except HubError as exc:
                    if exc.hub_code != "invalid_cursor" or cursor is None:
                        raise
                    # The hub cannot continue our cursor (e.g. restored from another copy):
                    # start the scope over; the first page's transaction drops the old rows.
                    log.warning("the hub refused the cursor of %s: resyncing that scope", scope)
                    cursor, done, resync = None, False, True
                    ahead.ask(scope, cursor)
                    continue
                if page.has_more and not _cancelled(cancel):
                    ahead.ask(scope, page.cursor)
                if page.reset:
                    log.info("hub asks to resync %s (%s)", scope, page.reset_reason or "epoch")
                reset, resync = page.reset or resync, False
                done = (done and not reset) or not page.has_more
                try:
                    kinds = apply_page(
                        db,
                        scope=scope,
                        changes=page.changes,
                        tables=page.tables,
                        cursor=page.cursor,
                        last_mutation_id=page.last_mutation_id,
                        snapshot_done=done,
                        reset=reset,
                    )
                except ValueError as exc:  # a row SQLite cannot store: nothing was written
                    log.error("a page of %s could not be stored: %s", scope, exc)
                    raise HubError(
                        "unexpected answer from /api/v1/sync/pull",
                        hub_code="bad_response",
                        status=200,
                    ) from exc
                report.kinds |= kinds
                report.pulled += page.rows
                pulled_here += page.rows
                cursor = page.cursor
                if progress is not None:
                    progress(_pull_progress(scope, page, pulled_here))
                if not page.has_more:
                    return

    def _fetch(self, scope: str, cursor: str | None) -> PulledPage:
        """One page; snapshot pages as tables (`PullRequest.layout`; `HubClient.pull`
        asks an older hub for changes instead)."""
        return self.client.pull(
            self.token,
            PullRequest(
                device_id=self.device_id,
                schema_version=self.schema_version,
                scope=scope,
                cursor=cursor,
                limit=self.page_size,
                layout="tables",
            ),
        )


class _Prefetch:
    """At most one pull request in flight on a helper thread, its answer taken in order.

    The helper only talks HTTP and decodes; every cache write stays on the caller's
    thread and connection. Leaving the block waits for a request still in flight (its
    page is dropped) so no request outlives the pass."""

    def __init__(self, fetch: Callable[[str, str | None], PulledPage]) -> None:
        self._fetch = fetch
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull")
        self._next: Future[PulledPage] | None = None

    def __enter__(self) -> _Prefetch:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def ask(self, scope: str, cursor: str | None) -> None:
        if self._next is not None:
            raise RuntimeError("a page is already on its way")
        self._next = self._pool.submit(self._fetch, scope, cursor)

    def take(self) -> PulledPage:
        future, self._next = self._next, None
        if future is None:
            raise RuntimeError("no page was asked for")
        return future.result()


def _pull_progress(scope: str, page: PulledPage, pulled_here: int) -> SyncProgress:
    if page.snapshot and page.snapshot_total is not None:
        return SyncProgress("pull", scope, page.snapshot_done or pulled_here, page.snapshot_total)
    return SyncProgress("pull", scope, pulled_here, None)


def _leading_run(batch: list[outbox.OutboxEntry]) -> list[outbox.OutboxEntry]:
    """The first mutations of `batch` that share its first one's author."""
    author = batch[0].author_id
    return list(takewhile(lambda m: m.author_id == author, batch))


def _cancelled(cancel: threading.Event | None) -> bool:
    return cancel is not None and cancel.is_set()


@dataclass(slots=True)
class _Tally:
    pushed: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    pulled: int = 0
    kinds: set[str] = field(default_factory=set)
    cancelled: bool = False
    revoked: bool = False

    def finish(self, pending: int) -> SyncReport:
        return SyncReport(
            pushed=self.pushed,
            rejected=list(self.rejected),
            pulled=self.pulled,
            pending=pending,
            kinds=frozenset(self.kinds),
            cancelled=self.cancelled,
            revoked=self.revoked,
        )
