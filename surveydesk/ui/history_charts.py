"""The history's charts (QtCharts): earnings per period stacked by platform, the wages over time, the unpaid share.

Charts show the latest `MAX_POINTS` periods: ten years of days would be thousands of bars no one can read; the
totals table holds every period. Amounts become floats only here, as coordinates on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from surveydesk.core.money import Money, currency_symbol, minor_exponent
from surveydesk.ledger.history import EarningsSeries, WagePoint
from surveydesk.platforms.registry import platform_name
from surveydesk.ui.formatting import format_date, format_month
from surveydesk.work.wages import long_enough_to_count

MAX_POINTS = 36


def period_label(start: date, period: str) -> str:
    if period == "year":
        return str(start.year)
    if period == "month":
        return format_month(start)
    return format_date(start)


def _major(minor: int, currency: str) -> float:
    return minor / 10.0 ** minor_exponent(currency)


def _money_value(money: Money | None) -> float | None:
    return None if money is None else _major(money.minor, money.currency)


class _Chart(QChartView):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = QChart()
        chart.setTitle(title)
        chart.setLocalizeNumbers(True)  # the axes' figures written the language's way (QLocale's default)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)
        self.setMinimumHeight(220)

    def _clear(self) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        return chart

    def series_count(self) -> int:
        return len(self.chart().series())


class EarningsChart(_Chart):
    """What each period earned, one stacked bar per period, one colour per platform."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Earnings per period, by platform"), parent)

    def show_series(self, series: EarningsSeries, period: str, currency: str) -> None:
        chart = self._clear()
        starts = list(series.starts)[-MAX_POINTS:]
        if not starts:
            return
        bars = QStackedBarSeries()
        for platform, values in series.by_platform.items():
            bar_set = QBarSet(platform_name(platform))
            bar_set.append([_major(value, currency) for value in list(values)[-MAX_POINTS:]])
            bars.append(bar_set)
        chart.addSeries(bars)
        categories = QBarCategoryAxis()
        categories.append([period_label(start, period) for start in starts])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(categories)
        amounts = QValueAxis()
        amounts.setTitleText(currency_symbol(currency) or currency)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(amounts)
        if amounts.max() > amounts.min():  # a flat range has nothing to round (and Qt would make it NaN)
            amounts.applyNiceNumbers()  # ticks on round amounts, not 65.5 and 131.1

    def bar_sets(self) -> list[QBarSet]:
        return [
            bar_set
            for series in self.chart().series()
            if isinstance(series, QAbstractBarSeries)
            for bar_set in series.barSets()
        ]


class _LineChart(_Chart):
    def _lines(
        self,
        labels: Sequence[str],
        lines: Sequence[tuple[str, Sequence[float | None]]],
        unit: str,
        percent: bool = False,
        note: str = "",
    ) -> None:
        """One line per (name, values) over the periods `labels`; `note`, if any, under the periods' axis."""
        chart = self._clear()
        if not labels:
            return
        axis_x = QBarCategoryAxis()
        axis_x.append(list(labels))
        axis_x.setTitleText(note)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        axis_y = QValueAxis()
        axis_y.setTitleText(unit)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        highest = 0.0
        for name, values in lines:
            line = QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)  # a period alone (the first month) is a point with no line to draw
            for index, value in enumerate(values):
                if value is not None:  # no figure (no hours, no rate): a gap, not a zero
                    line.append(index, value)
                    highest = max(highest, value)
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        if percent:  # a share runs from none to all, whatever the figures (the axis went to 110 %)
            axis_y.setRange(0, 100)
            axis_y.setTickCount(5)
            axis_y.setLabelFormat("%.0f")
        else:
            axis_y.setRange(0, highest * 1.1 if highest > 0 else 1)
            axis_y.applyNiceNumbers()

    def points(self) -> int:
        return sum(series.count() for series in self.chart().series() if isinstance(series, QXYSeries))


class WageChart(_LineChart):
    """Task wage and true wage per period (surveydesk.work.wages), in the worker's currency.

    A wage measured over less than a minute of work (`long_enough_to_count`) is left out, as the Wages tab and the
    timer strip leave it out: a task submitted seconds after it started would plot 2,648 $/h and flatten every
    real figure against the axis. The chart says so under its periods.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Task wage and true wage per hour"), parent)

    def show_points(self, points: Sequence[WagePoint], period: str, currency: str) -> None:
        shown = list(points)[-MAX_POINTS:]
        task_wages = [_counted(point.task_wage, point.paid_seconds) for point in shown]
        true_wages = [_counted(point.true_wage, point.shift_seconds) for point in shown]
        left_out = any(
            wage is not None and not long_enough_to_count(seconds)
            for point in shown
            for wage, seconds in ((point.task_wage, point.paid_seconds), (point.true_wage, point.shift_seconds))
        )
        self._lines(
            [period_label(point.start, period) for point in shown],
            [(self.tr("Task wage"), task_wages), (self.tr("True wage"), true_wages)],
            self.tr("{0}/h").format(currency_symbol(currency) or currency),
            note=self.tr("Left out where under a minute of work: too short to count") if left_out else "",
        )


def _counted(wage: Money | None, seconds: float) -> float | None:
    """A wage as a point on the chart; None (a gap) when measured over too short a time to count."""
    return _money_value(wage) if long_enough_to_count(seconds) else None


class UnpaidChart(_LineChart):
    """The share of each period's hours that paid nothing, and of its earnings not yet paid out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Unpaid share"), parent)

    def show_shares(self, wages: Sequence[WagePoint], earnings: EarningsSeries, period: str) -> None:
        starts = sorted({point.start for point in wages} | set(earnings.starts))[-MAX_POINTS:]
        hours = {point.start: point.unpaid_share for point in wages}
        money = dict(zip(earnings.starts, earnings.unpaid_share, strict=True))
        self._lines(
            [period_label(start, period) for start in starts],
            [
                (self.tr("Hours that paid nothing"), [_percent(hours.get(start)) for start in starts]),
                (self.tr("Earnings not yet paid out"), [_percent(money.get(start)) for start in starts]),
            ],
            "%",
            percent=True,
        )


def _percent(share: float | None) -> float | None:
    return None if share is None else share * 100
