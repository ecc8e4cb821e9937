"""Tokens go to the OS keyring; with no usable backend the user is told, nothing is written."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from clienteling.domain.errors import SecretStoreUnavailableError
from clienteling.terminal.secrets import KeyringSecretStore
from tests.support.memory_keyring import MemoryKeyring


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_tokens_round_trip_through_the_keyring(memory_keyring: MemoryKeyring) -> None:
    store = KeyringSecretStore()
    store.set("token:hub:device", "s3cret")
    assert store.get("token:hub:device") == "s3cret"
    assert memory_keyring.values[("clienteling", "token:hub:device")] == "s3cret"
    store.delete("token:hub:device")
    store.delete("token:hub:device")  # deleting twice is fine
    assert store.get("token:hub:device") is None


@pytest.mark.usefixtures("no_keyring")
def test_no_keyring_backend_is_a_clear_error_not_a_plain_file() -> None:
    store = KeyringSecretStore()
    with pytest.raises(SecretStoreUnavailableError) as raised:
        store.set("token:hub:device", "s3cret")
    assert raised.value.code == "keyring_unavailable"
    with pytest.raises(SecretStoreUnavailableError):
        store.get("token:hub:device")
