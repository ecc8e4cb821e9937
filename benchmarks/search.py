"""Customer search over a large cache, against the raw FTS5 query it is built on."""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from clienteling.domain.ids import uuid7
from clienteling.protocol.models import Change
from clienteling.store.apply import apply_page
from clienteling.store.cache import open_cache
from clienteling.store.search import match_expression, search_customers, search_keys_for

GIVEN = [
    "Văn Ánh",
    "Thị Hương",
    "Minh Tuấn",
    "François",
    "Hélène",
    "Jérôme",
    "Анна",
    "Дмитрий",
    "Ёлка",
    "Anna",
    "John",
    "Mary",
    "Đức",
    "Ngọc Lan",
    "Zoé",
]
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Dubois",
    "Lefèvre",
    "Martin",
    "Жуков",
    "Иванова",
    "Смирнов",
    "Smith",
    "Johnson",
    "Brown",
    "Đặng",
    "Hoàng",
]
QUERIES = [
    "nguyen",
    "nguyen van anh",
    "anh nguyen",
    "francois",
    "lefevre",
    "жуков",
    "0901",
    "+84 90 12",
    "06 12",
    "anna.smith",
    "n",
    "tr",
]


def customer(rng: random.Random, i: int) -> dict[str, object]:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    now = "2026-01-01T00:00:00+00:00"
    return {
        "id": uuid7(),
        "given_name": given,
        "family_name": family,
        "display_name": f"{family} {given}",
        "phones": [
            f"+8490{rng.randrange(10**7):07d}" if i % 2 else f"+336{rng.randrange(10**8):08d}"
        ],
        "emails": [f"user{i}@example.com"],
        "loyalty_card": f"29{i:011d}",
        "loyalty_tier": None,
        "loyalty_points": 0,
        "home_store_id": "s1",
        "preferred_channel": "email",
        "language": "vi",
        "lifecycle_stage": "trial",
        "clv_minor": 0,
        "currency": "EUR",
        "created_at": now,
        "updated_at": now,
    }


def load(path: Path, count: int) -> float:
    db = open_cache(path)
    rng = random.Random(7)
    started = time.perf_counter()
    page = 5000
    for start in range(0, count, page):
        changes = [
            Change(entity="customer", op="upsert", id=str(c["id"]), version=start + n, data=c)
            for n, c in enumerate(customer(rng, i) for i in range(start, min(count, start + page)))
        ]
        apply_page(
            db,
            scope="store:s1",
            changes=changes,
            cursor="c",
            last_mutation_id=0,
            snapshot_done=False,
        )
    elapsed = time.perf_counter() - started
    db.close()
    return count / elapsed


def percentile(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100)[int(q) - 1]


# The baseline: the broadest FTS5 expression the search is built on (every hit matches
# it), returning its first 50 rowids in index order, which is name order (search keys,
# see store.search). It is the least any search for this text must do.
RAW = "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid LIMIT 50"
# For information: ranking every match with bm25, as the cache did before search keys.
BM25 = (
    "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? "
    "ORDER BY bm25(customer_fts, 10.0, 2.0, 5.0) LIMIT 50"
)


def timed(samples: list[float], run: Callable[[], object]) -> None:
    started = time.perf_counter()
    run()
    samples.append((time.perf_counter() - started) * 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--bm25", action="store_true", help="also time bm25 ranking of all matches")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cache.sqlite3"
        rate = load(path, args.customers)
        print(f"loaded {args.customers:,} customers at {rate:,.0f} rows/s")
        db = open_cache(path)
        series: dict[str, list[float]] = {"search_customers": [], "  keys only": [], "raw": []}
        if args.bm25:
            series["bm25 (info)"] = []
        per_query: dict[str, list[float]] = {query: [] for query in QUERIES}
        for _ in range(args.repeat):
            for query in QUERIES:
                expression = match_expression(query)
                timed(series["search_customers"], lambda q=query: search_customers(db, q))
                per_query[query].append(series["search_customers"][-1])
                timed(series["  keys only"], lambda q=query: search_keys_for(db, q))
                timed(series["raw"], lambda e=expression: db.conn.execute(RAW, (e,)).fetchall())
                if args.bm25:
                    timed(
                        series["bm25 (info)"],
                        lambda e=expression: db.conn.execute(BM25, (e,)).fetchall(),
                    )
        print(f"search over {args.customers:,} customers, {len(QUERIES)} queries x {args.repeat}")
        for name, samples in series.items():
            print(
                f"{name:18} p50 {percentile(samples, 50):7.2f} ms  "
                f"p95 {percentile(samples, 95):7.2f} ms  max {max(samples):7.2f} ms"
            )
        worst = max(per_query, key=lambda q: statistics.median(per_query[q]))
        print(f"slowest query (median): {worst!r} {statistics.median(per_query[worst]):.2f} ms")
        ours, raw = series["search_customers"], series["raw"]
        print(f"ratio p95 ours/raw: {percentile(ours, 95) / percentile(raw, 95):.2f}")
        print(f"ratio p50 ours/raw: {percentile(ours, 50) / percentile(raw, 50):.2f}")


if __name__ == "__main__":
    main()
