"""What goes into the packaged desktop app besides the Python code PyInstaller finds by
itself: our resources, the hub's Alembic migrations (read as files, by path), compiled
translations, and the modules only reached by name. clienteling.spec uses it, and
tests/unit/test_packaging.py checks it against what the code loads.

Kept out of the spec so it can be imported and tested (a spec is only run by
PyInstaller). This folder is not a Python package: `packaging` is also a PyPI name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
# Every folder of resources/ the app reads (clienteling.domain.resources.resource_path).
RESOURCE_FOLDERS = ("icons", "styles", "templates", "translations")
# Sources and notes that a build does not need: .ts files are replaced by the .qm
# compiled from them (a frozen app has no lrelease to compile them at run time).
SKIPPED_SUFFIXES = (".ts", ".md")
MIGRATIONS = ROOT / "clienteling" / "hub" / "migrations"

# Reached by name, never by an import statement PyInstaller could see: Alembic loads the
# migration scripts by path, and they import these; keyring finds its backends through
# entry points (so its metadata must be in the build too).
HIDDEN_IMPORTS = (
    "alembic.op",
    "alembic.context",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "keyring.backends.SecretService",
    "keyring.backends.kwallet",
    "keyring.backends.libsecret",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
)
METADATA_OF = ("keyring",)

# Parts of PySide6 and Python we do not use: without them the build is hundreds of MB
# smaller. The desktop app uses QtCore, QtGui, QtWidgets, QtSvg (icons) and QtCharts.
EXCLUDES = (
    "tkinter",
    "_tkinter",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQml",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtLocation",
    "PySide6.QtPositioning",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtTextToSpeech",
    "PySide6.QtSpatialAudio",
    "PySide6.QtScxml",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtHelp",
    "PySide6.QtRemoteObjects",
    "PySide6.QtHttpServer",
    # Test and development tools (dev dependencies, never imported by the app).
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "schemathesis",
    "playwright",
    "mypy",
    "ruff",
    "IPython",
    # The packaged app is a store terminal (its embedded demo hub runs on SQLite); hub
    # servers on PostgreSQL run from the Python package, not from this build.
    "psycopg",
    "psycopg_binary",
    "psycopg2",
)

# Qt plugins that would bring large libraries for nothing we use: the on-screen keyboard
# (all of Qt Quick and QML), PDF pages as images (QtPdf), and the GTK theme (the GTK
# stack of the build machine; Qt's own dialogs and the XDG portal remain). Stems without
# "lib" and suffixes, so they match on Linux, Windows and macOS.
DROPPED_QT_PLUGINS = ("qtvirtualkeyboardplugin", "qpdf", "qgtk3")
# Qt's own translations (standard buttons and dialogs) for our languages only.
QT_TRANSLATION = re.compile(r"(?:qt|qtbase)_(?:vi|fr|ru)\.qm")
# Faker locales the demo seed uses (hub.seed), the English it falls back on, and the
# locales Faker's providers name as their default (bank: en_GB, lorem: la), which Faker
# loads whenever a seeded locale lacks that provider.
FAKER_LOCALES = ("en", "en_US", "vi_VN", "fr_FR", "ru_RU", "en_GB", "la")
_FAKER_LOCALE = re.compile(r"[a-z]{2,3}(?:_[A-Z][A-Za-z]{1,3})?")

# PyInstaller's table-of-contents entries: (name in the bundle, source path, type).
Entry = tuple[str, str, str]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix not in SKIPPED_SUFFIXES)


def resource_datas() -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every file of the folders the app reads."""
    datas = []
    for name in RESOURCE_FOLDERS:
        for path in _files(RESOURCES / name):
            datas.append((str(path), str(path.parent.relative_to(ROOT))))
    return datas


def migration_datas() -> list[tuple[str, str]]:
    """Alembic reads env.py and versions/*.py from the `clienteling/hub/migrations`
    folder (script_location "clienteling.hub:migrations"), so they travel as files."""
    return [
        (str(p), str(p.parent.relative_to(ROOT)))
        for p in sorted(MIGRATIONS.rglob("*"))
        if p.is_file() and p.suffix in (".py", ".mako")
    ]


def translation_datas(out_dir: Path) -> list[tuple[str, str]]:
    """Compile every .ts to `clienteling_<lang>.qm` in `out_dir` (with PySide6's lrelease,
    here at build time) and place them where the .ts would be."""
    from clienteling.ui.i18n import TRANSLATED, compile_ts, ts_file

    datas = []
    for lang in TRANSLATED:
        qm = out_dir / f"clienteling_{lang}.qm"
        compile_ts(ts_file(lang), qm)
        datas.append((str(qm), "resources/translations"))
    return datas


def _stem(name: str) -> str:
    return Path(name).name.split(".")[0].removeprefix("lib")


def _is_dropped_plugin(name: str) -> bool:
    parts = re.split(r"[/\\]", name)
    return "plugins" in parts and _stem(name) in DROPPED_QT_PLUGINS


def _is_unused_faker_locale(name: str) -> bool:
    """`faker/providers/<provider>/<locale>/...` (a data file) or
    `faker.providers.<provider>.<locale>...` (a module) of a locale we do not seed."""
    parts = re.split(r"[/\\]", name) if ("/" in name or "\\" in name) else name.split(".")
    if len(parts) < 4 or parts[:2] != ["faker", "providers"]:
        return False
    locale = parts[3]
    return bool(_FAKER_LOCALE.fullmatch(locale)) and locale not in FAKER_LOCALES


def _is_unused_qt_translation(name: str) -> bool:
    parts = re.split(r"[/\\]", name)
    return (
        len(parts) >= 2
        and parts[-2] == "translations"
        and "PySide6" in parts
        and not QT_TRANSLATION.fullmatch(parts[-1])
    )


def trim_binaries(
    binaries: Iterable[Entry], *, needed_of: Callable[[str], Iterable[str]]
) -> list[Entry]:
    """`binaries` without the dropped Qt plugins and the libraries that only they need.

    `needed_of(source path)` names the libraries a binary links to (PyInstaller's
    bindepend.get_imports). A library is dropped only when a dropped plugin reaches it
    and no kept Python extension or plugin does, so a library loaded by name at run time
    (ctypes), which nothing links to, is always kept."""
    entries = list(binaries)
    by_name = {Path(name).name: source for name, source, _kind in entries}

    def reach(roots: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = [Path(r).name for r in roots]
        while todo:
            name = todo.pop()
            if name in seen or name not in by_name:
                continue
            seen.add(name)
            todo.extend(Path(n).name for n in needed_of(by_name[name]))
        return seen

    dropped = [name for name, _s, _k in entries if _is_dropped_plugin(name)]
    kept_roots = [
        name
        for name, _source, kind in entries
        if not _is_dropped_plugin(name)
        and (
            kind == "EXTENSION"
            or "plugins" in re.split(r"[/\\]", name)
            or Path(name).name.startswith(("libpython", "python"))
        )
    ]
    orphans = reach(dropped) - reach(kept_roots)
    return [e for e in entries if not _is_dropped_plugin(e[0]) and Path(e[0]).name not in orphans]


def trim_datas(datas: Iterable[Entry]) -> list[Entry]:
    """`datas` without Qt translations of other languages and unused Faker locales."""
    return [
        e
        for e in datas
        if not _is_unused_qt_translation(e[0]) and not _is_unused_faker_locale(e[0])
    ]


def trim_modules(modules: Iterable[Entry]) -> list[Entry]:
    """Python modules without Faker's providers for locales we do not seed."""
    return [e for e in modules if not _is_unused_faker_locale(e[0])]
