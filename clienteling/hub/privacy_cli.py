"""`clienteling hub privacy-export ID` and `clienteling hub privacy-erase ID`: the same
export and erasure as the API, straight on the hub's database (`--db`), for an operator
answering a privacy request. Both are audited (no associate: the command line)."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from clienteling.hub import audit
from clienteling.hub.db import make_engine, migrate, read_tx, write_tx
from clienteling.hub.erasure import erase_customer
from clienteling.hub.mutation_kit import resolve_customer_id
from clienteling.hub.privacy_export import export_customer
from clienteling.hub.settings import HubSettings

CLI_DEVICE = "cli"


def run_export(customer_id: str, *, settings: HubSettings, out: TextIO | None = None) -> int:
    """Print the customer's export as JSON; 1 when there is no such customer."""
    engine = make_engine(settings.db)
    try:
        migrate(engine)
        with read_tx(engine) as conn:
            data = export_customer(conn, resolve_customer_id(conn, customer_id))
        if data is None:
            print(f"No customer {customer_id} on this hub.", file=sys.stderr)
            return 1
        with write_tx(engine) as conn:
            audit.record(
                conn,
                action=audit.CUSTOMER_EXPORT,
                associate_id=None,
                device_id=CLI_DEVICE,
                customer_id=data["customer_id"],
            )
        target = out or sys.stdout
        json.dump(data, target, ensure_ascii=False, indent=2, default=str)
        target.write("\n")
        return 0
    finally:
        engine.dispose()


def run_erase(customer_id: str, *, settings: HubSettings) -> int:
    """Erase the customer; 1 when there is no such customer (erased before: 0)."""
    engine = make_engine(settings.db)
    try:
        migrate(engine)
        with write_tx(engine) as conn:
            done = erase_customer(conn, customer_id, erased_by=None)
        if done is None:
            print(f"No customer {customer_id} on this hub.", file=sys.stderr)
            return 1
        if done.already:
            print(f"Customer {done.customer_id} was already erased.")
        else:
            print(
                f"Customer {done.customer_id} erased; {done.tombstones} deletions reach the "
                "terminals at their next sync."
            )
        return 0
    finally:
        engine.dispose()
