"""Follow-ups on the terminal: what the composer offers (products, channels and why some
are closed), the follow-ups shown on a profile, and queueing one offline (the row and its
`followup.queue` mutation in one transaction; only the hub sends)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from clienteling.domain.errors import ValidationError
from clienteling.domain.followup_templates import (
    LANGUAGES,
    MAX_PERSONAL_LINE,
    MAX_PRODUCTS,
    PREVIEW_OFFER_CODE,
    TEMPLATE_NAMES,
    FollowupContext,
    OfferLine,
    PickedProduct,
    preview_links,
    preview_reserve_url,
)
from clienteling.domain.offers import OFFER_VALIDITY
from clienteling.domain.text import fold
from clienteling.protocol.entities import FollowupQueueArgs, store_scope
from clienteling.store import outbox
from clienteling.store.transactions import write_transaction

CHANNELS = ("email", "sms", "whatsapp")


@dataclass(frozen=True, slots=True)
class FollowupView:
    id: str
    template: str
    channel: str
    language: str
    status: str  # queued | sending | sent | ... (protocol.entities.FollowupStatus)
    status_reason: str | None
    associate_name: str
    created_at: datetime
    product_names: list[str]  # "" for a pick nothing here names (no longer sold)
    personal_line: str
    pending: bool  # queued here, not yet acknowledged by the hub


@dataclass(frozen=True, slots=True)
class ProductChoice:
    id: str
    sku: str
    name: str
    brand: str
    price_minor: int
    currency: str
    stock_here: int | None


@dataclass(frozen=True, slots=True)
class ChannelChoice:
    channel: str
    allowed: bool
    reason: str  # "" | no_consent | declined | no_email | no_phone


@dataclass(frozen=True, slots=True)
class ComposerContext:
    customer_id: str
    customer_name: str  # how a message greets them (given name)
    display_name: str
    language: str
    preferred_channel: str
    default_channel: str | None  # preferred when allowed, else the first allowed
    channels: list[ChannelChoice]
    cart_products: list[ProductChoice]
    purchased_products: list[ProductChoice]
    store_name: str


def _time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def followup_views(db: Database, customer_id: str) -> list[FollowupView]:
    """The customer's follow-ups, newest first, with their picks' names (the catalog's, else
    those the customer's rows kept of a product no longer sold)."""
    rows = db.conn.execute(
        "SELECT id, template, channel, language, status, status_reason, associate_name, "
        "created_at, product_ids, personal_line, version FROM followups "
        "WHERE customer_id = ? ORDER BY created_at DESC, id DESC",
        (customer_id,),
    ).fetchall()
    names = _product_names(db, [pid for r in rows for pid in json.loads(r[8])], customer_id)
    return [
        FollowupView(
            id=r[0],
            template=r[1],
            channel=r[2],
            language=r[3],
            status=r[4],
            status_reason=r[5],
            associate_name=r[6],
            created_at=_time(r[7]),
            product_names=[names.get(pid, "") for pid in json.loads(r[8])],
            personal_line=r[9],
            pending=int(r[10]) == 0,
        )
        for r in rows
    ]


# The names the customer's own rows kept of the products they name (visits, carts and
# orders carry name and SKU per line; holds and recently viewed lines their snapshot),
# for picks whose product has left the catalog (`hub.listing`).
_KEPT_NAMES = """
    SELECT json_extract(j.value, '$.product_id'), json_extract(j.value, '$.name')
    FROM visits AS v, json_each(v.products) AS j WHERE v.customer_id = :customer
    UNION ALL
    SELECT json_extract(j.value, '$.product_id'), json_extract(j.value, '$.name')
    FROM carts AS c, json_each(c.lines) AS j WHERE c.customer_id = :customer
    UNION ALL
    SELECT json_extract(j.value, '$.product_id'), json_extract(j.value, '$.name')
    FROM orders AS o, json_each(o.lines) AS j WHERE o.customer_id = :customer
    UNION ALL
    SELECT product_id, product_name FROM reservations WHERE customer_id = :customer
    UNION ALL
    SELECT product_id, product_name FROM recent_views WHERE customer_id = :customer
"""


def _product_names(db: Database, ids: list[str], customer_id: str) -> dict[str, str]:
    """The catalog's names of `ids`, else the names the customer's rows kept (a product
    no longer sold); an id neither knows is left out."""
    if not ids:
        return {}
    names = {
        row[0]: row[1]
        for row in db.conn.execute(
            "SELECT id, name FROM products WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    missing = set(ids) - names.keys()
    if missing:
        for product_id, name in db.conn.execute(_KEPT_NAMES, {"customer": customer_id}):
            if product_id in missing and name:
                names.setdefault(str(product_id), str(name))
    return names


_PRODUCT_SQL = (
    "SELECT p.id, p.sku, p.name, p.brand, p.price_minor, p.currency, "
    "(SELECT max(0, i.on_hand - i.reserved) FROM inventory AS i "
    " WHERE i.location_id = ? AND i.product_id = p.id) FROM products AS p"
)


def _choice(row: tuple[object, ...]) -> ProductChoice:
    return ProductChoice(
        id=str(row[0]),
        sku=str(row[1]),
        name=str(row[2]),
        brand=str(row[3]),
        price_minor=int(str(row[4])),
        currency=str(row[5]),
        stock_here=None if row[6] is None else int(str(row[6])),
    )


def products_by_id(db: Database, ids: list[str], *, store_id: str | None) -> list[ProductChoice]:
    """The products in the order of `ids` (unknown ids are left out)."""
    if not ids:
        return []
    rows = db.conn.execute(
        f"{_PRODUCT_SQL} WHERE p.id IN (SELECT value FROM json_each(?))",
        (store_id or "", json.dumps(ids)),
    ).fetchall()
    found = {str(r[0]): _choice(r) for r in rows}
    return [found[i] for i in dict.fromkeys(ids) if i in found]


def search_products(
    db: Database, query: str, *, store_id: str | None, limit: int = 20
) -> list[ProductChoice]:
    """Catalog products whose name, brand or SKU contains every typed word (accents and
    case ignored); the catalog is small (hundreds), so a scan is enough."""
    wanted = fold(query).split()
    if not wanted:
        return []
    found = []
    for row in db.conn.execute(f"{_PRODUCT_SQL} ORDER BY p.name, p.id", (store_id or "",)):
        haystack = fold(f"{row[2]} {row[3]} {row[1]}")
        if all(word in haystack for word in wanted):
            found.append(_choice(row))
            if len(found) >= limit:
                break
    return found


def _latest_consents(db: Database, customer_id: str) -> dict[str, bool]:
    latest: dict[str, bool] = {}
    for channel, granted in db.conn.execute(
        "SELECT channel, granted FROM consents WHERE customer_id = ? ORDER BY at, version, id",
        (customer_id,),
    ):
        latest[channel] = bool(granted)
    return latest


def channel_choices(
    db: Database, customer_id: str, *, phones: list[str], emails: list[str]
) -> list[ChannelChoice]:
    consents = _latest_consents(db, customer_id)
    choices = []
    for channel in CHANNELS:
        has_address = bool(emails) if channel == "email" else bool(phones)
        if not has_address:
            reason = "no_email" if channel == "email" else "no_phone"
        elif channel not in consents:
            reason = "no_consent"
        elif not consents[channel]:
            reason = "declined"
        else:
            reason = ""
        choices.append(ChannelChoice(channel=channel, allowed=not reason, reason=reason))
    return choices


def composer_context(
    db: Database, customer_id: str, *, store_id: str | None
) -> ComposerContext | None:
    row = db.conn.execute(
        "SELECT given_name, display_name, language, preferred_channel, phones, emails "
        "FROM customers WHERE id = ?",
        (customer_id,),
    ).fetchone()
    if row is None:
        return None
    channels = channel_choices(
        db, customer_id, phones=json.loads(row[4]), emails=json.loads(row[5])
    )
    allowed = [c.channel for c in channels if c.allowed]
    default = row[3] if row[3] in allowed else (allowed[0] if allowed else None)
    cart = db.conn.execute(
        "SELECT lines FROM carts WHERE customer_id = ? AND status IN ('open', 'abandoned') "
        "ORDER BY updated_at DESC, id DESC LIMIT 1",
        (customer_id,),
    ).fetchone()
    cart_ids = [line["product_id"] for line in json.loads(cart[0])] if cart else []
    bought: list[str] = []
    for (lines,) in db.conn.execute(
        "SELECT lines FROM orders WHERE customer_id = ? ORDER BY placed_at DESC LIMIT 20",
        (customer_id,),
    ):
        bought += [line["product_id"] for line in json.loads(lines)]
    store = db.conn.execute("SELECT name FROM locations WHERE id = ?", (store_id or "",)).fetchone()
    return ComposerContext(
        customer_id=customer_id,
        customer_name=row[0] or row[1],
        display_name=row[1],
        language=row[2] if row[2] in LANGUAGES else "en",
        preferred_channel=row[3],
        default_channel=default,
        channels=channels,
        cart_products=products_by_id(db, [i for i in cart_ids if i], store_id=store_id),
        purchased_products=products_by_id(db, [i for i in bought if i], store_id=store_id)[:12],
        store_name=str(store[0]) if store else "",
    )


def queue_followup(
    db: Database,
    args: FollowupQueueArgs,
    *,
    associate_id: str,
    associate_name: str,
    store_id: str | None,
) -> None:
    """Write the follow-up (status `queued`) and its mutation in one transaction."""
    if args["template"] not in TEMPLATE_NAMES:
        raise ValidationError("unknown template")
    if args["language"] not in LANGUAGES:
        raise ValidationError("unknown language")
    if len(args["product_ids"]) > MAX_PRODUCTS:
        raise ValidationError(f"pick at most {MAX_PRODUCTS} products")
    if len(args["personal_line"]) > MAX_PERSONAL_LINE:
        raise ValidationError(f"the personal line is longer than {MAX_PERSONAL_LINE} characters")
    with write_transaction(db):
        customer = db.conn.execute(
            "SELECT scope, phones, emails FROM customers WHERE id = ?", (args["customer_id"],)
        ).fetchone()
        if customer is None:
            raise ValidationError("this customer is not known on this terminal")
        choices = channel_choices(
            db,
            args["customer_id"],
            phones=json.loads(customer[1]),
            emails=json.loads(customer[2]),
        )
        choice = next((c for c in choices if c.channel == args["channel"]), None)
        if choice is None or not choice.allowed:
            raise ValidationError(f"the customer cannot be contacted by {args['channel']}")
        scope = customer[0] or (store_scope(store_id) if store_id else "")
        db.conn.execute(
            "INSERT INTO followups (id, customer_id, associate_id, associate_name, store_id, "
            "channel, template, language, product_ids, personal_line, status, status_reason, "
            "created_at, updated_at, scope, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', NULL, ?, ?, ?, 0)",
            (
                args["id"],
                args["customer_id"],
                associate_id,
                associate_name,
                store_id,
                args["channel"],
                args["template"],
                args["language"],
                json.dumps(args["product_ids"]),
                args["personal_line"],
                args["created_at"],
                args["created_at"],
                scope,
            ),
        )
        outbox.enqueue(db, "followup.queue", dict(args))


def preview_context(
    db: Database,
    *,
    customer_id: str,
    product_ids: list[str],
    personal_line: str,
    associate_name: str,
    store_id: str | None,
    base_url: str,
    offer: str | None = None,
    reserve: bool = False,
) -> FollowupContext:
    """What the hub will put in the message, from the cache (links: same-length stand-ins)."""
    composer = composer_context(db, customer_id, store_id=store_id)
    if composer is None:
        raise ValidationError("this customer is not known on this terminal")
    picks = products_by_id(db, product_ids, store_id=store_id)
    links = preview_links(base_url)
    return FollowupContext(
        customer_name=composer.customer_name,
        associate_name=associate_name,
        store_name=composer.store_name,
        personal_line=personal_line,
        products=[
            PickedProduct(
                name=p.name,
                price_minor=p.price_minor,
                currency=p.currency,
                in_stock_here=None if p.stock_here is None else p.stock_here > 0,
            )
            for p in picks
        ],
        landing_url=links["landing_url"],
        unsubscribe_url=links["unsubscribe_url"],
        survey_url=links["survey_url"],
        open_pixel_url=links["open_pixel_url"],
        offer=None
        if offer is None
        else OfferLine(
            kind=offer,
            code=PREVIEW_OFFER_CODE,
            expires_on=(datetime.now(UTC) + OFFER_VALIDITY).date(),
        ),
        reserve_url=preview_reserve_url(base_url) if reserve else "",
    )


def customer_names(db: Database, ids: list[str]) -> dict[str, str]:
    """Display names of the customers of `ids` this cache holds (others are left out)."""
    wanted = sorted(set(ids))
    names: dict[str, str] = {}
    for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for customer_id, name in db.conn.execute(
            f"SELECT id, display_name FROM customers WHERE id IN ({marks})", chunk
        ):
            names[str(customer_id)] = str(name)
    return names


def count_needing_check(db: Database, store_id: str | None) -> int:
    """Follow-ups of the store marked `needs_check` as of the last sync (no network)."""
    if store_id is None:
        row = db.conn.execute("SELECT count(*) FROM followups WHERE status = 'needs_check'")
    else:
        row = db.conn.execute(
            "SELECT count(*) FROM followups WHERE status = 'needs_check' AND store_id = ?",
            (store_id,),
        )
    return int(row.fetchone()[0])
