"""Book an appointment (Ctrl+Shift+A on the profile), or move one (Ctrl+Shift+A on an
appointment in the task list): date and time in the store's time zone, duration,
associate (the signed-in one first, any associate of the store), purpose and a note.

Keyboard only: Tab walks date → time → duration → associate → purpose → note; arrows
change the date and time parts; Ctrl+Enter (or Enter in the purpose) books. Works
offline: the booking waits in the outbox and shows as pending; a clash this terminal
already knows of is said here at once, one only the hub knows of comes back as refused.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.appointments import DEFAULT_DURATION, DURATIONS, MAX_NOTE, MAX_PURPOSE
from clienteling.domain.appointments import store_moment as to_utc
from clienteling.terminal.appointment_views import (
    AppointmentClashError,
    AppointmentView,
    AssociateChoice,
)
from clienteling.terminal.facade import Terminal
from clienteling.ui.appointment_labels import clash_text, store_clock
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.operations import Pool, run_in_background

MINUTE_STEP = 15


def default_start(now_local: datetime) -> datetime:
    """The next full hour in the store: a sensible first offer at the counter."""
    ahead = now_local + timedelta(hours=1)
    return ahead.replace(minute=0, second=0, microsecond=0)


class AppointmentDialog(QDialog):
    appointment_did_book = Signal(str)  # appointment id (booked or moved)
    associates_did_load = Signal()

    def __init__(
        self,
        terminal: Terminal,
        *,
        customer_id: str,
        customer_name: str,
        timezone: str,
        appointment: AppointmentView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.customer_id = customer_id
        self.timezone = timezone
        self.appointment = appointment
        self.associates: list[AssociateChoice] = []
        moving = appointment is not None
        self.setWindowTitle(
            self.tr("Move the appointment") if moving else self.tr("Book an appointment")
        )
        self.setMinimumWidth(460)
        self._build(customer_name)
        self._prefill()
        self._load_associates()

    def _build(self, customer_name: str) -> None:
        layout = QVBoxLayout(self)
        who = QLabel(self.tr("Customer: %1").replace("%1", customer_name), self)
        who.setObjectName("appointmentCustomer")
        layout.addWidget(who)
        form = QFormLayout()
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("appointmentDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.time_edit = QTimeEdit(self)
        self.time_edit.setObjectName("appointmentTime")
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(self.tr("Time"))
        self.duration_combo = QComboBox(self)
        self.duration_combo.setObjectName("appointmentDuration")
        self.duration_combo.setAccessibleName(self.tr("Duration"))
        for minutes in DURATIONS:
            self.duration_combo.addItem(self.tr("%1 min").replace("%1", str(minutes)), minutes)
        self.associate_combo = QComboBox(self)
        self.associate_combo.setObjectName("appointmentAssociate")
        self.associate_combo.setAccessibleName(self.tr("With associate"))
        self.purpose_edit = QLineEdit(self)
        self.purpose_edit.setObjectName("appointmentPurpose")
        self.purpose_edit.setMaxLength(MAX_PURPOSE)
        self.purpose_edit.setPlaceholderText(self.tr("Optional, e.g. fitting, laptop demo"))
        self.purpose_edit.setAccessibleName(self.tr("Purpose"))
        self.purpose_edit.returnPressed.connect(self.book)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("appointmentNote")
        self.note_edit.setMaxLength(MAX_NOTE)
        self.note_edit.setPlaceholderText(self.tr("Optional"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.returnPressed.connect(self.book)
        for caption, field in (
            (self.tr("&Date"), self.date_edit),
            (self.tr("&Time"), self.time_edit),
            (self.tr("D&uration"), self.duration_combo),
            (self.tr("&With"), self.associate_combo),
            (self.tr("&Purpose"), self.purpose_edit),
            (self.tr("N&ote"), self.note_edit),
        ):
            label = QLabel(caption, self)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        zone = QLabel(
            self.tr("Times are in the store's time zone (%1).").replace("%1", self.timezone), self
        )
        zone.setObjectName("factCaption")
        layout.addWidget(zone)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.book_button = QPushButton(
            self.tr("Move (Ctrl+Enter)") if self.appointment else self.tr("Book (Ctrl+Enter)"),
            self,
        )
        self.book_button.setObjectName("bookAppointment")
        self.book_button.setDefault(True)
        buttons.addButton(self.book_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.book_button.clicked.connect(self.book)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.book)
        self.setTabOrder(self.date_edit, self.time_edit)
        self.setTabOrder(self.time_edit, self.duration_combo)
        self.setTabOrder(self.duration_combo, self.associate_combo)
        self.setTabOrder(self.associate_combo, self.purpose_edit)
        self.setTabOrder(self.purpose_edit, self.note_edit)
        self.setTabOrder(self.note_edit, self.book_button)

    def _prefill(self) -> None:
        zone = ZoneInfo(self.timezone or "UTC")
        now = datetime.now(zone)
        self.date_edit.setMinimumDate(QDate(now.year, now.month, now.day).addDays(-1))
        self.time_edit.setTime(QTime(0, 0))
        existing = self.appointment
        start = existing.starts_at.astimezone(zone) if existing else default_start(now)
        minutes = existing.duration_minutes if existing else DEFAULT_DURATION
        self.set_start(start.date(), start.time())
        index = self.duration_combo.findData(minutes)
        if index < 0:
            self.duration_combo.addItem(self.tr("%1 min").replace("%1", str(minutes)), minutes)
            index = self.duration_combo.count() - 1
        self.duration_combo.setCurrentIndex(index)
        if existing is not None:
            self.purpose_edit.setText(existing.purpose)
            self.note_edit.setText(existing.note)
            self.purpose_edit.setReadOnly(True)
            self.note_edit.setReadOnly(True)

    def set_start(self, day: date, at: time) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.time_edit.setTime(QTime(at.hour, at.minute))

    def start_utc(self) -> datetime:
        day = self.date_edit.date()
        at = self.time_edit.time()
        return to_utc(
            date(day.year(), day.month(), day.day()), time(at.hour(), at.minute()), self.timezone
        )

    # -- associates ---------------------------------------------------------------------

    def _load_associates(self) -> None:
        terminal = self.terminal
        run_in_background(terminal.store_associates, success=self._show_associates, parent=self)
        run_in_background(
            terminal.refresh_store_associates,
            success=self._show_associates,
            failure=log_error,
            parent=self,
            on=Pool.NETWORK,
        )

    def _show_associates(self, people: list[AssociateChoice]) -> None:
        wanted = self.chosen_associate()
        if wanted is None and self.appointment is not None:
            wanted = AssociateChoice(self.appointment.associate_id, self.appointment.associate_name)
        if wanted is not None and wanted.id not in [p.id for p in people]:
            people = [wanted, *people]
        self.associates = people
        self.associate_combo.blockSignals(True)
        self.associate_combo.clear()
        for person in people:
            self.associate_combo.addItem(person.name, person.id)
        if wanted is not None:
            self.associate_combo.setCurrentIndex(max(0, self.associate_combo.findData(wanted.id)))
        self.associate_combo.blockSignals(False)
        self.associates_did_load.emit()

    def chosen_associate(self) -> AssociateChoice | None:
        index = self.associate_combo.currentIndex()
        if index < 0 or index >= len(self.associates):
            return None
        return self.associates[index]

    # -- booking ------------------------------------------------------------------------

    def _show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.book_button.setEnabled(True)

    def book(self) -> None:
        associate = self.chosen_associate()
        if associate is None or not self.book_button.isEnabled():
            return
        self.book_button.setEnabled(False)
        self.error_label.hide()
        start = self.start_utc()
        minutes = int(self.duration_combo.currentData())
        terminal = self.terminal
        existing = self.appointment
        if existing is None:
            purpose, note, customer = (
                self.purpose_edit.text(),
                self.note_edit.text(),
                self.customer_id,
            )

            def save() -> str:
                return terminal.book_appointment(
                    customer_id=customer,
                    associate=associate,
                    starts_at=start,
                    duration_minutes=minutes,
                    purpose=purpose,
                    note=note,
                )

        else:

            def save() -> str:
                terminal.reschedule_appointment(
                    existing.id, associate=associate, starts_at=start, duration_minutes=minutes
                )
                return existing.id

        run_in_background(save, success=self._booked, failure=self._failed, parent=self)

    def _booked(self, appointment_id: str) -> None:
        self.appointment_did_book.emit(appointment_id)
        self.terminal.request_sync()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppointmentClashError):
            span = (
                f"{store_clock(exc.starts_at, self.timezone)}–"
                f"{store_clock(exc.ends_at, self.timezone)}"
            )
            self._show_problem(clash_text(exc.associate_name, span))
            return
        log_error(exc)
        self._show_problem(error_text(exc))


def open_appointment_dialog(
    terminal: Terminal,
    *,
    customer_id: str,
    customer_name: str,
    timezone: str,
    appointment: AppointmentView | None = None,
    parent: QWidget | None,
) -> AppointmentDialog:
    dialog = AppointmentDialog(
        terminal,
        customer_id=customer_id,
        customer_name=customer_name,
        timezone=timezone,
        appointment=appointment,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.date_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return dialog
