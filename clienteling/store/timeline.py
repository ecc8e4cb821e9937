"""The customer's journey across channels, newest first: store visits (with outcome),
online orders and store purchases (with their status), their shipping, delivery and
returns (each at its own time: `related_id` names the order), online carts,
consent changes, notes, holds, offers, survey answers, the customer's replies to follow-ups and
appointments (at their time, so a coming one is on top). One query over the cached rows,
each part read through its customer index; what this terminal wrote and the hub has not
acknowledged is `pending`.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import UTC, datetime

from sqlite_utils import Database

from clienteling.store.appointments import REFUSED_REASON as APPOINTMENT_REFUSED
from clienteling.store.holds import REFUSED_REASON as HOLD_REFUSED
from clienteling.store.profile import CONSENT_UNSENT
from clienteling.store.views import TimelineEntry
from clienteling.store.visits import REFUSED_REASON

KINDS = (
    "visit",
    "order",
    "cart",
    "consent",
    "note",
    "hold",
    "offer",
    "reply",
    "appointment",
    "followup",
    "feedback",
)
DEFAULT_LIMIT = 500

_NAMES = "(SELECT json_group_array(json_extract(value, '$.name')) FROM json_each({column}))"

_TIMELINE = f"""
SELECT * FROM (
    SELECT 'visit' AS kind, v.id, v.at, v.outcome, NULL, v.reason, v.reason_text, NULL, NULL,
           l.name, v.associate_name, {_NAMES.format(column="v.products")}, v.pending,
           {REFUSED_REASON}, NULL, NULL
    FROM visits AS v LEFT JOIN locations AS l ON l.id = v.store_id
    WHERE v.customer_id = :customer
    UNION ALL
    SELECT 'order', o.id, o.placed_at, o.status, o.channel, NULL, coalesce(o.offer_code, ''),
           o.total_minor,
           o.currency, l.name, NULL, {_NAMES.format(column="o.lines")}, 0, NULL, NULL, NULL
    FROM orders AS o LEFT JOIN locations AS l ON l.id = o.store_id
    WHERE o.customer_id = :customer
    UNION ALL
    SELECT 'order', o.id || ':' || e.key, json_extract(e.value, '$.at'),
           json_extract(e.value, '$.status'), o.channel, NULL, '', NULL, o.currency, l.name,
           NULL, coalesce(json_extract(e.value, '$.items'), '[]'), 0, NULL, o.id, o.placed_at
    FROM orders AS o JOIN json_each(o.events) AS e
         LEFT JOIN locations AS l ON l.id = o.store_id
    WHERE o.customer_id = :customer
    UNION ALL
    SELECT 'cart', c.id, c.updated_at, c.status, NULL, NULL, coalesce(c.checkout_step, ''),
           (SELECT coalesce(sum(json_extract(value, '$.qty')
                                * json_extract(value, '$.unit_price_minor')), 0)
            FROM json_each(c.lines)),
           c.currency, NULL, NULL, {_NAMES.format(column="c.lines")}, 0, NULL, NULL, NULL
    FROM carts AS c
    WHERE c.customer_id = :customer
    UNION ALL
    SELECT 'consent', k.id, k.at, CASE WHEN k.granted THEN 'granted' ELSE 'refused' END,
           k.channel, NULL, k.source, NULL, NULL, NULL, NULL, '[]',
           {CONSENT_UNSENT.format(row="k")}, NULL, NULL, NULL
    FROM consents AS k
    WHERE k.customer_id = :customer
    UNION ALL
    SELECT 'note', n.id, n.created_at, NULL, NULL, NULL, n.text, NULL, NULL, l.name,
           n.author_name, '[]', n.pending, NULL, NULL, NULL
    FROM notes AS n LEFT JOIN locations AS l ON l.id = n.store_id
    WHERE n.customer_id = :customer
    UNION ALL
    SELECT 'hold', r.id, r.created_at, r.status, r.source, NULL, r.expires_at, NULL,
           NULL, l.name, NULL,
           json_array(r.quantity || ' × ' || coalesce(p.name, r.product_name, r.sku)),
           r.pending,
           {HOLD_REFUSED}, NULL, NULL
    FROM reservations AS r LEFT JOIN locations AS l ON l.id = r.store_id
         LEFT JOIN products AS p ON p.id = r.product_id
    WHERE r.customer_id = :customer
    UNION ALL
    SELECT 'offer', o.id, coalesce(o.redeemed_at, o.created_at), o.status,
           coalesce(o.redeemed_channel, o.valid_in), o.kind, o.code, NULL, NULL, NULL, NULL,
           '[]', 0, NULL, NULL, NULL
    FROM offers AS o
    WHERE o.customer_id = :customer
    UNION ALL
    SELECT 'reply', r.id, r.received_at, CASE WHEN r.opt_out THEN 'opt_out' END, r.channel,
           f.template, r.text, NULL, NULL, l.name, f.associate_name, '[]', 0, NULL,
           r.followup_id, f.created_at
    FROM replies AS r LEFT JOIN followups AS f ON f.id = r.followup_id
         LEFT JOIN locations AS l ON l.id = r.store_id
    WHERE r.customer_id = :customer
    UNION ALL
    SELECT 'appointment', a.id, coalesce(m.starts_at, a.starts_at),
           coalesce(m.status, a.status), NULL, coalesce(m.ends_at, a.ends_at), a.purpose,
           NULL, NULL, l.name, coalesce(m.associate_name, a.associate_name), '[]',
           a.pending OR m.mutation_id IS NOT NULL, {APPOINTMENT_REFUSED}, NULL, NULL
    FROM appointments AS a LEFT JOIN locations AS l ON l.id = a.store_id
         LEFT JOIN appointment_marks AS m ON m.appointment_id = a.id
              AND m.mutation_id IN (SELECT mutation_id FROM outbox WHERE status = 'pending')
    WHERE a.customer_id = :customer
    UNION ALL
    SELECT 'followup', f.id, f.created_at, f.status, f.channel, f.template, f.personal_line,
           NULL, NULL, l.name, f.associate_name, '[]', f.version = 0, NULL, NULL, NULL
    FROM followups AS f LEFT JOIN locations AS l ON l.id = f.store_id
    WHERE f.customer_id = :customer
    UNION ALL
    SELECT 'feedback', a.id, a.created_at, a.touchpoint,
           CASE a.buyer WHEN 1 THEN 'buyer' WHEN 0 THEN 'non_buyer' END,
           CAST(a.score AS TEXT), a.text, NULL, NULL, l.name, NULL, '[]', 0, NULL,
           a.visit_id, NULL
    FROM feedback AS a LEFT JOIN locations AS l ON l.id = a.store_id
    WHERE a.customer_id = :customer
)
WHERE kind IN (SELECT value FROM json_each(:kinds))
ORDER BY 3 DESC, 2 DESC
LIMIT :limit
"""


def _time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def customer_timeline(
    db: Database,
    customer_id: str,
    *,
    kinds: Collection[str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[TimelineEntry]:
    """Newest first (ISO UTC times sort as text); `kinds` keeps only those kinds."""
    wanted = [k for k in KINDS if kinds is None or k in kinds]
    rows = db.conn.execute(
        _TIMELINE, {"customer": customer_id, "kinds": json.dumps(wanted), "limit": limit}
    ).fetchall()
    return [
        TimelineEntry(
            kind=row[0],
            id=row[1],
            at=_time(row[2]),
            status=row[3],
            channel=row[4],
            reason=row[5],
            text=row[6] or "",
            total_minor=None if row[7] is None else int(row[7]),
            currency=row[8],
            store_name=row[9],
            author_name=row[10],
            items=[str(name) for name in json.loads(row[11]) if name],
            pending=bool(row[12]) and row[13] is None,
            refused=None if row[13] is None else str(row[13]),
            related_id=row[14],
            related_at=None if row[15] is None else _time(row[15]),
        )
        for row in rows
    ]
