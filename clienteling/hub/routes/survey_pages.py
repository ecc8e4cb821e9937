"""`GET /s/{token}`: a short survey by touchpoint (staff, product, price, delivery,
packaging, returns), a score 1-5 each and free text; `POST /s/{token}` stores one
`feedback` row per answered touchpoint. Tokens are known through `survey_links`
(`hub.surveys.register_survey_link`); "answer anonymously" drops the customer and visit."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from clienteling.domain.ids import uuid7
from clienteling.hub import links, pages, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.context import HubContext
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.deps import HubDep
from clienteling.hub.routes.followup_pages import form, not_found
from clienteling.hub.surveys import TOUCHPOINTS, feedback_scope, lock_for_answer, survey_link
from clienteling.hub.tables import customers, feedback

router = APIRouter(tags=["customer pages"], include_in_schema=False)
MAX_TEXT = 2000


def _language(conn: sa.Connection, link: Any) -> str:
    if link.customer_id is None:
        return "en"
    language = conn.execute(
        sa.select(customers.c.language).where(customers.c.id == link.customer_id)
    ).scalar_one_or_none()
    return str(language or "en")


def _touchpoints(link: Any) -> list[str]:
    """Buyers are asked about delivery, packaging and returns too; others are not."""
    if link.buyer is False:
        return ["staff", "product", "price"]
    return list(TOUCHPOINTS)


@router.get("/s/{token}", response_class=HTMLResponse)
def survey(token: str, hub: HubDep) -> HTMLResponse:
    with read_tx(hub.engine) as conn:
        link = survey_link(conn, token) if links.looks_like_token(token) else None
        if link is None:
            return not_found(hub)
        language = _language(conn, link)
    return pages.render(
        "survey.html",
        language=language,
        shop_name=hub.settings.shop_name,
        touchpoints=_touchpoints(link),
        action=f"/s/{token}",
        can_be_anonymous=link.customer_id is not None,
    )


def _score(values: list[str]) -> int | None:
    if not values or not values[0].isdigit():
        return None
    score = int(values[0])
    return score if 1 <= score <= 5 else None


def _answer(hub: HubContext, token: str, fields: dict[str, list[str]]) -> HTMLResponse:
    with write_tx(hub.engine) as conn:
        link = survey_link(conn, token) if links.looks_like_token(token) else None
        if link is None:
            return not_found(hub)
        anonymous = fields.get("anonymous") == ["1"]
        if not anonymous:  # one after the other with an erasure of the customer
            link = lock_for_answer(conn, token, link)
        language = _language(conn, link)
        text = (fields.get("text") or [""])[0].strip()[:MAX_TEXT]
        asked = _touchpoints(link)
        text_touchpoint = (fields.get("text_touchpoint") or [asked[0]])[0]
        if text_touchpoint not in asked:
            text_touchpoint = asked[0]
        now = iso(utc_now())
        customer_id = None if anonymous else link.customer_id
        visit_id = None if anonymous else link.visit_id
        scope = feedback_scope(
            conn, visit_id=visit_id, customer_id=customer_id, store_id=link.store_id
        )
        for touchpoint in asked:
            score = _score(fields.get(f"score_{touchpoint}", []))
            own_text = text if touchpoint == text_touchpoint else ""
            if score is None and not own_text:
                continue
            conn.execute(
                sa.insert(feedback).values(
                    id=uuid7(),
                    token=token,
                    store_id=link.store_id,
                    customer_id=customer_id,
                    visit_id=visit_id,
                    buyer=link.buyer,
                    touchpoint=touchpoint,
                    score=score,
                    text=own_text,
                    created_at=now,
                    scope=scope,
                    version=versions.allocate(conn, scope),
                )
            )
    return pages.render(
        "message.html",
        language=language,
        shop_name=hub.settings.shop_name,
        message=pages.words(language)["survey_thanks"],
    )


@router.post("/s/{token}", response_class=HTMLResponse)
async def answer(token: str, request: Request, hub: HubDep) -> HTMLResponse:
    fields = await form(request)
    return await run_in_threadpool(_answer, hub, token, fields)
