#include "idle_tracker.h"

#include <QDBusConnectionInterface>

IdleTracker::IdleTracker(QDBusConnection bus, int timeoutSeconds, QObject *parent)
    : QObject(parent), clientWatcher_(QString(), bus, QDBusServiceWatcher::WatchForUnregistration),
      timeoutSeconds_(timeoutSeconds)
{
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &IdleTracker::idleTimeoutReached);
    connect(&clientWatcher_, &QDBusServiceWatcher::serviceUnregistered, this, [this](const QString &name) {
        clients_.remove(name);
        clientWatcher_.removeWatchedService(name);
        rearm();
    });
    rearm();
}

void IdleTracker::beginActivity()
{
    ++activeCount_;
    rearm();
}

void IdleTracker::endActivity()
{
    if (activeCount_ > 0)
        --activeCount_;
    rearm();
}

void IdleTracker::addClient(const QString &busName)
{
    if (busName.isEmpty() || clients_.contains(busName))
        return;
    clients_.insert(busName);
    clientWatcher_.addWatchedService(busName);
    // It may have left between its call and now; the watcher would never tell us.
    if (!clientWatcher_.connection().interface()->isServiceRegistered(busName).value()) {
        clients_.remove(busName);
        clientWatcher_.removeWatchedService(busName);
    }
    rearm();
}

void IdleTracker::rearm()
{
    timer_.stop();
    if (timeoutSeconds_ > 0 && activeCount_ == 0 && clients_.isEmpty())
        timer_.start(timeoutSeconds_ * 1000);
}
