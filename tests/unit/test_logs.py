"""The log setup: a rotating UTF-8 file under the user log dir for the app and `sync`,
stderr only for the hub, and no URL query strings from third-party loggers."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from clienteling.cli import main
from clienteling.terminal.logs import (
    BACKUP_COUNT,
    MAX_BYTES,
    configure_logging,
    current_log_file,
    default_log_file,
    recent_lines,
    unconfigure_logging,
)


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    yield
    unconfigure_logging()


def test_the_file_rotates_in_utf8(tmp_path: Path) -> None:
    path = tmp_path / "log" / "clienteling.log"
    handler = configure_logging(log_file=path)
    assert handler is not None and (handler.maxBytes, handler.backupCount) == (MAX_BYTES, 4)
    assert MAX_BYTES * (BACKUP_COUNT + 1) <= 10 * 1024 * 1024
    logging.getLogger("clienteling.test").info("store %s: Hà Nội – Москва", "s-1")
    assert recent_lines(path)[-1].endswith("clienteling.test: store s-1: Hà Nội – Москва")
    assert current_log_file() == path


def test_recent_lines_reach_into_the_rotated_file(tmp_path: Path) -> None:
    path = tmp_path / "clienteling.log"
    handler = configure_logging(log_file=path)
    assert handler is not None
    log = logging.getLogger("clienteling.test")
    log.info("before rotation")
    handler.doRollover()
    log.info("after rotation")
    lines = recent_lines(path, count=2)
    assert [line.rsplit(": ", 1)[1] for line in lines] == ["before rotation", "after rotation"]


def test_query_strings_of_http_loggers_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "clienteling.log"
    configure_logging(verbose=True, log_file=path, access_log=True)  # as the hub does
    # httpx's and uvicorn's own message formats, with a customer's name in the URL.
    logging.getLogger("httpx").info(
        'HTTP Request: %s %s "%s %d %s"',
        "GET",
        "http://hub/api/v1/customers?q=Nguy%E1%BB%85n&limit=5",
        "HTTP/1.1",
        200,
        "OK",
    )
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d', "10.0.0.7:5122", "GET", "/api/v1/customers?q=0612", "1.1", 200
    )
    logging.getLogger("clienteling.test").info("what? our own lines keep their text")
    text = path.read_text(encoding="utf-8")
    assert "GET http://hub/api/v1/customers?… " in text
    assert '"GET /api/v1/customers?… HTTP/1.1" 200' in text
    assert "Nguy" not in text and "0612" not in text
    assert "what? our own lines" in text


def test_sync_logs_to_the_user_log_dir_and_the_hub_does_not(tmp_path: Path) -> None:
    assert default_log_file().is_relative_to(tmp_path)  # XDG_STATE_HOME, isolated
    assert main(["sync"]) == 2
    assert current_log_file() == default_log_file()
    assert default_log_file().is_file()
    assert main(["hub", "replay", str(tmp_path / "missing.jsonl"), "--db", "x.db"]) == 2
    assert current_log_file() is None
