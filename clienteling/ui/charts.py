"""Charts behind one thin adapter, so the charting library can be swapped.

`BarChart` draws with QtCharts (PySide6-Addons). Every chart also says its numbers in its
accessible description, and the dashboard shows the same numbers in tables, so nothing is
readable only from the picture.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

PALETTE = ("#2f6db5", "#e0892b", "#3f9c6d", "#8a63b8", "#c44e52")


class BarChart(QWidget):
    """Bars: one group per category, one bar per series. `horizontal` puts the categories
    down the left side, read from the top (a funnel; long labels stay whole)."""

    def __init__(self, parent: QWidget | None = None, *, horizontal: bool = False) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self._chart = QChart()
        self._chart.setBackgroundVisible(False)
        self._chart.setMargins(QMargins(0, 0, 0, 0))
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._view = QChartView(self._chart, self)
        self._view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._view.setBackgroundBrush(QColor("#ffffff"))
        self._chart.setPlotAreaBackgroundVisible(False)
        self._view.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

    def set_bars(
        self,
        categories: list[str],
        series: list[tuple[str, list[float]]],
        *,
        value_format: str = "%.0f",
        maximum: float | None = None,
        labels: bool = True,
    ) -> None:
        """`maximum` fixes the value axis (e.g. 100 for percentages); otherwise it fits.
        `labels` writes each value on its bar (off where bars differ too much in size)."""
        self._chart.removeAllSeries()
        # Axis and bar labels written as the interface language writes numbers.
        self._chart.setLocalizeNumbers(True)
        self._chart.setLocale(QLocale())
        for axis in self._chart.axes():
            self._chart.removeAxis(axis)
        if self.horizontal:  # Qt draws the first category at the bottom
            # About 48 px a category at our 11 pt, or QtCharts elides every label to "…".
            self._view.setMinimumHeight(max(220, 48 * len(categories) + 90))
            categories = categories[::-1]
            series = [(name, values[::-1]) for name, values in series]
        bars: QAbstractBarSeries = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        for index, (name, values) in enumerate(series):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(PALETTE[index % len(PALETTE)]))
            bar_set.append([float(v) for v in values])
            bars.append(bar_set)
        bars.setLabelsVisible(labels)
        bars.setLabelsFormat("@value")
        self._chart.addSeries(bars)
        x_axis = QBarCategoryAxis()
        x_axis.append(categories)
        category_side, value_side = (
            (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
            if self.horizontal
            else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
        )
        self._chart.addAxis(x_axis, category_side)
        bars.attachAxis(x_axis)
        y_axis = QValueAxis()
        top = max((v for _name, values in series for v in values), default=0.0)
        y_axis.setLabelFormat(value_format)
        if maximum is None:
            y_axis.setRange(0, max(1.0, top * 1.15))
            y_axis.applyNiceNumbers()
        else:
            y_axis.setRange(0, maximum)
        self._chart.addAxis(y_axis, value_side)
        bars.attachAxis(y_axis)
        self._chart.legend().setVisible(len(series) > 1)
        if self.horizontal:  # say them in reading order
            categories = categories[::-1]
            series = [(name, values[::-1]) for name, values in series]
        spoken = "; ".join(
            f"{name} — "
            + ", ".join(f"{c}: {v:g}" for c, v in zip(categories, values, strict=False))
            for name, values in series
        )
        self.setAccessibleDescription(spoken)
