"""`customer.patch`, `consent.set` and identity resolution on the hub (both backends).

Profile fields: last writer wins in hub commit order, the replaced value kept in history.
Consent: an append-only log where an opt-out stands and a stale opt-in is refused.
Merges: a new customer with a known phone, email or card joins the existing customer.
"""

from __future__ import annotations

import threading
from typing import Any

import httpx
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub.identity import merge_customers
from clienteling.hub.tables import (
    audit,
    consent_audit,
    consents,
    customer_field_history,
    customer_merges,
    customers,
    notes,
    tombstones,
)

from .conftest import SeededHub, sign_in
from .test_customer_create import create_args, pull_all
from .test_sync_push import CREATED, note_mutation, push


class Device:
    """One signed-in terminal of store 0 pushing numbered mutations."""

    def __init__(self, hub: SeededHub, *, username: str = "demo-associate") -> None:
        self.http = httpx.Client(base_url=hub.url, timeout=30)
        body, self.id = sign_in(self.http, username=username)
        self.scope = f"store:{body['associate']['store_id']}"
        self.next = 1

    def send(self, *mutations: tuple[str, dict[str, Any]]) -> list[dict[str, Any]]:
        batch = []
        for name, args in mutations:
            batch.append({"id": self.next, "name": name, "args": args, "created_at": CREATED})
            self.next += 1
        response = push(self.http, self.id, batch)
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results

    def close(self) -> None:
        self.http.close()


def new_customer(device: Device, **overrides: Any) -> dict[str, Any]:
    args = create_args(**overrides)
    assert device.send(("customer.create", args))[0]["status"] == "applied"
    return args


def row(hub: SeededHub, customer_id: str) -> Any:
    with hub.engine.connect() as conn:
        return conn.execute(sa.select(customers).where(customers.c.id == customer_id)).first()


def consent_event(
    customer_id: str,
    channel: str,
    *,
    granted: bool,
    based_on: int = 0,
    seen_ids: list[str] | None = None,
    at: str = CREATED,
) -> dict[str, Any]:
    return {
        "id": uuid7(),
        "customer_id": customer_id,
        "channel": channel,
        "granted": granted,
        "based_on": based_on,
        "seen_ids": seen_ids or [],
        "at": at,
    }


def latest_consent(hub: SeededHub, customer_id: str, channel: str) -> tuple[bool, int]:
    with hub.engine.connect() as conn:
        found = conn.execute(
            sa.select(consents.c.granted, consents.c.version)
            .where(consents.c.customer_id == customer_id, consents.c.channel == channel)
            .order_by(consents.c.version.desc())
            .limit(1)
        ).one()
    return bool(found.granted), int(found.version)


# --- customer.patch --------------------------------------------------------------------


def test_last_patch_to_commit_wins_and_the_loser_is_kept(hub: SeededHub) -> None:
    first, second = Device(hub), Device(hub)
    try:
        customer = new_customer(first)
        # Both terminals edited offline; `second` edited "earlier" by its clock, but its
        # push reaches the hub last: commit order decides, never a terminal clock.
        assert (
            first.send(("customer.patch", {"customer_id": customer["id"], "family_name": "Trần"}))[
                0
            ]["status"]
            == "applied"
        )
        assert (
            second.send(
                ("customer.patch", {"customer_id": customer["id"], "family_name": "  Lê  "})
            )[0]["status"]
            == "applied"
        )
    finally:
        first.close()
        second.close()
    stored = row(hub, customer["id"])
    assert stored.family_name == "Lê"
    assert stored.display_name == "Élodie Lê"
    assert stored.given_name == "Élodie"  # fields not sent stay
    with hub.engine.connect() as conn:
        history = conn.execute(
            sa.select(
                customer_field_history.c.field,
                customer_field_history.c.old_value,
                customer_field_history.c.new_value,
                customer_field_history.c.device_id,
            )
            .where(customer_field_history.c.customer_id == customer["id"])
            .order_by(customer_field_history.c.changed_at, customer_field_history.c.id)
        ).all()
    assert [(h.field, h.old_value, h.new_value) for h in history] == [
        ("family_name", "Nguyễn", "Trần"),
        ("family_name", "Trần", "Lê"),
    ]
    assert [h.device_id for h in history] == [first.id, second.id]


def test_preferences_merge_per_key(client: httpx.Client, hub: SeededHub) -> None:
    a, b = Device(hub), Device(hub)
    try:
        customer = new_customer(a)
        cid = customer["id"]
        a.send(("customer.patch", {"customer_id": cid, "preferences": {"sizes": {"top": "M"}}}))
        b.send(
            (
                "customer.patch",
                {
                    "customer_id": cid,
                    "preferences": {"brands": ["Atelier Nord"], "dates": {"birthday": "14/05"}},
                },
            )
        )
        a.send(("customer.patch", {"customer_id": cid, "preferences": {"brands": None}}))
    finally:
        a.close()
        b.close()
    assert row(hub, cid).preferences == {"sizes": {"top": "M"}, "dates": {"birthday": "--05-14"}}


def test_patch_is_pulled_with_a_new_version(client: httpx.Client, hub: SeededHub) -> None:
    device = Device(hub)
    try:
        customer = new_customer(device, preferred_channel="email")
        _, cursor = pull_all(device.http, device.id, device.scope)
        device.send(
            (
                "customer.patch",
                {
                    "customer_id": customer["id"],
                    "phones": ["+33698765432"],
                    "emails": ["Nouvelle@Example.FR"],
                    "preferred_channel": "sms",
                    "language": "vi",
                },
            )
        )
        changes, _ = pull_all(device.http, device.id, device.scope, cursor)
        again = device.send(
            ("customer.patch", {"customer_id": customer["id"], "preferred_channel": "sms"})
        )
        unchanged, _ = pull_all(device.http, device.id, device.scope, _)
    finally:
        device.close()
    pulled = [c for c in changes if c["id"] == customer["id"]]
    assert len(pulled) == 1
    data = pulled[0]["data"]
    assert data["phones"] == ["+33698765432"]
    assert data["emails"] == ["nouvelle@example.fr"]
    assert data["display_name"] == "Nguyễn Élodie"  # Vietnamese order
    assert again[0]["status"] == "applied"
    assert [c for c in unchanged if c["id"] == customer["id"]] == []  # nothing changed


def test_invalid_patches_are_refused_with_a_reason(client: httpx.Client, hub: SeededHub) -> None:
    device = Device(hub)
    try:
        cid = new_customer(device)["id"]
        results = device.send(
            ("customer.patch", {"customer_id": cid, "given_name": "   "}),
            ("customer.patch", {"customer_id": cid, "phones": ["0612345678"]}),
            ("customer.patch", {"customer_id": cid, "emails": ["not-an-email"]}),
            ("customer.patch", {"customer_id": cid, "loyalty_points": 10_000}),
            (
                "customer.patch",
                {"customer_id": cid, "preferences": {"dates": {"birthday": "31/02"}}},
            ),
            ("customer.patch", {"customer_id": hub.customer_of(2), "given_name": "X"}),
            ("customer.patch", {"customer_id": cid, "given_name": None}),
        )
    finally:
        device.close()
    assert [r["status"] for r in results] == ["rejected"] * 7
    assert "another store" in results[5]["reason"]
    assert row(hub, cid).given_name == "Élodie"


# --- consent.set -----------------------------------------------------------------------


def test_an_opt_out_stands_and_a_stale_opt_in_is_refused_and_audited(hub: SeededHub) -> None:
    a, b = Device(hub), Device(hub)
    try:
        customer = new_customer(a)
        cid = customer["id"]
        _granted, seen = latest_consent(hub, cid, "sms")  # both terminals pulled this
        # Offline: `a` opts the customer out of SMS, `b` (knowing only `seen`) re-records
        # an opt-in. Whichever order they arrive in, the opt-out stands.
        out = a.send(("consent.set", consent_event(cid, "sms", granted=False, based_on=seen)))
        stale = b.send(("consent.set", consent_event(cid, "sms", granted=True, based_on=seen)))
    finally:
        a.close()
        b.close()
    assert out[0]["status"] == "applied"
    assert stale[0]["status"] == "rejected"
    assert "ask the customer again" in stale[0]["reason"]
    assert latest_consent(hub, cid, "sms")[0] is False
    with hub.engine.connect() as conn:
        audit = conn.execute(
            sa.select(consent_audit.c.outcome, consent_audit.c.granted, consent_audit.c.device_id)
            .where(consent_audit.c.customer_id == cid)
            .order_by(consent_audit.c.at, consent_audit.c.id)
        ).all()
    assert [(r.outcome, r.granted) for r in audit] == [("recorded", False), ("refused", True)]
    assert audit[1].device_id == b.id


def test_an_opt_in_that_knew_the_opt_out_is_recorded(hub: SeededHub) -> None:
    a = Device(hub)
    try:
        customer = new_customer(a)
        cid = customer["id"]
        at_signup = [c["id"] for c in customer["consents"]]  # not pulled by `a` yet
        opt_out = consent_event(cid, "email", granted=False, seen_ids=at_signup)
        # Same terminal, offline: opt out, then (the customer changed their mind) opt in,
        # knowing its own events that have no version yet.
        opt_in = consent_event(cid, "email", granted=True, seen_ids=[*at_signup, opt_out["id"]])
        results = a.send(("consent.set", opt_out), ("consent.set", opt_in))
        _granted, version = latest_consent(hub, cid, "email")  # `a` pulled up to here
        again_out = consent_event(cid, "email", granted=False, based_on=version)
        again_in = consent_event(cid, "email", granted=True, seen_ids=[again_out["id"]])
        again_in["based_on"] = version
        later = a.send(("consent.set", again_out), ("consent.set", again_in))
    finally:
        a.close()
    assert [r["status"] for r in results + later] == ["applied"] * 4
    assert latest_consent(hub, cid, "email")[0] is True


def test_an_opt_out_elsewhere_beats_an_opt_in_after_an_own_opt_out(hub: SeededHub) -> None:
    a, b = Device(hub), Device(hub)
    try:
        customer = new_customer(a)
        cid = customer["id"]
        _granted, seen = latest_consent(hub, cid, "sms")
        a_out = consent_event(cid, "sms", granted=False, based_on=seen)
        b_out = consent_event(cid, "sms", granted=False, based_on=seen)
        b_in = consent_event(cid, "sms", granted=True, based_on=seen, seen_ids=[b_out["id"]])
        a.send(("consent.set", a_out))
        results = b.send(("consent.set", b_out), ("consent.set", b_in))
    finally:
        a.close()
        b.close()
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert latest_consent(hub, cid, "sms")[0] is False


def test_a_consent_dated_in_the_future_is_dated_now(hub: SeededHub) -> None:
    a = Device(hub)
    try:
        cid = new_customer(a)["id"]
        event = consent_event(cid, "whatsapp", granted=True, at="2999-01-01T00:00:00+00:00")
        assert a.send(("consent.set", event))[0]["status"] == "applied"
        again = a.send(("consent.set", event))  # the same event id again: nothing new
    finally:
        a.close()
    assert again[0]["status"] == "applied"
    with hub.engine.connect() as conn:
        ats = conn.execute(sa.select(consents.c.at).where(consents.c.id == event["id"])).all()
    assert len(ats) == 1 and ats[0].at < "2100"


# --- identity resolution -----------------------------------------------------------------


def test_same_phone_created_twice_is_merged_and_old_id_resolves(hub: SeededHub) -> None:
    a, b = Device(hub), Device(hub)
    try:
        first = new_customer(a)
        _, cursor = pull_all(b.http, b.id, b.scope)
        # `b` created the same person offline (same phone, another email), with an SMS
        # opt-in, then wrote a note and a patch against its own id.
        twin = create_args(phones=first["phones"], given_name="Elodie")
        note = note_mutation(0, customer_id=twin["id"], text="Cherche un manteau.")["args"]
        results = b.send(
            ("customer.create", twin),
            ("note.add", note),
            ("customer.patch", {"customer_id": twin["id"], "preferences": {"style": "classique"}}),
        )
        changes, _ = pull_all(b.http, b.id, b.scope, cursor)
    finally:
        a.close()
        b.close()
    assert [r["status"] for r in results] == ["applied"] * 3
    assert row(hub, twin["id"]) is None
    survivor = row(hub, first["id"])
    assert survivor.given_name == "Élodie"  # the survivor keeps its values
    assert survivor.emails == [first["emails"][0], twin["emails"][0]]
    assert survivor.preferences == {"style": "classique"}
    with hub.engine.connect() as conn:
        moved = conn.execute(sa.select(notes.c.customer_id).where(notes.c.id == note["id"])).one()
        merge = conn.execute(
            sa.select(customer_merges).where(customer_merges.c.id == twin["id"])
        ).one()
        gone = conn.execute(sa.select(tombstones).where(tombstones.c.entity_id == twin["id"])).one()
        twin_consents = conn.execute(
            sa.select(consents.c.customer_id).where(
                consents.c.id.in_([c["id"] for c in twin["consents"]])
            )
        ).all()
    assert moved.customer_id == first["id"]
    assert (merge.survivor_id, merge.matched_on) == (first["id"], "phone")
    assert gone.entity == "customer"
    assert {c.customer_id for c in twin_consents} == {first["id"]}
    resolved = httpx.get(f"{hub.url}/api/v1/customers/{twin['id']}", headers=dict(b.http.headers))
    assert resolved.json()["customer"]["id"] == first["id"]
    assert note["id"] in [n["id"] for n in resolved.json()["notes"]]
    kinds = {(c["entity"], c["op"], c["id"]) for c in changes}
    assert ("customer_merge", "upsert", twin["id"]) in kinds
    assert ("customer", "delete", twin["id"]) in kinds


def test_email_match_is_case_blind_and_an_opt_out_survives_the_merge(hub: SeededHub) -> None:
    a = Device(hub)
    try:
        first = new_customer(a)
        a.send(("consent.set", consent_event(first["id"], "sms", granted=False, based_on=10**9)))
        twin = create_args(
            phones=[], emails=[first["emails"][0].upper()], family_name="Nguyen"
        )  # created elsewhere with an SMS opt-in (create_args grants SMS)
        assert a.send(("customer.create", twin))[0]["status"] == "applied"
    finally:
        a.close()
    assert row(hub, twin["id"]) is None
    assert latest_consent(hub, first["id"], "sms")[0] is False
    with hub.engine.connect() as conn:
        merge = conn.execute(
            sa.select(customer_merges.c.matched_on).where(customer_merges.c.id == twin["id"])
        ).scalar_one()
    assert merge == "email"


def test_a_merge_moves_every_linked_row(hub: SeededHub) -> None:
    """Two existing customers (each with notes and consents) merged on the hub."""
    a = Device(hub)
    try:
        keep, lose = new_customer(a), new_customer(a)
        note = note_mutation(0, customer_id=lose["id"])["args"]
        a.send(("note.add", note))
        a.send(("customer.patch", {"customer_id": lose["id"], "given_name": "Lola"}))
    finally:
        a.close()
    older = uuid7()
    scope = row(hub, lose["id"]).scope
    with hub.engine.begin() as conn:
        conn.execute(
            sa.insert(customer_merges).values(
                id=older,
                survivor_id=lose["id"],
                matched_on="phone",
                merged_at=CREATED,
                scope=scope,
                version=0,
            )
        )
        merge_customers(
            conn, merged_id=lose["id"], survivor_id=keep["id"], matched_on="phone", actor=None
        )
    with hub.engine.connect() as conn:
        note_owner = conn.execute(
            sa.select(notes.c.customer_id).where(notes.c.id == note["id"])
        ).scalar_one()
        history_owners = set(
            conn.execute(
                sa.select(customer_field_history.c.customer_id).where(
                    customer_field_history.c.field == "given_name",
                    customer_field_history.c.customer_id.in_([keep["id"], lose["id"]]),
                )
            ).scalars()
        )
        chain = conn.execute(
            sa.select(customer_merges.c.survivor_id).where(customer_merges.c.id == older)
        ).scalar_one()
    assert note_owner == keep["id"]
    assert history_owners == {keep["id"]}
    assert chain == keep["id"]  # no chains: old ids resolve in one step
    assert row(hub, lose["id"]) is None


def test_history_endpoint_shows_replaced_values_and_refusals(
    client: httpx.Client, hub: SeededHub
) -> None:
    a, b = Device(hub), Device(hub)
    try:
        cid = new_customer(a)["id"]
        _granted, seen = latest_consent(hub, cid, "sms")
        a.send(("customer.patch", {"customer_id": cid, "given_name": "Ana"}))
        a.send(("consent.set", consent_event(cid, "sms", granted=False, based_on=seen)))
        b.send(("consent.set", consent_event(cid, "sms", granted=True, based_on=seen)))
        sign_in(client)
        body = client.get(f"/api/v1/customers/{cid}/history").json()
        other_store = client.get(f"/api/v1/customers/{hub.customer_of(2)}/history")
    finally:
        a.close()
        b.close()
    assert [(f["field"], f["old_value"], f["new_value"]) for f in body["fields"]] == [
        ("given_name", "Élodie", "Ana")
    ]
    assert body["fields"][0]["device_id"] == a.id
    outcomes = sorted((c["outcome"], c["granted"]) for c in body["consents"])
    assert outcomes == [("recorded", False), ("refused", True)]
    assert other_store.status_code == 404
    with hub.engine.connect() as conn:  # the read is audited, as every customer read
        reads = conn.execute(
            sa.select(audit.c.detail).where(audit.c.customer_id == cid, audit.c.detail == "history")
        ).all()
    assert len(reads) == 1


def test_the_same_person_created_at_once_on_many_terminals_is_one_customer(
    hub: SeededHub,
) -> None:
    """Concurrent creations with one phone: each sees the ones committed before it (on
    PostgreSQL they take turns on the phone's advisory lock), so all merge into one."""
    devices = [Device(hub) for _ in range(6)]
    phone = f"+3361{int(uuid7()[-8:], 16) % 10**7:07d}"
    twins = [create_args(phones=[phone]) for _ in devices]
    start = threading.Barrier(len(devices))
    statuses: list[str] = []

    def create(device: Device, args: dict[str, Any]) -> None:
        start.wait()
        statuses.extend(r["status"] for r in device.send(("customer.create", args)))

    threads = [
        threading.Thread(target=create, args=(d, a)) for d, a in zip(devices, twins, strict=True)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for device in devices:
            device.close()
    assert statuses == ["applied"] * len(devices)
    ids = [t["id"] for t in twins]
    with hub.engine.connect() as conn:
        alive = conn.execute(sa.select(customers.c.id).where(customers.c.id.in_(ids))).all()
        merged = dict(
            conn.execute(
                sa.select(customer_merges.c.id, customer_merges.c.survivor_id).where(
                    customer_merges.c.id.in_(ids)
                )
            ).all()
        )
    assert len(alive) == 1
    survivor = alive[0].id
    assert merged == {i: survivor for i in ids if i != survivor}
