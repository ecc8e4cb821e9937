"""Appointments on the hub (issue 6): `appointment.book` / `.reschedule` / `.cancel`
through the outbox, the double-booking refusal, the pull, the paged and scope-enforced
`GET /api/v1/appointments`, and `task.dismiss` counted in the task figures. Both backends."""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.appointments import is_double_booked
from clienteling.domain.ids import uuid7
from clienteling.hub.clock import iso
from clienteling.hub.stats.tasks import task_completion
from clienteling.hub.tables import appointments, tasks

from .conftest import SEED_NOW, SeededHub, sign_in
from .test_sync_pull import pull

# Each test books in a week of its own, far from the seed's and from each other's.
_WEEKS = itertools.count(3)


def _base() -> datetime:
    day = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    return day + timedelta(weeks=next(_WEEKS))


class Device:
    """A signed-in device pushing numbered mutations."""

    def __init__(self, http: httpx.Client, username: str = "demo-associate") -> None:
        self.http = http
        self.body, self.id = sign_in(http, username=username)
        self.next = 1

    def push(self, name: str, args: dict[str, Any]) -> dict[str, Any]:
        mutation = {"id": self.next, "name": name, "args": args, "created_at": iso(_now())}
        self.next += 1
        response = self.http.post(
            "/api/v1/sync/push",
            json={"device_id": self.id, "schema_version": 1, "mutations": [mutation]},
        )
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()["results"][0]
        return result


def _now() -> datetime:
    return datetime.now(UTC)


def book_args(
    customer_id: str, associate_id: str, start: datetime, minutes: int = 30, **extra: Any
) -> dict[str, Any]:
    return {
        "id": str(uuid7()),
        "customer_id": customer_id,
        "associate_id": associate_id,
        "starts_at": iso(start),
        "duration_minutes": minutes,
        "purpose": extra.get("purpose", "Fitting"),
        "note": extra.get("note", ""),
        "created_at": iso(_now()),
    }


def _row(hub: SeededHub, appointment_id: str) -> Any:
    with hub.engine.connect() as conn:
        return conn.execute(
            sa.select(appointments).where(appointments.c.id == appointment_id)
        ).first()


def test_book_pull_and_list(hub: SeededHub, client: httpx.Client) -> None:
    device = Device(client)
    me = device.body["associate"]["id"]
    customer = hub.customer_of(0)
    store = hub.summary["store_ids"][0]
    start = _base()
    args = book_args(customer, me, start, 45, purpose="  Laptop   demo ", note='Bring the 16"')
    assert device.push("appointment.book", args)["status"] == "applied"
    again = device.http.post(  # the same mutation sent again (a lost answer): nothing new
        "/api/v1/sync/push",
        json={
            "device_id": device.id,
            "schema_version": 1,
            "mutations": [{"id": 1, "name": "appointment.book", "args": args, "created_at": ""}],
        },
    )
    assert again.json()["results"][0]["status"] == "duplicate"
    row = _row(hub, args["id"])
    assert row.status == "booked" and row.store_id == store
    assert (row.starts_at, row.ends_at) == (iso(start), iso(start + timedelta(minutes=45)))
    assert row.purpose == "Laptop demo" and row.associate_name == "Camille Laurent"
    assert row.booked_by == me and row.scope == f"store:{store}"

    # Pulled into the store scope as the entity "appointment".
    snapshot = pull(client, device=device.id, scope=f"store:{store}", cursor=None, limit=5000)
    cursor = snapshot.cursor
    while True:
        page = pull(client, device=device.id, scope=f"store:{store}", cursor=cursor, limit=5000)
        cursor = page.cursor
        if not page.has_more:
            break
    later = book_args(customer, me, start + timedelta(hours=2))
    assert device.push("appointment.book", later)["status"] == "applied"
    page = pull(client, device=device.id, scope=f"store:{store}", cursor=cursor)
    pulled = [c for c in page.changes if c.entity == "appointment"]
    assert [c.id for c in pulled] == [later["id"]]
    assert pulled[0].data is not None and pulled[0].data["associate_id"] == me

    # Listed by the REST API: the window, the order, the pages.
    params: dict[str, Any] = {
        "store_id": store,
        "start": iso(start - timedelta(minutes=1)),
        "end": iso(start + timedelta(hours=3)),
        "limit": 1,
    }
    seen: list[dict[str, Any]] = []
    while True:
        answer = client.get("/api/v1/appointments", params=params)
        assert answer.status_code == 200, answer.text
        seen += answer.json()["items"]
        if answer.json()["next"] is None:
            break
        params["next"] = answer.json()["next"]
    assert [a["id"] for a in seen] == [args["id"], later["id"]]
    narrow = client.get(
        "/api/v1/appointments",
        params={
            "store_id": store,
            "start": iso(start + timedelta(hours=1)),
            "end": iso(start + timedelta(hours=5)),
        },
    )
    assert [a["id"] for a in narrow.json()["items"]] == [later["id"]]
    bad = client.get("/api/v1/appointments", params={"start": "tomorrow"})
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_time"


def test_double_booking_is_refused_with_a_reason(hub: SeededHub, client: httpx.Client) -> None:
    device = Device(client)
    me = device.body["associate"]["id"]
    colleague = hub.summary["associates"]["paris-associate-2"]
    lyon = hub.summary["associates"]["lyon-associate"]
    customer = hub.customer_of(0)
    start = _base()
    first = book_args(customer, me, start, 60)
    assert device.push("appointment.book", first)["status"] == "applied"

    clash = device.push("appointment.book", book_args(customer, me, start + timedelta(minutes=30)))
    assert clash["status"] == "rejected"
    assert is_double_booked(clash["reason"])
    assert "Camille Laurent" in clash["reason"]
    # Touching ends do not overlap; another associate at the same time is free.
    after = book_args(customer, me, start + timedelta(hours=1))
    assert device.push("appointment.book", after)["status"] == "applied"
    assert device.push("appointment.book", book_args(customer, colleague, start))["status"] == (
        "applied"
    )
    # An associate of another store, a customer of another store, a bad duration.
    other = device.push("appointment.book", book_args(customer, lyon, start + timedelta(hours=5)))
    assert other["status"] == "rejected" and "this store" in other["reason"]
    foreign = book_args(hub.customer_of(1), me, start + timedelta(hours=6))
    assert device.push("appointment.book", foreign)["status"] == "rejected"
    long = book_args(customer, me, start + timedelta(hours=7), minutes=600)
    assert device.push("appointment.book", long)["status"] == "rejected"

    # Reschedule into the other one's time: refused; to a free time: moved.
    into = {"id": after["id"], "associate_id": me, "starts_at": iso(start), "duration_minutes": 30}
    moved = device.push("appointment.reschedule", into)
    assert moved["status"] == "rejected" and is_double_booked(moved["reason"])
    free = dict(into, starts_at=iso(start + timedelta(hours=3)))
    assert device.push("appointment.reschedule", free)["status"] == "applied"
    assert _row(hub, after["id"]).starts_at == iso(start + timedelta(hours=3))

    # Cancelled: the slot is free again; cancelling twice changes nothing.
    before = _row(hub, first["id"]).version
    assert device.push("appointment.cancel", {"id": first["id"]})["status"] == "applied"
    cancelled = _row(hub, first["id"])
    assert cancelled.status == "cancelled" and cancelled.version > before
    assert device.push("appointment.cancel", {"id": first["id"]})["status"] == "applied"
    assert _row(hub, first["id"]).version == cancelled.version
    retry = book_args(customer, me, start + timedelta(minutes=15))
    assert device.push("appointment.book", retry)["status"] == "applied"


def test_two_terminals_booking_the_same_slot_at_once(hub: SeededHub) -> None:
    """Pushed at the same moment from two devices: exactly one is booked."""
    start = _base()
    customer = hub.customer_of(0)
    results: list[dict[str, Any]] = []
    clients = [httpx.Client(base_url=hub.url, timeout=30) for _ in range(2)]
    try:
        devices = [Device(http) for http in clients]
        me = devices[0].body["associate"]["id"]
        wanted = [book_args(customer, me, start + timedelta(minutes=10 * i)) for i in range(2)]
        go = threading.Barrier(2)

        def push(index: int) -> None:
            go.wait()
            results.append(devices[index].push("appointment.book", wanted[index]))

        workers = [threading.Thread(target=push, args=(i,)) for i in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    finally:
        for http in clients:
            http.close()
    assert sorted(r["status"] for r in results) == ["applied", "rejected"]
    with hub.engine.connect() as conn:
        booked = conn.execute(
            sa.select(sa.func.count())
            .select_from(appointments)
            .where(
                appointments.c.associate_id == me,
                appointments.c.status == "booked",
                appointments.c.starts_at >= iso(start),
                appointments.c.starts_at < iso(start + timedelta(hours=1)),
            )
        ).scalar_one()
    assert booked == 1


def test_task_dismiss_with_a_reason_counts_apart(hub: SeededHub, client: httpx.Client) -> None:
    store = hub.summary["store_ids"][0]
    with hub.engine.connect() as conn:
        open_tasks = conn.execute(
            sa.select(tasks)
            .where(tasks.c.store_id == store, tasks.c.status == "open")
            .order_by(tasks.c.id.desc())
            .limit(2)
        ).all()
    assert len(open_tasks) == 2
    first, second = open_tasks
    window = (iso(SEED_NOW - timedelta(days=3650)), iso(_now() + timedelta(days=1)))
    with hub.engine.connect() as conn:
        before = task_completion(conn, store_id=store, start=window[0], end=window[1])
    device = Device(client)
    vague = device.push("task.dismiss", {"task_id": first.id, "reason": "other", "text": " "})
    assert vague["status"] == "rejected" and "say why" in vague["reason"]
    unknown = device.push("task.dismiss", {"task_id": first.id, "reason": "bored", "text": ""})
    assert unknown["status"] == "rejected"
    args = {"task_id": first.id, "reason": "other", "text": "Moved  to Lyon", "dismissed_at": ""}
    assert device.push("task.dismiss", args)["status"] == "applied"
    reason = {"task_id": second.id, "reason": "do_not_contact", "text": ""}
    assert device.push("task.dismiss", reason)["status"] == "applied"
    # Done after a dismissal (another terminal, offline): the dismissal stands.
    assert device.push("task.done", {"task_id": first.id, "outcome_note": ""})["status"] == (
        "applied"
    )
    with hub.engine.connect() as conn:
        row = conn.execute(sa.select(tasks).where(tasks.c.id == first.id)).one()
        after = task_completion(conn, store_id=store, start=window[0], end=window[1])
    assert (row.status, row.dismiss_reason, row.outcome_note) == (
        "dismissed",
        "other",
        "Moved to Lyon",
    )
    assert row.done_by == device.body["associate"]["id"] and row.version > first.version
    assert after.total.dismissed == before.total.dismissed + 2
    assert after.total.done == before.total.done
    assert sum(a.dismissed for a in after.associates) == after.total.dismissed
    listed = client.get("/api/v1/tasks", params={"store_id": store, "status": "dismissed"})
    assert first.id in [t["id"] for t in listed.json()["items"]]


def test_seeded_appointments_never_overlap_for_an_associate(hub: SeededHub) -> None:
    with hub.engine.connect() as conn:
        rows = conn.execute(sa.select(appointments).where(appointments.c.status == "booked")).all()
        dismissed = conn.execute(
            sa.select(sa.func.count()).select_from(tasks).where(tasks.c.status == "dismissed")
        ).scalar_one()
    seeded = [r for r in rows if r.created_at < iso(SEED_NOW)]
    assert len(seeded) >= 6 * len(hub.summary["store_ids"])
    assert dismissed > 0
    by_associate: dict[str, list[Any]] = {}
    for r in seeded:
        by_associate.setdefault(r.associate_id, []).append(r)
    for mine in by_associate.values():
        mine.sort(key=lambda r: r.starts_at)
        assert all(a.ends_at <= b.starts_at for a, b in itertools.pairwise(mine))


@pytest.mark.parametrize("role", ["associate", "manager"])
def test_other_store_appointments_are_not_listed(
    hub: SeededHub, client: httpx.Client, role: str
) -> None:
    sign_in(client, username=f"demo-{role}")
    answer = client.get("/api/v1/appointments", params={"limit": 500})
    assert answer.status_code == 200
    stores = {a["store_id"] for a in answer.json()["items"]}
    assert stores == {hub.summary["store_ids"][0]}
