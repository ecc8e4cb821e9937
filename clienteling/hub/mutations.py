"""Applying the terminals' outbox mutations (DESIGN.md, Sync §2).

A batch runs in one write transaction, each mutation in its own savepoint, that also
advances the device's `last_mutation_id`, so a mutation is applied exactly once however
often a batch is sent, and concurrent pushes from one device serialise on the device row.
A mutation that fails for good is recorded as rejected and still advances `last`, so it
never blocks the queue.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

import pydantic
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.cards import InvalidCardError, clean_card
from clienteling.domain.contacts import (
    clean_name,
    display_name,
    looks_like_email,
    normalize_email,
)
from clienteling.domain.phones import is_e164
from clienteling.hub import (
    appointment_mutations,
    profile_mutations,
    reservation_mutations,
    task_mutations,
    versions,
)
from clienteling.hub.audit import mutation_row
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.context import Session
from clienteling.hub.db import insert_ignoring_conflicts, read_tx, write_tx
from clienteling.hub.errors import ApiError
from clienteling.hub.followup_mutations import queue_followup
from clienteling.hub.identity import merge_if_duplicate
from clienteling.hub.mutation_kit import (
    Actor,
    Handler,
    MutationRejectedError,
    resolve_customer_id,
    resolved_customer,
)
from clienteling.hub.push_locks import lock_batch_scopes
from clienteling.hub.tables import (
    applied_mutations,
    audit,
    consents,
    customers,
    devices,
    locations,
    notes,
)
from clienteling.hub.visit_mutations import log_visit
from clienteling.protocol.entities import (
    Channel,
    CustomerCreateArgs,
    Language,
    NoteAddArgs,
    store_scope,
)
from clienteling.protocol.models import Mutation, MutationResult, PushRequest, PushResponse

log = logging.getLogger(__name__)

MAX_NOTE_LENGTH = 5000


class _NoteAdd(pydantic.BaseModel):
    """Validates `NoteAddArgs` (pydantic cannot use `typing.TypedDict` on Python 3.11)."""

    model_config = pydantic.ConfigDict(strict=True)

    id: str = pydantic.Field(min_length=1, max_length=64)
    customer_id: str = pydantic.Field(min_length=1, max_length=64)
    text: str
    created_at: str = pydantic.Field(min_length=1, max_length=40)


def _note_args(args: dict[str, Any]) -> NoteAddArgs:
    note = _NoteAdd.model_validate(args)
    return NoteAddArgs(
        id=note.id, customer_id=note.customer_id, text=note.text, created_at=note.created_at
    )


_NOTE_EXISTS = sa.select(notes.c.id).where(notes.c.id == sa.bindparam("note_id"))


def add_note(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    try:
        note = _note_args(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid note arguments") from exc
    text = note["text"].strip()
    if not text:
        raise MutationRejectedError("the note is empty")
    if len(text) > MAX_NOTE_LENGTH:
        raise MutationRejectedError("the note is too long")
    customer_id, scope = resolved_customer(conn, actor, note["customer_id"])
    if conn.execute(_NOTE_EXISTS, {"note_id": note["id"]}).first() is not None:
        return
    insert_ignoring_conflicts(
        conn,
        notes,
        {
            "id": note["id"],
            "customer_id": customer_id,
            "associate_id": actor.session.associate_id,
            "author_name": actor.session.display_name,
            "store_id": actor.store_id,
            "text": text,
            "created_at": note["created_at"],
            "scope": scope,
            "version": versions.allocate(conn, scope),
        },
    )


MAX_NAME_LENGTH = 200
NEW_CUSTOMER_STAGE = "acquisition"


class _ConsentGrant(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(strict=True)

    id: str = pydantic.Field(min_length=1, max_length=64)
    channel: Channel
    granted: bool


class _CustomerCreate(pydantic.BaseModel):
    """Validates `CustomerCreateArgs` (pydantic cannot use `typing.TypedDict` on 3.11)."""

    model_config = pydantic.ConfigDict(strict=True)

    id: str = pydantic.Field(min_length=1, max_length=64)
    given_name: str = pydantic.Field(max_length=MAX_NAME_LENGTH)
    family_name: str = pydantic.Field(max_length=MAX_NAME_LENGTH)
    phones: list[str] = pydantic.Field(max_length=5)
    emails: list[str] = pydantic.Field(max_length=5)
    preferred_channel: Channel
    language: Language
    consents: list[_ConsentGrant] = pydantic.Field(max_length=3)
    created_at: str = pydantic.Field(min_length=1, max_length=40)
    loyalty_card: str | None = pydantic.Field(default=None, max_length=64)


def _create_args(args: dict[str, Any]) -> CustomerCreateArgs:
    try:
        parsed = _CustomerCreate.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid customer arguments") from exc
    given, family = clean_name(parsed.given_name), clean_name(parsed.family_name)
    if not given or not family:
        raise MutationRejectedError("the given name and the family name are required")
    for phone in parsed.phones:
        if not is_e164(phone):
            raise MutationRejectedError(f"invalid phone number {phone!r}")
    for email in parsed.emails:
        if not looks_like_email(email):
            raise MutationRejectedError(f"invalid email address {email!r}")
    try:
        card = clean_card(parsed.loyalty_card or "")
    except InvalidCardError as exc:
        raise MutationRejectedError(str(exc)) from exc
    created = CustomerCreateArgs(
        id=parsed.id,
        given_name=given,
        family_name=family,
        phones=list(dict.fromkeys(parsed.phones)),
        emails=list(dict.fromkeys(normalize_email(e) for e in parsed.emails)),
        preferred_channel=parsed.preferred_channel,
        language=parsed.language,
        consents=[
            {"id": c.id, "channel": c.channel, "granted": c.granted} for c in parsed.consents
        ],
        created_at=parsed.created_at,
    )
    if card is not None:
        created["loyalty_card"] = card
    return created


def create_customer(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    """`customer.create`: a new customer of the device's store, created once (a push sent
    again, or the same id from elsewhere, changes nothing). Same phone, email or card as a
    customer of the store: merged into that customer (`hub.identity`)."""
    new = _create_args(args)
    if actor.store_id is None:
        raise MutationRejectedError("this device belongs to no store")
    exists = conn.execute(sa.select(customers.c.id).where(customers.c.id == new["id"])).first()
    if exists is not None or resolve_customer_id(conn, new["id"]) != new["id"]:
        return
    currency = conn.execute(
        sa.select(locations.c.currency).where(locations.c.id == actor.store_id)
    ).scalar_one_or_none()
    if currency is None:
        raise MutationRejectedError("unknown store")
    scope = store_scope(actor.store_id)
    grants = list({c["channel"]: c for c in new["consents"]}.values())
    first = versions.allocate(conn, scope, 1 + len(grants))
    now = iso(utc_now())
    insert_ignoring_conflicts(
        conn,
        customers,
        {
            "id": new["id"],
            "given_name": new["given_name"],
            "family_name": new["family_name"],
            "display_name": display_name(
                new["given_name"], new["family_name"], language=new["language"]
            ),
            "phones": new["phones"],
            "emails": new["emails"],
            "loyalty_card": new.get("loyalty_card"),
            "loyalty_tier": None,
            "loyalty_points": 0,
            "home_store_id": actor.store_id,
            "preferred_channel": new["preferred_channel"],
            "language": new["language"],
            "lifecycle_stage": NEW_CUSTOMER_STAGE,
            "clv_minor": 0,
            "currency": currency,
            "created_at": new["created_at"],
            "updated_at": now,
            "scope": scope,
            "version": first,
        },
    )
    for offset, grant in enumerate(grants, start=1):
        insert_ignoring_conflicts(
            conn,
            consents,
            {
                "id": grant["id"],
                "customer_id": new["id"],
                "channel": grant["channel"],
                "granted": grant["granted"],
                "source": "store_signup",
                "at": new["created_at"],
                "scope": scope,
                "version": first + offset,
            },
        )
    merge_if_duplicate(conn, actor, new["id"])


HANDLERS: dict[str, Handler] = {
    "note.add": add_note,
    "customer.create": create_customer,
    # Other areas register their handlers below, one line each.
    "customer.patch": profile_mutations.patch_customer,
    "consent.set": profile_mutations.set_consent,
    "visit.log": log_visit,
    "followup.queue": queue_followup,
    "reservation.request": reservation_mutations.request_reservation,
    "reservation.release": reservation_mutations.release_reservation,
    "task.done": task_mutations.mark_done,
    "task.snooze": task_mutations.snooze,
    "task.dismiss": task_mutations.dismiss,
    "appointment.book": appointment_mutations.book,
    "appointment.reschedule": appointment_mutations.reschedule,
    "appointment.cancel": appointment_mutations.cancel,
}


def _gap(last: int) -> ApiError:
    return ApiError(
        409,
        "mutation_gap",
        f"mutations are missing after {last}: send them in order",
        detail={"last_mutation_id": last},
    )


def _last_mutation_id(engine: Engine, device_id: str) -> int:
    with read_tx(engine) as conn:
        value = conn.execute(
            sa.select(devices.c.last_mutation_id).where(devices.c.id == device_id)
        ).scalar_one_or_none()
    if value is None:
        raise ApiError(403, "unknown_device", "this device is not registered: sign in again")
    return int(value)


def push(engine: Engine, *, session: Session, request: PushRequest) -> PushResponse:
    """Apply a batch in id order in one write transaction, each mutation in a savepoint
    of its own, advancing `last_mutation_id` with them: the batch commits as a whole (one
    commit, not one per mutation: that is what makes pushes fast), and a mutation is never
    applied without its `last` advancing. A gap inside the batch keeps what came before
    it and answers 409, as a gap at its start does."""
    if request.device_id != session.device_id:
        raise ApiError(403, "device_mismatch", "the token was issued to another device")
    batch = sorted(request.mutations, key=lambda m: m.id)
    last = _last_mutation_id(engine, request.device_id)
    if batch and batch[0].id > last + 1:
        raise _gap(last)
    results: list[MutationResult] = []
    applied_rows: list[dict[str, Any]] = []
    audit_rows: list[dict[str, Any]] = []
    gap: ApiError | None = None
    with write_tx(engine) as conn:
        device = conn.execute(
            sa.select(devices.c.last_mutation_id, devices.c.store_id)
            .where(devices.c.id == session.device_id)
            .with_for_update()
        ).one()
        last = int(device.last_mutation_id)
        actor = Actor(session=session, store_id=device.store_id)
        lock_batch_scopes(conn, actor, [m for m in batch if m.id > last])
        for mutation in batch:
            if mutation.id <= last:
                results.append(
                    _replayed(conn, device_id=session.device_id, mutation_id=mutation.id)
                )
                continue
            if mutation.id > last + 1:
                gap = _gap(last)
                break
            result = _apply_one(conn, actor=actor, mutation=mutation)
            results.append(result)
            applied_rows.append(
                {
                    "device_id": session.device_id,
                    "mutation_id": mutation.id,
                    "name": mutation.name[:80],
                    "status": result.status,
                    "reason": result.reason,
                    "associate_id": session.associate_id,
                    "applied_at": iso(utc_now()),
                }
            )
            row = mutation_row(session, name=mutation.name, args=mutation.args)
            if result.status == "applied" and row is not None:
                audit_rows.append(row)
            last = mutation.id
        # The bookkeeping of the whole batch in two statements.
        if applied_rows:
            conn.execute(sa.insert(applied_mutations), applied_rows)
        if audit_rows:
            conn.execute(sa.insert(audit), audit_rows)
        conn.execute(
            sa.update(devices)
            .where(devices.c.id == session.device_id)
            .values(last_mutation_id=last, last_seen_at=iso(utc_now()))
        )
    if gap is not None:
        raise gap
    return PushResponse(last_mutation_id=last, results=results)


def _apply_one(conn: Connection, *, actor: Actor, mutation: Mutation) -> MutationResult:
    session = actor.session
    status: Literal["applied", "rejected"] = "applied"
    reason: str | None = None
    handler = HANDLERS.get(mutation.name)
    try:
        if handler is None:
            raise MutationRejectedError(f"unknown mutation {mutation.name!r}")
        with conn.begin_nested():
            handler(conn, actor, mutation.args)
    except MutationRejectedError as exc:
        status = "rejected"
        reason = str(exc)
        if exc.audit is not None:
            exc.audit(conn)  # e.g. a refused stale opt-in, recorded in consent_audit
        # The reason may quote what was typed (a phone, an email): it stays in
        # `applied_mutations` and goes to the terminal, not into the log.
        log.info(
            "device %s mutation %d (%s) rejected", session.device_id, mutation.id, mutation.name
        )
    return MutationResult(id=mutation.id, status=status, reason=reason)


def _replayed(conn: Connection, *, device_id: str, mutation_id: int) -> MutationResult:
    """The answer to a mutation sent again (its first answer was lost): a refusal stays a
    refusal with its reason, so the terminal can still show it; anything else is a
    duplicate to acknowledge."""
    recorded = conn.execute(
        sa.select(applied_mutations.c.status, applied_mutations.c.reason).where(
            applied_mutations.c.device_id == device_id,
            applied_mutations.c.mutation_id == mutation_id,
        )
    ).first()
    if recorded is not None and recorded.status == "rejected":
        return MutationResult(id=mutation_id, status="rejected", reason=recorded.reason)
    return MutationResult(id=mutation_id, status="duplicate")
