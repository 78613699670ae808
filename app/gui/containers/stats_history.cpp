#include "stats_history.h"

#include <algorithm>
#include <utility>

namespace berth::gui {

namespace {

double counter(const QVariantMap &sample, const char *key)
{
    return double(sample.value(QLatin1String(key)).toULongLong());
}

/// Change of a counter per second; a counter that went back (container restarted) gives 0.
double rate(const QVariantMap &now, const QVariantMap &before, const char *key, double seconds)
{
    const double change = counter(now, key) - counter(before, key);
    return change > 0 && seconds > 0 ? change / seconds : 0;
}

} // namespace

bool StatsHistory::add(const QVariantMap &sample)
{
    lastSample_ = sample;
    const std::optional<QVariantMap> before = std::exchange(previous_, sample);
    if (!before)
        return false;
    const qint64 read = sample.value(QStringLiteral("Read")).toLongLong();
    const double seconds = double(read - before->value(QStringLiteral("Read")).toLongLong()) / 1e9;
    StatsPoint point;
    point.readNanoseconds = read;
    const double cpu = counter(sample, "CpuNanoseconds") - counter(*before, "CpuNanoseconds");
    const double system = counter(sample, "SystemNanoseconds") - counter(*before, "SystemNanoseconds");
    // The same formula as `berth stats` (and docker's), so both show the same number.
    if (cpu > 0 && system > 0)
        point.cpuPercent = cpu / system * std::max(1.0, counter(sample, "OnlineCpus")) * 100.0;
    point.memoryUsage = counter(sample, "MemoryUsage");
    point.memoryLimit = counter(sample, "MemoryLimit");
    point.pids = counter(sample, "PidsCurrent");
    point.networkReceiveRate = rate(sample, *before, "NetworkReceived", seconds);
    point.networkSendRate = rate(sample, *before, "NetworkSent", seconds);
    point.blockReadRate = rate(sample, *before, "BlockRead", seconds);
    point.blockWriteRate = rate(sample, *before, "BlockWrite", seconds);
    points_.push_back(point);
    while (int(points_.size()) > capacity_)
        points_.pop_front();
    return true;
}

void StatsHistory::clear()
{
    points_.clear();
    previous_.reset();
    lastSample_.clear();
}

void StatsHistory::setCapacity(int capacity)
{
    capacity_ = std::max(2, capacity);
    while (int(points_.size()) > capacity_)
        points_.pop_front();
}

QList<qreal> StatsHistory::series(double StatsPoint::*field) const
{
    QList<qreal> values;
    values.reserve(qsizetype(points_.size()));
    for (const auto &point : points_)
        values << point.*field;
    return values;
}

QList<qreal> StatsHistory::secondsBeforeLatest() const
{
    QList<qreal> times;
    if (points_.empty())
        return times;
    const qint64 newest = points_.back().readNanoseconds;
    times.reserve(qsizetype(points_.size()));
    for (const auto &point : points_)
        times << double(point.readNanoseconds - newest) / 1e9;
    return times;
}

} // namespace berth::gui
