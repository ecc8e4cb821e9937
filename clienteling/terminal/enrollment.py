"""Enrolling this terminal: a one-time code from an admin buys a device secret, which
lives only in the OS keyring (`SecretStore`) and is presented at every sign-in. The
store it was enrolled for is remembered in the cache, for the wizard and diagnostics."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from clienteling.domain.errors import EnrollmentRefusedError, HubError
from clienteling.protocol.enrollment import EnrollRequest
from clienteling.store.meta import delete_meta, get_meta, set_meta
from clienteling.sync.hub_check import HubCheck as HubCheck  # for the UI (it may not import sync)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from clienteling.sync.client import HubClient
    from clienteling.terminal.secrets import SecretStore

log = logging.getLogger(__name__)

_ENROLLMENT_KEY = "enrollment"

# Hub answers that refuse the code itself (the wizard says why in words).
REFUSALS = frozenset(
    {
        "enrollment_code_invalid",
        "enrollment_code_used",
        "enrollment_code_expired",
        "enrollment_code_revoked",
        "wrong_store",
        "store_not_found",
        "device_revoked",
        "too_many_attempts",
    }
)


@dataclass(frozen=True, slots=True)
class Enrollment:
    store_id: str
    store_name: str
    enrolled_at: str


def enroll_terminal(
    client: HubClient,
    secrets: SecretStore,
    db: Database,
    *,
    code: str,
    device_id: str,
    store_id: str | None,
    secret_key: str,
) -> Enrollment:
    request = EnrollRequest(code=code.strip(), device_id=device_id, store_id=store_id)
    try:
        answer = client.enroll(request)
    except HubError as exc:
        if exc.hub_code in REFUSALS:
            raise EnrollmentRefusedError(str(exc), hub_code=exc.hub_code) from exc
        raise
    secrets.set(secret_key, answer.device_secret)
    enrollment = Enrollment(
        store_id=answer.store.id, store_name=answer.store.name, enrolled_at=answer.enrolled_at
    )
    set_meta(db, _ENROLLMENT_KEY, json.dumps(asdict(enrollment), ensure_ascii=False))
    log.info("terminal %s enrolled for store %s", device_id, enrollment.store_id)
    return enrollment


def stored_enrollment(db: Database) -> Enrollment | None:
    raw = get_meta(db, _ENROLLMENT_KEY)
    return Enrollment(**json.loads(raw)) if raw else None


def forget_stored_enrollment(db: Database) -> None:
    delete_meta(db, _ENROLLMENT_KEY)
