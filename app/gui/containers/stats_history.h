// A container's resource use over time, built from the helper's ContainerStats samples: the
// counters it reports (CPU time, bytes read and sent) turned into rates between two samples,
// kept for a bounded number of points. Shared by the Stats tab and the list's sparklines.
#pragma once

#include <QList>
#include <QVariantMap>

#include <deque>
#include <optional>

namespace berth::gui {

/// One point of the history: what the container used between the previous sample and this one.
struct StatsPoint {
    /// When the sample was read (ns since the epoch, the helper's clock).
    qint64 readNanoseconds = 0;
    /// As docker stats: 100 is one CPU kept busy, so it may exceed 100 on several CPUs.
    double cpuPercent = 0;
    double memoryUsage = 0;
    double memoryLimit = 0;
    double pids = 0;
    /// Bytes per second.
    double networkReceiveRate = 0;
    double networkSendRate = 0;
    double blockReadRate = 0;
    double blockWriteRate = 0;
};

class StatsHistory {
public:
    explicit StatsHistory(int capacity = 180) : capacity_(capacity) {}

    /// Adds one ContainerStats sample. The first one after construction or restart() is only
    /// the baseline the next one is compared with (CPU % needs two samples); returns whether
    /// a point was added.
    bool add(const QVariantMap &sample);
    /// The next sample starts afresh (after a pause in sampling), the points stay.
    void restart() { previous_.reset(); }
    void clear();
    void setCapacity(int capacity);

    [[nodiscard]] int capacity() const { return capacity_; }
    [[nodiscard]] const std::deque<StatsPoint> &points() const { return points_; }
    [[nodiscard]] bool isEmpty() const { return points_.empty(); }
    [[nodiscard]] const StatsPoint &latest() const { return points_.back(); }
    /// The counters of the last sample, as totals (bytes since the container started).
    [[nodiscard]] const QVariantMap &lastSample() const { return lastSample_; }

    /// One field of every point, oldest first.
    [[nodiscard]] QList<qreal> series(double StatsPoint::*field) const;
    /// Each point's time in seconds relative to the newest one (0 for it, negative before).
    [[nodiscard]] QList<qreal> secondsBeforeLatest() const;

private:
    int capacity_;
    std::deque<StatsPoint> points_;
    std::optional<QVariantMap> previous_;
    QVariantMap lastSample_;
};

} // namespace berth::gui
