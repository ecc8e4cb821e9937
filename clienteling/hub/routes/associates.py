"""Associates (staff): yourself, and the staff of a store you may read."""

from __future__ import annotations

from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Query

from clienteling.hub import pagination
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, SessionDep, require_store
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.schemas import AssociatePublic
from clienteling.hub.tables import associates

router = APIRouter(prefix="/api/v1/associates", tags=["associates"])

_COLUMNS = (
    associates.c.id,
    associates.c.username,
    associates.c.display_name,
    associates.c.role,
    associates.c.store_id,
)
_KEYSET = pagination.Keyset("associates", (associates.c.username, associates.c.id))


def _public(row: Any) -> AssociatePublic:
    return AssociatePublic.model_validate(dict(row._mapping))


@router.get("/me")
def me(hub: HubDep, session: SessionDep) -> AssociatePublic:
    with read_tx(hub.engine) as conn:
        row = conn.execute(
            sa.select(*_COLUMNS).where(associates.c.id == session.associate_id)
        ).one()
    return _public(row)


@router.get("")
def list_associates(
    hub: HubDep,
    session: SessionDep,
    store_id: Annotated[
        str | None,
        Query(max_length=64, description="Absent: your store's staff (admin: everyone)."),
    ] = None,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[AssociatePublic]:
    where: sa.ColumnElement[bool] = sa.true()
    if store_id is not None:
        require_store(session, store_id)
        where = sa.and_(where, associates.c.store_id == store_id)
    elif not session.is_admin:
        where = sa.and_(where, associates.c.store_id == session.store_id)
    with read_tx(hub.engine) as conn:
        items, token = pagination.fetch(
            conn, sa.select(*_COLUMNS).where(where), _KEYSET, limit=limit, next=next
        )
    return Page(items=[_public(r) for r in items], next=token)
