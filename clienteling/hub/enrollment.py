"""Terminal enrollment: an admin makes a one-time code for a store; a new terminal trades
it for a device secret (`POST /api/v1/devices/enroll`).

Codes are short enough to type from a phone message: 12 letters and digits in groups of
four, from an alphabet without look-alikes (no 0/O, 1/I/L, U/V), about 59 bits. Only
their hash is stored; wrong, used and expired codes count as failures per client address
(`hub.ratelimit`), so guessing is hopeless.

Sign-in and enrollment: a terminal that is enrolled must present its device secret at
sign-in, and only associates of its store (or admins) sign in on it. A terminal that was
never enrolled may sign in as before while `allow_unenrolled_sign_in` is on (the default,
so scripts and the demo keep working); a store rollout turns it off.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.ids import uuid7
from clienteling.hub import audit
from clienteling.hub.clock import iso
from clienteling.hub.errors import ApiError
from clienteling.hub.passwords import new_token, token_hash
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import device_enrollments, enrollment_codes, locations

ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
CODE_LENGTH = 12
GROUP = 4
DEFAULT_TTL = timedelta(hours=24)
MAX_TTL = timedelta(days=30)


def new_code() -> str:
    """A fresh code as shown to people: "K7PQ-3MZX-W9RT"."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def normalize(code: str) -> str:
    """What was typed, without dashes, spaces or case: "k7pq 3mzx-w9rt" -> "K7PQ3MZXW9RT"."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(code: str) -> str:
    return token_hash(normalize(code))


def parse_ttl(text: str) -> timedelta:
    """ "24h", "90m", "7d" (or plain hours) -> a timedelta; ValueError when not valid or
    longer than 30 days."""
    text = text.strip().lower()
    units = {"m": "minutes", "h": "hours", "d": "days"}
    unit = units.get(text[-1:]) if text else None
    number = text[:-1] if unit else text
    try:
        value = float(number)
    except ValueError:
        raise ValueError(f"{text!r} is not a duration such as 24h, 90m or 7d") from None
    ttl = timedelta(**{unit or "hours": value})
    if not timedelta(minutes=1) <= ttl <= MAX_TTL:
        raise ValueError("an enrollment code lasts between one minute and 30 days")
    return ttl


def resolve_store(conn: Connection, spec: str) -> sa.Row[tuple[object, ...]]:
    """The store named by `spec`: its id, its exact name, or its number (1 = the first
    store by id, as `list_stores` shows them). LookupError when none matches."""
    rows = conn.execute(
        sa.select(locations).where(locations.c.kind == "store").order_by(locations.c.id)
    ).all()
    for row in rows:
        if spec in (row.id, row.name):
            return row
    if spec.isdigit() and 1 <= int(spec) <= len(rows):
        return rows[int(spec) - 1]
    raise LookupError(f"no store {spec!r}")


def list_stores(conn: Connection) -> list[sa.Row[tuple[object, ...]]]:
    return list(
        conn.execute(
            sa.select(locations).where(locations.c.kind == "store").order_by(locations.c.id)
        ).all()
    )


@dataclass(frozen=True, slots=True)
class CreatedCode:
    id: str
    code: str  # shown once; the hub keeps only its hash
    store_id: str | None
    expires_at: str


def create_code(
    conn: Connection,
    *,
    store_id: str | None,
    ttl: timedelta,
    now: datetime,
    created_by: str | None,
    device_id: str | None = None,
) -> CreatedCode:
    """Make a code (audited in the same transaction). ApiError 404 for an unknown store."""
    if store_id is not None:
        known = conn.execute(
            sa.select(locations.c.id).where(locations.c.id == store_id, locations.c.kind == "store")
        ).first()
        if known is None:
            raise ApiError(404, "store_not_found", "there is no store with this id")
    code = new_code()
    created = CreatedCode(id=uuid7(), code=code, store_id=store_id, expires_at=iso(now + ttl))
    conn.execute(
        sa.insert(enrollment_codes).values(
            id=created.id,
            code_hash=code_hash(code),
            store_id=store_id,
            created_by=created_by,
            created_at=iso(now),
            expires_at=created.expires_at,
        )
    )
    audit.record(
        conn,
        action=audit.ENROLLMENT_CODE_CREATE,
        associate_id=created_by,
        device_id=device_id,
        detail=f"code {created.id} store {store_id or 'any'}",
    )
    return created


@dataclass(frozen=True, slots=True)
class Enrolled:
    device_id: str
    device_secret: str
    store: sa.Row[tuple[object, ...]]
    enrolled_at: str


def refusal(code_row: sa.Row[tuple[object, ...]] | None, *, now: datetime) -> ApiError | None:
    """Why this code cannot enroll a terminal now (None: it can)."""
    if code_row is None:
        return ApiError(
            404,
            "enrollment_code_invalid",
            "this enrollment code is not valid: check it, or ask your administrator for a new one",
        )
    if code_row.revoked_at is not None:
        return ApiError(
            410,
            "enrollment_code_revoked",
            "this enrollment code was withdrawn: ask your administrator for a new one",
        )
    if code_row.used_at is not None:
        return ApiError(
            410,
            "enrollment_code_used",
            "this enrollment code was already used: each code "
            "enrolls one terminal, ask your administrator for a new one",
        )
    if str(code_row.expires_at) <= iso(now):
        return ApiError(
            410,
            "enrollment_code_expired",
            "this enrollment code has expired: ask your administrator for a new one",
        )
    return None


def choose_store(
    conn: Connection, *, code_row: sa.Row[tuple[object, ...]], store_id: str | None
) -> sa.Row[tuple[object, ...]]:
    """The store a (valid) code enrolls for: its own, or `store_id` when the code leaves
    the choice to the terminal. ApiError when that does not fit."""
    stores = list_stores(conn)
    if code_row.store_id is not None:
        if store_id is not None and store_id != code_row.store_id:
            raise ApiError(403, "wrong_store", "this enrollment code is for another store")
        chosen = str(code_row.store_id)
    elif store_id is None:
        raise ApiError(
            409,
            "store_required",
            "this enrollment code lets the terminal choose its store: choose one",
            detail={"stores": [{"id": s.id, "name": s.name} for s in stores]},
        )
    else:
        chosen = store_id
    store = next((s for s in stores if s.id == chosen), None)
    if store is None:
        raise ApiError(404, "store_not_found", "there is no store with this id")
    return store


def enroll(
    conn: Connection,
    *,
    code_row: sa.Row[tuple[object, ...]],
    device_id: str,
    store: sa.Row[tuple[object, ...]],
    now: datetime,
) -> Enrolled:
    """Use the (valid) code for `device_id` (already in `devices`) and `store`: a new
    secret replaces any earlier one. ApiError when another request used the code first."""
    used = conn.execute(
        sa.update(enrollment_codes)
        .where(enrollment_codes.c.id == code_row.id, enrollment_codes.c.used_at.is_(None))
        .values(used_at=iso(now), used_by_device=device_id)
    )
    if used.rowcount != 1:
        raise ApiError(
            410,
            "enrollment_code_used",
            "this enrollment code was already used: ask your administrator for a new one",
        )
    secret = new_token()
    conn.execute(sa.delete(device_enrollments).where(device_enrollments.c.device_id == device_id))
    conn.execute(
        sa.insert(device_enrollments).values(
            device_id=device_id,
            secret_hash=token_hash(secret),
            store_id=store.id,
            code_id=code_row.id,
            enrolled_at=iso(now),
        )
    )
    return Enrolled(device_id=device_id, device_secret=secret, store=store, enrolled_at=iso(now))


def check_sign_in(
    conn: Connection,
    settings: HubSettings,
    *,
    device_id: str,
    device_secret: str | None,
    role: str,
    store_id: str | None,
) -> str | None:
    """At sign-in: the store an enrolled device belongs to (None: not enrolled, allowed).
    ApiError 403 when the secret is missing or wrong, the associate belongs to another
    store, or the hub accepts enrolled terminals only."""
    row = conn.execute(
        sa.select(device_enrollments).where(device_enrollments.c.device_id == device_id)
    ).first()
    if row is None:
        if not settings.allow_unenrolled_sign_in:
            raise ApiError(
                403,
                "device_not_enrolled",
                "this terminal is not enrolled: enroll it with a code from your "
                "administrator, then sign in",
            )
        return None
    if device_secret is None or not secrets.compare_digest(
        token_hash(device_secret), row.secret_hash
    ):
        raise ApiError(
            403,
            "device_secret_invalid",
            "this terminal's enrollment is not valid any more: enroll it again with a new "
            "code from your administrator",
        )
    if role != "admin" and store_id != row.store_id:
        raise ApiError(
            403,
            "wrong_store",
            "this terminal is enrolled for another store: sign in at a terminal of your store",
        )
    return str(row.store_id)
