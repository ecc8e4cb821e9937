"""Issue 5, scenario 3: the terminal process is SIGKILLed while it applies pull pages.

A real hub on 127.0.0.1 and real OS processes (`tests/support/pull_process.py`: the
terminal's own `SyncEngine` and `store.apply`, with small pull pages so one pass spans many
pages; forked by a forkserver that imported it once, so each kill has a fresh process
without a second of imports). Each run is killed at a point drawn from a seeded random
generator, either

- "statement": inside a page's SQLite transaction, just before its S-th SQL statement
  (S random; the COMMIT when the page has fewer), the worst moment: rows written, cursor
  not yet; or
- "timed": a random few milliseconds after page N began to apply, wherever the process
  then is (applying, committing, checkpointing, waiting for the next page).

After every kill the cache is opened read-only and must pass `PRAGMA integrity_check`
and the FTS5 index check, and its rows must be exactly what the stored cursor says was
applied, compared with the hub's own database:

- a snapshot cursor (kind k, id a) has passed every row of the scope's kinds before k and
  the rows of kind k with id <= a: the cache holds exactly those (none missing: the cursor
  never passed an unwritten row; none more: the killed page left nothing behind);
- an incremental cursor at version v has passed every change with version <= v: rows the
  hub last wrote at <= v are in the cache as the hub has them, rows written later are
  still as they were before the pull (or absent when new), rows deleted at <= v are gone.

Then a normal `clienteling sync` (the real CLI in its own process) must converge: the
cache equals the hub's state of every scope of the terminal, field by field.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from clienteling.hub import tables as hub_tables
from clienteling.hub import versions
from clienteling.hub.db import make_engine, migrate, write_tx
from clienteling.hub.entities import kinds_for
from clienteling.hub.feed import Cursor
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.protocol.models import Mutation, PushRequest, SignInRequest
from clienteling.store.cache import connect_cache
from clienteling.store.encryption import connect_encrypted, file_kind, new_cache_key
from clienteling.store.meta import get_meta
from clienteling.store.schema import SCHEMA_VERSION
from clienteling.store.search import search_customers
from clienteling.store.tables import ENTITY_TABLES
from clienteling.sync.client import HubClient
from clienteling.terminal.cache_key import cache_key_entry
from clienteling.terminal.facade import CACHE_FILE, Terminal
from clienteling.terminal.secrets import KeyringSecretStore, MemorySecretStore
from tests.integration.conftest import PASSWORD, USER
from tests.support.memory_keyring import MemoryKeyring
from tests.support.pull_process import SESSION_ENV
from tests.support.pull_process import forked as forked_pull

ROOT = Path(__file__).resolve().parents[2]
CUSTOMERS = 600  # ~1,450 rows in the associate's store scope, ~600 in the catalog
RNG_SEED = 5_2024
SNAPSHOT_KILLS = 14
INCREMENTAL_KILLS = 6
WAIT_S = 30.0

# entity kind -> {id: (version, digest of its fields)}
Rows = dict[str, dict[str, tuple[int, str]]]


# -- the hub --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def crash_hub_seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from clienteling.hub.seed import seed_demo_data

    path = tmp_path_factory.mktemp("crash-hub") / "hub.sqlite3"
    engine = make_engine(str(path))
    migrate(engine)
    seed_demo_data(engine, customers=CUSTOMERS, seed=11)
    engine.dispose()
    return path


@dataclass
class Hub:
    url: str
    db: Path


@pytest.fixture
def hub(crash_hub_seed: Path, tmp_path: Path) -> Iterator[Hub]:
    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(crash_hub_seed, db)
    with HubServer(settings=HubSettings(db=str(db), port=0)) as server:
        yield Hub(url=server.url, db=db)


def _digest(kind: str, row: sqlite3.Row) -> str:
    """The entity's fields as the terminal stores them, normalised (JSON decoded, bools)."""
    spec = ENTITY_TABLES[kind]
    values: list[Any] = []
    for column in spec.columns:
        value = row[column]
        if column in spec.json_columns:
            value = json.loads(value)
        elif column in spec.bool_columns:
            value = bool(value)
        values.append(value)
    raw = json.dumps(values, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()


def _read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _rows(conn: sqlite3.Connection, scope: str, kinds: list[str]) -> Rows:
    out: Rows = {}
    for kind in kinds:
        table = ENTITY_TABLES[kind].table
        out[kind] = {
            row["id"]: (int(row["version"]), _digest(kind, row))
            for row in conn.execute(f"SELECT * FROM {table} WHERE scope = ?", (scope,))
        }
    return out


def hub_rows(hub_db: Path, scope: str) -> Rows:
    conn = _read_only(hub_db)
    try:
        return _rows(conn, scope, [k.name for k in kinds_for(scope)])
    finally:
        conn.close()


def hub_tombstones(hub_db: Path, scope: str) -> dict[tuple[str, str], int]:
    conn = _read_only(hub_db)
    try:
        return {
            (row["entity"], row["entity_id"]): int(row["version"])
            for row in conn.execute("SELECT * FROM tombstones WHERE scope = ?", (scope,))
        }
    finally:
        conn.close()


def cache_rows(cache: Path, scope: str) -> Rows:
    conn = _read_only(cache)
    try:
        return _rows(conn, scope, [k.name for k in kinds_for(scope)])
    finally:
        conn.close()


# -- the terminal -----------------------------------------------------------------------------


@dataclass
class Term:
    data_dir: Path
    cache: Path
    session: dict[str, Any]  # token, device_id, scopes (for pull_process)
    keyring: list[list[str]]  # for the real CLI (tests/support/sync_process.py)


def signed_in_terminal(
    tmp_path: Path, hub: Hub, memory_keyring: MemoryKeyring, name: str = "terminal"
) -> Term:
    """Sign in as the app does (device id and session in the cache, token in the keyring);
    nothing pulled yet. The Terminal object is closed: only subprocesses touch the cache."""
    data_dir = tmp_path / name
    term = Terminal(data_dir=data_dir, hub_url=hub.url, secrets=KeyringSecretStore())
    try:
        term.sign_in(USER, PASSWORD)
        token = KeyringSecretStore().get(f"token:{term.hub_url}:{term.device_id}")
        assert token is not None
        db = connect_cache(term.cache_path)
        try:
            raw = get_meta(db, "session")
        finally:
            db.close()
        assert raw is not None
        scopes = json.loads(raw)["scopes"]
        assert len(scopes) >= 2, scopes  # the catalog and the associate's store
        device_id = term.device_id
    finally:
        term.close()
    return Term(
        data_dir=data_dir,
        cache=data_dir / CACHE_FILE,
        session={"token": token, "device_id": device_id, "scopes": scopes},
        keyring=[[s, k, v] for (s, k), v in memory_keyring.values.items()],
    )


@dataclass
class Plan:
    page_size: int
    mode: str = "none"  # none | statement | timed
    page: int = 0  # the page the kill aims at (1 = the first page of this run)
    statement: int = 0  # mode "statement": stall before this statement of the page
    delay_s: float = 0.0  # mode "timed": after "begin <page>"


@dataclass
class Outcome:
    killed: bool
    lines: list[str] = field(default_factory=list)
    stderr: str = ""

    @property
    def where(self) -> str:
        """Where the kill hit, from the last line the process wrote."""
        last = self.lines[-1] if self.lines else "(nothing)"
        if last.startswith("stall"):
            return "in transaction"
        if last.startswith("begin"):
            return "applying"
        if last.startswith("end"):
            return "between pages"
        return "before the first page"


# The pull processes are forked by a forkserver that has imported the pull process's
# code once: each is still a fresh OS process that opens the cache as the app does and
# dies by SIGKILL, without the second of imports a `python -m` start costs (20 kills).
_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload(["tests.support.pull_process"])


def run_pull(term: Term, hub: Hub, plan: Plan, tmp_path: Path) -> Outcome:
    """One pull pass in its own process, SIGKILLed as `plan` says (or left to finish)."""
    argv = ["--db", str(term.cache), "--hub", hub.url, "--page", str(plan.page_size)]
    if plan.mode == "statement":
        argv += ["--stall-page", str(plan.page), "--stall-statement", str(plan.statement)]
    err_path = tmp_path / "pull-stderr.txt"
    err_path.write_text("")
    env = {**os.environ, SESSION_ENV: json.dumps(term.session)}
    read_end, write_end = _FORKS.Pipe(duplex=False)
    proc = _FORKS.Process(
        target=forked_pull,
        args=(argv, env, write_end, str(err_path)),
        daemon=True,
    )
    proc.start()
    write_end.close()  # the child holds the only write end: its death ends the stream
    stdout = open(os.dup(read_end.fileno()), encoding="utf-8")  # noqa: SIM115
    read_end.close()
    lines: queue.Queue[str | None] = queue.Queue()

    def read(stream: Any) -> None:
        for line in stream:
            lines.put(line.strip())
        lines.put(None)

    reader = threading.Thread(target=read, args=(stdout,), daemon=True)
    reader.start()
    seen: list[str] = []
    killed = False
    try:
        trigger = {
            "statement": f"stall {plan.page} ",
            "timed": f"begin {plan.page}",
        }.get(plan.mode)
        deadline = time.monotonic() + WAIT_S
        while True:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            if line is None:
                break  # the pass ended on its own
            seen.append(line)
            if trigger is not None and (line + " ").startswith(trigger):
                if plan.mode == "timed":
                    time.sleep(plan.delay_s)
                assert proc.pid is not None
                os.kill(proc.pid, signal.SIGKILL)
                killed = True
                break
        proc.join(WAIT_S)
    finally:
        if proc.exitcode is None:
            proc.kill()
            proc.join()
    reader.join(WAIT_S)
    stdout.close()
    while True:  # what it wrote up to its death
        try:
            line = lines.get_nowait()
        except queue.Empty:
            break
        if line is not None:
            seen.append(line)
    stderr = err_path.read_text()
    if killed:
        assert proc.exitcode == -signal.SIGKILL, (proc.exitcode, seen, stderr)
    else:
        assert proc.exitcode == 0, (seen, stderr)
    return Outcome(killed=killed, lines=seen, stderr=stderr)


def random_plan(rng: random.Random, *, sizes: tuple[int, ...], pages: tuple[int, int]) -> Plan:
    plan = Plan(page_size=rng.choice(sizes), page=rng.randint(*pages))
    if rng.random() < 0.5:
        plan.mode = "statement"
        # A page runs about one statement per row plus a few (a stall past its last
        # statement happens at its COMMIT).
        plan.statement = rng.randint(1, plan.page_size + 10)
    else:
        plan.mode = "timed"
        plan.delay_s = rng.uniform(0.0, 0.015)
    return plan


def sync_with_cli(term: Term, hub: Hub) -> str:
    """A normal `clienteling sync` of this terminal, the real command in its own process.

    The command encrypts the (crashed-into, plaintext) cache first, as it does in
    production, with a key the test puts in its keyring; the cache is then decrypted back
    into a plain file so that the checks here can read it with `sqlite3`."""
    key = new_cache_key()
    keyring = [*term.keyring, ["clienteling", cache_key_entry(term.cache), key.hex()]]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "FAULT_TEST_KEYRING": json.dumps(keyring),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.support.sync_process",
            "--hub",
            hub.url,
            "--data-dir",
            str(term.data_dir),
            "sync",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert "refused 0" in done.stdout and "still pending 0" in done.stdout, done.stdout
    assert file_kind(term.cache) == "encrypted"
    decrypt_for_checks(term.cache, key)
    return done.stdout


def decrypt_for_checks(cache: Path, key: bytes) -> None:
    """Rewrite the encrypted cache (all connections closed) as a plain SQLite file."""
    plain = cache.with_name(cache.name + ".plain")
    conn = connect_encrypted(str(cache), key)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    assert not cache.with_name(cache.name + "-wal").exists()
    os.replace(plain, cache)


# -- the checks -----------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Progress:
    """A scope's cursor: phase 0 none, 1 snapshot (`n` rows sent), 2 incremental (`n` the
    version); ordered as a pull advances."""

    phase: int
    n: int
    text: str = field(compare=False)


def check_cache(
    term: Term,
    hub: Hub,
    *,
    before: dict[str, Rows],
    hub_now: dict[str, Rows],
    tombstones: dict[str, dict[tuple[str, str], int]],
) -> dict[str, Progress]:
    """Integrity, then rows == what the stored cursor claims, per scope; returns where
    each scope's cursor stands."""
    conn = _read_only(term.cache)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        states = {
            row["scope"]: (row["cursor"], bool(row["snapshot_done"]))
            for row in conn.execute("SELECT scope, cursor, snapshot_done FROM sync_state")
        }
    finally:
        conn.close()
    check_search_index(term.cache)
    where: dict[str, Progress] = {}
    for scope in term.session["scopes"]:
        kinds = [k.name for k in kinds_for(scope)]
        hub_scope, old = hub_now[scope], before[scope]
        cursor, snapshot_done = states.get(scope, (None, False))
        if cursor is None:
            expected = old
            where[scope] = Progress(0, 0, "no cursor")
        else:
            position = Cursor.decode(cursor)
            assert position.scope == scope
            if position.snapshot:
                assert not snapshot_done
                expected = {}
                for index, kind in enumerate(kinds):
                    rows = hub_scope[kind]
                    if index < position.kind:
                        expected[kind] = dict(rows)
                    elif index == position.kind:
                        expected[kind] = {i: r for i, r in rows.items() if i <= position.after_id}
                    else:
                        expected[kind] = {}
                assert sum(len(r) for r in expected.values()) == position.done
                where[scope] = Progress(
                    1,
                    position.done,
                    f"snapshot at {kinds[position.kind]} rows, {position.done} sent",
                )
            else:
                v = position.version
                gone = {key: ver for key, ver in tombstones[scope].items() if ver > v}
                expected = {}
                for kind in kinds:
                    now, was = hub_scope[kind], old.get(kind, {})
                    expected[kind] = {i: r for i, r in now.items() if r[0] <= v}
                    # written (or deleted) on the hub after v: still as before the pull
                    expected[kind] |= {
                        i: r
                        for i, r in was.items()
                        if (i in now and now[i][0] > v) or (kind, i) in gone
                    }
                where[scope] = Progress(
                    2, v, f"version {v}" + ("" if snapshot_done else " (catching up)")
                )
        actual = cache_rows(term.cache, scope)
        for kind in kinds:
            missing = expected[kind].keys() - actual[kind].keys()
            extra = actual[kind].keys() - expected[kind].keys()
            differ = {
                i
                for i in expected[kind].keys() & actual[kind].keys()
                if expected[kind][i] != actual[kind][i]
            }
            assert not missing, f"{scope} {where[scope]}: cursor passed unwritten {kind} rows"
            assert not extra, f"{scope} {where[scope]}: {kind} rows beyond the cursor"
            assert not differ, f"{scope} {where[scope]}: {kind} rows differ from the cursor's"
    return where


def check_search_index(cache: Path) -> None:
    """FTS5's own check of the customer index against its content (the customer rows);
    it writes nothing, but needs a writable handle, so it runs on a copy of the files."""
    copy_dir = cache.parent.parent / "fts-check"
    shutil.rmtree(copy_dir, ignore_errors=True)
    copy_dir.mkdir()
    for suffix in ("", "-wal"):
        source = cache.with_name(cache.name + suffix)
        if source.exists():
            shutil.copyfile(source, copy_dir / (cache.name + suffix))
    conn = sqlite3.connect(copy_dir / cache.name)
    try:
        conn.execute("INSERT INTO customer_fts (customer_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()
        shutil.rmtree(copy_dir, ignore_errors=True)


def assert_equals_hub(term: Term, hub: Hub) -> None:
    """Every scope of the terminal: the same ids, versions and fields as the hub."""
    conn = _read_only(term.cache)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = dict(conn.execute("SELECT scope, snapshot_done FROM sync_state").fetchall())
    finally:
        conn.close()
    check_search_index(term.cache)
    for scope in term.session["scopes"]:
        assert done.get(scope) == 1, scope
        on_hub, cached = hub_rows(hub.db, scope), cache_rows(term.cache, scope)
        for kind in on_hub:
            assert cached[kind].keys() == on_hub[kind].keys(), (scope, kind)
            assert cached[kind] == on_hub[kind], (scope, kind)


def assert_searches_like_a_clean_sync(term: Term, hub: Hub, tmp_path: Path) -> None:
    """What the associate sees: searches in the crashed-and-resumed cache give the same
    customers in the same order as in a cache filled by one uninterrupted sync."""
    clean = Terminal(data_dir=tmp_path / "clean", hub_url=hub.url, secrets=MemorySecretStore())
    try:
        clean.sign_in(USER, PASSWORD)
        clean.sync_once()
        clean_path = clean.cache_path
    finally:
        clean.close()
    db, ref = connect_cache(term.cache), connect_cache(clean_path)
    try:
        people = db.conn.execute(
            "SELECT display_name, family_name FROM customers ORDER BY id"
        ).fetchall()
        queries = {"a", "n", "ng", "ma", "le"}
        for display_name, family_name in random.Random(RNG_SEED).sample(people, 30):
            queries |= {display_name, family_name[:3]}
        for query in sorted(queries):
            got = [h.id for h in search_customers(db, query, limit=30)]
            assert got == [h.id for h in search_customers(ref, query, limit=30)], query
            assert got or query[:1].isspace(), query
    finally:
        db.close()
        ref.close()


def cache_cursor(cache: Path, scope: str) -> str:
    conn = _read_only(cache)
    try:
        row = conn.execute("SELECT cursor FROM sync_state WHERE scope = ?", (scope,)).fetchone()
    finally:
        conn.close()
    assert row is not None and row[0] is not None
    return str(row[0])


def all_scopes(term: Term, read: Any) -> dict[str, Any]:
    return {scope: read(scope) for scope in term.session["scopes"]}


def kill_runs(
    term: Term,
    hub: Hub,
    tmp_path: Path,
    rng: random.Random,
    *,
    kills: int,
    sizes: tuple[int, ...],
    pages: tuple[int, int],
    before: dict[str, Rows],
) -> list[str]:
    """Kill `kills` pull processes at random points, checking the cache after each."""
    hub_now = all_scopes(term, lambda s: hub_rows(hub.db, s))
    tombstones = all_scopes(term, lambda s: hub_tombstones(hub.db, s))
    log: list[str] = []
    last: dict[str, Progress] = {}
    while len(log) < kills:
        plan = random_plan(rng, sizes=sizes, pages=pages)
        outcome = run_pull(term, hub, plan, tmp_path)
        assert outcome.killed, (
            f"the pull finished before kill {len(log) + 1} ({plan}); "
            "the hub needs more rows or the plans smaller pages"
        )
        where = check_cache(term, hub, before=before, hub_now=hub_now, tombstones=tombstones)
        for scope, progress in where.items():  # each pass resumed where the last one stopped
            assert progress >= last.get(scope, progress), (scope, last[scope], progress)
        last = where
        cursors = "; ".join(f"{s.split(':')[0]}: {p.text}" for s, p in where.items())
        log.append(
            f"kill {len(log) + 1:2}: {plan.page_size:2}-row pages, {plan.mode:9} -> "
            f"{outcome.where:14} [{outcome.lines[-1] if outcome.lines else ''}] {cursors}"
        )
    return log


# -- the scenarios --------------------------------------------------------------------------


def test_kills_during_the_first_snapshot_then_sync_converges(
    hub: Hub, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    started = time.monotonic()
    rng = random.Random(RNG_SEED)
    term = signed_in_terminal(tmp_path, hub, memory_keyring)
    empty = all_scopes(term, lambda s: {k.name: {} for k in kinds_for(s)})

    log = kill_runs(
        term,
        hub,
        tmp_path,
        rng,
        kills=SNAPSHOT_KILLS,
        sizes=(20, 30, 40, 50),
        pages=(2, 5),
        before=empty,
    )
    assert sum("in transaction" in line for line in log) >= SNAPSHOT_KILLS // 3
    assert any("catalog: snapshot" in line for line in log)
    assert any("store: snapshot at customer" in line for line in log)  # search index too

    # The hub moves on before the terminal resumes: rows already sent change, rows not
    # sent yet change, notes go; the snapshot's catch-up from its start version must
    # bring all of it.
    store_scope = next(s for s in term.session["scopes"] if s.startswith("store:"))
    push_notes_and_edit_on_hub(
        hub, sorted(hub_rows(hub.db, store_scope)["customer"]), store_scope, rng
    )

    out = sync_with_cli(term, hub)
    assert_equals_hub(term, hub)
    assert_searches_like_a_clean_sync(term, hub, tmp_path)
    # The pass resumed: it did not pull the whole snapshot again.
    total = sum(len(r) for s in term.session["scopes"] for r in hub_rows(hub.db, s).values())
    pulled = int(out.split("pulled ")[1].split(",")[0])
    assert 0 < pulled < total, out
    print("\n".join([*log, f"converged in {time.monotonic() - started:.1f}s: {out.strip()}"]))


def test_kills_during_an_incremental_pull_then_sync_converges(
    hub: Hub, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    started = time.monotonic()
    rng = random.Random(RNG_SEED + 1)
    term = signed_in_terminal(tmp_path, hub, memory_keyring)
    assert not run_pull(term, hub, Plan(page_size=500), tmp_path).killed  # first sync
    assert_equals_hub(term, hub)
    before = all_scopes(term, lambda s: cache_rows(term.cache, s))
    store_scope = next(s for s in term.session["scopes"] if s.startswith("store:"))

    customers = sorted(before[store_scope]["customer"])
    renamed = push_notes_and_edit_on_hub(hub, customers, store_scope, rng)

    base = int(Cursor.decode(cache_cursor(term.cache, store_scope)).version)
    log = kill_runs(
        term,
        hub,
        tmp_path,
        rng,
        kills=INCREMENTAL_KILLS,
        sizes=(4, 6, 8),
        pages=(2, 4),  # page 1 of a pass is the catalog's (nothing new there)
        before=before,
    )
    final = int(Cursor.decode(cache_cursor(term.cache, store_scope)).version)
    assert base < final  # some kills hit after the pull had gone part of the way

    out = sync_with_cli(term, hub)
    assert_equals_hub(term, hub)
    assert_searches_like_a_clean_sync(term, hub, tmp_path)
    db = connect_cache(term.cache)
    try:
        for customer_id, name in renamed.items():  # the search index follows the renames
            assert customer_id in [h.id for h in search_customers(db, name, limit=5)], name
    finally:
        db.close()
    print("\n".join([*log, f"converged in {time.monotonic() - started:.1f}s: {out.strip()}"]))


def push_notes_and_edit_on_hub(
    hub: Hub, customers: list[str], scope: str, rng: random.Random
) -> dict[str, str]:
    """Changes the terminal has not seen: 40 notes from another device (HTTP push, as a
    terminal sends them), 12 customers renamed and 4 notes deleted on the hub itself (it
    has no endpoint for these yet: written as the hub writes, a new version from the
    scope's counter in the same transaction, a tombstone for a delete)."""
    client = HubClient(hub.url, timeout=10)
    try:
        device = "0190a000-0000-7000-8000-00000000d0b2"
        token = client.sign_in(
            SignInRequest(username=USER, password=PASSWORD, device_id=device)
        ).token
        for batch in range(4):
            mutations = [
                Mutation(
                    id=batch * 10 + i + 1,
                    name="note.add",
                    args={
                        "id": f"0190a000-0000-7000-8000-{batch * 10 + i:012d}",
                        "customer_id": rng.choice(customers),
                        "text": f"from the other device, note {batch * 10 + i}",
                        "created_at": "2024-06-05T10:00:00+00:00",
                    },
                    created_at="2024-06-05T10:00:00+00:00",
                )
                for i in range(10)
            ]
            response = client.push(
                token,
                PushRequest(device_id=device, schema_version=SCHEMA_VERSION, mutations=mutations),
            )
            assert {r.status for r in response.results} == {"applied"}
    finally:
        client.close()

    engine = make_engine(str(hub.db))
    renamed: dict[str, str] = {}
    try:
        c, n, t = hub_tables.customers, hub_tables.notes, hub_tables.tombstones
        for number, customer_id in enumerate(rng.sample(customers, 12)):
            name = f"Zéphyrine Quatrevingt{number:02d}"
            with write_tx(engine) as conn:
                conn.execute(
                    sa.update(c)
                    .where(c.c.id == customer_id)
                    .values(
                        given_name="Zéphyrine",
                        family_name=f"Quatrevingt{number:02d}",
                        display_name=name,
                        version=versions.allocate(conn, scope),
                    )
                )
            renamed[customer_id] = name
        with write_tx(engine) as conn:
            doomed = conn.execute(
                sa.select(n.c.id).where(n.c.scope == scope).order_by(n.c.id).limit(4)
            ).scalars()
            for note_id in list(doomed):
                conn.execute(sa.delete(n).where(n.c.id == note_id))
                conn.execute(
                    sa.insert(t).values(
                        entity="note",
                        entity_id=note_id,
                        scope=scope,
                        version=versions.allocate(conn, scope),
                    )
                )
    finally:
        engine.dispose()
    return renamed
