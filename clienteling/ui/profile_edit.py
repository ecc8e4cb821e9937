"""Edit a customer's profile (Ctrl+E on the profile; works offline): names, phones, emails,
language, preferred channel, preferences (sizes, style, brands, birthday) and consent per
channel. Each field says what is wrong right under it. Only changed fields are sent
(`customer.patch`); a field still waiting for the hub is marked, and a change the hub
refused shows its reason. Consent changes apply at once: an opt-out immediately, an
opt-in once the associate confirms the customer agreed. Every terminal call runs on the
DB worker."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.contacts import CHANNELS, clean_name, looks_like_email
from clienteling.domain.learned import LearnedSize, SizeLine, size_lines
from clienteling.domain.phones import InvalidPhoneError, display, to_e164
from clienteling.domain.preferences import (
    BIRTHDAY,
    SIZE_KINDS,
    InvalidPreferenceError,
    parse_date,
    parse_other_dates,
    split_brands,
)
from clienteling.terminal.facade import Terminal
from clienteling.terminal.views import CustomerProfile, ProfileSyncState
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.labels import contact_channel_label
from clienteling.ui.new_customer import LANGUAGE_NAMES
from clienteling.ui.operations import run_in_background


def size_label(kind: str) -> str:
    labels = {
        "top": QCoreApplication.translate("ProfileEdit", "Top"),
        "bottom": QCoreApplication.translate("ProfileEdit", "Bottom"),
        "shoes": QCoreApplication.translate("ProfileEdit", "Shoes"),
    }
    return labels.get(kind, kind)


def show_date(iso: str) -> str:
    """ "1990-05-14" -> "14/05/1990", "--05-14" -> "14/05" (day first, as typed)."""
    if iso.startswith("--"):
        month, day = iso[2:].split("-")
        return f"{day}/{month}"
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _size_text(line: SizeLine) -> str:
    """ "Shoes 41 (bought: 42)", "Shoes bought: 42" or "Shoes 41": the stated size wins,
    the learned one (domain.learned) shows beside it."""
    if line.stated is not None and line.bought is not None:
        value = (
            QCoreApplication.translate("ProfileEdit", "%1 (bought: %2)")
            .replace("%1", line.stated)
            .replace("%2", line.bought)
        )
    elif line.stated is not None:
        value = line.stated
    else:
        value = QCoreApplication.translate("ProfileEdit", "bought: %1").replace(
            "%1", line.bought or ""
        )
    return f"{size_label(line.kind)} {value}"


def preferences_summary(
    preferences: dict[str, Any], learned: Mapping[str, LearnedSize] | None = None
) -> str:
    """One line for the profile header: "Sizes: Top M, Shoes 39 (bought: 40) · Brands: … ·
    Birthday 14/05"; `learned`: the sizes the customer's purchases show."""
    parts: list[str] = []
    lines = size_lines(preferences.get("sizes") or {}, learned or {})
    if lines:
        text = ", ".join(_size_text(line) for line in lines)
        parts.append(QCoreApplication.translate("ProfileEdit", "Sizes: %1").replace("%1", text))
    if preferences.get("style"):
        parts.append(
            QCoreApplication.translate("ProfileEdit", "Style: %1").replace(
                "%1", preferences["style"]
            )
        )
    if preferences.get("brands"):
        brands = ", ".join(preferences["brands"])
        parts.append(QCoreApplication.translate("ProfileEdit", "Brands: %1").replace("%1", brands))
    birthday = (preferences.get("dates") or {}).get(BIRTHDAY)
    if birthday:
        parts.append(
            QCoreApplication.translate("ProfileEdit", "Birthday %1").replace(
                "%1", show_date(birthday)
            )
        )
    others = other_dates_text(preferences.get("dates") or {})
    if others:
        parts.append(others)
    return "   ·   ".join(parts)


def other_dates_text(dates: Mapping[str, str]) -> str:
    """The dates besides the birthday as the form shows them: "wedding 12/06; name day
    24/07/1990" (what `domain.preferences.parse_other_dates` reads back)."""
    return "; ".join(
        f"{label} {show_date(day)}" for label, day in dates.items() if label != BIRTHDAY
    )


class ProfileEditDialog(QDialog):
    profile_did_save = Signal(str)  # customer id (after Save, or a consent change)
    profile_did_load = Signal()  # the form shows the customer (tests, scripts)
    consent_did_change = Signal(str)  # channel

    def __init__(self, terminal: Terminal, customer_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.terminal = terminal
        self.customer_id = customer_id
        self.profile: CustomerProfile | None = None
        self._region = "FR"
        self._showing = False
        self._loaded_texts: dict[str, str] = {}
        # What is typed goes to a draft shortly after each change (`_keep_draft`), so a
        # crash or a restart before Save loses nothing; Save or Cancel drops it.
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(300)
        self._draft_timer.timeout.connect(self._keep_draft)
        self.setWindowTitle(self.tr("Edit profile"))
        self.setMinimumWidth(560)
        self._build()
        self.setEnabled(False)
        run_in_background(self._read, success=self._show, parent=self)

    # -- building -----------------------------------------------------------------------

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setObjectName("errorText")
        label.hide()
        return label

    def _field(self, form: QFormLayout, caption: str, field: QWidget, key: str) -> QLabel:
        """A row with its error line under the field and a pending mark after it. The
        caption names the field for screen readers (the form's label names the row)."""
        if not field.accessibleName():
            field.setAccessibleName(caption)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(field, 1)
        pending = QLabel(self.tr("[pending sync]"), box)
        pending.setObjectName("pendingMark")
        pending.hide()
        line.addWidget(pending)
        column.addLayout(line)
        error = self._error_label()
        column.addWidget(error)
        form.addRow(caption, box)
        self._pending_marks.append((key, pending))
        return error

    def _build(self) -> None:
        self._pending_marks: list[tuple[str, QLabel]] = []  # field key (shared by dates)
        layout = QVBoxLayout(self)
        self.restored_label = QLabel(self)
        self.restored_label.setObjectName("restoredDraft")
        self.restored_label.setWordWrap(True)
        self.restored_label.hide()
        layout.addWidget(self.restored_label)
        self.refused_label = QLabel(self)
        self.refused_label.setObjectName("errorText")
        self.refused_label.setWordWrap(True)
        self.refused_label.hide()
        layout.addWidget(self.refused_label)

        contact = QGroupBox(self.tr("Contact"), self)
        form = QFormLayout(contact)
        self.given_edit = QLineEdit(self)
        self.given_error = self._field(form, self.tr("Given name"), self.given_edit, "given_name")
        self.family_edit = QLineEdit(self)
        self.family_error = self._field(
            form, self.tr("Family name"), self.family_edit, "family_name"
        )
        self.phones_edit = QLineEdit(self)
        self.phones_edit.setPlaceholderText(self.tr("Any format; several separated by commas"))
        self.phones_error = self._field(form, self.tr("Phones"), self.phones_edit, "phones")
        self.emails_edit = QLineEdit(self)
        self.emails_edit.setPlaceholderText(self.tr("Several separated by commas"))
        self.emails_error = self._field(form, self.tr("Emails"), self.emails_edit, "emails")
        self.language_combo = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self._field(form, self.tr("Language"), self.language_combo, "language")
        self.channel_combo = QComboBox(self)
        for channel in CHANNELS:
            self.channel_combo.addItem(contact_channel_label(channel), channel)
        self._field(form, self.tr("Preferred channel"), self.channel_combo, "preferred_channel")
        layout.addWidget(contact)

        prefs = QGroupBox(self.tr("Preferences"), self)
        pform = QFormLayout(prefs)
        sizes = QWidget(self)
        row = QHBoxLayout(sizes)
        row.setContentsMargins(0, 0, 0, 0)
        self.size_edits: dict[str, QLineEdit] = {}
        for kind in SIZE_KINDS:
            edit = QLineEdit(sizes)
            edit.setPlaceholderText(size_label(kind))
            edit.setAccessibleName(size_label(kind))
            edit.setMaxLength(32)
            self.size_edits[kind] = edit
            row.addWidget(edit)
        self._field(pform, self.tr("Sizes (top, bottom, shoes)"), sizes, "preferences.sizes")
        self.style_edit = QLineEdit(self)
        self.style_edit.setPlaceholderText(self.tr("e.g. classic, navy and beige"))
        self.style_edit.setMaxLength(300)
        self._field(pform, self.tr("Style"), self.style_edit, "preferences.style")
        self.brands_edit = QLineEdit(self)
        self.brands_edit.setPlaceholderText(self.tr("Separated by commas"))
        self._field(pform, self.tr("Brands"), self.brands_edit, "preferences.brands")
        self.birthday_edit = QLineEdit(self)
        self.birthday_edit.setPlaceholderText(self.tr("Day/month, year optional: 14/05/1990"))
        self.birthday_error = self._field(
            pform, self.tr("Birthday"), self.birthday_edit, "preferences.dates"
        )
        self.dates_edit = QLineEdit(self)
        self.dates_edit.setPlaceholderText(self.tr("e.g. wedding 12/06; name day 24/07"))
        self.dates_edit.setMaxLength(400)
        self.dates_error = self._field(
            pform, self.tr("Other important dates"), self.dates_edit, "preferences.dates"
        )
        layout.addWidget(prefs)

        consent = QGroupBox(self.tr("Agrees to be contacted by"), self)
        crow = QHBoxLayout(consent)
        self.consent_boxes: dict[str, QCheckBox] = {}
        for channel in CHANNELS:
            box = QCheckBox(contact_channel_label(channel), consent)
            box.setObjectName(f"consent_{channel}")
            box.clicked.connect(lambda checked, c=channel: self._consent_clicked(c, checked))
            self.consent_boxes[channel] = box
            crow.addWidget(box)
        crow.addStretch(1)
        layout.addWidget(consent)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(
            self.tr("Save (Ctrl+S)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+S", "Ctrl+Return"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)

        for edit in (
            self.given_edit,
            self.family_edit,
            self.phones_edit,
            self.emails_edit,
            self.birthday_edit,
            self.dates_edit,
        ):
            edit.textChanged.connect(self._validate)
        for edit in (self.style_edit, self.brands_edit, *self.size_edits.values()):
            edit.textChanged.connect(self._typed)
        for edit in (
            self.given_edit,
            self.family_edit,
            self.phones_edit,
            self.emails_edit,
            self.birthday_edit,
            self.dates_edit,
        ):
            edit.textChanged.connect(self._typed)
        for combo in (self.language_combo, self.channel_combo):
            combo.currentIndexChanged.connect(self._typed)

    # -- loading ------------------------------------------------------------------------

    def _read(self) -> tuple[CustomerProfile | None, ProfileSyncState, str]:
        terminal, customer_id = self.terminal, self.customer_id
        return (
            terminal.customer(customer_id),
            terminal.profile_sync_state(customer_id),
            terminal.default_region(),
        )

    def _show(self, loaded: tuple[CustomerProfile | None, ProfileSyncState, str]) -> None:
        profile, state, region = loaded
        self.profile, self._region = profile, region
        if profile is None:
            self.error_label.setText(self.tr("This customer is not on this terminal any more."))
            self.error_label.show()
            return
        self.customer_id = profile.id  # a merged id resolves to the survivor
        self._showing = True
        self.given_edit.setText(profile.given_name)
        self.family_edit.setText(profile.family_name)
        self.phones_edit.setText(", ".join(display(p) for p in profile.phones))
        self.emails_edit.setText(", ".join(profile.emails))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(profile.language)))
        self.channel_combo.setCurrentIndex(
            max(0, self.channel_combo.findData(profile.preferred_channel))
        )
        prefs = profile.preferences
        for kind, edit in self.size_edits.items():
            edit.setText((prefs.get("sizes") or {}).get(kind, ""))
        self.style_edit.setText(prefs.get("style") or "")
        self.brands_edit.setText(", ".join(prefs.get("brands") or []))
        birthday = (prefs.get("dates") or {}).get(BIRTHDAY)
        self.birthday_edit.setText(show_date(birthday) if birthday else "")
        self.dates_edit.setText(other_dates_text(prefs.get("dates") or {}))
        self._showing = False
        self._loaded_texts = self.form_texts()
        self._show_state(profile, state)
        self.setEnabled(True)
        self.given_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.given_edit.selectAll()
        self._validate()
        terminal, customer_id = self.terminal, profile.id
        run_in_background(
            lambda: terminal.profile_edit_draft(customer_id),
            success=self._restore_draft,
            failure=self._draft_unreadable,
            parent=self,
        )

    # -- the draft ------------------------------------------------------------------------

    def _line_edits(self) -> dict[str, QLineEdit]:
        edits = {
            "given_name": self.given_edit,
            "family_name": self.family_edit,
            "phones": self.phones_edit,
            "emails": self.emails_edit,
            "style": self.style_edit,
            "brands": self.brands_edit,
            "birthday": self.birthday_edit,
            "other_dates": self.dates_edit,
        }
        edits |= {f"size_{kind}": edit for kind, edit in self.size_edits.items()}
        return edits

    def form_texts(self) -> dict[str, str]:
        """Every field as shown (what a draft keeps)."""
        texts = {name: edit.text() for name, edit in self._line_edits().items()}
        texts["language"] = str(self.language_combo.currentData() or "")
        texts["preferred_channel"] = str(self.channel_combo.currentData() or "")
        return texts

    def _restore_draft(self, draft: dict[str, str] | None) -> None:
        """Show what was typed and not saved last time, over the profile (unless the
        associate has already typed something since the form opened)."""
        if draft and self.form_texts() == self._loaded_texts and draft != self._loaded_texts:
            self._showing = True
            for name, edit in self._line_edits().items():
                if name in draft:
                    edit.setText(draft[name])
            for name, combo in (
                ("language", self.language_combo),
                ("preferred_channel", self.channel_combo),
            ):
                index = combo.findData(draft.get(name))
                if index >= 0:
                    combo.setCurrentIndex(index)
            self._showing = False
            self.restored_label.setText(
                QCoreApplication.translate(
                    "VisitFormDialog",
                    "Restored what was typed before, not yet saved. Cancel discards it.",
                )
            )
            self.restored_label.show()
            self._validate()
        self.profile_did_load.emit()

    def _draft_unreadable(self, exc: BaseException) -> None:
        log_error(exc)
        self._restore_draft(None)

    def _typed(self) -> None:
        if not self._showing and self.profile is not None:
            self._draft_timer.start()

    def _keep_draft(self) -> None:
        if self.profile is None:
            return
        terminal, customer_id, texts = self.terminal, self.profile.id, self.form_texts()
        if texts == self._loaded_texts:
            call = lambda: terminal.discard_profile_edit_draft(customer_id)  # noqa: E731
        else:
            call = lambda: terminal.save_profile_edit_draft(customer_id, texts)  # noqa: E731
        run_in_background(call, success=_ignore, failure=log_error, parent=None)

    def _drop_draft(self) -> None:
        self._draft_timer.stop()
        terminal, customer_id = self.terminal, self.customer_id
        run_in_background(
            lambda: terminal.discard_profile_edit_draft(customer_id),
            success=_ignore,
            failure=log_error,
            parent=None,
        )

    def reject(self) -> None:
        """Cancel (or Esc) discards what was typed; closing the app keeps it."""
        self._drop_draft()
        super().reject()

    def pending_mark(self, key: str) -> QLabel:
        """The "[pending sync]" mark of the (first) field of `key` ("given_name", …)."""
        return next(mark for field, mark in self._pending_marks if field == key)

    def _show_state(self, profile: CustomerProfile, state: ProfileSyncState) -> None:
        for key, mark in self._pending_marks:
            mark.setVisible(key in state.pending_fields)
        consents = {c.channel: c for c in profile.consents}
        for channel, box in self.consent_boxes.items():
            consent = consents.get(channel)
            box.setChecked(consent is not None and consent.granted)
            pending = channel in state.pending_channels
            box.setText(
                contact_channel_label(channel)
                + ("  " + self.tr("[pending sync]") if pending else "")
            )
        if state.refused:
            reasons = "\n".join(f"• {reason}" for reason in state.refused)
            self.refused_label.setText(
                self.tr("The hub refused changes to this customer:") + "\n" + reasons
            )
        self.refused_label.setVisible(bool(state.refused))

    # -- validation -----------------------------------------------------------------------

    def _phones(self) -> tuple[list[str], str | None]:
        phones: list[str] = []
        for text in self.phones_edit.text().split(","):
            if not text.strip():
                continue
            try:
                phones.append(to_e164(text, region=self._region))
            except InvalidPhoneError:
                return [], self.tr("Not a valid phone number: %1").replace("%1", text.strip())
        return phones, None

    def _emails(self) -> tuple[list[str], str | None]:
        emails = [e.strip() for e in self.emails_edit.text().split(",") if e.strip()]
        for email in emails:
            if not looks_like_email(email):
                return [], self.tr("This does not look like an email address: %1").replace(
                    "%1", email
                )
        return emails, None

    def _birthday(self) -> tuple[str | None, str | None]:
        text = self.birthday_edit.text().strip()
        if not text:
            return None, None
        try:
            return parse_date(text), None
        except InvalidPreferenceError:
            return None, self.tr("Not a date: write day/month, e.g. 14/05.")

    def _other_dates(self) -> tuple[dict[str, str] | None, str | None]:
        try:
            return parse_other_dates(self.dates_edit.text()), None
        except InvalidPreferenceError:
            return None, self.tr(
                "Write each date after its name, separated by semicolons: wedding 12/06."
            )

    def _validate(self) -> bool:
        if self._showing:
            return False
        messages = {
            self.given_error: None
            if clean_name(self.given_edit.text())
            else self.tr("The given name is required."),
            self.family_error: None
            if clean_name(self.family_edit.text())
            else self.tr("The family name is required."),
            self.phones_error: self._phones()[1],
            self.emails_error: self._emails()[1],
            self.birthday_error: self._birthday()[1],
            self.dates_error: self._other_dates()[1],
        }
        for label, message in messages.items():
            label.setText(message or "")
            label.setVisible(message is not None)
        valid = all(m is None for m in messages.values())
        self.save_button.setEnabled(valid and self.profile is not None)
        hint = self.sizeHint()  # grow (never shrink) when a message appears
        if hint.height() > self.height() or hint.width() > self.width():
            self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))
        return valid

    # -- saving ---------------------------------------------------------------------------

    def changes(self) -> dict[str, Any]:
        """Keyword arguments for `Terminal.patch_customer`: only what differs."""
        profile = self.profile
        if profile is None:
            return {}
        changes: dict[str, Any] = {}
        given, family = clean_name(self.given_edit.text()), clean_name(self.family_edit.text())
        if given != profile.given_name:
            changes["given_name"] = given
        if family != profile.family_name:
            changes["family_name"] = family
        phones, _ = self._phones()
        if phones != profile.phones:
            changes["phones"] = phones
        emails, _ = self._emails()
        if [e.lower() for e in emails] != profile.emails:
            changes["emails"] = emails
        for name, combo, current in (
            ("language", self.language_combo, profile.language),
            ("preferred_channel", self.channel_combo, profile.preferred_channel),
        ):
            if combo.currentData() != current:
                changes[name] = combo.currentData()
        old = profile.preferences
        prefs: dict[str, Any] = {}
        sizes = {k: e.text().strip() for k, e in self.size_edits.items() if e.text().strip()}
        others = {k: v for k, v in (old.get("sizes") or {}).items() if k not in SIZE_KINDS}
        if (sizes | others) != (old.get("sizes") or {}):
            prefs["sizes"] = (sizes | others) or None
        style = " ".join(self.style_edit.text().split()) or None
        if style != old.get("style"):
            prefs["style"] = style
        brands = split_brands(self.brands_edit.text()) or None
        if brands != old.get("brands"):
            prefs["brands"] = brands
        birthday, _ = self._birthday()
        typed_dates, _ = self._other_dates()
        dates: dict[str, str] = dict(old.get("dates") or {})
        if typed_dates is not None:  # as typed: labels left out are removed
            dates = {BIRTHDAY: dates[BIRTHDAY]} if BIRTHDAY in dates else {}
            dates |= typed_dates
        if birthday:
            dates[BIRTHDAY] = birthday
        else:
            dates.pop(BIRTHDAY, None)
        if dates != (old.get("dates") or {}):
            prefs["dates"] = dates or None
        if prefs:
            changes["preferences"] = prefs
        return changes

    def save(self) -> None:
        if not self._validate() or self.profile is None:
            return
        changes = self.changes()
        if not changes:
            self._drop_draft()
            self.accept()
            return
        self.save_button.setEnabled(False)
        self.error_label.hide()
        terminal, customer_id, region = self.terminal, self.customer_id, self._region

        def saved(_fields: list[str]) -> None:
            self._drop_draft()
            self.profile_did_save.emit(customer_id)
            self.accept()

        def failed(exc: BaseException) -> None:
            log_error(exc)
            self.error_label.setText(error_text(exc))
            self.error_label.show()
            self._validate()

        run_in_background(
            lambda: terminal.patch_customer(customer_id, region=region, **changes),
            success=saved,
            failure=failed,
            parent=self,
        )

    # -- consent --------------------------------------------------------------------------

    def confirm_opt_in(self, channel: str) -> bool:
        """Ask the associate to confirm the customer agreed (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Consent"),
            self.tr("Did the customer agree to be contacted by %1?").replace(
                "%1", contact_channel_label(channel)
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _consent_clicked(self, channel: str, granted: bool) -> None:
        box = self.consent_boxes[channel]
        if granted and not self.confirm_opt_in(channel):
            box.setChecked(False)
            return
        box.setEnabled(False)
        terminal, customer_id = self.terminal, self.customer_id

        def done(_changed: bool) -> None:
            box.setEnabled(True)
            run_in_background(self._read, success=self._refresh_state, parent=self)
            self.consent_did_change.emit(channel)
            self.profile_did_save.emit(customer_id)

        def failed(exc: BaseException) -> None:
            log_error(exc)
            box.setEnabled(True)
            box.setChecked(not granted)
            self.error_label.setText(error_text(exc))
            self.error_label.show()

        run_in_background(
            lambda: terminal.set_consent(customer_id, channel, granted),  # type: ignore[arg-type]
            success=done,
            failure=failed,
            parent=self,
        )

    def _refresh_state(self, loaded: tuple[CustomerProfile | None, ProfileSyncState, str]) -> None:
        profile, state, _region = loaded
        if profile is not None:
            self._show_state(profile, state)


def _ignore(_result: object) -> None:
    pass


def open_profile_edit(window: Any, customer_id: str) -> ProfileEditDialog:
    """Open the editor over `window` (the main window); a save reloads the profile."""
    dialog = ProfileEditDialog(window.terminal, customer_id, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.profile_did_save.connect(window.open_customer)
    window.profile_edit_dialog = dialog
    dialog.open()
    return dialog
