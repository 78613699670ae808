#include "container_stats_model.h"

#include "command_text.h"
#include "dbus_types.h"
#include "helper_client.h"
#include "helper_connection.h"

#include <QDBusPendingCallWatcher>

#include <algorithm>

namespace {

bool alive(const QString &state)
{
    return state == QLatin1String("running") || state == QLatin1String("paused") || state == QLatin1String("restarting");
}

} // namespace

ContainerStatsModel::ContainerStatsModel(QObject *parent) : QObject(parent)
{
    berth::gui::registerImageDBusTypes();
    timer_.setInterval(1000);
    connect(&timer_, &QTimer::timeout, this, &ContainerStatsModel::sample);
    history_.setCapacity(historySeconds_ * 1000 / timer_.interval());
}

void ContainerStatsModel::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    ++generation_;
    history_.clear();
    stoppedSeen_ = false;
    setError({});
    Q_EMIT nameChanged();
    Q_EMIT sampled();
    stopSampling();
    updateSampling();
}

void ContainerStatsModel::setActive(bool active)
{
    if (active_ == active)
        return;
    active_ = active;
    Q_EMIT activeChanged();
    updateSampling();
}

void ContainerStatsModel::setRunning(bool running)
{
    if (running_ == running)
        return;
    running_ = running;
    if (running)
        stoppedSeen_ = false;
    Q_EMIT runningChanged();
    updateSampling();
}

void ContainerStatsModel::setInterval(int milliseconds)
{
    milliseconds = std::max(250, milliseconds);
    if (timer_.interval() == milliseconds)
        return;
    timer_.setInterval(milliseconds);
    history_.setCapacity(historySeconds_ * 1000 / milliseconds);
    Q_EMIT intervalChanged();
}

void ContainerStatsModel::setHistorySeconds(int seconds)
{
    seconds = std::max(10, seconds);
    if (historySeconds_ == seconds)
        return;
    historySeconds_ = seconds;
    history_.setCapacity(historySeconds_ * 1000 / timer_.interval());
    Q_EMIT historySecondsChanged();
    Q_EMIT sampled();
}

QString ContainerStatsModel::containerState() const
{
    return history_.lastSample().value(QStringLiteral("State")).toString();
}

int ContainerStatsModel::onlineCpus() const
{
    return std::max(1, history_.lastSample().value(QStringLiteral("OnlineCpus")).toInt());
}

double ContainerStatsModel::memoryPercent() const
{
    const double limit = memoryLimit();
    return limit > 0 ? memoryUsage() / limit * 100.0 : 0;
}

double ContainerStatsModel::total(const char *key) const
{
    return double(history_.lastSample().value(QLatin1String(key)).toULongLong());
}

QString ContainerStatsModel::commandLine() const
{
    return berth::gui::commandLine({QStringLiteral("stats"), name_.isEmpty() ? QStringLiteral("CONTAINER") : name_});
}

void ContainerStatsModel::clear()
{
    history_.clear();
    Q_EMIT sampled();
}

void ContainerStatsModel::updateSampling()
{
    const bool wanted = active_ && running_ && !stoppedSeen_ && !name_.isEmpty();
    if (wanted == timer_.isActive())
        return;
    if (!wanted) {
        stopSampling();
        return;
    }
    // The gap while nobody looked must not count as one long interval.
    history_.restart();
    timer_.start();
    Q_EMIT samplingChanged();
    sample();
}

void ContainerStatsModel::stopSampling()
{
    if (!timer_.isActive())
        return;
    timer_.stop();
    Q_EMIT samplingChanged();
}

void ContainerStatsModel::sample()
{
    // A slow helper must not pile up calls: the next tick asks again.
    if (callPending_ || name_.isEmpty())
        return;
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        setError(failure);
        return;
    }
    callPending_ = true;
    const quint64 generation = generation_;
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ContainerStats({name_}), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        callPending_ = false;
        if (generation != generation_)
            return;
        QDBusPendingReply<QList<QVariantMap>> reply = *watcher;
        if (reply.isError()) {
            const auto failure = berth::client::describeFailure(reply.error());
            setError(failure.message);
            // Removed: asking again cannot help.
            if (failure.kind == berth::client::FailureKind::NotFound) {
                stoppedSeen_ = true;
                stopSampling();
            }
            return;
        }
        const QList<QVariantMap> samples = reply.value();
        if (samples.isEmpty()) {
            setError(tr("The helper sent no sample for %1; run `berth stats %1` to see what it says.").arg(name_));
            return;
        }
        setError({});
        const QVariantMap &sample = samples.first();
        if (!alive(sample.value(QStringLiteral("State")).toString())) {
            // Its counters read zero now; the history keeps what it used while it ran.
            stoppedSeen_ = true;
            stopSampling();
            Q_EMIT sampled();
            return;
        }
        history_.add(sample);
        Q_EMIT sampled();
    });
}

void ContainerStatsModel::setError(const QString &error)
{
    if (error_ == error)
        return;
    error_ = error;
    Q_EMIT errorChanged();
}
