"""The terminal's settings: one file under platformdirs, overridden by `CLIENTELING_*`
environment variables (which win, for fleets and containers)."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

APP_NAME = "clienteling"


def config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


class TerminalSettings(BaseSettings):
    """`hub_url`: where the hub answers; `data_dir`: the local cache; `lang`: UI language."""

    model_config = SettingsConfigDict(env_prefix="CLIENTELING_", extra="ignore")

    hub_url: str | None = None
    data_dir: Path = default_data_dir()
    lang: str | None = None
    sync_interval_s: float = 10.0

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=config_file()),
        )
