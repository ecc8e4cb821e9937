"""A revoked device: its last push is taken, everything else is refused, then it wipes.

Revoking a terminal must not lose the notes, visits and consent changes its associates
made offline, yet a lost laptop must stop reading customers at once. So:

- Revocation refuses every request of the device (pull, reads, refresh, sign-in) with
  401 `device_revoked`, whose `detail` says what the terminal should do:
  `{"final_push": bool, "discard_unsent": bool}`.
- While `final_push` is open the device may still `POST /sync/push` with the access token
  it held when it was revoked (even past its expiry: refresh is refused, and a terminal
  that was offline for days comes back with an expired one). Pushes are applied as
  usual and every answer carries `device_revoked: true`. The window is as long as the
  device's sign-in could have lasted anyway (`refresh_token_ttl_days` after the
  revocation), never longer; it closes when the device reports that it wiped.
- An admin may revoke with `discard_unsent` (a stolen laptop): no final push; the device
  is told to wipe at once.
- `POST /devices/self/wiped` (the device, after pushing and wiping) drops its tokens.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.errors import ApiError
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import device_wipes, refresh_tokens, sessions

REVOKED_MESSAGE = "an administrator revoked this device"


def final_push_open(
    conn: Connection,
    *,
    device_id: str,
    revoked_at: str,
    settings: HubSettings,
    now: datetime | None = None,
) -> bool:
    """Whether the revoked device may still push what it owes."""
    order = conn.execute(
        sa.select(device_wipes).where(device_wipes.c.device_id == device_id)
    ).first()
    if order is not None and (order.discard_unsent or order.wiped_at is not None):
        return False
    until = datetime.fromisoformat(revoked_at) + timedelta(days=settings.refresh_token_ttl_days)
    return (now or utc_now()) < until


def refused(
    conn: Connection, *, device_id: str, revoked_at: str, settings: HubSettings
) -> ApiError:
    """The 401 every request of a revoked device gets, telling it what to do next."""
    order = conn.execute(
        sa.select(device_wipes.c.discard_unsent).where(device_wipes.c.device_id == device_id)
    ).first()
    detail = {
        "final_push": final_push_open(
            conn, device_id=device_id, revoked_at=revoked_at, settings=settings
        ),
        "discard_unsent": bool(order.discard_unsent) if order is not None else False,
    }
    return ApiError(401, "device_revoked", REVOKED_MESSAGE, detail=detail)


def order_wipe(conn: Connection, *, device_id: str, discard_unsent: bool) -> None:
    """Record (or harden) what the revoked device must do; `discard_unsent` only ever
    goes from False to True (an admin cannot take back "wipe at once")."""
    added = insert_ignoring_conflicts(
        conn,
        device_wipes,
        {"device_id": device_id, "discard_unsent": discard_unsent, "wiped_at": None},
    )
    if not added and discard_unsent:
        conn.execute(
            sa.update(device_wipes)
            .where(device_wipes.c.device_id == device_id)
            .values(discard_unsent=True)
        )
    # Refresh is refused from now on: its tokens are of no use to anyone.
    conn.execute(sa.delete(refresh_tokens).where(refresh_tokens.c.device_id == device_id))


def mark_wiped(conn: Connection, *, device_id: str) -> None:
    """The device pushed what it could and wiped: its last tokens go."""
    insert_ignoring_conflicts(
        conn,
        device_wipes,
        {"device_id": device_id, "discard_unsent": False, "wiped_at": iso(utc_now())},
    )
    conn.execute(
        sa.update(device_wipes)
        .where(device_wipes.c.device_id == device_id, device_wipes.c.wiped_at.is_(None))
        .values(wiped_at=iso(utc_now()))
    )
    conn.execute(sa.delete(sessions).where(sessions.c.device_id == device_id))
    conn.execute(sa.delete(refresh_tokens).where(refresh_tokens.c.device_id == device_id))
