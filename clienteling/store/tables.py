"""How each synced entity kind (protocol.entities) maps to a cache table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntityTable:
    entity: str
    table: str
    columns: tuple[str, ...]  # the entity's data fields, stored as columns of that name
    json_columns: frozenset[str] = frozenset()
    bool_columns: frozenset[str] = frozenset()
    # Rows this terminal writes before the hub has them carry `pending = 1`; a pulled row
    # clears it, and a reset keeps the pending ones (they are still in the outbox).
    has_pending: bool = False


ENTITY_TABLES: dict[str, EntityTable] = {
    spec.entity: spec
    for spec in (
        EntityTable(
            "location", "locations", ("id", "kind", "name", "city", "timezone", "currency")
        ),
        EntityTable(
            "product",
            "products",
            (
                "id",
                "sku",
                "barcode",
                "name",
                "brand",
                "category",
                "price_minor",
                "currency",
                "size",
                "colour",
            ),
        ),
        EntityTable(
            "inventory",
            "inventory",
            ("id", "location_id", "product_id", "on_hand", "reserved"),
        ),
        EntityTable(
            "customer",
            "customers",
            (
                "id",
                "given_name",
                "family_name",
                "display_name",
                "phones",
                "emails",
                "loyalty_card",
                "loyalty_tier",
                "loyalty_points",
                "home_store_id",
                "preferred_channel",
                "language",
                "lifecycle_stage",
                "clv_minor",
                "currency",
                "created_at",
                "updated_at",
                "preferences",
            ),
            json_columns=frozenset({"phones", "emails", "preferences"}),
        ),
        EntityTable(
            "consent",
            "consents",
            ("id", "customer_id", "channel", "granted", "source", "at"),
            bool_columns=frozenset({"granted"}),
        ),
        EntityTable(
            "order",
            "orders",
            (
                "id",
                "customer_id",
                "channel",
                "store_id",
                "associate_id",
                "placed_at",
                "status",
                "total_minor",
                "currency",
                "lines",
                "offer_code",
                "events",
            ),
            json_columns=frozenset({"lines", "events"}),
        ),
        EntityTable(
            "cart",
            "carts",
            ("id", "customer_id", "status", "checkout_step", "updated_at", "currency", "lines"),
            json_columns=frozenset({"lines"}),
        ),
        EntityTable(
            "recent_view",
            "recent_views",
            ("id", "customer_id", "product_id", "sku", "viewed_at", "view_count"),
        ),
        EntityTable(
            "note",
            "notes",
            ("id", "customer_id", "associate_id", "author_name", "store_id", "text", "created_at"),
            has_pending=True,
        ),
        EntityTable(
            "visit",
            "visits",
            (
                "id",
                "customer_id",
                "store_id",
                "associate_id",
                "associate_name",
                "at",
                "outcome",
                "reason",
                "reason_text",
                "products",
                "survey_token",
            ),
            json_columns=frozenset({"products"}),
            has_pending=True,
        ),
        EntityTable(
            "customer_merge", "customer_merges", ("id", "survivor_id", "matched_on", "merged_at")
        ),
        EntityTable(
            "followup",
            "followups",
            (
                "id",
                "customer_id",
                "associate_id",
                "associate_name",
                "store_id",
                "channel",
                "template",
                "language",
                "product_ids",
                "personal_line",
                "status",
                "status_reason",
                "created_at",
                "updated_at",
                "opened_at",
            ),
            json_columns=frozenset({"product_ids"}),
        ),
        EntityTable(
            "reservation",
            "reservations",
            (
                "id",
                "customer_id",
                "product_id",
                "store_id",
                "quantity",
                "status",
                "expires_at",
                "source",
                "associate_id",
                "followup_id",
                "created_at",
                "updated_at",
            ),
            has_pending=True,
        ),
        EntityTable(
            "offer",
            "offers",
            (
                "id",
                "code",
                "customer_id",
                "followup_id",
                "store_id",
                "kind",
                "valid_in",
                "status",
                "expires_at",
                "created_at",
                "redeemed_at",
                "redeemed_channel",
                "redeemed_store_id",
                "redeemed_by",
                "order_id",
            ),
        ),
        EntityTable(
            "reply",
            "replies",
            (
                "id",
                "customer_id",
                "followup_id",
                "store_id",
                "channel",
                "text",
                "received_at",
                "matched_on",
                "opt_out",
            ),
            bool_columns=frozenset({"opt_out"}),
        ),
        EntityTable(
            "task",
            "tasks",
            (
                "id",
                "customer_id",
                "store_id",
                "kind",
                "dedupe_key",
                "status",
                "priority",
                "template",
                "subject_id",
                "product_ids",
                "associate_id",
                "created_at",
                "starts_at",
                "due_at",
                "expires_at",
                "snoozed_until",
                "done_at",
                "done_by",
                "done_by_name",
                "outcome_note",
                "updated_at",
                "dismiss_reason",
            ),
            json_columns=frozenset({"product_ids"}),
        ),
        EntityTable(
            "appointment",
            "appointments",
            (
                "id",
                "customer_id",
                "store_id",
                "associate_id",
                "associate_name",
                "starts_at",
                "ends_at",
                "purpose",
                "note",
                "status",
                "booked_by",
                "booked_by_name",
                "created_at",
                "updated_at",
            ),
            has_pending=True,
        ),
    )
}
