"""Translations: every UI string is translated in vi/fr/ru, the .ts compile, and the
interface shows the chosen language."""

from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot

from clienteling.domain.errors import SignInError
from clienteling.ui.errors import error_text
from clienteling.ui.i18n import (
    TRANSLATED,
    compile_ts,
    compiled_qm,
    install_translators,
    qt_tool,
    ts_file,
)
from clienteling.ui.labels import stage_label
from clienteling.ui.profile_view import ProfileView
from clienteling.ui.status_bar import SyncStatusBar
from tests.ui.conftest import make_profile

UI_SOURCES = sorted((Path(__file__).resolve().parents[2] / "clienteling" / "ui").glob("*.py"))


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.fixture(scope="module")
def source_strings(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    lupdate = qt_tool("lupdate")
    assert lupdate is not None, "lupdate ships with PySide6"
    out = tmp_path_factory.mktemp("lupdate") / "all.ts"
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", *map(str, UI_SOURCES), "-ts", str(out)],
        check=True,
        capture_output=True,
    )
    strings = set(_messages(out))
    assert len(strings) > 50  # lupdate really found the tr() calls
    return strings


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_source_string_is_translated(lang: str, source_strings: set[tuple[str, str]]) -> None:
    translated = _messages(ts_file(lang))
    missing = sorted(s for s in source_strings if s not in translated)
    assert missing == [], f"run pyside6-lupdate and translate: {missing}"
    unfinished = sorted(
        key
        for key in source_strings
        if (tr := translated[key].find("translation")) is None
        or not (tr.text or "").strip()
        or tr.get("type") in ("unfinished", "vanished", "obsolete")
    )
    assert unfinished == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_survive_translation(lang: str) -> None:
    for (context, source), message in _messages(ts_file(lang)).items():
        text = message.findtext("translation") or ""
        for marker in ("%1", "%2"):
            assert (marker in source) == (marker in text), f"{lang} {context}: {source}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_ts_files_compile(lang: str, tmp_path: Path) -> None:
    qm = tmp_path / f"{lang}.qm"
    compile_ts(ts_file(lang), qm)
    assert qm.stat().st_size > 1000


def test_qm_is_cached_and_rebuilt_when_the_ts_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qm = compiled_qm("fr", cache_dir=tmp_path)
    assert qm is not None and qm.exists()
    first = qm.stat().st_mtime_ns
    assert compiled_qm("fr", cache_dir=tmp_path) == qm
    assert qm.stat().st_mtime_ns == first  # not recompiled
    assert compiled_qm("en", cache_dir=tmp_path) is None
    # Another version of the app, whose .ts is different but looks OLDER on disk (an
    # older install started after a newer one): it gets its own, fresh .qm.
    other = tmp_path / "other" / "clienteling_fr.ts"
    other.parent.mkdir()
    other.write_text(
        ts_file("fr").read_text(encoding="utf-8").replace("Nouveau client", "Client nouveau"),
        encoding="utf-8",
    )
    os.utime(other, (1_000_000, 1_000_000))
    monkeypatch.setattr("clienteling.ui.i18n.ts_file", lambda _lang: other)
    changed = compiled_qm("fr", cache_dir=tmp_path)
    assert changed is not None and changed != qm and changed.exists()


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    assert install_translators(qapp, "fr") == "fr"
    try:
        yield
    finally:
        install_translators(qapp, "en")


def test_widgets_speak_french(qtbot: QtBot, french: None) -> None:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    assert bar.sync_button.text() == "Synchroniser (F5)"
    view = ProfileView()
    qtbot.addWidget(view)
    view.show_profile(make_profile())
    assert view.stage_badge.text() == "Fidèle"
    assert "Abandonné à l’étape livraison" in view.cart_summary.text()
    assert view.tabs.tabText(ProfileView.NOTES_TAB) == "Notes (2)"
    assert error_text(SignInError("x")).startswith("Le nom d’utilisateur")
    assert stage_label("recovery") == "Inactif"


def test_english_again_after_switching_back(qapp: QApplication) -> None:
    install_translators(qapp, "ru")
    assert stage_label("loyalty") == "Постоянный"
    install_translators(qapp, "en")
    assert stage_label("loyalty") == "Loyal"


def test_qt_s_own_buttons_speak_vietnamese_too(qapp: QApplication) -> None:
    """Qt has no Vietnamese catalogue: our .ts files carry its button texts."""
    try:
        install_translators(qapp, "vi")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        wizard = QWizard()
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text()
        next_text = wizard.buttonText(QWizard.WizardButton.NextButton)
        assert cancel == "Hủy"
        assert "Tiếp" in next_text
    finally:
        install_translators(qapp, "en")
