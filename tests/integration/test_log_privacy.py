"""Logs hold no customer data beyond ids: a whole counter flow at DEBUG, the hub in the
same process, and neither the log file nor stderr quotes a name, phone, email or note."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import Engine

from clienteling.hub.db import make_engine
from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.devsinks import SmtpSink
from clienteling.hub.settings import HubSettings
from clienteling.terminal.facade import Terminal
from clienteling.terminal.logs import configure_logging, recent_lines, unconfigure_logging
from tests.integration.test_followups import NOON

GIVEN, FAMILY = "Zéphyrine", "Quatremare"
PHONE_TYPED, PHONE_E164 = "06 12 34 56 78", "+33612345678"
EMAIL = "zephyrine.quatremare@example.org"
NOTE = "Préfère le cachemire bleu nuit, taille S"
LINE = "Le bleu nuit vous va très bien"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "logs" / "clienteling.log"
    configure_logging(verbose=True, log_file=path)
    try:
        yield path
    finally:
        unconfigure_logging()


@pytest.fixture
def hub_engine(tmp_path: Path, hub_url: str) -> Iterator[Engine]:
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    yield engine
    engine.dispose()


def test_a_counter_flow_logs_no_customer_data(
    log_file: Path,
    synced: Terminal,
    hub_url: str,
    hub_engine: Engine,
    capsys: pytest.CaptureFixture[str],
) -> None:
    customer_id = synced.create_customer(
        given_name=GIVEN,
        family_name=FAMILY,
        phone=PHONE_TYPED,
        region="FR",
        email=EMAIL,
        language="fr",
        preferred_channel="email",
        consents={"email": True},
    )
    assert [h.id for h in synced.search(FAMILY)] == [customer_id]
    assert [h.id for h in synced.search(PHONE_TYPED)] == [customer_id]
    assert synced.possible_duplicates(phone=PHONE_TYPED, region="FR", email=EMAIL)
    assert synced.customer(customer_id) is not None
    synced.save_note_draft(customer_id, NOTE[:10])
    synced.add_note(customer_id, NOTE)
    synced.log_visit(
        customer_id=customer_id, outcome="left_without_buying", reason="other", reason_text=NOTE
    )
    picks = [p.id for p in synced.search_products("a")[:2]]
    followup_id = synced.queue_followup(
        customer_id=customer_id,
        channel="email",
        template="thank_you",
        language="fr",
        product_ids=picks,
        personal_line=LINE,
    )
    report = synced.sync_once()
    assert report.pushed == 4 and not report.rejected

    # The hub's own search API, with the name in the query string (httpx logs the URL).
    _session, token, _scopes = synced._credentials()
    for query in (FAMILY, PHONE_E164, EMAIL):
        answer = httpx.get(
            f"{hub_url}/api/v1/customers",
            params={"q": query},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert [c["id"] for c in answer.json()["items"]] == [customer_id]
    with SmtpSink() as sink:
        settings = HubSettings(
            db="unused", smtp_url=sink.url, quiet_hours_start=0, quiet_hours_end=0
        )
        assert run_pass(hub_engine, settings, public_url=hub_url, now=NOON).handled == 1
        assert [m.rcpt_tos for m in sink.wait_for(1)] == [(EMAIL,)]
    synced.sync_once()
    assert synced.followups(customer_id)[0].status == "sent"

    for handler in logging.getLogger().handlers:
        handler.flush()
    written = log_file.read_text(encoding="utf-8")
    stderr = capsys.readouterr().err
    assert "HTTP Request: GET" in written and "q=" not in written  # httpx's line, redacted
    assert followup_id in written and synced.device_id in written  # ids are fine
    for secret in (GIVEN, FAMILY, PHONE_TYPED, PHONE_E164, PHONE_E164[1:], EMAIL, NOTE, LINE):
        for where, text in (("log file", written), ("stderr", stderr)):
            assert secret not in text, f"{secret!r} in the {where}"
    assert recent_lines(log_file, count=5) == written.splitlines()[-5:]
