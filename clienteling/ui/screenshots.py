"""Render the main views to PNG (the demo's `--screenshot DIR`, docs and tests)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QWidget

from clienteling.terminal.enrollment import Enrollment
from clienteling.terminal.facade import Session, SyncStatus, Terminal
from clienteling.ui.dashboard_export import write_pdf
from clienteling.ui.dashboard_view import DashboardView
from clienteling.ui.first_run import CODE_PAGE, SIGN_IN_PAGE, STORE_PAGE, FirstRunWizard
from clienteling.ui.main_window import MainWindow
from clienteling.ui.metric_help import funnel_step_label
from clienteling.ui.operations import run_in_background
from clienteling.ui.profile_edit import open_profile_edit
from clienteling.ui.profile_view import ProfileView

SEARCH_QUERY = "nguyen"
# Whose profiles the screenshots show: customers with an online cart, by language, so
# the pictures carry Vietnamese and Cyrillic text (and the French of the demo chain).
MAIN_LANGUAGE = "vi"
PROFILE_LANGUAGE = "ru"


def wait_until(predicate: Callable[[], bool], *, timeout_s: float = 30.0) -> bool:
    """Process events until `predicate()` holds (workers deliver results as events)."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return True


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def _grab(widget: QWidget, path: Path) -> Path:
    _settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def render_screenshots(
    window: MainWindow | Terminal, out_dir: Path, *, other_store_card: str | None = None
) -> list[Path]:
    """Write every main view as a PNG (see `_render` for the list).

    Given a Terminal, builds (and afterwards closes) a window on it. `other_store_card`:
    the loyalty card of another store's customer (the demo knows one), scanned for the
    hub search view; without it that view shows the search offered for a name.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    owned = not isinstance(window, MainWindow)
    win = MainWindow(window) if not isinstance(window, MainWindow) else window
    try:
        return _render(win, out_dir, other_store_card)
    finally:
        if owned:
            win.close()
            win.deleteLater()


def _render(win: MainWindow, out_dir: Path, other_store_card: str | None) -> list[Path]:
    win.resize(1280, 800)
    win.show()
    statuses: list[object] = []

    def got_status(status: SyncStatus) -> None:
        win.show_status(status)
        statuses.append(status)

    run_in_background(
        win.terminal.status,
        success=got_status,
        failure=lambda exc: statuses.append(exc),
        parent=win,
    )
    wait_until(lambda: bool(statuses))

    _search(win, SEARCH_QUERY)
    paths = [_grab(win, out_dir / "search.png")]
    paths.append(_hub_search(win, out_dir / "search_hub.png", other_store_card))
    if _show_customer_with_cart(win, language=MAIN_LANGUAGE):
        win.profile_view.tabs.setCurrentIndex(ProfileView.PURCHASES_TAB)
    paths.append(_grab(win, out_dir / "main.png"))
    if _show_customer_with_cart(win, language=PROFILE_LANGUAGE) or _show_customer_with_cart(
        win, language=None
    ):
        win.profile_view.tabs.setCurrentIndex(ProfileView.CART_TAB)
    paths.append(_grab(win, out_dir / "profile.png"))
    paths.append(_grab(win.status_bar, out_dir / "status_bar.png"))
    paths.append(_profile_edit(win, out_dir / "profile_edit.png"))
    paths += _followup_composer(win, out_dir)
    _search(win, SEARCH_QUERY)
    paths.append(_new_customer(win, out_dir / "new_customer.png"))
    paths += _visit_views(win, out_dir)
    paths.append(_shortcut_help(win, out_dir / "shortcuts.png"))
    paths.append(_task_list(win, out_dir / "tasks.png"))
    paths += _appointment_views(win, out_dir)
    paths += _holds(win, out_dir)
    paths += _first_run(win, out_dir)
    paths.append(_lock_screen(win, out_dir / "lock_screen.png"))
    paths += _diagnostics_views(win, out_dir)
    paths += _dashboard(win, out_dir)  # last: it signs in as the demo manager
    return paths


def _holds(win: MainWindow, out_dir: Path) -> list[Path]:
    """A cart line held for the customer (pending until the hub confirms), then the
    "Redeem code" dialog with the hub's answer to a typed code."""
    paths: list[Path] = []
    if _show_customer_with_cart(win, language=None):
        view = win.profile_view
        view.tabs.setCurrentIndex(ProfileView.CART_TAB)
        if view.cart_table.rowCount():
            before = view.hold_panel.holds_list.count()
            view.cart_table.selectRow(0)
            view.hold_panel.hold_selected()
            wait_until(lambda: view.hold_panel.holds_list.count() > before)
        paths.append(_grab(win, out_dir / "holds.png"))
    dialog = win.redeem_offer()
    dialog.code_edit.setText("7K2QF-M9XDA")
    dialog.redeem()
    wait_until(lambda: dialog.redeem_button.isEnabled())
    _settle()
    paths.append(_grab(dialog, out_dir / "redeem_offer.png"))
    dialog.close()
    return paths


def _task_list(win: MainWindow, path: Path) -> Path:
    """The store's tasks (Ctrl+T), the second one selected, as the associate sees them."""
    dialog = win.open_tasks()
    dialog.resize(1100, 560)
    wait_until(lambda: bool(dialog.tasks), timeout_s=10)
    second = dialog.tree.topLevelItem(1)
    if second is not None:
        dialog.tree.setCurrentItem(second)
    out = _grab(dialog, path)
    dialog.close()
    return out


def _appointment_views(win: MainWindow, out_dir: Path) -> list[Path]:
    """Booking an appointment from the profile (Ctrl+Shift+A), purpose typed; the profile
    with it booked (waiting to sync); and the
    "dismiss the task" dialog of the task list (Ctrl+Shift+X) with a reason of its own."""
    paths: list[Path] = []
    if win.profile_view.profile is None:
        _show_customer_with_cart(win, language=None)
    win.book_appointment()
    wait_until(lambda: getattr(win, "appointment_dialog", None) is not None, timeout_s=10)
    dialog = win.appointment_dialog
    loaded: list[bool] = []
    dialog.associates_did_load.connect(lambda: loaded.append(True))
    wait_until(lambda: bool(loaded), timeout_s=10)
    dialog.purpose_edit.setText("Laptop Aero 14 — démo, thử máy")
    _settle()
    paths.append(_grab(dialog, out_dir / "appointment.png"))
    booked: list[str] = []
    dialog.appointment_did_book.connect(booked.append)
    dialog.book()
    strip = win.profile_view.appointment_strip
    wait_until(lambda: bool(booked) and strip.isVisible(), timeout_s=10)
    paths.append(_grab(win, out_dir / "appointment_booked.png"))
    if not booked:  # booked: the dialog closed itself (and is gone)
        dialog.close()
    tasks = win.open_tasks()
    wait_until(lambda: bool(tasks.tasks), timeout_s=10)
    index = len(tasks.appointments)  # the first task, below today's appointments
    item = tasks.tree.topLevelItem(index)
    if item is not None:
        tasks.tree.setCurrentItem(item)
    dismiss = tasks.dismiss()
    if dismiss is not None:
        dismiss.buttons["other"].setChecked(True)
        dismiss.text_edit.setText("Đã chuyển vào Sài Gòn, mua online")
        _settle()
        paths.append(_grab(dismiss, out_dir / "dismiss_task.png"))
        dismiss.reject()
    tasks.close()
    return paths


def _visit_views(win: MainWindow, out_dir: Path) -> list[Path]:
    """The visit form as a non-buyer's visit is logged (products from the cart and the
    catalogue, an outcome, the reason), then the survey QR it hands over."""
    _show_customer_with_cart(win, language=MAIN_LANGUAGE) or _show_customer_with_cart(
        win, language=None
    )
    dialog = win.log_visit() or win.log_anonymous_visit()
    added: list[str] = []
    dialog.product_did_add.connect(added.append)
    if dialog.quick_buttons:
        dialog.quick_buttons[0].click()
    dialog.product_search.setText("macbook")
    dialog.product_search.textEdited.emit("macbook")
    shown: list[str] = []
    dialog.products_did_show.connect(shown.append)
    wait_until(lambda: "macbook" in shown, timeout_s=10)
    dialog.outcome_buttons["will_come_back"].setChecked(True)
    dialog.reason_buttons["wants_to_compare"].setChecked(True)
    paths = [_grab(dialog, out_dir / "visit_form.png")]
    dialog.matches.setCurrentRow(0)
    dialog._add_first()
    saved: list[str] = []
    dialog.visit_did_save.connect(saved.append)
    dialog.save()
    wait_until(lambda: bool(saved) and dialog.survey_shown(), timeout_s=10)
    paths.append(_grab(dialog, out_dir / "visit_survey.png"))
    dialog.close()

    def has_visit() -> bool:  # the profile reloads with the new visit
        profile = win.profile_view.profile
        return profile is not None and any(v.id in saved for v in profile.visits)

    wait_until(has_visit, timeout_s=10)
    tabs = win.profile_view.tabs
    before = tabs.currentIndex()
    tabs.setCurrentIndex(ProfileView.TIMELINE_TAB)
    paths.append(_grab(win, out_dir / "timeline.png"))
    tabs.setCurrentIndex(before)  # leave the profile as the associate had it
    paths.append(_inventory(win, out_dir / "inventory.png"))
    return paths


def _inventory(win: MainWindow, path: Path) -> Path:
    """The product lookup after typing a few letters: matches (with their size and
    colour), and the stock here, in the other stores (nearest first) and online of the
    first one sold out here with a delivery on its way (else the first)."""
    dialog = win.open_inventory()
    shown: list[str] = []
    dialog.stock_did_show.connect(shown.append)
    listed: list[str] = []
    dialog.products_did_show.connect(listed.append)
    dialog.search("veja")  # shoes: the size and colour of each variant show too
    wait_until(lambda: "veja" in listed, timeout_s=10)
    coming = [i for i, hit in enumerate(dialog._hits) if hit.incoming_here and not hit.stock_here]
    dialog._open_row(coming[0] if coming else 0)
    wait_until(lambda: bool(shown), timeout_s=10)
    try:
        return _grab(dialog, path)
    finally:
        dialog.close()


def _new_customer(win: MainWindow, path: Path) -> Path:
    """The new-customer form as an associate fills it: a phone that is already known (the
    duplicate warning) and an email still being typed (its message under the field)."""
    dialog = win.new_customer()
    shown: list[bool] = []
    dialog.duplicates_did_show.connect(lambda: shown.append(True))
    dialog.given_edit.setText("Hélène")
    dialog.family_edit.setText("Nguyễn")
    known = next((hit.phone for hit in win.hits_model.hits() if hit.phone), None)
    if known is not None:
        dialog.phone_edit.setText(known)
    dialog.email_edit.setText("helene.nguyen@")
    wait_until(lambda: bool(shown), timeout_s=10)
    try:
        return _grab(dialog, path)
    finally:
        dialog.close()


def _shortcut_help(win: MainWindow, path: Path) -> Path:
    """The F1 overlay."""
    dialog = win.show_shortcuts()
    try:
        return _grab(dialog, path)
    finally:
        dialog.close()


def _first_run(win: MainWindow, out_dir: Path) -> list[Path]:
    """The first-run wizard's pages on the demo hub. The address check is real; the code
    page shows a typed code that is not sent, and the store page the store a code would
    have enrolled (the demo terminal is signed in, not enrolled)."""
    terminal = win.terminal
    wizard = FirstRunWizard(open_terminal=lambda _url: terminal, terminal=terminal, parent=win)
    wizard.resize(640, 440)
    wizard.show()
    paths = [_grab(wizard, out_dir / "first_run_hub.png")]
    try:
        wizard.next()  # checks the hub on the network worker, then moves on by itself
        wait_until(lambda: wizard.currentId() == CODE_PAGE)
        wizard.code_page.code_edit.setText("K7PQ-3MZX-W9RT")
        paths.append(_grab(wizard, out_dir / "first_run_code.png"))
        session = terminal.session
        wizard.enrollment = Enrollment(
            store_id=(session.store_id if session else None) or "",
            store_name=(session.store_name if session else None) or "",
            enrolled_at="",
        )
        wizard.code_page._passed = True
        wizard.next()
        wait_until(lambda: wizard.currentId() == STORE_PAGE)
        paths.append(_grab(wizard, out_dir / "first_run_store.png"))
        wizard.next()
        wait_until(lambda: wizard.currentId() == SIGN_IN_PAGE)
        form = wizard.sign_in_page.form
        if form is not None:
            form.user_edit.setText("demo-associate")
        paths.append(_grab(wizard, out_dir / "first_run_sign_in.png"))
    finally:
        wizard.terminal = None  # the window's terminal: not the wizard's to close
        wizard.close()
        wizard.deleteLater()
    return paths


DEMO_PIN = "2580"


def _lock_screen(win: MainWindow, path: Path) -> Path:
    """The lock screen over an open profile, after one wrong PIN; then unlocked with the
    right one (the signed-in associate gets `DEMO_PIN` if they have no PIN yet)."""
    terminal, terminal_lock = win.terminal, win.terminal_lock
    if terminal.session is not None and not terminal.has_pin():
        terminal.set_pin(DEMO_PIN)
    terminal_lock.lock()
    screen = terminal_lock.screen
    if screen is None:
        return _grab(win, path)
    wait_until(lambda: screen.holders.count() > 0 or screen.no_holders.isVisible())
    screen.pin_edit.setText("1397")
    screen.unlock()
    wait_until(lambda: bool(screen.error_label.text()))
    try:
        return _grab(win, path)
    finally:
        screen.pin_edit.setText(DEMO_PIN)
        screen.unlock()
        wait_until(lambda: not terminal_lock.locked)


DASHBOARD_USER = ("demo-manager", "demo")


def _dashboard(win: MainWindow, out_dir: Path) -> list[Path]:
    """The manager's dashboard (signed in as the demo manager for it, then back)."""
    terminal = win.terminal
    previous = terminal.session
    if previous is None or previous.role not in ("manager", "admin"):
        done: list[object] = []
        run_in_background(
            lambda: terminal.sign_in(*DASHBOARD_USER),
            success=done.append,
            failure=done.append,
            parent=win,
        )
        wait_until(lambda: bool(done))
        if not isinstance(done[0], Session):
            return []
    checks = _followup_checks(win, out_dir / "followup_checks.png")
    board = DashboardView(terminal, win)
    shown: list[bool] = []
    board.dashboard_did_show.connect(lambda: shown.append(True))
    board.resize(1280, 1240)
    board.show()
    board.start()
    wait_until(lambda: bool(shown))
    try:
        # The window as a manager sees it, and its whole scrolling page (every section).
        paths = [
            _grab(board, out_dir / "dashboard.png"),
            _grab(board.page, out_dir / "dashboard_page.png"),
            write_pdf(out_dir / "dashboard.pdf", board.page, footer=board.as_of.text()),
        ]
        return [*checks, *paths, *_drilldown(board, out_dir / "dashboard_drilldown.png")]
    finally:
        board.close()
        board.deleteLater()


def _followup_checks(win: MainWindow, path: Path) -> list[Path]:
    """ "Follow-ups to check" (Ctrl+Shift+O) as the manager sees it, the first selected
    and "It did not go out" asked: the confirmation says what that does."""
    win.refresh_session()  # the manager's menu and count, now that one is signed in
    wait_until(lambda: win.manager_menu.count_button.isVisible(), timeout_s=5)
    window_path = _grab(win, path.with_name("main_manager.png"))
    dialog = win.open_followup_checks()
    if dialog is None:
        return [window_path]
    loaded: list[bool] = []
    dialog.list_did_load.connect(lambda: loaded.append(True))
    dialog.list_did_fail.connect(lambda _text: loaded.append(False))
    wait_until(lambda: bool(loaded), timeout_s=15)
    try:
        paths = [window_path, _grab(dialog, path)]
        box = dialog.ask_to_settle(went_out=False)
        if box is not None:
            paths.append(_grab(box, path.with_name("followup_checks_confirm.png")))
            box.reject()
        return paths
    finally:
        dialog.close()


def _drilldown(board: DashboardView, path: Path) -> list[Path]:
    """The visits behind the funnel's first number, as Enter on that row lists them."""
    dialog = board.open_drilldown("funnel", "visits", funnel_step_label("visits"))
    if dialog is None:
        return []
    loaded: list[bool] = []
    dialog.rows_did_load.connect(lambda: loaded.append(True))
    wait_until(lambda: bool(loaded), timeout_s=15)
    try:
        return [_grab(dialog, path)]
    finally:
        dialog.close()


def _profile_edit(win: MainWindow, path: Path) -> Path:
    """The edit-profile dialog (Ctrl+E) over the open profile, preferences being filled in
    and a birthday typed wrong (its message under the field)."""
    profile = win.profile_view.profile
    if profile is None:
        return _grab(win, path)
    dialog = open_profile_edit(win, profile.id)
    loaded: list[bool] = []
    dialog.profile_did_load.connect(lambda: loaded.append(True))
    wait_until(lambda: bool(loaded), timeout_s=10)
    for kind, size in zip(dialog.size_edits, ("M", "38", "39"), strict=False):
        dialog.size_edits[kind].setText(size)
    dialog.brands_edit.setText("Maison Lumière, Atelier Nord")
    dialog.birthday_edit.setText("31/02")
    try:
        return _grab(dialog, path)
    finally:
        dialog.close()


def _followup_composer(win: MainWindow, out_dir: Path) -> list[Path]:
    """The composer on the open profile, as an associate fills it: the email preview
    (followup_composer.png), then the same follow-up as an SMS (followup_sms.png)."""
    profile = win.profile_view.profile
    if profile is None:
        return []
    dialog = win.compose_followup(profile.id)
    previews: list[bool] = []
    dialog.preview_did_show.connect(lambda: previews.append(True))
    wait_until(lambda: bool(previews))
    personal = {"ru": "Серый вам очень идёт!", "vi": "Màu xám rất hợp với bạn!"}
    dialog.personal_edit.setText(personal.get(profile.language, "The grey one suits you!"))
    wait_until(lambda: len(previews) >= 2)
    buttons = dialog.channel_buttons
    if buttons["email"].isEnabled():
        buttons["email"].setChecked(True)
    paths = [_grab(dialog, out_dir / "followup_composer.png")]
    short = next((c for c in ("sms", "whatsapp") if buttons[c].isEnabled()), None)
    if short is not None:
        buttons[short].setChecked(True)
    paths.append(_grab(dialog, out_dir / "followup_sms.png"))
    dialog.close()
    return paths


def _hub_search(win: MainWindow, path: Path, card: str | None) -> Path:
    """The search of every store: another store's customer found by a scanned card (or,
    without one, the search offered for a name the cache does not know)."""
    _search(win, card or "Zyxwvq")
    final = ("found", "none", "offline", "failed") if card else ("offer",)
    wait_until(lambda: win.hub_search.state in final)
    path = _grab(win, path)
    _search(win, "")
    return path


def _search(win: MainWindow, query: str) -> None:
    shown: list[str] = []
    win.hits_did_show.connect(shown.append)
    win.search(query)
    wait_until(lambda: query in shown)
    win.hits_did_show.disconnect(shown.append)


def _show_customer_with_cart(win: MainWindow, *, language: str | None) -> bool:
    """Open a customer with a cart, their name in the search box as an associate would."""
    found: list[str | None] = []
    terminal = win.terminal
    run_in_background(
        lambda: terminal.sample_customer_with_cart(language=language),
        success=found.append,
        failure=lambda _exc: found.append(None),
        parent=win,
    )
    wait_until(lambda: bool(found))
    customer_id = found[0]
    if customer_id is None:
        return False
    loaded: list[str] = []
    win.profile_did_load.connect(loaded.append)
    win.open_customer(customer_id)
    wait_until(lambda: customer_id in loaded)
    win.profile_did_load.disconnect(loaded.append)
    profile = win.profile_view.profile
    if profile is None:
        return False
    _search(win, profile.display_name)
    return True


def _diagnostics_views(win: MainWindow, out_dir: Path) -> list[Path]:
    """The "update needed" banner, "copy diagnostics" and the crash dialog (with a
    made-up error: nothing crashes while rendering)."""
    from clienteling.ui.crash import CrashDialog

    real: list[SyncStatus] = []
    run_in_background(win.terminal.status, success=real.append, parent=win)
    wait_until(lambda: bool(real))
    status = real[0]
    win.show_status(
        SyncStatus(
            online=True,
            last_sync_at=status.last_sync_at,
            pending=max(status.pending, 3),
            rejected=0,
            ready=True,
            error_code="update_needed",
            update_needed=True,
        )
    )
    paths = [_grab(win, out_dir / "update_banner.png")]
    win.show_status(status)

    diagnostics = win.help_menu.copy_diagnostics()
    diagnostics.resize(900, 640)
    wait_until(lambda: diagnostics.report != "", timeout_s=10)
    paths.append(_grab(diagnostics, out_dir / "diagnostics.png"))
    diagnostics.done(0)

    crash = CrashDialog(
        'Traceback (most recent call last):\n  File "…", line 1, in slot\n'
        "ZeroDivisionError: division by zero\n",
        win,
    )
    crash.show()
    paths.append(_grab(crash, out_dir / "crash_dialog.png"))
    crash.details_button.setChecked(True)
    paths.append(_grab(crash, out_dir / "crash_dialog_details.png"))
    crash.done(0)
    crash.deleteLater()
    return paths
