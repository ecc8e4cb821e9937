"""The desktop app's pulls in a child process (`Terminal(sync_process=True)`,
`sync.pull_process`) against the real hub, and the catalogue's long-poll: a stock change
on the hub reaches an online terminal without waiting for its timer."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from clienteling.domain.errors import HubUnreachableError, SessionExpiredError
from clienteling.hub import versions
from clienteling.hub.db import make_engine, write_tx
from clienteling.hub.tables import inventory
from clienteling.protocol.entities import CATALOG_SCOPE
from clienteling.store.schema import SCHEMA_VERSION
from clienteling.sync.engine import PULL_PAGE, PullJob, SyncProgress
from clienteling.sync.pull_process import PullProcess, PullProcessError, PullSetup
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.integration.conftest import PASSWORD, USER


def _terminal(tmp_path: Path, name: str, hub_url: str, **options: bool) -> Terminal:
    term = Terminal(
        data_dir=tmp_path / name, hub_url=hub_url, secrets=MemorySecretStore(), **options
    )
    term.sign_in(USER, PASSWORD)
    return term


def _nobody_listening() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def _rows(term: Terminal) -> dict[str, int]:
    with sqlite3.connect(term.cache_path) as db:
        return {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("customers", "orders", "products", "inventory", "notes")
        }


def test_a_sync_through_the_process_brings_what_a_sync_on_a_thread_does(
    tmp_path: Path, hub_url: str
) -> None:
    threaded = _terminal(tmp_path, "threaded", hub_url)
    spawned = _terminal(tmp_path, "spawned", hub_url, sync_process=True, encrypt_cache=True)
    try:
        expected = threaded.sync_once()
        seen: list[SyncProgress] = []
        report = spawned.sync_once(progress=seen.append)
        assert report.pulled == expected.pulled > 0
        assert report.kinds == expected.kinds
        assert seen and seen[-1].phase == "pull"  # progress crossed the pipe
        process = spawned._pull_process
        assert process is not None and process.pid not in (None, os.getpid())
        assert spawned.status().ready
        # The encrypted cache was written by the child with the key sent over the pipe.
        hits = threaded.search("a", limit=5)
        assert [h.id for h in spawned.search("a", limit=5)] == [h.id for h in hits]
        assert spawned.sync_once().pulled == 0  # caught up; the same child answers
        assert spawned._pull_process is process and process.pid is not None
    finally:
        threaded.close()
        spawned.close()
    assert process.pid is None  # closed with the terminal


def test_a_killed_sync_process_fails_the_pass_and_the_next_one_converges(
    tmp_path: Path, hub_url: str
) -> None:
    reference = _terminal(tmp_path, "reference", hub_url)
    term = _terminal(tmp_path, "term", hub_url, sync_process=True)
    try:
        reference.sync_once()

        def kill_at_first_page(_p: SyncProgress) -> None:
            process = term._pull_process
            assert process is not None and process.pid is not None
            os.kill(process.pid, signal.SIGKILL)

        with pytest.raises(PullProcessError):
            term.sync_once(progress=kill_at_first_page)
        term.sync_once()  # a new child resumes from the stored cursor
        assert _rows(term) == _rows(reference)
        with sqlite3.connect(term.cache_path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        reference.close()
        term.close()


def test_cancel_reaches_the_child_and_a_later_pass_completes(tmp_path: Path, hub_url: str) -> None:
    term = _terminal(tmp_path, "term", hub_url, sync_process=True)
    cancel = threading.Event()
    try:
        # Small pages, so the snapshot takes several and a cancel lands between them.
        process = PullProcess(PullSetup(db_path=term.cache_path, cache_key=None, hub_url=hub_url))
        _session, token, scopes = term._credentials()
        job = PullJob(
            device_id=term.device_id,
            token=token,
            scopes=tuple(scopes),
            schema_version=SCHEMA_VERSION,
            page_size=20,
        )
        try:
            first = process.run(job, lambda _p: cancel.set(), cancel)
        finally:
            process.close()
        assert first.pulled > 0
        assert not term.status().ready  # stopped between pages
        assert term.sync_once().pulled > 0  # the rest, from the child's stored cursor
        assert term.status().ready
    finally:
        term.close()


def test_the_childs_errors_arrive_as_themselves(tmp_path: Path, hub_url: str) -> None:
    term = _terminal(tmp_path, "term", hub_url)
    job = PullJob(
        device_id=term.device_id,
        token="not-a-token",
        scopes=(CATALOG_SCOPE,),
        schema_version=SCHEMA_VERSION,
        page_size=PULL_PAGE,
    )
    good = PullProcess(PullSetup(db_path=term.cache_path, cache_key=None, hub_url=hub_url))
    gone = PullProcess(
        PullSetup(db_path=term.cache_path, cache_key=None, hub_url=_nobody_listening())
    )
    try:
        with pytest.raises(SessionExpiredError):  # the facade refreshes the token on this
            good.run(job, None, None)
        with pytest.raises(HubUnreachableError):  # the auto sync backs off on this
            gone.run(job, None, None)
    finally:
        good.close()
        gone.close()
        term.close()


def test_a_stock_change_on_the_hub_reaches_an_online_terminal_before_its_timer(
    tmp_path: Path, hub_url: str
) -> None:
    """The catalogue scope has its own long-poll: inventory, prices and products no longer
    wait for the periodic pass (here five minutes away)."""
    term = _terminal(tmp_path, "term", hub_url, sync_process=True)
    passes = threading.Condition()
    statuses: list[object] = []

    def on_status(status: object) -> None:
        with passes:
            statuses.append(status)
            passes.notify_all()

    engine = make_engine(str(tmp_path / "hub.sqlite3"))  # the hub_url fixture's database
    try:
        term.sync_once()
        with sqlite3.connect(term.cache_path) as cache:
            row_id, on_hand = cache.execute("SELECT id, on_hand FROM inventory LIMIT 1").fetchone()
        term.start_auto_sync(interval_s=300.0, on_status=on_status, on_changes=lambda _k: None)
        with passes:  # the pass made at start; the timer's next one is minutes away
            assert passes.wait_for(lambda: bool(statuses), timeout=60)
        with write_tx(engine) as conn:
            conn.execute(
                sa.update(inventory)
                .where(inventory.c.id == row_id)
                .values(on_hand=on_hand + 7, version=versions.allocate(conn, CATALOG_SCOPE))
            )

        def arrived() -> bool:
            with sqlite3.connect(term.cache_path) as cache:
                row = cache.execute("SELECT on_hand FROM inventory WHERE id = ?", (row_id,))
                return bool(row.fetchone()[0] == on_hand + 7)

        with passes:
            assert passes.wait_for(arrived, timeout=60)
        assert len(statuses) >= 2  # a pass the long-poll started, not the timer
    finally:
        term.stop_auto_sync()
        term.close()
        engine.dispose()
