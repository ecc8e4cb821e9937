"""The app in a PyInstaller-like bundle (`sys._MEIPASS`): translations come from the .qm
the build shipped (a frozen app has no lrelease), the icon from the bundle."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from clienteling.ui import i18n
from clienteling.ui.app_icon import ICON_SIZES, app_icon
from clienteling.ui.i18n import compile_ts, compiled_qm, install_translators, shipped_qm, ts_file
from clienteling.ui.labels import stage_label
from tests.support.packaging import ROOT


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bundle laid out as packaging/clienteling.spec does: resources without the .ts,
    a compiled .qm per language; lrelease unreachable."""
    bundle = tmp_path / "_internal"
    resources = bundle / "resources"
    shutil.copytree(ROOT / "resources", resources, ignore=shutil.ignore_patterns("*.ts", "*.md"))
    for lang in i18n.TRANSLATED:
        compile_ts(ts_file(lang), resources / "translations" / f"clienteling_{lang}.qm")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(i18n, "qt_tool", lambda _name: None)
    return bundle


def test_shipped_translations_are_used_without_lrelease(
    frozen: Path, qapp: QApplication, tmp_path: Path
) -> None:
    assert not ts_file("ru").exists()
    assert compiled_qm("ru", cache_dir=tmp_path / "cache") == shipped_qm("ru")
    assert shipped_qm("ru").is_relative_to(frozen)
    try:
        assert install_translators(qapp, "ru") == "ru"
        assert stage_label("loyalty") == "Постоянный"
    finally:
        install_translators(qapp, "en")
    assert stage_label("loyalty") == "Loyal"


def test_a_bundle_without_qm_stays_in_english(frozen: Path, tmp_path: Path) -> None:
    shipped_qm("fr").unlink()
    assert compiled_qm("fr", cache_dir=tmp_path / "cache") is None


def test_in_a_checkout_a_stray_qm_beside_the_ts_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The .ts is the truth where it exists: an old compiled file must not win over it."""
    stray = tmp_path / "resources" / "translations"
    stray.mkdir(parents=True)
    shutil.copy(ts_file("fr"), stray / "clienteling_fr.ts")
    (stray / "clienteling_fr.qm").write_bytes(b"old")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    qm = compiled_qm("fr", cache_dir=tmp_path / "cache")
    assert qm is not None and qm.parent == tmp_path / "cache" and qm.stat().st_size > 1000


def test_the_icon_comes_from_the_bundle(frozen: Path, qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert set(ICON_SIZES) <= sizes
    (frozen / "resources" / "icons" / "clienteling-16.png").unlink()
    assert 16 not in {s.width() for s in app_icon().availableSizes()}  # really the bundle's
    assert (frozen / "resources" / "styles" / "app.qss").is_file()
