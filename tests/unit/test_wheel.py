"""The wheel carries resources/ (compiled translations, templates, styles, icons) and an
installed copy finds them: `uv build` into a temporary folder, install that wheel into a
fresh venv (without dependencies: the resource locator needs only the standard library),
and ask the installed package where its files are. Takes a few seconds with uv's cache."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, clienteling.domain.resources as r
d = r.resources_dir()
print(json.dumps({
    "dir": str(d),
    "module": r.__file__,
    "qm": sorted(p.name for p in (d / "translations").glob("*.qm")),
    "ts": sorted(p.name for p in (d / "translations").glob("*.ts")),
    "template": r.resource_path("templates", "pages").is_dir()
        and any(r.resource_path("templates", "followups").glob("*.jinja")),
    "style": r.resource_path("styles", "app.qss").is_file(),
    "icon": r.resource_path("icons", "clienteling.svg").is_file(),
}))
"""


def _run(*args: str, cwd: Path) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, f"{args[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    out = tmp_path_factory.mktemp("wheel")
    _run(uv, "build", "--wheel", "--out-dir", str(out), str(ROOT), cwd=out)
    (built,) = out.glob("clienteling-*.whl")
    return built


def test_the_wheel_ships_resources_inside_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in ("vi", "fr", "ru"):
        assert f"clienteling/resources/translations/clienteling_{lang}.qm" in names
    assert "clienteling/resources/styles/app.qss" in names
    assert "clienteling/resources/templates/pages/" not in names  # files, not folders
    assert any(n.startswith("clienteling/resources/templates/pages/") for n in names)
    assert not any(n.endswith(".ts") for n in names), "sources stay out; .qm ship"
    assert not any(n.startswith("resources/") for n in names), "no top-level package"


def test_an_installed_wheel_finds_its_translations_and_templates(
    wheel: Path, tmp_path: Path
) -> None:
    uv = shutil.which("uv")
    assert uv is not None
    venv = tmp_path / "venv"
    _run(uv, "venv", "--python", sys.executable, str(venv), cwd=tmp_path)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    _run(uv, "pip", "install", "--python", str(python), "--no-deps", str(wheel), cwd=tmp_path)
    found = json.loads(_run(str(python), "-c", PROBE, cwd=tmp_path))
    assert Path(found["module"]).is_relative_to(venv), "imported the checkout, not the wheel"
    assert Path(found["dir"]) == Path(found["module"]).parents[1] / "resources"
    assert found["qm"] == ["clienteling_fr.qm", "clienteling_ru.qm", "clienteling_vi.qm"]
    assert found["ts"] == []
    assert found["template"] and found["style"] and found["icon"]
