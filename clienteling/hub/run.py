"""`clienteling hub`: migrate, seed demo data when asked, serve in the foreground."""

from __future__ import annotations

import logging

import sqlalchemy as sa
import uvicorn

from clienteling.hub.app import create_app
from clienteling.hub.db import make_engine, migrate, read_tx
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers

log = logging.getLogger(__name__)


def run_hub(*, settings: HubSettings, demo_data: int | None, seed: int) -> None:
    engine = make_engine(settings.db)
    try:
        migrate(engine)
        if demo_data is not None:
            with read_tx(engine) as conn:
                empty = conn.execute(sa.select(customers.c.id).limit(1)).first() is None
            if empty:
                summary = seed_demo_data(engine, customers=demo_data, seed=seed)
                log.info("seeded demo data: %s customers", summary["customers"])
            else:
                log.info("the database already holds customers: demo data not seeded")
    finally:
        engine.dispose()
    if "delivery_worker" not in settings.model_fields_set:
        # A hub started on its own delivers follow-ups (CLIENTELING_DELIVERY_WORKER=false
        # leaves it to other processes).
        settings = settings.model_copy(update={"delivery_worker": True})
    if "task_interval_s" not in settings.model_fields_set:
        settings = settings.model_copy(update={"task_interval_s": 600.0})  # hub.task_generation
    # log_config=None: uvicorn's lines go through the app's handlers (`terminal.logs`
    # via the CLI), whose filter drops query strings (search text) from access lines.
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level="info",
        log_config=None,
    )
