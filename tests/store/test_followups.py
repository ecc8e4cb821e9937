"""Follow-ups in the cache: channels closed with the reason (latest consent wins), queued
with the mutation in one transaction, pulled statuses replace the local row, a resync
keeps what is still in the outbox, and the catalog search ignores accents."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from clienteling.domain.errors import ValidationError
from clienteling.protocol.entities import CATALOG_SCOPE, FollowupQueueArgs
from clienteling.store import outbox
from clienteling.store.apply import apply_page, reset_scope
from clienteling.store.followups import (
    composer_context,
    followup_views,
    queue_followup,
    search_products,
)
from tests.store.conftest import SCOPE, STORE_ID, change, customer


@pytest.fixture
def filled(db: Database) -> Database:
    apply_page(
        db,
        scope=CATALOG_SCOPE,
        changes=[
            change(
                "location",
                {
                    "id": STORE_ID,
                    "kind": "store",
                    "name": "Paris Opéra",
                    "city": "Paris",
                    "timezone": "Europe/Paris",
                    "currency": "EUR",
                },
            ),
            *[
                change(
                    "product",
                    {
                        "id": pid,
                        "sku": sku,
                        "barcode": "0",
                        "name": name,
                        "brand": "Élan",
                        "category": "Vestes",
                        "price_minor": 199_00,
                        "currency": "EUR",
                    },
                )
                for pid, sku, name in (("p1", "JKT-1", "Veste légère"), ("p2", "JKT-2", "Parka"))
            ],
            change(
                "inventory",
                {
                    "id": f"{STORE_ID}:p1",
                    "location_id": STORE_ID,
                    "product_id": "p1",
                    "on_hand": 5,
                    "reserved": 2,
                },
            ),
        ],
        cursor="c1",
        last_mutation_id=0,
        snapshot_done=True,
    )
    consent = {"customer_id": "c1", "source": "test"}
    apply_page(
        db,
        scope=SCOPE,
        changes=[
            customer("c1", given="Lan", family="Nguyễn", phones=["+33612345678"], emails=[]),
            change(
                "consent",
                {
                    "id": "k1",
                    "channel": "sms",
                    "granted": True,
                    "at": "2025-01-01T00:00:00+00:00",
                    **consent,
                },
            ),
            change(
                "consent",
                {
                    "id": "k2",
                    "channel": "whatsapp",
                    "granted": True,
                    "at": "2025-01-01T00:00:00+00:00",
                    **consent,
                },
            ),
            change(
                "consent",
                {
                    "id": "k3",
                    "channel": "whatsapp",
                    "granted": False,
                    "at": "2025-02-01T00:00:00+00:00",
                    **consent,
                },
            ),
        ],
        cursor="s1",
        last_mutation_id=0,
        snapshot_done=True,
    )
    return db


def args(channel: str = "sms") -> FollowupQueueArgs:
    return FollowupQueueArgs(
        id="f1",
        customer_id="c1",
        channel=channel,  # type: ignore[typeddict-item]
        template="thank_you",
        language="fr",
        product_ids=["p1"],
        personal_line="À bientôt",
        created_at="2025-03-01T10:00:00+00:00",
    )


def test_channels_say_why_they_are_closed(filled: Database) -> None:
    context = composer_context(filled, "c1", store_id=STORE_ID)
    assert context is not None
    reasons = {c.channel: (c.allowed, c.reason) for c in context.channels}
    assert reasons == {
        "email": (False, "no_email"),
        "sms": (True, ""),
        "whatsapp": (False, "declined"),  # the later event wins
    }
    assert context.default_channel == "sms"  # preferred (email) is closed
    assert context.store_name == "Paris Opéra"


def test_queue_writes_the_row_and_the_mutation_together(filled: Database) -> None:
    with pytest.raises(ValidationError):
        queue_followup(
            filled, args("whatsapp"), associate_id="a1", associate_name="Lê", store_id=STORE_ID
        )
    assert outbox.pending(filled) == []
    queue_followup(filled, args(), associate_id="a1", associate_name="Lê", store_id=STORE_ID)
    [entry] = outbox.pending(filled)
    assert entry.name == "followup.queue" and entry.args["id"] == "f1"
    [view] = followup_views(filled, "c1")
    assert (view.status, view.pending, view.product_names) == ("queued", True, ["Veste légère"])

    reset_scope(filled, SCOPE)  # a resync: the unsent follow-up stays
    assert [v.id for v in followup_views(filled, "c1")] == ["f1"]


def test_pulled_status_replaces_the_local_row(filled: Database) -> None:
    queue_followup(filled, args(), associate_id="a1", associate_name="Lê", store_id=STORE_ID)
    pulled = {
        **dict(args()),
        "associate_id": "a1",
        "associate_name": "Lê",
        "store_id": STORE_ID,
        "status": "delivered",
        "status_reason": None,
        "updated_at": "2025-03-01T10:05:00+00:00",
    }
    apply_page(
        filled,
        scope=SCOPE,
        changes=[change("followup", pulled, version=7)],
        cursor="s2",
        last_mutation_id=1,
        snapshot_done=True,
    )
    [view] = followup_views(filled, "c1")
    assert (view.status, view.pending) == ("delivered", False)
    assert outbox.pending(filled) == []


def test_catalog_search_ignores_accents_and_case(filled: Database) -> None:
    found = search_products(filled, "LEGERE elan", store_id=STORE_ID)
    assert [(p.id, p.stock_here) for p in found] == [("p1", 3)]
    assert search_products(filled, "jkt-2", store_id=STORE_ID)[0].stock_here is None
    assert search_products(filled, "   ", store_id=STORE_ID) == []
