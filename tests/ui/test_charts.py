"""The chart adapter: the funnel's horizontal bars read from the top, with the categories on
the left (whole labels), and say their numbers in reading order for a screen reader."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clienteling.ui.charts import BarChart


def _category_axis(chart: BarChart) -> QBarCategoryAxis:
    axes = chart._chart.axes(
        Qt.Orientation.Vertical if chart.horizontal else Qt.Orientation.Horizontal
    )
    (axis,) = [a for a in axes if isinstance(a, QBarCategoryAxis)]
    return axis


def test_horizontal_bars_read_from_the_top(qtbot: QtBot) -> None:
    chart = BarChart(horizontal=True)
    qtbot.addWidget(chart)
    chart.set_bars(["Store visits", "Bought in store", "Online order"], [("Now", [10, 4, 1])])
    (series,) = chart._chart.series()
    assert isinstance(series, QHorizontalBarSeries)
    # Qt draws the first category at the bottom: the first step must be the last one.
    assert _category_axis(chart).categories() == ["Online order", "Bought in store", "Store visits"]
    assert series.barSets()[0].at(2) == 10
    assert chart.accessibleDescription() == (
        "Now — Store visits: 10, Bought in store: 4, Online order: 1"
    )


def test_vertical_bars_keep_their_order(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_bars(["New", "Loyal"], [("Customers", [3, 5]), ("Before", [2, 1])])
    assert _category_axis(chart).categories() == ["New", "Loyal"]
    assert (
        chart.accessibleDescription() == "Customers — New: 3, Loyal: 5; Before — New: 2, Loyal: 1"
    )


def test_horizontal_bars_make_room_for_every_label(qtbot: QtBot) -> None:
    chart = BarChart(horizontal=True)
    qtbot.addWidget(chart)
    chart.set_bars([f"Step {n}" for n in range(7)], [("Now", [float(n) for n in range(7)])])
    assert chart._view.minimumHeight() >= 7 * 30
