"""Profile changes, consent and merges in the cache: optimistic, never undone by a pull
while unacknowledged, taken back when refused, re-pointed by a merge."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest
from sqlite_utils import Database

from clienteling.domain.errors import ValidationError
from clienteling.protocol.models import Change
from clienteling.store import outbox
from clienteling.store.apply import apply_page
from clienteling.store.profile import (
    patch_customer,
    resolve_local,
    set_consent,
    sync_state,
    undo_rejected,
)
from clienteling.store.queries import add_note, customer_profile
from clienteling.store.search import search_customers
from clienteling.store.timeline import customer_timeline
from tests.store.conftest import SCOPE, STORE_ID, change, customer


def pull(db: Database, changes: Sequence[Change], *, last: int = 0) -> None:
    apply_page(
        db, scope=SCOPE, changes=changes, cursor="c", last_mutation_id=last, snapshot_done=True
    )


def names(db: Database, customer_id: str) -> tuple[str, str, str]:
    profile = customer_profile(db, customer_id, store_id=STORE_ID)
    assert profile is not None
    return profile.given_name, profile.family_name, profile.display_name


def queued(db: Database) -> list[tuple[str, dict[str, object]]]:
    return [(m.name, m.args) for m in outbox.pending(db)]


@pytest.fixture
def ana(db: Database) -> str:
    pull(db, [customer("c1", given="Ana", family="Lopez", emails=["client1@example.com"])])
    return "c1"


def test_a_patch_is_local_at_once_and_queues_only_what_changed(db: Database, ana: str) -> None:
    changed = patch_customer(
        db, ana, {"given_name": " Zoé ", "family_name": "Lopez", "preferences": {"style": "chic"}}
    )
    assert changed == ["given_name", "preferences.style"]
    assert names(db, ana) == ("Zoé", "Lopez", "Zoé Lopez")
    assert [h.id for h in search_customers(db, "zoe")] == [ana]
    assert search_customers(db, "ana lopez") == []
    assert queued(db) == [
        (
            "customer.patch",
            {"customer_id": ana, "given_name": "Zoé", "preferences": {"style": "chic"}},
        )
    ]
    assert patch_customer(db, ana, {"given_name": "Zoé"}) == []  # nothing new, nothing queued
    assert len(queued(db)) == 1
    state = sync_state(db, ana)
    assert state.pending_fields == {"given_name", "preferences.style"}


def test_a_pull_keeps_unacknowledged_fields(db: Database, ana: str) -> None:
    patch_customer(db, ana, {"given_name": "Zoé"})
    # The hub changed another field meanwhile; it has not applied our patch yet.
    pull(db, [customer(ana, given="Ana", family="López", version=2)], last=0)
    assert names(db, ana)[:2] == ("Zoé", "López")
    assert [h.id for h in search_customers(db, "zoe lopez")] == [ana]
    # Acknowledged, and the hub's row carries it: the shadow goes, the row is the hub's.
    pull(db, [customer(ana, given="Zoé", family="López", version=3)], last=1)
    assert names(db, ana)[:2] == ("Zoé", "López")
    assert sync_state(db, ana).pending_fields == frozenset()
    assert db.conn.execute("SELECT count(*) FROM customer_shadow").fetchone()[0] == 0


def test_a_refused_patch_is_taken_back(db: Database, ana: str) -> None:
    patch_customer(db, ana, {"given_name": "Zoé", "preferences": {"brands": ["Nord"]}})
    patch_customer(db, ana, {"family_name": "Roy"})
    outbox.mark_rejected(db, 1, "the customer belongs to another store")
    undo_rejected(db, 1)
    assert names(db, ana)[:2] == ("Ana", "Roy")  # the second patch still pending
    profile = customer_profile(db, ana, store_id=STORE_ID)
    assert profile is not None and profile.preferences == {}
    assert sync_state(db, ana).refused == ("the customer belongs to another store",)


def test_invalid_values_are_refused_here(db: Database, ana: str) -> None:
    for fields in (
        {"given_name": "  "},
        {"phones": ["0612345678"]},
        {"emails": ["nope"]},
        {"preferences": {"dates": {"birthday": "30/02"}}},
        {"preferences": {"colour": "red"}},
    ):
        with pytest.raises(ValidationError):
            patch_customer(db, ana, fields)
    assert queued(db) == []


def test_consent_is_pending_until_pulled_and_undone_when_refused(db: Database, ana: str) -> None:
    pull(
        db,
        [
            change(
                "consent",
                {
                    "id": "k1",
                    "customer_id": ana,
                    "channel": "sms",
                    "granted": False,
                    "source": "web",
                    "at": "2030-01-01T00:00:00+00:00",  # a clock ahead: order is by version
                },
                version=5,
            )
        ],
    )
    assert set_consent(db, customer_id=ana, channel="sms", granted=False, consent_id="x") is False
    assert set_consent(db, customer_id=ana, channel="sms", granted=True, consent_id="k2")
    args = queued(db)[0][1]
    assert (args["based_on"], args["seen_ids"], args["granted"]) == (5, [], True)
    view = {c.channel: c for c in customer_profile(db, ana, store_id=STORE_ID).consents}  # type: ignore[union-attr]
    assert view["sms"].granted and view["sms"].pending
    assert sync_state(db, ana).pending_channels == {"sms"}
    outbox.mark_rejected(db, 1, "withdrawn elsewhere")
    undo_rejected(db, 1)
    view = {c.channel: c for c in customer_profile(db, ana, store_id=STORE_ID).consents}  # type: ignore[union-attr]
    assert not view["sms"].granted and not view["sms"].pending


def test_an_acknowledged_consent_is_no_longer_pending_before_the_pull(
    db: Database, ana: str
) -> None:
    assert set_consent(db, customer_id=ana, channel="email", granted=True, consent_id="k1")
    assert set_consent(db, customer_id=ana, channel="sms", granted=True, consent_id="k2")
    outbox.acknowledge(db, 1)  # the hub has the email consent, not yet pulled back
    view = {c.channel: c for c in customer_profile(db, ana, store_id=STORE_ID).consents}  # type: ignore[union-attr]
    assert view["email"].granted and not view["email"].pending
    assert view["sms"].granted and view["sms"].pending
    assert sync_state(db, ana).pending_channels == {"sms"}
    timeline = [e for e in customer_timeline(db, ana) if e.kind == "consent"]
    assert {(e.channel, e.pending) for e in timeline} == {("email", False), ("sms", True)}


def test_a_pulled_merge_repoints_local_rows_and_the_outbox(db: Database, ana: str) -> None:
    pull(db, [customer("c2", given="Ana", family="Lopes", emails=["client1@example.com"])])
    add_note(
        db,
        note_id="n1",
        customer_id="c2",
        text="Cherche un manteau.",
        author_id="a1",
        author_name="Sophie",
        store_id=STORE_ID,
    )
    patch_customer(db, "c2", {"preferences": {"sizes": {"top": "M"}}})
    merge = change(
        "customer_merge",
        {
            "id": "c2",
            "survivor_id": ana,
            "matched_on": "email",
            "merged_at": "2025-06-01T10:00:00+00:00",
        },
        version=7,
    )
    pull(db, [merge, Change(entity="customer", op="delete", id="c2", version=6)])
    assert resolve_local(db, "c2") == ana
    survivor = customer_profile(db, ana, store_id=STORE_ID)
    assert survivor is not None
    assert [n.id for n in survivor.notes] == ["n1"]
    assert survivor.preferences == {"sizes": {"top": "M"}}  # pending patch, re-pointed
    assert [json.loads(json.dumps(a))["customer_id"] for _n, a in queued(db)] == [ana, ana]
    assert [h.id for h in search_customers(db, "lopes")] == []
    assert customer_profile(db, "c2", store_id=STORE_ID) is None


def test_a_refusal_after_an_acknowledged_patch_goes_back_to_the_acknowledged_value(
    db: Database, ana: str
) -> None:
    patch_customer(db, ana, {"given_name": "Zoé"})
    outbox.acknowledge(db, 1)  # the hub has "Zoé" (its row not pulled yet)
    patch_customer(db, ana, {"given_name": "Zoë", "preferences": {"style": "chic"}})
    outbox.mark_rejected(db, 2, "refused")
    undo_rejected(db, 2)
    profile = customer_profile(db, ana, store_id=STORE_ID)
    assert profile is not None
    assert (profile.given_name, profile.preferences) == ("Zoé", {})
