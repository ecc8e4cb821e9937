"""Dismiss a task with a reason (Ctrl+Shift+X in the task list): one of the fixed reasons
of `domain.tasks.DismissReason` (arrows or Alt+letter choose), "other" with a few words.
Enter dismisses; the task then waits to sync like a task marked done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.tasks import MAX_DISMISS_TEXT, DismissReason
from clienteling.ui.appointment_labels import dismiss_reason_label


class DismissDialog(QDialog):
    def __init__(self, task_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dismiss the task"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Why is this task dismissed? %1").replace("%1", task_title), self)
        title.setWordWrap(True)
        layout.addWidget(title)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for reason in DismissReason:
            button = QRadioButton(dismiss_reason_label(reason, mnemonic=True), self)
            button.setObjectName(f"dismiss_{reason.value}")
            self.group.addButton(button)
            self.buttons[reason.value] = button
            layout.addWidget(button)
        self.buttons[DismissReason.NOT_RELEVANT].setChecked(True)
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("dismissText")
        self.text_edit.setMaxLength(MAX_DISMISS_TEXT)
        self.text_edit.setPlaceholderText(self.tr("Why (needed when the reason is Other)"))
        self.text_edit.setAccessibleName(self.tr("Why the task is dismissed"))
        self.text_edit.textEdited.connect(
            lambda _t: self.buttons[DismissReason.OTHER].setChecked(True)
        )
        layout.addWidget(self.text_edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setObjectName("dismissTask")
        self.dismiss_button.setDefault(True)
        box.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.dismiss_button.clicked.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def reason(self) -> str:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return DismissReason.NOT_RELEVANT.value

    def text(self) -> str:
        return " ".join(self.text_edit.text().split())

    def accept(self) -> None:
        if self.reason() == DismissReason.OTHER and not self.text():
            self.error_label.setText(self.tr("Say in a few words why the task is dismissed."))
            self.error_label.show()
            self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
