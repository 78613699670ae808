// A small line chart of values over time, for the Stats tab and the container list's
// sparklines: drawn with QPainter (no Qt Charts, which needs Qt Widgets), the newest value at
// the right edge, the time axis fixed to `span` seconds, one or two series, and a vertical
// scale rounded up to a value a person reads at a glance (exposed for the axis label).
#pragma once

#include <QColor>
#include <QList>
#include <QQuickPaintedItem>

class TimeSeriesChart : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QList<qreal> values READ values WRITE setValues NOTIFY valuesChanged)
    /// A second series on the same scale (drawn as a line without fill), or empty.
    Q_PROPERTY(QList<qreal> secondValues READ secondValues WRITE setSecondValues NOTIFY valuesChanged)
    /// Each value's time in seconds before the newest (≤ 0); empty: one value per second.
    Q_PROPERTY(QList<qreal> times READ times WRITE setTimes NOTIFY valuesChanged)
    /// Seconds the width shows.
    Q_PROPERTY(qreal span READ span WRITE setSpan NOTIFY appearanceChanged)
    /// A gap longer than this (seconds) breaks the line: nobody sampled then.
    Q_PROPERTY(qreal gap READ gap WRITE setGap NOTIFY appearanceChanged)
    /// The scale never goes below this (an idle container draws near the bottom, not full height).
    Q_PROPERTY(qreal minimumScale READ minimumScale WRITE setMinimumScale NOTIFY appearanceChanged)
    /// Round the scale to powers of two (bytes) instead of 1, 2, 5 × 10ⁿ.
    Q_PROPERTY(bool binaryScale READ binaryScale WRITE setBinaryScale NOTIFY appearanceChanged)
    /// The value at the top edge.
    Q_PROPERTY(qreal ceiling READ ceiling NOTIFY ceilingChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor secondColor READ secondColor WRITE setSecondColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor gridColor READ gridColor WRITE setGridColor NOTIFY appearanceChanged)
    /// Horizontal grid lines between bottom and top (0: none, as in a sparkline).
    Q_PROPERTY(int gridLines READ gridLines WRITE setGridLines NOTIFY appearanceChanged)

public:
    explicit TimeSeriesChart(QQuickItem *parent = nullptr);

    void paint(QPainter *painter) override;

    [[nodiscard]] QList<qreal> values() const { return values_; }
    void setValues(const QList<qreal> &values);
    [[nodiscard]] QList<qreal> secondValues() const { return secondValues_; }
    void setSecondValues(const QList<qreal> &values);
    [[nodiscard]] QList<qreal> times() const { return times_; }
    void setTimes(const QList<qreal> &times);
    [[nodiscard]] qreal span() const { return span_; }
    void setSpan(qreal seconds);
    [[nodiscard]] qreal gap() const { return gap_; }
    void setGap(qreal seconds);
    [[nodiscard]] qreal minimumScale() const { return minimumScale_; }
    void setMinimumScale(qreal value);
    [[nodiscard]] bool binaryScale() const { return binaryScale_; }
    void setBinaryScale(bool binary);
    [[nodiscard]] qreal ceiling() const { return ceiling_; }
    [[nodiscard]] QColor color() const { return color_; }
    void setColor(const QColor &color);
    [[nodiscard]] QColor secondColor() const { return secondColor_; }
    void setSecondColor(const QColor &color);
    [[nodiscard]] QColor gridColor() const { return gridColor_; }
    void setGridColor(const QColor &color);
    [[nodiscard]] int gridLines() const { return gridLines_; }
    void setGridLines(int lines);

    /// The smallest "round" value ≥ value: 1, 2, 5 × 10ⁿ, or 2ⁿ when binary.
    [[nodiscard]] static qreal niceCeiling(qreal value, bool binary);

Q_SIGNALS:
    void valuesChanged();
    void appearanceChanged();
    void ceilingChanged();

private:
    void updateScale();
    [[nodiscard]] qreal timeOf(qsizetype index, qsizetype count) const;
    void drawSeries(QPainter *painter, const QList<qreal> &series, const QColor &color, bool fill) const;

    QList<qreal> values_;
    QList<qreal> secondValues_;
    QList<qreal> times_;
    qreal span_ = 180;
    qreal gap_ = 5;
    qreal minimumScale_ = 1;
    bool binaryScale_ = false;
    qreal ceiling_ = 1;
    QColor color_{0x3d, 0x7e, 0xd8};
    QColor secondColor_{0xd8, 0x8b, 0x3d};
    QColor gridColor_{0xd0, 0xd0, 0xd0};
    int gridLines_ = 4;
};
