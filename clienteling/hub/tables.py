"""The hub's schema (SQLAlchemy Core, one MetaData); Alembic migrations create it.

Times are UTC ISO 8601 strings everywhere (as on the wire), byte-ordered (`TIME`); money
is integer minor units.
Every synced table carries `scope` and `version`: the version is unique within the scope
and comes from the `scope_versions` counter (see `hub.versions`).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = sa.String(64)
# ISO 8601 text, compared and sorted as text: on PostgreSQL byte by byte (COLLATE "C",
# migration 0020), so the order is time order and no locale's rules slow it down, as
# with SQLite's BINARY. A new TIME column on PostgreSQL needs the same collation in its
# migration (tests/hub/test_time_collation.py checks).
TIME = sa.String(40).with_variant(sa.String(40, collation="C"), "postgresql")


def _synced(name: str, *columns: sa.Column[object]) -> sa.Table:
    """A table carried by the change feed: `scope` + `version`, indexed together (and
    `scope` + `id`, the snapshot's order)."""
    table = sa.Table(
        name,
        metadata,
        *columns,
        sa.Column("scope", sa.String(80), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    sa.Index(f"ix_{name}_scope_version", table.c.scope, table.c.version)
    if "id" in table.c:
        # Snapshot pages walk a scope in id order (`hub.feed`): without this, every page
        # sorted the whole scope to return its next few thousand rows.
        sa.Index(f"ix_{name}_scope_id", table.c.scope, table.c.id)
    return table


hub_meta = sa.Table(
    "hub_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)

scope_versions = sa.Table(
    "scope_versions",
    metadata,
    sa.Column("scope", sa.String(80), primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False),
)

locations = _synced(
    "locations",
    sa.Column("id", ID, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("city", sa.String(200), nullable=False),
    sa.Column("timezone", sa.String(64), nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    # Where the location is (WGS 84 degrees), for "other stores, nearest first"; NULL
    # when nobody has said (migration 0028).
    sa.Column("latitude", sa.Float, nullable=True),
    sa.Column("longitude", sa.Float, nullable=True),
)

associates = sa.Table(
    "associates",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("username", sa.String(120), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("store_id", ID, sa.ForeignKey("locations.id"), nullable=True),
)

devices = sa.Table(
    "devices",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("store_id", ID, sa.ForeignKey("locations.id"), nullable=True),
    sa.Column("last_mutation_id", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("last_seen_at", TIME, nullable=False),
)

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("associate_id", ID, sa.ForeignKey("associates.id"), nullable=False),
    sa.Column("device_id", ID, sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("created_at", TIME, nullable=False),
    sa.Column("expires_at", TIME, nullable=False),
)

applied_mutations = sa.Table(
    "applied_mutations",
    metadata,
    sa.Column("device_id", ID, sa.ForeignKey("devices.id"), primary_key=True),
    sa.Column("mutation_id", sa.BigInteger, primary_key=True),
    sa.Column("name", sa.String(80), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("reason", sa.String(500), nullable=True),
    sa.Column("associate_id", ID, nullable=False),
    sa.Column("applied_at", TIME, nullable=False),
)

products = _synced(
    "products",
    sa.Column("id", ID, primary_key=True),
    sa.Column("sku", sa.String(64), nullable=False, unique=True),
    sa.Column("barcode", sa.String(32), nullable=False),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("brand", sa.String(120), nullable=False),
    sa.Column("category", sa.String(120), nullable=False),
    sa.Column("price_minor", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    # The variant's attributes (migration 0021); None for a product without one and for
    # rows written before (their size is then read from the name, `domain.learned`).
    sa.Column("size", sa.String(32), nullable=True),
    sa.Column("colour", sa.String(64), nullable=True),
)

inventory = _synced(
    "inventory",
    sa.Column("id", sa.String(140), primary_key=True),
    sa.Column("location_id", ID, sa.ForeignKey("locations.id"), nullable=False),
    sa.Column("product_id", ID, sa.ForeignKey("products.id"), nullable=False),
    sa.Column("on_hand", sa.Integer, nullable=False),
    sa.Column("reserved", sa.Integer, nullable=False),
    # Stock on its way here (a delivery, a transfer), as the stock feed says: units and
    # the expected day (YYYY-MM-DD, the location's calendar day); NULL when not known.
    sa.Column("incoming", sa.Integer, nullable=True),
    sa.Column("incoming_on", sa.String(10), nullable=True),
)

customers = _synced(
    "customers",
    sa.Column("id", ID, primary_key=True),
    sa.Column("given_name", sa.String(200), nullable=False),
    sa.Column("family_name", sa.String(200), nullable=False),
    sa.Column("display_name", sa.String(400), nullable=False),
    sa.Column("phones", sa.JSON, nullable=False),
    sa.Column("emails", sa.JSON, nullable=False),
    sa.Column("loyalty_card", sa.String(32), nullable=True),
    sa.Column("loyalty_tier", sa.String(32), nullable=True),
    sa.Column("loyalty_points", sa.Integer, nullable=False),
    sa.Column("home_store_id", ID, sa.ForeignKey("locations.id"), nullable=False),
    sa.Column("preferred_channel", sa.String(16), nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("lifecycle_stage", sa.String(32), nullable=False),
    sa.Column("clv_minor", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("created_at", TIME, nullable=False),
    sa.Column("updated_at", TIME, nullable=False),
    sa.Column("preferences", sa.JSON, nullable=False, server_default=sa.text("'{}'")),
)
sa.Index(
    "ix_customers_home_store_id_created_at",
    customers.c.home_store_id,
    customers.c.created_at,
    postgresql_include=["id"],
)

consents = _synced(
    "consents",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("granted", sa.Boolean, nullable=False),
    sa.Column("source", sa.String(64), nullable=False),
    sa.Column("at", TIME, nullable=False),
)

orders = _synced(
    "orders",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("store_id", ID, nullable=True),
    sa.Column("associate_id", ID, nullable=True),
    sa.Column("placed_at", TIME, nullable=False),
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("total_minor", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("lines", sa.JSON, nullable=False),
    # Hub-only (not on the wire): what the customer kept, `domain.metrics.order_net_minor`
    # of the lines; set on every write that changes the lines, summed by the stats.
    sa.Column("net_minor", sa.BigInteger, nullable=False),
    sa.Column("offer_code", sa.String(16), nullable=True),  # the single-use offer it used
    # What happened after it was placed, oldest first (`hub.order_events`): shipped,
    # delivered, (partly) returned, each with its time; [] for an order with none yet.
    sa.Column("events", sa.JSON, nullable=False, server_default=sa.text("'[]'")),
)
# The dashboard's period scans (a store's counter sales; online sales) read these indexes
# only, on PostgreSQL: the columns they sum and count ride along (INCLUDE).
sa.Index(
    "ix_orders_store_id_placed_at",
    orders.c.store_id,
    orders.c.placed_at,
    postgresql_include=["channel", "status", "customer_id", "associate_id", "net_minor"],
)
sa.Index(
    "ix_orders_channel_placed_at",
    orders.c.channel,
    orders.c.placed_at,
    postgresql_include=["status", "customer_id", "store_id", "net_minor", "id"],
)

carts = _synced(
    "carts",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("checkout_step", sa.String(32), nullable=True),
    sa.Column("updated_at", TIME, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("lines", sa.JSON, nullable=False),
)

recent_views = _synced(
    "recent_views",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False),
    sa.Column("product_id", ID, nullable=False),
    sa.Column("sku", sa.String(64), nullable=False),
    sa.Column("viewed_at", TIME, nullable=False),  # the latest view
    sa.Column("view_count", sa.Integer, nullable=False),
    # The product as it was viewed (migration 0031, `listing.snapshot`): a product the
    # shop stops offering leaves the terminals' catalog, the row still names it.
    sa.Column("product_name", sa.String(300), nullable=True),
    sa.Column("size", sa.String(32), nullable=True),
    sa.Column("colour", sa.String(64), nullable=True),
)
"""Products a customer viewed on the web shop lately (`hub.recent_views`): one row per
customer and product, the newest `KEEP` of the last `WINDOW` days; written with each
`product_views` event, older and overflowing rows leave as tombstones."""
sa.Index(
    "ix_recent_views_customer_id_product_id",
    recent_views.c.customer_id,
    recent_views.c.product_id,
    unique=True,
)
# The periodic prune's oldest-first batches (migration 0031).
sa.Index("ix_recent_views_viewed_at", recent_views.c.viewed_at)

notes = _synced(
    "notes",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("associate_id", ID, nullable=False),
    sa.Column("author_name", sa.String(200), nullable=False),
    sa.Column("store_id", ID, nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", TIME, nullable=False),
)

tombstones = _synced(
    "tombstones",
    sa.Column("entity", sa.String(32), primary_key=True),
    sa.Column("entity_id", sa.String(140), primary_key=True),
)

# --- Ingest from the web shop (hub-only bookkeeping, never synced) -------------------------

ingest_events = sa.Table(
    "ingest_events",
    metadata,
    sa.Column("source", sa.String(32), primary_key=True),
    sa.Column("event_id", sa.String(200), primary_key=True),
    sa.Column("topic", sa.String(80), nullable=False),
    sa.Column("occurred_at", TIME, nullable=True),
    sa.Column("received_at", TIME, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("detail", sa.String(500), nullable=True),
)
"""Every event received, by (source, event id): a replay is recognised and changes nothing."""

ingest_links = sa.Table(
    "ingest_links",
    metadata,
    sa.Column("source", sa.String(32), primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("external_id", sa.String(200), primary_key=True),
    sa.Column("internal_id", ID, nullable=False, index=True),
    sa.Column("occurred_at", TIME, nullable=False),
)
"""The shop's ids (customer, order, cart token, checkout token) -> ours, with the time of
the newest event applied to the record (older events are ignored)."""

ingest_carts = sa.Table(
    "ingest_carts",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("customer_id", ID, nullable=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("checkout_step", sa.String(32), nullable=True),
    sa.Column("occurred_at", TIME, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("lines", sa.JSON, nullable=False),
)
"""Each online cart's state as the shop last told it, also while the shopper is still
anonymous (Shopify's cart webhooks carry no customer); published to `carts` once the
customer is known. An `ordered` cart never changes again."""

product_views = sa.Table(
    "product_views",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("customer_id", ID, nullable=True, index=True),
    sa.Column("product_id", ID, nullable=True),
    sa.Column("sku", sa.String(64), nullable=False),
    sa.Column("viewed_at", TIME, nullable=False),
)

# --- Profile changes, consent and customer merges -----------------------------------------

customer_field_history = sa.Table(
    "customer_field_history",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, nullable=False, index=True),
    sa.Column("field", sa.String(64), nullable=False),
    sa.Column("old_value", sa.JSON, nullable=True),
    sa.Column("new_value", sa.JSON, nullable=True),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("associate_id", ID, nullable=True),
    sa.Column("device_id", ID, nullable=True),
    sa.Column("changed_at", TIME, nullable=False),
)
"""Every replaced profile value (last writer wins; the loser is kept here): who, on which
device, when (hub time), old and new. `field` is a column name or "preferences.<key>"."""

consent_audit = sa.Table(
    "consent_audit",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("consent_id", ID, nullable=False),
    sa.Column("customer_id", ID, nullable=False, index=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("granted", sa.Boolean, nullable=False),
    sa.Column("based_on", sa.BigInteger, nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Column("reason", sa.String(500), nullable=True),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("associate_id", ID, nullable=True),
    sa.Column("device_id", ID, nullable=True),
    sa.Column("at", TIME, nullable=False),
)
"""Every consent decision the hub took (recorded or refused, and why)."""

customer_merges = _synced(
    "customer_merges",
    sa.Column("id", ID, primary_key=True),
    sa.Column("survivor_id", ID, nullable=False, index=True),
    sa.Column("matched_on", sa.String(16), nullable=False),
    sa.Column("merged_at", TIME, nullable=False),
)
"""Merged customer id -> survivor (never a chain: merging a survivor re-points its rows)."""
# --- Visits (buyers and non-buyers) ----------------------------------------------------

visits = _synced(
    "visits",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=True, index=True),
    sa.Column("store_id", ID, sa.ForeignKey("locations.id"), nullable=False),
    sa.Column("associate_id", ID, nullable=False),
    sa.Column("associate_name", sa.String(200), nullable=False),
    sa.Column("at", TIME, nullable=False),
    sa.Column("outcome", sa.String(32), nullable=False),
    sa.Column("reason", sa.String(32), nullable=True),
    sa.Column("reason_text", sa.String(500), nullable=False),
    sa.Column("products", sa.JSON, nullable=False),
    sa.Column("survey_token", sa.String(64), nullable=False, unique=True),
)
"""Store visits, append-only; `customer_id` is NULL for an anonymous visitor. The survey
page finds its visit by `survey_token`; the dashboard counts by (store, time)."""
sa.Index(
    "ix_visits_store_id_at",
    visits.c.store_id,
    visits.c.at,
    postgresql_include=["outcome", "reason"],  # the funnel and reasons read the index only
)

store_visit_days = sa.Table(
    "store_visit_days",
    metadata,
    sa.Column("store_id", ID, primary_key=True),
    # The store's local calendar day of the visits (YYYY-MM-DD, `sales_rollup.local_day`).
    sa.Column(
        "day",
        sa.String(10).with_variant(sa.String(10, collation="C"), "postgresql"),
        primary_key=True,
    ),
    sa.Column("outcome", sa.String(32), primary_key=True),
    sa.Column("reason", sa.String(32), primary_key=True),  # '' for none
    sa.Column("visits", sa.Integer, nullable=False),
)
"""Visits per store, local day, outcome and reason, kept by the visit writes
(`hub.visit_rollup`): the funnel, the reasons and the visits drill-down's count."""


# --- Follow-ups, delivery and customer-facing pages (issue 9) ------------------------------

followups = _synced(
    "followups",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("associate_id", ID, nullable=False),
    sa.Column("associate_name", sa.String(200), nullable=False),
    sa.Column("store_id", ID, nullable=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("template", sa.String(32), nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("product_ids", sa.JSON, nullable=False),
    sa.Column("personal_line", sa.String(500), nullable=False),
    sa.Column("status", sa.String(24), nullable=False),
    sa.Column("status_reason", sa.String(300), nullable=True),
    sa.Column("created_at", TIME, nullable=False),
    sa.Column("updated_at", TIME, nullable=False),
    sa.Column("opened_at", TIME, nullable=True),  # first open of the email (tracking pixel)
)
"""A follow-up queued on a terminal and its delivery status (synced back to the store)."""
sa.Index(
    "ix_followups_store_id_created_at",
    followups.c.store_id,
    followups.c.created_at,
    postgresql_include=["template", "channel", "status", "id"],  # the dashboard's counts
)

delivery_jobs = sa.Table(
    "delivery_jobs",
    metadata,
    sa.Column("followup_id", ID, sa.ForeignKey("followups.id"), primary_key=True),
    sa.Column("state", sa.String(16), nullable=False),  # pending | claimed | sending | done
    sa.Column("not_before", TIME, nullable=False),
    sa.Column("lease_owner", sa.String(64), nullable=True),
    sa.Column("lease_until", TIME, nullable=True),
    sa.Index("ix_delivery_jobs_state_not_before", "state", "not_before"),
)
"""The delivery queue: claimed with a lease (SKIP LOCKED on PostgreSQL)."""

delivery_attempts = sa.Table(
    "delivery_attempts",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("followup_id", ID, sa.ForeignKey("followups.id"), nullable=False, index=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("idempotency_key", sa.String(64), nullable=False, unique=True),
    sa.Column("state", sa.String(16), nullable=False),  # prepared | sent | failed | unknown
    sa.Column("worker", sa.String(64), nullable=False),
    sa.Column("prepared_at", TIME, nullable=False),
    sa.Column("completed_at", TIME, nullable=True),
    sa.Column("provider_id", sa.String(200), nullable=True),
    sa.Column("detail", sa.String(500), nullable=True),
    sa.Column("receipt", sa.String(16), nullable=True),  # delivered | read | failed
)
"""Every send attempt, recorded (and committed) before the provider is called; `receipt`
is the provider's delivery receipt, which may arrive before the send is completed."""

followup_links = sa.Table(
    "followup_links",
    metadata,
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),  # landing unsubscribe reserve open reply
    sa.Column("followup_id", ID, sa.ForeignKey("followups.id"), nullable=False, index=True),
    sa.Column("customer_id", ID, nullable=False),
)

survey_links = sa.Table(
    "survey_links",
    metadata,
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("store_id", ID, nullable=True),
    sa.Column("customer_id", ID, nullable=True),
    sa.Column("visit_id", ID, nullable=True),
    sa.Column("buyer", sa.Boolean, nullable=True),
    sa.Column("created_at", TIME, nullable=False),
)
"""Survey tokens handed out (follow-ups, receipts, visits): `hub.surveys`."""

feedback = _synced(
    "feedback",
    sa.Column("id", ID, primary_key=True),
    sa.Column("token", sa.String(64), nullable=False, index=True),
    sa.Column("store_id", ID, nullable=True),
    sa.Column("customer_id", ID, nullable=True),  # None: answered anonymously
    sa.Column("visit_id", ID, nullable=True),
    sa.Column("buyer", sa.Boolean, nullable=True),
    sa.Column("touchpoint", sa.String(16), nullable=False),
    sa.Column("score", sa.Integer, nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", TIME, nullable=False),
)
"""Survey answers, one row per touchpoint; in the scope of the visit they are about, else
of the customer, else of the store (`hub.surveys.feedback_scope`): the customer's
timeline on the terminals shows them."""
sa.Index(  # the dashboard's period of a store: index-only counts, newest comments first
    "ix_feedback_store_id_created_at",
    feedback.c.store_id,
    feedback.c.created_at,
    feedback.c.id,
    postgresql_include=["touchpoint", "buyer", "score", "token"],
)

attribution_touches = sa.Table(
    "attribution_touches",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, nullable=False, index=True),
    sa.Column("followup_id", ID, nullable=False),
    sa.Column("associate_id", ID, nullable=False),
    sa.Column("store_id", ID, nullable=True),
    sa.Column("kind", sa.String(16), nullable=False),  # click | cart
    sa.Column("at", TIME, nullable=False),
)
"""Clicks and carts from follow-up links; the newest touch in the window wins."""
sa.Index(  # the funnel's online carts of a store's period (migration 0034)
    "ix_attribution_touches_store_id_kind_at",
    attribution_touches.c.store_id,
    attribution_touches.c.kind,
    attribution_touches.c.at,
    postgresql_include=["followup_id"],
)

order_attributions = sa.Table(
    "order_attributions",
    metadata,
    sa.Column("order_id", ID, primary_key=True),
    sa.Column("followup_id", ID, nullable=False),
    sa.Column("associate_id", ID, nullable=False),
    sa.Column("store_id", ID, nullable=True),
    sa.Column("touched_at", TIME, nullable=False),
    sa.Column("attributed_at", TIME, nullable=False),
    sa.Index("ix_order_attributions_followup_id", "followup_id", postgresql_include=["order_id"]),
)
followup_credits = sa.Table(
    # Derived (hub.followup_credits): one row per kept order credited to a follow-up.
    "followup_credits",
    metadata,
    sa.Column("order_id", ID, primary_key=True),
    sa.Column("customer_id", ID, nullable=False, index=True),
    sa.Column("followup_id", ID, nullable=False),
    sa.Column("revenue_minor", sa.BigInteger, nullable=False),
    sa.Index(
        "ix_followup_credits_followup_id", "followup_id", postgresql_include=["revenue_minor"]
    ),
)
followup_revenue = sa.Table(
    # Derived (hub.followup_revenue, migration 0034): per follow-up with credited kept
    # orders, their count and revenue, with the follow-up's fixed columns copied.
    "followup_revenue",
    metadata,
    sa.Column("followup_id", ID, primary_key=True),
    sa.Column("store_id", ID, nullable=True),
    sa.Column("created_at", TIME, nullable=False),
    sa.Column("template", sa.String(32), nullable=False),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("orders", sa.Integer, nullable=False),
    sa.Column("revenue_minor", sa.BigInteger, nullable=False),
    sa.Index(
        "ix_followup_revenue_store_id_created_at",
        "store_id",
        "created_at",
        postgresql_include=["template", "channel", "revenue_minor"],  # read index-only
    ),
)
store_followup_days = sa.Table(
    # Derived (hub.followup_days, migration 0036): per store, local day of creation,
    # template, channel and status, the follow-ups and their credited kept orders.
    "store_followup_days",
    metadata,
    sa.Column("store_id", ID, primary_key=True),
    # The store's local calendar day of created_at (YYYY-MM-DD, `sales_rollup.local_day`).
    sa.Column(
        "day",
        sa.String(10).with_variant(sa.String(10, collation="C"), "postgresql"),
        primary_key=True,
    ),
    sa.Column("template", sa.String(32), primary_key=True),
    sa.Column("channel", sa.String(16), primary_key=True),
    sa.Column("status", sa.String(24), primary_key=True),
    sa.Column("followups", sa.Integer, nullable=False),
    sa.Column("orders", sa.Integer, nullable=False),
    sa.Column("revenue_minor", sa.BigInteger, nullable=False),
)
"""Follow-ups per store, local day, template, channel and status with their credited
kept orders and revenue, kept by the follow-up and credit writes (`hub.followup_days`):
the funnel's follow-up steps and the follow-up effects."""
# --- Hub API: tokens, devices, rate limits, audit, search index, tombstone purge ----------

# Bytewise order on PostgreSQL (collation "C"), as SQLite's default BINARY: prefix ranges
# (`term >= 'ngu' AND term < 'ngu\U0010ffff'`) then mean "starts with" and use the index.
SEARCH_TERM = sa.String(200).with_variant(sa.String(200, collation="C"), "postgresql")

refresh_tokens = sa.Table(
    "refresh_tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("associate_id", ID, sa.ForeignKey("associates.id"), nullable=False),
    sa.Column("device_id", ID, sa.ForeignKey("devices.id"), nullable=False, index=True),
    sa.Column("created_at", TIME, nullable=False),
    sa.Column("expires_at", TIME, nullable=False),
    sa.Column("used_at", TIME, nullable=True),
)
"""Long-lived, single-use tokens that buy a new short-lived access token (`sessions`);
stored hashed. A used one presented again means it was stolen: the device's tokens go."""

device_revocations = sa.Table(
    "device_revocations",
    metadata,
    sa.Column("device_id", ID, sa.ForeignKey("devices.id"), primary_key=True),
    sa.Column("revoked_at", TIME, nullable=False),
    sa.Column("revoked_by", ID, nullable=False),
)
"""Devices an admin revoked: their tokens stop working and they cannot sign in again."""

sign_in_failures = sa.Table(
    "sign_in_failures",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("at", TIME, nullable=False),
    sa.Index("ix_sign_in_failures_key_at", "key", "at"),
)
"""Failed sign-ins per "user:<name>" and "addr:<client address>", for rate limiting; in
the database so every hub process behind a load balancer counts the same attempts."""

audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("at", TIME, nullable=False, index=True),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("associate_id", ID, nullable=True, index=True),
    sa.Column("device_id", ID, nullable=True),
    sa.Column("customer_id", ID, nullable=True, index=True),
    sa.Column("detail", sa.String(200), nullable=True),
)
"""Who read or changed which customer, and every sign-in (ids only, no customer data)."""

customer_search = sa.Table(
    "customer_search",
    metadata,
    sa.Column("customer_id", ID, primary_key=True),
    sa.Column("sort_name", sa.String(400), nullable=False),
    sa.Index("ix_customer_search_sort_name_customer_id", "sort_name", "customer_id"),
)
customer_search_terms = sa.Table(
    "customer_search_terms",
    metadata,
    sa.Column("term", SEARCH_TERM, primary_key=True),
    sa.Column("customer_id", ID, primary_key=True, index=True),
)
search_index_state = sa.Table(
    "search_index_state",
    metadata,
    sa.Column("scope", sa.String(80), primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False),
)
"""The hub's customer search index (`hub.customer_index`): folded name words, emails,
card and phone digit keys per customer, caught up from the change feed up to `version`."""

feed_marks = sa.Table(
    "feed_marks",
    metadata,
    sa.Column("scope", sa.String(80), primary_key=True),
    sa.Column("at", TIME, primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False),
)
"""The scope's version at a moment, noted by each purge run: a tombstone with a version
at or below a mark older than the retention is older than the retention."""

feed_purges = sa.Table(
    "feed_purges",
    metadata,
    sa.Column("scope", sa.String(80), primary_key=True),
    sa.Column("purged_before", sa.BigInteger, nullable=False),
    sa.Column("purged_at", TIME, nullable=False),
)
"""Per scope: tombstones up to `purged_before` may be gone, so a cursor older than it
cannot be continued (the pull answers a reset, `cursor_purged`)."""

# --- Privacy: device wipe after revocation, customer erasure (issue 8) ------------------

device_wipes = sa.Table(
    "device_wipes",
    metadata,
    sa.Column("device_id", ID, sa.ForeignKey("devices.id"), primary_key=True),
    sa.Column("discard_unsent", sa.Boolean, nullable=False),
    sa.Column("wiped_at", TIME, nullable=True),
)
"""What a revoked device is told to do (`hub.revocation`): push what it still owes, then
wipe (or, `discard_unsent`, wipe at once); `wiped_at` when it reported that it did."""

customer_erasures = sa.Table(
    "customer_erasures",
    metadata,
    sa.Column("customer_id", ID, primary_key=True),
    sa.Column("erased_at", TIME, nullable=False),
    sa.Column("erased_by", ID, nullable=True),
)
"""Customers erased on request (`hub.erasure`): only the id (a random UUID), who and when,
so a late mutation or webhook naming the id is refused instead of recreating the person."""
# -- enrollment ------------------------------------------------------------------------

enrollment_codes = sa.Table(
    "enrollment_codes",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("store_id", ID, sa.ForeignKey("locations.id"), nullable=True),
    sa.Column("created_by", ID, nullable=True),
    sa.Column("created_at", TIME, nullable=False),
    sa.Column("expires_at", TIME, nullable=False),
    sa.Column("used_at", TIME, nullable=True),
    sa.Column("used_by_device", ID, nullable=True),
    sa.Column("revoked_at", TIME, nullable=True),
)
"""One-time codes an admin makes to enroll a terminal (`hub.enrollment`), stored only as
a hash. `store_id` None: the enrolling terminal chooses its store. `created_by` None:
made with the CLI on the hub's own machine."""

device_enrollments = sa.Table(
    "device_enrollments",
    metadata,
    sa.Column("device_id", ID, sa.ForeignKey("devices.id"), primary_key=True),
    sa.Column("secret_hash", sa.String(64), nullable=False),
    sa.Column("store_id", ID, sa.ForeignKey("locations.id"), nullable=False),
    sa.Column("code_id", ID, sa.ForeignKey("enrollment_codes.id"), nullable=False),
    sa.Column("enrolled_at", TIME, nullable=False),
)
"""An enrolled terminal: the hash of its device secret (sign-in presents the secret) and
the store it was enrolled for."""

# --- Holds (reservations) and single-use offers ------------------------------------------

reservations = _synced(
    "reservations",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("product_id", ID, sa.ForeignKey("products.id"), nullable=False),
    sa.Column("store_id", ID, sa.ForeignKey("locations.id"), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # held | collected | released | expired
    sa.Column("expires_at", TIME, nullable=False),
    sa.Column("source", sa.String(16), nullable=False),  # terminal | link
    sa.Column("associate_id", ID, nullable=True),
    sa.Column("followup_id", ID, nullable=True, index=True),
    sa.Column("created_at", TIME, nullable=False),
    sa.Column("updated_at", TIME, nullable=False),
    # The product as it was held (migration 0031, `listing.snapshot`), as an order line
    # keeps it: a product the shop stops offering leaves the terminals' catalog, the
    # hold still says what it holds.
    sa.Column("sku", sa.String(64), nullable=True),
    sa.Column("product_name", sa.String(300), nullable=True),
    sa.Column("size", sa.String(32), nullable=True),
    sa.Column("colour", sa.String(64), nullable=True),
)
"""Stock held for a customer at a store: while `held`, its quantity counts in the
location's `inventory.reserved`. Expiry (`hub.holds`) releases it."""
sa.Index("ix_reservations_status_expires_at", reservations.c.status, reservations.c.expires_at)

offers = _synced(
    "offers",
    sa.Column("id", ID, primary_key=True),
    sa.Column("code", sa.String(16), nullable=False, unique=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("followup_id", ID, nullable=True, index=True),
    sa.Column("store_id", ID, nullable=True),
    sa.Column("kind", sa.String(24), nullable=False),  # domain.offers.OFFER_KINDS
    sa.Column("valid_in", sa.String(8), nullable=False),  # store | online
    sa.Column("status", sa.String(16), nullable=False),  # issued | redeemed
    sa.Column("expires_at", TIME, nullable=False),
    sa.Column("created_at", TIME, nullable=False),
    sa.Column("redeemed_at", TIME, nullable=True),
    sa.Column("redeemed_channel", sa.String(8), nullable=True),  # store | online
    sa.Column("redeemed_store_id", ID, nullable=True),
    sa.Column("redeemed_by", ID, nullable=True),  # the associate at the till
    sa.Column("order_id", ID, nullable=True),  # the online order that used it
)
"""Single-use offer codes attached to follow-ups (`hub.offers`): redeemed at most once."""
sa.Index(  # the dashboard's offers of a store's period, index-only (migration 0034)
    "ix_offers_store_id_created_at",
    offers.c.store_id,
    offers.c.created_at,
    postgresql_include=["kind", "redeemed_channel"],
)

# --- Tasks (hub-generated: lifecycle, abandoned cart available here, post-purchase) ------

tasks = _synced(
    "tasks",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("store_id", ID, sa.ForeignKey("locations.id"), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("dedupe_key", sa.String(200), nullable=False, unique=True),
    sa.Column("status", sa.String(16), nullable=False),  # open | done | closed | expired
    sa.Column("priority", sa.Integer, nullable=False),  # 1 high .. 3 low
    sa.Column("template", sa.String(32), nullable=False),
    sa.Column("subject_id", ID, nullable=True),
    sa.Column("product_ids", sa.JSON, nullable=False),
    sa.Column("associate_id", ID, nullable=True),
    sa.Column("created_at", TIME, nullable=False),
    sa.Column("starts_at", TIME, nullable=False),
    sa.Column("due_at", TIME, nullable=False),
    sa.Column("expires_at", TIME, nullable=False),
    sa.Column("snoozed_until", TIME, nullable=True),
    sa.Column("done_at", TIME, nullable=True),
    sa.Column("done_by", ID, nullable=True),
    sa.Column("done_by_name", sa.String(200), nullable=True),
    sa.Column("outcome_note", sa.String(1000), nullable=False),
    sa.Column("updated_at", TIME, nullable=False),
    sa.Column("dismiss_reason", sa.String(32), nullable=True),  # domain.tasks.DismissReason
)
"""Tasks of a store (`domain.tasks`): one per `dedupe_key` ever (a reason never makes two
tasks, even after the first is done); synced in the customer's store scope."""
sa.Index("ix_tasks_store_id_status_due_at", tasks.c.store_id, tasks.c.status, tasks.c.due_at)
sa.Index(  # the dashboard's task completion of a store's period (migration 0034)
    "ix_tasks_store_id_created_at",
    tasks.c.store_id,
    tasks.c.created_at,
    postgresql_include=["associate_id", "done_by", "status", "done_at", "due_at"],
)

# --- Wishes: back in stock for a wished item (domain.tasks) -------------------------------

wishes = sa.Table(
    "wishes",
    metadata,
    sa.Column("id", sa.String(140), primary_key=True),  # "<customer_id>:<product_id>"
    sa.Column("customer_id", ID, nullable=False, index=True),
    sa.Column("product_id", ID, nullable=False),
    sa.Column("source", sa.String(16), nullable=False),  # visit | view
    sa.Column("wished_at", TIME, nullable=False),
    sa.Column("watch", sa.String(16), nullable=False),  # domain.tasks.StockWatch
    sa.Column("back_at", TIME, nullable=True),
    sa.Column("checked_at", TIME, nullable=False),
)
"""What a customer wanted and could not have (a visit "size/colour missing", an online
view of a product sold out online), and the watch on its stock at the home store. Hub
only (the terminal sees the back-in-stock task); renewed by a newer wish of the same
product."""
# --- Replies from customers (inbound SMS / WhatsApp / email webhooks) -------------------

replies = _synced(
    "replies",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("followup_id", ID, nullable=True, index=True),  # the follow-up it answers
    sa.Column("store_id", ID, nullable=True),
    sa.Column("channel", sa.String(16), nullable=False),  # email | sms | whatsapp
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("received_at", TIME, nullable=False),
    sa.Column("matched_on", sa.String(16), nullable=False),  # token | thread | address | admin
    sa.Column("opt_out", sa.Boolean, nullable=False),
)
"""A customer's reply, matched to them (and to the follow-up it answers when known);
synced to the customer's store, shown in the timeline (`hub.replies`)."""

inbound_messages = sa.Table(
    "inbound_messages",
    metadata,
    sa.Column("provider", sa.String(32), primary_key=True),
    sa.Column("message_id", sa.String(200), primary_key=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("sender", sa.String(320), nullable=False),
    sa.Column("recipient", sa.String(320), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("received_at", TIME, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # matched | unmatched
    sa.Column("reply_id", ID, nullable=True),
    sa.Column("customer_id", ID, nullable=True, index=True),
)
"""Every inbound message by (provider, the provider's message id): a webhook delivered
again is recognised and changes nothing. `unmatched` ones (nobody known sent them) wait
here for an admin (`GET /api/v1/inbound/unmatched`), never dropped."""
sa.Index(
    "ix_inbound_messages_status_received_at",
    inbound_messages.c.status,
    inbound_messages.c.received_at,
)

inbound_nonces = sa.Table(
    "inbound_nonces",
    metadata,
    sa.Column("provider", sa.String(32), primary_key=True),
    sa.Column("nonce", sa.String(200), primary_key=True),
    sa.Column("message_id", sa.String(200), nullable=False),
    sa.Column("seen_at", TIME, nullable=False, index=True),
)
"""The one-time tokens of providers whose signature covers a token and a time but not
the body (Mailgun): a token seen again with another message is a replayed signature.
Kept a little longer than a signature stays fresh, then purged (`hub.inbound_mailgun`)."""
# --- Appointments (booked from terminals) -------------------------------------------------

appointments = _synced(
    "appointments",
    sa.Column("id", ID, primary_key=True),
    sa.Column("customer_id", ID, sa.ForeignKey("customers.id"), nullable=False, index=True),
    sa.Column("store_id", ID, sa.ForeignKey("locations.id"), nullable=False),
    sa.Column("associate_id", ID, sa.ForeignKey("associates.id"), nullable=False),
    sa.Column("associate_name", sa.String(200), nullable=False),
    sa.Column("starts_at", TIME, nullable=False),
    sa.Column("ends_at", TIME, nullable=False),
    sa.Column("purpose", sa.String(200), nullable=False),
    sa.Column("note", sa.String(1000), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # booked | cancelled
    sa.Column("booked_by", ID, nullable=False),
    sa.Column("booked_by_name", sa.String(200), nullable=False),
    sa.Column("created_at", TIME, nullable=False),
    sa.Column("updated_at", TIME, nullable=False),
)
"""A customer booked for a time with an associate of the store (`domain.appointments`);
synced in the customer's store scope. Never two `booked` rows of one associate that
overlap (`hub.appointment_mutations` checks under the scope's counter lock)."""
sa.Index(
    "ix_appointments_associate_id_status_starts_at",
    appointments.c.associate_id,
    appointments.c.status,
    appointments.c.starts_at,
)
sa.Index("ix_appointments_store_id_starts_at", appointments.c.store_id, appointments.c.starts_at)
# Hub-only, derived from `orders` (see `hub.purchase_facts`): one row per customer with a
# kept purchase, rewritten by every order write in the same transaction.
customer_purchase_facts = sa.Table(
    "customer_purchase_facts",
    metadata,
    sa.Column("customer_id", ID, primary_key=True),
    sa.Column("purchases", sa.Integer, nullable=False),
    sa.Column("net_minor", sa.BigInteger, nullable=False),
    sa.Column("first_at", TIME, nullable=False),
    sa.Column("first_us", sa.BigInteger, nullable=False),
    sa.Column("second_at", TIME, nullable=True),
    sa.Column("second_us", sa.BigInteger, nullable=True),
    sa.Column("last_at", TIME, nullable=False),
    sa.Column("in_store", sa.Boolean, nullable=False),
    sa.Column("online", sa.Boolean, nullable=False),
    # The customer's home store and creation time (customers.home_store_id, created_at;
    # both fixed once the customer exists), so the lifecycle counts read this table alone
    # (stats.lifecycle). Null only for a row without a customer (none: merges forget the
    # facts before deleting the customer).
    sa.Column("home_store_id", ID, nullable=True),
    sa.Column("joined_at", TIME, nullable=True),
    # last_at and joined_at as microseconds since 1970 (purchase_facts.epoch_us), what the
    # lifecycle stage rule compares (stats.lifecycle; migration 0035). Always written;
    # nullable only as columns added to a filled table (joined_us: null with joined_at).
    sa.Column("last_us", sa.BigInteger, nullable=True),
    sa.Column("joined_us", sa.BigInteger, nullable=True),
    # Customers who bought after a period's end (stats.omnichannel), found by range.
    sa.Index("ix_customer_purchase_facts_last_at", "last_at"),
    # A store's customers with the integer times the lifecycle reads (covering on
    # PostgreSQL: INCLUDE; migration 0035 replaced the one with the ISO-text times).
    sa.Index(
        "ix_customer_purchase_facts_home_store_id_joined_us",
        "home_store_id",
        "joined_us",
        postgresql_include=["first_us", "second_us", "last_us"],
    ),
)

customer_purchase_gaps = sa.Table(
    "customer_purchase_gaps",
    metadata,
    sa.Column("customer_id", ID, primary_key=True),
    sa.Column("from_at", TIME, primary_key=True),
    sa.Column("to_at", TIME, nullable=False),
    # from_at and to_at as microseconds since 1970 (migration 0035; always written).
    sa.Column("from_us", sa.BigInteger, nullable=True),
    sa.Column("to_us", sa.BigInteger, nullable=True),
)
# Hub-only, derived from `orders` (see `hub.sales_rollup`): each customer's kept orders per
# sales bucket (store, kind, associate) and local day of the bucket's store, with the
# customer's previous day in that bucket; and their sums per (bucket, day, previous day),
# which the dashboard reads instead of the orders.
customer_sales_days = sa.Table(
    "customer_sales_days",
    metadata,
    sa.Column("customer_id", ID, primary_key=True),
    sa.Column("store_id", ID, primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("associate_id", ID, primary_key=True),  # '' when none or not per associate
    sa.Column("day", sa.String(10), primary_key=True),  # YYYY-MM-DD, the store's local day
    sa.Column("prev_day", sa.String(10), nullable=False),  # '' for the first day
    sa.Column("orders", sa.Integer, nullable=False),
    sa.Column("revenue_minor", sa.BigInteger, nullable=False),
)

store_sales_daily = sa.Table(
    "store_sales_daily",
    metadata,
    sa.Column("store_id", ID, primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("associate_id", ID, primary_key=True),
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("prev_day", sa.String(10), primary_key=True),
    sa.Column("orders", sa.Integer, nullable=False),
    sa.Column("revenue_minor", sa.BigInteger, nullable=False),
    sa.Column("customers", sa.Integer, nullable=False),  # customer-days with this prev_day
    sa.Index(
        "ix_store_sales_daily_kind_day",
        "kind",
        "day",
        # associate_id too (migration 0030): the dashboard reads the chain's kinds and the
        # store's associates in one index-only pass (stats.sales.chain_and_associate_sums).
        postgresql_include=[
            "store_id",
            "associate_id",
            "prev_day",
            "orders",
            "revenue_minor",
            "customers",
        ],
    ),
)
# Hub-only, derived from `customer_sales_days` (see `hub.sales_rollup`, migration 0033):
# per sales bucket and day, the orders and revenue (what a period's sums read: a row per
# bucket and day, not per previous day); and per bucket and newest day, the customers
# whose newest day in the bucket it is (a period's distinct customers when nothing in the
# bucket is on or after its end, as for a period ending today).
store_sales_day_sums = sa.Table(
    "store_sales_day_sums",
    metadata,
    sa.Column("store_id", ID, primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("associate_id", ID, primary_key=True),
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("orders", sa.Integer, nullable=False),
    sa.Column("revenue_minor", sa.BigInteger, nullable=False),
    sa.Index(
        "ix_store_sales_day_sums_kind_day",
        "kind",
        "day",
        postgresql_include=["store_id", "associate_id", "orders", "revenue_minor"],
    ),
)

store_sales_last_days = sa.Table(
    "store_sales_last_days",
    metadata,
    sa.Column("store_id", ID, primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("associate_id", ID, primary_key=True),
    sa.Column("last_day", sa.String(10), primary_key=True),
    sa.Column("customers", sa.Integer, nullable=False),
    sa.Index(
        "ix_store_sales_last_days_kind_last_day",
        "kind",
        "last_day",
        postgresql_include=["store_id", "associate_id", "customers"],
    ),
)
# Hub-only, derived from `customer_purchase_facts` joined with `customers` (see
# `hub.omni_rollup`): per home store, omnichannel or not, bought again within the
# retention window or not, and UTC day of the first purchase, the customers, their kept
# purchases and net value, and how many first bought at most k whole hours into that day.
store_omni_days = sa.Table(
    "store_omni_days",
    metadata,
    sa.Column("store_id", ID, primary_key=True),
    sa.Column("omni", sa.Boolean, primary_key=True),
    sa.Column("again", sa.Boolean, primary_key=True),
    sa.Column("first_day", sa.BigInteger, primary_key=True),  # days since 1970-01-01 (UTC)
    sa.Column("customers", sa.Integer, nullable=False),
    sa.Column("net_minor", sa.BigInteger, nullable=False),
    sa.Column("purchases", sa.BigInteger, nullable=False),
    *(sa.Column(f"upto_{k:02d}", sa.Integer, nullable=False) for k in range(24)),
)
# --- Looking a customer up from another store (hub.lookups) --------------------------------

customer_lookups = sa.Table(
    "customer_lookups",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("store_id", ID, sa.ForeignKey("locations.id"), nullable=False),
    sa.Column("customer_id", ID, nullable=False, index=True),
    sa.Column("associate_id", ID, nullable=True),
    sa.Column("device_id", ID, nullable=True),
    sa.Column("matched_on", sa.String(16), nullable=False),  # phone | email | loyalty_card
    sa.Column("looked_up_at", TIME, nullable=False),
    sa.Column("expires_at", TIME, nullable=False),
    sa.Index("ix_customer_lookups_store_id_customer_id", "store_id", "customer_id"),
)
"""A store that pulled in another store's customer by an exact phone, email or card:
until `expires_at` that store's terminals may refresh the profile and change it (notes,
visits, consent, profile fields, holds, follow-ups). Ids only; merges re-point
`customer_id` like every other customer row, an erasure deletes the rows."""
