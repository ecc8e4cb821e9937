"""Personal PINs on this terminal: a slow hash (argon2) per associate, never the PIN, and
the count of wrong PINs in a row that disables it (DESIGN.md, Security).

A PIN row also keeps the associate's session facts (name, role, store, scopes: nothing
secret), so a PIN can resume that session here; the tokens stay in the OS keyring.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlite_utils import Database

from clienteling.domain.pins import MAX_PIN_FAILURES
from clienteling.store.meta import get_meta, set_meta
from clienteling.store.outbox import AUTHOR_KEY
from clienteling.store.transactions import write_transaction

_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class PinHolder:
    """What the lock screen lists: a name to pick, never customer data."""

    associate_id: str
    display_name: str
    disabled: bool  # too many wrong PINs: the password is needed


@dataclass(frozen=True, slots=True)
class PinRecord:
    associate_id: str
    pin_hash: str
    failures: int
    disabled: bool
    session: dict[str, Any]  # the stored session facts and scopes


def hash_pin(pin: str) -> str:
    """Slow on purpose (argon2): a copied cache does not give the 4-digit PIN away in
    microseconds. Call outside a write transaction."""
    return _hasher.hash(pin)


def pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def save_pin(
    db: Database,
    *,
    associate_id: str,
    display_name: str,
    store_id: str | None,
    session: dict[str, Any],
    pin_hash: str,
) -> None:
    """Set (or replace) the associate's PIN; a new PIN starts with no failures."""
    with write_transaction(db):
        db.execute(
            "INSERT INTO pins (associate_id, display_name, store_id, session, pin_hash, "
            "failures, disabled, set_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?) "
            "ON CONFLICT(associate_id) DO UPDATE SET display_name = excluded.display_name, "
            "store_id = excluded.store_id, session = excluded.session, "
            "pin_hash = excluded.pin_hash, failures = 0, disabled = 0, set_at = excluded.set_at",
            (
                associate_id,
                display_name,
                store_id,
                json.dumps(session, ensure_ascii=False),
                pin_hash,
                datetime.now(UTC).isoformat(),
            ),
        )


def pin_record(db: Database, associate_id: str) -> PinRecord | None:
    row = db.conn.execute(
        "SELECT pin_hash, failures, disabled, session FROM pins WHERE associate_id = ?",
        (associate_id,),
    ).fetchone()
    if row is None:
        return None
    return PinRecord(
        associate_id=associate_id,
        pin_hash=str(row[0]),
        failures=int(row[1]),
        disabled=bool(row[2]),
        session=json.loads(row[3]),
    )


def record_failure(db: Database, associate_id: str) -> int:
    """Count one wrong PIN; the PIN is disabled at `MAX_PIN_FAILURES`. Returns the count."""
    with write_transaction(db):
        db.execute(
            "UPDATE pins SET failures = failures + 1, "
            "disabled = CASE WHEN failures + 1 >= ? THEN 1 ELSE disabled END "
            "WHERE associate_id = ?",
            (MAX_PIN_FAILURES, associate_id),
        )
        row = db.conn.execute(
            "SELECT failures FROM pins WHERE associate_id = ?", (associate_id,)
        ).fetchone()
    return int(row[0]) if row else MAX_PIN_FAILURES


def record_success(db: Database, associate_id: str) -> None:
    db.execute("UPDATE pins SET failures = 0 WHERE associate_id = ?", (associate_id,))


def enable_after_password(db: Database, associate_id: str) -> None:
    """A password sign-in proves who it is: a PIN disabled by wrong guesses works again."""
    db.execute("UPDATE pins SET failures = 0, disabled = 0 WHERE associate_id = ?", (associate_id,))


def remove_pin(db: Database, associate_id: str) -> None:
    db.execute("DELETE FROM pins WHERE associate_id = ?", (associate_id,))


def pin_holders(db: Database, *, store_id: str | None) -> list[PinHolder]:
    """Associates with a PIN on this terminal for `store_id`, by name."""
    rows = db.conn.execute(
        "SELECT associate_id, display_name, disabled FROM pins WHERE store_id IS ? "
        "ORDER BY display_name COLLATE NOCASE, associate_id",
        (store_id,),
    ).fetchall()
    return [PinHolder(str(r[0]), str(r[1]), bool(r[2])) for r in rows]


def set_author(db: Database, associate_id: str) -> None:
    """Who writes the next outbox mutations (see `outbox.enqueue`)."""
    set_meta(db, AUTHOR_KEY, associate_id)


def current_author(db: Database) -> str | None:
    return get_meta(db, AUTHOR_KEY)


def local_associates(db: Database) -> list[str]:
    """Every associate this terminal keeps something for: a PIN, or an unsent change they
    wrote (their parked tokens are in the keyring; a wipe deletes those entries too)."""
    rows = db.execute(
        "SELECT associate_id FROM pins UNION "
        "SELECT author_id FROM outbox WHERE author_id IS NOT NULL"
    ).fetchall()
    return sorted(str(row[0]) for row in rows)


_DECLINED_PREFIX = "pin_offer_declined:"


def decline_pin_offer(db: Database, associate_id: str) -> None:
    """The associate answered "not now" to the PIN offer on this terminal: not asked again
    here (a wipe forgets it with the rest of the cache)."""
    set_meta(db, _DECLINED_PREFIX + associate_id, datetime.now(UTC).isoformat())


def pin_offer_declined(db: Database, associate_id: str) -> bool:
    return get_meta(db, _DECLINED_PREFIX + associate_id) is not None
