"""The follow-up composer (Ctrl+F on a profile): template, products (online cart, past
purchases, a catalog search), a personal line, the channel, and a live preview exactly as
the customer will see it (same renderer as the hub). Channels without consent are closed
with the reason; queueing works offline (the hub sends, once, after checking consent
again). Every terminal call runs on the DB worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.followup_templates import (
    MAX_PERSONAL_LINE,
    MAX_PRODUCTS,
    TEMPLATE_NAMES,
    RenderedMessage,
)
from clienteling.domain.sms import sms_length
from clienteling.terminal.facade import Terminal
from clienteling.terminal.followup_views import ChannelChoice, ComposerContext, ProductChoice
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.labels import contact_channel_label, money_text, template_label
from clienteling.ui.new_customer import LANGUAGE_NAMES
from clienteling.ui.offer_choice import OfferChoice
from clienteling.ui.operations import run_in_background

PREVIEW_DEBOUNCE_MS = 150
SEARCH_DEBOUNCE_MS = 250
PRODUCT_ROLE = Qt.ItemDataRole.UserRole


def channel_reason(choice: ChannelChoice) -> str:
    reasons = {
        "no_consent": QCoreApplication.translate(
            "Followups", "No consent recorded for this channel"
        ),
        "declined": QCoreApplication.translate(
            "Followups", "The customer declined messages on this channel"
        ),
        "no_email": QCoreApplication.translate("Followups", "No email address"),
        "no_phone": QCoreApplication.translate("Followups", "No phone number"),
    }
    return reasons.get(choice.reason, choice.reason)


def _in_stock_here(product: ProductChoice) -> bool:
    return product.stock_here is None or product.stock_here > 0


def first_template(context: ComposerContext) -> str:
    """A sensible first template: "available here today" when something in the online cart
    is in stock in this store, else the thank-you."""
    if any(_in_stock_here(p) for p in context.cart_products):
        return "cart_available"
    return "thank_you"


def cart_lines_to_pick(template: str, cart: list[ProductChoice]) -> set[str]:
    """Cart lines ticked at first: for "available here today" only those in stock here (the
    message promises them), for any other message the whole cart."""
    if template == "cart_available" and any(_in_stock_here(p) for p in cart):
        return {p.id for p in cart if _in_stock_here(p)}
    return {p.id for p in cart}


class FollowupComposer(QDialog):
    followup_did_queue = Signal(str)  # the new follow-up's id
    preview_did_show = Signal()  # a preview was rendered (tests, screenshots)
    context_did_load = Signal()

    def __init__(
        self,
        terminal: Terminal,
        customer_id: str,
        parent: QWidget | None = None,
        *,
        template: str | None = None,  # preselected (a task's suggested message)
    ):
        super().__init__(parent)
        self.terminal = terminal
        self.customer_id = customer_id
        self._template = template
        self.context: ComposerContext | None = None
        self.message: RenderedMessage | None = None
        self._preview_seq = 0
        self._search_seq = 0
        self.setWindowTitle(self.tr("Send a follow-up"))
        self.resize(1040, 680)
        self._build()
        self._preview_timer = self._timer(PREVIEW_DEBOUNCE_MS, self._preview_now)
        self._search_timer = self._timer(SEARCH_DEBOUNCE_MS, self._search_now)
        self._set_busy(True)
        run_in_background(
            lambda: terminal.followup_composer(customer_id),
            success=self._show_context,
            parent=self,
        )

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_form())
        splitter.addWidget(self._build_preview())
        splitter.setSizes([470, 570])
        splitter.setChildrenCollapsible(False)
        self.buttons = QDialogButtonBox(self)
        self.queue_button = QPushButton(self.tr("Queue follow-up (Ctrl+Enter)"), self)
        self.queue_button.setDefault(True)
        self.buttons.addButton(self.queue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.queue)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.queue)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("composerHeading")
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _build_form(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.template_combo = QComboBox(page)
        for name in TEMPLATE_NAMES:
            self.template_combo.addItem(template_label(name), name)
        self.template_combo.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("Message"), self.template_combo)

        self.language_combo = QComboBox(page)
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("Language"), self.language_combo)

        channels = QWidget(page)
        column = QVBoxLayout(channels)
        column.setContentsMargins(0, 0, 0, 0)
        self.channel_group = QButtonGroup(self)
        self.channel_buttons: dict[str, QRadioButton] = {}
        self.channel_reasons: dict[str, QLabel] = {}
        for channel in ("email", "sms", "whatsapp"):
            row = QHBoxLayout()
            button = QRadioButton(contact_channel_label(channel), channels)
            button.toggled.connect(self._channel_toggled)
            self.channel_group.addButton(button)
            self.channel_buttons[channel] = button
            reason = QLabel(channels)
            reason.setObjectName("hintText")
            self.channel_reasons[channel] = reason
            row.addWidget(button)
            row.addWidget(reason, 1)
            column.addLayout(row)
        form.addRow(self.tr("Channel"), channels)

        self.picks_list = QListWidget(page)
        self.picks_list.setMinimumHeight(170)
        self.picks_list.setWordWrap(True)
        self.picks_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.picks_list.itemChanged.connect(self._changed)
        form.addRow(self.tr("Products"), self.picks_list)
        self.search_edit = QLineEdit(page)
        self.search_edit.setPlaceholderText(self.tr("Search the catalog to add a product…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        form.addRow("", self.search_edit)
        self.results_list = QListWidget(page)
        self.results_list.setMaximumHeight(110)
        self.results_list.itemActivated.connect(self._add_result)
        self.results_list.itemDoubleClicked.connect(self._add_result)
        form.addRow("", self.results_list)

        self.personal_edit = QLineEdit(page)
        self.personal_edit.setMaxLength(MAX_PERSONAL_LINE)
        self.personal_edit.setPlaceholderText(self.tr("A personal line, e.g. what suited them"))
        self.personal_edit.textChanged.connect(self._changed)
        form.addRow(self.tr("Personal line"), self.personal_edit)
        self.offer_choice = OfferChoice(page)
        self.offer_choice.changed.connect(self._changed)
        form.addRow(self.tr("Offer"), self.offer_choice)
        return page

    def _build_preview(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        self.preview_caption = QLabel(self.tr("Preview: exactly what the customer gets"), page)
        self.preview_caption.setObjectName("factCaption")
        column.addWidget(self.preview_caption)
        self.preview_stack = QStackedWidget(page)
        email = QWidget(page)
        email_column = QVBoxLayout(email)
        email_column.setContentsMargins(0, 0, 0, 0)
        self.subject_label = QLabel(email)
        self.subject_label.setObjectName("previewSubject")
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        email_column.addWidget(self.subject_label)
        self.email_view = QTextBrowser(email)
        self.email_view.setOpenLinks(False)  # a preview: its links are placeholders
        email_column.addWidget(self.email_view, 1)
        self.preview_stack.addWidget(email)
        short = QWidget(page)
        short_column = QVBoxLayout(short)
        short_column.setContentsMargins(0, 0, 0, 0)
        self.short_view = QPlainTextEdit(short)
        self.short_view.setObjectName("shortPreview")
        self.short_view.setReadOnly(True)
        self.short_view.setMaximumHeight(200)
        short_column.addWidget(self.short_view)
        self.sms_count = QLabel(short)
        self.sms_count.setObjectName("smsCount")
        short_column.addWidget(self.sms_count)
        short_column.addStretch(1)
        self.preview_stack.addWidget(short)
        column.addWidget(self.preview_stack, 1)
        return page

    # -- state --------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.queue_button.setEnabled(not busy and self.channel() is not None)

    def _show_context(self, context: ComposerContext | None) -> None:
        if context is None:
            self._show_error(self.tr("This customer is not on this terminal yet: sync first."))
            return
        self.context = context
        self.heading.setText(self.tr("Follow-up for %1").replace("%1", context.display_name))
        template = self._template or first_template(context)
        self._select(self.template_combo, template)
        self.offer_choice.suggest_reserve(template)
        self._select(self.language_combo, context.language)
        for choice in context.channels:
            button = self.channel_buttons[choice.channel]
            button.setEnabled(choice.allowed)
            reason = "" if choice.allowed else channel_reason(choice)
            button.setToolTip(reason)
            self.channel_reasons[choice.channel].setText(reason)
        if context.default_channel is not None:
            self.channel_buttons[context.default_channel].setChecked(True)
            if context.default_channel == context.preferred_channel:
                self.channel_reasons[context.default_channel].setText(self.tr("preferred"))
        else:
            self._show_error(
                self.tr("The customer agreed to no channel: no follow-up can be sent.")
            )
        self.picks_list.blockSignals(True)
        ticked = cart_lines_to_pick(template, context.cart_products)
        self._add_section(self.tr("Online cart"), context.cart_products, checked=ticked)
        self._add_section(self.tr("Bought before"), context.purchased_products, checked=set())
        self.picks_list.blockSignals(False)
        self._set_busy(False)
        self.context_did_load.emit()
        self._preview_now()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def _product_text(self, product: ProductChoice) -> str:
        text = f"{product.name} · {money_text(product.price_minor, product.currency)}"
        if product.stock_here is not None:
            stock = (
                self.tr("%1 here").replace("%1", str(product.stock_here))
                if product.stock_here > 0
                else self.tr("Not here")
            )
            text += f" · {stock}"
        return text

    def _add_section(self, title: str, products: list[ProductChoice], *, checked: set[str]) -> None:
        if not products:
            return
        header = QListWidgetItem(title)
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        font = header.font()
        font.setBold(True)
        header.setFont(font)
        self.picks_list.addItem(header)
        for product in products:
            self._add_product(product, checked=product.id in checked)

    def _add_product(self, product: ProductChoice, *, checked: bool) -> None:
        for row in range(self.picks_list.count()):
            item = self.picks_list.item(row)
            if item.data(PRODUCT_ROLE) == product.id:
                item.setCheckState(Qt.CheckState.Checked if checked else item.checkState())
                return
        item = QListWidgetItem(self._product_text(product))
        item.setData(PRODUCT_ROLE, product.id)
        item.setToolTip(f"{product.brand} · {product.sku}")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.picks_list.addItem(item)

    def picked(self) -> list[str]:
        ids = []
        for row in range(self.picks_list.count()):
            item = self.picks_list.item(row)
            product_id = item.data(PRODUCT_ROLE)
            if product_id and item.checkState() == Qt.CheckState.Checked:
                ids.append(str(product_id))
        return list(dict.fromkeys(ids))[:MAX_PRODUCTS]

    def channel(self) -> str | None:
        for channel, button in self.channel_buttons.items():
            if button.isChecked() and button.isEnabled():
                return channel
        return None

    def template(self) -> str:
        return str(self.template_combo.currentData())

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def _channel_toggled(self, _checked: bool) -> None:
        self.preview_stack.setCurrentIndex(0 if self.channel() in (None, "email") else 1)
        self._show_short()
        self._set_busy(self.context is None)

    def _changed(self, *_args: object) -> None:
        self._preview_timer.start()

    # -- preview ------------------------------------------------------------------------

    def _preview_now(self) -> None:
        if self.context is None:
            return
        self._preview_seq += 1
        seq = self._preview_seq
        terminal, customer_id = self.terminal, self.customer_id
        template, language = self.template(), self.language()
        picks, line = self.picked(), self.personal_edit.text()
        offer, reserve = self.offer_choice.offer(), self.offer_choice.reserve()
        run_in_background(
            lambda: terminal.preview_followup(
                customer_id=customer_id,
                template=template,
                language=language,
                product_ids=picks,
                personal_line=line,
                offer=offer,
                reserve=reserve,
            ),
            success=lambda message: self._show_preview(seq, message),
            parent=self,
        )

    def _show_preview(self, seq: int, message: RenderedMessage) -> None:
        if seq != self._preview_seq:
            return  # an older answer: a newer preview is on its way
        self.message = message
        self.subject_label.setText(self.tr("Subject: %1").replace("%1", message.subject))
        self.email_view.setHtml(message.html)
        self._show_short()
        self.preview_did_show.emit()

    def _show_short(self) -> None:
        if self.message is None:
            return
        text = self.message.short
        self.short_view.setPlainText(text)
        whatsapp = self.channel() == "whatsapp"
        # A phone's message bubble: green for WhatsApp, grey for SMS.
        self.short_view.setStyleSheet(
            "QPlainTextEdit#shortPreview { background: %s; border-radius: 10px; padding: 8px; "
            "color: #1f1f1f; }" % ("#dcf8c6" if whatsapp else "#ecebea")
        )
        length = sms_length(text)
        if whatsapp:
            self.sms_count.setText(self.tr("%1 characters").replace("%1", str(length.characters)))
            return
        encoding = "GSM-7" if length.encoding == "gsm7" else "Unicode (UCS-2)"
        self.sms_count.setText(
            self.tr("%1 characters · %2 SMS · %3")
            .replace("%1", str(length.characters))
            .replace("%2", str(length.segments))
            .replace("%3", encoding)
        )

    # -- search -------------------------------------------------------------------------

    def _search_now(self) -> None:
        query = self.search_edit.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        if not query:
            self.results_list.clear()
            return
        terminal = self.terminal
        run_in_background(
            lambda: terminal.search_products(query, limit=20),
            success=lambda found: self._show_results(seq, found),
            parent=self,
        )

    def _show_results(self, seq: int, found: list[ProductChoice]) -> None:
        if seq != self._search_seq:
            return
        self.results_list.clear()
        self._results = {p.id: p for p in found}
        for product in found:
            item = QListWidgetItem(self._product_text(product))
            item.setData(PRODUCT_ROLE, product.id)
            self.results_list.addItem(item)

    def _add_result(self, item: QListWidgetItem) -> None:
        product = getattr(self, "_results", {}).get(item.data(PRODUCT_ROLE))
        if product is None:
            return
        self._add_product(product, checked=True)
        self._changed()

    # -- queueing -----------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def queue(self) -> None:
        channel = self.channel()
        if self.context is None or channel is None:
            return
        self.queue_button.setEnabled(False)
        terminal, customer_id = self.terminal, self.customer_id
        template, language = self.template(), self.language()
        picks, line = self.picked(), self.personal_edit.text()
        offer, reserve = self.offer_choice.offer(), self.offer_choice.reserve()

        def queued(followup_id: str) -> None:
            self.followup_did_queue.emit(followup_id)
            self.accept()

        def failed(exc: BaseException) -> None:
            log_error(exc)
            self._show_error(error_text(exc))
            self.queue_button.setEnabled(True)

        run_in_background(
            lambda: terminal.queue_followup(
                customer_id=customer_id,
                channel=channel,  # type: ignore[arg-type]
                template=template,  # type: ignore[arg-type]
                language=language,  # type: ignore[arg-type]
                product_ids=picks,
                personal_line=line,
                offer=offer,
                reserve=reserve,
            ),
            success=queued,
            failure=failed,
            parent=self,
        )
