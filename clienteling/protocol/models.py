"""Sync and auth wire models.

The cursor is opaque to the terminal: it stores and returns the string the hub gave it.
Entity payloads (`Change.data`) are plain JSON objects whose fields are listed in
`protocol.entities`; both sides agree on them there.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
)

PROTOCOL_VERSION = 1
"""The protocol this code speaks."""
PROTOCOL_VERSION_MIN = 1
"""The oldest protocol the hub still accepts."""


ResetReason = Literal["epoch", "cursor_purged"]

PageLayout = Literal["changes", "tables"]
"""How a pull page carries its rows: "changes" (one `Change` object per row, always for
increments) or "tables" (a snapshot page's upserts as `RowTable`s: column names once per
kind, each row a list of values; see `PullRequest.layout`)."""


class ErrorBody(BaseModel):
    """Every hub error: a stable machine `code` and a sentence for people."""

    code: str
    message: str
    detail: dict[str, Any] | None = None


class _Request(BaseModel):
    """What a terminal sends: an unknown field is refused (422), never silently dropped.
    (Answers stay open to new fields, so an older terminal reads a newer hub.)"""

    model_config = ConfigDict(extra="forbid")


class SignInRequest(_Request):
    username: str = Field(max_length=120)
    password: str = Field(max_length=1000)
    device_id: str = Field(
        max_length=64, description="The terminal's stable id (a UUID made at first run)."
    )
    protocol_version: int = PROTOCOL_VERSION
    device_secret: str | None = Field(
        default=None,
        max_length=200,
        description="An enrolled terminal's secret (`/devices/enroll`); required once enrolled.",
    )


class AssociateInfo(BaseModel):
    id: str
    username: str
    display_name: str
    role: Literal["associate", "manager", "admin"]
    store_id: str | None


class StoreInfo(BaseModel):
    id: str
    name: str
    timezone: str
    currency: str


class SignInResponse(BaseModel):
    token: str
    expires_at: str = Field(description="UTC, ISO 8601.")
    associate: AssociateInfo
    store: StoreInfo | None
    scopes: list[str] = Field(
        description='Scopes this terminal pulls, e.g. ["catalog", "store:<id>"].'
    )
    refresh_token: str | None = Field(
        default=None, description="Single use: buys a new `token` at /auth/refresh."
    )
    refresh_expires_at: str | None = Field(default=None, description="UTC, ISO 8601.")


class RefreshRequest(_Request):
    refresh_token: str = Field(max_length=200)
    device_id: str = Field(max_length=64)
    protocol_version: int = PROTOCOL_VERSION


class RefreshResponse(BaseModel):
    """A new access token and a new refresh token (the one sent is used up)."""

    token: str
    expires_at: str = Field(description="UTC, ISO 8601.")
    refresh_token: str
    refresh_expires_at: str = Field(description="UTC, ISO 8601.")


class Mutation(_Request):
    """One intent from the terminal's outbox; ids per device are 1, 2, 3, ... with no gaps."""

    id: int = Field(ge=1)
    name: str = Field(max_length=80, description='An intent, e.g. "note.add".')
    args: dict[str, Any]
    created_at: str = Field(
        max_length=40, description="UTC, ISO 8601, the terminal's clock (informative only)."
    )


class PushRequest(_Request):
    device_id: str = Field(max_length=64)
    protocol_version: int = PROTOCOL_VERSION
    schema_version: int
    mutations: list[Mutation] = Field(max_length=1000)


class MutationResult(BaseModel):
    id: int
    status: Literal["applied", "duplicate", "rejected"]
    reason: str | None = None


class PushResponse(BaseModel):
    last_mutation_id: int
    results: list[MutationResult]
    device_revoked: bool = Field(
        default=False,
        description="An administrator revoked this device: push the rest, then wipe.",
    )


class PullRequest(_Request):
    device_id: str = Field(max_length=64)
    protocol_version: int = PROTOCOL_VERSION
    schema_version: int
    scope: str = Field(max_length=80)
    cursor: str | None = Field(default=None, max_length=2000, description="Null starts a snapshot.")
    limit: int = Field(default=500, ge=1, le=5000)
    wait: float | None = Field(
        default=None,
        ge=0,
        le=30,
        description="Long-poll: with an incremental cursor and nothing new, answer as soon "
        "as the scope changes, or with the empty page after this many seconds.",
    )
    layout: PageLayout = Field(
        default="changes",
        description='"tables": send snapshot pages\' rows in `tables` (about half the bytes '
        "and a fraction of the decoding of `changes`); increments always come as `changes`.",
    )

    @model_serializer(mode="wrap")
    def _without_wait(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """No `wait` or `layout` on the wire unless asked: a hub from before long-poll
        (or tables) refuses unknown fields (422), and a plain pull must keep working."""
        data: dict[str, Any] = handler(self)
        if self.wait is None:
            data.pop("wait", None)
        if self.layout == "changes":
            data.pop("layout", None)
        return data


class ScopeCheckRequest(_Request):
    """After catching up, a terminal asks what the hub holds for the scope (DESIGN.md
    Sync 9) and resyncs the scope when its own rows differ."""

    device_id: str = Field(max_length=64)
    protocol_version: int = PROTOCOL_VERSION
    schema_version: int
    scope: str = Field(max_length=80)
    cursor: str = Field(max_length=2000, description="The terminal's cursor for the scope.")


class KindCheck(BaseModel):
    count: int = Field(description="Rows of this kind in the scope.")
    version_sum: int = Field(description="Sum of their versions: an update missed shows here.")


class ScopeCheckResponse(BaseModel):
    caught_up: bool = Field(
        description="False when the scope changed after the cursor: pull first, check later "
        "(`kinds` is then empty)."
    )
    kinds: dict[str, KindCheck] = Field(default_factory=dict)


class Change(BaseModel):
    entity: str = Field(description='Entity kind, e.g. "customer", "note", "product".')
    op: Literal["upsert", "delete"]
    id: str
    version: int
    data: dict[str, Any] | None = None


class RowTable(BaseModel):
    """A snapshot page's upserts of one entity kind (`PullRequest.layout` "tables"): each
    row holds the values of `columns` in order, `id` among them and `version` last. JSON
    columns (`json_columns`) come as their JSON text, a string, as the hub stores them."""

    entity: str = Field(description='Entity kind, e.g. "customer".')
    columns: list[str] = Field(description='Column names; "id" among them, "version" last.')
    json_columns: list[str] = Field(description="Columns whose values are JSON text (or null).")
    rows: list[list[Any]]


class PullResponse(BaseModel):
    changes: list[Change]
    tables: list[RowTable] = Field(
        default_factory=list,
        description='Only with `layout` "tables": this snapshot page\'s rows, by kind.',
    )
    cursor: str
    has_more: bool
    snapshot: bool = Field(description="True while these pages belong to an initial snapshot.")
    snapshot_total: int | None = Field(default=None, description="Rows in the snapshot (progress).")
    snapshot_done: int | None = Field(default=None, description="Rows sent so far (progress).")
    last_mutation_id: int = Field(description="The device's last applied mutation id.")
    reset: bool = Field(
        default=False,
        description="The terminal must drop this scope's rows and cursor and resync (new epoch).",
    )
    reset_reason: ResetReason | None = Field(
        default=None,
        description='Why `reset`: "epoch" (a restored or rebuilt hub), "cursor_purged" (the '
        "cursor is older than `purged_before`: deletions it missed are forgotten).",
    )
    purged_before: int | None = Field(
        default=None,
        description="Tombstones older than this scope version may be purged: a cursor older "
        "than it resyncs.",
    )
