"""`PullProcess`: a terminal's pulls run in a child process of their own, so the desktop
app's interpreter lock is never held for them.

Why: a first sync decodes hundreds of 2,000-row pages, builds their rows and search keys
in Python and binds them into SQLite. On a sync thread each of those steps holds the
GIL, and the GUI thread waited for it: ticks of a 5 ms timer came up to 100–450 ms apart
(benchmarks/sync_first_sync.py, `gui`). In another process that work shares no lock with
the GUI; what the GUI process still does per page is read a few small pickles off a pipe.

The child is started once (spawn: nothing of Qt's is inherited) and serves one pass's
pulls at a time; it writes the cache file itself through its own connection (SQLite's
WAL lets the GUI's reads go on) and reports progress, then the result or the error, over
a pipe. The cache key and the tokens travel only over that pipe: never on a command
line, in the environment or in a file. The child ends when `close()` asks it to, or on
its own when the parent's end of the pipe goes away (the app was killed).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from clienteling.domain.errors import ClientelingError
from clienteling.store import learned
from clienteling.store.cache import connect_cache
from clienteling.sync.client import HubClient
from clienteling.sync.engine import PullJob, PullResult, SyncEngine, SyncProgress

log = logging.getLogger(__name__)

_POLL_S = 0.05
"""How often the waiting parent looks at its cancel event between the child's reports."""
_STOP_S = 5.0


class PullProcessError(ClientelingError):
    """The sync process stopped without an answer (it crashed or was killed); the next
    pass starts a new one."""

    code = "sync_process"


@dataclass(frozen=True, slots=True)
class PullSetup:
    """What the child needs once: where the cache and the hub are, and the cache's key."""

    db_path: Path
    cache_key: bytes | None
    hub_url: str


class PullProcess:
    """One child process serving pulls. `run` may be called from any thread, one call at
    a time (the terminal's sync lock already serialises passes)."""

    def __init__(self, setup: PullSetup) -> None:
        self.setup = setup
        self._lock = threading.Lock()
        self._process: Any = None  # multiprocessing's SpawnProcess (untyped)
        self._control: Connection | None = None
        self._reports: Connection | None = None

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        control_child, control = context.Pipe(duplex=False)
        reports, reports_child = context.Pipe(duplex=False)
        process = context.Process(
            target=serve,
            args=(control_child, reports_child),
            name="clienteling-sync",
            daemon=True,
        )
        process.start()
        control_child.close()
        reports_child.close()
        control.send(("setup", self.setup))
        self._process, self._control, self._reports = process, control, reports
        log.info("sync process %s started", process.pid)

    @property
    def pid(self) -> int | None:
        return None if self._process is None else int(self._process.pid)

    def run(
        self,
        job: PullJob,
        progress: Callable[[SyncProgress], None] | None,
        cancel: threading.Event | None,
    ) -> PullResult:
        """Pull in the child; progress is reported on the calling thread. Raises what the
        pull raised there (HubUnreachableError, SessionExpiredError, ...), or
        PullProcessError when the child went away."""
        with self._lock:
            if self._process is None or not self._process.is_alive():
                self._discard()
                self._start()
            control, reports = self._control, self._reports
            assert control is not None and reports is not None
            try:
                control.send(("pull", job))
                return self._wait(control, reports, progress, cancel)
            except (EOFError, OSError) as exc:
                self._discard()
                raise PullProcessError("the sync process stopped during a pull") from exc

    def _wait(
        self,
        control: Connection,
        reports: Connection,
        progress: Callable[[SyncProgress], None] | None,
        cancel: threading.Event | None,
    ) -> PullResult:
        asked_to_cancel = False
        while True:
            if cancel is not None and cancel.is_set() and not asked_to_cancel:
                control.send(("cancel",))
                asked_to_cancel = True
            if not reports.poll(_POLL_S):
                if not self._process.is_alive() and not reports.poll(0):
                    raise EOFError("the sync process exited")
                continue
            message = reports.recv()
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress(message[1])
            elif kind == "log":
                _relay_log(*message[1:])
            elif kind == "done":
                result: PullResult = message[1]
                return result
            elif kind == "error":
                raise _rebuild_error(message[1])
            else:
                raise PullProcessError(f"unexpected report from the sync process: {kind}")

    def close(self) -> None:
        """Ask the child to finish and wait a moment for it; it is killed after that."""
        with self._lock:
            self._discard()

    def _discard(self) -> None:
        process, control, reports = self._process, self._control, self._reports
        self._process = self._control = self._reports = None
        if control is not None:
            with contextlib.suppress(OSError):
                control.send(("stop",))
            control.close()
        if process is not None:
            process.join(_STOP_S)
            if process.is_alive():
                log.warning("sync process %s did not stop: killing it", process.pid)
                process.kill()
                process.join(_STOP_S)
        if reports is not None:
            reports.close()


# --- errors across the pipe --------------------------------------------------------------


_ERROR_MODULES = ("clienteling.domain.errors", "clienteling.sync.client", __name__)

ErrorState = tuple[str, str, str, dict[str, Any]]


def _error_state(exc: BaseException) -> ErrorState:
    """(module, class, message, attributes) of a ClientelingError, to rebuild it as
    itself on the other side (their keyword-only constructors do not pickle)."""
    cls = type(exc)
    if isinstance(exc, ClientelingError) and cls.__module__ in _ERROR_MODULES:
        return cls.__module__, cls.__qualname__, str(exc), dict(vars(exc))
    return "", "", f"{cls.__name__}: {exc}", {}


def _rebuild_error(state: ErrorState) -> Exception:
    module, name, message, attributes = state
    found = getattr(sys.modules.get(module), name, None) if module in _ERROR_MODULES else None
    if not (isinstance(found, type) and issubclass(found, ClientelingError)):
        return RuntimeError(f"the sync process failed: {message}")
    cls = found
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    vars(error).update(attributes)
    return error


def _relay_log(level: int, name: str, message: str) -> None:
    logging.getLogger(name).log(level, "[sync process] %s", message)


# --- the child -----------------------------------------------------------------------------


class _PipeLogHandler(logging.Handler):
    """The child's log records go to the parent's log (the app's log file)."""

    def __init__(self, send: Callable[[tuple[Any, ...]], None]) -> None:
        super().__init__(logging.INFO)
        self._send = send

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):
            self._send(("log", record.levelno, record.name, record.getMessage()))


def serve(control: Connection, reports: Connection) -> None:
    """The child's main: a reader thread takes the parent's messages (a cancel must be
    heard while a pull runs); this thread runs the pulls."""
    send_lock = threading.Lock()

    def send(message: tuple[Any, ...]) -> None:
        with send_lock:
            reports.send(message)

    root = logging.getLogger()
    root.addHandler(_PipeLogHandler(send))
    root.setLevel(logging.INFO)
    jobs: queue.Queue[PullJob | None] = queue.Queue()
    cancel = threading.Event()
    setup: list[PullSetup] = []
    ready = threading.Event()

    def read() -> None:
        try:
            while True:
                message = control.recv()
                if message[0] == "setup":
                    setup.append(message[1])
                    ready.set()
                elif message[0] == "pull":
                    cancel.clear()
                    jobs.put(message[1])
                elif message[0] == "cancel":
                    cancel.set()
                else:
                    break
        except (EOFError, OSError):
            pass  # the parent is gone
        cancel.set()
        ready.set()
        jobs.put(None)

    threading.Thread(target=read, name="sync-process-control", daemon=True).start()
    ready.wait()
    if not setup:
        return
    config = setup[0]
    client = HubClient(config.hub_url)
    try:
        while (job := jobs.get()) is not None:
            engine = SyncEngine(
                db_path=config.db_path,
                client=client,
                device_id=job.device_id,
                token=job.token,
                scopes=job.scopes,
                schema_version=job.schema_version,
                page_size=job.page_size,
                cache_key=config.cache_key,
            )
            try:
                result = engine.pull_only(progress=lambda p: send(("progress", p)), cancel=cancel)
                _refresh_learned(config, result)
            except Exception as exc:  # every failure goes back to the parent to handle
                if not isinstance(exc, ClientelingError):
                    logging.getLogger(__name__).exception("pull failed in the sync process")
                send(("error", _error_state(exc)))
            else:
                send(("done", result))
    except (EOFError, OSError):
        pass  # the parent is gone
    finally:
        client.close()


def _refresh_learned(config: PullSetup, result: PullResult) -> None:
    """Recount "bought together" here when due (store.learned; up to a second of Python
    for a store's orders), so that too stays off the GUI process."""
    db = connect_cache(config.db_path, key=config.cache_key)
    try:
        if learned.refresh_due(db, pulled_orders="order" in result.kinds):
            learned.refresh_bought_together(db)
    except Exception:  # a suggestion is an extra: never fail the pass for it
        logging.getLogger(__name__).warning("bought-together recount failed", exc_info=True)
    finally:
        db.close()
