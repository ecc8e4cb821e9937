"""An appointment whose reschedule or cancellation the hub refused says so on its line
(the profile strip and the task list), as a refused booking does."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtWidgets import QApplication

from clienteling.store.appointments import AppointmentView
from clienteling.ui.appointment_labels import CustomerAppointments, describe

START = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
VIEW = AppointmentView(
    id="a1",
    customer_id="c1",
    customer_name="Élodie Martin",
    store_id="s1",
    associate_id="e1",
    associate_name="Camille",
    starts_at=START,
    ends_at=START.replace(hour=10),
    purpose="Essayage",
    note="",
    status="booked",
    pending=False,
    refused=None,
)


def test_a_refused_change_is_said_on_the_line(qapp: QApplication) -> None:
    plain = describe(VIEW, "Europe/Paris")
    assert "Change refused" not in plain
    double = describe(replace(VIEW, change_refused="double_booked: busy"), "Europe/Paris")
    assert double.startswith("Change refused: Camille already has an appointment")
    assert plain in double  # still says which appointment, at the hub's time
    other = describe(replace(VIEW, change_refused="appointment is over"), "Europe/Paris")
    assert other.startswith("Change refused: appointment is over")
    # A newer change waiting for the hub speaks for the appointment instead.
    waiting = describe(replace(VIEW, change_refused="x", pending=True), "Europe/Paris")
    assert "Change refused" not in waiting and "waiting to sync" in waiting


def test_the_profile_strip_turns_red_for_a_refused_change(qapp: QApplication) -> None:
    strip = CustomerAppointments()
    strip.show_appointments(([VIEW], "Europe/Paris"))
    assert strip.styleSheet() == ""
    strip.show_appointments(([replace(VIEW, change_refused="double_booked: x")], "Europe/Paris"))
    assert "color" in strip.styleSheet() and "Change refused" in strip.text()
