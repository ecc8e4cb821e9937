"""`clienteling sync`: one headless pass with the session the app left in the keyring."""

from __future__ import annotations

from pathlib import Path

import pytest

from clienteling.cli import main
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import KeyringSecretStore


def test_sync_command_pushes_pending_notes_and_reports(
    hub_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "terminal"
    terminal = Terminal(data_dir=data_dir, hub_url=hub_url, secrets=KeyringSecretStore())
    terminal.sign_in("demo-associate", "demo")
    terminal.sync_once()
    customer = terminal.search("a", limit=1)[0]
    terminal.add_note(customer.id, "Asked for size 42 in black")
    terminal.close()

    assert main(["--hub", hub_url, "--data-dir", str(data_dir), "sync"]) == 0
    out = capsys.readouterr().out
    assert "pushed 1," in out
    assert "still pending 0" in out

    assert main(["--hub", hub_url, "--data-dir", str(data_dir), "sync"]) == 0
    assert "pushed 0," in capsys.readouterr().out


def test_sync_command_without_a_session_says_to_sign_in(
    hub_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--hub", hub_url, "--data-dir", str(tmp_path / "t"), "sync"]) == 2
    assert "not signed in" in capsys.readouterr().err
