"""The results table shows each hit's name, phone (human format), email, card and stage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from clienteling.terminal.views import CustomerHit
from clienteling.ui.search_model import HitsModel


def test_hits_fill_the_table(qtbot: QtBot, hits: list[CustomerHit]) -> None:
    model = HitsModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_hits(hits)
    assert model.rowCount() == 3
    row = [model.data(model.index(0, c)) for c in range(5)]
    assert row == [
        "Nguyễn Văn Ánh",
        "+84 901 234 567",
        "anh.nguyen@example.vn",
        "2900000012345",
        "Loyal",
    ]
    assert model.data(model.index(1, HitsModel.EMAIL)) == ""
    assert model.data(model.index(2, HitsModel.STAGE)) == "Lapsed"
    assert model.data(model.index(2, 0), Qt.ItemDataRole.UserRole) == "c-3"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    model.set_hits([])
    assert model.rowCount() == 0
