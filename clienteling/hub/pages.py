"""Server-rendered pages for customers (landing, cart, preferences, survey) and the demo
outbox: Jinja2 with autoescape, mobile first, always `charset=utf-8` (or Vietnamese and
Russian turn to mojibake), in the customer's language."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context

from clienteling.domain.money import format_money
from clienteling.domain.resources import resource_path

PAGES_DIR = resource_path("templates", "pages")
LANGUAGES = ("vi", "fr", "ru", "en")

# The pages' own words, by language (short, as a shop would say them).
STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "picks_title": "Picked for you by {name}",
        "add": "Add to cart",
        "add_all": "Add all to cart",
        "in_stock_here": "In stock at {store}: {count}",
        "not_here": "Not in stock at {store} today, available online",
        "cart": "Your cart",
        "cart_empty": "Your cart is empty.",
        "total": "Total",
        "checkout": "Place my order",
        "continue": "Continue shopping",
        "ordered_title": "Thank you for your order!",
        "ordered_text": "Your order is confirmed. {store} has been told, so they can help "
        "you if you have any question.",
        "expired": "This link is not valid (or no longer).",
        "prefs_title": "Your contact preferences",
        "prefs_text": "Choose how {store} may contact you. A change applies at once.",
        "subscribed": "You receive messages",
        "unsubscribed": "You do not receive messages",
        "unsubscribe": "Unsubscribe",
        "unsubscribe_all": "Unsubscribe from everything",
        "prefs_done": "Done: you will no longer receive messages by {channels}.",
        "email": "email",
        "sms": "SMS",
        "whatsapp": "WhatsApp",
        "survey_title": "How did we do?",
        "survey_text": "A few quick questions. Answer only what you want.",
        "staff": "Advice and welcome",
        "product": "Products",
        "price": "Prices",
        "delivery": "Delivery",
        "packaging": "Packaging",
        "returns": "Returns",
        "comment": "Anything to add?",
        "comment_about": "About",
        "anonymous": "Answer anonymously",
        "send": "Send",
        "survey_thanks": "Thank you! Your answers help the team.",
        "score_low": "bad",
        "score_high": "excellent",
    },
    "fr": {
        "picks_title": "Sélectionné pour vous par {name}",
        "add": "Ajouter au panier",
        "add_all": "Tout ajouter au panier",
        "in_stock_here": "En stock à {store} : {count}",
        "not_here": "Pas en stock à {store} aujourd'hui, disponible en ligne",
        "cart": "Votre panier",
        "cart_empty": "Votre panier est vide.",
        "total": "Total",
        "checkout": "Passer commande",
        "continue": "Continuer mes achats",
        "ordered_title": "Merci pour votre commande !",
        "ordered_text": "Votre commande est confirmée. {store} est prévenu et pourra vous "
        "aider si vous avez une question.",
        "expired": "Ce lien n'est pas (ou plus) valide.",
        "prefs_title": "Vos préférences de contact",
        "prefs_text": "Choisissez comment {store} peut vous contacter. Le changement "
        "s'applique immédiatement.",
        "subscribed": "Vous recevez nos messages",
        "unsubscribed": "Vous ne recevez pas nos messages",
        "unsubscribe": "Se désabonner",
        "unsubscribe_all": "Se désabonner de tout",
        "prefs_done": "C'est fait : vous ne recevrez plus de messages par {channels}.",
        "email": "e-mail",
        "sms": "SMS",
        "whatsapp": "WhatsApp",
        "survey_title": "Votre avis compte",
        "survey_text": "Quelques questions rapides. Répondez seulement à celles que vous voulez.",
        "staff": "Accueil et conseil",
        "product": "Produits",
        "price": "Prix",
        "delivery": "Livraison",
        "packaging": "Emballage",
        "returns": "Retours",
        "comment": "Quelque chose à ajouter ?",
        "comment_about": "Au sujet de",
        "anonymous": "Répondre anonymement",
        "send": "Envoyer",
        "survey_thanks": "Merci ! Vos réponses aident l'équipe.",
        "score_low": "mauvais",
        "score_high": "excellent",
    },
    "vi": {
        "picks_title": "{name} đã chọn cho bạn",
        "add": "Thêm vào giỏ",
        "add_all": "Thêm tất cả vào giỏ",
        "in_stock_here": "Còn hàng tại {store}: {count}",
        "not_here": "Hôm nay {store} hết hàng, có sẵn trực tuyến",
        "cart": "Giỏ hàng của bạn",
        "cart_empty": "Giỏ hàng của bạn đang trống.",
        "total": "Tổng cộng",
        "checkout": "Đặt hàng",
        "continue": "Tiếp tục mua sắm",
        "ordered_title": "Cảm ơn bạn đã đặt hàng!",
        "ordered_text": "Đơn hàng của bạn đã được xác nhận. {store} đã được thông báo và "
        "sẵn sàng hỗ trợ nếu bạn có câu hỏi.",
        "expired": "Liên kết này không hợp lệ hoặc đã hết hạn.",
        "prefs_title": "Tùy chọn liên hệ của bạn",
        "prefs_text": "Chọn cách {store} có thể liên hệ với bạn. Thay đổi có hiệu lực ngay.",
        "subscribed": "Bạn đang nhận tin nhắn",
        "unsubscribed": "Bạn không nhận tin nhắn",
        "unsubscribe": "Hủy đăng ký",
        "unsubscribe_all": "Hủy đăng ký tất cả",
        "prefs_done": "Đã xong: bạn sẽ không nhận tin nhắn qua {channels} nữa.",
        "email": "email",
        "sms": "SMS",
        "whatsapp": "WhatsApp",
        "survey_title": "Chúng tôi phục vụ bạn thế nào?",
        "survey_text": "Vài câu hỏi nhanh. Bạn chỉ cần trả lời những câu bạn muốn.",
        "staff": "Tiếp đón và tư vấn",
        "product": "Sản phẩm",
        "price": "Giá cả",
        "delivery": "Giao hàng",
        "packaging": "Đóng gói",
        "returns": "Đổi trả",
        "comment": "Bạn muốn chia sẻ thêm điều gì?",
        "comment_about": "Về",
        "anonymous": "Trả lời ẩn danh",
        "send": "Gửi",
        "survey_thanks": "Cảm ơn bạn! Câu trả lời của bạn giúp ích cho đội ngũ.",
        "score_low": "tệ",
        "score_high": "xuất sắc",
    },
    "ru": {
        "picks_title": "{name} подобрал(а) для вас",
        "add": "В корзину",
        "add_all": "Добавить всё в корзину",
        "in_stock_here": "В наличии в {store}: {count}",
        "not_here": "Сегодня нет в {store}, есть в интернет-магазине",
        "cart": "Ваша корзина",
        "cart_empty": "Ваша корзина пуста.",
        "total": "Итого",
        "checkout": "Оформить заказ",
        "continue": "Продолжить покупки",
        "ordered_title": "Спасибо за заказ!",
        "ordered_text": "Ваш заказ подтверждён. {store} в курсе и поможет, если у вас "
        "появятся вопросы.",
        "expired": "Ссылка недействительна или устарела.",
        "prefs_title": "Ваши настройки связи",
        "prefs_text": "Выберите, как {store} может с вами связываться. Изменения действуют сразу.",
        "subscribed": "Вы получаете сообщения",
        "unsubscribed": "Вы не получаете сообщения",
        "unsubscribe": "Отписаться",
        "unsubscribe_all": "Отписаться от всего",
        "prefs_done": "Готово: вы больше не будете получать сообщения по каналу {channels}.",
        "email": "e-mail",
        "sms": "SMS",
        "whatsapp": "WhatsApp",
        "survey_title": "Как мы справились?",
        "survey_text": "Несколько коротких вопросов. Отвечайте только на те, что хотите.",
        "staff": "Приём и консультация",
        "product": "Товары",
        "price": "Цены",
        "delivery": "Доставка",
        "packaging": "Упаковка",
        "returns": "Возвраты",
        "comment": "Хотите что-то добавить?",
        "comment_about": "Тема",
        "anonymous": "Ответить анонимно",
        "send": "Отправить",
        "survey_thanks": "Спасибо! Ваши ответы помогают команде.",
        "score_low": "плохо",
        "score_high": "отлично",
    },
}


@pass_context
def _money(context: Context, minor: int, currency: str) -> str:
    """`{{ amount | money(currency) }}`, written as the page's language writes numbers."""
    return format_money(int(minor), str(currency), context.get("lang"))


@cache
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(PAGES_DIR)),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["money"] = _money
    return env


def words(language: str) -> dict[str, str]:
    return STRINGS[language if language in STRINGS else "en"]


def render(name: str, *, language: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """A page as `text/html; charset=utf-8`, never cached by shared caches (links are
    personal)."""
    lang = language if language in LANGUAGES else "en"
    body = _env().get_template(name).render(lang=lang, t=words(lang), **values)
    return HTMLResponse(
        body,
        status_code=status_code,
        headers={"Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer"},
    )
