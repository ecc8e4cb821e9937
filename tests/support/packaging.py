"""packaging/bundle_contents.py for tests: that folder is not a Python package (its name
is taken by a PyPI package), so the module is loaded from its file, as the spec does."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "clienteling.spec"


def load_bundle_contents() -> ModuleType:
    path = ROOT / "packaging" / "bundle_contents.py"
    spec = importlib.util.spec_from_file_location("bundle_contents", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
