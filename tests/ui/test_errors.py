"""Every error code becomes its own sentence; bugs show an apology and log the traceback."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clienteling.domain import errors
from clienteling.terminal.connections import ThreadConnections
from clienteling.ui.errors import error_text, show_error

KNOWN = [
    (errors.HubUnreachableError("timeout"), "network"),
    (errors.HubError("boom", hub_code="db_locked", status=500), "db_locked"),
    (errors.SignInError("bad"), "password is wrong"),
    (errors.SessionExpiredError("old"), "expired"),
    (errors.NotSignedInError("none"), "sign in"),
    (errors.UpdateNeededError("v9"), "newer version"),
    (errors.CacheNewerError("v9"), "newer version of Clienteling. Update"),
    (errors.CacheCorruptError("bad"), "damaged"),
    (errors.ValidationError("empty"), "not valid"),
    (errors.SecretStoreUnavailableError("no backend"), "keyring"),
    (errors.CacheKeyError("no key"), "encrypted, and this computer's keyring does not hold"),
    (errors.CacheInUseError("busy"), "already using the data"),
    (errors.ClientelingError("other"), "could not be completed"),
]


@pytest.mark.parametrize(("exc", "words"), KNOWN, ids=[type(e).__name__ for e, _ in KNOWN])
def test_each_code_has_its_sentence(qapp: QApplication, exc: Exception, words: str) -> None:
    assert words in error_text(exc)


def test_sentences_differ_per_code(qapp: QApplication) -> None:
    texts = [error_text(exc) for exc, _ in KNOWN]
    assert len(set(texts)) == len(texts)


def test_a_bug_shows_an_apology_and_logs_the_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise KeyError("secret internals")
    except KeyError as exc:
        bug = exc
    assert error_text(bug).startswith("Something went wrong.")
    assert "secret" not in error_text(bug)
    with caplog.at_level(logging.ERROR, logger="clienteling.ui.errors"):
        box = show_error(None, bug)
    assert any(r.exc_info and "secret internals" in str(r.exc_info[1]) for r in caplog.records)
    assert box is not None
    assert box.text().startswith("Something went wrong.")
    assert "secret" not in box.text()
    box.close()


def test_cancellation_shows_nothing(qapp: QApplication) -> None:
    class SyncCancelled(Exception):
        code = "cancelled"

    assert show_error(None, SyncCancelled()) is None


def test_work_left_for_a_closed_terminal_shows_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    """Loads still queued when the terminal closes (quitting, a window going away) are
    cancelled: no message box, as for any cancellation."""
    connections = ThreadConnections(tmp_path / "cache.sqlite3")
    connections.close_all()
    with pytest.raises(errors.TerminalClosedError) as closed:
        connections.get()
    before = set(QApplication.topLevelWidgets())
    assert show_error(None, closed.value) is None
    assert [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()] == []
