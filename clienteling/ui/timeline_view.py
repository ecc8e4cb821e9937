"""The customer's journey in one list, newest first: store visits with their outcome,
online orders and store purchases with their status (returns too), online carts, consent
changes, notes, holds, offers and the customer's replies (with the follow-up each
answers), with a filter by kind. What this terminal wrote and the hub has not
acknowledged yet is marked pending. It renders `TimelineEntry` rows; no data access here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.views import TimelineEntry
from clienteling.ui import appointment_labels
from clienteling.ui.hold_labels import describe_timeline
from clienteling.ui.labels import (
    cart_status_label,
    checkout_step_label,
    contact_channel_label,
    followup_status_label,
    local_date,
    local_time,
    money_text,
    order_status_label,
    template_label,
)
from clienteling.ui.metric_help import touchpoint_label
from clienteling.ui.visit_labels import outcome_label, reason_label

PENDING_COLOUR = QColor("#8a5200")
REFUSED_COLOUR = QColor("#b23a3a")
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FOLLOWUP_ROLE = Qt.ItemDataRole.UserRole + 2


class TimelineView(QWidget):
    filter_did_change = Signal(str)  # the kind shown ("" for all)
    followup_requested = Signal(str)  # Enter on a reply: the follow-up it answers

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        caption = QLabel(self.tr("&Show"), self)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("timelineFilter")
        self.kind_filter.setAccessibleName(self.tr("Show in the timeline"))
        caption.setBuddy(self.kind_filter)
        for kind, text in (
            ("", self.tr("Everything")),
            ("visit", self.tr("Store visits")),
            ("order", self.tr("Purchases and orders")),
            ("cart", self.tr("Online carts")),
            ("consent", self.tr("Consent changes")),
            ("note", self.tr("Notes")),
            ("hold", self.tr("Holds")),
            ("offer", self.tr("Offers")),
            ("reply", self.tr("Replies")),
            ("appointment", self.tr("Appointments")),
            ("followup", self.tr("Follow-ups")),
            ("feedback", self.tr("Survey answers")),
        ):
            self.kind_filter.addItem(text, kind)
        self.kind_filter.currentIndexChanged.connect(self._filter_did_change)
        row.addWidget(caption)
        row.addWidget(self.kind_filter)
        row.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("factCaption")
        row.addWidget(self.count_label)
        layout.addLayout(row)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("timeline")
        self.tree.setAccessibleName(self.tr("Customer timeline"))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Details")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)

    # -- showing ------------------------------------------------------------------------

    def kind(self) -> str:
        return str(self.kind_filter.currentData() or "")

    def set_kind(self, kind: str) -> None:
        index = self.kind_filter.findData(kind)
        if index >= 0:
            self.kind_filter.setCurrentIndex(index)

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        """Show `entries` (newest first) under the current filter, which stays."""
        self._entries = list(entries)
        self._render()

    def shown_entries(self) -> list[TimelineEntry]:
        kind = self.kind()
        return [e for e in self._entries if not kind or e.kind == kind]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        followup_id = item.data(0, FOLLOWUP_ROLE)
        if followup_id:
            self.followup_requested.emit(str(followup_id))

    def _filter_did_change(self, _index: int) -> None:
        self._render()
        self.filter_did_change.emit(self.kind())

    def _render(self) -> None:
        self.tree.clear()
        shown = self.shown_entries()
        for entry in shown:
            what, details = self._describe(entry)
            if entry.pending:
                what += "   " + self.tr("[pending sync]")
            if entry.refused is not None:
                what += "   " + self.tr("[refused by the hub]")
            item = QTreeWidgetItem([local_time(entry.at), what, details])
            if entry.refused:
                item.setToolTip(1, entry.refused)
            item.setData(0, KIND_ROLE, entry.kind)
            item.setData(0, ID_ROLE, entry.id)
            followup = {"reply": entry.related_id, "followup": entry.id}.get(entry.kind)
            item.setData(0, FOLLOWUP_ROLE, followup)
            item.setToolTip(2, details)
            if entry.kind == "reply" and entry.related_id:
                item.setToolTip(1, self.tr("Enter: show the follow-up this reply answers"))
            if entry.pending or entry.refused is not None:
                colour = PENDING_COLOUR if entry.pending else REFUSED_COLOUR
                for column in range(3):
                    item.setForeground(column, QBrush(colour))
            self.tree.addTopLevelItem(item)
        if not shown:
            empty = QTreeWidgetItem(["", self.tr("Nothing to show yet."), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        self.count_label.setText(self.tr("%1 events").replace("%1", str(len(shown))))

    def _feedback(self, e: TimelineEntry) -> tuple[str, str]:
        """ "Survey: staff 4/5" (or "Survey comment: staff"), the comment and the store."""
        about = touchpoint_label(e.status or "")
        if e.reason:
            what = self.tr("Survey: %1 %2/5").replace("%1", about).replace("%2", e.reason)
        else:
            what = self.tr("Survey comment: %1").replace("%1", about)
        who = {"buyer": self.tr("as a buyer"), "non_buyer": self.tr("without buying")}.get(
            e.channel or "", ""
        )
        text = " ".join(e.text.split())
        return what, " · ".join(p for p in (text, who, e.store_name or "") if p)

    def _order_event(self, e: TimelineEntry, items: str) -> tuple[str, str]:
        """A shipping, delivery or return of an order placed earlier (named by its date)."""
        placed = local_date(e.related_at) if e.related_at is not None else ""
        texts = {
            "fulfilled": self.tr("Shipping of the order of %1"),
            "delivered": self.tr("Delivery of the order of %1"),
            "partially_returned": self.tr("Partial return from the purchase of %1"),
            "returned": self.tr("Return from the purchase of %1"),
        }
        what = texts.get(e.status or "", self.tr("Update of the order of %1"))
        return what.replace("%1", placed), " · ".join(p for p in (items, e.store_name or "") if p)

    def _describe(self, e: TimelineEntry) -> tuple[str, str]:
        """(what happened, the details) in the associate's language."""
        items = ", ".join(e.items)
        if e.kind == "visit":
            what = self.tr("Store visit: %1").replace("%1", outcome_label(e.status or ""))
            parts = []
            if e.reason:
                parts.append(reason_label(e.reason, e.text))
            if items:
                parts.append(items)
            parts.append(self._where_who(e))
            return what, " · ".join(p for p in parts if p)
        if e.kind == "order" and e.related_id is not None:
            return self._order_event(e, items)
        if e.kind == "order":
            channel = e.channel or "web"
            status = order_status_label(e.status or "", channel=channel)
            money = money_text(e.total_minor or 0, e.currency or "")
            if channel == "store":
                what = self.tr("Store purchase: %1, %2")
            elif channel == "phone":
                what = self.tr("Phone order: %1, %2")
            else:
                what = self.tr("Online order: %1, %2")
            what = what.replace("%1", status).replace("%2", money)
            offer = self.tr("with offer %1").replace("%1", e.text) if e.text else ""
            details = " · ".join(p for p in (items, offer, e.store_name or "") if p)
            return what, details
        if e.kind == "cart":
            status = cart_status_label(e.status or "")
            if e.status == "abandoned" and e.text:
                status = self.tr("abandoned at %1").replace("%1", checkout_step_label(e.text))
            what = self.tr("Online cart: %1").replace("%1", status)
            money = money_text(e.total_minor or 0, e.currency or "")
            return what, " · ".join(p for p in (money, items) if p)
        if e.kind == "consent":
            channel = contact_channel_label(e.channel or "")
            if e.status == "granted":
                what = self.tr("Agreed to %1").replace("%1", channel)
            else:
                what = self.tr("Refused %1").replace("%1", channel)
            return what, self._consent_source(e.text)
        if e.kind == "note":
            author = e.author_name or ""
            return self.tr("Note by %1").replace("%1", author), " ".join(e.text.split())
        if e.kind in ("hold", "offer"):
            return describe_timeline(e)
        if e.kind == "reply":
            return self._reply(e)
        if e.kind == "appointment":
            return appointment_labels.describe_timeline(e)
        if e.kind == "feedback":
            return self._feedback(e)
        if e.kind == "followup":
            return self._followup(e)
        return e.kind, e.text

    def _followup(self, e: TimelineEntry) -> tuple[str, str]:
        """A follow-up sent to the customer, with how far it got (sent, opened, clicked)."""
        what = (
            self.tr("Follow-up by %1: %2")
            .replace("%1", contact_channel_label(e.channel or ""))
            .replace("%2", followup_status_label(e.status or ""))
        )
        parts = [template_label(e.reason or ""), " ".join(e.text.split()), self._where_who(e)]
        return what, " · ".join(p for p in parts if p)

    def _reply(self, e: TimelineEntry) -> tuple[str, str]:
        """A customer's reply: its text, and the follow-up it answers."""
        channel = contact_channel_label(e.channel or "")
        if e.status == "opt_out":
            what = self.tr("Reply by %1: opted out of %1").replace("%1", channel)
        else:
            what = self.tr("Reply by %1").replace("%1", channel)
        parts = [" ".join(e.text.split())]
        if e.related_id is not None and e.reason:
            answers = self.tr("answers “%1” of %2").replace("%1", template_label(e.reason))
            answers = answers.replace(
                "%2", local_date(e.related_at) if e.related_at is not None else ""
            )
            if e.author_name:
                answers += " " + self.tr("from %1").replace("%1", e.author_name)
            parts.append(answers)
        return what, " · ".join(p for p in parts if p)

    def _where_who(self, e: TimelineEntry) -> str:
        if e.store_name and e.author_name:
            return self.tr("%1, with %2").replace("%1", e.store_name).replace("%2", e.author_name)
        return e.store_name or e.author_name or ""

    def _consent_source(self, source: str) -> str:
        sources = {
            "store_signup": self.tr("signed up in store"),
            "web_signup": self.tr("signed up online"),
            "receipt": self.tr("from a receipt"),
            "preferences_page": self.tr("on the preferences page"),
            "inbound_reply": self.tr("by replying to a message"),
        }
        return sources.get(source, source)
