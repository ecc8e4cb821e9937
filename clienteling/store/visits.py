"""Store visits in the cache: logging one (with its `visit.log` mutation in the same
transaction, so a visit logged offline is never lost) and reading a customer's visits."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from sqlite_utils import Database

from clienteling.domain.errors import ValidationError
from clienteling.domain.visits import VisitRuleError, check_visit
from clienteling.protocol.entities import VisitLogArgs, VisitProductData, store_scope
from clienteling.store import outbox
from clienteling.store.meta import delete_meta, get_meta, set_meta
from clienteling.store.transactions import write_transaction
from clienteling.store.views import VisitProductView, VisitView

REFUSED_REASON = (
    "CASE WHEN v.pending THEN (SELECT coalesce(o.reason, '') FROM outbox AS o "
    "WHERE o.status = 'rejected' AND o.name = 'visit.log' "
    "AND json_extract(o.args, '$.id') = v.id) END"
)
"""The hub's reason for refusing a visit written here (NULL while none): the outbox keeps
refused mutations with their reason, and the visit stays in the cache to be seen."""

_COLUMNS = (
    "v.id, v.customer_id, l.name, v.associate_name, v.at, v.outcome, v.reason, "
    f"v.reason_text, v.products, v.survey_token, v.pending, {REFUSED_REASON}"
)


def _parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _view(row: Sequence[object]) -> VisitView:
    products = json.loads(str(row[8]))
    return VisitView(
        id=str(row[0]),
        customer_id=None if row[1] is None else str(row[1]),
        store_name=None if row[2] is None else str(row[2]),
        associate_name=str(row[3]),
        at=_parse_time(str(row[4])),
        outcome=str(row[5]),
        reason=None if row[6] is None else str(row[6]),
        reason_text=str(row[7]),
        products=[
            VisitProductView(product_id=p["product_id"], sku=p["sku"], name=p["name"])
            for p in products
        ],
        survey_token=str(row[9]),
        pending=bool(row[10]) and row[11] is None,
        refused=None if row[11] is None else str(row[11]),
    )


@dataclass(frozen=True, slots=True)
class VisitDraft:
    """What the associate has typed into the visit form so far (kept across a crash or
    a restart until the visit is saved or the form is cancelled)."""

    products: list[VisitProductView] = field(default_factory=list)
    outcome: str | None = None
    reason: str | None = None
    reason_text: str = ""
    saved_at: str = ""


def _draft_key(customer_id: str | None) -> str:
    return f"visit_draft:{customer_id or '-'}"


def save_draft(db: Database, customer_id: str | None, draft: VisitDraft) -> None:
    body = asdict(draft) | {"saved_at": datetime.now(UTC).isoformat()}
    set_meta(db, _draft_key(customer_id), json.dumps(body, ensure_ascii=False))


def load_draft(db: Database, customer_id: str | None) -> VisitDraft | None:
    raw = get_meta(db, _draft_key(customer_id))
    if raw is None:
        return None
    try:
        body = json.loads(raw)
        return VisitDraft(
            products=[VisitProductView(**p) for p in body.get("products", [])],
            outcome=body.get("outcome"),
            reason=body.get("reason"),
            reason_text=str(body.get("reason_text", "")),
            saved_at=str(body.get("saved_at", "")),
        )
    except (ValueError, TypeError):
        return None  # an unreadable draft is not worth an error at the counter


def discard_draft(db: Database, customer_id: str | None) -> None:
    delete_meta(db, _draft_key(customer_id))


def customer_visits(db: Database, customer_id: str) -> list[VisitView]:
    """The customer's visits, newest first."""
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM visits AS v LEFT JOIN locations AS l ON l.id = v.store_id "
        "WHERE v.customer_id = ? ORDER BY v.at DESC, v.id DESC",
        (customer_id,),
    ).fetchall()
    return [_view(row) for row in rows]


def visit(db: Database, visit_id: str) -> VisitView | None:
    row = db.conn.execute(
        f"SELECT {_COLUMNS} FROM visits AS v LEFT JOIN locations AS l ON l.id = v.store_id "
        "WHERE v.id = ?",
        (visit_id,),
    ).fetchone()
    return None if row is None else _view(row)


def _snapshots(db: Database, product_ids: Sequence[str]) -> list[VisitProductData]:
    found = {
        row[0]: (row[1], row[2])
        for row in db.conn.execute(
            "SELECT id, sku, name FROM products WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(product_ids)),),
        )
    }
    missing = [pid for pid in product_ids if pid not in found]
    if missing:
        raise ValidationError("a product of this visit is not in the catalogue")
    return [
        VisitProductData(product_id=pid, sku=found[pid][0], name=found[pid][1])
        for pid in product_ids
    ]


def log_visit(
    db: Database,
    *,
    visit_id: str,
    customer_id: str | None,
    outcome: str,
    reason: str | None,
    reason_text: str,
    product_ids: Sequence[str],
    survey_token: str,
    associate_id: str,
    associate_name: str,
    store_id: str,
) -> VisitView:
    """Write the visit (pending) and its `visit.log` mutation together (works offline).

    Checked by the rules the hub applies (`domain.visits`), so a visit the associate saw
    saved here is not refused later for a reason they could have fixed at the counter.
    """
    try:
        checked_outcome, checked_reason, text = check_visit(
            outcome=outcome, reason=reason, reason_text=reason_text, product_ids=product_ids
        )
    except VisitRuleError as exc:
        raise ValidationError(str(exc)) from exc
    at = datetime.now(UTC).replace(microsecond=0)
    with write_transaction(db):
        if customer_id is None:
            scope = store_scope(store_id)
        else:
            known = db.conn.execute(
                "SELECT scope FROM customers WHERE id = ?", (customer_id,)
            ).fetchone()
            if known is None:
                raise ValidationError("this customer is not known on this terminal")
            scope = str(known[0])
        products = _snapshots(db, product_ids)
        db.conn.execute(
            "INSERT INTO visits (id, customer_id, store_id, associate_id, associate_name, at, "
            "outcome, reason, reason_text, products, survey_token, scope, version, pending) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)",
            (
                visit_id,
                customer_id,
                store_id,
                associate_id,
                associate_name,
                at.isoformat(),
                checked_outcome,
                checked_reason,
                text,
                json.dumps(products, ensure_ascii=False),
                survey_token,
                scope,
            ),
        )
        args = VisitLogArgs(
            id=visit_id,
            customer_id=customer_id,
            at=at.isoformat(),
            outcome=checked_outcome,
            reason=checked_reason,
            reason_text=text,
            products=products,
            survey_token=survey_token,
        )
        outbox.enqueue(db, "visit.log", dict(args))
        discard_draft(db, customer_id)  # saved: the draft has served
    found = visit(db, visit_id)
    assert found is not None  # written just above
    return found
