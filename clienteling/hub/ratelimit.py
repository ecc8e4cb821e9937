"""Sign-in rate limiting: failed attempts per user name and per client address.

Failures live in the database (`sign_in_failures`), so every hub process behind a load
balancer counts the same attempts. While a key has `limit` failures in the last
`window`, sign-in is refused before the password is even checked (429, with the seconds
until the oldest failure leaves the window as Retry-After).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.ids import uuid7
from clienteling.domain.text import fold
from clienteling.hub.clock import iso
from clienteling.hub.tables import sign_in_failures


def user_key(username: str) -> str:
    return f"user:{fold(username.strip())}"[:200]


def address_key(address: str) -> str:
    return f"addr:{address}"[:200]


def retry_after(
    conn: Connection, *, limits: Mapping[str, int], now: datetime, window: timedelta
) -> int | None:
    """Seconds to wait when any key is over its limit, else None."""
    since = iso(now - window)
    waits: list[int] = []
    for key, limit in limits.items():
        times = (
            conn.execute(
                sa.select(sign_in_failures.c.at)
                .where(sign_in_failures.c.key == key, sign_in_failures.c.at > since)
                .order_by(sign_in_failures.c.at.desc())
                .limit(limit)
            )
            .scalars()
            .all()
        )
        if len(times) >= limit:
            oldest = datetime.fromisoformat(times[-1])
            waits.append(max(1, math.ceil((oldest + window - now).total_seconds())))
    return max(waits) if waits else None


def record_failure(
    conn: Connection, *, keys: Sequence[str], now: datetime, window: timedelta
) -> None:
    for key in keys:
        conn.execute(sa.insert(sign_in_failures).values(id=uuid7(), key=key, at=iso(now)))
        conn.execute(
            sa.delete(sign_in_failures).where(
                sign_in_failures.c.key == key, sign_in_failures.c.at <= iso(now - window)
            )
        )


def clear(conn: Connection, key: str) -> None:
    """A successful sign-in forgets the user's failures (not the address's)."""
    conn.execute(sa.delete(sign_in_failures).where(sign_in_failures.c.key == key))
