"""Finding a customer the terminal does not hold, and pulling them in (hub.lookups).

`POST /api/v1/customers/{id}/lookup` with the exact phone, email or card the customer
gave answers a `CustomerBundle`: every row the customer 360 shows, as `Change`s the
terminal writes with the same code as a pulled page. `GET /api/v1/customers/{id}/bundle`
answers the same for a refresh, while the store's lookup is valid.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clienteling.protocol.models import Change

MAX_IDENTIFIER = 200


class LookupRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    identifier: str = Field(
        min_length=1,
        max_length=MAX_IDENTIFIER,
        description="The customer's phone (any format), email or loyalty card, exactly.",
    )


class CustomerBundle(BaseModel):
    customer_id: str = Field(description="The customer's id now (a merged id: the survivor).")
    scope: str = Field(description="The customer's feed scope; every change belongs to it.")
    home_store_id: str
    lookup_expires_at: str | None = Field(
        description="Until when this store may refresh and change the customer; None: the "
        "customer is the caller's own store's (no lookup needed)."
    )
    changes: list[Change]
