// Follows one io.berth.Job1 object of the helper: its progress, messages and outcome.
// Create it before starting the job (it listens to every job of the helper and keeps only
// its own), then call follow() with the path the starting call returned.
#pragma once

#include "helper_connection.h"

#include <QDBusMessage>
#include <QObject>
#include <QVariantMap>

#include <vector>

namespace berth::client {

class JobFollower : public QObject {
    Q_OBJECT
public:
    explicit JobFollower(QObject *parent = nullptr);

    /// Starts reporting the job at path, including what it emitted before this call.
    void follow(const QString &path);
    [[nodiscard]] QString path() const { return path_; }
    [[nodiscard]] bool isFinished() const { return finished_; }
    /// Asks the helper to cancel the job.
    void cancel();

Q_SIGNALS:
    void progress(const QString &id, const QString &state, qulonglong current, qulonglong total);
    void message(const QString &text);
    /// errorName is empty on success; failure carries the person-readable message.
    void finished(const QString &errorName, const QString &errorMessage, const QVariantMap &result);

private Q_SLOTS:
    void onProgress(const QString &id, const QString &state, qulonglong current, qulonglong total, const QDBusMessage &signal);
    void onMessage(const QString &text, const QDBusMessage &signal);
    void onFinished(const QString &errorName, const QString &errorMessage, const QVariantMap &result, const QDBusMessage &signal);
    void onHelperGone();

private:
    struct Pending {
        QString path;
        std::function<void()> replay;
    };
    bool isOurs(const QDBusMessage &signal, std::function<void()> replay);

    QString path_;
    bool finished_ = false;
    std::vector<Pending> early_;
};

} // namespace berth::client
