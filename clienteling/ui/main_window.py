"""The main window: a search box that always has focus, live results, the customer 360,
and the sync status. Every terminal call runs on the DB worker; the GUI never waits."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.facade import SyncStatus, Terminal
from clienteling.terminal.views import CustomerHit, CustomerProfile, NoteView
from clienteling.ui import customer_export, revoked
from clienteling.ui.appointment_dialog import AppointmentDialog, open_appointment_dialog
from clienteling.ui.dashboard_view import DashboardView
from clienteling.ui.errors import show_error
from clienteling.ui.followup_checks import FollowupCheckDialog, open_followup_checks
from clienteling.ui.followup_composer import FollowupComposer
from clienteling.ui.help_menu import HelpMenu
from clienteling.ui.hub_search import HubSearchPanel
from clienteling.ui.inventory_view import InventoryDialog, open_inventory
from clienteling.ui.manager_menu import CHECKS_KEYS, ManagerMenu, is_manager
from clienteling.ui.new_customer import NewCustomerDialog
from clienteling.ui.operations import Pool, run_in_background
from clienteling.ui.profile_edit import open_profile_edit
from clienteling.ui.profile_view import ProfileView
from clienteling.ui.redeem_dialog import RedeemDialog
from clienteling.ui.revoked import RevokedBanner
from clienteling.ui.search_model import HitsModel
from clienteling.ui.shortcut_help import ShortcutHelp
from clienteling.ui.status_bar import SyncStatusBar
from clienteling.ui.sync_bridge import SyncBridge
from clienteling.ui.task_list import TaskList, open_task_list
from clienteling.ui.terminal_lock import TerminalLock
from clienteling.ui.update_banner import UpdateBanner
from clienteling.ui.visit_form import VisitFormDialog, open_visit_form
from clienteling.ui.widgets import pick_list

log = logging.getLogger(__name__)


def layout_settings(terminal: Terminal) -> QSettings:
    """Window layout, kept beside the terminal's cache (`layout.ini`: sizes and positions,
    no customer data), so each terminal data dir has its own."""
    path = terminal.cache_path.parent / "layout.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


SEARCH_DEBOUNCE_MS = 150
INVENTORY_KINDS = {"location", "product", "inventory"}  # what the product lookup shows
TASK_KINDS = {"task", "customer", "appointment"}  # what the task list shows
CHECK_KINDS = {"followup"}  # what the count of follow-ups to check counts
SEARCH_KINDS = {"customer"}  # what the search results show (names, phones, stage)
AUTO_SYNC_INTERVAL_S = 10.0
# Result columns besides the (stretching) name, and the table width under which the
# less useful ones hide, so the name stays readable next to an open profile.
COLUMN_WIDTHS = {
    HitsModel.PHONE: 150,
    HitsModel.EMAIL: 190,
    HitsModel.CARD: 140,
    HitsModel.STAGE: 140,
}
HIDE_BELOW = {HitsModel.EMAIL: 820, HitsModel.CARD: 620}


class MainWindow(QMainWindow):
    hits_did_show = Signal(str)  # the query the shown hits answer
    profile_did_load = Signal(str)  # customer id
    note_did_save = Signal(str)  # note id

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self._search_seq = 0
        self._shown_query: str | None = None
        self._open_on_single_hit = False
        self._refreshed: set[str] = set()  # looked-up customers refreshed since opened
        self.dashboard: DashboardView | None = None
        self._building_ui()
        self._bridge = SyncBridge(self)
        self._bridge.status_did_change.connect(self.show_status)
        self._bridge.changes_did_apply.connect(self._on_changes)
        self._bridge.pending_did_change.connect(self.status_bar.show_pending)
        self._shortcuts()
        self.terminal_lock = TerminalLock(self)  # lock screen, auto-lock, quick switch
        self.manager_menu = ManagerMenu(
            self, terminal, self.status_bar, open_checks=self.open_followup_checks
        )
        self.help_menu = HelpMenu(self, terminal, show_shortcuts=self.show_shortcuts)
        self.setWindowTitle(self._title())
        self.resize(1280, 800)
        self.restore_layout()

    # -- building -----------------------------------------------------------------------

    def _building_ui(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 8, 12, 4)
        self.offline_banner = QLabel(
            self.tr(
                "Offline: the hub cannot be reached. Keep working; your changes are kept "
                "and will be sent when the connection is back."
            ),
            central,
        )
        self.offline_banner.setObjectName("offlineBanner")
        self.offline_banner.setWordWrap(True)
        self.offline_banner.hide()
        layout.addWidget(self.offline_banner)
        self.revoked_banner = RevokedBanner(central)
        layout.addWidget(self.revoked_banner)
        self.update_banner = UpdateBanner(central)
        layout.addWidget(self.update_banner)

        self.search_box = QLineEdit(central)
        self.search_box.setObjectName("search")
        self.search_box.setPlaceholderText(
            self.tr("Search by name, phone, email or loyalty card  (Ctrl+K)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textEdited.connect(self._query_did_change)
        self.search_box.returnPressed.connect(self._search_enter)
        self.search_box.installEventFilter(self)
        self.new_customer_button = QPushButton(self.tr("New customer (Ctrl+Shift+N)"), central)
        self.new_customer_button.setObjectName("newCustomer")
        self.new_customer_button.clicked.connect(self.new_customer)
        self.dashboard_button = QPushButton(self.tr("Dashboard (Ctrl+Shift+D)"), central)
        self.dashboard_button.setObjectName("openDashboard")
        self.dashboard_button.clicked.connect(self.open_dashboard)
        self.dashboard_button.setVisible(self._may_see_dashboard())
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.new_customer_button)
        search_row.addWidget(self.dashboard_button)
        self.anonymous_visit_button = QPushButton(self.tr("Visitor (Ctrl+Shift+L)"), central)
        self.anonymous_visit_button.setObjectName("anonymousVisit")
        self.anonymous_visit_button.setToolTip(
            self.tr("Log the visit of someone without a profile")
        )
        self.anonymous_visit_button.clicked.connect(self.log_anonymous_visit)
        search_row.addWidget(self.anonymous_visit_button)
        self.tasks_button = QPushButton(self.tr("Tasks (Ctrl+T)"), central)
        self.tasks_button.setObjectName("openTasks")
        self.tasks_button.clicked.connect(self.open_tasks)
        search_row.addWidget(self.tasks_button)
        layout.addLayout(search_row)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)

        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.hits_model = HitsModel()
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.results = QTableView(left)
        self.results.setObjectName("results")
        self.results.setModel(self.hits_model)
        pick_list(self.results)
        self.results.setAlternatingRowColors(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.results.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HitsModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        self.results.setMinimumWidth(280)
        self.results.clicked.connect(self._open_index)
        self.results.installEventFilter(self)
        self.hub_search = HubSearchPanel(self.terminal, left)
        self.hub_search.customer_did_pull.connect(self._customer_did_pull)
        self.hub_search.focus_will_leave.connect(self.focus_search)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.hub_search)
        self.profile_view = ProfileView(splitter)
        self.profile_view.note_will_add.connect(self._add_note)
        self.profile_view.hold_panel.connect_terminal(self.terminal, reload=self._load_profile)
        self.profile_view.note_draft_did_change.connect(self._keep_note_draft)
        self.profile_view.edit_will_open.connect(lambda cid: open_profile_edit(self, cid))
        self.profile_view.visit_will_log.connect(lambda _id: self.log_visit())
        self.profile_view.followup_will_compose.connect(self.compose_followup)
        self.profile_view.appointment_will_book.connect(lambda _id: self.book_appointment())
        customer_export.install(self)
        splitter.addWidget(left)
        splitter.addWidget(self.profile_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 720])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.status_bar = SyncStatusBar(self)
        self.status_bar.sync_requested.connect(self.sync_now)
        self.setStatusBar(self.status_bar)

    def _shortcuts(self) -> None:
        """The window's keys; the F1 overlay lists them with what they do."""
        self.shortcut_table: list[tuple[str, str]] = []
        for keys, slot, does in (
            ("F1", self.show_shortcuts, self.tr("Show these keyboard shortcuts")),
            ("Ctrl+K", self.focus_search, self.tr("Search customers")),
            ("F2", self.focus_search, ""),
            ("Ctrl+Shift+F", self.search_all_stores, self.tr("Search all stores on the hub")),
            ("F5", self.sync_now, self.tr("Sync now")),
            ("Ctrl+Shift+N", self.new_customer, self.tr("New customer")),
            ("Ctrl+N", self.profile_view.focus_note, self.tr("Write a note on the profile")),
            ("Ctrl+E", self.profile_view.request_edit, self.tr("Edit the profile and consent")),
            ("Ctrl+L", self.log_visit, self.tr("Log the visit of this customer")),
            ("Ctrl+Shift+L", self.log_anonymous_visit, self.tr("Log a visitor without profile")),
            ("Ctrl+F", self.profile_view.compose_followup, self.tr("Send a follow-up")),
            (
                "Ctrl+Shift+A",
                self.book_appointment,
                self.tr("Book an appointment for this customer"),
            ),
            ("F3", self.open_inventory, self.tr("Products and stock")),
            ("Ctrl+I", self.open_inventory, ""),
            ("Ctrl+Shift+D", self.open_dashboard, self.tr("Store dashboard (managers)")),
            (
                CHECKS_KEYS,
                self.open_followup_checks,
                self.tr("Follow-ups to check after an interrupted sending (managers)"),
            ),
            ("Ctrl+Shift+R", self.redeem_offer, self.tr("Redeem an offer code at the till")),
            ("Ctrl+T", self.open_tasks, self.tr("The store's tasks")),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            if does:
                self.shortcut_table.append((keys, does))
            else:  # another key for the action just above
                before, what = self.shortcut_table[-1]
                self.shortcut_table[-1] = (f"{before}, {keys}", what)
        # Keys that belong to a field or a dialog, listed for completeness.
        self.shortcut_table += [
            ("Enter", self.tr("In the search box: open the only match, or go to the results")),
            ("↓ / ↑", self.tr("Move between the search box and the results")),
            ("Esc", self.tr("Clear the search box; close a dialog")),
            ("Ctrl+Enter", self.tr("Save the note, the visit or the follow-up being written")),
            ("Ctrl+H", self.tr("On the online cart: hold the selected item for the customer")),
            ("Ctrl+D", self.tr("In the task list: mark the task done (with the outcome note)")),
            ("Ctrl+Shift+S", self.tr("In the task list: snooze the task until tomorrow")),
            ("Enter", self.tr("On a reply in the timeline: show the follow-up it answers")),
            ("Ctrl+Shift+X", self.tr("In the task list: dismiss the task with a reason")),
            (
                "Ctrl+Shift+A",
                self.tr("In the task list: move the selected appointment"),
            ),
            ("Ctrl+Shift+C", self.tr("In the task list: cancel the selected appointment")),
        ]

    def redeem_offer(self) -> RedeemDialog:
        """The "Redeem code" dialog (Ctrl+Shift+R): needs the hub, never offline."""
        dialog = RedeemDialog(self.terminal, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.redeem_dialog = dialog
        dialog.open()
        return dialog

    def show_shortcuts(self) -> ShortcutHelp:
        """The F1 overlay: every shortcut and what it does."""
        dialog = ShortcutHelp(self.shortcut_table, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcut_help = dialog
        dialog.open()
        return dialog

    def _title(self) -> str:
        session = self.terminal.session
        if session is None:
            return self.tr("Clienteling")
        store = session.store_name or self.tr("All stores")
        return (
            self.tr("Clienteling — %1 — %2")
            .replace("%1", store)
            .replace("%2", session.display_name)
        )

    def refresh_session(self) -> None:
        """After a quick switch: the title, and what the associate now active may open."""
        self.setWindowTitle(self._title())
        self.dashboard_button.setVisible(self._may_see_dashboard())
        self.manager_menu.show_for_session()
        checks = self._open_followup_checks()
        if checks is not None and not is_manager(self.terminal):
            checks.close()  # the manager's list is not for whoever switched in

    # -- window layout (kept across restarts) --------------------------------------------

    def save_layout(self) -> None:
        settings = layout_settings(self.terminal)
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("profile/tab", self.profile_view.tabs.currentIndex())
        settings.sync()

    def restore_layout(self) -> None:
        """Size, position, the results/profile split and the profile tab of last time."""
        settings = layout_settings(self.terminal)
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        split = settings.value("main/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        tab = settings.value("profile/tab")
        if tab is not None and str(tab).isdigit():
            self.profile_view.tabs.setCurrentIndex(int(str(tab)))

    # -- lifecycle ----------------------------------------------------------------------

    def start(self, *, interval_s: float = AUTO_SYNC_INTERVAL_S) -> None:
        """Begin background sync and show the current status."""
        self.refresh_status()
        self.terminal.start_auto_sync(
            interval_s=interval_s,
            on_status=self._bridge.on_status,
            on_changes=self._bridge.on_changes,
            on_pending=self._bridge.on_pending,
        )

    def refresh_status(self) -> None:
        run_in_background(self.terminal.status, success=self.show_status, parent=self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._debounce.stop()
        self.profile_view.flush_note_draft()
        self.save_layout()
        super().closeEvent(event)

    # -- search -------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search(self, query: str) -> None:
        """Type `query` into the box and search at once (scripts and screenshots)."""
        self.search_box.setText(query)
        self._run_search()

    def _query_did_change(self, _text: str) -> None:
        self._open_on_single_hit = False
        self._debounce.start()

    def _run_search(self) -> None:
        self._debounce.stop()
        query = self.search_box.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        if not query:
            self._show_hits(seq, query, [])
            return
        terminal = self.terminal
        run_in_background(
            lambda: terminal.search(query),
            success=lambda hits: self._show_hits(seq, query, hits),
            parent=self,
        )

    def _show_hits(self, seq: int, query: str, hits: list[CustomerHit]) -> None:
        if seq != self._search_seq:
            return  # an older query answered late
        self._shown_query = query
        self.hits_model.set_hits(hits)
        if hits:
            self.results.selectRow(0)
        opening = self._open_on_single_hit
        # Nobody here for a scanned card or typed phone: the hub is asked at once, and
        # Enter (a scanner's) opens the one customer it finds.
        self.hub_search.cache_did_answer(query, len(hits), open_single=opening and not hits)
        self.hits_did_show.emit(query)
        if opening:
            self._open_on_single_hit = False
            self._enter_on_current_hits()

    def _refresh_hits(self) -> None:
        """A sync changed customers: the shown query again, the associate's place kept
        (the selected customer, the scroll position) and the focus left where it is."""
        query = self._shown_query
        if not query or query != self.search_box.text().strip() or self._debounce.isActive():
            return  # nothing shown, or a newer query is on its way anyway
        current = self.results.currentIndex()
        selected = self.hits_model.hit(current.row()).id if current.isValid() else None
        self._search_seq += 1
        seq = self._search_seq
        terminal = self.terminal
        run_in_background(
            lambda: terminal.search(query),
            success=lambda hits: self._show_refreshed_hits(seq, query, hits, selected),
            parent=self,
        )

    def _show_refreshed_hits(
        self, seq: int, query: str, hits: list[CustomerHit], selected: str | None
    ) -> None:
        if seq != self._search_seq:
            return
        scroll = self.results.verticalScrollBar().value()
        self.hits_model.set_hits(hits)
        row = next((i for i, hit in enumerate(hits) if hit.id == selected), None)
        if row is None and hits:
            row = 0
        if row is not None:
            self.results.selectRow(row)
        self.results.verticalScrollBar().setValue(scroll)
        self.hits_did_show.emit(query)

    def search_all_stores(self) -> None:
        """Ctrl+Shift+F: search every store on the hub for what is in the search box."""
        self.hub_search.search_now(self.search_box.text())

    def _customer_did_pull(self, customer_id: str) -> None:
        """A customer found on the hub is in the cache now: their profile, and the search
        shows them as a cached customer."""
        self.open_customer(customer_id)
        self._run_search()

    def _search_enter(self) -> None:
        """Enter in the box: a scanner ends its digits with Enter, often before the
        debounced search ran, so wait for the answer to this very query."""
        if self._debounce.isActive() or self._shown_query != self.search_box.text().strip():
            self._open_on_single_hit = True
            self._run_search()
            return
        self._enter_on_current_hits()

    def _enter_on_current_hits(self) -> None:
        hits = self.hits_model.hits()
        if len(hits) == 1:
            self.open_customer(hits[0].id)
        elif hits:
            self.results.setFocus()
            self.results.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.results and event.type() == QEvent.Type.Resize:
            width = self.results.width()
            for column, below in HIDE_BELOW.items():
                self.results.setColumnHidden(column, width < below)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_box and key == Qt.Key.Key_Down and self.hits_model.rowCount():
                self.results.setFocus()
                self.results.selectRow(0)
                return True
            if watched is self.search_box and key == Qt.Key.Key_Down:
                return self.hub_search.focus_results()
            if watched is self.search_box and key == Qt.Key.Key_Escape:
                self.search_box.clear()
                self._query_did_change("")
                return True
            if watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_index(self.results.currentIndex())
                return True
            if (
                watched is self.results
                and key == Qt.Key.Key_Up
                and self.results.currentIndex().row() <= 0
            ):
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    # -- profile ------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_customer(self.hits_model.hit(index.row()).id)

    def reopen_last_customer(self) -> None:
        """After a restart: the profile that was on screen, if the cache still has it."""

        def reopen(customer_id: str | None) -> None:
            if customer_id is not None and self.profile_view.profile is None:
                self.open_customer(customer_id)

        run_in_background(self.terminal.last_open_customer, success=reopen, parent=self)

    def open_customer(self, customer_id: str) -> None:
        """Load and show the customer; focus goes back to the search for the next scan."""
        self.focus_search()
        self._refreshed.discard(customer_id)  # opened anew: a looked-up one is refreshed
        self._load_profile(customer_id)
        terminal = self.terminal  # remembered once per opening, not on every refresh
        run_in_background(
            lambda: terminal.remember_open_customer(customer_id),
            success=lambda _none: None,
            failure=lambda exc: log.info("open profile not remembered: %s", type(exc)),
            parent=self,
        )

    def _load_profile(self, customer_id: str) -> None:
        terminal = self.terminal
        run_in_background(
            lambda: terminal.customer(customer_id),
            success=lambda profile: self._show_profile(customer_id, profile),
            parent=self,
        )

    def _show_profile(self, customer_id: str, profile: CustomerProfile | None) -> None:
        self.profile_view.show_profile(profile)
        self.profile_did_load.emit(customer_id)
        if profile is not None and profile.looked_up and profile.id not in self._refreshed:
            self._refresh_looked_up(profile.id)
        if profile is not None:
            terminal = self.terminal
            run_in_background(
                lambda: terminal.customer_tasks(profile.id),
                success=self.profile_view.task_strip.show_tasks,
                parent=self,
            )
            run_in_background(
                lambda: (terminal.customer_appointments(profile.id), terminal.store_timezone()),
                success=self.profile_view.appointment_strip.show_appointments,
                parent=self,
            )
            run_in_background(
                lambda: terminal.note_draft(profile.id),
                success=lambda text: self.profile_view.restore_note_draft(profile.id, text),
                parent=self,
            )

    def _refresh_looked_up(self, customer_id: str) -> None:
        """Another store's customer is not in this terminal's pull: fetch their profile
        from the hub (network worker) when it opens, and show it again if it changed."""
        self._refreshed.add(customer_id)
        terminal = self.terminal

        def refreshed(changed: bool) -> None:
            shown = self.profile_view.profile
            if changed and shown is not None and shown.id == customer_id:
                self._load_profile(customer_id)

        run_in_background(
            lambda: terminal.refresh_customer(customer_id),
            success=refreshed,
            failure=lambda exc: log.info("customer %s not refreshed: %s", customer_id, type(exc)),
            parent=self,
            on=Pool.NETWORK,
        )

    def _keep_note_draft(self, customer_id: str, text: str) -> None:
        terminal = self.terminal
        run_in_background(
            lambda: terminal.save_note_draft(customer_id, text),
            success=lambda _none: None,
            parent=self,
        )

    def _add_note(self, customer_id: str, text: str) -> None:
        terminal = self.terminal
        self.profile_view.add_note_button.setEnabled(False)

        def saved(note: NoteView) -> None:
            self.profile_view.add_note_button.setEnabled(True)
            self.profile_view.note_did_add()
            self.note_did_save.emit(note.id)
            self._load_profile(customer_id)
            self.terminal.request_sync()

        def failed(exc: BaseException) -> None:
            self.profile_view.add_note_button.setEnabled(True)
            show_error(self, exc)

        run_in_background(
            lambda: terminal.add_note(customer_id, text),
            success=saved,
            failure=failed,
            parent=self,
        )

    # -- new customer -------------------------------------------------------------------

    def new_customer(self) -> NewCustomerDialog:
        """Open the new-customer form; Create (or "open this profile") shows the profile."""
        dialog = NewCustomerDialog(self.terminal, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.customer_did_create.connect(self._customer_did_create)
        dialog.existing_will_open.connect(self.open_customer)
        self.new_customer_dialog = dialog
        dialog.open()
        dialog.given_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return dialog

    def _customer_did_create(self, customer_id: str) -> None:
        self.open_customer(customer_id)
        self.terminal.request_sync()

    # -- manager dashboard ----------------------------------------------------------------

    def _may_see_dashboard(self) -> bool:
        session = self.terminal.session
        return session is not None and session.role in ("manager", "admin")

    def open_dashboard(self) -> DashboardView | None:
        """The store dashboard in its own window (managers and admins only)."""
        if not self._may_see_dashboard():
            return None
        if self.dashboard is None:
            self.dashboard = DashboardView(self.terminal, self)
            self.dashboard.customer_chosen.connect(self._open_from_dashboard)
            self.dashboard.start()
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        return self.dashboard

    def open_followup_checks(self) -> FollowupCheckDialog | None:
        """Follow-ups whose sending was interrupted (Ctrl+Shift+O; managers and admins
        only); an open list comes to the front and asks the hub again."""
        if not is_manager(self.terminal):
            return None
        dialog = self._open_followup_checks()
        if dialog is None:
            dialog = open_followup_checks(self.terminal, self)
            dialog.followup_did_settle.connect(lambda *_: self.manager_menu.refresh_count())
            self.followup_checks = dialog
        else:
            dialog.refresh()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _open_followup_checks(self) -> FollowupCheckDialog | None:
        dialog = getattr(self, "followup_checks", None)
        if isinstance(dialog, FollowupCheckDialog) and shiboken6.isValid(dialog):
            return dialog if dialog.isVisible() else None
        return None

    def _open_from_dashboard(self, customer_id: str) -> None:
        """A customer picked in a drill-down list: their profile, in front."""
        self.open_customer(customer_id)
        self.raise_()
        self.activateWindow()

    # -- visits -------------------------------------------------------------------------

    def log_visit(self) -> VisitFormDialog | None:
        """The visit form for the open profile (Ctrl+L); nothing when none is open."""
        profile = self.profile_view.profile
        if profile is None:
            return None
        return self._open_visit_form(profile)

    def log_anonymous_visit(self) -> VisitFormDialog:
        """The visit form for a visitor without a profile (Ctrl+Shift+L)."""
        return self._open_visit_form(None)

    def _open_visit_form(self, profile: CustomerProfile | None) -> VisitFormDialog:
        dialog = open_visit_form(self.terminal, profile=profile, parent=self)
        if profile is not None:
            dialog.visit_did_save.connect(lambda _id: self._load_profile(profile.id))
        self.visit_dialog = dialog
        return dialog

    def open_inventory(self) -> InventoryDialog:
        """Product and stock lookup (F3, Ctrl+I); an open one comes to the front."""
        dialog = self._open_inventory_dialog()
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            dialog.focus_search()
            return dialog
        self.inventory_dialog = open_inventory(self.terminal, parent=self)
        return self.inventory_dialog

    def _open_inventory_dialog(self) -> InventoryDialog | None:
        dialog = getattr(self, "inventory_dialog", None)
        if isinstance(dialog, InventoryDialog) and shiboken6.isValid(dialog):
            return dialog if dialog.isVisible() else None
        return None

    # -- follow-ups ---------------------------------------------------------------------

    def compose_followup(
        self, customer_id: str, *, template: str | None = None, task_id: str | None = None
    ) -> FollowupComposer:
        """Open the composer; a queued follow-up shows on the profile at once. From a task:
        its suggested message is preselected, and queueing marks the task done."""
        dialog = FollowupComposer(self.terminal, customer_id, self, template=template)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.followup_did_queue.connect(lambda _id: self._followup_did_queue(customer_id))
        if task_id is not None:
            dialog.followup_did_queue.connect(lambda _id: self._task_followed_up(task_id))
        self.followup_composer = dialog
        dialog.open()
        return dialog

    def _followup_did_queue(self, customer_id: str) -> None:
        self._load_profile(customer_id)
        self.terminal.request_sync()

    # -- appointments -------------------------------------------------------------------

    def book_appointment(self) -> None:
        """The booking dialog for the open profile (Ctrl+Shift+A); nothing when none."""
        profile = self.profile_view.profile
        if profile is None:
            return
        terminal = self.terminal

        def show(timezone: str) -> None:
            dialog = open_appointment_dialog(
                terminal,
                customer_id=profile.id,
                customer_name=profile.display_name,
                timezone=timezone,
                parent=self,
            )
            dialog.appointment_did_book.connect(lambda _id: self._appointment_did_book(profile.id))
            self.appointment_dialog: AppointmentDialog = dialog

        run_in_background(terminal.store_timezone, success=show, parent=self)

    def _appointment_did_book(self, customer_id: str) -> None:
        self._load_profile(customer_id)
        tasks = self._open_task_list()
        if tasks is not None:
            tasks.refresh()

    # -- tasks --------------------------------------------------------------------------

    def open_tasks(self) -> TaskList:
        """The store's tasks (Ctrl+T); an open list comes to the front."""
        dialog = self._open_task_list()
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            dialog.refresh()
            return dialog
        dialog = open_task_list(self.terminal, parent=self)
        dialog.customer_will_open.connect(self._open_from_task)
        dialog.followup_will_compose.connect(
            lambda task_id, customer_id, template: self.compose_followup(
                customer_id, template=template, task_id=task_id
            )
        )
        self.task_list = dialog
        return dialog

    def _open_task_list(self) -> TaskList | None:
        dialog = getattr(self, "task_list", None)
        if isinstance(dialog, TaskList) and shiboken6.isValid(dialog):
            return dialog if dialog.isVisible() else None
        return None

    def _open_from_task(self, customer_id: str) -> None:
        self.open_customer(customer_id)
        self.raise_()
        self.activateWindow()

    def _task_followed_up(self, task_id: str) -> None:
        terminal = self.terminal
        note = self.tr("Follow-up sent")

        def marked(_none: None) -> None:
            tasks = self._open_task_list()
            if tasks is not None:
                tasks.refresh()

        run_in_background(
            lambda: terminal.mark_task_done(task_id, outcome_note=note),
            success=marked,
            failure=lambda exc: log.info("task %s not marked done: %s", task_id, type(exc)),
            parent=self,
        )

    # -- sync ---------------------------------------------------------------------------

    def sync_now(self) -> None:
        self.terminal.request_sync()

    def show_status(self, status: SyncStatus) -> None:
        if revoked.handle_status(self, status):
            return
        self.status_bar.show_status(status)
        self.offline_banner.setVisible(status.online is False)
        self.hub_search.set_online(status.online)
        self.revoked_banner.show_status(status)
        self.update_banner.show_status(status)

    def _on_changes(self, kinds: set[str]) -> None:
        if kinds & SEARCH_KINDS:
            self._refresh_hits()
        profile = self.profile_view.profile
        if profile is not None and kinds:
            log.debug("changes applied (%s): refreshing customer %s", sorted(kinds), profile.id)
            self._load_profile(profile.id)
        inventory = self._open_inventory_dialog()
        if inventory is not None and kinds & INVENTORY_KINDS:
            inventory.refresh()
        tasks = self._open_task_list()
        if tasks is not None and kinds & TASK_KINDS:
            tasks.refresh()
        if kinds & CHECK_KINDS:
            self.manager_menu.refresh_count()
