"""Below the cache's results: the search of every store, on the hub.

When the cache finds nobody for an exact phone, email or card, the hub is searched at once
(a scanned card of another store's customer opens their profile in one Enter); for a name,
or when the cache found only a few, the search is offered (Ctrl+Shift+F). The hub finds
other stores' customers only by their exact phone, email or card (hub.lookups). The
search and the pull-in run on the network pool, never on the GUI thread; the state is
always said in a sentence: searching, nothing found, offline.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.lookup_rule import identifier_kind
from clienteling.terminal.facade import Terminal
from clienteling.terminal.views import HubHit
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.operations import Pool, run_in_background
from clienteling.ui.search_model import HubHitsModel
from clienteling.ui.widgets import pick_list

FEW = 2
"""The cache found at most this many: the hub search is offered (for a name, it may be a
customer the first sync has not brought yet)."""


MAX_ROWS_SHOWN = 5


class HubSearchPanel(QWidget):
    customer_did_pull = Signal(str)  # pulled in: the profile can open
    # idle | offer | searching | found | none | offline | pulling | failed
    state_did_change = Signal(str)
    focus_will_leave = Signal()  # Up on the first hub result: back to the search box

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.state = "idle"
        self._query = ""
        self._seq = 0
        self._open_single = False
        self._online: bool | None = None
        self._build()
        self._set_state("idle")

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hubSearchStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.search_button = QPushButton(self.tr("Search all stores (Ctrl+Shift+F)"), self)
        self.search_button.setObjectName("hubSearch")
        self.search_button.setAccessibleName(self.tr("Search all stores on the hub"))
        self.search_button.clicked.connect(lambda: self.search_now())
        row.addWidget(self.status_label, 1)
        row.addWidget(self.search_button)
        layout.addLayout(row)
        self.hits_model = HubHitsModel()
        self.results = QTableView(self)
        self.results.setObjectName("hubResults")
        self.results.setAccessibleName(self.tr("Customers found on the hub"))
        self.results.setModel(self.hits_model)
        pick_list(self.results)
        self.results.horizontalHeader().setSectionResizeMode(
            HubHitsModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        header = self.results.horizontalHeader()
        header.resizeSection(HubHitsModel.STORE, 150)
        header.resizeSection(HubHitsModel.PHONE, 140)
        self.results.setColumnHidden(HubHitsModel.CARD, True)  # what was scanned: known
        self.results.clicked.connect(self._pull_index)
        self.results.installEventFilter(self)
        layout.addWidget(self.results)

    # -- what the window tells us -------------------------------------------------------

    def set_online(self, online: bool | None) -> None:
        self._online = online

    def cache_did_answer(self, query: str, count: int, *, open_single: bool = False) -> None:
        """The cache answered `query` with `count` hits: search the hub at once (nobody
        found by an exact identifier), offer it (a name, or only a few), or step aside."""
        self._seq += 1  # a hub answer to an older query is dropped
        self._query = query.strip()
        self.hits_model.set_hits([])
        if not self._query:
            self._set_state("idle")
        elif count == 0 and identifier_kind(self._query) is not None:
            self._search(open_single=open_single, auto=True)
        elif count <= FEW and identifier_kind(self._query) is None:
            self._set_state("offer")
        else:
            self._set_state("idle")

    def hits(self) -> list[HubHit]:
        return self.hits_model.hits()

    def focus_results(self) -> bool:
        if not self.hits_model.rowCount():
            return False
        self.results.setFocus()
        self.results.selectRow(0)
        return True

    # -- searching ----------------------------------------------------------------------

    def search_now(self, query: str | None = None) -> None:
        """Search every store for `query` (default: the last one the cache answered) on a
        network worker (Ctrl+Shift+F, the button)."""
        if query is not None:
            self._query = query.strip()
        self._search(open_single=False, auto=False)

    def _search(self, *, open_single: bool, auto: bool) -> None:
        if not self._query:
            return
        self._seq += 1
        seq, query = self._seq, self._query
        self._open_single = open_single
        if auto and self._online is False:
            self._set_state("offline")  # known offline: say so at once (the button retries)
            return
        self._set_state("searching")
        terminal = self.terminal
        run_in_background(
            lambda: terminal.search_hub(query),
            success=lambda hits: self._show(seq, hits),
            failure=lambda exc: self._failed(seq, exc),
            parent=self,
            on=Pool.NETWORK,
        )

    def _show(self, seq: int, hits: list[HubHit]) -> None:
        if seq != self._seq:
            return
        self.hits_model.set_hits(hits)
        if hits:
            self.results.selectRow(0)
        self._fit_rows()
        self._set_state("found" if hits else "none")
        if self._open_single and len(hits) == 1:
            self.pull_in(hits[0])
        self._open_single = False

    def _fit_rows(self, most: int = MAX_ROWS_SHOWN) -> None:
        """As tall as its rows (up to `most`, then it scrolls): the cache's list keeps
        the room."""
        rows = max(1, min(self.hits_model.rowCount(), most))
        height = self.results.horizontalHeader().sizeHint().height()
        height += rows * self.results.verticalHeader().defaultSectionSize()
        self.results.setFixedHeight(height + 2 * self.results.frameWidth() + 2)

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        if getattr(exc, "code", None) == "hub_unreachable":
            self._set_state("offline")
            return
        log_error(exc)
        self._set_state("failed", error_text(exc))

    # -- pulling in ---------------------------------------------------------------------

    def _pull_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.pull_in(self.hits_model.hit(index.row()))

    def pull_in(self, hit: HubHit) -> None:
        """Fetch the customer's profile from the hub into the cache, then open it."""
        self._set_state("pulling")
        terminal = self.terminal
        seq = self._seq

        def pulled(customer_id: str) -> None:
            if seq == self._seq:
                self.hits_model.set_hits([])
                self._set_state("idle")
            self.customer_did_pull.emit(customer_id)

        def failed(exc: BaseException) -> None:
            if getattr(exc, "code", None) == "hub_unreachable":
                self._set_state("offline")
                return
            log_error(exc)
            self._set_state("failed", error_text(exc))

        run_in_background(
            lambda: terminal.pull_in(hit),
            success=pulled,
            failure=failed,
            parent=self,
            on=Pool.NETWORK,
        )

    # -- showing the state --------------------------------------------------------------

    def _set_state(self, state: str, message: str = "") -> None:
        self.state = state
        name_only = identifier_kind(self._query) is None
        texts = {
            "offer": self.tr("Not the customer you are looking for?"),
            "searching": self.tr("Searching all stores…"),
            "found": self.tr("Found on the hub (Enter opens the profile):"),
            "none": self.tr("No customer of any store matches."),
            "offline": self.tr(
                "Searching all stores needs the network. The customers kept on this "
                "terminal are still found as usual."
            ),
            "pulling": self.tr("Fetching the profile from the hub…"),
            "failed": message,
        }
        text = texts.get(state, "")
        if state in ("offer", "none") and name_only:
            text += " " + self.tr(
                "Other stores' customers are found by their exact phone, email or loyalty card."
            )
        self.status_label.setText(text.strip())
        self.status_label.setVisible(bool(text))
        self.search_button.setVisible(state in ("offer", "none", "offline", "failed"))
        self.search_button.setEnabled(state not in ("searching", "pulling"))
        self.results.setVisible(state in ("found", "pulling") and self.hits_model.rowCount() > 0)
        self.setVisible(state != "idle")
        self.state_did_change.emit(state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.results
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pull_index(self.results.currentIndex())
                return True
            if key == Qt.Key.Key_Up and self.results.currentIndex().row() <= 0:
                self.focus_will_leave.emit()
                return True
        return super().eventFilter(watched, event)
