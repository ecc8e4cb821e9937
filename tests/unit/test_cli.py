"""Every command answers --help and is documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clienteling.cli import build_parser, main

README = Path(__file__).resolve().parents[2] / "README.md"


def _subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)  # type: ignore[arg-type]


def test_the_commands_are_config_demo_diagnostics_hub_and_sync() -> None:
    assert _subcommands() == ["config", "demo", "diagnostics", "hub", "sync"]


@pytest.mark.parametrize(
    "command",
    [[], ["demo"], ["hub"], ["hub", "enroll-code"], ["config"], ["sync"], ["diagnostics"]],
)
def test_help_says_what_each_command_does(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "usage: clienteling" in out
    assert len(out.splitlines()) > 4


def test_every_command_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    assert "uv run clienteling demo" in text
    assert "uv run pytest" in text
    for command in _subcommands():
        assert re.search(rf"`clienteling {command}\b", text), command


def test_sync_without_a_hub_says_how_to_configure_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["sync"]) == 2
    assert "No hub is configured" in capsys.readouterr().err
