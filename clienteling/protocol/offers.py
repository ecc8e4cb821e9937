"""Redeeming a single-use offer at the till (`POST /api/v1/offers/{code}/redeem`).

Only the hub decides: a redemption is never queued offline. A refusal is an `ErrorBody`
with code `unknown_offer` (404), `offer_redeemed`, `offer_expired` or
`offer_wrong_channel` (409) and a sentence for the associate.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class OfferRedeemed(BaseModel):
    """The offer, now redeemed (a second attempt gets a 409 instead)."""

    id: str
    code: str
    kind: str = Field(description="store_cashback | store_gift | free_delivery | free_pickup")
    valid_in: str = Field(description='"store" or "online".')
    customer_id: str
    expires_at: str
    redeemed_at: str
    redeemed_channel: str
