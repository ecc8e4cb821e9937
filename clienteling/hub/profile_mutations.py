"""`customer.patch` and `consent.set` (DESIGN.md, Sync §7).

Profile fields are last-writer-wins per field in hub commit order: the mutation applied
last wins, whatever the terminals' clocks say, and the value it replaced is kept in
`customer_field_history`. Consent is an append-only event log: an opt-out always stands;
an opt-in made without knowing of a newer opt-out (`based_on`) is refused and audited.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pydantic
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.contacts import (
    clean_name,
    display_name,
    looks_like_email,
    normalize_email,
)
from clienteling.domain.ids import uuid7
from clienteling.domain.phones import is_e164
from clienteling.domain.preferences import (
    PREFERENCE_KEYS,
    InvalidPreferenceError,
    apply_preferences,
    clean_preference,
)
from clienteling.hub import purchase_facts, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.mutation_kit import (
    Actor,
    MutationRejectedError,
    resolved_customer,
)
from clienteling.hub.tables import consent_audit, consents, customer_field_history, customers
from clienteling.protocol.entities import Channel, Language

MAX_NAME_LENGTH = 200
MAX_CONTACTS = 5
_NAME_FIELDS = ("given_name", "family_name", "language")


class _Patch(pydantic.BaseModel):
    """Validates `CustomerPatchArgs`; a field left out is not changed."""

    model_config = pydantic.ConfigDict(strict=True, extra="forbid")

    customer_id: str = pydantic.Field(min_length=1, max_length=64)
    given_name: str | None = pydantic.Field(default=None, max_length=MAX_NAME_LENGTH)
    family_name: str | None = pydantic.Field(default=None, max_length=MAX_NAME_LENGTH)
    phones: list[str] | None = pydantic.Field(default=None, max_length=MAX_CONTACTS)
    emails: list[str] | None = pydantic.Field(default=None, max_length=MAX_CONTACTS)
    preferred_channel: Channel | None = None
    language: Language | None = None
    preferences: dict[str, Any] | None = None


def _patch_fields(args: dict[str, Any]) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(customer id, changed columns, changed preference keys), cleaned as stored."""
    try:
        patch = _Patch.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid profile change") from exc
    fields: dict[str, Any] = {}
    for name in sorted(patch.model_fields_set - {"customer_id", "preferences"}):
        value = getattr(patch, name)
        if value is None:
            raise MutationRejectedError(f"{name} cannot be cleared")
        fields[name] = value
    for name in ("given_name", "family_name"):
        if name in fields:
            fields[name] = clean_name(fields[name])
            if not fields[name]:
                raise MutationRejectedError("the given name and the family name are required")
    if "phones" in fields:
        for phone in fields["phones"]:
            if not is_e164(phone):
                raise MutationRejectedError(f"invalid phone number {phone!r}")
        fields["phones"] = list(dict.fromkeys(fields["phones"]))
    if "emails" in fields:
        for email in fields["emails"]:
            if not looks_like_email(email):
                raise MutationRejectedError(f"invalid email address {email!r}")
        fields["emails"] = list(dict.fromkeys(normalize_email(e) for e in fields["emails"]))
    preferences: dict[str, Any] = {}
    for key, value in (patch.preferences or {}).items():
        if key not in PREFERENCE_KEYS:
            raise MutationRejectedError(f"unknown preference {key!r}")
        try:
            preferences[key] = clean_preference(key, value)
        except InvalidPreferenceError as exc:
            raise MutationRejectedError(str(exc)) from exc
    return patch.customer_id, fields, preferences


def record_history(
    conn: Connection,
    *,
    customer_id: str,
    changes: list[tuple[str, Any, Any]],
    source: str,
    actor: Actor | None,
) -> None:
    """Keep each replaced value (field, old, new) with who, where and when."""
    if not changes:
        return
    now = iso(utc_now())
    conn.execute(
        sa.insert(customer_field_history),
        [
            {
                "id": uuid7(),
                "customer_id": customer_id,
                "field": field,
                "old_value": old,
                "new_value": new,
                "source": source,
                "associate_id": actor.session.associate_id if actor else None,
                "device_id": actor.session.device_id if actor else None,
                "changed_at": now,
            }
            for field, old, new in changes
        ],
    )


def _locked_customer(conn: Connection, actor: Actor, sent_id: str) -> tuple[str, str, Any]:
    """(id, scope, row) of the customer `sent_id` names, locked until commit in the order
    every writer of a customer follows: the scope's counter, then the row
    (`purchase_facts.lock_customer`). Locking the row first and the counter at the version
    deadlocked with an erasure or an order ingest of the same customer. Erased, merged
    away or moved while we waited: decided again on what is committed now."""
    for _ in range(3):
        customer_id, scope = resolved_customer(conn, actor, sent_id)
        row = purchase_facts.lock_customer(conn, customer_id)
        if row is not None and row.scope == scope:
            return customer_id, scope, row._mapping
    raise MutationRejectedError("the customer changed while this change waited: send it again")


def patch_customer(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    """`customer.patch`: each sent field replaces the hub's value (this commit is the
    newest); unchanged values write nothing, so a patch sent twice changes nothing."""
    sent_id, fields, preference_changes = _patch_fields(args)
    customer_id, scope, row = _locked_customer(conn, actor, sent_id)
    updates: dict[str, Any] = {}
    history: list[tuple[str, Any, Any]] = []
    for name, value in fields.items():
        if row[name] != value:
            history.append((name, row[name], value))
            updates[name] = value
    before = dict(row["preferences"] or {})
    after = apply_preferences(before, preference_changes)
    for key in preference_changes:
        if before.get(key) != after.get(key):
            history.append((f"preferences.{key}", before.get(key), after.get(key)))
    if after != before:
        updates["preferences"] = after
    if not updates:
        return
    if any(name in updates for name in _NAME_FIELDS):
        merged = {**dict(row), **updates}
        updates["display_name"] = display_name(
            merged["given_name"], merged["family_name"], language=merged["language"]
        )
    updates["updated_at"] = iso(utc_now())
    updates["version"] = versions.allocate(conn, scope)
    conn.execute(sa.update(customers).where(customers.c.id == customer_id).values(**updates))
    record_history(
        conn, customer_id=customer_id, changes=history, source="customer.patch", actor=actor
    )


class _ConsentSet(pydantic.BaseModel):
    """Validates `ConsentSetArgs`."""

    model_config = pydantic.ConfigDict(strict=True, extra="forbid")

    id: str = pydantic.Field(min_length=1, max_length=64)
    customer_id: str = pydantic.Field(min_length=1, max_length=64)
    channel: Channel
    granted: bool
    based_on: int = pydantic.Field(ge=0)
    seen_ids: list[str] = pydantic.Field(default_factory=list, max_length=50)
    at: str = pydantic.Field(min_length=1, max_length=40)


def _event_time(text: str) -> str:
    """The terminal's time of the event, never later than the hub's clock (a terminal
    clock running ahead must not date a consent in the future)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise MutationRejectedError("invalid consent time") from exc
    if moment.tzinfo is None:
        raise MutationRejectedError("the consent time has no time zone")
    return iso(min(moment, utc_now()))


def current_consents(conn: Connection, customer_id: str) -> dict[str, bool]:
    """Channel -> may we contact: the newest event per channel by version (hub commit
    order), never by its `at` (a terminal clock). What sending a follow-up must check."""
    latest: dict[str, bool] = {}
    for channel, granted in conn.execute(
        sa.select(consents.c.channel, consents.c.granted)
        .where(consents.c.customer_id == customer_id)
        .order_by(consents.c.version)
    ):
        latest[str(channel)] = bool(granted)
    return latest


def unseen_opt_out(
    conn: Connection, customer_id: str, channel: str, *, based_on: int, seen: list[str]
) -> bool:
    """Whether the hub holds an opt-out of `customer_id` on `channel` that a terminal
    which pulled up to `based_on` and holds `seen` (its own later events) did not know."""
    query = sa.select(consents.c.id).where(
        consents.c.customer_id == customer_id,
        consents.c.channel == channel,
        consents.c.granted.is_(False),
        consents.c.version > based_on,
    )
    if seen:
        query = query.where(consents.c.id.not_in(seen))
    return conn.execute(query.limit(1)).first() is not None


def audit_consent(
    conn: Connection,
    *,
    consent_id: str,
    customer_id: str,
    channel: str,
    granted: bool,
    based_on: int,
    outcome: str,
    reason: str | None,
    source: str,
    actor: Actor | None,
) -> None:
    conn.execute(
        sa.insert(consent_audit).values(
            id=uuid7(),
            consent_id=consent_id,
            customer_id=customer_id,
            channel=channel,
            granted=granted,
            based_on=based_on,
            outcome=outcome,
            reason=reason,
            source=source,
            associate_id=actor.session.associate_id if actor else None,
            device_id=actor.session.device_id if actor else None,
            at=iso(utc_now()),
        )
    )


def set_consent(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    """`consent.set`: append one consent event, unless it is an opt-in that did not know
    of a newer opt-out (refused, audited: the associate must ask the customer again)."""
    try:
        event = _ConsentSet.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid consent change") from exc
    customer_id, scope = resolved_customer(conn, actor, event.customer_id)
    known = conn.execute(sa.select(consents.c.id).where(consents.c.id == event.id)).first()
    if known is not None:
        return
    at = _event_time(event.at)
    # The scope's counter row is locked from here to commit: consent writers of the scope
    # serialise, so the opt-out check below sees every opt-out committed before us.
    version = versions.allocate(conn, scope)
    if event.granted and unseen_opt_out(
        conn, customer_id, event.channel, based_on=event.based_on, seen=event.seen_ids
    ):
        reason = (
            f"the customer withdrew consent for {event.channel} elsewhere before this "
            "opt-in reached the hub: ask the customer again before contacting them"
        )

        def audit(conn: Connection) -> None:
            audit_consent(
                conn,
                consent_id=event.id,
                customer_id=customer_id,
                channel=event.channel,
                granted=True,
                based_on=event.based_on,
                outcome="refused",
                reason=reason,
                source="consent.set",
                actor=actor,
            )

        raise MutationRejectedError(reason, audit=audit)
    conn.execute(
        sa.insert(consents).values(
            id=event.id,
            customer_id=customer_id,
            channel=event.channel,
            granted=event.granted,
            source="store",
            at=at,
            scope=scope,
            version=version,
        )
    )
    audit_consent(
        conn,
        consent_id=event.id,
        customer_id=customer_id,
        channel=event.channel,
        granted=event.granted,
        based_on=event.based_on,
        outcome="recorded",
        reason=None,
        source="consent.set",
        actor=actor,
    )
