"""The JSON shape of each synced entity (`Change.data`), agreed by hub and terminal.

Scopes: "catalog" carries `location`, `product`, `inventory`; "store:<store id>" carries
the store's customers and their `consent`, `order`, `cart`, `recent_view` and `note`
rows (and the other kinds below), and the `customer_merge` rows that map merged
customer ids to their survivors.
Times are UTC ISO 8601 strings; money is integer minor units plus an ISO currency.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired

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
    # Where it is (WGS 84 degrees): terminals list the other stores nearest first. Absent
    # or None when not known (or from a hub before migration 0028).
    latitude: NotRequired[float | None]
    longitude: NotRequired[float | None]


class ProductData(TypedDict):
    id: str
    sku: str
    barcode: str
    name: str
    brand: str
    category: str
    price_minor: int
    currency: str
    # The variant's attributes: a worn size ("42", "M") and a colour ("Noir"); absent or
    # None when the product has none (or comes from a hub before migration 0021).
    size: NotRequired[str | None]
    colour: NotRequired[str | None]


class InventoryData(TypedDict):
    id: str  # "<location_id>:<product_id>"
    location_id: str
    product_id: str
    on_hand: int
    reserved: int
    # Units on their way to the location and the day they are expected (YYYY-MM-DD, the
    # location's calendar day), as the stock feed says; absent or None when not known.
    incoming: NotRequired[int | None]
    incoming_on: NotRequired[str | None]


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
    preferences: dict[str, Any]  # see domain.preferences (sizes, style, brands, dates)


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


class OrderEventData(TypedDict):
    """Something that happened to an order after it was placed (hub.order_events)."""

    status: Literal["fulfilled", "delivered", "partially_returned", "returned"]
    at: str
    items: NotRequired[list[str]]  # a return: the products that came back ("2 × name")


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
    offer_code: NotRequired[str | None]  # the single-use offer code the order used
    events: NotRequired[list[OrderEventData]]  # oldest first (an older hub: absent)


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


class FeedbackData(TypedDict):
    """`feedback` (store scope): one survey answer about one touchpoint, in the scope of
    the visit it is about, else of the customer, else of the store (anonymous)."""

    id: str
    store_id: str | None
    customer_id: str | None  # None: answered anonymously (or the customer was erased)
    visit_id: str | None
    buyer: bool | None
    touchpoint: str  # domain.metrics.TOUCHPOINTS
    score: int | None  # 1..5; None: a comment only
    text: str
    created_at: str


class RecentViewData(TypedDict):
    """`recent_view` (store scope): a product the customer viewed on the web shop lately,
    one row per customer and product; the hub keeps each customer's 20 most recent of
    the last 30 days and deletes (tombstones) the rest."""

    id: str
    customer_id: str
    product_id: str
    sku: str
    viewed_at: str  # the latest view
    view_count: int
    # The product as viewed, for when it has left the catalog (hub migration 0031);
    # absent or None from an older hub or for a product the hub does not know.
    product_name: NotRequired[str | None]
    size: NotRequired[str | None]
    colour: NotRequired[str | None]


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
    # A loyalty card handed over at sign-up (`domain.cards`); the same card on another
    # customer of the store merges the two (`hub.identity`).
    loyalty_card: NotRequired[str | None]


# --- Profile changes, consent and customer merges ---------------------------------------


class CustomerPatchArgs(TypedDict):
    """Arguments of `customer.patch`: the customer and only the fields that changed.

    Each field (and each key of `preferences`) is last-writer-wins in hub commit order;
    the replaced value is kept in the hub's history. A `preferences` key set to null is
    removed."""

    customer_id: str
    given_name: NotRequired[str]
    family_name: NotRequired[str]
    phones: NotRequired[list[str]]  # E.164
    emails: NotRequired[list[str]]
    preferred_channel: NotRequired[Channel]
    language: NotRequired[Language]
    preferences: NotRequired[dict[str, Any]]


class ConsentSetArgs(TypedDict):
    """Arguments of `consent.set`: one event for the append-only consent log.

    `based_on` is the version of the newest consent event for this customer and channel
    the terminal had pulled (0: none); `seen_ids` are the events on that channel it holds
    but has not pulled yet (its own, e.g. an opt-out made offline just before). An opt-in
    is refused when the hub has an opt-out the terminal had not seen (newer than
    `based_on`, not in `seen_ids`); an opt-out always stands."""

    id: str
    customer_id: str
    channel: Channel
    granted: bool
    based_on: int
    seen_ids: list[str]
    at: str  # the terminal's clock: informative only


class CustomerMergeData(TypedDict):
    """`customer_merge`: customer `id` turned out to be `survivor_id` (same phone, email
    or loyalty card); its history moved there and the id now resolves to the survivor."""

    id: str
    survivor_id: str
    matched_on: Literal["phone", "email", "loyalty_card"]
    merged_at: str


# --- Visits (buyers and non-buyers) ----------------------------------------------------


class VisitProductData(TypedDict):
    """A product tried or shown, as it was at the visit (name and SKU kept as seen)."""

    product_id: str
    sku: str
    name: str


class VisitData(TypedDict):
    """A store visit, entity "visit" (append-only). `customer_id` is None for an anonymous
    visitor; such visits travel in the store's scope so conversion counts every visit.
    `outcome` and `reason` use the vocabularies of `domain.visits`."""

    id: str
    customer_id: str | None
    store_id: str
    associate_id: str
    associate_name: str
    at: str
    outcome: str
    reason: str | None
    reason_text: str
    products: list[VisitProductData]
    survey_token: str  # made on the terminal, so the survey link works offline


class VisitLogArgs(TypedDict):
    """Arguments of the `visit.log` mutation (the associate and store come from the
    session and device on the hub, like notes)."""

    id: str
    customer_id: str | None
    at: str
    outcome: str
    reason: str | None
    reason_text: str
    products: list[VisitProductData]
    survey_token: str


# --- Follow-ups (issue 9) -------------------------------------------------------------------

FollowupTemplate = Literal[
    "thank_you",
    "products_tried",
    "cart_available",
    "post_purchase",
    "birthday",
    "win_back",
    "back_in_stock",
    "welcome",
    "second_purchase",
    "vip_thanks",
    "visit_survey",
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
    offer: NotRequired[str | None]  # domain.offers.OFFER_KINDS: the hub makes a code
    reserve: NotRequired[bool]  # carry a reserve-for-pickup link
    visit_id: NotRequired[str]  # the visit a survey follow-up asks about (visit_survey)


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
    opened_at: NotRequired[str | None]  # the email's first open (tracking pixel)


# --- Holds (reservations) and single-use offers -------------------------------------------

ReservationStatus = Literal["held", "collected", "released", "expired"]


class ReservationData(TypedDict):
    """`reservation` (store scope): stock held for a customer at a store. While `held`,
    its quantity is part of the location's `inventory.reserved`."""

    id: str
    customer_id: str
    product_id: str
    store_id: str
    quantity: int
    status: ReservationStatus
    expires_at: str
    source: Literal["terminal", "link"]  # the associate, or the customer's reserve link
    associate_id: str | None
    followup_id: str | None
    created_at: str
    updated_at: str
    # The product as held, as an order line keeps it, for when it has left the catalog
    # (hub migration 0031); absent or None from an older hub.
    sku: NotRequired[str | None]
    product_name: NotRequired[str | None]
    size: NotRequired[str | None]
    colour: NotRequired[str | None]


class ReservationRequestArgs(TypedDict):
    """Arguments of `reservation.request` (id made on the terminal; the store is the
    device's). The hub holds the stock or refuses with the reason."""

    id: str
    customer_id: str
    product_id: str
    quantity: int
    created_at: str


class ReservationReleaseArgs(TypedDict):
    """Arguments of `reservation.release`: end a hold (`released`, or `collected` when
    the customer took the items)."""

    id: str
    status: Literal["released", "collected"]


class OfferData(TypedDict):
    """`offer` (store scope): a single-use code attached to a follow-up."""

    id: str
    code: str
    customer_id: str
    followup_id: str | None
    store_id: str | None
    kind: str  # domain.offers.OFFER_KINDS
    valid_in: Literal["store", "online"]
    status: Literal["issued", "redeemed"]
    expires_at: str
    created_at: str
    redeemed_at: str | None
    redeemed_channel: Literal["store", "online"] | None
    redeemed_store_id: str | None
    redeemed_by: str | None
    order_id: NotRequired[str | None]  # the online order that used the code


# --- Tasks (hub-generated, issue 6 / 9) -------------------------------------------------

TaskKindName = Literal[
    "welcome",
    "second_purchase",
    "vip_thanks",
    "at_risk",
    "win_back",
    "birthday",
    "back_in_stock",
    "cart_available",
    "post_purchase",
]
TaskStatusName = Literal["open", "done", "closed", "expired", "dismissed"]


class TaskData(TypedDict):
    """A task of the customer's home store (`domain.tasks`), entity "task". Shown from
    `starts_at` (and after `snoozed_until`); `associate_id` None is for the whole store.
    Generated on the hub; terminals change it only through `task.done` / `task.snooze`."""

    id: str
    customer_id: str
    store_id: str
    kind: TaskKindName
    dedupe_key: str
    status: TaskStatusName
    priority: int  # 1 high, 2 normal, 3 low
    template: FollowupTemplate  # the follow-up the composer preselects
    subject_id: str | None  # the cart or order it is about
    product_ids: list[str]
    associate_id: str | None
    created_at: str
    starts_at: str
    due_at: str
    expires_at: str
    snoozed_until: str | None
    done_at: str | None
    done_by: str | None
    done_by_name: str | None  # done or dismissed by
    outcome_note: str  # what came of it; for a dismissal, the associate's text
    updated_at: str
    dismiss_reason: str | None  # domain.tasks.DismissReason when dismissed


class TaskDoneArgs(TypedDict):
    """Arguments of `task.done` (who did it comes from the session)."""

    task_id: str
    outcome_note: str
    done_at: str  # the terminal's clock, kept when plausible (offline work counts on time)


class TaskSnoozeArgs(TypedDict):
    """Arguments of `task.snooze`: hide the task until `until` (UTC ISO 8601)."""

    task_id: str
    until: str


# --- Replies from customers (issue 9) ----------------------------------------------------


class ReplyData(TypedDict):
    """`reply` (store scope): what a customer answered by SMS, WhatsApp or email, matched
    to them on the hub (`hub.replies`); `followup_id` is the follow-up it answers."""

    id: str
    customer_id: str
    followup_id: str | None
    store_id: str | None
    channel: Channel
    text: str
    received_at: str
    matched_on: Literal["token", "thread", "address", "admin"]
    opt_out: bool  # an opt-out keyword (domain.replies): the channel was opted out


class TaskDismissArgs(TypedDict):
    """Arguments of `task.dismiss`: set the task aside for a reason
    (`domain.tasks.DismissReason`; "other" with a text)."""

    task_id: str
    reason: str
    text: str
    dismissed_at: str  # the terminal's clock, kept when plausible


# --- Appointments (issue 6) ---------------------------------------------------------------

AppointmentStatusName = Literal["booked", "cancelled"]


class AppointmentData(TypedDict):
    """`appointment` (store scope): a customer booked for a time with an associate of the
    store (`domain.appointments`). Booked from a terminal (`appointment.book`), changed by
    `appointment.reschedule` and `appointment.cancel`; the hub refuses double bookings."""

    id: str
    customer_id: str
    store_id: str
    associate_id: str
    associate_name: str
    starts_at: str
    ends_at: str
    purpose: str
    note: str
    status: AppointmentStatusName
    booked_by: str
    booked_by_name: str
    created_at: str
    updated_at: str


class AppointmentBookArgs(TypedDict):
    """Arguments of `appointment.book` (id made on the terminal; the store is the
    device's; who booked comes from the session)."""

    id: str
    customer_id: str
    associate_id: str
    starts_at: str  # UTC ISO 8601
    duration_minutes: int
    purpose: str
    note: str
    created_at: str


class AppointmentRescheduleArgs(TypedDict):
    """Arguments of `appointment.reschedule`: a new time (and possibly associate)."""

    id: str
    associate_id: str
    starts_at: str
    duration_minutes: int


class AppointmentCancelArgs(TypedDict):
    id: str
