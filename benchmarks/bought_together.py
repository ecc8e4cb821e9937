"""What counting "bought together" costs on a terminal: `store.learned` against the plain
way, in one run over one cache.

    uv run python benchmarks/bought_together.py [--orders 200000] [--products 60]

A cache gets N synthetic orders of the store's customers (1 to 3 lines, as the demo seed
makes them; 7 % returned). Then, alternating, three times each:

- `recount` — `refresh_bought_together`: SQLite hands over only the orders with two lines
  or more that were not returned (`json_array_length`), Python counts their pairs
  (`domain.learned`) and rewrites the table;
- `baseline` — the same count parsing every order in Python (what the first version did);

and `lookup` — `bought_together` for a two-product cart (what each profile load pays).
Prints both, the ratio baseline/ours and the lookup's median.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

from clienteling.domain.learned import count_pairs, kept_products
from clienteling.store.cache import open_cache
from clienteling.store.learned import bought_together, refresh_bought_together


def fill(db: Database, *, orders: int, products: int) -> list[str]:
    rng = random.Random(7)
    ids = [f"p{i:04d}" for i in range(products)]
    rows = []
    for i in range(orders):
        count = rng.choices((1, 2, 3), weights=(70, 22, 8))[0]
        lines = [
            {
                "product_id": p,
                "sku": p,
                "name": p,
                "qty": 1,
                "unit_price_minor": 100,
                "returned_qty": 0,
            }
            for p in rng.sample(ids, count)
        ]
        status = "returned" if rng.random() < 0.07 else "delivered"
        rows.append(
            (
                f"o{i}",
                f"c{i % 50_000}",
                "store",
                None,
                None,
                "2025-01-01T00:00:00+00:00",
                status,
                100,
                "EUR",
                json.dumps(lines),
                "store:s1",
                1,
            )
        )
    with db.conn:
        db.conn.executemany("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    return ids


def baseline(db: Database) -> int:
    baskets = (
        kept_products(
            status,
            ((ln["product_id"], ln["qty"], ln.get("returned_qty") or 0) for ln in json.loads(text)),
        )
        for status, text in db.conn.execute("SELECT status, lines FROM orders")
    )
    return sum(1 for n in count_pairs(baskets).values() if n >= 2)


def timed(run: object) -> float:
    started = time.perf_counter()
    run()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200_000)
    parser.add_argument("--products", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_cache(Path(tmp) / "cache.sqlite3")
        try:
            ids = fill(db, orders=args.orders, products=args.products)
            ours: list[float] = []
            plain: list[float] = []
            for _ in range(3):
                ours.append(timed(lambda: refresh_bought_together(db)))
                plain.append(timed(lambda: baseline(db)))
            assert refresh_bought_together(db) == baseline(db), "the two counts disagree"
            lookups = [
                timed(lambda: bought_together(db, ids[:2], store_id=None)) for _ in range(200)
            ]
        finally:
            db.close()
    a, b = statistics.median(ours), statistics.median(plain)
    print(f"{args.orders:,} orders, {args.products} products")
    print(f"recount (ours)      {a:9.1f} ms")
    print(f"baseline (parse all) {b:8.1f} ms   ratio baseline/ours {b / a:4.2f}")
    print(f"lookup, 2-product cart {statistics.median(lookups):6.2f} ms (median of 200)")


if __name__ == "__main__":
    main()
