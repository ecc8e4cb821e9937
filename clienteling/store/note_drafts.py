"""A note being typed, kept per customer until it is saved, so a crash, a restart or a
switch to another customer loses nothing the associate wrote."""

from __future__ import annotations

from sqlite_utils import Database

from clienteling.store.meta import delete_meta, get_meta, set_meta


def _key(customer_id: str) -> str:
    return f"note_draft:{customer_id}"


def save_note_draft(db: Database, customer_id: str, text: str) -> None:
    """Keep `text`; an empty or blank text removes the draft."""
    if text.strip():
        set_meta(db, _key(customer_id), text)
    else:
        delete_meta(db, _key(customer_id))


def note_draft(db: Database, customer_id: str) -> str:
    return get_meta(db, _key(customer_id)) or ""
