"""Issue 5, "Proof": the terminal against a real hub through a fault-injecting proxy.

Every scenario checks the hub's own database (the notes it holds, the mutations it
recorded per device) and the terminal's cache, so "applied once" and "nothing lost" are
facts, not what the terminal believes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clienteling.domain.errors import HubError, HubUnreachableError
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.store import outbox
from clienteling.store.cache import connect_cache
from clienteling.store.meta import get_meta
from clienteling.store.schema import SCHEMA_VERSION
from clienteling.sync.client import HubClient, HubUnavailableError
from clienteling.sync.engine import SyncEngine, SyncReport
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import KeyringSecretStore, MemorySecretStore
from tests.integration.conftest import PASSWORD, USER
from tests.support.fault_proxy import Fault, FaultProxy
from tests.support.memory_keyring import MemoryKeyring

PUSH = "/api/v1/sync/push"
PULL = "/api/v1/sync/pull"
ROOT = Path(__file__).resolve().parents[2]


# -- fixtures and helpers -------------------------------------------------------------------


@pytest.fixture
def hub(hub_db: Path) -> Iterator[HubServer]:
    with HubServer(settings=HubSettings(db=str(hub_db), port=0)) as server:
        yield server


@pytest.fixture
def proxy(hub: HubServer) -> Iterator[FaultProxy]:
    with FaultProxy(hub.url) as p:
        yield p


@pytest.fixture
def term(tmp_path: Path, proxy: FaultProxy, secrets: MemorySecretStore) -> Iterator[Terminal]:
    """A terminal behind the proxy, signed in, first sync done."""
    t = Terminal(data_dir=tmp_path / "terminal", hub_url=proxy.url, secrets=secrets)
    t.sign_in(USER, PASSWORD)
    t.sync_once()
    yield t
    t.close()


def hub_query(hub_db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"{hub_db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def hub_note_texts(hub_db: Path, customer_id: str) -> list[str]:
    rows = hub_query(
        hub_db, "SELECT text FROM notes WHERE customer_id = ? ORDER BY text", customer_id
    )
    return [r[0] for r in rows]


def hub_mutations(hub_db: Path, device_id: str) -> list[tuple[int, str]]:
    """(mutation id, status) the hub recorded for the device, and its last_mutation_id."""
    rows = hub_query(
        hub_db,
        "SELECT mutation_id, status FROM applied_mutations WHERE device_id = ? "
        "ORDER BY mutation_id",
        device_id,
    )
    return [(int(r[0]), str(r[1])) for r in rows]


def hub_last_mutation_id(hub_db: Path, device_id: str) -> int:
    return int(
        hub_query(hub_db, "SELECT last_mutation_id FROM devices WHERE id = ?", device_id)[0][0]
    )


def local_notes(term: Terminal, customer_id: str) -> list[tuple[str, bool]]:
    profile = term.customer(customer_id)
    assert profile is not None
    return sorted((n.text, n.pending) for n in profile.notes)


def write_notes(term: Terminal, customer_id: str, texts: list[str]) -> None:
    for text in texts:
        term.add_note(customer_id, text)


def a_customer(term: Terminal, query: str = "a") -> str:
    hits = term.search(query, limit=1)
    assert hits
    return hits[0].id


def assert_converged(hub_db: Path, term: Terminal, customer_id: str, texts: list[str]) -> None:
    """Each note once on the hub, once and acknowledged in the cache, outbox empty."""
    on_hub = hub_note_texts(hub_db, customer_id)
    for text in texts:
        assert on_hub.count(text) == 1, (text, on_hub)
    assert local_notes(term, customer_id) == [(t, False) for t in on_hub]
    status = term.status()
    assert (status.pending, status.rejected) == (0, 0)
    mutations = hub_mutations(hub_db, term.device_id)
    assert [m for m, _ in mutations] == list(range(1, len(mutations) + 1))  # each id once
    assert {s for _, s in mutations} <= {"applied"}


def session_scopes(term: Terminal) -> list[str]:
    db = connect_cache(term.cache_path)
    try:
        raw = get_meta(db, "session")
    finally:
        db.close()
    assert raw is not None
    scopes: list[str] = json.loads(raw)["scopes"]
    return scopes


def engine_for(
    term: Terminal,
    token: str,
    url: str,
    *,
    timeout: float = 10,
    page_size: int = 500,
    db_path: Path | None = None,
) -> SyncEngine:
    """A second, independent engine of the same terminal (own HTTP client, own connection)."""
    return SyncEngine(
        db_path=db_path or term.cache_path,
        client=HubClient(url, timeout=timeout),
        device_id=term.device_id,
        token=token,
        scopes=session_scopes(term),
        schema_version=SCHEMA_VERSION,
        page_size=page_size,
    )


def cache_counts(path: Path) -> dict[str, int]:
    db = connect_cache(path)
    try:
        return {
            table: int(db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("customers", "notes", "products")
        }
    finally:
        db.close()


def token_of(term: Terminal, secrets: MemorySecretStore) -> str:
    token = secrets.get(f"token:{term.hub_url}:{term.device_id}")
    assert token is not None
    return token


# -- 1. the response is lost after the hub committed ------------------------------------------


@pytest.mark.parametrize(
    "fault", [Fault.drop_response(), Fault.reset()], ids=["dropped", "reset-mid-body"]
)
def test_lost_push_response_applies_nothing_twice(
    term: Terminal, proxy: FaultProxy, hub_db: Path, fault: Fault
) -> None:
    customer = a_customer(term)
    texts = ["lost answer 1", "lost answer 2", "lost answer 3"]
    write_notes(term, customer, texts)
    rule = proxy.arm(fault, path=PUSH)

    with pytest.raises(HubUnreachableError):
        term.sync_once()
    assert rule.fired.is_set()
    assert hub_mutations(hub_db, term.device_id) == [(1, "applied"), (2, "applied"), (3, "applied")]
    assert term.status().pending == 3  # the terminal cannot know: it keeps them
    assert term.status().online is False

    term.add_note(customer, "written before the retry")  # mutation 4 continues the sequence
    report = term.sync_once()
    assert proxy.sent_upstream(PUSH) == 2  # the batch really went again
    assert report.rejected == [] and report.pending == 0
    assert report.pushed == 4  # three acknowledged as duplicates, one applied
    assert_converged(hub_db, term, customer, [*texts, "written before the retry"])
    assert hub_last_mutation_id(hub_db, term.device_id) == 4


def test_lost_pull_response_is_pulled_again(
    term: Terminal, proxy: FaultProxy, hub_db: Path, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    customer = a_customer(term)
    before = local_notes(term, customer)
    other = Terminal(data_dir=tmp_path / "other", hub_url=proxy.url, secrets=MemorySecretStore())
    try:
        other.sign_in(USER, PASSWORD)
        other.sync_once()
        other.add_note(customer, "from the other terminal")
        other.sync_once()
    finally:
        other.close()

    proxy.arm(Fault.drop_response(), path=PULL)
    with pytest.raises(HubUnreachableError):
        term.sync_once()
    assert local_notes(term, customer) == before
    term.sync_once()
    assert local_notes(term, customer) == sorted([*before, ("from the other terminal", False)])


def test_a_hub_from_before_tables_gets_pages_as_changes(
    proxy: FaultProxy, hub_db: Path, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    """A hub that refuses `layout` (it came before it: 422 for an unknown field) still
    serves the whole first sync, as changes."""
    older = Fault.status(
        422,
        b'{"code": "invalid_request", "message": "the request is not valid: layout: '
        b'Extra inputs are not permitted"}',
    )
    refused = proxy.arm(older, path=PULL, contains=b'"layout"', times=None)
    t = Terminal(data_dir=tmp_path / "terminal", hub_url=proxy.url, secrets=secrets)
    try:
        t.sign_in(USER, PASSWORD)
        t.sync_once()
        t.sync_once()  # a later pass remembers it too
        db = connect_cache(t.cache_path)
        try:
            scope, here = db.conn.execute("SELECT scope, count(*) FROM customers").fetchone()
        finally:
            db.close()
    finally:
        t.close()
    assert refused.hits == 1  # asked once, then never again
    on_hub = hub_query(hub_db, "SELECT count(*) FROM customers WHERE scope = ?", scope)
    assert here == on_hub[0][0] > 0


def test_lost_response_of_a_rejected_push_keeps_the_rejection(
    term: Terminal, proxy: FaultProxy, hub_db: Path
) -> None:
    db = connect_cache(term.cache_path)
    try:
        with db.atomic():
            outbox.enqueue(
                db,
                "note.add",
                {"id": "n-x", "customer_id": "nobody", "text": "x", "created_at": "2024-01-01"},
            )
    finally:
        db.close()
    proxy.arm(Fault.drop_response(), path=PUSH)
    with pytest.raises(HubUnreachableError):
        term.sync_once()
    assert hub_mutations(hub_db, term.device_id) == [(1, "rejected")]

    report = term.sync_once()
    assert [mid for mid, _reason in report.rejected] == [1]
    assert term.rejected_changes() == [(1, "unknown customer")]


# -- 2. the same batch pushed concurrently by two processes of one terminal -----------------


def test_same_batch_from_two_engines_at_once_is_applied_once(
    term: Terminal, proxy: FaultProxy, hub_db: Path, secrets: MemorySecretStore
) -> None:
    """Two engines (own HTTP connections, own SQLite connections) on one cache; the proxy
    holds both pushes until both have arrived, then releases them together."""
    customer = a_customer(term)
    texts = [f"concurrent {i}" for i in range(5)]
    write_notes(term, customer, texts)
    barrier = proxy.arm(Fault.hold(2, timeout_s=10), path=PUSH)
    engines = [engine_for(term, token_of(term, secrets), proxy.url) for _ in range(2)]
    results: list[SyncReport | BaseException] = []

    def run(engine: SyncEngine) -> None:
        try:
            results.append(engine.run_once())
        except BaseException as exc:
            results.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for e in engines:
        e.client.close()

    assert barrier.barrier_met  # both pushes were in flight together
    reports = [r for r in results if isinstance(r, SyncReport)]
    assert len(reports) == 2, results
    assert all(r.rejected == [] for r in reports)
    assert sorted(r.pushed for r in reports) == [5, 5]  # applied by one, duplicate for other
    assert proxy.sent_upstream(PUSH) >= 2
    assert_converged(hub_db, term, customer, texts)
    assert hub_last_mutation_id(hub_db, term.device_id) == 5


def test_same_batch_from_two_sync_processes_is_applied_once(
    tmp_path: Path, proxy: FaultProxy, hub_db: Path, memory_keyring: MemoryKeyring
) -> None:
    """Two real `clienteling sync` OS processes on one terminal's data dir, at once."""
    data_dir = tmp_path / "terminal"
    term = Terminal(  # encrypted, as the app leaves it: the CLI finds the key in the keyring
        data_dir=data_dir, hub_url=proxy.url, secrets=KeyringSecretStore(), encrypt_cache=True
    )
    try:
        term.sign_in(USER, PASSWORD)
        term.sync_once()
        customer = a_customer(term)
        texts = [f"two processes {i}" for i in range(4)]
        write_notes(term, customer, texts)
        barrier = proxy.arm(Fault.hold(2, timeout_s=30), path=PUSH)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "FAULT_TEST_KEYRING": json.dumps(
                [[s, k, v] for (s, k), v in memory_keyring.values.items()]
            ),
        }
        command = [
            sys.executable,
            "-m",
            "tests.support.sync_process",
            "--hub",
            proxy.url,
            "--data-dir",
            str(data_dir),
            "sync",
        ]
        procs = [
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [p.communicate(timeout=60) for p in procs]
        for proc, (out, err) in zip(procs, outputs, strict=True):
            assert proc.returncode == 0, (out, err)
            assert "refused 0" in out and "still pending 0" in out, out
        assert barrier.barrier_met
        assert sorted(int(out.split("pushed ")[1].split(",")[0]) for out, _ in outputs) == [4, 4]
        assert_converged(hub_db, term, customer, texts)
    finally:
        term.close()


# -- 3. the link is cut during a sync --------------------------------------------------------


def test_link_cut_during_a_sync_then_restored(
    term: Terminal, proxy: FaultProxy, hub_db: Path, tmp_path: Path
) -> None:
    customer = a_customer(term)
    before = [h.id for h in term.search("a", limit=20)]
    term.add_note(customer, "pushed just before the cut")
    proxy.arm(Fault.cut_link(), path=PULL)  # the push goes through, the pull hits the cut

    with pytest.raises(HubUnreachableError):
        term.sync_once()
    assert proxy.is_cut
    status = term.status()
    assert status.online is False and status.error_code == "hub_unreachable"
    assert status.ready and status.pending == 0  # the push was acknowledged before the cut
    assert [h.id for h in term.search("a", limit=20)] == before  # cache intact, searchable
    db = connect_cache(term.cache_path)
    try:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()

    # Still cut: work goes on locally, a sync fails fast and clearly.
    term.add_note(customer, "written while cut")
    with pytest.raises(HubUnreachableError):
        term.sync_once()
    assert term.status().pending == 1

    # Meanwhile the hub moves on (another terminal of the store, on a working link).
    other = Terminal(
        data_dir=tmp_path / "other", hub_url=proxy.upstream_url, secrets=MemorySecretStore()
    )
    try:
        other.sign_in(USER, PASSWORD)
        other.sync_once()
        other.add_note(customer, "from the other terminal")
        other.sync_once()
    finally:
        other.close()

    proxy.restore()
    report = term.sync_once()
    assert report.pending == 0 and report.rejected == []
    status = term.status()
    assert status.online is True and status.error_code is None
    on_hub = hub_note_texts(hub_db, customer)
    for text in ("pushed just before the cut", "written while cut", "from the other terminal"):
        assert on_hub.count(text) == 1
    assert local_notes(term, customer) == sorted((t, False) for t in on_hub)


def test_first_sync_cut_mid_snapshot_resumes_where_it_stopped(
    tmp_path: Path, proxy: FaultProxy, secrets: MemorySecretStore
) -> None:
    term = Terminal(data_dir=tmp_path / "fresh", hub_url=proxy.url, secrets=secrets)
    reference = Terminal(data_dir=tmp_path / "reference", hub_url=proxy.url, secrets=secrets)
    try:
        term.sign_in(USER, PASSWORD)
        token = token_of(term, secrets)
        engine = engine_for(term, token, proxy.url, page_size=40)
        # Three pages of the store's customers arrive, then the link is cut.
        proxy.arm(Fault.cut_link(), path=PULL, skip=3, contains=b'"scope":"store:')
        with pytest.raises(HubUnreachableError):
            engine.run_once()
        assert proxy.is_cut and not term.status().ready
        arrived = len(term.search("a", limit=1000))
        assert arrived > 0  # usable over what has arrived

        proxy.restore()
        resumed = engine.run_once()
        assert term.status().ready

        # The same snapshot from scratch into another cache, for comparison.
        whole = engine_for(term, token, proxy.url, page_size=40, db_path=reference.cache_path)
        fresh = whole.run_once()
        for e in (engine, whole):
            e.client.close()
        # Resumed from the stored cursor: the three full pages before the cut not again.
        assert resumed.pulled <= fresh.pulled - 3 * 40
        assert cache_counts(term.cache_path) == cache_counts(reference.cache_path)
    finally:
        term.close()
        reference.close()


# -- 4. a duplicated push request -------------------------------------------------------------


@pytest.mark.parametrize(
    "fault",
    [
        Fault.duplicate(answer="first"),
        Fault.duplicate(answer="second"),
        Fault.duplicate(concurrent=True),
    ],
    ids=["answer-of-first", "answer-of-second", "both-at-once"],
)
def test_duplicated_push_is_applied_once(
    term: Terminal, proxy: FaultProxy, hub_db: Path, fault: Fault
) -> None:
    customer = a_customer(term)
    texts = ["duplicated 1", "duplicated 2"]
    write_notes(term, customer, texts)
    proxy.arm(fault, path=PUSH)
    report = term.sync_once()
    assert proxy.sent_upstream(PUSH) == 2
    assert report.rejected == [] and report.pending == 0 and report.pushed == 2
    assert_converged(hub_db, term, customer, texts)
    assert term.sync_once().pushed == 0


# -- timeouts, gateways and refusals ------------------------------------------------------------


def test_a_hung_hub_times_out_and_a_late_commit_is_not_applied_twice(
    term: Terminal, proxy: FaultProxy, hub_db: Path, secrets: MemorySecretStore
) -> None:
    """The push is delayed past the client's timeout, then reaches the hub anyway."""
    customer = a_customer(term)
    term.add_note(customer, "slow network")
    engine = engine_for(term, token_of(term, secrets), proxy.url, timeout=0.5)
    rule = proxy.arm(Fault.delay(1.5), path=PUSH)
    try:
        with pytest.raises(HubUnreachableError):
            engine.run_once()
        assert term.status().pending == 1
        assert rule.wait(5)  # set once the proxy forwarded it, after the client gave up
        assert proxy.sent_upstream(PUSH) == 1
        assert hub_mutations(hub_db, term.device_id) == [(1, "applied")]
        report = engine.run_once()
        assert report.pending == 0 and report.rejected == []
    finally:
        engine.client.close()
    assert_converged(hub_db, term, customer, ["slow network"])


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gateway_errors_count_as_unreachable(
    term: Terminal, proxy: FaultProxy, hub_db: Path, status: int
) -> None:
    customer = a_customer(term)
    term.add_note(customer, f"behind a {status}")
    proxy.arm(Fault.status(status, b"<html>bad gateway</html>"), path=PUSH)
    with pytest.raises(HubUnavailableError) as raised:
        term.sync_once()
    assert raised.value.status == status
    assert isinstance(raised.value, HubUnreachableError)
    assert term.status().online is False and term.status().error_code == "hub_unreachable"
    assert hub_mutations(hub_db, term.device_id) == []
    term.sync_once()
    assert_converged(hub_db, term, customer, [f"behind a {status}"])


def test_a_refusal_is_not_retried_on_a_timer(term: Terminal, proxy: FaultProxy) -> None:
    """A 4xx means the same request would be refused again: auto sync waits for a change or
    "sync now" instead of retrying every interval (a 503 is retried with backoff)."""
    refusal = proxy.arm(
        Fault.status(400, b'{"code": "bad_request", "message": "refused"}'),
        path=PULL,
        times=None,
    )
    statuses: list[str | None] = []
    passes = threading.Semaphore(0)

    def on_status(status: Any) -> None:
        statuses.append(status.error_code)
        passes.release()

    term.start_auto_sync(interval_s=0.02, on_status=on_status, on_changes=lambda _k: None)
    try:
        assert passes.acquire(timeout=10)
        assert not passes.acquire(timeout=0.5)  # 25 intervals: no blind retry
        assert refusal.hits == 1
        term.request_sync()  # "sync now" tries again at once
        assert passes.acquire(timeout=10)
        assert refusal.hits == 2
    finally:
        term.stop_auto_sync()
    assert statuses == ["hub_error", "hub_error"]
    with pytest.raises(HubError):
        term.sync_once()
