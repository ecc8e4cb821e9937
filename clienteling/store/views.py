"""Read models the cache hands to the terminal facade (and through it to the UI).

Times are timezone-aware UTC datetimes; money is minor units plus currency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from clienteling.domain.learned import LearnedSize
from clienteling.store.products import Incoming, LocationStock

if TYPE_CHECKING:
    from clienteling.store.followups import FollowupView
    from clienteling.store.holds import HoldView


@dataclass(frozen=True, slots=True)
class CustomerHit:
    id: str
    display_name: str
    phone: str | None  # first phone, E.164
    email: str | None
    loyalty_card: str | None
    lifecycle_stage: str
    city: str | None = None  # home store's city


@dataclass(frozen=True, slots=True)
class ConsentView:
    channel: str  # email | sms | whatsapp
    granted: bool
    at: datetime | None
    pending: bool = False  # recorded here, not yet confirmed by the hub


@dataclass(frozen=True, slots=True)
class OrderLineView:
    sku: str
    name: str
    qty: int
    unit_price_minor: int
    returned_qty: int


@dataclass(frozen=True, slots=True)
class OrderView:
    id: str
    channel: str  # store | web | phone
    store_name: str | None
    placed_at: datetime
    status: str
    total_minor: int
    currency: str
    lines: list[OrderLineView]


@dataclass(frozen=True, slots=True)
class CartLineView:
    product_id: str
    sku: str
    name: str
    qty: int
    unit_price_minor: int
    stock_here: int | None  # available (on hand - reserved) in this terminal's store
    size: str | None = None  # the product's variant attributes, when cached and known
    colour: str | None = None
    # Available in the chain's other stores and in the web warehouse; None: not known
    # here (no stock row for that kind of location in the cache).
    stock_other_stores: int | None = None
    stock_web: int | None = None
    # The other stores one by one, nearest first from this store (with the distance when
    # both positions are known), and what is on its way to this store, when known.
    other_stores: tuple[LocationStock, ...] = ()
    incoming_here: Incoming | None = None


@dataclass(frozen=True, slots=True)
class CartView:
    id: str
    status: str  # open | abandoned
    checkout_step: str | None
    updated_at: datetime
    currency: str
    lines: list[CartLineView]

    @property
    def total_minor(self) -> int:
        return sum(line.qty * line.unit_price_minor for line in self.lines)


@dataclass(frozen=True, slots=True)
class RecentViewView:
    """A product the customer viewed on the web shop lately (store.recent_views), with
    the one price and where it is available, as a cart line shows them."""

    product_id: str
    sku: str
    name: str  # as viewed when it left the cached catalog; the SKU when not known
    price_minor: int | None  # None: the product is not in the cached catalog
    currency: str | None
    viewed_at: datetime  # the latest view
    view_count: int
    stock_here: int | None  # available in this terminal's store; None: unknown
    size: str | None = None
    colour: str | None = None
    stock_other_stores: int | None = None
    stock_web: int | None = None
    other_stores: tuple[LocationStock, ...] = ()  # nearest first, as a cart line's
    incoming_here: Incoming | None = None


@dataclass(frozen=True, slots=True)
class TogetherView:
    """A product often bought together with the basket's (store.learned)."""

    product_id: str
    sku: str
    name: str
    price_minor: int
    currency: str
    orders: int  # orders of the store's customers that paired it with the basket
    stock_here: int | None  # available in this terminal's store; None: unknown


@dataclass(frozen=True, slots=True)
class NoteView:
    id: str
    author_name: str
    text: str
    created_at: datetime
    pending: bool  # written here, not yet acknowledged by the hub


@dataclass(frozen=True, slots=True)
class VisitProductView:
    product_id: str
    sku: str
    name: str


@dataclass(frozen=True, slots=True)
class VisitView:
    """A store visit; `reason` only when nothing was bought (codes of domain.visits)."""

    id: str
    customer_id: str | None  # None: an anonymous visitor
    store_name: str | None
    associate_name: str
    at: datetime
    outcome: str
    reason: str | None
    reason_text: str
    products: list[VisitProductView]
    survey_token: str
    pending: bool  # written here, not yet acknowledged by the hub
    refused: str | None = None  # the hub's reason when it refused this visit


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event of the customer's journey, any channel. `status` carries the kind's code:
    a visit's outcome, an order's or cart's status, "granted"/"refused" for consent."""

    # visit | order | cart | consent | note | hold | offer | reply | appointment | followup
    # | feedback
    kind: str
    id: str
    at: datetime
    status: str | None = None
    channel: str | None = None  # order: store | web | phone; consent: email | sms | whatsapp
    # visit: why nothing was bought; appointment: its end time; followup: its template;
    # feedback: the score ("1".."5", None for a comment only), `status` the touchpoint,
    # `channel` buyer | non_buyer, `related_id` the visit it is about
    reason: str | None = None
    text: str = ""  # note text, a visit's own reason, a cart's checkout step, consent source
    total_minor: int | None = None
    currency: str | None = None
    store_name: str | None = None
    author_name: str | None = None  # the associate (visits, notes)
    items: list[str] = field(default_factory=list)  # product names (visit, order, cart)
    pending: bool = False  # written here, not yet acknowledged by the hub
    refused: str | None = None  # the hub's reason when it refused what was written here
    # reply: the follow-up it answers (`reason` is its template, `author_name` its sender);
    # order: set on a shipping, delivery or return (`status`), the order placed at
    # `related_at` (`items`: what came back)
    related_id: str | None = None
    related_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CustomerProfile:
    id: str
    given_name: str
    family_name: str
    display_name: str
    phones: list[str]
    emails: list[str]
    loyalty_card: str | None
    loyalty_tier: str | None
    loyalty_points: int
    home_store_name: str | None
    preferred_channel: str
    language: str
    lifecycle_stage: str
    clv_minor: int
    currency: str
    preferences: dict[str, Any] = field(default_factory=dict)  # domain.preferences
    consents: list[ConsentView] = field(default_factory=list)
    orders: list[OrderView] = field(default_factory=list)  # newest first, all channels
    cart: CartView | None = None  # the live (open or abandoned) online cart
    # Viewed on the web shop lately, newest first (at most 20 of the last 30 days).
    recent_views: list[RecentViewView] = field(default_factory=list)
    notes: list[NoteView] = field(default_factory=list)  # newest first
    visits: list[VisitView] = field(default_factory=list)  # newest first
    timeline: list[TimelineEntry] = field(default_factory=list)  # newest first
    followups: list[FollowupView] = field(default_factory=list)  # newest first
    holds: list[HoldView] = field(default_factory=list)  # newest first (store.holds)
    pending_fields: frozenset[str] = frozenset()  # changed here, not yet acknowledged
    refused: tuple[str, ...] = ()  # the hub's reasons for refused profile/consent changes
    # Sizes as bought, per preference kind (store.learned; the stated ones still win).
    learned_sizes: dict[str, LearnedSize] = field(default_factory=dict)
    # Often bought together with the live cart's products, best first.
    together: list[TogetherView] = field(default_factory=list)
    looked_up: bool = False  # another store's customer, pulled in from the hub (store.lookups)
    home_store_id: str | None = None
    # Not a customer of this terminal's store (looked up, or their home store moved):
    # the profile says so with a "Other store · home store: X" badge.
    other_store: bool = False
