"""The manager's store dashboard: journey figures for a store and period, compared with
the previous period and the chain average, with a "?" on every number that says how it is
computed. The figures come from the hub on the network pool; offline, the copy kept from
the last time is shown with its "as of" time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.metrics import Period, change, last_days, month_period
from clienteling.terminal.facade import Terminal
from clienteling.terminal.views import (
    AssociateTaskFigures,
    ChannelGroupFigures,
    DashboardResult,
    PeriodFigures,
    StoreDashboard,
)
from clienteling.ui.charts import BarChart
from clienteling.ui.dashboard_export import export_csv, export_pdf
from clienteling.ui.drilldown_dialog import DrillDownDialog, period_of
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.hold_labels import offer_kind_label
from clienteling.ui.labels import (
    contact_channel_label,
    decimal_number,
    local_time,
    money_text,
    stage_label,
    template_label,
    whole_number,
)
from clienteling.ui.metric_help import funnel_step_label, metric_help, touchpoint_label
from clienteling.ui.operations import Pool, run_in_background
from clienteling.ui.visit_labels import reason_label

PERIODS = ("month", "30", "90", "365", "custom")
CARD_FIGURES = {
    "in_store_revenue": "in_store_orders",
    "in_store_orders": "in_store_orders",
    "online_revenue": "online_orders",
    "attributed_revenue": "attributed_orders",
    "new_customers": "new_customers",
}
"""The drill-down figure behind each headline card (revenue cards list their orders)."""
NO_ASSOCIATE = "none"  # the hub's key for purchases no associate was credited for
MAX_MOVES = 8  # the most common changes of stage


def percent(value: float | None, *, signed: bool = False) -> str:
    if value is None:
        return "—"
    text = f"{value * 100:+.0f} %" if signed else f"{value * 100:.0f} %"
    return text.replace("-", "−")


class KpiCard(QFrame):
    """One headline number, its change on the previous period and the chain average."""

    def __init__(self, title: str, help_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.help_key = help_key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        self.title = QLabel(title, self)
        self.title.setObjectName("kpiTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.help_button = help_button(help_key, self)
        top.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.value = QLabel("—", self)
        self.value.setObjectName("kpiValue")
        layout.addWidget(self.value)
        self.detail = QLabel(self)
        self.detail.setObjectName("kpiDetail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self.list_button = QToolButton(self)
        self.list_button.setText(self.tr("List…"))
        self.list_button.setAutoRaise(True)
        self.list_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.list_button.setObjectName("drillButton")
        self.list_button.setAccessibleName(self.tr("List what %1 counts").replace("%1", title))
        self.list_button.setVisible(False)
        layout.addWidget(self.list_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_figure(self, value: str, *, vs_previous: float | None, chain: str) -> None:
        self.value.setText(value)
        self.detail.setText(
            self.tr("%1 on the previous period · chain average %2")
            .replace("%1", percent(vs_previous, signed=True))
            .replace("%2", chain)
        )
        self.setAccessibleName(f"{self.title.text()}: {value}")


def help_button(key: str, parent: QWidget) -> QToolButton:
    """The "?" that explains how a number is computed (click, or hover)."""
    button = QToolButton(parent)
    button.setText("?")
    button.setObjectName("metricHelp")
    text = metric_help(key)
    button.setToolTip(text)
    button.setAccessibleName(text)
    button.clicked.connect(
        lambda: QToolTip.showText(
            button.mapToGlobal(button.rect().center()), button.toolTip(), button
        )
    )
    return button


class DashboardView(QWidget):
    """A top-level window; `dashboard_did_show` fires after each figures update."""

    dashboard_did_show = Signal()
    customer_chosen = Signal(str)  # from a drill-down list: open this profile

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.terminal = terminal
        self.result: DashboardResult | None = None
        self.drilldown: DrillDownDialog | None = None
        self._drill_rows: dict[QTableWidget, list[tuple[str, str | None, str]]] = {}
        self._seq = 0
        self._today = date.today()
        self.section_help: dict[str, QToolButton] = {}  # each section's "?", by help key
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Store dashboard"))
        self.resize(1180, 860)
        self._build()
        for keys, slot in (("F5", self.refresh), ("Ctrl+W", self.close), ("Esc", self.close)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        bar = QHBoxLayout()
        self.store_combo = QComboBox(self)
        self.store_combo.setAccessibleName(self.tr("Store"))
        self.store_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.store_combo.setMinimumWidth(180)
        self.store_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        store_label = QLabel(self.tr("&Store"), self)
        store_label.setBuddy(self.store_combo)
        bar.addWidget(store_label)
        bar.addWidget(self.store_combo)
        self.period_combo = QComboBox(self)
        for key, text in zip(
            PERIODS,
            (
                self.tr("This month"),
                self.tr("Last 30 days"),
                self.tr("Last 90 days"),
                self.tr("Last 12 months"),
                self.tr("Custom dates"),
            ),
            strict=True,
        ):
            self.period_combo.addItem(text, key)
        self.period_combo.setCurrentIndex(1)
        period_label = QLabel(self.tr("&Period"), self)
        period_label.setBuddy(self.period_combo)
        bar.addWidget(period_label)
        bar.addWidget(self.period_combo)
        self.start_edit = QDateEdit(self)
        self.end_edit = QDateEdit(self)
        for edit, name in ((self.start_edit, self.tr("From")), (self.end_edit, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self._custom_dates_changed())
            bar.addWidget(edit)
        self.period_combo.currentIndexChanged.connect(lambda _i: self._period_changed())
        bar.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.csv_button.clicked.connect(self._export_csv)
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.pdf_button.clicked.connect(self._export_pdf)
        for button in (self.refresh_button, self.csv_button, self.pdf_button):
            bar.addWidget(button)
        outer.addLayout(bar)
        self.as_of = QLabel(self)
        self.as_of.setObjectName("asOf")
        self.as_of.setWordWrap(True)
        outer.addWidget(self.as_of)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page = QWidget(scroll)
        self.page.setObjectName("dashboardPage")
        page = QVBoxLayout(self.page)
        page.setContentsMargins(0, 4, 0, 4)
        self.heading = QLabel(self.page)
        self.heading.setObjectName("dashboardHeading")
        page.addWidget(self.heading)
        cards = QGridLayout()
        self.cards = {
            "in_store_revenue": KpiCard(self.tr("In-store revenue"), "in_store_revenue"),
            "in_store_orders": KpiCard(self.tr("In-store purchases"), "in_store_orders"),
            "online_revenue": KpiCard(self.tr("Online revenue of our customers"), "online_revenue"),
            "attributed_revenue": KpiCard(
                self.tr("Online revenue credited to the store"), "attributed_revenue"
            ),
            "new_customers": KpiCard(self.tr("New customers"), "new_customers"),
        }
        for index, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, index)
            cards.setColumnStretch(index, 1)
        for key, figure in CARD_FIGURES.items():
            card = self.cards[key]
            card.list_button.setVisible(True)
            card.list_button.clicked.connect(
                lambda _checked=False, f=figure, c=card: self.open_drilldown(
                    f, None, c.title.text()
                )
            )
        page.addLayout(cards)

        journey = QHBoxLayout()
        funnel_box, funnel_layout = self._section(self.tr("From visit to online order"), "funnel")
        self.funnel_chart = BarChart(self.page, horizontal=True)
        funnel_layout.addWidget(self.funnel_chart)
        self.funnel_table = _table(
            self.page,
            [self.tr("Step"), self.tr("Count"), self.tr("Rate"), self.tr("Previous period")],
        )
        funnel_layout.addWidget(self.funnel_table)
        journey.addWidget(funnel_box, 3)
        reasons_box, reasons_layout = self._section(
            self.tr("Why visitors left without buying"), "reasons"
        )
        self.reasons_table = _table(
            self.page,
            [self.tr("Reason"), self.tr("Visits"), self.tr("Share"), self.tr("Previous period")],
        )
        reasons_layout.addWidget(self.reasons_table)
        reasons_layout.addStretch(1)
        journey.addWidget(reasons_box, 2)
        page.addLayout(journey)

        middle = QHBoxLayout()
        lifecycle_box, lifecycle_layout = self._section(
            self.tr("Customers by lifecycle stage"), "lifecycle"
        )
        self.stage_chart = BarChart(self.page)
        lifecycle_layout.addWidget(self.stage_chart)
        self.stages_table = _table(self.page, [self.tr("Stage"), self.tr("Customers")])
        lifecycle_layout.addWidget(self.stages_table)
        self.moves_table = _table(self.page, [self.tr("Change of stage"), self.tr("Customers")])
        lifecycle_layout.addWidget(self.moves_table)
        middle.addWidget(lifecycle_box, 1)
        omni_box, omni_layout = self._section(self.tr("Omnichannel value"), "omnichannel")
        self.uplift_label = QLabel(self.page)
        self.uplift_label.setObjectName("uplift")
        self.uplift_label.setWordWrap(True)
        omni_layout.addWidget(self.uplift_label)
        self.omni_table = _table(
            self.page,
            [
                self.tr("Figure"),
                self.tr("Omnichannel"),
                self.tr("Single channel"),
                self.tr("Studies"),
            ],
        )
        omni_layout.addWidget(self.omni_table)
        self.omni_chart = BarChart(self.page)
        omni_layout.addWidget(self.omni_chart)
        middle.addWidget(omni_box, 1)
        page.addLayout(middle)

        voice = QHBoxLayout()
        feedback_box, feedback_layout = self._section(self.tr("Feedback by touchpoint"), "feedback")
        self.response_label = QLabel(self.page)
        self.response_label.setWordWrap(True)
        feedback_layout.addWidget(self.response_label)
        self.feedback_table = _table(
            self.page,
            [self.tr("Touchpoint"), self.tr("Buyers"), self.tr("Non-buyers")],
        )
        feedback_layout.addWidget(self.feedback_table)
        feedback_layout.addStretch(1)
        voice.addWidget(feedback_box, 2)
        comments_box, comments_layout = self._section(self.tr("Latest comments"), "comments")
        self.comments_table = _table(
            self.page, [self.tr("Comment"), self.tr("Touchpoint"), self.tr("Score")]
        )
        comments_layout.addWidget(self.comments_table)
        comments_layout.addStretch(1)
        voice.addWidget(comments_box, 3)
        page.addLayout(voice)

        effect_box, effect_layout = self._section(
            self.tr("Follow-ups by template and channel"), "followup_effects"
        )
        self.effects_table = _table(
            self.page,
            [
                self.tr("Template"),
                self.tr("Channel"),
                self.tr("Sent"),
                self.tr("Opened"),
                self.tr("Clicked"),
                self.tr("Ordered"),
                self.tr("Revenue"),
            ],
        )
        effect_layout.addWidget(self.effects_table)
        page.addWidget(effect_box)

        people_box, people_layout = self._section(
            self.tr("In-store sales per associate"), "associates"
        )
        self.associates_table = _table(
            self.page,
            [
                self.tr("Associate"),
                self.tr("Purchases"),
                self.tr("Revenue"),
                self.tr("Customers"),
                self.tr("Share"),
            ],
        )
        people_layout.addWidget(self.associates_table)
        page.addWidget(people_box)

        follow_through = QHBoxLayout()
        tasks_box, tasks_layout = self._section(self.tr("Tasks per associate"), "tasks")
        self.tasks_table = _table(
            self.page,
            [
                self.tr("Associate"),
                self.tr("Tasks"),
                self.tr("Done"),
                self.tr("Done rate"),
                self.tr("On time"),
                self.tr("Dismissed"),
            ],
        )
        tasks_layout.addWidget(self.tasks_table)
        tasks_layout.addStretch(1)
        follow_through.addWidget(tasks_box, 3)
        offers_box, offers_layout = self._section(self.tr("Offers"), "offers")
        self.offers_label = QLabel(self.page)
        self.offers_label.setWordWrap(True)
        offers_layout.addWidget(self.offers_label)
        self.offers_table = _table(
            self.page,
            [self.tr("Offer"), self.tr("Issued"), self.tr("Redeemed"), self.tr("Rate")],
        )
        offers_layout.addWidget(self.offers_table)
        offers_layout.addStretch(1)
        follow_through.addWidget(offers_box, 2)
        page.addLayout(follow_through)
        hint = QLabel(
            self.tr(
                "Enter or a double-click on a row of the funnel, reasons, stages or "
                "associates lists the customers behind it."
            ),
            self.page,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        page.addWidget(hint)
        for table in (
            self.funnel_table,
            self.reasons_table,
            self.stages_table,
            self.associates_table,
        ):
            table.activated.connect(lambda index, t=table: self._drill_into(t, index.row()))
        page.addStretch(1)
        scroll.setWidget(self.page)
        outer.addWidget(scroll, 1)

    def _section(self, title: str, help_key: str) -> tuple[QFrame, QVBoxLayout]:
        box = QFrame(self.page)
        box.setObjectName("dashboardSection")
        layout = QVBoxLayout(box)
        top = QHBoxLayout()
        label = QLabel(title, box)
        label.setObjectName("sectionTitle")
        top.addWidget(label, 1)
        self.section_help[help_key] = help_button(help_key, box)
        top.addWidget(self.section_help[help_key])
        layout.addLayout(top)
        return box, layout

    # -- choosing what to show -------------------------------------------------------

    def start(self) -> None:
        """Fill the store picker (admins choose; others see their store) and load."""
        session = self.terminal.session
        terminal = self.terminal

        def got(answer: tuple[list[tuple[str, str]], date]) -> None:
            stores, today = answer
            self._today = today
            self.store_combo.blockSignals(True)
            self.store_combo.clear()
            own = session.store_id if session else None
            for store_id, name in stores:
                if (session is not None and session.role == "admin") or store_id == own:
                    self.store_combo.addItem(name, store_id)
            index = self.store_combo.findData(own)
            self.store_combo.setCurrentIndex(max(0, index))
            self.store_combo.setEnabled(session is not None and session.role == "admin")
            self.store_combo.blockSignals(False)
            self._set_custom_range(self.period())
            self.refresh()

        run_in_background(
            lambda: (terminal.stores(), terminal.store_today()), success=got, parent=self
        )

    def period(self) -> Period:
        key = self.period_combo.currentData()
        if key == "month":
            return month_period(self._today)
        if key == "custom":
            start, end = _to_date(self.start_edit.date()), _to_date(self.end_edit.date())
            if end < start:
                start, end = end, start
            return Period(start, end + timedelta(days=1))
        return last_days(self._today, int(key))

    def _set_custom_range(self, period: Period) -> None:
        for edit, day in (
            (self.start_edit, period.start),
            (self.end_edit, period.end - timedelta(days=1)),
        ):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _period_changed(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.start_edit.setEnabled(custom)
        self.end_edit.setEnabled(custom)
        if not custom:
            self._set_custom_range(self.period())
        self.refresh()

    def _custom_dates_changed(self) -> None:
        if self.period_combo.currentData() == "custom":
            self.refresh()

    def refresh(self) -> None:
        store_id = self.store_combo.currentData()
        if store_id is None:
            return
        period = self.period()
        self._seq += 1
        seq = self._seq
        terminal = self.terminal
        self.as_of.setText(self.tr("Loading the figures…"))
        run_in_background(
            lambda: terminal.store_dashboard(
                start=period.start, end=period.end - timedelta(days=1), store_id=store_id
            ),
            success=lambda result: self._answer(seq, result),
            failure=lambda exc: self._failed(seq, exc),
            parent=self,
            on=Pool.NETWORK,
        )

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        log_error(exc)
        self.as_of.setText(error_text(exc))
        self.dashboard_did_show.emit()

    def _answer(self, seq: int, result: DashboardResult) -> None:
        if seq == self._seq:
            self.show_result(result)

    # -- showing ----------------------------------------------------------------------

    def show_result(self, result: DashboardResult) -> None:
        self.result = result
        board = result.board
        when = local_time(result.as_of)
        if result.from_cache:
            self.as_of.setText(
                self.tr("Offline: these are the figures kept from %1.").replace("%1", when)
            )
        else:
            self.as_of.setText(self.tr("As of %1").replace("%1", when))
        last_day = date.fromisoformat(board.end) - timedelta(days=1)
        self.heading.setText(
            self.tr("%1 · %2 to %3")
            .replace("%1", board.store_name)
            .replace("%2", _day(date.fromisoformat(board.start)))
            .replace("%3", _day(last_day))
        )
        self._show_cards(board)
        self._show_funnel(board)
        self._show_lifecycle(board)
        self._show_omnichannel(board)
        self._show_associates(board)
        self._show_feedback(board)
        self._show_followup_effects(board)
        self._show_tasks_and_offers(board)
        self.dashboard_did_show.emit()

    def _show_cards(self, board: StoreDashboard) -> None:
        money: Callable[[float], str] = lambda minor: money_text(round(minor), board.currency)  # noqa: E731
        now, before, chain = board.current, board.previous, board.chain_average
        rows: list[tuple[str, Callable[[PeriodFigures], float], Callable[[float], str]]] = [
            ("in_store_revenue", lambda f: f.in_store.revenue_minor, money),
            ("in_store_orders", lambda f: f.in_store.orders, lambda v: whole_number(int(v))),
            ("online_revenue", lambda f: f.online.revenue_minor, money),
            ("attributed_revenue", lambda f: f.attributed_online.revenue_minor, money),
            ("new_customers", lambda f: f.new_customers, lambda v: whole_number(int(v))),
        ]
        for key, pick, show in rows:
            self.cards[key].show_figure(
                show(pick(now)),
                vs_previous=change(pick(now), pick(before)),
                chain=show(pick(chain)),
            )

    def _show_funnel(self, board: StoreDashboard) -> None:
        explained = metric_help("funnel", attribution_window_days=board.attribution_window_days)
        self.section_help["funnel"].setToolTip(explained)  # the hub's attribution window
        self.section_help["funnel"].setAccessibleName(explained)
        steps = board.funnel
        self.funnel_chart.set_bars(
            [funnel_step_label(s.step) for s in steps],
            [
                (self.tr("This period"), [float(s.count) for s in steps]),
                (self.tr("Previous period"), [float(s.previous_count) for s in steps]),
            ],
            labels=False,  # visits dwarf the follow-up steps; the table has the numbers
        )
        rows = []
        for step in steps:
            count = whole_number(step.count)
            if step.revenue_minor is not None:
                count = f"{count} · {money_text(step.revenue_minor, board.currency)}"
            rows.append(
                [
                    funnel_step_label(step.step),
                    count,
                    percent(step.rate),
                    whole_number(step.previous_count),
                ]
            )
        _fill(self.funnel_table, rows)
        self._drill_rows[self.funnel_table] = [
            ("funnel", step.step, funnel_step_label(step.step)) for step in steps
        ]
        self._drill_rows[self.reasons_table] = [
            ("reason", r.reason, reason_label(r.reason)) for r in board.no_purchase_reasons
        ]
        _fill(
            self.reasons_table,
            [
                [
                    reason_label(r.reason),
                    whole_number(r.visits),
                    percent(r.share),
                    whole_number(r.previous_visits),
                ]
                for r in board.no_purchase_reasons
            ],
        )

    def _show_lifecycle(self, board: StoreDashboard) -> None:
        stages = [stage_label(s.stage) for s in board.lifecycle]
        _fill(
            self.stages_table,
            [[stage_label(s.stage), whole_number(s.customers)] for s in board.lifecycle],
        )
        self._drill_rows[self.stages_table] = [
            ("stage", s.stage, stage_label(s.stage)) for s in board.lifecycle
        ]
        self.stage_chart.set_bars(
            stages, [(self.tr("Customers"), [float(s.customers) for s in board.lifecycle])]
        )
        rows = [
            [
                self.tr("%1 → %2")
                .replace(
                    "%1", self.tr("Joined") if m.from_stage == "new" else stage_label(m.from_stage)
                )
                .replace("%2", stage_label(m.to_stage)),
                whole_number(m.customers),
            ]
            for m in board.lifecycle_moves[:MAX_MOVES]
        ]
        _fill(self.moves_table, rows)

    def _show_omnichannel(self, board: StoreDashboard) -> None:
        omni = board.omnichannel

        def value(group: ChannelGroupFigures) -> str:
            if group.average_value_minor is None:
                return "—"
            return money_text(round(group.average_value_minor), board.currency)

        def per_year(group: ChannelGroupFigures) -> str:
            return "—" if group.orders_per_year is None else decimal_number(group.orders_per_year)

        uplift = omni.value_uplift
        if uplift is None:
            self.uplift_label.setText(
                self.tr("Not enough purchases yet to compare omnichannel customers.")
            )
        else:
            self.uplift_label.setText(
                self.tr(
                    "Here, customers who buy in store and online are worth %1 more than "
                    "single-channel customers (studies: about %2)."
                )
                .replace("%1", percent(uplift))
                .replace("%2", percent(omni.published_value_uplift))
            )
        _fill(
            self.omni_table,
            [
                [
                    self.tr("Customers"),
                    whole_number(omni.omnichannel.customers),
                    whole_number(omni.single_channel.customers),
                    "",
                ],
                [
                    self.tr("Average customer value"),
                    value(omni.omnichannel),
                    value(omni.single_channel),
                    self.tr("+%1").replace("%1", percent(omni.published_value_uplift)),
                ],
                [
                    self.tr("Retention within 12 months"),
                    percent(omni.omnichannel.retention_rate),
                    percent(omni.single_channel.retention_rate),
                    f"{percent(omni.published_retention_omnichannel)} / "
                    f"{percent(omni.published_retention_single_channel)}",
                ],
                [
                    self.tr("Purchases per customer per year"),
                    per_year(omni.omnichannel),
                    per_year(omni.single_channel),
                    "",
                ],
            ],
        )
        self.omni_chart.set_bars(
            [self.tr("Retention, %")],
            [
                (
                    self.tr("Omnichannel"),
                    [round(100 * (omni.omnichannel.retention_rate or 0.0))],
                ),
                (
                    self.tr("Single channel"),
                    [round(100 * (omni.single_channel.retention_rate or 0.0))],
                ),
            ],
            maximum=100,
        )

    def _show_associates(self, board: StoreDashboard) -> None:
        rows = [
            [
                a.display_name,
                whole_number(a.orders),
                money_text(a.revenue_minor, board.currency),
                whole_number(a.customers),
                percent(a.revenue_share),
            ]
            for a in board.associates
        ]
        targets: list[tuple[str, str | None, str]] = [
            ("associate", a.associate_id, a.display_name) for a in board.associates
        ]
        rest = board.unattributed_in_store
        if rest.orders:
            targets.append(("associate", NO_ASSOCIATE, self.tr("Not credited to an associate")))
            total = board.current.in_store.revenue_minor
            rows.append(
                [
                    self.tr("Not credited to an associate"),
                    whole_number(rest.orders),
                    money_text(rest.revenue_minor, board.currency),
                    whole_number(rest.customers),
                    percent(rest.revenue_minor / total if total else None),
                ]
            )
        _fill(self.associates_table, rows)
        self._drill_rows[self.associates_table] = targets

    def _show_feedback(self, board: StoreDashboard) -> None:
        self.response_label.setText(
            self.tr("%1 surveys answered (%2 of the visits and follow-ups of the period).")
            .replace("%1", whole_number(board.surveys_answered))
            .replace("%2", percent(board.survey_response_rate))
        )
        by_point: dict[str, dict[bool | None, tuple[int, float | None]]] = {}
        for item in board.feedback:
            by_point.setdefault(item.touchpoint, {})[item.buyer] = (
                item.answers,
                item.average_score,
            )

        def cell(point: str, buyer: bool) -> str:
            answers, score = by_point.get(point, {}).get(buyer, (0, None))
            if not answers:
                return "—"
            shown = "—" if score is None else f"{decimal_number(score)} / 5"
            return (
                self.tr("%1 (%2 answers)").replace("%1", shown).replace("%2", whole_number(answers))
            )

        _fill(
            self.feedback_table,
            [[touchpoint_label(p), cell(p, True), cell(p, False)] for p in by_point],
        )
        _fill(
            self.comments_table,
            [
                [c.text, touchpoint_label(c.touchpoint), "—" if c.score is None else str(c.score)]
                for c in board.latest_comments
            ],
        )

    def _show_followup_effects(self, board: StoreDashboard) -> None:
        _fill(
            self.effects_table,
            [
                [
                    template_label(e.template),
                    contact_channel_label(e.channel),
                    whole_number(e.sent),
                    whole_number(e.opened),
                    whole_number(e.clicked),
                    whole_number(e.converted),
                    money_text(e.revenue_minor, board.currency),
                ]
                for e in board.followup_effects
            ],
        )

    def _show_tasks_and_offers(self, board: StoreDashboard) -> None:
        tasks = board.tasks
        people = [] if tasks is None else [*tasks.associates, tasks.total]

        def name(figures: AssociateTaskFigures) -> str:
            if tasks is not None and figures is tasks.total:
                return self.tr("Whole store")
            if figures.associate_id is None:
                return self.tr("Not done yet, nobody assigned")
            return figures.display_name

        _fill(
            self.tasks_table,
            [
                [
                    name(f),
                    whole_number(f.created),
                    whole_number(f.done),
                    percent(f.completion_rate),
                    percent(f.on_time_rate),
                    whole_number(f.dismissed),
                ]
                for f in people
            ],
        )
        offers = board.offers
        self.offers_label.setText(
            self.tr("%1 offers issued, %2 redeemed (%3 in store, %4 online).")
            .replace("%1", whole_number(offers.issued))
            .replace("%2", whole_number(offers.redeemed))
            .replace("%3", whole_number(offers.redeemed_in_store))
            .replace("%4", whole_number(offers.redeemed_online))
        )
        _fill(
            self.offers_table,
            [
                [
                    offer_kind_label(k.kind),
                    whole_number(k.issued),
                    whole_number(k.redeemed),
                    percent(k.redeemed / k.issued if k.issued else None),
                ]
                for k in offers.kinds
            ],
        )

    # -- export -----------------------------------------------------------------------

    def tables(self) -> dict[str, QTableWidget]:
        return {
            "funnel": self.funnel_table,
            "no_purchase_reasons": self.reasons_table,
            "lifecycle": self.stages_table,
            "lifecycle_moves": self.moves_table,
            "omnichannel": self.omni_table,
            "associates": self.associates_table,
            "feedback": self.feedback_table,
            "latest_comments": self.comments_table,
            "followup_effects": self.effects_table,
            "tasks": self.tasks_table,
            "offers": self.offers_table,
        }

    # -- drill-down -------------------------------------------------------------------

    def _drill_into(self, table: QTableWidget, row: int) -> None:
        targets = self._drill_rows.get(table, [])
        if 0 <= row < len(targets):
            figure, key, title = targets[row]
            self.open_drilldown(figure, key, title)

    def open_drilldown(self, figure: str, key: str | None, title: str) -> DrillDownDialog | None:
        """The visits, follow-ups, orders or customers behind one number of the figures
        shown (nothing before the first figures arrive)."""
        if self.result is None:
            return None
        board = self.result.board
        last_day = date.fromisoformat(board.end) - timedelta(days=1)
        heading = (
            self.tr("%1 · %2 to %3")
            .replace("%1", title)
            .replace("%2", _day(date.fromisoformat(board.start)))
            .replace("%3", _day(last_day))
        )
        dialog = DrillDownDialog(
            self.terminal,
            figure=figure,
            key=key,
            title=heading,
            store_id=board.store_id,
            period=period_of(board.start, board.end),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.customer_chosen.connect(self.customer_chosen)
        self.drilldown = dialog
        dialog.load()
        dialog.open()
        return dialog

    def _export_csv(self) -> None:
        if self.result is not None:
            export_csv(self, self.result.board, self.tables(), self._card_rows())

    def _export_pdf(self) -> None:
        if self.result is not None:
            export_pdf(self, self.result.board, self.page, footer=self.as_of.text())

    def _card_rows(self) -> list[list[str]]:
        return [
            [card.title.text(), card.value.text(), card.detail.text()]
            for card in self.cards.values()
        ]


def _to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _day(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:  # the stretched column: elided where the numbers need the room
                item.setToolTip(text)
            table.setItem(r, c, item)
    height = table.horizontalHeader().height() + sum(
        table.rowHeight(r) for r in range(table.rowCount())
    )
    table.setFixedHeight(height + 4)
