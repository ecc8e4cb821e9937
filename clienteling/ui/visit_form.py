"""Log a visit at the end of a conversation (works offline), buyer or not, customer or
anonymous visitor: products tried or shown, how it ended, why nothing was bought, and a
survey link handed over as a QR code on screen.

Keyboard first: the product box has focus; a scanned barcode (digits then Enter) or a
typed SKU adds its product at once, Enter on typed words adds the best match, Down walks
the matches. Outcomes and reasons have Alt+letter mnemonics; Ctrl+Enter saves. Messages
appear beside the field they are about, and a failed save keeps everything typed.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.visits import MAX_PRODUCTS, OUTCOMES, REASONS, is_purchase
from clienteling.terminal.facade import Terminal
from clienteling.terminal.followup_views import ComposerContext
from clienteling.terminal.views import (
    CustomerProfile,
    ProductHit,
    TogetherView,
    VisitDraft,
    VisitProductView,
    VisitView,
)
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.followup_composer import channel_reason
from clienteling.ui.labels import money_text
from clienteling.ui.operations import run_in_background
from clienteling.ui.together_panel import TogetherPanel
from clienteling.ui.visit_labels import outcome_choice, reason_choice

SEARCH_DEBOUNCE_MS = 150
DRAFT_DEBOUNCE_MS = 400
QR_SCALE = 6
QUICK_PICKS = 4
QUICK_PICK_WIDTH = 230  # px of text per quick-pick button (the full name is its tooltip)


@dataclass(frozen=True, slots=True)
class QuickPick:
    """A product offered with one key press (e.g. from the customer's online cart)."""

    product_id: str
    name: str
    sku: str


def _ignore(_result: object) -> None:
    """Success callback of work whose result nobody waits for."""


def qr_pixmap(url: str, *, scale: int = QR_SCALE) -> QPixmap:
    """The QR code of `url` as a pixmap (segno renders PNG bytes; Qt decodes them)."""
    from io import BytesIO

    buffer = BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=3)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class VisitFormDialog(QDialog):
    visit_did_save = Signal(str)  # the visit id
    products_did_show = Signal(str)  # the query the shown matches answer (tests, scripts)
    product_did_add = Signal(str)  # product id
    draft_did_restore = Signal()  # an unsaved form from before (a crash, a restart) is back
    draft_did_save = Signal()
    suggestions_did_show = Signal()  # "often bought together" refreshed (tests)

    FORM_PAGE, SURVEY_PAGE = range(2)

    def __init__(
        self,
        terminal: Terminal,
        *,
        customer_id: str | None,
        customer_name: str | None = None,
        quick_picks: list[QuickPick] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.customer_id = customer_id
        self.saved: VisitView | None = None
        self._chosen: list[tuple[str, str, str]] = []  # (product id, name, sku)
        self._search_seq = 0
        self._shown_query: str | None = None
        self._add_when_shown = False
        self._tried_save = False
        self._restoring = False
        if customer_id is None:
            self.setWindowTitle(self.tr("Log visit: anonymous visitor"))
        else:
            self.setWindowTitle(self.tr("Log visit: %1").replace("%1", customer_name or ""))
        self.setMinimumWidth(620)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._build_form(quick_picks or []))
        self.who_label.setText(
            self.tr("Visit of %1").replace("%1", customer_name or "")
            if customer_id is not None
            else self.tr("Visitor without a profile (counted in the store's visits)")
        )
        self._stack.addWidget(self._build_survey())
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self._save_shortcut)
        self._dirty = False
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DEBOUNCE_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self.outcome_group.buttonToggled.connect(lambda *_args: self._edited())
        self.reason_group.buttonToggled.connect(lambda *_args: self._edited())
        self.reason_text.textEdited.connect(lambda _text: self._edited())
        self._validate()
        run_in_background(
            lambda: terminal.visit_draft(customer_id), success=self._restore_draft, parent=self
        )

    # -- building -----------------------------------------------------------------------

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName("errorText")
        label.setAccessibleName(name)
        label.hide()
        return label

    def _build_form(self, quick_picks: list[QuickPick]) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.who_label = QLabel(page)
        self.who_label.setObjectName("visitWho")
        layout.addWidget(self.who_label)
        self.restored_label = QLabel(page)
        self.restored_label.setObjectName("factCaption")
        self.restored_label.setWordWrap(True)
        self.restored_label.hide()
        layout.addWidget(self.restored_label)

        products = QGroupBox(self.tr("Products tried or shown"), page)
        column = QVBoxLayout(products)
        self.product_search = QLineEdit(products)
        self.product_search.setObjectName("productSearch")
        self.product_search.setAccessibleName(self.tr("Find a product"))
        self.product_search.setPlaceholderText(
            self.tr("Name, SKU or scan a barcode, then Enter to add")
        )
        self.product_search.setClearButtonEnabled(True)
        self.product_search.textEdited.connect(self._query_did_change)
        self.product_search.installEventFilter(self)
        column.addWidget(self.product_search)
        self.matches = QListWidget(products)
        self.matches.setObjectName("productMatches")
        self.matches.setAccessibleName(self.tr("Matching products"))
        self.matches.setFixedHeight(124)  # four matches
        self.matches.installEventFilter(self)
        self.matches.itemActivated.connect(self._add_match)
        self.matches.hide()
        column.addWidget(self.matches)
        self.quick_buttons: list[QPushButton] = []
        if quick_picks:
            caption = QLabel(self.tr("From the online cart (click to add):"), products)
            caption.setObjectName("factCaption")
            column.addWidget(caption)
            picks = QGridLayout()
            for index, pick in enumerate(quick_picks[:QUICK_PICKS]):
                quick = QPushButton(products)
                bold = QFont(quick.font())
                bold.setBold(True)  # as app.qss draws buttons; set, so the width fits
                quick.setFont(bold)
                quick.setText(
                    QFontMetrics(bold).elidedText(
                        pick.name, Qt.TextElideMode.ElideRight, QUICK_PICK_WIDTH
                    )
                )
                quick.setObjectName("quickPick")
                quick.setAutoDefault(False)
                quick.setToolTip(f"{pick.name} · {pick.sku}")
                quick.setAccessibleName(pick.name)
                quick.clicked.connect(
                    lambda _checked=False, p=pick: self.add_product(p.product_id, p.name, p.sku)
                )
                self.quick_buttons.append(quick)
                picks.addWidget(quick, index // 2, index % 2)
            column.addLayout(picks)
        self.chosen_list = QListWidget(products)
        self.chosen_list.setObjectName("chosenProducts")
        self.chosen_list.setAccessibleName(self.tr("Products of this visit"))
        self.chosen_list.setMaximumHeight(110)
        self.chosen_list.installEventFilter(self)
        column.addWidget(self.chosen_list)
        self.products_hint = QLabel(self.tr("None yet. Delete removes the selected one."), page)
        self.products_hint.setObjectName("factCaption")
        column.addWidget(self.products_hint)
        self.products_error = self._error_label("productsError")
        column.addWidget(self.products_error)
        self.together_panel = TogetherPanel(
            self.tr("Often bought together with these (Enter adds one)"), products
        )
        self.together_panel.suggestion_activated.connect(
            lambda s: self.add_product(s.product_id, s.name, s.sku)
        )
        column.addWidget(self.together_panel)
        layout.addWidget(products)

        outcome_box = QGroupBox(self.tr("How did the visit end?"), page)
        grid = QGridLayout(outcome_box)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for index, outcome in enumerate(OUTCOMES):
            button = QRadioButton(outcome_choice(outcome), outcome_box)
            button.setObjectName(f"outcome_{outcome}")
            self.outcome_group.addButton(button, index)
            self.outcome_buttons[outcome] = button
            grid.addWidget(button, index // 2, index % 2)
        self.outcome_group.buttonToggled.connect(lambda *_args: self._validate())
        self.outcome_error = self._error_label("outcomeError")
        grid.addWidget(self.outcome_error, 2, 0, 1, 2)
        layout.addWidget(outcome_box)

        self.reason_box = QGroupBox(self.tr("Why was nothing bought?"), page)
        reasons = QGridLayout(self.reason_box)
        self.reason_group = QButtonGroup(self)
        self.reason_buttons: dict[str, QRadioButton] = {}
        for index, reason in enumerate(REASONS):
            button = QRadioButton(reason_choice(reason), self.reason_box)
            button.setObjectName(f"reason_{reason}")
            self.reason_group.addButton(button, index)
            self.reason_buttons[reason] = button
            reasons.addWidget(button, index // 3, index % 3)
        self.reason_group.buttonToggled.connect(lambda *_args: self._reason_did_change())
        self.reason_text = QLineEdit(self.reason_box)
        self.reason_text.setObjectName("reasonText")
        self.reason_text.setAccessibleName(self.tr("Other reason"))
        self.reason_text.setPlaceholderText(self.tr("What was missing? (for “Other”)"))
        self.reason_text.setEnabled(False)
        self.reason_text.textChanged.connect(lambda _text: self._validate())
        reasons.addWidget(self.reason_text, 2, 0, 1, 3)
        self.reason_error = self._error_label("reasonError")
        reasons.addWidget(self.reason_error, 3, 0, 1, 3)
        self.reason_box.hide()
        layout.addWidget(self.reason_box)

        self.survey_check = QCheckBox(self.tr("Hand over the survey link (QR code)"), page)
        self.survey_check.setObjectName("offerSurvey")
        self.survey_check.setChecked(True)
        layout.addWidget(self.survey_check)

        self.error_label = QLabel(page)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, page)
        # Spelled out: Qt ships no Vietnamese for its standard buttons.
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.save_button = buttons.addButton(
            self.tr("Save visit (Ctrl+Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveVisit")
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        return page

    def _build_survey(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.saved_label = QLabel(page)
        self.saved_label.setObjectName("visitSaved")
        self.saved_label.setWordWrap(True)
        layout.addWidget(self.saved_label)
        hint = QLabel(
            self.tr(
                "Ask the customer to scan this code with their phone camera: a short survey "
                "about today's visit opens, and answers are anonymous if they wish."
            ),
            page,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.qr_label = QLabel(page)
        self.qr_label.setObjectName("surveyQr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setAccessibleName(self.tr("Survey QR code"))
        layout.addWidget(self.qr_label, 1, Qt.AlignmentFlag.AlignCenter)
        self.url_label = QLabel(page)
        self.url_label.setObjectName("surveyUrl")
        self.url_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.url_label)
        # A customer with a profile can have the link by SMS instead (consent allowing).
        self.sms_button = QPushButton(self.tr("Send the link by &SMS"), page)
        self.sms_button.setObjectName("surveySms")
        self.sms_button.setEnabled(False)
        self.sms_button.clicked.connect(self._send_by_sms)
        layout.addWidget(self.sms_button, 0, Qt.AlignmentFlag.AlignCenter)
        self.sms_status = QLabel(page)
        self.sms_status.setObjectName("surveySmsStatus")
        self.sms_status.setWordWrap(True)
        self.sms_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.sms_status)
        if self.customer_id is None:
            self.sms_button.hide()
            self.sms_status.hide()
        self._sms_language: str | None = None
        buttons = QDialogButtonBox(page)
        self.done_button = buttons.addButton(
            self.tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button.setObjectName("surveyDone")
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        return page

    # -- products -----------------------------------------------------------------------

    def chosen_products(self) -> list[str]:
        return [product_id for product_id, _name, _sku in self._chosen]

    def add_product(self, product_id: str, name: str, sku: str) -> None:
        if product_id in self.chosen_products():
            self._show(self.products_error, self.tr("%1 is already listed.").replace("%1", name))
            return
        if len(self._chosen) >= MAX_PRODUCTS:
            self._show(
                self.products_error,
                self.tr("A visit lists at most %1 products.").replace("%1", str(MAX_PRODUCTS)),
            )
            return
        self._chosen.append((product_id, name, sku))
        item = QListWidgetItem(f"{name}   ·   {sku}")
        item.setData(Qt.ItemDataRole.UserRole, product_id)
        self.chosen_list.addItem(item)
        self._show(self.products_error, None)
        self.products_hint.setVisible(False)
        self._edited()
        self._suggest()
        self.product_did_add.emit(product_id)

    def _remove_selected(self) -> None:
        row = self.chosen_list.currentRow()
        if row < 0:
            return
        self.chosen_list.takeItem(row)
        del self._chosen[row]
        self.products_hint.setVisible(not self._chosen)
        self._edited()
        self._suggest()

    def _suggest(self) -> None:
        """Refresh "often bought together" for the products listed now (DB worker)."""
        chosen, terminal = self.chosen_products(), self.terminal
        run_in_background(
            lambda: terminal.bought_together(chosen),
            success=lambda found: self._show_suggestions(chosen, found),
            parent=self,
        )

    def _show_suggestions(self, asked: list[str], found: list[TogetherView]) -> None:
        if asked == self.chosen_products():  # not an answer for an older list
            self.together_panel.show_suggestions(found)
            self.suggestions_did_show.emit()

    def _add_hit(self, hit: ProductHit) -> None:
        self.add_product(hit.id, hit.name, hit.sku)
        self.product_search.clear()
        self.matches.clear()
        self.matches.hide()
        self._shown_query = None
        self.product_search.setFocus()

    def _add_match(self, item: QListWidgetItem) -> None:
        hit = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(hit, ProductHit):
            self._add_hit(hit)

    def _query_did_change(self, _text: str) -> None:
        self._add_when_shown = False
        self._debounce.start()

    def _run_search(self) -> None:
        self._debounce.stop()
        query = self.product_search.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        if not query:
            self._show_matches(seq, query, [])
            return
        terminal = self.terminal
        run_in_background(
            lambda: terminal.find_products(query, limit=20),
            success=lambda hits: self._show_matches(seq, query, hits),
            parent=self,
        )

    def _show_matches(self, seq: int, query: str, hits: list[ProductHit]) -> None:
        if seq != self._search_seq:
            return  # an older query answered late
        self._shown_query = query
        self.matches.clear()
        for hit in hits:
            price = money_text(hit.price_minor, hit.currency)
            stock = (
                self.tr("%1 here").replace("%1", str(hit.stock_here))
                if hit.stock_here
                else self.tr("not in stock here")
            )
            item = QListWidgetItem(f"{hit.name}   ·   {hit.sku}   ·   {price}   ·   {stock}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.matches.addItem(item)
        if hits:
            self.matches.setCurrentRow(0)
        self.matches.setVisible(bool(hits) or bool(query))
        if query and not hits:
            self.matches.addItem(self.tr("No product matches “%1”.").replace("%1", query))
        self.products_did_show.emit(query)
        if self._add_when_shown:
            self._add_when_shown = False
            self._add_first()

    def _search_enter(self) -> None:
        """Enter in the product box: a scanner types faster than the debounce, so wait
        for the answer to this very text, then add its exact code or best match."""
        if not self.product_search.text().strip():
            return
        if self._debounce.isActive() or self._shown_query != self.product_search.text().strip():
            self._add_when_shown = True
            self._run_search()
            return
        self._add_first()

    def _add_first(self) -> None:
        item = self.matches.item(0)
        if item is not None:
            self._add_match(item)

    # -- outcome and reason -------------------------------------------------------------

    def outcome(self) -> str | None:
        return next((o for o, b in self.outcome_buttons.items() if b.isChecked()), None)

    def reason(self) -> str | None:
        return next((r for r, b in self.reason_buttons.items() if b.isChecked()), None)

    def _reason_did_change(self) -> None:
        other = self.reason() == "other"
        self.reason_text.setEnabled(other)
        if other:
            self.reason_text.setFocus()
        self._validate()

    def _validate(self) -> bool:
        """Show the reason part only when nothing was bought; messages once Save was tried."""
        outcome = self.outcome()
        needs_reason = outcome is not None and not is_purchase(outcome)
        self.reason_box.setVisible(needs_reason)
        reason = self.reason() if needs_reason else None
        outcome_msg = None if outcome else self.tr("Choose how the visit ended.")
        reason_msg = None
        if needs_reason and reason is None:
            reason_msg = self.tr("Say why nothing was bought.")
        elif reason == "other" and not self.reason_text.text().strip():
            reason_msg = self.tr("Describe the reason in a few words.")
        shown = self._tried_save
        self._show(self.outcome_error, outcome_msg if shown else None)
        self._show(self.reason_error, reason_msg if shown else None)
        self.adjustSize()
        return outcome_msg is None and reason_msg is None

    @staticmethod
    def _show(label: QLabel, message: str | None) -> None:
        label.setText(message or "")
        label.setVisible(message is not None)

    # -- drafts -------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._restoring or self.saved is not None:
            return
        self._dirty = True
        self._draft_timer.start()

    def _draft(self) -> VisitDraft:
        return VisitDraft(
            products=[
                VisitProductView(product_id=pid, sku=sku, name=name)
                for pid, name, sku in self._chosen
            ],
            outcome=self.outcome(),
            reason=self.reason(),
            reason_text=self.reason_text.text(),
        )

    def _save_draft(self) -> None:
        """Keep what was typed in the cache: it survives a crash or a restart."""
        self._draft_timer.stop()
        if self.saved is not None:
            return
        draft, terminal, customer_id = self._draft(), self.terminal, self.customer_id
        run_in_background(
            lambda: terminal.save_visit_draft(customer_id, draft),
            success=lambda _none: self.draft_did_save.emit(),
            parent=self,
        )

    def _restore_draft(self, draft: VisitDraft | None) -> None:
        if draft is None or self._dirty or self.saved is not None:
            return  # nothing kept, or the associate has already started afresh
        self._restoring = True
        try:
            for product in draft.products:
                self.add_product(product.product_id, product.name, product.sku)
            if draft.outcome in self.outcome_buttons:
                self.outcome_buttons[draft.outcome].setChecked(True)
            if draft.reason in self.reason_buttons:
                self.reason_buttons[draft.reason].setChecked(True)
            self.reason_text.setText(draft.reason_text)
        finally:
            self._restoring = False
        self.restored_label.setText(
            self.tr("Restored what was typed before, not yet saved. Cancel discards it.")
        )
        self.restored_label.show()
        self.draft_did_restore.emit()

    def reject(self) -> None:
        """Cancel: the associate throws this visit away, its draft too."""
        self._draft_timer.stop()
        if self.saved is None:
            terminal, customer_id = self.terminal, self.customer_id
            run_in_background(
                lambda: terminal.discard_visit_draft(customer_id),
                success=_ignore,
                failure=log_error,
                parent=None,
            )
        super().reject()

    # -- saving -------------------------------------------------------------------------

    def _save_shortcut(self) -> None:
        if self._stack.currentIndex() == self.FORM_PAGE:
            self.save()
        else:
            self.accept()

    def save(self) -> None:
        self._tried_save = True
        if not self._validate():
            first = self.outcome_buttons[OUTCOMES[0]] if self.outcome() is None else None
            if first is not None:
                first.setFocus()
            return
        outcome = self.outcome()
        assert outcome is not None  # validated
        reason = None if is_purchase(outcome) else self.reason()
        text = self.reason_text.text() if reason == "other" else ""
        products = self.chosen_products()
        customer_id = self.customer_id
        terminal = self.terminal
        self.save_button.setEnabled(False)
        self.error_label.hide()
        self._draft_timer.stop()

        def saved(visit: VisitView) -> None:
            self.saved = visit
            self.visit_did_save.emit(visit.id)
            if self.survey_check.isChecked():
                self._show_survey(visit)
            else:
                self.accept()

        def failed(exc: BaseException) -> None:
            log_error(exc)
            self._save_draft()  # still unsaved: keep it
            self.save_button.setEnabled(True)
            self.error_label.setText(error_text(exc))
            self.error_label.show()

        run_in_background(
            lambda: terminal.log_visit(
                customer_id=customer_id,
                outcome=outcome,
                reason=reason,
                reason_text=text,
                product_ids=products,
            ),
            success=saved,
            failure=failed,
            parent=self,
        )

    def _show_survey(self, visit: VisitView) -> None:
        url = self.terminal.survey_url(visit.survey_token)
        message = self.tr("Visit saved.")
        if visit.pending:
            message += " " + self.tr("It will be sent to the hub at the next sync.")
        self.saved_label.setText(message)
        self.qr_label.setPixmap(qr_pixmap(url))
        self.url_label.setText(url)
        self._stack.setCurrentIndex(self.SURVEY_PAGE)
        self.done_button.setDefault(True)
        self.done_button.setFocus()
        self.adjustSize()
        if self.customer_id is not None:
            self._check_sms(self.customer_id)

    def _check_sms(self, customer_id: str) -> None:
        """Open the SMS button when the customer's SMS consent allows it; else say why."""
        terminal = self.terminal

        def known(context: ComposerContext | None) -> None:
            sms = (
                next((c for c in context.channels if c.channel == "sms"), None) if context else None
            )
            if context is None or sms is None:
                self.sms_status.setText(self.tr("This customer is not in the cache any more."))
            elif not sms.allowed:
                self.sms_status.setText(
                    self.tr("No SMS. %1.").replace("%1", channel_reason(sms).rstrip("."))
                )
            else:
                self._sms_language = context.language
                self.sms_button.setEnabled(True)
                self.sms_status.clear()

        run_in_background(
            lambda: terminal.followup_composer(customer_id),
            success=known,
            failure=self._sms_failed,
            parent=self,
        )

    def _send_by_sms(self) -> None:
        visit, customer_id, language = self.saved, self.customer_id, self._sms_language
        if visit is None or customer_id is None or language is None:
            return
        terminal = self.terminal
        self.sms_button.setEnabled(False)

        def queued(_followup_id: str) -> None:
            self.sms_status.setText(
                self.tr(
                    "The survey link goes out by SMS: the hub sends it after the next sync, "
                    "checking consent again."
                )
            )
            self.done_button.setFocus()

        run_in_background(
            lambda: terminal.queue_followup(
                customer_id=customer_id,
                channel="sms",
                template="visit_survey",
                language=language,  # type: ignore[arg-type]  # the cache's: a Language
                product_ids=[],
                personal_line="",
                visit_id=visit.id,
            ),
            success=queued,
            failure=self._sms_failed,
            parent=self,
        )

    def _sms_failed(self, exc: BaseException) -> None:
        log_error(exc)
        self.sms_status.setText(error_text(exc))

    def survey_shown(self) -> bool:
        return self._stack.currentIndex() == self.SURVEY_PAGE

    # -- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            typed = bool(self.product_search.text().strip())
            if watched is self.product_search and enter and plain and typed:
                self._search_enter()
                return True  # an empty box lets Enter through: it saves
            if watched is self.product_search and key == Qt.Key.Key_Escape and typed:
                self.product_search.clear()  # Esc clears the box before it closes the form
                self._query_did_change("")
                return True
            if watched is self.product_search and key == Qt.Key.Key_Down and self.matches.count():
                self.matches.setFocus()
                self.matches.setCurrentRow(0)
                return True
            if watched is self.matches and enter and plain:
                item = self.matches.currentItem()
                if item is not None:
                    self._add_match(item)
                return True
            if watched is self.matches and key == Qt.Key.Key_Up and self.matches.currentRow() <= 0:
                self.product_search.setFocus()
                return True
            if watched is self.chosen_list and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._remove_selected()
                return True
        return super().eventFilter(watched, event)


def open_visit_form(
    terminal: Terminal, *, profile: CustomerProfile | None, parent: QWidget
) -> VisitFormDialog:
    """Open the form for `profile`'s customer (None: an anonymous visitor), with the live
    online cart's products offered as quick picks."""
    picks = []
    if profile is not None and profile.cart is not None:
        picks = [QuickPick(line.product_id, line.name, line.sku) for line in profile.cart.lines]
    dialog = VisitFormDialog(
        terminal,
        customer_id=profile.id if profile else None,
        customer_name=profile.display_name if profile else None,
        quick_picks=picks,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.product_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return dialog
