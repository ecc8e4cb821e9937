"""What encrypting the cache at rest costs: plaintext vs SQLCipher caches built in one run.

    uv run python benchmarks/cache_encryption.py [--customers 100000] [--repeat 30]

Both caches get the same N synthetic customers (`benchmarks/search.py`'s generator) through
`store.apply.apply_page` in pages of 5,000, as a first sync does. Then, alternating
between the two so that machine noise hits both alike:

- `bulk apply` — rows/s of that load: `apply_page` only (each page's `Change` objects are
  built once and applied to both caches, in alternating order).
- `open` — `open_cache` of the existing file (integrity check, migrations check, WAL),
  what a headless start (`clienteling sync`) pays; `open, deferred check` — the same
  with `integrity_check=False`, what the desktop app's GUI thread pays (it runs
  `check integrity` — `check_integrity` on another connection — on a worker after the
  window shows, timed separately); `open, gated` — that deferred open with the write gate
  that holds writes until the check passes (`store.write_gate`; issue 8), the desktop app's
  open now, printed against `open, deferred` of the same run; and `connect` — one more
  connection (`connect_cache`), what each worker thread and each sync pass pays. Raw keys:
  no PBKDF2 in either.
- `search` — `search_customers` over `benchmarks/search.py`'s query mix, p50/p95; `search
  p50, gate` — the same on a connection whose (opened) gate still sees each statement.
- `convert (info)` — turning the plaintext cache into an encrypted one (once per terminal).

Each line prints plaintext, encrypted and the ratio encrypted/plaintext.

One run, 50,000 customers, on a loaded 2-core machine (full table in benchmarks/README.md):
bulk apply ratio 0.96, search p95 0.98, connect +0.35 ms, open 7.5 (the integrity check at
start decrypts every page); with the check deferred to a worker, the GUI thread's open
is a few milliseconds in both. With the write gate (issue 8), one run at 50,000 customers,
load 4.7: encrypted open, gated 4.5 ms vs deferred 4.7 ms (ratio 0.96); search p50 on a
gated connection 0.96 of the plain one (no cost beyond noise).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from clienteling.protocol.models import Change
from clienteling.store.apply import apply_page
from clienteling.store.cache import check_integrity, connect_cache, open_cache
from clienteling.store.encryption import encrypt_plaintext_cache, new_cache_key
from clienteling.store.search import search_customers
from clienteling.store.write_gate import WriteGate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search import QUERIES, customer, percentile  # benchmarks/search.py

PAGE = 5000


def load(paths: dict[Path, bytes | None], count: int) -> dict[Path, float]:
    """Rows/s of a first sync's worth of pages into each new cache: the same pages, built
    once, applied to each in turn (the order alternating), only `apply_page` timed."""
    dbs = {path: open_cache(path, key=key) for path, key in paths.items()}
    spent = dict.fromkeys(paths, 0.0)
    rng = random.Random(7)
    try:
        for number, start in enumerate(range(0, count, PAGE)):
            changes = [
                Change(entity="customer", op="upsert", id=str(c["id"]), version=start + n, data=c)
                for n, c in enumerate(
                    customer(rng, i) for i in range(start, min(count, start + PAGE))
                )
            ]
            order = list(dbs.items()) if number % 2 == 0 else list(reversed(dbs.items()))
            for path, db in order:
                began = time.perf_counter()
                apply_page(
                    db,
                    scope="store:s1",
                    changes=changes,
                    cursor="c",
                    last_mutation_id=0,
                    snapshot_done=False,
                )
                spent[path] += time.perf_counter() - began
    finally:
        for db in dbs.values():
            db.close()
    return {path: count / seconds for path, seconds in spent.items()}


def timed_ms(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def line(name: str, plain: float, encrypted: float, unit: str) -> None:
    print(
        f"{name:18} plaintext {plain:10.2f} {unit:5}  encrypted {encrypted:10.2f} {unit:5}  "
        f"ratio {encrypted / plain:5.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    key = new_cache_key()
    with tempfile.TemporaryDirectory() as tmp:
        plain_path, secret_path = Path(tmp) / "plain.sqlite3", Path(tmp) / "secret.sqlite3"
        keys = {plain_path: None, secret_path: key}
        rates = load(keys, args.customers)
        print(f"{args.customers:,} customers; {plain_path.stat().st_size / 2**20:.1f} MiB file")
        # rows/s: higher is better here (a ratio below 1 is the cost); times below: lower.
        line("bulk apply", rates[plain_path], rates[secret_path], "row/s")

        opens: dict[Path, list[float]] = {plain_path: [], secret_path: []}
        deferred: dict[Path, list[float]] = {plain_path: [], secret_path: []}
        checks: dict[Path, list[float]] = {plain_path: [], secret_path: []}
        connects: dict[Path, list[float]] = {plain_path: [], secret_path: []}
        gated: dict[Path, list[float]] = {plain_path: [], secret_path: []}

        def check(path: Path) -> None:
            db = connect_cache(path, key=keys[path])
            try:
                check_integrity(db, name=path.name)
            finally:
                db.close()

        for _ in range(max(5, args.repeat // 3)):
            for path in (plain_path, secret_path):
                opens[path].append(timed_ms(lambda p=path: open_cache(p, key=keys[p]).close()))
                deferred[path].append(
                    timed_ms(
                        lambda p=path: open_cache(p, key=keys[p], integrity_check=False).close()
                    )
                )
                gated[path].append(
                    timed_ms(
                        lambda p=path: open_cache(
                            p, key=keys[p], integrity_check=False, gate=WriteGate()
                        ).close()
                    )
                )
                checks[path].append(timed_ms(lambda p=path: check(p)))
                connects[path].append(
                    timed_ms(lambda p=path: connect_cache(p, key=keys[p]).close())
                )
        line("open (median)", *(statistics.median(opens[p]) for p in keys), "ms")
        line("open, deferred", *(statistics.median(deferred[p]) for p in keys), "ms")
        line("open, gated", *(statistics.median(gated[p]) for p in keys), "ms")
        line("check integrity", *(statistics.median(checks[p]) for p in keys), "ms")
        line("connect (median)", *(statistics.median(connects[p]) for p in keys), "ms")
        for path in keys:
            print(
                f"GUI-thread open, {'encrypted' if keys[path] else 'plaintext'}: full check "
                f"{statistics.median(opens[path]):.1f} ms -> deferred "
                f"{statistics.median(deferred[path]):.1f} ms "
                f"(ratio {statistics.median(opens[path]) / statistics.median(deferred[path]):.0f}x)"
                f"; gated {statistics.median(gated[path]):.1f} ms (ratio to deferred "
                f"{statistics.median(gated[path]) / statistics.median(deferred[path]):.2f})"
            )

        dbs = {path: open_cache(path, key=keys[path]) for path in keys}
        gates = {path: WriteGate() for path in keys}
        gated_dbs = {
            path: open_cache(path, key=keys[path], integrity_check=False, gate=gates[path])
            for path in keys
        }
        for gate in gates.values():
            gate.open()  # as after the check: the authorizer stays on this connection
        searches: dict[Path, list[float]] = {plain_path: [], secret_path: []}
        gated_searches: dict[Path, list[float]] = {plain_path: [], secret_path: []}
        try:
            for _ in range(args.repeat):
                for query in QUERIES:
                    for path, db in dbs.items():
                        searches[path].append(
                            timed_ms(lambda d=db, q=query: search_customers(d, q))
                        )
                        gated_searches[path].append(
                            timed_ms(lambda d=gated_dbs[path], q=query: search_customers(d, q))
                        )
        finally:
            for db in (*dbs.values(), *gated_dbs.values()):
                db.close()
        line("search p50", *(percentile(searches[p], 50) for p in keys), "ms")
        line("search p95", *(percentile(searches[p], 95) for p in keys), "ms")
        line("search p50, gate", *(percentile(gated_searches[p], 50) for p in keys), "ms")

        copy = Path(tmp) / "convert.sqlite3"
        shutil.copyfile(plain_path, copy)
        converting = timed_ms(lambda: encrypt_plaintext_cache(copy, new_cache_key()))
        print(f"convert (info)     {converting:10.2f} ms for the plaintext cache above")


if __name__ == "__main__":
    main()
