"""A throwaway PostgreSQL for tests: one server per session, one fresh database per use.

Where the server comes from, in order:

1. `CLIENTELING_TEST_PG_URL` (read when this module is imported, because the root conftest
   strips `CLIENTELING_*` from each test's environment): a role that may CREATE DATABASE;
   every database made here is dropped again at the end of the session.
2. Debian's server binaries (`/usr/lib/postgresql/<major>/bin/initdb` and `pg_ctl`): a
   cluster is initialised in a fresh directory under the system temp dir, started on
   127.0.0.1 with a free port and its unix socket in that directory (trust auth, fsync
   off: it only ever holds test data), then stopped and deleted at the end. PostgreSQL
   refuses to run as root, so under root the cluster belongs to the `postgres` user
   (created by Debian's package; `nobody` otherwise) and its commands run through
   `runuser -u <user> --` (or `setpriv` when `runuser` is missing).
3. Neither: the tests that need PostgreSQL are skipped with the reason, except under CI
   (`CI=true`), where they fail, so a CI machine without PostgreSQL cannot pass silently.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from psycopg import sql

ENV_URL = "CLIENTELING_TEST_PG_URL"
_URL_FROM_ENV = os.environ.get(ENV_URL, "").strip() or None
_BIN_GLOB = "/usr/lib/postgresql/*/bin"
_START_TIMEOUT_S = 60
_SUPERUSER = "postgres"
# Test data only: durability off, quiet logs, enough connections for pooled engines.
_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "log_min_messages": "warning",
    "timezone": "'UTC'",
}


class PostgresUnavailableError(RuntimeError):
    """No PostgreSQL to test against (neither the environment URL nor server binaries)."""


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str) -> None:
    """Skip a PostgreSQL test with `reason`; under CI fail instead (never pass silently)."""
    if in_ci():
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def _conninfo(url: str) -> str:
    """A libpq URI for psycopg from a SQLAlchemy-style URL (`postgresql+psycopg://...`)."""
    parsed = sa.engine.make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


@dataclass
class PostgresServer:
    """A reachable server; `admin_url` points at a database we may CREATE DATABASE from."""

    admin_url: str
    created: list[str] = field(default_factory=list)

    def create_database(self, *, icu_locale: str | None = None) -> str:
        """A new empty database (UTF-8); returns its `postgresql+psycopg://` URL.
        `icu_locale` (e.g. "en-US"): its default collation is that ICU locale's, as a
        retailer's server set up for its country would have (the cluster's is C.UTF-8)."""
        name = f"clienteling_test_{uuid.uuid4().hex[:12]}"
        statement = "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'"
        if icu_locale is not None:
            statement += " LOCALE_PROVIDER icu ICU_LOCALE {} LOCALE 'C.UTF-8'"
        with psycopg.connect(_conninfo(self.admin_url), autocommit=True) as conn:
            conn.execute(sql.SQL(statement).format(sql.Identifier(name), sql.Literal(icu_locale)))
        self.created.append(name)
        url = sa.engine.make_url(self.admin_url).set(drivername="postgresql+psycopg", database=name)
        return url.render_as_string(hide_password=False)

    def drop_databases(self) -> None:
        """Drop every database made here, closing connections that are still open."""
        with psycopg.connect(_conninfo(self.admin_url), autocommit=True) as conn:
            for name in self.created:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )
        self.created.clear()


def server_bin_dir() -> Path | None:
    """The newest `/usr/lib/postgresql/<major>/bin` that has initdb and pg_ctl."""
    found = []
    for candidate in Path("/").glob(_BIN_GLOB.lstrip("/")):
        if (candidate / "initdb").is_file() and (candidate / "pg_ctl").is_file():
            major = re.sub(r"\D", "", candidate.parent.name) or "0"
            found.append((int(major), candidate))
    return max(found)[1] if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LocalCluster:
    """initdb + pg_ctl in a temp dir; as root, owned by and run as an unprivileged user."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="clienteling-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sockets"
        self.log = self.root / "server.log"
        self.port = 0
        self._prefix: list[str] = []
        self._started = False
        if os.geteuid() == 0:
            self._become_unprivileged()

    def _become_unprivileged(self) -> None:
        for name in ("postgres", "nobody"):
            try:
                user = pwd.getpwnam(name)
            except KeyError:
                continue
            break
        else:
            raise PostgresUnavailableError("running as root and no 'postgres' or 'nobody' user")
        if shutil.which("runuser"):
            self._prefix = ["runuser", "-u", user.pw_name, "--"]
        elif shutil.which("setpriv"):
            self._prefix = [
                "setpriv",
                f"--reuid={user.pw_uid}",
                f"--regid={user.pw_gid}",
                "--clear-groups",
                "--",
            ]
        else:
            raise PostgresUnavailableError("running as root without runuser or setpriv")
        self.sockets.mkdir()
        self.log.touch()
        for path in (self.root, self.sockets, self.log):
            os.chown(path, user.pw_uid, user.pw_gid)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [*self._prefix, str(self.bin_dir / args[0]), *args[1:]]
        result = subprocess.run(
            command,
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=_START_TIMEOUT_S + 30,
            check=False,
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(
                f"{' '.join(command)} failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}{log}"
            )
        return result

    def start(self) -> str:
        """initdb and start; returns the admin URL (database `postgres`, trust auth)."""
        self.sockets.mkdir(exist_ok=True)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            _SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            "--no-instructions",
        )
        last_error: Exception | None = None
        for _attempt in range(3):  # another process may grab the free port first
            self.port = _free_port()
            settings = _SETTINGS | {
                "port": str(self.port),
                "unix_socket_directories": f"'{self.sockets}'",
            }
            with (self.data / "postgresql.auto.conf").open("a") as conf:
                conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
            try:
                self._run(
                    "pg_ctl",
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.log),
                    "-w",
                    "-t",
                    str(_START_TIMEOUT_S),
                    "start",
                )
            except RuntimeError as exc:
                last_error = exc
                continue
            self._started = True
            return f"postgresql+psycopg://{_SUPERUSER}@127.0.0.1:{self.port}/postgres"
        raise RuntimeError(f"the PostgreSQL test cluster did not start: {last_error}")

    def stop(self) -> None:
        try:
            if self._started:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
                self._started = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the session (see the module docstring for where it comes from)."""
    if _URL_FROM_ENV is not None:
        server = PostgresServer(admin_url=_URL_FROM_ENV)
        try:
            yield server
        finally:
            server.drop_databases()
        return
    bin_dir = server_bin_dir()
    if bin_dir is None:
        skip_or_fail(f"set {ENV_URL} or install Debian's postgresql (no {_BIN_GLOB}/initdb)")
        return
    try:
        cluster = LocalCluster(bin_dir)
    except PostgresUnavailableError as exc:
        skip_or_fail(str(exc))
        return
    try:
        server = PostgresServer(admin_url=cluster.start())
        yield server
        server.drop_databases()
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty database for one test (dropped at the end of the session)."""
    return postgres_server.create_database()
