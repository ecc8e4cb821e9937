"""Translated labels for the codes the read models carry, and local-time formatting.

Each label is spelled out at its own `translate()` call so `lupdate` finds it; unknown
codes fall back to the code itself rather than to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from clienteling.domain.geo import whole_km
from clienteling.domain.money import exponent
from clienteling.terminal.views import LocationStock


def stage_label(stage: str) -> str:
    labels = {
        "acquisition": QCoreApplication.translate("Labels", "New"),
        "trial": QCoreApplication.translate("Labels", "First purchase"),
        "loyalty": QCoreApplication.translate("Labels", "Loyal"),
        "retention": QCoreApplication.translate("Labels", "At risk"),
        "recovery": QCoreApplication.translate("Labels", "Lapsed"),
    }
    return labels.get(stage, stage)


def contact_channel_label(channel: str) -> str:
    labels = {
        "email": QCoreApplication.translate("Labels", "Email"),
        "sms": QCoreApplication.translate("Labels", "SMS"),
        "whatsapp": QCoreApplication.translate("Labels", "WhatsApp"),
    }
    return labels.get(channel, channel)


def sales_channel_label(channel: str) -> str:
    labels = {
        "store": QCoreApplication.translate("Labels", "In store"),
        "web": QCoreApplication.translate("Labels", "Online"),
        "phone": QCoreApplication.translate("Labels", "By phone"),
    }
    return labels.get(channel, channel)


def order_status_label(status: str, *, channel: str = "web") -> str:
    """A sale at the till is complete once handed over: never "shipped" or "delivered"."""
    if channel == "store" and status in ("fulfilled", "delivered"):
        return QCoreApplication.translate("Labels", "Completed")
    labels = {
        "placed": QCoreApplication.translate("Labels", "Placed"),
        "fulfilled": QCoreApplication.translate("Labels", "Shipped"),
        "delivered": QCoreApplication.translate("Labels", "Delivered"),
        "returned": QCoreApplication.translate("Labels", "Returned"),
        "partially_returned": QCoreApplication.translate("Labels", "Partly returned"),
    }
    return labels.get(status, status)


def cart_status_label(status: str) -> str:
    labels = {
        "open": QCoreApplication.translate("Labels", "Open"),
        "abandoned": QCoreApplication.translate("Labels", "Abandoned"),
        "ordered": QCoreApplication.translate("Labels", "Ordered"),
    }
    return labels.get(status, status)


def checkout_step_label(step: str) -> str:
    labels = {
        "cart": QCoreApplication.translate("Labels", "cart"),
        "contact": QCoreApplication.translate("Labels", "contact details"),
        "information": QCoreApplication.translate("Labels", "contact details"),
        "shipping": QCoreApplication.translate("Labels", "shipping"),
        "payment": QCoreApplication.translate("Labels", "payment"),
        "review": QCoreApplication.translate("Labels", "review"),
    }
    return labels.get(step, step)


def tier_label(tier: str | None) -> str:
    if not tier:
        return QCoreApplication.translate("Labels", "No tier")
    labels = {
        "bronze": QCoreApplication.translate("Labels", "Bronze"),
        "silver": QCoreApplication.translate("Labels", "Silver"),
        "gold": QCoreApplication.translate("Labels", "Gold"),
        "platinum": QCoreApplication.translate("Labels", "Platinum"),
    }
    return labels.get(tier.lower(), tier)


def language_name(code: str) -> str:
    """The language's own name ("Tiếng Việt", "français"), as customers say it."""
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def local_time(moment: datetime) -> str:
    """`moment` (aware UTC) in this machine's time zone, short locale format."""
    stamp = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def local_date(moment: datetime) -> str:
    stamp = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(stamp.date(), QLocale.FormatType.ShortFormat)


def whole_number(value: int) -> str:
    """Grouped the way the interface language groups digits."""
    return QLocale().toString(value)


def decimal_number(value: float, places: int = 1) -> str:
    """A measure such as 3.7 purchases a year or 4.2 / 5, with the interface language's
    decimal mark ("3,7" in French, Russian and Vietnamese)."""
    return QLocale().toString(value, "f", places)


def money_text(minor: int, currency: str) -> str:
    """An amount in minor units with the interface language's grouping, decimal mark and
    minus sign, then the ISO code ("1,299.00 EUR", "1 299,00 EUR"), exactly (no float):
    the same digits as the counts beside it. What customers read (messages, web pages) is
    written in their own language by `domain.money.format_money`."""
    locale = QLocale()
    exp = exponent(currency)
    whole, frac = divmod(abs(minor), 10**exp) if exp else (abs(minor), 0)
    digits = locale.toString(whole)
    if exp:
        digits += f"{locale.decimalPoint()}{frac:0{exp}d}"
    sign = locale.negativeSign() if minor < 0 else ""
    return f"{sign}{digits}\u00a0{currency}"


def template_label(name: str) -> str:
    labels = {
        "thank_you": QCoreApplication.translate("Followups", "Thank you for the visit"),
        "products_tried": QCoreApplication.translate("Followups", "Products you tried"),
        "cart_available": QCoreApplication.translate(
            "Followups", "Your cart is available here today"
        ),
        "post_purchase": QCoreApplication.translate("Followups", "Delivery and packaging check-in"),
        "birthday": QCoreApplication.translate("Followups", "Birthday"),
        "win_back": QCoreApplication.translate("Followups", "We miss you"),
        "back_in_stock": QCoreApplication.translate("Followups", "Back in stock"),
        "welcome": QCoreApplication.translate("Followups", "Welcome"),
        "second_purchase": QCoreApplication.translate(
            "Followups", "Ideas to go with the first purchase"
        ),
        "vip_thanks": QCoreApplication.translate("Followups", "Thank you for your loyalty"),
        "visit_survey": QCoreApplication.translate("Followups", "How was your visit?"),
    }
    return labels.get(name, name)


def followup_status_label(status: str) -> str:
    labels = {
        "queued": QCoreApplication.translate("Followups", "Queued"),
        "sending": QCoreApplication.translate("Followups", "Sending"),
        "sent": QCoreApplication.translate("Followups", "Sent"),
        "delivered": QCoreApplication.translate("Followups", "Delivered"),
        "opened": QCoreApplication.translate("Followups", "Opened"),
        "clicked": QCoreApplication.translate("Followups", "Link opened"),
        "converted": QCoreApplication.translate("Followups", "Ordered online"),
        "refused_no_consent": QCoreApplication.translate(
            "Followups", "Not sent: no consent at sending time"
        ),
        "failed": QCoreApplication.translate("Followups", "Not sent: failed"),
        "needs_check": QCoreApplication.translate(
            "Followups", "Sending interrupted: to be checked"
        ),
    }
    return labels.get(status, status)


def stock_here_text(stock: int | None) -> str:
    """ "3 here", "Not here", or "—" when this store's stock is not known."""
    if stock is None:
        return "—"
    if stock > 0:
        return QCoreApplication.translate("ProfileView", "%1 here").replace("%1", str(stock))
    return QCoreApplication.translate("ProfileView", "Not here")


def short_day(day: date, *, today: date | None = None) -> str:
    """ "12 Dec" in the interface language ("12 déc.", "12 дек."), with the year when it
    is not this year's."""
    this_year = (today or date.today()).year
    pattern = "d MMM" if day.year == this_year else "d MMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def distance_text(km: float | None) -> str:
    """ "12 km"; empty when the distance is not known (a store without a position)."""
    if km is None:
        return ""
    return QCoreApplication.translate("Stock", "%1 km").replace("%1", whole_number(whole_km(km)))


def incoming_cell(units: int, day: date | None) -> str:
    """What is on its way, for a column headed "Incoming": "5 on 12 Dec", or "5"."""
    if day is None:
        return whole_number(units)
    return (
        QCoreApplication.translate("Stock", "%1 on %2")
        .replace("%1", whole_number(units))
        .replace("%2", short_day(day))
    )


def incoming_text(units: int, day: date | None) -> str:
    """The same in a sentence: "incoming: 5 on 12 Dec", or "incoming: 5"."""
    if day is None:
        return QCoreApplication.translate("Stock", "incoming: %1").replace(
            "%1", whole_number(units)
        )
    return (
        QCoreApplication.translate("Stock", "incoming: %1 on %2")
        .replace("%1", whole_number(units))
        .replace("%2", short_day(day))
    )


def variant_text(size: str | None, colour: str | None) -> str:
    """A variant's attributes for a table cell: "42 · Blanc", "M", "Noir"; "—" when the
    product has neither (or the catalogue does not say)."""
    parts = [part for part in (size, colour) if part]
    return " · ".join(parts) if parts else "—"


def variant_sentence(size: str | None, colour: str | None) -> str:
    """The same for a detail line: "Size 42 · colour Blanc"; empty when neither."""
    parts = []
    if size:
        parts.append(QCoreApplication.translate("Variant", "Size %1").replace("%1", size))
    if colour:
        words = (
            QCoreApplication.translate("Variant", "colour %1")
            if parts
            else QCoreApplication.translate("Variant", "Colour %1")
        )
        parts.append(words.replace("%1", colour))
    return " · ".join(parts)


def other_stores_tip(stores: Sequence[LocationStock]) -> str:
    """The other stores one per line, nearest first: "Lyon Part-Dieu · 395 km: 3", with
    what is on its way to each when known (a stock cell's tooltip)."""
    rows = []
    for store in stores:
        place = store.name
        if store.distance_km is not None:
            place = f"{place} · {distance_text(store.distance_km)}"
        row = (
            QCoreApplication.translate("Labels", "%1: %2")
            .replace("%1", place)
            .replace("%2", whole_number(store.available))
        )
        if store.incoming is not None:
            row = f"{row} ({incoming_text(store.incoming.units, store.incoming.on)})"
        rows.append(row)
    return "\n".join(rows)
