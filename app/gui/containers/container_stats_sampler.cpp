#include "container_stats_sampler.h"

#include "dbus_types.h"
#include "helper_client.h"
#include "helper_connection.h"

#include <QDBusPendingCallWatcher>
#include <QSet>

#include <algorithm>

namespace {

/// Points a sparkline keeps: two minutes at the slowest rate.
constexpr int sparklinePoints = 60;

} // namespace

ContainerStatsSampler::ContainerStatsSampler(QObject *parent) : QObject(parent)
{
    berth::gui::registerImageDBusTypes();
    timer_.setInterval(2000);
    connect(&timer_, &QTimer::timeout, this, &ContainerStatsSampler::sample);
}

void ContainerStatsSampler::setActive(bool active)
{
    if (active_ == active)
        return;
    active_ = active;
    update();
}

void ContainerStatsSampler::setAnyRunning(bool anyRunning)
{
    if (anyRunning_ == anyRunning)
        return;
    anyRunning_ = anyRunning;
    update();
}

void ContainerStatsSampler::setInterval(int milliseconds)
{
    timer_.setInterval(std::max(2000, milliseconds));
}

const berth::gui::StatsHistory *ContainerStatsSampler::history(const QString &id) const
{
    const auto found = histories_.constFind(id);
    return found == histories_.constEnd() || found->isEmpty() ? nullptr : &*found;
}

void ContainerStatsSampler::update()
{
    const bool wanted = active_ && anyRunning_;
    if (wanted == timer_.isActive())
        return;
    if (wanted) {
        // The time nobody looked is no interval to compare across.
        for (auto &history : histories_)
            history.restart();
        timer_.start();
        sample();
    } else {
        timer_.stop();
        // Nothing runs: what was kept is of containers that stopped. (Merely hidden, the
        // histories stay and go on when the list is shown again.)
        if (!anyRunning_)
            histories_.clear();
    }
    Q_EMIT samplingChanged();
}

void ContainerStatsSampler::sample()
{
    if (callPending_ || !HelperClient::instance()->busFailure().isEmpty())
        return;
    callPending_ = true;
    // No names: every running container, in one call.
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ContainerStats({}), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher]() {
        watcher->deleteLater();
        callPending_ = false;
        QDBusPendingReply<QList<QVariantMap>> reply = *watcher;
        // A failed glance is not worth a message: the list shows no sparkline and asks again.
        if (reply.isError() || !timer_.isActive())
            return;
        QSet<QString> seen;
        QStringList changed;
        for (const QVariantMap &item : reply.value()) {
            const QString id = item.value(QStringLiteral("Id")).toString();
            seen.insert(id);
            auto found = histories_.find(id);
            if (found == histories_.end())
                found = histories_.insert(id, berth::gui::StatsHistory(sparklinePoints));
            if (found->add(item))
                changed << id;
        }
        // Stopped or removed: its sparkline goes with it.
        for (auto it = histories_.begin(); it != histories_.end();) {
            if (seen.contains(it.key())) {
                ++it;
                continue;
            }
            changed << it.key();
            it = histories_.erase(it);
        }
        if (!changed.isEmpty())
            Q_EMIT sampled(changed);
    });
}
