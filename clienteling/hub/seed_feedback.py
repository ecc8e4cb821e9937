"""Demo survey answers: some visitors (buyers more often than non-buyers) answer the
survey their visit's QR code opened, by touchpoint, with a score and now and then a
comment in their language, so the dashboard's feedback table has something to say."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import seeded_uuid
from clienteling.hub import tables, versions
from clienteling.hub.clock import iso
from clienteling.hub.db import write_tx

ANSWER_SHARE = {True: 0.16, False: 0.07}  # buyers answer more often
_TOUCHPOINTS = {
    True: ("staff", "product", "price", "packaging"),
    False: ("staff", "product", "price"),
}
_MEAN = {  # (buyer, touchpoint) -> typical score
    (True, "staff"): 4.6,
    (True, "product"): 4.3,
    (True, "price"): 3.7,
    (True, "packaging"): 4.1,
    (False, "staff"): 4.2,
    (False, "product"): 3.4,
    (False, "price"): 2.6,
}
_COMMENTS = {
    "fr": (
        "Conseillère très à l'écoute.",
        "Un peu cher, mais de qualité.",
        "Il manquait ma taille.",
    ),
    "vi": ("Nhân viên rất nhiệt tình.", "Giá hơi cao.", "Không còn size của tôi."),
    "ru": ("Очень внимательный консультант.", "Дороговато.", "Не было моего размера."),
    "en": ("Very helpful staff.", "A bit pricey.", "My size was missing."),
}


def seed_feedback(engine: Engine, *, seed: int, now: datetime) -> int:
    """Answers for a share of the seeded visits; returns how many answers."""
    rng = random.Random(seed * 104729 + 11)
    v, c = tables.visits, tables.customers
    with write_tx(engine) as conn:
        visits = conn.execute(
            sa.select(
                v.c.id,
                v.c.store_id,
                v.c.customer_id,
                v.c.outcome,
                v.c.at,
                v.c.survey_token,
                v.c.scope,
                c.c.language,
            )
            .select_from(v.outerjoin(c, c.c.id == v.c.customer_id))
            .order_by(v.c.id)
        ).all()
        links: list[dict[str, Any]] = []
        answers: list[dict[str, Any]] = []
        for visit in visits:
            buyer = visit.outcome == "bought_here"
            if rng.random() > ANSWER_SHARE[buyer]:
                continue
            at = min(now, datetime.fromisoformat(visit.at) + timedelta(hours=rng.uniform(1, 48)))
            links.append(
                {
                    "token": visit.survey_token,
                    "store_id": visit.store_id,
                    "customer_id": visit.customer_id,
                    "visit_id": visit.id,
                    "buyer": buyer,
                    "created_at": visit.at,
                }
            )
            comments = _COMMENTS.get(visit.language or "fr", _COMMENTS["fr"])
            for touchpoint in _TOUCHPOINTS[buyer]:
                if rng.random() < 0.3:
                    continue
                score = round(min(5.0, max(1.0, rng.gauss(_MEAN[(buyer, touchpoint)], 0.9))))
                answers.append(
                    {
                        "id": seeded_uuid(rng.getrandbits(80), ms=int(at.timestamp() * 1000)),
                        "token": visit.survey_token,
                        "store_id": visit.store_id,
                        "customer_id": visit.customer_id,
                        "visit_id": visit.id,
                        "buyer": buyer,
                        "touchpoint": touchpoint,
                        "score": score,
                        "text": rng.choice(comments) if rng.random() < 0.12 else "",
                        "created_at": iso(at),
                        "scope": visit.scope,  # the visit's (hub.surveys.feedback_scope)
                    }
                )
        if links:
            conn.execute(sa.insert(tables.survey_links), links)
        versions.number(conn, answers)
        if answers:
            conn.execute(sa.insert(tables.feedback), answers)
    return len(answers)
