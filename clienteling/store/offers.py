"""The store customers' single-use offers as pulled from the hub (read only here: codes
are made and redeemed on the hub)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class OfferView:
    id: str
    code: str
    kind: str
    valid_in: str  # store | online
    status: str  # issued | redeemed
    expires_at: datetime
    created_at: datetime
    redeemed_at: datetime | None
    redeemed_channel: str | None


def _time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def customer_offers(db: Database, customer_id: str) -> list[OfferView]:
    rows = db.conn.execute(
        "SELECT id, code, kind, valid_in, status, expires_at, created_at, redeemed_at, "
        "redeemed_channel FROM offers WHERE customer_id = ? ORDER BY created_at DESC, id DESC",
        (customer_id,),
    ).fetchall()
    return [
        OfferView(
            id=r[0],
            code=r[1],
            kind=r[2],
            valid_in=r[3],
            status=r[4],
            expires_at=_time(r[5]),
            created_at=_time(r[6]),
            redeemed_at=_time(r[7]) if r[7] else None,
            redeemed_channel=r[8],
        )
        for r in rows
    ]
