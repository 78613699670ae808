#include "job.h"

#include "dbus_errors.h"
#include "idle_tracker.h"
#include "job1_adaptor.h"
#include "polkit_authority.h"

#include "engine/core/version.h"

#include <QDBusMessage>
#include <QMetaObject>
#include <QTimer>

namespace {
// Long enough for a client that reconnects to read the outcome.
constexpr int keepFinishedJobMs = 60 * 1000;
} // namespace

void Job::Reporter::progress(const QString &id, const QString &state, quint64 current, quint64 total)
{
    QMetaObject::invokeMethod(
        job_,
        [job = job_, id, state, current, total] {
            if (!job->items_.contains(id))
                job->itemOrder_.push_back(id);
            job->items_[id] = QVariantMap{{QStringLiteral("Id"), id},
                                          {QStringLiteral("State"), state},
                                          {QStringLiteral("Current"), qulonglong(current)},
                                          {QStringLiteral("Total"), qulonglong(total)}};
            Q_EMIT job->Progress(id, state, current, total);
        },
        Qt::QueuedConnection);
}

void Job::Reporter::message(const QString &text)
{
    QMetaObject::invokeMethod(job_, [job = job_, text] { Q_EMIT job->Message(text); }, Qt::QueuedConnection);
}

Job::Job(QDBusConnection bus, quint64 number, QString kind, QString actionId, PolkitAuthority *authority,
         IdleTracker *idleTracker, QObject *parent)
    : QObject(parent), bus_(std::move(bus)),
      path_(QLatin1String(berth::dbusObjectPath) + QStringLiteral("/jobs/") + QString::number(number)),
      kind_(std::move(kind)), actionId_(std::move(actionId)), authority_(authority), idleTracker_(idleTracker)
{
    new Job1Adaptor(this);
}

Job::~Job()
{
    stopSource_.request_stop();
    if (worker_.joinable())
        worker_.join();
    bus_.unregisterObject(path_);
    if (!finished_)
        idleTracker_->endActivity();
}

bool Job::start(Work work)
{
    if (!bus_.registerObject(path_, this))
        return false;
    idleTracker_->beginActivity();
    QTimer::singleShot(0, this, [this, work = std::move(work)]() mutable {
        worker_ = std::jthread([this, work = std::move(work), stop = stopSource_.get_token()] {
            Reporter reporter(this);
            auto outcome = work(reporter, stop);
            QMetaObject::invokeMethod(this, [this, outcome = std::move(outcome)] { finish(outcome); }, Qt::QueuedConnection);
        });
    });
    return true;
}

void Job::finish(const berth::Result<QVariantMap> &outcome)
{
    if (finished_)
        return;
    finished_ = true;
    if (outcome) {
        result_ = *outcome;
    } else {
        errorName_ = dbusErrorName(outcome.error().code());
        errorMessage_ = QString::fromStdString(outcome.error().describe());
        qInfo("berth-helper: %s job %s failed: %s", qPrintable(kind_), qPrintable(path_), qPrintable(errorMessage_));
    }
    Q_EMIT Finished(errorName_, errorMessage_, result_);
    idleTracker_->endActivity();
    QTimer::singleShot(keepFinishedJobMs, this, &QObject::deleteLater);
}

void Job::Cancel()
{
    setDelayedReply(true);
    const QDBusMessage request = message();
    authority_->checkAuthorization(request.service(), actionId_, [this, request](const AuthorizationResult &result) {
        if (result.outcome != AuthorizationResult::Outcome::Authorized) {
            bus_.send(errorReply(request, berth::ErrorCode::NotAuthorized,
                                 tr("Not authorized to cancel this job (polkit action %1).").arg(actionId_)));
            return;
        }
        stopSource_.request_stop();
        bus_.send(request.createReply());
    });
}

QList<QVariantMap> Job::GetState(bool &finished, QString &errorName, QString &errorMessage, QVariantMap &result)
{
    setDelayedReply(true);
    const QDBusMessage request = message();
    authority_->checkAuthorization(request.service(), QStringLiteral("io.berth.subscribe"),
                                   [this, request](const AuthorizationResult &authorization) {
                                       if (authorization.outcome != AuthorizationResult::Outcome::Authorized) {
                                           bus_.send(errorReply(request, berth::ErrorCode::NotAuthorized,
                                                                tr("Not authorized to follow jobs (polkit action io.berth.subscribe).")));
                                           return;
                                       }
                                       QList<QVariantMap> items;
                                       for (const auto &id : itemOrder_)
                                           items << items_.at(id);
                                       bus_.send(request.createReply(QVariantList{QVariant::fromValue(items), finished_,
                                                                                  errorName_, errorMessage_, result_}));
                                   });
    finished = false;
    errorName.clear();
    errorMessage.clear();
    result.clear();
    return {};
}
