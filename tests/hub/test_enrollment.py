"""Enrollment codes and `POST /api/v1/devices/enroll`: one-time, expiring, bound to a
store, stored only as a hash, rate limited, audited; and how sign-in then treats the
enrolled terminal."""

from __future__ import annotations

import hashlib
import re
import shutil
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.cli import main
from clienteling.hub import enrollment
from clienteling.hub.clock import utc_now
from clienteling.hub.db import make_engine, migrate, write_tx
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import audit, device_enrollments, devices, enrollment_codes

from .api_support import role_clients
from .conftest import NewDb, SeededHub, new_device, sign_in

CODE_SHAPE = re.compile(r"^[A-HJKMNP-TW-Z2-9]{4}-[A-HJKMNP-TW-Z2-9]{4}-[A-HJKMNP-TW-Z2-9]{4}$")


def _address() -> dict[str, str]:
    """A client address of the test's own, so wrong codes of one test never rate limit
    another."""
    return {"X-Forwarded-For": f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"}


def _enroll(
    http: httpx.Client,
    code: str,
    *,
    device: str | None = None,
    store_id: str | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    body: dict[str, Any] = {"code": code, "device_id": device or new_device()}
    if store_id is not None:
        body["store_id"] = store_id
    return httpx.post(
        f"{http.base_url}/api/v1/devices/enroll", json=body, headers=headers or _address()
    )


@pytest.fixture(scope="module")
def staff(hub: SeededHub) -> Iterator[dict[str, httpx.Client]]:
    with role_clients(hub) as clients:
        yield clients


def _new_code(admin: httpx.Client, store_id: str | None, hours: float = 24) -> dict[str, Any]:
    response = admin.post(
        "/api/v1/enrollment-codes", json={"store_id": store_id, "expires_in_hours": hours}
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_an_admin_code_enrolls_one_terminal_for_its_store(
    staff: dict[str, httpx.Client], hub: SeededHub
) -> None:
    store_id = hub.summary["store_ids"][1]
    made = _new_code(staff["admin"], store_id)
    assert CODE_SHAPE.match(made["code"]), made["code"]
    assert made["store_id"] == store_id and made["used_at"] is None
    device = new_device()
    answer = _enroll(staff["admin"], made["code"].lower().replace("-", " "), device=device)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["store"]["id"] == store_id and body["device_id"] == device
    secret = body["device_secret"]
    assert len(secret) >= 32
    with hub.engine.connect() as conn:
        code_row = conn.execute(
            sa.select(enrollment_codes).where(enrollment_codes.c.id == made["id"])
        ).one()
        enrolled = conn.execute(
            sa.select(device_enrollments).where(device_enrollments.c.device_id == device)
        ).one()
        device_row = conn.execute(sa.select(devices).where(devices.c.id == device)).one()
        actions = set(
            conn.execute(
                sa.select(audit.c.action).where(
                    sa.or_(audit.c.device_id == device, audit.c.detail.contains(made["id"]))
                )
            ).scalars()
        )
    # Only hashes are kept: neither the code nor the secret is in the database.
    assert made["code"] not in str(tuple(code_row)) and code_row.used_by_device == device
    assert enrolled.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(tuple(enrolled))
    assert device_row.store_id == store_id
    assert {"enrollment_code.create", "device.enroll"} <= actions
    listed = staff["admin"].get("/api/v1/enrollment-codes").json()["items"]
    mine = next(c for c in listed if c["id"] == made["id"])  # the newest: on the first page
    assert mine["used_by_device"] == device and "code" not in mine

    again = _enroll(staff["admin"], made["code"])
    assert again.status_code == 410
    assert again.json()["code"] == "enrollment_code_used"
    assert "already used" in again.json()["message"]


def test_only_admins_make_or_list_codes(staff: dict[str, httpx.Client], hub: SeededHub) -> None:
    store_id = hub.summary["store_ids"][0]
    for role in ("associate", "manager"):
        refused = staff[role].post("/api/v1/enrollment-codes", json={"store_id": store_id})
        assert refused.status_code == 403, role
        assert refused.json()["code"] == "forbidden_role"
        assert staff[role].get("/api/v1/enrollment-codes").status_code == 403
    anonymous = httpx.post(f"{hub.url}/api/v1/enrollment-codes", json={"store_id": store_id})
    assert anonymous.status_code == 401
    unknown = staff["admin"].post("/api/v1/enrollment-codes", json={"store_id": "no-such"})
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "store_not_found"


def test_wrong_expired_and_withdrawn_codes_are_refused_clearly(
    staff: dict[str, httpx.Client], hub: SeededHub
) -> None:
    admin = staff["admin"]
    wrong = _enroll(admin, "AAAA-BBBB-CCCC")
    assert wrong.status_code == 404
    assert wrong.json()["code"] == "enrollment_code_invalid"
    with write_tx(hub.engine) as conn:
        expired = enrollment.create_code(
            conn,
            store_id=hub.summary["store_ids"][0],
            ttl=timedelta(hours=1),
            now=utc_now() - timedelta(hours=2),
            created_by=None,
        )
    late = _enroll(admin, expired.code)
    assert late.status_code == 410
    assert late.json()["code"] == "enrollment_code_expired"
    assert "expired" in late.json()["message"]
    made = _new_code(admin, hub.summary["store_ids"][0])
    revoked = admin.post(f"/api/v1/enrollment-codes/{made['id']}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    withdrawn = _enroll(admin, made["code"])
    assert withdrawn.status_code == 410
    assert withdrawn.json()["code"] == "enrollment_code_revoked"


def test_a_code_for_one_store_does_not_enroll_another(
    staff: dict[str, httpx.Client], hub: SeededHub
) -> None:
    first, second = hub.summary["store_ids"][:2]
    made = _new_code(staff["admin"], first)
    other = _enroll(staff["admin"], made["code"], store_id=second)
    assert other.status_code == 403
    assert other.json()["code"] == "wrong_store"
    # Refused for the store, the code is still good for its own store.
    assert _enroll(staff["admin"], made["code"], store_id=first).status_code == 200


def test_a_code_without_a_store_lets_the_terminal_choose(
    staff: dict[str, httpx.Client], hub: SeededHub
) -> None:
    made = _new_code(staff["admin"], None)
    device = new_device()
    ask = _enroll(staff["admin"], made["code"], device=device)
    assert ask.status_code == 409
    assert ask.json()["code"] == "store_required"
    offered = {s["id"] for s in ask.json()["detail"]["stores"]}
    assert offered == set(hub.summary["store_ids"])
    chosen = hub.summary["store_ids"][2]
    answer = _enroll(staff["admin"], made["code"], device=device, store_id=chosen)
    assert answer.status_code == 200, answer.text
    assert answer.json()["store"]["id"] == chosen


def _sign_in(
    hub: SeededHub, *, device: str, secret: str | None, username: str = "demo-associate"
) -> httpx.Response:
    body: dict[str, Any] = {"username": username, "password": "demo", "device_id": device}
    if secret is not None:
        body["device_secret"] = secret
    return httpx.post(f"{hub.url}/api/v1/auth/sign-in", json=body, headers=_address())


def test_an_enrolled_terminal_signs_in_with_its_secret_for_its_store_only(
    staff: dict[str, httpx.Client], hub: SeededHub
) -> None:
    first, second = hub.summary["store_ids"][:2]
    device = new_device()
    secret = _enroll(staff["admin"], _new_code(staff["admin"], first)["code"], device=device)
    secret_value = secret.json()["device_secret"]
    missing = _sign_in(hub, device=device, secret=None)
    assert missing.status_code == 403
    assert missing.json()["code"] == "device_secret_invalid"
    assert _sign_in(hub, device=device, secret="not-it").status_code == 403
    assert _sign_in(hub, device=device, secret=secret_value).status_code == 200

    lyon = new_device()
    lyon_secret = _enroll(
        staff["admin"], _new_code(staff["admin"], second)["code"], device=lyon
    ).json()["device_secret"]
    elsewhere = _sign_in(hub, device=lyon, secret=lyon_secret)  # a store-1 associate
    assert elsewhere.status_code == 403
    assert elsewhere.json()["code"] == "wrong_store"
    admin = _sign_in(hub, device=lyon, secret=lyon_secret, username="demo-admin")
    assert admin.status_code == 200
    with hub.engine.connect() as conn:
        kept = conn.execute(sa.select(devices.c.store_id).where(devices.c.id == lyon)).scalar()
    assert kept == second  # an admin's sign-in does not move the terminal


def test_a_revoked_device_cannot_enroll_again(
    staff: dict[str, httpx.Client], hub: SeededHub
) -> None:
    admin = staff["admin"]
    with httpx.Client(base_url=hub.url) as http:
        _body, device = sign_in(http)
    assert admin.post(f"/api/v1/devices/{device}/revoke").status_code == 200
    refused = _enroll(admin, _new_code(admin, hub.summary["store_ids"][0])["code"], device=device)
    assert refused.status_code == 403
    assert refused.json()["code"] == "device_revoked"


@pytest.fixture(scope="module")
def strict(new_db: NewDb) -> Iterator[tuple[str, str, str]]:
    """(URL, store id, database) of a small hub that takes enrolled terminals only and 3 wrong
    codes per address."""
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=3)
    engine.dispose()
    settings = HubSettings(
        db=url, port=0, enroll_max_failures_per_address=3, allow_unenrolled_sign_in=False
    )
    with HubServer(settings=settings) as server:
        yield server.url, summary["store_ids"][0], url


def test_wrong_codes_are_rate_limited_per_address(strict: tuple[str, str, str]) -> None:
    url, _store_id, _db = strict
    address = {"X-Forwarded-For": "203.0.113.9"}
    with httpx.Client(base_url=url) as http:
        statuses = [
            _enroll(http, f"WRNG-CODE-{n:04d}", headers=address).status_code for n in range(3)
        ]
        assert statuses == [404] * 3
        locked = _enroll(http, "WRNG-CODE-0003", headers=address)
        assert locked.status_code == 429
        assert locked.json()["code"] == "too_many_attempts"
        assert 1 <= int(locked.headers["Retry-After"]) <= 300
        assert _enroll(http, "WRNG-CODE-0004").status_code == 404  # other addresses: not locked


def test_a_hub_for_enrolled_terminals_only_refuses_other_sign_ins(
    strict: tuple[str, str, str],
) -> None:
    url, store_id, strict_db = strict
    device = new_device()
    with httpx.Client(base_url=url) as http:
        refused = http.post(
            "/api/v1/auth/sign-in",
            json={"username": "demo-associate", "password": "demo", "device_id": device},
        )
        assert refused.status_code == 403
        assert refused.json()["code"] == "device_not_enrolled"
        engine = make_engine(strict_db)
        with write_tx(engine) as conn:
            made = enrollment.create_code(
                conn, store_id=store_id, ttl=timedelta(hours=1), now=utc_now(), created_by=None
            )
        engine.dispose()
        secret = _enroll(http, made.code, device=device).json()["device_secret"]
        signed = http.post(
            "/api/v1/auth/sign-in",
            json={
                "username": "demo-associate",
                "password": "demo",
                "device_id": device,
                "device_secret": secret,
            },
        )
        assert signed.status_code == 200, signed.text


def test_the_cli_prints_a_code_for_a_store_number(
    seeded_hub_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    assert main(["hub", "enroll-code", "--store", "3", "--db", str(db), "--expires", "2h"]) == 0
    out, err = capsys.readouterr()
    code = out.strip()
    assert CODE_SHAPE.match(code), out
    assert "valid until" in err
    engine = make_engine(str(db))
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(enrollment_codes).where(
                enrollment_codes.c.code_hash == enrollment.code_hash(code)
            )
        ).one()
        third = enrollment.list_stores(conn)[2]
    engine.dispose()
    assert row.store_id == third.id
    assert main(["hub", "enroll-code", "--store", "99", "--db", str(db)]) == 2
    assert "There is no store '99'" in capsys.readouterr().err
    assert main(["hub", "enroll-code", "--store", "1", "--db", str(db), "--expires", "soon"]) == 2
