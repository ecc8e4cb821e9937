"""Single-use offers at the till: `POST /api/v1/offers/{code}/redeem` (`hub.offers`).

Any signed-in associate of a store may redeem a store offer (the customer may walk into
any store of the chain); the hub records where and by whom. Exactly one of two attempts
with the same code succeeds; the other gets 409 `offer_redeemed`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from clienteling.hub import offers
from clienteling.hub.context import HubContext, Session
from clienteling.hub.db import write_tx
from clienteling.hub.deps import HubDep, SessionDep
from clienteling.hub.errors import ApiError
from clienteling.protocol.models import ErrorBody
from clienteling.protocol.offers import OfferRedeemed

router = APIRouter(prefix="/api/v1", tags=["offers"])

CodePath = Annotated[
    str, Path(min_length=1, max_length=32, description='The code as typed ("7K2QF-M9XDA").')
]


def _redeem(hub: HubContext, session: Session, code: str) -> OfferRedeemed:
    if session.store_id is None:
        raise ApiError(403, "forbidden_role", "offers are redeemed at a store's till")
    try:
        with write_tx(hub.engine) as conn:
            row = offers.redeem(
                conn,
                code,
                channel="store",
                store_id=session.store_id,
                associate_id=session.associate_id,
            )
    except offers.Refusal as refusal:
        status = 404 if refusal.code == "unknown_offer" else 409
        raise ApiError(status, refusal.code, refusal.message) from refusal
    return OfferRedeemed(
        id=row.id,
        code=row.code,
        kind=row.kind,
        valid_in=row.valid_in,
        customer_id=row.customer_id,
        expires_at=row.expires_at,
        redeemed_at=row.redeemed_at,
        redeemed_channel=row.redeemed_channel,
    )


@router.post(
    "/offers/{code}/redeem",
    responses={409: {"model": ErrorBody, "description": "Already used, expired, or online only."}},
)
def redeem_offer(code: CodePath, hub: HubDep, session: SessionDep) -> OfferRedeemed:
    """Redeem a store offer once (cashback or gift); never queued offline."""
    return _redeem(hub, session, code)
