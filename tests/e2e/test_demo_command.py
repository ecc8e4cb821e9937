"""`clienteling demo --screenshot DIR` as a user runs it: a process that exits 0 with PNGs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

VIEWS = [
    "appointment.png",
    "appointment_booked.png",
    "crash_dialog.png",
    "crash_dialog_details.png",
    "dashboard.png",
    "dashboard_drilldown.png",
    "dashboard_page.png",
    "diagnostics.png",
    "dismiss_task.png",
    "first_run_code.png",
    "first_run_hub.png",
    "first_run_sign_in.png",
    "first_run_store.png",
    "followup_checks.png",
    "followup_checks_confirm.png",
    "followup_composer.png",
    "followup_sms.png",
    "holds.png",
    "inventory.png",
    "lock_screen.png",
    "main.png",
    "main_manager.png",
    "new_customer.png",
    "profile.png",
    "profile_edit.png",
    "redeem_offer.png",
    "search.png",
    "search_hub.png",
    "shortcuts.png",
    "status_bar.png",
    "tasks.png",
    "timeline.png",
    "update_banner.png",
    "visit_form.png",
    "visit_survey.png",
]


def test_demo_screenshot_renders_every_main_view(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "clienteling.cli",
            "demo",
            "--screenshot",
            str(out),
            "--customers",
            "300",
            "--lang",
            "vi",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert sorted(p.name for p in out.iterdir()) == sorted([*VIEWS, "dashboard.pdf"])
    for name in VIEWS:
        image = QImage(str(out / name))
        assert not image.isNull(), name
        assert image.width() >= 400, name
    window = QImage(str(out / "profile.png"))
    assert window.width() == 1280 and window.height() == 800
    # Not a blank picture: many distinct colours (text, badges, tables).
    colours = {window.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 800, 7)}
    assert len(colours) > 20
