"""Notes on a customer (read side; they are written through `note.add` mutations)."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter

from clienteling.hub import audit, pagination
from clienteling.hub.access import visible_customer, visible_row
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, IdPath, SessionDep
from clienteling.hub.entities import NOTE
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.schemas import NotePublic
from clienteling.hub.tables import notes

router = APIRouter(prefix="/api/v1", tags=["notes"])

_KEYSET = pagination.Keyset("customer-notes", (notes.c.created_at, notes.c.id))


@router.get("/notes/{note_id}")
def get_note(note_id: IdPath, hub: HubDep, session: SessionDep) -> NotePublic:
    with read_tx(hub.engine) as conn:
        row = visible_row(conn, session, notes, note_id, "note")
    audit.record_read(hub.engine, session, customer_id=row.customer_id, what="note")
    return NotePublic.from_row(NOTE, row)


@router.get("/customers/{customer_id}/notes")
def customer_notes(
    customer_id: IdPath,
    hub: HubDep,
    session: SessionDep,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[NotePublic]:
    """Oldest first, as the profile shows them."""
    with read_tx(hub.engine) as conn:
        row = visible_customer(conn, session, customer_id)
        customer_id = row.id  # a merged id: the survivor's rows
        query = sa.select(notes).where(notes.c.customer_id == customer_id)
        items, token = pagination.fetch(conn, query, _KEYSET, limit=limit, next=next)
    audit.record_read(hub.engine, session, customer_id=customer_id, what="notes")
    return Page(items=[NotePublic.from_row(NOTE, r) for r in items], next=token)
