"""First run: connect to a hub (its address); then sign in. Errors appear inside the
dialog as a sentence, the password field is cleared on a wrong password."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.errors import ClientelingError
from clienteling.terminal.facade import Session, Terminal
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.operations import Pool, run_in_background


def valid_hub_url(text: str) -> str | None:
    """The address as given when it is an http(s) URL with a host, else None."""
    url = QUrl(text.strip())
    if url.scheme() in ("http", "https") and url.host():
        return text.strip().rstrip("/")
    return None


class ConnectDialog(QDialog):
    """Asks for the hub address when none is configured."""

    def __init__(self, parent: QWidget | None = None, *, hub_url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to the hub"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Enter the hub address your manager gave you, e.g. https://hub.example.com"),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.url_edit = QLineEdit(hub_url, self)
        self.url_edit.setPlaceholderText("https://")
        layout.addWidget(self.url_edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.hub_url: str | None = None

    def accept(self) -> None:
        url = valid_hub_url(self.url_edit.text())
        if url is None:
            self.error_label.setText(
                self.tr("This is not a web address. It starts with http:// or https://.")
            )
            return
        self.hub_url = url
        super().accept()


def ask_hub_url(parent: QWidget | None = None, *, hub_url: str = "") -> str | None:
    dialog = ConnectDialog(parent, hub_url=hub_url)
    return dialog.hub_url if dialog.exec() == QDialog.DialogCode.Accepted else None


class SignInDialog(QDialog):
    """Signs in on the network worker; `session` is set once accepted."""

    sign_in_did_fail = Signal(str)  # the sentence shown

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.user_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        hub = QLabel(self.tr("Hub: %1").replace("%1", terminal.hub_url), self)
        hub.setObjectName("factCaption")
        layout.addWidget(hub)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        username = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self._fail(self.tr("Enter your user name and password."))
            return
        self.buttons.setEnabled(False)
        self.error_label.setText(self.tr("Signing in…"))
        terminal = self.terminal
        run_in_background(
            lambda: terminal.sign_in(username, password),
            success=self._signed_in,
            failure=self._failed,
            parent=self,
            on=Pool.NETWORK,
        )

    def _signed_in(self, session: Session) -> None:
        self.session = session
        self.buttons.setEnabled(True)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        log_error(exc)
        if isinstance(exc, ClientelingError) and exc.code == "sign_in_failed":
            self.password_edit.clear()
            self.password_edit.setFocus()
        self._fail(error_text(exc))

    def _fail(self, sentence: str) -> None:
        self.error_label.setText(sentence)
        self.sign_in_did_fail.emit(sentence)
