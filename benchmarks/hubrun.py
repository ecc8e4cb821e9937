"""Shared by the benchmarks that need a hub: fill a hub database with one store's
synthetic customers (and their orders), run the hub as its own process on 127.0.0.1,
sign a device in.

Imported by the scripts next to it (`python benchmarks/<name>.py` puts this folder on
the import path).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub import versions
from clienteling.hub.db import make_engine, migrate, write_tx
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.tables import customers, orders, products
from clienteling.protocol.entities import store_scope

NOW = "2026-01-01T00:00:00+00:00"
FAMILY = ["Nguyễn", "Trần", "Lefèvre", "Dubois", "Жуков", "Иванова", "Smith", "Đặng"]
GIVEN = ["Văn Ánh", "Thị Hương", "Hélène", "Jérôme", "Анна", "Дмитрий", "Mary", "Zoé"]
USER, PASSWORD = "demo-associate", "demo"  # a demo sign-in of store 1 (seed_demo_data)
_BATCH = 5000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _customer(i: int, store: str, scope: str, version: int) -> dict[str, Any]:
    family, given = FAMILY[i % len(FAMILY)], GIVEN[(i // 8) % len(GIVEN)]
    return {
        "id": uuid7(),
        "given_name": given,
        "family_name": family,
        "display_name": f"{family} {given}",
        "phones": [f"+336{i:08d}"],
        "emails": [f"client{i}@example.com"],
        "loyalty_card": f"29{i:011d}",
        "loyalty_tier": None,
        "loyalty_points": i % 500,
        "home_store_id": store,
        "preferred_channel": "email",
        "language": "fr",
        "lifecycle_stage": "trial",
        "clv_minor": 12_900,
        "currency": "EUR",
        "created_at": NOW,
        "updated_at": NOW,
        "scope": scope,
        "version": version,
    }


def _order(
    customer_id: str, product: dict[str, Any], store: str, scope: str, version: int
) -> dict[str, Any]:
    return {
        "id": uuid7(),
        "customer_id": customer_id,
        "channel": "store",
        "store_id": store,
        "associate_id": None,
        "placed_at": NOW,
        "status": "fulfilled",
        "total_minor": product["price_minor"],
        "net_minor": product["price_minor"],
        "currency": "EUR",
        "lines": [
            {
                "product_id": product["id"],
                "sku": product["sku"],
                "name": product["name"],
                "qty": 1,
                "unit_price_minor": product["price_minor"],
                "returned_qty": 0,
            }
        ],
        "scope": scope,
        "version": version,
    }


def fill(url: str, count: int, *, orders_per_customer: int = 0) -> str:
    """A migrated hub with the demo staff and catalogue and `count` synthetic customers
    of store 1, each with `orders_per_customer` orders; returns store 1's id."""
    engine = make_engine(url)
    migrate(engine)
    store = seed_demo_data(engine, customers=0)["store_ids"][0]
    scope = store_scope(store)
    with engine.connect() as conn:
        catalogue = [dict(r._mapping) for r in conn.execute(sa.select(products).limit(50))]
    with write_tx(engine) as conn:
        version = versions.allocate(conn, scope, count * (1 + orders_per_customer))
        people: list[dict[str, Any]] = []
        bought: list[dict[str, Any]] = []
        for i in range(count):
            person = _customer(i, store, scope, version)
            version += 1
            people.append(person)
            for n in range(orders_per_customer):
                product = catalogue[(i + n) % len(catalogue)]
                bought.append(_order(person["id"], product, store, scope, version))
                version += 1
            if len(people) >= _BATCH:  # customers first: orders refer to them
                conn.execute(sa.insert(customers), people)
                people = []
                if bought:
                    conn.execute(sa.insert(orders), bought)
                    bought = []
        if people:
            conn.execute(sa.insert(customers), people)
        if bought:
            conn.execute(sa.insert(orders), bought)
    engine.dispose()
    return store


_PIDS: dict[str, int] = {}


def hub_cpu_s(base: str) -> float | None:
    """CPU seconds (user + system) the hub process at `base` has used so far; None where
    /proc is missing. Steadier than wall time on a shared machine: what a request costs."""
    try:
        fields = Path(f"/proc/{_PIDS[base]}/stat").read_text().rsplit(")", 1)[1].split()
    except (KeyError, OSError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def hub_process(url: str, *, env: dict[str, str] | None = None) -> Iterator[str]:
    """`clienteling hub` on a free port of 127.0.0.1 until the block ends; yields its URL."""
    port = free_port()
    # Background jobs off: the tombstone purge, and the task generation whose first run
    # at start walks every customer, in parallel with what is measured.
    environment = dict(
        os.environ,
        CLIENTELING_PURGE_INTERVAL_S="0",
        CLIENTELING_TASK_INTERVAL_S="0",
        **(env or {}),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "clienteling.cli", "hub", "--db", url, "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    _PIDS[base] = process.pid
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the hub did not start")
            time.sleep(0.1)
        yield base
    finally:
        _PIDS.pop(base, None)
        process.terminate()
        process.wait(timeout=30)


def signed_in(base: str) -> tuple[httpx.Client, str]:
    """An HTTP client with a fresh device's token of the demo associate, and the device id."""
    http = httpx.Client(base_url=base, timeout=60)
    device = uuid7()
    body = http.post(
        "/api/v1/auth/sign-in",
        json={"username": USER, "password": PASSWORD, "device_id": device},
    ).json()
    http.headers["Authorization"] = f"Bearer {body['token']}"
    return http, device
