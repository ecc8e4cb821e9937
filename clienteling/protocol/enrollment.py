"""Enrollment wire models: a terminal trades a one-time code for a device secret."""

from __future__ import annotations

from pydantic import BaseModel, Field

from clienteling.protocol.models import PROTOCOL_VERSION, StoreInfo, _Request


class EnrollRequest(_Request):
    code: str = Field(max_length=64, description="The one-time code, with or without dashes.")
    device_id: str = Field(max_length=64, description="The terminal's stable id.")
    store_id: str | None = Field(
        default=None,
        max_length=64,
        description="The store chosen on the terminal; only for a code made without a store.",
    )
    protocol_version: int = PROTOCOL_VERSION


class EnrollResponse(BaseModel):
    device_id: str
    device_secret: str = Field(
        description="Kept by the terminal in the OS keyring and presented at each sign-in; "
        "the hub keeps only its hash."
    )
    store: StoreInfo
    enrolled_at: str = Field(description="UTC, ISO 8601.")


class HubInfo(BaseModel):
    """What `GET /healthz` tells a terminal before it enrolls."""

    status: str
    version: str
    epoch: str
    protocol_min: int | None = None
    protocol_max: int | None = None
