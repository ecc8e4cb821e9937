"""Where the app's log lines go: one owner for logging setup, for every command.

The desktop app, `clienteling demo` and `clienteling sync` write to stderr and to a
rotating file under platformdirs' user log dir (what support asks for, and what "copy
diagnostics" quotes); the hub logs to stderr, and to a file when given `--log-file`.

Logs hold no customer data beyond ids. Our own code logs ids only; what third-party
loggers write (httpx's "HTTP Request: GET ...?q=..." line, uvicorn's access line) passes a
filter that drops URL query strings, where search text and other typed values travel.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from collections import deque
from pathlib import Path

import platformdirs

APP_NAME = "clienteling"
LOG_FILE_NAME = "clienteling.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 4  # five files of 2 MB at most
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# One line per HTTP request or migration step drowns what matters (unless --verbose).
CHATTY = ("httpx", "httpcore", "alembic", "uvicorn.access", "multipart")
# Loggers that quote what they carry (aiosmtpd, the demo's SMTP sink, logs each
# recipient and, at DEBUG, each message line): never below WARNING, even with --verbose.
CONTENT_LOGGERS = ("mail.log",)
# Loggers whose lines quote URLs the code did not write itself.
URL_LOGGERS = ("httpx", "httpcore", "uvicorn", "h11", "starlette", "fastapi")

_QUERY = re.compile(r"\?[^\s\"'<>]*")
_OWNED = "_clienteling_owned"


def default_log_file() -> Path:
    """`~/.local/state/clienteling/log/clienteling.log` on Linux (platformdirs)."""
    return Path(platformdirs.user_log_dir(APP_NAME)) / LOG_FILE_NAME


class QueryStringFilter(logging.Filter):
    """Replace every URL query string in third-party log lines by `?…`: a search for a
    customer's name or phone must not end up in a log file."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith(URL_LOGGERS):
            message = record.getMessage()
            redacted = _QUERY.sub("?…", message)
            if redacted != message:
                record.msg, record.args = redacted, None
        return True


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever `sys.stderr` is at the time (test runners swap it)."""

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def unconfigure_logging() -> None:
    """Remove what `configure_logging` installed (tests; the root level goes back to
    WARNING, Python's default)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OWNED, False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.WARNING)
    for name in (*CHATTY, *CONTENT_LOGGERS):
        logging.getLogger(name).setLevel(logging.NOTSET)


def configure_logging(
    *, verbose: bool = False, log_file: Path | None = None, access_log: bool = False
) -> logging.handlers.RotatingFileHandler | None:
    """Log to stderr, and also to `log_file` (rotating, UTF-8) when given. Calling it
    again replaces what an earlier call installed (tests, a second command in-process).
    `access_log` keeps one line per HTTP request served (the hub).
    Returns the file handler, or None when there is none (or the file cannot be opened:
    a read-only home must not stop the app)."""
    unconfigure_logging()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = [_StderrHandler()]
    file_handler: logging.handlers.RotatingFileHandler | None = None
    if log_file is not None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            file_handler = logging.handlers.RotatingFileHandler(
                log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
            )
        except OSError as exc:
            print(f"Cannot write the log file {log_file}: {exc}", file=sys.stderr)
        else:
            handlers.append(file_handler)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(QueryStringFilter())
        setattr(handler, _OWNED, True)
        root.addHandler(handler)
    for chatty in CHATTY:
        logging.getLogger(chatty).setLevel(logging.NOTSET if verbose else logging.WARNING)
    if access_log:
        access = logging.getLogger("uvicorn.access")
        access.setLevel(logging.INFO)
        access.propagate = True  # an embedded server with access_log=False turned it off
    for quoting in CONTENT_LOGGERS:
        logging.getLogger(quoting).setLevel(logging.WARNING)
    return file_handler


def current_log_file() -> Path | None:
    """The file the running process logs to (None: stderr only)."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, _OWNED, False) and isinstance(
            handler, logging.handlers.RotatingFileHandler
        ):
            return Path(handler.baseFilename)
    return None


def recent_lines(path: Path | None, *, count: int = 200) -> list[str]:
    """The last `count` lines of the log `path` and, when it was just rotated, of the
    file before it; [] when there is no log file."""
    if path is None:
        return []
    for handler in logging.getLogger().handlers:
        handler.flush()
    lines: deque[str] = deque(maxlen=count)
    for candidate in (path.with_name(path.name + ".1"), path):
        try:
            with candidate.open(encoding="utf-8", errors="replace") as text:
                lines.extend(line.rstrip("\n") for line in text)
        except OSError:
            continue
    return list(lines)
