"""Languages: the .ts sources live in resources/translations; the .qm files are compiled
with PySide6's `lrelease` into the user cache at start (never committed), then loaded
together with Qt's own translations (standard buttons and dialogs)."""

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

log = logging.getLogger(__name__)

LANGUAGES = ("en", "vi", "fr", "ru")
TRANSLATED = ("vi", "fr", "ru")
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS_DIR = RESOURCES / "translations"
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
    return TRANSLATIONS_DIR / f"clienteling_{lang}.ts"


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
    """The .qm for `lang`, compiled once per content of its .ts; None for English or when
    it cannot be made (the app then stays in English rather than failing).

    The file name carries a hash of the .ts, so two installed versions (or an older one
    started after a newer one) never load each other's translations, which a modification
    time check cannot promise."""
    ts = ts_file(lang)
    if lang == "en" or not ts.exists():
        return None
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
