#include "container_copy_job.h"

#include "command_text.h"
#include "helper_client.h"
#include "helper_connection.h"
#include "job_follower.h"

#include "engine/container/container_copy.h"
#include "engine/core/unique_fd.h"

#include <QDBusPendingCallWatcher>
#include <QDBusUnixFileDescriptor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

QString errorText(const berth::Error &error)
{
    return QString::fromStdString(error.describe());
}

} // namespace

ContainerCopyJob::ContainerCopyJob(QObject *parent) : QObject(parent) {}

ContainerCopyJob::~ContainerCopyJob()
{
    // Shutting the stream down wakes the worker wherever it waits (and the helper's job
    // sees the end), so the window never waits for a long copy to finish.
    if (cancelHandle_.valid())
        ::shutdown(cancelHandle_.get(), SHUT_RDWR);
    if (follower_ && !jobDone_)
        follower_->cancel();
    if (worker_.joinable())
        worker_.join();
}

void ContainerCopyJob::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    Q_EMIT nameChanged();
}

QUrl ContainerCopyJob::startFolder() const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    return QUrl::fromLocalFile(folder);
}

void ContainerCopyJob::begin(const QString &commandLine)
{
    running_ = true;
    message_.clear();
    error_.clear();
    commandLine_ = commandLine;
    workerDone_ = false;
    jobDone_ = false;
    jobErrorName_.clear();
    jobErrorMessage_.clear();
    cancelled_ = false;
    cancelHandle_.reset();
    localOutcome_ = std::make_shared<berth::Status>();
    if (worker_.joinable())
        worker_.join();
    delete follower_;
    follower_ = new berth::client::JobFollower(this);
    connect(follower_, &berth::client::JobFollower::finished, this,
            [this](const QString &errorName, const QString &errorMessage, const QVariantMap &) {
                jobDone_ = true;
                jobErrorName_ = errorName;
                jobErrorMessage_ = errorMessage;
                conclude();
            });
    HelperClient::instance()->showCommand(commandLine);
    Q_EMIT stateChanged();
}

bool ContainerCopyJob::makeStream(berth::UniqueFd &ours, berth::UniqueFd &helpers)
{
    // A socket rather than a pipe: a pipe's blocked reader or writer cannot be woken from
    // another thread, and Cancel must stop both ends at once.
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
        fail(tr("Could not create a socket for the copy (%1); close some programs and try again.")
                 .arg(QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    ours = berth::UniqueFd(ends[0]);
    helpers = berth::UniqueFd(ends[1]);
    cancelHandle_ = berth::UniqueFd(::fcntl(ours.get(), F_DUPFD_CLOEXEC, 3));
    return true;
}

void ContainerCopyJob::cancel()
{
    if (!running_ || cancelled_)
        return;
    cancelled_ = true;
    if (cancelHandle_.valid())
        ::shutdown(cancelHandle_.get(), SHUT_RDWR);
    if (follower_ && !jobDone_)
        follower_->cancel();
}

void ContainerCopyJob::fail(const QString &error)
{
    running_ = false;
    error_ = error;
    Q_EMIT stateChanged();
    Q_EMIT finished(false);
}

void ContainerCopyJob::conclude()
{
    if (!running_ || !workerDone_ || !jobDone_)
        return;
    if (worker_.joinable())
        worker_.join();
    running_ = false;
    cancelHandle_.reset();
    if (cancelled_) {
        error_ = cancelledMessage_;
        Q_EMIT stateChanged();
        Q_EMIT finished(false);
        return;
    }
    // The job's own failure says most; a local failure explains a job that only saw the
    // pipe close early.
    if (!jobErrorName_.isEmpty() && (*localOutcome_ || !jobErrorMessage_.contains(QLatin1String("stopped before its end"))))
        error_ = jobErrorMessage_;
    else if (!*localOutcome_)
        error_ = errorText(localOutcome_->error());
    else
        message_ = successMessage_;
    Q_EMIT stateChanged();
    Q_EMIT finished(error_.isEmpty());
}

void ContainerCopyJob::download(const QString &containerPath, bool isDirectory, const QUrl &hostFolder)
{
    if (running_ || name_.isEmpty())
        return;
    const QString folder = hostFolder.isLocalFile() ? hostFolder.toLocalFile() : hostFolder.toString();
    begin(berth::gui::commandLine({QStringLiteral("cp"), name_ + QLatin1Char(':') + containerPath, folder}));
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty())
        return fail(failure);
    if (!QFileInfo(folder).isDir())
        return fail(tr("%1 is not a folder on this computer; choose an existing folder to download into.").arg(folder));
    auto readEnd = std::make_shared<berth::UniqueFd>();
    berth::UniqueFd writeEnd;
    if (!makeStream(*readEnd, writeEnd))
        return;
    successMessage_ = tr("Downloaded %1 to %2.").arg(containerPath, folder);
    cancelledMessage_ = tr("Download cancelled; what had arrived by then is in %1.").arg(folder);
    // This thread unpacks what the helper writes, as the person, into the chosen folder.
    const berth::container::CopySource source{containerPath.toStdString(), isDirectory};
    worker_ = std::thread([this, readEnd, source, destination = folder.toStdString(), outcome = localOutcome_] {
        *outcome = berth::container::copyArchiveToHost(readEnd->get(), source, destination);
        // Shut down, not only closed: cancel()'s duplicate keeps the socket open, and a
        // writer still going must see EPIPE and stop.
        ::shutdown(readEnd->get(), SHUT_RDWR);
        readEnd->reset();
        QMetaObject::invokeMethod(this, [this] {
            workerDone_ = true;
            conclude();
        }, Qt::QueuedConnection);
    });
    auto *watcher = new QDBusPendingCallWatcher(
        HelperClient::instance()->proxy()->CopyFromContainer(name_, containerPath, QDBusUnixFileDescriptor(writeEnd.get()), {}),
        this);
    // The message holds its own duplicate; ours goes so that the reader sees the end.
    writeEnd.reset();
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        if (reply.isError()) {
            jobDone_ = true;
            jobErrorName_ = reply.error().name();
            jobErrorMessage_ = berth::client::describeFailure(reply.error()).message;
            conclude();
            return;
        }
        follower_->follow(reply.value().path());
    });
}

void ContainerCopyJob::upload(const QUrl &hostPath, const QString &containerDirectory)
{
    if (running_ || name_.isEmpty())
        return;
    const QString source = hostPath.isLocalFile() ? hostPath.toLocalFile() : hostPath.toString();
    begin(berth::gui::commandLine({QStringLiteral("cp"), source, name_ + QLatin1Char(':') + containerDirectory}));
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty())
        return fail(failure);
    const QFileInfo info(source);
    if (!info.exists() && !info.isSymLink())
        return fail(tr("%1 does not exist on this computer; choose a file or folder to upload.").arg(source));
    berth::UniqueFd readEnd;
    auto writeEnd = std::make_shared<berth::UniqueFd>();
    if (!makeStream(*writeEnd, readEnd))
        return;
    successMessage_ = tr("Uploaded %1 to %2.").arg(info.fileName(), containerDirectory);
    cancelledMessage_ = tr("Upload cancelled; what had arrived by then is in %1.").arg(containerDirectory);
    // This thread archives the host path, with the person's permissions, into the pipe.
    worker_ = std::thread([this, writeEnd, path = source.toStdString(), outcome = localOutcome_] {
        *outcome = berth::container::archiveHostPath(path, {}, writeEnd->get());
        // The helper's end of file: cancel()'s duplicate keeps the socket itself open.
        ::shutdown(writeEnd->get(), SHUT_RDWR);
        writeEnd->reset();
        QMetaObject::invokeMethod(this, [this] {
            workerDone_ = true;
            conclude();
        }, Qt::QueuedConnection);
    });
    // An existing directory receives the file or folder under its own name (Docker's rule).
    auto *watcher = new QDBusPendingCallWatcher(
        HelperClient::instance()->proxy()->CopyToContainer(name_, containerDirectory, QDBusUnixFileDescriptor(readEnd.get()), {}),
        this);
    readEnd.reset();
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        if (reply.isError()) {
            jobDone_ = true;
            jobErrorName_ = reply.error().name();
            jobErrorMessage_ = berth::client::describeFailure(reply.error()).message;
            conclude();
            return;
        }
        follower_->follow(reply.value().path());
    });
}
