""" "Follow-ups to check" (managers, Ctrl+Shift+O): follow-ups whose sending stopped after
it was prepared, so nobody knows whether the customer got the message. The hub never
sends them again by itself; the manager asks the provider (or the customer), then says
"It went out" (it counts as sent) or "It did not go out" (it ends failed; the associate
may queue a new one). Each verdict is confirmed first, with what it will do.

The list is the hub's, asked on the network worker: offline the dialog says that
checking needs the network and settles nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.errors import HubError
from clienteling.terminal.facade import Terminal
from clienteling.terminal.followup_checks import FollowupCheck, Settled
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.labels import contact_channel_label, local_time, template_label
from clienteling.ui.operations import Pool, run_in_background

ID_ROLE = Qt.ItemDataRole.UserRole


class FollowupCheckDialog(QDialog):
    list_did_load = Signal()  # the hub answered (tests, screenshots)
    list_did_fail = Signal(str)  # the sentence shown
    followup_did_settle = Signal(str, str)  # follow-up id, its new status (sent | failed)

    COLUMNS = range(5)
    CUSTOMER, CHANNEL, MESSAGE, PREPARED, ASSOCIATE = COLUMNS

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.checks: list[FollowupCheck] = []
        self.confirm_box: QMessageBox | None = None
        self._busy = False
        self._note = ""  # what the last verdict did, said again above the new count
        self.setWindowTitle(self.tr("Follow-ups to check"))
        self.resize(900, 460)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Sending these follow-ups stopped halfway, so nobody knows whether the "
                "customer got them. They are never sent again by themselves. Ask the "
                "provider (or the customer), then say what happened."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("followupChecks")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("Customer"),
                self.tr("Channel"),
                self.tr("Message"),
                self.tr("Prepared"),
                self.tr("Associate"),
            ]
        )
        self.tree.setAccessibleName(self.tr("Follow-ups to check"))
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.tree, 1)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("followupChecksStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setAccessibleName(self.tr("What happened"))
        layout.addWidget(self.status_label)

        row = QHBoxLayout()
        self.sent_button = QPushButton(self.tr("It &went out"), self)
        self.sent_button.setObjectName("followupWentOut")
        self.sent_button.setAccessibleName(self.tr("It went out: mark the follow-up as sent"))
        self.sent_button.clicked.connect(lambda: self.ask_to_settle(went_out=True))
        self.not_sent_button = QPushButton(self.tr("It did &not go out"), self)
        self.not_sent_button.setObjectName("followupNotSent")
        self.not_sent_button.setAccessibleName(
            self.tr("It did not go out: mark the follow-up as failed")
        )
        self.not_sent_button.clicked.connect(lambda: self.ask_to_settle(went_out=False))
        self.refresh_button = QPushButton(self.tr("&Refresh (F5)"), self)
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.sent_button)
        row.addWidget(self.not_sent_button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        refresh = QShortcut(QKeySequence("F5"), self)
        refresh.setContext(Qt.ShortcutContext.WindowShortcut)
        refresh.activated.connect(self.refresh)
        self._update_buttons()

    # -- the list -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the hub for the list (network worker); the selected row stays selected."""
        if self._busy:
            return
        self._set_busy(True)
        self.status_label.setText(self.tr("Asking the hub…"))
        run_in_background(
            self.terminal.followups_to_check,
            success=self._show,
            failure=self._load_failed,
            parent=self,
            on=Pool.NETWORK,
        )

    def _show(self, checks: list[FollowupCheck]) -> None:
        self._set_busy(False)
        selected = self.selected_id()
        self.checks = checks
        self.tree.clear()
        for check in checks:
            item = QTreeWidgetItem(
                [
                    check.customer_name or check.customer_id,
                    contact_channel_label(check.channel),
                    template_label(check.template),
                    local_time(check.prepared_at),
                    check.associate_name,
                ]
            )
            item.setData(self.CUSTOMER, ID_ROLE, check.id)
            if check.customer_name is None:
                item.setToolTip(
                    self.CUSTOMER, self.tr("This customer is not on this terminal: their id")
                )
            if check.reason:
                for column in (self.CHANNEL, self.MESSAGE, self.PREPARED):
                    item.setToolTip(column, check.reason)
            self.tree.addTopLevelItem(item)
        if checks:
            ids = [c.id for c in checks]
            row = ids.index(selected) if selected in ids else 0
            current = self.tree.topLevelItem(row)
            if current is not None:
                self.tree.setCurrentItem(current)
            text = self.tr("%1 follow-up(s) to check, oldest first.").replace(
                "%1", str(len(checks))
            )
        else:
            text = self.tr("Nothing to check: the outcome of every follow-up is known.")
        note, self._note = self._note, ""
        self.status_label.setText(f"{note} {text}" if note else text)
        self._update_buttons()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.list_did_load.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._note = ""
        self.checks = []
        self.tree.clear()  # a list the hub did not just give is not one to act on
        self._update_buttons()
        self._say_failure(exc)

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(self.CUSTOMER, ID_ROLE)) if item is not None else None

    def _selected(self) -> FollowupCheck | None:
        chosen = self.selected_id()
        return next((c for c in self.checks if c.id == chosen), None)

    # -- settling -----------------------------------------------------------------------

    def ask_to_settle(self, *, went_out: bool) -> QMessageBox | None:
        """Confirm the verdict on the selected follow-up, saying what it does."""
        check = self._selected()
        if check is None or self._busy:
            return None
        who = check.customer_name or check.customer_id
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Follow-ups to check"))
        if went_out:
            box.setText(self.tr("Did the follow-up to %1 go out?").replace("%1", who))
            box.setInformativeText(
                self.tr(
                    "It will count as sent, as if the sending had finished. Nothing is sent again."
                )
            )
            confirm = box.addButton(self.tr("Mark as sent"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setText(self.tr("The follow-up to %1 did not go out?").replace("%1", who))
            box.setInformativeText(
                self.tr(
                    "It will end as failed and is never sent again from here. If the "
                    "customer should still hear from the store, the associate can queue a "
                    "new follow-up."
                )
            )
            confirm = box.addButton(self.tr("Mark as not sent"), QMessageBox.ButtonRole.AcceptRole)
        confirm.setObjectName("confirmSettle")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(confirm)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        followup_id = check.id

        def answered(_result: int) -> None:
            self.confirm_box = None
            if box.clickedButton() is confirm:
                self.settle(followup_id, went_out=went_out)

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()
        return box

    def settle(self, followup_id: str, *, went_out: bool) -> None:
        """Tell the hub (network worker), then ask for the list again."""
        self._set_busy(True)
        self.status_label.setText(self.tr("Telling the hub…"))
        terminal = self.terminal
        run_in_background(
            lambda: terminal.settle_followup(followup_id, went_out=went_out),
            success=self._settled,
            failure=self._settle_failed,
            parent=self,
            on=Pool.NETWORK,
        )

    def _settled(self, result: Settled) -> None:
        self._set_busy(False)
        self.followup_did_settle.emit(result.id, result.status)
        self._note = (
            self.tr("Marked as sent.")
            if result.status == "sent"
            else self.tr("Marked as not sent: it ended as failed.")
        )
        self.refresh()

    def _settle_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, HubError) and exc.hub_code in ("not_needs_check", "not_found"):
            log_error(exc)
            self._note = self.tr("Someone else already settled this follow-up, or it is gone.")
            self.refresh()  # the hub's list says what is left
            return
        self._say_failure(exc)

    def _say_failure(self, exc: BaseException) -> None:
        log_error(exc)
        code = getattr(exc, "code", None)
        if code == "hub_unreachable":
            text = self.tr(
                "The hub cannot be reached: follow-ups can only be checked online. Try "
                "again when the connection is back."
            )
        elif isinstance(exc, HubError) and exc.status == 403:
            text = self.tr("Only a store manager can check follow-ups.")
        else:
            text = error_text(exc)
        self.status_label.setText(text)
        self.list_did_fail.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = not self._busy and self.tree.currentItem() is not None
        self.sent_button.setEnabled(chosen)
        self.not_sent_button.setEnabled(chosen)
        self.refresh_button.setEnabled(not self._busy)


def open_followup_checks(terminal: Terminal, parent: QWidget | None) -> FollowupCheckDialog:
    dialog = FollowupCheckDialog(terminal, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.refresh()
    return dialog
