"""Enrollment codes (admin) and `POST /api/v1/devices/enroll` (a new terminal, no sign-in).

See `hub.enrollment` for the codes and how enrollment and sign-in fit together.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import sqlalchemy as sa
from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from clienteling.hub import audit, enrollment, pagination, ratelimit
from clienteling.hub.access import not_found
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts, read_tx, write_tx
from clienteling.hub.deps import AdminDep, HubDep, IdPath, client_address
from clienteling.hub.errors import ApiError, check_protocol
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.tables import device_revocations, devices, enrollment_codes
from clienteling.protocol.enrollment import EnrollRequest, EnrollResponse
from clienteling.protocol.models import ErrorBody, StoreInfo

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["enrollment"])
_KEYSET = pagination.Keyset(
    "enrollment-codes",
    (enrollment_codes.c.created_at, enrollment_codes.c.id),
    descending=True,
)


class EnrollmentCodeCreate(BaseModel):
    store_id: str | None = Field(
        default=None, max_length=64, description="None: the terminal chooses its store."
    )
    expires_in_hours: float = Field(default=24, gt=0, le=720)


class EnrollmentCodePublic(BaseModel):
    id: str
    store_id: str | None
    created_by: str | None
    created_at: str
    expires_at: str
    used_at: str | None = None
    used_by_device: str | None = None
    revoked_at: str | None = None


class EnrollmentCodeCreated(EnrollmentCodePublic):
    code: str = Field(description="Shown once: the hub keeps only its hash.")


def _public(row: sa.Row[tuple[object, ...]]) -> EnrollmentCodePublic:
    values = {k: v for k, v in row._mapping.items() if k != "code_hash"}
    return EnrollmentCodePublic.model_validate(values)


@router.post("/enrollment-codes", status_code=201)
def create_enrollment_code(
    body: EnrollmentCodeCreate, hub: HubDep, admin: AdminDep
) -> EnrollmentCodeCreated:
    now = utc_now()
    with write_tx(hub.engine) as conn:
        created = enrollment.create_code(
            conn,
            store_id=body.store_id,
            ttl=timedelta(hours=body.expires_in_hours),
            now=now,
            created_by=admin.associate_id,
            device_id=admin.device_id,
        )
        row = conn.execute(
            sa.select(enrollment_codes).where(enrollment_codes.c.id == created.id)
        ).one()
    log.info("enrollment code %s made by %s", created.id, admin.associate_id)
    return EnrollmentCodeCreated(**_public(row).model_dump(), code=created.code)


@router.get("/enrollment-codes")
def list_enrollment_codes(
    hub: HubDep,
    _admin: AdminDep,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[EnrollmentCodePublic]:
    """Codes made in the last 30 days (every code still usable among them: none lasts
    longer), newest first, keyset-paged like every list."""
    since = iso(utc_now() - enrollment.MAX_TTL)
    query = sa.select(enrollment_codes).where(enrollment_codes.c.created_at >= since)
    with read_tx(hub.engine) as conn:
        rows, token = pagination.fetch(conn, query, _KEYSET, limit=limit, next=next)
    return Page(items=[_public(r) for r in rows], next=token)


@router.post("/enrollment-codes/{code_id}/revoke")
def revoke_enrollment_code(code_id: IdPath, hub: HubDep, admin: AdminDep) -> EnrollmentCodePublic:
    """Idempotent; a code already used stays used (revoke the device instead)."""
    with write_tx(hub.engine) as conn:
        row = conn.execute(
            sa.select(enrollment_codes).where(enrollment_codes.c.id == code_id)
        ).first()
        if row is None:
            raise not_found("enrollment code")
        if row.revoked_at is None and row.used_at is None:
            conn.execute(
                sa.update(enrollment_codes)
                .where(enrollment_codes.c.id == code_id)
                .values(revoked_at=iso(utc_now()))
            )
            audit.record(
                conn,
                action=audit.ENROLLMENT_CODE_REVOKE,
                associate_id=admin.associate_id,
                device_id=admin.device_id,
                detail=f"code {code_id}",
            )
        row = conn.execute(
            sa.select(enrollment_codes).where(enrollment_codes.c.id == code_id)
        ).one()
    return _public(row)


_ENROLL_ERRORS: dict[int | str, dict[str, object]] = {
    403: {"model": ErrorBody, "description": "Revoked device or another store's code."},
    404: {"model": ErrorBody, "description": "Unknown code (`enrollment_code_invalid`)."},
    409: {"model": ErrorBody, "description": "Choose a store (`store_required`, see detail)."},
    410: {"model": ErrorBody, "description": "Used, expired or withdrawn code (see `code`)."},
    429: {"model": ErrorBody, "description": "Too many wrong codes; see Retry-After."},
}


@router.post("/devices/enroll", tags=["devices"], responses=_ENROLL_ERRORS)
def enroll_device(body: EnrollRequest, request: Request, hub: HubDep) -> EnrollResponse:
    """Trade a one-time code for a device secret; no sign-in needed."""
    check_protocol(body.protocol_version, hub.settings)
    device_id = body.device_id.strip()
    if not device_id:
        raise ApiError(422, "invalid_request", "device_id is empty")
    now = utc_now()
    settings = hub.settings
    window = timedelta(seconds=settings.sign_in_window_s)
    key = "enroll:" + ratelimit.address_key(client_address(request))
    with read_tx(hub.engine) as conn:
        wait = ratelimit.retry_after(
            conn, limits={key: settings.enroll_max_failures_per_address}, now=now, window=window
        )
    if wait is not None:
        raise ApiError(
            429,
            "too_many_attempts",
            f"too many wrong enrollment codes: wait {wait} seconds, then try again",
            detail={"retry_after": wait},
            headers={"Retry-After": str(wait)},
        )
    with read_tx(hub.engine) as conn:
        code_row = conn.execute(
            sa.select(enrollment_codes).where(
                enrollment_codes.c.code_hash == enrollment.code_hash(body.code)
            )
        ).first()
        revoked = conn.execute(
            sa.select(device_revocations.c.device_id).where(
                device_revocations.c.device_id == device_id
            )
        ).first()
    refused = enrollment.refusal(code_row, now=now)
    if refused is not None:
        with write_tx(hub.engine) as conn:
            ratelimit.record_failure(conn, keys=[key], now=now, window=window)
            audit.record(
                conn,
                action=audit.DEVICE_ENROLL_REFUSED,
                associate_id=None,
                device_id=device_id,
                detail=refused.code,
            )
        log.info("enrollment refused for device %s: %s", device_id, refused.code)
        raise refused
    assert code_row is not None
    if revoked is not None:
        raise ApiError(
            403,
            "device_revoked",
            "an administrator revoked this terminal: reset it, then enroll it again",
        )
    with write_tx(hub.engine) as conn:
        store = enrollment.choose_store(conn, code_row=code_row, store_id=body.store_id)
        added = insert_ignoring_conflicts(
            conn,
            devices,
            {
                "id": device_id,
                "store_id": store.id,
                "last_mutation_id": 0,
                "last_seen_at": iso(now),
            },
        )
        if not added:
            conn.execute(
                sa.update(devices)
                .where(devices.c.id == device_id)
                .values(store_id=store.id, last_seen_at=iso(now))
            )
        done = enrollment.enroll(conn, code_row=code_row, device_id=device_id, store=store, now=now)
        audit.record(
            conn,
            action=audit.DEVICE_ENROLL,
            associate_id=code_row.created_by,
            device_id=device_id,
            detail=f"code {code_row.id} store {done.store.id}",
        )
    log.info("device %s enrolled for store %s", device_id, store.id)
    return EnrollResponse(
        device_id=device_id,
        device_secret=done.device_secret,
        store=StoreInfo(
            id=str(store.id),
            name=str(store.name),
            timezone=str(store.timezone),
            currency=str(store.currency),
        ),
        enrolled_at=done.enrolled_at,
    )
