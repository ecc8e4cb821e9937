"""`clienteling config check`: unknown keys, bad values, the data directory and the hub
address are reported, every effective value shows where it came from, and every key is
documented."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from clienteling.cli import main
from clienteling.terminal.config_check import check_config
from clienteling.terminal.settings import TerminalSettings, config_file

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "configuration.md"
EXAMPLE = ROOT / "resources" / "config.example.toml"


def write_config(text: str) -> Path:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_passes_and_sources_are_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(f'hub_url = "https://hub.example.com/"\ndata_dir = "{tmp_path / "data"}"\n')
    monkeypatch.setenv("CLIENTELING_LANG", "vi")
    report = check_config()
    assert report.errors == []
    assert report.values["hub_url"] == ("https://hub.example.com/", "file")
    assert report.values["lang"] == ("vi", "env")
    assert report.values["sync_interval_s"] == (10.0, "default")
    assert main(["config", "check"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"lang\s+vi\s+\[env\]", out)
    assert re.search(r"hub_url\s+https://hub.example.com/\s+\[file\]", out)
    assert "sync_interval_s" in out and "[default]" in out


def test_unknown_keys_bad_values_and_bad_addresses_are_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_config(
        'hub_ulr = "https://x"\nhub_url = "hub.example.com"\nsync_interval_s = "often"\n'
        'lang = "de"\n'
    )
    report = check_config()
    messages = {(f.key, f.level): f.message for f in report.findings}
    assert "did you mean 'hub_url'" in messages[("hub_ulr", "error")]
    assert "not a hub address" in messages[("hub_url", "error")]
    assert "'often' is not valid" in messages[("sync_interval_s", "error")]
    assert ("lang", "error") in messages
    assert main(["config", "check"]) == 1
    assert "4 error(s)" in capsys.readouterr().out


def test_an_unwritable_data_dir_and_plain_http_elsewhere(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x", encoding="utf-8")
    write_config(f'hub_url = "http://192.0.2.10:8700"\ndata_dir = "{not_a_dir}"\n')
    report = check_config()
    levels = {(f.key, f.level) for f in report.findings}
    assert ("data_dir", "error") in levels
    assert ("hub_url", "warning") in levels


def test_a_file_that_is_not_toml_and_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_config().file_found is False
    assert check_config().errors == []  # no file: defaults, the wizard asks for the hub
    write_config("hub_url = \n")
    report = check_config()
    assert report.errors and "not valid TOML" in report.errors[0].message


def test_every_key_is_documented_and_the_example_is_valid(tmp_path: Path) -> None:
    doc = DOC.read_text(encoding="utf-8")
    for name in TerminalSettings.model_fields:
        assert f"`{name}`" in doc, name
        assert f"`CLIENTELING_{name.upper()}`" in doc, name
    example = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert set(example) <= set(TerminalSettings.model_fields)
    report = check_config(path=EXAMPLE, environ={})
    assert report.errors == []
