"""Hub sync throughput and latency, each against a baseline measured in the same run.

1. Snapshot: customer rows/s served to one terminal over HTTP (`/sync/pull` pages of
   5,000 from a hub process on 127.0.0.1), against a raw `SELECT` of the same rows.
2. Push: `note.add` mutations/s applied for one store in batches of 100, against the same
   notes inserted directly, one transaction each (what a mutation must at least cost).
3. Pull latency: p50/p99 of incremental pulls by N concurrent terminals on PostgreSQL
   (each pulling about once a second) while another device pushes 25 notes/s, against
   one terminal pulling alone under the same writes.

The hub runs as its own process (`python -m clienteling.cli hub`), as in production, so
the measuring threads do not share its interpreter. PostgreSQL comes from `--pg-url` or
`CLIENTELING_TEST_PG_URL`, else a throwaway cluster from Debian's server binaries (as the
tests do); without either the pull section is skipped.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import orjson
import sqlalchemy as sa
from hubrun import NOW, fill, hub_cpu_s, hub_process, signed_in

from clienteling.domain.ids import uuid7
from clienteling.hub import versions
from clienteling.hub.db import make_engine, write_tx
from clienteling.hub.tables import customers, notes
from clienteling.protocol.entities import store_scope


def pull(
    http: httpx.Client, device: str, scope: str, cursor: str | None, layout: str = "changes"
) -> dict[str, Any]:
    request: dict[str, Any] = {
        "device_id": device,
        "schema_version": 1,
        "scope": scope,
        "cursor": cursor,
        "limit": 5000,
    }
    if layout != "changes":
        request["layout"] = layout
    response = http.post("/api/v1/sync/pull", json=request)
    response.raise_for_status()
    body: dict[str, Any] = orjson.loads(response.content)  # as the terminal decodes
    return body


def snapshot_rate(base: str, scope: str, layout: str = "changes") -> tuple[int, float, str]:
    """(rows, rows/s, the cursor after the snapshot) for one terminal, its pages in
    `layout` ("changes", or "tables" as the terminal asks since it exists)."""
    http, device = signed_in(base)
    rows, cursor = 0, None
    started = time.perf_counter()
    cpu = hub_cpu_s(base)
    while True:
        page = pull(http, device, scope, cursor, layout)
        rows += len(page["changes"]) + sum(len(t["rows"]) for t in page.get("tables", []))
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    elapsed = time.perf_counter() - started
    _note_cpu(base, cpu, rows)
    http.close()
    return rows, rows / elapsed, str(cursor)


_CPU: dict[str, float] = {}


def _note_cpu(base: str, before: float | None, count: int) -> None:
    after = hub_cpu_s(base)
    if before is not None and after is not None and count:
        _CPU[base] = (after - before) / count * 1000


def cpu_line(base: str, what: str) -> str:
    """The hub's CPU milliseconds per `what` for the last measured run at `base`."""
    per = _CPU.get(base)
    return "" if per is None else f"  hub   {per:12.3f} CPU ms per {what} (the hub process)"


def raw_rate(path: Path, scope: str) -> float:
    db = sqlite3.connect(path)
    started = time.perf_counter()
    rows = db.execute("SELECT * FROM customers WHERE scope = ? ORDER BY id", (scope,)).fetchall()
    elapsed = time.perf_counter() - started
    db.close()
    return len(rows) / elapsed


def bench_snapshot(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hub.sqlite3"
        scope = store_scope(fill(str(path), count))
        with hub_process(str(path)) as base:
            measured = {}
            for layout in ("tables", "changes"):
                rows, rate, _cursor = snapshot_rate(base, scope, layout)
                measured[layout] = (rate, cpu_line(base, "row"))
        raw = raw_rate(path, scope)
    print(f"snapshot  {rows:,} customers to one terminal (SQLite, HTTP, pages of 5,000)")
    for layout, (rate, cpu) in measured.items():
        print(f"  ours, as {layout:8s} {rate:12,.0f} rows/s   (pages decoded with orjson)")
        if cpu:
            print(cpu)
    print(f"  raw   {raw:12,.0f} rows/s   (SELECT * of the same rows, no HTTP)")
    ours = measured["tables"][0]
    print(f"  ratio raw/ours {raw / ours:.1f} (tables, as the terminal asks)")


def note_mutations(customer_ids: list[str], start: int, count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": start + i,
            "name": "note.add",
            "args": {
                "id": uuid7(),
                "customer_id": customer_ids[i % len(customer_ids)],
                "text": f"Essaie deux ordinateurs portables, revient samedi ({i}).",
                "created_at": NOW,
            },
            "created_at": NOW,
        }
        for i in range(count)
    ]


def bench_push(count: int, batch: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hub.sqlite3"
        store = fill(str(path), 1000)
        engine = make_engine(str(path))
        with engine.connect() as conn:
            ids = list(conn.execute(sa.select(customers.c.id).limit(200)).scalars())
        with hub_process(str(path)) as base:
            http, device = signed_in(base)
            mutations = note_mutations(ids, 1, count)
            started = time.perf_counter()
            cpu_before = hub_cpu_s(base)
            for offset in range(0, count, batch):
                response = http.post(
                    "/api/v1/sync/push",
                    json={
                        "device_id": device,
                        "schema_version": 1,
                        "mutations": mutations[offset : offset + batch],
                    },
                )
                response.raise_for_status()
            ours = count / (time.perf_counter() - started)
            _note_cpu(base, cpu_before, count)
            cpu = cpu_line(base, "mutation")
            http.close()
        scope = store_scope(store)
        started = time.perf_counter()
        for mutation in note_mutations(ids, 1, count):
            args = mutation["args"]
            with write_tx(engine) as conn:
                conn.execute(
                    sa.insert(notes).values(
                        id=args["id"],
                        customer_id=args["customer_id"],
                        associate_id="a",
                        author_name="Camille",
                        store_id=store,
                        text=args["text"],
                        created_at=NOW,
                        scope=scope,
                        version=versions.allocate(conn, scope),
                    )
                )
        raw = count / (time.perf_counter() - started)
        engine.dispose()
    print(f"push      {count:,} note.add mutations for one store (SQLite, batches of {batch})")
    print(f"  ours  {ours:12,.0f} mutations/s")
    if cpu:
        print(cpu)
    print(f"  raw   {raw:12,.0f} inserts/s     (one transaction per note, no HTTP)")
    print(f"  ratio raw/ours {raw / ours:.1f}")


def percentile(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100)[q - 1]


def pull_latencies(
    base: str,
    scope: str,
    cursor: str,
    *,
    terminals: int,
    pulls: int,
    writer_ids: list[str],
    think_s: float,
) -> list[float]:
    clients = [signed_in(base) for _ in range(terminals)]
    writer, writer_device = signed_in(base)
    stop = threading.Event()
    samples: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(terminals + 1)

    def write() -> None:
        next_id = 1
        start.wait()
        while not stop.is_set():
            writer.post(
                "/api/v1/sync/push",
                json={
                    "device_id": writer_device,
                    "schema_version": 1,
                    "mutations": note_mutations(writer_ids, next_id, 5),
                },
            ).raise_for_status()
            next_id += 5
            time.sleep(0.2)  # 25 notes/s: a busy chain's worth of counter activity

    def terminal(http: httpx.Client, device: str) -> None:
        mine = []
        pace = random.Random(device)
        # Catch up first (not measured): the shared cursor is behind the writes made
        # since, and a steady-state pull is what is measured.
        position = cursor
        while True:
            page = pull(http, device, scope, position)
            position = page["cursor"]
            if not page["has_more"]:
                break
        start.wait()
        time.sleep(pace.uniform(0, think_s))  # terminals do not all start in step
        for _ in range(pulls):
            began = time.perf_counter()
            position = pull(http, device, scope, position)["cursor"]
            mine.append((time.perf_counter() - began) * 1000)
            time.sleep(pace.uniform(0.5, 1.5) * think_s)
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=terminal, args=c) for c in clients]
    threads.append(threading.Thread(target=write))
    cpu = hub_cpu_s(base)
    for thread in threads:
        thread.start()
    for thread in threads[:-1]:
        thread.join()
    stop.set()
    threads[-1].join()
    _note_cpu(base, cpu, len(samples))
    for http, _device in [*clients, (writer, writer_device)]:
        http.close()
    return samples


@contextmanager
def postgres_url(given: str | None) -> Iterator[str | None]:
    url = given or os.environ.get("CLIENTELING_TEST_PG_URL")
    if url:
        yield url
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.support.postgres import LocalCluster, PostgresServer, server_bin_dir

    bin_dir = server_bin_dir()
    if bin_dir is None:
        yield None
        return
    cluster = LocalCluster(bin_dir)
    try:
        server = PostgresServer(admin_url=cluster.start())
        yield server.create_database()
    finally:
        cluster.stop()


def bench_pull(
    given_url: str | None, *, count: int, terminals: int, pulls: int, think_s: float
) -> None:
    with postgres_url(given_url) as url:
        if url is None:
            print("pull      skipped: no PostgreSQL (--pg-url, or Debian's postgresql)")
            return
        scope = store_scope(fill(url, count))
        engine = make_engine(url)
        with engine.connect() as conn:
            ids = list(conn.execute(sa.select(customers.c.id).limit(200)).scalars())
        engine.dispose()
        with hub_process(url) as base:
            _rows, _rate, cursor = snapshot_rate(base, scope)
            alone = pull_latencies(
                base, scope, cursor, terminals=1, pulls=100, writer_ids=ids, think_s=think_s
            )
            crowd = pull_latencies(
                base,
                scope,
                cursor,
                terminals=terminals,
                pulls=pulls,
                writer_ids=ids,
                think_s=think_s,
            )
            cpu = cpu_line(base, "pull (with the catch-up pulls and the writer's pushes)")
    print(
        f"pull      incremental pulls on PostgreSQL while notes are pushed ({count:,} "
        f"customers; each terminal pulls every ~{think_s * 1000:.0f} ms, "
        f"~{terminals / think_s:,.0f} pulls/s offered)"
    )
    for name, samples in ((f"{terminals} terminals", crowd), ("1 terminal", alone)):
        print(
            f"  {name:13} p50 {percentile(samples, 50):7.1f} ms   "
            f"p99 {percentile(samples, 99):7.1f} ms   ({len(samples):,} pulls)"
        )
    print(f"  ratio p99 {terminals}/1 {percentile(crowd, 99) / percentile(alone, 99):.1f}")
    if cpu:
        print(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000, help="snapshot size")
    parser.add_argument("--mutations", type=int, default=3000, help="pushed mutations")
    parser.add_argument("--batch", type=int, default=100, help="mutations per push")
    parser.add_argument("--terminals", type=int, default=50, help="concurrent pullers")
    parser.add_argument("--pulls", type=int, default=40, help="pulls per terminal")
    parser.add_argument(
        "--think-ms",
        type=float,
        default=1000,
        help="pause between a terminal's pulls (the app syncs far less often; 0: back to back)",
    )
    parser.add_argument("--pg-url", help="PostgreSQL URL for the pull section")
    parser.add_argument(
        "--only", choices=["snapshot", "push", "pull"], action="append", help="run only these"
    )
    args = parser.parse_args()
    only = set(args.only or ["snapshot", "push", "pull"])
    if "snapshot" in only:
        bench_snapshot(args.customers)
    if "push" in only:
        bench_push(args.mutations, args.batch)
    if "pull" in only:
        bench_pull(
            args.pg_url,
            count=10_000,
            terminals=args.terminals,
            pulls=args.pulls,
            think_s=args.think_ms / 1000,
        )


if __name__ == "__main__":
    main()
