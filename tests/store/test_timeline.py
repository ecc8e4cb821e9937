"""The customer timeline: every kind, newest first, filtered by kind, pending marked."""

from __future__ import annotations

from sqlite_utils import Database

from clienteling.store import outbox
from clienteling.store.apply import apply_page
from clienteling.store.queries import add_note, customer_profile
from clienteling.store.timeline import customer_timeline
from clienteling.store.visits import customer_visits, log_visit
from tests.store.conftest import SCOPE, STORE_ID, change
from tests.store.test_products_and_visits import catalog

__all__ = ["catalog"]  # the fixture, used here through its name

LINE = {"product_id": "p1", "sku": "LAP-LEN-0001", "name": "Lenovo ThinkPad X1 Carbon"}


def _history(db: Database) -> None:
    order = {
        "customer_id": "c1",
        "associate_id": None,
        "currency": "EUR",
        "lines": [LINE | {"qty": 1, "unit_price_minor": 1_299_00, "returned_qty": 1}],
        "total_minor": 1_299_00,
    }
    apply_page(
        db,
        scope=SCOPE,
        changes=[
            change(
                "order",
                order
                | {
                    "id": "o1",
                    "channel": "store",
                    "store_id": STORE_ID,
                    "placed_at": "2025-03-01T10:00:00+00:00",
                    "status": "returned",
                },
            ),
            change(
                "order",
                order
                | {
                    "id": "o2",
                    "channel": "web",
                    "store_id": None,
                    "placed_at": "2025-05-01T10:00:00+00:00",
                    "status": "delivered",
                },
            ),
            change(
                "cart",
                {
                    "id": "cart1",
                    "customer_id": "c1",
                    "status": "abandoned",
                    "checkout_step": "shipping",
                    "updated_at": "2025-06-01T10:00:00+00:00",
                    "currency": "EUR",
                    "lines": [LINE | {"qty": 2, "unit_price_minor": 10_00}],
                },
            ),
            change(
                "consent",
                {
                    "id": "k1",
                    "customer_id": "c1",
                    "channel": "sms",
                    "granted": False,
                    "source": "preferences_page",
                    "at": "2025-04-01T10:00:00+00:00",
                },
            ),
            change(
                "visit",
                {
                    "id": "v0",
                    "customer_id": "c1",
                    "store_id": STORE_ID,
                    "associate_id": "a1",
                    "associate_name": "Camille Laurent",
                    "at": "2025-03-01T09:50:00+00:00",
                    "outcome": "bought_here",
                    "reason": None,
                    "reason_text": "",
                    "products": [LINE],
                    "survey_token": "t" * 22,
                },
            ),
            change(
                "visit",
                {
                    "id": "v-other-customer",
                    "customer_id": None,
                    "store_id": STORE_ID,
                    "associate_id": "a1",
                    "associate_name": "Camille Laurent",
                    "at": "2025-03-02T09:50:00+00:00",
                    "outcome": "left_without_buying",
                    "reason": "price",
                    "reason_text": "",
                    "products": [],
                    "survey_token": "u" * 22,
                },
            ),
        ],
        cursor="s2",
        last_mutation_id=0,
        snapshot_done=True,
    )


def test_every_kind_newest_first_with_pending_marked(catalog: Database) -> None:
    _history(catalog)
    log_visit(
        catalog,
        visit_id="v1",
        customer_id="c1",
        outcome="will_buy_online",
        reason="delivery_options",
        reason_text="",
        product_ids=["p1"],
        survey_token="tok-0123456789abcdef",
        associate_id="a1",
        associate_name="Camille Laurent",
        store_id=STORE_ID,
    )
    add_note(
        catalog,
        note_id="n1",
        customer_id="c1",
        text="Rappeler samedi",
        author_id="a1",
        author_name="Camille Laurent",
        store_id=STORE_ID,
    )
    timeline = customer_timeline(catalog, "c1")
    assert [(e.kind, e.id) for e in timeline] == [
        ("note", "n1"),
        ("visit", "v1"),
        ("cart", "cart1"),
        ("order", "o2"),
        ("consent", "k1"),
        ("order", "o1"),
        ("visit", "v0"),
    ]
    by_id = {e.id: e for e in timeline}
    assert by_id["n1"].pending and by_id["v1"].pending
    assert not any(by_id[i].pending for i in ("cart1", "o2", "k1", "o1", "v0"))
    assert (by_id["v1"].status, by_id["v1"].reason) == ("will_buy_online", "delivery_options")
    assert by_id["v1"].items == ["Lenovo ThinkPad X1 Carbon"]
    assert by_id["v0"].store_name == "Paris Opéra" and by_id["v0"].author_name == "Camille Laurent"
    assert (by_id["o1"].channel, by_id["o1"].status) == ("store", "returned")
    assert by_id["cart1"].total_minor == 20_00 and by_id["cart1"].text == "shipping"
    assert (by_id["k1"].status, by_id["k1"].channel) == ("refused", "sms")

    only = customer_timeline(catalog, "c1", kinds={"visit", "consent"})
    assert [e.id for e in only] == ["v1", "k1", "v0"]
    assert [e.id for e in customer_timeline(catalog, "c1", limit=2)] == ["n1", "v1"]
    profile = customer_profile(catalog, "c1", store_id=STORE_ID)
    assert profile is not None and [e.id for e in profile.timeline] == [e.id for e in timeline]


def test_a_customer_without_history_has_an_empty_timeline(catalog: Database) -> None:
    assert customer_timeline(catalog, "c1") == []
    assert customer_timeline(catalog, "nobody") == []


def test_a_visit_the_hub_refused_shows_why_instead_of_pending(catalog: Database) -> None:
    visit = log_visit(
        catalog,
        visit_id="v9",
        customer_id="c1",
        outcome="bought_here",
        reason=None,
        reason_text="",
        product_ids=[],
        survey_token="tok-0123456789abcdef",
        associate_id="a1",
        associate_name="Camille Laurent",
        store_id=STORE_ID,
    )
    assert visit.pending and visit.refused is None
    [queued] = outbox.pending(catalog)
    outbox.mark_rejected(catalog, queued.mutation_id, "the customer belongs to another store")
    [seen] = customer_visits(catalog, "c1")
    assert not seen.pending and seen.refused == "the customer belongs to another store"
    [entry] = customer_timeline(catalog, "c1")
    assert not entry.pending and entry.refused == "the customer belongs to another store"


def test_follow_ups_show_with_how_far_they_got(catalog: Database) -> None:
    """Issue 6: the timeline carries the follow-ups and their opens and clicks."""
    followup = {
        "id": "f1",
        "customer_id": "c1",
        "associate_id": "a1",
        "associate_name": "Camille Laurent",
        "store_id": STORE_ID,
        "channel": "email",
        "template": "products_tried",
        "language": "fr",
        "product_ids": ["p1"],
        "personal_line": "Le gris vous va très bien",
        "status": "clicked",
        "status_reason": None,
        "created_at": "2025-03-02T09:00:00+00:00",
        "updated_at": "2025-03-02T19:00:00+00:00",
    }
    apply_page(
        catalog,
        scope=SCOPE,
        changes=[change("followup", followup, version=9)],
        cursor="s-f",
        last_mutation_id=0,
        snapshot_done=True,
    )
    [entry] = customer_timeline(catalog, "c1", kinds={"followup"})
    assert (entry.kind, entry.id, entry.status, entry.channel) == (
        "followup",
        "f1",
        "clicked",
        "email",
    )
    assert (entry.reason, entry.text) == ("products_tried", "Le gris vous va très bien")
    assert (entry.store_name, entry.author_name) == ("Paris Opéra", "Camille Laurent")
    assert not entry.pending
    assert "f1" in [e.id for e in customer_timeline(catalog, "c1")]


def test_shipping_delivery_and_returns_show_at_their_own_time(catalog: Database) -> None:
    """An order's events (the hub's `orders.events`) are timeline entries of their own,
    under the order's kind, naming the order and what came back."""
    placed = "2025-05-01T10:00:00+00:00"
    events = [
        {"status": "fulfilled", "at": "2025-05-02T09:00:00+00:00"},
        {"status": "delivered", "at": "2025-05-04T15:30:00+00:00"},
        {"status": "partially_returned", "at": "2025-05-12T11:00:00+00:00", "items": ["Dock"]},
    ]
    apply_page(
        catalog,
        scope=SCOPE,
        changes=[
            change(
                "order",
                {
                    "id": "o9",
                    "customer_id": "c1",
                    "associate_id": None,
                    "channel": "web",
                    "store_id": None,
                    "placed_at": placed,
                    "status": "partially_returned",
                    "currency": "EUR",
                    "lines": [LINE | {"qty": 1, "unit_price_minor": 100_00, "returned_qty": 0}],
                    "total_minor": 100_00,
                    "events": events,
                },
            ),
        ],
        cursor="c",
        last_mutation_id=0,
        snapshot_done=True,
    )
    timeline = customer_timeline(catalog, "c1", kinds={"order"})
    assert [(e.id, e.status, e.at.isoformat()) for e in timeline] == [
        ("o9:2", "partially_returned", "2025-05-12T11:00:00+00:00"),
        ("o9:1", "delivered", "2025-05-04T15:30:00+00:00"),
        ("o9:0", "fulfilled", "2025-05-02T09:00:00+00:00"),
        ("o9", "partially_returned", placed),
    ]
    assert {e.related_id for e in timeline[:3]} == {"o9"} and timeline[3].related_id is None
    assert timeline[0].related_at is not None and timeline[0].related_at.isoformat() == placed
    assert timeline[0].items == ["Dock"] and timeline[1].items == []


def test_survey_answers_show_with_their_touchpoint_and_score(catalog: Database) -> None:
    answer = {
        "store_id": STORE_ID,
        "customer_id": "c1",
        "visit_id": "v0",
        "buyer": False,
        "created_at": "2025-05-02T09:00:00+00:00",
    }
    apply_page(
        catalog,
        scope=SCOPE,
        changes=[
            change(
                "feedback", answer | {"id": "f1", "touchpoint": "staff", "score": 4, "text": ""}
            ),
            change(
                "feedback",
                answer | {"id": "f2", "touchpoint": "price", "score": None, "text": "Trop cher"},
            ),
            change(
                "feedback",
                answer
                | {"id": "f3", "customer_id": None, "touchpoint": "staff", "score": 1, "text": ""},
            ),  # anonymous: nobody's
        ],
        cursor="c",
        last_mutation_id=0,
        snapshot_done=True,
    )
    timeline = customer_timeline(catalog, "c1", kinds={"feedback"})
    assert sorted((e.id, e.status, e.reason, e.text, e.channel) for e in timeline) == [
        ("f1", "staff", "4", "", "non_buyer"),
        ("f2", "price", None, "Trop cher", "non_buyer"),
    ]
    assert {e.related_id for e in timeline} == {"v0"}
