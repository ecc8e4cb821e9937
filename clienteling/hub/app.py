"""`create_app(settings)`: the hub's FastAPI application, migrated and ready to serve."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import sqlalchemy as sa
from fastapi import FastAPI

from clienteling import __version__
from clienteling.hub.context import HubContext
from clienteling.hub.db import make_engine, migrate, read_epoch, read_tx
from clienteling.hub.errors import ERROR_RESPONSES, install_error_handlers
from clienteling.hub.limits import RequestGuard
from clienteling.hub.purge import PurgeJob
from clienteling.hub.routes import (
    associates,
    auth,
    carts,
    customers,
    devices,
    health,
    ingest,
    inventory,
    notes,
    orders,
    products,
    stores,
    sync,
)
from clienteling.hub.seed import DEMO_PASSWORD, DEMO_USERNAMES
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import associates as associates_table

log = logging.getLogger(__name__)


def create_app(settings: HubSettings) -> FastAPI:
    engine = make_engine(settings.db)
    migrate(engine)
    with read_tx(engine) as conn:
        epoch = read_epoch(conn)
        demo = conn.execute(
            sa.select(associates_table.c.username).where(
                associates_table.c.username.in_(DEMO_USERNAMES)
            )
        ).first()

    purge_job = PurgeJob(
        engine,
        retention=timedelta(days=settings.tombstone_retention_days),
        interval_s=settings.purge_interval_s,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if demo is not None:
            log.warning(
                "demo hub: sign in as demo-associate / %s (also demo-manager, demo-admin); "
                "not for real customer data",
                DEMO_PASSWORD,
            )
        purge_job.start()
        yield
        purge_job.stop()
        engine.dispose()

    app = FastAPI(title="Clienteling hub", version=__version__, lifespan=lifespan)
    app.state.hub = HubContext(settings=settings, engine=engine, epoch=epoch)
    install_error_handlers(app)
    app.add_middleware(RequestGuard, max_bytes=settings.max_body_bytes)
    for router in (
        health.router,
        auth.router,
        sync.router,
        customers.router,
        orders.router,
        carts.router,
        notes.router,
        products.router,
        inventory.router,
        stores.router,
        associates.router,
        devices.router,
        ingest.router,
    ):
        app.include_router(router, responses=ERROR_RESPONSES)
    return app
