#include "time_series_chart.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

TimeSeriesChart::TimeSeriesChart(QQuickItem *parent) : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    connect(this, &TimeSeriesChart::valuesChanged, this, [this]() { update(); });
    connect(this, &TimeSeriesChart::appearanceChanged, this, [this]() {
        updateScale();
        update();
    });
}

void TimeSeriesChart::setValues(const QList<qreal> &values)
{
    values_ = values;
    updateScale();
    Q_EMIT valuesChanged();
}

void TimeSeriesChart::setSecondValues(const QList<qreal> &values)
{
    secondValues_ = values;
    updateScale();
    Q_EMIT valuesChanged();
}

void TimeSeriesChart::setTimes(const QList<qreal> &times)
{
    times_ = times;
    Q_EMIT valuesChanged();
}

void TimeSeriesChart::setSpan(qreal seconds)
{
    if (qFuzzyCompare(span_, seconds) || seconds <= 0)
        return;
    span_ = seconds;
    Q_EMIT appearanceChanged();
}

void TimeSeriesChart::setGap(qreal seconds)
{
    if (qFuzzyCompare(gap_, seconds))
        return;
    gap_ = seconds;
    Q_EMIT appearanceChanged();
}

void TimeSeriesChart::setMinimumScale(qreal value)
{
    if (qFuzzyCompare(minimumScale_, value))
        return;
    minimumScale_ = value;
    Q_EMIT appearanceChanged();
}

void TimeSeriesChart::setBinaryScale(bool binary)
{
    if (binaryScale_ == binary)
        return;
    binaryScale_ = binary;
    Q_EMIT appearanceChanged();
}

void TimeSeriesChart::setColor(const QColor &color)
{
    if (color_ == color)
        return;
    color_ = color;
    Q_EMIT appearanceChanged();
}

void TimeSeriesChart::setSecondColor(const QColor &color)
{
    if (secondColor_ == color)
        return;
    secondColor_ = color;
    Q_EMIT appearanceChanged();
}

void TimeSeriesChart::setGridColor(const QColor &color)
{
    if (gridColor_ == color)
        return;
    gridColor_ = color;
    Q_EMIT appearanceChanged();
}

void TimeSeriesChart::setGridLines(int lines)
{
    lines = std::max(0, lines);
    if (gridLines_ == lines)
        return;
    gridLines_ = lines;
    Q_EMIT appearanceChanged();
}

qreal TimeSeriesChart::niceCeiling(qreal value, bool binary)
{
    if (!(value > 0))
        return 1;
    if (binary)
        return std::pow(2.0, std::ceil(std::log2(value)));
    const qreal magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const qreal step : {1.0, 2.0, 5.0, 10.0}) {
        if (value <= step * magnitude * (1 + 1e-9))
            return step * magnitude;
    }
    return 10 * magnitude;
}

void TimeSeriesChart::updateScale()
{
    qreal highest = minimumScale_;
    for (const qreal value : values_)
        highest = std::max(highest, value);
    for (const qreal value : secondValues_)
        highest = std::max(highest, value);
    const qreal ceiling = niceCeiling(highest, binaryScale_);
    if (qFuzzyCompare(ceiling, ceiling_))
        return;
    ceiling_ = ceiling;
    Q_EMIT ceilingChanged();
}

qreal TimeSeriesChart::timeOf(qsizetype index, qsizetype count) const
{
    if (times_.size() == count)
        return times_[index];
    return qreal(index - (count - 1));
}

void TimeSeriesChart::drawSeries(QPainter *painter, const QList<qreal> &series, const QColor &color, bool fill) const
{
    const qreal w = width();
    const qreal h = height();
    const qsizetype count = series.size();
    auto pointAt = [&](qsizetype index) {
        const qreal x = w + timeOf(index, count) / span_ * w;
        const qreal y = h - std::clamp(series[index] / ceiling_, 0.0, 1.0) * (h - 1);
        return QPointF(x, y);
    };
    // One path per stretch without gaps; points older than the span are left out.
    QList<QPainterPath> stretches;
    QPainterPath line;
    qreal previousTime = 0;
    for (qsizetype index = 0; index < count; ++index) {
        const qreal time = timeOf(index, count);
        if (time < -span_ - gap_)
            continue;
        const QPointF point = pointAt(index);
        if (line.elementCount() > 0 && time - previousTime > gap_) {
            stretches << line;
            line = QPainterPath();
        }
        if (line.elementCount() == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
        previousTime = time;
    }
    if (line.elementCount() > 0)
        stretches << line;
    for (const QPainterPath &stretch : std::as_const(stretches)) {
        if (fill && stretch.elementCount() > 1) {
            QPainterPath area = stretch;
            area.lineTo(stretch.currentPosition().x(), h);
            area.lineTo(stretch.elementAt(0).x, h);
            area.closeSubpath();
            QColor shade = color;
            shade.setAlphaF(0.18f);
            painter->fillPath(area, shade);
        }
        painter->setPen(QPen(color, 1.6));
        if (stretch.elementCount() == 1)
            painter->drawPoint(stretch.currentPosition());
        else
            painter->drawPath(stretch);
    }
}

void TimeSeriesChart::paint(QPainter *painter)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setClipRect(QRectF(0, 0, width(), height()));
    if (gridLines_ > 0) {
        painter->setPen(QPen(gridColor_, 1, Qt::DashLine));
        for (int line = 0; line <= gridLines_; ++line) {
            const qreal y = std::round(line * (height() - 1) / gridLines_) + 0.5;
            painter->drawLine(QPointF(0, y), QPointF(width(), y));
        }
    }
    drawSeries(painter, values_, color_, true);
    if (!secondValues_.isEmpty())
        drawSeries(painter, secondValues_, secondColor_, false);
}
