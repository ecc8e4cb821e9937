"""The manager dashboard's endpoints on PostgreSQL at chain scale, against a baseline
measured in the same run.

One store with N customers (default 200,000) and M orders (default 2,000,000) over the
last year (60 % at the counter, the rest web and phone), plus visits, follow-ups, cart
touches and credited online orders in proportion. The data is generated inside PostgreSQL
(`generate_series`), so filling takes a minute or two, not an hour.

Timed over HTTP with a manager's token, from a hub process on 127.0.0.1 (as in production):

- `GET /api/v1/stats/stores/{id}/dashboard` for the last 30 days and the last 12 months;
- `GET /api/v1/stats/stores/{id}/drilldown` for the funnel's visits and the loyal stage.

The baseline is the least any dashboard must read: `count(*)` and `sum(net_minor)` of the
store's orders in the same 12 months, over the same HTTP-free connection a hub worker has
(so the ratio shows what the whole dashboard costs on top of one indexed scan). The issue's
target is p95 <= 500 ms per endpoint; the rows each one scanned are printed beside it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hub_sync import hub_process, postgres_url

from clienteling.hub import (
    followup_credits,
    followup_days,
    omni_rollup,
    purchase_facts,
    sales_rollup,
    visit_rollup,
)
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data

PICK = "(CAST(:a AS text[]))[1 + g % cardinality(CAST(:a AS text[]))]"
"""One of the store's associates, picked by the row number."""
ISO = """to_char(({t}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')"""


def fill(url: str, *, customers: int, orders: int) -> tuple[str, dict[str, int]]:
    """The demo chain's staff and catalogue, and the synthetic year of store 1."""
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=0)
    store = summary["store_ids"][0]
    visits = orders // 4
    followups = customers // 4
    with engine.begin() as conn:
        associates = list(
            conn.execute(
                sa.text("SELECT id FROM associates WHERE store_id = :s ORDER BY id"), {"s": store}
            ).scalars()
        )
        params = {
            "store": store,
            "scope": f"store:{store}",
            "n": customers,
            "m": orders,
            "v": visits,
            "f": followups,
            "a": associates or ["nobody"],
        }
        when = "now() - (random() * interval '365 days')"
        conn.execute(
            sa.text(
                f"""
                INSERT INTO customers (id, given_name, family_name, display_name, phones,
                    emails, loyalty_card, loyalty_tier, loyalty_points, home_store_id,
                    preferred_channel, language, lifecycle_stage, clv_minor, currency,
                    created_at, updated_at, preferences, scope, version)
                SELECT 'bc' || g, 'Given', 'Family' || g, 'Family' || g || ' Given',
                    '[]'::json, '[]'::json, NULL, NULL, 0, :store, 'email', 'fr', 'trial',
                    0, 'EUR', {ISO.format(t="now() - (random() * interval '900 days')")},
                    {ISO.format(t="now()")}, '{{}}'::json, :scope, g
                FROM generate_series(1, :n) AS g
                """
            ),
            params,
        )
        conn.execute(
            sa.text(
                f"""
                INSERT INTO orders (id, customer_id, channel, store_id, associate_id,
                    placed_at, status, total_minor, currency, lines, net_minor, scope, version)
                SELECT 'bo' || g, 'bc' || (1 + (g::bigint * 7919) % :n),
                    CASE WHEN g % 10 < 6 THEN 'store' WHEN g % 10 < 9 THEN 'web' ELSE 'phone' END,
                    CASE WHEN g % 10 < 6 THEN :store END,
                    CASE WHEN g % 10 < 5 THEN {PICK} END,
                    {ISO.format(t=when)},
                    CASE WHEN g % 50 = 0 THEN 'returned' ELSE 'fulfilled' END,
                    5000 + (g % 200) * 100, 'EUR', '[]'::json,
                    CASE WHEN g % 50 = 0 THEN 0 ELSE 5000 + (g % 200) * 100 END,
                    :scope, :n + g
                FROM generate_series(1, :m) AS g
                """
            ),
            params,
        )
        conn.execute(
            sa.text(
                f"""
                INSERT INTO visits (id, customer_id, store_id, associate_id, associate_name,
                    at, outcome, reason, reason_text, products, survey_token, scope, version)
                SELECT 'bv' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'bc' || (1 + g % :n) END,
                    :store, {PICK}, 'Associate', {ISO.format(t=when)},
                    CASE WHEN g % 3 = 0 THEN 'bought_here' ELSE 'left_without_buying' END,
                    CASE WHEN g % 3 = 0 THEN NULL
                         ELSE (ARRAY['price', 'size_colour_missing', 'just_browsing'])[1 + g % 3]
                    END,
                    '', '[]'::json, 'bench-' || g, :scope, :n + :m + g
                FROM generate_series(1, :v) AS g
                """
            ),
            params,
        )
        conn.execute(
            sa.text(
                f"""
                INSERT INTO followups (id, customer_id, associate_id, associate_name, store_id,
                    channel, template, language, product_ids, personal_line, status,
                    status_reason, created_at, updated_at, scope, version)
                SELECT 'bf' || g, 'bc' || (1 + (g * 31) % :n), {PICK},
                    'Associate', :store, (ARRAY['email', 'sms', 'whatsapp'])[1 + g % 3],
                    'thank_you', 'fr', '[]'::json, '',
                    (ARRAY['sent', 'delivered', 'opened', 'clicked', 'converted'])[1 + g % 5],
                    NULL, {ISO.format(t=when)}, {ISO.format(t="now()")}, :scope,
                    :n + :m + :v + g
                FROM generate_series(1, :f) AS g
                """
            ),
            params,
        )
        conn.execute(
            sa.text(
                """
                INSERT INTO attribution_touches (id, customer_id, followup_id, associate_id,
                    store_id, kind, at)
                SELECT 'bt' || f.id, f.customer_id, f.id, f.associate_id, :store, 'cart',
                    f.created_at
                FROM followups f WHERE f.status IN ('clicked', 'converted')
                """
            ),
            params,
        )
        conn.execute(
            sa.text(
                """
                INSERT INTO order_attributions (order_id, followup_id, associate_id, store_id,
                    touched_at, attributed_at)
                SELECT o.id, 'bf' || (1 + (row_number() OVER ()) % :f), :a_first, :store,
                    o.placed_at, o.placed_at
                FROM orders o WHERE o.channel = 'web' AND o.id LIKE 'bo%'
                    AND (substring(o.id FROM 3))::bigint % 20 = 7
                """
            ),
            {**params, "a_first": params["a"][0]},
        )
        # The rows went in behind the order writes' backs: build their purchase facts
        # as the migration's backfill does.
        purchase_facts.rebuild_all(conn)
        omni_rollup.rebuild_all(conn)
        sales_rollup.rebuild_all(conn)
        followup_credits.rebuild_all(conn)
        followup_days.rebuild(conn)  # after the credits: it sums their revenue
        visit_rollup.rebuild(conn)
    # What autovacuum does to tables this size soon after: statistics and the visibility
    # map (index-only scans need it).
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(sa.text("VACUUM ANALYZE"))
    with engine.connect() as conn:
        counts = _counts(conn)
    engine.dispose()
    return store, counts


def parts(url: str, store: str, days: tuple[date, date], repeat: int) -> dict[str, float]:
    """Each part of the dashboard in process (median ms), to see where the time goes."""
    from clienteling.domain.metrics import Period
    from clienteling.hub.clock import iso
    from clienteling.hub.stats import dashboard, feedback, lifecycle, omnichannel
    from clienteling.hub.stats import offers as offer_stats
    from clienteling.hub.stats import tasks as task_stats

    engine = make_engine(url)
    period = Period(days[0], days[1] + timedelta(days=1))
    now = datetime.now(UTC)
    with engine.connect() as conn:
        zone = conn.execute(
            sa.text("SELECT timezone FROM locations WHERE id = :s"), {"s": store}
        ).scalar_one()
        start, end = (iso(t) for t in period.utc_bounds(zone))
        prev_start, prev_end = (iso(t) for t in period.previous().utc_bounds(zone))
        before = (prev_start, prev_end)
        where = {"store_id": store, "start": start, "end": end}
        days_now = (period.start.isoformat(), period.end.isoformat())
        days_before = (period.previous().start.isoformat(), period.previous().end.isoformat())
        # The dashboard hands the funnel the credited sales it read for the sales figures.
        credited = tuple(
            (t.orders, t.revenue_minor)
            for t in (
                dashboard.sales_by_store(conn, first=first, end=last, only=store)
                .get(store, dashboard._StoreTally())
                .attributed_online
                for first, last in (days_now, days_before)
            )
        )
        calls: dict[str, Any] = {
            "sales, chain + associates": lambda: dashboard.current_sales(
                conn, store_id=store, first=days_now[0], end=days_now[1]
            ),
            "sales, previous (this store)": lambda: dashboard.sales_by_store(
                conn, first=days_before[0], end=days_before[1], only=store
            ),
            "lifecycle": lambda: lifecycle.lifecycle_counts(conn, **where, now=now),
            "omnichannel": lambda: omnichannel.channel_groups(conn, store_id=store, end=end),
            "funnel, reasons (and previous)": lambda: _funnel_and_reasons(
                conn, store, (start, end), before, days_now, days_before, credited, zone
            ),
            "feedback, comments, surveys": lambda: (
                feedback.touchpoint_feedback(conn, **where),
                feedback.latest_comments(conn, **where),
                feedback.surveys_answered(conn, **where),
            ),
            "follow-up effects": lambda: feedback.followup_effects(conn, **where),
            "tasks, offers": lambda: (
                task_stats.task_completion(conn, **where),
                offer_stats.offer_counts(conn, **where),
            ),
        }
        found = {name: statistics.median(timed(call, repeat)) for name, call in calls.items()}
        # The sales rollups' rows the two sales parts read (per table).
        sales_rows: Counter[str] = Counter()
        dashboard.current_sales(
            conn, store_id=store, first=days_now[0], end=days_now[1], scanned=sales_rows
        )
        dashboard.sales_by_store(
            conn, first=days_before[0], end=days_before[1], only=store, scanned=sales_rows
        )
        SALES_ROWS[f"{(days[1] - days[0]).days + 1} days"] = dict(sales_rows)
    engine.dispose()
    return found


SALES_ROWS: dict[str, dict[str, int]] = {}
"""Rows of the sales rollups the sales parts read, per period length (`parts`)."""


def _funnel_and_reasons(
    conn: sa.Connection,
    store: str,
    period: tuple[str, str],
    before: tuple[str, str],
    days_now: tuple[str, str],
    days_before: tuple[str, str],
    credited: Any,
    zone: str,
) -> object:
    """The funnel and the reasons as the dashboard counts them: one read of the visits'
    per-day rollup (the periods are the store's local days)."""
    from clienteling.hub.stats import funnel

    found = funnel.visit_tallies(conn, store_id=store, periods=[period, before], timezone=zone)
    tallies = (found[0], found[1])
    return (
        funnel.funnel(
            conn,
            store_id=store,
            period=period,
            previous=before,
            days=days_now,
            previous_days=days_before,
            tallies=tallies,
            credited=credited,
        ),
        funnel.no_purchase_reasons(
            conn, store_id=store, period=period, previous=before, tallies=tallies
        ),
    )


TABLES = (
    "customers",
    "orders",
    "visits",
    "followups",
    "order_attributions",
    "customer_purchase_facts",
    "customer_purchase_gaps",
    "followup_credits",
    "followup_revenue",
    "store_omni_days",
    "store_visit_days",
    "store_followup_days",
    "store_sales_daily",
    "store_sales_day_sums",
    "store_sales_last_days",
)


def _counts(conn: sa.Connection) -> dict[str, int]:
    return {
        table: int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())
        for table in TABLES
    }


def filled_store(url: str) -> tuple[str, dict[str, int]]:
    """The store a previous run filled (`--skip-fill`)."""
    engine = make_engine(url)
    with engine.connect() as conn:
        store = conn.execute(
            sa.text("SELECT home_store_id FROM customers WHERE id = 'bc1'")
        ).scalar_one()
        counts = _counts(conn)
    engine.dispose()
    return str(store), counts


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def timed(call: object, repeat: int) -> list[float]:
    assert callable(call)
    call()  # warm the caches once, as a manager's second look would
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--orders", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=20, help="timed calls per endpoint")
    parser.add_argument("--pg-url", help="PostgreSQL URL (default: a throwaway cluster)")
    parser.add_argument(
        "--skip-fill", action="store_true", help="the --pg-url database was filled by a run"
    )
    parser.add_argument("--parts", type=int, default=3, help="timed calls per part in process")
    args = parser.parse_args()
    with postgres_url(args.pg_url) as url:
        if url is None:
            print("skipped: no PostgreSQL (--pg-url, or Debian's postgresql)")
            return
        started = time.perf_counter()
        if args.skip_fill:
            store, counts = filled_store(url)
        else:
            store, counts = fill(url, customers=args.customers, orders=args.orders)
        filled = time.perf_counter() - started
        print(
            "data      "
            + ", ".join(f"{n:,} {table}" for table, n in counts.items())
            + f" (filled in {filled:.0f} s)"
        )
        today = datetime.now(UTC).date()
        year = (today - timedelta(days=364), today)
        month = (today - timedelta(days=29), today)
        engine = make_engine(url)
        start_iso = datetime.combine(year[0], datetime.min.time(), UTC).isoformat()

        def baseline() -> None:
            with engine.connect() as conn:
                conn.execute(
                    sa.text(
                        "SELECT count(*), sum(net_minor) FROM orders "
                        "WHERE store_id = :s AND placed_at >= :t"
                    ),
                    {"s": store, "t": start_iso},
                ).one()

        with hub_process(url) as base, httpx.Client(base_url=base, timeout=120) as http:
            body = http.post(
                "/api/v1/auth/sign-in",
                json={"username": "demo-manager", "password": "demo", "device_id": "bench"},
            ).json()
            http.headers["Authorization"] = f"Bearer {body['token']}"
            scanned: dict[str, dict[str, int]] = {}

            def board(days: tuple[date, date], name: str) -> None:
                answer = http.get(
                    f"/api/v1/stats/stores/{store}/dashboard",
                    params={"start": days[0].isoformat(), "end": days[1].isoformat()},
                )
                answer.raise_for_status()
                scanned[name] = answer.json()["rows_scanned"]

            def drill(figure: str, key: str) -> None:
                http.get(
                    f"/api/v1/stats/stores/{store}/drilldown",
                    params={
                        "start": year[0].isoformat(),
                        "end": year[1].isoformat(),
                        "figure": figure,
                        "key": key,
                    },
                ).raise_for_status()

            results = {
                "baseline (one indexed sum, 12 months)": timed(baseline, args.repeat),
                "dashboard, 30 days": timed(lambda: board(month, "30 days"), args.repeat),
                "dashboard, 12 months": timed(lambda: board(year, "12 months"), args.repeat),
                "drill-down: visits, 12 months": timed(
                    lambda: drill("funnel", "visits"), args.repeat
                ),
                "drill-down: loyal customers": timed(
                    lambda: drill("stage", "loyalty"), args.repeat
                ),
            }
        engine.dispose()
        in_process = {
            name: parts(url, store, days, args.parts)
            for name, days in (("30 days", month), ("12 months", year))
        }
    base_p95 = percentile(results["baseline (one indexed sum, 12 months)"], 95)
    for name, samples in results.items():
        p95 = percentile(samples, 95)
        print(
            f"  {name:38} p50 {statistics.median(samples):8.1f} ms   p95 {p95:8.1f} ms   "
            f"ratio p95/baseline {p95 / base_p95:6.1f}"
        )
    for name, rows in scanned.items():
        print(f"  rows scanned, dashboard {name}: {rows}")
    print("target: p95 <= 500 ms per endpoint (issue 7)")
    for name, found in in_process.items():
        print(f"  parts of the dashboard, {name} (in process, median ms):")
        for part, ms in found.items():
            print(f"    {part:30} {ms:8.1f}")
    for span, rows in SALES_ROWS.items():
        print(f"  sales rollup rows read by the sales parts ({span}): {rows}")


if __name__ == "__main__":
    main()
