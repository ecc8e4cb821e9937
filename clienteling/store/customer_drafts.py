"""The new-customer form as typed so far, kept until the customer is created or the form
is cancelled, so a crash or a restart loses nothing the associate wrote (issue 6).

One draft per terminal: the counter has one new-customer form open at a time."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from sqlite_utils import Database

from clienteling.store.meta import delete_meta, get_meta, set_meta

_KEY = "new_customer_draft"


@dataclass(frozen=True, slots=True)
class NewCustomerDraft:
    given_name: str = ""
    family_name: str = ""
    region: str = ""  # the phone's country, as chosen in the form
    phone: str = ""  # as typed (it is normalised on create)
    email: str = ""
    language: str = ""
    preferred_channel: str = ""
    consents: list[str] = field(default_factory=list)  # channels ticked
    loyalty_card: str = ""  # as typed or scanned

    def is_empty(self) -> bool:
        typed = (self.given_name, self.family_name, self.phone, self.email, self.loyalty_card)
        return not any(text.strip() for text in typed) and not self.consents


def save_new_customer_draft(db: Database, draft: NewCustomerDraft) -> None:
    """Keep `draft`; an empty form removes it."""
    if draft.is_empty():
        delete_meta(db, _KEY)
    else:
        set_meta(db, _KEY, json.dumps(asdict(draft), ensure_ascii=False))


def new_customer_draft(db: Database) -> NewCustomerDraft | None:
    raw = get_meta(db, _KEY)
    if raw is None:
        return None
    try:
        body = json.loads(raw)
        return NewCustomerDraft(
            **{k: body[k] for k in NewCustomerDraft.__dataclass_fields__ if k in body}
        )
    except (ValueError, TypeError):
        return None  # an unreadable draft is not worth an error at the counter


def discard_new_customer_draft(db: Database) -> None:
    delete_meta(db, _KEY)
