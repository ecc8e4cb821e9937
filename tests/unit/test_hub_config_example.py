"""The hub's commented example (`resources/hub.example.toml`) holds only real, valid hub
settings, and the task and checkout keys are documented in docs/configuration.md."""

from __future__ import annotations

import tomllib
from pathlib import Path

from clienteling.hub.settings import HubSettings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "hub.example.toml"
DOC = ROOT / "docs" / "configuration.md"


def test_the_hub_example_is_valid_and_documented() -> None:
    example = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert example and set(example) <= set(HubSettings.model_fields)
    settings = HubSettings(**example)
    assert settings.checkout_abandon_after_minutes == example["checkout_abandon_after_minutes"]
    doc = DOC.read_text(encoding="utf-8")
    for name in (
        "task_interval_s",
        "checkout_abandon_after_minutes",
        "checkout_abandon_interval_s",
    ):
        assert f"`{name}`" in doc, name
    commented = [
        line[2:].split("=")[0].strip()
        for line in EXAMPLE.read_text(encoding="utf-8").splitlines()
        if line.startswith("# ") and " = " in line
    ]
    assert set(commented) <= set(HubSettings.model_fields)
