"""What the terminal shows about a customer, and the local writes it makes (each with its
outbox mutation in the same transaction, so nothing written offline is ever lost)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from clienteling.domain.cards import InvalidCardError, clean_card
from clienteling.domain.contacts import (
    clean_name,
    display_name,
    looks_like_email,
    normalize_email,
)
from clienteling.domain.errors import ValidationError
from clienteling.domain.phones import is_e164
from clienteling.domain.text import digits, words
from clienteling.protocol.entities import (
    CustomerCreateArgs,
    CustomerData,
    NoteAddArgs,
    store_scope,
)
from clienteling.protocol.models import Change
from clienteling.store import outbox
from clienteling.store.apply import upsert_customers
from clienteling.store.followups import followup_views
from clienteling.store.holds import customer_holds
from clienteling.store.learned import bought_together, customer_sizes
from clienteling.store.profile import CONSENT_UNSENT
from clienteling.store.profile import sync_state as profile_sync_state
from clienteling.store.recent_views import customer_recent_views
from clienteling.store.search import HIT_COLUMNS, hit_from_row
from clienteling.store.stock import line_stock
from clienteling.store.timeline import customer_timeline
from clienteling.store.transactions import write_transaction
from clienteling.store.views import (
    CartLineView,
    CartView,
    ConsentView,
    CustomerHit,
    CustomerProfile,
    NoteView,
    OrderLineView,
    OrderView,
)
from clienteling.store.visits import customer_visits

MAX_NOTE_LENGTH = 5000  # the hub refuses longer notes


def parse_time(text: str) -> datetime:
    """An ISO 8601 time from the wire as an aware UTC datetime."""
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def customer_profile(
    db: Database, customer_id: str, *, store_id: str | None
) -> CustomerProfile | None:
    """The customer 360 as cached here; `store_id` decides which stock counts as "here"."""
    row = db.conn.execute(
        """
        SELECT c.id, c.given_name, c.family_name, c.display_name, c.phones, c.emails,
               c.loyalty_card, c.loyalty_tier, c.loyalty_points, l.name,
               c.preferred_channel, c.language, c.lifecycle_stage, c.clv_minor, c.currency,
               c.preferences, c.home_store_id
        FROM customers AS c LEFT JOIN locations AS l ON l.id = c.home_store_id
        WHERE c.id = ?
        """,
        (customer_id,),
    ).fetchone()
    if row is None:
        return None
    cart = _live_cart(db, customer_id, store_id=store_id)
    basket = [line.product_id for line in cart.lines] if cart else []
    return CustomerProfile(
        id=row[0],
        given_name=row[1],
        family_name=row[2],
        display_name=row[3],
        phones=json.loads(row[4]),
        emails=json.loads(row[5]),
        loyalty_card=row[6],
        loyalty_tier=row[7],
        loyalty_points=int(row[8]),
        home_store_name=row[9],
        preferred_channel=row[10],
        language=row[11],
        lifecycle_stage=row[12],
        clv_minor=int(row[13]),
        currency=row[14],
        preferences=_preferences(row[15]),
        consents=_consents(db, customer_id),
        orders=_orders(db, customer_id),
        cart=cart,
        recent_views=customer_recent_views(db, customer_id, store_id=store_id),
        notes=_notes(db, customer_id),
        visits=customer_visits(db, customer_id),
        timeline=customer_timeline(db, customer_id),
        followups=followup_views(db, customer_id),
        holds=customer_holds(db, customer_id),
        pending_fields=(state := profile_sync_state(db, customer_id)).pending_fields,
        refused=state.refused,
        learned_sizes=customer_sizes(db, customer_id),
        together=bought_together(db, basket, store_id=store_id),
        home_store_id=row[16],
        other_store=store_id is not None and row[16] != store_id,
    )


def _preferences(text: str | None) -> dict[str, Any]:
    value = json.loads(text) if text else {}
    return value if isinstance(value, dict) else {}


def _consents(db: Database, customer_id: str) -> list[ConsentView]:
    """The latest consent event per channel (the log is append-only on the hub): hub
    events in version (commit) order, never by a clock; then this terminal's own events
    not yet pulled (version 0), which show as pending until the hub acknowledges them."""
    latest: dict[str, ConsentView] = {}
    for channel, granted, at, unsent in db.conn.execute(
        f"SELECT channel, granted, at, {CONSENT_UNSENT.format(row='k')} FROM consents AS k "
        "WHERE customer_id = ? ORDER BY version = 0, version, rowid",
        (customer_id,),
    ):
        latest[channel] = ConsentView(
            channel=channel, granted=bool(granted), at=parse_time(at), pending=bool(unsent)
        )
    return sorted(latest.values(), key=lambda c: c.channel)


def _orders(db: Database, customer_id: str) -> list[OrderView]:
    rows = db.conn.execute(
        """
        SELECT o.id, o.channel, l.name, o.placed_at, o.status, o.total_minor, o.currency,
               o.lines
        FROM orders AS o LEFT JOIN locations AS l ON l.id = o.store_id
        WHERE o.customer_id = ? ORDER BY o.placed_at DESC, o.id DESC
        """,
        (customer_id,),
    ).fetchall()
    return [
        OrderView(
            id=r[0],
            channel=r[1],
            store_name=r[2],
            placed_at=parse_time(r[3]),
            status=r[4],
            total_minor=int(r[5]),
            currency=r[6],
            lines=[
                OrderLineView(
                    sku=line["sku"],
                    name=line["name"],
                    qty=int(line["qty"]),
                    unit_price_minor=int(line["unit_price_minor"]),
                    returned_qty=int(line.get("returned_qty", 0)),
                )
                for line in json.loads(r[7])
            ],
        )
        for r in rows
    ]


def _live_cart(db: Database, customer_id: str, *, store_id: str | None) -> CartView | None:
    row = db.conn.execute(
        "SELECT id, status, checkout_step, updated_at, currency, lines FROM carts "
        "WHERE customer_id = ? AND status IN ('open', 'abandoned') "
        "ORDER BY updated_at DESC, id DESC LIMIT 1",
        (customer_id,),
    ).fetchone()
    if row is None:
        return None
    lines = []
    for line in json.loads(row[5]):
        lines.append(
            CartLineView(
                product_id=line["product_id"],
                sku=line["sku"],
                name=line["name"],
                qty=int(line["qty"]),
                unit_price_minor=int(line["unit_price_minor"]),
                **line_stock(db, line["product_id"], store_id=store_id),
            )
        )
    return CartView(
        id=row[0],
        status=row[1],
        checkout_step=row[2],
        updated_at=parse_time(row[3]),
        currency=row[4],
        lines=lines,
    )


def _notes(db: Database, customer_id: str) -> list[NoteView]:
    return [
        NoteView(
            id=r[0], author_name=r[1], text=r[2], created_at=parse_time(r[3]), pending=bool(r[4])
        )
        for r in db.conn.execute(
            "SELECT id, author_name, text, created_at, pending FROM notes "
            "WHERE customer_id = ? ORDER BY created_at DESC, id DESC",
            (customer_id,),
        )
    ]


def add_note(
    db: Database,
    *,
    note_id: str,
    customer_id: str,
    text: str,
    author_id: str,
    author_name: str,
    store_id: str | None,
) -> NoteView:
    """Write the note and its `note.add` mutation together (works offline)."""
    body = text.strip()
    if not body:
        raise ValidationError("the note is empty")
    if len(body) > MAX_NOTE_LENGTH:
        raise ValidationError(f"the note is longer than {MAX_NOTE_LENGTH} characters")
    now = datetime.now(UTC)
    created_at = now.isoformat()
    with write_transaction(db):
        known = db.conn.execute(
            "SELECT scope FROM customers WHERE id = ?", (customer_id,)
        ).fetchone()
        if known is None:
            raise ValidationError("this customer is not known on this terminal")
        scope = known[0] or (store_scope(store_id) if store_id else "")
        db.conn.execute(
            "INSERT INTO notes (id, customer_id, associate_id, author_name, store_id, text, "
            "created_at, scope, version, pending) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 1)",
            (note_id, customer_id, author_id, author_name, store_id, body, created_at, scope),
        )
        args = NoteAddArgs(id=note_id, customer_id=customer_id, text=body, created_at=created_at)
        outbox.enqueue(db, "note.add", dict(args))
    return NoteView(id=note_id, author_name=author_name, text=body, created_at=now, pending=True)


def store_location(db: Database, store_id: str | None) -> tuple[str | None, str | None]:
    """(time zone, currency) of a store as cached here; (None, None) when unknown."""
    if store_id is None:
        return None, None
    row = db.conn.execute(
        "SELECT timezone, currency FROM locations WHERE id = ?", (store_id,)
    ).fetchone()
    return (None, None) if row is None else (row[0], row[1])


def store_names(db: Database) -> list[tuple[str, str]]:
    """(id, name) of every store in the cached catalog, by name."""
    rows = db.conn.execute(
        "SELECT id, name FROM locations WHERE kind = 'store' ORDER BY name, id"
    ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def create_customer(
    db: Database, args: CustomerCreateArgs, *, store_id: str, currency: str
) -> None:
    """Write the new customer (searchable at once) and its `customer.create` mutation in
    one transaction (works offline). Consents go in as the hub will record them."""
    given, family = clean_name(args["given_name"]), clean_name(args["family_name"])
    if not given or not family:
        raise ValidationError("the given name and the family name are required")
    if not all(is_e164(p) for p in args["phones"]):
        raise ValidationError("a phone number is not valid")
    if not all(looks_like_email(e) for e in args["emails"]):
        raise ValidationError("an email address is not valid")
    try:
        card = clean_card(args.get("loyalty_card") or "")
    except InvalidCardError as exc:
        raise ValidationError(str(exc)) from exc
    args = CustomerCreateArgs(
        id=args["id"],
        given_name=given,
        family_name=family,
        phones=list(dict.fromkeys(args["phones"])),
        emails=list(dict.fromkeys(normalize_email(e) for e in args["emails"])),
        preferred_channel=args["preferred_channel"],
        language=args["language"],
        consents=args["consents"],
        created_at=args["created_at"],
    )
    if card is not None:
        args["loyalty_card"] = card
    scope = store_scope(store_id)
    data = CustomerData(
        id=args["id"],
        given_name=given,
        family_name=family,
        display_name=display_name(given, family, language=args["language"]),
        phones=args["phones"],
        emails=args["emails"],
        loyalty_card=card,
        loyalty_tier=None,
        loyalty_points=0,
        home_store_id=store_id,
        preferred_channel=args["preferred_channel"],
        language=args["language"],
        lifecycle_stage="acquisition",
        clv_minor=0,
        currency=currency,
        created_at=args["created_at"],
        updated_at=args["created_at"],
        preferences={},
    )
    with write_transaction(db):
        if db.conn.execute("SELECT 1 FROM customers WHERE id = ?", (args["id"],)).fetchone():
            raise ValidationError("this customer already exists")
        change = Change(entity="customer", op="upsert", id=args["id"], version=0, data=dict(data))
        upsert_customers(db, [change], scope=scope)
        db.conn.executemany(
            "INSERT INTO consents (id, customer_id, channel, granted, source, at, scope, "
            "version) VALUES (?, ?, ?, ?, 'store_signup', ?, ?, 0)",
            [
                (c["id"], args["id"], c["channel"], int(c["granted"]), args["created_at"], scope)
                for c in args["consents"]
            ],
        )
        outbox.enqueue(db, "customer.create", dict(args))


def possible_duplicates(
    db: Database,
    *,
    phone: str | None = None,
    email: str | None = None,
    card: str | None = None,
    limit: int = 5,
) -> list[CustomerHit]:
    """Known customers with exactly this phone (E.164), email or loyalty card (stored
    form, `domain.cards`): found through the search index, then checked against the
    stored values."""
    expressions: list[tuple[str, str, str]] = []
    if phone:
        expressions.append((f'search_digits : "{digits(phone)}"', "phones", phone))
    if card:
        term = f'search_digits : "{card}"' if card.isdigit() else f'search_other : "{card.lower()}"'
        expressions.append((term, "loyalty_card", card))
    if email:
        tokens = list(dict.fromkeys(words(email)))
        if tokens:
            match = " AND ".join(f'"{t}"' for t in tokens)
            expressions.append((f"search_other : ({match})", "emails", normalize_email(email)))
    found: dict[str, CustomerHit] = {}
    for expression, column, value in expressions:
        rows = db.conn.execute(
            f"""
            SELECT {HIT_COLUMNS}, c.{column}
            FROM customer_fts AS f
            JOIN customers AS c ON c.search_key = f.rowid
            LEFT JOIN locations AS l ON l.id = c.home_store_id
            WHERE customer_fts MATCH ?
            ORDER BY f.rowid LIMIT 200
            """,
            (expression,),
        ).fetchall()
        for row in rows:
            kept = json.loads(row[7]) if column != "loyalty_card" else [row[7]]
            stored = [str(v).lower() for v in kept if v is not None]
            if value.lower() not in stored or row[0] in found:
                continue
            found[row[0]] = hit_from_row(row)
    return list(found.values())[:limit]


def sample_customer_with_cart(db: Database, *, language: str | None = None) -> str | None:
    """A customer with a live online cart, the fullest first (screenshots, demos)."""
    where = "carts.status IN ('open', 'abandoned') AND carts.lines != '[]'"
    params: list[str] = []
    if language is not None:
        where += " AND customers.language = ?"
        params.append(language)
    row = db.conn.execute(
        "SELECT carts.customer_id FROM carts JOIN customers ON customers.id = carts.customer_id "
        f"WHERE {where} "
        "ORDER BY json_array_length(carts.lines) DESC, carts.updated_at DESC, carts.id LIMIT 1",
        params,
    ).fetchone()
    return None if row is None else str(row[0])
