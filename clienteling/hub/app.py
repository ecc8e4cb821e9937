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
from clienteling.hub.db import make_engine, migrate, read_epoch, read_tx, write_tx
from clienteling.hub.delivery.worker import DeliveryWorker
from clienteling.hub.errors import ERROR_RESPONSES, install_error_handlers
from clienteling.hub.followup_runtime import FollowupRuntime
from clienteling.hub.holds import hold_expiry_job, install_hold_hours
from clienteling.hub.ingest.abandon import abandon_job as make_abandon_job
from clienteling.hub.limits import RequestGuard
from clienteling.hub.links import install_secret
from clienteling.hub.purge import purge_job as make_purge_job
from clienteling.hub.read_ahead import ReadAhead
from clienteling.hub.recent_views import prune_job as recent_views_prune_job
from clienteling.hub.routes import (
    appointments,
    associates,
    auth,
    carts,
    customer_writes,
    customers,
    delivery_receipts,
    demo_outbox,
    device_wipe,
    devices,
    enrollment,
    followup_admin,
    followup_pages,
    health,
    hold_pages,
    inbound,
    ingest,
    inventory,
    journey,
    notes,
    offers,
    open_pixel,
    orders,
    privacy,
    products,
    profile_history,
    stats,
    stores,
    survey_pages,
    sync,
    tasks,
)
from clienteling.hub.seed import DEMO_PASSWORD, DEMO_USERNAMES
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import associates as associates_table
from clienteling.hub.task_generation import task_job as make_task_job

log = logging.getLogger(__name__)


def create_app(settings: HubSettings) -> FastAPI:
    engine = make_engine(settings.db)
    migrate(engine)
    with write_tx(engine) as conn:
        install_secret(conn, settings.link_secret)
        install_hold_hours(conn, settings.hold_hours)
    with read_tx(engine) as conn:
        epoch = read_epoch(conn)
        demo = conn.execute(
            sa.select(associates_table.c.username).where(
                associates_table.c.username.in_(DEMO_USERNAMES)
            )
        ).first()

    followups = FollowupRuntime(settings=settings)
    purge_job = make_purge_job(
        engine,
        retention=timedelta(days=settings.tombstone_retention_days),
        interval_s=settings.purge_interval_s,
    )
    hold_job = hold_expiry_job(engine, interval_s=settings.hold_expiry_interval_s)
    views_job = recent_views_prune_job(engine, interval_s=settings.recent_views_prune_interval_s)
    task_job = make_task_job(engine, interval_s=settings.task_interval_s)
    abandon_job = make_abandon_job(engine, settings)

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
        purge_job.start()
        hold_job.start()
        views_job.start()
        task_job.start()
        abandon_job.start()
        yield
        read_ahead.close()
        abandon_job.stop()
        task_job.stop()
        views_job.stop()
        hold_job.stop()
        purge_job.stop()
        if followups.worker is not None:
            followups.worker.stop()
        engine.dispose()

    app = FastAPI(title="Clienteling hub", version=__version__, lifespan=lifespan)
    read_ahead = ReadAhead(engine, epoch=epoch)
    app.state.hub = HubContext(settings=settings, engine=engine, epoch=epoch, read_ahead=read_ahead)
    app.state.followups = followups
    install_error_handlers(app)
    app.add_middleware(RequestGuard, max_bytes=settings.max_body_bytes)
    for router in (
        health.router,
        auth.router,
        sync.router,
        customers.router,
        customer_writes.router,
        orders.router,
        carts.router,
        notes.router,
        journey.router,
        products.router,
        inventory.router,
        stores.router,
        associates.router,
        devices.router,
        device_wipe.router,
        ingest.router,
        inbound.router,
        stats.router,
        profile_history.router,
        followup_admin.router,
        delivery_receipts.router,
        privacy.router,
        enrollment.router,
        offers.router,
        tasks.router,
        appointments.router,
    ):
        app.include_router(router, responses=ERROR_RESPONSES)
    # The customer-facing web pages and the demo outbox: HTML, outside the API document's
    # JSON error contract.
    for router in (
        followup_pages.router,
        survey_pages.router,
        demo_outbox.router,
        hold_pages.router,
        open_pixel.router,
    ):
        app.include_router(router)
    return app
