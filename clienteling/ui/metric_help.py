"""How each dashboard number is computed, in the interface language: the "?" texts.

The definitions themselves live in `clienteling.domain.metrics`; these sentences say the
same thing for a store manager.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def attribution_rule(window_days: int | None) -> str:
    """How the hub credits an online order to a follow-up: its attribution window is a hub
    setting, so the rule comes from the hub's answer (None before one arrived)."""
    if window_days is None:
        return QCoreApplication.translate(
            "MetricHelp", "the last follow-up touch within the hub's attribution window wins"
        )
    return QCoreApplication.translate(
        "MetricHelp", "the last follow-up touch within %n day(s) wins", "", window_days
    )


def metric_help(key: str, *, attribution_window_days: int | None = None) -> str:
    """The "?" text of `key`; the funnel's states the hub's attribution window."""
    texts = {
        "in_store_revenue": QCoreApplication.translate(
            "MetricHelp",
            "Sum of what customers kept from purchases at this store's counter in the "
            "period: returned items are taken off, fully returned purchases count zero. "
            "Compared with the period of the same length just before, and with the average "
            "of the chain's stores.",
        ),
        "in_store_orders": QCoreApplication.translate(
            "MetricHelp",
            "Purchases at this store's counter in the period by customers with a profile, "
            "fully returned ones excluded. Anonymous sales are not here: the funnel's "
            '"Bought in store" counts the visits that ended with a purchase, anonymous '
            "visitors included. Days are this store's local days.",
        ),
        "online_revenue": QCoreApplication.translate(
            "MetricHelp",
            "Net revenue of web and phone orders placed in the period by customers whose "
            "home store is this store.",
        ),
        "attributed_revenue": QCoreApplication.translate(
            "MetricHelp",
            "Net revenue of web and phone orders credited to this store, for example because "
            "the customer ordered from a follow-up one of its associates sent.",
        ),
        "new_customers": QCoreApplication.translate(
            "MetricHelp",
            "Customer profiles with this home store created in the period, at the counter "
            "or online. Merged duplicates count once.",
        ),
        "funnel": QCoreApplication.translate(
            "MetricHelp",
            "Store visits logged in the period (anonymous visitors included) and how many "
            "ended with a purchase here: the in-store conversion, typically 30-35 % in retail. "
            "Then the follow-ups this store queued in the period: how many reached the "
            "customer, were opened, had a link clicked, put something in an online cart, and "
            "the online orders credited to the store (%1). Each rate is a share of the step "
            "before it.",
        ).replace("%1", attribution_rule(attribution_window_days)),
        "reasons": QCoreApplication.translate(
            "MetricHelp",
            "The reasons associates logged for visits that ended without a purchase here, "
            "most frequent first, with the previous period for the trend.",
        ),
        "feedback": QCoreApplication.translate(
            "MetricHelp",
            "Survey answers given in the period, from the QR code or link handed over at the "
            "counter and from follow-ups, by touchpoint, buyers and non-buyers apart: how "
            "many answers and the average score out of 5. Surveys answered are counted per "
            "visit logged and follow-up sent in the same period.",
        ),
        "comments": QCoreApplication.translate(
            "MetricHelp",
            "The newest written answers to the surveys of the period, with their touchpoint "
            "and score. Customers wrote them; they are shown as written.",
        ),
        "followup_effects": QCoreApplication.translate(
            "MetricHelp",
            "Follow-ups this store queued in the period, per template and channel: how many "
            "reached the customer, were opened, had a link clicked, led to an online order, "
            "and the net revenue of the orders credited to them.",
        ),
        "lifecycle": QCoreApplication.translate(
            "MetricHelp",
            "Stages at the end of the period, from purchase history: New (no purchase yet), "
            "First purchase (one, recent), Loyal (two or more, recent), At risk (nothing for "
            "180 days), Lapsed (nothing for 365 days). The table lists customers whose stage "
            "changed between the start and the end of the period.",
        ),
        "omnichannel": QCoreApplication.translate(
            "MetricHelp",
            "Omnichannel customers bought both at a store counter and online (web or phone); "
            "single-channel customers bought in only one of the two. Customer value is all "
            "their net purchases up to the end of the period. Retention: of the customers "
            "whose first purchase is at least 12 months old, the share who bought again "
            "within 12 months of it. Beside them, the figures retail studies publish.",
        ),
        "associates": QCoreApplication.translate(
            "MetricHelp",
            "Purchases at this store's counter in the period credited to each associate, "
            "with the number of distinct customers and the share of the store's in-store "
            "revenue. Counts and rates matter as much as the ranking.",
        ),
        "tasks": QCoreApplication.translate(
            "MetricHelp",
            "Tasks the hub created for this store in the period (welcome, second purchase, "
            "VIP thank-you, at-risk check-in, win-back, cart available here, post-purchase "
            "check-in), per associate: the one assigned, else the one who did it. Done rate: "
            "done so far out of created; on time: done by the due time, out of done. "
            "Dismissed: set aside by an associate with a reason (not counted as done).",
        ),
        "offers": QCoreApplication.translate(
            "MetricHelp",
            "Single-use offer codes carried by this store's follow-ups in the period, and "
            "how many were redeemed, at the till or online. Each code works once.",
        ),
    }
    return texts.get(key, key)


def funnel_step_label(step: str) -> str:
    labels = {
        "visits": QCoreApplication.translate("MetricHelp", "Store visits"),
        "bought_here": QCoreApplication.translate("MetricHelp", "Bought in store"),
        "followups_sent": QCoreApplication.translate("MetricHelp", "Follow-ups sent"),
        "opened": QCoreApplication.translate("MetricHelp", "Opened"),
        "clicked": QCoreApplication.translate("MetricHelp", "Link clicked"),
        "online_cart": QCoreApplication.translate("MetricHelp", "Online cart"),
        "online_order": QCoreApplication.translate("MetricHelp", "Online order"),
    }
    return labels.get(step, step)


def touchpoint_label(touchpoint: str) -> str:
    labels = {
        "staff": QCoreApplication.translate("MetricHelp", "Staff"),
        "product": QCoreApplication.translate("MetricHelp", "Product"),
        "price": QCoreApplication.translate("MetricHelp", "Price"),
        "delivery": QCoreApplication.translate("MetricHelp", "Delivery"),
        "packaging": QCoreApplication.translate("MetricHelp", "Packaging"),
        "returns": QCoreApplication.translate("MetricHelp", "Returns"),
    }
    return labels.get(touchpoint, touchpoint)
