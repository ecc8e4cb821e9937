""" "Copy diagnostics": what support needs to help, as plain text, with no secrets.

One report for the window's Help menu, the crash dialog and `clienteling diagnostics`:
versions (app, Python, Qt, OS), the configuration, the sync state and the last log
lines. Secrets never enter it: setting names that sound secret are masked, passwords in
URLs are cut out, bearer tokens and `key=value` secrets in log lines are masked, and the
keyring is never read (the report says whether a session exists, not what it holds).
The UI passes what only it knows (the Qt version) in `extra`, and the crash dialog the
traceback in `error`.
"""

from __future__ import annotations

import base64
import json
import os
import platform
import re
import sys
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clienteling import __version__
from clienteling.protocol.models import PROTOCOL_VERSION
from clienteling.store.schema import SCHEMA_VERSION
from clienteling.terminal.logs import current_log_file, default_log_file, recent_lines

if TYPE_CHECKING:
    from clienteling.terminal.facade import Terminal
    from clienteling.terminal.settings import TerminalSettings

LOG_LINES = 200
MASK = "«redacted»"

_SECRET_NAME = re.compile(r"secret|token|passw|pwd|pin\b|pin_|credential|api_?key|private", re.I)
_URL_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^/@:\s]*):[^/@\s]*@", re.I)
_BEARER = re.compile(r"(bearer\s+)[A-Za-z0-9._~+/=-]+", re.I)
_SECRET_ASSIGNMENT = re.compile(
    r"(?P<key>[\w.-]*(?:secret|token|passw|pwd|api_?key)[\w.-]*)(?P<eq>\s*[=:]\s*)"
    r"(?P<value>\"[^\"]*\"|'[^']*'|[^\s,;&]+)",
    re.I,
)


def redact_text(text: str) -> str:
    """Cut secrets out of free text: URL passwords, bearer tokens, `token=...` pairs."""
    text = _URL_USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:{MASK}@", text)
    text = _BEARER.sub(lambda m: m[1] + MASK, text)
    return _SECRET_ASSIGNMENT.sub(lambda m: f"{m['key']}{m['eq']}{MASK}", text)


def redact_value(name: str, value: object) -> str:
    """A setting as it may be shown: masked when its name sounds secret, else redacted."""
    if value is None:
        return "(unset)"
    if _SECRET_NAME.search(name):
        return MASK if str(value) else "(empty)"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {redact_value(str(k), v)}" for k, v in value.items()) + "}"
    return redact_text(str(value))


def build_report(
    *,
    terminal: Terminal | None,
    settings: TerminalSettings | None = None,
    error: str | None = None,
    extra: Mapping[str, str] | None = None,
    log_file: Path | None = None,
    log_lines: int = LOG_LINES,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The whole report as text. Never raises for a part it cannot read: that part says
    why, and the rest is still there (support needs it most when things are broken)."""
    sections = [
        ("Clienteling diagnostics", _versions(extra)),
        ("Configuration", _guard(lambda: _configuration(settings, environ or os.environ))),
        ("Sync", _guard(lambda: _sync(terminal))),
    ]
    if error is not None:
        sections.append(("Error", [redact_text(line) for line in error.rstrip().splitlines()]))
    path = log_file or current_log_file() or default_log_file()
    lines = _guard(lambda: [redact_text(line) for line in recent_lines(path, count=log_lines)])
    sections.append((f"Last {log_lines} log lines ({path})", lines or ["(no log lines)"]))
    out: list[str] = []
    for title, body in sections:
        out += [f"== {title} ==", *body, ""]
    return "\n".join(out)


def _guard(make: Any) -> list[str]:
    try:
        result: list[str] = make()
    except Exception as exc:  # a broken part must not hide the others
        return [f"(could not be read: {type(exc).__name__}: {redact_text(str(exc))})"]
    return result


def _versions(extra: Mapping[str, str] | None) -> list[str]:
    rows = {
        "generated": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "clienteling": __version__,
        "protocol version": str(PROTOCOL_VERSION),
        "cache schema version": str(SCHEMA_VERSION),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(),
        "frozen": str(bool(getattr(sys, "frozen", False))),
    }
    for label, names in (
        ("PySide6", ("PySide6", "PySide6_Essentials")),
        ("httpx", ("httpx",)),
        ("keyring", ("keyring",)),
    ):
        rows[label] = _installed_version(label, names)
    rows |= dict(extra or {})
    return _rows(rows.items())


def _installed_version(module: str, distributions: Iterable[str]) -> str:
    """The distribution's version; else the loaded module's `__version__` (a frozen build
    ships no metadata for most packages, but the app has imported them by now)."""
    for name in distributions:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    loaded = sys.modules.get(module)
    version = getattr(loaded, "__version__", None)
    return version if isinstance(version, str) else "(unknown)"


def _configuration(settings: TerminalSettings | None, environ: Mapping[str, str]) -> list[str]:
    from clienteling.terminal.settings import TerminalSettings, config_file

    rows: dict[str, str] = {"config file": str(config_file())}
    if settings is None:  # the window: what the configuration file and environment say
        settings = TerminalSettings()
    if settings is not None:
        for name, value in settings.model_dump().items():
            rows[name] = redact_value(name, value)
    for name in sorted(environ):
        if name.startswith("CLIENTELING_"):
            rows[f"env {name}"] = redact_value(name, environ[name])
    return _rows(rows.items())


def _sync(terminal: Terminal | None) -> list[str]:
    if terminal is None:
        return ["(no terminal opened)"]
    status = terminal.status()
    session = terminal.session
    rows: dict[str, str] = {
        "hub": redact_text(terminal.hub_url),
        "device": terminal.device_id,
        "cache": str(terminal.cache_path),
        "signed in": (
            f"associate {session.associate_id} ({session.role}), store {session.store_id}"
            if session is not None
            else "no"
        ),
        "online": {None: "not tried yet", True: "yes", False: "no"}[status.online],
        "last sync": status.last_sync_at.isoformat() if status.last_sync_at else "never",
        "pending changes": str(status.pending),
        "refused changes": str(status.rejected),
        "first sync complete": "yes" if status.ready else "no",
        "last error": status.error_code or "none",
        "update needed": "yes" if status.update_needed else "no",
    }
    for scope, cursor, done in terminal.sync_positions():
        rows[f"scope {scope}"] = _cursor_text(cursor, snapshot_done=done)
    for scope, checked, resynced in terminal.scope_checks():
        rows[f"check of scope {scope}"] = (
            f"last {checked.isoformat() if checked else 'never'}, "
            + (f"resynced after a difference {resynced.isoformat()}" if resynced else "no resync")
        )
    return _rows(rows.items())


def _cursor_text(cursor: str | None, *, snapshot_done: bool) -> str:
    """The hub's cursor is opaque to the terminal; for support, its epoch and version
    when it reads as the hub's usual base64 JSON."""
    done = "snapshot done" if snapshot_done else "snapshot not finished"
    if cursor is None:
        return f"no cursor, {done}"
    try:
        body = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return f"epoch {body['e']}, version {body['v']}, {done}"
    except (ValueError, KeyError, TypeError):
        return f"opaque cursor, {done}"


def _rows(items: Iterable[tuple[str, str]]) -> list[str]:
    return [f"{name}: {value}" for name, value in items]


def print_diagnostics(settings: TerminalSettings) -> int:
    """`clienteling diagnostics`: the report on stdout, for this terminal's data dir."""
    from clienteling.domain.errors import ClientelingError
    from clienteling.terminal.facade import Terminal
    from clienteling.terminal.secrets import KeyringSecretStore

    terminal: Terminal | None = None
    if settings.hub_url:
        try:
            terminal = Terminal(
                data_dir=settings.data_dir, hub_url=settings.hub_url, secrets=KeyringSecretStore()
            )
        except ClientelingError as exc:
            print(f"(the cache could not be opened: {exc.code})")
    try:
        if terminal is not None:
            try:
                terminal.restore_session()
            except Exception as exc:  # no keyring: say so, report the rest
                print(f"(no session read: {type(exc).__name__})")
        print(build_report(terminal=terminal, settings=settings))
    finally:
        if terminal is not None:
            terminal.close()
    return 0
