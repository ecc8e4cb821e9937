"""Access tokens are short-lived: the terminal trades its refresh token (kept in the
secret store) when the hub says the session expired, and goes on syncing; once the
refresh token is gone too, the associate is asked to sign in again."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from clienteling.domain.errors import SessionExpiredError
from clienteling.hub.db import make_engine
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import refresh_tokens, sessions
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.integration.conftest import PASSWORD, USER

PAST = "2000-01-01T00:00:00+00:00"


def test_an_expired_access_token_is_refreshed_then_sync_goes_on(
    hub_db: Path, tmp_path: Path
) -> None:
    secrets = MemorySecretStore()
    engine = make_engine(str(hub_db))
    with HubServer(settings=HubSettings(db=str(hub_db), port=0, purge_interval_s=0)) as hub:
        terminal = Terminal(data_dir=tmp_path / "t", hub_url=hub.url, secrets=secrets)
        try:
            terminal.sign_in(USER, PASSWORD)
            token_key = f"token:{terminal.hub_url}:{terminal.device_id}"
            refresh_key = f"refresh:{terminal.hub_url}:{terminal.device_id}"
            first_token, first_refresh = secrets.get(token_key), secrets.get(refresh_key)
            assert first_token and first_refresh
            terminal.sync_once()

            with engine.begin() as conn:
                conn.execute(
                    sa.update(sessions)
                    .where(sessions.c.device_id == terminal.device_id)
                    .values(expires_at=PAST)
                )
            customer = terminal.search("a", limit=1)[0].id
            terminal.add_note(customer, "after the token expired")
            report = terminal.sync_once()
            assert report.pushed == 1 and report.pending == 0
            assert secrets.get(token_key) not in (None, first_token)
            assert secrets.get(refresh_key) not in (None, first_refresh)
            assert terminal.status().error_code is None

            with engine.begin() as conn:
                for table in (sessions, refresh_tokens):
                    conn.execute(sa.delete(table).where(table.c.device_id == terminal.device_id))
            with pytest.raises(SessionExpiredError):
                terminal.sync_once()
            assert terminal.status().error_code == "session_expired"
        finally:
            terminal.close()
            engine.dispose()
