"""The manager dashboard as the hub serves it (`GET /api/v1/stats/stores/{id}/dashboard`).

Every figure is defined in `clienteling.domain.metrics`; rates are fractions (0.31 = 31 %)
or null when there was nothing to divide by. Money is minor units in `currency`.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from clienteling.protocol.tasks import TaskCompletion


class SalesFigures(BaseModel):
    """Orders placed in a period, net of returns."""

    orders: int = Field(description="Orders placed, fully returned ones excluded.")
    revenue_minor: int = Field(description="Net revenue: what the customers kept.")
    customers: int = Field(description="Distinct customers who placed those orders.")


class PeriodFigures(BaseModel):
    in_store: SalesFigures = Field(description="Purchases at this store's counter.")
    online: SalesFigures = Field(
        description="Web and phone orders of this store's customers (home store)."
    )
    attributed_online: SalesFigures = Field(
        description="Web and phone orders credited to this store (follow-up attribution)."
    )
    new_customers: int = Field(description="Customers of this store created in the period.")


class AssociateFigures(BaseModel):
    associate_id: str
    display_name: str
    orders: int
    revenue_minor: int
    customers: int
    revenue_share: float | None = Field(description="Share of the store's in-store revenue.")


class StageCount(BaseModel):
    stage: str
    customers: int


class StageMove(BaseModel):
    from_stage: str
    to_stage: str
    customers: int


class ChannelGroupFigures(BaseModel):
    customers: int
    average_value_minor: float | None = Field(description="Net revenue per customer, ever.")
    retention_rate: float | None = Field(
        description="Bought again within 12 months of the first purchase (of those whose first "
        "purchase is at least 12 months old)."
    )
    retention_eligible: int
    orders_per_year: float | None = Field(description="Orders per customer-year.")


class OmnichannelFigures(BaseModel):
    omnichannel: ChannelGroupFigures = Field(description="Bought in store and online.")
    single_channel: ChannelGroupFigures = Field(description="Bought in one kind of channel.")
    value_uplift: float | None = Field(
        description="How much more an omnichannel customer is worth (0.3 = 30 % more)."
    )
    published_value_uplift: float = Field(description="The figure retail studies quote.")
    published_retention_omnichannel: float
    published_retention_single_channel: float


class FunnelStep(BaseModel):
    step: str = Field(description="One of domain.metrics.FUNNEL_STEPS.")
    count: int
    previous_count: int = Field(description="The same step in the previous period.")
    rate: float | None = Field(description="Share of the step before it (null at a start).")
    revenue_minor: int | None = Field(default=None, description="For the order step.")


class ReasonCount(BaseModel):
    reason: str = Field(description="Why a visit ended without a purchase here.")
    visits: int
    previous_visits: int
    share: float | None = Field(description="Share of the visits without a purchase.")


class TouchpointFeedback(BaseModel):
    touchpoint: str = Field(description="staff, product, price, delivery, packaging, returns")
    buyer: bool | None = Field(description="Answered by a buyer, a non-buyer, or unknown.")
    answers: int
    average_score: float | None = Field(description="1 to 5; null without scored answers.")


class FeedbackComment(BaseModel):
    touchpoint: str
    buyer: bool | None
    score: int | None
    text: str
    at: str


class FollowupEffect(BaseModel):
    template: str
    channel: str
    queued: int = Field(description="Follow-ups queued in the period, refused ones included.")
    sent: int
    opened: int
    clicked: int
    converted: int
    revenue_minor: int = Field(description="Net revenue of the online orders credited to them.")


class OfferKindFigures(BaseModel):
    kind: str = Field(description="store_cashback, store_gift, free_delivery, free_pickup")
    issued: int
    redeemed: int


class OfferFigures(BaseModel):
    """Single-use offers the store's follow-ups carried in the period, and their use."""

    issued: int = 0
    redeemed: int = 0
    redemption_rate: float | None = Field(default=None, description="redeemed / issued.")
    redeemed_in_store: int = 0
    redeemed_online: int = 0
    kinds: list[OfferKindFigures] = Field(default_factory=list)


class StoreDashboard(BaseModel):
    store_id: str
    store_name: str
    currency: str
    timezone: str
    start: str = Field(description="First local day of the period (ISO date).")
    end: str = Field(description="Day after the last local day (ISO date, exclusive).")
    generated_at: str = Field(description="UTC, ISO 8601: the 'as of' time.")
    current: PeriodFigures
    previous: PeriodFigures = Field(description="The period of the same length just before.")
    chain_average: PeriodFigures = Field(description="Average over the chain's stores.")
    stores_in_chain: int
    associates: list[AssociateFigures] = Field(description="In-store sales per associate.")
    unattributed_in_store: SalesFigures = Field(
        description="In-store purchases no associate was credited for."
    )
    lifecycle: list[StageCount] = Field(description="This store's customers per stage at the end.")
    lifecycle_moves: list[StageMove] = Field(
        description="Customers whose stage changed between the period's start and end."
    )
    omnichannel: OmnichannelFigures
    funnel: list[FunnelStep] = Field(description="Visits to online orders, step by step.")
    no_purchase_reasons: list[ReasonCount] = Field(description="Most frequent first.")
    feedback: list[TouchpointFeedback] = Field(description="Survey answers in the period.")
    surveys_answered: int = Field(description="Surveys with at least one answer in the period.")
    survey_response_rate: float | None = Field(
        description="Surveys answered per visit logged and follow-up sent in the period."
    )
    latest_comments: list[FeedbackComment] = Field(description="Newest written answers.")
    followup_effects: list[FollowupEffect] = Field(description="Per template and channel.")
    tasks: TaskCompletion | None = Field(
        default=None, description="Tasks created in the period and their completion."
    )
    offers: OfferFigures = Field(default_factory=OfferFigures)
    rows_scanned: dict[str, int] = Field(description="Rows read per table (for operators).")
    attribution_window_days: int | None = Field(
        default=None,
        description="Online orders are credited to the last follow-up touch within this many "
        "days (the hub's setting); absent from answers of older hubs.",
    )


class DrillRow(BaseModel):
    """One visit, follow-up, order or customer behind a dashboard number."""

    kind: str = Field(description="visit, followup, order or customer")
    at: str | None = Field(description="When it happened (UTC); a customer's last purchase.")
    customer_id: str | None = Field(description="Null for an anonymous visitor.")
    customer_name: str | None
    associate_name: str | None
    code: str | None = Field(
        description="Visit outcome, follow-up status, order status or lifecycle stage."
    )
    detail: str | None = Field(description="Visit reason or follow-up template.")
    channel: str | None = Field(description="Order or follow-up channel.")
    amount_minor: int | None = Field(description="An order's net amount.")


class DrillDown(BaseModel):
    """`GET /api/v1/stats/stores/{id}/drilldown`: the rows one figure counts, newest first."""

    store_id: str
    figure: str = Field(description="One of domain.metrics.DRILLDOWN_FIGURES.")
    key: str | None = Field(description="The funnel step, reason, stage or associate id.")
    start: str
    end: str
    currency: str
    total: int = Field(description="How many rows the figure counts (all pages).")
    rows: list[DrillRow]
