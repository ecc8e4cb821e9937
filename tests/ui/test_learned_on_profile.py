"""Issue 6: the profile shows the sizes a customer bought beside the stated ones ("bought:
…", the stated size wins) and what the store's customers often buy together with the
live cart; on a real terminal the first sync counts the pairs."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clienteling.domain.learned import LearnedSize
from clienteling.store import learned
from clienteling.terminal.facade import Terminal
from clienteling.terminal.views import TogetherView
from clienteling.ui.profile_view import ProfileView
from clienteling.ui.visit_form import VisitFormDialog
from tests.ui.conftest import make_profile

SUGGESTION = TogetherView(
    product_id="p-socks",
    sku="ACC-FAL-0001",
    name="Falke Run Noir",
    price_minor=19_00,
    currency="EUR",
    orders=7,
    stock_here=3,
)


def test_learned_sizes_show_beside_the_stated_ones_and_suggestions_beside_the_cart(
    qtbot: QtBot,
) -> None:
    view = ProfileView()
    qtbot.addWidget(view)
    profile = dataclasses.replace(
        make_profile(),
        preferences={"sizes": {"shoes": "41", "top": "M"}},
        learned_sizes={
            "shoes": LearnedSize("shoes", "42", 2),
            "top": LearnedSize("top", "M", 1),
            "bottom": LearnedSize("bottom", "40", 1),
        },
        together=[SUGGESTION],
    )
    view.show()
    view.show_profile(profile)
    text = view.contact_label.text()
    assert "Sizes: Top M, Bottom bought: 40, Shoes 41 (bought: 42)" in text
    view.tabs.setCurrentIndex(view.CART_TAB)
    panel = view.together_panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.list.count() == 1
    item = panel.list.item(0)
    assert "Falke Run Noir" in item.text() and "3 here" in item.text() and "7" in item.text()
    assert item.data(Qt.ItemDataRole.UserRole) == "p-socks"
    assert panel.list.accessibleName()
    assert panel.list.focusPolicy() & Qt.FocusPolicy.TabFocus

    view.show_profile(dataclasses.replace(profile, together=[], learned_sizes={}))
    assert not panel.isVisible()
    assert "bought" not in view.contact_label.text()


def test_the_first_sync_counts_the_pairs_and_profiles_read_them(terminal: Terminal) -> None:
    db = terminal._db.get()
    assert not learned.refresh_due(db, pulled_orders=False)  # the fixture's sync counted
    pairs = db.execute("SELECT count(*) FROM bought_together").fetchone()[0]
    assert pairs > 0, "the seeded store's orders pair products"
    product_id, other_id, orders = db.execute(
        "SELECT product_id, other_id, orders FROM bought_together ORDER BY orders DESC LIMIT 1"
    ).fetchone()
    suggestions = learned.bought_together(db, [product_id], store_id=None)
    assert suggestions[0].orders == orders
    assert other_id in {s.product_id for s in suggestions}


def test_the_visit_form_suggests_what_goes_with_its_products_and_enter_adds_one(
    qtbot: QtBot, terminal: Terminal
) -> None:
    db = terminal._db.get()
    product_id, other_id = db.execute(
        "SELECT product_id, other_id FROM bought_together ORDER BY orders DESC, product_id, "
        "other_id LIMIT 1"
    ).fetchone()
    name, sku = db.execute("SELECT name, sku FROM products WHERE id = ?", (product_id,)).fetchone()
    form = VisitFormDialog(terminal, customer_id=None)
    qtbot.addWidget(form)
    form.show()
    panel = form.together_panel
    assert not panel.isVisible()
    with qtbot.waitSignal(form.suggestions_did_show, timeout=20_000):
        form.add_product(product_id, name, sku)
    assert panel.isVisible()
    ids = [s.product_id for s in panel.suggestions]
    assert other_id in ids and product_id not in ids
    panel.list.setFocus()
    panel.list.setCurrentRow(ids.index(other_id))
    with qtbot.waitSignal(form.suggestions_did_show, timeout=20_000):
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert form.chosen_products() == [product_id, other_id]
    # Enter took the suggestion and did not also press Save (which would flag the
    # missing outcome).
    assert form.isVisible() and form.saved is None and not form._tried_save
    assert other_id not in [s.product_id for s in panel.suggestions]
