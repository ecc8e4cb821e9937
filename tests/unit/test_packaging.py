"""What the PyInstaller build carries (packaging/bundle_contents.py, used by the spec):
every resource folder the code reads, the hub's migrations, compiled translations; and
the trimming keeps what the app needs. The build itself runs in CI (packaging/smoke.sh)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path
from types import ModuleType

import faker.providers
import pytest

from clienteling import __version__
from clienteling.hub import seed
from clienteling.ui.app_icon import ICON_NAME
from clienteling.ui.i18n import TRANSLATED
from tests.support.packaging import ROOT, SPEC, load_bundle_contents


@pytest.fixture(scope="module")
def bundle() -> ModuleType:
    return load_bundle_contents()


def _resource_folders_the_code_reads() -> set[str]:
    """First arguments of every `resource_path("folder", ...)` call in clienteling/."""
    found = set()
    for path in (ROOT / "clienteling").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "resource_path"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(str(node.args[0].value))
    return found


def test_every_resource_folder_the_code_reads_is_bundled(bundle: ModuleType) -> None:
    read = _resource_folders_the_code_reads()
    assert {"icons", "styles", "templates", "translations"} <= read  # the scan works
    assert read <= set(bundle.RESOURCE_FOLDERS)
    on_disk = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert on_disk <= set(bundle.RESOURCE_FOLDERS), "a new resources/ folder is not bundled"


def test_datas_carry_every_resource_file_but_the_ts_sources(bundle: ModuleType) -> None:
    datas = bundle.resource_datas()
    placed = {(Path(src).name, dest) for src, dest in datas}
    for name in bundle.RESOURCE_FOLDERS:
        for path in (ROOT / "resources" / name).rglob("*"):
            if path.is_file() and path.suffix not in (".ts", ".md"):
                dest = str(path.parent.relative_to(ROOT))
                assert (path.name, dest) in placed
    assert ("app.qss", "resources/styles") in placed
    assert ("clienteling-256.png", "resources/icons") in placed
    assert any(dest == "resources/templates/followups" for _name, dest in placed)
    assert any(dest == "resources/templates/pages" for _name, dest in placed)
    assert not [src for src, _dest in datas if src.endswith(".ts")]


def test_the_hub_migrations_travel_as_files(bundle: ModuleType) -> None:
    placed = {(Path(src).name, dest) for src, dest in bundle.migration_datas()}
    assert ("env.py", "clienteling/hub/migrations") in placed
    versions = sorted((ROOT / "clienteling/hub/migrations/versions").glob("*.py"))
    assert versions
    for path in versions:
        assert (path.name, "clienteling/hub/migrations/versions") in placed


def test_translations_are_compiled_for_the_build(bundle: ModuleType, tmp_path: Path) -> None:
    datas = bundle.translation_datas(tmp_path)
    assert sorted(Path(src).name for src, _dest in datas) == sorted(
        f"clienteling_{lang}.qm" for lang in TRANSLATED
    )
    for src, dest in datas:
        assert dest == "resources/translations"
        assert Path(src).stat().st_size > 1000


def test_the_spec_uses_all_of_it() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    for name in (
        "resource_datas()",
        "migration_datas()",
        "translation_datas(",
        "HIDDEN_IMPORTS",
        "EXCLUDES",
        "METADATA_OF",
        "trim_binaries(",
        "trim_datas(",
        "trim_modules(",
        "entry.py",
    ):
        assert name in spec
    assert "exclude_binaries=True" in spec  # one folder, not one file


def test_no_qt_module_the_app_imports_is_excluded(bundle: ModuleType) -> None:
    used = set()
    for path in (ROOT / "clienteling").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                used.add(node.module)
    assert "PySide6.QtWidgets" in used
    assert not used & set(bundle.EXCLUDES)


def test_trimming_drops_a_plugin_and_what_only_it_needs(bundle: ModuleType) -> None:
    binaries = [
        (
            "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
            "/s/vk",
            "BINARY",
        ),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/xcb", "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/s/quick", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/gui", "BINARY"),
        ("PySide6/QtGui.abi3.so", "/s/pygui", "EXTENSION"),
        ("libsecret-1.so.0", "/s/secret", "BINARY"),  # loaded by name (ctypes): no links
    ]
    links = {
        "/s/vk": ["libQt6Quick.so.6", "libQt6Gui.so.6"],
        "/s/xcb": ["libQt6Gui.so.6"],
        "/s/quick": ["libQt6Gui.so.6"],
        "/s/pygui": ["libQt6Gui.so.6"],
    }
    kept = [
        name
        for name, _s, _k in bundle.trim_binaries(binaries, needed_of=lambda s: links.get(s, []))
    ]
    assert kept == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/QtGui.abi3.so",
        "libsecret-1.so.0",
    ]


def test_trimming_keeps_our_languages(bundle: ModuleType) -> None:
    datas = [
        ("PySide6/Qt/translations/qtbase_fr.qm", "/s/1", "DATA"),
        ("PySide6/Qt/translations/qt_ru.qm", "/s/2", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/s/3", "DATA"),
        ("PySide6/Qt/translations/qt_help_fr.qm", "/s/4", "DATA"),
        ("resources/translations/clienteling_vi.qm", "/s/5", "DATA"),
        ("faker/providers/address/vi_VN/__init__.py", "/s/6", "DATA"),
        ("faker/providers/address/it_IT/__init__.py", "/s/7", "DATA"),
        ("faker/providers/bank/en_GB/__init__.py", "/s/8", "DATA"),
        ("faker/providers/address/__init__.py", "/s/9", "DATA"),
    ]
    kept = {name for name, _s, _k in bundle.trim_datas(datas)}
    assert kept == {
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/translations/qt_ru.qm",
        "resources/translations/clienteling_vi.qm",
        "faker/providers/address/vi_VN/__init__.py",
        "faker/providers/bank/en_GB/__init__.py",
        "faker/providers/address/__init__.py",
    }
    modules = [
        ("faker.providers.job.ru_RU", "/s/a", "PYMODULE"),
        ("faker.providers.job.ja_JP", "/s/b", "PYMODULE"),
        ("faker.providers.job", "/s/c", "PYMODULE"),
    ]
    assert [m[0] for m in bundle.trim_modules(modules)] == [
        "faker.providers.job.ru_RU",
        "faker.providers.job",
    ]


def test_kept_faker_locales_cover_the_seed_and_faker_defaults(bundle: ModuleType) -> None:
    """Faker loads a provider's default locale when a seeded one lacks that provider (the
    packaged demo failed on bank.en_GB before it was kept)."""
    seeded = {locale for _lang, locale, _weight in seed._LOCALE_WEIGHTS}
    assert seeded <= set(bundle.FAKER_LOCALES)
    for info in pkgutil.iter_modules(faker.providers.__path__):
        module = importlib.import_module(f"faker.providers.{info.name}")
        default = getattr(module, "default_locale", None)
        if default:
            assert default in bundle.FAKER_LOCALES, info.name


def test_linux_desktop_files_agree_with_the_app() -> None:

    linux = ROOT / "packaging" / "linux"
    desktop = ConfigParser(interpolation=None)
    desktop.optionxform = str  # keys as written (Name[fr])
    desktop.read(linux / "clienteling.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Exec"] == "clienteling"
    assert entry["Icon"] == ICON_NAME
    assert (ROOT / "resources" / "icons" / f"{ICON_NAME}-256.png").is_file()

    (metainfo,) = linux.glob("*.metainfo.xml")
    root = ET.parse(metainfo).getroot()
    assert metainfo.name == f"{root.findtext('id')}.metainfo.xml"
    assert root.findtext("launchable") == "clienteling.desktop"
    assert root.findtext("icon") == ICON_NAME
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
