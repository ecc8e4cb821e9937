"""What every request needs from the running hub, kept on `app.state.hub`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from clienteling.hub.settings import HubSettings
from clienteling.protocol.entities import CATALOG_SCOPE, store_scope


@dataclass(frozen=True, slots=True)
class HubContext:
    settings: HubSettings
    engine: Engine
    epoch: str


@dataclass(frozen=True, slots=True)
class Session:
    """The signed-in associate behind a bearer token, and the device it was issued to."""

    associate_id: str
    username: str
    display_name: str
    role: str
    store_id: str | None
    device_id: str

    def may_read_scope(self, scope: str) -> bool:
        """The store scope is enforced here, never only in the UI."""
        if scope == CATALOG_SCOPE:
            return True
        if self.role == "admin":
            return scope.startswith("store:")
        return self.store_id is not None and scope == store_scope(self.store_id)
