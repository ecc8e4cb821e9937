"""The one resource locator: the source tree's resources/, or the frozen app's bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clienteling.domain import followup_templates
from clienteling.domain.resources import resource_path, resources_dir
from clienteling.hub import pages

ROOT = Path(__file__).resolve().parents[2]


def test_in_a_checkout_it_is_the_repository_resources_folder() -> None:
    assert not hasattr(sys, "_MEIPASS")
    assert resources_dir() == ROOT / "resources"
    assert resource_path("styles", "app.qss").is_file()
    assert resource_path("templates", "followups").is_dir()
    # The modules that read templates at import time took their folder from it.
    assert resource_path("templates", "followups") == followup_templates.TEMPLATES_DIR
    assert resource_path("templates", "pages") == pages.PAGES_DIR
    assert pages.PAGES_DIR.is_dir()


def test_frozen_it_is_inside_the_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "_internal"
    (bundle / "resources" / "styles").mkdir(parents=True)
    (bundle / "resources" / "styles" / "app.qss").write_text("/* frozen */", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources_dir() == bundle / "resources"
    assert resource_path("styles", "app.qss").read_text(encoding="utf-8") == "/* frozen */"
    monkeypatch.delattr(sys, "_MEIPASS")
    assert resources_dir() == ROOT / "resources"


def test_no_module_computes_the_resources_folder_itself() -> None:
    """One locator: a second `parents[...] / "resources"` would break in the frozen app."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "clienteling").rglob("*.py"))
        if path.name != "resources.py"
        and '"resources"' in path.read_text(encoding="utf-8")
        and "__file__" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
