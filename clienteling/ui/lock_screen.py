"""The lock screen (it replaces the window's content: no customer data behind it) and the
dialog where an associate chooses their PIN. A PIN is checked on the DB worker (argon2 is
slow on purpose); wrong PINs say how many attempts are left, a blocked PIN sends the
associate to the password."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.pins import (
    PIN_MAX_LENGTH,
    PinDisabledError,
    PinOtherStoreError,
    PinProblem,
    WeakPinError,
    WrongPinError,
)
from clienteling.terminal.facade import Session, Terminal
from clienteling.terminal.pins import PinHolder
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.operations import run_in_background
from clienteling.ui.sign_in import SignInDialog

ASSOCIATE_ROLE = Qt.ItemDataRole.UserRole


def pin_error_text(exc: BaseException) -> str:
    """The sentence for a PIN that did not unlock or could not be chosen."""
    if isinstance(exc, WrongPinError):
        return QCoreApplication.translate(
            "Lock", "Wrong PIN. Attempts left before the PIN is blocked: %1."
        ).replace("%1", str(exc.attempts_left))
    if isinstance(exc, PinDisabledError):
        return QCoreApplication.translate(
            "Lock",
            "This PIN is blocked after too many wrong attempts. Sign in with your password; "
            "the PIN works again after that.",
        )
    if isinstance(exc, PinOtherStoreError):
        return QCoreApplication.translate(
            "Lock",
            "This terminal is enrolled for another store than yours, so your PIN does not "
            "open it. Sign in at a terminal of your store.",
        )
    if isinstance(exc, WeakPinError):
        return weak_pin_text(exc.problem)
    return error_text(exc)


def weak_pin_text(problem: PinProblem) -> str:
    if problem in ("not_digits", "length"):
        return QCoreApplication.translate("Lock", "A PIN has 4 to 8 digits, nothing else.")
    return QCoreApplication.translate(
        "Lock",
        "This PIN is too easy to guess (the same digit repeated, or digits in a row such "
        "as 1234). Choose another one.",
    )


def _pin_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_MAX_LENGTH)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), edit))
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return edit


class LockScreen(QWidget):
    """Names of the associates with a PIN here, a PIN field, and "sign in with password".
    It shows no customer data and needs none."""

    unlock_did_succeed = Signal(object)  # the Session now active
    unlock_did_fail = Signal(str)  # the sentence shown

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.terminal = terminal
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        panel = QFrame(self)
        panel.setObjectName("lockPanel")
        panel.setMaximumWidth(460)
        panel.setMinimumWidth(380)
        layout = QVBoxLayout(panel)
        layout.setSpacing(10)
        title = QLabel(self.tr("This terminal is locked"), panel)
        title.setObjectName("lockTitle")
        layout.addWidget(title)
        hint = QLabel(
            self.tr("Customer data is hidden. Choose your name and type your PIN to continue."),
            panel,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.holders = QListWidget(panel)
        self.holders.setObjectName("pinHolders")
        self.holders.currentItemChanged.connect(lambda *_: self._holder_did_change())
        layout.addWidget(self.holders)
        self.no_holders = QLabel(
            self.tr("Nobody has a PIN on this terminal yet: sign in with your password."), panel
        )
        self.no_holders.setWordWrap(True)
        self.no_holders.setObjectName("emptyHint")
        self.no_holders.hide()
        layout.addWidget(self.no_holders)
        form = QFormLayout()
        self.pin_edit = _pin_edit(panel)
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.returnPressed.connect(self.unlock)
        form.addRow(self.tr("PIN"), self.pin_edit)
        layout.addLayout(form)
        self.error_label = QLabel(panel)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.password_button = QPushButton(self.tr("Sign in with password"), panel)
        self.password_button.setObjectName("lockPassword")
        self.password_button.clicked.connect(self.sign_in_with_password)
        self.unlock_button = QPushButton(self.tr("Unlock"), panel)
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        buttons.addWidget(self.password_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.sign_in_dialog: SignInDialog | None = None
        self._busy = False

    def load(self) -> None:
        """Fill the names (on the DB worker); the associate who locked comes first."""
        terminal = self.terminal
        run_in_background(terminal.pin_holders, success=self.show_holders, parent=self)

    def show_holders(self, holders: list[PinHolder]) -> None:
        self.holders.clear()
        session = self.terminal.session
        current = session.associate_id if session else None
        for holder in holders:
            label = holder.display_name
            if holder.disabled:
                label = self.tr("%1 (PIN blocked: sign in with the password)").replace(
                    "%1", holder.display_name
                )
            item = QListWidgetItem(label, self.holders)
            item.setData(ASSOCIATE_ROLE, holder.associate_id)
            if holder.associate_id == current or self.holders.currentItem() is None:
                self.holders.setCurrentItem(item)
        rows = max(1, min(len(holders), 5))  # tall enough for up to five names
        self.holders.setFixedHeight(
            rows * max(self.holders.sizeHintForRow(0), 24) + 2 * self.holders.frameWidth() + 10
        )
        self.holders.setVisible(bool(holders))
        self.no_holders.setVisible(not holders)
        self.pin_edit.setEnabled(bool(holders))
        self.unlock_button.setEnabled(bool(holders))
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen_associate(self) -> str | None:
        item = self.holders.currentItem()
        return None if item is None else str(item.data(ASSOCIATE_ROLE))

    def choose(self, associate_id: str) -> None:
        for row in range(self.holders.count()):
            if self.holders.item(row).data(ASSOCIATE_ROLE) == associate_id:
                self.holders.setCurrentRow(row)

    def _holder_did_change(self) -> None:
        self.error_label.clear()
        self.pin_edit.clear()
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def unlock(self) -> None:
        associate_id = self.chosen_associate()
        pin = self.pin_edit.text()
        if self._busy or associate_id is None:
            return
        if not pin:
            self._fail(self.tr("Type your PIN."))
            return
        self._busy = True
        self.unlock_button.setEnabled(False)
        terminal = self.terminal
        run_in_background(
            lambda: terminal.unlock_with_pin(associate_id, pin),
            success=self._unlocked,
            failure=self._refused,
            parent=self,
        )

    def _unlocked(self, session: Session) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self.pin_edit.clear()
        self.unlock_did_succeed.emit(session)

    def _refused(self, exc: BaseException) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self.pin_edit.clear()
        if isinstance(exc, PinDisabledError):
            self.load()  # the name now says "blocked"
        elif not isinstance(exc, WrongPinError):
            log_error(exc)
        self._fail(pin_error_text(exc))

    def _fail(self, sentence: str) -> None:
        self.error_label.setText(sentence)
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.unlock_did_fail.emit(sentence)

    def sign_in_with_password(self) -> SignInDialog:
        """Any associate of the store (with or without a PIN) signs in as usual."""
        dialog = SignInDialog(self.terminal, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._signed_in(dialog.session))
        self.sign_in_dialog = dialog
        dialog.open()
        return dialog

    def _signed_in(self, session: Session | None) -> None:
        if session is not None:
            self.unlock_did_succeed.emit(session)


class PinDialog(QDialog):
    """The signed-in associate chooses (or changes, or removes) their PIN here."""

    pin_did_change = Signal(bool)  # whether a PIN is set now

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.setWindowTitle(self.tr("PIN for quick switch"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "With a PIN you unlock this terminal, or take it over from a colleague, "
                "without your password. It works on this terminal only and is never sent "
                "anywhere."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.pin_edit = _pin_edit(self)
        self.repeat_edit = _pin_edit(self)
        form.addRow(self.tr("New PIN (4 to 8 digits)"), self.pin_edit)
        form.addRow(self.tr("Repeat the PIN"), self.repeat_edit)
        layout.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save PIN"))
        self.remove_button = self.buttons.addButton(
            self.tr("Remove my PIN"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setEnabled(terminal.session is not None)
        self.remove_button.clicked.connect(self.remove)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        pin = self.pin_edit.text()
        if pin != self.repeat_edit.text():
            self.error_label.setText(self.tr("The two PINs differ. Type the same PIN twice."))
            return
        self.buttons.setEnabled(False)
        terminal = self.terminal
        run_in_background(
            lambda: terminal.set_pin(pin),
            success=lambda _none: self._done(True),
            failure=self._failed,
            parent=self,
        )

    def remove(self) -> None:
        terminal = self.terminal
        run_in_background(terminal.remove_pin, success=lambda _none: self._done(False), parent=self)

    def _done(self, has_pin: bool) -> None:
        self.buttons.setEnabled(True)
        self.pin_did_change.emit(has_pin)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.pin_edit.clear()
        self.repeat_edit.clear()
        self.pin_edit.setFocus()
        if not isinstance(exc, WeakPinError):
            log_error(exc)
        self.error_label.setText(pin_error_text(exc))
