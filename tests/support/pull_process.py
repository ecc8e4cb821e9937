"""`python -m tests.support.pull_process --db CACHE --hub URL --page N`: one real sync pass
(the terminal's `SyncEngine` and `store.apply`) in a separate OS process, with a pull page
size the test chooses, so a test can SIGKILL it at chosen or random points of a long pull.

The session comes from the parent in PULL_TEST_SESSION: {"token", "device_id", "scopes"}.
`forked` runs the same pass in a process forked by a `multiprocessing` forkserver that
has this module imported already (tests/integration/test_crash_during_pull.py).
The cache is opened as the app opens it (integrity check, migrations) before the pass.

What the process writes to stdout (each line flushed before it goes on), so that a parent
that kills it can tell afterwards where the kill hit from the last line written:
- `begin N` just before page N is applied, `end N` once its transaction has committed;
- with `--stall-page P --stall-statement S`: `stall P S <sql>` when page P's transaction
  is about to run its S-th SQL statement (or its COMMIT, when it has fewer), after which
  the process waits there, transaction open, for the parent's SIGKILL. Statements are
  counted with SQLite's trace hook on the engine's own connection, so this does not
  depend on how `store.apply` is written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import clienteling.sync.engine as engine_module
from clienteling.store.cache import connect_cache, open_cache
from clienteling.store.schema import SCHEMA_VERSION
from clienteling.sync.client import HubClient
from clienteling.sync.engine import SyncEngine

SESSION_ENV = "PULL_TEST_SESSION"
_STALL_S = 120.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--hub", required=True)
    parser.add_argument("--page", type=int, required=True)
    parser.add_argument("--stall-page", type=int, default=0)
    parser.add_argument("--stall-statement", type=int, default=0)
    args = parser.parse_args(argv)
    session = json.loads(os.environ[SESSION_ENV])

    open_cache(args.db).close()  # as the app starts: check, migrate

    page = 0
    statement = 0
    applying = False

    def trace(sql: str) -> None:
        nonlocal statement
        if not applying:
            return
        statement += 1
        if page == args.stall_page and (
            statement == args.stall_statement or sql.lstrip().upper().startswith("COMMIT")
        ):
            print(f"stall {page} {statement} {' '.join(sql.split())[:70]}", flush=True)
            time.sleep(_STALL_S)

    def traced_connect(path: Path, *, key: bytes | None = None) -> Any:
        db = connect_cache(path, key=key)
        db.conn.set_trace_callback(trace)
        return db

    real_apply = engine_module.apply_page

    def traced_apply(*a: Any, **kw: Any) -> set[str]:
        nonlocal page, statement, applying
        page += 1
        statement = 0
        print(f"begin {page}", flush=True)
        applying = True
        kinds = real_apply(*a, **kw)
        applying = False
        print(f"end {page} {statement}", flush=True)
        return kinds

    engine_module.connect_cache = traced_connect
    engine_module.apply_page = traced_apply
    client = HubClient(args.hub, timeout=10)
    try:
        engine = SyncEngine(
            db_path=args.db,
            client=client,
            device_id=session["device_id"],
            token=session["token"],
            scopes=session["scopes"],
            schema_version=SCHEMA_VERSION,
            page_size=args.page,
        )
        report = engine.run_once()
    finally:
        client.close()
    print(f"done pulled {report.pulled} pending {report.pending}", flush=True)
    return 0


def forked(argv: list[str], env: dict[str, str], out: Connection, err_path: str) -> None:
    """`main` in a process the test's forkserver forks (`multiprocessing`, this module
    preloaded): a fresh OS process like `python -m`, without a second of imports per
    run. Its environment is `env` (the forkserver's is the one of the test that started
    it), stdout goes to `out` (a pipe's write end), stderr to `err_path`; the exit code
    is main's."""
    os.environ.clear()
    os.environ.update(env)
    os.dup2(out.fileno(), 1)
    out.close()
    err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(err, 2)
    os.close(err)
    sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
    code = main(argv)
    sys.stdout.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
