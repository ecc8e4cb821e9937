""" "Redeem code" at the till: the associate types (or scans) a customer's offer code and
the hub redeems it once. Never offline: without the hub the dialog says so and redeems
nothing (a code accepted offline could be used twice)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.facade import Terminal
from clienteling.terminal.hold_views import Redemption
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.hold_labels import offer_kind_label, refusal_label
from clienteling.ui.operations import Pool, run_in_background


class RedeemDialog(QDialog):
    offer_did_redeem = Signal(str)  # the code

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.setWindowTitle(self.tr("Redeem an offer code"))
        layout = QVBoxLayout(self)
        caption = QLabel(self.tr("&Code given by the customer (e.g. 7K2QF-M9XDA)"), self)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("offerCode")
        self.code_edit.setAccessibleName(self.tr("Offer code"))
        self.code_edit.setMaxLength(32)
        caption.setBuddy(self.code_edit)
        layout.addWidget(caption)
        layout.addWidget(self.code_edit)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("redeemResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.redeem_button = QPushButton(self.tr("Redeem"), self)
        self.redeem_button.setDefault(True)
        buttons.addButton(self.redeem_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.redeem_button.clicked.connect(self.redeem)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.code_edit.returnPressed.connect(self.redeem)
        self.resize(420, self.sizeHint().height())

    def redeem(self) -> None:
        code = self.code_edit.text().strip()
        if not code:
            return
        self.redeem_button.setEnabled(False)
        self.result_label.setText(self.tr("Asking the hub…"))
        terminal = self.terminal

        def failed(exc: BaseException) -> None:
            log_error(exc)
            self.redeem_button.setEnabled(True)
            if getattr(exc, "code", None) == "hub_unreachable":
                self.result_label.setText(
                    self.tr(
                        "The hub cannot be reached: a code can only be redeemed online. "
                        "Try again when the connection is back."
                    )
                )
            else:
                self.result_label.setText(error_text(exc))

        run_in_background(
            lambda: terminal.redeem_offer(code),
            success=self._show,
            failure=failed,
            parent=self,
            on=Pool.NETWORK,
        )

    def _show(self, result: Redemption) -> None:
        self.redeem_button.setEnabled(True)
        if result.redeemed:
            self.result_label.setText(
                self.tr("✓ Redeemed: %1. Code %2 cannot be used again.")
                .replace("%1", offer_kind_label(result.kind or ""))
                .replace("%2", result.code)
            )
            self.offer_did_redeem.emit(result.code)
            self.code_edit.clear()
        else:
            self.result_label.setText("✗ " + refusal_label(result.refusal or ""))
