"""Profile changes, consent and merges on the terminal (DESIGN.md, Sync §3, §7, §8).

A profile change is written to the customer row at once (optimistic) with its
`customer.patch` mutation in the same transaction. Until the hub acknowledges it, a pull
must not undo it: after each pulled page the pending patches still in the outbox are
applied again on top of the hub's rows (`settle`). `customer_shadow` keeps the hub's
values of the fields changed here, so a refused patch can be taken back (`undo_rejected`).

Consent changes are local events (version 0 until pulled) plus `consent.set`; the hub's
event of the same id replaces the local one. A merge pulled from the hub re-points local
rows and the outbox from the merged id to the survivor.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from clienteling.domain.contacts import (
    clean_name,
    display_name,
    looks_like_email,
    normalize_email,
)
from clienteling.domain.errors import ValidationError
from clienteling.domain.phones import is_e164
from clienteling.domain.preferences import (
    PREFERENCE_KEYS,
    InvalidPreferenceError,
    apply_preferences,
    clean_preference,
)
from clienteling.protocol.entities import ConsentSetArgs, CustomerPatchArgs
from clienteling.protocol.models import Change
from clienteling.protocol.pull_page import AnyChange
from clienteling.store import outbox
from clienteling.store.apply import remove_customers, upsert_customers
from clienteling.store.tables import ENTITY_TABLES
from clienteling.store.transactions import write_transaction

log = logging.getLogger(__name__)

PATCH = "customer.patch"
CONSENT = "consent.set"

CONSENT_UNSENT = (
    "EXISTS (SELECT 1 FROM outbox AS o WHERE o.status = 'pending' AND o.name = 'consent.set' "
    "AND json_extract(o.args, '$.id') = {row}.id)"
)
"""SQL: the consent event in `{row}` waits in the outbox. Once the hub acknowledged it, it
no longer shows as pending, even before the pull brings its copy (version 0 until then)."""
PROFILE_FIELDS = (
    "given_name",
    "family_name",
    "phones",
    "emails",
    "preferred_channel",
    "language",
)
"""Columns `customer.patch` changes; preferences change per key ("preferences.<key>")."""
_PREFIX = "preferences."
MAX_CONTACTS = 5
_MAX_MERGE_HOPS = 8


# --- reading ---------------------------------------------------------------------------


def resolve_local(db: Database, customer_id: str) -> str:
    """The id a customer goes by now on this terminal (the survivor of a merge)."""
    for _ in range(_MAX_MERGE_HOPS):
        row = db.conn.execute(
            "SELECT survivor_id FROM customer_merges WHERE id = ?", (customer_id,)
        ).fetchone()
        if row is None or row[0] == customer_id:
            break
        customer_id = str(row[0])
    return customer_id


def _pending_patches(db: Database, customer_ids: Iterable[str] | None = None) -> list[Any]:
    """(mutation id, args) of unacknowledged patches, oldest first."""
    rows = db.conn.execute(
        "SELECT mutation_id, args FROM outbox WHERE status = 'pending' AND name = ? "
        "ORDER BY mutation_id",
        (PATCH,),
    ).fetchall()
    wanted = None if customer_ids is None else set(customer_ids)
    found = [(int(r[0]), json.loads(r[1])) for r in rows]
    return [f for f in found if wanted is None or f[1].get("customer_id") in wanted]


def _patched_fields(args: Mapping[str, Any]) -> set[str]:
    fields = {f for f in PROFILE_FIELDS if f in args}
    return fields | {_PREFIX + key for key in args.get("preferences") or {}}


@dataclass(frozen=True, slots=True)
class ProfileSyncState:
    """What the hub has not confirmed yet about one customer, and what it refused."""

    pending_fields: frozenset[str]  # "given_name", ..., "preferences.sizes"
    pending_channels: frozenset[str]  # consent channels with a change not yet pulled
    refused: tuple[str, ...]  # the hub's reasons for refused profile and consent changes


def sync_state(db: Database, customer_id: str) -> ProfileSyncState:
    fields: set[str] = set()
    for _mutation_id, args in _pending_patches(db, [customer_id]):
        fields |= _patched_fields(args)
    channels = {
        str(r[0])
        for r in db.conn.execute(
            "SELECT channel FROM consents AS k WHERE customer_id = ? AND version = 0 AND "
            + CONSENT_UNSENT.format(row="k"),
            (customer_id,),
        )
    }
    refused = tuple(
        str(r[0] or "")
        for r in db.conn.execute(
            "SELECT reason FROM outbox WHERE status = 'rejected' AND name IN (?, ?) "
            "AND json_extract(args, '$.customer_id') = ? ORDER BY mutation_id",
            (PATCH, CONSENT, customer_id),
        )
    )
    return ProfileSyncState(frozenset(fields), frozenset(channels), refused)


# --- writing a patch -------------------------------------------------------------------


def _customer_data(db: Database, customer_id: str) -> tuple[dict[str, Any], str, int] | None:
    """The cached row as entity data, with its scope and version."""
    spec = ENTITY_TABLES["customer"]
    row = db.conn.execute(
        f"SELECT {', '.join(spec.columns)}, scope, version FROM customers WHERE id = ?",
        (customer_id,),
    ).fetchone()
    if row is None:
        return None
    data = dict(zip(spec.columns, row[:-2], strict=True))
    for column in spec.json_columns:
        data[column] = json.loads(data[column]) if data[column] else None
    if not isinstance(data.get("preferences"), dict):
        data["preferences"] = {}
    return data, str(row[-2]), int(row[-1])


def _write(db: Database, data: dict[str, Any], *, scope: str, version: int) -> None:
    data["display_name"] = display_name(
        data["given_name"], data["family_name"], language=data["language"]
    )
    change = Change(entity="customer", op="upsert", id=data["id"], version=version, data=data)
    upsert_customers(db, [change], scope=scope)


def _get(data: Mapping[str, Any], field: str) -> Any:
    if field.startswith(_PREFIX):
        return (data.get("preferences") or {}).get(field[len(_PREFIX) :])
    return data.get(field)


def _put(data: dict[str, Any], field: str, value: Any) -> None:
    if field.startswith(_PREFIX):
        data["preferences"] = apply_preferences(
            data.get("preferences") or {}, {field[len(_PREFIX) :]: value}
        )
    else:
        data[field] = value


def _apply_patch(data: dict[str, Any], args: Mapping[str, Any]) -> dict[str, Any]:
    for field in PROFILE_FIELDS:
        if field in args:
            data[field] = args[field]
    if args.get("preferences"):
        data["preferences"] = apply_preferences(data.get("preferences") or {}, args["preferences"])
    return data


def clean_patch(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields as the hub will store them; ValidationError names what is wrong."""
    cleaned: dict[str, Any] = {}
    for name in ("given_name", "family_name"):
        if name in fields:
            cleaned[name] = clean_name(str(fields[name]))
            if not cleaned[name]:
                raise ValidationError("the given name and the family name are required")
    if "phones" in fields:
        phones = list(dict.fromkeys(fields["phones"]))
        if not all(is_e164(p) for p in phones) or len(phones) > MAX_CONTACTS:
            raise ValidationError("a phone number is not valid")
        cleaned["phones"] = phones
    if "emails" in fields:
        emails = list(dict.fromkeys(normalize_email(e) for e in fields["emails"]))
        if not all(looks_like_email(e) for e in emails) or len(emails) > MAX_CONTACTS:
            raise ValidationError("an email address is not valid")
        cleaned["emails"] = emails
    for name in ("preferred_channel", "language"):
        if name in fields:
            cleaned[name] = fields[name]
    if "preferences" in fields:
        preferences = {}
        for key, value in (fields["preferences"] or {}).items():
            if key not in PREFERENCE_KEYS:
                raise ValidationError(f"unknown preference {key!r}")
            try:
                preferences[key] = clean_preference(key, value)
            except InvalidPreferenceError as exc:
                raise ValidationError(str(exc)) from exc
        cleaned["preferences"] = preferences
    return cleaned


def patch_customer(db: Database, customer_id: str, fields: Mapping[str, Any]) -> list[str]:
    """Change the customer here and queue `customer.patch` with only what changed, in one
    transaction (works offline). Returns the changed fields (none: nothing queued)."""
    wanted = clean_patch(fields)
    with write_transaction(db):
        customer_id = resolve_local(db, customer_id)
        found = _customer_data(db, customer_id)
        if found is None:
            raise ValidationError("this customer is not known on this terminal")
        data, scope, version = found
        args: dict[str, Any] = {}
        for name, value in wanted.items():
            if name != "preferences" and data.get(name) != value:
                args[name] = value
        changed_preferences = {
            key: value
            for key, value in wanted.get("preferences", {}).items()
            if data["preferences"].get(key) != value
        }
        if changed_preferences:
            args["preferences"] = changed_preferences
        if not args:
            return []
        shadow = _shadow(db, customer_id)
        for field in _patched_fields(args):
            shadow.setdefault(field, _get(data, field))
        _save_shadow(db, customer_id, shadow)
        _write(db, _apply_patch(data, args), scope=scope, version=version)
        patch: CustomerPatchArgs = {"customer_id": customer_id, **args}  # type: ignore[typeddict-item]
        outbox.enqueue(db, PATCH, dict(patch))
    return sorted(_patched_fields(args))


def _shadow(db: Database, customer_id: str) -> dict[str, Any]:
    row = db.conn.execute(
        "SELECT hub_values FROM customer_shadow WHERE customer_id = ?", (customer_id,)
    ).fetchone()
    return {} if row is None else dict(json.loads(row[0]))


def _save_shadow(db: Database, customer_id: str, shadow: dict[str, Any]) -> None:
    if shadow:
        db.conn.execute(
            "INSERT INTO customer_shadow (customer_id, hub_values) VALUES (?, ?) "
            "ON CONFLICT(customer_id) DO UPDATE SET hub_values = excluded.hub_values",
            (customer_id, json.dumps(shadow, ensure_ascii=False)),
        )
    else:
        db.conn.execute("DELETE FROM customer_shadow WHERE customer_id = ?", (customer_id,))


def _rebuild(db: Database, customer_ids: Iterable[str], *, fresh: set[str]) -> None:
    """Each customer = the hub's values (`fresh`: just pulled; else from the shadow) plus
    the pending patches, oldest first; the shadow then holds the hub's values again."""
    ids = set(customer_ids)
    if not ids:
        return
    patches: dict[str, list[Mapping[str, Any]]] = {}
    for _mutation_id, args in _pending_patches(db, ids):
        patches.setdefault(str(args["customer_id"]), []).append(args)
    for customer_id in sorted(ids):
        found = _customer_data(db, customer_id)
        if found is None:
            _save_shadow(db, customer_id, {})
            continue
        data, scope, version = found
        old_shadow = {} if customer_id in fresh else _shadow(db, customer_id)
        for field, value in old_shadow.items():
            _put(data, field, value)
        shadow: dict[str, Any] = {}
        for args in patches.get(customer_id, []):
            for field in _patched_fields(args):
                shadow.setdefault(field, _get(data, field))
            _apply_patch(data, args)
        _save_shadow(db, customer_id, shadow)
        if old_shadow or shadow:
            _write(db, data, scope=scope, version=version)


# --- consent ---------------------------------------------------------------------------


def latest_consent_event(db: Database, customer_id: str, channel: str) -> tuple[Any, ...] | None:
    """(id, granted, version) of the newest event: hub events in version order (commit
    order, never a clock), then this terminal's own events not yet pulled."""
    row = db.conn.execute(
        "SELECT id, granted, version FROM consents WHERE customer_id = ? AND channel = ? "
        "ORDER BY version = 0 DESC, version DESC, rowid DESC LIMIT 1",
        (customer_id, channel),
    ).fetchone()
    return None if row is None else tuple(row)


def set_consent(
    db: Database, *, customer_id: str, channel: str, granted: bool, consent_id: str
) -> bool:
    """Record the customer's choice here and queue `consent.set` (one transaction, works
    offline); False when it is already the current state (nothing queued)."""
    with write_transaction(db):
        customer_id = resolve_local(db, customer_id)
        known = db.conn.execute(
            "SELECT scope FROM customers WHERE id = ?", (customer_id,)
        ).fetchone()
        if known is None:
            raise ValidationError("this customer is not known on this terminal")
        latest = latest_consent_event(db, customer_id, channel)
        if latest is not None and bool(latest[1]) == granted:
            return False
        based_on = db.conn.execute(
            "SELECT coalesce(max(version), 0) FROM consents WHERE customer_id = ? AND channel = ?",
            (customer_id, channel),
        ).fetchone()[0]
        unpulled = [
            str(r[0])
            for r in db.conn.execute(
                "SELECT id FROM consents WHERE customer_id = ? AND channel = ? AND version = 0 "
                "ORDER BY rowid",
                (customer_id, channel),
            )
        ]
        at = datetime.now(UTC).isoformat()
        db.conn.execute(
            "INSERT INTO consents (id, customer_id, channel, granted, source, at, scope, version) "
            "VALUES (?, ?, ?, ?, 'store', ?, ?, 0)",
            (consent_id, customer_id, channel, int(granted), at, known[0]),
        )
        args = ConsentSetArgs(
            id=consent_id,
            customer_id=customer_id,
            channel=channel,  # type: ignore[typeddict-item]  # checked by the facade
            granted=granted,
            based_on=int(based_on),
            seen_ids=unpulled,
            at=at,
        )
        outbox.enqueue(db, CONSENT, dict(args))
    return True


# --- after a pull, after a refusal ---------------------------------------------------------


def _apply_merge(db: Database, merged_id: str, survivor_id: str) -> None:
    """Re-point what this terminal holds under the merged id (its own unsent rows too)."""
    for spec in ENTITY_TABLES.values():
        if "customer_id" in spec.columns:
            db.conn.execute(
                f"UPDATE {spec.table} SET customer_id = ? WHERE customer_id = ?",
                (survivor_id, merged_id),
            )
    db.conn.execute(
        "UPDATE outbox SET args = json_set(args, '$.customer_id', ?) "
        "WHERE json_extract(args, '$.customer_id') = ?",
        (survivor_id, merged_id),
    )
    db.conn.execute("DELETE FROM customer_shadow WHERE customer_id = ?", (merged_id,))
    remove_customers(db, [merged_id])
    log.info("customer %s merged into %s", merged_id, survivor_id)


def settle(db: Database, *, pulled: Sequence[str], merges: Sequence[AnyChange]) -> None:
    """After a page's rows and acknowledgements (same transaction): apply merges, then put
    the still-pending patches back on top of the customers the hub just sent."""
    survivors = set()
    for merge in merges:
        survivor = str((merge.data or {}).get("survivor_id") or "")
        if survivor and survivor != merge.id:
            _apply_merge(db, merge.id, survivor)
            survivors.add(survivor)
    touched = {str(args["customer_id"]) for _m, args in _pending_patches(db)}
    touched |= {str(r[0]) for r in db.conn.execute("SELECT customer_id FROM customer_shadow")}
    fresh = set(pulled)
    _rebuild(db, touched & (fresh | survivors), fresh=fresh)


def fold_acknowledged(db: Database, last_mutation_id: int) -> None:
    """The hub applied the pending patches up to `last_mutation_id`: their values are now
    the hub's, so a later refusal takes the customer back to them, not to older ones."""
    acked = [p for p in _pending_patches(db) if p[0] <= last_mutation_id]
    shadows: dict[str, dict[str, Any]] = {}
    for _mutation_id, args in acked:
        customer_id = str(args["customer_id"])
        if customer_id not in shadows:
            shadows[customer_id] = _shadow(db, customer_id)
        if not shadows[customer_id]:
            continue  # no shadow: nothing of this customer waits any more
        applied = _apply_patch({"preferences": {}}, args)
        for field in _patched_fields(args):
            shadows[customer_id][field] = _get(applied, field)
    for customer_id, shadow in shadows.items():
        if shadow:
            _save_shadow(db, customer_id, shadow)


def undo_rejected(db: Database, mutation_id: int) -> None:
    """The hub refused this mutation for good: take its local effect back."""
    row = db.conn.execute(
        "SELECT name, args FROM outbox WHERE mutation_id = ?", (mutation_id,)
    ).fetchone()
    if row is None:
        return
    name, args = str(row[0]), json.loads(row[1])
    with write_transaction(db):
        if name == CONSENT:
            db.conn.execute("DELETE FROM consents WHERE id = ? AND version = 0", (args.get("id"),))
        elif name == PATCH:
            _rebuild(db, [str(args.get("customer_id"))], fresh=set())
