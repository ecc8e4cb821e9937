"""A form's fields as typed, kept per form and record until it is saved or cancelled, so a
crash or a restart loses nothing the associate wrote (issue 6). Kept in `meta` as JSON
text fields; used by the profile editor (the note, visit and new-customer forms have
their own, older stores)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlite_utils import Database

from clienteling.store.meta import delete_meta, get_meta, set_meta


def _key(form: str, record_id: str) -> str:
    return f"draft:{form}:{record_id}"


def save_form_draft(db: Database, form: str, record_id: str, fields: Mapping[str, str]) -> None:
    set_meta(db, _key(form, record_id), json.dumps(dict(fields), ensure_ascii=False))


def form_draft(db: Database, form: str, record_id: str) -> dict[str, str] | None:
    raw = get_meta(db, _key(form, record_id))
    if raw is None:
        return None
    try:
        body = json.loads(raw)
    except ValueError:
        return None  # an unreadable draft is not worth an error at the counter
    if not isinstance(body, dict):
        return None
    return {str(k): str(v) for k, v in body.items() if isinstance(v, str)}


def discard_form_draft(db: Database, form: str, record_id: str) -> None:
    delete_meta(db, _key(form, record_id))
