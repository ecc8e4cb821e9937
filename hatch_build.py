"""Hatchling build hook: the wheel carries `resources/` (templates, styles, icons and the
translations compiled to .qm) as `clienteling/resources/`, where
`clienteling.domain.resources` looks when the package is installed.

What ships is the same list the PyInstaller build uses (packaging/bundle_contents.py):
every file of the resource folders the app reads except the .ts sources and notes, plus
one .qm per language compiled here with PySide6's lrelease (a build requirement), since
an installed app should not need to compile its translations at start.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE_RESOURCES = "clienteling/resources"


def _bundle_contents(root: Path) -> ModuleType:
    path = root / "packaging" / "bundle_contents.py"
    spec = importlib.util.spec_from_file_location("bundle_contents", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lrelease() -> Path:
    """PySide6's lrelease, found without importing PySide6 (the build environment has it
    as a build requirement)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("PySide6 is a build requirement (its lrelease compiles the .ts)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    tool = folder / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not tool.exists():
        raise RuntimeError(f"no lrelease in {folder}")
    return tool


def _compile_translations(ts_dir: Path, out_dir: Path) -> list[tuple[str, str]]:
    """Every `clienteling_<lang>.ts` compiled to a .qm in `out_dir`; (source, folder)
    pairs like bundle_contents' datas, placed where the .ts would be."""
    tool = _lrelease()
    datas = []
    for ts in sorted(ts_dir.glob("clienteling_*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)
        datas.append((str(qm), "resources/translations"))
    if not datas:
        raise RuntimeError(f"no .ts files in {ts_dir}")
    return datas


class ResourcesBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "clienteling-resources"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        self._qm_dir = tempfile.TemporaryDirectory(prefix="clienteling-qm-")
        datas = _bundle_contents(root).resource_datas()
        datas += _compile_translations(root / "resources" / "translations", Path(self._qm_dir.name))
        force_include = build_data["force_include"]
        for source, folder in datas:
            relative = Path(folder).relative_to("resources")
            target = Path(PACKAGE_RESOURCES) / relative / Path(source).name
            force_include[source] = target.as_posix()

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        qm_dir = getattr(self, "_qm_dir", None)
        if qm_dir is not None:
            qm_dir.cleanup()
