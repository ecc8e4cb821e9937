"""Translated words for holds and offers (timeline, composer, redeem dialog).

Each label is spelled out at its own `translate()` call so `lupdate` finds it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from clienteling.terminal.views import TimelineEntry
from clienteling.ui.labels import local_time


def offer_kind_label(kind: str) -> str:
    labels = {
        "store_cashback": QCoreApplication.translate("HoldLabels", "Cashback in store"),
        "store_gift": QCoreApplication.translate("HoldLabels", "Gift in store"),
        "free_delivery": QCoreApplication.translate("HoldLabels", "Free delivery online"),
        "free_pickup": QCoreApplication.translate("HoldLabels", "Free pickup of an online order"),
    }
    return labels.get(kind, kind)


def refusal_label(refusal: str) -> str:
    labels = {
        "unknown_offer": QCoreApplication.translate(
            "HoldLabels", "This code does not exist. Check how it was typed."
        ),
        "offer_redeemed": QCoreApplication.translate(
            "HoldLabels", "This code was already used: it is valid only once."
        ),
        "offer_expired": QCoreApplication.translate("HoldLabels", "This code has expired."),
        "offer_wrong_channel": QCoreApplication.translate(
            "HoldLabels", "This code is valid online only: it cannot be used here."
        ),
    }
    return labels.get(refusal, refusal)


def describe_timeline(e: TimelineEntry) -> tuple[str, str]:
    """(what happened, the details) of a hold or an offer in the customer's timeline."""
    items = ", ".join(e.items)
    if e.kind == "hold":
        if e.refused is not None:
            what = QCoreApplication.translate("HoldLabels", "Hold refused: %1").replace(
                "%1", e.refused
            )
        elif e.pending:
            what = QCoreApplication.translate("HoldLabels", "Hold requested (pending)")
        elif e.status == "held" and e.text:
            until = local_time(datetime.fromisoformat(e.text))
            what = QCoreApplication.translate("HoldLabels", "Held until %1").replace("%1", until)
        else:
            statuses = {
                "collected": QCoreApplication.translate("HoldLabels", "Hold collected"),
                "released": QCoreApplication.translate("HoldLabels", "Hold released"),
                "expired": QCoreApplication.translate("HoldLabels", "Hold expired"),
            }
            what = statuses.get(e.status or "", e.status or "")
        if e.channel == "link":
            items += " · " + QCoreApplication.translate(
                "HoldLabels", "reserved online by the customer"
            )
        return what, " · ".join(p for p in (items, e.store_name or "") if p)
    kind = offer_kind_label(e.reason or "")
    if e.status == "redeemed":
        where = (
            QCoreApplication.translate("HoldLabels", "in store")
            if e.channel == "store"
            else QCoreApplication.translate("HoldLabels", "online")
        )
        what = (
            QCoreApplication.translate("HoldLabels", "Offer redeemed %1: %2")
            .replace("%1", where)
            .replace("%2", kind)
        )
    else:
        what = QCoreApplication.translate("HoldLabels", "Offer sent: %1").replace("%1", kind)
    return what, QCoreApplication.translate("HoldLabels", "code %1").replace("%1", e.text)
