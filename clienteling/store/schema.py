"""The cache schema: one `Migrations` step per change, recorded in `_sqlite_migrations`.

Never edit a step that has shipped; add a new one. `KNOWN` lets `open_cache` refuse a
cache that a newer app has migrated further (a step name this code does not know).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "clienteling-cache"
migrations = Migrations(MIGRATION_SET)

_INITIAL = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE sync_state (
        scope TEXT PRIMARY KEY,
        cursor TEXT,
        snapshot_done INTEGER NOT NULL DEFAULT 0,
        last_sync_at TEXT
    )""",
    """CREATE TABLE locations (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, city TEXT NOT NULL,
        timezone TEXT NOT NULL, currency TEXT NOT NULL,
        scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    """CREATE TABLE products (
        id TEXT PRIMARY KEY, sku TEXT NOT NULL, barcode TEXT NOT NULL, name TEXT NOT NULL,
        brand TEXT NOT NULL, category TEXT NOT NULL, price_minor INTEGER NOT NULL,
        currency TEXT NOT NULL, scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    """CREATE TABLE inventory (
        id TEXT PRIMARY KEY, location_id TEXT NOT NULL, product_id TEXT NOT NULL,
        on_hand INTEGER NOT NULL, reserved INTEGER NOT NULL,
        scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_inventory_location_product ON inventory (location_id, product_id)",
    """CREATE TABLE customers (
        id TEXT PRIMARY KEY, given_name TEXT NOT NULL, family_name TEXT NOT NULL,
        display_name TEXT NOT NULL, phones TEXT NOT NULL, emails TEXT NOT NULL,
        loyalty_card TEXT, loyalty_tier TEXT, loyalty_points INTEGER NOT NULL,
        home_store_id TEXT NOT NULL, preferred_channel TEXT NOT NULL, language TEXT NOT NULL,
        lifecycle_stage TEXT NOT NULL, clv_minor INTEGER NOT NULL, currency TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    """CREATE TABLE consents (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, channel TEXT NOT NULL,
        granted INTEGER NOT NULL, source TEXT NOT NULL, at TEXT NOT NULL,
        scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_consents_customer ON consents (customer_id)",
    """CREATE TABLE orders (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, channel TEXT NOT NULL, store_id TEXT,
        associate_id TEXT, placed_at TEXT NOT NULL, status TEXT NOT NULL,
        total_minor INTEGER NOT NULL, currency TEXT NOT NULL, lines TEXT NOT NULL,
        scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_orders_customer ON orders (customer_id, placed_at)",
    """CREATE TABLE carts (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, status TEXT NOT NULL,
        checkout_step TEXT, updated_at TEXT NOT NULL, currency TEXT NOT NULL,
        lines TEXT NOT NULL, scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_carts_customer ON carts (customer_id, updated_at)",
    """CREATE TABLE notes (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, associate_id TEXT NOT NULL,
        author_name TEXT NOT NULL, store_id TEXT, text TEXT NOT NULL,
        created_at TEXT NOT NULL, scope TEXT NOT NULL, version INTEGER NOT NULL,
        pending INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX ix_notes_customer ON notes (customer_id, created_at)",
    """CREATE TABLE outbox (
        mutation_id INTEGER PRIMARY KEY, name TEXT NOT NULL, args TEXT NOT NULL,
        created_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending', reason TEXT
    )""",
    # Search: rowid = customers.rowid. `name` and `other` hold folded words (names;
    # emails and card), `digits` the phone search keys and the card number. The prefix
    # index keeps short type-ahead prefixes fast on large stores.
    """CREATE VIRTUAL TABLE customer_fts USING fts5(
        name, other, digits,
        prefix = '1 2 3',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
)


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    for statement in _INITIAL:
        db.execute(statement)


# 0002: search in name order without ranking every match. Each customer gets a
# `search_key` that orders like (sort_name, id) (store.search keeps it so, with gaps
# between keys) and is the rowid of its index row; the index is external-content over the
# folded search text now kept on the customer row, so nothing is stored twice and a
# changed row can be taken out of the index with exactly the text that went in.
_SEARCH_ORDER = (
    "ALTER TABLE customers ADD COLUMN search_key INTEGER",
    "ALTER TABLE customers ADD COLUMN search_name TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE customers ADD COLUMN search_other TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE customers ADD COLUMN search_digits TEXT NOT NULL DEFAULT ''",
    "DROP TABLE customer_fts",
    "CREATE UNIQUE INDEX ix_customers_search_key ON customers (search_key)",
    # Neighbours of a (sort_name, id) among the placed rows (see store.search.place).
    """CREATE INDEX ix_customers_search_order ON customers (sort_name, id)
        WHERE search_key IS NOT NULL""",
    "CREATE INDEX ix_customers_scope ON customers (scope)",
    # Search results come in rowid (= name) order, so no column sizes are needed for
    # ranking (columnsize=0) and no positions for phrases (detail=column).
    """CREATE VIRTUAL TABLE customer_fts USING fts5(
        search_name, search_other, search_digits,
        content = 'customers', content_rowid = 'search_key',
        columnsize = 0, detail = column,
        prefix = '1 2 3',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
)


@migrations(name="0002_search_order")
def _search_order(db: Database) -> None:
    from clienteling.store.search import reindex_all  # search imports nothing from here

    for statement in _SEARCH_ORDER:
        db.execute(statement)
    reindex_all(db)


# 0004: profile changes, consent and merges. `customer_merges` maps a merged customer id
# to its survivor (pulled); `customer_shadow` keeps, for a customer with profile changes
# not yet acknowledged, the hub's values of the fields changed here (store.profile).
_PROFILE = (
    "ALTER TABLE customers ADD COLUMN preferences TEXT NOT NULL DEFAULT '{}'",
    """CREATE TABLE customer_merges (
        id TEXT PRIMARY KEY, survivor_id TEXT NOT NULL, matched_on TEXT NOT NULL,
        merged_at TEXT NOT NULL, scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_customer_merges_survivor ON customer_merges (survivor_id)",
    "CREATE TABLE customer_shadow (customer_id TEXT PRIMARY KEY, hub_values TEXT NOT NULL)",
)


@migrations(name="0004_profile")
def _profile(db: Database) -> None:
    for statement in _PROFILE:
        db.execute(statement)


# 0003: store visits (written here as `pending` until the hub has them), and the product
# lookup: SKU and barcode indexes, and a diacritic-blind name index kept in step with the
# products table by triggers (products arrive through the generic page upsert).
_VISITS = (
    """CREATE TABLE visits (
        id TEXT PRIMARY KEY, customer_id TEXT, store_id TEXT NOT NULL,
        associate_id TEXT NOT NULL, associate_name TEXT NOT NULL, at TEXT NOT NULL,
        outcome TEXT NOT NULL, reason TEXT, reason_text TEXT NOT NULL, products TEXT NOT NULL,
        survey_token TEXT NOT NULL, scope TEXT NOT NULL, version INTEGER NOT NULL,
        pending INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX ix_visits_customer ON visits (customer_id, at)",
    "CREATE INDEX ix_visits_store_at ON visits (store_id, at)",
    "CREATE INDEX ix_products_sku ON products (sku)",
    "CREATE INDEX ix_products_barcode ON products (barcode)",
    "CREATE INDEX ix_inventory_product ON inventory (product_id)",
    """CREATE VIRTUAL TABLE product_fts USING fts5(
        name, brand, sku,
        content = 'products', content_rowid = 'rowid',
        prefix = '1 2 3',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
        INSERT INTO product_fts (rowid, name, brand, sku)
        VALUES (new.rowid, new.name, new.brand, new.sku);
    END""",
    """CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
        INSERT INTO product_fts (product_fts, rowid, name, brand, sku)
        VALUES ('delete', old.rowid, old.name, old.brand, old.sku);
    END""",
    """CREATE TRIGGER products_fts_update AFTER UPDATE ON products BEGIN
        INSERT INTO product_fts (product_fts, rowid, name, brand, sku)
        VALUES ('delete', old.rowid, old.name, old.brand, old.sku);
        INSERT INTO product_fts (rowid, name, brand, sku)
        VALUES (new.rowid, new.name, new.brand, new.sku);
    END""",
    "INSERT INTO product_fts (product_fts) VALUES ('rebuild')",
)


@migrations(name="0003_visits")
def _visits(db: Database) -> None:
    for statement in _VISITS:
        db.execute(statement)


# 0005: follow-ups queued here or pulled from the hub, with their delivery status.
_FOLLOWUPS = (
    """CREATE TABLE followups (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, associate_id TEXT NOT NULL,
        associate_name TEXT NOT NULL, store_id TEXT, channel TEXT NOT NULL,
        template TEXT NOT NULL, language TEXT NOT NULL, product_ids TEXT NOT NULL,
        personal_line TEXT NOT NULL, status TEXT NOT NULL, status_reason TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_followups_customer ON followups (customer_id, created_at)",
)


@migrations(name="0005_followups")
def _followups(db: Database) -> None:
    for statement in _FOLLOWUPS:
        db.execute(statement)


# 0006: the store's tasks (pulled), and the marks made here (done, snoozed) that wait for
# the hub: a mark counts while its mutation is still pending in the outbox (store.tasks).
_TASKS = (
    """CREATE TABLE tasks (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, store_id TEXT NOT NULL,
        kind TEXT NOT NULL, dedupe_key TEXT NOT NULL, status TEXT NOT NULL,
        priority INTEGER NOT NULL, template TEXT NOT NULL, subject_id TEXT,
        product_ids TEXT NOT NULL, associate_id TEXT, created_at TEXT NOT NULL,
        starts_at TEXT NOT NULL, due_at TEXT NOT NULL, expires_at TEXT NOT NULL,
        snoozed_until TEXT, done_at TEXT, done_by TEXT, done_by_name TEXT,
        outcome_note TEXT NOT NULL, updated_at TEXT NOT NULL,
        scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_tasks_store_status_due ON tasks (store_id, status, due_at)",
    "CREATE INDEX ix_tasks_customer ON tasks (customer_id, status)",
    """CREATE TABLE task_marks (
        task_id TEXT PRIMARY KEY, mutation_id INTEGER NOT NULL, status TEXT NOT NULL,
        outcome_note TEXT NOT NULL, snoozed_until TEXT, at TEXT NOT NULL
    )""",
)


@migrations(name="0006_tasks")
def _tasks(db: Database) -> None:
    for statement in _TASKS:
        db.execute(statement)


# 0007: personal PINs for the quick switch (store.pins; only a slow hash, never the PIN),
# and who wrote each outbox mutation, so it is pushed with its author's token even after
# another associate took over the terminal.
_PINS = (
    """CREATE TABLE pins (
        associate_id TEXT PRIMARY KEY, display_name TEXT NOT NULL, store_id TEXT,
        session TEXT NOT NULL, pin_hash TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0, disabled INTEGER NOT NULL DEFAULT 0,
        set_at TEXT NOT NULL
    )""",
    "ALTER TABLE outbox ADD COLUMN author_id TEXT",
)


@migrations(name="0007_pins")
def _pins(db: Database) -> None:
    for statement in _PINS:
        db.execute(statement)


KNOWN: frozenset[str] = frozenset(
    {
        "0001_initial",
        "0002_search_order",
        "0003_visits",
        "0004_profile",
        "0005_followups",
        "0008_holds",
        "0006_tasks",
        "0007_pins",
        "0013_learned",
        "0010_replies",
        "0009_appointments",
        "0011_lookups",
        "0012_product_variants",
        "0014_recent_views",
        "0016_order_events",
        "0015_stock_geo",
        "0017_feedback",
        "0018_product_snapshots",
    }
)
SCHEMA_VERSION = len(KNOWN)
"""Sent to the hub with every push and pull (DESIGN.md, Sync §6)."""


# 0008: holds for customers (written here as `pending` until the hub decides) and the
# single-use offers of the store's customers (pulled).
_HOLDS = (
    """CREATE TABLE reservations (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, product_id TEXT NOT NULL,
        store_id TEXT NOT NULL, quantity INTEGER NOT NULL, status TEXT NOT NULL,
        expires_at TEXT NOT NULL, source TEXT NOT NULL, associate_id TEXT, followup_id TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        scope TEXT NOT NULL, version INTEGER NOT NULL, pending INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX ix_reservations_customer ON reservations (customer_id, created_at)",
    """CREATE TABLE offers (
        id TEXT PRIMARY KEY, code TEXT NOT NULL, customer_id TEXT NOT NULL, followup_id TEXT,
        store_id TEXT, kind TEXT NOT NULL, valid_in TEXT NOT NULL, status TEXT NOT NULL,
        expires_at TEXT NOT NULL, created_at TEXT NOT NULL, redeemed_at TEXT,
        redeemed_channel TEXT, redeemed_store_id TEXT, redeemed_by TEXT,
        scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_offers_customer ON offers (customer_id, created_at)",
)


@migrations(name="0008_holds")
def _holds(db: Database) -> None:
    for statement in _HOLDS:
        db.execute(statement)


# 0013: products bought together in the store's customers' orders (store.learned): both
# directions of each pair seen in enough orders, recomputed after a sync brings orders.
# Aggregate counts only, no customer. Empty until then: the next sync pass fills it.
_LEARNED = (
    """CREATE TABLE bought_together (
        product_id TEXT NOT NULL, other_id TEXT NOT NULL, orders INTEGER NOT NULL,
        PRIMARY KEY (product_id, other_id)
    ) WITHOUT ROWID""",
)


@migrations(name="0013_learned")
def _learned(db: Database) -> None:
    for statement in _LEARNED:
        db.execute(statement)


# 0010: customers' replies to follow-ups (pulled; shown in the timeline), the offer code an
# order used, the online order an offer went to, and a follow-up email's first open.
_REPLIES = (
    """CREATE TABLE replies (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, followup_id TEXT, store_id TEXT,
        channel TEXT NOT NULL, text TEXT NOT NULL, received_at TEXT NOT NULL,
        matched_on TEXT NOT NULL, opt_out INTEGER NOT NULL,
        scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_replies_customer ON replies (customer_id, received_at)",
    "ALTER TABLE orders ADD COLUMN offer_code TEXT",
    "ALTER TABLE offers ADD COLUMN order_id TEXT",
    "ALTER TABLE followups ADD COLUMN opened_at TEXT",
)


@migrations(name="0010_replies")
def _replies(db: Database) -> None:
    for statement in _REPLIES:
        db.execute(statement)


# 0009: appointments of the store (pulled; booked here as `pending` until the hub decides),
# the changes made here to pulled ones (rescheduled, cancelled) that wait for the hub, as
# task marks do, and tasks dismissed with a reason.
_APPOINTMENTS = (
    """CREATE TABLE appointments (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, store_id TEXT NOT NULL,
        associate_id TEXT NOT NULL, associate_name TEXT NOT NULL, starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL, purpose TEXT NOT NULL, note TEXT NOT NULL, status TEXT NOT NULL,
        booked_by TEXT NOT NULL, booked_by_name TEXT NOT NULL, created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL, scope TEXT NOT NULL, version INTEGER NOT NULL,
        pending INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX ix_appointments_store_starts ON appointments (store_id, starts_at)",
    "CREATE INDEX ix_appointments_customer ON appointments (customer_id, starts_at)",
    """CREATE TABLE appointment_marks (
        appointment_id TEXT PRIMARY KEY, mutation_id INTEGER NOT NULL, status TEXT NOT NULL,
        associate_id TEXT NOT NULL, associate_name TEXT NOT NULL, starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL
    )""",
    "ALTER TABLE tasks ADD COLUMN dismiss_reason TEXT",
    "ALTER TABLE task_marks ADD COLUMN dismiss_reason TEXT",
)


@migrations(name="0009_appointments")
def _appointments(db: Database) -> None:
    for statement in _APPOINTMENTS:
        db.execute(statement)


# 0011: customers of other stores pulled in from the hub (store.lookups): their rows sit
# in their own store's scope, which this terminal does not pull; this table says which
# customers those are, so they are refreshed from the hub and forgotten when unused.
_LOOKUPS = (
    """CREATE TABLE lookups (
        customer_id TEXT PRIMARY KEY, home_store_id TEXT NOT NULL, scope TEXT NOT NULL,
        looked_up_at TEXT NOT NULL, refreshed_at TEXT NOT NULL, opened_at TEXT NOT NULL,
        expires_at TEXT
    )""",
)


@migrations(name="0011_lookups")
def _lookups(db: Database) -> None:
    for statement in _LOOKUPS:
        db.execute(statement)


# 0012: a product's variant attributes, size and colour (hub migration 0021). NULL for the
# rows already cached and from a hub before 0021: readers then fall back to the name
# (`domain.learned.size_of`); the next catalogue change brings the values.
_PRODUCT_VARIANTS = (
    "ALTER TABLE products ADD COLUMN size TEXT",
    "ALTER TABLE products ADD COLUMN colour TEXT",
)


@migrations(name="0012_product_variants")
def _product_variants(db: Database) -> None:
    for statement in _PRODUCT_VARIANTS:
        db.execute(statement)


# 0014_recent_views: the products a customer viewed on the web shop lately (pulled, store
# scope; hub migration 0026): one row per customer and product, the hub keeps the newest
# 20 of the last 30 days. No unique (customer, product) here: a merge re-points rows
# before the hub's tombstones of the combined ones arrive (`store.recent_views` reads
# the newest per product).
_RECENT_VIEWS = (
    """CREATE TABLE recent_views (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, product_id TEXT NOT NULL,
        sku TEXT NOT NULL, viewed_at TEXT NOT NULL, view_count INTEGER NOT NULL,
        scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_recent_views_customer ON recent_views (customer_id, viewed_at)",
)


@migrations(name="0014_recent_views")
def _recent_views(db: Database) -> None:
    for statement in _RECENT_VIEWS:
        db.execute(statement)


# 0016: what happened to an order after it was placed (shipped, delivered, returned, with
# times; the hub's `orders.events`), for the timeline. Rows pulled before stay NULL: none
# known (json_each of NULL is empty).
@migrations(name="0016_order_events")
def _order_events(db: Database) -> None:
    db.execute("ALTER TABLE orders ADD COLUMN events TEXT")


# 0015: where each location is (for "other stores, nearest first") and the stock on its
# way to it (units and the expected day, YYYY-MM-DD), hub migration 0028. NULL for rows
# already cached and from an older hub: the distance and what is incoming are then not
# known; the hub's next change of the row brings them (the catalog sync).
_STOCK_GEO = (
    "ALTER TABLE locations ADD COLUMN latitude REAL",
    "ALTER TABLE locations ADD COLUMN longitude REAL",
    "ALTER TABLE inventory ADD COLUMN incoming INTEGER",
    "ALTER TABLE inventory ADD COLUMN incoming_on TEXT",
)


@migrations(name="0015_stock_geo")
def _stock_geo(db: Database) -> None:
    for statement in _STOCK_GEO:
        db.execute(statement)


# 0017: survey answers (pulled, store scope; hub migration 0029), for the customer's
# timeline: one row per touchpoint, `buyer` and `score` NULL when not known.
_FEEDBACK = (
    """CREATE TABLE feedback (
        id TEXT PRIMARY KEY, store_id TEXT, customer_id TEXT, visit_id TEXT,
        buyer INTEGER, touchpoint TEXT NOT NULL, score INTEGER, text TEXT NOT NULL,
        created_at TEXT NOT NULL, scope TEXT NOT NULL, version INTEGER NOT NULL
    )""",
    "CREATE INDEX ix_feedback_customer ON feedback (customer_id, created_at)",
)


@migrations(name="0017_feedback")
def _feedback(db: Database) -> None:
    for statement in _FEEDBACK:
        db.execute(statement)


# 0018: holds and recently viewed lines keep the product as held or viewed (name, SKU,
# size, colour; hub migration 0031), so they still say what they are once the product
# has left the catalog (its row goes from `products` here). Rows already cached are
# filled from the catalog cached now; the hub's next change of a row brings its values.
_PRODUCT_SNAPSHOTS = (
    "ALTER TABLE reservations ADD COLUMN sku TEXT",
    "ALTER TABLE reservations ADD COLUMN product_name TEXT",
    "ALTER TABLE reservations ADD COLUMN size TEXT",
    "ALTER TABLE reservations ADD COLUMN colour TEXT",
    "ALTER TABLE recent_views ADD COLUMN product_name TEXT",
    "ALTER TABLE recent_views ADD COLUMN size TEXT",
    "ALTER TABLE recent_views ADD COLUMN colour TEXT",
    """UPDATE reservations SET (sku, product_name, size, colour) = (
        SELECT p.sku, p.name, p.size, p.colour FROM products AS p
        WHERE p.id = reservations.product_id)""",
    """UPDATE recent_views SET (product_name, size, colour) = (
        SELECT p.name, p.size, p.colour FROM products AS p
        WHERE p.id = recent_views.product_id)""",
)


@migrations(name="0018_product_snapshots")
def _product_snapshots(db: Database) -> None:
    for statement in _PRODUCT_SNAPSHOTS:
        db.execute(statement)
