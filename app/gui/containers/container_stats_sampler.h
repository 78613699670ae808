// The running containers' resource use for the container list's sparklines: the helper's
// ContainerStats for all running containers at once, every few seconds while the list is
// shown and something runs, one call in flight at most, a short history kept per container.
#pragma once

#include "stats_history.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

class ContainerStatsSampler : public QObject {
    Q_OBJECT

public:
    explicit ContainerStatsSampler(QObject *parent = nullptr);

    /// Samples while active and anything runs; the list says so when it is shown.
    void setActive(bool active);
    [[nodiscard]] bool active() const { return active_; }
    /// Whether any container runs now (from the list); none: nothing to ask.
    void setAnyRunning(bool anyRunning);
    [[nodiscard]] bool sampling() const { return timer_.isActive(); }
    /// At least this many milliseconds between calls (never below 2000: the list is a glance).
    void setInterval(int milliseconds);
    [[nodiscard]] int interval() const { return timer_.interval(); }
    /// The history of a container by full id, or nullptr before its second sample.
    [[nodiscard]] const berth::gui::StatsHistory *history(const QString &id) const;

Q_SIGNALS:
    /// New points for these container ids.
    void sampled(const QStringList &ids);
    void samplingChanged();

private:
    void update();
    void sample();

    bool active_ = false;
    bool anyRunning_ = false;
    bool callPending_ = false;
    QHash<QString, berth::gui::StatsHistory> histories_;
    QTimer timer_;
};
