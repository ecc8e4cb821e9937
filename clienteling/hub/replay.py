"""`clienteling hub replay FILE`: feed recorded web-shop events through the ingest code.

One JSON object per line, either our generic envelope (`hub.ingest.generic`, for the
source given with `--source`, default "webshop") or a recorded Shopify webhook:

    {"source": "shopify", "topic": "carts/update", "webhook_id": "...", "payload": {...}}

Every topic `hub.ingest.shopify` takes replays so, products/* and inventory_levels/update
too (Shopify locations mapped by the `shopify_locations` setting, as for the endpoint).

Events go straight to the database (no HTTP, no signature: whoever runs this already has
the database), through the same `ingest` as the endpoint, so replaying a file twice, or
events the hub already received, changes nothing. Blank lines and lines starting with
`#` are skipped.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.engine import Engine

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.ingest import generic, shopify
from clienteling.hub.ingest.apply import IngestResult, ingest
from clienteling.hub.ingest.events import BadEventError
from clienteling.hub.settings import HubSettings

log = logging.getLogger(__name__)


class ReplayError(ValueError):
    """A line of the file is not an event (its number says which)."""


def replay_lines(
    lines: Iterable[str], *, settings: HubSettings, source: str = "webshop"
) -> Counter[str]:
    """Ingest every event; returns how many ended as applied, duplicate, ignored, ...
    (and "invalid" for events the ingest code refused)."""
    engine = make_engine(settings.db)
    outcomes: Counter[str] = Counter()
    try:
        migrate(engine)
        for number, line in enumerate(lines, start=1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ReplayError(f"line {number} is not JSON: {exc.msg}") from exc
            try:
                result = _one(engine, settings, record, source=source)
            except BadEventError as exc:
                log.warning("line %d refused: %s", number, exc)
                outcomes["invalid"] += 1
                continue
            outcomes[result.status] += 1
    finally:
        engine.dispose()
    return outcomes


def _one(engine: Engine, settings: HubSettings, record: object, *, source: str) -> IngestResult:
    if isinstance(record, dict) and record.get("source") == "shopify":
        topic = str(record.get("topic") or "")
        webhook_id = str(record.get("webhook_id") or "")
        if not topic or not webhook_id:
            raise BadEventError("a Shopify line needs `topic` and `webhook_id`")
        event = shopify.parse(topic, record.get("payload"))
        return ingest(
            engine, settings, source="shopify", event_id=webhook_id, topic=topic, event=event
        )
    event_id, kind, event = generic.parse(record)
    return ingest(engine, settings, source=source, event_id=event_id, topic=kind, event=event)


def replay_file(path: Path, *, settings: HubSettings, source: str = "webshop") -> Counter[str]:
    with path.open(encoding="utf-8") as lines:
        return replay_lines(lines, settings=settings, source=source)
