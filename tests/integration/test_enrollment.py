"""A terminal enrolls on the real hub: the code buys a device secret that lives only in
the keyring and is presented at sign-in; with no keyring the code is not spent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import sqlalchemy as sa
from keyring.backends import fail

from clienteling.cli import main
from clienteling.domain.errors import (
    EnrollmentRefusedError,
    HubTlsError,
    SecretStoreUnavailableError,
    ValidationError,
)
from clienteling.hub.db import make_engine
from clienteling.hub.tables import devices
from clienteling.sync.hub_check import is_insecure, normalize_hub_url
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import KeyringSecretStore
from tests.support.memory_keyring import MemoryKeyring

from .conftest import PASSWORD, USER


def make_code(hub_db: Path, capsys: pytest.CaptureFixture[str], store: str = "1") -> str:
    """A code from `clienteling hub enroll-code`, as an admin would make it."""
    capsys.readouterr()
    assert main(["hub", "enroll-code", "--store", store, "--db", str(hub_db)]) == 0
    return capsys.readouterr().out.strip()


@pytest.fixture
def keyring_terminal(tmp_path: Path, hub_url: str) -> Iterator[Terminal]:
    term = Terminal(data_dir=tmp_path / "kt", hub_url=hub_url, secrets=KeyringSecretStore())
    yield term
    term.close()


def test_enroll_keeps_the_secret_in_the_keyring_and_sign_in_presents_it(
    keyring_terminal: Terminal,
    hub_url: str,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    terminal = keyring_terminal
    check = Terminal.check_hub(hub_url + "/")
    assert check.url == hub_url and not check.insecure
    assert check.protocol_min == 1 and check.version
    assert not terminal.is_enrolled()
    code = make_code(tmp_path / "hub.sqlite3", capsys)
    enrolled = terminal.enroll(code)
    assert enrolled.store_name and terminal.is_enrolled()
    assert terminal.enrollment() == enrolled
    secrets = [v for (svc, key), v in memory_keyring.values.items() if "device_secret" in key]
    assert len(secrets) == 1 and secrets[0]
    for path in (tmp_path / "kt").iterdir():  # nowhere on disk
        assert secrets[0].encode() not in path.read_bytes()

    session = terminal.sign_in(USER, PASSWORD)
    assert session.store_id == enrolled.store_id
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    with engine.connect() as conn:
        store = conn.execute(
            sa.select(devices.c.store_id).where(devices.c.id == terminal.device_id)
        ).scalar()
    engine.dispose()
    assert store == enrolled.store_id

    with pytest.raises(EnrollmentRefusedError) as refused:
        terminal.enroll(code)
    assert refused.value.hub_code == "enrollment_code_used"
    terminal.forget_enrollment()
    assert not terminal.is_enrolled() and terminal.enrollment() is None
    assert not any("device_secret" in key for _svc, key in memory_keyring.values)


def test_without_a_keyring_enrolling_fails_clearly_and_keeps_the_code(
    keyring_terminal: Terminal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = make_code(tmp_path / "hub.sqlite3", capsys)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(SecretStoreUnavailableError):
            keyring_terminal.is_enrolled()
        with pytest.raises(SecretStoreUnavailableError):
            keyring_terminal.enroll(code)
    finally:
        keyring.set_keyring(previous)
    assert not any(p.suffix == ".txt" for p in (tmp_path / "kt").iterdir())
    # The code was not spent: with a keyring back, it still enrolls the terminal.
    assert keyring_terminal.enroll(code).store_id


def test_tls_to_a_plain_http_hub_is_a_tls_error_not_a_hang(hub_url: str) -> None:
    with pytest.raises(HubTlsError) as failed:
        Terminal.check_hub(hub_url.replace("http://", "https://"))
    assert failed.value.reason == "handshake"
    assert failed.value.code == "hub_tls"


def test_hub_addresses_are_checked_and_plain_http_elsewhere_is_flagged() -> None:
    assert normalize_hub_url(" https://hub.example.com/ ") == "https://hub.example.com"
    for bad in ("hub.example.com", "ftp://hub", "https://", "https://h:port", "http://h/?a=1"):
        with pytest.raises(ValidationError):
            normalize_hub_url(bad)
    assert is_insecure("http://192.0.2.10:8700")
    assert is_insecure("http://hub.store.lan")
    assert not is_insecure("http://127.0.0.1:8700")
    assert not is_insecure("http://localhost:8700")
    assert not is_insecure("http://[::1]:8700")
    assert not is_insecure("https://hub.example.com")


@pytest.fixture
def self_signed_server(tmp_path: Path) -> Iterator[str]:
    """An https server on 127.0.0.1 with a self-signed certificate (as a hub set up
    without a proper certificate would have)."""
    import datetime as dt
    import http.server
    import ipaddress
    import ssl
    import threading

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_self_signed_certificate_is_named_as_such(self_signed_server: str) -> None:
    with pytest.raises(HubTlsError) as failed:
        Terminal.check_hub(self_signed_server)
    assert failed.value.reason == "self_signed"
