"""Follow-ups a person must check: their sending was interrupted after it was prepared, so
nobody knows whether the customer got the message. The hub lists them and never sends
them again; a manager asks the provider and settles each one here.

Read from the hub (never kept offline: a verdict given on a stale list could contradict
one given elsewhere), with customer names from the cache when it has them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from clienteling.protocol.followup_checks import FollowupToCheck
from clienteling.store import followups as followup_store


@dataclass(frozen=True, slots=True)
class FollowupCheck:
    id: str
    customer_id: str
    customer_name: str | None  # None: not in this terminal's cache (show the id)
    associate_name: str
    channel: str
    template: str
    prepared_at: datetime  # when the interrupted send was prepared (else: marked)
    reason: str | None  # the hub's words (English), for a tooltip


@dataclass(frozen=True, slots=True)
class Settled:
    id: str
    status: str  # "sent", or "failed" when it did not go out


def _utc(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def check_views(db: Database, items: list[FollowupToCheck]) -> list[FollowupCheck]:
    names = followup_store.customer_names(db, [item.customer_id for item in items])
    return [
        FollowupCheck(
            id=item.id,
            customer_id=item.customer_id,
            customer_name=names.get(item.customer_id),
            associate_name=item.associate_name,
            channel=item.channel,
            template=item.template,
            prepared_at=_utc(item.prepared_at or item.since),
            reason=item.reason,
        )
        for item in items
    ]
