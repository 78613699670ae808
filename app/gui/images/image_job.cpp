#include "image_job.h"

#include "helper_client.h"
#include "helper_connection.h"

#include "formatting.h"
#include "job_follower.h"

#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

ImageJob::ImageJob(JobItemModel::Kind kind, QObject *parent) : QObject(parent), layers_(new JobItemModel(kind, this)) {}

ImageJob::~ImageJob() = default;

qulonglong ImageJob::currentBytes() const
{
    return layers_->doneBytes();
}

qulonglong ImageJob::totalBytes() const
{
    return layers_->totalBytes();
}

double ImageJob::fraction() const
{
    if (succeeded())
        return 1.0;
    const qulonglong total = totalBytes();
    return total > 0 ? double(currentBytes()) / double(total) : 0.0;
}

QString ImageJob::bytesText() const
{
    if (layers_->count() == 0)
        return {};
    return tr("%1 of %2").arg(berth::client::formatDecimalSize(currentBytes()),
                              berth::client::formatDecimalSize(totalBytes()));
}

void ImageJob::addMessage(const QString &text)
{
    messages_ << text;
    Q_EMIT messagesChanged();
}

void ImageJob::reset()
{
    if (running_)
        return;
    follower_.reset();
    layers_->clear();
    messages_.clear();
    finished_ = cancelled_ = cancelling_ = false;
    errorMessage_.clear();
    statusText_.clear();
    Q_EMIT messagesChanged();
    Q_EMIT bytesChanged();
    Q_EMIT stateChanged();
}

void ImageJob::start()
{
    if (running_)
        return;
    reset();
    HelperClient::instance()->showCommand(command());
    if (const QString problem = inputProblem(); !problem.isEmpty()) {
        finish(QStringLiteral("io.berth.Error.InvalidArgument"), problem, {});
        return;
    }
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        finish(QStringLiteral("io.berth.Error.Unavailable"), failure, {});
        return;
    }
    if (const QString failure = prepare(); !failure.isEmpty()) {
        finish(QStringLiteral("io.berth.Error.InvalidArgument"), failure, {});
        return;
    }
    running_ = true;
    Q_EMIT stateChanged();

    // The follower listens before the call: the job starts as soon as the reply is sent.
    follower_ = std::make_unique<berth::client::JobFollower>();
    connect(follower_.get(), &berth::client::JobFollower::progress, this,
            [this](const QString &id, const QString &stage, qulonglong current, qulonglong total) {
                layers_->update(id, stage, current, total);
                Q_EMIT bytesChanged();
            });
    connect(follower_.get(), &berth::client::JobFollower::message, this, &ImageJob::addMessage);
    connect(follower_.get(), &berth::client::JobFollower::finished, this, &ImageJob::finish);

    auto *watcher = new QDBusPendingCallWatcher(call(*HelperClient::instance()->changeProxy()), this);
    called();
    auto *follower = follower_.get();
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, follower]() {
        watcher->deleteLater();
        if (follower != follower_.get())
            return;
        QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        if (reply.isError()) {
            finish(reply.error().name(), berth::client::describeFailure(reply.error()).message, {});
            return;
        }
        follower_->follow(reply.value().path());
        // A cancel asked for before the job had a path.
        if (cancelling_ && !follower_->isFinished())
            follower_->cancel();
    });
}

void ImageJob::cancel()
{
    if (!running_ || cancelling_)
        return;
    cancelling_ = true;
    Q_EMIT stateChanged();
    if (follower_ && !follower_->path().isEmpty())
        follower_->cancel();
}

void ImageJob::finish(const QString &errorName, const QString &errorMessage, const QVariantMap &result)
{
    if (finished_)
        return;
    running_ = false;
    finished_ = true;
    cancelling_ = false;
    cancelled_ = errorName.endsWith(QLatin1String(".Cancelled"));
    const bool ok = errorName.isEmpty();
    errorMessage_ = ok ? QString() : (errorMessage.isEmpty() ? errorName : errorMessage);
    if (const QString failure = conclude(ok, result); !failure.isEmpty())
        errorMessage_ = failure;
    Q_EMIT bytesChanged();
    Q_EMIT stateChanged();
    Q_EMIT done(errorMessage_.isEmpty());
}
