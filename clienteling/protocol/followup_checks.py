"""Follow-ups whose sending was interrupted (`GET /api/v1/followups/needs-check`) and a
manager's verdict on one (`POST /api/v1/followups/{id}/resolve`).

The hub never resends such a follow-up: a person asks the provider, then says whether it
went out (`sent`) or not (`not_sent`: it ends `failed`, and the associate may queue a new
one). Managers and admins only; the store scope is the hub's to enforce.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SettleOutcome = Literal["sent", "not_sent"]

# The list is keyset-paged but its body stays a plain JSON list (terminals from before
# paging read one): the `next` token of the following page travels in this header,
# absent on the last page. Pass it back as the `next` query parameter.
NEXT_PAGE_HEADER = "Next-Page"


class FollowupToCheck(BaseModel):
    id: str
    customer_id: str
    store_id: str | None
    associate_id: str
    associate_name: str
    channel: str
    template: str
    reason: str | None = Field(description="Why the outcome is unknown.")
    since: str = Field(description="When the follow-up was marked for a check (UTC).")
    prepared_at: str | None = Field(description="When the interrupted send was prepared.")
    worker: str | None = Field(description="The delivery worker that prepared it.")
    provider_id: str | None = Field(description="The provider's message id, if it answered.")


class SettleRequest(BaseModel):
    outcome: SettleOutcome


class FollowupSettled(BaseModel):
    id: str
    status: str = Field(description='"sent", or "failed" when it did not go out.')
