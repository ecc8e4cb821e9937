"""Issue 8, quick switch on a shared terminal: an associate of another store (a terminal
moved to another store keeps the PINs set before) does not switch in by PIN. The cache is
the enrolled store's and their token has only their own store's scope; the hub refuses
them a password sign-in there too (`wrong_store`, tests/hub/test_enrollment.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clienteling.domain.pins import PinOtherStoreError
from clienteling.terminal.facade import Terminal
from clienteling.ui.lock_screen import pin_error_text

from .conftest import PASSWORD, USER
from .test_enrollment import make_code

PIN = "2580"


def test_a_pin_of_another_store_does_not_open_an_enrolled_terminal(
    terminal: Terminal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = terminal.sign_in(USER, PASSWORD)  # store 1, the terminal not yet enrolled
    terminal.set_pin(PIN)
    assert terminal.unlock_with_pin(session.associate_id, PIN) == session  # works here

    enrolled = terminal.enroll(make_code(tmp_path / "hub.sqlite3", capsys, store="2"))
    assert enrolled.store_id != session.store_id  # the terminal moved to store 2
    with pytest.raises(PinOtherStoreError) as refused:
        terminal.unlock_with_pin(session.associate_id, PIN)
    assert "terminal of your store" in pin_error_text(refused.value)
    holders = [h for h in terminal.pin_holders() if h.associate_id == session.associate_id]
    assert all(not h.disabled for h in holders)  # refused, not counted as wrong
