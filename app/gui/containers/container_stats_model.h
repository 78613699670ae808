// One container's resource use as the Stats tab shows it: the helper's ContainerStats asked
// for once per interval without blocking the window (one call in flight at most), turned into
// CPU %, memory, pids and I/O rates with their history over the last few minutes. Samples
// only while the tab wants them (active) and the container runs; a sample saying it stopped
// ends the sampling by itself.
#pragma once

#include "stats_history.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

class ContainerStatsModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// The container: a name, id or id prefix, as `berth stats` takes.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    /// Whether someone looks (the tab is shown).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    /// Whether the container runs (or is paused): a stopped one has nothing to sample.
    Q_PROPERTY(bool running READ running WRITE setRunning NOTIFY runningChanged)
    /// Milliseconds between samples (at least 250).
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged)
    /// How far back the history reaches, in seconds.
    Q_PROPERTY(int historySeconds READ historySeconds WRITE setHistorySeconds NOTIFY historySecondsChanged)
    /// Samples are being taken now.
    Q_PROPERTY(bool sampling READ sampling NOTIFY samplingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// Points in the history (the first sample after a start is only a baseline).
    Q_PROPERTY(int sampleCount READ sampleCount NOTIFY sampled)
    /// State of the last sample: running, paused, exited…
    Q_PROPERTY(QString containerState READ containerState NOTIFY sampled)
    Q_PROPERTY(double cpuPercent READ cpuPercent NOTIFY sampled)
    Q_PROPERTY(int onlineCpus READ onlineCpus NOTIFY sampled)
    /// Bytes, as docker shows them (without inactive page cache).
    Q_PROPERTY(double memoryUsage READ memoryUsage NOTIFY sampled)
    /// The container's limit, or the host's memory when it has none.
    Q_PROPERTY(double memoryLimit READ memoryLimit NOTIFY sampled)
    Q_PROPERTY(double memoryPercent READ memoryPercent NOTIFY sampled)
    Q_PROPERTY(int pids READ pids NOTIFY sampled)
    /// Totals since the container started, in bytes.
    Q_PROPERTY(double networkReceived READ networkReceived NOTIFY sampled)
    Q_PROPERTY(double networkSent READ networkSent NOTIFY sampled)
    Q_PROPERTY(double blockRead READ blockRead NOTIFY sampled)
    Q_PROPERTY(double blockWritten READ blockWritten NOTIFY sampled)
    /// Bytes per second over the last interval.
    Q_PROPERTY(double networkReceiveRate READ networkReceiveRate NOTIFY sampled)
    Q_PROPERTY(double networkSendRate READ networkSendRate NOTIFY sampled)
    Q_PROPERTY(double blockReadRate READ blockReadRate NOTIFY sampled)
    Q_PROPERTY(double blockWriteRate READ blockWriteRate NOTIFY sampled)
    /// The histories, oldest first, one value a point.
    Q_PROPERTY(QList<qreal> cpuHistory READ cpuHistory NOTIFY sampled)
    Q_PROPERTY(QList<qreal> memoryHistory READ memoryHistory NOTIFY sampled)
    Q_PROPERTY(QList<qreal> pidsHistory READ pidsHistory NOTIFY sampled)
    Q_PROPERTY(QList<qreal> networkReceiveHistory READ networkReceiveHistory NOTIFY sampled)
    Q_PROPERTY(QList<qreal> networkSendHistory READ networkSendHistory NOTIFY sampled)
    Q_PROPERTY(QList<qreal> blockReadHistory READ blockReadHistory NOTIFY sampled)
    Q_PROPERTY(QList<qreal> blockWriteHistory READ blockWriteHistory NOTIFY sampled)
    /// Each point's time in seconds before the newest (0 for it).
    Q_PROPERTY(QList<qreal> timeHistory READ timeHistory NOTIFY sampled)
    /// `berth stats NAME`.
    Q_PROPERTY(QString commandLine READ commandLine NOTIFY nameChanged)

public:
    explicit ContainerStatsModel(QObject *parent = nullptr);

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] bool active() const { return active_; }
    void setActive(bool active);
    [[nodiscard]] bool running() const { return running_; }
    void setRunning(bool running);
    [[nodiscard]] int interval() const { return timer_.interval(); }
    void setInterval(int milliseconds);
    [[nodiscard]] int historySeconds() const { return historySeconds_; }
    void setHistorySeconds(int seconds);
    [[nodiscard]] bool sampling() const { return timer_.isActive(); }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] int sampleCount() const { return int(history_.points().size()); }
    [[nodiscard]] QString containerState() const;
    [[nodiscard]] double cpuPercent() const { return latest(&berth::gui::StatsPoint::cpuPercent); }
    [[nodiscard]] int onlineCpus() const;
    [[nodiscard]] double memoryUsage() const { return latest(&berth::gui::StatsPoint::memoryUsage); }
    [[nodiscard]] double memoryLimit() const { return latest(&berth::gui::StatsPoint::memoryLimit); }
    [[nodiscard]] double memoryPercent() const;
    [[nodiscard]] int pids() const { return int(latest(&berth::gui::StatsPoint::pids)); }
    [[nodiscard]] double networkReceived() const { return total("NetworkReceived"); }
    [[nodiscard]] double networkSent() const { return total("NetworkSent"); }
    [[nodiscard]] double blockRead() const { return total("BlockRead"); }
    [[nodiscard]] double blockWritten() const { return total("BlockWrite"); }
    [[nodiscard]] double networkReceiveRate() const { return latest(&berth::gui::StatsPoint::networkReceiveRate); }
    [[nodiscard]] double networkSendRate() const { return latest(&berth::gui::StatsPoint::networkSendRate); }
    [[nodiscard]] double blockReadRate() const { return latest(&berth::gui::StatsPoint::blockReadRate); }
    [[nodiscard]] double blockWriteRate() const { return latest(&berth::gui::StatsPoint::blockWriteRate); }
    [[nodiscard]] QList<qreal> cpuHistory() const { return history_.series(&berth::gui::StatsPoint::cpuPercent); }
    [[nodiscard]] QList<qreal> memoryHistory() const { return history_.series(&berth::gui::StatsPoint::memoryUsage); }
    [[nodiscard]] QList<qreal> pidsHistory() const { return history_.series(&berth::gui::StatsPoint::pids); }
    [[nodiscard]] QList<qreal> networkReceiveHistory() const
    {
        return history_.series(&berth::gui::StatsPoint::networkReceiveRate);
    }
    [[nodiscard]] QList<qreal> networkSendHistory() const { return history_.series(&berth::gui::StatsPoint::networkSendRate); }
    [[nodiscard]] QList<qreal> blockReadHistory() const { return history_.series(&berth::gui::StatsPoint::blockReadRate); }
    [[nodiscard]] QList<qreal> blockWriteHistory() const { return history_.series(&berth::gui::StatsPoint::blockWriteRate); }
    [[nodiscard]] QList<qreal> timeHistory() const { return history_.secondsBeforeLatest(); }
    [[nodiscard]] QString commandLine() const;

    /// Forgets the history; the next sample is a new baseline.
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void nameChanged();
    void activeChanged();
    void runningChanged();
    void intervalChanged();
    void historySecondsChanged();
    void samplingChanged();
    void errorChanged();
    /// A sample arrived (the values and histories may have changed).
    void sampled();

private:
    [[nodiscard]] double latest(double berth::gui::StatsPoint::*field) const
    {
        return history_.isEmpty() ? 0 : history_.latest().*field;
    }
    [[nodiscard]] double total(const char *key) const;
    /// Starts or stops the timer as name, active and running say.
    void updateSampling();
    void stopSampling();
    void sample();
    void setError(const QString &error);

    QString name_;
    bool active_ = false;
    bool running_ = false;
    int historySeconds_ = 180;
    /// Set when a sample said the container no longer runs; cleared when running is set again.
    bool stoppedSeen_ = false;
    bool callPending_ = false;
    /// Tells apart the answers for an earlier name from the current one.
    quint64 generation_ = 0;
    QString error_;
    berth::gui::StatsHistory history_;
    QTimer timer_;
};
