"""Redeeming an offer code at the till: a question to the hub, never queued offline.

The hub's refusals (already used, expired, online only, unknown) come back as a
`Redemption` with the reason code for the associate; "the hub is not reachable" stays an
error (HubUnreachableError): without the hub nothing is redeemed.
"""

from __future__ import annotations

from dataclasses import dataclass

from clienteling.domain.errors import HubError, ValidationError
from clienteling.domain.offers import normalize_code
from clienteling.sync.client import HubClient

REFUSALS = frozenset({"unknown_offer", "offer_redeemed", "offer_expired", "offer_wrong_channel"})


@dataclass(frozen=True, slots=True)
class Redemption:
    code: str
    redeemed: bool
    refusal: str | None = None  # unknown_offer | offer_redeemed | offer_expired | ...
    message: str = ""  # the hub's sentence (English), for logs and tooltips
    kind: str | None = None  # domain.offers.OFFER_KINDS
    customer_id: str | None = None


def redeem(client: HubClient, token: str, typed: str) -> Redemption:
    code = normalize_code(typed)
    if code is None:
        raise ValidationError("an offer code has ten letters and digits, e.g. 7K2QF-M9XDA")
    try:
        answer = client.redeem_offer(token, code)
    except HubError as exc:
        if exc.hub_code in REFUSALS:
            return Redemption(code=code, redeemed=False, refusal=exc.hub_code, message=str(exc))
        raise
    return Redemption(code=code, redeemed=True, kind=answer.kind, customer_id=answer.customer_id)
