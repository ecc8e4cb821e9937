"""`clienteling hub enroll-code --store 3`: make a one-time enrollment code on the hub's
own machine (no sign-in: whoever can open the hub database is its administrator)."""

from __future__ import annotations

import sys

from clienteling.hub import enrollment
from clienteling.hub.clock import utc_now
from clienteling.hub.db import make_engine, migrate, read_tx, write_tx
from clienteling.hub.settings import HubSettings


def make_enrollment_code(settings: HubSettings, *, store: str, expires: str) -> int:
    """Print the code for `store` (id, exact name or number); 2 when it cannot be made."""
    try:
        ttl = enrollment.parse_ttl(expires)
    except ValueError as exc:
        print(f"--expires: {exc}", file=sys.stderr)
        return 2
    engine = make_engine(settings.db)
    try:
        migrate(engine)
        with read_tx(engine) as conn:
            try:
                chosen = enrollment.resolve_store(conn, store)
            except LookupError:
                stores = enrollment.list_stores(conn)
                print(f"There is no store {store!r}. The stores are:", file=sys.stderr)
                for number, row in enumerate(stores, start=1):
                    print(f"  {number}  {row.id}  {row.name}", file=sys.stderr)
                return 2
        with write_tx(engine) as conn:
            created = enrollment.create_code(
                conn, store_id=str(chosen.id), ttl=ttl, now=utc_now(), created_by=None
            )
    finally:
        engine.dispose()
    print(created.code)
    print(
        f"One-time enrollment code for {chosen.name} ({chosen.id}), "
        f"valid until {created.expires_at} (UTC).",
        file=sys.stderr,
    )
    return 0
