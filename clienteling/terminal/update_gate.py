"""The "update needed" gate: once the hub refused this app's protocol, push nothing.

The refusal is kept in the cache's meta table with the protocol version it was about, so
it survives a restart and ends by itself when an updated app (another protocol version)
opens the cache. While it stands, a sync pass first asks the hub with a read-only request
(the first page of one scope, nothing applied): only when the hub accepts the protocol
again (the hub was updated, or its range widened) does the pass go on and push the outbox.
The outbox stays as it is all along: every change made meanwhile syncs after the update.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlite_utils import Database

from clienteling.domain.errors import UpdateNeededError
from clienteling.protocol.models import PROTOCOL_VERSION, PullRequest
from clienteling.store.meta import delete_meta, get_meta, set_meta
from clienteling.sync.client import HubClient

log = logging.getLogger(__name__)

_KEY = "update_needed_protocol"


def blocked(db: Database) -> bool:
    """Whether the hub refused the protocol this app speaks (and nothing cleared it)."""
    return get_meta(db, _KEY) == str(PROTOCOL_VERSION)


def record_refusal(db: Database) -> None:
    if not blocked(db):
        log.warning("the hub refused protocol %d: not pushing until an update", PROTOCOL_VERSION)
    set_meta(db, _KEY, str(PROTOCOL_VERSION))


def clear(db: Database) -> None:
    if get_meta(db, _KEY) is not None:
        log.info("the hub accepts protocol %d again: syncing", PROTOCOL_VERSION)
        delete_meta(db, _KEY)


def check_hub_accepts(
    db: Database,
    client: HubClient,
    *,
    token: str,
    device_id: str,
    scopes: Sequence[str],
    schema_version: int,
) -> None:
    """When a refusal stands, ask again without writing anything: UpdateNeededError while
    the hub still refuses; otherwise the refusal is cleared and the caller may push."""
    if not blocked(db):
        return
    if not scopes:
        raise UpdateNeededError("the hub needs a newer version of Clienteling")
    client.pull(
        token,
        PullRequest(
            device_id=device_id,
            schema_version=schema_version,
            scope=scopes[0],
            cursor=None,
            limit=1,
        ),
    )
    clear(db)
