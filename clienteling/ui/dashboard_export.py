"""Export the dashboard: every table as CSV (UTF-8 with a BOM, so spreadsheet programs
read Vietnamese and Cyrillic right) and the page as a one-page PDF that matches the screen
(the same widgets, painted onto the PDF page)."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMarginsF, QPoint, QRect, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableWidget, QTableWidgetItem, QWidget

from clienteling.terminal.views import StoreDashboard

log = logging.getLogger(__name__)
PDF_DPI = 150


def file_stem(board: StoreDashboard) -> str:
    return f"dashboard_{board.store_id[:8]}_{board.start}_{board.end}"


def write_csv(
    folder: Path,
    board: StoreDashboard,
    tables: dict[str, QTableWidget],
    figures: list[list[str]],
) -> list[Path]:
    """One CSV per table plus one for the headline figures; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(board)
    written = []
    header = [
        QCoreApplication.translate("DashboardExport", "Figure"),
        QCoreApplication.translate("DashboardExport", "Value"),
        QCoreApplication.translate("DashboardExport", "Comparison"),
    ]
    sheets: dict[str, tuple[list[str], list[list[str]]]] = {"figures": (header, figures)}
    for name, table in tables.items():
        columns = range(table.columnCount())
        headers = [_text(table.horizontalHeaderItem(c)) for c in columns]
        rows = [[_text(table.item(r, c)) for c in columns] for r in range(table.rowCount())]
        sheets[name] = (headers, rows)
    for name, (headers, rows) in sheets.items():
        path = folder / f"{stem}_{name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(headers)
            writer.writerows(rows)
        written.append(path)
    return written


def _text(item: QTableWidgetItem | None) -> str:
    return "" if item is None else item.text()


def write_pdf(path: Path, page: QWidget, *, footer: str = "") -> Path:
    """`page` scaled onto one A4 page, turned as the page is (the dashboard's scrolling
    page is taller than wide: portrait gives it half as much again of the paper), with
    `footer` (when the figures are from) under it. OSError when the file cannot be
    written."""
    # Lay out what is still waiting to be (tables just filled, chart axes): the page as
    # the screen will show it, not as it stood before the figures arrived.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    size = page.size()
    turned = (
        QPageLayout.Orientation.Portrait
        if size.height() > size.width()
        else QPageLayout.Orientation.Landscape
    )
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            turned,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(QCoreApplication.translate("DashboardExport", "Store dashboard"))
    painter = QPainter()
    if not painter.begin(writer):  # a folder that is not there or not ours, a full disk
        raise OSError(f"could not write {path}")
    try:
        area = writer.pageLayout().paintRectPixels(PDF_DPI)
        font = QFont(page.font())
        font.setPointSizeF(8)
        painter.setFont(font)
        line = painter.fontMetrics().height() if footer else 0
        room = area.height() - 2 * line
        scale = min(area.width() / max(1, size.width()), room / max(1, size.height()))
        left = round((area.width() - size.width() * scale) / 2)  # centred
        if footer:  # under the page's left edge
            width = round(size.width() * scale)
            painter.drawText(
                QRect(left, round(size.height() * scale) + line // 2, width, line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                footer,
            )
        painter.translate(left, 0)
        painter.scale(scale, scale)
        page.render(painter, QPoint(0, 0))
    finally:
        painter.end()
    return path


def export_csv(
    parent: QWidget,
    board: StoreDashboard,
    tables: dict[str, QTableWidget],
    figures: list[list[str]],
) -> None:
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("DashboardExport", "Export the tables to a folder")
    )
    if not folder:
        return
    try:
        written = write_csv(Path(folder), board, tables, figures)
    except OSError as exc:
        log.warning("CSV export failed: %s", exc)
        _could_not_save(parent)
        return
    QMessageBox.information(
        parent,
        QCoreApplication.translate("DashboardExport", "Export CSV"),
        QCoreApplication.translate("DashboardExport", "%1 files saved in %2.")
        .replace("%1", str(len(written)))
        .replace("%2", folder),
    )


def export_pdf(parent: QWidget, board: StoreDashboard, page: QWidget, *, footer: str) -> None:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("DashboardExport", "Save the dashboard as PDF"),
        f"{file_stem(board)}.pdf",
        QCoreApplication.translate("DashboardExport", "PDF documents (*.pdf)"),
    )
    if not path:
        return
    try:
        write_pdf(Path(path), page, footer=footer)
    except OSError as exc:
        log.warning("PDF export failed: %s", exc)
        _could_not_save(parent)


def _could_not_save(parent: QWidget) -> None:
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("DashboardExport", "Export"),
        QCoreApplication.translate(
            "DashboardExport",
            "The file could not be saved. Choose another folder, or check that the disk "
            "is not full.",
        ),
    )
