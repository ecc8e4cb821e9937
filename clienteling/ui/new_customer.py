"""New customer at the counter (works offline): names, phone (any format, stored in E.164
for the chosen country), email, language, preferred channel and consent. Each field says
what is wrong right under it; while typing, a known phone or email shows "already known"
with a button to open that profile instead; online, a customer of another store with the
same phone or email is offered too ("use the existing profile": pulled in from the hub).
Every terminal call runs on a worker (the cache's, or the network's for the hub)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.cards import InvalidCardError, clean_card
from clienteling.domain.contacts import (
    CHANNELS,
    COMMON_REGIONS,
    clean_name,
    looks_like_email,
)
from clienteling.domain.phones import InvalidPhoneError, calling_code, display, to_e164
from clienteling.terminal.facade import Terminal
from clienteling.terminal.views import CustomerHit, HubHit, NewCustomerDraft
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.labels import contact_channel_label
from clienteling.ui.operations import Pool, run_in_background

log = logging.getLogger(__name__)

CHECK_DEBOUNCE_MS = 250
DRAFT_DEBOUNCE_MS = 400  # typing pauses this long before the form is kept in the cache
# Languages in their own names (never translated: the customer picks theirs).
LANGUAGE_NAMES = {"fr": "Français", "vi": "Tiếng Việt", "ru": "Русский", "en": "English"}
_LANGUAGE_OF_REGION = {"FR": "fr", "BE": "fr", "CH": "fr", "VN": "vi", "RU": "ru"}


class NewCustomerDialog(QDialog):
    customer_did_create = Signal(str)  # the new customer's id
    existing_will_open = Signal(str)  # the known customer the associate chose instead
    duplicates_did_show = Signal()  # a duplicate lookup answered (tests, scripts)
    draft_did_restore = Signal()  # the form as typed before a crash or a restart is back
    draft_did_save = Signal()

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self._check_seq = 0
        self._touched: set[QLineEdit] = set()
        self._duplicates: list[CustomerHit] = []
        self._hub_duplicate: HubHit | None = None
        self._region_chosen = False
        self._restoring = False
        self._dirty = False  # typed into since it opened
        self._created = False
        self.setWindowTitle(self.tr("New customer"))
        self.setMinimumWidth(480)
        self._build()
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DEBOUNCE_MS)
        self._check_timer.timeout.connect(self._check_now)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DEBOUNCE_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self._validate()
        run_in_background(terminal.default_region, success=self._set_default_region, parent=self)
        # After the default region (the DB worker runs in order): a kept draft's wins.
        run_in_background(terminal.new_customer_draft, success=self._restore_draft, parent=self)

    # -- building -----------------------------------------------------------------------

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName("errorText")
        label.setAccessibleName(name)
        # Not word-wrapped: a wrapped label's height is not in the form's minimum size, so
        # the dialog would clip a two-line message instead of growing.
        label.setWordWrap(False)
        label.hide()
        return label

    def _with_error(self, field: QWidget, error: QLabel) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        return box

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.given_edit = QLineEdit(self)
        self.given_edit.setObjectName("givenName")
        self.given_error = self._error_label("givenNameError")
        self.family_edit = QLineEdit(self)
        self.family_edit.setObjectName("familyName")
        self.family_error = self._error_label("familyNameError")
        form.addRow(self.tr("Given name"), self._with_error(self.given_edit, self.given_error))
        form.addRow(self.tr("Family name"), self._with_error(self.family_edit, self.family_error))
        # The form's labels name the wrapping rows, not the fields: name the fields.
        self.given_edit.setAccessibleName(self.tr("Given name"))
        self.family_edit.setAccessibleName(self.tr("Family name"))

        self.country_combo = QComboBox(self)
        self.country_combo.setObjectName("country")
        for region in COMMON_REGIONS:
            self.country_combo.addItem(f"{region} +{calling_code(region)}", region)
        self.country_combo.setCurrentIndex(0)
        self.country_combo.activated.connect(self._region_did_change)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setObjectName("phone")
        self.phone_edit.setPlaceholderText(self.tr("Any format, e.g. 06 12 34 56 78"))
        self.phone_error = self._error_label("phoneError")
        phone_row = QWidget(self)
        row = QHBoxLayout(phone_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.country_combo)
        row.addWidget(self.phone_edit, 1)
        form.addRow(self.tr("Phone"), self._with_error(phone_row, self.phone_error))
        self.country_combo.setAccessibleName(self.tr("Country of the phone number"))
        self.phone_edit.setAccessibleName(self.tr("Phone"))

        self.email_edit = QLineEdit(self)
        self.email_edit.setObjectName("email")
        self.email_error = self._error_label("emailError")
        form.addRow(self.tr("Email"), self._with_error(self.email_edit, self.email_error))
        self.email_edit.setAccessibleName(self.tr("Email"))

        # A card handed over at sign-up, scanned or typed; the scanner's Enter moves on.
        self.card_edit = QLineEdit(self)
        self.card_edit.setObjectName("loyaltyCard")
        self.card_edit.setPlaceholderText(self.tr("Optional: scan or type the card"))
        self.card_edit.setAccessibleName(self.tr("Loyalty card"))
        self.card_edit.installEventFilter(self)
        self.card_error = self._error_label("loyaltyCardError")
        form.addRow(self.tr("Loyalty card"), self._with_error(self.card_edit, self.card_error))

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        form.addRow(self.tr("Language"), self.language_combo)
        self.language_combo.setAccessibleName(self.tr("Language"))

        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("preferredChannel")
        for channel in CHANNELS:
            self.channel_combo.addItem(contact_channel_label(channel), channel)
        self.channel_combo.setCurrentIndex(CHANNELS.index("sms"))
        form.addRow(self.tr("Preferred channel"), self.channel_combo)
        self.channel_combo.setAccessibleName(self.tr("Preferred channel"))

        consent_row = QWidget(self)
        consents = QHBoxLayout(consent_row)
        consents.setContentsMargins(0, 0, 0, 0)
        self.consent_boxes: dict[str, QCheckBox] = {}
        for channel in CHANNELS:
            box = QCheckBox(contact_channel_label(channel), consent_row)
            box.setObjectName(f"consent_{channel}")
            self.consent_boxes[channel] = box
            consents.addWidget(box)
        consents.addStretch(1)
        form.addRow(self.tr("Agrees to be contacted by"), consent_row)
        layout.addLayout(form)

        self.duplicate_box = QWidget(self)
        self.duplicate_box.setObjectName("duplicateWarning")
        dup = QHBoxLayout(self.duplicate_box)
        dup.setContentsMargins(0, 4, 0, 4)
        self.duplicate_label = QLabel(self.duplicate_box)
        self.duplicate_label.setObjectName("errorText")
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_existing_button = QPushButton(self.tr("Open this profile"), self.duplicate_box)
        self.open_existing_button.clicked.connect(self._open_existing)
        dup.addWidget(self.duplicate_label, 1)
        dup.addWidget(self.open_existing_button)
        self.duplicate_box.hide()
        layout.addWidget(self.duplicate_box)

        self.restored_label = QLabel(self)
        self.restored_label.setObjectName("restoredDraft")
        self.restored_label.setWordWrap(True)
        self.restored_label.hide()
        layout.addWidget(self.restored_label)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("create")
        self.create_button.setDefault(True)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        for edit in (
            self.given_edit,
            self.family_edit,
            self.phone_edit,
            self.email_edit,
            self.card_edit,
        ):
            edit.textChanged.connect(lambda _text, e=edit: self._edited(e))
            edit.textChanged.connect(self._form_did_change)
        for combo in (self.country_combo, self.language_combo, self.channel_combo):
            combo.activated.connect(self._form_did_change)
        for box in self.consent_boxes.values():
            box.toggled.connect(self._form_did_change)

    # -- reading the form ---------------------------------------------------------------

    def region(self) -> str:
        return str(self.country_combo.currentData())

    def _phone(self) -> tuple[str | None, bool]:
        """(E.164 or None, valid): an empty phone is valid (it is optional)."""
        text = self.phone_edit.text().strip()
        if not text:
            return None, True
        try:
            return to_e164(text, region=self.region()), True
        except InvalidPhoneError:
            return None, False

    def _email_ok(self) -> bool:
        text = self.email_edit.text().strip()
        return not text or looks_like_email(text)

    def _card(self) -> tuple[str | None, bool]:
        """(the card in its stored form or None, valid): no card is valid (optional)."""
        try:
            return clean_card(self.card_edit.text()), True
        except InvalidCardError:
            return None, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A keyboard-wedge scanner ends the card with Enter: go on to the next field
        instead of creating the customer before the form is done."""
        if (
            watched is self.card_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    def _set_region(self, region: str) -> None:
        index = self.country_combo.findData(region)
        if index < 0:
            self.country_combo.addItem(f"{region} +{calling_code(region)}", region)
            index = self.country_combo.count() - 1
        self.country_combo.setCurrentIndex(index)

    def _set_default_region(self, region: str) -> None:
        if self._region_chosen:
            return
        self._set_region(region)
        language = _LANGUAGE_OF_REGION.get(region, "en")
        self.language_combo.setCurrentIndex(self.language_combo.findData(language))
        self._validate()

    def _region_did_change(self, _index: int) -> None:
        self._region_chosen = True
        self._edited(self.phone_edit)

    # -- validation and duplicates ------------------------------------------------------

    def _edited(self, edit: QLineEdit) -> None:
        self._touched.add(edit)
        self._validate()
        if edit in (self.phone_edit, self.email_edit, self.card_edit):
            self._check_timer.start()

    def _validate(self) -> bool:
        """Show each field's message (once touched) and enable Create when all are valid."""
        given_ok = bool(clean_name(self.given_edit.text()))
        family_ok = bool(clean_name(self.family_edit.text()))
        _e164, phone_ok = self._phone()
        email_ok = self._email_ok()
        _card, card_ok = self._card()
        self._show(
            self.given_error,
            None
            if given_ok or self.given_edit not in self._touched
            else self.tr("The given name is required."),
        )
        self._show(
            self.family_error,
            None
            if family_ok or self.family_edit not in self._touched
            else self.tr("The family name is required."),
        )
        self._show(
            self.phone_error,
            None
            if phone_ok
            else self.tr("Not a valid phone number for %1.").replace(
                "%1", self.country_combo.currentText()
            ),
        )
        self._show(
            self.email_error,
            None if email_ok else self.tr("This does not look like an email address."),
        )
        self._show(
            self.card_error,
            None if card_ok else self.tr("A loyalty card number has 6 to 32 letters or digits."),
        )
        valid = given_ok and family_ok and phone_ok and email_ok and card_ok
        self.create_button.setEnabled(valid)
        self._grow_to_fit()
        return valid

    def _grow_to_fit(self) -> None:
        """Grow (never shrink) when a message appears, so no field gets squeezed."""
        hint = self.sizeHint()
        if hint.height() > self.height() or hint.width() > self.width():
            self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    @staticmethod
    def _show(label: QLabel, message: str | None) -> None:
        label.setText(message or "")
        label.setVisible(message is not None)

    def _check_now(self) -> None:
        """Look the phone and email up among known customers (on the DB worker)."""
        self._check_timer.stop()
        self._check_seq += 1
        seq = self._check_seq
        e164, _ok = self._phone()
        email = self.email_edit.text().strip()
        email = email if looks_like_email(email) else ""
        card, _card_ok = self._card()
        if e164 is None and not email and card is None:
            self._show_duplicates(seq, [])
            return
        terminal = self.terminal
        run_in_background(
            lambda: terminal.possible_duplicates(phone=e164 or "", email=email, card=card or ""),
            success=lambda hits: self._show_duplicates(seq, hits),
            parent=self,
        )

    def _show_duplicates(self, seq: int, hits: list[CustomerHit]) -> None:
        if seq != self._check_seq:
            return  # an older lookup answered late
        self._duplicates = hits
        self._hub_duplicate = None
        self.open_existing_button.setText(self.tr("Open this profile"))
        if not hits:
            self._check_hub(seq)
        if hits:
            first = hits[0]
            contact = display(first.phone) if first.phone else (first.email or "")
            text = self.tr("Already known: %1 (%2). Open that profile instead?")
            text = text.replace("%1", first.display_name).replace("%2", contact)
            if len(hits) > 1:
                text += " " + self.tr("Other customers have the same details too.")
            self.duplicate_label.setText(text)
        self.duplicate_box.setVisible(bool(hits))
        self._grow_to_fit()
        self.duplicates_did_show.emit()

    def duplicates(self) -> list[CustomerHit]:
        return list(self._duplicates)

    def hub_duplicate(self) -> HubHit | None:
        return self._hub_duplicate

    def _check_hub(self, seq: int) -> None:
        """Online, the same phone or email may belong to a customer of another store: the
        hub merges twins only within one store, so say so before a duplicate is made.
        Offline nothing is shown (creating works offline; the cache was checked)."""
        e164, _ok = self._phone()
        email = self.email_edit.text().strip()
        email = email if looks_like_email(email) else ""
        if e164 is None and not email:
            return
        terminal = self.terminal
        run_in_background(
            lambda: terminal.hub_duplicates(phone=e164 or "", email=email),
            success=lambda hits: self._show_hub_duplicates(seq, hits),
            failure=lambda exc: log.info("no hub duplicate check: %s", type(exc).__name__),
            parent=self,
            on=Pool.NETWORK,
        )

    def _show_hub_duplicates(self, seq: int, hits: list[HubHit]) -> None:
        if seq != self._check_seq or self._duplicates:
            return
        self._hub_duplicate = hits[0] if hits else None
        if hits:
            first = hits[0]
            contact = display(first.phone) if first.phone else (first.email or "")
            store = first.store_name or self.tr("another store")
            text = self.tr(
                "Already a customer of %3: %1 (%2). Use the existing profile instead of "
                "creating a duplicate?"
            )
            text = text.replace("%1", first.display_name).replace("%2", contact)
            self.duplicate_label.setText(text.replace("%3", store))
            self.open_existing_button.setText(self.tr("Use the existing profile"))
        self.duplicate_box.setVisible(bool(hits))
        self._grow_to_fit()
        self.duplicates_did_show.emit()

    def _open_existing(self) -> None:
        if self._duplicates:
            self.existing_will_open.emit(self._duplicates[0].id)
            self.reject()
            return
        hit = self._hub_duplicate
        if hit is None:
            return
        self.open_existing_button.setEnabled(False)
        terminal = self.terminal

        def pulled(customer_id: str) -> None:
            self.existing_will_open.emit(customer_id)
            self.reject()

        def failed(exc: BaseException) -> None:
            log_error(exc)
            self.open_existing_button.setEnabled(True)
            self.error_label.setText(error_text(exc))
            self.error_label.show()

        run_in_background(
            lambda: terminal.pull_in(hit),
            success=pulled,
            failure=failed,
            parent=self,
            on=Pool.NETWORK,
        )

    # -- creating -----------------------------------------------------------------------

    def _create(self) -> None:
        if not self._validate():
            return
        self.create_button.setEnabled(False)
        self.error_label.hide()
        terminal = self.terminal
        given, family = self.given_edit.text(), self.family_edit.text()
        phone, region, email = self.phone_edit.text(), self.region(), self.email_edit.text()
        card = self.card_edit.text()
        language = self.language_combo.currentData()
        channel = self.channel_combo.currentData()
        consents: dict[Any, bool] = {
            c: True for c, box in self.consent_boxes.items() if box.isChecked()
        }

        def created(customer_id: str) -> None:
            self._created = True
            self._draft_timer.stop()
            run_in_background(terminal.discard_new_customer_draft, success=_ignore, parent=None)
            self.customer_did_create.emit(customer_id)
            self.accept()

        def failed(exc: BaseException) -> None:
            log_error(exc)
            self.error_label.setText(error_text(exc))
            self.error_label.show()
            self._validate()

        run_in_background(
            lambda: terminal.create_customer(
                given_name=given,
                family_name=family,
                phone=phone,
                region=region,
                email=email,
                language=language,
                preferred_channel=channel,
                consents=consents,
                loyalty_card=card,
            ),
            success=created,
            failure=failed,
            parent=self,
        )

    # -- drafts -------------------------------------------------------------------------

    def _form_did_change(self, *_args: object) -> None:
        if self._restoring or self._created:
            return
        self._dirty = True
        self._draft_timer.start()

    def draft(self) -> NewCustomerDraft:
        """The form as typed now."""
        return NewCustomerDraft(
            given_name=self.given_edit.text(),
            family_name=self.family_edit.text(),
            region=self.region(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            language=str(self.language_combo.currentData()),
            preferred_channel=str(self.channel_combo.currentData()),
            consents=[c for c, box in self.consent_boxes.items() if box.isChecked()],
            loyalty_card=self.card_edit.text(),
        )

    def _save_draft(self) -> None:
        """Keep what was typed in the cache: it survives a crash or a restart."""
        self._draft_timer.stop()
        if self._created:
            return
        draft, terminal = self.draft(), self.terminal
        run_in_background(
            lambda: terminal.save_new_customer_draft(draft),
            success=lambda _none: self.draft_did_save.emit(),
            parent=self,
        )

    def _restore_draft(self, draft: NewCustomerDraft | None) -> None:
        if draft is None or draft.is_empty() or self._dirty or self._created:
            return  # nothing kept, or the associate has already started afresh
        self._restoring = True
        try:
            if draft.region:
                self._region_chosen = True
                self._set_region(draft.region)
            for edit, text in (
                (self.given_edit, draft.given_name),
                (self.family_edit, draft.family_name),
                (self.phone_edit, draft.phone),
                (self.email_edit, draft.email),
                (self.card_edit, draft.loyalty_card),
            ):
                edit.setText(text)
            for combo, code in (
                (self.language_combo, draft.language),
                (self.channel_combo, draft.preferred_channel),
            ):
                index = combo.findData(code)
                if index >= 0:
                    combo.setCurrentIndex(index)
            for channel, box in self.consent_boxes.items():
                box.setChecked(channel in draft.consents)
        finally:
            self._restoring = False
        self.restored_label.setText(
            # The visit form's sentence, said the same way here.
            QCoreApplication.translate(
                "VisitFormDialog",
                "Restored what was typed before, not yet saved. Cancel discards it.",
            )
        )
        self.restored_label.show()
        self._validate()
        self.draft_did_restore.emit()

    def reject(self) -> None:
        """Cancel (or Esc): the associate throws this form away, its draft too. Opening a
        known profile instead ends the form the same way."""
        self._draft_timer.stop()
        if not self._created:
            run_in_background(
                self.terminal.discard_new_customer_draft, success=_ignore, parent=None
            )
        super().reject()


def _ignore(_value: object) -> None:
    pass
