"""The last dashboards a manager looked at, kept for offline viewing (with their 'as of').

Stored as the hub's JSON in `meta`, one entry per store and period; only the newest
`KEEP` entries stay, so the cache cannot grow without bound.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from clienteling.protocol.dashboard import StoreDashboard
from clienteling.store.meta import get_meta, set_meta

_KEY = "dashboards"
KEEP = 12


def _entry_key(store_id: str, start: str, end: str) -> str:
    return f"{store_id}|{start}|{end}"


def _entries(db: Database) -> dict[str, str]:
    raw = get_meta(db, _KEY)
    if raw is None:
        return {}
    try:
        entries = json.loads(raw)
    except ValueError:
        return {}
    return entries if isinstance(entries, dict) else {}


def save_dashboard(db: Database, board: StoreDashboard) -> None:
    entries = _entries(db)
    key = _entry_key(board.store_id, board.start, board.end)
    entries.pop(key, None)
    entries[key] = board.model_dump_json()
    newest = dict(list(entries.items())[-KEEP:])
    set_meta(db, _KEY, json.dumps(newest, ensure_ascii=False))


def cached_dashboard(db: Database, *, store_id: str, start: str, end: str) -> StoreDashboard | None:
    """The copy kept for exactly this store and period (`end` exclusive), if any."""
    raw = _entries(db).get(_entry_key(store_id, start, end))
    if raw is None:
        return None
    try:
        return StoreDashboard.model_validate_json(raw)
    except ValueError:
        return None
