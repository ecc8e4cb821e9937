"""Where our files that are not Python live (`resources/`: templates, translations,
styles, icons), in a source checkout, an installed wheel and the packaged (PyInstaller)
app alike.

It lives in `domain` because every layer reads resources (the hub its page and message
templates, the UI its translations, style and icons) and `domain` is the one part that
every other part may import; it needs nothing but the standard library.
"""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCES_DIRNAME = "resources"


def resources_dir() -> Path:
    """The `resources/` folder: inside the frozen app's bundle when packaged (PyInstaller
    unpacks or places its data under `sys._MEIPASS`); inside the `clienteling` package
    when installed from the wheel (hatch_build.py puts it there, with compiled .qm files,
    so site-packages gets no top-level `resources`); else beside the package in the
    source tree. Computed on each call, so nothing stale is remembered."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / RESOURCES_DIRNAME
    package = Path(__file__).resolve().parents[1]
    installed = package / RESOURCES_DIRNAME
    if installed.is_dir():
        return installed
    return package.parent / RESOURCES_DIRNAME


def resource_path(*parts: str) -> Path:
    """A file or folder under `resources/`, e.g. `resource_path("templates", "pages")`."""
    return resources_dir().joinpath(*parts)
