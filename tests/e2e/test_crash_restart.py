"""A crash loses nothing: the real window in its own process saves a note offline, types
a draft, hits an exception in a slot (the crash dialog comes up) and is killed; the app
reopened on the same data dir finds the draft and the pending note, and sends it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import SERVICE, KeyringSecretStore
from clienteling.ui.crash import EXIT_AFTER_CRASH
from tests.integration.test_update_needed import Hub
from tests.support.memory_keyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
NOTE = "Voudrait essayer le manteau en 40"
DRAFT = "Rappeler quand la taille 38 arrive"


@pytest.fixture
def hub(seeded_hub_db: Path, tmp_path: Path) -> Iterator[Hub]:
    import shutil

    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    running = Hub(db)
    try:
        yield running
    finally:
        running.server.stop()


@pytest.mark.parametrize("then", ["wait", "quit"])
def test_draft_and_outbox_survive_a_crash(
    hub: Hub, tmp_path: Path, memory_keyring: MemoryKeyring, then: str
) -> None:
    """`wait`: the process is killed with the dialog up; `quit`: the user clicks Quit."""
    data_dir = tmp_path / "terminal"
    terminal = Terminal(data_dir=data_dir, hub_url=hub.url, secrets=KeyringSecretStore())
    terminal.sign_in("demo-associate", "demo")
    terminal.sync_once()
    customer_id = terminal.search("a")[0].id
    terminal.close()
    hub.server.stop()  # the store's network is down for the rest of the session

    log_file = tmp_path / "crash.log"
    entries = [[s, k, v] for (s, k), v in memory_keyring.values.items() if s == SERVICE]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "CRASH_TEST_KEYRING": json.dumps(entries),
    }
    command = [sys.executable, "-m", "tests.support.crash_process", "--hub", hub.url]
    command += ["--data-dir", str(data_dir), "--customer", customer_id, "--note", NOTE]
    command += ["--draft", DRAFT, "--log-file", str(log_file), "--then", then]
    with (tmp_path / "stderr.txt").open("w") as err:
        proc = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=err, text=True
        )
    assert proc.stdout is not None
    try:
        line = proc.stdout.readline().strip()
        assert line == "crash dialog shown", (tmp_path / "stderr.txt").read_text()
        if then == "quit":
            assert proc.wait(timeout=60) == EXIT_AFTER_CRASH
    finally:
        proc.kill()  # no clean shutdown: nothing gets a chance to save on the way out
        proc.wait()
        proc.stdout.close()
    logged = log_file.read_text(encoding="utf-8")
    assert "CRITICAL clienteling.ui.crash: unexpected error" in logged
    assert "ZeroDivisionError: a slot failed on purpose" in logged

    again = Terminal(data_dir=data_dir, hub_url=hub.url, secrets=KeyringSecretStore())
    try:
        assert again.restore_session() is not None
        assert again.note_draft(customer_id) == DRAFT
        assert again.status().pending == 1
        profile = again.customer(customer_id)
        assert profile is not None
        [pending] = [n for n in profile.notes if n.pending]
        assert pending.text == NOTE

        hub.restart()  # the network is back
        report = again.sync_once()
        assert (report.pushed, report.pending) == (1, 0)
        assert again.note_draft(customer_id) == DRAFT  # still being written
    finally:
        again.close()
