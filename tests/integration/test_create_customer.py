"""A customer created at the counter while offline: searchable at once, sent at the next
sync, on the hub, and pulled by the store's other terminal."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from clienteling.domain.errors import HubUnreachableError, ValidationError
from clienteling.store import outbox
from clienteling.store.cache import connect_cache
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.integration.conftest import PASSWORD, USER


def test_create_offline_search_sync_and_pull(
    synced: Terminal, secrets: MemorySecretStore, tmp_path: Path, hub_url: str
) -> None:
    terminal = synced
    assert terminal.default_region() == "FR"  # the demo chain's stores are in France
    # Created locally with no hub call (offline creation: see the next test).
    customer_id = terminal.create_customer(
        given_name="  Hélène ",
        family_name="Nguyễn",
        phone="06 12 34 56 78",
        email="Helene.Nguyen@Example.fr",
        language="fr",
        preferred_channel="whatsapp",
        consents={"whatsapp": True, "email": False},
    )

    # Searchable at once: name without diacritics, any order; phone in national format.
    assert customer_id in [h.id for h in terminal.search("helene nguyen")]
    assert customer_id in [h.id for h in terminal.search("nguyen helene")]
    assert customer_id in [h.id for h in terminal.search("06 12 34 56 78")]
    assert customer_id in [h.id for h in terminal.search("+33612345678")]
    profile = terminal.customer(customer_id)
    assert profile is not None
    assert profile.phones == ["+33612345678"]
    assert profile.emails == ["helene.nguyen@example.fr"]
    assert profile.lifecycle_stage == "acquisition"
    assert {c.channel: c.granted for c in profile.consents} == {"email": False, "whatsapp": True}
    # The same phone or email now shows as a possible duplicate.
    assert [h.id for h in terminal.possible_duplicates(phone="0612345678")] == [customer_id]
    assert [h.id for h in terminal.possible_duplicates(email="helene.nguyen@example.FR")] == [
        customer_id
    ]
    assert terminal.possible_duplicates(phone="061234") == []
    assert terminal.status().pending == 1

    terminal.sync_once()
    assert terminal.status().pending == 0 and terminal.status().rejected == 0
    token = secrets.get(f"token:{terminal.hub_url}:{terminal.device_id}")
    response = httpx.get(
        f"{hub_url}/api/v1/customers/{customer_id}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    on_hub = response.json()["customer"]
    assert on_hub["display_name"] == "Hélène Nguyễn"
    assert on_hub["phones"] == ["+33612345678"]
    assert on_hub["lifecycle_stage"] == "acquisition"
    # The local row now carries the hub's version; still found by search.
    db = connect_cache(terminal.cache_path)
    try:
        version = db.conn.execute(
            "SELECT version FROM customers WHERE id = ?", (customer_id,)
        ).fetchone()[0]
        assert version > 0
        assert outbox.pending(db) == []
    finally:
        db.close()
    assert customer_id in [h.id for h in terminal.search("helene")]

    # A second terminal of the same store pulls it.
    second = Terminal(data_dir=tmp_path / "second", hub_url=hub_url, secrets=MemorySecretStore())
    try:
        second.sign_in(USER, PASSWORD)
        second.sync_once()
        assert customer_id in [h.id for h in second.search("helene nguyen")]
        assert customer_id in [h.id for h in second.search("0612345678")]
    finally:
        second.close()


def test_created_while_the_hub_is_down(tmp_path: Path, hub_url: str) -> None:
    """Really offline: a terminal whose hub address answers nothing still creates."""
    secrets = MemorySecretStore()
    terminal = Terminal(data_dir=tmp_path / "t", hub_url=hub_url, secrets=secrets)
    try:
        terminal.sign_in(USER, PASSWORD)
        terminal.sync_once()
    finally:
        terminal.close()
    dead = Terminal(data_dir=tmp_path / "t", hub_url="http://127.0.0.1:9", secrets=secrets)
    try:
        # The token was stored per hub url; copy it for the unreachable address.
        secrets.set(
            f"token:http://127.0.0.1:9:{dead.device_id}",
            secrets.get(f"token:{hub_url}:{dead.device_id}") or "",
        )
        assert dead.restore_session() is not None
        customer_id = dead.create_customer(
            given_name="Ánh", family_name="Trần", phone="+84 90 123 45 67", language="vi"
        )
        assert [h.id for h in dead.search("tran anh")][:1] == [customer_id]
        with pytest.raises(HubUnreachableError):
            dead.sync_once()
        assert dead.status().pending == 1
    finally:
        dead.close()


def test_invalid_input_writes_nothing(synced: Terminal) -> None:
    with pytest.raises(ValidationError):
        synced.create_customer(given_name="Jean", family_name="Dupont", phone="12")
    with pytest.raises(ValidationError):
        synced.create_customer(given_name=" ", family_name="Dupont")
    with pytest.raises(ValidationError):
        synced.create_customer(given_name="Jean", family_name="Dupont", email="jean@")
    assert synced.status().pending == 0
