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
    """`hub_url`: where the hub answers; `data_dir`: the local cache; `lang`: UI language;
    `lock_after_minutes`: idle time before the lock screen (0: never)."""

    model_config = SettingsConfigDict(env_prefix="CLIENTELING_", extra="ignore")

    hub_url: str | None = None
    data_dir: Path = default_data_dir()
    lang: str | None = None
    sync_interval_s: float = 10.0
    lock_after_minutes: float = 5.0  # the terminal locks after this long idle; 0: never

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


def remember_hub_url(url: str) -> Path:
    """Write `hub_url` into the configuration file (first run), keeping its other lines."""
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = [line for line in lines if not line.strip().startswith("hub_url")]
    escaped = url.replace("\\", "\\\\").replace('"', '\\"')
    lines.insert(0, f'hub_url = "{escaped}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
