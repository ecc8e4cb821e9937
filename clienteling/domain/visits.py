"""Store visits, buyers and non-buyers: the outcome and reason vocabularies and their rules.

Written once here so the terminal (before queueing), the hub (before storing) and the
dashboard (when counting) agree on what a valid visit is. In-store conversion counts every
visit, anonymous visitors too: a visit needs no customer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal, get_args

Outcome = Literal["bought_here", "will_buy_online", "will_come_back", "left_without_buying"]
Reason = Literal[
    "price",
    "size_colour_missing",
    "just_browsing",
    "wants_to_compare",
    "delivery_options",
    "other",
]

OUTCOMES: Final[tuple[Outcome, ...]] = get_args(Outcome)
REASONS: Final[tuple[Reason, ...]] = get_args(Reason)
BOUGHT: Final[Outcome] = "bought_here"

MAX_PRODUCTS: Final = 20
MAX_REASON_TEXT: Final = 500
SURVEY_TOKEN_MIN_LENGTH: Final = 16  # secrets.token_urlsafe(16) gives 22 characters
SURVEY_TOKEN_MAX_LENGTH: Final = 64


class VisitRuleError(ValueError):
    """The visit breaks a rule; the message says which, in plain words (English)."""


def is_purchase(outcome: str) -> bool:
    """Only a sale at the till converts a visit; "will buy online" is not (yet) one."""
    return outcome == BOUGHT


def check_visit(
    *, outcome: str, reason: str | None, reason_text: str, product_ids: Sequence[str]
) -> tuple[Outcome, Reason | None, str]:
    """The visit's (outcome, reason, reason text) once valid; VisitRuleError otherwise.

    A buyer has no reason (and no reason text); a non-buyer must give one, and "other"
    must say what in `reason_text`. Products are optional (a browser may try nothing) but
    bounded, and each is named once.
    """
    if outcome not in OUTCOMES:
        raise VisitRuleError(f"unknown visit outcome {outcome!r}")
    text = " ".join(reason_text.split())
    if len(text) > MAX_REASON_TEXT:
        raise VisitRuleError(f"the reason is longer than {MAX_REASON_TEXT} characters")
    if len(product_ids) > MAX_PRODUCTS:
        raise VisitRuleError(f"a visit lists at most {MAX_PRODUCTS} products")
    if len(set(product_ids)) != len(product_ids):
        raise VisitRuleError("a product is listed twice")
    checked_outcome: Outcome = outcome  # checked just above
    if is_purchase(outcome):
        if reason is not None:
            raise VisitRuleError("a visit that ended in a purchase has no reason")
        return checked_outcome, None, ""
    if reason is None:
        raise VisitRuleError("say why nothing was bought")
    if reason not in REASONS:
        raise VisitRuleError(f"unknown reason {reason!r}")
    if reason == "other" and not text:
        raise VisitRuleError('describe the reason when it is "other"')
    checked_reason: Reason = reason  # checked just above
    return checked_outcome, checked_reason, text if reason == "other" else ""
