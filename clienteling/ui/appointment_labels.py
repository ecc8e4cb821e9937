"""Translated words for appointments and dismissed tasks (task list, profile, timeline,
dialogs). Appointment times are shown in the store's time zone, whatever the machine's.

Each label is spelled out at its own `translate()` call so `lupdate` finds it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from clienteling.domain.appointments import is_double_booked
from clienteling.domain.tasks import DismissReason
from clienteling.terminal.appointment_views import AppointmentView
from clienteling.terminal.views import TimelineEntry
from clienteling.ui.labels import local_time

REFUSED_TEXT = QColor("#b23a3a")


def dismiss_reason_label(reason: str, *, mnemonic: bool = False) -> str:
    """The reason's words; with `mnemonic` the "&" that makes Alt+letter choose it."""
    labels: dict[str, str] = {
        DismissReason.NOT_RELEVANT: QCoreApplication.translate(
            "Appointments", "&Not relevant any more"
        ),
        DismissReason.UNREACHABLE: QCoreApplication.translate(
            "Appointments", "Customer &unreachable"
        ),
        DismissReason.DO_NOT_CONTACT: QCoreApplication.translate(
            "Appointments", "Customer &asked not to be contacted"
        ),
        DismissReason.OTHER: QCoreApplication.translate("Appointments", "&Other (say why)"),
    }
    text = labels.get(reason, reason)
    return text if mnemonic else text.replace("&", "")


def store_clock(moment: datetime, timezone: str) -> str:
    """The time of day in the store's zone, in the interface language's format."""
    local = moment.astimezone(ZoneInfo(timezone or "UTC"))
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def store_date(moment: datetime, timezone: str) -> str:
    local = moment.astimezone(ZoneInfo(timezone or "UTC"))
    day = QDate(local.year, local.month, local.day)
    return QLocale().toString(day, QLocale.FormatType.ShortFormat)


def time_span(view: AppointmentView, timezone: str, *, with_date: bool = False) -> str:
    span = f"{store_clock(view.starts_at, timezone)}–{store_clock(view.ends_at, timezone)}"
    return f"{store_date(view.starts_at, timezone)} {span}" if with_date else span


def refusal_text(reason: str, associate_name: str) -> str:
    """The hub's refusal of a booking, in the associate's language when it is known."""
    if is_double_booked(reason):
        return QCoreApplication.translate(
            "Appointments",
            "Not booked: %1 already has an appointment at that time. Choose another time "
            "or another associate.",
        ).replace("%1", associate_name)
    return QCoreApplication.translate("Appointments", "Not booked: %1").replace("%1", reason)


def change_refusal_text(reason: str, associate_name: str) -> str:
    """The hub's refusal of a reschedule or cancellation made here: the appointment
    stands as the hub has it."""
    if is_double_booked(reason):
        return QCoreApplication.translate(
            "Appointments",
            "Change refused: %1 already has an appointment at that time; the appointment "
            "stays as it was.",
        ).replace("%1", associate_name)
    return QCoreApplication.translate(
        "Appointments", "Change refused: %1; the appointment stays as it was."
    ).replace("%1", reason)


def clash_text(associate_name: str, span: str) -> str:
    return (
        QCoreApplication.translate(
            "Appointments",
            "%1 already has an appointment (%2). Choose another time or another associate.",
        )
        .replace("%1", associate_name)
        .replace("%2", span)
    )


def describe(
    view: AppointmentView, timezone: str, *, with_date: bool = False, with_time: bool = True
) -> str:
    """One appointment in a line: when, with whom, why, and whether it waits or failed."""
    if with_time:
        text = (
            QCoreApplication.translate("Appointments", "%1 with %2")
            .replace("%1", time_span(view, timezone, with_date=with_date))
            .replace("%2", view.associate_name)
        )
    else:
        text = QCoreApplication.translate("Appointments", "With %1").replace(
            "%1", view.associate_name
        )
    if view.purpose:
        text += f": {view.purpose}"
    if view.refused is not None:
        return refusal_text(view.refused, view.associate_name) + f" ({text})"
    if view.change_refused is not None and not view.pending:
        return change_refusal_text(view.change_refused, view.associate_name) + f" ({text})"
    if view.pending:
        text += " " + QCoreApplication.translate("Appointments", "(waiting to sync)")
    return text


def describe_timeline(e: TimelineEntry) -> tuple[str, str]:
    """(what, details) of an appointment in the customer's timeline (`e.reason` holds the
    end time, `e.text` the purpose, `e.author_name` the associate)."""
    who = e.author_name or ""
    if e.refused is not None:
        what = refusal_text(e.refused, who)
    elif e.status == "cancelled":
        what = QCoreApplication.translate(
            "Appointments", "Appointment cancelled (with %1)"
        ).replace("%1", who)
    else:
        until = local_time(datetime.fromisoformat(e.reason)) if e.reason else ""
        what = (
            QCoreApplication.translate("Appointments", "Appointment with %1, until %2")
            .replace("%1", who)
            .replace("%2", until)
        )
    return what, " · ".join(p for p in (e.text, e.store_name or "") if p)


class CustomerAppointments(QLabel):
    """On the profile: the customer's coming appointments in one line (hidden when none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerAppointments")
        self.setWordWrap(True)
        self.hide()

    def show_appointments(self, found: tuple[list[AppointmentView], str]) -> None:
        views, timezone = found
        parts = [describe(v, timezone, with_date=True) for v in views]
        self.setText(
            QCoreApplication.translate("Appointments", "Appointments: %1").replace(
                "%1", " · ".join(parts)
            )
        )
        self.setVisible(bool(parts))
        refused = any(v.refused is not None or v.change_refused is not None for v in views)
        self.setStyleSheet(f"color: {REFUSED_TEXT.name()};" if refused else "")
