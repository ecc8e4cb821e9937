"""The customer 360: header (avatar, stage, loyalty, value, consent), contact, and tabs
for purchases, the live online cart (with the products viewed online lately) and notes.
It renders a `CustomerProfile`; writing a note is asked for through `note_will_add`, the
window does the work on the DB worker."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.phones import display
from clienteling.domain.text import initials
from clienteling.terminal.views import (
    CartView,
    CustomerProfile,
    NoteView,
    OrderView,
)
from clienteling.ui.appointment_labels import CustomerAppointments
from clienteling.ui.followup_list import FollowupList
from clienteling.ui.hold_panel import HoldPanel
from clienteling.ui.labels import (
    cart_status_label,
    checkout_step_label,
    contact_channel_label,
    incoming_text,
    language_name,
    local_date,
    local_time,
    money_text,
    order_status_label,
    other_stores_tip,
    sales_channel_label,
    stage_label,
    stock_here_text,
    tier_label,
    variant_text,
    whole_number,
)
from clienteling.ui.profile_edit import preferences_summary
from clienteling.ui.recent_views_panel import RecentViewsPanel
from clienteling.ui.task_list import CustomerTasks
from clienteling.ui.timeline_view import TimelineView
from clienteling.ui.together_panel import TogetherPanel
from clienteling.ui.widgets import Badge

CONSENT_CHANNELS = ("email", "sms", "whatsapp")
# The cart table's columns: product, size/colour, SKU, qty, price, then stock here, in
# the other stores and online (the same three places as the product lookup).
CART_COLUMNS = ("product", "variant", "sku", "qty", "price", "here", "other_stores", "web")
CART_OTHER_STORES, CART_WEB = CART_COLUMNS.index("other_stores"), CART_COLUMNS.index("web")
CART_SKU = CART_COLUMNS.index("sku")
CART_ROWS_ALWAYS_SHOWN = 3
CART_ROWS_AT_MOST = 6  # taller carts scroll inside the table
# Under this width the cart table drops its SKU column (the product's tooltip has it), so
# the product names stay readable beside the three stock columns.
CART_SKU_HIDE_BELOW = 860


def _count_text(count: int | None) -> str:
    """A stock figure for a table cell; "—" when the cache does not know it."""
    return "—" if count is None else whole_number(count)


DRAFT_SAVE_MS = 400
"""Typing pauses this long before the note draft is written to the cache."""


class ProfileView(QWidget):
    """Shows one customer; `show_profile(None)` shows the empty hint."""

    note_will_add = Signal(str, str)  # customer id, text
    note_draft_did_change = Signal(str, str)  # customer id, the note as typed so far
    edit_will_open = Signal(str)  # customer id (Ctrl+E: ui.profile_edit)
    visit_will_log = Signal(str)  # customer id
    followup_will_compose = Signal(str)  # customer id
    appointment_will_book = Signal(str)  # customer id (Ctrl+Shift+A: ui.appointment_dialog)
    export_will_start = Signal(str)  # customer id (managers and admins: ui.customer_export)

    PURCHASES_TAB, CART_TAB, NOTES_TAB, TIMELINE_TAB, FOLLOWUPS_TAB = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile: CustomerProfile | None = None
        self._stack = QStackedWidget(self)
        self.empty_hint = QLabel(
            self.tr("Search for a customer by name, phone, email or loyalty card."), self
        )
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self._stack.addWidget(self.empty_hint)
        self._stack.addWidget(self._build_profile_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    # -- building -----------------------------------------------------------------------

    def _build_profile_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_header())
        layout.addWidget(self._build_contact())
        self.task_strip = CustomerTasks(page)  # the customer's open tasks (ui.task_list)
        layout.addWidget(self.task_strip)
        self.appointment_strip = CustomerAppointments(page)  # coming appointments
        layout.addWidget(self.appointment_strip)
        self.tabs = QTabWidget(page)
        self.tabs.addTab(self._build_purchases(), "")
        self.tabs.addTab(self._scrolled(self._build_cart()), "")
        self.tabs.addTab(self._build_notes(), "")
        self.timeline_view = TimelineView(page)
        self.tabs.addTab(self.timeline_view, "")
        self.timeline_view.followup_requested.connect(self.show_followup)
        self.followup_list = FollowupList(page)
        self.followup_list.compose_requested.connect(self.compose_followup)
        self.tabs.addTab(self.followup_list, "")
        layout.addWidget(self.tabs, 1)
        return page

    def _build_header(self) -> QWidget:
        header = QFrame(self)
        header.setObjectName("profileHeader")
        row = QHBoxLayout(header)
        self.avatar = QLabel(header)
        self.avatar.setObjectName("avatar")
        self.avatar.setFixedSize(64, 64)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)

        middle = QVBoxLayout()
        self.name_label = QLabel(header)
        self.name_label.setObjectName("customerName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_label, 1)
        self.edit_button = QPushButton(self.tr("Edit profile (Ctrl+E)"), header)
        self.edit_button.clicked.connect(self.request_edit)
        name_row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.export_button = QPushButton(self.tr("Export customer data…"), header)
        self.export_button.clicked.connect(self._request_export)
        self.export_button.hide()  # shown by the window for managers and admins
        name_row.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        middle.addLayout(name_row)
        badges = QHBoxLayout()
        self.stage_badge = Badge("stage", header)
        self.tier_badge = Badge("tier", header)
        badges.addWidget(self.stage_badge)
        badges.addWidget(self.tier_badge)
        self.home_store_badge = Badge("home_store", header)
        self.home_store_badge.setObjectName("homeStoreBadge")
        self.home_store_badge.hide()  # only for another store's customer
        badges.addWidget(self.home_store_badge)
        self.consent_badges: dict[str, Badge] = {}
        for channel in CONSENT_CHANNELS:
            badge = Badge("consent", header)
            self.consent_badges[channel] = badge
            badges.addWidget(badge)
        badges.addStretch(1)
        middle.addLayout(badges)
        self.log_visit_button = QPushButton(self.tr("Log visit (Ctrl+L)"), header)
        self.log_visit_button.setObjectName("logVisit")
        self.log_visit_button.clicked.connect(self._request_visit)
        self.book_button = QPushButton(self.tr("Book appointment (Ctrl+Shift+A)"), header)
        self.book_button.setObjectName("bookAppointmentButton")
        self.book_button.clicked.connect(self.request_appointment)
        middle.addWidget(self.log_visit_button, 0, Qt.AlignmentFlag.AlignLeft)
        middle.addWidget(self.book_button, 0, Qt.AlignmentFlag.AlignLeft)
        middle.addStretch(1)
        row.addLayout(middle, 1)

        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        self.value_label = QLabel(header)
        self.points_label = QLabel(header)
        self.channel_label = QLabel(header)
        self.language_label = QLabel(header)
        self.store_label = QLabel(header)
        for line, (caption, value) in enumerate(
            (
                (self.tr("Customer value"), self.value_label),
                (self.tr("Loyalty points"), self.points_label),
                (self.tr("Prefers"), self.channel_label),
                (self.tr("Language"), self.language_label),
                (self.tr("Home store"), self.store_label),
            )
        ):
            name = QLabel(caption, header)
            name.setObjectName("factCaption")
            value.setObjectName("factValue")
            facts.addWidget(name, line, 0, Qt.AlignmentFlag.AlignRight)
            facts.addWidget(value, line, 1)
        row.addLayout(facts)
        return header

    def _build_contact(self) -> QWidget:
        self.contact_label = QLabel(self)
        self.contact_label.setObjectName("contact")
        self.contact_label.setWordWrap(True)
        self.contact_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return self.contact_label

    def _build_purchases(self) -> QWidget:
        self.orders_tree = QTreeWidget(self)
        self.orders_tree.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Channel"),
                self.tr("Store"),
                self.tr("Status"),
                self.tr("Total"),
            ]
        )
        self.orders_tree.setRootIsDecorated(True)
        self.orders_tree.setAlternatingRowColors(True)
        self.orders_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.orders_tree.header().setStretchLastSection(False)
        # The channel column also holds the order lines' names: it takes the free width.
        self.orders_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return self.orders_tree

    def _scrolled(self, page: QWidget) -> QScrollArea:
        """The online tab scrolls when the cart, the recently viewed products, the holds
        and the suggestions do not all fit: the window keeps fitting a small screen."""
        scroll = QScrollArea(self)
        scroll.setObjectName("cartScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _build_cart(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.cart_summary = QLabel(page)
        self.cart_summary.setObjectName("cartSummary")
        self.cart_summary.setWordWrap(True)
        layout.addWidget(self.cart_summary)
        self.cart_table = QTableWidget(0, len(CART_COLUMNS), page)
        self.cart_table.setHorizontalHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Size / colour"),
                self.tr("SKU"),
                self.tr("Qty"),
                self.tr("Price"),
                self.tr("In stock here"),
                self.tr("Other stores"),
                self.tr("Online"),
            ]
        )
        self.cart_table.setAccessibleName(self.tr("Online cart"))
        tips = {
            CART_OTHER_STORES: self.tr(
                "Available in the chain's other stores together; point at a figure for "
                "each store, nearest first"
            ),
            CART_WEB: self.tr("Available in the web warehouse"),
        }
        for column, tip in tips.items():
            header_item = self.cart_table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        self.cart_table.verticalHeader().setVisible(False)
        self.cart_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.cart_table.setAlternatingRowColors(True)
        header = self.cart_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.cart_table.installEventFilter(self)
        layout.addWidget(self.cart_table)
        self.cart_total = QLabel(page)
        self.cart_total.setObjectName("cartTotal")
        self.cart_total.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.cart_total)
        # Right below the cart, in view: "Hold for customer" acts on the line marked in
        # the cart or in the recently viewed products further down.
        self.hold_panel = HoldPanel(self.cart_table, page)
        layout.addWidget(self.hold_panel)
        self.recent_panel = RecentViewsPanel(page)
        layout.addWidget(self.recent_panel)
        self.hold_panel.add_source(
            self.recent_panel.table, lambda p: [v.product_id for v in p.recent_views]
        )
        self.together_panel = TogetherPanel(self.tr("Often bought together with this cart"), page)
        layout.addWidget(self.together_panel)
        layout.addStretch(1)  # spare height below everything, not inside a table
        return page

    def _build_notes(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.notes_list = QListWidget(page)
        self.notes_list.setWordWrap(True)
        self.notes_list.setAlternatingRowColors(True)
        layout.addWidget(self.notes_list, 1)
        self.note_edit = QPlainTextEdit(page)
        self.note_edit.setPlaceholderText(self.tr("Write a note about this visit…"))
        self.note_edit.setFixedHeight(72)
        self.note_edit.textChanged.connect(self._note_text_did_change)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SAVE_MS)
        self._draft_timer.timeout.connect(self.flush_note_draft)
        self._draft_for: str | None = None
        layout.addWidget(self.note_edit)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_note_button = QPushButton(self.tr("Add note (Ctrl+Enter)"), page)
        self.add_note_button.clicked.connect(self._request_note)
        row.addWidget(self.add_note_button)
        layout.addLayout(row)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.note_edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._request_note)
        return page

    # -- showing ------------------------------------------------------------------------

    def show_profile(self, profile: CustomerProfile | None) -> None:
        """Render `profile`; the tab and an unsent draft stay when it is the same customer."""
        same_customer = (
            profile is not None and self.profile is not None and profile.id == self.profile.id
        )
        self.profile = profile
        if profile is None:
            self._stack.setCurrentIndex(0)
            return
        if not same_customer:
            self.flush_note_draft()  # the previous customer's note, as typed so far
            self.set_note_text("")
            self.tabs.setCurrentIndex(self.CART_TAB if profile.cart else self.PURCHASES_TAB)
        self._show_header(profile)
        self._show_orders(profile.orders)
        self._show_cart(profile.cart)
        self.recent_panel.show_views(profile.recent_views)
        self.hold_panel.show_profile(profile)
        self.together_panel.show_suggestions(profile.together)
        self._show_notes(profile.notes)
        self.timeline_view.set_entries(profile.timeline)
        self.tabs.setTabText(
            self.TIMELINE_TAB, self.tr("Timeline (%1)").replace("%1", str(len(profile.timeline)))
        )
        self.followup_list.show_followups(profile.followups)
        self.tabs.setTabText(
            self.FOLLOWUPS_TAB,
            self.tr("Follow-ups (%1)").replace("%1", str(len(profile.followups))),
        )
        self._stack.setCurrentIndex(1)

    def _show_header(self, p: CustomerProfile) -> None:
        self.avatar.setText(initials(p.display_name))
        self.name_label.setText(p.display_name + ("  …" if p.pending_fields else ""))
        self.name_label.setToolTip(self.tr("[pending sync]") if p.pending_fields else "")
        self.stage_badge.set_value(p.lifecycle_stage, stage_label(p.lifecycle_stage))
        self.tier_badge.set_value((p.loyalty_tier or "none").lower(), tier_label(p.loyalty_tier))
        granted = {c.channel: c for c in p.consents}
        for channel, badge in self.consent_badges.items():
            consent = granted.get(channel)
            ok = consent is not None and consent.granted
            mark = "✓" if ok else "✗"
            pending = " …" if consent is not None and consent.pending else ""
            badge.set_value(
                "granted" if ok else "refused", f"{mark} {contact_channel_label(channel)}{pending}"
            )
            if consent is not None and consent.at is not None:
                tip = (
                    self.tr("Agreed to be contacted, %1")
                    if ok
                    else self.tr("Did not agree to be contacted, %1")
                )
                badge.setToolTip(tip.replace("%1", local_time(consent.at)))
            else:
                badge.setToolTip(self.tr("No consent recorded: do not contact on this channel"))
            if pending:
                badge.setToolTip(badge.toolTip() + "\n" + self.tr("[pending sync]"))
        self.value_label.setText(money_text(p.clv_minor, p.currency))
        self.points_label.setText(whole_number(p.loyalty_points))
        self.channel_label.setText(contact_channel_label(p.preferred_channel))
        self.language_label.setText(language_name(p.language))
        self.store_label.setText(p.home_store_name or "—")
        self._show_home_store_badge(p)
        parts = [display(phone) for phone in p.phones] + list(p.emails)
        if p.loyalty_card:
            parts.append(self.tr("Card %1").replace("%1", p.loyalty_card))
        contact = "   ·   ".join(parts) or self.tr("No contact details")
        lines = [contact, preferences_summary(p.preferences, p.learned_sizes)]
        if p.refused:
            refused = self.tr("The hub refused a change: %1").replace("%1", p.refused[-1])
            lines.append(f"⚠ {refused}")
        self.contact_label.setText("\n".join(line for line in lines if line))

    def _show_home_store_badge(self, p: CustomerProfile) -> None:
        """Another store's customer (looked up on the hub) is marked plainly: their
        tasks and follow-ups belong to their home store, and the lookup expires."""
        badge = self.home_store_badge
        if not p.other_store:
            badge.hide()
            badge.setAccessibleName("")
            return
        if p.home_store_name:
            text = self.tr("Other store · home store: %1").replace("%1", p.home_store_name)
        else:
            text = self.tr("Other store")
        badge.set_value("other", text)
        badge.setAccessibleName(text)
        tip = self.tr(
            "A customer of another store, looked up on the hub. Notes and visits logged "
            "here reach their home store."
        )
        if p.looked_up:
            tip += "\n" + self.tr("Refreshed from the hub while the lookup lasts (30 days).")
        badge.setToolTip(tip)
        badge.show()

    def _show_orders(self, orders: list[OrderView]) -> None:
        self.tabs.setTabText(
            self.PURCHASES_TAB, self.tr("Purchases (%1)").replace("%1", str(len(orders)))
        )
        self.orders_tree.clear()
        for order in orders:
            item = QTreeWidgetItem(
                [
                    local_date(order.placed_at),
                    sales_channel_label(order.channel),
                    order.store_name or "—",
                    order_status_label(order.status, channel=order.channel),
                    money_text(order.total_minor, order.currency),
                ]
            )
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for line in order.lines:
                text = f"{line.qty} × {line.name}"
                if line.returned_qty:
                    text += "  " + self.tr("(%1 returned)").replace("%1", str(line.returned_qty))
                child = QTreeWidgetItem(
                    [
                        "",
                        text,
                        "",
                        "",
                        money_text(line.unit_price_minor * line.qty, order.currency),
                    ]
                )
                child.setToolTip(1, line.sku)
                child.setTextAlignment(
                    4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                item.addChild(child)
            self.orders_tree.addTopLevelItem(item)
        first = self.orders_tree.topLevelItem(0)
        if first is not None:
            first.setExpanded(True)

    def _show_cart(self, cart: CartView | None) -> None:
        count = sum(line.qty for line in cart.lines) if cart else 0
        self.tabs.setTabText(self.CART_TAB, self.tr("Online cart (%1)").replace("%1", str(count)))
        self.cart_table.setRowCount(0)
        if cart is None:
            self.cart_summary.setText(self.tr("No online cart right now."))
            self.cart_total.setText("")
            self._fit_cart_rows(0)
            return
        status = cart_status_label(cart.status)
        if cart.status == "abandoned" and cart.checkout_step:
            step = checkout_step_label(cart.checkout_step)
            status = self.tr("Abandoned at %1").replace("%1", step)
        elif cart.checkout_step:
            status = (
                self.tr("%1, at %2")
                .replace("%1", status)
                .replace("%2", checkout_step_label(cart.checkout_step))
            )
        self.cart_summary.setText(
            self.tr("%1 · updated %2")
            .replace("%1", status)
            .replace("%2", local_time(cart.updated_at))
        )
        self.cart_table.setRowCount(len(cart.lines))
        for row, line in enumerate(cart.lines):
            stock = stock_here_text(line.stock_here)
            coming = line.incoming_here
            if coming is not None and line.stock_here is not None and line.stock_here <= 0:
                stock = f"{stock} · {incoming_text(coming.units, coming.on)}"
            cells = [
                line.name,
                variant_text(line.size, line.colour),
                line.sku,
                str(line.qty),
                money_text(line.unit_price_minor, cart.currency),
                stock,
                _count_text(line.stock_other_stores),
                _count_text(line.stock_web),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setToolTip(self.tr("SKU %1").replace("%1", line.sku))
                if column >= 3:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 5:
                    cell.setData(Qt.ItemDataRole.UserRole, line.stock_here)
                if column == CART_OTHER_STORES and line.other_stores:
                    cell.setToolTip(other_stores_tip(line.other_stores))
                self.cart_table.setItem(row, column, cell)
        # The size/colour column only when a line has one: the names keep the width.
        self.cart_table.setColumnHidden(1, not any(ln.size or ln.colour for ln in cart.lines))
        self._fit_cart_rows(len(cart.lines))
        self.cart_total.setText(
            self.tr("Total %1").replace("%1", money_text(cart.total_minor, cart.currency))
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.cart_table and event.type() == QEvent.Type.Resize:
            self.cart_table.setColumnHidden(CART_SKU, self.cart_table.width() < CART_SKU_HIDE_BELOW)
        return super().eventFilter(watched, event)

    def _fit_cart_rows(self, rows: int) -> None:
        """Room for the first few lines of the cart whole, so the suggestions below never
        squeeze a line in half, and no more than the lines need (the recently viewed
        products follow right below); longer carts scroll."""
        table = self.cart_table
        row_height = table.verticalHeader().defaultSectionSize()
        top = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        table.setMinimumHeight(top + min(rows, CART_ROWS_ALWAYS_SHOWN) * row_height)
        table.setMaximumHeight(top + min(rows, CART_ROWS_AT_MOST) * row_height)

    def _show_notes(self, notes: list[NoteView]) -> None:
        self.tabs.setTabText(self.NOTES_TAB, self.tr("Notes (%1)").replace("%1", str(len(notes))))
        self.notes_list.clear()
        for note in notes:
            byline = f"— {note.author_name}, {local_time(note.created_at)}"
            if note.pending:
                byline += "   " + self.tr("[pending sync]")
            item = QListWidgetItem(f"{note.text}\n{byline}")
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.notes_list.addItem(item)

    # -- actions ------------------------------------------------------------------------

    def _request_note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if self.profile is None or not text:
            return
        self.note_will_add.emit(self.profile.id, text)

    def request_appointment(self) -> None:
        if self.profile is not None:
            self.appointment_will_book.emit(self.profile.id)

    def _request_visit(self) -> None:
        if self.profile is not None:
            self.visit_will_log.emit(self.profile.id)

    def note_did_add(self) -> None:
        """The window calls this once the note is saved (which also dropped its draft)."""
        self._draft_timer.stop()
        self.set_note_text("")

    def set_note_text(self, text: str) -> None:
        """Put `text` in the note box without counting it as typing (no draft save)."""
        self.note_edit.blockSignals(True)
        try:
            self.note_edit.setPlainText(text)
        finally:
            self.note_edit.blockSignals(False)

    def restore_note_draft(self, customer_id: str, text: str) -> None:
        """A draft kept from before: shown if this customer is still open and the box is
        still empty (never over what is being typed)."""
        showing = self.profile is not None and self.profile.id == customer_id
        if showing and text and not self.note_edit.toPlainText():
            self.set_note_text(text)

    def _note_text_did_change(self) -> None:
        if self.profile is not None:
            self._draft_for = self.profile.id
            self._draft_timer.start()

    def flush_note_draft(self) -> None:
        """Send the pending draft now (switching customer, closing the window)."""
        if self._draft_for is None:
            return
        self._draft_timer.stop()
        customer_id, self._draft_for = self._draft_for, None
        self.note_draft_did_change.emit(customer_id, self.note_edit.toPlainText())

    def request_edit(self) -> None:
        if self.profile is not None:
            self.edit_will_open.emit(self.profile.id)

    def _request_export(self) -> None:
        if self.profile is not None:
            self.export_will_start.emit(self.profile.id)

    def show_followup(self, followup_id: str) -> None:
        """The Follow-ups tab, with the follow-up a reply in the timeline answers."""
        self.tabs.setCurrentIndex(self.FOLLOWUPS_TAB)
        self.followup_list.select(followup_id)

    def compose_followup(self) -> None:
        if self.profile is not None:
            self.followup_will_compose.emit(self.profile.id)

    def focus_note(self) -> None:
        if self.profile is not None:
            self.tabs.setCurrentIndex(self.NOTES_TAB)
            self.note_edit.setFocus()
