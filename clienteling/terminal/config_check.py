"""`clienteling config check`: is the terminal's configuration what the fleet admin meant?

Reads the same sources as `TerminalSettings` (config.toml under platformdirs, then
`CLIENTELING_*` variables, which win) and reports unknown keys (a typo is otherwise
silently ignored), values of the wrong type, a data directory that cannot be written,
and a hub address that is not one. Every key is described in docs/configuration.md.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pydantic
from pydantic import TypeAdapter

from clienteling.domain.errors import ValidationError
from clienteling.sync.hub_check import is_insecure, normalize_hub_url
from clienteling.terminal.settings import TerminalSettings, config_file

ENV_PREFIX = "CLIENTELING_"
LANGUAGES = ("en", "vi", "fr", "ru")

Source = Literal["file", "env", "default"]


@dataclass(frozen=True, slots=True)
class Finding:
    level: Literal["error", "warning"]
    key: str | None
    message: str


@dataclass
class ConfigReport:
    path: Path
    file_found: bool
    values: dict[str, tuple[Any, Source]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    def add(self, level: Literal["error", "warning"], key: str | None, message: str) -> None:
        self.findings.append(Finding(level=level, key=key, message=message))


def _read_file(report: ConfigReport) -> dict[str, Any]:
    if not report.file_found:
        return {}
    try:
        return tomllib.loads(report.path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        report.add("error", None, f"cannot read {report.path}: {exc}")
    except tomllib.TOMLDecodeError as exc:
        report.add("error", None, f"{report.path} is not valid TOML: {exc}")
    return {}


def _writable_dir(path: Path) -> str | None:
    """Why the data directory cannot be used (None: it can, or can be created)."""
    if path.exists():
        if not path.is_dir():
            return f"{path} exists but is not a directory"
        if not os.access(path, os.W_OK | os.X_OK):
            return f"{path} is not writable by this user"
        return None
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        return f"{path} does not exist and cannot be created ({parent} is not writable)"
    return None


def check_config(
    *, path: Path | None = None, environ: Mapping[str, str] | None = None
) -> ConfigReport:
    """Validate the configuration without changing anything."""
    path = path or config_file()
    env = os.environ if environ is None else environ
    report = ConfigReport(path=path, file_found=path.is_file())
    from_file = _read_file(report)
    fields = TerminalSettings.model_fields
    for key in sorted(set(from_file) - set(fields)):
        close = difflib.get_close_matches(key, list(fields), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        report.add("error", key, f"unknown key {key!r} in the file{hint}; it would be ignored")
    for name, info in fields.items():
        env_name = ENV_PREFIX + name.upper()
        raw: Any
        source: Source
        if env_name in env:
            raw, source = env[env_name], "env"
        elif name in from_file:
            raw, source = from_file[name], "file"
        else:
            report.values[name] = (info.get_default(call_default_factory=True), "default")
            continue
        try:
            annotation: Any = info.annotation if info.annotation is not None else object
            value = TypeAdapter(annotation).validate_python(raw)
        except pydantic.ValidationError as exc:
            where = env_name if source == "env" else f"{name} in the file"
            message = exc.errors()[0]["msg"] if exc.errors() else str(exc)
            report.add("error", name, f"{where}: {raw!r} is not valid: {message}")
            value = info.get_default(call_default_factory=True)
            source = "default"
        report.values[name] = (value, source)
    _check_values(report)
    return report


def _check_values(report: ConfigReport) -> None:
    hub_url, _ = report.values.get("hub_url", (None, "default"))
    if hub_url is None:
        report.add("warning", "hub_url", "no hub address: the first-run wizard will ask for one")
    else:
        try:
            url = normalize_hub_url(str(hub_url))
        except ValidationError as exc:
            report.add("error", "hub_url", f"{hub_url!r} is not a hub address: {exc}")
        else:
            if is_insecure(url):
                report.add(
                    "warning",
                    "hub_url",
                    "plain http:// to another machine: sign-ins and customer data cross "
                    "the network unencrypted; use https://",
                )
    data_dir, _ = report.values.get("data_dir", (None, "default"))
    if data_dir is not None:
        problem = _writable_dir(Path(data_dir).expanduser())
        if problem is not None:
            report.add("error", "data_dir", problem)
    lang, _ = report.values.get("lang", (None, "default"))
    if lang is not None and lang not in LANGUAGES:
        report.add("error", "lang", f"{lang!r} is not one of {', '.join(LANGUAGES)}")
    interval, _ = report.values.get("sync_interval_s", (None, "default"))
    if isinstance(interval, int | float) and interval <= 0:
        report.add("error", "sync_interval_s", "must be more than 0 seconds")


def format_report(report: ConfigReport) -> str:
    found = "found" if report.file_found else "not found: defaults and environment only"
    lines = [f"Configuration file: {report.path} ({found})", "", "Effective values:"]
    width = max((len(k) for k in report.values), default=0)
    for key, (value, source) in report.values.items():
        shown = "(not set)" if value is None else str(value)
        lines.append(f"  {key:<{width}}  {shown}  [{source}]")
    if report.findings:
        lines += ["", "Findings:"]
        lines += [
            f"  {f.level}: {f.key + ': ' if f.key else ''}{f.message}" for f in report.findings
        ]
    errors = len(report.errors)
    warnings = len(report.findings) - errors
    lines += ["", f"{errors} error(s), {warnings} warning(s)." if report.findings else "OK."]
    return "\n".join(lines)


def run_config_check() -> int:
    report = check_config()
    print(format_report(report))
    return 1 if report.errors else 0
