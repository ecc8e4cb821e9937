"""Creating and changing customers over REST, with the very code of the outbox mutations.

`POST /customers` runs `customer.create` (same validation, same identity resolution:
a twin of the same store absorbs the new customer) and is idempotent by the client's id;
`PATCH /customers/{id}` runs `customer.patch` (field-level, the replaced values kept in
the history). Both answer a refusal as 422 `invalid_customer` with the mutation's reason,
and are audited like pushed mutations.
"""

from __future__ import annotations

from typing import Annotated, Any

import pydantic
import sqlalchemy as sa
from fastapi import APIRouter, Body, Response
from pydantic import BaseModel, ConfigDict, Field

from clienteling.domain.ids import uuid7
from clienteling.hub import mutations, profile_mutations
from clienteling.hub.audit import mutation_row
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import write_tx
from clienteling.hub.deps import HubDep, IdPath, SessionDep, require_store
from clienteling.hub.entities import CUSTOMER
from clienteling.hub.errors import ApiError
from clienteling.hub.lookups import reachable_customer
from clienteling.hub.mutation_kit import Actor, MutationRejectedError, resolve_customer_id
from clienteling.hub.schemas import CustomerPublic
from clienteling.hub.tables import audit, customers
from clienteling.protocol.entities import Channel, Language
from clienteling.protocol.models import ErrorBody

router = APIRouter(prefix="/api/v1/customers", tags=["customers"])

_NAME = Field(min_length=1, max_length=mutations.MAX_NAME_LENGTH)
_CONTACTS = profile_mutations.MAX_CONTACTS


class ConsentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channel: Channel
    granted: bool


class CustomerCreateIn(BaseModel):
    """A new customer; `id` is the client's (a UUID), so sending it again is harmless."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=64)
    given_name: str = _NAME
    family_name: str = _NAME
    phones: list[str] = Field(default_factory=list, max_length=_CONTACTS, description="E.164.")
    emails: list[str] = Field(default_factory=list, max_length=_CONTACTS)
    preferred_channel: Channel = "sms"
    language: Language = "en"
    consents: list[ConsentIn] = Field(default_factory=list, max_length=3)
    created_at: str | None = Field(default=None, max_length=40, description="Default: now.")
    loyalty_card: str | None = Field(
        default=None,
        max_length=64,
        description="A loyalty card number (6 to 32 letters or digits; spaces and dashes "
        "ignored). The same card as a customer of the store merges the two.",
    )
    store_id: str | None = Field(
        default=None,
        max_length=64,
        description="The home store; default the caller's (admins must name one).",
    )


class CustomerCreated(BaseModel):
    customer: CustomerPublic = Field(description="The customer as stored (the survivor).")
    created: bool = Field(description="False: this id was created before (nothing changed).")
    merged_into: str | None = Field(
        description="The existing customer of the same store with the same phone, email or "
        "card that the new one was merged into; None when not merged."
    )


class CustomerPatchIn(BaseModel):
    """Only the fields sent change; `preferences` changes only the keys sent (null removes)."""

    model_config = ConfigDict(extra="forbid")

    given_name: str | None = Field(default=None, max_length=mutations.MAX_NAME_LENGTH)
    family_name: str | None = Field(default=None, max_length=mutations.MAX_NAME_LENGTH)
    phones: list[str] | None = Field(default=None, max_length=_CONTACTS, description="E.164.")
    emails: list[str] | None = Field(default=None, max_length=_CONTACTS)
    preferred_channel: Channel | None = None
    language: Language | None = None
    preferences: dict[str, Any] | None = None


_REFUSED: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "`id_in_use`: the id names someone else."},
    422: {"model": ErrorBody, "description": "`invalid_customer` (the reason), or invalid."},
}


def _refused(exc: MutationRejectedError) -> ApiError:
    return ApiError(422, "invalid_customer", str(exc))


def _audit(conn: Any, session: Any, name: str, args: dict[str, Any]) -> None:
    row = mutation_row(session, name=name, args=args)
    if row is not None:
        conn.execute(sa.insert(audit).values(**row))


@router.post("", status_code=201, responses=_REFUSED)
def create_customer(
    body: Annotated[CustomerCreateIn, Body()],
    hub: HubDep,
    session: SessionDep,
    response: Response,
) -> CustomerCreated:
    """Create a customer (201), or answer the one created before with this id (200)."""
    store_id = body.store_id or session.store_id
    if store_id is None:
        raise ApiError(422, "store_required", "name the customer's home store (store_id)")
    require_store(session, store_id)
    args: dict[str, Any] = {
        "id": body.id,
        "given_name": body.given_name,
        "family_name": body.family_name,
        "phones": body.phones,
        "emails": body.emails,
        "preferred_channel": body.preferred_channel,
        "language": body.language,
        "consents": [
            {"id": uuid7(), "channel": c.channel, "granted": c.granted} for c in body.consents
        ],
        "created_at": body.created_at or iso(utc_now()),
        "loyalty_card": body.loyalty_card,
    }
    with write_tx(hub.engine) as conn:
        before = conn.execute(sa.select(customers.c.id).where(customers.c.id == body.id)).first()
        merged_before = resolve_customer_id(conn, body.id) != body.id
        created = before is None and not merged_before
        try:
            mutations.create_customer(conn, Actor(session=session, store_id=store_id), args)
        except MutationRejectedError as exc:
            raise _refused(exc) from exc
        survivor_id = resolve_customer_id(conn, body.id)
        row = conn.execute(sa.select(customers).where(customers.c.id == survivor_id)).first()
        if row is None or row.home_store_id != store_id:
            raise ApiError(409, "id_in_use", "this id names another customer: use a new UUID")
        if created:
            _audit(conn, session, "customer.create", args)
    response.status_code = 201 if created else 200
    return CustomerCreated(
        customer=CustomerPublic.from_row(CUSTOMER, row),
        created=created,
        merged_into=survivor_id if survivor_id != body.id else None,
    )


@router.patch("/{customer_id}", responses=_REFUSED)
def patch_customer(
    customer_id: IdPath,
    body: Annotated[CustomerPatchIn, Body()],
    hub: HubDep,
    session: SessionDep,
) -> CustomerPublic:
    """Change the fields sent; each replaced value is kept in the profile history. Another
    store's customer only while the caller's store has looked them up (404 otherwise)."""
    with write_tx(hub.engine) as conn:
        row, _until = reachable_customer(conn, session, customer_id)
        args = {"customer_id": row.id, **body.model_dump(exclude_unset=True)}
        try:
            profile_mutations.patch_customer(
                conn, Actor(session=session, store_id=session.store_id), args
            )
        except (MutationRejectedError, pydantic.ValidationError) as exc:
            raise ApiError(422, "invalid_customer", str(exc).splitlines()[0]) from exc
        _audit(conn, session, "customer.patch", args)
        after = conn.execute(sa.select(customers).where(customers.c.id == row.id)).one()
    return CustomerPublic.from_row(CUSTOMER, after)
