"""Writing ingested events: one transaction per event (see the package docstring for rules).

Every write to a synced row (customers, carts, orders) allocates a version in the
customer's store scope inside the same transaction, so terminals of that store pull it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.ids import uuid7
from clienteling.domain.lifecycle import stage_from_summary
from clienteling.domain.metrics import order_net_minor
from clienteling.domain.phones import InvalidPhoneError, to_e164
from clienteling.domain.tasks import wish_from_view
from clienteling.hub import (
    listing,
    order_events,
    purchase_facts,
    recent_views,
    task_ingest,
    versions,
    wishes,
)
from clienteling.hub.attribution import attribute_order
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts, write_tx
from clienteling.hub.ingest import catalog
from clienteling.hub.ingest.events import (
    BadEventError,
    CartEvent,
    CatalogEvent,
    CustomerEvent,
    CustomerRef,
    Event,
    Incoming,
    Line,
    OrderEvent,
    ProductViewEvent,
    ShopStockEvent,
    StockEvent,
)
from clienteling.hub.mutation_kit import ERASED_SCOPE
from clienteling.hub.offers import redeem_for_order
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import (
    carts,
    customer_purchase_facts,
    customers,
    ingest_carts,
    ingest_events,
    ingest_links,
    inventory,
    locations,
    orders,
    product_views,
    products,
)
from clienteling.hub.task_generation import after_stock_change
from clienteling.protocol.entities import CATALOG_SCOPE, store_scope

log = logging.getLogger(__name__)

IngestStatus = Literal["applied", "ignored", "duplicate", "unknown_topic", "rejected"]

STATUS_RANK = {"placed": 0, "fulfilled": 1, "delivered": 2, "partially_returned": 3, "returned": 4}
_ORDER_STATUS = {
    "order.placed": "placed",
    "order.fulfilled": "fulfilled",
    "order.delivered": "delivered",
}
_LANGUAGES = ("vi", "fr", "ru", "en")
_NEVER = ""  # sorts before every time: "no event applied yet"


class IngestResult(BaseModel):
    """The answer to an ingested event (always 200 once the signature is good)."""

    status: IngestStatus
    event_id: str
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class _Outcome:
    status: Literal["applied", "ignored"]
    detail: str | None = None


_APPLIED = _Outcome("applied")


def _ignored(why: str) -> _Outcome:
    return _Outcome("ignored", why)


@dataclass(frozen=True, slots=True)
class _Customer:
    id: str
    scope: str
    currency: str


class _Ingest:
    """One event's work inside one write transaction."""

    def __init__(
        self, conn: Connection, settings: HubSettings, source: str, *, now: datetime
    ) -> None:
        self.conn = conn
        self.settings = settings
        self.source = source
        self.moment = now
        self.now = iso(now)

    # --- links: the shop's ids -> ours -------------------------------------------------

    def _link(self, kind: str, external_id: str, *, lock: bool = False) -> Any:
        """The link's row; `lock`: held until commit, so two events of one record compare
        their times one after the other."""
        query = sa.select(ingest_links.c.internal_id, ingest_links.c.occurred_at).where(
            ingest_links.c.source == self.source,
            ingest_links.c.kind == kind,
            ingest_links.c.external_id == external_id,
        )
        return self.conn.execute(query.with_for_update() if lock else query).first()

    def _make_link(self, kind: str, external_id: str, internal_id: str, at: str) -> str:
        """Link `external_id` to `internal_id` unless it is linked already; the id it has."""
        insert_ignoring_conflicts(
            self.conn,
            ingest_links,
            {
                "source": self.source,
                "kind": kind,
                "external_id": external_id,
                "internal_id": internal_id,
                "occurred_at": at,
            },
        )
        row = self._link(kind, external_id)
        assert row is not None
        return str(row.internal_id)

    def _touch_link(self, kind: str, external_id: str, at: str) -> None:
        self.conn.execute(
            sa.update(ingest_links)
            .where(
                ingest_links.c.source == self.source,
                ingest_links.c.kind == kind,
                ingest_links.c.external_id == external_id,
                ingest_links.c.occurred_at < at,
            )
            .values(occurred_at=at)
        )

    # --- customers ---------------------------------------------------------------------

    def _customer_by_id(self, customer_id: str) -> _Customer | None:
        row = self.conn.execute(
            sa.select(customers.c.id, customers.c.scope, customers.c.currency).where(
                customers.c.id == customer_id
            )
        ).first()
        return _Customer(row.id, row.scope, row.currency) if row is not None else None

    def _customer_by_email(self, email: str) -> _Customer | None:
        if self.conn.dialect.name == "postgresql":
            # Two events naming one new email at once create one customer, not two.
            self.conn.execute(
                sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext("ingest:" + email)))
            )
            match = sa.text(
                "EXISTS (SELECT 1 FROM json_array_elements_text(customers.emails) AS e "
                "WHERE lower(e) = :email)"
            )
        else:
            match = sa.text(
                "EXISTS (SELECT 1 FROM json_each(customers.emails) AS e "
                "WHERE lower(e.value) = :email)"
            )
        found = self.conn.execute(
            sa.select(customers.c.id)
            .where(match.bindparams(email=email))
            .order_by(customers.c.id)
            .limit(1)
        ).scalar_one_or_none()
        return self._customer_by_id(found) if found is not None else None

    def resolve(self, ref: CustomerRef | None, *, create: bool = True) -> _Customer | None:
        """The shop's customer id, else the email (lower-cased), else a new customer."""
        if ref is None or not ref.known:
            return None
        if ref.external_id:
            link = self._link("customer", ref.external_id)
            if link is not None:
                found = self._customer_by_id(link.internal_id)
                if found is not None:
                    return found
        email = ref.email.strip().lower() if ref.email else None
        found = self._customer_by_email(email) if email else None
        if found is None:
            if not create or (email is None and not ref.external_id):
                return None
            found = self._create_customer(ref, email)
        if ref.external_id:
            self._make_link("customer", ref.external_id, found.id, _NEVER)
        return found

    def _unlink_erased(self, ref: CustomerRef | None, erased_id: str) -> None:
        """Drop the link this event made to `erased_id` before the erasure committed (the
        erasure could not see it): it names the erased shell."""
        if ref is not None and ref.external_id:
            self.conn.execute(
                sa.delete(ingest_links).where(
                    ingest_links.c.source == self.source,
                    ingest_links.c.kind == "customer",
                    ingest_links.c.external_id == ref.external_id,
                    ingest_links.c.internal_id == erased_id,
                )
            )

    def _lock_live(self, found: _Customer, ref: CustomerRef | None) -> Any:
        """`found`'s row, locked in the hub's lock order (scope counter, then customer:
        `purchase_facts.lock_customer`) and read again; None when it was erased (or is
        gone) meanwhile: nothing may be written back onto the erased shell."""
        row = purchase_facts.lock_customer(self.conn, found.id)
        if row is not None and row.scope != ERASED_SCOPE:
            return row
        self._unlink_erased(ref, found.id)
        return None

    def _locked(self, found: _Customer | None, ref: CustomerRef | None) -> _Customer | None:
        """`found`, locked for the order's writes (`purchase_facts.lock_customer`) and
        current; erased while we waited: the shop's person is a new customer."""
        if found is None:
            return None
        row = self._lock_live(found, ref)
        if row is not None:
            return _Customer(row.id, row.scope, row.currency)
        again = self.resolve(ref)
        if again is None or again.id == found.id:
            return None
        row = purchase_facts.lock_customer(self.conn, again.id)
        return _Customer(row.id, row.scope, row.currency) if row is not None else None

    def _default_store(self) -> Any:
        stores = sa.select(locations.c.id, locations.c.currency).where(locations.c.kind == "store")
        wanted = self.settings.ingest_default_store_id
        if wanted:
            row = self.conn.execute(stores.where(locations.c.id == wanted)).first()
            if row is not None:
                return row
            log.warning("ingest_default_store_id %s is not a store; using the first store", wanted)
        row = self.conn.execute(stores.order_by(locations.c.id).limit(1)).first()
        if row is None:
            raise BadEventError("the hub has no store to attach new customers to")
        return row

    def _phone(self, raw: str | None) -> list[str]:
        if not raw:
            return []
        try:
            return [to_e164(raw, region=self.settings.ingest_phone_region)]
        except InvalidPhoneError:
            return []

    def _create_customer(self, ref: CustomerRef, email: str | None) -> _Customer:
        store = self._default_store()
        scope = store_scope(store.id)
        display = f"{ref.given_name} {ref.family_name}".strip() or (email or "").split("@")[0]
        language = ref.language if ref.language in _LANGUAGES else None
        customer_id = uuid7()
        self.conn.execute(
            sa.insert(customers).values(
                id=customer_id,
                given_name=ref.given_name,
                family_name=ref.family_name,
                display_name=display[:400],
                phones=self._phone(ref.phone),
                emails=[email] if email else [],
                loyalty_card=None,
                loyalty_tier=None,
                loyalty_points=0,
                home_store_id=store.id,
                preferred_channel="email",
                language=language or self.settings.ingest_default_language,
                lifecycle_stage="acquisition",
                clv_minor=0,
                currency=store.currency,
                created_at=self.now,
                updated_at=self.now,
                scope=scope,
                version=versions.allocate(self.conn, scope),
            )
        )
        log.info("ingest from %s created customer %s in %s", self.source, customer_id, scope)
        return _Customer(customer_id, scope, store.currency)

    def customer_event(self, event: CustomerEvent) -> _Outcome:
        """customers/create|update: names and new contacts onto the customer, under the
        customer's lock. One erased meanwhile stays erased: the event is ignored (as if it
        had come first and been erased with the rest)."""
        ref = event.customer
        found = self.resolve(ref)
        assert found is not None  # `CustomerEvent` always carries an id or an email
        row = self._lock_live(found, ref)
        if row is None:
            return _ignored("the customer was erased on request; nothing was written")
        if ref.external_id:
            link = self._link("customer", ref.external_id)
            if link is not None and link.occurred_at > event.occurred_at:
                return _ignored("a newer update of this customer was applied already")
            self._touch_link("customer", ref.external_id, event.occurred_at)
        changes: dict[str, Any] = {}
        if ref.given_name and ref.given_name != row.given_name:
            changes["given_name"] = ref.given_name
        if ref.family_name and ref.family_name != row.family_name:
            changes["family_name"] = ref.family_name
        if changes:
            given = changes.get("given_name", row.given_name)
            family = changes.get("family_name", row.family_name)
            changes["display_name"] = f"{given} {family}".strip()[:400]
        email = ref.email.strip().lower() if ref.email else None
        if email and email not in [e.lower() for e in row.emails]:
            changes["emails"] = [*row.emails, email]
        new_phones = [p for p in self._phone(ref.phone) if p not in row.phones]
        if new_phones:
            changes["phones"] = [*row.phones, *new_phones]
        if not changes:
            return _APPLIED
        self.conn.execute(
            sa.update(customers)
            .where(customers.c.id == row.id)
            .values(**changes, updated_at=self.now, version=versions.allocate(self.conn, row.scope))
        )
        return _APPLIED

    def _refresh_value(self, customer: _Customer) -> None:
        """The purchase facts and sales rollups the dashboard reads, then CLV and lifecycle
        stage from the facts row (after every order write; the orders are read once).

        CLV is the net the customer kept: the facts' sum of `orders.net_minor`
        (`domain.metrics.order_net_minor`) over kept orders equals the line sum
        (qty - returned_qty) * unit price over all orders, because an order is 'returned'
        only once every line is (its lines then sum to 0 as well)."""
        purchase_facts.refresh(self.conn, [customer.id])
        facts = self.conn.execute(
            sa.select(
                customer_purchase_facts.c.purchases,
                customer_purchase_facts.c.net_minor,
                customer_purchase_facts.c.last_at,
            ).where(customer_purchase_facts.c.customer_id == customer.id)
        ).first()
        clv = int(facts.net_minor) if facts is not None else 0
        stage = str(
            stage_from_summary(
                int(facts.purchases) if facts is not None else 0,
                datetime.fromisoformat(facts.last_at) if facts is not None else None,
                now=self.moment,
            )
        )
        current = self.conn.execute(
            sa.select(customers.c.clv_minor, customers.c.lifecycle_stage).where(
                customers.c.id == customer.id
            )
        ).one()
        if current.clv_minor == clv and current.lifecycle_stage == stage:
            return
        self.conn.execute(
            sa.update(customers)
            .where(customers.c.id == customer.id)
            .values(
                clv_minor=clv,
                lifecycle_stage=stage,
                updated_at=self.now,
                version=versions.allocate(self.conn, customer.scope),
            )
        )

    # --- lines -------------------------------------------------------------------------

    def _line_dicts(self, lines: list[Line], *, order: bool) -> list[dict[str, Any]]:
        skus = {line.sku for line in lines}
        known = {
            row.sku: row
            for row in self.conn.execute(
                sa.select(products.c.id, products.c.sku, products.c.name).where(
                    products.c.sku.in_(skus)
                )
            )
        }
        result = []
        for line in lines:
            product = known.get(line.sku)
            item: dict[str, Any] = {
                "product_id": product.id if product is not None else "",
                "sku": line.sku,
                "name": line.name or (product.name if product is not None else line.sku),
                "qty": line.qty,
                "unit_price_minor": line.unit_price_minor,
            }
            if order:
                item["returned_qty"] = 0
            result.append(item)
        return result

    # --- carts -------------------------------------------------------------------------

    def _cart_id(self, keys: tuple[str, ...], at: str) -> str:
        """Our id of the cart the shop knows under any of `keys`; linked to all of them."""
        cart_id: str | None = None
        for key in keys:
            link = self._link("cart", key)
            if link is not None:
                cart_id = str(link.internal_id)
                break
        cart_id = cart_id or uuid7()
        for key in keys:
            cart_id = self._make_link("cart", key, cart_id, at)
        return cart_id

    def _cart_state(self, cart_id: str, *, lock: bool = True) -> Any:
        query = sa.select(ingest_carts).where(ingest_carts.c.id == cart_id)
        return self.conn.execute(query.with_for_update() if lock else query).first()

    def _save_cart(self, cart_id: str, exists: bool, values: dict[str, Any]) -> None:
        if exists:
            self.conn.execute(
                sa.update(ingest_carts).where(ingest_carts.c.id == cart_id).values(**values)
            )
        else:
            self.conn.execute(
                sa.insert(ingest_carts).values(id=cart_id, source=self.source, **values)
            )

    def _publish_cart(self, cart_id: str, customer: _Customer, state: dict[str, Any]) -> None:
        """Write the cart's state to the synced `carts` table in the customer's scope."""
        values = {
            "customer_id": customer.id,
            "status": state["status"],
            "checkout_step": state["checkout_step"],
            "updated_at": state["occurred_at"],
            "currency": state["currency"],
            "lines": state["lines"],
            "scope": customer.scope,
            "version": versions.allocate(self.conn, customer.scope),
        }
        exists = self.conn.execute(sa.select(carts.c.id).where(carts.c.id == cart_id)).first()
        if exists is not None:
            self.conn.execute(sa.update(carts).where(carts.c.id == cart_id).values(**values))
        else:
            self.conn.execute(sa.insert(carts).values(id=cart_id, **values))

    def _cart_customer(self, cart_id: str, ref: CustomerRef | None) -> tuple[Any, Any]:
        """(the cart's state, locked; its customer's row, locked, or None): the customer
        first (scope counter, then customer, as every customer writer and the erasure
        lock), then the cart state, so an erasure and a cart event wait for each other
        instead of deadlocking. A customer erased meanwhile is no customer: the cart waits
        for one, and nothing is published onto the erased shell."""
        for _ in range(3):
            peek = self._cart_state(cart_id, lock=False)
            owner = peek.customer_id if peek is not None else None
            found = self._customer_by_id(owner) if owner is not None else None
            if found is None:
                found = self.resolve(ref)
            row = self._lock_live(found, ref) if found is not None else None
            state = self._cart_state(cart_id)
            if (state.customer_id if state is not None else None) == owner:
                return state, row
        raise RuntimeError(f"cart {cart_id} keeps changing customer")

    @staticmethod
    def _late_cart(state: Any, event: CartEvent) -> _Outcome | None:
        if state is not None and state.status == "ordered":
            return _ignored("the cart was ordered already")
        if state is not None and state.occurred_at > event.occurred_at:
            return _ignored("a newer event of this cart was applied already")
        return None

    def cart_event(self, event: CartEvent) -> _Outcome:
        keys = (event.cart_key, *event.other_keys)
        cart_id = self._cart_id(keys, event.occurred_at)
        # Checked before anything is locked or created (an ordered cart stays ordered and
        # a cart's time only grows, so the answer holds), and again under the lock.
        late = self._late_cart(self._cart_state(cart_id, lock=False), event)
        if late is not None:
            return late
        state, row = self._cart_customer(cart_id, event.customer)
        late = self._late_cart(state, event)
        if late is not None:
            return late
        customer = _Customer(row.id, row.scope, row.currency) if row is not None else None
        step: str | None
        if event.kind == "cart.updated":
            status, step = "open", "cart"
        elif event.kind == "checkout.started":
            status, step = "open", event.step or "checkout"
        else:
            status = "abandoned"
            step = event.step or (state.checkout_step if state is not None else None)
        if event.lines is not None:
            lines = self._line_dicts(event.lines, order=False)
        else:
            lines = list(state.lines) if state is not None else []
        currency = (
            event.currency
            or (state.currency if state is not None else None)
            or (customer.currency if customer is not None else "EUR")
        )
        values = {
            "customer_id": customer.id if customer is not None else None,
            "status": status,
            "checkout_step": step,
            "occurred_at": event.occurred_at,
            "currency": currency,
            "lines": lines,
        }
        self._save_cart(cart_id, state is not None, values)
        if customer is None:
            return _Outcome("applied", "the cart waits for its customer")
        self._publish_cart(cart_id, customer, values)
        return _APPLIED

    def _mark_ordered(self, keys: tuple[str, ...], customer: _Customer, at: str) -> None:
        if not keys:
            return
        cart_id = self._cart_id(keys, at)
        state = self._cart_state(cart_id)
        if state is not None and state.status == "ordered":
            return
        values = {
            "customer_id": state.customer_id
            if state is not None and state.customer_id
            else customer.id,
            "status": "ordered",
            "checkout_step": None,
            "occurred_at": max(at, state.occurred_at) if state is not None else at,
            "currency": state.currency if state is not None else customer.currency,
            "lines": list(state.lines) if state is not None else [],
        }
        self._save_cart(cart_id, state is not None, values)
        owner = self._customer_by_id(str(values["customer_id"])) or customer
        published = self.conn.execute(sa.select(carts.c.id).where(carts.c.id == cart_id)).first()
        if published is not None or values["lines"]:
            self._publish_cart(cart_id, owner, values)

    # --- orders ------------------------------------------------------------------------

    def order_event(self, event: OrderEvent) -> _Outcome:
        link = self._link("order", event.order_key)
        if link is not None:
            return self._update_order(str(link.internal_id), event)
        if event.kind == "order.returned":
            return _ignored("unknown order")
        if event.lines is None or event.currency is None:
            return _ignored("unknown order, and the event does not carry the order")
        found = self.resolve(event.customer)
        if found is not None:
            self._lock_cart_owners(found, event.cart_keys)
        customer = self._locked(found, event.customer)
        if customer is None:
            return _ignored("the order names no customer (neither id nor email)")
        lines = self._line_dicts(event.lines, order=True)
        total = event.total_minor
        if total is None:
            total = sum(line["qty"] * line["unit_price_minor"] for line in lines)
        order_id = uuid7()
        order_id = self._make_link("order", event.order_key, order_id, event.occurred_at)
        if self.conn.execute(sa.select(orders.c.id).where(orders.c.id == order_id)).first():
            return self._update_order(order_id, event)  # a concurrent event created it
        offer_code = (
            redeem_for_order(
                self.conn, event.offer_codes, order_id=order_id, customer_id=customer.id
            )
            if event.offer_codes
            else None
        )
        self.conn.execute(
            sa.insert(orders).values(
                id=order_id,
                customer_id=customer.id,
                channel="web",
                store_id=None,
                associate_id=None,
                placed_at=event.placed_at or event.occurred_at,
                status=_ORDER_STATUS[event.kind],
                total_minor=total,
                net_minor=order_net_minor(lines, _ORDER_STATUS[event.kind]),
                currency=event.currency,
                lines=lines,
                offer_code=offer_code,
                # Placed is the order itself; arriving shipped already is an event.
                events=[]
                if event.kind == "order.placed"
                else order_events.appended([], _ORDER_STATUS[event.kind], event.occurred_at),
                scope=customer.scope,
                version=versions.allocate(self.conn, customer.scope),
            )
        )
        self._mark_ordered(event.cart_keys, customer, event.occurred_at)
        attribute_order(
            self.conn,
            order_id=order_id,
            customer_id=customer.id,
            at=datetime.fromisoformat(event.placed_at or event.occurred_at),
            window_days=self.settings.attribution_window_days,
        )
        self._refresh_value(customer)  # after the credit: the rollups count it
        return _APPLIED

    def _lock_cart_owners(self, customer: _Customer, keys: tuple[str, ...]) -> None:
        """The order's cart is published in the scope of the customer it was first
        published with (`_mark_ordered`), which may be another store's: both counters
        are locked first, sorted (`versions.lock_scopes`), not one after the other."""
        owners: set[str] = set()
        for key in keys:
            link = self._link("cart", key)
            state = self._cart_state(link.internal_id, lock=False) if link is not None else None
            if state is not None and state.customer_id not in (None, customer.id):
                owners.add(str(state.customer_id))
        if not owners:
            return
        scopes = set(
            self.conn.execute(
                sa.select(customers.c.scope).where(customers.c.id.in_(owners))
            ).scalars()
        )
        versions.lock_scopes(self.conn, {customer.scope, *map(str, scopes)})

    def _update_order(self, order_id: str, event: OrderEvent) -> _Outcome:
        owner = self.conn.execute(
            sa.select(orders.c.customer_id).where(orders.c.id == order_id)
        ).scalar_one_or_none()
        # The customer (and scope) first, then the order: the order erasure locks them in.
        locked = purchase_facts.lock_customer(self.conn, owner) if owner is not None else None
        row = self.conn.execute(
            sa.select(orders).where(orders.c.id == order_id).with_for_update()
        ).first()
        if row is None:
            return _ignored("the order is gone")
        if locked is None or row.customer_id != locked.id:  # merged meanwhile
            locked = purchase_facts.lock_customer(self.conn, row.customer_id)
        if locked is None:
            return _ignored("the order's customer is gone")
        customer = _Customer(locked.id, locked.scope, locked.currency)
        self._touch_link("order", event.order_key, event.occurred_at)
        lines = [dict(line) for line in row.lines]
        if event.kind == "order.returned":
            changed = False
            for line in lines:
                before = line.get("returned_qty", 0)
                if event.returned is None:
                    after = line["qty"]
                else:
                    after = min(line["qty"], before + event.returned.get(line["sku"], 0))
                if after != before:
                    line["returned_qty"] = after
                    changed = True
            if not changed:
                return _ignored("nothing more to return")
            fully = all(line.get("returned_qty", 0) >= line["qty"] for line in lines)
            status = "returned" if fully else "partially_returned"
        else:
            status = _ORDER_STATUS[event.kind]
        if STATUS_RANK[status] < STATUS_RANK[row.status]:
            status = row.status
        if status == row.status and lines == row.lines:
            self._mark_ordered(event.cart_keys, customer, event.occurred_at)
            return _ignored(f"the order is {row.status} already; status only moves forward")
        self.conn.execute(
            sa.update(orders)
            .where(orders.c.id == order_id)
            .values(
                status=status,
                lines=lines,
                net_minor=order_net_minor(lines, status),
                events=order_events.appended(
                    row.events,
                    status,
                    event.occurred_at,
                    items=order_events.returned_names(row.lines, lines),
                ),
                version=versions.allocate(self.conn, customer.scope),
            )
        )
        self._mark_ordered(event.cart_keys, customer, event.occurred_at)
        self._refresh_value(customer)
        return _APPLIED

    # --- product views -----------------------------------------------------------------

    def product_view(self, event: ProductViewEvent) -> _Outcome:
        """Logged in `product_views`; a known customer's view of a known product also
        updates their recently viewed products (`hub.recent_views`), under the customer's
        lock (scope counter, then customer, as the erasure takes them): a customer erased
        meanwhile gets nothing, and the view is logged without them."""
        found = self.resolve(event.customer, create=False)
        customer = self._lock_live(found, event.customer) if found is not None else None
        product_id = self.conn.execute(
            sa.select(products.c.id).where(products.c.sku == event.sku)
        ).scalar_one_or_none()
        # A product no longer offered (draft, archived: hub.listing) is logged, not
        # suggested: neither recently viewed nor a wish.
        offered = product_id is not None and listing.is_offered(self.conn, product_id)
        if customer is not None and offered:
            recent_views.note_view(
                self.conn,
                customer_id=str(customer.id),
                scope=str(customer.scope),
                product_id=str(product_id),
                sku=event.sku,
                at=event.occurred_at,
                now=self.moment,
            )
        self.conn.execute(
            sa.insert(product_views).values(
                id=uuid7(),
                source=self.source,
                customer_id=customer.id if customer is not None else None,
                product_id=product_id,
                sku=event.sku,
                viewed_at=event.occurred_at,
            )
        )
        # Sold out online when viewed: a wish, watched at the home store (hub.wishes).
        if (
            customer is not None
            and product_id is not None
            and offered
            and wish_from_view(online_available=wishes.online_stock(self.conn, product_id))
        ):
            wishes.note_wish(
                self.conn,
                customer_id=customer.id,
                product_id=product_id,
                source="view",
                at=event.occurred_at,
                now=self.moment,
            )
        return _APPLIED

    # --- stock -------------------------------------------------------------------------

    def stock_event(self, event: StockEvent) -> _Outcome:
        """The generic stock feed: our SKU and location ids."""
        product_id = self.conn.execute(
            sa.select(products.c.id).where(products.c.sku == event.sku)
        ).scalar_one_or_none()
        if product_id is None:
            return _ignored("unknown product")
        return self._set_stock(
            product_id=str(product_id),
            sku=event.sku,
            location_id=event.location_id,
            on_hand=event.on_hand,
            at=event.occurred_at,
            incoming=event.incoming,
        )

    def shop_stock_event(self, event: ShopStockEvent) -> _Outcome:
        """Shopify's inventory level: its inventory item -> our product (learned from the
        products/* webhooks), its location -> ours (setting `shopify_locations`)."""
        if event.available is None:
            return _ignored("the shop does not track this item's stock at this location")
        location_id = self.settings.shopify_locations.get(event.shop_location)
        if location_id is None:
            log.warning(
                "ingest %s: stock at unmapped location %s ignored (setting shopify_locations)",
                self.source,
                event.shop_location,
            )
            return _ignored(f"location {event.shop_location} is not in shopify_locations")
        link = self._link("inventory_item", event.inventory_item)
        if link is None:
            catalog.hold_level(self, event, location_id)
            return _Outcome(
                "applied", "unknown inventory item: kept until a products/* webhook names it"
            )
        sku = self.conn.execute(
            sa.select(products.c.sku).where(products.c.id == link.internal_id)
        ).scalar_one_or_none()
        if sku is None:
            return _ignored("the inventory item's product was deleted in the shop")
        return self._set_stock(
            product_id=str(link.internal_id),
            sku=str(sku),
            location_id=location_id,
            on_hand=event.available,
            at=event.occurred_at,
        )

    def _set_stock(
        self,
        *,
        product_id: str,
        sku: str,
        location_id: str,
        on_hand: int,
        at: str,
        incoming: Incoming | None = None,
    ) -> _Outcome:
        """Set the units on hand (reservations stay) and, when the source says, what is on
        its way (`incoming` None: unchanged); a rise in free stock at a store re-checks
        the tasks of the customers who wish for the product (back in stock). Every
        source's stock change goes through here."""
        kind = self.conn.execute(
            sa.select(locations.c.kind).where(locations.c.id == location_id)
        ).scalar_one_or_none()
        if kind is None:
            return _ignored("unknown location")
        key = f"{location_id}:{sku}"
        self._make_link("stock", key, product_id, _NEVER)  # remembers the newest level's time
        link = self._link("stock", key, lock=True)
        if link is not None and link.occurred_at > at:
            return _ignored("a newer stock level of this product was applied already")
        self._touch_link("stock", key, at)
        row_id = f"{location_id}:{product_id}"
        row = self.conn.execute(
            sa.select(
                inventory.c.on_hand,
                inventory.c.reserved,
                inventory.c.incoming,
                inventory.c.incoming_on,
            )
            .where(inventory.c.id == row_id)
            .with_for_update()
        ).first()
        on_way: dict[str, Any] = {}
        if incoming is not None:
            on_way = (
                {"incoming": incoming.units, "incoming_on": incoming.on}
                if incoming.units
                else {"incoming": None, "incoming_on": None}
            )
        if (
            row is not None
            and int(row.on_hand) == on_hand
            and all(row._mapping[column] == value for column, value in on_way.items())
        ):
            return _APPLIED
        held = 0 if row is None else int(row.reserved)
        free_before = 0 if row is None else max(0, int(row.on_hand) - held)
        held = min(held, on_hand)  # never more held than there is
        values = {
            "on_hand": on_hand,
            "reserved": held,
            **on_way,
            "version": versions.allocate(self.conn, CATALOG_SCOPE),
        }
        if row is None:
            self.conn.execute(
                sa.insert(inventory).values(
                    id=row_id,
                    location_id=location_id,
                    product_id=product_id,
                    scope=CATALOG_SCOPE,
                    **values,
                )
            )
        else:
            self.conn.execute(sa.update(inventory).where(inventory.c.id == row_id).values(**values))
        if kind == "store" and on_hand - held > free_before:
            after_stock_change(
                self.conn, store_id=location_id, product_id=product_id, now=self.moment
            )
        return _APPLIED

    def catalog_event(self, event: CatalogEvent) -> _Outcome:
        """products/*: `catalog.apply_product` does the work (see `hub.ingest.shopify`)."""
        why = catalog.apply_product(self, event)
        return _APPLIED if why is None else _ignored(why)

    def apply(self, event: Event) -> _Outcome:
        if isinstance(event, CartEvent):
            return self.cart_event(event)
        if isinstance(event, OrderEvent):
            return self.order_event(event)
        if isinstance(event, CustomerEvent):
            return self.customer_event(event)
        if isinstance(event, StockEvent):
            return self.stock_event(event)
        if isinstance(event, ShopStockEvent):
            return self.shop_stock_event(event)
        if isinstance(event, CatalogEvent):
            return self.catalog_event(event)
        return self.product_view(event)


def _occurred_at(event: Event | None) -> str | None:
    return event.occurred_at if event is not None else None


def ingest(
    engine: Engine,
    settings: HubSettings,
    *,
    source: str,
    event_id: str,
    topic: str,
    event: Event | None,
    rejected: str | None = None,
    now: datetime | None = None,
) -> IngestResult:
    """Record the event and apply it, in one transaction; a replay changes nothing.

    `event` None: a topic we do not use (acknowledged). `rejected`: the source's payload
    could not be read (recorded, acknowledged, so the sender does not retry it forever).
    Raises `BadEventError` (nothing recorded) when the event cannot be applied. `now`:
    the hub's time (default the clock; the checkout-abandonment job passes its own).
    """
    moment = now or utc_now()
    with write_tx(engine) as conn:
        added = insert_ignoring_conflicts(
            conn,
            ingest_events,
            {
                "source": source,
                "event_id": event_id,
                "topic": topic[:80],
                "occurred_at": _occurred_at(event),
                "received_at": iso(moment),
                "status": "pending",
            },
        )
        if not added:
            return IngestResult(status="duplicate", event_id=event_id, detail="already received")
        status: IngestStatus
        detail: str | None
        if rejected is not None:
            status, detail = "rejected", rejected
            log.warning("ingest %s event %s (%s) rejected: %s", source, event_id, topic, rejected)
        elif event is None:
            status, detail = "unknown_topic", f"topic {topic!r} is not used; acknowledged"
            log.info("ingest %s event %s: unknown topic %r acknowledged", source, event_id, topic)
        else:
            outcome = _Ingest(conn, settings, source, now=moment).apply(event)
            task_ingest.after_ingest(conn, source=source, event=event, now=moment)
            status, detail = outcome.status, outcome.detail
            log.info("ingest %s event %s (%s): %s %s", source, event_id, topic, status, detail)
        conn.execute(
            sa.update(ingest_events)
            .where(ingest_events.c.source == source, ingest_events.c.event_id == event_id)
            .values(status=status, detail=detail[:500] if detail else None)
        )
    return IngestResult(status=status, event_id=event_id, detail=detail)
