"""The customer's side of holds and offers: the reserve-for-pickup page behind a
follow-up's `/r/<token>` link and the offer code box of the demo storefront's cart.

A reservation made here is a hold like the associate's (`hub.holds`, source "link"): it
lowers the store's available stock and shows on the store's terminals. Reserving the
same pick again from the same follow-up while its hold lasts holds nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.ids import uuid7
from clienteling.hub import holds, offers
from clienteling.hub.db import write_tx
from clienteling.hub.tables import followup_links, followups, locations, reservations

# The pages' own words (hub.pages.STRINGS holds the shared ones), by language.
STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "reserve_title": "Reserve for pickup at {store}",
        "reserve_text": "Choose what to set aside: {store} keeps it for you for {hours} hours.",
        "reserve": "Reserve for pickup",
        "available": "Available at {store}: {count}",
        "unavailable": "Not available at {store} right now",
        "reserved_title": "Reserved!",
        "held_until": "Kept for you until {time}",
        "already": "Already reserved for you, until {time}",
        "sold_out": "Sorry, no longer available at {store}",
        "nothing": "Choose at least one item.",
        "pickup": "Show this page or your name at the counter.",
        "offer_label": "Offer code",
        "offer_apply": "Apply",
        "offer_ok": "Your offer is applied: {offer}.",
        "offer_in_cart": "Offer {code} applied to this order.",
        "unknown_offer": "This code does not exist: check how it is typed.",
        "offer_redeemed": "This code has already been used.",
        "offer_expired": "This code has expired.",
        "offer_wrong_channel": "This code is valid in store only: show it at the till.",
        "store_cashback": "cashback in store",
        "store_gift": "a gift in store",
        "free_delivery": "free delivery",
        "free_pickup": "free pickup in store",
    },
    "fr": {
        "reserve_title": "Réserver pour un retrait à {store}",
        "reserve_text": "Choisissez ce que vous voulez mettre de côté : {store} vous le garde "
        "{hours} heures.",
        "reserve": "Réserver pour un retrait",
        "available": "Disponible à {store} : {count}",
        "unavailable": "Pas disponible à {store} pour le moment",
        "reserved_title": "C'est réservé !",
        "held_until": "Gardé pour vous jusqu'au {time}",
        "already": "Déjà réservé pour vous, jusqu'au {time}",
        "sold_out": "Désolé, plus disponible à {store}",
        "nothing": "Choisissez au moins un article.",
        "pickup": "Présentez cette page ou donnez votre nom en boutique.",
        "offer_label": "Code avantage",
        "offer_apply": "Appliquer",
        "offer_ok": "Votre avantage est appliqué : {offer}.",
        "offer_in_cart": "Avantage {code} appliqué à cette commande.",
        "unknown_offer": "Ce code n'existe pas : vérifiez la saisie.",
        "offer_redeemed": "Ce code a déjà été utilisé.",
        "offer_expired": "Ce code a expiré.",
        "offer_wrong_channel": "Ce code est valable en boutique uniquement : présentez-le "
        "en caisse.",
        "store_cashback": "remboursement en boutique",
        "store_gift": "un cadeau en boutique",
        "free_delivery": "livraison offerte",
        "free_pickup": "retrait en boutique offert",
    },
    "vi": {
        "reserve_title": "Giữ hàng để nhận tại {store}",
        "reserve_text": "Chọn sản phẩm bạn muốn giữ: {store} sẽ giữ cho bạn trong {hours} giờ.",
        "reserve": "Giữ hàng để nhận",
        "available": "Còn tại {store}: {count}",
        "unavailable": "Hiện {store} đã hết hàng",
        "reserved_title": "Đã giữ hàng!",
        "held_until": "Được giữ cho bạn đến {time}",
        "already": "Đã được giữ cho bạn đến {time}",
        "sold_out": "Rất tiếc, {store} đã hết hàng",
        "nothing": "Vui lòng chọn ít nhất một sản phẩm.",
        "pickup": "Hãy đưa trang này hoặc báo tên của bạn tại quầy.",
        "offer_label": "Mã ưu đãi",
        "offer_apply": "Áp dụng",
        "offer_ok": "Ưu đãi của bạn đã được áp dụng: {offer}.",
        "offer_in_cart": "Đã áp dụng ưu đãi {code} cho đơn hàng này.",
        "unknown_offer": "Mã này không tồn tại: vui lòng kiểm tra lại.",
        "offer_redeemed": "Mã này đã được sử dụng.",
        "offer_expired": "Mã này đã hết hạn.",
        "offer_wrong_channel": "Mã này chỉ dùng tại cửa hàng: hãy đưa mã tại quầy thu ngân.",
        "store_cashback": "hoàn tiền tại cửa hàng",
        "store_gift": "quà tặng tại cửa hàng",
        "free_delivery": "miễn phí giao hàng",
        "free_pickup": "miễn phí nhận tại cửa hàng",
    },
    "ru": {
        "reserve_title": "Забронировать для самовывоза в {store}",
        "reserve_text": "Выберите, что отложить: {store} сохранит это для вас на {hours} ч.",
        "reserve": "Забронировать",
        "available": "В наличии в {store}: {count}",
        "unavailable": "Сейчас нет в наличии в {store}",
        "reserved_title": "Забронировано!",
        "held_until": "Отложено для вас до {time}",
        "already": "Уже отложено для вас до {time}",
        "sold_out": "К сожалению, в {store} больше нет",
        "nothing": "Выберите хотя бы один товар.",
        "pickup": "Покажите эту страницу или назовите своё имя на кассе.",
        "offer_label": "Промокод",
        "offer_apply": "Применить",
        "offer_ok": "Ваше предложение применено: {offer}.",
        "offer_in_cart": "Предложение {code} применено к этому заказу.",
        "unknown_offer": "Такого кода нет: проверьте, правильно ли он введён.",
        "offer_redeemed": "Этот код уже использован.",
        "offer_expired": "Срок действия кода истёк.",
        "offer_wrong_channel": "Этот код действует только в магазине: покажите его на кассе.",
        "store_cashback": "кешбэк в магазине",
        "store_gift": "подарок в магазине",
        "free_delivery": "бесплатная доставка",
        "free_pickup": "бесплатный самовывоз",
    },
}


def words(language: str) -> dict[str, str]:
    return STRINGS[language if language in STRINGS else "en"]


def reserve_followup(conn: Connection, token: str) -> Any | None:
    """The follow-up behind a reserve link (None: not one of ours)."""
    row = conn.execute(
        sa.select(followup_links.c.followup_id).where(
            followup_links.c.token == token, followup_links.c.kind == "reserve"
        )
    ).first()
    if row is None:
        return None
    return conn.execute(sa.select(followups).where(followups.c.id == row.followup_id)).first()


def local_time(conn: Connection, store_id: str, moment: str, language: str) -> str:
    """A hold's end as the customer reads it, in the store's time zone."""
    zone = conn.execute(
        sa.select(locations.c.timezone).where(locations.c.id == store_id)
    ).scalar_one_or_none()
    local = datetime.fromisoformat(moment).astimezone(ZoneInfo(str(zone or "UTC")))
    if language == "en":
        return local.strftime("%d %b %Y, %H:%M")
    separator = "." if language == "ru" else "/"
    return local.strftime(f"%d{separator}%m{separator}%Y %H:%M")


@dataclass(frozen=True, slots=True)
class Outcome:
    product_id: str
    expires_at: str | None  # held until then; None: refused (sold out)
    already: bool = False


def _active_hold(conn: Connection, followup_id: str, product_id: str) -> Any | None:
    return conn.execute(
        sa.select(reservations.c.expires_at).where(
            reservations.c.followup_id == followup_id,
            reservations.c.product_id == product_id,
            reservations.c.status == "held",
        )
    ).first()


def reserve(engine: Engine, followup: Any, product_ids: list[str]) -> list[Outcome]:
    """Hold one of each pick at the follow-up's store, each in its own transaction (one
    sold-out pick does not undo the others)."""
    outcomes = []
    for product_id in product_ids:
        with write_tx(engine) as conn:
            existing = _active_hold(conn, followup.id, product_id)
            if existing is not None:
                outcomes.append(Outcome(product_id, str(existing.expires_at), already=True))
                continue
            try:
                expires = holds.place_hold(
                    conn,
                    holds.HoldRequest(
                        id=uuid7(),
                        customer_id=followup.customer_id,
                        product_id=product_id,
                        store_id=followup.store_id,
                        quantity=1,
                        source="link",
                        scope=followup.scope,
                        followup_id=followup.id,
                    ),
                )
            except holds.StockShortError:
                outcomes.append(Outcome(product_id, None))
                continue
        outcomes.append(Outcome(product_id, expires.isoformat()))
    return outcomes


def redeem_online(engine: Engine, followup: Any, code: str) -> tuple[str | None, str | None]:
    """(the offer kind, None) when the code is redeemed online for the link's customer;
    (None, the refusal code) when not."""
    try:
        with write_tx(engine) as conn:
            row = offers.redeem(conn, code, channel="online", customer_id=followup.customer_id)
    except offers.Refusal as refusal:
        return None, refusal.code
    return str(row.kind), None
