"""The JSON shape of each synced entity (`Change.data`), agreed by hub and terminal.

Scopes: "catalog" carries `location`, `product`, `inventory`; "store:<store id>" carries
the store's customers and their `consent`, `order`, `cart` and `note` rows.
Times are UTC ISO 8601 strings; money is integer minor units plus an ISO currency.
"""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict  # pydantic on 3.11 validates only this TypedDict

Channel = Literal["email", "sms", "whatsapp"]
Language = Literal["vi", "fr", "ru", "en"]

CATALOG_SCOPE = "catalog"


def store_scope(store_id: str) -> str:
    return f"store:{store_id}"


class LocationData(TypedDict):
    id: str
    kind: Literal["store", "web"]
    name: str
    city: str
    timezone: str
    currency: str


class ProductData(TypedDict):
    id: str
    sku: str
    barcode: str
    name: str
    brand: str
    category: str
    price_minor: int
    currency: str


class InventoryData(TypedDict):
    id: str  # "<location_id>:<product_id>"
    location_id: str
    product_id: str
    on_hand: int
    reserved: int


class CustomerData(TypedDict):
    id: str
    given_name: str
    family_name: str
    display_name: str
    phones: list[str]  # E.164
    emails: list[str]
    loyalty_card: str | None
    loyalty_tier: str | None
    loyalty_points: int
    home_store_id: str
    preferred_channel: Channel
    language: Language
    lifecycle_stage: str
    clv_minor: int
    currency: str
    created_at: str
    updated_at: str


class ConsentData(TypedDict):
    id: str
    customer_id: str
    channel: Channel
    granted: bool
    source: str
    at: str


class OrderLineData(TypedDict):
    product_id: str
    sku: str
    name: str
    qty: int
    unit_price_minor: int
    returned_qty: int


class OrderData(TypedDict):
    id: str
    customer_id: str
    channel: Literal["store", "web", "phone"]
    store_id: str | None
    associate_id: str | None
    placed_at: str
    status: Literal["placed", "fulfilled", "delivered", "returned", "partially_returned"]
    total_minor: int
    currency: str
    lines: list[OrderLineData]


class CartLineData(TypedDict):
    product_id: str
    sku: str
    name: str
    qty: int
    unit_price_minor: int


class CartData(TypedDict):
    id: str
    customer_id: str
    status: Literal["open", "abandoned", "ordered"]
    checkout_step: str | None
    updated_at: str
    currency: str
    lines: list[CartLineData]


class NoteData(TypedDict):
    id: str
    customer_id: str
    associate_id: str
    author_name: str
    store_id: str | None
    text: str
    created_at: str


class NoteAddArgs(TypedDict):
    """Arguments of the `note.add` mutation (the author comes from the session token)."""

    id: str
    customer_id: str
    text: str
    created_at: str


class ConsentGrantArgs(TypedDict):
    """A consent recorded when the customer is created (id made on the terminal)."""

    id: str
    channel: Channel
    granted: bool


class CustomerCreateArgs(TypedDict):
    """Arguments of the `customer.create` mutation. The home store is the device's store;
    the hub sets the lifecycle stage ("acquisition"), CLV (0) and currency."""

    id: str
    given_name: str
    family_name: str
    phones: list[str]  # E.164
    emails: list[str]
    preferred_channel: Channel
    language: Language
    consents: list[ConsentGrantArgs]
    created_at: str


# --- Follow-ups (issue 9) -------------------------------------------------------------------

FollowupTemplate = Literal[
    "thank_you",
    "products_tried",
    "cart_available",
    "post_purchase",
    "birthday",
    "win_back",
    "back_in_stock",
]
FollowupStatus = Literal[
    "queued",
    "sending",
    "sent",
    "delivered",
    "opened",
    "clicked",
    "converted",
    "refused_no_consent",
    "failed",
    "needs_check",
]


class FollowupQueueArgs(TypedDict):
    """Arguments of the `followup.queue` mutation (id made on the terminal; the associate
    and store come from the session). Only the hub sends, exactly once."""

    id: str
    customer_id: str
    channel: Channel
    template: FollowupTemplate
    language: Language
    product_ids: list[str]
    personal_line: str
    created_at: str


class FollowupData(TypedDict):
    """A follow-up and its delivery status (store scope)."""

    id: str
    customer_id: str
    associate_id: str
    associate_name: str
    store_id: str | None
    channel: Channel
    template: FollowupTemplate
    language: Language
    product_ids: list[str]
    personal_line: str
    status: FollowupStatus
    status_reason: str | None
    created_at: str
    updated_at: str
