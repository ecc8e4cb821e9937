"""Languages: the .ts sources live in resources/translations and are compiled with
PySide6's `lrelease` into the user cache at start (never committed), then loaded together
with Qt's own translations (standard buttons and dialogs).

The packaged app has no `lrelease` (it is a tool of the PySide6 wheel, not of a frozen
build), so the build compiles the .ts once and ships `clienteling_<lang>.qm` in their
place (packaging/clienteling.spec); a shipped .qm is used when there is no .ts beside it.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from clienteling.domain.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("en", "vi", "fr", "ru")
TRANSLATED = ("vi", "fr", "ru")
APP_NAME = "clienteling"

# Translators must outlive the call that installs them.
_installed: list[QTranslator] = []


def pick_language(lang: str | None) -> str:
    """`lang` when given and known, else the system locale's language, else English."""
    if lang in LANGUAGES:
        return lang
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def ts_file(lang: str) -> Path:
    return resource_path("translations", f"clienteling_{lang}.ts")


def shipped_qm(lang: str) -> Path:
    """Where a packaged build puts the .qm it compiled from `ts_file(lang)`."""
    return resource_path("translations", f"clienteling_{lang}.qm")


def qt_tool(name: str) -> Path | None:
    """A Qt tool shipped inside the PySide6 wheel (`lrelease`, `lupdate`)."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    bundled = Path(PySide6.__file__).parent / exe
    if bundled.exists():
        return bundled
    wrapper = shutil.which(f"pyside6-{name}")
    return Path(wrapper) if wrapper else None


def compile_ts(ts: Path, qm: Path) -> None:
    """Run lrelease: `ts` -> `qm`. Raises RuntimeError when the tool is missing or fails."""
    tool = qt_tool("lrelease")
    if tool is None:
        raise RuntimeError("lrelease not found (it ships with PySide6)")
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [str(tool), "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not qm.exists():
        raise RuntimeError(f"lrelease failed for {ts.name}: {result.stderr.strip()}")


def compiled_qm(lang: str, *, cache_dir: Path | None = None) -> Path | None:
    """The .qm for `lang`: compiled once per content of its .ts, or, without a .ts (the
    packaged app), the one shipped by the build. None for English or when none can be had
    (the app then stays in English rather than failing).

    The compiled file's name carries a hash of the .ts, so two installed versions (or an
    older one started after a newer one) never load each other's translations, which a
    modification time check cannot promise. A stray .qm beside a .ts (in a checkout) is
    ignored: the source wins."""
    if lang == "en":
        return None
    ts = ts_file(lang)
    if not ts.exists():
        shipped = shipped_qm(lang)
        return shipped if shipped.exists() else None
    cache = cache_dir or Path(platformdirs.user_cache_dir(APP_NAME)) / "translations"
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    qm = cache / f"clienteling_{lang}_{digest}.qm"
    if not qm.exists():
        try:
            compile_ts(ts, qm)
        except (OSError, RuntimeError):
            log.exception("cannot compile translations for %s", lang)
            return None
    return qm


def install_translators(app: QCoreApplication, lang: str | None) -> str:
    """Install ours and Qt's translators for the chosen language; returns it."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    chosen = pick_language(lang)
    QLocale.setDefault(QLocale(chosen))
    if chosen == "en":
        return chosen
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{chosen}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    qm = compiled_qm(chosen)
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translations loaded for %s", chosen)
    return chosen
