"""The REST API's response models (`XPublic`, as in the FastAPI full-stack template).

Fields are the wire shapes of `protocol.entities` (hub table columns are named exactly
as those fields), so a terminal can store what the API returns as if it had been pulled.
Status-like fields are plain strings: the hub's own writers may add values, and an
answer must never fail its own schema.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from clienteling.hub.entities import EntityKind

Role = Literal["associate", "manager", "admin"]


class _Row(BaseModel):
    @classmethod
    def from_row(cls, kind: EntityKind, row: Any) -> Any:
        return cls.model_validate(kind.to_data(row._mapping))


class LocationPublic(_Row):
    id: str
    kind: str = Field(description='"store" or "web" (the web shop\'s warehouse).')
    name: str
    city: str
    timezone: str
    currency: str
    latitude: float | None = Field(
        default=None, description="WGS 84 degrees; null when the position is not known."
    )
    longitude: float | None = Field(default=None, description="WGS 84 degrees.")


class ProductPublic(_Row):
    id: str
    sku: str
    barcode: str
    name: str
    brand: str
    category: str
    price_minor: int
    currency: str
    size: str | None = Field(default=None, description='The variant\'s size ("42", "M").')
    colour: str | None = Field(default=None, description="The variant's colour.")
    offered: bool = Field(
        default=True,
        description="False when the shop no longer sells it (draft, archived or deleted): "
        "kept for the orders and visits that name it, out of the lists and the terminals.",
    )


class PricePublic(BaseModel):
    """One price for every channel (store and web), in minor units."""

    product_id: str
    sku: str
    price_minor: int
    currency: str


class InventoryPublic(_Row):
    id: str = Field(description='"<location_id>:<product_id>".')
    location_id: str
    product_id: str
    on_hand: int
    reserved: int
    incoming: int | None = Field(
        default=None, description="Units on their way here; null when none are known."
    )
    incoming_on: str | None = Field(
        default=None, description="The day they are expected (YYYY-MM-DD), when known."
    )


class CustomerPublic(_Row):
    id: str
    given_name: str
    family_name: str
    display_name: str
    phones: list[str] = Field(description="E.164.")
    emails: list[str]
    loyalty_card: str | None
    loyalty_tier: str | None
    loyalty_points: int
    home_store_id: str
    preferred_channel: str
    language: str
    lifecycle_stage: str
    clv_minor: int
    currency: str
    created_at: str
    updated_at: str
    preferences: dict[str, Any] = Field(
        default_factory=dict, description="Sizes, style, brands, dates (domain.preferences)."
    )


class ConsentPublic(_Row):
    id: str
    customer_id: str
    channel: str
    granted: bool
    source: str
    at: str


class OrderLinePublic(BaseModel):
    product_id: str | None = None
    sku: str
    name: str
    qty: int
    unit_price_minor: int
    returned_qty: int = 0


class OrderPublic(_Row):
    id: str
    customer_id: str
    channel: str = Field(description='"store", "web" or "phone".')
    store_id: str | None
    associate_id: str | None
    placed_at: str
    status: str
    total_minor: int
    currency: str
    lines: list[OrderLinePublic]
    offer_code: str | None = Field(
        default=None, description="The single-use offer code the order used, if any."
    )


class CartLinePublic(BaseModel):
    product_id: str | None = None
    sku: str
    name: str
    qty: int
    unit_price_minor: int


class CartPublic(_Row):
    id: str
    customer_id: str
    status: str = Field(description='"open", "abandoned" or "ordered".')
    checkout_step: str | None
    updated_at: str
    currency: str
    lines: list[CartLinePublic]


class NotePublic(_Row):
    id: str
    customer_id: str
    associate_id: str
    author_name: str
    store_id: str | None
    text: str
    created_at: str


class VisitProductPublic(BaseModel):
    product_id: str
    sku: str
    name: str = Field(description="As it was at the visit.")


class VisitPublic(_Row):
    id: str
    customer_id: str | None
    store_id: str
    associate_id: str
    associate_name: str
    at: str
    outcome: str = Field(description="`domain.visits` outcome (bought, left, ...).")
    reason: str | None = Field(description="Why a visitor left without buying; null if bought.")
    reason_text: str
    products: list[VisitProductPublic] = Field(description="Tried or shown.")


class FollowupPublic(_Row):
    id: str
    customer_id: str
    associate_id: str
    associate_name: str
    store_id: str | None
    channel: str
    template: str
    language: str
    product_ids: list[str] = Field(description="The associate's picks.")
    personal_line: str
    status: str = Field(description="queued, sending, sent, delivered, opened, clicked, ...")
    status_reason: str | None
    created_at: str
    updated_at: str
    opened_at: str | None = None


class FeedbackPublic(_Row):
    """A survey answer of the customer (anonymous answers name nobody, so are not here)."""

    id: str
    store_id: str | None
    visit_id: str | None
    buyer: bool | None = Field(description="Answered after buying; null when unknown.")
    touchpoint: str = Field(description="staff, product, price, delivery, packaging, returns")
    score: int | None
    text: str
    created_at: str


class CustomerDetailPublic(BaseModel):
    """A customer profile: the customer, their consents and notes (oldest first)."""

    customer: CustomerPublic
    consents: list[ConsentPublic]
    notes: list[NotePublic]


class AssociatePublic(BaseModel):
    id: str
    username: str
    display_name: str
    role: str
    store_id: str | None


class DevicePublic(BaseModel):
    id: str
    store_id: str | None
    last_mutation_id: int
    last_seen_at: str
    revoked_at: str | None = None
    revoked_by: str | None = None


class AuditPublic(BaseModel):
    id: str
    at: str
    action: str
    associate_id: str | None
    device_id: str | None
    customer_id: str | None
    detail: str | None
