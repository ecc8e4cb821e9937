"""The first-run wizard: hub address (checked: it answers, its version, TLS) -> the
enrollment code from the administrator -> the store -> sign in.

Every hub call runs on the network worker through the `Terminal` facade; a page that
waits for the hub keeps the wizard on it (`validatePage` returns False) and moves on by
itself when the answer comes. Errors appear on the page as a sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from clienteling.domain.errors import (
    ClientelingError,
    EnrollmentRefusedError,
    HubError,
    HubTlsError,
    StoreChoiceNeededError,
)
from clienteling.terminal.enrollment import Enrollment, HubCheck
from clienteling.terminal.facade import Session, Terminal
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.operations import Pool, run_in_background
from clienteling.ui.sign_in import SignInDialog

log = logging.getLogger(__name__)

HUB_PAGE, CODE_PAGE, STORE_PAGE, SIGN_IN_PAGE = range(4)

OpenTerminal = Callable[[str], Terminal]


def first_run_error_text(exc: BaseException) -> str:
    """The sentence for what went wrong on a wizard page (else the usual one)."""
    if isinstance(exc, HubTlsError):
        reasons = {
            "expired": QCoreApplication.translate(
                "FirstRun", "The hub's security certificate has expired."
            ),
            "not_yet_valid": QCoreApplication.translate(
                "FirstRun",
                "The hub's security certificate is not valid yet (check this computer's date).",
            ),
            "self_signed": QCoreApplication.translate(
                "FirstRun",
                "The hub's security certificate is self-signed, so this computer cannot trust it.",
            ),
            "untrusted": QCoreApplication.translate(
                "FirstRun",
                "The hub's security certificate was issued by an authority this computer "
                "does not trust.",
            ),
            "hostname": QCoreApplication.translate(
                "FirstRun", "The hub's security certificate is for another address."
            ),
        }
        first = reasons.get(
            exc.reason,
            QCoreApplication.translate(
                "FirstRun", "A secure (https) connection to the hub could not be set up."
            ),
        )
        return (
            first
            + " "
            + QCoreApplication.translate(
                "FirstRun",
                "Check the address with your IT support; do not continue on a connection that "
                "cannot be trusted.",
            )
        )
    if isinstance(exc, EnrollmentRefusedError):
        sentences = {
            "enrollment_code_invalid": QCoreApplication.translate(
                "FirstRun",
                "This enrollment code is not valid. Check it (letters and digits, e.g. "
                "K7PQ-3MZX-W9RT) or ask your administrator for a new one.",
            ),
            "enrollment_code_used": QCoreApplication.translate(
                "FirstRun",
                "This enrollment code was already used: each code enrolls one terminal. "
                "Ask your administrator for a new one.",
            ),
            "enrollment_code_expired": QCoreApplication.translate(
                "FirstRun",
                "This enrollment code has expired. Ask your administrator for a new one.",
            ),
            "enrollment_code_revoked": QCoreApplication.translate(
                "FirstRun",
                "This enrollment code was withdrawn. Ask your administrator for a new one.",
            ),
            "wrong_store": QCoreApplication.translate(
                "FirstRun", "This enrollment code is for another store."
            ),
            "store_not_found": QCoreApplication.translate(
                "FirstRun", "This store is not known to the hub any more."
            ),
            "device_revoked": QCoreApplication.translate(
                "FirstRun",
                "An administrator revoked this terminal. Ask them to reset and enroll it again.",
            ),
            "too_many_attempts": QCoreApplication.translate(
                "FirstRun",
                "Too many wrong codes were tried from this terminal. Wait a few minutes, "
                "then try again.",
            ),
        }
        return sentences.get(exc.hub_code, error_text(exc))
    if isinstance(exc, HubError) and exc.hub_code == "not_a_hub":
        return QCoreApplication.translate(
            "FirstRun",
            "Something answers at this address, but it is not a Clienteling hub. Check "
            "the address.",
        )
    if isinstance(exc, ClientelingError) and exc.code == "invalid_input":
        return QCoreApplication.translate(
            "FirstRun", "This is not a hub address. It looks like https://hub.example.com"
        )
    if isinstance(exc, ClientelingError) and exc.code == "hub_unreachable":
        return QCoreApplication.translate(
            "FirstRun",
            "Nothing answers at this address. Check it and the network connection, then try again.",
        )
    return error_text(exc)


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class HubPage(QWizardPage):
    """The hub address, checked on the worker; plain http:// to another machine needs a
    second "Next" after a clear warning."""

    def __init__(self, wizard: FirstRunWizard, *, hub_url: str) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Connect to the hub"))
        self.setSubTitle(
            self.tr(
                "Enter the hub address your administrator gave you, e.g. https://hub.example.com"
            )
        )
        layout = QVBoxLayout(self)
        caption = QLabel(self.tr("&Hub address"), self)
        self.url_edit = QLineEdit(hub_url, self)
        self.url_edit.setPlaceholderText("https://")
        self.url_edit.setAccessibleName(self.tr("Hub address"))
        caption.setBuddy(self.url_edit)
        layout.addWidget(caption)
        layout.addWidget(self.url_edit)
        self.status_label = _error_label(self)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self._checked: str | None = None  # the address that passed, for this "Next"
        self._insecure_ok: str | None = None  # the http:// address the user confirmed
        self._busy = False
        self.url_edit.textEdited.connect(self._edited)

    def _edited(self, _text: str) -> None:
        self._checked = None
        self.status_label.clear()

    def nextId(self) -> int:
        return SIGN_IN_PAGE if self._wizard.already_enrolled else CODE_PAGE

    def validatePage(self) -> bool:
        url = self.url_edit.text().strip()
        if self._checked is not None and self._checked == url:
            return True
        if not self._busy:
            self._start(url)
        return False

    def _start(self, url: str) -> None:
        self._busy = True
        self.url_edit.setEnabled(False)
        self.status_label.setText(self.tr("Checking the hub…"))
        run_in_background(
            lambda: Terminal.check_hub(url),
            success=lambda check: self._answered(url, check),
            failure=self._failed,
            parent=self,
            on=Pool.NETWORK,
        )

    def _answered(self, typed: str, check: HubCheck) -> None:
        if check.insecure and self._insecure_ok != check.url:
            self._done()
            self._insecure_ok = check.url
            self.status_label.setText(
                self.tr(
                    "Warning: this address uses http:// to another computer, so passwords "
                    "and customer data would cross the network unencrypted. Use an https:// "
                    "address if you can; press Next again only if your IT support says this "
                    "network is private."
                )
            )
            return
        try:
            self._wizard.use_hub(check)
        except ClientelingError as exc:
            self._failed(exc)
            return
        self.status_label.setText(
            self.tr("Connected: hub version %1.").replace("%1", check.version)
        )
        terminal = self._wizard.terminal
        assert terminal is not None
        run_in_background(
            terminal.is_enrolled,
            success=lambda enrolled: self._enrolled_known(typed, enrolled),
            failure=self._failed,
            parent=self,
            on=Pool.NETWORK,
        )

    def _enrolled_known(self, typed: str, enrolled: bool) -> None:
        self._done()
        self._wizard.already_enrolled = enrolled
        self._checked = typed
        self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self._done()
        log_error(exc)
        self.status_label.setText(first_run_error_text(exc))

    def _done(self) -> None:
        self._busy = False
        self.url_edit.setEnabled(True)
        self.url_edit.setFocus()


class CodePage(QWizardPage):
    """The one-time enrollment code; "Enroll" spends it (a commit page: no way back)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Enroll this terminal"))
        self.setSubTitle(
            self.tr(
                "Type the one-time enrollment code your administrator made for this store "
                "(on the hub: clienteling hub enroll-code)."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Enroll"))
        layout = QVBoxLayout(self)
        caption = QLabel(self.tr("Enrollment &code"), self)
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX")
        self.code_edit.setAccessibleName(self.tr("Enrollment code"))
        self.code_edit.setMaxLength(40)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), self.font().pointSizeF()) * 1.3)
        self.code_edit.setFont(mono)
        caption.setBuddy(self.code_edit)
        layout.addWidget(caption)
        layout.addWidget(self.code_edit)
        self.status_label = _error_label(self)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self._passed = False
        self._busy = False
        self.code_edit.textEdited.connect(self._upper)

    def _upper(self, text: str) -> None:
        if text != text.upper():
            position = self.code_edit.cursorPosition()
            self.code_edit.setText(text.upper())
            self.code_edit.setCursorPosition(position)

    def initializePage(self) -> None:
        self.code_edit.setFocus()

    def validatePage(self) -> bool:
        if self._passed:
            return True
        code = self.code_edit.text().strip()
        if not code:
            self.status_label.setText(self.tr("Enter the enrollment code."))
            return False
        if not self._busy:
            self._busy = True
            self.code_edit.setEnabled(False)
            self.status_label.setText(self.tr("Enrolling…"))
            terminal = self._wizard.terminal
            assert terminal is not None
            run_in_background(
                lambda: terminal.enroll(code),
                success=self._enrolled,
                failure=lambda exc: self._failed(code, exc),
                parent=self,
                on=Pool.NETWORK,
            )
        return False

    def _enrolled(self, enrollment: Enrollment) -> None:
        self._wizard.enrollment = enrollment
        self._pass()

    def _failed(self, code: str, exc: BaseException) -> None:
        if isinstance(exc, StoreChoiceNeededError):
            self._wizard.store_choices = exc.stores
            self._wizard.pending_code = code
            self._pass()
            return
        self._busy = False
        self.code_edit.setEnabled(True)
        self.code_edit.setFocus()
        self.code_edit.selectAll()
        log_error(exc)
        self.status_label.setText(first_run_error_text(exc))

    def _pass(self) -> None:
        self._busy = False
        self._passed = True
        self.code_edit.setEnabled(True)
        self.status_label.clear()
        self._wizard.next()


class StorePage(QWizardPage):
    """The store the terminal is enrolled for, or the choice when the code allows one."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Store"))
        layout = QVBoxLayout(self)
        self.store_label = QLabel(self)
        self.store_label.setWordWrap(True)
        layout.addWidget(self.store_label)
        self.store_name = QLabel(self)
        self.store_name.setObjectName("storeName")
        self.store_name.setWordWrap(True)
        big = QFont(self.store_name.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.store_name.setFont(big)
        layout.addWidget(self.store_name)
        self.choose_caption = QLabel(self.tr("&Store of this terminal"), self)
        self.store_combo = QComboBox(self)
        self.store_combo.setAccessibleName(self.tr("Store of this terminal"))
        self.choose_caption.setBuddy(self.store_combo)
        layout.addWidget(self.choose_caption)
        layout.addWidget(self.store_combo)
        self.status_label = _error_label(self)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self._busy = False

    def initializePage(self) -> None:
        enrollment = self._wizard.enrollment
        choosing = enrollment is None
        self.choose_caption.setVisible(choosing)
        self.store_combo.setVisible(choosing)
        if enrollment is not None:
            self.setSubTitle(self.tr("The code enrolled this terminal."))
            self.store_label.setText(self.tr("This terminal now belongs to the store:"))
            self.store_name.setText(enrollment.store_name)
            self.store_name.setAccessibleName(enrollment.store_name)
        else:
            self.setSubTitle(self.tr("This code lets you choose the terminal's store."))
            self.store_label.setText(self.tr("Choose the store this terminal stands in."))
            self.store_name.clear()
            self.store_combo.clear()
            for store_id, name in self._wizard.store_choices:
                self.store_combo.addItem(name, store_id)
            self.store_combo.setFocus()

    def validatePage(self) -> bool:
        if self._wizard.enrollment is not None:
            return True
        store_id = self.store_combo.currentData()
        code = self._wizard.pending_code
        terminal = self._wizard.terminal
        if self._busy or store_id is None or code is None or terminal is None:
            return False
        self._busy = True
        self.store_combo.setEnabled(False)
        self.status_label.setText(self.tr("Enrolling…"))
        run_in_background(
            lambda: terminal.enroll(code, store_id=str(store_id)),
            success=self._enrolled,
            failure=self._failed,
            parent=self,
            on=Pool.NETWORK,
        )
        return False

    def _enrolled(self, enrollment: Enrollment) -> None:
        self._busy = False
        self.store_combo.setEnabled(True)
        self._wizard.enrollment = enrollment
        self.status_label.clear()
        self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.store_combo.setEnabled(True)
        log_error(exc)
        self.status_label.setText(first_run_error_text(exc))


class _EmbeddedSignIn(SignInDialog):
    """The sign-in dialog as a page's widget: Return and Escape belong to the wizard
    (Finish, Cancel), not to the hidden buttons of the dialog."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            event.ignore()
            return
        super().keyPressEvent(event)


class SignInPage(QWizardPage):
    """The usual sign-in form (`SignInDialog`, embedded): Finish signs in."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Sign in"))
        self.setSubTitle(self.tr("Sign in with your own user name and password."))
        self._layout = QVBoxLayout(self)
        self.form: SignInDialog | None = None

    def initializePage(self) -> None:
        terminal = self._wizard.terminal
        assert terminal is not None
        if self.form is not None and self.form.terminal is terminal:
            return
        if self.form is not None:
            self.form.deleteLater()
        form = _EmbeddedSignIn(terminal, self)
        form.setWindowFlags(Qt.WindowType.Widget)
        form.buttons.hide()
        form.accepted.connect(self._signed_in)
        self._layout.addWidget(form)
        form.show()
        form.user_edit.setFocus()
        self.form = form

    def validatePage(self) -> bool:
        if self.form is None:
            return False
        if self.form.session is not None:
            return True
        if self.form.buttons.isEnabled():  # not while a sign-in is on its way
            self.form.accept()  # on the worker; `_signed_in` finishes the wizard
        return False

    def _signed_in(self) -> None:
        self._wizard.accept()


class FirstRunWizard(QWizard):
    """`terminal` is the opened (enrolled, signed-in) terminal once accepted."""

    hub_did_change = Signal(str)

    def __init__(
        self,
        *,
        open_terminal: OpenTerminal,
        hub_url: str = "",
        terminal: Terminal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.open_terminal = open_terminal
        self.terminal = terminal
        self.check: HubCheck | None = None
        self.already_enrolled = False
        self.enrollment: Enrollment | None = None
        self.store_choices: list[tuple[str, str]] = []
        self.pending_code: str | None = None
        self.setWindowTitle(self.tr("Set up Clienteling"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(560, 380)
        self.hub_page = HubPage(self, hub_url=hub_url or (terminal.hub_url if terminal else ""))
        self.code_page = CodePage(self)
        self.store_page = StorePage(self)
        self.sign_in_page = SignInPage(self)
        self.setPage(HUB_PAGE, self.hub_page)
        self.setPage(CODE_PAGE, self.code_page)
        self.setPage(STORE_PAGE, self.store_page)
        self.setPage(SIGN_IN_PAGE, self.sign_in_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Sign in"))

    def use_hub(self, check: HubCheck) -> None:
        """Open the terminal for the checked hub (a new one when the address changed)."""
        self.check = check
        if self.terminal is None or self.terminal.hub_url != check.url:
            previous = self.terminal
            self.terminal = self.open_terminal(check.url)
            if previous is not None and previous is not self.terminal:
                previous.close()
            self.hub_did_change.emit(check.url)

    @property
    def session(self) -> Session | None:
        form = self.sign_in_page.form
        return form.session if form is not None else None


def show_startup_error(exc: BaseException) -> None:
    """A blocking box before any window exists (startup only)."""
    log_error(exc)
    QMessageBox.critical(None, "Clienteling", first_run_error_text(exc))


def first_run_terminal(
    *,
    hub_url: str | None,
    open_terminal: OpenTerminal,
    remember: Callable[[str], object],
) -> Terminal | None:
    """The terminal to start the app with: opened on the configured hub when it is
    enrolled or still has a session; otherwise through the wizard (which remembers the
    hub address it checked). None: the user gave up, or it cannot start (said why)."""
    terminal: Terminal | None = None
    if hub_url:
        try:
            terminal = open_terminal(hub_url)
            if terminal.is_enrolled() or terminal.restore_session() is not None:
                return terminal
        except ClientelingError as exc:  # no keyring, a cache it cannot open
            if terminal is not None:
                terminal.close()
            show_startup_error(exc)
            return None
    wizard = FirstRunWizard(open_terminal=open_terminal, hub_url=hub_url or "", terminal=terminal)
    accepted = wizard.exec() == QWizard.DialogCode.Accepted
    if not accepted or wizard.terminal is None:
        if wizard.terminal is not None:
            wizard.terminal.close()
        return None
    if wizard.terminal.hub_url != (hub_url or "").rstrip("/"):
        log.info("hub address saved to %s", remember(wizard.terminal.hub_url))
    return wizard.terminal
