"""Qt's own button texts (OK, Cancel, Close; the wizard's Back, Next, Finish) in our
catalogues.

Qt ships no Vietnamese translation of its widgets, so without these a Vietnamese dialog
would say "Cancel". Qt looks them up itself, in the `QPlatformTheme` and `QWizard`
contexts, when a button is made; this function is never needed at run time, it only shows
`lupdate` the texts so our .ts files carry them (and `ui.i18n` installs those first)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_button_texts() -> list[str]:
    translate = QCoreApplication.translate
    return [
        translate("QPlatformTheme", "OK"),
        translate("QPlatformTheme", "Cancel"),
        translate("QPlatformTheme", "Close"),
        translate("QPlatformTheme", "Save"),
        translate("QPlatformTheme", "Apply"),
        translate("QPlatformTheme", "Discard"),
        translate("QPlatformTheme", "&Yes"),
        translate("QPlatformTheme", "&No"),
        translate("QWizard", "< &Back"),
        translate("QWizard", "&Next >"),
        translate("QWizard", "&Finish"),
        translate("QWizard", "Cancel"),
    ]
