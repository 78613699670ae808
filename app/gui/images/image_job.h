// What the pull, push, save and load dialogs share: one helper Job (io.berth.Job1) started
// by a call, followed through JobFollower — a row per item, an overall byte count, the
// helper's messages, the outcome — and cancel(), which really stops the helper's work.
// Each kind of job says how to start it (its call and its command line) and what its
// result means.
#pragma once

#include "job_item_model.h"

#include <QDBusPendingCall>
#include <QObject>
#include <QQmlEngine>

#include <memory>

class HelperProxy;

namespace berth::client {
class JobFollower;
}

class ImageJob : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use PullJob, PushJob, SaveJob or LoadJob")
    /// The berth command that does the same, for the command strip.
    Q_PROPERTY(QString command READ command NOTIFY inputChanged)
    /// Why the job cannot start with what was entered, or empty.
    Q_PROPERTY(QString inputProblem READ inputProblem NOTIFY inputChanged)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY stateChanged)
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY stateChanged)
    Q_PROPERTY(bool cancelled READ cancelled NOTIFY stateChanged)
    Q_PROPERTY(bool cancelling READ cancelling NOTIFY stateChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
    Q_PROPERTY(QStringList messages READ messages NOTIFY messagesChanged)
    Q_PROPERTY(qulonglong currentBytes READ currentBytes NOTIFY bytesChanged)
    Q_PROPERTY(qulonglong totalBytes READ totalBytes NOTIFY bytesChanged)
    Q_PROPERTY(double fraction READ fraction NOTIFY bytesChanged)
    Q_PROPERTY(QString bytesText READ bytesText NOTIFY bytesChanged)
    Q_PROPERTY(JobItemModel *layers READ layers CONSTANT)

public:
    ~ImageJob() override;

    [[nodiscard]] virtual QString command() const = 0;
    [[nodiscard]] virtual QString inputProblem() const { return {}; }
    [[nodiscard]] bool running() const { return running_; }
    [[nodiscard]] bool finished() const { return finished_; }
    [[nodiscard]] bool succeeded() const { return finished_ && errorMessage_.isEmpty(); }
    [[nodiscard]] bool cancelled() const { return cancelled_; }
    [[nodiscard]] bool cancelling() const { return cancelling_; }
    [[nodiscard]] QString errorMessage() const { return errorMessage_; }
    [[nodiscard]] QString statusText() const { return statusText_; }
    [[nodiscard]] QStringList messages() const { return messages_; }
    [[nodiscard]] qulonglong currentBytes() const;
    [[nodiscard]] qulonglong totalBytes() const;
    [[nodiscard]] double fraction() const;
    [[nodiscard]] QString bytesText() const;
    [[nodiscard]] JobItemModel *layers() const { return layers_; }

    /// Shows the command, checks the input, asks the helper to start; progress follows.
    Q_INVOKABLE void start();
    /// Stops the job in the helper (Job1.Cancel); the helper cleans up, then it finishes.
    Q_INVOKABLE void cancel();
    /// Forgets the last run's rows and outcome, keeping the input.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void inputChanged();
    void stateChanged();
    void messagesChanged();
    void bytesChanged();
    /// The job ended; errorMessage is empty on success.
    void done(bool ok);

protected:
    ImageJob(JobItemModel::Kind kind, QObject *parent);

    /// Readies what the call needs (e.g. opens the file); returns why it cannot, or empty.
    [[nodiscard]] virtual QString prepare() { return {}; }
    /// Makes the helper call that returns the job's path.
    [[nodiscard]] virtual QDBusPendingCall call(HelperProxy &proxy) = 0;
    /// Called right after call(): the helper holds its own copies of any descriptors now.
    virtual void called() {}
    /// Called once when the job ended, before the change is announced: sets the status
    /// text and messages for a success, cleans up after a failure. Returns a message that
    /// turns a success into a failure (e.g. the archive could not be put in place).
    [[nodiscard]] virtual QString conclude(bool ok, const QVariantMap &result) = 0;

    void addMessage(const QString &text);
    void setStatusText(const QString &text) { statusText_ = text; }
    /// Announces that command() or inputProblem() changed.
    void announceInput() { Q_EMIT inputChanged(); }
    [[nodiscard]] bool wasCancelled() const { return cancelled_; }

private:
    void finish(const QString &errorName, const QString &errorMessage, const QVariantMap &result);

    bool running_ = false;
    bool finished_ = false;
    bool cancelled_ = false;
    bool cancelling_ = false;
    QString errorMessage_;
    QString statusText_;
    QStringList messages_;
    JobItemModel *layers_;
    std::unique_ptr<berth::client::JobFollower> follower_;
};
