"""The hub's one settings object: environment variables `CLIENTELING_*` win over defaults."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_db_path() -> str:
    """A SQLite file in the user's data directory, so a bare `clienteling hub` just works."""
    return str(Path(user_data_dir("clienteling")) / "hub.sqlite3")


class HubSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLIENTELING_", extra="ignore")

    db: str = Field(
        default_factory=default_db_path,
        description="SQLAlchemy URL (postgresql+psycopg://...) or a plain SQLite file path.",
    )
    host: str = "127.0.0.1"
    port: int = 8700
    token_ttl_hours: float = 12
