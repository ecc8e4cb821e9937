""" "Set a PIN for quick switching?", asked once after a password sign-in on a store
terminal when the associate has no PIN here (`Terminal.take_pin_offer`). "Not now" is
remembered per associate on this terminal, so it never nags; "My PIN…" in the status bar
still sets one later. Enter chooses "Set a PIN…", Esc "Not now"."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class PinOfferDialog(QDialog):
    """Accepted: the associate wants to set a PIN now; rejected: "not now"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinOfferDialog")
        self.setWindowTitle(self.tr("Quick switching"))
        self.setAccessibleName(self.tr("Set a PIN for quick switching?"))
        layout = QVBoxLayout(self)
        question = QLabel(self.tr("Set a PIN for quick switching?"), self)
        question.setObjectName("sectionTitle")
        layout.addWidget(question)
        detail = QLabel(
            self.tr(
                "With a PIN you unlock this terminal, or take it over from a colleague, "
                "in a few keys instead of your password. It stays on this terminal."
            ),
            self,
        )
        detail.setWordWrap(True)
        layout.addWidget(detail)
        self.buttons = QDialogButtonBox(self)
        self.set_button = self.buttons.addButton(
            self.tr("Set a PIN…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.set_button.setAccessibleName(self.tr("Set a PIN now"))
        self.set_button.setDefault(True)
        self.later_button = self.buttons.addButton(
            self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setAccessibleName(self.tr("Not now: do not ask again here"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.set_button.setFocus()
