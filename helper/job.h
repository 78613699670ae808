// A long-running piece of work (pull, push, save, load) on the bus as io.berth.Job1. The
// work runs on its own thread; its progress reaches the bus from the helper's event loop.
#pragma once

#include "engine/core/error.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QObject>
#include <QVariantMap>

#include <functional>
#include <map>
#include <stop_token>
#include <thread>

class IdleTracker;
class PolkitAuthority;

class Job : public QObject, protected QDBusContext {
    Q_OBJECT
public:
    /// Thread-safe ways for the work to report.
    class Reporter {
    public:
        explicit Reporter(Job *job) : job_(job) {}
        void progress(const QString &id, const QString &state, quint64 current, quint64 total);
        void message(const QString &text);

    private:
        Job *job_;
    };
    using Work = std::function<berth::Result<QVariantMap>(Reporter &reporter, std::stop_token stop)>;

    Job(QDBusConnection bus, quint64 number, QString kind, QString actionId, PolkitAuthority *authority,
        IdleTracker *idleTracker, QObject *parent = nullptr);
    ~Job() override;

    [[nodiscard]] QString path() const { return path_; }
    /// Registers the object and runs work once the event loop turns (so the reply that
    /// names this job reaches the caller before any of its signals).
    [[nodiscard]] bool start(Work work);

public Q_SLOTS:
    void Cancel();
    QList<QVariantMap> GetState(bool &finished, QString &errorName, QString &errorMessage, QVariantMap &result);

Q_SIGNALS:
    void Progress(const QString &id, const QString &state, qulonglong current, qulonglong total);
    void Message(const QString &text);
    void Finished(const QString &errorName, const QString &errorMessage, const QVariantMap &result);

private:
    void finish(const berth::Result<QVariantMap> &outcome);

    QDBusConnection bus_;
    QString path_;
    QString kind_;
    QString actionId_;
    PolkitAuthority *authority_;
    IdleTracker *idleTracker_;
    std::map<QString, QVariantMap> items_;
    std::vector<QString> itemOrder_;
    bool finished_ = false;
    QString errorName_;
    QString errorMessage_;
    QVariantMap result_;
    std::stop_source stopSource_;
    std::jthread worker_;
};
