"""How each dashboard number is computed, in the interface language: the "?" texts.

The definitions themselves live in `clienteling.domain.metrics`; these sentences say the
same thing for a store manager.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def metric_help(key: str) -> str:
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
            "Purchases at this store's counter in the period, fully returned ones excluded. "
            "Days are this store's local days.",
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
    }
    return texts.get(key, key)
