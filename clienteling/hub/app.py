"""`create_app(settings)`: the hub's FastAPI application, migrated and ready to serve."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import sqlalchemy as sa
from fastapi import FastAPI

from clienteling import __version__
from clienteling.hub.context import HubContext
from clienteling.hub.db import make_engine, migrate, read_epoch, read_tx, write_tx
from clienteling.hub.delivery.worker import DeliveryWorker
from clienteling.hub.errors import install_error_handlers
from clienteling.hub.followup_runtime import FollowupRuntime
from clienteling.hub.links import install_secret
from clienteling.hub.routes import (
    auth,
    customers,
    delivery_receipts,
    demo_outbox,
    followup_admin,
    followup_pages,
    health,
    ingest,
    profile_history,
    stats,
    survey_pages,
    sync,
)
from clienteling.hub.seed import DEMO_PASSWORD, DEMO_USERNAMES
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import associates

log = logging.getLogger(__name__)


def create_app(settings: HubSettings) -> FastAPI:
    engine = make_engine(settings.db)
    migrate(engine)
    with write_tx(engine) as conn:
        install_secret(conn, settings.link_secret)
    with read_tx(engine) as conn:
        epoch = read_epoch(conn)
        demo = conn.execute(
            sa.select(associates.c.username).where(associates.c.username.in_(DEMO_USERNAMES))
        ).first()

    followups = FollowupRuntime(settings=settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if demo is not None:
            log.warning(
                "demo hub: sign in as demo-associate / %s (also demo-manager, demo-admin); "
                "not for real customer data",
                DEMO_PASSWORD,
            )
        if settings.delivery_worker:
            followups.worker = DeliveryWorker(engine, settings, public_url=followups.base_url)
            followups.worker.start()
        yield
        if followups.worker is not None:
            followups.worker.stop()
        engine.dispose()

    app = FastAPI(title="Clienteling hub", version=__version__, lifespan=lifespan)
    app.state.hub = HubContext(settings=settings, engine=engine, epoch=epoch)
    app.state.followups = followups
    install_error_handlers(app)
    for router in (
        health.router,
        auth.router,
        sync.router,
        customers.router,
        ingest.router,
        stats.router,
    ):
        app.include_router(router)
    for router in (
        followup_pages.router,
        survey_pages.router,
        demo_outbox.router,
        delivery_receipts.router,
        followup_admin.router,
    ):
        app.include_router(router)
    app.include_router(profile_history.router)
    return app
