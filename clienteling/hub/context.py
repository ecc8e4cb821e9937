"""What every request needs from the running hub, kept on `app.state.hub`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from clienteling.hub.settings import HubSettings
from clienteling.protocol.entities import CATALOG_SCOPE, store_scope

if TYPE_CHECKING:
    from clienteling.hub.read_ahead import ReadAhead


@dataclass(frozen=True, slots=True)
class HubContext:
    settings: HubSettings
    engine: Engine
    epoch: str
    read_ahead: ReadAhead | None = None  # snapshot pages read before they are asked for


@dataclass(frozen=True, slots=True)
class Session:
    """The signed-in associate behind a bearer token, and the device it was issued to."""

    associate_id: str
    username: str
    display_name: str
    role: str
    store_id: str | None
    device_id: str
    revoked: bool = False  # only ever True for a revoked device's final push

    def may_read_scope(self, scope: str) -> bool:
        """The store scope is enforced here, never only in the UI."""
        if scope == CATALOG_SCOPE:
            return True
        if self.role == "admin":
            return scope.startswith("store:")
        return self.store_id is not None and scope == store_scope(self.store_id)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def visible_scopes(self) -> list[str] | None:
        """The store scopes whose customers this sign-in may see; None means every store
        (admin). Associates and managers see their own store's customers only."""
        if self.is_admin:
            return None
        return [store_scope(self.store_id)] if self.store_id is not None else []

    def may_see_store(self, store_id: str) -> bool:
        return self.is_admin or store_id == self.store_id
