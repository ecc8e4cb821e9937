"""The manager dashboard on the terminal: fetched from the hub, kept for offline viewing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from clienteling.domain.errors import HubUnreachableError
from clienteling.protocol.dashboard import StoreDashboard
from clienteling.store.dashboard_cache import cached_dashboard, save_dashboard
from clienteling.store.transactions import write_transaction


@dataclass(frozen=True, slots=True)
class DashboardResult:
    board: StoreDashboard
    as_of: datetime  # when the hub computed it (UTC)
    from_cache: bool  # the hub could not be reached: this is the copy kept from before


def fetch_dashboard(
    db: Database,
    *,
    fetch: Callable[[], StoreDashboard],
    store_id: str,
    start: date,
    end: date,
) -> DashboardResult:
    """`fetch()` from the hub and keep the answer; when the hub is unreachable, the copy
    kept for the same store and days. HubUnreachableError when there is none."""
    try:
        board = fetch()
    except HubUnreachableError:
        kept = cached_dashboard(
            db,
            store_id=store_id,
            start=start.isoformat(),
            end=(end + timedelta(days=1)).isoformat(),
        )
        if kept is None:
            raise
        return DashboardResult(kept, datetime.fromisoformat(kept.generated_at), True)
    with write_transaction(db):
        save_dashboard(db, board)
    return DashboardResult(board, datetime.fromisoformat(board.generated_at), False)
