""" "Copy diagnostics" and `clienteling diagnostics`: versions, configuration, sync state
and recent log lines, with every secret left out (keyring tokens, secret settings,
passwords in URLs, bearer tokens in log lines)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from clienteling.cli import main
from clienteling.protocol.models import PROTOCOL_VERSION
from clienteling.store.schema import SCHEMA_VERSION
from clienteling.terminal.diagnostics import MASK, build_report, redact_text
from clienteling.terminal.facade import Terminal
from clienteling.terminal.logs import configure_logging, unconfigure_logging
from clienteling.terminal.secrets import SERVICE, KeyringSecretStore
from clienteling.terminal.settings import TerminalSettings
from tests.support.memory_keyring import MemoryKeyring

SECRET_ENV = {
    "CLIENTELING_SMTP_URL": "smtp://mailer:smtp-Pa55word@mail.example:587",
    "CLIENTELING_WEBHOOK_SECRET": "whsec-0123456789",
    "CLIENTELING_SHOPIFY_WEBHOOK_SECRET": "shpss-abcdef",
    "CLIENTELING_ENROLL_TOKEN": "enroll-xyz-42",
    "CLIENTELING_LANG": "vi",
}
LEAKS = ("smtp-Pa55word", "whsec-0123456789", "shpss-abcdef", "enroll-xyz-42")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "log" / "clienteling.log"
    configure_logging(log_file=path)
    try:
        yield path
    finally:
        unconfigure_logging()


@pytest.fixture
def keyring_terminal(tmp_path: Path, hub_url: str) -> Iterator[Terminal]:
    """Signed in with the token in the (in-memory) OS keyring, first sync done."""
    term = Terminal(data_dir=tmp_path / "t", hub_url=hub_url, secrets=KeyringSecretStore())
    term.sign_in("demo-associate", "demo")
    term.sync_once()
    yield term
    term.close()


def keyring_values(backend: MemoryKeyring) -> list[str]:
    values = [v for (service, _user), v in backend.values.items() if service == SERVICE]
    assert len(values) >= 2  # the access and the refresh token
    return values


def test_the_report_holds_the_state_and_no_secret(
    keyring_terminal: Terminal,
    memory_keyring: MemoryKeyring,
    log_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    for name, value in SECRET_ENV.items():
        monkeypatch.setenv(name, value)
    terminal = keyring_terminal
    tokens = keyring_values(memory_keyring)
    customer_id = terminal.search("a")[0].id
    terminal.add_note(customer_id, "rappeler jeudi")
    logging.getLogger("clienteling.test").warning(
        "a request with Authorization: Bearer %s to %s", tokens[0], "https://u:hubPa55@hub"
    )
    settings = TerminalSettings(hub_url="https://ops:hub-Pa55@hub.example", data_dir=tmp_path)

    report = build_report(terminal=terminal, settings=settings, extra={"Qt": "6.x"})

    for secret in (*LEAKS, *tokens, "hub-Pa55", "hubPa55"):
        assert secret not in report
    assert "env CLIENTELING_SMTP_URL: smtp://mailer:" + MASK + "@mail.example:587" in report
    assert f"env CLIENTELING_WEBHOOK_SECRET: {MASK}" in report
    assert "env CLIENTELING_LANG: vi" in report
    assert f"hub_url: https://ops:{MASK}@hub.example" in report
    assert f"Bearer {MASK} to https://u:{MASK}@hub" in report  # the log line, redacted
    assert f"protocol version: {PROTOCOL_VERSION}" in report
    assert f"cache schema version: {SCHEMA_VERSION}" in report
    assert "Qt: 6.x" in report and "python: " in report and "os: " in report
    assert "pending changes: 1" in report and "refused changes: 0" in report
    assert "online: yes" in report and "update needed: no" in report
    assert f"device: {terminal.device_id}" in report
    scope_lines = [line for line in report.splitlines() if line.startswith("scope ")]
    assert scope_lines and all("epoch " in line for line in scope_lines)
    assert "snapshot done" in scope_lines[0]
    checks = [line for line in report.splitlines() if line.startswith("check of scope ")]
    assert len(checks) == len(scope_lines) and all("no resync" in line for line in checks)


def test_the_command_prints_the_same_report(
    keyring_terminal: Terminal,
    memory_keyring: MemoryKeyring,
    hub_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, value in SECRET_ENV.items():
        monkeypatch.setenv(name, value)
    tokens = keyring_values(memory_keyring)
    data_dir = keyring_terminal.cache_path.parent
    keyring_terminal.close()

    assert main(["--hub", hub_url, "--data-dir", str(data_dir), "diagnostics"]) == 0
    out = capsys.readouterr().out
    assert "== Clienteling diagnostics ==" in out and "== Sync ==" in out
    assert "signed in: associate " in out and "first sync complete: yes" in out
    for secret in (*LEAKS, *tokens):
        assert secret not in out


def test_redaction_of_free_text() -> None:
    assert redact_text("postgresql://hub:pw@db/x") == f"postgresql://hub:{MASK}@db/x"
    assert redact_text('smtp_password="a b"; token=abc&x=1') == (
        f"smtp_password={MASK}; token={MASK}&x=1"
    )
    assert redact_text("customer 0190-ab synced") == "customer 0190-ab synced"


def test_a_frozen_build_without_package_metadata_still_names_the_versions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """PyInstaller ships metadata only for the packages that ask for it: the report then
    reads the versions the loaded modules carry, instead of "(unknown)"."""
    import importlib.metadata

    import httpx
    import PySide6

    def no_metadata(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", no_metadata)
    settings = TerminalSettings(data_dir=tmp_path)

    report = build_report(terminal=None, settings=settings)

    assert f"PySide6: {PySide6.__version__}" in report
    assert f"httpx: {httpx.__version__}" in report
    assert "keyring: (unknown)" in report  # no __version__ attribute: said, not guessed
