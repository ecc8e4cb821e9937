"""Demo data: deterministic, multilingual, valid phones, consistent history."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import phonenumbers
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.lifecycle import stage_for
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.tables import associates, consents, customers, locations, orders

from .conftest import SEED_CUSTOMERS, SEED_NOW, NewDb

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def seeded(url: str, *, seed: int, count: int = 120) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    seed_demo_data(engine, customers=count, seed=seed, now=NOW)
    return engine


def customer_rows(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        query = sa.select(customers.c.id, customers.c.display_name, customers.c.phones)
        rows = [tuple(r) for r in conn.execute(query.order_by(customers.c.id))]
    engine.dispose()
    return rows


def test_same_seed_same_data_other_seed_other_data(new_db: NewDb) -> None:
    a = customer_rows(seeded(new_db(), seed=3))
    b = customer_rows(seeded(new_db(), seed=3))
    c = customer_rows(seeded(new_db(), seed=4))
    assert len(a) == 120
    assert a == b
    assert {r[1] for r in a} != {r[1] for r in c}


@pytest.fixture(scope="module")
def demo(new_db: NewDb) -> Iterator[Engine]:
    """Demo data of our own: the session's shared seeded hub is changed by other tests
    (consent flips, orders arriving), and these tests check the data as seeded."""
    engine = make_engine(new_db())
    migrate(engine)
    seed_demo_data(engine, customers=SEED_CUSTOMERS, seed=7, now=SEED_NOW)
    yield engine
    engine.dispose()


def test_names_are_vietnamese_french_russian_and_english(demo: Engine) -> None:
    with demo.connect() as conn:
        rows = conn.execute(sa.select(customers.c.display_name, customers.c.language)).all()
    languages = Counter(r.language for r in rows)
    assert set(languages) == {"vi", "fr", "ru", "en"}
    names = " ".join(r.display_name for r in rows)
    assert any(ch in names for ch in "ễạưđĐơ")  # Vietnamese
    assert any(ch in names for ch in "éèçëï")  # French
    assert any("а" <= ch <= "я" for ch in names.lower())  # Russian (Cyrillic)
    vietnamese = [r.display_name for r in rows if r.language == "vi"]
    assert any(n.split()[0] in ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng") for n in vietnamese)


def test_phones_are_valid_e164_and_emails_ascii(demo: Engine) -> None:
    with demo.connect() as conn:
        rows = conn.execute(sa.select(customers.c.phones, customers.c.emails)).all()
    phones = [p for r in rows for p in r.phones]
    assert len(phones) > 150
    regions: Counter[str] = Counter()
    for phone in phones:
        parsed = phonenumbers.parse(phone, None)
        assert phonenumbers.is_valid_number(parsed), phone
        assert phone == phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        regions[phonenumbers.region_code_for_number(parsed) or "?"] += 1
    assert set(regions) >= {"VN", "FR", "RU", "US"}
    emails = [e for r in rows for e in r.emails]
    assert emails and all(e.isascii() and e.count("@") == 1 for e in emails)
    assert len(emails) == len(set(emails))


def test_history_is_consistent_with_stage_and_clv(demo: Engine) -> None:
    with demo.connect() as conn:
        people = conn.execute(sa.select(customers)).all()
        all_orders = conn.execute(sa.select(orders)).all()
        granted = conn.execute(
            sa.select(consents.c.customer_id, consents.c.channel).where(consents.c.granted)
        ).all()
    by_customer: dict[str, list[Any]] = {}
    for order in all_orders:
        by_customer.setdefault(order.customer_id, []).append(order)
    consented = {(g.customer_id, g.channel) for g in granted}
    for person in people:
        mine = by_customer.get(person.id, [])
        kept = sum(
            (line["qty"] - line["returned_qty"]) * line["unit_price_minor"]
            for order in mine
            for line in order.lines
        )
        assert person.clv_minor == kept
        times = [datetime.fromisoformat(o.placed_at) for o in mine if o.status != "returned"]
        assert person.lifecycle_stage == stage_for(times, now=SEED_NOW)
        has_consent = any((person.id, c) in consented for c in ("email", "sms", "whatsapp"))
        if has_consent:
            assert (person.id, person.preferred_channel) in consented
        if person.loyalty_card is not None:
            assert len(person.loyalty_card) == 13 and person.loyalty_card.isdigit()
    cards = sum(p.loyalty_card is not None for p in people)
    assert 0.45 < cards / len(people) < 0.75


def test_stores_and_demo_sign_ins(demo: Engine) -> None:
    with demo.connect() as conn:
        names = conn.execute(sa.select(locations.c.name).order_by(locations.c.id)).scalars().all()
        people = {r.username: r for r in conn.execute(sa.select(associates))}
    assert names == ["Paris Opéra", "Lyon Part-Dieu", "Marseille Vieux-Port", "Entrepôt web"]
    assert people["demo-associate"].role == "associate"
    assert people["demo-manager"].role == "manager"
    assert people["demo-admin"].role == "admin" and people["demo-admin"].store_id is None
    assert people["demo-associate"].password_hash.startswith("$argon2")


def test_worn_products_carry_a_size_and_colour_variants_a_colour(demo: Engine) -> None:
    """The catalogue's variant attributes (migration 0021): the size the name ends in is
    also the size attribute; products that vary by capacity have neither."""
    from clienteling.hub.tables import products

    with demo.connect() as conn:
        rows = conn.execute(
            sa.select(products.c.name, products.c.category, products.c.size, products.c.colour)
        ).all()
    by_category: dict[str, list[Any]] = {}
    for row in rows:
        by_category.setdefault(row.category, []).append(row)
    for row in by_category["Shoes"] + by_category["Jackets"] + by_category["Knitwear"]:
        assert row.size and row.name.endswith(f" {row.size}")
        assert row.colour
    for row in by_category["Bags"] + by_category["Headphones"]:
        assert row.size is None and row.name.endswith(f" {row.colour}")
    assert all(r.size is None and r.colour is None for r in by_category["Laptops"])


def test_a_good_share_of_customers_viewed_products_lately(demo: Engine) -> None:
    """Recently viewed products (hub.recent_views): within its rules, carts' products
    among them."""
    from clienteling.hub.recent_views import KEEP, WINDOW
    from clienteling.hub.tables import carts, recent_views

    with demo.connect() as conn:
        rows = conn.execute(sa.select(recent_views)).all()
        people = {r.id: r.scope for r in conn.execute(sa.select(customers.c.id, customers.c.scope))}
        carted = conn.execute(
            sa.select(carts.c.customer_id, carts.c.lines).where(
                carts.c.status.in_(("open", "abandoned"))
            )
        ).all()
    per_customer = Counter(r.customer_id for r in rows)
    assert 0.4 < len(per_customer) / len(people) < 0.85
    assert max(per_customer.values()) <= KEEP
    assert len({(r.customer_id, r.product_id) for r in rows}) == len(rows)
    oldest = (SEED_NOW - WINDOW).isoformat()
    assert all(oldest <= r.viewed_at < SEED_NOW.isoformat() for r in rows)
    assert all(r.scope == people[r.customer_id] for r in rows)
    viewed = {(r.customer_id, r.product_id) for r in rows}
    for cart in carted:
        assert all((cart.customer_id, ln["product_id"]) in viewed for ln in cart.lines)


def test_recent_views_are_the_same_for_the_same_seed(new_db: NewDb) -> None:
    from clienteling.hub.tables import recent_views

    def rows(seed: int) -> list[tuple[Any, ...]]:
        engine = seeded(new_db(), seed=seed, count=60)
        with engine.connect() as conn:
            found = [tuple(r) for r in conn.execute(sa.select(recent_views).order_by("id"))]
        engine.dispose()
        return found

    first = rows(5)
    assert first and first == rows(5)
    assert first != rows(6)


def test_locations_have_their_cities_positions_and_some_stock_is_on_its_way(
    demo: Engine,
) -> None:
    """Migration 0028: every demo location has a position (Paris is about 392 km from
    Lyon); sold-out store rows mostly have a delivery on its way within three weeks."""
    from clienteling.domain.geo import haversine_km
    from clienteling.hub.seed import INCOMING_WHEN_OUT
    from clienteling.hub.tables import inventory

    with demo.connect() as conn:
        places = {
            r.city: (r.latitude, r.longitude)
            for r in conn.execute(sa.select(locations).order_by(locations.c.id))
        }
        rows = conn.execute(
            sa.select(inventory.c.on_hand, inventory.c.incoming, inventory.c.incoming_on)
        ).all()
    assert set(places) == {"Paris", "Lyon", "Marseille", "Orléans"}
    assert all(lat is not None and lon is not None for lat, lon in places.values())
    assert round(haversine_km(places["Paris"], places["Lyon"])) in range(385, 400)
    incoming = [r for r in rows if r.incoming is not None]
    assert incoming and all(r.incoming > 0 and r.incoming_on for r in incoming)
    today = SEED_NOW.date().isoformat()
    assert all(today < r.incoming_on <= "2100" for r in incoming)
    sold_out = [r for r in rows if r.on_hand == 0]
    share = sum(r.incoming is not None for r in sold_out) / len(sold_out)
    assert INCOMING_WHEN_OUT - 0.15 < share < INCOMING_WHEN_OUT + 0.15
    assert len(incoming) < len(rows) / 4  # most rows have nothing on its way
