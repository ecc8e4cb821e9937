"""Journey 2 of DESIGN.md in a real browser: the terminal sends "available here today"
with a reserve-for-pickup link and a free-delivery code; the customer reserves the
items in headless Chromium, the hold reaches the terminal's profile and stock at the
next sync; online, the code applies once and is refused the second time."""

from __future__ import annotations

import re
from typing import Any

from clienteling.hub import reserve_pages

from .test_followup_journey import (
    TIMEOUT_S,
    Stack,
    email_customer,
    hub_status,
    link,
    shot,
    stack,
    wait_for,
)

__all__ = ["stack"]


def test_reserve_link_to_a_hold_on_the_terminal_and_a_code_used_once(
    stack: Stack, page: Any
) -> None:
    terminal = stack.terminal
    customer_id, language = email_customer(terminal)
    picks = [p for p in terminal.search_products("a", limit=50) if (p.stock_here or 0) > 1][:2]
    before = {p.id: p.stock_here for p in picks}
    followup_id = terminal.queue_followup(
        customer_id=customer_id,
        channel="email",
        template="cart_available",
        language=language,  # type: ignore[arg-type]
        product_ids=[p.id for p in picks],
        personal_line="",
        offer="free_delivery",
        reserve=True,
    )
    terminal.sync_once()
    stack.wake_worker()
    mails = stack.sink.wait_for(1, timeout_s=TIMEOUT_S)
    assert wait_for(lambda: hub_status(stack, followup_id) == "sent")
    text = mails[0].body("plain")
    code = re.search(r"[0-9A-Z]{5}-[0-9A-Z]{5}", text)
    assert code is not None, text

    page.goto(link(mails[0], stack.hub.url, "r"))
    assert page.evaluate("document.characterSet") == "UTF-8"
    body = page.inner_text("main")
    assert all(p.name in body for p in picks)
    shot(page, "reserve")
    page.click("#reserve")
    page.wait_for_selector("#r-1")
    assert page.locator(".stock.out").count() == 0  # both held
    shot(page, "reserved")

    terminal.sync_once()
    holds = terminal.customer_holds(customer_id)
    mine = {h.product_id: h for h in holds if h.source == "link" and h.status == "held"}
    assert set(mine) == set(before)
    after = {p.id: p.stock_here for p in terminal.products_by_id(list(before))}
    assert all(after[pid] == (before[pid] or 0) - 1 for pid in before)
    entries = terminal.customer_timeline(customer_id, kinds=["hold", "offer"])
    assert {e.kind for e in entries} == {"hold", "offer"}

    page.goto(link(mails[0], stack.hub.url, "f"))
    page.locator("button[name=add]").first.click()
    page.wait_for_selector("#cart-lines")
    page.fill("#offer-code", code.group(0).lower())
    page.click("#apply-offer")
    page.wait_for_selector("#message")
    first = page.inner_text("#message")
    shot(page, "offer_applied")
    page.go_back()
    page.fill("#offer-code", code.group(0))
    page.click("#apply-offer")
    page.wait_for_selector("#message")
    second = page.inner_text("#message")
    words = reserve_pages.words(language)
    assert first == words["offer_ok"].format(offer=words["free_delivery"])
    assert second == words["offer_redeemed"]
    terminal.sync_once()
    offers = terminal.customer_offers(customer_id)
    assert [(o.code, o.status, o.redeemed_channel) for o in offers][:1] == [
        (code.group(0), "redeemed", "online")
    ]
