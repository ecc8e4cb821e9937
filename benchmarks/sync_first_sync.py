"""A terminal's first sync of a large store, end to end, against baselines from the same run.

The hub runs as its own process on 127.0.0.1 (`hubrun.hub_process`), filled with the demo
catalogue and N synthetic customers of store 1 with their orders. Each terminal runs in a
child process of its own (the real `Terminal` facade, sync engine and cache file), so
neither the hub's memory nor this script's count against it:

1. `throughput` — rows/s of the first sync (`Terminal.sync_once` after sign-in: both
   scopes, every row the snapshot brings, into an encrypted cache as the app keeps it),
   against a raw `executemany` of the same rows (read from the hub's database) into a
   fresh cache file with the same schema, one transaction, no search index, no HTTP, no
   JSON: encrypted the same way (the fair baseline) and, for comparison, plaintext.
   Targets: >= 50,000 rows/s and within 4x of the raw insert.
2. `memory` — the peak RSS of that terminal process (`ru_maxrss`), against the same
   process signed in just before the sync started. Target: peak <= 300 MB.
3. `gui` — event-loop lag on the GUI thread while the desktop app's first-sync dialog
   (`ui.first_sync.FirstSyncDialog`: the sync on the network worker, progress through a
   queued signal; `Terminal(sync_process=True)` as the desktop app opens it, so the
   pulls run in a child process) runs, with searches on the database worker every
   100 ms as an associate would type: a QTimer ticks every 5 ms and the gaps between
   ticks are the lag. Baseline: the same timer and searches with no sync running; and
   the same dialog with the sync on a thread of the GUI process, as before the sync
   process. Target: max gap <= 50 ms.
4. `latency` — a change committed on the hub (a customer's loyalty points, written into
   the hub's database as the hub writes) until the online terminal's cache has it, with the
   terminal's normal background sync running (`start_auto_sync` at the app's interval).
   Baseline: the same change followed at once by a sync pass ("sync now"). Target: p95 <= 1 s.

    uv run python benchmarks/sync_first_sync.py [--customers 200000] [--orders 2]
        [--only throughput|gui|latency] [--changes 20]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from hubrun import PASSWORD, USER, fill, hub_process

SCRIPT = Path(__file__).resolve()


# --- children: each runs one terminal ---------------------------------------------------


def _rss_mb() -> float:
    """Peak RSS of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _status_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak since the last `_reset_peak`) from /proc, in MB."""
    for text in Path("/proc/self/status").read_text().splitlines():
        if text.startswith(field + ":"):
            return int(text.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> bool:
    """Start the peak RSS over from now (Linux: clear_refs 5), so the sign-in's argon2
    work (a PIN-ready session hashes with 64 MiB) does not count as the sync's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _terminal(base: str, data_dir: Path, *, sync_process: bool = False) -> Any:
    """A signed-in terminal whose cache is encrypted, as the desktop app and `clienteling
    sync` open it (`encrypt_cache=True`: SQLCipher, the key in the secret store)."""
    from clienteling.terminal.facade import Terminal
    from clienteling.terminal.secrets import MemorySecretStore

    options: dict[str, Any] = {"encrypt_cache": True}
    if sync_process:
        options["sync_process"] = True
    terminal = Terminal(data_dir=data_dir, hub_url=base, secrets=MemorySecretStore(), **options)
    terminal.sign_in(USER, PASSWORD)
    return terminal


def _time_applies() -> list[float]:
    """Seconds spent in each page's `apply_page` (the cache side of the pass), measured by
    wrapping the function the engine calls; the rest of the pass waits for the hub."""
    from clienteling.sync import engine

    spent: list[float] = []
    apply = engine.apply_page

    def timed(*args: Any, **kwargs: Any) -> set[str]:
        began = time.perf_counter()
        try:
            return apply(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - began)

    engine.apply_page = timed  # type: ignore[assignment]
    return spent


def child_first_sync(base: str, data_dir: Path) -> dict[str, Any]:
    applies = _time_applies()
    terminal = _terminal(base, data_dir)
    reset = _reset_peak()
    before = _status_mb("VmRSS")
    started, cpu = time.perf_counter(), time.process_time()
    report = terminal.sync_once()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = _status_mb("VmHWM") if reset else _rss_mb()
    terminal.close()
    return {
        "rows": report.pulled,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "apply_seconds": sum(applies),
        "pages": len(applies),
        "rss_before": before,
        "rss_peak": peak,
    }


def _gaps(ticks: list[float]) -> list[float]:
    return [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]


def child_gui(
    base: str, data_dir: Path, idle_s: float, *, sync_process: bool = True
) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from clienteling.ui.first_sync import FirstSyncDialog
    from clienteling.ui.operations import Pool, run_in_background, wait_for_all

    app = QApplication([])
    terminal = _terminal(base, data_dir, sync_process=sync_process)
    ticks: list[float] = []
    searches: list[float] = []
    queries = ["ng", "dub", "Жуков", "hélène", "0600", "client12"]

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

    busy: list[bool] = []

    def searched(began: float) -> None:
        searches.append((time.perf_counter() - began) * 1000)
        busy.clear()

    def search() -> None:
        if busy:
            return  # as the search box does: the next search once this one answered
        busy.append(True)
        began = time.perf_counter()
        query = queries[len(searches) % len(queries)]
        run_in_background(
            lambda: terminal.search(query),
            success=lambda _hits: searched(began),
            parent=None,
            on=Pool.DB,
        )

    typing = QTimer()
    typing.setInterval(100)
    typing.timeout.connect(search)

    # Baseline: the same ticks and searches, nothing syncing.
    timer.start()
    typing.start()
    QTimer.singleShot(int(idle_s * 1000), app.quit)
    app.exec()
    idle_gaps, idle_searches = _gaps(ticks), list(searches)
    ticks.clear()
    searches.clear()

    dialog = FirstSyncDialog(terminal)
    from clienteling.ui.runtime import tune_for_gui

    tune_for_gui()  # as `ui.app.run_desktop` does once the window is up
    finished: list[bool] = []
    dialog.sync_did_finish.connect(lambda ok: (finished.append(ok), app.quit()))
    dialog.show()
    started = time.perf_counter()
    dialog.start()
    app.exec()
    elapsed = time.perf_counter() - started
    timer.stop()
    typing.stop()
    wait_for_all()
    sync_gaps = _gaps(ticks)
    terminal.close()
    return {
        "ok": bool(finished and finished[0]),
        "seconds": elapsed,
        "idle_gaps": idle_gaps,
        "sync_gaps": sync_gaps,
        "idle_searches": idle_searches,
        "sync_searches": list(searches),
    }


def child_latency(
    base: str, hub_db: str, data_dir: Path, changes: int, interval_s: float
) -> dict[str, Any]:
    import sqlalchemy as sa

    from clienteling.hub import versions
    from clienteling.hub.db import make_engine, write_tx
    from clienteling.hub.tables import customers

    terminal = _terminal(base, data_dir, sync_process=True)  # as the desktop app syncs
    terminal.sync_once()  # caught up (the cache may come from the throughput run)
    scope = next(s for s in terminal.sync_positions() if s[0].startswith("store:"))[0]
    engine = make_engine(hub_db)
    with engine.connect() as conn:
        ids = list(
            conn.execute(sa.select(customers.c.id).where(customers.c.scope == scope).limit(500))
            .scalars()
            .all()
        )
    from clienteling.store.cache import connect_cache

    # The cache is encrypted: read it with the terminal's own key (a benchmark may look).
    cache = connect_cache(terminal.cache_path, key=terminal._cache_key).conn
    rng = random.Random(5)
    points = 100_000

    def change() -> tuple[str, int, float]:
        nonlocal points
        points += 1
        customer = rng.choice(ids)
        with write_tx(engine) as conn:
            conn.execute(
                sa.update(customers)
                .where(customers.c.id == customer)
                .values(loyalty_points=points, version=versions.allocate(conn, scope))
            )
        return customer, points, time.perf_counter()

    def seen(customer: str, value: int, committed: float) -> float:
        while True:
            row = cache.execute(
                "SELECT loyalty_points FROM customers WHERE id = ?", (customer,)
            ).fetchone()
            if row is not None and row[0] == value:
                return (time.perf_counter() - committed) * 1000
            if time.perf_counter() - committed > 120:
                raise RuntimeError("the change never reached the cache")
            time.sleep(0.002)

    # Baseline: "sync now" right after the commit (no background sync running).
    direct = []
    for _ in range(changes):
        customer, value, committed = change()
        terminal.sync_once()
        direct.append(seen(customer, value, committed))

    terminal.start_auto_sync(
        interval_s=interval_s, on_status=lambda _s: None, on_changes=lambda _k: None
    )
    time.sleep(1.0)
    background = []
    for _ in range(changes):
        time.sleep(rng.uniform(0.3, 1.5))  # not in step with the terminal's timer
        background.append(seen(*change()))
    terminal.stop_auto_sync()
    terminal.close()
    engine.dispose()
    return {"background": background, "direct": direct}


# --- the baseline insert -----------------------------------------------------------------


def raw_insert_rate(
    hub_db: Path, scopes: list[str], target: Path, *, encrypted: bool
) -> tuple[int, float, float]:
    """(rows, rows/s, CPU seconds) of a raw executemany of the scopes' rows into a fresh cache: a
    plaintext file, or (`encrypted`) one encrypted as the terminal's is, through the same
    SQLCipher connection the terminal uses (`store.cache.connect_cache` with a key)."""
    from clienteling.store.cache import connect_cache, open_cache
    from clienteling.store.encryption import new_cache_key
    from clienteling.store.tables import ENTITY_TABLES

    key = new_cache_key() if encrypted else None
    open_cache(target, key=key).close()  # the cache's schema, indexes and all
    hub = sqlite3.connect(hub_db)
    hub_tables = {r[0] for r in hub.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    marks = ",".join("?" for _ in scopes)
    loads: list[tuple[str, list[tuple[Any, ...]]]] = []
    for spec in ENTITY_TABLES.values():
        if spec.table not in hub_tables:
            continue
        columns = [*spec.columns, "scope", "version"]
        extra = ", '' AS sort_name" if spec.entity == "customer" else ""
        rows = hub.execute(
            f"SELECT {', '.join(columns)}{extra} FROM {spec.table} WHERE scope IN ({marks})",
            scopes,
        ).fetchall()
        if spec.entity == "customer":
            columns.append("sort_name")
        sql = f"INSERT INTO {spec.table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"  # noqa: E501
        loads.append((sql, rows))
    hub.close()
    db = connect_cache(target, key=key).conn  # synchronous=NORMAL, as the terminal's
    db.isolation_level = None
    started, cpu = time.perf_counter(), time.process_time()
    db.execute("BEGIN IMMEDIATE")
    for sql, rows in loads:
        db.executemany(sql, rows)
    db.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.close()
    count = sum(len(rows) for _, rows in loads)
    return count, count / elapsed, cpu


# --- the parent ------------------------------------------------------------------------


def run_child(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--child", *args], check=True, capture_output=True, text=True
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def pct(samples: list[float], q: float) -> float:
    if len(samples) < 2:
        return samples[0] if samples else float("nan")
    return statistics.quantiles(samples, n=1000, method="inclusive")[int(q * 10) - 1]


def line(name: str, samples: list[float]) -> str:
    return (
        f"  {name:22} p50 {pct(samples, 50):8.1f} ms  p95 {pct(samples, 95):8.1f} ms  "
        f"p99 {pct(samples, 99):8.1f} ms  max {max(samples):8.1f} ms  ({len(samples):,})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--orders", type=int, default=2, help="orders per customer")
    parser.add_argument(
        "--only", choices=["throughput", "gui", "latency"], action="append", help="run only these"
    )
    parser.add_argument("--changes", type=int, default=20, help="hub changes timed (latency)")
    parser.add_argument("--idle-s", type=float, default=3.0, help="GUI lag baseline duration")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, base, *rest = args.child
        if kind == "first_sync":
            result = child_first_sync(base, Path(rest[0]))
        elif kind == "gui":
            result = child_gui(base, Path(rest[0]), float(rest[1]), sync_process=rest[2] == "1")
        else:
            result = child_latency(base, rest[0], Path(rest[1]), int(rest[2]), float(rest[3]))
        print(json.dumps(result))
        return
    only = set(args.only or ["throughput", "gui", "latency"])
    from clienteling.ui.main_window import AUTO_SYNC_INTERVAL_S

    with tempfile.TemporaryDirectory() as tmp:
        hub_db = Path(tmp) / "hub.sqlite3"
        began = time.perf_counter()
        store = fill(str(hub_db), args.customers, orders_per_customer=args.orders)
        print(
            f"hub: {args.customers:,} customers of one store with {args.orders} orders each "
            f"(filled in {time.perf_counter() - began:.0f} s); 2 shared cores, see README"
        )
        synced = Path(tmp) / "terminal-a"
        with hub_process(str(hub_db)) as base:
            if "throughput" in only:
                from clienteling.protocol.entities import CATALOG_SCOPE, store_scope

                # The raw insert just before and just after the sync: on a shared machine
                # the load moves during a sync of minutes; their mean is the baseline.
                scopes = [CATALOG_SCOPE, store_scope(store)]
                raws: dict[bool, list[float]] = {False: [], True: []}
                raw_cpu: list[float] = []

                def raw_round(n: int) -> int:
                    count = 0
                    for encrypted in (False, True):
                        name = f"raw-{n}-{'enc' if encrypted else 'plain'}.sqlite3"
                        count, rate, cpu = raw_insert_rate(
                            hub_db, scopes, Path(tmp) / name, encrypted=encrypted
                        )
                        raws[encrypted].append(rate)
                        if encrypted:
                            raw_cpu.append(cpu)
                    return count

                raw_round(1)
                first = run_child("first_sync", base, str(synced))
                rows = raw_round(2)
                raw_plain = statistics.mean(raws[False])
                raw = statistics.mean(raws[True])
                ours = first["rows"] / first["seconds"]
                print(
                    f"throughput  first sync, {first['rows']:,} rows in {first['seconds']:.1f} s "
                    "(hub process, HTTP on loopback, real encrypted cache file)"
                )
                print(f"  ours  {ours:12,.0f} rows/s   (target >= 50,000)")
                for label, encrypted in (("raw, encrypted", True), ("raw, plaintext", False)):
                    before, after = raws[encrypted]
                    print(
                        f"  {label}  {statistics.mean(raws[encrypted]):12,.0f} rows/s   "
                        f"(executemany of the same {rows:,} rows; {before:,.0f} before the "
                        f"sync, {after:,.0f} after)"
                    )
                print(
                    f"  ratio raw/ours {raw / ours:.1f} against the encrypted raw insert "
                    f"(target <= 4), {raw_plain / ours:.1f} against the plaintext one"
                )
                cache_side = first["rows"] / first["apply_seconds"]
                print(
                    f"  of which applying {first['pages']:,} pages to the cache: "
                    f"{first['apply_seconds']:.1f} s ({cache_side:,.0f} rows/s, raw/apply "
                    f"{raw / cache_side:.1f} encrypted, {raw_plain / cache_side:.1f} plaintext); "
                    "the rest waits for the hub's pages"
                )
                print(
                    f"  CPU time: ours {first['cpu_seconds']:.1f} s (the terminal process, "
                    f"every thread), raw encrypted insert {statistics.mean(raw_cpu):.1f} s: "
                    f"ratio {first['cpu_seconds'] / statistics.mean(raw_cpu):.1f} (steadier "
                    "than wall time on a loaded machine)"
                )
                print(f"  load: {os.getloadavg()[0]:.1f} (1-minute average, at the end)")
                print("memory  peak RSS of the terminal process (target <= 300 MB)")
                print(f"  during the first sync {first['rss_peak']:8.0f} MB")
                print(f"  signed in, before it  {first['rss_before']:8.0f} MB")
                print(f"  ratio {first['rss_peak'] / first['rss_before']:.1f}")
            if "gui" in only:
                # Before/after in one run: the sync on a thread of the GUI process (as
                # before the sync process), then as the desktop app runs it now.
                for label, flag in (("sync thread (before)", "0"), ("sync process", "1")):
                    gui = run_child(
                        "gui", base, str(Path(tmp) / f"terminal-gui-{flag}"), str(args.idle_s), flag
                    )
                    print(
                        f"gui  event-loop lag, 5 ms timer, first-sync dialog, {label} "
                        f"({gui['seconds']:.1f} s, finished: {gui['ok']}); target max <= 50 ms"
                    )
                    print(line("tick gap, syncing", gui["sync_gaps"]))
                    print(line("tick gap, idle", gui["idle_gaps"]))
                    print(
                        f"  ratio max gap syncing/idle "
                        f"{max(gui['sync_gaps']) / max(gui['idle_gaps']):.1f}"
                    )
                    print(line("search, syncing", gui["sync_searches"]))
                    print(line("search, idle", gui["idle_searches"]))
                print(f"  load: {os.getloadavg()[0]:.1f} (1-minute average, at the end)")
            if "latency" in only:
                data = synced if synced.exists() else Path(tmp) / "terminal-c"
                lat = run_child(
                    "latency",
                    base,
                    str(hub_db),
                    str(data),
                    str(args.changes),
                    str(AUTO_SYNC_INTERVAL_S),
                )
                print(
                    f"latency  hub commit -> in the online terminal's cache "
                    f"(background sync every {AUTO_SYNC_INTERVAL_S:g} s); target p95 <= 1 s"
                )
                print(line("background sync", lat["background"]))
                print(line("sync now (baseline)", lat["direct"]))
                print(
                    f"  ratio p95 background/sync now "
                    f"{pct(lat['background'], 95) / pct(lat['direct'], 95):.1f}"
                )


if __name__ == "__main__":
    main()
