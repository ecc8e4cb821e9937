"""Demo data for the chain "Maison Lumière": stores, catalogue, customers and history.

Deterministic for a given `seed` and `now` (midnight UTC today by default, so the data
looks fresh), and fast: every table is written with one executemany in one transaction,
and argon2 runs only for the three demo sign-ins.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from faker import Faker
from sqlalchemy.engine import Engine

from clienteling.domain.ids import seeded_uuid
from clienteling.domain.lifecycle import stage_for
from clienteling.domain.metrics import order_net_minor
from clienteling.domain.phones import InvalidPhoneError, to_e164
from clienteling.domain.text import fold
from clienteling.hub import (
    followup_credits,
    followup_days,
    omni_rollup,
    purchase_facts,
    sales_rollup,
    tables,
    versions,
)
from clienteling.hub.clock import iso
from clienteling.hub.db import write_tx
from clienteling.hub.order_events import seeded_events
from clienteling.hub.passwords import hash_password
from clienteling.hub.seed_appointments import seed_appointments
from clienteling.hub.seed_feedback import seed_feedback
from clienteling.hub.seed_followups import seed_followups
from clienteling.hub.seed_holds import seed_holds
from clienteling.hub.seed_needs_check import seed_needs_check
from clienteling.hub.seed_profile import add_preferences
from clienteling.hub.seed_recent_views import seed_recent_views
from clienteling.hub.seed_replies import seed_replies
from clienteling.hub.seed_tasks import seed_tasks
from clienteling.hub.seed_visits import seed_visits
from clienteling.hub.seed_wishes import seed_wishes
from clienteling.protocol.entities import CATALOG_SCOPE, store_scope

CHAIN_NAME = "Maison Lumière"
CURRENCY = "EUR"
TIMEZONE = "Europe/Paris"
DEMO_PASSWORD = "demo"
DEMO_USERNAMES = ("demo-associate", "demo-manager", "demo-admin")
# Ids of stores, products and associates do not depend on `now`.
_FOUNDED = datetime(2019, 3, 1, tzinfo=UTC)

# kind, name, city, (latitude, longitude) of the place the name says.
_LOCATIONS = (
    ("store", "Paris Opéra", "Paris", (48.8708, 2.3318)),
    ("store", "Lyon Part-Dieu", "Lyon", (45.7605, 4.8596)),
    ("store", "Marseille Vieux-Port", "Marseille", (43.2951, 5.3740)),
    ("web", "Entrepôt web", "Orléans", (47.9030, 1.9093)),
)
_STORE_WEIGHTS = (45, 30, 25)

# category, SKU prefix, price range in EUR, (brand, model) pairs, variants
_CATALOGUE: tuple[
    tuple[str, str, tuple[int, int], tuple[tuple[str, str], ...], tuple[str, ...]], ...
] = (
    (
        "Laptops",
        "LAP",
        (699, 2899),
        (
            ("Apple", "MacBook Air 13"),
            ("Apple", "MacBook Pro 14"),
            ("Lenovo", "ThinkPad X1 Carbon"),
            ("Asus", "ZenBook 14"),
            ("Dell", "XPS 13"),
            ("HP", "Spectre x360"),
        ),
        ("16 GB", "32 GB"),
    ),
    (
        "Headphones",
        "HPH",
        (59, 449),
        (
            ("Sony", "WH-1000XM5"),
            ("Bose", "QuietComfort Ultra"),
            ("Apple", "AirPods Pro"),
            ("Sennheiser", "Momentum 4"),
            ("JBL", "Tune 770NC"),
            ("Bang & Olufsen", "Beoplay H95"),
        ),
        ("Noir", "Blanc"),
    ),
    (
        "Phones",
        "PHN",
        (299, 1499),
        (
            ("Apple", "iPhone 16"),
            ("Samsung", "Galaxy S25"),
            ("Google", "Pixel 9"),
            ("Xiaomi", "14T"),
            ("Fairphone", "5"),
            ("Nothing", "Phone (3)"),
        ),
        ("128 Go", "256 Go"),
    ),
    (
        "Tablets",
        "TAB",
        (249, 1299),
        (
            ("Apple", "iPad Air"),
            ("Samsung", "Galaxy Tab S9"),
            ("Lenovo", "Tab P12"),
            ("Microsoft", "Surface Pro"),
        ),
        ("Wi-Fi", "5G", "Wi-Fi 256 Go"),
    ),
    (
        "Watches",
        "WAT",
        (149, 899),
        (
            ("Apple", "Watch Series 10"),
            ("Garmin", "Forerunner 265"),
            ("Withings", "ScanWatch 2"),
            ("Samsung", "Galaxy Watch 7"),
        ),
        ("41 mm", "45 mm", "Sport"),
    ),
    (
        "Shoes",
        "SHO",
        (89, 329),
        (
            ("Veja", "V-10"),
            ("Adidas", "Samba OG"),
            ("Nike", "Air Max 90"),
            ("New Balance", "990v6"),
            ("Salomon", "XT-6"),
            ("Repetto", "Cendrillon"),
        ),
        ("38", "42"),
    ),
    (
        "Bags",
        "BAG",
        (79, 1290),
        (
            ("Longchamp", "Le Pliage"),
            ("Sézane", "Farrow"),
            ("Polène", "Numéro Un"),
            ("Lancel", "Ninon"),
            ("Eastpak", "Padded Pak'r"),
            ("Fjällräven", "Kånken"),
        ),
        ("Noir", "Camel"),
    ),
    (
        "Jackets",
        "JKT",
        (129, 899),
        (
            ("Barbour", "Beaufort"),
            ("Patagonia", "Nano Puff"),
            ("Aigle", "Parka Tenart"),
            ("A.P.C.", "Blouson Gilles"),
            ("Moncler", "Maya"),
            ("The North Face", "Nuptse"),
        ),
        ("M", "L"),
    ),
    (
        "Knitwear",
        "KNT",
        (69, 390),
        (
            ("Saint James", "Marinière Minquiers"),
            ("Sézane", "Pull Gaspard"),
            ("Uniqlo", "Cachemire col rond"),
            ("Maje", "Cardigan Mailys"),
            ("Armor Lux", "Pull marin"),
            ("Ba&sh", "Pull Dalia"),
        ),
        ("S", "M"),
    ),
    (
        "Sunglasses",
        "SUN",
        (99, 420),
        (
            ("Ray-Ban", "Wayfarer"),
            ("Persol", "PO0649"),
            ("Oakley", "Holbrook"),
            ("Jimmy Fairly", "The Rossi"),
            ("Vuarnet", "Edge"),
            ("Le Specs", "Outta Love"),
        ),
        ("Noir", "Écaille"),
    ),
)

# Which attribute a category's variants are (the rest vary by capacity or model, no
# size or colour); worn products also get one colour per model, from `_COLOURS`.
_VARIANT_ATTRIBUTE = {
    "Shoes": "size",
    "Jackets": "size",
    "Knitwear": "size",
    "Headphones": "colour",
    "Bags": "colour",
    "Sunglasses": "colour",
}
_COLOURS = ("Blanc", "Noir", "Marine", "Camel", "Gris", "Vert")

_LOCALE_WEIGHTS = (
    ("vi", "vi_VN", 30),
    ("fr", "fr_FR", 30),
    ("ru", "ru_RU", 20),
    ("en", "en_US", 20),
)
_HOME_REGION = {"vi": "VN", "fr": "FR", "ru": "RU", "en": "US"}
_VI_MIDDLE = {
    "m": ("Văn", "Đức", "Minh", "Quang", "Hữu", "Thành"),
    "f": ("Thị", "Ngọc", "Thu", "Thanh", "Bảo", "Mai"),
}
_EMAIL_DOMAINS = {
    "vi": ("gmail.com", "yahoo.com.vn", "outlook.com"),
    "fr": ("orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr"),
    "ru": ("mail.ru", "yandex.ru", "gmail.com"),
    "en": ("gmail.com", "outlook.com", "yahoo.com", "icloud.com"),
}
_PREFERRED = {
    "vi": ("whatsapp", "sms", "email"),
    "ru": ("whatsapp", "sms", "email"),
    "fr": ("email", "sms", "whatsapp"),
    "en": ("email", "sms", "whatsapp"),
}
# fmt: off
_LATIN = (
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
)
# fmt: on
_CYRILLIC = dict(zip("абвгдежзиклмнопрстуфхцчшщъыьэюя", _LATIN, strict=True))
_VN_MOBILE = (
    "90",
    "91",
    "93",
    "94",
    "96",
    "97",
    "98",
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "38",
    "39",
    "70",
    "76",
    "77",
    "78",
    "79",
    "81",
    "82",
    "83",
    "84",
    "85",
    "86",
    "88",
    "89",
)
_US_AREA = ("212", "310", "415", "617", "312", "206", "305", "512", "646", "702", "404", "503")
_NOTE_TEXTS = (
    "Préfère être contacté(e) par message plutôt que par appel.",
    "Pointure 38, aime les modèles en cuir.",
    "Cherche un ordinateur léger pour voyager, revient ce week-end.",
    "Cadeau d'anniversaire pour sa fille en juin.",
    "Prefers morning visits; speaks English.",
    "Khách quen, thích mẫu màu trắng.",
    "Интересуется наушниками с шумоподавлением.",
    "A retourné la veste (taille trop grande), proposer la taille M.",
)


SEASON = {
    1: 1.2,
    2: 0.8,
    3: 0.9,
    4: 0.9,
    5: 1.0,
    6: 1.0,
    7: 0.9,
    8: 0.7,
    9: 1.0,
    10: 1.1,
    11: 1.5,
    12: 1.9,
}
"""Relative order volume per month."""


@dataclass(slots=True)
class _Rows:
    """Rows per table, inserted in this order (parents first)."""

    locations: list[dict[str, Any]]
    associates: list[dict[str, Any]]
    products: list[dict[str, Any]]
    inventory: list[dict[str, Any]]
    customers: list[dict[str, Any]]
    consents: list[dict[str, Any]]
    orders: list[dict[str, Any]]
    carts: list[dict[str, Any]]
    notes: list[dict[str, Any]]


class _Maker:
    """All randomness of one seeding run, drawn in a fixed order."""

    def __init__(self, *, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.fakers: dict[str, Faker] = {}
        for offset, (lang, locale, _weight) in enumerate(_LOCALE_WEIGHTS):
            faker = Faker(locale)
            faker.seed_instance(seed * 100 + offset)
            self.fakers[lang] = faker
        self.emails: set[str] = set()
        self.cards: set[str] = set()

    def id_at(self, moment: datetime) -> str:
        return seeded_uuid(self.rng.getrandbits(74), ms=int(moment.timestamp() * 1000))

    def moment_between(self, start: datetime, end: datetime) -> datetime:
        seconds = max(0.0, (end - start).total_seconds())
        return start + timedelta(seconds=int(self.rng.uniform(0, seconds)))

    def seasonal_moment(self, start: datetime, end: datetime) -> datetime:
        """Like `moment_between`, with retail's seasons: busy November-December and
        January sales, a quiet late summer."""
        moment = self.moment_between(start, end)
        for _ in range(6):
            if self.rng.random() < SEASON[moment.month] / max(SEASON.values()):
                break
            moment = self.moment_between(start, end)
        return moment

    def ean13(self) -> str:
        body = "3" + "".join(str(self.rng.randrange(10)) for _ in range(11))
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
        return body + str((10 - total % 10) % 10)

    def loyalty_card(self) -> str:
        while True:
            card = "2" + "".join(str(self.rng.randrange(10)) for _ in range(12))
            if card not in self.cards:
                self.cards.add(card)
                return card

    def phone(self, region: str) -> str:
        """A number that `phonenumbers` accepts as valid for `region`, in E.164."""
        for _ in range(50):
            raw = self._raw_phone(region)
            try:
                return to_e164(raw, region=region)
            except InvalidPhoneError:
                continue
        raise RuntimeError(f"could not make a valid {region} phone number")

    def _raw_phone(self, region: str) -> str:
        def tail(n: int) -> str:
            return "".join(str(self.rng.randrange(10)) for _ in range(n))

        if region == "VN":
            return "0" + self.rng.choice(_VN_MOBILE) + tail(7)
        if region == "FR":
            return "0" + self.rng.choice("67") + tail(8)
        if region == "RU":
            return "+79" + str(self.rng.randrange(10, 100)) + tail(7)
        exchange = str(self.rng.randrange(2, 10)) + tail(2)
        if exchange == "555" or exchange.endswith("11"):
            exchange = "234"
        return self.rng.choice(_US_AREA) + exchange + tail(4)

    def email(self, lang: str, given: str, family: str) -> str:
        def ascii_part(text: str) -> str:
            folded = "".join(_CYRILLIC.get(ch, ch) for ch in fold(text.split()[-1]))
            return "".join(ch for ch in folded if ch.isascii() and ch.isalnum())

        local = f"{ascii_part(given)}.{ascii_part(family)}".strip(".") or "client"
        if self.rng.random() < 0.4:
            local += str(self.rng.randrange(1, 99))
        domain = self.rng.choice(_EMAIL_DOMAINS[lang])
        address = f"{local}@{domain}"
        suffix = 2
        while address in self.emails:
            address = f"{local}{suffix}@{domain}"
            suffix += 1
        self.emails.add(address)
        return address


def _locations(mk: _Maker) -> list[dict[str, Any]]:
    return [
        {
            "id": mk.id_at(_FOUNDED + timedelta(days=i)),
            "kind": kind,
            "name": name,
            "city": city,
            "timezone": TIMEZONE,
            "currency": CURRENCY,
            "latitude": latitude,
            "longitude": longitude,
            "scope": CATALOG_SCOPE,
        }
        for i, (kind, name, city, (latitude, longitude)) in enumerate(_LOCATIONS)
    ]


def _products(mk: _Maker) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for category, prefix, (low, high), models, variants in _CATALOGUE:
        attribute = _VARIANT_ATTRIBUTE.get(category)
        for m, (brand, model) in enumerate(models):
            base = mk.rng.randrange(low, high + 1)
            for n, variant in enumerate(variants):
                size = variant if attribute == "size" else None
                colour = variant if attribute == "colour" else None
                if attribute == "size":
                    colour = _COLOURS[m % len(_COLOURS)]
                price_eur = base + n * mk.rng.choice((0, 20, 50, 100)) if high > 500 else base
                sku = f"{prefix}-{fold(brand)[:3].upper()}-{len(rows) + 1:04d}"
                rows.append(
                    {
                        "id": mk.id_at(_FOUNDED + timedelta(days=30, minutes=len(rows))),
                        "sku": sku,
                        "barcode": mk.ean13(),
                        "name": f"{brand} {model} {variant}",
                        "brand": brand,
                        "category": category,
                        "price_minor": price_eur * 100 - (1 if price_eur > 100 else 0),
                        "currency": CURRENCY,
                        "size": size,
                        "colour": colour,
                        "scope": CATALOG_SCOPE,
                    }
                )
    return rows


def _inventory(
    mk: _Maker, locations: list[dict[str, Any]], products: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for location in locations:
        web = location["kind"] == "web"
        for product in products:
            on_hand = (
                0
                if mk.rng.random() < (0.05 if web else 0.15)
                else mk.rng.randrange(1, 200 if web else 25)
            )
            reserved = mk.rng.randrange(0, min(3, on_hand) + 1) if on_hand else 0
            rows.append(
                {
                    "id": f"{location['id']}:{product['id']}",
                    "location_id": location["id"],
                    "product_id": product["id"],
                    "on_hand": on_hand,
                    "reserved": reserved,
                    "incoming": None,
                    "incoming_on": None,
                    "scope": CATALOG_SCOPE,
                }
            )
    return rows


INCOMING_WHEN_OUT = 0.6
"""The share of sold-out store rows with a delivery on its way (some in-stock rows too)."""


def _incoming(
    inventory: list[dict[str, Any]], locations: list[dict[str, Any]], *, seed: int, now: datetime
) -> None:
    """Deliveries on their way: most sold-out rows of a store and a few others get units
    expected within three weeks. Its own random stream: the rest of the data stays what
    it was for the same seed."""
    rng = random.Random(f"incoming-{seed}")
    web = {loc["id"] for loc in locations if loc["kind"] == "web"}
    today = now.date()
    for row in inventory:
        chance = INCOMING_WHEN_OUT if row["on_hand"] == 0 else 0.08
        if rng.random() >= chance:
            continue
        low, high = (20, 120) if row["location_id"] in web else (2, 13)
        row["incoming"] = rng.randrange(low, high)
        row["incoming_on"] = (today + timedelta(days=rng.randrange(1, 22))).isoformat()


def _associates(mk: _Maker, stores: list[dict[str, Any]]) -> list[dict[str, Any]]:
    demo_hash = hash_password(DEMO_PASSWORD)
    people = (
        ("demo-associate", "Camille Laurent", "associate", stores[0]["id"], demo_hash),
        ("demo-manager", "Hélène Marchand", "manager", stores[0]["id"], demo_hash),
        ("demo-admin", "Admin Maison Lumière", "admin", None, demo_hash),
        # Colleagues in the other stores: authors of history, no usable password.
        ("lyon-associate", "Julien Moreau", "associate", stores[1]["id"], "!"),
        ("marseille-associate", "Sofia Benali", "associate", stores[2]["id"], "!"),
        ("paris-associate-2", "Thomas Nguyễn", "associate", stores[0]["id"], "!"),
        ("paris-associate-3", "Léa Petrova", "associate", stores[0]["id"], "!"),
        ("lyon-associate-2", "Inès Garnier", "associate", stores[1]["id"], "!"),
        ("marseille-associate-2", "Hugo Lefèvre", "associate", stores[2]["id"], "!"),
    )
    return [
        {
            "id": mk.id_at(_FOUNDED + timedelta(days=60, minutes=i)),
            "username": username,
            "display_name": name,
            "role": role,
            "store_id": store_id,
            "password_hash": password_hash,
        }
        for i, (username, name, role, store_id, password_hash) in enumerate(people)
    ]


def _lines(
    mk: _Maker, products: list[dict[str, Any]], *, returned: bool = False
) -> list[dict[str, Any]]:
    count = mk.rng.choices((1, 2, 3), weights=(70, 22, 8))[0]
    return [
        {
            "product_id": product["id"],
            "sku": product["sku"],
            "name": product["name"],
            "qty": (qty := mk.rng.choices((1, 2), weights=(90, 10))[0]),
            "unit_price_minor": product["price_minor"],
            "returned_qty": qty if returned else 0,
        }
        for product in mk.rng.sample(products, count)
    ]


def seed_demo_data(
    engine: Engine, *, customers: int = 5000, seed: int = 1, now: datetime | None = None
) -> dict[str, Any]:
    """Fill a migrated, empty hub database; returns ids and counts for launchers and tests."""
    if now is None:
        today = datetime.now(UTC).date()
        now = datetime(today.year, today.month, today.day, tzinfo=UTC)
    mk = _Maker(seed=seed, now=now)
    locations = _locations(mk)
    stores = [loc for loc in locations if loc["kind"] == "store"]
    products = _products(mk)
    rows = _Rows(
        locations=locations,
        associates=_associates(mk, stores),
        products=products,
        inventory=_inventory(mk, locations, products),
        customers=[],
        consents=[],
        orders=[],
        carts=[],
        notes=[],
    )
    staff: dict[str | None, list[dict[str, Any]]] = {}
    for person in rows.associates:
        if person["role"] == "associate":
            staff.setdefault(person["store_id"], []).append(person)
    _incoming(rows.inventory, locations, seed=seed, now=now)
    for _ in range(customers):
        _customer(mk, rows, stores=stores, products=products, staff=staff)
    add_preferences(rows.customers, seed=seed)
    _insert(engine, rows)
    visits = seed_visits(
        engine,
        seed=seed,
        now=now,
        stores=stores,
        products=products,
        associates=rows.associates,
        customers=rows.customers,
        orders=rows.orders,
    )
    seed_followups(engine, seed=seed, now=now)
    with write_tx(engine) as conn:  # after the follow-ups: their orders are credited
        sales_rollup.rebuild_all(conn)
        followup_credits.rebuild_all(conn)
        followup_days.rebuild(conn)  # after the credits: it sums their revenue
    seed_feedback(engine, seed=seed, now=now)
    recent = seed_recent_views(engine, seed=seed, now=now)
    seed_holds(engine, seed=seed, now=now)
    seed_wishes(engine, now=now)
    seed_tasks(engine, seed=seed, now=now)
    appointments = seed_appointments(engine, seed=seed, now=now)
    seed_replies(engine, seed=seed, now=now)  # it may add a follow-up to answer
    seed_needs_check(engine, seed=seed, now=now)  # last: the rest of the demo stays put
    by_username = {a["username"]: a["id"] for a in rows.associates}
    return {
        "chain": CHAIN_NAME,
        "customers": len(rows.customers),
        "products": len(products),
        "orders": len(rows.orders),
        "carts": len(rows.carts),
        "recent_views": recent,
        "notes": len(rows.notes),
        "visits": visits,
        "appointments": appointments,
        "store_ids": [s["id"] for s in stores],
        "web_location_id": locations[-1]["id"],
        "associates": by_username,
        "now": iso(now),
    }


def _customer(
    mk: _Maker,
    rows: _Rows,
    *,
    stores: list[dict[str, Any]],
    products: list[dict[str, Any]],
    staff: dict[str | None, list[dict[str, Any]]],
) -> None:
    rng, now = mk.rng, mk.now
    lang = rng.choices([w[0] for w in _LOCALE_WEIGHTS], weights=[w[2] for w in _LOCALE_WEIGHTS])[0]
    faker = mk.fakers[lang]
    sex = rng.choice("mf")
    home = rng.choices(stores, weights=_STORE_WEIGHTS)[0]
    scope = store_scope(home["id"])
    first = faker.first_name_male() if sex == "m" else faker.first_name_female()
    if lang == "vi":
        # Vietnamese order: family, middle, given; the middle name belongs to the given name.
        family = faker.last_name()
        given = f"{rng.choice(_VI_MIDDLE[sex])} {first}"
        display = f"{family} {given}"
    else:
        given = first
        if lang == "ru":
            family = faker.last_name_male() if sex == "m" else faker.last_name_female()
        else:
            family = faker.last_name()
        display = f"{given} {family}"

    created = now - timedelta(days=rng.uniform(20, 1100))
    customer_id = mk.id_at(created)
    region = _HOME_REGION[lang] if rng.random() < 0.7 else "FR"
    phones = [mk.phone(region)] if rng.random() < 0.92 else []
    if phones and rng.random() < 0.1:
        phones.append(mk.phone("FR" if region != "FR" else _HOME_REGION[lang]))
    phones = list(dict.fromkeys(phones))
    emails = [mk.email(lang, given, family)] if rng.random() < 0.85 else []

    # Orders over the last two years (never before the customer existed).
    kept_times: list[datetime] = []
    clv = 0
    last_activity = created
    window_start = max(created, now - timedelta(days=730))
    for _ in range(rng.choices((0, 1, 2, 3, 4, 5, 6, 8), weights=(25, 25, 15, 12, 8, 6, 5, 4))[0]):
        placed = mk.seasonal_moment(window_start, now - timedelta(hours=2))
        channel = rng.choices(("store", "web", "phone"), weights=(60, 33, 7))[0]
        roll = rng.random()
        status = "returned" if roll < 0.07 else "partially_returned" if roll < 0.12 else "delivered"
        lines = _lines(mk, products, returned=status == "returned")
        if status == "partially_returned":
            if len(lines) > 1:
                lines[0]["returned_qty"] = lines[0]["qty"]
            else:
                status = "delivered"
        if status == "delivered" and channel == "store":
            status = "fulfilled"
        if status == "delivered" and now - placed < timedelta(days=3):
            status = rng.choice(("placed", "fulfilled"))
        store = None
        associate = None
        if channel == "store":
            store = home if rng.random() < 0.85 else rng.choice(stores)
            colleagues = staff.get(store["id"], [])
            associate = rng.choice(colleagues) if colleagues and rng.random() < 0.8 else None
        total = sum(line["qty"] * line["unit_price_minor"] for line in lines)
        kept = sum(
            (line["qty"] - line["returned_qty"]) * line["unit_price_minor"] for line in lines
        )
        if status != "returned":
            kept_times.append(placed)
        clv += kept
        last_activity = max(last_activity, placed)
        rows.orders.append(
            {
                "id": mk.id_at(placed),
                "customer_id": customer_id,
                "channel": channel,
                "store_id": store["id"] if store else None,
                "associate_id": associate["id"] if associate else None,
                "placed_at": iso(placed),
                "status": status,
                "total_minor": total,
                "net_minor": order_net_minor(lines, status),
                "currency": CURRENCY,
                "lines": lines,
                "events": seeded_events(
                    placed=placed, channel=channel, status=status, lines=lines, now=now
                ),
                "scope": scope,
            }
        )

    granted: list[str] = []
    for channel, chance in (
        ("email", 0.7 if emails else 0.0),
        ("sms", 0.5 if phones else 0.0),
        ("whatsapp", (0.55 if lang in ("vi", "ru") else 0.25) if phones else 0.0),
    ):
        roll = rng.random()
        if roll >= chance + 0.1:
            continue
        at = mk.moment_between(created, now)
        rows.consents.append(
            {
                "id": mk.id_at(at),
                "customer_id": customer_id,
                "channel": channel,
                "granted": roll < chance,
                "source": rng.choice(("store_signup", "web_signup", "receipt", "preferences_page")),
                "at": iso(at),
                "scope": scope,
            }
        )
        if roll < chance:
            granted.append(channel)
    preferred = next((c for c in _PREFERRED[lang] if c in granted), "email")

    if rng.random() < 0.08:
        updated = now - timedelta(hours=rng.uniform(2, 240))
        abandoned = rng.random() < 0.5
        rows.carts.append(
            {
                "id": mk.id_at(updated),
                "customer_id": customer_id,
                "status": "abandoned" if abandoned else "open",
                "checkout_step": rng.choice(("shipping", "payment", "shipping", "cart"))
                if abandoned
                else rng.choice((None, "cart")),
                "updated_at": iso(updated),
                "currency": CURRENCY,
                "lines": [
                    {k: v for k, v in line.items() if k != "returned_qty"}
                    for line in _lines(mk, products)
                ],
                "scope": scope,
            }
        )
        last_activity = max(last_activity, updated)

    if rng.random() < 0.04:
        colleagues = staff.get(home["id"], [])
        author = colleagues[0] if colleagues else None
        for _ in range(rng.randrange(1, 3)):
            at = mk.moment_between(max(created, now - timedelta(days=200)), now)
            if author is None:
                break
            rows.notes.append(
                {
                    "id": mk.id_at(at),
                    "customer_id": customer_id,
                    "associate_id": author["id"],
                    "author_name": author["display_name"],
                    "store_id": home["id"],
                    "text": rng.choice(_NOTE_TEXTS),
                    "created_at": iso(at),
                    "scope": scope,
                }
            )

    has_card = rng.random() < 0.6
    tier = None
    if has_card:
        tier = "platinum" if clv >= 300_000 else "gold" if clv >= 100_000 else "silver"
    rows.customers.append(
        {
            "id": customer_id,
            "given_name": given,
            "family_name": family,
            "display_name": display,
            "phones": phones,
            "emails": emails,
            "loyalty_card": mk.loyalty_card() if has_card else None,
            "loyalty_tier": tier,
            "loyalty_points": clv // 100 if has_card else 0,
            "home_store_id": home["id"],
            "preferred_channel": preferred,
            "language": lang,
            "lifecycle_stage": str(stage_for(kept_times, now=now)),
            "clv_minor": clv,
            "currency": CURRENCY,
            "created_at": iso(created),
            "updated_at": iso(last_activity),
            "scope": scope,
        }
    )


def _insert(engine: Engine, rows: _Rows) -> None:
    """One transaction; each scope gets one block of versions, handed out in row order."""
    synced = (
        (tables.locations, rows.locations),
        (tables.products, rows.products),
        (tables.inventory, rows.inventory),
        (tables.customers, rows.customers),
        (tables.consents, rows.consents),
        (tables.orders, rows.orders),
        (tables.carts, rows.carts),
        (tables.notes, rows.notes),
    )
    with write_tx(engine) as conn:
        versions.number(conn, (row for _table, table_rows in synced for row in table_rows))
        conn.execute(sa.insert(tables.locations), rows.locations)
        conn.execute(sa.insert(tables.associates), rows.associates)
        for table, table_rows in synced[1:]:
            if table_rows:
                conn.execute(sa.insert(table), table_rows)
        purchase_facts.rebuild_all(conn)
        omni_rollup.rebuild_all(conn)
