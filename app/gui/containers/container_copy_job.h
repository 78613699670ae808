// Downloads and uploads of the Files tab, as `berth cp` does them: the helper writes a tar of
// the container's path into a pipe (CopyFromContainer) that the GUI unpacks into the host
// folder with the person's own permissions, or reads the tar the GUI makes of a host file or
// folder (CopyToContainer) into the container's directory. Docker's cp rules and the safe
// extraction come from engine/container/container_copy.h, shared with the CLI.
#pragma once

#include "engine/core/error.h"
#include "engine/core/unique_fd.h"

#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QUrl>

#include <memory>
#include <thread>

namespace berth::client {
class JobFollower;
}

class ContainerCopyJob : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// The container: a name, id or id prefix.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    /// What the last copy did ("Downloaded …"), or empty.
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    /// Why the last copy failed, or empty.
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    /// `berth cp NAME:PATH FOLDER` or `berth cp FILE NAME:DIRECTORY` of the last copy.
    Q_PROPERTY(QString commandLine READ commandLine NOTIFY stateChanged)

public:
    explicit ContainerCopyJob(QObject *parent = nullptr);
    ~ContainerCopyJob() override;

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] bool running() const { return running_; }
    [[nodiscard]] QString message() const { return message_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QString commandLine() const { return commandLine_; }

    /// Copies containerPath (a file, folder or link, not followed) into the host folder.
    Q_INVOKABLE void download(const QString &containerPath, bool isDirectory, const QUrl &hostFolder);
    /// Copies a host file or folder into the container's directory.
    Q_INVOKABLE void upload(const QUrl &hostPath, const QString &containerDirectory);
    /// Stops the copy under way: both sides see the stream end, and the outcome says what
    /// had arrived by then.
    Q_INVOKABLE void cancel();
    /// Where a folder dialog opens first: Downloads, else home.
    Q_INVOKABLE QUrl startFolder() const;

Q_SIGNALS:
    void nameChanged();
    void stateChanged();
    /// A copy ended; ok when it did all it was asked.
    void finished(bool ok);

private:
    void begin(const QString &commandLine);
    /// Called on the GUI thread once both the helper's job and the local thread are done.
    void conclude();
    void fail(const QString &error);
    /// A stream for the copy: ours is the end the worker uses; cancelling shuts it down.
    bool makeStream(berth::UniqueFd &ours, berth::UniqueFd &helpers);

    QString name_;
    bool running_ = false;
    QString message_;
    QString error_;
    QString commandLine_;
    QString successMessage_;
    QString cancelledMessage_;
    bool cancelled_ = false;
    /// Our end of the stream, for cancel() alone: shutting it down wakes the worker and
    /// the helper wherever they wait.
    berth::UniqueFd cancelHandle_;

    std::thread worker_;
    bool workerDone_ = false;
    bool jobDone_ = false;
    std::shared_ptr<berth::Status> localOutcome_;
    QString jobErrorName_;
    QString jobErrorMessage_;
    berth::client::JobFollower *follower_ = nullptr;
};
