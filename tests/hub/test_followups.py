"""`followup.queue` and the delivery worker: queued once, sent once, consent and quiet
hours re-checked at send time, an interrupted send marked for a person (never retried),
several workers at once. Real SMTP (aiosmtpd) and a real HTTP provider on loopback."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.devsinks import FakeProvider, SmtpSink
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import (
    delivery_attempts,
    delivery_jobs,
    followup_links,
    followups,
    survey_links,
)

from .conftest import SeededHub, sign_in
from .followup_kit import (
    NOON,
    Device,
    attempts_of,
    customer_with_contacts,
    delivery_settings,
    queue_args,
    set_consent,
    some_products,
    status_of,
)
from .test_customer_create import pull_all

PUBLIC = "https://shop.example"


@pytest.fixture
def device(client: httpx.Client) -> Device:
    body, device_id = sign_in(client)
    return Device(http=client, device_id=device_id, store_id=body["associate"]["store_id"])


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    with SmtpSink() as running:
        yield running


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    with FakeProvider() as running:
        yield running


def test_queued_once_with_links_and_pulled_by_the_store(device: Device, hub: SeededHub) -> None:
    customer = customer_with_contacts(hub.engine, device.store_id)
    args = queue_args(customer, some_products(hub.engine))
    scope = f"store:{device.store_id}"
    _, cursor = pull_all(device.http, device.device_id, scope)

    assert device.push(("followup.queue", args))[0]["status"] == "applied"
    # The same follow-up again (a retried push after a lost answer, under a new id).
    assert device.push(("followup.queue", args))[0]["status"] == "applied"

    with hub.engine.connect() as conn:
        rows = conn.execute(sa.select(followups).where(followups.c.id == args["id"])).all()
        jobs = conn.execute(
            sa.select(delivery_jobs).where(delivery_jobs.c.followup_id == args["id"])
        ).all()
        kinds = sorted(
            conn.execute(
                sa.select(followup_links.c.kind).where(followup_links.c.followup_id == args["id"])
            ).scalars()
        )
        surveys = conn.execute(
            sa.select(survey_links).where(
                survey_links.c.customer_id == customer, survey_links.c.visit_id.is_(None)
            )
        ).all()
    assert len(rows) == 1 and len(jobs) == 1
    assert rows[0].status == "queued" and rows[0].store_id == device.store_id
    assert rows[0].associate_name and rows[0].product_ids == args["product_ids"]
    assert kinds == ["landing", "open", "reply", "unsubscribe"]
    assert surveys and all(len(s.token) == 43 for s in surveys)

    changes, _ = pull_all(device.http, device.device_id, scope, cursor)
    pulled = [c for c in changes if c["entity"] == "followup" and c["id"] == args["id"]]
    assert len(pulled) == 1
    assert pulled[0]["data"]["status"] == "queued"
    assert pulled[0]["data"]["template"] == "products_tried"


def test_refused_for_another_store_or_unknown_product(device: Device, hub: SeededHub) -> None:
    other_store = next(s for s in hub.summary["store_ids"] if s != device.store_id)
    stranger = customer_with_contacts(hub.engine, other_store)
    mine = customer_with_contacts(hub.engine, device.store_id)
    results = device.push(
        ("followup.queue", queue_args(stranger, [])),
        ("followup.queue", queue_args(mine, ["no-such-product"])),
        ("followup.queue", queue_args(mine, [], template="<script>")),
    )
    assert [r["status"] for r in results] == ["rejected"] * 3
    assert "another store" in results[0]["reason"]
    assert "unknown product" in results[1]["reason"]


def test_email_sent_once_as_multipart_with_signed_links(
    device: Device, hub: SeededHub, sink: SmtpSink
) -> None:
    customer = customer_with_contacts(hub.engine, device.store_id, skip=1)
    set_consent(hub.engine, customer, "email", True)
    args = queue_args(customer, some_products(hub.engine), language="ru", template="thank_you")
    device.push(("followup.queue", args))
    settings = delivery_settings(hub.url, smtp_url=sink.url)

    report = run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON)
    assert args["id"] in report.sent
    assert status_of(hub.engine, args["id"]) == ("sent", None)
    assert attempts_of(hub.engine, args["id"]) == ["sent"]
    again = run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON + timedelta(hours=1))
    assert args["id"] not in again.sent

    mine = [m for m in sink.snapshot() if f"{PUBLIC}/f/" in m.body("plain")]
    with hub.engine.connect() as conn:
        token = conn.execute(
            sa.select(followup_links.c.token).where(
                followup_links.c.followup_id == args["id"], followup_links.c.kind == "landing"
            )
        ).scalar_one()
    mine = [m for m in mine if token in m.body("plain")]
    assert len(mine) == 1
    mail = mine[0]
    assert "Спасибо" in mail.subject
    assert f'href="{PUBLIC}/f/{token}"' in mail.body("html")
    assert "Le gris vous allait très bien." in mail.body("plain")
    assert mail.message.get_content_type() == "multipart/alternative"


def test_sms_and_whatsapp_through_the_provider_with_the_idempotency_key(
    device: Device, hub: SeededHub, provider: FakeProvider
) -> None:
    customer = customer_with_contacts(hub.engine, device.store_id, skip=2)
    set_consent(hub.engine, customer, "sms", True)
    set_consent(hub.engine, customer, "whatsapp", True)
    sms = queue_args(customer, some_products(hub.engine, 1), channel="sms", language="vi")
    wa = queue_args(customer, [], channel="whatsapp", template="birthday", language="en")
    device.push(("followup.queue", sms), ("followup.queue", wa))
    settings = delivery_settings(
        hub.url, sms_provider_url=provider.url, whatsapp_provider_url=provider.url
    )
    report = run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON)
    assert {sms["id"], wa["id"]} <= set(report.sent)
    texts = {m.channel: m for m in provider.snapshot() if m.to.startswith("+")}
    assert "sản phẩm bạn đã thử" in texts["sms"].text
    assert f"{PUBLIC}/f/" in texts["sms"].text
    assert "Happy birthday" in texts["whatsapp"].text
    assert len(texts["sms"].idempotency_key) > 20


def test_no_consent_at_send_time_means_nothing_is_sent(
    device: Device, hub: SeededHub, sink: SmtpSink
) -> None:
    customer = customer_with_contacts(hub.engine, device.store_id, skip=3)
    set_consent(hub.engine, customer, "email", True)
    args = queue_args(customer, [])
    device.push(("followup.queue", args))
    set_consent(hub.engine, customer, "email", False)  # opted out while queued
    before = len(sink.snapshot())
    report = run_pass(
        hub.engine, delivery_settings(hub.url, smtp_url=sink.url), public_url=PUBLIC, now=NOON
    )
    assert args["id"] in report.refused
    assert status_of(hub.engine, args["id"])[0] == "refused_no_consent"
    assert attempts_of(hub.engine, args["id"]) == []
    assert len(sink.snapshot()) == before


def test_quiet_hours_defer_to_the_morning(device: Device, hub: SeededHub, sink: SmtpSink) -> None:
    customer = customer_with_contacts(hub.engine, device.store_id, skip=4)
    set_consent(hub.engine, customer, "email", True)
    args = queue_args(customer, [])
    device.push(("followup.queue", args))
    settings = delivery_settings(
        hub.url, smtp_url=sink.url, quiet_hours_start=21, quiet_hours_end=8
    )
    night = NOON.replace(hour=21)  # 23:00 in Paris
    report = run_pass(hub.engine, settings, public_url=PUBLIC, now=night)
    assert args["id"] in report.deferred
    assert status_of(hub.engine, args["id"])[0] == "queued"
    with hub.engine.connect() as conn:
        job = conn.execute(
            sa.select(delivery_jobs).where(delivery_jobs.c.followup_id == args["id"])
        ).one()
    morning_in_paris = (NOON + timedelta(days=1)).replace(hour=6)  # 08:00 CEST / 07:00 CET
    assert job.state == "pending"
    assert job.not_before in (
        morning_in_paris.isoformat(),
        (morning_in_paris.replace(hour=7)).isoformat(),
    )
    morning = run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON + timedelta(days=1))
    assert args["id"] in morning.sent


class WorkerStopped(BaseException):
    """Raised where a killed worker would stop: after prepare, before the provider."""


def test_a_worker_stopped_after_prepare_leaves_needs_check_never_a_resend(
    device: Device, hub: SeededHub, sink: SmtpSink
) -> None:
    customer = customer_with_contacts(hub.engine, device.store_id, skip=5)
    set_consent(hub.engine, customer, "email", True)
    args = queue_args(customer, [])
    device.push(("followup.queue", args))
    settings = delivery_settings(hub.url, smtp_url=sink.url, delivery_lease_s=30)

    def crash(followup_id: str) -> None:
        if followup_id == args["id"]:
            raise WorkerStopped

    with pytest.raises(WorkerStopped):
        run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON, after_prepare=crash)
    assert status_of(hub.engine, args["id"])[0] == "sending"
    assert attempts_of(hub.engine, args["id"]) == ["prepared"]

    # Within the lease nobody touches it; after it, the next worker marks it for a person.
    early = run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON + timedelta(seconds=5))
    assert args["id"] not in early.needs_check + early.sent
    later = run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON + timedelta(minutes=5))
    assert args["id"] in later.needs_check
    status, reason = status_of(hub.engine, args["id"])
    assert status == "needs_check" and reason
    assert attempts_of(hub.engine, args["id"]) == ["unknown"]
    run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON + timedelta(hours=1))
    assert status_of(hub.engine, args["id"])[0] == "needs_check"
    assert attempts_of(hub.engine, args["id"]) == ["unknown"]  # never sent again


def test_unreachable_smtp_is_retried_later_not_lost(device: Device, hub: SeededHub) -> None:
    customer = customer_with_contacts(hub.engine, device.store_id, skip=6)
    set_consent(hub.engine, customer, "email", True)
    args = queue_args(customer, [])
    device.push(("followup.queue", args))
    with SmtpSink() as gone:
        dead_url = gone.url  # a port with nobody listening once the sink stops
    report = run_pass(
        hub.engine, delivery_settings(hub.url, smtp_url=dead_url), public_url=PUBLIC, now=NOON
    )
    assert args["id"] in report.deferred
    assert status_of(hub.engine, args["id"])[0] == "queued"
    assert attempts_of(hub.engine, args["id"]) == ["not_sent"]
    with SmtpSink() as sink:
        retry = run_pass(
            hub.engine,
            delivery_settings(hub.url, smtp_url=sink.url),
            public_url=PUBLIC,
            now=NOON + timedelta(minutes=5),
        )
        assert args["id"] in retry.sent
        assert attempts_of(hub.engine, args["id"]) == ["not_sent", "sent"]


def test_two_workers_at_once_send_each_message_once(
    device: Device, hub: SeededHub, sink: SmtpSink
) -> None:
    ids = []
    for skip in range(7, 13):
        customer = customer_with_contacts(hub.engine, device.store_id, skip=skip)
        set_consent(hub.engine, customer, "email", True)
        args = queue_args(customer, [], template="win_back", language="en")
        device.push(("followup.queue", args))
        ids.append(args["id"])
    settings = delivery_settings(hub.url, smtp_url=sink.url)
    reports = []
    start = threading.Barrier(2)

    def work(name: str) -> None:
        start.wait()
        reports.append(run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON, worker=name))

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    sent = [fid for report in reports for fid in report.sent if fid in ids]
    assert sorted(sent) == sorted(ids)  # each once, by one of the two
    for followup_id in ids:
        assert status_of(hub.engine, followup_id)[0] == "sent"
        assert attempts_of(hub.engine, followup_id) == ["sent"]
    with hub.engine.connect() as conn:
        keys = set(
            conn.execute(
                sa.text(
                    "SELECT idempotency_key FROM delivery_attempts WHERE followup_id IN :ids"
                ).bindparams(sa.bindparam("ids", expanding=True)),
                {"ids": ids},
            ).scalars()
        )
    received = [m.message["X-Clienteling-Idempotency-Key"] for m in sink.snapshot()]
    assert sorted(k for k in received if k in keys) == sorted(keys)
    assert len(keys) == len(ids)


_KILLED_WORKER = """
import os, signal, sys
from datetime import datetime
from clienteling.hub.db import make_engine
from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.settings import HubSettings

db, smtp, target, now = sys.argv[1:5]

def die(followup_id):
    if followup_id == target:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer or a power cut would

engine = make_engine(db)
settings = HubSettings(db=db, smtp_url=smtp, quiet_hours_start=0, quiet_hours_end=0)
run_pass(engine, settings, public_url="https://shop.example",
         now=datetime.fromisoformat(now), after_prepare=die)
"""


def test_a_worker_killed_after_prepare_sends_nothing_and_leaves_needs_check(
    device: Device, hub: SeededHub, sink: SmtpSink, seeded_db: tuple[str, Any]
) -> None:
    customer = customer_with_contacts(hub.engine, device.store_id, skip=13)
    set_consent(hub.engine, customer, "email", True)
    args = queue_args(customer, [])
    device.push(("followup.queue", args))
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _KILLED_WORKER,
            seeded_db[0],
            sink.url,
            args["id"],
            NOON.isoformat(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    assert status_of(hub.engine, args["id"])[0] == "sending"
    assert attempts_of(hub.engine, args["id"]) == ["prepared"]
    settings = delivery_settings(hub.url, smtp_url=sink.url)
    later = run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON + timedelta(minutes=5))
    assert args["id"] in later.needs_check
    assert attempts_of(hub.engine, args["id"]) == ["unknown"]
    with hub.engine.connect() as conn:
        key = conn.execute(
            sa.select(delivery_attempts.c.idempotency_key).where(
                delivery_attempts.c.followup_id == args["id"]
            )
        ).scalar_one()
    assert key not in [m.message["X-Clienteling-Idempotency-Key"] for m in sink.snapshot()]


def test_a_replayed_push_queues_nothing_twice(device: Device, hub: SeededHub) -> None:
    customer = customer_with_contacts(hub.engine, device.store_id, skip=14)
    args = queue_args(customer, [])
    batch = [{"id": device.last + 1, "name": "followup.queue", "args": args, "created_at": "x"}]
    for expected in ("applied", "duplicate"):
        response = device.http.post(
            "/api/v1/sync/push",
            json={"device_id": device.device_id, "schema_version": 1, "mutations": batch},
        )
        assert response.json()["results"][0]["status"] == expected
    with hub.engine.connect() as conn:
        jobs = conn.execute(
            sa.select(sa.func.count()).where(delivery_jobs.c.followup_id == args["id"])
        ).scalar_one()
    assert jobs == 1


def test_provider_receipts_move_the_status_on(
    device: Device,
    hub: SeededHub,
    provider: FakeProvider,
    seeded_db: tuple[str, Any],
    client: httpx.Client,
) -> None:
    assert client.post("/api/v1/delivery/receipts", json={}).status_code in (403, 422)
    refused = client.post(
        "/api/v1/delivery/receipts", json={"idempotency_key": "k", "status": "delivered"}
    )
    assert refused.status_code == 403 and refused.json()["code"] == "receipts_disabled"
    customer = customer_with_contacts(hub.engine, device.store_id, skip=15)
    set_consent(hub.engine, customer, "sms", True)
    first, second = (queue_args(customer, [], channel="sms") for _ in range(2))
    device.push(("followup.queue", first), ("followup.queue", second))
    receiving = HubServer(
        settings=HubSettings(db=seeded_db[0], port=0, provider_receipts_token="secret-t")
    ).start()
    try:
        provider.receipts_url = f"{receiving.url}/api/v1/delivery/receipts"
        provider.receipts_token = "secret-t"
        settings = delivery_settings(hub.url, sms_provider_url=provider.url)
        report = run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON)
        assert {first["id"], second["id"]} <= set(report.sent)
        with provider.lock:
            provider.lock.wait_for(lambda: provider.receipts_sent >= 2, timeout=30)
        assert status_of(hub.engine, first["id"])[0] == "delivered"

        with hub.engine.connect() as conn:
            key = conn.execute(
                sa.select(delivery_attempts.c.idempotency_key).where(
                    delivery_attempts.c.followup_id == second["id"]
                )
            ).scalar_one()
        with httpx.Client(base_url=receiving.url, timeout=30) as http:
            wrong = http.post(
                "/api/v1/delivery/receipts",
                json={"idempotency_key": key, "status": "bounced"},
                headers={"Authorization": "Bearer nope"},
            )
            assert wrong.status_code == 401
            bounced = http.post(
                "/api/v1/delivery/receipts",
                json={"idempotency_key": key, "status": "bounced"},
                headers={"Authorization": "Bearer secret-t"},
            )
            assert bounced.json() == {"status": "recorded"}
            unknown = http.post(
                "/api/v1/delivery/receipts",
                json={"idempotency_key": "no-such-key", "status": "read"},
                headers={"Authorization": "Bearer secret-t"},
            )
            assert unknown.json() == {"status": "unknown_message"}
        status, reason = status_of(hub.engine, second["id"])
        assert status == "failed" and reason and "bounced" in reason
    finally:
        receiving.stop()


def test_a_receipt_before_the_send_is_recorded_is_applied_on_completion(
    device: Device, hub: SeededHub, provider: FakeProvider
) -> None:
    from clienteling.hub.db import write_tx
    from clienteling.hub.delivery.receipts import record_receipt

    customer = customer_with_contacts(hub.engine, device.store_id, skip=16)
    set_consent(hub.engine, customer, "whatsapp", True)
    args = queue_args(customer, [], channel="whatsapp")
    device.push(("followup.queue", args))

    def receipt_first(followup_id: str) -> None:
        if followup_id != args["id"]:
            return
        with hub.engine.connect() as conn:
            key = conn.execute(
                sa.select(delivery_attempts.c.idempotency_key).where(
                    delivery_attempts.c.followup_id == followup_id
                )
            ).scalar_one()
        with write_tx(hub.engine) as conn:
            assert record_receipt(conn, idempotency_key=key, receipt="read")
        assert status_of(hub.engine, followup_id)[0] == "sending"  # kept for later

    settings = delivery_settings(hub.url, whatsapp_provider_url=provider.url)
    run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON, after_prepare=receipt_first)
    assert status_of(hub.engine, args["id"])[0] == "opened"


def test_demo_data_has_past_follow_ups_that_are_never_sent_again(hub: SeededHub) -> None:
    with hub.engine.connect() as conn:
        seeded = conn.execute(
            sa.select(followups.c.id, followups.c.status, followups.c.scope).where(
                followups.c.personal_line.like("%!%")
            )
        ).all()
        jobs = conn.execute(
            sa.select(sa.func.count())
            .select_from(delivery_jobs)
            .where(delivery_jobs.c.followup_id.in_([r.id for r in seeded]))
        ).scalar_one()
    past = [r for r in seeded if r.status != "needs_check"]
    interrupted = [r.id for r in seeded if r.status == "needs_check"]
    assert len(past) > 5
    assert {r.status for r in past} <= {"sent", "delivered", "opened", "clicked", "converted"}
    assert all(r.scope.startswith("store:") for r in seeded)
    assert jobs == 0
    # A few per store wait for a manager's check (hub.seed_needs_check): each with the
    # one attempt whose outcome is unknown, and no job that could send it again.
    assert len({r.scope for r in seeded if r.status == "needs_check"}) >= 3
    assert [attempts_of(hub.engine, i) for i in interrupted] == [["unknown"]] * len(interrupted)


def test_a_provider_unreachable_on_every_try_ends_failed(device: Device, hub: SeededHub) -> None:
    from clienteling.hub.delivery.worker import MAX_NOT_SENT

    customer = customer_with_contacts(hub.engine, device.store_id, skip=17)
    set_consent(hub.engine, customer, "email", True)
    args = queue_args(customer, [])
    device.push(("followup.queue", args))
    with SmtpSink() as gone:
        settings = delivery_settings(hub.url, smtp_url=gone.url)
    for attempt in range(MAX_NOT_SENT):
        run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON + timedelta(minutes=2 * attempt))
    status, reason = status_of(hub.engine, args["id"])
    assert status == "failed" and reason and f"{MAX_NOT_SENT} tries" in reason
    assert attempts_of(hub.engine, args["id"]) == ["not_sent"] * MAX_NOT_SENT


def test_a_manager_settles_needs_check_after_asking_the_provider(
    device: Device, hub: SeededHub, sink: SmtpSink
) -> None:
    ids = []
    for skip in (18, 19):
        customer = customer_with_contacts(hub.engine, device.store_id, skip=skip)
        set_consent(hub.engine, customer, "email", True)
        args = queue_args(customer, [])
        device.push(("followup.queue", args))
        ids.append(args["id"])
    settings = delivery_settings(hub.url, smtp_url=sink.url, delivery_lease_s=30)

    def crash(followup_id: str) -> None:
        if followup_id in ids:
            raise WorkerStopped

    for seconds in (0, 31):  # the second worker comes after the first one's lease
        with pytest.raises(WorkerStopped):
            at = NOON + timedelta(seconds=seconds)
            run_pass(hub.engine, settings, public_url=PUBLIC, now=at, after_prepare=crash)
    run_pass(hub.engine, settings, public_url=PUBLIC, now=NOON + timedelta(minutes=5))
    assert [status_of(hub.engine, i)[0] for i in ids] == ["needs_check"] * 2

    url = f"/api/v1/followups/{ids[0]}/resolve"
    assert device.http.post(url, json={"outcome": "sent"}).status_code == 403  # associate
    assert device.http.get("/api/v1/followups/needs-check").status_code == 403
    with httpx.Client(base_url=hub.url, timeout=30) as manager:
        sign_in(manager, username="demo-manager")
        listed = manager.get("/api/v1/followups/needs-check")
        assert listed.status_code == 200, listed.text
        waiting = {item["id"]: item for item in listed.json()}
        assert set(ids) <= set(waiting)
        first = waiting[ids[0]]
        assert first["channel"] == "email" and first["store_id"] == device.store_id
        assert first["prepared_at"] and first["worker"] and "interrupted" in first["reason"]
        done = manager.post(url, json={"outcome": "sent"})
        assert done.status_code == 200 and done.json()["status"] == "sent"
        again = manager.post(url, json={"outcome": "not_sent"})
        assert again.status_code == 409
        failed = manager.post(f"/api/v1/followups/{ids[1]}/resolve", json={"outcome": "not_sent"})
        assert failed.json()["status"] == "failed"
        assert (
            manager.post("/api/v1/followups/nope/resolve", json={"outcome": "sent"}).status_code
            == 404
        )
        left = {item["id"] for item in manager.get("/api/v1/followups/needs-check").json()}
        assert not set(ids) & left
    assert status_of(hub.engine, ids[0])[0] == "sent"
    assert attempts_of(hub.engine, ids[0]) == ["sent"]
    status, reason = status_of(hub.engine, ids[1])
    assert status == "failed" and reason and "demo-manager" in reason
