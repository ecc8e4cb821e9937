"""What happened to an order after it was placed: shipped (`fulfilled`), `delivered`,
`partially_returned`, `returned`, each with its time and, for a return, the products that
came back. Kept on the order row (`orders.events`, oldest first, on the wire), so the
customer's timeline shows deliveries and returns at their own time, not only the order's
latest status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from clienteling.hub.clock import iso

__all__ = ["appended", "returned_names", "seeded_events"]

_RETURNS = ("partially_returned", "returned")


def appended(
    events: Sequence[Mapping[str, Any]] | None,
    status: str,
    at: str,
    *,
    items: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """`events` with one more: the order reached `status` at `at` (a return names `items`)."""
    event: dict[str, Any] = {"status": status, "at": at}
    if items:
        event["items"] = list(items)
    return [*(dict(e) for e in events or ()), event]


def returned_names(
    before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]
) -> list[str]:
    """The products a return brought back, as "2 × name" (lines in the same order)."""
    names = []
    for old, new in zip(before, after, strict=True):
        came_back = int(new.get("returned_qty", 0)) - int(old.get("returned_qty", 0))
        if came_back > 0:
            names.append(f"{came_back} × {new['name']}" if came_back > 1 else str(new["name"]))
    return names


def seeded_events(
    *,
    placed: datetime,
    channel: str,
    status: str,
    lines: Sequence[Mapping[str, Any]],
    now: datetime,
) -> list[dict[str, Any]]:
    """Demo data: the events that led to `status`, at fixed delays after `placed` (no
    randomness, so the seed's other draws stay as they were). A store purchase is handed
    over at the till: no shipping; its return comes a week later."""
    latest = now - timedelta(hours=1)
    events: list[dict[str, Any]] = []
    if channel != "store" and status != "placed":
        events = appended(events, "fulfilled", iso(min(placed + timedelta(days=1), latest)))
        if status != "fulfilled":
            events = appended(events, "delivered", iso(min(placed + timedelta(days=3), latest)))
    if status in _RETURNS:
        back = [
            str(line["name"])
            for line in lines
            if int(line.get("returned_qty", 0)) > 0 or status == "returned"
        ]
        at = min(placed + timedelta(days=7 if channel == "store" else 10), latest)
        events = appended(events, status, iso(at), items=back)
    return events
