#include "job_follower.h"

#include "engine/core/version.h"

#include <QCoreApplication>
#include <QDBusServiceWatcher>

namespace berth::client {

namespace {
constexpr const char *jobInterface = "io.berth.Job1";
} // namespace

JobFollower::JobFollower(QObject *parent) : QObject(parent)
{
    auto bus = systemBus();
    const QString service = QLatin1String(dbusServiceName);
    bus.connect(service, QString(), QLatin1String(jobInterface), QStringLiteral("Progress"), this,
                SLOT(onProgress(QString, QString, qulonglong, qulonglong, QDBusMessage)));
    bus.connect(service, QString(), QLatin1String(jobInterface), QStringLiteral("Message"), this,
                SLOT(onMessage(QString, QDBusMessage)));
    bus.connect(service, QString(), QLatin1String(jobInterface), QStringLiteral("Finished"), this,
                SLOT(onFinished(QString, QString, QVariantMap, QDBusMessage)));
    auto *watcher = new QDBusServiceWatcher(service, bus, QDBusServiceWatcher::WatchForUnregistration, this);
    connect(watcher, &QDBusServiceWatcher::serviceUnregistered, this, &JobFollower::onHelperGone);
}

bool JobFollower::isOurs(const QDBusMessage &signal, std::function<void()> replay)
{
    if (path_.isEmpty()) {
        // The signal may belong to the job whose path we have not heard yet.
        early_.push_back(Pending{signal.path(), std::move(replay)});
        return false;
    }
    return signal.path() == path_ && !finished_;
}

void JobFollower::follow(const QString &path)
{
    path_ = path;
    auto early = std::move(early_);
    early_.clear();
    for (auto &pending : early) {
        if (pending.path == path_)
            pending.replay();
    }
}

void JobFollower::cancel()
{
    if (path_.isEmpty() || finished_)
        return;
    auto call = QDBusMessage::createMethodCall(QLatin1String(dbusServiceName), path_, QLatin1String(jobInterface),
                                               QStringLiteral("Cancel"));
    systemBus().asyncCall(call, changeTimeoutMs);
}

void JobFollower::onProgress(const QString &id, const QString &state, qulonglong current, qulonglong total,
                             const QDBusMessage &signal)
{
    if (isOurs(signal, [=, this] { Q_EMIT progress(id, state, current, total); }))
        Q_EMIT progress(id, state, current, total);
}

void JobFollower::onMessage(const QString &text, const QDBusMessage &signal)
{
    if (isOurs(signal, [=, this] { Q_EMIT message(text); }))
        Q_EMIT message(text);
}

void JobFollower::onFinished(const QString &errorName, const QString &errorMessage, const QVariantMap &result,
                             const QDBusMessage &signal)
{
    if (isOurs(signal, [=, this] {
            finished_ = true;
            Q_EMIT finished(errorName, errorMessage, result);
        })) {
        finished_ = true;
        Q_EMIT finished(errorName, errorMessage, result);
    }
}

void JobFollower::onHelperGone()
{
    if (path_.isEmpty() || finished_)
        return;
    finished_ = true;
    Q_EMIT finished(QStringLiteral("io.berth.Error.Unavailable"),
                    QCoreApplication::translate("berth::client",
                                                "Berth's helper stopped while the job was running; run the command again."),
                    {});
}

} // namespace berth::client
