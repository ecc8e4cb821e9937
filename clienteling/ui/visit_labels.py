"""Translated labels for visit outcomes and reasons (codes of `domain.visits`).

Each label is spelled out at its own `translate()` call so `lupdate` finds it. The form's
radio buttons carry mnemonics (`&`); lists and the timeline show the same words without.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def outcome_choice(outcome: str) -> str:
    """The radio button text, with its Alt+letter mnemonic."""
    labels = {
        "bought_here": QCoreApplication.translate("VisitLabels", "Bought &here"),
        "will_buy_online": QCoreApplication.translate("VisitLabels", "Will buy &online"),
        "will_come_back": QCoreApplication.translate("VisitLabels", "Will &come back"),
        "left_without_buying": QCoreApplication.translate("VisitLabels", "&Left without buying"),
    }
    return labels.get(outcome, outcome)


def reason_choice(reason: str) -> str:
    """The radio button text, with its Alt+letter mnemonic."""
    labels = {
        "price": QCoreApplication.translate("VisitLabels", "&Price"),
        "size_colour_missing": QCoreApplication.translate("VisitLabels", "&Size or colour missing"),
        "just_browsing": QCoreApplication.translate("VisitLabels", "&Just browsing"),
        "wants_to_compare": QCoreApplication.translate("VisitLabels", "Wants to co&mpare"),
        "delivery_options": QCoreApplication.translate("VisitLabels", "&Delivery options"),
        "other": QCoreApplication.translate("VisitLabels", "Othe&r"),
    }
    return labels.get(reason, reason)


def _plain(text: str) -> str:
    """Without the mnemonic marker ("&&" stays a literal "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def outcome_label(outcome: str) -> str:
    return _plain(outcome_choice(outcome))


def reason_label(reason: str, reason_text: str = "") -> str:
    if reason == "other" and reason_text:
        return reason_text
    return _plain(reason_choice(reason))
